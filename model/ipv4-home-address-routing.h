/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_IPV4_HOME_ADDRESS_ROUTING_H
#define PMIPV6_IPV4_HOME_ADDRESS_ROUTING_H

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
     * \param interface the IPv4 interface index
     */
    void SetHostRoute(Ipv4Address address, uint32_t interface);

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
     * \brief Remove the source route of \p address when it arrives on \p inInterface.
     * \param address the IPv4 home address
     * \param inInterface the access interface
     * \return true when removed
     */
    bool RemoveSourceRoute(Ipv4Address address, uint32_t inInterface);

    /**
     * \brief The interface of the host route of an address.
     * \param address the address
     * \return the IPv4 interface index, or -1 when none
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
    /// A source route.
    struct SourceRoute
    {
        uint32_t inInterface;  ///< where the MN's packets arrive
        uint32_t outInterface; ///< the tunnel
    };

    /**
     * \brief A route out of an interface, gateway-less (next hop = destination).
     * \param destination the destination
     * \param interface the output interface
     * \return the route
     */
    Ptr<Ipv4Route> MakeRoute(Ipv4Address destination, uint32_t interface) const;

    Ptr<Ipv4> m_ipv4;                                         ///< the node's IPv4
    std::unordered_map<uint32_t, uint32_t> m_hostRoutes;      ///< address -> interface
    std::unordered_map<uint32_t, SourceRoute> m_sourceRoutes; ///< address -> route
};

} // namespace ns3

#endif /* PMIPV6_IPV4_HOME_ADDRESS_ROUTING_H */
