/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * MagLocalRoutingExtension, continued: what keeps a local route alive across time and
 * handovers (draft-wu-netext-local-ro-02 4.1, last paragraph: "PBU-PBA exchange is repeated to
 * extend the lifetime of the binding"; 4.1.1: context transfer to the new MAG).
 */

#include "binding-update-header.h"
#include "binding-update-list.h"
#include "local-routing-options.h"
#include "mag-local-routing-extension.h"
#include "pmipv6-mag-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagLocalRoutingHandover");

uint64_t
MagLocalRoutingExtension::GetContextPairCount() const
{
    return m_contextPairs;
}

uint64_t
MagLocalRoutingExtension::GetPeerRefreshCount() const
{
    return m_peerRefreshes;
}

Time
MagLocalRoutingExtension::BindingLifetime(const Pair& pair) const
{
    Time left = pair.grantEnd - Simulator::Now();
    if (!left.IsStrictlyPositive())
    {
        return Seconds(0);
    }
    if (m_peerBindingLifetime.IsStrictlyPositive() && m_peerBindingLifetime < left)
    {
        return m_peerBindingLifetime;
    }
    return left;
}

void
MagLocalRoutingExtension::ScheduleRefresh(const PairKey& key, Pair& pair, Time lifetime)
{
    pair.refresh.Cancel();
    if (!lifetime.IsStrictlyPositive() || pair.grantEnd <= Simulator::Now() + lifetime)
    {
        return; // the binding lasts as long as the local routing: it just expires
    }
    pair.refresh = Simulator::Schedule(Seconds(lifetime.GetSeconds() * m_refreshFraction),
                                       &MagLocalRoutingExtension::RefreshPeerBinding,
                                       this,
                                       key);
}

void
MagLocalRoutingExtension::RefreshPeerBinding(PairKey key)
{
    auto it = m_pairs.find(key);
    if (it == m_pairs.end() || it->second.lri != mip6::LRI_INTRA_LMA || it->second.peerMag.IsAny())
    {
        return;
    }
    Pair& pair = it->second;
    Time lifetime = BindingLifetime(pair);
    if (!lifetime.IsStrictlyPositive())
    {
        return;
    }
    NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": refreshing the binding of " << key.first
                       << " at MAG " << pair.peerMag << " for " << lifetime.As(Time::S));
    m_peerRefreshes++;
    SendPeerPbu(key, pair, lifetime);
}

void
MagLocalRoutingExtension::EchoRefresh(const PairKey& key, Pair& pair)
{
    // A refresh from the peer: its binding here now ends well after ours there (more than the
    // part of a lifetime a refresh leaves). Refresh ours too, unless our own timer will.
    Time peerEnd = Simulator::Now() + pair.lifetime;
    Time slack = Seconds(pair.lifetime.GetSeconds() * (1 - m_refreshFraction));
    if (pair.refresh.IsRunning() || !pair.ownAccepted || peerEnd <= pair.ownExpiresAt + slack)
    {
        return;
    }
    Time lifetime = BindingLifetime(pair);
    if (!lifetime.IsStrictlyPositive())
    {
        return;
    }
    m_peerRefreshes++;
    SendPeerPbu(key, pair, lifetime);
}

void
MagLocalRoutingExtension::AddPbuOptions(BindingUpdateHeader& pbu,
                                        Ptr<const BindingUpdateListEntry> entry)
{
    // 4.1.1: the context of an MN that arrives here (its local routing pairs), asked for in
    // its initial registration only
    if (m_protocol != PROTOCOL_DRAFT004 || !m_contextTransfer || pbu.GetLifetime() == 0 ||
        entry->state == BindingUpdateListEntry::REGISTERED ||
        entry->state == BindingUpdateListEntry::REFRESHING)
    {
        return;
    }
    Ptr<ContextRequestOption> context = Create<ContextRequestOption>();
    context->AddRequest(mip6::OPT_MN_CN_PAIR);
    pbu.AddOption(context);
}

void
MagLocalRoutingExtension::NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry)
{
    if (m_protocol != PROTOCOL_DRAFT004 || !m_contextTransfer ||
        pba.GetStatus() >= mip6::BA_UNSPECIFIED || pba.GetLifetime() == 0)
    {
        return;
    }
    Ptr<LocalRoutingOptimizationOption> lro =
        pba.GetOptions().Find<LocalRoutingOptimizationOption>();
    std::vector<Ptr<MnCnPairOption>> pairs = pba.GetOptions().FindAll<MnCnPairOption>();
    if (!lro || lro->GetLri() != mip6::LRI_INTRA_LMA || pairs.size() < 2)
    {
        return;
    }
    HomeNetworkPrefix own(pairs[0]->GetHomeNetworkPrefix(), pairs[0]->GetPrefixLength());
    std::vector<Ptr<MnCnPairOption>> peers(pairs.begin() + 1, pairs.end());
    // after the core has registered the MN (its prefix bound to the access link)
    Simulator::ScheduleNow(&MagLocalRoutingExtension::AdoptContext,
                           this,
                           entry->mnId,
                           entry->lmaAddress,
                           own,
                           peers);
}

void
MagLocalRoutingExtension::AdoptContext(std::string mnId,
                                       Ipv6Address lma,
                                       HomeNetworkPrefix own,
                                       std::vector<Ptr<MnCnPairOption>> peers)
{
    Ptr<BindingUpdateListEntry> mn = GetMag()->GetBindingUpdateList()->FindByPrefix(own);
    if (!mn || mn->mnId != mnId || mn->state != BindingUpdateListEntry::REGISTERED)
    {
        return;
    }
    for (const auto& option : peers)
    {
        HomeNetworkPrefix peer(option->GetHomeNetworkPrefix(), option->GetPrefixLength());
        Ipv6Address peerMag = option->GetProxyCoa();
        PairKey key(own, peer);
        if (m_pairs.count(key) != 0 || m_pairs.count(PairKey(peer, own)) != 0)
        {
            continue; // known already (e.g. re-established by the peer's PBU)
        }
        Pair& pair = m_pairs[key];
        pair.mnId = mnId;
        pair.lma = lma;
        pair.lifetime = m_lifetime;
        m_byMn[mnId].insert(key);
        m_contextPairs++;
        // the CN's IPv4-MN-HoA and its MAG's IPv4-Proxy-CoA (P flag, draft 004 section 6)
        TakeIpv4HomeAddresses(key, {option});
        NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": context of " << mnId << ": pair " << own
                           << " -> " << peer << " at MAG " << peerMag);
        if (peerMag == GetMag()->GetProxyCoa())
        {
            if (!EnableIntraMag(key, m_lifetime))
            {
                Refuse(key);
            }
            continue;
        }
        AllowIntraLma(key, peerMag, m_lifetime);
    }
}

} // namespace ns3
