/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mag-routing.h"

#include "list-routing-install.h"

#include "ns3/boolean.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <iomanip>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagRouting");

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

NS_OBJECT_ENSURE_REGISTERED(MagRouting);

constexpr uint32_t MagRouting::NO_INTERFACE;

TypeId
MagRouting::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagRouting")
            .SetParent<Ipv6RoutingProtocol>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MagRouting>()
            .AddAttribute("EnableLocalRouting",
                          "EnableMAGLocalRouting (RFC 5213 6.10.3): route a packet between two "
                          "mobile nodes attached to this MAG locally instead of through the "
                          "LMA.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MagRouting::m_localRouting),
                          MakeBooleanChecker());
    return tid;
}

MagRouting::MagRouting()
    : m_localRouting(false),
      m_uplinkCount(0),
      m_downlinkCount(0),
      m_localCount(0)
{
    NS_LOG_FUNCTION(this);
}

MagRouting::~MagRouting()
{
    NS_LOG_FUNCTION(this);
}

void
MagRouting::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_bindings.Clear();
    m_flows.Clear();
    m_ipv6 = nullptr;
    m_inputDevice = nullptr;
    Ipv6RoutingProtocol::DoDispose();
}

Ptr<MagRouting>
MagRouting::Install(Ptr<Node> node, int16_t priority)
{
    return InstallInListRouting<MagRouting>(node, priority);
}

void
MagRouting::AddBinding(Ipv6Address prefix,
                       uint8_t prefixLength,
                       uint32_t accessInterface,
                       uint32_t tunnelInterface)
{
    AddBinding(prefix, prefixLength, accessInterface, tunnelInterface, Ipv6Address::GetAny());
}

void
MagRouting::AddBinding(Ipv6Address prefix,
                       uint8_t prefixLength,
                       uint32_t accessInterface,
                       uint32_t tunnelInterface,
                       Ipv6Address nextHop)
{
    AddBinding(prefix, prefixLength, accessInterface, tunnelInterface, nextHop, 0);
}

void
MagRouting::AddBinding(Ipv6Address prefix,
                       uint8_t prefixLength,
                       uint32_t accessInterface,
                       uint32_t tunnelInterface,
                       Ipv6Address nextHop,
                       uint64_t flowOwner)
{
    NS_LOG_FUNCTION(this << prefix << +prefixLength << accessInterface << tunnelInterface
                         << nextHop);
    NS_ASSERT_MSG(m_ipv6, "MagRouting is not attached to IPv6");
    NS_ASSERT_MSG(prefixLength <= 128, "prefix length " << +prefixLength);
    NS_ASSERT_MSG(accessInterface < m_ipv6->GetNInterfaces() &&
                      tunnelInterface < m_ipv6->GetNInterfaces(),
                  "no interface " << accessInterface << " or " << tunnelInterface);
    if (!m_ipv6->IsForwarding(accessInterface))
    {
        NS_LOG_WARN("forwarding is disabled on access interface "
                    << accessInterface << ": packets from the mobile node will be dropped");
    }
    Ipv6Prefix mask(prefixLength);
    Binding b;
    b.prefix = prefix.CombinePrefix(mask);
    b.prefixLength = prefixLength;
    b.accessInterface = accessInterface;
    b.tunnelInterface = tunnelInterface;
    b.nextHop = nextHop;
    b.flowOwner = flowOwner;
    b.uplinkRoute = Create<Ipv6Route>();
    b.uplinkRoute->SetDestination(b.prefix);
    b.uplinkRoute->SetGateway(Ipv6Address::GetAny());
    b.uplinkRoute->SetOutputDevice(m_ipv6->GetNetDevice(tunnelInterface));
    b.downlinkRoute = Create<Ipv6Route>();
    b.downlinkRoute->SetDestination(b.prefix);
    b.downlinkRoute->SetGateway(nextHop);
    b.downlinkRoute->SetOutputDevice(m_ipv6->GetNetDevice(accessInterface));

    m_bindings.Insert(b.prefix, prefixLength, b);
}

void
MagRouting::RemoveBinding(Ipv6Address prefix, uint8_t prefixLength)
{
    NS_LOG_FUNCTION(this << prefix << +prefixLength);
    m_bindings.Remove(prefix, prefixLength);
}

bool
MagRouting::HasBinding(Ipv6Address prefix, uint8_t prefixLength) const
{
    return m_bindings.Find(prefix, prefixLength) != nullptr;
}

uint32_t
MagRouting::GetBindingCount() const
{
    return m_bindings.GetSize();
}

uint32_t
MagRouting::GetTunnelInterface(Ipv6Address address) const
{
    const Binding* b = m_bindings.Lookup(address);
    return b ? b->tunnelInterface : NO_INTERFACE;
}

uint32_t
MagRouting::GetAccessInterface(Ipv6Address address) const
{
    const Binding* b = m_bindings.Lookup(address);
    return b ? b->accessInterface : NO_INTERFACE;
}

void
MagRouting::SetLocalRouting(bool enable)
{
    m_localRouting = enable;
}

bool
MagRouting::GetLocalRouting() const
{
    return m_localRouting;
}

void
MagRouting::SetFlowBindingTable(Ptr<FlowBindingTable> table)
{
    NS_LOG_FUNCTION(this << table);
    m_flows.SetTable(table);
}

Ptr<FlowBindingTable>
MagRouting::GetFlowBindingTable() const
{
    return m_flows.GetTable();
}

void
MagRouting::SetBindingResolver(FlowBindingResolver resolver)
{
    m_flows.SetResolver(resolver);
}

uint64_t
MagRouting::GetFlowDiscardCount() const
{
    return m_flows.GetDiscardCount();
}

uint64_t
MagRouting::GetFlowForwardedCount() const
{
    return m_flows.GetForwardedCount();
}

bool
MagRouting::RouteFlow(const Binding& b,
                      const Ptr<const Packet>& p,
                      const Ipv6Header& header,
                      const Ptr<const NetDevice>& idev,
                      const UnicastForwardCallback& ucb)
{
    uint16_t fid = 0;
    return m_flows.Forward(b.flowOwner, p, header, idev, ucb, fid) !=
           FlowBindingForwarder::NOT_HANDLED;
}

uint64_t
MagRouting::GetUplinkCount() const
{
    return m_uplinkCount;
}

uint64_t
MagRouting::GetDownlinkCount() const
{
    return m_downlinkCount;
}

uint64_t
MagRouting::GetLocalRoutedCount() const
{
    return m_localCount;
}

Ptr<Ipv6Route>
MagRouting::AccessRoute(const Binding& binding, Ipv6Address destination, Ipv6Address source) const
{
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetDestination(destination);
    route->SetSource(source);
    route->SetGateway(binding.nextHop);
    route->SetOutputDevice(m_ipv6->GetNetDevice(binding.accessInterface));
    return route;
}

Ptr<Ipv6Route>
MagRouting::RouteOutput(Ptr<Packet> /* p */,
                        const Ipv6Header& header,
                        Ptr<NetDevice> oif,
                        Socket::SocketErrno& sockerr)
{
    Ipv6Address dst = header.GetDestination();
    if (IsMulticastOrLinkLocal(dst))
    {
        return nullptr;
    }
    const Binding* b = m_bindings.Lookup(dst);
    if (!b)
    {
        return nullptr;
    }
    Ptr<NetDevice> device = m_ipv6->GetNetDevice(b->accessInterface);
    if (oif && oif != device)
    {
        return nullptr;
    }
    // source: a global address of the access interface, preferably in the HNP, else its
    // link-local address (the mobile node answers it on-link)
    Ipv6Address global;
    Ipv6Address linkLocal;
    for (uint32_t i = 0; i < m_ipv6->GetNAddresses(b->accessInterface); i++)
    {
        Ipv6InterfaceAddress a = m_ipv6->GetAddress(b->accessInterface, i);
        if (a.GetScope() == Ipv6InterfaceAddress::GLOBAL)
        {
            if (a.IsInSameSubnet(dst))
            {
                global = a.GetAddress();
                break;
            }
            if (global.IsAny())
            {
                global = a.GetAddress();
            }
        }
        else if (a.GetScope() == Ipv6InterfaceAddress::LINKLOCAL && linkLocal.IsAny())
        {
            linkLocal = a.GetAddress();
        }
    }
    Ipv6Address source = global.IsAny() ? linkLocal : global;
    if (source.IsAny())
    {
        NS_LOG_WARN("access interface " << b->accessInterface << " has no address");
        return nullptr;
    }
    NS_LOG_LOGIC("output to " << dst << " on access interface " << b->accessInterface << " from "
                              << source);
    sockerr = Socket::ERROR_NOTERROR;
    return AccessRoute(*b, dst, source);
}

bool
MagRouting::RouteInput(Ptr<const Packet> p,
                       const Ipv6Header& header,
                       Ptr<const NetDevice> idev,
                       UnicastForwardCallback ucb,
                       MulticastForwardCallback /* mcb */,
                       LocalDeliverCallback /* lcb */,
                       ErrorCallback /* ecb */)
{
    NS_LOG_FUNCTION(this << p << header.GetSource() << header.GetDestination() << idev);
    Ipv6Address dst = header.GetDestination();
    if (m_bindings.IsEmpty() || IsMulticastOrLinkLocal(dst))
    {
        return false;
    }
    // the interface of a device never changes once it exists (ns-3 removes none): the last
    // answer is reused while packets keep arriving on the same device (a pointer comparison
    // instead of Ipv6L3Protocol's map lookup, a virtual call and a Ptr copy per packet)
    if (idev != m_inputDevice)
    {
        m_inputInterface = m_ipv6->GetInterfaceForDevice(idev);
        m_inputDevice = m_inputInterface < 0 ? nullptr : idev;
    }
    int32_t iif = m_inputInterface;
    if (iif < 0)
    {
        return false;
    }
    const Binding* src = m_bindings.Lookup(header.GetSource());
    if (src && src->accessInterface == static_cast<uint32_t>(iif))
    {
        if (m_localRouting)
        {
            const Binding* local = m_bindings.Lookup(dst);
            if (local)
            {
                NS_LOG_LOGIC("local routing " << header.GetSource() << " -> " << dst
                                              << " onto interface " << local->accessInterface);
                m_localCount++;
                ucb(idev, local->downlinkRoute, p, header);
                return true;
            }
        }
        if (m_flows.HasFlows() && RouteFlow(*src, p, header, idev, ucb))
        {
            m_uplinkCount++;
            return true;
        }
        NS_LOG_LOGIC("uplink " << header.GetSource() << " -> " << dst << " into tunnel "
                               << src->tunnelInterface);
        m_uplinkCount++;
        ucb(idev, src->uplinkRoute, p, header);
        return true;
    }
    const Binding* to = m_bindings.Lookup(dst);
    if (to && to->accessInterface != static_cast<uint32_t>(iif))
    {
        if (m_flows.HasFlows() && RouteFlow(*to, p, header, idev, ucb))
        {
            m_downlinkCount++;
            return true;
        }
        NS_LOG_LOGIC("downlink " << header.GetSource() << " -> " << dst << " onto interface "
                                 << to->accessInterface);
        m_downlinkCount++;
        ucb(idev, to->downlinkRoute, p, header);
        return true;
    }
    return false;
}

void
MagRouting::NotifyInterfaceUp(uint32_t /* interface */)
{
}

void
MagRouting::NotifyInterfaceDown(uint32_t /* interface */)
{
}

void
MagRouting::NotifyAddAddress(uint32_t /* interface */, Ipv6InterfaceAddress /* address */)
{
}

void
MagRouting::NotifyRemoveAddress(uint32_t /* interface */, Ipv6InterfaceAddress /* address */)
{
}

void
MagRouting::NotifyAddRoute(Ipv6Address /* dst */,
                           Ipv6Prefix /* mask */,
                           Ipv6Address /* nextHop */,
                           uint32_t /* interface */,
                           Ipv6Address /* prefixToUse */)
{
}

void
MagRouting::NotifyRemoveRoute(Ipv6Address /* dst */,
                              Ipv6Prefix /* mask */,
                              Ipv6Address /* nextHop */,
                              uint32_t /* interface */,
                              Ipv6Address /* prefixToUse */)
{
}

void
MagRouting::SetIpv6(Ptr<Ipv6> ipv6)
{
    NS_LOG_FUNCTION(this << ipv6);
    NS_ASSERT(!m_ipv6 && ipv6);
    m_ipv6 = ipv6;
    m_flows.SetIpv6(ipv6);
}

void
MagRouting::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    std::ostream* os = stream->GetStream();
    *os << "MagRouting: " << m_bindings.GetSize() << " bindings, local routing "
        << (m_localRouting ? "on" : "off") << ", time " << Now().As(unit) << std::endl;
    *os << "HNP                                         Access Tunnel Next hop" << std::endl;
    m_bindings.ForEach([os](const Binding& b) {
        std::ostringstream hnp;
        hnp << b.prefix << "/" << +b.prefixLength;
        *os << std::setw(44) << std::left << hnp.str() << std::setw(7) << b.accessInterface
            << std::setw(7) << b.tunnelInterface;
        if (b.nextHop.IsAny())
        {
            *os << "on-link";
        }
        else
        {
            *os << b.nextHop;
        }
        *os << std::endl;
    });
}

} // namespace ns3
