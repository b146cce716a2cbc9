/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MAG_ROUTING_H
#define PMIPV6_MAG_ROUTING_H

#include "flow-binding-forwarder.h"
#include "flow-binding-table.h"
#include "prefix-table.h"

#include "ns3/ipv6-address.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-routing-protocol.h"

#include <limits>
#include <vector>

namespace ns3
{

class Node;

/**
 * \ingroup pmipv6
 * \brief The MAG's data path (RFC 5213 6.10): source-prefix routing of each mobile node's
 * home network prefix (HNP) between its access link and its tunnel to the LMA.
 *
 * Added to the node's Ipv6ListRouting above Ipv6StaticRouting (Install(), priority 10
 * by default; static routing is at 0), it decides first and declines (returns false /
 * nullptr) every packet it has no binding for, so static routing handles the rest.
 * For each binding it keeps the HNP, the access interface the mobile node is on, the
 * tunnel interface towards its LMA and, optionally, the mobile node's link-local address
 * to use as next hop on the access link.
 *
 * RouteInput, unicast only (multicast and link-local destinations are declined):
 * 1. uplink: the SOURCE is in a bound HNP and the packet arrived on that binding's
 *    access interface: forwarded into the binding's tunnel interface, except with
 *    "EnableLocalRouting" when the destination is in another HNP bound on this MAG: then
 *    forwarded on that binding's access interface (RFC 5213 EnableMAGLocalRouting).
 * 2. downlink: the DESTINATION is in a bound HNP and the packet did not arrive on that
 *    binding's access interface (typically it was just decapsulated from a tunnel):
 *    forwarded on the binding's access interface.
 * RouteOutput: a destination in a bound HNP leaves on the binding's access interface
 * (so the MAG itself reaches its mobile nodes).
 *
 * The lookups are longest-prefix matches over hash maps keyed by the masked prefix, one
 * per prefix length in use (HNPs are usually all /64: one hash lookup per packet), never
 * a scan of the bindings.
 *
 * Flow bindings (optional, SetFlowBindingTable): before the uplink and downlink rules use the
 * binding's tunnel / access interface, RouteInput asks the FlowBindingTable with the binding's
 * flow owner (AddBinding's \p flowOwner, default 0). FORWARD / DEFAULT send the packet to the
 * output the resolver (SetBindingResolver) gives for (flow owner, BID) (another tunnel, another
 * access interface, with its next hop); NCAST one copy to each distinct output; DISCARD drops
 * it (counted); NO_MATCH, or a BID the resolver does not know, falls back to the rules above.
 * Local routing, when it applies, comes first. Without a table, or with an empty one, the
 * per-packet cost is one pointer test.
 *
 * \note Next hop on the access link. Without one (AddBinding with four arguments) the
 * destination itself is the next hop. On a link with neighbour discovery (CSMA, Wi-Fi)
 * ns-3.37 resolves a global destination only from an interface that has an address
 * sharing its prefix: when the MAG's access interface has only its link-local address
 * (the usual PMIPv6 set-up), ns-3 silently drops the packet. Give the mobile node's
 * link-local address as the next hop (it is derived from its link-layer address, which
 * the MAG knows from the attachment); on links without neighbour discovery
 * (point-to-point) none is needed.
 *
 * \note Forwarding must be enabled on the access interfaces (Ipv6::SetForwarding) or
 * Ipv6ListRouting drops what arrives there before asking any protocol; the tunnel
 * interfaces of Ipv6TunnelL4Protocol have it enabled.
 */
class MagRouting : public Ipv6RoutingProtocol
{
  public:
    /// Returned by the lookups when no binding matches.
    static constexpr uint32_t NO_INTERFACE = std::numeric_limits<uint32_t>::max();

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MagRouting();
    ~MagRouting() override;

    /**
     * \brief The MagRouting in a node's Ipv6ListRouting, added when there is none.
     * \param node a node with IPv6 whose routing protocol is an Ipv6ListRouting. NOT the
     *        ns-3.37 InternetStackHelper default (a plain Ipv6StaticRouting, which cannot
     *        be moved into a list afterwards): install the stack with
     *        `Ipv6ListRoutingHelper list; list.Add(Ipv6StaticRoutingHelper(), 0);
     *        stack.SetRoutingHelper(list);` (aborts with that advice otherwise)
     * \param priority its priority in the list (higher is asked first; static routing
     *        is at 0); ignored when the node already has one
     * \return the node's MagRouting
     */
    static Ptr<MagRouting> Install(Ptr<Node> node, int16_t priority = 10);

    /**
     * \brief Add (or replace) the binding of a home network prefix, the destination
     * itself being the next hop on the access link.
     * \param prefix the HNP (bits beyond prefixLength are ignored)
     * \param prefixLength its length, 0 to 128
     * \param accessInterface IPv6 interface of the mobile node's access link
     * \param tunnelInterface IPv6 interface of the tunnel to the LMA
     */
    void AddBinding(Ipv6Address prefix,
                    uint8_t prefixLength,
                    uint32_t accessInterface,
                    uint32_t tunnelInterface);

    /**
     * \brief Add (or replace) the binding of a home network prefix with an explicit next
     * hop on the access link.
     * \param prefix the HNP (bits beyond prefixLength are ignored)
     * \param prefixLength its length, 0 to 128
     * \param accessInterface IPv6 interface of the mobile node's access link
     * \param tunnelInterface IPv6 interface of the tunnel to the LMA
     * \param nextHop the mobile node's link-local address, or :: for the destination
     *        itself
     */
    void AddBinding(Ipv6Address prefix,
                    uint8_t prefixLength,
                    uint32_t accessInterface,
                    uint32_t tunnelInterface,
                    Ipv6Address nextHop);

    /**
     * \brief Add (or replace) the binding of a home network prefix with an explicit next
     * hop on the access link and the owner its packets are flow-classified with.
     * \param prefix the HNP (bits beyond prefixLength are ignored)
     * \param prefixLength its length, 0 to 128
     * \param accessInterface IPv6 interface of the mobile node's access link
     * \param tunnelInterface IPv6 interface of the tunnel to the LMA
     * \param nextHop the mobile node's link-local address, or :: for the destination
     *        itself
     * \param flowOwner the FlowBindingTable owner of the packets of this HNP
     */
    void AddBinding(Ipv6Address prefix,
                    uint8_t prefixLength,
                    uint32_t accessInterface,
                    uint32_t tunnelInterface,
                    Ipv6Address nextHop,
                    uint64_t flowOwner);

    /**
     * \brief Classify uplink and downlink packets with a flow-binding table first.
     * \param table the table (nullptr: none)
     */
    void SetFlowBindingTable(Ptr<FlowBindingTable> table);
    /**
     * \brief The flow-binding table.
     * \return the table, or nullptr
     */
    Ptr<FlowBindingTable> GetFlowBindingTable() const;
    /**
     * \brief Set the resolver of (flow owner, BID) to an output (an access interface with
     * the mobile node's next hop, or a tunnel interface).
     * \param resolver the resolver
     */
    void SetBindingResolver(FlowBindingResolver resolver);
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
     * \brief Remove the binding of a home network prefix (nothing when there is none).
     * \param prefix the HNP
     * \param prefixLength its length
     */
    void RemoveBinding(Ipv6Address prefix, uint8_t prefixLength);

    /**
     * \brief Whether a prefix has a binding.
     * \param prefix the HNP
     * \param prefixLength its length
     * \return true when bound
     */
    bool HasBinding(Ipv6Address prefix, uint8_t prefixLength) const;

    /**
     * \brief Number of bindings.
     * \return the count
     */
    uint32_t GetBindingCount() const;

    /**
     * \brief The tunnel interface of the binding whose HNP holds an address (longest
     * match).
     * \param address an address
     * \return the tunnel interface, or NO_INTERFACE
     */
    uint32_t GetTunnelInterface(Ipv6Address address) const;

    /**
     * \brief The access interface of the binding whose HNP holds an address (longest
     * match).
     * \param address an address
     * \return the access interface, or NO_INTERFACE
     */
    uint32_t GetAccessInterface(Ipv6Address address) const;

    /**
     * \brief Set EnableMAGLocalRouting (RFC 5213 6.10.3, 9).
     * \param enable route between two mobile nodes of this MAG without the LMA
     */
    void SetLocalRouting(bool enable);
    /**
     * \brief EnableMAGLocalRouting.
     * \return true when enabled
     */
    bool GetLocalRouting() const;

    /**
     * \brief Packets from a mobile node routed into a tunnel.
     * \return the count
     */
    uint64_t GetUplinkCount() const;
    /**
     * \brief Packets to a mobile node routed onto its access link (RouteInput only).
     * \return the count
     */
    uint64_t GetDownlinkCount() const;
    /**
     * \brief Packets between two mobile nodes of this MAG routed locally.
     * \return the count
     */
    uint64_t GetLocalRoutedCount() const;

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
    /// One mobile node's binding.
    struct Binding
    {
        Ipv6Address prefix;           ///< HNP, masked
        uint8_t prefixLength;         ///< its length
        uint32_t accessInterface;     ///< access link interface
        uint32_t tunnelInterface;     ///< tunnel interface
        Ipv6Address nextHop;          ///< next hop on the access link, :: = the destination
        Ptr<Ipv6Route> uplinkRoute;   ///< into the tunnel (shared by the packets forwarded)
        Ptr<Ipv6Route> downlinkRoute; ///< onto the access link (likewise)
        uint64_t flowOwner;           ///< the FlowBindingTable owner
    };

    /**
     * \brief Classify a packet of a binding and forward it by its flow binding.
     * \param b the binding
     * \param p the packet
     * \param header its header
     * \param idev the input device
     * \param ucb the forwarding callback
     * \return true when the flow binding decided (forwarded or dropped); false: the binding's
     * own route
     */
    bool RouteFlow(const Binding& b,
                   const Ptr<const Packet>& p,
                   const Ipv6Header& header,
                   const Ptr<const NetDevice>& idev,
                   const UnicastForwardCallback& ucb);

    /**
     * \brief A route out of a binding's access interface.
     * \param binding the binding
     * \param destination the packet's destination
     * \param source the route's source address
     * \return the route
     */
    Ptr<Ipv6Route> AccessRoute(const Binding& binding,
                               Ipv6Address destination,
                               Ipv6Address source) const;

    Ptr<Ipv6> m_ipv6;                   ///< the node's IPv6
    PrefixTable<Binding> m_bindings;    ///< the bindings by home network prefix
    bool m_localRouting;                ///< EnableMAGLocalRouting
    Ptr<const NetDevice> m_inputDevice; ///< the last input device (held)
    int32_t m_inputInterface{-1};       ///< its IPv6 interface (never changes once added)
    uint64_t m_uplinkCount;             ///< routed into a tunnel
    uint64_t m_downlinkCount;           ///< routed onto an access link
    uint64_t m_localCount;              ///< routed locally between two mobile nodes
    FlowBindingForwarder m_flows;       ///< the flow-binding step (table, resolver, counters)
};

} // namespace ns3

#endif /* PMIPV6_MAG_ROUTING_H */
