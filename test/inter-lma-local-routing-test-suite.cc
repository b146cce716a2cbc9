/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Inter-LMA local routing optimization (draft-wu-netext-local-ro-02 7 and Appendix A.1, A.2):
 * two MNs anchored at two LMAs. The message sequences of Figure 6 (MAG-initiated) and Figure
 * A.2 (LMA-initiated, LMA RO Start Request / Response) on the wire, the pair's packets
 * bypassing both LMAs (counted at each), refusal, and a handover of one MN during the
 * optimised session.
 */

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/local-routing-domain.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/test.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// One Mobility Header message sent.
struct Message
{
    Time at;          ///< when
    std::string text; ///< "SRC>DST TYPE"
    Ptr<Packet> p;    ///< the message as sent
};

/**
 * \brief Records the local routing messages the LMAs and MAGs of a two-LMA domain send (not the
 * RFC 5213 registrations between a MAG and its LMA).
 */
class InterLmaRecorder
{
  public:
    /**
     * \brief Name the agents and connect (once the agents started).
     * \param d the domain
     */
    explicit InterLmaRecorder(Pmipv6LocalRoutingDomain& d)
    {
        Pmipv6TopologyHelper& topo = d.GetTopology();
        for (const auto& lma : d.GetLmaNames())
        {
            m_names[topo.GetLma(lma)->GetAddress()] = lma;
        }
        for (const auto& mag : topo.GetMagNames())
        {
            m_names[topo.GetMag(mag)->GetProxyCoa()] = mag;
        }
        Simulator::Schedule(Seconds(0.5), &InterLmaRecorder::Connect, this, &d);
    }

    /**
     * \brief Connect the Tx traces.
     * \param d the domain
     */
    void Connect(Pmipv6LocalRoutingDomain* d)
    {
        Pmipv6TopologyHelper& topo = d->GetTopology();
        for (const auto& lma : d->GetLmaNames())
        {
            topo.GetLma(lma)->GetMobilityProtocol()->TraceConnectWithoutContext(
                "Tx",
                MakeCallback(&InterLmaRecorder::Tx, this));
        }
        for (const auto& mag : topo.GetMagNames())
        {
            topo.GetMag(mag)->GetMobilityProtocol()->TraceConnectWithoutContext(
                "Tx",
                MakeCallback(&InterLmaRecorder::Tx, this));
        }
    }

    /**
     * \brief Tx trace sink.
     * \param p the message
     * \param src source
     * \param dst destination
     */
    void Tx(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst)
    {
        uint8_t b[16] = {0};
        p->CopyData(b, std::min<uint32_t>(p->GetSize(), sizeof(b)));
        std::string from = Name(src);
        std::string to = Name(dst);
        bool withLma = from.substr(0, 3) == "lma" || to.substr(0, 3) == "lma";
        std::ostringstream os;
        os << from << ">" << to << " ";
        switch (b[2])
        {
        case mip6::MH_BINDING_UPDATE:
            if (withLma)
            {
                return; // RFC 5213 registration
            }
            os << "PBU" << (b[10] == 0 && b[11] == 0 ? "(0)" : "");
            break;
        case mip6::MH_BINDING_ACK:
            if (withLma)
            {
                return;
            }
            os << "PBA(" << +b[6] << ")";
            break;
        case mip6::MH_LOCAL_ROUTING_OPTIMIZATION:
            os << ((b[8] & mip6::LRO_FLAG_R) ? "LRORSP(" : "LROREQ(")
               << +((b[8] & mip6::LRO_LRI_MASK) >> mip6::LRO_LRI_SHIFT) << ")";
            break;
        case mip6::MH_LMA_RO_START_REQUEST:
            os << "LMAROStartReq";
            break;
        case mip6::MH_LMA_RO_START_RESPONSE:
            os << "LMAROStartRsp(" << +b[6] << ")";
            break;
        default:
            return;
        }
        m_messages.push_back(Message{Simulator::Now(), os.str(), p->Copy()});
    }

    /**
     * \brief The name of an agent address.
     * \param a the address
     * \return its name
     */
    std::string Name(Ipv6Address a) const
    {
        auto it = m_names.find(a);
        if (it != m_names.end())
        {
            return it->second;
        }
        std::ostringstream os;
        os << a;
        return os.str();
    }

    /**
     * \brief The messages as one string, separated by ", ".
     * \param from only messages from this time on
     * \return the text
     */
    std::string Sequence(Time from = Seconds(0)) const
    {
        std::string s;
        for (const auto& m : m_messages)
        {
            if (m.at >= from)
            {
                s += (s.empty() ? "" : ", ") + m.text;
            }
        }
        return s;
    }

    /**
     * \brief The first message with a text.
     * \param text e.g. "lma1>mag1 LRORSP(3)"
     * \return the message, null when none
     */
    Ptr<Packet> Find(const std::string& text) const
    {
        for (const auto& m : m_messages)
        {
            if (m.text == text)
            {
                return m.p;
            }
        }
        return nullptr;
    }

    std::map<Ipv6Address, std::string> m_names; ///< agent names
    std::vector<Message> m_messages;            ///< messages sent
};

/**
 * \brief Samples of a flow sent in a time window, and how many of them took \p hops.
 * \param samples the samples
 * \param from window start (send time)
 * \param to window end (send time)
 * \param hops the hop count
 * \param total set to the number of samples in the window
 * \return the number with that hop count
 */
uint32_t
CountHops(const std::vector<Pmipv6LocalRoutingDomain::Sample>& samples,
          Time from,
          Time to,
          uint32_t hops,
          uint32_t& total)
{
    uint32_t n = 0;
    total = 0;
    for (const auto& s : samples)
    {
        if (s.sent >= from && s.sent < to)
        {
            total++;
            n += s.hops == hops ? 1 : 0;
        }
    }
    return n;
}

/// Hops through both LMAs: mag1, lma1, r, lma2, mag2.
constexpr uint32_t LMA_PATH_HOPS = 5;
/// Hops MAG-MAG: mag1, mag2.
constexpr uint32_t LOCAL_HOPS = 2;

/**
 * \brief Decode a message recorded on the wire.
 * \tparam H the header class
 * \param p the message (null: fails)
 * \param h the header
 * \return true when it decoded
 */
template <typename H>
bool
DecodeMessage(Ptr<Packet> p, H& h)
{
    if (!p)
    {
        return false;
    }
    Ptr<Packet> c = p->Copy();
    return c->RemoveHeader(h) > 0;
}

/// Base of the cases: a fresh seed, a two-LMA domain.
class InterLmaCase : public TestCase
{
  public:
    /**
     * \brief A case.
     * \param name its name
     */
    explicit InterLmaCase(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /// \brief Fixed seed.
    void Seed()
    {
        // a failed assertion of an earlier case returns before its Finish()
        Simulator::Destroy();
        Config::Reset();
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
    }

    /// \brief Clean up.
    void Finish()
    {
        Simulator::Destroy();
        Config::Reset();
    }
};

/**
 * \brief Figure 6, MAG-initiated across two LMAs: LROREQ(CN) to LMA1, LRORSP(LMA2) with LRI 3,
 * LROREQ(MN, MAG1, CN) to LMA2, LRORSP(CN, MAG2), PBU/PBA between the MAGs; then the pair's
 * packets go MAG-MAG (2 hops) and neither LMA relays one.
 */
class MagInitiatedInterLmaTest : public InterLmaCase
{
  public:
    MagInitiatedInterLmaTest()
        : InterLmaCase("inter-LMA, MAG-initiated (7, Figure 6)")
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        Pmipv6LocalRoutingDomain d(3, MilliSeconds(10), MilliSeconds(2), 2);
        InterLmaRecorder rec(d);
        Pmipv6TopologyHelper& topo = d.GetTopology();
        NS_TEST_ASSERT_MSG_EQ(topo.GetMagLma("mag1"), "lma1", "mag1 under lma1");
        NS_TEST_ASSERT_MSG_EQ(topo.GetMagLma("mag2"), "lma2", "mag2 under lma2");
        d.AddMobileNode("mn1@ilro", "mag1", Seconds(1));
        d.AddMobileNode("mn2@ilro", "mag2", Seconds(1));
        uint32_t up = d.AddFlow("mn1@ilro", "mn2@ilro", Seconds(3), Seconds(6), MilliSeconds(10));
        uint32_t down = d.AddFlow("mn2@ilro", "mn1@ilro", Seconds(4), Seconds(6), MilliSeconds(10));
        uint64_t relayed1 = 0;
        uint64_t relayed2 = 0;
        Simulator::Schedule(Seconds(3.5), [&]() {
            relayed1 = d.GetLmaExtension("lma1")->GetInterLmaRelayedCount();
            relayed2 = d.GetLmaExtension("lma2")->GetInterLmaRelayedCount();
        });
        Simulator::Stop(Seconds(7));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(rec.Sequence(),
                              "mag1>lma1 LROREQ(0), lma1>mag1 LRORSP(3), mag1>lma2 LROREQ(3), "
                              "lma2>mag1 LRORSP(3), mag1>mag2 PBU, mag2>mag1 PBA(0), "
                              "mag2>mag1 PBU, mag1>mag2 PBA(0)",
                              "Figure 6 on the wire");
        Ipv6Address lma2 = topo.GetLma("lma2")->GetAddress();
        Ipv6Address mag1 = topo.GetMag("mag1")->GetProxyCoa();
        Ipv6Address mag2 = topo.GetMag("mag2")->GetProxyCoa();
        Ipv6Address mn1 = topo.GetHomeAddress("mn1@ilro");
        Ipv6Address mn2 = topo.GetHomeAddress("mn2@ilro");
        // LRORSP(LMA2): LMA2's address in the CN's MN-CN pair option
        LocalRoutingOptimizationResponseHeader rsp1;
        NS_TEST_ASSERT_MSG_EQ(DecodeMessage(rec.Find("lma1>mag1 LRORSP(3)"), rsp1),
                              true,
                              "LRORSP(LMA2) decodes");
        std::vector<Ptr<MnCnPairOption>> pairs = rsp1.GetOptions().FindAll<MnCnPairOption>();
        NS_TEST_ASSERT_MSG_EQ(pairs.size(), 2u, "two MN-CN pair options");
        NS_TEST_EXPECT_MSG_EQ(pairs[0]->GetProxyCoa(), mag1, "the MN at MAG1");
        NS_TEST_EXPECT_MSG_EQ(pairs[1]->GetHomeNetworkPrefix(),
                              mn2.CombinePrefix(Ipv6Prefix(64)),
                              "the CN's prefix");
        NS_TEST_EXPECT_MSG_EQ(pairs[1]->GetProxyCoa(), lma2, "LMA2 discovered");
        // LROREQ(MN, MAG1, CN) to LMA2
        LocalRoutingOptimizationRequestHeader req2;
        NS_TEST_ASSERT_MSG_EQ(DecodeMessage(rec.Find("mag1>lma2 LROREQ(3)"), req2),
                              true,
                              "LROREQ to LMA2 decodes");
        pairs = req2.GetOptions().FindAll<MnCnPairOption>();
        NS_TEST_ASSERT_MSG_EQ(pairs.size(), 2u, "two MN-CN pair options");
        NS_TEST_EXPECT_MSG_EQ(pairs[0]->GetHomeNetworkPrefix(),
                              mn1.CombinePrefix(Ipv6Prefix(64)),
                              "first the MN");
        NS_TEST_EXPECT_MSG_EQ(pairs[0]->GetProxyCoa(), mag1, "with MAG1");
        NS_TEST_EXPECT_MSG_EQ(pairs[1]->GetProxyCoa(), Ipv6Address::GetAny(), "CN's MAG unknown");
        // LRORSP(CN, MAG2)
        LocalRoutingOptimizationResponseHeader rsp2;
        NS_TEST_ASSERT_MSG_EQ(DecodeMessage(rec.Find("lma2>mag1 LRORSP(3)"), rsp2),
                              true,
                              "LRORSP(CN, MAG2) decodes");
        pairs = rsp2.GetOptions().FindAll<MnCnPairOption>();
        NS_TEST_ASSERT_MSG_EQ(pairs.size(), 2u, "two MN-CN pair options");
        NS_TEST_EXPECT_MSG_EQ(pairs[1]->GetProxyCoa(), mag2, "MAG2 named");

        MagLocalRoutingExtension::PairState state = MagLocalRoutingExtension::PAIR_REMOVED;
        NS_TEST_EXPECT_MSG_EQ(d.GetMagExtension("mag1")->GetPairState(mn1, mn2, state),
                              true,
                              "pair known at mag1");
        NS_TEST_EXPECT_MSG_EQ(MagLocalRoutingExtension::PairStateName(state),
                              "ESTABLISHED",
                              "established");
        for (uint32_t flow : {up, down})
        {
            uint32_t total = 0;
            uint32_t n = CountHops(d.GetSamples(flow), Seconds(4), Seconds(6), LOCAL_HOPS, total);
            NS_TEST_EXPECT_MSG_EQ(total, 200u, "delivered");
            NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG, bypassing both LMAs");
        }
        uint32_t total = 0;
        uint32_t n = CountHops(d.GetSamples(up), Seconds(3), Seconds(3.01), LMA_PATH_HOPS, total);
        NS_TEST_EXPECT_MSG_EQ(n, 1u, "the first packet went through both LMAs");
        NS_TEST_EXPECT_MSG_GT(relayed1, 0u, "lma1 relayed the first packets");
        NS_TEST_EXPECT_MSG_GT(relayed2, 0u, "lma2 relayed the first packets");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension("lma1")->GetInterLmaRelayedCount(),
                              relayed1,
                              "lma1 bypassed");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension("lma2")->GetInterLmaRelayedCount(),
                              relayed2,
                              "lma2 bypassed");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension("lma1")->GetRelayedCount(),
                              0u,
                              "no intra-LMA pair at lma1");
        Finish();
    }
};

/**
 * \brief Figure 6 refused by LMA2 (AllowLocalRouting false): LRORSP with LRI 0, no PBU, every
 * packet of the pair through both LMAs (5 hops, counted at each).
 */
class InterLmaRefusedTest : public InterLmaCase
{
  public:
    InterLmaRefusedTest()
        : InterLmaCase("inter-LMA refused by the CN's LMA (LRI 0)")
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        Pmipv6LocalRoutingDomain d(3, MilliSeconds(10), MilliSeconds(2), 2);
        d.GetLmaExtension("lma2")->SetAttribute("AllowLocalRouting", BooleanValue(false));
        InterLmaRecorder rec(d);
        d.AddMobileNode("mn1@ilro", "mag1", Seconds(1));
        d.AddMobileNode("mn2@ilro", "mag2", Seconds(1));
        uint32_t up = d.AddFlow("mn1@ilro", "mn2@ilro", Seconds(3), Seconds(4), MilliSeconds(10));
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(rec.Sequence(),
                              "mag1>lma1 LROREQ(0), lma1>mag1 LRORSP(3), mag1>lma2 LROREQ(3), "
                              "lma2>mag1 LRORSP(0)",
                              "refused by LMA2");
        uint32_t total = 0;
        uint32_t n = CountHops(d.GetSamples(up), Seconds(3), Seconds(4), LMA_PATH_HOPS, total);
        NS_TEST_EXPECT_MSG_EQ(total, 100u, "delivered");
        NS_TEST_EXPECT_MSG_EQ(n, total, "through both LMAs");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension("lma1")->GetInterLmaRelayedCount(),
                              100u,
                              "each packet counted at lma1");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension("lma2")->GetInterLmaRelayedCount(),
                              100u,
                              "and at lma2");
        Finish();
    }
};

/**
 * \brief Figure A.2, LMA-initiated across two LMAs: LMA1 detects the relayed traffic and sends
 * LMA2 an LMA RO Start Request (MN1 with Proxy-CoA1, MN2 with Proxy-CoA zero); LMA2 answers
 * (status 0, Proxy-CoA2 filled in) and sends MAG2 an LROREQ (LRI 3); LMA1 sends MAG1 one; the
 * MAGs answer with LRORSPs and exchange PBU/PBA; then neither LMA relays a packet of the pair.
 */
class LmaInitiatedInterLmaTest : public InterLmaCase
{
  public:
    LmaInitiatedInterLmaTest()
        : InterLmaCase("inter-LMA, LMA-initiated (A.1, A.2)")
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        Config::SetDefault("ns3::MagLocalRoutingExtension::EnableDetectLocalRouting",
                           BooleanValue(false));
        Config::SetDefault("ns3::LmaLocalRoutingExtension::EnableDetectLocalRouting",
                           BooleanValue(true));
        Pmipv6LocalRoutingDomain d(3, MilliSeconds(10), MilliSeconds(2), 2);
        // the figure's case: LMA1 triggers
        d.GetLmaExtension("lma2")->SetAttribute("EnableDetectLocalRouting", BooleanValue(false));
        InterLmaRecorder rec(d);
        Pmipv6TopologyHelper& topo = d.GetTopology();
        d.AddMobileNode("mn1@ilro", "mag1", Seconds(1));
        d.AddMobileNode("mn2@ilro", "mag2", Seconds(1));
        uint32_t up = d.AddFlow("mn1@ilro", "mn2@ilro", Seconds(3), Seconds(6), MilliSeconds(10));
        uint32_t down = d.AddFlow("mn2@ilro", "mn1@ilro", Seconds(3), Seconds(6), MilliSeconds(10));
        uint64_t relayed1 = 0;
        uint64_t relayed2 = 0;
        Simulator::Schedule(Seconds(4), [&]() {
            relayed1 = d.GetLmaExtension("lma1")->GetInterLmaRelayedCount();
            relayed2 = d.GetLmaExtension("lma2")->GetInterLmaRelayedCount();
        });
        Simulator::Stop(Seconds(7));
        Simulator::Run();

        std::string seq = rec.Sequence();
        std::vector<std::string> order = {"lma1>lma2 LMAROStartReq",
                                          "lma2>lma1 LMAROStartRsp(0)",
                                          "lma1>mag1 LROREQ(3)",
                                          "mag1>lma1 LRORSP(3)"};
        std::vector<std::string> order2 = {"lma2>lma1 LMAROStartRsp(0)",
                                           "lma2>mag2 LROREQ(3)",
                                           "mag2>lma2 LRORSP(3)"};
        for (const auto& o : {order, order2})
        {
            size_t at = 0;
            for (const auto& m : o)
            {
                size_t pos = seq.find(m, at);
                NS_TEST_EXPECT_MSG_NE(pos, std::string::npos, m << " in order; sequence: " << seq);
                at = pos == std::string::npos ? at : pos;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(seq.substr(0, 51),
                              "lma1>lma2 LMAROStartReq, lma2>lma1 LMAROStartRsp(0)",
                              "A.2 starts with the LMA RO Start exchange; sequence: " << seq);
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension("lma1")->GetRoStartRequestCount(), 1u, "one");
        NS_TEST_EXPECT_MSG_NE(seq.find("mag1>mag2 PBU"), std::string::npos, "MAG1 -> MAG2 PBU");
        NS_TEST_EXPECT_MSG_NE(seq.find("mag2>mag1 PBU"), std::string::npos, "MAG2 -> MAG1 PBU");
        // LMA2 sends its LROREQ with its response, so MAG2 (nearer) answers and sends its PBU
        // before LMA1's LROREQ reaches MAG1; MAG1 accepts it as in Figure 2
        size_t firstPbu = std::min(seq.find("mag1>mag2 PBU"), seq.find("mag2>mag1 PBU"));
        NS_TEST_EXPECT_MSG_GT(firstPbu,
                              seq.find("lma2>mag2 LROREQ(3)"),
                              "PBU/PBA after an LROREQ; sequence: " << seq);

        Ipv6Address mag1 = topo.GetMag("mag1")->GetProxyCoa();
        Ipv6Address mag2 = topo.GetMag("mag2")->GetProxyCoa();
        Ipv6Address mn1 = topo.GetHomeAddress("mn1@ilro");
        Ipv6Address mn2 = topo.GetHomeAddress("mn2@ilro");
        // A.1.1: MN1 with Proxy-CoA1, then MN2 with Proxy-CoA zero
        LmaRoStartRequestHeader req;
        NS_TEST_ASSERT_MSG_EQ(DecodeMessage(rec.Find("lma1>lma2 LMAROStartReq"), req),
                              true,
                              "LMA RO Start Request decodes");
        std::vector<Ptr<MnCnPairOption>> pairs = req.GetOptions().FindAll<MnCnPairOption>();
        NS_TEST_ASSERT_MSG_EQ(pairs.size(), 2u, "a pair of MN-CN pair options");
        NS_TEST_EXPECT_MSG_EQ(pairs[0]->GetHomeNetworkPrefix(),
                              mn1.CombinePrefix(Ipv6Prefix(64)),
                              "first MN1");
        NS_TEST_EXPECT_MSG_EQ(pairs[0]->GetProxyCoa(), mag1, "with Proxy-CoA1");
        NS_TEST_EXPECT_MSG_EQ(pairs[1]->GetHomeNetworkPrefix(),
                              mn2.CombinePrefix(Ipv6Prefix(64)),
                              "then MN2");
        NS_TEST_EXPECT_MSG_EQ(pairs[1]->GetProxyCoa(), Ipv6Address::GetAny(), "Proxy-CoA zero");
        NS_TEST_EXPECT_MSG_EQ(req.GetLifetime(), 120u, "lifetime in seconds");
        // A.1.2: copied, Proxy-CoA2 filled in
        LmaRoStartResponseHeader rsp;
        NS_TEST_ASSERT_MSG_EQ(DecodeMessage(rec.Find("lma2>lma1 LMAROStartRsp(0)"), rsp),
                              true,
                              "LMA RO Start Response decodes");
        NS_TEST_EXPECT_MSG_EQ(rsp.GetSequence(), req.GetSequence(), "sequence echoed");
        pairs = rsp.GetOptions().FindAll<MnCnPairOption>();
        NS_TEST_ASSERT_MSG_EQ(pairs.size(), 2u, "the pair copied");
        NS_TEST_EXPECT_MSG_EQ(pairs[0]->GetProxyCoa(), mag1, "Proxy-CoA1");
        NS_TEST_EXPECT_MSG_EQ(pairs[1]->GetProxyCoa(), mag2, "Proxy-CoA2 filled in");
        // LROREQ to MAG1: its MN first, then the peer at MAG2
        LocalRoutingOptimizationRequestHeader lroreq;
        NS_TEST_ASSERT_MSG_EQ(DecodeMessage(rec.Find("lma1>mag1 LROREQ(3)"), lroreq),
                              true,
                              "LROREQ decodes");
        pairs = lroreq.GetOptions().FindAll<MnCnPairOption>();
        NS_TEST_ASSERT_MSG_EQ(pairs.size(), 2u, "two MN-CN pair options");
        NS_TEST_EXPECT_MSG_EQ(pairs[0]->GetProxyCoa(), mag1, "MN1 and Proxy-CoA1");
        NS_TEST_EXPECT_MSG_EQ(pairs[1]->GetProxyCoa(), mag2, "MN2 and Proxy-CoA2");

        for (uint32_t flow : {up, down})
        {
            uint32_t total = 0;
            uint32_t n = CountHops(d.GetSamples(flow), Seconds(4), Seconds(6), LOCAL_HOPS, total);
            NS_TEST_EXPECT_MSG_EQ(total, 200u, "delivered");
            NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG, bypassing both LMAs");
        }
        NS_TEST_EXPECT_MSG_GT(relayed1, 0u, "lma1 relayed the pair before");
        NS_TEST_EXPECT_MSG_GT(relayed2, 0u, "lma2 too");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension("lma1")->GetInterLmaRelayedCount(),
                              relayed1,
                              "lma1 bypassed");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension("lma2")->GetInterLmaRelayedCount(),
                              relayed2,
                              "lma2 bypassed");
        Finish();
    }
};

/**
 * \brief Handover of MN1 (mag1 -> mag3, both under lma1) during an inter-LMA optimised session:
 * the old MAG de-registers MN1 at MAG2 (the pair falls back to the LMA path at once), then the
 * route follows MN1 (MAG-initiated: mag3 runs Figure 6 again; LMA-initiated: lma1 sends a new
 * LMA RO Start Request with the new Proxy-CoA); no packet is black-holed beyond the handover.
 */
class InterLmaHandoverTest : public InterLmaCase
{
  public:
    /**
     * \brief The case.
     * \param lmaInitiated A.2 rather than Figure 6
     */
    explicit InterLmaHandoverTest(bool lmaInitiated)
        : InterLmaCase(lmaInitiated ? "inter-LMA handover, LMA-initiated (A.2)"
                                    : "inter-LMA handover, MAG-initiated (7)"),
          m_lmaInitiated(lmaInitiated)
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        if (m_lmaInitiated)
        {
            Config::SetDefault("ns3::MagLocalRoutingExtension::EnableDetectLocalRouting",
                               BooleanValue(false));
            Config::SetDefault("ns3::LmaLocalRoutingExtension::EnableDetectLocalRouting",
                               BooleanValue(true));
        }
        Pmipv6LocalRoutingDomain d(3, MilliSeconds(10), MilliSeconds(2), 2);
        InterLmaRecorder rec(d);
        NS_TEST_ASSERT_MSG_EQ(d.GetTopology().GetMagLma("mag3"), "lma1", "mag3 under lma1");
        d.AddMobileNode("mn1@ilro", "mag1", Seconds(1));
        d.AddMobileNode("mn2@ilro", "mag2", Seconds(1));
        d.GetTopology().ScheduleMove("mn1@ilro", "mag3", Seconds(5), MilliSeconds(50));
        uint32_t up = d.AddFlow("mn1@ilro", "mn2@ilro", Seconds(3), Seconds(9), MilliSeconds(10));
        uint32_t down = d.AddFlow("mn2@ilro", "mn1@ilro", Seconds(3), Seconds(9), MilliSeconds(10));
        uint64_t relayed1 = 0;
        uint64_t relayed2 = 0;
        Simulator::Schedule(Seconds(7), [&]() {
            relayed1 = d.GetLmaExtension("lma1")->GetInterLmaRelayedCount();
            relayed2 = d.GetLmaExtension("lma2")->GetInterLmaRelayedCount();
        });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        std::string after = rec.Sequence(Seconds(5));
        NS_TEST_EXPECT_MSG_EQ(after.substr(0, 35),
                              "mag1>mag2 PBU(0), mag2>mag1 PBA(0),",
                              "de-registration at MAG2 first; sequence: " << after);
        if (m_lmaInitiated)
        {
            size_t req = after.find("lma1>lma2 LMAROStartReq");
            size_t rsp = after.find("lma2>lma1 LMAROStartRsp(0)");
            size_t lroreq = after.find("lma2>mag2 LROREQ(3)");
            NS_TEST_EXPECT_MSG_NE(req, std::string::npos, "lma1 starts again; " << after);
            NS_TEST_EXPECT_MSG_NE(rsp, std::string::npos, "lma2 accepts; " << after);
            NS_TEST_EXPECT_MSG_NE(lroreq, std::string::npos, "lma2 tells mag2; " << after);
            NS_TEST_EXPECT_MSG_LT(req, rsp, "request, then response");
            NS_TEST_EXPECT_MSG_LT(rsp, lroreq, "response, then LROREQ");
            NS_TEST_EXPECT_MSG_NE(after.find("lma1>mag3 LROREQ(3)"),
                                  std::string::npos,
                                  "the new MAG is told");
        }
        else
        {
            size_t req1 = after.find("mag3>lma1 LROREQ(0)");
            size_t rsp1 = after.find("lma1>mag3 LRORSP(3)");
            size_t req2 = after.find("mag3>lma2 LROREQ(3)");
            size_t rsp2 = after.find("lma2>mag3 LRORSP(3)");
            NS_TEST_EXPECT_MSG_NE(rsp2, std::string::npos, "Figure 6 from mag3; " << after);
            NS_TEST_EXPECT_MSG_LT(req1, rsp1, "LROREQ(CN), LRORSP(LMA2)");
            NS_TEST_EXPECT_MSG_LT(rsp1, req2, "then LROREQ to LMA2");
            NS_TEST_EXPECT_MSG_LT(req2, rsp2, "then LRORSP(CN, MAG2)");
        }
        NS_TEST_EXPECT_MSG_NE(after.find("mag3>mag2 PBU"), std::string::npos, "nMAG1 -> MAG2");
        NS_TEST_EXPECT_MSG_NE(after.find("mag2>mag3 PBU"), std::string::npos, "MAG2 -> nMAG1");
        for (uint32_t flow : {up, down})
        {
            const auto& samples = d.GetSamples(flow);
            uint32_t total = 0;
            uint32_t n = CountHops(samples, Seconds(4), Seconds(5), LOCAL_HOPS, total);
            NS_TEST_EXPECT_MSG_EQ(total, 100u, "delivered before the move");
            NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG before the move");
            n = CountHops(samples, Seconds(7), Seconds(9), LOCAL_HOPS, total);
            NS_TEST_EXPECT_MSG_EQ(total, 200u, "delivered after the move");
            NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG again after the move (via mag3)");
            uint32_t lost = d.GetSentCount(flow) - samples.size();
            NS_TEST_EXPECT_MSG_LT(lost, 20u, "no black hole beyond the handover itself");
        }
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension("lma1")->GetInterLmaRelayedCount(),
                              relayed1,
                              "lma1 relays nothing once the route followed");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension("lma2")->GetInterLmaRelayedCount(),
                              relayed2,
                              "lma2 relays nothing once the route followed");
        Finish();
    }

    bool m_lmaInitiated; ///< A.2 rather than Figure 6
};

/**
 * \brief The prefix directory of 7 (a): longest prefix match, this LMA's own blocks not "peer".
 */
class PrefixDirectoryTest : public InterLmaCase
{
  public:
    PrefixDirectoryTest()
        : InterLmaCase("LMA prefix directory (7 a)")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<LmaPrefixDirectory> dir = CreateObject<LmaPrefixDirectory>();
        Ipv6Address lma1("2001:db8::1");
        Ipv6Address lma2("2001:db8::2");
        dir->Add(HomeNetworkPrefix(Ipv6Address("2001:1:1::"), 48), lma1);
        dir->Add(HomeNetworkPrefix(Ipv6Address("2001:1::"), 32), lma2);
        Ipv6Address lma;
        NS_TEST_EXPECT_MSG_EQ(dir->Lookup(Ipv6Address("2001:1:1:5::1"), lma), true, "found");
        NS_TEST_EXPECT_MSG_EQ(lma, lma1, "longest match");
        NS_TEST_EXPECT_MSG_EQ(dir->Lookup(Ipv6Address("2001:1:2:5::1"), lma), true, "found");
        NS_TEST_EXPECT_MSG_EQ(lma, lma2, "shorter block");
        NS_TEST_EXPECT_MSG_EQ(dir->Lookup(Ipv6Address("2001:2::1"), lma), false, "no block");
        NS_TEST_EXPECT_MSG_EQ(dir->Remove(HomeNetworkPrefix(Ipv6Address("2001:1:1::"), 48)),
                              true,
                              "removed");
        NS_TEST_EXPECT_MSG_EQ(dir->Lookup(Ipv6Address("2001:1:1:5::1"), lma), true, "found");
        NS_TEST_EXPECT_MSG_EQ(lma, lma2, "the /32 now");
        NS_TEST_EXPECT_MSG_EQ(dir->GetSize(), 1u, "one block");
    }
};

/// The suite.
class InterLmaLocalRoutingTestSuite : public TestSuite
{
  public:
    InterLmaLocalRoutingTestSuite()
        : TestSuite("pmipv6-inter-lma-local-routing", UNIT)
    {
        AddTestCase(new PrefixDirectoryTest, TestCase::QUICK);
        AddTestCase(new MagInitiatedInterLmaTest, TestCase::QUICK);
        AddTestCase(new InterLmaRefusedTest, TestCase::QUICK);
        AddTestCase(new LmaInitiatedInterLmaTest, TestCase::QUICK);
        AddTestCase(new InterLmaHandoverTest(false), TestCase::QUICK);
        AddTestCase(new InterLmaHandoverTest(true), TestCase::QUICK);
    }
};

/// The suite instance.
static InterLmaLocalRoutingTestSuite g_interLmaLocalRoutingTestSuite;

} // namespace
