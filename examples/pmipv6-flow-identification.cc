/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Flow identification at the LMA (draft-soliman-monami6-flow-binding-05 sections 3-5 and 8,
 * with the home agent's role taken by the LMA; or RFC 6089's options with --option=45).
 *
 *      CN ---- LMA ---- MAG1 ==csma== if0 \
 *               \                          lif  MN (one IPv6 interface, one home address)
 *                +----- MAG2 ==csma== if1 /
 *
 * if0 attaches to MAG1 (BID 1, BID-PRI 20), if1 to MAG2 with HI 6 (BID 2, BID-PRI 10: the
 * default binding). MAG1 then sends, in PBUs, Flow Identification options for the flows the
 * CN sends to the MN's home address:
 *   port 5001  FID 1  PRI 10  forward (no Binding Reference: MAG1's own binding, BID 1)
 *   port 5002  FID 2  PRI 10  discard (dropped at the LMA)
 *   port 5003  FID 3  PRI 10  n-cast to BIDs 1 and 2 (a copy through each MAG)
 *   5004-5005  FID 4  PRI 20  forward to BID 1
 *   port 5005  FID 5  PRI 10  forward to BID 2 (overlaps FID 4; PRI 10 wins)
 *   port 5009  no flow binding: the default binding (BID 2)
 * At --moveAt MAG1 replaces FID 1 (forward to BID 2); at --removeAt it removes FID 2. Printed:
 * the LMA's per-flow statuses, then per flow and phase the packets sent and received on each
 * of the MN's devices, the LMA's discards. The exit status is non-zero when a flow is not
 * where its binding puts it or a forwarded packet is lost.
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
#include <tuple>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6FlowIdentification");

namespace
{

uint32_t g_phase = 0;                                              ///< 0 setup, 1 moved, 2 removed
std::map<std::pair<uint32_t, uint16_t>, uint32_t> g_sent;          ///< (phase, port)
std::map<std::tuple<uint32_t, uint32_t, uint16_t>, uint32_t> g_rx; ///< (phase, device, port)
std::map<uint16_t, uint32_t> g_sentTotal;                          ///< per port
std::map<uint16_t, uint32_t> g_rxTotal;                            ///< per port, all devices
Ipv6Address g_home;                                                ///< the MN's home address
Time g_stop;                                                       ///< sending ends

/**
 * \brief Send one datagram and schedule the next.
 * \param s the CN's socket
 * \param port the destination port
 */
void
Send(Ptr<Socket> s, uint16_t port)
{
    if (Simulator::Now() >= g_stop)
    {
        return;
    }
    g_sent[{g_phase, port}]++;
    g_sentTotal[port]++;
    s->SendTo(Create<Packet>(200), 0, Inet6SocketAddress(g_home, port));
    Simulator::Schedule(MilliSeconds(10), &Send, s, port);
}

/**
 * \brief PhysicalRx of the MN's logical interface: UDP per (phase, device, port).
 * \param p the packet
 * \param device the physical device
 */
void
MnRx(Ptr<const Packet> p, uint32_t device)
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
    g_rx[{g_phase, device, udp.GetDestinationPort()}]++;
    g_rxTotal[udp.GetDestinationPort()]++;
}

/**
 * \brief Print one answered option.
 * \param mnId the MN
 * \param fid the FID
 * \param pro the operation
 * \param status the status
 */
void
FlowOption(const std::string& mnId, uint16_t fid, uint8_t pro, uint8_t status)
{
    if (pro == mip6::FBID_PRO_REFRESH)
    {
        return;
    }
    std::cout << std::fixed << std::setprecision(3) << Simulator::Now().GetSeconds()
              << " s  LMA: " << mnId << " FID " << fid << " PRO " << +pro << " -> status "
              << +status << "\n";
}

/**
 * \brief A flow.
 * \param fid FID
 * \param priority PRI
 * \param action mip6::FbidAction
 * \param portStart first destination port
 * \param portEnd last destination port
 * \param bids Binding Reference
 * \return the flow
 */
MagFlowIdentificationExtension::Flow
MakeFlow(uint16_t fid,
         uint16_t priority,
         uint8_t action,
         uint16_t portStart,
         uint16_t portEnd,
         const std::vector<uint16_t>& bids)
{
    MagFlowIdentificationExtension::Flow f;
    f.fid = fid;
    f.priority = priority;
    f.action = action;
    f.hasDescription = true;
    if (portStart == portEnd)
    {
        f.selector.SetDestinationPort(portStart);
    }
    else
    {
        f.selector.SetDestinationPortRange(portStart, portEnd);
    }
    f.bids = bids;
    return f;
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t option = mip6::OPT_FB_FLOW_IDENTIFICATION;
    bool pcap = false;
    double moveAt = 4.0;
    double removeAt = 6.0;
    double simTime = 8.0;
    CommandLine cmd(__FILE__);
    cmd.AddValue("option", "Flow Identification option: 243 (draft) or 45 (RFC 6089)", option);
    cmd.AddValue("pcap", "write pcap files of every link", pcap);
    cmd.AddValue("moveAt", "when MAG1 moves FID 1 to BID 2 (s)", moveAt);
    cmd.AddValue("removeAt", "when MAG1 removes FID 2, the discard (s)", removeAt);
    cmd.AddValue("simTime", "simulation time (s)", simTime);
    cmd.Parse(argc, argv);
    if (option != mip6::OPT_FB_FLOW_IDENTIFICATION && option != mip6::OPT_FLOW_IDENTIFICATION)
    {
        std::cerr << "--option must be 243 or 45\n";
        return 2;
    }
    if (!(moveAt > 2.5 && removeAt > moveAt + 0.5 && simTime > removeAt + 1))
    {
        std::cerr << "need 2.5 < moveAt, moveAt + 0.5 < removeAt, removeAt + 1 < simTime\n";
        return 2;
    }

    Pmipv6DualAccessDomain d("mn@flow-identification.example");
    Ptr<LmaFlowIdentificationExtension> lmaExt = CreateObject<LmaFlowIdentificationExtension>();
    d.lmaApp->AddExtension(lmaExt);
    lmaExt->TraceConnectWithoutContext("FlowOption", MakeCallback(&FlowOption));
    Ptr<MagFlowIdentificationExtension> magExt[2];
    const uint8_t bidPriority[2] = {20, 10};
    for (uint32_t k = 0; k < 2; ++k)
    {
        magExt[k] = CreateObject<MagFlowIdentificationExtension>();
        magExt[k]->SetAttribute("OptionType", UintegerValue(option));
        magExt[k]->SetAttribute("BidPriority", UintegerValue(bidPriority[k]));
        d.magApp[k]->AddExtension(magExt[k]);
    }
    d.lif->TraceConnectWithoutContext("PhysicalRx", MakeCallback(&MnRx));
    if (pcap)
    {
        d.EnablePcap("pmipv6-flow-identification");
    }
    const std::string mn = d.mnId;
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
    const uint8_t FWD = mip6::FBID_ACTION_FORWARD;
    Simulator::Schedule(Seconds(1.5), [&]() {
        magExt[0]->AddFlow(mn, MakeFlow(1, 10, FWD, 5001, 5001, {}));
        magExt[0]->AddFlow(mn, MakeFlow(2, 10, mip6::FBID_ACTION_DISCARD, 5002, 5002, {}));
        magExt[0]->AddFlow(mn, MakeFlow(3, 10, mip6::FBID_ACTION_N_CAST, 5003, 5003, {1, 2}));
        magExt[0]->AddFlow(mn, MakeFlow(4, 20, FWD, 5004, 5005, {1}));
        magExt[0]->AddFlow(mn, MakeFlow(5, 10, FWD, 5005, 5005, {2}));
    });
    const std::vector<uint16_t> ports = {5001, 5002, 5003, 5004, 5005, 5009};
    std::vector<Ptr<Socket>> sockets;
    g_stop = Seconds(simTime - 0.5);
    Simulator::Schedule(Seconds(2), [&]() {
        auto all = d.lmaApp->GetBindingCache()->FindByMnId(mn);
        if (all.empty() || all[0]->homeNetworkPrefixes.empty())
        {
            return;
        }
        g_home = Pmipv6Helper::GetHomeAddress(d.lif, all[0]->homeNetworkPrefixes[0]);
        std::cout << "2.000 s  MN home address " << g_home << ", default binding BID "
                  << lmaExt->GetDefaultBindingId(mn) << ", MAG1 BID " << magExt[0]->GetBindingId(mn)
                  << ", MAG2 BID " << magExt[1]->GetBindingId(mn) << "\n";
        for (uint16_t port : ports)
        {
            Ptr<Socket> sink = Socket::CreateSocket(d.mn.Get(0), UdpSocketFactory::GetTypeId());
            sink->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), port));
            Ptr<Socket> s = Socket::CreateSocket(d.cn.Get(0), UdpSocketFactory::GetTypeId());
            s->Bind();
            sockets.push_back(sink);
            sockets.push_back(s);
            Send(s, port);
        }
    });
    // a phase ends 50 ms before the change (nothing in flight is counted in the wrong one)
    Simulator::Schedule(Seconds(moveAt) - MilliSeconds(50), []() { g_phase = 9; });
    Simulator::Schedule(Seconds(moveAt), [&]() {
        magExt[0]->ModifyFlow(mn, MakeFlow(1, 10, FWD, 5001, 5001, {2}));
    });
    Simulator::Schedule(Seconds(moveAt) + MilliSeconds(50), []() { g_phase = 1; });
    Simulator::Schedule(Seconds(removeAt) - MilliSeconds(50), []() { g_phase = 9; });
    Simulator::Schedule(Seconds(removeAt), [&]() { magExt[0]->RemoveFlow(mn, 2); });
    Simulator::Schedule(Seconds(removeAt) + MilliSeconds(50), []() { g_phase = 2; });
    Simulator::Stop(Seconds(simTime));
    Simulator::Run();

    const char* names[3] = {"flows set up", "FID 1 moved to BID 2", "FID 2 (discard) removed"};
    std::cout << "\nper flow and phase: sent, received on if0 (MAG1) / if1 (MAG2)\n";
    for (uint32_t ph = 0; ph < 3; ++ph)
    {
        std::cout << "phase " << ph << " (" << names[ph] << ")\n";
        for (uint16_t port : ports)
        {
            std::cout << "  port " << port << ": sent " << std::setw(4) << g_sent[{ph, port}]
                      << "  if0 " << std::setw(4) << g_rx[{ph, 0, port}] << "  if1 " << std::setw(4)
                      << g_rx[{ph, 1, port}] << "\n";
        }
    }
    uint64_t discards = d.lmaApp->GetRouting()->GetFlowDiscardCount();
    std::cout << "LMA discards (flow bindings): " << discards << "\n";

    // where the bindings put the flows
    bool ok = true;
    auto expect = [&ok](bool cond, const std::string& what) {
        std::cout << (cond ? "  ok    " : "  FAIL  ") << what << "\n";
        ok = ok && cond;
    };
    auto s = [](uint32_t ph, uint16_t port) { return g_sent[{ph, port}]; };
    auto rx = [](uint32_t ph, uint32_t dev, uint16_t port) { return g_rx[{ph, dev, port}]; };
    std::cout << "\nchecks\n";
    expect(s(0, 5001) > 0 && rx(0, 0, 5001) == s(0, 5001) && rx(0, 1, 5001) == 0,
           "5001 forward: MAG1's own binding (BID 1)");
    expect(rx(0, 0, 5002) + rx(0, 1, 5002) + rx(1, 0, 5002) + rx(1, 1, 5002) == 0 && discards > 0,
           "5002 discard: dropped at the LMA");
    expect(rx(0, 0, 5003) == s(0, 5003) && rx(0, 1, 5003) == s(0, 5003),
           "5003 n-cast: one copy through each MAG");
    expect(rx(0, 0, 5004) == s(0, 5004) && rx(0, 1, 5004) == 0, "5004: the range, BID 1");
    expect(rx(0, 1, 5005) == s(0, 5005) && rx(0, 0, 5005) == 0,
           "5005: PRI 10 (BID 2) beats the range's PRI 20");
    expect(rx(0, 1, 5009) == s(0, 5009) && rx(0, 0, 5009) == 0,
           "5009: no flow binding, the default binding (BID 2, BID-PRI 10)");
    expect(rx(1, 1, 5001) == s(1, 5001) && rx(1, 0, 5001) == 0, "5001 after the move: BID 2");
    expect(rx(2, 1, 5002) == s(2, 5002), "5002 after the removal: the default binding");
    for (uint16_t port : {5001, 5004, 5005, 5009})
    {
        expect(g_rxTotal[port] == g_sentTotal[port],
               "no loss on port " + std::to_string(port) + " (" + std::to_string(g_rxTotal[port]) +
                   "/" + std::to_string(g_sentTotal[port]) + ")");
    }
    Simulator::Destroy();
    std::cout << (ok ? "\nall flows where their bindings put them\n" : "\nFAILED\n");
    return ok ? 0 : 1;
}
