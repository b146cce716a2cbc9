/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "flow-binding-forwarder.h"

#include "ipv6-tunnel-l4-protocol.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FlowBindingForwarder");

void
FlowBindingForwarder::SetIpv6(Ptr<Ipv6> ipv6)
{
    m_ipv6 = ipv6;
}

void
FlowBindingForwarder::SetTable(Ptr<FlowBindingTable> table)
{
    m_table = table;
}

Ptr<FlowBindingTable>
FlowBindingForwarder::GetTable() const
{
    return m_table;
}

void
FlowBindingForwarder::SetResolver(FlowBindingResolver resolver)
{
    m_resolver = resolver;
}

uint64_t
FlowBindingForwarder::GetDiscardCount() const
{
    return m_discardCount;
}

uint64_t
FlowBindingForwarder::GetForwardedCount() const
{
    return m_forwardedCount;
}

void
FlowBindingForwarder::Clear()
{
    m_ipv6 = nullptr;
    m_table = nullptr;
    m_resolver = FlowBindingResolver();
    m_outputRoutes.clear();
    m_tunnels = nullptr;
}

uint32_t
FlowBindingForwarder::OutputInterface(uint32_t interface)
{
    if (!Ipv6TunnelL4Protocol::IsTunnelId(interface))
    {
        return interface;
    }
    if (!m_tunnels)
    {
        m_tunnels = m_ipv6->GetObject<Ipv6TunnelL4Protocol>();
    }
    return m_tunnels ? m_tunnels->GetOutputInterface(interface) : FlowBindingOutput::NO_INTERFACE;
}

Ptr<Ipv6Route>
FlowBindingForwarder::OutputRoute(const FlowBindingOutput& out, uint32_t outInterface)
{
    Ptr<Ipv6Route>& route = m_outputRoutes[out.interface];
    if (!route || route->GetGateway() != out.nextHop)
    {
        route = Create<Ipv6Route>();
        route->SetDestination(Ipv6Address::GetAny());
        route->SetGateway(out.nextHop);
        route->SetOutputDevice(m_ipv6->GetNetDevice(outInterface));
    }
    return route;
}

FlowBindingForwarder::Outcome
FlowBindingForwarder::Forward(uint64_t owner,
                              const Ptr<const Packet>& p,
                              const Ipv6Header& header,
                              const Ptr<const NetDevice>& idev,
                              const Ipv6RoutingProtocol::UnicastForwardCallback& ucb,
                              uint16_t& discardedFid)
{
    if (!m_table || m_table->IsEmpty())
    {
        return NOT_HANDLED;
    }
    FlowBindingTable::Result res = m_table->Classify(owner, FlowBindingTable::MakeKey(header, p));
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
    for (uint32_t i = 0; i < n; ++i)
    {
        uint32_t outInterface = OutputInterface(outputs[i].interface);
        if (outInterface >= m_ipv6->GetNInterfaces())
        {
            continue;
        }
        NS_LOG_LOGIC("flow of " << owner << ": " << header.GetSource() << " -> "
                                << header.GetDestination() << " into interface "
                                << outputs[i].interface);
        m_forwardedCount++;
        if (outInterface != outputs[i].interface)
        {
            // a point-to-multipoint tunnel: name it on the packet (each copy in turn)
            m_tunnels->SelectTunnel(p, outputs[i].interface);
        }
        ucb(idev, OutputRoute(outputs[i], outInterface), p, header);
    }
    // no BID resolved: the prefix route
    return n > 0 ? FORWARDED : NOT_HANDLED;
}

} // namespace ns3
