/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * PMIPv6 flow mobility (pmipv6 flow mobility draft 001, RFC 7864): the LMA moves one of two
 * flows of a multi-interface mobile node to its other interface and back, at set times.
 *
 *      CN ---- LMA ---- MAG1 ==csma A== if0 \
 *               \                           lif  MN (one IPv6 interface)
 *                +----- MAG2 ==csma B== if1 /
 *
 * Pmipv6DualAccessDomain: with --access=csma (default) both accesses are CSMA; with
 * --access=wifi access A is IEEE 802.11a (an AP at MAG1, a station as the MN's if0, 54 Mb/s;
 * MAG1 attaches the MN when the station associates, about 0.1 s in) and B stays CSMA. The MN's
 * two devices are behind one LogicalInterfaceNetDevice; if0 attaches to MAG1 at 0.5 s (CSMA),
 * if1 to MAG2 at 1 s.
 *
 * The CN sends two UDP flows to the MN from --trafficStart: "video" (port 9000, 1000-byte
 * datagrams every 10 ms, 0.8 Mb/s) and "bulk" (port 9001, 1400-byte datagrams every 2 ms,
 * 5.6 Mb/s). A ScheduledFlowMovePolicy of the LMA's LmaFlowMobilityExtension moves the bulk
 * flow to the other interface at --moveAt and back at --moveBackAt.
 *
 * --mode=shared  if1 attaches with Handoff Indicator 6 and shares if0's prefix (draft 001
 *                section 3.1 scenario 2, Figure 2): both flows go to the MN's one home
 *                address, by the default binding (BID 1, MAG1, if0); the move binds the bulk
 *                flow to BID 2 (MAG2, if1) in the LMA's flow-binding table, with no signalling.
 * --mode=fmi     a prefix per interface (scenario 1): video goes to the MN's address in
 *                MAG1's prefix (if0), bulk to its address in MAG2's prefix (if1). The move of
 *                bulk to MAG1 is the LMA-initiated move of Figure 5: FMI (add) to MAG1, FMA,
 *                FMI (C = 1, delete) to MAG2, FMA; the move back removes MAG1's state.
 * --mode=upn     the same with RFC 7864: UPN with reason FLOW-MOBILITY / UPA.
 * --mode=prefix  the PBU-triggered move of Figure 4: the MN holds two prefixes, pref1
 *                (video) and pref2 (bulk), both through MAG1 (if0); if1 attaches to MAG2 only
 *                at --moveAt (HI 1) and the LMA's PrefixMoveRule moves pref2 to that new
 *                binding: PBU, PBA [pref2] to MAG2, BRI [P, pref2] to MAG1, BRA. At --moveBackAt
 *                if1 detaches; when its binding is deleted (MinDelayBeforeBCEDelete 50 ms here)
 *                pref2 goes back to MAG1's binding (FlowsOnDetach RebindToDefault): FMI add
 *                [pref2] to MAG1, FMA.
 *
 * Printed: the bindings, the throughput per physical device of the MN and per flow over time
 * (from the logical interface's PhysicalRx trace), the packets of each flow lost around each
 * move (sequence numbers sent vs received), the flow-mobility messages on the wire in order
 * (Mobility Header Rx traces of the LMA and MAGs) and the acknowledgements the LMA's extension
 * traced. --csv=FILE writes the time series (columns of python/pmipv6's time_series(): node,
 * role, interface, device, link, direction, time, bytes, mbps; plus flow). --pcap=1 writes
 * pcaps of every link into the current directory. The exit status is 1, with a "FAIL:" line,
 * when a flow is not on the expected interface, the unmoved flow lost a packet, the moved
 * flow lost one in shared mode, (fmi, upn, prefix) no acknowledged move signalling was seen,
 * or (prefix) no BRI [P] / BRA 0.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6FlowMobility");

namespace
{

/// Sends numbered UDP datagrams (SeqTsHeader) at a constant rate and keeps their send times.
struct FlowSender
{
    Ptr<Socket> socket;                                  ///< the socket
    Inet6SocketAddress remote{Ipv6Address::GetAny(), 0}; ///< destination
    uint32_t size{0};                                    ///< datagram size (bytes)
    Time interval;                                       ///< between datagrams
    Time stop;                                           ///< no datagram from then on
    std::vector<Time> sentAt;                            ///< per sequence number

    /**
     * \brief Start sending.
     * \param node the sending node
     * \param to the destination
     * \param bytes datagram size
     * \param gap interval
     * \param end when to stop
     */
    void Start(Ptr<Node> node, Inet6SocketAddress to, uint32_t bytes, Time gap, Time end)
    {
        socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
        socket->Bind6();
        remote = to;
        size = bytes;
        interval = gap;
        stop = end;
        Next();
    }

    /// \brief Send one datagram, schedule the next.
    void Next()
    {
        if (Simulator::Now() >= stop)
        {
            return;
        }
        SeqTsHeader seq;
        seq.SetSeq(static_cast<uint32_t>(sentAt.size()));
        Ptr<Packet> p = Create<Packet>(size - seq.GetSerializedSize());
        p->AddHeader(seq);
        sentAt.push_back(Simulator::Now());
        socket->SendTo(p, 0, remote);
        Simulator::Schedule(interval, &FlowSender::Next, this);
    }
};

/// Receives the numbered datagrams of one flow at the MN.
struct FlowSink
{
    Ptr<Socket> socket;    ///< the socket
    std::vector<bool> got; ///< per sequence number
    uint32_t received{0};  ///< distinct datagrams received

    /**
     * \brief Open the socket.
     * \param node the MN
     * \param address the local address
     * \param port the local port
     */
    void Open(Ptr<Node> node, Ipv6Address address, uint16_t port)
    {
        socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
        socket->Bind(Inet6SocketAddress(address, port));
        socket->SetRecvCallback(MakeCallback(&FlowSink::Receive, this));
    }

    /**
     * \brief Receive callback.
     * \param s the socket
     */
    void Receive(Ptr<Socket> s)
    {
        while (Ptr<Packet> p = s->Recv())
        {
            SeqTsHeader seq;
            p->RemoveHeader(seq);
            uint32_t n = seq.GetSeq();
            if (n >= got.size())
            {
                got.resize(n + 1, false);
            }
            if (!got[n])
            {
                got[n] = true;
                received++;
            }
        }
    }

    /**
     * \brief Datagrams sent in [from, to) that never arrived.
     * \param sender the flow's sender
     * \param from start
     * \param to end
     * \param sent set to the number sent in [from, to)
     * \return the number lost
     */
    uint32_t Lost(const FlowSender& sender, Time from, Time to, uint32_t& sent) const
    {
        uint32_t lost = 0;
        sent = 0;
        for (uint32_t n = 0; n < sender.sentAt.size(); ++n)
        {
            if (sender.sentAt[n] >= from && sender.sentAt[n] < to)
            {
                sent++;
                lost += (n < got.size() && got[n]) ? 0 : 1;
            }
        }
        return lost;
    }
};

/// Downlink UDP packets per physical device of the MN and per flow (port): arrival times,
/// and bytes per bin.
struct Meter
{
    Time bin;                                                            ///< bin width
    std::map<std::pair<uint32_t, uint16_t>, std::vector<Time>> arrivals; ///< (device, port)
    std::map<std::tuple<uint32_t, uint16_t, int64_t>, uint64_t> bytes;   ///< (dev, port, bin)

    /**
     * \brief PhysicalRx sink of the logical interface (the packet starts at its IPv6 header).
     * \param p the packet
     * \param device the physical device
     */
    void Received(Ptr<const Packet> p, uint32_t device)
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
        uint16_t port = udp.GetDestinationPort();
        arrivals[{device, port}].push_back(Simulator::Now());
        bytes[{device, port, Simulator::Now().GetNanoSeconds() / bin.GetNanoSeconds()}] +=
            p->GetSize();
    }

    /**
     * \brief Packets of a flow that arrived on a device in [from, to).
     * \param device the device
     * \param port the flow
     * \param from start
     * \param to end
     * \return the count
     */
    uint32_t Packets(uint32_t device, uint16_t port, Time from, Time to) const
    {
        uint32_t n = 0;
        auto it = arrivals.find({device, port});
        if (it != arrivals.end())
        {
            for (const Time& t : it->second)
            {
                n += (t >= from && t < to) ? 1 : 0;
            }
        }
        return n;
    }

    /**
     * \brief Bytes of a flow on a device in one bin.
     * \param device the device
     * \param port the flow
     * \param b the bin
     * \return the bytes
     */
    uint64_t Bytes(uint32_t device, uint16_t port, int64_t b) const
    {
        auto it = bytes.find({device, port, b});
        return it == bytes.end() ? 0 : it->second;
    }
};

/// The flow-mobility messages the LMA and the MAGs receive, in order.
struct Wire
{
    std::map<Ipv6Address, std::string> names; ///< agent names
    std::vector<std::string> messages;        ///< "KIND SRC>DST"
    std::map<std::string, uint32_t> count;    ///< per kind (FMI, FMA, UPN, UPA, BRI, ...)
    bool prefixMode{false};                   ///< also PBU, PBA (after 1 s)

    /**
     * \brief Mobility Header Rx sink.
     * \param p the message
     * \param src source
     * \param dst destination
     */
    void Rx(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst)
    {
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        if (b.size() < 10)
        {
            return;
        }
        std::string kind;
        std::string detail;
        if (b[2] == mip6::MH_FLOW_MOBILITY)
        {
            kind = (b[8] & mip6::FM_FLAG_I) ? "FMI" : "FMA";
            detail = kind == "FMA"               ? "(" + std::to_string(b[9]) + ")"
                     : (b[8] & mip6::FMI_FLAG_C) ? "(del)"
                     : (b[8] & mip6::FMI_FLAG_R) ? "(refresh)"
                                                 : "(add)";
        }
        else if (b[2] == mip6::MH_UPDATE_NOTIFICATION)
        {
            UpdateNotificationHeader upn;
            p->PeekHeader(upn);
            kind = "UPN";
            detail = upn.GetOptions().Find<HomeNetworkPrefixOption>() ? "(add)" : "(del)";
        }
        else if (b[2] == mip6::MH_UPDATE_NOTIFICATION_ACK)
        {
            kind = "UPA";
            detail = "(" + std::to_string(b[8]) + ")";
        }
        else if (b[2] == mip6::MH_BINDING_REVOCATION && b.size() >= 12)
        {
            // Figure 4's per-prefix revocation (the prefix mode); RFC 5846: type, trigger or
            // status, sequence, then the P flag
            kind = b[6] == mip6::BR_INDICATION ? "BRI" : "BRA";
            detail =
                kind == "BRI" ? ((b[10] & 0x80) ? "(P)" : "()") : "(" + std::to_string(b[7]) + ")";
        }
        else if (prefixMode && (b[2] == mip6::MH_BINDING_UPDATE || b[2] == mip6::MH_BINDING_ACK) &&
                 Simulator::Now() > Seconds(1))
        {
            // Figure 4's PBU / PBA (after the first registration)
            kind = b[2] == mip6::MH_BINDING_UPDATE ? "PBU" : "PBA";
            if (kind == "PBA")
            {
                BindingAckHeader pba;
                p->PeekHeader(pba);
                detail = "(" + std::to_string(pba.GetStatus()) + ") [";
                for (const auto& hnp : pba.GetOptions().FindAll<HomeNetworkPrefixOption>())
                {
                    std::ostringstream h;
                    h << hnp->GetPrefix();
                    detail += (detail.back() == '[' ? "" : " ") + h.str();
                }
                detail += "]";
            }
        }
        else
        {
            return;
        }
        count[kind]++;
        std::ostringstream os;
        os << kind << detail << " " << names[src] << ">" << names[dst] << " at " << std::fixed
           << std::setprecision(3) << Simulator::Now().GetMicroSeconds() / 1000.0 << " ms";
        messages.push_back(os.str());
    }
};

/// What the LMA's extension traced of the moves.
struct Moves
{
    std::vector<std::pair<Time, uint16_t>> bound; ///< FlowMoved: (when, target BID)
    uint32_t acks{0};                             ///< MoveReply with status 0
    uint32_t failed{0};                           ///< MoveFailed

    /**
     * \brief FlowMoved sink.
     * \param fid the flow
     * \param bid the target BID
     */
    void Moved(const std::string& /* mnId */, uint16_t /* fid */, uint16_t bid)
    {
        bound.emplace_back(Simulator::Now(), bid);
    }

    /**
     * \brief MoveReply sink.
     * \param status the reply's status
     */
    void Reply(const std::string& /* mnId */,
               uint16_t /* fid */,
               Ipv6Address /* mag */,
               uint8_t /* mhType */,
               bool /* remove */,
               uint8_t status)
    {
        acks += status == 0 ? 1 : 0;
    }

    /// \brief MoveFailed sink.
    void Failed(const std::string& /* mnId */,
                uint16_t /* fid */,
                Ipv6Address /* mag */,
                uint8_t /* status */)
    {
        failed++;
    }
};

} // namespace

int
main(int argc, char* argv[])
{
    std::string mode = "fmi";
    double simTime = 10.0;
    double trafficStart = 2.0;
    double moveAt = 4.0;
    double moveBackAt = 7.0;
    double videoInterval = 0.01;
    double bulkInterval = 0.002;
    double bin = 0.5;
    double settle = 0.2;
    double lossWindow = 1.0;
    std::string csv;
    bool pcap = false;
    std::string access = "csma";

    CommandLine cmd(__FILE__);
    cmd.AddValue("mode", "shared, fmi, upn or prefix (see the file's comment)", mode);
    cmd.AddValue("simTime", "Simulated time (s); the flows stop 1 s before", simTime);
    cmd.AddValue("trafficStart", "When the two flows start (s)", trafficStart);
    cmd.AddValue("moveAt", "When the LMA moves the bulk flow to the other interface (s)", moveAt);
    cmd.AddValue("moveBackAt", "When the LMA moves it back (s)", moveBackAt);
    cmd.AddValue("videoInterval", "Interval between 1000-byte video datagrams (s)", videoInterval);
    cmd.AddValue("bulkInterval", "Interval between 1400-byte bulk datagrams (s)", bulkInterval);
    cmd.AddValue("bin", "Width of the throughput bins (s)", bin);
    cmd.AddValue("settle",
                 "Time after a move before only the new interface may carry it (s)",
                 settle);
    cmd.AddValue("lossWindow",
                 "Losses counted for datagrams sent in [move, move + this) (s)",
                 lossWindow);
    cmd.AddValue("csv", "Write the per-interface time series to this CSV file", csv);
    cmd.AddValue("pcap", "Write pcap files into the current directory", pcap);
    cmd.AddValue("access", "csma or wifi: the link of the MN's first access (MAG1)", access);
    cmd.Parse(argc, argv);
    NS_ABORT_MSG_IF(access != "csma" && access != "wifi", "--access must be csma or wifi");
    NS_ABORT_MSG_IF(mode != "shared" && mode != "fmi" && mode != "upn" && mode != "prefix",
                    "--mode must be shared, fmi, upn or prefix");
    NS_ABORT_MSG_IF(!(trafficStart + settle < moveAt && moveAt + settle < moveBackAt &&
                      moveBackAt + settle < simTime - 1),
                    "need trafficStart < moveAt < moveBackAt < simTime - 1, settle apart");
    const bool shared = mode == "shared";
    const bool prefixMove = mode == "prefix"; // Figure 4
    const HomeNetworkPrefix pref[2] = {{Ipv6Address("2001:2:a::"), 64},
                                       {Ipv6Address("2001:2:b::"), 64}};

    Pmipv6DualAccessDomain d("mn-flow@pmipv6.example",
                             access == "wifi" ? Pmipv6DualAccessDomain::WIFI_FIRST_ACCESS
                                              : Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS);
    Ptr<LmaFlowMobilityExtension> fm = CreateObject<LmaFlowMobilityExtension>();
    if (prefixMove)
    {
        // the MN's two static prefixes; pref2 moves to the binding of a new interface
        Ptr<Pmipv6ProfileStore> store = d.pmip.GetProfileStore();
        Pmipv6Profile profile = *store->Lookup(d.mnId);
        profile.homeNetworkPrefixes = {pref[0], pref[1]};
        store->RemoveProfile(d.mnId);
        store->AddProfile(profile);
        Ptr<PrefixMoveRule> rule = CreateObject<PrefixMoveRule>();
        rule->AddPrefix(pref[1]);
        fm->SetAttribute("PrefixMoveRule", PointerValue(rule));
        // no default BID: pref2's packets follow the binding that holds pref2
        fm->SetAttribute("PrefixMode", EnumValue(LmaFlowMobilityExtension::PER_INTERFACE_PREFIX));
        d.lmaApp->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(MilliSeconds(50)));
        for (uint32_t k = 0; k < 2; ++k)
        {
            d.magApp[k]->AddExtension(CreateObject<MagFlowMobilityExtension>());
        }
    }
    else if (!shared)
    {
        fm->SetAttribute("PrefixMode", EnumValue(LmaFlowMobilityExtension::PER_INTERFACE_PREFIX));
        fm->SetAttribute("MoveSignalling", StringValue(mode == "fmi" ? "FMI" : "UPN"));
        for (uint32_t k = 0; k < 2; ++k)
        {
            d.magApp[k]->AddExtension(CreateObject<MagFlowMobilityExtension>());
        }
    }
    d.lmaApp->AddExtension(fm);
    Simulator::Schedule(Seconds(0.5),
                        &Pmipv6DualAccessDomain::Attach,
                        &d,
                        0,
                        mip6::HI_NEW_INTERFACE);
    Simulator::Schedule(Seconds(prefixMove ? moveAt : 1.0),
                        &Pmipv6DualAccessDomain::Attach,
                        &d,
                        1,
                        shared ? mip6::HI_NEW_INTERFACE_SHARED_PREFIX : mip6::HI_NEW_INTERFACE);
    if (prefixMove)
    {
        Simulator::Schedule(Seconds(moveBackAt), &Pmipv6DualAccessDomain::Detach, &d, 1);
    }

    // video (flow 0) stays; bulk (flow 1) moves from device `home[1]` to the other and back
    const uint16_t ports[2] = {9000, 9001};
    const char* names[2] = {"video", "bulk"};
    const uint32_t sizes[2] = {1000, 1400};
    const double gaps[2] = {videoInterval, bulkInterval};
    const uint32_t homeDev[2] = {0, (shared || prefixMove) ? 0u : 1u}; // where each starts
    const uint32_t movedTo = 1 - homeDev[1];

    TrafficSelector bulk;
    bulk.SetDestinationPort(ports[1]);
    Ptr<ScheduledFlowMovePolicy> policy = CreateObject<ScheduledFlowMovePolicy>();
    if (!prefixMove) // the prefix mode's moves follow if1's attachment and detachment
    {
        policy->AddStep(Seconds(moveAt), d.mnId, bulk, d.proxyCoa[movedTo]);
        policy->AddStep(Seconds(moveBackAt), d.mnId, bulk, d.proxyCoa[homeDev[1]]);
        fm->AddPolicy(policy);
    }

    Moves moves;
    fm->TraceConnectWithoutContext("FlowMoved", MakeCallback(&Moves::Moved, &moves));
    fm->TraceConnectWithoutContext("MoveReply", MakeCallback(&Moves::Reply, &moves));
    fm->TraceConnectWithoutContext("MoveFailed", MakeCallback(&Moves::Failed, &moves));
    Meter meter;
    meter.bin = Seconds(bin);
    d.lif->TraceConnectWithoutContext("PhysicalRx", MakeCallback(&Meter::Received, &meter));
    Wire wire;
    wire.prefixMode = prefixMove;
    Simulator::Schedule(Seconds(0.2), [&]() {
        // the Mobility Header protocol exists once the agents have started
        wire.names[d.lmaAddress] = "LMA";
        wire.names[d.proxyCoa[0]] = "MAG1";
        wire.names[d.proxyCoa[1]] = "MAG2";
        Ptr<Node> agents[3] = {d.lma.Get(0), d.mags.Get(0), d.mags.Get(1)};
        for (const auto& n : agents)
        {
            n->GetObject<MobilityL4Protocol>()->TraceConnectWithoutContext(
                "Rx",
                MakeCallback(&Wire::Rx, &wire));
        }
    });

    uint16_t bids[2] = {0, 0};
    Ipv6Address address[2];
    bool started = false;
    FlowSender sender[2];
    FlowSink sink[2];
    Simulator::Schedule(Seconds(trafficStart), [&]() {
        HomeNetworkPrefix prefix[2];
        for (const auto& e : d.lmaApp->GetBindingCache()->FindByMnId(d.mnId))
        {
            for (uint32_t k = 0; k < 2; ++k)
            {
                if (e->proxyCoa == d.proxyCoa[k] && !e->homeNetworkPrefixes.empty())
                {
                    prefix[k] = e->homeNetworkPrefixes[0];
                }
            }
        }
        if (prefixMove)
        {
            prefix[0] = pref[0];
            prefix[1] = pref[1];
        }
        for (uint32_t k = 0; k < (prefixMove ? 1 : 2); ++k)
        {
            bids[k] = fm->GetBindingId(d.mnId, d.proxyCoa[k]);
            if (bids[k] == 0 || prefix[k].IsUnspecified())
            {
                std::cout << "the MN is not registered through both MAGs: no traffic\n";
                return;
            }
        }
        started = true;
        for (uint32_t f = 0; f < 2; ++f)
        {
            // shared: one home address; per interface: flow f to the prefix of MAG f+1
            address[f] = Pmipv6Helper::GetHomeAddress(d.lif, prefix[shared ? 0 : f]);
            sink[f].Open(d.mn.Get(0), address[f], ports[f]);
            sender[f].Start(d.cn.Get(0),
                            Inet6SocketAddress(address[f], ports[f]),
                            sizes[f],
                            Seconds(gaps[f]),
                            Seconds(simTime - 1));
        }
    });

    if (pcap)
    {
        d.EnablePcap("pmipv6-flow-mobility-" + mode + (access == "wifi" ? "-wifi" : ""));
    }
    Simulator::Stop(Seconds(simTime));
    Simulator::Run();

    std::vector<std::string> failures;
    std::cout << "PMIPv6 flow mobility, mode " << mode << " (RngRun " << RngSeedManager::GetRun()
              << "); if0 " << (access == "wifi" ? "IEEE 802.11a" : "CSMA") << ", if1 CSMA\n"
              << "  bindings: MAG1 BID " << bids[0] << ", MAG2 BID " << bids[1] << "\n";
    if (!started)
    {
        failures.push_back("the MN did not register through both MAGs");
    }
    for (uint32_t f = 0; started && f < 2; ++f)
    {
        std::cout << "  " << names[f] << " (port " << ports[f] << ") to " << address[f]
                  << ", starts on if" << homeDev[f] << "\n";
    }
    std::cout << "  bulk moved to if" << movedTo << " (MAG" << movedTo + 1 << ") at " << moveAt
              << " s, back to if" << homeDev[1] << " at " << moveBackAt << " s; the LMA bound it:";
    for (const auto& m : moves.bound)
    {
        std::cout << " BID " << m.second << " at " << std::fixed << std::setprecision(3)
                  << m.first.GetMicroSeconds() / 1000.0 << " ms;";
    }
    std::cout.unsetf(std::ios::fixed);
    std::cout << std::setprecision(6) << "\n";

    std::ofstream out;
    if (!csv.empty())
    {
        out.open(csv);
        out << "node,role,interface,device,link,direction,time,bytes,mbps,flow\n";
    }
    if (started)
    {
        std::cout << "  downlink throughput (Mb/s) per " << bin << " s bin, per MN device\n"
                  << "     time  video@if0 video@if1  bulk@if0  bulk@if1\n";
        const int64_t first = Seconds(trafficStart).GetNanoSeconds() / meter.bin.GetNanoSeconds();
        const int64_t last = Seconds(simTime).GetNanoSeconds() / meter.bin.GetNanoSeconds();
        for (int64_t b = first; b < last; ++b)
        {
            std::cout << std::fixed << std::setprecision(2) << "  " << std::setw(7)
                      << (meter.bin * b).GetSeconds();
            for (uint32_t f = 0; f < 2; ++f)
            {
                for (uint32_t dev = 0; dev < 2; ++dev)
                {
                    uint64_t bytes = meter.Bytes(dev, ports[f], b);
                    double mbps = bytes * 8.0 / bin / 1e6;
                    std::cout << std::setw(10) << mbps;
                    if (out.is_open())
                    {
                        out << "mn,mn,if" << dev << "," << dev << ",access,rx,"
                            << (meter.bin * b).GetSeconds() << "," << bytes << "," << mbps << ","
                            << names[f] << "\n";
                    }
                }
            }
            std::cout << "\n";
        }
        std::cout.unsetf(std::ios::fixed);

        // where each flow must be: [from, to) -> device
        Time start = Seconds(trafficStart);
        Time move = Seconds(moveAt);
        Time back = Seconds(moveBackAt);
        Time end = Seconds(simTime);
        Time s = Seconds(settle);

        struct Expect
        {
            uint32_t flow;
            Time from;
            Time to;
            uint32_t device;
            const char* what;
        };

        const Expect expected[] = {
            {0, start, end, homeDev[0], "video, all the run"},
            {1, start, move, homeDev[1], "bulk, before the move"},
            {1, move + s, back, movedTo, "bulk, after the move"},
            {1, back + s, end, homeDev[1], "bulk, after the move back"},
        };
        for (const auto& e : expected)
        {
            uint32_t here = meter.Packets(e.device, ports[e.flow], e.from, e.to);
            uint32_t there = meter.Packets(1 - e.device, ports[e.flow], e.from, e.to);
            if (here == 0 || there != 0)
            {
                std::ostringstream os;
                os << e.what << ": " << here << " packets on if" << e.device << " (expected), "
                   << there << " on if" << 1 - e.device;
                failures.push_back(os.str());
            }
        }

        std::cout << "  datagrams lost (sent in [move, move + " << lossWindow << " s))\n";
        const Time at[2] = {move, back};
        const char* label[2] = {"move", "move back"};
        for (uint32_t m = 0; m < 2; ++m)
        {
            std::cout << "    " << std::setw(9) << label[m] << " at " << at[m].GetSeconds()
                      << " s:";
            for (uint32_t f = 0; f < 2; ++f)
            {
                uint32_t sent = 0;
                uint32_t lost = sink[f].Lost(sender[f], at[m], at[m] + Seconds(lossWindow), sent);
                std::cout << " " << names[f] << " " << lost << " of " << sent << ";";
            }
            std::cout << "\n";
        }
        for (uint32_t f = 0; f < 2; ++f)
        {
            uint32_t sent = sender[f].sentAt.size();
            uint32_t lost = sent - sink[f].received;
            std::cout << "    whole run: " << names[f] << " " << sink[f].received << " of " << sent
                      << " received, " << lost << " lost\n";
            if (sent == 0 || ((f == 0 || shared) && lost != 0))
            {
                failures.push_back(std::string(names[f]) + " lost " + std::to_string(lost) +
                                   " of " + std::to_string(sent) + " datagrams");
            }
        }
    }

    std::cout << "  flow-mobility messages on the wire:";
    for (const char* kind : {"FMI", "FMA", "UPN", "UPA", "PBU", "PBA", "BRI", "BRA"})
    {
        std::cout << " " << kind << " " << wire.count[kind] << ";";
    }
    std::cout << " acknowledged (status 0) at the LMA: " << moves.acks << ", failed moves "
              << moves.failed << "\n";
    for (const auto& m : wire.messages)
    {
        std::cout << "    " << m << "\n";
    }
    if (shared && !wire.messages.empty())
    {
        failures.push_back("flow-mobility signalling in shared-prefix mode");
    }
    if (!shared && (moves.acks == 0 || wire.messages.empty()))
    {
        failures.push_back("no acknowledged flow-mobility signalling");
    }
    if (moves.failed != 0)
    {
        failures.push_back(std::to_string(moves.failed) + " failed moves");
    }
    if (prefixMove)
    {
        bool bri = false;
        bool bra = false;
        for (const auto& m : wire.messages)
        {
            bri = bri || m.rfind("BRI(P) LMA>MAG1", 0) == 0;
            bra = bra || m.rfind("BRA(0) MAG1>LMA", 0) == 0;
        }
        if (!bri || !bra)
        {
            failures.push_back("no BRI [P] to MAG1 answered by BRA 0 (Figure 4)");
        }
    }
    if (!prefixMove && moves.bound.size() != 2)
    {
        failures.push_back("the LMA bound the bulk flow " + std::to_string(moves.bound.size()) +
                           " times, expected 2");
    }

    if (out.is_open())
    {
        std::cout << "  time series written to " << csv << "\n";
    }
    for (const auto& f : failures)
    {
        std::cout << "FAIL: " << f << "\n";
    }
    if (failures.empty())
    {
        std::cout << "PASS: bulk moved to if" << movedTo << " and back, video untouched"
                  << (shared ? ", nothing lost, no signalling\n" : ", moves acknowledged\n");
    }
    Simulator::Destroy();
    return failures.empty() ? 0 : 1;
}
