/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MAG_FLOW_IDENTIFICATION_EXTENSION_H
#define PMIPV6_MAG_FLOW_IDENTIFICATION_EXTENSION_H

// Flow identification at the MAG: the sender of draft-soliman-monami6-flow-binding-05's Flow
// Identification options (243) or of RFC 6089's (45, with the Flow Summary 44), acting for the
// mobile node in its PBUs. The LMA side: LmaFlowIdentificationExtension.

#include "pmipv6-mag-extension.h"
#include "pmipv6-wire-numbers.h"
#include "traffic-selector.h"

#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

class MobilityOption;

/**
 * \ingroup pmipv6
 * \brief Flow identification at the MAG (draft-soliman-monami6-flow-binding-05 3-4, 6.1.4,
 * with the mobile node's role taken by its MAG; RFC 6089 coding by attribute).
 *
 * AddFlow(), ModifyFlow() and RemoveFlow() queue a Flow Identification option with PRO add,
 * replace or remove and re-register the mobile node's binding at once (a refresh PBU,
 * Pmipv6MagApplication::RefreshNow()); when a PBU is in flight the option goes with its
 * retransmissions or with the next PBU. Every PBU also carries a refresh (PRO 2; RFC 6089: the
 * Flow Summary option) of each flow binding the LMA accepted (4.7). The PBA's copy of each
 * option carries its Status; an option without a copy in the PBA is rejected (4.8). A flow is
 * active once acknowledged with a Status below 128; a refresh or remove answered "FID not
 * found" or not answered drops it.
 *
 * The BID of the MAG's own binding comes back in the PBA's Binding Identifier option
 * (GetBindingId()); with BidPriority set, each PBU carries a Binding Identifier option with
 * that BID-PRI (the LMA's default binding is the one with the best BID-PRI).
 *
 * State is kept per mobile node (one binding of a mobile node per MAG).
 */
class MagFlowIdentificationExtension : public Pmipv6MagExtension
{
  public:
    /// A flow binding as the MAG requests it.
    struct Flow
    {
        uint16_t fid{0};                           ///< FID
        uint16_t priority{0};                      ///< PRI (243: 8 bits) / FID-PRI (45)
        uint8_t action{mip6::FBID_ACTION_FORWARD}; ///< mip6::FbidAction (243 wire value)
        bool hasDescription{false};                ///< send a flow description (else wild card)
        TrafficSelector selector;                  ///< the description
        std::vector<uint16_t> bids;                ///< Binding Reference (empty: none)
    };

    /**
     * \brief TracedCallback signature of FlowAck.
     * \param mnId the mobile node
     * \param fid the FID
     * \param pro the operation requested (mip6::FbidPro)
     * \param status the status received (meaningless when not acknowledged)
     * \param acknowledged whether the PBA had a copy of the option
     */
    typedef void (*FlowAckTracedCallback)(const std::string& mnId,
                                          uint16_t fid,
                                          uint8_t pro,
                                          uint8_t status,
                                          bool acknowledged);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MagFlowIdentificationExtension();
    ~MagFlowIdentificationExtension() override;

    /**
     * \brief Request a new flow binding (PRO add) and send a PBU.
     * \param mnId the mobile node
     * \param flow the flow
     */
    void AddFlow(const std::string& mnId, const Flow& flow);
    /**
     * \brief Request a change of a flow binding (PRO replace) and send a PBU.
     * \param mnId the mobile node
     * \param flow the new values (its FID names the flow)
     */
    void ModifyFlow(const std::string& mnId, const Flow& flow);
    /**
     * \brief Request the removal of a flow binding (PRO remove) and send a PBU.
     * \param mnId the mobile node
     * \param fid the FID
     */
    void RemoveFlow(const std::string& mnId, uint16_t fid);
    /**
     * \brief Put an option as it is into the next PBU of a mobile node, once (tests, e.g. an
     * unknown PRO or TS Format), and send a PBU.
     * \param mnId the mobile node
     * \param option the option
     */
    void AddRawOption(const std::string& mnId, Ptr<MobilityOption> option);

    /**
     * \brief Whether the LMA accepted a flow binding (and it was not removed since).
     * \param mnId the mobile node
     * \param fid the FID
     * \return true when active
     */
    bool IsFlowActive(const std::string& mnId, uint16_t fid) const;
    /**
     * \brief The Status of the last acknowledgement of an FID.
     * \param mnId the mobile node
     * \param fid the FID
     * \return the status, -1 when never acknowledged or when the last PBA had no copy
     */
    int GetLastStatus(const std::string& mnId, uint16_t fid) const;
    /**
     * \brief The BID of the mobile node's binding through this MAG (from the PBA).
     * \param mnId the mobile node
     * \return the BID, 0 when unknown
     */
    uint16_t GetBindingId(const std::string& mnId) const;
    /**
     * \brief Requests answered by no copy in the PBA (negative acknowledgements, 4.8).
     * \return the count
     */
    uint64_t GetUnacknowledgedCount() const;

    void AddPbuOptions(BindingUpdateHeader& pbu, Ptr<const BindingUpdateListEntry> entry) override;
    void NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry) override;
    void NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry) override;

  private:
    /// A queued operation.
    struct Op
    {
        uint8_t pro; ///< mip6::FbidPro
        Flow flow;   ///< the flow
    };

    /// Per mobile node.
    struct State
    {
        std::map<uint16_t, Flow> active;      ///< accepted flow bindings
        std::vector<Op> pending;              ///< operations not acknowledged yet
        uint32_t sentOps{0};                  ///< pending[0, sentOps) went in the last PBU
        std::vector<uint16_t> sentRefresh;    ///< FIDs refreshed in the last PBU
        std::vector<Ptr<MobilityOption>> raw; ///< raw options for the next PBU
        uint32_t sentRaw{0};                  ///< raw[0, sentRaw) went in the last PBU
        std::map<uint16_t, int> lastStatus;   ///< per FID
        uint16_t bid{0};                      ///< the binding's BID
    };

    /**
     * \brief Queue an operation and send a PBU.
     * \param mnId the mobile node
     * \param op the operation
     */
    void Queue(const std::string& mnId, const Op& op);
    /**
     * \brief Send a PBU for the mobile node's binding when none is in flight.
     * \param mnId the mobile node
     */
    void Trigger(const std::string& mnId);
    /**
     * \brief The option of an operation in the configured coding.
     * \param op the operation
     * \param ownBid the BID of the MAG's binding (0 unknown)
     * \return the option
     */
    Ptr<MobilityOption> MakeOption(const Op& op, uint16_t ownBid) const;

    uint8_t m_optionType;  ///< 243 (draft) or 45 (RFC 6089)
    uint8_t m_bidPriority; ///< BID-PRI to send, 0 = no Binding Identifier option
    std::unordered_map<std::string, State> m_state; ///< per mobile node
    uint64_t m_unacknowledged{0};                   ///< requests without a copy in the PBA
    TracedCallback<const std::string&, uint16_t, uint8_t, uint8_t, bool> m_ackTrace; ///< FlowAck
};

} // namespace ns3

#endif /* PMIPV6_MAG_FLOW_IDENTIFICATION_EXTENSION_H */
