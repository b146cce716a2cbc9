/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-prefix-directory.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaPrefixDirectory");

NS_OBJECT_ENSURE_REGISTERED(LmaPrefixDirectory);

TypeId
LmaPrefixDirectory::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LmaPrefixDirectory")
                            .SetParent<Object>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<LmaPrefixDirectory>();
    return tid;
}

LmaPrefixDirectory::LmaPrefixDirectory()
{
    NS_LOG_FUNCTION(this);
}

LmaPrefixDirectory::~LmaPrefixDirectory()
{
    NS_LOG_FUNCTION(this);
}

void
LmaPrefixDirectory::Add(const HomeNetworkPrefix& prefix, Ipv6Address lma)
{
    NS_LOG_FUNCTION(this << prefix << lma);
    m_blocks[prefix.length][prefix] = lma;
}

bool
LmaPrefixDirectory::Remove(const HomeNetworkPrefix& prefix)
{
    auto byLength = m_blocks.find(prefix.length);
    if (byLength == m_blocks.end() || byLength->second.erase(prefix) == 0)
    {
        return false;
    }
    if (byLength->second.empty())
    {
        m_blocks.erase(byLength);
    }
    return true;
}

bool
LmaPrefixDirectory::Lookup(Ipv6Address address, Ipv6Address& lma) const
{
    for (const auto& [length, blocks] : m_blocks)
    {
        auto it = blocks.find(HomeNetworkPrefix(address, length));
        if (it != blocks.end())
        {
            lma = it->second;
            return true;
        }
    }
    return false;
}

uint32_t
LmaPrefixDirectory::GetSize() const
{
    uint32_t n = 0;
    for (const auto& kv : m_blocks)
    {
        n += kv.second.size();
    }
    return n;
}

} // namespace ns3
