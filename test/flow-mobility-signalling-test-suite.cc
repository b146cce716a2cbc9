/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief The LMA-initiated flow move of the pmipv6 flow mobility draft with a prefix per
 * interface (section 3.1 scenario 1, section 3.2 Figure 5 and 6, FMI/FMA of sections 4.1 and
 * 4.2) and its RFC 7864 variant (UPN with reason FLOW-MOBILITY / UPA):
 * LmaFlowMobilityExtension (PrefixMode PerInterface, MoveSignalling FMI or UPN) with
 * MagFlowMobilityExtension on both MAGs.
 *
 * - Figure 5 (FMI and UPN): the message sequence read at the receivers' Mobility Header layer
 *   (FMI add -> FMA -> FMI del -> FMA), the FMI's options (MN-ID then Flow Identification 45),
 *   the binding caches and flow-binding table of Figure 6, the moved flow's downlink on the new
 *   MAG's physical interface and its uplink following, the other flow untouched, and the move
 *   back removing the state at the first MAG.
 * - Every FMA status 128-133 provoked by FMIs sent through the LMA's signalling transaction,
 *   and the UPA statuses; a MAG without the extension makes the move give up.
 * - Lifetime: the LMA refreshes (R = 1) a finite state, FMA 133 is answered with a refresh,
 *   and a state left behind without a delete expires at the MAG (routes removed).
 * - The move policies: scheduled steps and the move on a new attachment.
 *
 * Topology: Pmipv6DualAccessDomain (CN -- LMA -- MAG1, MAG2; MAG k ==csma== if k of one mobile
 * node behind a LogicalInterfaceNetDevice).
 */

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \ingroup pmipv6-tests
 * \brief A per-interface-prefix dual-access domain with two echoed UDP flows: X (port 9000)
 * to the MN's address in MAG1's prefix, Y (port 9001) to its address in MAG2's prefix; the
 * flow-mobility messages each agent receives, in order.
 */
class FlowSignallingFixture : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param name the test name
     */
    explicit FlowSignallingFixture(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /**
     * \brief Build the domain (both attachments HI 1 at 0.5 s and 1 s), the extensions, the
     * traces; traffic from 2 s.
     * \param signalling "FMI" or "UPN"
     * \param magExtensions number of MAGs (from MAG1) that get a MagFlowMobilityExtension
     * \param mode the LMA's PrefixMode
     * \param secondHi Handoff Indicator of the second attachment
     */
    void Build(
        const std::string& signalling,
        uint32_t magExtensions = 2,
        LmaFlowMobilityExtension::PrefixMode mode = LmaFlowMobilityExtension::PER_INTERFACE_PREFIX,
        uint8_t secondHi = mip6::HI_NEW_INTERFACE)
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        m_d = new Pmipv6DualAccessDomain("mn@fmi.test");
        m_fm = CreateObject<LmaFlowMobilityExtension>();
        m_fm->SetAttribute("PrefixMode", EnumValue(mode));
        m_fm->SetAttribute("MoveSignalling", StringValue(signalling));
        m_d->lmaApp->AddExtension(m_fm);
        for (uint32_t k = 0; k < 2; ++k)
        {
            m_magFm[k] = CreateObject<MagFlowMobilityExtension>();
            if (k < magExtensions)
            {
                m_d->magApp[k]->AddExtension(m_magFm[k]);
            }
        }
        m_d->lmaApp->GetSignalling()->SetAttribute("InitialTimeout", TimeValue(Seconds(0.5)));
        m_d->lmaApp->GetSignalling()->SetAttribute("MaxRetransmissions", UintegerValue(2));
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            m_d,
                            0,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Schedule(Seconds(1.0), &Pmipv6DualAccessDomain::Attach, m_d, 1, secondHi);
        Simulator::Schedule(Seconds(0.2), &FlowSignallingFixture::ConnectWire, this);
        m_d->lif->TraceConnectWithoutContext("PhysicalRx",
                                             MakeCallback(&FlowSignallingFixture::Rx, this));
        m_d->lif->TraceConnectWithoutContext("InterfaceChoice",
                                             MakeCallback(&FlowSignallingFixture::Tx, this));
        Simulator::Schedule(Seconds(2), &FlowSignallingFixture::StartTraffic, this);
    }

    /// Free the domain.
    void TearDown()
    {
        Simulator::Destroy();
        delete m_d;
        m_d = nullptr;
    }

    /// The Mobility Header Rx traces of the three agents (installed when they start).
    void ConnectWire()
    {
        m_names[m_d->lmaAddress] = "LMA";
        m_names[m_d->proxyCoa[0]] = "MAG1";
        m_names[m_d->proxyCoa[1]] = "MAG2";
        Ptr<Node> nodes[3] = {m_d->lma.Get(0), m_d->mags.Get(0), m_d->mags.Get(1)};
        for (const auto& n : nodes)
        {
            n->GetObject<MobilityL4Protocol>()->TraceConnectWithoutContext(
                "Rx",
                MakeCallback(&FlowSignallingFixture::WireRx, this));
        }
    }

    /**
     * \brief A flow-mobility message arrived: record "KIND SRC>DST".
     * \param p the message
     * \param src source
     * \param dst destination
     */
    void WireRx(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst)
    {
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        if (b.size() < 10)
        {
            return;
        }
        std::string kind;
        uint8_t type = b[2];
        if (type == mip6::MH_FLOW_MOBILITY)
        {
            if (b[8] & mip6::FM_FLAG_I)
            {
                kind = (b[8] & mip6::FMI_FLAG_C)   ? "FMI-del"
                       : (b[8] & mip6::FMI_FLAG_R) ? "FMI-refresh"
                                                   : "FMI-add";
                FlowMobilityInitiateHeader fmi;
                p->PeekHeader(fmi);
                m_lastFmi = fmi;
            }
            else
            {
                kind = "FMA-" + std::to_string(b[9]);
            }
        }
        else if (type == mip6::MH_UPDATE_NOTIFICATION)
        {
            UpdateNotificationHeader upn;
            p->PeekHeader(upn);
            kind = upn.GetOptions().Find<HomeNetworkPrefixOption>() ? "UPN-add" : "UPN-del";
        }
        else if (type == mip6::MH_UPDATE_NOTIFICATION_ACK)
        {
            kind = "UPA-" + std::to_string(b[8]);
        }
        else
        {
            return;
        }
        m_wire.push_back(kind + " " + m_names[src] + ">" + m_names[dst]);
    }

    /**
     * \brief The recorded sequence as one string.
     * \return e.g. "FMI-add LMA>MAG1, FMA-0 MAG1>LMA"
     */
    std::string Wire() const
    {
        std::ostringstream os;
        for (size_t i = 0; i < m_wire.size(); ++i)
        {
            os << (i ? ", " : "") << m_wire[i];
        }
        return os.str();
    }

    /// The BCE of a MAG's binding.
    /// \param k 0 or 1
    /// \return the entry or nullptr
    Ptr<BindingCacheEntry> Bce(uint32_t k)
    {
        for (const auto& e : m_d->lmaApp->GetBindingCache()->FindByMnId(m_d->mnId))
        {
            if (e->proxyCoa == m_d->proxyCoa[k])
            {
                return e;
            }
        }
        return nullptr;
    }

    /// Sockets and the first datagrams of both flows (needs both prefixes).
    void StartTraffic()
    {
        for (uint32_t k = 0; k < 2; ++k)
        {
            Ptr<BindingCacheEntry> e = Bce(k);
            if (!e || e->homeNetworkPrefixes.empty())
            {
                return;
            }
            m_prefix[k] = e->homeNetworkPrefixes.back(); // hybrid: the second's own prefix
            m_home[k] = Pmipv6Helper::GetHomeAddress(m_d->lif, m_prefix[k]);
        }
        for (uint32_t k = 0; k < 2; ++k)
        {
            Ptr<Socket> mn = Socket::CreateSocket(m_d->mn.Get(0), UdpSocketFactory::GetTypeId());
            mn->Bind(Inet6SocketAddress(m_home[k], m_ports[k]));
            mn->SetRecvCallback(MakeCallback(&FlowSignallingFixture::Echo, this));
            m_mnSocket[k] = mn;
            m_cnSocket[k] = Socket::CreateSocket(m_d->cn.Get(0), UdpSocketFactory::GetTypeId());
            m_cnSocket[k]->Bind();
            m_cnSocket[k]->SetRecvCallback(MakeCallback(&FlowSignallingFixture::Back, this));
            Send(k);
        }
    }

    /// Echo every datagram back from the MN.
    /// \param s the socket
    void Echo(Ptr<Socket> s)
    {
        Address from;
        while (Ptr<Packet> p = s->RecvFrom(from))
        {
            s->SendTo(p, 0, from);
        }
    }

    /// Count the echoes at the CN.
    /// \param s the socket
    void Back(Ptr<Socket> s)
    {
        Address from;
        while (s->RecvFrom(from))
        {
            m_echoed[Inet6SocketAddress::ConvertFrom(from).GetPort()]++;
        }
    }

    /// Send one datagram of flow \p k every 20 ms.
    /// \param k the flow
    void Send(uint32_t k)
    {
        if (Simulator::Now() >= m_stop)
        {
            return;
        }
        m_sent[m_ports[k]]++;
        m_cnSocket[k]->SendTo(Create<Packet>(200), 0, Inet6SocketAddress(m_home[k], m_ports[k]));
        Simulator::Schedule(MilliSeconds(20), &FlowSignallingFixture::Send, this, k);
    }

    /// PhysicalRx: downlink UDP per (phase, device, MN port).
    /// \param p the packet
    /// \param device the physical device
    void Rx(Ptr<const Packet> p, uint32_t device)
    {
        Ptr<Packet> copy = p->Copy();
        Ipv6Header ip;
        copy->RemoveHeader(ip);
        if (ip.GetNextHeader() == UdpL4Protocol::PROT_NUMBER)
        {
            UdpHeader udp;
            copy->PeekHeader(udp);
            m_down[std::make_tuple(m_phase, device, udp.GetDestinationPort())]++;
        }
    }

    /// InterfaceChoice: uplink UDP per (phase, device, MN port).
    /// \param p the packet
    /// \param device the physical device
    void Tx(Ptr<const Packet> p, uint32_t device, uint8_t /* reason */)
    {
        Ptr<Packet> copy = p->Copy();
        Ipv6Header ip;
        copy->RemoveHeader(ip);
        if (ip.GetNextHeader() == UdpL4Protocol::PROT_NUMBER)
        {
            UdpHeader udp;
            copy->PeekHeader(udp);
            m_up[std::make_tuple(m_phase, device, udp.GetSourcePort())]++;
        }
    }

    /// \return downlink count
    /// \param phase phase \param device device \param port MN port
    uint32_t Down(uint32_t phase, uint32_t device, uint16_t port)
    {
        return m_down[std::make_tuple(phase, device, port)];
    }

    /// \return uplink count
    /// \param phase phase \param device device \param port MN port
    uint32_t Up(uint32_t phase, uint32_t device, uint16_t port)
    {
        return m_up[std::make_tuple(phase, device, port)];
    }

    /// \return the selector of flow Y (port 9001 only: the LMA names the prefix)
    TrafficSelector FlowY() const
    {
        TrafficSelector ts;
        ts.SetDestinationPort(m_ports[1]);
        return ts;
    }

    Pmipv6DualAccessDomain* m_d{nullptr};                                ///< the domain
    Ptr<LmaFlowMobilityExtension> m_fm;                                  ///< LMA extension
    Ptr<MagFlowMobilityExtension> m_magFm[2];                            ///< MAG extensions
    std::map<Ipv6Address, std::string> m_names;                          ///< agent names
    std::vector<std::string> m_wire;                                     ///< messages in order
    FlowMobilityInitiateHeader m_lastFmi;                                ///< last FMI received
    const uint16_t m_ports[2] = {9000, 9001};                            ///< flows X, Y
    HomeNetworkPrefix m_prefix[2];                                       ///< pref1, pref2
    Ipv6Address m_home[2];                                               ///< MN addresses
    Ptr<Socket> m_mnSocket[2];                                           ///< MN sockets
    Ptr<Socket> m_cnSocket[2];                                           ///< CN sockets
    Time m_stop{Seconds(100)};                                           ///< sending ends
    uint32_t m_phase{0};                                                 ///< phase
    std::map<uint16_t, uint32_t> m_sent;                                 ///< per port
    std::map<uint16_t, uint32_t> m_echoed;                               ///< per port
    std::map<std::tuple<uint32_t, uint32_t, uint16_t>, uint32_t> m_down; ///< downlink
    std::map<std::tuple<uint32_t, uint32_t, uint16_t>, uint32_t> m_up;   ///< uplink
};

/**
 * \ingroup pmipv6-tests
 * \brief Figure 5 (FMI or UPN): move flow Y from MAG2 to MAG1, then back.
 */
class Figure5TestCase : public FlowSignallingFixture
{
  public:
    /**
     * \brief Constructor.
     * \param signalling "FMI" or "UPN"
     */
    explicit Figure5TestCase(const std::string& signalling)
        : FlowSignallingFixture("Figure 5 with " + signalling +
                                ": sequence on the wire, caches of Figure 6, the moved flow on "
                                "the new interface both ways, the other untouched, move back"),
          m_signalling(signalling)
    {
    }

  private:
    void DoRun() override
    {
        Build(m_signalling);
        Ptr<ApiFlowMovePolicy> api = CreateObject<ApiFlowMovePolicy>();
        m_fm->AddPolicy(api);
        const std::string mnId = m_d->mnId;
        bool distinct = false;
        uint16_t bid[2] = {0, 0};
        Simulator::Schedule(Seconds(2.5), [&]() {
            distinct = Bce(0) && Bce(1) && !(m_prefix[0] == m_prefix[1]) &&
                       !m_prefix[0].IsUnspecified() && !m_prefix[1].IsUnspecified();
            bid[0] = m_fm->GetBindingId(mnId, m_d->proxyCoa[0]);
            bid[1] = m_fm->GetBindingId(mnId, m_d->proxyCoa[1]);
        });
        uint16_t fid = 0;
        Simulator::Schedule(Seconds(3), [&]() {
            m_phase = 1;
            fid = api->MoveToMag(mnId, FlowY(), m_d->proxyCoa[0]);
        });
        // 3.5 s: the state of Figure 6
        std::vector<std::string> wireAfterMove;
        const FlowBindingEntry* entry = nullptr;
        FlowBindingEntry flow;
        bool mag1Routes = false;
        bool mag2Routes = false;
        bool mag1Flow = false;
        bool mag2Flow = false;
        uint16_t defaultBid = 0;
        bool hasDefault = true;
        Simulator::Schedule(Seconds(3.5), [&]() {
            wireAfterMove = m_wire;
            Ptr<Pmipv6LmaApplication> lma = m_d->lmaApp;
            entry = lma->GetFlowBindingTable()->Find(lma->GetFlowOwner(mnId), fid);
            if (entry)
            {
                flow = *entry;
            }
            hasDefault =
                lma->GetFlowBindingTable()->GetDefaultBid(lma->GetFlowOwner(mnId), defaultBid);
            mag1Routes =
                m_d->magApp[0]->GetRouting()->HasBinding(m_prefix[1].prefix, m_prefix[1].length);
            mag2Routes =
                m_d->magApp[1]->GetRouting()->HasBinding(m_prefix[1].prefix, m_prefix[1].length);
            mag1Flow = m_magFm[0]->HasFlow(mnId, fid);
            mag2Flow = m_magFm[1]->HasFlow(mnId, fid);
        });
        // 4.5 s: move Y back to MAG2 (its prefix's binding): bound at once, MAG1's state
        // removed
        Simulator::Schedule(Seconds(4.5), [&]() {
            m_phase = 2;
            api->MoveToMag(mnId, FlowY(), m_d->proxyCoa[1]);
        });
        bool mag1RoutesAfter = true;
        bool mag1FlowAfter = true;
        Simulator::Schedule(Seconds(4.7), [&]() {
            m_phase = 3;
            mag1RoutesAfter =
                m_d->magApp[0]->GetRouting()->HasBinding(m_prefix[1].prefix, m_prefix[1].length);
            mag1FlowAfter = m_magFm[0]->HasFlow(mnId, fid);
        });
        m_stop = Seconds(5.5);
        Simulator::Stop(Seconds(6));
        Simulator::Run();

        const bool fmi = m_signalling == "FMI";
        const std::string req = fmi ? "FMI" : "UPN";
        const std::string ack = fmi ? "FMA-0" : "UPA-0";
        NS_TEST_EXPECT_MSG_EQ(distinct, true, "two bindings with their own prefixes");
        NS_TEST_EXPECT_MSG_EQ(bid[0], 1, "MAG1's binding is BID 1");
        NS_TEST_EXPECT_MSG_EQ(bid[1], 2, "MAG2's binding is BID 2");
        NS_TEST_EXPECT_MSG_EQ(fid, 1, "the move got FID 1");
        // Figure 5 on the wire
        std::vector<std::string> expected = {req + "-add LMA>MAG1",
                                             ack + " MAG1>LMA",
                                             req + "-del LMA>MAG2",
                                             ack + " MAG2>LMA"};
        std::ostringstream got;
        for (size_t i = 0; i < wireAfterMove.size(); ++i)
        {
            got << (i ? ", " : "") << wireAfterMove[i];
        }
        NS_TEST_EXPECT_MSG_EQ((wireAfterMove == expected),
                              true,
                              "Figure 5 sequence: " << got.str());
        std::vector<std::string> back = expected;
        back.push_back(req + "-del LMA>MAG1");
        back.push_back(ack + " MAG1>LMA");
        NS_TEST_EXPECT_MSG_EQ((m_wire == back), true, "and the move back: " << Wire());
        std::cout << "Figure 5 (" << m_signalling << "): " << Wire() << std::endl;
        if (fmi)
        {
            // the last FMI (the del to MAG1): MN-ID, then Flow Identification (45)
            std::vector<uint8_t> types;
            for (const auto& o : m_lastFmi.GetOptions().GetOptions())
            {
                if (o->GetType() != mip6::OPT_PAD1 && o->GetType() != mip6::OPT_PADN)
                {
                    types.push_back(o->GetType());
                }
            }
            NS_TEST_EXPECT_MSG_EQ(types.size(), 2, "two options");
            if (types.size() == 2)
            {
                NS_TEST_EXPECT_MSG_EQ(+types[0], +mip6::OPT_MOBILE_NODE_IDENTIFIER, "MN-ID first");
                NS_TEST_EXPECT_MSG_EQ(+types[1], +mip6::OPT_FLOW_IDENTIFICATION, "then option 45");
            }
            NS_TEST_EXPECT_MSG_EQ(m_lastFmi.GetLifetime(), 0, "C = 1 with Lifetime 0");
            Ptr<FlowIdentificationOption> f =
                m_lastFmi.GetOptions().Find<FlowIdentificationOption>();
            NS_TEST_EXPECT_MSG_NE(f, nullptr, "flow option");
            if (f)
            {
                TrafficSelector ts = f->GetTrafficSelector();
                NS_TEST_EXPECT_MSG_EQ(f->GetFid(), fid, "FID on the wire");
                NS_TEST_EXPECT_MSG_EQ(ts.GetDestinationPortStart(), 9001, "flow Y's port");
                NS_TEST_EXPECT_MSG_EQ(ts.GetDestinationAddressStart(),
                                      m_prefix[1].GetMaskedPrefix(),
                                      "the LMA named pref2");
            }
        }
        // Figure 6: binding caches and flow mobility state
        NS_TEST_EXPECT_MSG_NE(entry, nullptr, "the LMA's flow entry of Y");
        NS_TEST_EXPECT_MSG_EQ(flow.bids.size(), 1, "one BID");
        NS_TEST_EXPECT_MSG_EQ((flow.bids == std::vector<uint16_t>{1}), true, "flow Y -> BID 1");
        NS_TEST_EXPECT_MSG_EQ((flow.selector == FlowY()), true, "its selector");
        NS_TEST_EXPECT_MSG_EQ((flow.action == FlowBindingAction::FORWARD), true, "forward");
        NS_TEST_EXPECT_MSG_EQ(flow.active, true, "active");
        NS_TEST_EXPECT_MSG_EQ(hasDefault, false, "per-interface prefixes: no default BID");
        NS_TEST_EXPECT_MSG_EQ(mag1Routes, true, "MAG1 routes pref2 to MN1's link");
        NS_TEST_EXPECT_MSG_EQ(mag2Routes, true, "MAG2 keeps its own HNP pref2");
        NS_TEST_EXPECT_MSG_EQ(mag1Flow, true, "MAG1 keeps flow state of Y");
        NS_TEST_EXPECT_MSG_EQ(mag2Flow, false, "MAG2 has no flow state");
        // data path
        NS_TEST_EXPECT_MSG_GT(Down(0, 1, 9001), 20, "before: Y down on if2 (MAG2)");
        NS_TEST_EXPECT_MSG_EQ(Down(0, 0, 9001), 0, "before: Y not on if1");
        NS_TEST_EXPECT_MSG_GT(Down(0, 0, 9000), 20, "before: X down on if1 (MAG1)");
        NS_TEST_EXPECT_MSG_GT(Down(1, 0, 9001), 40, "moved: Y down on if1 (MAG1)");
        NS_TEST_EXPECT_MSG_LT(Down(1, 1, 9001), 3, "moved: Y left if2 (in flight at most)");
        NS_TEST_EXPECT_MSG_GT(Up(1, 0, 9001), 40, "moved: Y's uplink follows to if1");
        NS_TEST_EXPECT_MSG_LT(Up(1, 1, 9001), 3, "moved: Y's uplink left if2 (in flight at most)");
        NS_TEST_EXPECT_MSG_GT(Down(1, 0, 9000), 40, "X: still on if1");
        NS_TEST_EXPECT_MSG_EQ(Down(1, 1, 9000), 0, "X: not moved");
        NS_TEST_EXPECT_MSG_EQ(m_echoed[9000], m_sent[9000], "X: no packet lost");
        NS_TEST_EXPECT_MSG_GT(Down(3, 1, 9001), 30, "moved back: Y down on if2");
        NS_TEST_EXPECT_MSG_EQ(Down(3, 0, 9001), 0, "moved back: Y not on if1");
        NS_TEST_EXPECT_MSG_EQ(mag1FlowAfter, false, "MAG1's flow state removed");
        NS_TEST_EXPECT_MSG_EQ(mag1RoutesAfter, false, "MAG1 no longer routes pref2");
        TearDown();
    }

    std::string m_signalling; ///< FMI or UPN
};

/**
 * \ingroup pmipv6-tests
 * \brief FMA 128-133 and UPA statuses provoked with hand-built requests through the LMA's
 * signalling transaction; a MAG without the extension never answers (give-up, no move).
 */
class ErrorStatusTestCase : public FlowSignallingFixture
{
  public:
    ErrorStatusTestCase()
        : FlowSignallingFixture("FMA 128-133 and UPA error statuses; no answer: give up, the "
                                "flow stays")
    {
    }

  private:
    /// A reply came: keep its status.
    /// \param tag what was asked
    /// \param reply the FMA / UPA
    void Reply(std::string tag,
               SignallingTransactionManager::TransactionId,
               const MobilityHeader& reply,
               const Ipv6Header&)
    {
        m_status[tag] = reply.GetMhType() == mip6::MH_FLOW_MOBILITY
                            ? static_cast<const FlowMobilityAckHeader&>(reply).GetStatus()
                            : static_cast<const UpdateNotificationAckHeader&>(reply).GetStatus();
    }

    /**
     * \brief Send an FMI to MAG1.
     * \param tag the name of the answer
     * \param mnId MN-ID ("" none)
     * \param flags C / R bits
     * \param lifetime Lifetime
     * \param fid FID (0: no flow option)
     * \param ts its selector
     * \param seq sequence (0: the next one)
     */
    void Fmi(std::string tag,
             std::string mnId,
             uint8_t flags,
             uint16_t lifetime,
             uint16_t fid,
             TrafficSelector ts,
             uint16_t seq)
    {
        Ptr<SignallingTransactionManager> sig = m_d->lmaApp->GetSignalling();
        Ipv6Address mag = m_d->proxyCoa[0];
        if (seq == 0)
        {
            seq = sig->NextSequence(mag);
        }
        FlowMobilityInitiateHeader fmi;
        fmi.SetSequence(seq);
        fmi.SetFlag(FlowMobilityInitiateHeader::FLAG_C, flags & mip6::FMI_FLAG_C);
        fmi.SetFlag(FlowMobilityInitiateHeader::FLAG_R, flags & mip6::FMI_FLAG_R);
        fmi.SetLifetime(lifetime);
        if (!mnId.empty())
        {
            fmi.AddOption(Create<MobileNodeIdentifierOption>(mnId));
        }
        if (fid != 0)
        {
            Ptr<FlowIdentificationOption> f = Create<FlowIdentificationOption>(fid, 10);
            f->AddTrafficSelector(ts);
            fmi.AddOption(f);
        }
        SignallingTransactionManager::Request r(m_d->lmaAddress,
                                                mag,
                                                mip6::MH_FLOW_MOBILITY,
                                                0,
                                                seq);
        r.onReply = MakeCallback(&ErrorStatusTestCase::Reply, this, tag);
        sig->Start(fmi, r);
    }

    /**
     * \brief Send a UPN to MAG1.
     * \param tag the name of the answer
     * \param mnId MN-ID
     * \param reason Notification Reason
     * \param fid FID
     * \param ts its selector
     * \param hnp whether to list the selector's prefix (add) or not (remove)
     */
    void Upn(std::string tag,
             std::string mnId,
             uint8_t reason,
             uint16_t fid,
             TrafficSelector ts,
             bool hnp)
    {
        Ptr<SignallingTransactionManager> sig = m_d->lmaApp->GetSignalling();
        Ipv6Address mag = m_d->proxyCoa[0];
        uint16_t seq = sig->NextSequence(mag);
        UpdateNotificationHeader upn;
        upn.SetSequence(seq);
        upn.SetNotificationReason(reason);
        upn.SetFlag(UpdateNotificationHeader::FLAG_A, true);
        upn.AddOption(Create<MobileNodeIdentifierOption>(mnId));
        if (hnp)
        {
            upn.AddOption(Create<HomeNetworkPrefixOption>(m_prefix[1].prefix, m_prefix[1].length));
        }
        Ptr<FlowIdentificationOption> f = Create<FlowIdentificationOption>(fid, 10);
        f->AddTrafficSelector(ts);
        upn.AddOption(f);
        SignallingTransactionManager::Request r(m_d->lmaAddress,
                                                mag,
                                                mip6::MH_UPDATE_NOTIFICATION_ACK,
                                                0,
                                                seq);
        r.onReply = MakeCallback(&ErrorStatusTestCase::Reply, this, tag);
        sig->Start(upn, r);
    }

    void DoRun() override
    {
        Build("FMI", 1); // MAG2 has no flow-mobility extension
        const std::string mnId = m_d->mnId;
        uint32_t failed = 0;
        uint8_t failedStatus = 255;
        m_fm->TraceConnectWithoutContext("MoveFailed",
                                         MakeCallback(+[](uint32_t* n,
                                                          uint8_t* s,
                                                          const std::string&,
                                                          uint16_t,
                                                          Ipv6Address,
                                                          uint8_t st) {
                                             (*n)++;
                                             *s = st;
                                         }).Bind(&failed, &failedStatus));
        TrafficSelector pref2;
        TrafficSelector ipv4(mip6::TS_FORMAT_IPV4_BINARY);
        TrafficSelector other;
        Simulator::Schedule(Seconds(2.5), [&]() {
            pref2.SetDestinationAddressPrefix(m_prefix[1].prefix, m_prefix[1].GetIpv6Prefix());
            pref2.SetDestinationPort(9001);
            ipv4.SetIpv4DestinationAddress(Ipv4Address("10.0.0.1"));
            other.SetDestinationAddressPrefix(Ipv6Address("2001:db8:9::"), Ipv6Prefix(64));
            Fmi("129", "nobody@fmi.test", 0, 100, 5, pref2, 0);
            Fmi("128-no-flow", mnId, 0, 100, 0, pref2, 0);
            Fmi("128-cancel-lifetime", mnId, mip6::FMI_FLAG_C, 100, 5, pref2, 0);
            Fmi("128-no-prefix", mnId, 0, 100, 5, TrafficSelector(), 0);
            Fmi("131", mnId, 0, 100, 5, ipv4, 0);
            Fmi("132-cancel", mnId, mip6::FMI_FLAG_C, 0, 77, other, 0);
            Fmi("132-refresh", mnId, mip6::FMI_FLAG_R, 100, 77, pref2, 0);
            Fmi("0-add", mnId, 0, mip6::FM_LIFETIME_INFINITE, 5, pref2, 0);
        });
        Simulator::Schedule(Seconds(2.7), [&]() {
            Fmi("133", mnId, 0, 100, 5, pref2, 0);
            Fmi("0-refresh", mnId, mip6::FMI_FLAG_R, 100, 5, pref2, 0);
        });
        Simulator::Schedule(Seconds(2.9), [&]() {
            // older than the last FMI's sequence by more than the MAG's window of 32 (65500 = -36)
            Fmi("130", mnId, 0, 100, 6, pref2, 65500);
            Fmi("0-cancel", mnId, mip6::FMI_FLAG_C, 0, 5, pref2, 0);
        });
        Simulator::Schedule(Seconds(3.1), [&]() {
            Upn("upa-132", "nobody@fmi.test", mip6::UPN_REASON_FLOW_MOBILITY, 8, pref2, true);
            Upn("upa-131", mnId, mip6::UPN_REASON_FORCE_REREGISTRATION, 8, pref2, true);
            Upn("upa-128", mnId, mip6::UPN_REASON_FLOW_MOBILITY, 8, other, false);
            Upn("upa-0-add", mnId, mip6::UPN_REASON_FLOW_MOBILITY, 8, pref2, true);
        });
        bool upnState = false;
        Simulator::Schedule(Seconds(3.3), [&]() {
            upnState = m_magFm[0]->HasFlow(mnId, 8);
            Upn("upa-0-del", mnId, mip6::UPN_REASON_FLOW_MOBILITY, 8, pref2, false);
        });
        bool upnStateAfter = true;
        Simulator::Schedule(Seconds(3.5), [&]() { upnStateAfter = m_magFm[0]->HasFlow(mnId, 8); });
        // a move of flow X to MAG2, which has no extension: give up, X stays
        uint64_t gaveUpBefore = 0;
        Simulator::Schedule(Seconds(4), [&]() {
            m_phase = 1;
            gaveUpBefore = m_d->lmaApp->GetSignalling()->GetGaveUpCount();
            TrafficSelector x;
            x.SetDestinationPort(9000);
            m_fm->MoveFlow(mnId, x, 2);
        });
        uint64_t gaveUp = 0;
        uint32_t entries = 99;
        Simulator::Schedule(Seconds(8), [&]() {
            gaveUp = m_d->lmaApp->GetSignalling()->GetGaveUpCount() - gaveUpBefore;
            entries =
                m_d->lmaApp->GetFlowBindingTable()->GetOwnerSize(m_d->lmaApp->GetFlowOwner(mnId));
        });
        m_stop = Seconds(8);
        Simulator::Stop(Seconds(8.5));
        Simulator::Run();

        std::map<std::string, int> expected = {
            {"129", mip6::FMA_MN_NOT_ATTACHED},
            {"128-no-flow", mip6::FMA_REASON_UNSPECIFIED},
            {"128-cancel-lifetime", mip6::FMA_REASON_UNSPECIFIED},
            {"128-no-prefix", mip6::FMA_REASON_UNSPECIFIED},
            {"131", mip6::FMA_TS_FORMAT_UNSUPPORTED},
            {"132-cancel", mip6::FMA_NO_FLOW_MOBILITY_CACHE_ENTRY},
            {"132-refresh", mip6::FMA_NO_FLOW_MOBILITY_CACHE_ENTRY},
            {"0-add", mip6::FMA_SUCCESS},
            {"133", mip6::FMA_FLOW_MOBILITY_CACHE_ENTRY_EXISTS},
            {"0-refresh", mip6::FMA_SUCCESS},
            {"130", mip6::FMA_SEQUENCE_OUT_OF_WINDOW},
            {"0-cancel", mip6::FMA_SUCCESS},
            {"upa-132", mip6::UPA_MN_NOT_ATTACHED},
            {"upa-131", mip6::UPA_REASON_UNSPECIFIED},
            {"upa-128", mip6::UPA_FAILED_TO_UPDATE_SESSION_PARAMETERS},
            {"upa-0-add", mip6::UPA_SUCCESS},
            {"upa-0-del", mip6::UPA_SUCCESS},
        };
        for (const auto& [tag, status] : expected)
        {
            auto it = m_status.find(tag);
            NS_TEST_EXPECT_MSG_EQ((it != m_status.end()), true, tag << ": answered");
            if (it != m_status.end())
            {
                NS_TEST_EXPECT_MSG_EQ(+it->second, status, tag << ": status");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(m_magFm[0]->HasFlow(mnId, 5), false, "FID 5 cancelled");
        NS_TEST_EXPECT_MSG_EQ(upnState, true, "UPN with the prefix: state added");
        NS_TEST_EXPECT_MSG_EQ(upnStateAfter, false, "UPN without the prefix: state removed");
        NS_TEST_EXPECT_MSG_EQ(gaveUp, 1, "the FMI to MAG2 was given up");
        NS_TEST_EXPECT_MSG_EQ(failed, 1, "MoveFailed once");
        NS_TEST_EXPECT_MSG_EQ(+failedStatus, 0, "with no status (no answer)");
        NS_TEST_EXPECT_MSG_EQ(entries, 0, "no flow entry installed");
        NS_TEST_EXPECT_MSG_EQ(Down(1, 1, 9000), 0, "X never reached if2");
        NS_TEST_EXPECT_MSG_GT(Down(1, 0, 9000), 100, "X stayed on if1");
        TearDown();
    }

    std::map<std::string, uint8_t> m_status; ///< answers by tag
};

/**
 * \ingroup pmipv6-tests
 * \brief Finite flow state: the LMA refreshes it (R = 1), answers FMA 133 with a refresh, and
 * a state left behind (DeleteOldFlowState false) expires at the MAG; moves by a
 * ScheduledFlowMovePolicy.
 */
class LifetimeTestCase : public FlowSignallingFixture
{
  public:
    LifetimeTestCase()
        : FlowSignallingFixture("finite FMI lifetime: refresh, FMA 133 answered with R = 1, "
                                "state left behind expires at the MAG")
    {
    }

  private:
    void DoRun() override
    {
        Build("FMI");
        m_fm->SetAttribute("DeleteOldFlowState", BooleanValue(false));
        m_fm->SetAttribute("FlowStateLifetime", UintegerValue(2));
        const std::string mnId = m_d->mnId;
        Ptr<ScheduledFlowMovePolicy> script = CreateObject<ScheduledFlowMovePolicy>();
        script->AddStep(Seconds(3), mnId, FlowY(), m_d->proxyCoa[0]);
        script->AddStep(Seconds(5), mnId, FlowY(), m_d->proxyCoa[1]);
        script->AddStep(Seconds(5.5), mnId, FlowY(), m_d->proxyCoa[0]);
        script->AddStep(Seconds(6), mnId, FlowY(), m_d->proxyCoa[1]);
        m_fm->AddPolicy(script);
        std::vector<std::pair<double, int>> removed;
        m_magFm[0]->TraceConnectWithoutContext(
            "FlowRemoved",
            MakeCallback(+[](std::vector<std::pair<double, int>>* v,
                             const std::string&,
                             uint16_t,
                             int reason) {
                v->emplace_back(Simulator::Now().GetSeconds(), reason);
            }).Bind(&removed));
        bool at5 = false;
        bool at7 = false;
        bool at8 = true;
        bool route8 = true;
        Simulator::Schedule(Seconds(4.9), [&]() { at5 = m_magFm[0]->HasFlow(mnId, 1); });
        Simulator::Schedule(Seconds(5.75), [&]() { m_phase = 1; });
        Simulator::Schedule(Seconds(5.99), [&]() { m_phase = 2; });
        Simulator::Schedule(Seconds(7.2), [&]() { at7 = m_magFm[0]->HasFlow(mnId, 1); });
        Simulator::Schedule(Seconds(8), [&]() {
            at8 = m_magFm[0]->HasFlow(mnId, 1);
            route8 =
                m_d->magApp[0]->GetRouting()->HasBinding(m_prefix[1].prefix, m_prefix[1].length);
        });
        m_stop = Seconds(8);
        Simulator::Stop(Seconds(8.5));
        Simulator::Run();

        std::vector<std::string> expected = {"FMI-add LMA>MAG1",
                                             "FMA-0 MAG1>LMA",
                                             "FMI-refresh LMA>MAG1",
                                             "FMA-0 MAG1>LMA",
                                             "FMI-add LMA>MAG1",
                                             "FMA-133 MAG1>LMA",
                                             "FMI-refresh LMA>MAG1",
                                             "FMA-0 MAG1>LMA"};
        NS_TEST_EXPECT_MSG_EQ((m_wire == expected), true, "sequence: " << Wire());
        std::cout << "Lifetime: " << Wire() << std::endl;
        NS_TEST_EXPECT_MSG_EQ(at5, true, "refreshed state alive at 4.9 s (added at 3 s, 2 s)");
        NS_TEST_EXPECT_MSG_GT(Down(1, 0, 9001), 5, "after FMA 133 + refresh: Y on if1");
        NS_TEST_EXPECT_MSG_EQ(at7, true, "left behind at 6 s, alive until its lifetime ends");
        NS_TEST_EXPECT_MSG_EQ(at8, false, "expired by 8 s");
        NS_TEST_EXPECT_MSG_EQ(route8, false, "MAG1's route of pref2 went with it");
        NS_TEST_EXPECT_MSG_EQ(removed.size(), 1, "removed once");
        if (removed.size() == 1)
        {
            NS_TEST_EXPECT_MSG_EQ(removed[0].second,
                                  MagFlowMobilityExtension::REMOVED_EXPIRED,
                                  "by expiry");
            NS_TEST_EXPECT_MSG_GT(removed[0].first, 7.4, "2 s after the last refresh (5.5 s)");
            NS_TEST_EXPECT_MSG_LT(removed[0].first, 7.6, "2 s after the last refresh (5.5 s)");
        }
        NS_TEST_EXPECT_MSG_EQ(script->GetMoveCount(), 4, "four scripted moves");
        NS_TEST_EXPECT_MSG_GT(Down(2, 1, 9001), 40, "back on if2 after 6 s");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief AttachFlowMovePolicy: when the second interface attaches, flow Y's rule moves the
 * flows it selects to the new binding with an FMI.
 */
class AttachPolicyTestCase : public FlowSignallingFixture
{
  public:
    AttachPolicyTestCase()
        : FlowSignallingFixture("AttachFlowMovePolicy moves a flow to a new attachment")
    {
    }

  private:
    void DoRun() override
    {
        Build("FMI");
        Ptr<AttachFlowMovePolicy> policy = CreateObject<AttachFlowMovePolicy>();
        TrafficSelector x;
        x.SetDestinationPort(9000);
        policy->AddRule(x);
        m_fm->AddPolicy(policy);
        Simulator::Stop(Seconds(2.5));
        Simulator::Run();
        std::vector<std::string> expected = {"FMI-add LMA>MAG2",
                                             "FMA-0 MAG2>LMA",
                                             "FMI-del LMA>MAG1",
                                             "FMA-0 MAG1>LMA"};
        NS_TEST_EXPECT_MSG_EQ((m_wire == expected), true, "sequence: " << Wire());
        NS_TEST_EXPECT_MSG_EQ(policy->GetMoveCount(), 1, "one move");
        NS_TEST_EXPECT_MSG_EQ(m_magFm[1]->HasFlow(m_d->mnId, 1), true, "MAG2 has X's state");
        NS_TEST_EXPECT_MSG_GT(Down(0, 1, 9000), 10, "X arrives on if2");
        NS_TEST_EXPECT_MSG_EQ(Down(0, 0, 9000), 0, "X no longer on if1");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief No FMI del to a MAG that holds no state of the flow: flow Y is moved to MAG1 (state
 * there), then if1 leaves MAG1 (MAG1 drops the state with its binding update list entry, the
 * LMA's BID 1 waits for deletion); moving Y back to MAG2 binds it there and sends nothing to
 * MAG1 (before: FMI del to MAG1, answered 129 "MN not attached").
 */
class NoStateDeleteTestCase : public FlowSignallingFixture
{
  public:
    NoStateDeleteTestCase()
        : FlowSignallingFixture("no FMI del to a MAG whose binding of the MN is gone (it holds "
                                "no flow state): the move back sends nothing there")
    {
    }

  private:
    /// MoveFailed: count.
    void Failed(const std::string& /* mnId */,
                uint16_t /* fid */,
                Ipv6Address /* mag */,
                uint8_t /* status */)
    {
        m_failed++;
    }

    uint32_t m_failed{0}; ///< MoveFailed count

    void DoRun() override
    {
        Build("FMI");
        m_d->lmaApp->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(Seconds(2)));
        Ptr<ApiFlowMovePolicy> api = CreateObject<ApiFlowMovePolicy>();
        m_fm->AddPolicy(api);
        const std::string mnId = m_d->mnId;
        m_fm->TraceConnectWithoutContext("MoveFailed",
                                         MakeCallback(&NoStateDeleteTestCase::Failed, this));
        uint16_t fid = 0;
        Simulator::Schedule(Seconds(3), [&]() {
            m_phase = 1;
            fid = api->MoveToMag(mnId, FlowY(), m_d->proxyCoa[0]);
        });
        bool mag1Flow = false;
        size_t wireAtDetach = 0;
        Simulator::Schedule(Seconds(3.9), [&]() {
            mag1Flow = m_magFm[0]->HasFlow(mnId, fid);
            wireAtDetach = m_wire.size();
            m_d->Detach(0);
        });
        bool mag1FlowAfterDetach = true;
        std::vector<uint16_t> bids;
        Simulator::Schedule(Seconds(4.5), [&]() {
            m_phase = 2;
            mag1FlowAfterDetach = m_magFm[0]->HasFlow(mnId, fid);
            api->MoveToMag(mnId, FlowY(), m_d->proxyCoa[1]);
        });
        Simulator::Schedule(Seconds(5), [&]() {
            m_phase = 3;
            Ptr<Pmipv6LmaApplication> lma = m_d->lmaApp;
            const FlowBindingEntry* e =
                lma->GetFlowBindingTable()->Find(lma->GetFlowOwner(mnId), fid);
            if (e)
            {
                bids = e->bids;
            }
        });
        m_stop = Seconds(6);
        Simulator::Stop(Seconds(6.5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(mag1Flow, true, "MAG1 held Y's state after the move");
        NS_TEST_EXPECT_MSG_EQ(mag1FlowAfterDetach, false, "and dropped it when if1 left");
        std::vector<std::string> after(m_wire.begin() + std::min(wireAtDetach, m_wire.size()),
                                       m_wire.end());
        std::ostringstream os;
        for (const auto& m : after)
        {
            os << m << "; ";
            NS_TEST_EXPECT_MSG_EQ(
                (m.find("MAG1") == std::string::npos),
                true,
                "no flow-mobility message to or from MAG1 after the detach: " << m);
        }
        NS_TEST_EXPECT_MSG_EQ(
            m_magFm[0]->GetAckCount(mip6::MH_FLOW_MOBILITY, mip6::FMA_MN_NOT_ATTACHED),
            0,
            "no FMA 129 from MAG1 (" << os.str() << ")");
        NS_TEST_EXPECT_MSG_EQ(m_failed, 0, "no move failed");
        NS_TEST_EXPECT_MSG_EQ(
            (bids == std::vector<uint16_t>{m_fm->GetBindingId(mnId, m_d->proxyCoa[1])}),
            true,
            "Y bound to MAG2's binding");
        NS_TEST_EXPECT_MSG_GT(Down(3, 1, 9001), 30, "Y's downlink on if2");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief A retransmitted or duplicated UPN (RFC 7077, reason FLOW-MOBILITY) is answered as
 * its first copy was and changes nothing: MAG1 gets a UPN that puts flow FID 8 (the MN's
 * second prefix, port 9001) there, then a UPN that removes it twice (the LMA retransmits
 * because the UPA was lost), then a late copy of the first UPN. Every UPA is status 0 and
 * the flow stays removed (without the MAG's reply cache the second removal got status 128
 * and the late copy installed the flow again).
 */
class UpnRetransmissionTestCase : public FlowSignallingFixture
{
  public:
    UpnRetransmissionTestCase()
        : FlowSignallingFixture("a retransmitted UPN gets the same UPA, a late duplicate "
                                "changes nothing")
    {
    }

  private:
    /**
     * \brief AckSent of MAG1: keep the UPAs.
     * \param mhType the acknowledgement's MH type
     * \param seq its sequence
     * \param status its status
     */
    void AckSent(uint8_t mhType, uint16_t seq, uint8_t status)
    {
        if (mhType == mip6::MH_UPDATE_NOTIFICATION_ACK)
        {
            m_upas.emplace_back(seq, status);
        }
    }

    /**
     * \brief A UPN of flow FID 8 to MAG1, sent as is (no transaction: a copy of one).
     * \param seq its sequence
     * \param put true: with the prefix (the MAG serves the flow), false: removal
     */
    void SendUpn(uint16_t seq, bool put)
    {
        TrafficSelector ts;
        ts.SetDestinationAddressPrefix(m_prefix[1].prefix, m_prefix[1].GetIpv6Prefix());
        ts.SetDestinationPort(9001);
        UpdateNotificationHeader upn;
        upn.SetSequence(seq);
        upn.SetNotificationReason(mip6::UPN_REASON_FLOW_MOBILITY);
        upn.SetFlag(UpdateNotificationHeader::FLAG_A, true);
        upn.AddOption(Create<MobileNodeIdentifierOption>(m_d->mnId));
        if (put)
        {
            upn.AddOption(Create<HomeNetworkPrefixOption>(m_prefix[1].prefix, m_prefix[1].length));
        }
        Ptr<FlowIdentificationOption> f = Create<FlowIdentificationOption>(8, 10);
        f->AddTrafficSelector(ts);
        upn.AddOption(f);
        m_d->lmaApp->GetMobilityProtocol()->Send(upn, m_d->lmaAddress, m_d->proxyCoa[0]);
    }

    void DoRun() override
    {
        Build("UPN");
        const std::string mnId = m_d->mnId;
        m_magFm[0]->TraceConnectWithoutContext(
            "AckSent",
            MakeCallback(&UpnRetransmissionTestCase::AckSent, this));
        Ptr<SignallingTransactionManager> sig = m_d->lmaApp->GetSignalling();
        uint16_t put = 0;
        uint16_t remove = 0;
        bool afterPut = false;
        bool afterRemove = true;
        bool afterRetransmission = true;
        bool afterLateCopy = true;
        Simulator::Schedule(Seconds(3.1), [&]() {
            put = sig->NextSequence(m_d->proxyCoa[0]);
            SendUpn(put, true);
        });
        Simulator::Schedule(Seconds(3.3), [&]() {
            afterPut = m_magFm[0]->HasFlow(mnId, 8);
            remove = sig->NextSequence(m_d->proxyCoa[0]);
            SendUpn(remove, false);
        });
        Simulator::Schedule(Seconds(3.5), [&]() {
            afterRemove = m_magFm[0]->HasFlow(mnId, 8);
            SendUpn(remove, false); // the retransmission: the first UPA was lost
        });
        Simulator::Schedule(Seconds(3.7), [&]() {
            afterRetransmission = m_magFm[0]->HasFlow(mnId, 8);
            SendUpn(put, true); // a late copy of the first UPN
        });
        Simulator::Schedule(Seconds(3.9), [&]() { afterLateCopy = m_magFm[0]->HasFlow(mnId, 8); });
        m_stop = Seconds(4);
        Simulator::Stop(Seconds(4.2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(afterPut, true, "the UPN with the prefix put the flow at MAG1");
        NS_TEST_EXPECT_MSG_EQ(afterRemove, false, "the removal removed it");
        NS_TEST_EXPECT_MSG_EQ(afterRetransmission, false, "the retransmission changed nothing");
        NS_TEST_EXPECT_MSG_EQ(afterLateCopy, false, "the late copy changed nothing");
        NS_TEST_ASSERT_MSG_EQ(m_upas.size(), 4, "four UPAs");
        const std::vector<std::pair<uint16_t, uint8_t>> expected = {{put, mip6::UPA_SUCCESS},
                                                                    {remove, mip6::UPA_SUCCESS},
                                                                    {remove, mip6::UPA_SUCCESS},
                                                                    {put, mip6::UPA_SUCCESS}};
        for (size_t k = 0; k < expected.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(m_upas[k].first, expected[k].first, "UPA " << k << ": sequence");
            NS_TEST_EXPECT_MSG_EQ(+m_upas[k].second,
                                  +expected[k].second,
                                  "UPA " << k << ": the same status as the first copy's");
        }
        TearDown();
    }

    std::vector<std::pair<uint16_t, uint8_t>> m_upas; ///< (sequence, status) sent by MAG1
};

/**
 * \ingroup pmipv6-tests
 * \brief The hybrid prefix model (draft 001 section 3.1 scenario 3): if1 attaches with HI 6
 * and gets the first binding's prefix S (shared) and a new prefix P2 of its own in one PBA.
 * Flow X (to S) moves to if1 with no signalling (a flow-binding change); flow Y (to P2) moves
 * to if0 with FMI add to MAG1 / FMA / FMI del to MAG2 / FMA; each arrives on its new interface.
 */
class HybridTestCase : public FlowSignallingFixture
{
  public:
    HybridTestCase()
        : FlowSignallingFixture("hybrid prefixes (scenario 3): HI 6 gets the shared prefix and "
                                "one of its own; a shared-prefix flow moves without signalling, "
                                "an own-prefix flow with FMI")
    {
    }

  private:
    void DoRun() override
    {
        Build("FMI",
              2,
              LmaFlowMobilityExtension::HYBRID_PREFIX,
              mip6::HI_NEW_INTERFACE_SHARED_PREFIX);
        Ptr<ApiFlowMovePolicy> api = CreateObject<ApiFlowMovePolicy>();
        m_fm->AddPolicy(api);
        const std::string mnId = m_d->mnId;
        std::vector<HomeNetworkPrefix> bce[2];
        std::vector<HomeNetworkPrefix> bul[2];
        Simulator::Schedule(Seconds(2.5), [&]() {
            for (uint32_t k = 0; k < 2; ++k)
            {
                if (Bce(k))
                {
                    bce[k] = Bce(k)->homeNetworkPrefixes;
                }
                auto all = m_d->magApp[k]->GetBindingUpdateList()->FindByMnId(mnId);
                if (!all.empty())
                {
                    bul[k] = all.front()->homeNetworkPrefixes;
                }
            }
        });
        uint16_t fidX = 0;
        size_t wireBeforeX = 0;
        size_t wireAfterX = 0;
        Simulator::Schedule(Seconds(3), [&]() {
            m_phase = 1;
            wireBeforeX = m_wire.size();
            TrafficSelector x;
            x.SetDestinationPort(m_ports[0]);
            fidX = api->MoveToMag(mnId, x, m_d->proxyCoa[1]);
        });
        uint16_t fidY = 0;
        Simulator::Schedule(Seconds(4), [&]() {
            m_phase = 2;
            wireAfterX = m_wire.size();
            fidY = api->MoveToMag(mnId, FlowY(), m_d->proxyCoa[0]);
        });
        std::map<uint16_t, std::pair<uint16_t, std::vector<uint16_t>>> cache; // FID -> PRI, BIDs
        Simulator::Schedule(Seconds(4.5), [&]() {
            m_phase = 3;
            Ptr<Pmipv6LmaApplication> lma = m_d->lmaApp;
            for (const FlowBindingEntry* e :
                 lma->GetFlowBindingTable()->GetEntries(lma->GetFlowOwner(mnId)))
            {
                cache[e->fid] = {e->priority, e->bids};
            }
        });
        m_stop = Seconds(5.5);
        Simulator::Stop(Seconds(6));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(bce[0].size(), 1, "BID 1: the shared prefix S");
        NS_TEST_EXPECT_MSG_EQ(bce[1].size(), 2, "BID 2: S and a prefix of its own");
        if (bce[0].size() != 1 || bce[1].size() != 2)
        {
            TearDown();
            return;
        }
        const HomeNetworkPrefix shared = bce[0][0];
        NS_TEST_EXPECT_MSG_EQ((bce[1][0] == shared), true, "BID 2 shares S");
        NS_TEST_EXPECT_MSG_EQ((bce[1][1] == shared), false, "BID 2's own prefix differs");
        NS_TEST_EXPECT_MSG_EQ((bul[1] == bce[1]), true, "the PBA told MAG2 both");
        NS_TEST_EXPECT_MSG_EQ((m_prefix[0] == shared), true, "X goes to S");
        NS_TEST_EXPECT_MSG_EQ((m_prefix[1] == bce[1][1]), true, "Y goes to BID 2's own prefix");
        // before the moves: X (S) by BID 1 on if0, Y (own prefix) by BID 2 on if1
        NS_TEST_EXPECT_MSG_GT(Down(0, 0, 9000), 20, "X on if0");
        NS_TEST_EXPECT_MSG_EQ(Down(0, 1, 9000), 0, "X not on if1");
        NS_TEST_EXPECT_MSG_GT(Down(0, 1, 9001), 20, "Y on if1");
        // X moved with no signalling
        NS_TEST_EXPECT_MSG_EQ(wireAfterX, wireBeforeX, "X's move: no message (" << Wire() << ")");
        NS_TEST_EXPECT_MSG_GT(Down(1, 1, 9000), 30, "X on if1 after its move");
        NS_TEST_EXPECT_MSG_LT(Down(1, 0, 9000), 2, "X leaves if0");
        NS_TEST_EXPECT_MSG_GT(Down(1, 1, 9001), 30, "Y unaffected");
        // Y moved with Figure 5's signalling
        std::vector<std::string> y(m_wire.begin() + std::min(wireAfterX, m_wire.size()),
                                   m_wire.end());
        std::vector<std::string> expected = {"FMI-add LMA>MAG1",
                                             "FMA-0 MAG1>LMA",
                                             "FMI-del LMA>MAG2",
                                             "FMA-0 MAG2>LMA"};
        NS_TEST_EXPECT_MSG_EQ((y == expected), true, "Y's move: " << Wire());
        NS_TEST_EXPECT_MSG_GT(Down(3, 0, 9001), 30, "Y on if0 after its move");
        NS_TEST_EXPECT_MSG_EQ(Down(3, 1, 9001), 0, "Y leaves if1");
        NS_TEST_EXPECT_MSG_GT(Down(3, 1, 9000), 30, "X stays on if1");
        NS_TEST_EXPECT_MSG_GT(Up(3, 0, 9001), 30, "Y's uplink follows to if0");
        // flow mobility cache: S's entry (lowest precedence) on BID 1, X on BID 2, Y on BID 1
        NS_TEST_EXPECT_MSG_EQ(cache.size(), 3, "three entries");
        NS_TEST_EXPECT_MSG_EQ(cache[fidX].second.size(), 1, "X one BID");
        NS_TEST_EXPECT_MSG_EQ(cache[fidX].second[0], 2, "X on BID 2");
        NS_TEST_EXPECT_MSG_EQ(cache[fidY].second.size(), 1, "Y one BID");
        NS_TEST_EXPECT_MSG_EQ(cache[fidY].second[0], 1, "Y on BID 1");
        uint32_t sharedEntries = 0;
        for (const auto& kv : cache)
        {
            if (kv.second.first == 0xffff)
            {
                sharedEntries++;
                NS_TEST_EXPECT_MSG_EQ((kv.second.second == std::vector<uint16_t>{1}),
                                      true,
                                      "S's entry on BID 1");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(sharedEntries, 1, "one shared-prefix entry");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The suite.
 */
class FlowMobilitySignallingTestSuite : public TestSuite
{
  public:
    FlowMobilitySignallingTestSuite()
        : TestSuite("pmipv6-flow-mobility-signalling", UNIT)
    {
        AddTestCase(new Figure5TestCase("FMI"), TestCase::QUICK);
        AddTestCase(new Figure5TestCase("UPN"), TestCase::QUICK);
        AddTestCase(new ErrorStatusTestCase, TestCase::QUICK);
        AddTestCase(new LifetimeTestCase, TestCase::QUICK);
        AddTestCase(new AttachPolicyTestCase, TestCase::QUICK);
        AddTestCase(new NoStateDeleteTestCase, TestCase::QUICK);
        AddTestCase(new HybridTestCase, TestCase::QUICK);
        AddTestCase(new UpnRetransmissionTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
FlowMobilitySignallingTestSuite g_flowMobilitySignallingTestSuite;

} // namespace
