/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * LMA-initiated flow binding (draft-sarikaya-netext-lma-init-flow-binding-00): the PFBI / PFBA
 * exchanges of each operation on the wire, the LMA's and the MAGs' flow bindings lists after
 * PFBA 0 and after a failure, the data path after a move (downlink over the target
 * interface of a two-interface mobile node), expiry without refresh, retransmission and give-up,
 * the A flag, the draft's alternative wire readings, and a switch that ends with the flow
 * anchored at a second LMA.
 */

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/test.h"

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace ns3;

namespace
{

/// Destination port of the flow the tests bind (FID 7).
const uint16_t FLOW_PORT = 5000;
/// Destination port of a flow no operation touches.
const uint16_t OTHER_PORT = 6000;
/// FID of the flow.
const uint16_t FID = 7;
/// PRI of the flow.
const uint8_t PRI = 10;

/**
 * \ingroup pmipv6-tests
 * \brief The domain (Pmipv6LmaFlowBindingDomain), wire recorder, traffic and list checks.
 */
class FlowBindingFixture : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param name the test name
     */
    /**
     * \brief Constructor.
     * \param name the test name
     * \param fbi the LMAs send RFC 7109 FBIs (attribute Encoding Fbi) instead of PFBIs
     */
    FlowBindingFixture(const std::string& name, bool fbi)
        : TestCase(name + (fbi ? " [FBI]" : "")),
          m_fbiEncoding(fbi)
    {
    }

  protected:
    /**
     * \brief Build the domain: attachments HI 1 at 0.5 s (MAG1) and 1 s (MAG2), traffic of
     * both flows to the MN's MAG1 prefix from 2 s.
     * \param magExtensions MAGs with a registered MagFlowBindingExtension
     */
    void Build(uint32_t magExtensions = 2)
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        m_d = new Pmipv6LmaFlowBindingDomain("mn@pfb.test", magExtensions);
        for (uint32_t k = 0; k < 2; ++k)
        {
            m_d->lmaExt[k]->SetAttribute("Encoding", StringValue(m_fbiEncoding ? "Fbi" : "Pfbi"));
        }
        for (auto app : {m_d->lmaApp, m_d->lma2App})
        {
            app->GetSignalling()->SetAttribute("InitialTimeout", TimeValue(Seconds(0.5)));
            app->GetSignalling()->SetAttribute("MaxRetransmissions", UintegerValue(2));
        }
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            static_cast<Pmipv6DualAccessDomain*>(m_d),
                            0,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Schedule(Seconds(1.0),
                            &Pmipv6DualAccessDomain::Attach,
                            static_cast<Pmipv6DualAccessDomain*>(m_d),
                            1,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Schedule(Seconds(0.2), &FlowBindingFixture::ConnectWire, this);
        m_d->lif->TraceConnectWithoutContext("PhysicalRx",
                                             MakeCallback(&FlowBindingFixture::Rx, this));
        m_d->lmaExt[0]->TraceConnectWithoutContext(
            "ListChanged",
            MakeCallback(&FlowBindingFixture::ListChanged, this));
        m_d->lmaExt[0]->TraceConnectWithoutContext("GaveUp",
                                                   MakeCallback(&FlowBindingFixture::GaveUp, this));
        Simulator::Schedule(Seconds(2), &FlowBindingFixture::StartTraffic, this);
    }

    /// Free the domain.
    void TearDown()
    {
        Simulator::Destroy();
        delete m_d;
        m_d = nullptr;
    }

    /// The Mobility Header Rx traces of the four agents (installed when they start).
    void ConnectWire()
    {
        m_names[m_d->lmaAddress] = "LMA";
        m_names[m_d->lma2Address] = "LMA2";
        m_names[m_d->proxyCoa[0]] = "MAG1";
        m_names[m_d->proxyCoa[1]] = "MAG2";
        Ptr<Node> nodes[4] = {m_d->lma.Get(0),
                              m_d->lma2.Get(0),
                              m_d->mags.Get(0),
                              m_d->mags.Get(1)};
        for (const auto& n : nodes)
        {
            n->GetObject<MobilityL4Protocol>()->TraceConnectWithoutContext(
                "Rx",
                MakeCallback(&FlowBindingFixture::WireRx, this));
        }
    }

    /**
     * \brief A message arrived: record "KIND SRC>DST" for PFBI (with its PRO), PFBA (with its
     * status) and, after the first switch, PBU / PBA; keep the PFBIs' bytes.
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
        if (b[2] == mip6::MH_FLOW_BINDING && b[6] == mip6::FB_INDICATION)
        {
            // named by the draft-000 operation the action encodes
            FlowBindingIndicationHeader fbi;
            p->PeekHeader(fbi);
            Ptr<FlowIdentificationOption> fid = fbi.GetOptions().Find<FlowIdentificationOption>();
            Ptr<FlowAttributeOption> fa = fid ? FlowIdToFlowAttribute(*fid) : nullptr;
            kind = "FBI-" + LmaFlowBindingExtension::ProName(fa ? fa->GetPro() : 0);
            m_pfbi[kind.substr(4) + " " + m_names[dst]] = b;
        }
        else if (b[2] == mip6::MH_FLOW_BINDING && b[6] == mip6::FB_ACKNOWLEDGEMENT)
        {
            kind = "FBA-" + std::to_string(b[10]);
            m_pfba.push_back(b);
        }
        else if (b[2] == mip6::MH_PROXY_FLOW_BINDING_INDICATION)
        {
            ProxyFlowBindingIndicationHeader pfbi;
            p->PeekHeader(pfbi);
            Ptr<FlowAttributeOption> fa = pfbi.GetOptions().Find<FlowAttributeOption>();
            kind = "PFBI-" + LmaFlowBindingExtension::ProName(fa ? fa->GetPro() : 0);
            m_pfbi[kind.substr(5) + " " + m_names[dst]] = b;
        }
        else if (b[2] == mip6::MH_PROXY_FLOW_BINDING_ACK)
        {
            kind = "PFBA-" + std::to_string(b[8]);
            m_pfba.push_back(b);
        }
        else if (src == m_d->proxyCoa[0] || dst == m_d->proxyCoa[0])
        {
            return; // MAG1's own registrations and refreshes
        }
        else if (m_recordPbu && b[2] == mip6::MH_BINDING_UPDATE)
        {
            BindingUpdateHeader pbu;
            p->PeekHeader(pbu);
            kind = pbu.GetLifetime() == 0 ? "PBU-dereg" : "PBU";
            if (pbu.GetOptions().Find<FlowIdentificationOption>())
            {
                kind += "+FID";
            }
        }
        else if (m_recordPbu && b[2] == mip6::MH_BINDING_ACK)
        {
            kind = "PBA-" + std::to_string(b[6]);
        }
        else
        {
            return;
        }
        m_wire.push_back(kind + " " + m_names[src] + ">" + m_names[dst]);
    }

    /**
     * \brief An expected message sequence written with the draft-000 names, in the fixture's
     * encoding ("PFBI-add" becomes "FBI-add", "PFBA-0" "FBA-0" with Encoding Fbi).
     * \param seq the sequence
     * \return the sequence in the fixture's encoding
     */
    std::string W(std::string seq) const
    {
        if (m_fbiEncoding)
        {
            seq = std::regex_replace(seq, std::regex("PFB([IA])-"), "FB$1-");
        }
        return seq;
    }

    /**
     * \brief Where the Flow Identification option starts in an FBI's or FBA's bytes.
     * \param b the message
     * \return its offset (0 when absent)
     */
    static size_t FindFlowId(const std::vector<uint8_t>& b)
    {
        size_t i = 12; // after FB Type, Reserved, Sequence, Trigger / Status and flags
        while (i + 1 < b.size())
        {
            if (b[i] == 0)
            {
                i++;
                continue;
            }
            if (b[i] == mip6::OPT_FLOW_IDENTIFICATION)
            {
                return i;
            }
            i += 2 + b[i + 1];
        }
        return 0;
    }

    /**
     * \brief The sub-options of the Flow Identification option at \p o, as (type, data).
     * \param b the message
     * \param o the option's offset
     * \return the sub-options in wire order
     */
    static std::vector<std::pair<uint8_t, std::vector<uint8_t>>> SubOptions(
        const std::vector<uint8_t>& b,
        size_t o)
    {
        std::vector<std::pair<uint8_t, std::vector<uint8_t>>> out;
        size_t end = o + 2 + b[o + 1];
        size_t i = o + 8; // Type, Length, FID, FID-PRI, Reserved, Status
        while (i + 1 < end && i + 2 + b[i + 1] <= end)
        {
            out.emplace_back(b[i],
                             std::vector<uint8_t>(b.begin() + i + 2, b.begin() + i + 2 + b[i + 1]));
            i += 2 + b[i + 1];
        }
        return out;
    }

    /**
     * \brief Check the FBI's Flow Identification option octet by octet (RFC 7109 encoding).
     * \param w the FBI
     * \param action the Flow Binding Action expected
     * \param pri the FID-PRI expected
     * \param target the Target Care-of Address expected (:: = no such sub-option)
     * \param lifetime the lifetime expected (0 = no lifetime sub-option)
     * \param selector whether a Traffic Selector sub-option is expected
     * \param altLma the alternate LMA expected (:: = no such sub-option)
     */
    void CheckFbi(const std::vector<uint8_t>& w,
                  uint8_t action,
                  uint8_t pri,
                  Ipv6Address target,
                  uint16_t lifetime,
                  bool selector,
                  Ipv6Address altLma = Ipv6Address::GetAny())
    {
        NS_TEST_ASSERT_MSG_GT(w.size(), 16, "FBI recorded");
        NS_TEST_EXPECT_MSG_EQ(+w[2], +mip6::MH_FLOW_BINDING, "MH type 21");
        NS_TEST_EXPECT_MSG_EQ(+w[6], +mip6::FB_INDICATION, "FB Type 1");
        NS_TEST_EXPECT_MSG_EQ(+w[7], 0, "Reserved");
        NS_TEST_EXPECT_MSG_EQ(+w[10], +mip6::FBI_TRIGGER_UNSPECIFIED, "Trigger");
        NS_TEST_EXPECT_MSG_EQ(+w[11], +mip6::FBI_FLAG_A, "A flag, reserved bits 0");
        NS_TEST_EXPECT_MSG_EQ(w.size() % 8, 0, "8-octet multiple");
        size_t o = FindFlowId(w);
        NS_TEST_ASSERT_MSG_NE(o, 0, "Flow Identification option present");
        NS_TEST_EXPECT_MSG_EQ(o % 4, 2, "alignment 4n+2");
        std::vector<uint8_t> fixed(w.begin() + o + 2, w.begin() + o + 8);
        std::vector<uint8_t> want{0, FID, 0, pri, 0, 0};
        NS_TEST_EXPECT_MSG_EQ((fixed == want), true, "FID, FID-PRI, Reserved, Status 0");
        auto subs = SubOptions(w, o);
        size_t total = 8;
        for (const auto& sub : subs)
        {
            total += 2 + sub.second.size();
        }
        NS_TEST_EXPECT_MSG_EQ(w[o + 1] + 2u, total, "sub-options fill the option exactly");
        size_t k = 0;
        NS_TEST_ASSERT_MSG_GT(subs.size(), k, "Flow Binding Action first");
        NS_TEST_EXPECT_MSG_EQ(+subs[k].first, +mip6::FID_SUBOPT_FLOW_BINDING_ACTION, "type 4");
        NS_TEST_EXPECT_MSG_EQ((subs[k].second == std::vector<uint8_t>{action, 0}),
                              true,
                              "Action, Reserved");
        k++;
        if (!target.IsAny())
        {
            NS_TEST_ASSERT_MSG_GT(subs.size(), k, "Target Care-of Address");
            NS_TEST_EXPECT_MSG_EQ(+subs[k].first, +mip6::FID_SUBOPT_TARGET_COA, "type 5");
            std::vector<uint8_t> coa(18, 0);
            target.Serialize(coa.data() + 2);
            NS_TEST_EXPECT_MSG_EQ((subs[k].second == coa), true, "Reserved, Target CoA");
            k++;
        }
        if (!altLma.IsAny())
        {
            NS_TEST_ASSERT_MSG_GT(subs.size(), k, "Alternate LMA");
            NS_TEST_EXPECT_MSG_EQ(+subs[k].first, +mip6::FID_SUBOPT_ALTERNATE_LMA, "type 240");
            std::vector<uint8_t> alt(18, 0);
            alt[0] = 1;
            altLma.Serialize(alt.data() + 2);
            NS_TEST_EXPECT_MSG_EQ((subs[k].second == alt), true, "1 address, Reserved, LMA2");
            k++;
        }
        if (lifetime != 0)
        {
            NS_TEST_ASSERT_MSG_GT(subs.size(), k, "Flow Binding Lifetime");
            NS_TEST_EXPECT_MSG_EQ(+subs[k].first,
                                  +mip6::FID_SUBOPT_FLOW_BINDING_LIFETIME,
                                  "type 241");
            std::vector<uint8_t> l{static_cast<uint8_t>(lifetime >> 8),
                                   static_cast<uint8_t>(lifetime & 0xff)};
            NS_TEST_EXPECT_MSG_EQ((subs[k].second == l), true, "Lifetime");
            k++;
        }
        if (selector)
        {
            NS_TEST_ASSERT_MSG_GT(subs.size(), k, "Traffic Selector");
            NS_TEST_EXPECT_MSG_EQ(+subs[k].first, +mip6::FID_SUBOPT_TRAFFIC_SELECTOR, "type 3");
            FlowBindingIndicationHeader fbi;
            Create<Packet>(w.data(), w.size())->PeekHeader(fbi);
            Ptr<FlowIdentificationOption> fid = fbi.GetOptions().Find<FlowIdentificationOption>();
            NS_TEST_ASSERT_MSG_NE(fid, nullptr, "the FBI decodes");
            NS_TEST_EXPECT_MSG_EQ(fid->HasTrafficSelector(), true, "with its selector");
            NS_TEST_EXPECT_MSG_EQ(fid->GetTrafficSelector().GetDestinationPortStart(),
                                  FLOW_PORT,
                                  "the flow's port");
            k++;
        }
        NS_TEST_EXPECT_MSG_EQ(subs.size(), k, "nothing else");
    }

    /**
     * \brief Check that the last acknowledgement copies the FBI's option with a per-flow Status.
     * \param w the FBI
     * \param status the FBA Status expected
     * \param flowStatus the per-flow (RFC 6089) Status expected
     */
    void CheckFba(const std::vector<uint8_t>& w, uint8_t status, uint8_t flowStatus)
    {
        NS_TEST_ASSERT_MSG_EQ(m_pfba.empty(), false, "an FBA");
        const std::vector<uint8_t>& a = m_pfba.back();
        NS_TEST_EXPECT_MSG_EQ(+a[2], +mip6::MH_FLOW_BINDING, "MH type 21");
        NS_TEST_EXPECT_MSG_EQ(+a[6], +mip6::FB_ACKNOWLEDGEMENT, "FB Type 2");
        NS_TEST_EXPECT_MSG_EQ(+a[10], +status, "FBA Status");
        NS_TEST_EXPECT_MSG_EQ(+a[11], 0, "reserved octet");
        size_t o = FindFlowId(w);
        size_t oa = FindFlowId(a);
        NS_TEST_ASSERT_MSG_NE(oa, 0, "the FBA carries the Flow Identification option");
        std::vector<uint8_t> sent(w.begin() + o, w.begin() + o + 2 + w[o + 1]);
        std::vector<uint8_t> back(a.begin() + oa, a.begin() + oa + 2 + a[oa + 1]);
        NS_TEST_ASSERT_MSG_EQ(sent.size(), back.size(), "same length");
        NS_TEST_EXPECT_MSG_EQ(+back[7], +flowStatus, "per-flow Status");
        back[7] = sent[7];
        NS_TEST_EXPECT_MSG_EQ((sent == back), true, "otherwise a copy");
    }

    /**
     * \brief The messages recorded since the last call, as one string.
     * \return e.g. "PFBI-add LMA>MAG1, PFBA-0 MAG1>LMA"
     */
    std::string Wire()
    {
        std::ostringstream os;
        for (size_t i = 0; i < m_wire.size(); ++i)
        {
            os << (i ? ", " : "") << m_wire[i];
        }
        m_wire.clear();
        return os.str();
    }

    /**
     * \brief ListChanged of LMA1.
     * \param b the entry
     * \param c the change
     */
    void ListChanged(const LmaFlowBindingExtension::FlowBinding& b,
                     LmaFlowBindingExtension::ListChange c)
    {
        m_changes.push_back(LmaFlowBindingExtension::ListChangeName(c) + " " +
                            std::to_string(b.fid));
    }

    /**
     * \brief GaveUp of LMA1.
     * \param mnId the MN
     * \param fid the FID
     * \param pro the PRO
     * \param mag the MAG
     */
    void GaveUp(const std::string& /* mnId */, uint16_t /* fid */, uint8_t pro, Ipv6Address mag)
    {
        m_gaveUp.push_back(LmaFlowBindingExtension::ProName(pro) + " " + m_names[mag]);
    }

    /// \return the LMA1 list changes since the last call, as one string
    std::string Changes()
    {
        std::ostringstream os;
        for (size_t i = 0; i < m_changes.size(); ++i)
        {
            os << (i ? ", " : "") << m_changes[i];
        }
        m_changes.clear();
        return os.str();
    }

    /**
     * \brief The MN's binding at LMA1 (or LMA2) through MAG k.
     * \param k 0 or 1
     * \param lma2 at LMA2
     * \return the entry or nullptr
     */
    Ptr<BindingCacheEntry> Bce(uint32_t k, bool lma2 = false)
    {
        Ptr<Pmipv6LmaApplication> lma = lma2 ? m_d->lma2App : m_d->lmaApp;
        for (const auto& e : lma->GetBindingCache()->FindByMnId(m_d->mnId))
        {
            if (e->proxyCoa == m_d->proxyCoa[k] &&
                e->state != BindingCacheEntry::DEREGISTERED_PENDING_DELETE)
            {
                return e;
            }
        }
        return nullptr;
    }

    /// Sockets: the CN sends both flows to the MN's address of its MAG1 prefix.
    void StartTraffic()
    {
        Ptr<BindingCacheEntry> e = Bce(0);
        if (!e || e->homeNetworkPrefixes.empty())
        {
            return;
        }
        m_home = Pmipv6Helper::GetHomeAddress(m_d->lif, e->homeNetworkPrefixes[0]);
        for (uint16_t port : {FLOW_PORT, OTHER_PORT})
        {
            Ptr<Socket> mn = Socket::CreateSocket(m_d->mn.Get(0), UdpSocketFactory::GetTypeId());
            mn->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), port));
            mn->SetRecvCallback(MakeCallback(&FlowBindingFixture::Echo, this));
            m_mnSockets.push_back(mn);
        }
        m_cn = Socket::CreateSocket(m_d->cn.Get(0), UdpSocketFactory::GetTypeId());
        m_cn->Bind();
        m_cn->SetRecvCallback(MakeCallback(&FlowBindingFixture::Back, this));
        Send();
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

    /// Count the echoes at the CN per (phase, port).
    /// \param s the socket
    void Back(Ptr<Socket> s)
    {
        Address from;
        while (s->RecvFrom(from))
        {
            m_echoed[std::make_pair(m_phase, Inet6SocketAddress::ConvertFrom(from).GetPort())]++;
        }
    }

    /// One datagram of each flow every 20 ms (and to the LMA2 address once known).
    void Send()
    {
        if (Simulator::Now() >= m_stop)
        {
            return;
        }
        for (uint16_t port : {FLOW_PORT, OTHER_PORT})
        {
            m_cn->SendTo(Create<Packet>(200), 0, Inet6SocketAddress(m_home, port));
        }
        if (!m_home2.IsAny())
        {
            m_cn->SendTo(Create<Packet>(200), 0, Inet6SocketAddress(m_home2, FLOW_PORT));
        }
        Simulator::Schedule(MilliSeconds(20), &FlowBindingFixture::Send, this);
    }

    /// PhysicalRx: downlink UDP per (phase, device, MN port, to LMA2's address).
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
            bool viaLma2 = !m_home2.IsAny() && ip.GetDestination() == m_home2;
            m_down[std::make_tuple(m_phase, device, udp.GetDestinationPort(), viaLma2)]++;
        }
    }

    /// \return downlink count
    /// \param phase phase \param device device \param port MN port \param viaLma2 to LMA2's
    /// prefix
    uint32_t Down(uint32_t phase, uint32_t device, uint16_t port, bool viaLma2 = false)
    {
        return m_down[std::make_tuple(phase, device, port, viaLma2)];
    }

    /// \return the flow's selector (destination port FLOW_PORT)
    static TrafficSelector Flow(uint16_t port = FLOW_PORT)
    {
        TrafficSelector ts;
        ts.SetDestinationPort(port);
        return ts;
    }

    /// \param phase the new phase
    void Phase(uint32_t phase)
    {
        m_phase = phase;
    }

    /**
     * \brief Where the Flow Attribute option starts in a PFBI's bytes.
     * \param b the PFBI
     * \return its offset (0 when absent)
     */
    static size_t FindFlowAttribute(const std::vector<uint8_t>& b)
    {
        size_t i = 10; // after Sequence, Trigger and flags
        while (i + 1 < b.size())
        {
            if (b[i] == 0)
            {
                i++;
                continue;
            }
            if (b[i] == mip6::OPT_FLOW_ATTRIBUTE)
            {
                return i;
            }
            i += 2 + b[i + 1];
        }
        return 0;
    }

    bool m_fbiEncoding;                                 ///< RFC 7109 encoding
    Pmipv6LmaFlowBindingDomain* m_d{nullptr};           ///< the domain
    std::map<Ipv6Address, std::string> m_names;         ///< agent names
    std::vector<std::string> m_wire;                    ///< messages
    std::map<std::string, std::vector<uint8_t>> m_pfbi; ///< last PFBI per "pro MAG"
    std::vector<std::vector<uint8_t>> m_pfba;           ///< PFBAs in order
    std::vector<std::string> m_changes;                 ///< LMA1 list changes
    std::vector<std::string> m_gaveUp;                  ///< LMA1 give-ups
    bool m_recordPbu{false};                            ///< record PBU / PBA too
    Ipv6Address m_home;                                 ///< MN address, MAG1 prefix
    Ipv6Address m_home2;                                ///< MN address, LMA2 prefix (switch)
    Ptr<Socket> m_cn;                                   ///< CN socket
    std::vector<Ptr<Socket>> m_mnSockets;               ///< MN sockets
    Time m_stop{Seconds(100)};                          ///< traffic end
    uint32_t m_phase{0};                                ///< current phase
    std::map<std::tuple<uint32_t, uint32_t, uint16_t, bool>, uint32_t> m_down; ///< downlink
    std::map<std::pair<uint32_t, uint16_t>, uint32_t> m_echoed; ///< echoes per (phase, port)
};

/**
 * \ingroup pmipv6-tests
 * \brief Add, modify, refresh, move and delete: the messages on the wire, the bytes of each
 * PFBI's Flow Attribute option, both lists after each PFBA 0, and the downlink of the flow
 * over the target interface after the add (MAG2) and the move (MAG1 -> MAG2... -> MAG1).
 */
class OperationsTestCase : public FlowBindingFixture
{
  public:
    /// \param fbi RFC 7109 encoding
    explicit OperationsTestCase(bool fbi)
        : FlowBindingFixture("add, modify, refresh, move, delete: wire, lists, data path", fbi)
    {
    }

  private:
    /// Run one step at a time, checking after each.
    void DoRun() override
    {
        Build();
        Ptr<LmaFlowBindingExtension> lma = m_d->lmaExt[0];
        std::string mn = m_d->mnId;
        // phase k: from 0.1 s after operation k to the next operation (10 + k: in between)
        for (uint32_t k = 1; k <= 5; ++k)
        {
            Simulator::Schedule(Seconds(1 + 2 * k), [this, k]() { Phase(10 + k); });
            Simulator::Schedule(Seconds(1.1 + 2 * k), [this, k]() { Phase(k); });
        }
        // 3 s: add FID 7 (port 5000) at MAG1, lifetime 25 units (100 s)
        Simulator::Schedule(Seconds(3), [&]() {
            NS_TEST_EXPECT_MSG_EQ(lma->AddFlow(mn, FID, PRI, Flow(), m_d->proxyCoa[0], 25),
                                  true,
                                  "add sent");
            NS_TEST_EXPECT_MSG_EQ(lma->GetFlowBinding(mn, FID),
                                  nullptr,
                                  "section 4: no entry before the PFBA");
            NS_TEST_EXPECT_MSG_EQ(lma->AddFlow(mn, FID, PRI, Flow(), m_d->proxyCoa[0], 25),
                                  false,
                                  "an operation on FID 7 is under way");
        });
        Simulator::Schedule(Seconds(4), [&]() {
            NS_TEST_EXPECT_MSG_EQ(Wire(),
                                  W("PFBI-add LMA>MAG1, PFBA-0 MAG1>LMA"),
                                  "add on the wire");
            NS_TEST_EXPECT_MSG_EQ(Changes(), "ADDED 7", "LMA list: added");
            const auto* b = lma->GetFlowBinding(mn, FID);
            NS_TEST_ASSERT_MSG_NE(b, nullptr, "LMA list entry");
            NS_TEST_EXPECT_MSG_EQ(b->careOfAddress, m_d->proxyCoa[0], "CoA = Target CoA");
            NS_TEST_EXPECT_MSG_EQ(+b->priority, +PRI, "FID-PRI");
            NS_TEST_EXPECT_MSG_EQ(b->active, true, "active");
            NS_TEST_EXPECT_MSG_EQ(m_d->magExt[0]->GetFlowBindings(mn).size(), 1, "MAG1 list");
            NS_TEST_EXPECT_MSG_EQ(m_d->magExt[1]->GetFlowBindings(mn).size(), 0, "MAG2 list");
            if (m_fbiEncoding)
            {
                // the add FBI's Flow Identification option, byte by byte; the FBA's copy
                CheckFbi(m_pfbi["add MAG1"], mip6::FB_ACTION_ADD, PRI, m_d->proxyCoa[0], 25, true);
                NS_TEST_ASSERT_MSG_EQ(m_pfba.size(), 1, "one FBA");
                CheckFba(m_pfbi["add MAG1"], mip6::FBA_SUCCESS, mip6::FID_STATUS_SUCCESS);
                return;
            }
            // the add PFBI's Flow Attribute option, byte by byte
            const std::vector<uint8_t>& w = m_pfbi["add MAG1"];
            NS_TEST_ASSERT_MSG_GT(w.size(), 12, "PFBI recorded");
            NS_TEST_EXPECT_MSG_EQ(+w[2], +mip6::MH_PROXY_FLOW_BINDING_INDICATION, "MH type");
            NS_TEST_EXPECT_MSG_EQ(+w[8], +mip6::PFBI_TRIGGER_UNSPECIFIED, "Trigger");
            NS_TEST_EXPECT_MSG_EQ(+w[9], +mip6::PFBI_FLAG_A, "A flag, reserved bits 0");
            NS_TEST_EXPECT_MSG_EQ(w.size() % 8, 0, "8-octet multiple");
            size_t o = FindFlowAttribute(w);
            NS_TEST_ASSERT_MSG_NE(o, 0, "Flow Attribute option present");
            NS_TEST_EXPECT_MSG_EQ(o % 8, 2, "Flow Attribute alignment 8n+2");
            std::vector<uint8_t> fixed(w.begin() + o + 2, w.begin() + o + 10);
            std::vector<uint8_t> want{mip6::FA_PRO_ADD, PRI, 0, FID, 0, 0, 0, 25};
            NS_TEST_EXPECT_MSG_EQ((fixed == want), true, "PRO PRI FID Status Reserved Lifetime");
            // Target CoA sub-option right after: type 2, length 18, reserved, MAG1's address
            NS_TEST_EXPECT_MSG_EQ(+w[o + 10], +mip6::FA_SUBOPT_TARGET_COA, "Target CoA type");
            NS_TEST_EXPECT_MSG_EQ(+w[o + 11], 18, "Target CoA length (octets)");
            uint8_t coa[16];
            m_d->proxyCoa[0].Serialize(coa);
            NS_TEST_EXPECT_MSG_EQ((std::vector<uint8_t>(w.begin() + o + 14, w.begin() + o + 30) ==
                                   std::vector<uint8_t>(coa, coa + 16)),
                                  true,
                                  "Target CoA = MAG1's Proxy-CoA");
            // the PFBA copies the option, with Status 0
            NS_TEST_ASSERT_MSG_EQ(m_pfba.size(), 1, "one PFBA");
            const std::vector<uint8_t>& a = m_pfba[0];
            size_t oa = FindFlowAttribute(a);
            NS_TEST_ASSERT_MSG_NE(oa, 0, "PFBA carries the Flow Attribute option");
            NS_TEST_EXPECT_MSG_EQ(+a[oa + 1], +w[o + 1], "same option length");
            NS_TEST_EXPECT_MSG_EQ(
                (std::vector<uint8_t>(a.begin() + oa, a.begin() + oa + 2 + a[oa + 1]) ==
                 std::vector<uint8_t>(w.begin() + o, w.begin() + o + 2 + w[o + 1])),
                true,
                "copy of the option (its Status 0)");
        });
        // 5 s: modify: port 5000 -> still 5000 with PRI 5, moved to MAG2 by Target CoA
        Simulator::Schedule(Seconds(5), [&]() {
            NS_TEST_EXPECT_MSG_EQ(lma->ModifyFlow(mn, FID, 5, Flow(), m_d->proxyCoa[1], 25),
                                  true,
                                  "modify sent");
        });
        Simulator::Schedule(Seconds(6), [&]() {
            NS_TEST_EXPECT_MSG_EQ(Wire(),
                                  W("PFBI-modify LMA>MAG2, PFBI-modify LMA>MAG1, PFBA-0 MAG2>LMA, "
                                    "PFBA-0 MAG1>LMA"),
                                  "modify: to the new and to the old MAG");
            NS_TEST_EXPECT_MSG_EQ(Changes(), "REPLACED 7", "LMA list: replaced");
            const auto* b = lma->GetFlowBinding(mn, FID);
            NS_TEST_ASSERT_MSG_NE(b, nullptr, "LMA list entry");
            NS_TEST_EXPECT_MSG_EQ(+b->priority, 5, "new FID-PRI");
            NS_TEST_EXPECT_MSG_EQ(b->careOfAddress, m_d->proxyCoa[1], "new CoA");
            NS_TEST_EXPECT_MSG_EQ(m_d->magExt[0]->GetFlowBindings(mn).size(), 0, "MAG1 list");
            NS_TEST_EXPECT_MSG_EQ(m_d->magExt[1]->GetFlowBindings(mn).size(), 1, "MAG2 list");
            if (m_fbiEncoding)
            {
                // both MAGs get the same option: Target CoA = the MAG the flow goes to
                CheckFbi(m_pfbi["modify MAG2"],
                         mip6::FB_ACTION_MODIFY,
                         5,
                         m_d->proxyCoa[1],
                         25,
                         true);
                CheckFbi(m_pfbi["modify MAG1"],
                         mip6::FB_ACTION_MODIFY,
                         5,
                         m_d->proxyCoa[1],
                         25,
                         true);
                return;
            }
            std::vector<uint8_t>& w = m_pfbi["modify MAG2"];
            size_t o = FindFlowAttribute(w);
            NS_TEST_ASSERT_MSG_NE(o, 0, "Flow Attribute option present");
            NS_TEST_EXPECT_MSG_EQ(+w[o + 2], +mip6::FA_PRO_MODIFY, "PRO modify");
            NS_TEST_EXPECT_MSG_EQ(+w[o + 3], 5, "PRI");
        });
        // 7 s: refresh
        Simulator::Schedule(Seconds(7), [&]() {
            NS_TEST_EXPECT_MSG_EQ(lma->RefreshFlow(mn, FID, 30), true, "refresh sent");
        });
        Simulator::Schedule(Seconds(8), [&]() {
            NS_TEST_EXPECT_MSG_EQ(Wire(), W("PFBI-refresh LMA>MAG2, PFBA-0 MAG2>LMA"), "refresh");
            NS_TEST_EXPECT_MSG_EQ(Changes(), "ACTIVATED 7", "LMA list: active");
            const auto* b = lma->GetFlowBinding(mn, FID);
            NS_TEST_ASSERT_MSG_NE(b, nullptr, "LMA list entry");
            NS_TEST_EXPECT_MSG_EQ(b->lifetime, 30, "refreshed lifetime");
            if (m_fbiEncoding)
            {
                // everything resent (3.4), with the new lifetime
                CheckFbi(m_pfbi["refresh MAG2"],
                         mip6::FB_ACTION_REFRESH,
                         5,
                         m_d->proxyCoa[1],
                         30,
                         true);
                CheckFba(m_pfbi["refresh MAG2"], mip6::FBA_SUCCESS, mip6::FID_STATUS_SUCCESS);
                return;
            }
            std::vector<uint8_t>& w = m_pfbi["refresh MAG2"];
            size_t o = FindFlowAttribute(w);
            NS_TEST_ASSERT_MSG_NE(o, 0, "Flow Attribute option present");
            NS_TEST_EXPECT_MSG_EQ(+w[o + 2], +mip6::FA_PRO_REFRESH, "PRO refresh");
            NS_TEST_EXPECT_MSG_EQ(+w[o + 9], 30, "Lifetime");
            NS_TEST_EXPECT_MSG_EQ(+w[o + 10], +mip6::FA_SUBOPT_TARGET_COA, "everything resent");
        });
        // 9 s: move back to MAG1
        Simulator::Schedule(Seconds(9), [&]() {
            NS_TEST_EXPECT_MSG_EQ(lma->MoveFlow(mn, FID, m_d->proxyCoa[0], 25), true, "move");
        });
        Simulator::Schedule(Seconds(10), [&]() {
            NS_TEST_EXPECT_MSG_EQ(Wire(),
                                  W("PFBI-move LMA>MAG1, PFBI-move LMA>MAG2, PFBA-0 MAG1>LMA, "
                                    "PFBA-0 MAG2>LMA"),
                                  "move: to the destination and the source MAG");
            NS_TEST_EXPECT_MSG_EQ(Changes(), "MOVED 7", "LMA list: CoA changed");
            const auto* b = lma->GetFlowBinding(mn, FID);
            NS_TEST_ASSERT_MSG_NE(b, nullptr, "LMA list entry");
            NS_TEST_EXPECT_MSG_EQ(b->careOfAddress, m_d->proxyCoa[0], "CoA = MAG1");
            NS_TEST_EXPECT_MSG_EQ(m_d->magExt[0]->GetFlowBindings(mn).size(), 1, "MAG1 list");
            NS_TEST_EXPECT_MSG_EQ(m_d->magExt[1]->GetFlowBindings(mn).size(), 0, "MAG2 list");
            if (m_fbiEncoding)
            {
                // the source gets the destination's Proxy-CoA as Target CoA too
                CheckFbi(m_pfbi["move MAG1"], mip6::FB_ACTION_MOVE, 5, m_d->proxyCoa[0], 25, true);
                CheckFbi(m_pfbi["move MAG2"], mip6::FB_ACTION_MOVE, 5, m_d->proxyCoa[0], 25, true);
                return;
            }
            std::vector<uint8_t>& w = m_pfbi["move MAG2"];
            size_t o = FindFlowAttribute(w);
            NS_TEST_ASSERT_MSG_NE(o, 0, "Flow Attribute option present");
            NS_TEST_EXPECT_MSG_EQ(+w[o + 2], +mip6::FA_PRO_MOVE, "PRO move");
            uint8_t coa[16];
            m_d->proxyCoa[0].Serialize(coa);
            NS_TEST_EXPECT_MSG_EQ((std::vector<uint8_t>(w.begin() + o + 14, w.begin() + o + 30) ==
                                   std::vector<uint8_t>(coa, coa + 16)),
                                  true,
                                  "the source gets the destination's Proxy-CoA as Target CoA");
        });
        // 11 s: delete
        Simulator::Schedule(Seconds(11), [&]() {
            NS_TEST_EXPECT_MSG_EQ(lma->DeleteFlow(mn, FID), true, "delete");
        });
        Simulator::Schedule(Seconds(12), [&]() {
            NS_TEST_EXPECT_MSG_EQ(Wire(), W("PFBI-delete LMA>MAG1, PFBA-0 MAG1>LMA"), "delete");
            NS_TEST_EXPECT_MSG_EQ(Changes(), "DELETED 7", "LMA list: deleted");
            NS_TEST_EXPECT_MSG_EQ(lma->GetFlowBinding(mn, FID), nullptr, "LMA list empty");
            NS_TEST_EXPECT_MSG_EQ(m_d->magExt[0]->GetFlowBindings(mn).size(), 0, "MAG1 list");
            const FlowBindingEntry* e =
                m_d->lmaApp->GetFlowBindingTable()->Find(m_d->lmaApp->GetFlowOwner(mn), FID);
            NS_TEST_EXPECT_MSG_EQ(e, nullptr, "data-path entry removed");
            if (m_fbiEncoding)
            {
                // delete: the action alone (no Target CoA, lifetime or selector)
                CheckFbi(m_pfbi["delete MAG1"],
                         mip6::FB_ACTION_DELETE,
                         5,
                         Ipv6Address::GetAny(),
                         0,
                         false);
                CheckFba(m_pfbi["delete MAG1"], mip6::FBA_SUCCESS, mip6::FID_STATUS_SUCCESS);
                return;
            }
            // delete: PRO, PRI, FID, Status, Reserved, Lifetime 0 (7.2.1: ignored), nothing else
            const std::vector<uint8_t>& w = m_pfbi["delete MAG1"];
            size_t o = FindFlowAttribute(w);
            NS_TEST_ASSERT_MSG_NE(o, 0, "Flow Attribute option present");
            std::vector<uint8_t> option(w.begin() + o, w.begin() + o + 2 + w[o + 1]);
            std::vector<uint8_t>
                want{mip6::OPT_FLOW_ATTRIBUTE, 8, mip6::FA_PRO_DELETE, 5, 0, FID, 0, 0, 0, 0};
            NS_TEST_EXPECT_MSG_EQ((option == want), true, "the whole delete option");
        });
        m_stop = Seconds(13);
        Simulator::Stop(Seconds(13.5));
        Simulator::Run();
        // data path: one datagram of each flow every 20 ms, ~95 per phase
        NS_TEST_EXPECT_MSG_GT(Down(0, 0, FLOW_PORT), 40, "before the add: prefix route (MAG1)");
        NS_TEST_EXPECT_MSG_GT(Down(1, 0, FLOW_PORT), 80, "added at MAG1: phys[0]");
        NS_TEST_EXPECT_MSG_EQ(Down(1, 1, FLOW_PORT), 0, "added at MAG1: not phys[1]");
        NS_TEST_EXPECT_MSG_GT(Down(2, 1, FLOW_PORT), 80, "modified to MAG2: over phys[1]");
        NS_TEST_EXPECT_MSG_EQ(Down(2, 0, FLOW_PORT), 0, "modified to MAG2: not phys[0]");
        NS_TEST_EXPECT_MSG_GT(Down(2, 0, OTHER_PORT), 80, "the other flow stays on phys[0]");
        NS_TEST_EXPECT_MSG_EQ(Down(2, 1, OTHER_PORT), 0, "the other flow not on phys[1]");
        NS_TEST_EXPECT_MSG_GT(m_echoed[std::make_pair(2u, FLOW_PORT)],
                              80,
                              "uplink of the flow back through MAG2");
        NS_TEST_EXPECT_MSG_GT(Down(3, 1, FLOW_PORT), 80, "refreshed: still phys[1]");
        NS_TEST_EXPECT_MSG_GT(Down(4, 0, FLOW_PORT), 80, "moved to MAG1: over phys[0]");
        NS_TEST_EXPECT_MSG_EQ(Down(4, 1, FLOW_PORT), 0, "moved to MAG1: not phys[1]");
        NS_TEST_EXPECT_MSG_GT(Down(5, 0, FLOW_PORT), 80, "deleted: prefix route (MAG1)");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Move from MAG1 to MAG2: the downlink of the flow arrives over phys[1] only, the
 * other flow stays on phys[0].
 */
class MoveDataPathTestCase : public FlowBindingFixture
{
  public:
    /// \param fbi RFC 7109 encoding
    explicit MoveDataPathTestCase(bool fbi)
        : FlowBindingFixture("move: downlink of the flow over the target interface", fbi)
    {
    }

  private:
    void DoRun() override
    {
        Build();
        Ptr<LmaFlowBindingExtension> lma = m_d->lmaExt[0];
        std::string mn = m_d->mnId;
        Simulator::Schedule(Seconds(3),
                            [&]() { lma->AddFlow(mn, FID, PRI, Flow(), m_d->proxyCoa[0], 0); });
        Simulator::Schedule(Seconds(4), [&]() {
            Phase(1);
            NS_TEST_EXPECT_MSG_EQ(lma->MoveFlow(mn, FID, m_d->proxyCoa[1], 0), true, "move");
        });
        Simulator::Schedule(Seconds(4.1), [&]() { Phase(2); });
        m_stop = Seconds(7);
        Simulator::Stop(Seconds(7.5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(Wire(),
                              W("PFBI-add LMA>MAG1, PFBA-0 MAG1>LMA, PFBI-move LMA>MAG2, "
                                "PFBI-move LMA>MAG1, PFBA-0 MAG2>LMA, PFBA-0 MAG1>LMA"),
                              "add, then move to both MAGs");
        const auto* b = lma->GetFlowBinding(mn, FID);
        NS_TEST_ASSERT_MSG_NE(b, nullptr, "LMA list entry");
        NS_TEST_EXPECT_MSG_EQ(b->careOfAddress, m_d->proxyCoa[1], "CoA = MAG2");
        NS_TEST_EXPECT_MSG_GT(Down(2, 1, FLOW_PORT), 100, "after the move: over phys[1]");
        NS_TEST_EXPECT_MSG_EQ(Down(2, 0, FLOW_PORT), 0, "after the move: none over phys[0]");
        NS_TEST_EXPECT_MSG_GT(Down(2, 0, OTHER_PORT), 100, "other flow: phys[0]");
        NS_TEST_EXPECT_MSG_EQ(Down(2, 1, OTHER_PORT), 0, "other flow: not phys[1]");
        NS_TEST_EXPECT_MSG_GT(m_echoed[std::make_pair(2u, FLOW_PORT)], 100, "uplink echoes");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Expiry without refresh: the LMA's entry goes Inactive (the flow falls back to its
 * prefix route), the MAG's entry goes; a late refresh is answered 128 (Binding Does NOT
 * Exist) and leaves the LMA's list unchanged.
 */
class ExpiryTestCase : public FlowBindingFixture
{
  public:
    /// \param fbi RFC 7109 encoding
    explicit ExpiryTestCase(bool fbi)
        : FlowBindingFixture("expiry without refresh; PFBA 128 leaves the list", fbi)
    {
    }

  private:
    void DoRun() override
    {
        Build();
        Ptr<LmaFlowBindingExtension> lma = m_d->lmaExt[0];
        std::string mn = m_d->mnId;
        // lifetime 2 units = 8 s, at MAG2
        Simulator::Schedule(Seconds(3),
                            [&]() { lma->AddFlow(mn, FID, PRI, Flow(), m_d->proxyCoa[1], 2); });
        Simulator::Schedule(Seconds(4), [&]() {
            Phase(1);
            const auto* b = lma->GetFlowBinding(mn, FID);
            NS_TEST_ASSERT_MSG_NE(b, nullptr, "added");
            NS_TEST_EXPECT_MSG_EQ(b->active, true, "active");
            NS_TEST_EXPECT_MSG_EQ(m_d->magExt[1]->GetFlowBindings(mn).size(), 1, "MAG2 list");
        });
        Simulator::Schedule(Seconds(10.9), [&]() {
            Phase(9);
            NS_TEST_EXPECT_MSG_EQ(lma->GetFlowBinding(mn, FID)->active, true, "not yet");
        });
        Simulator::Schedule(Seconds(11.2), [&]() {
            Phase(2);
            const auto* b = lma->GetFlowBinding(mn, FID);
            NS_TEST_ASSERT_MSG_NE(b, nullptr, "kept");
            NS_TEST_EXPECT_MSG_EQ(b->active, false, "expired: Inactive");
            const FlowBindingEntry* e =
                m_d->lmaApp->GetFlowBindingTable()->Find(m_d->lmaApp->GetFlowOwner(mn), FID);
            NS_TEST_ASSERT_MSG_NE(e, nullptr, "data-path entry kept");
            NS_TEST_EXPECT_MSG_EQ(e->active, false, "data-path entry inactive");
            NS_TEST_EXPECT_MSG_EQ(m_d->magExt[1]->GetFlowBindings(mn).size(), 0, "MAG2: gone");
            Changes();
            Wire();
            NS_TEST_EXPECT_MSG_EQ(lma->RefreshFlow(mn, FID, 2), true, "late refresh");
        });
        Simulator::Schedule(Seconds(12.2), [&]() {
            Phase(3);
            NS_TEST_EXPECT_MSG_EQ(Wire(), W("PFBI-refresh LMA>MAG2, PFBA-128 MAG2>LMA"), "refused");
            NS_TEST_EXPECT_MSG_EQ(Changes(), "", "section 4: no change on a PFBA 128");
            const auto* b = lma->GetFlowBinding(mn, FID);
            NS_TEST_ASSERT_MSG_NE(b, nullptr, "kept");
            NS_TEST_EXPECT_MSG_EQ(b->active, false, "still Inactive");
            if (m_fbiEncoding)
            {
                // FBA 128, the option's copy with RFC 6089 "FID not found"
                CheckFba(m_pfbi["refresh MAG2"],
                         mip6::FBA_BINDING_DOES_NOT_EXIST,
                         mip6::FID_STATUS_FID_NOT_FOUND);
                return;
            }
            const std::vector<uint8_t>& a = m_pfba.back();
            size_t oa = FindFlowAttribute(a);
            NS_TEST_ASSERT_MSG_NE(oa, 0, "PFBA 128 copies the option");
            NS_TEST_EXPECT_MSG_EQ(+a[oa + 6], +mip6::PFBA_BINDING_DOES_NOT_EXIST, "its Status");
        });
        m_stop = Seconds(13);
        Simulator::Stop(Seconds(13.5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_GT(Down(1, 1, FLOW_PORT), 200, "while bound: phys[1]");
        NS_TEST_EXPECT_MSG_EQ(Down(1, 0, FLOW_PORT), 0, "while bound: not phys[0]");
        NS_TEST_EXPECT_MSG_GT(Down(2, 0, FLOW_PORT), 30, "expired: prefix route, phys[0]");
        NS_TEST_EXPECT_MSG_EQ(Down(2, 1, FLOW_PORT), 0, "expired: not phys[1]");
        NS_TEST_EXPECT_MSG_GT(Down(3, 0, FLOW_PORT), 30, "refused refresh: still phys[0]");
        NS_TEST_EXPECT_MSG_EQ(Down(3, 1, FLOW_PORT), 0, "refused refresh: not phys[1]");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief A MAG that never answers: the PFBI is retransmitted, the LMA gives up (GaveUp trace)
 * and the list stays unchanged.
 */
class GiveUpTestCase : public FlowBindingFixture
{
  public:
    /// \param fbi RFC 7109 encoding
    explicit GiveUpTestCase(bool fbi)
        : FlowBindingFixture("no PFBA: retransmissions, give-up, list unchanged", fbi)
    {
    }

  private:
    void DoRun() override
    {
        Build(1); // MAG2 has no registered extension
        Ptr<LmaFlowBindingExtension> lma = m_d->lmaExt[0];
        std::string mn = m_d->mnId;
        Simulator::Schedule(Seconds(3), [&]() {
            NS_TEST_EXPECT_MSG_EQ(lma->AddFlow(mn, FID, PRI, Flow(), m_d->proxyCoa[1], 0),
                                  true,
                                  "sent");
        });
        Simulator::Schedule(Seconds(2.5), [this]() {
            m_d->lma.Get(0)->GetObject<MobilityL4Protocol>()->TraceConnectWithoutContext(
                "Tx",
                MakeCallback(&GiveUpTestCase::LmaTx, this));
        });
        Simulator::Stop(Seconds(8));
        Simulator::Run();
        // 3 s, +0.5 s, +1 s: the first PFBI and two retransmissions; MAG2 has no handler
        uint32_t sent = m_lmaTx.size();
        for (const auto& t : m_lmaTx)
        {
            NS_TEST_EXPECT_MSG_EQ(t, m_d->proxyCoa[1], "each PFBI to MAG2");
        }
        NS_TEST_EXPECT_MSG_EQ(sent, 3, "PFBI and 2 retransmissions");
        NS_TEST_EXPECT_MSG_EQ(m_gaveUp.size(), 1, "one give-up");
        NS_TEST_EXPECT_MSG_EQ((m_gaveUp.empty() ? "" : m_gaveUp[0]), "add MAG2", "give-up trace");
        NS_TEST_EXPECT_MSG_EQ(lma->GetFlowBinding(mn, FID), nullptr, "list unchanged");
        NS_TEST_EXPECT_MSG_EQ(lma->GetPendingCount(), 0, "nothing pending");
        TearDown();
    }

    /**
     * \brief Tx of LMA1: record the destination of each PFBI.
     * \param p the message
     * \param dst its destination
     */
    void LmaTx(Ptr<const Packet> p, Ipv6Address /* src */, Ipv6Address dst)
    {
        uint8_t b[3];
        uint8_t indication =
            m_fbiEncoding ? mip6::MH_FLOW_BINDING : mip6::MH_PROXY_FLOW_BINDING_INDICATION;
        if (p->GetSize() >= 3 && p->CopyData(b, 3) == 3 && b[2] == indication)
        {
            m_lmaTx.push_back(dst);
        }
    }

    std::vector<Ipv6Address> m_lmaTx; ///< destinations of LMA1's PFBIs
};

/**
 * \ingroup pmipv6-tests
 * \brief Only a PFBA that answers a pending PFBI is counted as a reply (GetPfbaCount per
 * status); one that answers nothing (a duplicate of MAG1's PFBA after the add completed, a
 * rogue's PFBA 0 and a rogue's PFBA 128 from MAG2's address) is dropped and counted as a
 * DROP_REJECTED of the LMA's Mobility Header protocol, and changes no list.
 * \note Fails when the LMA counts a PFBA per status before matching it (PFBA 0 count 3,
 * PFBA 128 count 1).
 */
class UnmatchedPfbaTestCase : public FlowBindingFixture
{
  public:
    /// \param fbi RFC 7109 encoding
    explicit UnmatchedPfbaTestCase(bool fbi)
        : FlowBindingFixture("a PFBA that answers no pending PFBI is dropped, not counted", fbi)
    {
    }

  private:
    /**
     * \brief Send a PFBA (or FBA) with a sequence and a status from a MAG's node.
     * \param mag the MAG (0 or 1)
     * \param sequence its Sequence #
     * \param status its Status
     */
    void SendAck(uint32_t mag, uint16_t sequence, uint8_t status)
    {
        Ptr<MobilityL4Protocol> mobility = m_d->mags.Get(mag)->GetObject<MobilityL4Protocol>();
        if (m_fbiEncoding)
        {
            FlowBindingAckHeader fba;
            fba.SetSequence(sequence);
            fba.SetStatus(status);
            mobility->Send(fba, m_d->proxyCoa[mag], m_d->lmaAddress);
        }
        else
        {
            ProxyFlowBindingAckHeader pfba;
            pfba.SetSequence(sequence);
            pfba.SetStatus(status);
            mobility->Send(pfba, m_d->proxyCoa[mag], m_d->lmaAddress);
        }
    }

    void DoRun() override
    {
        Build();
        Ptr<LmaFlowBindingExtension> lma = m_d->lmaExt[0];
        Ptr<MobilityL4Protocol> lmaMobility = m_d->lma.Get(0)->GetObject<MobilityL4Protocol>();
        std::string mn = m_d->mnId;
        uint64_t rejectedBefore = 0;
        Simulator::Schedule(Seconds(3), [&]() {
            NS_TEST_EXPECT_MSG_EQ(lma->AddFlow(mn, FID, PRI, Flow(), m_d->proxyCoa[0], 0),
                                  true,
                                  "add sent to MAG1");
        });
        Simulator::Schedule(Seconds(3.5), [&]() {
            NS_TEST_EXPECT_MSG_EQ(Changes(), "ADDED 7", "MAG1's PFBA 0 completed the add");
            NS_TEST_EXPECT_MSG_EQ(lma->GetPfbaCount(mip6::PFBA_SUCCESS), 1, "one PFBA 0");
            NS_TEST_ASSERT_MSG_EQ(m_pfba.size(), 1, "MAG1 sent one PFBA");
            const std::vector<uint8_t>& a = m_pfba[0];
            size_t at = m_fbiEncoding ? 8 : 6; // Sequence # after FB Type, Reserved in an FBA
            uint16_t seq = static_cast<uint16_t>((a[at] << 8) | a[at + 1]);
            rejectedBefore = lmaMobility->GetDropCount(MobilityL4Protocol::DROP_REJECTED);
            SendAck(0, seq, mip6::PFBA_SUCCESS); // duplicate of MAG1's
            SendAck(1, seq, mip6::PFBA_SUCCESS); // rogue, same sequence
            SendAck(1, static_cast<uint16_t>(seq + 1), mip6::PFBA_BINDING_DOES_NOT_EXIST);
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(lma->GetPfbaCount(mip6::PFBA_SUCCESS),
                              1,
                              "the unmatched PFBAs 0 are not counted as replies");
        NS_TEST_EXPECT_MSG_EQ(lma->GetPfbaCount(mip6::PFBA_BINDING_DOES_NOT_EXIST),
                              0,
                              "nor the unmatched PFBA 128");
        NS_TEST_EXPECT_MSG_EQ(lmaMobility->GetDropCount(MobilityL4Protocol::DROP_REJECTED) -
                                  rejectedBefore,
                              3,
                              "the three are dropped (rejected)");
        NS_TEST_EXPECT_MSG_EQ(Changes(), "", "no list change");
        NS_TEST_EXPECT_MSG_NE(lma->GetFlowBinding(mn, FID), nullptr, "the flow stays listed");
        NS_TEST_EXPECT_MSG_EQ(m_gaveUp.size(), 0, "no give-up");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The A flag clear: no PFBA, the list changes when the PFBI is sent.
 */
class NoAckTestCase : public FlowBindingFixture
{
  public:
    /// \param fbi RFC 7109 encoding
    explicit NoAckTestCase(bool fbi)
        : FlowBindingFixture("A flag clear: no PFBA", fbi)
    {
    }

  private:
    void DoRun() override
    {
        Build();
        Ptr<LmaFlowBindingExtension> lma = m_d->lmaExt[0];
        lma->SetAttribute("AckRequested", BooleanValue(false));
        std::string mn = m_d->mnId;
        Simulator::Schedule(Seconds(3), [&]() {
            NS_TEST_EXPECT_MSG_EQ(lma->AddFlow(mn, FID, PRI, Flow(), m_d->proxyCoa[1], 0),
                                  true,
                                  "sent");
            NS_TEST_EXPECT_MSG_NE(lma->GetFlowBinding(mn, FID), nullptr, "listed at once");
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(Wire(), W("PFBI-add LMA>MAG2"), "no PFBA");
        const std::vector<uint8_t>& w = m_pfbi["add MAG2"];
        NS_TEST_ASSERT_MSG_GT(w.size(), 10, "recorded");
        NS_TEST_EXPECT_MSG_EQ(+w[m_fbiEncoding ? 11 : 9], 0, "A flag clear");
        NS_TEST_EXPECT_MSG_EQ(m_d->magExt[1]->GetFlowBindings(mn).size(), 1, "MAG2 list");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Switch: the flow at MAG2 is switched to LMA2; MAG2 de-registers the MN at LMA1 and
 * registers it with LMA2, the PBU carrying the flow (Flow Identification option); LMA1's list
 * no longer has the flow, LMA2's has it through MAG2, and the downlink to the MN's LMA2
 * address arrives over phys[1].
 */
class SwitchTestCase : public FlowBindingFixture
{
  public:
    /// \param fbi RFC 7109 encoding
    explicit SwitchTestCase(bool fbi)
        : FlowBindingFixture("switch: the flow ends anchored at the second LMA", fbi)
    {
    }

  private:
    void DoRun() override
    {
        Build();
        Ptr<LmaFlowBindingExtension> lma = m_d->lmaExt[0];
        std::string mn = m_d->mnId;
        Simulator::Schedule(Seconds(3),
                            [&]() { lma->AddFlow(mn, FID, PRI, Flow(), m_d->proxyCoa[1], 0); });
        Simulator::Schedule(Seconds(4), [&]() {
            Wire();
            Changes();
            m_recordPbu = true;
            NS_TEST_EXPECT_MSG_EQ(lma->SwitchFlow(mn, FID, {m_d->lma2Address}), true, "switch");
        });
        Simulator::Schedule(Seconds(5), [&]() {
            // the PFBI and its PFBA first; then, in an order that depends on link timing,
            // the de-registration at LMA1 and the registration (with the flow) at LMA2
            std::vector<std::string> seen = m_wire;
            Wire();
            NS_TEST_ASSERT_MSG_EQ(seen.size(), 6, "six messages");
            NS_TEST_EXPECT_MSG_EQ(seen[0], W("PFBI-switch LMA>MAG2"), "switch PFBI");
            NS_TEST_EXPECT_MSG_EQ(seen[1], W("PFBA-0 MAG2>LMA"), "its PFBA");
            if (m_fbiEncoding)
            {
                // revoke, with the alternate LMA in the module's sub-option 240
                CheckFbi(m_pfbi["switch MAG2"],
                         mip6::FB_ACTION_REVOKE,
                         PRI,
                         Ipv6Address::GetAny(),
                         0,
                         true,
                         m_d->lma2Address);
                CheckFba(m_pfbi["switch MAG2"], mip6::FBA_SUCCESS, mip6::FID_STATUS_SUCCESS);
            }
            else
            {
                // switch: PRO 6, Lifetime 0, the Alternate LMA sub-option (1 address, LMA2),
                // then the flow description
                const std::vector<uint8_t>& w = m_pfbi["switch MAG2"];
                size_t o = FindFlowAttribute(w);
                NS_TEST_ASSERT_MSG_NE(o, 0, "Flow Attribute option present");
                std::vector<uint8_t> fixed(w.begin() + o + 2, w.begin() + o + 10);
                std::vector<uint8_t> want{mip6::FA_PRO_SWITCH, PRI, 0, FID, 0, 0, 0, 0};
                NS_TEST_EXPECT_MSG_EQ((fixed == want),
                                      true,
                                      "PRO PRI FID Status Reserved Lifetime");
                std::vector<uint8_t> alt(w.begin() + o + 10, w.begin() + o + 30);
                std::vector<uint8_t> altWant(20, 0);
                altWant[0] = mip6::FA_SUBOPT_ALTERNATE_LMA;
                altWant[1] = 18;
                altWant[2] = 1;
                m_d->lma2Address.Serialize(altWant.data() + 4);
                NS_TEST_EXPECT_MSG_EQ((alt == altWant), true, "Alternate LMA sub-option: LMA2");
                NS_TEST_EXPECT_MSG_EQ(+w[o + 30],
                                      +mip6::FA_SUBOPT_FLOW_DESCRIPTION,
                                      "then the flow description");
            }
            std::sort(seen.begin() + 2, seen.end());
            NS_TEST_EXPECT_MSG_EQ(seen[2], "PBA-0 LMA2>MAG2", "LMA2 accepts");
            NS_TEST_EXPECT_MSG_EQ(seen[3], "PBA-0 LMA>MAG2", "LMA1 de-registers");
            NS_TEST_EXPECT_MSG_EQ(seen[4], "PBU+FID MAG2>LMA2", "registration with the flow");
            NS_TEST_EXPECT_MSG_EQ(seen[5], "PBU-dereg MAG2>LMA", "de-registration at LMA1");
            m_recordPbu = false;
            NS_TEST_EXPECT_MSG_EQ(Changes(), "SWITCHED 7", "LMA1 list: deleted on switch");
            NS_TEST_EXPECT_MSG_EQ(lma->GetFlowBinding(mn, FID), nullptr, "not at LMA1");
            const auto* b = m_d->lmaExt[1]->GetFlowBinding(mn, FID);
            NS_TEST_ASSERT_MSG_NE(b, nullptr, "at LMA2");
            NS_TEST_EXPECT_MSG_EQ(b->careOfAddress, m_d->proxyCoa[1], "through MAG2");
            Ptr<BindingCacheEntry> e = Bce(1, true);
            NS_TEST_ASSERT_MSG_NE(e, nullptr, "LMA2 has the MN's binding through MAG2");
            NS_TEST_ASSERT_MSG_EQ(e->homeNetworkPrefixes.empty(), false, "with a prefix");
            NS_TEST_EXPECT_MSG_EQ(HomeNetworkPrefix(Ipv6Address("2001:2:2::"), 48)
                                      .Contains(e->homeNetworkPrefixes[0].GetMaskedPrefix()),
                                  true,
                                  "from LMA2's pool");
            const FlowBindingEntry* f =
                m_d->lma2App->GetFlowBindingTable()->Find(m_d->lma2App->GetFlowOwner(mn), FID);
            NS_TEST_ASSERT_MSG_NE(f, nullptr, "LMA2 data path has the flow");
            NS_TEST_EXPECT_MSG_EQ(f->bids.front(), e->bindingId, "to the binding at MAG2");
            const auto* m = m_d->magExt[1]->GetFlowBinding(mn, FID);
            NS_TEST_ASSERT_MSG_NE(m, nullptr, "MAG2 list keeps the flow");
            NS_TEST_EXPECT_MSG_EQ(m->lma, m_d->lma2Address, "bound with LMA2");
            m_home2 = Pmipv6Helper::GetHomeAddress(m_d->lif, e->homeNetworkPrefixes[0]);
            Phase(1);
        });
        m_stop = Seconds(8);
        Simulator::Stop(Seconds(8.5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_GT(Down(1, 1, FLOW_PORT, true), 100, "LMA2 downlink over phys[1]");
        NS_TEST_EXPECT_MSG_EQ(Down(1, 0, FLOW_PORT, true), 0, "none over phys[0]");
        NS_TEST_EXPECT_MSG_GT(Down(1, 0, OTHER_PORT), 100, "LMA1 keeps the MAG1 session");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The draft's other wire reading accepted on receipt: a PFBI whose 4-bit PRO is in
 * the high half of its octet (a draft-literal LMA) is read as that PRO.
 */
class WireReadingTestCase : public FlowBindingFixture
{
  public:
    WireReadingTestCase()
        : FlowBindingFixture("draft-literal readings accepted on receipt", false)
    {
    }

  private:
    void DoRun() override
    {
        Build();
        std::string mn = m_d->mnId;
        Simulator::Schedule(Seconds(3), [&]() {
            // a draft-literal LMA: MH type TBD1 for both, PRO in the high four bits
            ProxyFlowBindingIndicationHeader pfbi;
            pfbi.SetSequence(77);
            pfbi.AddOption(Create<MobileNodeIdentifierOption>(mn));
            Ptr<FlowAttributeOption> fa = Create<FlowAttributeOption>();
            fa->SetPro(mip6::FA_PRO_ADD << 4);
            fa->SetPriority(PRI);
            fa->SetFlowId(FID);
            fa->AddSubOption(Create<TargetCareOfAddressSubOption>(m_d->proxyCoa[1]));
            fa->SetFlowDescription(Flow());
            pfbi.AddOption(fa);
            m_d->lmaApp->GetMobilityProtocol()->Send(pfbi, m_d->lmaAddress, m_d->proxyCoa[1]);
        });
        Simulator::Schedule(Seconds(3.5), [&]() {
            NS_TEST_EXPECT_MSG_EQ(m_d->magExt[1]->GetFlowBindings(mn).size(),
                                  1,
                                  "high-nibble PRO read as add");
        });
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(Wire(), W("PFBI-reserved LMA>MAG2, PFBA-0 MAG2>LMA"), "answered 0");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief A Mobility Header message with any MH type and given fixed fields: a draft-literal
 * peer's PFBA (or PFBI) sent with the other message's MH type ("IANA-TBD1" for both).
 */
class RetypedMessage : public MobilityHeader
{
  public:
    /**
     * \brief Constructor.
     * \param mhType the MH Type octet
     * \param data the fixed fields after the common part
     */
    RetypedMessage(uint8_t mhType, const std::vector<uint8_t>& data)
        : MobilityHeader(mhType),
          m_data(data)
    {
    }

  protected:
    uint32_t GetMessageDataSize() const override
    {
        return m_data.size();
    }

    void SerializeMessageData(Buffer::Iterator& i) const override
    {
        i.Write(m_data.data(), m_data.size());
    }

    bool DeserializeMessageData(Buffer::Iterator& i, std::string& /* error */) override
    {
        i.Read(m_data.data(), m_data.size());
        return true;
    }

    void PrintMessageData(std::ostream& os) const override
    {
        os << m_data.size() << " octets";
    }

    std::string GetMessageName() const override
    {
        return "retyped";
    }

  private:
    std::vector<uint8_t> m_data; ///< fixed fields
};

/**
 * \ingroup pmipv6-tests
 * \brief The draft gives PFBI and PFBA the same "IANA-TBD1": a PFBA that arrives with the
 * PFBI's MH type (240) completes the LMA's operation (the list changes on its status 0), and a
 * PFBI that arrives with the PFBA's MH type (241) is processed by the MAG. MAG2 has no
 * extension here; the test answers for it, as a draft-literal MAG.
 * \note Fails when the LMA decodes a type-240 message only as a PFBI (e.g. without the MH type
 * rewrite in DecodeEitherType()): no PFBA then, the add is retransmitted and given up.
 */
class SameTypeTestCase : public FlowBindingFixture
{
  public:
    SameTypeTestCase()
        : FlowBindingFixture("PFBA with the PFBI's MH type; PFBI with the PFBA's", false)
    {
    }

  private:
    void DoRun() override
    {
        Build(1); // MAG2 answers through the test
        Ptr<LmaFlowBindingExtension> lma = m_d->lmaExt[0];
        std::string mn = m_d->mnId;
        Simulator::Schedule(Seconds(0.3), [this]() {
            // MAG2 has no handler of MH type 240: the message is dropped there (Drop trace)
            m_d->mags.Get(1)->GetObject<MobilityL4Protocol>()->TraceConnectWithoutContext(
                "Drop",
                MakeCallback(&SameTypeTestCase::Mag2Rx, this));
        });
        Simulator::Schedule(Seconds(3), [&]() {
            NS_TEST_EXPECT_MSG_EQ(lma->AddFlow(mn, FID, PRI, Flow(), m_d->proxyCoa[1], 0),
                                  true,
                                  "add sent to MAG2");
        });
        Simulator::Schedule(Seconds(3.4), [&]() {
            NS_TEST_EXPECT_MSG_EQ(m_answered, 1, "MAG2 (the test) answered once");
            NS_TEST_EXPECT_MSG_EQ(Changes(), "ADDED 7", "the PFBA of type 240 completed the add");
            NS_TEST_EXPECT_MSG_NE(lma->GetFlowBinding(mn, FID), nullptr, "listed");
            NS_TEST_EXPECT_MSG_EQ(lma->GetPendingCount(), 0, "nothing pending");
            NS_TEST_EXPECT_MSG_EQ(lma->GetPfbaCount(mip6::PFBA_SUCCESS), 1, "one PFBA 0");
            // the mirror: a PFBI sent with the PFBA's type (241) to MAG1
            std::vector<uint8_t> data{0, 99, mip6::PFBI_TRIGGER_UNSPECIFIED, mip6::PFBI_FLAG_A};
            RetypedMessage pfbi(mip6::MH_PROXY_FLOW_BINDING_ACK, data);
            pfbi.AddOption(Create<MobileNodeIdentifierOption>(m_d->mnId));
            Ptr<FlowAttributeOption> fa = Create<FlowAttributeOption>();
            fa->SetPro(mip6::FA_PRO_ADD);
            fa->SetPriority(PRI);
            fa->SetFlowId(FID + 1);
            fa->AddSubOption(Create<TargetCareOfAddressSubOption>(m_d->proxyCoa[0]));
            fa->SetFlowDescription(Flow(OTHER_PORT));
            pfbi.AddOption(fa);
            m_d->lmaApp->GetMobilityProtocol()->Send(pfbi, m_d->lmaAddress, m_d->proxyCoa[0]);
        });
        Simulator::Schedule(Seconds(3.8), [&]() {
            NS_TEST_EXPECT_MSG_NE(m_d->magExt[0]->GetFlowBinding(m_d->mnId, FID + 1),
                                  nullptr,
                                  "MAG1 read the type-241 message as a PFBI");
            NS_TEST_EXPECT_MSG_EQ(m_d->magExt[0]->GetPfbaCount(mip6::PFBA_SUCCESS),
                                  1,
                                  "and answered it with status 0");
        });
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(m_gaveUp.size(), 0, "no give-up");
        NS_TEST_EXPECT_MSG_EQ(m_answered, 1, "no retransmission to answer");
        TearDown();
    }

    /**
     * \brief MAG2's Mobility Header Drop trace: answer a PFBI with a PFBA of MH type 240.
     * \param p the message
     */
    void Mag2Rx(Ptr<const Packet> p,
                Ipv6Address /* src */,
                Ipv6Address /* dst */,
                MobilityL4Protocol::DropReason /* reason */)
    {
        uint8_t b[3];
        if (p->GetSize() < 3 || p->CopyData(b, 3) != 3 ||
            b[2] != mip6::MH_PROXY_FLOW_BINDING_INDICATION)
        {
            return;
        }
        ProxyFlowBindingIndicationHeader pfbi;
        p->PeekHeader(pfbi);
        m_answered++;
        uint16_t seq = pfbi.GetSequence();
        std::vector<uint8_t> data{static_cast<uint8_t>(seq >> 8),
                                  static_cast<uint8_t>(seq & 0xff),
                                  mip6::PFBA_SUCCESS,
                                  0};
        RetypedMessage pfba(mip6::MH_PROXY_FLOW_BINDING_INDICATION, data);
        for (const auto& fa : pfbi.GetOptions().FindAll<FlowAttributeOption>())
        {
            pfba.AddOption(fa);
        }
        m_d->magApp[1]->GetMobilityProtocol()->Send(pfba, m_d->proxyCoa[1], m_d->lmaAddress);
    }

    uint32_t m_answered{0}; ///< PFBIs the test answered for MAG2
};

/**
 * \ingroup pmipv6-tests
 * \brief The IMPORTED path: a flow binding that MAG1 registered with a Flow Identification
 * option in its PBU (LmaFlowIdentificationExtension at LMA1, MagFlowIdentificationExtension
 * at MAG1) is taken into LMA1's list the first time an operation names its FID (ListChanged
 * IMPORTED, with the binding's Proxy-CoA and the option's priority and selector), an add of
 * that FID is refused, and a move of it to MAG2 works end to end (the downlink of the flow
 * then arrives over phys[1]).
 * \note Fails when Lookup() does not import (the move is then refused: "move sent" false).
 */
class ImportedTestCase : public FlowBindingFixture
{
  public:
    /// \param fbi RFC 7109 encoding
    explicit ImportedTestCase(bool fbi)
        : FlowBindingFixture("a flow a PBU created: imported, then moved", fbi)
    {
    }

  private:
    void DoRun() override
    {
        Build();
        Ptr<LmaFlowIdentificationExtension> lmaFid = CreateObject<LmaFlowIdentificationExtension>();
        m_d->lmaApp->AddExtension(lmaFid);
        Ptr<MagFlowIdentificationExtension> magFid = CreateObject<MagFlowIdentificationExtension>();
        m_d->magApp[0]->AddExtension(magFid);
        Ptr<LmaFlowBindingExtension> lma = m_d->lmaExt[0];
        std::string mn = m_d->mnId;
        Simulator::Schedule(Seconds(2.5), [&]() {
            MagFlowIdentificationExtension::Flow f;
            f.fid = FID;
            f.priority = PRI;
            f.hasDescription = true;
            f.selector = Flow();
            magFid->AddFlow(mn, f);
        });
        Simulator::Schedule(Seconds(3.5), [&]() {
            Phase(1);
            const FlowBindingEntry* e =
                m_d->lmaApp->GetFlowBindingTable()->Find(m_d->lmaApp->GetFlowOwner(mn), FID);
            NS_TEST_ASSERT_MSG_NE(e, nullptr, "the PBU created the flow binding at LMA1");
            NS_TEST_EXPECT_MSG_EQ(lma->GetFlowBinding(mn, FID), nullptr, "not listed yet");
            NS_TEST_EXPECT_MSG_EQ(Changes(), "", "no list change yet");
            NS_TEST_EXPECT_MSG_EQ(lma->AddFlow(mn, FID, PRI, Flow(), m_d->proxyCoa[1], 0),
                                  false,
                                  "an add of a bound FID is refused");
            NS_TEST_EXPECT_MSG_EQ(Changes(), "IMPORTED 7", "imported on first use");
            const auto* b = lma->GetFlowBinding(mn, FID);
            NS_TEST_ASSERT_MSG_NE(b, nullptr, "listed");
            NS_TEST_EXPECT_MSG_EQ(b->careOfAddress, m_d->proxyCoa[0], "through MAG1's binding");
            NS_TEST_EXPECT_MSG_EQ(+b->priority, +PRI, "its priority");
            NS_TEST_EXPECT_MSG_EQ(b->selector.GetDestinationPortStart(), FLOW_PORT, "its flow");
            Wire();
            NS_TEST_EXPECT_MSG_EQ(lma->MoveFlow(mn, FID, m_d->proxyCoa[1], 0), true, "move sent");
        });
        Simulator::Schedule(Seconds(3.6), [&]() { Phase(2); });
        Simulator::Schedule(Seconds(4.5), [&]() {
            // MAG1's draft-000 list never had the flow (its flow-identification extension
            // made it): the source answers 128, the destination 0, which decides
            NS_TEST_EXPECT_MSG_EQ(Wire(),
                                  W("PFBI-move LMA>MAG2, PFBI-move LMA>MAG1, PFBA-0 MAG2>LMA, "
                                    "PFBA-128 MAG1>LMA"),
                                  "move to both MAGs");
            NS_TEST_EXPECT_MSG_EQ(Changes(), "MOVED 7", "moved");
            const auto* b = lma->GetFlowBinding(mn, FID);
            NS_TEST_ASSERT_MSG_NE(b, nullptr, "listed");
            NS_TEST_EXPECT_MSG_EQ(b->careOfAddress, m_d->proxyCoa[1], "through MAG2 now");
            Ptr<BindingCacheEntry> bce = Bce(1);
            const FlowBindingEntry* e =
                m_d->lmaApp->GetFlowBindingTable()->Find(m_d->lmaApp->GetFlowOwner(mn), FID);
            NS_TEST_ASSERT_MSG_NE(e, nullptr, "data-path entry");
            NS_TEST_ASSERT_MSG_NE(bce, nullptr, "MAG2 binding");
            NS_TEST_EXPECT_MSG_EQ(e->bids.front(), bce->bindingId, "to MAG2's binding");
        });
        m_stop = Seconds(7);
        Simulator::Stop(Seconds(7.5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_GT(Down(0, 0, FLOW_PORT), 40, "before the move: over phys[0]");
        NS_TEST_EXPECT_MSG_GT(Down(2, 1, FLOW_PORT), 100, "after the move: over phys[1]");
        NS_TEST_EXPECT_MSG_EQ(Down(2, 0, FLOW_PORT), 0, "after the move: not phys[0]");
        NS_TEST_EXPECT_MSG_GT(Down(2, 0, OTHER_PORT), 100, "other flow: phys[0]");
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The MAG's Encoding attribute: MAG2 set to Pfbi drops FBIs unanswered (the LMA
 * retransmits through its signalling transaction and gives up, list unchanged); with the LMA
 * switched to Pfbi the same add succeeds.
 */
class MagEncodingTestCase : public FlowBindingFixture
{
  public:
    MagEncodingTestCase()
        : FlowBindingFixture("MAG Encoding Pfbi: FBI unanswered, PFBI answered", true)
    {
    }

  private:
    void DoRun() override
    {
        Build();
        m_d->magExt[1]->SetAttribute("Encoding", StringValue("Pfbi"));
        Ptr<LmaFlowBindingExtension> lma = m_d->lmaExt[0];
        std::string mn = m_d->mnId;
        Simulator::Schedule(Seconds(3), [&]() {
            Wire();
            NS_TEST_EXPECT_MSG_EQ(lma->AddFlow(mn, FID, PRI, Flow(), m_d->proxyCoa[1], 0),
                                  true,
                                  "FBI sent");
        });
        Simulator::Schedule(Seconds(7.5), [&]() {
            NS_TEST_EXPECT_MSG_EQ(Wire(),
                                  "FBI-add LMA>MAG2, FBI-add LMA>MAG2, FBI-add LMA>MAG2",
                                  "the FBI and two retransmissions, unanswered");
            NS_TEST_EXPECT_MSG_EQ(m_gaveUp.size(), 1, "given up");
            NS_TEST_EXPECT_MSG_EQ(lma->GetFlowBinding(mn, FID), nullptr, "list unchanged");
            NS_TEST_EXPECT_MSG_EQ(m_d->magExt[1]->GetFlowBindings(mn).size(), 0, "MAG2 list");
            lma->SetAttribute("Encoding", StringValue("Pfbi"));
            NS_TEST_EXPECT_MSG_EQ(lma->AddFlow(mn, FID, PRI, Flow(), m_d->proxyCoa[1], 0),
                                  true,
                                  "PFBI sent");
        });
        Simulator::Schedule(Seconds(8.5), [&]() {
            NS_TEST_EXPECT_MSG_EQ(Wire(), "PFBI-add LMA>MAG2, PFBA-0 MAG2>LMA", "answered");
            NS_TEST_EXPECT_MSG_NE(lma->GetFlowBinding(mn, FID), nullptr, "listed");
        });
        Simulator::Stop(Seconds(9));
        Simulator::Run();
        TearDown();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The draft-000 <-> RFC 7109 mapping and the RFC 7109 sub-option codecs: every PRO
 * through FlowAttributeToFlowId(), a Flow Identification option on the wire and back through
 * FlowIdToFlowAttribute(); revoke without alternate LMAs read as delete, an unknown action as
 * reserved, FID-PRI above 255 as 255; Target CoA with and without the Reserved field; bad
 * Lengths rejected.
 */
class EncodingMappingTestCase : public TestCase
{
  public:
    EncodingMappingTestCase()
        : TestCase("RFC 7109 mapping and sub-option codecs")
    {
    }

  private:
    /**
     * \brief Decode a Flow Identification option from its octets (Type and Length first).
     * \param b the octets
     * \param fid [out] the option
     * \return true when it decoded
     */
    static bool Decode(const std::vector<uint8_t>& b, FlowIdentificationOption& fid)
    {
        Buffer buf;
        buf.AddAtStart(b.size());
        buf.Begin().Write(b.data(), b.size());
        Buffer::Iterator i = buf.Begin();
        i.Next(2);
        std::string error;
        return fid.DeserializeData(i, b[1], error);
    }

    /**
     * \brief Encode a Flow Identification option (Type and Length first).
     * \param fid the option
     * \return the octets
     */
    static std::vector<uint8_t> Encode(const FlowIdentificationOption& fid)
    {
        Buffer buf;
        buf.AddAtStart(2 + fid.GetDataLength());
        Buffer::Iterator i = buf.Begin();
        i.WriteU8(fid.GetType());
        i.WriteU8(fid.GetDataLength());
        fid.SerializeData(i);
        std::vector<uint8_t> out(buf.GetSize());
        buf.CopyData(out.data(), out.size());
        return out;
    }

    void DoRun() override
    {
        const uint8_t actions[] = {0,
                                   mip6::FB_ACTION_ADD,
                                   mip6::FB_ACTION_DELETE,
                                   mip6::FB_ACTION_MODIFY,
                                   mip6::FB_ACTION_REFRESH,
                                   mip6::FB_ACTION_MOVE,
                                   mip6::FB_ACTION_REVOKE};
        TrafficSelector ts;
        ts.SetDestinationPort(FLOW_PORT);
        for (uint8_t pro = mip6::FA_PRO_ADD; pro <= mip6::FA_PRO_SWITCH; ++pro)
        {
            FlowAttributeOption fa;
            fa.SetPro(pro);
            fa.SetPriority(9);
            fa.SetFlowId(300);
            fa.SetStatus(0);
            fa.SetLifetime(pro == mip6::FA_PRO_SWITCH ? 0 : 1000);
            if (pro == mip6::FA_PRO_SWITCH)
            {
                fa.AddSubOption(Create<AlternateLmaSubOption>(
                    std::vector<Ipv6Address>{Ipv6Address("2001:db8::a"),
                                             Ipv6Address("2001:db8::b")}));
            }
            else
            {
                fa.AddSubOption(Create<TargetCareOfAddressSubOption>(Ipv6Address("2001:db8::5")));
            }
            fa.SetFlowDescription(ts);
            Ptr<FlowIdentificationOption> fid = FlowAttributeToFlowId(fa);
            std::vector<uint8_t> wire = Encode(*fid);
            NS_TEST_EXPECT_MSG_EQ(+wire[0], +mip6::OPT_FLOW_IDENTIFICATION, "option 45");
            NS_TEST_EXPECT_MSG_EQ(+wire[8], +mip6::FID_SUBOPT_FLOW_BINDING_ACTION, "action first");
            NS_TEST_EXPECT_MSG_EQ(+wire[10], +actions[pro], "action of PRO " << +pro);
            FlowIdentificationOption back;
            NS_TEST_ASSERT_MSG_EQ(Decode(wire, back), true, "decodes");
            NS_TEST_EXPECT_MSG_EQ((Encode(back) == wire), true, "re-encodes unchanged");
            // truncated at every offset of its data (Length set to what is left): a cut inside
            // a sub-option is rejected; a cut between sub-options is a shorter valid option
            uint32_t rejected = 0;
            for (size_t k = 0; k + 2 < wire.size(); ++k)
            {
                std::vector<uint8_t> cut(wire.begin(), wire.begin() + 2 + k);
                cut[1] = static_cast<uint8_t>(k);
                FlowIdentificationOption part;
                if (Decode(cut, part))
                {
                    NS_TEST_EXPECT_MSG_EQ((Encode(part) == cut),
                                          true,
                                          "cut at " << k << " decodes only as what it holds");
                }
                else
                {
                    ++rejected;
                }
            }
            NS_TEST_EXPECT_MSG_GT(rejected, wire.size() / 2, "cuts inside sub-options rejected");
            Ptr<FlowAttributeOption> again = FlowIdToFlowAttribute(back);
            NS_TEST_EXPECT_MSG_EQ(+again->GetPro(), +pro, "PRO back");
            NS_TEST_EXPECT_MSG_EQ(+again->GetPriority(), 9, "PRI back");
            NS_TEST_EXPECT_MSG_EQ(again->GetFlowId(), 300, "FID back");
            NS_TEST_EXPECT_MSG_EQ(again->GetLifetime(), fa.GetLifetime(), "lifetime back");
            NS_TEST_EXPECT_MSG_EQ(again->GetFlowDescription().GetDestinationPortStart(),
                                  FLOW_PORT,
                                  "flow description back");
            if (pro == mip6::FA_PRO_SWITCH)
            {
                NS_TEST_ASSERT_MSG_NE(again->GetAlternateLma(), nullptr, "alternate LMAs back");
                NS_TEST_EXPECT_MSG_EQ(again->GetAlternateLma()->GetAddresses().size(), 2, "both");
                NS_TEST_EXPECT_MSG_EQ(again->GetTargetCareOfAddress(), nullptr, "no target");
            }
            else
            {
                NS_TEST_ASSERT_MSG_NE(again->GetTargetCareOfAddress(), nullptr, "target back");
                NS_TEST_EXPECT_MSG_EQ(again->GetTargetCareOfAddress()->GetIpv6Address(),
                                      Ipv6Address("2001:db8::5"),
                                      "target address");
            }
        }
        // revoke without alternate LMAs: the flow binding is gone (delete); unknown action
        FlowIdentificationOption revoke(4, 300);
        revoke.AddSubOption(Create<FlowBindingActionSubOption>(mip6::FB_ACTION_REVOKE));
        NS_TEST_EXPECT_MSG_EQ(+FlowIdToFlowAttribute(revoke)->GetPro(),
                              +mip6::FA_PRO_DELETE,
                              "revoke alone = delete");
        NS_TEST_EXPECT_MSG_EQ(+FlowIdToFlowAttribute(revoke)->GetPriority(), 255, "PRI capped");
        FlowIdentificationOption unknown(4, 1);
        unknown.AddSubOption(Create<FlowBindingActionSubOption>(99));
        NS_TEST_EXPECT_MSG_EQ(+FlowIdToFlowAttribute(unknown)->GetPro(),
                              +mip6::FA_PRO_RESERVED,
                              "unknown action");
        NS_TEST_EXPECT_MSG_EQ(+FlowIdToFlowAttribute(FlowIdentificationOption(4, 1))->GetPro(),
                              +mip6::FA_PRO_RESERVED,
                              "no action sub-option");
        // sub-option codecs: FID 4, FID-PRI 1, Reserved, Status, then one sub-option
        std::vector<uint8_t> head{mip6::OPT_FLOW_IDENTIFICATION, 0, 0, 4, 0, 1, 0, 0};
        auto with = [&head](std::vector<uint8_t> sub) {
            std::vector<uint8_t> b = head;
            b.insert(b.end(), sub.begin(), sub.end());
            b[1] = b.size() - 2;
            return b;
        };
        std::vector<uint8_t> bare{mip6::FID_SUBOPT_TARGET_COA, 16};
        for (uint8_t k = 0; k < 16; ++k)
        {
            bare.push_back(k == 0 ? 0x20 : k);
        }
        FlowIdentificationOption o1;
        NS_TEST_ASSERT_MSG_EQ(Decode(with(bare), o1), true, "Target CoA without Reserved");
        Ptr<FlowAttributeOption> fa1 = FlowIdToFlowAttribute(o1);
        NS_TEST_ASSERT_MSG_NE(fa1->GetTargetCareOfAddress(), nullptr, "read");
        uint8_t want[16] = {0x20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        NS_TEST_EXPECT_MSG_EQ(fa1->GetTargetCareOfAddress()->GetIpv6Address(),
                              Ipv6Address(want),
                              "its address");
        FlowIdentificationOption o2;
        NS_TEST_EXPECT_MSG_EQ(Decode(with({mip6::FID_SUBOPT_TARGET_COA, 5, 0, 0, 1, 2, 3}), o2),
                              false,
                              "Target CoA Length 5 rejected");
        FlowIdentificationOption o3;
        NS_TEST_EXPECT_MSG_EQ(Decode(with({mip6::FID_SUBOPT_FLOW_BINDING_ACTION, 0}), o3),
                              false,
                              "Action Length 0 rejected");
        FlowIdentificationOption o4;
        NS_TEST_EXPECT_MSG_EQ(Decode(with({mip6::FID_SUBOPT_FLOW_BINDING_ACTION, 1, 15}), o4),
                              true,
                              "Action octet alone accepted");
        NS_TEST_EXPECT_MSG_EQ(+FlowIdToFlowAttribute(o4)->GetPro(), +mip6::FA_PRO_MOVE, "move");
        FlowIdentificationOption o5;
        NS_TEST_EXPECT_MSG_EQ(
            Decode(with({mip6::FID_SUBOPT_FLOW_BINDING_LIFETIME, 3, 0, 1, 2}), o5),
            false,
            "Lifetime Length 3 rejected");
        FlowIdentificationOption o6;
        NS_TEST_EXPECT_MSG_EQ(Decode(with({mip6::FID_SUBOPT_ALTERNATE_LMA, 2, 0, 0}), o6),
                              false,
                              "Alternate LMA without addresses rejected");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The suite.
 */
class LmaFlowBindingTestSuite : public TestSuite
{
  public:
    LmaFlowBindingTestSuite()
        : TestSuite("pmipv6-lma-flow-binding", UNIT)
    {
        for (bool fbi : {false, true})
        {
            AddTestCase(new OperationsTestCase(fbi), TestCase::QUICK);
            AddTestCase(new MoveDataPathTestCase(fbi), TestCase::QUICK);
            AddTestCase(new ExpiryTestCase(fbi), TestCase::QUICK);
            AddTestCase(new GiveUpTestCase(fbi), TestCase::QUICK);
            AddTestCase(new NoAckTestCase(fbi), TestCase::QUICK);
            AddTestCase(new SwitchTestCase(fbi), TestCase::QUICK);
        }
        AddTestCase(new WireReadingTestCase, TestCase::QUICK);
        AddTestCase(new SameTypeTestCase, TestCase::QUICK);
        AddTestCase(new ImportedTestCase(false), TestCase::QUICK);
        AddTestCase(new ImportedTestCase(true), TestCase::QUICK);
        AddTestCase(new MagEncodingTestCase, TestCase::QUICK);
        AddTestCase(new EncodingMappingTestCase, TestCase::QUICK);
        // Written, not registered: its first run (session 5) dereferenced a null pointer at
        // 3.5 s
        AddTestCase(new UnmatchedPfbaTestCase(false), TestCase::QUICK);
        AddTestCase(new UnmatchedPfbaTestCase(true), TestCase::QUICK);
    }
};

/// The suite's instance.
static LmaFlowBindingTestSuite g_lmaFlowBindingTestSuite;

} // namespace
