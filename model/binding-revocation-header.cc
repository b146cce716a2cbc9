/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "binding-revocation-header.h"

#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"
#include "ns3/packet.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BindingRevocationHeader");

NS_OBJECT_ENSURE_REGISTERED(BindingRevocationHeader);
NS_OBJECT_ENSURE_REGISTERED(BindingRevocationIndicationHeader);
NS_OBJECT_ENSURE_REGISTERED(BindingRevocationAckHeader);

TypeId
BindingRevocationHeader::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::BindingRevocationHeader").SetParent<MobilityHeader>().SetGroupName("Pmipv6");
    return tid;
}

BindingRevocationHeader::BindingRevocationHeader(uint8_t brType)
    : MobilityHeader(mip6::MH_BINDING_REVOCATION),
      m_brType(brType),
      m_code(0),
      m_sequence(0),
      m_flags(FLAG_P)
{
}

TypeId
BindingRevocationHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint8_t
BindingRevocationHeader::PeekRevocationType(Ptr<const Packet> packet)
{
    uint8_t bytes[mip6::MH_COMMON_LENGTH + 1];
    if (!packet || packet->GetSize() < sizeof(bytes))
    {
        return 0;
    }
    packet->CopyData(bytes, sizeof(bytes));
    if (bytes[2] != mip6::MH_BINDING_REVOCATION)
    {
        return 0;
    }
    return bytes[mip6::MH_COMMON_LENGTH];
}

uint8_t
BindingRevocationHeader::GetRevocationType() const
{
    return m_brType;
}

uint16_t
BindingRevocationHeader::GetSequence() const
{
    return m_sequence;
}

void
BindingRevocationHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
BindingRevocationHeader::GetFlags() const
{
    return m_flags;
}

void
BindingRevocationHeader::SetFlags(uint16_t flags)
{
    m_flags = flags;
}

bool
BindingRevocationHeader::HasFlag(Flag flag) const
{
    return (m_flags & flag) != 0;
}

void
BindingRevocationHeader::SetFlag(Flag flag, bool value)
{
    m_flags = value ? (m_flags | flag) : (m_flags & ~flag);
}

bool
BindingRevocationHeader::IsProxy() const
{
    return HasFlag(FLAG_P);
}

bool
BindingRevocationHeader::IsGlobal() const
{
    return HasFlag(FLAG_G);
}

uint8_t
BindingRevocationHeader::GetCode() const
{
    return m_code;
}

void
BindingRevocationHeader::SetCode(uint8_t code)
{
    m_code = code;
}

uint32_t
BindingRevocationHeader::GetMessageDataSize() const
{
    return 6;
}

void
BindingRevocationHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteU8(m_brType);
    i.WriteU8(m_code);
    i.WriteHtonU16(m_sequence);
    i.WriteHtonU16(m_flags);
}

bool
BindingRevocationHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& error)
{
    uint8_t brType = i.ReadU8();
    if (brType != m_brType)
    {
        std::ostringstream oss;
        oss << "B.R. Type " << +brType << " is not " << +m_brType << " (" << GetMessageName()
            << ")";
        error = oss.str();
        return false;
    }
    m_code = i.ReadU8();
    m_sequence = i.ReadNtohU16();
    m_flags = i.ReadNtohU16();
    return true;
}

void
BindingRevocationHeader::PrintMessageData(std::ostream& os) const
{
    os << "br-type=" << +m_brType << " " << GetCodeName() << "=" << +m_code << " seq=" << m_sequence
       << " flags=";
    const char* names = "PIG";
    for (int b = 0; b < 3; ++b)
    {
        if (m_flags & (0x8000 >> b))
        {
            os << names[b];
        }
    }
}

// ---------------------------------------------------------------------------------------------

TypeId
BindingRevocationIndicationHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingRevocationIndicationHeader")
                            .SetParent<BindingRevocationHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<BindingRevocationIndicationHeader>();
    return tid;
}

BindingRevocationIndicationHeader::BindingRevocationIndicationHeader()
    : BindingRevocationHeader(mip6::BR_INDICATION)
{
    SetCode(mip6::BRI_TRIGGER_UNSPECIFIED);
}

TypeId
BindingRevocationIndicationHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint8_t
BindingRevocationIndicationHeader::GetRevocationTrigger() const
{
    return GetCode();
}

void
BindingRevocationIndicationHeader::SetRevocationTrigger(uint8_t trigger)
{
    SetCode(trigger);
}

std::string
BindingRevocationIndicationHeader::GetMessageName() const
{
    return "BRI";
}

std::string
BindingRevocationIndicationHeader::GetCodeName() const
{
    return "trigger";
}

// ---------------------------------------------------------------------------------------------

TypeId
BindingRevocationAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingRevocationAckHeader")
                            .SetParent<BindingRevocationHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<BindingRevocationAckHeader>();
    return tid;
}

BindingRevocationAckHeader::BindingRevocationAckHeader()
    : BindingRevocationHeader(mip6::BR_ACKNOWLEDGEMENT)
{
    SetCode(mip6::BRA_SUCCESS);
}

TypeId
BindingRevocationAckHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint8_t
BindingRevocationAckHeader::GetStatus() const
{
    return GetCode();
}

void
BindingRevocationAckHeader::SetStatus(uint8_t status)
{
    SetCode(status);
}

std::string
BindingRevocationAckHeader::GetMessageName() const
{
    return "BRA";
}

std::string
BindingRevocationAckHeader::GetCodeName() const
{
    return "status";
}

} // namespace ns3
