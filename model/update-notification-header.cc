/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "update-notification-header.h"

#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("UpdateNotificationHeader");

NS_OBJECT_ENSURE_REGISTERED(UpdateNotificationHeader);
NS_OBJECT_ENSURE_REGISTERED(UpdateNotificationAckHeader);

TypeId
UpdateNotificationHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::UpdateNotificationHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<UpdateNotificationHeader>();
    return tid;
}

UpdateNotificationHeader::UpdateNotificationHeader()
    : MobilityHeader(mip6::MH_UPDATE_NOTIFICATION),
      m_sequence(0),
      m_reason(mip6::UPN_REASON_FLOW_MOBILITY),
      m_flags(FLAG_A)
{
}

TypeId
UpdateNotificationHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint16_t
UpdateNotificationHeader::GetSequence() const
{
    return m_sequence;
}

void
UpdateNotificationHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint8_t
UpdateNotificationHeader::GetNotificationReason() const
{
    return m_reason;
}

void
UpdateNotificationHeader::SetNotificationReason(uint8_t reason)
{
    m_reason = reason;
}

uint8_t
UpdateNotificationHeader::GetFlags() const
{
    return m_flags;
}

void
UpdateNotificationHeader::SetFlags(uint8_t flags)
{
    m_flags = flags;
}

bool
UpdateNotificationHeader::HasFlag(Flag flag) const
{
    return (m_flags & flag) != 0;
}

void
UpdateNotificationHeader::SetFlag(Flag flag, bool value)
{
    m_flags = value ? (m_flags | flag) : (m_flags & ~flag);
}

uint32_t
UpdateNotificationHeader::GetMessageDataSize() const
{
    return 6;
}

void
UpdateNotificationHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_sequence);
    i.WriteU8(m_reason);
    i.WriteU8(m_flags);
    i.WriteHtonU16(0); // Reserved
}

bool
UpdateNotificationHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& /* error */)
{
    m_sequence = i.ReadNtohU16();
    m_reason = i.ReadU8();
    m_flags = i.ReadU8();
    i.ReadNtohU16(); // Reserved: ignored by the receiver
    return true;
}

void
UpdateNotificationHeader::PrintMessageData(std::ostream& os) const
{
    os << "seq=" << m_sequence << " reason=" << +m_reason
       << " flags=" << (HasFlag(FLAG_A) ? "A" : "") << (HasFlag(FLAG_D) ? "D" : "");
}

std::string
UpdateNotificationHeader::GetMessageName() const
{
    return "UPN";
}

// ---------------------------------------------------------------------------------------------

TypeId
UpdateNotificationAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::UpdateNotificationAckHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<UpdateNotificationAckHeader>();
    return tid;
}

UpdateNotificationAckHeader::UpdateNotificationAckHeader()
    : MobilityHeader(mip6::MH_UPDATE_NOTIFICATION_ACK),
      m_sequence(0),
      m_status(mip6::UPA_SUCCESS)
{
}

TypeId
UpdateNotificationAckHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint16_t
UpdateNotificationAckHeader::GetSequence() const
{
    return m_sequence;
}

void
UpdateNotificationAckHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint8_t
UpdateNotificationAckHeader::GetStatus() const
{
    return m_status;
}

void
UpdateNotificationAckHeader::SetStatus(uint8_t status)
{
    m_status = status;
}

uint32_t
UpdateNotificationAckHeader::GetMessageDataSize() const
{
    return 6;
}

void
UpdateNotificationAckHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_sequence);
    i.WriteU8(m_status);
    i.WriteU8(0, 3); // Reserved
}

bool
UpdateNotificationAckHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& /* error */)
{
    m_sequence = i.ReadNtohU16();
    m_status = i.ReadU8();
    i.Next(3); // Reserved: ignored by the receiver
    return true;
}

void
UpdateNotificationAckHeader::PrintMessageData(std::ostream& os) const
{
    os << "seq=" << m_sequence << " status=" << +m_status;
}

std::string
UpdateNotificationAckHeader::GetMessageName() const
{
    return "UPA";
}

} // namespace ns3
