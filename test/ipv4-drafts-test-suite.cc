/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief The drafts' IPv4 cases (issue 17): IPv4 traffic selectors in the flow-binding engine
 * of the IPv4 data path, LMA-initiated flow binding (draft-sarikaya-netext-lma-init-flow-
 * binding-00 section 6) towards an IPv4-Proxy-CoA over the IPv4 transport, and the draft's
 * literal Target CoA length 12.
 *
 * Domain: Pmipv6DualAccessDomain, dual stack, the MN's two interfaces behind its logical
 * interface attached to MAG1 and MAG2 (one binding each, HI 1), the LMA's IPv4 home address
 * given to both bindings, LmaFlowBindingExtension / MagFlowBindingExtension on the agents;
 * over the IPv6 transport (IPv4-in-IPv6) and over the IPv4 transport (RFC 5844 4).
 *
 * Suite pmipv6-ipv4-drafts.
 */

#include "ns3/csma-channel.h"
#include "ns3/csma-helper.h"
#include "ns3/flow-attribute-option.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-home-address-routing.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/lma-flow-binding-extension.h"
#include "ns3/lma-ipv4-extension.h"
#include "ns3/lma-local-routing-extension.h"
#include "ns3/mag-flow-binding-extension.h"
#include "ns3/mag-ipv4-extension.h"
#include "ns3/mag-local-routing-extension.h"
#include "ns3/mobility-option.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-dual-access-domain.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/traffic-selector.h"
#include "ns3/udp-socket-factory.h"

#include <map>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// UDP destination port of flow A (bound to MAG1).
constexpr uint16_t PORT_A = 6001;
/// UDP destination port of flow B (bound to MAG2).
constexpr uint16_t PORT_B = 6002;
/// PPP protocol numbers of the MAG-LMA links.
constexpr uint16_t PPP_IPV4 = 0x0021;
/// PPP protocol number of IPv6.
constexpr uint16_t PPP_IPV6 = 0x0057;

/**
 * \brief The UDP destination port of an IPv4 packet (IPv4 header first), 0 when not UDP.
 * \param b the octets
 * \param n how many
 * \param o where the IPv4 header starts
 * \return the port
 */
uint16_t
Ipv4UdpPort(const uint8_t* b, uint32_t n, uint32_t o)
{
    if (n < o + 20 || (b[o] >> 4) != 4)
    {
        return 0;
    }
    uint32_t ihl = (b[o] & 0x0f) * 4u;
    if (b[o + 9] != 17 || n < o + ihl + 4)
    {
        return 0;
    }
    return static_cast<uint16_t>((b[o + ihl + 2] << 8) | b[o + ihl + 3]);
}

/// Frames seen on one MAG-LMA link in one direction (the LMA's end).
struct LinkCount
{
    std::map<uint16_t, uint32_t> before;     ///< tunnelled IPv4 UDP per port, before the boundary
    std::map<uint16_t, uint32_t> after;      ///< after
    std::map<uint16_t, uint32_t> third;      ///< after the second boundary
    Time bound{Seconds(100)};                ///< the boundary
    Time bound2{Seconds(100)};               ///< the second boundary
    std::vector<std::vector<uint8_t>> pfbis; ///< PFBIs over IPv4 / UDP 5436: the whole frame
};

/**
 * \brief PhyTxBegin of the LMA's end of a MAG-LMA link: count the tunnelled IPv4 UDP packets
 * (IPv4-in-IPv6, next header 4, or IPv4-in-IPv4, protocol 4) per inner destination port.
 * \param count where
 * \param p the frame (PPP header first)
 */
void
CountTunnelled(LinkCount* count, Ptr<const Packet> p)
{
    uint8_t b[128] = {0};
    uint32_t n = p->CopyData(b, sizeof(b));
    if (n < 2)
    {
        return;
    }
    uint16_t ppp = static_cast<uint16_t>((b[0] << 8) | b[1]);
    uint16_t port = 0;
    if (ppp == PPP_IPV6 && n > 2 + 40 && b[2 + 6] == 4)
    {
        port = Ipv4UdpPort(b, n, 2 + 40);
    }
    else if (ppp == PPP_IPV4 && n > 2 + 20 && b[2 + 9] == 4)
    {
        port = Ipv4UdpPort(b, n, 2 + (b[2] & 0x0f) * 4u);
    }
    if (port != 0)
    {
        Time now = Simulator::Now();
        (now < count->bound    ? count->before
         : now < count->bound2 ? count->after
                               : count->third)[port]++;
        return;
    }
    // signalling over the IPv4 transport: IPv4 / UDP 5436 / IPv6 / Mobility Header (PFBI)
    if (ppp == PPP_IPV4 && b[2 + 9] == 17)
    {
        uint32_t udp = 2 + (b[2] & 0x0f) * 4u;
        uint32_t mh = udp + 8 + 40;
        if (n > mh + 2 && ((b[udp + 2] << 8) | b[udp + 3]) == mip6::PMIP6_CNTL_UDP_PORT &&
            b[udp + 8 + 6] == mip6::MOBILITY_HEADER_PROTOCOL &&
            b[mh + 2] == mip6::MH_PROXY_FLOW_BINDING_INDICATION)
        {
            std::vector<uint8_t> frame(p->GetSize());
            p->CopyData(frame.data(), frame.size());
            count->pfbis.push_back(frame);
        }
    }
}

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief The dual-stack, two-interface domain with the flow-binding extensions, IPv4 traffic
 * from the CN to the MN's home address on two ports, and per-link / per-interface counters.
 */
class Ipv4DraftsFixture : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param name the case name
     * \param ipv4Transport the MAG-LMA network is IPv4 only
     * \param pointToMultipoint the LMA's PointToMultipointTunnel (one tunnel interface for
     * both MAGs, tunnels named by identifier)
     */
    Ipv4DraftsFixture(const std::string& name, bool ipv4Transport, bool pointToMultipoint = false)
        : TestCase(name + (ipv4Transport ? " [IPv4 transport]" : " [IPv6 transport]") +
                   (pointToMultipoint ? " [LMA point-to-multipoint tunnel]" : "")),
          m_ipv4Transport(ipv4Transport),
          m_pointToMultipoint(pointToMultipoint)
    {
    }

  protected:
    /// The MN's IPv4 home address (the LMA pool's first address for an MN).
    const Ipv4Address m_hoa{"10.100.0.2"};

    /// Build the domain, attach both interfaces (0.5 s, 1 s), start the traffic at 2 s.
    void Build()
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        m_d = new Pmipv6DualAccessDomain("mn@v4drafts.test",
                                         Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS,
                                         true,
                                         m_ipv4Transport);
        m_d->lmaApp->SetAttribute("PointToMultipointTunnel", BooleanValue(m_pointToMultipoint));
        m_lmaIpv4 = m_d->pmip.EnableIpv4(m_d->lmaApp);
        for (uint32_t k = 0; k < 2; ++k)
        {
            m_d->pmip.EnableIpv4(m_d->magApp[k]);
            m_magExt[k] = CreateObject<MagFlowBindingExtension>();
            m_d->magApp[k]->AddExtension(m_magExt[k]);
        }
        m_d->pmip.EnableIpv4MobileNode(m_d->mnId, m_d->lif);
        m_lmaExt = CreateObject<LmaFlowBindingExtension>();
        m_d->lmaApp->AddExtension(m_lmaExt);

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
                // the LMA's end: the downlink
                Ptr<NetDevice> lmaEnd = dev->GetChannel()->GetDevice(0) == dev
                                            ? dev->GetChannel()->GetDevice(1)
                                            : dev->GetChannel()->GetDevice(0);
                lmaEnd->TraceConnectWithoutContext("PhyTxBegin",
                                                   MakeBoundCallback(&CountTunnelled, &m_down[k]));
                m_magLink[k] = dev;
            }
        }
        m_d->lif->TraceConnectWithoutContext("PhysicalRx",
                                             MakeCallback(&Ipv4DraftsFixture::MnRx, this));
        TypeId udp = UdpSocketFactory::GetTypeId();
        m_cnSocket = Socket::CreateSocket(m_d->cn.Get(0), udp);
        m_cnSocket->Bind();
        for (uint16_t port : {PORT_A, PORT_B})
        {
            Ptr<Socket> s = Socket::CreateSocket(m_d->mn.Get(0), udp);
            s->Bind(InetSocketAddress(Ipv4Address::GetAny(), port));
            s->SetRecvCallback(MakeCallback(&Ipv4DraftsFixture::MnReceive, this));
            m_mnSockets.push_back(s);
        }
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            m_d,
                            0,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Schedule(Seconds(1.0),
                            &Pmipv6DualAccessDomain::Attach,
                            m_d,
                            1,
                            mip6::HI_NEW_INTERFACE);
        Simulator::ScheduleWithContext(m_d->cn.Get(0)->GetId(),
                                       Seconds(2),
                                       &Ipv4DraftsFixture::Send,
                                       this);
    }

    /// Free the domain.
    void TearDown()
    {
        m_cnSocket = nullptr;
        m_mnSockets.clear();
        Simulator::Destroy();
        delete m_d;
        m_d = nullptr;
    }

    /// One datagram to each port every 50 ms until m_stop.
    void Send()
    {
        if (Simulator::Now() >= m_stop)
        {
            return;
        }
        for (uint16_t port : {PORT_A, PORT_B})
        {
            m_cnSocket->SendTo(Create<Packet>(100), 0, InetSocketAddress(m_hoa, port));
        }
        Simulator::Schedule(MilliSeconds(50), &Ipv4DraftsFixture::Send, this);
    }

    /**
     * \brief PhysicalRx of the MN's logical interface: IPv4 UDP per (device, port) after the
     * boundary.
     * \param p the packet (IPv4 header first)
     * \param device the physical device index
     */
    void MnRx(Ptr<const Packet> p, uint32_t device)
    {
        uint8_t b[64] = {0};
        uint32_t n = p->CopyData(b, sizeof(b));
        uint16_t port = Ipv4UdpPort(b, n, 0);
        if (port != 0 && Window() == 2)
        {
            m_mnRx[std::make_pair(device, port)]++;
        }
    }

    /**
     * \brief The MN's sockets: datagrams delivered.
     * \param socket the socket
     */
    void MnReceive(Ptr<Socket> socket)
    {
        while (socket->Recv())
        {
            if (Window() == 2)
            {
                m_delivered++;
            }
        }
    }

    /**
     * \brief The current window.
     * \return 0 before the first boundary, 1 before the second, 2 after it
     */
    uint32_t Window() const
    {
        Time now = Simulator::Now();
        return now < m_bound ? 0 : now < m_bound2 ? 1 : 2;
    }

    /**
     * \brief Set the boundaries between "before", "after" and "third" on every counter.
     * \param t the first
     * \param t2 the second (the MN's counters stop there)
     */
    void SetBound(Time t, Time t2 = Seconds(100))
    {
        m_bound = t;
        m_bound2 = t2;
        for (auto& d : m_down)
        {
            d.bound = t;
            d.bound2 = t2;
        }
    }

    /**
     * \brief An IPv4 selector for one UDP destination port (RFC 6088 format 1).
     * \param port the port
     * \return the selector
     */
    static TrafficSelector Ipv4Flow(uint16_t port)
    {
        TrafficSelector ts(mip6::TS_FORMAT_IPV4_BINARY);
        ts.SetNextHeader(17);
        ts.SetDestinationPort(port);
        return ts;
    }

    bool m_ipv4Transport;                     ///< IPv4 MAG-LMA network
    bool m_pointToMultipoint;                 ///< the LMA's point-to-multipoint tunnel
    Pmipv6DualAccessDomain* m_d{nullptr};     ///< the domain
    Ptr<LmaIpv4Extension> m_lmaIpv4;          ///< the LMA's IPv4 extension
    Ptr<LmaFlowBindingExtension> m_lmaExt;    ///< draft 000 at the LMA
    Ptr<MagFlowBindingExtension> m_magExt[2]; ///< draft 000 at the MAGs
    Ptr<NetDevice> m_magLink[2];              ///< the MAGs' ends of the MAG-LMA links
    LinkCount m_down[2];                      ///< LMA -> MAG k tunnelled IPv4
    std::map<std::pair<uint32_t, uint16_t>, uint32_t> m_mnRx; ///< (device, port) at the MN
    uint32_t m_delivered{0};              ///< datagrams the MN's sockets got in window 2
    Time m_bound{Seconds(100)};           ///< before / after
    Time m_bound2{Seconds(100)};          ///< after / third
    Time m_stop{Seconds(6)};              ///< traffic end
    Ptr<Socket> m_cnSocket;               ///< CN
    std::vector<Ptr<Socket>> m_mnSockets; ///< MN, one per port
};

/**
 * \ingroup pmipv6-tests
 * \brief Two IPv4 flows of one multihomed MN, bound by LMA-initiated flow binding (IPv4
 * selectors) to its two MAGs, leave the LMA by the two tunnels and arrive on the two
 * interfaces; before the binding both follow the home address's host route (the last
 * registration, MAG2).
 */
class Ipv4FlowSplitTestCase : public Ipv4DraftsFixture
{
  public:
    /**
     * \brief Constructor.
     * \param ipv4Transport IPv4 MAG-LMA network
     * \param pointToMultipoint the LMA's point-to-multipoint tunnel
     */
    Ipv4FlowSplitTestCase(bool ipv4Transport, bool pointToMultipoint = false)
        : Ipv4DraftsFixture("two IPv4 flows of a multihomed MN leave the LMA by two tunnels",
                            ipv4Transport,
                            pointToMultipoint)
    {
    }

  private:
    void DoRun() override
    {
        Build();
        SetBound(Seconds(3), Seconds(4));
        // 3 s: flow A (port 6001) to MAG1, flow B (port 6002) to MAG2
        Simulator::Schedule(Seconds(3), [this]() {
            NS_TEST_EXPECT_MSG_EQ(
                m_lmaExt->AddFlow(m_d->mnId, 1, 10, Ipv4Flow(PORT_A), m_d->proxyCoa[0], 0),
                true,
                "add flow A sent");
            NS_TEST_EXPECT_MSG_EQ(
                m_lmaExt->AddFlow(m_d->mnId, 2, 10, Ipv4Flow(PORT_B), m_d->proxyCoa[1], 0),
                true,
                "add flow B sent");
        });
        Simulator::Stop(Seconds(6.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(m_lmaIpv4->GetHomeAddress(m_d->mnId), m_hoa, "the LMA's lease");
        // both flows listed at the LMA, each in the table with the BID of its MAG's binding
        const auto* a = m_lmaExt->GetFlowBinding(m_d->mnId, 1);
        const auto* b = m_lmaExt->GetFlowBinding(m_d->mnId, 2);
        NS_TEST_ASSERT_MSG_NE(a, nullptr, "flow A listed");
        NS_TEST_ASSERT_MSG_NE(b, nullptr, "flow B listed");
        if (a && b) // the test runner may continue after a failed assertion
        {
            NS_TEST_EXPECT_MSG_EQ(a->careOfAddress, m_d->proxyCoa[0], "flow A at MAG1");
            NS_TEST_EXPECT_MSG_EQ(b->careOfAddress, m_d->proxyCoa[1], "flow B at MAG2");
            NS_TEST_EXPECT_MSG_EQ(a->selector.IsIpv4(), true, "an IPv4 selector");
        }
        NS_TEST_EXPECT_MSG_EQ(m_magExt[0]->GetFlowBindings(m_d->mnId).size(), 1, "MAG1 list");
        NS_TEST_EXPECT_MSG_EQ(m_magExt[1]->GetFlowBindings(m_d->mnId).size(), 1, "MAG2 list");

        // before: both flows by the host route (MAG2's tunnel, the last registration)
        NS_TEST_EXPECT_MSG_GT(m_down[1].before[PORT_A], 10u, "before: A by MAG2's tunnel");
        NS_TEST_EXPECT_MSG_GT(m_down[1].before[PORT_B], 10u, "before: B by MAG2's tunnel");
        NS_TEST_EXPECT_MSG_EQ(m_down[0].before[PORT_A], 0u, "before: nothing by MAG1's");
        // after (4 s to 6 s, 20 datagrams a second): A only by MAG1's tunnel, B only by MAG2's
        NS_TEST_EXPECT_MSG_EQ(m_down[0].third[PORT_A], 40u, "after: A by MAG1's tunnel");
        NS_TEST_EXPECT_MSG_EQ(m_down[1].third[PORT_A], 0u, "after: A not by MAG2's");
        NS_TEST_EXPECT_MSG_EQ(m_down[1].third[PORT_B], 40u, "after: B by MAG2's tunnel");
        NS_TEST_EXPECT_MSG_EQ(m_down[0].third[PORT_B], 0u, "after: B not by MAG1's");
        Ptr<Ipv4HomeAddressRouting> lmaRouting = Ipv4HomeAddressRouting::Install(m_d->lma.Get(0));
        NS_TEST_EXPECT_MSG_GT_OR_EQ(lmaRouting->GetFlowForwardedCount(),
                                    80u,
                                    "the LMA's IPv4 flow step forwarded them");
        // and the MN gets A on its first interface, B on its second
        NS_TEST_EXPECT_MSG_EQ(m_mnRx[std::make_pair(0u, PORT_A)], 40u, "A arrives on phys 0");
        NS_TEST_EXPECT_MSG_EQ(m_mnRx[std::make_pair(1u, PORT_A)], 0u, "A not on phys 1");
        NS_TEST_EXPECT_MSG_EQ(m_mnRx[std::make_pair(1u, PORT_B)], 40u, "B arrives on phys 1");
        NS_TEST_EXPECT_MSG_EQ(m_mnRx[std::make_pair(0u, PORT_B)], 0u, "B not on phys 0");
        NS_TEST_EXPECT_MSG_EQ(m_delivered, 80u, "every datagram delivered to the MN's sockets");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Draft 000 section 6 over the IPv4 transport: the LMA adds an IPv4 flow at MAG1 and
 * moves it to MAG2. Each PFBI leaves as IPv4 / UDP 5436 / IPv6 / PFBI to the MAG's
 * IPv4-Proxy-CoA, its Target CoA sub-option carries the IPv4-Proxy-CoA (Length 6); the MAGs
 * act on it (their lists) and the flow's packets follow: by MAG1's tunnel after the add, by
 * MAG2's after the move.
 */
class Ipv4ProxyCoaPfbiTestCase : public Ipv4DraftsFixture
{
  public:
    Ipv4ProxyCoaPfbiTestCase()
        : Ipv4DraftsFixture("PFBI to an IPv4-Proxy-CoA with an IPv4 Target CoA: bytes, lists, "
                            "flow moved",
                            true)
    {
    }

  private:
    /**
     * \brief Check one captured PFBI frame: outer IPv4 to \p mag, UDP 5436, the Flow
     * Attribute option's PRO and its Target CoA sub-option (type 2, Length 6, Reserved 0,
     * \p target).
     * \param frame the frame (PPP header first)
     * \param mag the outer IPv4 destination
     * \param pro the PRO expected
     * \param target the Target CoA expected
     * \param what the message prefix
     */
    void CheckPfbi(const std::vector<uint8_t>& frame,
                   Ipv4Address mag,
                   uint8_t pro,
                   Ipv4Address target,
                   const std::string& what)
    {
        NS_TEST_ASSERT_MSG_GT(frame.size(), 2u + 20 + 8 + 40 + 10, what + ": frame length");
        if (frame.size() <= 2u + 20 + 8 + 40 + 10)
        {
            return;
        }
        const uint8_t* ip = frame.data() + 2;
        uint8_t dst[4];
        mag.Serialize(dst);
        NS_TEST_EXPECT_MSG_EQ(
            (std::vector<uint8_t>(ip + 16, ip + 20) == std::vector<uint8_t>(dst, dst + 4)),
            true,
            what + ": outer IPv4 destination = the IPv4-Proxy-CoA");
        const uint8_t* udp = ip + (ip[0] & 0x0f) * 4;
        uint16_t port = static_cast<uint16_t>((udp[2] << 8) | udp[3]);
        NS_TEST_EXPECT_MSG_EQ(port, mip6::PMIP6_CNTL_UDP_PORT, what + ": UDP 5436");
        const uint8_t* mh = udp + 8 + 40;
        size_t mhLength = (mh[1] + 1u) * 8u;
        NS_TEST_ASSERT_MSG_LT_OR_EQ(static_cast<size_t>(mh - frame.data()) + mhLength,
                                    frame.size(),
                                    what + ": whole Mobility Header");
        if (static_cast<size_t>(mh - frame.data()) + mhLength > frame.size())
        {
            return;
        }
        // options from offset 10 (Sequence, Trigger, flags), find the Flow Attribute option
        size_t i = 10;
        size_t fa = 0;
        while (i + 1 < mhLength)
        {
            if (mh[i] == 0)
            {
                i++;
                continue;
            }
            if (mh[i] == mip6::OPT_FLOW_ATTRIBUTE)
            {
                fa = i;
                break;
            }
            i += 2 + mh[i + 1];
        }
        NS_TEST_ASSERT_MSG_NE(fa, 0u, what + ": Flow Attribute option");
        if (fa == 0 || fa + 18 > mhLength)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(+mh[fa + 2], +pro, what + ": PRO");
        // the Target CoA sub-option first after the 8 fixed octets
        const uint8_t* sub = mh + fa + 10;
        uint8_t addr[4];
        target.Serialize(addr);
        std::vector<uint8_t> want{mip6::FA_SUBOPT_TARGET_COA, 6, 0, 0};
        want.insert(want.end(), addr, addr + 4);
        NS_TEST_EXPECT_MSG_EQ((std::vector<uint8_t>(sub, sub + 8) == want),
                              true,
                              what + ": Target CoA type 2, Length 6, Reserved, IPv4-Proxy-CoA");
    }

    void DoRun() override
    {
        Build();
        m_stop = Seconds(7);
        SetBound(Seconds(3.5), Seconds(5.5));
        Simulator::Schedule(Seconds(3), [this]() {
            NS_TEST_EXPECT_MSG_EQ(
                m_lmaExt->AddFlow(m_d->mnId, 1, 10, Ipv4Flow(PORT_A), m_d->proxyCoa[0], 0),
                true,
                "add sent");
        });
        Simulator::Schedule(Seconds(3.4), [this]() {
            const auto* a = m_lmaExt->GetFlowBinding(m_d->mnId, 1);
            NS_TEST_ASSERT_MSG_NE(a, nullptr, "added after MAG1's PFBA");
            NS_TEST_EXPECT_MSG_EQ(a->careOfAddress, m_d->proxyCoa[0], "at MAG1");
            NS_TEST_EXPECT_MSG_EQ(m_magExt[0]->GetFlowBindings(m_d->mnId).size(), 1, "MAG1");
        });
        // 5.47 s: between two datagrams (every 50 ms from 2 s), the PFBAs back before 5.5 s
        Simulator::Schedule(Seconds(5.47), [this]() {
            NS_TEST_EXPECT_MSG_EQ(m_lmaExt->MoveFlow(m_d->mnId, 1, m_d->proxyCoa[1], 0),
                                  true,
                                  "move sent");
        });
        Simulator::Stop(Seconds(7.5));
        Simulator::Run();

        // the PFBIs: add to MAG1; move to MAG2 and to MAG1 (its source), Target CoA MAG2's
        NS_TEST_ASSERT_MSG_EQ(m_down[0].pfbis.size(), 2u, "two PFBIs to MAG1 (add, move)");
        NS_TEST_ASSERT_MSG_EQ(m_down[1].pfbis.size(), 1u, "one PFBI to MAG2 (move)");
        if (m_down[0].pfbis.size() == 2 && m_down[1].pfbis.size() == 1)
        {
            CheckPfbi(m_down[0].pfbis[0],
                      m_d->ipv4ProxyCoa[0],
                      mip6::FA_PRO_ADD,
                      m_d->ipv4ProxyCoa[0],
                      "add to MAG1");
            CheckPfbi(m_down[1].pfbis[0],
                      m_d->ipv4ProxyCoa[1],
                      mip6::FA_PRO_MOVE,
                      m_d->ipv4ProxyCoa[1],
                      "move, to MAG2");
            CheckPfbi(m_down[0].pfbis[1],
                      m_d->ipv4ProxyCoa[0],
                      mip6::FA_PRO_MOVE,
                      m_d->ipv4ProxyCoa[1],
                      "move, to MAG1");
        }
        // the lists after the move's PFBAs
        const auto* a = m_lmaExt->GetFlowBinding(m_d->mnId, 1);
        NS_TEST_ASSERT_MSG_NE(a, nullptr, "listed");
        NS_TEST_EXPECT_MSG_EQ((a ? a->careOfAddress : Ipv6Address()),
                              m_d->proxyCoa[1],
                              "moved to MAG2");
        NS_TEST_EXPECT_MSG_EQ(m_magExt[0]->GetFlowBindings(m_d->mnId).size(), 0, "MAG1: source");
        NS_TEST_EXPECT_MSG_EQ(m_magExt[1]->GetFlowBindings(m_d->mnId).size(), 1, "MAG2: target");
        // the flow: by MAG1's tunnel between add and move, by MAG2's after the move
        NS_TEST_EXPECT_MSG_EQ(m_down[0].after[PORT_A], 40u, "after the add: by MAG1");
        NS_TEST_EXPECT_MSG_EQ(m_down[1].after[PORT_A], 0u, "after the add: not by MAG2");
        NS_TEST_EXPECT_MSG_EQ(m_down[1].third[PORT_A], 30u, "after the move: by MAG2");
        NS_TEST_EXPECT_MSG_EQ(m_down[0].third[PORT_A], 0u, "after the move: not by MAG1");
        NS_TEST_EXPECT_MSG_EQ(m_down[1].after[PORT_B], 40u, "flow B: the host route");
        NS_TEST_EXPECT_MSG_EQ(m_mnRx[std::make_pair(1u, PORT_A)], 30u, "after the move: on phys 1");
        NS_TEST_EXPECT_MSG_EQ(m_mnRx[std::make_pair(0u, PORT_A)], 0u, "after the move: not phys 0");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The Target CoA sub-option with the draft's literal Length 12 for IPv4 (7.2.3):
 * accepted, the address after Reserved, the walk in step (a sub-option after it is read),
 * re-serialized with the module's Length 6; Length 16 and the other lengths still refused.
 */
class TargetCoaLength12TestCase : public TestCase
{
  public:
    TargetCoaLength12TestCase()
        : TestCase("Target CoA sub-option: the draft's literal Length 12 for IPv4 is accepted")
    {
    }

  private:
    /**
     * \brief Decode a Flow Attribute option from its octets (Type and Length first).
     * \param bytes the option
     * \param error the reason on failure
     * \return the option, or nullptr
     */
    static Ptr<FlowAttributeOption> Parse(const std::vector<uint8_t>& bytes, std::string& error)
    {
        Buffer b;
        b.AddAtStart(bytes.size());
        b.Begin().Write(bytes.data(), bytes.size());
        MobilityOptionList list(&CreateMobilityOption, false);
        if (!list.Deserialize(b.Begin(), bytes.size(), error) || list.GetCount() != 1)
        {
            return nullptr;
        }
        return DynamicCast<FlowAttributeOption>(list.GetOptions()[0]);
    }

    void DoRun() override
    {
        // PRO move, PRI 1, FID 9, Status 0, Lifetime 15; Target CoA Length 12: Reserved,
        // 192.0.2.10, 6 octets; then an Alternate LMA sub-option (one address)
        std::vector<uint8_t> fa = {0,    0,    mip6::FA_PRO_MOVE,
                                   1,    0,    9,
                                   0,    0,    0,
                                   15,   0x02, 12,
                                   0x00, 0x00, 192,
                                   0,    2,    10,
                                   0,    0,    0,
                                   0,    0,    0,
                                   0x01, 0x12, 0x01,
                                   0x00};
        uint8_t lma[16];
        Ipv6Address("2001:db8:a::1").Serialize(lma);
        fa.insert(fa.end(), lma, lma + 16);
        fa[0] = mip6::OPT_FLOW_ATTRIBUTE;
        fa[1] = static_cast<uint8_t>(fa.size() - 2);
        std::string error;
        Ptr<FlowAttributeOption> p = Parse(fa, error);
        NS_TEST_ASSERT_MSG_NE(p, nullptr, "Length 12 accepted: " + error);
        if (!p)
        {
            return; // the test runner may continue after a failed assertion
        }
        NS_TEST_ASSERT_MSG_NE(p->GetTargetCareOfAddress(), nullptr, "Target CoA");
        if (!p->GetTargetCareOfAddress())
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(p->GetTargetCareOfAddress()->IsIpv4(), true, "read as IPv4");
        NS_TEST_EXPECT_MSG_EQ(p->GetTargetCareOfAddress()->GetIpv4Address(),
                              Ipv4Address("192.0.2.10"),
                              "the address after Reserved");
        NS_TEST_ASSERT_MSG_NE(p->GetAlternateLma(), nullptr, "the next sub-option is read");
        if (!p->GetAlternateLma() || p->GetAlternateLma()->GetAddresses().empty())
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(p->GetAlternateLma()->GetAddresses().size(), 1u, "one LMA");
        NS_TEST_EXPECT_MSG_EQ(p->GetAlternateLma()->GetAddresses()[0],
                              Ipv6Address("2001:db8:a::1"),
                              "its address");
        // re-serialized with the module's Length 6
        Buffer out;
        out.AddAtStart(p->GetSerializedSize());
        Buffer::Iterator it = out.Begin();
        p->Serialize(it);
        std::vector<uint8_t> bytes(out.GetSize());
        out.CopyData(bytes.data(), bytes.size());
        NS_TEST_ASSERT_MSG_GT(bytes.size(), 18u, "re-serialized");
        if (bytes.size() <= 18)
        {
            return;
        }
        std::vector<uint8_t> target(bytes.begin() + 10, bytes.begin() + 18);
        std::vector<uint8_t> want{0x02, 6, 0, 0, 192, 0, 2, 10};
        NS_TEST_EXPECT_MSG_EQ((target == want), true, "sent again as Length 6");
        // the other lengths stay refused (16: an IPv6 address does not fit after Reserved)
        for (uint8_t len : {0, 4, 5, 7, 11, 13, 16, 17, 19})
        {
            std::vector<uint8_t> bad =
                {mip6::OPT_FLOW_ATTRIBUTE, 0, mip6::FA_PRO_MOVE, 1, 0, 9, 0, 0, 0, 15, 0x02, len};
            bad.resize(bad.size() + len, 0);
            bad[1] = static_cast<uint8_t>(bad.size() - 2);
            NS_TEST_EXPECT_MSG_EQ(Parse(bad, error),
                                  nullptr,
                                  "Target CoA Length " + std::to_string(len) + " refused");
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Draft 004 section 6, intra-MAG local routing with IPv4-MN-HoAs: two dual-stack MNs at
 * MAG1 (the domain's MN and a second one on MAG1's access link) exchange IPv4 UDP. The LMA
 * starts local routing for the pair (LMA-initiated, LROREQ with LRI 1): its MN-CN pair options
 * carry the P flag and both IPv4 home addresses; MAG1 then routes the IPv4 packets between the
 * MNs itself (the LMA's tunnel counters to MAG1 do not move, every packet delivered). On
 * teardown (LROREQ lifetime 0) and after the correspondent leaves MAG1 (detach) the packets go
 * through the LMA again.
 */
class Ipv4LocalRoutingTestCase : public TestCase
{
  public:
    Ipv4LocalRoutingTestCase()
        : TestCase("intra-MAG local routing with IPv4-MN-HoAs: LROREQ bytes, local path, "
                   "teardown and detach fall back")
    {
    }

  private:
    /// UDP port at MN2 (from MN1).
    static constexpr uint16_t PORT_TO_MN2 = 7001;
    /// UDP port at MN1 (from MN2).
    static constexpr uint16_t PORT_TO_MN1 = 7002;

    /// Counters at one instant.
    struct Snapshot
    {
        uint64_t lmaEncap{0}; ///< LMA -> MAG1 tunnel packets
        uint64_t lmaDecap{0}; ///< MAG1 -> LMA tunnel packets
        uint64_t local{0};    ///< MAG1's IPv4 local routes
        uint32_t toMn1{0};    ///< datagrams MN1 received
        uint32_t toMn2{0};    ///< datagrams MN2 received
    };

    /**
     * \brief Take a snapshot.
     * \param out where
     */
    void Take(Snapshot* out)
    {
        Ptr<Ipv6TunnelL4Protocol> tunnels = m_d->lma.Get(0)->GetObject<Ipv6TunnelL4Protocol>();
        out->lmaEncap = tunnels->GetEncapsulatedCount(m_d->lmaAddress, m_d->proxyCoa[0]);
        out->lmaDecap = tunnels->GetDecapsulatedCount(m_d->lmaAddress, m_d->proxyCoa[0]);
        out->local = Ipv4HomeAddressRouting::Install(m_d->mags.Get(0))->GetLocalRoutedCount();
        out->toMn1 = m_toMn1;
        out->toMn2 = m_toMn2;
    }

    /**
     * \brief PhyTxBegin of the LMA's end of MAG1's link: keep the LROREQs (IPv6 / MH 243).
     * \param p the frame
     */
    void LmaTx(Ptr<const Packet> p)
    {
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        if (b.size() > 2 + 40 + 6 && b[0] == 0x00 && b[1] == 0x57 &&
            b[2 + 6] == mip6::MOBILITY_HEADER_PROTOCOL &&
            b[2 + 40 + 2] == mip6::MH_LOCAL_ROUTING_OPTIMIZATION)
        {
            m_lroreqs.emplace_back(b.begin() + 2 + 40, b.end());
        }
    }

    /**
     * \brief One datagram each way, every 50 ms until 9 s.
     */
    void Send()
    {
        if (Simulator::Now() >= Seconds(9))
        {
            return;
        }
        m_s1->SendTo(Create<Packet>(100), 0, InetSocketAddress(m_hoa2, PORT_TO_MN2));
        m_s2->SendTo(Create<Packet>(100), 0, InetSocketAddress(m_hoa1, PORT_TO_MN1));
        Simulator::Schedule(MilliSeconds(50), &Ipv4LocalRoutingTestCase::Send, this);
    }

    /**
     * \brief A socket's datagrams.
     * \param count the counter
     * \param socket the socket
     */
    static void Receive(uint32_t* count, Ptr<Socket> socket)
    {
        while (socket->Recv())
        {
            (*count)++;
        }
    }

    /**
     * \brief The IPv6 home network prefix of an MN at the LMA.
     * \param mnId the MN
     * \return the prefix (as an address), :: when none
     */
    Ipv6Address PrefixOf(const std::string& mnId) const
    {
        for (const auto& e : m_d->lmaApp->GetBindingCache()->FindByMnId(mnId))
        {
            if (!e->homeNetworkPrefixes.empty())
            {
                return e->homeNetworkPrefixes.front().prefix;
            }
        }
        return Ipv6Address::GetAny();
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        m_d = new Pmipv6DualAccessDomain("mn1@v4lr.test",
                                         Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS,
                                         true);
        Ptr<LmaIpv4Extension> lmaIpv4 = m_d->pmip.EnableIpv4(m_d->lmaApp);
        Ptr<LmaLocalRoutingExtension> lmaLr = CreateObject<LmaLocalRoutingExtension>();
        m_d->lmaApp->AddExtension(lmaLr);
        Ptr<MagLocalRoutingExtension> magLr[2];
        for (uint32_t k = 0; k < 2; ++k)
        {
            m_d->pmip.EnableIpv4(m_d->magApp[k]);
            magLr[k] = CreateObject<MagLocalRoutingExtension>();
            m_d->magApp[k]->AddExtension(magLr[k]);
        }
        m_d->pmip.EnableIpv4MobileNode(m_d->mnId, m_d->lif);
        // the second MN, on MAG1's access link
        const std::string mn2Id = "mn2@v4lr.test";
        NodeContainer mn2;
        mn2.Create(1);
        Pmipv6Helper::InstallStack(mn2, true);
        CsmaHelper csma;
        NetDeviceContainer dev2 =
            csma.Install(mn2.Get(0), DynamicCast<CsmaChannel>(m_d->access[0]->GetChannel()));
        m_d->pmip.AddMobileNode(mn2Id, dev2, m_d->lmaAddress);
        m_d->pmip.EnableIpv4MobileNode(mn2Id, dev2.Get(0));

        for (uint32_t i = 0; i < m_d->mags.Get(0)->GetNDevices(); ++i)
        {
            Ptr<PointToPointNetDevice> dev =
                DynamicCast<PointToPointNetDevice>(m_d->mags.Get(0)->GetDevice(i));
            if (dev)
            {
                Ptr<NetDevice> lmaEnd = dev->GetChannel()->GetDevice(0) == dev
                                            ? dev->GetChannel()->GetDevice(1)
                                            : dev->GetChannel()->GetDevice(0);
                lmaEnd->TraceConnectWithoutContext(
                    "PhyTxBegin",
                    MakeCallback(&Ipv4LocalRoutingTestCase::LmaTx, this));
            }
        }
        TypeId udp = UdpSocketFactory::GetTypeId();
        m_s1 = Socket::CreateSocket(m_d->mn.Get(0), udp);
        m_s1->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT_TO_MN1));
        m_s1->SetRecvCallback(MakeBoundCallback(&Ipv4LocalRoutingTestCase::Receive, &m_toMn1));
        m_s2 = Socket::CreateSocket(mn2.Get(0), udp);
        m_s2->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT_TO_MN2));
        m_s2->SetRecvCallback(MakeBoundCallback(&Ipv4LocalRoutingTestCase::Receive, &m_toMn2));

        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            m_d,
                            0,
                            mip6::HI_NEW_INTERFACE);
        Ptr<NetDevice> access = m_d->access[0];
        Address mac2 = dev2.Get(0)->GetAddress();
        Ptr<Pmipv6MagApplication> mag1 = m_d->magApp[0];
        Simulator::Schedule(Seconds(0.7), [mag1, access, mn2Id, mac2]() {
            mag1->NotifyAttach(access, mn2Id, mac2, mip6::HI_NEW_INTERFACE);
        });
        Simulator::ScheduleWithContext(m_d->mn.Get(0)->GetId(),
                                       Seconds(2),
                                       &Ipv4LocalRoutingTestCase::Send,
                                       this);
        // 3 s: the LMA starts local routing of the pair; 5 s: stops it; 6.5 s: again;
        // 7.5 s: MN2 leaves MAG1 (before the snapshot of 7.5 s and the datagrams of 7.5 s)
        bool started = false;
        bool stopped = false;
        bool restarted = false;
        Simulator::Schedule(Seconds(3), [&]() {
            started = lmaLr->StartLocalRouting(PrefixOf(m_d->mnId), PrefixOf(mn2Id));
        });
        Simulator::Schedule(Seconds(5), [&]() {
            stopped = lmaLr->StopLocalRouting(PrefixOf(m_d->mnId), PrefixOf(mn2Id));
        });
        Simulator::Schedule(Seconds(6.5), [&]() {
            restarted = lmaLr->StartLocalRouting(PrefixOf(m_d->mnId), PrefixOf(mn2Id));
        });
        Simulator::Schedule(Seconds(7.5),
                            [mag1, access, mac2]() { mag1->NotifyDetach(access, mac2); });
        Snapshot at[8];
        Time times[8] = {Seconds(2.9),
                         Seconds(3.5),
                         Seconds(4.9),
                         Seconds(5.5),
                         Seconds(6.4),
                         Seconds(7.0),
                         Seconds(7.5),
                         Seconds(8.9)};
        for (uint32_t i = 0; i < 8; ++i)
        {
            Simulator::Schedule(times[i], &Ipv4LocalRoutingTestCase::Take, this, &at[i]);
        }
        bool routedAt4 = false;
        Simulator::Schedule(Seconds(4), [&]() {
            routedAt4 =
                Ipv4HomeAddressRouting::Install(m_d->mags.Get(0))->HasLocalRoute(m_hoa1, m_hoa2);
        });
        Simulator::Stop(Seconds(9.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(lmaIpv4->GetHomeAddress(m_d->mnId), m_hoa1, "MN1's HoA");
        NS_TEST_EXPECT_MSG_EQ(lmaIpv4->GetHomeAddress(mn2Id), m_hoa2, "MN2's HoA");
        NS_TEST_EXPECT_MSG_EQ(started, true, "local routing started");
        NS_TEST_EXPECT_MSG_EQ(stopped, true, "local routing stopped");
        NS_TEST_EXPECT_MSG_EQ(restarted, true, "local routing started again");
        NS_TEST_EXPECT_MSG_EQ(routedAt4, true, "MAG1: IPv4 local route MN1 -> MN2");
        // the first LROREQ: two MN-CN pair options with the P flag and the IPv4-MN-HoAs
        NS_TEST_ASSERT_MSG_GT_OR_EQ(m_lroreqs.size(), 1u, "an LROREQ to MAG1");
        const std::vector<uint8_t> mh =
            m_lroreqs.empty() ? std::vector<uint8_t>(2, 0) : m_lroreqs[0];
        std::vector<std::vector<uint8_t>> pairOptions;
        size_t i = 12; // options after Sequence, R, LRI, Reserved, Lifetime
        while (i + 1 < mh.size() && i < (mh[1] + 1u) * 8u)
        {
            if (mh[i] == 0)
            {
                i++;
                continue;
            }
            if (mh[i] == mip6::OPT_MN_CN_PAIR && i + 2 + mh[i + 1] <= mh.size())
            {
                pairOptions.emplace_back(mh.begin() + i, mh.begin() + i + 2 + mh[i + 1]);
            }
            i += 2 + mh[i + 1];
        }
        NS_TEST_ASSERT_MSG_EQ(pairOptions.size(), 2u, "two MN-CN pair options");
        Ipv4Address hoas[2] = {m_hoa1, m_hoa2};
        for (uint32_t k = 0; k < 2 && k < pairOptions.size(); ++k)
        {
            const std::vector<uint8_t>& o = pairOptions[k];
            NS_TEST_EXPECT_MSG_EQ(o.size(), 2u + 2 + 32 + 8, "Length with the IPv4 fields");
            if (o.size() != 2u + 2 + 32 + 8)
            {
                continue;
            }
            NS_TEST_EXPECT_MSG_EQ((o[2] & 0x80), 0x80, "P flag");
            uint8_t hoa[4];
            hoas[k].Serialize(hoa);
            NS_TEST_EXPECT_MSG_EQ((std::vector<uint8_t>(o.begin() + 36, o.begin() + 40) ==
                                   std::vector<uint8_t>(hoa, hoa + 4)),
                                  true,
                                  "IPv4 HoA of pair option " + std::to_string(k));
            NS_TEST_EXPECT_MSG_EQ((std::vector<uint8_t>(o.begin() + 40, o.begin() + 44) ==
                                   std::vector<uint8_t>(4, 0)),
                                  true,
                                  "IPv4 Proxy CoA 0.0.0.0 (IPv6 transport)");
        }
        // before: through the LMA
        NS_TEST_EXPECT_MSG_GT(at[0].lmaDecap, 30u, "before: up the tunnel to the LMA");
        NS_TEST_EXPECT_MSG_GT(at[0].lmaEncap, 30u, "before: down from the LMA");
        NS_TEST_EXPECT_MSG_GT(at[0].toMn2, 10u, "before: delivered");
        // local: 3.5 s to 4.9 s, 28 datagrams each way, the LMA's tunnel counters do not move
        NS_TEST_EXPECT_MSG_EQ(at[2].lmaEncap - at[1].lmaEncap, 0u, "local: LMA encapsulates none");
        NS_TEST_EXPECT_MSG_EQ(at[2].lmaDecap - at[1].lmaDecap, 0u, "local: LMA decapsulates none");
        NS_TEST_EXPECT_MSG_EQ(at[2].local - at[1].local, 56u, "local: MAG1 routed both ways");
        NS_TEST_EXPECT_MSG_EQ(at[2].toMn2 - at[1].toMn2, 28u, "local: every datagram to MN2");
        NS_TEST_EXPECT_MSG_EQ(at[2].toMn1 - at[1].toMn1, 28u, "local: every datagram to MN1");
        // after the teardown: through the LMA again, delivered
        NS_TEST_EXPECT_MSG_EQ(at[4].local - at[3].local, 0u, "teardown: no local route");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(at[4].lmaDecap - at[3].lmaDecap,
                                    36u,
                                    "teardown: up the tunnel");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(at[4].lmaEncap - at[3].lmaEncap,
                                    36u,
                                    "teardown: down from the LMA");
        NS_TEST_EXPECT_MSG_EQ(at[4].toMn2 - at[3].toMn2, 18u, "teardown: delivered to MN2");
        // local again, then MN2 leaves MAG1: MN1's packets go up the tunnel, none locally
        NS_TEST_EXPECT_MSG_EQ(at[6].local - at[5].local, 20u, "again: local");
        NS_TEST_EXPECT_MSG_EQ(at[6].lmaDecap - at[5].lmaDecap, 0u, "again: not via the LMA");
        NS_TEST_EXPECT_MSG_EQ(at[7].local - at[6].local, 0u, "after the detach: no local route");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(at[7].lmaDecap - at[6].lmaDecap,
                                    20u,
                                    "after the detach: MN1's packets up the tunnel");
        m_s1 = nullptr;
        m_s2 = nullptr;
        Simulator::Destroy();
        delete m_d;
        m_d = nullptr;
    }

    Pmipv6DualAccessDomain* m_d{nullptr};        ///< the domain
    const Ipv4Address m_hoa1{"10.100.0.2"};      ///< MN1's IPv4 home address (first lease)
    const Ipv4Address m_hoa2{"10.100.0.3"};      ///< MN2's
    Ptr<Socket> m_s1;                            ///< MN1's socket
    Ptr<Socket> m_s2;                            ///< MN2's socket
    uint32_t m_toMn1{0};                         ///< datagrams MN1 received
    uint32_t m_toMn2{0};                         ///< datagrams MN2 received
    std::vector<std::vector<uint8_t>> m_lroreqs; ///< LROREQs to MAG1 (Mobility Header on)
};

/**
 * \ingroup pmipv6-tests
 * \brief Suite of the drafts' IPv4 cases.
 */
class Ipv4DraftsTestSuite : public TestSuite
{
  public:
    Ipv4DraftsTestSuite()
        : TestSuite("pmipv6-ipv4-drafts", UNIT)
    {
        AddTestCase(new Ipv4FlowSplitTestCase(false), TestCase::QUICK);
        AddTestCase(new Ipv4FlowSplitTestCase(true), TestCase::QUICK);
        // the same with the LMA's point-to-multipoint tunnel (tunnel identifiers in the IPv4
        // host route and the flow resolver's outputs)
        AddTestCase(new Ipv4FlowSplitTestCase(false, true), TestCase::QUICK);
        AddTestCase(new Ipv4FlowSplitTestCase(true, true), TestCase::QUICK);
        AddTestCase(new Ipv4ProxyCoaPfbiTestCase, TestCase::QUICK);
        AddTestCase(new TargetCoaLength12TestCase, TestCase::QUICK);
        AddTestCase(new Ipv4LocalRoutingTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static Ipv4DraftsTestSuite g_ipv4DraftsTestSuite;
