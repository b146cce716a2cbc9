/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "flow-options.h"

#include "flow-binding-sub-options.h"

#include "ns3/address-utils.h"
#include "ns3/log.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FlowOptions");

namespace
{

/// Data length of a Binding Identifier option without care-of address.
constexpr uint8_t BID_BASE_LENGTH = 4;
/// H flag in the fourth data octet of the Binding Identifier option.
constexpr uint8_t BID_H_FLAG = 0x80;
/// BID-PRI bits in the fourth data octet of the Binding Identifier option.
constexpr uint8_t BID_PRI_MASK = BindingIdentifierOption::MAX_PRIORITY;
/// Fixed data of the Flow Identification option: FID, FID-PRI, Reserved, Status.
constexpr uint8_t FID_FIXED_LENGTH = 6;
/// TS Format and Reserved octets in front of a traffic selector.
constexpr uint8_t TS_PREFIX_LENGTH = 2;
/// Most 16-bit entries that fit one option (255 / 2).
constexpr std::size_t MAX_U16_ENTRIES = 127;

/**
 * \brief Read a list of 16-bit values filling \p length octets.
 * \param i where to read
 * \param length octets (even, at least 2)
 * \param what name used in the error
 * \param values the values read
 * \param error set to a reason on failure
 * \return true on success
 */
bool
ReadU16List(Buffer::Iterator i,
            uint8_t length,
            const char* what,
            std::vector<uint16_t>& values,
            std::string& error)
{
    values.clear();
    if (length < 2 || (length % 2) != 0)
    {
        std::ostringstream oss;
        oss << "Length " << +length << ", must be a non-zero multiple of 2 (" << what << "s)";
        error = oss.str();
        return false;
    }
    for (uint8_t k = 0; k < length / 2; ++k)
    {
        values.push_back(i.ReadNtohU16());
    }
    return true;
}

/**
 * \brief Print a list of 16-bit values separated by commas.
 * \param os the output stream
 * \param values the values
 */
void
PrintU16List(std::ostream& os, const std::vector<uint16_t>& values)
{
    for (std::size_t k = 0; k < values.size(); ++k)
    {
        os << (k ? "," : "") << values[k];
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Binding Identifier (35)

BindingIdentifierOption::BindingIdentifierOption(uint16_t bid)
    : m_bid(bid),
      m_status(0),
      m_h(false),
      m_priority(0),
      m_coaKind(COA_NONE),
      m_coa4(Ipv4Address::GetAny()),
      m_coa6(Ipv6Address::GetAny())
{
}

uint8_t
BindingIdentifierOption::GetType() const
{
    return mip6::OPT_BINDING_IDENTIFIER;
}

std::string
BindingIdentifierOption::GetName() const
{
    return "BID";
}

MobilityOption::Alignment
BindingIdentifierOption::GetAlignment() const
{
    return {4, 2};
}

uint32_t
BindingIdentifierOption::GetDataLength() const
{
    switch (m_coaKind)
    {
    case COA_IPV4:
        return BID_BASE_LENGTH + 4;
    case COA_IPV6:
        return BID_BASE_LENGTH + 16;
    default:
        return BID_BASE_LENGTH;
    }
}

void
BindingIdentifierOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_bid);
    i.WriteU8(m_status);
    i.WriteU8((m_h ? BID_H_FLAG : 0) | (m_priority & BID_PRI_MASK));
    if (m_coaKind == COA_IPV4)
    {
        WriteTo(i, m_coa4);
    }
    else if (m_coaKind == COA_IPV6)
    {
        WriteTo(i, m_coa6);
    }
}

bool
BindingIdentifierOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (length != BID_BASE_LENGTH && length != BID_BASE_LENGTH + 4 &&
        length != BID_BASE_LENGTH + 16)
    {
        std::ostringstream oss;
        oss << "Length " << +length << ", must be 4 (no CoA), 8 (IPv4 CoA) or 20 (IPv6 CoA)";
        error = oss.str();
        return false;
    }
    m_bid = i.ReadNtohU16();
    m_status = i.ReadU8();
    uint8_t octet = i.ReadU8();
    m_h = (octet & BID_H_FLAG) != 0;
    m_priority = octet & BID_PRI_MASK;
    m_coaKind = COA_NONE;
    m_coa4 = Ipv4Address::GetAny();
    m_coa6 = Ipv6Address::GetAny();
    if (length == BID_BASE_LENGTH + 4)
    {
        ReadFrom(i, m_coa4);
        m_coaKind = COA_IPV4;
    }
    else if (length == BID_BASE_LENGTH + 16)
    {
        ReadFrom(i, m_coa6);
        m_coaKind = COA_IPV6;
    }
    return true;
}

void
BindingIdentifierOption::Print(std::ostream& os) const
{
    os << "BID(bid=" << m_bid << " status=" << +m_status << " pri=" << +m_priority
       << (m_h ? " H" : "");
    if (m_coaKind == COA_IPV4)
    {
        os << " coa=" << m_coa4;
    }
    else if (m_coaKind == COA_IPV6)
    {
        os << " coa=" << m_coa6;
    }
    os << ")";
}

uint16_t
BindingIdentifierOption::GetBid() const
{
    return m_bid;
}

void
BindingIdentifierOption::SetBid(uint16_t bid)
{
    m_bid = bid;
}

uint8_t
BindingIdentifierOption::GetStatus() const
{
    return m_status;
}

void
BindingIdentifierOption::SetStatus(uint8_t status)
{
    m_status = status;
}

bool
BindingIdentifierOption::GetSimultaneousHomeForeign() const
{
    return m_h;
}

void
BindingIdentifierOption::SetSimultaneousHomeForeign(bool h)
{
    m_h = h;
}

uint8_t
BindingIdentifierOption::GetPriority() const
{
    return m_priority;
}

void
BindingIdentifierOption::SetPriority(uint8_t priority)
{
    NS_ASSERT_MSG(priority <= BID_PRI_MASK, "BID-PRI " << +priority << " exceeds 7 bits");
    m_priority = priority;
}

void
BindingIdentifierOption::SetCareOfAddress(Ipv6Address coa)
{
    m_coa6 = coa;
    m_coa4 = Ipv4Address::GetAny();
    m_coaKind = COA_IPV6;
}

void
BindingIdentifierOption::SetCareOfAddress(Ipv4Address coa)
{
    m_coa4 = coa;
    m_coa6 = Ipv6Address::GetAny();
    m_coaKind = COA_IPV4;
}

void
BindingIdentifierOption::ClearCareOfAddress()
{
    m_coa4 = Ipv4Address::GetAny();
    m_coa6 = Ipv6Address::GetAny();
    m_coaKind = COA_NONE;
}

bool
BindingIdentifierOption::HasIpv6CareOfAddress() const
{
    return m_coaKind == COA_IPV6;
}

bool
BindingIdentifierOption::HasIpv4CareOfAddress() const
{
    return m_coaKind == COA_IPV4;
}

Ipv6Address
BindingIdentifierOption::GetIpv6CareOfAddress() const
{
    return m_coa6;
}

Ipv4Address
BindingIdentifierOption::GetIpv4CareOfAddress() const
{
    return m_coa4;
}

// ---------------------------------------------------------------------------------------------
// Flow Summary (44)

FlowSummaryOption::FlowSummaryOption()
{
}

FlowSummaryOption::FlowSummaryOption(const std::vector<uint16_t>& fids)
{
    SetFids(fids);
}

uint8_t
FlowSummaryOption::GetType() const
{
    return mip6::OPT_FLOW_SUMMARY;
}

std::string
FlowSummaryOption::GetName() const
{
    return "FlowSummary";
}

MobilityOption::Alignment
FlowSummaryOption::GetAlignment() const
{
    return {4, 2};
}

uint32_t
FlowSummaryOption::GetDataLength() const
{
    return 2 * m_fids.size();
}

void
FlowSummaryOption::SerializeData(Buffer::Iterator& i) const
{
    NS_ASSERT_MSG(!m_fids.empty(), "Flow Summary option without FIDs");
    for (uint16_t fid : m_fids)
    {
        i.WriteHtonU16(fid);
    }
}

bool
FlowSummaryOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    return ReadU16List(i, length, "FID", m_fids, error);
}

void
FlowSummaryOption::Print(std::ostream& os) const
{
    os << "FlowSummary(fids=";
    PrintU16List(os, m_fids);
    os << ")";
}

void
FlowSummaryOption::AddFid(uint16_t fid)
{
    NS_ASSERT_MSG(m_fids.size() < MAX_U16_ENTRIES, "too many FIDs for one option");
    m_fids.push_back(fid);
}

void
FlowSummaryOption::SetFids(const std::vector<uint16_t>& fids)
{
    NS_ASSERT_MSG(fids.size() <= MAX_U16_ENTRIES, "too many FIDs for one option");
    m_fids = fids;
}

const std::vector<uint16_t>&
FlowSummaryOption::GetFids() const
{
    return m_fids;
}

// ---------------------------------------------------------------------------------------------
// BID Reference sub-option (2)

BidReferenceSubOption::BidReferenceSubOption()
{
}

BidReferenceSubOption::BidReferenceSubOption(const std::vector<uint16_t>& bids)
{
    SetBids(bids);
}

uint8_t
BidReferenceSubOption::GetType() const
{
    return mip6::FID_SUBOPT_BID_REFERENCE;
}

std::string
BidReferenceSubOption::GetName() const
{
    return "BIDRef";
}

uint32_t
BidReferenceSubOption::GetDataLength() const
{
    return 2 * m_bids.size();
}

void
BidReferenceSubOption::SerializeData(Buffer::Iterator& i) const
{
    NS_ASSERT_MSG(!m_bids.empty(), "BID Reference sub-option without BIDs");
    for (uint16_t bid : m_bids)
    {
        i.WriteHtonU16(bid);
    }
}

bool
BidReferenceSubOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    return ReadU16List(i, length, "BID", m_bids, error);
}

void
BidReferenceSubOption::Print(std::ostream& os) const
{
    os << "BIDRef(";
    PrintU16List(os, m_bids);
    os << ")";
}

void
BidReferenceSubOption::AddBid(uint16_t bid)
{
    NS_ASSERT_MSG(m_bids.size() < MAX_U16_ENTRIES, "too many BIDs for one sub-option");
    m_bids.push_back(bid);
}

void
BidReferenceSubOption::SetBids(const std::vector<uint16_t>& bids)
{
    NS_ASSERT_MSG(bids.size() <= MAX_U16_ENTRIES, "too many BIDs for one sub-option");
    m_bids = bids;
}

const std::vector<uint16_t>&
BidReferenceSubOption::GetBids() const
{
    return m_bids;
}

// ---------------------------------------------------------------------------------------------
// Traffic Selector sub-option (3)

TrafficSelectorSubOption::TrafficSelectorSubOption()
    : m_format(mip6::TS_FORMAT_IPV6_BINARY),
      m_selector(mip6::TS_FORMAT_IPV6_BINARY)
{
}

TrafficSelectorSubOption::TrafficSelectorSubOption(const TrafficSelector& ts)
    : m_format(ts.GetFormat()),
      m_selector(ts)
{
    NS_ASSERT_MSG(ts.IsFormatSupported(), "traffic selector of unknown format");
}

uint8_t
TrafficSelectorSubOption::GetType() const
{
    return mip6::FID_SUBOPT_TRAFFIC_SELECTOR;
}

std::string
TrafficSelectorSubOption::GetName() const
{
    return "TS";
}

uint32_t
TrafficSelectorSubOption::GetDataLength() const
{
    if (!IsFormatSupported())
    {
        return TS_PREFIX_LENGTH + m_unknown.size();
    }
    return TS_PREFIX_LENGTH + m_selector.GetSerializedSize();
}

void
TrafficSelectorSubOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteU8(m_format);
    i.WriteU8(0); // Reserved
    if (!IsFormatSupported())
    {
        i.Write(m_unknown.data(), m_unknown.size());
        return;
    }
    m_selector.Serialize(i);
}

bool
TrafficSelectorSubOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    m_unknown.clear();
    if (length < TS_PREFIX_LENGTH)
    {
        std::ostringstream oss;
        oss << "Length " << +length << ", needs TS Format and Reserved";
        error = oss.str();
        return false;
    }
    m_format = i.ReadU8();
    i.ReadU8(); // Reserved
    uint32_t left = length - TS_PREFIX_LENGTH;
    m_selector.SetFormat(m_format);
    if (!IsFormatSupported())
    {
        NS_LOG_LOGIC("keeping a traffic selector of unknown format " << +m_format);
        m_unknown.resize(left);
        i.Read(m_unknown.data(), left);
        return true;
    }
    if (!m_selector.Deserialize(i, left, error))
    {
        return false;
    }
    if (m_selector.GetSerializedSize() != left)
    {
        std::ostringstream oss;
        oss << "traffic selector takes " << m_selector.GetSerializedSize() << " octets, " << left
            << " given";
        error = oss.str();
        m_selector.Clear();
        return false;
    }
    return true;
}

void
TrafficSelectorSubOption::Print(std::ostream& os) const
{
    if (!IsFormatSupported())
    {
        os << "TS(format=" << +m_format << " " << m_unknown.size() << " octets)";
        return;
    }
    m_selector.Print(os);
}

uint8_t
TrafficSelectorSubOption::GetFormat() const
{
    return m_format;
}

bool
TrafficSelectorSubOption::IsFormatSupported() const
{
    return m_format == mip6::TS_FORMAT_IPV4_BINARY || m_format == mip6::TS_FORMAT_IPV6_BINARY;
}

const TrafficSelector&
TrafficSelectorSubOption::GetTrafficSelector() const
{
    return m_selector;
}

void
TrafficSelectorSubOption::SetTrafficSelector(const TrafficSelector& ts)
{
    NS_ASSERT_MSG(ts.IsFormatSupported(), "traffic selector of unknown format");
    m_selector = ts;
    m_format = ts.GetFormat();
    m_unknown.clear();
}

Ptr<MobilityOption>
CreateFlowIdSubOption(uint8_t type)
{
    switch (type)
    {
    case mip6::FID_SUBOPT_BID_REFERENCE:
        return Create<BidReferenceSubOption>();
    case mip6::FID_SUBOPT_TRAFFIC_SELECTOR:
        return Create<TrafficSelectorSubOption>();
    default:
        // RFC 7109's sub-options and the module's two (flow-binding-sub-options.h)
        return CreateFlowBindingSubOption(type);
    }
}

// ---------------------------------------------------------------------------------------------
// Flow Identification (45)

FlowIdentificationOption::FlowIdentificationOption(uint16_t fid, uint16_t priority)
    : m_fid(fid),
      m_priority(priority),
      m_status(mip6::FID_STATUS_SUCCESS),
      m_subOptions(&CreateFlowIdSubOption, false)
{
}

uint8_t
FlowIdentificationOption::GetType() const
{
    return mip6::OPT_FLOW_IDENTIFICATION;
}

std::string
FlowIdentificationOption::GetName() const
{
    return "FlowId";
}

MobilityOption::Alignment
FlowIdentificationOption::GetAlignment() const
{
    return {4, 2};
}

uint32_t
FlowIdentificationOption::GetDataLength() const
{
    return FID_FIXED_LENGTH + m_subOptions.GetSerializedSize(0);
}

void
FlowIdentificationOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_fid);
    i.WriteHtonU16(m_priority);
    i.WriteU8(0); // Reserved
    i.WriteU8(m_status);
    m_subOptions.Serialize(i, 0);
}

bool
FlowIdentificationOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (length < FID_FIXED_LENGTH)
    {
        std::ostringstream oss;
        oss << "Length " << +length << ", needs at least " << +FID_FIXED_LENGTH
            << " (FID, FID-PRI, Reserved, Status)";
        error = oss.str();
        return false;
    }
    m_fid = i.ReadNtohU16();
    m_priority = i.ReadNtohU16();
    i.ReadU8(); // Reserved
    m_status = i.ReadU8();
    std::string why;
    if (!m_subOptions.Deserialize(i, length - FID_FIXED_LENGTH, why))
    {
        error = "sub-options: " + why;
        return false;
    }
    return true;
}

void
FlowIdentificationOption::Print(std::ostream& os) const
{
    os << "FlowId(fid=" << m_fid << " pri=" << m_priority << " status=" << +m_status;
    if (m_subOptions.GetCount() > 0)
    {
        os << " ";
        m_subOptions.Print(os);
    }
    os << ")";
}

uint16_t
FlowIdentificationOption::GetFid() const
{
    return m_fid;
}

void
FlowIdentificationOption::SetFid(uint16_t fid)
{
    m_fid = fid;
}

uint16_t
FlowIdentificationOption::GetPriority() const
{
    return m_priority;
}

void
FlowIdentificationOption::SetPriority(uint16_t priority)
{
    m_priority = priority;
}

uint8_t
FlowIdentificationOption::GetStatus() const
{
    return m_status;
}

void
FlowIdentificationOption::SetStatus(uint8_t status)
{
    m_status = status;
}

MobilityOptionList&
FlowIdentificationOption::GetSubOptions()
{
    return m_subOptions;
}

const MobilityOptionList&
FlowIdentificationOption::GetSubOptions() const
{
    return m_subOptions;
}

void
FlowIdentificationOption::AddSubOption(Ptr<MobilityOption> subOption)
{
    m_subOptions.Add(subOption);
}

void
FlowIdentificationOption::AddBidReference(const std::vector<uint16_t>& bids)
{
    m_subOptions.Add(Create<BidReferenceSubOption>(bids));
}

std::vector<uint16_t>
FlowIdentificationOption::GetBids() const
{
    std::vector<uint16_t> bids;
    for (const auto& ref : m_subOptions.FindAll<BidReferenceSubOption>())
    {
        bids.insert(bids.end(), ref->GetBids().begin(), ref->GetBids().end());
    }
    return bids;
}

void
FlowIdentificationOption::AddTrafficSelector(const TrafficSelector& ts)
{
    m_subOptions.Add(Create<TrafficSelectorSubOption>(ts));
}

bool
FlowIdentificationOption::HasTrafficSelector() const
{
    return GetTrafficSelectorSubOption() != nullptr;
}

Ptr<TrafficSelectorSubOption>
FlowIdentificationOption::GetTrafficSelectorSubOption() const
{
    return m_subOptions.Find<TrafficSelectorSubOption>();
}

TrafficSelector
FlowIdentificationOption::GetTrafficSelector() const
{
    Ptr<TrafficSelectorSubOption> sub = GetTrafficSelectorSubOption();
    if (!sub)
    {
        return TrafficSelector();
    }
    return sub->GetTrafficSelector();
}

// ---------------------------------------------------------------------------------------------

Ptr<MobilityOption>
CreateFlowOption(uint8_t type)
{
    switch (type)
    {
    case mip6::OPT_BINDING_IDENTIFIER:
        return Create<BindingIdentifierOption>();
    case mip6::OPT_FLOW_SUMMARY:
        return Create<FlowSummaryOption>();
    case mip6::OPT_FLOW_IDENTIFICATION:
        return Create<FlowIdentificationOption>();
    default:
        return nullptr;
    }
}

} // namespace ns3
