/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-routing-policy.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocalRoutingPolicy");

NS_OBJECT_ENSURE_REGISTERED(LocalRoutingPolicy);
NS_OBJECT_ENSURE_REGISTERED(FirstPacketLocalRoutingPolicy);
NS_OBJECT_ENSURE_REGISTERED(RateThresholdLocalRoutingPolicy);

TypeId
LocalRoutingPolicy::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocalRoutingPolicy")
                            .SetParent<Object>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<LocalRoutingPolicy>();
    return tid;
}

LocalRoutingPolicy::LocalRoutingPolicy()
{
    NS_LOG_FUNCTION(this);
}

LocalRoutingPolicy::~LocalRoutingPolicy()
{
    NS_LOG_FUNCTION(this);
}

bool
LocalRoutingPolicy::Observe(Ipv6Address /* source */,
                            Ipv6Address /* destination */,
                            uint32_t /* size */)
{
    return false;
}

void
LocalRoutingPolicy::Reset(Ipv6Address /* source */, Ipv6Address /* destination */)
{
}

TypeId
FirstPacketLocalRoutingPolicy::GetTypeId()
{
    static TypeId tid = TypeId("ns3::FirstPacketLocalRoutingPolicy")
                            .SetParent<LocalRoutingPolicy>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<FirstPacketLocalRoutingPolicy>();
    return tid;
}

FirstPacketLocalRoutingPolicy::FirstPacketLocalRoutingPolicy()
{
    NS_LOG_FUNCTION(this);
}

FirstPacketLocalRoutingPolicy::~FirstPacketLocalRoutingPolicy()
{
    NS_LOG_FUNCTION(this);
}

bool
FirstPacketLocalRoutingPolicy::Observe(Ipv6Address /* source */,
                                       Ipv6Address /* destination */,
                                       uint32_t /* size */)
{
    return true;
}

TypeId
RateThresholdLocalRoutingPolicy::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::RateThresholdLocalRoutingPolicy")
            .SetParent<LocalRoutingPolicy>()
            .SetGroupName("Pmipv6")
            .AddConstructor<RateThresholdLocalRoutingPolicy>()
            .AddAttribute("Packets",
                          "Packets of a pair within Window that start the optimization.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&RateThresholdLocalRoutingPolicy::m_packets),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Window",
                          "The time window the packets are counted in.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&RateThresholdLocalRoutingPolicy::m_window),
                          MakeTimeChecker());
    return tid;
}

RateThresholdLocalRoutingPolicy::RateThresholdLocalRoutingPolicy()
    : m_packets(10),
      m_window(Seconds(1))
{
    NS_LOG_FUNCTION(this);
}

RateThresholdLocalRoutingPolicy::~RateThresholdLocalRoutingPolicy()
{
    NS_LOG_FUNCTION(this);
}

size_t
RateThresholdLocalRoutingPolicy::PairHash::operator()(
    const std::pair<Ipv6Address, Ipv6Address>& k) const
{
    Ipv6AddressHash h;
    return h(k.first) * 31 + h(k.second);
}

bool
RateThresholdLocalRoutingPolicy::Observe(Ipv6Address source,
                                         Ipv6Address destination,
                                         uint32_t /* size */)
{
    Counter& c = m_counters[{source, destination}];
    Time now = Simulator::Now();
    if (c.packets == 0 || now - c.windowStart > m_window)
    {
        c.windowStart = now;
        c.packets = 0;
    }
    c.packets++;
    return c.packets >= m_packets;
}

void
RateThresholdLocalRoutingPolicy::Reset(Ipv6Address source, Ipv6Address destination)
{
    m_counters.erase({source, destination});
}

} // namespace ns3
