/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "heartbeat-extension.h"

#include "binding-update-list.h"
#include "heartbeat-header.h"
#include "mobility-l4-protocol.h"
#include "pmipv6-lma-application.h"
#include "pmipv6-mag-application.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HeartbeatExtension");

NS_OBJECT_ENSURE_REGISTERED(LmaHeartbeatExtension);
NS_OBJECT_ENSURE_REGISTERED(MagHeartbeatExtension);

namespace
{

/**
 * \brief Answer a Heartbeat request.
 * \param mobility the transport
 * \param request the request
 * \param ip its IPv6 header
 * \param counter the Restart Counter to carry (none when negative)
 */
void
SendResponse(Ptr<MobilityL4Protocol> mobility,
             const HeartbeatHeader& request,
             const Ipv6Header& ip,
             int64_t counter)
{
    HeartbeatHeader response;
    response.SetFlag(HeartbeatHeader::FLAG_R, true);
    response.SetSequence(request.GetSequence());
    if (counter >= 0)
    {
        response.AddOption(Create<RestartCounterOption>(static_cast<uint32_t>(counter)));
    }
    mobility->Send(response, ip.GetDestination(), ip.GetSource());
}

} // namespace

// ---------------------------------------------------------------------------------------------
// LMA side

TypeId
LmaHeartbeatExtension::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LmaHeartbeatExtension")
                            .SetParent<Pmipv6LmaExtension>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<LmaHeartbeatExtension>();
    return tid;
}

std::vector<uint8_t>
LmaHeartbeatExtension::GetMhTypes() const
{
    return {mip6::MH_HEARTBEAT};
}

void
LmaHeartbeatExtension::Receive(uint8_t /* mhType */,
                               Ptr<Packet> p,
                               const Ipv6Header& ip,
                               uint32_t /* interface */)
{
    Ptr<MobilityL4Protocol> mobility = GetLma()->GetMobilityProtocol();
    HeartbeatHeader h;
    if (!mobility->Decode(p, ip, h))
    {
        return;
    }
    if (h.IsResponse())
    {
        NS_LOG_LOGIC("LMA: Heartbeat response from " << ip.GetSource() << " ignored");
        return;
    }
    m_responses++;
    SendResponse(mobility, h, ip, GetLma()->GetRestartCount());
}

uint64_t
LmaHeartbeatExtension::GetResponseCount() const
{
    return m_responses;
}

// ---------------------------------------------------------------------------------------------
// MAG side

TypeId
MagHeartbeatExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagHeartbeatExtension")
            .SetParent<Pmipv6MagExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MagHeartbeatExtension>()
            .AddAttribute("Interval",
                          "Time between two Heartbeat requests to an LMA (RFC 5847 "
                          "HEARTBEAT_INTERVAL).",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&MagHeartbeatExtension::m_interval),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("MissingHeartbeatsAllowed",
                          "Unanswered requests in a row before the LMA is considered "
                          "unreachable (RFC 5847 MISSING_HEARTBEATS_ALLOWED).",
                          UintegerValue(3),
                          MakeUintegerAccessor(&MagHeartbeatExtension::m_missingAllowed),
                          MakeUintegerChecker<uint32_t>(1))
            .AddTraceSource("PeerUnreachable",
                            "An LMA missed MissingHeartbeatsAllowed requests in a row.",
                            MakeTraceSourceAccessor(&MagHeartbeatExtension::m_unreachableTrace),
                            "ns3::MagHeartbeatExtension::PeerTracedCallback")
            .AddTraceSource("PeerReachable",
                            "An unreachable LMA answered again.",
                            MakeTraceSourceAccessor(&MagHeartbeatExtension::m_reachableTrace),
                            "ns3::MagHeartbeatExtension::PeerTracedCallback")
            .AddTraceSource("LmaRestarted",
                            "An LMA's Restart Counter changed: its bindings are re-registered.",
                            MakeTraceSourceAccessor(&MagHeartbeatExtension::m_restartTrace),
                            "ns3::MagHeartbeatExtension::RestartTracedCallback");
    return tid;
}

std::vector<uint8_t>
MagHeartbeatExtension::GetMhTypes() const
{
    return {mip6::MH_HEARTBEAT};
}

void
MagHeartbeatExtension::DoStart()
{
    NS_LOG_FUNCTION(this);
    m_timer.Cancel();
    m_timer = Simulator::Schedule(m_interval, &MagHeartbeatExtension::Tick, this);
}

void
MagHeartbeatExtension::DoDispose()
{
    m_timer.Cancel();
    m_peers.clear();
    Pmipv6MagExtension::DoDispose();
}

void
MagHeartbeatExtension::NotifyAttach(Ptr<BindingUpdateListEntry> entry)
{
    m_peers[entry->lmaAddress].entries.insert(entry->id);
}

void
MagHeartbeatExtension::NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry)
{
    if (event != BINDING_REMOVED)
    {
        return;
    }
    auto peer = m_peers.find(entry->lmaAddress);
    if (peer != m_peers.end())
    {
        peer->second.entries.erase(entry->id);
    }
}

void
MagHeartbeatExtension::Tick()
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<MobilityL4Protocol> mobility = mag ? mag->GetMobilityProtocol() : nullptr;
    if (!mobility || !mobility->HasHandler(mip6::MH_HEARTBEAT))
    {
        // The MAG is stopped (or crashed): no requests; DoStart() starts again.
        return;
    }
    for (auto& [lma, peer] : m_peers)
    {
        if (peer.entries.empty())
        {
            peer.outstanding = false;
            continue;
        }
        if (peer.outstanding)
        {
            peer.missed++;
            if (peer.missed >= m_missingAllowed && !peer.unreachable)
            {
                NS_LOG_INFO("MAG " << mag->GetProxyCoa() << ": LMA " << lma << " missed "
                                   << peer.missed << " heartbeats: unreachable");
                peer.unreachable = true;
                m_unreachableTrace(lma);
            }
        }
        HeartbeatHeader request;
        peer.sequence = m_nextSequence++;
        request.SetSequence(peer.sequence);
        peer.outstanding = true;
        m_requests++;
        mobility->Send(request, mag->GetProxyCoa(), lma);
    }
    m_timer = Simulator::Schedule(m_interval, &MagHeartbeatExtension::Tick, this);
}

void
MagHeartbeatExtension::Receive(uint8_t /* mhType */,
                               Ptr<Packet> p,
                               const Ipv6Header& ip,
                               uint32_t /* interface */)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<MobilityL4Protocol> mobility = mag->GetMobilityProtocol();
    HeartbeatHeader h;
    if (!mobility->Decode(p, ip, h))
    {
        return;
    }
    if (!h.IsResponse())
    {
        SendResponse(mobility, h, ip, -1);
        return;
    }
    auto it = m_peers.find(ip.GetSource());
    if (it == m_peers.end() || !it->second.outstanding || h.GetSequence() != it->second.sequence)
    {
        NS_LOG_LOGIC("MAG: unexpected Heartbeat response from " << ip.GetSource());
        mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
        return;
    }
    Peer& peer = it->second;
    peer.outstanding = false;
    peer.missed = 0;
    if (peer.unreachable)
    {
        peer.unreachable = false;
        m_reachableTrace(ip.GetSource());
    }
    Ptr<RestartCounterOption> counter = h.GetOptions().Find<RestartCounterOption>();
    if (!counter)
    {
        return;
    }
    if (peer.counterKnown && counter->GetCounter() != peer.counter)
    {
        NS_LOG_INFO("MAG " << mag->GetProxyCoa() << ": LMA " << ip.GetSource()
                           << " restarted (counter " << counter->GetCounter() << "), "
                           << peer.entries.size() << " bindings re-registered");
        m_restarts++;
        m_restartTrace(ip.GetSource(), counter->GetCounter());
        // Copy: a refresh may change the entries (a failure removes one).
        std::set<uint64_t> entries = peer.entries;
        for (uint64_t id : entries)
        {
            mag->RefreshNow(id, true);
        }
    }
    peer.counterKnown = true;
    peer.counter = counter->GetCounter();
}

bool
MagHeartbeatExtension::IsUnreachable(Ipv6Address lma) const
{
    auto it = m_peers.find(lma);
    return it != m_peers.end() && it->second.unreachable;
}

uint64_t
MagHeartbeatExtension::GetRequestCount() const
{
    return m_requests;
}

uint64_t
MagHeartbeatExtension::GetRestartsDetected() const
{
    return m_restarts;
}

} // namespace ns3
