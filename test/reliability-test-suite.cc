/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Reliability: the injected faults do what they say (LinkFaultErrorModel loss ratios and
 * bursts, link outages, jitter that reorders, access loss), and the protocol recovers from
 * them: with 30 % loss on every MAG-LMA link every mobile node ends registered; nothing is
 * left behind after de-registration or after lifetime expiry (binding cache, binding update
 * list, flow entries, tunnels, routes, pinned neighbour entries, pending events: the event
 * queue drains by itself); reordered PBUs never leave a mobile node bound to the wrong MAG;
 * a rebooted MAG re-registers its mobile nodes; rogue nodes (a node that is no MAG taking
 * another mobile node's prefix, a BRI from a node that is not the MAG's LMA) change nothing.
 */

#include "ns3/applications-module.h"
#include "ns3/binding-revocation-header.h"
#include "ns3/binding-update-header.h"
#include "ns3/core-module.h"
#include "ns3/csma-channel.h"
#include "ns3/csma-net-device.h"
#include "ns3/flow-binding-table.h"
#include "ns3/heartbeat-extension.h"
#include "ns3/heartbeat-header.h"
#include "ns3/internet-module.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/link-fault-error-model.h"
#include "ns3/lma-routing.h"
#include "ns3/mag-routing.h"
#include "ns3/mobility-header.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-scenario.h"
#include "ns3/pmipv6-topology-helper.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/test.h"

#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \brief Counts of everything an LMA or MAG holds for its bindings.
 */
struct Leftovers
{
    uint32_t cacheEntries{0};     ///< LMA binding cache entries
    uint32_t lmaRoutes{0};        ///< LMA prefix routes
    uint32_t lmaTunnels{0};       ///< LMA tunnels
    uint32_t flowEntries{0};      ///< LMA flow binding table entries
    uint32_t lmaPending{0};       ///< LMA signalling transactions pending
    uint32_t bulEntries{0};       ///< MAG binding update list entries (all MAGs)
    uint32_t magRoutes{0};        ///< MAG bindings in MagRouting (all MAGs)
    uint32_t magTunnels{0};       ///< MAG tunnels (all MAGs)
    uint32_t magPending{0};       ///< MAG signalling transactions pending (all MAGs)
    uint32_t pinnedNeighbours{0}; ///< permanent neighbour entries of the mobile nodes

    /**
     * \brief Everything, as one line for the messages.
     * \return the text
     */
    std::string ToString() const
    {
        std::ostringstream os;
        os << "cache " << cacheEntries << " lmaRoutes " << lmaRoutes << " lmaTunnels " << lmaTunnels
           << " flows " << flowEntries << " lmaPending " << lmaPending << " bul " << bulEntries
           << " magRoutes " << magRoutes << " magTunnels " << magTunnels << " magPending "
           << magPending << " pinned " << pinnedNeighbours;
        return os.str();
    }

    /**
     * \brief The sum of all counts.
     * \return the sum
     */
    uint32_t Total() const
    {
        return cacheEntries + lmaRoutes + lmaTunnels + flowEntries + lmaPending + bulEntries +
               magRoutes + magTunnels + magPending + pinnedNeighbours;
    }
};

/**
 * \brief Count what a star domain holds.
 * \param topo the domain
 * \return the counts
 */
Leftovers
CountState(const Pmipv6TopologyHelper& topo)
{
    Leftovers l;
    Ptr<Pmipv6LmaApplication> lma = topo.GetLma("lma");
    l.cacheEntries = lma->GetBindingCache()->GetEntryCount();
    l.lmaRoutes = lma->GetRouting()->GetRouteCount();
    l.lmaTunnels = lma->GetNode()->GetObject<Ipv6TunnelL4Protocol>()->GetTunnelCount();
    l.flowEntries = lma->GetFlowBindingTable()->GetSize();
    l.lmaPending = lma->GetSignalling()->GetPendingCount();
    for (const auto& name : topo.GetMagNames())
    {
        Ptr<Pmipv6MagApplication> mag = topo.GetMag(name);
        l.bulEntries += mag->GetBindingUpdateList()->GetEntryCount();
        l.magRoutes += mag->GetRouting()->GetBindingCount();
        l.magTunnels += mag->GetTunnels()->GetTunnelCount();
        l.magPending += mag->GetSignalling()->GetPendingCount();
        Ptr<NetDevice> access = topo.GetAccessDevice(name);
        Ptr<Ipv6L3Protocol> ipv6 = mag->GetNode()->GetObject<Ipv6L3Protocol>();
        Ptr<NdiscCache> cache =
            ipv6->GetInterface(ipv6->GetInterfaceForDevice(access))->GetNdiscCache();
        for (const auto& mnId : topo.GetMobileNodeIds())
        {
            Address mac = topo.GetMobileDevice(mnId, 0)->GetAddress();
            NdiscCache::Entry* e =
                cache->Lookup(Ipv6Address::MakeAutoconfiguredLinkLocalAddress(mac));
            if (e != nullptr && e->IsPermanent())
            {
                l.pinnedNeighbours++;
            }
        }
    }
    return l;
}

/**
 * \brief Whether the LMA binds a mobile node's prefix to the MAG it is attached to.
 * \param topo the domain
 * \param mnId the mobile node
 * \return "" when it does, else what is wrong
 */
std::string
BoundToCurrentMag(const Pmipv6TopologyHelper& topo, const std::string& mnId)
{
    std::string mag = topo.GetCurrentMag(mnId);
    Ptr<BindingCacheEntry> e = topo.GetLma(topo.GetMobileNodeLma(mnId))
                                   ->GetBindingCache()
                                   ->FindByPrefix(topo.GetHomeNetworkPrefix(mnId));
    if (mag.empty())
    {
        return mnId + " is on no link";
    }
    if (!e)
    {
        return mnId + " has no binding";
    }
    if (e->proxyCoa != topo.GetMag(mag)->GetProxyCoa())
    {
        std::ostringstream os;
        os << mnId << " is on " << mag << " but bound to " << e->proxyCoa;
        return os.str();
    }
    return "";
}

/**
 * \brief Whether a mobile node's MAG holds an accepted binding for it.
 * \param topo the domain
 * \param mnId the mobile node
 * \return true when registered
 */
bool
MagRegistered(const Pmipv6TopologyHelper& topo, const std::string& mnId)
{
    std::string mag = topo.GetCurrentMag(mnId);
    if (mag.empty())
    {
        return false;
    }
    for (const auto& e : topo.GetMag(mag)->GetBindingUpdateList()->FindByMnId(mnId))
    {
        if (e->state == BindingUpdateListEntry::REGISTERED ||
            e->state == BindingUpdateListEntry::REFRESHING)
        {
            return true;
        }
    }
    return false;
}

/**
 * \brief Downlink UDP packets arriving at a mobile node, with their arrival times and
 * sequence numbers.
 */
struct Downlink
{
    std::vector<Time> times;    ///< arrivals
    std::vector<uint32_t> seqs; ///< SeqTsHeader sequence numbers, in arrival order

    /**
     * \brief Packets that arrived after one with a higher sequence number.
     * \return the count
     */
    uint32_t Reordered() const
    {
        uint32_t n = 0;
        uint32_t highest = 0;
        for (size_t k = 0; k < seqs.size(); ++k)
        {
            if (k > 0 && seqs[k] < highest)
            {
                n++;
            }
            highest = std::max(highest, seqs[k]);
        }
        return n;
    }

    /**
     * \brief Arrivals within [from, to).
     * \param from start
     * \param to end
     * \return the count
     */
    uint32_t Between(Time from, Time to) const
    {
        uint32_t n = 0;
        for (const auto& t : times)
        {
            n += (t >= from && t < to) ? 1 : 0;
        }
        return n;
    }
};

/**
 * \brief A UDP flow from the CN to a mobile node's home address, recorded.
 * \param topo the domain
 * \param mnId the mobile node
 * \param interval packet interval
 * \param start first packet
 * \param stop last packet
 * \param port UDP port
 * \param out the record (outlives the run)
 */
void
InstallDownlink(Pmipv6TopologyHelper& topo,
                const std::string& mnId,
                Time interval,
                Time start,
                Time stop,
                uint16_t port,
                Downlink* out)
{
    ApplicationContainer server = UdpServerHelper(port).Install(topo.GetNode(mnId));
    server.Start(Seconds(0));
    server.Get(0)->TraceConnectWithoutContext(
        "Rx",
        Callback<void, Ptr<const Packet>>([out](Ptr<const Packet> p) {
            SeqTsHeader h;
            p->Copy()->RemoveHeader(h);
            out->times.push_back(Simulator::Now());
            out->seqs.push_back(h.GetSeq());
        }));
    UdpClientHelper client(topo.GetHomeAddress(mnId), port);
    client.SetAttribute("Interval", TimeValue(interval));
    client.SetAttribute("PacketSize", UintegerValue(100));
    client.SetAttribute("MaxPackets", UintegerValue(1000000));
    ApplicationContainer app = client.Install(topo.GetNode("cn"));
    app.Start(start);
    app.Stop(stop);
}

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief LinkFaultErrorModel: the loss ratio of independent losses and of Gilbert-Elliott
 * bursts, the mean burst length, and the link-down state.
 */
class LinkFaultModelTestCase : public TestCase
{
  public:
    LinkFaultModelTestCase()
        : TestCase("LinkFaultErrorModel: loss ratio, burst length, down")
    {
    }

  private:
    /**
     * \brief Run a model over packets.
     * \param rate LossRate
     * \param burst BurstLength
     * \param n packets
     * \param ratio receives the loss ratio
     * \param meanBurst receives the mean run of consecutive losses
     */
    static void Measure(double rate, double burst, uint32_t n, double& ratio, double& meanBurst)
    {
        Ptr<LinkFaultErrorModel> m = CreateObject<LinkFaultErrorModel>();
        m->AssignStreams(7);
        m->SetLoss(rate, burst);
        Ptr<Packet> p = Create<Packet>(10);
        uint32_t lost = 0;
        uint32_t runs = 0;
        bool previous = false;
        for (uint32_t k = 0; k < n; ++k)
        {
            bool l = m->IsCorrupt(p);
            lost += l ? 1 : 0;
            runs += (l && !previous) ? 1 : 0;
            previous = l;
        }
        ratio = double(lost) / n;
        meanBurst = runs ? double(lost) / runs : 0;
    }

    void DoRun() override
    {
        double ratio;
        double burst;
        Measure(0.3, 1, 200000, ratio, burst);
        NS_TEST_EXPECT_MSG_EQ_TOL(ratio, 0.3, 0.01, "independent losses: ratio 0.3");
        // Independent losses with p = 0.3: mean run 1 / (1 - p) = 1.43
        NS_TEST_EXPECT_MSG_EQ_TOL(burst, 1 / 0.7, 0.05, "independent: mean run 1/(1-p)");
        Measure(0.3, 5, 400000, ratio, burst);
        NS_TEST_EXPECT_MSG_EQ_TOL(ratio, 0.3, 0.02, "Gilbert-Elliott: ratio 0.3");
        NS_TEST_EXPECT_MSG_EQ_TOL(burst, 5.0, 0.3, "Gilbert-Elliott: mean burst 5 packets");
        Measure(0, 5, 10000, ratio, burst);
        NS_TEST_EXPECT_MSG_EQ(ratio, 0.0, "no loss at rate 0");

        Ptr<LinkFaultErrorModel> m = CreateObject<LinkFaultErrorModel>();
        Ptr<Packet> p = Create<Packet>(10);
        NS_TEST_EXPECT_MSG_EQ(m->IsCorrupt(p), false, "up: nothing lost");
        m->SetDown(true);
        for (int k = 0; k < 10; ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(m->IsCorrupt(p), true, "down: everything lost");
        }
        m->SetDown(false);
        NS_TEST_EXPECT_MSG_EQ(m->IsCorrupt(p), false, "up again");
        NS_TEST_EXPECT_MSG_EQ(m->GetLostWhileDown(), 10, "ten lost while down");
        NS_TEST_EXPECT_MSG_EQ(m->GetPackets(), 12, "twelve seen");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Faults in a domain: an outage of the MAG-LMA link stops the downlink exactly while
 * it lasts; jitter on a point-to-point link reorders packets (and none are reordered without
 * it); access loss loses the configured share of the downlink.
 */
class DomainFaultsTestCase : public TestCase
{
  public:
    DomainFaultsTestCase()
        : TestCase("outage, jitter and access loss act on the data path")
    {
    }

  private:
    /**
     * \brief One run: one MN at MAG1 with a 5 ms downlink from 2 s to 9 s.
     * \param fault what to inject: "none", "outage", "jitter", "access"
     * \param topoLosses receives the topology's fault losses
     * \return the downlink record
     */
    static Downlink Run(const std::string& fault, std::map<std::string, uint64_t>& topoLosses)
    {
        RngSeedManager::SetSeed(3);
        RngSeedManager::SetRun(1);
        Downlink d;
        {
            Pmipv6TopologyHelper topo;
            topo.Build(Pmipv6TopologyHelper::MakeStar(2));
            topo.AddMobileNode("mn1", "mag1", Seconds(0.5));
            if (fault == "outage")
            {
                topo.ScheduleLinkOutage("mag1", "lma", Seconds(4), Seconds(6));
            }
            else if (fault == "jitter")
            {
                topo.SetLinkJitter("lma", "mag1", MilliSeconds(20));
            }
            else if (fault == "access")
            {
                topo.SetAccessLoss("mag1", 0, 0.2);
            }
            InstallDownlink(topo, "mn1", MilliSeconds(5), Seconds(2), Seconds(9), 9000, &d);
            Simulator::Stop(Seconds(10));
            Simulator::Run();
            topoLosses = topo.GetFaultLosses();
        }
        Simulator::Destroy();
        return d;
    }

    void DoRun() override
    {
        std::map<std::string, uint64_t> losses;
        Downlink none = Run("none", losses);
        NS_TEST_EXPECT_MSG_EQ(losses["total"], 0, "no fault, nothing lost by faults");
        NS_TEST_EXPECT_MSG_EQ(none.Reordered(), 0, "no jitter: in order");
        NS_TEST_EXPECT_MSG_GT(none.times.size(), 1390, "about 1400 packets arrive");

        Downlink outage = Run("outage", losses);
        NS_TEST_EXPECT_MSG_EQ(outage.Between(Seconds(4) + MilliSeconds(20), Seconds(6)),
                              0,
                              "nothing arrives while the link is down");
        NS_TEST_EXPECT_MSG_GT(outage.Between(Seconds(6) + MilliSeconds(20), Seconds(7)),
                              190,
                              "traffic resumes when it comes back");
        NS_TEST_EXPECT_MSG_GT(losses["lma>mag1"], 390, "the outage lost the downlink");

        Downlink jitter = Run("jitter", losses);
        NS_TEST_EXPECT_MSG_GT(jitter.Reordered(), 100, "20 ms jitter at 5 ms spacing reorders");
        NS_TEST_EXPECT_MSG_EQ(jitter.times.size(), none.times.size(), "and loses nothing");

        Downlink access = Run("access", losses);
        double ratio = 1.0 - double(access.times.size()) / none.times.size();
        NS_TEST_EXPECT_MSG_EQ_TOL(ratio, 0.2, 0.04, "20 % access downlink loss");
        NS_TEST_EXPECT_MSG_GT(losses["access-down:mag1"], 200, "counted at MAG1's access");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief With 30 % loss in both directions of every MAG-LMA link, every mobile node ends
 * registered (PBU retransmission with backoff), at its current MAG and bound there at the
 * LMA; the same run without retransmissions leaves some unregistered (the loss is real).
 */
class LossyRegistrationTestCase : public TestCase
{
  public:
    LossyRegistrationTestCase()
        : TestCase("30 % loss on every MAG-LMA link: every mobile node ends registered")
    {
    }

  private:
    /**
     * \brief The lossy scenario.
     * \param retransmissions the MAGs' MaxRetransmissions
     * \return the results
     */
    static Pmipv6ScenarioResult Run(uint32_t retransmissions)
    {
        // Moves until 30 s; then 40 s for the last registrations (10 retransmissions,
        // timeouts 1.5, 3, then 4 s: 11 attempts fail together with p = 0.51^11 = 0.06 %).
        Pmipv6ScenarioConfig c;
        c.nMags = 3;
        c.nMns = 12;
        c.simTime = 70;
        c.trafficStart = 1;
        c.trafficStop = 30;
        c.downlinkInterval = 0;
        c.uplinkInterval = 1;
        c.firstMove = 5;
        c.moveInterval = 8;
        c.magLmaLossUp = 0.3;
        c.magLmaLossDown = 0.3;
        c.attributes["ns3::Pmipv6MagApplication::MaxRetransmissions"] =
            std::to_string(retransmissions);
        c.attributes["ns3::Pmipv6MagApplication::MaxBindackTimeout"] = "4s";
        c.seed = 5;
        return RunPmipv6Scenario(c);
    }

    void DoRun() override
    {
        Pmipv6ScenarioResult r = Run(10);
        NS_TEST_EXPECT_MSG_GT(r.faultLosses["mag1>lma"], 10, "PBUs were lost");
        NS_TEST_EXPECT_MSG_GT(r.faultLosses["lma>mag1"], 10, "PBAs were lost");
        NS_TEST_EXPECT_MSG_GT(r.signalling["PBU"],
                              r.signalling["PBU-received"],
                              "fewer PBUs arrived than were sent");
        for (const auto& m : r.mobileNodes)
        {
            NS_TEST_EXPECT_MSG_EQ(m.registered,
                                  true,
                                  m.mnId << " ends registered (" << m.unregisteredReason << ")");
        }
        NS_TEST_EXPECT_MSG_EQ(r.mobileNodes.size(), 12, "every mobile node");

        Pmipv6ScenarioResult once = Run(0);
        uint32_t unregistered = 0;
        for (const auto& m : once.mobileNodes)
        {
            unregistered += m.registered ? 0 : 1;
        }
        NS_TEST_EXPECT_MSG_GT(unregistered, 0, "without retransmissions some are not");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Nothing is left behind: after every mobile node de-registered (it left its link),
 * and after bindings expired at the LMA (their de-registrations lost in a link outage), the
 * binding cache, the binding update lists, flow entries, tunnels, routes, pinned neighbour
 * entries and signalling transactions are all empty, and the event queue drains by itself
 * (no timer left: Simulator::Run() returns without Stop()).
 */
class NothingLeftBehindTestCase : public TestCase
{
  public:
    /**
     * \brief The test.
     * \param expiry true: the de-registrations are lost and the bindings expire
     */
    explicit NothingLeftBehindTestCase(bool expiry)
        : TestCase(expiry ? "after lifetime expiry nothing is left behind"
                          : "after de-registration nothing is left behind"),
          m_expiry(expiry)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(2);
        RngSeedManager::SetRun(1);
        Config::SetDefault("ns3::Pmipv6MagApplication::BindingLifetime", TimeValue(Seconds(10)));
        Config::SetDefault("ns3::Pmipv6MagApplication::MaxRetransmissions", UintegerValue(2));
        // The mobile nodes' SLAAC addresses and default routes expire 20 s after the last RA
        // (else their timers keep the event queue busy for a day).
        Config::SetDefault("ns3::Pmipv6MagApplication::PrefixLifetime", UintegerValue(20));
        Config::SetDefault("ns3::Pmipv6MagApplication::RouterLifetime", UintegerValue(20));
        Leftovers registered;
        Leftovers after;
        Time end;
        {
            Pmipv6TopologyHelper topo;
            topo.Build(Pmipv6TopologyHelper::MakeStar(2));
            for (int k = 1; k <= 4; ++k)
            {
                std::string mnId = "mn" + std::to_string(k);
                topo.AddMobileNode(mnId, k % 2 ? "mag1" : "mag2", Seconds(0.5 + 0.1 * k));
            }
            // mn1 moves to MAG2 (handover, revocation), everyone leaves at 5 s.
            topo.ScheduleMove("mn1", "mag2", Seconds(2));
            Simulator::Schedule(Seconds(4), [&]() { registered = CountState(topo); });
            if (m_expiry)
            {
                topo.ScheduleLinkOutage("mag1", "lma", Seconds(4.9), Seconds(60));
                topo.ScheduleLinkOutage("mag2", "lma", Seconds(4.9), Seconds(60));
            }
            Simulator::Schedule(Seconds(5), [&topo]() {
                for (const auto& mnId : topo.GetMobileNodeIds())
                {
                    std::string mag = topo.GetCurrentMag(mnId);
                    Ptr<NetDevice> device = topo.GetMobileDevice(mnId, 0);
                    DynamicCast<CsmaChannel>(topo.GetAccessDevice(mag)->GetChannel())
                        ->Detach(DynamicCast<CsmaNetDevice>(device));
                    topo.GetMag(mag)->NotifyDetach(topo.GetAccessDevice(mag), device->GetAddress());
                }
            });
            Simulator::Run(); // no Stop(): returns when no event is left
            end = Simulator::Now();
            after = CountState(topo);
        }
        Simulator::Destroy();
        Config::Reset();
        NS_TEST_EXPECT_MSG_EQ(registered.cacheEntries, 4, "four bindings while registered");
        NS_TEST_EXPECT_MSG_EQ(registered.bulEntries, 4, "four entries at the MAGs");
        NS_TEST_EXPECT_MSG_EQ(registered.magTunnels, 2, "one tunnel per MAG");
        NS_TEST_EXPECT_MSG_EQ(registered.lmaTunnels, 2, "two tunnels at the LMA");
        NS_TEST_EXPECT_MSG_EQ(registered.pinnedNeighbours, 4, "four pinned neighbours");
        NS_TEST_EXPECT_MSG_EQ(after.Total(), 0, "left behind: " << after.ToString());
        // De-registration: MinDelayBeforeBCEDelete (10 s) after 5 s, the mobile nodes'
        // addresses 20 s after their last RA (2.1 s); expiry: the 10 s lifetimes (before
        // 13 s), then the outage ends at 60 s
        // (the mobile nodes' neighbour entries: ReachableTime 30 s after their last use).
        NS_TEST_EXPECT_MSG_LT(end, Seconds(m_expiry ? 61 : 40), "no timer runs on");
        NS_TEST_EXPECT_MSG_GT(end, Seconds(5), "the run went past the departures");
    }

    bool m_expiry; ///< lose the de-registrations
};

/**
 * \ingroup pmipv6-tests
 * \brief Reordered PBUs and PBAs (up to 40 ms of jitter on every MAG-LMA link, mobile nodes
 * moving every few hundred milliseconds) never leave a mobile node bound to the wrong MAG.
 */
class ReorderedSignallingTestCase : public TestCase
{
  public:
    ReorderedSignallingTestCase()
        : TestCase("reordered PBUs and PBAs never leave a mobile node bound to the wrong MAG")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(4);
        RngSeedManager::SetRun(1);
        std::vector<std::string> wrong;
        uint32_t checked = 0;
        {
            Pmipv6TopologyHelper topo;
            topo.Build(Pmipv6TopologyHelper::MakeStar(3, "2ms"));
            for (const auto& mag : topo.GetMagNames())
            {
                topo.SetLinkJitter(mag, "lma", MilliSeconds(40));
            }
            Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
            u->SetStream(11);
            const std::vector<std::string> mags = topo.GetMagNames();
            for (int k = 1; k <= 6; ++k)
            {
                std::string mnId = "mn" + std::to_string(k);
                topo.AddMobileNode(mnId, mags[k % 3], Seconds(0.5 + 0.05 * k));
                Time at = Seconds(1.5);
                uint32_t pos = k % 3;
                while (at < Seconds(8))
                {
                    pos = (pos + 1 + u->GetInteger(0, 1)) % 3;
                    topo.ScheduleMove(mnId, mags[pos], at, MilliSeconds(5));
                    at += Seconds(u->GetValue(0.05, 0.4));
                }
            }
            // After the last move every node is bound to its MAG once signalling settled.
            Simulator::Schedule(Seconds(11), [&]() {
                for (const auto& mnId : topo.GetMobileNodeIds())
                {
                    checked++;
                    std::string why = BoundToCurrentMag(topo, mnId);
                    if (!why.empty())
                    {
                        wrong.push_back(why);
                    }
                    if (!MagRegistered(topo, mnId))
                    {
                        wrong.push_back(mnId + " not registered at its MAG");
                    }
                }
            });
            Simulator::Stop(Seconds(12));
            Simulator::Run();
        }
        Simulator::Destroy();
        NS_TEST_EXPECT_MSG_EQ(checked, 6, "six checked");
        NS_TEST_EXPECT_MSG_EQ(wrong.size(), 0, (wrong.empty() ? "" : wrong.front()));
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief A MAG reboot (state lost): its mobile nodes re-attach and re-register, the LMA binds
 * them to it again and their downlink resumes; a rebooted LMA comes back empty and the MAGs'
 * next refreshes restore every binding.
 */
class AgentRestartTestCase : public TestCase
{
  public:
    AgentRestartTestCase()
        : TestCase("MAG and LMA reboots: mobile nodes re-register, traffic resumes")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6ScenarioConfig c;
        c.nMags = 2;
        c.nMns = 4;
        c.simTime = 20;
        c.trafficStart = 1;
        c.downlinkInterval = 0.01;
        c.uplinkInterval = 0;
        c.moveInterval = 0;
        c.restarts.push_back({"mag1", 5, 1});
        c.attributes["ns3::Pmipv6MagApplication::BindingLifetime"] = "10s";
        c.restarts.push_back({"lma", 12, 0.5});
        Pmipv6ScenarioResult r = RunPmipv6Scenario(c);
        for (const auto& m : r.mobileNodes)
        {
            NS_TEST_EXPECT_MSG_EQ(m.registered,
                                  true,
                                  m.mnId << " ends registered (" << m.unregisteredReason << ")");
        }
        // mn1 and mn3 are at MAG1: registered at ~0.5 s, again after its reboot at 6 s.
        uint32_t mag1Again = 0;
        for (const auto& e : r.registrations)
        {
            mag1Again += (e.mag == "mag1" && e.time > 6 && e.time < 7) ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(mag1Again, 2, "MAG1 re-registered its two mobile nodes");
        for (const auto& f : r.flows)
        {
            if (f.direction == "downlink")
            {
                // 19 s of 10 ms downlink: only the reboots' gaps (MAG1: 1 s; LMA: until the
                // refresh at 8 s after the last registration) may be lost.
                NS_TEST_EXPECT_MSG_GT(f.rxPackets, 1000, f.mnId << " downlink resumed");
            }
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The Heartbeat message and Restart Counter option (RFC 5847 3.1, 3.2), byte-exact:
 * a request, a response with the option at 4n+2, their decoding, and malformed input refused.
 */
class HeartbeatCodecTestCase : public TestCase
{
  public:
    HeartbeatCodecTestCase()
        : TestCase("Heartbeat message and Restart Counter option on the wire")
    {
    }

  private:
    /**
     * \brief The bytes of a header.
     * \param h the header
     * \return its serialization
     */
    static std::vector<uint8_t> Bytes(const HeartbeatHeader& h)
    {
        Buffer b;
        b.AddAtStart(h.GetSerializedSize());
        h.Serialize(b.Begin());
        std::vector<uint8_t> out(b.GetSize());
        b.CopyData(out.data(), out.size());
        return out;
    }

    /**
     * \brief Decode bytes.
     * \param bytes the bytes
     * \param h receives the header
     * \return the octets consumed (0: refused)
     */
    static uint32_t Parse(const std::vector<uint8_t>& bytes, HeartbeatHeader& h)
    {
        Buffer b;
        b.AddAtStart(bytes.size());
        b.Begin().Write(bytes.data(), bytes.size());
        return h.Deserialize(b.Begin());
    }

    void DoRun() override
    {
        HeartbeatHeader request;
        request.SetSequence(0x01020304);
        // MH type 13 | Reserved 0, U R = 0 | Seq | PadN(2) to 16 octets
        const std::vector<uint8_t> requestBytes{0x3b,
                                                0x01,
                                                0x0d,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x01,
                                                0x02,
                                                0x03,
                                                0x04,
                                                0x01,
                                                0x02,
                                                0x00,
                                                0x00};
        NS_TEST_EXPECT_MSG_EQ((Bytes(request) == requestBytes), true, "request bytes");

        HeartbeatHeader response;
        response.SetSequence(9);
        response.SetFlag(HeartbeatHeader::FLAG_R, true);
        response.AddOption(Create<RestartCounterOption>(7));
        // R = 1 | Seq 9 | PadN(0) to 4n+2 | Restart Counter 7 | PadN(2) to 24 octets
        const std::vector<uint8_t> responseBytes{0x3b, 0x02, 0x0d, 0x00, 0x00, 0x00, 0x00, 0x01,
                                                 0x00, 0x00, 0x00, 0x09, 0x01, 0x00, 0x1c, 0x04,
                                                 0x00, 0x00, 0x00, 0x07, 0x01, 0x02, 0x00, 0x00};
        NS_TEST_EXPECT_MSG_EQ((Bytes(response) == responseBytes), true, "response bytes");

        HeartbeatHeader decoded;
        NS_TEST_EXPECT_MSG_EQ(Parse(responseBytes, decoded), 24, "decoded whole");
        NS_TEST_EXPECT_MSG_EQ(decoded.IsResponse(), true, "R");
        NS_TEST_EXPECT_MSG_EQ(decoded.HasFlag(HeartbeatHeader::FLAG_U), false, "not U");
        NS_TEST_EXPECT_MSG_EQ(decoded.GetSequence(), 9, "sequence");
        Ptr<RestartCounterOption> counter = decoded.GetOptions().Find<RestartCounterOption>();
        NS_TEST_ASSERT_MSG_NE(counter, nullptr, "Restart Counter decoded as such");
        NS_TEST_EXPECT_MSG_EQ(counter->GetCounter(), 7, "counter");

        std::vector<uint8_t> badLength = responseBytes;
        badLength[15] = 3; // Restart Counter of length 3
        badLength[19] = 0x00;
        HeartbeatHeader refused;
        NS_TEST_EXPECT_MSG_EQ(Parse(badLength, refused), 0, "length 3 refused");
        std::vector<uint8_t> truncated(requestBytes.begin(), requestBytes.begin() + 10);
        truncated[1] = 0;
        NS_TEST_EXPECT_MSG_EQ(Parse(truncated, refused), 0, "truncated refused");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief RFC 5847 heartbeat: after an LMA restart (bindings lost) the MAGs see the Restart
 * Counter change in the next Heartbeat response and re-register every mobile node at once,
 * so the downlink resumes within about one heartbeat interval; without heartbeat it resumes
 * only at the next refresh (BindingLifetime 60 s: refresh at 48 s). A MAG whose LMA stops
 * answering declares it unreachable after MissingHeartbeatsAllowed intervals.
 */
class HeartbeatTestCase : public TestCase
{
  public:
    HeartbeatTestCase()
        : TestCase("heartbeat: LMA restart detected, bindings re-registered, traffic resumes")
    {
    }

  private:
    /**
     * \brief One run: 4 MNs on 2 MAGs, the LMA restarts at 5 s for 0.5 s.
     * \param heartbeat with heartbeat
     * \return the results
     */
    static Pmipv6ScenarioResult Run(bool heartbeat)
    {
        Pmipv6ScenarioConfig c;
        c.nMags = 2;
        c.nMns = 4;
        c.simTime = 12;
        c.trafficStart = 1;
        c.downlinkInterval = 0.01;
        c.uplinkInterval = 0;
        c.moveInterval = 0;
        c.restarts.push_back({"lma", 5, 0.5});
        c.heartbeat = heartbeat;
        c.attributes["ns3::Pmipv6MagApplication::BindingLifetime"] = "60s";
        c.attributes["ns3::MagHeartbeatExtension::Interval"] = "1s";
        return RunPmipv6Scenario(c);
    }

    void DoRun() override
    {
        Pmipv6ScenarioResult with = Run(true);
        Pmipv6ScenarioResult without = Run(false);
        // Re-registrations are refresh PBUs (the MAGs' entries stayed): one per MN.
        NS_TEST_EXPECT_MSG_EQ(with.signalling["PBU-refresh"], 4, "every MN re-registered");
        NS_TEST_EXPECT_MSG_EQ(without.signalling["PBU-refresh"],
                              0,
                              "without heartbeat: none before the refresh at 48 s");
        for (size_t k = 0; k < with.flows.size(); ++k)
        {
            if (with.flows[k].direction != "downlink")
            {
                continue;
            }
            // 11 s of 10 ms downlink (1100 packets): with heartbeat at most ~1.5 s lost.
            NS_TEST_EXPECT_MSG_GT(with.flows[k].rxPackets,
                                  900,
                                  with.flows[k].mnId << " downlink resumed");
        }

        // Failure detection: the LMA never comes back within the run.
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Config::SetDefault("ns3::MagHeartbeatExtension::Interval", TimeValue(Seconds(1)));
        Config::SetDefault("ns3::MagHeartbeatExtension::MissingHeartbeatsAllowed",
                           UintegerValue(3));
        std::vector<Time> unreachable;
        {
            Pmipv6TopologyHelper topo;
            topo.Build(Pmipv6TopologyHelper::MakeStar(1));
            topo.EnableHeartbeat();
            topo.AddMobileNode("mn1", "mag1", Seconds(0.5));
            topo.ScheduleRestart("lma", Seconds(3.2), Seconds(100));
            topo.GetMag("mag1")->GetExtension<MagHeartbeatExtension>()->TraceConnectWithoutContext(
                "PeerUnreachable",
                Callback<void, Ipv6Address>(
                    [&unreachable](Ipv6Address) { unreachable.push_back(Simulator::Now()); }));
            Simulator::Stop(Seconds(10));
            Simulator::Run();
        }
        Simulator::Destroy();
        Config::Reset();
        // Requests at 1, 2, 3 s answered; 4, 5, 6 s unanswered; at 7 s the third is missed.
        NS_TEST_ASSERT_MSG_EQ(unreachable.size(), 1, "declared unreachable once");
        NS_TEST_EXPECT_MSG_EQ(unreachable[0], Seconds(7), "after three missed heartbeats");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Rogue nodes: a node that is not an authorized MAG sends a handover PBU for a
 * registered mobile node, naming its prefix (refused with 154, the binding and the downlink
 * stay at the real MAG); a node that is not the MAG's LMA sends a BRI revoking a mobile
 * node's binding (the MAG ignores it: the binding and the downlink stay).
 */
class RogueNodeTestCase : public TestCase
{
  public:
    /**
     * \brief The test.
     * \param bri true: a rogue BRI to the MAG; false: a rogue PBU to the LMA
     */
    explicit RogueNodeTestCase(bool bri)
        : TestCase(bri ? "a BRI from a node that is not the MAG's LMA changes nothing"
                       : "a node that is no MAG cannot take another mobile node's prefix"),
          m_bri(bri)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(6);
        RngSeedManager::SetRun(1);
        Downlink d;
        std::string bound;
        uint32_t rejected154 = 0;
        uint32_t bulEntries = 0;
        {
            Pmipv6TopologyHelper topo;
            // The rogue: a router on the LMA's core link side (CN -- LMA -- rogue).
            Pmipv6Graph g = Pmipv6TopologyHelper::MakeStar(2);
            auto rogueVertex = boost::add_vertex(g);
            g[rogueVertex].name = "rogue";
            g[rogueVertex].role = "router";
            boost::add_edge(boost::vertex(1, g), rogueVertex, g); // vertex 1: the LMA
            NS_ASSERT(g[boost::vertex(1, g)].role == "lma");
            topo.Build(g);
            topo.SetMagAuthorization(true);
            topo.AddMobileNode("mn1", "mag1", Seconds(0.5));
            InstallDownlink(topo, "mn1", MilliSeconds(10), Seconds(2), Seconds(6), 9000, &d);
            Ptr<Node> rogue = topo.GetNode("rogue");
            Ptr<MobilityL4Protocol> mobility = MobilityL4Protocol::Install(rogue);
            Ipv6Address rogueAddress = topo.GetAddress("rogue");
            Ptr<Pmipv6LmaApplication> lma = topo.GetLma("lma");
            lma->TraceConnectWithoutContext(
                "TxPba",
                Callback<void, const BindingAckHeader&, Ipv6Address>(
                    [&rejected154, rogueAddress](const BindingAckHeader& pba, Ipv6Address to) {
                        rejected154 +=
                            (to == rogueAddress &&
                             pba.GetStatus() == mip6::BA_MAG_NOT_AUTHORIZED_FOR_PROXY_REG)
                                ? 1
                                : 0;
                    }));
            HomeNetworkPrefix hnp = topo.GetHomeNetworkPrefix("mn1");
            Ipv6Address lmaAddress = lma->GetAddress();
            Ipv6Address magAddress = topo.GetMag("mag1")->GetProxyCoa();
            bool bri = m_bri;
            Simulator::Schedule(Seconds(3), [=]() {
                if (bri)
                {
                    BindingRevocationIndicationHeader h;
                    h.SetSequence(1);
                    h.SetRevocationTrigger(1);
                    h.SetFlag(BindingRevocationHeader::FLAG_P, true);
                    h.AddOption(Create<MobileNodeIdentifierOption>("mn1"));
                    h.AddOption(Create<HomeNetworkPrefixOption>(hnp.prefix, hnp.length));
                    mobility->Send(h, rogueAddress, magAddress);
                }
                else
                {
                    BindingUpdateHeader pbu;
                    pbu.SetSequence(1000);
                    pbu.SetFlag(BindingUpdateHeader::FLAG_A, true);
                    pbu.SetFlag(BindingUpdateHeader::FLAG_H, true);
                    pbu.SetFlag(BindingUpdateHeader::FLAG_L, true);
                    pbu.SetFlag(BindingUpdateHeader::FLAG_P, true);
                    pbu.SetLifetime(150); // 600 s
                    pbu.AddOption(Create<MobileNodeIdentifierOption>("mn1"));
                    pbu.AddOption(Create<HomeNetworkPrefixOption>(hnp.prefix, hnp.length));
                    pbu.AddOption(Create<HandoffIndicatorOption>(mip6::HI_HANDOFF_BETWEEN_MAGS));
                    pbu.AddOption(Create<AccessTechnologyTypeOption>(mip6::ATT_IEEE_802_3));
                    pbu.AddOption(Create<TimestampOption>(Simulator::Now() + Seconds(1)));
                    mobility->Send(pbu, rogueAddress, lmaAddress);
                }
            });
            Simulator::Schedule(Seconds(5), [&]() {
                bound = BoundToCurrentMag(topo, "mn1");
                bulEntries = topo.GetMag("mag1")->GetBindingUpdateList()->GetEntryCount();
            });
            Simulator::Stop(Seconds(7));
            Simulator::Run();
        }
        Simulator::Destroy();
        NS_TEST_EXPECT_MSG_EQ(bound, "", "mn1 stays bound to MAG1");
        NS_TEST_EXPECT_MSG_EQ(bulEntries, 1, "MAG1 keeps its entry");
        NS_TEST_EXPECT_MSG_GT(d.Between(Seconds(3.1), Seconds(6)), 285, "the downlink goes on");
        if (!m_bri)
        {
            NS_TEST_EXPECT_MSG_EQ(rejected154, 1, "the rogue PBU was refused with 154");
        }
    }

    bool m_bri; ///< rogue BRI (else rogue PBU)
};

/**
 * \ingroup pmipv6-tests
 * \brief The reliability test suite.
 */
class ReliabilityTestSuite : public TestSuite
{
  public:
    ReliabilityTestSuite()
        : TestSuite("pmipv6-reliability", UNIT)
    {
        AddTestCase(new LinkFaultModelTestCase, TestCase::QUICK);
        AddTestCase(new DomainFaultsTestCase, TestCase::QUICK);
        AddTestCase(new LossyRegistrationTestCase, TestCase::QUICK);
        AddTestCase(new NothingLeftBehindTestCase(false), TestCase::QUICK);
        AddTestCase(new NothingLeftBehindTestCase(true), TestCase::QUICK);
        AddTestCase(new ReorderedSignallingTestCase, TestCase::QUICK);
        AddTestCase(new AgentRestartTestCase, TestCase::QUICK);
        AddTestCase(new HeartbeatCodecTestCase, TestCase::QUICK);
        AddTestCase(new HeartbeatTestCase, TestCase::QUICK);
        AddTestCase(new RogueNodeTestCase(false), TestCase::QUICK);
        AddTestCase(new RogueNodeTestCase(true), TestCase::QUICK);
    }
};

/// The suite's static instance.
static ReliabilityTestSuite g_reliabilityTestSuite;
