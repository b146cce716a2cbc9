/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pmipv6-ipv4-transport.h"

#include "pmipv6-wire-numbers.h"

#include "ns3/inet-socket-address.h"
#include "ns3/ip-l4-protocol.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/socket.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"
#include "ns3/virtual-net-device.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6Ipv4Transport");

NS_OBJECT_ENSURE_REGISTERED(Pmipv6Ipv4Transport);

namespace
{

/// Size of an IPv6 header.
constexpr uint32_t IPV6_HEADER_SIZE = 40;
/// Smallest IPv4 header.
constexpr uint32_t IPV4_MIN_HEADER_SIZE = 20;
/// Hop limit of the outer IPv6 header put back on received tunnel packets.
constexpr uint8_t OUTER_HOP_LIMIT = 64;

/**
 * \ingroup pmipv6
 * \brief The IPv4 upper-layer protocol 41 or 4 of an IPv4 transport: hands the packets to the
 * transport (one object per protocol number, as IPv4 demultiplexes by GetProtocolNumber()).
 */
class Ipv4TransportReceiver : public IpL4Protocol
{
  public:
    /**
     * \brief Constructor.
     * \param owner the transport
     * \param protocol 41 or 4
     */
    Ipv4TransportReceiver(Ptr<Pmipv6Ipv4Transport> owner, uint8_t protocol)
        : m_owner(owner),
          m_protocol(protocol)
    {
    }

    int GetProtocolNumber() const override
    {
        return m_protocol;
    }

    IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                   const Ipv4Header& header,
                                   Ptr<Ipv4Interface> /* incomingInterface */) override
    {
        if (m_owner)
        {
            m_owner->ReceiveIp(p, header, m_protocol);
        }
        return IpL4Protocol::RX_OK;
    }

    IpL4Protocol::RxStatus Receive(Ptr<Packet> /* p */,
                                   const Ipv6Header& /* header */,
                                   Ptr<Ipv6Interface> /* incomingInterface */) override
    {
        return IpL4Protocol::RX_ENDPOINT_UNREACH;
    }

    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override
    {
        m_downTarget = cb;
    }

    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override
    {
        m_downTarget6 = cb;
    }

    IpL4Protocol::DownTargetCallback GetDownTarget() const override
    {
        return m_downTarget;
    }

    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override
    {
        return m_downTarget6;
    }

  protected:
    void DoDispose() override
    {
        m_owner = nullptr;
        m_downTarget = IpL4Protocol::DownTargetCallback();
        m_downTarget6 = IpL4Protocol::DownTargetCallback6();
        IpL4Protocol::DoDispose();
    }

  private:
    Ptr<Pmipv6Ipv4Transport> m_owner;                ///< the transport
    uint8_t m_protocol;                              ///< 41 or 4
    IpL4Protocol::DownTargetCallback m_downTarget;   ///< IPv4 Send (unused)
    IpL4Protocol::DownTargetCallback6 m_downTarget6; ///< unused
};

} // namespace

TypeId
Pmipv6Ipv4Transport::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Pmipv6Ipv4Transport")
            .SetParent<Object>()
            .SetGroupName("Pmipv6")
            .AddConstructor<Pmipv6Ipv4Transport>()
            .AddAttribute("ControlPort",
                          "UDP port of the signalling over IPv4 (RFC 5844 4, IANA pmip6-cntl): "
                          "bound locally and the default destination port of a peer.",
                          UintegerValue(mip6::PMIP6_CNTL_UDP_PORT),
                          MakeUintegerAccessor(&Pmipv6Ipv4Transport::m_controlPort),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("DataPort",
                          "UDP port of the data tunnel in UDP (RFC 5844 4, IANA pmip6-data): "
                          "bound locally and the default destination port of a peer.",
                          UintegerValue(mip6::PMIP6_DATA_UDP_PORT),
                          MakeUintegerAccessor(&Pmipv6Ipv4Transport::m_dataPort),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("Mtu",
                          "MTU of the transport interface (it must take a whole tunnel packet "
                          "with its outer IPv6 header: Ipv6TunnelL4Protocol TunnelMtu + 40).",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&Pmipv6Ipv4Transport::m_mtu),
                          MakeUintegerChecker<uint16_t>(1280))
            .AddTraceSource("Tx",
                            "A packet left over IPv4.",
                            MakeTraceSourceAccessor(&Pmipv6Ipv4Transport::m_txTrace),
                            "ns3::Pmipv6Ipv4Transport::PacketTracedCallback")
            .AddTraceSource("Rx",
                            "A packet arrived over IPv4 and was handed to IPv6.",
                            MakeTraceSourceAccessor(&Pmipv6Ipv4Transport::m_rxTrace),
                            "ns3::Pmipv6Ipv4Transport::PacketTracedCallback")
            .AddTraceSource("Drop",
                            "A packet was dropped.",
                            MakeTraceSourceAccessor(&Pmipv6Ipv4Transport::m_dropTrace),
                            "ns3::Pmipv6Ipv4Transport::DropTracedCallback");
    return tid;
}

Pmipv6Ipv4Transport::Pmipv6Ipv4Transport()
    : m_controlPort(mip6::PMIP6_CNTL_UDP_PORT),
      m_dataPort(mip6::PMIP6_DATA_UDP_PORT),
      m_mtu(1500)
{
    m_sent.fill(0);
    m_received.fill(0);
    m_drops.fill(0);
}

Pmipv6Ipv4Transport::~Pmipv6Ipv4Transport() = default;

void
Pmipv6Ipv4Transport::DoDispose()
{
    if (m_controlSocket)
    {
        m_controlSocket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_controlSocket->Close();
    }
    if (m_dataSocket)
    {
        m_dataSocket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_dataSocket->Close();
    }
    m_controlSocket = nullptr;
    m_dataSocket = nullptr;
    for (auto& receiver : m_receivers)
    {
        receiver = nullptr;
    }
    if (m_device)
    {
        m_device->SetSendCallback(
            MakeNullCallback<bool, Ptr<Packet>, const Address&, const Address&, uint16_t>());
    }
    m_device = nullptr;
    m_ipv4 = nullptr;
    m_ipv6 = nullptr;
    m_node = nullptr;
    m_peers.clear();
    m_byIpv4.clear();
    Object::DoDispose();
}

Ipv6Address
Pmipv6Ipv4Transport::MapIpv4(Ipv4Address address)
{
    return Ipv6Address::MakeIpv4MappedAddress(address);
}

Ptr<Pmipv6Ipv4Transport>
Pmipv6Ipv4Transport::Install(Ptr<Node> node, Ipv4Address local, Ipv6Address local6)
{
    Ptr<Pmipv6Ipv4Transport> transport = node->GetObject<Pmipv6Ipv4Transport>();
    if (transport)
    {
        return transport;
    }
    transport = CreateObject<Pmipv6Ipv4Transport>();
    node->AggregateObject(transport);
    transport->Setup(node, local, local6.IsAny() ? MapIpv4(local) : local6);
    return transport;
}

void
Pmipv6Ipv4Transport::Setup(Ptr<Node> node, Ipv4Address local, Ipv6Address local6)
{
    NS_LOG_FUNCTION(this << node->GetId() << local << local6);
    m_node = node;
    m_local = local;
    m_local6 = local6;
    m_ipv6 = node->GetObject<Ipv6L3Protocol>();
    m_ipv4 = node->GetObject<Ipv4L3Protocol>();
    NS_ABORT_MSG_IF(!m_ipv6 || !m_ipv4,
                    "Pmipv6Ipv4Transport needs IPv4 and IPv6 on node " << node->GetId());

    m_device = CreateObject<VirtualNetDevice>();
    m_device->SetAddress(Mac48Address::Allocate());
    m_device->SetNeedsArp(false);
    m_device->SetIsPointToPoint(true);
    m_device->SetSupportsSendFrom(false);
    m_device->SetMtu(m_mtu);
    m_device->SetSendCallback(MakeCallback(&Pmipv6Ipv4Transport::DeviceSend, this));
    node->AddDevice(m_device);
    m_ifIndex = m_ipv6->AddInterface(m_device);
    m_ipv6->SetForwarding(m_ifIndex, true);
    m_ipv6->SetUp(m_ifIndex);
    m_ipv6->AddAddress(m_ifIndex, Ipv6InterfaceAddress(m_local6, Ipv6Prefix(128)));
    // every IPv4-mapped address is a peer reachable through the transport
    Ptr<Ipv6StaticRouting> staticRouting;
    if (auto list = DynamicCast<Ipv6ListRouting>(m_ipv6->GetRoutingProtocol()))
    {
        for (uint32_t i = 0; i < list->GetNRoutingProtocols() && !staticRouting; ++i)
        {
            int16_t priority;
            staticRouting = DynamicCast<Ipv6StaticRouting>(list->GetRoutingProtocol(i, priority));
        }
    }
    else
    {
        staticRouting = DynamicCast<Ipv6StaticRouting>(m_ipv6->GetRoutingProtocol());
    }
    NS_ABORT_MSG_IF(!staticRouting,
                    "Pmipv6Ipv4Transport needs an Ipv6StaticRouting on node " << node->GetId());
    staticRouting->AddNetworkRouteTo(Ipv6Address("::ffff:0:0"), Ipv6Prefix(96), m_ifIndex);

    TypeId udp = UdpSocketFactory::GetTypeId();
    m_controlSocket = Socket::CreateSocket(node, udp);
    // bound to the transport address: the outer source is the IPv4-LMAA / IPv4-Proxy-CoA
    // whatever link a packet leaves by
    m_controlSocket->Bind(InetSocketAddress(m_local, m_controlPort));
    m_controlSocket->SetRecvCallback(MakeCallback(&Pmipv6Ipv4Transport::ReceiveSignalling, this));
    m_dataSocket = Socket::CreateSocket(node, udp);
    m_dataSocket->Bind(InetSocketAddress(m_local, m_dataPort));
    m_dataSocket->SetRecvCallback(MakeCallback(&Pmipv6Ipv4Transport::ReceiveUdpData, this));

    const uint8_t protocols[2] = {mip6::IPV4_PROTO_IPV6, mip6::IPV4_PROTO_IPV4};
    for (uint32_t k = 0; k < 2; ++k)
    {
        m_receivers[k] = Create<Ipv4TransportReceiver>(this, protocols[k]);
        m_ipv4->Insert(m_receivers[k]);
    }
}

Ipv4Address
Pmipv6Ipv4Transport::GetLocalAddress() const
{
    return m_local;
}

Ipv6Address
Pmipv6Ipv4Transport::GetLocalIpv6Address() const
{
    return m_local6;
}

uint32_t
Pmipv6Ipv4Transport::GetInterface() const
{
    return m_ifIndex;
}

void
Pmipv6Ipv4Transport::IndexPeer(Ipv4Address address, Ipv6Address peer6)
{
    m_byIpv4[address.Get()] = peer6;
}

void
Pmipv6Ipv4Transport::SetPeer(Ipv6Address peer6, Ipv4Address address, bool udpData)
{
    NS_LOG_FUNCTION(this << peer6 << address << udpData);
    Peer& peer = m_peers[peer6];
    if (peer.controlPort == 0)
    {
        peer.controlPort = m_controlPort;
        peer.dataPort = m_dataPort;
    }
    peer.address = address;
    peer.udpData = udpData;
    IndexPeer(address, peer6);
}

Pmipv6Ipv4Transport::Peer*
Pmipv6Ipv4Transport::FindOrMapPeer(Ipv6Address peer6)
{
    auto it = m_peers.find(peer6);
    if (it != m_peers.end())
    {
        return &it->second;
    }
    if (!peer6.IsIpv4MappedAddress())
    {
        return nullptr;
    }
    Peer& peer = m_peers[peer6];
    peer.address = peer6.GetIpv4MappedAddress();
    peer.controlPort = m_controlPort;
    peer.dataPort = m_dataPort;
    IndexPeer(peer.address, peer6);
    return &peer;
}

bool
Pmipv6Ipv4Transport::SetUdpEncapsulation(Ipv6Address peer6, bool udpData)
{
    NS_LOG_FUNCTION(this << peer6 << udpData);
    Peer* peer = FindOrMapPeer(peer6);
    if (!peer)
    {
        return false;
    }
    peer->udpData = udpData;
    return true;
}

const Pmipv6Ipv4Transport::Peer*
Pmipv6Ipv4Transport::GetPeer(Ipv6Address peer6) const
{
    auto it = m_peers.find(peer6);
    return it == m_peers.end() ? nullptr : &it->second;
}

bool
Pmipv6Ipv4Transport::GetSignallingSource(Ipv6Address peer6,
                                         Ipv4Address& address,
                                         uint16_t& port) const
{
    const Peer* peer = GetPeer(peer6);
    if (!peer || peer->signallingSourcePort == 0)
    {
        return false;
    }
    address = peer->signallingSource;
    port = peer->signallingSourcePort;
    return true;
}

uint64_t
Pmipv6Ipv4Transport::GetSentCount(Kind kind) const
{
    return kind < KIND_COUNT ? m_sent[kind] : 0;
}

uint64_t
Pmipv6Ipv4Transport::GetReceivedCount(Kind kind) const
{
    return kind < KIND_COUNT ? m_received[kind] : 0;
}

uint64_t
Pmipv6Ipv4Transport::GetDropCount(DropReason reason) const
{
    return reason < DROP_REASON_COUNT ? m_drops[reason] : 0;
}

uint64_t
Pmipv6Ipv4Transport::GetDropCount() const
{
    uint64_t total = 0;
    for (uint64_t n : m_drops)
    {
        total += n;
    }
    return total;
}

std::string
Pmipv6Ipv4Transport::DropReasonName(DropReason reason)
{
    switch (reason)
    {
    case DROP_NO_PEER:
        return "no-peer";
    case DROP_MULTICAST:
        return "multicast";
    case DROP_MALFORMED:
        return "malformed";
    case DROP_NOT_FOR_US:
        return "not-for-us";
    case DROP_SEND_FAILED:
        return "send-failed";
    default:
        return "unknown";
    }
}

void
Pmipv6Ipv4Transport::Drop(Ptr<const Packet> p, DropReason reason, const char* what)
{
    NS_LOG_WARN("node " << (m_node ? m_node->GetId() : 0) << " IPv4 transport: dropped " << what
                        << " (" << DropReasonName(reason) << ", " << p->GetSize() << " octets)");
    m_drops[reason]++;
    m_dropTrace(p, reason);
}

bool
Pmipv6Ipv4Transport::IsWholeIpv6(Ptr<const Packet> p)
{
    uint8_t head[IPV6_HEADER_SIZE];
    if (p->GetSize() < IPV6_HEADER_SIZE ||
        p->CopyData(head, IPV6_HEADER_SIZE) != IPV6_HEADER_SIZE || (head[0] >> 4) != 6)
    {
        return false;
    }
    uint32_t payloadLength = (uint32_t(head[4]) << 8) | head[5];
    return payloadLength + IPV6_HEADER_SIZE == p->GetSize();
}

bool
Pmipv6Ipv4Transport::IsWholeIpv4(Ptr<const Packet> p)
{
    uint8_t head[IPV4_MIN_HEADER_SIZE];
    if (p->GetSize() < IPV4_MIN_HEADER_SIZE ||
        p->CopyData(head, IPV4_MIN_HEADER_SIZE) != IPV4_MIN_HEADER_SIZE || (head[0] >> 4) != 4)
    {
        return false;
    }
    uint32_t headerLength = uint32_t(head[0] & 0x0f) * 4;
    uint32_t totalLength = (uint32_t(head[2]) << 8) | head[3];
    return headerLength >= IPV4_MIN_HEADER_SIZE && totalLength >= headerLength &&
           totalLength == p->GetSize();
}

bool
Pmipv6Ipv4Transport::DeviceSend(Ptr<Packet> packet,
                                const Address& /* source */,
                                const Address& /* dest */,
                                uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << protocolNumber);
    if (protocolNumber != Ipv6L3Protocol::PROT_NUMBER || !IsWholeIpv6(packet))
    {
        Drop(packet, DROP_MALFORMED, "a non-IPv6 packet handed to the transport interface");
        return false;
    }
    Ipv6Header ip;
    packet->PeekHeader(ip);
    Ipv6Address dst = ip.GetDestination();
    if (dst.IsMulticast())
    {
        m_drops[DROP_MULTICAST]++; // DAD and router solicitations of the interface: no log
        m_dropTrace(packet, DROP_MULTICAST);
        return false;
    }
    Peer* peer = FindOrMapPeer(dst);
    if (!peer)
    {
        Drop(packet, DROP_NO_PEER, "a packet to an unknown peer");
        return false;
    }
    uint8_t nextHeader = ip.GetNextHeader();
    bool tunnel = ip.GetSource() == m_local6 &&
                  (nextHeader == mip6::IPV4_PROTO_IPV6 || nextHeader == mip6::IPV4_PROTO_IPV4);
    if (!tunnel)
    {
        // signalling: the whole IPv6 packet in IPv4 / UDP (RFC 5844 4)
        m_txTrace(packet, peer->address, KIND_SIGNALLING);
        if (m_controlSocket->SendTo(packet,
                                    0,
                                    InetSocketAddress(peer->address, peer->controlPort)) < 0)
        {
            Drop(packet, DROP_SEND_FAILED, "signalling");
            return false;
        }
        m_sent[KIND_SIGNALLING]++;
        return true;
    }
    packet->RemoveHeader(ip);
    if (peer->udpData)
    {
        m_txTrace(packet, peer->address, KIND_DATA_UDP);
        if (m_dataSocket->SendTo(packet, 0, InetSocketAddress(peer->address, peer->dataPort)) < 0)
        {
            Drop(packet, DROP_SEND_FAILED, "UDP data");
            return false;
        }
        m_sent[KIND_DATA_UDP]++;
        return true;
    }
    m_txTrace(packet, peer->address, KIND_DATA_IP);
    m_ipv4->Send(packet, m_local, peer->address, nextHeader, nullptr);
    m_sent[KIND_DATA_IP]++;
    return true;
}

void
Pmipv6Ipv4Transport::ReceiveSignalling(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        if (!InetSocketAddress::IsMatchingType(from))
        {
            continue;
        }
        InetSocketAddress source = InetSocketAddress::ConvertFrom(from);
        if (!IsWholeIpv6(p))
        {
            Drop(p, DROP_MALFORMED, "a UDP signalling payload that is not one IPv6 packet");
            continue;
        }
        Ipv6Header ip;
        p->PeekHeader(ip);
        if (ip.GetDestination() != m_local6 || ip.GetSource().IsMulticast())
        {
            Drop(p, DROP_NOT_FOR_US, "signalling to another IPv6 address");
            continue;
        }
        // the peer is whoever sent it, from where it came (a NAT's address and port)
        Peer& peer = m_peers[ip.GetSource()];
        if (peer.controlPort == 0)
        {
            peer.dataPort = m_dataPort;
        }
        peer.address = source.GetIpv4();
        peer.controlPort = source.GetPort();
        peer.signallingSource = source.GetIpv4();
        peer.signallingSourcePort = source.GetPort();
        IndexPeer(peer.address, ip.GetSource());
        m_received[KIND_SIGNALLING]++;
        m_rxTrace(p, source.GetIpv4(), KIND_SIGNALLING);
        m_device->Receive(p,
                          Ipv6L3Protocol::PROT_NUMBER,
                          m_device->GetAddress(),
                          m_device->GetAddress(),
                          NetDevice::PACKET_HOST);
    }
}

void
Pmipv6Ipv4Transport::ReceiveUdpData(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        if (!InetSocketAddress::IsMatchingType(from))
        {
            continue;
        }
        InetSocketAddress source = InetSocketAddress::ConvertFrom(from);
        uint8_t version = 0;
        if (p->GetSize() > 0)
        {
            p->CopyData(&version, 1);
            version >>= 4;
        }
        uint8_t nextHeader;
        if (version == 6 && IsWholeIpv6(p))
        {
            nextHeader = mip6::IPV4_PROTO_IPV6;
        }
        else if (version == 4 && IsWholeIpv4(p))
        {
            nextHeader = mip6::IPV4_PROTO_IPV4;
        }
        else
        {
            Drop(p, DROP_MALFORMED, "a UDP data payload that is not one IPv6 or IPv4 packet");
            continue;
        }
        auto it = m_byIpv4.find(source.GetIpv4().Get());
        if (it == m_byIpv4.end())
        {
            Drop(p, DROP_NO_PEER, "UDP data from an unknown peer");
            continue;
        }
        auto peer = m_peers.find(it->second);
        if (peer != m_peers.end())
        {
            peer->second.dataPort = source.GetPort(); // the NAT's port of the peer's data
        }
        m_received[KIND_DATA_UDP]++;
        m_rxTrace(p, source.GetIpv4(), KIND_DATA_UDP);
        DeliverTunnelPacket(p, it->second, nextHeader);
    }
}

void
Pmipv6Ipv4Transport::ReceiveIp(Ptr<Packet> p, const Ipv4Header& header, uint8_t protocol)
{
    NS_LOG_FUNCTION(this << p << header.GetSource() << +protocol);
    bool whole = protocol == mip6::IPV4_PROTO_IPV6 ? IsWholeIpv6(p) : IsWholeIpv4(p);
    if (!whole)
    {
        Drop(p, DROP_MALFORMED, "an IP-in-IPv4 payload that is not one packet");
        return;
    }
    auto it = m_byIpv4.find(header.GetSource().Get());
    Ipv6Address peer6;
    if (it != m_byIpv4.end())
    {
        peer6 = it->second;
    }
    else
    {
        peer6 = MapIpv4(header.GetSource()); // no tunnel will match an unknown peer
    }
    m_received[KIND_DATA_IP]++;
    m_rxTrace(p, header.GetSource(), KIND_DATA_IP);
    DeliverTunnelPacket(p, peer6, protocol);
}

void
Pmipv6Ipv4Transport::DeliverTunnelPacket(Ptr<Packet> inner, Ipv6Address peer6, uint8_t nextHeader)
{
    Ipv6Header outer;
    outer.SetSource(peer6);
    outer.SetDestination(m_local6);
    outer.SetNextHeader(nextHeader);
    outer.SetHopLimit(OUTER_HOP_LIMIT);
    outer.SetPayloadLength(inner->GetSize());
    inner->AddHeader(outer);
    m_device->Receive(inner,
                      Ipv6L3Protocol::PROT_NUMBER,
                      m_device->GetAddress(),
                      m_device->GetAddress(),
                      NetDevice::PACKET_HOST);
}

} // namespace ns3
