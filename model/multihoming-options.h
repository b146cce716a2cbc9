/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Mobility options of draft-melia-netext-muho-solution-00 (section 4): the Multihoming
 * option and the multihoming variant of the Flow Identifier option. Readings of the draft's
 * ambiguities: doc/notes/draft-options.md.
 */

#ifndef PMIPV6_MULTIHOMING_OPTIONS_H
#define PMIPV6_MULTIHOMING_OPTIONS_H

#include "flow-options.h"
#include "mobility-option.h"
#include "pmipv6-wire-numbers.h"
#include "traffic-selector.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Multihoming option (type 241, draft-melia-netext-muho-solution 4.1).
 *
 * Data (Length 2): MHGID (8) | ACT (3) | RFU (5). MHGID 0 is the default multihoming group
 * (the only one the draft supports; other values are carried unchanged). ACT values are
 * mip6::MultihomingAct (1 remove filters, 2 keep filters), set only with Handoff Indicator 4.
 *
 * Alignment: none (1n+0); the data are two single octets.
 *
 * \note ACT is read as the 3 most significant bits of the second data octet, as drawn; the
 * 5 RFU bits are written as zero and ignored on receipt. A Length other than 2 is rejected.
 */
class MultihomingOption : public MobilityOption
{
  public:
    /// \brief An option for the default group (MHGID 0) with ACT 0.
    MultihomingOption();

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The multihoming group identifier (MHGID).
     * \return the MHGID
     */
    uint8_t GetGroupId() const;
    /**
     * \brief Set the multihoming group identifier (MHGID).
     * \param mhgid the MHGID (mip6::MUHO_GROUP_DEFAULT = 0 for the default group)
     */
    void SetGroupId(uint8_t mhgid);
    /**
     * \brief The ACT field.
     * \return the action on interface removal (mip6::MultihomingAct), 0..7
     */
    uint8_t GetAct() const;
    /**
     * \brief Set the ACT field.
     * \param act the action on interface removal, 0..7 (mip6::MultihomingAct)
     */
    void SetAct(uint8_t act);

  private:
    uint8_t m_mhgid; ///< MHGID
    uint8_t m_act;   ///< ACT, 3 bits
};

/**
 * \ingroup pmipv6
 * \brief Flow Identifier option, multihoming variant (type 242,
 * draft-melia-netext-muho-solution 4.2): one downlink filter of a multihoming group.
 *
 * Data: FID (16) | FID-PRI (8) | Action (8) | Rsvd (4) | PRO (4) | Status (8) | sub-options.
 * The 6 fixed octets are followed by TLV sub-options (Type (8) | Length (8, octets excluding
 * Type and Length) | data, no Pad1/PadN): the filter first when present
 * (TrafficSelectorSubOption, type 3: TS Format | Reserved | RFC 6088 selector), then any
 * others (unknown types are kept and skipped). A Length below 6, more than one filter and
 * malformed sub-options are rejected.
 *
 * PRO values: mip6::MuhoFidPro (2 = flow binding re-instantiated by the LMA). Action and
 * Status use the values of the [MEXT] Flow Identification option: mip6::FbidAction and
 * mip6::FbidStatus.
 *
 * Alignment: 4n+0, so that the FID is on an even offset and the filter's selector (option
 * offset 12) on a multiple of 4.
 *
 * \note The draft draws only the fixed fields and refers to [MEXT] (draft-ietf-mext-flow-
 * binding, not in the module's spec folder) for the rest, where the flow description travels
 * in a sub-option; the module uses the flow description sub-option shared by the drafts'
 * flow options. PRO is the low nibble of its octet, as drawn ("Rsvd | PRO"). The PRO values
 * other than 2 are not given by the draft; the module takes 0 add, 1 modify, 15 remove from
 * draft-soliman-monami6-flow-binding 3.1 (the ancestor of [MEXT]), whose 2 (refresh) the
 * muho draft calls a reserved value and redefines.
 */
class MuhoFlowIdentifierOption : public MobilityOption
{
  public:
    /// \brief An option with every field 0 and no filter.
    MuhoFlowIdentifierOption();

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

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
     * \brief The FID-PRI field.
     * \return the priority
     */
    uint8_t GetPriority() const;
    /**
     * \brief Set the FID-PRI field.
     * \param priority the priority
     */
    void SetPriority(uint8_t priority);
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
     * \brief The PRO field (mip6::MuhoFidPro).
     * \return the 4-bit processing code
     */
    uint8_t GetPro() const;
    /**
     * \brief Set the PRO field.
     * \param pro the processing code, 0..15 (mip6::MuhoFidPro)
     */
    void SetPro(uint8_t pro);
    /**
     * \brief The Status field (per-filter result in a PBA, mip6::FbidStatus).
     * \return the status
     */
    uint8_t GetStatus() const;
    /**
     * \brief Set the Status field.
     * \param status the status (mip6::FbidStatus)
     */
    void SetStatus(uint8_t status);

    /**
     * \brief Whether a filter (flow description) is present.
     * \return true when present
     */
    bool HasFilter() const;
    /**
     * \brief Whether the filter's TS Format is one the module decodes (1 or 2).
     * \return true when present and supported
     */
    bool IsFilterSupported() const;
    /**
     * \brief The filter's TS Format.
     * \return the format, 0 when absent
     */
    uint8_t GetFilterFormat() const;
    /**
     * \brief The filter (meaningful when IsFilterSupported()).
     * \return the selector; an empty IPv6 selector when absent
     */
    TrafficSelector GetFilter() const;
    /**
     * \brief Set the filter.
     * \param selector the selector (format 1 or 2)
     */
    void SetFilter(const TrafficSelector& selector);
    /// \brief Remove the filter.
    void ClearFilter();

    /**
     * \brief Append a sub-option other than the filter.
     * \param subOption the sub-option
     */
    void AddSubOption(Ptr<MobilityOption> subOption);
    /**
     * \brief The sub-options other than the filter, in wire order (unknown types included as
     * UnknownMobilityOption).
     * \return the sub-options
     */
    const MobilityOptionList& GetSubOptions() const;

  private:
    uint16_t m_fid;                         ///< FID
    uint8_t m_priority;                     ///< FID-PRI
    uint8_t m_action;                       ///< Action
    uint8_t m_pro;                          ///< PRO, 4 bits
    uint8_t m_status;                       ///< Status
    Ptr<TrafficSelectorSubOption> m_filter; ///< the filter, or nullptr
    MobilityOptionList m_subOptions;        ///< the other sub-options
};

/**
 * \ingroup pmipv6
 * \brief Build an empty option of the muho-solution family.
 * \param type the option Type octet
 * \return the option for mip6::OPT_MULTIHOMING or mip6::OPT_MUHO_FLOW_IDENTIFIER, nullptr
 * for any other type
 */
Ptr<MobilityOption> CreateMultihomingOption(uint8_t type);

} // namespace ns3

#endif /* PMIPV6_MULTIHOMING_OPTIONS_H */
