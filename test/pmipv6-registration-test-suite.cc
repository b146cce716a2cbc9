/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * RFC 5213 end to end on ns-3 nodes: a CN, an LMA, two MAGs with CSMA access links and an
 * unchanged IPv6 host as mobile node. Registration, refresh, handover with address
 * continuity, de-registration with MinDelayBeforeBCEDelete, retransmission with backoff when
 * PBUs are lost, a rejected registration, and nothing left behind once the MN has gone.
 * The MAG's recovery from PBAs with status 135, 156 and 157, a re-attachment during a
 * refresh, and a move during the initial registration.
 */

#include "pmipv6-test-udp-flow.h"

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
using ns3::pmipv6test::UdpFlow;

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
};

/**
 * \ingroup pmipv6-test
 * \brief The PBUs an LMA received, decoded from the wire (the LMA's RxPbu trace), with the
 * MAG they came from.
 */
struct ReceivedPbus
{
    std::vector<BindingUpdateHeader> pbus; ///< the PBUs
    std::vector<Ipv6Address> mags;         ///< their sources
    std::vector<Time> times;               ///< when they arrived

    /**
     * \brief Follow an LMA.
     * \param lma the LMA
     */
    void Connect(Ptr<Pmipv6LmaApplication> lma)
    {
        lma->TraceConnectWithoutContext(
            "RxPbu",
            Callback<void, const BindingUpdateHeader&, Ipv6Address>(
                [this](const BindingUpdateHeader& pbu, Ipv6Address mag) {
                    pbus.push_back(pbu);
                    mags.push_back(mag);
                    times.push_back(Simulator::Now());
                }));
    }

    /**
     * \brief The PBUs from one MAG.
     * \param mag the MAG's Proxy-CoA
     * \return their indices
     */
    std::vector<size_t> From(Ipv6Address mag) const
    {
        std::vector<size_t> out;
        for (size_t i = 0; i < mags.size(); ++i)
        {
            if (mags[i] == mag)
            {
                out.push_back(i);
            }
        }
        return out;
    }

    /**
     * \brief The Timestamp option of a PBU.
     * \param i its index
     * \return its raw value (0 without one)
     */
    uint64_t Timestamp(size_t i) const
    {
        Ptr<TimestampOption> ts = pbus.at(i).GetOptions().Find<TimestampOption>();
        return ts ? ts->GetRaw() : 0;
    }
};

/**
 * \ingroup pmipv6-test
 * \brief A MAG's RegistrationRecovery and RegistrationFailed traces.
 */
struct MagOutcome
{
    std::vector<uint8_t> recoveries; ///< status of each recovery
    std::vector<uint8_t> failures;   ///< status of each failure

    /**
     * \brief Follow a MAG.
     * \param mag the MAG
     */
    void Connect(Ptr<Pmipv6MagApplication> mag)
    {
        mag->TraceConnectWithoutContext("RegistrationRecovery",
                                        Callback<void, const std::string&, uint8_t, uint32_t>(
                                            [this](const std::string&, uint8_t status, uint32_t) {
                                                recoveries.push_back(status);
                                            }));
        mag->TraceConnectWithoutContext(
            "RegistrationFailed",
            Callback<void, const std::string&, uint8_t>(
                [this](const std::string&, uint8_t status) { failures.push_back(status); }));
    }
};

/**
 * \brief Whether a MAG's neighbor cache holds an entry for an address on an interface.
 * \param node the MAG node
 * \param interface the interface
 * \param address the address
 * \return true when it does
 */
bool
HasNeighbor(Ptr<Node> node, uint32_t interface, Ipv6Address address)
{
    Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
    Ptr<NdiscCache> cache = ipv6->GetInterface(interface)->GetNdiscCache();
    return cache && cache->Lookup(address) != nullptr;
}

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
            UdpFlow(d.cn.Get(0), d.mnHome, d.mn.Get(0), 9000, Seconds(4), Seconds(6));
        Ptr<UdpServer> up =
            UdpFlow(d.mn.Get(0), d.cnAddress, d.cn.Get(0), 9001, Seconds(4), Seconds(6));
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
            UdpFlow(d.cn.Get(0), d.mnHome, d.mn.Get(0), 9000, Seconds(55), Seconds(56));
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
            UdpFlow(d.cn.Get(0), d.mnHome, d.mn.Get(0), 9000, Seconds(4), Seconds(10));
        Ptr<UdpServer> up =
            UdpFlow(d.mn.Get(0), d.cnAddress, d.cn.Get(0), 9001, Seconds(4), Seconds(10));
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
 * \brief A MAG whose clock is off by more than TimestampValidityWindow and that does not
 * recover (MaxRejectionRecoveries 0) is refused (156) and reports the failure; nothing is
 * installed.
 */
class Pmipv6RejectedRegistrationTestCase : public TestCase
{
  public:
    Pmipv6RejectedRegistrationTestCase()
        : TestCase("MAG clock off by 1 s, no recovery: PBA 156, RegistrationFailed, no state")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Helper helper;
        helper.SetMagAttribute("ClockOffset", TimeValue(Seconds(1)));
        // The final rejection; Pmipv6TimestampMismatchRecoveryTestCase has the recovery.
        helper.SetMagAttribute("MaxRejectionRecoveries", UintegerValue(0));
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
 * \brief The MN re-attaches on another access link of the same MAG while its binding is being
 * refreshed (entry REFRESHING): the old entry's tunnel reference and pinned neighbor entry are
 * released, the new registration holds exactly one.
 */
class Pmipv6ReattachWhileRefreshingTestCase : public TestCase
{
  public:
    Pmipv6ReattachWhileRefreshingTestCase()
        : TestCase("Re-attach while REFRESHING: tunnel reference and neighbor entry released")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Helper helper;
        helper.SetMagAttribute("BindingLifetime", TimeValue(Seconds(8)));
        helper.SetMagAttribute("RefreshFraction", DoubleValue(0.5));
        Domain d(helper);
        // A second access link of MAG1.
        Ptr<CsmaChannel> linkC = CreateObject<CsmaChannel>();
        Ptr<NetDevice> accessC = CsmaHelper().Install(d.mags.Get(0), linkC).Get(0);
        Ptr<Ipv6> magIpv6 = d.mags.Get(0)->GetObject<Ipv6>();
        uint32_t ifC = magIpv6->AddInterface(accessC);
        magIpv6->SetUp(ifC);
        d.mag1->AddAccessInterface(accessC);
        uint32_t ifA = magIpv6->GetInterfaceForDevice(d.accessA.Get(0));
        Ipv6Address mnLinkLocal =
            Ipv6Address::MakeAutoconfiguredLinkLocalAddress(d.mnDevice->GetAddress());

        // When the refresh PBU goes out, the MN shows up on link C (no detach from A was seen).
        bool reattached = false;
        d.mag1->GetBindingUpdateList()->TraceConnectWithoutContext(
            "EntryStateChanged",
            Callback<void,
                     uint64_t,
                     const std::string&,
                     BindingUpdateListEntry::State,
                     BindingUpdateListEntry::State>([&](uint64_t,
                                                        const std::string&,
                                                        BindingUpdateListEntry::State,
                                                        BindingUpdateListEntry::State s) {
                if (s == BindingUpdateListEntry::REFRESHING && !reattached)
                {
                    // 1 ms later, the refresh PBA 10 ms away: still REFRESHING.
                    reattached = true;
                    Simulator::Schedule(MilliSeconds(1), [&]() {
                        d.linkA->Detach(d.mnDevice);
                        d.mnDevice->Attach(linkC);
                        d.mag1->NotifyAttach(accessC, d.mnId, d.mnDevice->GetAddress());
                    });
                }
            }));
        Simulator::Schedule(Seconds(1), &Domain::AttachToMag1, &d);
        Ptr<Ipv6TunnelL4Protocol> tunnels = d.mags.Get(0)->GetObject<Ipv6TunnelL4Protocol>();
        uint32_t refsBefore = 0;
        Simulator::Schedule(Seconds(3), [&]() {
            refsBefore = tunnels->GetReferenceCount(d.mag1->GetProxyCoa(), d.lmaAddress);
        });
        Ptr<UdpServer> down =
            UdpFlow(d.cn.Get(0), d.mnHome, d.mn.Get(0), 9000, Seconds(6), Seconds(7));
        Simulator::Stop(Seconds(7.5));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(reattached, true, "the refresh started (REFRESHING reached)");
        NS_TEST_ASSERT_MSG_EQ(refsBefore, 1, "one tunnel reference while registered");
        std::vector<Ptr<BindingUpdateListEntry>> entries =
            d.mag1->GetBindingUpdateList()->GetEntries();
        NS_TEST_ASSERT_MSG_EQ(entries.size(), 1, "one entry");
        NS_TEST_ASSERT_MSG_EQ(entries.at(0)->state,
                              BindingUpdateListEntry::REGISTERED,
                              "registered again on link C");
        NS_TEST_ASSERT_MSG_EQ(entries.at(0)->accessInterface, ifC, "on link C");
        NS_TEST_ASSERT_MSG_EQ(tunnels->GetReferenceCount(d.mag1->GetProxyCoa(), d.lmaAddress),
                              1,
                              "the REFRESHING entry's tunnel reference was released");
        NS_TEST_ASSERT_MSG_EQ(HasNeighbor(d.mags.Get(0), ifA, mnLinkLocal),
                              false,
                              "no pinned neighbor entry left on link A");
        NS_TEST_ASSERT_MSG_EQ(HasNeighbor(d.mags.Get(0), ifC, mnLinkLocal),
                              true,
                              "the MN's neighbor entry on link C");
        NS_TEST_ASSERT_MSG_EQ(down->GetReceived(), 20, "downlink delivered on link C");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief A MAG whose clock is 1 s ahead gets PBA 156; it takes the LMA's time from the PBA's
 * Timestamp option and registers with its second PBU (RFC 5213 5.5, 6.9.1).
 */
class Pmipv6TimestampMismatchRecoveryTestCase : public TestCase
{
  public:
    Pmipv6TimestampMismatchRecoveryTestCase()
        : TestCase("156: the MAG adopts the LMA's clock from the PBA and registers")
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
        ReceivedPbus rx;
        rx.Connect(d.lmaApp);
        MagOutcome outcome;
        outcome.Connect(d.mag1);
        Simulator::Schedule(Seconds(1), &Domain::AttachToMag1, &d);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(d.lmaApp->GetPbaCount(mip6::BA_TIMESTAMP_MISMATCH), 1, "one 156");
        NS_TEST_ASSERT_MSG_EQ(rx.pbus.size(), 2, "the PBU was sent again, once");
        NS_TEST_ASSERT_MSG_EQ(outcome.failures.size(), 0, "no failure");
        NS_TEST_ASSERT_MSG_EQ(outcome.recoveries.size(), 1, "one recovery");
        if (rx.pbus.size() == 2 && outcome.recoveries.size() == 1)
        {
            NS_TEST_ASSERT_MSG_EQ(+outcome.recoveries[0],
                                  +mip6::BA_TIMESTAMP_MISMATCH,
                                  "after 156");
            TimestampOption first;
            first.SetRaw(rx.Timestamp(0));
            TimestampOption second;
            second.SetRaw(rx.Timestamp(1));
            // On the wire: the first timestamp 1 s ahead of the LMA, the second on its clock.
            Time ahead = first.GetTime() - rx.times[0];
            Time skew = second.GetTime() - rx.times[1];
            NS_TEST_ASSERT_MSG_GT(ahead, MilliSeconds(990), "first PBU 1 s ahead");
            NS_TEST_ASSERT_MSG_LT(Abs(skew), MilliSeconds(20), "second PBU on the LMA's clock");
            NS_TEST_ASSERT_MSG_NE(rx.pbus[1].GetSequence(),
                                  rx.pbus[0].GetSequence(),
                                  "a new sequence number");
        }
        NS_TEST_ASSERT_MSG_LT(Abs(d.mag1->GetClockCorrection(d.lmaAddress) + Seconds(1)),
                              MilliSeconds(20),
                              "correction of about -1 s learnt");
        NS_TEST_ASSERT_MSG_EQ(d.lmaApp->GetBindingCache()->GetEntryCount(), 1, "BCE");
        NS_TEST_ASSERT_MSG_EQ(d.mag1->GetBindingUpdateList()->GetEntryCount(), 1, "BUL entry");
        NS_TEST_ASSERT_MSG_EQ(d.mag1->GetBindingUpdateList()->GetEntries().at(0)->state,
                              BindingUpdateListEntry::REGISTERED,
                              "registered");
        NS_TEST_ASSERT_MSG_EQ(d.MnHasHomeAddress(), true, "RA sent, address configured");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Handover to a MAG whose clock is 55 ms behind: its PBU's timestamp is lower than the
 * one the old MAG's de-registration left in the binding cache (157); it re-sends with a fresh
 * timestamp and the handover completes.
 */
class Pmipv6TimestampLowerRecoveryTestCase : public TestCase
{
  public:
    Pmipv6TimestampLowerRecoveryTestCase()
        : TestCase("157: the new MAG re-sends with a fresh timestamp and registers")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Helper helper;
        Domain d(helper);
        d.mag2->SetAttribute("ClockOffset", TimeValue(MilliSeconds(-55)));
        ReceivedPbus rx;
        rx.Connect(d.lmaApp);
        MagOutcome outcome;
        outcome.Connect(d.mag2);
        Simulator::Schedule(Seconds(1), &Domain::AttachToMag1, &d);
        Simulator::Schedule(Seconds(3), &Domain::MoveToMag2, &d);
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        std::vector<size_t> fromMag1 = rx.From(d.mag1->GetProxyCoa());
        std::vector<size_t> fromMag2 = rx.From(d.mag2->GetProxyCoa());
        NS_TEST_ASSERT_MSG_EQ(d.lmaApp->GetPbaCount(mip6::BA_TIMESTAMP_LOWER_THAN_PREV_ACCEPTED),
                              1,
                              "one 157");
        NS_TEST_ASSERT_MSG_EQ(fromMag2.size(), 2, "MAG2 sent its PBU again, once");
        NS_TEST_ASSERT_MSG_EQ(outcome.failures.size(), 0, "no failure at MAG2");
        NS_TEST_ASSERT_MSG_EQ(outcome.recoveries.size(), 1, "one recovery at MAG2");
        if (fromMag2.size() == 2 && !fromMag1.empty())
        {
            uint64_t dereg = rx.Timestamp(fromMag1.back());
            NS_TEST_ASSERT_MSG_LT(rx.Timestamp(fromMag2[0]), dereg, "first PBU older (157)");
            NS_TEST_ASSERT_MSG_GT(rx.Timestamp(fromMag2[1]), dereg, "second PBU newer");
        }
        std::vector<Ptr<BindingCacheEntry>> entries = d.lmaApp->GetBindingCache()->GetEntries();
        NS_TEST_ASSERT_MSG_EQ(entries.size(), 1, "one session");
        NS_TEST_ASSERT_MSG_EQ(entries.at(0)->proxyCoa, d.mag2->GetProxyCoa(), "at MAG2");
        NS_TEST_ASSERT_MSG_EQ(entries.at(0)->state, BindingCacheEntry::ACTIVE, "active");
        NS_TEST_ASSERT_MSG_EQ(d.mag2->GetBindingUpdateList()->GetEntryCount(), 1, "MAG2 entry");
        NS_TEST_ASSERT_MSG_EQ(d.mag2->GetBindingUpdateList()->GetEntries().at(0)->state,
                              BindingUpdateListEntry::REGISTERED,
                              "registered at MAG2");
        NS_TEST_ASSERT_MSG_EQ(d.MnHasHomeAddress(), true, "address kept");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The MN leaves MAG1 while its initial PBU is in flight and shows up at MAG2 at the
 * same instant (the de-registration and MAG2's PBU carry the same timestamp). MAG2 ends up
 * registered, MAG1 holds nothing.
 */
class Pmipv6MoveDuringRegistrationTestCase : public TestCase
{
  public:
    Pmipv6MoveDuringRegistrationTestCase()
        : TestCase("Move during the initial registration: registered at MAG2, MAG1 clean")
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
        // 2 ms later, the PBU half-way to the LMA: leave link A, join link B at once.
        Simulator::Schedule(Seconds(1.002), [&]() {
            d.LeaveMag1();
            d.mnDevice->Attach(d.linkB);
            d.mag2->NotifyAttach(d.accessB.Get(0), d.mnId, d.mnDevice->GetAddress());
        });
        Ptr<UdpServer> down =
            UdpFlow(d.cn.Get(0), d.mnHome, d.mn.Get(0), 9000, Seconds(3), Seconds(4));
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        std::vector<Ptr<BindingCacheEntry>> entries = d.lmaApp->GetBindingCache()->GetEntries();
        NS_TEST_ASSERT_MSG_EQ(entries.size(), 1, "one session");
        NS_TEST_ASSERT_MSG_EQ(entries.at(0)->proxyCoa, d.mag2->GetProxyCoa(), "at MAG2");
        NS_TEST_ASSERT_MSG_EQ(entries.at(0)->state, BindingCacheEntry::ACTIVE, "active");
        NS_TEST_ASSERT_MSG_EQ(d.mag2->GetBindingUpdateList()->GetEntryCount(), 1, "MAG2 entry");
        NS_TEST_ASSERT_MSG_EQ(d.mag2->GetBindingUpdateList()->GetEntries().at(0)->state,
                              BindingUpdateListEntry::REGISTERED,
                              "registered at MAG2");
        NS_TEST_ASSERT_MSG_EQ(d.mag1->GetBindingUpdateList()->GetEntryCount(), 0, "MAG1 clean");
        NS_TEST_ASSERT_MSG_EQ(d.mags.Get(0)->GetObject<Ipv6TunnelL4Protocol>()->GetTunnelCount(),
                              0,
                              "no tunnel at MAG1");
        NS_TEST_ASSERT_MSG_EQ(
            HasNeighbor(d.mags.Get(0),
                        d.mags.Get(0)->GetObject<Ipv6>()->GetInterfaceForDevice(d.accessA.Get(0)),
                        Ipv6Address::MakeAutoconfiguredLinkLocalAddress(d.mnDevice->GetAddress())),
            false,
            "no neighbor entry at MAG1");
        NS_TEST_ASSERT_MSG_EQ(d.MnHasHomeAddress(), true, "home address from MAG2's RA");
        NS_TEST_ASSERT_MSG_EQ(down->GetReceived(), 20, "downlink delivered through MAG2");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief An LMA scripted by the test: a MAG and a node that answers PBUs with crafted PBAs
 * (RFC 6275 11.7.1: a BA with status 135 carries the last sequence number accepted).
 */
struct ScriptedLma
{
    NodeContainer nodes;                       ///< LMA, MAG
    Ptr<Pmipv6MagApplication> mag;             ///< the MAG
    Ptr<MobilityL4Protocol> mobility;          ///< the LMA's Mobility Header transport
    Ptr<NetDevice> access;                     ///< the MAG's access device
    Ipv6Address lmaAddress;                    ///< the LMA
    Mac48Address mnMac{"00:00:00:00:00:42"};   ///< the MN's link-layer address
    std::string mnId{"mn@test"};               ///< MN-ID
    std::vector<BindingUpdateHeader> received; ///< PBUs as decoded from the wire
    /// the status of the PBA that answers the PBU with this index; 0 = accepted
    std::function<uint8_t(size_t)> status;
    uint16_t lastAccepted{1000}; ///< the sequence a 135 PBA carries

    /**
     * \brief Build the MAG, the LMA node and the MN's profile.
     * \param helper a helper with the MAG attributes the case needs
     */
    explicit ScriptedLma(Pmipv6Helper& helper)
    {
        nodes.Create(2);
        Pmipv6Helper::InstallStack(nodes);
        PointToPointHelper p2p;
        p2p.SetChannelAttribute("Delay", StringValue("5ms"));
        NetDeviceContainer link = p2p.Install(nodes);
        Ipv6AddressHelper address;
        address.SetBase(Ipv6Address("fd00:0:0:1::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer ifs = address.Assign(link);
        lmaAddress = ifs.GetAddress(0, 1);
        access = CsmaHelper().Install(nodes.Get(1)).Get(0);
        mag = helper.InstallMag(nodes.Get(1), ifs.GetAddress(1, 1), lmaAddress, access);
        mobility = MobilityL4Protocol::Install(nodes.Get(0));
        mobility->RegisterHandler(mip6::MH_BINDING_UPDATE,
                                  MakeCallback(&ScriptedLma::Receive, this));
    }

    /**
     * \brief A PBU arrived: answer it as scripted.
     * \param p the message
     * \param ip its IPv6 header
     * \param interface the arrival interface
     */
    void Receive(Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface)
    {
        BindingUpdateHeader pbu;
        if (!mobility->Decode(p, ip, pbu))
        {
            return;
        }
        uint8_t st = status(received.size());
        received.push_back(pbu);
        BindingAckHeader pba;
        pba.SetStatus(st);
        pba.SetSequence(st == mip6::BA_SEQUENCE_OUT_OF_WINDOW ? lastAccepted : pbu.GetSequence());
        pba.SetLifetime(st == mip6::BA_ACCEPTED ? pbu.GetLifetime() : 0);
        pba.AddOption(Create<MobileNodeIdentifierOption>(mnId));
        pba.AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:1:1:1::"), 64));
        pba.AddOption(Create<HandoffIndicatorOption>(mip6::HI_UNKNOWN));
        pba.AddOption(Create<AccessTechnologyTypeOption>(mip6::ATT_IEEE_802_3));
        if (st == mip6::BA_ACCEPTED)
        {
            lastAccepted = pbu.GetSequence();
        }
        mobility->Send(pba, ip.GetDestination(), ip.GetSource());
    }

    /// \brief The MN attaches to the MAG.
    void Attach()
    {
        mag->NotifyAttach(access, mnId, mnMac);
    }
};

/**
 * \ingroup pmipv6-test
 * \brief PBA 135 carrying the LMA's last accepted sequence number, not the PBU's: the MAG
 * matches it by MN-ID, continues after that number and registers (RFC 6275 11.7.1).
 */
class Pmipv6SequenceResyncTestCase : public TestCase
{
  public:
    Pmipv6SequenceResyncTestCase()
        : TestCase("135: sequence resynchronised from the PBA, registered with the next PBU")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Helper helper;
        helper.SetMagAttribute("UseTimestamps", BooleanValue(false));
        ScriptedLma lma(helper);
        lma.status = [](size_t i) {
            return i == 0 ? uint8_t(mip6::BA_SEQUENCE_OUT_OF_WINDOW) : uint8_t(mip6::BA_ACCEPTED);
        };
        MagOutcome outcome;
        outcome.Connect(lma.mag);
        Simulator::Schedule(Seconds(1), &ScriptedLma::Attach, &lma);
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(lma.received.size(), 2, "two PBUs reached the LMA within 1 s");
        if (lma.received.size() == 2)
        {
            NS_TEST_ASSERT_MSG_EQ(lma.received[0].GetSequence(), 1, "first PBU: sequence 1");
            NS_TEST_ASSERT_MSG_EQ(lma.received[1].GetSequence(),
                                  1001,
                                  "second PBU: after the last accepted 1000");
        }
        NS_TEST_ASSERT_MSG_EQ(outcome.recoveries.size(), 1, "one recovery");
        NS_TEST_ASSERT_MSG_EQ(outcome.failures.size(), 0, "no failure");
        NS_TEST_ASSERT_MSG_EQ(lma.mag->GetBindingUpdateList()->GetEntryCount(), 1, "one entry");
        NS_TEST_ASSERT_MSG_EQ(lma.mag->GetBindingUpdateList()->GetEntries().at(0)->state,
                              BindingUpdateListEntry::REGISTERED,
                              "registered");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief An LMA that answers every PBU with 135: the MAG re-sends MaxRejectionRecoveries
 * times, each time after the sequence the PBA carries, then reports the failure (135) and
 * drops the entry.
 */
class Pmipv6RecoveryBoundTestCase : public TestCase
{
  public:
    Pmipv6RecoveryBoundTestCase()
        : TestCase("135 again and again: MaxRejectionRecoveries re-sends, then the failure")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Helper helper;
        helper.SetMagAttribute("UseTimestamps", BooleanValue(false));
        helper.SetMagAttribute("MaxRejectionRecoveries", UintegerValue(2));
        ScriptedLma lma(helper);
        lma.status = [&lma](size_t) {
            lma.lastAccepted += 10; // the LMA moves on meanwhile
            return uint8_t(mip6::BA_SEQUENCE_OUT_OF_WINDOW);
        };
        MagOutcome outcome;
        outcome.Connect(lma.mag);
        Simulator::Schedule(Seconds(1), &ScriptedLma::Attach, &lma);
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(lma.received.size(), 3, "the PBU and two re-sends");
        if (lma.received.size() == 3)
        {
            NS_TEST_ASSERT_MSG_EQ(lma.received[1].GetSequence(), 1011, "after 1010");
            NS_TEST_ASSERT_MSG_EQ(lma.received[2].GetSequence(), 1021, "after 1020");
        }
        NS_TEST_ASSERT_MSG_EQ(outcome.recoveries.size(), 2, "two recoveries");
        NS_TEST_ASSERT_MSG_EQ(outcome.failures.size(), 1, "then one failure");
        if (outcome.failures.size() == 1)
        {
            NS_TEST_ASSERT_MSG_EQ(+outcome.failures[0],
                                  +mip6::BA_SEQUENCE_OUT_OF_WINDOW,
                                  "failure status 135");
        }
        NS_TEST_ASSERT_MSG_EQ(lma.mag->GetBindingUpdateList()->GetEntryCount(), 0, "no entry");
        NS_TEST_ASSERT_MSG_EQ(lma.mag->GetRecoveryCount(), 2, "GetRecoveryCount");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The MAG's binding update list timers hold the entry's id, not the entry: an entry
 * removed from the list while its PBU retransmission was pending is referenced by nothing
 * else, and a retransmission event that outlives its entry (its EventId dropped without a
 * cancel) sends nothing.
 */
class Pmipv6TimerHoldsIdTestCase : public TestCase
{
  public:
    Pmipv6TimerHoldsIdTestCase()
        : TestCase("BUL timers hold the entry's id: a removed entry is freed, a late timer is "
                   "a no-op")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Helper helper;
        Domain d(helper);
        Ptr<BindingUpdateList> bul = d.mag1->GetBindingUpdateList();
        std::vector<Time> pbus;
        d.mag1->TraceConnectWithoutContext("TxPbu",
                                           Callback<void, const BindingUpdateHeader&, Ipv6Address>(
                                               [&](const BindingUpdateHeader&, Ipv6Address) {
                                                   pbus.push_back(Simulator::Now());
                                               }));
        // At 1 s the MN attaches; the PBU is out, its PBA 10 ms away, the retransmission
        // pending: the entry is removed from the list.
        bool pending = false;
        uint32_t refsInList = 0;
        uint32_t refsRemoved = 0;
        Simulator::Schedule(Seconds(1), [&]() {
            d.AttachToMag1();
            Ptr<BindingUpdateListEntry> e = bul->GetEntries().at(0);
            const BindingUpdateListEntry* raw = PeekPointer(e);
            pending = e->retransmitTimer.IsRunning();
            refsInList = raw->GetReferenceCount();
            bul->Remove(e);
            // Only e is left: no event in the scheduler holds the entry.
            refsRemoved = raw->GetReferenceCount();
        });
        // At 3 s it attaches again; this entry is removed with its retransmission event left
        // scheduled (the EventId dropped, not cancelled): the event fires at 4.5 s and must
        // find nothing to retransmit.
        bool latePending = false;
        Simulator::Schedule(Seconds(3), [&]() {
            d.AttachToMag1();
            Ptr<BindingUpdateListEntry> e = bul->GetEntries().at(0);
            latePending = e->retransmitTimer.IsRunning();
            e->retransmitTimer = EventId();
            bul->Remove(e);
        });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(pending, true, "the retransmission was pending at the removal");
        NS_TEST_ASSERT_MSG_GT(refsInList, 1, "the list held the entry");
        NS_TEST_ASSERT_MSG_EQ(refsRemoved, 1, "after the removal only the test holds the entry");
        NS_TEST_ASSERT_MSG_EQ(latePending, true, "the second retransmission was pending too");
        NS_TEST_ASSERT_MSG_EQ(pbus.size(), 2, "one PBU per attachment, no retransmission");
        if (pbus.size() == 2)
        {
            NS_TEST_ASSERT_MSG_EQ(pbus[0], Seconds(1), "first attachment");
            NS_TEST_ASSERT_MSG_EQ(pbus[1], Seconds(3), "second attachment");
        }
        NS_TEST_ASSERT_MSG_EQ(bul->GetEntryCount(), 0, "no entry");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The exact life of a binding update list entry, from the list's traces: attach ->
 * REGISTERING -> REGISTERED -> (refresh timer) REFRESHING -> REGISTERED -> detach ->
 * DEREGISTERING -> removed, with the timers and the PBU transaction of each state.
 */
class Pmipv6StateSequenceTestCase : public TestCase
{
  public:
    Pmipv6StateSequenceTestCase()
        : TestCase("BUL entry life: exact state trace sequence, timers and PBU transaction per "
                   "state")
    {
    }

  private:
    /// What a check saw of the entry.
    struct Snapshot
    {
        BindingUpdateListEntry::State state{BindingUpdateListEntry::IDLE}; ///< state
        bool retransmit{false};                                            ///< timer running
        bool refresh{false};                                               ///< timer running
        Time requestedLifetime;                                            ///< of the PBU
        Time currentTimeout;                                               ///< retransmission
    };

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6Helper helper;
        helper.SetMagAttribute("BindingLifetime", TimeValue(Seconds(20)));
        helper.SetMagAttribute("RefreshFraction", DoubleValue(0.5));
        Domain d(helper);
        Ptr<BindingUpdateList> bul = d.mag1->GetBindingUpdateList();
        std::vector<std::string> seq;
        std::vector<Time> at;
        bul->TraceConnectWithoutContext("EntryAdded",
                                        Callback<void, Ptr<const BindingUpdateListEntry>>(
                                            [&](Ptr<const BindingUpdateListEntry>) {
                                                seq.emplace_back("added");
                                                at.push_back(Simulator::Now());
                                            }));
        bul->TraceConnectWithoutContext(
            "EntryStateChanged",
            Callback<void,
                     uint64_t,
                     const std::string&,
                     BindingUpdateListEntry::State,
                     BindingUpdateListEntry::State>([&](uint64_t,
                                                        const std::string&,
                                                        BindingUpdateListEntry::State from,
                                                        BindingUpdateListEntry::State to) {
                seq.push_back(BindingUpdateListEntry::StateName(from) + "->" +
                              BindingUpdateListEntry::StateName(to));
                at.push_back(Simulator::Now());
            }));
        bul->TraceConnectWithoutContext("EntryRemoved",
                                        Callback<void, Ptr<const BindingUpdateListEntry>>(
                                            [&](Ptr<const BindingUpdateListEntry>) {
                                                seq.emplace_back("removed");
                                                at.push_back(Simulator::Now());
                                            }));
        std::vector<Snapshot> snaps;
        auto snapshot = [&]() {
            Snapshot s;
            if (bul->GetEntryCount() == 1)
            {
                Ptr<BindingUpdateListEntry> e = bul->GetEntries().at(0);
                s.state = e->state;
                s.retransmit = e->retransmitTimer.IsRunning();
                s.refresh = e->refreshTimer.IsRunning();
                s.requestedLifetime = e->requestedLifetime;
                s.currentTimeout = e->currentTimeout;
            }
            snaps.push_back(s);
        };
        Simulator::Schedule(Seconds(1), &Domain::AttachToMag1, &d);
        Simulator::Schedule(Seconds(1.005), snapshot);  // REGISTERING
        Simulator::Schedule(Seconds(5), snapshot);      // REGISTERED
        Simulator::Schedule(Seconds(11.015), snapshot); // REFRESHING (PBU at 11.01 s)
        Simulator::Schedule(Seconds(13), snapshot);     // REGISTERED again
        Simulator::Schedule(Seconds(15), &Domain::LeaveMag1, &d);
        Simulator::Schedule(Seconds(15.005), snapshot); // DEREGISTERING
        Simulator::Stop(Seconds(20));
        Simulator::Run();
        Simulator::Destroy(); // what is checked below was copied

        const std::vector<std::string> expected{"added",
                                                "IDLE->REGISTERING",
                                                "REGISTERING->REGISTERED",
                                                "REGISTERED->REFRESHING",
                                                "REFRESHING->REGISTERED",
                                                "REGISTERED->DEREGISTERING",
                                                "removed"};
        NS_TEST_ASSERT_MSG_EQ(seq.size(), expected.size(), "seven list events");
        for (size_t i = 0; i < std::min(seq.size(), expected.size()); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(seq[i], expected[i], "event " << i);
        }
        if (at.size() == expected.size())
        {
            NS_TEST_ASSERT_MSG_EQ(at[1], Seconds(1), "REGISTERING on the attachment");
            NS_TEST_ASSERT_MSG_GT(at[2] - at[1], MilliSeconds(10), "REGISTERED one round trip");
            NS_TEST_ASSERT_MSG_LT(at[2] - at[1], MilliSeconds(11), "later");
            NS_TEST_ASSERT_MSG_EQ(at[3] - at[2], Seconds(10), "refresh at half of 20 s");
            NS_TEST_ASSERT_MSG_GT(at[4] - at[3], MilliSeconds(10), "refreshed one round trip");
            NS_TEST_ASSERT_MSG_LT(at[4] - at[3], MilliSeconds(11), "later");
            NS_TEST_ASSERT_MSG_EQ(at[5], Seconds(15), "DEREGISTERING on the detachment");
            NS_TEST_ASSERT_MSG_GT(at[6] - at[5], MilliSeconds(10), "removed on the PBA");
            NS_TEST_ASSERT_MSG_LT(at[6] - at[5], MilliSeconds(11), "one round trip later");
        }
        NS_TEST_ASSERT_MSG_EQ(snaps.size(), 5, "five snapshots");
        if (snaps.size() != 5)
        {
            return;
        }
        const BindingUpdateListEntry::State states[] = {BindingUpdateListEntry::REGISTERING,
                                                        BindingUpdateListEntry::REGISTERED,
                                                        BindingUpdateListEntry::REFRESHING,
                                                        BindingUpdateListEntry::REGISTERED,
                                                        BindingUpdateListEntry::DEREGISTERING};
        for (size_t i = 0; i < 5; ++i)
        {
            bool registered = states[i] == BindingUpdateListEntry::REGISTERED;
            NS_TEST_ASSERT_MSG_EQ(snaps[i].state, states[i], "state of snapshot " << i);
            NS_TEST_ASSERT_MSG_EQ(snaps[i].retransmit, !registered, "PBU pending " << i);
            NS_TEST_ASSERT_MSG_EQ(snaps[i].refresh, registered, "refresh armed " << i);
        }
        NS_TEST_ASSERT_MSG_EQ(snaps[0].currentTimeout,
                              MilliSeconds(1500),
                              "REGISTERING: InitialBindackTimeoutFirstReg");
        NS_TEST_ASSERT_MSG_EQ(snaps[0].requestedLifetime, Seconds(20), "REGISTERING: 20 s");
        NS_TEST_ASSERT_MSG_EQ(snaps[2].currentTimeout,
                              Seconds(1),
                              "REFRESHING: InitialBindackTimeout");
        NS_TEST_ASSERT_MSG_EQ(snaps[2].requestedLifetime, Seconds(20), "REFRESHING: 20 s");
        NS_TEST_ASSERT_MSG_EQ(snaps[4].currentTimeout,
                              Seconds(1),
                              "DEREGISTERING: InitialBindackTimeout");
        NS_TEST_ASSERT_MSG_EQ(snaps[4].requestedLifetime, Seconds(0), "DEREGISTERING: 0");
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
        AddTestCase(new Pmipv6ReattachWhileRefreshingTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6TimestampMismatchRecoveryTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6TimestampLowerRecoveryTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6MoveDuringRegistrationTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6SequenceResyncTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6RecoveryBoundTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6TimerHoldsIdTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6StateSequenceTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static Pmipv6RegistrationTestSuite g_pmipv6RegistrationTestSuite;
