/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The Flow Attribute option of draft-sarikaya-netext-lma-init-flow-binding-00 (section 7.2)
 * and its Alternate LMA and Target Care-of Address sub-options. Readings of the draft's
 * ambiguities: doc/notes/draft-options.md.
 */

#ifndef PMIPV6_FLOW_ATTRIBUTE_OPTION_H
#define PMIPV6_FLOW_ATTRIBUTE_OPTION_H

#include "flow-options.h"
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
 * \brief Alternate Local Mobility Anchor sub-option (type 1,
 * draft-sarikaya-netext-lma-init-flow-binding 7.2.2): the LMAs to switch a flow binding to.
 *
 * Data: # of Addresses (8) | Reserved (8) | IPv6 LMA address (128) x # of Addresses.
 * Length = 2 + 16 x # of Addresses; a mismatch, or 0 addresses, is rejected.
 *
 * Alignment: none (1n+0); the sub-option space has no Pad1/PadN.
 *
 * \note The draft defines "the number of IPv6 local mobility anchor addresses" only; IPv4
 * LMA addresses cannot be carried. The figure draws Sub-Opt Len over 7 bits and # of
 * Addresses over 9; the module reads two octets. Sub-Opt Len is in octets excluding Type and
 * Length, not the draft's 8-octet units.
 */
class AlternateLmaSubOption : public MobilityOption
{
  public:
    /// \brief A sub-option without addresses (add at least one before serializing).
    AlternateLmaSubOption();
    /**
     * \brief A sub-option carrying LMA addresses.
     * \param addresses the addresses (1..15)
     */
    explicit AlternateLmaSubOption(const std::vector<Ipv6Address>& addresses);

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The alternate LMA addresses in wire order.
     * \return the addresses
     */
    const std::vector<Ipv6Address>& GetAddresses() const;
    /**
     * \brief Set the alternate LMA addresses.
     * \param addresses the addresses (1..15, so that the option fits in 255 octets)
     */
    void SetAddresses(const std::vector<Ipv6Address>& addresses);

  private:
    std::vector<Ipv6Address> m_addresses; ///< the LMA addresses
};

/**
 * \ingroup pmipv6
 * \brief Target Care-of Address sub-option (type 2,
 * draft-sarikaya-netext-lma-init-flow-binding 7.2.3): the (IPv4 or IPv6) care-of address a
 * flow binding is added at or moved to.
 *
 * Data: Reserved (16) | IPv4 address (32) or IPv6 address (128). Length 6 (IPv4) or 18
 * (IPv6); any other Length is rejected.
 *
 * Alignment: none (1n+0); the sub-option space has no Pad1/PadN.
 *
 * \note The draft gives Sub-Opt Len 12 for IPv4 and 16 for IPv6, which match neither an
 * octet count with nor without Type and Length (8/6 and 20/18). The module uses octets
 * excluding Type and Length: 6 and 18; the draft's literal values are rejected.
 */
class TargetCareOfAddressSubOption : public MobilityOption
{
  public:
    /// \brief A sub-option with the IPv6 address "::".
    TargetCareOfAddressSubOption();
    /**
     * \brief A sub-option with an IPv6 care-of address.
     * \param address the address
     */
    explicit TargetCareOfAddressSubOption(Ipv6Address address);
    /**
     * \brief A sub-option with an IPv4 care-of address (IPv4-MN-HoA, section 6).
     * \param address the address
     */
    explicit TargetCareOfAddressSubOption(Ipv4Address address);

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief Whether the address is IPv4.
     * \return true for IPv4, false for IPv6
     */
    bool IsIpv4() const;
    /**
     * \brief The IPv6 address (meaningful when !IsIpv4()).
     * \return the address
     */
    Ipv6Address GetIpv6Address() const;
    /**
     * \brief The IPv4 address (meaningful when IsIpv4()).
     * \return the address
     */
    Ipv4Address GetIpv4Address() const;
    /**
     * \brief Carry an IPv6 address.
     * \param address the address
     */
    void SetAddress(Ipv6Address address);
    /**
     * \brief Carry an IPv4 address.
     * \param address the address
     */
    void SetAddress(Ipv4Address address);

  private:
    bool m_ipv4;               ///< the address is IPv4
    Ipv6Address m_ipv6;        ///< the IPv6 address
    Ipv4Address m_ipv4Address; ///< the IPv4 address
};

/**
 * \ingroup pmipv6
 * \brief Flow Attribute option (type 240, draft-sarikaya-netext-lma-init-flow-binding
 * 7.2.1): one flow binding operation in a PFBI / PFBA.
 *
 * Data: PRO (8) | PRI (8) | FID (16) | Status (8) | Reserved (8) | Lifetime (16, 4 s units) |
 * sub-options. The 8 fixed octets are followed by TLV sub-options (Type (8) | Length (8,
 * octets excluding Type and Length) | data, no Pad1/PadN) in the order added (Alternate LMA,
 * type 1; Target Care-of Address, type 2; unknown types are kept and skipped), then the flow
 * description last when present (TrafficSelectorSubOption, type 3: TS Format | Reserved |
 * RFC 6088 selector). A Length below 8, more than one flow description and malformed
 * sub-options are rejected.
 *
 * PRO values: mip6::FlowAttributePro (1 add, 2 delete, 3 modify, 4 refresh, 5 move,
 * 6 switch). Status: 0..127 success, 128.. failure (no codes defined by the draft).
 *
 * Alignment: 8n+2, so that FID and Lifetime are on even offsets and the address of a first
 * Alternate LMA or Target Care-of Address sub-option (option offset 14) on a multiple of 8.
 *
 * \note The text calls PRO "a 4-bit field" but the figure gives it the whole octet before
 * PRI; the module follows the figure (whole octet, values 0..6 defined, others carried
 * unchanged). The figure shows "Sub-options" and then "Flow Description" as two bare
 * variable-length fields, which cannot be told apart on the wire; the module keeps the
 * draw order and carries the flow description as the last sub-option (type 3). Section 4
 * mentions an Action field that the figure does not draw; the module has none. Option Len is
 * in octets excluding Type and Length, not the draft's 8-octet units.
 */
class FlowAttributeOption : public MobilityOption
{
  public:
    /// \brief An option with every field 0, no sub-options and no flow description.
    FlowAttributeOption();

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The PRO field (mip6::FlowAttributePro).
     * \return the processing code
     */
    uint8_t GetPro() const;
    /**
     * \brief Set the PRO field.
     * \param pro the processing code (mip6::FlowAttributePro)
     */
    void SetPro(uint8_t pro);
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
     * \brief The Status field (meaningful in a PFBA).
     * \return the status (0..127 success, 128.. failure)
     */
    uint8_t GetStatus() const;
    /**
     * \brief Set the Status field.
     * \param status the status (0..127 success, 128.. failure)
     */
    void SetStatus(uint8_t status);
    /**
     * \brief The Lifetime field in 4-second units.
     * \return the lifetime units
     */
    uint16_t GetLifetime() const;
    /**
     * \brief Set the Lifetime field in 4-second units (ignored for delete and switch).
     * \param units the lifetime units
     */
    void SetLifetime(uint16_t units);
    /**
     * \brief The lifetime in seconds.
     * \return 4 x the Lifetime field
     */
    uint32_t GetLifetimeSeconds() const;

    /**
     * \brief Append a sub-option other than the flow description (Alternate LMA, Target
     * Care-of Address).
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
     * \brief The first Alternate LMA sub-option.
     * \return the sub-option, or nullptr
     */
    Ptr<AlternateLmaSubOption> GetAlternateLma() const;
    /**
     * \brief The first Target Care-of Address sub-option.
     * \return the sub-option, or nullptr
     */
    Ptr<TargetCareOfAddressSubOption> GetTargetCareOfAddress() const;

    /**
     * \brief Whether a flow description is present.
     * \return true when present
     */
    bool HasFlowDescription() const;
    /**
     * \brief Whether the flow description's TS Format is one the module decodes (1 or 2).
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

  private:
    uint8_t m_pro;                   ///< PRO
    uint8_t m_priority;              ///< PRI
    uint16_t m_fid;                  ///< FID
    uint8_t m_status;                ///< Status
    uint16_t m_lifetime;             ///< Lifetime, 4 s units
    MobilityOptionList m_subOptions; ///< sub-options other than the flow description
    Ptr<TrafficSelectorSubOption> m_flowDescription; ///< the flow description, or nullptr
};

/**
 * \ingroup pmipv6
 * \brief Build an empty option of the lma-init-flow-binding family.
 * \param type the option Type octet
 * \return the option for mip6::OPT_FLOW_ATTRIBUTE, nullptr for any other type
 */
Ptr<MobilityOption> CreateFlowAttributeOption(uint8_t type);

} // namespace ns3

#endif /* PMIPV6_FLOW_ATTRIBUTE_OPTION_H */
