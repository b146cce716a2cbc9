/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-routing-domain.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/udp-socket-factory.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6LocalRoutingDomain");

/// A probe flow.
struct Pmipv6LocalRoutingDomain::Flow
{
    Ptr<Socket> tx;                 ///< sender socket
    Ptr<Socket> rx;                 ///< receiver socket
    Inet6SocketAddress destination; ///< receiver address and port
    Time stop;                      ///< no packet from then on
    Time interval;                  ///< between packets
    uint32_t sent{0};               ///< packets sent
    std::vector<Sample> samples;    ///< received packets
    bool ipv4{false};               ///< an IPv4 flow (destination: ipv4To's home address)
    std::string ipv4To;             ///< the IPv4 receiver's MN-ID
    uint16_t port{0};               ///< the receiver's port
    const Pmipv6TopologyHelper* topology{nullptr}; ///< where the IPv4 home address is read

    /**
     * \brief A flow.
     * \param dst the destination
     */
    explicit Flow(Inet6SocketAddress dst)
        : destination(dst)
    {
    }
};

/// Payload octets of a probe: sequence (4), send time in ns (8).
static constexpr uint32_t PROBE_SIZE = 12;
/// Hop limit probes are sent with (ns-3's default for unicast).
static constexpr uint32_t PROBE_HOP_LIMIT = 64;

Pmipv6LocalRoutingDomain::Pmipv6LocalRoutingDomain(uint32_t nMags,
                                                   Time lmaRouterDelay,
                                                   Time magRouterDelay,
                                                   uint32_t nLmas,
                                                   const std::string& ip,
                                                   const std::string& transport)
    : m_nextPort(9000)
{
    NS_ABORT_MSG_IF(ip != "v6" && ip != "dual" && ip != "v4",
                    "Pmipv6LocalRoutingDomain: ip is v6, dual or v4");
    NS_ABORT_MSG_IF(transport != "v6" && transport != "v4",
                    "Pmipv6LocalRoutingDomain: transport is v6 or v4");
    NS_ABORT_MSG_IF(nMags < 1 || nMags > 9, "Pmipv6LocalRoutingDomain: 1 to 9 MAGs");
    NS_ABORT_MSG_IF(nLmas < 1 || nLmas > 9, "Pmipv6LocalRoutingDomain: 1 to 9 LMAs");
    std::vector<std::string> lmas;
    for (uint32_t i = 1; i <= nLmas; i++)
    {
        lmas.push_back(nLmas == 1 ? std::string("lma") : "lma" + std::to_string(i));
    }
    std::ostringstream dot;
    dot << "graph pmipv6 {\n";
    for (uint32_t i = 0; i < nLmas; i++)
    {
        dot << "  " << lmas[i] << " [role=lma, x=" << i * 500 << ", y=-1000"
            << (transport == "v4" ? ", transport=v4" : "") << "];\n";
    }
    dot << "  r [role=router, x=0, y=-500];\n";
    for (uint32_t i = 1; i <= nMags; i++)
    {
        dot << "  mag" << i << " [role=mag, access=csma, x=" << i * 500 << ", y=0";
        if (nLmas > 1)
        {
            dot << ", lma=" << lmas[(i - 1) % nLmas];
        }
        dot << "];\n";
    }
    for (const auto& lma : lmas)
    {
        dot << "  " << lma << " -- r [type=p2p, rate=\"1Gbps\", delay=\""
            << lmaRouterDelay.GetMicroSeconds() << "us\"];\n";
    }
    for (uint32_t i = 1; i <= nMags; i++)
    {
        dot << "  r -- mag" << i << " [type=p2p, rate=\"1Gbps\", delay=\""
            << magRouterDelay.GetMicroSeconds() << "us\"];\n";
    }
    dot << "}\n";
    Pmipv6Graph graph;
    std::string error;
    NS_ABORT_MSG_IF(!Pmipv6TopologyHelper::TryParseDot(dot.str(), graph, error), error);
    if (ip != "v6" || transport == "v4")
    {
        m_topology.SetIpv4(true);
    }
    m_topology.Build(graph);
    m_topology.SetMobileNodeIp(ip);
    if (nLmas > 1)
    {
        // 7 (a): the prefix blocks of the domain's LMAs, one table for all
        m_directory = CreateObject<LmaPrefixDirectory>();
        for (const auto& lma : lmas)
        {
            Ptr<Pmipv6LmaApplication> app = m_topology.GetLma(lma);
            Ptr<PrefixPool> pool = app->GetPrefixPool();
            m_directory->Add(HomeNetworkPrefix(pool->GetBasePrefix(), pool->GetBasePrefixLength()),
                             app->GetAddress());
        }
    }
    for (const auto& lma : lmas)
    {
        Ptr<LmaLocalRoutingExtension> ext = CreateObject<LmaLocalRoutingExtension>();
        if (m_directory)
        {
            ext->SetAttribute("PeerDirectory", PointerValue(m_directory));
        }
        m_topology.GetLma(lma)->AddExtension(ext);
    }
    for (const auto& mag : m_topology.GetMagNames())
    {
        Ptr<Pmipv6MagApplication> app = m_topology.GetMag(mag);
        app->AddExtension(CreateObject<MagLocalRoutingExtension>());
        // The MNs of a MAG share its CSMA access link here, where PMIPv6 assumes a
        // point-to-point link per MN: without this, the MAG's ICMPv6 Redirect would make two
        // MNs of one MAG talk directly (0 hops) instead of through the MAG (intra-MAG, 1 hop).
        app->GetNode()->GetObject<Ipv6L3Protocol>()->SetAttribute("SendIcmpv6Redirect",
                                                                  BooleanValue(false));
    }
    // The MAGs of the domain trust each other (the draft's MAG-MAG security associations).
    for (const auto& mag : m_topology.GetMagNames())
    {
        Ptr<MagLocalRoutingExtension> ext = GetMagExtension(mag);
        for (const auto& peer : m_topology.GetMagNames())
        {
            if (peer != mag)
            {
                ext->AddPeerMag(m_topology.GetMag(peer)->GetProxyCoa());
            }
        }
    }
}

Pmipv6LocalRoutingDomain::~Pmipv6LocalRoutingDomain()
{
    for (auto& f : m_flows)
    {
        if (f->rx)
        {
            f->rx->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        }
    }
}

Pmipv6TopologyHelper&
Pmipv6LocalRoutingDomain::GetTopology()
{
    return m_topology;
}

Ptr<LmaLocalRoutingExtension>
Pmipv6LocalRoutingDomain::GetLmaExtension() const
{
    return GetLmaExtension(GetLmaNames().front());
}

Ptr<LmaLocalRoutingExtension>
Pmipv6LocalRoutingDomain::GetLmaExtension(const std::string& lma) const
{
    return m_topology.GetLma(lma)->GetExtension<LmaLocalRoutingExtension>();
}

std::vector<std::string>
Pmipv6LocalRoutingDomain::GetLmaNames() const
{
    return m_topology.GetNames("lma");
}

Ptr<LmaPrefixDirectory>
Pmipv6LocalRoutingDomain::GetPeerDirectory() const
{
    return m_directory;
}

Ptr<MagLocalRoutingExtension>
Pmipv6LocalRoutingDomain::GetMagExtension(const std::string& mag) const
{
    return m_topology.GetMag(mag)->GetExtension<MagLocalRoutingExtension>();
}

void
Pmipv6LocalRoutingDomain::AddMobileNode(const std::string& mnId, const std::string& mag, Time at)
{
    m_topology.AddMobileNode(mnId, mag, at);
}

uint32_t
Pmipv6LocalRoutingDomain::AddFlow(const std::string& from,
                                  const std::string& to,
                                  Time start,
                                  Time stop,
                                  Time interval)
{
    uint16_t port = m_nextPort++;
    auto flow = std::make_shared<Flow>(Inet6SocketAddress(m_topology.GetHomeAddress(to), port));
    flow->stop = stop;
    flow->interval = interval;
    flow->rx = Socket::CreateSocket(m_topology.GetNode(to), UdpSocketFactory::GetTypeId());
    flow->rx->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), port));
    flow->rx->SetIpv6RecvHopLimit(true);
    flow->rx->SetRecvCallback(MakeBoundCallback(&Pmipv6LocalRoutingDomain::Receive, flow));
    flow->tx = Socket::CreateSocket(m_topology.GetNode(from), UdpSocketFactory::GetTypeId());
    flow->tx->Bind6();
    m_flows.push_back(flow);
    Simulator::Schedule(start, &Pmipv6LocalRoutingDomain::Send, flow);
    return m_flows.size() - 1;
}

void
Pmipv6LocalRoutingDomain::Send(std::shared_ptr<Flow> flow)
{
    if (Simulator::Now() >= flow->stop)
    {
        return;
    }
    uint8_t payload[PROBE_SIZE];
    uint32_t seq = flow->sent;
    uint64_t ns = Simulator::Now().GetNanoSeconds();
    for (int i = 0; i < 4; i++)
    {
        payload[i] = (seq >> (24 - 8 * i)) & 0xff;
    }
    for (int i = 0; i < 8; i++)
    {
        payload[4 + i] = (ns >> (56 - 8 * i)) & 0xff;
    }
    if (flow->ipv4)
    {
        Ipv4Address hoa = flow->topology->GetIpv4HomeAddress(flow->ipv4To);
        if (hoa.IsAny())
        {
            Simulator::Schedule(flow->interval, &Pmipv6LocalRoutingDomain::Send, flow);
            return; // the receiver has no IPv4 home address yet
        }
        flow->tx->SendTo(Create<Packet>(payload, PROBE_SIZE),
                         0,
                         InetSocketAddress(hoa, flow->port));
    }
    else
    {
        flow->tx->SendTo(Create<Packet>(payload, PROBE_SIZE), 0, flow->destination);
    }
    flow->sent++;
    Simulator::Schedule(flow->interval, &Pmipv6LocalRoutingDomain::Send, flow);
}

void
Pmipv6LocalRoutingDomain::Receive(std::shared_ptr<Flow> flow, Ptr<Socket> socket)
{
    Ptr<Packet> p;
    while ((p = socket->Recv()))
    {
        if (p->GetSize() < PROBE_SIZE)
        {
            continue;
        }
        uint8_t payload[PROBE_SIZE];
        p->CopyData(payload, PROBE_SIZE);
        uint32_t seq = 0;
        uint64_t ns = 0;
        for (int i = 0; i < 4; i++)
        {
            seq = (seq << 8) | payload[i];
        }
        for (int i = 0; i < 8; i++)
        {
            ns = (ns << 8) | payload[4 + i];
        }
        SocketIpv6HopLimitTag tag;
        SocketIpTtlTag ttl;
        uint32_t hops = 0;
        if (p->RemovePacketTag(tag))
        {
            hops = PROBE_HOP_LIMIT - tag.GetHopLimit();
        }
        else if (p->RemovePacketTag(ttl))
        {
            hops = PROBE_HOP_LIMIT - ttl.GetTtl(); // ns-3's default IPv4 TTL is 64 too
        }
        flow->samples.push_back(
            Sample{seq, NanoSeconds(static_cast<int64_t>(ns)), Simulator::Now(), hops});
    }
}

uint32_t
Pmipv6LocalRoutingDomain::AddIpv4Flow(const std::string& from,
                                      const std::string& to,
                                      Time start,
                                      Time stop,
                                      Time interval)
{
    uint16_t port = m_nextPort++;
    auto flow = std::make_shared<Flow>(Inet6SocketAddress(Ipv6Address::GetAny(), port));
    flow->ipv4 = true;
    flow->ipv4To = to;
    flow->port = port;
    flow->topology = &m_topology;
    flow->stop = stop;
    flow->interval = interval;
    flow->rx = Socket::CreateSocket(m_topology.GetNode(to), UdpSocketFactory::GetTypeId());
    flow->rx->Bind(InetSocketAddress(Ipv4Address::GetAny(), port));
    flow->rx->SetIpRecvTtl(true);
    flow->rx->SetRecvCallback(MakeBoundCallback(&Pmipv6LocalRoutingDomain::Receive, flow));
    flow->tx = Socket::CreateSocket(m_topology.GetNode(from), UdpSocketFactory::GetTypeId());
    flow->tx->Bind();
    m_flows.push_back(flow);
    Simulator::Schedule(start, &Pmipv6LocalRoutingDomain::Send, flow);
    return m_flows.size() - 1;
}

const std::vector<Pmipv6LocalRoutingDomain::Sample>&
Pmipv6LocalRoutingDomain::GetSamples(uint32_t flow) const
{
    return m_flows.at(flow)->samples;
}

uint32_t
Pmipv6LocalRoutingDomain::GetSentCount(uint32_t flow) const
{
    return m_flows.at(flow)->sent;
}

} // namespace ns3
