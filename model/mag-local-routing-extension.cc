/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mag-local-routing-extension.h"

#include "binding-update-header.h"
#include "ipv4-home-address-routing.h"
#include "ipv6-tunnel-l4-protocol.h"
#include "local-routing-optimization-header.h"
#include "local-routing-options.h"
#include "local-routing-policy.h"
#include "mag-local-route-table.h"
#include "mag-localized-routing.h"
#include "mag-routing.h"
#include "mobility-l4-protocol.h"
#include "pmipv6-ipv4-transport.h"
#include "pmipv6-mag-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagLocalRoutingExtension");

NS_OBJECT_ENSURE_REGISTERED(MagLocalRoutingExtension);

namespace
{

/**
 * \brief A lifetime in the 4-second units of a PBU / PBA (RFC 6275 6.1.7), capped.
 * \param t the lifetime
 * \return the units
 */
uint16_t
LifetimeUnits(Time t)
{
    double units = std::ceil(t.GetSeconds() / 4);
    return static_cast<uint16_t>(std::min(units, 65535.0));
}

/**
 * \brief A lifetime in seconds for an LROREQ / LRORSP, capped.
 * \param t the lifetime
 * \return the seconds
 */
uint16_t
LifetimeSeconds(Time t)
{
    return static_cast<uint16_t>(std::min(std::ceil(t.GetSeconds()), 65535.0));
}

} // namespace

std::string
MagLocalRoutingExtension::PairStateName(PairState s)
{
    switch (s)
    {
    case PAIR_REQUESTING:
        return "REQUESTING";
    case PAIR_ALLOWED:
        return "ALLOWED";
    case PAIR_ESTABLISHED:
        return "ESTABLISHED";
    case PAIR_REFUSED:
        return "REFUSED";
    case PAIR_REMOVED:
        return "REMOVED";
    }
    return "UNKNOWN";
}

TypeId
MagLocalRoutingExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagLocalRoutingExtension")
            .SetParent<Pmipv6MagExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MagLocalRoutingExtension>()
            .AddAttribute("EnableDetectLocalRouting",
                          "Detect traffic between an attached MN and a CN and let the Policy "
                          "start local routing optimization (draft-wu-netext-local-ro 4.1, 5.1).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MagLocalRoutingExtension::m_detect),
                          MakeBooleanChecker())
            .AddAttribute("AllowLocalRouting",
                          "The MAG's LocalRouting flag: accept PBUs from other MAGs and LROREQs "
                          "from the LMA (false: PBA status 129, LRORSP LRI 0).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MagLocalRoutingExtension::m_allow),
                          MakeBooleanChecker())
            .AddAttribute("Policy",
                          "When a detected pair is optimised (a LocalRoutingPolicy).",
                          PointerValue(CreateObject<FirstPacketLocalRoutingPolicy>()),
                          MakePointerAccessor(&MagLocalRoutingExtension::m_policy),
                          MakePointerChecker<LocalRoutingPolicy>())
            .AddAttribute("Lifetime",
                          "Lifetime requested in LROREQs and in PBUs to other MAGs.",
                          TimeValue(Seconds(120)),
                          MakeTimeAccessor(&MagLocalRoutingExtension::m_lifetime),
                          MakeTimeChecker(Seconds(4)))
            .AddAttribute("HoldDown",
                          "How long a refused pair is not requested again.",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&MagLocalRoutingExtension::m_holdDown),
                          MakeTimeChecker())
            .AddAttribute("CorrespondentPrefixLength",
                          "Length of the CN prefix sent in the LROREQ when the CN is not "
                          "attached to this MAG.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&MagLocalRoutingExtension::m_cnPrefixLength),
                          MakeUintegerChecker<uint8_t>(1, 128))
            .AddAttribute(
                "Protocol",
                "Local routing signalling: Draft004 (LROREQ / LRORSP, MAG-MAG PBU / "
                "PBA) or Rfc6705 (LRI / LRA from the LMA, MH 17 / 18; no detection "
                "at the MAG).",
                EnumValue(PROTOCOL_DRAFT004),
                MakeEnumAccessor(&MagLocalRoutingExtension::m_protocol),
                MakeEnumChecker(PROTOCOL_DRAFT004, "Draft004", PROTOCOL_RFC6705, "Rfc6705"))
            .AddAttribute("ContextTransfer",
                          "Ask the LMA for the local routing context of an MN in its initial "
                          "PBU (Context Request option for the MN-CN pair option) and take the "
                          "pairs over at once after a handover (4.1.1, Figure 3).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MagLocalRoutingExtension::m_contextTransfer),
                          MakeBooleanChecker())
            .AddAttribute("PeerBindingLifetime",
                          "Lifetime of the MAG-MAG binding (PBU to the peer MAG), refreshed "
                          "before it expires until the local routing lifetime ends (0: the "
                          "whole local routing lifetime, no refresh).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&MagLocalRoutingExtension::m_peerBindingLifetime),
                          MakeTimeChecker())
            .AddAttribute("PeerRefreshFraction",
                          "When the MAG-MAG binding is refreshed, as a fraction of its "
                          "lifetime.",
                          DoubleValue(0.8),
                          MakeDoubleAccessor(&MagLocalRoutingExtension::m_refreshFraction),
                          MakeDoubleChecker<double>(0.1, 0.95))
            .AddAttribute("TunnelLinger",
                          "How long a MAG-MAG tunnel still takes the peer's packets after a "
                          "pair's local route is removed (packets already on their way).",
                          TimeValue(MilliSeconds(500)),
                          MakeTimeAccessor(&MagLocalRoutingExtension::m_tunnelLinger),
                          MakeTimeChecker())
            .AddTraceSource("PairState",
                            "A pair's local routing state changed.",
                            MakeTraceSourceAccessor(&MagLocalRoutingExtension::m_stateTrace),
                            "ns3::MagLocalRoutingExtension::PairStateTracedCallback");
    return tid;
}

MagLocalRoutingExtension::MagLocalRoutingExtension()
    : m_detect(true),
      m_allow(true),
      m_lifetime(Seconds(120)),
      m_holdDown(Seconds(10)),
      m_cnPrefixLength(64),
      m_requests(0),
      m_peerPbus(0),
      m_protocol(PROTOCOL_DRAFT004),
      m_contextTransfer(true),
      m_peerBindingLifetime(Seconds(0)),
      m_refreshFraction(0.8),
      m_tunnelLinger(MilliSeconds(500)),
      m_contextPairs(0),
      m_peerRefreshes(0)
{
    NS_LOG_FUNCTION(this);
}

MagLocalRoutingExtension::~MagLocalRoutingExtension()
{
    NS_LOG_FUNCTION(this);
}

void
MagLocalRoutingExtension::DoDispose()
{
    for (auto& kv : m_pairs)
    {
        kv.second.expiry.Cancel();
        kv.second.refresh.Cancel();
    }
    m_pairs.clear();
    m_byMn.clear();
    m_byTransaction.clear();
    m_table = nullptr;
    m_policy = nullptr;
    if (m_rfc6705)
    {
        m_rfc6705->Dispose();
        m_rfc6705 = nullptr;
    }
    Pmipv6MagExtension::DoDispose();
}

size_t
MagLocalRoutingExtension::PairKeyHash::operator()(const PairKey& k) const
{
    HomeNetworkPrefixHash h;
    return h(k.first) * 31 + h(k.second);
}

std::string
MagLocalRoutingExtension::GetName() const
{
    return "local routing optimization (draft-wu-netext-local-ro-02)";
}

std::vector<uint8_t>
MagLocalRoutingExtension::GetMhTypes() const
{
    if (m_protocol == PROTOCOL_RFC6705)
    {
        return {mip6::MH_BINDING_UPDATE,
                mip6::MH_LOCAL_ROUTING_OPTIMIZATION,
                mip6::MH_LOCALIZED_ROUTING_INIT};
    }
    return {mip6::MH_BINDING_UPDATE, mip6::MH_LOCAL_ROUTING_OPTIMIZATION};
}

void
MagLocalRoutingExtension::DoStart()
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    m_table = MagLocalRouteTable::Install(mag->GetNode());
    m_table->SetMagRouting(mag->GetRouting());
    if (m_protocol == PROTOCOL_RFC6705)
    {
        m_rfc6705 = CreateObject<MagLocalizedRouting>();
        m_rfc6705->Setup(mag, m_table, m_allow, m_tunnelLinger);
    }
    else if (m_detect)
    {
        m_table->SetDetectCallback(MakeCallback(&MagLocalRoutingExtension::Detect, this));
    }
}

Ptr<MagLocalizedRouting>
MagLocalRoutingExtension::GetLocalizedRouting() const
{
    return m_rfc6705;
}

Ptr<MagLocalRouteTable>
MagLocalRoutingExtension::GetRouteTable() const
{
    return m_table;
}

uint64_t
MagLocalRoutingExtension::GetRequestCount() const
{
    return m_requests;
}

uint64_t
MagLocalRoutingExtension::GetPeerPbuCount() const
{
    return m_peerPbus;
}

uint64_t
MagLocalRoutingExtension::GetPeerPbaCount(uint8_t status) const
{
    auto it = m_peerPbas.find(status);
    return it == m_peerPbas.end() ? 0 : it->second;
}

uint32_t
MagLocalRoutingExtension::GetPairCount() const
{
    return m_pairs.size();
}

bool
MagLocalRoutingExtension::KeyOf(Ipv6Address mnAddress, Ipv6Address cnAddress, PairKey& key) const
{
    Ptr<BindingUpdateList> bul = GetMag()->GetBindingUpdateList();
    Ptr<BindingUpdateListEntry> mn = bul->FindByAddress(mnAddress);
    if (!mn || mn->homeNetworkPrefixes.empty())
    {
        return false;
    }
    HomeNetworkPrefix local;
    for (const auto& hnp : mn->homeNetworkPrefixes)
    {
        if (mnAddress.CombinePrefix(Ipv6Prefix(hnp.length)) == hnp.prefix)
        {
            local = hnp;
        }
    }
    HomeNetworkPrefix peer(cnAddress, m_cnPrefixLength);
    Ptr<BindingUpdateListEntry> cn = bul->FindByAddress(cnAddress);
    if (cn)
    {
        for (const auto& hnp : cn->homeNetworkPrefixes)
        {
            if (cnAddress.CombinePrefix(Ipv6Prefix(hnp.length)) == hnp.prefix)
            {
                peer = hnp;
            }
        }
    }
    key = PairKey(local, peer);
    return true;
}

void
MagLocalRoutingExtension::Detect(Ipv6Address src, Ipv6Address dst, uint32_t size)
{
    PairKey key;
    if (!KeyOf(src, dst, key) || m_pairs.count(key) != 0 ||
        m_pairs.count(PairKey(key.second, key.first)) != 0)
    {
        return; // known, or the reverse of an intra-MAG pair
    }
    Ptr<BindingUpdateListEntry> mn = GetMag()->GetBindingUpdateList()->FindByAddress(src);
    if (mn->state != BindingUpdateListEntry::REGISTERED &&
        mn->state != BindingUpdateListEntry::REFRESHING)
    {
        return;
    }
    if (m_policy && m_policy->Observe(src, dst, size))
    {
        NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": local routing detected " << src
                           << " -> " << dst);
        StartRequest(key, mn->mnId, mn->lmaAddress);
    }
}

bool
MagLocalRoutingExtension::RequestLocalRouting(Ipv6Address mnAddress, Ipv6Address cnAddress)
{
    PairKey key;
    if (!KeyOf(mnAddress, cnAddress, key) || m_pairs.count(key) != 0 ||
        m_pairs.count(PairKey(key.second, key.first)) != 0)
    {
        return false;
    }
    Ptr<BindingUpdateListEntry> mn = GetMag()->GetBindingUpdateList()->FindByAddress(mnAddress);
    StartRequest(key, mn->mnId, mn->lmaAddress);
    return true;
}

void
MagLocalRoutingExtension::StartRequest(const PairKey& key, const std::string& mnId, Ipv6Address lma)
{
    NS_LOG_FUNCTION(this << mnId << key.first << key.second);
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<SignallingTransactionManager> sig = mag->GetSignalling();
    bool intraMag = static_cast<bool>(mag->GetBindingUpdateList()->FindByPrefix(key.second));
    Pair& pair = m_pairs[key];
    pair.mnId = mnId;
    pair.lma = lma;
    pair.lri = intraMag ? mip6::LRI_INTRA_MAG : mip6::LRI_NOT_AVAILABLE;
    pair.lifetime = m_lifetime;
    m_byMn[mnId].insert(key);

    LocalRoutingOptimizationRequestHeader req;
    uint16_t seq = sig->NextSequence(lma);
    req.SetSequence(seq);
    req.SetLri(pair.lri);
    req.SetLifetime(LifetimeSeconds(m_lifetime));
    req.AddOption(Create<MobileNodeIdentifierOption>(mnId));
    Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
    lro->SetLri(pair.lri);
    req.AddOption(lro);
    req.AddOption(Create<HomeNetworkPrefixOption>(key.second.prefix, key.second.length));
    SignallingTransactionManager::Request r(mag->GetProxyCoa(),
                                            lma,
                                            mip6::MH_LOCAL_ROUTING_OPTIMIZATION,
                                            1,
                                            seq);
    r.onReply = MakeCallback(&MagLocalRoutingExtension::HandleResponse, this);
    r.onGiveUp = MakeCallback(&MagLocalRoutingExtension::RequestGaveUp, this);
    pair.tx = sig->Start(req, r);
    m_byTransaction[pair.tx] = key;
    m_requests++;
    SetState(key, pair, PAIR_REQUESTING);
}

void
MagLocalRoutingExtension::HandleResponse(SignallingTransactionManager::TransactionId id,
                                         const MobilityHeader& reply,
                                         const Ipv6Header& ip)
{
    auto t = m_byTransaction.find(id);
    if (t == m_byTransaction.end())
    {
        return;
    }
    PairKey key = t->second;
    m_byTransaction.erase(t);
    auto it = m_pairs.find(key);
    const auto* rsp = dynamic_cast<const LocalRoutingOptimizationResponseHeader*>(&reply);
    if (it == m_pairs.end() || !rsp)
    {
        return;
    }
    it->second.tx = 0;
    uint8_t lri = rsp->GetLri();
    Time lifetime = Seconds(rsp->GetLifetime());
    NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": LRORSP LRI " << +lri << " for " << key.first
                       << " -> " << key.second);
    // draft 004 section 6: the IPv4-MN-HoAs (and the CN's MAG's IPv4-Proxy-CoA) of the pair
    TakeIpv4HomeAddresses(key, rsp->GetOptions().FindAll<MnCnPairOption>());
    if (lri == mip6::LRI_INTRA_MAG)
    {
        if (EnableIntraMag(key, lifetime))
        {
            return;
        }
    }
    if (lri == mip6::LRI_INTER_LMA && HandleInterLmaResponse(key, *rsp, ip.GetSource(), lifetime))
    {
        return;
    }
    if (lri == mip6::LRI_INTRA_LMA)
    {
        Ipv6Address peerMag;
        for (const auto& pairOption : rsp->GetOptions().FindAll<MnCnPairOption>())
        {
            if (HomeNetworkPrefix(pairOption->GetHomeNetworkPrefix(),
                                  pairOption->GetPrefixLength()) == key.second)
            {
                peerMag = pairOption->GetProxyCoa();
            }
        }
        if (!peerMag.IsAny() && peerMag != GetMag()->GetProxyCoa())
        {
            AllowIntraLma(key, peerMag, lifetime);
            return;
        }
    }
    Refuse(key);
}

void
MagLocalRoutingExtension::RequestGaveUp(SignallingTransactionManager::TransactionId id)
{
    auto t = m_byTransaction.find(id);
    if (t == m_byTransaction.end())
    {
        return;
    }
    PairKey key = t->second;
    m_byTransaction.erase(t);
    NS_LOG_WARN("MAG " << GetMag()->GetProxyCoa() << ": no LRORSP for " << key.first << " -> "
                       << key.second);
    Refuse(key);
}

void
MagLocalRoutingExtension::Refuse(const PairKey& key)
{
    auto it = m_pairs.find(key);
    if (it == m_pairs.end())
    {
        return;
    }
    Pair& pair = it->second;
    if (pair.routed || pair.tunnel != 0)
    {
        RemovePair(key, pair.ownSent);
        return;
    }
    pair.lri = mip6::LRI_NOT_AVAILABLE;
    SetState(key, pair, PAIR_REFUSED);
    ArmExpiry(key, pair, m_holdDown);
}

bool
MagLocalRoutingExtension::EnableIntraMag(const PairKey& key, Time lifetime)
{
    Ptr<BindingUpdateList> bul = GetMag()->GetBindingUpdateList();
    Ptr<BindingUpdateListEntry> mn = bul->FindByPrefix(key.first);
    Ptr<BindingUpdateListEntry> cn = bul->FindByPrefix(key.second);
    auto it = m_pairs.find(key);
    if (!mn || !cn || it == m_pairs.end())
    {
        return false;
    }
    Pair& pair = it->second;
    pair.lri = mip6::LRI_INTRA_MAG;
    pair.peerMag = GetMag()->GetProxyCoa();
    pair.peerMnId = cn->mnId;
    pair.lifetime = lifetime;
    m_byMn[cn->mnId].insert(key);
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
    pair.routed = true;
    if (!pair.ipv4Mn.IsAny() && !pair.ipv4Cn.IsAny())
    {
        if (pair.ipv4Mn == mn->ipv4HomeAddress && pair.ipv4Cn == cn->ipv4HomeAddress)
        {
            RouteIpv4(pair, true);
        }
        else
        {
            NS_LOG_WARN("MAG " << GetMag()->GetProxyCoa() << ": IPv4-MN-HoAs " << pair.ipv4Mn
                               << " / " << pair.ipv4Cn << " are not those of " << mn->mnId << " / "
                               << cn->mnId << ": no IPv4 local route");
        }
    }
    SetState(key, pair, PAIR_ESTABLISHED);
    ArmExpiry(key, pair, lifetime);
    return true;
}

void
MagLocalRoutingExtension::AllowIntraLma(const PairKey& key,
                                        Ipv6Address peerMag,
                                        Time lifetime,
                                        uint8_t lri)
{
    auto it = m_pairs.find(key);
    if (it == m_pairs.end())
    {
        return;
    }
    Pair& pair = it->second;
    if (!peerMag.IsAny())
    {
        m_peerMags.insert(peerMag); // named by this MAG's LMA
    }
    pair.lri = lri;
    pair.lifetime = lifetime;
    pair.grantEnd = Simulator::Now() + lifetime;
    if (pair.peerMag != peerMag && pair.routed)
    {
        // the CN is at another MAG now: its old binding here goes
        m_table->RemoveRoute(key.first.prefix,
                             key.first.length,
                             key.second.prefix,
                             key.second.length);
        pair.routed = false;
        UnrouteIpv4ToPeer(pair);
    }
    if (pair.peerMag != peerMag)
    {
        pair.ownSent = false;
        pair.ownAccepted = false;
    }
    pair.peerMag = peerMag;
    if (pair.state != PAIR_ESTABLISHED)
    {
        SetState(key, pair, PAIR_ALLOWED);
    }
    ArmExpiry(key, pair, lifetime);
    LearnPeerTransport(pair);
    if (!pair.ownSent)
    {
        SendPeerPbu(key, pair, BindingLifetime(pair));
    }
}

void
MagLocalRoutingExtension::SendPeerPbu(const PairKey& key, Pair& pair, Time lifetime)
{
    NS_LOG_FUNCTION(this << pair.mnId << pair.peerMag << lifetime.As(Time::S));
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<SignallingTransactionManager> sig = mag->GetSignalling();
    BindingUpdateHeader pbu;
    uint16_t seq = sig->NextSequence(pair.peerMag);
    pbu.SetSequence(seq);
    pbu.SetLifetime(LifetimeUnits(lifetime));
    pbu.AddOption(Create<MobileNodeIdentifierOption>(pair.mnId));
    pbu.AddOption(Create<HomeNetworkPrefixOption>(key.first.prefix, key.first.length));
    Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
    lro->SetLri(pair.lri == mip6::LRI_INTER_LMA ? mip6::LRI_INTER_LMA : mip6::LRI_INTRA_LMA);
    pbu.AddOption(lro);
    Ptr<MnCnPairOption> cn = Create<MnCnPairOption>();
    cn->SetHomeNetworkPrefix(key.second.prefix, key.second.length);
    cn->SetProxyCoa(pair.peerMag);
    Ptr<MnCnPairOption> own = OwnIpv4PairOption(key);
    if (own && !pair.ipv4Cn.IsAny())
    {
        // draft 004 section 6: the IPv4-MN-HoAs of both ends, the target (the receiving MAG's
        // MN) first as 9.5 orders them, then this MAG's MN with its IPv4-Proxy-CoA
        cn->SetIpv4(pair.ipv4Cn, pair.ipv4PeerCoa);
    }
    pbu.AddOption(cn);
    if (own)
    {
        pbu.AddOption(own);
    }
    SignallingTransactionManager::Request r(mag->GetProxyCoa(),
                                            pair.peerMag,
                                            mip6::MH_BINDING_ACK,
                                            0,
                                            seq);
    MagLocalRoutingExtension* self = this;
    r.onReply = SignallingTransactionManager::ReplyCallback(
        [self, key, lifetime](SignallingTransactionManager::TransactionId,
                              const MobilityHeader& reply,
                              const Ipv6Header&) { self->HandlePeerPba(key, lifetime, reply); });
    if (!lifetime.IsZero())
    {
        r.onGiveUp = SignallingTransactionManager::GiveUpCallback(
            [self, key](SignallingTransactionManager::TransactionId) {
                self->RemovePair(key, false);
            });
        pair.ownSent = true;
        pair.ownExpiresAt = Simulator::Now() + Seconds(4.0 * pbu.GetLifetime());
    }
    sig->Start(pbu, r);
    m_peerPbus++;
}

void
MagLocalRoutingExtension::HandlePeerPba(PairKey key, Time lifetime, const MobilityHeader& reply)
{
    const auto* pba = dynamic_cast<const BindingAckHeader*>(&reply);
    auto it = m_pairs.find(key);
    if (!pba || lifetime.IsZero() || it == m_pairs.end())
    {
        return;
    }
    Pair& pair = it->second;
    if (pba->GetStatus() >= mip6::BA_UNSPECIFIED)
    {
        NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": peer MAG " << pair.peerMag
                           << " refused local routing, status " << +pba->GetStatus());
        pair.ownSent = false;
        Refuse(key);
        return;
    }
    pair.ownAccepted = true;
    if (pair.routed)
    {
        SetState(key, pair, PAIR_ESTABLISHED);
    }
    ScheduleRefresh(key, pair, Seconds(4.0 * pba->GetLifetime()));
}

void
MagLocalRoutingExtension::SendPeerPba(uint16_t pbaSeq,
                                      const std::string& mnId,
                                      const HomeNetworkPrefix& hnp,
                                      uint8_t status,
                                      uint16_t lifetime,
                                      Ipv6Address dst,
                                      uint8_t lri)
{
    BindingAckHeader pba;
    pba.SetSequence(pbaSeq);
    pba.SetStatus(status);
    pba.SetLifetime(status < mip6::BA_UNSPECIFIED ? lifetime : 0);
    if (!mnId.empty())
    {
        pba.AddOption(Create<MobileNodeIdentifierOption>(mnId));
    }
    pba.AddOption(Create<HomeNetworkPrefixOption>(hnp.prefix, hnp.length));
    Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
    lro->SetLri(status < mip6::BA_UNSPECIFIED ? lri : mip6::LRI_NOT_AVAILABLE);
    pba.AddOption(lro);
    m_peerPbas[status]++;
    GetMag()->GetMobilityProtocol()->Send(pba, GetMag()->GetProxyCoa(), dst);
}

void
MagLocalRoutingExtension::HandlePeerPbu(Ptr<Packet> p, const Ipv6Header& ip)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    BindingUpdateHeader pbu;
    if (!mag->GetMobilityProtocol()->Decode(p, ip, pbu))
    {
        return;
    }
    Ptr<MobileNodeIdentifierOption> mnId = pbu.GetOptions().Find<MobileNodeIdentifierOption>();
    Ptr<HomeNetworkPrefixOption> hnp = pbu.GetOptions().Find<HomeNetworkPrefixOption>();
    Ptr<MnCnPairOption> target = pbu.GetOptions().Find<MnCnPairOption>();
    Ptr<LocalRoutingOptimizationOption> peerLro =
        pbu.GetOptions().Find<LocalRoutingOptimizationOption>();
    uint8_t peerLri = peerLro && peerLro->GetLri() == mip6::LRI_INTER_LMA ? mip6::LRI_INTER_LMA
                                                                          : mip6::LRI_INTRA_LMA;
    std::string nai = mnId ? mnId->GetNai() : "";
    HomeNetworkPrefix remote =
        hnp ? HomeNetworkPrefix(hnp->GetPrefix(), hnp->GetPrefixLength()) : HomeNetworkPrefix();
    Ptr<BindingUpdateListEntry> cn;
    HomeNetworkPrefix local;
    if (target)
    {
        local = HomeNetworkPrefix(target->GetHomeNetworkPrefix(), target->GetPrefixLength());
        cn = mag->GetBindingUpdateList()->FindByPrefix(local);
    }
    PairKey key(local, remote);
    if (m_peerMags.count(ip.GetSource()) == 0)
    {
        NS_LOG_WARN("MAG " << mag->GetProxyCoa() << ": PBU from " << ip.GetSource()
                           << ", which is not an authorized peer MAG: refused (154)");
        SendPeerPba(pbu.GetSequence(),
                    nai,
                    remote,
                    mip6::BA_MAG_NOT_AUTHORIZED_FOR_PROXY_REG,
                    0,
                    ip.GetSource());
        return;
    }
    if (pbu.GetLifetime() == 0)
    {
        NS_LOG_INFO("MAG " << mag->GetProxyCoa() << ": peer MAG " << ip.GetSource()
                           << " de-registered " << remote);
        auto it = m_pairs.find(key);
        if (it != m_pairs.end() && it->second.peerMag == ip.GetSource())
        {
            RemovePair(key, false);
        }
        SendPeerPba(pbu.GetSequence(), nai, remote, mip6::BA_ACCEPTED, 0, ip.GetSource());
        return;
    }
    bool registered = cn && (cn->state == BindingUpdateListEntry::REGISTERED ||
                             cn->state == BindingUpdateListEntry::REFRESHING);
    if (!m_allow || !registered || !mnId || !hnp || remote.length == 0)
    {
        NS_LOG_INFO("MAG " << mag->GetProxyCoa() << ": PBU from MAG " << ip.GetSource()
                           << " refused (local routing "
                           << (m_allow ? "allowed, CN not attached" : "not allowed") << ")");
        SendPeerPba(pbu.GetSequence(),
                    nai,
                    remote,
                    mip6::BA_ADMINISTRATIVELY_PROHIBITED,
                    0,
                    ip.GetSource());
        return;
    }
    Pair& pair = m_pairs[key];
    bool created = pair.mnId.empty();
    if (created)
    {
        pair.mnId = cn->mnId;
        pair.lma = cn->lmaAddress;
        m_byMn[cn->mnId].insert(key);
    }
    pair.peerMnId = nai;
    pair.lri = peerLri;
    pair.lifetime = Seconds(pbu.GetLifetimeSeconds());
    pair.grantEnd = std::max(pair.grantEnd, Simulator::Now() + pair.lifetime);
    if (pair.tx != 0)
    {
        // our own LROREQ for the pair is moot: the peer MAG was allowed already
        mag->GetSignalling()->Cancel(pair.tx);
        m_byTransaction.erase(pair.tx);
        pair.tx = 0;
    }
    if (pair.peerMag != ip.GetSource())
    {
        if (pair.routed)
        {
            m_table->RemoveRoute(local.prefix, local.length, remote.prefix, remote.length);
            pair.routed = false;
        }
        UnrouteIpv4ToPeer(pair);
        pair.ownSent = false;
        pair.ownAccepted = false;
        pair.peerMag = ip.GetSource();
    }
    // the target first, then the sending MAG's MN with the P flag (draft 004 section 6)
    TakeIpv4HomeAddresses(key, pbu.GetOptions().FindAll<MnCnPairOption>());
    RouteToPeer(key, pair);
    ArmExpiry(key, pair, pair.lifetime);
    SendPeerPba(pbu.GetSequence(),
                nai,
                remote,
                mip6::BA_ACCEPTED,
                pbu.GetLifetime(),
                ip.GetSource(),
                peerLri);
    if (!pair.ownSent)
    {
        SendPeerPbu(key, pair, BindingLifetime(pair));
    }
    else
    {
        EchoRefresh(key, pair);
    }
    SetState(key, pair, pair.ownAccepted ? PAIR_ESTABLISHED : PAIR_ALLOWED);
}

void
MagLocalRoutingExtension::RouteToPeer(const PairKey& key, Pair& pair)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<Ipv6TunnelL4Protocol> tunnels = mag->GetTunnels();
    uint32_t tunnel = tunnels->GetTunnelInterface(mag->GetProxyCoa(), pair.peerMag);
    if (pair.tunnel == 0 || pair.tunnel != tunnel)
    {
        if (pair.tunnel != 0)
        {
            Ipv6Address local;
            Ipv6Address remote;
            if (tunnels->GetTunnelEndpoints(pair.tunnel, local, remote))
            {
                tunnels->RemoveTunnelReference(local, remote);
            }
        }
        pair.tunnel = tunnels->AddTunnelReference(mag->GetProxyCoa(), pair.peerMag);
    }
    m_table->AddRoute(key.first.prefix,
                      key.first.length,
                      key.second.prefix,
                      key.second.length,
                      pair.tunnel,
                      Ipv6Address::GetAny());
    pair.routed = true;
    RouteIpv4ToPeer(key, pair);
}

void
MagLocalRoutingExtension::HandleLmaRequest(Ptr<Packet> p, const Ipv6Header& ip)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    LocalRoutingOptimizationRequestHeader req;
    if (!mag->GetMobilityProtocol()->Decode(p, ip, req))
    {
        return;
    }
    std::vector<Ptr<MnCnPairOption>> pairs = req.GetOptions().FindAll<MnCnPairOption>();
    LocalRoutingOptimizationResponseHeader rsp;
    rsp.SetSequence(req.GetSequence());
    rsp.SetLifetime(req.GetLifetime());
    uint8_t lri = mip6::LRI_NOT_AVAILABLE;
    Ptr<BindingUpdateListEntry> mn;
    PairKey key;
    if (pairs.size() >= 2)
    {
        key = PairKey(
            HomeNetworkPrefix(pairs[0]->GetHomeNetworkPrefix(), pairs[0]->GetPrefixLength()),
            HomeNetworkPrefix(pairs[1]->GetHomeNetworkPrefix(), pairs[1]->GetPrefixLength()));
        mn = mag->GetBindingUpdateList()->FindByPrefix(key.first);
    }
    if (mn ? mn->lmaAddress != ip.GetSource() : !mag->IsLmaOf(ip.GetSource(), ""))
    {
        NS_LOG_WARN("MAG " << mag->GetProxyCoa() << ": LROREQ from " << ip.GetSource()
                           << ", which is not the LMA of " << key.first << ": dropped");
        mag->GetMobilityProtocol()->NotifyDrop(p, ip, MobilityL4Protocol::DROP_UNKNOWN_PEER);
        return;
    }
    if (req.GetLifetime() == 0)
    {
        // 5.1: the LMA removes the local routing
        if (m_pairs.count(key) != 0)
        {
            RemovePair(key, false);
        }
        lri = req.GetLri();
    }
    else if (m_allow && mn && mn->state != BindingUpdateListEntry::DEREGISTERING &&
             (req.GetLri() == mip6::LRI_INTRA_LMA || req.GetLri() == mip6::LRI_INTRA_MAG ||
              req.GetLri() == mip6::LRI_INTER_LMA))
    {
        lri = req.GetLri();
    }
    Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
    lro->SetLri(lri);
    rsp.SetLri(lri);
    rsp.AddOption(lro);
    Ptr<ContextRequestOption> context = req.GetOptions().Find<ContextRequestOption>();
    if (context && mn)
    {
        // the context the LMA asked for, from the MN's binding update list entry
        if (context->HasRequest(mip6::OPT_MOBILE_NODE_IDENTIFIER))
        {
            rsp.AddOption(Create<MobileNodeIdentifierOption>(mn->mnId));
        }
        if (context->HasRequest(mip6::OPT_MOBILE_NODE_LINK_LAYER_ID) && !mn->mnLinkLayerId.empty())
        {
            Ptr<MobileNodeLinkLayerIdOption> llid = Create<MobileNodeLinkLayerIdOption>();
            llid->SetIdentifier(mn->mnLinkLayerId);
            rsp.AddOption(llid);
        }
    }
    NS_LOG_INFO("MAG " << mag->GetProxyCoa() << ": LROREQ from LMA " << ip.GetSource() << " LRI "
                       << +req.GetLri() << ", answering LRI " << +lri);
    mag->GetMobilityProtocol()->Send(rsp, mag->GetProxyCoa(), ip.GetSource());
    if (lri == mip6::LRI_NOT_AVAILABLE || req.GetLifetime() == 0)
    {
        return;
    }
    Pair& pair = m_pairs[key];
    if (pair.mnId.empty())
    {
        pair.mnId = mn->mnId;
        pair.lma = mn->lmaAddress;
        m_byMn[mn->mnId].insert(key);
    }
    Time lifetime = Seconds(req.GetLifetime());
    TakeIpv4HomeAddresses(key, pairs);
    if (lri == mip6::LRI_INTRA_MAG)
    {
        if (!EnableIntraMag(key, lifetime))
        {
            Refuse(key);
        }
        return;
    }
    AllowIntraLma(key, pairs[1]->GetProxyCoa(), lifetime, lri);
}

void
MagLocalRoutingExtension::Receive(uint8_t mhType,
                                  Ptr<Packet> p,
                                  const Ipv6Header& ip,
                                  uint32_t /* interface */)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    if (mhType == mip6::MH_BINDING_UPDATE)
    {
        HandlePeerPbu(p, ip);
        return;
    }
    if (mhType == mip6::MH_LOCALIZED_ROUTING_INIT && m_rfc6705)
    {
        m_rfc6705->ReceiveLri(p, ip);
        return;
    }
    uint8_t bytes[16];
    uint32_t n = std::min<uint32_t>(p->GetSize(), sizeof(bytes));
    p->CopyData(bytes, n);
    bool response = false;
    if (!LocalRoutingOptimizationHeader::ReadResponseFlag(bytes, n, response))
    {
        mag->GetMobilityProtocol()->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
        return;
    }
    if (!response)
    {
        HandleLmaRequest(p, ip);
        return;
    }
    LocalRoutingOptimizationResponseHeader rsp;
    if (!mag->GetMobilityProtocol()->Decode(p, ip, rsp))
    {
        return;
    }
    if (!mag->GetSignalling()->HandleReply(ip.GetSource(), 1, rsp.GetSequence(), rsp, ip))
    {
        NS_LOG_LOGIC("LRORSP seq " << rsp.GetSequence() << " matches no LROREQ");
        mag->GetMobilityProtocol()->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
    }
}

void
MagLocalRoutingExtension::SetState(const PairKey& key, Pair& pair, PairState s)
{
    bool changed = pair.state != s;
    pair.state = s;
    if (changed || s == PAIR_REQUESTING)
    {
        NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": pair " << key.first << " -> "
                           << key.second << " " << PairStateName(s));
        m_stateTrace(key.first.prefix, key.second.prefix, pair.lri, pair.peerMag, PairStateName(s));
    }
}

void
MagLocalRoutingExtension::ArmExpiry(const PairKey& key, Pair& pair, Time after)
{
    pair.expiry.Cancel();
    pair.expiry = Simulator::Schedule(after, &MagLocalRoutingExtension::Expire, this, key);
}

void
MagLocalRoutingExtension::Expire(PairKey key)
{
    auto it = m_pairs.find(key);
    if (it == m_pairs.end())
    {
        return;
    }
    NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": local routing of " << key.first << " -> "
                       << key.second << " expired (" << PairStateName(it->second.state) << ")");
    RemovePair(key, false);
}

void
MagLocalRoutingExtension::TakeIpv4HomeAddresses(const PairKey& key,
                                                const std::vector<Ptr<MnCnPairOption>>& pairs)
{
    auto it = m_pairs.find(key);
    if (it == m_pairs.end())
    {
        return;
    }
    for (const auto& option : pairs)
    {
        if (!option->HasIpv4())
        {
            continue;
        }
        HomeNetworkPrefix prefix(option->GetHomeNetworkPrefix(), option->GetPrefixLength());
        if (prefix == key.first)
        {
            it->second.ipv4Mn = option->GetIpv4HomeAddress();
        }
        else if (prefix == key.second)
        {
            if (it->second.ipv4Cn != option->GetIpv4HomeAddress())
            {
                UnrouteIpv4ToPeer(it->second);
            }
            it->second.ipv4Cn = option->GetIpv4HomeAddress();
            it->second.ipv4PeerCoa = option->GetIpv4ProxyCoa();
        }
    }
}

void
MagLocalRoutingExtension::RouteIpv4(Pair& pair, bool install)
{
    Ptr<Node> node = GetMag() ? GetMag()->GetNode() : nullptr;
    if (!node || !node->GetObject<Ipv4>() || install == pair.ipv4Routed)
    {
        return;
    }
    Ptr<Ipv4HomeAddressRouting> routing = Ipv4HomeAddressRouting::Install(node);
    if (!routing)
    {
        return;
    }
    if (install)
    {
        routing->SetLocalRoute(pair.ipv4Mn, pair.ipv4Cn);
        routing->SetLocalRoute(pair.ipv4Cn, pair.ipv4Mn);
        NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": IPv4 local route " << pair.ipv4Mn
                           << " <-> " << pair.ipv4Cn);
    }
    else
    {
        routing->RemoveLocalRoute(pair.ipv4Mn, pair.ipv4Cn);
        routing->RemoveLocalRoute(pair.ipv4Cn, pair.ipv4Mn);
    }
    pair.ipv4Routed = install;
}

void
MagLocalRoutingExtension::RouteIpv4ToPeer(const PairKey& key, Pair& pair)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<Node> node = mag ? mag->GetNode() : nullptr;
    if (!node || !node->GetObject<Ipv4>() || pair.ipv4Cn.IsAny() || pair.tunnel == 0)
    {
        return;
    }
    Ptr<BindingUpdateListEntry> mn = mag->GetBindingUpdateList()->FindByPrefix(key.first);
    if (!mn || mn->ipv4HomeAddress.IsAny())
    {
        return;
    }
    if (!pair.ipv4Mn.IsAny() && pair.ipv4Mn != mn->ipv4HomeAddress)
    {
        NS_LOG_WARN("MAG " << mag->GetProxyCoa() << ": IPv4-MN-HoA " << pair.ipv4Mn
                           << " is not that of " << mn->mnId << " (" << mn->ipv4HomeAddress
                           << "): no IPv4 local route");
        return;
    }
    Ptr<Ipv4HomeAddressRouting> routing = Ipv4HomeAddressRouting::Install(node);
    uint32_t ipv4If = mag->GetTunnels()->EnableIpv4(pair.tunnel);
    if (!routing || ipv4If == Ipv6TunnelL4Protocol::NO_INTERFACE)
    {
        return;
    }
    if (pair.ipv4Tunnel != 0 && pair.ipv4Tunnel != ipv4If)
    {
        UnrouteIpv4ToPeer(pair);
    }
    pair.ipv4Mn = mn->ipv4HomeAddress;
    // the uplink of the pair into the MAG-MAG tunnel; the peer MAG's downlink out of the
    // tunnel takes its host route of the CN (the access link)
    routing->SetLocalRoute(pair.ipv4Mn, pair.ipv4Cn, ipv4If);
    if (pair.ipv4Tunnel == 0)
    {
        NS_LOG_INFO("MAG " << mag->GetProxyCoa() << ": IPv4 local route " << pair.ipv4Mn << " -> "
                           << pair.ipv4Cn << " into the tunnel to MAG " << pair.peerMag
                           << " (IPv4 interface " << ipv4If << ")");
    }
    pair.ipv4Tunnel = ipv4If;
}

void
MagLocalRoutingExtension::UnrouteIpv4ToPeer(Pair& pair)
{
    if (pair.ipv4Tunnel == 0)
    {
        return;
    }
    pair.ipv4Tunnel = 0;
    Ptr<Node> node = GetMag() ? GetMag()->GetNode() : nullptr;
    if (!node || !node->GetObject<Ipv4>())
    {
        return;
    }
    Ptr<Ipv4HomeAddressRouting> routing = Ipv4HomeAddressRouting::Install(node);
    if (routing)
    {
        routing->RemoveLocalRoute(pair.ipv4Mn, pair.ipv4Cn);
        NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": IPv4 local route " << pair.ipv4Mn
                           << " -> " << pair.ipv4Cn << " removed");
    }
}

Ipv4Address
MagLocalRoutingExtension::GetOwnIpv4ProxyCoa() const
{
    Ptr<Node> node = GetMag() ? GetMag()->GetNode() : nullptr;
    Ptr<Pmipv6Ipv4Transport> transport = node ? node->GetObject<Pmipv6Ipv4Transport>() : nullptr;
    return transport ? transport->GetLocalAddress() : Ipv4Address::GetAny();
}

void
MagLocalRoutingExtension::LearnPeerTransport(const Pair& pair)
{
    Ptr<Node> node = GetMag() ? GetMag()->GetNode() : nullptr;
    Ptr<Pmipv6Ipv4Transport> transport = node ? node->GetObject<Pmipv6Ipv4Transport>() : nullptr;
    if (!transport || pair.ipv4PeerCoa.IsAny() || pair.peerMag.IsAny())
    {
        return;
    }
    Ipv4Address source;
    uint16_t port = 0;
    if (transport->GetSignallingSource(pair.peerMag, source, port))
    {
        return; // where its own signalling came from (5.1: the PBU's source address)
    }
    const Pmipv6Ipv4Transport::Peer* known = transport->GetPeer(pair.peerMag);
    if (known && known->address == pair.ipv4PeerCoa)
    {
        return;
    }
    NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": peer MAG " << pair.peerMag
                       << " at IPv4-Proxy-CoA " << pair.ipv4PeerCoa);
    transport->SetPeer(pair.peerMag, pair.ipv4PeerCoa);
}

Ptr<MnCnPairOption>
MagLocalRoutingExtension::OwnIpv4PairOption(const PairKey& key) const
{
    Ptr<BindingUpdateListEntry> mn = GetMag()->GetBindingUpdateList()->FindByPrefix(key.first);
    if (!mn || mn->ipv4HomeAddress.IsAny())
    {
        return nullptr;
    }
    Ptr<MnCnPairOption> own = Create<MnCnPairOption>();
    own->SetHomeNetworkPrefix(key.first.prefix, key.first.length);
    own->SetProxyCoa(GetMag()->GetProxyCoa());
    own->SetIpv4(mn->ipv4HomeAddress, GetOwnIpv4ProxyCoa());
    return own;
}

void
MagLocalRoutingExtension::RemovePair(PairKey key, bool notifyPeer)
{
    auto it = m_pairs.find(key);
    if (it == m_pairs.end())
    {
        return;
    }
    Pair& pair = it->second;
    pair.expiry.Cancel();
    pair.refresh.Cancel();
    Ptr<Pmipv6MagApplication> mag = GetMag();
    if (pair.tx != 0)
    {
        mag->GetSignalling()->Cancel(pair.tx);
        m_byTransaction.erase(pair.tx);
    }
    RouteIpv4(pair, false);
    UnrouteIpv4ToPeer(pair);
    if (pair.routed)
    {
        m_table->RemoveRoute(key.first.prefix,
                             key.first.length,
                             key.second.prefix,
                             key.second.length);
        if (pair.lri == mip6::LRI_INTRA_MAG)
        {
            m_table->RemoveRoute(key.second.prefix,
                                 key.second.length,
                                 key.first.prefix,
                                 key.first.length);
        }
    }
    if (pair.tunnel != 0)
    {
        Ipv6Address local;
        Ipv6Address remote;
        Ptr<Ipv6TunnelL4Protocol> tunnels = mag->GetTunnels();
        if (tunnels->GetTunnelEndpoints(pair.tunnel, local, remote))
        {
            // the route is gone; the tunnel still takes the peer's packets already on their way
            // (the two MAGs' bindings do not end at the same instant)
            Simulator::Schedule(m_tunnelLinger, [tunnels, local, remote]() {
                tunnels->RemoveTunnelReference(local, remote);
            });
        }
    }
    if (notifyPeer && pair.ownSent &&
        (pair.lri == mip6::LRI_INTRA_LMA || pair.lri == mip6::LRI_INTER_LMA) &&
        !pair.peerMag.IsAny())
    {
        SendPeerPbu(key, pair, Seconds(0));
    }
    if (m_policy)
    {
        m_policy->Reset(key.first.prefix, key.second.prefix);
    }
    for (const auto& id : {pair.mnId, pair.peerMnId})
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
    SetState(key, pair, PAIR_REMOVED);
    m_pairs.erase(key);
}

void
MagLocalRoutingExtension::AddPeerMag(Ipv6Address peerMag)
{
    m_peerMags.insert(peerMag);
}

bool
MagLocalRoutingExtension::TearDown(Ipv6Address mnAddress, Ipv6Address cnAddress)
{
    PairKey key;
    if (!KeyOf(mnAddress, cnAddress, key) || m_pairs.count(key) == 0)
    {
        return false;
    }
    RemovePair(key, true);
    return true;
}

bool
MagLocalRoutingExtension::HasLocalRoute(Ipv6Address mnAddress, Ipv6Address cnAddress) const
{
    PairKey key;
    if (!KeyOf(mnAddress, cnAddress, key))
    {
        return false;
    }
    return m_table && m_table->HasRoute(key.first.prefix,
                                        key.first.length,
                                        key.second.prefix,
                                        key.second.length);
}

bool
MagLocalRoutingExtension::GetPairState(Ipv6Address mnAddress,
                                       Ipv6Address cnAddress,
                                       PairState& state) const
{
    PairKey key;
    if (!KeyOf(mnAddress, cnAddress, key))
    {
        return false;
    }
    auto it = m_pairs.find(key);
    if (it == m_pairs.end())
    {
        return false;
    }
    state = it->second.state;
    return true;
}

void
MagLocalRoutingExtension::RemoveMn(Ptr<BindingUpdateListEntry> entry)
{
    auto m = m_byMn.find(entry->mnId);
    if (m == m_byMn.end())
    {
        return;
    }
    std::set<PairKey> keys = m->second;
    for (const auto& key : keys)
    {
        auto it = m_pairs.find(key);
        // the peer learns of the MN's departure from its own MAG's de-registration PBU; a
        // pair whose local end is another MN (intra-MAG) just loses its routes
        RemovePair(key, it != m_pairs.end() && it->second.mnId == entry->mnId);
    }
}

void
MagLocalRoutingExtension::NotifyDetach(Ptr<BindingUpdateListEntry> entry)
{
    RemoveMn(entry);
    if (m_rfc6705)
    {
        m_rfc6705->RemoveMn(entry);
    }
}

void
MagLocalRoutingExtension::NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry)
{
    if (event == BINDING_REVOKED || event == BINDING_REMOVED || event == BINDING_FAILED)
    {
        RemoveMn(entry);
        if (m_rfc6705)
        {
            m_rfc6705->RemoveMn(entry);
        }
    }
}

} // namespace ns3
