/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "binding-update-header.h"

#include "pmipv6-wire-numbers.h"

#include "ns3/address-utils.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BindingUpdateHeader");

NS_OBJECT_ENSURE_REGISTERED(BindingUpdateHeader);
NS_OBJECT_ENSURE_REGISTERED(BindingAckHeader);
NS_OBJECT_ENSURE_REGISTERED(BindingErrorHeader);

TypeId
BindingUpdateHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingUpdateHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<BindingUpdateHeader>();
    return tid;
}

BindingUpdateHeader::BindingUpdateHeader()
    : MobilityHeader(mip6::MH_BINDING_UPDATE),
      m_sequence(0),
      m_flags(FLAG_A | FLAG_P),
      m_lifetime(0)
{
}

TypeId
BindingUpdateHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint16_t
BindingUpdateHeader::GetSequence() const
{
    return m_sequence;
}

void
BindingUpdateHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
BindingUpdateHeader::GetFlags() const
{
    return m_flags;
}

void
BindingUpdateHeader::SetFlags(uint16_t flags)
{
    m_flags = flags;
}

bool
BindingUpdateHeader::HasFlag(Flag flag) const
{
    return (m_flags & flag) != 0;
}

void
BindingUpdateHeader::SetFlag(Flag flag, bool value)
{
    m_flags = value ? (m_flags | flag) : (m_flags & ~flag);
}

bool
BindingUpdateHeader::IsProxy() const
{
    return HasFlag(FLAG_P);
}

uint16_t
BindingUpdateHeader::GetLifetime() const
{
    return m_lifetime;
}

void
BindingUpdateHeader::SetLifetime(uint16_t units)
{
    m_lifetime = units;
}

uint32_t
BindingUpdateHeader::GetLifetimeSeconds() const
{
    return 4u * m_lifetime;
}

uint32_t
BindingUpdateHeader::GetMessageDataSize() const
{
    return 6;
}

void
BindingUpdateHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_sequence);
    i.WriteHtonU16(m_flags);
    i.WriteHtonU16(m_lifetime);
}

bool
BindingUpdateHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& error)
{
    m_sequence = i.ReadNtohU16();
    m_flags = i.ReadNtohU16();
    m_lifetime = i.ReadNtohU16();
    return true;
}

void
BindingUpdateHeader::PrintMessageData(std::ostream& os) const
{
    os << "seq=" << m_sequence << " flags=";
    const char* names = "AHLKMRPFTB";
    for (int b = 0; b < 10; ++b)
    {
        if (m_flags & (0x8000 >> b))
        {
            os << names[b];
        }
    }
    os << " lifetime=" << GetLifetimeSeconds() << "s";
}

std::string
BindingUpdateHeader::GetMessageName() const
{
    return IsProxy() ? "PBU" : "BU";
}

// ---------------------------------------------------------------------------------------------

TypeId
BindingAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingAckHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<BindingAckHeader>();
    return tid;
}

BindingAckHeader::BindingAckHeader()
    : MobilityHeader(mip6::MH_BINDING_ACK),
      m_status(mip6::BA_ACCEPTED),
      m_flags(FLAG_P),
      m_sequence(0),
      m_lifetime(0)
{
}

TypeId
BindingAckHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint8_t
BindingAckHeader::GetStatus() const
{
    return m_status;
}

void
BindingAckHeader::SetStatus(uint8_t status)
{
    m_status = status;
}

uint8_t
BindingAckHeader::GetFlags() const
{
    return m_flags;
}

void
BindingAckHeader::SetFlags(uint8_t flags)
{
    m_flags = flags;
}

bool
BindingAckHeader::HasFlag(Flag flag) const
{
    return (m_flags & flag) != 0;
}

void
BindingAckHeader::SetFlag(Flag flag, bool value)
{
    m_flags = value ? (m_flags | flag) : (m_flags & ~flag);
}

bool
BindingAckHeader::IsProxy() const
{
    return HasFlag(FLAG_P);
}

uint16_t
BindingAckHeader::GetSequence() const
{
    return m_sequence;
}

void
BindingAckHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
BindingAckHeader::GetLifetime() const
{
    return m_lifetime;
}

void
BindingAckHeader::SetLifetime(uint16_t units)
{
    m_lifetime = units;
}

uint32_t
BindingAckHeader::GetLifetimeSeconds() const
{
    return 4u * m_lifetime;
}

uint32_t
BindingAckHeader::GetMessageDataSize() const
{
    return 6;
}

void
BindingAckHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteU8(m_status);
    i.WriteU8(m_flags);
    i.WriteHtonU16(m_sequence);
    i.WriteHtonU16(m_lifetime);
}

bool
BindingAckHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& error)
{
    m_status = i.ReadU8();
    m_flags = i.ReadU8();
    m_sequence = i.ReadNtohU16();
    m_lifetime = i.ReadNtohU16();
    return true;
}

void
BindingAckHeader::PrintMessageData(std::ostream& os) const
{
    os << "status=" << +m_status << " flags=";
    const char* names = "KRPTB";
    for (int b = 0; b < 5; ++b)
    {
        if (m_flags & (0x80 >> b))
        {
            os << names[b];
        }
    }
    os << " seq=" << m_sequence << " lifetime=" << GetLifetimeSeconds() << "s";
}

std::string
BindingAckHeader::GetMessageName() const
{
    return IsProxy() ? "PBA" : "BA";
}

// ---------------------------------------------------------------------------------------------

TypeId
BindingErrorHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingErrorHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<BindingErrorHeader>();
    return tid;
}

BindingErrorHeader::BindingErrorHeader()
    : MobilityHeader(mip6::MH_BINDING_ERROR),
      m_status(mip6::BE_UNRECOGNIZED_MH_TYPE),
      m_homeAddress(Ipv6Address::GetAny())
{
}

TypeId
BindingErrorHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint8_t
BindingErrorHeader::GetStatus() const
{
    return m_status;
}

void
BindingErrorHeader::SetStatus(uint8_t status)
{
    m_status = status;
}

Ipv6Address
BindingErrorHeader::GetHomeAddress() const
{
    return m_homeAddress;
}

void
BindingErrorHeader::SetHomeAddress(Ipv6Address address)
{
    m_homeAddress = address;
}

uint32_t
BindingErrorHeader::GetMessageDataSize() const
{
    return 18;
}

void
BindingErrorHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteU8(m_status);
    i.WriteU8(0);
    WriteTo(i, m_homeAddress);
}

bool
BindingErrorHeader::DeserializeMessageData(Buffer::Iterator& i, std::string& error)
{
    m_status = i.ReadU8();
    i.ReadU8();
    ReadFrom(i, m_homeAddress);
    return true;
}

void
BindingErrorHeader::PrintMessageData(std::ostream& os) const
{
    os << "status=" << +m_status << " home-address=" << m_homeAddress;
}

std::string
BindingErrorHeader::GetMessageName() const
{
    return "BE";
}

} // namespace ns3
