/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "localized-routing-header.h"

#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocalizedRoutingHeader");

NS_OBJECT_ENSURE_REGISTERED(LocalizedRoutingInitiationHeader);
NS_OBJECT_ENSURE_REGISTERED(LocalizedRoutingAckHeader);

TypeId
LocalizedRoutingInitiationHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocalizedRoutingInitiationHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<LocalizedRoutingInitiationHeader>();
    return tid;
}

LocalizedRoutingInitiationHeader::LocalizedRoutingInitiationHeader()
    : MobilityHeader(mip6::MH_LOCALIZED_ROUTING_INIT),
      m_sequence(0),
      m_lifetime(0)
{
}

TypeId
LocalizedRoutingInitiationHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint16_t
LocalizedRoutingInitiationHeader::GetSequence() const
{
    return m_sequence;
}

void
LocalizedRoutingInitiationHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
LocalizedRoutingInitiationHeader::GetLifetime() const
{
    return m_lifetime;
}

void
LocalizedRoutingInitiationHeader::SetLifetime(uint16_t seconds)
{
    m_lifetime = seconds;
}

uint32_t
LocalizedRoutingInitiationHeader::GetMessageDataSize() const
{
    return 6;
}

void
LocalizedRoutingInitiationHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_sequence);
    i.WriteHtonU16(0); // Reserved
    i.WriteHtonU16(m_lifetime);
}

bool
LocalizedRoutingInitiationHeader::DeserializeMessageData(Buffer::Iterator& i,
                                                         std::string& /* error */)
{
    m_sequence = i.ReadNtohU16();
    i.ReadNtohU16(); // Reserved: ignored by the receiver (RFC 6705 8.1)
    m_lifetime = i.ReadNtohU16();
    return true;
}

void
LocalizedRoutingInitiationHeader::PrintMessageData(std::ostream& os) const
{
    os << "seq=" << m_sequence << " lifetime=";
    if (m_lifetime == mip6::LR_LIFETIME_INFINITE)
    {
        os << "infinite";
    }
    else
    {
        os << m_lifetime << "s";
    }
}

std::string
LocalizedRoutingInitiationHeader::GetMessageName() const
{
    return "LRI";
}

// ---------------------------------------------------------------------------------------------

TypeId
LocalizedRoutingAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocalizedRoutingAckHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<LocalizedRoutingAckHeader>();
    return tid;
}

LocalizedRoutingAckHeader::LocalizedRoutingAckHeader()
    : MobilityHeader(mip6::MH_LOCALIZED_ROUTING_ACK),
      m_sequence(0),
      m_flags(0),
      m_status(mip6::LRA_SUCCESS),
      m_lifetime(0)
{
}

TypeId
LocalizedRoutingAckHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint16_t
LocalizedRoutingAckHeader::GetSequence() const
{
    return m_sequence;
}

void
LocalizedRoutingAckHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint8_t
LocalizedRoutingAckHeader::GetFlags() const
{
    return m_flags;
}

void
LocalizedRoutingAckHeader::SetFlags(uint8_t flags)
{
    m_flags = flags;
}

bool
LocalizedRoutingAckHeader::IsUnsolicited() const
{
    return (m_flags & FLAG_U) != 0;
}

void
LocalizedRoutingAckHeader::SetUnsolicited(bool unsolicited)
{
    m_flags = unsolicited ? (m_flags | FLAG_U) : (m_flags & ~FLAG_U);
}

uint8_t
LocalizedRoutingAckHeader::GetStatus() const
{
    return m_status;
}

void
LocalizedRoutingAckHeader::SetStatus(uint8_t status)
{
    m_status = status;
}

uint16_t
LocalizedRoutingAckHeader::GetLifetime() const
{
    return m_lifetime;
}

void
LocalizedRoutingAckHeader::SetLifetime(uint16_t seconds)
{
    m_lifetime = seconds;
}

uint32_t
LocalizedRoutingAckHeader::GetMessageDataSize() const
{
    return 6;
}

void
LocalizedRoutingAckHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_sequence);
    i.WriteU8(m_flags);
    i.WriteU8(m_status);
    i.WriteHtonU16(m_lifetime);
}

bool
LocalizedRoutingAckHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& /* error */)
{
    m_sequence = i.ReadNtohU16();
    m_flags = i.ReadU8();
    m_status = i.ReadU8();
    m_lifetime = i.ReadNtohU16();
    return true;
}

void
LocalizedRoutingAckHeader::PrintMessageData(std::ostream& os) const
{
    os << "seq=" << m_sequence << " flags=" << (IsUnsolicited() ? "U" : "")
       << " status=" << +m_status << " lifetime=";
    if (m_lifetime == mip6::LR_LIFETIME_INFINITE)
    {
        os << "infinite";
    }
    else
    {
        os << m_lifetime << "s";
    }
}

std::string
LocalizedRoutingAckHeader::GetMessageName() const
{
    return "LRA";
}

} // namespace ns3
