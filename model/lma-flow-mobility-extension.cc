/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-flow-mobility-extension.h"

#include "flow-binding-table.h"
#include "pmipv6-lma-application.h"
#include "pmipv6-wire-numbers.h"

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

LmaFlowMobilityExtension::~LmaFlowMobilityExtension()
{
    NS_LOG_FUNCTION(this);
}

Pmipv6LmaExtension::SessionChoice
LmaFlowMobilityExtension::SelectSession(const ProxyBindingRequest& req)
{
    if (req.handoffIndicator != mip6::HI_NEW_INTERFACE_SHARED_PREFIX)
    {
        return SESSION_DEFAULT;
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
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    uint64_t owner = GetLma()->GetFlowOwner(entry->mnId);
    uint16_t current = 0;
    bool hasDefault = table->GetDefaultBid(owner, current);
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
    if (!lma || !lma->FindBinding(mnId, targetBid))
    {
        NS_LOG_WARN("MoveFlow: " << mnId << " has no binding " << targetBid);
        return 0;
    }
    Ptr<FlowBindingTable> table = lma->GetFlowBindingTable();
    uint64_t owner = lma->GetFlowOwner(mnId);
    uint16_t fid = 0;
    for (const FlowBindingEntry* e : table->GetEntries(owner))
    {
        if (e->selector == selector)
        {
            fid = e->fid;
            table->SetBids(owner, fid, {targetBid});
            break;
        }
    }
    if (fid == 0)
    {
        uint16_t& next = m_nextFid[mnId];
        fid = ++next;
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
