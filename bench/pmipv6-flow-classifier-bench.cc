/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Flow-binding classifier benchmark: the cost of FlowBindingTable::Classify with 10 and with
 * 10,000 entries, in instructions (callgrind) and wall time, for these table shapes:
 *  - owners: one exact 5-tuple entry per owner, N owners (flows spread over many MNs);
 *  - ports:  one owner, N exact 5-tuple entries differing in the destination port (many flows
 *            of one MN);
 *  - mixed:  as ports, plus 4 wildcard / range entries of lower precedence (residual list);
 *  - ranges: one owner, N disjoint destination-port RANGE entries (2 ports each);
 *  - prefixes: one owner, N entries each a source address /48 prefix plus the destination port
 *            range 5000-5999 (unaligned: 9 prefixes) and next header 17;
 *  - overlap: one owner, N destination-port ranges that nest and overlap (aligned blocks of
 *            1, 4, 16 and 64 ports at random places, random priorities): a packet often
 *            matches several entries and the precedence rule picks the winner (expected FIDs
 *            from a brute-force scan).
 * Each classification is of a packet key drawn at random (fixed seed) from the table's flows;
 * the result is checked against the expected FID before timing.
 *
 * Wall time: both workloads of a shape (10 and 10,000 entries) are built first; each is warmed
 * up (every key classified twice), then the two are timed alternately, --reps times each, and
 * the median of each is reported (alternating, so that a slow phase of a shared machine hits
 * both sizes). The packet stream has the same shape at both sizes (4,096 keys, the same key
 * array size, drawn uniformly from the table's flows); the loop around Classify reads the
 * next key and owner sequentially and adds the result to a checksum.
 *
 * By default the program runs itself once more under valgrind --tool=callgrind (when valgrind
 * is installed and callgrind.h was available at build time), with collection on only around
 * each measured loop and a dump per configuration; it parses the dumps and prints instructions
 * per classification next to the wall time measured natively in this run, and the
 * 10,000 / 10 ratios. --callgrind=0 skips that. Exit status 1 when a classification is wrong.
 */

#include "ns3/core-module.h"
#include "ns3/ipv6-header.h"
#include "ns3/pmipv6-module.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define PMIPV6_BENCH_CALLGRIND 1
#endif
#endif

using namespace ns3;

namespace
{

/// The table shapes measured.
const char* const SHAPES[] = {"owners", "ports", "mixed", "ranges", "prefixes", "overlap"};

/// One table to measure.
struct Workload
{
    Ptr<FlowBindingTable> table;                ///< the table
    std::vector<uint64_t> owners;               ///< owner of each packet
    std::vector<TrafficSelector::FlowKey> keys; ///< the packets
    std::vector<uint16_t> expected;             ///< the winning FID of each packet
};

/**
 * \brief An address 2001:db8:<a>::<b>.
 * \param a the third group
 * \param b the low 32 bits
 * \return the address
 */
Ipv6Address
Addr(uint16_t a, uint32_t b)
{
    uint8_t x[16] = {0x20, 0x01, 0x0d, 0xb8, uint8_t(a >> 8), uint8_t(a)};
    x[12] = b >> 24;
    x[13] = b >> 16;
    x[14] = b >> 8;
    x[15] = b;
    return Ipv6Address(x);
}

/**
 * \brief The key of a UDP packet.
 * \param src source address
 * \param dst destination address
 * \param sport source port
 * \param dport destination port
 * \return the key
 */
TrafficSelector::FlowKey
Key(Ipv6Address src, Ipv6Address dst, uint16_t sport, uint16_t dport)
{
    Ipv6Header ip;
    ip.SetSource(src);
    ip.SetDestination(dst);
    ip.SetNextHeader(17);
    return TrafficSelector::MakeKey(ip, sport, dport);
}

/**
 * \brief Build a workload.
 * \param shape owners, ports, mixed, ranges, prefixes or overlap
 * \param n number of flow entries
 * \param packets number of distinct packet keys
 * \return the workload
 */
Workload
Build(const std::string& shape, uint32_t n, uint32_t packets)
{
    Workload w;
    w.table = CreateObject<FlowBindingTable>();
    const Ipv6Address cn = Addr(0xc, 2);
    const uint64_t oneOwner = 0x5eed;
    if (shape == "overlap")
    {
        // nested / overlapping aligned blocks; the expected winner by brute force
        std::mt19937 rng(7);
        std::vector<uint32_t> lo(n);
        std::vector<uint32_t> hi(n);
        std::vector<uint32_t> order(n);
        for (uint32_t i = 0; i < n; ++i)
        {
            uint32_t size = 1u << (2 * (i % 4));
            lo[i] = (rng() % 65536) & ~(size - 1);
            hi[i] = lo[i] + size - 1;
            FlowBindingEntry e;
            e.owner = oneOwner;
            e.fid = uint16_t(i + 1);
            e.priority = uint16_t(rng() % 50);
            e.bids = {1};
            e.selector.SetDestinationPortRange(uint16_t(lo[i]), uint16_t(hi[i]));
            order[i] = (uint32_t(e.priority) << 16) | e.fid;
            NS_ABORT_MSG_UNLESS(w.table->Add(e), "entry " << i);
        }
        for (uint32_t k = 0; k < packets; ++k)
        {
            uint32_t i = rng() % n;
            uint32_t port = lo[i] + rng() % (hi[i] - lo[i] + 1);
            uint32_t best = i;
            for (uint32_t j = 0; j < n; ++j)
            {
                if (port >= lo[j] && port <= hi[j] && order[j] < order[best])
                {
                    best = j;
                }
            }
            w.owners.push_back(oneOwner);
            w.keys.push_back(Key(cn, Addr(1, 1), 4000, uint16_t(port)));
            w.expected.push_back(uint16_t(best + 1));
        }
        return w;
    }
    for (uint32_t i = 0; i < n; ++i)
    {
        FlowBindingEntry e;
        e.fid = uint16_t(i + 1);
        e.priority = 10;
        e.bids = {uint16_t(1 + i % 2)};
        if (shape == "owners")
        {
            e.owner = 1000 + uint64_t(i) * 7919;
            e.selector = TrafficSelector::FromFiveTuple(cn, Addr(1, i), 17, 4000, 5000);
        }
        else if (shape == "ranges")
        {
            e.owner = oneOwner;
            e.selector.SetDestinationPortRange(uint16_t(10000 + 2 * i), uint16_t(10001 + 2 * i));
        }
        else if (shape == "prefixes")
        {
            e.owner = oneOwner;
            e.selector.SetSourceAddressPrefix(Addr(uint16_t(i), 0), Ipv6Prefix(48));
            e.selector.SetDestinationPortRange(5000, 5999);
            e.selector.SetNextHeader(17);
        }
        else
        {
            e.owner = oneOwner;
            e.selector =
                TrafficSelector::FromFiveTuple(cn, Addr(1, 1), 17, 4000, uint16_t(10000 + i));
        }
        NS_ABORT_MSG_UNLESS(w.table->Add(e), "entry " << i);
    }
    if (shape == "mixed")
    {
        // lower precedence wildcards and ranges: the residual list
        TrafficSelector tc;
        tc.SetTrafficClassRange(0x20, 0x3f);
        TrafficSelector tcp;
        tcp.SetNextHeader(6);
        TrafficSelector low;
        low.SetDestinationPortRange(1, 1023);
        TrafficSelector all;
        TrafficSelector sel[] = {tc, tcp, low, all};
        for (uint16_t k = 0; k < 4; ++k)
        {
            FlowBindingEntry e;
            e.owner = oneOwner;
            e.fid = uint16_t(60000 + k);
            e.priority = 20 + k;
            e.selector = sel[k];
            e.bids = {3};
            NS_ABORT_MSG_UNLESS(w.table->Add(e), "residual entry " << k);
        }
    }
    std::mt19937 rng(42);
    std::uniform_int_distribution<uint32_t> pick(0, n - 1);
    for (uint32_t k = 0; k < packets; ++k)
    {
        uint32_t i = pick(rng);
        if (shape == "owners")
        {
            w.owners.push_back(1000 + uint64_t(i) * 7919);
            w.keys.push_back(Key(cn, Addr(1, i), 4000, 5000));
        }
        else if (shape == "ranges")
        {
            w.owners.push_back(oneOwner);
            w.keys.push_back(Key(cn, Addr(1, 1), 4000, uint16_t(10000 + 2 * i + k % 2)));
        }
        else if (shape == "prefixes")
        {
            w.owners.push_back(oneOwner);
            w.keys.push_back(
                Key(Addr(uint16_t(i), 0x10000 + k), Addr(1, 1), 4000, 5000 + k % 1000));
        }
        else
        {
            w.owners.push_back(oneOwner);
            w.keys.push_back(Key(cn, Addr(1, 1), 4000, uint16_t(10000 + i)));
        }
        w.expected.push_back(uint16_t(i + 1));
    }
    return w;
}

/**
 * \brief Classify \p count packets of a workload.
 * \param w the workload
 * \param count classifications
 * \return a checksum (keeps the loop)
 */
uint64_t
Run(Workload& w, uint64_t count)
{
    uint64_t sum = 0;
    size_t k = 0;
    size_t size = w.keys.size();
    for (uint64_t j = 0; j < count; ++j)
    {
        FlowBindingTable::Result r = w.table->Classify(w.owners[k], w.keys[k]);
        sum += r.kind + (r.entry ? r.entry->fid : 0);
        if (++k == size)
        {
            k = 0;
        }
    }
    return sum;
}

/**
 * \brief Whether every packet of a workload gets its expected FID.
 * \param w the workload
 * \return true when all do
 */
bool
Verify(const Workload& w)
{
    for (size_t k = 0; k < w.keys.size(); ++k)
    {
        const FlowBindingEntry* e = w.table->Lookup(w.owners[k], w.keys[k]);
        if (!e || e->fid != w.expected[k])
        {
            std::cerr << "packet " << k << ": FID " << (e ? e->fid : 0) << ", expected "
                      << w.expected[k] << std::endl;
            return false;
        }
    }
    return true;
}

/// One measured configuration.
struct BenchCase
{
    std::string shape; ///< table shape
    uint32_t entries;  ///< flow entries
    uint64_t count;    ///< classifications measured

    /**
     * \brief Its name (also the callgrind dump name).
     * \return e.g. "ports-10000"
     */
    std::string Name() const
    {
        return shape + "-" + std::to_string(entries);
    }
};

/**
 * \brief Parse the callgrind dumps: instructions per dump name.
 * \param prefix the --callgrind-out-file prefix
 * \return name -> Ir
 */
std::map<std::string, uint64_t>
ParseDumps(const std::string& prefix)
{
    std::map<std::string, uint64_t> out;
    for (int part = 1; part < 64; ++part)
    {
        std::ifstream in(prefix + "." + std::to_string(part));
        if (!in)
        {
            continue;
        }
        std::string line;
        std::string name;
        uint64_t ir = 0;
        const std::string trigger = "desc: Trigger: Client Request: ";
        while (std::getline(in, line))
        {
            if (line.compare(0, trigger.size(), trigger) == 0)
            {
                name = line.substr(trigger.size());
            }
            else if (line.compare(0, 9, "summary: ") == 0 || line.compare(0, 8, "totals: ") == 0)
            {
                ir = std::strtoull(line.substr(line.find(' ') + 1).c_str(), nullptr, 10);
            }
        }
        if (!name.empty())
        {
            out[name] = ir;
        }
        std::remove((prefix + "." + std::to_string(part)).c_str());
    }
    std::remove(prefix.c_str());
    return out;
}

/**
 * \brief Median of some values.
 * \param v the values (not empty)
 * \return the median
 */
double
Median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

int
main(int argc, char* argv[])
{
    uint64_t packets = 1000000;
    uint32_t reps = 7;
    uint64_t cgPackets = 200000;
    bool callgrind = true;
    bool inner = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("packets", "Classifications per timed repetition (wall time)", packets);
    cmd.AddValue("reps", "Timed repetitions per configuration (the median is reported)", reps);
    cmd.AddValue("cgPackets", "Classifications per configuration under callgrind", cgPackets);
    cmd.AddValue("callgrind",
                 "Also count instructions: run this program under callgrind",
                 callgrind);
    cmd.AddValue("inner", "Internal: the run under callgrind", inner);
    cmd.Parse(argc, argv);

    std::vector<BenchCase> configs;
    for (std::string shape : SHAPES)
    {
        for (uint32_t entries : {10u, 10000u})
        {
            configs.push_back({shape, entries, (inner ? cgPackets : packets) + 1});
        }
    }

    bool ok = true;
    std::map<std::string, double> nanos;
    for (size_t c0 = 0; c0 < configs.size(); c0 += 2)
    {
        // the two sizes of one shape
        std::vector<Workload> w;
        bool shapeOk = true;
        for (size_t c = c0; c < c0 + 2; ++c)
        {
            w.push_back(Build(configs[c].shape, configs[c].entries, 4096));
            if (!Verify(w.back()))
            {
                std::cerr << configs[c].Name() << ": wrong classification" << std::endl;
                ok = false;
                shapeOk = false;
            }
        }
        if (!shapeOk)
        {
            continue;
        }
        if (inner)
        {
            for (size_t i = 0; i < 2; ++i)
            {
                const BenchCase& c = configs[c0 + i];
                Run(w[i], 2 * w[i].keys.size()); // warm-up
#ifdef PMIPV6_BENCH_CALLGRIND
                CALLGRIND_ZERO_STATS;
                CALLGRIND_TOGGLE_COLLECT;
#endif
                uint64_t sum = Run(w[i], c.count);
#ifdef PMIPV6_BENCH_CALLGRIND
                CALLGRIND_TOGGLE_COLLECT;
                CALLGRIND_DUMP_STATS_AT(c.Name().c_str());
#endif
                std::cout << c.Name() << " checksum " << sum << std::endl;
            }
            continue;
        }
        std::vector<double> times[2];
        for (size_t i = 0; i < 2; ++i)
        {
            Run(w[i], 2 * w[i].keys.size()); // warm-up
        }
        for (uint32_t r = 0; r < reps; ++r)
        {
            for (size_t i = 0; i < 2; ++i)
            {
                const BenchCase& c = configs[c0 + i];
                auto t0 = std::chrono::steady_clock::now();
                uint64_t sum = Run(w[i], c.count);
                auto t1 = std::chrono::steady_clock::now();
                times[i].push_back(std::chrono::duration<double, std::nano>(t1 - t0).count() /
                                   c.count);
                if (sum == 0)
                {
                    ok = false;
                }
            }
        }
        for (size_t i = 0; i < 2; ++i)
        {
            nanos[configs[c0 + i].Name()] = Median(times[i]);
        }
    }
    if (inner)
    {
        return ok ? 0 : 1;
    }

    std::map<std::string, uint64_t> ir;
    bool haveIr = false;
#ifdef PMIPV6_BENCH_CALLGRIND
    if (callgrind && std::system("valgrind --version > /dev/null 2>&1") == 0)
    {
        char self[4096];
        ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);
        if (len > 0)
        {
            self[len] = 0;
            std::string prefix = "/tmp/pmipv6-flow-bench-cg." + std::to_string(getpid());
            std::ostringstream command;
            command << "valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="
                    << prefix << " " << self << " --inner=1 --cgPackets=" << cgPackets
                    << " > /dev/null 2>&1";
            if (std::system(command.str().c_str()) == 0)
            {
                ir = ParseDumps(prefix);
                haveIr = !ir.empty();
            }
            else
            {
                std::cerr << "callgrind run failed: " << command.str() << std::endl;
                ParseDumps(prefix);
            }
        }
    }
#endif
    std::cout << std::fixed;
    std::cout << "wall: median of " << reps << " alternating repetitions of " << packets
              << " classifications" << std::endl;
    std::cout << "shape    entries   ns/classification   instructions/classification" << std::endl;
    for (const BenchCase& c : configs)
    {
        std::cout << std::left << std::setw(9) << c.shape << std::right << std::setw(7) << c.entries
                  << std::setw(16) << std::setprecision(1) << nanos[c.Name()];
        if (haveIr)
        {
            uint64_t count = cgPackets + 1;
            std::cout << std::setw(24) << std::setprecision(1)
                      << double(ir[c.Name()]) / double(count);
        }
        std::cout << std::endl;
    }
    std::cout << "ratio 10000 / 10 entries:" << std::endl;
    for (std::string shape : SHAPES)
    {
        std::string a = shape + "-10";
        std::string b = shape + "-10000";
        std::cout << "  " << std::left << std::setw(8) << shape << std::right << " wall "
                  << std::setprecision(3) << nanos[b] / nanos[a];
        if (haveIr && ir[a] > 0)
        {
            std::cout << ", instructions " << std::setprecision(3) << double(ir[b]) / double(ir[a]);
        }
        std::cout << std::endl;
    }
    if (callgrind && !haveIr)
    {
        std::cout << "(no instruction counts: valgrind or valgrind/callgrind.h missing)"
                  << std::endl;
    }
    if (!ok)
    {
        std::cout << "ERROR: a classification was wrong" << std::endl;
    }
    return ok ? 0 : 1;
}
