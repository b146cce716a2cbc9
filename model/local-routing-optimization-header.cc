/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-routing-optimization-header.h"

#include "ns3/assert.h"
#include "ns3/log.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocalRoutingOptimizationHeader");

NS_OBJECT_ENSURE_REGISTERED(LocalRoutingOptimizationHeader);
NS_OBJECT_ENSURE_REGISTERED(LocalRoutingOptimizationRequestHeader);
NS_OBJECT_ENSURE_REGISTERED(LocalRoutingOptimizationResponseHeader);
NS_OBJECT_ENSURE_REGISTERED(LmaRoStartRequestHeader);
NS_OBJECT_ENSURE_REGISTERED(LmaRoStartResponseHeader);

/// Size of the fixed fields of all four messages after the 6-octet common part.
static constexpr uint32_t LRO_MESSAGE_DATA_SIZE = 6;
/// Offset of the octet holding the R flag from the start of the Mobility Header.
static constexpr uint32_t LRO_FLAG_OCTET_OFFSET = 8;
/// Largest 2-bit LRI value.
static constexpr uint8_t LRO_LRI_MAX = mip6::LRO_LRI_MASK >> mip6::LRO_LRI_SHIFT;

TypeId
LocalRoutingOptimizationHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocalRoutingOptimizationHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6");
    return tid;
}

LocalRoutingOptimizationHeader::LocalRoutingOptimizationHeader()
    : MobilityHeader(mip6::MH_LOCAL_ROUTING_OPTIMIZATION),
      m_sequence(0),
      m_lri(mip6::LRI_NOT_AVAILABLE),
      m_lifetime(0)
{
}

TypeId
LocalRoutingOptimizationHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint16_t
LocalRoutingOptimizationHeader::GetSequence() const
{
    return m_sequence;
}

void
LocalRoutingOptimizationHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint8_t
LocalRoutingOptimizationHeader::GetLri() const
{
    return m_lri;
}

void
LocalRoutingOptimizationHeader::SetLri(uint8_t lri)
{
    NS_ASSERT_MSG(lri <= LRO_LRI_MAX, "LRI is a 2-bit field, " << +lri << " does not fit");
    m_lri = lri & LRO_LRI_MAX;
}

uint16_t
LocalRoutingOptimizationHeader::GetLifetime() const
{
    return m_lifetime;
}

void
LocalRoutingOptimizationHeader::SetLifetime(uint16_t seconds)
{
    m_lifetime = seconds;
}

bool
LocalRoutingOptimizationHeader::ReadResponseFlag(const uint8_t* data,
                                                 uint32_t length,
                                                 bool& response)
{
    if (data == nullptr || length <= LRO_FLAG_OCTET_OFFSET ||
        data[2] != mip6::MH_LOCAL_ROUTING_OPTIMIZATION)
    {
        return false;
    }
    response = (data[LRO_FLAG_OCTET_OFFSET] & mip6::LRO_FLAG_R) != 0;
    return true;
}

uint32_t
LocalRoutingOptimizationHeader::GetMessageDataSize() const
{
    return LRO_MESSAGE_DATA_SIZE;
}

void
LocalRoutingOptimizationHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    uint8_t flagOctet = (m_lri << mip6::LRO_LRI_SHIFT) & mip6::LRO_LRI_MASK;
    if (IsResponse())
    {
        flagOctet |= mip6::LRO_FLAG_R;
    }
    i.WriteHtonU16(m_sequence);
    i.WriteU8(flagOctet);
    i.WriteU8(0); // Reserved
    i.WriteHtonU16(m_lifetime);
}

bool
LocalRoutingOptimizationHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& error)
{
    uint16_t sequence = i.ReadNtohU16();
    uint8_t flagOctet = i.ReadU8();
    i.ReadU8(); // Reserved, ignored
    uint16_t lifetime = i.ReadNtohU16();
    bool response = (flagOctet & mip6::LRO_FLAG_R) != 0;
    if (response != IsResponse())
    {
        std::ostringstream oss;
        oss << "R flag is " << (response ? 1 : 0) << ": the message is a Local Routing "
            << (response ? "Optimization Response (LRORSP)" : "Optimization Request (LROREQ)")
            << ", not " << (IsResponse() ? "an LRORSP" : "an LROREQ");
        error = oss.str();
        return false;
    }
    m_sequence = sequence;
    m_lri = (flagOctet & mip6::LRO_LRI_MASK) >> mip6::LRO_LRI_SHIFT;
    m_lifetime = lifetime;
    return true;
}

void
LocalRoutingOptimizationHeader::PrintMessageData(std::ostream& os) const
{
    static const char* const names[] = {"not-available", "intra-MAG", "intra-LMA", "inter-LMA"};
    os << "seq=" << m_sequence << " R=" << (IsResponse() ? 1 : 0) << " LRI=" << +m_lri << " ("
       << names[m_lri & LRO_LRI_MAX] << ") lifetime=" << m_lifetime << "s";
}

// ---------------------------------------------------------------------------------------------

TypeId
LocalRoutingOptimizationRequestHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocalRoutingOptimizationRequestHeader")
                            .SetParent<LocalRoutingOptimizationHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<LocalRoutingOptimizationRequestHeader>();
    return tid;
}

LocalRoutingOptimizationRequestHeader::LocalRoutingOptimizationRequestHeader()
{
}

TypeId
LocalRoutingOptimizationRequestHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

bool
LocalRoutingOptimizationRequestHeader::IsResponse() const
{
    return false;
}

std::string
LocalRoutingOptimizationRequestHeader::GetMessageName() const
{
    return "LROREQ";
}

// ---------------------------------------------------------------------------------------------

TypeId
LocalRoutingOptimizationResponseHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocalRoutingOptimizationResponseHeader")
                            .SetParent<LocalRoutingOptimizationHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<LocalRoutingOptimizationResponseHeader>();
    return tid;
}

LocalRoutingOptimizationResponseHeader::LocalRoutingOptimizationResponseHeader()
{
}

TypeId
LocalRoutingOptimizationResponseHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

bool
LocalRoutingOptimizationResponseHeader::IsResponse() const
{
    return true;
}

bool
LocalRoutingOptimizationResponseHeader::IsAccepted() const
{
    return GetLri() != mip6::LRI_NOT_AVAILABLE;
}

std::string
LocalRoutingOptimizationResponseHeader::GetMessageName() const
{
    return "LRORSP";
}

// ---------------------------------------------------------------------------------------------

TypeId
LmaRoStartRequestHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LmaRoStartRequestHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<LmaRoStartRequestHeader>();
    return tid;
}

LmaRoStartRequestHeader::LmaRoStartRequestHeader()
    : MobilityHeader(mip6::MH_LMA_RO_START_REQUEST),
      m_sequence(0),
      m_lifetime(0)
{
}

TypeId
LmaRoStartRequestHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint16_t
LmaRoStartRequestHeader::GetSequence() const
{
    return m_sequence;
}

void
LmaRoStartRequestHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
LmaRoStartRequestHeader::GetLifetime() const
{
    return m_lifetime;
}

void
LmaRoStartRequestHeader::SetLifetime(uint16_t seconds)
{
    m_lifetime = seconds;
}

uint32_t
LmaRoStartRequestHeader::GetMessageDataSize() const
{
    return LRO_MESSAGE_DATA_SIZE;
}

void
LmaRoStartRequestHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_sequence);
    i.WriteHtonU16(0); // Reserved
    i.WriteHtonU16(m_lifetime);
}

bool
LmaRoStartRequestHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& /* error */)
{
    m_sequence = i.ReadNtohU16();
    i.ReadNtohU16(); // Reserved, ignored
    m_lifetime = i.ReadNtohU16();
    return true;
}

void
LmaRoStartRequestHeader::PrintMessageData(std::ostream& os) const
{
    os << "seq=" << m_sequence << " lifetime=" << m_lifetime << "s";
}

std::string
LmaRoStartRequestHeader::GetMessageName() const
{
    return "LMAROStartReq";
}

// ---------------------------------------------------------------------------------------------

TypeId
LmaRoStartResponseHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LmaRoStartResponseHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<LmaRoStartResponseHeader>();
    return tid;
}

LmaRoStartResponseHeader::LmaRoStartResponseHeader()
    : MobilityHeader(mip6::MH_LMA_RO_START_RESPONSE),
      m_status(mip6::LMA_RO_START_ACCEPTED),
      m_sequence(0),
      m_lifetime(0)
{
}

TypeId
LmaRoStartResponseHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint8_t
LmaRoStartResponseHeader::GetStatus() const
{
    return m_status;
}

void
LmaRoStartResponseHeader::SetStatus(uint8_t status)
{
    m_status = status;
}

bool
LmaRoStartResponseHeader::IsAccepted() const
{
    return m_status < mip6::STATUS_REJECTION_THRESHOLD;
}

uint16_t
LmaRoStartResponseHeader::GetSequence() const
{
    return m_sequence;
}

void
LmaRoStartResponseHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
LmaRoStartResponseHeader::GetLifetime() const
{
    return m_lifetime;
}

void
LmaRoStartResponseHeader::SetLifetime(uint16_t seconds)
{
    m_lifetime = seconds;
}

uint32_t
LmaRoStartResponseHeader::GetMessageDataSize() const
{
    return LRO_MESSAGE_DATA_SIZE;
}

void
LmaRoStartResponseHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteU8(m_status);
    i.WriteU8(0); // Reserved
    i.WriteHtonU16(m_sequence);
    i.WriteHtonU16(m_lifetime);
}

bool
LmaRoStartResponseHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& /* error */)
{
    m_status = i.ReadU8();
    i.ReadU8(); // Reserved, ignored
    m_sequence = i.ReadNtohU16();
    m_lifetime = i.ReadNtohU16();
    return true;
}

void
LmaRoStartResponseHeader::PrintMessageData(std::ostream& os) const
{
    os << "status=" << +m_status << " seq=" << m_sequence << " lifetime=" << m_lifetime << "s";
}

std::string
LmaRoStartResponseHeader::GetMessageName() const
{
    return "LMAROStartRsp";
}

} // namespace ns3
