/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ipv4-home-address-pool.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv4HomeAddressPool");

namespace
{
/// Below this prefix length a network has host addresses (a /31 or /32 has none here).
constexpr uint8_t MIN_NO_HOST_PREFIX = 31;
} // namespace

Ipv4HomeAddressPool::Ipv4HomeAddressPool()
{
}

void
Ipv4HomeAddressPool::Configure(Ipv4Address network, Ipv4Mask mask)
{
    NS_LOG_FUNCTION(this << network << mask);
    m_used.clear();
    m_reserved.clear();
    m_released.clear();
    m_prefixLength = mask.GetPrefixLength();
    m_valid = m_prefixLength < MIN_NO_HOST_PREFIX;
    uint32_t net = network.Get() & mask.Get();
    uint32_t broadcast = net | ~mask.Get();
    m_first = m_valid ? net + 1 : 0;
    m_last = m_valid ? broadcast - 1 : 0;
    m_next = m_first;
}

void
Ipv4HomeAddressPool::Reserve(Ipv4Address address)
{
    if (Contains(address))
    {
        m_reserved.insert(address.Get());
    }
}

bool
Ipv4HomeAddressPool::Contains(Ipv4Address address) const
{
    uint32_t a = address.Get();
    return m_valid && a >= m_first && a <= m_last && m_reserved.count(a) == 0;
}

bool
Ipv4HomeAddressPool::IsAllocated(Ipv4Address address) const
{
    return m_used.count(address.Get()) != 0;
}

Ipv4Address
Ipv4HomeAddressPool::Allocate()
{
    while (!m_released.empty())
    {
        uint32_t a = m_released.back();
        m_released.pop_back();
        if (m_used.insert(a).second)
        {
            NS_LOG_LOGIC("allocated released " << Ipv4Address(a));
            return Ipv4Address(a);
        }
    }
    // Each address is passed over at most once by the cursor: amortized O(1).
    while (m_valid && m_next != 0 && m_next <= m_last)
    {
        uint32_t a = m_next++;
        if (m_reserved.count(a) == 0 && m_used.insert(a).second)
        {
            NS_LOG_LOGIC("allocated " << Ipv4Address(a));
            return Ipv4Address(a);
        }
    }
    NS_LOG_LOGIC("pool exhausted");
    return Ipv4Address::GetAny();
}

bool
Ipv4HomeAddressPool::AllocateSpecific(Ipv4Address address)
{
    if (!Contains(address))
    {
        return false;
    }
    return m_used.insert(address.Get()).second;
}

void
Ipv4HomeAddressPool::Release(Ipv4Address address)
{
    if (m_used.erase(address.Get()) != 0)
    {
        NS_LOG_LOGIC("released " << address);
        // Only addresses the cursor has passed need to be remembered.
        if (address.Get() < m_next)
        {
            m_released.push_back(address.Get());
        }
    }
}

uint32_t
Ipv4HomeAddressPool::GetAllocatedCount() const
{
    return m_used.size();
}

uint8_t
Ipv4HomeAddressPool::GetPrefixLength() const
{
    return m_prefixLength;
}

Ipv4Address
Ipv4HomeAddressPool::GetFirstHostAddress() const
{
    return m_valid ? Ipv4Address(m_first) : Ipv4Address::GetAny();
}

} // namespace ns3
