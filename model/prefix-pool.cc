/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "prefix-pool.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PrefixPool");

NS_OBJECT_ENSURE_REGISTERED(PrefixPool);

namespace
{

/**
 * \brief The 16 octets of an address with every bit after \p length cleared.
 * \param a the address
 * \param length the number of bits kept (above 128 keeps all)
 * \return the octets
 */
std::array<uint8_t, 16>
MaskBytes(Ipv6Address a, uint8_t length)
{
    std::array<uint8_t, 16> b;
    a.GetBytes(b.data());
    uint32_t len = std::min<uint32_t>(length, 128);
    uint32_t full = len / 8;
    uint32_t rest = len % 8;
    if (full < 16)
    {
        b[full] &= static_cast<uint8_t>(0xff << (8 - rest));
        for (uint32_t i = full + 1; i < 16; ++i)
        {
            b[i] = 0;
        }
    }
    return b;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// HomeNetworkPrefix
// ---------------------------------------------------------------------------------------------

HomeNetworkPrefix::HomeNetworkPrefix()
    : prefix(Ipv6Address::GetAny()),
      length(0)
{
}

HomeNetworkPrefix::HomeNetworkPrefix(Ipv6Address p, uint8_t len)
    : length(len)
{
    std::array<uint8_t, 16> b = MaskBytes(p, len);
    prefix = Ipv6Address(b.data());
}

bool
HomeNetworkPrefix::operator==(const HomeNetworkPrefix& o) const
{
    return length == o.length && GetMaskedBytes() == o.GetMaskedBytes();
}

bool
HomeNetworkPrefix::operator!=(const HomeNetworkPrefix& o) const
{
    return !(*this == o);
}

bool
HomeNetworkPrefix::operator<(const HomeNetworkPrefix& o) const
{
    std::array<uint8_t, 16> a = GetMaskedBytes();
    std::array<uint8_t, 16> b = o.GetMaskedBytes();
    if (a != b)
    {
        return a < b;
    }
    return length < o.length;
}

Ipv6Prefix
HomeNetworkPrefix::GetIpv6Prefix() const
{
    return Ipv6Prefix(static_cast<uint8_t>(std::min<uint32_t>(length, 128)));
}

bool
HomeNetworkPrefix::Contains(Ipv6Address a) const
{
    return MaskBytes(a, length) == GetMaskedBytes();
}

bool
HomeNetworkPrefix::IsUnspecified() const
{
    return prefix.IsAny();
}

Ipv6Address
HomeNetworkPrefix::GetMaskedPrefix() const
{
    std::array<uint8_t, 16> b = GetMaskedBytes();
    return Ipv6Address(b.data());
}

std::array<uint8_t, 16>
HomeNetworkPrefix::GetMaskedBytes() const
{
    return MaskBytes(prefix, length);
}

std::ostream&
operator<<(std::ostream& os, const HomeNetworkPrefix& hnp)
{
    os << hnp.GetMaskedPrefix() << "/" << +hnp.length;
    return os;
}

std::size_t
HomeNetworkPrefixHash::operator()(const HomeNetworkPrefix& hnp) const
{
    // FNV-1a over the masked octets and the length.
    std::array<uint8_t, 16> b = hnp.GetMaskedBytes();
    uint64_t h = 14695981039346656037ULL;
    for (uint8_t octet : b)
    {
        h ^= octet;
        h *= 1099511628211ULL;
    }
    h ^= hnp.length;
    h *= 1099511628211ULL;
    return static_cast<std::size_t>(h ^ (h >> 32));
}

// ---------------------------------------------------------------------------------------------
// PrefixPool
// ---------------------------------------------------------------------------------------------

TypeId
PrefixPool::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PrefixPool")
            .SetParent<Object>()
            .SetGroupName("Pmipv6")
            .AddConstructor<PrefixPool>()
            .AddAttribute(
                "BasePrefix",
                "The prefix of the block the Home Network Prefixes are taken from "
                "(bits after BasePrefixLength are ignored).",
                Ipv6AddressValue(Ipv6Address("2001:1:1::")),
                MakeIpv6AddressAccessor(&PrefixPool::SetBasePrefix, &PrefixPool::GetBasePrefix),
                MakeIpv6AddressChecker())
            .AddAttribute("BasePrefixLength",
                          "The length of the block.",
                          UintegerValue(48),
                          MakeUintegerAccessor(&PrefixPool::SetBasePrefixLength,
                                               &PrefixPool::GetBasePrefixLength),
                          MakeUintegerChecker<uint8_t>(0, 128))
            .AddAttribute("AllocatedPrefixLength",
                          "The length of every allocated Home Network Prefix "
                          "(at least BasePrefixLength).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&PrefixPool::SetAllocatedPrefixLength,
                                               &PrefixPool::GetAllocatedPrefixLength),
                          MakeUintegerChecker<uint8_t>(0, 128))
            .AddAttribute(
                "MaxPrefixes",
                "A cap on the number of prefixes handed out (0 = only the size of "
                "the block, itself capped at 2^32).",
                UintegerValue(0),
                MakeUintegerAccessor(&PrefixPool::SetMaxPrefixes, &PrefixPool::GetMaxPrefixes),
                MakeUintegerChecker<uint32_t>());
    return tid;
}

PrefixPool::PrefixPool()
    : m_basePrefix(Ipv6Address("2001:1:1::")),
      m_basePrefixLength(48),
      m_allocatedPrefixLength(64),
      m_maxPrefixes(0),
      m_next(0)
{
    NS_LOG_FUNCTION(this);
}

PrefixPool::~PrefixPool()
{
    NS_LOG_FUNCTION(this);
}

void
PrefixPool::CheckUnused(const char* what) const
{
    NS_ABORT_MSG_IF(m_next != 0 || !m_taken.empty() || !m_external.empty(),
                    "PrefixPool: cannot change " << what << " once prefixes were taken");
}

void
PrefixPool::SetBasePrefix(Ipv6Address base)
{
    NS_LOG_FUNCTION(this << base);
    CheckUnused("BasePrefix");
    m_basePrefix = base;
}

Ipv6Address
PrefixPool::GetBasePrefix() const
{
    return HomeNetworkPrefix(m_basePrefix, m_basePrefixLength).GetMaskedPrefix();
}

void
PrefixPool::SetBasePrefixLength(uint8_t length)
{
    NS_LOG_FUNCTION(this << +length);
    CheckUnused("BasePrefixLength");
    m_basePrefixLength = length;
}

uint8_t
PrefixPool::GetBasePrefixLength() const
{
    return m_basePrefixLength;
}

void
PrefixPool::SetAllocatedPrefixLength(uint8_t length)
{
    NS_LOG_FUNCTION(this << +length);
    CheckUnused("AllocatedPrefixLength");
    m_allocatedPrefixLength = length;
}

uint8_t
PrefixPool::GetAllocatedPrefixLength() const
{
    return m_allocatedPrefixLength;
}

void
PrefixPool::SetMaxPrefixes(uint32_t maxPrefixes)
{
    NS_LOG_FUNCTION(this << maxPrefixes);
    CheckUnused("MaxPrefixes");
    m_maxPrefixes = maxPrefixes;
}

uint32_t
PrefixPool::GetMaxPrefixes() const
{
    return m_maxPrefixes;
}

uint64_t
PrefixPool::GetCapacity() const
{
    if (m_allocatedPrefixLength > 128 || m_basePrefixLength > m_allocatedPrefixLength)
    {
        return 0;
    }
    uint32_t bits = std::min<uint32_t>(m_allocatedPrefixLength - m_basePrefixLength, 32);
    uint64_t capacity = uint64_t(1) << bits;
    if (m_maxPrefixes != 0 && m_maxPrefixes < capacity)
    {
        capacity = m_maxPrefixes;
    }
    return capacity;
}

uint64_t
PrefixPool::GetFreeCount() const
{
    return GetCapacity() - m_taken.size();
}

HomeNetworkPrefix
PrefixPool::IndexToPrefix(uint64_t index) const
{
    std::array<uint8_t, 16> b = MaskBytes(m_basePrefix, m_basePrefixLength);
    uint32_t bits = std::min<uint32_t>(m_allocatedPrefixLength - m_basePrefixLength, 32);
    for (uint32_t k = 0; k < bits; ++k)
    {
        if ((index >> k) & 1)
        {
            uint32_t pos = m_allocatedPrefixLength - 1 - k; // bit position from the MSB
            b[pos / 8] |= static_cast<uint8_t>(0x80 >> (pos % 8));
        }
    }
    return HomeNetworkPrefix(Ipv6Address(b.data()), m_allocatedPrefixLength);
}

bool
PrefixPool::PrefixToIndex(const HomeNetworkPrefix& hnp, uint64_t& index) const
{
    uint64_t capacity = GetCapacity();
    if (capacity == 0 || hnp.length != m_allocatedPrefixLength)
    {
        return false;
    }
    std::array<uint8_t, 16> b = hnp.GetMaskedBytes();
    uint32_t bits = std::min<uint32_t>(m_allocatedPrefixLength - m_basePrefixLength, 32);
    uint64_t i = 0;
    for (uint32_t k = 0; k < bits; ++k)
    {
        uint32_t pos = m_allocatedPrefixLength - 1 - k;
        if (b[pos / 8] & (0x80 >> (pos % 8)))
        {
            i |= uint64_t(1) << k;
        }
    }
    // The base bits and any subnet bits above the enumerated ones must match as well.
    if (i >= capacity || IndexToPrefix(i) != hnp)
    {
        return false;
    }
    index = i;
    return true;
}

bool
PrefixPool::IsInPool(const HomeNetworkPrefix& hnp) const
{
    uint64_t index;
    return PrefixToIndex(hnp, index);
}

bool
PrefixPool::Allocate(HomeNetworkPrefix& out)
{
    NS_LOG_FUNCTION(this);
    uint64_t capacity = GetCapacity();
    // Never-used prefixes first, skipping the ones reserved ahead of the cursor.
    while (m_next < capacity)
    {
        uint64_t index = m_next++;
        if (m_taken.insert(index).second)
        {
            out = IndexToPrefix(index);
            NS_LOG_LOGIC("allocated " << out << " (fresh, number " << index << ")");
            return true;
        }
    }
    // Then the released ones, lowest first.
    if (!m_released.empty())
    {
        uint64_t index = *m_released.begin();
        m_released.erase(m_released.begin());
        m_taken.insert(index);
        out = IndexToPrefix(index);
        NS_LOG_LOGIC("allocated " << out << " (reused, number " << index << ")");
        return true;
    }
    NS_LOG_WARN("prefix pool exhausted (" << m_taken.size() << " of " << capacity << " taken)");
    return false;
}

bool
PrefixPool::Reserve(const HomeNetworkPrefix& hnp)
{
    NS_LOG_FUNCTION(this << hnp);
    uint64_t index;
    if (!PrefixToIndex(hnp, index))
    {
        bool inserted = m_external.insert(hnp).second;
        NS_LOG_LOGIC("reserve " << hnp << " outside the pool: " << (inserted ? "ok" : "taken"));
        return inserted;
    }
    if (!m_taken.insert(index).second)
    {
        NS_LOG_LOGIC("reserve " << hnp << ": already taken");
        return false;
    }
    if (index < m_next)
    {
        m_released.erase(index);
    }
    NS_LOG_LOGIC("reserved " << hnp << " (number " << index << ")");
    return true;
}

void
PrefixPool::Release(const HomeNetworkPrefix& hnp)
{
    NS_LOG_FUNCTION(this << hnp);
    uint64_t index;
    if (!PrefixToIndex(hnp, index))
    {
        if (m_external.erase(hnp) == 0)
        {
            NS_LOG_WARN("release of " << hnp << ", which is not taken");
        }
        return;
    }
    if (m_taken.erase(index) == 0)
    {
        NS_LOG_WARN("release of " << hnp << ", which is not taken");
        return;
    }
    if (index < m_next)
    {
        m_released.insert(index);
    }
}

bool
PrefixPool::IsAllocated(const HomeNetworkPrefix& hnp) const
{
    uint64_t index;
    if (PrefixToIndex(hnp, index))
    {
        return m_taken.count(index) != 0;
    }
    return m_external.count(hnp) != 0;
}

uint32_t
PrefixPool::GetAllocatedCount() const
{
    return static_cast<uint32_t>(m_taken.size() + m_external.size());
}

} // namespace ns3
