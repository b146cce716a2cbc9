/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ipv6-hash-routing.h"

#include "list-routing-install.h"

#include "ns3/ipv6-interface-address.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv6HashRouting");

NS_OBJECT_ENSURE_REGISTERED(Ipv6HashRouting);

TypeId
Ipv6HashRouting::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Ipv6HashRouting")
                            .SetParent<Ipv6RoutingProtocol>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<Ipv6HashRouting>();
    return tid;
}

Ipv6HashRouting::Ipv6HashRouting()
{
    NS_LOG_FUNCTION(this);
}

Ipv6HashRouting::~Ipv6HashRouting()
{
    NS_LOG_FUNCTION(this);
}

void
Ipv6HashRouting::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_routes.Clear();
    m_byInterface.clear();
    m_localByInterface.clear();
    m_local.clear();
    m_ipv6 = nullptr;
    Ipv6RoutingProtocol::DoDispose();
}

Ptr<Ipv6HashRouting>
Ipv6HashRouting::Install(Ptr<Node> node, int16_t priority)
{
    return InstallInListRouting<Ipv6HashRouting>(node, priority);
}

bool
Ipv6HashRouting::IsHandled(Ipv6Address address)
{
    return !address.IsMulticast() && !address.IsLinkLocal() && !address.IsAny() &&
           !address.IsLocalhost();
}

bool
Ipv6HashRouting::AddNetworkRouteTo(Ipv6Address network,
                                   uint8_t length,
                                   Ipv6Address nextHop,
                                   uint32_t interface)
{
    NS_LOG_FUNCTION(this << network << +length << nextHop << interface);
    NS_ASSERT_MSG(m_ipv6, "Ipv6HashRouting has no IPv6");
    NS_ASSERT_MSG(length <= 128, "prefix length " << +length);
    if (m_routes.Find(network, length))
    {
        return false;
    }
    Ipv6Address masked = network.CombinePrefix(Ipv6Prefix(length));
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetDestination(masked);
    route->SetGateway(nextHop);
    route->SetOutputDevice(m_ipv6->GetNetDevice(interface));
    m_routes.Insert(masked, length, Route{masked, length, nextHop, interface, route});
    if (m_byInterface.size() <= interface)
    {
        m_byInterface.resize(interface + 1);
    }
    m_byInterface[interface].emplace_back(masked, length);
    return true;
}

bool
Ipv6HashRouting::SetDefaultRoute(Ipv6Address nextHop, uint32_t interface)
{
    return AddNetworkRouteTo(Ipv6Address::GetAny(), 0, nextHop, interface);
}

bool
Ipv6HashRouting::RemoveRoute(Ipv6Address network, uint8_t length)
{
    NS_LOG_FUNCTION(this << network << +length);
    const Route* r = m_routes.Find(network, length);
    if (!r)
    {
        return false;
    }
    Prefix key{r->network, r->length};
    std::vector<Prefix>& list = m_byInterface[r->interface];
    list.erase(std::remove(list.begin(), list.end(), key), list.end());
    m_routes.Remove(network, length);
    return true;
}

uint32_t
Ipv6HashRouting::GetNRoutes() const
{
    return m_routes.GetSize();
}

bool
Ipv6HashRouting::IsLocalAddress(Ipv6Address address) const
{
    return m_local.find(address) != m_local.end();
}

bool
Ipv6HashRouting::Lookup(Ipv6Address destination, uint32_t& interface, Ipv6Address& gateway) const
{
    const Route* r = IsHandled(destination) ? m_routes.Lookup(destination) : nullptr;
    if (!r)
    {
        return false;
    }
    interface = r->interface;
    gateway = r->gateway;
    return true;
}

uint64_t
Ipv6HashRouting::GetLocalDeliveredCount() const
{
    return m_localCount;
}

uint64_t
Ipv6HashRouting::GetForwardedCount() const
{
    return m_forwardedCount;
}

Ptr<Ipv6Route>
Ipv6HashRouting::RouteOutput(Ptr<Packet> /* p */,
                             const Ipv6Header& header,
                             Ptr<NetDevice> oif,
                             Socket::SocketErrno& sockerr)
{
    Ipv6Address dst = header.GetDestination();
    const Route* r = IsHandled(dst) ? m_routes.Lookup(dst) : nullptr;
    if (!r || (oif && oif != r->route->GetOutputDevice()))
    {
        return nullptr;
    }
    // The source Ipv6StaticRouting::LookupStatic would choose.
    Ipv6Address towards = r->gateway.IsAny() ? r->network : r->length == 0 ? dst : r->gateway;
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetSource(m_ipv6->SourceAddressSelection(r->interface, towards));
    route->SetDestination(r->network);
    route->SetGateway(r->gateway);
    route->SetOutputDevice(r->route->GetOutputDevice());
    NS_LOG_LOGIC("output to " << dst << " on interface " << r->interface << " via " << r->gateway);
    sockerr = Socket::ERROR_NOTERROR;
    return route;
}

bool
Ipv6HashRouting::RouteInput(Ptr<const Packet> p,
                            const Ipv6Header& header,
                            Ptr<const NetDevice> idev,
                            UnicastForwardCallback ucb,
                            MulticastForwardCallback /* mcb */,
                            LocalDeliverCallback lcb,
                            ErrorCallback /* ecb */)
{
    Ipv6Address dst = header.GetDestination();
    if (!IsHandled(dst))
    {
        return false;
    }
    if (!m_local.empty() && m_local.find(dst) != m_local.end())
    {
        NS_LOG_LOGIC("local delivery of " << header.GetSource() << " -> " << dst);
        m_localCount++;
        lcb(p, header, m_ipv6->GetInterfaceForDevice(idev));
        return true;
    }
    const Route* r = m_routes.Lookup(dst);
    if (!r)
    {
        return false;
    }
    NS_LOG_LOGIC("forward " << header.GetSource() << " -> " << dst << " on interface "
                            << r->interface);
    m_forwardedCount++;
    ucb(idev, r->route, p, header);
    return true;
}

void
Ipv6HashRouting::AddInterfaceAddresses(uint32_t interface)
{
    // As Ipv6StaticRouting::NotifyInterfaceUp: the on-link prefix of every address.
    for (uint32_t j = 0; j < m_ipv6->GetNAddresses(interface); j++)
    {
        Ipv6InterfaceAddress address = m_ipv6->GetAddress(interface, j);
        NotifyAddAddress(interface, address);
        uint8_t length = address.GetPrefix().GetPrefixLength();
        if (IsLocalAddress(address.GetAddress()) && length < 128)
        {
            AddNetworkRouteTo(address.GetAddress(), length, Ipv6Address::GetAny(), interface);
        }
    }
}

void
Ipv6HashRouting::RemoveLocalAddress(Ipv6Address address)
{
    auto it = m_local.find(address);
    if (it != m_local.end() && --it->second == 0)
    {
        m_local.erase(it);
    }
}

void
Ipv6HashRouting::NotifyInterfaceUp(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    AddInterfaceAddresses(interface);
}

void
Ipv6HashRouting::NotifyInterfaceDown(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    // Ipv6Interface::SetDown has already dropped the addresses: forget what was recorded.
    if (interface < m_byInterface.size())
    {
        for (const auto& [network, length] : m_byInterface[interface])
        {
            m_routes.Remove(network, length);
        }
        m_byInterface[interface].clear();
    }
    if (interface < m_localByInterface.size())
    {
        for (const auto& address : m_localByInterface[interface])
        {
            RemoveLocalAddress(address);
        }
        m_localByInterface[interface].clear();
    }
}

void
Ipv6HashRouting::NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address)
{
    NS_LOG_FUNCTION(this << interface << address);
    Ipv6Address a = address.GetAddress();
    if (!m_ipv6->IsUp(interface) || !IsHandled(a) ||
        address.GetScope() != Ipv6InterfaceAddress::GLOBAL)
    {
        return;
    }
    if (m_localByInterface.size() <= interface)
    {
        m_localByInterface.resize(interface + 1);
    }
    std::vector<Ipv6Address>& list = m_localByInterface[interface];
    if (std::find(list.begin(), list.end(), a) != list.end())
    {
        return;
    }
    list.push_back(a);
    m_local[a]++;
#if defined(PMIPV6_NS3_VERSION) && PMIPV6_NS3_VERSION <= 331
    // ns-3.31's Ipv6L3Protocol::AddAddress does not announce the on-link prefix through
    // NotifyAddRoute (ns-3.37 does); its Ipv6StaticRouting adds it here instead. Do the same.
    uint8_t length = address.GetPrefix().GetPrefixLength();
    if (length < 128)
    {
        AddNetworkRouteTo(a, length, Ipv6Address::GetAny(), interface);
    }
#endif
}

void
Ipv6HashRouting::NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address)
{
    NS_LOG_FUNCTION(this << interface << address);
    Ipv6Address a = address.GetAddress();
    if (interface < m_localByInterface.size())
    {
        std::vector<Ipv6Address>& list = m_localByInterface[interface];
        auto it = std::find(list.begin(), list.end(), a);
        if (it != list.end())
        {
            list.erase(it);
            RemoveLocalAddress(a);
        }
    }
    // As Ipv6StaticRouting: the on-link route of the address's prefix on this interface goes.
    uint8_t length = address.GetPrefix().GetPrefixLength();
    const Route* r = m_routes.Find(a, length);
    if (r && r->interface == interface && r->gateway.IsAny())
    {
        RemoveRoute(a, length);
    }
}

void
Ipv6HashRouting::NotifyAddRoute(Ipv6Address dst,
                                Ipv6Prefix mask,
                                Ipv6Address nextHop,
                                uint32_t interface,
                                Ipv6Address /* prefixToUse */)
{
    NS_LOG_FUNCTION(this << dst << mask << nextHop << interface);
    uint8_t length = mask.GetPrefixLength();
    // On-link prefixes of this node's addresses (nextHop zero); routes learnt from Router
    // Advertisements (default routes) stay with static routing.
    if (length > 0 && IsHandled(dst) && nextHop.IsAny() && m_ipv6->IsUp(interface))
    {
        AddNetworkRouteTo(dst, length, nextHop, interface);
    }
}

void
Ipv6HashRouting::NotifyRemoveRoute(Ipv6Address dst,
                                   Ipv6Prefix mask,
                                   Ipv6Address nextHop,
                                   uint32_t interface,
                                   Ipv6Address /* prefixToUse */)
{
    NS_LOG_FUNCTION(this << dst << mask << nextHop << interface);
    uint8_t length = mask.GetPrefixLength();
    const Route* r = m_routes.Find(dst, length);
    if (r && r->interface == interface && r->gateway == nextHop)
    {
        RemoveRoute(dst, length);
    }
}

void
Ipv6HashRouting::SetIpv6(Ptr<Ipv6> ipv6)
{
    NS_LOG_FUNCTION(this << ipv6);
    NS_ASSERT(!m_ipv6 && ipv6);
    m_ipv6 = ipv6;
    // Installed after the interfaces: learn the addresses and on-link prefixes they have.
    for (uint32_t i = 0; i < m_ipv6->GetNInterfaces(); i++)
    {
        if (m_ipv6->IsUp(i))
        {
            AddInterfaceAddresses(i);
        }
    }
}

void
Ipv6HashRouting::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    std::ostream* os = stream->GetStream();
    *os << "Ipv6HashRouting: " << m_routes.GetSize() << " routes, " << m_local.size()
        << " local addresses, time " << Now().As(unit) << std::endl;
    *os << "Destination                                 Gateway                   If" << std::endl;
    m_routes.ForEach([os](const Route& r) {
        std::ostringstream prefix;
        prefix << r.network << "/" << +r.length;
        std::ostringstream gateway;
        gateway << r.gateway;
        *os << std::setw(44) << std::left << prefix.str() << std::setw(26) << gateway.str()
            << r.interface << std::endl;
    });
}

} // namespace ns3
