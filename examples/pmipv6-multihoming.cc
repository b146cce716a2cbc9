/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Multihoming extensions for PMIPv6 (draft-melia-netext-muho-solution-00, draft 002).
 *
 *      CN ---- LMA ---- MAG1 ==csma A== if0 \
 *               \                           lif  MN (one IPv6 interface, one home address)
 *                +----- MAG2 ==csma B== if1 /
 *
 * The MN is multihomed (MagMultihomingExtension::SetMultihomed at both MAGs). if0 attaches to
 * MAG1, whose PBU carries the Multihoming option (MHGID 0) and a filter for the video flow
 * (UDP port 5004); if1 attaches to MAG2 with a filter for the bulk flow (UDP port 9000). The
 * LMA (LmaMultihomingExtension) adds MAG2's Proxy-CoA to the MN's session (same HNP, same
 * MHGID: Figures 2 and 3) and stores each MAG's filters for its Proxy-CoA; the CN's video
 * downlink then arrives on if0 and the bulk downlink on if1 at the same time. At --removeAt,
 * if0 goes down: MAG1 sends the de-registration with HI 4 and ACT "keep filters" and keeps the
 * MN's access until the PBA (Figure 6); the LMA re-instantiates the video filter on MAG2's
 * binding (new FID, PRO 2), and the video flow continues on if1. MAG2's next renewal
 * (Figure 4) reports the re-instantiated filter.
 *
 * With --thirdInterface (on by default), a third physical device if2 of the logical interface
 * attaches at trafficStart + 0.5 s to a third MAG (MAG3, its own transport link to the LMA)
 * whose PBU carries MHGID 0 and a filter for a third flow (UDP port 8000): the LMA adds
 * PCoA3 to the session with the same HNP (Figure 7). The third flow runs from trafficStart on;
 * until IF3 attaches it follows the default binding (if0), afterwards it arrives on if2 only,
 * while video stays on if0 and bulk on if1. Printed: the message sequence, the binding
 * cache's filters after each step, and the per-interface throughput per flow. The exit status
 * is non-zero (with a "FAIL: " line) when a flow is not where its filter puts it, or the bulk
 * flow (with the third interface: any flow) loses a packet, or the third binding is not registered
 * with the MN's HNP and MHGID 0.
 */

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"

#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6Multihoming");

namespace
{

/// The flows (UDP destination ports at the MN): video, bulk, and the third interface's flow.
const uint16_t PORTS[3] = {5004, 9000, 8000};

/// The flows' names, for the throughput table.
const char* const FLOW_NAMES[3] = {"video", "bulk", "third"};

/// Downlink UDP packets per (MN device, port, time bin), and what the CN sent / MN received.
struct Meter
{
    Time bin;                                                         ///< bin width
    std::map<std::tuple<uint32_t, uint16_t, int64_t>, uint32_t> down; ///< (dev, port, bin)
    std::map<uint16_t, uint32_t> sent;                                ///< per port
    std::map<uint16_t, uint32_t> received;                            ///< per port

    /**
     * \brief PhysicalRx sink.
     * \param p the packet (IPv6 header first)
     * \param device the physical device
     */
    void Rx(Ptr<const Packet> p, uint32_t device)
    {
        Ptr<Packet> copy = p->Copy();
        Ipv6Header ip;
        copy->RemoveHeader(ip);
        if (ip.GetNextHeader() != UdpL4Protocol::PROT_NUMBER)
        {
            return;
        }
        UdpHeader udp;
        copy->PeekHeader(udp);
        int64_t b = Simulator::Now().GetNanoSeconds() / bin.GetNanoSeconds();
        down[{device, udp.GetDestinationPort(), b}]++;
    }

    /**
     * \brief Packets of a flow on a device in [from, to).
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

/// A CN -> MN flow with its sink.
struct Flow
{
    Ptr<Socket> source;                              ///< at the CN
    Ptr<Socket> sink;                                ///< at the MN
    Inet6SocketAddress to{Ipv6Address::GetAny(), 0}; ///< destination
    Time interval;                                   ///< between datagrams
    Time stop;                                       ///< last send before this
    uint32_t size{0};                                ///< payload
    Meter* meter{nullptr};                           ///< counters

    /// \brief Send one, schedule the next.
    void Next()
    {
        if (Simulator::Now() >= stop)
        {
            return;
        }
        meter->sent[to.GetPort()]++;
        source->SendTo(Create<Packet>(size), 0, to);
        Simulator::Schedule(interval, &Flow::Next, this);
    }

    /**
     * \brief Sink callback.
     * \param s the socket
     */
    void Receive(Ptr<Socket> s)
    {
        while (s->Recv())
        {
            meter->received[to.GetPort()]++;
        }
    }
};

/**
 * \brief The draft-002 part of a message, e.g. "HI=1 MHGID=0 ACT=0 FID{1:PRO0:st0}".
 * \param options the options
 * \param withStatus print the per-filter statuses
 * \return the text
 */
std::string
Describe(const MobilityOptionList& options, bool withStatus)
{
    std::ostringstream os;
    if (auto hi = options.Find<HandoffIndicatorOption>())
    {
        os << "HI=" << +hi->GetHandoffIndicator();
    }
    if (auto mh = options.Find<MultihomingOption>())
    {
        os << " MHGID=" << +mh->GetGroupId() << " ACT=" << +mh->GetAct();
    }
    auto fids = options.FindAll<MuhoFlowIdentifierOption>();
    for (size_t i = 0; i < fids.size(); ++i)
    {
        os << (i ? "," : " FID{") << fids[i]->GetFlowId() << ":PRO" << +fids[i]->GetPro();
        if (withStatus)
        {
            os << ":st" << +fids[i]->GetStatus();
        }
    }
    os << (fids.empty() ? "" : "}");
    return os.str();
}

/// The domain (for the MAG names in the message log).
Pmipv6DualAccessDomain* g_domain = nullptr;

/// MAG3's Proxy-CoA (unset without the third interface).
Ipv6Address g_coa3;

/// The MHGID of the last accepted PBA to MAG3 (-1: none).
int g_mag3Mhgid = -1;

/**
 * \brief "MAG1", "MAG2" or "MAG3".
 * \param a a Proxy-CoA
 * \return the name
 */
std::string
MagName(Ipv6Address a)
{
    if (a == g_domain->proxyCoa[0])
    {
        return "MAG1";
    }
    return a == g_domain->proxyCoa[1] ? "MAG2" : "MAG3";
}

/**
 * \brief LMA RxPbu sink: print the PBU.
 * \param pbu the PBU
 * \param mag its source
 */
void
PrintPbu(const BindingUpdateHeader& pbu, Ipv6Address mag)
{
    std::cout << std::fixed << std::setprecision(3) << "  " << Simulator::Now().GetSeconds()
              << " s  " << MagName(mag) << " -> LMA  PBU lifetime " << pbu.GetLifetimeSeconds()
              << " s " << Describe(pbu.GetOptions(), false) << "\n";
}

/**
 * \brief LMA TxPba sink: print the PBA.
 * \param pba the PBA
 * \param mag its destination
 */
void
PrintPba(const BindingAckHeader& pba, Ipv6Address mag)
{
    std::cout << std::fixed << std::setprecision(3) << "  " << Simulator::Now().GetSeconds()
              << " s  LMA -> " << MagName(mag) << "  PBA status " << +pba.GetStatus() << " "
              << Describe(pba.GetOptions(), true) << "\n";
    auto mh = pba.GetOptions().Find<MultihomingOption>();
    if (mag == g_coa3 && pba.GetStatus() == 0 && pba.GetLifetimeSeconds() > 0 && mh)
    {
        g_mag3Mhgid = mh->GetGroupId();
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    double simTime = 8.0;
    double trafficStart = 1.5;
    double removeAt = 4.5;
    double interval = 0.01;
    double bin = 0.5;
    uint32_t packetSize = 1000;
    bool pcap = false;
    bool thirdInterface = true;

    CommandLine cmd(__FILE__);
    cmd.AddValue("simTime", "Simulated time (s)", simTime);
    cmd.AddValue("trafficStart", "When the two flows start (s)", trafficStart);
    cmd.AddValue("removeAt", "When if0 is removed from the multihoming group (s)", removeAt);
    cmd.AddValue("interval", "Interval between datagrams of a flow (s)", interval);
    cmd.AddValue("packetSize", "UDP payload (octets)", packetSize);
    cmd.AddValue("bin", "Width of the throughput bins (s)", bin);
    cmd.AddValue("pcap", "Write pcap files into the current directory", pcap);
    cmd.AddValue("thirdInterface",
                 "Attach a third interface at a third MAG at trafficStart + 0.5 s (Figure 7)",
                 thirdInterface);
    cmd.Parse(argc, argv);
    NS_ABORT_MSG_IF(!(1.2 < trafficStart && trafficStart + 1 < removeAt && removeAt + 2 < simTime),
                    "need 1.2 < trafficStart, trafficStart + 1 < removeAt < simTime - 2");

    Pmipv6DualAccessDomain d("mn-multihomed@pmipv6.example");
    const std::string& mnId = d.mnId;
    Ptr<LmaMultihomingExtension> lmaExt = CreateObject<LmaMultihomingExtension>();
    d.lmaApp->AddExtension(lmaExt);
    d.lmaApp->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(Seconds(1)));
    Ptr<MagMultihomingExtension> magExt[2];
    for (uint32_t k = 0; k < 2; ++k)
    {
        magExt[k] = CreateObject<MagMultihomingExtension>();
        d.magApp[k]->AddExtension(magExt[k]);
        magExt[k]->SetMultihomed(mnId);
        TrafficSelector s;
        s.SetNextHeader(UdpL4Protocol::PROT_NUMBER);
        s.SetDestinationPort(PORTS[k]);
        magExt[k]->AddFilter(mnId, 1, 20, mip6::FBID_ACTION_FORWARD, s);
    }
    std::cout << "Multihoming, draft-melia-netext-muho-solution-00 (RngRun "
              << RngSeedManager::GetRun() << ")\n"
              << "  MAG1 " << d.proxyCoa[0] << ": filter FID 1 video (UDP " << PORTS[0] << ")\n"
              << "  MAG2 " << d.proxyCoa[1] << ": filter FID 1 bulk (UDP " << PORTS[1] << ")\n";

    // MAG3 (Figure 7): LMA -- MAG3 ==csma C== if2, a third physical device of the MN's logical
    // interface; its PBU carries MHGID 0 and a filter for the third flow.
    const uint32_t nFlows = thirdInterface ? 3 : 2;
    const double thirdAt = trafficStart + 0.5;
    Ptr<Pmipv6MagApplication> mag3App;
    NetDeviceContainer link3;
    if (thirdInterface)
    {
        NodeContainer mag3;
        mag3.Create(1);
        Pmipv6Helper::InstallStack(mag3);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("2ms"));
        Ipv6AddressHelper address;
        address.SetBase(Ipv6Address("fd00:0:0:3::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer magIf = address.Assign(p2p.Install(d.lma.Get(0), mag3.Get(0)));
        magIf.SetForwarding(0, true);
        magIf.SetForwarding(1, true);
        Ipv6StaticRoutingHelper routing;
        routing.GetStaticRouting(mag3.Get(0)->GetObject<Ipv6>())
            ->SetDefaultRoute(magIf.GetAddress(0, 1), magIf.GetInterfaceIndex(1));
        g_coa3 = magIf.GetAddress(1, 1);
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
        link3 = csma.Install(NodeContainer(mag3.Get(0), d.mn.Get(0)));
        d.lif->AddPhysicalDevice(link3.Get(1));
        mag3App =
            d.pmip.InstallMag(mag3.Get(0), g_coa3, d.lmaAddress, NetDeviceContainer(link3.Get(0)));
        Ptr<MagMultihomingExtension> ext3 = CreateObject<MagMultihomingExtension>();
        mag3App->AddExtension(ext3);
        ext3->SetMultihomed(mnId);
        TrafficSelector s;
        s.SetNextHeader(UdpL4Protocol::PROT_NUMBER);
        s.SetDestinationPort(PORTS[2]);
        ext3->AddFilter(mnId, 1, 20, mip6::FBID_ACTION_FORWARD, s);
        std::cout << "  MAG3 " << g_coa3 << ": filter FID 1 third flow (UDP " << PORTS[2]
                  << "), if2 attaches at " << thirdAt << " s\n";
        if (pcap)
        {
            csma.EnablePcap("pmipv6-multihoming-mag3", link3);
        }
    }

    g_domain = &d;
    d.lmaApp->TraceConnectWithoutContext("RxPbu", MakeCallback(&PrintPbu));
    d.lmaApp->TraceConnectWithoutContext("TxPba", MakeCallback(&PrintPba));
    auto printCache = [&](const std::string& step) {
        std::cout << "  binding cache after " << step << ":\n";
        lmaExt->PrintFilters(std::cout, mnId);
    };

    Meter meter;
    meter.bin = Seconds(bin);
    d.lif->TraceConnectWithoutContext("PhysicalRx", MakeCallback(&Meter::Rx, &meter));

    Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, &d, 0, 1);
    Simulator::Schedule(Seconds(0.9), [&]() { printCache("IF1 attached to MAG1 (Figure 3)"); });
    Simulator::Schedule(Seconds(1.0), &Pmipv6DualAccessDomain::Attach, &d, 1, 1);
    Simulator::Schedule(Seconds(1.2), [&]() { printCache("IF2 attached to MAG2 (Figures 2, 3)"); });

    // Figure 7: if2 attaches at MAG3; the LMA must add PCoA3 to the session with the same HNP.
    bool thirdRegistered = false;
    if (thirdInterface)
    {
        Simulator::Schedule(Seconds(thirdAt), [&]() {
            mag3App->NotifyAttach(link3.Get(0), mnId, link3.Get(1)->GetAddress(), 1);
        });
        Simulator::Schedule(Seconds(thirdAt + 0.1), [&]() {
            printCache("IF3 attached to MAG3 (Figure 7)");
            auto all = d.lmaApp->GetBindingCache()->FindByMnId(mnId);
            uint32_t withHnp = 0;
            bool third = false;
            for (const auto& e : all)
            {
                if (!e->homeNetworkPrefixes.empty() && !all[0]->homeNetworkPrefixes.empty() &&
                    e->homeNetworkPrefixes[0].prefix == all[0]->homeNetworkPrefixes[0].prefix)
                {
                    withHnp++;
                }
                third = third || (e->proxyCoa == g_coa3 && e->state == BindingCacheEntry::ACTIVE);
            }
            thirdRegistered = all.size() == 3 && withHnp == 3 && third && g_mag3Mhgid == 0;
            std::cout << "  " << all.size() << " bindings, " << withHnp
                      << " with the same HNP, MAG3's binding " << (third ? "active" : "missing")
                      << ", MHGID in MAG3's PBA " << g_mag3Mhgid << "\n";
        });
    }

    Flow flows[3];
    bool started = false;
    Simulator::Schedule(Seconds(trafficStart), [&]() {
        auto all = d.lmaApp->GetBindingCache()->FindByMnId(mnId);
        if (all.size() != 2 || all[0]->homeNetworkPrefixes.empty())
        {
            std::cout << "  the MN is not registered through both MAGs: no traffic\n";
            return;
        }
        Ipv6Address home = Pmipv6Helper::GetHomeAddress(d.lif, all[0]->homeNetworkPrefixes[0]);
        started = true;
        for (uint32_t k = 0; k < nFlows; ++k)
        {
            Flow& f = flows[k];
            f.meter = &meter;
            f.to = Inet6SocketAddress(home, PORTS[k]);
            f.interval = Seconds(interval);
            f.stop = Seconds(simTime - 0.5);
            f.size = packetSize;
            f.sink = Socket::CreateSocket(d.mn.Get(0), UdpSocketFactory::GetTypeId());
            f.sink->Bind(Inet6SocketAddress(home, PORTS[k]));
            f.sink->SetRecvCallback(MakeCallback(&Flow::Receive, &f));
            f.source = Socket::CreateSocket(d.cn.Get(0), UdpSocketFactory::GetTypeId());
            f.source->Bind();
            f.Next();
        }
    });
    Simulator::Schedule(Seconds(removeAt), &Pmipv6DualAccessDomain::Detach, &d, 0);
    Simulator::Schedule(Seconds(removeAt + 0.3),
                        [&]() { printCache("IF1 removed, ACT keep filters (Figure 6)"); });
    Simulator::Schedule(Seconds(removeAt + 0.5), [&]() { magExt[1]->Renew(mnId); });
    Simulator::Schedule(Seconds(removeAt + 0.7), [&]() {
        printCache("MAG2's renewal (Figure 4), re-instantiated filter reported");
    });
    if (pcap)
    {
        d.EnablePcap("pmipv6-multihoming");
    }
    Simulator::Stop(Seconds(simTime));
    Simulator::Run();

    bool ok = started;
    if (started)
    {
        double binBits = packetSize * 8.0 / bin / 1e6;
        std::cout << "  downlink throughput per interface (Mbit/s of UDP payload, bins of " << bin
                  << " s)\n     time";
        for (uint32_t k = 0; k < nFlows; ++k)
        {
            for (uint32_t dev = 0; dev < nFlows; ++dev)
            {
                std::cout << std::setw(10)
                          << (std::string(FLOW_NAMES[k]) + "@if" + std::to_string(dev));
            }
        }
        std::cout << "\n";
        for (double t = trafficStart; t < simTime; t += bin)
        {
            std::cout << std::fixed << std::setprecision(2) << "  " << std::setw(7) << t;
            for (uint32_t k = 0; k < nFlows; ++k)
            {
                for (uint32_t dev = 0; dev < nFlows; ++dev)
                {
                    std::cout << std::setw(10)
                              << meter.Down(dev, PORTS[k], Seconds(t), Seconds(t + bin)) * binBits;
                }
            }
            std::cout << "\n";
        }
        Time start = Seconds(trafficStart);
        Time remove = Seconds(removeAt);
        Time settle = remove + Seconds(0.1);
        Time end = Seconds(simTime);
        for (uint32_t k = 0; k < nFlows; ++k)
        {
            uint16_t port = PORTS[k];
            std::cout << "  flow " << port << ": " << meter.sent[port] << " sent, "
                      << meter.received[port] << " received\n";
        }
        // before the removal: video on if0 only, bulk on if1 only, simultaneously
        ok = ok && meter.Down(0, PORTS[0], start, remove) > 0 &&
             meter.Down(1, PORTS[0], start, remove) == 0;
        ok = ok && meter.Down(1, PORTS[1], start, end) > 0 &&
             meter.Down(0, PORTS[1], start, end) == 0;
        // after it: video on if1 (re-instantiated filter)
        ok = ok && meter.Down(1, PORTS[0], settle, end) > 0 &&
             meter.Down(0, PORTS[0], settle, end) == 0;
        ok = ok && lmaExt->GetReinstantiatedCount() == 1;
        ok = ok && meter.received[PORTS[1]] == meter.sent[PORTS[1]];
        if (thirdInterface)
        {
            // Figure 7: the third binding joins the session (same HNP, MHGID 0); from then on
            // the third flow arrives on if2 only, none of it lost; video stays on if0 until the
            // removal and bulk on if1 (checked above), both still deliver while IF3 is
            // attached, and no video packet is lost either (bulk: checked above).
            Time third = Seconds(thirdAt + 0.1);
            bool thirdOk = thirdRegistered;
            thirdOk = thirdOk && meter.Down(0, PORTS[2], start, Seconds(thirdAt)) > 0;
            thirdOk = thirdOk && meter.Down(2, PORTS[2], third, end) > 0 &&
                      meter.Down(0, PORTS[2], third, end) == 0 &&
                      meter.Down(1, PORTS[2], third, end) == 0;
            thirdOk = thirdOk && meter.Down(2, PORTS[0], start, end) == 0 &&
                      meter.Down(2, PORTS[1], start, end) == 0;
            thirdOk = thirdOk && meter.Down(0, PORTS[0], third, remove) > 0 &&
                      meter.Down(1, PORTS[1], third, end) > 0;
            thirdOk = thirdOk && meter.received[PORTS[2]] == meter.sent[PORTS[2]] &&
                      meter.received[PORTS[0]] == meter.sent[PORTS[0]];
            if (!thirdOk)
            {
                std::cout << "FAIL: the third interface (Figure 7)\n";
            }
            ok = ok && thirdOk;
        }
    }
    std::cout << (ok ? "PASS" : "FAIL")
              << ": video over MAG1 and bulk over MAG2 at once; after IF1's removal the video "
                 "filter is re-instantiated on MAG2; no bulk packet lost"
              << (thirdInterface ? "; IF3 joins at MAG3 with the same HNP and MHGID, the third "
                                   "flow on if2, no packet of any flow lost"
                                 : "")
              << "\n";
    Simulator::Destroy();
    return ok ? 0 : 1;
}
