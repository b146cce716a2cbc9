/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "flow-binding-header.h"

#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"
#include "ns3/packet.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FlowBindingHeader");

NS_OBJECT_ENSURE_REGISTERED(FlowBindingHeader);
NS_OBJECT_ENSURE_REGISTERED(FlowBindingIndicationHeader);
NS_OBJECT_ENSURE_REGISTERED(FlowBindingAckHeader);

TypeId
FlowBindingHeader::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::FlowBindingHeader").SetParent<MobilityHeader>().SetGroupName("Pmipv6");
    return tid;
}

FlowBindingHeader::FlowBindingHeader(uint8_t fbType)
    : MobilityHeader(mip6::MH_FLOW_BINDING),
      m_fbType(fbType),
      m_sequence(0),
      m_code(0),
      m_flags(0)
{
}

TypeId
FlowBindingHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint8_t
FlowBindingHeader::PeekFlowBindingType(Ptr<const Packet> packet)
{
    uint8_t bytes[mip6::MH_COMMON_LENGTH + 1];
    if (!packet || packet->GetSize() < sizeof(bytes))
    {
        return 0;
    }
    packet->CopyData(bytes, sizeof(bytes));
    if (bytes[2] != mip6::MH_FLOW_BINDING)
    {
        return 0;
    }
    return bytes[mip6::MH_COMMON_LENGTH];
}

uint8_t
FlowBindingHeader::GetFlowBindingType() const
{
    return m_fbType;
}

uint16_t
FlowBindingHeader::GetSequence() const
{
    return m_sequence;
}

void
FlowBindingHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint8_t
FlowBindingHeader::GetFlags() const
{
    return m_flags;
}

void
FlowBindingHeader::SetFlags(uint8_t flags)
{
    m_flags = flags;
}

uint8_t
FlowBindingHeader::GetCode() const
{
    return m_code;
}

void
FlowBindingHeader::SetCode(uint8_t code)
{
    m_code = code;
}

uint32_t
FlowBindingHeader::GetMessageDataSize() const
{
    return 6;
}

void
FlowBindingHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteU8(m_fbType);
    i.WriteU8(0); // Reserved
    i.WriteHtonU16(m_sequence);
    i.WriteU8(m_code);
    i.WriteU8(m_flags);
}

bool
FlowBindingHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& error)
{
    uint8_t fbType = i.ReadU8();
    if (fbType != m_fbType)
    {
        std::ostringstream oss;
        oss << "FB Type " << +fbType << " is not " << +m_fbType << " (" << GetMessageName() << ")";
        error = oss.str();
        return false;
    }
    i.ReadU8(); // Reserved: ignored by the receiver
    m_sequence = i.ReadNtohU16();
    m_code = i.ReadU8();
    m_flags = i.ReadU8();
    return true;
}

void
FlowBindingHeader::PrintMessageData(std::ostream& os) const
{
    os << "fb-type=" << +m_fbType << " seq=" << m_sequence << " " << GetCodeName() << "=" << +m_code
       << " flags=" << ((m_flags & FLAG_A) ? "A" : "");
}

// ---------------------------------------------------------------------------------------------

TypeId
FlowBindingIndicationHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::FlowBindingIndicationHeader")
                            .SetParent<FlowBindingHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<FlowBindingIndicationHeader>();
    return tid;
}

FlowBindingIndicationHeader::FlowBindingIndicationHeader()
    : FlowBindingHeader(mip6::FB_INDICATION)
{
    SetCode(mip6::FBI_TRIGGER_UNSPECIFIED);
    SetFlags(FLAG_A);
}

TypeId
FlowBindingIndicationHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint8_t
FlowBindingIndicationHeader::GetTrigger() const
{
    return GetCode();
}

void
FlowBindingIndicationHeader::SetTrigger(uint8_t trigger)
{
    SetCode(trigger);
}

bool
FlowBindingIndicationHeader::IsAckRequested() const
{
    return (GetFlags() & FLAG_A) != 0;
}

void
FlowBindingIndicationHeader::SetAckRequested(bool requested)
{
    SetFlags(requested ? (GetFlags() | FLAG_A) : (GetFlags() & ~FLAG_A));
}

std::string
FlowBindingIndicationHeader::GetMessageName() const
{
    return "FBI";
}

std::string
FlowBindingIndicationHeader::GetCodeName() const
{
    return "trigger";
}

// ---------------------------------------------------------------------------------------------

TypeId
FlowBindingAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::FlowBindingAckHeader")
                            .SetParent<FlowBindingHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<FlowBindingAckHeader>();
    return tid;
}

FlowBindingAckHeader::FlowBindingAckHeader()
    : FlowBindingHeader(mip6::FB_ACKNOWLEDGEMENT)
{
    SetCode(mip6::FBA_SUCCESS);
}

TypeId
FlowBindingAckHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint8_t
FlowBindingAckHeader::GetStatus() const
{
    return GetCode();
}

void
FlowBindingAckHeader::SetStatus(uint8_t status)
{
    SetCode(status);
}

std::string
FlowBindingAckHeader::GetMessageName() const
{
    return "FBA";
}

std::string
FlowBindingAckHeader::GetCodeName() const
{
    return "status";
}

} // namespace ns3
