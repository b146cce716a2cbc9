/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mag-dhcp-server.h"

#include "binding-update-list.h"
#include "ipv4-options.h"
#include "pmipv6-mag-application.h"

#include "ns3/arp-cache.h"
#include "ns3/dhcp-header.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/socket.h"
#include "ns3/udp-header.h"
#include "ns3/udp-socket-factory.h"

#include <cstring>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagDhcpServer");

NS_OBJECT_ENSURE_REGISTERED(MagDhcpServer);

namespace
{

/// IPv4 protocol number of UDP.
constexpr uint8_t PROTOCOL_UDP = 17;
/// Length of a UDP header.
constexpr uint32_t UDP_HEADER_LENGTH = 8;
/// Length of an IPv4 header without options.
constexpr uint32_t IPV4_MIN_HEADER_LENGTH = 20;
/// TTL of the replies.
constexpr uint8_t REPLY_TTL = 64;
/// Length of the options ns-3's DhcpHeader reads as one address or one 32-bit value.
constexpr uint8_t FOUR_OCTETS = 4;

/**
 * \brief Read a big-endian IPv4 address.
 * \param b the octets
 * \return the address
 */
Ipv4Address
ReadAddress(const uint8_t* b)
{
    return Ipv4Address((uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) |
                       uint32_t(b[3]));
}

/**
 * \brief The name of a DHCP message type.
 * \param type the type
 * \return its name
 */
std::string
TypeName(uint8_t type)
{
    switch (type)
    {
    case dhcp4::DISCOVER:
        return "DHCPDISCOVER";
    case dhcp4::OFFER:
        return "DHCPOFFER";
    case dhcp4::REQUEST:
        return "DHCPREQUEST";
    case dhcp4::DECLINE:
        return "DHCPDECLINE";
    case dhcp4::ACK:
        return "DHCPACK";
    case dhcp4::NAK:
        return "DHCPNAK";
    case dhcp4::RELEASE:
        return "DHCPRELEASE";
    case dhcp4::INFORM:
        return "DHCPINFORM";
    default:
        return "type " + std::to_string(type);
    }
}

/**
 * \brief Receive callback of the port 67 socket: discard what it received.
 * \param socket the socket
 */
void
DrainSocket(Ptr<Socket> socket)
{
    while (socket->Recv())
    {
    }
}

} // namespace

TypeId
MagDhcpServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagDhcpServer")
            .SetParent<Pmipv6MagExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MagDhcpServer>()
            .AddAttribute("LeaseTime",
                          "The lease given in DHCPOFFER / DHCPACK (T1 half of it, T2 7/8); 0 s: "
                          "the binding lifetime the PBA granted.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&MagDhcpServer::m_leaseTime),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Offer",
                            "A DHCPOFFER was sent (the IPv4 packet, the MN-ID, yiaddr).",
                            MakeTraceSourceAccessor(&MagDhcpServer::m_offerTrace),
                            "ns3::MagDhcpServer::ReplyTracedCallback")
            .AddTraceSource("Ack",
                            "A DHCPACK was sent (the IPv4 packet, the MN-ID, yiaddr).",
                            MakeTraceSourceAccessor(&MagDhcpServer::m_ackTrace),
                            "ns3::MagDhcpServer::ReplyTracedCallback")
            .AddTraceSource("Nak",
                            "A DHCPNAK was sent (the IPv4 packet, the MN-ID, 0.0.0.0).",
                            MakeTraceSourceAccessor(&MagDhcpServer::m_nakTrace),
                            "ns3::MagDhcpServer::ReplyTracedCallback")
            .AddTraceSource("Drop",
                            "A DHCP message was dropped (the IPv4 packet, the reason).",
                            MakeTraceSourceAccessor(&MagDhcpServer::m_dropTrace),
                            "ns3::MagDhcpServer::DropTracedCallback");
    return tid;
}

MagDhcpServer::MagDhcpServer()
    : m_leaseTime(Seconds(0))
{
    NS_LOG_FUNCTION(this);
}

MagDhcpServer::~MagDhcpServer()
{
    NS_LOG_FUNCTION(this);
}

std::string
MagDhcpServer::GetName() const
{
    return "MagDhcpServer";
}

void
MagDhcpServer::DoDispose()
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    if (mag && mag->GetNode() && !m_handler.IsNull())
    {
        mag->GetNode()->UnregisterProtocolHandler(m_handler);
    }
    m_handler.Nullify();
    if (m_sink)
    {
        m_sink->Close();
        m_sink = nullptr;
    }
    m_held.clear();
    m_leases.clear();
    m_devices.clear();
    Pmipv6MagExtension::DoDispose();
}

void
MagDhcpServer::DoStart()
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<Node> node = mag ? mag->GetNode() : nullptr;
    if (!node || !node->GetObject<Ipv4>() || m_sink)
    {
        return;
    }
    // The handlers read the messages; this socket only keeps a unicast renewal (to the
    // default-router address) from drawing an ICMP port unreachable.
    m_sink = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
    m_sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), dhcp4::SERVER_PORT));
    m_sink->SetRecvCallback(MakeCallback(&DrainSocket));
}

void
MagDhcpServer::ListenOn(Ptr<NetDevice> device)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    if (!device || !mag || !mag->GetNode() || !mag->GetNode()->GetObject<Ipv4>())
    {
        return;
    }
    if (!m_devices.insert(device->GetIfIndex()).second)
    {
        return;
    }
    if (m_handler.IsNull())
    {
        m_handler = MakeCallback(&MagDhcpServer::ReceiveFrame, this);
    }
    NS_LOG_LOGIC("MAG DHCP server: listening on device " << device->GetIfIndex());
    mag->GetNode()->RegisterProtocolHandler(m_handler, Ipv4L3Protocol::PROT_NUMBER, device, false);
}

void
MagDhcpServer::NotifyAttach(Ptr<BindingUpdateListEntry> entry)
{
    ListenOn(entry->accessDevice);
}

void
MagDhcpServer::NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry)
{
    Ptr<Ipv4DhcpSupportModeOption> mode = pba.GetOptions().Find<Ipv4DhcpSupportModeOption>();
    if (mode && !mode->IsServer())
    {
        NS_LOG_INFO("MAG DHCP server: the PBA asks the relay mode for "
                    << entry->mnId << " (not built): its DHCP messages are not answered");
        m_relayMode.insert(entry->id);
    }
    else if (mode)
    {
        m_relayMode.erase(entry->id);
    }
}

void
MagDhcpServer::NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry)
{
    std::string key = Key(entry->mnMacAddress);
    switch (event)
    {
    case BINDING_REGISTERED:
    case BINDING_REFRESHED: {
        auto held = m_held.find(key);
        if (held == m_held.end())
        {
            return;
        }
        Request request = held->second;
        m_held.erase(held);
        if (!IsReady(entry))
        {
            NS_LOG_INFO("MAG DHCP server: registration of "
                        << entry->mnId << " gave no IPv4 home address: " << TypeName(request.type)
                        << " not answered");
            return;
        }
        NS_LOG_INFO("MAG DHCP server: PBA for " << entry->mnId << ", answering the held "
                                                << TypeName(request.type));
        Answer(request, entry);
        break;
    }
    case BINDING_FAILED:
    case BINDING_REVOKED:
    case BINDING_REMOVED: {
        m_held.erase(key);
        m_relayMode.erase(entry->id);
        auto lease = m_leases.find(key);
        if (lease != m_leases.end())
        {
            NS_LOG_INFO("MAG DHCP server: lease of " << lease->second << " for " << entry->mnId
                                                     << " ended (binding "
                                                     << BindingEventName(event) << ")");
            m_leases.erase(lease);
        }
        break;
    }
    default:
        break;
    }
}

bool
MagDhcpServer::IsReady(Ptr<const BindingUpdateListEntry> entry)
{
    return entry &&
           (entry->state == BindingUpdateListEntry::REGISTERED ||
            entry->state == BindingUpdateListEntry::REFRESHING) &&
           entry->ipv4HomeAddress != Ipv4Address::GetAny() &&
           entry->ipv4DefaultRouter != Ipv4Address::GetAny();
}

std::string
MagDhcpServer::Key(const Address& mac)
{
    uint8_t b[Address::MAX_SIZE];
    uint32_t n = mac.CopyTo(b);
    return std::string(reinterpret_cast<const char*>(b), n);
}

void
MagDhcpServer::Drop(Ptr<const Packet> packet, const std::string& reason)
{
    ++m_drops;
    NS_LOG_WARN("MAG DHCP server: message dropped: " << reason);
    m_dropTrace(packet, reason);
}

std::string
MagDhcpServer::Parse(const std::vector<uint8_t>& b, Request& out, Ipv4Address& serverId)
{
    if (b.size() < dhcp4::FIXED_LENGTH + 1)
    {
        return "shorter than a BOOTP message (" + std::to_string(b.size()) + " octets)";
    }
    if (b[0] != dhcp4::BOOTREQUEST)
    {
        return "op " + std::to_string(b[0]) + " is not BOOTREQUEST";
    }
    if (b[2] == 0 || b[2] > dhcp4::CHADDR_LENGTH)
    {
        return "hlen " + std::to_string(b[2]);
    }
    if (std::memcmp(&b[dhcp4::COOKIE_OFFSET], dhcp4::MAGIC_COOKIE, sizeof(dhcp4::MAGIC_COOKIE)) !=
        0)
    {
        return "no DHCP magic cookie";
    }
    uint8_t type = 0;
    bool end = false;
    uint32_t at = dhcp4::FIXED_LENGTH;
    while (at < b.size())
    {
        uint8_t code = b[at];
        if (code == dhcp4::OPTION_END)
        {
            end = true;
            break;
        }
        if (code == dhcp4::OPTION_PAD)
        {
            // ns-3's DhcpHeader does not read Pad options
            return "option 0 (Pad) is not read by ns-3's DhcpHeader";
        }
        if (at + 2 > b.size() || at + 2 + b[at + 1] > b.size())
        {
            return "option " + std::to_string(code) + " runs past the message";
        }
        uint8_t length = b[at + 1];
        switch (code)
        {
        case dhcp4::OPTION_MESSAGE_TYPE:
            if (length != 1)
            {
                return "Message Type option of length " + std::to_string(length);
            }
            type = b[at + 2];
            break;
        case dhcp4::OPTION_SUBNET_MASK:
        case dhcp4::OPTION_ROUTER:
        case dhcp4::OPTION_REQUESTED_ADDRESS:
        case dhcp4::OPTION_LEASE_TIME:
        case dhcp4::OPTION_SERVER_ID:
        case dhcp4::OPTION_RENEWAL_TIME:
        case dhcp4::OPTION_REBINDING_TIME:
            if (length != FOUR_OCTETS)
            {
                return "option " + std::to_string(code) + " of length " + std::to_string(length);
            }
            if (code == dhcp4::OPTION_REQUESTED_ADDRESS)
            {
                out.requested = ReadAddress(&b[at + 2]);
            }
            if (code == dhcp4::OPTION_SERVER_ID)
            {
                serverId = ReadAddress(&b[at + 2]);
            }
            break;
        default:
            return "option " + std::to_string(code) + " is not read by ns-3's DhcpHeader";
        }
        at += 2 + length;
    }
    if (!end)
    {
        return "no End option";
    }
    if (type == 0)
    {
        return "no Message Type option";
    }
    // ns-3's codec reads the fields the checks above made safe to read
    DhcpHeader header;
    Ptr<Packet> p = Create<Packet>(b.data(), static_cast<uint32_t>(b.size()));
    if (p->RemoveHeader(header) == 0)
    {
        return "refused by ns-3's DhcpHeader";
    }
    out.type = type;
    out.xid = header.GetTran();
    std::memcpy(out.chaddr, &b[dhcp4::CHADDR_OFFSET], dhcp4::CHADDR_LENGTH);
    if (out.requested == Ipv4Address::GetAny())
    {
        out.requested = ReadAddress(&b[12]); // ciaddr (renewing)
    }
    return "";
}

void
MagDhcpServer::ReceiveFrame(Ptr<NetDevice> device,
                            Ptr<const Packet> packet,
                            uint16_t protocol,
                            const Address& from,
                            const Address& /* to */,
                            NetDevice::PacketType /* packetType */)
{
    NS_LOG_FUNCTION(this << device << packet << protocol << from);
    if (protocol != Ipv4L3Protocol::PROT_NUMBER ||
        packet->GetSize() < IPV4_MIN_HEADER_LENGTH + UDP_HEADER_LENGTH)
    {
        return;
    }
    uint8_t head[60 + UDP_HEADER_LENGTH];
    uint32_t n = packet->CopyData(head, sizeof(head));
    uint32_t ihl = (head[0] & 0x0f) * 4u;
    if ((head[0] >> 4) != 4 || head[9] != PROTOCOL_UDP || ihl < IPV4_MIN_HEADER_LENGTH ||
        ihl + UDP_HEADER_LENGTH > n)
    {
        return; // not UDP over IPv4 (the IPv4 stack has it)
    }
    uint16_t dport = (uint16_t(head[ihl + 2]) << 8) | head[ihl + 3];
    if (dport != dhcp4::SERVER_PORT)
    {
        return; // not for a DHCP server
    }
    uint32_t total = (uint32_t(head[2]) << 8) | head[3];
    uint16_t fragment = ((uint16_t(head[6]) << 8) | head[7]) & 0x3fff;
    uint32_t udpLength = (uint32_t(head[ihl + 4]) << 8) | head[ihl + 5];
    if (total > packet->GetSize() || total < ihl + UDP_HEADER_LENGTH || fragment != 0 ||
        udpLength < UDP_HEADER_LENGTH || udpLength > total - ihl)
    {
        Drop(packet, "malformed IPv4 / UDP framing");
        return;
    }
    Ipv4Address destination = ReadAddress(&head[16]);
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<BindingUpdateListEntry> entry =
        mag ? mag->GetBindingUpdateList()->FindByMac(from) : nullptr;
    if (!destination.IsBroadcast() && (!entry || destination != entry->ipv4DefaultRouter))
    {
        return; // not to this server
    }
    std::vector<uint8_t> bytes(udpLength - UDP_HEADER_LENGTH);
    if (!bytes.empty())
    {
        Ptr<Packet> copy =
            packet->CreateFragment(ihl + UDP_HEADER_LENGTH, udpLength - UDP_HEADER_LENGTH);
        copy->CopyData(bytes.data(), static_cast<uint32_t>(bytes.size()));
    }
    Request request;
    Ipv4Address serverId = Ipv4Address::GetAny();
    std::string reason = Parse(bytes, request, serverId);
    if (!reason.empty())
    {
        Drop(packet, reason);
        return;
    }
    request.device = device;
    request.mac = from;
    if (request.type != dhcp4::DISCOVER && request.type != dhcp4::REQUEST)
    {
        NS_LOG_INFO("MAG DHCP server: " << TypeName(request.type) << " from " << from
                                        << " ignored");
        return;
    }
    if (!entry || entry->accessDevice != device)
    {
        Drop(packet,
             TypeName(request.type) + " from a link-layer address with no mobile node "
                                      "attached on this link");
        return;
    }
    if (m_relayMode.count(entry->id) != 0)
    {
        Drop(packet, TypeName(request.type) + " of " + entry->mnId + ": relay mode asked");
        return;
    }
    if (request.type == dhcp4::REQUEST && serverId != Ipv4Address::GetAny() &&
        entry->ipv4DefaultRouter != Ipv4Address::GetAny() && serverId != entry->ipv4DefaultRouter)
    {
        NS_LOG_INFO("MAG DHCP server: DHCPREQUEST of " << entry->mnId << " for server " << serverId
                                                       << ", not this one");
        return;
    }
    NS_LOG_INFO("MAG DHCP server: " << TypeName(request.type) << " from " << entry->mnId << " (xid "
                                    << request.xid << ")");
    Handle(request, entry);
}

void
MagDhcpServer::Handle(const Request& request, Ptr<const BindingUpdateListEntry> entry)
{
    if (IsReady(entry))
    {
        Answer(request, entry);
        return;
    }
    // RFC 5844 3.4.1: the MAG answers once the PBA gave the address
    NS_LOG_INFO("MAG DHCP server: " << TypeName(request.type) << " of " << entry->mnId
                                    << " held until the PBA");
    ++m_heldCount;
    m_held[Key(request.mac)] = request;
}

void
MagDhcpServer::Answer(const Request& request, Ptr<const BindingUpdateListEntry> entry)
{
    if (request.type == dhcp4::DISCOVER)
    {
        SendReply(request, entry, dhcp4::OFFER);
        return;
    }
    if (request.requested == entry->ipv4HomeAddress)
    {
        m_leases[Key(request.mac)] = entry->ipv4HomeAddress;
        SendReply(request, entry, dhcp4::ACK);
    }
    else
    {
        NS_LOG_INFO("MAG DHCP server: " << entry->mnId << " requests " << request.requested
                                        << ", its home address is " << entry->ipv4HomeAddress);
        SendReply(request, entry, dhcp4::NAK);
    }
}

void
MagDhcpServer::SendReply(const Request& request,
                         Ptr<const BindingUpdateListEntry> entry,
                         dhcp4::MessageType type)
{
    Time lease = m_leaseTime.IsStrictlyPositive() ? m_leaseTime : entry->lifetime;
    uint32_t leaseSeconds = static_cast<uint32_t>(lease.GetSeconds());
    Ipv4Address router = entry->ipv4DefaultRouter;
    Ipv4Address yiaddr = type == dhcp4::NAK ? Ipv4Address::GetAny() : entry->ipv4HomeAddress;

    DhcpHeader dhcp;
    dhcp.ResetOpt();
    switch (type)
    {
    case dhcp4::OFFER:
        dhcp.SetType(DhcpHeader::DHCPOFFER);
        break;
    case dhcp4::ACK:
        dhcp.SetType(DhcpHeader::DHCPACK);
        break;
    default:
        dhcp.SetType(DhcpHeader::DHCPNACK);
        break;
    }
    dhcp.SetTran(request.xid);
    uint8_t chaddr[dhcp4::CHADDR_LENGTH];
    std::memcpy(chaddr, request.chaddr, sizeof(chaddr));
    dhcp.SetChaddr(chaddr, dhcp4::CHADDR_LENGTH);
    dhcp.SetDhcps(router);
    if (type != dhcp4::NAK)
    {
        dhcp.SetYiaddr(yiaddr);
        dhcp.SetMask(Ipv4Mask::GetOnes().Get());
        dhcp.SetRouter(router);
        dhcp.SetLease(leaseSeconds);
        dhcp.SetRenew(leaseSeconds / 2);
        dhcp.SetRebind(static_cast<uint32_t>(uint64_t(leaseSeconds) * 7 / 8));
    }
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(dhcp);

    UdpHeader udp;
    udp.SetSourcePort(dhcp4::SERVER_PORT);
    udp.SetDestinationPort(dhcp4::CLIENT_PORT);
    Ipv4Address destination = Ipv4Address::GetBroadcast();
    if (Node::ChecksumEnabled())
    {
        udp.EnableChecksums();
        udp.InitializeChecksum(router, destination, PROTOCOL_UDP);
    }
    packet->AddHeader(udp);

    Ipv4Header ip;
    ip.SetSource(router);
    ip.SetDestination(destination);
    ip.SetProtocol(PROTOCOL_UDP);
    ip.SetPayloadSize(packet->GetSize());
    ip.SetTtl(REPLY_TTL);
    ip.SetIdentification(m_ipId++);
    if (Node::ChecksumEnabled())
    {
        ip.EnableChecksum();
    }
    packet->AddHeader(ip);

    NS_LOG_INFO("MAG DHCP server: " << TypeName(type) << " " << yiaddr << " router " << router
                                    << " lease " << leaseSeconds << " s to " << entry->mnId
                                    << " (xid " << request.xid << ")");
    request.device->Send(packet->Copy(), request.mac, Ipv4L3Protocol::PROT_NUMBER);
    switch (type)
    {
    case dhcp4::OFFER:
        ++m_offers;
        m_offerTrace(packet, entry->mnId, yiaddr);
        break;
    case dhcp4::ACK:
        ++m_acks;
        m_ackTrace(packet, entry->mnId, yiaddr);
        ResolveNeighbour(request.device, yiaddr, request.mac);
        break;
    default:
        ++m_naks;
        m_nakTrace(packet, entry->mnId, yiaddr);
        break;
    }
}

void
MagDhcpServer::ResolveNeighbour(Ptr<NetDevice> device, Ipv4Address address, const Address& mac)
{
    Ptr<Node> node = GetMag()->GetNode();
    Ptr<Ipv4L3Protocol> ipv4 = node->GetObject<Ipv4L3Protocol>();
    int32_t i = ipv4 ? ipv4->GetInterfaceForDevice(device) : -1;
    Ptr<ArpCache> cache = i >= 0 ? ipv4->GetInterface(i)->GetArpCache() : nullptr;
    ArpCache::Entry* entry = cache ? cache->Lookup(address) : nullptr;
    if (!entry)
    {
        return; // the first packet to the address resolves it; the MN answers now
    }
    if (entry->IsWaitReply())
    {
        // Packets for the address arrived before the MN had it (the registration came
        // first): its ARP request went unanswered, the next one would be WaitReplyTimeout
        // later. The MAG knows the MN's link-layer address: as an ARP reply would.
        entry->MarkAlive(mac);
        uint32_t n = 0;
        ArpCache::Ipv4PayloadHeaderPair pending = entry->DequeuePending();
        while (pending.first)
        {
            ipv4->GetInterface(i)->Send(pending.first, pending.second, address);
            pending = entry->DequeuePending();
            ++n;
        }
        NS_LOG_INFO("MAG DHCP server: ARP entry " << address << " -> " << mac << ", " << n
                                                  << " waiting packets sent");
    }
    else if (entry->IsAlive() && entry->GetMacAddress() != mac)
    {
        entry->SetMacAddress(mac);
    }
}

uint64_t
MagDhcpServer::GetOfferCount() const
{
    return m_offers;
}

uint64_t
MagDhcpServer::GetAckCount() const
{
    return m_acks;
}

uint64_t
MagDhcpServer::GetNakCount() const
{
    return m_naks;
}

uint64_t
MagDhcpServer::GetHeldCount() const
{
    return m_heldCount;
}

uint64_t
MagDhcpServer::GetDropCount() const
{
    return m_drops;
}

Ipv4Address
MagDhcpServer::GetLease(const Address& mac) const
{
    auto it = m_leases.find(Key(mac));
    return it == m_leases.end() ? Ipv4Address::GetAny() : it->second;
}

} // namespace ns3
