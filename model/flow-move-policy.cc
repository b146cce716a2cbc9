/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "flow-move-policy.h"

#include "lma-flow-mobility-extension.h"
#include "pmipv6-lma-application.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FlowMovePolicy");

NS_OBJECT_ENSURE_REGISTERED(FlowMovePolicy);
NS_OBJECT_ENSURE_REGISTERED(ApiFlowMovePolicy);
NS_OBJECT_ENSURE_REGISTERED(ScheduledFlowMovePolicy);
NS_OBJECT_ENSURE_REGISTERED(AttachFlowMovePolicy);

TypeId
FlowMovePolicy::GetTypeId()
{
    static TypeId tid = TypeId("ns3::FlowMovePolicy").SetParent<Object>().SetGroupName("Pmipv6");
    return tid;
}

FlowMovePolicy::FlowMovePolicy()
{
    NS_LOG_FUNCTION(this);
}

FlowMovePolicy::~FlowMovePolicy()
{
    NS_LOG_FUNCTION(this);
}

void
FlowMovePolicy::DoDispose()
{
    m_extension = nullptr;
    Object::DoDispose();
}

void
FlowMovePolicy::DoStart()
{
}

void
FlowMovePolicy::SetExtension(Ptr<LmaFlowMobilityExtension> extension)
{
    m_extension = extension;
    DoStart();
}

Ptr<LmaFlowMobilityExtension>
FlowMovePolicy::GetExtension() const
{
    return m_extension;
}

uint16_t
FlowMovePolicy::Move(const std::string& mnId, const TrafficSelector& selector, uint16_t targetBid)
{
    if (!m_extension)
    {
        NS_LOG_WARN("FlowMovePolicy: not added to an extension");
        return 0;
    }
    uint16_t fid = m_extension->MoveFlow(mnId, selector, targetBid);
    if (fid != 0)
    {
        m_moves++;
    }
    return fid;
}

uint16_t
FlowMovePolicy::MoveToMag(const std::string& mnId,
                          const TrafficSelector& selector,
                          Ipv6Address proxyCoa)
{
    if (!m_extension)
    {
        NS_LOG_WARN("FlowMovePolicy: not added to an extension");
        return 0;
    }
    uint16_t bid = m_extension->GetBindingId(mnId, proxyCoa);
    return bid == 0 ? 0 : Move(mnId, selector, bid);
}

uint64_t
FlowMovePolicy::GetMoveCount() const
{
    return m_moves;
}

// ApiFlowMovePolicy

TypeId
ApiFlowMovePolicy::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ApiFlowMovePolicy")
                            .SetParent<FlowMovePolicy>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<ApiFlowMovePolicy>();
    return tid;
}

void
ApiFlowMovePolicy::NotifyBinding(Pmipv6LmaExtension::BindingEvent /* event */,
                                 Ptr<BindingCacheEntry> /* entry */)
{
}

// ScheduledFlowMovePolicy

TypeId
ScheduledFlowMovePolicy::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ScheduledFlowMovePolicy")
                            .SetParent<FlowMovePolicy>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<ScheduledFlowMovePolicy>();
    return tid;
}

void
ScheduledFlowMovePolicy::AddStep(Time at,
                                 const std::string& mnId,
                                 const TrafficSelector& selector,
                                 Ipv6Address proxyCoa)
{
    Step step{at, mnId, selector, proxyCoa};
    if (GetExtension())
    {
        Schedule(step);
    }
    else
    {
        m_steps.push_back(step);
    }
}

void
ScheduledFlowMovePolicy::DoStart()
{
    for (const auto& step : m_steps)
    {
        Schedule(step);
    }
    m_steps.clear();
}

void
ScheduledFlowMovePolicy::Schedule(const Step& step)
{
    Time delay = step.at > Simulator::Now() ? step.at - Simulator::Now() : Time(0);
    Simulator::Schedule(delay, &ScheduledFlowMovePolicy::Run, this, step);
}

void
ScheduledFlowMovePolicy::Run(Step step)
{
    if (!GetExtension())
    {
        return; // disposed
    }
    if (MoveToMag(step.mnId, step.selector, step.proxyCoa) == 0)
    {
        NS_LOG_WARN("ScheduledFlowMovePolicy: " << step.mnId << " has no binding at "
                                                << step.proxyCoa << "; step skipped");
        m_skipped++;
    }
}

uint64_t
ScheduledFlowMovePolicy::GetSkippedCount() const
{
    return m_skipped;
}

void
ScheduledFlowMovePolicy::NotifyBinding(Pmipv6LmaExtension::BindingEvent /* event */,
                                       Ptr<BindingCacheEntry> /* entry */)
{
}

// AttachFlowMovePolicy

TypeId
AttachFlowMovePolicy::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::AttachFlowMovePolicy")
            .SetParent<FlowMovePolicy>()
            .SetGroupName("Pmipv6")
            .AddConstructor<AttachFlowMovePolicy>()
            .AddAttribute("Delay",
                          "Time between the new binding and the move (the new MAG gets its PBA "
                          "first: the PBA leaves in the same event).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&AttachFlowMovePolicy::m_delay),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

AttachFlowMovePolicy::AttachFlowMovePolicy()
    : m_delay(Seconds(0))
{
}

void
AttachFlowMovePolicy::AddRule(const TrafficSelector& selector, const std::string& mnId)
{
    m_rules.push_back(Rule{selector, mnId});
}

void
AttachFlowMovePolicy::NotifyBinding(Pmipv6LmaExtension::BindingEvent event,
                                    Ptr<BindingCacheEntry> entry)
{
    if (event != Pmipv6LmaExtension::BINDING_CREATED || !GetExtension())
    {
        return;
    }
    if (GetExtension()->GetLma()->GetBindingCache()->FindByMnId(entry->mnId).size() < 2)
    {
        return; // the first attachment: nothing to move from
    }
    Simulator::Schedule(m_delay, &AttachFlowMovePolicy::Apply, this, entry->mnId, entry->bindingId);
}

void
AttachFlowMovePolicy::Apply(std::string mnId, uint16_t bid)
{
    if (!GetExtension())
    {
        return;
    }
    for (const auto& rule : m_rules)
    {
        if (rule.mnId.empty() || rule.mnId == mnId)
        {
            Move(mnId, rule.selector, bid);
        }
    }
}

} // namespace ns3
