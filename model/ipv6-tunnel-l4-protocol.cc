/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ipv6-tunnel-l4-protocol.h"

#include "ns3/boolean.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/uinteger.h"
#include "ns3/virtual-net-device.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv6TunnelL4Protocol");

NS_OBJECT_ENSURE_REGISTERED(Ipv6TunnelL4Protocol);

const uint8_t Ipv6TunnelL4Protocol::PROT_NUMBER = 41;

constexpr uint32_t Ipv6TunnelL4Protocol::NO_INTERFACE;

TypeId
Ipv6TunnelL4Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Ipv6TunnelL4Protocol")
            .SetParent<IpL4Protocol>()
            .SetGroupName("Pmipv6")
            .AddConstructor<Ipv6TunnelL4Protocol>()
            .AddAttribute("TunnelMtu",
                          "MTU of the tunnel devices created from now on: the largest inner "
                          "packet, outer header excluded (1500 - 40 by default).",
                          UintegerValue(1460),
                          MakeUintegerAccessor(&Ipv6TunnelL4Protocol::m_tunnelMtu),
                          MakeUintegerChecker<uint16_t>(1280))
            .AddAttribute("FilterLinkLocal",
                          "Drop inner packets whose source or destination is link-local, in "
                          "both directions (multicast destinations are always dropped).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Ipv6TunnelL4Protocol::m_filterLinkLocal),
                          MakeBooleanChecker())
            .AddTraceSource("TunnelCreated",
                            "A tunnel got its first reference (created, or its interface set "
                            "up again).",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_createdTrace),
                            "ns3::Ipv6TunnelL4Protocol::TunnelTracedCallback")
            .AddTraceSource("TunnelRemoved",
                            "A tunnel lost its last reference (its interface is set down).",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_removedTrace),
                            "ns3::Ipv6TunnelL4Protocol::TunnelTracedCallback")
            .AddTraceSource("Encapsulated",
                            "An inner packet was encapsulated and handed to IPv6.",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_encapTrace),
                            "ns3::Ipv6TunnelL4Protocol::PacketTracedCallback")
            .AddTraceSource("Decapsulated",
                            "An inner packet was decapsulated and handed to its tunnel "
                            "interface.",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_decapTrace),
                            "ns3::Ipv6TunnelL4Protocol::PacketTracedCallback")
            .AddTraceSource("Drop",
                            "A packet was neither encapsulated nor decapsulated.",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_dropTrace),
                            "ns3::Ipv6TunnelL4Protocol::DropTracedCallback");
    return tid;
}

Ipv6TunnelL4Protocol::Ipv6TunnelL4Protocol()
    : m_activeCount(0),
      m_tunnelMtu(1460),
      m_filterLinkLocal(true),
      m_encapCount(0),
      m_decapCount(0)
{
    NS_LOG_FUNCTION(this);
    m_dropCounts.fill(0);
}

Ipv6TunnelL4Protocol::~Ipv6TunnelL4Protocol()
{
    NS_LOG_FUNCTION(this);
}

void
Ipv6TunnelL4Protocol::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& entry : m_tunnels)
    {
        entry.second.device->SetSendCallback(VirtualNetDevice::SendCallback());
        entry.second.device = nullptr;
    }
    m_tunnels.clear();
    m_byInterface.clear();
    m_activeCount = 0;
    m_node = nullptr;
    m_downTarget6.Nullify();
    m_downTarget.Nullify();
    IpL4Protocol::DoDispose();
}

Ptr<Ipv6TunnelL4Protocol>
Ipv6TunnelL4Protocol::Install(Ptr<Node> node)
{
    NS_ASSERT_MSG(node->GetObject<Ipv6>(), "node " << node->GetId() << " has no IPv6");
    Ptr<Ipv6TunnelL4Protocol> tunnels = node->GetObject<Ipv6TunnelL4Protocol>();
    if (!tunnels)
    {
        tunnels = CreateObject<Ipv6TunnelL4Protocol>();
        node->AggregateObject(tunnels);
    }
    return tunnels;
}

void
Ipv6TunnelL4Protocol::SetNode(Ptr<Node> node)
{
    m_node = node;
}

void
Ipv6TunnelL4Protocol::NotifyNewAggregate()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = this->GetObject<Node>();
    Ptr<Ipv6> ipv6 = this->GetObject<Ipv6>();
    if (!m_node && node)
    {
        SetNode(node);
    }
    if (ipv6 && m_downTarget6.IsNull())
    {
        ipv6->Insert(this);
        SetDownTarget6(MakeCallback(&Ipv6::Send, ipv6));
    }
    IpL4Protocol::NotifyNewAggregate();
}

size_t
Ipv6TunnelL4Protocol::TunnelKeyHash::operator()(const TunnelKey& key) const
{
    Ipv6AddressHash hash;
    size_t h = hash(key.local);
    // boost::hash_combine
    h ^= hash(key.remote) + 0x9e3779b9 + (h << 6) + (h >> 2);
    return h;
}

const Ipv6TunnelL4Protocol::Tunnel*
Ipv6TunnelL4Protocol::FindActive(const TunnelKey& key) const
{
    auto it = m_tunnels.find(key);
    if (it == m_tunnels.end() || it->second.refCount == 0)
    {
        return nullptr;
    }
    return &it->second;
}

uint32_t
Ipv6TunnelL4Protocol::AddTunnelReference(Ipv6Address local, Ipv6Address remote)
{
    NS_LOG_FUNCTION(this << local << remote);
    NS_ASSERT_MSG(m_node && !m_downTarget6.IsNull(),
                  "Ipv6TunnelL4Protocol is not aggregated to a node with IPv6");
    NS_ASSERT_MSG(!local.IsMulticast() && !local.IsAny() && !remote.IsMulticast() &&
                      !remote.IsAny(),
                  "tunnel end points must be unicast: " << local << " -> " << remote);
    Ptr<Ipv6L3Protocol> ipv6 = m_node->GetObject<Ipv6L3Protocol>();
    if (ipv6->GetInterfaceForAddress(local) < 0)
    {
        NS_LOG_WARN("tunnel local end point " << local << " is not an address of node "
                                              << m_node->GetId());
    }
    TunnelKey key{local, remote};
    auto it = m_tunnels.find(key);
    if (it != m_tunnels.end() && it->second.refCount > 0)
    {
        it->second.refCount++;
        NS_LOG_LOGIC("tunnel " << local << " -> " << remote << " on interface "
                               << it->second.ifIndex << ": " << it->second.refCount
                               << " references");
        return it->second.ifIndex;
    }
    if (it == m_tunnels.end())
    {
        Ptr<VirtualNetDevice> device = CreateObject<VirtualNetDevice>();
        device->SetAddress(Mac48Address::Allocate());
        device->SetNeedsArp(false);
        device->SetIsPointToPoint(true);
        device->SetSupportsSendFrom(true);
        device->SetMtu(m_tunnelMtu);
        device->SetSendCallback(
            MakeCallback(&Ipv6TunnelL4Protocol::TunnelSend, this, local, remote));
        m_node->AddDevice(device);
        uint32_t ifIndex = ipv6->AddInterface(device);
        it = m_tunnels.emplace(key, Tunnel{device, ifIndex, 0}).first;
        m_byInterface[ifIndex] = key;
        NS_LOG_LOGIC("created tunnel " << local << " -> " << remote << " on interface " << ifIndex);
    }
    Tunnel& tunnel = it->second;
    tunnel.refCount = 1;
    m_activeCount++;
    // forwarding first: a non-forwarding interface would send Router Solicitations
    ipv6->SetForwarding(tunnel.ifIndex, true);
    ipv6->SetUp(tunnel.ifIndex);
    m_createdTrace(local, remote, tunnel.ifIndex);
    return tunnel.ifIndex;
}

bool
Ipv6TunnelL4Protocol::RemoveTunnelReference(Ipv6Address local, Ipv6Address remote)
{
    NS_LOG_FUNCTION(this << local << remote);
    auto it = m_tunnels.find(TunnelKey{local, remote});
    if (it == m_tunnels.end() || it->second.refCount == 0)
    {
        NS_LOG_WARN("no tunnel " << local << " -> " << remote << " to release");
        return false;
    }
    Tunnel& tunnel = it->second;
    tunnel.refCount--;
    if (tunnel.refCount == 0)
    {
        m_activeCount--;
        NS_LOG_LOGIC("tunnel " << local << " -> " << remote << " unreferenced: interface "
                               << tunnel.ifIndex << " down");
        m_node->GetObject<Ipv6L3Protocol>()->SetDown(tunnel.ifIndex);
        m_removedTrace(local, remote, tunnel.ifIndex);
    }
    return true;
}

uint32_t
Ipv6TunnelL4Protocol::GetTunnelInterface(Ipv6Address local, Ipv6Address remote) const
{
    const Tunnel* tunnel = FindActive(TunnelKey{local, remote});
    return tunnel ? tunnel->ifIndex : NO_INTERFACE;
}

Ptr<VirtualNetDevice>
Ipv6TunnelL4Protocol::GetTunnelDevice(Ipv6Address local, Ipv6Address remote) const
{
    const Tunnel* tunnel = FindActive(TunnelKey{local, remote});
    return tunnel ? tunnel->device : nullptr;
}

bool
Ipv6TunnelL4Protocol::GetTunnelEndpoints(uint32_t ifIndex,
                                         Ipv6Address& local,
                                         Ipv6Address& remote) const
{
    auto it = m_byInterface.find(ifIndex);
    if (it == m_byInterface.end() || !FindActive(it->second))
    {
        return false;
    }
    local = it->second.local;
    remote = it->second.remote;
    return true;
}

uint32_t
Ipv6TunnelL4Protocol::GetTunnelCount() const
{
    return m_activeCount;
}

uint32_t
Ipv6TunnelL4Protocol::GetReferenceCount(Ipv6Address local, Ipv6Address remote) const
{
    const Tunnel* tunnel = FindActive(TunnelKey{local, remote});
    return tunnel ? tunnel->refCount : 0;
}

bool
Ipv6TunnelL4Protocol::IsFiltered(const Ipv6Header& inner, DropReason& reason) const
{
    if (inner.GetDestination().IsMulticast())
    {
        reason = DROP_MULTICAST;
        return true;
    }
    if (m_filterLinkLocal &&
        (inner.GetSource().IsLinkLocal() || inner.GetDestination().IsLinkLocal()))
    {
        reason = DROP_LINK_LOCAL;
        return true;
    }
    return false;
}

bool
Ipv6TunnelL4Protocol::TunnelSend(Ipv6Address local,
                                 Ipv6Address remote,
                                 Ptr<Packet> packet,
                                 const Address& /* source */,
                                 const Address& /* dest */,
                                 uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << local << remote << packet << protocolNumber);
    if (!FindActive(TunnelKey{local, remote}))
    {
        NS_LOG_WARN("drop: tunnel " << local << " -> " << remote << " is not referenced");
        Drop(packet, DROP_NO_TUNNEL);
        return false;
    }
    Ipv6Header inner;
    if (protocolNumber != Ipv6L3Protocol::PROT_NUMBER ||
        packet->GetSize() < inner.GetSerializedSize())
    {
        NS_LOG_WARN("drop: not an IPv6 packet (protocol 0x" << std::hex << protocolNumber
                                                            << std::dec << ")");
        Drop(packet, DROP_MALFORMED);
        return false;
    }
    packet->PeekHeader(inner);
    DropReason reason;
    if (IsFiltered(inner, reason))
    {
        NS_LOG_LOGIC("filtered " << inner.GetSource() << " -> " << inner.GetDestination() << ": "
                                 << DropReasonName(reason));
        Drop(packet, reason);
        return false;
    }
    NS_LOG_LOGIC("encapsulate " << inner.GetSource() << " -> " << inner.GetDestination() << " in "
                                << local << " -> " << remote);
    m_encapCount++;
    m_encapTrace(packet, local, remote);
    m_downTarget6(packet, local, remote, PROT_NUMBER, nullptr);
    return true;
}

IpL4Protocol::RxStatus
Ipv6TunnelL4Protocol::Receive(Ptr<Packet> p,
                              const Ipv4Header& /* header */,
                              Ptr<Ipv4Interface> /* incomingInterface */)
{
    NS_LOG_FUNCTION(this << p);
    NS_LOG_WARN("IPv6-in-IPv4 is not supported; packet discarded");
    return IpL4Protocol::RX_ENDPOINT_UNREACH;
}

IpL4Protocol::RxStatus
Ipv6TunnelL4Protocol::Receive(Ptr<Packet> p,
                              const Ipv6Header& header,
                              Ptr<Ipv6Interface> /* incomingInterface */)
{
    NS_LOG_FUNCTION(this << p << header.GetSource() << header.GetDestination());
    // the outer source is the peer, the outer destination is us
    const Tunnel* tunnel = FindActive(TunnelKey{header.GetDestination(), header.GetSource()});
    if (!tunnel)
    {
        NS_LOG_WARN("drop: no tunnel " << header.GetDestination() << " <- " << header.GetSource());
        Drop(p, DROP_NO_TUNNEL);
        return IpL4Protocol::RX_OK;
    }
    Ipv6Header inner;
    uint32_t size = p->GetSize();
    uint8_t version = 0;
    if (size >= inner.GetSerializedSize())
    {
        p->CopyData(&version, 1);
        version >>= 4;
    }
    if (version != 6)
    {
        NS_LOG_WARN("drop: " << size << "-octet payload from " << header.GetSource()
                             << " is not an IPv6 packet");
        Drop(p, DROP_MALFORMED);
        return IpL4Protocol::RX_OK;
    }
    p->PeekHeader(inner);
    if (inner.GetSerializedSize() + inner.GetPayloadLength() > size)
    {
        NS_LOG_WARN("drop: inner payload length " << inner.GetPayloadLength() << " exceeds the "
                                                  << size << " octets received");
        Drop(p, DROP_MALFORMED);
        return IpL4Protocol::RX_OK;
    }
    DropReason reason;
    if (IsFiltered(inner, reason))
    {
        NS_LOG_LOGIC("filtered received " << inner.GetSource() << " -> " << inner.GetDestination()
                                          << ": " << DropReasonName(reason));
        Drop(p, reason);
        return IpL4Protocol::RX_OK;
    }
    NS_LOG_LOGIC("decapsulate " << inner.GetSource() << " -> " << inner.GetDestination()
                                << " onto interface " << tunnel->ifIndex);
    m_decapCount++;
    m_decapTrace(p, header.GetDestination(), header.GetSource());
    Ptr<VirtualNetDevice> device = tunnel->device;
    device->Receive(p,
                    Ipv6L3Protocol::PROT_NUMBER,
                    device->GetAddress(),
                    device->GetAddress(),
                    NetDevice::PACKET_HOST);
    return IpL4Protocol::RX_OK;
}

void
Ipv6TunnelL4Protocol::Drop(Ptr<const Packet> p, DropReason reason)
{
    m_dropCounts[reason]++;
    m_dropTrace(p, reason);
}

uint64_t
Ipv6TunnelL4Protocol::GetEncapsulatedCount() const
{
    return m_encapCount;
}

uint64_t
Ipv6TunnelL4Protocol::GetDecapsulatedCount() const
{
    return m_decapCount;
}

uint64_t
Ipv6TunnelL4Protocol::GetDropCount() const
{
    uint64_t total = 0;
    for (uint64_t n : m_dropCounts)
    {
        total += n;
    }
    return total;
}

uint64_t
Ipv6TunnelL4Protocol::GetDropCount(DropReason reason) const
{
    return reason < DROP_REASON_COUNT ? m_dropCounts[reason] : 0;
}

std::string
Ipv6TunnelL4Protocol::DropReasonName(DropReason reason)
{
    switch (reason)
    {
    case DROP_NO_TUNNEL:
        return "no-tunnel";
    case DROP_MULTICAST:
        return "multicast";
    case DROP_LINK_LOCAL:
        return "link-local";
    case DROP_MALFORMED:
        return "malformed";
    default:
        return "unknown";
    }
}

int
Ipv6TunnelL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

void
Ipv6TunnelL4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback cb)
{
    m_downTarget = cb;
}

void
Ipv6TunnelL4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
Ipv6TunnelL4Protocol::GetDownTarget() const
{
    return m_downTarget;
}

IpL4Protocol::DownTargetCallback6
Ipv6TunnelL4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

} // namespace ns3
