/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-local-routing-extension.h"

#include "lma-local-routing-monitor.h"
#include "lma-localized-routing.h"
#include "lma-prefix-directory.h"
#include "local-routing-optimization-header.h"
#include "local-routing-options.h"
#include "local-routing-policy.h"
#include "mobility-l4-protocol.h"
#include "pmipv6-lma-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaLocalRoutingExtension");

NS_OBJECT_ENSURE_REGISTERED(LmaLocalRoutingExtension);

void
LmaLocalRoutingExtension::SetIpv4Of(Ptr<MnCnPairOption> option, Ptr<const BindingCacheEntry> entry)
{
    if (entry && !entry->ipv4HomeAddress.IsAny())
    {
        option->SetIpv4(entry->ipv4HomeAddress, entry->ipv4ProxyCoa);
    }
}

void
LmaLocalRoutingExtension::CopyIpv4(Ptr<MnCnPairOption> option, Ptr<const MnCnPairOption> from)
{
    if (from && from->HasIpv4())
    {
        option->SetIpv4(from->GetIpv4HomeAddress(), from->GetIpv4ProxyCoa());
    }
}

TypeId
LmaLocalRoutingExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LmaLocalRoutingExtension")
            .SetParent<Pmipv6LmaExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<LmaLocalRoutingExtension>()
            .AddAttribute("AllowLocalRouting",
                          "Allow MAGs to route the traffic of two MNs anchored here without the "
                          "LMA (false: every LROREQ is answered with LRI 0).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaLocalRoutingExtension::m_allow),
                          MakeBooleanChecker())
            .AddAttribute("EnableDetectLocalRouting",
                          "Detect relayed traffic between two anchored MNs and let the Policy "
                          "start LMA-initiated local routing (draft-wu-netext-local-ro 4.2, 5.2).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LmaLocalRoutingExtension::m_detect),
                          MakeBooleanChecker())
            .AddAttribute("FollowHandover",
                          "Re-initiate the local routing of an optimised pair when one of its "
                          "MNs moves to another MAG (4.2.1, Figure 5).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaLocalRoutingExtension::m_followHandover),
                          MakeBooleanChecker())
            .AddAttribute("Policy",
                          "When a detected pair is optimised (a LocalRoutingPolicy).",
                          PointerValue(CreateObject<FirstPacketLocalRoutingPolicy>()),
                          MakePointerAccessor(&LmaLocalRoutingExtension::m_policy),
                          MakePointerChecker<LocalRoutingPolicy>())
            .AddAttribute("Lifetime",
                          "Lifetime of LMA-initiated local routing (LROREQ Lifetime).",
                          TimeValue(Seconds(120)),
                          MakeTimeAccessor(&LmaLocalRoutingExtension::m_lifetime),
                          MakeTimeChecker(Seconds(1)))
            .AddAttribute(
                "Protocol",
                "Signalling of LMA-initiated local routing: Draft004 (LROREQ / "
                "LRORSP, MAG-MAG PBU / PBA) or Rfc6705 (LRI / LRA, MH 17 / 18).",
                EnumValue(PROTOCOL_DRAFT004),
                MakeEnumAccessor(&LmaLocalRoutingExtension::m_protocol),
                MakeEnumChecker(PROTOCOL_DRAFT004, "Draft004", PROTOCOL_RFC6705, "Rfc6705"))
            .AddAttribute("PeerDirectory",
                          "The domain's home network prefix blocks and the LMA of each (an "
                          "LmaPrefixDirectory, draft-wu-netext-local-ro 7 (a)): enables "
                          "inter-LMA local routing (7, A.2) for CNs of the other LMAs (null: "
                          "none).",
                          PointerValue(),
                          MakePointerAccessor(&LmaLocalRoutingExtension::m_directory),
                          MakePointerChecker<LmaPrefixDirectory>())
            .AddAttribute("CorrespondentPrefixLength",
                          "Length of the prefix of an MN anchored at another LMA in an LMA RO "
                          "Start Request (the peer LMA answers with the prefix it assigned).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&LmaLocalRoutingExtension::m_cnPrefixLength),
                          MakeUintegerChecker<uint8_t>(1, 128))
            .AddTraceSource("Decision",
                            "The LMA allowed (LRI 1 or 2) or refused (0) a pair.",
                            MakeTraceSourceAccessor(&LmaLocalRoutingExtension::m_decisionTrace),
                            "ns3::LmaLocalRoutingExtension::DecisionTracedCallback");
    return tid;
}

LmaLocalRoutingExtension::LmaLocalRoutingExtension()
    : m_allow(true),
      m_detect(false),
      m_followHandover(true),
      m_lifetime(Seconds(120)),
      m_requests(0),
      m_protocol(PROTOCOL_DRAFT004),
      m_contextAnswers(0)
{
    NS_LOG_FUNCTION(this);
}

LmaLocalRoutingExtension::~LmaLocalRoutingExtension()
{
    NS_LOG_FUNCTION(this);
}

void
LmaLocalRoutingExtension::DoDispose()
{
    for (auto& kv : m_pairs)
    {
        kv.second.expiry.Cancel();
    }
    m_pairs.clear();
    m_byPrefix.clear();
    m_monitor = nullptr;
    m_policy = nullptr;
    if (m_rfc6705)
    {
        m_rfc6705->Dispose();
        m_rfc6705 = nullptr;
    }
    m_directory = nullptr;
    Pmipv6LmaExtension::DoDispose();
}

std::string
LmaLocalRoutingExtension::GetName() const
{
    return "local routing optimization (draft-wu-netext-local-ro-02)";
}

std::vector<uint8_t>
LmaLocalRoutingExtension::GetMhTypes() const
{
    std::vector<uint8_t> types{mip6::MH_LOCAL_ROUTING_OPTIMIZATION,
                               mip6::MH_LMA_RO_START_REQUEST,
                               mip6::MH_LMA_RO_START_RESPONSE};
    if (m_protocol == PROTOCOL_RFC6705)
    {
        types.push_back(mip6::MH_LOCALIZED_ROUTING_ACK);
    }
    return types;
}

void
LmaLocalRoutingExtension::DoStart()
{
    m_monitor = LmaLocalRoutingMonitor::Install(GetLma()->GetNode());
    m_monitor->SetBindingCache(GetLma()->GetBindingCache());
    if (m_detect)
    {
        m_monitor->SetDetectCallback(MakeCallback(&LmaLocalRoutingExtension::Detect, this));
    }
    if (m_directory)
    {
        m_monitor->SetPeerDirectory(m_directory, GetLma()->GetAddress());
        if (m_detect)
        {
            m_monitor->SetInterLmaDetectCallback(
                MakeCallback(&LmaLocalRoutingExtension::DetectInterLma, this));
        }
    }
    if (m_protocol == PROTOCOL_RFC6705)
    {
        m_rfc6705 = CreateObject<LmaLocalizedRouting>();
        m_rfc6705->Setup(GetLma(), MakeCallback(&LmaLocalRoutingExtension::Rfc6705Refused, this));
    }
}

Ptr<LmaLocalizedRouting>
LmaLocalRoutingExtension::GetLocalizedRouting() const
{
    return m_rfc6705;
}

void
LmaLocalRoutingExtension::Rfc6705Refused(HomeNetworkPrefix a, HomeNetworkPrefix b, uint8_t status)
{
    auto it = m_pairs.find(KeyOf(a, b));
    if (it != m_pairs.end())
    {
        it->second.lmaInitiated = false; // not re-initiated after a handover either
    }
    m_decisionTrace(a.prefix, b.prefix, mip6::LRI_NOT_AVAILABLE, "MAG");
    NS_LOG_INFO("LMA: LRA status " << +status << ": localized routing of " << a << " <-> " << b
                                   << " refused");
}

Ptr<LmaLocalRoutingMonitor>
LmaLocalRoutingExtension::GetMonitor() const
{
    return m_monitor;
}

uint64_t
LmaLocalRoutingExtension::GetRelayedCount() const
{
    return m_monitor ? m_monitor->GetRelayedCount() : 0;
}

uint64_t
LmaLocalRoutingExtension::GetResponseCount(uint8_t lri) const
{
    auto it = m_responses.find(lri);
    return it == m_responses.end() ? 0 : it->second;
}

uint64_t
LmaLocalRoutingExtension::GetMagResponseCount(uint8_t lri) const
{
    auto it = m_magResponses.find(lri);
    return it == m_magResponses.end() ? 0 : it->second;
}

uint64_t
LmaLocalRoutingExtension::GetRequestCount() const
{
    return m_requests;
}

LmaLocalRoutingExtension::PairKey
LmaLocalRoutingExtension::KeyOf(const HomeNetworkPrefix& a, const HomeNetworkPrefix& b)
{
    return b < a ? PairKey(b, a) : PairKey(a, b);
}

HomeNetworkPrefix
LmaLocalRoutingExtension::PrefixOf(Ptr<const BindingCacheEntry> e, Ipv6Address a)
{
    for (const auto& hnp : e->homeNetworkPrefixes)
    {
        if (a.CombinePrefix(Ipv6Prefix(hnp.length)) == hnp.prefix)
        {
            return hnp;
        }
    }
    return HomeNetworkPrefix();
}

void
LmaLocalRoutingExtension::Receive(uint8_t mhType,
                                  Ptr<Packet> p,
                                  const Ipv6Header& ip,
                                  uint32_t /* interface */)
{
    if (mhType == mip6::MH_LOCALIZED_ROUTING_ACK && m_rfc6705)
    {
        m_rfc6705->ReceiveLra(p, ip);
        return;
    }
    if (mhType == mip6::MH_LMA_RO_START_REQUEST || mhType == mip6::MH_LMA_RO_START_RESPONSE)
    {
        ReceiveRoStart(mhType, p, ip);
        return;
    }
    Ptr<MobilityL4Protocol> mobility = GetLma()->GetMobilityProtocol();
    uint8_t bytes[16];
    uint32_t n = std::min<uint32_t>(p->GetSize(), sizeof(bytes));
    p->CopyData(bytes, n);
    bool response = false;
    if (!LocalRoutingOptimizationHeader::ReadResponseFlag(bytes, n, response))
    {
        mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
        return;
    }
    if (!response)
    {
        HandleMagRequest(p, ip);
        return;
    }
    LocalRoutingOptimizationResponseHeader rsp;
    if (!mobility->Decode(p, ip, rsp))
    {
        return;
    }
    if (!GetLma()->GetSignalling()->HandleReply(ip.GetSource(), 1, rsp.GetSequence(), rsp, ip))
    {
        mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
    }
}

void
LmaLocalRoutingExtension::HandleMagRequest(Ptr<Packet> p, const Ipv6Header& ip)
{
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    LocalRoutingOptimizationRequestHeader req;
    if (!lma->GetMobilityProtocol()->Decode(p, ip, req))
    {
        return;
    }
    if (HandleInterLmaMagRequest(req, ip))
    {
        return;
    }
    Ptr<BindingCache> cache = lma->GetBindingCache();
    Ptr<MobileNodeIdentifierOption> mnId = req.GetOptions().Find<MobileNodeIdentifierOption>();
    Ptr<HomeNetworkPrefixOption> cnHnp = req.GetOptions().Find<HomeNetworkPrefixOption>();
    Ptr<BindingCacheEntry> mn;
    if (mnId)
    {
        for (const auto& e : cache->FindByMnId(mnId->GetNai()))
        {
            if (e->proxyCoa == ip.GetSource() && e->state == BindingCacheEntry::ACTIVE)
            {
                mn = e;
            }
        }
    }
    Ptr<BindingCacheEntry> cn;
    if (cnHnp)
    {
        cn = cache->FindByAddress(cnHnp->GetPrefix());
    }
    uint8_t lri = mip6::LRI_NOT_AVAILABLE;
    if (m_allow && mn && cn && cn != mn && cn->state == BindingCacheEntry::ACTIVE &&
        !mn->homeNetworkPrefixes.empty())
    {
        bool sameMag = cn->proxyCoa == mn->proxyCoa;
        if (req.GetLri() == mip6::LRI_INTRA_MAG)
        {
            lri = sameMag ? mip6::LRI_INTRA_MAG : mip6::LRI_NOT_AVAILABLE; // 5.2
        }
        else if (req.GetLri() == mip6::LRI_NOT_AVAILABLE || req.GetLri() == mip6::LRI_INTRA_LMA)
        {
            lri = sameMag ? mip6::LRI_INTRA_MAG : mip6::LRI_INTRA_LMA;
        }
    }
    LocalRoutingOptimizationResponseHeader rsp;
    rsp.SetSequence(req.GetSequence());
    rsp.SetLri(lri);
    rsp.SetLifetime(lri == mip6::LRI_NOT_AVAILABLE ? 0 : req.GetLifetime());
    Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
    lro->SetLri(lri);
    rsp.AddOption(lro);
    HomeNetworkPrefix mnPrefix = mn && !mn->homeNetworkPrefixes.empty()
                                     ? mn->homeNetworkPrefixes.front()
                                     : HomeNetworkPrefix();
    HomeNetworkPrefix cnPrefix = cn ? PrefixOf(cn, cnHnp->GetPrefix()) : HomeNetworkPrefix();
    if (lri != mip6::LRI_NOT_AVAILABLE)
    {
        Ptr<MnCnPairOption> own = Create<MnCnPairOption>();
        own->SetHomeNetworkPrefix(mnPrefix.prefix, mnPrefix.length);
        own->SetProxyCoa(mn->proxyCoa);
        SetIpv4Of(own, mn);
        rsp.AddOption(own);
        Ptr<MnCnPairOption> peer = Create<MnCnPairOption>();
        peer->SetHomeNetworkPrefix(cnPrefix.prefix, cnPrefix.length);
        peer->SetProxyCoa(cn->proxyCoa);
        SetIpv4Of(peer, cn);
        rsp.AddOption(peer);
        Remember(mnPrefix, cnPrefix, Seconds(req.GetLifetime()), false);
    }
    m_responses[lri]++;
    NS_LOG_INFO("LMA: LROREQ from MAG "
                << ip.GetSource() << " for " << (mnId ? mnId->GetNai() : "?") << " -> "
                << (cnHnp ? cnHnp->GetPrefix() : Ipv6Address()) << ": LRI " << +lri);
    m_decisionTrace(mnPrefix.prefix,
                    cnHnp ? cnHnp->GetPrefix() : Ipv6Address::GetAny(),
                    lri,
                    "MAG");
    lma->GetMobilityProtocol()->Send(rsp, lma->GetAddress(), ip.GetSource());
}

void
LmaLocalRoutingExtension::Remember(const HomeNetworkPrefix& a,
                                   const HomeNetworkPrefix& b,
                                   Time lifetime,
                                   bool lmaInitiated)
{
    PairKey key = KeyOf(a, b);
    Pair& pair = m_pairs[key];
    pair.lmaInitiated = pair.lmaInitiated || lmaInitiated;
    pair.expiry.Cancel();
    pair.expiry = Simulator::Schedule(lifetime, &LmaLocalRoutingExtension::Forget, this, key);
    m_byPrefix[a].insert(key);
    m_byPrefix[b].insert(key);
}

void
LmaLocalRoutingExtension::Forget(PairKey key)
{
    auto it = m_pairs.find(key);
    if (it == m_pairs.end())
    {
        return;
    }
    it->second.expiry.Cancel();
    if (it->second.roStartTx != 0)
    {
        GetLma()->GetSignalling()->Cancel(it->second.roStartTx);
    }
    m_pairs.erase(it);
    for (const auto& prefix : {key.first, key.second})
    {
        auto p = m_byPrefix.find(prefix);
        if (p != m_byPrefix.end())
        {
            p->second.erase(key);
            if (p->second.empty())
            {
                m_byPrefix.erase(p);
            }
        }
    }
    if (m_policy)
    {
        m_policy->Reset(key.first.prefix, key.second.prefix);
    }
}

void
LmaLocalRoutingExtension::Detect(Ipv6Address src, Ipv6Address dst, uint32_t size)
{
    Ptr<BindingCache> cache = GetLma()->GetBindingCache();
    Ptr<BindingCacheEntry> mn = cache->FindByAddress(src);
    Ptr<BindingCacheEntry> cn = cache->FindByAddress(dst);
    if (!mn || !cn || mn == cn || mn->state != BindingCacheEntry::ACTIVE ||
        cn->state != BindingCacheEntry::ACTIVE)
    {
        return;
    }
    HomeNetworkPrefix a = PrefixOf(mn, src);
    HomeNetworkPrefix b = PrefixOf(cn, dst);
    PairKey key = KeyOf(a, b);
    if (m_pairs.count(key) != 0)
    {
        return;
    }
    if (m_policy && m_policy->Observe(key.first.prefix, key.second.prefix, size))
    {
        NS_LOG_INFO("LMA: relayed traffic " << src << " -> " << dst
                                            << ": initiating local routing");
        Initiate(mn, a, cn, b, m_lifetime);
    }
}

bool
LmaLocalRoutingExtension::StartLocalRouting(Ipv6Address mnAddress, Ipv6Address cnAddress)
{
    Ptr<BindingCache> cache = GetLma()->GetBindingCache();
    Ptr<BindingCacheEntry> mn = cache->FindByAddress(mnAddress);
    Ptr<BindingCacheEntry> cn = cache->FindByAddress(cnAddress);
    Ipv6Address peerLma;
    if (mn && !cn && PeerLmaOf(cnAddress, peerLma))
    {
        // inter-LMA (A.2)
        HomeNetworkPrefix a = PrefixOf(mn, mnAddress);
        HomeNetworkPrefix b(cnAddress, m_cnPrefixLength);
        if (m_pairs.count(KeyOf(a, b)) != 0)
        {
            return false;
        }
        InitiateInterLma(mn, a, b, peerLma, m_lifetime);
        return true;
    }
    if (!mn || !cn || mn == cn)
    {
        return false;
    }
    HomeNetworkPrefix a = PrefixOf(mn, mnAddress);
    HomeNetworkPrefix b = PrefixOf(cn, cnAddress);
    if (m_pairs.count(KeyOf(a, b)) != 0)
    {
        return false;
    }
    Initiate(mn, a, cn, b, m_lifetime);
    return true;
}

bool
LmaLocalRoutingExtension::StopLocalRouting(Ipv6Address mnAddress, Ipv6Address cnAddress)
{
    Ptr<BindingCache> cache = GetLma()->GetBindingCache();
    Ptr<BindingCacheEntry> mn = cache->FindByAddress(mnAddress);
    Ptr<BindingCacheEntry> cn = cache->FindByAddress(cnAddress);
    Ipv6Address peerLma;
    if (mn && !cn && PeerLmaOf(cnAddress, peerLma))
    {
        InitiateInterLma(mn,
                         PrefixOf(mn, mnAddress),
                         HomeNetworkPrefix(cnAddress, m_cnPrefixLength),
                         peerLma,
                         Seconds(0));
        return true;
    }
    if (!mn || !cn || mn == cn)
    {
        return false;
    }
    Initiate(mn, PrefixOf(mn, mnAddress), cn, PrefixOf(cn, cnAddress), Seconds(0));
    return true;
}

void
LmaLocalRoutingExtension::Initiate(Ptr<BindingCacheEntry> mn,
                                   const HomeNetworkPrefix& mnHnp,
                                   Ptr<BindingCacheEntry> cn,
                                   const HomeNetworkPrefix& cnHnp,
                                   Time lifetime)
{
    bool sameMag = mn->proxyCoa == cn->proxyCoa;
    uint8_t lri =
        m_allow ? (sameMag ? mip6::LRI_INTRA_MAG : mip6::LRI_INTRA_LMA) : mip6::LRI_NOT_AVAILABLE;
    m_decisionTrace(mnHnp.prefix, cnHnp.prefix, lri, "LMA");
    if (lri == mip6::LRI_NOT_AVAILABLE)
    {
        return;
    }
    if (lifetime.IsZero())
    {
        Forget(KeyOf(mnHnp, cnHnp));
    }
    else
    {
        Remember(mnHnp, cnHnp, lifetime, true);
    }
    if (m_rfc6705)
    {
        m_rfc6705->Initiate(mn, mnHnp, cn, cnHnp, lifetime);
        return;
    }
    SendRequest(mn->proxyCoa, lri, mnHnp, mn->proxyCoa, cnHnp, cn->proxyCoa, lifetime);
    if (!sameMag)
    {
        SendRequest(cn->proxyCoa, lri, cnHnp, cn->proxyCoa, mnHnp, mn->proxyCoa, lifetime);
    }
}

void
LmaLocalRoutingExtension::SendRequest(Ipv6Address mag,
                                      uint8_t lri,
                                      const HomeNetworkPrefix& own,
                                      Ipv6Address ownCoa,
                                      const HomeNetworkPrefix& peer,
                                      Ipv6Address peerCoa,
                                      Time lifetime,
                                      Ptr<const MnCnPairOption> peerIpv4)
{
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    Ptr<SignallingTransactionManager> sig = lma->GetSignalling();
    LocalRoutingOptimizationRequestHeader req;
    uint16_t seq = sig->NextSequence(mag);
    req.SetSequence(seq);
    req.SetLri(lri);
    req.SetLifetime(static_cast<uint16_t>(std::min(std::ceil(lifetime.GetSeconds()), 65535.0)));
    Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
    lro->SetLri(lri);
    req.AddOption(lro);
    Ptr<MnCnPairOption> first = Create<MnCnPairOption>();
    first->SetHomeNetworkPrefix(own.prefix, own.length);
    first->SetProxyCoa(ownCoa);
    SetIpv4Of(first, lma->GetBindingCache()->FindByAddress(own.prefix));
    req.AddOption(first);
    Ptr<MnCnPairOption> second = Create<MnCnPairOption>();
    second->SetHomeNetworkPrefix(peer.prefix, peer.length);
    second->SetProxyCoa(peerCoa);
    Ptr<BindingCacheEntry> peerEntry = lma->GetBindingCache()->FindByAddress(peer.prefix);
    if (peerEntry)
    {
        SetIpv4Of(second, peerEntry);
    }
    else
    {
        CopyIpv4(second, peerIpv4); // the other LMA's MN (A.2.1)
    }
    req.AddOption(second);
    if (!lifetime.IsZero())
    {
        Ptr<ContextRequestOption> context = Create<ContextRequestOption>();
        context->AddRequest(mip6::OPT_MOBILE_NODE_LINK_LAYER_ID);
        req.AddOption(context);
    }
    SignallingTransactionManager::Request r(lma->GetAddress(),
                                            mag,
                                            mip6::MH_LOCAL_ROUTING_OPTIMIZATION,
                                            1,
                                            seq);
    r.onReply = MakeCallback(&LmaLocalRoutingExtension::HandleResponse, this);
    sig->Start(req, r);
    m_requests++;
    NS_LOG_INFO("LMA: LROREQ LRI " << +lri << " lifetime " << lifetime.As(Time::S) << " to MAG "
                                   << mag << " for " << own << " <-> " << peer);
}

void
LmaLocalRoutingExtension::HandleResponse(SignallingTransactionManager::TransactionId /* id */,
                                         const MobilityHeader& reply,
                                         const Ipv6Header& ip)
{
    const auto* rsp = dynamic_cast<const LocalRoutingOptimizationResponseHeader*>(&reply);
    if (!rsp)
    {
        return;
    }
    m_magResponses[rsp->GetLri()]++;
    NS_LOG_INFO("LMA: LRORSP LRI " << +rsp->GetLri() << " from MAG " << ip.GetSource());
}

void
LmaLocalRoutingExtension::NotifyBinding(BindingEvent event,
                                        Ptr<BindingCacheEntry> entry,
                                        Ipv6Address /* previousProxyCoa */)
{
    for (const auto& prefix : entry->homeNetworkPrefixes)
    {
        auto p = m_byPrefix.find(prefix);
        if (p == m_byPrefix.end())
        {
            continue;
        }
        if (event == BINDING_MOVED && m_followHandover)
        {
            // after the PBA the LMA is sending now (Figure 5: PBA, then LROREQ); LMA-initiated
            // pairs only
            Simulator::ScheduleNow(&LmaLocalRoutingExtension::FollowMove, this, prefix);
        }
        else if (event == BINDING_DELETED || (event == BINDING_DEREGISTERED && !m_followHandover))
        // a de-registered MN may re-appear at another MAG (BINDING_MOVED): its pairs are
        // kept until the entry is deleted when FollowHandover is set
        {
            std::set<PairKey> keys = p->second;
            for (const auto& key : keys)
            {
                Forget(key);
            }
        }
    }
}

void
LmaLocalRoutingExtension::FollowMove(HomeNetworkPrefix prefix)
{
    auto p = m_byPrefix.find(prefix);
    if (p == m_byPrefix.end())
    {
        return;
    }
    Ptr<BindingCache> cache = GetLma()->GetBindingCache();
    std::set<PairKey> keys = p->second;
    for (const auto& key : keys)
    {
        auto it = m_pairs.find(key);
        if (it == m_pairs.end() || !it->second.lmaInitiated)
        {
            continue; // a MAG-initiated pair: the new MAG re-requests it (4.1.1)
        }
        HomeNetworkPrefix other = key.first == prefix ? key.second : key.first;
        Ipv6Address peerLma = it->second.peerLma;
        Forget(key);
        Ptr<BindingCacheEntry> mn = cache->FindByAddress(prefix.prefix);
        if (!peerLma.IsAny())
        {
            // inter-LMA (A.2): the peer LMA learns the new Proxy-CoA from a new LMA RO Start
            if (mn && mn->state == BindingCacheEntry::ACTIVE)
            {
                NS_LOG_INFO("LMA: " << mn->mnId << " moved to " << mn->proxyCoa
                                    << ": re-initiating inter-LMA local routing with " << other);
                InitiateInterLma(mn, prefix, other, peerLma, m_lifetime);
            }
            continue;
        }
        Ptr<BindingCacheEntry> cn = cache->FindByAddress(other.prefix);
        if (mn && cn && mn != cn && mn->state == BindingCacheEntry::ACTIVE &&
            cn->state == BindingCacheEntry::ACTIVE)
        {
            NS_LOG_INFO("LMA: " << mn->mnId << " moved to " << mn->proxyCoa
                                << ": re-initiating local routing with " << other);
            Initiate(mn, prefix, cn, other, m_lifetime);
        }
    }
}

} // namespace ns3
