/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Ipv6HashRouting: on-link prefixes and local addresses learnt from the interfaces (installed
 * before and after the addresses), longest-prefix match against a brute-force scan, interface
 * down, packets delivered locally from another interface and forwarded; and, in a
 * Pmipv6TopologyHelper star, the LMA receiving PBUs without forwarding them to itself.
 */

#include "ns3/boolean.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-hash-routing.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/node-container.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-helper.h"
#include "ns3/pmipv6-lma-application.h"
#include "ns3/pmipv6-topology-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/socket-factory.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/udp-l4-protocol.h"
#include "ns3/udp-socket-factory.h"

#include <vector>

using namespace ns3;

namespace
{

/**
 * \ingroup pmipv6-test
 * \brief Add a device to IPv6 with one /64 global address and set it up.
 * \param device the device
 * \param address the address
 * \return the interface index
 */
uint32_t
AddInterface(Ptr<NetDevice> device, Ipv6Address address)
{
    Ptr<Ipv6> ipv6 = device->GetNode()->GetObject<Ipv6>();
    uint32_t ifIndex = ipv6->AddInterface(device);
    ipv6->AddAddress(ifIndex, Ipv6InterfaceAddress(address, Ipv6Prefix(64)));
    ipv6->SetUp(ifIndex);
    ipv6->SetForwarding(ifIndex, true);
    return ifIndex;
}

/**
 * \ingroup pmipv6-test
 * \brief A router R with point-to-point links to A, B and C (2001:f:a::/64, :b::, :c::; R
 * is ::1 on each, its neighbour ::2).
 */
struct Triangle
{
    NodeContainer nodes;                 ///< R, A, B, C
    std::vector<uint32_t> rInterface;    ///< R's interface towards A, B, C
    std::vector<uint32_t> peerInterface; ///< A's, B's and C's interface towards R

    /**
     * \brief Build it.
     * \param hashFirst install R's Ipv6HashRouting before its interfaces (else after)
     */
    explicit Triangle(bool hashFirst)
    {
        nodes.Create(4);
        Pmipv6Helper::InstallStack(nodes);
        if (hashFirst)
        {
            Ipv6HashRouting::Install(nodes.Get(0));
        }
        PointToPointHelper p2p;
        const char* nets[] = {"2001:f:a::", "2001:f:b::", "2001:f:c::"};
        for (uint32_t k = 0; k < 3; ++k)
        {
            NetDeviceContainer d = p2p.Install(nodes.Get(0), nodes.Get(k + 1));
            Ipv6Address net(nets[k]);
            uint8_t one[16];
            net.GetBytes(one);
            one[15] = 1;
            rInterface.push_back(AddInterface(d.Get(0), Ipv6Address(one)));
            one[15] = 2;
            peerInterface.push_back(AddInterface(d.Get(1), Ipv6Address(one)));
            // The peers reach everything through R, with their own hash routing.
            one[15] = 1;
            Ipv6HashRouting::Install(nodes.Get(k + 1))
                ->SetDefaultRoute(Ipv6Address(one), peerInterface.back());
        }
        if (!hashFirst)
        {
            Ipv6HashRouting::Install(nodes.Get(0));
        }
        nodes.Get(0)->GetObject<Ipv6>()->SetAttribute("IpForward", BooleanValue(true));
    }

    /**
     * \brief R's routing.
     * \return its Ipv6HashRouting
     */
    Ptr<Ipv6HashRouting> R() const
    {
        return Ipv6HashRouting::Install(nodes.Get(0));
    }
};

/**
 * \ingroup pmipv6-test
 * \brief On-link prefixes and local addresses, whether installed before or after the
 * interfaces; configured routes; longest-prefix match; interface down.
 */
class HashRoutingTableTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param hashFirst install before the interfaces
     */
    explicit HashRoutingTableTestCase(bool hashFirst)
        : TestCase(std::string("on-link prefixes, routes, interface down, installed ") +
                   (hashFirst ? "before" : "after") + " the interfaces"),
          m_hashFirst(hashFirst)
    {
    }

  private:
    void DoRun() override
    {
        Triangle t(m_hashFirst);
        Ptr<Ipv6HashRouting> r = t.R();
        NS_TEST_ASSERT_MSG_EQ(r->GetNRoutes(), 3, "the three on-link /64s");
        NS_TEST_ASSERT_MSG_EQ(r->IsLocalAddress("2001:f:b::1"), true, "R's address");
        NS_TEST_ASSERT_MSG_EQ(r->IsLocalAddress("2001:f:b::2"), false, "B's address");
        uint32_t ifIndex = 0;
        Ipv6Address gw;
        NS_TEST_ASSERT_MSG_EQ(r->Lookup("2001:f:b::2", ifIndex, gw), true, "on-link");
        NS_TEST_ASSERT_MSG_EQ(ifIndex, t.rInterface[1], "towards B");
        NS_TEST_ASSERT_MSG_EQ(gw, Ipv6Address::GetAny(), "no gateway on-link");
        NS_TEST_ASSERT_MSG_EQ(r->Lookup("2001:db8:99::1", ifIndex, gw), false, "no route yet");
        NS_TEST_ASSERT_MSG_EQ(r->Lookup("fe80::1", ifIndex, gw), false, "link-local declined");

        // A /48 behind B, a /64 inside it behind C, a default route to A.
        NS_TEST_ASSERT_MSG_EQ(
            r->AddNetworkRouteTo("2001:db8:99::", 48, "2001:f:b::2", t.rInterface[1]),
            true,
            "added");
        NS_TEST_ASSERT_MSG_EQ(
            r->AddNetworkRouteTo("2001:db8:99:5::", 64, "2001:f:c::2", t.rInterface[2]),
            true,
            "added");
        NS_TEST_ASSERT_MSG_EQ(
            r->AddNetworkRouteTo("2001:db8:99::", 48, "2001:f:a::2", t.rInterface[0]),
            false,
            "a prefix keeps its first route");
        NS_TEST_ASSERT_MSG_EQ(r->SetDefaultRoute("2001:f:a::2", t.rInterface[0]), true, "added");
        NS_TEST_ASSERT_MSG_EQ(r->Lookup("2001:db8:99:4::1", ifIndex, gw), true, "in the /48");
        NS_TEST_ASSERT_MSG_EQ(ifIndex, t.rInterface[1], "the /48 towards B");
        NS_TEST_ASSERT_MSG_EQ(gw, Ipv6Address("2001:f:b::2"), "through B");
        NS_TEST_ASSERT_MSG_EQ(r->Lookup("2001:db8:99:5::1", ifIndex, gw), true, "in the /64");
        NS_TEST_ASSERT_MSG_EQ(ifIndex, t.rInterface[2], "the longer prefix wins");
        NS_TEST_ASSERT_MSG_EQ(r->Lookup("2001:db8:7::1", ifIndex, gw), true, "default");
        NS_TEST_ASSERT_MSG_EQ(ifIndex, t.rInterface[0], "the default route");
        NS_TEST_ASSERT_MSG_EQ(r->RemoveRoute("2001:db8:99:5::", 64), true, "removed");
        NS_TEST_ASSERT_MSG_EQ(r->Lookup("2001:db8:99:5::1", ifIndex, gw), true, "in the /48");
        NS_TEST_ASSERT_MSG_EQ(ifIndex, t.rInterface[1], "back to the /48");

        // Down: B's on-link prefix, the /48 through it and R's address there go.
        Ptr<Ipv6> ipv6 = t.nodes.Get(0)->GetObject<Ipv6>();
        ipv6->SetDown(t.rInterface[1]);
        NS_TEST_ASSERT_MSG_EQ(r->IsLocalAddress("2001:f:b::1"), false, "interface down");
        NS_TEST_ASSERT_MSG_EQ(r->Lookup("2001:f:b::2", ifIndex, gw), true, "default route");
        NS_TEST_ASSERT_MSG_EQ(ifIndex, t.rInterface[0], "no on-link route towards B");
        NS_TEST_ASSERT_MSG_EQ(r->Lookup("2001:db8:99:4::1", ifIndex, gw), true, "default");
        NS_TEST_ASSERT_MSG_EQ(ifIndex, t.rInterface[0], "the /48 through B is gone");
        NS_TEST_ASSERT_MSG_EQ(r->GetNRoutes(), 3, "A's and C's on-link prefixes, the default");
        // Up again with a new address: learnt again.
        ipv6->SetUp(t.rInterface[1]);
        ipv6->AddAddress(t.rInterface[1], Ipv6InterfaceAddress("2001:f:b::1", Ipv6Prefix(64)));
        NS_TEST_ASSERT_MSG_EQ(r->IsLocalAddress("2001:f:b::1"), true, "address again");
        NS_TEST_ASSERT_MSG_EQ(r->Lookup("2001:f:b::2", ifIndex, gw), true, "on-link");
        NS_TEST_ASSERT_MSG_EQ(ifIndex, t.rInterface[1], "on-link towards B again");
        ipv6->RemoveAddress(t.rInterface[1], Ipv6Address("2001:f:b::1"));
        NS_TEST_ASSERT_MSG_EQ(r->IsLocalAddress("2001:f:b::1"), false, "address removed");
        NS_TEST_ASSERT_MSG_EQ(r->Lookup("2001:f:b::2", ifIndex, gw), true, "default route");
        NS_TEST_ASSERT_MSG_EQ(ifIndex, t.rInterface[0], "its on-link prefix went with it");
        Simulator::Destroy();
    }

    bool m_hashFirst; ///< install before the interfaces
};

/**
 * \ingroup pmipv6-test
 * \brief Longest-prefix match against a brute-force scan, 300 random routes, 3,000 lookups.
 */
class HashRoutingRandomTestCase : public TestCase
{
  public:
    HashRoutingRandomTestCase()
        : TestCase("longest-prefix match equals a brute-force scan (random routes)")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(7);
        RngSeedManager::SetRun(1);
        Triangle t(true);
        Ptr<Ipv6HashRouting> r = t.R();
        Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
        const uint8_t lengths[] = {16, 32, 40, 48, 56, 64, 96, 128};

        struct Entry
        {
            Ipv6Address net;
            uint8_t length;
            uint32_t ifIndex;
        };

        std::vector<Entry> entries;
        // Addresses from a small space (2001:db8:00xx:...) so that prefixes nest.
        auto randomAddress = [&u]() {
            uint8_t b[16] = {0x20, 0x01, 0x0d, 0xb8};
            for (uint32_t i = 4; i < 16; ++i)
            {
                b[i] = static_cast<uint8_t>(u->GetInteger(0, i < 8 ? 3 : 1));
            }
            return Ipv6Address(b);
        };
        for (uint32_t k = 0; k < 300; ++k)
        {
            uint8_t length = lengths[u->GetInteger(0, 7)];
            Ipv6Address net = randomAddress().CombinePrefix(Ipv6Prefix(length));
            uint32_t ifIndex = t.rInterface[u->GetInteger(0, 2)];
            bool known = false;
            for (const auto& e : entries)
            {
                known = known || (e.net == net && e.length == length);
            }
            NS_TEST_ASSERT_MSG_EQ(r->AddNetworkRouteTo(net, length, "2001:f:a::2", ifIndex),
                                  !known,
                                  "added once");
            if (!known)
            {
                entries.push_back(Entry{net, length, ifIndex});
            }
        }
        for (uint32_t k = 0; k < 3000; ++k)
        {
            Ipv6Address a = randomAddress();
            int best = -1;
            for (uint32_t i = 0; i < entries.size(); ++i)
            {
                if (a.CombinePrefix(Ipv6Prefix(entries[i].length)) == entries[i].net &&
                    (best < 0 || entries[i].length > entries[best].length))
                {
                    best = static_cast<int>(i);
                }
            }
            uint32_t ifIndex = 0;
            Ipv6Address gw;
            bool found = r->Lookup(a, ifIndex, gw);
            NS_TEST_ASSERT_MSG_EQ(found, (best >= 0), "match or not, " << a);
            if (best >= 0)
            {
                NS_TEST_ASSERT_MSG_EQ(ifIndex, entries[best].ifIndex, "longest match, " << a);
            }
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief UDP from A to R's address on C's link is delivered locally at R (once, nothing sent
 * by R); UDP from A to C is forwarded.
 */
class HashRoutingPacketsTestCase : public TestCase
{
  public:
    HashRoutingPacketsTestCase()
        : TestCase("local delivery from another interface, forwarding")
    {
    }

  private:
    void DoRun() override
    {
        Triangle t(false);
        Ptr<Ipv6HashRouting> r = t.R();
        uint32_t atR = 0;
        uint32_t atC = 0;
        auto sink = [](Ptr<Node> node, uint32_t& count) {
            Ptr<Socket> s = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
            s->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), 9));
            s->SetRecvCallback(Callback<void, Ptr<Socket>>([&count](Ptr<Socket> socket) {
                while (socket->Recv())
                {
                    count++;
                }
            }));
            return s;
        };
        Ptr<Socket> sr = sink(t.nodes.Get(0), atR);
        Ptr<Socket> sc = sink(t.nodes.Get(3), atC);
        uint32_t rSent = 0;
        t.nodes.Get(0)->GetObject<Ipv6L3Protocol>()->TraceConnectWithoutContext(
            "SendOutgoing",
            Callback<void, const Ipv6Header&, Ptr<const Packet>, uint32_t>(
                [&rSent](const Ipv6Header& h, Ptr<const Packet>, uint32_t) {
                    rSent += h.GetNextHeader() == UdpL4Protocol::PROT_NUMBER ? 1 : 0;
                }));
        uint32_t rForwarded = 0;
        t.nodes.Get(0)->GetObject<Ipv6L3Protocol>()->TraceConnectWithoutContext(
            "UnicastForward",
            Callback<void, const Ipv6Header&, Ptr<const Packet>, uint32_t>(
                [&rForwarded](const Ipv6Header& h, Ptr<const Packet>, uint32_t) {
                    rForwarded += h.GetNextHeader() == UdpL4Protocol::PROT_NUMBER ? 1 : 0;
                }));
        Ptr<Socket> a = Socket::CreateSocket(t.nodes.Get(1), UdpSocketFactory::GetTypeId());
        a->Bind();
        Simulator::Schedule(Seconds(2), [a]() {
            a->SendTo(Create<Packet>(100), 0, Inet6SocketAddress("2001:f:c::1", 9));
        });
        Simulator::Schedule(Seconds(3), [a]() {
            a->SendTo(Create<Packet>(100), 0, Inet6SocketAddress("2001:f:c::2", 9));
        });
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(atR, 1, "delivered at R");
        NS_TEST_ASSERT_MSG_EQ(atC, 1, "forwarded to C");
        NS_TEST_ASSERT_MSG_EQ(r->GetLocalDeliveredCount(), 1, "one local delivery");
        NS_TEST_ASSERT_MSG_EQ(r->GetForwardedCount(), 1, "one packet forwarded");
        NS_TEST_ASSERT_MSG_EQ(rForwarded, 1, "R forwarded only the datagram for C, none to itself");
        NS_TEST_ASSERT_MSG_EQ(rSent, 0, "R sent no datagram of its own");
        sr->Close();
        sc->Close();
        a->Close();
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief In a Pmipv6TopologyHelper star the LMA's address is on its link to the CN: PBUs
 * from the MAGs reach it on other interfaces and are delivered there, without being forwarded
 * (by ns-3's strong end system model and static routing, the LMA used to forward each one to
 * itself and receive it a second time).
 */
class HashRoutingStarTestCase : public TestCase
{
  public:
    HashRoutingStarTestCase()
        : TestCase("star: PBUs delivered at the LMA without a forward to itself")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6TopologyHelper topo;
        topo.Build(Pmipv6TopologyHelper::MakeStar(3, "5ms", "csma"));
        std::vector<std::string> mags = topo.GetMagNames();
        topo.AddMobileNode("mn0", mags[0], Seconds(0.5));
        topo.AddMobileNode("mn1", mags[1], Seconds(0.6));
        topo.ScheduleMove("mn0", 0, mags[2], Seconds(2), MilliSeconds(50));
        Ptr<Pmipv6LmaApplication> lma = topo.GetLma(topo.GetNames("lma").front());
        Ipv6Address lmaAddress = lma->GetAddress();
        uint32_t toSelf = 0;
        lma->GetNode()->GetObject<Ipv6L3Protocol>()->TraceConnectWithoutContext(
            "UnicastForward",
            Callback<void, const Ipv6Header&, Ptr<const Packet>, uint32_t>(
                [&toSelf, lmaAddress](const Ipv6Header& h, Ptr<const Packet>, uint32_t) {
                    toSelf += h.GetDestination() == lmaAddress ? 1 : 0;
                }));
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(lma->GetBindingCache()->GetEntryCount(), 2, "two bindings");
        NS_TEST_ASSERT_MSG_EQ(toSelf, 0, "no packet forwarded to the LMA's own address");
        Ptr<Ipv6HashRouting> routing = Ipv6HashRouting::Install(lma->GetNode());
        NS_TEST_ASSERT_MSG_GT_OR_EQ(routing->GetLocalDeliveredCount(),
                                    3,
                                    "three PBUs at least, delivered by the hash routing");
        Simulator::Destroy();
    }
};

} // namespace

/**
 * \ingroup pmipv6-test
 * \brief The pmipv6-hash-routing suite.
 */
class Ipv6HashRoutingTestSuite : public TestSuite
{
  public:
    Ipv6HashRoutingTestSuite()
        : TestSuite("pmipv6-hash-routing", UNIT)
    {
        AddTestCase(new HashRoutingTableTestCase(true), TestCase::QUICK);
        AddTestCase(new HashRoutingTableTestCase(false), TestCase::QUICK);
        AddTestCase(new HashRoutingRandomTestCase(), TestCase::QUICK);
        AddTestCase(new HashRoutingPacketsTestCase(), TestCase::QUICK);
        AddTestCase(new HashRoutingStarTestCase(), TestCase::QUICK);
    }
};

/// The suite's instance.
static Ipv6HashRoutingTestSuite g_ipv6HashRoutingTestSuite;
