/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-routing-options.h"

#include "ns3/log.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocalRoutingOptions");

namespace
{

/// Data octets of the Local Routing Optimization option.
constexpr uint8_t LROPT_LENGTH = 2;
/// Data octets of the MN-CN pair option without the IPv4 fields.
constexpr uint8_t MNCN_LENGTH = 2 + 16 + 16;
/// Data octets of the MN-CN pair option with the IPv4 fields (P flag set).
constexpr uint8_t MNCN_LENGTH_IPV4 = MNCN_LENGTH + 4 + 4;

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

LocalRoutingOptimizationOption::LocalRoutingOptimizationOption()
    : m_lri(mip6::LRI_NOT_AVAILABLE)
{
}

uint8_t
LocalRoutingOptimizationOption::GetType() const
{
    return mip6::OPT_LOCAL_ROUTING_OPTIMIZATION;
}

std::string
LocalRoutingOptimizationOption::GetName() const
{
    return "LocalRoutingOptimization";
}

uint32_t
LocalRoutingOptimizationOption::GetDataLength() const
{
    return LROPT_LENGTH;
}

void
LocalRoutingOptimizationOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteU8(0);
    i.WriteU8(m_lri & mip6::LROPT_LRI_MASK);
}

bool
LocalRoutingOptimizationOption::DeserializeData(Buffer::Iterator i,
                                                uint8_t length,
                                                std::string& error)
{
    if (length != LROPT_LENGTH)
    {
        std::ostringstream oss;
        oss << "Length " << +length << ", the option's Length must be " << +LROPT_LENGTH;
        error = oss.str();
        return false;
    }
    i.ReadU8(); // Reserved
    m_lri = i.ReadU8() & mip6::LROPT_LRI_MASK;
    return true;
}

void
LocalRoutingOptimizationOption::Print(std::ostream& os) const
{
    os << "LocalRoutingOptimization(lri=" << +m_lri << ")";
}

uint8_t
LocalRoutingOptimizationOption::GetLri() const
{
    return m_lri;
}

void
LocalRoutingOptimizationOption::SetLri(uint8_t lri)
{
    NS_ASSERT_MSG(lri <= mip6::LROPT_LRI_MASK, "LRI is a 2-bit field: " << +lri);
    m_lri = lri;
}

// ---------------------------------------------------------------------------------------------

MnCnPairOption::MnCnPairOption()
    : m_prefixLength(0),
      m_prefix(Ipv6Address::GetAny()),
      m_proxyCoa(Ipv6Address::GetAny()),
      m_ipv4(false),
      m_ipv4HoA(Ipv4Address::GetAny()),
      m_ipv4ProxyCoa(Ipv4Address::GetAny())
{
}

uint8_t
MnCnPairOption::GetType() const
{
    return mip6::OPT_MN_CN_PAIR;
}

std::string
MnCnPairOption::GetName() const
{
    return "MnCnPair";
}

MobilityOption::Alignment
MnCnPairOption::GetAlignment() const
{
    return {8, 4};
}

uint32_t
MnCnPairOption::GetDataLength() const
{
    return m_ipv4 ? MNCN_LENGTH_IPV4 : MNCN_LENGTH;
}

void
MnCnPairOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteU8(m_ipv4 ? mip6::MNCN_FLAG_P : 0);
    i.WriteU8(m_prefixLength);
    WriteIpv6(i, m_prefix);
    WriteIpv6(i, m_proxyCoa);
    if (m_ipv4)
    {
        i.WriteHtonU32(m_ipv4HoA.Get());
        i.WriteHtonU32(m_ipv4ProxyCoa.Get());
    }
}

bool
MnCnPairOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    std::ostringstream oss;
    if (length != MNCN_LENGTH && length != MNCN_LENGTH_IPV4)
    {
        oss << "Length " << +length << ", must be " << +MNCN_LENGTH << " (P flag clear) or "
            << +MNCN_LENGTH_IPV4 << " (P flag set)";
        error = oss.str();
        return false;
    }
    uint8_t flags = i.ReadU8();
    bool p = (flags & mip6::MNCN_FLAG_P) != 0;
    if (p != (length == MNCN_LENGTH_IPV4))
    {
        oss << "Length " << +length << " does not match the P flag ("
            << (p ? "set: IPv4 fields expected" : "clear: no IPv4 fields expected") << ")";
        error = oss.str();
        return false;
    }
    uint8_t prefixLength = i.ReadU8();
    if (prefixLength > 128)
    {
        oss << "Prefix Length " << +prefixLength << " exceeds 128";
        error = oss.str();
        return false;
    }
    m_prefixLength = prefixLength;
    m_prefix = ReadIpv6(i);
    m_proxyCoa = ReadIpv6(i);
    m_ipv4 = p;
    m_ipv4HoA = Ipv4Address::GetAny();
    m_ipv4ProxyCoa = Ipv4Address::GetAny();
    if (p)
    {
        m_ipv4HoA = Ipv4Address(i.ReadNtohU32());
        m_ipv4ProxyCoa = Ipv4Address(i.ReadNtohU32());
    }
    return true;
}

void
MnCnPairOption::Print(std::ostream& os) const
{
    os << "MnCnPair(hnp=" << m_prefix << "/" << +m_prefixLength << " pcoa=" << m_proxyCoa;
    if (m_ipv4)
    {
        os << " ipv4-hoa=" << m_ipv4HoA << " ipv4-pcoa=" << m_ipv4ProxyCoa;
    }
    os << ")";
}

Ipv6Address
MnCnPairOption::GetHomeNetworkPrefix() const
{
    return m_prefix;
}

uint8_t
MnCnPairOption::GetPrefixLength() const
{
    return m_prefixLength;
}

void
MnCnPairOption::SetHomeNetworkPrefix(Ipv6Address prefix, uint8_t prefixLength)
{
    NS_ASSERT_MSG(prefixLength <= 128, "prefix length " << +prefixLength);
    m_prefix = prefix;
    m_prefixLength = prefixLength;
}

Ipv6Address
MnCnPairOption::GetProxyCoa() const
{
    return m_proxyCoa;
}

void
MnCnPairOption::SetProxyCoa(Ipv6Address address)
{
    m_proxyCoa = address;
}

bool
MnCnPairOption::HasIpv4() const
{
    return m_ipv4;
}

void
MnCnPairOption::SetIpv4(Ipv4Address homeAddress, Ipv4Address proxyCoa)
{
    m_ipv4 = true;
    m_ipv4HoA = homeAddress;
    m_ipv4ProxyCoa = proxyCoa;
}

void
MnCnPairOption::ClearIpv4()
{
    m_ipv4 = false;
    m_ipv4HoA = Ipv4Address::GetAny();
    m_ipv4ProxyCoa = Ipv4Address::GetAny();
}

Ipv4Address
MnCnPairOption::GetIpv4HomeAddress() const
{
    return m_ipv4HoA;
}

Ipv4Address
MnCnPairOption::GetIpv4ProxyCoa() const
{
    return m_ipv4ProxyCoa;
}

// ---------------------------------------------------------------------------------------------

Ptr<MobilityOption>
CreateLocalRoutingOption(uint8_t type)
{
    switch (type)
    {
    case mip6::OPT_LOCAL_ROUTING_OPTIMIZATION:
        return Create<LocalRoutingOptimizationOption>();
    case mip6::OPT_MN_CN_PAIR:
        return Create<MnCnPairOption>();
    default:
        return nullptr;
    }
}

} // namespace ns3
