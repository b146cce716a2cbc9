/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ipv4-home-address-routing.h"

#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv4HomeAddressRouting");

NS_OBJECT_ENSURE_REGISTERED(Ipv4HomeAddressRouting);

namespace
{
/// Priority of the protocol in the node's Ipv4ListRouting (above Ipv4StaticRouting's 0).
constexpr int16_t LIST_PRIORITY = 10;
} // namespace

TypeId
Ipv4HomeAddressRouting::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Ipv4HomeAddressRouting")
                            .SetParent<Ipv4RoutingProtocol>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<Ipv4HomeAddressRouting>();
    return tid;
}

Ipv4HomeAddressRouting::Ipv4HomeAddressRouting()
{
    NS_LOG_FUNCTION(this);
}

Ipv4HomeAddressRouting::~Ipv4HomeAddressRouting()
{
    NS_LOG_FUNCTION(this);
}

void
Ipv4HomeAddressRouting::DoDispose()
{
    m_ipv4 = nullptr;
    m_flows.Clear();
    m_localRoutes.clear();
    m_hostRoutes.clear();
    m_sourceRoutes.clear();
    Ipv4RoutingProtocol::DoDispose();
}

Ptr<Ipv4HomeAddressRouting>
Ipv4HomeAddressRouting::Install(Ptr<Node> node)
{
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    Ptr<Ipv4ListRouting> list =
        ipv4 ? DynamicCast<Ipv4ListRouting>(ipv4->GetRoutingProtocol()) : nullptr;
    if (!list)
    {
        NS_LOG_WARN("node " << node->GetId() << " has no IPv4 with an Ipv4ListRouting");
        return nullptr;
    }
    for (uint32_t i = 0; i < list->GetNRoutingProtocols(); i++)
    {
        int16_t priority;
        Ptr<Ipv4HomeAddressRouting> existing =
            DynamicCast<Ipv4HomeAddressRouting>(list->GetRoutingProtocol(i, priority));
        if (existing)
        {
            return existing;
        }
    }
    Ptr<Ipv4HomeAddressRouting> routing = CreateObject<Ipv4HomeAddressRouting>();
    list->AddRoutingProtocol(routing, LIST_PRIORITY);
    return routing;
}

void
Ipv4HomeAddressRouting::SetHostRoute(Ipv4Address address, uint32_t interface)
{
    NS_LOG_FUNCTION(this << address << interface);
    m_hostRoutes[address.Get()] = HostRoute{interface, NO_FLOW_OWNER};
}

void
Ipv4HomeAddressRouting::SetHostRoute(Ipv4Address address, uint32_t interface, uint64_t flowOwner)
{
    NS_LOG_FUNCTION(this << address << interface << flowOwner);
    m_hostRoutes[address.Get()] = HostRoute{interface, flowOwner};
}

bool
Ipv4HomeAddressRouting::RemoveHostRoute(Ipv4Address address, uint32_t interface)
{
    NS_LOG_FUNCTION(this << address << interface);
    auto it = m_hostRoutes.find(address.Get());
    if (it == m_hostRoutes.end() || it->second.interface != interface)
    {
        return false;
    }
    m_hostRoutes.erase(it);
    return true;
}

void
Ipv4HomeAddressRouting::SetSourceRoute(Ipv4Address address,
                                       uint32_t inInterface,
                                       uint32_t outInterface)
{
    NS_LOG_FUNCTION(this << address << inInterface << outInterface);
    m_sourceRoutes[address.Get()] = SourceRoute{inInterface, outInterface, NO_FLOW_OWNER};
}

void
Ipv4HomeAddressRouting::SetSourceRoute(Ipv4Address address,
                                       uint32_t inInterface,
                                       uint32_t outInterface,
                                       uint64_t flowOwner)
{
    NS_LOG_FUNCTION(this << address << inInterface << outInterface << flowOwner);
    m_sourceRoutes[address.Get()] = SourceRoute{inInterface, outInterface, flowOwner};
}

namespace
{
/**
 * The key of a local route.
 * \param source the source address
 * \param destination the destination address
 * \return the key
 */
uint64_t
LocalKey(Ipv4Address source, Ipv4Address destination)
{
    return (uint64_t(source.Get()) << 32) | destination.Get();
}
} // namespace

void
Ipv4HomeAddressRouting::SetLocalRoute(Ipv4Address source,
                                      Ipv4Address destination,
                                      uint32_t interface)
{
    NS_LOG_FUNCTION(this << source << destination << interface);
    m_localRoutes[LocalKey(source, destination)] = interface;
}

bool
Ipv4HomeAddressRouting::RemoveLocalRoute(Ipv4Address source, Ipv4Address destination)
{
    NS_LOG_FUNCTION(this << source << destination);
    return m_localRoutes.erase(LocalKey(source, destination)) > 0;
}

bool
Ipv4HomeAddressRouting::HasLocalRoute(Ipv4Address source, Ipv4Address destination) const
{
    return m_localRoutes.find(LocalKey(source, destination)) != m_localRoutes.end();
}

uint64_t
Ipv4HomeAddressRouting::GetLocalRoutedCount() const
{
    return m_localRouted;
}

void
Ipv4HomeAddressRouting::SetFlowBindingTable(Ptr<FlowBindingTable> table)
{
    m_flows.SetTable(table);
}

Ptr<FlowBindingTable>
Ipv4HomeAddressRouting::GetFlowBindingTable() const
{
    return m_flows.GetTable();
}

void
Ipv4HomeAddressRouting::SetBindingResolver(FlowBindingResolver resolver)
{
    m_flows.SetResolver(resolver);
}

uint64_t
Ipv4HomeAddressRouting::GetFlowForwardedCount() const
{
    return m_flows.GetForwardedCount();
}

uint64_t
Ipv4HomeAddressRouting::GetFlowDiscardCount() const
{
    return m_flows.GetDiscardCount();
}

bool
Ipv4HomeAddressRouting::RouteFlow(uint64_t flowOwner,
                                  const Ptr<const Packet>& p,
                                  const Ipv4Header& header,
                                  const UnicastForwardCallback& ucb)
{
    if (flowOwner == NO_FLOW_OWNER || !m_flows.HasFlows())
    {
        return false;
    }
    uint16_t fid = 0;
    switch (m_flows.Forward(flowOwner, p, header, ucb, fid))
    {
    case Ipv4FlowBindingForwarder::DISCARDED:
        NS_LOG_LOGIC("IPv4 flow " << fid << " of owner " << flowOwner << " discarded");
        return true;
    case Ipv4FlowBindingForwarder::FORWARDED:
        return true;
    case Ipv4FlowBindingForwarder::NOT_HANDLED:
        break;
    }
    return false;
}

bool
Ipv4HomeAddressRouting::RemoveSourceRoute(Ipv4Address address, uint32_t inInterface)
{
    NS_LOG_FUNCTION(this << address << inInterface);
    auto it = m_sourceRoutes.find(address.Get());
    if (it == m_sourceRoutes.end() || it->second.inInterface != inInterface)
    {
        return false;
    }
    m_sourceRoutes.erase(it);
    return true;
}

int32_t
Ipv4HomeAddressRouting::GetHostRouteInterface(Ipv4Address address) const
{
    auto it = m_hostRoutes.find(address.Get());
    return it == m_hostRoutes.end() ? -1 : static_cast<int32_t>(it->second.interface);
}

int32_t
Ipv4HomeAddressRouting::GetSourceRouteInterface(Ipv4Address address) const
{
    auto it = m_sourceRoutes.find(address.Get());
    return it == m_sourceRoutes.end() ? -1 : static_cast<int32_t>(it->second.outInterface);
}

Ptr<Ipv4Route>
Ipv4HomeAddressRouting::MakeRoute(Ipv4Address destination, uint32_t interface) const
{
    Ptr<Ipv4Route> route = Create<Ipv4Route>();
    route->SetDestination(destination);
    route->SetGateway(Ipv4Address::GetZero());
    route->SetOutputDevice(m_ipv4->GetNetDevice(interface));
    // a tunnel interface has no address: the source of a packet this node originates is
    // the first address of another interface
    Ipv4Address source = Ipv4Address::GetZero();
    if (m_ipv4->GetNAddresses(interface) > 0)
    {
        source = m_ipv4->GetAddress(interface, 0).GetLocal();
    }
    for (uint32_t i = 1; source == Ipv4Address::GetZero() && i < m_ipv4->GetNInterfaces(); ++i)
    {
        if (m_ipv4->GetNAddresses(i) > 0)
        {
            source = m_ipv4->GetAddress(i, 0).GetLocal();
        }
    }
    route->SetSource(source);
    return route;
}

Ptr<Ipv4Route>
Ipv4HomeAddressRouting::RouteOutput(Ptr<Packet> p,
                                    const Ipv4Header& header,
                                    Ptr<NetDevice> oif,
                                    Socket::SocketErrno& sockerr)
{
    auto it = m_hostRoutes.find(header.GetDestination().Get());
    uint32_t out = 0;
    if (it == m_hostRoutes.end() || !Usable(it->second.interface, out) ||
        (oif && oif != m_ipv4->GetNetDevice(out)))
    {
        sockerr = Socket::ERROR_NOROUTETOHOST;
        return nullptr;
    }
    sockerr = Socket::ERROR_NOTERROR;
    m_flows.SelectTunnel(p, it->second.interface);
    return MakeRoute(header.GetDestination(), out);
}

bool
Ipv4HomeAddressRouting::Usable(uint32_t interface, uint32_t& out)
{
    out = m_flows.OutputInterface(interface);
    return out < m_ipv4->GetNInterfaces() && m_ipv4->IsUp(out);
}

bool
Ipv4HomeAddressRouting::RouteInput(Ptr<const Packet> p,
                                   const Ipv4Header& header,
                                   Ptr<const NetDevice> idev,
                                   UnicastForwardCallback ucb,
                                   MulticastForwardCallback /* mcb */,
                                   LocalDeliverCallback /* lcb */,
                                   ErrorCallback /* ecb */)
{
    if (header.GetDestination().IsMulticast() || header.GetDestination().IsBroadcast())
    {
        return false;
    }
    int32_t iif = m_ipv4->GetInterfaceForDevice(idev);
    auto source = m_sourceRoutes.find(header.GetSource().Get());
    uint32_t sourceOut = 0;
    if (source != m_sourceRoutes.end() && iif >= 0 &&
        static_cast<uint32_t>(iif) == source->second.inInterface &&
        Usable(source->second.outInterface, sourceOut))
    {
        if (!m_localRoutes.empty())
        {
            auto local = m_localRoutes.find(LocalKey(header.GetSource(), header.GetDestination()));
            if (local != m_localRoutes.end())
            {
                uint32_t out = local->second;
                if (out == HOST_ROUTE_INTERFACE)
                {
                    auto host = m_hostRoutes.find(header.GetDestination().Get());
                    out =
                        host == m_hostRoutes.end() ? HOST_ROUTE_INTERFACE : host->second.interface;
                }
                if (out != HOST_ROUTE_INTERFACE && out < m_ipv4->GetNInterfaces() &&
                    m_ipv4->IsUp(out))
                {
                    NS_LOG_LOGIC("local route " << header.GetSource() << " -> "
                                                << header.GetDestination() << " out of interface "
                                                << out);
                    m_localRouted++;
                    ucb(MakeRoute(header.GetDestination(), out), p, header);
                    return true;
                }
            }
        }
        if (RouteFlow(source->second.flowOwner, p, header, ucb))
        {
            return true;
        }
        NS_LOG_LOGIC("from home address " << header.GetSource() << " into interface "
                                          << source->second.outInterface);
        m_flows.SelectTunnel(p, source->second.outInterface);
        ucb(MakeRoute(header.GetDestination(), sourceOut), p, header);
        return true;
    }
    auto host = m_hostRoutes.find(header.GetDestination().Get());
    uint32_t hostOut = 0;
    if (host != m_hostRoutes.end() && Usable(host->second.interface, hostOut))
    {
        if (RouteFlow(host->second.flowOwner, p, header, ucb))
        {
            return true;
        }
        NS_LOG_LOGIC("to home address " << header.GetDestination() << " out of interface "
                                        << host->second.interface);
        // a point-to-multipoint tunnel identifier: named on the packet (O(1))
        m_flows.SelectTunnel(p, host->second.interface);
        ucb(MakeRoute(header.GetDestination(), hostOut), p, header);
        return true;
    }
    return false;
}

void
Ipv4HomeAddressRouting::NotifyInterfaceUp(uint32_t /* interface */)
{
}

void
Ipv4HomeAddressRouting::NotifyInterfaceDown(uint32_t /* interface */)
{
}

void
Ipv4HomeAddressRouting::NotifyAddAddress(uint32_t /* interface */,
                                         Ipv4InterfaceAddress /* address */)
{
}

void
Ipv4HomeAddressRouting::NotifyRemoveAddress(uint32_t /* interface */,
                                            Ipv4InterfaceAddress /* address */)
{
}

void
Ipv4HomeAddressRouting::SetIpv4(Ptr<Ipv4> ipv4)
{
    m_ipv4 = ipv4;
    m_flows.SetIpv4(ipv4);
}

void
Ipv4HomeAddressRouting::PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                                          Time::Unit /* unit */) const
{
    std::ostream& os = *stream->GetStream();
    os << "Ipv4HomeAddressRouting: " << m_hostRoutes.size() << " host routes, "
       << m_sourceRoutes.size() << " source routes\n";
    for (const auto& r : m_hostRoutes)
    {
        os << "  to " << Ipv4Address(r.first) << " via interface " << r.second.interface;
        if (r.second.flowOwner != NO_FLOW_OWNER)
        {
            os << " (flows of owner " << r.second.flowOwner << ")";
        }
        os << "\n";
    }
    for (const auto& r : m_localRoutes)
    {
        os << "  local " << Ipv4Address(uint32_t(r.first >> 32)) << " -> "
           << Ipv4Address(uint32_t(r.first)) << " via "
           << (r.second == HOST_ROUTE_INTERFACE ? std::string("its host route")
                                                : "interface " + std::to_string(r.second))
           << "\n";
    }
    for (const auto& r : m_sourceRoutes)
    {
        os << "  from " << Ipv4Address(r.first) << " on interface " << r.second.inInterface
           << " into interface " << r.second.outInterface << "\n";
    }
}

} // namespace ns3
