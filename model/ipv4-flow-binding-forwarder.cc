/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ipv4-flow-binding-forwarder.h"

#include "ns3/ipv6-header.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv4FlowBindingForwarder");

void
Ipv4FlowBindingForwarder::SetIpv4(Ptr<Ipv4> ipv4)
{
    m_ipv4 = ipv4;
}

void
Ipv4FlowBindingForwarder::SetTable(Ptr<FlowBindingTable> table)
{
    m_table = table;
}

Ptr<FlowBindingTable>
Ipv4FlowBindingForwarder::GetTable() const
{
    return m_table;
}

void
Ipv4FlowBindingForwarder::SetResolver(FlowBindingResolver resolver)
{
    m_resolver = resolver;
}

uint64_t
Ipv4FlowBindingForwarder::GetDiscardCount() const
{
    return m_discardCount;
}

uint64_t
Ipv4FlowBindingForwarder::GetForwardedCount() const
{
    return m_forwardedCount;
}

void
Ipv4FlowBindingForwarder::Clear()
{
    m_ipv4 = nullptr;
    m_table = nullptr;
    m_resolver = FlowBindingResolver();
    m_outputRoutes.clear();
    m_tunnels = nullptr;
    m_sharedInterface = Ipv6TunnelL4Protocol::NO_INTERFACE;
}

uint32_t
Ipv4FlowBindingForwarder::OutputInterface(uint32_t interface)
{
    if (!Ipv6TunnelL4Protocol::IsTunnelId(interface))
    {
        return interface;
    }
    if (m_sharedInterface == Ipv6TunnelL4Protocol::NO_INTERFACE && m_ipv4)
    {
        // one IPv4 interface for every tunnel identifier: found once
        if (!m_tunnels)
        {
            m_tunnels = m_ipv4->GetObject<Ipv6TunnelL4Protocol>();
        }
        if (m_tunnels)
        {
            m_sharedInterface = m_tunnels->GetIpv4OutputInterface(interface);
        }
    }
    return m_sharedInterface;
}

void
Ipv4FlowBindingForwarder::SelectTunnel(const Ptr<const Packet>& p, uint32_t interface) const
{
    if (p && m_tunnels && Ipv6TunnelL4Protocol::IsTunnelId(interface))
    {
        m_tunnels->SelectTunnel(p, interface);
    }
}

TrafficSelector::FlowKey
Ipv4FlowBindingForwarder::MakeKey(const Ipv4Header& header, Ptr<const Packet> payload)
{
    TrafficSelector::FlowKey key = TrafficSelector::MakeKey(header, 0, 0);
    key.hasPorts = false;
    // IPv4 protocol numbers are the IPv6 next header numbers (one IANA registry)
    uint8_t protocol = header.GetProtocol();
    if (header.GetFragmentOffset() != 0 || !payload || payload->GetSize() < 4)
    {
        return key;
    }
    uint8_t b[4];
    if (protocol == Ipv6Header::IPV6_TCP || protocol == Ipv6Header::IPV6_UDP)
    {
        payload->CopyData(b, 4);
        key.hasPorts = true;
        key.sourcePort = (uint16_t(b[0]) << 8) | b[1];
        key.destinationPort = (uint16_t(b[2]) << 8) | b[3];
    }
    else if (protocol == Ipv6Header::IPV6_EXT_CONFIDENTIALITY)
    {
        payload->CopyData(b, 4);
        key.hasSpi = true;
        key.spi = (uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) | b[3];
    }
    return key;
}

Ptr<Ipv4Route>
Ipv4FlowBindingForwarder::OutputRoute(uint32_t interface)
{
    Ptr<Ipv4Route>& route = m_outputRoutes[interface];
    if (!route)
    {
        // gateway-less: the next hop is the destination (a tunnel needs no ARP)
        route = Create<Ipv4Route>();
        route->SetDestination(Ipv4Address::GetAny());
        route->SetGateway(Ipv4Address::GetZero());
        route->SetOutputDevice(m_ipv4->GetNetDevice(interface));
    }
    return route;
}

Ipv4FlowBindingForwarder::Outcome
Ipv4FlowBindingForwarder::Forward(uint64_t owner,
                                  const Ptr<const Packet>& p,
                                  const Ipv4Header& header,
                                  const Ipv4RoutingProtocol::UnicastForwardCallback& ucb,
                                  uint16_t& discardedFid)
{
    if (!m_table || m_table->IsEmpty() || !m_ipv4)
    {
        return NOT_HANDLED;
    }
    FlowBindingTable::Result res = m_table->Classify(owner, MakeKey(header, p));
    switch (res.kind)
    {
    case FlowBindingTable::NO_MATCH:
        return NOT_HANDLED;
    case FlowBindingTable::DISCARD:
        NS_LOG_LOGIC("flow " << res.entry->fid << " of " << owner << " discards "
                             << header.GetSource() << " -> " << header.GetDestination());
        m_discardCount++;
        discardedFid = res.entry->fid;
        return DISCARDED;
    case FlowBindingTable::FORWARD:
    case FlowBindingTable::DEFAULT:
    case FlowBindingTable::NCAST:
        break;
    }
    FlowBindingOutput outputs[MAX_OUTPUTS];
    uint32_t n = FlowBindingTable::ResolveOutputs(res, owner, m_resolver, outputs, MAX_OUTPUTS);
    uint32_t handed = 0;
    for (uint32_t i = 0; i < n; ++i)
    {
        uint32_t interface = OutputInterface(outputs[i].interface);
        if (interface >= m_ipv4->GetNInterfaces() || !m_ipv4->IsUp(interface))
        {
            continue;
        }
        NS_LOG_LOGIC("IPv4 flow of " << owner << ": " << header.GetSource() << " -> "
                                     << header.GetDestination() << " into IPv4 interface "
                                     << interface << " (" << outputs[i].interface << ")");
        m_forwardedCount++;
        handed++;
        // a point-to-multipoint tunnel: named on the packet (each copy in turn)
        SelectTunnel(p, outputs[i].interface);
        ucb(OutputRoute(interface), p, header);
    }
    // no BID resolved: the host route
    return handed > 0 ? FORWARDED : NOT_HANDLED;
}

} // namespace ns3
