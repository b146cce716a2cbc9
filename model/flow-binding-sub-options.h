/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_FLOW_BINDING_SUB_OPTIONS_H
#define PMIPV6_FLOW_BINDING_SUB_OPTIONS_H

// Sub-options of the RFC 6089 Flow Identification option that home-agent (here: LMA)
// initiated flow binding uses: RFC 7109's Flow Binding Action (4) and Target Care-of Address
// (5), and the module's two for draft-000 content RFC 7109 has no field for (Alternate LMA,
// 240; flow binding Lifetime, 241). Readings: doc/pmipv6.rst, "RFC 7109 encoding".

#include "flow-attribute-option.h"
#include "mobility-option.h"
#include "pmipv6-wire-numbers.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Flow Binding Action sub-option (type 4, RFC 7109 3.2.1) of the Flow Identification
 * option: what an FBI asks for the flow (mip6::FlowBindingActionValue: 11 add, 12 delete,
 * 13 modify, 14 refresh, 15 move, 16 revoke).
 * Data: Action (8) | Reserved (8); Length 2. On receipt a Length of 1 (the Action octet
 * alone) is accepted too, longer data is skipped; Length 0 is rejected.
 */
class FlowBindingActionSubOption : public MobilityOption
{
  public:
    /**
     * \brief A sub-option with an action.
     * \param action the Action value (0 until set)
     */
    explicit FlowBindingActionSubOption(uint8_t action = 0);

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The Action field.
     * \return the action (mip6::FlowBindingActionValue)
     */
    uint8_t GetAction() const;
    /**
     * \brief Set the Action field.
     * \param action the action (mip6::FlowBindingActionValue)
     */
    void SetAction(uint8_t action);

  private:
    uint8_t m_action; ///< Action
};

/**
 * \ingroup pmipv6
 * \brief Target Care-of Address sub-option (type 5, RFC 7109 3.2.2) of the Flow
 * Identification option: the care-of address (here: the Proxy-CoA) a flow is bound to.
 * Data as the draft-000 sub-option it derives from: Reserved (16) | IPv4 or IPv6 address;
 * Length 6 or 18. On receipt the address without the Reserved field (Length 4 or 16) is
 * accepted too; other Lengths are rejected.
 */
class FlowIdTargetCareOfAddressSubOption : public TargetCareOfAddressSubOption
{
  public:
    /// \brief A sub-option with the IPv6 address "::".
    FlowIdTargetCareOfAddressSubOption();
    /**
     * \brief A sub-option with an IPv6 care-of address.
     * \param address the address
     */
    explicit FlowIdTargetCareOfAddressSubOption(Ipv6Address address);

    uint8_t GetType() const override;
    std::string GetName() const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
};

/**
 * \ingroup pmipv6
 * \brief Alternate LMA sub-option of the Flow Identification option (module number 240): the
 * draft-000 Alternate LMA sub-option (7.2.2) carried in an RFC 7109 FBI, where it names the
 * LMAs a revoked flow is to be registered with (draft-000 switch). Same data as
 * AlternateLmaSubOption: # of Addresses (8) | Reserved (8) | IPv6 addresses.
 */
class FlowIdAlternateLmaSubOption : public AlternateLmaSubOption
{
  public:
    /// \brief A sub-option without addresses (add at least one before serializing).
    FlowIdAlternateLmaSubOption();
    /**
     * \brief A sub-option carrying LMA addresses.
     * \param addresses the addresses (1..15)
     */
    explicit FlowIdAlternateLmaSubOption(const std::vector<Ipv6Address>& addresses);

    uint8_t GetType() const override;
    std::string GetName() const override;
};

/**
 * \ingroup pmipv6
 * \brief Flow Binding Lifetime sub-option of the Flow Identification option (module number
 * 241): the draft-000 Flow Attribute Lifetime (4 s units, 0 = no expiry), which RFC 6089 /
 * RFC 7109 flow bindings do not have (they live as long as their binding).
 * Data: Lifetime (16); Length 2, any other Length is rejected.
 */
class FlowBindingLifetimeSubOption : public MobilityOption
{
  public:
    /**
     * \brief A sub-option with a lifetime.
     * \param units the lifetime, 4 s units
     */
    explicit FlowBindingLifetimeSubOption(uint16_t units = 0);

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The Lifetime field.
     * \return the lifetime, 4 s units
     */
    uint16_t GetLifetime() const;
    /**
     * \brief Set the Lifetime field.
     * \param units the lifetime, 4 s units
     */
    void SetLifetime(uint16_t units);

  private:
    uint16_t m_lifetime; ///< Lifetime, 4 s units
};

/**
 * \ingroup pmipv6
 * \brief Build a sub-option object of this file's types (the Flow Identification option's
 * factory calls it for the types it does not know itself).
 * \param type the sub-option type
 * \return the sub-option, or nullptr for another type
 */
Ptr<MobilityOption> CreateFlowBindingSubOption(uint8_t type);

} // namespace ns3

#endif /* PMIPV6_FLOW_BINDING_SUB_OPTIONS_H */
