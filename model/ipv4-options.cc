/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ipv4-options.h"

#include "ns3/log.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6Ipv4Options");

namespace
{

/// Data length of the IPv4 Home Address Request / Reply, Default-Router and Care-of Address
/// options (RFC 5844 3.3.1-3.3.3, RFC 5555 3.1.5).
constexpr uint8_t IPV4_ADDRESS_OPTION_LENGTH = 6;
/// Data length of the IPv4 DHCP Support Mode option (RFC 5844 3.3.4).
constexpr uint8_t IPV4_DSM_LENGTH = 2;
/// Data length of the NAT Detection option (RFC 5555 3.2.2).
constexpr uint8_t NAT_DETECTION_LENGTH = 6;
/// The alignment of the options with an IPv4 address: 4n, so that the address is 4-aligned.
constexpr MobilityOption::Alignment ALIGN_4N{4, 0};

/**
 * \brief Refuse any Length other than the fixed one, with a reason (and a log line).
 * \param name the option's name
 * \param length the Length field
 * \param expected the only valid Length
 * \param error set to the reason
 * \return true when \p length is \p expected
 */
bool
CheckLength(const std::string& name, uint8_t length, uint8_t expected, std::string& error)
{
    if (length == expected)
    {
        return true;
    }
    std::ostringstream oss;
    oss << name << ": Length " << +length << ", must be " << +expected;
    error = oss.str();
    NS_LOG_LOGIC(error);
    return false;
}

/**
 * \brief Refuse a Prefix-len above 32, with a reason (and a log line).
 * \param name the option's name
 * \param prefixLength the decoded 6-bit field
 * \param error set to the reason
 * \return true when valid
 */
bool
CheckPrefixLength(const std::string& name, uint8_t prefixLength, std::string& error)
{
    if (prefixLength <= mip6::IPV4_MAX_PREFIX_LEN)
    {
        return true;
    }
    std::ostringstream oss;
    oss << name << ": Prefix-len " << +prefixLength << " above " << +mip6::IPV4_MAX_PREFIX_LEN;
    error = oss.str();
    NS_LOG_LOGIC(error);
    return false;
}

/**
 * \brief A prefix length clamped to 32 (setters never produce an invalid field).
 * \param prefixLength the length asked for
 * \return the length written
 */
uint8_t
Clamp(uint8_t prefixLength)
{
    return prefixLength > mip6::IPV4_MAX_PREFIX_LEN ? mip6::IPV4_MAX_PREFIX_LEN : prefixLength;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// IPv4 Home Address Request (36)

Ipv4HomeAddressRequestOption::Ipv4HomeAddressRequestOption()
    : m_address(Ipv4Address::GetAny()),
      m_prefixLength(0)
{
}

Ipv4HomeAddressRequestOption::Ipv4HomeAddressRequestOption(Ipv4Address address,
                                                           uint8_t prefixLength)
    : m_address(address),
      m_prefixLength(Clamp(prefixLength))
{
}

uint8_t
Ipv4HomeAddressRequestOption::GetType() const
{
    return mip6::OPT_IPV4_HOME_ADDRESS_REQUEST;
}

std::string
Ipv4HomeAddressRequestOption::GetName() const
{
    return "IPv4-HoA-Request";
}

MobilityOption::Alignment
Ipv4HomeAddressRequestOption::GetAlignment() const
{
    return ALIGN_4N;
}

uint32_t
Ipv4HomeAddressRequestOption::GetDataLength() const
{
    return IPV4_ADDRESS_OPTION_LENGTH;
}

void
Ipv4HomeAddressRequestOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteU8(m_prefixLength << mip6::IPV4_PREFIX_LEN_SHIFT); // Prefix-len | Reserved (2)
    i.WriteU8(0);                                             // Reserved (8)
    i.WriteHtonU32(m_address.Get());
}

bool
Ipv4HomeAddressRequestOption::DeserializeData(Buffer::Iterator i,
                                              uint8_t length,
                                              std::string& error)
{
    if (!CheckLength(GetName(), length, IPV4_ADDRESS_OPTION_LENGTH, error))
    {
        return false;
    }
    uint8_t prefixLength = i.ReadU8() >> mip6::IPV4_PREFIX_LEN_SHIFT;
    i.ReadU8(); // Reserved
    if (!CheckPrefixLength(GetName(), prefixLength, error))
    {
        return false;
    }
    m_prefixLength = prefixLength;
    m_address = Ipv4Address(i.ReadNtohU32());
    return true;
}

void
Ipv4HomeAddressRequestOption::Print(std::ostream& os) const
{
    os << "IPv4-HoA-Request(" << m_address << "/" << +m_prefixLength << ")";
}

Ipv4Address
Ipv4HomeAddressRequestOption::GetAddress() const
{
    return m_address;
}

uint8_t
Ipv4HomeAddressRequestOption::GetPrefixLength() const
{
    return m_prefixLength;
}

void
Ipv4HomeAddressRequestOption::SetAddress(Ipv4Address address, uint8_t prefixLength)
{
    m_address = address;
    m_prefixLength = Clamp(prefixLength);
}

// ---------------------------------------------------------------------------------------------
// IPv4 Home Address Reply (37)

Ipv4HomeAddressReplyOption::Ipv4HomeAddressReplyOption()
    : m_status(mip6::IPV4_HOA_REPLY_SUCCESS),
      m_address(Ipv4Address::GetAny()),
      m_prefixLength(0)
{
}

Ipv4HomeAddressReplyOption::Ipv4HomeAddressReplyOption(uint8_t status,
                                                       Ipv4Address address,
                                                       uint8_t prefixLength)
    : m_status(status),
      m_address(address),
      m_prefixLength(Clamp(prefixLength))
{
}

uint8_t
Ipv4HomeAddressReplyOption::GetType() const
{
    return mip6::OPT_IPV4_HOME_ADDRESS_REPLY;
}

std::string
Ipv4HomeAddressReplyOption::GetName() const
{
    return "IPv4-HoA-Reply";
}

MobilityOption::Alignment
Ipv4HomeAddressReplyOption::GetAlignment() const
{
    return ALIGN_4N;
}

uint32_t
Ipv4HomeAddressReplyOption::GetDataLength() const
{
    return IPV4_ADDRESS_OPTION_LENGTH;
}

void
Ipv4HomeAddressReplyOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteU8(m_status);
    i.WriteU8(m_prefixLength << mip6::IPV4_PREFIX_LEN_SHIFT); // Prefix-len | Reserved (2)
    i.WriteHtonU32(m_address.Get());
}

bool
Ipv4HomeAddressReplyOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (!CheckLength(GetName(), length, IPV4_ADDRESS_OPTION_LENGTH, error))
    {
        return false;
    }
    uint8_t status = i.ReadU8();
    uint8_t prefixLength = i.ReadU8() >> mip6::IPV4_PREFIX_LEN_SHIFT;
    if (!CheckPrefixLength(GetName(), prefixLength, error))
    {
        return false;
    }
    m_status = status;
    m_prefixLength = prefixLength;
    m_address = Ipv4Address(i.ReadNtohU32());
    return true;
}

void
Ipv4HomeAddressReplyOption::Print(std::ostream& os) const
{
    os << "IPv4-HoA-Reply(status=" << +m_status << " " << m_address << "/" << +m_prefixLength
       << ")";
}

uint8_t
Ipv4HomeAddressReplyOption::GetStatus() const
{
    return m_status;
}

Ipv4Address
Ipv4HomeAddressReplyOption::GetAddress() const
{
    return m_address;
}

uint8_t
Ipv4HomeAddressReplyOption::GetPrefixLength() const
{
    return m_prefixLength;
}

// ---------------------------------------------------------------------------------------------
// Reserved (16) | IPv4 address (32): Default-Router Address (38), Care-of Address (32)

Ipv4AddressMobilityOption::Ipv4AddressMobilityOption(Ipv4Address address)
    : m_address(address)
{
}

MobilityOption::Alignment
Ipv4AddressMobilityOption::GetAlignment() const
{
    return ALIGN_4N;
}

uint32_t
Ipv4AddressMobilityOption::GetDataLength() const
{
    return IPV4_ADDRESS_OPTION_LENGTH;
}

void
Ipv4AddressMobilityOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(0); // Reserved
    i.WriteHtonU32(m_address.Get());
}

bool
Ipv4AddressMobilityOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (!CheckLength(GetName(), length, IPV4_ADDRESS_OPTION_LENGTH, error))
    {
        return false;
    }
    i.ReadNtohU16(); // Reserved
    m_address = Ipv4Address(i.ReadNtohU32());
    return true;
}

void
Ipv4AddressMobilityOption::Print(std::ostream& os) const
{
    os << GetName() << "(" << m_address << ")";
}

Ipv4Address
Ipv4AddressMobilityOption::GetAddress() const
{
    return m_address;
}

void
Ipv4AddressMobilityOption::SetAddress(Ipv4Address address)
{
    m_address = address;
}

Ipv4DefaultRouterAddressOption::Ipv4DefaultRouterAddressOption(Ipv4Address address)
    : Ipv4AddressMobilityOption(address)
{
}

uint8_t
Ipv4DefaultRouterAddressOption::GetType() const
{
    return mip6::OPT_IPV4_DEFAULT_ROUTER_ADDRESS;
}

std::string
Ipv4DefaultRouterAddressOption::GetName() const
{
    return "IPv4-Default-Router";
}

Ipv4CareOfAddressOption::Ipv4CareOfAddressOption(Ipv4Address address)
    : Ipv4AddressMobilityOption(address)
{
}

uint8_t
Ipv4CareOfAddressOption::GetType() const
{
    return mip6::OPT_IPV4_CARE_OF_ADDRESS;
}

std::string
Ipv4CareOfAddressOption::GetName() const
{
    return "IPv4-CoA";
}

// ---------------------------------------------------------------------------------------------
// IPv4 DHCP Support Mode (39)

Ipv4DhcpSupportModeOption::Ipv4DhcpSupportModeOption(bool server)
    : m_server(server)
{
}

uint8_t
Ipv4DhcpSupportModeOption::GetType() const
{
    return mip6::OPT_IPV4_DHCP_SUPPORT_MODE;
}

std::string
Ipv4DhcpSupportModeOption::GetName() const
{
    return "IPv4-DHCP-Support-Mode";
}

uint32_t
Ipv4DhcpSupportModeOption::GetDataLength() const
{
    return IPV4_DSM_LENGTH;
}

void
Ipv4DhcpSupportModeOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_server ? mip6::IPV4_DSM_FLAG_S : 0);
}

bool
Ipv4DhcpSupportModeOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (!CheckLength(GetName(), length, IPV4_DSM_LENGTH, error))
    {
        return false;
    }
    m_server = (i.ReadNtohU16() & mip6::IPV4_DSM_FLAG_S) != 0;
    return true;
}

void
Ipv4DhcpSupportModeOption::Print(std::ostream& os) const
{
    os << "IPv4-DHCP-Support-Mode(" << (m_server ? "server" : "relay") << ")";
}

bool
Ipv4DhcpSupportModeOption::IsServer() const
{
    return m_server;
}

// ---------------------------------------------------------------------------------------------
// NAT Detection (31)

NatDetectionOption::NatDetectionOption(bool forceUdp, uint32_t refreshTime)
    : m_forceUdp(forceUdp),
      m_refreshTime(refreshTime)
{
}

uint8_t
NatDetectionOption::GetType() const
{
    return mip6::OPT_NAT_DETECTION;
}

std::string
NatDetectionOption::GetName() const
{
    return "NAT-Detection";
}

MobilityOption::Alignment
NatDetectionOption::GetAlignment() const
{
    return ALIGN_4N;
}

uint32_t
NatDetectionOption::GetDataLength() const
{
    return NAT_DETECTION_LENGTH;
}

void
NatDetectionOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_forceUdp ? mip6::NAT_DETECTION_FLAG_F : 0);
    i.WriteHtonU32(m_refreshTime);
}

bool
NatDetectionOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (!CheckLength(GetName(), length, NAT_DETECTION_LENGTH, error))
    {
        return false;
    }
    m_forceUdp = (i.ReadNtohU16() & mip6::NAT_DETECTION_FLAG_F) != 0;
    m_refreshTime = i.ReadNtohU32();
    return true;
}

void
NatDetectionOption::Print(std::ostream& os) const
{
    os << "NAT-Detection(F=" << m_forceUdp << ", refresh=" << m_refreshTime << "s)";
}

bool
NatDetectionOption::IsForceUdp() const
{
    return m_forceUdp;
}

uint32_t
NatDetectionOption::GetRefreshTime() const
{
    return m_refreshTime;
}

// ---------------------------------------------------------------------------------------------

Ptr<MobilityOption>
CreateIpv4Option(uint8_t type)
{
    switch (type)
    {
    case mip6::OPT_IPV4_CARE_OF_ADDRESS:
        return Create<Ipv4CareOfAddressOption>();
    case mip6::OPT_IPV4_HOME_ADDRESS_REQUEST:
        return Create<Ipv4HomeAddressRequestOption>();
    case mip6::OPT_IPV4_HOME_ADDRESS_REPLY:
        return Create<Ipv4HomeAddressReplyOption>();
    case mip6::OPT_IPV4_DEFAULT_ROUTER_ADDRESS:
        return Create<Ipv4DefaultRouterAddressOption>();
    case mip6::OPT_IPV4_DHCP_SUPPORT_MODE:
        return Create<Ipv4DhcpSupportModeOption>();
    case mip6::OPT_NAT_DETECTION:
        return Create<NatDetectionOption>();
    default:
        return nullptr;
    }
}

} // namespace ns3
