/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_FLOW_IDENTIFICATION_EXTENSION_H
#define PMIPV6_LMA_FLOW_IDENTIFICATION_EXTENSION_H

// Flow identification at the LMA: draft-soliman-monami6-flow-binding-05 sections 3-5 and 8
// (option 243), with the home agent's role taken by the LMA, and the same procedures carried
// by RFC 6089's Flow Identification (45) and Flow Summary (44) options. Readings of the
// draft's contradictions: doc/pmipv6.rst, "Flow identification (draft 003, RFC 6089)".

#include "pmipv6-lma-extension.h"
#include "traffic-selector.h"

#include "ns3/traced-callback.h"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

class FbFlowIdentificationOption;
class FlowIdentificationOption;

/**
 * \ingroup pmipv6
 * \brief Flow identification at the LMA (draft-soliman-monami6-flow-binding-05 3-5 and 8,
 * RFC 6089): flow bindings keyed by (mobile node, FID) in the LMA's FlowBindingTable, set up,
 * changed, refreshed and removed by Flow Identification options in PBUs, each answered in the
 * PBA by a copy of the option's fixed part with its own Status.
 *
 * - Per PBU (after the RFC 5213 checks accepted it; the PBA Status is never changed by the
 *   flow options, 8.2) every Flow Identification option is processed in order (add, replace,
 *   refresh, remove: 4.4-4.7, 8.1, 8.3.1) and acknowledged.
 * - Add without a flow description is a wild card (4.4): an empty selector that matches every
 *   packet of the mobile node. Forward without a Binding Reference goes to the binding of the
 *   PBU's sender; n-cast with a single BID other than the sender's goes to both (8.1).
 * - The default binding (4.3) of a mobile node is its binding with the best BID-PRI (lower
 *   value preferred, then lower BID) read from the Binding Identifier option of its PBUs
 *   (attribute DefaultBidPriority when absent); packets no flow matches go there.
 * - Mobile nodes with several bindings: a PBU with Handoff Indicator 6 from a mobile node that
 *   has a binding elsewhere becomes a new binding sharing its prefixes (SelectSession()), as in
 *   LmaFlowMobilityExtension; each binding has its BID and tunnel.
 * - Each binding's BID goes back to the MAG in a Binding Identifier option of the PBA.
 *
 * Data path: LmaRouting classifies every downlink packet with the table: FORWARD into the
 * referenced BID's tunnel, NCAST one copy per BID, DISCARD dropped and counted
 * (LmaRouting::GetFlowDiscardCount(), trace FlowDiscard), no match the default binding.
 */
class LmaFlowIdentificationExtension : public Pmipv6LmaExtension
{
  public:
    /// Why a flow option was refused; each maps to one Status per option type.
    enum Verdict : uint8_t
    {
        OK = 0,                   ///< accepted
        REJECTED_UNSPECIFIED,     ///< e.g. a Binding Reference names an unknown BID
        POORLY_FORMED,            ///< unknown PRO or Action, n-cast without Binding Reference
        ADMIN_PROHIBITED,         ///< MaxFlowsPerMn reached
        PREFIX_NOT_SUPPORTED,     ///< addresses in the flow description, SupportPrefix false
        PORTS_NOT_SUPPORTED,      ///< ports in the flow description, SupportPorts false
        FLOW_LABEL_NOT_SUPPORTED, ///< flow label in the flow description, SupportFlowLabel false
        SPI_NOT_SUPPORTED,        ///< SPI in the flow description, SupportSpi false
        FID_IN_USE,               ///< add of an FID that exists
        FID_NOT_FOUND,            ///< replace, refresh or remove of an unknown FID
        CLASSIFIER_NOT_SUPPORTED, ///< a flow description of an unknown TS Format
        DISCARD_NOT_SUPPORTED,    ///< discard, SupportDiscard false
        NCAST_NOT_SUPPORTED,      ///< n-cast, SupportNcast false
        BID_NOT_FOUND,            ///< RFC 6089 only: a BID the mobile node has not registered
    };

    /// One flow identification request as read from an option (either type).
    struct Request
    {
        uint8_t optionType{0};            ///< 243 or 45 (44 for a Flow Summary entry)
        uint16_t fid{0};                  ///< FID
        uint16_t priority{0};             ///< PRI / FID-PRI
        uint8_t action{0};                ///< mip6::FbidAction
        uint8_t pro{0};                   ///< mip6::FbidPro
        bool hasDescription{false};       ///< a flow description is present
        bool descriptionSupported{false}; ///< its TS Format is decoded
        TrafficSelector selector;         ///< the description (when supported)
        bool hasBindingReference{false};  ///< a Binding Reference / BID Reference is present
        std::vector<uint16_t> bids;       ///< its BIDs
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LmaFlowIdentificationExtension();
    ~LmaFlowIdentificationExtension() override;

    /**
     * \brief The Status that answers a verdict in an option of a type.
     * \param verdict the verdict
     * \param optionType mip6::OPT_FB_FLOW_IDENTIFICATION or mip6::OPT_FLOW_IDENTIFICATION
     * \return the status (mip6::FbidStatus or mip6::FlowIdStatus)
     */
    static uint8_t StatusFor(Verdict verdict, uint8_t optionType);

    /**
     * \brief Read a draft Flow Identification option (243).
     * \param o the option
     * \return the request
     */
    static Request ReadOption(const FbFlowIdentificationOption& o);

    /**
     * \brief The mobile node's current default binding (4.3).
     * \param mnId the mobile node
     * \return its BID, 0 when it has none
     */
    uint16_t GetDefaultBindingId(const std::string& mnId) const;

    /**
     * \brief The BID-PRI recorded for a binding of a mobile node.
     * \param mnId the mobile node
     * \param bid the BID
     * \return the priority, or -1 when the binding is unknown
     */
    int GetBindingPriority(const std::string& mnId, uint16_t bid) const;

    /**
     * \brief Flow options answered with a status, since the start.
     * \param status the status
     * \return the count
     */
    uint64_t GetStatusCount(uint8_t status) const;

    /**
     * \brief TracedCallback signature of FlowOption.
     * \param mnId the mobile node
     * \param fid the FID
     * \param pro the requested operation (mip6::FbidPro)
     * \param status the status answered
     */
    typedef void (*FlowOptionTracedCallback)(const std::string& mnId,
                                             uint16_t fid,
                                             uint8_t pro,
                                             uint8_t status);

    /**
     * \brief TracedCallback signature of DefaultBinding.
     * \param mnId the mobile node
     * \param bid the BID of its default binding now (0 = none)
     */
    typedef void (*DefaultBindingTracedCallback)(const std::string& mnId, uint16_t bid);

    SessionChoice SelectSession(const ProxyBindingRequest& req) override;
    void NotifyBinding(BindingEvent event,
                       Ptr<BindingCacheEntry> entry,
                       Ipv6Address previousProxyCoa) override;
    void AddPbaOptions(BindingAckHeader& pba,
                       const ProxyBindingRequest& req,
                       Ptr<const BindingCacheEntry> entry) override;

  private:
    /**
     * \brief Process one request of a mobile node.
     * \param mnId the mobile node
     * \param ownBid the BID of the PBU sender's binding
     * \param r the request
     * \return the verdict
     */
    Verdict Process(const std::string& mnId, uint16_t ownBid, const Request& r);
    /**
     * \brief The checks of an add or replace (8.1) after the FID check.
     * \param mnId the mobile node
     * \param ownBid the BID of the PBU sender's binding
     * \param r the request
     * \param bids set to the target BIDs
     * \return the verdict
     */
    Verdict CheckFlow(const std::string& mnId,
                      uint16_t ownBid,
                      const Request& r,
                      std::vector<uint16_t>& bids) const;
    /**
     * \brief Choose the mobile node's default binding again (best BID-PRI) and set it.
     * \param mnId the mobile node
     */
    void UpdateDefault(const std::string& mnId);

    bool m_answer;                ///< answer flow options at all (false: an LMA without support)
    bool m_supportDiscard;        ///< discard supported
    bool m_supportNcast;          ///< n-cast supported
    bool m_supportPrefix;         ///< addresses in flow descriptions supported
    bool m_supportPorts;          ///< ports supported
    bool m_supportFlowLabel;      ///< flow label supported
    bool m_supportSpi;            ///< SPI supported
    bool m_rejectNcastToOwn;      ///< 8.1 MAY: n-cast to the sender's BID alone is poorly formed
    uint32_t m_maxFlows;          ///< per mobile node, 0 = no limit
    uint8_t m_defaultBidPriority; ///< BID-PRI of a binding whose PBU had no BID option
    /// per mobile node: BID -> BID-PRI of its live bindings
    std::unordered_map<std::string, std::map<uint16_t, uint8_t>> m_bidPriority;
    std::unordered_map<std::string, uint16_t> m_default; ///< per mobile node: default BID
    std::map<uint8_t, uint64_t> m_statusCount;           ///< per status
    TracedCallback<const std::string&, uint16_t, uint8_t, uint8_t> m_flowOptionTrace; ///< trace
    TracedCallback<const std::string&, uint16_t> m_defaultTrace; ///< DefaultBinding
};

} // namespace ns3

#endif /* PMIPV6_LMA_FLOW_IDENTIFICATION_EXTENSION_H */
