/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mag-flow-mobility-extension.h"

#include "mag-routing.h"
#include "pmipv6-mag-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"
#include "signalling-transaction.h"
#include "update-notification-header.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagFlowMobilityExtension");

NS_OBJECT_ENSURE_REGISTERED(MagFlowMobilityExtension);

namespace
{

/**
 * \brief The prefix an address range is exactly, e.g. 2001:1:1:2:: .. 2001:1:1:2:ffff:ffff:
 * ffff:ffff is 2001:1:1:2::/64; a single address is a /128.
 * \param start first address
 * \param end last address
 * \param out set to the prefix on success
 * \return false when the range is not a prefix
 */
bool
RangeToPrefix(Ipv6Address start, Ipv6Address end, HomeNetworkPrefix& out)
{
    uint8_t s[16];
    uint8_t e[16];
    start.GetBytes(s);
    end.GetBytes(e);
    for (uint32_t len = 0; len <= 128; ++len)
    {
        bool ok = true;
        for (uint32_t bit = len; bit < 128 && ok; ++bit)
        {
            uint8_t mask = static_cast<uint8_t>(0x80 >> (bit % 8));
            ok = (s[bit / 8] & mask) == 0 && (e[bit / 8] & mask) != 0;
        }
        for (uint32_t bit = 0; bit < len && ok; ++bit)
        {
            uint8_t mask = static_cast<uint8_t>(0x80 >> (bit % 8));
            ok = (s[bit / 8] & mask) == (e[bit / 8] & mask);
        }
        if (ok)
        {
            out = HomeNetworkPrefix(start, static_cast<uint8_t>(len));
            return true;
        }
    }
    return false;
}

} // namespace

TypeId
MagFlowMobilityExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagFlowMobilityExtension")
            .SetParent<Pmipv6MagExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MagFlowMobilityExtension>()
            .AddTraceSource("FlowAdded",
                            "The LMA moved a flow of a mobile node to this MAG (FMI add, UPN).",
                            MakeTraceSourceAccessor(&MagFlowMobilityExtension::m_flowAddedTrace),
                            "ns3::MagFlowMobilityExtension::FlowAddedTracedCallback")
            .AddTraceSource("FlowRemoved",
                            "A flow state was removed (LMA request, lifetime expiry, detach).",
                            MakeTraceSourceAccessor(&MagFlowMobilityExtension::m_flowRemovedTrace),
                            "ns3::MagFlowMobilityExtension::FlowRemovedTracedCallback")
            .AddTraceSource("AckSent",
                            "An FMA or UPA was sent.",
                            MakeTraceSourceAccessor(&MagFlowMobilityExtension::m_ackSentTrace),
                            "ns3::MagFlowMobilityExtension::AckSentTracedCallback");
    return tid;
}

MagFlowMobilityExtension::MagFlowMobilityExtension()
{
    NS_LOG_FUNCTION(this);
}

MagFlowMobilityExtension::~MagFlowMobilityExtension()
{
    NS_LOG_FUNCTION(this);
}

std::vector<uint8_t>
MagFlowMobilityExtension::GetMhTypes() const
{
    return {mip6::MH_FLOW_MOBILITY, mip6::MH_UPDATE_NOTIFICATION};
}

void
MagFlowMobilityExtension::Receive(uint8_t mhType,
                                  Ptr<Packet> p,
                                  const Ipv6Header& ip,
                                  uint32_t /* interface */)
{
    if (mhType == mip6::MH_FLOW_MOBILITY)
    {
        ReceiveFmi(p, ip);
    }
    else
    {
        ReceiveUpn(p, ip);
    }
}

void
MagFlowMobilityExtension::ReceiveFmi(Ptr<Packet> p, const Ipv6Header& ip)
{
    Ptr<MobilityL4Protocol> mobility = GetMag()->GetMobilityProtocol();
    std::vector<uint8_t> raw(p->GetSize());
    p->CopyData(raw.data(), raw.size());
    bool initiate = false;
    if (!FlowMobilityHeader::ReadInitiateFlag(raw.data(), raw.size(), initiate) || !initiate)
    {
        NS_LOG_LOGIC("MAG ignores a Flow Mobility message that is not an FMI");
        mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
        return;
    }
    FlowMobilityInitiateHeader fmi;
    if (!mobility->Decode(p, ip, fmi))
    {
        return;
    }
    Ipv6Address lma = ip.GetSource();
    Ptr<MobileNodeIdentifierOption> named = fmi.GetOptions().Find<MobileNodeIdentifierOption>();
    if (!GetMag()->IsLmaOf(lma, named ? named->GetNai() : ""))
    {
        NS_LOG_WARN("MAG " << GetMag()->GetProxyCoa() << ": FMI from " << lma
                           << ", which is not the LMA of " << (named ? named->GetNai() : "?")
                           << ": dropped");
        mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_UNKNOWN_PEER);
        return;
    }
    uint16_t seq = fmi.GetSequence();
    auto window = m_fmiWindows.find(lma);
    if (window != m_fmiWindows.end())
    {
        FlowMobilityAckHeader* fma = window->second.answered.Find(seq);
        if (fma)
        {
            // a retransmission: its FMA was lost; answer the same again
            NS_LOG_LOGIC("FMI seq " << seq << " again: same FMA");
            SendAck(*fma, fma->GetStatus(), seq, lma);
            return;
        }
    }
    bool cancel = fmi.HasFlag(FlowMobilityInitiateHeader::FLAG_C);
    bool refresh = !cancel && fmi.HasFlag(FlowMobilityInitiateHeader::FLAG_R);
    Ptr<MobileNodeIdentifierOption> mnIdOpt = fmi.GetOptions().Find<MobileNodeIdentifierOption>();
    std::string mnId = mnIdOpt ? mnIdOpt->GetNai() : "";
    std::vector<FlowOp> ops;
    for (const auto& option : fmi.GetOptions().FindAll<FlowIdentificationOption>())
    {
        FlowOp op;
        op.op = cancel ? OP_REMOVE : refresh ? OP_REFRESH : OP_ADD;
        op.option = option;
        ops.push_back(op);
    }
    // older than the newest: accepted only within FMI_WINDOW (a late first arrival)
    bool newer = window == m_fmiWindows.end() ||
                 SignallingTransactionManager::SequenceNewer(seq, window->second.newest);
    bool outOfWindow = !newer && static_cast<uint16_t>(window->second.newest - seq) >= FMI_WINDOW;
    uint8_t status = mip6::FMA_SUCCESS;
    if (outOfWindow)
    {
        status = mip6::FMA_SEQUENCE_OUT_OF_WINDOW;
    }
    else if ((cancel && fmi.GetLifetime() != 0) || (!cancel && fmi.GetLifetime() == 0))
    {
        status = mip6::FMA_REASON_UNSPECIFIED; // section 4.1: C = 1 needs Lifetime 0
    }
    else
    {
        switch (Apply(mnId, ops, fmi.GetLifetime()))
        {
        case OK:
            status = mip6::FMA_SUCCESS;
            break;
        case NOT_ATTACHED:
            status = mip6::FMA_MN_NOT_ATTACHED;
            break;
        case TS_UNSUPPORTED:
            status = mip6::FMA_TS_FORMAT_UNSUPPORTED;
            break;
        case NO_STATE:
            status = mip6::FMA_NO_FLOW_MOBILITY_CACHE_ENTRY;
            break;
        case EXISTS:
            status = mip6::FMA_FLOW_MOBILITY_CACHE_ENTRY_EXISTS;
            break;
        default:
            status = mip6::FMA_REASON_UNSPECIFIED;
            break;
        }
        if (newer)
        {
            m_fmiWindows[lma].newest = seq;
        }
    }
    FlowMobilityAckHeader fma;
    fma.SetSequence(seq);
    fma.SetStatus(status);
    fma.SetLifetime(status == mip6::FMA_SUCCESS ? fmi.GetLifetime() : 0);
    if (!mnId.empty())
    {
        fma.AddOption(Create<MobileNodeIdentifierOption>(mnId));
    }
    if (status == mip6::FMA_SUCCESS)
    {
        for (const auto& op : ops)
        {
            Ptr<FlowIdentificationOption> copy =
                Create<FlowIdentificationOption>(op.option->GetFid(), op.option->GetPriority());
            if (op.option->HasTrafficSelector())
            {
                copy->AddTrafficSelector(op.option->GetTrafficSelector());
            }
            fma.AddOption(copy);
        }
    }
    if (status != mip6::FMA_SEQUENCE_OUT_OF_WINDOW)
    {
        m_fmiWindows[lma].answered.Remember(seq, fma);
    }
    NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << " FMI seq " << seq << " for " << mnId
                       << (cancel    ? " (cancel)"
                           : refresh ? " (refresh)"
                                     : " (add)")
                       << ": FMA status " << +status);
    SendAck(fma, status, seq, lma);
}

void
MagFlowMobilityExtension::ReceiveUpn(Ptr<Packet> p, const Ipv6Header& ip)
{
    Ptr<MobilityL4Protocol> mobility = GetMag()->GetMobilityProtocol();
    UpdateNotificationHeader upn;
    if (!mobility->Decode(p, ip, upn))
    {
        return;
    }
    Ptr<MobileNodeIdentifierOption> mnIdOpt = upn.GetOptions().Find<MobileNodeIdentifierOption>();
    std::string mnId = mnIdOpt ? mnIdOpt->GetNai() : "";
    if (!GetMag()->IsLmaOf(ip.GetSource(), mnId))
    {
        NS_LOG_WARN("MAG " << GetMag()->GetProxyCoa() << ": UPN from " << ip.GetSource()
                           << ", which is not the LMA of " << mnId << ": dropped");
        mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_UNKNOWN_PEER);
        return;
    }
    UpnReplies& replies = m_upnReplies[ip.GetSource()];
    const UpdateNotificationAckHeader* answered = replies.Find(upn.GetSequence());
    if (answered)
    {
        // a retransmission (its UPA was lost) or a late duplicate: applied once already
        NS_LOG_LOGIC("UPN seq " << upn.GetSequence() << " again: same UPA");
        if (upn.HasFlag(UpdateNotificationHeader::FLAG_A))
        {
            UpdateNotificationAckHeader upa = *answered;
            SendAck(upa, upa.GetStatus(), upn.GetSequence(), ip.GetSource());
        }
        return;
    }
    uint8_t status = mip6::UPA_SUCCESS;
    if (upn.GetNotificationReason() != mip6::UPN_REASON_FLOW_MOBILITY)
    {
        status = mip6::UPA_REASON_UNSPECIFIED;
    }
    else
    {
        std::vector<HomeNetworkPrefix> served;
        for (const auto& hnp : upn.GetOptions().FindAll<HomeNetworkPrefixOption>())
        {
            served.emplace_back(hnp->GetPrefix(), hnp->GetPrefixLength());
        }
        std::vector<FlowOp> ops;
        for (const auto& option : upn.GetOptions().FindAll<FlowIdentificationOption>())
        {
            FlowOp op;
            op.op = OP_REMOVE;
            op.option = option;
            if (option->HasTrafficSelector())
            {
                TrafficSelector ts = option->GetTrafficSelector();
                HomeNetworkPrefix prefix;
                if (ts.IsIpv6() && ts.HasDestinationAddress() &&
                    RangeToPrefix(ts.GetDestinationAddressStart(),
                                  ts.GetDestinationAddressEnd(),
                                  prefix))
                {
                    for (const auto& s : served)
                    {
                        if (s.Contains(prefix.prefix) && s.length <= prefix.length)
                        {
                            op.op = OP_PUT;
                        }
                    }
                }
            }
            ops.push_back(op);
        }
        switch (Apply(mnId, ops, mip6::FM_LIFETIME_INFINITE))
        {
        case OK:
            status = mip6::UPA_SUCCESS;
            break;
        case NOT_ATTACHED:
            status = mip6::UPA_MN_NOT_ATTACHED;
            break;
        case TS_UNSUPPORTED:
        case NO_STATE:
        case EXISTS:
            status = mip6::UPA_FAILED_TO_UPDATE_SESSION_PARAMETERS;
            break;
        default:
            status = mip6::UPA_REASON_UNSPECIFIED;
            break;
        }
    }
    NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << " UPN seq " << upn.GetSequence() << " for "
                       << mnId << ": UPA status " << +status);
    UpdateNotificationAckHeader upa;
    upa.SetSequence(upn.GetSequence());
    upa.SetStatus(status);
    if (!mnId.empty())
    {
        upa.AddOption(Create<MobileNodeIdentifierOption>(mnId));
    }
    replies.Remember(upn.GetSequence(), upa);
    if (!upn.HasFlag(UpdateNotificationHeader::FLAG_A))
    {
        return;
    }
    SendAck(upa, status, upn.GetSequence(), ip.GetSource());
}

MagFlowMobilityExtension::Outcome
MagFlowMobilityExtension::Apply(const std::string& mnId,
                                std::vector<FlowOp>& ops,
                                uint16_t lifetime)
{
    if (mnId.empty() || ops.empty())
    {
        return UNSPECIFIED;
    }
    Ptr<BindingUpdateListEntry> entry;
    for (const auto& e : GetMag()->GetBindingUpdateList()->FindByMnId(mnId))
    {
        if (e->state == BindingUpdateListEntry::REGISTERED ||
            e->state == BindingUpdateListEntry::REFRESHING)
        {
            entry = e;
            break;
        }
    }
    if (!entry)
    {
        return NOT_ATTACHED;
    }
    // check all first
    for (auto& op : ops)
    {
        FlowKey key(mnId, op.option->GetFid());
        bool exists = m_flows.find(key) != m_flows.end();
        if (op.option->HasTrafficSelector())
        {
            op.selector = op.option->GetTrafficSelector();
        }
        if (op.op == OP_ADD || op.op == OP_PUT)
        {
            if (!op.option->HasTrafficSelector())
            {
                return UNSPECIFIED;
            }
            if (!op.selector.IsIpv6())
            {
                return TS_UNSUPPORTED;
            }
            if (!op.selector.HasDestinationAddress() ||
                !RangeToPrefix(op.selector.GetDestinationAddressStart(),
                               op.selector.GetDestinationAddressEnd(),
                               op.prefix))
            {
                return UNSPECIFIED; // the MAG routes the flow by its destination prefix
            }
            if (op.op == OP_ADD && exists)
            {
                return EXISTS;
            }
        }
        else if (op.op == OP_REFRESH && !exists)
        {
            return NO_STATE;
        }
        else if (op.op == OP_REMOVE && !exists)
        {
            // Figure 5's FMI del to the old MAG of a flow inside the MN's own HNP here: no
            // flow state to remove, the HNP binding stays.
            bool ownPrefix = false;
            if (op.option->HasTrafficSelector() && op.selector.IsIpv6() &&
                op.selector.HasDestinationAddress())
            {
                for (const auto& hnp : entry->homeNetworkPrefixes)
                {
                    ownPrefix = ownPrefix || hnp.Contains(op.selector.GetDestinationAddressStart());
                }
            }
            if (!ownPrefix)
            {
                return NO_STATE;
            }
        }
    }
    // then apply all
    Ptr<MagRouting> routing = GetMag()->GetRouting();
    for (const auto& op : ops)
    {
        FlowKey key(mnId, op.option->GetFid());
        auto it = m_flows.find(key);
        if (op.op == OP_REMOVE)
        {
            if (it != m_flows.end())
            {
                RemoveFlow(key, REMOVED_BY_LMA);
            }
            continue;
        }
        if (op.op == OP_PUT && it != m_flows.end())
        {
            RemoveFlow(key, REMOVED_BY_LMA);
            it = m_flows.end();
        }
        if (it == m_flows.end())
        {
            FlowState state;
            state.selector = op.selector;
            state.priority = op.option->GetPriority();
            state.prefix = op.prefix;
            state.entryId = entry->id;
            if (m_routeRefs[op.prefix]++ == 0 &&
                !routing->HasBinding(op.prefix.prefix, op.prefix.length))
            {
                // Downlink of the prefix to the MN's access link, uplink from it into the
                // tunnel; the MN's own HNP routes are not touched (HasBinding above).
                routing->AddBinding(op.prefix.prefix,
                                    op.prefix.length,
                                    entry->accessInterface,
                                    entry->tunnelInterface,
                                    entry->mnLinkLocalAddress);
            }
            it = m_flows.emplace(key, state).first;
            NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": flow " << key.second << " of "
                               << mnId << " (" << op.prefix << ") routed to its access link");
            m_flowAddedTrace(mnId, key.second, op.selector);
        }
        it->second.expiry.Cancel();
        if (lifetime != mip6::FM_LIFETIME_INFINITE)
        {
            it->second.expiry = Simulator::Schedule(Seconds(lifetime),
                                                    &MagFlowMobilityExtension::Expire,
                                                    this,
                                                    mnId,
                                                    key.second);
        }
    }
    return OK;
}

void
MagFlowMobilityExtension::RemoveFlow(const FlowKey& key, RemoveReason reason)
{
    auto it = m_flows.find(key);
    if (it == m_flows.end())
    {
        return;
    }
    it->second.expiry.Cancel();
    HomeNetworkPrefix prefix = it->second.prefix;
    m_flows.erase(it);
    auto ref = m_routeRefs.find(prefix);
    if (ref != m_routeRefs.end() && --ref->second == 0)
    {
        m_routeRefs.erase(ref);
        // only a route this extension added: not one of a binding update list entry's HNPs
        if (!GetMag()->GetBindingUpdateList()->FindByPrefix(prefix))
        {
            GetMag()->GetRouting()->RemoveBinding(prefix.prefix, prefix.length);
        }
    }
    NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": flow " << key.second << " of " << key.first
                       << " removed (reason " << reason << ")");
    m_flowRemovedTrace(key.first, key.second, reason);
}

void
MagFlowMobilityExtension::Expire(std::string mnId, uint16_t fid)
{
    RemoveFlow(FlowKey(mnId, fid), REMOVED_EXPIRED);
}

void
MagFlowMobilityExtension::NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry)
{
    if (event != BINDING_REMOVED)
    {
        return;
    }
    std::vector<FlowKey> gone;
    for (auto it = m_flows.lower_bound(FlowKey(entry->mnId, 0));
         it != m_flows.end() && it->first.first == entry->mnId;
         ++it)
    {
        if (it->second.entryId == entry->id)
        {
            gone.push_back(it->first);
        }
    }
    for (const auto& key : gone)
    {
        RemoveFlow(key, REMOVED_DETACHED);
    }
}

void
MagFlowMobilityExtension::SendAck(MobilityHeader& ack,
                                  uint8_t status,
                                  uint16_t sequence,
                                  Ipv6Address lma)
{
    m_acks[{ack.GetMhType(), status}]++;
    m_ackSentTrace(ack.GetMhType(), sequence, status);
    GetMag()->GetMobilityProtocol()->Send(ack, GetMag()->GetProxyCoa(), lma);
}

bool
MagFlowMobilityExtension::HasFlow(const std::string& mnId, uint16_t fid) const
{
    return m_flows.find(FlowKey(mnId, fid)) != m_flows.end();
}

TrafficSelector
MagFlowMobilityExtension::GetFlowSelector(const std::string& mnId, uint16_t fid) const
{
    auto it = m_flows.find(FlowKey(mnId, fid));
    return it == m_flows.end() ? TrafficSelector() : it->second.selector;
}

uint32_t
MagFlowMobilityExtension::GetFlowCount() const
{
    return m_flows.size();
}

uint64_t
MagFlowMobilityExtension::GetAckCount(uint8_t mhType, uint8_t status) const
{
    auto it = m_acks.find({mhType, status});
    return it == m_acks.end() ? 0 : it->second;
}

} // namespace ns3
