/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-routing.h"

#include "ipv6-tunnel-l4-protocol.h"
#include "list-routing-install.h"

#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <iomanip>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaRouting");

namespace
{

/**
 * \brief Ipv6Address::IsMulticast() || Ipv6Address::IsLinkLocal() (ff00::/8, fe80::/64), from
 * the octets: the per-packet check, without building the addresses those methods compare with.
 * \param address the address
 * \return true when multicast or link-local
 */
inline bool
IsMulticastOrLinkLocal(const Ipv6Address& address)
{
    uint8_t b[16];
    address.GetBytes(b);
    return b[0] == 0xff || (b[0] == 0xfe && b[1] == 0x80 && b[2] == 0 && b[3] == 0 && b[4] == 0 &&
                            b[5] == 0 && b[6] == 0 && b[7] == 0);
}

} // namespace

NS_OBJECT_ENSURE_REGISTERED(LmaRouting);

constexpr uint32_t LmaRouting::NO_INTERFACE;
constexpr uint64_t LmaRouting::DEFAULT_OWNER;

TypeId
LmaRouting::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LmaRouting")
            .SetParent<Ipv6RoutingProtocol>()
            .SetGroupName("Pmipv6")
            .AddConstructor<LmaRouting>()
            .AddTraceSource("FlowDiscard",
                            "A packet dropped by a DISCARD flow binding.",
                            MakeTraceSourceAccessor(&LmaRouting::m_flowDiscardTrace),
                            "ns3::LmaRouting::FlowDiscardTracedCallback")
            .AddTraceSource("Discard",
                            "A packet to or from a prefix with only discard routes (a mobility "
                            "session waiting for deletion, RFC 5213 5.3.5).",
                            MakeTraceSourceAccessor(&LmaRouting::m_discardTrace),
                            "ns3::LmaRouting::DiscardTracedCallback");
    return tid;
}

LmaRouting::LmaRouting()
    : m_routeCount(0),
      m_forwardedCount(0),
      m_outputCount(0),
      m_discardedCount(0),
      m_discardRoutes(0)
{
    NS_LOG_FUNCTION(this);
}

LmaRouting::~LmaRouting()
{
    NS_LOG_FUNCTION(this);
}

void
LmaRouting::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_routes.Clear();
    m_routeCount = 0;
    m_discardRoutes = 0;
    m_flows.Clear();
    m_ipv6 = nullptr;
    m_tunnels = nullptr;
    Ipv6RoutingProtocol::DoDispose();
}

Ptr<LmaRouting>
LmaRouting::Install(Ptr<Node> node, int16_t priority)
{
    return InstallInListRouting<LmaRouting>(node, priority);
}

void
LmaRouting::SetPrefixRoute(Ipv6Address prefix, uint8_t length, uint32_t tunnelInterface)
{
    SetPrefixRoute(prefix, length, tunnelInterface, DEFAULT_OWNER, DEFAULT_OWNER);
}

void
LmaRouting::SetPrefixRoute(Ipv6Address prefix,
                           uint8_t length,
                           uint32_t tunnelInterface,
                           uint64_t owner)
{
    SetPrefixRoute(prefix, length, tunnelInterface, owner, owner);
}

void
LmaRouting::SetPrefixRoute(Ipv6Address prefix,
                           uint8_t length,
                           uint32_t tunnelInterface,
                           uint64_t owner,
                           uint64_t flowOwner)
{
    NS_LOG_FUNCTION(this << prefix << +length << tunnelInterface << owner << flowOwner);
    NS_ASSERT_MSG(m_ipv6, "LmaRouting is not attached to IPv6");
    NS_ASSERT_MSG(length <= 128, "prefix length " << +length);
    uint32_t outInterface = tunnelInterface;
    if (Ipv6TunnelL4Protocol::IsTunnelId(tunnelInterface))
    {
        if (!m_tunnels)
        {
            m_tunnels = m_ipv6->GetObject<Ipv6TunnelL4Protocol>();
        }
        outInterface = m_tunnels ? m_tunnels->GetOutputInterface(tunnelInterface) : NO_INTERFACE;
    }
    NS_ASSERT_MSG(outInterface < m_ipv6->GetNInterfaces(), "no interface " << tunnelInterface);
    Ipv6Prefix mask(length);
    PrefixRoute r;
    r.prefix = prefix.CombinePrefix(mask);
    r.length = length;
    r.tunnelInterface = tunnelInterface;
    r.route = Create<Ipv6Route>();
    r.route->SetDestination(r.prefix);
    r.route->SetGateway(Ipv6Address::GetAny());
    r.route->SetOutputDevice(m_ipv6->GetNetDevice(outInterface));
    r.owner = owner;
    r.flowOwner = flowOwner;
    PrefixRoutes set;
    const PrefixRoutes* existing = m_routes.Find(r.prefix, length);
    if (existing)
    {
        set = *existing;
    }
    // the owner's route becomes the last (selected) one
    auto same = std::find_if(set.routes.begin(), set.routes.end(), [owner](const PrefixRoute& x) {
        return x.owner == owner;
    });
    if (same != set.routes.end())
    {
        m_discardRoutes -= same->discard ? 1 : 0;
        set.routes.erase(same);
    }
    else
    {
        m_routeCount++;
    }
    set.routes.push_back(r);
    m_routes.Insert(r.prefix, length, set);
}

void
LmaRouting::SetPrefixDiscard(Ipv6Address prefix, uint8_t length, uint64_t owner)
{
    NS_LOG_FUNCTION(this << prefix << +length << owner);
    NS_ASSERT_MSG(length <= 128, "prefix length " << +length);
    Ipv6Prefix mask(length);
    PrefixRoute r;
    r.prefix = prefix.CombinePrefix(mask);
    r.length = length;
    r.tunnelInterface = NO_INTERFACE;
    r.owner = owner;
    r.flowOwner = owner;
    r.discard = true;
    PrefixRoutes set;
    const PrefixRoutes* existing = m_routes.Find(r.prefix, length);
    if (existing)
    {
        set = *existing;
    }
    auto same = std::find_if(set.routes.begin(), set.routes.end(), [owner](const PrefixRoute& x) {
        return x.owner == owner;
    });
    if (same != set.routes.end())
    {
        if (same->discard)
        {
            return;
        }
        r.flowOwner = same->flowOwner;
        set.routes.erase(same);
    }
    else
    {
        m_routeCount++;
    }
    // discard routes first: a live route of another owner stays the selected one
    set.routes.insert(set.routes.begin(), r);
    m_discardRoutes++;
    m_routes.Insert(r.prefix, length, set);
}

bool
LmaRouting::IsPrefixDiscarded(Ipv6Address prefix, uint8_t length) const
{
    const PrefixRoutes* set = m_routes.Find(prefix.CombinePrefix(Ipv6Prefix(length)), length);
    return set && set->routes.back().discard;
}

void
LmaRouting::RemovePrefixRoute(Ipv6Address prefix, uint8_t length)
{
    NS_LOG_FUNCTION(this << prefix << +length);
    const PrefixRoutes* existing = m_routes.Find(prefix, length);
    if (existing)
    {
        m_routeCount -= existing->routes.size();
        for (const auto& r : existing->routes)
        {
            m_discardRoutes -= r.discard ? 1 : 0;
        }
        m_routes.Remove(prefix, length);
    }
}

bool
LmaRouting::RemovePrefixRoute(Ipv6Address prefix, uint8_t length, uint64_t owner)
{
    NS_LOG_FUNCTION(this << prefix << +length << owner);
    const PrefixRoutes* existing = m_routes.Find(prefix, length);
    if (!existing)
    {
        return false;
    }
    PrefixRoutes set = *existing;
    auto same = std::find_if(set.routes.begin(), set.routes.end(), [owner](const PrefixRoute& x) {
        return x.owner == owner;
    });
    if (same == set.routes.end())
    {
        return false;
    }
    m_discardRoutes -= same->discard ? 1 : 0;
    set.routes.erase(same);
    m_routeCount--;
    if (set.routes.empty())
    {
        m_routes.Remove(prefix, length);
    }
    else
    {
        m_routes.Insert(prefix, length, set);
    }
    return true;
}

bool
LmaRouting::HasPrefixRoute(Ipv6Address prefix, uint8_t length) const
{
    return m_routes.Find(prefix, length) != nullptr;
}

bool
LmaRouting::HasPrefixRoute(Ipv6Address prefix, uint8_t length, uint64_t owner) const
{
    const PrefixRoutes* existing = m_routes.Find(prefix, length);
    return existing && std::any_of(existing->routes.begin(),
                                   existing->routes.end(),
                                   [owner](const PrefixRoute& x) { return x.owner == owner; });
}

uint32_t
LmaRouting::GetRouteCount() const
{
    return m_routeCount;
}

void
LmaRouting::SetFlowBindingTable(Ptr<FlowBindingTable> table)
{
    NS_LOG_FUNCTION(this << table);
    m_flows.SetTable(table);
}

Ptr<FlowBindingTable>
LmaRouting::GetFlowBindingTable() const
{
    return m_flows.GetTable();
}

void
LmaRouting::SetBindingResolver(BindingResolver resolver)
{
    m_flows.SetResolver(resolver);
}

uint64_t
LmaRouting::GetFlowDiscardCount() const
{
    return m_flows.GetDiscardCount();
}

uint64_t
LmaRouting::GetFlowForwardedCount() const
{
    return m_flows.GetForwardedCount();
}

const LmaRouting::PrefixRoute*
LmaRouting::SelectRoute(const Ipv6Header& header, Ptr<const Packet> /* p */) const
{
    Ipv6Address dst = header.GetDestination();
    if (m_routes.IsEmpty() || IsMulticastOrLinkLocal(dst))
    {
        return nullptr;
    }
    const PrefixRoutes* set = m_routes.Lookup(dst);
    return set ? &set->routes.back() : nullptr;
}

uint32_t
LmaRouting::GetTunnelInterface(Ipv6Address destination) const
{
    const PrefixRoutes* set = m_routes.Lookup(destination);
    return (set && !set->routes.back().discard) ? set->routes.back().tunnelInterface : NO_INTERFACE;
}

bool
LmaRouting::RouteFlow(const PrefixRoute& r,
                      const Ptr<const Packet>& p,
                      const Ipv6Header& header,
                      const Ptr<const NetDevice>& idev,
                      const UnicastForwardCallback& ucb)
{
    uint16_t fid = 0;
    switch (m_flows.Forward(r.flowOwner, p, header, idev, ucb, fid))
    {
    case FlowBindingForwarder::NOT_HANDLED:
        return false;
    case FlowBindingForwarder::DISCARDED:
        m_flowDiscardTrace(header, p, r.flowOwner, fid);
        return true;
    case FlowBindingForwarder::FORWARDED:
        break;
    }
    return true;
}

uint64_t
LmaRouting::GetDiscardedCount() const
{
    return m_discardedCount;
}

uint64_t
LmaRouting::GetForwardedCount() const
{
    return m_forwardedCount;
}

uint64_t
LmaRouting::GetOutputCount() const
{
    return m_outputCount;
}

Ipv6Address
LmaRouting::SourceFor(uint32_t tunnelInterface) const
{
    uint32_t outInterface = Ipv6TunnelL4Protocol::IsTunnelId(tunnelInterface)
                                ? m_tunnels->GetOutputInterface(tunnelInterface)
                                : tunnelInterface;
    for (uint32_t i = 0; i < m_ipv6->GetNAddresses(outInterface); i++)
    {
        Ipv6InterfaceAddress a = m_ipv6->GetAddress(outInterface, i);
        if (a.GetScope() == Ipv6InterfaceAddress::GLOBAL)
        {
            return a.GetAddress();
        }
    }
    Ptr<Ipv6TunnelL4Protocol> tunnels = m_ipv6->GetObject<Ipv6TunnelL4Protocol>();
    Ipv6Address local;
    Ipv6Address remote;
    if (tunnels && tunnels->GetTunnelEndpoints(tunnelInterface, local, remote))
    {
        return local;
    }
    for (uint32_t j = 0; j < m_ipv6->GetNInterfaces(); j++)
    {
        for (uint32_t i = 0; i < m_ipv6->GetNAddresses(j); i++)
        {
            Ipv6InterfaceAddress a = m_ipv6->GetAddress(j, i);
            if (a.GetScope() == Ipv6InterfaceAddress::GLOBAL)
            {
                return a.GetAddress();
            }
        }
    }
    return Ipv6Address::GetAny();
}

Ptr<Ipv6Route>
LmaRouting::RouteOutput(Ptr<Packet> p,
                        const Ipv6Header& header,
                        Ptr<NetDevice> oif,
                        Socket::SocketErrno& sockerr)
{
    const PrefixRoute* r = SelectRoute(header, p);
    if (r && r->discard)
    {
        NS_LOG_LOGIC("output to " << header.GetDestination() << ": discard route");
        sockerr = Socket::ERROR_NOROUTETOHOST;
        return nullptr;
    }
    if (!r || (oif && oif != r->route->GetOutputDevice()))
    {
        return nullptr;
    }
    Ipv6Address source = SourceFor(r->tunnelInterface);
    if (source.IsAny())
    {
        NS_LOG_WARN("no global source address for " << header.GetDestination());
        return nullptr;
    }
    NS_LOG_LOGIC("output to " << header.GetDestination() << " into tunnel " << r->tunnelInterface
                              << " from " << source);
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetDestination(header.GetDestination());
    route->SetSource(source);
    route->SetGateway(Ipv6Address::GetAny());
    route->SetOutputDevice(r->route->GetOutputDevice());
    if (Ipv6TunnelL4Protocol::IsTunnelId(r->tunnelInterface))
    {
        m_tunnels->SelectTunnel(p, r->tunnelInterface);
    }
    m_outputCount++;
    sockerr = Socket::ERROR_NOTERROR;
    return route;
}

bool
LmaRouting::RouteInput(Ptr<const Packet> p,
                       const Ipv6Header& header,
                       Ptr<const NetDevice> idev,
                       UnicastForwardCallback ucb,
                       MulticastForwardCallback /* mcb */,
                       LocalDeliverCallback /* lcb */,
                       ErrorCallback /* ecb */)
{
    NS_LOG_FUNCTION(this << p << header.GetSource() << header.GetDestination() << idev);
    const PrefixRoute* r = SelectRoute(header, p);
    bool discard = r && r->discard;
    if (!discard && m_discardRoutes > 0 && !IsMulticastOrLinkLocal(header.GetDestination()))
    {
        // Uplink of a session waiting for deletion (only looked up while one exists).
        const PrefixRoutes* s = m_routes.Lookup(header.GetSource());
        discard = s && s->routes.back().discard;
    }
    if (discard)
    {
        NS_LOG_LOGIC("discard " << header.GetSource() << " -> " << header.GetDestination()
                                << ": mobility session waiting for deletion");
        m_discardedCount++;
        m_discardTrace(p, header);
        // Silently (not through the error callback: ns-3 answers that with an ICMPv6
        // Destination Unreachable).
        return true;
    }
    if (!r)
    {
        return false;
    }
    if (m_flows.HasFlows() && RouteFlow(*r, p, header, idev, ucb))
    {
        m_forwardedCount++;
        return true;
    }
    NS_LOG_LOGIC("downlink " << header.GetSource() << " -> " << header.GetDestination()
                             << " into tunnel " << r->tunnelInterface);
    m_forwardedCount++;
    if (Ipv6TunnelL4Protocol::IsTunnelId(r->tunnelInterface))
    {
        m_tunnels->SelectTunnel(p, r->tunnelInterface);
    }
    ucb(idev, r->route, p, header);
    return true;
}

void
LmaRouting::NotifyInterfaceUp(uint32_t /* interface */)
{
}

void
LmaRouting::NotifyInterfaceDown(uint32_t /* interface */)
{
}

void
LmaRouting::NotifyAddAddress(uint32_t /* interface */, Ipv6InterfaceAddress /* address */)
{
}

void
LmaRouting::NotifyRemoveAddress(uint32_t /* interface */, Ipv6InterfaceAddress /* address */)
{
}

void
LmaRouting::NotifyAddRoute(Ipv6Address /* dst */,
                           Ipv6Prefix /* mask */,
                           Ipv6Address /* nextHop */,
                           uint32_t /* interface */,
                           Ipv6Address /* prefixToUse */)
{
}

void
LmaRouting::NotifyRemoveRoute(Ipv6Address /* dst */,
                              Ipv6Prefix /* mask */,
                              Ipv6Address /* nextHop */,
                              uint32_t /* interface */,
                              Ipv6Address /* prefixToUse */)
{
}

void
LmaRouting::SetIpv6(Ptr<Ipv6> ipv6)
{
    NS_LOG_FUNCTION(this << ipv6);
    NS_ASSERT(!m_ipv6 && ipv6);
    m_ipv6 = ipv6;
    m_flows.SetIpv6(ipv6);
}

void
LmaRouting::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    std::ostream* os = stream->GetStream();
    *os << "LmaRouting: " << m_routeCount << " prefix routes, time " << Now().As(unit) << std::endl;
    *os << "Prefix                                      Tunnel Owner" << std::endl;
    m_routes.ForEach([os](const PrefixRoutes& set) {
        for (auto r = set.routes.rbegin(); r != set.routes.rend(); ++r)
        {
            std::ostringstream prefix;
            prefix << r->prefix << "/" << +r->length;
            *os << std::setw(44) << std::left << prefix.str() << std::setw(7);
            if (r->discard)
            {
                *os << "discard";
            }
            else
            {
                *os << r->tunnelInterface;
            }
            *os << r->owner << (r == set.routes.rbegin() ? "" : " (shadowed)") << std::endl;
        }
    });
}

} // namespace ns3
