/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * LmaLocalRoutingExtension, inter-LMA part: draft-wu-netext-local-ro-02 7 (MAG-initiated,
 * Figure 6) and Appendix A.1 / A.2 (LMA-initiated with LMA RO Start Request / Response).
 */

#include "lma-local-routing-extension.h"
#include "lma-local-routing-monitor.h"
#include "lma-prefix-directory.h"
#include "local-routing-optimization-header.h"
#include "local-routing-options.h"
#include "local-routing-policy.h"
#include "mobility-l4-protocol.h"
#include "pmipv6-lma-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaLocalRoutingInterLma");

namespace
{

/**
 * \brief A lifetime in seconds for an LROREQ / LMA RO Start, capped.
 * \param t the lifetime
 * \return the seconds
 */
uint16_t
Seconds16(Time t)
{
    return static_cast<uint16_t>(std::min(std::ceil(t.GetSeconds()), 65535.0));
}

/**
 * \brief An MN-CN pair option.
 * \param hnp the prefix
 * \param coa the Proxy-CoA (:: unknown)
 * \return the option
 */
Ptr<MnCnPairOption>
PairOption(const HomeNetworkPrefix& hnp, Ipv6Address coa)
{
    Ptr<MnCnPairOption> o = Create<MnCnPairOption>();
    o->SetHomeNetworkPrefix(hnp.prefix, hnp.length);
    o->SetProxyCoa(coa);
    return o;
}

/**
 * \brief The prefix an MN-CN pair option carries.
 * \param o the option
 * \return its prefix
 */
HomeNetworkPrefix
PrefixIn(Ptr<const MnCnPairOption> o)
{
    return HomeNetworkPrefix(o->GetHomeNetworkPrefix(), o->GetPrefixLength());
}

} // namespace

uint64_t
LmaLocalRoutingExtension::GetInterLmaRelayedCount() const
{
    return m_monitor ? m_monitor->GetInterLmaRelayedCount() : 0;
}

uint64_t
LmaLocalRoutingExtension::GetRoStartRequestCount() const
{
    return m_roStartRequests;
}

uint64_t
LmaLocalRoutingExtension::GetRoStartResponseCount(uint8_t status) const
{
    auto it = m_roStartResponses.find(status);
    return it == m_roStartResponses.end() ? 0 : it->second;
}

bool
LmaLocalRoutingExtension::PeerLmaOf(Ipv6Address a, Ipv6Address& lma) const
{
    return m_directory && m_directory->Lookup(a, lma) && lma != GetLma()->GetAddress();
}

bool
LmaLocalRoutingExtension::HandleInterLmaMagRequest(const LocalRoutingOptimizationRequestHeader& req,
                                                   const Ipv6Header& ip)
{
    if (!m_directory)
    {
        return false;
    }
    if (req.GetLri() == mip6::LRI_INTER_LMA)
    {
        AnswerPeerMagRequest(req, ip);
        return true;
    }
    // Figure 6, first exchange: our MAG asks for a CN we do not anchor ("LROREQ(CN)")
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    Ptr<BindingCache> cache = lma->GetBindingCache();
    Ptr<HomeNetworkPrefixOption> cnHnp = req.GetOptions().Find<HomeNetworkPrefixOption>();
    Ptr<MobileNodeIdentifierOption> mnId = req.GetOptions().Find<MobileNodeIdentifierOption>();
    Ipv6Address peerLma;
    if (!cnHnp || !mnId || cache->FindByAddress(cnHnp->GetPrefix()) ||
        !PeerLmaOf(cnHnp->GetPrefix(), peerLma))
    {
        return false; // intra-LMA, or unknown: the intra-LMA code answers (LRI 0)
    }
    Ptr<BindingCacheEntry> mn;
    for (const auto& e : cache->FindByMnId(mnId->GetNai()))
    {
        if (e->proxyCoa == ip.GetSource() && e->state == BindingCacheEntry::ACTIVE &&
            !e->homeNetworkPrefixes.empty())
        {
            mn = e;
        }
    }
    if (!m_allow || !mn || req.GetLri() == mip6::LRI_INTRA_MAG)
    {
        return false; // refused by the intra-LMA code (LRI 0)
    }
    // "LMA2 Discovery" (7 a): the prefix table gave LMA2
    HomeNetworkPrefix mnPrefix = mn->homeNetworkPrefixes.front();
    HomeNetworkPrefix cnPrefix(cnHnp->GetPrefix(), cnHnp->GetPrefixLength());
    LocalRoutingOptimizationResponseHeader rsp;
    rsp.SetSequence(req.GetSequence());
    rsp.SetLri(mip6::LRI_INTER_LMA);
    rsp.SetLifetime(req.GetLifetime());
    Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
    lro->SetLri(mip6::LRI_INTER_LMA);
    rsp.AddOption(lro);
    Ptr<MnCnPairOption> own = PairOption(mnPrefix, mn->proxyCoa);
    SetIpv4Of(own, mn);
    rsp.AddOption(own);
    // "LRORSP(LMA2)": LMA2's address in the CN's Proxy-CoA field (the module's reading)
    rsp.AddOption(PairOption(cnPrefix, peerLma));
    Remember(mnPrefix, cnPrefix, Seconds(req.GetLifetime()), false);
    m_pairs[KeyOf(mnPrefix, cnPrefix)].peerLma = peerLma;
    m_responses[mip6::LRI_INTER_LMA]++;
    NS_LOG_INFO("LMA " << lma->GetAddress() << ": LROREQ from MAG " << ip.GetSource() << " for "
                       << mnId->GetNai() << " -> " << cnPrefix << ": CN at LMA " << peerLma
                       << ", LRI 3");
    m_decisionTrace(mnPrefix.prefix, cnPrefix.prefix, mip6::LRI_INTER_LMA, "MAG");
    lma->GetMobilityProtocol()->Send(rsp, lma->GetAddress(), ip.GetSource());
    return true;
}

void
LmaLocalRoutingExtension::AnswerPeerMagRequest(const LocalRoutingOptimizationRequestHeader& req,
                                               const Ipv6Header& ip)
{
    // Figure 6, second exchange at LMA2: "LROREQ(MN, MAG1, CN)" -> "LRORSP(CN, MAG2)"
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    Ptr<BindingCache> cache = lma->GetBindingCache();
    std::vector<Ptr<MnCnPairOption>> pairs = req.GetOptions().FindAll<MnCnPairOption>();
    Ptr<BindingCacheEntry> cn;
    HomeNetworkPrefix mnPrefix;
    HomeNetworkPrefix cnPrefix;
    Ipv6Address mnLma;
    bool remove = req.GetLifetime() == 0;
    if (pairs.size() >= 2)
    {
        mnPrefix = PrefixIn(pairs[0]);
        cn = cache->FindByAddress(pairs[1]->GetHomeNetworkPrefix());
        if (cn)
        {
            cnPrefix = PrefixOf(cn, pairs[1]->GetHomeNetworkPrefix());
        }
    }
    // the MN must be of another LMA of the domain and speak through its own MAG
    bool ok = m_allow && cn && cn->state == BindingCacheEntry::ACTIVE && mnPrefix.length > 0 &&
              pairs[0]->GetProxyCoa() == ip.GetSource() && !cache->FindByAddress(mnPrefix.prefix) &&
              PeerLmaOf(mnPrefix.prefix, mnLma);
    uint8_t lri = ok ? mip6::LRI_INTER_LMA : mip6::LRI_NOT_AVAILABLE;
    LocalRoutingOptimizationResponseHeader rsp;
    rsp.SetSequence(req.GetSequence());
    rsp.SetLri(lri);
    rsp.SetLifetime(ok ? req.GetLifetime() : 0);
    Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
    lro->SetLri(lri);
    rsp.AddOption(lro);
    if (ok)
    {
        // section 6 / A.2.1: the MN's IPv4 fields as its MAG sent them, the CN's ours
        Ptr<MnCnPairOption> first = PairOption(mnPrefix, ip.GetSource());
        CopyIpv4(first, pairs[0]);
        rsp.AddOption(first);
        Ptr<MnCnPairOption> second = PairOption(cnPrefix, cn->proxyCoa);
        SetIpv4Of(second, cn);
        rsp.AddOption(second);
        if (remove)
        {
            Forget(KeyOf(mnPrefix, cnPrefix));
        }
        else
        {
            Remember(mnPrefix, cnPrefix, Seconds(req.GetLifetime()), false);
            m_pairs[KeyOf(mnPrefix, cnPrefix)].peerLma = mnLma;
        }
    }
    m_responses[lri]++;
    NS_LOG_INFO("LMA " << lma->GetAddress() << ": LRI 3 LROREQ from MAG " << ip.GetSource()
                       << " (LMA " << mnLma << ") for " << mnPrefix << " -> "
                       << (pairs.size() >= 2 ? PrefixIn(pairs[1]) : HomeNetworkPrefix()) << ": LRI "
                       << +lri);
    m_decisionTrace(mnPrefix.prefix, cnPrefix.prefix, lri, "MAG");
    lma->GetMobilityProtocol()->Send(rsp, lma->GetAddress(), ip.GetSource());
}

void
LmaLocalRoutingExtension::DetectInterLma(Ipv6Address src, Ipv6Address dst, uint32_t size)
{
    // A.2: "a datagram ... whose destination address is a MN ... for which LMA1 has a binding
    // cache entry", from a MN of another LMA of the domain (the downlink of the pair)
    Ptr<BindingCacheEntry> mn = GetLma()->GetBindingCache()->FindByAddress(dst);
    Ipv6Address peerLma;
    if (!mn || mn->state != BindingCacheEntry::ACTIVE || !PeerLmaOf(src, peerLma))
    {
        return;
    }
    HomeNetworkPrefix a = PrefixOf(mn, dst);
    HomeNetworkPrefix b(src, m_cnPrefixLength);
    PairKey key = KeyOf(a, b);
    if (m_pairs.count(key) != 0)
    {
        return;
    }
    if (m_policy && m_policy->Observe(key.first.prefix, key.second.prefix, size))
    {
        NS_LOG_INFO("LMA " << GetLma()->GetAddress() << ": relayed traffic " << src << " -> " << dst
                           << " (LMA " << peerLma << "): LMA RO Start");
        InitiateInterLma(mn, a, b, peerLma, m_lifetime);
    }
}

void
LmaLocalRoutingExtension::InitiateInterLma(Ptr<BindingCacheEntry> mn,
                                           const HomeNetworkPrefix& mnHnp,
                                           const HomeNetworkPrefix& cnHnp,
                                           Ipv6Address peerLma,
                                           Time lifetime)
{
    if (!m_allow)
    {
        m_decisionTrace(mnHnp.prefix, cnHnp.prefix, mip6::LRI_NOT_AVAILABLE, "LMA");
        return;
    }
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    Ptr<SignallingTransactionManager> sig = lma->GetSignalling();
    PairKey key = KeyOf(mnHnp, cnHnp);
    if (lifetime.IsZero())
    {
        Forget(key);
    }
    else
    {
        // pending: no second detection while the exchange runs
        Remember(mnHnp, cnHnp, lifetime, true);
    }
    // A.1.1: the first MN-CN pair option is our MN with Proxy-CoA1, the second the CN with
    // Proxy-CoA zero
    LmaRoStartRequestHeader req;
    uint16_t seq = sig->NextSequence(peerLma);
    req.SetSequence(seq);
    req.SetLifetime(Seconds16(lifetime));
    // A.2.1: IPv6 messages between the LMAs, with the IPv4 fields (P flag) of our MN
    Ptr<MnCnPairOption> first = PairOption(mnHnp, mn->proxyCoa);
    SetIpv4Of(first, mn);
    req.AddOption(first);
    req.AddOption(PairOption(cnHnp, Ipv6Address::GetAny()));
    SignallingTransactionManager::Request r(lma->GetAddress(),
                                            peerLma,
                                            mip6::MH_LMA_RO_START_RESPONSE,
                                            0,
                                            seq);
    LmaLocalRoutingExtension* self = this;
    r.onReply = SignallingTransactionManager::ReplyCallback(
        [self, mnHnp, cnHnp, lifetime](SignallingTransactionManager::TransactionId,
                                       const MobilityHeader& reply,
                                       const Ipv6Header&) {
            self->HandleRoStartResponse(mnHnp, cnHnp, lifetime, reply);
        });
    r.onGiveUp = SignallingTransactionManager::GiveUpCallback(
        [self, key](SignallingTransactionManager::TransactionId) { self->RoStartGaveUp(key); });
    SignallingTransactionManager::TransactionId tx = sig->Start(req, r);
    auto it = m_pairs.find(key);
    if (it != m_pairs.end())
    {
        it->second.peerLma = peerLma;
        it->second.roStartTx = tx;
    }
    m_roStartRequests++;
    NS_LOG_INFO("LMA " << lma->GetAddress() << ": LMA RO Start Request to " << peerLma << " for "
                       << mnHnp << " (" << mn->proxyCoa << ") <-> " << cnHnp << ", lifetime "
                       << lifetime.As(Time::S));
}

void
LmaLocalRoutingExtension::RoStartGaveUp(PairKey key)
{
    auto it = m_pairs.find(key);
    if (it != m_pairs.end())
    {
        it->second.roStartTx = 0;
        NS_LOG_WARN("LMA " << GetLma()->GetAddress() << ": no LMA RO Start Response from "
                           << it->second.peerLma);
        Forget(key);
    }
}

void
LmaLocalRoutingExtension::ReceiveRoStart(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip)
{
    Ptr<MobilityL4Protocol> mobility = GetLma()->GetMobilityProtocol();
    if (mhType == mip6::MH_LMA_RO_START_REQUEST)
    {
        HandleRoStartRequest(p, ip);
        return;
    }
    LmaRoStartResponseHeader rsp;
    if (!mobility->Decode(p, ip, rsp))
    {
        return;
    }
    if (!GetLma()->GetSignalling()->HandleReply(ip.GetSource(), 0, rsp.GetSequence(), rsp, ip))
    {
        mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
    }
}

void
LmaLocalRoutingExtension::HandleRoStartRequest(Ptr<Packet> p, const Ipv6Header& ip)
{
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    LmaRoStartRequestHeader req;
    if (!lma->GetMobilityProtocol()->Decode(p, ip, req))
    {
        return;
    }
    Ptr<BindingCache> cache = lma->GetBindingCache();
    std::vector<Ptr<MnCnPairOption>> pairs = req.GetOptions().FindAll<MnCnPairOption>();
    Ptr<BindingCacheEntry> cn;
    HomeNetworkPrefix peerPrefix; // the requesting LMA's MN (MN1)
    HomeNetworkPrefix ownPrefix;  // ours (MN2, the "CN" of the request)
    if (pairs.size() >= 2)
    {
        peerPrefix = PrefixIn(pairs[0]);
        cn = cache->FindByAddress(pairs[1]->GetHomeNetworkPrefix());
        if (cn)
        {
            ownPrefix = PrefixOf(cn, pairs[1]->GetHomeNetworkPrefix());
        }
    }
    Ipv6Address peerLma;
    bool fromDomain =
        !m_directory || (PeerLmaOf(peerPrefix.prefix, peerLma) && peerLma == ip.GetSource());
    bool ok = m_allow && cn && cn->state == BindingCacheEntry::ACTIVE && peerPrefix.length > 0 &&
              !pairs[0]->GetProxyCoa().IsAny() && fromDomain;
    PairKey key = KeyOf(ownPrefix, peerPrefix);
    auto pending = m_pairs.find(key);
    if (ok && pending != m_pairs.end() && pending->second.roStartTx != 0)
    {
        // both LMAs started the pair at once: the request of the LMA with the smaller address
        // goes on, the other is refused
        if (lma->GetAddress() < ip.GetSource())
        {
            ok = false;
        }
        else
        {
            lma->GetSignalling()->Cancel(pending->second.roStartTx);
            pending->second.roStartTx = 0;
        }
    }
    uint8_t status = ok ? mip6::LMA_RO_START_ACCEPTED : mip6::LMA_RO_START_REJECTED_UNSPECIFIED;
    LmaRoStartResponseHeader rsp;
    rsp.SetStatus(status);
    rsp.SetSequence(req.GetSequence());
    rsp.SetLifetime(req.GetLifetime());
    if (ok)
    {
        // A.1.2: the pair options copied, the zero Proxy-CoA replaced by Proxy-CoA2
        Ptr<MnCnPairOption> first = PairOption(peerPrefix, pairs[0]->GetProxyCoa());
        CopyIpv4(first, pairs[0]);
        rsp.AddOption(first);
        Ptr<MnCnPairOption> second = PairOption(ownPrefix, cn->proxyCoa);
        SetIpv4Of(second, cn); // A.2.1: MN2's IPv4-MN-HoA and IPv4-Proxy-CoA
        rsp.AddOption(second);
    }
    m_roStartResponses[status]++;
    NS_LOG_INFO("LMA " << lma->GetAddress() << ": LMA RO Start Request from " << ip.GetSource()
                       << " for " << peerPrefix << " <-> "
                       << (pairs.size() >= 2 ? PrefixIn(pairs[1]) : HomeNetworkPrefix())
                       << ": status " << +status);
    lma->GetMobilityProtocol()->Send(rsp, lma->GetAddress(), ip.GetSource());
    m_decisionTrace(ownPrefix.prefix,
                    peerPrefix.prefix,
                    ok ? mip6::LRI_INTER_LMA : mip6::LRI_NOT_AVAILABLE,
                    "LMA");
    if (!ok)
    {
        return;
    }
    Time lifetime = Seconds(req.GetLifetime());
    if (lifetime.IsZero())
    {
        Forget(key);
    }
    else
    {
        Remember(ownPrefix, peerPrefix, lifetime, true);
        m_pairs[key].peerLma = ip.GetSource();
    }
    // A.2: "LMA2 sends LROREQ message to MAG2 at Proxy-CoA2"
    SendRequest(cn->proxyCoa,
                mip6::LRI_INTER_LMA,
                ownPrefix,
                cn->proxyCoa,
                peerPrefix,
                pairs[0]->GetProxyCoa(),
                lifetime,
                pairs[0]);
}

void
LmaLocalRoutingExtension::HandleRoStartResponse(HomeNetworkPrefix mnHnp,
                                                HomeNetworkPrefix cnHnp,
                                                Time lifetime,
                                                const MobilityHeader& reply)
{
    const auto* rsp = dynamic_cast<const LmaRoStartResponseHeader*>(&reply);
    PairKey key = KeyOf(mnHnp, cnHnp);
    auto it = m_pairs.find(key);
    Ipv6Address peerLma;
    if (it != m_pairs.end())
    {
        it->second.roStartTx = 0;
        peerLma = it->second.peerLma;
    }
    if (!rsp)
    {
        return;
    }
    std::vector<Ptr<MnCnPairOption>> pairs = rsp->GetOptions().FindAll<MnCnPairOption>();
    Ptr<BindingCacheEntry> mn = GetLma()->GetBindingCache()->FindByAddress(mnHnp.prefix);
    bool ok = rsp->IsAccepted() && pairs.size() >= 2 && PrefixIn(pairs[0]) == mnHnp &&
              !pairs[1]->GetProxyCoa().IsAny() && mn && mn->state == BindingCacheEntry::ACTIVE;
    NS_LOG_INFO("LMA " << GetLma()->GetAddress() << ": LMA RO Start Response status "
                       << +rsp->GetStatus() << " for " << mnHnp << " <-> " << cnHnp);
    if (!ok)
    {
        if (!lifetime.IsZero())
        {
            Forget(key);
            m_decisionTrace(mnHnp.prefix, cnHnp.prefix, mip6::LRI_NOT_AVAILABLE, "LMA");
        }
        return;
    }
    // the peer LMA names its MN's prefix as it assigned it
    HomeNetworkPrefix peerPrefix = PrefixIn(pairs[1]);
    Ipv6Address proxyCoa2 = pairs[1]->GetProxyCoa();
    if (!lifetime.IsZero())
    {
        if (!(peerPrefix == cnHnp))
        {
            Forget(key);
        }
        Remember(mnHnp, peerPrefix, lifetime, true);
        m_pairs[KeyOf(mnHnp, peerPrefix)].peerLma = peerLma;
        m_decisionTrace(mnHnp.prefix, peerPrefix.prefix, mip6::LRI_INTER_LMA, "LMA");
    }
    // A.2: "LMA1 sends LROREQ message to MAG1 at Proxy-CoA1"
    SendRequest(mn->proxyCoa,
                mip6::LRI_INTER_LMA,
                mnHnp,
                mn->proxyCoa,
                peerPrefix,
                proxyCoa2,
                lifetime,
                pairs[1]);
}

} // namespace ns3
