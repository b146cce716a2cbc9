/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Pmipv6WifiAssociationBridge: Wi-Fi association learned from the stations, for ns-3.31 and
 * older, whose ApWifiMac has no AssociatedSta / DeAssociatedSta traces. The bridge itself: a
 * station's association and its loss (missed beacons) reach the callbacks of the access point
 * it associated with, with its MAC address, once each; a station of an access point that no
 * MAG registered reaches nothing; a station is connected once; nothing is connected when the
 * bridge is not used; everything is forgotten at Simulator::Destroy. And a Wi-Fi star through
 * the bridge: registration on association, the old MAG's detach, the new MAG's registration,
 * the LMA's handover and delivery before and after, as with the AP traces (on ns-3 releases
 * that have them, the same run with the AP traces is checked too).
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-topology-helper.h"
#include "ns3/pmipv6-wifi-association-bridge.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/test.h"
#include "ns3/wifi-module.h"

#include <limits>
#include <string>
#include <utility>
#include <vector>

using namespace ns3;

namespace
{

/// What the bridge reported to one access point's callbacks.
struct Reports
{
    std::vector<std::pair<Time, Mac48Address>> associated;   ///< (when, station)
    std::vector<std::pair<Time, Mac48Address>> deassociated; ///< (when, station)
    std::vector<uint16_t> aids;                              ///< the association IDs given
};

/**
 * \brief The callbacks that record into \p r.
 * \param r where to record
 * \param deassociation whether the callback is the deassociation one
 * \return the callback
 */
Pmipv6WifiAssociationBridge::AssociationCallback
Recorder(Reports* r, bool deassociation)
{
    return Pmipv6WifiAssociationBridge::AssociationCallback([r,
                                                             deassociation](uint16_t aid,
                                                                            Mac48Address station) {
        (deassociation ? r->deassociated : r->associated).emplace_back(Simulator::Now(), station);
        r->aids.push_back(aid);
    });
}

/// Keeps the bridge's setting of a test case from leaking into the next one.
class BridgeTestCase : public TestCase
{
  public:
    /// \param name the case's name
    explicit BridgeTestCase(const std::string& name)
        : TestCase(name),
          m_used(Pmipv6WifiAssociationBridge::IsUsed())
    {
    }

  protected:
    void DoTeardown() override
    {
        Pmipv6WifiAssociationBridge::SetUsed(m_used);
    }

  private:
    bool m_used; ///< the setting before the case
};

} // namespace

/**
 * \ingroup pmipv6-test
 * \brief The bridge on two BSSs: the association and the loss of association of the
 * station of the registered access point reach its callbacks (station address, AID 0); the
 * station of the unregistered one reaches nothing; connecting is idempotent, skips non-Wi-Fi
 * devices and is off when the bridge is not used; Simulator::Destroy forgets everything.
 */
class WifiBridgeUnitTestCase : public BridgeTestCase
{
  public:
    WifiBridgeUnitTestCase()
        : BridgeTestCase(
              "Station Assoc and DeAssoc to the callbacks of the AP, by BSSID; connections")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        NodeContainer aps(2);
        NodeContainer stas(2);
        NodeContainer other(1);
        WifiHelper wifi;
        wifi.SetStandard(WIFI_STANDARD_80211a);
        wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                     "DataMode",
                                     StringValue("OfdmRate54Mbps"),
                                     "ControlMode",
                                     StringValue("OfdmRate6Mbps"));
        YansWifiPhyHelper phy;
#if defined(PMIPV6_NS3_VERSION) && PMIPV6_NS3_VERSION <= 331
        phy = YansWifiPhyHelper::Default(); // 3.31's constructor sets no error model
#endif
        phy.SetChannel(YansWifiChannelHelper::Default().Create());
        WifiMacHelper mac;
        NetDeviceContainer ap;
        NetDeviceContainer sta;
        for (uint32_t k = 0; k < 2; ++k)
        {
            Ssid ssid(k == 0 ? "registered" : "unregistered");
            mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
            ap.Add(wifi.Install(phy, mac, aps.Get(k)));
            mac.SetType("ns3::StaWifiMac",
                        "Ssid",
                        SsidValue(ssid),
                        "ActiveProbing",
                        BooleanValue(false));
            sta.Add(wifi.Install(phy, mac, stas.Get(k)));
        }
        Ptr<NetDevice> csma = CsmaHelper().Install(other).Get(0);
        MobilityHelper mobility;
        Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
        positions->Add(Vector(0, 0, 0));
        positions->Add(Vector(5, 0, 0));
        positions->Add(Vector(0, 5, 0));
        positions->Add(Vector(5, 5, 0));
        mobility.SetPositionAllocator(positions);
        mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
        mobility.Install(NodeContainer(aps, stas));

        Pmipv6WifiAssociationBridge::SetUsed(false);
        NS_TEST_ASSERT_MSG_EQ(Pmipv6WifiAssociationBridge::ConnectStation(sta.Get(0)),
                              false,
                              "not used: no station connected");
        Pmipv6WifiAssociationBridge::SetUsed(true);
        Reports reports;
        Pmipv6WifiAssociationBridge::AddAccessPoint(ap.Get(0),
                                                    Recorder(&reports, false),
                                                    Recorder(&reports, true));
        NS_TEST_ASSERT_MSG_EQ(Pmipv6WifiAssociationBridge::ConnectStation(sta.Get(0)),
                              true,
                              "station connected");
        NS_TEST_ASSERT_MSG_EQ(Pmipv6WifiAssociationBridge::ConnectStation(sta.Get(0)),
                              false,
                              "a station is connected once");
        NS_TEST_ASSERT_MSG_EQ(Pmipv6WifiAssociationBridge::ConnectStation(sta.Get(1)),
                              true,
                              "the other BSS's station connected");
        NS_TEST_ASSERT_MSG_EQ(Pmipv6WifiAssociationBridge::ConnectStation(ap.Get(1)),
                              false,
                              "an access point is no station");
        NS_TEST_ASSERT_MSG_EQ(Pmipv6WifiAssociationBridge::ConnectStation(csma),
                              false,
                              "a CSMA device is no station");
        NS_TEST_ASSERT_MSG_EQ(Pmipv6WifiAssociationBridge::GetNAccessPoints(), 1u, "one AP");
        NS_TEST_ASSERT_MSG_EQ(Pmipv6WifiAssociationBridge::GetNStations(), 2u, "two stations");

        // Station 0 leaves every BSS at 2 s: it loses its association after missed beacons.
        Ptr<MobilityModel> away = stas.Get(0)->GetObject<MobilityModel>();
        Simulator::Schedule(Seconds(2), [away]() { away->SetPosition(Vector(100000, 0, 0)); });
        bool otherAssociated = false;
        Ptr<StaWifiMac> otherMac =
            DynamicCast<StaWifiMac>(DynamicCast<WifiNetDevice>(sta.Get(1))->GetMac());
        Simulator::Schedule(Seconds(1.9), [otherMac, &otherAssociated]() {
            otherAssociated = otherMac->IsAssociated();
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        Mac48Address station = Mac48Address::ConvertFrom(sta.Get(0)->GetAddress());
        NS_TEST_EXPECT_MSG_EQ(otherAssociated, true, "the unregistered BSS's station associated");
        NS_TEST_ASSERT_MSG_EQ(reports.associated.size(), 1u, "one association reported");
        NS_TEST_EXPECT_MSG_EQ(reports.associated[0].second, station, "the station's address");
        NS_TEST_EXPECT_MSG_LT(reports.associated[0].first, Seconds(1), "associated early");
        NS_TEST_ASSERT_MSG_EQ(reports.deassociated.size(), 1u, "one loss reported");
        NS_TEST_EXPECT_MSG_EQ(reports.deassociated[0].second, station, "the station's address");
        NS_TEST_EXPECT_MSG_GT(reports.deassociated[0].first,
                              Seconds(2.5),
                              "lost after missed beacons, not at once");
        NS_TEST_EXPECT_MSG_LT(reports.deassociated[0].first, Seconds(4), "lost within 2 s");
        for (uint16_t aid : reports.aids)
        {
            NS_TEST_EXPECT_MSG_EQ(aid, 0, "the station side gives AID 0");
        }
        NS_TEST_EXPECT_MSG_EQ(Pmipv6WifiAssociationBridge::GetNAccessPoints(),
                              1u,
                              "kept until Simulator::Destroy");
        Simulator::Destroy();
        NS_TEST_EXPECT_MSG_EQ(Pmipv6WifiAssociationBridge::GetNAccessPoints(),
                              0u,
                              "APs forgotten at Simulator::Destroy");
        NS_TEST_EXPECT_MSG_EQ(Pmipv6WifiAssociationBridge::GetNStations(),
                              0u,
                              "stations forgotten at Simulator::Destroy");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief A Wi-Fi star (Pmipv6TopologyHelper) with association from the stations or from
 * the APs: the MN registers at mag1 on association, mag1 reports its detach after the move,
 * mag2 registers it after that, the LMA moves the session once, downlink delivered at both.
 */
class WifiBridgeStarTestCase : public BridgeTestCase
{
  public:
    /// \param fromStations whether association is learned from the stations
    explicit WifiBridgeStarTestCase(bool fromStations)
        : BridgeTestCase(std::string("Wi-Fi star, association from the ") +
                         (fromStations ? "stations (bridge)" : "access points")),
          m_fromStations(fromStations)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6WifiAssociationBridge::SetUsed(m_fromStations);
        Pmipv6TopologyHelper topo;
        topo.Build(Pmipv6TopologyHelper::MakeStar(2, "5ms", "wifi"));
        std::vector<std::pair<std::string, Time>> registered;
        std::vector<std::pair<std::string, Time>> detached;
        for (const std::string& mag : topo.GetMagNames())
        {
            topo.GetMag(mag)->TraceConnectWithoutContext(
                "RegistrationCompleted",
                Callback<void, const std::string&, Time, uint8_t>(
                    [&registered, mag](const std::string&, Time, uint8_t) {
                        registered.emplace_back(mag, Simulator::Now());
                    }));
            topo.GetMag(mag)->TraceConnectWithoutContext(
                "Detach",
                Callback<void, const std::string&, Ptr<NetDevice>>(
                    [&detached, mag](const std::string&, Ptr<NetDevice>) {
                        detached.emplace_back(mag, Simulator::Now());
                    }));
        }
        uint32_t moved = 0;
        topo.GetLma("lma")->TraceConnectWithoutContext(
            "Handover",
            Callback<void, const std::string&, Ipv6Address, Ipv6Address>(
                [&moved](const std::string&, Ipv6Address, Ipv6Address) { moved++; }));
        topo.AddMobileNode("mn", "mag1", Seconds(1));
        topo.ScheduleMove("mn", "mag2", Seconds(4));
        std::size_t aps = m_fromStations ? 2 : 0;
        std::size_t stations = m_fromStations ? 1 : 0;
        NS_TEST_ASSERT_MSG_EQ(Pmipv6WifiAssociationBridge::GetNAccessPoints(),
                              aps,
                              "the MAGs' APs registered with the bridge only when it is used");
        NS_TEST_ASSERT_MSG_EQ(Pmipv6WifiAssociationBridge::GetNStations(),
                              stations,
                              "AddMobileNode connected the station only when it is used");

        UdpServerHelper sink(9000);
        ApplicationContainer server = sink.Install(topo.GetNode("mn"));
        UdpClientHelper client(topo.GetHomeAddress("mn"), 9000);
        client.SetAttribute("Interval", TimeValue(MilliSeconds(50)));
        client.SetAttribute("PacketSize", UintegerValue(200));
        client.SetAttribute("MaxPackets", UintegerValue(std::numeric_limits<uint32_t>::max()));
        ApplicationContainer app = client.Install(topo.GetNode("cn"));
        app.Start(Seconds(2.5));
        app.Stop(Seconds(9));
        uint32_t before = 0;
        uint32_t after = 0;
        server.Get(0)->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>>([&before, &after](Ptr<const Packet>) {
                Time now = Simulator::Now();
                before += (now >= Seconds(2.5) && now < Seconds(3.5)) ? 1 : 0;
                after += (now >= Seconds(8) && now < Seconds(9)) ? 1 : 0;
            }));
        Simulator::Stop(Seconds(9.5));
        Simulator::Run();
        Simulator::Destroy();

        NS_TEST_ASSERT_MSG_EQ(registered.size(), 2u, "two registrations");
        NS_TEST_EXPECT_MSG_EQ(registered[0].first, "mag1", "first at mag1");
        NS_TEST_EXPECT_MSG_LT(registered[0].second, Seconds(2), "on association");
        NS_TEST_EXPECT_MSG_EQ(registered[1].first, "mag2", "then at mag2");
        NS_TEST_ASSERT_MSG_EQ(detached.size(), 1u, "one detach");
        NS_TEST_EXPECT_MSG_EQ(detached[0].first, "mag1", "at the old MAG");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(detached[0].second, Seconds(4), "after the move");
        NS_TEST_EXPECT_MSG_LT(detached[0].second, registered[1].second, "before mag2's");
        NS_TEST_EXPECT_MSG_EQ(moved, 1u, "the LMA moved the session once");
        NS_TEST_EXPECT_MSG_EQ(before, 20u, "downlink delivered at mag1");
        NS_TEST_EXPECT_MSG_EQ(after, 20u, "downlink delivered at mag2");
        NS_TEST_EXPECT_MSG_EQ(Pmipv6WifiAssociationBridge::GetNAccessPoints(),
                              0u,
                              "forgotten at Simulator::Destroy");
    }

    bool m_fromStations; ///< whether association is learned from the stations
};

/**
 * \ingroup pmipv6-test
 * \brief Pmipv6WifiAssociationBridge: the bridge, and a Wi-Fi star through it.
 */
class WifiAssociationBridgeTestSuite : public TestSuite
{
  public:
    WifiAssociationBridgeTestSuite()
        : TestSuite("pmipv6-wifi-association-bridge", UNIT)
    {
        AddTestCase(new WifiBridgeUnitTestCase, TestCase::QUICK);
        AddTestCase(new WifiBridgeStarTestCase(true), TestCase::QUICK);
#ifndef PMIPV6_WIFI_ASSOCIATION_FROM_STATIONS
        // ns-3 >= 3.32: the AP traces exist; the same run with them.
        AddTestCase(new WifiBridgeStarTestCase(false), TestCase::QUICK);
#endif
    }
};

/// The suite's instance.
static WifiAssociationBridgeTestSuite g_wifiAssociationBridgeTestSuite;
