/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Proxy Mobile IPv6 handover between two Wi-Fi access points.
 *
 *      CN ---- LMA ---- MAG1 (AP1)   ))) MN --->    (((  MAG2 (AP2)
 *               \______________________________________/
 *
 * Both APs share one SSID; each MAG follows its AP's association traces, so the attachment
 * is detected by the MAC layer, not scripted. The mobile node (an unchanged ns-3 IPv6 host)
 * walks from AP1 to AP2; when it loses AP1's beacons it associates with AP2, MAG2 registers
 * it (HI 4 with its link-layer identifier, which the LMA matches to the running session) and
 * the LMA revokes MAG1's binding (RFC 5846). A UDP flow runs each way and the MN pings the CN.
 * Printed from the run's traces: registration latencies, interruption, losses, signalling,
 * address continuity.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/flow-monitor-module.h"
#include "ns3/internet-apps-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/wifi-module.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <limits>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6WifiHandover");

/**
 * \brief A time in milliseconds with microsecond precision, for printing.
 * \param t the time
 * \return t in ms, e.g. 6.624
 */
static double
Ms(Time t)
{
    return t.GetMicroSeconds() / 1000.0;
}

namespace
{

/// Arrival times of one UDP flow at its sink.
struct ArrivalLog
{
    std::vector<Time> arrivals; ///< arrival times

    /**
     * \brief UdpServer "Rx" sink.
     * \param p the packet
     */
    void Rx(Ptr<const Packet> p)
    {
        arrivals.push_back(Simulator::Now());
    }

    /**
     * \brief Largest gap between consecutive arrivals after \p from.
     * \param from start of the window
     * \return the gap
     */
    Time LargestGapAfter(Time from) const
    {
        Time gap = Seconds(0);
        for (size_t k = 1; k < arrivals.size(); ++k)
        {
            if (arrivals[k] >= from)
            {
                gap = std::max(gap, arrivals[k] - arrivals[k - 1]);
            }
        }
        return gap;
    }
};

/// What the MAGs and the LMA reported.
struct ControlLog
{
    Time initialRegistration{Seconds(-1)};  ///< latency at MAG1
    Time handoverRegistration{Seconds(-1)}; ///< latency at MAG2
    Time handoverAt{Seconds(-1)};           ///< when the LMA moved the session

    /**
     * \brief RegistrationCompleted sink.
     * \param magIndex 1 or 2 (bound)
     * \param mnId the mobile node
     * \param latency association to PBA
     * \param hi the HI sent
     */
    void Registered(uint32_t magIndex, const std::string& mnId, Time latency, uint8_t hi)
    {
        (magIndex == 1 ? initialRegistration : handoverRegistration) = latency;
    }

    /**
     * \brief LMA Handover sink.
     * \param mnId the mobile node
     * \param from previous MAG
     * \param to new MAG
     */
    void Moved(const std::string& mnId, Ipv6Address from, Ipv6Address to)
    {
        handoverAt = Simulator::Now();
    }
};

} // namespace

int
main(int argc, char* argv[])
{
    double simTime = 30.0;
    double apDistance = 100.0;
    double speed = 5.0;
    std::string magLmaDelay = "5ms";
    double interval = 0.02;
    uint32_t packetSize = 512;
    bool pcap = false;
    std::string output;

    CommandLine cmd(__FILE__);
    cmd.AddValue("simTime", "Simulated time (s)", simTime);
    cmd.AddValue("apDistance", "Distance between the two access points (m)", apDistance);
    cmd.AddValue("speed", "Speed of the mobile node (m/s)", speed);
    cmd.AddValue("magLmaDelay", "One-way delay of each MAG-LMA link", magLmaDelay);
    cmd.AddValue("interval", "UDP packet interval, both directions (s)", interval);
    cmd.AddValue("packetSize", "UDP payload size (octets)", packetSize);
    cmd.AddValue("pcap", "Write pcap files into the current directory", pcap);
    cmd.AddValue("output", "Also write the results as CSV to this file", output);
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

    PointToPointHelper core;
    core.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    core.SetChannelAttribute("Delay", StringValue("2ms"));
    PointToPointHelper backhaul;
    backhaul.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    backhaul.SetChannelAttribute("Delay", StringValue(magLmaDelay));
    NetDeviceContainer cnLma = core.Install(cn.Get(0), lma.Get(0));
    NetDeviceContainer lmaMag1 = backhaul.Install(lma.Get(0), mags.Get(0));
    NetDeviceContainer lmaMag2 = backhaul.Install(lma.Get(0), mags.Get(1));

    Ipv6AddressHelper address;
    address.SetBase(Ipv6Address("fd00:0:0:c::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer cnLmaIf = address.Assign(cnLma);
    address.SetBase(Ipv6Address("fd00:0:0:1::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer mag1If = address.Assign(lmaMag1);
    address.SetBase(Ipv6Address("fd00:0:0:2::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer mag2If = address.Assign(lmaMag2);
    cnLmaIf.SetForwarding(1, true);
    mag1If.SetForwarding(0, true);
    mag2If.SetForwarding(0, true);
    mag1If.SetForwarding(1, true);
    mag2If.SetForwarding(1, true);
    Ipv6Address lmaAddress = cnLmaIf.GetAddress(1, 1);
    Ipv6StaticRoutingHelper routing;
    routing.GetStaticRouting(cn.Get(0)->GetObject<Ipv6>())
        ->SetDefaultRoute(lmaAddress, cnLmaIf.GetInterfaceIndex(0));
    routing.GetStaticRouting(mags.Get(0)->GetObject<Ipv6>())
        ->SetDefaultRoute(mag1If.GetAddress(0, 1), mag1If.GetInterfaceIndex(1));
    routing.GetStaticRouting(mags.Get(1)->GetObject<Ipv6>())
        ->SetDefaultRoute(mag2If.GetAddress(0, 1), mag2If.GetInterfaceIndex(1));

    // Wi-Fi: two APs with one SSID, one station.
    WifiHelper wifi;
    wifi.SetStandard(WIFI_STANDARD_80211a);
    wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                 "DataMode",
                                 StringValue("OfdmRate12Mbps"),
                                 "ControlMode",
                                 StringValue("OfdmRate6Mbps"));
    YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
    YansWifiPhyHelper phy;
#if defined(PMIPV6_NS3_VERSION) && PMIPV6_NS3_VERSION <= 331
    phy = YansWifiPhyHelper::Default(); // 3.31's constructor sets no error model
#endif
    phy.SetChannel(channel.Create());
    phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    Ssid ssid("pmipv6");
    WifiMacHelper mac;
    mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
    NetDeviceContainer ap1 = wifi.Install(phy, mac, mags.Get(0));
    NetDeviceContainer ap2 = wifi.Install(phy, mac, mags.Get(1));
    mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(ssid), "ActiveProbing", BooleanValue(false));
    NetDeviceContainer sta = wifi.Install(phy, mac, mn.Get(0));

    MobilityHelper mobility;
    Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
    positions->Add(Vector(0, 0, 0));
    positions->Add(Vector(apDistance, 0, 0));
    mobility.SetPositionAllocator(positions);
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.Install(mags);
    mobility.SetMobilityModel("ns3::ConstantVelocityMobilityModel");
    mobility.Install(mn);
    Ptr<ConstantVelocityMobilityModel> walk = mn.Get(0)->GetObject<ConstantVelocityMobilityModel>();
    walk->SetPosition(Vector(5, 5, 0));
    walk->SetVelocity(Vector(0, 0, 0));
    Simulator::Schedule(Seconds(5), [walk, speed]() { walk->SetVelocity(Vector(speed, 0, 0)); });

    // The PMIPv6 domain: MAGs follow their APs' association traces.
    Pmipv6Helper pmip;
    pmip.SetPrefixPool(Ipv6Address("2001:1:1::"), 48);
    Ptr<Pmipv6LmaApplication> lmaApp = pmip.InstallLma(lma.Get(0), lmaAddress);
    Ptr<Pmipv6MagApplication> mag1 =
        pmip.InstallWifiMag(mags.Get(0), mag1If.GetAddress(1, 1), lmaAddress, ap1);
    Ptr<Pmipv6MagApplication> mag2 =
        pmip.InstallWifiMag(mags.Get(1), mag2If.GetAddress(1, 1), lmaAddress, ap2);
    HomeNetworkPrefix hnp{Ipv6Address("2001:1:1:1::"), 64};
    pmip.AddMobileNode("mn1@pmipv6.example", sta, lmaAddress, {hnp});
    Ipv6Address mnHome = Pmipv6Helper::GetHomeAddress(sta.Get(0), hnp);
    Ipv6Address cnAddress = cnLmaIf.GetAddress(0, 1);

    uint16_t downPort = 9000;
    uint16_t upPort = 9001;
    UdpServerHelper downSink(downPort);
    ApplicationContainer downServer = downSink.Install(mn.Get(0));
    UdpServerHelper upSink(upPort);
    ApplicationContainer upServer = upSink.Install(cn.Get(0));
    UdpClientHelper downClient(mnHome, downPort);
    downClient.SetAttribute("Interval", TimeValue(Seconds(interval)));
    downClient.SetAttribute("PacketSize", UintegerValue(packetSize));
    downClient.SetAttribute("MaxPackets", UintegerValue(std::numeric_limits<uint32_t>::max()));
    ApplicationContainer downApp = downClient.Install(cn.Get(0));
    UdpClientHelper upClient(cnAddress, upPort);
    upClient.SetAttribute("Interval", TimeValue(Seconds(interval)));
    upClient.SetAttribute("PacketSize", UintegerValue(packetSize));
    upClient.SetAttribute("MaxPackets", UintegerValue(std::numeric_limits<uint32_t>::max()));
    ApplicationContainer upApp = upClient.Install(mn.Get(0));
    downApp.Start(Seconds(4));
    upApp.Start(Seconds(4));
    downApp.Stop(Seconds(simTime - 1));
    upApp.Stop(Seconds(simTime - 1));
    Ping6Helper ping;
    ping.SetLocal(mnHome);
    ping.SetRemote(cnAddress);
    ping.SetAttribute("Interval", TimeValue(Seconds(0.5)));
    ping.SetAttribute("MaxPackets", UintegerValue(static_cast<uint32_t>((simTime - 5) * 2)));
    ApplicationContainer pingApp = ping.Install(mn.Get(0));
    pingApp.Start(Seconds(4));
    pingApp.Stop(Seconds(simTime - 1));

    ArrivalLog downLog;
    ArrivalLog upLog;
    downServer.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&ArrivalLog::Rx, &downLog));
    upServer.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&ArrivalLog::Rx, &upLog));
    ControlLog control;
    mag1->TraceConnectWithoutContext("RegistrationCompleted",
                                     MakeCallback(&ControlLog::Registered, &control, 1u));
    mag2->TraceConnectWithoutContext("RegistrationCompleted",
                                     MakeCallback(&ControlLog::Registered, &control, 2u));
    lmaApp->TraceConnectWithoutContext("Handover", MakeCallback(&ControlLog::Moved, &control));

    FlowMonitorHelper flowHelper;
    Ptr<FlowMonitor> monitor = flowHelper.Install(NodeContainer(cn, mn));
    if (pcap)
    {
        backhaul.EnablePcapAll("pmipv6-wifi-handover");
        core.EnablePcapAll("pmipv6-wifi-handover");
        phy.EnablePcap("pmipv6-wifi-handover", NodeContainer(mags, mn));
    }

    Simulator::Stop(Seconds(simTime));
    Simulator::Run();

    monitor->CheckForLostPackets();
    Ptr<Ipv6FlowClassifier> classifier =
        DynamicCast<Ipv6FlowClassifier>(flowHelper.GetClassifier6());
    uint64_t downTx = 0;
    uint64_t downRx = 0;
    uint64_t upTx = 0;
    uint64_t upRx = 0;
    for (const auto& kv : monitor->GetFlowStats())
    {
        Ipv6FlowClassifier::FiveTuple t = classifier->FindFlow(kv.first);
        if (t.destinationPort == downPort)
        {
            downTx += kv.second.txPackets;
            downRx += kv.second.rxPackets;
        }
        else if (t.destinationPort == upPort)
        {
            upTx += kv.second.txPackets;
            upRx += kv.second.rxPackets;
        }
    }
    Time from =
        control.handoverAt.IsStrictlyPositive() ? control.handoverAt - Seconds(5) : Seconds(5);
    Time downGap = downLog.LargestGapAfter(from);
    Time upGap = upLog.LargestGapAfter(from);
    bool handedOver = control.handoverRegistration.IsPositive();

    std::cout << std::fixed << std::setprecision(3) << "PMIPv6 Wi-Fi handover (AP distance "
              << apDistance << " m, speed " << speed << " m/s, MAG-LMA delay " << magLmaDelay
              << ", RngRun " << RngSeedManager::GetRun() << ")\n"
              << "  MN home address            " << mnHome << "\n"
              << "  handover happened          " << (handedOver ? "yes" : "no");
    if (handedOver)
    {
        std::cout << " (at " << control.handoverAt.As(Time::S) << ")";
    }
    std::cout << "\n"
              << "  initial registration       " << Ms(control.initialRegistration) << " ms\n"
              << "  handover registration      " << Ms(control.handoverRegistration) << " ms\n"
              << "  downlink interruption      " << Ms(downGap) << " ms\n"
              << "  uplink interruption        " << Ms(upGap) << " ms\n"
              << "  downlink packets           sent " << downTx << ", received " << downRx
              << ", lost " << (downTx - downRx) << "\n"
              << "  uplink packets             sent " << upTx << ", received " << upRx << ", lost "
              << (upTx - upRx) << "\n"
              << "  signalling                 PBU " << mag1->GetPbuCount() + mag2->GetPbuCount()
              << ", PBA " << lmaApp->GetPbaCount() << ", BRI " << lmaApp->GetRevocationCount()
              << ", BRA " << lmaApp->GetRevocationAckCount() << "\n"
              << "  bindings at MAG1 / MAG2    " << mag1->GetBindingUpdateList()->GetEntryCount()
              << " / " << mag2->GetBindingUpdateList()->GetEntryCount() << std::endl;
    if (!output.empty())
    {
        std::ofstream csv(output);
        csv << std::fixed << std::setprecision(3);
        csv << "run,ap_distance,speed,mag_lma_delay,handover_at_s,initial_registration_ms,"
               "handover_registration_ms,downlink_interruption_ms,uplink_interruption_ms,"
               "down_tx,down_rx,up_tx,up_rx\n"
            << RngSeedManager::GetRun() << "," << apDistance << "," << speed << "," << magLmaDelay
            << "," << control.handoverAt.GetSeconds() << "," << Ms(control.initialRegistration)
            << "," << Ms(control.handoverRegistration) << "," << Ms(downGap) << "," << Ms(upGap)
            << "," << downTx << "," << downRx << "," << upTx << "," << upRx << "\n";
    }
    Simulator::Destroy();

    // The run failed when its own figures say so: exit non-zero for CTest and test.py.
    std::vector<std::string> failures;
    if (!control.initialRegistration.IsStrictlyPositive())
    {
        failures.emplace_back("the MN never registered at MAG1");
    }
    if (!handedOver)
    {
        failures.emplace_back("the MN was never registered at MAG2 (no handover)");
    }
    if (downRx == 0 || upRx == 0)
    {
        failures.emplace_back("no packet was delivered on the downlink or the uplink");
    }
    for (const auto& f : failures)
    {
        std::cout << "FAIL: " << f << "\n";
    }
    return failures.empty() ? 0 : 1;
}
