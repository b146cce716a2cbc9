/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "flow-binding-sub-options.h"

#include <sstream>

namespace ns3
{

namespace
{

/// Data of the Flow Binding Action sub-option: Action and Reserved.
constexpr uint8_t FB_ACTION_LENGTH = 2;
/// Data of the Flow Binding Lifetime sub-option.
constexpr uint8_t FB_LIFETIME_LENGTH = 2;
/// An IPv4 Target Care-of Address without the Reserved field.
constexpr uint8_t TARGET_COA_BARE_IPV4 = 4;
/// An IPv6 Target Care-of Address without the Reserved field.
constexpr uint8_t TARGET_COA_BARE_IPV6 = 16;

} // namespace

// ---- Flow Binding Action (4) -----------------------------------------------------------------

FlowBindingActionSubOption::FlowBindingActionSubOption(uint8_t action)
    : m_action(action)
{
}

uint8_t
FlowBindingActionSubOption::GetType() const
{
    return mip6::FID_SUBOPT_FLOW_BINDING_ACTION;
}

std::string
FlowBindingActionSubOption::GetName() const
{
    return "FlowBindingAction";
}

uint32_t
FlowBindingActionSubOption::GetDataLength() const
{
    return FB_ACTION_LENGTH;
}

void
FlowBindingActionSubOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteU8(m_action);
    i.WriteU8(0); // Reserved
}

bool
FlowBindingActionSubOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (length < 1)
    {
        error = "Length 0: no Action octet";
        return false;
    }
    m_action = i.ReadU8(); // the Reserved octet and anything after it are ignored
    return true;
}

void
FlowBindingActionSubOption::Print(std::ostream& os) const
{
    os << "FlowBindingAction(" << +m_action << ")";
}

uint8_t
FlowBindingActionSubOption::GetAction() const
{
    return m_action;
}

void
FlowBindingActionSubOption::SetAction(uint8_t action)
{
    m_action = action;
}

// ---- Target Care-of Address (5) --------------------------------------------------------------

FlowIdTargetCareOfAddressSubOption::FlowIdTargetCareOfAddressSubOption()
{
}

FlowIdTargetCareOfAddressSubOption::FlowIdTargetCareOfAddressSubOption(Ipv6Address address)
    : TargetCareOfAddressSubOption(address)
{
}

uint8_t
FlowIdTargetCareOfAddressSubOption::GetType() const
{
    return mip6::FID_SUBOPT_TARGET_COA;
}

std::string
FlowIdTargetCareOfAddressSubOption::GetName() const
{
    return "FlowIdTargetCareOfAddress";
}

bool
FlowIdTargetCareOfAddressSubOption::DeserializeData(Buffer::Iterator i,
                                                    uint8_t length,
                                                    std::string& error)
{
    if (length == TARGET_COA_BARE_IPV4)
    {
        SetAddress(Ipv4Address(i.ReadNtohU32()));
        return true;
    }
    if (length == TARGET_COA_BARE_IPV6)
    {
        uint8_t b[TARGET_COA_BARE_IPV6];
        i.Read(b, sizeof(b));
        SetAddress(Ipv6Address(b));
        return true;
    }
    return TargetCareOfAddressSubOption::DeserializeData(i, length, error);
}

// ---- Alternate LMA (240, module number) ------------------------------------------------------

FlowIdAlternateLmaSubOption::FlowIdAlternateLmaSubOption()
{
}

FlowIdAlternateLmaSubOption::FlowIdAlternateLmaSubOption(const std::vector<Ipv6Address>& addresses)
    : AlternateLmaSubOption(addresses)
{
}

uint8_t
FlowIdAlternateLmaSubOption::GetType() const
{
    return mip6::FID_SUBOPT_ALTERNATE_LMA;
}

std::string
FlowIdAlternateLmaSubOption::GetName() const
{
    return "FlowIdAlternateLma";
}

// ---- Flow Binding Lifetime (241, module number) ----------------------------------------------

FlowBindingLifetimeSubOption::FlowBindingLifetimeSubOption(uint16_t units)
    : m_lifetime(units)
{
}

uint8_t
FlowBindingLifetimeSubOption::GetType() const
{
    return mip6::FID_SUBOPT_FLOW_BINDING_LIFETIME;
}

std::string
FlowBindingLifetimeSubOption::GetName() const
{
    return "FlowBindingLifetime";
}

uint32_t
FlowBindingLifetimeSubOption::GetDataLength() const
{
    return FB_LIFETIME_LENGTH;
}

void
FlowBindingLifetimeSubOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_lifetime);
}

bool
FlowBindingLifetimeSubOption::DeserializeData(Buffer::Iterator i,
                                              uint8_t length,
                                              std::string& error)
{
    if (length != FB_LIFETIME_LENGTH)
    {
        std::ostringstream oss;
        oss << "Length " << +length << ", must be " << +FB_LIFETIME_LENGTH;
        error = oss.str();
        return false;
    }
    m_lifetime = i.ReadNtohU16();
    return true;
}

void
FlowBindingLifetimeSubOption::Print(std::ostream& os) const
{
    os << "FlowBindingLifetime(" << m_lifetime << ")";
}

uint16_t
FlowBindingLifetimeSubOption::GetLifetime() const
{
    return m_lifetime;
}

void
FlowBindingLifetimeSubOption::SetLifetime(uint16_t units)
{
    m_lifetime = units;
}

Ptr<MobilityOption>
CreateFlowBindingSubOption(uint8_t type)
{
    switch (type)
    {
    case mip6::FID_SUBOPT_FLOW_BINDING_ACTION:
        return Create<FlowBindingActionSubOption>();
    case mip6::FID_SUBOPT_TARGET_COA:
        return Create<FlowIdTargetCareOfAddressSubOption>();
    case mip6::FID_SUBOPT_ALTERNATE_LMA:
        return Create<FlowIdAlternateLmaSubOption>();
    case mip6::FID_SUBOPT_FLOW_BINDING_LIFETIME:
        return Create<FlowBindingLifetimeSubOption>();
    default:
        return nullptr;
    }
}

} // namespace ns3
