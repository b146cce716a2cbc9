/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief The extension interface of the LMA and the MAG (Pmipv6LmaExtension,
 * Pmipv6MagExtension) on a running domain: every hook is called at the right moment with the
 * right entry, options added by one side's extension reach the other side's extension, a veto
 * refuses the registration with the extension's status, and claimed MH types reach the
 * extension instead of being answered with a Binding Error.
 *
 * Topology: Pmipv6TopologyHelper star (CN -- LMA -- MAG1, MAG2), CSMA access, one mobile node
 * that attaches to MAG1 and moves to MAG2.
 */

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \ingroup pmipv6-tests
 * \brief An LMA extension that records every hook, vetoes one MN, adds the MAG IPv6 Address
 * option to each PBA and claims the Update Notification MH type.
 */
class RecordingLmaExtension : public Pmipv6LmaExtension
{
  public:
    std::vector<std::string> events;    ///< "EVENT mnId proxyCoa previous" per call
    std::vector<uint8_t> received;      ///< MH types received
    uint32_t pbusChecked{0};            ///< CheckPbu calls
    uint32_t pbusWithContextRequest{0}; ///< of which carried the MAG's option
    uint32_t pbasExtended{0};           ///< PBAs given an option
    std::string veto;                   ///< MN-ID refused with vetoStatus
    uint8_t vetoStatus{mip6::BA_ADMINISTRATIVELY_PROHIBITED}; ///< status of the veto
    bool started{false};                                      ///< DoStart ran

    std::vector<uint8_t> GetMhTypes() const override
    {
        return {mip6::MH_UPDATE_NOTIFICATION};
    }

    void Receive(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface) override
    {
        received.push_back(mhType);
    }

    uint8_t CheckPbu(const ProxyBindingRequest& req) override
    {
        pbusChecked++;
        if (req.options.Find<ContextRequestOption>())
        {
            pbusWithContextRequest++;
        }
        return req.mnId == veto ? vetoStatus : uint8_t(mip6::BA_ACCEPTED);
    }

    void NotifyBinding(BindingEvent event,
                       Ptr<BindingCacheEntry> entry,
                       Ipv6Address previousProxyCoa) override
    {
        std::ostringstream os;
        os << BindingEventName(event) << " " << entry->mnId << " " << entry->proxyCoa << " "
           << previousProxyCoa;
        events.push_back(os.str());
    }

    void AddPbaOptions(BindingAckHeader& pba,
                       const ProxyBindingRequest& req,
                       Ptr<const BindingCacheEntry> entry) override
    {
        if (entry)
        {
            pba.AddOption(Create<MagIpv6AddressOption>(entry->proxyCoa));
            pbasExtended++;
        }
    }

  protected:
    void DoStart() override
    {
        started = true;
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief A MAG extension that records every hook, adds a Context Request option to each PBU
 * and sends an Update Notification to the LMA on each registration.
 */
class RecordingMagExtension : public Pmipv6MagExtension
{
  public:
    std::vector<std::string> events; ///< "EVENT mnId" per call
    uint32_t attaches{0};            ///< NotifyAttach calls
    uint32_t detaches{0};            ///< NotifyDetach calls
    uint32_t pbuOptionsAdded{0};     ///< PBUs given the option
    uint32_t pbas{0};                ///< NotifyPba calls
    uint32_t pbasWithMagAddress{0};  ///< of which carried the LMA extension's option
    Ipv6Address lastMagAddressInPba; ///< the option's value
    bool sendUpn{false};             ///< send a UPN to the LMA on registration

    void AddPbuOptions(BindingUpdateHeader& pbu, Ptr<const BindingUpdateListEntry> entry) override
    {
        pbu.AddOption(Create<ContextRequestOption>());
        pbuOptionsAdded++;
    }

    void NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry) override
    {
        pbas++;
        if (auto option = pba.GetOptions().Find<MagIpv6AddressOption>())
        {
            pbasWithMagAddress++;
            lastMagAddressInPba = option->GetAddress();
        }
    }

    void NotifyAttach(Ptr<BindingUpdateListEntry> entry) override
    {
        attaches++;
    }

    void NotifyDetach(Ptr<BindingUpdateListEntry> entry) override
    {
        detaches++;
    }

    void NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry) override
    {
        events.push_back(BindingEventName(event) + " " + entry->mnId);
        if (sendUpn && event == BINDING_REGISTERED)
        {
            UpdateNotificationHeader upn;
            upn.SetSequence(1);
            GetMag()->GetMobilityProtocol()->Send(upn, GetMag()->GetProxyCoa(), entry->lmaAddress);
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The star domain with one extension on the LMA and one on each MAG.
 */
struct ExtensionDomain
{
    Pmipv6TopologyHelper topology;   ///< the domain
    Ptr<RecordingLmaExtension> lma;  ///< on the LMA
    Ptr<RecordingMagExtension> mag1; ///< on MAG1
    Ptr<RecordingMagExtension> mag2; ///< on MAG2

    /// Build it: the MN "mn@test" attaches to MAG1 at 1 s.
    ExtensionDomain()
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        topology.Build(Pmipv6TopologyHelper::MakeStar(2));
        lma = CreateObject<RecordingLmaExtension>();
        mag1 = CreateObject<RecordingMagExtension>();
        mag2 = CreateObject<RecordingMagExtension>();
        topology.GetLma("lma")->AddExtension(lma);
        topology.GetMag("mag1")->AddExtension(mag1);
        topology.GetMag("mag2")->AddExtension(mag2);
        topology.AddMobileNode("mn@test", "mag1", Seconds(1));
    }

    /// Run until \p t and destroy the simulator.
    void Run(Time t)
    {
        Simulator::Stop(t);
        Simulator::Run();
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Registration and handover: each hook once per step, with the right entry; the
 * options the extensions add cross the wire.
 */
class ExtensionHooksTestCase : public TestCase
{
  public:
    ExtensionHooksTestCase()
        : TestCase("hooks run at registration and handover; extension options cross the wire")
    {
    }

  private:
    void DoRun() override
    {
        ExtensionDomain d;
        Ipv6Address mag1 = d.topology.GetAddress("mag1");
        Ipv6Address mag2 = d.topology.GetAddress("mag2");
        d.topology.ScheduleMove("mn@test", "mag2", Seconds(3));
        d.Run(Seconds(5));

        NS_TEST_EXPECT_MSG_EQ(d.lma->started, true, "DoStart ran when the LMA started");
        // PBUs: MAG1 registration, MAG1 de-registration (detach), MAG2 registration
        NS_TEST_EXPECT_MSG_EQ(d.lma->pbusChecked, 3, "CheckPbu once per PBU");
        NS_TEST_EXPECT_MSG_EQ(d.lma->pbusWithContextRequest,
                              3,
                              "every PBU carried the MAG extension's option");
        NS_TEST_ASSERT_MSG_EQ(d.lma->events.size(), 3, "three binding events");
        std::ostringstream created;
        created << "CREATED mn@test " << mag1 << " " << mag1;
        NS_TEST_EXPECT_MSG_EQ(d.lma->events[0], created.str(), "first: created at MAG1");
        std::ostringstream dereg;
        dereg << "DEREGISTERED mn@test " << mag1 << " " << mag1;
        NS_TEST_EXPECT_MSG_EQ(d.lma->events[1], dereg.str(), "then MAG1 de-registers");
        std::ostringstream moved;
        moved << "MOVED mn@test " << mag2 << " " << mag1;
        NS_TEST_EXPECT_MSG_EQ(d.lma->events[2], moved.str(), "then moved to MAG2, from MAG1");

        NS_TEST_EXPECT_MSG_EQ(d.mag1->attaches, 1, "MAG1 attach hook");
        NS_TEST_EXPECT_MSG_EQ(d.mag1->detaches, 1, "MAG1 detach hook");
        NS_TEST_EXPECT_MSG_EQ(d.mag2->attaches, 1, "MAG2 attach hook");
        NS_TEST_EXPECT_MSG_EQ(d.mag2->detaches, 0, "no detach at MAG2");
        NS_TEST_EXPECT_MSG_EQ(d.mag1->pbuOptionsAdded, 2, "MAG1: registration, de-registration");
        NS_TEST_EXPECT_MSG_EQ(d.mag2->pbuOptionsAdded, 1, "MAG2: registration");
        NS_TEST_EXPECT_MSG_EQ(d.mag2->pbas, 1, "MAG2 saw its PBA");
        NS_TEST_EXPECT_MSG_EQ(d.mag2->pbasWithMagAddress,
                              1,
                              "the PBA carried the LMA extension's option");
        NS_TEST_EXPECT_MSG_EQ(d.mag2->lastMagAddressInPba, mag2, "with the entry's Proxy-CoA");
        NS_TEST_EXPECT_MSG_EQ(d.mag2->events.size(), 1, "MAG2: one binding event");
        if (!d.mag2->events.empty())
        {
            NS_TEST_EXPECT_MSG_EQ(d.mag2->events[0], "REGISTERED mn@test", "MAG2: registered");
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief An extension's veto refuses the registration with its status; no entry is created.
 */
class ExtensionVetoTestCase : public TestCase
{
  public:
    ExtensionVetoTestCase()
        : TestCase("a CheckPbu veto refuses the PBU with the extension's status")
    {
    }

  private:
    void DoRun() override
    {
        ExtensionDomain d;
        d.lma->veto = "mn@test";
        Ptr<Pmipv6LmaApplication> lma = d.topology.GetLma("lma");
        Ptr<Pmipv6MagApplication> mag1 = d.topology.GetMag("mag1");
        uint32_t cacheSize = 99;
        Simulator::Schedule(Seconds(1.5),
                            [&]() { cacheSize = lma->GetBindingCache()->GetEntryCount(); });
        d.Run(Seconds(2));
        NS_TEST_EXPECT_MSG_EQ(lma->GetPbaCount(mip6::BA_ADMINISTRATIVELY_PROHIBITED),
                              1,
                              "the LMA refused with the extension's status");
        NS_TEST_EXPECT_MSG_EQ(mag1->GetPbaCount(mip6::BA_ADMINISTRATIVELY_PROHIBITED),
                              1,
                              "the MAG got the refusal");
        NS_TEST_EXPECT_MSG_EQ(cacheSize, 0, "no binding cache entry");
        NS_TEST_EXPECT_MSG_EQ(d.lma->events.size(), 0, "no binding event");
        NS_TEST_EXPECT_MSG_EQ(d.lma->pbasExtended, 0, "no option on a refusal");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief A claimed MH type reaches the extension (no Binding Error); unclaimed it would not.
 */
class ExtensionMhTypeTestCase : public TestCase
{
  public:
    ExtensionMhTypeTestCase()
        : TestCase("a claimed MH type is delivered to the extension, not answered with a BE")
    {
    }

  private:
    void DoRun() override
    {
        ExtensionDomain d;
        d.mag1->sendUpn = true;
        Ptr<Pmipv6LmaApplication> lma = d.topology.GetLma("lma");
        bool claimed = false;
        Simulator::Schedule(Seconds(0.5), [&]() {
            claimed = lma->GetMobilityProtocol()->HasHandler(mip6::MH_UPDATE_NOTIFICATION);
        });
        d.Run(Seconds(2));
        NS_TEST_EXPECT_MSG_EQ(claimed, true, "the type is claimed once the LMA started");
        NS_TEST_ASSERT_MSG_EQ(d.lma->received.size(), 1, "the UPN reached the extension");
        NS_TEST_EXPECT_MSG_EQ(+d.lma->received[0],
                              +mip6::MH_UPDATE_NOTIFICATION,
                              "with its MH type");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The suite.
 */
class Pmipv6ExtensionTestSuite : public TestSuite
{
  public:
    Pmipv6ExtensionTestSuite()
        : TestSuite("pmipv6-extension", UNIT)
    {
        AddTestCase(new ExtensionHooksTestCase, TestCase::QUICK);
        AddTestCase(new ExtensionVetoTestCase, TestCase::QUICK);
        AddTestCase(new ExtensionMhTypeTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
Pmipv6ExtensionTestSuite g_pmipv6ExtensionTestSuite;

} // namespace
