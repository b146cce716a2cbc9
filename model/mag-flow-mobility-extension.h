/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MAG_FLOW_MOBILITY_EXTENSION_H
#define PMIPV6_MAG_FLOW_MOBILITY_EXTENSION_H

// PMIPv6 flow mobility at the MAG: the answering side of the LMA-initiated flow move of the
// pmipv6 flow mobility draft (pmipv6-flow-mobility-draft.txt section 3.2 Figure 5, FMI/FMA of
// sections 4.1 and 4.2) and of RFC 7864 (UPN with reason FLOW-MOBILITY, UPA).

#include "flow-mobility-header.h"
#include "flow-options.h"
#include "pmipv6-mag-extension.h"
#include "prefix-pool.h"
#include "sequence-reply-cache.h"
#include "traffic-selector.h"
#include "update-notification-header.h"

#include "ns3/event-id.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Flow mobility at the MAG: keeps the per-mobile-node flow state the LMA installs with
 * a Flow Mobility Initiate (draft 001 section 4.1) or an Update Notification with reason
 * FLOW-MOBILITY (RFC 7864), acknowledges it (FMA / UPA), and routes the moved flows between
 * the mobile node's access link and the tunnel.
 *
 * A flow is one RFC 6089 Flow Identification option (type 45) with an RFC 6088 IPv6 traffic
 * selector whose destination address range is a prefix (the LMA fills it in): the MAG routes
 * that prefix in its MagRouting to the access link of the mobile node's binding update list
 * entry (downlink) and from it into the tunnel (uplink); the mobile node's logical interface
 * sends the uplink of a flow by the interface its downlink arrives on, so only the moved flows
 * use this MAG. A prefix the MAG already routes (one of the mobile node's own HNPs) is left as
 * it is.
 *
 * FMI (MH type 242, I = 1): flags and lifetime as in section 4.1.
 * - add (C = 0, R = 0): a new flow state per (MN-ID, FID), kept Lifetime seconds
 *   (0xffff: no expiry);
 * - refresh (R = 1): the existing state's lifetime restarts;
 * - cancel (C = 1, Lifetime 0): the state is removed; a cancel for a flow inside one of the
 *   mobile node's own HNPs at this MAG (Figure 5's optional FMI del to the flow's old MAG)
 *   has no flow state to remove and succeeds: the HNP binding stays.
 * FMA status (section 4.2): 0; 128 reason unspecified (no MN-ID or flow option, a flow
 * without a usable selector, C = 1 with a non-zero Lifetime, add with Lifetime 0); 129 MN not
 * attached (no registered binding update list entry); 130 sequence number not newer than the
 * last FMI of that LMA (an FMI with the last sequence again is a retransmission: the last FMA
 * is sent again); 131 traffic selector format other than IPv6 binary; 132 no state for a
 * refresh or cancel; 133 add of an FID that has state. All flows of one FMI are checked
 * before any is applied.
 *
 * UPN (MH type 19) with reason FLOW-MOBILITY (other reasons are answered 131): the module's
 * reading of RFC 7864: the UPN's HNP options list the prefixes whose flows the MAG serves
 * now; a Flow Identification option whose selector's destination prefix is listed is added
 * (or replaced), one whose prefix is not listed is removed. No lifetime (the state stays
 * until removed or the mobile node leaves). UPA (MH type 20) when the A flag is set, status
 * 0, 128 (failed to update: no state to remove, selector format), 131 (reason unspecified),
 * 132 (MN not attached).
 *
 * When the mobile node's binding update list entry is removed (detach, revocation) its flow
 * state goes with it.
 */
class MagFlowMobilityExtension : public Pmipv6MagExtension
{
  public:
    /// Why flow state was removed (FlowRemoved trace).
    enum RemoveReason
    {
        REMOVED_BY_LMA = 0, ///< FMI with C = 1, or UPN without the flow's prefix
        REMOVED_EXPIRED,    ///< its lifetime ran out
        REMOVED_DETACHED,   ///< the mobile node's binding went away
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MagFlowMobilityExtension();
    ~MagFlowMobilityExtension() override;

    std::vector<uint8_t> GetMhTypes() const override;
    void Receive(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface) override;
    void NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry) override;

    /**
     * \brief Whether the MAG keeps state for a flow of a mobile node.
     * \param mnId the mobile node
     * \param fid the flow identifier the LMA gave it
     * \return true when it has
     */
    bool HasFlow(const std::string& mnId, uint16_t fid) const;

    /**
     * \brief The traffic selector of a flow state.
     * \param mnId the mobile node
     * \param fid the flow identifier
     * \return the selector (empty when there is no state)
     */
    TrafficSelector GetFlowSelector(const std::string& mnId, uint16_t fid) const;

    /**
     * \brief Number of flow states, all mobile nodes.
     * \return the count
     */
    uint32_t GetFlowCount() const;

    /**
     * \brief Number of acknowledgements sent with a status.
     * \param mhType mip6::MH_FLOW_MOBILITY (FMA) or mip6::MH_UPDATE_NOTIFICATION_ACK (UPA)
     * \param status the status
     * \return the count
     */
    uint64_t GetAckCount(uint8_t mhType, uint8_t status) const;

    /**
     * \brief TracedCallback signature of FlowAdded.
     * \param mnId the mobile node
     * \param fid the flow identifier
     * \param selector the flow's selector
     */
    typedef void (*FlowAddedTracedCallback)(const std::string& mnId,
                                            uint16_t fid,
                                            const TrafficSelector& selector);

    /**
     * \brief TracedCallback signature of FlowRemoved.
     * \param mnId the mobile node
     * \param fid the flow identifier
     * \param reason why (RemoveReason)
     */
    typedef void (*FlowRemovedTracedCallback)(const std::string& mnId, uint16_t fid, int reason);

    /**
     * \brief TracedCallback signature of AckSent.
     * \param mhType MH type of the acknowledgement (FMA 242 or UPA 20)
     * \param sequence its sequence number
     * \param status its status
     */
    typedef void (*AckSentTracedCallback)(uint8_t mhType, uint16_t sequence, uint8_t status);

  private:
    /// The outcome of a request, before it is mapped to an FMA or UPA status.
    enum Outcome
    {
        OK = 0,
        UNSPECIFIED,
        NOT_ATTACHED,
        TS_UNSUPPORTED,
        NO_STATE,
        EXISTS,
    };

    /// What a flow request asks for one flow.
    enum Operation
    {
        OP_ADD = 0, ///< new state (FMI add)
        OP_PUT,     ///< new or replacing state (UPN)
        OP_REFRESH, ///< restart the lifetime
        OP_REMOVE,  ///< remove the state
    };

    /// One flow of a request, checked.
    struct FlowOp
    {
        Operation op{OP_ADD};                 ///< what to do
        Ptr<FlowIdentificationOption> option; ///< the option as received
        TrafficSelector selector;             ///< its selector (when it has one)
        HomeNetworkPrefix prefix;             ///< the routed prefix (add / put)
    };

    /// State of one flow the LMA moved here.
    struct FlowState
    {
        TrafficSelector selector; ///< the flow
        uint16_t priority{0};     ///< FID-PRI
        HomeNetworkPrefix prefix; ///< prefix it is routed by
        uint64_t entryId{0};      ///< the binding update list entry of the mobile node
        EventId expiry;           ///< lifetime timer (not running: infinite)
    };

    /// (MN-ID, FID)
    typedef std::pair<std::string, uint16_t> FlowKey;

    /**
     * \brief Handle an FMI.
     * \param p the message
     * \param ip its IPv6 header
     */
    void ReceiveFmi(Ptr<Packet> p, const Ipv6Header& ip);

    /**
     * \brief Handle a UPN.
     * \param p the message
     * \param ip its IPv6 header
     */
    void ReceiveUpn(Ptr<Packet> p, const Ipv6Header& ip);

    /**
     * \brief Check every flow of a request, then apply them all or none.
     * \param mnId the MN-ID option's identifier ("" when missing)
     * \param ops the flows (op, option, selector filled in by the caller)
     * \param lifetime the state lifetime in seconds (0xffff infinite)
     * \return the outcome
     */
    Outcome Apply(const std::string& mnId, std::vector<FlowOp>& ops, uint16_t lifetime);

    /**
     * \brief Remove a flow state and its route reference.
     * \param key the flow
     * \param reason why (RemoveReason)
     */
    void RemoveFlow(const FlowKey& key, RemoveReason reason);

    /**
     * \brief The lifetime of a flow state ran out.
     * \param mnId the mobile node
     * \param fid the flow
     */
    void Expire(std::string mnId, uint16_t fid);

    /**
     * \brief Send an acknowledgement and count it.
     * \param ack the message (sequence and status set)
     * \param status its status
     * \param sequence its sequence
     * \param lma where it goes
     */
    void SendAck(MobilityHeader& ack, uint8_t status, uint16_t sequence, Ipv6Address lma);

    std::map<FlowKey, FlowState> m_flows;              ///< flow state by (MN-ID, FID)
    std::map<HomeNetworkPrefix, uint32_t> m_routeRefs; ///< flows per prefix this MAG routes

    /// FMIs an LMA may have in flight at once (answers kept, late arrivals accepted)
    static constexpr uint16_t FMI_WINDOW = 32;

    /// FMIs of one LMA: the newest sequence and the answers to the last FMI_WINDOW FMIs. A
    /// retransmitted FMI gets its answer again, and an FMI that arrives after newer ones (its
    /// first copy was lost while the LMA's next FMIs got through) is still processed when it
    /// is within FMI_WINDOW of the newest; older ones get status 130 (out of window).
    struct FmiWindow
    {
        uint16_t newest{0}; ///< newest sequence processed
        SequenceReplyCache<FlowMobilityAckHeader, FMI_WINDOW> answered; ///< answers
    };

    std::unordered_map<Ipv6Address, FmiWindow, Ipv6AddressHash> m_fmiWindows; ///< per LMA

    /// UPNs of one LMA: the answers to the last FMI_WINDOW UPNs, by sequence. A retransmitted
    /// UPN (its UPA was lost) or a late duplicate gets its first answer again and is not
    /// applied twice (a second removal would fail, a late put would undo a newer removal).
    using UpnReplies = SequenceReplyCache<UpdateNotificationAckHeader, FMI_WINDOW>;

    std::unordered_map<Ipv6Address, UpnReplies, Ipv6AddressHash> m_upnReplies; ///< per LMA
    std::map<std::pair<uint8_t, uint8_t>, uint64_t> m_acks; ///< (MH type, status) -> count
    /// FlowAdded
    TracedCallback<const std::string&, uint16_t, const TrafficSelector&> m_flowAddedTrace;
    TracedCallback<const std::string&, uint16_t, int> m_flowRemovedTrace; ///< FlowRemoved
    TracedCallback<uint8_t, uint16_t, uint8_t> m_ackSentTrace;            ///< AckSent
};

} // namespace ns3

#endif /* PMIPV6_MAG_FLOW_MOBILITY_EXTENSION_H */
