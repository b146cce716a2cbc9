/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The Flow Identification option of draft-soliman-monami6-flow-binding-05 (section 3) with
 * its sub-options, and the flow-description handling shared by the drafts' flow options
 * (Flow Attribute 240, multihoming FID 242, this option 243). Readings of the draft's
 * ambiguities: doc/notes/draft-options.md.
 */

#ifndef PMIPV6_FLOW_BINDING_OPTIONS_H
#define PMIPV6_FLOW_BINDING_OPTIONS_H

#include "flow-options.h"
#include "mobility-option.h"
#include "pmipv6-wire-numbers.h"
#include "traffic-selector.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Take the flow description out of the parsed sub-options of a draft flow option
 * (Flow Attribute 240, multihoming FID 242, flow-binding Flow Identification 243).
 *
 * The drafts draw the flow description as a bare variable-length field next to a
 * variable-length sub-option area, which cannot be delimited on the wire; the module carries
 * it as an RFC 6089 Traffic Selector sub-option (type mip6::DRAFT_SUBOPT_FLOW_DESCRIPTION = 3:
 * TS Format (8) | Reserved (8) | RFC 6088 selector), see doc/notes/draft-options.md. A
 * selector of an unknown TS Format is kept raw (TrafficSelectorSubOption::IsFormatSupported()
 * false) so that the receiver can answer with a status.
 * \param list the sub-options; on success the Traffic Selector sub-option is removed
 * \param flowDescription set to the Traffic Selector sub-option, or nullptr when none
 * \param error set to a reason when the list holds more than one
 * \return false when the list holds more than one Traffic Selector sub-option
 */
bool TakeFlowDescription(MobilityOptionList& list,
                         Ptr<TrafficSelectorSubOption>& flowDescription,
                         std::string& error);

/**
 * \ingroup pmipv6
 * \brief Binding Reference sub-option (type 1, draft-soliman-monami6-flow-binding 3.2):
 * the BIDs (RFC 5648) a flow is bound to.
 *
 * Data: BID (16) ..., one or more. Length = 2 x number of BIDs; a Length of 0 or an odd
 * Length is rejected.
 *
 * Alignment: none (1n+0); the sub-option space has no Pad1/PadN.
 *
 * \note The draft's figure draws the first BID over 8 bits and its text says Sub-opt Len
 * counts the Type and Length octets. The module reads BIDs as 16 bits (the BID of RFC 5648,
 * which the draft references) and Length as octets excluding Type and Length (RFC 6275
 * convention, as for every option of the module).
 */
class BindingReferenceSubOption : public MobilityOption
{
  public:
    /// \brief A sub-option without BIDs (add at least one before serializing).
    BindingReferenceSubOption();
    /**
     * \brief A sub-option carrying BIDs.
     * \param bids the BIDs (at least one)
     */
    explicit BindingReferenceSubOption(const std::vector<uint16_t>& bids);

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The BIDs in wire order.
     * \return the BIDs
     */
    const std::vector<uint16_t>& GetBindingIds() const;
    /**
     * \brief Set the BIDs.
     * \param bids the BIDs (at least one)
     */
    void SetBindingIds(const std::vector<uint16_t>& bids);

  private:
    std::vector<uint16_t> m_bids; ///< the BIDs
};

/**
 * \ingroup pmipv6
 * \brief Flow Identification option, flow-binding variant (type 243,
 * draft-soliman-monami6-flow-binding 3.1).
 *
 * Data: PRI (8) | FID (16) | Action (8) | Status (8) | PRO (4) | Res. (4) | sub-options.
 * The 6 fixed octets are followed by TLV sub-options (Type (8) | Length (8, octets excluding
 * Type and Length) | data, no Pad1/PadN): the flow description first when present
 * (TrafficSelectorSubOption, type 3: TS Format | Reserved | RFC 6088 selector), then the
 * others in the order added (Binding Reference, type 1; unknown types are kept and skipped). A
 * Length below 6, more than one flow description and malformed sub-options are rejected.
 *
 * Action values: mip6::FbidAction (1 forward, 2 discard, 3 n-cast). PRO values:
 * mip6::FbidPro (0 add, 1 replace, 2 refresh, 15 remove). Status: mip6::FbidStatus.
 *
 * Alignment: 2n+1, so that the 16-bit FID (option offset 3) is on an even offset.
 *
 * \note The figure draws FID over 16 bits (octets 3-4) while the text says "8-bit unsigned
 * integer"; the module follows the figure (16 bits, as the FID of RFC 6089 and of the other
 * drafts). The figure places the Flow Description right after the fixed fields; the module
 * writes it there, as sub-option type 3. Option Len is in octets excluding Type and Length,
 * not the draft's 8-octet units.
 */
class FbFlowIdentificationOption : public MobilityOption
{
  public:
    /// \brief An option with every field 0, no flow description and no sub-options.
    FbFlowIdentificationOption();

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The PRI field (lower value = higher priority).
     * \return the priority
     */
    uint8_t GetPriority() const;
    /**
     * \brief Set the PRI field.
     * \param priority the priority (lower value = higher priority)
     */
    void SetPriority(uint8_t priority);
    /**
     * \brief The FID field.
     * \return the flow identifier
     */
    uint16_t GetFlowId() const;
    /**
     * \brief Set the FID field.
     * \param fid the flow identifier
     */
    void SetFlowId(uint16_t fid);
    /**
     * \brief The Action field (mip6::FbidAction).
     * \return the action
     */
    uint8_t GetAction() const;
    /**
     * \brief Set the Action field.
     * \param action the action (mip6::FbidAction)
     */
    void SetAction(uint8_t action);
    /**
     * \brief The Status field (mip6::FbidStatus; meaningful in a Binding Acknowledgement).
     * \return the status
     */
    uint8_t GetStatus() const;
    /**
     * \brief Set the Status field.
     * \param status the status (mip6::FbidStatus)
     */
    void SetStatus(uint8_t status);
    /**
     * \brief The PRO field (mip6::FbidPro).
     * \return the 4-bit processing code
     */
    uint8_t GetPro() const;
    /**
     * \brief Set the PRO field.
     * \param pro the processing code, 0..15 (mip6::FbidPro)
     */
    void SetPro(uint8_t pro);

    /**
     * \brief Whether a flow description is present (absent with PRO add = wild card, 4.4).
     * \return true when present
     */
    bool HasFlowDescription() const;
    /**
     * \brief Whether the flow description's TS Format is one the module decodes (1 or 2);
     * a receiver answers mip6::FBID_STATUS_CLASSIFIER_NOT_SUPPORTED otherwise.
     * \return true when present and supported
     */
    bool IsFlowDescriptionSupported() const;
    /**
     * \brief The flow description's TS Format.
     * \return the format, 0 when absent
     */
    uint8_t GetFlowDescriptionFormat() const;
    /**
     * \brief The flow description (meaningful when IsFlowDescriptionSupported()).
     * \return the selector; an empty IPv6 selector when absent
     */
    TrafficSelector GetFlowDescription() const;
    /**
     * \brief Set the flow description.
     * \param selector the selector (format 1 or 2)
     */
    void SetFlowDescription(const TrafficSelector& selector);
    /// \brief Remove the flow description.
    void ClearFlowDescription();

    /**
     * \brief Append a sub-option other than the flow description (e.g. a Binding Reference).
     * \param subOption the sub-option
     */
    void AddSubOption(Ptr<MobilityOption> subOption);
    /**
     * \brief The sub-options other than the flow description, in wire order (unknown types
     * included as UnknownMobilityOption).
     * \return the sub-options
     */
    const MobilityOptionList& GetSubOptions() const;
    /**
     * \brief Every BID of every Binding Reference sub-option, in wire order.
     * \return the BIDs
     */
    std::vector<uint16_t> GetBindingIds() const;
    /**
     * \brief Replace every Binding Reference sub-option by one carrying \p bids (none when
     * \p bids is empty).
     * \param bids the BIDs
     */
    void SetBindingIds(const std::vector<uint16_t>& bids);

  private:
    uint8_t m_priority;                              ///< PRI
    uint16_t m_fid;                                  ///< FID
    uint8_t m_action;                                ///< Action
    uint8_t m_status;                                ///< Status
    uint8_t m_pro;                                   ///< PRO, 4 bits
    Ptr<TrafficSelectorSubOption> m_flowDescription; ///< the flow description, or nullptr
    MobilityOptionList m_subOptions;                 ///< the other sub-options
};

/**
 * \ingroup pmipv6
 * \brief Build an empty option of the monami6-flow-binding family.
 * \param type the option Type octet
 * \return the option for mip6::OPT_FB_FLOW_IDENTIFICATION, nullptr for any other type
 */
Ptr<MobilityOption> CreateFlowBindingOption(uint8_t type);

} // namespace ns3

#endif /* PMIPV6_FLOW_BINDING_OPTIONS_H */
