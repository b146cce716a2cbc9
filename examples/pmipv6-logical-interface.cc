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

    Pmipv6DualAccessDomain d("mn-lif@pmipv6.example");
    NodeContainer& cn = d.cn;
    NodeContainer& mn = d.mn;
    Ptr<LogicalInterfaceNetDevice> lif = d.lif;
    Ptr<NetDevice> if0 = d.phys[0];
    Ptr<NetDevice> if1 = d.phys[1];
    Ptr<Pmipv6MagApplication> mag1 = d.magApp[0];
    Ptr<Pmipv6MagApplication> mag2 = d.magApp[1];
    Ipv6Address cnAddress = d.cnAddress;
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
        d.EnablePcap("pmipv6-logical-interface");
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
