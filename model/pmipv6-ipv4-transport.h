/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_IPV4_TRANSPORT_H
#define PMIPV6_IPV4_TRANSPORT_H

#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <array>
#include <unordered_map>

namespace ns3
{

class Address;
class Ipv4Header;
class Ipv4L3Protocol;
class Ipv6L3Protocol;
class IpL4Protocol;
class Node;
class Packet;
class Socket;
class VirtualNetDevice;

/**
 * \ingroup pmipv6
 * \brief The IPv4 transport of a MAG or an LMA (RFC 5844 4): carries the node's PMIPv6
 * signalling and tunnels over an IPv4-only MAG-LMA network, beneath the unchanged RFC 5213
 * core.
 *
 * The node's IPv6 transport address (Proxy-CoA or LMAA; by default the IPv4-mapped IPv6
 * address ::ffff:a.b.c.d of its IPv4 transport address, see MapIpv4()) lives on one IPv6
 * interface over a VirtualNetDevice, with a route ::ffff:0:0/96 through it. The core sends its
 * Mobility Header messages and its IPv6 tunnels (Ipv6TunnelL4Protocol, next header 41 and 4)
 * to the peer's IPv6 transport address as usual; what IPv6 hands to this interface leaves over
 * IPv4:
 * - signalling (anything that is not a tunnel packet of this node): the whole IPv6 packet in
 *   IPv4 / UDP to the peer's port (default mip6::PMIP6_CNTL_UDP_PORT, 5436), from 5436:
 *   IPv4 (IPv4-Proxy-CoA -> IPv4-LMAA) / UDP / IPv6 (Proxy-CoA -> LMAA) / Mobility Header;
 * - a tunnel packet (source this node's IPv6 transport address, next header 41 or 4): its
 *   outer IPv6 header is replaced by IPv4 (protocol 41 for an inner IPv6 packet, 4 for an
 *   inner IPv4 packet), or, when the peer's data goes in UDP (NAT detected or forced), by
 *   IPv4 / UDP to the peer's data port (default mip6::PMIP6_DATA_UDP_PORT, 5437, from 5437).
 * Received packets take the reverse way: a UDP 5436 payload must be a whole IPv6 packet to this
 * node's IPv6 transport address and is handed to IPv6 as is (the Mobility Header checksum is
 * the sender's, over the inner IPv6 pseudo-header); IPv4 protocol 41 / 4 and UDP 5437
 * payloads get an outer IPv6 header again (peer -> this node, next header 41 or 4), so that
 * Ipv6TunnelL4Protocol decapsulates them with its own checks, counters and traces. Whatever
 * is not a whole packet is dropped with a log line and counted (DropReason).
 *
 * Peers: the MAG knows its LMA (SetPeer(), or the mapped address alone); the LMA learns each
 * MAG from the outer source (address, port) of its signalling, which also tells the LMA's
 * extension whether a NAT rewrote it (GetSignallingSource()). The per-peer state is one hash
 * table entry (O(1) per packet); a reverse table finds the peer of a received data packet by
 * its outer IPv4 source.
 */
class Pmipv6Ipv4Transport : public Object
{
  public:
    /// Why a packet was dropped.
    enum DropReason
    {
        DROP_NO_PEER = 0,  ///< no peer for the destination (send) or source (receive)
        DROP_MULTICAST,    ///< IPv6 multicast handed to the interface (DAD, RS, ...)
        DROP_MALFORMED,    ///< a payload that is not a whole IPv6 / IPv4 packet
        DROP_NOT_FOR_US,   ///< signalling whose inner destination is not this node
        DROP_SEND_FAILED,  ///< the UDP socket or IPv4 refused the packet
        DROP_REASON_COUNT, ///< number of reasons
    };

    /// What a packet is, for the counters and traces.
    enum Kind
    {
        KIND_SIGNALLING = 0, ///< IPv6 in IPv4 / UDP 5436
        KIND_DATA_IP,        ///< IPv6 / IPv4 in IPv4 (protocol 41 / 4)
        KIND_DATA_UDP,       ///< IPv6 / IPv4 in IPv4 / UDP 5437
        KIND_COUNT,          ///< number of kinds
    };

    /// Where and how to reach one peer.
    struct Peer
    {
        Ipv4Address address;              ///< outer IPv4 destination
        uint16_t controlPort{0};          ///< UDP port of its signalling
        uint16_t dataPort{0};             ///< UDP port of its data (UDP encapsulation)
        bool udpData{false};              ///< data in UDP (else protocol 41 / 4)
        Ipv4Address signallingSource;     ///< outer source of its last signalling (0: none)
        uint16_t signallingSourcePort{0}; ///< UDP source port of its last signalling
    };

    /**
     * \brief TracedCallback signature for sent and received packets.
     * \param packet the packet as on the wire after the outer IPv4 header (the UDP header
     * first for UDP kinds) when sent; the inner packet when received
     * \param peer the peer's IPv4 address
     * \param kind what the packet is
     */
    typedef void (*PacketTracedCallback)(Ptr<const Packet> packet, Ipv4Address peer, Kind kind);

    /**
     * \brief TracedCallback signature for dropped packets.
     * \param packet the packet
     * \param reason why
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, DropReason reason);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Pmipv6Ipv4Transport();
    ~Pmipv6Ipv4Transport() override;

    /**
     * \brief The IPv4-mapped IPv6 address of an IPv4 address (RFC 4291 2.5.5.2).
     * \param address the IPv4 address
     * \return ::ffff:a.b.c.d
     */
    static Ipv6Address MapIpv4(Ipv4Address address);

    /**
     * \brief Install the transport on a node with IPv4 and IPv6 (aggregated; once per node).
     * \param node the MAG or LMA node
     * \param local the node's IPv4 transport address (IPv4-Proxy-CoA or IPv4-LMAA): the
     * outer source of the IP-in-IP packets
     * \param local6 the node's IPv6 transport address (Proxy-CoA or LMAA), put on the
     * transport's interface; :: = MapIpv4(local)
     * \return the transport
     */
    static Ptr<Pmipv6Ipv4Transport> Install(Ptr<Node> node,
                                            Ipv4Address local,
                                            Ipv6Address local6 = Ipv6Address::GetAny());

    /**
     * \brief The node's IPv4 transport address.
     * \return the address
     */
    Ipv4Address GetLocalAddress() const;
    /**
     * \brief The node's IPv6 transport address.
     * \return the address
     */
    Ipv6Address GetLocalIpv6Address() const;
    /**
     * \brief The transport's IPv6 interface.
     * \return the interface index
     */
    uint32_t GetInterface() const;

    /**
     * \brief Set (or replace) a peer.
     * \param peer6 the peer's IPv6 transport address (the inner / tunnel address)
     * \param address its IPv4 address (outer destination)
     * \param udpData whether data goes in UDP
     */
    void SetPeer(Ipv6Address peer6, Ipv4Address address, bool udpData = false);
    /**
     * \brief Switch a peer's data tunnel between IPv4 (41 / 4) and UDP; a peer not known yet
     * whose address is IPv4-mapped is added with its mapped address.
     * \param peer6 the peer's IPv6 transport address
     * \param udpData whether data goes in UDP
     * \return false when the peer is unknown and its address is not IPv4-mapped
     */
    bool SetUdpEncapsulation(Ipv6Address peer6, bool udpData);
    /**
     * \brief A peer's state.
     * \param peer6 the peer's IPv6 transport address
     * \return the peer, or nullptr
     */
    const Peer* GetPeer(Ipv6Address peer6) const;
    /**
     * \brief The outer IPv4 source (address, UDP port) of the last signalling packet
     * received from a peer, e.g. the PBU being processed now.
     * \param peer6 the peer's IPv6 transport address (the inner source)
     * \param address set to the outer source address
     * \param port set to the UDP source port
     * \return false (and nothing set) when no signalling came from it over IPv4
     */
    bool GetSignallingSource(Ipv6Address peer6, Ipv4Address& address, uint16_t& port) const;

    /**
     * \brief Packets sent, of one kind.
     * \param kind the kind
     * \return the count
     */
    uint64_t GetSentCount(Kind kind) const;
    /**
     * \brief Packets received and handed to IPv6, of one kind.
     * \param kind the kind
     * \return the count
     */
    uint64_t GetReceivedCount(Kind kind) const;
    /**
     * \brief Packets dropped for one reason.
     * \param reason the reason
     * \return the count
     */
    uint64_t GetDropCount(DropReason reason) const;
    /**
     * \brief Packets dropped, all reasons.
     * \return the count
     */
    uint64_t GetDropCount() const;
    /**
     * \brief A name for a drop reason.
     * \param reason the reason
     * \return the name
     */
    static std::string DropReasonName(DropReason reason);

    /**
     * \brief An IPv4 packet with protocol 41 or 4 arrived (called by the receivers registered
     * with IPv4).
     * \param p the payload (the inner packet)
     * \param header the outer IPv4 header
     * \param protocol 41 or 4
     */
    void ReceiveIp(Ptr<Packet> p, const Ipv4Header& header, uint8_t protocol);

  protected:
    void DoDispose() override;

  private:
    /**
     * \brief Create the interface, the route, the sockets and the receivers.
     * \param node the node
     * \param local the IPv4 transport address
     * \param local6 the IPv6 transport address
     */
    void Setup(Ptr<Node> node, Ipv4Address local, Ipv6Address local6);

    /**
     * \brief Send callback of the transport device: an IPv6 packet to a peer.
     * \param packet the IPv6 packet (its header first)
     * \param source unused
     * \param dest unused
     * \param protocolNumber 0x86DD
     * \return true when sent
     */
    bool DeviceSend(Ptr<Packet> packet,
                    const Address& source,
                    const Address& dest,
                    uint16_t protocolNumber);

    /**
     * \brief The peer of a destination, added with the mapped address when unknown.
     * \param peer6 the peer's IPv6 transport address
     * \return the peer, or nullptr
     */
    Peer* FindOrMapPeer(Ipv6Address peer6);

    /**
     * \brief Receive callback of the signalling socket (UDP 5436).
     * \param socket the socket
     */
    void ReceiveSignalling(Ptr<Socket> socket);
    /**
     * \brief Receive callback of the data socket (UDP 5437).
     * \param socket the socket
     */
    void ReceiveUdpData(Ptr<Socket> socket);

    /**
     * \brief Put an outer IPv6 header (peer -> this node) on an inner packet and hand it to
     * IPv6 on the transport interface.
     * \param inner the inner packet (checked whole)
     * \param peer6 the peer
     * \param nextHeader 41 or 4
     */
    void DeliverTunnelPacket(Ptr<Packet> inner, Ipv6Address peer6, uint8_t nextHeader);

    /**
     * \brief Whether a payload is one whole IPv6 packet (version 6, payload length matching).
     * \param p the payload
     * \return true when whole
     */
    static bool IsWholeIpv6(Ptr<const Packet> p);
    /**
     * \brief Whether a payload is one whole IPv4 packet (version 4, IHL, total length).
     * \param p the payload
     * \return true when whole
     */
    static bool IsWholeIpv4(Ptr<const Packet> p);

    /**
     * \brief Count, log and trace a drop.
     * \param p the packet
     * \param reason why
     * \param what a few words for the log line
     */
    void Drop(Ptr<const Packet> p, DropReason reason, const char* what);

    /**
     * \brief Remember the reverse mapping (outer IPv4 address -> peer).
     * \param address the outer address
     * \param peer6 the peer
     */
    void IndexPeer(Ipv4Address address, Ipv6Address peer6);

    Ptr<Node> m_node;                 ///< the node
    Ptr<Ipv6L3Protocol> m_ipv6;       ///< its IPv6
    Ptr<Ipv4L3Protocol> m_ipv4;       ///< its IPv4
    Ptr<VirtualNetDevice> m_device;   ///< the transport interface's device
    uint32_t m_ifIndex{0};            ///< its IPv6 interface
    Ipv4Address m_local;              ///< IPv4 transport address
    Ipv6Address m_local6;             ///< IPv6 transport address
    Ptr<Socket> m_controlSocket;      ///< UDP 5436
    Ptr<Socket> m_dataSocket;         ///< UDP 5437
    Ptr<IpL4Protocol> m_receivers[2]; ///< IPv4 protocol 41 and 4
    uint16_t m_controlPort;           ///< ControlPort attribute
    uint16_t m_dataPort;              ///< DataPort attribute
    uint16_t m_mtu;                   ///< Mtu attribute
    std::unordered_map<Ipv6Address, Peer, Ipv6AddressHash> m_peers; ///< by IPv6 address
    std::unordered_map<uint32_t, Ipv6Address> m_byIpv4;             ///< outer IPv4 address -> peer
    std::array<uint64_t, KIND_COUNT> m_sent;                        ///< sent per kind
    std::array<uint64_t, KIND_COUNT> m_received;                    ///< received per kind
    std::array<uint64_t, DROP_REASON_COUNT> m_drops;                ///< drops per reason
    TracedCallback<Ptr<const Packet>, Ipv4Address, Kind> m_txTrace; ///< sent
    TracedCallback<Ptr<const Packet>, Ipv4Address, Kind> m_rxTrace; ///< received
    TracedCallback<Ptr<const Packet>, DropReason> m_dropTrace;      ///< dropped
};

} // namespace ns3

#endif /* PMIPV6_IPV4_TRANSPORT_H */
