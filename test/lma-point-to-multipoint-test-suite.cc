/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The LMA's point-to-multipoint tunnel (Pmipv6LmaApplication "PointToMultipointTunnel",
 * Ipv6TunnelL4Protocol "PointToMultipoint"): the LMA's IPv6 interface count stays the same as
 * MAGs are added, and every mobile node's downlink and uplink still cross the tunnel of its
 * own MAG, counted per tunnel at both ends, also after a handover; the tunnel protocol's
 * identifiers, shared interface and drop of an untagged packet; IPv4 home addresses (RFC 5844)
 * routed through the shared interface by tunnel identifier, both ways, over a handover.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/test.h"
#include "ns3/virtual-net-device.h"

#include <set>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \brief A UDP flow of a fixed number of packets, one every 50 ms.
 * \param from sender
 * \param to receiver address
 * \param sinkNode receiver
 * \param port port
 * \param packets how many packets
 * \param start start time
 * \return the receiving server
 */
Ptr<UdpServer>
CountedFlow(Ptr<Node> from,
            Ipv6Address to,
            Ptr<Node> sinkNode,
            uint16_t port,
            uint32_t packets,
            Time start)
{
    UdpServerHelper sink(port);
    ApplicationContainer server = sink.Install(sinkNode);
    UdpClientHelper client(to, port);
    client.SetAttribute("Interval", TimeValue(MilliSeconds(50)));
    client.SetAttribute("PacketSize", UintegerValue(200));
    client.SetAttribute("MaxPackets", UintegerValue(packets));
    ApplicationContainer app = client.Install(from);
    app.Start(start);
    return DynamicCast<UdpServer>(server.Get(0));
}

/// What one star run observed, per MAG k (mobile node k + 1 attached to MAG k + 1).
struct StarRun
{
    uint32_t lmaInterfaces{0};      ///< the LMA's IPv6 interfaces at the end
    std::vector<uint32_t> tunnels;  ///< the LMA's tunnel interface (or identifier) per MAG
    std::vector<uint64_t> down;     ///< downlink packets received by each mobile node
    std::vector<uint64_t> up;       ///< uplink packets of each mobile node received by the CN
    std::vector<uint64_t> lmaEncap; ///< packets the LMA encapsulated into each MAG's tunnel
    std::vector<uint64_t> lmaDecap; ///< packets the LMA decapsulated from each MAG's tunnel
    std::vector<uint64_t> magEncap; ///< packets each MAG encapsulated towards the LMA
    std::vector<uint64_t> magDecap; ///< packets each MAG decapsulated from the LMA
    uint64_t lmaDrops{0};           ///< the LMA's tunnel drops, all reasons
    uint64_t lmaMulticastDrops{0};  ///< of which multicast (the tunnel interfaces' own DAD)
    uint32_t activeTunnels{0};      ///< the LMA's active tunnels at the end
};

/// Downlink packets sent to mobile node k + 1 (a different number per MAG).
uint32_t
DownPackets(uint32_t k)
{
    return 5 + 3 * k;
}

/// Uplink packets sent by mobile node k + 1.
uint32_t
UpPackets(uint32_t k)
{
    return 4 + 2 * k;
}

/**
 * \brief A star of \p nMags MAGs with one mobile node on each (attached at 0.5 s); from 2 s the
 * CN sends DownPackets(k) to mobile node k + 1 and it sends UpPackets(k) to the CN.
 * \param nMags the MAGs
 * \param pointToMultipoint the LMA's PointToMultipointTunnel
 * \return what was observed at 5 s
 */
StarRun
RunStar(uint32_t nMags, bool pointToMultipoint)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    Pmipv6TopologyHelper topo;
    // the MAGs behind one aggregation switch: the LMA has one transport interface for all
    topo.Build(Pmipv6TopologyHelper::MakeStar(nMags, "5ms", "csma", true));
    Ptr<Pmipv6LmaApplication> lma = topo.GetLma("lma");
    lma->SetAttribute("PointToMultipointTunnel", BooleanValue(pointToMultipoint));
    std::vector<Ptr<UdpServer>> down;
    std::vector<Ptr<UdpServer>> up;
    for (uint32_t k = 0; k < nMags; ++k)
    {
        std::string mnId = "mn" + std::to_string(k + 1);
        topo.AddMobileNode(mnId, "mag" + std::to_string(k + 1), Seconds(0.5));
        down.push_back(CountedFlow(topo.GetNode("cn"),
                                   topo.GetHomeAddress(mnId),
                                   topo.GetNode(mnId),
                                   9000,
                                   DownPackets(k),
                                   Seconds(2)));
        up.push_back(CountedFlow(topo.GetNode(mnId),
                                 topo.GetAddress("cn"),
                                 topo.GetNode("cn"),
                                 10000 + k,
                                 UpPackets(k),
                                 Seconds(2)));
    }
    Simulator::Stop(Seconds(5));
    Simulator::Run();

    StarRun out;
    Ptr<Node> lmaNode = lma->GetNode();
    Ptr<Ipv6TunnelL4Protocol> lmaTunnels = lmaNode->GetObject<Ipv6TunnelL4Protocol>();
    out.lmaInterfaces = lmaNode->GetObject<Ipv6>()->GetNInterfaces();
    out.lmaDrops = lmaTunnels->GetDropCount();
    out.lmaMulticastDrops = lmaTunnels->GetDropCount(Ipv6TunnelL4Protocol::DROP_MULTICAST);
    out.activeTunnels = lmaTunnels->GetTunnelCount();
    for (uint32_t k = 0; k < nMags; ++k)
    {
        std::string mag = "mag" + std::to_string(k + 1);
        Ipv6Address coa = topo.GetMag(mag)->GetProxyCoa();
        Ptr<Ipv6TunnelL4Protocol> magTunnels = topo.GetNode(mag)->GetObject<Ipv6TunnelL4Protocol>();
        out.tunnels.push_back(lmaTunnels->GetTunnelInterface(lma->GetAddress(), coa));
        out.down.push_back(down[k]->GetReceived());
        out.up.push_back(up[k]->GetReceived());
        out.lmaEncap.push_back(lmaTunnels->GetEncapsulatedCount(lma->GetAddress(), coa));
        out.lmaDecap.push_back(lmaTunnels->GetDecapsulatedCount(lma->GetAddress(), coa));
        out.magEncap.push_back(magTunnels->GetEncapsulatedCount(coa, lma->GetAddress()));
        out.magDecap.push_back(magTunnels->GetDecapsulatedCount(coa, lma->GetAddress()));
    }
    Simulator::Destroy();
    return out;
}

/**
 * \ingroup pmipv6-tests
 * \brief With the point-to-multipoint tunnel the LMA has as many IPv6 interfaces with 2 MAGs
 * as with 5, and each mobile node's packets both ways cross its own MAG's tunnel (a different
 * number per MAG, counted per tunnel at the LMA and at the MAG); the same packets as with one
 * tunnel interface per MAG.
 */
class LmaInterfaceCountTestCase : public TestCase
{
  public:
    LmaInterfaceCountTestCase()
        : TestCase("P2MP tunnel: LMA interface count constant as MAGs are added; traffic both "
                   "ways through the right MAG, counted per MAG")
    {
    }

  private:
    /**
     * \brief Check one run's traffic, MAG by MAG.
     * \param r the run
     * \param what a label
     * \param tunnelInterfaces the LMA's tunnel interfaces
     */
    void CheckTraffic(const StarRun& r, const std::string& what, uint32_t tunnelInterfaces)
    {
        for (uint32_t k = 0; k < r.down.size(); ++k)
        {
            std::string mag = what + " mag" + std::to_string(k + 1);
            NS_TEST_EXPECT_MSG_EQ(r.down[k], DownPackets(k), mag << ": downlink delivered");
            NS_TEST_EXPECT_MSG_EQ(r.up[k], UpPackets(k), mag << ": uplink delivered");
            NS_TEST_EXPECT_MSG_EQ(r.lmaEncap[k], DownPackets(k), mag << ": LMA encapsulated");
            NS_TEST_EXPECT_MSG_EQ(r.magDecap[k], DownPackets(k), mag << ": MAG decapsulated");
            NS_TEST_EXPECT_MSG_EQ(r.magEncap[k], UpPackets(k), mag << ": MAG encapsulated");
            NS_TEST_EXPECT_MSG_EQ(r.lmaDecap[k], UpPackets(k), mag << ": LMA decapsulated");
            NS_TEST_EXPECT_MSG_NE(r.tunnels[k],
                                  Ipv6TunnelL4Protocol::NO_INTERFACE,
                                  mag << ": tunnel active");
        }
        // each tunnel interface's own DAD probe when it is set up, nothing else
        NS_TEST_EXPECT_MSG_EQ(r.lmaDrops,
                              tunnelInterfaces,
                              what << ": the LMA's tunnels dropped one DAD probe per interface");
        NS_TEST_EXPECT_MSG_EQ(r.lmaMulticastDrops, r.lmaDrops, what << ": only multicast");
        NS_TEST_EXPECT_MSG_EQ(r.activeTunnels, r.down.size(), what << ": one tunnel per MAG");
    }

    void DoRun() override
    {
        StarRun two = RunStar(2, true);
        StarRun five = RunStar(5, true);
        StarRun perMag = RunStar(5, false);
        CheckTraffic(two, "p2mp, 2 MAGs:", 1);
        CheckTraffic(five, "p2mp, 5 MAGs:", 1);
        CheckTraffic(perMag, "per-MAG tunnels, 5 MAGs:", 5);
        NS_TEST_EXPECT_MSG_EQ(five.lmaInterfaces,
                              two.lmaInterfaces,
                              "the LMA's interfaces do not grow with its MAGs");
        NS_TEST_EXPECT_MSG_EQ(perMag.lmaInterfaces,
                              five.lmaInterfaces + 4,
                              "per-MAG tunnels: one interface per MAG instead of one shared");
        std::set<uint32_t> ids(five.tunnels.begin(), five.tunnels.end());
        NS_TEST_EXPECT_MSG_EQ(ids.size(), 5, "one tunnel identifier per MAG");
        for (uint32_t id : five.tunnels)
        {
            NS_TEST_EXPECT_MSG_EQ(Ipv6TunnelL4Protocol::IsTunnelId(id),
                                  true,
                                  "a tunnel identifier, not an interface index");
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief With the point-to-multipoint tunnel, a mobile node that moves from mag1 to mag2:
 * the binding names mag2's tunnel, mag1's tunnel loses its last reference, and downlink sent
 * after the move crosses mag2's tunnel only.
 */
class LmaPointToMultipointHandoverTestCase : public TestCase
{
  public:
    LmaPointToMultipointHandoverTestCase()
        : TestCase("P2MP tunnel: handover moves the binding and the downlink to the new MAG's "
                   "tunnel")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(2);
        Pmipv6TopologyHelper topo;
        topo.Build(Pmipv6TopologyHelper::MakeStar(3, "5ms", "csma", true));
        Ptr<Pmipv6LmaApplication> lma = topo.GetLma("lma");
        lma->SetAttribute("PointToMultipointTunnel", BooleanValue(true));
        topo.AddMobileNode("mn1", "mag1", Seconds(0.5));
        topo.AddMobileNode("mn2", "mag2", Seconds(0.5));
        // mn1 moves at 2 s; 12 packets reach it from 3 s, 7 reach mn2 from 1.5 s
        topo.ScheduleMove("mn1", "mag2", Seconds(2), MilliSeconds(50));
        Ptr<UdpServer> toMn1 = CountedFlow(topo.GetNode("cn"),
                                           topo.GetHomeAddress("mn1"),
                                           topo.GetNode("mn1"),
                                           9000,
                                           12,
                                           Seconds(3));
        Ptr<UdpServer> toMn2 = CountedFlow(topo.GetNode("cn"),
                                           topo.GetHomeAddress("mn2"),
                                           topo.GetNode("mn2"),
                                           9001,
                                           7,
                                           Seconds(1.5));
        Simulator::Stop(Seconds(4));
        Simulator::Run();

        Ptr<Ipv6TunnelL4Protocol> tunnels = lma->GetNode()->GetObject<Ipv6TunnelL4Protocol>();
        Ipv6Address mag1 = topo.GetMag("mag1")->GetProxyCoa();
        Ipv6Address mag2 = topo.GetMag("mag2")->GetProxyCoa();
        Ipv6Address self = lma->GetAddress();
        NS_TEST_EXPECT_MSG_EQ(topo.GetCurrentMag("mn1"), "mag2", "mn1 moved");
        NS_TEST_EXPECT_MSG_EQ(toMn1->GetReceived(), 12, "mn1's downlink after the move");
        NS_TEST_EXPECT_MSG_EQ(toMn2->GetReceived(), 7, "mn2's downlink");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetReferenceCount(self, mag1), 0, "mag1's tunnel released");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetReferenceCount(self, mag2), 2, "two bindings at mag2");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetTunnelInterface(self, mag1),
                              Ipv6TunnelL4Protocol::NO_INTERFACE,
                              "mag1's tunnel inactive");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetEncapsulatedCount(self, mag1),
                              0,
                              "nothing sent to mag1 (mn1's flow starts after the move)");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetEncapsulatedCount(self, mag2),
                              12 + 7,
                              "both flows through mag2's tunnel");
        std::vector<Ptr<BindingCacheEntry>> entries = lma->GetBindingCache()->FindByMnId("mn1");
        NS_TEST_ASSERT_MSG_EQ(entries.size(), 1, "one binding of mn1");
        NS_TEST_EXPECT_MSG_EQ(entries[0]->tunnelInterface,
                              tunnels->GetTunnelInterface(self, mag2),
                              "the binding names mag2's tunnel");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Ipv6TunnelL4Protocol in point-to-multipoint mode, alone: one interface for any number
 * of tunnels, distinct identifiers mapped to that interface, end points by identifier, a
 * packet routed into the interface without SelectTunnel dropped (no-tunnel), and IPv4 on the
 * same shared device (one IPv4 interface, EnableIpv4 returns the identifier).
 */
class TunnelPointToMultipointTestCase : public TestCase
{
  public:
    TunnelPointToMultipointTestCase()
        : TestCase("P2MP tunnel protocol: one shared interface, identifiers, untagged packet "
                   "dropped")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        InternetStackHelper internet;
        internet.Install(node);
        Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
        uint32_t before = ipv6->GetNInterfaces();
        Ptr<Ipv6TunnelL4Protocol> tunnels = Ipv6TunnelL4Protocol::Install(node);
        tunnels->SetAttribute("PointToMultipoint", BooleanValue(true));
        Ipv6Address local("2001:db8:ff::1");
        std::vector<uint32_t> ids;
        for (uint32_t k = 0; k < 4; ++k)
        {
            std::ostringstream peer;
            peer << "2001:db8:ff::" << 100 + k;
            ids.push_back(tunnels->AddTunnelReference(local, Ipv6Address(peer.str().c_str())));
        }
        NS_TEST_EXPECT_MSG_EQ(ipv6->GetNInterfaces(), before + 1, "one interface for 4 tunnels");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetTunnelCount(), 4, "4 active tunnels");
        std::set<uint32_t> distinct(ids.begin(), ids.end());
        NS_TEST_EXPECT_MSG_EQ(distinct.size(), 4, "distinct identifiers");
        for (uint32_t id : ids)
        {
            NS_TEST_EXPECT_MSG_EQ(tunnels->GetOutputInterface(id), before, "the shared one");
        }
        Ipv6Address l;
        Ipv6Address r;
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetTunnelEndpoints(ids[2], l, r), true, "by identifier");
        NS_TEST_EXPECT_MSG_EQ(r, Ipv6Address("2001:db8:ff::102"), "its peer");
        NS_TEST_EXPECT_MSG_EQ(
            tunnels->GetOutputInterface(Ipv6TunnelL4Protocol::TUNNEL_ID_BASE + 10),
            Ipv6TunnelL4Protocol::NO_INTERFACE,
            "unknown identifier");
        // IPv4: the shared device joins IPv4 once; the identifiers name the tunnels there too
        Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
        uint32_t before4 = ipv4->GetNInterfaces();
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetIpv4OutputInterface(ids[0]),
                              Ipv6TunnelL4Protocol::NO_INTERFACE,
                              "no IPv4 interface before EnableIpv4");
        NS_TEST_EXPECT_MSG_EQ(tunnels->EnableIpv4(ids[0]), ids[0], "IPv4: the identifier");
        NS_TEST_EXPECT_MSG_EQ(tunnels->EnableIpv4(ids[3]), ids[3], "IPv4: the identifier");
        NS_TEST_EXPECT_MSG_EQ(ipv4->GetNInterfaces(), before4 + 1, "one IPv4 interface");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetIpv4OutputInterface(ids[0]), before4, "the shared one");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetIpv4OutputInterface(ids[3]), before4, "the shared one");
        NS_TEST_EXPECT_MSG_EQ(ipv4->GetNetDevice(before4),
                              ipv6->GetNetDevice(before),
                              "its device");
        NS_TEST_EXPECT_MSG_EQ(
            tunnels->GetIpv4OutputInterface(Ipv6TunnelL4Protocol::TUNNEL_ID_BASE + 10),
            Ipv6TunnelL4Protocol::NO_INTERFACE,
            "unknown identifier");
        // a packet handed to the shared device without SelectTunnel: dropped
        Ptr<NetDevice> shared = ipv6->GetNetDevice(before);
        Ipv6Header h;
        h.SetSource(Ipv6Address("2001:1::1"));
        h.SetDestination(Ipv6Address("2001:2::1"));
        h.SetNextHeader(59);
        h.SetPayloadLength(0);
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(h);
        shared->Send(p, shared->GetBroadcast(), Ipv6L3Protocol::PROT_NUMBER);
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetDropCount(Ipv6TunnelL4Protocol::DROP_NO_TUNNEL),
                              1,
                              "untagged packet dropped");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetEncapsulatedCount(), 0, "nothing encapsulated");
        // released and taken again: the same identifier, still one interface
        NS_TEST_EXPECT_MSG_EQ(
            tunnels->RemoveTunnelReference(local, Ipv6Address("2001:db8:ff::101")),
            true,
            "released");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetTunnelCount(), 3, "3 active");
        NS_TEST_EXPECT_MSG_EQ(tunnels->AddTunnelReference(local, Ipv6Address("2001:db8:ff::101")),
                              ids[1],
                              "same identifier again");
        NS_TEST_EXPECT_MSG_EQ(ipv6->GetNInterfaces(), before + 1, "still one interface");
        Simulator::Destroy();
    }
};

/**
 * \brief A UDP flow over IPv4 (20 packets a second from \p start) counted before and after a
 * boundary.
 */
struct P2mpIpv4Flow
{
    Time split;         ///< the boundary
    uint32_t before{0}; ///< received before it
    uint32_t after{0};  ///< received after it

    /**
     * \brief UdpServer "Rx" sink.
     * \param p the packet
     */
    void Rx(Ptr<const Packet> p)
    {
        (Simulator::Now() < split ? before : after)++;
        (void)p;
    }

    /**
     * \brief Start the flow.
     * \param from the sender
     * \param to the receiver's IPv4 address
     * \param sinkNode the receiver
     * \param port the port
     * \param packets how many
     * \param start the first packet
     */
    void Start(Ptr<Node> from,
               Ipv4Address to,
               Ptr<Node> sinkNode,
               uint16_t port,
               uint32_t packets,
               Time start)
    {
        ApplicationContainer server = UdpServerHelper(port).Install(sinkNode);
        server.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&P2mpIpv4Flow::Rx, this));
        UdpClientHelper client(InetSocketAddress(to, port));
        client.SetAttribute("Interval", TimeValue(MilliSeconds(50)));
        client.SetAttribute("PacketSize", UintegerValue(200));
        client.SetAttribute("MaxPackets", UintegerValue(packets));
        client.Install(from).Start(start);
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief With the point-to-multipoint tunnel and IPv4 home addresses (dual-stack mobile nodes,
 * RFC 5844 over the IPv6 transport): the LMA's IPv4 host routes name tunnel identifiers and
 * the IPv4 packets leave by the shared interface into the right MAG's tunnel; mn1 moves from
 * mag1 to mag3 while IPv4 flows both ways, mn2 stays at mag2; every IPv4 datagram is counted in
 * its MAG's tunnel at the LMA, the host route follows the move, and the LMA has one IPv4
 * interface for all tunnels.
 */
class LmaPointToMultipointIpv4TestCase : public TestCase
{
  public:
    LmaPointToMultipointIpv4TestCase()
        : TestCase("P2MP tunnel: IPv4 home addresses both ways through the right MAG's tunnel, "
                   "over a handover")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(3);
        Pmipv6TopologyHelper topo;
        topo.SetIpv4(true);
        topo.SetMobileNodeIp("dual");
        topo.Build(Pmipv6TopologyHelper::MakeStar(3, "5ms", "csma", true));
        Ptr<Pmipv6LmaApplication> lma = topo.GetLma("lma");
        lma->SetAttribute("PointToMultipointTunnel", BooleanValue(true));
        topo.AddMobileNode("mn1", "mag1", Seconds(0.5));
        topo.AddMobileNode("mn2", "mag2", Seconds(0.5));
        const Time move = Seconds(3);
        topo.ScheduleMove("mn1", "mag3", move, MilliSeconds(50));
        // 100 datagrams each, 1 s to 6 s
        P2mpIpv4Flow down1{move};
        P2mpIpv4Flow up1{move};
        P2mpIpv4Flow down2{move};
        P2mpIpv4Flow up2{move};
        Ipv4Address cn = topo.GetIpv4Address("cn");
        // the IPv4 home addresses are given in the PBA: read them when the flows start
        Simulator::Schedule(Seconds(0.9), [&]() {
            down1.Start(topo.GetNode("cn"),
                        topo.GetIpv4HomeAddress("mn1"),
                        topo.GetNode("mn1"),
                        9000,
                        100,
                        Seconds(0.1));
            down2.Start(topo.GetNode("cn"),
                        topo.GetIpv4HomeAddress("mn2"),
                        topo.GetNode("mn2"),
                        9001,
                        100,
                        Seconds(0.1));
            up1.Start(topo.GetNode("mn1"), cn, topo.GetNode("cn"), 9002, 100, Seconds(0.1));
            up2.Start(topo.GetNode("mn2"), cn, topo.GetNode("cn"), 9003, 100, Seconds(0.1));
        });
        Simulator::Stop(Seconds(6.5));
        Simulator::Run();

        Ptr<Node> lmaNode = lma->GetNode();
        Ptr<Ipv6TunnelL4Protocol> tunnels = lmaNode->GetObject<Ipv6TunnelL4Protocol>();
        Ipv6Address self = lma->GetAddress();
        Ipv6Address mag1 = topo.GetMag("mag1")->GetProxyCoa();
        Ipv6Address mag2 = topo.GetMag("mag2")->GetProxyCoa();
        Ipv6Address mag3 = topo.GetMag("mag3")->GetProxyCoa();
        NS_TEST_EXPECT_MSG_EQ(topo.GetCurrentMag("mn1"), "mag3", "mn1 moved");
        NS_TEST_ASSERT_MSG_NE(topo.GetIpv4HomeAddress("mn1"),
                              Ipv4Address::GetAny(),
                              "mn1 has an IPv4 home address");
        // IPv4 both ways, before and after the move
        NS_TEST_EXPECT_MSG_EQ(down1.before, 40u, "mn1's IPv4 downlink at mag1: every datagram");
        NS_TEST_EXPECT_MSG_EQ(up1.before, 40u, "mn1's IPv4 uplink at mag1: every datagram");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(down1.after, 55u, "mn1's IPv4 downlink at mag3");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(up1.after, 55u, "mn1's IPv4 uplink at mag3");
        NS_TEST_EXPECT_MSG_EQ(down2.before + down2.after, 100u, "mn2's IPv4 downlink");
        NS_TEST_EXPECT_MSG_EQ(up2.before + up2.after, 100u, "mn2's IPv4 uplink");
        // each datagram in its MAG's tunnel at the LMA (the LMA sends nothing else into them)
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetEncapsulatedCount(self, mag2),
                              100u,
                              "mn2's downlink by mag2's tunnel only");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetDecapsulatedCount(self, mag2),
                              100u,
                              "mn2's uplink from mag2's tunnel");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(tunnels->GetEncapsulatedCount(self, mag1),
                                    down1.before,
                                    "mn1's downlink before the move by mag1's tunnel");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetEncapsulatedCount(self, mag3),
                              down1.after,
                              "after the move by mag3's tunnel, each one delivered");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetDecapsulatedCount(self, mag1),
                              up1.before,
                              "mn1's uplink before the move from mag1's tunnel");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetDecapsulatedCount(self, mag3),
                              up1.after,
                              "mn1's uplink after the move from mag3's tunnel");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetDropCount(self, mag3), 0u, "no drop in mag3's tunnel");
        NS_TEST_EXPECT_MSG_EQ(tunnels->GetDropCount(Ipv6TunnelL4Protocol::DROP_NO_TUNNEL),
                              0u,
                              "no packet in the shared interface without its tunnel");
        // the host route names mag3's tunnel identifier; one IPv4 interface for all tunnels
        Ptr<Ipv4HomeAddressRouting> routing = Ipv4HomeAddressRouting::Install(lmaNode);
        uint32_t id3 = tunnels->GetTunnelInterface(self, mag3);
        NS_TEST_EXPECT_MSG_EQ(Ipv6TunnelL4Protocol::IsTunnelId(id3), true, "an identifier");
        NS_TEST_EXPECT_MSG_EQ(routing->GetHostRouteInterface(topo.GetIpv4HomeAddress("mn1")),
                              static_cast<int32_t>(id3),
                              "mn1's IPv4 host route names mag3's tunnel");
        NS_TEST_EXPECT_MSG_EQ(routing->GetHostRouteInterface(topo.GetIpv4HomeAddress("mn2")),
                              static_cast<int32_t>(tunnels->GetTunnelInterface(self, mag2)),
                              "mn2's names mag2's");
        Ptr<Ipv4> ipv4 = lmaNode->GetObject<Ipv4>();
        uint32_t shared = tunnels->GetIpv4OutputInterface(id3);
        NS_TEST_ASSERT_MSG_LT(shared, ipv4->GetNInterfaces(), "the shared IPv4 interface");
        NS_TEST_EXPECT_MSG_EQ(
            ipv4->GetNetDevice(shared),
            lmaNode->GetObject<Ipv6>()->GetNetDevice(tunnels->GetOutputInterface(id3)),
            "IPv4 and IPv6 share the tunnel device");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The LMA's point-to-multipoint tunnel.
 */
class LmaPointToMultipointTestSuite : public TestSuite
{
  public:
    LmaPointToMultipointTestSuite()
        : TestSuite("pmipv6-lma-point-to-multipoint", UNIT)
    {
        AddTestCase(new TunnelPointToMultipointTestCase, TestCase::QUICK);
        AddTestCase(new LmaInterfaceCountTestCase, TestCase::QUICK);
        AddTestCase(new LmaPointToMultipointHandoverTestCase, TestCase::QUICK);
        AddTestCase(new LmaPointToMultipointIpv4TestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
LmaPointToMultipointTestSuite g_lmaPointToMultipointTestSuite;

} // namespace
