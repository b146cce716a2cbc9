/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Replays fuzz inputs through the same targets the libFuzzer executables run
 * (fuzz/NAME-target.h), so that an input that once crashed or leaked stays fixed in every
 * build, without clang or sanitizers:
 *  - for each target, its seeds (the module's sample messages in the target's input format)
 *    and every file of the target's minimized corpus, fuzz/corpus/NAME/ (read from the source
 *    tree: NS_TEST_SOURCEDIR/../fuzz/corpus, which resolves in the standalone build and, from
 *    the ns-3 top directory, in-tree); a missing or empty corpus folder is a failure;
 *    a property the target checks (round trips, clean rejection with a reason or a counted
 *    drop, counters, ...) that fails is a test failure;
 *  - the receive-path replay also checks that every binding update list entry (MAG) and
 *    binding cache entry (LMA) removed while it ran is freed once its timers are past (a
 *    libFuzzer leak report: an entry's timer EventId kept the event, whose argument is the
 *    entry, alive in a reference cycle);
 *  - the same leak, scripted: a handover to another MAG (the MAG's entry is removed on the
 *    revocation) and a de-registration (the LMA's entry is deleted after
 *    MinDelayBeforeBCEDelete), and at unit level for both entry classes.
 */

#include "../fuzz/ipv4-receive-target.h"
#include "../fuzz/mag-receive-target.h"
#include "../fuzz/mobility-header-target.h"
#include "../fuzz/mobility-l4-receive-target.h"
#include "../fuzz/mobility-option-list-target.h"
#include "../fuzz/traffic-selector-target.h"
#include "pmipv6-test-source-dir.h"

#include "ns3/binding-cache.h"
#include "ns3/binding-update-header.h"
#include "ns3/binding-update-list.h"
#include "ns3/pmipv6-options.h"
#include "ns3/test.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace ns3;

namespace
{

/// One input to replay.
struct FuzzInput
{
    std::string name;        ///< seed name or file name
    pmipv6fuzz::Bytes bytes; ///< the input
};

/**
 * \brief The folder of a target's corpus in the source tree.
 * \param dir the target's name
 * \return NS_TEST_SOURCEDIR/../fuzz/corpus/DIR
 */
std::filesystem::path
CorpusDir(const std::string& dir)
{
    return std::filesystem::path(NS_TEST_SOURCEDIR) / ".." / "fuzz" / "corpus" / dir;
}

/**
 * \brief The seeds of a target followed by the files of fuzz/corpus/DIR (sorted).
 * \param seeds the seeds
 * \param dir the corpus directory name
 * \param files set to the number of corpus files found
 * \return the inputs
 */
std::vector<FuzzInput>
CollectInputs(const pmipv6fuzz::Seeds& seeds, const std::string& dir, uint32_t& files)
{
    std::vector<FuzzInput> inputs;
    for (const auto& s : seeds)
    {
        inputs.push_back({"seed " + s.first, s.second});
    }
    files = 0;
    std::filesystem::path corpus = CorpusDir(dir);
    if (!std::filesystem::is_directory(corpus))
    {
        return inputs;
    }
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(corpus))
    {
        if (entry.is_regular_file())
        {
            paths.push_back(entry.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths)
    {
        std::ifstream in(path, std::ios::binary);
        pmipv6fuzz::Bytes bytes{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
        inputs.push_back({dir + "/" + path.filename().string(), bytes});
        files++;
    }
    return inputs;
}

/**
 * \brief Why a target's corpus was not found (for the failure message).
 * \param dir the target's name
 * \return the folder tried and the working directory
 */
std::string
NoCorpus(const std::string& dir)
{
    return "no corpus files in " + CorpusDir(dir).string() + " (working directory " +
           std::filesystem::current_path().string() + ")";
}

/**
 * \brief Run one input through a target.
 * \param run the target
 * \param input the input
 * \return the failed check, empty when every check held
 */
std::string
RunChecked(const std::function<void(const uint8_t*, size_t)>& run, const FuzzInput& input)
{
    try
    {
        run(input.bytes.data(), input.bytes.size());
    }
    catch (const pmipv6fuzz::CheckFailure& e)
    {
        return e.what();
    }
    return "";
}

/**
 * \ingroup pmipv6-tests
 * \brief Replays the seeds and corpus of one codec target (header, option list, selector).
 */
class CodecReplayTestCase : public TestCase
{
  public:
    /**
     * \brief Build the case.
     * \param dir the corpus directory name (also the target's name)
     * \param seeds builds the target's seeds
     * \param run the target
     */
    CodecReplayTestCase(const std::string& dir,
                        pmipv6fuzz::Seeds (*seeds)(),
                        void (*run)(const uint8_t*, size_t))
        : TestCase("replay the " + dir + " seeds and corpus"),
          m_dir(dir),
          m_seeds(seeds),
          m_run(run)
    {
    }

  private:
    void DoRun() override
    {
        uint32_t files = 0;
        std::vector<FuzzInput> inputs = CollectInputs(m_seeds(), m_dir, files);
        NS_TEST_ASSERT_MSG_GT(inputs.size(), files, m_dir << ": no seeds");
        NS_TEST_EXPECT_MSG_GT(files, 0, NoCorpus(m_dir));
        for (const auto& input : inputs)
        {
            std::string failure = RunChecked(m_run, input);
            NS_TEST_EXPECT_MSG_EQ(failure, "", m_dir << " input " << input.name);
        }
    }

    std::string m_dir;                     ///< corpus directory
    pmipv6fuzz::Seeds (*m_seeds)();        ///< seeds
    void (*m_run)(const uint8_t*, size_t); ///< target
};

/**
 * \ingroup pmipv6-tests
 * \brief Collects the entries removed from a MAG's binding update list and an LMA's binding
 * cache, and checks that nothing but the collector still holds them.
 */
class RemovedEntries
{
  public:
    /**
     * \brief Connect to the "EntryRemoved" traces.
     * \param mag the MAG
     * \param lma the LMA
     */
    void Connect(Ptr<Pmipv6MagApplication> mag, Ptr<Pmipv6LmaApplication> lma)
    {
        mag->GetBindingUpdateList()->TraceConnectWithoutContext(
            "EntryRemoved",
            MakeCallback(&RemovedEntries::BulRemoved, this));
        lma->GetBindingCache()->TraceConnectWithoutContext(
            "EntryRemoved",
            MakeCallback(&RemovedEntries::BceRemoved, this));
    }

    /**
     * \brief BUL "EntryRemoved" sink.
     * \param e the entry
     */
    void BulRemoved(Ptr<const BindingUpdateListEntry> e)
    {
        bul.push_back(e);
    }

    /**
     * \brief BindingCache "EntryRemoved" sink.
     * \param e the entry
     */
    void BceRemoved(Ptr<const BindingCacheEntry> e)
    {
        bce.push_back(e);
    }

    /**
     * \brief Entries that something besides this collector still references.
     * \return "BUL id N (refs R)" items, empty when every entry is free
     */
    std::string Retained() const
    {
        std::ostringstream os;
        for (const auto& e : bul)
        {
            if (e->GetReferenceCount() != 1)
            {
                os << "BUL id " << e->id << " (refs " << e->GetReferenceCount() << ") ";
            }
        }
        for (const auto& e : bce)
        {
            if (e->GetReferenceCount() != 1)
            {
                os << "BCE id " << e->id << " (refs " << e->GetReferenceCount() << ") ";
            }
        }
        return os.str();
    }

    std::vector<Ptr<const BindingUpdateListEntry>> bul; ///< removed BUL entries
    std::vector<Ptr<const BindingCacheEntry>> bce;      ///< removed binding cache entries
};

/**
 * \ingroup pmipv6-tests
 * \brief Replays the receive-path seeds and corpus on the fuzzer's domain; then checks that
 * the entries removed meanwhile were freed.
 */
class ReceiveReplayTestCase : public TestCase
{
  public:
    ReceiveReplayTestCase()
        : TestCase("replay the mobility-l4-receive seeds and corpus; removed entries are freed")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        pmipv6fuzz::l4receive::Domain domain;
        domain.Build();
        RemovedEntries removed;
        removed.Connect(domain.GetMag(), domain.GetLma());

        uint32_t files = 0;
        std::vector<FuzzInput> inputs =
            CollectInputs(pmipv6fuzz::l4receive::MakeSeeds(), "mobility-l4-receive", files);
        NS_TEST_EXPECT_MSG_GT(files, 0, NoCorpus("mobility-l4-receive"));
        for (const auto& input : inputs)
        {
            std::string failure =
                RunChecked([&domain](const uint8_t* d, size_t n) { domain.Run(d, n); }, input);
            NS_TEST_EXPECT_MSG_EQ(failure, "", "mobility-l4-receive input " << input.name);
        }
        NS_TEST_EXPECT_MSG_GT(domain.GetDecodedCount(), 0, "DEC decoded no sample");
        NS_TEST_EXPECT_MSG_GT(removed.bul.size(), 0, "no BUL entry was removed: check is void");

        // past every timer of the removed entries (refresh, retransmission, lifetime, delete)
        Simulator::Stop(Seconds(4000));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(removed.Retained(), "", "removed entries still referenced");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Replays the seeds and corpus of one MAG receive-path target (mag-fmi, mag-pfbi,
 * mag-lroreq, mag-pbu) on the fuzzer's domain.
 */
class MagReceiveReplayTestCase : public TestCase
{
  public:
    /**
     * \brief Build the case.
     * \param dir the target's name (its corpus folder)
     * \param path the receive path
     * \param seeds builds the target's seeds
     */
    MagReceiveReplayTestCase(const std::string& dir,
                             pmipv6fuzz::magreceive::Path path,
                             pmipv6fuzz::Seeds (*seeds)())
        : TestCase("replay the " + dir + " seeds and corpus"),
          m_dir(dir),
          m_path(path),
          m_seeds(seeds)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        uint32_t files = 0;
        std::vector<FuzzInput> inputs = CollectInputs(m_seeds(), m_dir, files);
        NS_TEST_EXPECT_MSG_GT(files, 0, NoCorpus(m_dir));
        {
            pmipv6fuzz::magreceive::Domain domain;
            domain.Build();
            NS_TEST_ASSERT_MSG_EQ(
                domain.Get().magApp[0]->GetBindingUpdateList()->GetEntries().size(),
                1,
                "the MN did not register at MAG1");
            uint64_t rx = domain.GetProtocol()->GetRxCount();
            pmipv6fuzz::magreceive::Path path = m_path;
            for (const auto& input : inputs)
            {
                std::string failure = RunChecked(
                    [&domain, path](const uint8_t* d, size_t n) { domain.Run(path, d, n); },
                    input);
                NS_TEST_EXPECT_MSG_EQ(failure, "", m_dir << " input " << input.name);
            }
            // the seeds reach the handler, and it answers some of them
            NS_TEST_EXPECT_MSG_GT(domain.GetProtocol()->GetRxCount(), rx, "nothing dispatched");
            NS_TEST_EXPECT_MSG_GT(domain.GetAnswerCount(), 0, m_dir << ": no input answered");
            Simulator::Destroy();
        }
    }

    std::string m_dir;                   ///< corpus directory
    pmipv6fuzz::magreceive::Path m_path; ///< receive path
    pmipv6fuzz::Seeds (*m_seeds)();      ///< seeds
};

/**
 * \ingroup pmipv6-tests
 * \brief Replays the seeds and the committed corpus of an IPv4 receive target (ipv4-transport,
 * mag-dhcp) on its domain: every input keeps the target's properties; the seeds reach the
 * path (packets handed to IPv6, DHCP replies).
 */
class Ipv4ReceiveReplayTestCase : public TestCase
{
  public:
    /**
     * \brief Build the case.
     * \param dir the target's name (its corpus folder)
     * \param path the receive path
     * \param seeds builds the target's seeds
     */
    Ipv4ReceiveReplayTestCase(const std::string& dir,
                              pmipv6fuzz::ipv4receive::Path path,
                              pmipv6fuzz::Seeds (*seeds)())
        : TestCase("replay the " + dir + " seeds and corpus"),
          m_dir(dir),
          m_path(path),
          m_seeds(seeds)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        uint32_t files = 0;
        std::vector<FuzzInput> inputs = CollectInputs(m_seeds(), m_dir, files);
        NS_TEST_EXPECT_MSG_GT(files, 0, NoCorpus(m_dir));
        {
            pmipv6fuzz::ipv4receive::Domain domain;
            domain.Build();
            NS_TEST_ASSERT_MSG_EQ(domain.GetHomeAddress(),
                                  Ipv4Address(pmipv6fuzz::ipv4receive::HOME_ADDRESS),
                                  "the MN's IPv4 home address at MAG1");
            pmipv6fuzz::ipv4receive::Path path = m_path;
            for (const auto& input : inputs)
            {
                std::string failure = RunChecked(
                    [&domain, path](const uint8_t* d, size_t n) { domain.Run(path, d, n); },
                    input);
                NS_TEST_EXPECT_MSG_EQ(failure, "", m_dir << " input " << input.name);
            }
            if (m_path == pmipv6fuzz::ipv4receive::TRANSPORT)
            {
                NS_TEST_EXPECT_MSG_GT(domain.GetTransportReceived(),
                                      0,
                                      "no input was handed to IPv6");
            }
            else
            {
                NS_TEST_EXPECT_MSG_GT(domain.GetDhcpReplies(), 0, "no DHCP message answered");
            }
            Simulator::Destroy();
        }
    }

    std::string m_dir;                    ///< corpus directory
    pmipv6fuzz::ipv4receive::Path m_path; ///< receive path
    pmipv6fuzz::Seeds (*m_seeds)();       ///< seeds
};

/**
 * \ingroup pmipv6-tests
 * \brief The leak scripted: the MN's binding moves to another MAG (the LMA revokes the old
 * MAG's binding: its BUL entry is removed), then that MAG de-registers (the LMA deletes its
 * binding cache entry MinDelayBeforeBCEDelete later); both removed entries must be freed.
 */
class TimerCycleTestCase : public TestCase
{
  public:
    TimerCycleTestCase()
        : TestCase("removed BUL and binding cache entries are freed (timer reference cycle)")
    {
    }

  private:
    /**
     * \brief A receive-path input: a PBU for the domain's MN sent to the LMA from the other
     * address on the LMA-MAG link.
     * \param lifetimeUnits the lifetime (4 s units; 0 de-registers)
     * \param timestamp the Timestamp option
     * \param sequence the sequence number
     * \return the input (control octet, then the PBU)
     */
    static pmipv6fuzz::Bytes OtherMagPbu(uint16_t lifetimeUnits, Time timestamp, uint16_t sequence)
    {
        BindingUpdateHeader pbu;
        pbu.SetSequence(sequence);
        pbu.SetLifetime(lifetimeUnits);
        pbu.AddOption(Create<MobileNodeIdentifierOption>(pmipv6fuzz::l4receive::MN_ID));
        pbu.AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:1:1:1::"), 64));
        pbu.AddOption(Create<HandoffIndicatorOption>(mip6::HI_HANDOFF_BETWEEN_MAGS));
        pbu.AddOption(Create<AccessTechnologyTypeOption>(mip6::ATT_IEEE_802_3));
        pbu.AddOption(Create<TimestampOption>(timestamp));
        pmipv6fuzz::Bytes input{pmipv6fuzz::l4receive::Control(1, 1)};
        pmipv6fuzz::Bytes message = pmipv6fuzz::SerializeHeader(pbu);
        input.insert(input.end(), message.begin(), message.end());
        return input;
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        pmipv6fuzz::l4receive::Domain domain;
        domain.Build();
        RemovedEntries removed;
        removed.Connect(domain.GetMag(), domain.GetLma());
        NS_TEST_ASSERT_MSG_EQ(domain.GetMag()->GetBindingUpdateList()->GetEntries().size(),
                              1,
                              "the MN did not register");

        pmipv6fuzz::Bytes moveAway = OtherMagPbu(100, Seconds(1000), 1);
        pmipv6fuzz::Bytes leave = OtherMagPbu(0, Seconds(1001), 2);
        std::string failure =
            RunChecked([&domain](const uint8_t* d, size_t n) { domain.Run(d, n); },
                       {"handover", moveAway});
        NS_TEST_EXPECT_MSG_EQ(failure, "", "handover PBU");
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(removed.bul.size(), 1, "the old MAG kept its binding");
        failure = RunChecked([&domain](const uint8_t* d, size_t n) { domain.Run(d, n); },
                             {"de-registration", leave});
        NS_TEST_EXPECT_MSG_EQ(failure, "", "de-registration PBU");

        Simulator::Stop(Seconds(4000));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(removed.bce.size(), 1, "the LMA kept the binding cache entry");
        NS_TEST_EXPECT_MSG_EQ(removed.Retained(), "", "removed entries still referenced");
        Simulator::Destroy();
    }
};

/**
 * \brief Event handler holding an entry, as the MAG's and LMA's timers do.
 * \param e the entry
 */
template <typename Entry>
void
TimerHandler(Ptr<Entry> e)
{
}

/**
 * \ingroup pmipv6-tests
 * \brief CancelTimers releases the events (run or cancelled) that hold the entry.
 */
class CancelTimersReleasesTestCase : public TestCase
{
  public:
    CancelTimersReleasesTestCase()
        : TestCase("CancelTimers releases the events that reference the entry")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<BindingUpdateListEntry> bul = Create<BindingUpdateListEntry>();
        bul->retransmitTimer =
            Simulator::Schedule(Seconds(1), &TimerHandler<BindingUpdateListEntry>, bul);
        bul->refreshTimer =
            Simulator::Schedule(Seconds(5), &TimerHandler<BindingUpdateListEntry>, bul);
        Ptr<BindingCacheEntry> bce = Create<BindingCacheEntry>();
        bce->lifetimeTimer = Simulator::Schedule(Seconds(1), &TimerHandler<BindingCacheEntry>, bce);
        bce->deleteTimer = Simulator::Schedule(Seconds(5), &TimerHandler<BindingCacheEntry>, bce);
        // the 1 s timers run, the 5 s ones are cancelled while pending
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        bul->CancelTimers();
        bce->CancelTimers();
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(bul->GetReferenceCount(), 1, "BUL entry still referenced");
        NS_TEST_EXPECT_MSG_EQ(bce->GetReferenceCount(), 1, "binding cache entry still referenced");
        NS_TEST_EXPECT_MSG_EQ(bul->retransmitTimer.IsRunning(), false, "timer running");
        NS_TEST_EXPECT_MSG_EQ(bce->deleteTimer.IsRunning(), false, "timer running");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The fuzz regression suite.
 */
class FuzzRegressionTestSuite : public TestSuite
{
  public:
    FuzzRegressionTestSuite()
        : TestSuite("pmipv6-fuzz-regression", UNIT)
    {
        AddTestCase(new CodecReplayTestCase("mobility-header",
                                            &pmipv6fuzz::mobilityheader::MakeSeeds,
                                            &pmipv6fuzz::mobilityheader::Run),
                    TestCase::QUICK);
        AddTestCase(new CodecReplayTestCase("mobility-option-list",
                                            &pmipv6fuzz::optionlist::MakeSeeds,
                                            &pmipv6fuzz::optionlist::Run),
                    TestCase::QUICK);
        AddTestCase(new CodecReplayTestCase("traffic-selector",
                                            &pmipv6fuzz::trafficselector::MakeSeeds,
                                            &pmipv6fuzz::trafficselector::Run),
                    TestCase::QUICK);
        AddTestCase(new ReceiveReplayTestCase, TestCase::QUICK);
        AddTestCase(new MagReceiveReplayTestCase("mag-fmi",
                                                 pmipv6fuzz::magreceive::FMI,
                                                 &pmipv6fuzz::magreceive::MakeFmiSeeds),
                    TestCase::QUICK);
        AddTestCase(new MagReceiveReplayTestCase("mag-pfbi",
                                                 pmipv6fuzz::magreceive::PFBI,
                                                 &pmipv6fuzz::magreceive::MakePfbiSeeds),
                    TestCase::QUICK);
        AddTestCase(new MagReceiveReplayTestCase("mag-lroreq",
                                                 pmipv6fuzz::magreceive::LROREQ,
                                                 &pmipv6fuzz::magreceive::MakeLroreqSeeds),
                    TestCase::QUICK);
        AddTestCase(new MagReceiveReplayTestCase("mag-pbu",
                                                 pmipv6fuzz::magreceive::PEER_PBU,
                                                 &pmipv6fuzz::magreceive::MakePeerPbuSeeds),
                    TestCase::QUICK);
        AddTestCase(new Ipv4ReceiveReplayTestCase("ipv4-transport",
                                                  pmipv6fuzz::ipv4receive::TRANSPORT,
                                                  &pmipv6fuzz::ipv4receive::MakeTransportSeeds),
                    TestCase::QUICK);
        AddTestCase(new Ipv4ReceiveReplayTestCase("mag-dhcp",
                                                  pmipv6fuzz::ipv4receive::DHCP,
                                                  &pmipv6fuzz::ipv4receive::MakeDhcpSeeds),
                    TestCase::QUICK);
        AddTestCase(new TimerCycleTestCase, TestCase::QUICK);
        AddTestCase(new CancelTimersReleasesTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
static FuzzRegressionTestSuite g_fuzzRegressionTestSuite;

} // namespace
