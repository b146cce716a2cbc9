/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_IPV6_TUNNEL_L4_PROTOCOL_H
#define PMIPV6_IPV6_TUNNEL_L4_PROTOCOL_H

#include "ns3/ip-l4-protocol.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <array>
#include <limits>
#include <unordered_map>
#include <vector>

namespace ns3
{

class Node;
class Ipv6L3Protocol;
class Ipv6Route;
class Packet;
class VirtualNetDevice;

/**
 * \ingroup pmipv6
 * \brief Bidirectional IPv6-in-IPv6 tunnels (RFC 2473, next header 41) between this node
 * and its peers, each one an IPv6 interface over a VirtualNetDevice.
 *
 * Aggregated to a node that has IPv6, it registers itself as the upper-layer protocol 41.
 * A tunnel is identified by the pair (local address, remote address): the outer source and
 * destination of the packets it sends. Routing a packet into the tunnel's interface
 * encapsulates it (the device's send callback prepends the outer header through Ipv6::Send,
 * so the outer packet is routed like any packet of this node); a received packet 41 whose
 * outer (source, destination) is (remote, local) of a tunnel is decapsulated and handed
 * to IPv6 as received on that tunnel's interface (VirtualNetDevice::Receive), where
 * routing decides what to do with it.
 *
 * Tunnels are reference counted: the LMA and the MAG share one tunnel among all the
 * bindings between the same two addresses (RFC 5213 5.6.1, 6.10.1).
 *
 * What is filtered (counted per reason, fired through "Drop", never a crash):
 * - inner packets to a multicast destination, both ways: the tunnel interface's own DAD
 *   probes, Router Solicitations and other link-scope multicast would otherwise cross
 *   the tunnel (DROP_MULTICAST);
 * - with "FilterLinkLocal" (default true), inner packets with a link-local source or
 *   destination, both ways (e.g. the ICMPv6 Redirect ns-3 sends when the LMA forwards a
 *   packet back into the tunnel it came from) (DROP_LINK_LOCAL);
 * - received packets 41 from a (source, destination) pair that has no active tunnel
 *   (DROP_NO_TUNNEL), and packets handed to a tunnel device that is no longer
 *   referenced;
 * - received payloads that are not a whole IPv6 packet (DROP_MALFORMED).
 *
 * IPv4 over the same tunnels (RFC 5844 IPv4 home addresses over an IPv6 transport):
 * EnableIpv4() adds a tunnel's device to the node's IPv4 as well; an IPv4 packet routed into
 * that interface is sent as IPv4-in-IPv6 (next header 4), and a received packet with next
 * header 4 (taken by a companion protocol object registered for 4) is decapsulated onto the
 * tunnel's IPv4 interface. Inner IPv4 packets to a multicast or the limited broadcast
 * address are dropped (DROP_MULTICAST), payloads that are not a whole IPv4 packet too
 * (DROP_MALFORMED).
 *
 * \note ns-3 cannot remove an interface from IPv6. When the last reference to a tunnel
 * goes, its interface is set down (its addresses and routes go with it) and the pair no
 * longer matches received packets, but the interface and its device stay on the node.
 * A later AddTunnelReference for the same pair sets the same interface up again and
 * returns the same index.
 *
 * Point-to-multipoint mode (attribute "PointToMultipoint", false by default; the LMA's
 * "PointToMultipointTunnel" sets it): all tunnels share ONE VirtualNetDevice and IPv6
 * interface, so the node's interface count no longer grows with its peers (ns-3 loops over a
 * node's interfaces for each packet it sends or receives). AddTunnelReference then returns a
 * tunnel identifier of its own (IsTunnelId(), at least TUNNEL_ID_BASE), not an IPv6
 * interface index: it names the peer in routes and bindings; GetOutputInterface() and
 * GetOutputDevice() give the shared interface and device. Whoever routes a packet into the
 * shared interface names its tunnel with SelectTunnel() (a packet tag read, and removed, when
 * the packet is encapsulated: one hash-free O(1) lookup); LmaRouting and
 * FlowBindingForwarder do. A packet without it is dropped (DROP_NO_TUNNEL). Received packets
 * are matched by their outer addresses as before and handed to the shared interface. The
 * node sends no ICMPv6 Redirects in this mode (a packet from one peer to another enters and
 * leaves by the same interface; with one interface per peer ns-3's Redirects only came from
 * a tunnel's link-local address and were dropped by FilterLinkLocal). IPv4 over the tunnels
 * works the same way: EnableIpv4() adds the shared device to the node's IPv4 once and returns
 * the tunnel identifier, which names the tunnel in IPv4 routes (Ipv4HomeAddressRouting,
 * Ipv4FlowBindingForwarder); GetIpv4OutputInterface() gives the shared IPv4 interface, and the
 * IPv4 packet is tagged with SelectTunnel() like an IPv6 one.
 *
 * \note The tunnel interface has only a link-local address (none at all with
 * "LinkLocalAddress" false, as at the LMA). A static route through it
 * must name a gateway (any link-local address will do, e.g. the peer tunnel's: the
 * device needs no neighbour discovery): a gateway-less route makes ns-3's source address
 * selection look for a global address on the interface, and it has none.
 */
class Ipv6TunnelL4Protocol : public IpL4Protocol
{
  public:
    /// IPv6 next header value of an IPv4 packet carried in IPv6 (RFC 2473, RFC 5844 4).
    static const uint8_t IPV4_PROT_NUMBER;

    /// IPv6 next header value (IPv6 encapsulation, RFC 2473).
    static const uint8_t PROT_NUMBER;

    /// Returned by the interface lookups when there is no active tunnel.
    static constexpr uint32_t NO_INTERFACE = std::numeric_limits<uint32_t>::max();

    /// The first tunnel identifier of point-to-multipoint mode (above any interface index).
    static constexpr uint32_t TUNNEL_ID_BASE = 0x40000000;

    /**
     * \brief Whether a number is a point-to-multipoint tunnel identifier (not an IPv6
     * interface index).
     * \param id the number (a tunnel interface or identifier)
     * \return true for a tunnel identifier
     */
    static bool IsTunnelId(uint32_t id)
    {
        return id >= TUNNEL_ID_BASE && id != NO_INTERFACE;
    }

    /// Why a packet was not encapsulated or decapsulated.
    enum DropReason
    {
        DROP_NO_TUNNEL = 0, ///< no active tunnel for the (local, remote) pair
        DROP_MULTICAST,     ///< inner destination is multicast (DAD, RS, ...)
        DROP_LINK_LOCAL,    ///< inner source or destination is link-local (FilterLinkLocal)
        DROP_MALFORMED,     ///< received payload is not a whole IPv6 packet
        DROP_REASON_COUNT,  ///< number of reasons
    };

    /**
     * \brief TracedCallback signature for tunnel creation and removal.
     * \param local local (outer source) address
     * \param remote remote (outer destination) address
     * \param ifIndex the tunnel's IPv6 interface index
     */
    typedef void (*TunnelTracedCallback)(Ipv6Address local, Ipv6Address remote, uint32_t ifIndex);

    /**
     * \brief TracedCallback signature for encapsulated and decapsulated packets.
     * \param inner the inner packet (starting with its IPv6 header)
     * \param local this node's tunnel end point
     * \param remote the peer's tunnel end point
     */
    typedef void (*PacketTracedCallback)(Ptr<const Packet> inner,
                                         Ipv6Address local,
                                         Ipv6Address remote);

    /**
     * \brief TracedCallback signature for dropped packets.
     * \param packet the packet (the inner packet, or the payload of a received packet 41)
     * \param reason why it was dropped
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, DropReason reason);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Ipv6TunnelL4Protocol();
    ~Ipv6TunnelL4Protocol() override;

    /**
     * \brief The protocol aggregated to a node, created and aggregated when there is none.
     * \param node a node with IPv6 (InternetStackHelper)
     * \return the node's tunnel protocol
     */
    static Ptr<Ipv6TunnelL4Protocol> Install(Ptr<Node> node);

    /**
     * \brief Set the node this protocol belongs to.
     * \param node the node
     */
    void SetNode(Ptr<Node> node);

    /**
     * \brief Take a reference to the tunnel between two addresses, creating it (or setting
     * its interface up again) on the first reference.
     *
     * On creation a VirtualNetDevice (no neighbour discovery, point-to-point, MTU
     * "TunnelMtu") is added to the node and to IPv6, set up, with forwarding enabled.
     * \param local this node's address, the outer source
     * \param remote the peer's address, the outer destination
     * \return the tunnel's IPv6 interface index
     */
    uint32_t AddTunnelReference(Ipv6Address local, Ipv6Address remote);

    /**
     * \brief Release a reference; the last one sets the interface down and stops the pair
     * from matching received packets.
     * \param local this node's address
     * \param remote the peer's address
     * \return false when the pair had no active tunnel
     */
    bool RemoveTunnelReference(Ipv6Address local, Ipv6Address remote);

    /**
     * \brief The interface (point-to-multipoint: the identifier) of an active tunnel, as
     * AddTunnelReference returned it.
     * \param local this node's address
     * \param remote the peer's address
     * \return the IPv6 interface index (or tunnel identifier), or NO_INTERFACE
     */
    uint32_t GetTunnelInterface(Ipv6Address local, Ipv6Address remote) const;

    /**
     * \brief The device of an active tunnel.
     * \param local this node's address
     * \param remote the peer's address
     * \return the device, or nullptr
     */
    Ptr<VirtualNetDevice> GetTunnelDevice(Ipv6Address local, Ipv6Address remote) const;

    /**
     * \brief The IPv6 interface a tunnel's packets are routed into.
     * \param tunnel a tunnel interface or identifier (AddTunnelReference)
     * \return the IPv6 interface index (the shared one for an identifier), or NO_INTERFACE
     * for an unknown identifier; an interface index is returned as it is
     */
    uint32_t GetOutputInterface(uint32_t tunnel) const;

    /**
     * \brief Name the tunnel a packet routed into the shared point-to-multipoint interface
     * takes (a packet tag, read and removed by the encapsulation). Does nothing for an IPv6
     * interface index (one interface per tunnel).
     * \param packet the packet, before it is handed to IPv6 forwarding or output
     * \param tunnel the tunnel interface or identifier
     */
    void SelectTunnel(Ptr<const Packet> packet, uint32_t tunnel) const;

    /**
     * \brief Whether the tunnels share one point-to-multipoint interface.
     * \return the PointToMultipoint attribute
     */
    bool IsPointToMultipoint() const;

    /**
     * \brief Packets encapsulated into one tunnel.
     * \param local this node's address
     * \param remote the peer's address
     * \return the count (kept while the tunnel is inactive; 0 for an unknown pair)
     */
    uint64_t GetEncapsulatedCount(Ipv6Address local, Ipv6Address remote) const;

    /**
     * \brief Packets decapsulated from one tunnel.
     * \param local this node's address
     * \param remote the peer's address
     * \return the count (0 for an unknown pair)
     */
    uint64_t GetDecapsulatedCount(Ipv6Address local, Ipv6Address remote) const;

    /**
     * \brief Packets of one tunnel filtered or malformed (both directions).
     * \param local this node's address
     * \param remote the peer's address
     * \return the count (0 for an unknown pair)
     */
    uint64_t GetDropCount(Ipv6Address local, Ipv6Address remote) const;

    /**
     * \brief The end points of the active tunnel on an interface.
     * \param ifIndex an IPv6 interface index (point-to-multipoint: a tunnel identifier)
     * \param local set to this node's address
     * \param remote set to the peer's address
     * \return false (and the addresses untouched) when no active tunnel uses the interface
     */
    bool GetTunnelEndpoints(uint32_t ifIndex, Ipv6Address& local, Ipv6Address& remote) const;

    /**
     * \brief Carry IPv4 over an active tunnel: add its device to the node's IPv4 (once),
     * with forwarding, and set that interface up.
     * \param ifIndex the tunnel's IPv6 interface index (point-to-multipoint: its identifier)
     * \return the IPv4 interface index (point-to-multipoint: the tunnel identifier again, which
     * names the tunnel in IPv4 routes as in IPv6 ones; see GetIpv4OutputInterface()), or
     * NO_INTERFACE when the node has no IPv4 or \p ifIndex is not an active tunnel
     */
    uint32_t EnableIpv4(uint32_t ifIndex);

    /**
     * \brief The IPv4 interface an IPv4 route through a tunnel leaves by.
     * \param tunnel what EnableIpv4() returned: an IPv4 interface index, or a tunnel identifier
     * \return the shared point-to-multipoint device's IPv4 interface for a known identifier
     * whose IPv4 is enabled, NO_INTERFACE for any other identifier; an interface index is
     * returned as it is
     */
    uint32_t GetIpv4OutputInterface(uint32_t tunnel) const;

    /**
     * \brief Number of active tunnels (reference count above zero).
     * \return the count
     */
    uint32_t GetTunnelCount() const;

    /**
     * \brief The reference count of a tunnel.
     * \param local this node's address
     * \param remote the peer's address
     * \return the count (0 when there is no active tunnel)
     */
    uint32_t GetReferenceCount(Ipv6Address local, Ipv6Address remote) const;

    /**
     * \brief Number of packets encapsulated and handed to IPv6.
     * \return the count
     */
    uint64_t GetEncapsulatedCount() const;
    /**
     * \brief Number of packets decapsulated and handed to a tunnel interface.
     * \return the count
     */
    uint64_t GetDecapsulatedCount() const;
    /**
     * \brief Number of packets dropped, all reasons.
     * \return the count
     */
    uint64_t GetDropCount() const;
    /**
     * \brief Number of packets dropped for one reason.
     * \param reason the reason
     * \return the count
     */
    uint64_t GetDropCount(DropReason reason) const;

    /**
     * \brief A name for a drop reason.
     * \param reason the reason
     * \return the name
     */
    static std::string DropReasonName(DropReason reason);

    // IpL4Protocol
    int GetProtocolNumber() const override;
    IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                   const Ipv4Header& header,
                                   Ptr<Ipv4Interface> incomingInterface) override;
    IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                   const Ipv6Header& header,
                                   Ptr<Ipv6Interface> incomingInterface) override;
    /**
     * \brief An IPv4-in-IPv6 packet (next header 4) arrived: decapsulate it onto its tunnel's
     * IPv4 interface (called by the protocol object registered for 4).
     * \param p the payload (the inner IPv4 packet)
     * \param header the outer IPv6 header
     * \return RX_OK (dropped packets are counted)
     */
    IpL4Protocol::RxStatus ReceiveIpv4(Ptr<Packet> p, const Ipv6Header& header);
    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override;
    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override;
    IpL4Protocol::DownTargetCallback GetDownTarget() const override;
    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override;

  protected:
    void NotifyNewAggregate() override;
    void DoDispose() override;

  private:
    /// A tunnel's identity: (local, remote) end points.
    struct TunnelKey
    {
        Ipv6Address local;  ///< this node's end point
        Ipv6Address remote; ///< the peer's end point

        /**
         * \brief Equality.
         * \param other the other key
         * \return true when both addresses are equal
         */
        bool operator==(const TunnelKey& other) const
        {
            return local == other.local && remote == other.remote;
        }
    };

    /// Hash of a TunnelKey.
    struct TunnelKeyHash
    {
        /**
         * \brief Hash a key.
         * \param key the key
         * \return the hash
         */
        size_t operator()(const TunnelKey& key) const;
    };

    /// One tunnel. Never erased (its interface cannot be); refCount 0 = inactive.
    struct Tunnel
    {
        Ptr<VirtualNetDevice> device; ///< the tunnel device
        uint32_t ifIndex;             ///< its IPv6 interface
        uint32_t refCount;            ///< references; 0 = inactive
        Ptr<Ipv6Route> outerRoute;    ///< cached route of the outer packets (nullptr: none)
        uint32_t outerInterface{0};   ///< the interface outerRoute leaves by
        Time outerRouteExpiry;        ///< when outerRoute must be looked up again
        uint64_t encapCount{0};       ///< packets encapsulated into it
        uint64_t decapCount{0};       ///< packets decapsulated from it
        uint64_t dropCount{0};        ///< its packets filtered or malformed
        TunnelKey key;                ///< its end points
    };

    /**
     * \brief The tunnel of a pair when active.
     * \param key the pair
     * \return the tunnel, or nullptr
     */
    const Tunnel* FindActive(const TunnelKey& key) const;

    /**
     * \brief Send callback of a tunnel device: filter, then encapsulate.
     * \param local the tunnel's local end point (bound)
     * \param remote the tunnel's remote end point (bound)
     * \param packet the inner packet, starting with its IPv6 (or IPv4) header
     * \param source device source address (unused)
     * \param dest device destination address (unused)
     * \param protocolNumber the protocol, 0x86DD, or 0x0800 (IPv4-in-IPv6)
     * \return true when the packet was handed to IPv6
     */
    bool TunnelSend(Ipv6Address local,
                    Ipv6Address remote,
                    Ptr<Packet> packet,
                    const Address& source,
                    const Address& dest,
                    uint16_t protocolNumber);

    /**
     * \brief Send callback of the shared point-to-multipoint device: the tunnel named by the
     * packet's tag (SelectTunnel), then TunnelSend.
     * \param packet the inner packet
     * \param source device source address (unused)
     * \param dest device destination address (unused)
     * \param protocolNumber the protocol
     * \return true when the packet was handed to IPv6
     */
    bool SharedSend(Ptr<Packet> packet,
                    const Address& source,
                    const Address& dest,
                    uint16_t protocolNumber);

    /**
     * \brief Create the shared point-to-multipoint device and interface (once).
     * \return its IPv6 interface index
     */
    uint32_t SharedInterface();

    /**
     * \brief Whether an inner packet must not cross the tunnel.
     * \param inner the first 40 octets of the inner packet (its IPv6 header, as on the wire)
     * \param reason set to the reason when filtered
     * \return true when filtered
     */
    bool IsFiltered(const uint8_t* inner, DropReason& reason) const;

    /**
     * \brief The route of a tunnel's outer packets: the cached one while it is valid (see the
     * OuterRouteCacheTime attribute), else looked up and cached.
     * \param tunnel the tunnel
     * \param key its end points
     * \param packet the packet to send (for the lookup)
     * \return the route, or nullptr to let IPv6 look it up (caching disabled, link-local end
     * points, or no route)
     */
    Ptr<Ipv6Route> OuterRoute(Tunnel& tunnel, const TunnelKey& key, Ptr<Packet> packet);

    /**
     * \brief Count and trace a drop.
     * \param p the packet
     * \param reason the reason
     * \param tunnel the tunnel it belongs to (nullptr: none)
     */
    void Drop(Ptr<const Packet> p, DropReason reason, Tunnel* tunnel = nullptr);

    /**
     * \brief The tunnel of a pair when active (mutable).
     * \param key the pair
     * \return the tunnel, or nullptr
     */
    Tunnel* FindActiveMutable(const TunnelKey& key);

    Ptr<Node> m_node;                                               ///< the node
    IpL4Protocol::DownTargetCallback6 m_downTarget6;                ///< IPv6 Send
    IpL4Protocol::DownTargetCallback m_downTarget;                  ///< IPv4 Send (unused)
    std::unordered_map<TunnelKey, Tunnel, TunnelKeyHash> m_tunnels; ///< every tunnel
    std::unordered_map<uint32_t, TunnelKey> m_byInterface;          ///< interface -> pair
    uint32_t m_activeCount;                                         ///< tunnels with refCount > 0
    uint16_t m_tunnelMtu;                                           ///< device MTU
    bool m_filterLinkLocal;                                         ///< drop link-local inner
    bool m_linkLocalAddress;                                        ///< LinkLocalAddress
    Time m_outerRouteCacheTime;                                     ///< OuterRouteCacheTime
    bool m_pointToMultipoint;                                       ///< PointToMultipoint
    Ptr<VirtualNetDevice> m_sharedDevice; ///< the point-to-multipoint device (or nullptr)
    uint32_t m_sharedInterface;           ///< its IPv6 interface (NO_INTERFACE: none yet)
    std::vector<Tunnel*> m_byId;          ///< tunnel identifier - TUNNEL_ID_BASE -> tunnel
    Ptr<Ipv6L3Protocol> m_ipv6;           ///< the node's IPv6
    Ptr<IpL4Protocol> m_ipv4Receiver;     ///< registered for next header 4
    uint64_t m_encapCount;                ///< encapsulated
    uint64_t m_decapCount;                ///< decapsulated
    std::array<uint64_t, DROP_REASON_COUNT> m_dropCounts;              ///< drops per reason
    TracedCallback<Ipv6Address, Ipv6Address, uint32_t> m_createdTrace; ///< tunnel activated
    TracedCallback<Ipv6Address, Ipv6Address, uint32_t> m_removedTrace; ///< tunnel deactivated
    TracedCallback<Ptr<const Packet>, Ipv6Address, Ipv6Address> m_encapTrace; ///< sent
    TracedCallback<Ptr<const Packet>, Ipv6Address, Ipv6Address> m_decapTrace; ///< received
    TracedCallback<Ptr<const Packet>, DropReason> m_dropTrace;                ///< dropped
};

} // namespace ns3

#endif /* PMIPV6_IPV6_TUNNEL_L4_PROTOCOL_H */
