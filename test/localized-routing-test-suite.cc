/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * RFC 6705 localized routing (LRI / LRA, MH 17 / 18) as the standard variant of the intra-LMA
 * local routing case (Protocol = Rfc6705 on LmaLocalRoutingExtension and
 * MagLocalRoutingExtension): the message sequence on the wire, the LMA relaying none of the
 * pair's packets while the localized route holds, refusal (LRA 128), teardown (LRI lifetime 0,
 * lifetime expiry) and a handover.
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

/**
 * \brief Records the local routing messages the agents of a domain send, as "SRC>DST TYPE"
 * (e.g. "lma>mag1 LRI(120)", "mag2>lma LRA(128)"), RFC 5213 registrations left out.
 */
class LrRecorder
{
  public:
    /**
     * \brief Connect to the Tx traces of the LMA and the MAGs (once they started).
     * \param d the domain
     */
    explicit LrRecorder(Pmipv6LocalRoutingDomain& d)
    {
        Pmipv6TopologyHelper& topo = d.GetTopology();
        m_names[topo.GetLma("lma")->GetAddress()] = "lma";
        for (const auto& mag : topo.GetMagNames())
        {
            m_names[topo.GetMag(mag)->GetProxyCoa()] = mag;
        }
        Simulator::Schedule(Seconds(0.5), &LrRecorder::Connect, this, &d);
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
            MakeCallback(&LrRecorder::Tx, this));
        for (const auto& mag : topo.GetMagNames())
        {
            topo.GetMag(mag)->GetMobilityProtocol()->TraceConnectWithoutContext(
                "Tx",
                MakeCallback(&LrRecorder::Tx, this));
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
        case mip6::MH_LOCALIZED_ROUTING_INIT:
            os << "LRI(" << ((b[10] << 8) | b[11]) << ")";
            break;
        case mip6::MH_LOCALIZED_ROUTING_ACK:
            os << "LRA(" << +b[9] << ")";
            break;
        case mip6::MH_LOCAL_ROUTING_OPTIMIZATION:
            os << "LRO";
            break;
        case mip6::MH_BINDING_UPDATE:
        case mip6::MH_BINDING_ACK:
            if (from == "lma" || to == "lma")
            {
                return; // RFC 5213 registration
            }
            os << "MAG-MAG-PB" << (b[2] == mip6::MH_BINDING_UPDATE ? "U" : "A");
            break;
        default:
            return;
        }
        m_messages.push_back({Simulator::Now(), os.str()});
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
     * \brief The messages sent in a window, separated by ", ".
     * \param from window start
     * \param to window end
     * \return the text
     */
    std::string Sequence(Time from = Seconds(0), Time to = Seconds(1e6)) const
    {
        std::string s;
        for (const auto& m : m_messages)
        {
            if (m.first >= from && m.first < to)
            {
                s += (s.empty() ? "" : ", ") + m.second;
            }
        }
        return s;
    }

    std::map<Ipv6Address, std::string> m_names;           ///< agent names
    std::vector<std::pair<Time, std::string>> m_messages; ///< messages sent
    std::vector<Ptr<Packet>> m_packets;                   ///< the same, as sent
};

/**
 * \brief The samples of a flow sent in a window, and how many took \p hops.
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

/// Base of the cases: RFC 6705 on both sides, LMA-initiated, a fixed seed.
class Rfc6705Case : public TestCase
{
  public:
    /**
     * \brief A case.
     * \param name its name
     */
    explicit Rfc6705Case(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /**
     * \brief Fixed seed and RFC 6705 defaults (set before the domain is built).
     * \param detect the LMA detects relayed traffic (else only the API starts it)
     */
    void Configure(bool detect)
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Config::SetDefault("ns3::MagLocalRoutingExtension::Protocol", StringValue("Rfc6705"));
        Config::SetDefault("ns3::LmaLocalRoutingExtension::Protocol", StringValue("Rfc6705"));
        Config::SetDefault("ns3::LmaLocalRoutingExtension::EnableDetectLocalRouting",
                           BooleanValue(detect));
    }

    /// \brief End of a case.
    void Finish()
    {
        Simulator::Destroy();
        Config::Reset();
    }
};

/**
 * \brief The LMA detects the pair and sends an LRI to each MAG (MN-ID and HNP of both MNs, the
 * other MAG's address); each MAG answers with an LRA (status 0); no MAG-MAG message follows;
 * then the pair's packets go MAG-MAG (2 hops) in both directions and the LMA relays none.
 */
class Rfc6705IntraLmaTest : public Rfc6705Case
{
  public:
    Rfc6705IntraLmaTest()
        : Rfc6705Case("RFC 6705 LRI and LRA with both MAGs: wire sequence, options, LMA bypassed")
    {
    }

  private:
    void DoRun() override
    {
        Configure(true);
        Pmipv6LocalRoutingDomain d;
        LrRecorder rec(d);
        d.AddMobileNode("mn1@lr", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lr", "mag2", Seconds(1));
        uint32_t up = d.AddFlow("mn1@lr", "mn2@lr", Seconds(3), Seconds(6), MilliSeconds(20));
        uint32_t down = d.AddFlow("mn2@lr", "mn1@lr", Seconds(3), Seconds(6), MilliSeconds(20));
        uint64_t relayedAt4 = 0;
        Simulator::Schedule(Seconds(4),
                            [&]() { relayedAt4 = d.GetLmaExtension()->GetRelayedCount(); });
        Simulator::Stop(Seconds(7));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(rec.Sequence(),
                              "lma>mag1 LRI(120), lma>mag2 LRI(120), mag1>lma LRA(0), "
                              "mag2>lma LRA(0)",
                              "RFC 6705: LRI to each MAG, LRA from each, no MAG-MAG signalling");
        Pmipv6TopologyHelper& topo = d.GetTopology();
        NS_TEST_ASSERT_MSG_EQ(rec.m_packets.size(), 4u, "four messages");
        if (IsStatusFailure())
        {
            Finish();
            return;
        }
        LocalizedRoutingInitiationHeader lri;
        NS_TEST_ASSERT_MSG_EQ((rec.m_packets[0]->PeekHeader(lri) > 0), true, "LRI decodes");
        if (IsStatusFailure())
        {
            Finish();
            return;
        }
        auto ids = lri.GetOptions().FindAll<MobileNodeIdentifierOption>();
        auto hnps = lri.GetOptions().FindAll<HomeNetworkPrefixOption>();
        auto mag = lri.GetOptions().Find<MagIpv6AddressOption>();
        NS_TEST_ASSERT_MSG_EQ(ids.size(), 2u, "two MN-ID options");
        NS_TEST_ASSERT_MSG_EQ(hnps.size(), 2u, "two HNP options");
        NS_TEST_ASSERT_MSG_EQ(static_cast<bool>(mag), true, "MAG IPv6 Address option");
        if (IsStatusFailure())
        {
            Finish();
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(ids[0]->GetNai(), "mn1@lr", "first: mag1's own MN");
        NS_TEST_EXPECT_MSG_EQ(ids[1]->GetNai(), "mn2@lr", "then the other MN");
        NS_TEST_EXPECT_MSG_EQ(HomeNetworkPrefix(hnps[1]->GetPrefix(), hnps[1]->GetPrefixLength()),
                              topo.GetHomeNetworkPrefix("mn2@lr"),
                              "the other MN's HNP");
        NS_TEST_EXPECT_MSG_EQ(mag->GetAddress(),
                              topo.GetMag("mag2")->GetProxyCoa(),
                              "the other MN's MAG");
        LocalizedRoutingAckHeader lra;
        NS_TEST_ASSERT_MSG_EQ((rec.m_packets[2]->PeekHeader(lra) > 0), true, "LRA decodes");
        if (IsStatusFailure())
        {
            Finish();
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(lra.GetSequence(), lri.GetSequence(), "LRA echoes the sequence");
        NS_TEST_EXPECT_MSG_EQ(lra.GetLifetime(), 120, "... and the lifetime");
        NS_TEST_EXPECT_MSG_EQ(lra.IsUnsolicited(), false, "solicited");

        for (uint32_t flow : {up, down})
        {
            uint32_t total = 0;
            uint32_t local = CountHops(d.GetSamples(flow), Seconds(4), Seconds(6), 2, total);
            NS_TEST_EXPECT_MSG_EQ(total, 100u, "every packet sent after set-up arrived");
            NS_TEST_EXPECT_MSG_EQ(local, total, "... MAG-MAG");
            NS_TEST_EXPECT_MSG_EQ(d.GetSamples(flow).front().hops, 3u, "first via the LMA");
            NS_TEST_EXPECT_MSG_EQ(d.GetSentCount(flow), d.GetSamples(flow).size(), "none lost");
        }
        NS_TEST_EXPECT_MSG_GT(relayedAt4, 0u, "the LMA relayed the first packets");
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension()->GetRelayedCount(),
                              relayedAt4,
                              "the LMA relays none of the pair's packets once localized");
        Ptr<LmaLocalizedRouting> lma = d.GetLmaExtension()->GetLocalizedRouting();
        NS_TEST_EXPECT_MSG_EQ(lma->GetLriCount(), 2u, "two LRIs");
        NS_TEST_EXPECT_MSG_EQ(lma->GetLraCount(0), 2u, "two LRAs with status 0");
        NS_TEST_EXPECT_MSG_EQ(d.GetMagExtension("mag1")->GetPeerPbuCount(), 0u, "no MAG-MAG PBU");
        Finish();
    }
};

/**
 * \brief mag2 does not allow localized routing: its LRA has status 128; the LMA withdraws the
 * pair from mag1 (LRI lifetime 0) and everything stays on the LMA path, with no new LRI.
 */
class Rfc6705RefusalTest : public Rfc6705Case
{
  public:
    Rfc6705RefusalTest()
        : Rfc6705Case("RFC 6705 refusal: LRA 128, LRI lifetime 0 to the other MAG, LMA path")
    {
    }

  private:
    void DoRun() override
    {
        Configure(true);
        Config::SetDefault("ns3::LmaLocalRoutingExtension::Lifetime", TimeValue(Seconds(20)));
        Pmipv6LocalRoutingDomain d;
        d.GetMagExtension("mag2")->SetAttribute("AllowLocalRouting", BooleanValue(false));
        LrRecorder rec(d);
        d.AddMobileNode("mn1@lr", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lr", "mag2", Seconds(1));
        uint32_t up = d.AddFlow("mn1@lr", "mn2@lr", Seconds(3), Seconds(6), MilliSeconds(50));
        Simulator::Stop(Seconds(7));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(rec.Sequence(),
                              "lma>mag1 LRI(20), lma>mag2 LRI(20), mag1>lma LRA(0), "
                              "mag2>lma LRA(128), lma>mag1 LRI(0), mag1>lma LRA(0)",
                              "refused by mag2, withdrawn from mag1");
        uint32_t total = 0;
        uint32_t viaLma = CountHops(d.GetSamples(up), Seconds(3.2), Seconds(6), 3, total);
        NS_TEST_EXPECT_MSG_EQ(total, 56u, "all delivered");
        NS_TEST_EXPECT_MSG_EQ(viaLma, total, "all through the LMA");
        NS_TEST_EXPECT_MSG_EQ(d.GetMagExtension("mag1")->GetLocalizedRouting()->GetRouteCount(),
                              0u,
                              "no localized route left at mag1");
        NS_TEST_EXPECT_MSG_EQ(d.GetMagExtension("mag2")->GetLocalizedRouting()->GetLraCount(128),
                              1u,
                              "mag2 sent one LRA 128");
        Finish();
    }
};

/**
 * \brief Teardown: StopLocalRouting() sends LRIs with lifetime 0 (both MAGs drop the route),
 * and a localized route ends with its lifetime; both times the pair goes back to the LMA path
 * without losing a packet.
 */
class Rfc6705TeardownTest : public Rfc6705Case
{
  public:
    Rfc6705TeardownTest()
        : Rfc6705Case("RFC 6705 teardown: LRI lifetime 0 on request, and lifetime expiry")
    {
    }

  private:
    void DoRun() override
    {
        Configure(false);
        Config::SetDefault("ns3::LmaLocalRoutingExtension::Lifetime", TimeValue(Seconds(4)));
        Pmipv6LocalRoutingDomain d;
        LrRecorder rec(d);
        d.AddMobileNode("mn1@lr", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lr", "mag2", Seconds(1));
        uint32_t up = d.AddFlow("mn1@lr", "mn2@lr", Seconds(2), Seconds(14), MilliSeconds(50));
        uint32_t down = d.AddFlow("mn2@lr", "mn1@lr", Seconds(2), Seconds(14), MilliSeconds(50));
        Pmipv6TopologyHelper& topo = d.GetTopology();
        Ipv6Address mn1 = topo.GetHomeAddress("mn1@lr");
        Ipv6Address mn2 = topo.GetHomeAddress("mn2@lr");
        Ptr<LmaLocalRoutingExtension> lma = d.GetLmaExtension();
        Ptr<MagLocalRoutingExtension> mag1 = d.GetMagExtension("mag1");
        Ptr<MagLocalRoutingExtension> mag2 = d.GetMagExtension("mag2");
        std::map<std::string, bool> routed;
        auto probe = [&](const std::string& name) {
            routed[name + "/mag1"] = mag1->HasLocalRoute(mn1, mn2);
            routed[name + "/mag2"] = mag2->HasLocalRoute(mn2, mn1);
        };
        Simulator::Schedule(Seconds(3), [&]() {
            NS_TEST_EXPECT_MSG_EQ(lma->StartLocalRouting(mn1, mn2), true, "API start");
        });
        Simulator::Schedule(Seconds(3.5), [&]() { probe("started"); });
        Simulator::Schedule(Seconds(5), [&]() {
            NS_TEST_EXPECT_MSG_EQ(lma->StopLocalRouting(mn1, mn2), true, "API stop");
        });
        Simulator::Schedule(Seconds(5.5), [&]() { probe("stopped"); });
        Simulator::Schedule(Seconds(7), [&]() { lma->StartLocalRouting(mn1, mn2); });
        Simulator::Schedule(Seconds(10.9), [&]() { probe("before-expiry"); });
        Simulator::Schedule(Seconds(11.1), [&]() { probe("expired"); });
        Simulator::Stop(Seconds(15));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(routed["started/mag1"], true, "route at mag1");
        NS_TEST_EXPECT_MSG_EQ(routed["started/mag2"], true, "route at mag2");
        NS_TEST_EXPECT_MSG_EQ(routed["stopped/mag1"], false, "removed at mag1 by LRI 0");
        NS_TEST_EXPECT_MSG_EQ(routed["stopped/mag2"], false, "removed at mag2 by LRI 0");
        NS_TEST_EXPECT_MSG_EQ(routed["before-expiry/mag1"], true, "second route holds");
        NS_TEST_EXPECT_MSG_EQ(routed["expired/mag1"], false, "gone with its lifetime at mag1");
        NS_TEST_EXPECT_MSG_EQ(routed["expired/mag2"], false, "... and at mag2");
        NS_TEST_EXPECT_MSG_EQ(rec.Sequence(Seconds(5), Seconds(6)),
                              "lma>mag1 LRI(0), lma>mag2 LRI(0), mag1>lma LRA(0), "
                              "mag2>lma LRA(0)",
                              "stop on the wire");
        for (uint32_t flow : {up, down})
        {
            uint32_t total = 0;
            uint32_t n = CountHops(d.GetSamples(flow), Seconds(3.1), Seconds(5), 2, total);
            NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG while set up");
            n = CountHops(d.GetSamples(flow), Seconds(5.1), Seconds(7), 3, total);
            NS_TEST_EXPECT_MSG_EQ(n, total, "via the LMA after the stop");
            n = CountHops(d.GetSamples(flow), Seconds(7.1), Seconds(10.9), 2, total);
            NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG again");
            n = CountHops(d.GetSamples(flow), Seconds(11.1), Seconds(14), 3, total);
            NS_TEST_EXPECT_MSG_EQ(n, total, "via the LMA after the expiry");
            NS_TEST_EXPECT_MSG_EQ(d.GetSentCount(flow), d.GetSamples(flow).size(), "none lost");
        }
        Finish();
    }
};

/**
 * \brief Handover: mn1 moves from mag1 to mag3 during the localized session; the LMA sends new
 * LRIs to mag3 and mag2 right after mag3's registration, mag2 replaces its route (tunnel to
 * mag3), and the pair is MAG-MAG again. No packet of the pair is lost outside the handover
 * itself: from mn1's detachment to the new LRI's arrival at mag2 (registration at the LMA plus
 * one LMA-to-MAG trip).
 */
class Rfc6705HandoverTest : public Rfc6705Case
{
  public:
    Rfc6705HandoverTest()
        : Rfc6705Case("RFC 6705 handover: new LRIs to the new MAG and the peer, no black hole")
    {
    }

  private:
    void DoRun() override
    {
        Configure(true);
        Pmipv6LocalRoutingDomain d;
        LrRecorder rec(d);
        d.AddMobileNode("mn1@lr", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lr", "mag2", Seconds(1));
        Time moveAt = Seconds(5);
        d.GetTopology().ScheduleMove("mn1@lr", "mag3", moveAt, MilliSeconds(50));
        uint32_t up = d.AddFlow("mn1@lr", "mn2@lr", Seconds(3), Seconds(9), MilliSeconds(10));
        uint32_t down = d.AddFlow("mn2@lr", "mn1@lr", Seconds(3), Seconds(9), MilliSeconds(10));
        Time mag2Updated = Seconds(0);
        Simulator::Schedule(Seconds(2), [&]() {
            d.GetMagExtension("mag2")->GetLocalizedRouting()->TraceConnectWithoutContext(
                "Route",
                Callback<void, Ipv6Address, Ipv6Address, Ipv6Address, bool>(
                    [&](Ipv6Address, Ipv6Address, Ipv6Address peerMag, bool isUp) {
                        if (isUp && peerMag == d.GetTopology().GetMag("mag3")->GetProxyCoa())
                        {
                            mag2Updated = Simulator::Now();
                        }
                    }));
        });
        uint64_t relayedAt8 = 0;
        Simulator::Schedule(Seconds(8),
                            [&]() { relayedAt8 = d.GetLmaExtension()->GetRelayedCount(); });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        std::string after = rec.Sequence(moveAt);
        NS_TEST_EXPECT_MSG_EQ(after,
                              "lma>mag3 LRI(120), lma>mag2 LRI(120), mag3>lma LRA(0), "
                              "mag2>lma LRA(0)",
                              "the LMA re-initiates with the new MAG and the peer's MAG");
        NS_TEST_EXPECT_MSG_GT(mag2Updated, moveAt, "mag2 routes to mag3");
        // The handover itself: detach at moveAt until mag2 routes to mag3.
        for (uint32_t flow : {up, down})
        {
            const auto& samples = d.GetSamples(flow);
            std::vector<bool> got(d.GetSentCount(flow), false);
            for (const auto& s : samples)
            {
                got.at(s.sequence) = true;
            }
            // probe i is sent at 3 s + i * 10 ms
            uint32_t lostOutside = 0;
            for (uint32_t i = 0; i < got.size(); i++)
            {
                Time sent = Seconds(3) + MilliSeconds(10 * i);
                bool inHandover = sent >= moveAt - MilliSeconds(20) && sent <= mag2Updated;
                lostOutside += (!got[i] && !inHandover) ? 1 : 0;
            }
            NS_TEST_EXPECT_MSG_EQ(lostOutside, 0u, "no packet lost outside the handover");
            uint32_t total = 0;
            uint32_t n = CountHops(samples, Seconds(4), moveAt, 2, total);
            NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG before the move");
            n = CountHops(samples, mag2Updated + MilliSeconds(20), Seconds(9), 2, total);
            NS_TEST_EXPECT_MSG_GT(total, 300u, "delivered after the move");
            NS_TEST_EXPECT_MSG_EQ(n, total, "MAG-MAG again (via mag3)");
        }
        NS_TEST_EXPECT_MSG_EQ(d.GetLmaExtension()->GetRelayedCount(),
                              relayedAt8,
                              "the LMA relays nothing once the route followed");
        Finish();
    }
};

/// The suite.
class LocalizedRoutingTestSuite : public TestSuite
{
  public:
    LocalizedRoutingTestSuite()
        : TestSuite("pmipv6-localized-routing", UNIT)
    {
        AddTestCase(new Rfc6705IntraLmaTest, TestCase::QUICK);
        AddTestCase(new Rfc6705RefusalTest, TestCase::QUICK);
        AddTestCase(new Rfc6705TeardownTest, TestCase::QUICK);
        AddTestCase(new Rfc6705HandoverTest, TestCase::QUICK);
    }
};

/// The suite instance.
static LocalizedRoutingTestSuite g_localizedRoutingTestSuite;

} // namespace
