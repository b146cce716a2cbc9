/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The LMA's point-to-multipoint tunnel (Pmipv6LmaApplication "PointToMultipointTunnel",
 * Ipv6TunnelL4Protocol "PointToMultipoint"): the LMA's IPv6 interface count stays the same as
 * MAGs are added, and every mobile node's downlink and uplink still cross the tunnel of its
 * own MAG, counted per tunnel at both ends, also after a handover; the tunnel protocol's
 * identifiers, shared interface and drop of an untagged packet.
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
 * packet routed into the interface without SelectTunnel dropped (no-tunnel), and no IPv4.
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
        NS_TEST_EXPECT_MSG_EQ(tunnels->EnableIpv4(ids[0]),
                              Ipv6TunnelL4Protocol::NO_INTERFACE,
                              "no IPv4 over a point-to-multipoint tunnel");
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
    }
};

/// The suite's instance.
LmaPointToMultipointTestSuite g_lmaPointToMultipointTestSuite;

} // namespace
