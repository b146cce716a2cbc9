/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The mobile node's logical interface (LogicalInterfaceNetDevice, LogicalInterfaceHelper):
 * with plain ns-3 over two CSMA links (frames injected by two neighbours), then end to end
 * in a PMIPv6 domain with two MAGs.
 */

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

#include <algorithm>
#include <map>
#include <vector>

using namespace ns3;

namespace
{

/// EtherType of IPv6.
constexpr uint16_t IPV6 = 0x86DD;

/**
 * \brief An IPv6/UDP packet.
 * \param src source address
 * \param dst destination address
 * \param sport source port
 * \param dport destination port
 * \return the packet, starting with the IPv6 header
 */
Ptr<Packet>
MakeUdp(Ipv6Address src, Ipv6Address dst, uint16_t sport, uint16_t dport)
{
    Ptr<Packet> p = Create<Packet>(32);
    UdpHeader udp;
    udp.SetSourcePort(sport);
    udp.SetDestinationPort(dport);
    p->AddHeader(udp);
    Ipv6Header ip;
    ip.SetSource(src);
    ip.SetDestination(dst);
    ip.SetNextHeader(UdpL4Protocol::PROT_NUMBER);
    ip.SetPayloadLength(p->GetSize());
    ip.SetHopLimit(64);
    p->AddHeader(ip);
    return p;
}

/**
 * \brief The UDP source port of an IPv6/UDP packet.
 * \param packet the packet (IPv6 header first)
 * \return the port, 0 when it is no UDP packet
 */
uint16_t
SourcePort(Ptr<const Packet> packet)
{
    Ptr<Packet> copy = packet->Copy();
    Ipv6Header ip;
    copy->RemoveHeader(ip);
    if (ip.GetNextHeader() != UdpL4Protocol::PROT_NUMBER)
    {
        return 0;
    }
    UdpHeader udp;
    copy->RemoveHeader(udp);
    return udp.GetSourcePort();
}

/**
 * \brief The source link-layer address option of a Router Solicitation.
 * \param packet the packet (IPv6 header first)
 * \return the address, or an invalid Address when it is no RS with that option
 */
Address
RsSourceLla(Ptr<const Packet> packet)
{
    uint8_t b[56];
    if (packet->GetSize() < sizeof(b))
    {
        return Address();
    }
    packet->CopyData(b, sizeof(b));
    if (b[6] != Icmpv6L4Protocol::PROT_NUMBER ||
        b[40] != Icmpv6Header::ICMPV6_ND_ROUTER_SOLICITATION || b[48] != 1 || b[49] != 1)
    {
        return Address();
    }
    Mac48Address mac;
    mac.CopyFrom(b + 50);
    return mac;
}

/**
 * \ingroup pmipv6-test
 * \brief A mobile node with a logical interface over two CSMA devices, one on link A (with
 * neighbour R1) and one on link B (with neighbour R2). The neighbours have no IP stack: they
 * inject IPv6 frames and record the uplink frames they receive.
 */
struct TwoLinks
{
    Ptr<Node> mn;                            ///< the mobile node
    Ptr<Node> r1;                            ///< neighbour on link A
    Ptr<Node> r2;                            ///< neighbour on link B
    Ptr<CsmaNetDevice> physA;                ///< MN device on link A (port 0)
    Ptr<CsmaNetDevice> physB;                ///< MN device on link B (port 1)
    Ptr<CsmaNetDevice> r1Dev;                ///< R1's device
    Ptr<CsmaNetDevice> r2Dev;                ///< R2's device
    Ptr<LogicalInterfaceNetDevice> lif;      ///< the logical device
    std::vector<uint16_t> atR1;              ///< uplink UDP source ports received by R1
    std::vector<uint16_t> atR2;              ///< uplink UDP source ports received by R2
    std::vector<uint32_t> deliveredPorts;    ///< physical ports of frames delivered up
    std::vector<uint8_t> reasons;            ///< InterfaceChoice reasons, in order
    std::vector<Address> rsAtR1;             ///< SLLAO of Router Solicitations R1 received
    std::vector<Address> rsAtR2;             ///< SLLAO of Router Solicitations R2 received
    Ipv6Address mnAddress{"2001:db8:1::10"}; ///< the MN's (unconfigured) address
    Ipv6Address cn{"2001:db8:9::1"};         ///< a correspondent's address

    /**
     * \brief Build it.
     * \param helper the logical interface helper (attributes set by the case)
     */
    explicit TwoLinks(const LogicalInterfaceHelper& helper)
    {
        mn = CreateObject<Node>();
        r1 = CreateObject<Node>();
        r2 = CreateObject<Node>();
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.Install(mn);
        CsmaHelper csma;
        NetDeviceContainer a = csma.Install(NodeContainer(r1, mn));
        NetDeviceContainer b = csma.Install(NodeContainer(r2, mn));
        r1Dev = DynamicCast<CsmaNetDevice>(a.Get(0));
        physA = DynamicCast<CsmaNetDevice>(a.Get(1));
        r2Dev = DynamicCast<CsmaNetDevice>(b.Get(0));
        physB = DynamicCast<CsmaNetDevice>(b.Get(1));
        NetDeviceContainer physical;
        physical.Add(physA);
        physical.Add(physB);
        lif = helper.Install(physical);
        lif->SetGateway(0, Mac48Address::ConvertFrom(r1Dev->GetAddress()));
        lif->SetGateway(1, Mac48Address::ConvertFrom(r2Dev->GetAddress()));
        r1->RegisterProtocolHandler(MakeCallback(&TwoLinks::AtR1, this), IPV6, r1Dev);
        r2->RegisterProtocolHandler(MakeCallback(&TwoLinks::AtR2, this), IPV6, r2Dev);
        lif->TraceConnectWithoutContext("PhysicalRx", MakeCallback(&TwoLinks::Delivered, this));
        lif->TraceConnectWithoutContext("InterfaceChoice", MakeCallback(&TwoLinks::Chosen, this));
    }

    /**
     * \brief R1's receive handler.
     * \param device the device
     * \param p the packet
     * \param protocol the protocol
     * \param from the sender
     * \param to the destination
     * \param type the packet type
     */
    void AtR1(Ptr<NetDevice> /* device */,
              Ptr<const Packet> p,
              uint16_t /* protocol */,
              const Address& /* from */,
              const Address& /* to */,
              NetDevice::PacketType /* type */)
    {
        if (SourcePort(p) != 0) // UDP only: not the MN's own Neighbour Discovery
        {
            atR1.push_back(SourcePort(p));
        }
        if (!RsSourceLla(p).IsInvalid())
        {
            rsAtR1.push_back(RsSourceLla(p));
        }
    }

    /**
     * \brief R2's receive handler.
     * \param device the device
     * \param p the packet
     * \param protocol the protocol
     * \param from the sender
     * \param to the destination
     * \param type the packet type
     */
    void AtR2(Ptr<NetDevice> /* device */,
              Ptr<const Packet> p,
              uint16_t /* protocol */,
              const Address& /* from */,
              const Address& /* to */,
              NetDevice::PacketType /* type */)
    {
        if (SourcePort(p) != 0)
        {
            atR2.push_back(SourcePort(p));
        }
        if (!RsSourceLla(p).IsInvalid())
        {
            rsAtR2.push_back(RsSourceLla(p));
        }
    }

    /**
     * \brief PhysicalRx sink.
     * \param p the packet
     * \param port the physical port
     */
    void Delivered(Ptr<const Packet> /* p */, uint32_t port)
    {
        deliveredPorts.push_back(port);
    }

    /**
     * \brief InterfaceChoice sink.
     * \param p the packet
     * \param port the physical port
     * \param reason the reason
     */
    void Chosen(Ptr<const Packet> /* p */, uint32_t /* port */, uint8_t reason)
    {
        if (reason != LogicalInterfaceNetDevice::CHOICE_FLOOD) // not the MN's own ND
        {
            reasons.push_back(reason);
        }
    }

    /**
     * \brief A neighbour sends downlink flow (cnPort -> mnPort) to the MN.
     * \param viaB from R2 on link B (else from R1 on link A)
     * \param mnPort the MN's port
     * \param cnPort the correspondent's port
     * \param to the destination MAC (default: the MN's physical device on that link)
     */
    void Downlink(bool viaB, uint16_t mnPort, uint16_t cnPort, Address to = Address())
    {
        Ptr<CsmaNetDevice> dev = viaB ? r2Dev : r1Dev;
        if (to.IsInvalid())
        {
            to = viaB ? physB->GetAddress() : physA->GetAddress();
        }
        dev->Send(MakeUdp(cn, mnAddress, cnPort, mnPort), to, IPV6);
    }

    /**
     * \brief IPv6 hands the logical device an uplink packet (mnPort -> cnPort), addressed to
     * R2 (as if Neighbour Discovery had resolved the default router on link B).
     * \param mnPort the MN's port
     * \param cnPort the correspondent's port
     */
    void Uplink(uint16_t mnPort, uint16_t cnPort)
    {
        lif->Send(MakeUdp(mnAddress, cn, mnPort, cnPort), r2Dev->GetAddress(), IPV6);
    }

    /// \brief Clear the records.
    void Clear()
    {
        atR1.clear();
        atR2.clear();
        deliveredPorts.clear();
        reasons.clear();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief One IPv6 interface; frames of both links go up; uplink of a flow follows its
 * downlink (and follows it when it moves); a new flow uses the default device.
 */
class LifFollowTestCase : public TestCase
{
  public:
    LifFollowTestCase()
        : TestCase("one IPv6 interface; uplink follows downlink per flow; new flows use the "
                   "default device")
    {
    }

  private:
    void DoRun() override
    {
        LogicalInterfaceHelper helper;
        TwoLinks t(helper);

        Ptr<Ipv6> ipv6 = t.mn->GetObject<Ipv6>();
        NS_TEST_ASSERT_MSG_EQ(ipv6->GetNInterfaces(), 2u, "loopback and the logical interface");
        NS_TEST_ASSERT_MSG_EQ(ipv6->GetInterfaceForDevice(t.physA), -1, "A is no IPv6 interface");
        NS_TEST_ASSERT_MSG_EQ(ipv6->GetInterfaceForDevice(t.physB), -1, "B is no IPv6 interface");
        int32_t lifInterface = ipv6->GetInterfaceForDevice(t.lif);
        NS_TEST_ASSERT_MSG_EQ(lifInterface, 1, "the logical device is the IPv6 interface");
        NS_TEST_ASSERT_MSG_EQ(ipv6->GetAddress(lifInterface, 0).GetAddress(),
                              t.lif->GetLinkLocalAddress(),
                              "the link-local address comes from the logical identity");
        NS_TEST_ASSERT_MSG_NE(t.lif->GetAddress(), t.physA->GetAddress(), "own identity");

        // Downlink: flow X (MN port 1000) on A, flow Y (1001) on B, a frame to the logical
        // MAC on B (delivered) and one to a stranger's MAC (not delivered).
        Simulator::Schedule(Seconds(1), [&t]() {
            t.Downlink(false, 1000, 5000);
            t.Downlink(true, 1001, 5001);
            t.Downlink(true, 1002, 5002, t.lif->GetAddress());
            t.Downlink(true, 1003, 5003, Mac48Address("00:00:00:00:99:99"));
        });
        Simulator::Schedule(Seconds(1.5), [&t]() {
            t.Uplink(1000, 5000); // X: learnt on A
            t.Uplink(1001, 5001); // Y: learnt on B
            t.Uplink(1004, 5004); // Z: new, default device A (R2's MAC rewritten to R1's)
        });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(t.deliveredPorts.size(), 3u, "three frames delivered up");
        NS_TEST_ASSERT_MSG_EQ(t.deliveredPorts[0], 0u, "first from A");
        NS_TEST_ASSERT_MSG_EQ(t.deliveredPorts[1], 1u, "then from B");
        NS_TEST_ASSERT_MSG_EQ(t.deliveredPorts[2], 1u, "the logical MAC is accepted");
        NS_TEST_ASSERT_MSG_EQ(t.atR1.size(), 2u, "X and Z reach R1");
        NS_TEST_ASSERT_MSG_EQ(t.atR1[0], 1000, "X on A");
        NS_TEST_ASSERT_MSG_EQ(t.atR1[1], 1004, "Z on the default device A");
        NS_TEST_ASSERT_MSG_EQ(t.atR2.size(), 1u, "Y reaches R2");
        NS_TEST_ASSERT_MSG_EQ(t.atR2[0], 1001, "Y on B");
        NS_TEST_ASSERT_MSG_EQ(t.reasons.size(), 3u, "three choices");
        NS_TEST_ASSERT_MSG_EQ(+t.reasons[0], +LogicalInterfaceNetDevice::CHOICE_LEARNT, "X");
        NS_TEST_ASSERT_MSG_EQ(+t.reasons[1], +LogicalInterfaceNetDevice::CHOICE_LEARNT, "Y");
        NS_TEST_ASSERT_MSG_EQ(+t.reasons[2], +LogicalInterfaceNetDevice::CHOICE_DEFAULT, "Z");
        // The MN's Router Solicitation went out on both links, each naming that link's MAC.
        NS_TEST_ASSERT_MSG_GT(t.rsAtR1.size(), 0u, "an RS on link A");
        NS_TEST_ASSERT_MSG_GT(t.rsAtR2.size(), 0u, "an RS on link B");
        NS_TEST_ASSERT_MSG_EQ(t.rsAtR1[0], t.physA->GetAddress(), "SLLAO: A's MAC on link A");
        NS_TEST_ASSERT_MSG_EQ(t.rsAtR2[0], t.physB->GetAddress(), "SLLAO: B's MAC on link B");

        // Flow X now arrives on B (the network moved it): its uplink follows.
        t.Clear();
        Simulator::Schedule(Seconds(0.1), [&t]() { t.Downlink(true, 1000, 5000); });
        Simulator::Schedule(Seconds(0.2), [&t]() { t.Uplink(1000, 5000); });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(t.atR1.size(), 0u, "nothing on A");
        NS_TEST_ASSERT_MSG_EQ(t.atR2.size(), 1u, "X moved to B");
        NS_TEST_ASSERT_MSG_EQ(t.atR2[0], 1000, "X on B");

        // Default device B: a new flow leaves by B.
        t.Clear();
        t.lif->SetAttribute("DefaultInterface", UintegerValue(1));
        Simulator::Schedule(Seconds(0.1), [&t]() { t.Uplink(1005, 5005); });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(t.atR2.size(), 1u, "new flow on the new default B");
        NS_TEST_ASSERT_MSG_EQ(t.atR1.size(), 0u, "nothing on A");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Flow policies pin flows, beat the learnt device, resolve by priority, and can be
 * removed.
 */
class LifPinningTestCase : public TestCase
{
  public:
    LifPinningTestCase()
        : TestCase("flow policies pin uplink flows (first match by priority)")
    {
    }

  private:
    void DoRun() override
    {
        LogicalInterfaceHelper helper;
        TwoLinks t(helper);
        TrafficSelector toZ;
        toZ.SetDestinationPort(5004);
        uint32_t pinZ = t.lif->AddFlowPolicy(toZ, 10, 1);
        TrafficSelector fromX;
        fromX.SetSourcePort(1000);
        fromX.SetNextHeader(UdpL4Protocol::PROT_NUMBER);
        uint32_t pinX = t.lif->AddFlowPolicy(fromX, 10, 1);
        // A lower-priority catch-all to A: never wins over the two above.
        TrafficSelector anyUdp;
        anyUdp.SetNextHeader(UdpL4Protocol::PROT_NUMBER);
        uint32_t catchAll = t.lif->AddFlowPolicy(anyUdp, 200, 0);

        Simulator::Schedule(Seconds(1), [&t]() { t.Downlink(false, 1000, 5000); });
        Simulator::Schedule(Seconds(1.5), [&t]() {
            t.Uplink(1004, 5004); // Z pinned to B
            t.Uplink(1000, 5000); // X learnt on A but pinned to B
            t.Uplink(1006, 5006); // W: the catch-all, A
        });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(t.atR2.size(), 2u, "Z and X on B");
        NS_TEST_ASSERT_MSG_EQ(t.atR2[0], 1004, "Z pinned");
        NS_TEST_ASSERT_MSG_EQ(t.atR2[1], 1000, "X pinned over its learnt device");
        NS_TEST_ASSERT_MSG_EQ(t.atR1.size(), 1u, "W on A");
        NS_TEST_ASSERT_MSG_EQ(+t.reasons[1], +LogicalInterfaceNetDevice::CHOICE_PINNED, "X");

        // The higher precedence wins: a priority-1 policy sends all UDP to A.
        t.Clear();
        TrafficSelector allUdp;
        allUdp.SetNextHeader(UdpL4Protocol::PROT_NUMBER);
        uint32_t first = t.lif->AddFlowPolicy(allUdp, 1, 0);
        Simulator::Schedule(Seconds(0.1), [&t]() { t.Uplink(1004, 5004); });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(t.atR1.size(), 1u, "priority 1 beats priority 10");
        NS_TEST_ASSERT_MSG_EQ(t.atR2.size(), 0u, "nothing on B");

        // Remove the pins: X follows its downlink (A) again, Z takes the default device (A).
        t.Clear();
        NS_TEST_ASSERT_MSG_EQ(t.lif->RemoveFlowPolicy(first), true, "removed");
        NS_TEST_ASSERT_MSG_EQ(t.lif->RemoveFlowPolicy(pinX), true, "removed");
        NS_TEST_ASSERT_MSG_EQ(t.lif->RemoveFlowPolicy(pinZ), true, "removed");
        NS_TEST_ASSERT_MSG_EQ(t.lif->RemoveFlowPolicy(catchAll), true, "removed");
        NS_TEST_ASSERT_MSG_EQ(t.lif->RemoveFlowPolicy(pinZ), false, "already removed");
        Simulator::Schedule(Seconds(0.1), [&t]() {
            t.Uplink(1000, 5000);
            t.Uplink(1004, 5004);
        });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(t.atR1.size(), 2u, "both on A");
        NS_TEST_ASSERT_MSG_EQ(+t.reasons[0], +LogicalInterfaceNetDevice::CHOICE_LEARNT, "X");
        NS_TEST_ASSERT_MSG_EQ(+t.reasons[1], +LogicalInterfaceNetDevice::CHOICE_DEFAULT, "Z");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief A physical device detached at run time: its flows (learnt and pinned) move to
 * another device, its frames are not delivered; re-attached, flows follow their downlink again.
 */
class LifDetachTestCase : public TestCase
{
  public:
    LifDetachTestCase()
        : TestCase("detaching a physical device moves its flows")
    {
    }

  private:
    void DoRun() override
    {
        LogicalInterfaceHelper helper;
        TwoLinks t(helper);
        TrafficSelector toP;
        toP.SetDestinationPort(5007);
        t.lif->AddFlowPolicy(toP, 1, 1);
        Simulator::Schedule(Seconds(1), [&t]() { t.Downlink(true, 1001, 5001); });
        Simulator::Schedule(Seconds(1.5), [&t]() {
            t.lif->SetPhysicalDeviceUp(1, false);
            t.Downlink(true, 1001, 5001); // arrives on the detached device: not delivered
        });
        Simulator::Schedule(Seconds(2), [&t]() {
            t.Uplink(1001, 5001); // Y learnt on B: moves to A
            t.Uplink(1007, 5007); // P pinned to B: falls back to A
        });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(t.deliveredPorts.size(), 1u, "only the frame before the detach");
        NS_TEST_ASSERT_MSG_EQ(t.lif->IsPhysicalDeviceUsable(1), false, "B detached");
        NS_TEST_ASSERT_MSG_EQ(t.lif->IsLinkUp(), true, "the logical device keeps working");
        NS_TEST_ASSERT_MSG_EQ(t.atR2.size(), 0u, "nothing leaves by B");
        NS_TEST_ASSERT_MSG_EQ(t.atR1.size(), 2u, "Y and P moved to A");
        NS_TEST_ASSERT_MSG_EQ(t.atR1[0], 1001, "Y");
        NS_TEST_ASSERT_MSG_EQ(t.atR1[1], 1007, "P");
        NS_TEST_ASSERT_MSG_EQ(+t.reasons[0], +LogicalInterfaceNetDevice::CHOICE_DEFAULT, "Y");
        NS_TEST_ASSERT_MSG_EQ(+t.reasons[1], +LogicalInterfaceNetDevice::CHOICE_FALLBACK, "P");

        // B comes back: P returns to its pin at once; Y when it arrives on B again.
        t.Clear();
        t.lif->SetPhysicalDeviceUp(1, true);
        Simulator::Schedule(Seconds(0.1), [&t]() {
            t.Uplink(1001, 5001);
            t.Uplink(1007, 5007);
            t.Downlink(true, 1001, 5001);
        });
        Simulator::Schedule(Seconds(0.2), [&t]() { t.Uplink(1001, 5001); });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(t.atR1.size(), 1u, "Y on the default until it arrives");
        NS_TEST_ASSERT_MSG_EQ(t.atR2.size(), 2u, "P pinned, then Y after its arrival on B");
        NS_TEST_ASSERT_MSG_EQ(t.atR2[0], 1007, "P");
        NS_TEST_ASSERT_MSG_EQ(t.atR2[1], 1001, "Y");

        // Both detached: the logical link is down and nothing is sent.
        t.Clear();
        t.lif->SetPhysicalDeviceUp(0, false);
        t.lif->SetPhysicalDeviceUp(1, false);
        NS_TEST_ASSERT_MSG_EQ(t.lif->IsLinkUp(), false, "no usable device");
        Simulator::Schedule(Seconds(0.1), [&t]() { t.Uplink(1001, 5001); });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(t.atR1.size() + t.atR2.size(), 0u, "dropped");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The flow table is bounded (least recently used evicted) and ages (FlowTimeout).
 */
class LifFlowTableTestCase : public TestCase
{
  public:
    LifFlowTableTestCase()
        : TestCase("the flow table is bounded and ages")
    {
    }

  private:
    void DoRun() override
    {
        LogicalInterfaceHelper helper;
        helper.SetDeviceAttribute("MaxFlows", UintegerValue(2));
        helper.SetDeviceAttribute("FlowTimeout", TimeValue(Seconds(5)));
        TwoLinks t(helper);
        Simulator::Schedule(Seconds(1), [&t]() { t.Downlink(true, 1000, 5000); });
        Simulator::Schedule(Seconds(1.1), [&t]() { t.Downlink(true, 1001, 5001); });
        Simulator::Schedule(Seconds(1.2), [&t]() { t.Downlink(true, 1002, 5002); });
        uint32_t flowsAfter = 0;
        Simulator::Schedule(Seconds(1.3), [&]() {
            flowsAfter = t.lif->GetNFlows();
            t.Uplink(1002, 5002); // remembered: B
            t.Uplink(1000, 5000); // evicted: default A
        });
        // 1002 was used at 1.3 s; at 7 s it has aged out: default A.
        Simulator::Schedule(Seconds(7), [&t]() { t.Uplink(1002, 5002); });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(flowsAfter, 2u, "bounded by MaxFlows");
        NS_TEST_ASSERT_MSG_EQ(t.atR2.size(), 1u, "only the remembered flow on B");
        NS_TEST_ASSERT_MSG_EQ(t.atR2[0], 1002, "the most recent flow");
        NS_TEST_ASSERT_MSG_EQ(t.atR1.size(), 2u, "the evicted and the aged flow on A");
        NS_TEST_ASSERT_MSG_EQ(t.atR1[0], 1000, "evicted");
        NS_TEST_ASSERT_MSG_EQ(t.atR1[1], 1002, "aged");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Echoes UDP datagrams from a socket bound to one address (so the reply's source is
 * that address).
 */
struct BoundEcho
{
    Ptr<Socket> socket; ///< the socket

    /**
     * \brief Open it.
     * \param node the node
     * \param address the local address
     * \param port the local port
     */
    void Open(Ptr<Node> node, Ipv6Address address, uint16_t port)
    {
        socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
        socket->Bind(Inet6SocketAddress(address, port));
        socket->SetRecvCallback(MakeCallback(&BoundEcho::Echo, this));
    }

    /**
     * \brief Receive callback: send every datagram back.
     * \param s the socket
     */
    void Echo(Ptr<Socket> s)
    {
        Address from;
        while (Ptr<Packet> p = s->RecvFrom(from))
        {
            s->SendTo(p, 0, from);
        }
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Sends a datagram every interval to one destination and counts the replies.
 */
struct Pinger
{
    Ptr<Socket> socket;                                  ///< the socket
    Inet6SocketAddress remote{Ipv6Address::GetAny(), 0}; ///< destination
    uint32_t sent{0};                                    ///< datagrams sent
    uint32_t replies{0};                                 ///< replies received
    uint32_t remaining{0};                               ///< datagrams still to send

    /**
     * \brief Start sending.
     * \param node the node
     * \param to the destination
     * \param count datagrams to send
     */
    void Start(Ptr<Node> node, Inet6SocketAddress to, uint32_t count)
    {
        socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
        socket->Bind6();
        socket->SetRecvCallback(MakeCallback(&Pinger::Reply, this));
        remote = to;
        remaining = count;
        Next();
    }

    /// \brief Send one and schedule the next.
    void Next()
    {
        if (remaining == 0)
        {
            return;
        }
        remaining--;
        sent++;
        socket->SendTo(Create<Packet>(100), 0, remote);
        Simulator::Schedule(MilliSeconds(50), &Pinger::Next, this);
    }

    /**
     * \brief Receive callback.
     * \param s the socket
     */
    void Reply(Ptr<Socket> s)
    {
        while (s->Recv())
        {
            replies++;
        }
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Counts, per physical device, the uplink UDP packets by IPv6 source address.
 */
struct CarrierLog
{
    std::map<std::pair<uint32_t, Ipv6Address>, uint32_t> up;   ///< (port, source) -> packets
    std::map<std::pair<uint32_t, Ipv6Address>, uint32_t> down; ///< (port, destination) -> packets

    /**
     * \brief InterfaceChoice sink.
     * \param p the packet
     * \param port the port
     * \param reason the reason
     */
    void Sent(Ptr<const Packet> p, uint32_t port, uint8_t reason)
    {
        Ipv6Header ip;
        p->PeekHeader(ip);
        if (ip.GetNextHeader() == UdpL4Protocol::PROT_NUMBER)
        {
            up[{port, ip.GetSource()}]++;
        }
    }

    /**
     * \brief Uplink packets of a source on a device.
     * \param port the device
     * \param source the source address
     * \return the count
     */
    uint32_t Up(uint32_t port, Ipv6Address source) const
    {
        auto it = up.find({port, source});
        return it == up.end() ? 0 : it->second;
    }

    /**
     * \brief Downlink packets to a destination on a device.
     * \param port the device
     * \param destination the destination address
     * \return the count
     */
    uint32_t Down(uint32_t port, Ipv6Address destination) const
    {
        auto it = down.find({port, destination});
        return it == down.end() ? 0 : it->second;
    }

    /**
     * \brief PhysicalRx sink.
     * \param p the packet
     * \param port the port
     */
    void Received(Ptr<const Packet> p, uint32_t port)
    {
        Ipv6Header ip;
        p->PeekHeader(ip);
        if (ip.GetNextHeader() == UdpL4Protocol::PROT_NUMBER)
        {
            down[{port, ip.GetDestination()}]++;
        }
    }
};

/**
 * \ingroup pmipv6-test
 * \brief End to end with PMIPv6: an MN with a logical interface over two CSMA devices attached
 * to two MAGs of one LMA (each attachment HI 1, its own HNP): both home addresses are on the
 * logical interface, the downlink to each arrives through the right MAG's link and the replies
 * leave by the same device (and reach the correspondent).
 */
class LifPmipv6TestCase : public TestCase
{
  public:
    LifPmipv6TestCase()
        : TestCase("PMIPv6: two attachments of one logical interface, uplink follows downlink")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6DualAccessDomain d("mn-lif@test");
        NodeContainer& cn = d.cn;
        NodeContainer& mn = d.mn;
        Ptr<LogicalInterfaceNetDevice> lif = d.lif;
        Ptr<NetDevice> physA = d.phys[0];
        Ptr<NetDevice> physB = d.phys[1];
        Ptr<Pmipv6MagApplication> mag1 = d.magApp[0];
        Ptr<Pmipv6MagApplication> mag2 = d.magApp[1];
        Ipv6Address cnAddress = d.cnAddress;
        const std::string mnId = d.mnId;
        const Pmipv6Profile* profile = d.pmip.GetProfileStore()->Lookup(mnId);
        NS_TEST_ASSERT_MSG_EQ(profile->linkLayerAddresses.size(), 2u, "both physical MACs");
        NS_TEST_ASSERT_MSG_EQ(profile->mnLinkLocalAddress,
                              lif->GetLinkLocalAddress(),
                              "the logical link-local address");
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            0,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Schedule(Seconds(0.6),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            1,
                            mip6::HI_NEW_INTERFACE);

        CarrierLog carriers;
        lif->TraceConnectWithoutContext("InterfaceChoice",
                                        MakeCallback(&CarrierLog::Sent, &carriers));
        lif->TraceConnectWithoutContext("PhysicalRx",
                                        MakeCallback(&CarrierLog::Received, &carriers));

        Ipv6Address home1;
        Ipv6Address home2;
        std::vector<Ipv6Address> configured;
        BoundEcho echo1;
        BoundEcho echo2;
        Pinger ping1;
        Pinger ping2;
        const uint32_t count = 20;
        Simulator::Schedule(Seconds(2.5), [&]() {
            auto e1 = mag1->GetBindingUpdateList()->GetEntries();
            auto e2 = mag2->GetBindingUpdateList()->GetEntries();
            if (e1.size() != 1 || e2.size() != 1 || e1[0]->homeNetworkPrefixes.empty() ||
                e2[0]->homeNetworkPrefixes.empty())
            {
                return;
            }
            home1 = Pmipv6Helper::GetHomeAddress(lif, e1[0]->homeNetworkPrefixes[0]);
            home2 = Pmipv6Helper::GetHomeAddress(lif, e2[0]->homeNetworkPrefixes[0]);
            Ptr<Ipv6> ipv6 = mn.Get(0)->GetObject<Ipv6>();
            uint32_t interface = ipv6->GetInterfaceForDevice(lif);
            for (uint32_t a = 0; a < ipv6->GetNAddresses(interface); ++a)
            {
                configured.push_back(ipv6->GetAddress(interface, a).GetAddress());
            }
            echo1.Open(mn.Get(0), home1, 9000);
            echo2.Open(mn.Get(0), home2, 9001);
            ping1.Start(cn.Get(0), Inet6SocketAddress(home1, 9000), count);
            ping2.Start(cn.Get(0), Inet6SocketAddress(home2, 9001), count);
        });
        Simulator::Stop(Seconds(6));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_NE(home1, Ipv6Address::GetAny(), "MAG1 registered the MN");
        NS_TEST_ASSERT_MSG_NE(home2, Ipv6Address::GetAny(), "MAG2 registered the MN");
        NS_TEST_ASSERT_MSG_NE(home1, home2, "HI 1: each attachment its own HNP");
        NS_TEST_ASSERT_MSG_EQ(
            (std::find(configured.begin(), configured.end(), home1) != configured.end()),
            true,
            "home address 1 on the logical interface");
        NS_TEST_ASSERT_MSG_EQ(
            (std::find(configured.begin(), configured.end(), home2) != configured.end()),
            true,
            "home address 2 on the logical interface");
        NS_TEST_ASSERT_MSG_EQ(ping1.replies, count, "every datagram to home 1 echoed");
        NS_TEST_ASSERT_MSG_EQ(ping2.replies, count, "every datagram to home 2 echoed");
        NS_TEST_ASSERT_MSG_EQ(carriers.Down(0, home1), count, "home 1 downlink via MAG1 (A)");
        NS_TEST_ASSERT_MSG_EQ(carriers.Down(1, home2), count, "home 2 downlink via MAG2 (B)");
        NS_TEST_ASSERT_MSG_EQ(carriers.Down(1, home1), 0u, "no home 1 downlink on B");
        NS_TEST_ASSERT_MSG_EQ(carriers.Down(0, home2), 0u, "no home 2 downlink on A");
        NS_TEST_ASSERT_MSG_EQ(carriers.Up(0, home1), count, "home 1 replies leave by A");
        NS_TEST_ASSERT_MSG_EQ(carriers.Up(1, home2), count, "home 2 replies leave by B");
        NS_TEST_ASSERT_MSG_EQ(carriers.Up(1, home1), 0u, "no home 1 reply on B");
        NS_TEST_ASSERT_MSG_EQ(carriers.Up(0, home2), 0u, "no home 2 reply on A");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The pmipv6-logical-interface suite.
 */
class LogicalInterfaceTestSuite : public TestSuite
{
  public:
    LogicalInterfaceTestSuite()
        : TestSuite("pmipv6-logical-interface", UNIT)
    {
        AddTestCase(new LifFollowTestCase, TestCase::QUICK);
        AddTestCase(new LifPinningTestCase, TestCase::QUICK);
        AddTestCase(new LifDetachTestCase, TestCase::QUICK);
        AddTestCase(new LifFlowTableTestCase, TestCase::QUICK);
        AddTestCase(new LifPmipv6TestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
LogicalInterfaceTestSuite g_logicalInterfaceTestSuite;

} // namespace
