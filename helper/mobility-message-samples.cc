/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mobility-message-samples.h"

#include "ns3/binding-revocation-header.h"
#include "ns3/binding-update-header.h"
#include "ns3/flow-attribute-option.h"
#include "ns3/flow-binding-header.h"
#include "ns3/flow-binding-options.h"
#include "ns3/flow-mobility-header.h"
#include "ns3/flow-options.h"
#include "ns3/local-routing-optimization-header.h"
#include "ns3/local-routing-options.h"
#include "ns3/localized-routing-header.h"
#include "ns3/mac48-address.h"
#include "ns3/multihoming-options.h"
#include "ns3/nstime.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/proxy-flow-binding-header.h"
#include "ns3/traffic-selector.h"
#include "ns3/update-notification-header.h"

namespace ns3
{

namespace
{

const char* const MN_ID = "mn1@pmipv6.example"; ///< the NAI every sample uses

/**
 * \brief A selector for UDP from one home network prefix to ports 5000-5010.
 * \return the selector
 */
TrafficSelector
SampleSelector()
{
    TrafficSelector ts(mip6::TS_FORMAT_IPV6_BINARY);
    ts.SetSourceAddressPrefix(Ipv6Address("2001:1:1:1::"), Ipv6Prefix(64));
    ts.SetDestinationPortRange(5000, 5010);
    ts.SetNextHeader(17);
    return ts;
}

/**
 * \brief Add the seven RFC 5213 options of a PBU or PBA.
 * \param h the message
 */
void
AddRfc5213Options(MobilityHeader& h)
{
    h.AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    h.AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:1:1:1::"), 64));
    h.AddOption(Create<HandoffIndicatorOption>(mip6::HI_HANDOFF_BETWEEN_MAGS));
    h.AddOption(Create<AccessTechnologyTypeOption>(mip6::ATT_IEEE_802_11));
    h.AddOption(Create<MobileNodeLinkLayerIdOption>(Mac48Address("00:00:00:00:00:2a")));
    h.AddOption(Create<LinkLocalAddressOption>(Ipv6Address("fe80::1")));
    h.AddOption(Create<TimestampOption>(Seconds(1234.5)));
}

/**
 * \brief Make a sample entry.
 * \tparam T the message class
 * \param name the name
 * \param message the message
 * \return the sample
 */
template <typename T>
MobilityMessageSample
Sample(const std::string& name, std::shared_ptr<T> message)
{
    return MobilityMessageSample{name, message, []() { return std::make_shared<T>(); }};
}

} // namespace

std::vector<MobilityMessageSample>
MakeMobilityMessageSamples()
{
    std::vector<MobilityMessageSample> samples;

    auto pbu = std::make_shared<BindingUpdateHeader>();
    pbu->SetSequence(4242);
    pbu->SetLifetime(150);
    AddRfc5213Options(*pbu);
    pbu->AddOption(Create<BindingIdentifierOption>(7));
    pbu->AddOption(Create<ContextRequestOption>());
    samples.push_back(Sample("PBU", pbu));

    auto pba = std::make_shared<BindingAckHeader>();
    pba->SetSequence(4242);
    pba->SetLifetime(150);
    pba->SetStatus(mip6::BA_ACCEPTED);
    AddRfc5213Options(*pba);
    samples.push_back(Sample("PBA", pba));

    auto be = std::make_shared<BindingErrorHeader>();
    be->SetStatus(mip6::BE_UNRECOGNIZED_MH_TYPE);
    be->SetHomeAddress(Ipv6Address("2001:1:1:1::2a"));
    samples.push_back(Sample("BE", be));

    auto bri = std::make_shared<BindingRevocationIndicationHeader>();
    bri->SetSequence(77);
    bri->SetFlag(BindingRevocationHeader::FLAG_P, true);
    bri->SetRevocationTrigger(mip6::BRI_TRIGGER_INTER_MAG_HANDOVER_SAME_ATT);
    bri->AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    bri->AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:1:1:1::"), 64));
    samples.push_back(Sample("BRI", bri));

    auto bra = std::make_shared<BindingRevocationAckHeader>();
    bra->SetSequence(77);
    bra->SetFlag(BindingRevocationHeader::FLAG_P, true);
    bra->SetStatus(mip6::BRA_SUCCESS);
    bra->AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    samples.push_back(Sample("BRA", bra));

    auto lri = std::make_shared<LocalizedRoutingInitiationHeader>();
    lri->SetSequence(11);
    lri->SetLifetime(600);
    lri->AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    lri->AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:1:1:1::"), 64));
    lri->AddOption(Create<MagIpv6AddressOption>(Ipv6Address("fd00:0:0:1::2")));
    samples.push_back(Sample("LRI", lri));

    auto lra = std::make_shared<LocalizedRoutingAckHeader>();
    lra->SetSequence(11);
    lra->SetStatus(mip6::LRA_SUCCESS);
    lra->SetLifetime(600);
    lra->AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    samples.push_back(Sample("LRA", lra));

    auto upn = std::make_shared<UpdateNotificationHeader>();
    upn->SetSequence(21);
    upn->SetNotificationReason(mip6::UPN_REASON_FLOW_MOBILITY);
    upn->SetFlag(UpdateNotificationHeader::FLAG_A, true);
    upn->AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    upn->AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:1:1:1::"), 64));
    {
        Ptr<FlowIdentificationOption> fid = Create<FlowIdentificationOption>(5, 10);
        fid->AddBidReference({1, 2});
        fid->AddTrafficSelector(SampleSelector());
        upn->AddOption(fid);
    }
    samples.push_back(Sample("UPN", upn));

    auto upa = std::make_shared<UpdateNotificationAckHeader>();
    upa->SetSequence(21);
    upa->SetStatus(mip6::UPA_SUCCESS);
    upa->AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    samples.push_back(Sample("UPA", upa));

    auto fbi = std::make_shared<FlowBindingIndicationHeader>();
    fbi->SetSequence(31);
    fbi->SetTrigger(mip6::FBI_TRIGGER_ADMINISTRATIVE_REASON);
    fbi->SetAckRequested(true);
    fbi->AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    fbi->AddOption(Create<FlowSummaryOption>(std::vector<uint16_t>{5, 6}));
    samples.push_back(Sample("FBI", fbi));

    auto fba = std::make_shared<FlowBindingAckHeader>();
    fba->SetSequence(31);
    fba->SetStatus(mip6::FBA_SUCCESS);
    samples.push_back(Sample("FBA", fba));

    auto pfbi = std::make_shared<ProxyFlowBindingIndicationHeader>();
    pfbi->SetSequence(41);
    pfbi->SetTrigger(mip6::PFBI_TRIGGER_ADMINISTRATIVE_REASON);
    pfbi->SetFlag(ProxyFlowBindingIndicationHeader::FLAG_A, true);
    pfbi->AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    {
        Ptr<FlowAttributeOption> fa = Create<FlowAttributeOption>();
        fa->SetPro(mip6::FA_PRO_MOVE);
        fa->SetFlowId(5);
        fa->SetPriority(3);
        fa->SetLifetime(100);
        fa->AddSubOption(Create<TargetCareOfAddressSubOption>(Ipv6Address("fd00:0:0:2::2")));
        fa->AddSubOption(
            Create<AlternateLmaSubOption>(std::vector<Ipv6Address>{Ipv6Address("fd00:0:0:c::3")}));
        fa->SetFlowDescription(SampleSelector());
        pfbi->AddOption(fa);
    }
    samples.push_back(Sample("PFBI", pfbi));

    auto pfba = std::make_shared<ProxyFlowBindingAckHeader>();
    pfba->SetSequence(41);
    pfba->SetStatus(mip6::PFBA_SUCCESS);
    pfba->AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    samples.push_back(Sample("PFBA", pfba));

    // pmipv6-flow-mobility-draft 4.1 / 4.2: the MN-ID, then RFC 6089 Flow Identification
    // options (45)
    auto fmi = std::make_shared<FlowMobilityInitiateHeader>();
    fmi->SetSequence(51);
    fmi->SetLifetime(300);
    fmi->AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    {
        Ptr<FlowIdentificationOption> fid = Create<FlowIdentificationOption>(5, 2);
        fid->AddBidReference({2});
        fid->AddTrafficSelector(SampleSelector());
        fmi->AddOption(fid);
    }
    samples.push_back(Sample("FMI", fmi));

    auto fma = std::make_shared<FlowMobilityAckHeader>();
    fma->SetSequence(51);
    fma->SetLifetime(300);
    fma->SetStatus(mip6::FMA_SUCCESS);
    fma->AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    {
        Ptr<FlowIdentificationOption> fid = Create<FlowIdentificationOption>(5, 2);
        fid->AddTrafficSelector(SampleSelector());
        fma->AddOption(fid);
    }
    samples.push_back(Sample("FMA", fma));

    auto lroreq = std::make_shared<LocalRoutingOptimizationRequestHeader>();
    lroreq->SetSequence(61);
    lroreq->SetLri(mip6::LRI_INTRA_LMA);
    lroreq->SetLifetime(120);
    {
        Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
        lro->SetLri(mip6::LRI_INTRA_LMA);
        lroreq->AddOption(lro);
        Ptr<MnCnPairOption> mnSide = Create<MnCnPairOption>();
        mnSide->SetHomeNetworkPrefix(Ipv6Address("2001:1:1:1::"), 64);
        mnSide->SetProxyCoa(Ipv6Address("fd00:0:0:1::2"));
        lroreq->AddOption(mnSide);
        Ptr<MnCnPairOption> cnSide = Create<MnCnPairOption>();
        cnSide->SetHomeNetworkPrefix(Ipv6Address("2001:1:1:2::"), 64);
        cnSide->SetProxyCoa(Ipv6Address("fd00:0:0:2::2"));
        lroreq->AddOption(cnSide);
    }
    samples.push_back(Sample("LROREQ", lroreq));

    auto lrorsp = std::make_shared<LocalRoutingOptimizationResponseHeader>();
    lrorsp->SetSequence(61);
    lrorsp->SetLri(mip6::LRI_INTRA_LMA);
    lrorsp->SetLifetime(120);
    samples.push_back(Sample("LRORSP", lrorsp));

    auto roStart = std::make_shared<LmaRoStartRequestHeader>();
    roStart->SetSequence(71);
    roStart->SetLifetime(120);
    roStart->AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    samples.push_back(Sample("LMA-RO-START-REQ", roStart));

    auto roStartRsp = std::make_shared<LmaRoStartResponseHeader>();
    roStartRsp->SetSequence(71);
    roStartRsp->SetStatus(mip6::LMA_RO_START_ACCEPTED);
    roStartRsp->SetLifetime(120);
    samples.push_back(Sample("LMA-RO-START-RSP", roStartRsp));

    return samples;
}

} // namespace ns3
