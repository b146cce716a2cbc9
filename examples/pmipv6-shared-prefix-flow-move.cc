/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A flow move on a shared prefix (pmipv6 flow mobility draft section 3.1, Figure 2; RFC 7864
 * Handoff Indicator 6), with no signalling.
 *
 *      CN ---- LMA ---- MAG1 ==csma A== if0 \
 *               \                           lif  MN (one IPv6 interface, one home address)
 *                +----- MAG2 ==csma B== if1 /
 *
 * The MN's two CSMA devices are hidden behind one LogicalInterfaceNetDevice. if0 attaches to
 * MAG1 (HI 1: a new session, the LMA assigns a prefix), then if1 to MAG2 with HI 6: the LMA's
 * LmaFlowMobilityExtension makes it a second binding cache entry that shares the prefix, with
 * its own binding identifier (BID 2). The CN sends two UDP flows to the MN's one home address
 * (ports 9000 and 9001) and the MN echoes them. Both flows first take the MN's default binding
 * (BID 1, MAG1). At --moveAt the LMA moves flow 9001 to BID 2 (LmaFlowMobilityExtension::
 * MoveFlow): its downlink arrives on if1 from then on, and its uplink (the echo) follows,
 * because the logical interface sends a flow's uplink by the device its downlink arrived on.
 * Flow 9000 stays on if0. Printed: registrations and BIDs, per-device downlink packets per
 * flow in time bins (the throughput over time), uplink per device, losses. The exit status is
 * non-zero when a packet is lost, the moved flow does not move, or the other flow moves.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"

#include <iomanip>
#include <iostream>
#include <map>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6SharedPrefixFlowMove");

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
/**
 * \brief Downlink and uplink UDP packets per physical device, per flow (MN port), per bin.
 */
struct Meter
{
    Time bin;                                                         ///< bin width
    std::map<std::tuple<uint32_t, uint16_t, int64_t>, uint32_t> down; ///< (dev, port, bin)
    std::map<std::pair<uint32_t, uint16_t>, uint32_t> up;             ///< (dev, port) -> packets

    /**
     * \brief The MN port of a UDP packet (IPv6 header at the start).
     * \param p the packet
     * \param destination the MN is the destination (downlink), else the source
     * \return the port, 0 when no UDP
     */
    static uint16_t MnPort(Ptr<const Packet> p, bool destination)
    {
        Ptr<Packet> copy = p->Copy();
        Ipv6Header ip;
        copy->RemoveHeader(ip);
        if (ip.GetNextHeader() != UdpL4Protocol::PROT_NUMBER)
        {
            return 0;
        }
        UdpHeader udp;
        copy->PeekHeader(udp);
        return destination ? udp.GetDestinationPort() : udp.GetSourcePort();
    }

    /**
     * \brief PhysicalRx sink.
     * \param p the packet
     * \param device the physical device
     */
    void Received(Ptr<const Packet> p, uint32_t device)
    {
        if (uint16_t port = MnPort(p, true))
        {
            down[{device, port, Simulator::Now().GetNanoSeconds() / bin.GetNanoSeconds()}]++;
        }
    }

    /**
     * \brief InterfaceChoice sink.
     * \param p the packet
     * \param device the physical device
     * \param reason why
     */
    void Sent(Ptr<const Packet> p, uint32_t device, uint8_t reason)
    {
        if (uint16_t port = MnPort(p, false))
        {
            up[{device, port}]++;
        }
    }

    /**
     * \brief Downlink packets of a flow on a device in [from, to).
     * \param device the device
     * \param port the flow
     * \param from start
     * \param to end
     * \return the count
     */
    uint32_t Down(uint32_t device, uint16_t port, Time from, Time to) const
    {
        uint32_t n = 0;
        for (const auto& kv : down)
        {
            Time t = bin * std::get<2>(kv.first);
            if (std::get<0>(kv.first) == device && std::get<1>(kv.first) == port && t >= from &&
                t < to)
            {
                n += kv.second;
            }
        }
        return n;
    }
};

} // namespace

int
main(int argc, char* argv[])
{
    double simTime = 8.0;
    double trafficStart = 2.0;
    double moveAt = 4.0;
    double interval = 0.02;
    double bin = 0.5;
    bool pcap = false;

    CommandLine cmd(__FILE__);
    cmd.AddValue("simTime", "Simulated time (s)", simTime);
    cmd.AddValue("trafficStart", "When the two flows start (s)", trafficStart);
    cmd.AddValue("moveAt", "When the LMA moves flow 9001 to the MAG2 binding (s)", moveAt);
    cmd.AddValue("interval", "Interval between datagrams of a flow (s)", interval);
    cmd.AddValue("bin", "Width of the throughput bins (s)", bin);
    cmd.AddValue("pcap", "Write pcap files into the current directory", pcap);
    cmd.Parse(argc, argv);
    NS_ABORT_MSG_IF(!(trafficStart < moveAt && moveAt < simTime - 1),
                    "need trafficStart < moveAt < simTime - 1");

    Pmipv6DualAccessDomain d("mn-shared@pmipv6.example");
    Ptr<Pmipv6LmaApplication> lmaApp = d.lmaApp;
    Ptr<LmaFlowMobilityExtension> flowMobility = CreateObject<LmaFlowMobilityExtension>();
    lmaApp->AddExtension(flowMobility);
    const std::string& mnId = d.mnId;
    Ptr<LogicalInterfaceNetDevice> lif = d.lif;
    Ptr<Pmipv6MagApplication> mag1 = d.magApp[0];
    Ipv6Address* proxyCoa = d.proxyCoa;
    Simulator::Schedule(Seconds(0.5),
                        &Pmipv6DualAccessDomain::Attach,
                        &d,
                        0,
                        mip6::HI_NEW_INTERFACE);
    Simulator::Schedule(Seconds(1.0),
                        &Pmipv6DualAccessDomain::Attach,
                        &d,
                        1,
                        mip6::HI_NEW_INTERFACE_SHARED_PREFIX);

    Meter meter;
    meter.bin = Seconds(bin);
    lif->TraceConnectWithoutContext("PhysicalRx", MakeCallback(&Meter::Received, &meter));
    lif->TraceConnectWithoutContext("InterfaceChoice", MakeCallback(&Meter::Sent, &meter));

    const uint16_t ports[2] = {9000, 9001};
    Ipv6Address home;
    uint16_t bids[2] = {0, 0};
    uint32_t sessions = 0;
    bool started = false;
    BoundEcho echo[2];
    Sender flow[2];
    uint32_t count = static_cast<uint32_t>((simTime - 1 - trafficStart) / interval);
    Simulator::Schedule(Seconds(trafficStart), [&]() {
        sessions = lmaApp->GetBindingCache()->GetEntryCount();
        for (int k = 0; k < 2; ++k)
        {
            bids[k] = flowMobility->GetBindingId(mnId, proxyCoa[k]);
        }
        auto entries = mag1->GetBindingUpdateList()->GetEntries();
        if (entries.size() != 1 || entries[0]->homeNetworkPrefixes.empty() || bids[0] == 0 ||
            bids[1] == 0)
        {
            std::cout << "the MN is not registered through both MAGs: no traffic\n";
            return;
        }
        home = Pmipv6Helper::GetHomeAddress(lif, entries[0]->homeNetworkPrefixes[0]);
        started = true;
        for (int k = 0; k < 2; ++k)
        {
            echo[k].Open(d.mn.Get(0), home, ports[k]);
            flow[k].Start(d.cn.Get(0),
                          Ipv6Address::GetAny(),
                          Inet6SocketAddress(home, ports[k]),
                          count,
                          Seconds(interval));
        }
    });
    uint16_t fid = 0;
    Simulator::Schedule(Seconds(moveAt), [&]() {
        TrafficSelector selector;
        selector.SetNextHeader(UdpL4Protocol::PROT_NUMBER);
        selector.SetDestinationPort(ports[1]);
        fid = flowMobility->MoveFlow(mnId, selector, bids[1]);
    });

    if (pcap)
    {
        d.EnablePcap("pmipv6-shared-prefix-flow-move");
    }
    Simulator::Stop(Seconds(simTime));
    Simulator::Run();

    bool ok = started && fid != 0;
    std::cout << "Shared-prefix flow move (RngRun " << RngSeedManager::GetRun() << ")\n"
              << "  binding cache entries " << sessions << ", BIDs: MAG1 " << bids[0] << ", MAG2 "
              << bids[1] << ", home address " << home << "\n"
              << "  flow 9001 moved to BID " << bids[1] << " at " << moveAt << " s (FID " << fid
              << ")\n";
    if (started)
    {
        std::cout << "  downlink packets per " << bin << " s (if0 = MAG1, if1 = MAG2)\n"
                  << "     time   9000@if0 9000@if1 9001@if0 9001@if1\n";
        for (double t = trafficStart; t < simTime; t += bin)
        {
            std::cout << std::fixed << std::setprecision(2) << "  " << std::setw(7) << t;
            for (uint16_t port : ports)
            {
                for (uint32_t dev = 0; dev < 2; ++dev)
                {
                    std::cout << std::setw(9)
                              << meter.Down(dev, port, Seconds(t), Seconds(t + bin));
                }
            }
            std::cout << "\n";
        }
        Time start = Seconds(trafficStart);
        Time move = Seconds(moveAt);
        Time end = Seconds(simTime);
        for (int k = 0; k < 2; ++k)
        {
            std::cout << "  flow " << ports[k] << ": " << flow[k].sent << " sent, "
                      << flow[k].received << " echoed back; uplink on if0 "
                      << meter.up[{0, ports[k]}] << ", on if1 " << meter.up[{1, ports[k]}] << "\n";
            ok = ok && flow[k].sent > 0 && flow[k].received == flow[k].sent;
        }
        // before the move both flows use the default binding (MAG1, if0)
        ok = ok && meter.Down(1, 9000, start, end) == 0 && meter.Down(1, 9001, start, move) == 0;
        // after it flow 9001 uses MAG2 (if1) only, downlink and uplink
        Time settle = move + Seconds(0.1);
        ok = ok && meter.Down(0, 9001, settle, end) == 0 && meter.Down(1, 9001, move, end) > 0;
        ok = ok && meter.up[{1, 9000}] == 0 && meter.up[{1, 9001}] > 0;
    }
    std::cout << (ok ? "PASS" : "FAIL")
              << ": flow 9001 moved to MAG2 with its uplink, flow 9000 untouched, nothing lost\n";
    Simulator::Destroy();
    return ok ? 0 : 1;
}
