/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz targets: the IPv4 receive paths of RFC 5844, one target each:
 *   ipv4-transport  what arrives over the IPv4 transport (Pmipv6Ipv4Transport): UDP 5436
 *                   signalling, UDP 5437 data, IPv4 protocol 41 and 4, at the LMA or at a MAG
 *   mag-dhcp        a frame handed to the MAG's DHCP server (MagDhcpServer::ReceiveFrame)
 *
 * The domain (Pmipv6DualAccessDomain with IPv4 home addresses over the IPv4 transport, built
 * once) is
 *
 *     CN ---- LMA ==IPv4 10.0.1.0/24== MAG1 ==csma== MN (dual stack, logical interface)
 *              \===IPv4 10.0.2.0/24== MAG2 ==csma==/
 *
 * with the MN "mn1@pmipv6.example" attached at both MAGs (its IPv4 home address from the LMA's
 * pool, configured statically), the LMA's and the MAGs' IPv4 extensions and the MAGs' DHCP
 * servers (Pmipv6Helper::EnableIpv4).
 *
 * ipv4-transport input: Control (8) | payload (what follows the outer IPv4 header, or the UDP
 * header for the UDP kinds).
 *   Control bits 0-1: 0 UDP to port 5436, 1 UDP to port 5437, 2 IPv4 protocol 41, 3 protocol 4
 *   Control bit 2:    the receiver: 0 the LMA (IPv4-LMAA), 1 MAG1 (its IPv4-Proxy-CoA)
 *   Control bits 3-4: the outer source: 0 the natural peer (MAG1's IPv4-Proxy-CoA for the LMA,
 *                     the IPv4-LMAA for MAG1), 1 MAG2's IPv4-Proxy-CoA, 2 an address nobody
 *                     knows (10.9.9.9), 3 the natural peer from UDP source port 40000 (a
 *                     NAT's port)
 *   Control bit 5:    keep the inner Mobility Header checksum as given (else, when the payload
 *                     starts with an IPv6 header whose next header is 135, it is set right)
 *   Control bits 6-7: 3: run the simulation 5 s after the packet (timers fire), else 20 ms
 * The packet is built as the receiver's device would deliver it (a valid outer IPv4 header, a
 * UDP header with the right length) and handed to Ipv4L3Protocol::Receive of the receiver's
 * interface towards that source, in the receiver's context (an event scheduled for now).
 * Properties: no crash / sanitizer report / assertion; the transport accounts for the packet,
 * as received (handed to IPv6) or as dropped (a DropReason). (What the packet leads to may be
 * counted in the same call too: an answer the transport cannot send, a packet nested in it for
 * this node's own transport address.) Inputs that carry an IPv6
 * Hop-by-Hop or Destination Options header that ns-3.37's option processing loops on (see
 * ReachesNs3OptionDefect: a defect of ns-3's IPv6 stack, reached the same way by a packet on
 * any link) are skipped.
 *
 * mag-dhcp input: Control (8) | the DHCP message (BOOTP octets after the UDP header), or with
 * control bit 6 the whole IPv4 packet.
 *   Control bits 0-1: the frame's source link-layer address: 0 the MN's interface attached at
 *                     MAG1, 1 its interface attached at MAG2, 2 an unknown address, 3 MAG2's
 *                     access device
 *   Control bits 2-3: the IPv4 destination: 0 and 3 255.255.255.255, 1 the MN's default
 *                     router (the server identifier), 2 10.9.9.9
 *   Control bit 4:    the IPv4 source: 0.0.0.0, else the MN's home address
 *   Control bit 5:    UDP destination port 68 instead of 67
 *   Control bit 6:    the payload is the whole IPv4 packet (framing fuzzed too)
 *   Control bit 7:    run the simulation 5 s after the frame, else 20 ms
 * Properties: no crash / sanitizer report / assertion (ns-3's DhcpHeader is only shown
 * messages the server has checked); at most one reply (OFFER, ACK or NAK) or one drop per
 * frame, never both; a reply only to the MN attached at MAG1 (source 0), only for a message
 * that ns-3's DhcpHeader reads as a DHCPDISCOVER or DHCPREQUEST, and an ACK or OFFER only with
 * the MN's home address.
 *
 * Seeds: a PBU from MAG1 (and from MAG2, from an unknown address, from a NAT port), a refresh
 * and a de-registration, a PBA to MAG1, IPv6 and IPv4 data packets in each encapsulation to
 * both receivers; DHCPDISCOVER, DHCPREQUEST (selecting, renewing, another address, another
 * server), DHCPRELEASE, a DISCOVER from unknown addresses, whole IPv4 packets.
 */

#ifndef PMIPV6_IPV4_RECEIVE_TARGET_H
#define PMIPV6_IPV4_RECEIVE_TARGET_H

#include "pmipv6-fuzz-common.h"

#include "ns3/binding-update-header.h"
#include "ns3/binding-update-list.h"
#include "ns3/core-module.h"
#include "ns3/dhcp-header.h"
#include "ns3/internet-module.h"
#include "ns3/ipv4-options.h"
#include "ns3/mag-dhcp-server.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-dual-access-domain.h"
#include "ns3/pmipv6-ipv4-transport.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-wire-numbers.h"

#include <algorithm>
#include <functional>
#include <memory>

namespace pmipv6fuzz
{
namespace ipv4receive
{

using namespace ns3;

/// The MN-ID of the domain's MN.
constexpr const char* MN_ID = "mn1@pmipv6.example";
/// An IPv4 address nobody in the domain has.
constexpr const char* STRANGER = "10.9.9.9";
/// The MN's IPv4 home address (the first of the LMA's pool).
constexpr const char* HOME_ADDRESS = "10.100.0.2";
/// Its default router (the server identifier of the MAGs' DHCP servers).
constexpr const char* DEFAULT_ROUTER = "10.100.0.1";

/// A fuzzer executable builds its domain anew after this many inputs.
constexpr uint64_t REBUILD_INTERVAL = 20000;

/// The receive path a target feeds.
enum Path
{
    TRANSPORT = 0, ///< Pmipv6Ipv4Transport at the LMA or MAG1
    DHCP,          ///< MAG1's MagDhcpServer
};

/// The DHCP message types on the wire (RFC 2132 9.6).
enum DhcpType : uint8_t
{
    DHCP_DISCOVER = 1, ///< DHCPDISCOVER
    DHCP_REQUEST = 3,  ///< DHCPREQUEST
    DHCP_RELEASE = 7,  ///< DHCPRELEASE
};

/**
 * \brief A BOOTREQUEST as a DHCP client sends it (RFC 2131 2), without options after the
 * Message Type.
 * \param type the message type (wire value)
 * \param chaddr the client's link-layer address (6 octets)
 * \param ciaddr the client's address (0.0.0.0 unless renewing)
 * \return the octets up to and including the Message Type option
 */
inline Bytes
BootRequest(uint8_t type, const uint8_t* chaddr, Ipv4Address ciaddr)
{
    Bytes m(240, 0);
    m[0] = 1; // BOOTREQUEST
    m[1] = 1; // Ethernet
    m[2] = 6;
    m[4] = 0x5e;
    m[5] = 0xed;
    m[7] = type; // xid
    ciaddr.Serialize(&m[12]);
    std::copy(chaddr, chaddr + 6, m.begin() + 28);
    m[236] = 99; // magic cookie
    m[237] = 130;
    m[238] = 83;
    m[239] = 99;
    m.insert(m.end(), {53, 1, type});
    return m;
}

/**
 * \brief Append an option carrying an IPv4 address.
 * \param m the message
 * \param code the option code
 * \param address the address
 */
inline void
AddAddressOption(Bytes& m, uint8_t code, Ipv4Address address)
{
    uint8_t raw[4];
    address.Serialize(raw);
    m.insert(m.end(), {code, 4, raw[0], raw[1], raw[2], raw[3]});
}

/**
 * \brief IPv4 / UDP around a payload (checksums off, as ns-3 sends by default).
 * \param payload the UDP payload
 * \param source IPv4 source
 * \param destination IPv4 destination
 * \param sport UDP source port
 * \param dport UDP destination port
 * \return the octets
 */
inline Bytes
Ipv4Udp(const Bytes& payload,
        Ipv4Address source,
        Ipv4Address destination,
        uint16_t sport,
        uint16_t dport)
{
    Ptr<Packet> p = Create<Packet>(payload.data(), payload.size());
    UdpHeader udp;
    udp.SetSourcePort(sport);
    udp.SetDestinationPort(dport);
    p->AddHeader(udp);
    Ipv4Header ip;
    ip.SetSource(source);
    ip.SetDestination(destination);
    ip.SetProtocol(UdpL4Protocol::PROT_NUMBER);
    ip.SetPayloadSize(p->GetSize());
    ip.SetTtl(64);
    p->AddHeader(ip);
    Bytes bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    return bytes;
}

/**
 * \brief An IPv6 packet: header and payload.
 * \param source IPv6 source
 * \param destination IPv6 destination
 * \param nextHeader the next header
 * \param payload the payload
 * \return the octets
 */
inline Bytes
Ipv6Packet(Ipv6Address source, Ipv6Address destination, uint8_t nextHeader, const Bytes& payload)
{
    Bytes b(40, 0);
    b[0] = 0x60;
    b[4] = payload.size() >> 8;
    b[5] = payload.size() & 0xff;
    b[6] = nextHeader;
    b[7] = 64;
    source.Serialize(&b[8]);
    destination.Serialize(&b[24]);
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

/**
 * \brief Set the Mobility Header checksum of an IPv6 packet whose next header is 135.
 * \param packet the IPv6 packet (changed in place)
 * \return true when the packet had such a Mobility Header
 */
inline bool
FixMobilityChecksum(Bytes& packet)
{
    if (packet.size() < 46 || (packet[0] >> 4) != 6 || packet[6] != MobilityL4Protocol::PROT_NUMBER)
    {
        return false;
    }
    uint8_t* mh = packet.data() + 40;
    uint32_t size = static_cast<uint32_t>(packet.size() - 40);
    mh[4] = 0;
    mh[5] = 0;
    Ipv6Address source = Ipv6Address::Deserialize(packet.data() + 8);
    Ipv6Address destination = Ipv6Address::Deserialize(packet.data() + 24);
    uint16_t checksum = MobilityHeader::ComputeChecksum(source, destination, mh, size);
    mh[4] = checksum >> 8;
    mh[5] = checksum & 0xff;
    return true;
}

/**
 * \brief An IPv4 packet with a UDP datagram (the MN's traffic in a tunnel).
 * \param source IPv4 source
 * \param destination IPv4 destination
 * \return the octets
 */
inline Bytes
Ipv4Datagram(Ipv4Address source, Ipv4Address destination)
{
    return Ipv4Udp(Bytes(32, 0xab), source, destination, 49153, 9000);
}

/**
 * \brief Does a packet reach a defect of ns-3.37's IPv6 option or TCP option processing?
 *
 * Ipv6Extension::ProcessOptions (Hop-by-Hop and Destination Options headers) keeps the
 * options' length and its progress in uint8_t: an option whose length octet is 254 (its size,
 * 256, becomes 0) or one that runs past the header's end so that the sum passes 255 makes it
 * loop for ever, and a header longer than 255 octets is misread. An extension header whose
 * length runs past the end of the packet is deserialized past the end of the buffer
 * (Ipv6ExtensionHopByHopHeader::Deserialize: a read out of bounds, SEGV). TcpHeader::Deserialize
 * loops for ever, allocating, on a TCP option of unknown kind whose length octet is 0. An IPv4
 * packet from a multicast source that ns-3 answers with an ICMP error makes
 * Ipv4StaticRouting::LookupStatic read an address of no interface (SEGV). Any node's
 * IPv6 stack has this (a packet received on a link does the same); the module cannot change it.
 * Inputs that would carry such a header into a node's IPv6 stack (the packet itself or one nested
 * in it by IPv6-in-IPv6, IPv6-in-IPv4 or IPv4-in-IPv6) are skipped by the ipv4-transport target.
 * \param b the octets
 * \param offset where the IP packet starts
 * \param depth nesting depth so far
 * \return true when the packet or a packet nested in it has such a header
 */
inline bool
ReachesNs3OptionDefect(const Bytes& b, size_t offset, uint32_t depth = 0)
{
    if (depth > 64 || offset >= b.size())
    {
        return false;
    }
    uint8_t version = b[offset] >> 4;
    if (version == 4)
    {
        size_t ihl = (b[offset] & 0x0f) * 4u;
        if (offset + 20 > b.size() || ihl < 20)
        {
            return false;
        }
        // Ipv4StaticRouting::LookupStatic reads address 0 of "no interface" for a local
        // multicast destination without an output device, which the ICMP error ns-3 sends to
        // such a source (port unreachable) asks for: SEGV
        if (b[offset + 12] >= 224)
        {
            return true;
        }
        uint8_t protocol = b[offset + 9];
        return (protocol == 41 || protocol == 4) &&
               ReachesNs3OptionDefect(b, offset + ihl, depth + 1);
    }
    if (version != 6 || offset + 40 > b.size())
    {
        return false;
    }
    // ns-3 trims a packet to its Payload Length: the headers must fit in that
    size_t end = std::min(b.size(), offset + 40 + ((size_t(b[offset + 4]) << 8) | b[offset + 5]));
    uint8_t next = b[offset + 6];
    size_t at = offset + 40;
    while (next == 0 || next == 60 || next == 43 || next == 44)
    {
        if (at + 2 > end)
        {
            return true; // ns-3 deserializes the header past the end of the packet
        }
        size_t length = next == 44 ? 8 : (b[at + 1] + 1u) * 8;
        if (at + length > end)
        {
            return true;
        }
        if (next == 0 || next == 60)
        {
            if (length > 255)
            {
                return true;
            }
            // walk the options as ns-3 does
            size_t o = at + 2;
            while (o < at + length)
            {
                if (b[o] == 0)
                {
                    o++; // Pad1
                    continue;
                }
                if (o + 1 >= at + length)
                {
                    return true; // ns-3 reads the length octet past the header
                }
                uint32_t size = b[o + 1] + 2u;
                if (size >= 256 || o + size > at + length)
                {
                    return true;
                }
                o += size;
            }
        }
        next = b[at];
        at += length;
    }
    if (next == 41 || next == 4)
    {
        return ReachesNs3OptionDefect(Bytes(b.begin(), b.begin() + end), at, depth + 1);
    }
    if (next == 6)
    {
        // TcpHeader::Deserialize: an option of unknown kind with length 0 deserializes to 0
        // octets, as its size says, so the loop never ends (and allocates an option each turn)
        if (at + 20 > end)
        {
            return true;
        }
        size_t optionsEnd = std::min(end, at + (b[at + 12] >> 4) * 4u);
        size_t o = at + 20;
        while (o < optionsEnd && b[o] != 0)
        {
            if (b[o] == 1)
            {
                o++;
                continue;
            }
            if (o + 1 >= optionsEnd)
            {
                break;
            }
            if (b[o + 1] == 0)
            {
                return true;
            }
            if (b[o + 1] < 2)
            {
                break;
            }
            o += b[o + 1];
        }
    }
    return false;
}

/**
 * \brief The dual-stack domain over the IPv4 transport and the receive paths.
 */
class Domain
{
  public:
    Domain() = default;
    Domain(const Domain&) = delete;
    Domain& operator=(const Domain&) = delete;

    /**
     * \brief Build the domain and attach the MN at both MAGs: the simulation runs to t = 3 s.
     */
    void Build()
    {
        m_d = std::make_unique<Pmipv6DualAccessDomain>(MN_ID,
                                                       Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS,
                                                       true,
                                                       true);
        m_d->pmip.EnableIpv4(m_d->lmaApp);
        m_d->pmip.EnableIpv4(m_d->magApp[0]);
        m_d->pmip.EnableIpv4(m_d->magApp[1]);
        m_d->pmip.EnableIpv4MobileNode(m_d->mnId, m_d->lif);
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            m_d.get(),
                            0,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Schedule(Seconds(1.0),
                            &Pmipv6DualAccessDomain::Attach,
                            m_d.get(),
                            1,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        m_lmaTransport = m_d->lma.Get(0)->GetObject<Pmipv6Ipv4Transport>();
        m_magTransport = m_d->mags.Get(0)->GetObject<Pmipv6Ipv4Transport>();
        NS_ABORT_MSG_IF(!m_lmaTransport || !m_magTransport, "no IPv4 transport");
        m_server = m_d->magApp[0]->GetExtension<MagDhcpServer>();
        NS_ABORT_MSG_IF(!m_server, "MAG1 has no DHCP server");
        Ptr<BindingUpdateListEntry> entry =
            m_d->magApp[0]->GetBindingUpdateList()->FindByMac(m_d->phys[0]->GetAddress());
        NS_ABORT_MSG_IF(!entry || entry->ipv4HomeAddress == Ipv4Address::GetAny(),
                        "the MN has no IPv4 home address at MAG1");
        m_homeAddress = entry->ipv4HomeAddress;
        m_defaultRouter = entry->ipv4DefaultRouter;
        m_registered = true;
        for (const char* trace : {"Offer", "Ack", "Nak"})
        {
            m_server->TraceConnectWithoutContext(trace, MakeCallback(&Domain::Replied, this));
        }
    }

    /**
     * \brief Run one input (see the file comment).
     * \param path the target's path
     * \param data the octets
     * \param size their number
     */
    void Run(Path path, const uint8_t* data, size_t size)
    {
        if (size < 1)
        {
            return;
        }
        Time after = path == TRANSPORT ? RunTransport(data[0], Bytes(data + 1, data + size))
                                       : RunDhcp(data[0], Bytes(data + 1, data + size));
        Simulator::Stop(after);
        Simulator::Run();
    }

    /**
     * \brief The domain.
     * \return the domain
     */
    Pmipv6DualAccessDomain& Get() const
    {
        return *m_d;
    }

    /**
     * \brief Packets the transports handed to IPv6, over every Run.
     * \return the count
     */
    uint64_t GetTransportReceived() const
    {
        return m_transportReceived;
    }

    /**
     * \brief Replies the DHCP server sent to inputs, over every Run.
     * \return the count
     */
    uint64_t GetDhcpReplies() const
    {
        return m_totalReplies;
    }

    /**
     * \brief The MN's IPv4 home address.
     * \return the address
     */
    Ipv4Address GetHomeAddress() const
    {
        return m_homeAddress;
    }

  private:
    /**
     * \brief Run a receive call now, in a node's context, as a device's receive event would
     * (ns-3's debug build asserts that Node::ReceiveFromDevice runs in the node's context), and
     * what it schedules for the same instant.
     * \param nodeId the node
     * \param call the call
     */
    static void InNodeContext(uint32_t nodeId, std::function<void()> call)
    {
        Simulator::ScheduleWithContext(nodeId, Seconds(0), call);
        Simulator::Stop(Seconds(0));
        Simulator::Run();
    }

    /**
     * \brief Everything a transport counted (received, every kind, and dropped).
     * \param t the transport
     * \return the count
     */
    static uint64_t Counted(Ptr<Pmipv6Ipv4Transport> t)
    {
        uint64_t n = t->GetDropCount();
        for (uint32_t k = 0; k < Pmipv6Ipv4Transport::KIND_COUNT; ++k)
        {
            n += t->GetReceivedCount(static_cast<Pmipv6Ipv4Transport::Kind>(k));
        }
        return n;
    }

    /**
     * \brief One ipv4-transport input.
     * \param control the control octet
     * \param payload the payload
     * \return how long to run afterwards
     */
    Time RunTransport(uint8_t control, Bytes payload)
    {
        const uint8_t kind = control & 3;
        const bool atMag = (control & 0x04) != 0;
        const uint8_t sender = (control >> 3) & 3;
        Ptr<Pmipv6Ipv4Transport> receiver = atMag ? m_magTransport : m_lmaTransport;
        Ipv4Address natural =
            atMag ? m_lmaTransport->GetLocalAddress() : m_magTransport->GetLocalAddress();
        Ipv4Address source = natural;
        if (sender == 1)
        {
            source = m_d->ipv4ProxyCoa[1];
        }
        else if (sender == 2)
        {
            source = Ipv4Address(STRANGER);
        }
        if ((control & 0x20) == 0)
        {
            FixMobilityChecksum(payload);
        }
        if (ReachesNs3OptionDefect(payload, 0))
        {
            m_skipped++;
            return Seconds(0);
        }
        Ipv4Address destination = receiver->GetLocalAddress();

        Ptr<Packet> p = Create<Packet>(payload.data(), payload.size());
        uint8_t protocol = UdpL4Protocol::PROT_NUMBER;
        if (kind < 2)
        {
            UdpHeader udp;
            uint16_t port = kind == 0 ? mip6::PMIP6_CNTL_UDP_PORT : mip6::PMIP6_DATA_UDP_PORT;
            udp.SetSourcePort(sender == 3 ? 40000 : port);
            udp.SetDestinationPort(port);
            p->AddHeader(udp);
        }
        else
        {
            protocol = kind == 2 ? 41 : 4;
        }
        Ipv4Header ip;
        ip.SetSource(source);
        ip.SetDestination(destination);
        ip.SetProtocol(protocol);
        ip.SetPayloadSize(p->GetSize());
        ip.SetTtl(64);
        ip.SetIdentification(m_ipId++);
        p->AddHeader(ip);

        // the receiver's interface towards the source: for MAG2 the LMA's link to MAG2
        Ptr<Node> node = atMag ? m_d->mags.Get(0) : m_d->lma.Get(0);
        Ptr<Ipv4L3Protocol> ipv4 = node->GetObject<Ipv4L3Protocol>();
        int32_t index = ipv4->GetInterfaceForAddress(destination);
        if (!atMag && sender == 1)
        {
            int32_t other = ipv4->GetInterfaceForPrefix(m_d->ipv4ProxyCoa[1], Ipv4Mask("/24"));
            index = other >= 0 ? other : index;
        }
        FUZZ_CHECK(index >= 0, "no interface for " << destination);
        Ptr<NetDevice> device = ipv4->GetNetDevice(index);

        uint64_t before = Counted(receiver);
        uint64_t receivedBefore = Counted(receiver) - receiver->GetDropCount();
        InNodeContext(node->GetId(), [ipv4, device, p]() {
            ipv4->Receive(device,
                          p,
                          Ipv4L3Protocol::PROT_NUMBER,
                          Mac48Address("02:00:00:00:00:99"),
                          device->GetAddress(),
                          NetDevice::PACKET_HOST);
        });
        uint64_t counted = Counted(receiver) - before;
        // at least once: what the packet leads to may be counted too, in the same call (an
        // answer the transport cannot send, a nested packet to this node's transport address)
        FUZZ_CHECK(counted >= 1,
                   "the transport did not count the packet (kind " << unsigned(kind) << ")");
        m_transportReceived += Counted(receiver) - receiver->GetDropCount() - receivedBefore;
        return ((control >> 6) & 3) == 3 ? Seconds(5) : MilliSeconds(20);
    }

    /**
     * \brief One mag-dhcp input.
     * \param control the control octet
     * \param payload the payload
     * \return how long to run afterwards
     */
    Time RunDhcp(uint8_t control, const Bytes& payload)
    {
        Address from;
        switch (control & 3)
        {
        case 0:
            from = m_d->phys[0]->GetAddress();
            break;
        case 1:
            from = m_d->phys[1]->GetAddress();
            break;
        case 2:
            from = Mac48Address("02:00:00:00:00:77");
            break;
        default:
            from = m_d->access[1]->GetAddress();
            break;
        }
        Ipv4Address destination = Ipv4Address::GetBroadcast();
        if (((control >> 2) & 3) == 1)
        {
            destination = m_defaultRouter;
        }
        else if (((control >> 2) & 3) == 2)
        {
            destination = Ipv4Address(STRANGER);
        }
        Ipv4Address source = (control & 0x10) ? m_homeAddress : Ipv4Address::GetAny();
        uint16_t dport = (control & 0x20) ? 68 : 67;
        Bytes frame = (control & 0x40) ? payload : Ipv4Udp(payload, source, destination, 68, dport);

        uint64_t replies = m_replies;
        uint64_t drops = m_server->GetDropCount();
        m_lastYiaddr = Ipv4Address::GetAny();
        m_lastWasNak = false;
        Ptr<MagDhcpServer> server = m_server;
        Ptr<NetDevice> access = m_d->access[0];
        Ptr<Packet> packet = Create<Packet>(frame.data(), frame.size());
        InNodeContext(access->GetNode()->GetId(), [server, access, packet, from]() {
            server->ReceiveFrame(access,
                                 packet,
                                 Ipv4L3Protocol::PROT_NUMBER,
                                 from,
                                 Mac48Address::GetBroadcast(),
                                 NetDevice::PACKET_BROADCAST);
        });
        uint64_t replied = m_replies - replies;
        uint64_t dropped = m_server->GetDropCount() - drops;
        FUZZ_CHECK(replied + dropped <= 1,
                   "one frame gave " << replied << " replies and " << dropped << " drops");
        if (replied == 1)
        {
            FUZZ_CHECK((control & 3) == 0, "a reply to a frame from another link-layer address");
            FUZZ_CHECK(m_lastWasNak || m_lastYiaddr == m_homeAddress,
                       "offered or acknowledged " << m_lastYiaddr << ", not the home address");
            // the server checked the message: ns-3's codec may read it now
            FUZZ_CHECK(frame.size() >= 28, "a reply to a frame without IPv4 / UDP");
            uint32_t ihl = (frame[0] & 0x0f) * 4u;
            uint32_t udpLength = (uint32_t(frame[ihl + 4]) << 8) | frame[ihl + 5];
            Ptr<Packet> message = Create<Packet>(frame.data() + ihl + 8, udpLength - 8);
            DhcpHeader header;
            FUZZ_CHECK(message->RemoveHeader(header) > 0, "a reply to an undecodable message");
            FUZZ_CHECK(header.GetType() == DhcpHeader::DHCPDISCOVER ||
                           header.GetType() == DhcpHeader::DHCPREQ,
                       "a reply to a message of type " << unsigned(header.GetType()));
        }
        m_totalReplies += replied;
        return (control & 0x80) ? Seconds(5) : MilliSeconds(20);
    }

    /**
     * \brief The server's Offer / Ack / Nak sink.
     * \param message the reply
     * \param mnId its MN
     * \param yiaddr the address offered or acknowledged
     */
    void Replied(Ptr<const Packet> message, const std::string& mnId, Ipv4Address yiaddr)
    {
        m_replies++;
        m_lastYiaddr = yiaddr;
        m_lastWasNak = yiaddr == Ipv4Address::GetAny();
        (void)message;
        (void)mnId;
    }

    std::unique_ptr<Pmipv6DualAccessDomain> m_d; ///< the domain
    Ptr<Pmipv6Ipv4Transport> m_lmaTransport;     ///< the LMA's transport
    Ptr<Pmipv6Ipv4Transport> m_magTransport;     ///< MAG1's transport
    Ptr<MagDhcpServer> m_server;                 ///< MAG1's DHCP server
    Ipv4Address m_homeAddress;                   ///< the MN's IPv4 home address
    Ipv4Address m_defaultRouter;                 ///< its default router
    bool m_registered{false};                    ///< Build found the MN registered
    uint16_t m_ipId{1};                          ///< next IPv4 identification
    uint64_t m_transportReceived{0};             ///< handed to IPv6, every Run
    uint64_t m_skipped{0};                       ///< inputs skipped (ns-3 defect)
    uint64_t m_replies{0};                       ///< server replies seen
    uint64_t m_totalReplies{0};                  ///< replies to inputs, every Run
    Ipv4Address m_lastYiaddr;                    ///< yiaddr of the last reply
    bool m_lastWasNak{false};                    ///< the last reply was a NAK
};

/**
 * \brief Add a seed: control octet, then the payload.
 * \param seeds the seeds
 * \param name its name
 * \param control the control octet
 * \param payload the payload
 */
inline void
AddSeed(Seeds& seeds, const std::string& name, uint8_t control, const Bytes& payload)
{
    Bytes seed{control};
    seed.insert(seed.end(), payload.begin(), payload.end());
    seeds.emplace_back(name, seed);
}

/**
 * \brief The seeds of ipv4-transport.
 * \return the seeds
 */
inline Seeds
MakeTransportSeeds()
{
    Seeds seeds;
    const Ipv6Address lmaa = Pmipv6Ipv4Transport::MapIpv4(Ipv4Address("10.0.1.1"));
    const Ipv6Address mag1 = Pmipv6Ipv4Transport::MapIpv4(Ipv4Address("10.0.1.2"));
    const Ipv6Address mag2 = Pmipv6Ipv4Transport::MapIpv4(Ipv4Address("10.0.2.2"));
    const Ipv6Address hnp("2001:1:1:1::");
    const char* names[3] = {"refresh", "handover", "deregister"};
    for (uint32_t k = 0; k < 3; ++k)
    {
        BindingUpdateHeader pbu;
        pbu.SetSequence(500 + k);
        pbu.SetFlag(BindingUpdateHeader::FLAG_A, true);
        pbu.SetFlag(BindingUpdateHeader::FLAG_P, true);
        pbu.SetLifetime(k == 2 ? 0 : 25);
        pbu.AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
        pbu.AddOption(Create<HomeNetworkPrefixOption>(hnp, 64));
        pbu.AddOption(Create<HandoffIndicatorOption>(k == 1 ? mip6::HI_HANDOFF_BETWEEN_MAGS
                                                            : mip6::HI_NOT_CHANGED));
        pbu.AddOption(Create<AccessTechnologyTypeOption>(mip6::ATT_IEEE_802_3));
        pbu.AddOption(Create<Ipv4HomeAddressRequestOption>(Ipv4Address(HOME_ADDRESS), 32));
        pbu.AddOption(
            Create<Ipv4CareOfAddressOption>(Ipv4Address(k == 1 ? "10.0.2.2" : "10.0.1.2")));
        Bytes packet = Ipv6Packet(k == 1 ? mag2 : mag1,
                                  lmaa,
                                  MobilityL4Protocol::PROT_NUMBER,
                                  SerializeHeader(pbu));
        FixMobilityChecksum(packet);
        std::string name = std::string("pbu-") + names[k];
        AddSeed(seeds, name, k == 1 ? 0x08 : 0x00, packet);
        AddSeed(seeds, name + "-unknown-sender", 0x10, packet);
        AddSeed(seeds, name + "-nat-port", 0x18, packet);
    }
    BindingAckHeader pba;
    pba.SetSequence(500);
    pba.SetStatus(0);
    pba.SetLifetime(25);
    pba.SetFlag(BindingAckHeader::FLAG_P, true);
    pba.AddOption(Create<MobileNodeIdentifierOption>(MN_ID));
    pba.AddOption(Create<HomeNetworkPrefixOption>(hnp, 64));
    pba.AddOption(Create<Ipv4HomeAddressReplyOption>(0, Ipv4Address(HOME_ADDRESS), 16));
    pba.AddOption(Create<Ipv4DefaultRouterAddressOption>(Ipv4Address(DEFAULT_ROUTER)));
    Bytes pbaPacket = Ipv6Packet(lmaa, mag1, MobilityL4Protocol::PROT_NUMBER, SerializeHeader(pba));
    FixMobilityChecksum(pbaPacket);
    AddSeed(seeds, "pba-to-mag1", 0x04, pbaPacket);

    // the MN's traffic: IPv6 and IPv4, in each encapsulation, to each receiver
    Bytes udp6(48, 0);
    udp6[1] = 0x10;
    udp6[3] = 0x28;
    udp6[5] = 48;
    Bytes inner6Up =
        Ipv6Packet(Ipv6Address("2001:1:1:1::200:ff:fe00:1"), Ipv6Address("2001:db9::1"), 17, udp6);
    Bytes inner6Down =
        Ipv6Packet(Ipv6Address("2001:db9::1"), Ipv6Address("2001:1:1:1::200:ff:fe00:1"), 17, udp6);
    Bytes inner4Up = Ipv4Datagram(Ipv4Address(HOME_ADDRESS), Ipv4Address("192.0.2.1"));
    Bytes inner4Down = Ipv4Datagram(Ipv4Address("192.0.2.1"), Ipv4Address(HOME_ADDRESS));
    AddSeed(seeds, "ipv6-in-ipv4-up", 0x02, inner6Up);
    AddSeed(seeds, "ipv6-in-ipv4-down", 0x06, inner6Down);
    AddSeed(seeds, "ipv4-in-ipv4-up", 0x03, inner4Up);
    AddSeed(seeds, "ipv4-in-ipv4-down", 0x07, inner4Down);
    AddSeed(seeds, "ipv6-in-udp-up", 0x01, inner6Up);
    AddSeed(seeds, "ipv4-in-udp-down", 0x05, inner4Down);
    AddSeed(seeds, "ipv6-in-ipv4-unknown-sender", 0x12, inner6Up);
    AddSeed(seeds, "ipv4-in-udp-nat-port", 0x19, inner4Up);
    AddSeed(seeds, "ipv6-in-ipv4-from-mag2", 0x0a, inner6Up);
    return seeds;
}

/**
 * \brief The seeds of mag-dhcp.
 * \return the seeds
 */
inline Seeds
MakeDhcpSeeds()
{
    Seeds seeds;
    // the domain's MN interface at MAG1: the first MAC the helper allocates to it is not
    // known here, so the seeds' chaddr is a placeholder (the server does not use chaddr)
    const uint8_t chaddr[6] = {0x00, 0x00, 0x00, 0x00, 0x00, 0x05};
    const Ipv4Address home(HOME_ADDRESS);
    const Ipv4Address router(DEFAULT_ROUTER);

    Bytes discover = BootRequest(DHCP_DISCOVER, chaddr, Ipv4Address::GetAny());
    discover.push_back(255);
    AddSeed(seeds, "discover", 0x00, discover);
    AddSeed(seeds, "discover-unknown-mac", 0x02, discover);
    AddSeed(seeds, "discover-other-interface", 0x01, discover);

    Bytes selecting = BootRequest(DHCP_REQUEST, chaddr, Ipv4Address::GetAny());
    AddAddressOption(selecting, 50, home);
    AddAddressOption(selecting, 54, router);
    selecting.push_back(255);
    AddSeed(seeds, "request-selecting", 0x00, selecting);

    Bytes renewing = BootRequest(DHCP_REQUEST, chaddr, home);
    renewing.push_back(255);
    AddSeed(seeds, "request-renewing", 0x14, renewing);

    Bytes other = BootRequest(DHCP_REQUEST, chaddr, Ipv4Address::GetAny());
    AddAddressOption(other, 50, Ipv4Address("10.100.0.77"));
    other.push_back(255);
    AddSeed(seeds, "request-other-address", 0x00, other);

    Bytes otherServer = BootRequest(DHCP_REQUEST, chaddr, Ipv4Address::GetAny());
    AddAddressOption(otherServer, 50, home);
    AddAddressOption(otherServer, 54, Ipv4Address("10.200.0.1"));
    otherServer.push_back(255);
    AddSeed(seeds, "request-other-server", 0x00, otherServer);

    Bytes release = BootRequest(DHCP_RELEASE, chaddr, home);
    AddAddressOption(release, 54, router);
    release.push_back(255);
    AddSeed(seeds, "release", 0x14, release);

    AddSeed(seeds,
            "discover-whole-ipv4",
            0x40,
            Ipv4Udp(discover, Ipv4Address::GetAny(), Ipv4Address::GetBroadcast(), 68, 67));
    AddSeed(seeds, "request-whole-ipv4", 0x40, Ipv4Udp(renewing, home, router, 68, 67));
    return seeds;
}

/**
 * \brief The LLVMFuzzerInitialize of an IPv4 target: `--write-corpus=DIR` writes the target's
 * seeds and exits; otherwise the domain is built, once.
 * \param argc libFuzzer's argument count
 * \param argv libFuzzer's arguments
 * \param makeSeeds the target's seeds
 * \return 0
 */
inline int
FuzzerInitialize(int* argc, char*** argv, Seeds (*makeSeeds)())
{
    return InitializeProcessDomain<Domain>(argc, argv, makeSeeds);
}

/**
 * \brief The LLVMFuzzerTestOneInput of the IPv4 target of path P.
 * The LMA accepts what a MAG's fuzzed PBUs ask for (bindings of new MN-IDs with lifetimes up to
 * days, each with its tunnel and pool address) while each input advances the clock by 20 ms:
 * the domain is built anew every REBUILD_INTERVAL inputs so that memory stays bounded.
 * \tparam P the receive path
 * \param data the input
 * \param size its length
 * \return 0
 */
template <Path P>
int
FuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return TestOneInputOnProcessDomain<Domain, Path, P, REBUILD_INTERVAL>(data, size);
}

} // namespace ipv4receive
} // namespace pmipv6fuzz

#endif /* PMIPV6_IPV4_RECEIVE_TARGET_H */
