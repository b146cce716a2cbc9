/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "heartbeat-header.h"

#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HeartbeatHeader");

NS_OBJECT_ENSURE_REGISTERED(HeartbeatHeader);

namespace
{
/// Octets of the Heartbeat message data: Reserved/U/R (2), Sequence Number (4).
constexpr uint32_t HEARTBEAT_DATA_LENGTH = 6;
/// Data length of the Restart Counter option.
constexpr uint8_t RESTART_COUNTER_LENGTH = 4;
} // namespace

TypeId
HeartbeatHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HeartbeatHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<HeartbeatHeader>();
    return tid;
}

HeartbeatHeader::HeartbeatHeader()
    : MobilityHeader(mip6::MH_HEARTBEAT),
      m_flags(0),
      m_sequence(0)
{
}

TypeId
HeartbeatHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint32_t
HeartbeatHeader::GetSequence() const
{
    return m_sequence;
}

void
HeartbeatHeader::SetSequence(uint32_t sequence)
{
    m_sequence = sequence;
}

uint16_t
HeartbeatHeader::GetFlags() const
{
    return m_flags;
}

void
HeartbeatHeader::SetFlags(uint16_t flags)
{
    m_flags = flags;
}

bool
HeartbeatHeader::HasFlag(Flag flag) const
{
    return (m_flags & flag) != 0;
}

void
HeartbeatHeader::SetFlag(Flag flag, bool value)
{
    m_flags = value ? (m_flags | flag) : (m_flags & ~flag);
}

bool
HeartbeatHeader::IsResponse() const
{
    return HasFlag(FLAG_R);
}

uint32_t
HeartbeatHeader::GetMessageDataSize() const
{
    return HEARTBEAT_DATA_LENGTH;
}

void
HeartbeatHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_flags);
    i.WriteHtonU32(m_sequence);
}

bool
HeartbeatHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& /* error */)
{
    m_flags = i.ReadNtohU16();
    m_sequence = i.ReadNtohU32();
    return true;
}

void
HeartbeatHeader::PrintMessageData(std::ostream& os) const
{
    os << "seq=" << m_sequence << " flags=" << (HasFlag(FLAG_U) ? "U" : "")
       << (HasFlag(FLAG_R) ? "R" : "");
}

std::string
HeartbeatHeader::GetMessageName() const
{
    return IsResponse() ? "Heartbeat-Response" : "Heartbeat-Request";
}

// ---------------------------------------------------------------------------------------------
// Restart Counter (28)

RestartCounterOption::RestartCounterOption(uint32_t counter)
    : m_counter(counter)
{
}

uint8_t
RestartCounterOption::GetType() const
{
    return mip6::OPT_RESTART_COUNTER;
}

std::string
RestartCounterOption::GetName() const
{
    return "RestartCounter";
}

MobilityOption::Alignment
RestartCounterOption::GetAlignment() const
{
    return {4, 2};
}

uint32_t
RestartCounterOption::GetDataLength() const
{
    return RESTART_COUNTER_LENGTH;
}

void
RestartCounterOption::SerializeData(Buffer::Iterator& i) const
{
    i.WriteHtonU32(m_counter);
}

bool
RestartCounterOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    if (length != RESTART_COUNTER_LENGTH)
    {
        error = "Restart Counter option: length " + std::to_string(length) + ", expected 4";
        return false;
    }
    m_counter = i.ReadNtohU32();
    return true;
}

void
RestartCounterOption::Print(std::ostream& os) const
{
    os << "RestartCounter(" << m_counter << ")";
}

uint32_t
RestartCounterOption::GetCounter() const
{
    return m_counter;
}

void
RestartCounterOption::SetCounter(uint32_t counter)
{
    m_counter = counter;
}

Ptr<MobilityOption>
CreateHeartbeatOption(uint8_t type)
{
    return type == mip6::OPT_RESTART_COUNTER ? Create<RestartCounterOption>() : nullptr;
}

} // namespace ns3
