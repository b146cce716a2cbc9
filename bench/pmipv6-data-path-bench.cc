/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Data-path benchmark: the cost per delivered packet of CN -> MN UDP traffic through Proxy
 * Mobile IPv6 (LMA -> MAG tunnel) against the same traffic over plain IPv6 static routing.
 *
 *      CN ---p2p--- LMA ---p2p--- MAG ==csma== MN
 *
 * Both variants use the same nodes, links, stack (Pmipv6Helper::InstallStack), applications
 * and packet count:
 *  - pmipv6: Pmipv6Helper installs the LMA and the MAG, the MN attaches at 0.1 s and gets its
 *    home address from the MAG's Router Advertisement; CN -> MN packets are encapsulated at the
 *    LMA and decapsulated at the MAG;
 *  - plain: the MN has a static address in the same prefix, the LMA a static route to that
 *    prefix via the MAG, the MAG the prefix on-link; no PMIPv6 object anywhere.
 * Traffic starts at 3 s (after registration, address configuration, DAD, and 3 warm-up packets
 * at 2 s that resolve the neighbor caches on the path); only the traffic
 * phase (Simulator::Run from 3 s until the last packet is delivered) is timed. The cost of a
 * run is wall time / packets delivered at the MN; each variant runs --reps times in
 * alternation and the median is reported, with the ratio pmipv6 / plain.
 *
 * --count-only runs each selected variant once and prints only the packet counts: meant for
 *   valgrind --tool=callgrind --collect-atstart=no ./pmipv6-data-path-bench --count-only
 *   --mode=pmipv6 (when valgrind/callgrind.h is available at build time, collection is switched
 *   on for the traffic phase only, so the instruction count is that of the traffic phase).
 *
 * The program exits non-zero when a run does not deliver every packet.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <vector>

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define PMIPV6_BENCH_CALLGRIND 1
#endif
#endif
#ifndef PMIPV6_BENCH_CALLGRIND
#define CALLGRIND_TOGGLE_COLLECT
#endif

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6DataPathBench");

namespace
{

/// Benchmark parameters.
struct BenchConfig
{
    uint32_t packets{200000};        ///< packets the CN sends
    uint32_t packetSize{512};        ///< UDP payload octets
    Time interval{MicroSeconds(20)}; ///< gap between packets
    bool pcap{false};                ///< write pcap files
};

/// The outcome of one run.
struct RunResult
{
    uint64_t delivered{0};    ///< packets received by the MN in the traffic phase
    double seconds{0};        ///< wall time of the traffic phase
    double cpuSeconds{0};     ///< CPU time of the process in the traffic phase
    uint64_t encapsulated{0}; ///< packets the LMA tunnelled (pmipv6 only)

    /**
     * \brief Wall time per delivered packet.
     * \return nanoseconds
     */
    double NanosPerPacket() const
    {
        return delivered > 0 ? seconds * 1e9 / delivered : 0;
    }

    /**
     * \brief CPU time per delivered packet.
     * \return nanoseconds
     */
    double CpuNanosPerPacket() const
    {
        return delivered > 0 ? cpuSeconds * 1e9 / delivered : 0;
    }
};

/**
 * \brief CPU time used by this process so far (less disturbed than wall time by other
 * processes on a shared machine).
 * \return seconds
 */
double
ProcessCpuSeconds()
{
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/// When the traffic starts.
const Time TRAFFIC_START = Seconds(3);
/// The MN's home network prefix (the plain variant uses it as the access link's prefix).
const char* const HNP = "2001:1:1:1::";
/// The mobile node's identifier.
const char* const MN_ID = "mn1@pmipv6.example";

/**
 * \brief Build one variant, run the set-up phase untimed, then the traffic phase timed.
 * \param config the parameters
 * \param pmipv6 true: through PMIPv6; false: plain static routing
 * \param collect toggle callgrind collection around the traffic phase
 * \return the result
 */
RunResult
RunOnce(const BenchConfig& config, bool pmipv6, bool collect)
{
    NodeContainer nodes;
    nodes.Create(4);
    Ptr<Node> cn = nodes.Get(0);
    Ptr<Node> lma = nodes.Get(1);
    Ptr<Node> mag = nodes.Get(2);
    Ptr<Node> mn = nodes.Get(3);
    Pmipv6Helper::InstallStack(nodes);

    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    p2p.SetChannelAttribute("Delay", StringValue("1ms"));
    NetDeviceContainer cnLma = p2p.Install(cn, lma);
    NetDeviceContainer lmaMag = p2p.Install(lma, mag);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
    csma.SetChannelAttribute("Delay", StringValue("10us"));
    NetDeviceContainer access = csma.Install(NodeContainer(mag, mn));

    Ipv6AddressHelper address;
    address.SetBase(Ipv6Address("fd00:0:0:c::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer cnIf = address.Assign(cnLma);
    address.SetBase(Ipv6Address("fd00:0:0:1::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer magIf = address.Assign(lmaMag);
    cnIf.SetForwarding(1, true);
    magIf.SetForwarding(0, true);
    magIf.SetForwarding(1, true);
    Ipv6Address lmaAddress = cnIf.GetAddress(1, 1);
    Ipv6StaticRoutingHelper routing;
    routing.GetStaticRouting(cn->GetObject<Ipv6>())
        ->SetDefaultRoute(lmaAddress, cnIf.GetInterfaceIndex(0));
    routing.GetStaticRouting(mag->GetObject<Ipv6>())
        ->SetDefaultRoute(magIf.GetAddress(0, 1), magIf.GetInterfaceIndex(1));

    Ipv6Address mnAddress;
    Ptr<Pmipv6LmaApplication> lmaApp;
    HomeNetworkPrefix hnp{Ipv6Address(HNP), 64};
    if (pmipv6)
    {
        Pmipv6Helper pmip;
        lmaApp = pmip.InstallLma(lma, lmaAddress);
        Ptr<Pmipv6MagApplication> magApp = pmip.InstallMag(mag,
                                                           magIf.GetAddress(1, 1),
                                                           lmaAddress,
                                                           NetDeviceContainer(access.Get(0)));
        pmip.AddMobileNode(MN_ID, NetDeviceContainer(access.Get(1)), lmaAddress, {hnp});
        mnAddress = Pmipv6Helper::GetHomeAddress(access.Get(1), hnp);
        Ptr<NetDevice> magAccess = access.Get(0);
        Address mnMac = access.Get(1)->GetAddress();
        // the MN attaches (its MN-ID is found in the profile by its link-layer address)
        void (Pmipv6MagApplication::*attach)(Ptr<NetDevice>, const Address&) =
            &Pmipv6MagApplication::NotifyAttach;
        Simulator::Schedule(Seconds(0.1), attach, magApp, magAccess, mnMac);
    }
    else
    {
        // the same prefix on the access link, statically
        address.SetBase(Ipv6Address(HNP), Ipv6Prefix(64));
        Ipv6InterfaceContainer accessIf = address.Assign(access);
        accessIf.SetForwarding(0, true);
        mnAddress = accessIf.GetAddress(1, 1);
        routing.GetStaticRouting(lma->GetObject<Ipv6>())
            ->AddNetworkRouteTo(Ipv6Address(HNP),
                                Ipv6Prefix(64),
                                magIf.GetAddress(1, 1),
                                magIf.GetInterfaceIndex(0));
        routing.GetStaticRouting(mn->GetObject<Ipv6>())
            ->SetDefaultRoute(accessIf.GetAddress(0, 1), accessIf.GetInterfaceIndex(1));
    }

    uint16_t port = 9000;
    UdpServerHelper sink(port);
    ApplicationContainer server = sink.Install(mn);
    UdpClientHelper client(mnAddress, port);
    client.SetAttribute("Interval", TimeValue(config.interval));
    client.SetAttribute("PacketSize", UintegerValue(config.packetSize));
    client.SetAttribute("MaxPackets", UintegerValue(config.packets));
    ApplicationContainer sender = client.Install(cn);
    // warm-up (untimed, both variants): a few packets 1 s before the traffic, so that the
    // neighbor caches on the path are resolved when the timed traffic starts (otherwise the
    // plain variant loses the packets that arrive while the MAG resolves the MN's address)
    UdpClientHelper warmUp(mnAddress, port);
    warmUp.SetAttribute("Interval", TimeValue(MilliSeconds(10)));
    warmUp.SetAttribute("PacketSize", UintegerValue(config.packetSize));
    warmUp.SetAttribute("MaxPackets", UintegerValue(3));
    ApplicationContainer warmUpSender = warmUp.Install(cn);
    warmUpSender.Start(TRAFFIC_START - Seconds(1));
    warmUpSender.Stop(TRAFFIC_START);
    server.Start(Seconds(0));
    sender.Start(TRAFFIC_START);
    Time end = TRAFFIC_START + config.interval * config.packets + Seconds(1);
    sender.Stop(end);
    server.Stop(end);
    if (config.pcap)
    {
        std::string name =
            pmipv6 ? "pmipv6-data-path-bench-pmipv6" : "pmipv6-data-path-bench-plain";
        p2p.EnablePcapAll(name);
        csma.EnablePcapAll(name);
    }

    // set-up: registration, RA, DAD (not timed)
    Simulator::Stop(TRAFFIC_START);
    Simulator::Run();
    Ptr<UdpServer> udp = DynamicCast<UdpServer>(server.Get(0));
    uint64_t before = udp->GetReceived();

    Simulator::Stop(end - TRAFFIC_START);
    if (collect)
    {
        CALLGRIND_TOGGLE_COLLECT;
    }
    double c0 = ProcessCpuSeconds();
    auto t0 = std::chrono::steady_clock::now();
    Simulator::Run();
    auto t1 = std::chrono::steady_clock::now();
    double c1 = ProcessCpuSeconds();
    if (collect)
    {
        CALLGRIND_TOGGLE_COLLECT;
    }

    RunResult r;
    r.delivered = udp->GetReceived() - before;
    r.seconds = std::chrono::duration<double>(t1 - t0).count();
    r.cpuSeconds = c1 - c0;
    if (pmipv6)
    {
        Ptr<Ipv6TunnelL4Protocol> tunnels = lma->GetObject<Ipv6TunnelL4Protocol>();
        r.encapsulated = tunnels ? tunnels->GetEncapsulatedCount() : 0;
    }
    Simulator::Destroy();
    return r;
}

/**
 * \brief Median of some values.
 * \param v the values (not empty)
 * \return the median
 */
double
Median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

int
main(int argc, char* argv[])
{
    BenchConfig config;
    uint32_t reps = 5;
    std::string mode = "both";
    bool countOnly = false;
    double intervalUs = 20;

    CommandLine cmd(__FILE__);
    cmd.AddValue("packets", "UDP packets the CN sends to the MN per run", config.packets);
    cmd.AddValue("packetSize", "UDP payload size (octets)", config.packetSize);
    cmd.AddValue("interval", "Gap between two packets (microseconds)", intervalUs);
    cmd.AddValue("reps", "Timed runs of each variant (the median is reported)", reps);
    cmd.AddValue("mode", "Variants to run: both, pmipv6 or plain", mode);
    cmd.AddValue("count-only",
                 "Run each selected variant once, print packet counts only (for callgrind)",
                 countOnly);
    cmd.AddValue("pcap",
                 "Write pcap files into the current directory (slows the runs)",
                 config.pcap);
    cmd.Parse(argc, argv);
    config.interval = MicroSeconds(intervalUs);
    NS_ABORT_MSG_IF(mode != "both" && mode != "pmipv6" && mode != "plain",
                    "--mode must be both, pmipv6 or plain");
    NS_ABORT_MSG_IF(reps == 0 || config.packets == 0, "--reps and --packets must be positive");

    std::vector<bool> variants;
    if (mode != "plain")
    {
        variants.push_back(true);
    }
    if (mode != "pmipv6")
    {
        variants.push_back(false);
    }

    bool complete = true;
    if (countOnly)
    {
        for (bool pmipv6 : variants)
        {
            RunResult r = RunOnce(config, pmipv6, true);
            std::cout << (pmipv6 ? "pmipv6" : "plain") << ": sent " << config.packets
                      << ", delivered " << r.delivered;
            if (pmipv6)
            {
                std::cout << ", tunnelled " << r.encapsulated;
            }
            std::cout << std::endl;
            complete = complete && r.delivered == config.packets;
        }
        return complete ? 0 : 1;
    }

    std::vector<double> cost[2];   // [0] plain, [1] pmipv6: wall ns per packet
    std::vector<double> cpu[2];    // the same in CPU time
    std::vector<double> pairRatio; // pmipv6 / plain wall time of each repetition
    for (uint32_t k = 0; k < reps; ++k)
    {
        for (bool pmipv6 : variants)
        {
            RunResult r = RunOnce(config, pmipv6, false);
            cost[pmipv6 ? 1 : 0].push_back(r.NanosPerPacket());
            cpu[pmipv6 ? 1 : 0].push_back(r.CpuNanosPerPacket());
            complete = complete && r.delivered == config.packets;
            std::cout << "run " << k + 1 << " " << std::setw(6) << (pmipv6 ? "pmipv6" : "plain")
                      << ": delivered " << r.delivered << "/" << config.packets << " in "
                      << std::fixed << std::setprecision(3) << r.seconds << " s, "
                      << std::setprecision(0) << r.NanosPerPacket() << " ns/packet (CPU "
                      << r.CpuNanosPerPacket() << ")" << std::endl;
        }
        if (variants.size() == 2)
        {
            pairRatio.push_back(cost[1].back() / cost[0].back());
        }
    }
    std::cout << std::fixed << std::setprecision(0);
    std::cout << "packets " << config.packets << ", " << config.packetSize << " octets, " << reps
              << " runs each (median)" << std::endl;
    if (!cost[1].empty())
    {
        std::cout << "  pmipv6 " << Median(cost[1]) << " ns/packet wall, " << Median(cpu[1])
                  << " CPU" << std::endl;
    }
    if (!cost[0].empty())
    {
        std::cout << "  plain  " << Median(cost[0]) << " ns/packet wall, " << Median(cpu[0])
                  << " CPU" << std::endl;
    }
    if (!cost[0].empty() && !cost[1].empty())
    {
        std::cout << "  ratio pmipv6/plain " << std::setprecision(3)
                  << Median(cost[1]) / Median(cost[0]) << " wall (median of the repetitions' "
                  << "ratios " << Median(pairRatio) << "), " << Median(cpu[1]) / Median(cpu[0])
                  << " CPU" << std::endl;
    }
    if (!complete)
    {
        std::cout << "ERROR: a run did not deliver every packet" << std::endl;
    }
    return complete ? 0 : 1;
}
