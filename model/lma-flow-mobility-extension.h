/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_FLOW_MOBILITY_EXTENSION_H
#define PMIPV6_LMA_FLOW_MOBILITY_EXTENSION_H

// PMIPv6 flow mobility at the LMA: draft 001 (pmipv6-flow-mobility-draft.txt) and RFC 7864.
// The shared-prefix case of draft 001 section 3.1 (Figure 2), where a flow moves between the
// interfaces of a mobile node with no signalling, and the per-interface-prefix case with the
// LMA-initiated move of Figure 5 (FMI/FMA, or RFC 7864 UPN/UPA): the signalling half is in
// lma-flow-mobility-signalling.cc.

#include "flow-options.h"
#include "pmipv6-lma-extension.h"
#include "prefix-move-rule.h"
#include "signalling-transaction.h"
#include "traffic-selector.h"

#include "ns3/event-id.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class FlowMovePolicy;

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
 *
 * LMA-initiated moves with a prefix per interface (draft 001 section 3.2, Figure 5):
 * - PrefixMode "PerInterface" (draft 001 section 3.1 scenario 1): every attachment gets its
 *   own prefixes (SelectSession() leaves every PBU to RFC 5213, HI 1 is a new session) and
 *   there is no default BID: a packet with no flow entry follows its destination prefix.
 *   MoveFlow() of a flow whose destination prefix the target binding does not hold is the
 *   LMA-initiated move of Figure 5: an FMI [MN-ID, Flow Identification option (45) per prefix,
 *   add] (or, with MoveSignalling "UPN", an RFC 7864 UPN with reason FLOW-MOBILITY) to the
 *   target MAG through the LMA's signalling transaction (retransmission, give-up); the flow
 *   entry is installed when the FMA (UPA) with status 0 comes back; then, with
 *   DeleteOldFlowState, an FMI with C = 1 and Lifetime 0 (a UPN without the prefix) to the
 *   MAG the flow leaves. FMA 133 (state exists) is answered with an FMI with R = 1; any other
 *   error status, or no answer, leaves the flow where it was (MoveFailed).
 * - PrefixMode "Hybrid" (draft 001 section 3.1 scenario 3): the first attachment's prefixes
 *   are shared (an HI 6 attachment gets them too, as in "Shared") and each HI 6 attachment
 *   also gets a new prefix of its own from the LMA's pool, in the same PBA. There is no
 *   default BID: a shared prefix has a flow mobility cache entry of the lowest precedence
 *   (FID-PRI 65535, destination the prefix) bound to the first binding, so its flows without
 *   an entry of their own use that binding; an own prefix's flows follow its route. A move of a
 *   flow of a shared prefix is a flow-binding change only; a move of a flow of an own prefix
 *   to another binding is the signalled move of Figure 5. (A selector without a destination
 *   address is taken as a flow of an own prefix of another binding when there is one: name
 *   the destination to move a flow of a shared prefix there.)
 * - Move policies (FlowMovePolicy) decide when flows move: added with AddPolicy(), they see
 *   every binding event.
 */
class LmaFlowMobilityExtension : public Pmipv6LmaExtension
{
  public:
    /// How the prefixes of a mobile node's attachments relate (draft 001 section 3.1).
    enum PrefixMode
    {
        /// HI 6 attachments share the prefixes of the first (scenario 2); no move signalling.
        SHARED_PREFIX = 0,
        /// Each attachment has its own prefixes (scenario 1); moves across prefixes signal.
        PER_INTERFACE_PREFIX,
        /// Scenario 3: an HI 6 attachment shares the prefixes of the first and gets a new
        /// prefix of its own; moves within a shared prefix need no signalling, moves of a
        /// flow of an attachment's own prefix are signalled (FMI / UPN).
        HYBRID_PREFIX,
    };

    /// Which messages an LMA-initiated move uses.
    enum MoveSignalling
    {
        SIGNAL_FMI = 0, ///< FMI / FMA (draft 001 sections 4.1, 4.2)
        SIGNAL_UPN,     ///< UPN with reason FLOW-MOBILITY / UPA (RFC 7864, RFC 7077)
    };

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

    /**
     * \brief Add a move policy; it sees every binding event from now on.
     * \param policy the policy
     */
    void AddPolicy(Ptr<FlowMovePolicy> policy);

    // ---- LMA-initiated signalling (FMI/FMA, UPN/UPA; draft 001 Figure 5); in
    // ---- lma-flow-mobility-signalling.cc

    std::vector<uint8_t> GetMhTypes() const override;
    void Receive(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface) override;

    /**
     * \brief Number of moves whose signalling is under way.
     * \return the count
     */
    uint32_t GetPendingMoveCount() const;

    /**
     * \brief TracedCallback signature of MoveReply.
     * \param mnId the mobile node
     * \param fid the flow
     * \param mag the MAG that answered
     * \param mhType MH type of the reply (FMA 242, UPA 20)
     * \param remove true for the answer to a removal (FMI C = 1, UPN without the prefix)
     * \param status the reply's status
     */
    typedef void (*MoveReplyTracedCallback)(const std::string& mnId,
                                            uint16_t fid,
                                            Ipv6Address mag,
                                            uint8_t mhType,
                                            bool remove,
                                            uint8_t status);

    /**
     * \brief TracedCallback signature of MoveFailed.
     * \param mnId the mobile node
     * \param fid the flow
     * \param mag the target MAG
     * \param status the error status, 0 when the MAG never answered
     */
    typedef void (*MoveFailedTracedCallback)(const std::string& mnId,
                                             uint16_t fid,
                                             Ipv6Address mag,
                                             uint8_t status);

  protected:
    void DoDispose() override;

  private:
    /// One signalled request of a move.
    enum RequestKind
    {
        REQ_ADD = 0, ///< FMI add / UPN with the prefix, to the target MAG
        REQ_REFRESH, ///< FMI R = 1 to the target MAG (after FMA 133, or before expiry)
        REQ_REMOVE,  ///< FMI C = 1 / UPN without the prefix, to the old MAG
    };

    /// A move whose target MAG was asked.
    struct PendingMove
    {
        std::string mnId;                                 ///< the mobile node
        uint16_t fid{0};                                  ///< the flow
        TrafficSelector selector;                         ///< the flow as MoveFlow got it
        uint16_t targetBid{0};                            ///< where it goes
        Ipv6Address targetMag;                            ///< the target's Proxy-CoA
        std::vector<Ptr<FlowIdentificationOption>> flows; ///< what the messages carry
        std::vector<Ipv6Address> oldMags;                 ///< where it leaves from
        HomeNetworkPrefix prefix;                         ///< the flow's destination prefix
        bool install{true};                               ///< false: a state refresh only
    };

    /**
     * \brief Bind a flow in the flow-binding table now (the shared-prefix move).
     * \param mnId the mobile node
     * \param fid the flow, 0 for a new one
     * \param selector the flows
     * \param targetBid the BID
     * \return the FID, 0 on failure
     */
    uint16_t InstallFlow(const std::string& mnId,
                         uint16_t fid,
                         const TrafficSelector& selector,
                         uint16_t targetBid);

    /**
     * \brief The FID of the flow entry with an equal selector, or a new FID.
     * \param mnId the mobile node
     * \param selector the flows
     * \return the FID
     */
    uint16_t FlowIdFor(const std::string& mnId, const TrafficSelector& selector);

    /**
     * \brief MoveFlow's per-interface-prefix part: signal the move when the target binding
     * does not hold the flow's prefix; when it does but another MAG holds signalled state of
     * the flow (a move back), bind the flow now and remove that state.
     * \param mnId the mobile node
     * \param selector the flows
     * \param target the target binding
     * \param fid set to the flow identifier when it handled the move
     * \return true when it handled the move (signalling started, or bound and removal sent)
     */
    bool SignalMove(const std::string& mnId,
                    const TrafficSelector& selector,
                    Ptr<BindingCacheEntry> target,
                    uint16_t& fid);

    /**
     * \brief Send one request of a move through the signalling transaction.
     * \param moveId the move
     * \param kind what to ask
     * \param mag the MAG
     */
    void SendMoveRequest(uint64_t moveId, RequestKind kind, Ipv6Address mag);

    /**
     * \brief The MAG answered a request of a move.
     * \param moveId the move
     * \param kind what was asked
     * \param mag the MAG
     * \param id the transaction
     * \param reply the FMA or UPA
     * \param ip its IPv6 header
     */
    void MoveReplied(uint64_t moveId,
                     RequestKind kind,
                     Ipv6Address mag,
                     SignallingTransactionManager::TransactionId id,
                     const MobilityHeader& reply,
                     const Ipv6Header& ip);

    /**
     * \brief A request of a move got no answer.
     * \param moveId the move
     * \param kind what was asked
     * \param mag the MAG
     * \param id the transaction
     */
    void MoveGaveUp(uint64_t moveId,
                    RequestKind kind,
                    Ipv6Address mag,
                    SignallingTransactionManager::TransactionId id);

    /**
     * \brief Forget a move (all its requests answered or given up).
     * \param moveId the move
     */
    void FinishMove(uint64_t moveId);

    /**
     * \brief Send the removal requests of a move to the MAGs the flow left, when
     * DeleteOldFlowState is set and a MAG holds state of it.
     * \param moveId the move
     * \return true when at least one was sent
     */
    bool SendRemovals(uint64_t moveId);

    PrefixMode m_prefixMode{SHARED_PREFIX};      ///< PrefixMode
    MoveSignalling m_moveSignalling{SIGNAL_FMI}; ///< MoveSignalling
    bool m_deleteOld{true};                      ///< DeleteOldFlowState
    uint16_t m_flowLifetime{
        mip6::FM_LIFETIME_INFINITE}; ///< FlowStateLifetime (seconds, 0xffff infinite)
    uint64_t m_nextMoveId{1};        ///< next move id
    std::map<uint64_t, PendingMove> m_pendingMoves;     ///< moves under way
    std::map<uint64_t, uint32_t> m_openRequests;        ///< requests under way per move
    std::multimap<std::string, uint64_t> m_pendingByMn; ///< moves under way per MN-ID

    /// Flow state the LMA installed at a MAG that does not hold the flow's prefix.
    struct SignalledState
    {
        Ipv6Address mag;                                  ///< the MAG
        uint16_t bid{0};                                  ///< the binding there
        TrafficSelector selector;                         ///< the flow as MoveFlow got it
        std::vector<Ptr<FlowIdentificationOption>> flows; ///< what the messages carried
        HomeNetworkPrefix prefix;                         ///< the flow's destination prefix
        EventId refresh;                                  ///< FMI R = 1 before the lifetime ends
    };

    /**
     * \brief Refresh a signalled flow state before its lifetime runs out (FMI R = 1).
     * \param mnId the mobile node
     * \param fid the flow
     */
    void RefreshState(std::string mnId, uint16_t fid);

    /// (MN-ID, FID) -> its signalled state
    std::map<std::pair<std::string, uint16_t>, SignalledState> m_signalled;
    /// MoveReply
    TracedCallback<const std::string&, uint16_t, Ipv6Address, uint8_t, bool, uint8_t>
        m_moveReplyTrace;
    /// MoveFailed
    TracedCallback<const std::string&, uint16_t, Ipv6Address, uint8_t> m_moveFailedTrace;
    std::vector<Ptr<FlowMovePolicy>> m_policies; ///< move policies

    // ---- end of the LMA-initiated signalling section

  public:
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
    bool ReviseRequestedPrefixes(const ProxyBindingRequest& req,
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
     * \brief Number of moved prefixes that went back to a remaining binding when the binding
     * they were moved to was deleted.
     * \return the count
     */
    uint64_t GetPrefixReturnCount() const;

    /**
     * \brief Number of PBUs whose prefix list was revised to their session's current set (a
     * MAG that was not told of a prefix move).
     * \return the count
     */
    uint64_t GetRevisedPbuCount() const;

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
     * \brief A binding is deleted: the prefixes that were moved to it (Figure 4) go back to a
     * remaining binding of the mobile node (FlowsOnDetach RebindToDefault): the one they came
     * from when it is still registered, else the one with the lowest BID. The LMA re-points
     * their routes and tells that binding's MAG with an FMI add (UPN) naming the prefix; its
     * next PBU is revised to the new set (ReviseRequestedPrefixes()).
     * \param entry the binding
     */
    void ReturnMovedPrefixes(Ptr<BindingCacheEntry> entry);

    /**
     * \brief Hybrid mode: a binding was created; the first one's prefixes get their shared
     * flow mobility cache entries, a later one (sharing them) a new prefix of its own.
     * \param entry the new binding
     */
    void SetUpHybridBinding(Ptr<BindingCacheEntry> entry);

    /**
     * \brief Tell a MAG to route a prefix of the mobile node to its access link (FMI add /
     * UPN naming the prefix; no flow-binding entry).
     * \param target the binding at that MAG
     * \param prefix the prefix
     */
    void SignalPrefix(Ptr<BindingCacheEntry> target, const HomeNetworkPrefix& prefix);

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
    uint64_t m_prefixReturns{0};                               ///< moved prefixes returned
    uint64_t m_revisedPbus{0};                                 ///< PBUs revised

    /// A prefix moved to a new interface's binding (Figure 4), and where it came from.
    struct MovedPrefix
    {
        HomeNetworkPrefix prefix; ///< the prefix
        Ipv6Address fromMag;      ///< the MAG of the binding it left
    };

    /// per MN: the prefixes the rule moved (until their binding is deleted)
    std::map<std::string, std::vector<MovedPrefix>> m_movedPrefixes;
    /// (MN-ID, MAG) -> id of the binding whose prefix set changed with no PBA to that MAG yet
    std::map<std::pair<std::string, Ipv6Address>, uint64_t> m_unsynced;
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
