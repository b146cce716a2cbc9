/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * LMA-initiated flow binding (draft-sarikaya-netext-lma-init-flow-binding-00) on a
 * two-interface mobile node with two MAGs and two LMAs (Pmipv6LmaFlowBindingDomain):
 *
 *      CN ---- LMA1 ---- MAG1 ==csma== phys[0] \
 *              | \                              lif  MN
 *              |  +----- MAG2 ==csma== phys[1] /
 *             LMA2
 *
 * The MN attaches over both interfaces (each with its own prefix from LMA1); the CN sends a
 * UDP flow to port 5000 (FID 7) and another to port 6000. A script of operations at LMA1:
 *   3 s add FID 7 at MAG1, 5 s modify (PRI 5, to MAG2), 7 s refresh, 9 s move to MAG1,
 *   11 s delete, 13 s add again at MAG2, 15 s switch to LMA2.
 * Each flow-binding message is printed as it arrives ("wire:"), and after each step the flow
 * bindings lists of both LMAs and both MAGs are printed with the interface the flow's last
 * datagram arrived on. The program exits with status 1 when a step does not end as the draft
 * says.
 *
 * Options: --pcap=1 writes pcap files (pmipv6-lma-flow-binding-*.pcap) into the current
 * directory; --encoding=fbi sends the operations as RFC 7109 FBI / FBA (MH type 21) instead
 * of the draft's PFBI / PFBA (--encoding=pfbi, the default).
 */

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"

#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6LmaFlowBinding");

namespace
{

Pmipv6LmaFlowBindingDomain* g_d = nullptr;  ///< the domain
Ptr<Socket> g_cn;                           ///< CN socket
Ipv6Address g_home;                         ///< MN address (MAG1 prefix)
Ipv6Address g_home2;                        ///< MN address (LMA2 prefix, after the switch)
int32_t g_lastPort[2] = {-1, -1};           ///< phys port the last datagram of 5000 came on
                                            ///< (to LMA1's prefix, to LMA2's prefix)
bool g_ok = true;                           ///< every step as expected
std::map<Ipv6Address, std::string> g_names; ///< agent names for the wire log

/**
 * \brief Mobility Header Rx of an agent: print the flow-binding messages (and the PBUs that
 * carry a flow).
 * \param p the message
 * \param src its source
 * \param dst its destination
 */
void
WireRx(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    const size_t fixed = 12; // common part (6) and the longest fixed part (FBI, FBA: 6)
    if (b.size() < fixed)
    {
        return;
    }
    std::string kind;
    if (b[2] == mip6::MH_PROXY_FLOW_BINDING_INDICATION)
    {
        ProxyFlowBindingIndicationHeader pfbi;
        p->PeekHeader(pfbi);
        Ptr<FlowAttributeOption> fa = pfbi.GetOptions().Find<FlowAttributeOption>();
        kind = "PFBI [" + LmaFlowBindingExtension::ProName(fa ? fa->GetPro() : 0) + "]";
    }
    else if (b[2] == mip6::MH_PROXY_FLOW_BINDING_ACK)
    {
        kind = "PFBA status " + std::to_string(b[8]);
    }
    else if (b[2] == mip6::MH_FLOW_BINDING && b[6] == mip6::FB_INDICATION)
    {
        FlowBindingIndicationHeader fbi;
        p->PeekHeader(fbi);
        Ptr<FlowIdentificationOption> fid = fbi.GetOptions().Find<FlowIdentificationOption>();
        Ptr<FlowBindingActionSubOption> action =
            fid ? fid->GetSubOptions().Find<FlowBindingActionSubOption>() : nullptr;
        kind = "FBI [action " + std::to_string(action ? action->GetAction() : 0) + "]";
    }
    else if (b[2] == mip6::MH_FLOW_BINDING && b[6] == mip6::FB_ACKNOWLEDGEMENT)
    {
        kind = "FBA status " + std::to_string(b[10]);
    }
    else if (b[2] == mip6::MH_BINDING_UPDATE)
    {
        BindingUpdateHeader pbu;
        p->PeekHeader(pbu);
        if (!pbu.GetOptions().Find<FlowIdentificationOption>())
        {
            return;
        }
        kind = "PBU with a Flow Identification option";
    }
    else
    {
        return;
    }
    std::cout << "   wire: " << kind << " " << g_names[src] << " > " << g_names[dst] << std::endl;
}

/// Connect the wire log (the agents' Mobility Header protocols exist once they started).
void
ConnectWire()
{
    g_names[g_d->lmaAddress] = "LMA1";
    g_names[g_d->lma2Address] = "LMA2";
    g_names[g_d->proxyCoa[0]] = "MAG1";
    g_names[g_d->proxyCoa[1]] = "MAG2";
    for (auto n : {g_d->lma.Get(0), g_d->lma2.Get(0), g_d->mags.Get(0), g_d->mags.Get(1)})
    {
        n->GetObject<MobilityL4Protocol>()->TraceConnectWithoutContext("Rx", MakeCallback(&WireRx));
    }
}

/// Send one datagram of each flow every 20 ms.
void
Send()
{
    for (uint16_t port : {5000, 6000})
    {
        g_cn->SendTo(Create<Packet>(200), 0, Inet6SocketAddress(g_home, port));
    }
    if (!g_home2.IsAny())
    {
        g_cn->SendTo(Create<Packet>(200), 0, Inet6SocketAddress(g_home2, 5000));
    }
    Simulator::Schedule(MilliSeconds(20), &Send);
}

/**
 * \brief PhysicalRx of the MN's logical interface.
 * \param p the packet (IPv6 header first)
 * \param port the physical device
 */
void
Rx(Ptr<const Packet> p, uint32_t port)
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
    if (udp.GetDestinationPort() == 5000)
    {
        g_lastPort[ip.GetDestination() == g_home2 ? 1 : 0] = port;
    }
}

/// Open the sockets once the MN has its MAG1 prefix.
void
StartTraffic()
{
    for (const auto& e : g_d->lmaApp->GetBindingCache()->FindByMnId(g_d->mnId))
    {
        if (e->proxyCoa == g_d->proxyCoa[0] && !e->homeNetworkPrefixes.empty())
        {
            g_home = Pmipv6Helper::GetHomeAddress(g_d->lif, e->homeNetworkPrefixes[0]);
        }
    }
    for (uint16_t port : {5000, 6000})
    {
        Ptr<Socket> s = Socket::CreateSocket(g_d->mn.Get(0), UdpSocketFactory::GetTypeId());
        s->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), port));
    }
    g_cn = Socket::CreateSocket(g_d->cn.Get(0), UdpSocketFactory::GetTypeId());
    g_cn->Bind();
    Send();
}

/**
 * \brief Print the four lists and check the step's outcome.
 * \param step what was done
 * \param lmaHasFlow whether LMA1 should list FID 7
 * \param coa where LMA1's entry should point (when listed)
 * \param expectedPort the phys port the flow should arrive on (-1: no check)
 */
void
Report(std::string step, bool lmaHasFlow, Ipv6Address coa, int32_t expectedPort)
{
    std::cout << "== " << Simulator::Now().GetSeconds() << " s, after " << step << std::endl;
    const char* names[2] = {"LMA1", "LMA2"};
    for (uint32_t k = 0; k < 2; ++k)
    {
        std::cout << " " << names[k] << " flow bindings list:" << std::endl;
        g_d->lmaExt[k]->PrintFlowBindings(std::cout, g_d->mnId);
    }
    for (uint32_t k = 0; k < 2; ++k)
    {
        std::cout << " MAG" << k + 1 << " flow bindings list:" << std::endl;
        g_d->magExt[k]->PrintFlowBindings(std::cout, g_d->mnId);
    }
    std::cout << " flow 5000 arrives on phys[" << g_lastPort[0] << "]";
    if (!g_home2.IsAny())
    {
        std::cout << ", to the LMA2 address on phys[" << g_lastPort[1] << "]";
    }
    std::cout << std::endl;
    const auto* b = g_d->lmaExt[0]->GetFlowBinding(g_d->mnId, 7);
    bool ok = (b != nullptr) == lmaHasFlow && (!b || b->careOfAddress == coa) &&
              (expectedPort < 0 || g_lastPort[0] == expectedPort);
    if (!ok)
    {
        std::cout << " UNEXPECTED after " << step << std::endl;
        g_ok = false;
    }
}

/**
 * \brief Record a failed call.
 * \param sent what the call returned
 * \param what the call
 */
void
Check(bool sent, const std::string& what)
{
    std::cout << "-- " << Simulator::Now().GetSeconds() << " s: " << what
              << (sent ? "" : " NOT SENT") << std::endl;
    g_ok = g_ok && sent;
}

/// Final checks of the switch.
void
CheckSwitch()
{
    Ptr<Pmipv6LmaApplication> lma2 = g_d->lma2App;
    for (const auto& e : lma2->GetBindingCache()->FindByMnId(g_d->mnId))
    {
        if (!e->homeNetworkPrefixes.empty())
        {
            g_home2 = Pmipv6Helper::GetHomeAddress(g_d->lif, e->homeNetworkPrefixes[0]);
        }
    }
    const auto* b = g_d->lmaExt[1]->GetFlowBinding(g_d->mnId, 7);
    if (g_home2.IsAny() || !b || b->careOfAddress != g_d->proxyCoa[1])
    {
        std::cout << " UNEXPECTED: the flow is not anchored at LMA2 through MAG2" << std::endl;
        g_ok = false;
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    bool pcap = false;
    std::string encoding = "pfbi";
    CommandLine cmd(__FILE__);
    cmd.AddValue("pcap", "write pcap files into the current directory", pcap);
    cmd.AddValue("encoding",
                 "pfbi (draft-000 PFBI / PFBA) or fbi (RFC 7109 FBI / FBA, MH type 21)",
                 encoding);
    cmd.Parse(argc, argv);
    if (encoding != "pfbi" && encoding != "fbi")
    {
        std::cerr << "--encoding must be pfbi or fbi" << std::endl;
        return 2;
    }

    Pmipv6LmaFlowBindingDomain d("mn@lma-flow-binding.example");
    g_d = &d;
    for (uint32_t k = 0; k < 2; ++k)
    {
        d.lmaExt[k]->SetAttribute("Encoding", StringValue(encoding == "fbi" ? "Fbi" : "Pfbi"));
    }
    std::cout << "operations sent as "
              << (encoding == "fbi" ? "RFC 7109 FBI / FBA" : "draft-000 PFBI / PFBA") << std::endl;
    Simulator::Schedule(Seconds(0.2), &ConnectWire);
    if (pcap)
    {
        d.EnablePcapAll("pmipv6-lma-flow-binding");
    }
    d.lif->TraceConnectWithoutContext("PhysicalRx", MakeCallback(&Rx));
    Simulator::Schedule(Seconds(0.5),
                        &Pmipv6DualAccessDomain::Attach,
                        &d,
                        0,
                        mip6::HI_NEW_INTERFACE);
    Simulator::Schedule(Seconds(1.0),
                        &Pmipv6DualAccessDomain::Attach,
                        &d,
                        1,
                        mip6::HI_NEW_INTERFACE);
    Simulator::Schedule(Seconds(2.0), &StartTraffic);

    Ptr<LmaFlowBindingExtension> lma = d.lmaExt[0];
    const std::string mn = d.mnId;
    TrafficSelector flow;
    flow.SetDestinationPort(5000);
    const uint16_t lifetime = 25; // 100 s
    Ipv6Address mag1 = d.proxyCoa[0];
    Ipv6Address mag2 = d.proxyCoa[1];

    Simulator::Schedule(Seconds(3), [&]() {
        Check(lma->AddFlow(mn, 7, 10, flow, mag1, lifetime), "add FID 7 at MAG1");
    });
    Simulator::Schedule(Seconds(4), &Report, "add", true, mag1, 0);
    Simulator::Schedule(Seconds(5), [&]() {
        Check(lma->ModifyFlow(mn, 7, 5, flow, mag2, lifetime), "modify FID 7 (PRI 5, MAG2)");
    });
    Simulator::Schedule(Seconds(6), &Report, "modify", true, mag2, 1);
    Simulator::Schedule(Seconds(7),
                        [&]() { Check(lma->RefreshFlow(mn, 7, lifetime), "refresh FID 7"); });
    Simulator::Schedule(Seconds(8), &Report, "refresh", true, mag2, 1);
    Simulator::Schedule(Seconds(9), [&]() {
        Check(lma->MoveFlow(mn, 7, mag1, lifetime), "move FID 7 to MAG1");
    });
    Simulator::Schedule(Seconds(10), &Report, "move", true, mag1, 0);
    Simulator::Schedule(Seconds(11), [&]() { Check(lma->DeleteFlow(mn, 7), "delete FID 7"); });
    Simulator::Schedule(Seconds(12), &Report, "delete", false, mag1, 0);
    Simulator::Schedule(Seconds(13), [&]() {
        Check(lma->AddFlow(mn, 7, 10, flow, mag2, lifetime), "add FID 7 at MAG2");
    });
    Simulator::Schedule(Seconds(14), &Report, "add at MAG2", true, mag2, 1);
    Simulator::Schedule(Seconds(15), [&]() {
        Check(lma->SwitchFlow(mn, 7, {d.lma2Address}), "switch FID 7 to LMA2");
    });
    Simulator::Schedule(Seconds(16), &CheckSwitch);
    Simulator::Schedule(Seconds(17), &Report, "switch", false, mag2, -1);
    Simulator::Stop(Seconds(17.5));
    Simulator::Run();
    if (g_lastPort[1] != 1)
    {
        std::cout << "UNEXPECTED: no datagram to the LMA2 address over phys[1]" << std::endl;
        g_ok = false;
    }
    Simulator::Destroy();
    std::cout << (g_ok ? "all steps as expected" : "FAILED") << std::endl;
    return g_ok ? 0 : 1;
}
