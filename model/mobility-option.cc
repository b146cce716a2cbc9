/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mobility-option.h"

#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"

#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilityOption");

MobilityOption::~MobilityOption()
{
}

MobilityOption::Alignment
MobilityOption::GetAlignment() const
{
    return {1, 0};
}

uint32_t
MobilityOption::GetSerializedSize() const
{
    return 2 + GetDataLength();
}

void
MobilityOption::Serialize(Buffer::Iterator& i) const
{
    uint32_t length = GetDataLength();
    NS_ASSERT_MSG(length <= 255, "option " << GetName() << " too long: " << length);
    i.WriteU8(GetType());
    i.WriteU8(static_cast<uint8_t>(length));
    Buffer::Iterator start = i;
    SerializeData(i);
    NS_ASSERT_MSG(i.GetDistanceFrom(start) == length,
                  "option " << GetName() << " wrote " << i.GetDistanceFrom(start)
                            << " octets, announced " << length);
}

std::ostream&
operator<<(std::ostream& os, const MobilityOption& option)
{
    option.Print(os);
    return os;
}

// ---------------------------------------------------------------------------------------------

UnknownMobilityOption::UnknownMobilityOption(uint8_t type)
    : m_type(type)
{
}

uint8_t
UnknownMobilityOption::GetType() const
{
    return m_type;
}

std::string
UnknownMobilityOption::GetName() const
{
    return "Unknown";
}

uint32_t
UnknownMobilityOption::GetDataLength() const
{
    return m_data.size();
}

void
UnknownMobilityOption::SerializeData(Buffer::Iterator& i) const
{
    for (uint8_t b : m_data)
    {
        i.WriteU8(b);
    }
}

bool
UnknownMobilityOption::DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error)
{
    m_data.resize(length);
    i.Read(m_data.data(), length);
    return true;
}

void
UnknownMobilityOption::Print(std::ostream& os) const
{
    os << "Unknown(type=" << +m_type << " len=" << m_data.size() << ")";
}

const std::vector<uint8_t>&
UnknownMobilityOption::GetData() const
{
    return m_data;
}

void
UnknownMobilityOption::SetData(const std::vector<uint8_t>& data)
{
    NS_ASSERT_MSG(data.size() <= 255, "option data longer than 255 octets");
    m_data = data;
}

// ---------------------------------------------------------------------------------------------

MobilityOptionList::MobilityOptionList()
    : m_factory(&CreateMobilityOption),
      m_padEndTo8(true),
      m_padOptions(true)
{
}

MobilityOptionList::MobilityOptionList(Factory factory, bool padEndTo8, bool padOptions)
    : m_factory(factory),
      m_padEndTo8(padEndTo8),
      m_padOptions(padOptions)
{
    NS_ASSERT_MSG(padOptions || !padEndTo8, "end padding needs Pad1/PadN");
}

void
MobilityOptionList::Add(Ptr<MobilityOption> option)
{
    NS_ASSERT(option);
    m_options.push_back(option);
}

void
MobilityOptionList::Clear()
{
    m_options.clear();
}

uint32_t
MobilityOptionList::GetCount() const
{
    return m_options.size();
}

const std::vector<Ptr<MobilityOption>>&
MobilityOptionList::GetOptions() const
{
    return m_options;
}

uint32_t
MobilityOptionList::CountType(uint8_t type) const
{
    uint32_t n = 0;
    for (const auto& o : m_options)
    {
        n += (o->GetType() == type) ? 1 : 0;
    }
    return n;
}

uint32_t
MobilityOptionList::PaddingFor(uint32_t offset, MobilityOption::Alignment align)
{
    if (align.factor <= 1)
    {
        return 0;
    }
    uint32_t x = align.factor;
    uint32_t y = align.offset % x;
    return (y + x - (offset % x)) % x;
}

void
MobilityOptionList::WritePadding(Buffer::Iterator& i, uint32_t n)
{
    if (n == 0)
    {
        return;
    }
    if (n == 1)
    {
        i.WriteU8(mip6::OPT_PAD1);
        return;
    }
    i.WriteU8(mip6::OPT_PADN);
    i.WriteU8(static_cast<uint8_t>(n - 2));
    i.WriteU8(0, n - 2);
}

uint32_t
MobilityOptionList::GetSerializedSize(uint32_t offset) const
{
    uint32_t pos = offset;
    for (const auto& o : m_options)
    {
        pos += m_padOptions ? PaddingFor(pos, o->GetAlignment()) : 0;
        pos += o->GetSerializedSize();
    }
    if (m_padEndTo8)
    {
        pos += PaddingFor(pos, {8, 0});
    }
    return pos - offset;
}

void
MobilityOptionList::Serialize(Buffer::Iterator& i, uint32_t offset) const
{
    uint32_t pos = offset;
    for (const auto& o : m_options)
    {
        uint32_t pad = m_padOptions ? PaddingFor(pos, o->GetAlignment()) : 0;
        WritePadding(i, pad);
        pos += pad;
        o->Serialize(i);
        pos += o->GetSerializedSize();
    }
    if (m_padEndTo8)
    {
        WritePadding(i, PaddingFor(pos, {8, 0}));
    }
}

bool
MobilityOptionList::Deserialize(Buffer::Iterator i, uint32_t length, std::string& error)
{
    NS_LOG_FUNCTION(this << length);
    m_options.clear();
    uint32_t pos = 0;
    while (pos < length)
    {
        uint8_t type = i.ReadU8();
        pos++;
        if (m_padOptions && type == mip6::OPT_PAD1)
        {
            continue;
        }
        if (pos >= length)
        {
            std::ostringstream oss;
            oss << "option type " << +type << " truncated: no Length octet";
            error = oss.str();
            NS_LOG_LOGIC(error);
            return false;
        }
        uint8_t optLength = i.ReadU8();
        pos++;
        if (optLength > length - pos)
        {
            std::ostringstream oss;
            oss << "option type " << +type << " Length " << +optLength << " overruns the "
                << (length - pos) << " octets left";
            error = oss.str();
            NS_LOG_LOGIC(error);
            return false;
        }
        if (m_padOptions && type == mip6::OPT_PADN)
        {
            i.Next(optLength);
            pos += optLength;
            continue;
        }
        Ptr<MobilityOption> option = m_factory(type);
        if (!option)
        {
            NS_LOG_LOGIC("skipping unknown option type " << +type << " (" << +optLength
                                                         << " octets)");
            option = Create<UnknownMobilityOption>(type);
        }
        std::string why;
        if (!option->DeserializeData(i, optLength, why))
        {
            std::ostringstream oss;
            oss << "malformed " << option->GetName() << " option (type " << +type << ", Length "
                << +optLength << "): " << why;
            error = oss.str();
            NS_LOG_LOGIC(error);
            return false;
        }
        i.Next(optLength);
        pos += optLength;
        m_options.push_back(option);
    }
    return true;
}

void
MobilityOptionList::Print(std::ostream& os) const
{
    bool first = true;
    for (const auto& o : m_options)
    {
        os << (first ? "" : " ");
        o->Print(os);
        first = false;
    }
}

} // namespace ns3
