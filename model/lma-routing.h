/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_ROUTING_H
#define PMIPV6_LMA_ROUTING_H

#include "prefix-table.h"

#include "ns3/ipv6-address.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/traced-callback.h"

#include <limits>
#include <vector>

namespace ns3
{

class Node;

/**
 * \ingroup pmipv6
 * \brief The LMA's downlink data path (RFC 5213 5.6.2): a packet to a mobile node's home
 * network prefix goes into the tunnel to the MAG serving it.
 *
 * Added to the node's Ipv6ListRouting above Ipv6StaticRouting (Install(), priority 10 by
 * default; static routing is at 0). It holds one route per prefix: prefix -> tunnel
 * interface (Ipv6TunnelL4Protocol). RouteInput forwards a packet whose destination is in
 * a routed prefix into that tunnel interface; RouteOutput does the same for the LMA's
 * own packets. Anything else is declined, so static routing handles it (in particular
 * the uplink: packets decapsulated from a tunnel go wherever static routing sends them).
 *
 * The lookup is a longest-prefix match over hash maps keyed by the masked prefix, one per
 * prefix length in use: one hash lookup per packet when all prefixes are /64.
 *
 * A prefix can also hold a discard route (SetPrefixDiscard()): the LMA keeps a
 * de-registered mobility session MinDelayBeforeBCEDelete and drops the mobile node's data
 * traffic meanwhile (RFC 5213 5.3.5). A packet whose destination, or (while any discard
 * route exists) whose source, is in a discarded prefix is dropped silently (no ICMPv6
 * error), counted (GetDiscardedCount()) and fired through the "Discard" trace. The LMA's own
 * packets to a discarded prefix get no route from LmaRouting (the next protocol of the list
 * decides).
 *
 * \note Every packet takes one path, SelectRoute(): the place where a per-flow classifier
 * (several tunnels per prefix) plugs in.
 *
 * \note A packet from one mobile node to another behind the same MAG arrives on a tunnel
 * interface and leaves on the same one; ns-3's IpForward then sends the source an ICMPv6
 * Redirect from the tunnel's link-local address, which Ipv6TunnelL4Protocol filters
 * (counted as a link-local drop). Set Ipv6L3Protocol's "SendIcmpv6Redirect" to false on
 * the LMA to avoid generating them.
 */
class LmaRouting : public Ipv6RoutingProtocol
{
  public:
    /// Returned by the lookups when no route matches.
    static constexpr uint32_t NO_INTERFACE = std::numeric_limits<uint32_t>::max();

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LmaRouting();
    ~LmaRouting() override;

    /**
     * \brief The LmaRouting in a node's Ipv6ListRouting, added when there is none.
     * \param node a node with IPv6 whose routing protocol is an Ipv6ListRouting. NOT the
     *        ns-3.37 InternetStackHelper default (a plain Ipv6StaticRouting, which cannot
     *        be moved into a list afterwards): install the stack with
     *        `Ipv6ListRoutingHelper list; list.Add(Ipv6StaticRoutingHelper(), 0);
     *        stack.SetRoutingHelper(list);` (aborts with that advice otherwise)
     * \param priority its priority in the list (higher is asked first; static routing
     *        is at 0); ignored when the node already has one
     * \return the node's LmaRouting
     */
    static Ptr<LmaRouting> Install(Ptr<Node> node, int16_t priority = 10);

    /**
     * \brief Route a prefix into a tunnel interface, replacing any route of the same
     * prefix.
     * \param prefix the prefix (bits beyond length are ignored)
     * \param length its length, 0 to 128
     * \param tunnelInterface the IPv6 interface of the tunnel
     */
    void SetPrefixRoute(Ipv6Address prefix, uint8_t length, uint32_t tunnelInterface);

    /**
     * \brief Make a prefix a discard route, replacing any route of the same prefix: its
     * packets are dropped until SetPrefixRoute() or RemovePrefixRoute() (RFC 5213 5.3.5).
     * \param prefix the prefix (bits beyond length are ignored)
     * \param length its length, 0 to 128
     */
    void SetPrefixDiscard(Ipv6Address prefix, uint8_t length);

    /**
     * \brief Whether a prefix holds a discard route.
     * \param prefix the prefix
     * \param length its length
     * \return true when its packets are dropped
     */
    bool IsPrefixDiscarded(Ipv6Address prefix, uint8_t length) const;

    /**
     * \brief Remove the route of a prefix (nothing when there is none).
     * \param prefix the prefix
     * \param length its length
     */
    void RemovePrefixRoute(Ipv6Address prefix, uint8_t length);

    /**
     * \brief Whether a prefix has a route (into a tunnel, or a discard route).
     * \param prefix the prefix
     * \param length its length
     * \return true when routed
     */
    bool HasPrefixRoute(Ipv6Address prefix, uint8_t length) const;

    /**
     * \brief Number of prefix routes, discard routes included.
     * \return the count
     */
    uint32_t GetRouteCount() const;

    /**
     * \brief The tunnel interface a destination is routed into (longest match).
     * \param destination an address
     * \return the tunnel interface, or NO_INTERFACE (also for a discard route)
     */
    uint32_t GetTunnelInterface(Ipv6Address destination) const;

    /**
     * \brief Packets forwarded into a tunnel (RouteInput).
     * \return the count
     */
    uint64_t GetForwardedCount() const;
    /**
     * \brief Routes given for the LMA's own packets (RouteOutput).
     * \return the count
     */
    uint64_t GetOutputCount() const;
    /**
     * \brief Packets dropped by a discard route (RouteInput).
     * \return the count
     */
    uint64_t GetDiscardedCount() const;

    /**
     * \brief TracedCallback signature for a packet dropped by a discard route.
     * \param packet the packet (payload)
     * \param header its IPv6 header
     */
    typedef void (*DiscardTracedCallback)(Ptr<const Packet> packet, const Ipv6Header& header);

    // Ipv6RoutingProtocol
    Ptr<Ipv6Route> RouteOutput(Ptr<Packet> p,
                               const Ipv6Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyAddRoute(Ipv6Address dst,
                        Ipv6Prefix mask,
                        Ipv6Address nextHop,
                        uint32_t interface,
                        Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void NotifyRemoveRoute(Ipv6Address dst,
                           Ipv6Prefix mask,
                           Ipv6Address nextHop,
                           uint32_t interface,
                           Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void SetIpv6(Ptr<Ipv6> ipv6) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /// The route of one prefix.
    struct PrefixRoute
    {
        Ipv6Address prefix;       ///< the prefix, masked
        uint8_t length;           ///< its length
        uint32_t tunnelInterface; ///< the tunnel interface (NO_INTERFACE: discard)
        Ptr<Ipv6Route> route;     ///< into the tunnel (shared by the packets forwarded)
        bool discard;             ///< a discard route (RFC 5213 5.3.5)
    };

    /**
     * \brief Insert a route, keeping the count of discard routes.
     * \param r the route
     */
    void InsertRoute(const PrefixRoute& r);

    /**
     * \brief The route a packet takes: the one decision point of the downlink.
     * \param header the packet's IPv6 header
     * \param p the packet (payload), for a future per-flow classifier
     * \return the route, or nullptr when the destination is not routed here
     */
    const PrefixRoute* SelectRoute(const Ipv6Header& header, Ptr<const Packet> p) const;

    /**
     * \brief Source address for the LMA's own packets into a tunnel interface: a global
     * address of the interface, else the tunnel's local end point, else any global
     * address of the node.
     * \param tunnelInterface the interface
     * \return the address (:: when the node has no global address)
     */
    Ipv6Address SourceFor(uint32_t tunnelInterface) const;

    Ptr<Ipv6> m_ipv6;                  ///< the node's IPv6
    PrefixTable<PrefixRoute> m_routes; ///< the prefix routes
    uint64_t m_forwardedCount;         ///< RouteInput hits
    uint64_t m_outputCount;            ///< RouteOutput hits
    uint64_t m_discardedCount;         ///< packets dropped by discard routes
    uint32_t m_discardRoutes;          ///< number of discard routes (source check when > 0)
    /// "Discard": a packet dropped by a discard route
    TracedCallback<Ptr<const Packet>, const Ipv6Header&> m_discardTrace;
};

} // namespace ns3

#endif /* PMIPV6_LMA_ROUTING_H */
