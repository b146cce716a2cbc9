/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz targets: the receive paths the drafts add at a MAG, one target each:
 *   mag-fmi     a Flow Mobility message (FMI) from the LMA (MagFlowMobilityExtension)
 *   mag-pfbi    a PFBI (or a message with the PFBA's MH type) from the LMA
 *               (MagFlowBindingExtension, LMA-initiated flow binding)
 *   mag-lroreq  a Local Routing Optimization message (LROREQ) from the LMA
 *               (MagLocalRoutingExtension, draft 004)
 *   mag-pbu     a PBU from another MAG (MAG-MAG local routing, draft 004)
 *
 * The domain (Pmipv6DualAccessDomain, built once) is
 *
 *     CN ---- LMA ---- MAG1 ==csma== MN (logical interface)
 *              \------ MAG2 ==csma==/
 *
 * with the MN "mn1@pmipv6.example" (the samples' MN-ID) attached at both MAGs
 * (2001:1:1:1::/64 at MAG1, 2001:1:1:2::/64 at MAG2, the samples' prefixes and Proxy-CoAs).
 * MAG1 runs MagFlowMobilityExtension, MagFlowBindingExtension and MagLocalRoutingExtension;
 * MAG2 runs MagLocalRoutingExtension (MAG1's own PBUs to it are answered).
 *
 * Input: Control (8) | Mobility Header octets (the IPv6 payload). Octet 2 of the message (the
 * MH type) is replaced by the target's type, so every input takes the target's path.
 *   Control bits 0-1: IPv6 source: 0 the natural sender (the LMA; MAG2 for mag-pbu); 1 the
 *                     other agent (MAG2; the LMA for mag-pbu); 2 a remote address nobody
 *                     knows; 3 another address on MAG1's LMA link
 *   Control bit 2:    keep the Checksum field as given (else it is set right)
 *   Control bit 3:    mag-pfbi: the PFBA's MH type (the MAG reads it as a PFBI too)
 *   Control bits 4-5: 3: run the simulation 5 s after the message (timers fire), else 20 ms
 * The destination is MAG1's Proxy-CoA; the payload goes to MobilityL4Protocol::Receive of
 * MAG1 with its interface on the LMA link.
 *
 * Properties: no crash / sanitizer report / assertion; Receive returns RX_OK and counts the
 * message once; a message the target's class does not decode (or that Receive drops) is
 * rejected cleanly: one more drop is counted (a reason of MobilityL4Protocol::DropReason) and
 * MAG1 sends no answer for it (no message of the answer's MH type to the sender while the
 * handler runs).
 *
 * Seeds: the samples of the target's MH type and messages made for the domain (each from the
 * natural sender, the main ones from an unknown address too).
 */

#ifndef PMIPV6_MAG_RECEIVE_TARGET_H
#define PMIPV6_MAG_RECEIVE_TARGET_H

#include "pmipv6-fuzz-common.h"

#include "ns3/binding-update-header.h"
#include "ns3/binding-update-list.h"
#include "ns3/core-module.h"
#include "ns3/flow-attribute-option.h"
#include "ns3/flow-mobility-header.h"
#include "ns3/flow-options.h"
#include "ns3/internet-module.h"
#include "ns3/local-routing-optimization-header.h"
#include "ns3/local-routing-options.h"
#include "ns3/mag-flow-binding-extension.h"
#include "ns3/mag-flow-mobility-extension.h"
#include "ns3/mag-local-routing-extension.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-dual-access-domain.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/proxy-flow-binding-header.h"
#include "ns3/traffic-selector.h"

#include <memory>

namespace pmipv6fuzz
{
namespace magreceive
{

using namespace ns3;

/// The MN-ID of the samples, registered in the domain.
constexpr const char* MN_ID = "mn1@pmipv6.example";

/// The receive path a target feeds.
enum Path
{
    FMI = 0, ///< Flow Mobility Initiate from the LMA
    PFBI,    ///< Proxy Flow Binding Indication from the LMA
    LROREQ,  ///< Local Routing Optimization Request from the LMA
    PEER_PBU ///< PBU from another MAG
};

/**
 * \brief The MH type a path's inputs get.
 * \param path the path
 * \param alternate mag-pfbi: the PFBA's type
 * \return the type
 */
inline uint8_t
PathMhType(Path path, bool alternate)
{
    switch (path)
    {
    case FMI:
        return mip6::MH_FLOW_MOBILITY;
    case PFBI:
        return alternate ? mip6::MH_PROXY_FLOW_BINDING_ACK : mip6::MH_PROXY_FLOW_BINDING_INDICATION;
    case LROREQ:
        return mip6::MH_LOCAL_ROUTING_OPTIMIZATION;
    default:
        return mip6::MH_BINDING_UPDATE;
    }
}

/**
 * \brief The MH type of the MAG's answer on a path.
 * \param path the path
 * \return the type
 */
inline uint8_t
AnswerMhType(Path path)
{
    switch (path)
    {
    case FMI:
        return mip6::MH_FLOW_MOBILITY;
    case PFBI:
        return mip6::MH_PROXY_FLOW_BINDING_ACK;
    case LROREQ:
        return mip6::MH_LOCAL_ROUTING_OPTIMIZATION;
    default:
        return mip6::MH_BINDING_ACK;
    }
}

/**
 * \brief Does the message decode as what the path's handler reads?
 * \param path the path
 * \param bytes the message (MH type already the path's)
 * \return true when the handler gets past its decoding
 */
inline bool
PathDecodes(Path path, const Bytes& bytes)
{
    Bytes raw = bytes;
    std::shared_ptr<MobilityHeader> h;
    switch (path)
    {
    case FMI: {
        bool initiate = false;
        if (!FlowMobilityHeader::ReadInitiateFlag(raw.data(), raw.size(), initiate) || !initiate)
        {
            return false;
        }
        h = std::make_shared<FlowMobilityInitiateHeader>();
        break;
    }
    case PFBI:
        h = std::make_shared<ProxyFlowBindingIndicationHeader>();
        if (raw.size() > 2)
        {
            raw[2] = h->GetMhType();
        }
        break;
    case LROREQ: {
        bool response = false;
        if (!LocalRoutingOptimizationHeader::ReadResponseFlag(raw.data(), raw.size(), response))
        {
            return false;
        }
        if (response)
        {
            h = std::make_shared<LocalRoutingOptimizationResponseHeader>();
        }
        else
        {
            h = std::make_shared<LocalRoutingOptimizationRequestHeader>();
        }
        break;
    }
    default:
        h = std::make_shared<BindingUpdateHeader>();
        break;
    }
    Ptr<Packet> p = Create<Packet>(raw.data(), raw.size());
    p->PeekHeader(*h);
    return h->IsValid();
}

/**
 * \brief The dual-access domain and the receive path into MAG1.
 */
class Domain
{
  public:
    Domain() = default;
    Domain(const Domain&) = delete;
    Domain& operator=(const Domain&) = delete;

    /**
     * \brief Build the domain and attach the MN at both MAGs: the simulation runs to t = 3 s.
     */
    void Build()
    {
        m_d = std::make_unique<Pmipv6DualAccessDomain>(MN_ID);
        m_d->magApp[0]->AddExtension(CreateObject<MagFlowMobilityExtension>());
        m_d->magApp[0]->AddExtension(CreateObject<MagFlowBindingExtension>());
        m_d->magApp[0]->AddExtension(CreateObject<MagLocalRoutingExtension>());
        m_d->magApp[1]->AddExtension(CreateObject<MagLocalRoutingExtension>());
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            m_d.get(),
                            0,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Schedule(Seconds(1.0),
                            &Pmipv6DualAccessDomain::Attach,
                            m_d.get(),
                            1,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        Ptr<Node> mag = m_d->mags.Get(0);
        m_proto = mag->GetObject<MobilityL4Protocol>();
        NS_ABORT_MSG_IF(!m_proto, "MAG1 has no MobilityL4Protocol");
        Ptr<Ipv6L3Protocol> ipv6 = mag->GetObject<Ipv6L3Protocol>();
        int32_t index = ipv6->GetInterfaceForAddress(m_d->proxyCoa[0]);
        NS_ABORT_MSG_IF(index < 0, "MAG1 has no Proxy-CoA interface");
        m_interface = ipv6->GetInterface(index);
        uint8_t raw[16];
        m_d->proxyCoa[0].GetBytes(raw);
        raw[15] = 0x77;
        m_otherOnLink = Ipv6Address(raw);
        m_proto->TraceConnectWithoutContext("Tx", MakeCallback(&Domain::Sent, this));
    }

    /**
     * \brief Run one input (see the file comment).
     * \param path the target's path
     * \param data the octets
     * \param size their number
     */
    void Run(Path path, const uint8_t* data, size_t size)
    {
        if (size < 1)
        {
            return;
        }
        uint8_t control = data[0];
        Bytes payload(data + 1, data + size);
        if (payload.size() > 2)
        {
            payload[2] = PathMhType(path, (control & 0x08) != 0);
        }
        Ipv6Address natural = path == PEER_PBU ? m_d->proxyCoa[1] : m_d->lmaAddress;
        Ipv6Address other = path == PEER_PBU ? m_d->lmaAddress : m_d->proxyCoa[1];
        Ipv6Address source;
        switch (control & 3)
        {
        case 1:
            source = other;
            break;
        case 2:
            source = Ipv6Address("fd00:0:0:99::5");
            break;
        case 3:
            source = m_otherOnLink;
            break;
        default:
            source = natural;
            break;
        }
        Ipv6Address destination = m_d->proxyCoa[0];
        bool keepChecksum = (control & 0x04) != 0;
        if (!keepChecksum && payload.size() >= 6)
        {
            payload[4] = 0;
            payload[5] = 0;
            uint16_t checksum = MobilityHeader::ComputeChecksum(source,
                                                                destination,
                                                                payload.data(),
                                                                payload.size());
            payload[4] = checksum >> 8;
            payload[5] = checksum & 0xff;
        }

        Ipv6Header ip;
        ip.SetSource(source);
        ip.SetDestination(destination);
        ip.SetNextHeader(MobilityL4Protocol::PROT_NUMBER);
        ip.SetPayloadLength(payload.size());
        ip.SetHopLimit(64);
        Ptr<Packet> packet = Create<Packet>(payload.data(), payload.size());

        uint64_t rxBefore = m_proto->GetRxCount();
        uint64_t dropsBefore = Drops();
        IpL4Protocol::RxStatus status = m_proto->Receive(packet, ip, m_interface);
        FUZZ_CHECK(status == IpL4Protocol::RX_OK, "Receive returned " << status);
        uint64_t counted = m_proto->GetRxCount() - rxBefore + Drops() - dropsBefore;
        FUZZ_CHECK(counted == 1, "Receive counted the message " << counted << " times");
        bool dispatched = m_proto->GetRxCount() != rxBefore;

        // the handler runs in its own event, now: watch what MAG1 sends meanwhile
        m_answerSource = source;
        m_answerType = AnswerMhType(path);
        m_answers = 0;
        m_watching = true;
        Simulator::Stop(Seconds(0));
        Simulator::Run();
        m_watching = false;
        if (dispatched && !PathDecodes(path, payload))
        {
            FUZZ_CHECK(Drops() == dropsBefore + 1,
                       "a message that does not decode: " << Drops() - dropsBefore
                                                          << " drops counted");
            FUZZ_CHECK(m_answers == 0, "a message that does not decode was answered");
        }
        if (!dispatched)
        {
            FUZZ_CHECK(m_answers == 0, "a message dropped at receipt was answered");
        }
        Simulator::Stop(((control >> 4) & 3) == 3 ? Seconds(5) : MilliSeconds(20));
        Simulator::Run();
    }

    /**
     * \brief The domain.
     * \return the domain
     */
    Pmipv6DualAccessDomain& Get() const
    {
        return *m_d;
    }

    /**
     * \brief Answers MAG1 sent to the inputs (the answer's MH type, to the input's sender,
     * while the handler ran), over every Run.
     * \return the count
     */
    uint64_t GetAnswerCount() const
    {
        return m_totalAnswers;
    }

    /**
     * \brief MAG1's Mobility Header protocol.
     * \return the protocol
     */
    Ptr<MobilityL4Protocol> GetProtocol() const
    {
        return m_proto;
    }

  private:
    /**
     * \brief Drops MAG1's protocol counted, every reason.
     * \return the count
     */
    uint64_t Drops() const
    {
        uint64_t n = 0;
        for (uint32_t r = 0; r < MobilityL4Protocol::DROP_REASON_COUNT; ++r)
        {
            n += m_proto->GetDropCount(static_cast<MobilityL4Protocol::DropReason>(r));
        }
        return n;
    }

    /**
     * \brief MAG1's "Tx" trace sink.
     * \param p the message
     * \param src its source
     * \param dst its destination
     */
    void Sent(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst)
    {
        if (!m_watching || dst != m_answerSource || p->GetSize() < 3)
        {
            return;
        }
        uint8_t header[3];
        p->CopyData(header, 3);
        if (header[2] == m_answerType)
        {
            m_answers++;
            m_totalAnswers++;
        }
    }

    std::unique_ptr<Pmipv6DualAccessDomain> m_d; ///< the domain
    Ptr<MobilityL4Protocol> m_proto;             ///< MAG1's protocol
    Ptr<Ipv6Interface> m_interface;              ///< MAG1's interface on the LMA link
    Ipv6Address m_otherOnLink;                   ///< an absent address on that link
    bool m_watching{false};                      ///< the handler event runs
    Ipv6Address m_answerSource;                  ///< the input's source
    uint8_t m_answerType{0};                     ///< the answer's MH type
    uint32_t m_answers{0};                       ///< answers sent while watching
    uint64_t m_totalAnswers{0};                  ///< answers sent to inputs, all runs
};

/**
 * \brief Add a seed: control octet, then the message.
 * \param seeds the seeds
 * \param name its name
 * \param control the control octet
 * \param message the message
 */
inline void
AddSeed(Seeds& seeds, const std::string& name, uint8_t control, const MobilityHeader& message)
{
    Bytes seed{control};
    Bytes bytes = SerializeHeader(message);
    seed.insert(seed.end(), bytes.begin(), bytes.end());
    seeds.emplace_back(name, seed);
}

/**
 * \brief The seeds of a path: the samples of its MH type, and messages made for the domain.
 * \param path the path
 * \return the seeds
 */
inline Seeds
MakeSeeds(Path path)
{
    Seeds seeds;
    for (const auto& s : Samples())
    {
        uint8_t type = s.message->GetMhType();
        if (type == PathMhType(path, false) || type == PathMhType(path, true))
        {
            AddSeed(seeds, "sample-" + s.name, 0, *s.message);
            AddSeed(seeds, "sample-" + s.name + "-unknown-sender", 2, *s.message);
        }
    }
    const Ipv6Address mag1("fd00:0:0:1::2");
    const Ipv6Address mag2("fd00:0:0:2::2");
    const Ipv6Address hnp1("2001:1:1:1::");
    const Ipv6Address hnp2("2001:1:1:2::");
    TrafficSelector ts(mip6::TS_FORMAT_IPV6_BINARY);
    ts.SetSourceAddressPrefix(hnp1, Ipv6Prefix(64));
    ts.SetDestinationPortRange(9000, 9000);
    ts.SetNextHeader(17);
    switch (path)
    {
    case FMI: {
        const char* names[3] = {"add", "refresh", "cancel"};
        for (uint32_t k = 0; k < 3; ++k)
        {
            FlowMobilityInitiateHeader fmi;
            fmi.SetSequence(100 + k);
            fmi.SetLifetime(k == 2 ? 0 : 300);
            fmi.SetFlag(FlowMobilityInitiateHeader::FLAG_R, k == 1);
            fmi.SetFlag(FlowMobilityInitiateHeader::FLAG_C, k == 2);
            fmi.AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
            Ptr<FlowIdentificationOption> fid = Create<FlowIdentificationOption>(7, 1);
            fid->AddTrafficSelector(ts);
            fmi.AddOption(fid);
            AddSeed(seeds, std::string("fmi-") + names[k], 0, fmi);
        }
        break;
    }
    case PFBI: {
        const uint8_t pros[4] = {mip6::FA_PRO_ADD,
                                 mip6::FA_PRO_MODIFY,
                                 mip6::FA_PRO_REFRESH,
                                 mip6::FA_PRO_DELETE};
        const char* names[4] = {"add", "modify", "refresh", "delete"};
        for (uint32_t k = 0; k < 4; ++k)
        {
            ProxyFlowBindingIndicationHeader pfbi;
            pfbi.SetSequence(200 + k);
            pfbi.SetTrigger(mip6::PFBI_TRIGGER_ADMINISTRATIVE_REASON);
            pfbi.SetFlag(ProxyFlowBindingIndicationHeader::FLAG_A, true);
            pfbi.AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
            pfbi.AddOption(Create<HomeNetworkPrefixOption>(hnp1, 64));
            Ptr<FlowAttributeOption> fa = Create<FlowAttributeOption>();
            fa->SetPro(pros[k]);
            fa->SetFlowId(9);
            fa->SetPriority(2);
            fa->SetLifetime(50);
            fa->AddSubOption(Create<TargetCareOfAddressSubOption>(mag1));
            fa->SetFlowDescription(ts);
            pfbi.AddOption(fa);
            AddSeed(seeds, std::string("pfbi-") + names[k], 0, pfbi);
        }
        break;
    }
    case LROREQ: {
        const uint8_t lris[3] = {mip6::LRI_INTRA_LMA, mip6::LRI_INTRA_MAG, mip6::LRI_INTRA_LMA};
        const char* names[3] = {"intra-lma", "intra-mag-context", "remove"};
        for (uint32_t k = 0; k < 3; ++k)
        {
            LocalRoutingOptimizationRequestHeader req;
            req.SetSequence(300 + k);
            req.SetLri(lris[k]);
            req.SetLifetime(k == 2 ? 0 : 60);
            Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
            lro->SetLri(lris[k]);
            req.AddOption(lro);
            Ptr<MnCnPairOption> mnSide = Create<MnCnPairOption>();
            mnSide->SetHomeNetworkPrefix(hnp1, 64);
            mnSide->SetProxyCoa(mag1);
            req.AddOption(mnSide);
            Ptr<MnCnPairOption> cnSide = Create<MnCnPairOption>();
            cnSide->SetHomeNetworkPrefix(k == 1 ? Ipv6Address("2001:1:1:3::") : hnp2, 64);
            cnSide->SetProxyCoa(k == 1 ? mag1 : mag2);
            req.AddOption(cnSide);
            if (k == 1)
            {
                Ptr<ContextRequestOption> context = Create<ContextRequestOption>();
                context->AddRequest(mip6::OPT_MOBILE_NODE_IDENTIFIER);
                context->AddRequest(mip6::OPT_MOBILE_NODE_LINK_LAYER_ID);
                req.AddOption(context);
            }
            AddSeed(seeds, std::string("lroreq-") + names[k], 0, req);
        }
        break;
    }
    default: {
        const char* names[3] = {"intra-lma", "inter-lma", "deregister"};
        for (uint32_t k = 0; k < 3; ++k)
        {
            BindingUpdateHeader pbu;
            pbu.SetSequence(400 + k);
            pbu.SetFlag(BindingUpdateHeader::FLAG_A, true);
            pbu.SetFlag(BindingUpdateHeader::FLAG_P, true);
            pbu.SetLifetime(k == 2 ? 0 : 15);
            pbu.AddOption(Create<MobileNodeIdentifierOption>("mn2@pmipv6.example"));
            pbu.AddOption(Create<HomeNetworkPrefixOption>(hnp2, 64));
            Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
            lro->SetLri(k == 1 ? mip6::LRI_INTER_LMA : mip6::LRI_INTRA_LMA);
            pbu.AddOption(lro);
            Ptr<MnCnPairOption> cn = Create<MnCnPairOption>();
            cn->SetHomeNetworkPrefix(hnp1, 64);
            cn->SetProxyCoa(mag1);
            pbu.AddOption(cn);
            AddSeed(seeds, std::string("peer-pbu-") + names[k], 0, pbu);
            AddSeed(seeds, std::string("peer-pbu-") + names[k] + "-from-lma", 1, pbu);
        }
        break;
    }
    }
    return seeds;
}

/**
 * \brief The seeds of mag-fmi.
 * \return the seeds
 */
inline Seeds
MakeFmiSeeds()
{
    return MakeSeeds(FMI);
}

/**
 * \brief The seeds of mag-pfbi.
 * \return the seeds
 */
inline Seeds
MakePfbiSeeds()
{
    return MakeSeeds(PFBI);
}

/**
 * \brief The seeds of mag-lroreq.
 * \return the seeds
 */
inline Seeds
MakeLroreqSeeds()
{
    return MakeSeeds(LROREQ);
}

/**
 * \brief The seeds of mag-pbu.
 * \return the seeds
 */
inline Seeds
MakePeerPbuSeeds()
{
    return MakeSeeds(PEER_PBU);
}

/**
 * \brief The LLVMFuzzerInitialize of a mag-* target: `--write-corpus=DIR` writes the target's
 * seeds and exits; otherwise the domain is built, once.
 * \param argc libFuzzer's argument count
 * \param argv libFuzzer's arguments
 * \param makeSeeds the target's seeds
 * \return 0
 */
inline int
FuzzerInitialize(int* argc, char*** argv, Seeds (*makeSeeds)())
{
    return InitializeProcessDomain<Domain>(argc, argv, makeSeeds);
}

/**
 * \brief The LLVMFuzzerTestOneInput of the mag-* target of path P.
 * \tparam P the receive path
 * \param data the input
 * \param size its length
 * \return 0
 */
template <Path P>
int
FuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return TestOneInputOnProcessDomain<Domain, Path, P>(data, size);
}

} // namespace magreceive
} // namespace pmipv6fuzz

#endif /* PMIPV6_MAG_RECEIVE_TARGET_H */
