/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A multi-interface mobile node with a logical interface (pmipv6 flow mobility draft 6).
 *
 *      CN ---- LMA ---- MAG1 ==csma A== if0 \
 *               \                           lif  MN (one IPv6 interface)
 *                +----- MAG2 ==csma B== if1 /
 *
 * The MN's two CSMA devices are hidden behind one LogicalInterfaceNetDevice. Each device is
 * its own attachment (HI 1, new interface) at its MAG, with its own MAC address, so the LMA
 * gives each its own home network prefix; both home addresses live on the logical interface.
 * The CN sends a UDP flow to each home address, the MN echoes it: the downlink of each flow
 * arrives through its MAG and the uplink (the echo) leaves by the device the flow arrived on.
 * The MN also sends one uplink-only flow from each home address; policies (source prefix and
 * destination port) pin them to the device whose MAG owns that prefix. Printed: registrations,
 * per-device packet counts per flow, delivery; the exit status is non-zero when a flow is not
 * delivered or leaves by the wrong device.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"

#include <iostream>
#include <map>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6LogicalInterface");

namespace
{

/// Echoes UDP datagrams from a socket bound to one address.
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

/// Sends datagrams periodically from a socket and counts what comes back.
struct Sender
{
    Ptr<Socket> socket;                                  ///< the socket
    Inet6SocketAddress remote{Ipv6Address::GetAny(), 0}; ///< destination
    Time interval;                                       ///< between datagrams
    uint32_t remaining{0};                               ///< still to send
    uint32_t sent{0};                                    ///< sent
    uint32_t received{0};                                ///< received back

    /**
     * \brief Start.
     * \param node the node
     * \param local the local address (:: = any)
     * \param to the destination
     * \param count datagrams
     * \param gap interval
     */
    void Start(Ptr<Node> node, Ipv6Address local, Inet6SocketAddress to, uint32_t count, Time gap)
    {
        socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
        socket->Bind(Inet6SocketAddress(local, 0));
        socket->SetRecvCallback(MakeCallback(&Sender::Receive, this));
        remote = to;
        remaining = count;
        interval = gap;
        Next();
    }

    /// \brief Send one, schedule the next.
    void Next()
    {
        if (remaining == 0)
        {
            return;
        }
        remaining--;
        sent++;
        socket->SendTo(Create<Packet>(512), 0, remote);
        Simulator::Schedule(interval, &Sender::Next, this);
    }

    /**
     * \brief Receive callback.
     * \param s the socket
     */
    void Receive(Ptr<Socket> s)
    {
        while (s->Recv())
        {
            received++;
        }
    }
};

/// Counts packets at a UDP sink socket.
struct Sink
{
    Ptr<Socket> socket;   ///< the socket
    uint32_t received{0}; ///< datagrams

    /**
     * \brief Open it.
     * \param node the node
     * \param port the port
     */
    void Open(Ptr<Node> node, uint16_t port)
    {
        socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
        socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), port));
        socket->SetRecvCallback(MakeCallback(&Sink::Receive, this));
    }

    /**
     * \brief Receive callback.
     * \param s the socket
     */
    void Receive(Ptr<Socket> s)
    {
        while (s->Recv())
        {
            received++;
        }
    }
};

/// Per physical device, UDP packets by home address, both directions.
struct Carriers
{
    std::map<std::pair<uint32_t, Ipv6Address>, uint32_t> up;   ///< (device, source) -> packets
    std::map<std::pair<uint32_t, Ipv6Address>, uint32_t> down; ///< (device, dest) -> packets
    std::map<uint8_t, uint32_t> reasons;                       ///< choice reason -> packets

    /**
     * \brief InterfaceChoice sink.
     * \param p the packet
     * \param port the device
     * \param reason the reason
     */
    void Sent(Ptr<const Packet> p, uint32_t port, uint8_t reason)
    {
        Ipv6Header ip;
        p->PeekHeader(ip);
        if (ip.GetNextHeader() == UdpL4Protocol::PROT_NUMBER)
        {
            up[{port, ip.GetSource()}]++;
            reasons[reason]++;
        }
    }

    /**
     * \brief PhysicalRx sink.
     * \param p the packet
     * \param port the device
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

} // namespace

int
main(int argc, char* argv[])
{
    double simTime = 10.0;
    double trafficStart = 3.0;
    uint32_t packets = 50;
    double interval = 0.05;
    bool pinBySource = true;
    bool pcap = false;

    CommandLine cmd(__FILE__);
    cmd.AddValue("simTime", "Simulated time (s)", simTime);
    cmd.AddValue("trafficStart", "When the flows start (s)", trafficStart);
    cmd.AddValue("packets", "Datagrams per flow", packets);
    cmd.AddValue("interval", "Interval between datagrams (s)", interval);
    cmd.AddValue("pinBySource",
                 "Pin the MN's uplink-only flows by source prefix to the device of its MAG",
                 pinBySource);
    cmd.AddValue("pcap", "Write pcap files into the current directory", pcap);
    cmd.Parse(argc, argv);

    NodeContainer cn;
    cn.Create(1);
    NodeContainer lma;
    lma.Create(1);
    NodeContainer mags;
    mags.Create(2);
    NodeContainer mn;
    mn.Create(1);
    Pmipv6Helper::InstallStack(NodeContainer(cn, lma, mags, mn));

    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("2ms"));
    NetDeviceContainer cnLma = p2p.Install(cn.Get(0), lma.Get(0));
    NetDeviceContainer lmaMag1 = p2p.Install(lma.Get(0), mags.Get(0));
    NetDeviceContainer lmaMag2 = p2p.Install(lma.Get(0), mags.Get(1));
    Ipv6AddressHelper address;
    address.SetBase(Ipv6Address("fd00:0:0:c::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer cnIf = address.Assign(cnLma);
    address.SetBase(Ipv6Address("fd00:0:0:1::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer m1If = address.Assign(lmaMag1);
    address.SetBase(Ipv6Address("fd00:0:0:2::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer m2If = address.Assign(lmaMag2);
    cnIf.SetForwarding(1, true);
    m1If.SetForwarding(0, true);
    m2If.SetForwarding(0, true);
    m1If.SetForwarding(1, true);
    m2If.SetForwarding(1, true);
    Ipv6Address lmaAddress = cnIf.GetAddress(1, 1);
    Ipv6Address cnAddress = cnIf.GetAddress(0, 1);
    Ipv6StaticRoutingHelper routing;
    routing.GetStaticRouting(cn.Get(0)->GetObject<Ipv6>())
        ->SetDefaultRoute(lmaAddress, cnIf.GetInterfaceIndex(0));
    routing.GetStaticRouting(mags.Get(0)->GetObject<Ipv6>())
        ->SetDefaultRoute(m1If.GetAddress(0, 1), m1If.GetInterfaceIndex(1));
    routing.GetStaticRouting(mags.Get(1)->GetObject<Ipv6>())
        ->SetDefaultRoute(m2If.GetAddress(0, 1), m2If.GetInterfaceIndex(1));

    // The MN: two CSMA devices, one on each MAG's access link, behind one logical interface.
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    NetDeviceContainer accessA = csma.Install(NodeContainer(mags.Get(0), mn.Get(0)));
    NetDeviceContainer accessB = csma.Install(NodeContainer(mags.Get(1), mn.Get(0)));
    Ptr<NetDevice> if0 = accessA.Get(1);
    Ptr<NetDevice> if1 = accessB.Get(1);
    LogicalInterfaceHelper lifHelper;
    Ptr<LogicalInterfaceNetDevice> lif = lifHelper.Install(NetDeviceContainer(if0, if1));

    Pmipv6Helper pmip;
    pmip.SetPrefixPool(Ipv6Address("2001:1:1::"), 48);
    pmip.InstallLma(lma.Get(0), lmaAddress);
    Ptr<Pmipv6MagApplication> mag1 =
        pmip.InstallMag(mags.Get(0), m1If.GetAddress(1, 1), lmaAddress, accessA.Get(0));
    Ptr<Pmipv6MagApplication> mag2 =
        pmip.InstallMag(mags.Get(1), m2If.GetAddress(1, 1), lmaAddress, accessB.Get(0));
    const std::string mnId = "mn-lif@pmipv6.example";
    pmip.AddMobileNode(mnId, NetDeviceContainer(lif), lmaAddress);

    Simulator::Schedule(Seconds(0.5), [&]() {
        mag1->NotifyAttach(accessA.Get(0), mnId, if0->GetAddress(), mip6::HI_NEW_INTERFACE);
    });
    Simulator::Schedule(Seconds(0.6), [&]() {
        mag2->NotifyAttach(accessB.Get(0), mnId, if1->GetAddress(), mip6::HI_NEW_INTERFACE);
    });

    Carriers carriers;
    lif->TraceConnectWithoutContext("InterfaceChoice", MakeCallback(&Carriers::Sent, &carriers));
    lif->TraceConnectWithoutContext("PhysicalRx", MakeCallback(&Carriers::Received, &carriers));

    Ipv6Address home[2];
    HomeNetworkPrefix hnp[2];
    bool registered = false;
    BoundEcho echo[2];
    Sender down[2];
    Sender up[2];
    Sink sink[2];
    Simulator::Schedule(Seconds(trafficStart), [&]() {
        Ptr<Pmipv6MagApplication> magApps[2] = {mag1, mag2};
        for (int k = 0; k < 2; ++k)
        {
            auto entries = magApps[k]->GetBindingUpdateList()->GetEntries();
            if (entries.size() != 1 || entries[0]->homeNetworkPrefixes.empty())
            {
                std::cout << "MAG" << k + 1 << " has not registered the MN: no traffic\n";
                return;
            }
            hnp[k] = entries[0]->homeNetworkPrefixes[0];
            home[k] = Pmipv6Helper::GetHomeAddress(lif, hnp[k]);
        }
        registered = true;
        for (uint32_t k = 0; k < 2; ++k)
        {
            if (pinBySource)
            {
                TrafficSelector fromPrefix;
                fromPrefix.SetSourceAddressPrefix(hnp[k].prefix, Ipv6Prefix(hnp[k].length));
                fromPrefix.SetDestinationPort(7000 + k);
                lif->AddFlowPolicy(fromPrefix, 100, k);
            }
            echo[k].Open(mn.Get(0), home[k], 9000 + k);
            sink[k].Open(cn.Get(0), 7000 + k);
            down[k].Start(cn.Get(0),
                          Ipv6Address::GetAny(),
                          Inet6SocketAddress(home[k], 9000 + k),
                          packets,
                          Seconds(interval));
            up[k].Start(mn.Get(0),
                        home[k],
                        Inet6SocketAddress(cnAddress, 7000 + k),
                        packets,
                        Seconds(interval));
        }
    });

    if (pcap)
    {
        csma.EnablePcapAll("pmipv6-logical-interface");
        p2p.EnablePcapAll("pmipv6-logical-interface");
    }

    Simulator::Stop(Seconds(simTime));
    Simulator::Run();

    bool ok = registered;
    std::cout << "Logical interface " << lif->GetAddress() << " (link-local "
              << lif->GetLinkLocalAddress() << ") over if0 " << if0->GetAddress()
              << " (MAG1) and if1 " << if1->GetAddress() << " (MAG2)\n";
    if (registered)
    {
        Ptr<Ipv6> ipv6 = mn.Get(0)->GetObject<Ipv6>();
        std::cout << "IPv6 interfaces on the MN: " << ipv6->GetNInterfaces()
                  << " (loopback + logical)\n";
        for (uint32_t k = 0; k < 2; ++k)
        {
            bool onLif = ipv6->GetInterfaceForAddress(home[k]) == ipv6->GetInterfaceForDevice(lif);
            uint32_t other = 1 - k;
            std::cout << "home address " << k + 1 << " " << home[k] << " (via MAG" << k + 1 << ", "
                      << (onLif ? "on the logical interface" : "NOT CONFIGURED") << ")\n"
                      << "  echo flow: " << down[k].sent << " sent by the CN, " << down[k].received
                      << " echoed back; downlink on if" << k << ": " << carriers.down[{k, home[k]}]
                      << ", on if" << other << ": " << carriers.down[{other, home[k]}] << "\n"
                      << "  uplink from this address on if" << k << ": "
                      << carriers.up[{k, home[k]}] << ", on if" << other << ": "
                      << carriers.up[{other, home[k]}] << "\n"
                      << "  uplink-only flow: " << up[k].sent << " sent by the MN, "
                      << sink[k].received << " received by the CN\n";
            ok = ok && onLif && down[k].received == down[k].sent && down[k].sent > 0 &&
                 carriers.down[{other, home[k]}] == 0 && carriers.up[{other, home[k]}] == 0 &&
                 carriers.up[{k, home[k]}] > 0;
            if (pinBySource)
            {
                ok = ok && sink[k].received == up[k].sent;
            }
        }
        std::cout << "uplink choices: learnt " << carriers.reasons[0] << ", pinned "
                  << carriers.reasons[1] << ", default " << carriers.reasons[2] << ", fallback "
                  << carriers.reasons[3] << "\n";
    }
    std::cout << (ok ? "PASS" : "FAIL")
              << ": every flow delivered, uplink by its downlink's device\n";
    Simulator::Destroy();
    return ok ? 0 : 1;
}
