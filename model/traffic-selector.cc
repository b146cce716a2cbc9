/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "traffic-selector.h"

#include "ns3/assert.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/log.h"

#include <cstring>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TrafficSelector");

namespace
{

/// Largest value of the 20-bit IPv6 flow label.
constexpr uint32_t MAX_FLOW_LABEL = 0xFFFFF;
/// Octets of the flags word and the reserved 16 bits that follow it.
constexpr uint32_t TS_HEADER_SIZE = 4;

/// Wire order of the IPv6 binary format (RFC 6088 3.2): flags A/B, C/D, ... O/P.
const TrafficSelector::Field IPV6_ORDER[] = {
    TrafficSelector::SOURCE_ADDRESS,
    TrafficSelector::DESTINATION_ADDRESS,
    TrafficSelector::IPSEC_SPI,
    TrafficSelector::FLOW_LABEL,
    TrafficSelector::SOURCE_PORT,
    TrafficSelector::DESTINATION_PORT,
    TrafficSelector::TRAFFIC_CLASS,
    TrafficSelector::NEXT_HEADER,
};

/// Wire order of the IPv4 binary format (RFC 6088 3.1): flags A/B, C/D, ... M/N.
const TrafficSelector::Field IPV4_ORDER[] = {
    TrafficSelector::SOURCE_ADDRESS,
    TrafficSelector::DESTINATION_ADDRESS,
    TrafficSelector::IPSEC_SPI,
    TrafficSelector::SOURCE_PORT,
    TrafficSelector::DESTINATION_PORT,
    TrafficSelector::TRAFFIC_CLASS,
    TrafficSelector::NEXT_HEADER,
};

/// Short names used by Print, indexed by Field.
const char* const FIELD_NAMES[] = {"src", "dst", "spi", "fl", "sport", "dport", "tc", "nh"};

/**
 * \brief Flag bit of the start value at a wire position.
 * \param index wire position
 * \return the bit (A = 0x8000)
 */
inline uint16_t
StartBit(uint32_t index)
{
    return static_cast<uint16_t>(0x8000u >> (2 * index));
}

/**
 * \brief Flag bit of the end value at a wire position.
 * \param index wire position
 * \return the bit
 */
inline uint16_t
EndBit(uint32_t index)
{
    return static_cast<uint16_t>(0x8000u >> (2 * index + 1));
}

/**
 * \brief The 16 octets of an IPv6 address.
 * \param a the address
 * \return the octets
 */
std::array<uint8_t, 16>
BytesOf(Ipv6Address a)
{
    std::array<uint8_t, 16> b{};
    a.GetBytes(b.data());
    return b;
}

/**
 * \brief An IPv4 address in the first 4 of 16 octets, network order.
 * \param a the address
 * \return the octets
 */
std::array<uint8_t, 16>
BytesOf(Ipv4Address a)
{
    std::array<uint8_t, 16> b{};
    a.Serialize(b.data());
    return b;
}

} // namespace

TrafficSelector::TrafficSelector(uint8_t format)
    : m_format(format),
      m_start(0),
      m_end(0),
      m_addrStart{},
      m_addrEnd{},
      m_numStart{},
      m_numEnd{}
{
}

TrafficSelector
TrafficSelector::FromFiveTuple(Ipv6Address source,
                               Ipv6Address destination,
                               uint8_t nextHeader,
                               uint16_t sourcePort,
                               uint16_t destinationPort)
{
    TrafficSelector ts(mip6::TS_FORMAT_IPV6_BINARY);
    ts.SetSourceAddress(source);
    ts.SetDestinationAddress(destination);
    ts.SetNextHeader(nextHeader);
    ts.SetSourcePort(sourcePort);
    ts.SetDestinationPort(destinationPort);
    return ts;
}

TrafficSelector
TrafficSelector::FromFiveTuple(Ipv4Address source,
                               Ipv4Address destination,
                               uint8_t protocol,
                               uint16_t sourcePort,
                               uint16_t destinationPort)
{
    TrafficSelector ts(mip6::TS_FORMAT_IPV4_BINARY);
    ts.SetIpv4SourceAddress(source);
    ts.SetIpv4DestinationAddress(destination);
    ts.SetNextHeader(protocol);
    ts.SetSourcePort(sourcePort);
    ts.SetDestinationPort(destinationPort);
    return ts;
}

uint8_t
TrafficSelector::GetFormat() const
{
    return m_format;
}

void
TrafficSelector::SetFormat(uint8_t format)
{
    if (format != m_format)
    {
        m_format = format;
        Clear();
    }
}

bool
TrafficSelector::IsFormatSupported() const
{
    return IsIpv6() || IsIpv4();
}

bool
TrafficSelector::IsIpv6() const
{
    return m_format == mip6::TS_FORMAT_IPV6_BINARY;
}

bool
TrafficSelector::IsIpv4() const
{
    return m_format == mip6::TS_FORMAT_IPV4_BINARY;
}

bool
TrafficSelector::IsEmpty() const
{
    return m_start == 0;
}

void
TrafficSelector::Clear()
{
    m_start = 0;
    m_end = 0;
    for (int k = 0; k < 2; ++k)
    {
        m_addrStart[k].fill(0);
        m_addrEnd[k].fill(0);
    }
    for (int f = 0; f < FIELD_COUNT; ++f)
    {
        m_numStart[f] = 0;
        m_numEnd[f] = 0;
    }
}

bool
TrafficSelector::Has(Field field) const
{
    return (m_start & (1u << field)) != 0;
}

bool
TrafficSelector::HasEnd(Field field) const
{
    return (m_end & (1u << field)) != 0;
}

void
TrafficSelector::ClearField(Field field)
{
    m_start &= ~(1u << field);
    m_end &= ~(1u << field);
    if (field == SOURCE_ADDRESS || field == DESTINATION_ADDRESS)
    {
        m_addrStart[field].fill(0);
        m_addrEnd[field].fill(0);
    }
    m_numStart[field] = 0;
    m_numEnd[field] = 0;
}

void
TrafficSelector::Mark(Field field, bool range)
{
    m_start |= (1u << field);
    if (range)
    {
        m_end |= (1u << field);
    }
    else
    {
        m_end &= ~(1u << field);
    }
}

void
TrafficSelector::CheckField(Field field) const
{
    NS_ASSERT_MSG(IsFormatSupported(), "traffic selector format " << +m_format << " unknown");
    NS_ASSERT_MSG(field != FLOW_LABEL || IsIpv6(), "an IPv4 traffic selector has no flow label");
}

void
TrafficSelector::SetAddress(Field field,
                            const AddressBytes& start,
                            const AddressBytes& end,
                            bool range)
{
    CheckField(field);
    NS_ASSERT_MSG(!range || std::memcmp(start.data(), end.data(), AddressSize()) <= 0,
                  "address range end below its start");
    m_addrStart[field] = start;
    m_addrEnd[field] = range ? end : AddressBytes{};
    Mark(field, range);
}

void
TrafficSelector::SetNumber(Field field, uint32_t start, uint32_t end, bool range)
{
    CheckField(field);
    NS_ASSERT_MSG(!range || start <= end, "range end below its start");
    NS_ASSERT_MSG(field != FLOW_LABEL || (start <= MAX_FLOW_LABEL && end <= MAX_FLOW_LABEL),
                  "flow label wider than 20 bits");
    m_numStart[field] = start;
    m_numEnd[field] = range ? end : 0;
    Mark(field, range);
}

// Addresses, IPv6 ------------------------------------------------------------------------------

void
TrafficSelector::SetSourceAddress(Ipv6Address address)
{
    NS_ASSERT_MSG(IsIpv6(), "IPv6 address on a format " << +m_format << " selector");
    SetAddress(SOURCE_ADDRESS, BytesOf(address), AddressBytes{}, false);
}

void
TrafficSelector::SetSourceAddressRange(Ipv6Address start, Ipv6Address end)
{
    NS_ASSERT_MSG(IsIpv6(), "IPv6 address on a format " << +m_format << " selector");
    SetAddress(SOURCE_ADDRESS, BytesOf(start), BytesOf(end), true);
}

void
TrafficSelector::SetSourceAddressPrefix(Ipv6Address prefix, Ipv6Prefix length)
{
    uint8_t mask[16];
    length.GetBytes(mask);
    AddressBytes start = BytesOf(prefix);
    AddressBytes end = start;
    for (int k = 0; k < 16; ++k)
    {
        start[k] &= mask[k];
        end[k] = start[k] | static_cast<uint8_t>(~mask[k]);
    }
    NS_ASSERT_MSG(IsIpv6(), "IPv6 address on a format " << +m_format << " selector");
    SetAddress(SOURCE_ADDRESS, start, end, true);
}

void
TrafficSelector::SetDestinationAddress(Ipv6Address address)
{
    NS_ASSERT_MSG(IsIpv6(), "IPv6 address on a format " << +m_format << " selector");
    SetAddress(DESTINATION_ADDRESS, BytesOf(address), AddressBytes{}, false);
}

void
TrafficSelector::SetDestinationAddressRange(Ipv6Address start, Ipv6Address end)
{
    NS_ASSERT_MSG(IsIpv6(), "IPv6 address on a format " << +m_format << " selector");
    SetAddress(DESTINATION_ADDRESS, BytesOf(start), BytesOf(end), true);
}

void
TrafficSelector::SetDestinationAddressPrefix(Ipv6Address prefix, Ipv6Prefix length)
{
    uint8_t mask[16];
    length.GetBytes(mask);
    AddressBytes start = BytesOf(prefix);
    AddressBytes end = start;
    for (int k = 0; k < 16; ++k)
    {
        start[k] &= mask[k];
        end[k] = start[k] | static_cast<uint8_t>(~mask[k]);
    }
    NS_ASSERT_MSG(IsIpv6(), "IPv6 address on a format " << +m_format << " selector");
    SetAddress(DESTINATION_ADDRESS, start, end, true);
}

Ipv6Address
TrafficSelector::GetSourceAddressStart() const
{
    AddressBytes b = m_addrStart[SOURCE_ADDRESS];
    return Ipv6Address(b.data());
}

Ipv6Address
TrafficSelector::GetSourceAddressEnd() const
{
    AddressBytes b =
        HasEnd(SOURCE_ADDRESS) ? m_addrEnd[SOURCE_ADDRESS] : m_addrStart[SOURCE_ADDRESS];
    return Ipv6Address(b.data());
}

Ipv6Address
TrafficSelector::GetDestinationAddressStart() const
{
    AddressBytes b = m_addrStart[DESTINATION_ADDRESS];
    return Ipv6Address(b.data());
}

Ipv6Address
TrafficSelector::GetDestinationAddressEnd() const
{
    AddressBytes b = HasEnd(DESTINATION_ADDRESS) ? m_addrEnd[DESTINATION_ADDRESS]
                                                 : m_addrStart[DESTINATION_ADDRESS];
    return Ipv6Address(b.data());
}

// Addresses, IPv4 ------------------------------------------------------------------------------

void
TrafficSelector::SetIpv4SourceAddress(Ipv4Address address)
{
    NS_ASSERT_MSG(IsIpv4(), "IPv4 address on a format " << +m_format << " selector");
    SetAddress(SOURCE_ADDRESS, BytesOf(address), AddressBytes{}, false);
}

void
TrafficSelector::SetIpv4SourceAddressRange(Ipv4Address start, Ipv4Address end)
{
    NS_ASSERT_MSG(IsIpv4(), "IPv4 address on a format " << +m_format << " selector");
    SetAddress(SOURCE_ADDRESS, BytesOf(start), BytesOf(end), true);
}

void
TrafficSelector::SetIpv4SourceAddressPrefix(Ipv4Address prefix, Ipv4Mask mask)
{
    uint32_t m = mask.Get();
    SetIpv4SourceAddressRange(Ipv4Address(prefix.Get() & m), Ipv4Address((prefix.Get() & m) | ~m));
}

void
TrafficSelector::SetIpv4DestinationAddress(Ipv4Address address)
{
    NS_ASSERT_MSG(IsIpv4(), "IPv4 address on a format " << +m_format << " selector");
    SetAddress(DESTINATION_ADDRESS, BytesOf(address), AddressBytes{}, false);
}

void
TrafficSelector::SetIpv4DestinationAddressRange(Ipv4Address start, Ipv4Address end)
{
    NS_ASSERT_MSG(IsIpv4(), "IPv4 address on a format " << +m_format << " selector");
    SetAddress(DESTINATION_ADDRESS, BytesOf(start), BytesOf(end), true);
}

void
TrafficSelector::SetIpv4DestinationAddressPrefix(Ipv4Address prefix, Ipv4Mask mask)
{
    uint32_t m = mask.Get();
    SetIpv4DestinationAddressRange(Ipv4Address(prefix.Get() & m),
                                   Ipv4Address((prefix.Get() & m) | ~m));
}

Ipv4Address
TrafficSelector::GetIpv4SourceAddressStart() const
{
    return Ipv4Address::Deserialize(m_addrStart[SOURCE_ADDRESS].data());
}

Ipv4Address
TrafficSelector::GetIpv4SourceAddressEnd() const
{
    return Ipv4Address::Deserialize(HasEnd(SOURCE_ADDRESS) ? m_addrEnd[SOURCE_ADDRESS].data()
                                                           : m_addrStart[SOURCE_ADDRESS].data());
}

Ipv4Address
TrafficSelector::GetIpv4DestinationAddressStart() const
{
    return Ipv4Address::Deserialize(m_addrStart[DESTINATION_ADDRESS].data());
}

Ipv4Address
TrafficSelector::GetIpv4DestinationAddressEnd() const
{
    return Ipv4Address::Deserialize(HasEnd(DESTINATION_ADDRESS)
                                        ? m_addrEnd[DESTINATION_ADDRESS].data()
                                        : m_addrStart[DESTINATION_ADDRESS].data());
}

bool
TrafficSelector::HasSourceAddress() const
{
    return Has(SOURCE_ADDRESS);
}

bool
TrafficSelector::HasDestinationAddress() const
{
    return Has(DESTINATION_ADDRESS);
}

// Numeric fields -------------------------------------------------------------------------------

void
TrafficSelector::SetSpi(uint32_t spi)
{
    SetNumber(IPSEC_SPI, spi, 0, false);
}

void
TrafficSelector::SetSpiRange(uint32_t start, uint32_t end)
{
    SetNumber(IPSEC_SPI, start, end, true);
}

bool
TrafficSelector::HasSpi() const
{
    return Has(IPSEC_SPI);
}

uint32_t
TrafficSelector::GetSpiStart() const
{
    return m_numStart[IPSEC_SPI];
}

uint32_t
TrafficSelector::GetSpiEnd() const
{
    return HasEnd(IPSEC_SPI) ? m_numEnd[IPSEC_SPI] : m_numStart[IPSEC_SPI];
}

void
TrafficSelector::SetFlowLabel(uint32_t label)
{
    SetNumber(FLOW_LABEL, label, 0, false);
}

void
TrafficSelector::SetFlowLabelRange(uint32_t start, uint32_t end)
{
    SetNumber(FLOW_LABEL, start, end, true);
}

bool
TrafficSelector::HasFlowLabel() const
{
    return Has(FLOW_LABEL);
}

uint32_t
TrafficSelector::GetFlowLabelStart() const
{
    return m_numStart[FLOW_LABEL];
}

uint32_t
TrafficSelector::GetFlowLabelEnd() const
{
    return HasEnd(FLOW_LABEL) ? m_numEnd[FLOW_LABEL] : m_numStart[FLOW_LABEL];
}

void
TrafficSelector::SetSourcePort(uint16_t port)
{
    SetNumber(SOURCE_PORT, port, 0, false);
}

void
TrafficSelector::SetSourcePortRange(uint16_t start, uint16_t end)
{
    SetNumber(SOURCE_PORT, start, end, true);
}

bool
TrafficSelector::HasSourcePort() const
{
    return Has(SOURCE_PORT);
}

uint16_t
TrafficSelector::GetSourcePortStart() const
{
    return static_cast<uint16_t>(m_numStart[SOURCE_PORT]);
}

uint16_t
TrafficSelector::GetSourcePortEnd() const
{
    return static_cast<uint16_t>(HasEnd(SOURCE_PORT) ? m_numEnd[SOURCE_PORT]
                                                     : m_numStart[SOURCE_PORT]);
}

void
TrafficSelector::SetDestinationPort(uint16_t port)
{
    SetNumber(DESTINATION_PORT, port, 0, false);
}

void
TrafficSelector::SetDestinationPortRange(uint16_t start, uint16_t end)
{
    SetNumber(DESTINATION_PORT, start, end, true);
}

bool
TrafficSelector::HasDestinationPort() const
{
    return Has(DESTINATION_PORT);
}

uint16_t
TrafficSelector::GetDestinationPortStart() const
{
    return static_cast<uint16_t>(m_numStart[DESTINATION_PORT]);
}

uint16_t
TrafficSelector::GetDestinationPortEnd() const
{
    return static_cast<uint16_t>(HasEnd(DESTINATION_PORT) ? m_numEnd[DESTINATION_PORT]
                                                          : m_numStart[DESTINATION_PORT]);
}

void
TrafficSelector::SetTrafficClass(uint8_t value)
{
    SetNumber(TRAFFIC_CLASS, value, 0, false);
}

void
TrafficSelector::SetTrafficClassRange(uint8_t start, uint8_t end)
{
    SetNumber(TRAFFIC_CLASS, start, end, true);
}

bool
TrafficSelector::HasTrafficClass() const
{
    return Has(TRAFFIC_CLASS);
}

uint8_t
TrafficSelector::GetTrafficClassStart() const
{
    return static_cast<uint8_t>(m_numStart[TRAFFIC_CLASS]);
}

uint8_t
TrafficSelector::GetTrafficClassEnd() const
{
    return static_cast<uint8_t>(HasEnd(TRAFFIC_CLASS) ? m_numEnd[TRAFFIC_CLASS]
                                                      : m_numStart[TRAFFIC_CLASS]);
}

void
TrafficSelector::SetNextHeader(uint8_t value)
{
    SetNumber(NEXT_HEADER, value, 0, false);
}

void
TrafficSelector::SetNextHeaderRange(uint8_t start, uint8_t end)
{
    SetNumber(NEXT_HEADER, start, end, true);
}

bool
TrafficSelector::HasNextHeader() const
{
    return Has(NEXT_HEADER);
}

uint8_t
TrafficSelector::GetNextHeaderStart() const
{
    return static_cast<uint8_t>(m_numStart[NEXT_HEADER]);
}

uint8_t
TrafficSelector::GetNextHeaderEnd() const
{
    return static_cast<uint8_t>(HasEnd(NEXT_HEADER) ? m_numEnd[NEXT_HEADER]
                                                    : m_numStart[NEXT_HEADER]);
}

// Wire -----------------------------------------------------------------------------------------

uint32_t
TrafficSelector::AddressSize() const
{
    return IsIpv4() ? 4 : 16;
}

uint32_t
TrafficSelector::FieldSize(Field field) const
{
    switch (field)
    {
    case SOURCE_ADDRESS:
    case DESTINATION_ADDRESS:
        return AddressSize();
    case IPSEC_SPI:
    case FLOW_LABEL:
        return 4;
    case SOURCE_PORT:
    case DESTINATION_PORT:
        return 2;
    case TRAFFIC_CLASS:
    case NEXT_HEADER:
        return 1;
    default:
        return 0;
    }
}

uint32_t
TrafficSelector::WireFieldCount() const
{
    return IsIpv4() ? 7 : 8;
}

TrafficSelector::Field
TrafficSelector::WireField(uint32_t index) const
{
    return IsIpv4() ? IPV4_ORDER[index] : IPV6_ORDER[index];
}

uint16_t
TrafficSelector::GetWireFlags() const
{
    uint16_t flags = 0;
    for (uint32_t k = 0; k < WireFieldCount(); ++k)
    {
        Field f = WireField(k);
        if (Has(f))
        {
            flags |= StartBit(k);
        }
        if (HasEnd(f))
        {
            flags |= EndBit(k);
        }
    }
    return flags;
}

uint32_t
TrafficSelector::GetSerializedSize() const
{
    uint32_t size = TS_HEADER_SIZE;
    for (uint32_t k = 0; k < WireFieldCount(); ++k)
    {
        Field f = WireField(k);
        size += FieldSize(f) * ((Has(f) ? 1 : 0) + (HasEnd(f) ? 1 : 0));
    }
    return size;
}

void
TrafficSelector::Serialize(Buffer::Iterator& i) const
{
    NS_ASSERT_MSG(IsFormatSupported(), "cannot serialize a format " << +m_format << " selector");
    i.WriteHtonU16(GetWireFlags());
    i.WriteHtonU16(0); // Reserved
    for (uint32_t k = 0; k < WireFieldCount(); ++k)
    {
        Field f = WireField(k);
        for (int which = 0; which < 2; ++which)
        {
            bool present = (which == 0) ? Has(f) : HasEnd(f);
            if (!present)
            {
                continue;
            }
            if (f == SOURCE_ADDRESS || f == DESTINATION_ADDRESS)
            {
                const AddressBytes& a = (which == 0) ? m_addrStart[f] : m_addrEnd[f];
                i.Write(a.data(), AddressSize());
                continue;
            }
            uint32_t v = (which == 0) ? m_numStart[f] : m_numEnd[f];
            switch (FieldSize(f))
            {
            case 4:
                i.WriteHtonU32(v);
                break;
            case 2:
                i.WriteHtonU16(static_cast<uint16_t>(v));
                break;
            default:
                i.WriteU8(static_cast<uint8_t>(v));
                break;
            }
        }
    }
}

bool
TrafficSelector::Deserialize(Buffer::Iterator i,
                             uint32_t length,
                             uint8_t format,
                             std::string& error)
{
    SetFormat(format);
    return Deserialize(i, length, error);
}

bool
TrafficSelector::Deserialize(Buffer::Iterator i, uint32_t length, std::string& error)
{
    NS_LOG_FUNCTION(this << length);
    Clear();
    std::ostringstream oss;
    if (!IsFormatSupported())
    {
        oss << "unknown traffic selector format " << +m_format;
        error = oss.str();
        return false;
    }
    if (length < TS_HEADER_SIZE)
    {
        oss << "traffic selector needs " << TS_HEADER_SIZE << " octets of flags, only " << length;
        error = oss.str();
        return false;
    }
    uint16_t flags = i.ReadNtohU16();
    i.ReadNtohU16(); // Reserved, ignored
    uint32_t need = TS_HEADER_SIZE;
    for (uint32_t k = 0; k < WireFieldCount(); ++k)
    {
        bool start = (flags & StartBit(k)) != 0;
        bool end = (flags & EndBit(k)) != 0;
        Field f = WireField(k);
        if (end && !start)
        {
            oss << "traffic selector has the end of field " << FIELD_NAMES[f]
                << " without its start";
            error = oss.str();
            return false;
        }
        need += FieldSize(f) * ((start ? 1 : 0) + (end ? 1 : 0));
    }
    if (length < need)
    {
        oss << "traffic selector flags 0x" << std::hex << flags << std::dec << " announce " << need
            << " octets, only " << length << " available";
        error = oss.str();
        return false;
    }
    for (uint32_t k = 0; k < WireFieldCount(); ++k)
    {
        bool start = (flags & StartBit(k)) != 0;
        bool end = (flags & EndBit(k)) != 0;
        if (!start)
        {
            continue;
        }
        Field f = WireField(k);
        if (f == SOURCE_ADDRESS || f == DESTINATION_ADDRESS)
        {
            i.Read(m_addrStart[f].data(), AddressSize());
            if (end)
            {
                i.Read(m_addrEnd[f].data(), AddressSize());
            }
        }
        else
        {
            for (int which = 0; which < (end ? 2 : 1); ++which)
            {
                uint32_t v;
                switch (FieldSize(f))
                {
                case 4:
                    v = i.ReadNtohU32();
                    break;
                case 2:
                    v = i.ReadNtohU16();
                    break;
                default:
                    v = i.ReadU8();
                    break;
                }
                (which == 0 ? m_numStart : m_numEnd)[f] = v;
            }
        }
        Mark(f, end);
    }
    // Values are read; check them.
    for (uint32_t k = 0; k < WireFieldCount(); ++k)
    {
        Field f = WireField(k);
        if (!Has(f))
        {
            continue;
        }
        bool reversed = false;
        if (f == SOURCE_ADDRESS || f == DESTINATION_ADDRESS)
        {
            reversed = HasEnd(f) &&
                       std::memcmp(m_addrStart[f].data(), m_addrEnd[f].data(), AddressSize()) > 0;
        }
        else
        {
            reversed = HasEnd(f) && m_numStart[f] > m_numEnd[f];
        }
        if (f == FLOW_LABEL && (m_numStart[f] > MAX_FLOW_LABEL || m_numEnd[f] > MAX_FLOW_LABEL))
        {
            oss << "traffic selector flow label wider than 20 bits";
            error = oss.str();
            Clear();
            return false;
        }
        if (reversed)
        {
            oss << "traffic selector range of field " << FIELD_NAMES[f] << " ends below its start";
            error = oss.str();
            Clear();
            return false;
        }
    }
    return true;
}

// Matching -------------------------------------------------------------------------------------

bool
TrafficSelector::MatchNumber(Field field, uint32_t value) const
{
    if (!Has(field))
    {
        return true;
    }
    if (HasEnd(field))
    {
        return value >= m_numStart[field] && value <= m_numEnd[field];
    }
    return value == m_numStart[field];
}

bool
TrafficSelector::MatchAddress(Field field, const uint8_t* address) const
{
    if (!Has(field))
    {
        return true;
    }
    uint32_t n = AddressSize();
    if (HasEnd(field))
    {
        return std::memcmp(address, m_addrStart[field].data(), n) >= 0 &&
               std::memcmp(address, m_addrEnd[field].data(), n) <= 0;
    }
    return std::memcmp(address, m_addrStart[field].data(), n) == 0;
}

bool
TrafficSelector::Matches(const FlowKey& key) const
{
    if (key.format != m_format || !IsFormatSupported())
    {
        return false;
    }
    if (!MatchAddress(SOURCE_ADDRESS, key.source) ||
        !MatchAddress(DESTINATION_ADDRESS, key.destination))
    {
        return false;
    }
    if (Has(IPSEC_SPI) && (!key.hasSpi || !MatchNumber(IPSEC_SPI, key.spi)))
    {
        return false;
    }
    if (IsIpv6() && !MatchNumber(FLOW_LABEL, key.flowLabel))
    {
        return false;
    }
    if ((Has(SOURCE_PORT) || Has(DESTINATION_PORT)) && !key.hasPorts)
    {
        return false;
    }
    return MatchNumber(SOURCE_PORT, key.sourcePort) &&
           MatchNumber(DESTINATION_PORT, key.destinationPort) &&
           MatchNumber(TRAFFIC_CLASS, key.trafficClass) && MatchNumber(NEXT_HEADER, key.nextHeader);
}

TrafficSelector::FlowKey
TrafficSelector::MakeKey(const Ipv6Header& ip, uint16_t sourcePort, uint16_t destinationPort)
{
    FlowKey key;
    key.format = mip6::TS_FORMAT_IPV6_BINARY;
    ip.GetSource().GetBytes(key.source);
    ip.GetDestination().GetBytes(key.destination);
    key.nextHeader = ip.GetNextHeader();
    key.trafficClass = ip.GetTrafficClass();
    key.flowLabel = ip.GetFlowLabel();
    key.hasPorts = true;
    key.sourcePort = sourcePort;
    key.destinationPort = destinationPort;
    return key;
}

TrafficSelector::FlowKey
TrafficSelector::MakeKey(const Ipv4Header& ip, uint16_t sourcePort, uint16_t destinationPort)
{
    FlowKey key;
    key.format = mip6::TS_FORMAT_IPV4_BINARY;
    ip.GetSource().Serialize(key.source);
    ip.GetDestination().Serialize(key.destination);
    key.nextHeader = ip.GetProtocol();
    key.trafficClass = ip.GetTos();
    key.hasPorts = true;
    key.sourcePort = sourcePort;
    key.destinationPort = destinationPort;
    return key;
}

bool
TrafficSelector::Matches(const Ipv6Header& ip, uint16_t sourcePort, uint16_t destinationPort) const
{
    if (!IsIpv6())
    {
        return false;
    }
    return Matches(MakeKey(ip, sourcePort, destinationPort));
}

bool
TrafficSelector::Matches(const Ipv4Header& ip, uint16_t sourcePort, uint16_t destinationPort) const
{
    if (!IsIpv4())
    {
        return false;
    }
    return Matches(MakeKey(ip, sourcePort, destinationPort));
}

// Comparison and printing ----------------------------------------------------------------------

bool
TrafficSelector::operator==(const TrafficSelector& other) const
{
    if (m_format != other.m_format || m_start != other.m_start || m_end != other.m_end)
    {
        return false;
    }
    uint32_t n = AddressSize();
    for (int f = 0; f < FIELD_COUNT; ++f)
    {
        Field field = static_cast<Field>(f);
        if (!Has(field))
        {
            continue;
        }
        if (field == SOURCE_ADDRESS || field == DESTINATION_ADDRESS)
        {
            if (std::memcmp(m_addrStart[f].data(), other.m_addrStart[f].data(), n) != 0 ||
                (HasEnd(field) &&
                 std::memcmp(m_addrEnd[f].data(), other.m_addrEnd[f].data(), n) != 0))
            {
                return false;
            }
        }
        else if (m_numStart[f] != other.m_numStart[f] ||
                 (HasEnd(field) && m_numEnd[f] != other.m_numEnd[f]))
        {
            return false;
        }
    }
    return true;
}

bool
TrafficSelector::operator!=(const TrafficSelector& other) const
{
    return !(*this == other);
}

void
TrafficSelector::PrintField(std::ostream& os, Field field) const
{
    os << FIELD_NAMES[field] << "=";
    if (field == SOURCE_ADDRESS || field == DESTINATION_ADDRESS)
    {
        if (IsIpv4())
        {
            os << Ipv4Address::Deserialize(m_addrStart[field].data());
            if (HasEnd(field))
            {
                os << "-" << Ipv4Address::Deserialize(m_addrEnd[field].data());
            }
        }
        else
        {
            AddressBytes s = m_addrStart[field];
            os << Ipv6Address(s.data());
            if (HasEnd(field))
            {
                AddressBytes e = m_addrEnd[field];
                os << "-" << Ipv6Address(e.data());
            }
        }
        return;
    }
    os << m_numStart[field];
    if (HasEnd(field))
    {
        os << "-" << m_numEnd[field];
    }
}

void
TrafficSelector::Print(std::ostream& os) const
{
    if (IsIpv6())
    {
        os << "TS6(";
    }
    else if (IsIpv4())
    {
        os << "TS4(";
    }
    else
    {
        os << "TS(format=" << +m_format << ")";
        return;
    }
    if (IsEmpty())
    {
        os << "any)";
        return;
    }
    bool first = true;
    for (uint32_t k = 0; k < WireFieldCount(); ++k)
    {
        Field f = WireField(k);
        if (!Has(f))
        {
            continue;
        }
        os << (first ? "" : " ");
        PrintField(os, f);
        first = false;
    }
    os << ")";
}

std::ostream&
operator<<(std::ostream& os, const TrafficSelector& ts)
{
    ts.Print(os);
    return os;
}

} // namespace ns3
