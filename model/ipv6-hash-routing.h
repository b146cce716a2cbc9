/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_IPV6_HASH_ROUTING_H
#define PMIPV6_IPV6_HASH_ROUTING_H

#include "prefix-table.h"

#include "ns3/ipv6-address.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-routing-protocol.h"

#include <unordered_map>
#include <vector>

namespace ns3
{

class Node;

/**
 * \ingroup pmipv6
 * \brief Unicast IPv6 routing for transport nodes (LMA, MAG, core routers) whose lookups
 * cost the same whatever the number of routes and interfaces: hashed longest-prefix match,
 * and local delivery of the node's own addresses from any interface.
 *
 * Ipv6StaticRouting scans its whole route list for every lookup, and a node with one link per
 * MAG (an LMA at the centre of a star) holds a route per link: its per-packet cost grows with
 * the number of MAGs. This protocol sits in the node's Ipv6ListRouting above
 * Ipv6StaticRouting (Install(), priority 1 by default; the LMA's and MAG's own routing
 * protocols are at 10) and handles global unicast destinations only:
 * - RouteInput: a destination that is a global address of this node (on an interface that is
 *   up) is delivered locally, whatever interface the packet arrived on (with ns-3's default
 *   strong end system model, Ipv6L3Protocol would otherwise forward the packet through static
 *   routing to the address's own interface and receive it there a second time); otherwise the
 *   longest matching route forwards it;
 * - RouteOutput: the longest matching route, the source address chosen as
 *   Ipv6StaticRouting chooses it.
 * Its routes are the on-link prefixes of the node's global addresses (learnt, as static
 * routing learns them, from the route notifications of Ipv6L3Protocol) and the routes added
 * with AddNetworkRouteTo() and SetDefaultRoute(). Multicast and link-local destinations,
 * destinations without a matching route, and an output interface (\p oif) other than the
 * route's are declined: the next protocol in the list (static routing) decides them.
 *
 * The lookups are PrefixTable lookups: one hash probe per distinct prefix length in the table
 * (three in a Pmipv6TopologyHelper domain: /64 links, /48 home network prefix blocks, the
 * default route). Removing an interface's routes (interface down) costs the routes of that
 * interface. Unlike Ipv6StaticRouting there are no metrics: a prefix has one route, the first
 * one added (an on-link prefix is added before any route the helper configures).
 */
class Ipv6HashRouting : public Ipv6RoutingProtocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Ipv6HashRouting();
    ~Ipv6HashRouting() override;

    /**
     * \brief The Ipv6HashRouting in a node's Ipv6ListRouting, added when there is none.
     * \param node a node with IPv6 whose routing protocol is an Ipv6ListRouting (see
     *        LmaRouting::Install)
     * \param priority its priority in the list; ignored when the node already has one
     * \return the node's Ipv6HashRouting
     */
    static Ptr<Ipv6HashRouting> Install(Ptr<Node> node, int16_t priority = 1);

    /**
     * \brief Add a route to a network through a gateway (or on-link with the any address).
     * \param network the network (bits beyond \p length are ignored)
     * \param length the prefix length (0: a default route)
     * \param nextHop the gateway, or Ipv6Address::GetAny() for an on-link route
     * \param interface the output interface
     * \return false (and nothing changed) when the prefix already has a route
     */
    bool AddNetworkRouteTo(Ipv6Address network,
                           uint8_t length,
                           Ipv6Address nextHop,
                           uint32_t interface);

    /**
     * \brief Add the default route (::/0).
     * \param nextHop the gateway
     * \param interface the output interface
     * \return false when there is one already
     */
    bool SetDefaultRoute(Ipv6Address nextHop, uint32_t interface);

    /**
     * \brief Remove the route of a prefix.
     * \param network the network
     * \param length the prefix length
     * \return false when the prefix had no route
     */
    bool RemoveRoute(Ipv6Address network, uint8_t length);

    /**
     * \brief Number of routes (on-link prefixes included).
     * \return the count
     */
    uint32_t GetNRoutes() const;

    /**
     * \brief Whether an address is one of this node's global addresses on an interface
     * that is up (delivered locally by RouteInput).
     * \param address the address
     * \return true when local
     */
    bool IsLocalAddress(Ipv6Address address) const;

    /**
     * \brief The route RouteInput would forward a packet to \p destination with (whether
     * or not the destination is local).
     * \param destination the destination
     * \param interface set to the output interface
     * \param gateway set to the gateway (the any address: on-link)
     * \return false when no route matches (the addresses are then untouched)
     */
    bool Lookup(Ipv6Address destination, uint32_t& interface, Ipv6Address& gateway) const;

    /**
     * \brief Number of packets delivered locally by RouteInput.
     * \return the count
     */
    uint64_t GetLocalDeliveredCount() const;

    /**
     * \brief Number of packets forwarded by RouteInput.
     * \return the count
     */
    uint64_t GetForwardedCount() const;

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
    /// One route.
    struct Route
    {
        Ipv6Address network;  ///< the network (masked)
        uint8_t length;       ///< its prefix length
        Ipv6Address gateway;  ///< the gateway (any: on-link)
        uint32_t interface;   ///< the output interface
        Ptr<Ipv6Route> route; ///< the route handed to the forwarding callback
    };

    /**
     * \brief Whether this protocol decides a destination (global unicast).
     * \param address the destination
     * \return true when handled
     */
    static bool IsHandled(Ipv6Address address);

    /**
     * \brief Add the local addresses of an interface that is up.
     * \param interface the interface
     */
    void AddInterfaceAddresses(uint32_t interface);

    /**
     * \brief Forget one local address.
     * \param address the address
     */
    void RemoveLocalAddress(Ipv6Address address);

    /// A prefix: network and length.
    typedef std::pair<Ipv6Address, uint8_t> Prefix;

    Ptr<Ipv6> m_ipv6;                               ///< the node's IPv6
    PrefixTable<Route> m_routes;                    ///< the routes
    std::vector<std::vector<Prefix>> m_byInterface; ///< per interface: its routes' prefixes
    std::vector<std::vector<Ipv6Address>>
        m_localByInterface; ///< per interface: its local addresses
    std::unordered_map<Ipv6Address, uint32_t, Ipv6AddressHash>
        m_local;                  ///< local global addresses (interfaces holding each)
    uint64_t m_localCount{0};     ///< packets delivered locally
    uint64_t m_forwardedCount{0}; ///< packets forwarded
};

} // namespace ns3

#endif /* PMIPV6_IPV6_HASH_ROUTING_H */
