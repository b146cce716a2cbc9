/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "flow-binding-options.h"

#include "ns3/log.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FlowBindingOptions");

namespace
{

/// Data octets of the Flow Identification option before its sub-options.
constexpr uint8_t FBID_FIXED_LENGTH = 6;

/**
 * Sub-option factory of the Flow Identification option (monami6-flow-binding 3.2).
 * \param type the sub-option Type octet
 * \return the sub-option, or nullptr for an unknown type
 */
Ptr<MobilityOption>
CreateFbidSubOption(uint8_t type)
{
    switch (type)
    {
    case mip6::FBID_SUBOPT_BINDING_REFERENCE:
        return Create<BindingReferenceSubOption>();
    case mip6::FBID_SUBOPT_FLOW_DESCRIPTION:
        return Create<TrafficSelectorSubOption>();
    default:
        return nullptr;
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------

bool
TakeFlowDescription(MobilityOptionList& list,
                    Ptr<TrafficSelectorSubOption>& flowDescription,
                    std::string& error)
{
    std::vector<Ptr<TrafficSelectorSubOption>> fds = list.FindAll<TrafficSelectorSubOption>();
    flowDescription = nullptr;
    if (fds.empty())
    {
        return true;
    }
    if (fds.size() > 1)
    {
        std::ostringstream oss;
        oss << fds.size() << " flow description (Traffic Selector) sub-options, at most one "
            << "allowed";
        error = oss.str();
        return false;
    }
    flowDescription = fds.front();
    std::vector<Ptr<MobilityOption>> others;
    for (const auto& o : list.GetOptions())
    {
        if (o != flowDescription)
        {
            others.push_back(o);
        }
    }
    list.Clear();
    for (const auto& o : others)
    {
        list.Add(o);
    }
    return true;
}

// ---------------------------------------------------------------------------------------------

BindingReferenceSubOption::BindingReferenceSubOption()
{
}

BindingReferenceSubOption::BindingReferenceSubOption(const std::vector<uint16_t>& bids)
    : m_bids(bids)
{
}

uint8_t
BindingReferenceSubOption::GetType() const
{
    return mip6::FBID_SUBOPT_BINDING_REFERENCE;
}

std::string
BindingReferenceSubOption::GetName() const
{
    return "BindingReference";
}

uint32_t
BindingReferenceSubOption::GetDataLength() const
{
    return 2 * m_bids.size();
}

void
BindingReferenceSubOption::SerializeData(Buffer::Iterator& i) const
{
    NS_ASSERT_MSG(!m_bids.empty(), "a Binding Reference sub-option carries at least one BID");
    for (uint16_t bid : m_bids)
    {
        i.WriteHtonU16(bid);
    }
}

bool
BindingReferenceSubOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (length == 0 || length % 2 != 0)
    {
        std::ostringstream oss;
        oss << "Length " << +length << ", must be a non-zero multiple of 2 (16-bit BIDs)";
        error = oss.str();
        return false;
    }
    m_bids.clear();
    for (uint32_t k = 0; k < length / 2u; ++k)
    {
        m_bids.push_back(i.ReadNtohU16());
    }
    return true;
}

void
BindingReferenceSubOption::Print(std::ostream& os) const
{
    os << "BindingReference(bids=";
    for (std::size_t k = 0; k < m_bids.size(); ++k)
    {
        os << (k == 0 ? "" : ",") << m_bids[k];
    }
    os << ")";
}

const std::vector<uint16_t>&
BindingReferenceSubOption::GetBindingIds() const
{
    return m_bids;
}

void
BindingReferenceSubOption::SetBindingIds(const std::vector<uint16_t>& bids)
{
    m_bids = bids;
}

// ---------------------------------------------------------------------------------------------

FbFlowIdentificationOption::FbFlowIdentificationOption()
    : m_priority(0),
      m_fid(0),
      m_action(0),
      m_status(0),
      m_pro(0),
      m_flowDescription(nullptr),
      m_subOptions(&CreateFbidSubOption, false, false)
{
}

uint8_t
FbFlowIdentificationOption::GetType() const
{
    return mip6::OPT_FB_FLOW_IDENTIFICATION;
}

std::string
FbFlowIdentificationOption::GetName() const
{
    return "FbFlowIdentification";
}

MobilityOption::Alignment
FbFlowIdentificationOption::GetAlignment() const
{
    return {2, 1};
}

uint32_t
FbFlowIdentificationOption::GetDataLength() const
{
    uint32_t length = FBID_FIXED_LENGTH;
    if (m_flowDescription)
    {
        length += m_flowDescription->GetSerializedSize();
    }
    return length + m_subOptions.GetSerializedSize(0);
}

void
FbFlowIdentificationOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteU8(m_priority);
    i.WriteHtonU16(m_fid);
    i.WriteU8(m_action);
    i.WriteU8(m_status);
    i.WriteU8(static_cast<uint8_t>(m_pro << mip6::FBID_PRO_SHIFT));
    if (m_flowDescription)
    {
        m_flowDescription->Serialize(i);
    }
    m_subOptions.Serialize(i, 0);
}

bool
FbFlowIdentificationOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (length < FBID_FIXED_LENGTH)
    {
        std::ostringstream oss;
        oss << "Length " << +length << " is shorter than the " << +FBID_FIXED_LENGTH
            << " fixed octets (PRI, FID, Action, Status, PRO)";
        error = oss.str();
        return false;
    }
    uint8_t priority = i.ReadU8();
    uint16_t fid = i.ReadNtohU16();
    uint8_t action = i.ReadU8();
    uint8_t status = i.ReadU8();
    uint8_t pro = i.ReadU8() >> mip6::FBID_PRO_SHIFT;
    MobilityOptionList subOptions(&CreateFbidSubOption, false, false);
    std::string why;
    if (!subOptions.Deserialize(i, length - FBID_FIXED_LENGTH, why))
    {
        error = "sub-options: " + why;
        return false;
    }
    Ptr<TrafficSelectorSubOption> flowDescription;
    if (!TakeFlowDescription(subOptions, flowDescription, why))
    {
        error = why;
        return false;
    }
    m_priority = priority;
    m_fid = fid;
    m_action = action;
    m_status = status;
    m_pro = pro;
    m_flowDescription = flowDescription;
    m_subOptions = subOptions;
    return true;
}

void
FbFlowIdentificationOption::Print(std::ostream& os) const
{
    os << "FbFlowIdentification(pri=" << +m_priority << " fid=" << m_fid << " action=" << +m_action
       << " status=" << +m_status << " pro=" << +m_pro;
    if (m_flowDescription)
    {
        os << " ";
        m_flowDescription->Print(os);
    }
    if (m_subOptions.GetCount() > 0)
    {
        os << " ";
        m_subOptions.Print(os);
    }
    os << ")";
}

uint8_t
FbFlowIdentificationOption::GetPriority() const
{
    return m_priority;
}

void
FbFlowIdentificationOption::SetPriority(uint8_t priority)
{
    m_priority = priority;
}

uint16_t
FbFlowIdentificationOption::GetFlowId() const
{
    return m_fid;
}

void
FbFlowIdentificationOption::SetFlowId(uint16_t fid)
{
    m_fid = fid;
}

uint8_t
FbFlowIdentificationOption::GetAction() const
{
    return m_action;
}

void
FbFlowIdentificationOption::SetAction(uint8_t action)
{
    m_action = action;
}

uint8_t
FbFlowIdentificationOption::GetStatus() const
{
    return m_status;
}

void
FbFlowIdentificationOption::SetStatus(uint8_t status)
{
    m_status = status;
}

uint8_t
FbFlowIdentificationOption::GetPro() const
{
    return m_pro;
}

void
FbFlowIdentificationOption::SetPro(uint8_t pro)
{
    NS_ASSERT_MSG(pro <= 15, "PRO is a 4-bit field: " << +pro);
    m_pro = pro;
}

bool
FbFlowIdentificationOption::HasFlowDescription() const
{
    return m_flowDescription != nullptr;
}

bool
FbFlowIdentificationOption::IsFlowDescriptionSupported() const
{
    return m_flowDescription && m_flowDescription->IsFormatSupported();
}

uint8_t
FbFlowIdentificationOption::GetFlowDescriptionFormat() const
{
    return m_flowDescription ? m_flowDescription->GetFormat() : 0;
}

TrafficSelector
FbFlowIdentificationOption::GetFlowDescription() const
{
    return m_flowDescription ? m_flowDescription->GetTrafficSelector() : TrafficSelector();
}

void
FbFlowIdentificationOption::SetFlowDescription(const TrafficSelector& selector)
{
    NS_ASSERT_MSG(selector.IsFormatSupported(), "unsupported TS Format " << +selector.GetFormat());
    m_flowDescription = Create<TrafficSelectorSubOption>(selector);
}

void
FbFlowIdentificationOption::ClearFlowDescription()
{
    m_flowDescription = nullptr;
}

void
FbFlowIdentificationOption::AddSubOption(Ptr<MobilityOption> subOption)
{
    NS_ASSERT_MSG(!DynamicCast<TrafficSelectorSubOption>(subOption),
                  "use SetFlowDescription for the flow description");
    m_subOptions.Add(subOption);
}

const MobilityOptionList&
FbFlowIdentificationOption::GetSubOptions() const
{
    return m_subOptions;
}

std::vector<uint16_t>
FbFlowIdentificationOption::GetBindingIds() const
{
    std::vector<uint16_t> bids;
    for (const auto& br : m_subOptions.FindAll<BindingReferenceSubOption>())
    {
        bids.insert(bids.end(), br->GetBindingIds().begin(), br->GetBindingIds().end());
    }
    return bids;
}

void
FbFlowIdentificationOption::SetBindingIds(const std::vector<uint16_t>& bids)
{
    std::vector<Ptr<MobilityOption>> others;
    for (const auto& o : m_subOptions.GetOptions())
    {
        if (!DynamicCast<BindingReferenceSubOption>(o))
        {
            others.push_back(o);
        }
    }
    m_subOptions.Clear();
    if (!bids.empty())
    {
        m_subOptions.Add(Create<BindingReferenceSubOption>(bids));
    }
    for (const auto& o : others)
    {
        m_subOptions.Add(o);
    }
}

// ---------------------------------------------------------------------------------------------

Ptr<MobilityOption>
CreateFlowBindingOption(uint8_t type)
{
    if (type == mip6::OPT_FB_FLOW_IDENTIFICATION)
    {
        return Create<FbFlowIdentificationOption>();
    }
    return nullptr;
}

} // namespace ns3
