/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * RunPmipv6Scenario: sane results from a run (deliveries, latencies that follow the MAG-LMA
 * delay, address continuity, one move record per scheduled move), reproducibility of several
 * runs in one process (same seed and run: identical; another run number: different),
 * attributes by name (BindingLifetime shows up as refresh PBUs, and does not leak into the
 * next run), a bad attribute name or configuration rejected with an exception that leaves
 * the process able to run again, Wi-Fi access and a DOT topology. The attach schedule and
 * moves relative to each node's attachment (100 MNs attaching past firstMove all register and
 * keep their address), and why a node is unregistered at the end.
 */

#include "pmipv6-test-source-dir.h"

#include "ns3/pmipv6-scenario.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \brief A short two-MAG CSMA scenario.
 * \return the configuration
 */
Pmipv6ScenarioConfig
SmallConfig()
{
    Pmipv6ScenarioConfig c;
    c.nMags = 2;
    c.nMns = 2;
    c.magLmaDelay = "5ms";
    c.simTime = 10;
    c.trafficStart = 1.5;
    c.firstMove = 3;
    c.moveInterval = 3;
    c.linkSwitchDelay = 0.05;
    c.downlinkInterval = 0.01;
    c.uplinkInterval = 0.01;
    return c;
}

/**
 * \brief Whether two results are the same, ignoring the wall-clock time.
 * \param a a result
 * \param b another
 * \return true when every measured value is equal
 */
bool
SameResults(const Pmipv6ScenarioResult& a, const Pmipv6ScenarioResult& b)
{
    auto sa = a.GetScalars();
    auto sb = b.GetScalars();
    sa.erase("wall_clock_s");
    sb.erase("wall_clock_s");
    if (sa != sb || a.signalling != b.signalling || a.flows.size() != b.flows.size() ||
        a.registrations.size() != b.registrations.size() || a.moves.size() != b.moves.size() ||
        a.timeSeries.size() != b.timeSeries.size())
    {
        return false;
    }
    for (size_t k = 0; k < a.flows.size(); ++k)
    {
        if (a.flows[k].rxPackets != b.flows[k].rxPackets ||
            a.flows[k].meanDelayMs != b.flows[k].meanDelayMs)
        {
            return false;
        }
    }
    for (size_t k = 0; k < a.registrations.size(); ++k)
    {
        if (a.registrations[k].time != b.registrations[k].time ||
            a.registrations[k].latencyMs != b.registrations[k].latencyMs)
        {
            return false;
        }
    }
    for (size_t k = 0; k < a.moves.size(); ++k)
    {
        if (a.moves[k].detachTime != b.moves[k].detachTime ||
            a.moves[k].downlinkInterruptionMs != b.moves[k].downlinkInterruptionMs)
        {
            return false;
        }
    }
    for (size_t k = 0; k < a.timeSeries.size(); ++k)
    {
        if (a.timeSeries[k].bytes != b.timeSeries[k].bytes)
        {
            return false;
        }
    }
    return true;
}

/**
 * \ingroup pmipv6-test
 * \brief One run gives sane results: every MN registered, moved as scheduled, kept its
 * address, got its traffic; latencies follow the MAG-LMA delay.
 */
class ScenarioSanityTestCase : public TestCase
{
  public:
    ScenarioSanityTestCase()
        : TestCase("one run: deliveries, registrations, moves, latencies, time series")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6ScenarioConfig c = SmallConfig();
        c.magLmaDelay = "20ms";
        Pmipv6ScenarioResult r = RunPmipv6Scenario(c);
        auto s = r.GetScalars();

        // Moves at 3 and 6 s for each of the 2 MNs (9 s + 50 ms is past trafficStop 9.5 s? no:
        // the third would leave at 9 s and join at 9.05 s, before 9.5 s).
        NS_TEST_ASSERT_MSG_EQ(r.moves.size(), 6u, "three moves per mobile node");
        NS_TEST_EXPECT_MSG_EQ(s["moves_restored"], 6, "traffic resumed after every move");
        NS_TEST_EXPECT_MSG_EQ(r.registrations.size(), 8u, "2 initial + 6 handover registrations");
        NS_TEST_EXPECT_MSG_EQ(s["handover_registrations"], 6, "6 handover registrations");
        for (const auto& e : r.registrations)
        {
            // PBU and PBA each cross the 20 ms MAG-LMA link once.
            NS_TEST_EXPECT_MSG_GT_OR_EQ(e.latencyMs, 40.0, "latency at least one round trip");
            NS_TEST_EXPECT_MSG_LT(e.latencyMs, 60.0, "latency about one round trip");
        }
        for (const auto& m : r.moves)
        {
            NS_TEST_EXPECT_MSG_NE(m.fromMag, m.toMag, "a move changes MAG");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(m.detachTime, 3.0, "detach as scheduled");
            NS_TEST_EXPECT_MSG_EQ_TOL(m.attachTime - m.detachTime,
                                      0.05,
                                      1e-9,
                                      "attach linkSwitchDelay after the detach");
            NS_TEST_EXPECT_MSG_GT(m.registrationLatencyMs, 0.0, "registered after the move");
            // The gap is at least the link switch plus the registration, and not much more.
            NS_TEST_EXPECT_MSG_GT_OR_EQ(m.downlinkInterruptionMs, 50.0 + 40.0, "interruption");
            NS_TEST_EXPECT_MSG_LT(m.downlinkInterruptionMs, 50.0 + 60.0 + 30.0, "interruption");
        }
        NS_TEST_ASSERT_MSG_EQ(r.mobileNodes.size(), 2u, "two mobile nodes");
        for (const auto& mn : r.mobileNodes)
        {
            NS_TEST_EXPECT_MSG_EQ(mn.addressKept, true, mn.mnId << " kept its home address");
            NS_TEST_EXPECT_MSG_EQ(mn.moves, 3u, mn.mnId << " moved three times");
            NS_TEST_EXPECT_MSG_GT(mn.downlinkRxPackets, 700u, mn.mnId << " got its downlink");
        }
        NS_TEST_EXPECT_MSG_EQ(r.flows.size(), 4u, "one flow per MN and direction");
        for (const auto& f : r.flows)
        {
            NS_TEST_EXPECT_MSG_NE(f.direction, "other", "every flow belongs to an MN");
            NS_TEST_EXPECT_MSG_GT(f.rxPackets, 0u, "delivered");
            // Only the packets sent while the MN is between MAGs or unregistered are lost:
            // 3 moves x ~0.1 s of 8 s of traffic.
            NS_TEST_EXPECT_MSG_LT(f.lossRatio, 0.06, "small loss");
            NS_TEST_EXPECT_MSG_GT(f.meanDelayMs, 20.0 + 2.0, "delay includes the links");
        }
        NS_TEST_EXPECT_MSG_GT_OR_EQ(r.signalling["PBU"], 8u, "PBUs sent");
        NS_TEST_EXPECT_MSG_EQ(r.signalling["PBA"], r.signalling["PBU-received"], "PBA per PBU");
        NS_TEST_EXPECT_MSG_EQ(r.signalling["PBU-dereg"], 6u, "one de-registration per move");
        NS_TEST_EXPECT_MSG_EQ(r.signalling["PBU-refresh"], 0u, "no refresh with 600 s lifetime");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(r.signalling["RA"], 8u, "an RA per registration");

        // Time series: bins of 100 ms over 10 s; what the MNs received on their interface
        // equals what the MAGs sent on their access links, give or take the bins.
        bool magAccess = false;
        uint64_t mnRx = 0;
        uint64_t magTx = 0;
        for (const auto& ts : r.timeSeries)
        {
            NS_TEST_EXPECT_MSG_EQ(ts.bytes.size(), 100u, "100 bins");
            uint64_t sum = 0;
            for (auto b : ts.bytes)
            {
                sum += b;
            }
            if (ts.role == "mn" && ts.direction == "rx")
            {
                mnRx += sum;
            }
            if (ts.role == "mag" && ts.link == "access" && ts.direction == "tx")
            {
                magAccess = true;
                magTx += sum;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(magAccess, true, "MAG access-link series present");
        NS_TEST_EXPECT_MSG_GT(mnRx, 0u, "MNs received bytes");
        // (up to a few control packets at each attachment, 144 octets per move here,
        // which the MN's Rx trace sees and the MAG's Tx trace does not: within 1 %)
        NS_TEST_EXPECT_MSG_EQ_TOL(double(mnRx),
                                  double(magTx),
                                  0.01 * magTx,
                                  "MN rx = MAG access tx (single-hop access links)");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Runs in one process: same seed and run, identical results; another run number,
 * different results (the move times are random).
 */
class ScenarioReproducibilityTestCase : public TestCase
{
  public:
    ScenarioReproducibilityTestCase()
        : TestCase("same seed and run: identical; other run: different")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6ScenarioConfig c = SmallConfig();
        c.moveJitter = 1.0;
        c.run = 3;
        Pmipv6ScenarioResult a = RunPmipv6Scenario(c);
        Pmipv6ScenarioResult b = RunPmipv6Scenario(c);
        NS_TEST_EXPECT_MSG_EQ(SameResults(a, b), true, "same seed and run, same results");
        NS_TEST_ASSERT_MSG_EQ(a.mobileNodes.size(), b.mobileNodes.size(), "same MNs");
#if !defined(PMIPV6_NS3_VERSION) || PMIPV6_NS3_VERSION > 331
        // ns-3.31 has no Mac48Address::ResetAllocationIndex: there the second run in one
        // process gets other MAC addresses, hence other interface identifiers.
        NS_TEST_EXPECT_MSG_EQ(a.mobileNodes[0].homeAddress,
                              b.mobileNodes[0].homeAddress,
                              "same addresses (MAC allocation reset between runs)");
#endif
        c.run = 4;
        Pmipv6ScenarioResult d = RunPmipv6Scenario(c);
        NS_TEST_EXPECT_MSG_EQ(SameResults(a, d), false, "another run, other results");
        NS_TEST_ASSERT_MSG_EQ(d.moves.empty(), false, "moves");
        NS_TEST_EXPECT_MSG_NE(a.moves[0].detachTime, d.moves[0].detachTime, "other move times");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Progress in simulated time: the callback at 0, every interval and at the end; the
 * results are those of a run without it; a callback that stops the simulator ends the run
 * there (and reports that time last).
 */
class ScenarioProgressTestCase : public TestCase
{
  public:
    ScenarioProgressTestCase()
        : TestCase("progress callback every interval of simulated time; results unchanged")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6ScenarioConfig c = SmallConfig();
        std::vector<std::pair<double, double>> calls;
        Pmipv6ScenarioResult a = RunPmipv6Scenario(
            c,
            [&calls](double now, double end) { calls.emplace_back(now, end); },
            2.5);
        std::vector<double> expected{0, 2.5, 5, 7.5, 10};
        NS_TEST_ASSERT_MSG_EQ(calls.size(), expected.size(), "0, every 2.5 s, and the end");
        for (std::size_t i = 0; i < calls.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(calls[i].first, expected[i], 1e-9, "call " << i);
            NS_TEST_EXPECT_MSG_EQ_TOL(calls[i].second, c.simTime, 1e-9, "end " << i);
        }
        Pmipv6ScenarioResult b = RunPmipv6Scenario(c);
        NS_TEST_EXPECT_MSG_EQ(SameResults(a, b), true, "progress changes no result");

        std::vector<double> nows;
        RunPmipv6Scenario(
            c,
            [&nows](double now, double) {
                nows.push_back(now);
                if (now >= 4)
                {
                    Simulator::Stop();
                }
            },
            1);
        NS_TEST_ASSERT_MSG_EQ(nows.size(), 6, "0..4 s, then the stop time");
        NS_TEST_EXPECT_MSG_EQ_TOL(nows.back(), 4.0, 1e-9, "stopped at 4 s");
        bool threw = false;
        try
        {
            RunPmipv6Scenario(c, Pmipv6StderrProgress(), -1);
        }
        catch (const std::invalid_argument&)
        {
            threw = true;
        }
        NS_TEST_EXPECT_MSG_EQ(threw, true, "a negative interval is refused");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Attributes by name take effect for one run only; bad names and configurations are
 * rejected with std::invalid_argument and leave the process able to run.
 */
class ScenarioAttributesTestCase : public TestCase
{
  public:
    ScenarioAttributesTestCase()
        : TestCase("attributes by name: effect, reset after the run, bad names rejected")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6ScenarioConfig c = SmallConfig();
        c.nMns = 1;
        c.moveInterval = 0; // no moves: the refreshes of one registration only
        c.simTime = 20;
        c.attributes["ns3::Pmipv6MagApplication::BindingLifetime"] = "8s";
        Pmipv6ScenarioResult shortLifetime = RunPmipv6Scenario(c);
        // Registered at ~0.5 s, lifetime 8 s, refreshed at 80 %: 6.9, 13.3, 19.7 s.
        NS_TEST_EXPECT_MSG_EQ(shortLifetime.signalling["PBU-refresh"], 3u, "3 refreshes");
        NS_TEST_EXPECT_MSG_EQ(shortLifetime.signalling["PBU-initial"], 1u, "1 registration");

        c.attributes.clear();
        Pmipv6ScenarioResult defaults = RunPmipv6Scenario(c);
        NS_TEST_EXPECT_MSG_EQ(defaults.signalling["PBU-refresh"],
                              0u,
                              "the attribute did not outlive its run");

        c.attributes["ns3::Pmipv6MagApplication::NoSuchAttribute"] = "1";
        bool thrown = false;
        try
        {
            RunPmipv6Scenario(c);
        }
        catch (const std::invalid_argument& e)
        {
            thrown = std::string(e.what()).find("NoSuchAttribute") != std::string::npos;
        }
        NS_TEST_EXPECT_MSG_EQ(thrown, true, "unknown attribute rejected by name");

        c.attributes.clear();
        c.attributes["ns3::Pmipv6MagApplication::BindingLifetime"] = "not a time";
        thrown = false;
        try
        {
            RunPmipv6Scenario(c);
        }
        catch (const std::invalid_argument&)
        {
            thrown = true;
        }
        NS_TEST_EXPECT_MSG_EQ(thrown, true, "invalid value rejected");

        c.attributes.clear();
        c.access = "lte";
        thrown = false;
        try
        {
            RunPmipv6Scenario(c);
        }
        catch (const std::invalid_argument&)
        {
            thrown = true;
        }
        NS_TEST_EXPECT_MSG_EQ(thrown, true, "unknown access rejected");

        c.access = "csma";
        Pmipv6ScenarioResult after = RunPmipv6Scenario(c);
        NS_TEST_EXPECT_MSG_EQ(SameResults(after, defaults),
                              true,
                              "a run after rejected ones is as if they never happened");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Wi-Fi access and a DOT topology run through the same runner.
 */
class ScenarioTopologiesTestCase : public TestCase
{
  public:
    ScenarioTopologiesTestCase()
        : TestCase("Wi-Fi star and DOT topology")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6ScenarioConfig c = SmallConfig();
        c.access = "wifi";
        c.nMns = 1;
        c.simTime = 9;
        c.firstMove = 4;
        c.moveInterval = 10;
        c.downlinkInterval = 0.02;
        c.uplinkInterval = 0.02;
        Pmipv6ScenarioResult wifi = RunPmipv6Scenario(c);
        NS_TEST_ASSERT_MSG_EQ(wifi.moves.size(), 1u, "one Wi-Fi move");
        NS_TEST_EXPECT_MSG_EQ(wifi.moves[0].restored, true, "traffic resumed");
        NS_TEST_EXPECT_MSG_EQ(wifi.mobileNodes[0].addressKept, true, "address kept");
        NS_TEST_EXPECT_MSG_GT(wifi.moves[0].registrationLatencyMs, 10.0, "registered");

        Pmipv6ScenarioConfig d = SmallConfig();
        d.topology =
            std::string(NS_TEST_SOURCEDIR) + "/../examples/topologies/one-lma-two-mags.dot";
        Pmipv6ScenarioResult dot = RunPmipv6Scenario(d);
        NS_TEST_EXPECT_MSG_EQ(dot.magNames.size(), 2u, "the file's MAGs");
        NS_TEST_EXPECT_MSG_EQ(dot.moves.size(), 6u, "moves in the DOT topology");
        NS_TEST_EXPECT_MSG_EQ(dot.GetScalars()["moves_restored"], 6, "all restored");

        d.topology = std::string(NS_TEST_SOURCEDIR) + "/no-such-topology.dot";
        bool thrown = false;
        try
        {
            RunPmipv6Scenario(d);
        }
        catch (const std::invalid_argument&)
        {
            thrown = true;
        }
        NS_TEST_EXPECT_MSG_EQ(thrown, true, "missing DOT file rejected");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Many mobile nodes whose attachments spread past firstMove (issue 9, the 1,000-MN run
 * of 10 MAGs scaled down to 100 MNs): every node registers at its own attachment time first,
 * moves only after it, no registration fails, no PBA is rejected, every node keeps its
 * address.
 */
class ScenarioLateAttachmentTestCase : public TestCase
{
  public:
    ScenarioLateAttachmentTestCase()
        : TestCase("100 MNs attaching past firstMove: no move before attachment, all registered")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6ScenarioConfig c;
        c.nMags = 10;
        c.nMns = 100; // attach at 0.5 .. 1.49 s
        c.simTime = 4;
        c.firstMove = 1.05;
        c.moveInterval = 1;
        c.downlinkInterval = 0;
        c.uplinkInterval = 0;
        Pmipv6ScenarioResult r = RunPmipv6Scenario(c);
        NS_TEST_EXPECT_MSG_EQ(r.signalling["registration-failed"], 0u, "no failed registration");
        NS_TEST_EXPECT_MSG_EQ(r.signalling["PBA-rejected"], 0u, "no rejected PBA");
        NS_TEST_ASSERT_MSG_EQ(r.mobileNodes.size(), 100u, "100 mobile nodes");
        uint32_t kept = 0;
        for (const auto& m : r.mobileNodes)
        {
            kept += m.addressKept ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(kept, 100u, "every mobile node kept its address");
        // Each node's first registration follows its own attachment at 0.5 + 0.01 k s.
        std::map<std::string, double> firstRegistration;
        for (const auto& e : r.registrations)
        {
            if (!firstRegistration.count(e.mnId))
            {
                firstRegistration[e.mnId] = e.time;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(firstRegistration.size(), 100u, "every node registered");
        for (const auto& kv : firstRegistration)
        {
            uint32_t k = std::stoul(kv.first.substr(2)) - 1;
            NS_TEST_EXPECT_MSG_GT(kv.second,
                                  0.5 + 0.01 * k,
                                  kv.first << " registered first after its own attachment");
        }
        for (const auto& m : r.moves)
        {
            NS_TEST_EXPECT_MSG_GT(m.detachTime,
                                  firstRegistration[m.mnId],
                                  m.mnId << " moved after its first registration");
        }
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The attach schedule is configurable (attachStart, attachSpacing) and every node's
 * moves are relative to its own attachment; a first move before attachStart is refused.
 */
class ScenarioAttachScheduleTestCase : public TestCase
{
  public:
    ScenarioAttachScheduleTestCase()
        : TestCase("attachStart, attachSpacing: moves relative to each node's attachment")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6ScenarioConfig c = SmallConfig();
        c.nMns = 3;
        c.attachStart = 1;
        c.attachSpacing = 0.5;
        c.firstMove = 2;
        c.moveInterval = 3;
        c.simTime = 7;
        Pmipv6ScenarioResult r = RunPmipv6Scenario(c);
        NS_TEST_ASSERT_MSG_EQ(r.mobileNodes.size(), 3u, "three mobile nodes");
        for (uint32_t k = 0; k < 3; ++k)
        {
            const Pmipv6MobileNodeResult& m = r.mobileNodes[k];
            NS_TEST_EXPECT_MSG_EQ_TOL(m.attachTime, 1 + 0.5 * k, 1e-9, m.mnId << " attach time");
            NS_TEST_EXPECT_MSG_EQ(m.moves, 2u, m.mnId << " moves at +1 s and +4 s");
            NS_TEST_EXPECT_MSG_EQ(m.registered, true, m.mnId << " registered at the end");
        }
        std::map<std::string, std::vector<double>> detach;
        for (const auto& m : r.moves)
        {
            detach[m.mnId].push_back(m.detachTime);
        }
        for (uint32_t k = 0; k < 3; ++k)
        {
            std::string mnId = "mn" + std::to_string(k + 1);
            NS_TEST_ASSERT_MSG_EQ(detach[mnId].size(), 2u, mnId << " two moves");
            NS_TEST_EXPECT_MSG_EQ_TOL(detach[mnId][0], 2 + 0.5 * k, 1e-9, mnId << " first move");
            NS_TEST_EXPECT_MSG_EQ_TOL(detach[mnId][1], 5 + 0.5 * k, 1e-9, mnId << " second");
        }
        for (const auto& e : r.registrations)
        {
            NS_TEST_EXPECT_MSG_GT(e.time, 1.0, "nothing registers before attachStart");
        }

        c.firstMove = 1; // = attachStart: would move before (or as) it attaches
        bool thrown = false;
        try
        {
            RunPmipv6Scenario(c);
        }
        catch (const std::invalid_argument&)
        {
            thrown = true;
        }
        NS_TEST_EXPECT_MSG_EQ(thrown, true, "firstMove not after attachStart refused");
        c.firstMove = 2;
        c.attachSpacing = -1;
        thrown = false;
        try
        {
            RunPmipv6Scenario(c);
        }
        catch (const std::invalid_argument&)
        {
            thrown = true;
        }
        NS_TEST_EXPECT_MSG_EQ(thrown, true, "negative attachSpacing refused");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Each mobile node's registration at the end of the run and why it is unregistered:
 * registered, never attached, rejected by the LMA (152), no PBA in time.
 */
class ScenarioUnregisteredReasonTestCase : public TestCase
{
  public:
    ScenarioUnregisteredReasonTestCase()
        : TestCase("per MN: registered, or never-attached, rejected, no-pba, with the status")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6ScenarioConfig c = SmallConfig();
        c.moveInterval = 0;
        c.simTime = 4;
        c.attachSpacing = 5; // mn2 would attach at 5.5 s, after the end
        Pmipv6ScenarioResult r = RunPmipv6Scenario(c);
        NS_TEST_ASSERT_MSG_EQ(r.mobileNodes.size(), 2u, "two mobile nodes");
        NS_TEST_EXPECT_MSG_EQ(r.mobileNodes[0].registered, true, "mn1 registered");
        NS_TEST_EXPECT_MSG_EQ(r.mobileNodes[0].unregisteredReason, "", "mn1: no reason");
        NS_TEST_EXPECT_MSG_EQ(r.mobileNodes[0].registrationState, "registered", "mn1 state");
        NS_TEST_EXPECT_MSG_EQ(r.mobileNodes[0].lastPbaStatus, 0, "mn1: PBA 0");
        NS_TEST_EXPECT_MSG_EQ(r.mobileNodes[0].lastMag, "mag1", "mn1 at mag1");
        NS_TEST_EXPECT_MSG_EQ(r.mobileNodes[1].registered, false, "mn2 not registered");
        NS_TEST_EXPECT_MSG_EQ(r.mobileNodes[1].unregisteredReason,
                              "never-attached",
                              "mn2 never attached");
        NS_TEST_EXPECT_MSG_EQ(r.mobileNodes[1].lastPbaStatus, -1, "mn2: no PBA");
        NS_TEST_EXPECT_MSG_EQ(r.GetScalars()["registered_ratio"], 0.5, "half registered");

        c.attachSpacing = 0.01;
        c.attributes["ns3::Pmipv6LmaApplication::ProxyRegistrationEnabled"] = "false";
        r = RunPmipv6Scenario(c);
        for (const auto& m : r.mobileNodes)
        {
            NS_TEST_EXPECT_MSG_EQ(m.registered, false, m.mnId << " not registered");
            NS_TEST_EXPECT_MSG_EQ(m.unregisteredReason, "rejected", m.mnId << " rejected");
            NS_TEST_EXPECT_MSG_EQ(m.failureStatus, 152, m.mnId << ": PROXY_REG_NOT_ENABLED");
            NS_TEST_EXPECT_MSG_EQ(m.lastPbaStatus, 152, m.mnId << ": last PBA 152");
            NS_TEST_EXPECT_MSG_EQ(m.registrationFailures, 1u, m.mnId << ": one failure");
            NS_TEST_EXPECT_MSG_EQ(m.registrationState, "none", m.mnId << ": no entry");
        }
        NS_TEST_EXPECT_MSG_EQ(r.pbaStatus[152], 2u, "two PBAs with status 152");

        c.attributes.clear();
        c.attributes["ns3::Pmipv6MagApplication::MaxRetransmissions"] = "0";
        c.attributes["ns3::Pmipv6MagApplication::InitialBindackTimeoutFirstReg"] = "1ms";
        r = RunPmipv6Scenario(c);
        for (const auto& m : r.mobileNodes)
        {
            NS_TEST_EXPECT_MSG_EQ(m.unregisteredReason, "no-pba", m.mnId << " gave up");
            NS_TEST_EXPECT_MSG_EQ(m.failureStatus, 0, m.mnId << ": no PBA in time");
        }
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The pmipv6-scenario suite.
 */
class Pmipv6ScenarioTestSuite : public TestSuite
{
  public:
    Pmipv6ScenarioTestSuite()
        : TestSuite("pmipv6-scenario", SYSTEM)
    {
        AddTestCase(new ScenarioSanityTestCase, TestCase::QUICK);
        AddTestCase(new ScenarioReproducibilityTestCase, TestCase::QUICK);
        AddTestCase(new ScenarioProgressTestCase, TestCase::QUICK);
        AddTestCase(new ScenarioAttributesTestCase, TestCase::QUICK);
        AddTestCase(new ScenarioTopologiesTestCase, TestCase::QUICK);
        AddTestCase(new ScenarioLateAttachmentTestCase, TestCase::QUICK);
        AddTestCase(new ScenarioAttachScheduleTestCase, TestCase::QUICK);
        AddTestCase(new ScenarioUnregisteredReasonTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static Pmipv6ScenarioTestSuite g_pmipv6ScenarioTestSuite;

} // namespace
