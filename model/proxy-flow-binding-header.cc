/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "proxy-flow-binding-header.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ProxyFlowBindingHeader");

NS_OBJECT_ENSURE_REGISTERED(ProxyFlowBindingIndicationHeader);
NS_OBJECT_ENSURE_REGISTERED(ProxyFlowBindingAckHeader);

/// Size of the PFBI / PFBA fixed fields after the 6-octet common part.
static constexpr uint32_t PFB_MESSAGE_DATA_SIZE = 4;

TypeId
ProxyFlowBindingIndicationHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ProxyFlowBindingIndicationHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<ProxyFlowBindingIndicationHeader>();
    return tid;
}

ProxyFlowBindingIndicationHeader::ProxyFlowBindingIndicationHeader()
    : MobilityHeader(mip6::MH_PROXY_FLOW_BINDING_INDICATION),
      m_sequence(0),
      m_trigger(mip6::PFBI_TRIGGER_UNSPECIFIED),
      m_flags(FLAG_A)
{
}

TypeId
ProxyFlowBindingIndicationHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint16_t
ProxyFlowBindingIndicationHeader::GetSequence() const
{
    return m_sequence;
}

void
ProxyFlowBindingIndicationHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint8_t
ProxyFlowBindingIndicationHeader::GetTrigger() const
{
    return m_trigger;
}

void
ProxyFlowBindingIndicationHeader::SetTrigger(uint8_t trigger)
{
    m_trigger = trigger;
}

bool
ProxyFlowBindingIndicationHeader::HasFlag(Flag flag) const
{
    return (m_flags & flag) != 0;
}

void
ProxyFlowBindingIndicationHeader::SetFlag(Flag flag, bool value)
{
    m_flags = value ? (m_flags | flag) : (m_flags & ~flag);
}

uint32_t
ProxyFlowBindingIndicationHeader::GetMessageDataSize() const
{
    return PFB_MESSAGE_DATA_SIZE;
}

void
ProxyFlowBindingIndicationHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_sequence);
    i.WriteU8(m_trigger);
    i.WriteU8(m_flags & FLAG_A);
}

bool
ProxyFlowBindingIndicationHeader::DeserializeMessageData(Buffer::Iterator& i,
                                                         std::string& /* error */)
{
    m_sequence = i.ReadNtohU16();
    m_trigger = i.ReadU8();
    m_flags = i.ReadU8() & FLAG_A; // Reserved bits ignored (7.1.1)
    return true;
}

void
ProxyFlowBindingIndicationHeader::PrintMessageData(std::ostream& os) const
{
    os << "seq=" << m_sequence << " trigger=" << +m_trigger
       << " flags=" << (HasFlag(FLAG_A) ? "A" : "");
}

std::string
ProxyFlowBindingIndicationHeader::GetMessageName() const
{
    return "PFBI";
}

// ---------------------------------------------------------------------------------------------

TypeId
ProxyFlowBindingAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ProxyFlowBindingAckHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<ProxyFlowBindingAckHeader>();
    return tid;
}

ProxyFlowBindingAckHeader::ProxyFlowBindingAckHeader()
    : MobilityHeader(mip6::MH_PROXY_FLOW_BINDING_ACK),
      m_sequence(0),
      m_status(mip6::PFBA_SUCCESS)
{
}

TypeId
ProxyFlowBindingAckHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint16_t
ProxyFlowBindingAckHeader::GetSequence() const
{
    return m_sequence;
}

void
ProxyFlowBindingAckHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint8_t
ProxyFlowBindingAckHeader::GetStatus() const
{
    return m_status;
}

void
ProxyFlowBindingAckHeader::SetStatus(uint8_t status)
{
    m_status = status;
}

bool
ProxyFlowBindingAckHeader::IsSuccess() const
{
    return m_status < mip6::STATUS_REJECTION_THRESHOLD;
}

uint32_t
ProxyFlowBindingAckHeader::GetMessageDataSize() const
{
    return PFB_MESSAGE_DATA_SIZE;
}

void
ProxyFlowBindingAckHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_sequence);
    i.WriteU8(m_status);
    i.WriteU8(0); // Reserved
}

bool
ProxyFlowBindingAckHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& /* error */)
{
    m_sequence = i.ReadNtohU16();
    m_status = i.ReadU8();
    i.ReadU8(); // Reserved, ignored
    return true;
}

void
ProxyFlowBindingAckHeader::PrintMessageData(std::ostream& os) const
{
    os << "seq=" << m_sequence << " status=" << +m_status;
}

std::string
ProxyFlowBindingAckHeader::GetMessageName() const
{
    return "PFBA";
}

} // namespace ns3
