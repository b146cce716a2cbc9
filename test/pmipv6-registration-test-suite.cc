/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * RFC 5213 end to end on ns-3 nodes: a CN, an LMA, two MAGs with CSMA access links and an
 * unchanged IPv6 host as mobile node. Registration, refresh, handover with address
 * continuity, de-registration with MinDelayBeforeBCEDelete, retransmission with backoff when
 * PBUs are lost, a rejected registration, and nothing left behind once the MN has gone.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/error-model.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

#include <limits>

using namespace ns3;

namespace
{

/**
 * \ingroup pmipv6-test
 * \brief Drops the first N packets carrying a Mobility Header (next header 135) it sees.
 */
class DropFirstMobilityErrorModel : public ErrorModel
{
  public:
    /**
     * \brief Build it.
     * \param n number of Mobility Header packets to drop
     */
    explicit DropFirstMobilityErrorModel(uint32_t n)
        : m_remaining(n)
    {
    }

    uint32_t m_dropped{0}; ///< packets dropped so far

  private:
    bool DoCorrupt(Ptr<Packet> p) override
    {
        if (m_remaining == 0)
        {
            return false;
        }
        Ptr<Packet> copy = p->Copy();
        PppHeader ppp;
        copy->RemoveHeader(ppp);
        Ipv6Header ip;
        copy->RemoveHeader(ip);
        if (ip.GetNextHeader() != 135)
        {
            return false;
        }
        m_remaining--;
        m_dropped++;
        return true;
    }

    void DoReset() override
    {
    }

    uint32_t m_remaining; ///< packets still to drop
};

/**
 * \ingroup pmipv6-test
 * \brief The PMIPv6 domain every case of this suite runs in.
 */
struct Domain
{
    NodeContainer cn;                 ///< correspondent node
    NodeContainer lma;                ///< LMA node
    NodeContainer mags;               ///< MAG1, MAG2
    NodeContainer mn;                 ///< mobile node
    Ptr<CsmaChannel> linkA;           ///< MAG1's access link
    Ptr<CsmaChannel> linkB;           ///< MAG2's access link
    NetDeviceContainer accessA;       ///< MAG1 access device, MN device
    NetDeviceContainer accessB;       ///< MAG2 access device
    NetDeviceContainer lmaMag1;       ///< LMA-MAG1 link devices
    Ptr<CsmaNetDevice> mnDevice;      ///< the MN's device
    Ptr<Pmipv6LmaApplication> lmaApp; ///< LMA
    Ptr<Pmipv6MagApplication> mag1;   ///< MAG1
    Ptr<Pmipv6MagApplication> mag2;   ///< MAG2
    Ipv6Address lmaAddress;           ///< LMAA
    Ipv6Address cnAddress;            ///< CN
    Ipv6Address mnHome;               ///< MN's home address
    std::string mnId{"mn@test"};      ///< MN-ID
    uint32_t mnInterface{0};          ///< MN's IPv6 interface of mnDevice

    /**
     * \brief Build the domain.
     * \param helper a helper with the attributes the case needs
     */
    explicit Domain(Pmipv6Helper& helper)
    {
        cn.Create(1);
        lma.Create(1);
        mags.Create(2);
        mn.Create(1);
        Pmipv6Helper::InstallStack(NodeContainer(cn, lma, mags, mn));
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("5ms"));
        NetDeviceContainer cnLma = p2p.Install(cn.Get(0), lma.Get(0));
        lmaMag1 = p2p.Install(lma.Get(0), mags.Get(0));
        NetDeviceContainer lmaMag2 = p2p.Install(lma.Get(0), mags.Get(1));
        Ipv6AddressHelper address;
        address.SetBase(Ipv6Address("fd00:0:0:c::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer cnIf = address.Assign(cnLma);
        address.SetBase(Ipv6Address("fd00:0:0:1::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer m1If = address.Assign(lmaMag1);
        address.SetBase(Ipv6Address("fd00:0:0:2::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer m2If = address.Assign(lmaMag2);
        cnIf.SetForwarding(1, true);
        m1If.SetForwarding(0, true);
        m2If.SetForwarding(0, true);
        m1If.SetForwarding(1, true);
        m2If.SetForwarding(1, true);
        lmaAddress = cnIf.GetAddress(1, 1);
        cnAddress = cnIf.GetAddress(0, 1);
        Ipv6StaticRoutingHelper routing;
        routing.GetStaticRouting(cn.Get(0)->GetObject<Ipv6>())
            ->SetDefaultRoute(lmaAddress, cnIf.GetInterfaceIndex(0));
        routing.GetStaticRouting(mags.Get(0)->GetObject<Ipv6>())
            ->SetDefaultRoute(m1If.GetAddress(0, 1), m1If.GetInterfaceIndex(1));
        routing.GetStaticRouting(mags.Get(1)->GetObject<Ipv6>())
            ->SetDefaultRoute(m2If.GetAddress(0, 1), m2If.GetInterfaceIndex(1));

        CsmaHelper csma;
        linkA = CreateObject<CsmaChannel>();
        linkB = CreateObject<CsmaChannel>();
        accessA = csma.Install(NodeContainer(mags.Get(0), mn.Get(0)), linkA);
        accessB = csma.Install(mags.Get(1), linkB);
        mnDevice = DynamicCast<CsmaNetDevice>(accessA.Get(1));

        helper.SetPrefixPool(Ipv6Address("2001:1:1::"), 48);
        lmaApp = helper.InstallLma(lma.Get(0), lmaAddress);
        mag1 = helper.InstallMag(mags.Get(0), m1If.GetAddress(1, 1), lmaAddress, accessA.Get(0));
        mag2 = helper.InstallMag(mags.Get(1), m2If.GetAddress(1, 1), lmaAddress, accessB);
        HomeNetworkPrefix hnp{Ipv6Address("2001:1:1:1::"), 64};
        helper.AddMobileNode(mnId, NetDeviceContainer(mnDevice), lmaAddress, {hnp});
        mnHome = Pmipv6Helper::GetHomeAddress(mnDevice, hnp);
        mnInterface = mn.Get(0)->GetObject<Ipv6>()->GetInterfaceForDevice(mnDevice);
    }

    /// \brief MAG1 learns that the MN attached.
    void AttachToMag1()
    {
        mag1->NotifyAttach(accessA.Get(0), mnId, mnDevice->GetAddress());
    }

    /// \brief The MN leaves link A (MAG1 is told) and joins link B (MAG2 is told) 50 ms later.
    void MoveToMag2()
    {
        linkA->Detach(mnDevice);
        mag1->NotifyDetach(accessA.Get(0), mnDevice->GetAddress());
        Simulator::Schedule(MilliSeconds(50), [this]() {
            mnDevice->Attach(linkB);
            mag2->NotifyAttach(accessB.Get(0), mnId, mnDevice->GetAddress());
        });
    }

    /// \brief The MN leaves link A for good.
    void LeaveMag1()
    {
        linkA->Detach(mnDevice);
        mag1->NotifyDetach(accessA.Get(0), mnDevice->GetAddress());
    }

    /**
     * \brief Whether the MN has its home address configured.
     * \return true when configured
     */
    bool MnHasHomeAddress() const
    {
        Ptr<Ipv6> ipv6 = mn.Get(0)->GetObject<Ipv6>();
        for (uint32_t a = 0; a < ipv6->GetNAddresses(mnInterface); ++a)
        {
            if (ipv6->GetAddress(mnInterface, a).GetAddress() == mnHome)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * \brief Install a UDP flow of one packet every 50 ms.
     * \param from sender
     * \param to receiver address
     * \param sinkNode receiver
     * \param port port
     * \param start start time
     * \param stop stop time
     * \return the server application
     */
    Ptr<UdpServer> Flow(Ptr<Node> from,
                        Ipv6Address to,
                        Ptr<Node> sinkNode,
                        uint16_t port,
                        Time start,
                        Time stop)
    {
        UdpServerHelper sink(port);
        ApplicationContainer server = sink.Install(sinkNode);
        UdpClientHelper client(to, port);
        client.SetAttribute("Interval", TimeValue(MilliSeconds(50)));
        client.SetAttribute("PacketSize", UintegerValue(200));
        client.SetAttribute("MaxPackets", UintegerValue(std::numeric_limits<uint32_t>::max()));
        ApplicationContainer app = client.Install(from);
        app.Start(start);
        app.Stop(stop);
        return DynamicCast<UdpServer>(server.Get(0));
    }
};

/// Counts the packets a UdpServer received inside a time window.
struct WindowCounter
{
    Time from;     ///< window start
    Time to;       ///< window end
    uint32_t n{0}; ///< packets counted

    /**
     * \brief UdpServer "Rx" sink.
     * \param p the packet
     */
    void Rx(Ptr<const Packet> p)
    {
        Time now = Simulator::Now();
        n += (now >= from && now < to) ? 1 : 0;
    }
};

} // namespace

/**
 * \ingroup pmipv6-test
 * \brief Initial registration: BUL and BCE state, the MN's address from the RA, traffic
 * both ways through the tunnel.
 */
class Pmipv6RegistrationTestCase : public TestCase
{
  public:
    Pmipv6RegistrationTestCase()
        : TestCase("Registration: PBU and PBA, tunnel, RA, MN address, UDP both ways")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Helper helper;
        Domain d(helper);
        Time latency = Seconds(-1);
        d.mag1->TraceConnectWithoutContext(
            "RegistrationCompleted",
            Callback<void, const std::string&, Time, uint8_t>(
                [&](const std::string&, Time t, uint8_t) { latency = t; }));
        Simulator::Schedule(Seconds(1), &Domain::AttachToMag1, &d);
        Ptr<UdpServer> down =
            d.Flow(d.cn.Get(0), d.mnHome, d.mn.Get(0), 9000, Seconds(4), Seconds(6));
        Ptr<UdpServer> up =
            d.Flow(d.mn.Get(0), d.cnAddress, d.cn.Get(0), 9001, Seconds(4), Seconds(6));
        bool addressAt3 = false;
        uint32_t bce = 0;
        uint32_t bul = 0;
        uint32_t lmaTunnels = 0;
        Simulator::Schedule(Seconds(3), [&]() {
            addressAt3 = d.MnHasHomeAddress();
            bce = d.lmaApp->GetBindingCache()->GetEntryCount();
            bul = d.mag1->GetBindingUpdateList()->GetEntryCount();
            lmaTunnels = d.lma.Get(0)->GetObject<Ipv6TunnelL4Protocol>()->GetTunnelCount();
        });
        Simulator::Stop(Seconds(7));
        Simulator::Run();
        // 5 ms to the LMA and 5 ms back, plus transmission times.
        NS_TEST_ASSERT_MSG_GT(latency, MilliSeconds(10), "registration took a round trip");
        NS_TEST_ASSERT_MSG_LT(latency, MilliSeconds(11), "registration took one round trip");
        NS_TEST_ASSERT_MSG_EQ(addressAt3, true, "MN configured its home address from the RA");
        NS_TEST_ASSERT_MSG_EQ(bce, 1, "one binding cache entry");
        NS_TEST_ASSERT_MSG_EQ(bul, 1, "one binding update list entry");
        NS_TEST_ASSERT_MSG_EQ(lmaTunnels, 1, "one tunnel at the LMA");
        NS_TEST_ASSERT_MSG_EQ(down->GetReceived(), 40, "every downlink packet delivered");
        NS_TEST_ASSERT_MSG_EQ(up->GetReceived(), 40, "every uplink packet delivered");
        NS_TEST_ASSERT_MSG_EQ(d.mag1->GetRouterAdvertisementCount(), 1, "one unicast RA");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The MAG refreshes before the lifetime ends; the binding survives several lifetimes.
 */
class Pmipv6RefreshTestCase : public TestCase
{
  public:
    Pmipv6RefreshTestCase()
        : TestCase("Refresh: HI 5 re-registrations keep the binding past its first lifetime")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Helper helper;
        helper.SetMagAttribute("BindingLifetime", TimeValue(Seconds(20)));
        helper.SetMagAttribute("RefreshFraction", DoubleValue(0.5));
        Domain d(helper);
        std::vector<uint8_t> his;
        d.mag1->TraceConnectWithoutContext(
            "TxPbu",
            Callback<void, const BindingUpdateHeader&, Ipv6Address>(
                [&](const BindingUpdateHeader& pbu, Ipv6Address) {
                    his.push_back(
                        pbu.GetOptions().Find<HandoffIndicatorOption>()->GetHandoffIndicator());
                }));
        Simulator::Schedule(Seconds(1), &Domain::AttachToMag1, &d);
        Ptr<UdpServer> down =
            d.Flow(d.cn.Get(0), d.mnHome, d.mn.Get(0), 9000, Seconds(55), Seconds(56));
        Simulator::Stop(Seconds(57));
        Simulator::Run();
        // PBUs at 1, 11, 21, 31, 41, 51 s.
        NS_TEST_ASSERT_MSG_EQ(his.size(), 6, "initial PBU and five refreshes");
        NS_TEST_ASSERT_MSG_EQ(+his[0], +mip6::HI_UNKNOWN, "attachment sends HI 4");
        for (size_t k = 1; k < his.size(); ++k)
        {
            NS_TEST_ASSERT_MSG_EQ(+his[k], +mip6::HI_NOT_CHANGED, "refresh sends HI 5");
        }
        NS_TEST_ASSERT_MSG_EQ(d.lmaApp->GetBindingCache()->GetEntryCount(), 1, "entry alive");
        NS_TEST_ASSERT_MSG_EQ(d.lmaApp->GetPbaCount(mip6::BA_ACCEPTED), 6, "all accepted");
        NS_TEST_ASSERT_MSG_EQ(down->GetReceived(), 20, "traffic flows after 55 s");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Handover MAG1 -> MAG2: the MN keeps its address, traffic flows before and after,
 * the LMA moves the session and revokes MAG1's binding.
 */
class Pmipv6HandoverTestCase : public TestCase
{
  public:
    Pmipv6HandoverTestCase()
        : TestCase("Handover MAG1 -> MAG2: address continuity, delivery before and after")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Helper helper;
        Domain d(helper);
        Simulator::Schedule(Seconds(1), &Domain::AttachToMag1, &d);
        Simulator::Schedule(Seconds(6), &Domain::MoveToMag2, &d);
        Ptr<UdpServer> down =
            d.Flow(d.cn.Get(0), d.mnHome, d.mn.Get(0), 9000, Seconds(4), Seconds(10));
        Ptr<UdpServer> up =
            d.Flow(d.mn.Get(0), d.cnAddress, d.cn.Get(0), 9001, Seconds(4), Seconds(10));
        WindowCounter before{Seconds(4), Seconds(6)};
        WindowCounter after{Seconds(7), Seconds(10)};
        down->TraceConnectWithoutContext("Rx", MakeCallback(&WindowCounter::Rx, &before));
        down->TraceConnectWithoutContext("Rx", MakeCallback(&WindowCounter::Rx, &after));
        WindowCounter upAfter{Seconds(7), Seconds(10)};
        up->TraceConnectWithoutContext("Rx", MakeCallback(&WindowCounter::Rx, &upAfter));
        uint32_t moves = 0;
        d.lmaApp->TraceConnectWithoutContext(
            "Handover",
            Callback<void, const std::string&, Ipv6Address, Ipv6Address>(
                [&](const std::string&, Ipv6Address, Ipv6Address) { moves++; }));
        bool addressBefore = false;
        Simulator::Schedule(Seconds(5.9), [&]() { addressBefore = d.MnHasHomeAddress(); });
        Simulator::Stop(Seconds(11));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(addressBefore, true, "home address at MAG1");
        NS_TEST_ASSERT_MSG_EQ(d.MnHasHomeAddress(), true, "same home address at MAG2");
        NS_TEST_ASSERT_MSG_EQ(before.n, 40, "downlink delivered at MAG1");
        NS_TEST_ASSERT_MSG_EQ(after.n, 60, "downlink delivered at MAG2");
        NS_TEST_ASSERT_MSG_EQ(upAfter.n, 60, "uplink delivered from MAG2");
        NS_TEST_ASSERT_MSG_EQ(moves, 1, "the LMA moved the session once");
        std::vector<Ptr<BindingCacheEntry>> entries = d.lmaApp->GetBindingCache()->GetEntries();
        NS_TEST_ASSERT_MSG_EQ(entries.size(), 1, "one session");
        NS_TEST_ASSERT_MSG_EQ(entries[0]->proxyCoa, d.mag2->GetProxyCoa(), "at MAG2");
        NS_TEST_ASSERT_MSG_EQ(entries[0]->homeNetworkPrefixes.size(), 1, "one prefix");
        NS_TEST_ASSERT_MSG_EQ(entries[0]->homeNetworkPrefixes[0].prefix,
                              Ipv6Address("2001:1:1:1::"),
                              "the same prefix");
        NS_TEST_ASSERT_MSG_EQ(d.mag1->GetBindingUpdateList()->GetEntryCount(), 0, "MAG1 empty");
        NS_TEST_ASSERT_MSG_EQ(d.mag2->GetBindingUpdateList()->GetEntryCount(), 1, "MAG2 has it");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief De-registration: the entry waits MinDelayBeforeBCEDelete, then everything is gone.
 */
class Pmipv6DeregistrationTestCase : public TestCase
{
  public:
    Pmipv6DeregistrationTestCase()
        : TestCase("De-registration, MinDelayBeforeBCEDelete, no state left after the MN left")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Helper helper;
        helper.SetLmaAttribute("MinDelayBeforeBCEDelete", TimeValue(Seconds(2)));
        Domain d(helper);
        Simulator::Schedule(Seconds(1), &Domain::AttachToMag1, &d);
        Simulator::Schedule(Seconds(3), &Domain::LeaveMag1, &d);
        BindingCacheEntry::State stateAt4 = BindingCacheEntry::ACTIVE;
        uint32_t entriesAt4 = 0;
        uint32_t entriesAt6 = 1;
        Simulator::Schedule(Seconds(4.9), [&]() {
            entriesAt4 = d.lmaApp->GetBindingCache()->GetEntryCount();
            if (entriesAt4 > 0)
            {
                stateAt4 = d.lmaApp->GetBindingCache()->GetEntries()[0]->state;
            }
        });
        Simulator::Schedule(Seconds(5.1),
                            [&]() { entriesAt6 = d.lmaApp->GetBindingCache()->GetEntryCount(); });
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(entriesAt4, 1, "entry kept during MinDelayBeforeBCEDelete");
        NS_TEST_ASSERT_MSG_EQ(stateAt4,
                              BindingCacheEntry::DEREGISTERED_PENDING_DELETE,
                              "entry waiting for deletion");
        NS_TEST_ASSERT_MSG_EQ(entriesAt6, 0, "entry deleted after the delay");
        NS_TEST_ASSERT_MSG_EQ(d.mag1->GetBindingUpdateList()->GetEntryCount(), 0, "BUL empty");
        NS_TEST_ASSERT_MSG_EQ(d.lma.Get(0)->GetObject<Ipv6TunnelL4Protocol>()->GetTunnelCount(),
                              0,
                              "no tunnel at the LMA");
        NS_TEST_ASSERT_MSG_EQ(d.mags.Get(0)->GetObject<Ipv6TunnelL4Protocol>()->GetTunnelCount(),
                              0,
                              "no tunnel at MAG1");
        NS_TEST_ASSERT_MSG_EQ(MagRouting::Install(d.mags.Get(0))->GetBindingCount(),
                              0,
                              "no route at MAG1");
        NS_TEST_ASSERT_MSG_EQ(LmaRouting::Install(d.lma.Get(0))->GetRouteCount(),
                              0,
                              "no route at the LMA");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The first two PBUs are lost: the MAG retransmits after 1.5 s and 3 s more, then
 * registers.
 */
class Pmipv6RetransmissionTestCase : public TestCase
{
  public:
    Pmipv6RetransmissionTestCase()
        : TestCase("Lost PBUs: retransmission from 1.5 s doubling, eventual registration")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Helper helper;
        Domain d(helper);
        Ptr<DropFirstMobilityErrorModel> loss = CreateObject<DropFirstMobilityErrorModel>(2);
        d.lmaMag1.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(loss));
        std::vector<Time> sent;
        d.mag1->TraceConnectWithoutContext("TxPbu",
                                           Callback<void, const BindingUpdateHeader&, Ipv6Address>(
                                               [&](const BindingUpdateHeader&, Ipv6Address) {
                                                   sent.push_back(Simulator::Now());
                                               }));
        Time latency = Seconds(-1);
        d.mag1->TraceConnectWithoutContext(
            "RegistrationCompleted",
            Callback<void, const std::string&, Time, uint8_t>(
                [&](const std::string&, Time t, uint8_t) { latency = t; }));
        Simulator::Schedule(Seconds(1), &Domain::AttachToMag1, &d);
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(loss->m_dropped, 2, "two PBUs lost");
        NS_TEST_ASSERT_MSG_EQ(sent.size(), 3, "two retransmissions");
        NS_TEST_ASSERT_MSG_EQ(sent[1] - sent[0], MilliSeconds(1500), "first timeout 1.5 s");
        NS_TEST_ASSERT_MSG_EQ(sent[2] - sent[1], MilliSeconds(3000), "then doubled");
        NS_TEST_ASSERT_MSG_GT(latency, MilliSeconds(4500), "registered after the third PBU");
        NS_TEST_ASSERT_MSG_LT(latency, MilliSeconds(4600), "one round trip after it");
        NS_TEST_ASSERT_MSG_EQ(d.lmaApp->GetBindingCache()->GetEntryCount(), 1, "registered");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief A MAG whose clock is off by more than TimestampValidityWindow is refused (156) and
 * reports the failure; nothing is installed.
 */
class Pmipv6RejectedRegistrationTestCase : public TestCase
{
  public:
    Pmipv6RejectedRegistrationTestCase()
        : TestCase("MAG clock off by 1 s: PBA 156, RegistrationFailed, no state installed")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Helper helper;
        helper.SetMagAttribute("ClockOffset", TimeValue(Seconds(1)));
        Domain d(helper);
        uint8_t failure = 0;
        d.mag1->TraceConnectWithoutContext(
            "RegistrationFailed",
            Callback<void, const std::string&, uint8_t>(
                [&](const std::string&, uint8_t status) { failure = status; }));
        Simulator::Schedule(Seconds(1), &Domain::AttachToMag1, &d);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(+failure, +mip6::BA_TIMESTAMP_MISMATCH, "status 156 reported");
        NS_TEST_ASSERT_MSG_EQ(d.lmaApp->GetBindingCache()->GetEntryCount(), 0, "no BCE");
        NS_TEST_ASSERT_MSG_EQ(d.mag1->GetBindingUpdateList()->GetEntryCount(), 0, "no BUL entry");
        NS_TEST_ASSERT_MSG_EQ(d.MnHasHomeAddress(), false, "no RA, no address");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The RFC 5213 end-to-end suite.
 */
class Pmipv6RegistrationTestSuite : public TestSuite
{
  public:
    Pmipv6RegistrationTestSuite()
        : TestSuite("pmipv6-registration", SYSTEM)
    {
        AddTestCase(new Pmipv6RegistrationTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6RefreshTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6HandoverTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6DeregistrationTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6RetransmissionTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6RejectedRegistrationTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static Pmipv6RegistrationTestSuite g_pmipv6RegistrationTestSuite;
