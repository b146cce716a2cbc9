/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_FLOW_BINDING_FORWARDER_H
#define PMIPV6_FLOW_BINDING_FORWARDER_H

#include "flow-binding-table.h"
#include "ipv6-tunnel-l4-protocol.h"

#include "ns3/ipv6-route.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/ipv6.h"

#include <unordered_map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The flow-binding step of a data path, shared by LmaRouting and MagRouting: classify
 * a packet of one flow owner in a FlowBindingTable, then discard it, or hand it to the unicast
 * forward callback once per output (forward, default binding, n-cast) the resolver gives.
 *
 * A plain member of the routing protocol (not an Object); the routes handed to the callback
 * are cached per output interface, so the per-packet path allocates nothing once warm.
 */
class FlowBindingForwarder
{
  public:
    /// What Forward() did with the packet.
    enum Outcome
    {
        NOT_HANDLED = 0, ///< no flow entry or no resolvable BID: use the prefix route
        DISCARDED,       ///< a DISCARD entry matched: drop it
        FORWARDED,       ///< handed to the forward callback (once per output)
    };

    /// The most outputs of one packet (n-cast copies).
    static constexpr uint32_t MAX_OUTPUTS = 16;

    /**
     * \brief Set the node's IPv6 (for the output devices).
     * \param ipv6 the IPv6 object
     */
    void SetIpv6(Ptr<Ipv6> ipv6);

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
     * \brief Set the resolver of (flow owner, BID) to an output.
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
     * \brief Classify a packet of \p owner and act on the result.
     * \param owner the flow owner
     * \param p the packet
     * \param header its IPv6 header
     * \param idev the input device
     * \param ucb the unicast forward callback
     * \param discardedFid set to the matching entry's FID when the packet is DISCARDED
     * \return what was done
     */
    Outcome Forward(uint64_t owner,
                    const Ptr<const Packet>& p,
                    const Ipv6Header& header,
                    const Ptr<const NetDevice>& idev,
                    const Ipv6RoutingProtocol::UnicastForwardCallback& ucb,
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

  private:
    /**
     * \brief The route into an output (cached per interface or tunnel identifier).
     * \param out the output
     * \param outInterface the IPv6 interface of out.interface (OutputInterface)
     * \return the route
     */
    Ptr<Ipv6Route> OutputRoute(const FlowBindingOutput& out, uint32_t outInterface);

    /**
     * \brief The IPv6 interface of an output: the interface itself, or for a
     * point-to-multipoint tunnel identifier its tunnel protocol's shared interface.
     * \param interface the output's interface or tunnel identifier
     * \return the IPv6 interface, or FlowBindingOutput::NO_INTERFACE
     */
    uint32_t OutputInterface(uint32_t interface);

    Ptr<Ipv6> m_ipv6;                    ///< the node's IPv6
    Ptr<FlowBindingTable> m_table;       ///< flow bindings, or nullptr
    FlowBindingResolver m_resolver;      ///< (flow owner, BID) -> output
    Ptr<Ipv6TunnelL4Protocol> m_tunnels; ///< for tunnel identifiers (found when needed)
    std::unordered_map<uint32_t, Ptr<Ipv6Route>> m_outputRoutes; ///< route per output
    uint64_t m_discardCount{0};                                  ///< dropped by DISCARD
    uint64_t m_forwardedCount{0};                                ///< copies handed on
};

} // namespace ns3

#endif /* PMIPV6_FLOW_BINDING_FORWARDER_H */
