/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mag-router-advertiser.h"

#include "ns3/icmpv6-header.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-packet-info-tag.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagRouterAdvertiser");

NS_OBJECT_ENSURE_REGISTERED(MagRouterAdvertiser);

TypeId
MagRouterAdvertiser::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagRouterAdvertiser")
            .SetParent<Object>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MagRouterAdvertiser>()
            .AddTraceSource("RxRouterSolicitation",
                            "A valid Router Solicitation arrived on an access link.",
                            MakeTraceSourceAccessor(&MagRouterAdvertiser::m_rxSolicitationTrace),
                            "ns3::MagRouterAdvertiser::SolicitationTracedCallback");
    return tid;
}

MagRouterAdvertiser::MagRouterAdvertiser()
    : m_initialAdvertisements(nd::MAX_INITIAL_RTR_ADVERTISEMENTS),
      m_initialInterval(Seconds(nd::MAX_INITIAL_RTR_ADVERT_INTERVAL_S)),
      m_maxRaDelay(MilliSeconds(nd::MAX_RA_DELAY_TIME_MS))
{
    NS_LOG_FUNCTION(this);
}

MagRouterAdvertiser::~MagRouterAdvertiser()
{
    NS_LOG_FUNCTION(this);
}

void
MagRouterAdvertiser::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Stop();
    m_node = nullptr;
    m_delay = nullptr;
    m_send = SendCallback();
    Object::DoDispose();
}

void
MagRouterAdvertiser::Start(Ptr<Node> node, SendCallback send)
{
    NS_LOG_FUNCTION(this << node);
    m_node = node;
    m_send = send;
    if (!m_socket)
    {
        // Every RS goes to all-routers (RFC 4861 6.3.7; ns-3's hosts send no other): bound to
        // it, the socket copies no other ICMPv6 packet the MAG receives or forwards.
        m_socket = Socket::CreateSocket(node, TypeId::LookupByName("ns3::Ipv6RawSocketFactory"));
        m_socket->SetAttribute("Protocol", UintegerValue(Ipv6Header::IPV6_ICMPV6));
        m_socket->Bind(Inet6SocketAddress(Ipv6Address::GetAllRoutersMulticast(), 0));
        m_socket->ShutdownSend();
        m_socket->SetRecvPktInfo(true);
        m_socket->SetRecvCallback(MakeCallback(&MagRouterAdvertiser::HandleRead, this));
    }
}

void
MagRouterAdvertiser::Stop()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
        m_socket = nullptr;
    }
    for (auto& [id, a] : m_advertised)
    {
        a.repeat.Cancel();
        a.answer.Cancel();
    }
    m_advertised.clear();
    m_byAddress.clear();
}

void
MagRouterAdvertiser::Configure(uint32_t initialAdvertisements,
                               Time initialInterval,
                               Time maxRaDelay)
{
    NS_LOG_FUNCTION(this << initialAdvertisements << initialInterval << maxRaDelay);
    NS_ABORT_MSG_IF(initialAdvertisements == 0, "at least one RA when a binding comes up");
    m_initialAdvertisements = initialAdvertisements;
    m_initialInterval = initialInterval;
    m_maxRaDelay = maxRaDelay;
}

std::pair<uint32_t, Ipv6Address>
MagRouterAdvertiser::Key(uint32_t deviceIndex, Ipv6Address linkLocal)
{
    return {deviceIndex, linkLocal};
}

size_t
MagRouterAdvertiser::KeyHash::operator()(const std::pair<uint32_t, Ipv6Address>& k) const
{
    return Ipv6AddressHash()(k.second) ^ (std::hash<uint32_t>()(k.first) << 1);
}

void
MagRouterAdvertiser::Advertise(uint64_t entryId, uint32_t deviceIndex, Ipv6Address mnLinkLocal)
{
    NS_LOG_FUNCTION(this << entryId << deviceIndex << mnLinkLocal);
    Forget(entryId);
    auto key = Key(deviceIndex, mnLinkLocal);
    auto other = m_byAddress.find(key);
    if (other != m_byAddress.end())
    {
        // Another entry with this link-local address on this device (a stale one about to be
        // removed): the newest binding answers the RSs.
        Forget(other->second);
    }
    Advertised& a = m_advertised[entryId];
    a.deviceIndex = deviceIndex;
    a.linkLocal = mnLinkLocal;
    a.remaining = m_initialAdvertisements - 1;
    m_byAddress[key] = entryId;
    m_send(entryId);
    // The callback may have forgotten the entry (it found it gone).
    auto it = m_advertised.find(entryId);
    if (it != m_advertised.end() && it->second.remaining > 0)
    {
        it->second.repeat =
            Simulator::Schedule(m_initialInterval, &MagRouterAdvertiser::Repeat, this, entryId);
    }
}

void
MagRouterAdvertiser::Forget(uint64_t entryId)
{
    auto it = m_advertised.find(entryId);
    if (it == m_advertised.end())
    {
        return;
    }
    NS_LOG_FUNCTION(this << entryId);
    it->second.repeat.Cancel();
    it->second.answer.Cancel();
    auto byAddress = m_byAddress.find(Key(it->second.deviceIndex, it->second.linkLocal));
    if (byAddress != m_byAddress.end() && byAddress->second == entryId)
    {
        m_byAddress.erase(byAddress);
    }
    m_advertised.erase(it);
}

void
MagRouterAdvertiser::Repeat(uint64_t entryId)
{
    NS_LOG_FUNCTION(this << entryId);
    auto it = m_advertised.find(entryId);
    if (it == m_advertised.end())
    {
        return;
    }
    it->second.remaining--;
    bool more = it->second.remaining > 0;
    m_send(entryId);
    it = m_advertised.find(entryId);
    if (more && it != m_advertised.end())
    {
        it->second.repeat =
            Simulator::Schedule(m_initialInterval, &MagRouterAdvertiser::Repeat, this, entryId);
    }
}

void
MagRouterAdvertiser::Answer(uint64_t entryId)
{
    NS_LOG_FUNCTION(this << entryId);
    if (m_advertised.count(entryId) != 0)
    {
        m_send(entryId);
    }
}

void
MagRouterAdvertiser::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Address from;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        Ipv6PacketInfoTag info;
        if (!packet->RemovePacketTag(info))
        {
            continue;
        }
        HandleSolicitation(packet, info.GetRecvIf());
    }
}

void
MagRouterAdvertiser::HandleSolicitation(Ptr<Packet> packet, uint32_t deviceIndex)
{
    // The raw socket puts the IPv6 header in front. RFC 4861 6.1.1: hop limit 255, ICMP code
    // 0, ICMP length 8 or more; the checksum was the ICMPv6 layer's to check.
    Ipv6Header ip;
    if (packet->GetSize() < ip.GetSerializedSize() + nd::RS_MIN_LENGTH)
    {
        return;
    }
    packet->RemoveHeader(ip);
    uint8_t typeAndCode[2];
    packet->CopyData(typeAndCode, sizeof(typeAndCode));
    if (typeAndCode[0] != Icmpv6Header::ICMPV6_ND_ROUTER_SOLICITATION || typeAndCode[1] != 0 ||
        ip.GetHopLimit() != nd::ND_HOP_LIMIT)
    {
        return;
    }
    m_solicitations++;
    Ipv6Address source = ip.GetSource();
    auto byAddress = m_byAddress.find(Key(deviceIndex, source));
    if (byAddress == m_byAddress.end())
    {
        // No binding up for it (the unspecified source, a mobile node whose PBA has not come:
        // the RA after the PBA answers it, or a node of no MAG's).
        NS_LOG_LOGIC("RS from " << source << " on device " << deviceIndex
                                << ": no binding up, not answered now");
        m_rxSolicitationTrace(source, false);
        return;
    }
    Advertised& a = m_advertised.at(byAddress->second);
    if (a.answer.IsRunning())
    {
        NS_LOG_LOGIC("RS from " << source << ": an RA answering an earlier RS is pending");
        m_rxSolicitationTrace(source, true);
        return;
    }
    Time delay;
    if (m_maxRaDelay.IsStrictlyPositive())
    {
        if (!m_delay)
        {
            m_delay = CreateObject<UniformRandomVariable>();
        }
        delay = Seconds(m_delay->GetValue(0, m_maxRaDelay.GetSeconds()));
    }
    NS_LOG_LOGIC("RS from " << source << ": RA in " << delay.As(Time::MS));
    a.answer = Simulator::Schedule(delay, &MagRouterAdvertiser::Answer, this, byAddress->second);
    m_answered++;
    m_rxSolicitationTrace(source, true);
}

uint32_t
MagRouterAdvertiser::GetPendingCount() const
{
    uint32_t n = 0;
    for (const auto& [id, a] : m_advertised)
    {
        n += (a.repeat.IsRunning() || a.answer.IsRunning()) ? 1 : 0;
    }
    return n;
}

uint32_t
MagRouterAdvertiser::GetAdvertisedCount() const
{
    return m_advertised.size();
}

uint64_t
MagRouterAdvertiser::GetSolicitationCount() const
{
    return m_solicitations;
}

uint64_t
MagRouterAdvertiser::GetAnsweredSolicitationCount() const
{
    return m_answered;
}

int64_t
MagRouterAdvertiser::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    if (!m_delay)
    {
        m_delay = CreateObject<UniformRandomVariable>();
    }
    m_delay->SetStream(stream);
    return 1;
}

} // namespace ns3
