/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "multihoming-options.h"

#include "flow-binding-options.h"

#include "ns3/log.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MultihomingOptions");

namespace
{

/// Data octets of the Multihoming option.
constexpr uint8_t MUHO_LENGTH = 2;
/// Data octets of the multihoming FID option before its sub-options.
constexpr uint8_t MUHO_FID_FIXED_LENGTH = 6;

/**
 * Sub-option factory of the multihoming FID option.
 * \param type the sub-option Type octet
 * \return the sub-option, or nullptr for an unknown type
 */
Ptr<MobilityOption>
CreateMuhoFidSubOption(uint8_t type)
{
    if (type == mip6::MUHO_SUBOPT_FLOW_DESCRIPTION)
    {
        return Create<TrafficSelectorSubOption>();
    }
    return nullptr;
}

} // namespace

// ---------------------------------------------------------------------------------------------

MultihomingOption::MultihomingOption()
    : m_mhgid(mip6::MUHO_GROUP_DEFAULT),
      m_act(mip6::MUHO_ACT_RESERVED)
{
}

uint8_t
MultihomingOption::GetType() const
{
    return mip6::OPT_MULTIHOMING;
}

std::string
MultihomingOption::GetName() const
{
    return "Multihoming";
}

uint32_t
MultihomingOption::GetDataLength() const
{
    return MUHO_LENGTH;
}

void
MultihomingOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteU8(m_mhgid);
    i.WriteU8(static_cast<uint8_t>(m_act << mip6::MUHO_ACT_SHIFT));
}

bool
MultihomingOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (length != MUHO_LENGTH)
    {
        std::ostringstream oss;
        oss << "Length " << +length << ", the option's Length must be " << +MUHO_LENGTH;
        error = oss.str();
        return false;
    }
    m_mhgid = i.ReadU8();
    m_act = i.ReadU8() >> mip6::MUHO_ACT_SHIFT;
    return true;
}

void
MultihomingOption::Print(std::ostream& os) const
{
    os << "Multihoming(mhgid=" << +m_mhgid << " act=" << +m_act << ")";
}

uint8_t
MultihomingOption::GetGroupId() const
{
    return m_mhgid;
}

void
MultihomingOption::SetGroupId(uint8_t mhgid)
{
    m_mhgid = mhgid;
}

uint8_t
MultihomingOption::GetAct() const
{
    return m_act;
}

void
MultihomingOption::SetAct(uint8_t act)
{
    NS_ASSERT_MSG(act < (1u << (8 - mip6::MUHO_ACT_SHIFT)), "ACT is a 3-bit field: " << +act);
    m_act = act;
}

// ---------------------------------------------------------------------------------------------

MuhoFlowIdentifierOption::MuhoFlowIdentifierOption()
    : m_fid(0),
      m_priority(0),
      m_action(0),
      m_pro(0),
      m_status(0),
      m_filter(nullptr),
      m_subOptions(&CreateMuhoFidSubOption, false, false)
{
}

uint8_t
MuhoFlowIdentifierOption::GetType() const
{
    return mip6::OPT_MUHO_FLOW_IDENTIFIER;
}

std::string
MuhoFlowIdentifierOption::GetName() const
{
    return "MuhoFlowIdentifier";
}

MobilityOption::Alignment
MuhoFlowIdentifierOption::GetAlignment() const
{
    return {4, 0};
}

uint32_t
MuhoFlowIdentifierOption::GetDataLength() const
{
    uint32_t length = MUHO_FID_FIXED_LENGTH;
    if (m_filter)
    {
        length += m_filter->GetSerializedSize();
    }
    return length + m_subOptions.GetSerializedSize(0);
}

void
MuhoFlowIdentifierOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_fid);
    i.WriteU8(m_priority);
    i.WriteU8(m_action);
    i.WriteU8(m_pro & mip6::MUHO_PRO_MASK);
    i.WriteU8(m_status);
    if (m_filter)
    {
        m_filter->Serialize(i);
    }
    m_subOptions.Serialize(i, 0);
}

bool
MuhoFlowIdentifierOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (length < MUHO_FID_FIXED_LENGTH)
    {
        std::ostringstream oss;
        oss << "Length " << +length << " is shorter than the " << +MUHO_FID_FIXED_LENGTH
            << " fixed octets (FID, FID-PRI, Action, PRO, Status)";
        error = oss.str();
        return false;
    }
    uint16_t fid = i.ReadNtohU16();
    uint8_t priority = i.ReadU8();
    uint8_t action = i.ReadU8();
    uint8_t pro = i.ReadU8() & mip6::MUHO_PRO_MASK;
    uint8_t status = i.ReadU8();
    MobilityOptionList subOptions(&CreateMuhoFidSubOption, false, false);
    std::string why;
    if (!subOptions.Deserialize(i, length - MUHO_FID_FIXED_LENGTH, why))
    {
        error = "sub-options: " + why;
        return false;
    }
    Ptr<TrafficSelectorSubOption> filter;
    if (!TakeFlowDescription(subOptions, filter, why))
    {
        error = why;
        return false;
    }
    m_fid = fid;
    m_priority = priority;
    m_action = action;
    m_pro = pro;
    m_status = status;
    m_filter = filter;
    m_subOptions = subOptions;
    return true;
}

void
MuhoFlowIdentifierOption::Print(std::ostream& os) const
{
    os << "MuhoFlowIdentifier(fid=" << m_fid << " pri=" << +m_priority << " action=" << +m_action
       << " pro=" << +m_pro << " status=" << +m_status;
    if (m_filter)
    {
        os << " ";
        m_filter->Print(os);
    }
    if (m_subOptions.GetCount() > 0)
    {
        os << " ";
        m_subOptions.Print(os);
    }
    os << ")";
}

uint16_t
MuhoFlowIdentifierOption::GetFlowId() const
{
    return m_fid;
}

void
MuhoFlowIdentifierOption::SetFlowId(uint16_t fid)
{
    m_fid = fid;
}

uint8_t
MuhoFlowIdentifierOption::GetPriority() const
{
    return m_priority;
}

void
MuhoFlowIdentifierOption::SetPriority(uint8_t priority)
{
    m_priority = priority;
}

uint8_t
MuhoFlowIdentifierOption::GetAction() const
{
    return m_action;
}

void
MuhoFlowIdentifierOption::SetAction(uint8_t action)
{
    m_action = action;
}

uint8_t
MuhoFlowIdentifierOption::GetPro() const
{
    return m_pro;
}

void
MuhoFlowIdentifierOption::SetPro(uint8_t pro)
{
    NS_ASSERT_MSG(pro <= mip6::MUHO_PRO_MASK, "PRO is a 4-bit field: " << +pro);
    m_pro = pro;
}

uint8_t
MuhoFlowIdentifierOption::GetStatus() const
{
    return m_status;
}

void
MuhoFlowIdentifierOption::SetStatus(uint8_t status)
{
    m_status = status;
}

bool
MuhoFlowIdentifierOption::HasFilter() const
{
    return m_filter != nullptr;
}

bool
MuhoFlowIdentifierOption::IsFilterSupported() const
{
    return m_filter && m_filter->IsFormatSupported();
}

uint8_t
MuhoFlowIdentifierOption::GetFilterFormat() const
{
    return m_filter ? m_filter->GetFormat() : 0;
}

TrafficSelector
MuhoFlowIdentifierOption::GetFilter() const
{
    return m_filter ? m_filter->GetTrafficSelector() : TrafficSelector();
}

void
MuhoFlowIdentifierOption::SetFilter(const TrafficSelector& selector)
{
    NS_ASSERT_MSG(selector.IsFormatSupported(), "unsupported TS Format " << +selector.GetFormat());
    m_filter = Create<TrafficSelectorSubOption>(selector);
}

void
MuhoFlowIdentifierOption::ClearFilter()
{
    m_filter = nullptr;
}

void
MuhoFlowIdentifierOption::AddSubOption(Ptr<MobilityOption> subOption)
{
    NS_ASSERT_MSG(!DynamicCast<TrafficSelectorSubOption>(subOption),
                  "use SetFilter for the filter");
    m_subOptions.Add(subOption);
}

const MobilityOptionList&
MuhoFlowIdentifierOption::GetSubOptions() const
{
    return m_subOptions;
}

// ---------------------------------------------------------------------------------------------

Ptr<MobilityOption>
CreateMultihomingOption(uint8_t type)
{
    switch (type)
    {
    case mip6::OPT_MULTIHOMING:
        return Create<MultihomingOption>();
    case mip6::OPT_MUHO_FLOW_IDENTIFIER:
        return Create<MuhoFlowIdentifierOption>();
    default:
        return nullptr;
    }
}

} // namespace ns3
