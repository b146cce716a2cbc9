/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-local-routing-monitor.h"

#include "binding-cache.h"
#include "list-routing-install.h"

#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaLocalRoutingMonitor");

NS_OBJECT_ENSURE_REGISTERED(LmaLocalRoutingMonitor);

TypeId
LmaLocalRoutingMonitor::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LmaLocalRoutingMonitor")
            .SetParent<Ipv6RoutingProtocol>()
            .SetGroupName("Pmipv6")
            .AddConstructor<LmaLocalRoutingMonitor>()
            .AddTraceSource("Relayed",
                            "The LMA relayed a packet between two mobile nodes it anchors.",
                            MakeTraceSourceAccessor(&LmaLocalRoutingMonitor::m_relayedTrace),
                            "ns3::LmaLocalRoutingMonitor::RelayedTracedCallback");
    return tid;
}

LmaLocalRoutingMonitor::LmaLocalRoutingMonitor()
    : m_relayed(0)
{
    NS_LOG_FUNCTION(this);
}

LmaLocalRoutingMonitor::~LmaLocalRoutingMonitor()
{
    NS_LOG_FUNCTION(this);
}

void
LmaLocalRoutingMonitor::DoDispose()
{
    m_ipv6 = nullptr;
    m_cache = nullptr;
    m_detect = MakeNullCallback<void, Ipv6Address, Ipv6Address, uint32_t>();
    Ipv6RoutingProtocol::DoDispose();
}

Ptr<LmaLocalRoutingMonitor>
LmaLocalRoutingMonitor::Install(Ptr<Node> node, int16_t priority)
{
    return InstallInListRouting<LmaLocalRoutingMonitor>(node, priority);
}

void
LmaLocalRoutingMonitor::SetBindingCache(Ptr<BindingCache> cache)
{
    m_cache = cache;
}

void
LmaLocalRoutingMonitor::SetDetectCallback(DetectCallback cb)
{
    m_detect = cb;
}

uint64_t
LmaLocalRoutingMonitor::GetRelayedCount() const
{
    return m_relayed;
}

Ptr<Ipv6Route>
LmaLocalRoutingMonitor::RouteOutput(Ptr<Packet> /* p */,
                                    const Ipv6Header& /* header */,
                                    Ptr<NetDevice> /* oif */,
                                    Socket::SocketErrno& /* sockerr */)
{
    return nullptr;
}

bool
LmaLocalRoutingMonitor::RouteInput(Ptr<const Packet> p,
                                   const Ipv6Header& header,
                                   Ptr<const NetDevice> /* idev */,
                                   UnicastForwardCallback /* ucb */,
                                   MulticastForwardCallback /* mcb */,
                                   LocalDeliverCallback /* lcb */,
                                   ErrorCallback /* ecb */)
{
    Ipv6Address src = header.GetSource();
    Ipv6Address dst = header.GetDestination();
    if (!m_cache || dst.IsMulticast() || dst.IsLinkLocal() || src.IsLinkLocal())
    {
        return false;
    }
    if (m_cache->FindByAddress(src) && m_cache->FindByAddress(dst))
    {
        m_relayed++;
        m_relayedTrace(header);
        if (!m_detect.IsNull())
        {
            m_detect(src, dst, p->GetSize());
        }
    }
    return false;
}

void
LmaLocalRoutingMonitor::NotifyInterfaceUp(uint32_t /* interface */)
{
}

void
LmaLocalRoutingMonitor::NotifyInterfaceDown(uint32_t /* interface */)
{
}

void
LmaLocalRoutingMonitor::NotifyAddAddress(uint32_t /* interface */,
                                         Ipv6InterfaceAddress /* address */)
{
}

void
LmaLocalRoutingMonitor::NotifyRemoveAddress(uint32_t /* interface */,
                                            Ipv6InterfaceAddress /* address */)
{
}

void
LmaLocalRoutingMonitor::NotifyAddRoute(Ipv6Address /* dst */,
                                       Ipv6Prefix /* mask */,
                                       Ipv6Address /* nextHop */,
                                       uint32_t /* interface */,
                                       Ipv6Address /* prefixToUse */)
{
}

void
LmaLocalRoutingMonitor::NotifyRemoveRoute(Ipv6Address /* dst */,
                                          Ipv6Prefix /* mask */,
                                          Ipv6Address /* nextHop */,
                                          uint32_t /* interface */,
                                          Ipv6Address /* prefixToUse */)
{
}

void
LmaLocalRoutingMonitor::SetIpv6(Ptr<Ipv6> ipv6)
{
    NS_ASSERT(!m_ipv6 && ipv6);
    m_ipv6 = ipv6;
}

void
LmaLocalRoutingMonitor::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    *stream->GetStream() << "LmaLocalRoutingMonitor: " << m_relayed
                         << " packets relayed between mobile nodes, time "
                         << Simulator::Now().As(unit) << std::endl;
}

} // namespace ns3
