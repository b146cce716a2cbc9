/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_IPV4_FLOW_BINDING_FORWARDER_H
#define PMIPV6_IPV4_FLOW_BINDING_FORWARDER_H

#include "flow-binding-table.h"
#include "ipv6-tunnel-l4-protocol.h"

#include "ns3/ipv4-header.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"

#include <unordered_map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The flow-binding step of the IPv4 data path (RFC 5844 home addresses): classify an
 * IPv4 packet of one flow owner in a FlowBindingTable (IPv4 traffic selectors, RFC 6088
 * format 1), then discard it, or hand it to the IPv4 unicast forward callback once per output
 * (forward, default binding, n-cast) the resolver gives. The IPv4 counterpart of
 * FlowBindingForwarder, used by Ipv4HomeAddressRouting.
 *
 * The resolver maps (flow owner, BID) to an IPv4 interface of the node (the tunnel of that
 * binding, FlowBindingOutput::interface; the next hop is not used: IPv4 tunnels are
 * point-to-point). The cost per packet is the table's Classify (no scan of owners or entries)
 * plus one resolver call per output; the routes handed on are cached per output interface.
 *
 * Point-to-multipoint tunnels (Ipv6TunnelL4Protocol "PointToMultipoint"): an output (or a
 * route's interface, see OutputInterface()) may be a tunnel identifier instead of an IPv4
 * interface index; the packet then leaves by the shared tunnel device's IPv4 interface with
 * the identifier on it (Ipv6TunnelL4Protocol::SelectTunnel, each n-cast copy in turn), as
 * FlowBindingForwarder does for IPv6.
 */
class Ipv4FlowBindingForwarder
{
  public:
    /// What Forward() did with the packet.
    enum Outcome
    {
        NOT_HANDLED = 0, ///< no flow entry or no resolvable BID: use the host route
        DISCARDED,       ///< a DISCARD entry matched: drop it
        FORWARDED,       ///< handed to the forward callback (once per output)
    };

    /// The most outputs of one packet (n-cast copies).
    static constexpr uint32_t MAX_OUTPUTS = 16;

    /**
     * \brief Set the node's IPv4 (for the output devices).
     * \param ipv4 the IPv4 object
     */
    void SetIpv4(Ptr<Ipv4> ipv4);

    /**
     * \brief Set the flow-binding table to classify in (nullptr: none).
     * \param table the table
     */
    void SetTable(Ptr<FlowBindingTable> table);

    /**
     * \brief The flow-binding table.
     * \return the table, or nullptr
     */
    Ptr<FlowBindingTable> GetTable() const;

    /**
     * \brief Set the resolver of (flow owner, BID) to an IPv4 interface.
     * \param resolver the resolver
     */
    void SetResolver(FlowBindingResolver resolver);

    /**
     * \brief Whether a table with entries is set (the per-packet test before Forward()).
     * \return true when Forward() may handle a packet
     */
    bool HasFlows() const
    {
        return m_table && !m_table->IsEmpty();
    }

    /**
     * \brief The key of an IPv4 packet: addresses, ToS, protocol from the header; ports from
     * the first four payload octets for TCP and UDP, the SPI for ESP, only in a packet that is
     * not a later fragment (fragment offset 0).
     * \param header the IPv4 header
     * \param payload the packet after the IPv4 header
     * \return the key (format IPv4)
     */
    static TrafficSelector::FlowKey MakeKey(const Ipv4Header& header, Ptr<const Packet> payload);

    /**
     * \brief Classify a packet of \p owner and act on the result.
     * \param owner the flow owner
     * \param p the packet (after the IPv4 header)
     * \param header its IPv4 header
     * \param ucb the unicast forward callback
     * \param discardedFid set to the matching entry's FID when the packet is DISCARDED
     * \return what was done
     */
    Outcome Forward(uint64_t owner,
                    const Ptr<const Packet>& p,
                    const Ipv4Header& header,
                    const Ipv4RoutingProtocol::UnicastForwardCallback& ucb,
                    uint16_t& discardedFid);

    /**
     * \brief Packets dropped by a DISCARD entry.
     * \return the count
     */
    uint64_t GetDiscardCount() const;

    /**
     * \brief Packet copies handed on by a flow binding or a default binding.
     * \return the count
     */
    uint64_t GetForwardedCount() const;

    /**
     * \brief Drop the table, resolver and cached routes (the owner's DoDispose).
     */
    void Clear();

    /**
     * \brief The IPv4 interface a route's output leaves by: \p interface itself, or for a
     * point-to-multipoint tunnel identifier the shared tunnel device's IPv4 interface (found
     * once, then cached: O(1)).
     * \param interface an IPv4 interface index or a tunnel identifier
     * \return the IPv4 interface, or Ipv6TunnelL4Protocol::NO_INTERFACE when an identifier has
     * no IPv4 interface (IPv4 not enabled on the tunnel)
     */
    uint32_t OutputInterface(uint32_t interface);

    /**
     * \brief Name the tunnel on a packet routed to a tunnel identifier (a packet tag read by
     * the shared tunnel device); nothing for an interface index.
     * \param p the packet
     * \param interface what the route names: an IPv4 interface index or a tunnel identifier
     */
    void SelectTunnel(const Ptr<const Packet>& p, uint32_t interface) const;

  private:
    /**
     * \brief The route out of an IPv4 interface (cached per interface).
     * \param interface the IPv4 interface
     * \return the route
     */
    Ptr<Ipv4Route> OutputRoute(uint32_t interface);

    Ptr<Ipv4> m_ipv4;                                               ///< the node's IPv4
    Ptr<FlowBindingTable> m_table;                                  ///< flow bindings, or nullptr
    FlowBindingResolver m_resolver;                                 ///< (owner, BID) -> interface
    std::unordered_map<uint32_t, Ptr<Ipv4Route>> m_outputRoutes;    ///< route per interface
    uint64_t m_discardCount{0};                                     ///< dropped by DISCARD
    uint64_t m_forwardedCount{0};                                   ///< copies handed on
    Ptr<Ipv6TunnelL4Protocol> m_tunnels;                            ///< for tunnel identifiers
    uint32_t m_sharedInterface{Ipv6TunnelL4Protocol::NO_INTERFACE}; ///< their IPv4 interface
};

} // namespace ns3

#endif /* PMIPV6_IPV4_FLOW_BINDING_FORWARDER_H */
