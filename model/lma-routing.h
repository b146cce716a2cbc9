/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_ROUTING_H
#define PMIPV6_LMA_ROUTING_H

#include "flow-binding-forwarder.h"
#include "flow-binding-table.h"
#include "ipv6-tunnel-l4-protocol.h"
#include "prefix-table.h"

#include "ns3/ipv6-address.h"
#include "ns3/ipv6-header.h"
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
 * Prefix routes are keyed by their owner (an opaque 64-bit key of the caller, e.g. a binding
 * cache entry): several owners may route the same prefix (sessions sharing a prefix); the
 * route set or replaced last is the one used, and removing one owner's route leaves the
 * others'. The three-argument calls use DEFAULT_OWNER.
 *
 * An owner's route can become a discard route (SetPrefixDiscard()): the LMA keeps a
 * de-registered mobility session MinDelayBeforeBCEDelete and drops the mobile node's data
 * traffic meanwhile (RFC 5213 5.3.5). A prefix whose routes are all discard routes drops every
 * packet whose destination, or (while any discard route exists) whose source, is in it:
 * silently (no ICMPv6 error), counted (GetDiscardedCount()) and fired through the "Discard"
 * trace. A live route of another owner of the prefix (a session sharing it) is preferred to a
 * discard route. The LMA's own packets to a discarded prefix get no route from LmaRouting.
 *
 * Flow bindings (optional, SetFlowBindingTable): RouteInput asks the FlowBindingTable with the
 * selected prefix route's flow owner before using the prefix route. FORWARD / DEFAULT send the
 * packet to the output the resolver (SetBindingResolver) gives for (flow owner, BID); NCAST
 * sends one copy to each distinct output of the entry's BIDs; DISCARD drops it (counted,
 * FlowDiscard trace); NO_MATCH, or a BID the resolver does not know, uses the prefix route.
 * Without a table, or with an empty one, the per-packet cost is one pointer test and one
 * size test. RouteOutput (the LMA's own packets) uses the prefix route only.
 *
 * A route's tunnel may be a point-to-multipoint tunnel identifier
 * (Ipv6TunnelL4Protocol "PointToMultipoint"): the route then leaves by the shared tunnel
 * interface and the packet is given its tunnel (Ipv6TunnelL4Protocol::SelectTunnel) before it
 * is forwarded or sent.
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
    /// The owner of the routes set without an owner.
    static constexpr uint64_t DEFAULT_OWNER = 0;

    /// Maps (flow owner, BID) to an output (a tunnel interface); see FlowBindingResolver.
    typedef FlowBindingResolver BindingResolver;
    /**
     * \brief TracedCallback signature of FlowDiscard.
     * \param header the IPv6 header of the dropped packet
     * \param packet the packet (payload)
     * \param flowOwner the flow owner
     * \param fid the FID of the discarding entry
     */
    typedef void (*FlowDiscardTracedCallback)(const Ipv6Header& header,
                                              Ptr<const Packet> packet,
                                              uint64_t flowOwner,
                                              uint16_t fid);

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
     * \brief Route a prefix into a tunnel interface for DEFAULT_OWNER, replacing that
     * owner's route of the prefix.
     * \param prefix the prefix (bits beyond length are ignored)
     * \param length its length, 0 to 128
     * \param tunnelInterface the IPv6 interface of the tunnel
     */
    void SetPrefixRoute(Ipv6Address prefix, uint8_t length, uint32_t tunnelInterface);

    /**
     * \brief Route a prefix into a tunnel interface for an owner, replacing that owner's route
     * of the prefix; the route becomes the prefix's selected one. Flow classification uses
     * \p flowOwner.
     * \param prefix the prefix (bits beyond length are ignored)
     * \param length its length, 0 to 128
     * \param tunnelInterface the IPv6 interface of the tunnel
     * \param owner the route's owner (e.g. a binding cache entry)
     * \param flowOwner the FlowBindingTable owner of the packets this route selects (e.g. the
     *        mobile node, shared by the sessions of a shared prefix)
     */
    void SetPrefixRoute(Ipv6Address prefix,
                        uint8_t length,
                        uint32_t tunnelInterface,
                        uint64_t owner,
                        uint64_t flowOwner);

    /**
     * \brief SetPrefixRoute with flowOwner = owner.
     * \param prefix the prefix (bits beyond length are ignored)
     * \param length its length, 0 to 128
     * \param tunnelInterface the IPv6 interface of the tunnel
     * \param owner the route's owner, also its flow owner
     */
    void SetPrefixRoute(Ipv6Address prefix,
                        uint8_t length,
                        uint32_t tunnelInterface,
                        uint64_t owner);

    /**
     * \brief Make an owner's route of a prefix a discard route (adding one when the owner has
     * no route): its packets are dropped until the owner's SetPrefixRoute() or
     * RemovePrefixRoute(), unless another owner has a live route of the prefix (RFC 5213
     * 5.3.5).
     * \param prefix the prefix (bits beyond length are ignored)
     * \param length its length, 0 to 128
     * \param owner the owner
     */
    void SetPrefixDiscard(Ipv6Address prefix, uint8_t length, uint64_t owner = DEFAULT_OWNER);

    /**
     * \brief Whether a prefix drops its packets (every route of it is a discard route).
     * \param prefix the prefix
     * \param length its length
     * \return true when its packets are dropped
     */
    bool IsPrefixDiscarded(Ipv6Address prefix, uint8_t length) const;

    /**
     * \brief Remove the routes of a prefix, of every owner (nothing when there is none).
     * \param prefix the prefix
     * \param length its length
     */
    void RemovePrefixRoute(Ipv6Address prefix, uint8_t length);

    /**
     * \brief Remove one owner's route of a prefix; the other owners' routes stay (the one set
     * last among them becomes the selected one).
     * \param prefix the prefix
     * \param length its length
     * \param owner the owner
     * \return true when there was one
     */
    bool RemovePrefixRoute(Ipv6Address prefix, uint8_t length, uint64_t owner);

    /**
     * \brief Whether a prefix has a route (of any owner).
     * \param prefix the prefix
     * \param length its length
     * \return true when routed
     */
    bool HasPrefixRoute(Ipv6Address prefix, uint8_t length) const;

    /**
     * \brief Whether an owner has a route of a prefix.
     * \param prefix the prefix
     * \param length its length
     * \param owner the owner
     * \return true when routed
     */
    bool HasPrefixRoute(Ipv6Address prefix, uint8_t length, uint64_t owner) const;

    /**
     * \brief Number of prefix routes (one per owner and prefix).
     * \return the count
     */
    uint32_t GetRouteCount() const;

    /**
     * \brief Classify downlink packets with a flow-binding table before the prefix route.
     * \param table the table (nullptr: none)
     */
    void SetFlowBindingTable(Ptr<FlowBindingTable> table);
    /**
     * \brief The flow-binding table.
     * \return the table, or nullptr
     */
    Ptr<FlowBindingTable> GetFlowBindingTable() const;
    /**
     * \brief Set the resolver of (flow owner, BID) to an output (a tunnel interface).
     * \param resolver the resolver
     */
    void SetBindingResolver(BindingResolver resolver);
    /**
     * \brief Packets dropped by a DISCARD flow binding.
     * \return the count
     */
    uint64_t GetFlowDiscardCount() const;
    /**
     * \brief Packets (copies) sent to an output chosen by a flow binding or a default BID.
     * \return the count
     */
    uint64_t GetFlowForwardedCount() const;

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

    /**
     * \brief The tunnel interface a destination is routed into (longest match).
     * \param destination an address
     * \return the tunnel interface, or NO_INTERFACE
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
    /// The route of one prefix for one owner.
    struct PrefixRoute
    {
        Ipv6Address prefix;       ///< the prefix, masked
        uint8_t length;           ///< its length
        uint32_t tunnelInterface; ///< the tunnel interface
        Ptr<Ipv6Route> route;     ///< into the tunnel (shared by the packets forwarded)
        uint64_t owner;           ///< the owner
        uint64_t flowOwner;       ///< the FlowBindingTable owner
        bool discard{false};      ///< a discard route (RFC 5213 5.3.5)
    };

    /// The routes of one prefix, by owner; the last one is selected. Discard routes come
    /// before live ones, so the selected route is a discard route only when all are.
    struct PrefixRoutes
    {
        std::vector<PrefixRoute> routes; ///< oldest first, never empty in the table
    };

    /**
     * \brief Classify a routed packet and forward it by its flow binding.
     * \param r the selected prefix route
     * \param p the packet
     * \param header its header
     * \param idev the input device
     * \param ucb the forwarding callback
     * \return true when the flow binding decided (forwarded or dropped); false: use \p r
     */
    bool RouteFlow(const PrefixRoute& r,
                   const Ptr<const Packet>& p,
                   const Ipv6Header& header,
                   const Ptr<const NetDevice>& idev,
                   const UnicastForwardCallback& ucb);

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

    Ptr<Ipv6> m_ipv6;                    ///< the node's IPv6
    Ptr<Ipv6TunnelL4Protocol> m_tunnels; ///< for tunnel identifiers (found when first needed)
    PrefixTable<PrefixRoutes> m_routes;  ///< the prefix routes
    uint32_t m_routeCount;               ///< routes (owner, prefix)
    uint64_t m_forwardedCount;           ///< RouteInput hits
    uint64_t m_outputCount;              ///< RouteOutput hits
    FlowBindingForwarder m_flows;        ///< the flow-binding step (table, resolver, counters)
    uint64_t m_discardedCount;           ///< packets dropped by discard routes
    uint32_t m_discardRoutes;            ///< discard routes (source check when > 0)
    /// "Discard": a packet dropped by a discard route
    TracedCallback<Ptr<const Packet>, const Ipv6Header&> m_discardTrace;
    TracedCallback<const Ipv6Header&, Ptr<const Packet>, uint64_t, uint16_t>
        m_flowDiscardTrace; ///< FlowDiscard
};

} // namespace ns3

#endif /* PMIPV6_LMA_ROUTING_H */
