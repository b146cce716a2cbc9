/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_FLOW_MOBILITY_EXTENSION_H
#define PMIPV6_LMA_FLOW_MOBILITY_EXTENSION_H

// PMIPv6 flow mobility at the LMA: draft 001 (pmipv6-flow-mobility-draft.txt) and RFC 7864.
// Today: the shared-prefix case of draft 001 section 3.1 (Figure 2), where a flow moves
// between the interfaces of a mobile node with no signalling.

#include "pmipv6-lma-extension.h"
#include "prefix-move-rule.h"
#include "signalling-transaction.h"
#include "traffic-selector.h"

#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <string>
#include <vector>

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
 *
 * PBU-triggered moves with a prefix per interface (draft 001 section 3.2, Figure 4):
 * - A PBU of a new interface (HI 1, all-zero HNP) for which the "PrefixMoveRule" chooses
 *   prefixes of the mobile node's other sessions gets those prefixes (AssignPrefixes()): the
 *   PBA carries them, the LMA re-points their routes to the new binding's tunnel, and (attribute
 *   "RevokeMovedPrefixes") sends the old MAG a BRI with the P flag naming only those prefixes
 *   (RFC 5846) through the LMA's signalling transactions, after the PBA.
 * - Finer granularity (RFC 6089 Flow Identification option, type 45): flows of the rule and
 *   flows a MAG requests in its PBU are bound to the PBU's binding in the flow-binding table;
 *   the PBA tells the MAG each such flow (FID, FID-PRI, status, BID Reference, Traffic
 *   Selector).
 * - Flow mobility cache (draft section 5.2): when a binding is deleted, the flows bound to it
 *   lose its BID; a flow left with no BID goes inactive and ("FlowsOnDetach") is re-bound to
 *   the mobile node's default binding and re-activated.
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

    // --- PBU-triggered prefix moves (draft 001 Figure 4), flow requests, detach ---

    /// What happens to a flow whose every binding is deleted (draft 001 section 5.2).
    enum FlowsOnDetach
    {
        /// Re-bound to the mobile node's default binding and active again.
        REBIND_TO_DEFAULT = 0,
        /// Left inactive (it affects no traffic) until re-bound.
        DEACTIVATE,
    };

    bool AssignPrefixes(const ProxyBindingRequest& req,
                        std::vector<HomeNetworkPrefix>& prefixes) override;
    void AddPbaOptions(BindingAckHeader& pba,
                       const ProxyBindingRequest& req,
                       Ptr<const BindingCacheEntry> entry) override;

    /**
     * \brief Number of prefixes moved to a new interface's binding (Figure 4).
     * \return the count
     */
    uint64_t GetPrefixMoveCount() const;

    /**
     * \brief Number of BRAs received for per-prefix revocations of moved prefixes.
     * \return the count
     */
    uint64_t GetPrefixRevocationAckCount() const;

    /**
     * \brief Number of flows re-bound after their every binding was deleted.
     * \return the count
     */
    uint64_t GetReactivatedFlowCount() const;

    /**
     * \brief TracedCallback signature for a per-prefix revocation's end.
     * \param mnId the mobile node
     * \param mag the old MAG
     * \param status the BRA status, or 255 when no BRA came
     */
    typedef void (*PrefixRevocationTracedCallback)(const std::string& mnId,
                                                   Ipv6Address mag,
                                                   uint8_t status);

  private:
    /// A prefix the rule moves, until the new binding exists.
    struct PlannedMove
    {
        HomeNetworkPrefix prefix; ///< the prefix
        Ipv6Address oldMag;       ///< the MAG that held it
        uint8_t oldAtt{0};        ///< that session's Access Technology Type
    };

    /**
     * \brief The new binding exists: revoke the moved prefixes at their old MAGs (after the
     * PBA) and bind the rule's flows to it.
     * \param entry the new binding
     */
    void CompletePrefixMove(Ptr<BindingCacheEntry> entry);

    /**
     * \brief Send an old MAG a BRI (P flag) naming the moved prefixes (RFC 5846).
     * \param mnId the mobile node
     * \param oldMag the MAG
     * \param prefixes the prefixes it no longer serves
     * \param trigger the revocation trigger
     */
    void SendPrefixRevocation(std::string mnId,
                              Ipv6Address oldMag,
                              std::vector<HomeNetworkPrefix> prefixes,
                              uint8_t trigger);

    /**
     * \brief The BRA of a per-prefix revocation arrived.
     * \param mnId the mobile node
     * \param mag the old MAG
     * \param id the transaction
     * \param reply the BRA
     * \param ip its IPv6 header
     */
    void PrefixRevocationAcknowledged(std::string mnId,
                                      Ipv6Address mag,
                                      SignallingTransactionManager::TransactionId id,
                                      const MobilityHeader& reply,
                                      const Ipv6Header& ip);

    /**
     * \brief No BRA came for a per-prefix revocation.
     * \param mnId the mobile node
     * \param mag the old MAG
     * \param id the transaction
     */
    void PrefixRevocationGaveUp(std::string mnId,
                                Ipv6Address mag,
                                SignallingTransactionManager::TransactionId id);

    /**
     * \brief A binding is deleted: its BID leaves every flow entry; a flow left without BID
     * goes inactive and, per FlowsOnDetach, is re-bound to the default binding.
     * \param entry the binding
     */
    void ReleaseBindingFlows(Ptr<BindingCacheEntry> entry);

    Ptr<PrefixMoveRule> m_moveRule;                            ///< what moves on attachment
    bool m_revokeMovedPrefixes;                                ///< BRI to the old MAG
    bool m_acceptFlowRequests;                                 ///< PBU FID options honoured
    FlowsOnDetach m_flowsOnDetach;                             ///< see FlowsOnDetach
    std::map<std::string, std::vector<PlannedMove>> m_planned; ///< per MN, until CREATED
    std::map<uint64_t, std::set<uint16_t>> m_pbaFlows;         ///< per entry id: FIDs for its PBA
    uint64_t m_prefixMoves{0};                                 ///< prefixes moved
    uint64_t m_prefixBras{0};                                  ///< BRAs of per-prefix revocations
    uint64_t m_reactivated{0};                                 ///< flows re-bound on detach
    TracedCallback<const std::string&, Ipv6Address, uint8_t>
        m_prefixRevocationTrace; ///< PrefixRevocationCompleted

    // --- end of the PBU-triggered moves ---

    std::map<std::string, uint16_t> m_nextFid; ///< per MN: the next FID to assign
    uint64_t m_moves{0};                       ///< flow moves
    uint16_t m_priority;                       ///< FID-PRI of the entries MoveFlow makes
    TracedCallback<const std::string&, uint16_t, uint16_t> m_flowMovedTrace; ///< FlowMoved
};

} // namespace ns3

#endif /* PMIPV6_LMA_FLOW_MOBILITY_EXTENSION_H */
