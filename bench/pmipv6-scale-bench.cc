/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Scale benchmark: N mobile nodes attach to a star of M MAGs (CSMA access, one LMA, no user
 * traffic) and hand over once each; the cost of a run should grow linearly with N.
 *
 *      CN --- LMA ---p2p--- MAG1 .. MAGM ==csma== MNs
 *
 * With --switch=1 (the default) the MAGs reach the LMA through one L2 aggregation switch
 * (MakeStar(..., true): a BridgeNetDevice, one CSMA port link per MAG with the same rate and
 * delay): the LMA then has one transport interface instead of one per MAG. --switch=0 builds
 * one point-to-point link per MAG. With --p2mp=1 (the default) the LMA reaches all MAGs through
 * one point-to-multipoint tunnel interface (Pmipv6LmaApplication "PointToMultipointTunnel"),
 * so its IPv6 interface count stays constant; --p2mp=0 gives it one tunnel interface per MAG.
 *
 * Mobile node k (0-based) attaches to MAG k mod M at 0.5 + window * k / N s and moves to MAG
 * (k + 1) mod M dwell s later (the link switch takes 50 ms). The simulation stops when the last
 * handover has had `settle` s to complete. Printed, one per line ("name: value"):
 *  - setup_s: wall time to build the topology and the mobile nodes;
 *  - run_s: wall time of Simulator::Run;
 *  - per_mn_us: (setup_s + run_s) / N, in microseconds; cpu_per_mn_us: the process's CPU
 *    time over the same span, per MN;
 *  - peak_rss_mib: peak resident set size (getrusage);
 *  - events, events_per_s: simulator events executed, and per second of run_s;
 *  - bindings: LMA binding cache entries at the end;
 *  - bc_bytes_per_binding: heap bytes (mallinfo2) freed when the LMA's binding cache is
 *    cleared (entries and their indexes), divided by the bindings;
 *  - lma_bytes_per_binding: the same, also counting each binding's prefix route (LmaRouting)
 *    and its timers in the scheduler (removed before the cache is cleared);
 *  - heap_bytes_per_mn: heap in use after the run minus before the setup, per MN (the whole
 *    simulation: MN nodes, MAG and LMA state);
 *  - registered: MNs whose binding at the LMA is active at the MAG they moved to, and that
 *    completed both registrations (e.g. "registered: 1000/1000").
 * The program exits with status 1 and a "FAIL: " line when an MN is left unregistered.
 *
 * --access=p2p: each MAG's access link is a point-to-point link to each of its mobile nodes,
 * all ending on one MAG device (PointToPointAccessChannel, SimpleNetDevices with the CSMA
 * links' rate and delay): a frame costs one receive event at its addressee instead of one at
 * every device on the link. --filter then has no effect (no other node's multicast arrives).
 *
 * --filter=1 (the default): the mobile nodes' CSMA devices filter multicast frames as an
 * Ethernet NIC does (Pmipv6TopologyHelper::SetMobileNodeMulticastFilter): another node's
 * Neighbor Solicitation, DAD probe or Router Solicitation stops at the device instead of
 * going through the IPv6 stack of every node on the access link (multicast_filtered_per_mn
 * counts them). --filter=0 hands every frame up, as ns-3's CsmaNetDevice does.
 *
 * --scheduler: the simulator's event scheduler, ns3::PriorityQueueScheduler by default (a
 * binary heap in one array; ns-3's default ns3::MapScheduler gives the same events and results,
 * more slowly at scale). The remaining events are moved to a MapScheduler before the LMA's
 * timers are removed for the bytes-per-binding measurement.
 *
 * --hugePages=1 (the default) re-executes the program with GLIBC_TUNABLES=glibc.malloc.hugetlb=1
 * (glibc >= 2.35 on Linux, transparent huge pages in "madvise" or "always" mode): malloc then
 * asks for huge pages for its heap, which cuts TLB misses and page faults on the large heaps of
 * big runs (measured 2026-12-07: about 25 % less time per MN at 1,000 MNs and 10 % at 100,000).
 * Not under valgrind, whose tool would not follow the new image. Printed as huge_pages.
 *
 * --queueStats=1 (a diagnostic, not for timing) runs ns-3's priority-queue scheduler wrapped to
 * count the most events pending at once (max_pending_events), the events taken out of the
 * queue during the run per MN by type (events_per_mn_by_type) and the events still pending
 * after it by type, cancelled ones counted (pending_at_end).
 *
 * --interfaces=2: every MN has two CSMA interfaces behind a logical interface
 * (Pmipv6TopologyHelper::SetMobileNodeInterfaces): interface 0 attaches to MAG k mod M and
 * interface 1 to MAG (k + 1) mod M at the same time (two bindings sharing the MN's prefix,
 * RFC 7864 HI 6), and dwell s later interface 0 hands over to MAG (k + 2) mod M (--mags >= 3);
 * interface 1 stays. "registered" then also requires both bindings active (interface 0's at
 * its new MAG, interface 1's at its MAG, the same prefix) and three completed registrations;
 * bindings_per_mn is printed.
 *
 * --mode=signalling measures the CPU cost of one PBU/PBA exchange against that of one ICMPv6
 * echo round trip over the same MAG-LMA path (one MAG, one MN): --variant=idle runs the
 * registered domain without either, --variant=pbu with the MAG refreshing the binding every
 * 0.4 s (BindingLifetime 4 s, RefreshFraction 0.1), --variant=echo with the MAG pinging the LMA
 * every 0.4 s (56-octet payload); about --exchanges of them each, in the same simulated window
 * (a refresh follows the previous PBA by 0.4 s, so slightly fewer PBU/PBA exchanges fit:
 * exchanges_done says how many). The window's CPU time is printed; under valgrind --tool=callgrind
 * --collect-atstart=no (when valgrind/callgrind.h was found at build time) instructions are
 * collected in that window only, so (pbu - idle) / (echo - idle) is the ratio of instruction
 * counts.
 */

#include "ns3/core-module.h"
#include "ns3/internet-apps-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/priority-queue-scheduler.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <cxxabi.h>
#include <iomanip>
#include <iostream>
#include <malloc.h>
#include <map>
#include <string>
#include <sys/resource.h>
#include <typeinfo>
#include <unistd.h>
#include <vector>

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define PMIPV6_BENCH_CALLGRIND 1
#endif
#endif
#ifndef PMIPV6_BENCH_CALLGRIND
#define CALLGRIND_TOGGLE_COLLECT
#endif

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6ScaleBench");

namespace
{

/// The glibc tunable that makes malloc back its heap with transparent huge pages.
const char* const HUGE_PAGES_TUNABLE = "glibc.malloc.hugetlb=1";

/**
 * \brief Whether this process runs with HUGE_PAGES_TUNABLE in GLIBC_TUNABLES.
 * \return true when it does
 */
bool
HugePagesTunableSet()
{
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    return tunables != nullptr &&
           std::string(tunables).find(HUGE_PAGES_TUNABLE) != std::string::npos;
}

/**
 * \brief Runs the program again with HUGE_PAGES_TUNABLE added to GLIBC_TUNABLES (glibc reads
 * its tunables at start-up only), unless it is set already or the program runs under valgrind
 * (whose tool would not follow the new image). Returns only when it did not re-execute.
 * \param argv the program's arguments
 */
void
ReexecWithHugePages(char* argv[])
{
#if defined(__linux__) && defined(__GLIBC__)
    if (HugePagesTunableSet())
    {
        return;
    }
#ifdef PMIPV6_BENCH_CALLGRIND
    if (RUNNING_ON_VALGRIND)
    {
        return;
    }
#endif
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    std::string value = HUGE_PAGES_TUNABLE;
    if (tunables != nullptr && *tunables != '\0')
    {
        value = std::string(tunables) + ":" + value;
    }
    setenv("GLIBC_TUNABLES", value.c_str(), 1);
    execv("/proc/self/exe", argv);
    std::cerr << "warning: could not re-execute with " << HUGE_PAGES_TUNABLE
              << "; running without huge pages" << std::endl;
#else
    (void)argv;
#endif
}

/**
 * \brief A readable event type name.
 * \param mangled the typeid name
 * \return the demangled name, shortened
 */
std::string
EventTypeName(const char* mangled)
{
    int status = 0;
    char* name = abi::__cxa_demangle(mangled, nullptr, nullptr, &status);
    std::string type = status == 0 && name ? name : mangled;
    std::free(name);
    return type.substr(0, 160);
}

/**
 * \brief The priority-queue scheduler (ns-3's binary heap) that also counts: the most events
 * pending at once, the events taken out during the run by type, and, while s_draining is set,
 * the events still pending when it is emptied (by Simulator::SetScheduler after the run), by
 * type and whether cancelled. The diagnostic of --queueStats=1 (not for timing: a map update
 * per event).
 */
class CountingPriorityQueueScheduler : public PriorityQueueScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::Pmipv6BenchCountingScheduler")
                                .SetParent<PriorityQueueScheduler>()
                                .SetGroupName("Pmipv6")
                                .AddConstructor<CountingPriorityQueueScheduler>();
        return tid;
    }

    void Insert(const Scheduler::Event& ev) override
    {
        PriorityQueueScheduler::Insert(ev);
        s_pending++;
        s_maxPending = std::max(s_maxPending, s_pending);
    }

    Scheduler::Event RemoveNext() override
    {
        Scheduler::Event ev = PriorityQueueScheduler::RemoveNext();
        s_pending--;
        if (!s_draining)
        {
            // executed (or skipped as cancelled) during the run, by event type: the type's
            // name pointer is unique per type (no string work per event)
            s_executed[typeid(*ev.impl).name()]++;
        }
        else
        {
            auto& row = s_remaining[EventTypeName(typeid(*ev.impl).name())];
            row.first++;
            row.second += ev.impl->IsCancelled() ? 1 : 0;
        }
        return ev;
    }

    void Remove(const Scheduler::Event& ev) override
    {
        PriorityQueueScheduler::Remove(ev);
        s_pending--;
    }

    static uint64_t s_pending;    ///< events in the queue now
    static uint64_t s_maxPending; ///< the most at once
    static bool s_draining;       ///< record what RemoveNext() returns
    /// event type (typeid name) -> events taken out of the queue during the run
    static std::map<const char*, uint64_t> s_executed;
    /// event type -> (pending, of which cancelled) when drained
    static std::map<std::string, std::pair<uint64_t, uint64_t>> s_remaining;
};

uint64_t CountingPriorityQueueScheduler::s_pending = 0;
uint64_t CountingPriorityQueueScheduler::s_maxPending = 0;
bool CountingPriorityQueueScheduler::s_draining = false;
std::map<std::string, std::pair<uint64_t, uint64_t>> CountingPriorityQueueScheduler::s_remaining;
std::map<const char*, uint64_t> CountingPriorityQueueScheduler::s_executed;

NS_OBJECT_ENSURE_REGISTERED(CountingPriorityQueueScheduler);

/// Heap bytes in use (glibc).
uint64_t
HeapInUse()
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

/// Peak resident set size (MiB).
double
PeakRssMiB()
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

/// CPU time of the process (s).
double
CpuSeconds()
{
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/// Wall time (s) since an arbitrary origin.
double
WallSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/**
 * \brief Print the simulated time on stderr every `step`, until `end`.
 * \param step the period
 * \param end the end of the simulation
 * \param wallStart wall time of the start of the run
 */
void
Progress(Time step, Time end, double wallStart)
{
    std::cerr << "progress: " << std::fixed << std::setprecision(1) << Simulator::Now().GetSeconds()
              << " / " << end.GetSeconds() << " s simulated, " << (WallSeconds() - wallStart)
              << " s wall, " << Simulator::GetEventCount() << " events" << std::endl;
    if (Simulator::Now() + step < end)
    {
        Simulator::Schedule(step, &Progress, step, end, wallStart);
    }
}

/**
 * \brief The scale run.
 * \param nMns mobile nodes
 * \param nMags MAGs
 * \param interfaces interfaces per MN (1 or 2)
 * \param window attach window (s)
 * \param dwell time from a node's attachment to its move (s)
 * \param settle time after the last move (s)
 * \param progress print progress on stderr
 * \param aggregationSwitch MAGs behind one L2 switch instead of one link each
 * \param filter the mobile nodes' devices filter multicast frames (SetMobileNodeMulticastFilter)
 * \param access the MAGs' access links, "csma" or "p2p"
 * \return the exit status
 */
int
RunScale(uint32_t nMns,
         uint32_t nMags,
         uint32_t interfaces,
         double window,
         double dwell,
         double settle,
         bool progress,
         bool aggregationSwitch,
         bool filter,
         const std::string& access)
{
    const Time linkSwitch = MilliSeconds(50);
    const double firstAttach = 0.5;
    const Time stop = Seconds(firstAttach + window + dwell + settle) + linkSwitch;

    uint64_t heapStart = HeapInUse();
    double c0 = CpuSeconds();
    double t0 = WallSeconds();
    Pmipv6TopologyHelper topo;
    topo.Build(Pmipv6TopologyHelper::MakeStar(nMags, "5ms", access, aggregationSwitch));
    topo.SetMobileNodeInterfaces(interfaces);
    topo.SetMobileNodeMulticastFilter(filter);
    std::vector<std::string> mags = topo.GetMagNames();
    // Where interface 0 ends (it moves once) and where interface 1 stays.
    auto target = [&mags, nMags, interfaces](uint32_t k) { return mags[(k + interfaces) % nMags]; };
    std::vector<uint32_t> registrations(nMns, 0);
    uint64_t failures = 0;
    for (const auto& name : mags)
    {
        topo.GetMag(name)->TraceConnectWithoutContext(
            "RegistrationCompleted",
            Callback<void, const std::string&, Time, uint8_t>(
                [&registrations](const std::string& mnId, Time, uint8_t) {
                    registrations.at(std::stoul(mnId.substr(2)))++;
                }));
        topo.GetMag(name)->TraceConnectWithoutContext(
            "RegistrationFailed",
            Callback<void, const std::string&, uint8_t>(
                [&failures](const std::string&, uint8_t) { failures++; }));
    }
    std::vector<std::string> ids(nMns);
    auto attachTime = [firstAttach, window, nMns](uint32_t k) {
        return firstAttach + window * k / nMns;
    };
    // Mobile node k: created, its attachment and its move scheduled.
    auto addMobileNode = [&](uint32_t k) {
        ids[k] = "mn" + std::to_string(k);
        Time attach = Seconds(attachTime(k));
        if (interfaces == 1)
        {
            topo.AddMobileNode(ids[k], mags[k % nMags], attach);
        }
        else
        {
            topo.AddMobileNode(ids[k], {mags[k % nMags], mags[(k + 1) % nMags]}, attach);
        }
        topo.ScheduleMove(ids[k], 0, target(k), attach + Seconds(dwell), linkSwitch);
    };
    for (uint32_t k = 0; k < nMns; ++k)
    {
        addMobileNode(k);
    }
    double t1 = WallSeconds();
    if (progress)
    {
        Simulator::Schedule(Seconds(0), &Progress, stop / 20, stop, t1);
    }
    Simulator::Stop(stop);
    Simulator::Run();
    double t2 = WallSeconds();
    double c2 = CpuSeconds();
    uint64_t heapEnd = HeapInUse();

    Ptr<Pmipv6LmaApplication> lma = topo.GetLma(topo.GetNames("lma").front());
    Ptr<BindingCache> cache = lma->GetBindingCache();
    BooleanValue pointToMultipoint;
    lma->GetAttribute("PointToMultipointTunnel", pointToMultipoint);
    uint32_t lmaInterfaces = lma->GetNode()->GetObject<Ipv6>()->GetNInterfaces();
    uint32_t registered = 0;
    uint64_t filtered = 0;
    for (uint32_t k = 0; k < nMns; ++k)
    {
        Ipv6Address coa = topo.GetMag(target(k))->GetProxyCoa();
        HomeNetworkPrefix hnp = topo.GetHomeNetworkPrefix(ids[k]);
        std::vector<Ptr<BindingCacheEntry>> entries = cache->FindByMnId(ids[k]);
        bool active = false;
        for (const auto& e : entries)
        {
            active = active || (e->state == BindingCacheEntry::ACTIVE && e->proxyCoa == coa);
        }
        bool ok = active && registrations[k] >= 1 + interfaces &&
                  topo.GetCurrentMag(ids[k], 0) == target(k);
        if (interfaces == 2)
        {
            // Both bindings active, on the MN's one prefix; interface 1 where it attached.
            Ipv6Address stay = topo.GetMag(mags[(k + 1) % nMags])->GetProxyCoa();
            uint32_t sharing = 0;
            bool stayed = false;
            for (const auto& e : entries)
            {
                bool live = e->state == BindingCacheEntry::ACTIVE &&
                            e->homeNetworkPrefixes == std::vector<HomeNetworkPrefix>{hnp};
                sharing += live ? 1 : 0;
                stayed = stayed || (live && e->proxyCoa == stay);
            }
            ok = ok && sharing == 2 && stayed &&
                 topo.GetCurrentMag(ids[k], 1) == mags[(k + 1) % nMags];
        }
        registered += ok ? 1 : 0;
        filtered += topo.GetMulticastFiltered(ids[k]);
    }

    // LMA state per binding, measured as the heap it frees: first the timers of each entry
    // (held by the scheduler), then its prefix routes (LmaRouting), then the binding cache
    // itself (entries and their indexes).
    // Simulator::Remove is a linear search in some schedulers (PriorityQueueScheduler): move
    // the remaining events to a map first.
    ObjectFactory mapScheduler("ns3::MapScheduler");
    uint64_t pendingAtEnd = CountingPriorityQueueScheduler::s_pending;
    CountingPriorityQueueScheduler::s_draining = true;
    Simulator::SetScheduler(mapScheduler);
    CountingPriorityQueueScheduler::s_draining = false;
    uint32_t bindings = cache->GetEntryCount();
    Ptr<LmaRouting> routing = LmaRouting::Install(lma->GetNode());
    uint32_t routes = routing->GetRouteCount();
    uint64_t heapBefore = HeapInUse();
    {
        std::vector<Ptr<BindingCacheEntry>> entries = cache->GetEntries();
        for (const auto& e : entries)
        {
            Simulator::Remove(e->lifetimeTimer);
            Simulator::Remove(e->deleteTimer);
            for (const auto& hnp : e->homeNetworkPrefixes)
            {
                routing->RemovePrefixRoute(hnp.prefix, hnp.length);
            }
        }
    }
    uint64_t heapTimersRoutes = HeapInUse();
    cache->Clear();
    uint64_t heapCleared = HeapInUse();
    double bcBytes = bindings ? double(heapTimersRoutes - heapCleared) / bindings : 0;
    double lmaBytes = bindings ? double(heapBefore - heapCleared) / bindings : 0;

    double setup = t1 - t0;
    double run = t2 - t1;
    uint64_t events = Simulator::GetEventCount();
    std::cout << std::fixed << std::setprecision(3);
    std::cout << "mns: " << nMns << "\n";
    std::cout << "mags: " << nMags << "\n";
    std::cout << "switch: " << (aggregationSwitch ? 1 : 0) << "\n";
    std::cout << "access: " << access << "\n";
    std::cout << "multicast_filter: " << (filter && access == "csma" ? 1 : 0) << "\n";
    std::cout << "point_to_multipoint: " << (pointToMultipoint.Get() ? 1 : 0) << "\n";
    std::cout << "lma_ipv6_interfaces: " << lmaInterfaces << "\n";
    std::cout << "setup_s: " << setup << "\n";
    std::cout << "run_s: " << run << "\n";
    std::cout << "per_mn_us: " << std::setprecision(1) << (setup + run) / nMns * 1e6 << "\n";
    // the process's CPU time (user and system) over the same span: the wall time less what
    // the process did not run (other processes, the hypervisor)
    std::cout << "cpu_per_mn_us: " << (c2 - c0) / nMns * 1e6 << "\n";
    std::cout << "peak_rss_mib: " << PeakRssMiB() << "\n";
    std::cout << "events: " << events << "\n";
    std::cout << "events_per_s: " << std::setprecision(0) << events / run << "\n";
    std::cout << "interfaces: " << interfaces << "\n";
    std::cout << "bindings: " << bindings << "\n";
    std::cout << "bindings_per_mn: " << std::setprecision(2) << double(bindings) / nMns << "\n";
    std::cout << "lma_routes: " << routes << "\n";
    std::cout << "bc_bytes_per_binding: " << std::setprecision(1) << bcBytes << "\n";
    std::cout << "lma_bytes_per_binding: " << lmaBytes << "\n";
    std::cout << "heap_bytes_per_mn: " << std::setprecision(0)
              << double(heapEnd - std::min(heapEnd, heapStart)) / nMns << "\n";
    std::cout << "registration_failures: " << failures << "\n";
    std::cout << "multicast_filtered_per_mn: " << std::setprecision(1) << double(filtered) / nMns
              << "\n";
    if (CountingPriorityQueueScheduler::s_maxPending > 0)
    {
        // --queueStats=1: the event queue's size, and what was still in it after the run
        std::cout << "max_pending_events: " << CountingPriorityQueueScheduler::s_maxPending << "\n";
        std::cout << "pending_events_at_end: " << pendingAtEnd << "\n";
        std::vector<std::pair<std::pair<uint64_t, uint64_t>, std::string>> rows;
        for (const auto& [type, counts] : CountingPriorityQueueScheduler::s_remaining)
        {
            rows.emplace_back(counts, type);
        }
        std::sort(rows.rbegin(), rows.rend());
        for (const auto& [counts, type] : rows)
        {
            std::cout << "pending_at_end: " << counts.first << " (" << counts.second
                      << " cancelled) " << type << "\n";
        }
        std::vector<std::pair<uint64_t, const char*>> executed;
        for (const auto& [type, count] : CountingPriorityQueueScheduler::s_executed)
        {
            executed.emplace_back(count, type);
        }
        std::sort(executed.rbegin(), executed.rend());
        for (uint32_t i = 0; i < executed.size() && i < 25; ++i)
        {
            std::cout << "events_per_mn_by_type: " << std::setprecision(2)
                      << double(executed[i].first) / nMns << " "
                      << EventTypeName(executed[i].second) << "\n";
        }
    }
    std::cout << "registered: " << registered << "/" << nMns << std::endl;
    Simulator::Destroy();
    if (registered != nMns)
    {
        std::cout << "FAIL: " << nMns - registered << " mobile nodes left unregistered"
                  << std::endl;
        return 1;
    }
    return 0;
}

/**
 * \brief The signalling-cost run: one MAG, one MN, PBU/PBA refreshes or echo round trips.
 * \param variant "idle", "pbu" or "echo"
 * \param exchanges exchanges in the measured window
 * \return the exit status
 */
int
RunSignalling(const std::string& variant, uint32_t exchanges)
{
    const Time period = MilliSeconds(400);
    const Time start = Seconds(3);
    const Time end = start + period * exchanges;
    if (variant == "pbu")
    {
        Config::SetDefault("ns3::Pmipv6MagApplication::BindingLifetime", TimeValue(Seconds(4)));
        Config::SetDefault("ns3::Pmipv6MagApplication::RefreshFraction", DoubleValue(0.1));
    }
    else
    {
        // No refresh before the end of the window.
        Config::SetDefault("ns3::Pmipv6MagApplication::BindingLifetime",
                           TimeValue(end + Seconds(100)));
        Config::SetDefault("ns3::Pmipv6LmaApplication::MaxBindingLifetime",
                           TimeValue(end + Seconds(100)));
    }
    Pmipv6TopologyHelper topo;
    topo.Build(Pmipv6TopologyHelper::MakeStar(1, "5ms", "csma"));
    std::string magName = topo.GetMagNames().front();
    Ptr<Pmipv6MagApplication> mag = topo.GetMag(magName);
    topo.AddMobileNode("mn0", magName, Seconds(0.5));
    uint64_t pbus = 0;
    uint64_t pbas = 0;
    mag->TraceConnectWithoutContext("TxPbu",
                                    Callback<void, const BindingUpdateHeader&, Ipv6Address>(
                                        [&pbus](const BindingUpdateHeader&, Ipv6Address) {
                                            if (Simulator::Now() >= Seconds(3))
                                            {
                                                pbus++;
                                            }
                                        }));
    mag->TraceConnectWithoutContext("RxPba",
                                    Callback<void, const BindingAckHeader&, Ipv6Address>(
                                        [&pbas](const BindingAckHeader&, Ipv6Address) {
                                            if (Simulator::Now() >= Seconds(3))
                                            {
                                                pbas++;
                                            }
                                        }));
    uint64_t echoReplies = 0;
    if (variant == "echo")
    {
        Ptr<Node> magNode = mag->GetNode();
        Ping6Helper ping;
        ping.SetLocal(mag->GetProxyCoa());
        ping.SetRemote(topo.GetLma(topo.GetNames("lma").front())->GetAddress());
        ping.SetAttribute("MaxPackets", UintegerValue(exchanges));
        ping.SetAttribute("Interval", TimeValue(period));
        ping.SetAttribute("PacketSize", UintegerValue(56));
        ApplicationContainer app = ping.Install(NodeContainer(magNode));
        // Offset so that the first request leaves inside the window, as the first refresh.
        app.Start(start + period / 2);
        app.Stop(end + period / 2);
        // Echo replies received by the MAG: ICMPv6 type 129 at its IPv6 layer.
        magNode->GetObject<Ipv6L3Protocol>()->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>, Ptr<Ipv6>, uint32_t>(
                [&echoReplies](Ptr<const Packet> p, Ptr<Ipv6>, uint32_t) {
                    Ptr<Packet> copy = p->Copy();
                    Ipv6Header ip;
                    copy->RemoveHeader(ip);
                    uint8_t type = 0;
                    if (ip.GetNextHeader() == Icmpv6L4Protocol::PROT_NUMBER)
                    {
                        copy->CopyData(&type, 1);
                    }
                    echoReplies += type == Icmpv6Header::ICMPV6_ECHO_REPLY ? 1 : 0;
                }));
    }
    double cpuStart = 0;
    double cpuEnd = 0;
    Simulator::Schedule(start, [&cpuStart]() {
        CALLGRIND_TOGGLE_COLLECT;
        cpuStart = CpuSeconds();
    });
    Simulator::Schedule(end + period / 4 * 3, [&cpuEnd]() {
        cpuEnd = CpuSeconds();
        CALLGRIND_TOGGLE_COLLECT;
    });
    Simulator::Stop(end + period);
    Simulator::Run();
    std::cout << "variant: " << variant << "\n";
    std::cout << "pbu_sent: " << pbus << "\n";
    std::cout << "pba_received: " << pbas << "\n";
    std::cout << "echo_replies: " << echoReplies << "\n";
    std::cout << std::fixed << std::setprecision(3);
    // A refresh comes RefreshFraction x lifetime after the previous PBA, so slightly less
    // often than every period: divide by the exchanges completed.
    uint64_t done = variant == "pbu" ? pbas : variant == "echo" ? echoReplies : exchanges;
    std::cout << "exchanges_done: " << done << "\n";
    std::cout << "window_cpu_ms: " << (cpuEnd - cpuStart) * 1e3 << "\n";
    std::cout << "cpu_us_per_exchange: " << (cpuEnd - cpuStart) * 1e6 / std::max<uint64_t>(done, 1)
              << std::endl;
    Simulator::Destroy();
    if (done < exchanges * 9 / 10)
    {
        std::cout << "FAIL: " << done << " exchanges, expected about " << exchanges << std::endl;
        return 1;
    }
    return 0;
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t mns = 1000;
    uint32_t mags = 100;
    uint32_t interfaces = 1;
    double window = 10;
    double dwell = 2;
    double settle = 2;
    bool progress = false;
    bool aggregationSwitch = true;
    bool filter = true;
    std::string access = "csma";
    std::string mode = "scale";
    std::string scheduler = "ns3::PriorityQueueScheduler";
    std::string variant = "pbu";
    uint32_t exchanges = 1000;
    bool pointToMultipoint = true;
    bool hugePages = true;
    bool queueStats = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("mns", "Number of mobile nodes", mns);
    cmd.AddValue("mags", "Number of MAGs (at least 2)", mags);
    cmd.AddValue("interfaces",
                 "Interfaces per mobile node: 1, or 2 (a logical interface over two CSMA "
                 "devices at two MAGs; interface 0 hands over)",
                 interfaces);
    cmd.AddValue("window", "The attachments are spread evenly over this window (s)", window);
    cmd.AddValue("dwell", "Time from a node's attachment to its handover (s)", dwell);
    cmd.AddValue("settle", "Simulated time after the last handover (s)", settle);
    cmd.AddValue("progress", "Print the simulated time on stderr as the run goes", progress);
    cmd.AddValue("switch",
                 "MAGs reach the LMA through one L2 aggregation switch (1) or one "
                 "point-to-point link each (0)",
                 aggregationSwitch);
    cmd.AddValue("filter",
                 "The mobile nodes' CSMA devices drop multicast frames for groups their IPv6 "
                 "interface has not joined, as an Ethernet NIC does (1), or pass them all up "
                 "(0, ns-3's CsmaNetDevice)",
                 filter);
    cmd.AddValue("access",
                 "The MAGs' access links: csma (one CSMA link per MAG) or p2p (a point-to-point "
                 "link per mobile node, PointToPointAccessChannel)",
                 access);
    cmd.AddValue("mode", "scale, or signalling (PBU/PBA against ICMPv6 echo)", mode);
    cmd.AddValue("variant", "signalling mode: idle, pbu or echo", variant);
    cmd.AddValue("exchanges", "signalling mode: exchanges in the measured window", exchanges);
    cmd.AddValue("scheduler",
                 "The simulator's event scheduler (ns3::PriorityQueueScheduler: a binary heap "
                 "in one array, the fastest at scale; ns3::MapScheduler is ns-3's default)",
                 scheduler);
    cmd.AddValue("p2mp",
                 "The LMA reaches all MAGs through one point-to-multipoint tunnel interface "
                 "(1) or has one tunnel interface per MAG (0)",
                 pointToMultipoint);
    cmd.AddValue("hugePages",
                 "Run with glibc's malloc backing the heap with transparent huge pages (1: the "
                 "program re-executes itself with GLIBC_TUNABLES=glibc.malloc.hugetlb=1; fewer "
                 "TLB misses and page faults on a large heap) or as started (0)",
                 hugePages);
    cmd.AddValue("queueStats",
                 "Diagnostic: run with ns-3's priority-queue scheduler wrapped to count the most "
                 "events pending at once and, after the run, the pending events by type "
                 "(max_pending_events, pending_at_end lines)",
                 queueStats);
    cmd.Parse(argc, argv);
    if (hugePages)
    {
        ReexecWithHugePages(argv);
    }
    std::cout << "huge_pages: " << (HugePagesTunableSet() ? 1 : 0) << "\n";
    Simulator::SetScheduler(
        ObjectFactory(queueStats ? "ns3::Pmipv6BenchCountingScheduler" : scheduler));
    Config::SetDefault("ns3::Pmipv6LmaApplication::PointToMultipointTunnel",
                       BooleanValue(pointToMultipoint));

    if (interfaces != 1 && interfaces != 2)
    {
        std::cerr << "error: --interfaces must be 1 or 2" << std::endl;
        return 2;
    }
    if (mode == "signalling")
    {
        if (variant != "idle" && variant != "pbu" && variant != "echo")
        {
            std::cerr << "error: --variant must be idle, pbu or echo" << std::endl;
            return 2;
        }
        if (exchanges == 0)
        {
            std::cerr << "error: --exchanges must be at least 1" << std::endl;
            return 2;
        }
        return RunSignalling(variant, exchanges);
    }
    if (mode != "scale")
    {
        std::cerr << "error: --mode must be scale or signalling" << std::endl;
        return 2;
    }
    if (access != "csma" && access != "p2p")
    {
        std::cerr << "error: --access must be csma or p2p" << std::endl;
        return 2;
    }
    if (mns == 0 || mags < 1 + interfaces || !(window >= 0) || !(dwell > 0.1) || !(settle > 0))
    {
        std::cerr << "error: need --mns >= 1, --mags >= 2 (3 with --interfaces=2), "
                     "--window >= 0, --dwell > 0.1, --settle > 0"
                  << std::endl;
        return 2;
    }
    return RunScale(mns,
                    mags,
                    interfaces,
                    window,
                    dwell,
                    settle,
                    progress,
                    aggregationSwitch,
                    filter,
                    access);
}
