/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-local-routing-monitor.h"

#include "binding-cache.h"
#include "list-routing-install.h"
#include "lma-prefix-directory.h"

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
    m_interLmaDetect = MakeNullCallback<void, Ipv6Address, Ipv6Address, uint32_t>();
    m_directory = nullptr;
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

void
LmaLocalRoutingMonitor::SetPeerDirectory(Ptr<LmaPrefixDirectory> directory, Ipv6Address self)
{
    m_directory = directory;
    m_self = self;
}

void
LmaLocalRoutingMonitor::SetInterLmaDetectCallback(DetectCallback cb)
{
    m_interLmaDetect = cb;
}

uint64_t
LmaLocalRoutingMonitor::GetInterLmaRelayedCount() const
{
    return m_interLmaRelayed;
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
    bool srcHere = static_cast<bool>(m_cache->FindByAddress(src));
    bool dstHere = static_cast<bool>(m_cache->FindByAddress(dst));
    if (srcHere && dstHere)
    {
        m_relayed++;
        m_relayedTrace(header);
        if (!m_detect.IsNull())
        {
            m_detect(src, dst, p->GetSize());
        }
    }
    else if (m_directory && srcHere != dstHere)
    {
        // inter-LMA (7, A.2): the other end anchored at another LMA of the domain
        Ipv6Address lma;
        if (m_directory->Lookup(srcHere ? dst : src, lma) && lma != m_self)
        {
            m_interLmaRelayed++;
            if (!m_interLmaDetect.IsNull())
            {
                m_interLmaDetect(src, dst, p->GetSize());
            }
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
