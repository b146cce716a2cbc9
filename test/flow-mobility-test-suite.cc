/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief Flow mobility on a shared prefix (pmipv6 flow mobility draft section 3.1, RFC 7864
 * Handoff Indicator 6) with LmaFlowMobilityExtension: the second interface's session shares the
 * first one's prefix with its own BID, the first binding is the default, MoveFlow moves one
 * flow (downlink and, through the logical interface, uplink) with no signalling and no loss,
 * and when the default binding goes, the other becomes the default while the shared prefix
 * keeps flowing (the de-registered session's discard route does not shadow the live one).
 *
 * Topology: CN -- LMA -- MAG1, MAG2 (p2p); MAG1 ==csma== if0, MAG2 ==csma== if1 of one mobile
 * node behind a LogicalInterfaceNetDevice.
 */

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

#include <map>
#include <string>
#include <tuple>

using namespace ns3;

namespace
{

/**
 * \ingroup pmipv6-tests
 * \brief The shared-prefix domain and two echoed UDP flows (ports 9000, 9001) CN -> MN.
 */
class SharedPrefixTestCase : public TestCase
{
  public:
    SharedPrefixTestCase()
        : TestCase("HI 6 shares the prefix; MoveFlow moves one flow both ways; the default "
                   "binding survives the first interface's departure")
    {
    }

  private:
    /// Echo every datagram back from the MN.
    void Echo(Ptr<Socket> s)
    {
        Address from;
        while (Ptr<Packet> p = s->RecvFrom(from))
        {
            s->SendTo(p, 0, from);
        }
    }

    /// Count the echoes at the CN, per flow.
    void Back(Ptr<Socket> s)
    {
        Address from;
        while (s->RecvFrom(from))
        {
            m_echoed[Inet6SocketAddress::ConvertFrom(from).GetPort()]++;
        }
    }

    /// Send one datagram of flow \p k and schedule the next.
    void Send(uint32_t k)
    {
        if (Simulator::Now() >= m_stop)
        {
            return;
        }
        m_sent[m_ports[k]]++;
        m_cnSocket[k]->SendTo(Create<Packet>(200), 0, Inet6SocketAddress(m_home, m_ports[k]));
        Simulator::Schedule(MilliSeconds(20), &SharedPrefixTestCase::Send, this, k);
    }

    /// PhysicalRx: downlink UDP per (device, MN port) and per phase.
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
        m_down[{m_phase, device, udp.GetDestinationPort()}]++;
    }

    /// InterfaceChoice: uplink UDP per (device, MN port) and per phase.
    void Tx(Ptr<const Packet> p, uint32_t device, uint8_t reason)
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
        m_up[{m_phase, device, udp.GetSourcePort()}]++;
    }

    /**
     * \brief Downlink packets.
     * \param phase the phase
     * \param device the physical device
     * \param port the MN's port
     * \return the count
     */
    uint32_t Down(uint32_t phase, uint32_t device, uint16_t port)
    {
        return m_down[std::make_tuple(phase, device, port)];
    }

    /**
     * \brief Uplink packets.
     * \param phase the phase
     * \param device the physical device
     * \param port the MN's port
     * \return the count
     */
    uint32_t Up(uint32_t phase, uint32_t device, uint16_t port)
    {
        return m_up[std::make_tuple(phase, device, port)];
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6DualAccessDomain d("mn@flow-mobility.test");
        Ptr<Pmipv6LmaApplication> lmaApp = d.lmaApp;
        lmaApp->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(Seconds(1)));
        Ptr<LmaFlowMobilityExtension> fm = CreateObject<LmaFlowMobilityExtension>();
        lmaApp->AddExtension(fm);
        const std::string& mnId = d.mnId;
        Ptr<LogicalInterfaceNetDevice> lif = d.lif;
        Ipv6Address coa1 = d.proxyCoa[0];
        Ipv6Address coa2 = d.proxyCoa[1];
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
        lif->TraceConnectWithoutContext("PhysicalRx",
                                        MakeCallback(&SharedPrefixTestCase::Rx, this));
        lif->TraceConnectWithoutContext("InterfaceChoice",
                                        MakeCallback(&SharedPrefixTestCase::Tx, this));

        // 2 s: the state after both attachments; traffic starts
        uint32_t entries = 0;
        bool samePrefix = false;
        uint16_t bid1 = 0;
        uint16_t bid2 = 0;
        uint16_t defaultBid = 0;
        Ptr<Socket> mnSocket[2];
        Simulator::Schedule(Seconds(2), [&]() {
            auto all = lmaApp->GetBindingCache()->FindByMnId(mnId);
            entries = all.size();
            samePrefix = all.size() == 2 &&
                         all[0]->homeNetworkPrefixes == all[1]->homeNetworkPrefixes &&
                         !all[0]->homeNetworkPrefixes.empty();
            bid1 = fm->GetBindingId(mnId, coa1);
            bid2 = fm->GetBindingId(mnId, coa2);
            lmaApp->GetFlowBindingTable()->GetDefaultBid(lmaApp->GetFlowOwner(mnId), defaultBid);
            if (!samePrefix)
            {
                return;
            }
            m_home = Pmipv6Helper::GetHomeAddress(lif, all[0]->homeNetworkPrefixes[0]);
            for (uint32_t k = 0; k < 2; ++k)
            {
                mnSocket[k] = Socket::CreateSocket(d.mn.Get(0), UdpSocketFactory::GetTypeId());
                mnSocket[k]->Bind(Inet6SocketAddress(m_home, m_ports[k]));
                mnSocket[k]->SetRecvCallback(MakeCallback(&SharedPrefixTestCase::Echo, this));
                m_cnSocket[k] = Socket::CreateSocket(d.cn.Get(0), UdpSocketFactory::GetTypeId());
                m_cnSocket[k]->Bind();
                m_cnSocket[k]->SetRecvCallback(MakeCallback(&SharedPrefixTestCase::Back, this));
                Send(k);
            }
        });
        // 3 s: move flow 9001 to MAG2's binding
        uint16_t fid = 0;
        Simulator::Schedule(Seconds(3), [&]() {
            m_phase = 1;
            TrafficSelector selector;
            selector.SetDestinationPort(m_ports[1]);
            fid = fm->MoveFlow(mnId, selector, bid2);
        });
        // 4 s: if0 leaves MAG1 (de-registration; deleted MinDelayBeforeBCEDelete = 1 s later)
        Simulator::Schedule(Seconds(4), [&]() {
            m_phase = 2;
            d.Detach(0);
        });
        uint16_t defaultAfter = 0;
        uint32_t entriesAfter = 0;
        Simulator::Schedule(Seconds(5.5), [&]() {
            m_phase = 3;
            entriesAfter = lmaApp->GetBindingCache()->FindByMnId(mnId).size();
            lmaApp->GetFlowBindingTable()->GetDefaultBid(lmaApp->GetFlowOwner(mnId), defaultAfter);
        });
        m_stop = Seconds(6.5);
        Simulator::Stop(Seconds(7));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(entries, 2, "two binding cache entries for the MN");
        NS_TEST_ASSERT_MSG_EQ(samePrefix, true, "sharing one prefix");
        NS_TEST_EXPECT_MSG_EQ(bid1, 1, "MAG1's binding is BID 1");
        NS_TEST_EXPECT_MSG_EQ(bid2, 2, "MAG2's binding is BID 2");
        NS_TEST_EXPECT_MSG_EQ(defaultBid, 1, "the first binding is the default");
        NS_TEST_EXPECT_MSG_EQ(fid, 1, "MoveFlow made flow 1");
        // phase 0 (2-3 s): both flows through MAG1 (if0), both ways
        for (uint16_t port : m_ports)
        {
            NS_TEST_EXPECT_MSG_GT(Down(0, 0, port), 40, "before the move: down on if0");
            NS_TEST_EXPECT_MSG_EQ(Down(0, 1, port), 0, "before the move: nothing on if1");
            NS_TEST_EXPECT_MSG_EQ(Up(0, 1, port), 0, "before the move: no uplink on if1");
        }
        // phase 1 (3-4 s): 9001 moved to if1 both ways, 9000 untouched
        NS_TEST_EXPECT_MSG_GT(Down(1, 1, 9001), 40, "moved flow: downlink on if1");
        NS_TEST_EXPECT_MSG_LT(Down(1, 0, 9001), 3, "moved flow: at most in-flight on if0");
        NS_TEST_EXPECT_MSG_GT(Up(1, 1, 9001), 40, "moved flow: uplink follows to if1");
        NS_TEST_EXPECT_MSG_LT(Up(1, 0, 9001), 3, "moved flow: uplink leaves if0");
        NS_TEST_EXPECT_MSG_GT(Down(1, 0, 9000), 40, "other flow: still on if0");
        NS_TEST_EXPECT_MSG_EQ(Down(1, 1, 9000), 0, "other flow: not moved");
        // phase 2 (4-5.5 s): MAG1's session waits MinDelayBeforeBCEDelete; its discard route
        // must not shadow MAG2's live route of the shared prefix
        NS_TEST_EXPECT_MSG_GT(Down(2, 1, 9000), 60, "flow 9000 reaches if1 during the wait");
        // phase 3 (5.5-6.5 s): MAG1's session deleted, BID 2 the default, both flows via if1
        NS_TEST_EXPECT_MSG_EQ(entriesAfter, 1, "MAG1's entry deleted");
        NS_TEST_EXPECT_MSG_EQ(defaultAfter, 2, "BID 2 is the default now");
        NS_TEST_EXPECT_MSG_GT(Down(3, 1, 9000), 40, "flow 9000 now reaches if1");
        NS_TEST_EXPECT_MSG_GT(Down(3, 1, 9001), 40, "flow 9001 still on if1");
        // nothing of the moved flow was lost: every datagram sent was echoed
        NS_TEST_EXPECT_MSG_EQ(m_echoed[9001], m_sent[9001], "no loss in the move");
        Simulator::Destroy();
    }

    const uint16_t m_ports[2] = {9000, 9001};                            ///< the flows
    Ipv6Address m_home;                                                  ///< the MN's address
    Ptr<Socket> m_cnSocket[2];                                           ///< the CN's senders
    Time m_stop;                                                         ///< sending ends
    uint32_t m_phase{0};                                                 ///< 0..3
    std::map<uint16_t, uint32_t> m_sent;                                 ///< per port
    std::map<uint16_t, uint32_t> m_echoed;                               ///< per port
    std::map<std::tuple<uint32_t, uint32_t, uint16_t>, uint32_t> m_down; ///< (phase, dev, port)
    std::map<std::tuple<uint32_t, uint32_t, uint16_t>, uint32_t> m_up;   ///< (phase, dev, port)
};

/**
 * \ingroup pmipv6-tests
 * \brief The suite.
 */
class FlowMobilityTestSuite : public TestSuite
{
  public:
    FlowMobilityTestSuite()
        : TestSuite("pmipv6-flow-mobility", UNIT)
    {
        AddTestCase(new SharedPrefixTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
FlowMobilityTestSuite g_flowMobilityTestSuite;

} // namespace
