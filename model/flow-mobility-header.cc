/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "flow-mobility-header.h"

#include "ns3/log.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FlowMobilityHeader");

NS_OBJECT_ENSURE_REGISTERED(FlowMobilityHeader);
NS_OBJECT_ENSURE_REGISTERED(FlowMobilityInitiateHeader);
NS_OBJECT_ENSURE_REGISTERED(FlowMobilityAckHeader);

/// Size of the FMI / FMA fixed fields after the 6-octet common part.
static constexpr uint32_t FM_MESSAGE_DATA_SIZE = 6;
/// Offset of the octet holding the I flag from the start of the Mobility Header.
static constexpr uint32_t FM_FLAG_OCTET_OFFSET = 8;

TypeId
FlowMobilityHeader::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::FlowMobilityHeader").SetParent<MobilityHeader>().SetGroupName("Pmipv6");
    return tid;
}

FlowMobilityHeader::FlowMobilityHeader()
    : MobilityHeader(mip6::MH_FLOW_MOBILITY),
      m_sequence(0),
      m_lifetime(0)
{
}

TypeId
FlowMobilityHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint16_t
FlowMobilityHeader::GetSequence() const
{
    return m_sequence;
}

void
FlowMobilityHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
FlowMobilityHeader::GetLifetime() const
{
    return m_lifetime;
}

void
FlowMobilityHeader::SetLifetime(uint16_t seconds)
{
    m_lifetime = seconds;
}

bool
FlowMobilityHeader::IsLifetimeInfinite() const
{
    return m_lifetime == mip6::FM_LIFETIME_INFINITE;
}

bool
FlowMobilityHeader::ReadInitiateFlag(const uint8_t* data, uint32_t length, bool& initiate)
{
    if (data == nullptr || length <= FM_FLAG_OCTET_OFFSET || data[2] != mip6::MH_FLOW_MOBILITY)
    {
        return false;
    }
    initiate = (data[FM_FLAG_OCTET_OFFSET] & mip6::FM_FLAG_I) != 0;
    return true;
}

uint32_t
FlowMobilityHeader::GetMessageDataSize() const
{
    return FM_MESSAGE_DATA_SIZE;
}

void
FlowMobilityHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    uint8_t flagOctet = GetFlagOctet() & ~mip6::FM_FLAG_I;
    if (IsInitiate())
    {
        flagOctet |= mip6::FM_FLAG_I;
    }
    i.WriteHtonU16(m_sequence);
    i.WriteU8(flagOctet);
    i.WriteU8(GetSecondOctet());
    i.WriteHtonU16(m_lifetime);
}

bool
FlowMobilityHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& error)
{
    uint16_t sequence = i.ReadNtohU16();
    uint8_t flagOctet = i.ReadU8();
    uint8_t secondOctet = i.ReadU8();
    uint16_t lifetime = i.ReadNtohU16();
    bool initiate = (flagOctet & mip6::FM_FLAG_I) != 0;
    if (initiate != IsInitiate())
    {
        std::ostringstream oss;
        oss << "I flag is " << (initiate ? 1 : 0) << ": the message is a Flow Mobility "
            << (initiate ? "Initiate (FMI)" : "Acknowledge (FMA)") << ", not "
            << (IsInitiate() ? "an FMI" : "an FMA");
        error = oss.str();
        return false;
    }
    m_sequence = sequence;
    m_lifetime = lifetime;
    SetMiddleOctets(flagOctet, secondOctet);
    return true;
}

void
FlowMobilityHeader::PrintMessageData(std::ostream& os) const
{
    os << "seq=" << m_sequence << " ";
    PrintMiddle(os);
    os << " lifetime=";
    if (IsLifetimeInfinite())
    {
        os << "infinite";
    }
    else
    {
        os << m_lifetime << "s";
    }
}

// ---------------------------------------------------------------------------------------------

TypeId
FlowMobilityInitiateHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::FlowMobilityInitiateHeader")
                            .SetParent<FlowMobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<FlowMobilityInitiateHeader>();
    return tid;
}

FlowMobilityInitiateHeader::FlowMobilityInitiateHeader()
    : m_flags(0)
{
}

TypeId
FlowMobilityInitiateHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

bool
FlowMobilityInitiateHeader::IsInitiate() const
{
    return true;
}

bool
FlowMobilityInitiateHeader::HasFlag(Flag flag) const
{
    return (m_flags & flag) != 0;
}

void
FlowMobilityInitiateHeader::SetFlag(Flag flag, bool value)
{
    m_flags = value ? (m_flags | flag) : (m_flags & ~flag);
}

std::string
FlowMobilityInitiateHeader::GetMessageName() const
{
    return "FMI";
}

uint8_t
FlowMobilityInitiateHeader::GetFlagOctet() const
{
    return m_flags & (FLAG_C | FLAG_R);
}

uint8_t
FlowMobilityInitiateHeader::GetSecondOctet() const
{
    return 0; // Reserved
}

void
FlowMobilityInitiateHeader::SetMiddleOctets(uint8_t flagOctet, uint8_t /* secondOctet */)
{
    m_flags = flagOctet & (FLAG_C | FLAG_R); // Reserved bits ignored
}

void
FlowMobilityInitiateHeader::PrintMiddle(std::ostream& os) const
{
    os << "flags=I" << (HasFlag(FLAG_C) ? "C" : "") << (HasFlag(FLAG_R) ? "R" : "");
}

// ---------------------------------------------------------------------------------------------

TypeId
FlowMobilityAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::FlowMobilityAckHeader")
                            .SetParent<FlowMobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<FlowMobilityAckHeader>();
    return tid;
}

FlowMobilityAckHeader::FlowMobilityAckHeader()
    : m_status(mip6::FMA_SUCCESS)
{
}

TypeId
FlowMobilityAckHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

bool
FlowMobilityAckHeader::IsInitiate() const
{
    return false;
}

uint8_t
FlowMobilityAckHeader::GetStatus() const
{
    return m_status;
}

void
FlowMobilityAckHeader::SetStatus(uint8_t status)
{
    m_status = status;
}

bool
FlowMobilityAckHeader::IsSuccess() const
{
    return m_status < mip6::STATUS_REJECTION_THRESHOLD;
}

std::string
FlowMobilityAckHeader::GetMessageName() const
{
    return "FMA";
}

uint8_t
FlowMobilityAckHeader::GetFlagOctet() const
{
    return 0; // I = 0, Reserved
}

uint8_t
FlowMobilityAckHeader::GetSecondOctet() const
{
    return m_status;
}

void
FlowMobilityAckHeader::SetMiddleOctets(uint8_t /* flagOctet */, uint8_t secondOctet)
{
    m_status = secondOctet;
}

void
FlowMobilityAckHeader::PrintMiddle(std::ostream& os) const
{
    os << "status=" << +m_status;
}

} // namespace ns3
