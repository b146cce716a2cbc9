/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pmipv6-profile.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6ProfileStore");

NS_OBJECT_ENSURE_REGISTERED(Pmipv6ProfileStore);

std::ostream&
operator<<(std::ostream& os, const Pmipv6Profile& profile)
{
    os << "mnId=" << profile.mnId << " hnps=";
    if (profile.homeNetworkPrefixes.empty())
    {
        os << "(pool)";
    }
    for (std::size_t i = 0; i < profile.homeNetworkPrefixes.size(); ++i)
    {
        os << (i ? "," : "") << profile.homeNetworkPrefixes[i];
    }
    os << " lma=" << profile.lmaAddress << " mags=";
    if (profile.authorizedMags.empty())
    {
        os << "(any)";
    }
    bool first = true;
    for (const Ipv6Address& mag : profile.authorizedMags)
    {
        os << (first ? "" : ",") << mag;
        first = false;
    }
    os << " proxyReg=" << (profile.proxyRegistrationEnabled ? "on" : "off") << " att=";
    if (profile.allowedAccessTechnologies.empty())
    {
        os << "(any)";
    }
    first = true;
    for (uint8_t att : profile.allowedAccessTechnologies)
    {
        os << (first ? "" : ",") << +att;
        first = false;
    }
    if (!profile.linkLayerAddresses.empty())
    {
        os << " ll=";
        first = true;
        for (const Address& a : profile.linkLayerAddresses)
        {
            os << (first ? "" : ",") << a;
            first = false;
        }
    }
    if (!profile.bindingPreferences.empty())
    {
        os << " bid=";
        first = true;
        for (const auto& [address, preference] : profile.bindingPreferences)
        {
            os << (first ? "" : ",") << address << ":" << preference.bindingId << "/"
               << +preference.bindingPriority;
            first = false;
        }
    }
    return os;
}

TypeId
Pmipv6ProfileStore::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Pmipv6ProfileStore")
                            .SetParent<Object>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<Pmipv6ProfileStore>();
    return tid;
}

Pmipv6ProfileStore::Pmipv6ProfileStore()
{
    NS_LOG_FUNCTION(this);
}

Pmipv6ProfileStore::~Pmipv6ProfileStore()
{
    NS_LOG_FUNCTION(this);
}

void
Pmipv6ProfileStore::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Clear();
    Object::DoDispose();
}

void
Pmipv6ProfileStore::AddProfile(const Pmipv6Profile& profile)
{
    NS_LOG_FUNCTION(this << profile.mnId);
    NS_ABORT_MSG_IF(profile.mnId.empty(), "Pmipv6ProfileStore: a profile needs an MN-ID");
    for (const HomeNetworkPrefix& hnp : profile.homeNetworkPrefixes)
    {
        auto owner = m_staticPrefixes.find(hnp);
        NS_ABORT_MSG_IF(owner != m_staticPrefixes.end() && owner->second != profile.mnId,
                        "Pmipv6ProfileStore: HNP " << hnp << " of " << profile.mnId
                                                   << " is already assigned to " << owner->second);
    }
    for (const Address& a : profile.linkLayerAddresses)
    {
        auto owner = m_linkLayerAddresses.find(a);
        NS_ABORT_MSG_IF(owner != m_linkLayerAddresses.end() && owner->second != profile.mnId,
                        "Pmipv6ProfileStore: link-layer address " << a << " of " << profile.mnId
                                                                  << " is already assigned to "
                                                                  << owner->second);
    }
    auto it = m_profiles.find(profile.mnId);
    if (it != m_profiles.end())
    {
        Unindex(it->second);
        it->second = profile; // in place, so that pointers stay valid
    }
    else
    {
        m_profiles.emplace(profile.mnId, profile);
    }
    for (const HomeNetworkPrefix& hnp : profile.homeNetworkPrefixes)
    {
        m_staticPrefixes[hnp] = profile.mnId;
    }
    for (const Address& a : profile.linkLayerAddresses)
    {
        m_linkLayerAddresses[a] = profile.mnId;
    }
    NS_LOG_LOGIC("profile " << profile);
}

bool
Pmipv6ProfileStore::RemoveProfile(const std::string& mnId)
{
    NS_LOG_FUNCTION(this << mnId);
    auto it = m_profiles.find(mnId);
    if (it == m_profiles.end())
    {
        return false;
    }
    Unindex(it->second);
    m_profiles.erase(it);
    return true;
}

void
Pmipv6ProfileStore::Unindex(const Pmipv6Profile& profile)
{
    for (const HomeNetworkPrefix& hnp : profile.homeNetworkPrefixes)
    {
        m_staticPrefixes.erase(hnp);
    }
    for (const Address& a : profile.linkLayerAddresses)
    {
        m_linkLayerAddresses.erase(a);
    }
}

std::string
Pmipv6ProfileStore::FindMnIdByLinkLayerAddress(const Address& address) const
{
    auto it = m_linkLayerAddresses.find(address);
    return it == m_linkLayerAddresses.end() ? std::string() : it->second;
}

const Pmipv6Profile*
Pmipv6ProfileStore::Lookup(const std::string& mnId) const
{
    auto it = m_profiles.find(mnId);
    return it == m_profiles.end() ? nullptr : &it->second;
}

const Pmipv6Profile*
Pmipv6ProfileStore::LookupByPrefix(const HomeNetworkPrefix& hnp) const
{
    auto it = m_staticPrefixes.find(hnp);
    return it == m_staticPrefixes.end() ? nullptr : Lookup(it->second);
}

uint32_t
Pmipv6ProfileStore::GetProfileCount() const
{
    return static_cast<uint32_t>(m_profiles.size());
}

std::vector<const Pmipv6Profile*>
Pmipv6ProfileStore::GetProfiles() const
{
    std::vector<const Pmipv6Profile*> out;
    out.reserve(m_profiles.size());
    for (const auto& kv : m_profiles)
    {
        out.push_back(&kv.second);
    }
    std::sort(out.begin(), out.end(), [](const Pmipv6Profile* a, const Pmipv6Profile* b) {
        return a->mnId < b->mnId;
    });
    return out;
}

void
Pmipv6ProfileStore::Clear()
{
    NS_LOG_FUNCTION(this);
    m_profiles.clear();
    m_staticPrefixes.clear();
    m_linkLayerAddresses.clear();
}

bool
Pmipv6ProfileStore::IsMagAuthorized(const std::string& mnId, Ipv6Address mag) const
{
    const Pmipv6Profile* p = Lookup(mnId);
    return p != nullptr && (p->authorizedMags.empty() || p->authorizedMags.count(mag) != 0);
}

bool
Pmipv6ProfileStore::IsPrefixAllowed(const std::string& mnId, const HomeNetworkPrefix& hnp) const
{
    const Pmipv6Profile* p = Lookup(mnId);
    if (p == nullptr)
    {
        return false;
    }
    if (!p->homeNetworkPrefixes.empty())
    {
        return std::find(p->homeNetworkPrefixes.begin(), p->homeNetworkPrefixes.end(), hnp) !=
               p->homeNetworkPrefixes.end();
    }
    auto owner = m_staticPrefixes.find(hnp);
    return owner == m_staticPrefixes.end() || owner->second == mnId;
}

bool
Pmipv6ProfileStore::IsProxyRegistrationEnabled(const std::string& mnId) const
{
    const Pmipv6Profile* p = Lookup(mnId);
    return p != nullptr && p->proxyRegistrationEnabled;
}

bool
Pmipv6ProfileStore::IsAccessTechnologyAllowed(const std::string& mnId, uint8_t att) const
{
    const Pmipv6Profile* p = Lookup(mnId);
    return p != nullptr &&
           (p->allowedAccessTechnologies.empty() || p->allowedAccessTechnologies.count(att) != 0);
}

bool
Pmipv6ProfileStore::IsLmaFor(const std::string& mnId, Ipv6Address lma) const
{
    const Pmipv6Profile* p = Lookup(mnId);
    return p != nullptr && (p->lmaAddress.IsAny() || p->lmaAddress == lma);
}

} // namespace ns3
