/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Pmipv6TopologyHelper: domains built from graphs. Node counts and roles of a star and of the
 * shipped DOT topologies; shortest-path static routes across a router tree (UDP echo from the
 * CN to every node); registration and delivery through an LMA three router hops away, and a
 * handover there; two LMAs each serving the mobile nodes of their MAGs; a Wi-Fi star whose
 * handover follows the association; DOT reading, its errors, and WriteDot round trips; a star
 * whose MAGs reach the LMA through an aggregation switch.
 */

#include "pmipv6-test-source-dir.h"
#include "pmipv6-test-udp-flow.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/test.h"

#include <fstream>
#include <limits>
#include <set>
#include <sstream>

using namespace ns3;
using ns3::pmipv6test::UdpFlow;

namespace
{

/**
 * \brief The path of a shipped topology (examples/topologies), from the test directory.
 * \param name the file name
 * \return the path
 */
std::string
ShippedTopology(const std::string& name)
{
    return std::string(NS_TEST_SOURCEDIR) + "/../examples/topologies/" + name;
}

/**
 * \brief Count the vertices of one role.
 * \param g the graph
 * \param role the role
 * \return the count
 */
uint32_t
CountRole(const Pmipv6Graph& g, const std::string& role)
{
    uint32_t n = 0;
    for (uint32_t v = 0; v < boost::num_vertices(g); ++v)
    {
        n += g[v].role == role ? 1 : 0;
    }
    return n;
}

/// Counts the packets a UdpServer received inside a time window.
struct WindowCounter
{
    Time from;     ///< window start
    Time to;       ///< window end
    uint32_t n{0}; ///< packets counted

    /**
     * \brief UdpServer "Rx" sink.
     * \param p the packet
     */
    void Rx(Ptr<const Packet> p)
    {
        Time now = Simulator::Now();
        n += (now >= from && now < to) ? 1 : 0;
    }
};

/// Registrations reported by MAGs: (MAG, MN, latency).
struct Registrations
{
    std::vector<std::tuple<std::string, std::string, Time>> events; ///< what was reported

    /**
     * \brief Connect to every MAG of a topology.
     * \param topo the topology
     */
    void Connect(const Pmipv6TopologyHelper& topo)
    {
        for (const std::string& mag : topo.GetMagNames())
        {
            topo.GetMag(mag)->TraceConnectWithoutContext(
                "RegistrationCompleted",
                Callback<void, const std::string&, Time, uint8_t>(
                    [this, mag](const std::string& mnId, Time latency, uint8_t) {
                        events.emplace_back(mag, mnId, latency);
                    }));
        }
    }

    /**
     * \brief The registrations of one MN at one MAG.
     * \param mag the MAG
     * \param mnId the MN
     * \return their latencies
     */
    std::vector<Time> At(const std::string& mag, const std::string& mnId) const
    {
        std::vector<Time> out;
        for (const auto& [m, n, t] : events)
        {
            if (m == mag && n == mnId)
            {
                out.push_back(t);
            }
        }
        return out;
    }
};

} // namespace

/**
 * \ingroup pmipv6-test
 * \brief A star and the shipped DOT topologies have the right nodes, roles, addresses, LMAs
 * and Proxy-CoAs.
 */
class Pmipv6TopologyCountsTestCase : public TestCase
{
  public:
    Pmipv6TopologyCountsTestCase()
        : TestCase("Star and shipped DOT files: node counts, roles, LMA address, Proxy-CoAs")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6TopologyHelper star;
        star.Build(Pmipv6TopologyHelper::MakeStar(3, "7ms"));
        NS_TEST_ASSERT_MSG_EQ(star.GetNodes("cn").GetN(), 1, "one CN");
        NS_TEST_ASSERT_MSG_EQ(star.GetNodes("lma").GetN(), 1, "one LMA");
        NS_TEST_ASSERT_MSG_EQ(star.GetNodes("mag").GetN(), 3, "three MAGs");
        NS_TEST_ASSERT_MSG_EQ(star.GetNodes("router").GetN(), 0, "no router");
        NS_TEST_ASSERT_MSG_EQ(star.GetMagNames().size(), 3, "three MAG names");
        NS_TEST_ASSERT_MSG_EQ(star.GetMagNames()[2], "mag3", "MAGs named mag1..");
        // Edge order: cn--lma is link 1, lma--magk link k+1.
        NS_TEST_ASSERT_MSG_EQ(
            Ipv6Prefix(64).IsMatch(star.GetAddress("cn"), Ipv6Address("fd00:0:0:1::")),
            true,
            "CN's first address on fd00:0:0:1::/64");
        NS_TEST_ASSERT_MSG_EQ(star.GetLma("lma")->GetAddress(),
                              star.GetAddress("lma"),
                              "LMA address is the LMA's first transport address");
        NS_TEST_ASSERT_MSG_EQ(
            Ipv6Prefix(64).IsMatch(star.GetAddress("lma"), Ipv6Address("fd00:0:0:1::")),
            true,
            "LMA's first address is on link 1");
        for (uint32_t k = 1; k <= 3; ++k)
        {
            std::string mag = "mag" + std::to_string(k);
            NS_TEST_ASSERT_MSG_EQ(star.GetMagLma(mag), "lma", "the only LMA serves " << mag);
            NS_TEST_ASSERT_MSG_EQ(star.GetMag(mag)->GetProxyCoa(),
                                  star.GetAddress(mag),
                                  "Proxy-CoA is the MAG's address towards the LMA");
            std::ostringstream prefix;
            prefix << "fd00:0:0:" << k + 1 << "::";
            NS_TEST_ASSERT_MSG_EQ(
                Ipv6Prefix(64).IsMatch(star.GetAddress(mag), Ipv6Address(prefix.str().c_str())),
                true,
                mag << " is on link " << k + 1);
            NS_TEST_ASSERT_MSG_EQ(star.GetNode(mag)->GetObject<Ipv6>()->IsForwarding(1),
                                  true,
                                  "MAGs forward");
        }
        NS_TEST_ASSERT_MSG_EQ(star.GetNode("cn")->GetObject<Ipv6>()->IsForwarding(1),
                              false,
                              "CNs do not forward");
        Simulator::Destroy();

        struct Expected
        {
            std::string file;
            uint32_t lmas, mags, cns, routers, links;
        };

        for (const Expected& e : {Expected{"one-lma-two-mags.dot", 1, 2, 1, 0, 3},
                                  Expected{"one-lma-four-mags.dot", 1, 4, 1, 0, 5},
                                  Expected{"two-lmas.dot", 2, 4, 2, 1, 8},
                                  Expected{"router-tree.dot", 1, 4, 1, 5, 11}})
        {
            Pmipv6Graph g;
            std::string error;
            bool ok = Pmipv6TopologyHelper::TryReadDot(ShippedTopology(e.file), g, error);
            NS_TEST_ASSERT_MSG_EQ(ok, true, e.file << " reads: " << error);
            Pmipv6TopologyHelper topo;
            topo.Build(g);
            NS_TEST_ASSERT_MSG_EQ(topo.GetNodes("lma").GetN(), e.lmas, e.file << " LMAs");
            NS_TEST_ASSERT_MSG_EQ(topo.GetNodes("mag").GetN(), e.mags, e.file << " MAGs");
            NS_TEST_ASSERT_MSG_EQ(topo.GetNodes("cn").GetN(), e.cns, e.file << " CNs");
            NS_TEST_ASSERT_MSG_EQ(topo.GetNodes("router").GetN(), e.routers, e.file << " routers");
            NS_TEST_ASSERT_MSG_EQ(boost::num_edges(topo.GetGraph()), e.links, e.file << " links");
            Simulator::Destroy();
        }
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Routes follow the shortest paths: UDP echo from the CN reaches every node of a
 * multi-hop router tree (and the replies come back).
 */
class Pmipv6TopologyRoutesTestCase : public TestCase
{
  public:
    Pmipv6TopologyRoutesTestCase()
        : TestCase("Router tree: shortest paths, UDP echo from the CN to every node")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6TopologyHelper topo;
        topo.BuildFromDot(ShippedTopology("router-tree.dot"));
        std::vector<std::string> p1 = topo.GetShortestPath("mag1", "lma");
        std::vector<std::string> e1{"mag1", "r3a", "r2a", "r1", "lma"};
        NS_TEST_ASSERT_MSG_EQ((p1 == e1), true, "mag1 reaches the LMA through r3a, r2a, r1");
        std::vector<std::string> p3 = topo.GetShortestPath("mag3", "lma");
        std::vector<std::string> e3{"mag3", "r3b", "r2b", "r1", "lma"};
        NS_TEST_ASSERT_MSG_EQ((p3 == e3), true, "mag3 avoids the slow r2b--r2a cross link");
        std::vector<std::string> p13 = topo.GetShortestPath("mag1", "mag3");
        NS_TEST_ASSERT_MSG_EQ(p13.size(), 7, "mag1 to mag3 goes up to r1 and down (7 nodes)");

        Ptr<Node> cn = topo.GetNode("cn");
        std::vector<std::string>
            targets{"lma", "r1", "r2a", "r2b", "r3a", "r3b", "mag1", "mag2", "mag3", "mag4"};
        std::map<std::string, uint32_t> echoes;
        uint16_t port = 7;
        // Staggered: a router holds at most 3 packets (NdiscCache UnresolvedQueueSize) while it
        // resolves a neighbour on a CSMA link, and four flows cross r1 -- r2b.
        Time start = Seconds(2);
        for (const std::string& t : targets)
        {
            UdpEchoServerHelper server(port);
            ApplicationContainer s = server.Install(topo.GetNode(t));
            s.Start(Seconds(0));
            UdpEchoClientHelper client(topo.GetAddress(t), port);
            client.SetAttribute("MaxPackets", UintegerValue(2));
            client.SetAttribute("Interval", TimeValue(Seconds(1)));
            ApplicationContainer c = client.Install(cn);
            c.Start(start);
            start += MilliSeconds(100);
            c.Get(0)->TraceConnectWithoutContext(
                "Rx",
                Callback<void, Ptr<const Packet>>(
                    [&echoes, t](Ptr<const Packet>) { echoes[t]++; }));
        }
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        for (const std::string& t : targets)
        {
            NS_TEST_ASSERT_MSG_EQ(echoes[t], 2, "both echoes from " << t << " came back");
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Every MAG of a router tree registers a mobile node with an LMA three router hops
 * away; UDP from the CN reaches each mobile node; a handover across the tree keeps delivery.
 */
class Pmipv6TopologyRegistrationTestCase : public TestCase
{
  public:
    Pmipv6TopologyRegistrationTestCase()
        : TestCase("Router tree: every MAG registers an MN, UDP CN to MN, handover mag1 to mag3")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6TopologyHelper topo;
        topo.BuildFromDot(ShippedTopology("router-tree.dot"));
        Registrations reg;
        reg.Connect(topo);
        std::vector<std::string> mags = topo.GetMagNames();
        std::vector<Ptr<UdpServer>> servers;
        for (uint32_t k = 0; k < mags.size(); ++k)
        {
            std::string mnId = "mn" + std::to_string(k + 1);
            topo.AddMobileNode(mnId, mags[k], Seconds(0.5));
            servers.push_back(UdpFlow(topo.GetNode("cn"),
                                      topo.GetHomeAddress(mnId),
                                      topo.GetNode(mnId),
                                      9000,
                                      Seconds(2),
                                      Seconds(4)));
        }
        NS_TEST_ASSERT_MSG_EQ(topo.GetHomeNetworkPrefix("mn3"),
                              HomeNetworkPrefix(Ipv6Address("2001:1:1:3::"), 64),
                              "HNP 2001:1:<lma>:<mn>::/64");
        // mn1 moves from mag1 to mag3 (other branch of the tree) at 5 s.
        topo.ScheduleMove("mn1", "mag3", Seconds(5), MilliSeconds(50));
        WindowCounter after{Seconds(6), Seconds(8)};
        Ptr<UdpServer> late = UdpFlow(topo.GetNode("cn"),
                                      topo.GetHomeAddress("mn1"),
                                      topo.GetNode("mn1"),
                                      9001,
                                      Seconds(6),
                                      Seconds(8));
        late->TraceConnectWithoutContext("Rx", MakeCallback(&WindowCounter::Rx, &after));
        std::string magAt4;
        std::string magAt7;
        Simulator::Schedule(Seconds(4), [&]() { magAt4 = topo.GetCurrentMag("mn1"); });
        Simulator::Schedule(Seconds(7), [&]() { magAt7 = topo.GetCurrentMag("mn1"); });
        Simulator::Stop(Seconds(8.5));
        Simulator::Run();

        for (uint32_t k = 0; k < mags.size(); ++k)
        {
            std::string mnId = "mn" + std::to_string(k + 1);
            std::vector<Time> at = reg.At(mags[k], mnId);
            NS_TEST_ASSERT_MSG_EQ(at.size(), 1, mags[k] << " registered " << mnId << " once");
            // Each MAG is 1 + 1 + 2 + 2 ms from the LMA: one round trip is 12 ms plus
            // transmission times. mag3 and mag4 reach r1 over the CSMA link r2b -- r1, where
            // the first PBU also waits for neighbour discovery (one more 2 x 2 ms round trip
            // or two).
            bool csmaPath = mags[k] == "mag3" || mags[k] == "mag4";
            NS_TEST_ASSERT_MSG_GT(at[0], MilliSeconds(12), "a round trip across three routers");
            NS_TEST_ASSERT_MSG_LT(at[0],
                                  MilliSeconds(csmaPath ? 25 : 14),
                                  mags[k] << ": one round trip (and neighbour discovery)");
            NS_TEST_ASSERT_MSG_EQ(servers[k]->GetReceived(), 40, mnId << " got every packet");
        }
        NS_TEST_ASSERT_MSG_EQ(reg.At("mag3", "mn1").size(), 1, "mag3 registered mn1 after moving");
        NS_TEST_ASSERT_MSG_EQ(magAt4, "mag1", "mn1 at mag1 before the move");
        NS_TEST_ASSERT_MSG_EQ(magAt7, "mag3", "mn1 at mag3 after the move");
        NS_TEST_ASSERT_MSG_EQ(after.n, 40, "downlink to mn1 at mag3 fully delivered");
        NS_TEST_ASSERT_MSG_EQ(topo.GetLma("lma")->GetBindingCache()->GetEntryCount(),
                              4,
                              "four bindings at the LMA");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief SetMobileNodeInterfaces(2): a mobile node with two CSMA interfaces behind a logical
 * interface attaches at mag1 and mag2 (each interface its own attachment): two binding cache
 * entries (own BIDs, own MN link-layer identifiers) share the node's one home network prefix
 * (HI 6), the node has one global address, and downlink UDP reaches it; interface 0 then
 * moves to mag3 and its entry follows while interface 1 stays at mag2.
 */
class Pmipv6TopologyTwoInterfacesTestCase : public TestCase
{
  public:
    Pmipv6TopologyTwoInterfacesTestCase()
        : TestCase("Two interfaces per MN: two bindings, one prefix, one address; one "
                   "interface hands over")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6TopologyHelper topo;
        topo.Build(Pmipv6TopologyHelper::MakeStar(3));
        topo.SetMobileNodeInterfaces(2);
        NS_TEST_ASSERT_MSG_EQ(topo.GetMobileNodeInterfaces(), 2, "setter");
        Registrations reg;
        reg.Connect(topo);
        topo.AddMobileNode("mn1", "mag1", Seconds(0.5));
        NS_TEST_ASSERT_MSG_EQ(topo.GetNInterfaces("mn1"), 2, "two interfaces");
        Ptr<LogicalInterfaceNetDevice> lif =
            DynamicCast<LogicalInterfaceNetDevice>(topo.GetMobileDevice("mn1"));
        NS_TEST_ASSERT_MSG_NE(lif, nullptr, "the IPv6 device is a logical interface");
        NS_TEST_ASSERT_MSG_EQ(lif->GetNPhysicalDevices(), 2, "over two physical devices");
        Ipv6Address home = topo.GetHomeAddress("mn1");
        Ptr<UdpServer> server =
            UdpFlow(topo.GetNode("cn"), home, topo.GetNode("mn1"), 9000, Seconds(2), Seconds(4));
        topo.ScheduleMove("mn1", 0, "mag3", Seconds(5), MilliSeconds(50));
        WindowCounter after{Seconds(6), Seconds(8)};
        Ptr<UdpServer> late =
            UdpFlow(topo.GetNode("cn"), home, topo.GetNode("mn1"), 9001, Seconds(6), Seconds(8));
        late->TraceConnectWithoutContext("Rx", MakeCallback(&WindowCounter::Rx, &after));

        Ptr<Pmipv6LmaApplication> lma = topo.GetLma("lma");
        HomeNetworkPrefix hnp = topo.GetHomeNetworkPrefix("mn1");
        std::vector<Ptr<BindingCacheEntry>> before;
        std::vector<Ipv6Address> coaBefore;
        std::vector<Ipv6Address> globals;
        std::string magsBefore[2];
        Simulator::Schedule(Seconds(4), [&]() {
            before = lma->GetBindingCache()->FindByMnId("mn1");
            for (const auto& e : before)
            {
                coaBefore.push_back(e->proxyCoa);
            }
            Ptr<Ipv6> ipv6 = topo.GetNode("mn1")->GetObject<Ipv6>();
            int32_t i = ipv6->GetInterfaceForDevice(lif);
            for (uint32_t a = 0; i >= 0 && a < ipv6->GetNAddresses(i); ++a)
            {
                Ipv6Address addr = ipv6->GetAddress(i, a).GetAddress();
                if (!addr.IsLinkLocal())
                {
                    globals.push_back(addr);
                }
            }
            magsBefore[0] = topo.GetCurrentMag("mn1", 0);
            magsBefore[1] = topo.GetCurrentMag("mn1", 1);
        });
        std::vector<Ptr<BindingCacheEntry>> end;
        std::string magsAfter[2];
        Simulator::Schedule(Seconds(7.9), [&]() {
            end = lma->GetBindingCache()->FindByMnId("mn1");
            magsAfter[0] = topo.GetCurrentMag("mn1", 0);
            magsAfter[1] = topo.GetCurrentMag("mn1", 1);
        });
        Simulator::Stop(Seconds(8.5));
        Simulator::Run();

        Ipv6Address mag1 = topo.GetMag("mag1")->GetProxyCoa();
        Ipv6Address mag2 = topo.GetMag("mag2")->GetProxyCoa();
        Ipv6Address mag3 = topo.GetMag("mag3")->GetProxyCoa();
        NS_TEST_ASSERT_MSG_EQ(reg.At("mag1", "mn1").size(), 1, "interface 0 registered at mag1");
        NS_TEST_ASSERT_MSG_EQ(reg.At("mag2", "mn1").size(), 1, "interface 1 registered at mag2");
        NS_TEST_ASSERT_MSG_EQ(before.size(), 2, "two binding cache entries");
        NS_TEST_ASSERT_MSG_EQ(coaBefore[0], mag1, "the first at mag1");
        NS_TEST_ASSERT_MSG_EQ(coaBefore[1], mag2, "the second at mag2");
        for (const auto& e : before)
        {
            NS_TEST_EXPECT_MSG_EQ((e->homeNetworkPrefixes == std::vector<HomeNetworkPrefix>{hnp}),
                                  true,
                                  "each binding holds the node's one prefix " << hnp);
        }
        NS_TEST_EXPECT_MSG_NE(before[0]->bindingId, before[1]->bindingId, "own BIDs");
        NS_TEST_EXPECT_MSG_NE((before[0]->mnLinkLayerId == before[1]->mnLinkLayerId),
                              true,
                              "own MN link-layer identifiers");
        NS_TEST_EXPECT_MSG_EQ(+before[1]->handoffIndicator,
                              +mip6::HI_NEW_INTERFACE_SHARED_PREFIX,
                              "the second interface shares the prefix (HI 6)");
        NS_TEST_ASSERT_MSG_EQ(globals.size(), 1, "one global address on the logical interface");
        NS_TEST_EXPECT_MSG_EQ(globals[0], home, "the home address");
        NS_TEST_EXPECT_MSG_EQ(magsBefore[0], "mag1", "interface 0 at mag1");
        NS_TEST_EXPECT_MSG_EQ(magsBefore[1], "mag2", "interface 1 at mag2");
        NS_TEST_EXPECT_MSG_EQ(server->GetReceived(), 40, "downlink to the home address");

        NS_TEST_EXPECT_MSG_EQ(reg.At("mag3", "mn1").size(), 1, "interface 0 registered at mag3");
        NS_TEST_ASSERT_MSG_EQ(end.size(), 2, "still two binding cache entries");
        NS_TEST_EXPECT_MSG_EQ(end[0], before[0], "interface 0's entry moved (the same entry)");
        NS_TEST_EXPECT_MSG_EQ(end[0]->proxyCoa, mag3, "to mag3");
        NS_TEST_EXPECT_MSG_EQ(end[0]->state, BindingCacheEntry::ACTIVE, "active");
        NS_TEST_EXPECT_MSG_EQ(end[1]->proxyCoa, mag2, "interface 1 stays at mag2");
        NS_TEST_EXPECT_MSG_EQ(magsAfter[0], "mag3", "interface 0 at mag3");
        NS_TEST_EXPECT_MSG_EQ(magsAfter[1], "mag2", "interface 1 still at mag2");
        NS_TEST_EXPECT_MSG_EQ(after.n, 40, "downlink after the move");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Two LMAs: each MAG is served by its nearest LMA, each mobile node registers with the
 * LMA of its MAG and gets a prefix of that LMA's block; both are reachable from a CN.
 */
class Pmipv6TopologyTwoLmasTestCase : public TestCase
{
  public:
    Pmipv6TopologyTwoLmasTestCase()
        : TestCase("Two LMAs: nearest LMA per MAG, each serves its own MNs")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6TopologyHelper topo;
        topo.BuildFromDot(ShippedTopology("two-lmas.dot"));
        NS_TEST_ASSERT_MSG_EQ(topo.GetMagLma("mag-a1"), "lma-a", "mag-a1 by lma-a");
        NS_TEST_ASSERT_MSG_EQ(topo.GetMagLma("mag-a2"), "lma-a", "mag-a2 by lma-a");
        NS_TEST_ASSERT_MSG_EQ(topo.GetMagLma("mag-b1"), "lma-b", "mag-b1 by lma-b");
        NS_TEST_ASSERT_MSG_EQ(topo.GetMagLma("mag-b2"), "lma-b", "mag-b2 by lma-b");
        Registrations reg;
        reg.Connect(topo);
        topo.AddMobileNode("mn-a", "mag-a1", Seconds(0.5));
        topo.AddMobileNode("mn-b", "mag-b2", Seconds(0.5));
        NS_TEST_ASSERT_MSG_EQ(topo.GetMobileNodeLma("mn-a"), "lma-a", "mn-a's LMA");
        NS_TEST_ASSERT_MSG_EQ(topo.GetMobileNodeLma("mn-b"), "lma-b", "mn-b's LMA");
        NS_TEST_ASSERT_MSG_EQ(topo.GetHomeNetworkPrefix("mn-b"),
                              HomeNetworkPrefix(Ipv6Address("2001:1:2:2::"), 64),
                              "mn-b's prefix from lma-b's block");
        Ptr<PrefixPool> poolB = topo.GetLma("lma-b")->GetPrefixPool();
        NS_TEST_ASSERT_MSG_EQ(poolB->IsAllocated(topo.GetHomeNetworkPrefix("mn-b")),
                              true,
                              "mn-b's prefix reserved in lma-b's pool");
        HomeNetworkPrefix assigned;
        NS_TEST_ASSERT_MSG_EQ(poolB->Allocate(assigned), true, "lma-b's pool assigns");
        NS_TEST_ASSERT_MSG_EQ(
            HomeNetworkPrefix(Ipv6Address("2001:1:2::"), 48).Contains(assigned.prefix),
            true,
            "lma-b assigns from its own block, where the routes lead");
        poolB->Release(assigned);
        Ptr<UdpServer> toA = UdpFlow(topo.GetNode("cn1"),
                                     topo.GetHomeAddress("mn-a"),
                                     topo.GetNode("mn-a"),
                                     9000,
                                     Seconds(2),
                                     Seconds(3));
        Ptr<UdpServer> toB = UdpFlow(topo.GetNode("cn1"),
                                     topo.GetHomeAddress("mn-b"),
                                     topo.GetNode("mn-b"),
                                     9000,
                                     Seconds(2),
                                     Seconds(3));
        Ptr<UdpServer> fromCn2 = UdpFlow(topo.GetNode("cn2"),
                                         topo.GetHomeAddress("mn-a"),
                                         topo.GetNode("mn-a"),
                                         9001,
                                         Seconds(2),
                                         Seconds(3));
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(reg.At("mag-a1", "mn-a").size(), 1, "mn-a registered at mag-a1");
        NS_TEST_ASSERT_MSG_EQ(reg.At("mag-b2", "mn-b").size(), 1, "mn-b registered at mag-b2");
        Ptr<BindingCache> a = topo.GetLma("lma-a")->GetBindingCache();
        Ptr<BindingCache> b = topo.GetLma("lma-b")->GetBindingCache();
        NS_TEST_ASSERT_MSG_EQ(a->GetEntryCount(), 1, "one binding at lma-a");
        NS_TEST_ASSERT_MSG_EQ(b->GetEntryCount(), 1, "one binding at lma-b");
        NS_TEST_ASSERT_MSG_EQ(topo.GetLma("lma-a")->GetPbuCount(), 1, "lma-a got mn-a's PBU");
        NS_TEST_ASSERT_MSG_EQ(topo.GetLma("lma-b")->GetPbuCount(), 1, "lma-b got mn-b's PBU");
        NS_TEST_ASSERT_MSG_EQ(toA->GetReceived(), 20, "cn1 reaches mn-a through lma-a");
        NS_TEST_ASSERT_MSG_EQ(toB->GetReceived(), 20, "cn1 reaches mn-b through lma-b");
        NS_TEST_ASSERT_MSG_EQ(fromCn2->GetReceived(), 20, "cn2 reaches mn-a");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief A Wi-Fi star: the station associates with the first access point, is moved next to
 * the second one, and the second MAG registers it when it associates there.
 */
class Pmipv6TopologyWifiTestCase : public TestCase
{
  public:
    Pmipv6TopologyWifiTestCase()
        : TestCase("Wi-Fi star: association-driven registration and handover after a move")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6TopologyHelper topo;
        topo.Build(Pmipv6TopologyHelper::MakeStar(2, "5ms", "wifi"));
        Registrations reg;
        reg.Connect(topo);
        topo.AddMobileNode("mn", "mag1", Seconds(1));
        topo.ScheduleMove("mn", "mag2", Seconds(4));
        uint32_t moved = 0;
        topo.GetLma("lma")->TraceConnectWithoutContext(
            "Handover",
            Callback<void, const std::string&, Ipv6Address, Ipv6Address>(
                [&moved](const std::string&, Ipv6Address, Ipv6Address) { moved++; }));
        WindowCounter before{Seconds(2.5), Seconds(3.5)};
        WindowCounter after{Seconds(8), Seconds(9)};
        Ptr<UdpServer> down = UdpFlow(topo.GetNode("cn"),
                                      topo.GetHomeAddress("mn"),
                                      topo.GetNode("mn"),
                                      9000,
                                      Seconds(2.5),
                                      Seconds(9));
        down->TraceConnectWithoutContext("Rx", MakeCallback(&WindowCounter::Rx, &before));
        down->TraceConnectWithoutContext("Rx", MakeCallback(&WindowCounter::Rx, &after));
        Simulator::Stop(Seconds(9.5));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(reg.At("mag1", "mn").size(), 1, "mag1 registered mn on association");
        NS_TEST_ASSERT_MSG_EQ(reg.At("mag2", "mn").size(), 1, "mag2 registered mn after the move");
        NS_TEST_ASSERT_MSG_EQ(moved, 1, "the LMA moved the session once");
        NS_TEST_ASSERT_MSG_EQ(before.n, 20, "downlink delivered at mag1");
        NS_TEST_ASSERT_MSG_EQ(after.n, 20, "downlink delivered at mag2");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief ReadDot: roles, access, positions, `lma`, edge types, rates and delays from a file;
 * other attributes ignored; digraphs accepted; a MAG's `lma` attribute wins over distance.
 */
class Pmipv6TopologyReadDotTestCase : public TestCase
{
  public:
    Pmipv6TopologyReadDotTestCase()
        : TestCase("ReadDot: node and edge attributes from a DOT file, digraph, lma attribute")
    {
    }

  private:
    void DoRun() override
    {
        std::string path = CreateTempDirFilename("topology.dot");
        {
            std::ofstream out(path);
            out << "// a comment\n"
                   "graph test {\n"
                   "  la [role=lma, label=\"ignored\", color=red];\n"
                   "  lb [role=lma];\n"
                   "  w1 [role=mag, access=wifi, x=10.5, y=-20];\n"
                   "  w2 [role=mag, access=wifi, x=300, y=-20, lma=lb];\n"
                   "  r [role=router];\n"
                   "  c [role=cn];\n"
                   "  c -- la [rate=\"1Gbps\", delay=\"1ms\"];\n"
                   "  la -- r [type=csma, rate=\"10Mbps\", delay=\"250us\"];\n"
                   "  r -- w1; r -- w2;\n"
                   "  la -- lb [delay=\"30ms\"];\n"
                   "}\n";
        }
        Pmipv6Graph g;
        std::string error;
        bool ok = Pmipv6TopologyHelper::TryReadDot(path, g, error);
        NS_TEST_ASSERT_MSG_EQ(ok, true, "the file reads: " << error);
        NS_TEST_ASSERT_MSG_EQ(boost::num_vertices(g), 6, "six nodes");
        NS_TEST_ASSERT_MSG_EQ(boost::num_edges(g), 5, "five links");
        NS_TEST_ASSERT_MSG_EQ(CountRole(g, "lma"), 2, "two LMAs");
        NS_TEST_ASSERT_MSG_EQ(CountRole(g, "mag"), 2, "two MAGs");
        NS_TEST_ASSERT_MSG_EQ(CountRole(g, "router"), 1, "one router");
        NS_TEST_ASSERT_MSG_EQ(CountRole(g, "cn"), 1, "one CN");
        std::map<std::string, uint32_t> v;
        for (uint32_t i = 0; i < boost::num_vertices(g); ++i)
        {
            v[g[i].name] = i;
        }
        NS_TEST_ASSERT_MSG_EQ(g[v["w1"]].access, "wifi", "access read");
        NS_TEST_ASSERT_MSG_EQ(g[v["w1"]].x, 10.5, "x read");
        NS_TEST_ASSERT_MSG_EQ(g[v["w1"]].y, -20, "y read");
        NS_TEST_ASSERT_MSG_EQ(g[v["w2"]].lma, "lb", "lma read");
        NS_TEST_ASSERT_MSG_EQ(g[v["r"]].access, "csma", "access defaults to csma");
        std::map<std::pair<std::string, std::string>, Pmipv6EdgeProperties> edges;
        auto [it, end] = boost::edges(g);
        for (; it != end; ++it)
        {
            std::string a = g[boost::source(*it, g)].name;
            std::string b = g[boost::target(*it, g)].name;
            edges[std::minmax(a, b)] = g[*it];
        }
        const Pmipv6EdgeProperties& cla = edges[std::minmax<std::string>("c", "la")];
        NS_TEST_ASSERT_MSG_EQ(cla.type, "p2p", "type defaults to p2p");
        NS_TEST_ASSERT_MSG_EQ(cla.dataRate, "1Gbps", "rate read");
        NS_TEST_ASSERT_MSG_EQ(cla.delay, "1ms", "delay read");
        const Pmipv6EdgeProperties& lar = edges[std::minmax<std::string>("la", "r")];
        NS_TEST_ASSERT_MSG_EQ(lar.type, "csma", "type read");
        NS_TEST_ASSERT_MSG_EQ(lar.dataRate, "10Mbps", "rate read");
        NS_TEST_ASSERT_MSG_EQ(lar.delay, "250us", "delay read");
        const Pmipv6EdgeProperties& rw1 = edges[std::minmax<std::string>("r", "w1")];
        NS_TEST_ASSERT_MSG_EQ(rw1.dataRate, "100Mbps", "rate defaults to 100Mbps");
        NS_TEST_ASSERT_MSG_EQ(rw1.delay, "2ms", "delay defaults to 2ms");

        // Built: w1 is nearest to la, w2 is told to use lb (30 ms further).
        Pmipv6TopologyHelper topo;
        topo.Build(g);
        NS_TEST_ASSERT_MSG_EQ(topo.GetMagLma("w1"), "la", "nearest LMA");
        NS_TEST_ASSERT_MSG_EQ(topo.GetMagLma("w2"), "lb", "the lma attribute wins");
        NS_TEST_ASSERT_MSG_EQ(topo.GetMag("w2")->GetProxyCoa(),
                              topo.GetAddress("w2"),
                              "w2's Proxy-CoA on its only link");
        Simulator::Destroy();

        // The same as a digraph: every directed edge is one link.
        Pmipv6Graph d;
        ok = Pmipv6TopologyHelper::TryParseDot("digraph d { l [role=lma]; m [role=mag]; c "
                                               "[role=cn]; c -> l; l -> m [delay=\"3ms\"]; }",
                                               d,
                                               error);
        NS_TEST_ASSERT_MSG_EQ(ok, true, "a digraph reads: " << error);
        NS_TEST_ASSERT_MSG_EQ(boost::num_edges(d), 2, "two links");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Malformed or invalid DOT input is reported by TryReadDot/TryParseDot with a reason,
 * without aborting.
 */
class Pmipv6TopologyDotErrorsTestCase : public TestCase
{
  public:
    Pmipv6TopologyDotErrorsTestCase()
        : TestCase("Malformed and invalid DOT: errors reported with a reason")
    {
    }

  private:
    void DoRun() override
    {
        const std::string ok = "l [role=lma]; m [role=mag]; l -- m;";

        struct Case
        {
            std::string text;   ///< DOT text
            std::string expect; ///< part of the error message
        };

        for (const Case& c : {
                 Case{"graph { " + ok, "DOT"},               // no closing brace
                 Case{"graph { l [role=lma] m -- }", "DOT"}, // syntax
                 Case{"graph { l [role=lma]; m [role=boss]; l -- m; }", "unknown role 'boss'"},
                 Case{"graph { l [role=lma]; m; l -- m; }", "has no role"},
                 Case{"graph { l [role=mag]; m [role=mag]; l -- m; }", "no LMA"},
                 Case{"graph { l [role=lma]; m [role=mag, access=lte]; l -- m; }",
                      "unknown access 'lte'"},
                 Case{"graph { l [role=lma]; m [role=mag]; l -- m [delay=\"fast\"]; }",
                      "bad delay 'fast'"},
                 Case{"graph { l [role=lma]; m [role=mag]; l -- m [rate=\"lots\"]; }",
                      "bad rate 'lots'"},
                 Case{"graph { l [role=lma]; m [role=mag]; l -- m [type=fiber]; }",
                      "unknown type 'fiber'"},
                 Case{"graph { l [role=lma]; m [role=mag]; n [role=mag]; o [role=cn]; l -- m; "
                      "n -- o; }",
                      "not connected"},
                 Case{"graph { l [role=lma]; m [role=mag]; x [role=cn]; l -- m; }", "has no link"},
                 Case{"graph { l [role=lma]; m [role=mag, x=abc]; l -- m; }", "wrong type"},
                 Case{"graph { l [role=lma]; m [role=mag, lma=m]; l -- m; }", "names no LMA"},
                 Case{"graph { l [role=lma]; m [role=mag]; l -- l; l -- m; }", "self-loop"},
                 Case{"graph { l [role=lma, switch=maybe]; m [role=mag]; l -- m; }",
                      "switch must be"},
                 Case{"graph { l [role=lma]; a [role=mag, access=wifi]; b [role=mag, "
                      "access=wifi]; l -- a; l -- b; }",
                      "same position"},
             })
        {
            Pmipv6Graph g;
            std::string error;
            bool parsed = Pmipv6TopologyHelper::TryParseDot(c.text, g, error);
            NS_TEST_ASSERT_MSG_EQ(parsed, false, "rejected: " << c.text);
            NS_TEST_ASSERT_MSG_NE(error.find(c.expect),
                                  std::string::npos,
                                  "error for '" << c.text << "' mentions '" << c.expect
                                                << "': " << error);
        }
        Pmipv6Graph g;
        std::string error;
        bool read = Pmipv6TopologyHelper::TryReadDot("/nonexistent/topology.dot", g, error);
        NS_TEST_ASSERT_MSG_EQ(read, false, "a missing file is an error");
        NS_TEST_ASSERT_MSG_NE(error.find("cannot open"), std::string::npos, "says why: " << error);
        // Validate() checks graphs built in code the same way.
        Pmipv6Graph empty;
        NS_TEST_ASSERT_MSG_EQ(Pmipv6TopologyHelper::Validate(empty, error), false, "empty graph");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief WriteDot writes the built topology with addresses, and reads back as the same graph.
 */
class Pmipv6TopologyWriteDotTestCase : public TestCase
{
  public:
    Pmipv6TopologyWriteDotTestCase()
        : TestCase("WriteDot: addresses written, output reads back as the same topology")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6TopologyHelper topo;
        topo.BuildFromDot(ShippedTopology("two-lmas.dot"));
        topo.AddMobileNode("mn1", "mag-b1", Seconds(1));
        std::ostringstream out;
        topo.WriteDot(out);
        std::string text = out.str();
        std::ostringstream lmaAddress;
        lmaAddress << topo.GetAddress("lma-b");
        NS_TEST_ASSERT_MSG_NE(text.find(lmaAddress.str()), std::string::npos, "LMA address");
        NS_TEST_ASSERT_MSG_NE(text.find("fd00:0:0:8::/64"), std::string::npos, "link prefixes");
        NS_TEST_ASSERT_MSG_NE(text.find("2001:1:2:1::/64"), std::string::npos, "mobile node");
        Pmipv6Graph back;
        std::string error;
        bool ok = Pmipv6TopologyHelper::TryParseDot(text, back, error);
        NS_TEST_ASSERT_MSG_EQ(ok, true, "WriteDot output reads back: " << error);
        const Pmipv6Graph& built = topo.GetGraph();
        NS_TEST_ASSERT_MSG_EQ(boost::num_vertices(back), boost::num_vertices(built), "nodes");
        NS_TEST_ASSERT_MSG_EQ(boost::num_edges(back), boost::num_edges(built), "links");
        for (uint32_t v = 0; v < boost::num_vertices(built); ++v)
        {
            NS_TEST_ASSERT_MSG_EQ(back[v].name, built[v].name, "same names in order");
            NS_TEST_ASSERT_MSG_EQ(back[v].role, built[v].role, "same roles");
            NS_TEST_ASSERT_MSG_EQ(back[v].x, built[v].x, "same positions");
        }
        Simulator::Destroy();
        Pmipv6TopologyHelper again;
        again.Build(back);
        for (const std::string& mag : again.GetMagNames())
        {
            NS_TEST_ASSERT_MSG_EQ(again.GetMagLma(mag), topo.GetMagLma(mag), "same LMA");
            NS_TEST_ASSERT_MSG_EQ(again.GetAddress(mag).CombinePrefix(Ipv6Prefix(64)),
                                  topo.GetAddress(mag).CombinePrefix(Ipv6Prefix(64)),
                                  "same link prefix");
#if !defined(PMIPV6_NS3_VERSION) || PMIPV6_NS3_VERSION > 331
            // ns-3.31 does not reset the MAC allocation at Simulator::Destroy: there the
            // second topology's devices get other MAC addresses, hence interface identifiers.
            NS_TEST_ASSERT_MSG_EQ(again.GetAddress(mag), topo.GetAddress(mag), "same address");
#endif
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The Pmipv6TopologyHelper suite.
 */
/**
 * \ingroup pmipv6-test
 * \brief SetMobileNodeMulticastFilter: four mobile nodes share mag1's CSMA access link. With
 * the filter each node's device drops the other nodes' solicited-node multicast (their DAD
 * probes) before its IPv6 stack, and exactly those packets: the node's IPv6 layer receives
 * as many packets fewer as the filter dropped, and the registrations, Router Advertisements,
 * addresses and downlink traffic are the same as without it. The filter itself: a frame to a
 * foreign solicited-node group is dropped; all-nodes, the node's own solicited-node group,
 * unicast, non-IPv6 and truncated frames pass.
 */
class Pmipv6TopologyMulticastFilterTestCase : public TestCase
{
  public:
    Pmipv6TopologyMulticastFilterTestCase()
        : TestCase("Multicast filter on the mobile nodes' CSMA devices: same outcome, fewer "
                   "packets up the stack")
    {
    }

  private:
    /// What one run produced.
    struct Outcome
    {
        uint32_t registrations{0};        ///< RegistrationCompleted at mag1
        uint32_t ras{0};                  ///< Router Advertisements sent by mag1
        std::vector<uint64_t> ipRx;       ///< packets received by each MN's IPv6 layer
        std::vector<uint64_t> filtered;   ///< frames each MN's filter dropped
        std::vector<uint32_t> udp;        ///< downlink UDP packets each MN received
        std::vector<bool> hasHomeAddress; ///< each MN configured its home address
    };

    /**
     * \brief Run the domain.
     * \param filter the mobile nodes filter multicast
     * \return the outcome
     */
    Outcome Run(bool filter)
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Outcome out;
        Pmipv6TopologyHelper topo;
        topo.Build(Pmipv6TopologyHelper::MakeStar(2, "5ms", "csma"));
        topo.SetMobileNodeMulticastFilter(filter);
        topo.GetMag("mag1")->TraceConnectWithoutContext(
            "RegistrationCompleted",
            Callback<void, const std::string&, Time, uint8_t>(
                [&out](const std::string&, Time, uint8_t) { out.registrations++; }));
        const uint32_t n = 4;
        out.ipRx.assign(n, 0);
        std::vector<Ptr<UdpServer>> servers;
        for (uint32_t k = 0; k < n; ++k)
        {
            std::string mnId = "mn" + std::to_string(k);
            Ptr<Node> node = topo.AddMobileNode(mnId, "mag1", Seconds(0.5 + 0.1 * k));
            node->GetObject<Ipv6L3Protocol>()->TraceConnectWithoutContext(
                "Rx",
                Callback<void, Ptr<const Packet>, Ptr<Ipv6>, uint32_t>(
                    [&out, k](Ptr<const Packet>, Ptr<Ipv6>, uint32_t) { out.ipRx[k]++; }));
            servers.push_back(UdpFlow(topo.GetNode("cn"),
                                      topo.GetHomeAddress(mnId),
                                      node,
                                      9000,
                                      Seconds(2),
                                      Seconds(3)));
        }
        Simulator::Stop(Seconds(3.5));
        Simulator::Run();
        out.ras = topo.GetMag("mag1")->GetRouterAdvertisementCount();
        for (uint32_t k = 0; k < n; ++k)
        {
            std::string mnId = "mn" + std::to_string(k);
            out.filtered.push_back(topo.GetMulticastFiltered(mnId));
            out.udp.push_back(servers[k]->GetReceived());
            Ptr<Ipv6L3Protocol> ipv6 = topo.GetNode(mnId)->GetObject<Ipv6L3Protocol>();
            out.hasHomeAddress.push_back(ipv6->GetInterfaceForAddress(topo.GetHomeAddress(mnId)) >=
                                         0);
        }
        Simulator::Destroy();
        return out;
    }

    /**
     * \brief An Ethernet II frame with an IPv6 header (and trailer room), as the CSMA
     * device's receive error model sees it.
     * \param dstMac the destination MAC address
     * \param type the EtherType
     * \param dst the IPv6 destination
     * \return the frame
     */
    static Ptr<Packet> Frame(Mac48Address dstMac, uint16_t type, Ipv6Address dst)
    {
        Ptr<Packet> p = Create<Packet>(20);
        Ipv6Header ip;
        ip.SetSource(Ipv6Address("fe80::1"));
        ip.SetDestination(dst);
        ip.SetNextHeader(Icmpv6L4Protocol::PROT_NUMBER);
        ip.SetPayloadLength(20);
        p->AddHeader(ip);
        EthernetHeader eth(false);
        eth.SetDestination(dstMac);
        eth.SetSource(Mac48Address("00:00:00:00:00:09"));
        eth.SetLengthType(type);
        p->AddHeader(eth);
        return p;
    }

    void DoRun() override
    {
        Outcome off = Run(false);
        Outcome on = Run(true);
        NS_TEST_ASSERT_MSG_EQ(off.registrations, 4, "four registrations without the filter");
        NS_TEST_ASSERT_MSG_EQ(on.registrations, off.registrations, "the same registrations");
        NS_TEST_ASSERT_MSG_EQ(on.ras, off.ras, "the same Router Advertisements");
        for (uint32_t k = 0; k < off.ipRx.size(); ++k)
        {
            NS_TEST_ASSERT_MSG_EQ(off.filtered[k], 0, "no filter, nothing filtered");
            // mn0 is on the link while mn1..mn3 arrive (their DAD probes of the link-local
            // and home addresses), mn3 while none does.
            NS_TEST_ASSERT_MSG_GT(on.filtered[0], 0, "mn0 filtered the others' DAD probes");
            NS_TEST_ASSERT_MSG_EQ(on.ipRx[k] + on.filtered[k],
                                  off.ipRx[k],
                                  "mn" << k << ": its IPv6 layer misses exactly the filtered");
            NS_TEST_ASSERT_MSG_EQ(off.udp[k], 20, "mn" << k << " got the downlink traffic");
            NS_TEST_ASSERT_MSG_EQ(on.udp[k], off.udp[k], "the same downlink traffic");
            NS_TEST_ASSERT_MSG_EQ(off.hasHomeAddress[k], true, "home address configured");
            NS_TEST_ASSERT_MSG_EQ(on.hasHomeAddress[k], true, "home address configured");
        }

        // The filter on crafted frames, for a node with fe80::200:ff:fe00:1.
        Ptr<Node> node = CreateObject<Node>();
        InternetStackHelper internet;
        internet.SetIpv4StackInstall(false);
        internet.Install(node);
        Ptr<SimpleNetDevice> device = CreateObject<SimpleNetDevice>();
        device->SetAddress(Mac48Address("00:00:00:00:00:01"));
        node->AddDevice(device);
        Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
        uint32_t interface = ipv6->AddInterface(device);
        ipv6->SetUp(interface);
        Ptr<MulticastRxFilter> filter = CreateObject<MulticastRxFilter>();
        filter->SetDevice(device);
        Ipv6Address own = Ipv6Address::MakeSolicitedAddress(Ipv6Address("fe80::200:ff:fe00:1"));
        Ipv6Address foreign = Ipv6Address::MakeSolicitedAddress(Ipv6Address("fe80::2"));
        auto mac = [](Ipv6Address a) { return Mac48Address::GetMulticast(a); };
        NS_TEST_ASSERT_MSG_EQ(filter->IsCorrupt(Frame(mac(foreign), 0x86dd, foreign)),
                              true,
                              "another node's solicited-node group: dropped");
        NS_TEST_ASSERT_MSG_EQ(filter->IsCorrupt(Frame(mac(own), 0x86dd, own)),
                              false,
                              "its own solicited-node group: passes");
        Ipv6Address allNodes = Ipv6Address::GetAllNodesMulticast();
        NS_TEST_ASSERT_MSG_EQ(filter->IsCorrupt(Frame(mac(allNodes), 0x86dd, allNodes)),
                              false,
                              "all nodes: passes");
        NS_TEST_ASSERT_MSG_EQ(
            filter->IsCorrupt(Frame(Mac48Address("00:00:00:00:00:01"), 0x86dd, foreign)),
            false,
            "unicast MAC: passes");
        NS_TEST_ASSERT_MSG_EQ(filter->IsCorrupt(Frame(mac(foreign), 0x0800, foreign)),
                              false,
                              "not IPv6: passes");
        NS_TEST_ASSERT_MSG_EQ(filter->IsCorrupt(Create<Packet>(3)), false, "truncated: passes");
        Ptr<Packet> shortFrame = Frame(mac(foreign), 0x86dd, foreign);
        shortFrame->RemoveAtEnd(shortFrame->GetSize() - 30);
        NS_TEST_ASSERT_MSG_EQ(filter->IsCorrupt(shortFrame), false, "cut IPv6 header: passes");
        NS_TEST_ASSERT_MSG_EQ(filter->GetFiltered(), 1, "one frame filtered");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief A star whose MAGs reach the LMA through an L2 aggregation switch (DOT `switch=1`):
 * the LMA has one transport interface for all MAGs and its tunnel interfaces have no
 * address; every MN registers, UDP from the CN reaches each of them, a handover works; no
 * packet is flooded to a MAG that is not its destination (no NS or DAD on the segment); loss
 * on one MAG's link hits that MAG only.
 */
class Pmipv6TopologySwitchTestCase : public TestCase
{
  public:
    Pmipv6TopologySwitchTestCase()
        : TestCase("Aggregation switch: one LMA interface for all MAGs, registration, handover, "
                   "no flooding, per-MAG link loss")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Graph g;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(Pmipv6TopologyHelper::TryParseDot(
                                  "graph { cn [role=cn]; lma [role=lma, switch=1]; "
                                  "mag1 [role=mag]; mag2 [role=mag]; mag3 [role=mag]; "
                                  "mag4 [role=mag]; cn -- lma; lma -- mag1; lma -- mag2; "
                                  "lma -- mag3; lma -- mag4 [loss=1]; }",
                                  g,
                                  error),
                              true,
                              error);
        Pmipv6TopologyHelper topo;
        topo.Build(g);
        Ptr<Ipv6L3Protocol> lmaIp = topo.GetNode("lma")->GetObject<Ipv6L3Protocol>();
        // Loopback, the CN link, the switch: not one interface per MAG.
        NS_TEST_ASSERT_MSG_EQ(lmaIp->GetNInterfaces(), 3, "three interfaces at the LMA");
        Ipv6Address lmaOnSegment = lmaIp->GetAddress(2, 1).GetAddress();
        std::set<Ipv6Address> proxyCoas;
        for (const std::string& mag : topo.GetMagNames())
        {
            Ipv6Address coa = topo.GetMag(mag)->GetProxyCoa();
            proxyCoas.insert(coa);
            NS_TEST_ASSERT_MSG_EQ(coa.CombinePrefix(Ipv6Prefix(64)),
                                  lmaOnSegment.CombinePrefix(Ipv6Prefix(64)),
                                  mag << "'s Proxy-CoA is on the LMA's segment");
        }
        NS_TEST_ASSERT_MSG_EQ(proxyCoas.size(), 4, "four distinct Proxy-CoAs");

        // Packets a MAG receives on its transport interface that are not for it: a flood.
        uint32_t flooded = 0;
        for (const std::string& mag : topo.GetMagNames())
        {
            Ipv6Address coa = topo.GetMag(mag)->GetProxyCoa();
            Ptr<Ipv6L3Protocol> ip = topo.GetNode(mag)->GetObject<Ipv6L3Protocol>();
            uint32_t transport = ip->GetInterfaceForAddress(coa);
            ip->TraceConnectWithoutContext(
                "Rx",
                Callback<void, Ptr<const Packet>, Ptr<Ipv6>, uint32_t>(
                    [&flooded, coa, transport](Ptr<const Packet> p, Ptr<Ipv6>, uint32_t i) {
                        Ipv6Header h;
                        p->PeekHeader(h);
                        flooded += i == transport && h.GetDestination() != coa ? 1 : 0;
                    }));
        }

        Registrations reg;
        reg.Connect(topo);
        std::vector<Ptr<UdpServer>> servers;
        for (uint32_t k = 1; k <= 4; ++k)
        {
            std::string mnId = "mn" + std::to_string(k);
            topo.AddMobileNode(mnId, "mag" + std::to_string(k), Seconds(0.5));
            servers.push_back(UdpFlow(topo.GetNode("cn"),
                                      topo.GetHomeAddress(mnId),
                                      topo.GetNode(mnId),
                                      9000,
                                      Seconds(2),
                                      Seconds(4)));
        }
        topo.ScheduleMove("mn1", "mag3", Seconds(5), MilliSeconds(50));
        WindowCounter after{Seconds(6), Seconds(8)};
        Ptr<UdpServer> late = UdpFlow(topo.GetNode("cn"),
                                      topo.GetHomeAddress("mn1"),
                                      topo.GetNode("mn1"),
                                      9001,
                                      Seconds(6),
                                      Seconds(8));
        late->TraceConnectWithoutContext("Rx", MakeCallback(&WindowCounter::Rx, &after));
        Simulator::Stop(Seconds(8.5));
        Simulator::Run();

        for (uint32_t k = 1; k <= 3; ++k)
        {
            std::string mnId = "mn" + std::to_string(k);
            std::string mag = "mag" + std::to_string(k);
            std::vector<Time> at = reg.At(mag, mnId);
            NS_TEST_ASSERT_MSG_EQ(at.size(), 1, mag << " registered " << mnId << " once");
            // 2 ms each way (the DOT default) and nothing to resolve: one round trip.
            NS_TEST_ASSERT_MSG_GT(at[0], MilliSeconds(4), "one round trip over 2 ms links");
            NS_TEST_ASSERT_MSG_LT(at[0], MilliSeconds(5), "no neighbour discovery first");
            NS_TEST_ASSERT_MSG_EQ(servers[k - 1]->GetReceived(), 40, mnId << " got every packet");
        }
        // mag4's link loses everything, in both directions; the others do not notice.
        NS_TEST_ASSERT_MSG_EQ(reg.At("mag4", "mn4").size(), 0, "mag4's PBUs are lost");
        NS_TEST_ASSERT_MSG_EQ(servers[3]->GetReceived(), 0, "mn4 is not registered");
        NS_TEST_ASSERT_MSG_EQ(reg.At("mag3", "mn1").size(), 1, "mag3 registered mn1 after moving");
        NS_TEST_ASSERT_MSG_EQ(after.n, 40, "downlink to mn1 at mag3 fully delivered");
        NS_TEST_ASSERT_MSG_EQ(flooded, 0, "no MAG received a packet for another address");
        // Three tunnels (mag1..mag3), none with an address.
        NS_TEST_ASSERT_MSG_EQ(lmaIp->GetNInterfaces(), 6, "and one tunnel interface per MAG");
        for (uint32_t i = 3; i < lmaIp->GetNInterfaces(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(lmaIp->GetNAddresses(i), 0, "tunnel interface " << i);
        }
        Simulator::Destroy();
    }
};

class Pmipv6TopologyTestSuite : public TestSuite
{
  public:
    Pmipv6TopologyTestSuite()
        : TestSuite("pmipv6-topology", SYSTEM)
    {
        AddTestCase(new Pmipv6TopologyCountsTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6TopologyReadDotTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6TopologyDotErrorsTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6TopologyWriteDotTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6TopologyRoutesTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6TopologyRegistrationTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6TopologyTwoLmasTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6TopologyWifiTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6TopologyTwoInterfacesTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6TopologySwitchTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6TopologyMulticastFilterTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static Pmipv6TopologyTestSuite g_pmipv6TopologyTestSuite;
