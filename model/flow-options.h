/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Flow binding options of RFC 5648 (Binding Identifier) and RFC 6089 (Flow Summary, Flow
 * Identification and its sub-options), with RFC 6088 traffic selectors.
 */

#ifndef PMIPV6_FLOW_OPTIONS_H
#define PMIPV6_FLOW_OPTIONS_H

#include "mobility-option.h"
#include "pmipv6-wire-numbers.h"
#include "traffic-selector.h"

#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Binding Identifier option (type 35, RFC 5648; BID-PRI from RFC 6089).
 *
 * Data: BID (16) | Status (8) | H (1) | BID-PRI (7) | optional care-of address, IPv4 (4) or
 * IPv6 (16). Length is 4, 8 or 20; any other Length is rejected.
 * \note Alignment chosen: 4n+2 (the RFC's figure draws Type and Length in the second half of
 * a 32-bit row), so the BID is 4-octet aligned and the care-of address too; 4n+2 also
 * satisfies a 2n reading.
 */
class BindingIdentifierOption : public MobilityOption
{
  public:
    /// The largest BID-PRI (a 7-bit field, RFC 6089 4.1).
    static constexpr uint8_t MAX_PRIORITY = 0x7f;

    /**
     * \brief An option without care-of address.
     * \param bid the Binding ID (0 is reserved)
     */
    explicit BindingIdentifierOption(uint16_t bid = 1);

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The Binding ID.
     * \return the BID
     */
    uint16_t GetBid() const;
    /**
     * \brief Set the Binding ID.
     * \param bid the BID
     */
    void SetBid(uint16_t bid);
    /**
     * \brief The Status field (Binding Acknowledgement status codes, mip6::BindingAckStatus
     * and mip6::McoaStatus; 0 in a BU).
     * \return the status
     */
    uint8_t GetStatus() const;
    /**
     * \brief Set the Status field.
     * \param status the status
     */
    void SetStatus(uint8_t status);
    /**
     * \brief The H flag (simultaneous home and foreign binding).
     * \return the flag
     */
    bool GetSimultaneousHomeForeign() const;
    /**
     * \brief Set the H flag.
     * \param h the flag
     */
    void SetSimultaneousHomeForeign(bool h);
    /**
     * \brief The 7-bit BID-PRI (lower value = higher priority; 0 reserved).
     * \return the priority
     */
    uint8_t GetPriority() const;
    /**
     * \brief Set the 7-bit BID-PRI.
     * \param priority 0..127
     */
    void SetPriority(uint8_t priority);
    /**
     * \brief Carry an IPv6 care-of address.
     * \param coa the address
     */
    void SetCareOfAddress(Ipv6Address coa);
    /**
     * \brief Carry an IPv4 care-of address.
     * \param coa the address
     */
    void SetCareOfAddress(Ipv4Address coa);
    /// \brief Carry no care-of address.
    void ClearCareOfAddress();
    /**
     * \brief Whether an IPv6 care-of address is carried.
     * \return true when present
     */
    bool HasIpv6CareOfAddress() const;
    /**
     * \brief Whether an IPv4 care-of address is carried.
     * \return true when present
     */
    bool HasIpv4CareOfAddress() const;
    /**
     * \brief The IPv6 care-of address.
     * \return the address (:: when none)
     */
    Ipv6Address GetIpv6CareOfAddress() const;
    /**
     * \brief The IPv4 care-of address.
     * \return the address (0.0.0.0 when none)
     */
    Ipv4Address GetIpv4CareOfAddress() const;

  private:
    /// Which care-of address the option carries.
    enum CoaKind : uint8_t
    {
        COA_NONE,
        COA_IPV4,
        COA_IPV6,
    };

    uint16_t m_bid;     ///< BID
    uint8_t m_status;   ///< Status
    bool m_h;           ///< H flag
    uint8_t m_priority; ///< BID-PRI
    CoaKind m_coaKind;  ///< which CoA is present
    Ipv4Address m_coa4; ///< IPv4 CoA
    Ipv6Address m_coa6; ///< IPv6 CoA
};

/**
 * \ingroup pmipv6
 * \brief Flow Summary option (type 44, RFC 6089): the FIDs of the flows being refreshed.
 *
 * Data: one or more FIDs (16 each). Length must be even and at least 2.
 * \note Alignment chosen: 4n+2 (as the Flow Identification option; satisfies 2n).
 */
class FlowSummaryOption : public MobilityOption
{
  public:
    /// \brief An option without FIDs (add at least one before serializing).
    FlowSummaryOption();
    /**
     * \brief An option listing FIDs.
     * \param fids the FIDs (1..127)
     */
    explicit FlowSummaryOption(const std::vector<uint16_t>& fids);

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief Append a FID.
     * \param fid the FID
     */
    void AddFid(uint16_t fid);
    /**
     * \brief Replace the FIDs.
     * \param fids the FIDs (1..127)
     */
    void SetFids(const std::vector<uint16_t>& fids);
    /**
     * \brief The FIDs in wire order.
     * \return the FIDs
     */
    const std::vector<uint16_t>& GetFids() const;

  private:
    std::vector<uint16_t> m_fids; ///< the FIDs
};

/**
 * \ingroup pmipv6
 * \brief BID Reference sub-option (type 2) of the Flow Identification option (RFC 6089).
 *
 * Data: one or more BIDs (16 each); several BIDs mean "send the flow to each of them".
 * Length must be even and at least 2. No alignment requirement.
 */
class BidReferenceSubOption : public MobilityOption
{
  public:
    /// \brief A sub-option without BIDs (add one before serializing).
    BidReferenceSubOption();
    /**
     * \brief A sub-option listing BIDs.
     * \param bids the BIDs (1..127)
     */
    explicit BidReferenceSubOption(const std::vector<uint16_t>& bids);

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief Append a BID.
     * \param bid the BID
     */
    void AddBid(uint16_t bid);
    /**
     * \brief Replace the BIDs.
     * \param bids the BIDs (1..127)
     */
    void SetBids(const std::vector<uint16_t>& bids);
    /**
     * \brief The BIDs in wire order.
     * \return the BIDs
     */
    const std::vector<uint16_t>& GetBids() const;

  private:
    std::vector<uint16_t> m_bids; ///< the BIDs
};

/**
 * \ingroup pmipv6
 * \brief Traffic Selector sub-option (type 3) of the Flow Identification option
 * (RFC 6089).
 *
 * Data: TS Format (8) | Reserved (8) | Traffic Selector (RFC 6088, see TrafficSelector).
 * No alignment requirement.
 * \note A selector of a format this module does not know is kept as raw octets
 * (IsFormatSupported() false) rather than rejected, so that the receiver can answer with
 * status mip6::FID_STATUS_TS_FORMAT_NOT_SUPPORTED. A known format whose selector is malformed,
 * or followed by extra octets, is rejected.
 */
class TrafficSelectorSubOption : public MobilityOption
{
  public:
    /// \brief An empty IPv6 selector (matches every IPv6 packet).
    TrafficSelectorSubOption();
    /**
     * \brief A sub-option carrying a selector.
     * \param ts the selector (format 1 or 2)
     */
    explicit TrafficSelectorSubOption(const TrafficSelector& ts);

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The TS Format octet.
     * \return the format
     */
    uint8_t GetFormat() const;
    /**
     * \brief Whether the format is one TrafficSelector decodes.
     * \return true for formats 1 and 2
     */
    bool IsFormatSupported() const;
    /**
     * \brief The selector (meaningful when IsFormatSupported()).
     * \return the selector
     */
    const TrafficSelector& GetTrafficSelector() const;
    /**
     * \brief Set the selector (and the format from it).
     * \param ts the selector (format 1 or 2)
     */
    void SetTrafficSelector(const TrafficSelector& ts);

  private:
    uint8_t m_format;               ///< TS Format
    TrafficSelector m_selector;     ///< decoded selector (known formats)
    std::vector<uint8_t> m_unknown; ///< selector octets of an unknown format
};

/**
 * \ingroup pmipv6
 * \brief Build a Flow Identification sub-option object for a sub-option type.
 * \param type the sub-option type
 * \return the sub-option, or nullptr for an unknown type (kept raw by the list)
 */
Ptr<MobilityOption> CreateFlowIdSubOption(uint8_t type);

/**
 * \ingroup pmipv6
 * \brief Flow Identification option (type 45, RFC 6089).
 *
 * Data: FID (16) | FID-PRI (16) | Reserved (8) | Status (8) | sub-options. Sub-options have the
 * mobility option framing (Type, Length in octets), with Pad1 (0) / PadN (1), BID Reference
 * (2), Traffic Selector (3), RFC 7109's Flow Binding Action (4) and Target Care-of Address (5)
 * and the module's Alternate LMA (240) and Flow Binding Lifetime (241)
 * (flow-binding-sub-options.h); unknown sub-options are kept raw and skipped. Length at least 6.
 * \note Alignment chosen: 4n+2 (the RFC's figure draws Type and Length in the second half of
 * a 32-bit row); sub-options have no alignment requirement and are written without padding.
 */
class FlowIdentificationOption : public MobilityOption
{
  public:
    /**
     * \brief An option without sub-options.
     * \param fid the FID (0 is reserved)
     * \param priority the FID-PRI (0 is reserved)
     */
    explicit FlowIdentificationOption(uint16_t fid = 1, uint16_t priority = 1);

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The FID.
     * \return the FID
     */
    uint16_t GetFid() const;
    /**
     * \brief Set the FID.
     * \param fid the FID
     */
    void SetFid(uint16_t fid);
    /**
     * \brief The FID-PRI (lower value = higher priority).
     * \return the priority
     */
    uint16_t GetPriority() const;
    /**
     * \brief Set the FID-PRI.
     * \param priority the priority
     */
    void SetPriority(uint16_t priority);
    /**
     * \brief The per-flow Status (mip6::FlowIdStatus; meaningful in acknowledgements).
     * \return the status
     */
    uint8_t GetStatus() const;
    /**
     * \brief Set the per-flow Status.
     * \param status the status
     */
    void SetStatus(uint8_t status);

    /**
     * \brief The sub-options.
     * \return the list
     */
    MobilityOptionList& GetSubOptions();
    /**
     * \brief The sub-options.
     * \return the list
     */
    const MobilityOptionList& GetSubOptions() const;
    /**
     * \brief Append a sub-option.
     * \param subOption the sub-option
     */
    void AddSubOption(Ptr<MobilityOption> subOption);

    /**
     * \brief Append a BID Reference sub-option.
     * \param bids the BIDs (1..127)
     */
    void AddBidReference(const std::vector<uint16_t>& bids);
    /**
     * \brief Every BID of every BID Reference sub-option, in wire order.
     * \return the BIDs
     */
    std::vector<uint16_t> GetBids() const;
    /**
     * \brief Append a Traffic Selector sub-option.
     * \param ts the selector
     */
    void AddTrafficSelector(const TrafficSelector& ts);
    /**
     * \brief Whether a Traffic Selector sub-option is present.
     * \return true when present
     */
    bool HasTrafficSelector() const;
    /**
     * \brief The first Traffic Selector sub-option.
     * \return the sub-option, or nullptr
     */
    Ptr<TrafficSelectorSubOption> GetTrafficSelectorSubOption() const;
    /**
     * \brief The selector of the first Traffic Selector sub-option.
     * \return the selector; an empty IPv6 selector when there is none (check
     * HasTrafficSelector() first)
     */
    TrafficSelector GetTrafficSelector() const;

  private:
    uint16_t m_fid;                  ///< FID
    uint16_t m_priority;             ///< FID-PRI
    uint8_t m_status;                ///< Status
    MobilityOptionList m_subOptions; ///< sub-options
};

/**
 * \ingroup pmipv6
 * \brief Build an empty option object of this family (types 35, 44, 45).
 * \param type the Type octet
 * \return the option, or nullptr when the type is not one of this family
 */
Ptr<MobilityOption> CreateFlowOption(uint8_t type);

} // namespace ns3

#endif /* PMIPV6_FLOW_OPTIONS_H */
