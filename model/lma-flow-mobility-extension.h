/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_FLOW_MOBILITY_EXTENSION_H
#define PMIPV6_LMA_FLOW_MOBILITY_EXTENSION_H

// PMIPv6 flow mobility at the LMA: draft 001 (pmipv6-flow-mobility-draft.txt) and RFC 7864.
// Today: the shared-prefix case of draft 001 section 3.1 (Figure 2), where a flow moves
// between the interfaces of a mobile node with no signalling.

#include "pmipv6-lma-extension.h"
#include "traffic-selector.h"

#include "ns3/traced-callback.h"

#include <map>
#include <string>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Flow mobility at the LMA (pmipv6 flow mobility draft section 3.1, RFC 7864): a
 * second interface of a mobile node shares the prefixes of the first, and flows move between
 * the interfaces' bindings.
 *
 * - A PBU with Handoff Indicator 6 (attachment over a new interface sharing prefixes) from a
 *   mobile node that has a session becomes a new binding cache entry with the same prefixes
 *   (SelectSession()); each entry has its own binding identifier (BID) and tunnel.
 * - The mobile node's first binding is its default binding: every flow without a flow entry
 *   goes there (FlowBindingTable default BID); when it is deleted, the lowest remaining BID
 *   becomes the default.
 * - MoveFlow() binds the flows a traffic selector matches to one of the mobile node's BIDs in
 *   the LMA's FlowBindingTable: with a shared prefix the move needs no signalling (draft 001
 *   Figure 2); the mobile node's logical interface sends the uplink of a flow by the interface
 *   its downlink arrives on.
 */
class LmaFlowMobilityExtension : public Pmipv6LmaExtension
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LmaFlowMobilityExtension();
    ~LmaFlowMobilityExtension() override;

    /**
     * \brief Bind the flows \p selector matches to a binding of the mobile node: a new flow
     * entry, or the existing entry with an equal selector re-bound.
     * \param mnId the mobile node
     * \param selector the flows (RFC 6088 selector)
     * \param targetBid the BID of the binding they go to (see GetBindingId())
     * \return the flow identifier (FID), 0 when the MN or the BID is unknown
     */
    uint16_t MoveFlow(const std::string& mnId, const TrafficSelector& selector, uint16_t targetBid);

    /**
     * \brief The BID of the mobile node's binding through a MAG.
     * \param mnId the mobile node
     * \param proxyCoa the MAG's Proxy-CoA
     * \return the BID, 0 when there is none
     */
    uint16_t GetBindingId(const std::string& mnId, Ipv6Address proxyCoa) const;

    /**
     * \brief Number of flow moves made (MoveFlow calls that bound a flow).
     * \return the count
     */
    uint64_t GetMoveCount() const;

    /**
     * \brief TracedCallback signature for a flow move.
     * \param mnId the mobile node
     * \param fid the flow identifier
     * \param targetBid the BID the flow is bound to now
     */
    typedef void (*FlowMovedTracedCallback)(const std::string& mnId,
                                            uint16_t fid,
                                            uint16_t targetBid);

    SessionChoice SelectSession(const ProxyBindingRequest& req) override;
    void NotifyBinding(BindingEvent event,
                       Ptr<BindingCacheEntry> entry,
                       Ipv6Address previousProxyCoa) override;

  private:
    std::map<std::string, uint16_t> m_nextFid; ///< per MN: the next FID to assign
    uint64_t m_moves{0};                       ///< flow moves
    uint16_t m_priority;                       ///< FID-PRI of the entries MoveFlow makes
    TracedCallback<const std::string&, uint16_t, uint16_t> m_flowMovedTrace; ///< FlowMoved
};

} // namespace ns3

#endif /* PMIPV6_LMA_FLOW_MOBILITY_EXTENSION_H */
