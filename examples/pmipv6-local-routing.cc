/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Local routing optimization (draft-wu-netext-local-ro-02) between two mobile nodes of one
 * PMIPv6 domain, with a handover of one of them during the optimised session.
 *
 *        lma
 *         | 10 ms
 *         r            (Pmipv6LocalRoutingDomain)
 *       / | \  2 ms
 *   mag1 mag2 mag3
 *
 * Cases (--case):
 *  - intra-lma: mn1 at mag1, mn2 at mag2; mag1 detects the pair (RateThresholdLocalRoutingPolicy:
 *    50 packets within 2 s), LROREQ / LRORSP (LRI 2) with the LMA, PBU/PBA between the MAGs
 *    (Figure 2); at --handoverAt mn1 moves to mag3, which detects the pair again (4.1.1).
 *  - intra-mag: both at mag1 (LROREQ / LRORSP with LRI 1); at --handoverAt mn1 moves to mag2 and
 *    the pair becomes intra-LMA.
 *  - intra-lma-lma-initiated: as intra-lma, but the LMA detects the relayed traffic and sends the
 *    LROREQs (Figure 4); after the handover it re-initiates the pair (Figure 5).
 *  - rfc6705: the standard variant of intra-lma-lma-initiated (Protocol = Rfc6705): the LMA
 *    sends an RFC 6705 LRI (MH 17) to each MAG, each answers with an LRA (MH 18), and the MAGs
 *    forward into a MAG-MAG tunnel without signalling each other; after the handover the LMA
 *    sends new LRIs to mag3 and mag2.
 *  - inter-lma: two LMAs (lma1 serves mag1 and mag3, lma2 serves mag2), mn1 anchored at lma1,
 *    mn2 at lma2; mag1 detects the pair and runs Figure 6 (7): LROREQ to lma1, LRORSP naming
 *    lma2 (LRI 3), LROREQ to lma2, LRORSP naming mag2, PBU/PBA between the MAGs; at --handoverAt
 *    mn1 moves to mag3, which runs Figure 6 again. The LMA path has 5 hops (mag1, lma1, r,
 *    lma2, mag2).
 *  - inter-lma-lma-initiated: as inter-lma, but lma1 detects the relayed traffic and runs A.2:
 *    LMA RO Start Request / Response with lma2, LROREQs from both LMAs to their MAGs, PBU/PBA;
 *    after the handover lma1 starts again with mn1's new Proxy-CoA.
 * (Any other case: exit status 2.)
 *
 * --ip=dual: the mobile nodes are dual-stack (an IPv4 home address from the LMA, RFC 5844) and
 * two IPv4 UDP probe flows run beside the IPv6 ones (draft 004 section 6: the pair options carry
 * the IPv4-MN-HoAs, the MAG-MAG tunnel carries the IPv4 datagrams too); their hops (64 - TTL),
 * delay and the datagrams of the pair the LMAs forwarded are printed per phase as well.
 * --transport=v4: the MAG-LMA (and MAG-MAG) network is IPv4-only (RFC 5844 4). Not with
 * --case=rfc6705 (exit status 2).
 *
 * Two UDP probe flows, mn1 -> mn2 and mn2 -> mn1, one packet each per --interval. Printed: the
 * signalling (every local routing message on the wire), and for three phases (before the
 * optimisation, optimised, after the handover) the packets, their IP hops (3 = through the
 * LMA, 2 = MAG-MAG, 1 = within one MAG) and delay, and the packets the LMA relayed between the
 * two. The exit status is non-zero when a phase delivers nothing, the optimised phases are not
 * shorter than the LMA path, or the LMA relayed a packet of the pair while the local route held.
 */

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/local-routing-domain.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"

#include <iomanip>
#include <iostream>
#include <sstream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6LocalRoutingExample");

namespace
{

/// Agent names by address, for the signalling log.
std::map<Ipv6Address, std::string> g_names;

/**
 * \brief Print a local routing message sent by an agent.
 * \param p the message
 * \param src source
 * \param dst destination
 */
void
PrintMessage(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst)
{
    uint8_t b[16] = {0};
    p->CopyData(b, std::min<uint32_t>(p->GetSize(), sizeof(b)));
    std::string from = g_names.count(src) ? g_names[src] : "?";
    std::string to = g_names.count(dst) ? g_names[dst] : "?";
    bool withLma = from.substr(0, 3) == "lma" || to.substr(0, 3) == "lma";
    std::ostringstream os;
    if (b[2] == mip6::MH_LOCAL_ROUTING_OPTIMIZATION)
    {
        os << ((b[8] & mip6::LRO_FLAG_R) ? "LRORSP" : "LROREQ") << " LRI "
           << +((b[8] & mip6::LRO_LRI_MASK) >> mip6::LRO_LRI_SHIFT);
    }
    else if (b[2] == mip6::MH_LOCALIZED_ROUTING_INIT)
    {
        os << "LRI (RFC 6705) seq " << ((b[6] << 8) | b[7]) << " lifetime "
           << ((b[10] << 8) | b[11]) << " s";
    }
    else if (b[2] == mip6::MH_LOCALIZED_ROUTING_ACK)
    {
        os << "LRA (RFC 6705) seq " << ((b[6] << 8) | b[7]) << " status " << +b[9];
    }
    else if (b[2] == mip6::MH_BINDING_UPDATE)
    {
        os << (withLma ? "PBU (registration)" : "PBU (MAG-MAG)") << " lifetime "
           << 4 * ((b[10] << 8) | b[11]) << " s";
    }
    else if (b[2] == mip6::MH_BINDING_ACK)
    {
        os << (withLma ? "PBA (registration)" : "PBA (MAG-MAG)") << " status " << +b[6];
    }
    else if (b[2] == mip6::MH_LMA_RO_START_REQUEST)
    {
        os << "LMA RO Start Request";
    }
    else if (b[2] == mip6::MH_LMA_RO_START_RESPONSE)
    {
        os << "LMA RO Start Response status " << +b[6];
    }
    else
    {
        os << "MH type " << +b[2];
    }
    std::cout << "  " << std::setw(8) << std::fixed << std::setprecision(3)
              << Simulator::Now().GetSeconds() << " s  " << std::setw(5) << from << " -> "
              << std::setw(5) << to << "  " << os.str() << "\n";
}

/**
 * \brief Connect the signalling printers (after the agents started).
 * \param d the domain
 */
void
ConnectPrinters(Pmipv6LocalRoutingDomain* d)
{
    Pmipv6TopologyHelper& topo = d->GetTopology();
    for (const auto& lma : d->GetLmaNames())
    {
        topo.GetLma(lma)->GetMobilityProtocol()->TraceConnectWithoutContext(
            "Tx",
            MakeCallback(&PrintMessage));
    }
    for (const auto& mag : topo.GetMagNames())
    {
        topo.GetMag(mag)->GetMobilityProtocol()->TraceConnectWithoutContext(
            "Tx",
            MakeCallback(&PrintMessage));
    }
}

/// The IPv4 side of a run (--ip=dual): the pair's IPv4 flows and what the LMAs forwarded.
struct Ipv4Side
{
    bool enabled{false};   ///< --ip=dual
    uint32_t up{0};        ///< mn1 -> mn2 IPv4 flow
    uint32_t down{0};      ///< mn2 -> mn1 IPv4 flow
    Ipv4Address hoa1;      ///< mn1's IPv4 home address
    Ipv4Address hoa2;      ///< mn2's
    uint64_t forwarded{0}; ///< IPv4 datagrams of the pair an LMA forwarded
};

/// The IPv4 side.
Ipv4Side g_v4;

/**
 * \brief UnicastForward of an LMA's IPv4: count the pair's datagrams.
 * \param header the IPv4 header
 */
void
LmaIpv4Forward(const Ipv4Header& header, Ptr<const Packet> /* p */, uint32_t /* interface */)
{
    Ipv4Address s = header.GetSource();
    Ipv4Address t = header.GetDestination();
    if ((s == g_v4.hoa1 && t == g_v4.hoa2) || (s == g_v4.hoa2 && t == g_v4.hoa1))
    {
        g_v4.forwarded++;
    }
}

/**
 * \brief --ip=dual: add the IPv4 flows and watch the LMAs' IPv4 forwarding.
 * \param d the domain
 * \param start first packet
 * \param stop no packet from then on
 * \param interval between packets
 */
void
SetupIpv4(Pmipv6LocalRoutingDomain& d, Time start, Time stop, Time interval)
{
    g_v4.up = d.AddIpv4Flow("mn1", "mn2", start, stop, interval);
    g_v4.down = d.AddIpv4Flow("mn2", "mn1", start + interval / 2, stop, interval);
    for (const auto& lma : d.GetLmaNames())
    {
        d.GetTopology()
            .GetLma(lma)
            ->GetNode()
            ->GetObject<Ipv4L3Protocol>()
            ->TraceConnectWithoutContext("UnicastForward", MakeCallback(&LmaIpv4Forward));
    }
    Pmipv6LocalRoutingDomain* dp = &d;
    Simulator::Schedule(start, [dp]() {
        g_v4.hoa1 = dp->GetTopology().GetIpv4HomeAddress("mn1");
        g_v4.hoa2 = dp->GetTopology().GetIpv4HomeAddress("mn2");
    });
}

/// Statistics of one phase of one flow.
struct Phase
{
    uint32_t packets{0}; ///< received
    double hops{0};      ///< mean hops
    double delayMs{0};   ///< mean delay
};

/**
 * \brief The statistics of the packets of a flow sent in [from, to).
 * \param samples the flow's samples
 * \param from start
 * \param to end
 * \return the statistics
 */
Phase
Summarise(const std::vector<Pmipv6LocalRoutingDomain::Sample>& samples, Time from, Time to)
{
    Phase ph;
    for (const auto& s : samples)
    {
        if (s.sent >= from && s.sent < to)
        {
            ph.packets++;
            ph.hops += s.hops;
            ph.delayMs += (s.received - s.sent).GetSeconds() * 1000;
        }
    }
    if (ph.packets > 0)
    {
        ph.hops /= ph.packets;
        ph.delayMs /= ph.packets;
    }
    return ph;
}

/// One phase of the IPv4 table.
struct Ipv4Row
{
    std::string name;   ///< phase
    Time from;          ///< start (send time)
    Time to;            ///< end
    uint64_t forwarded; ///< the pair's IPv4 datagrams the LMAs forwarded in it
    bool optimised;     ///< the local route holds: MAG-MAG and nothing forwarded by an LMA
};

/**
 * \brief Print the IPv4 flows' phases and check them.
 * \param d the domain
 * \param rows the phases (the first one: before the optimisation)
 * \return true when every phase delivered and the optimised ones were shorter than the first
 *         and not forwarded by an LMA
 */
bool
PrintIpv4(const Pmipv6LocalRoutingDomain& d, const std::vector<Ipv4Row>& rows)
{
    bool ok = true;
    std::cout << "\nIPv4 pair " << g_v4.hoa1 << " <-> " << g_v4.hoa2
              << " (hops = 64 - TTL; LMA fwd = datagrams of the pair the LMAs forwarded):\n"
              << "  phase            flow       packets  hops  delay (ms)  LMA fwd (both)\n";
    double hopsBefore = 0;
    for (const auto& row : rows)
    {
        for (uint32_t f : {g_v4.up, g_v4.down})
        {
            Phase ph = Summarise(d.GetSamples(f), row.from, row.to);
            std::cout << "  " << std::setw(16) << std::left << row.name << " " << std::setw(10)
                      << (f == g_v4.up ? "mn1->mn2" : "mn2->mn1") << std::right << std::setw(7)
                      << ph.packets << std::setw(6) << std::setprecision(2) << ph.hops
                      << std::setw(12) << std::setprecision(2) << ph.delayMs << std::setw(16)
                      << row.forwarded << "\n";
            ok = ok && ph.packets > 0;
            if (&row == &rows.front())
            {
                hopsBefore = std::max(hopsBefore, ph.hops);
            }
            else if (row.optimised)
            {
                ok = ok && ph.hops < hopsBefore;
            }
        }
        ok = ok && (!row.optimised || row.forwarded == 0);
    }
    uint32_t sent = d.GetSentCount(g_v4.up) + d.GetSentCount(g_v4.down);
    uint32_t received = d.GetSamples(g_v4.up).size() + d.GetSamples(g_v4.down).size();
    std::cout << "IPv4: " << sent << " sent, " << received << " received; the LMAs forwarded "
              << g_v4.forwarded << " datagrams of the pair in all\n";
    return ok;
}

/**
 * \brief The inter-LMA cases (7, Figure 6; Appendix A.2).
 * \param scenario "inter-lma" or "inter-lma-lma-initiated"
 * \param handoverAt when mn1 moves (s)
 * \param simTime simulation end (s)
 * \param interval probe interval (s)
 * \param pcap write pcap files
 * \return the exit status
 */
int
RunInterLma(const std::string& scenario,
            double handoverAt,
            double simTime,
            double interval,
            bool pcap,
            const std::string& ip,
            const std::string& transport)
{
    bool lmaInitiated = scenario == "inter-lma-lma-initiated";
    Config::SetDefault("ns3::MagLocalRoutingExtension::EnableDetectLocalRouting",
                       BooleanValue(!lmaInitiated));
    Config::SetDefault("ns3::LmaLocalRoutingExtension::EnableDetectLocalRouting",
                       BooleanValue(lmaInitiated));

    Pmipv6LocalRoutingDomain d(3, MilliSeconds(10), MilliSeconds(2), 2, ip, transport);
    Pmipv6TopologyHelper& topo = d.GetTopology();
    // A.2: "triggered at one of the LMAs, e.g. LMA1" (both may detect: the LMA with the smaller
    // address wins a crossing LMA RO Start; here only lma1 detects, as in the figure)
    d.GetLmaExtension("lma2")->SetAttribute("EnableDetectLocalRouting", BooleanValue(false));
    for (const auto& lma : d.GetLmaNames())
    {
        g_names[topo.GetLma(lma)->GetAddress()] = lma;
    }
    for (const auto& mag : topo.GetMagNames())
    {
        g_names[topo.GetMag(mag)->GetProxyCoa()] = mag;
    }
    d.AddMobileNode("mn1", "mag1", Seconds(1));
    d.AddMobileNode("mn2", "mag2", Seconds(1));
    topo.ScheduleMove("mn1", "mag3", Seconds(handoverAt), MilliSeconds(50));
    Time start = Seconds(2.5);
    Time stop = Seconds(simTime - 0.5);
    uint32_t up = d.AddFlow("mn1", "mn2", start, stop, Seconds(interval));
    uint32_t down = d.AddFlow("mn2", "mn1", start + Seconds(interval / 2), stop, Seconds(interval));
    Simulator::Schedule(Seconds(0.5), &ConnectPrinters, &d);
    if (g_v4.enabled)
    {
        SetupIpv4(d, start, stop, Seconds(interval));
    }

    Time optimisedFrom = Seconds(4);
    Time afterFrom = Seconds(handoverAt + 2);
    uint64_t forwarded[4] = {0, 0, 0, 0};
    Simulator::Schedule(optimisedFrom, [&]() { forwarded[0] = g_v4.forwarded; });
    Simulator::Schedule(Seconds(handoverAt), [&]() { forwarded[1] = g_v4.forwarded; });
    Simulator::Schedule(afterFrom, [&]() { forwarded[2] = g_v4.forwarded; });
    Ptr<LmaLocalRoutingExtension> lma1 = d.GetLmaExtension("lma1");
    Ptr<LmaLocalRoutingExtension> lma2 = d.GetLmaExtension("lma2");
    uint64_t relayed[4][2] = {};
    auto snapshot = [&](int i) {
        relayed[i][0] = lma1->GetInterLmaRelayedCount();
        relayed[i][1] = lma2->GetInterLmaRelayedCount();
    };
    Simulator::Schedule(optimisedFrom, [&]() { snapshot(0); });
    Simulator::Schedule(Seconds(handoverAt), [&]() { snapshot(1); });
    Simulator::Schedule(afterFrom, [&]() { snapshot(2); });
    if (pcap)
    {
        topo.EnablePcap("pmipv6-local-routing");
    }
    std::cout << "pmipv6-local-routing: case " << scenario
              << " (mn1 anchored at lma1, mn2 at lma2), mn1 moves from mag1 to mag3 at "
              << handoverAt << " s\nSignalling:\n";
    Simulator::Stop(Seconds(simTime));
    Simulator::Run();
    snapshot(3);
    forwarded[3] = g_v4.forwarded;

    bool ok = true;

    struct Row
    {
        const char* name;
        Time from;
        Time to;
        int snapFrom; ///< -1: from 0
        int snapTo;
    };

    Row rows[] = {{"before", start, start + Seconds(0.9), -1, 0},
                  {"optimised", optimisedFrom, Seconds(handoverAt), 0, 1},
                  {"during handover", Seconds(handoverAt), afterFrom, 1, 2},
                  {"after handover", afterFrom, stop, 2, 3}};
    std::cout << "\nPath of the pair's packets (by send time; 5 hops = mag, lma1, r, lma2, mag; 2 "
                 "= MAG-MAG):\n"
              << "  phase            flow       packets  hops  delay (ms)  relayed (both flows) "
                 "lma1  lma2\n";
    for (const auto& row : rows)
    {
        uint64_t r1 = relayed[row.snapTo][0] - (row.snapFrom < 0 ? 0 : relayed[row.snapFrom][0]);
        uint64_t r2 = relayed[row.snapTo][1] - (row.snapFrom < 0 ? 0 : relayed[row.snapFrom][1]);
        for (uint32_t f : {up, down})
        {
            Phase ph = Summarise(d.GetSamples(f), row.from, row.to);
            std::cout << "  " << std::setw(16) << std::left << row.name << " " << std::setw(10)
                      << (f == up ? "mn1->mn2" : "mn2->mn1") << std::right << std::setw(7)
                      << ph.packets << std::setw(6) << std::setprecision(2) << ph.hops
                      << std::setw(12) << std::setprecision(2) << ph.delayMs << std::setw(27) << r1
                      << std::setw(6) << r2 << "\n";
            ok = ok && ph.packets > 0;
            std::string name(row.name);
            if (name == "before")
            {
                ok = ok && ph.hops > 4.5; // through both LMAs
            }
            else if (name != "during handover")
            {
                ok = ok && ph.hops < 2.5; // MAG-MAG
            }
        }
        if (std::string(row.name) == "optimised" || std::string(row.name) == "after handover")
        {
            ok = ok && r1 == 0 && r2 == 0;
        }
    }
    uint32_t sent = d.GetSentCount(up) + d.GetSentCount(down);
    uint32_t received = d.GetSamples(up).size() + d.GetSamples(down).size();
    std::cout << "\nlma1 relayed " << relayed[3][0] << ", lma2 " << relayed[3][1]
              << " packets of the pair in all; LMA RO Start Requests sent: lma1 "
              << lma1->GetRoStartRequestCount() << ", lma2 " << lma2->GetRoStartRequestCount()
              << "; " << sent << " sent, " << received << " received (" << sent - received
              << " lost during the handover)\n";
    if (g_v4.enabled)
    {
        ok = PrintIpv4(d,
                       {{"before", start, start + Seconds(0.9), forwarded[0], false},
                        {"optimised",
                         optimisedFrom,
                         Seconds(handoverAt),
                         forwarded[1] - forwarded[0],
                         true},
                        {"after handover", afterFrom, stop, forwarded[3] - forwarded[2], true}}) &&
             ok;
    }
    std::cout << (ok ? "OK" : "FAILED") << "\n";
    Simulator::Destroy();
    return ok ? 0 : 1;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string scenario = "intra-lma";
    double handoverAt = 6;
    double simTime = 11;
    double interval = 0.02;
    bool pcap = false;
    std::string ip = "v6";
    std::string transport = "v6";
    CommandLine cmd(__FILE__);
    cmd.AddValue("case",
                 "intra-mag | intra-lma | intra-lma-lma-initiated | rfc6705 | inter-lma | "
                 "inter-lma-lma-initiated",
                 scenario);
    cmd.AddValue("handoverAt", "when mn1 moves (s)", handoverAt);
    cmd.AddValue("simTime", "simulation end (s)", simTime);
    cmd.AddValue("interval", "probe interval (s)", interval);
    cmd.AddValue("pcap", "write pcap files pmipv6-local-routing-*.pcap", pcap);
    cmd.AddValue("ip", "the mobile nodes: v6 | dual (IPv4 home addresses, IPv4 probe flows)", ip);
    cmd.AddValue("transport", "the MAG-LMA network: v6 | v4 (RFC 5844 4)", transport);
    cmd.Parse(argc, argv);
    if ((ip != "v6" && ip != "dual") || (transport != "v6" && transport != "v4") ||
        (scenario == "rfc6705" && (ip != "v6" || transport != "v6")))
    {
        std::cerr << "pmipv6-local-routing: --ip is v6 or dual, --transport v6 or v4 (both v6 "
                     "with --case=rfc6705)\n";
        return 2;
    }
    g_v4.enabled = ip == "dual";

    if (scenario == "inter-lma" || scenario == "inter-lma-lma-initiated")
    {
        NS_ABORT_MSG_IF(handoverAt < 5 || simTime < handoverAt + 3,
                        "need handoverAt >= 5 and simTime >= handoverAt + 3");
        Ptr<RateThresholdLocalRoutingPolicy> policy =
            CreateObject<RateThresholdLocalRoutingPolicy>();
        policy->SetAttribute("Packets", UintegerValue(50));
        policy->SetAttribute("Window", TimeValue(Seconds(2)));
        Config::SetDefault("ns3::MagLocalRoutingExtension::Policy", PointerValue(policy));
        Config::SetDefault("ns3::LmaLocalRoutingExtension::Policy", PointerValue(policy));
        return RunInterLma(scenario, handoverAt, simTime, interval, pcap, ip, transport);
    }
    bool intraMag = scenario == "intra-mag";
    bool rfc6705 = scenario == "rfc6705"; // RFC 6705 LRI / LRA: LMA-initiated, intra-LMA
    bool lmaInitiated = scenario == "intra-lma-lma-initiated" || rfc6705;
    if (!intraMag && !lmaInitiated && scenario != "intra-lma")
    {
        std::cerr << "pmipv6-local-routing: case '" << scenario
                  << "' is unknown (intra-mag, intra-lma, intra-lma-lma-initiated, "
                     "rfc6705, inter-lma, inter-lma-lma-initiated run)\n";
        return 2;
    }
    if (rfc6705)
    {
        Config::SetDefault("ns3::MagLocalRoutingExtension::Protocol", StringValue("Rfc6705"));
        Config::SetDefault("ns3::LmaLocalRoutingExtension::Protocol", StringValue("Rfc6705"));
    }
    NS_ABORT_MSG_IF(handoverAt < 5 || simTime < handoverAt + 3,
                    "need handoverAt >= 5 and simTime >= handoverAt + 3");

    // Detection: 50 packets of a pair within 2 s (about 1 s of the probe flow).
    Ptr<RateThresholdLocalRoutingPolicy> policy = CreateObject<RateThresholdLocalRoutingPolicy>();
    policy->SetAttribute("Packets", UintegerValue(50));
    policy->SetAttribute("Window", TimeValue(Seconds(2)));
    Config::SetDefault("ns3::MagLocalRoutingExtension::Policy", PointerValue(policy));
    Config::SetDefault("ns3::LmaLocalRoutingExtension::Policy", PointerValue(policy));
    Config::SetDefault("ns3::MagLocalRoutingExtension::EnableDetectLocalRouting",
                       BooleanValue(!lmaInitiated));
    Config::SetDefault("ns3::LmaLocalRoutingExtension::EnableDetectLocalRouting",
                       BooleanValue(lmaInitiated));

    Pmipv6LocalRoutingDomain d(3, MilliSeconds(10), MilliSeconds(2), 1, ip, transport);
    Pmipv6TopologyHelper& topo = d.GetTopology();
    g_names[topo.GetLma("lma")->GetAddress()] = "lma";
    for (const auto& mag : topo.GetMagNames())
    {
        g_names[topo.GetMag(mag)->GetProxyCoa()] = mag;
    }
    d.AddMobileNode("mn1", "mag1", Seconds(1));
    d.AddMobileNode("mn2", intraMag ? "mag1" : "mag2", Seconds(1));
    std::string target = intraMag ? "mag2" : "mag3";
    topo.ScheduleMove("mn1", target, Seconds(handoverAt), MilliSeconds(50));
    Time start = Seconds(2.5);
    Time stop = Seconds(simTime - 0.5);
    uint32_t up = d.AddFlow("mn1", "mn2", start, stop, Seconds(interval));
    uint32_t down = d.AddFlow("mn2", "mn1", start + Seconds(interval / 2), stop, Seconds(interval));
    Simulator::Schedule(Seconds(0.5), &ConnectPrinters, &d);
    if (g_v4.enabled)
    {
        SetupIpv4(d, start, stop, Seconds(interval));
    }

    // Phases (by send time): before = until the optimisation, optimised = 4 s to the handover,
    // after = 2 s after the handover (time for the rate threshold to detect the pair again) to
    // the end.
    Time optimisedFrom = Seconds(4);
    Time afterFrom = Seconds(handoverAt + 2);
    uint64_t relayed[4] = {0, 0, 0, 0};
    Simulator::Schedule(optimisedFrom,
                        [&]() { relayed[0] = d.GetLmaExtension()->GetRelayedCount(); });
    Simulator::Schedule(Seconds(handoverAt),
                        [&]() { relayed[1] = d.GetLmaExtension()->GetRelayedCount(); });
    Simulator::Schedule(afterFrom, [&]() { relayed[2] = d.GetLmaExtension()->GetRelayedCount(); });
    uint64_t forwarded[4] = {0, 0, 0, 0};
    Simulator::Schedule(optimisedFrom, [&]() { forwarded[0] = g_v4.forwarded; });
    Simulator::Schedule(Seconds(handoverAt), [&]() { forwarded[1] = g_v4.forwarded; });
    Simulator::Schedule(afterFrom, [&]() { forwarded[2] = g_v4.forwarded; });
    if (pcap)
    {
        topo.EnablePcap("pmipv6-local-routing");
    }

    std::cout << "pmipv6-local-routing: case " << scenario << ", mn1 moves to " << target << " at "
              << handoverAt << " s\nSignalling:\n";
    Simulator::Stop(Seconds(simTime));
    Simulator::Run();
    relayed[3] = d.GetLmaExtension()->GetRelayedCount();
    forwarded[3] = g_v4.forwarded;

    bool ok = true;

    struct Row
    {
        const char* name;
        Time from;
        Time to;
        uint64_t relayed;
    };

    Row rows[] = {{"before", start, start + Seconds(0.9), relayed[0]},
                  {"optimised", optimisedFrom, Seconds(handoverAt), relayed[1] - relayed[0]},
                  {"after handover", afterFrom, stop, relayed[3] - relayed[2]}};
    std::cout << "\nPath of the pair's packets (by send time):\n"
              << "  phase            flow       packets  hops  delay (ms)  LMA relayed (both)\n";
    double hopsBefore = 0;
    for (const auto& row : rows)
    {
        for (uint32_t f : {up, down})
        {
            Phase ph = Summarise(d.GetSamples(f), row.from, row.to);
            std::cout << "  " << std::setw(16) << std::left << row.name << " " << std::setw(10)
                      << (f == up ? "mn1->mn2" : "mn2->mn1") << std::right << std::setw(7)
                      << ph.packets << std::setw(6) << std::setprecision(2) << ph.hops
                      << std::setw(12) << std::setprecision(2) << ph.delayMs << std::setw(12)
                      << row.relayed << "\n";
            ok = ok && ph.packets > 0;
            if (std::string(row.name) == "before")
            {
                hopsBefore = std::max(hopsBefore, ph.hops);
            }
            else
            {
                ok = ok && ph.hops < hopsBefore;
            }
        }
        if (std::string(row.name) != "before")
        {
            ok = ok && row.relayed == 0;
        }
    }
    uint32_t sent = d.GetSentCount(up) + d.GetSentCount(down);
    uint32_t received = d.GetSamples(up).size() + d.GetSamples(down).size();
    std::cout << "\nLMA relayed " << relayed[3] << " packets of the pair in all; " << sent
              << " sent, " << received << " received (" << sent - received
              << " lost during the handover)\n";
    if (g_v4.enabled)
    {
        ok = PrintIpv4(d,
                       {{"before", start, start + Seconds(0.9), forwarded[0], false},
                        {"optimised",
                         optimisedFrom,
                         Seconds(handoverAt),
                         forwarded[1] - forwarded[0],
                         true},
                        {"after handover", afterFrom, stop, forwarded[3] - forwarded[2], true}}) &&
             ok;
    }
    std::cout << (ok ? "OK" : "FAILED") << "\n";
    Simulator::Destroy();
    return ok ? 0 : 1;
}
