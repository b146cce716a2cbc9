/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-flow-mobility-extension.h"

#include "flow-binding-table.h"
#include "flow-move-policy.h"
#include "pmipv6-lma-application.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaFlowMobilityExtension");

NS_OBJECT_ENSURE_REGISTERED(LmaFlowMobilityExtension);

TypeId
LmaFlowMobilityExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LmaFlowMobilityExtension")
            .SetParent<Pmipv6LmaExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<LmaFlowMobilityExtension>()
            .AddAttribute("FlowPriority",
                          "FID-PRI of the flow entries MoveFlow makes (a lower value takes "
                          "precedence).",
                          UintegerValue(100),
                          MakeUintegerAccessor(&LmaFlowMobilityExtension::m_priority),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute(
                "PrefixMode",
                "Shared: HI 6 attachments share the prefixes of the first, moves need "
                "no signalling (draft 001 3.1 scenario 2). PerInterface: each "
                "attachment has its own prefixes, no default BID, a move to a binding "
                "without the flow's prefix is signalled (scenario 1, Figure 5).",
                EnumValue(SHARED_PREFIX),
                MakeEnumAccessor(&LmaFlowMobilityExtension::m_prefixMode),
                MakeEnumChecker(SHARED_PREFIX, "Shared", PER_INTERFACE_PREFIX, "PerInterface"))
            .AddAttribute("MoveSignalling",
                          "The messages of an LMA-initiated move: FMI/FMA (draft 001 4.1, 4.2) "
                          "or UPN with reason FLOW-MOBILITY / UPA (RFC 7864).",
                          EnumValue(SIGNAL_FMI),
                          MakeEnumAccessor(&LmaFlowMobilityExtension::m_moveSignalling),
                          MakeEnumChecker(SIGNAL_FMI, "FMI", SIGNAL_UPN, "UPN"))
            .AddAttribute("DeleteOldFlowState",
                          "After the target MAG acknowledged a move, ask the MAG the flow left to "
                          "remove its state (FMI with C = 1, or a UPN without the prefix); "
                          "otherwise that state ends with its lifetime (draft 001 Figure 5).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowMobilityExtension::m_deleteOld),
                          MakeBooleanChecker())
            .AddAttribute("FlowStateLifetime",
                          "Lifetime (seconds) of the flow state an FMI asks a MAG to keep; 65535 "
                          "is infinity. A finite state is refreshed (FMI R = 1) at 80 % of it "
                          "while the flow stays there.",
                          UintegerValue(mip6::FM_LIFETIME_INFINITE),
                          MakeUintegerAccessor(&LmaFlowMobilityExtension::m_flowLifetime),
                          MakeUintegerChecker<uint16_t>(1, mip6::FM_LIFETIME_INFINITE))
            .AddTraceSource("MoveReply",
                            "A MAG answered a move request (FMA or UPA).",
                            MakeTraceSourceAccessor(&LmaFlowMobilityExtension::m_moveReplyTrace),
                            "ns3::LmaFlowMobilityExtension::MoveReplyTracedCallback")
            .AddTraceSource("MoveFailed",
                            "A signalled move failed: error status, or no answer after the "
                            "retransmissions; the flow stays where it was.",
                            MakeTraceSourceAccessor(&LmaFlowMobilityExtension::m_moveFailedTrace),
                            "ns3::LmaFlowMobilityExtension::MoveFailedTracedCallback")
            .AddTraceSource("FlowMoved",
                            "A flow was bound to a binding of its mobile node.",
                            MakeTraceSourceAccessor(&LmaFlowMobilityExtension::m_flowMovedTrace),
                            "ns3::LmaFlowMobilityExtension::FlowMovedTracedCallback");
    return tid;
}

LmaFlowMobilityExtension::LmaFlowMobilityExtension()
    : m_priority(100)
{
    NS_LOG_FUNCTION(this);
}

void
LmaFlowMobilityExtension::DoDispose()
{
    for (auto& [key, state] : m_signalled)
    {
        state.refresh.Cancel();
    }
    m_signalled.clear();
    m_pendingMoves.clear();
    m_pendingByMn.clear();
    for (const auto& policy : m_policies)
    {
        policy->Dispose();
    }
    m_policies.clear();
    Pmipv6LmaExtension::DoDispose();
}

void
LmaFlowMobilityExtension::AddPolicy(Ptr<FlowMovePolicy> policy)
{
    m_policies.push_back(policy);
    policy->SetExtension(this);
}

LmaFlowMobilityExtension::~LmaFlowMobilityExtension()
{
    NS_LOG_FUNCTION(this);
}

Pmipv6LmaExtension::SessionChoice
LmaFlowMobilityExtension::SelectSession(const ProxyBindingRequest& req)
{
    if (req.handoffIndicator != mip6::HI_NEW_INTERFACE_SHARED_PREFIX ||
        m_prefixMode == PER_INTERFACE_PREFIX)
    {
        return SESSION_DEFAULT; // per interface: RFC 5213 decides (HI 1: a new session)
    }
    std::vector<Ptr<BindingCacheEntry>> sessions =
        GetLma()->GetBindingCache()->FindByMnId(req.mnId);
    for (const auto& e : sessions)
    {
        if (e->proxyCoa == req.mag && e->mnLinkLayerId == req.linkLayerId)
        {
            return SESSION_DEFAULT; // this interface has its session already
        }
    }
    if (!sessions.empty())
    {
        NS_LOG_LOGIC("HI 6: " << req.mnId << " attaches a new interface at " << req.mag
                              << ", sharing the prefixes of its session at "
                              << sessions.front()->proxyCoa);
        return SESSION_NEW_SHARED_PREFIXES;
    }
    return SESSION_DEFAULT; // no other session: RFC 5213 decides (a new one)
}

void
LmaFlowMobilityExtension::NotifyBinding(BindingEvent event,
                                        Ptr<BindingCacheEntry> entry,
                                        Ipv6Address previousProxyCoa)
{
    for (const auto& policy : m_policies)
    {
        policy->NotifyBinding(event, entry);
    }
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    uint64_t owner = GetLma()->GetFlowOwner(entry->mnId);
    if (event == BINDING_DELETED)
    {
        // signalled state at that binding's MAG is gone with it
        for (auto it = m_signalled.lower_bound({entry->mnId, 0});
             it != m_signalled.end() && it->first.first == entry->mnId;)
        {
            if (it->second.bid == entry->bindingId)
            {
                it->second.refresh.Cancel();
                it = m_signalled.erase(it);
            }
            else
            {
                ++it;
            }
        }
    }
    uint16_t current = 0;
    bool hasDefault = table->GetDefaultBid(owner, current);
    if (m_prefixMode == PER_INTERFACE_PREFIX)
    {
        // no default BID: a packet without a flow entry follows its destination prefix
        if (event == BINDING_DELETED &&
            GetLma()->GetBindingCache()->FindByMnId(entry->mnId).size() <= 1)
        {
            table->RemoveOwner(owner);
        }
        return;
    }
    if (event == BINDING_CREATED && !hasDefault)
    {
        NS_LOG_LOGIC(entry->mnId << ": default binding BID " << entry->bindingId);
        table->SetDefaultBid(owner, entry->bindingId);
    }
    else if (event == BINDING_DELETED && hasDefault && current == entry->bindingId)
    {
        uint16_t next = 0;
        for (const auto& e : GetLma()->GetBindingCache()->FindByMnId(entry->mnId))
        {
            if (e != entry && (next == 0 || e->bindingId < next))
            {
                next = e->bindingId;
            }
        }
        if (next == 0)
        {
            table->ClearDefaultBid(owner);
            table->RemoveOwner(owner);
        }
        else
        {
            NS_LOG_LOGIC(entry->mnId << ": default binding now BID " << next);
            table->SetDefaultBid(owner, next);
        }
    }
}

uint16_t
LmaFlowMobilityExtension::MoveFlow(const std::string& mnId,
                                   const TrafficSelector& selector,
                                   uint16_t targetBid)
{
    NS_LOG_FUNCTION(this << mnId << targetBid);
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    Ptr<BindingCacheEntry> target = lma ? lma->FindBinding(mnId, targetBid) : nullptr;
    if (!target)
    {
        NS_LOG_WARN("MoveFlow: " << mnId << " has no binding " << targetBid);
        return 0;
    }
    uint16_t fid = 0;
    if (m_prefixMode == PER_INTERFACE_PREFIX && SignalMove(mnId, selector, target, fid))
    {
        return fid; // the flow moves when the target MAG acknowledges
    }
    return InstallFlow(mnId, 0, selector, targetBid);
}

uint16_t
LmaFlowMobilityExtension::FlowIdFor(const std::string& mnId, const TrafficSelector& selector)
{
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    for (const FlowBindingEntry* e : table->GetEntries(GetLma()->GetFlowOwner(mnId)))
    {
        if (e->selector == selector)
        {
            return e->fid;
        }
    }
    auto range = m_pendingByMn.equal_range(mnId);
    for (auto it = range.first; it != range.second; ++it)
    {
        auto move = m_pendingMoves.find(it->second);
        if (move != m_pendingMoves.end() && move->second.selector == selector)
        {
            return move->second.fid;
        }
    }
    uint16_t& next = m_nextFid[mnId];
    return ++next;
}

uint16_t
LmaFlowMobilityExtension::InstallFlow(const std::string& mnId,
                                      uint16_t fid,
                                      const TrafficSelector& selector,
                                      uint16_t targetBid)
{
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    uint64_t owner = GetLma()->GetFlowOwner(mnId);
    if (fid == 0)
    {
        fid = FlowIdFor(mnId, selector);
    }
    if (table->Find(owner, fid))
    {
        table->SetBids(owner, fid, {targetBid});
    }
    else
    {
        FlowBindingEntry entry;
        entry.owner = owner;
        entry.fid = fid;
        entry.priority = m_priority;
        entry.selector = selector;
        entry.action = FlowBindingAction::FORWARD;
        entry.bids = {targetBid};
        if (!table->Add(entry))
        {
            NS_LOG_WARN("MoveFlow: the flow-binding table refused flow " << fid << " of " << mnId);
            return 0;
        }
    }
    m_moves++;
    NS_LOG_INFO("LMA: flow " << fid << " of " << mnId << " bound to BID " << targetBid);
    m_flowMovedTrace(mnId, fid, targetBid);
    return fid;
}

uint16_t
LmaFlowMobilityExtension::GetBindingId(const std::string& mnId, Ipv6Address proxyCoa) const
{
    for (const auto& e : GetLma()->GetBindingCache()->FindByMnId(mnId))
    {
        if (e->proxyCoa == proxyCoa && e->state == BindingCacheEntry::ACTIVE)
        {
            return e->bindingId;
        }
    }
    return 0;
}

uint64_t
LmaFlowMobilityExtension::GetMoveCount() const
{
    return m_moves;
}

} // namespace ns3
