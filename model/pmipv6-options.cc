/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pmipv6-options.h"

#include "ns3/address-utils.h"
#include "ns3/log.h"

#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6Options");

namespace
{

/// Data length of the Home Network Prefix option.
constexpr uint8_t HNP_LENGTH = 18;
/// Data length of the Handoff Indicator and Access Technology Type options.
constexpr uint8_t RESERVED_AND_VALUE_LENGTH = 2;
/// Data length of the Link-local Address option.
constexpr uint8_t LLA_LENGTH = 16;
/// Data length of the Timestamp option.
constexpr uint8_t TIMESTAMP_LENGTH = 8;
/// Data length of the MAG IPv6 Address option (RFC 6705).
constexpr uint8_t MAG_IPV6_LENGTH = 18;
/// Value of the MAG IPv6 Address option's Address Length field (bits).
constexpr uint8_t MAG_IPV6_ADDRESS_BITS = 128;
/// Octets of the Reserved field of the Context Request option.
constexpr uint8_t CR_RESERVED_LENGTH = 2;
/// Octets of the Reserved field of the MN Link-layer Identifier option.
constexpr uint8_t MNLLI_RESERVED_LENGTH = 2;
/// Largest value of the Timestamp's 48-bit seconds.
constexpr uint64_t MAX_TIMESTAMP_SECONDS = (uint64_t(1) << 48) - 1;
/// Nanoseconds per second.
constexpr uint64_t NS_PER_S = 1000000000ULL;

/**
 * \brief Check a fixed option length.
 * \param length the Length field
 * \param expected the only acceptable value
 * \param error set to a reason when different
 * \return true when equal
 */
bool
CheckFixedLength(uint8_t length, uint8_t expected, std::string& error)
{
    if (length != expected)
    {
        std::ostringstream oss;
        oss << "Length " << +length << ", must be " << +expected;
        error = oss.str();
        return false;
    }
    return true;
}

/**
 * \brief Print octets as hex separated by colons.
 * \param os the output stream
 * \param data the octets
 */
void
PrintHex(std::ostream& os, const std::vector<uint8_t>& data)
{
    std::ios_base::fmtflags f = os.flags();
    for (std::size_t k = 0; k < data.size(); ++k)
    {
        os << (k ? ":" : "") << std::hex << std::setw(2) << std::setfill('0') << +data[k];
    }
    os.flags(f);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Mobile Node Identifier (8)

MobileNodeIdentifierOption::MobileNodeIdentifierOption()
    : m_subtype(mip6::MNID_SUBTYPE_NAI)
{
}

MobileNodeIdentifierOption::MobileNodeIdentifierOption(const std::string& nai)
    : m_subtype(mip6::MNID_SUBTYPE_NAI)
{
    SetNai(nai);
}

uint8_t
MobileNodeIdentifierOption::GetType() const
{
    return mip6::OPT_MOBILE_NODE_IDENTIFIER;
}

std::string
MobileNodeIdentifierOption::GetName() const
{
    return "MN-ID";
}

uint32_t
MobileNodeIdentifierOption::GetDataLength() const
{
    return 1 + m_identifier.size();
}

void
MobileNodeIdentifierOption::SerializeData(Buffer::Iterator& i) const
{
    NS_ASSERT_MSG(!m_identifier.empty(), "MN-ID option without identifier");
    i.WriteU8(m_subtype);
    i.Write(m_identifier.data(), m_identifier.size());
}

bool
MobileNodeIdentifierOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (length < 2)
    {
        std::ostringstream oss;
        oss << "Length " << +length << ", needs a Subtype and at least one identifier octet";
        error = oss.str();
        return false;
    }
    m_subtype = i.ReadU8();
    m_identifier.resize(length - 1);
    i.Read(m_identifier.data(), m_identifier.size());
    return true;
}

void
MobileNodeIdentifierOption::Print(std::ostream& os) const
{
    os << "MN-ID(";
    if (m_subtype == mip6::MNID_SUBTYPE_NAI)
    {
        os << "nai=" << GetNai();
    }
    else
    {
        os << "subtype=" << +m_subtype << " id=";
        PrintHex(os, m_identifier);
    }
    os << ")";
}

void
MobileNodeIdentifierOption::SetNai(const std::string& nai)
{
    SetIdentifier(mip6::MNID_SUBTYPE_NAI, std::vector<uint8_t>(nai.begin(), nai.end()));
}

std::string
MobileNodeIdentifierOption::GetNai() const
{
    return std::string(m_identifier.begin(), m_identifier.end());
}

void
MobileNodeIdentifierOption::SetIdentifier(uint8_t subtype, const std::vector<uint8_t>& identifier)
{
    NS_ASSERT_MSG(!identifier.empty() && identifier.size() <= 254,
                  "MN-ID identifier must have 1..254 octets, not " << identifier.size());
    m_subtype = subtype;
    m_identifier = identifier;
}

uint8_t
MobileNodeIdentifierOption::GetSubtype() const
{
    return m_subtype;
}

const std::vector<uint8_t>&
MobileNodeIdentifierOption::GetIdentifier() const
{
    return m_identifier;
}

// ---------------------------------------------------------------------------------------------
// Home Network Prefix (22)

HomeNetworkPrefixOption::HomeNetworkPrefixOption()
    : m_prefix(Ipv6Address::GetAny()),
      m_prefixLength(0)
{
}

HomeNetworkPrefixOption::HomeNetworkPrefixOption(Ipv6Address prefix, uint8_t prefixLength)
    : m_prefix(Ipv6Address::GetAny()),
      m_prefixLength(0)
{
    SetPrefix(prefix, prefixLength);
}

uint8_t
HomeNetworkPrefixOption::GetType() const
{
    return mip6::OPT_HOME_NETWORK_PREFIX;
}

std::string
HomeNetworkPrefixOption::GetName() const
{
    return "HNP";
}

MobilityOption::Alignment
HomeNetworkPrefixOption::GetAlignment() const
{
    return {8, 4};
}

uint32_t
HomeNetworkPrefixOption::GetDataLength() const
{
    return HNP_LENGTH;
}

void
HomeNetworkPrefixOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteU8(0); // Reserved
    i.WriteU8(m_prefixLength);
    WriteTo(i, m_prefix);
}

bool
HomeNetworkPrefixOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (!CheckFixedLength(length, HNP_LENGTH, error))
    {
        return false;
    }
    i.ReadU8(); // Reserved
    uint8_t prefixLength = i.ReadU8();
    if (prefixLength > 128)
    {
        std::ostringstream oss;
        oss << "Prefix Length " << +prefixLength << " exceeds 128";
        error = oss.str();
        return false;
    }
    m_prefixLength = prefixLength;
    ReadFrom(i, m_prefix);
    return true;
}

void
HomeNetworkPrefixOption::Print(std::ostream& os) const
{
    os << "HNP(" << m_prefix << "/" << +m_prefixLength << ")";
}

void
HomeNetworkPrefixOption::SetPrefix(Ipv6Address prefix, uint8_t prefixLength)
{
    NS_ASSERT_MSG(prefixLength <= 128, "prefix length " << +prefixLength << " exceeds 128");
    m_prefix = prefix;
    m_prefixLength = prefixLength;
}

void
HomeNetworkPrefixOption::SetPrefix(Ipv6Address prefix, Ipv6Prefix mask)
{
    SetPrefix(prefix, mask.GetPrefixLength());
}

Ipv6Address
HomeNetworkPrefixOption::GetPrefix() const
{
    return m_prefix;
}

uint8_t
HomeNetworkPrefixOption::GetPrefixLength() const
{
    return m_prefixLength;
}

Ipv6Prefix
HomeNetworkPrefixOption::GetIpv6Prefix() const
{
    return Ipv6Prefix(m_prefixLength);
}

bool
HomeNetworkPrefixOption::IsUnspecified() const
{
    return m_prefixLength == 0 && m_prefix == Ipv6Address::GetAny();
}

// ---------------------------------------------------------------------------------------------
// Handoff Indicator (23)

HandoffIndicatorOption::HandoffIndicatorOption(uint8_t hi)
    : m_hi(hi)
{
}

uint8_t
HandoffIndicatorOption::GetType() const
{
    return mip6::OPT_HANDOFF_INDICATOR;
}

std::string
HandoffIndicatorOption::GetName() const
{
    return "HI";
}

uint32_t
HandoffIndicatorOption::GetDataLength() const
{
    return RESERVED_AND_VALUE_LENGTH;
}

void
HandoffIndicatorOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteU8(0); // Reserved
    i.WriteU8(m_hi);
}

bool
HandoffIndicatorOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (!CheckFixedLength(length, RESERVED_AND_VALUE_LENGTH, error))
    {
        return false;
    }
    i.ReadU8(); // Reserved
    m_hi = i.ReadU8();
    return true;
}

void
HandoffIndicatorOption::Print(std::ostream& os) const
{
    os << "HI(" << +m_hi << ")";
}

uint8_t
HandoffIndicatorOption::GetHandoffIndicator() const
{
    return m_hi;
}

void
HandoffIndicatorOption::SetHandoffIndicator(uint8_t hi)
{
    m_hi = hi;
}

// ---------------------------------------------------------------------------------------------
// Access Technology Type (24)

AccessTechnologyTypeOption::AccessTechnologyTypeOption(uint8_t att)
    : m_att(att)
{
}

uint8_t
AccessTechnologyTypeOption::GetType() const
{
    return mip6::OPT_ACCESS_TECHNOLOGY_TYPE;
}

std::string
AccessTechnologyTypeOption::GetName() const
{
    return "ATT";
}

uint32_t
AccessTechnologyTypeOption::GetDataLength() const
{
    return RESERVED_AND_VALUE_LENGTH;
}

void
AccessTechnologyTypeOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteU8(0); // Reserved
    i.WriteU8(m_att);
}

bool
AccessTechnologyTypeOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (!CheckFixedLength(length, RESERVED_AND_VALUE_LENGTH, error))
    {
        return false;
    }
    i.ReadU8(); // Reserved
    m_att = i.ReadU8();
    return true;
}

void
AccessTechnologyTypeOption::Print(std::ostream& os) const
{
    os << "ATT(" << +m_att << ")";
}

uint8_t
AccessTechnologyTypeOption::GetAccessTechnologyType() const
{
    return m_att;
}

void
AccessTechnologyTypeOption::SetAccessTechnologyType(uint8_t att)
{
    m_att = att;
}

// ---------------------------------------------------------------------------------------------
// Mobile Node Link-layer Identifier (25)

MobileNodeLinkLayerIdOption::MobileNodeLinkLayerIdOption()
{
}

MobileNodeLinkLayerIdOption::MobileNodeLinkLayerIdOption(Mac48Address mac)
{
    SetMac48Address(mac);
}

uint8_t
MobileNodeLinkLayerIdOption::GetType() const
{
    return mip6::OPT_MOBILE_NODE_LINK_LAYER_ID;
}

std::string
MobileNodeLinkLayerIdOption::GetName() const
{
    return "MN-LL-ID";
}

MobilityOption::Alignment
MobileNodeLinkLayerIdOption::GetAlignment() const
{
    if (m_identifier.size() >= 8)
    {
        return {8, 4};
    }
    return {4, 0};
}

uint32_t
MobileNodeLinkLayerIdOption::GetDataLength() const
{
    return MNLLI_RESERVED_LENGTH + m_identifier.size();
}

void
MobileNodeLinkLayerIdOption::SerializeData(Buffer::Iterator& i) const
{
    NS_ASSERT_MSG(!m_identifier.empty(), "MN Link-layer Identifier option without identifier");
    i.WriteHtonU16(0); // Reserved
    i.Write(m_identifier.data(), m_identifier.size());
}

bool
MobileNodeLinkLayerIdOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (length < MNLLI_RESERVED_LENGTH + 1)
    {
        std::ostringstream oss;
        oss << "Length " << +length << ", needs Reserved (2) and at least one identifier octet";
        error = oss.str();
        return false;
    }
    i.ReadNtohU16(); // Reserved
    m_identifier.resize(length - MNLLI_RESERVED_LENGTH);
    i.Read(m_identifier.data(), m_identifier.size());
    return true;
}

void
MobileNodeLinkLayerIdOption::Print(std::ostream& os) const
{
    os << "MN-LL-ID(";
    PrintHex(os, m_identifier);
    os << ")";
}

void
MobileNodeLinkLayerIdOption::SetLinkLayerAddress(const Address& address)
{
    uint8_t buffer[Address::MAX_SIZE];
    uint32_t n = address.CopyTo(buffer);
    SetIdentifier(std::vector<uint8_t>(buffer, buffer + n));
}

void
MobileNodeLinkLayerIdOption::SetMac48Address(Mac48Address mac)
{
    uint8_t buffer[6];
    mac.CopyTo(buffer);
    SetIdentifier(std::vector<uint8_t>(buffer, buffer + 6));
}

bool
MobileNodeLinkLayerIdOption::IsMac48Address() const
{
    return m_identifier.size() == 6;
}

Mac48Address
MobileNodeLinkLayerIdOption::GetMac48Address() const
{
    NS_ASSERT_MSG(IsMac48Address(), "identifier has " << m_identifier.size() << " octets, not 6");
    Mac48Address mac;
    mac.CopyFrom(m_identifier.data());
    return mac;
}

void
MobileNodeLinkLayerIdOption::SetIdentifier(const std::vector<uint8_t>& identifier)
{
    NS_ASSERT_MSG(!identifier.empty() && identifier.size() <= 253,
                  "link-layer identifier must have 1..253 octets, not " << identifier.size());
    m_identifier = identifier;
}

const std::vector<uint8_t>&
MobileNodeLinkLayerIdOption::GetIdentifier() const
{
    return m_identifier;
}

// ---------------------------------------------------------------------------------------------
// Link-local Address (26)

LinkLocalAddressOption::LinkLocalAddressOption(Ipv6Address address)
    : m_address(address)
{
}

uint8_t
LinkLocalAddressOption::GetType() const
{
    return mip6::OPT_LINK_LOCAL_ADDRESS;
}

std::string
LinkLocalAddressOption::GetName() const
{
    return "LLA";
}

MobilityOption::Alignment
LinkLocalAddressOption::GetAlignment() const
{
    return {8, 6};
}

uint32_t
LinkLocalAddressOption::GetDataLength() const
{
    return LLA_LENGTH;
}

void
LinkLocalAddressOption::SerializeData(Buffer::Iterator& i) const
{
    WriteTo(i, m_address);
}

bool
LinkLocalAddressOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (!CheckFixedLength(length, LLA_LENGTH, error))
    {
        return false;
    }
    ReadFrom(i, m_address);
    return true;
}

void
LinkLocalAddressOption::Print(std::ostream& os) const
{
    os << "LLA(" << m_address << ")";
}

Ipv6Address
LinkLocalAddressOption::GetAddress() const
{
    return m_address;
}

void
LinkLocalAddressOption::SetAddress(Ipv6Address address)
{
    m_address = address;
}

// ---------------------------------------------------------------------------------------------
// Timestamp (27)

TimestampOption::TimestampOption()
    : m_raw(0)
{
}

TimestampOption::TimestampOption(Time time)
    : m_raw(0)
{
    SetTime(time);
}

uint8_t
TimestampOption::GetType() const
{
    return mip6::OPT_TIMESTAMP;
}

std::string
TimestampOption::GetName() const
{
    return "Timestamp";
}

MobilityOption::Alignment
TimestampOption::GetAlignment() const
{
    return {8, 2};
}

uint32_t
TimestampOption::GetDataLength() const
{
    return TIMESTAMP_LENGTH;
}

void
TimestampOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteHtonU64(m_raw);
}

bool
TimestampOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (!CheckFixedLength(length, TIMESTAMP_LENGTH, error))
    {
        return false;
    }
    m_raw = i.ReadNtohU64();
    return true;
}

void
TimestampOption::Print(std::ostream& os) const
{
    os << "Timestamp(" << GetSeconds() << "+" << GetFraction() << "/65536s)";
}

void
TimestampOption::SetTime(Time time)
{
    int64_t ns = time.GetNanoSeconds();
    NS_ASSERT_MSG(ns >= 0, "negative timestamp " << time);
    uint64_t seconds = static_cast<uint64_t>(ns) / NS_PER_S;
    uint64_t rest = static_cast<uint64_t>(ns) % NS_PER_S;
    NS_ASSERT_MSG(seconds <= MAX_TIMESTAMP_SECONDS, "timestamp beyond 48 bits of seconds");
    SetSecondsAndFraction(seconds, static_cast<uint16_t>((rest << 16) / NS_PER_S));
}

Time
TimestampOption::GetTime() const
{
    uint64_t fractionNs = (static_cast<uint64_t>(GetFraction()) * NS_PER_S + 0xFFFF) >> 16;
    if (GetSeconds() >= static_cast<uint64_t>(INT64_MAX) / NS_PER_S)
    {
        return Time::Max(); // beyond what a Time holds in nanoseconds
    }
    return NanoSeconds(static_cast<int64_t>(GetSeconds() * NS_PER_S + fractionNs));
}

void
TimestampOption::SetRaw(uint64_t raw)
{
    m_raw = raw;
}

uint64_t
TimestampOption::GetRaw() const
{
    return m_raw;
}

void
TimestampOption::SetSecondsAndFraction(uint64_t seconds, uint16_t fraction)
{
    NS_ASSERT_MSG(seconds <= MAX_TIMESTAMP_SECONDS, "timestamp beyond 48 bits of seconds");
    m_raw = (seconds << 16) | fraction;
}

uint64_t
TimestampOption::GetSeconds() const
{
    return m_raw >> 16;
}

uint16_t
TimestampOption::GetFraction() const
{
    return static_cast<uint16_t>(m_raw & 0xFFFF);
}

// ---------------------------------------------------------------------------------------------
// Context Request (40)

ContextRequestOption::ContextRequestOption()
{
}

uint8_t
ContextRequestOption::GetType() const
{
    return mip6::OPT_CONTEXT_REQUEST;
}

std::string
ContextRequestOption::GetName() const
{
    return "ContextRequest";
}

uint32_t
ContextRequestOption::GetDataLength() const
{
    uint32_t n = CR_RESERVED_LENGTH;
    for (const auto& r : m_requests)
    {
        n += 2 + r.data.size();
    }
    return n;
}

void
ContextRequestOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(0); // Reserved
    for (const auto& r : m_requests)
    {
        i.WriteU8(r.type);
        i.WriteU8(static_cast<uint8_t>(r.data.size()));
        i.Write(r.data.data(), r.data.size());
    }
}

bool
ContextRequestOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    m_requests.clear();
    std::ostringstream oss;
    if (length < CR_RESERVED_LENGTH)
    {
        oss << "Length " << +length << ", needs the 2-octet Reserved field";
        error = oss.str();
        return false;
    }
    i.ReadNtohU16(); // Reserved
    uint32_t left = length - CR_RESERVED_LENGTH;
    while (left > 0)
    {
        if (left < 2)
        {
            oss << "request truncated: no Req-length octet";
            error = oss.str();
            m_requests.clear();
            return false;
        }
        Request r;
        r.type = i.ReadU8();
        uint8_t reqLength = i.ReadU8();
        left -= 2;
        if (reqLength > left)
        {
            oss << "request type " << +r.type << " Req-length " << +reqLength << " overruns the "
                << left << " octets left";
            error = oss.str();
            m_requests.clear();
            return false;
        }
        r.data.resize(reqLength);
        i.Read(r.data.data(), reqLength);
        left -= reqLength;
        m_requests.push_back(r);
    }
    return true;
}

void
ContextRequestOption::Print(std::ostream& os) const
{
    os << "ContextRequest(";
    bool first = true;
    for (const auto& r : m_requests)
    {
        os << (first ? "" : " ") << +r.type;
        if (!r.data.empty())
        {
            os << ":";
            PrintHex(os, r.data);
        }
        first = false;
    }
    os << ")";
}

void
ContextRequestOption::AddRequest(uint8_t type, const std::vector<uint8_t>& data)
{
    NS_ASSERT_MSG(data.size() <= 255, "Req-option longer than 255 octets");
    m_requests.push_back(Request{type, data});
}

const std::vector<ContextRequestOption::Request>&
ContextRequestOption::GetRequests() const
{
    return m_requests;
}

bool
ContextRequestOption::HasRequest(uint8_t type) const
{
    for (const auto& r : m_requests)
    {
        if (r.type == type)
        {
            return true;
        }
    }
    return false;
}

void
ContextRequestOption::ClearRequests()
{
    m_requests.clear();
}

// ---------------------------------------------------------------------------------------------
// MAG IPv6 Address (51)

MagIpv6AddressOption::MagIpv6AddressOption(Ipv6Address address)
    : m_address(address)
{
}

uint8_t
MagIpv6AddressOption::GetType() const
{
    return mip6::OPT_MAG_IPV6_ADDRESS;
}

std::string
MagIpv6AddressOption::GetName() const
{
    return "MAG-IPv6-Address";
}

MobilityOption::Alignment
MagIpv6AddressOption::GetAlignment() const
{
    return {8, 4};
}

uint32_t
MagIpv6AddressOption::GetDataLength() const
{
    return MAG_IPV6_LENGTH;
}

void
MagIpv6AddressOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteU8(0); // Reserved
    i.WriteU8(MAG_IPV6_ADDRESS_BITS);
    WriteTo(i, m_address);
}

bool
MagIpv6AddressOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (!CheckFixedLength(length, MAG_IPV6_LENGTH, error))
    {
        return false;
    }
    i.ReadU8(); // Reserved
    uint8_t bits = i.ReadU8();
    if (bits != MAG_IPV6_ADDRESS_BITS)
    {
        std::ostringstream oss;
        oss << "Address Length " << +bits << ", must be " << +MAG_IPV6_ADDRESS_BITS;
        error = oss.str();
        return false;
    }
    ReadFrom(i, m_address);
    return true;
}

void
MagIpv6AddressOption::Print(std::ostream& os) const
{
    os << "MAG-IPv6-Address(" << m_address << ")";
}

Ipv6Address
MagIpv6AddressOption::GetAddress() const
{
    return m_address;
}

void
MagIpv6AddressOption::SetAddress(Ipv6Address address)
{
    m_address = address;
}

// ---------------------------------------------------------------------------------------------

Ptr<MobilityOption>
CreatePmipv6Option(uint8_t type)
{
    switch (type)
    {
    case mip6::OPT_MOBILE_NODE_IDENTIFIER:
        return Create<MobileNodeIdentifierOption>();
    case mip6::OPT_HOME_NETWORK_PREFIX:
        return Create<HomeNetworkPrefixOption>();
    case mip6::OPT_HANDOFF_INDICATOR:
        return Create<HandoffIndicatorOption>();
    case mip6::OPT_ACCESS_TECHNOLOGY_TYPE:
        return Create<AccessTechnologyTypeOption>();
    case mip6::OPT_MOBILE_NODE_LINK_LAYER_ID:
        return Create<MobileNodeLinkLayerIdOption>();
    case mip6::OPT_LINK_LOCAL_ADDRESS:
        return Create<LinkLocalAddressOption>();
    case mip6::OPT_TIMESTAMP:
        return Create<TimestampOption>();
    case mip6::OPT_CONTEXT_REQUEST:
        return Create<ContextRequestOption>();
    case mip6::OPT_MAG_IPV6_ADDRESS:
        return Create<MagIpv6AddressOption>();
    default:
        return nullptr;
    }
}

} // namespace ns3
