/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Pmipv6TopologyHelper with IPv4 (RFC 5844): the shipped DOT topology ipv4-transport.dot
 * (transport=v4 on the LMA) with an IPv4-only mobile node (SetMobileNodeIp("v4")): it
 * registers over the IPv4 transport at mag1 and, after a move, at mag2, without a home
 * network prefix (RFC 5844 3.1.3: no prefix in the binding, no RA), and exchanges IPv4
 * UDP with the CN both ways, while the MAG-LMA links carry IPv4 only; and a dual-stack mobile
 * node that gets its IPv4 address by DHCP from the MAG over the IPv6 transport
 * (SetIpv4(true), SetMobileNodeIp("dual"), SetMobileNodeDhcp(true)): IPv4 and IPv6 both
 * delivered before and after a move, the same IPv4 address throughout.
 *
 * Suite pmipv6-topology-ipv4.
 */

#include "pmipv6-test-source-dir.h"
#include "pmipv6-test-udp-flow.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/test.h"

#include <limits>

using namespace ns3;

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

/// UdpServer Rx counts in two windows.
struct Windows
{
    Time split;         ///< the move
    uint32_t before{0}; ///< received before
    uint32_t after{0};  ///< received after

    /**
     * \brief UdpServer "RxWithAddresses" sink.
     * \param p the packet
     * \param from its source
     * \param to its destination
     */
    void Rx(Ptr<const Packet> p, const Address& from, const Address& to)
    {
        (Simulator::Now() < split ? before : after)++;
        if (InetSocketAddress::IsMatchingType(from))
        {
            source = InetSocketAddress::ConvertFrom(from).GetIpv4();
        }
        (void)p;
        (void)to;
    }

    Ipv4Address source; ///< IPv4 source of the last packet
};

/**
 * \brief A UDP flow (UdpClient, 20 packets a second) and its sink.
 * \param from the sender
 * \param to the destination address
 * \param sinkNode the receiver
 * \param port the port
 * \param start first packet
 * \param stop end
 * \param windows where the sink counts
 */
void
Flow(Ptr<Node> from,
     Address to,
     Ptr<Node> sinkNode,
     uint16_t port,
     Time start,
     Time stop,
     Windows* windows)
{
    pmipv6test::UdpFlow(from, to, sinkNode, port, start, stop)
        ->TraceConnectWithoutContext("RxWithAddresses", MakeCallback(&Windows::Rx, windows));
}

/// Frames on the MAG-LMA path by network protocol (PPP: 0x0021 IPv4, 0x0057 IPv6), from
/// 0.4 s on.
struct LinkFrames
{
    uint32_t ipv4{0}; ///< IPv4 frames
    uint32_t ipv6{0}; ///< IPv6 frames

    /**
     * \brief PhyTxBegin sink of a point-to-point device.
     * \param p the frame
     */
    void Tx(Ptr<const Packet> p)
    {
        if (Simulator::Now() < Seconds(0.4))
        {
            return; // the links' IPv6 duplicate address detection at start
        }
        uint8_t b[2] = {0, 0};
        p->CopyData(b, 2);
        ipv4 += (b[0] == 0x00 && b[1] == 0x21) ? 1 : 0;
        ipv6 += (b[0] == 0x00 && b[1] == 0x57) ? 1 : 0;
    }
};

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief ipv4-transport.dot, an IPv4-only MN: registration over IPv4, IPv4 data, a move.
 */
class TopologyIpv4OnlyTestCase : public TestCase
{
  public:
    TopologyIpv4OnlyTestCase()
        : TestCase("DOT transport=v4, IPv4-only MN: registers over IPv4, IPv4 UDP both ways, "
                   "move mag1 -> mag2")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6TopologyHelper topo;
        topo.SetMobileNodeIp("v4");
        topo.BuildFromDot(ShippedTopology("ipv4-transport.dot"));
        NS_TEST_ASSERT_MSG_EQ(topo.GetTransport("lma"), "v4", "the DOT attribute");
        Ipv4Address lmaa = topo.GetIpv4Address("lma");
        NS_TEST_ASSERT_MSG_EQ(lmaa, Ipv4Address("10.0.1.2"), "the LMA's first IPv4 address");
        NS_TEST_EXPECT_MSG_EQ(topo.GetLma("lma")->GetAddress(),
                              Pmipv6Helper::GetIpv4TransportAddress(lmaa),
                              "LMAA: the IPv4-LMAA, IPv4-mapped");
        NS_TEST_EXPECT_MSG_EQ(topo.GetMag("mag1")->GetProxyCoa(),
                              Pmipv6Helper::GetIpv4TransportAddress(Ipv4Address("10.0.3.2")),
                              "mag1's Proxy-CoA: its IPv4 address towards the LMA, mapped");

        // the frames leaving the LMA towards r1 and r1 towards the MAGs
        LinkFrames frames;
        for (const char* name : {"lma", "mag1", "mag2"})
        {
            Ptr<Node> node = topo.GetNode(name);
            for (uint32_t i = 0; i < node->GetNDevices(); ++i)
            {
                Ptr<PointToPointNetDevice> dev =
                    DynamicCast<PointToPointNetDevice>(node->GetDevice(i));
                if (dev && (std::string(name) != "lma" || i > 1))
                {
                    dev->TraceConnectWithoutContext("PhyTxBegin",
                                                    MakeCallback(&LinkFrames::Tx, &frames));
                }
            }
        }

        topo.AddMobileNode("mn1", "mag1", Seconds(0.5));
        NS_TEST_EXPECT_MSG_EQ(topo.GetMobileNodeIp("mn1"), "v4", "mn1 is IPv4-only");
        const Time move = Seconds(3);
        topo.ScheduleMove("mn1", "mag2", move, MilliSeconds(50));
        // the LMA's pool 10.101.0.0/16 (router .1): the first MN gets .2
        const Ipv4Address hoa("10.101.0.2");
        Windows down{move};
        Windows up{move};
        Flow(topo.GetNode("cn"),
             InetSocketAddress(hoa, 9000),
             topo.GetNode("mn1"),
             9000,
             Seconds(1),
             Seconds(6),
             &down);
        Flow(topo.GetNode("mn1"),
             InetSocketAddress(topo.GetIpv4Address("cn"), 9001),
             topo.GetNode("cn"),
             9001,
             Seconds(1),
             Seconds(6),
             &up);
        std::string magAt2;
        std::string magAt5;
        Simulator::Schedule(Seconds(2), [&]() { magAt2 = topo.GetCurrentMag("mn1"); });
        Simulator::Schedule(Seconds(5), [&]() { magAt5 = topo.GetCurrentMag("mn1"); });
        Simulator::Stop(Seconds(6.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(topo.GetIpv4HomeAddress("mn1"), hoa, "the LMA's IPv4 home address");
        NS_TEST_EXPECT_MSG_EQ(magAt2, "mag1", "at mag1 first");
        NS_TEST_EXPECT_MSG_EQ(magAt5, "mag2", "at mag2 after the move");
        std::vector<Ptr<BindingCacheEntry>> entries =
            topo.GetLma("lma")->GetBindingCache()->FindByMnId("mn1");
        Ptr<BindingCacheEntry> bce = entries.empty() ? nullptr : entries.front();
        NS_TEST_EXPECT_MSG_EQ(entries.size(), 1u, "one binding at the LMA");
        NS_TEST_EXPECT_MSG_EQ((bce ? bce->ipv4ProxyCoa : Ipv4Address::GetAny()),
                              Ipv4Address("10.0.4.2"),
                              "at mag2's IPv4-Proxy-CoA");
        NS_TEST_EXPECT_MSG_EQ((bce ? bce->ipv4HomeAddress : Ipv4Address::GetAny()),
                              hoa,
                              "with the IPv4 home address");
        // ip=v4 is an IPv4-only registration (RFC 5844 3.1.3): no prefix, no RA
        NS_TEST_EXPECT_MSG_EQ((bce ? bce->homeNetworkPrefixes.size() : 99u),
                              0u,
                              "no home network prefix in the binding");
        NS_TEST_EXPECT_MSG_EQ(topo.GetMag("mag1")->GetRouterAdvertisementCount() +
                                  topo.GetMag("mag2")->GetRouterAdvertisementCount(),
                              0u,
                              "no Router Advertisement");
        // 40 packets each way in 1 s .. 3 s, 60 in 3 s .. 6 s less the move
        NS_TEST_EXPECT_MSG_EQ(down.before, 40u, "downlink IPv4 at mag1: every packet");
        NS_TEST_EXPECT_MSG_EQ(up.before, 40u, "uplink IPv4 at mag1: every packet");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(down.after, 55u, "downlink IPv4 after the move");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(up.after, 55u, "uplink IPv4 after the move");
        NS_TEST_EXPECT_MSG_EQ(up.source, hoa, "the CN sees the home address as source");
        NS_TEST_EXPECT_MSG_GT(frames.ipv4, 200u, "IPv4 frames on the MAG-LMA path");
        NS_TEST_EXPECT_MSG_EQ(frames.ipv6, 0u, "no IPv6 frame on the MAG-LMA path");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief A dual-stack MN with DHCP over the IPv6 transport: both flows over a move.
 */
class TopologyDualDhcpTestCase : public TestCase
{
  public:
    TopologyDualDhcpTestCase()
        : TestCase("dual-stack MN, IPv4 address by DHCP from the MAG, IPv6 transport: both "
                   "delivered over a move, address kept")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6TopologyHelper topo;
        topo.SetIpv4(true);
        topo.SetMobileNodeIp("dual");
        topo.SetMobileNodeDhcp(true);
        topo.Build(Pmipv6TopologyHelper::MakeStar(2, "5ms", "csma"));
        NS_TEST_ASSERT_MSG_EQ(topo.GetTransport("lma"), "v6", "IPv6 transport");
        topo.AddMobileNode("mn1", "mag1", Seconds(0.5));
        const Time move = Seconds(3);
        topo.ScheduleMove("mn1", "mag2", move, MilliSeconds(50));
        const Ipv4Address hoa("10.101.0.2");
        Windows down4{move};
        Windows down6{move};
        Windows up4{move};
        Flow(topo.GetNode("cn"),
             InetSocketAddress(hoa, 9000),
             topo.GetNode("mn1"),
             9000,
             Seconds(1),
             Seconds(6),
             &down4);
        Flow(topo.GetNode("cn"),
             Inet6SocketAddress(topo.GetHomeAddress("mn1"), 9002),
             topo.GetNode("mn1"),
             9002,
             Seconds(1),
             Seconds(6),
             &down6);
        Flow(topo.GetNode("mn1"),
             InetSocketAddress(topo.GetIpv4Address("cn"), 9001),
             topo.GetNode("cn"),
             9001,
             Seconds(1),
             Seconds(6),
             &up4);
        Ptr<NetDevice> device = topo.GetMobileDevice("mn1");
        Ptr<Ipv4> ipv4 = topo.GetNode("mn1")->GetObject<Ipv4>();
        uint32_t samples = 0;
        uint32_t withAddress = 0;
        for (Time t = Seconds(1); t < Seconds(6); t += MilliSeconds(10))
        {
            Simulator::Schedule(t, [&]() {
                int32_t i = ipv4->GetInterfaceForDevice(device);
                bool has = false;
                for (uint32_t k = 0; i >= 0 && k < ipv4->GetNAddresses(i); ++k)
                {
                    has = has || ipv4->GetAddress(i, k).GetLocal() == hoa;
                }
                ++samples;
                withAddress += has ? 1 : 0;
            });
        }
        Simulator::Stop(Seconds(6.5));
        Simulator::Run();

        Ptr<MagDhcpServer> s1 = topo.GetMag("mag1")->GetExtension<MagDhcpServer>();
        Ptr<MagDhcpServer> s2 = topo.GetMag("mag2")->GetExtension<MagDhcpServer>();
        NS_TEST_ASSERT_MSG_NE(s1, nullptr, "mag1's DHCP server");
        NS_TEST_ASSERT_MSG_NE(s2, nullptr, "mag2's DHCP server");
        NS_TEST_EXPECT_MSG_EQ(s1->GetAckCount(), 1u, "mag1 acknowledged the address");
        // the CSMA move is a link up for ns-3's DhcpClient: it discovers again and mag2
        // offers and acknowledges the same address
        NS_TEST_EXPECT_MSG_EQ(s2->GetAckCount(), 1u, "mag2 acknowledged it after the move");
        NS_TEST_EXPECT_MSG_EQ(s1->GetNakCount() + s2->GetNakCount(), 0u, "no NAK");
        NS_TEST_EXPECT_MSG_EQ(withAddress, samples, "the MN had the address all along");
        NS_TEST_EXPECT_MSG_EQ(down4.before, 40u, "IPv4 downlink at mag1");
        NS_TEST_EXPECT_MSG_EQ(up4.before, 40u, "IPv4 uplink at mag1");
        NS_TEST_EXPECT_MSG_EQ(down6.before, 40u, "IPv6 downlink at mag1");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(down4.after, 55u, "IPv4 downlink after the move");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(up4.after, 55u, "IPv4 uplink after the move");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(down6.after, 55u, "IPv6 downlink after the move");
        NS_TEST_EXPECT_MSG_EQ(up4.source, hoa, "the CN sees the home address");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Suite of the topology helper's IPv4 switches.
 */
class TopologyIpv4TestSuite : public TestSuite
{
  public:
    TopologyIpv4TestSuite()
        : TestSuite("pmipv6-topology-ipv4", SYSTEM)
    {
        AddTestCase(new TopologyIpv4OnlyTestCase, TestCase::QUICK);
#if !defined(PMIPV6_NS3_VERSION) || PMIPV6_NS3_VERSION > 331
        // ns-3.31's DhcpClient adds its link-change callback again on every link up, from
        // within that callback, so the CSMA move's link up loops forever at one instant
        // (fixed in later ns-3); the DHCP case runs where the client is sound
        AddTestCase(new TopologyDualDhcpTestCase, TestCase::QUICK);
#endif
    }
};

/// The static instance that registers the suite.
static TopologyIpv4TestSuite g_topologyIpv4TestSuite;
