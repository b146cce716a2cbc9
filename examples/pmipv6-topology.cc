/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A Proxy Mobile IPv6 domain built from a graph (GraphViz DOT file or a generated star) by
 * Pmipv6TopologyHelper: routers, one or more LMAs, MAGs with CSMA, point-to-point or Wi-Fi
 * access, CNs.
 *
 *   --topology=<file.dot>             a DOT file (see the files in examples/topologies)
 *   --topology=star:N[:wifi|:p2p]     a generated star CN - LMA - N MAGs (CSMA access, or
 *                                     Wi-Fi, or a point-to-point link per mobile node)
 *
 * Mobile node k (from 0) attaches to MAG k mod M (M MAGs, in vertex order) and then moves to
 * the next MAG with the same access type every --dwell seconds. A UDP flow runs from a CN (CN k mod
 * #CNs) to each mobile node's home address. Printed from the run's traces: the time to build the
 * topology (wall clock), and per mobile node its LMA, initial registration latency, handover
 * registration latencies, the longest downlink interruption and the packets delivered.
 *
 * The default topology is examples/topologies/one-lma-two-mags.dot, looked up next to this
 * source file, then relative to the current directory (and from an ns-3 top directory, as
 * test.py runs examples); when it is nowhere, a generated 2-MAG star is used instead and the
 * example says so.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/flow-monitor-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <limits>
#include <map>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6Topology");

namespace
{

/// The default topology, relative to the repository root.
const std::string g_defaultTopology = "examples/topologies/one-lma-two-mags.dot";

/**
 * \brief Whether a file can be opened.
 * \param path the path
 * \return true when it can
 */
bool
Readable(const std::string& path)
{
    return std::ifstream(path).good();
}

/**
 * \brief Find a topology file: as given, then next to this source file's repository, then
 * under an ns-3 tree's contrib/ or src/.
 * \param path the path given
 * \return the path found, or "" when none
 */
std::string
FindTopology(const std::string& path)
{
    std::vector<std::string> candidates{path};
    if (!path.empty() && path[0] != '/')
    {
        std::string source(__FILE__);
        std::string examplesDir = source.substr(0, source.find_last_of('/'));
        candidates.push_back(examplesDir + "/../" + path);
        candidates.push_back(examplesDir + "/" + path);
        candidates.push_back("contrib/pmipv6/" + path);
        candidates.push_back("src/pmipv6/" + path);
    }
    for (const std::string& c : candidates)
    {
        if (Readable(c))
        {
            return std::filesystem::path(c).lexically_normal().string();
        }
    }
    return "";
}

/// What one mobile node went through, from traces.
struct MobileLog
{
    Time initial{Seconds(-1)};   ///< initial registration latency
    std::vector<Time> handovers; ///< handover registration latencies
    std::vector<Time> arrivals;  ///< downlink arrival times
};

/// Collects the MAGs' registrations and the sinks' arrivals per mobile node.
struct Logs
{
    std::map<std::string, MobileLog> mobiles; ///< mnId -> log

    /**
     * \brief MAG RegistrationCompleted sink.
     * \param mnId the mobile node
     * \param latency attach to PBA
     * \param hi Handoff Indicator sent
     */
    void Registered(const std::string& mnId, Time latency, uint8_t hi)
    {
        MobileLog& log = mobiles[mnId];
        if (log.initial.IsNegative())
        {
            log.initial = latency;
        }
        else
        {
            log.handovers.push_back(latency);
        }
    }

    /**
     * \brief UdpServer Rx sink.
     * \param mnId the mobile node (bound)
     * \param p the packet
     */
    void Rx(std::string mnId, Ptr<const Packet> p)
    {
        mobiles[mnId].arrivals.push_back(Simulator::Now());
    }
};

} // namespace

int
main(int argc, char* argv[])
{
    std::string topology;
    uint32_t mns = 2;
    double simTime = 20.0;
    double dwell = 5.0;
    double linkSwitchDelay = 0.05;
    double interval = 0.02;
    uint32_t packetSize = 512;
    bool pcap = false;
    std::string dot;

    CommandLine cmd(__FILE__);
    cmd.AddValue("topology",
                 "DOT file, or star:N[:wifi|:p2p] (default " + g_defaultTopology + ")",
                 topology);
    cmd.AddValue("mns", "Number of mobile nodes", mns);
    cmd.AddValue("simTime", "Simulated time (s)", simTime);
    cmd.AddValue("dwell", "Time a mobile node stays at a MAG before moving on (s)", dwell);
    cmd.AddValue("linkSwitchDelay",
                 "Time between leaving a MAG and reaching the next (s)",
                 linkSwitchDelay);
    cmd.AddValue("interval", "UDP packet interval CN -> MN (s)", interval);
    cmd.AddValue("packetSize", "UDP payload size (octets)", packetSize);
    cmd.AddValue("pcap", "Write pcap files into the current directory", pcap);
    cmd.AddValue("dot", "Write the built topology (with addresses) to this DOT file", dot);
    cmd.Parse(argc, argv);

    // The graph.
    Pmipv6Graph graph;
    std::string source;
    if (topology.rfind("star:", 0) == 0)
    {
        std::string spec = topology.substr(5);
        std::string access = "csma";
        size_t colon = spec.find(':');
        if (colon != std::string::npos)
        {
            access = spec.substr(colon + 1);
            spec = spec.substr(0, colon);
        }
        graph = Pmipv6TopologyHelper::MakeStar(std::stoul(spec), "5ms", access);
        source = "generated star, " + spec + " " + access + " MAGs";
    }
    else
    {
        std::string wanted = topology.empty() ? g_defaultTopology : topology;
        std::string found = FindTopology(wanted);
        if (found.empty() && !topology.empty())
        {
            std::cerr << "pmipv6-topology: cannot find topology file '" << topology << "'\n";
            return 1;
        }
        if (found.empty())
        {
            graph = Pmipv6TopologyHelper::MakeStar(2);
            source = "generated 2-MAG star (" + g_defaultTopology + " not found)";
        }
        else
        {
            graph = Pmipv6TopologyHelper::ReadDot(found);
            source = found;
        }
    }

    // The domain.
    auto buildStart = std::chrono::steady_clock::now();
    Pmipv6TopologyHelper topo;
    topo.Build(graph);
    auto buildEnd = std::chrono::steady_clock::now();
    double buildMs = std::chrono::duration<double, std::milli>(buildEnd - buildStart).count();

    std::vector<std::string> magNames = topo.GetMagNames();
    std::vector<std::string> cnNames = topo.GetNames("cn");
    NS_ABORT_MSG_IF(cnNames.empty(), "the topology has no CN (role=cn) to send from");
    Logs logs;
    for (const std::string& mag : magNames)
    {
        topo.GetMag(mag)->TraceConnectWithoutContext("RegistrationCompleted",
                                                     MakeCallback(&Logs::Registered, &logs));
    }

    // Mobile nodes, their moves and their downlink flows.
    uint16_t port = 9000;
    double trafficStart = 2.0;
    std::map<std::string, std::string> access; // MAG name -> "csma" or "wifi"
    for (uint32_t v = 0; v < boost::num_vertices(topo.GetGraph()); ++v)
    {
        access[topo.GetGraph()[v].name] = topo.GetGraph()[v].access;
    }
    for (uint32_t k = 0; k < mns; ++k)
    {
        std::string mnId = "mn" + std::to_string(k + 1);
        std::string first = magNames[k % magNames.size()];
        topo.AddMobileNode(mnId, first, Seconds(0.5 + 0.01 * k));
        logs.mobiles[mnId];
        // The MAGs it visits in turn: those with the access of its first MAG.
        std::vector<std::string> tour;
        for (uint32_t j = 0; j < magNames.size(); ++j)
        {
            const std::string& mag = magNames[(k + j) % magNames.size()];
            if (access[mag] == access[first])
            {
                tour.push_back(mag);
            }
        }
        uint32_t stop = 0;
        for (double t = dwell; tour.size() > 1 && t < simTime - 2; t += dwell)
        {
            stop = (stop + 1) % tour.size();
            topo.ScheduleMove(mnId, tour[stop], Seconds(t), Seconds(linkSwitchDelay));
        }
        UdpServerHelper sink(port);
        ApplicationContainer server = sink.Install(topo.GetNode(mnId));
        server.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&Logs::Rx, &logs, mnId));
        UdpClientHelper client(topo.GetHomeAddress(mnId), port);
        client.SetAttribute("Interval", TimeValue(Seconds(interval)));
        client.SetAttribute("PacketSize", UintegerValue(packetSize));
        client.SetAttribute("MaxPackets", UintegerValue(std::numeric_limits<uint32_t>::max()));
        Ptr<Node> cn = topo.GetNode(cnNames[k % cnNames.size()]);
        ApplicationContainer app = client.Install(cn);
        app.Start(Seconds(trafficStart));
        app.Stop(Seconds(simTime - 1));
    }

    FlowMonitorHelper flowHelper;
    Ptr<FlowMonitor> monitor;
    if (mns > 0)
    {
        monitor = flowHelper.Install(NodeContainer(topo.GetNodes("cn"), topo.GetNodes("mn")));
    }
    if (pcap)
    {
        topo.EnablePcap("pmipv6-topology");
    }
    if (!dot.empty())
    {
        std::ofstream out(dot);
        topo.WriteDot(out);
    }

    Simulator::Stop(Seconds(simTime));
    Simulator::Run();

    // Per-flow packet counts, by destination (the MN's home address).
    std::map<Ipv6Address, std::pair<uint64_t, uint64_t>> sentReceived;
    if (monitor)
    {
        monitor->CheckForLostPackets();
        Ptr<Ipv6FlowClassifier> classifier =
            DynamicCast<Ipv6FlowClassifier>(flowHelper.GetClassifier6());
        for (const auto& [id, stats] : monitor->GetFlowStats())
        {
            Ipv6FlowClassifier::FiveTuple t = classifier->FindFlow(id);
            if (t.destinationPort == port)
            {
                sentReceived[t.destinationAddress].first += stats.txPackets;
                sentReceived[t.destinationAddress].second += stats.rxPackets;
            }
        }
    }

    std::cout << "PMIPv6 topology: " << source << " (RngRun " << RngSeedManager::GetRun() << ")\n"
              << "  nodes " << topo.GetNodes("lma").GetN() << " LMA, "
              << topo.GetNodes("mag").GetN() << " MAG, " << topo.GetNodes("router").GetN()
              << " router, " << topo.GetNodes("cn").GetN() << " CN; " << mns << " mobile nodes\n"
              << "  build time " << std::fixed << std::setprecision(1) << buildMs
              << " ms (wall clock)\n";
    uint64_t totalSent = 0;
    uint64_t totalReceived = 0;
    uint32_t registered = 0;
    for (const std::string& mnId : topo.GetMobileNodeIds())
    {
        const MobileLog& log = logs.mobiles[mnId];
        auto [sent, received] = sentReceived[topo.GetHomeAddress(mnId)];
        totalSent += sent;
        totalReceived += received;
        registered += log.initial.IsPositive() ? 1 : 0;
        Time sum = Seconds(0);
        Time worst = Seconds(0);
        for (Time t : log.handovers)
        {
            sum += t;
            worst = std::max(worst, t);
        }
        Time gap = Seconds(0);
        for (size_t k = 1; k < log.arrivals.size(); ++k)
        {
            gap = std::max(gap, log.arrivals[k] - log.arrivals[k - 1]);
        }
        std::cout << "  " << mnId << " (LMA " << topo.GetMobileNodeLma(mnId) << ", "
                  << topo.GetHomeAddress(mnId) << ")\n"
                  << "    initial registration  ";
        if (log.initial.IsNegative())
        {
            std::cout << "none\n";
        }
        else
        {
            std::cout << std::fixed << std::setprecision(3) << log.initial.GetSeconds() * 1e3
                      << " ms\n";
        }
        std::cout << "    handovers             " << log.handovers.size();
        if (!log.handovers.empty())
        {
            std::cout << ", registration mean " << std::fixed << std::setprecision(3)
                      << sum.GetSeconds() * 1e3 / log.handovers.size() << " ms, max "
                      << worst.GetSeconds() * 1e3 << " ms";
        }
        std::cout << "\n"
                  << "    downlink              sent " << sent << ", received " << received << " ("
                  << std::fixed << std::setprecision(1) << (sent ? 100.0 * received / sent : 0.0)
                  << " %), longest gap " << std::setprecision(3) << gap.GetSeconds() * 1e3
                  << " ms\n";
    }
    std::cout << "  total: " << registered << "/" << mns << " mobile nodes registered, downlink "
              << totalReceived << "/" << totalSent << " packets delivered\n";
    if (!dot.empty())
    {
        std::cout << "  topology written to " << dot << "\n";
    }
    Simulator::Destroy();
    // The run failed when its own figures say so: exit non-zero for CTest and test.py.
    if (registered < mns || (totalSent > 0 && totalReceived == 0))
    {
        std::cout << "FAIL: " << (mns - registered) << " mobile node(s) never registered, "
                  << totalReceived << " of " << totalSent << " downlink packets delivered\n";
        return 1;
    }
    return 0;
}
