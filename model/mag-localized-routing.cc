/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mag-localized-routing.h"

#include "binding-update-list.h"
#include "ipv6-tunnel-l4-protocol.h"
#include "localized-routing-header.h"
#include "mag-local-route-table.h"
#include "mobility-l4-protocol.h"
#include "pmipv6-mag-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/ipv6-header.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagLocalizedRouting");

NS_OBJECT_ENSURE_REGISTERED(MagLocalizedRouting);

namespace
{

/**
 * \brief Whether a binding update list entry is registered (usable for forwarding).
 * \param e the entry (may be null)
 * \return true when registered or refreshing
 */
bool
IsRegistered(Ptr<const BindingUpdateListEntry> e)
{
    return e && (e->state == BindingUpdateListEntry::REGISTERED ||
                 e->state == BindingUpdateListEntry::REFRESHING);
}

} // namespace

TypeId
MagLocalizedRouting::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagLocalizedRouting")
            .SetParent<Object>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MagLocalizedRouting>()
            .AddTraceSource("Route",
                            "A pair's RFC 6705 localized route was set up, refreshed or removed.",
                            MakeTraceSourceAccessor(&MagLocalizedRouting::m_routeTrace),
                            "ns3::MagLocalizedRouting::RouteTracedCallback");
    return tid;
}

MagLocalizedRouting::MagLocalizedRouting()
    : m_allow(true)
{
    NS_LOG_FUNCTION(this);
}

MagLocalizedRouting::~MagLocalizedRouting()
{
    NS_LOG_FUNCTION(this);
}

void
MagLocalizedRouting::DoDispose()
{
    for (auto& kv : m_routes)
    {
        kv.second.expiry.Cancel();
    }
    m_routes.clear();
    m_byMn.clear();
    m_mag = nullptr;
    m_table = nullptr;
    Object::DoDispose();
}

void
MagLocalizedRouting::Setup(Ptr<Pmipv6MagApplication> mag,
                           Ptr<MagLocalRouteTable> table,
                           bool allow,
                           Time linger)
{
    m_mag = mag;
    m_table = table;
    m_allow = allow;
    m_linger = linger;
}

uint32_t
MagLocalizedRouting::GetRouteCount() const
{
    return m_routes.size();
}

uint64_t
MagLocalizedRouting::GetLraCount(uint8_t status) const
{
    auto it = m_lras.find(status);
    return it == m_lras.end() ? 0 : it->second;
}

void
MagLocalizedRouting::ReceiveLri(Ptr<Packet> p, const Ipv6Header& ip)
{
    Ptr<MobilityL4Protocol> mobility = m_mag->GetMobilityProtocol();
    LocalizedRoutingInitiationHeader lri;
    if (!mobility->Decode(p, ip, lri))
    {
        return;
    }
    Ptr<BindingUpdateList> bul = m_mag->GetBindingUpdateList();
    std::vector<Ptr<MobileNodeIdentifierOption>> ids =
        lri.GetOptions().FindAll<MobileNodeIdentifierOption>();
    std::vector<Ptr<HomeNetworkPrefixOption>> hnps =
        lri.GetOptions().FindAll<HomeNetworkPrefixOption>();
    Ptr<MagIpv6AddressOption> magOption = lri.GetOptions().Find<MagIpv6AddressOption>();
    Ipv6Address self = m_mag->GetProxyCoa();

    // Which of the two mobile nodes is attached here (RFC 6705: the LRI names both).
    int local = -1;
    Ptr<BindingUpdateListEntry> entries[2];
    HomeNetworkPrefix prefixes[2];
    if (hnps.size() >= 2)
    {
        for (int i = 0; i < 2; i++)
        {
            prefixes[i] = HomeNetworkPrefix(hnps[i]->GetPrefix(), hnps[i]->GetPrefixLength());
            entries[i] = bul->FindByPrefix(prefixes[i]);
            if (local < 0 && IsRegistered(entries[i]))
            {
                local = i;
            }
        }
    }
    // the LRI must come from the LMA of the mobile node attached here
    Ptr<BindingUpdateListEntry> named = local >= 0 ? entries[local] : nullptr;
    if (named ? named->lmaAddress != ip.GetSource() : !m_mag->IsLmaOf(ip.GetSource(), ""))
    {
        NS_LOG_WARN("MAG " << self << ": LRI from " << ip.GetSource()
                           << ", which is not the LMA of the mobile nodes it names: dropped");
        mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_UNKNOWN_PEER);
        return;
    }
    bool intraMag = !magOption || magOption->GetAddress() == self;
    uint8_t status = mip6::LRA_SUCCESS;
    if (!m_allow)
    {
        status = mip6::LRA_LOCALIZED_ROUTING_NOT_ALLOWED;
    }
    else if (local < 0 || (intraMag && !IsRegistered(entries[1 - local])))
    {
        status = mip6::LRA_MN_NOT_ATTACHED;
    }

    if (status == mip6::LRA_SUCCESS)
    {
        PairKey key(prefixes[local], prefixes[1 - local]);
        PairKey reverse(key.second, key.first);
        if (lri.GetLifetime() == 0)
        {
            NS_LOG_INFO("MAG " << self << ": LRI lifetime 0, localized routing of " << key.first
                               << " <-> " << key.second << " stops");
            Remove(key);
            Remove(reverse);
        }
        else
        {
            Route route;
            route.mnId = entries[local]->mnId;
            route.peerMnId =
                static_cast<int>(ids.size()) > 1 - local ? ids[1 - local]->GetNai() : std::string();
            route.peerMag = intraMag ? self : magOption->GetAddress();
            route.intraMag = intraMag;
            if (m_routes.count(reverse) != 0)
            {
                key = reverse; // an intra-MAG pair is kept under the key it was set up with
            }
            Install(key, route, lri.GetLifetime());
        }
    }

    LocalizedRoutingAckHeader lra;
    lra.SetSequence(lri.GetSequence());
    lra.SetStatus(status);
    lra.SetLifetime(status == mip6::LRA_SUCCESS ? lri.GetLifetime() : 0);
    if (local >= 0)
    {
        lra.AddOption(Create<MobileNodeIdentifierOption>(entries[local]->mnId));
        lra.AddOption(
            Create<HomeNetworkPrefixOption>(prefixes[local].prefix, prefixes[local].length));
    }
    m_lras[status]++;
    NS_LOG_INFO("MAG " << self << ": LRI seq " << lri.GetSequence() << " lifetime "
                       << lri.GetLifetime() << " from " << ip.GetSource() << ": LRA status "
                       << +status);
    mobility->Send(lra, self, ip.GetSource());
}

void
MagLocalizedRouting::Install(const PairKey& key, Route route, uint16_t lifetime)
{
    auto it = m_routes.find(key);
    if (it != m_routes.end() &&
        (it->second.peerMag != route.peerMag || it->second.intraMag != route.intraMag))
    {
        Remove(key); // the other MN moved: the new LRI replaces the old route
        it = m_routes.end();
    }
    Ptr<BindingUpdateList> bul = m_mag->GetBindingUpdateList();
    if (it == m_routes.end())
    {
        if (route.intraMag)
        {
            Ptr<BindingUpdateListEntry> mn = bul->FindByPrefix(key.first);
            Ptr<BindingUpdateListEntry> cn = bul->FindByPrefix(key.second);
            m_table->AddRoute(key.first.prefix,
                              key.first.length,
                              key.second.prefix,
                              key.second.length,
                              cn->accessInterface,
                              cn->mnLinkLocalAddress);
            m_table->AddRoute(key.second.prefix,
                              key.second.length,
                              key.first.prefix,
                              key.first.length,
                              mn->accessInterface,
                              mn->mnLinkLocalAddress);
        }
        else
        {
            route.tunnel =
                m_mag->GetTunnels()->AddTunnelReference(m_mag->GetProxyCoa(), route.peerMag);
            m_table->AddRoute(key.first.prefix,
                              key.first.length,
                              key.second.prefix,
                              key.second.length,
                              route.tunnel,
                              Ipv6Address::GetAny());
        }
        it = m_routes.emplace(key, route).first;
        m_byMn[route.mnId].insert(key);
        if (!route.peerMnId.empty())
        {
            m_byMn[route.peerMnId].insert(key);
        }
    }
    it->second.expiry.Cancel();
    if (lifetime != mip6::LR_LIFETIME_INFINITE)
    {
        it->second.expiry =
            Simulator::Schedule(Seconds(lifetime), &MagLocalizedRouting::Remove, this, key);
    }
    NS_LOG_INFO("MAG " << m_mag->GetProxyCoa() << ": localized routing " << key.first << " -> "
                       << key.second << " via " << it->second.peerMag << " for " << lifetime
                       << " s");
    m_routeTrace(key.first.prefix, key.second.prefix, it->second.peerMag, true);
}

void
MagLocalizedRouting::Remove(PairKey key)
{
    auto it = m_routes.find(key);
    if (it == m_routes.end())
    {
        return;
    }
    Route& route = it->second;
    route.expiry.Cancel();
    m_table->RemoveRoute(key.first.prefix, key.first.length, key.second.prefix, key.second.length);
    if (route.intraMag)
    {
        m_table->RemoveRoute(key.second.prefix,
                             key.second.length,
                             key.first.prefix,
                             key.first.length);
    }
    if (route.tunnel != 0)
    {
        // packets the peer MAG already sent into the tunnel are still taken for a while
        Ptr<Ipv6TunnelL4Protocol> tunnels = m_mag->GetTunnels();
        Ipv6Address self = m_mag->GetProxyCoa();
        Ipv6Address peer = route.peerMag;
        Simulator::Schedule(m_linger, [tunnels, self, peer]() {
            tunnels->RemoveTunnelReference(self, peer);
        });
    }
    for (const auto& id : {route.mnId, route.peerMnId})
    {
        auto m = m_byMn.find(id);
        if (m != m_byMn.end())
        {
            m->second.erase(key);
            if (m->second.empty())
            {
                m_byMn.erase(m);
            }
        }
    }
    NS_LOG_INFO("MAG " << m_mag->GetProxyCoa() << ": localized routing " << key.first << " -> "
                       << key.second << " removed");
    m_routeTrace(key.first.prefix, key.second.prefix, route.peerMag, false);
    m_routes.erase(it);
}

void
MagLocalizedRouting::RemoveMn(Ptr<BindingUpdateListEntry> entry)
{
    auto m = m_byMn.find(entry->mnId);
    if (m == m_byMn.end())
    {
        return;
    }
    std::set<PairKey> keys = m->second;
    for (const auto& key : keys)
    {
        auto it = m_routes.find(key);
        // a pair whose other end is at another MAG keeps its route there: only the LMA knows
        // where that MN went, and its next LRI replaces the route
        if (it != m_routes.end() && (it->second.mnId == entry->mnId || it->second.intraMag))
        {
            Remove(key);
        }
    }
}

} // namespace ns3
