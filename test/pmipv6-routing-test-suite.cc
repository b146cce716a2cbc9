/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The PMIPv6 data path without signalling: MagRouting and LmaRouting set by hand on a
 * MAG and an LMA joined by an Ipv6TunnelL4Protocol tunnel. Uplink and downlink through
 * the tunnel, packets from an unbound source, RemoveBinding, EnableLocalRouting.
 */

#include "ns3/boolean.h"
#include "ns3/csma-helper.h"
#include "ns3/flow-binding-table.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-list-routing-helper.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/lma-routing.h"
#include "ns3/mag-routing.h"
#include "ns3/node-container.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/ppp-header.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/udp-header.h"

#include <algorithm>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \ingroup pmipv6-test
 * \brief Add a device to IPv6, set it up and give it /64 global addresses.
 * \param device the device
 * \param addresses the addresses (none: link-local only)
 * \return the interface index
 */
uint32_t
AddInterface(Ptr<NetDevice> device, std::vector<Ipv6Address> addresses = {})
{
    Ptr<Ipv6> ipv6 = device->GetNode()->GetObject<Ipv6>();
    int32_t ifIndex = ipv6->GetInterfaceForDevice(device);
    if (ifIndex < 0)
    {
        ifIndex = ipv6->AddInterface(device);
    }
    ipv6->SetUp(ifIndex);
    for (const auto& a : addresses)
    {
        ipv6->AddAddress(ifIndex, Ipv6InterfaceAddress(a, Ipv6Prefix(64)));
    }
    return ifIndex;
}

/**
 * \ingroup pmipv6-test
 * \brief The static routing of a node.
 * \param node the node
 * \return its Ipv6StaticRouting
 */
Ptr<Ipv6StaticRouting>
StaticRouting(Ptr<Node> node)
{
    Ipv6StaticRoutingHelper helper;
    return helper.GetStaticRouting(node->GetObject<Ipv6>());
}

/**
 * \ingroup pmipv6-test
 * \brief The IPv6 packets a point-to-point device sent: next header and, for a tunnelled
 * packet, the inner header.
 */
struct LinkRecord
{
    uint32_t tunnelledUdp = 0;                 ///< next header 41 around UDP
    uint32_t nativeUdp = 0;                    ///< UDP not tunnelled
    uint32_t total = 0;                        ///< every IPv6 packet after 2 s (after DAD)
    std::vector<Ipv6Address> nativeUdpSources; ///< sources of the native UDP packets

    /**
     * \brief Connect to a device's MacTx.
     * \param device a point-to-point device
     */
    void Connect(Ptr<NetDevice> device)
    {
        device->TraceConnectWithoutContext(
            "MacTx",
            Callback<void, Ptr<const Packet>>([this](Ptr<const Packet> p) {
                Ptr<Packet> copy = p->Copy();
                PppHeader ppp;
                copy->RemoveHeader(ppp);
                if (ppp.GetProtocol() != 0x0057)
                {
                    return;
                }
                if (Simulator::Now() > Seconds(2))
                {
                    total++;
                }
                Ipv6Header outer;
                copy->RemoveHeader(outer);
                if (outer.GetNextHeader() == Ipv6TunnelL4Protocol::PROT_NUMBER)
                {
                    Ipv6Header inner;
                    copy->RemoveHeader(inner);
                    tunnelledUdp += inner.GetNextHeader() == 17;
                }
                else if (outer.GetNextHeader() == 17)
                {
                    nativeUdp++;
                    nativeUdpSources.push_back(outer.GetSource());
                }
            }));
    }
};

/**
 * \ingroup pmipv6-test
 * \brief A UDP socket that counts what it receives, by source.
 */
struct UdpEnd
{
    Ptr<Socket> socket;               ///< the socket
    std::vector<Ipv6Address> sources; ///< source of each datagram received
    bool echo = false;                ///< send every datagram back to its sender

    /**
     * \brief Open a socket.
     * \param node the node
     * \param address local address (:: for any)
     * \param port local port
     */
    void Open(Ptr<Node> node, Ipv6Address address, uint16_t port)
    {
        socket = Socket::CreateSocket(node, TypeId::LookupByName("ns3::UdpSocketFactory"));
        socket->Bind(Inet6SocketAddress(address, port));
        socket->SetRecvCallback(Callback<void, Ptr<Socket>>([this](Ptr<Socket> s) {
            Address from;
            while (Ptr<Packet> p = s->RecvFrom(from))
            {
                sources.push_back(Inet6SocketAddress::ConvertFrom(from).GetIpv6());
                if (echo)
                {
                    s->SendTo(p, 0, from);
                }
            }
        }));
    }

    /**
     * \brief Datagrams received from one source.
     * \param source the source
     * \return the count
     */
    uint32_t From(Ipv6Address source) const
    {
        uint32_t n = 0;
        for (const auto& s : sources)
        {
            n += s == source;
        }
        return n;
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Send one datagram.
 * \param socket the socket
 * \param address destination address
 * \param port destination port
 */
void
Send(Ptr<Socket> socket, Ipv6Address address, uint16_t port)
{
    socket->SendTo(Create<Packet>(100), 0, Inet6SocketAddress(address, port));
}

/**
 * \ingroup pmipv6-test
 * \brief MN1 and MN2 on two access links of a MAG, a tunnel MAG <-> LMA, a CN behind the
 * LMA; MagRouting and LmaRouting set by hand.
 *
 * - MN1 -- MAG: CSMA (neighbour discovery), MN1 has fd00:100::1 (its HNP fd00:100::/64)
 *   and fd00:999::1 (not a bound prefix); MAG's access interface has its link-local
 *   address only, and the binding names MN1's link-local address as next hop.
 * - MN2 -- MAG: point-to-point, MN2 has fd00:200::1 (HNP fd00:200::/64); binding with no
 *   next hop.
 * - MAG -- LMA: point-to-point fd00:a::/64 (MAG ::1 = Proxy-CoA, LMA ::2); the tunnel.
 * - LMA -- CN: point-to-point fd00:c::/64 (LMA ::1, CN ::2).
 * The MNs' default route is the MAG's link-local address. The MAG has a static route to
 * fd00:c::/64 via the LMA (so an unbound source takes the native path); the CN's default
 * route is the LMA.
 */
struct PmipNetwork
{
    Ptr<Node> mn1;                           ///< mobile node 1
    Ptr<Node> mn2;                           ///< mobile node 2
    Ptr<Node> mag;                           ///< the MAG
    Ptr<Node> lma;                           ///< the LMA
    Ptr<Node> cn;                            ///< correspondent node
    Ptr<Ipv6TunnelL4Protocol> tMag;          ///< MAG's tunnels
    Ptr<Ipv6TunnelL4Protocol> tLma;          ///< LMA's tunnels
    Ptr<MagRouting> magRouting;              ///< MAG data path
    Ptr<LmaRouting> lmaRouting;              ///< LMA data path
    uint32_t magTunnel;                      ///< MAG's tunnel interface
    uint32_t lmaTunnel;                      ///< LMA's tunnel interface
    Ipv6Address mn1Ll;                       ///< MN1's link-local address
    LinkRecord magToLma;                     ///< what the MAG sent on the core link
    LinkRecord lmaToMag;                     ///< what the LMA sent on the core link
    UdpEnd cnEcho;                           ///< CN, port 7, echoes
    UdpEnd mn1Hnp;                           ///< MN1 fd00:100::1 port 5000
    UdpEnd mn1Other;                         ///< MN1 fd00:999::1 port 5001
    UdpEnd mn2Hnp;                           ///< MN2 fd00:200::1 port 6000
    Ipv6Address hnp1{"fd00:100::"};          ///< MN1's HNP
    Ipv6Address hnp2{"fd00:200::"};          ///< MN2's HNP
    Ipv6Address mn1Addr{"fd00:100::1"};      ///< MN1's address in its HNP
    Ipv6Address mn1OtherAddr{"fd00:999::1"}; ///< MN1's address outside any HNP
    Ipv6Address mn2Addr{"fd00:200::1"};      ///< MN2's address
    Ipv6Address cnAddr{"fd00:c::2"};         ///< CN's address

    /**
     * \brief Build it.
     * \param localRouting EnableLocalRouting on the MAG
     * \param mn1NextHop give MN1's link-local address as next hop of its binding
     */
    explicit PmipNetwork(bool localRouting = false, bool mn1NextHop = true)
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        NodeContainer n;
        n.Create(5);
        mn1 = n.Get(0);
        mn2 = n.Get(1);
        mag = n.Get(2);
        lma = n.Get(3);
        cn = n.Get(4);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        // MagRouting and LmaRouting go into an Ipv6ListRouting (not the default)
        Ipv6ListRoutingHelper list;
        list.Add(Ipv6StaticRoutingHelper(), 0);
        stack.SetRoutingHelper(list);
        stack.Install(n);
        CsmaHelper csma;
        NetDeviceContainer access1 = csma.Install(NodeContainer(mn1, mag));
        PointToPointHelper p2p;
        NetDeviceContainer access2 = p2p.Install(mn2, mag);
        NetDeviceContainer core = p2p.Install(mag, lma);
        NetDeviceContainer far = p2p.Install(lma, cn);
        mag->GetObject<Ipv6>()->SetAttribute("IpForward", BooleanValue(true));
        lma->GetObject<Ipv6>()->SetAttribute("IpForward", BooleanValue(true));
        uint32_t mn1If = AddInterface(access1.Get(0), {mn1Addr, mn1OtherAddr});
        uint32_t magAccess1 = AddInterface(access1.Get(1));
        uint32_t mn2If = AddInterface(access2.Get(0), {mn2Addr});
        uint32_t magAccess2 = AddInterface(access2.Get(1));
        uint32_t magCore = AddInterface(core.Get(0), {Ipv6Address("fd00:a::1")});
        AddInterface(core.Get(1), {Ipv6Address("fd00:a::2")});
        AddInterface(far.Get(0), {Ipv6Address("fd00:c::1")});
        uint32_t cnIf = AddInterface(far.Get(1), {cnAddr});
        Ptr<Ipv6> magIp = mag->GetObject<Ipv6>();
        mn1Ll = mn1->GetObject<Ipv6>()->GetAddress(mn1If, 0).GetAddress();
        StaticRouting(mn1)->SetDefaultRoute(magIp->GetAddress(magAccess1, 0).GetAddress(), mn1If);
        StaticRouting(mn2)->SetDefaultRoute(magIp->GetAddress(magAccess2, 0).GetAddress(), mn2If);
        StaticRouting(mag)->AddNetworkRouteTo(Ipv6Address("fd00:c::"),
                                              Ipv6Prefix(64),
                                              Ipv6Address("fd00:a::2"),
                                              magCore);
        StaticRouting(cn)->SetDefaultRoute(Ipv6Address("fd00:c::1"), cnIf);

        tMag = Ipv6TunnelL4Protocol::Install(mag);
        tLma = Ipv6TunnelL4Protocol::Install(lma);
        magTunnel = tMag->AddTunnelReference(Ipv6Address("fd00:a::1"), Ipv6Address("fd00:a::2"));
        lmaTunnel = tLma->AddTunnelReference(Ipv6Address("fd00:a::2"), Ipv6Address("fd00:a::1"));
        magRouting = MagRouting::Install(mag);
        magRouting->SetAttribute("EnableLocalRouting", BooleanValue(localRouting));
        magRouting->AddBinding(hnp1,
                               64,
                               magAccess1,
                               magTunnel,
                               mn1NextHop ? mn1Ll : Ipv6Address::GetAny());
        magRouting->AddBinding(hnp2, 64, magAccess2, magTunnel);
        lmaRouting = LmaRouting::Install(lma);
        lmaRouting->SetPrefixRoute(hnp1, 64, lmaTunnel);
        lmaRouting->SetPrefixRoute(hnp2, 64, lmaTunnel);

        magToLma.Connect(core.Get(0));
        lmaToMag.Connect(core.Get(1));
        cnEcho.Open(cn, Ipv6Address::GetAny(), 7);
        cnEcho.echo = true;
        mn1Hnp.Open(mn1, mn1Addr, 5000);
        mn1Other.Open(mn1, mn1OtherAddr, 5001);
        mn2Hnp.Open(mn2, mn2Addr, 6000);
    }

    /**
     * \brief Schedule datagrams from a socket.
     * \param from the sending end
     * \param to destination address
     * \param port destination port
     * \param start time of the first
     * \param count how many, one per second
     */
    void Schedule(UdpEnd& from, Ipv6Address to, uint16_t port, double start, uint32_t count)
    {
        for (uint32_t i = 0; i < count; i++)
        {
            Simulator::ScheduleWithContext(from.socket->GetNode()->GetId(),
                                           Seconds(start + i),
                                           &Send,
                                           from.socket,
                                           to,
                                           port);
        }
    }

    /// \brief Run the simulation to its end and destroy it.
    void Run(double stop)
    {
        Simulator::Stop(Seconds(stop));
        Simulator::Run();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Install() puts the protocols in the list above static routing, once.
 */
class RoutingInstallTestCase : public TestCase
{
  public:
    RoutingInstallTestCase()
        : TestCase("Install puts MagRouting and LmaRouting in the list above static routing")
    {
    }

  private:
    void DoRun() override
    {
        PmipNetwork net;
        Ptr<Ipv6ListRouting> list =
            DynamicCast<Ipv6ListRouting>(net.mag->GetObject<Ipv6>()->GetRoutingProtocol());
        NS_TEST_ASSERT_MSG_NE(list, nullptr, "the stack was installed with a list");
        NS_TEST_ASSERT_MSG_EQ(list->GetNRoutingProtocols(), 2, "static + MagRouting");
        int16_t priority;
        Ptr<Ipv6RoutingProtocol> first = list->GetRoutingProtocol(0, priority);
        NS_TEST_ASSERT_MSG_EQ(first, net.magRouting, "MagRouting is asked first");
        NS_TEST_ASSERT_MSG_EQ(priority, 10, "at priority 10");
        Ptr<Ipv6RoutingProtocol> second = list->GetRoutingProtocol(1, priority);
        NS_TEST_ASSERT_MSG_NE(DynamicCast<Ipv6StaticRouting>(second),
                              nullptr,
                              "then static routing");
        NS_TEST_ASSERT_MSG_EQ(priority, 0, "at priority 0");
        NS_TEST_ASSERT_MSG_EQ(MagRouting::Install(net.mag), net.magRouting, "installed once");
        NS_TEST_ASSERT_MSG_EQ(list->GetNRoutingProtocols(), 2, "still two");
        NS_TEST_ASSERT_MSG_EQ(LmaRouting::Install(net.lma), net.lmaRouting, "installed once");

        // binding bookkeeping
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetBindingCount(), 2, "two bindings");
        net.magRouting->AddBinding(Ipv6Address("fd00:100::77"), 64, 1, net.magTunnel);
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetBindingCount(), 2, "replaced, not added");
        net.magRouting->AddBinding(Ipv6Address("fd00:100:0:0:8000::"), 65, 2, net.magTunnel);
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetBindingCount(), 3, "another length");
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetAccessInterface(Ipv6Address("fd00:100::1")),
                              1,
                              "/64 match");
        NS_TEST_ASSERT_MSG_EQ(
            net.magRouting->GetAccessInterface(Ipv6Address("fd00:100:0:0:8000::1")),
            2,
            "longest match wins");
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetAccessInterface(Ipv6Address("fd00:300::1")),
                              MagRouting::NO_INTERFACE,
                              "no match");
        net.magRouting->RemoveBinding(Ipv6Address("fd00:100:0:0:8000::"), 65);
        net.magRouting->RemoveBinding(Ipv6Address("fd00:100:0:0:8000::"), 65);
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetBindingCount(), 2, "removed once");
        NS_TEST_ASSERT_MSG_EQ(
            net.magRouting->GetAccessInterface(Ipv6Address("fd00:100:0:0:8000::1")),
            1,
            "back to the /64");
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->HasBinding(Ipv6Address("fd00:200::5"), 64),
                              true,
                              "HasBinding masks the prefix");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetRouteCount(), 2, "two prefix routes");
        net.lmaRouting->SetPrefixRoute(Ipv6Address("fd00:100::"), 64, net.lmaTunnel);
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetRouteCount(), 2, "replaced, not added");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetTunnelInterface(net.mn2Addr),
                              net.lmaTunnel,
                              "LMA lookup");
        net.lmaRouting->RemovePrefixRoute(Ipv6Address("fd00:200::"), 64);
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetRouteCount(), 1, "one left");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetTunnelInterface(net.mn2Addr),
                              LmaRouting::NO_INTERFACE,
                              "removed");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief MN -> CN and CN -> MN through the tunnel, for both access links; the MAG's and
 * the LMA's own packets to an MN.
 */
class RoutingUplinkDownlinkTestCase : public TestCase
{
  public:
    RoutingUplinkDownlinkTestCase()
        : TestCase("MN<->CN through MAG, tunnel, LMA; MAG's and LMA's own packets to MNs")
    {
    }

  private:
    void DoRun() override
    {
        PmipNetwork net;
        net.Schedule(net.mn1Hnp, net.cnAddr, 7, 3, 3);
        net.Schedule(net.mn2Hnp, net.cnAddr, 7, 3.5, 2);
        // the LMA's and the MAG's own packets
        UdpEnd lmaSocket;
        lmaSocket.Open(net.lma, Ipv6Address::GetAny(), 4000);
        UdpEnd magSocket;
        magSocket.Open(net.mag, Ipv6Address::GetAny(), 4001);
        net.Schedule(lmaSocket, net.mn1Addr, 5000, 10, 1);
        net.Schedule(magSocket, net.mn1Addr, 5000, 11, 1);
        net.Schedule(magSocket, net.mn2Addr, 6000, 12, 1);
        net.Run(15);

        NS_TEST_ASSERT_MSG_EQ(net.cnEcho.From(net.mn1Addr), 3, "CN got MN1's datagrams");
        NS_TEST_ASSERT_MSG_EQ(net.cnEcho.From(net.mn2Addr), 2, "CN got MN2's datagrams");
        NS_TEST_ASSERT_MSG_EQ(net.mn1Hnp.From(net.cnAddr), 3, "MN1 got the echoes");
        NS_TEST_ASSERT_MSG_EQ(net.mn2Hnp.From(net.cnAddr), 2, "MN2 got the echoes");

        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetUplinkCount(), 5, "MAG uplink");
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetDownlinkCount(), 6, "MAG downlink: 5 + LMA's");
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetLocalRoutedCount(), 0, "no local routing");
        NS_TEST_ASSERT_MSG_EQ(net.tMag->GetEncapsulatedCount(), 5, "MAG encapsulated");
        NS_TEST_ASSERT_MSG_EQ(net.tLma->GetDecapsulatedCount(), 5, "LMA decapsulated");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetForwardedCount(), 5, "LMA downlink");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetOutputCount(), 1, "LMA's own packet");
        NS_TEST_ASSERT_MSG_EQ(net.tLma->GetEncapsulatedCount(), 6, "LMA encapsulated");
        NS_TEST_ASSERT_MSG_EQ(net.tMag->GetDecapsulatedCount(), 6, "MAG decapsulated");
        NS_TEST_ASSERT_MSG_EQ(net.magToLma.tunnelledUdp, 5, "core link: uplink in 41");
        NS_TEST_ASSERT_MSG_EQ(net.lmaToMag.tunnelledUdp, 6, "core link: downlink in 41");
        NS_TEST_ASSERT_MSG_EQ(net.magToLma.nativeUdp + net.lmaToMag.nativeUdp,
                              0,
                              "no native UDP on the core link");

        // the LMA's own packet left from its tunnel end point, the MAG's from its
        // access link-local address
        NS_TEST_ASSERT_MSG_EQ(net.mn1Hnp.From(Ipv6Address("fd00:a::2")),
                              1,
                              "MN1 got the LMA's datagram, from the LMA's address");
        Ptr<Ipv6> magIp = net.mag->GetObject<Ipv6>();
        NS_TEST_ASSERT_MSG_EQ(net.mn1Hnp.From(magIp->GetAddress(1, 0).GetAddress()),
                              1,
                              "MN1 got the MAG's datagram from its link-local address");
        NS_TEST_ASSERT_MSG_EQ(net.mn2Hnp.From(magIp->GetAddress(2, 0).GetAddress()),
                              1,
                              "MN2 got the MAG's datagram from its link-local address");
        NS_TEST_ASSERT_MSG_EQ(net.tMag->GetDropCount(Ipv6TunnelL4Protocol::DROP_NO_TUNNEL) +
                                  net.tLma->GetDropCount(Ipv6TunnelL4Protocol::DROP_NO_TUNNEL),
                              0,
                              "no unmatched packet 41");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief A packet from a source outside every bound HNP is left to static routing: it
 * leaves the MAG natively.
 */
class RoutingUnboundSourceTestCase : public TestCase
{
  public:
    RoutingUnboundSourceTestCase()
        : TestCase("MN packet from an unbound source is not tunnelled")
    {
    }

  private:
    void DoRun() override
    {
        PmipNetwork net;
        net.Schedule(net.mn1Other, net.cnAddr, 7, 3, 2);
        net.Run(10);
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetUplinkCount(), 0, "not MagRouting's");
        NS_TEST_ASSERT_MSG_EQ(net.tMag->GetEncapsulatedCount(), 0, "not tunnelled");
        NS_TEST_ASSERT_MSG_EQ(net.magToLma.nativeUdp, 2, "sent natively on the core link");
        NS_TEST_ASSERT_MSG_EQ(net.magToLma.nativeUdpSources.at(0),
                              net.mn1OtherAddr,
                              "with its own source");
        NS_TEST_ASSERT_MSG_EQ(net.cnEcho.From(net.mn1OtherAddr), 2, "static routing got it to CN");
        NS_TEST_ASSERT_MSG_EQ(net.tLma->GetDecapsulatedCount(), 0, "LMA decapsulated nothing");
        NS_TEST_ASSERT_MSG_EQ(net.mn1Other.sources.size(), 0, "no route back: no echo");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief RemoveBinding: the next packet of the MN is no longer tunnelled, and the downlink
 * to it is no longer delivered.
 */
class RoutingRemoveBindingTestCase : public TestCase
{
  public:
    RoutingRemoveBindingTestCase()
        : TestCase("RemoveBinding stops tunnelling")
    {
    }

  private:
    void DoRun() override
    {
        PmipNetwork net;
        net.Schedule(net.mn1Hnp, net.cnAddr, 7, 3, 1);
        Simulator::Schedule(Seconds(5), &MagRouting::RemoveBinding, net.magRouting, net.hnp1, 64);
        net.Schedule(net.mn1Hnp, net.cnAddr, 7, 6, 1);
        net.Run(10);
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetBindingCount(), 1, "one binding left");
        NS_TEST_ASSERT_MSG_EQ(net.cnEcho.From(net.mn1Addr), 2, "both reached the CN");
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetUplinkCount(), 1, "only the first uplink");
        NS_TEST_ASSERT_MSG_EQ(net.tMag->GetEncapsulatedCount(), 1, "only the first tunnelled");
        NS_TEST_ASSERT_MSG_EQ(net.magToLma.tunnelledUdp, 1, "core link: one in 41");
        NS_TEST_ASSERT_MSG_EQ(net.magToLma.nativeUdp, 1, "core link: one native");
        // both echoes come back through the tunnel (the LMA still routes the prefix);
        // the MAG delivers only the first
        NS_TEST_ASSERT_MSG_EQ(net.tMag->GetDecapsulatedCount(), 2, "both echoes decapsulated");
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetDownlinkCount(), 1, "only the first routed");
        NS_TEST_ASSERT_MSG_EQ(net.mn1Hnp.From(net.cnAddr), 1, "only the first delivered");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief MN1 -> MN2 on the same MAG: through the LMA by default, directly with
 * EnableLocalRouting.
 */
class RoutingLocalTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param localRouting EnableLocalRouting
     */
    explicit RoutingLocalTestCase(bool localRouting)
        : TestCase(localRouting ? "EnableLocalRouting: MN1->MN2 routed by the MAG"
                                : "default: MN1->MN2 goes through the LMA"),
          m_local(localRouting)
    {
    }

  private:
    void DoRun() override
    {
        PmipNetwork net(m_local);
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetLocalRouting(), m_local, "attribute");
        net.Schedule(net.mn1Hnp, net.mn2Addr, 6000, 3, 3);
        net.Run(10);
        NS_TEST_ASSERT_MSG_EQ(net.mn2Hnp.From(net.mn1Addr), 3, "MN2 got MN1's datagrams");
        if (m_local)
        {
            NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetLocalRoutedCount(), 3, "routed locally");
            NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetUplinkCount(), 0, "no uplink");
            NS_TEST_ASSERT_MSG_EQ(net.tMag->GetEncapsulatedCount(), 0, "nothing tunnelled");
            NS_TEST_ASSERT_MSG_EQ(net.magToLma.total, 0, "the LMA saw nothing");
            NS_TEST_ASSERT_MSG_EQ(net.tLma->GetDecapsulatedCount(), 0, "LMA decapsulated nothing");
            NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetForwardedCount(), 0, "LMA forwarded nothing");
        }
        else
        {
            NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetLocalRoutedCount(), 0, "not locally");
            NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetUplinkCount(), 3, "uplink");
            NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetDownlinkCount(), 3, "and back down");
            NS_TEST_ASSERT_MSG_EQ(net.magToLma.tunnelledUdp, 3, "up the tunnel");
            NS_TEST_ASSERT_MSG_EQ(net.lmaToMag.tunnelledUdp, 3, "down the tunnel");
            NS_TEST_ASSERT_MSG_EQ(net.tLma->GetDecapsulatedCount(), 3, "LMA decapsulated");
            NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetForwardedCount(), 3, "LMA hairpinned");
            NS_TEST_ASSERT_MSG_EQ(net.tLma->GetEncapsulatedCount(), 3, "LMA encapsulated");
            // ns-3 answers a packet forwarded back onto its incoming interface with an
            // ICMPv6 Redirect from the tunnel's link-local address: filtered
            NS_TEST_ASSERT_MSG_EQ(net.tLma->GetDropCount(Ipv6TunnelL4Protocol::DROP_LINK_LOCAL),
                                  3,
                                  "the LMA's redirects did not cross the tunnel");
        }
        Simulator::Destroy();
    }

    bool m_local; ///< EnableLocalRouting
};

/**
 * \ingroup pmipv6-test
 * \brief Why MN1's binding names a next hop: without one, on a link with neighbour
 * discovery, ns-3.37 cannot resolve a global destination from an interface that has only
 * a link-local address, and drops the downlink silently (the uplink is unaffected).
 */
class RoutingNextHopTestCase : public TestCase
{
  public:
    RoutingNextHopTestCase()
        : TestCase("no next hop on a CSMA access link: ns-3 cannot deliver the downlink")
    {
    }

  private:
    void DoRun() override
    {
        PmipNetwork net(false, false);
        net.Schedule(net.mn1Hnp, net.cnAddr, 7, 3, 2);
        net.Run(10);
        NS_TEST_ASSERT_MSG_EQ(net.cnEcho.From(net.mn1Addr), 2, "uplink works");
        NS_TEST_ASSERT_MSG_EQ(net.magRouting->GetDownlinkCount(), 2, "downlink routed");
        NS_TEST_ASSERT_MSG_EQ(net.mn1Hnp.sources.size(),
                              0,
                              "but not resolved on the link (ns-3.37 limitation)");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief A flow-binding table at the LMA routing: a matching packet goes into another tunnel
 * than the prefix route (FORWARD), is dropped (DISCARD) or goes into both (NCAST); other
 * packets keep the prefix route. Prefix routes of two owners on one prefix.
 */
class RoutingFlowBindingTestCase : public TestCase
{
  public:
    RoutingFlowBindingTestCase()
        : TestCase("LMA flow bindings: forward into another tunnel, discard, n-cast; owners")
    {
    }

  private:
    void DoRun() override
    {
        PmipNetwork net;
        // a second tunnel LMA fd00:a::12 <-> MAG fd00:a::11 on the same core link
        Ptr<Ipv6> lmaIp = net.lma->GetObject<Ipv6>();
        Ptr<Ipv6> magIp = net.mag->GetObject<Ipv6>();
        uint32_t lmaCore = lmaIp->GetInterfaceForAddress(Ipv6Address("fd00:a::2"));
        uint32_t magCore = magIp->GetInterfaceForAddress(Ipv6Address("fd00:a::1"));
        lmaIp->AddAddress(lmaCore, Ipv6InterfaceAddress(Ipv6Address("fd00:a::12"), Ipv6Prefix(64)));
        magIp->AddAddress(magCore, Ipv6InterfaceAddress(Ipv6Address("fd00:a::11"), Ipv6Prefix(64)));
        net.tMag->AddTunnelReference(Ipv6Address("fd00:a::11"), Ipv6Address("fd00:a::12"));
        uint32_t lmaTunnel2 =
            net.tLma->AddTunnelReference(Ipv6Address("fd00:a::12"), Ipv6Address("fd00:a::11"));
        NS_TEST_ASSERT_MSG_NE(lmaTunnel2, net.lmaTunnel, "two tunnel interfaces");

        // UDP destination ports the LMA encapsulated, per tunnel (by its local end point)
        std::vector<uint16_t> ports[2];
        net.tLma->TraceConnectWithoutContext(
            "Encapsulated",
            Callback<void, Ptr<const Packet>, Ipv6Address, Ipv6Address>(
                [&ports](Ptr<const Packet> p, Ipv6Address local, Ipv6Address) {
                    Ptr<Packet> copy = p->Copy();
                    Ipv6Header ip;
                    copy->RemoveHeader(ip);
                    if (ip.GetNextHeader() == 17)
                    {
                        UdpHeader udp;
                        copy->RemoveHeader(udp);
                        ports[local == Ipv6Address("fd00:a::12") ? 1 : 0].push_back(
                            udp.GetDestinationPort());
                    }
                }));

        Ptr<FlowBindingTable> table = CreateObject<FlowBindingTable>();
        TrafficSelector ts;
        FlowBindingEntry e;
        e.owner = LmaRouting::DEFAULT_OWNER; // the owner of the prefix routes PmipNetwork set
        e.fid = 1;
        ts.SetDestinationPort(5002);
        e.selector = ts;
        e.bids = {2};
        table->Add(e);
        e.fid = 2;
        ts.SetDestinationPort(5003);
        e.selector = ts;
        e.action = FlowBindingAction::DISCARD;
        e.bids = {};
        table->Add(e);
        e.fid = 3;
        ts.SetDestinationPort(5004);
        e.selector = ts;
        e.action = FlowBindingAction::NCAST;
        e.bids = {1, 2};
        table->Add(e);
        uint32_t tunnel1 = net.lmaTunnel;
        net.lmaRouting->SetFlowBindingTable(table);
        net.lmaRouting->SetBindingResolver(
            FlowBindingResolver([tunnel1, lmaTunnel2](uint64_t owner, uint16_t bid) {
                FlowBindingOutput out;
                if (owner == LmaRouting::DEFAULT_OWNER && (bid == 1 || bid == 2))
                {
                    out.interface = bid == 1 ? tunnel1 : lmaTunnel2;
                }
                return out;
            }));

        UdpEnd flow;
        flow.Open(net.mn1, net.mn1Addr, 5002);
        UdpEnd dropped;
        dropped.Open(net.mn1, net.mn1Addr, 5003);
        UdpEnd ncast;
        ncast.Open(net.mn1, net.mn1Addr, 5004);
        net.Schedule(net.cnEcho, net.mn1Addr, 5000, 3, 2);
        net.Schedule(net.cnEcho, net.mn1Addr, 5002, 3.2, 3);
        net.Schedule(net.cnEcho, net.mn1Addr, 5003, 3.4, 2);
        net.Schedule(net.cnEcho, net.mn1Addr, 5004, 3.6, 1);
        net.Run(10);

        NS_TEST_ASSERT_MSG_EQ(net.mn1Hnp.From(net.cnAddr), 2, "prefix route: delivered");
        NS_TEST_ASSERT_MSG_EQ(flow.From(net.cnAddr), 3, "flow binding: delivered");
        NS_TEST_ASSERT_MSG_EQ(dropped.From(net.cnAddr), 0, "discarded");
        NS_TEST_ASSERT_MSG_EQ(ncast.From(net.cnAddr), 2, "n-cast: one copy per tunnel");
        std::vector<uint16_t> expected1 = {5000, 5000, 5004};
        std::vector<uint16_t> expected2 = {5002, 5002, 5002, 5004};
        std::sort(ports[0].begin(), ports[0].end());
        std::sort(ports[1].begin(), ports[1].end());
        NS_TEST_ASSERT_MSG_EQ((ports[0] == expected1), true, "prefix route's tunnel: 5000, 5004");
        NS_TEST_ASSERT_MSG_EQ((ports[1] == expected2), true, "the flow's tunnel: 5002 x3, 5004");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetFlowDiscardCount(), 2, "two discarded");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetFlowForwardedCount(), 5, "3 + 2 copies");
        NS_TEST_ASSERT_MSG_EQ(table->Find(0, 1)->hits, 3, "hits of FID 1");

        // owners: a second owner's route of HNP1 is selected; removing it restores the first
        net.lmaRouting->SetPrefixRoute(net.hnp1, 64, lmaTunnel2, 7);
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetTunnelInterface(net.mn1Addr),
                              lmaTunnel2,
                              "owner 7's route, set last");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetRouteCount(), 3, "two owners of HNP1 + HNP2");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->HasPrefixRoute(net.hnp1, 64, 7), true, "owner 7");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->RemovePrefixRoute(net.hnp1, 64, 7), true, "removed");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->RemovePrefixRoute(net.hnp1, 64, 7), false, "once");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetTunnelInterface(net.mn1Addr),
                              net.lmaTunnel,
                              "owner 0's route is left");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->HasPrefixRoute(net.hnp1, 64, 0), true, "owner 0");
        net.lmaRouting->SetPrefixRoute(net.hnp1, 64, lmaTunnel2, 7);
        net.lmaRouting->SetPrefixRoute(net.hnp1, 64, net.lmaTunnel, 0);
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetTunnelInterface(net.mn1Addr),
                              net.lmaTunnel,
                              "owner 0 set again: selected");
        net.lmaRouting->RemovePrefixRoute(net.hnp1, 64, 0);
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetTunnelInterface(net.mn1Addr),
                              lmaTunnel2,
                              "owner 7's route is left");
        net.lmaRouting->RemovePrefixRoute(net.hnp1, 64);
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->HasPrefixRoute(net.hnp1, 64), false, "all owners");
        NS_TEST_ASSERT_MSG_EQ(net.lmaRouting->GetRouteCount(), 1, "HNP2's");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The PMIPv6 data path test suite.
 */
class Pmipv6RoutingTestSuite : public TestSuite
{
  public:
    Pmipv6RoutingTestSuite()
        : TestSuite("pmipv6-routing", UNIT)
    {
        AddTestCase(new RoutingInstallTestCase, TestCase::QUICK);
        AddTestCase(new RoutingUplinkDownlinkTestCase, TestCase::QUICK);
        AddTestCase(new RoutingUnboundSourceTestCase, TestCase::QUICK);
        AddTestCase(new RoutingRemoveBindingTestCase, TestCase::QUICK);
        AddTestCase(new RoutingLocalTestCase(false), TestCase::QUICK);
        AddTestCase(new RoutingLocalTestCase(true), TestCase::QUICK);
        AddTestCase(new RoutingNextHopTestCase, TestCase::QUICK);
        AddTestCase(new RoutingFlowBindingTestCase, TestCase::QUICK);
    }
};

/// The static instance.
Pmipv6RoutingTestSuite g_pmipv6RoutingTestSuite;

} // namespace
