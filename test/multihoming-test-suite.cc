/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief Multihoming extensions of draft-melia-netext-muho-solution-00 (draft 002) with
 * LmaMultihomingExtension and MagMultihomingExtension: Figures 3 to 7 as ordered message
 * sequences (PBUs as the LMA decoded them, PBAs as the MAGs decoded them), the binding cache
 * and its filters after each step, per-packet outcomes (which MAG sent the packet on its
 * access link, which MN physical interface received it), the draft's statuses.
 *
 * Topology (Pmipv6DualAccessDomain): CN -- LMA -- MAG1, MAG2 (p2p); MAG1 ==csma== if0,
 * MAG2 ==csma== if1 of one mobile node behind a LogicalInterfaceNetDevice.
 */

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace ns3;

namespace
{

/// Ports of the test flows (the MN's side).
enum Port : uint16_t
{
    VIDEO = 5004, ///< MAG1's filter
    NCAST = 6000, ///< MAG1's n-cast filter
    OTHER = 7000, ///< no filter: the default binding
    BULK = 9000,  ///< MAG2's filter
};

/**
 * \ingroup pmipv6-tests
 * \brief A UDP downlink selector.
 * \param port the destination port
 * \return the selector
 */
TrafficSelector
Dport(uint16_t port)
{
    TrafficSelector s;
    s.SetNextHeader(UdpL4Protocol::PROT_NUMBER);
    s.SetDestinationPort(port);
    return s;
}

/**
 * \ingroup pmipv6-tests
 * \brief A MAG extension that adds given options to each registration PBU (to provoke the
 * LMA's checks with what a conforming MAG does not send).
 */
class ScriptedMagExtension : public Pmipv6MagExtension
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::MultihomingTestScriptedMagExtension")
                                .SetParent<Pmipv6MagExtension>()
                                .SetGroupName("Pmipv6");
        return tid;
    }

    void AddPbuOptions(BindingUpdateHeader& pbu, Ptr<const BindingUpdateListEntry> entry) override
    {
        if (entry->state != BindingUpdateListEntry::DEREGISTERING)
        {
            for (const auto& o : options)
            {
                pbu.AddOption(o);
            }
        }
    }

    std::vector<Ptr<MobilityOption>> options; ///< added to each registration PBU
};

/**
 * \ingroup pmipv6-tests
 * \brief The multihomed domain, the message log and the flow counters shared by the cases.
 */
class MultihomingFixture : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param name the case's name
     */
    explicit MultihomingFixture(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /// \brief Build the domain with the extensions (MN multihomed at both MAGs).
    void Build()
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        m_d = new Pmipv6DualAccessDomain("mn@multihoming.test");
        m_lmaExt = CreateObject<LmaMultihomingExtension>();
        m_d->lmaApp->AddExtension(m_lmaExt);
        m_d->lmaApp->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(Seconds(1)));
        for (uint32_t k = 0; k < 2; ++k)
        {
            m_magExt[k] = CreateObject<MagMultihomingExtension>();
            m_d->magApp[k]->AddExtension(m_magExt[k]);
            m_magExt[k]->SetMultihomed(m_d->mnId);
            m_d->magApp[k]->TraceConnectWithoutContext(
                "RxPba",
                MakeBoundCallback(&MultihomingFixture::LogPba, this, k));
            m_d->access[k]->TraceConnectWithoutContext(
                "MacTx",
                MakeBoundCallback(&MultihomingFixture::MagTx, this, k));
        }
        m_d->lmaApp->TraceConnectWithoutContext("RxPbu",
                                                MakeCallback(&MultihomingFixture::LogPbu, this));
        m_d->lif->TraceConnectWithoutContext("PhysicalRx",
                                             MakeCallback(&MultihomingFixture::MnRx, this));
    }

    /// \brief Free the domain.
    void TearDown()
    {
        Simulator::Destroy();
        delete m_d;
        m_d = nullptr;
    }

    /**
     * \brief "MAG1" / "MAG2" for a Proxy-CoA.
     * \param a the address
     * \return the name
     */
    std::string MagName(Ipv6Address a) const
    {
        return a == m_d->proxyCoa[0]   ? "MAG1"
               : a == m_d->proxyCoa[1] ? "MAG2"
               : a == m_coa3           ? "MAG3"
                                       : "?";
    }

    /**
     * \brief The draft-002 content of a message's options.
     * \param options the options
     * \param withStatus print per-filter statuses
     * \return e.g. "HI=1 MHGID=0 ACT=0 FID{1:PRO0:st0}"
     */
    static std::string Describe(const MobilityOptionList& options, bool withStatus)
    {
        std::ostringstream os;
        if (auto hi = options.Find<HandoffIndicatorOption>())
        {
            os << "HI=" << +hi->GetHandoffIndicator();
        }
        if (auto mh = options.Find<MultihomingOption>())
        {
            os << " MHGID=" << +mh->GetGroupId() << " ACT=" << +mh->GetAct();
        }
        auto fids = options.FindAll<MuhoFlowIdentifierOption>();
        if (!fids.empty())
        {
            os << " FID{";
            for (size_t i = 0; i < fids.size(); ++i)
            {
                os << (i ? "," : "") << fids[i]->GetFlowId() << ":PRO" << +fids[i]->GetPro();
                if (withStatus)
                {
                    os << ":st" << +fids[i]->GetStatus();
                }
            }
            os << "}";
        }
        return os.str();
    }

    /**
     * \brief LMA RxPbu sink.
     * \param pbu the PBU
     * \param mag its source
     */
    void LogPbu(const BindingUpdateHeader& pbu, Ipv6Address mag)
    {
        m_log.push_back("PBU " + MagName(mag) +
                        (pbu.GetLifetime() == 0 ? " lifetime=0 " : " lifetime>0 ") +
                        Describe(pbu.GetOptions(), false));
    }

    /**
     * \brief MAG RxPba sink.
     * \param self the fixture
     * \param k the MAG (0, 1)
     * \param pba the PBA
     * \param lma its source
     */
    static void LogPba(MultihomingFixture* self,
                       uint32_t k,
                       const BindingAckHeader& pba,
                       Ipv6Address lma)
    {
        (void)lma;
        std::ostringstream os;
        os << "PBA MAG" << k + 1 << " status=" << +pba.GetStatus() << " "
           << Describe(pba.GetOptions(), true);
        self->m_log.push_back(os.str());
    }

    /**
     * \brief The UDP destination port of a packet that starts with its IPv6 header.
     * \param p the packet
     * \return the port, 0 when not UDP
     */
    static uint16_t UdpPort(Ptr<const Packet> p)
    {
        Ptr<Packet> copy = p->Copy();
        Ipv6Header ip;
        if (copy->GetSize() < 48)
        {
            return 0;
        }
        copy->RemoveHeader(ip);
        if (ip.GetNextHeader() != UdpL4Protocol::PROT_NUMBER)
        {
            return 0;
        }
        UdpHeader udp;
        copy->PeekHeader(udp);
        return udp.GetDestinationPort();
    }

    /**
     * \brief A MAG access device's MacTx sink.
     * \param self the fixture
     * \param k the MAG
     * \param p the packet
     */
    static void MagTx(MultihomingFixture* self, uint32_t k, Ptr<const Packet> p)
    {
        Ptr<Packet> copy = p->Copy();
        uint8_t first = 0;
        copy->CopyData(&first, 1);
        if ((first >> 4) != 6)
        {
            // the frame with its Ethernet header (DIX)
            EthernetHeader eth(false);
            copy->RemoveHeader(eth);
        }
        if (uint16_t port = UdpPort(copy))
        {
            self->m_mag[std::make_tuple(self->m_phase, k, port)]++;
        }
    }

    /**
     * \brief The logical interface's PhysicalRx sink.
     * \param p the packet
     * \param device the MN's physical device
     */
    void MnRx(Ptr<const Packet> p, uint32_t device)
    {
        if (uint16_t port = UdpPort(p))
        {
            m_mn[std::make_tuple(m_phase, device, port)]++;
        }
    }

    /**
     * \brief Packets of a flow an MN device received in a phase.
     * \param phase the phase
     * \param device the device
     * \param port the flow
     * \return the count
     */
    uint32_t Mn(uint32_t phase, uint32_t device, uint16_t port)
    {
        return m_mn[std::make_tuple(phase, device, port)];
    }

    /**
     * \brief Packets of a flow a MAG sent on its access link in a phase.
     * \param phase the phase
     * \param k the MAG (0, 1)
     * \param port the flow
     * \return the count
     */
    uint32_t Mag(uint32_t phase, uint32_t k, uint16_t port)
    {
        return m_mag[std::make_tuple(phase, k, port)];
    }

    /**
     * \brief Start CN -> MN flows to the MN's home address (one datagram per 10 ms each) until
     * \p stop, with sinks on the MN.
     * \param ports the flows
     * \param stop the end
     */
    void StartFlows(const std::vector<uint16_t>& ports, Time stop)
    {
        auto all = m_d->lmaApp->GetBindingCache()->FindByMnId(m_d->mnId);
        if (all.empty() || all[0]->homeNetworkPrefixes.empty())
        {
            return;
        }
        m_home = Pmipv6Helper::GetHomeAddress(m_d->lif, all[0]->homeNetworkPrefixes[0]);
        m_stop = stop;
        for (uint16_t port : ports)
        {
            Ptr<Socket> sink = Socket::CreateSocket(m_d->mn.Get(0), UdpSocketFactory::GetTypeId());
            sink->Bind(Inet6SocketAddress(m_home, port));
            sink->SetRecvCallback(MakeCallback(&MultihomingFixture::Sink, this));
            m_sinks.push_back(sink);
            Ptr<Socket> src = Socket::CreateSocket(m_d->cn.Get(0), UdpSocketFactory::GetTypeId());
            src->Bind();
            m_sources[port] = src;
            Send(port);
        }
    }

    /**
     * \brief Send one datagram of a flow and schedule the next.
     * \param port the flow
     */
    void Send(uint16_t port)
    {
        if (Simulator::Now() >= m_stop)
        {
            return;
        }
        m_sent[port]++;
        m_sources[port]->SendTo(Create<Packet>(100), 0, Inet6SocketAddress(m_home, port));
        Simulator::Schedule(MilliSeconds(10), &MultihomingFixture::Send, this, port);
    }

    /**
     * \brief Receive callback of the MN's sinks.
     * \param s the socket
     */
    void Sink(Ptr<Socket> s)
    {
        Address from;
        Address local;
        while (Ptr<Packet> p = s->RecvFrom(from))
        {
            s->GetSockName(local);
            m_received[Inet6SocketAddress::ConvertFrom(local).GetPort()]++;
        }
    }

    /**
     * \brief The LMA's filters of the MN as "BID/FID/port/PRO2?" strings.
     * \return the filters
     */
    std::string LmaFilters() const
    {
        std::ostringstream os;
        for (const auto& f : m_lmaExt->GetFilters(m_d->mnId))
        {
            os << "[" << f.bid << "/" << f.fid << "/" << f.selector.GetDestinationPortStart();
            if (f.selector.GetDestinationPortEnd() != f.selector.GetDestinationPortStart())
            {
                os << "-" << f.selector.GetDestinationPortEnd();
            }
            os << "/pri" << +f.priority << "/act" << +f.action << (f.reinstantiated ? "/PRO2" : "")
               << "]";
        }
        return os.str();
    }

    /**
     * \brief The state of each binding cache entry of the MN, "BID:MAG:state".
     * \return the states
     */
    std::string Cache() const
    {
        std::ostringstream os;
        for (const auto& e : m_d->lmaApp->GetBindingCache()->FindByMnId(m_d->mnId))
        {
            os << "[" << e->bindingId << ":" << MagName(e->proxyCoa) << ":"
               << BindingCacheEntry::StateName(e->state) << "]";
        }
        return os.str();
    }

    /**
     * \brief The log since a position.
     * \param from the first index
     * \return the entries joined by " | "
     */
    std::string Log(size_t from) const
    {
        std::string s;
        for (size_t i = from; i < m_log.size(); ++i)
        {
            s += (i > from ? " | " : "") + m_log[i];
        }
        return s;
    }

    Ipv6Address m_coa3;                        ///< a third MAG's Proxy-CoA (Figure 7)
    Pmipv6DualAccessDomain* m_d{nullptr};      ///< the domain
    Ptr<LmaMultihomingExtension> m_lmaExt;     ///< LMA side
    Ptr<MagMultihomingExtension> m_magExt[2];  ///< MAG side
    std::vector<std::string> m_log;            ///< message sequence
    uint32_t m_phase{0};                       ///< the current phase
    Ipv6Address m_home;                        ///< the MN's home address
    Time m_stop;                               ///< flows end
    std::vector<Ptr<Socket>> m_sinks;          ///< MN sockets
    std::map<uint16_t, Ptr<Socket>> m_sources; ///< CN sockets
    std::map<uint16_t, uint32_t> m_sent;       ///< per port
    std::map<uint16_t, uint32_t> m_received;   ///< per port
    std::map<std::tuple<uint32_t, uint32_t, uint16_t>, uint32_t> m_mn;  ///< phase, dev, port
    std::map<std::tuple<uint32_t, uint32_t, uint16_t>, uint32_t> m_mag; ///< phase, MAG, port
};

/**
 * \ingroup pmipv6-tests
 * \brief Figure 2 / Figure 3 and section 6.1: the second interface joins the session (no
 * handover, no revocation), filters per Proxy-CoA, downlink per filter over both interfaces at
 * once, n-cast, the default binding; Figure 4 renewal.
 */
class InitialSetupTestCase : public MultihomingFixture
{
  public:
    InitialSetupTestCase()
        : MultihomingFixture("Figures 2, 3, 4: one session over two MAGs, filters per "
                             "Proxy-CoA, simultaneous downlink, renewal")
    {
    }

  private:
    /// LMA Handover sink.
    void Handover(const std::string&, Ipv6Address, Ipv6Address)
    {
        m_handovers++;
    }

    uint32_t m_handovers{0}; ///< handovers seen

    void DoRun() override
    {
        Build();
        m_magExt[0]->AddFilter(m_d->mnId, 1, 20, mip6::FBID_ACTION_FORWARD, Dport(VIDEO));
        m_magExt[0]->AddFilter(m_d->mnId, 2, 20, mip6::FBID_ACTION_N_CAST, Dport(NCAST));
        m_magExt[1]->AddFilter(m_d->mnId, 1, 20, mip6::FBID_ACTION_FORWARD, Dport(BULK));
        m_d->lmaApp->TraceConnectWithoutContext(
            "Handover",
            MakeCallback(&InitialSetupTestCase::Handover, this));
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, m_d, 0, 1);
        std::string afterFirst;
        std::string cacheFirst;
        Simulator::Schedule(Seconds(0.8), [&]() {
            afterFirst = LmaFilters();
            cacheFirst = Cache();
        });
        Simulator::Schedule(Seconds(1.0), &Pmipv6DualAccessDomain::Attach, m_d, 1, 1);
        std::string fig3;
        std::string cache3;
        std::string filters3;
        bool samePrefix = false;
        std::vector<MagMultihomingExtension::Filter> mag1Filters;
        Simulator::Schedule(Seconds(1.5), [&]() {
            fig3 = Log(0);
            cache3 = Cache();
            filters3 = LmaFilters();
            auto all = m_d->lmaApp->GetBindingCache()->FindByMnId(m_d->mnId);
            samePrefix =
                all.size() == 2 && all[0]->homeNetworkPrefixes == all[1]->homeNetworkPrefixes;
            mag1Filters = m_magExt[0]->GetFilters(m_d->mnId);
            m_phase = 1;
            StartFlows({VIDEO, NCAST, OTHER, BULK}, Seconds(3.5));
        });
        size_t mark = 0;
        Simulator::Schedule(Seconds(4), [&]() {
            mark = m_log.size();
            m_magExt[0]->Renew(m_d->mnId);
        });
        std::string fig4a;
        Simulator::Schedule(Seconds(4.2), [&]() {
            fig4a = Log(mark);
            mark = m_log.size();
            m_magExt[1]->Renew(m_d->mnId);
        });
        std::string fig4b;
        std::string cache4;
        Simulator::Schedule(Seconds(4.4), [&]() {
            fig4b = Log(mark);
            cache4 = Cache();
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(cacheFirst, "[1:MAG1:ACTIVE]", "after IF1: one binding");
        NS_TEST_EXPECT_MSG_EQ(afterFirst,
                              "[1/1/5004/pri20/act1][1/2/6000/pri20/act3]",
                              "after IF1: Filters_1 stored for PCoA1");
        NS_TEST_EXPECT_MSG_EQ(fig3,
                              "PBU MAG1 lifetime>0 HI=1 MHGID=0 ACT=0 FID{1:PRO0,2:PRO0} | "
                              "PBA MAG1 status=0 HI=1 MHGID=0 ACT=0 FID{1:PRO0:st0,2:PRO0:st0} | "
                              "PBU MAG2 lifetime>0 HI=1 MHGID=0 ACT=0 FID{1:PRO0} | "
                              "PBA MAG2 status=0 HI=1 MHGID=0 ACT=0 FID{1:PRO0:st0}",
                              "Figure 3 message sequence");
        NS_TEST_EXPECT_MSG_EQ(cache3,
                              "[1:MAG1:ACTIVE][2:MAG2:ACTIVE]",
                              "Figure 2: PCoA2 added to the session");
        NS_TEST_EXPECT_MSG_EQ(samePrefix, true, "one HNP for both interfaces");
        NS_TEST_EXPECT_MSG_EQ(filters3,
                              "[1/1/5004/pri20/act1][1/2/6000/pri20/act3][2/1/9000/pri20/act1]",
                              "filters per Proxy-CoA (both MAGs use FID 1)");
        NS_TEST_EXPECT_MSG_EQ(m_handovers, 0, "not a handover");
        NS_TEST_EXPECT_MSG_EQ(m_d->lmaApp->GetRevocationCount(), 0, "no revocation of PCoA1");
        NS_TEST_EXPECT_MSG_EQ(mag1Filters.size(), 2, "MAG1 keeps its two filters");
        for (const auto& f : mag1Filters)
        {
            NS_TEST_EXPECT_MSG_EQ(f.answered && f.status == 0, true, "answered with status 0");
        }
        // section 6.1: each flow over the interface its filter names, both at once
        NS_TEST_EXPECT_MSG_GT(Mn(1, 0, VIDEO), 190, "video on if0");
        NS_TEST_EXPECT_MSG_EQ(Mn(1, 1, VIDEO), 0, "no video on if1");
        NS_TEST_EXPECT_MSG_GT(Mn(1, 1, BULK), 190, "bulk on if1");
        NS_TEST_EXPECT_MSG_EQ(Mn(1, 0, BULK), 0, "no bulk on if0");
        NS_TEST_EXPECT_MSG_EQ(Mag(1, 0, VIDEO), Mn(1, 0, VIDEO), "video sent by MAG1");
        NS_TEST_EXPECT_MSG_EQ(Mag(1, 1, VIDEO), 0, "video not sent by MAG2");
        NS_TEST_EXPECT_MSG_EQ(Mag(1, 1, BULK), Mn(1, 1, BULK), "bulk sent by MAG2");
        NS_TEST_EXPECT_MSG_EQ(Mag(1, 0, BULK), 0, "bulk not sent by MAG1");
        NS_TEST_EXPECT_MSG_EQ(Mn(1, 0, NCAST), m_sent[NCAST], "n-cast: one copy on if0");
        NS_TEST_EXPECT_MSG_EQ(Mn(1, 1, NCAST), m_sent[NCAST], "n-cast: one copy on if1");
        NS_TEST_EXPECT_MSG_EQ(Mn(1, 0, OTHER), m_sent[OTHER], "unfiltered: default BID 1");
        NS_TEST_EXPECT_MSG_EQ(Mn(1, 1, OTHER), 0, "unfiltered: not on if1");
        NS_TEST_EXPECT_MSG_EQ(m_received[VIDEO], m_sent[VIDEO], "no video lost");
        NS_TEST_EXPECT_MSG_EQ(m_received[BULK], m_sent[BULK], "no bulk lost");
        // Figure 4
        NS_TEST_EXPECT_MSG_EQ(fig4a,
                              "PBU MAG1 lifetime>0 HI=5 MHGID=0 ACT=0 | "
                              "PBA MAG1 status=0 HI=5 MHGID=0 ACT=0",
                              "Figure 4, IF1 renewal");
        NS_TEST_EXPECT_MSG_EQ(fig4b,
                              "PBU MAG2 lifetime>0 HI=5 MHGID=0 ACT=0 | "
                              "PBA MAG2 status=0 HI=5 MHGID=0 ACT=0",
                              "Figure 4, IF2 renewal");
        NS_TEST_EXPECT_MSG_EQ(cache4, "[1:MAG1:ACTIVE][2:MAG2:ACTIVE]", "renewal keeps both");
        NS_TEST_EXPECT_MSG_EQ(LmaFilters(), filters3, "renewal keeps the filters");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Figure 5: a filter modification (HI 5) moves the video flow to MAG2 with no loss of
 * the bulk flow (nor of the video flow).
 */
class FilterModificationTestCase : public MultihomingFixture
{
  public:
    FilterModificationTestCase()
        : MultihomingFixture("Figure 5: filter modification moves a flow, the other one "
                             "loses nothing")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        m_magExt[0]->AddFilter(m_d->mnId, 1, 20, mip6::FBID_ACTION_FORWARD, Dport(VIDEO));
        m_magExt[1]->AddFilter(m_d->mnId, 1, 20, mip6::FBID_ACTION_FORWARD, Dport(BULK));
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, m_d, 0, 1);
        Simulator::Schedule(Seconds(1.0), &Pmipv6DualAccessDomain::Attach, m_d, 1, 1);
        Simulator::Schedule(Seconds(1.5), [&]() { StartFlows({VIDEO, BULK}, Seconds(4.5)); });
        size_t mark = 0;
        bool modified = false;
        Simulator::Schedule(Seconds(2.5), [&]() {
            m_phase = 1;
            mark = m_log.size();
            TrafficSelector both = Dport(VIDEO);
            both.SetDestinationPortRange(VIDEO, BULK);
            modified = m_magExt[1]->ModifyFilter(m_d->mnId, 1, 10, mip6::FBID_ACTION_FORWARD, both);
        });
        std::string fig5;
        std::string filters5;
        Simulator::Schedule(Seconds(2.7), [&]() {
            fig5 = Log(mark);
            filters5 = LmaFilters();
            m_phase = 2;
        });
        // removal of a filter (PRO 15): the video flow returns to MAG1's filter
        std::string removal;
        Simulator::Schedule(Seconds(3.5), [&]() {
            m_phase = 3;
            mark = m_log.size();
            m_magExt[1]->RemoveFilter(m_d->mnId, 1);
        });
        Simulator::Schedule(Seconds(3.7), [&]() {
            removal = Log(mark);
            m_phase = 4;
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(modified, true, "ModifyFilter");
        NS_TEST_EXPECT_MSG_EQ(fig5,
                              "PBU MAG2 lifetime>0 HI=5 MHGID=0 ACT=0 FID{1:PRO1} | "
                              "PBA MAG2 status=0 HI=5 MHGID=0 ACT=0 FID{1:PRO1:st0}",
                              "Figure 5 message sequence");
        NS_TEST_EXPECT_MSG_EQ(filters5,
                              "[1/1/5004/pri20/act1][2/1/5004-9000/pri10/act1]",
                              "the modified filter");
        NS_TEST_EXPECT_MSG_GT(Mn(0, 0, VIDEO), 90, "before: video on if0");
        NS_TEST_EXPECT_MSG_EQ(Mn(0, 1, VIDEO), 0, "before: no video on if1");
        NS_TEST_EXPECT_MSG_GT(Mn(2, 1, VIDEO), 70, "after: video on if1");
        NS_TEST_EXPECT_MSG_EQ(Mn(2, 0, VIDEO), 0, "after: no video on if0");
        NS_TEST_EXPECT_MSG_EQ(Mn(2, 0, BULK), 0, "bulk unmoved");
        NS_TEST_EXPECT_MSG_GT(Mn(2, 1, BULK), 70, "bulk unmoved");
        NS_TEST_EXPECT_MSG_EQ(Mag(2, 1, VIDEO), Mn(2, 1, VIDEO), "video through MAG2 now");
        NS_TEST_EXPECT_MSG_EQ(removal,
                              "PBU MAG2 lifetime>0 HI=5 MHGID=0 ACT=0 FID{1:PRO15} | "
                              "PBA MAG2 status=0 HI=5 MHGID=0 ACT=0 FID{1:PRO15:st0}",
                              "filter removal");
        NS_TEST_EXPECT_MSG_GT(Mn(4, 0, VIDEO), 70, "video back on if0 (MAG1's filter)");
        NS_TEST_EXPECT_MSG_EQ(Mn(4, 1, VIDEO), 0, "no video on if1");
        NS_TEST_EXPECT_MSG_GT(Mn(4, 0, BULK), 70, "bulk unfiltered now: default binding, if0");
        NS_TEST_EXPECT_MSG_EQ(Mn(4, 1, BULK), 0, "no bulk on if1");
        NS_TEST_EXPECT_MSG_EQ(LmaFilters(), "[1/1/5004/pri20/act1]", "MAG2's filter gone");
        NS_TEST_EXPECT_MSG_EQ(m_received[BULK], m_sent[BULK], "no loss of the unmoved flow");
        NS_TEST_EXPECT_MSG_EQ(m_received[VIDEO], m_sent[VIDEO], "no loss of the moved flow");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Figure 6: removal of one interface (lifetime 0, HI 4, ACT keep), the MAG tears down
 * only after the PBA, the filters are re-instantiated on the remaining interface (new FID,
 * PRO 2, FID-PRI and Action copied) and reported to its MAG on its next renewal.
 */
class InterfaceRemovalTestCase : public MultihomingFixture
{
  public:
    /**
     * \brief Constructor.
     * \param act the ACT of the removal
     * \param reinstantiation the LMA's FilterReinstantiation attribute
     */
    InterfaceRemovalTestCase(uint8_t act, bool reinstantiation)
        : MultihomingFixture(std::string("Figure 6: interface removal, ACT ") +
                             std::to_string(act) +
                             (reinstantiation ? "" : ", LMA without re-instantiation")),
          m_act(act),
          m_reinstantiation(reinstantiation)
    {
    }

  private:
    /**
     * \brief MAG1's TxPbu sink: whether its binding is up when the de-registration leaves.
     * \param pbu the PBU
     */
    void Mag1Pbu(const BindingUpdateHeader& pbu, Ipv6Address)
    {
        if (pbu.GetLifetime() == 0)
        {
            m_upAtPbu = HasBinding();
        }
    }

    /**
     * \brief MAG1's RxPba sink (before the core acts on it).
     * \param pba the PBA
     */
    void Mag1Pba(const BindingAckHeader& pba, Ipv6Address)
    {
        if (pba.GetLifetime() == 0)
        {
            m_upAtPba = HasBinding();
            Simulator::ScheduleNow([this]() { m_upAfterPba = HasBinding(); });
        }
    }

    /**
     * \brief Whether MAG1 routes the MN's prefix.
     * \return true when it does
     */
    bool HasBinding()
    {
        return m_d->magApp[0]->GetRouting()->HasBinding(m_prefix.prefix, m_prefix.length);
    }

    void DoRun() override
    {
        Build();
        m_d->lmaApp->GetExtension<LmaMultihomingExtension>()->SetAttribute(
            "FilterReinstantiation",
            BooleanValue(m_reinstantiation));
        m_magExt[0]->SetRemovalAction(m_d->mnId, m_act);
        m_magExt[0]->AddFilter(m_d->mnId, 1, 20, mip6::FBID_ACTION_FORWARD, Dport(VIDEO));
        m_magExt[1]->AddFilter(m_d->mnId, 1, 30, mip6::FBID_ACTION_FORWARD, Dport(BULK));
        m_d->magApp[0]->TraceConnectWithoutContext(
            "TxPbu",
            MakeCallback(&InterfaceRemovalTestCase::Mag1Pbu, this));
        m_d->magApp[0]->TraceConnectWithoutContext(
            "RxPba",
            MakeCallback(&InterfaceRemovalTestCase::Mag1Pba, this));
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, m_d, 0, 1);
        Simulator::Schedule(Seconds(1.0), &Pmipv6DualAccessDomain::Attach, m_d, 1, 1);
        Simulator::Schedule(Seconds(1.5), [&]() {
            m_prefix =
                m_d->lmaApp->GetBindingCache()->FindByMnId(m_d->mnId)[0]->homeNetworkPrefixes[0];
            StartFlows({VIDEO, BULK}, Seconds(4.5));
        });
        size_t mark = 0;
        Simulator::Schedule(Seconds(2.5), [&]() {
            m_phase = 1;
            mark = m_log.size();
            m_d->Detach(0);
        });
        std::string fig6;
        std::string cache6;
        std::string filters6;
        Simulator::Schedule(Seconds(2.7), [&]() {
            fig6 = Log(mark);
            cache6 = Cache();
            filters6 = LmaFilters();
            m_phase = 2;
            mark = m_log.size();
            m_magExt[1]->Renew(m_d->mnId);
        });
        std::string report;
        std::vector<MagMultihomingExtension::Filter> mag2Filters;
        Simulator::Schedule(Seconds(2.9), [&]() {
            report = Log(mark);
            mag2Filters = m_magExt[1]->GetFilters(m_d->mnId);
        });
        std::string cacheEnd;
        Simulator::Schedule(Seconds(4.8), [&]() { cacheEnd = Cache(); });
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        bool keep = m_act == mip6::MUHO_ACT_KEEP_FILTERS;
        uint32_t status = keep && !m_reinstantiation
                              ? mip6::BA_MH_FILTERS_REINSTANTIATION_NOT_SUPPORTED_BY_LMA
                              : 0;
        std::string act = std::to_string(m_act);
        NS_TEST_EXPECT_MSG_EQ(fig6,
                              "PBU MAG1 lifetime=0 HI=4 MHGID=0 ACT=" + act +
                                  " | PBA MAG1 status=" + std::to_string(status) +
                                  " HI=4 MHGID=0 ACT=" + act,
                              "Figure 6 message sequence");
        NS_TEST_EXPECT_MSG_EQ(m_upAtPbu, true, "MAG1's binding up when the PBU leaves");
        NS_TEST_EXPECT_MSG_EQ(m_upAtPba, true, "and still up when the PBA arrives");
        NS_TEST_EXPECT_MSG_EQ(m_upAfterPba, false, "torn down after the PBA");
        NS_TEST_EXPECT_MSG_EQ(cache6,
                              "[1:MAG1:DEREGISTERED_PENDING_DELETE][2:MAG2:ACTIVE]",
                              "PCoA1 de-registered, PCoA2 on");
        NS_TEST_EXPECT_MSG_EQ(cacheEnd, "[2:MAG2:ACTIVE]", "PCoA1 deleted later");
        bool reinst = keep && m_reinstantiation;
        std::string expectedFilters =
            reinst ? "[2/1/9000/pri30/act1][2/2/5004/pri20/act1/PRO2]" : "[2/1/9000/pri30/act1]";
        NS_TEST_EXPECT_MSG_EQ(filters6, expectedFilters, "filters after the removal");
        NS_TEST_EXPECT_MSG_EQ(m_lmaExt->GetReinstantiatedCount(),
                              uint64_t(reinst ? 1 : 0),
                              "count");
        std::string expectedReport = std::string("PBU MAG2 lifetime>0 HI=5 MHGID=0 ACT=0 | "
                                                 "PBA MAG2 status=0 HI=5 MHGID=0 ACT=0") +
                                     (reinst ? " FID{2:PRO2:st0}" : "");
        NS_TEST_EXPECT_MSG_EQ(report,
                              expectedReport,
                              "section 4.2: re-instantiated filters reported on renewal");
        NS_TEST_EXPECT_MSG_EQ(mag2Filters.size(), size_t(reinst ? 2 : 1), "MAG2 learnt it");
        if (reinst && mag2Filters.size() == 2)
        {
            NS_TEST_EXPECT_MSG_EQ(mag2Filters[1].reinstantiated, true, "PRO 2 at MAG2");
            bool sameFilter = mag2Filters[1].selector == Dport(VIDEO);
            NS_TEST_EXPECT_MSG_EQ(sameFilter, true, "its filter");
            NS_TEST_EXPECT_MSG_EQ(+mag2Filters[1].priority, 20, "FID-PRI copied");
        }
        // the video flow continues on if1 (re-instantiated filter, or the default binding
        // that moved to BID 2)
        NS_TEST_EXPECT_MSG_GT(Mn(2, 1, VIDEO), 150, "video on if1 after the removal");
        NS_TEST_EXPECT_MSG_EQ(Mn(2, 0, VIDEO), 0, "nothing on if0");
        NS_TEST_EXPECT_MSG_EQ(m_received[BULK], m_sent[BULK], "no bulk lost");
        NS_TEST_EXPECT_MSG_LT(m_sent[VIDEO] - m_received[VIDEO], 3, "at most in-flight video");
        TearDown();
    }

    uint8_t m_act;              ///< ACT
    bool m_reinstantiation;     ///< FilterReinstantiation
    HomeNetworkPrefix m_prefix; ///< the MN's HNP
    bool m_upAtPbu{false};      ///< binding up at the de-registration PBU
    bool m_upAtPba{false};      ///< binding up at its PBA
    bool m_upAfterPba{true};    ///< binding up after its PBA
};

/**
 * \ingroup pmipv6-tests
 * \brief An interface removed and attached again while its old binding waits
 * MinDelayBeforeBCEDelete rejoins the session: same HNP, a new BID, its filter installed again.
 */
class ReattachTestCase : public MultihomingFixture
{
  public:
    ReattachTestCase()
        : MultihomingFixture("Re-attachment of a removed interface rejoins the session")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        m_d->lmaApp->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(Seconds(3)));
        m_magExt[0]->SetRemovalAction(m_d->mnId, mip6::MUHO_ACT_REMOVE_FILTERS);
        m_magExt[0]->AddFilter(m_d->mnId, 1, 20, mip6::FBID_ACTION_FORWARD, Dport(VIDEO));
        m_magExt[1]->AddFilter(m_d->mnId, 1, 20, mip6::FBID_ACTION_FORWARD, Dport(BULK));
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, m_d, 0, 1);
        Simulator::Schedule(Seconds(1.0), &Pmipv6DualAccessDomain::Attach, m_d, 1, 1);
        Simulator::Schedule(Seconds(1.5), &Pmipv6DualAccessDomain::Detach, m_d, 0);
        size_t mark = 0;
        Simulator::Schedule(Seconds(2.0), [&]() {
            mark = m_log.size();
            m_d->lif->SetPhysicalDeviceUp(0, true);
            m_d->Attach(0, 1);
        });
        std::string log;
        std::string cache;
        std::string filters;
        bool samePrefix = false;
        Simulator::Schedule(Seconds(2.3), [&]() {
            log = Log(mark);
            cache = Cache();
            filters = LmaFilters();
            auto all = m_d->lmaApp->GetBindingCache()->FindByMnId(m_d->mnId);
            samePrefix = all.size() == 3;
            for (const auto& e : all)
            {
                samePrefix = samePrefix && e->homeNetworkPrefixes == all[0]->homeNetworkPrefixes;
            }
        });
        // a renewal of the new binding within the old one's MinDelayBeforeBCEDelete renews the
        // new one (both are at MAG1, with the same MN link-layer identifier)
        std::string renewal;
        std::string cacheRenewed;
        Simulator::Schedule(Seconds(2.4), [&]() {
            mark = m_log.size();
            m_magExt[0]->Renew(m_d->mnId);
        });
        Simulator::Schedule(Seconds(2.6), [&]() {
            renewal = Log(mark);
            cacheRenewed = Cache();
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(renewal,
                              "PBU MAG1 lifetime>0 HI=5 MHGID=0 ACT=0 | "
                              "PBA MAG1 status=0 HI=5 MHGID=0 ACT=0",
                              "renewal");
        NS_TEST_EXPECT_MSG_EQ(
            cacheRenewed,
            "[1:MAG1:DEREGISTERED_PENDING_DELETE][2:MAG2:ACTIVE][3:MAG1:ACTIVE]",
            "the renewal is the new binding's, the old one still waits for deletion");
        NS_TEST_EXPECT_MSG_EQ(log,
                              "PBU MAG1 lifetime>0 HI=1 MHGID=0 ACT=0 FID{1:PRO0} | "
                              "PBA MAG1 status=0 HI=1 MHGID=0 ACT=0 FID{1:PRO0:st0}",
                              "re-attachment");
        NS_TEST_EXPECT_MSG_EQ(cache,
                              "[1:MAG1:DEREGISTERED_PENDING_DELETE][2:MAG2:ACTIVE][3:MAG1:ACTIVE]",
                              "a new binding (BID 3) beside the one waiting for deletion");
        NS_TEST_EXPECT_MSG_EQ(samePrefix, true, "the session's HNP");
        NS_TEST_EXPECT_MSG_EQ(filters,
                              "[2/1/9000/pri20/act1][3/1/5004/pri20/act1]",
                              "its filter on the new binding");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Figure 7: a third interface, at a third MAG, joins the group with its own filters;
 * its flow arrives on the third interface while the other two flows keep theirs.
 */
class InterfaceAdditionTestCase : public MultihomingFixture
{
  public:
    InterfaceAdditionTestCase()
        : MultihomingFixture("Figure 7: a third interface joins the multihoming group")
    {
    }

  private:
    void DoRun() override
    {
        const uint16_t third = 8000;
        Build();
        // MAG3: LMA -- MAG3 ==csma== if2 (a third physical device of the MN's logical interface)
        NodeContainer mag3;
        mag3.Create(1);
        Pmipv6Helper::InstallStack(mag3);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("2ms"));
        Ipv6AddressHelper address;
        address.SetBase(Ipv6Address("fd00:0:0:3::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer magIf = address.Assign(p2p.Install(m_d->lma.Get(0), mag3.Get(0)));
        magIf.SetForwarding(0, true);
        magIf.SetForwarding(1, true);
        Ipv6StaticRoutingHelper routing;
        routing.GetStaticRouting(mag3.Get(0)->GetObject<Ipv6>())
            ->SetDefaultRoute(magIf.GetAddress(0, 1), magIf.GetInterfaceIndex(1));
        m_coa3 = magIf.GetAddress(1, 1);
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
        NetDeviceContainer link = csma.Install(NodeContainer(mag3.Get(0), m_d->mn.Get(0)));
        m_d->lif->AddPhysicalDevice(link.Get(1));
        Ptr<Pmipv6MagApplication> mag3App = m_d->pmip.InstallMag(mag3.Get(0),
                                                                 m_coa3,
                                                                 m_d->lmaAddress,
                                                                 NetDeviceContainer(link.Get(0)));
        Ptr<MagMultihomingExtension> ext3 = CreateObject<MagMultihomingExtension>();
        mag3App->AddExtension(ext3);
        ext3->SetMultihomed(m_d->mnId);
        ext3->AddFilter(m_d->mnId, 1, 20, mip6::FBID_ACTION_FORWARD, Dport(third));
        mag3App->TraceConnectWithoutContext(
            "RxPba",
            MakeBoundCallback(&MultihomingFixture::LogPba,
                              static_cast<MultihomingFixture*>(this),
                              2u));
        link.Get(0)->TraceConnectWithoutContext(
            "MacTx",
            MakeBoundCallback(&MultihomingFixture::MagTx,
                              static_cast<MultihomingFixture*>(this),
                              2u));

        m_magExt[0]->AddFilter(m_d->mnId, 1, 20, mip6::FBID_ACTION_FORWARD, Dport(VIDEO));
        m_magExt[1]->AddFilter(m_d->mnId, 1, 20, mip6::FBID_ACTION_FORWARD, Dport(BULK));
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, m_d, 0, 1);
        Simulator::Schedule(Seconds(1.0), &Pmipv6DualAccessDomain::Attach, m_d, 1, 1);
        Simulator::Schedule(Seconds(1.5), [&]() {
            m_phase = 1;
            StartFlows({VIDEO, BULK, third}, Seconds(4));
        });
        size_t mark = 0;
        Simulator::Schedule(Seconds(2.5), [&]() {
            m_phase = 2;
            mark = m_log.size();
            mag3App->NotifyAttach(link.Get(0), m_d->mnId, link.Get(1)->GetAddress(), 1);
        });
        std::string fig7;
        std::string cache7;
        std::string filters7;
        Simulator::Schedule(Seconds(2.6), [&]() {
            fig7 = Log(mark);
            cache7 = Cache();
            filters7 = LmaFilters();
            m_phase = 3;
        });
        Simulator::Stop(Seconds(4.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(fig7,
                              "PBU MAG3 lifetime>0 HI=1 MHGID=0 ACT=0 FID{1:PRO0} | "
                              "PBA MAG3 status=0 HI=1 MHGID=0 ACT=0 FID{1:PRO0:st0}",
                              "Figure 7 message sequence");
        NS_TEST_EXPECT_MSG_EQ(cache7,
                              "[1:MAG1:ACTIVE][2:MAG2:ACTIVE][3:MAG3:ACTIVE]",
                              "PCoA3 added to the session");
        NS_TEST_EXPECT_MSG_EQ(filters7,
                              "[1/1/5004/pri20/act1][2/1/9000/pri20/act1][3/1/8000/pri20/act1]",
                              "Filters_3 stored for PCoA3");
        NS_TEST_EXPECT_MSG_EQ(m_d->lmaApp->GetRevocationCount(), 0, "no revocation");
        NS_TEST_EXPECT_MSG_GT(Mn(1, 0, third), 90, "before IF3: the default binding (if0)");
        NS_TEST_EXPECT_MSG_GT(Mn(3, 2, third), 120, "after: on if2");
        NS_TEST_EXPECT_MSG_EQ(Mag(3, 2, third), Mn(3, 2, third), "sent by MAG3");
        NS_TEST_EXPECT_MSG_EQ(Mn(3, 0, third) + Mn(3, 1, third), 0, "not on if0 / if1");
        NS_TEST_EXPECT_MSG_GT(Mn(3, 0, VIDEO), 120, "video still on if0");
        NS_TEST_EXPECT_MSG_GT(Mn(3, 1, BULK), 120, "bulk still on if1");
        NS_TEST_EXPECT_MSG_EQ(m_received[VIDEO], m_sent[VIDEO], "no video lost");
        NS_TEST_EXPECT_MSG_EQ(m_received[BULK], m_sent[BULK], "no bulk lost");
        NS_TEST_EXPECT_MSG_EQ(m_received[third], m_sent[third], "nothing of the third flow lost");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Section 6.1 statuses: an LMA without multihoming, MHGID other than 0, ACT with HI 1,
 * and per-filter statuses.
 */
class StatusTestCase : public MultihomingFixture
{
  public:
    StatusTestCase()
        : MultihomingFixture("Statuses: MH not supported, MHGID, ACT, per-filter statuses")
    {
    }

  private:
    /**
     * \brief Register IF1 through MAG1 with a setup and return the log.
     * \param setup called after Build()
     * \return the message log
     */
    template <typename F>
    std::string Run(F setup)
    {
        Build();
        setup();
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, m_d, 0, 1);
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        std::string log = Log(0);
        m_log.clear();
        TearDown();
        return log;
    }

    /**
     * \brief A multihoming FID option.
     * \param fid FID
     * \param pro PRO
     * \param action Action
     * \param filter with a filter (dport 5004)
     * \return the option
     */
    static Ptr<MuhoFlowIdentifierOption> Fid(uint16_t fid, uint8_t pro, uint8_t action, bool filter)
    {
        Ptr<MuhoFlowIdentifierOption> o = Create<MuhoFlowIdentifierOption>();
        o->SetFlowId(fid);
        o->SetPro(pro);
        o->SetAction(action);
        if (filter)
        {
            o->SetFilter(Dport(VIDEO));
        }
        return o;
    }

    void DoRun() override
    {
        std::string log = Run([this]() {
            m_d->lmaApp->GetExtension<LmaMultihomingExtension>()->SetAttribute(
                "MultihomingSupported",
                BooleanValue(false));
        });
        NS_TEST_EXPECT_MSG_EQ(log,
                              "PBU MAG1 lifetime>0 HI=1 MHGID=0 ACT=0 | PBA MAG1 status=250 HI=1 "
                              "MHGID=0 ACT=0",
                              "MH_NOT_SUPPORTED_BY_LMA");

        log = Run([this]() {
            m_magExt[0]->SetMultihomed(m_d->mnId, 1);
            m_magExt[0]->AddFilter(m_d->mnId, 1, 20, mip6::FBID_ACTION_FORWARD, Dport(VIDEO));
        });
        NS_TEST_EXPECT_MSG_EQ(log,
                              "PBU MAG1 lifetime>0 HI=1 MHGID=1 ACT=0 FID{1:PRO0} | PBA MAG1 "
                              "status=250 HI=1 MHGID=1 ACT=0 FID{1:PRO0:st128}",
                              "MHGID 1: only the default group; its filter refused too");

        // per-filter statuses, from a scripted MAG (no conforming extension on MAG1)
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        m_d = new Pmipv6DualAccessDomain("mn@multihoming.test");
        m_lmaExt = CreateObject<LmaMultihomingExtension>();
        m_d->lmaApp->AddExtension(m_lmaExt);
        m_d->magApp[0]->TraceConnectWithoutContext(
            "RxPba",
            MakeBoundCallback(&MultihomingFixture::LogPba,
                              static_cast<MultihomingFixture*>(this),
                              0u));
        m_d->lmaApp->TraceConnectWithoutContext("RxPbu",
                                                MakeCallback(&StatusTestCase::LogPbu, this));
        Ptr<ScriptedMagExtension> s = CreateObject<ScriptedMagExtension>();
        m_d->magApp[0]->AddExtension(s);
        s->options.push_back(Create<MultihomingOption>());
        s->options.push_back(Fid(1, mip6::MUHO_PRO_ADD, mip6::FBID_ACTION_FORWARD, true));
        s->options.push_back(Fid(1, mip6::MUHO_PRO_ADD, mip6::FBID_ACTION_DISCARD, true));
        s->options.push_back(Fid(2, mip6::MUHO_PRO_ADD, mip6::FBID_ACTION_FORWARD, false));
        s->options.push_back(Fid(3, mip6::MUHO_PRO_ADD, 0, true));
        s->options.push_back(Fid(4, mip6::MUHO_PRO_MODIFY, mip6::FBID_ACTION_FORWARD, true));
        s->options.push_back(Fid(5, mip6::MUHO_PRO_REMOVE, mip6::FBID_ACTION_FORWARD, false));
        s->options.push_back(
            Fid(6, mip6::MUHO_PRO_REINSTANTIATED_BY_LMA, mip6::FBID_ACTION_FORWARD, true));
        // a filter of TS Format 9 (no RFC 6088 format): read from bytes, as a MAG would send it
        {
            const uint8_t data[] = {0,
                                    7,
                                    0,
                                    mip6::FBID_ACTION_FORWARD,
                                    0,
                                    0, // FID 7, PRO 0
                                    mip6::MUHO_SUBOPT_FLOW_DESCRIPTION,
                                    4,
                                    9,
                                    0,
                                    0xab,
                                    0xcd};
            Buffer b;
            b.AddAtStart(sizeof(data));
            b.Begin().Write(data, sizeof(data));
            Ptr<MuhoFlowIdentifierOption> o = Create<MuhoFlowIdentifierOption>();
            std::string error;
            bool read = o->DeserializeData(b.Begin(), sizeof(data), error);
            NS_TEST_ASSERT_MSG_EQ(read, true, error);
            NS_TEST_ASSERT_MSG_EQ(o->HasFilter() && !o->IsFilterSupported(), true, "format 9");
            s->options.push_back(o);
        }
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, m_d, 0, 1);
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(Log(0),
                              "PBU MAG1 lifetime>0 HI=1 MHGID=0 ACT=0 "
                              "FID{1:PRO0,1:PRO0,2:PRO0,3:PRO0,4:PRO1,5:PRO15,6:PRO2,7:PRO0} | "
                              "PBA MAG1 status=0 HI=1 MHGID=0 ACT=0 "
                              "FID{1:PRO0:st0,1:PRO0:st135,2:PRO0:st129,3:PRO0:st129,"
                              "4:PRO1:st136,5:PRO15:st136,6:PRO2:st129,7:PRO0:st137}",
                              "per-filter statuses");
        NS_TEST_EXPECT_MSG_EQ(LmaFilters(), "[1/1/5004/pri0/act1]", "only the good filter");
        m_log.clear();
        TearDown();

        // ACT with HI 1 (section 4.1) and filters without the Multihoming option
        const uint8_t cases[2] = {1, 2};
        for (uint8_t c : cases)
        {
            RngSeedManager::SetSeed(1);
            m_d = new Pmipv6DualAccessDomain("mn@multihoming.test");
            m_lmaExt = CreateObject<LmaMultihomingExtension>();
            m_d->lmaApp->AddExtension(m_lmaExt);
            m_d->magApp[0]->TraceConnectWithoutContext(
                "RxPba",
                MakeBoundCallback(&MultihomingFixture::LogPba,
                                  static_cast<MultihomingFixture*>(this),
                                  0u));
            m_d->lmaApp->TraceConnectWithoutContext("RxPbu",
                                                    MakeCallback(&StatusTestCase::LogPbu, this));
            Ptr<ScriptedMagExtension> x = CreateObject<ScriptedMagExtension>();
            m_d->magApp[0]->AddExtension(x);
            if (c == 1)
            {
                Ptr<MultihomingOption> mh = Create<MultihomingOption>();
                mh->SetAct(mip6::MUHO_ACT_KEEP_FILTERS);
                x->options.push_back(mh);
            }
            else
            {
                x->options.push_back(Fid(1, mip6::MUHO_PRO_ADD, mip6::FBID_ACTION_FORWARD, true));
            }
            Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, m_d, 0, 1);
            Simulator::Stop(Seconds(1));
            Simulator::Run();
            if (c == 1)
            {
                NS_TEST_EXPECT_MSG_EQ(Log(0),
                                      "PBU MAG1 lifetime>0 HI=1 MHGID=0 ACT=2 | "
                                      "PBA MAG1 status=128 HI=1 MHGID=0 ACT=2",
                                      "ACT only with HI 4");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(Log(0),
                                      "PBU MAG1 lifetime>0 HI=1 FID{1:PRO0} | "
                                      "PBA MAG1 status=0 HI=1 FID{1:PRO0:st130}",
                                      "filters without the Multihoming option refused");
                NS_TEST_EXPECT_MSG_EQ(m_lmaExt->IsMultihomed(m_d->mnId), false, "no group");
            }
            m_log.clear();
            TearDown();
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The suite.
 */
class MultihomingTestSuite : public TestSuite
{
  public:
    MultihomingTestSuite()
        : TestSuite("pmipv6-multihoming", UNIT)
    {
        AddTestCase(new InitialSetupTestCase, TestCase::QUICK);
        AddTestCase(new FilterModificationTestCase, TestCase::QUICK);
        AddTestCase(new InterfaceRemovalTestCase(mip6::MUHO_ACT_KEEP_FILTERS, true),
                    TestCase::QUICK);
        AddTestCase(new InterfaceRemovalTestCase(mip6::MUHO_ACT_REMOVE_FILTERS, true),
                    TestCase::QUICK);
        AddTestCase(new InterfaceRemovalTestCase(mip6::MUHO_ACT_KEEP_FILTERS, false),
                    TestCase::QUICK);
        AddTestCase(new ReattachTestCase, TestCase::QUICK);
        AddTestCase(new InterfaceAdditionTestCase, TestCase::QUICK);
        AddTestCase(new StatusTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
MultihomingTestSuite g_multihomingTestSuite;

} // namespace
