/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Local routing optimization (draft-wu-netext-local-ro-02): the message sequences of Figures 2,
 * 4 and 5 on the wire, the pair's packets bypassing the LMA (counted at the LMA and seen in the
 * hop count), refusal by LRI 0, status 129, teardown and handover.
 */

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/local-routing-domain.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/test.h"

#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// One Mobility Header message sent, as "SRC>DST TYPE" (e.g. "mag1>lma LROREQ(0)").
struct Message
{
    Time at;          ///< when
    std::string text; ///< description
};

/**
 * \brief Records the local routing messages every agent of a domain sends (not the RFC 5213
 * registrations between MAGs and the LMA).
 */
class Recorder
{
  public:
    /**
     * \brief Connect to the Tx traces of the LMA and the MAGs.
     * \param d the domain
     */
    explicit Recorder(Pmipv6LocalRoutingDomain& d)
    {
        Pmipv6TopologyHelper& topo = d.GetTopology();
        m_names[topo.GetLma("lma")->GetAddress()] = "lma";
        for (const auto& mag : topo.GetMagNames())
        {
            m_names[topo.GetMag(mag)->GetProxyCoa()] = mag;
        }
        // MobilityL4Protocol is installed when the agents start: connect then.
        Simulator::Schedule(Seconds(0.5), &Recorder::Connect, this, &d);
    }

    /**
     * \brief Connect the traces.
     * \param d the domain
     */
    void Connect(Pmipv6LocalRoutingDomain* d)
    {
        Pmipv6TopologyHelper& topo = d->GetTopology();
        topo.GetLma("lma")->GetMobilityProtocol()->TraceConnectWithoutContext(
            "Tx",
            MakeCallback(&Recorder::Tx, this));
        for (const auto& mag : topo.GetMagNames())
        {
            topo.GetMag(mag)->GetMobilityProtocol()->TraceConnectWithoutContext(
                "Tx",
                MakeCallback(&Recorder::Tx, this));
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
        std::ostringstream os;
        os << from << ">" << to << " ";
        switch (b[2])
        {
        case mip6::MH_BINDING_UPDATE:
            if (from == "lma" || to == "lma")
            {
                return; // RFC 5213 registration
            }
            os << "PBU" << (b[10] == 0 && b[11] == 0 ? "(0)" : "");
            break;
        case mip6::MH_BINDING_ACK:
            if (from == "lma" || to == "lma")
            {
                return;
            }
            os << "PBA(" << +b[6] << ")";
            break;
        case mip6::MH_LOCAL_ROUTING_OPTIMIZATION:
            os << ((b[8] & mip6::LRO_FLAG_R) ? "LRORSP(" : "LROREQ(")
               << +((b[8] & mip6::LRO_LRI_MASK) >> mip6::LRO_LRI_SHIFT) << ")";
            break;
        default:
            return;
        }
        m_messages.push_back(Message{Simulator::Now(), os.str()});
        m_packets.push_back(p->Copy());
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
     * \param to ... and before this time
     * \return the text
     */
    std::string Sequence(Time from = Seconds(0), Time to = Seconds(1e6)) const
    {
        std::string s;
        for (const auto& m : m_messages)
        {
            if (m.at >= from && m.at < to)
            {
                s += (s.empty() ? "" : ", ") + m.text;
            }
        }
        return s;
    }

    std::map<Ipv6Address, std::string> m_names; ///< agent names
    std::vector<Message> m_messages;            ///< messages sent
    std::vector<Ptr<Packet>> m_packets;         ///< the same, as sent
};

/**
 * \brief Samples of a flow received in a time window, and how many of them took \p hops.
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

/// Base of the cases: a fresh seed and a clean simulator.
class LocalRoutingCase : public TestCase
{
  public:
    /**
     * \brief A case.
     * \param name its name
     */
    explicit LocalRoutingCase(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /// \brief Fixed seed.
    void Seed()
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
    }
};

/**
 * \brief Figure 2, intra-LMA, MAG-initiated: LROREQ (LRI 0) to the LMA, LRORSP with LRI 2 naming
 * the CN's MAG, PBU/PBA in both directions between the MAGs; then the pair's packets go MAG-MAG
 * (2 hops, none relayed by the LMA) in both directions.
 */
class IntraLmaMagInitiatedTest : public LocalRoutingCase
{
  public:
    IntraLmaMagInitiatedTest()
        : LocalRoutingCase("intra-LMA, MAG-initiated (Figure 2): wire sequence, LMA bypassed")
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        Pmipv6LocalRoutingDomain d;
        Recorder rec(d);
        d.AddMobileNode("mn1@lro", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lro", "mag2", Seconds(1));
        uint32_t up = d.AddFlow("mn1@lro", "mn2@lro", Seconds(3), Seconds(6), MilliSeconds(20));
        // the reverse flow starts once the pair is optimised (else mag2 detects it as well)
        uint32_t down = d.AddFlow("mn2@lro", "mn1@lro", Seconds(3.5), Seconds(6), MilliSeconds(20));
        uint64_t relayedAt4 = 0;
        Simulator::Schedule(Seconds(4),
                            [&]() { relayedAt4 = d.GetLmaExtension()->GetRelayedCount(); });
        Simulator::Stop(Seconds(7));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(rec.Sequence(),
                              "mag1>lma LROREQ(0), lma>mag1 LRORSP(2), mag1>mag2 PBU, "
                              "mag2>mag1 PBA(0), mag2>mag1 PBU, mag1>mag2 PBA(0)",
                              "Figure 2 on the wire");
        // The LRORSP names the CN's MAG in an MN-CN pair option.
        LocalRoutingOptimizationResponseHeader rsp;
        NS_TEST_ASSERT_MSG_EQ((rec.m_packets.size() >= 2), true, "LRORSP sent");
        if (IsStatusFailure())
        {
            Simulator::Destroy();
            Config::Reset();
            return;
        }
        NS_TEST_ASSERT_MSG_EQ((rec.m_packets[1]->PeekHeader(rsp) > 0), true, "LRORSP decodes");
        if (IsStatusFailure())
        {
            Simulator::Destroy();
            Config::Reset();
            return;
        }
        std::vector<Ptr<MnCnPairOption>> pairs = rsp.GetOptions().FindAll<MnCnPairOption>();
        NS_TEST_ASSERT_MSG_EQ(pairs.size(), 2u, "MN and CN pair options");
        if (IsStatusFailure())
        {
            Simulator::Destroy();
            Config::Reset();
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(pairs[1]->GetProxyCoa(),
                              d.GetTopology().GetMag("mag2")->GetProxyCoa(),
                              "LRI 2 names the CN's MAG");
        NS_TEST_EXPECT_MSG_EQ(
            HomeNetworkPrefix(pairs[1]->GetHomeNetworkPrefix(), pairs[1]->GetPrefixLength()),
            d.GetTopology().GetHomeNetworkPrefix("mn2@lro"),
            "the CN's HNP");

        // The first packet went through the LMA (3 hops), the last ones MAG-MAG (2 hops).
        const auto& upSamples = d.GetSamples(up);
        NS_TEST_ASSERT_MSG_GT(upSamples.size(), 0u, "uplink flow delivered");
        if (IsStatusFailure())
        {
            Simulator::Destroy();
            Config::Reset();
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(upSamples.front().hops, 3u, "first packet via the LMA");
        uint32_t total = 0;
        uint32_t local = CountHops(upSamples, Seconds(4), Seconds(6), 2, total);
        NS_TEST_EXPECT_MSG_EQ(total, 100u, "every packet sent after set-up arrived");
        NS_TEST_EXPECT_MSG_EQ(local, total, "... MAG-MAG");
        local = CountHops(d.GetSamples(down), Seconds(4), Seconds(6), 2, total);
        NS_TEST_EXPECT_MSG_EQ(total, 100u, "reverse direction delivered");
        NS_TEST_EXPECT_MSG_EQ(local, total, "... MAG-MAG too");
        NS_TEST_EXPECT_MSG_GT(relayedAt4, 0u, "the LMA relayed the first packets");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension()->GetRelayedCount(),
                              relayedAt4,
                              "the LMA relays none of the pair's packets once optimised");
        NS_TEST_EXPECT_MSG_EQ(d.GetSentCount(up), upSamples.size(), "no packet lost");
        Simulator::Destroy();
    }
};

/**
 * \brief The LMA refuses (AllowLocalRouting false): LRORSP with LRI 0, no PBU, every packet
 * through the LMA.
 */
class RefusedByLmaTest : public LocalRoutingCase
{
  public:
    RefusedByLmaTest()
        : LocalRoutingCase("LMA refuses with LRI 0: no MAG-MAG signalling, LMA path kept")
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        Pmipv6LocalRoutingDomain d;
        d.GetLmaExtension()->SetAttribute("AllowLocalRouting", BooleanValue(false));
        Recorder rec(d);
        d.AddMobileNode("mn1@lro", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lro", "mag2", Seconds(1));
        uint32_t up = d.AddFlow("mn1@lro", "mn2@lro", Seconds(3), Seconds(5), MilliSeconds(50));
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(rec.Sequence(),
                              "mag1>lma LROREQ(0), lma>mag1 LRORSP(0)",
                              "one refused request (hold down after it)");
        uint32_t total = 0;
        uint32_t viaLma = CountHops(d.GetSamples(up), Seconds(0), Seconds(5), 3, total);
        NS_TEST_EXPECT_MSG_EQ(total, 40u, "all delivered");
        NS_TEST_EXPECT_MSG_EQ(viaLma, total, "all through the LMA");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension()->GetRelayedCount(), 40u, "relayed by the LMA");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension()->GetResponseCount(0), 1u, "LRI 0 counted");
        Simulator::Destroy();
    }
};

/**
 * \brief The CN's MAG does not allow local routing: its PBA has status 129, the requesting MAG
 * gives the pair up and the traffic stays on the LMA path.
 */
class Status129Test : public LocalRoutingCase
{
  public:
    Status129Test()
        : LocalRoutingCase("peer MAG without the LocalRouting flag answers the PBU with 129")
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        Pmipv6LocalRoutingDomain d;
        d.GetMagExtension("mag2")->SetAttribute("AllowLocalRouting", BooleanValue(false));
        Recorder rec(d);
        std::vector<std::string> states;
        d.GetMagExtension("mag1")->TraceConnectWithoutContext(
            "PairState",
            Callback<void, Ipv6Address, Ipv6Address, uint8_t, Ipv6Address, const std::string&>(
                [&states](Ipv6Address, Ipv6Address, uint8_t, Ipv6Address, const std::string& s) {
                    states.push_back(s);
                }));
        d.AddMobileNode("mn1@lro", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lro", "mag2", Seconds(1));
        uint32_t up = d.AddFlow("mn1@lro", "mn2@lro", Seconds(3), Seconds(5), MilliSeconds(50));
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(rec.Sequence(),
                              "mag1>lma LROREQ(0), lma>mag1 LRORSP(2), mag1>mag2 PBU, "
                              "mag2>mag1 PBA(129)",
                              "PBU refused with status 129");
        NS_TEST_EXPECT_MSG_EQ(d.GetMagExtension("mag2")->GetPeerPbaCount(129), 1u, "129 sent");
        std::string seq;
        for (const auto& s : states)
        {
            seq += s + " ";
        }
        NS_TEST_EXPECT_MSG_EQ(seq, "REQUESTING ALLOWED REFUSED ", "pair states at mag1");
        uint32_t total = 0;
        uint32_t viaLma = CountHops(d.GetSamples(up), Seconds(0), Seconds(5), 3, total);
        NS_TEST_EXPECT_MSG_EQ(total, 40u, "all delivered");
        NS_TEST_EXPECT_MSG_EQ(viaLma, total, "all through the LMA");
        NS_TEST_EXPECT_MSG_EQ(d.GetMagExtension("mag1")->GetRouteTable()->GetRouteCount(),
                              0u,
                              "no local route");
        Simulator::Destroy();
    }
};

/**
 * \brief Teardown on request (API trigger, then TearDown) and on lifetime expiry: the peer MAG
 * is told with a PBU of lifetime 0 and both fall back to the LMA path.
 */
class TeardownTest : public LocalRoutingCase
{
  public:
    TeardownTest()
        : LocalRoutingCase("teardown on request and on lifetime expiry, back to the LMA path")
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        // No detection policy: only the API starts local routing.
        Config::SetDefault("ns3::MagLocalRoutingExtension::Policy",
                           PointerValue(CreateObject<LocalRoutingPolicy>()));
        Pmipv6LocalRoutingDomain d;
        d.GetMagExtension("mag1")->SetAttribute("Lifetime", TimeValue(Seconds(8)));
        Recorder rec(d);
        d.AddMobileNode("mn1@lro", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lro", "mag2", Seconds(1));
        uint32_t up = d.AddFlow("mn1@lro", "mn2@lro", Seconds(2), Seconds(20), MilliSeconds(50));
        Pmipv6TopologyHelper& topo = d.GetTopology();
        Ipv6Address mn1 = topo.GetHomeAddress("mn1@lro");
        Ipv6Address mn2 = topo.GetHomeAddress("mn2@lro");
        Ptr<MagLocalRoutingExtension> mag1 = d.GetMagExtension("mag1");
        Ptr<MagLocalRoutingExtension> mag2 = d.GetMagExtension("mag2");
        bool routedBefore = true;
        bool routedAt4 = false;
        bool peerRoutedAt4 = false;
        bool routedAt6 = true;
        bool peerRoutedAt6 = true;
        bool routedAt9 = false;
        bool routedAt18 = true;
        Simulator::Schedule(Seconds(2.9), [&]() {
            routedBefore = mag1->HasLocalRoute(mn1, mn2);
            NS_TEST_EXPECT_MSG_EQ(mag1->RequestLocalRouting(mn1, mn2), true, "API trigger");
        });
        Simulator::Schedule(Seconds(4), [&]() {
            routedAt4 = mag1->HasLocalRoute(mn1, mn2);
            peerRoutedAt4 = mag2->HasLocalRoute(mn2, mn1);
            NS_TEST_EXPECT_MSG_EQ(mag1->TearDown(mn1, mn2), true, "teardown on request");
        });
        Simulator::Schedule(Seconds(6), [&]() {
            routedAt6 = mag1->HasLocalRoute(mn1, mn2);
            peerRoutedAt6 = mag2->HasLocalRoute(mn2, mn1);
            mag1->RequestLocalRouting(mn1, mn2);
        });
        Simulator::Schedule(Seconds(9), [&]() { routedAt9 = mag1->HasLocalRoute(mn1, mn2); });
        // lifetime 8 s from 6 s: gone at 14 s (rounded up to the PBU's 4 s units: 8 s)
        Simulator::Schedule(Seconds(18), [&]() { routedAt18 = mag1->HasLocalRoute(mn1, mn2); });
        Simulator::Stop(Seconds(21));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(routedBefore, false, "no local route before the request");
        NS_TEST_EXPECT_MSG_EQ(routedAt4, true, "local route after the request");
        NS_TEST_EXPECT_MSG_EQ(peerRoutedAt4, true, "... at the peer MAG too");
        NS_TEST_EXPECT_MSG_EQ(routedAt6, false, "removed on request");
        NS_TEST_EXPECT_MSG_EQ(peerRoutedAt6, false, "... at the peer MAG too (PBU lifetime 0)");
        NS_TEST_EXPECT_MSG_EQ(routedAt9, true, "requested again");
        NS_TEST_EXPECT_MSG_EQ(routedAt18, false, "expired with its lifetime");
        NS_TEST_EXPECT_MSG_EQ(rec.Sequence(Seconds(4)).substr(0, 18),
                              "mag1>mag2 PBU(0), ",
                              "the teardown PBU has lifetime 0");
        uint32_t total = 0;
        uint32_t n = CountHops(d.GetSamples(up), Seconds(3.5), Seconds(4), 2, total);
        NS_TEST_EXPECT_MSG_EQ(n, total, "local while set up");
        n = CountHops(d.GetSamples(up), Seconds(4.1), Seconds(6), 3, total);
        NS_TEST_EXPECT_MSG_EQ(n, total, "via the LMA after the teardown");
        n = CountHops(d.GetSamples(up), Seconds(15), Seconds(20), 3, total);
        NS_TEST_EXPECT_MSG_EQ(n, total, "via the LMA after the expiry");
        NS_TEST_EXPECT_MSG_EQ(d.GetSentCount(up), d.GetSamples(up).size(), "no packet lost");
        Simulator::Destroy();
        Config::Reset();
    }
};

/**
 * \brief Intra-MAG (both MNs at mag1), negotiated: LROREQ with LRI 1, LRORSP with LRI 1, then
 * one hop (the MAG) between the MNs and nothing through the LMA.
 */
class IntraMagTest : public LocalRoutingCase
{
  public:
    IntraMagTest()
        : LocalRoutingCase("intra-MAG, negotiated with the LMA (LRI 1)")
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        Pmipv6LocalRoutingDomain d;
        Recorder rec(d);
        d.AddMobileNode("mn1@lro", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lro", "mag1", Seconds(1));
        uint32_t up = d.AddFlow("mn1@lro", "mn2@lro", Seconds(3), Seconds(5), MilliSeconds(20));
        uint32_t down =
            d.AddFlow("mn2@lro", "mn1@lro", Seconds(3.01), Seconds(5), MilliSeconds(20));
        uint64_t relayedAt4 = 0;
        Simulator::Schedule(Seconds(4),
                            [&]() { relayedAt4 = d.GetLmaExtension()->GetRelayedCount(); });
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(rec.Sequence(),
                              "mag1>lma LROREQ(1), lma>mag1 LRORSP(1)",
                              "intra-MAG negotiation");
        uint32_t total = 0;
        uint32_t n = CountHops(d.GetSamples(up), Seconds(3.5), Seconds(5), 1, total);

        NS_TEST_EXPECT_MSG_EQ(total, 75u, "delivered");
        NS_TEST_EXPECT_MSG_EQ(n, total, "one hop: the MAG");
        n = CountHops(d.GetSamples(down), Seconds(3.5), Seconds(5), 1, total);
        NS_TEST_EXPECT_MSG_EQ(n, total, "both directions");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension()->GetRelayedCount(), relayedAt4, "LMA bypassed");
        Simulator::Destroy();
    }
};

/**
 * \brief Figure 4, LMA-initiated: the LMA detects relayed traffic and sends LROREQs (LRI 2,
 * two MN-CN pair options, Context Request) to both MAGs, which answer and exchange PBU/PBA.
 */
class LmaInitiatedTest : public LocalRoutingCase
{
  public:
    LmaInitiatedTest()
        : LocalRoutingCase("intra-LMA, LMA-initiated (Figure 4)")
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
        Pmipv6LocalRoutingDomain d;
        Recorder rec(d);
        d.AddMobileNode("mn1@lro", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lro", "mag2", Seconds(1));
        uint32_t up = d.AddFlow("mn1@lro", "mn2@lro", Seconds(3), Seconds(5), MilliSeconds(20));
        uint64_t relayedAt4 = 0;
        Simulator::Schedule(Seconds(4),
                            [&]() { relayedAt4 = d.GetLmaExtension()->GetRelayedCount(); });
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(rec.Sequence(),
                              "lma>mag1 LROREQ(2), lma>mag2 LROREQ(2), mag1>lma LRORSP(2), "
                              "mag1>mag2 PBU, mag2>lma LRORSP(2), mag2>mag1 PBU, "
                              "mag2>mag1 PBA(0), mag1>mag2 PBA(0)",
                              "Figure 4 on the wire (each MAG: LRORSP, then its PBU)");
        LocalRoutingOptimizationRequestHeader req;
        NS_TEST_ASSERT_MSG_EQ(rec.m_packets.empty(), false, "LROREQ sent");
        if (IsStatusFailure())
        {
            Simulator::Destroy();
            Config::Reset();
            return;
        }
        NS_TEST_ASSERT_MSG_EQ((rec.m_packets[0]->PeekHeader(req) > 0), true, "LROREQ decodes");
        if (IsStatusFailure())
        {
            Simulator::Destroy();
            Config::Reset();
            return;
        }
        std::vector<Ptr<MnCnPairOption>> pairs = req.GetOptions().FindAll<MnCnPairOption>();
        NS_TEST_ASSERT_MSG_EQ(pairs.size(), 2u, "two MN-CN pair options");
        if (IsStatusFailure())
        {
            Simulator::Destroy();
            Config::Reset();
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(pairs[0]->GetProxyCoa(),
                              d.GetTopology().GetMag("mag1")->GetProxyCoa(),
                              "first: the MAG's own MN");
        NS_TEST_EXPECT_MSG_EQ(pairs[1]->GetProxyCoa(),
                              d.GetTopology().GetMag("mag2")->GetProxyCoa(),
                              "second: the peer and its MAG");
        NS_TEST_EXPECT_MSG_EQ(static_cast<bool>(req.GetOptions().Find<ContextRequestOption>()),
                              true,
                              "Context Request option");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension()->GetMagResponseCount(2), 2u, "two LRORSPs");
        uint32_t total = 0;
        uint32_t n = CountHops(d.GetSamples(up), Seconds(4), Seconds(5), 2, total);
        NS_TEST_EXPECT_MSG_EQ(total, 50u, "delivered");
        NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension()->GetRelayedCount(), relayedAt4, "LMA bypassed");
        Simulator::Destroy();
        Config::Reset();
    }
};

/**
 * \brief Handover (4.1.1 / 4.2.1): mn1 moves from mag1 to mag3 during the optimised session.
 * The pair falls back to the LMA path when mn1 leaves and is optimised again from mag3 (MAG
 * -initiated: detected by mag3; LMA-initiated: re-initiated by the LMA, Figure 5). No packet is
 * lost outside the link switch, and at the end the pair is MAG-MAG again.
 */
class HandoverTest : public LocalRoutingCase
{
  public:
    /**
     * \brief The case.
     * \param lmaInitiated LMA-initiated (Figure 5) rather than MAG-initiated (Figure 3)
     */
    explicit HandoverTest(bool lmaInitiated)
        : LocalRoutingCase(lmaInitiated ? "handover, LMA-initiated (Figure 5)"
                                        : "handover, MAG-initiated (4.1.1)"),
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
        Pmipv6LocalRoutingDomain d;
        Recorder rec(d);
        d.AddMobileNode("mn1@lro", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lro", "mag2", Seconds(1));
        d.GetTopology().ScheduleMove("mn1@lro", "mag3", Seconds(5), MilliSeconds(50));
        uint32_t up = d.AddFlow("mn1@lro", "mn2@lro", Seconds(3), Seconds(9), MilliSeconds(10));
        uint32_t down = d.AddFlow("mn2@lro", "mn1@lro", Seconds(3), Seconds(9), MilliSeconds(10));
        uint64_t relayedAt8 = 0;
        Simulator::Schedule(Seconds(8),
                            [&]() { relayedAt8 = d.GetLmaExtension()->GetRelayedCount(); });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        std::string after = rec.Sequence(Seconds(5));
        // the old MAG de-registers mn1 at mn2's MAG (lifetime 0): mag2 falls back to the LMA
        NS_TEST_EXPECT_MSG_EQ(after.substr(0, 35),
                              "mag1>mag2 PBU(0), mag2>mag1 PBA(0),",
                              "de-registration at the old MAG first; sequence: " << after);
        if (m_lmaInitiated)
        {
            NS_TEST_EXPECT_MSG_NE(after.find("lma>mag3 LROREQ(2), lma>mag2 LROREQ(2)"),
                                  std::string::npos,
                                  "Figure 5: the LMA re-initiates with the new MAG and MAG2");
        }
        else
        {
            // 4.1.1 / Figure 3: the new MAG has the context from its registration and
            // exchanges PBU/PBA with MAG2 at once, without detection or LROREQ
            NS_TEST_EXPECT_MSG_NE(after.find("mag3>mag2 PBU, mag2>mag3 PBA(0), mag2>mag3 PBU, "
                                             "mag3>mag2 PBA(0)"),
                                  std::string::npos,
                                  "4.1.1: nMAG1 and MAG2 exchange PBU/PBA");
            NS_TEST_EXPECT_MSG_EQ(after.find("mag3>lma LROREQ"),
                                  std::string::npos,
                                  "no detection needed at the new MAG");
            NS_TEST_EXPECT_MSG_EQ(d.GetMagExtension("mag3")->GetContextPairCount(),
                                  1u,
                                  "one pair from the context");
        }
        NS_TEST_EXPECT_MSG_NE(after.find("mag3>mag2 PBU"), std::string::npos, "nMAG1 -> MAG2");
        NS_TEST_EXPECT_MSG_NE(after.find("mag2>mag3 PBU"), std::string::npos, "MAG2 -> nMAG1");
        for (uint32_t flow : {up, down})
        {
            const auto& samples = d.GetSamples(flow);
            uint32_t total = 0;
            uint32_t n = CountHops(samples, Seconds(4), Seconds(5), 2, total);
            NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG before the move");
            n = CountHops(samples, Seconds(6), Seconds(9), 2, total);
            NS_TEST_EXPECT_MSG_EQ(total, 300u, "delivered after the move");
            NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG again after the move (via mag3)");
            // packets lost: only those sent while mn1 was on no link (about 50 ms + registration)
            uint32_t lost = d.GetSentCount(flow) - samples.size();
            NS_TEST_EXPECT_MSG_LT(lost, 20u, "no black hole beyond the handover itself");
        }
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension()->GetRelayedCount(),
                              relayedAt8,
                              "the LMA relays nothing once the route followed");
        Simulator::Destroy();
        Config::Reset();
    }

    bool m_lmaInitiated; ///< Figure 5 rather than 4.1.1
};

/**
 * \brief Handover with context transfer (4.1.1, Figure 3), MAG-initiated pair set up by the API
 * (no detection at all): mn1 moves from mag1 to mag3; mag3's registration PBU asks for the
 * context (Context Request option), the LMA's PBA gives it (LRO option, MN-CN pairs), mag3 and
 * mag2 exchange PBU/PBA and the pair is MAG-MAG again. No packet of the pair is lost outside
 * the handover itself (from mn1's detachment to its registration at mag3). Without
 * ContextTransfer (the behaviour before it existed) the pair stays on the LMA path.
 */
class ContextTransferTest : public LocalRoutingCase
{
  public:
    /**
     * \brief The case.
     * \param enabled ContextTransfer on
     */
    explicit ContextTransferTest(bool enabled)
        : LocalRoutingCase(enabled ? "handover with context transfer (4.1.1, Figure 3), no "
                                     "packet black-holed beyond the handover"
                                   : "handover without context transfer: LMA path after it"),
          m_enabled(enabled)
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        Config::SetDefault("ns3::MagLocalRoutingExtension::Policy",
                           PointerValue(CreateObject<LocalRoutingPolicy>()));
        Config::SetDefault("ns3::MagLocalRoutingExtension::ContextTransfer",
                           BooleanValue(m_enabled));
        Pmipv6LocalRoutingDomain d;
        Recorder rec(d);
        Pmipv6TopologyHelper& topo = d.GetTopology();
        d.AddMobileNode("mn1@lro", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lro", "mag2", Seconds(1));
        Time moveAt = Seconds(5);
        topo.ScheduleMove("mn1@lro", "mag3", moveAt, MilliSeconds(50));
        uint32_t up = d.AddFlow("mn1@lro", "mn2@lro", Seconds(3), Seconds(9), MilliSeconds(10));
        uint32_t down = d.AddFlow("mn2@lro", "mn1@lro", Seconds(3), Seconds(9), MilliSeconds(10));
        Simulator::Schedule(Seconds(2.9), [&]() {
            NS_TEST_EXPECT_MSG_EQ(
                d.GetMagExtension("mag1")->RequestLocalRouting(topo.GetHomeAddress("mn1@lro"),
                                                               topo.GetHomeAddress("mn2@lro")),
                true,
                "API request");
        });
        Time registeredAt = Seconds(0);
        topo.GetMag("mag3")->TraceConnectWithoutContext(
            "RegistrationCompleted",
            Callback<void, const std::string&, Time, uint8_t>(
                [&](const std::string& mnId, Time, uint8_t) {
                    if (mnId == "mn1@lro")
                    {
                        registeredAt = Simulator::Now();
                    }
                }));
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        std::string after = rec.Sequence(moveAt);
        NS_TEST_EXPECT_MSG_GT(registeredAt, moveAt, "mn1 registered at mag3");
        if (!m_enabled)
        {
            NS_TEST_EXPECT_MSG_EQ(after,
                                  "mag1>mag2 PBU(0), mag2>mag1 PBA(0)",
                                  "only the old MAG's de-registration");
            uint32_t total = 0;
            uint32_t n =
                CountHops(d.GetSamples(up), registeredAt + Seconds(0.1), Seconds(9), 3, total);
            NS_TEST_EXPECT_MSG_EQ(n, total, "via the LMA after the handover");
            Simulator::Destroy();
            Config::Reset();
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(
            after,
            "mag1>mag2 PBU(0), mag2>mag1 PBA(0), mag3>mag2 PBU, mag2>mag3 PBA(0), "
            "mag2>mag3 PBU, mag3>mag2 PBA(0)",
            "de-registration at the old MAG, then Figure 3");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension()->GetContextAnswerCount(),
                              1u,
                              "one PBA with context (the handover; none at the first attach)");
        NS_TEST_EXPECT_MSG_EQ(d.GetMagExtension("mag3")->GetContextPairCount(), 1u, "adopted");
        NS_TEST_EXPECT_MSG_EQ(d.GetMagExtension("mag3")->GetRequestCount(), 0u, "no LROREQ");
        for (uint32_t flow : {up, down})
        {
            const auto& samples = d.GetSamples(flow);
            std::vector<bool> got(d.GetSentCount(flow), false);
            for (const auto& s : samples)
            {
                got.at(s.sequence) = true;
            }
            // probe i is sent at 3 s + i * 10 ms; the handover itself: from the detachment (a
            // packet already on its way to mag1 counts too) to the registration at mag3
            uint32_t lostOutside = 0;
            uint32_t lostInside = 0;
            for (uint32_t i = 0; i < got.size(); i++)
            {
                Time sent = Seconds(3) + MilliSeconds(10 * i);
                bool inHandover = sent >= moveAt - MilliSeconds(20) && sent <= registeredAt;
                lostOutside += (!got[i] && !inHandover) ? 1 : 0;
                lostInside += (!got[i] && inHandover) ? 1 : 0;
            }
            NS_TEST_EXPECT_MSG_EQ(lostOutside, 0u, "no packet lost outside the handover");
            NS_TEST_EXPECT_MSG_GT(lostInside, 0u, "(the link switch does lose packets)");
            uint32_t total = 0;
            uint32_t n = CountHops(samples, Seconds(3.1), moveAt, 2, total);
            NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG before the move");
            n = CountHops(samples, registeredAt + MilliSeconds(50), Seconds(9), 2, total);
            NS_TEST_EXPECT_MSG_GT(total, 350u, "delivered after the move");
            NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG again, via mag3");
        }
        Simulator::Destroy();
        Config::Reset();
    }

    bool m_enabled; ///< ContextTransfer
};

/**
 * \brief MAG-MAG binding refresh: with PeerBindingLifetime 4 s and a 12 s local routing
 * lifetime, mag1 refreshes its binding at mag2 every 3.2 s (and mag2 its own at mag1 in
 * answer) until the 12 s are over; then the bindings expire and the pair goes back to the LMA
 * path without losing a packet.
 */
class PeerRefreshTest : public LocalRoutingCase
{
  public:
    PeerRefreshTest()
        : LocalRoutingCase("MAG-MAG binding refreshed before it expires, torn down at the end "
                           "of the local routing lifetime")
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        Config::SetDefault("ns3::MagLocalRoutingExtension::Policy",
                           PointerValue(CreateObject<LocalRoutingPolicy>()));
        Config::SetDefault("ns3::MagLocalRoutingExtension::Lifetime", TimeValue(Seconds(12)));
        Config::SetDefault("ns3::MagLocalRoutingExtension::PeerBindingLifetime",
                           TimeValue(Seconds(4)));
        Pmipv6LocalRoutingDomain d;
        Recorder rec(d);
        Pmipv6TopologyHelper& topo = d.GetTopology();
        d.AddMobileNode("mn1@lro", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lro", "mag2", Seconds(1));
        uint32_t up = d.AddFlow("mn1@lro", "mn2@lro", Seconds(2), Seconds(20), MilliSeconds(50));
        uint32_t down = d.AddFlow("mn2@lro", "mn1@lro", Seconds(2), Seconds(20), MilliSeconds(50));
        Ipv6Address mn1 = topo.GetHomeAddress("mn1@lro");
        Ipv6Address mn2 = topo.GetHomeAddress("mn2@lro");
        Ptr<MagLocalRoutingExtension> mag1 = d.GetMagExtension("mag1");
        Ptr<MagLocalRoutingExtension> mag2 = d.GetMagExtension("mag2");
        Simulator::Schedule(Seconds(3), [&]() { mag1->RequestLocalRouting(mn1, mn2); });
        std::map<double, std::pair<bool, bool>> routed;
        for (double t : {3.5, 7.5, 11.5, 15.5, 17.5})
        {
            Simulator::Schedule(Seconds(t), [&, t]() {
                routed[t] = {mag1->HasLocalRoute(mn1, mn2), mag2->HasLocalRoute(mn2, mn1)};
            });
        }
        Simulator::Stop(Seconds(21));
        Simulator::Run();
        for (double t : {3.5, 7.5, 11.5, 15.5})
        {
            NS_TEST_EXPECT_MSG_EQ(routed[t].first, true, "local route at mag1 at " << t << " s");
            NS_TEST_EXPECT_MSG_EQ(routed[t].second, true, "local route at mag2 at " << t << " s");
        }
        NS_TEST_EXPECT_MSG_EQ(routed[17.5].first, false, "expired at mag1");
        NS_TEST_EXPECT_MSG_EQ(routed[17.5].second, false, "expired at mag2");
        NS_TEST_EXPECT_MSG_EQ(mag1->GetPeerRefreshCount(), 3u, "mag1 refreshed 3 times");
        NS_TEST_EXPECT_MSG_EQ(mag2->GetPeerRefreshCount(), 3u, "mag2 refreshed with it");
        NS_TEST_EXPECT_MSG_EQ(rec.Sequence(Seconds(6), Seconds(7)),
                              "mag1>mag2 PBU, mag2>mag1 PBA(0), mag2>mag1 PBU, mag1>mag2 PBA(0)",
                              "a refresh on the wire (before the first 4 s binding ends)");
        NS_TEST_EXPECT_MSG_EQ(rec.Sequence(Seconds(13), Seconds(21)),
                              "",
                              "no refresh beyond the local routing lifetime, no teardown PBU");
        for (uint32_t flow : {up, down})
        {
            uint32_t total = 0;
            uint32_t n = CountHops(d.GetSamples(flow), Seconds(3.1), Seconds(16), 2, total);
            NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG through the refreshes");
            n = CountHops(d.GetSamples(flow), Seconds(17), Seconds(20), 3, total);
            NS_TEST_EXPECT_MSG_EQ(n, total, "via the LMA after the expiry");
            NS_TEST_EXPECT_MSG_EQ(d.GetSentCount(flow), d.GetSamples(flow).size(), "none lost");
        }
        Simulator::Destroy();
        Config::Reset();
    }
};

/// The suite.
class LocalRoutingTestSuite : public TestSuite
{
  public:
    LocalRoutingTestSuite()
        : TestSuite("pmipv6-local-routing", UNIT)
    {
        AddTestCase(new IntraLmaMagInitiatedTest, TestCase::QUICK);
        AddTestCase(new RefusedByLmaTest, TestCase::QUICK);
        AddTestCase(new Status129Test, TestCase::QUICK);
        AddTestCase(new TeardownTest, TestCase::QUICK);
        AddTestCase(new IntraMagTest, TestCase::QUICK);
        AddTestCase(new LmaInitiatedTest, TestCase::QUICK);
        AddTestCase(new HandoverTest(false), TestCase::QUICK);
        AddTestCase(new HandoverTest(true), TestCase::QUICK);
        AddTestCase(new ContextTransferTest(true), TestCase::QUICK);
        AddTestCase(new ContextTransferTest(false), TestCase::QUICK);
        AddTestCase(new PeerRefreshTest, TestCase::QUICK);
    }
};

/// The suite instance.
static LocalRoutingTestSuite g_localRoutingTestSuite;

} // namespace
