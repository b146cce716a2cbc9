/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz target: MobilityOptionList::Deserialize over raw octets, with the default option
 * factory and with each sub-option space of the module.
 *
 * Input: Kind (8) | Offset (8) | list octets.
 *   Kind % 8 picks the list (factory, end padding, Pad1/PadN handling):
 *     0  Mobility Header options: CreateMobilityOption, padded to 8, Pad1/PadN (a message)
 *     1  the same without end padding
 *     2  Flow Identification (RFC 6089) sub-options: CreateFlowIdSubOption, Pad1/PadN
 *     3  Flow Attribute (draft-sarikaya-netext-lma-init-flow-binding) sub-options, no padding
 *     4  FBID (draft-soliman-monami6-flow-binding) sub-options, no padding
 *     5  multihoming FID sub-options, no padding
 *     6  a factory that knows no type (every option kept as UnknownMobilityOption)
 *     7  CreateMobilityOption with no Pad1/PadN (types 0 and 1 are ordinary options)
 *   Offset is the offset of the list from the start of the Mobility Header (alignment).
 * Properties: no crash / sanitizer report / assertion; a list that decodes re-serializes at the
 * same offset into octets that decode into the same number of options and serialize to the
 * same octets; Print works and is the same for both.
 *
 * The sub-option factories of the Flow Attribute, FBID and multihoming FID options are private
 * to their .cc files; the copies below map the same Type values (pmipv6-wire-numbers.h) to the
 * same public classes.
 */

#ifndef PMIPV6_MOBILITY_OPTION_LIST_TARGET_H
#define PMIPV6_MOBILITY_OPTION_LIST_TARGET_H

#include "pmipv6-fuzz-common.h"

#include "ns3/flow-attribute-option.h"
#include "ns3/flow-binding-options.h"
#include "ns3/flow-options.h"
#include "ns3/ipv6-address.h"
#include "ns3/multihoming-options.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/traffic-selector.h"

namespace pmipv6fuzz
{
namespace optionlist
{

using namespace ns3;

/**
 * \brief Sub-options of the Flow Attribute option.
 * \param type the Type octet
 * \return the sub-option or nullptr
 */
inline Ptr<MobilityOption>
FlowAttributeSubOptions(uint8_t type)
{
    switch (type)
    {
    case mip6::FA_SUBOPT_ALTERNATE_LMA:
        return Create<AlternateLmaSubOption>();
    case mip6::FA_SUBOPT_TARGET_COA:
        return Create<TargetCareOfAddressSubOption>();
    case mip6::FA_SUBOPT_FLOW_DESCRIPTION:
        return Create<TrafficSelectorSubOption>();
    default:
        return nullptr;
    }
}

/**
 * \brief Sub-options of the FBID option.
 * \param type the Type octet
 * \return the sub-option or nullptr
 */
inline Ptr<MobilityOption>
FbidSubOptions(uint8_t type)
{
    switch (type)
    {
    case mip6::FBID_SUBOPT_BINDING_REFERENCE:
        return Create<BindingReferenceSubOption>();
    case mip6::FBID_SUBOPT_FLOW_DESCRIPTION:
        return Create<TrafficSelectorSubOption>();
    default:
        return nullptr;
    }
}

/**
 * \brief Sub-options of the multihoming FID option.
 * \param type the Type octet
 * \return the sub-option or nullptr
 */
inline Ptr<MobilityOption>
MuhoFidSubOptions(uint8_t type)
{
    if (type == mip6::MUHO_SUBOPT_FLOW_DESCRIPTION)
    {
        return Create<TrafficSelectorSubOption>();
    }
    return nullptr;
}

/**
 * \brief A factory that knows nothing.
 * \return nullptr
 */
inline Ptr<MobilityOption>
NoOptions(uint8_t /* type */)
{
    return nullptr;
}

/// Number of list kinds.
constexpr uint8_t KIND_COUNT = 8;

/**
 * \brief An empty list of a kind (see the file comment).
 * \param kind the kind
 * \return the list
 */
inline MobilityOptionList
MakeList(uint8_t kind)
{
    switch (kind % KIND_COUNT)
    {
    case 0:
        return MobilityOptionList();
    case 1:
        return MobilityOptionList(&CreateMobilityOption, false);
    case 2:
        return MobilityOptionList(&CreateFlowIdSubOption, false);
    case 3:
        return MobilityOptionList(&FlowAttributeSubOptions, false, false);
    case 4:
        return MobilityOptionList(&FbidSubOptions, false, false);
    case 5:
        return MobilityOptionList(&MuhoFidSubOptions, false, false);
    case 6:
        return MobilityOptionList(&NoOptions, true);
    default:
        return MobilityOptionList(&CreateMobilityOption, false, false);
    }
}

/**
 * \brief Decode octets into a list.
 * \param list the list
 * \param data the octets
 * \param size their number
 * \param error set on failure
 * \return true when decoded
 */
inline bool
Decode(MobilityOptionList& list, const uint8_t* data, size_t size, std::string& error)
{
    Buffer buffer;
    buffer.AddAtStart(size);
    buffer.Begin().Write(data, size);
    return list.Deserialize(buffer.Begin(), size, error);
}

/**
 * \brief A list's print.
 * \param list the list
 * \return the text
 */
inline std::string
PrintList(const MobilityOptionList& list)
{
    std::ostringstream os;
    list.Print(os);
    return os.str();
}

/**
 * \brief A selector as the samples use.
 * \return the selector
 */
inline TrafficSelector
SeedSelector()
{
    TrafficSelector ts(mip6::TS_FORMAT_IPV6_BINARY);
    ts.SetSourceAddressPrefix(Ipv6Address("2001:1:1:1::"), Ipv6Prefix(64));
    ts.SetDestinationPortRange(5000, 5010);
    ts.SetNextHeader(17);
    return ts;
}

/**
 * \brief One seed: kind, offset and the list serialized at that offset.
 * \param kind the kind
 * \param offset the offset
 * \param list the list
 * \return the input
 */
inline Bytes
Seed(uint8_t kind, uint8_t offset, const MobilityOptionList& list)
{
    Bytes seed{kind, offset};
    Bytes body = SerializeOptions(list, offset);
    seed.insert(seed.end(), body.begin(), body.end());
    return seed;
}

/**
 * \brief The seeds: the options of every sample message (kinds 0, 1, 6 and 7 at the
 * message's options offset) and a list of each sub-option space.
 * \return the seeds
 */
inline Seeds
MakeSeeds()
{
    std::vector<std::pair<std::string, Bytes>> seeds;
    for (const auto& s : Samples())
    {
        if (s.message->GetOptions().GetCount() == 0)
        {
            continue;
        }
        Bytes message = SerializeHeader(*s.message);
        uint8_t offset = static_cast<uint8_t>(s.message->GetOptionsOffset());
        for (uint8_t kind : {0, 1, 6, 7})
        {
            Bytes seed{kind, offset};
            seed.insert(seed.end(), message.begin() + offset, message.end());
            seeds.emplace_back(s.name + "-kind" + std::to_string(kind), seed);
        }
    }
    Ipv6Address a("fd00:0:0:2::2");
    Ipv6Address b("fd00:0:0:c::3");

    MobilityOptionList fid = MakeList(2);
    fid.Add(Create<BidReferenceSubOption>(std::vector<uint16_t>{1, 2}));
    fid.Add(Create<TrafficSelectorSubOption>(SeedSelector()));
    seeds.emplace_back("fid-suboptions", Seed(2, 10, fid));

    MobilityOptionList fa = MakeList(3);
    fa.Add(Create<TargetCareOfAddressSubOption>(a));
    fa.Add(Create<AlternateLmaSubOption>(std::vector<Ipv6Address>{b, a}));
    fa.Add(Create<TrafficSelectorSubOption>(SeedSelector()));
    seeds.emplace_back("fa-suboptions", Seed(3, 0, fa));

    MobilityOptionList fbid = MakeList(4);
    fbid.Add(Create<BindingReferenceSubOption>(std::vector<uint16_t>{2, 3}));
    fbid.Add(Create<TrafficSelectorSubOption>(SeedSelector()));
    seeds.emplace_back("fbid-suboptions", Seed(4, 0, fbid));

    MobilityOptionList muho = MakeList(5);
    TrafficSelector v4(mip6::TS_FORMAT_IPV4_BINARY);
    v4.SetIpv4SourceAddressPrefix(Ipv4Address("10.1.0.0"), Ipv4Mask("255.255.0.0"));
    v4.SetSourcePortRange(1000, 2000);
    muho.Add(Create<TrafficSelectorSubOption>(v4));
    seeds.emplace_back("muho-suboptions", Seed(5, 0, muho));

    // the options no sample message carries: multihoming (MHO, MUHO FID) and the FBID option
    MobilityOptionList unsampled = MakeList(0);
    Ptr<MultihomingOption> mho = Create<MultihomingOption>();
    mho->SetGroupId(3);
    mho->SetAct(1);
    unsampled.Add(mho);
    Ptr<MuhoFlowIdentifierOption> muhoFid = Create<MuhoFlowIdentifierOption>();
    muhoFid->SetFlowId(7);
    muhoFid->SetPriority(2);
    muhoFid->SetAction(1);
    muhoFid->SetPro(1);
    unsampled.Add(muhoFid);
    Ptr<FbFlowIdentificationOption> fbidOption = Create<FbFlowIdentificationOption>();
    fbidOption->SetFlowId(8);
    fbidOption->SetPriority(4);
    fbidOption->SetAction(1);
    unsampled.Add(fbidOption);
    seeds.emplace_back("unsampled-options", Seed(0, 4, unsampled));
    seeds.emplace_back("unsampled-options-kind1", Seed(1, 4, unsampled));
    return seeds;
}

/**
 * \brief Run one input.
 * \param data the octets
 * \param size their number
 */
inline void
Run(const uint8_t* data, size_t size)
{
    if (size < 2)
    {
        return;
    }
    uint8_t kind = data[0] % KIND_COUNT;
    uint32_t offset = data[1];
    data += 2;
    size -= 2;

    MobilityOptionList list = MakeList(kind);
    std::string error;
    if (!Decode(list, data, size, error))
    {
        FUZZ_CHECK(!error.empty(), "kind " << +kind << ": rejected without a reason");
        return;
    }
    std::string print = PrintList(list);
    Bytes first = SerializeOptions(list, offset);

    MobilityOptionList again = MakeList(kind);
    std::string againError;
    FUZZ_CHECK(Decode(again, first.data(), first.size(), againError),
               "kind " << +kind << " offset " << offset
                       << ": own serialization rejected: " << againError << "\n  " << Hex(first));
    FUZZ_CHECK(again.GetCount() == list.GetCount(),
               "kind " << +kind << ": " << list.GetCount() << " options became "
                       << again.GetCount());
    Bytes second = SerializeOptions(again, offset);
    FUZZ_CHECK(first == second,
               "kind " << +kind << " offset " << offset << ": serialization not stable\n  first  "
                       << Hex(first) << "\n  second " << Hex(second));
    FUZZ_CHECK(print == PrintList(again),
               "kind " << +kind << ": decoded options differ\n  first  " << print << "\n  second "
                       << PrintList(again));
    for (uint32_t k = 0; k < list.GetCount(); ++k)
    {
        const auto& o = list.GetOptions()[k];
        FUZZ_CHECK(o->GetType() == again.GetOptions()[k]->GetType() &&
                       o->GetDataLength() == again.GetOptions()[k]->GetDataLength(),
                   "kind " << +kind << ": option " << k << " changed");
    }
}

} // namespace optionlist
} // namespace pmipv6fuzz

#endif /* PMIPV6_MOBILITY_OPTION_LIST_TARGET_H */
