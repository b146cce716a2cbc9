/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_IPV4_HOME_ADDRESS_ROUTING_H
#define PMIPV6_IPV4_HOME_ADDRESS_ROUTING_H

#include "ipv4-flow-binding-forwarder.h"

#include "ns3/ipv4-address.h"
#include "ns3/ipv4-routing-protocol.h"

#include <unordered_map>

namespace ns3
{

class Node;

/**
 * \ingroup pmipv6
 * \brief IPv4 routes of mobile nodes' IPv4 home addresses (RFC 5844), looked up in hash
 * tables (O(1) per packet, whatever the number of MNs).
 *
 * Two tables, both keyed by an IPv4 home address:
 * - host routes (destination = the address): the LMA's route into the MN's tunnel, the MAG's
 *   route onto the MN's access link (gateway-less: the MN is on link, resolved by ARP);
 * - source routes (the MAG): a packet from the address that arrives on the MN's access
 *   interface is forwarded into the tunnel to the LMA, whatever its destination (RFC 5844
 *   section 3: the MAG sends the MN's IPv4 traffic to the LMA).
 *
 * A packet that matches neither table is left to the next protocol of the node's
 * Ipv4ListRouting (Ipv4StaticRouting). Install() puts one instance in that list, above the
 * static routing.
 *
 * Flow bindings (optional, SetFlowBindingTable): a route set with a flow owner has its
 * packets classified in the FlowBindingTable under that owner first (IPv4 traffic selectors;
 * Ipv4FlowBindingForwarder): FORWARD / DEFAULT / NCAST send them to the IPv4 interfaces the
 * resolver gives for the winning entry's BIDs, DISCARD drops them, no match (or no BID
 * resolved) uses the route itself. Cost per packet: the hash lookup of the route and the
 * table's Classify of that one owner.
 *
 * Point-to-multipoint tunnels (the LMA's "PointToMultipointTunnel"): a route's interface may
 * be a tunnel identifier (Ipv6TunnelL4Protocol::EnableIpv4 returns it for such a tunnel); the
 * packet then leaves by the shared tunnel device's IPv4 interface, named on the packet with
 * Ipv6TunnelL4Protocol::SelectTunnel (O(1), as LmaRouting does for IPv6).
 */
class Ipv4HomeAddressRouting : public Ipv4RoutingProtocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Ipv4HomeAddressRouting();
    ~Ipv4HomeAddressRouting() override;

    /**
     * \brief The node's instance: the one in its Ipv4ListRouting, else a new one added to it.
     * \param node a node with IPv4 whose routing is an Ipv4ListRouting
     * \return the protocol, or nullptr when the node has no IPv4 or no Ipv4ListRouting
     */
    static Ptr<Ipv4HomeAddressRouting> Install(Ptr<Node> node);

    /**
     * \brief Route packets to \p address out of \p interface (replaces the previous route).
     * \param address the IPv4 home address
     * \param interface the IPv4 interface index, or a point-to-multipoint tunnel identifier
     */
    void SetHostRoute(Ipv4Address address, uint32_t interface);

    /**
     * \brief Route packets to \p address out of \p interface, classifying them first under
     * \p flowOwner in the flow-binding table (replaces the previous route).
     * \param address the IPv4 home address
     * \param interface the IPv4 interface index, or a point-to-multipoint tunnel identifier
     * \param flowOwner the FlowBindingTable owner of the packets to \p address
     */
    void SetHostRoute(Ipv4Address address, uint32_t interface, uint64_t flowOwner);

    /**
     * \brief Remove the host route of \p address when it leaves by \p interface.
     * \param address the IPv4 home address
     * \param interface the interface it must use to be removed
     * \return true when removed
     */
    bool RemoveHostRoute(Ipv4Address address, uint32_t interface);

    /**
     * \brief Forward packets from \p address arriving on \p inInterface out of \p outInterface.
     * \param address the IPv4 home address (the packets' source)
     * \param inInterface the access interface they arrive on
     * \param outInterface the tunnel's IPv4 interface
     */
    void SetSourceRoute(Ipv4Address address, uint32_t inInterface, uint32_t outInterface);

    /**
     * \brief SetSourceRoute whose packets are classified first under \p flowOwner in the
     * flow-binding table (uplink per flow).
     * \param address the IPv4 home address (the packets' source)
     * \param inInterface the access interface they arrive on
     * \param outInterface the tunnel's IPv4 interface
     * \param flowOwner the FlowBindingTable owner of the packets from \p address
     */
    void SetSourceRoute(Ipv4Address address,
                        uint32_t inInterface,
                        uint32_t outInterface,
                        uint64_t flowOwner);

    /// SetLocalRoute's interface: the destination's host route on this node.
    static constexpr uint32_t HOST_ROUTE_INTERFACE = ~uint32_t(0);

    /**
     * \brief A local route (draft-wu-netext-local-ro-02 section 6, IPv4-MN-HoAs): a packet from
     * \p source that matches its source route (it arrived on the MN's access interface) and is
     * for \p destination leaves by \p interface instead of the tunnel to the LMA.
     * \param source the sending MN's IPv4 home address
     * \param destination the correspondent MN's IPv4 home address
     * \param interface the output IPv4 interface (a MAG-MAG tunnel), or HOST_ROUTE_INTERFACE:
     * the destination's host route here (intra-MAG: its access link); when that route is gone
     * (the correspondent left), the packet takes the source route again
     */
    void SetLocalRoute(Ipv4Address source,
                       Ipv4Address destination,
                       uint32_t interface = HOST_ROUTE_INTERFACE);

    /**
     * \brief Remove a local route.
     * \param source the sending MN's IPv4 home address
     * \param destination the correspondent MN's IPv4 home address
     * \return true when removed
     */
    bool RemoveLocalRoute(Ipv4Address source, Ipv4Address destination);

    /**
     * \brief Whether a local route exists.
     * \param source the sending MN's IPv4 home address
     * \param destination the correspondent MN's IPv4 home address
     * \return true when it exists
     */
    bool HasLocalRoute(Ipv4Address source, Ipv4Address destination) const;

    /**
     * \brief IPv4 packets forwarded by a local route.
     * \return the count
     */
    uint64_t GetLocalRoutedCount() const;

    /**
     * \brief Set the flow-binding table the routes with a flow owner classify in.
     * \param table the table (nullptr: none)
     */
    void SetFlowBindingTable(Ptr<FlowBindingTable> table);

    /**
     * \brief The flow-binding table.
     * \return the table, or nullptr
     */
    Ptr<FlowBindingTable> GetFlowBindingTable() const;

    /**
     * \brief Set the resolver of (flow owner, BID) to an IPv4 interface of the node.
     * \param resolver the resolver
     */
    void SetBindingResolver(FlowBindingResolver resolver);

    /**
     * \brief IPv4 packet copies a flow binding (or default binding) sent somewhere.
     * \return the count
     */
    uint64_t GetFlowForwardedCount() const;

    /**
     * \brief IPv4 packets dropped by a DISCARD flow binding.
     * \return the count
     */
    uint64_t GetFlowDiscardCount() const;

    /**
     * \brief Remove the source route of \p address when it arrives on \p inInterface.
     * \param address the IPv4 home address
     * \param inInterface the access interface
     * \return true when removed
     */
    bool RemoveSourceRoute(Ipv4Address address, uint32_t inInterface);

    /**
     * \brief The interface of the host route of an address.
     * \param address the address
     * \return the IPv4 interface index (or tunnel identifier), or -1 when none
     */
    int32_t GetHostRouteInterface(Ipv4Address address) const;

    /**
     * \brief The tunnel interface of the source route of an address.
     * \param address the address
     * \return the IPv4 interface index, or -1 when none
     */
    int32_t GetSourceRouteInterface(Ipv4Address address) const;

    // Ipv4RoutingProtocol
    Ptr<Ipv4Route> RouteOutput(Ptr<Packet> p,
                               const Ipv4Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv4Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void SetIpv4(Ptr<Ipv4> ipv4) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /// No flow owner: the route's packets are not classified.
    static constexpr uint64_t NO_FLOW_OWNER = ~uint64_t(0);

    /// A host route.
    struct HostRoute
    {
        uint32_t interface;                ///< the output interface
        uint64_t flowOwner{NO_FLOW_OWNER}; ///< classify under this owner first
    };

    /// A source route.
    struct SourceRoute
    {
        uint32_t inInterface;              ///< where the MN's packets arrive
        uint32_t outInterface;             ///< the tunnel
        uint64_t flowOwner{NO_FLOW_OWNER}; ///< classify under this owner first
    };

    /**
     * \brief The flow-binding step of a route's packet.
     * \param flowOwner the route's flow owner
     * \param p the packet
     * \param header its header
     * \param ucb the unicast forward callback
     * \return true when the packet was forwarded or discarded by a flow binding
     */
    bool RouteFlow(uint64_t flowOwner,
                   const Ptr<const Packet>& p,
                   const Ipv4Header& header,
                   const UnicastForwardCallback& ucb);

    /**
     * \brief A route out of an interface, gateway-less (next hop = destination).
     * \param destination the destination
     * \param interface the output interface
     * \return the route
     */
    Ptr<Ipv4Route> MakeRoute(Ipv4Address destination, uint32_t interface) const;

    /**
     * \brief Whether what a route names (an IPv4 interface or a point-to-multipoint tunnel
     * identifier) can be used, and the IPv4 interface it leaves by.
     * \param interface the route's interface or tunnel identifier
     * \param out set to the IPv4 interface
     * \return true when \p out exists and is up
     */
    bool Usable(uint32_t interface, uint32_t& out);

    Ptr<Ipv4> m_ipv4;                                         ///< the node's IPv4
    std::unordered_map<uint32_t, HostRoute> m_hostRoutes;     ///< address -> route
    std::unordered_map<uint32_t, SourceRoute> m_sourceRoutes; ///< address -> route
    Ipv4FlowBindingForwarder m_flows;                         ///< the flow-binding step
    std::unordered_map<uint64_t, uint32_t> m_localRoutes;     ///< (source, dest) -> interface
    uint64_t m_localRouted{0};                                ///< packets by a local route
};

} // namespace ns3

#endif /* PMIPV6_IPV4_HOME_ADDRESS_ROUTING_H */
