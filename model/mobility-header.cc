/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mobility-header.h"

#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"

#include <iomanip>
#include <sstream>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilityHeader");

NS_OBJECT_ENSURE_REGISTERED(MobilityHeader);

TypeId
MobilityHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MobilityHeader").SetParent<Header>().SetGroupName("Pmipv6");
    return tid;
}

MobilityHeader::MobilityHeader(uint8_t mhType)
    : m_payloadProto(mip6::IPPROTO_NONE_VALUE),
      m_mhType(mhType),
      m_checksum(0),
      m_calcChecksum(false),
      m_valid(true)
{
}

MobilityHeader::~MobilityHeader()
{
}

TypeId
MobilityHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint8_t
MobilityHeader::GetMhType() const
{
    return m_mhType;
}

uint8_t
MobilityHeader::GetPayloadProto() const
{
    return m_payloadProto;
}

void
MobilityHeader::SetPayloadProto(uint8_t proto)
{
    m_payloadProto = proto;
}

uint16_t
MobilityHeader::GetChecksum() const
{
    return m_checksum;
}

void
MobilityHeader::EnableChecksum(Ipv6Address src, Ipv6Address dst)
{
    m_calcChecksum = true;
    m_checksumSource = src;
    m_checksumDest = dst;
}

MobilityOptionList&
MobilityHeader::GetOptions()
{
    return m_options;
}

const MobilityOptionList&
MobilityHeader::GetOptions() const
{
    return m_options;
}

void
MobilityHeader::AddOption(Ptr<MobilityOption> option)
{
    m_options.Add(option);
}

bool
MobilityHeader::IsValid() const
{
    return m_valid;
}

const std::string&
MobilityHeader::GetError() const
{
    return m_error;
}

uint32_t
MobilityHeader::GetOptionsOffset() const
{
    return mip6::MH_COMMON_LENGTH + GetMessageDataSize();
}

uint16_t
MobilityHeader::ComputeChecksum(Ipv6Address src,
                                Ipv6Address dst,
                                const uint8_t* data,
                                uint32_t length)
{
    uint32_t sum = 0;
    uint8_t addr[16];
    src.Serialize(addr);
    for (int k = 0; k < 16; k += 2)
    {
        sum += (addr[k] << 8) | addr[k + 1];
    }
    dst.Serialize(addr);
    for (int k = 0; k < 16; k += 2)
    {
        sum += (addr[k] << 8) | addr[k + 1];
    }
    sum += (length >> 16) & 0xffff;
    sum += length & 0xffff;
    sum += mip6::MOBILITY_HEADER_PROTOCOL;
    for (uint32_t k = 0; k + 1 < length; k += 2)
    {
        sum += (data[k] << 8) | data[k + 1];
    }
    if (length % 2 == 1)
    {
        sum += data[length - 1] << 8;
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return static_cast<uint16_t>(~sum & 0xffff);
}

uint32_t
MobilityHeader::GetSerializedSize() const
{
    uint32_t offset = GetOptionsOffset();
    return offset + m_options.GetSerializedSize(offset);
}

void
MobilityHeader::Serialize(Buffer::Iterator start) const
{
    uint32_t size = GetSerializedSize();
    NS_ASSERT_MSG(size % 8 == 0 && size >= 8 && size <= 256 * 8,
                  "Mobility Header of " << size << " octets cannot be framed");
    Buffer::Iterator i = start;
    i.WriteU8(m_payloadProto);
    i.WriteU8(static_cast<uint8_t>(size / 8 - 1));
    i.WriteU8(m_mhType);
    i.WriteU8(0);
    i.WriteU16(0);
    SerializeMessageData(i);
    NS_ASSERT_MSG(i.GetDistanceFrom(start) == GetOptionsOffset(),
                  GetMessageName() << " fixed fields wrote " << i.GetDistanceFrom(start)
                                   << " octets, expected " << GetOptionsOffset());
    m_options.Serialize(i, GetOptionsOffset());
    NS_ASSERT(i.GetDistanceFrom(start) == size);

    m_checksum = 0;
    if (m_calcChecksum)
    {
        std::vector<uint8_t> bytes(size);
        Buffer::Iterator r = start;
        r.Read(bytes.data(), size);
        m_checksum = ComputeChecksum(m_checksumSource, m_checksumDest, bytes.data(), size);
        Buffer::Iterator w = start;
        w.Next(4);
        w.WriteHtonU16(m_checksum);
    }
}

uint32_t
MobilityHeader::Fail(const std::string& reason)
{
    m_valid = false;
    m_error = reason;
    NS_LOG_LOGIC(GetMessageName() << " rejected: " << reason);
    return 0;
}

uint32_t
MobilityHeader::Deserialize(Buffer::Iterator start)
{
    NS_LOG_FUNCTION(this);
    m_valid = true;
    m_error.clear();
    m_options.Clear();
    uint32_t available = start.GetRemainingSize();
    if (available < 8)
    {
        std::ostringstream oss;
        oss << "truncated: " << available << " octets, a Mobility Header has at least 8";
        return Fail(oss.str());
    }
    Buffer::Iterator i = start;
    m_payloadProto = i.ReadU8();
    uint8_t headerLength = i.ReadU8();
    uint8_t mhType = i.ReadU8();
    i.ReadU8(); // Reserved
    m_checksum = i.ReadNtohU16();
    uint32_t total = (headerLength + 1u) * 8u;
    if (mhType != m_mhType)
    {
        std::ostringstream oss;
        oss << "MH Type " << +mhType << " is not " << +m_mhType;
        return Fail(oss.str());
    }
    if (total > available)
    {
        std::ostringstream oss;
        oss << "truncated: Header Len says " << total << " octets, " << available << " available";
        return Fail(oss.str());
    }
    uint32_t offset = GetOptionsOffset();
    if (total < offset)
    {
        std::ostringstream oss;
        oss << "Header Len " << total << " octets is shorter than the " << offset
            << " octets of the fixed fields";
        return Fail(oss.str());
    }
    std::string error;
    if (!DeserializeMessageData(i, error))
    {
        return Fail(error);
    }
    if (!m_options.Deserialize(i, total - offset, error))
    {
        return Fail(error);
    }
    return total;
}

void
MobilityHeader::Print(std::ostream& os) const
{
    os << GetMessageName() << " (MH type " << +m_mhType << ", checksum 0x" << std::hex
       << std::setw(4) << std::setfill('0') << m_checksum << std::dec << std::setfill(' ') << ") ";
    PrintMessageData(os);
    if (m_options.GetCount() > 0)
    {
        os << " options: ";
        m_options.Print(os);
    }
}

// ---------------------------------------------------------------------------------------------

bool
MobilityHeaderCommon::Read(const uint8_t* data, uint32_t length)
{
    if (length < mip6::MH_COMMON_LENGTH)
    {
        return false;
    }
    payloadProto = data[0];
    headerLength = data[1];
    mhType = data[2];
    checksum = (data[4] << 8) | data[5];
    return true;
}

uint32_t
MobilityHeaderCommon::GetTotalLength() const
{
    return (headerLength + 1u) * 8u;
}

} // namespace ns3
