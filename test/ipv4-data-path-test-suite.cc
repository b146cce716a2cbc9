/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief The IPv4 data path over the IPv6 transport (RFC 5844 3, IPv4-in-IPv6): a dual-stack
 * domain (CN, LMA, MAG1, MAG2, one MN with a logical interface), the LMA and both MAGs with
 * their IPv4 extensions (Pmipv6Helper::EnableIpv4), the MN configured with the LMA's IPv4
 * home address through the MAGs (Pmipv6Helper::EnableIpv4MobileNode). UDP over IPv4 both
 * ways between the MN's home address and the CN, a handover from MAG1 to MAG2: packets
 * delivered before and after, the same address on the MN, the packets on the MAG-LMA links
 * IPv6 with next header 4 carrying IPv4, the routes gone from MAG1.
 *
 * Suite pmipv6-ipv4-data-path.
 */

#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-home-address-routing.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/lma-ipv4-extension.h"
#include "ns3/mag-ipv4-extension.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-dual-access-domain.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"

#include <vector>

using namespace ns3;

namespace
{

/// UDP port of both flows.
constexpr uint16_t PORT = 5000;

/// What a link saw.
struct LinkCount
{
    uint32_t ipv4InIpv6{0}; ///< IPv6 packets with next header 4 whose payload is IPv4
    uint32_t other4{0};     ///< IPv6 packets with next header 4 whose payload is not IPv4
};

/**
 * \brief PhyTxBegin of a MAG-LMA device: count IPv4-in-IPv6 packets (PPP header first).
 * \param count where
 * \param p the frame
 */
void
CountFrame(LinkCount* count, Ptr<const Packet> p)
{
    uint8_t b[64] = {0};
    uint32_t n = p->CopyData(b, sizeof(b));
    // PPP header (2 octets: protocol 0x0057 = IPv6), then the outer IPv6 header
    if (n < 2 + 40 + 20 || b[0] != 0x00 || b[1] != 0x57 || (b[2] >> 4) != 6 || b[2 + 6] != 4)
    {
        return;
    }
    if (b[2 + 40] == 0x45)
    {
        count->ipv4InIpv6++;
    }
    else
    {
        count->other4++;
    }
}

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief IPv4 both ways through the tunnels, over a handover between MAGs.
 */
class Ipv4DataPathTestCase : public TestCase
{
  public:
    Ipv4DataPathTestCase()
        : TestCase("IPv4 home address traffic both ways through the tunnels, over a handover")
    {
    }

  private:
    /**
     * \brief Send one datagram.
     * \param socket the socket
     * \param to the destination
     */
    static void Send(Ptr<Socket> socket, InetSocketAddress to)
    {
        socket->SendTo(Create<Packet>(100), 0, to);
    }

    /**
     * \brief Receive at the CN: count, before / after the handover, and the source.
     * \param socket the socket
     */
    void CnReceive(Ptr<Socket> socket)
    {
        Address from;
        while (socket->RecvFrom(from))
        {
            (Simulator::Now() < m_handover ? m_cnBefore : m_cnAfter)++;
            m_cnSource = InetSocketAddress::ConvertFrom(from).GetIpv4();
        }
    }

    /**
     * \brief Receive at the MN: count, before / after the handover.
     * \param socket the socket
     */
    void MnReceive(Ptr<Socket> socket)
    {
        while (socket->Recv())
        {
            (Simulator::Now() < m_handover ? m_mnBefore : m_mnAfter)++;
        }
    }

    /**
     * \brief The MN's IPv4 addresses on its logical interface (besides none).
     * \param out where
     */
    void TakeAddress(Ipv4Address* out)
    {
        Ptr<Ipv4> ipv4 = m_d->mn.Get(0)->GetObject<Ipv4>();
        int32_t i = ipv4->GetInterfaceForDevice(m_d->lif);
        *out = (i >= 0 && ipv4->GetNAddresses(i) > 0) ? ipv4->GetAddress(i, 0).GetLocal()
                                                      : Ipv4Address::GetAny();
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        m_d = new Pmipv6DualAccessDomain("mn@ipv4data.test",
                                         Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS,
                                         true);
        Ptr<LmaIpv4Extension> lmaExt = m_d->pmip.EnableIpv4(m_d->lmaApp);
        m_d->lmaApp->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(Seconds(1)));
        for (uint32_t k = 0; k < 2; ++k)
        {
            m_d->pmip.EnableIpv4(m_d->magApp[k]);
        }
        m_d->pmip.EnableIpv4MobileNode(m_d->mnId, m_d->lif);

        LinkCount links[2];
        for (uint32_t k = 0; k < 2; ++k)
        {
            Ptr<Node> mag = m_d->mags.Get(k);
            for (uint32_t i = 0; i < mag->GetNDevices(); ++i)
            {
                Ptr<PointToPointNetDevice> dev =
                    DynamicCast<PointToPointNetDevice>(mag->GetDevice(i));
                if (!dev)
                {
                    continue;
                }
                // both ends of the MAG-LMA link: uplink from the MAG, downlink from the LMA
                for (uint32_t end = 0; end < 2; ++end)
                {
                    dev->GetChannel()->GetDevice(end)->TraceConnectWithoutContext(
                        "PhyTxBegin",
                        MakeBoundCallback(&CountFrame, &links[k]));
                }
            }
        }

        const Ipv4Address hoa("10.100.0.2"); // the LMA pool's first address for an MN
        TypeId udp = UdpSocketFactory::GetTypeId();
        Ptr<Socket> cnSocket = Socket::CreateSocket(m_d->cn.Get(0), udp);
        cnSocket->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
        cnSocket->SetRecvCallback(MakeCallback(&Ipv4DataPathTestCase::CnReceive, this));
        Ptr<Socket> mnSocket = Socket::CreateSocket(m_d->mn.Get(0), udp);
        mnSocket->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
        mnSocket->SetRecvCallback(MakeCallback(&Ipv4DataPathTestCase::MnReceive, this));

        // 20 datagrams a second each way, from 1 s to 6 s; handover at 3 s
        uint32_t sent = 0;
        for (Time t = Seconds(1); t < Seconds(6); t += MilliSeconds(50))
        {
            Simulator::ScheduleWithContext(m_d->mn.Get(0)->GetId(),
                                           t,
                                           &Ipv4DataPathTestCase::Send,
                                           mnSocket,
                                           InetSocketAddress(m_d->cnIpv4Address, PORT));
            Simulator::ScheduleWithContext(m_d->cn.Get(0)->GetId(),
                                           t + MilliSeconds(25),
                                           &Ipv4DataPathTestCase::Send,
                                           cnSocket,
                                           InetSocketAddress(hoa, PORT));
            ++sent;
        }
        Ipv4Address beforeHandover;
        Ipv4Address afterHandover;
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, m_d, 0, 1);
        Simulator::Schedule(Seconds(2.9),
                            &Ipv4DataPathTestCase::TakeAddress,
                            this,
                            &beforeHandover);
        Simulator::Schedule(m_handover, &Pmipv6DualAccessDomain::Detach, m_d, 0);
        Simulator::Schedule(m_handover + MilliSeconds(100),
                            &Pmipv6DualAccessDomain::Attach,
                            m_d,
                            1,
                            2);
        Simulator::Schedule(Seconds(5.9), &Ipv4DataPathTestCase::TakeAddress, this, &afterHandover);
        Simulator::Stop(Seconds(7));
        Simulator::Run();

        Ptr<Ipv4HomeAddressRouting> mag1Routing = Ipv4HomeAddressRouting::Install(m_d->mags.Get(0));
        Ptr<Ipv4HomeAddressRouting> mag2Routing = Ipv4HomeAddressRouting::Install(m_d->mags.Get(1));
        Ptr<Ipv4HomeAddressRouting> lmaRouting = Ipv4HomeAddressRouting::Install(m_d->lma.Get(0));

        NS_TEST_EXPECT_MSG_EQ(beforeHandover, hoa, "the MN's IPv4 address at MAG1");
        NS_TEST_EXPECT_MSG_EQ(afterHandover, hoa, "the same address at MAG2");
        NS_TEST_EXPECT_MSG_EQ(lmaExt->GetHomeAddress(m_d->mnId), hoa, "the LMA's lease");
        NS_TEST_EXPECT_MSG_EQ(m_cnSource, hoa, "the CN sees the home address as source");
        // 40 datagrams each way before the handover (1 s to 3 s), 60 after
        NS_TEST_EXPECT_MSG_EQ(m_cnBefore, 40u, "uplink through MAG1: every datagram");
        NS_TEST_EXPECT_MSG_EQ(m_mnBefore, 40u, "downlink through MAG1: every datagram");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(m_cnAfter, 55u, "uplink through MAG2 after the handover");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(m_mnAfter, 55u, "downlink through MAG2 after the handover");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(m_cnBefore + m_cnAfter, sent, "no duplicates (uplink)");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(m_mnBefore + m_mnAfter, sent, "no duplicates (downlink)");
        // every datagram delivered crossed a MAG-LMA link as IPv4-in-IPv6 (next header 4)
        NS_TEST_EXPECT_MSG_GT_OR_EQ(links[0].ipv4InIpv6, 80u, "IPv4-in-IPv6 on MAG1's link");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(links[1].ipv4InIpv6, 110u, "IPv4-in-IPv6 on MAG2's link");
        NS_TEST_EXPECT_MSG_EQ(links[0].other4 + links[1].other4, 0u, "next header 4 is IPv4");
        // routes: MAG2 and the LMA route the address, MAG1 no longer does
        NS_TEST_ASSERT_MSG_NE(mag1Routing, nullptr, "MAG1's routing");
        NS_TEST_EXPECT_MSG_EQ(mag1Routing->GetHostRouteInterface(hoa), -1, "MAG1: no host route");
        NS_TEST_EXPECT_MSG_EQ(mag1Routing->GetSourceRouteInterface(hoa),
                              -1,
                              "MAG1: no source route");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(mag2Routing->GetSourceRouteInterface(hoa),
                                    1,
                                    "MAG2: source route into its tunnel");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(lmaRouting->GetHostRouteInterface(hoa),
                                    1,
                                    "LMA: host route into MAG2's tunnel");

        Simulator::Destroy();
        delete m_d;
        m_d = nullptr;
    }

    Pmipv6DualAccessDomain* m_d{nullptr}; ///< the domain
    Time m_handover{Seconds(3)};          ///< when the MN leaves MAG1
    uint32_t m_cnBefore{0};               ///< uplink datagrams before the handover
    uint32_t m_cnAfter{0};                ///< after
    uint32_t m_mnBefore{0};               ///< downlink datagrams before the handover
    uint32_t m_mnAfter{0};                ///< after
    Ipv4Address m_cnSource;               ///< source of the last datagram at the CN
};

/**
 * \ingroup pmipv6-tests
 * \brief Suite of the IPv4 data path.
 */
class Ipv4DataPathTestSuite : public TestSuite
{
  public:
    Ipv4DataPathTestSuite()
        : TestSuite("pmipv6-ipv4-data-path", UNIT)
    {
        AddTestCase(new Ipv4DataPathTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static Ipv4DataPathTestSuite g_ipv4DataPathTestSuite;
