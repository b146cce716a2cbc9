/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "flow-attribute-option.h"

#include "flow-binding-options.h"

#include "ns3/log.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FlowAttributeOption");

namespace
{

/// Data octets of the Flow Attribute option before its sub-options.
constexpr uint8_t FA_FIXED_LENGTH = 8;
/// Data octets of the Alternate LMA sub-option before its addresses.
constexpr uint8_t ALT_LMA_FIXED_LENGTH = 2;
/// Most addresses an Alternate LMA sub-option can carry inside a Flow Attribute option:
/// 8 + 2 + 2 + 16 n <= 255.
constexpr uint32_t ALT_LMA_MAX_ADDRESSES = 15;
/// Target Care-of Address sub-option Length with an IPv4 address (Reserved + 4 octets).
constexpr uint8_t TARGET_COA_LENGTH_IPV4 = 2 + 4;
/// Target Care-of Address sub-option Length with an IPv6 address (Reserved + 16 octets).
constexpr uint8_t TARGET_COA_LENGTH_IPV6 = 2 + 16;
/// The draft's literal Target CoA Length for IPv4 (7.2.3: "12 if IPv4 address is stored"),
/// accepted on receipt: Reserved, the IPv4 address, then 6 octets that are ignored.
constexpr uint8_t TARGET_COA_LENGTH_IPV4_DRAFT = 12;

/**
 * Sub-option factory of the Flow Attribute option.
 * \param type the sub-option Type octet
 * \return the sub-option, or nullptr for an unknown type
 */
Ptr<MobilityOption>
CreateFlowAttributeSubOption(uint8_t type)
{
    switch (type)
    {
    case mip6::FA_SUBOPT_ALTERNATE_LMA:
        return Create<AlternateLmaSubOption>();
    case mip6::FA_SUBOPT_TARGET_COA:
        return Create<TargetCareOfAddressSubOption>();
    case mip6::FA_SUBOPT_FLOW_DESCRIPTION:
        return Create<TrafficSelectorSubOption>();
    default:
        return nullptr;
    }
}

/**
 * Write an IPv6 address.
 * \param i where to write
 * \param a the address
 */
void
WriteIpv6(Buffer::Iterator& i, Ipv6Address a)
{
    uint8_t buf[16];
    a.Serialize(buf);
    i.Write(buf, 16);
}

/**
 * Read an IPv6 address.
 * \param i where to read
 * \return the address
 */
Ipv6Address
ReadIpv6(Buffer::Iterator& i)
{
    uint8_t buf[16];
    i.Read(buf, 16);
    return Ipv6Address::Deserialize(buf);
}

} // namespace

// ---------------------------------------------------------------------------------------------

AlternateLmaSubOption::AlternateLmaSubOption()
{
}

AlternateLmaSubOption::AlternateLmaSubOption(const std::vector<Ipv6Address>& addresses)
{
    SetAddresses(addresses);
}

uint8_t
AlternateLmaSubOption::GetType() const
{
    return mip6::FA_SUBOPT_ALTERNATE_LMA;
}

std::string
AlternateLmaSubOption::GetName() const
{
    return "AlternateLma";
}

uint32_t
AlternateLmaSubOption::GetDataLength() const
{
    return ALT_LMA_FIXED_LENGTH + 16 * m_addresses.size();
}

void
AlternateLmaSubOption::SerializeData(Buffer::Iterator& i) const
{
    NS_ASSERT_MSG(!m_addresses.empty(), "an Alternate LMA sub-option needs an address");
    i.WriteU8(static_cast<uint8_t>(m_addresses.size()));
    i.WriteU8(0); // Reserved
    for (const auto& a : m_addresses)
    {
        WriteIpv6(i, a);
    }
}

bool
AlternateLmaSubOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    std::ostringstream oss;
    if (length < ALT_LMA_FIXED_LENGTH)
    {
        oss << "Length " << +length << " is shorter than # of Addresses and Reserved ("
            << +ALT_LMA_FIXED_LENGTH << " octets)";
        error = oss.str();
        return false;
    }
    uint8_t count = i.ReadU8();
    i.ReadU8(); // Reserved
    if (count == 0)
    {
        error = "# of Addresses is 0, at least one LMA address expected";
        return false;
    }
    if (length != ALT_LMA_FIXED_LENGTH + 16u * count)
    {
        oss << "Length " << +length << " does not match # of Addresses " << +count << " (Length "
            << ALT_LMA_FIXED_LENGTH + 16u * count << " expected)";
        error = oss.str();
        return false;
    }
    m_addresses.clear();
    for (uint32_t k = 0; k < count; ++k)
    {
        m_addresses.push_back(ReadIpv6(i));
    }
    return true;
}

void
AlternateLmaSubOption::Print(std::ostream& os) const
{
    os << "AlternateLma(";
    for (std::size_t k = 0; k < m_addresses.size(); ++k)
    {
        os << (k == 0 ? "" : ",") << m_addresses[k];
    }
    os << ")";
}

const std::vector<Ipv6Address>&
AlternateLmaSubOption::GetAddresses() const
{
    return m_addresses;
}

void
AlternateLmaSubOption::SetAddresses(const std::vector<Ipv6Address>& addresses)
{
    NS_ASSERT_MSG(addresses.size() <= ALT_LMA_MAX_ADDRESSES,
                  "at most " << ALT_LMA_MAX_ADDRESSES << " alternate LMA addresses");
    m_addresses = addresses;
}

// ---------------------------------------------------------------------------------------------

TargetCareOfAddressSubOption::TargetCareOfAddressSubOption()
    : m_ipv4(false),
      m_ipv6(Ipv6Address::GetAny()),
      m_ipv4Address(Ipv4Address::GetAny())
{
}

TargetCareOfAddressSubOption::TargetCareOfAddressSubOption(Ipv6Address address)
    : m_ipv4(false),
      m_ipv6(address),
      m_ipv4Address(Ipv4Address::GetAny())
{
}

TargetCareOfAddressSubOption::TargetCareOfAddressSubOption(Ipv4Address address)
    : m_ipv4(true),
      m_ipv6(Ipv6Address::GetAny()),
      m_ipv4Address(address)
{
}

uint8_t
TargetCareOfAddressSubOption::GetType() const
{
    return mip6::FA_SUBOPT_TARGET_COA;
}

std::string
TargetCareOfAddressSubOption::GetName() const
{
    return "TargetCareOfAddress";
}

uint32_t
TargetCareOfAddressSubOption::GetDataLength() const
{
    return m_ipv4 ? TARGET_COA_LENGTH_IPV4 : TARGET_COA_LENGTH_IPV6;
}

void
TargetCareOfAddressSubOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(0); // Reserved
    if (m_ipv4)
    {
        i.WriteHtonU32(m_ipv4Address.Get());
    }
    else
    {
        WriteIpv6(i, m_ipv6);
    }
}

bool
TargetCareOfAddressSubOption::DeserializeData(Buffer::Iterator i,
                                              uint8_t length,
                                              std::string& error)
{
    if (length != TARGET_COA_LENGTH_IPV4 && length != TARGET_COA_LENGTH_IPV6 &&
        length != TARGET_COA_LENGTH_IPV4_DRAFT)
    {
        std::ostringstream oss;
        oss << "Length " << +length << ", must be " << +TARGET_COA_LENGTH_IPV4 << " or "
            << +TARGET_COA_LENGTH_IPV4_DRAFT << " (IPv4) or " << +TARGET_COA_LENGTH_IPV6
            << " (IPv6)";
        error = oss.str();
        return false;
    }
    i.ReadNtohU16(); // Reserved
    // the draft's literal 12: the address right after Reserved (as drawn), the 6 octets after
    // it are ignored; the Length keeps the option walk in step
    m_ipv4 = (length == TARGET_COA_LENGTH_IPV4 || length == TARGET_COA_LENGTH_IPV4_DRAFT);
    m_ipv6 = Ipv6Address::GetAny();
    m_ipv4Address = Ipv4Address::GetAny();
    if (m_ipv4)
    {
        m_ipv4Address = Ipv4Address(i.ReadNtohU32());
    }
    else
    {
        m_ipv6 = ReadIpv6(i);
    }
    return true;
}

void
TargetCareOfAddressSubOption::Print(std::ostream& os) const
{
    os << "TargetCareOfAddress(";
    if (m_ipv4)
    {
        os << m_ipv4Address;
    }
    else
    {
        os << m_ipv6;
    }
    os << ")";
}

bool
TargetCareOfAddressSubOption::IsIpv4() const
{
    return m_ipv4;
}

Ipv6Address
TargetCareOfAddressSubOption::GetIpv6Address() const
{
    return m_ipv6;
}

Ipv4Address
TargetCareOfAddressSubOption::GetIpv4Address() const
{
    return m_ipv4Address;
}

void
TargetCareOfAddressSubOption::SetAddress(Ipv6Address address)
{
    m_ipv4 = false;
    m_ipv6 = address;
    m_ipv4Address = Ipv4Address::GetAny();
}

void
TargetCareOfAddressSubOption::SetAddress(Ipv4Address address)
{
    m_ipv4 = true;
    m_ipv6 = Ipv6Address::GetAny();
    m_ipv4Address = address;
}

// ---------------------------------------------------------------------------------------------

FlowAttributeOption::FlowAttributeOption()
    : m_pro(mip6::FA_PRO_RESERVED),
      m_priority(0),
      m_fid(0),
      m_status(0),
      m_lifetime(0),
      m_subOptions(&CreateFlowAttributeSubOption, false, false),
      m_flowDescription(nullptr)
{
}

uint8_t
FlowAttributeOption::GetType() const
{
    return mip6::OPT_FLOW_ATTRIBUTE;
}

std::string
FlowAttributeOption::GetName() const
{
    return "FlowAttribute";
}

MobilityOption::Alignment
FlowAttributeOption::GetAlignment() const
{
    return {8, 2};
}

uint32_t
FlowAttributeOption::GetDataLength() const
{
    uint32_t length = FA_FIXED_LENGTH + m_subOptions.GetSerializedSize(0);
    if (m_flowDescription)
    {
        length += m_flowDescription->GetSerializedSize();
    }
    return length;
}

void
FlowAttributeOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteU8(m_pro);
    i.WriteU8(m_priority);
    i.WriteHtonU16(m_fid);
    i.WriteU8(m_status);
    i.WriteU8(0); // Reserved
    i.WriteHtonU16(m_lifetime);
    m_subOptions.Serialize(i, 0);
    if (m_flowDescription)
    {
        m_flowDescription->Serialize(i);
    }
}

bool
FlowAttributeOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (length < FA_FIXED_LENGTH)
    {
        std::ostringstream oss;
        oss << "Length " << +length << " is shorter than the " << +FA_FIXED_LENGTH
            << " fixed octets (PRO, PRI, FID, Status, Reserved, Lifetime)";
        error = oss.str();
        return false;
    }
    uint8_t pro = i.ReadU8();
    uint8_t priority = i.ReadU8();
    uint16_t fid = i.ReadNtohU16();
    uint8_t status = i.ReadU8();
    i.ReadU8(); // Reserved
    uint16_t lifetime = i.ReadNtohU16();
    MobilityOptionList subOptions(&CreateFlowAttributeSubOption, false, false);
    std::string why;
    if (!subOptions.Deserialize(i, length - FA_FIXED_LENGTH, why))
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
    m_pro = pro;
    m_priority = priority;
    m_fid = fid;
    m_status = status;
    m_lifetime = lifetime;
    m_subOptions = subOptions;
    m_flowDescription = flowDescription;
    return true;
}

void
FlowAttributeOption::Print(std::ostream& os) const
{
    os << "FlowAttribute(pro=" << +m_pro << " pri=" << +m_priority << " fid=" << m_fid
       << " status=" << +m_status << " lifetime=" << GetLifetimeSeconds() << "s";
    if (m_subOptions.GetCount() > 0)
    {
        os << " ";
        m_subOptions.Print(os);
    }
    if (m_flowDescription)
    {
        os << " ";
        m_flowDescription->Print(os);
    }
    os << ")";
}

uint8_t
FlowAttributeOption::GetPro() const
{
    return m_pro;
}

void
FlowAttributeOption::SetPro(uint8_t pro)
{
    m_pro = pro;
}

uint8_t
FlowAttributeOption::GetPriority() const
{
    return m_priority;
}

void
FlowAttributeOption::SetPriority(uint8_t priority)
{
    m_priority = priority;
}

uint16_t
FlowAttributeOption::GetFlowId() const
{
    return m_fid;
}

void
FlowAttributeOption::SetFlowId(uint16_t fid)
{
    m_fid = fid;
}

uint8_t
FlowAttributeOption::GetStatus() const
{
    return m_status;
}

void
FlowAttributeOption::SetStatus(uint8_t status)
{
    m_status = status;
}

uint16_t
FlowAttributeOption::GetLifetime() const
{
    return m_lifetime;
}

void
FlowAttributeOption::SetLifetime(uint16_t units)
{
    m_lifetime = units;
}

uint32_t
FlowAttributeOption::GetLifetimeSeconds() const
{
    return mip6::FA_LIFETIME_UNIT_SECONDS * m_lifetime;
}

void
FlowAttributeOption::AddSubOption(Ptr<MobilityOption> subOption)
{
    NS_ASSERT_MSG(!DynamicCast<TrafficSelectorSubOption>(subOption),
                  "use SetFlowDescription for the flow description");
    m_subOptions.Add(subOption);
}

const MobilityOptionList&
FlowAttributeOption::GetSubOptions() const
{
    return m_subOptions;
}

Ptr<AlternateLmaSubOption>
FlowAttributeOption::GetAlternateLma() const
{
    return m_subOptions.Find<AlternateLmaSubOption>();
}

Ptr<TargetCareOfAddressSubOption>
FlowAttributeOption::GetTargetCareOfAddress() const
{
    return m_subOptions.Find<TargetCareOfAddressSubOption>();
}

bool
FlowAttributeOption::HasFlowDescription() const
{
    return m_flowDescription != nullptr;
}

bool
FlowAttributeOption::IsFlowDescriptionSupported() const
{
    return m_flowDescription && m_flowDescription->IsFormatSupported();
}

uint8_t
FlowAttributeOption::GetFlowDescriptionFormat() const
{
    return m_flowDescription ? m_flowDescription->GetFormat() : 0;
}

TrafficSelector
FlowAttributeOption::GetFlowDescription() const
{
    return m_flowDescription ? m_flowDescription->GetTrafficSelector() : TrafficSelector();
}

void
FlowAttributeOption::SetFlowDescription(const TrafficSelector& selector)
{
    NS_ASSERT_MSG(selector.IsFormatSupported(), "unsupported TS Format " << +selector.GetFormat());
    m_flowDescription = Create<TrafficSelectorSubOption>(selector);
}

void
FlowAttributeOption::ClearFlowDescription()
{
    m_flowDescription = nullptr;
}

// ---------------------------------------------------------------------------------------------

Ptr<MobilityOption>
CreateFlowAttributeOption(uint8_t type)
{
    if (type == mip6::OPT_FLOW_ATTRIBUTE)
    {
        return Create<FlowAttributeOption>();
    }
    return nullptr;
}

} // namespace ns3
