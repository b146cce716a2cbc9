/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-localized-routing.h"

#include "binding-cache.h"
#include "localized-routing-header.h"
#include "mobility-l4-protocol.h"
#include "pmipv6-lma-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/ipv6-header.h"
#include "ns3/log.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaLocalizedRouting");

NS_OBJECT_ENSURE_REGISTERED(LmaLocalizedRouting);

TypeId
LmaLocalizedRouting::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LmaLocalizedRouting")
                            .SetParent<Object>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<LmaLocalizedRouting>();
    return tid;
}

LmaLocalizedRouting::LmaLocalizedRouting()
    : m_lris(0),
      m_unsolicited(0)
{
    NS_LOG_FUNCTION(this);
}

LmaLocalizedRouting::~LmaLocalizedRouting()
{
    NS_LOG_FUNCTION(this);
}

void
LmaLocalizedRouting::DoDispose()
{
    m_pending.clear();
    m_refused = MakeNullCallback<void, HomeNetworkPrefix, HomeNetworkPrefix, uint8_t>();
    m_lma = nullptr;
    Object::DoDispose();
}

void
LmaLocalizedRouting::Setup(Ptr<Pmipv6LmaApplication> lma, RefusedCallback refused)
{
    m_lma = lma;
    m_refused = refused;
}

uint64_t
LmaLocalizedRouting::GetLriCount() const
{
    return m_lris;
}

uint64_t
LmaLocalizedRouting::GetLraCount(uint8_t status) const
{
    auto it = m_lras.find(status);
    return it == m_lras.end() ? 0 : it->second;
}

uint64_t
LmaLocalizedRouting::GetUnsolicitedCount() const
{
    return m_unsolicited;
}

void
LmaLocalizedRouting::Initiate(Ptr<const BindingCacheEntry> mn,
                              const HomeNetworkPrefix& mnHnp,
                              Ptr<const BindingCacheEntry> cn,
                              const HomeNetworkPrefix& cnHnp,
                              Time lifetime)
{
    End a{mn->mnId, mnHnp, mn->proxyCoa};
    End b{cn->mnId, cnHnp, cn->proxyCoa};
    SendLri(a, b, lifetime);
    if (a.mag != b.mag)
    {
        SendLri(b, a, lifetime);
    }
}

void
LmaLocalizedRouting::SendLri(const End& own, const End& peer, Time lifetime)
{
    Ptr<SignallingTransactionManager> sig = m_lma->GetSignalling();
    LocalizedRoutingInitiationHeader lri;
    uint16_t seq = sig->NextSequence(own.mag);
    lri.SetSequence(seq);
    // seconds; 0xffff would mean infinite, so a finite lifetime stops one short of it
    lri.SetLifetime(static_cast<uint16_t>(
        std::min(std::ceil(lifetime.GetSeconds()), double(mip6::LR_LIFETIME_INFINITE - 1))));
    for (const End* e : {&own, &peer})
    {
        lri.AddOption(Create<MobileNodeIdentifierOption>(e->mnId));
        lri.AddOption(Create<HomeNetworkPrefixOption>(e->hnp.prefix, e->hnp.length));
    }
    if (peer.mag != own.mag)
    {
        lri.AddOption(Create<MagIpv6AddressOption>(peer.mag));
    }
    SignallingTransactionManager::Request r(m_lma->GetAddress(),
                                            own.mag,
                                            mip6::MH_LOCALIZED_ROUTING_ACK,
                                            0,
                                            seq);
    r.onReply = MakeCallback(&LmaLocalizedRouting::HandleLra, this);
    r.onGiveUp = MakeCallback(&LmaLocalizedRouting::GaveUp, this);
    SignallingTransactionManager::TransactionId id = sig->Start(lri, r);
    m_pending[id] = Pending{own, peer, lifetime};
    m_lris++;
    NS_LOG_INFO("LMA: LRI seq " << seq << " lifetime " << lri.GetLifetime() << " s to MAG "
                                << own.mag << " for " << own.hnp << " <-> " << peer.hnp);
}

void
LmaLocalizedRouting::ReceiveLra(Ptr<Packet> p, const Ipv6Header& ip)
{
    Ptr<MobilityL4Protocol> mobility = m_lma->GetMobilityProtocol();
    LocalizedRoutingAckHeader lra;
    if (!mobility->Decode(p, ip, lra))
    {
        return;
    }
    m_lras[lra.GetStatus()]++;
    if (lra.IsUnsolicited())
    {
        m_unsolicited++;
        NS_LOG_INFO("LMA: unsolicited LRA from MAG " << ip.GetSource() << " (lifetime "
                                                     << lra.GetLifetime() << " s asked)");
        return;
    }
    if (!m_lma->GetSignalling()->HandleReply(ip.GetSource(), 0, lra.GetSequence(), lra, ip))
    {
        NS_LOG_LOGIC("LRA seq " << lra.GetSequence() << " matches no LRI");
        mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
    }
}

void
LmaLocalizedRouting::HandleLra(SignallingTransactionManager::TransactionId id,
                               const MobilityHeader& reply,
                               const Ipv6Header& ip)
{
    auto it = m_pending.find(id);
    const auto* lra = dynamic_cast<const LocalizedRoutingAckHeader*>(&reply);
    if (it == m_pending.end() || !lra)
    {
        return;
    }
    Pending pending = it->second;
    m_pending.erase(it);
    NS_LOG_INFO("LMA: LRA status " << +lra->GetStatus() << " from MAG " << ip.GetSource());
    if (lra->GetStatus() >= mip6::LRA_LOCALIZED_ROUTING_NOT_ALLOWED)
    {
        Refused(pending, lra->GetStatus());
    }
}

void
LmaLocalizedRouting::GaveUp(SignallingTransactionManager::TransactionId id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
    {
        return;
    }
    Pending pending = it->second;
    m_pending.erase(it);
    NS_LOG_WARN("LMA: no LRA from MAG " << pending.own.mag);
    Refused(pending, mip6::LRA_MN_NOT_ATTACHED);
}

void
LmaLocalizedRouting::Refused(const Pending& pending, uint8_t status)
{
    if (pending.lifetime.IsZero())
    {
        return; // a refused stop changes nothing
    }
    if (pending.peer.mag != pending.own.mag)
    {
        // the other MAG may have accepted: it must not route the pair locally alone
        SendLri(pending.peer, pending.own, Seconds(0));
    }
    if (!m_refused.IsNull())
    {
        m_refused(pending.own.hnp, pending.peer.hnp, status);
    }
}

} // namespace ns3
