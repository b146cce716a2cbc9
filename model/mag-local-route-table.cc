/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mag-local-route-table.h"

#include "list-routing-install.h"
#include "mag-routing.h"

#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagLocalRouteTable");

NS_OBJECT_ENSURE_REGISTERED(MagLocalRouteTable);

namespace
{

/**
 * \brief Whether an address is multicast or link-local unicast.
 * \param address the address
 * \return true when it is
 */
inline bool
IsMulticastOrLinkLocalAddress(const Ipv6Address& address)
{
    return address.IsMulticast() || address.IsLinkLocal();
}

} // namespace

TypeId
MagLocalRouteTable::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagLocalRouteTable")
            .SetParent<Ipv6RoutingProtocol>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MagLocalRouteTable>()
            .AddTraceSource("LocalRoute",
                            "An uplink packet left by a local route (not to the LMA).",
                            MakeTraceSourceAccessor(&MagLocalRouteTable::m_localRouteTrace),
                            "ns3::MagLocalRouteTable::LocalRouteTracedCallback");
    return tid;
}

MagLocalRouteTable::MagLocalRouteTable()
    : m_routeCount(0),
      m_localRouted(0)
{
    NS_LOG_FUNCTION(this);
}

MagLocalRouteTable::~MagLocalRouteTable()
{
    NS_LOG_FUNCTION(this);
}

void
MagLocalRouteTable::DoDispose()
{
    m_ipv6 = nullptr;
    m_magRouting = nullptr;
    m_detect = MakeNullCallback<void, Ipv6Address, Ipv6Address, uint32_t>();
    Ipv6RoutingProtocol::DoDispose();
}

Ptr<MagLocalRouteTable>
MagLocalRouteTable::Install(Ptr<Node> node, int16_t priority)
{
    return InstallInListRouting<MagLocalRouteTable>(node, priority);
}

void
MagLocalRouteTable::SetMagRouting(Ptr<MagRouting> routing)
{
    m_magRouting = routing;
}

void
MagLocalRouteTable::AddRoute(Ipv6Address localPrefix,
                             uint8_t localLength,
                             Ipv6Address peerPrefix,
                             uint8_t peerLength,
                             uint32_t interface,
                             Ipv6Address nextHop)
{
    NS_LOG_FUNCTION(this << localPrefix << +localLength << peerPrefix << +peerLength
                         << interface << nextHop);
    NS_ASSERT(m_ipv6);
    Ipv6Address local = localPrefix.CombinePrefix(Ipv6Prefix(localLength));
    std::vector<Route> routes;
    if (const std::vector<Route>* existing = m_routes.Find(peerPrefix, peerLength))
    {
        routes = *existing;
    }
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetDestination(peerPrefix);
    route->SetGateway(nextHop);
    route->SetOutputDevice(m_ipv6->GetNetDevice(interface));
    auto it = std::find_if(routes.begin(), routes.end(), [&](const Route& r) {
        return r.localPrefix == local && r.localLength == localLength;
    });
    if (it == routes.end())
    {
        routes.push_back(Route{local, localLength, interface, route});
        m_routeCount++;
    }
    else
    {
        *it = Route{local, localLength, interface, route};
    }
    m_routes.Insert(peerPrefix, peerLength, routes);
}

bool
MagLocalRouteTable::RemoveRoute(Ipv6Address localPrefix,
                                uint8_t localLength,
                                Ipv6Address peerPrefix,
                                uint8_t peerLength)
{
    NS_LOG_FUNCTION(this << localPrefix << +localLength << peerPrefix << +peerLength);
    const std::vector<Route>* existing = m_routes.Find(peerPrefix, peerLength);
    if (!existing)
    {
        return false;
    }
    Ipv6Address local = localPrefix.CombinePrefix(Ipv6Prefix(localLength));
    std::vector<Route> routes = *existing;
    auto it = std::find_if(routes.begin(), routes.end(), [&](const Route& r) {
        return r.localPrefix == local && r.localLength == localLength;
    });
    if (it == routes.end())
    {
        return false;
    }
    routes.erase(it);
    m_routeCount--;
    if (routes.empty())
    {
        m_routes.Remove(peerPrefix, peerLength);
    }
    else
    {
        m_routes.Insert(peerPrefix, peerLength, routes);
    }
    return true;
}

bool
MagLocalRouteTable::HasRoute(Ipv6Address localPrefix,
                             uint8_t localLength,
                             Ipv6Address peerPrefix,
                             uint8_t peerLength) const
{
    const std::vector<Route>* existing = m_routes.Find(peerPrefix, peerLength);
    if (!existing)
    {
        return false;
    }
    Ipv6Address local = localPrefix.CombinePrefix(Ipv6Prefix(localLength));
    return std::any_of(existing->begin(), existing->end(), [&](const Route& r) {
        return r.localPrefix == local && r.localLength == localLength;
    });
}

uint32_t
MagLocalRouteTable::GetRouteCount() const
{
    return m_routeCount;
}

void
MagLocalRouteTable::SetDetectCallback(DetectCallback cb)
{
    m_detect = cb;
}

uint64_t
MagLocalRouteTable::GetLocalRoutedCount() const
{
    return m_localRouted;
}

Ptr<Ipv6Route>
MagLocalRouteTable::RouteOutput(Ptr<Packet> /* p */,
                                const Ipv6Header& /* header */,
                                Ptr<NetDevice> /* oif */,
                                Socket::SocketErrno& /* sockerr */)
{
    return nullptr;
}

bool
MagLocalRouteTable::RouteInput(Ptr<const Packet> p,
                               const Ipv6Header& header,
                               Ptr<const NetDevice> idev,
                               UnicastForwardCallback ucb,
                               MulticastForwardCallback /* mcb */,
                               LocalDeliverCallback /* lcb */,
                               ErrorCallback /* ecb */)
{
    Ipv6Address dst = header.GetDestination();
    Ipv6Address src = header.GetSource();
    if (!m_magRouting || (m_routeCount == 0 && m_detect.IsNull()) ||
        IsMulticastOrLinkLocalAddress(dst) || IsMulticastOrLinkLocalAddress(src))
    {
        return false;
    }
    int32_t iif = m_ipv6->GetInterfaceForDevice(idev);
    if (iif < 0 || m_magRouting->GetAccessInterface(src) != static_cast<uint32_t>(iif))
    {
        return false; // not an uplink packet of a mobile node attached here
    }
    if (const std::vector<Route>* routes = m_routes.Lookup(dst))
    {
        for (const auto& r : *routes)
        {
            if (src.CombinePrefix(Ipv6Prefix(r.localLength)) == r.localPrefix)
            {
                NS_LOG_LOGIC("local route " << src << " -> " << dst << " via interface "
                                            << r.interface);
                m_localRouted++;
                m_localRouteTrace(header, r.interface);
                ucb(idev, r.route, p, header);
                return true;
            }
        }
    }
    if (!m_detect.IsNull())
    {
        m_detect(src, dst, p->GetSize());
    }
    return false;
}

void
MagLocalRouteTable::NotifyInterfaceUp(uint32_t /* interface */)
{
}

void
MagLocalRouteTable::NotifyInterfaceDown(uint32_t /* interface */)
{
}

void
MagLocalRouteTable::NotifyAddAddress(uint32_t /* interface */, Ipv6InterfaceAddress /* address */)
{
}

void
MagLocalRouteTable::NotifyRemoveAddress(uint32_t /* interface */,
                                        Ipv6InterfaceAddress /* address */)
{
}

void
MagLocalRouteTable::NotifyAddRoute(Ipv6Address /* dst */,
                                   Ipv6Prefix /* mask */,
                                   Ipv6Address /* nextHop */,
                                   uint32_t /* interface */,
                                   Ipv6Address /* prefixToUse */)
{
}

void
MagLocalRouteTable::NotifyRemoveRoute(Ipv6Address /* dst */,
                                      Ipv6Prefix /* mask */,
                                      Ipv6Address /* nextHop */,
                                      uint32_t /* interface */,
                                      Ipv6Address /* prefixToUse */)
{
}

void
MagLocalRouteTable::SetIpv6(Ptr<Ipv6> ipv6)
{
    NS_ASSERT(!m_ipv6 && ipv6);
    m_ipv6 = ipv6;
}

void
MagLocalRouteTable::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    std::ostream* os = stream->GetStream();
    *os << "MagLocalRouteTable: " << m_routeCount << " local routes, time "
        << Simulator::Now().As(unit) << std::endl;
    m_routes.ForEach([os](const std::vector<Route>& routes) {
        for (const auto& r : routes)
        {
            *os << "  from " << r.localPrefix << "/" << +r.localLength << " -> "
                << r.route->GetDestination() << " via interface " << r.interface << std::endl;
        }
    });
}

} // namespace ns3
