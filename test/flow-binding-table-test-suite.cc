/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The flow-binding table and classifier (FlowBindingTable): precedence (priority, then FID),
 * actions (forward, discard, n-cast, default BID), inactive entries, owner isolation, IPv4
 * and IPv6 selectors, ranges, changes and their traces, packet keys, and 10,000 random
 * entries against a brute-force reference.
 */

#include "ns3/flow-binding-table.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/packet.h"
#include "ns3/test.h"
#include "ns3/udp-header.h"

#include <algorithm>
#include <random>
#include <vector>

using namespace ns3;

namespace
{

/// The MN's address used by the tests.
const Ipv6Address MN("2001:db8:1::10");
/// A correspondent.
const Ipv6Address CN("2001:db8:c::2");

/**
 * \ingroup pmipv6-test
 * \brief An entry.
 * \param owner the owner
 * \param fid the FID
 * \param priority the priority
 * \param ts the selector
 * \param action the action
 * \param bids the BIDs
 * \return the entry
 */
FlowBindingEntry
Entry(uint64_t owner,
      uint16_t fid,
      uint16_t priority,
      const TrafficSelector& ts,
      FlowBindingAction action = FlowBindingAction::FORWARD,
      std::vector<uint16_t> bids = {1})
{
    FlowBindingEntry e;
    e.owner = owner;
    e.fid = fid;
    e.priority = priority;
    e.selector = ts;
    e.action = action;
    e.bids = bids;
    return e;
}

/**
 * \ingroup pmipv6-test
 * \brief The key of an IPv6 UDP packet CN -> MN.
 * \param sport source port
 * \param dport destination port
 * \param source source address
 * \return the key
 */
TrafficSelector::FlowKey
Key6(uint16_t sport, uint16_t dport, Ipv6Address source = CN)
{
    Ipv6Header ip;
    ip.SetSource(source);
    ip.SetDestination(MN);
    ip.SetNextHeader(17);
    return TrafficSelector::MakeKey(ip, sport, dport);
}

/**
 * \ingroup pmipv6-test
 * \brief A selector on the destination port.
 * \param port the port
 * \return the selector
 */
TrafficSelector
DportTs(uint16_t port)
{
    TrafficSelector ts;
    ts.SetDestinationPort(port);
    return ts;
}

/**
 * \ingroup pmipv6-test
 * \brief Overlapping selectors: the lowest priority value wins, Modify changes it; equal
 * priorities: the lowest FID wins whatever the insertion order and the index each entry is in.
 */
class FlowBindingPriorityTestCase : public TestCase
{
  public:
    FlowBindingPriorityTestCase()
        : TestCase("Priority order, then lower FID; independent of insertion order and index")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<FlowBindingTable> t = CreateObject<FlowBindingTable>();
        TrafficSelector all; // wildcard: residual list
        TrafficSelector udp;
        udp.SetNextHeader(17); // single-valued but not an indexed field: residual
        NS_TEST_ASSERT_MSG_EQ(t->Add(Entry(1, 10, 20, all, FlowBindingAction::FORWARD, {1})),
                              true,
                              "wildcard");
        NS_TEST_ASSERT_MSG_EQ(
            t->Add(Entry(1, 11, 10, DportTs(80), FlowBindingAction::FORWARD, {2})),
            true,
            "dport 80");
        NS_TEST_ASSERT_MSG_EQ(t->Add(Entry(1, 11, 5, all)), false, "FID not unique");
        FlowBindingTable::Result r = t->Classify(1, Key6(1000, 80));
        NS_TEST_ASSERT_MSG_EQ(r.kind, FlowBindingTable::FORWARD, "forward");
        NS_TEST_ASSERT_MSG_EQ(r.entry->fid, 11, "priority 10 beats 20");
        NS_TEST_ASSERT_MSG_EQ((*r.bids)[0], 2, "its BID");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(1, Key6(1000, 81)).entry->fid, 10, "only the wildcard");
        // a lower priority value on the wildcard: it wins for port 80 too
        FlowBindingEntry e = *t->Find(1, 10);
        e.priority = 5;
        NS_TEST_ASSERT_MSG_EQ(t->Modify(e), true, "modified");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(1, Key6(1000, 80)).entry->fid, 10, "now 5 beats 10");

        // equal priorities: lower FID first, whatever the order of insertion and the index
        for (int order = 0; order < 2; ++order)
        {
            Ptr<FlowBindingTable> u = CreateObject<FlowBindingTable>();
            std::vector<FlowBindingEntry> v = {Entry(2, 9, 7, udp), // residual
                                               Entry(2, 4, 7, DportTs(443)),
                                               Entry(2, 6, 7, all)};
            if (order == 1)
            {
                std::swap(v[0], v[2]);
                std::swap(v[1], v[2]);
            }
            for (const auto& x : v)
            {
                u->Add(x);
            }
            NS_TEST_ASSERT_MSG_EQ(u->Classify(2, Key6(1, 443)).entry->fid,
                                  4,
                                  "FID 4 wins (order " << order << ")");
            NS_TEST_ASSERT_MSG_EQ(u->Classify(2, Key6(1, 444)).entry->fid,
                                  6,
                                  "FID 6 beats 9 (order " << order << ")");
            u->Remove(2, 6);
            NS_TEST_ASSERT_MSG_EQ(u->Classify(2, Key6(1, 444)).entry->fid, 9, "then FID 9");
        }
        std::vector<const FlowBindingEntry*> all1 = t->GetEntries(1);
        NS_TEST_ASSERT_MSG_EQ(all1.size(), 2, "two entries");
        NS_TEST_ASSERT_MSG_EQ(all1[0]->fid, 10, "precedence order");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief DISCARD, NCAST and the default BID; ResolveOutputs; hit counters.
 */
class FlowBindingActionTestCase : public TestCase
{
  public:
    FlowBindingActionTestCase()
        : TestCase("Discard, n-cast, default BID, outputs, hit counters")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<FlowBindingTable> t = CreateObject<FlowBindingTable>();
        NS_TEST_ASSERT_MSG_EQ(t->IsEmpty(), true, "empty");
        NS_TEST_ASSERT_MSG_EQ(t->Add(Entry(1, 1, 1, DportTs(9), FlowBindingAction::DISCARD, {})),
                              true,
                              "discard needs no BID");
        NS_TEST_ASSERT_MSG_EQ(t->Add(Entry(1, 2, 1, DportTs(10), FlowBindingAction::FORWARD, {})),
                              false,
                              "forward needs a BID");
        NS_TEST_ASSERT_MSG_EQ(
            t->Add(Entry(1, 3, 1, DportTs(11), FlowBindingAction::NCAST, {1, 2, 3, 4})),
            true,
            "n-cast");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(1, Key6(5, 9)).kind, FlowBindingTable::DISCARD, "drop");
        FlowBindingTable::Result r = t->Classify(1, Key6(5, 11));
        NS_TEST_ASSERT_MSG_EQ(r.kind, FlowBindingTable::NCAST, "n-cast");
        NS_TEST_ASSERT_MSG_EQ(r.bids->size(), 4, "every BID");
        // BID 1 -> if 5, 2 -> if 6, 3 -> if 5 again (one copy), 4 unknown
        FlowBindingResolver resolver([](uint64_t owner, uint16_t bid) {
            FlowBindingOutput out;
            if (owner == 1 && bid <= 3)
            {
                out.interface = bid == 2 ? 6 : 5;
            }
            return out;
        });
        FlowBindingOutput outs[8];
        uint32_t n = FlowBindingTable::ResolveOutputs(r, 1, resolver, outs, 8);
        NS_TEST_ASSERT_MSG_EQ(n, 2, "two distinct outputs");
        NS_TEST_ASSERT_MSG_EQ(outs[0].interface, 5, "BID 1");
        NS_TEST_ASSERT_MSG_EQ(outs[1].interface, 6, "BID 2");
        NS_TEST_ASSERT_MSG_EQ(
            FlowBindingTable::ResolveOutputs(t->Classify(1, Key6(5, 9)), 1, resolver, outs, 8),
            0,
            "discard has no output");

        NS_TEST_ASSERT_MSG_EQ(t->Classify(1, Key6(5, 12)).kind,
                              FlowBindingTable::NO_MATCH,
                              "no match");
        t->SetDefaultBid(1, 7);
        r = t->Classify(1, Key6(5, 12));
        NS_TEST_ASSERT_MSG_EQ(r.kind, FlowBindingTable::DEFAULT, "the default binding");
        NS_TEST_ASSERT_MSG_EQ((*r.bids)[0], 7, "its BID");
        NS_TEST_ASSERT_MSG_EQ(r.entry, nullptr, "no entry");
        t->SetDefaultBid(9, 3);
        NS_TEST_ASSERT_MSG_EQ(t->Classify(9, Key6(5, 12)).kind,
                              FlowBindingTable::DEFAULT,
                              "an owner with only a default");
        t->ClearDefaultBid(9);
        NS_TEST_ASSERT_MSG_EQ(t->Classify(9, Key6(5, 12)).kind,
                              FlowBindingTable::NO_MATCH,
                              "cleared");
        NS_TEST_ASSERT_MSG_EQ(t->Find(1, 1)->hits, 2, "two hits on the discard entry");
        NS_TEST_ASSERT_MSG_EQ(t->Find(1, 3)->hits, 1, "one hit on the n-cast entry");
        NS_TEST_ASSERT_MSG_EQ(t->GetClassifiedCount(), 7, "classifications");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Inactive entries match nothing; owners are isolated; removal; traces; SetBids.
 */
class FlowBindingChangesTestCase : public TestCase
{
  public:
    FlowBindingChangesTestCase()
        : TestCase("Inactive entries skipped, owner isolation, removal, moves, traces")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<FlowBindingTable> t = CreateObject<FlowBindingTable>();
        std::vector<FlowBindingTable::Change> changes;
        t->TraceConnectWithoutContext(
            "EntryChanged",
            Callback<void, const FlowBindingEntry&, FlowBindingTable::Change>(
                [&changes](const FlowBindingEntry&, FlowBindingTable::Change c) {
                    changes.push_back(c);
                }));
        TrafficSelector all;
        t->Add(Entry(1, 1, 1, DportTs(80), FlowBindingAction::FORWARD, {1}));
        t->Add(Entry(1, 2, 9, all, FlowBindingAction::FORWARD, {2}));
        t->Add(Entry(2, 1, 1, DportTs(443), FlowBindingAction::FORWARD, {3}));
        NS_TEST_ASSERT_MSG_EQ(t->GetSize(), 3, "three");
        NS_TEST_ASSERT_MSG_EQ(t->GetOwnerSize(1), 2, "two of owner 1");

        // owner isolation
        NS_TEST_ASSERT_MSG_EQ(t->Classify(2, Key6(1, 80)).kind,
                              FlowBindingTable::NO_MATCH,
                              "owner 2 has no port-80 entry");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(1, Key6(1, 443)).entry->fid, 2, "owner 1's wildcard");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(3, Key6(1, 443)).kind,
                              FlowBindingTable::NO_MATCH,
                              "unknown owner");

        // inactive
        NS_TEST_ASSERT_MSG_EQ(t->SetActive(1, 1, false), true, "deactivated");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(1, Key6(1, 80)).entry->fid, 2, "skipped");
        NS_TEST_ASSERT_MSG_EQ(t->SetActive(1, 2, false), true, "deactivated");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(1, Key6(1, 80)).kind,
                              FlowBindingTable::NO_MATCH,
                              "both inactive");
        NS_TEST_ASSERT_MSG_EQ(t->Find(1, 1)->active, false, "flag");
        t->SetActive(1, 1, true);
        NS_TEST_ASSERT_MSG_EQ(t->Classify(1, Key6(1, 80)).entry->fid, 1, "active again");
        FlowBindingEntry inactive = Entry(1, 3, 0, all);
        inactive.active = false;
        t->Add(inactive);
        NS_TEST_ASSERT_MSG_EQ(t->Classify(1, Key6(1, 80)).entry->fid, 1, "added inactive");

        // a move: new BIDs, same entry
        NS_TEST_ASSERT_MSG_EQ(t->SetBids(1, 1, {4}), true, "moved");
        NS_TEST_ASSERT_MSG_EQ((*t->Classify(1, Key6(1, 80)).bids)[0], 4, "to BID 4");
        NS_TEST_ASSERT_MSG_EQ(t->SetBids(1, 1, {}), false, "forward needs a BID");
        NS_TEST_ASSERT_MSG_EQ(t->SetBids(1, 99, {4}), false, "unknown FID");

        // removal
        NS_TEST_ASSERT_MSG_EQ(t->Remove(1, 1), true, "removed");
        NS_TEST_ASSERT_MSG_EQ(t->Remove(1, 1), false, "once");
        NS_TEST_ASSERT_MSG_EQ(t->Find(1, 1), nullptr, "gone");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(1, Key6(1, 80)).kind,
                              FlowBindingTable::NO_MATCH,
                              "nothing active left for owner 1");
        NS_TEST_ASSERT_MSG_EQ(t->RemoveOwner(1), 2, "FIDs 2 and 3");
        NS_TEST_ASSERT_MSG_EQ(t->GetSize(), 1, "owner 2's entry left");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(2, Key6(1, 443)).entry->fid, 1, "owner 2 untouched");
        t->Clear();
        NS_TEST_ASSERT_MSG_EQ(t->IsEmpty(), true, "cleared");

        std::vector<FlowBindingTable::Change> expected = {FlowBindingTable::ADDED,
                                                          FlowBindingTable::ADDED,
                                                          FlowBindingTable::ADDED,
                                                          FlowBindingTable::DEACTIVATED,
                                                          FlowBindingTable::DEACTIVATED,
                                                          FlowBindingTable::ACTIVATED,
                                                          FlowBindingTable::ADDED,
                                                          FlowBindingTable::MOVED,
                                                          FlowBindingTable::REMOVED,
                                                          FlowBindingTable::REMOVED,
                                                          FlowBindingTable::REMOVED,
                                                          FlowBindingTable::REMOVED};
        NS_TEST_ASSERT_MSG_EQ(changes.size(), expected.size(), "one trace per change");
        for (size_t i = 0; i < expected.size() && i < changes.size(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(changes[i], expected[i], "change " << i);
        }
    }
};

/**
 * \ingroup pmipv6-test
 * \brief IPv4 and IPv6 selectors each match their family only; ranges and prefixes; packet
 * keys from a packet.
 */
class FlowBindingSelectorsTestCase : public TestCase
{
  public:
    FlowBindingSelectorsTestCase()
        : TestCase("IPv4 and IPv6 selectors, ranges, prefixes, keys from packets")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<FlowBindingTable> t = CreateObject<FlowBindingTable>();
        TrafficSelector v4 = TrafficSelector::FromFiveTuple(Ipv4Address("10.0.0.1"),
                                                            Ipv4Address("10.0.0.2"),
                                                            17,
                                                            1,
                                                            2);
        TrafficSelector v6 = TrafficSelector::FromFiveTuple(CN, MN, 17, 1, 2);
        t->Add(Entry(1, 1, 1, v4, FlowBindingAction::FORWARD, {4}));
        t->Add(Entry(1, 2, 2, v6, FlowBindingAction::FORWARD, {6}));
        Ipv4Header ip4;
        ip4.SetSource(Ipv4Address("10.0.0.1"));
        ip4.SetDestination(Ipv4Address("10.0.0.2"));
        ip4.SetProtocol(17);
        NS_TEST_ASSERT_MSG_EQ(t->Classify(1, TrafficSelector::MakeKey(ip4, 1, 2)).entry->fid,
                              1,
                              "IPv4 packet, IPv4 selector");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(1, Key6(1, 2)).entry->fid, 2, "IPv6 packet, IPv6 one");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(1, TrafficSelector::MakeKey(ip4, 1, 3)).kind,
                              FlowBindingTable::NO_MATCH,
                              "other port");

        // ranges: a port range, a source prefix, a flow-label range (residual list)
        TrafficSelector range;
        range.SetDestinationPortRange(5000, 5999);
        TrafficSelector prefix;
        prefix.SetSourceAddressPrefix(Ipv6Address("2001:db8:c::"), Ipv6Prefix(64));
        TrafficSelector v4range;
        v4range.SetFormat(mip6::TS_FORMAT_IPV4_BINARY);
        v4range.SetIpv4DestinationAddressPrefix(Ipv4Address("10.0.0.0"), Ipv4Mask("255.255.255.0"));
        t->Add(Entry(2, 1, 1, range, FlowBindingAction::FORWARD, {1}));
        t->Add(Entry(2, 2, 2, prefix, FlowBindingAction::FORWARD, {2}));
        t->Add(Entry(2, 3, 3, v4range, FlowBindingAction::FORWARD, {3}));
        NS_TEST_ASSERT_MSG_EQ(t->Classify(2, Key6(1, 5000)).entry->fid, 1, "range start");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(2, Key6(1, 5999)).entry->fid, 1, "range end");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(2, Key6(1, 6000)).entry->fid, 2, "prefix");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(2, Key6(1, 6000, Ipv6Address("2001:db8:d::2"))).kind,
                              FlowBindingTable::NO_MATCH,
                              "outside both");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(2, TrafficSelector::MakeKey(ip4, 1, 6000)).entry->fid,
                              3,
                              "IPv4 subnet");
        // a range of one value is indexed like a single value and still matches
        TrafficSelector one;
        one.SetSourcePortRange(7, 7);
        t->Add(Entry(2, 4, 0, one, FlowBindingAction::FORWARD, {4}));
        NS_TEST_ASSERT_MSG_EQ(t->Classify(2, Key6(7, 5000)).entry->fid, 4, "[7, 7]");

        // keys from packets: UDP ports; ICMPv6 has none (a port selector does not match)
        Ipv6Header ip;
        ip.SetSource(CN);
        ip.SetDestination(MN);
        ip.SetNextHeader(17);
        ip.SetFlowLabel(0x12345);
        ip.SetTrafficClass(0x2e);
        Ptr<Packet> p = Create<Packet>(20);
        UdpHeader udp;
        udp.SetSourcePort(1234);
        udp.SetDestinationPort(5678);
        p->AddHeader(udp);
        TrafficSelector::FlowKey k = FlowBindingTable::MakeKey(ip, p);
        NS_TEST_ASSERT_MSG_EQ(k.hasPorts, true, "ports");
        NS_TEST_ASSERT_MSG_EQ(k.sourcePort, 1234, "source port");
        NS_TEST_ASSERT_MSG_EQ(k.destinationPort, 5678, "destination port");
        NS_TEST_ASSERT_MSG_EQ(k.flowLabel, 0x12345, "flow label");
        NS_TEST_ASSERT_MSG_EQ(+k.trafficClass, 0x2e, "traffic class");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(2, k).entry->fid, 1, "port range from the packet");
        ip.SetNextHeader(58);
        k = FlowBindingTable::MakeKey(ip, p);
        NS_TEST_ASSERT_MSG_EQ(k.hasPorts, false, "no ports for ICMPv6");
        NS_TEST_ASSERT_MSG_EQ(t->Classify(2, k).entry->fid, 2, "the prefix entry, not ports");
        ip.SetNextHeader(17);
        NS_TEST_ASSERT_MSG_EQ(FlowBindingTable::MakeKey(ip, Create<Packet>(3)).hasPorts,
                              false,
                              "truncated: no ports");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The winner by brute force.
 * \param entries every entry
 * \param owner the owner
 * \param key the packet
 * \return the index of the winner, or -1
 */
int
Reference(const std::vector<FlowBindingEntry>& entries,
          uint64_t owner,
          const TrafficSelector::FlowKey& key)
{
    int best = -1;
    for (size_t i = 0; i < entries.size(); ++i)
    {
        const FlowBindingEntry& e = entries[i];
        if (e.owner != owner || !e.active || !e.selector.Matches(key))
        {
            continue;
        }
        if (best < 0 || e.priority < entries[best].priority ||
            (e.priority == entries[best].priority && e.fid < entries[best].fid))
        {
            best = i;
        }
    }
    return best;
}

/**
 * \ingroup pmipv6-test
 * \brief 10,000 random entries over a few owners (exact 5-tuples, single ports, addresses,
 * ranges, wildcards, equal priorities, inactive entries) against a brute-force reference on
 * random packets, then again after random removals and modifications.
 */
class FlowBindingRandomTestCase : public TestCase
{
  public:
    FlowBindingRandomTestCase()
        : TestCase("10,000 random entries: same winner as a brute-force scan")
    {
    }

  private:
    void DoRun() override
    {
        std::mt19937 rng(12345);
        auto uni = [&rng](uint32_t lo, uint32_t hi) {
            return std::uniform_int_distribution<uint32_t>(lo, hi)(rng);
        };
        auto addr = [](uint32_t i) {
            uint8_t b[16] = {0x20, 0x01, 0x0d, 0xb8};
            b[15] = i;
            return Ipv6Address(b);
        };
        const uint32_t owners = 4;
        std::vector<FlowBindingEntry> entries;
        std::vector<uint16_t> nextFid(owners, 0);
        Ptr<FlowBindingTable> t = CreateObject<FlowBindingTable>();
        while (entries.size() < 10000)
        {
            uint64_t owner = uni(0, owners - 1);
            TrafficSelector ts;
            switch (uni(0, 6))
            {
            case 0:
                ts = TrafficSelector::FromFiveTuple(addr(uni(0, 7)),
                                                    addr(uni(0, 7)),
                                                    17,
                                                    uni(0, 40),
                                                    uni(0, 40));
                break;
            case 1:
                ts.SetDestinationPort(uni(0, 40));
                break;
            case 2:
                ts.SetSourcePort(uni(0, 40));
                ts.SetNextHeader(uni(0, 1) ? 6 : 17);
                break;
            case 3:
                ts.SetSourceAddress(addr(uni(0, 7)));
                break;
            case 4: {
                uint32_t a = uni(0, 40);
                ts.SetDestinationPortRange(a, a + uni(0, 5));
                break;
            }
            case 5:
                ts.SetFlowLabel(uni(0, 3));
                ts.SetDestinationAddress(addr(uni(0, 7)));
                break;
            default:
                ts.SetTrafficClassRange(0, uni(0, 3)); // wildcard-like
                break;
            }
            FlowBindingEntry e = Entry(owner, nextFid[owner]++, uni(0, 50), ts);
            e.active = uni(0, 9) != 0;
            entries.push_back(e);
            NS_TEST_ASSERT_MSG_EQ(t->Add(e), true, "added");
        }
        auto check = [&](const char* phase) {
            uint32_t matched = 0;
            for (int k = 0; k < 3000; ++k)
            {
                Ipv6Header ip;
                ip.SetSource(addr(uni(0, 8)));
                ip.SetDestination(addr(uni(0, 8)));
                ip.SetNextHeader(uni(0, 1) ? 6 : 17);
                ip.SetFlowLabel(uni(0, 4));
                ip.SetTrafficClass(uni(0, 5));
                TrafficSelector::FlowKey key = TrafficSelector::MakeKey(ip, uni(0, 45), uni(0, 45));
                key.hasPorts = uni(0, 19) != 0;
                uint64_t owner = uni(0, owners);
                int ref = Reference(entries, owner, key);
                const FlowBindingEntry* got = t->Lookup(owner, key);
                if (ref < 0)
                {
                    NS_TEST_ASSERT_MSG_EQ(got, nullptr, phase << ": packet " << k << " no match");
                }
                else
                {
                    matched++;
                    NS_TEST_ASSERT_MSG_NE(got, nullptr, phase << ": packet " << k << " matches");
                    if (got)
                    {
                        NS_TEST_ASSERT_MSG_EQ(got->fid,
                                              entries[ref].fid,
                                              phase << ": packet " << k << " winner");
                        NS_TEST_ASSERT_MSG_EQ(got->owner, owner, phase << ": owner");
                    }
                }
            }
            NS_TEST_ASSERT_MSG_GT(matched, 1500, phase << ": most packets match something");
        };
        check("initial");
        // random changes: removals, priority / selector modifications, (de)activations
        for (int k = 0; k < 3000; ++k)
        {
            size_t i = uni(0, entries.size() - 1);
            FlowBindingEntry& e = entries[i];
            switch (uni(0, 2))
            {
            case 0:
                NS_TEST_ASSERT_MSG_EQ(t->Remove(e.owner, e.fid), true, "removed");
                entries.erase(entries.begin() + i);
                break;
            case 1:
                e.priority = uni(0, 50);
                e.selector.SetDestinationPort(uni(0, 40));
                NS_TEST_ASSERT_MSG_EQ(t->Modify(e), true, "modified");
                break;
            default:
                e.active = !e.active;
                NS_TEST_ASSERT_MSG_EQ(t->SetActive(e.owner, e.fid, e.active), true, "flag");
                break;
            }
        }
        NS_TEST_ASSERT_MSG_EQ(t->GetSize(), entries.size(), "size");
        check("after changes");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Overlapping RANGES against a brute-force reference (fixed seed): port ranges of every
 * width (aligned blocks, unaligned ranges split into prefixes or covered by one prefix, the full
 * range), nested ranges, IPv6 address prefixes of every length and address ranges that are not
 * prefixes, IPv4 subnets and ranges, SPI, flow label, traffic class and next header ranges,
 * combinations, equal priorities; packets drawn at the range boundaries (start - 1, start, end,
 * end + 1) so that every overlap is exercised; again after modifications and removals. This
 * proves the tuple-space index (prefix split, covering prefixes, compiled selectors).
 */
class FlowBindingRangeTestCase : public TestCase
{
  public:
    FlowBindingRangeTestCase()
        : TestCase("Overlapping ranges and prefixes: same winner as a brute-force scan")
    {
    }

  private:
    void DoRun() override
    {
        std::mt19937 rng(4242);
        auto uni = [&rng](uint32_t lo, uint32_t hi) {
            return std::uniform_int_distribution<uint32_t>(lo, hi)(rng);
        };
        // addresses 2001:db8::<a>:<b> with small a, b: prefixes of any length overlap
        auto addr6 = [](uint32_t v) {
            uint8_t b[16] = {0x20, 0x01, 0x0d, 0xb8};
            b[12] = uint8_t(v >> 24);
            b[13] = uint8_t(v >> 16);
            b[14] = uint8_t(v >> 8);
            b[15] = uint8_t(v);
            return Ipv6Address(b);
        };
        auto addr4 = [](uint32_t v) { return Ipv4Address(0x0a000000u | (v & 0xffff)); };
        std::vector<uint32_t> ports;  // boundaries seen, for the packets
        std::vector<uint32_t> addrs;  // low 32 bits of address boundaries
        std::vector<uint32_t> labels; // flow label / SPI / TC boundaries
        auto portRange = [&](uint32_t& lo, uint32_t& hi) {
            switch (uni(0, 4))
            {
            case 0: { // an aligned block
                uint32_t k = uni(0, 6);
                lo = (uni(0, 200) << k) & 0xffff;
                hi = lo + (1u << k) - 1;
                break;
            }
            case 1: // a short unaligned range
                lo = uni(0, 600);
                hi = lo + uni(0, 9);
                break;
            case 2: // a long unaligned range (covering prefix)
                lo = uni(0, 400);
                hi = lo + uni(50, 3000);
                break;
            case 3: // nested around 1000
                lo = 1000 - uni(0, 40);
                hi = 1000 + uni(0, 40);
                break;
            default: // everything
                lo = 0;
                hi = 65535;
                break;
            }
            hi = std::min<uint32_t>(hi, 65535);
            ports.push_back(lo);
            ports.push_back(hi);
        };
        auto addrRange6 = [&](uint32_t& lo, uint32_t& hi) {
            if (uni(0, 2) != 0)
            {
                uint32_t len = uni(0, 12); // a prefix of 128 - len bits
                lo = (uni(0, 0x3fff) >> len) << len;
                hi = lo | ((1u << len) - 1);
            }
            else
            {
                lo = uni(0, 0x3fff);
                hi = lo + uni(0, 700); // not a prefix (mostly)
            }
            addrs.push_back(lo);
            addrs.push_back(hi);
        };
        std::vector<FlowBindingEntry> entries;
        Ptr<FlowBindingTable> t = CreateObject<FlowBindingTable>();
        const uint32_t owners = 3;
        std::vector<uint16_t> nextFid(owners, 1);
        while (entries.size() < 3000)
        {
            uint64_t owner = uni(0, owners - 1);
            bool v4 = uni(0, 5) == 0;
            TrafficSelector ts(v4 ? mip6::TS_FORMAT_IPV4_BINARY : mip6::TS_FORMAT_IPV6_BINARY);
            uint32_t lo = 0;
            uint32_t hi = 0;
            uint32_t fields = uni(1, 255);
            if (fields & 1)
            {
                portRange(lo, hi);
                ts.SetDestinationPortRange(lo, hi);
            }
            if ((fields & 2) && uni(0, 1))
            {
                portRange(lo, hi);
                ts.SetSourcePortRange(lo, hi);
            }
            if (fields & 4)
            {
                addrRange6(lo, hi);
                if (v4)
                {
                    ts.SetIpv4DestinationAddressRange(addr4(lo), addr4(hi));
                }
                else
                {
                    ts.SetDestinationAddressRange(addr6(lo), addr6(hi));
                }
            }
            if ((fields & 8) && uni(0, 1))
            {
                addrRange6(lo, hi);
                if (v4)
                {
                    ts.SetIpv4SourceAddressRange(addr4(lo), addr4(hi));
                }
                else
                {
                    ts.SetSourceAddressRange(addr6(lo), addr6(hi));
                }
            }
            if ((fields & 16) && uni(0, 3) == 0)
            {
                lo = uni(0, 20);
                hi = lo + uni(0, 6);
                labels.push_back(lo);
                labels.push_back(hi);
                if (v4 || uni(0, 1))
                {
                    ts.SetSpiRange(lo, hi);
                }
                else
                {
                    ts.SetFlowLabelRange(lo, hi);
                }
            }
            if ((fields & 32) && uni(0, 2) == 0)
            {
                lo = uni(0, 20);
                hi = lo + uni(0, 10);
                labels.push_back(lo);
                labels.push_back(hi);
                ts.SetTrafficClassRange(lo, hi);
            }
            if ((fields & 64) && uni(0, 2) == 0)
            {
                ts.SetNextHeaderRange(uni(0, 1) ? 6 : 17, 17);
            }
            if (fields == 128 && uni(0, 3) == 0)
            {
                ts.Clear(); // a few empty selectors (residual)
            }
            FlowBindingEntry e = Entry(owner, nextFid[owner]++, uni(0, 30), ts);
            e.active = uni(0, 15) != 0;
            entries.push_back(e);
            NS_TEST_ASSERT_MSG_EQ(t->Add(e), true, "added");
        }
        auto pick = [&uni](const std::vector<uint32_t>& v) {
            uint32_t x = v[uni(0, v.size() - 1)];
            switch (uni(0, 2))
            {
            case 0:
                return x == 0 ? 0 : x - 1;
            case 1:
                return x + 1;
            default:
                return x;
            }
        };
        auto check = [&](const char* phase) {
            uint32_t matched = 0;
            uint32_t overlapping = 0; // packets matched by two entries or more
            for (int k = 0; k < 6000; ++k)
            {
                TrafficSelector::FlowKey key;
                if (uni(0, 5) == 0)
                {
                    Ipv4Header ip;
                    ip.SetSource(addr4(pick(addrs)));
                    ip.SetDestination(addr4(pick(addrs)));
                    ip.SetProtocol(uni(0, 1) ? 6 : 17);
                    ip.SetTos(pick(labels));
                    key = TrafficSelector::MakeKey(ip, pick(ports), pick(ports));
                }
                else
                {
                    Ipv6Header ip;
                    ip.SetSource(addr6(pick(addrs)));
                    ip.SetDestination(addr6(pick(addrs)));
                    ip.SetNextHeader(uni(0, 1) ? 6 : 17);
                    ip.SetFlowLabel(pick(labels) & 0xfffff);
                    ip.SetTrafficClass(pick(labels));
                    key = TrafficSelector::MakeKey(ip, pick(ports), pick(ports));
                }
                key.hasPorts = uni(0, 15) != 0;
                key.hasSpi = uni(0, 1) != 0;
                key.spi = pick(labels);
                uint64_t owner = uni(0, owners - 1);
                int ref = Reference(entries, owner, key);
                uint32_t n = 0;
                for (const FlowBindingEntry& e : entries)
                {
                    n += e.owner == owner && e.active && e.selector.Matches(key);
                }
                overlapping += n >= 2;
                const FlowBindingEntry* got = t->Lookup(owner, key);
                if (ref < 0)
                {
                    NS_TEST_ASSERT_MSG_EQ(got, nullptr, phase << ": packet " << k << " no match");
                    continue;
                }
                matched++;
                NS_TEST_ASSERT_MSG_NE(got, nullptr, phase << ": packet " << k << " matches");
                if (got)
                {
                    NS_TEST_ASSERT_MSG_EQ(got->fid,
                                          entries[ref].fid,
                                          phase << ": packet " << k << " winner "
                                                << entries[ref].selector << " got "
                                                << got->selector);
                    NS_TEST_ASSERT_MSG_EQ(got->owner, owner, phase << ": owner");
                }
            }
            NS_TEST_ASSERT_MSG_GT(matched, 3000, phase << ": most packets match something");
            NS_TEST_ASSERT_MSG_GT(overlapping, 2000, phase << ": many packets match overlaps");
        };
        check("initial");
        for (int k = 0; k < 1500; ++k)
        {
            size_t i = uni(0, entries.size() - 1);
            FlowBindingEntry& e = entries[i];
            switch (uni(0, 3))
            {
            case 0:
                NS_TEST_ASSERT_MSG_EQ(t->Remove(e.owner, e.fid), true, "removed");
                entries.erase(entries.begin() + i);
                break;
            case 1: {
                uint32_t lo = 0;
                uint32_t hi = 0;
                portRange(lo, hi);
                e.priority = uni(0, 30);
                e.selector.SetDestinationPortRange(lo, hi);
                NS_TEST_ASSERT_MSG_EQ(t->Modify(e), true, "modified");
                break;
            }
            case 2:
                e.priority = uni(0, 30); // equal priorities: the FID decides
                NS_TEST_ASSERT_MSG_EQ(t->Modify(e), true, "re-prioritized");
                break;
            default:
                e.active = !e.active;
                NS_TEST_ASSERT_MSG_EQ(t->SetActive(e.owner, e.fid, e.active), true, "flag");
                break;
            }
        }
        NS_TEST_ASSERT_MSG_EQ(t->GetSize(), entries.size(), "size");
        check("after changes");
        // removing the owners empties the table
        for (uint64_t owner = 0; owner < owners; ++owner)
        {
            t->RemoveOwner(owner);
        }
        NS_TEST_ASSERT_MSG_EQ(t->GetSize(), 0, "empty");
        NS_TEST_ASSERT_MSG_EQ(t->IsEmpty(), true, "no owner left");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The owner map and the two probe paths of the index against a brute-force reference:
 * many owners (the owner map grows, and shrinks by backward-shift deletes), each owner's hot
 * data in its slot (tuples, residual list, default BID); while the table uses at most 4
 * distinct tuples every packet is probed in all of them before its owner is found, with more
 * the owner's own tuples are probed (and an owner with more than 4 tuples keeps them out of
 * its slot). Results checked: winner, DEFAULT with the default BID, NO_MATCH.
 */
class FlowBindingOwnerSlotTestCase : public TestCase
{
  public:
    FlowBindingOwnerSlotTestCase()
        : TestCase("Owner slots and tuple probes: same result as a brute-force scan")
    {
    }

  private:
    void DoRun() override
    {
        std::mt19937 rng(2026);
        auto uni = [&rng](uint32_t lo, uint32_t hi) {
            return std::uniform_int_distribution<uint32_t>(lo, hi)(rng);
        };
        const uint32_t owners = 600;
        auto ownerKey = [](uint32_t i) { return uint64_t(i) * 0x9E3779B97F4A7C15ULL + 1; };
        std::vector<FlowBindingEntry> entries;
        std::vector<bool> hasDefault(owners, false);
        std::vector<bool> present(owners, true);
        Ptr<FlowBindingTable> t = CreateObject<FlowBindingTable>();
        // few shapes: exact destination ports, exact source ports with next header, empty
        // selectors (residual lists)
        for (uint32_t o = 0; o < owners; ++o)
        {
            uint16_t fid = 0;
            for (uint32_t k = uni(1, 3); k > 0; --k)
            {
                TrafficSelector ts;
                if (uni(0, 3) == 0)
                {
                    ts.SetSourcePort(uni(0, 20));
                    ts.SetNextHeader(17);
                }
                else
                {
                    ts.SetDestinationPort(uni(0, 20));
                }
                entries.push_back(Entry(ownerKey(o), fid++, uni(0, 9), ts));
                NS_TEST_ASSERT_MSG_EQ(t->Add(entries.back()), true, "added");
            }
            if (uni(0, 4) == 0)
            {
                entries.push_back(Entry(ownerKey(o), fid++, 20, TrafficSelector()));
                NS_TEST_ASSERT_MSG_EQ(t->Add(entries.back()), true, "residual added");
            }
            if (uni(0, 2) == 0)
            {
                t->SetDefaultBid(ownerKey(o), uint16_t(100 + o));
                hasDefault[o] = true;
            }
        }
        auto check = [&](const char* phase) {
            uint32_t matched = 0;
            uint32_t defaults = 0;
            for (int k = 0; k < 4000; ++k)
            {
                uint32_t o = uni(0, owners); // owners: an unknown owner
                Ipv6Header ip;
                ip.SetSource(CN);
                ip.SetDestination(MN);
                ip.SetNextHeader(uni(0, 1) ? 6 : 17);
                TrafficSelector::FlowKey key =
                    TrafficSelector::MakeKey(ip, uni(0, 22), uni(0, 1) ? uni(0, 22) : uni(0, 300));
                int ref = Reference(entries, ownerKey(o), key);
                FlowBindingTable::Result r = t->Classify(ownerKey(o), key);
                if (ref >= 0)
                {
                    matched++;
                    NS_TEST_ASSERT_MSG_EQ(r.kind, FlowBindingTable::FORWARD, phase << ": kind");
                    NS_TEST_ASSERT_MSG_NE(r.entry, nullptr, phase << ": entry");
                    if (r.entry)
                    {
                        NS_TEST_ASSERT_MSG_EQ(r.entry->owner, ownerKey(o), phase << ": owner");
                        NS_TEST_ASSERT_MSG_EQ(r.entry->fid,
                                              entries[ref].fid,
                                              phase << ": packet " << k << " winner");
                    }
                }
                else if (o < owners && present[o] && hasDefault[o])
                {
                    defaults++;
                    NS_TEST_ASSERT_MSG_EQ(r.kind, FlowBindingTable::DEFAULT, phase << ": default");
                    NS_TEST_ASSERT_MSG_EQ(
                        (r.bids && r.bids->size() == 1 && r.bids->front() == uint16_t(100 + o)),
                        true,
                        phase << ": the owner's default BID");
                }
                else
                {
                    NS_TEST_ASSERT_MSG_EQ(r.kind, FlowBindingTable::NO_MATCH, phase << ": none");
                }
            }
            // about 24 % of the packets match (20 % of the owners have a residual entry), and
            // about a quarter take a default BID (fewer once half the owners left)
            NS_TEST_ASSERT_MSG_GT(matched, 300, phase << ": many packets match");
            NS_TEST_ASSERT_MSG_GT(defaults, 200, phase << ": many packets take a default");
        };
        check("few tuples");
        // one owner gets 6 more tuples (port ranges of several block sizes, source prefixes):
        // the table then has more than 4 tuples, that owner more than 4 of its own
        uint64_t wide = ownerKey(7);
        uint16_t fid = 1000;
        for (uint32_t len : {1u, 2u, 3u, 5u, 6u})
        {
            TrafficSelector ts;
            ts.SetDestinationPortRange(uint16_t(1u << len), uint16_t((2u << len) - 1));
            entries.push_back(Entry(wide, fid++, uint16_t(uni(0, 9)), ts));
            NS_TEST_ASSERT_MSG_EQ(t->Add(entries.back()), true, "range added");
        }
        TrafficSelector prefix;
        prefix.SetSourceAddressPrefix(CN, Ipv6Prefix(48));
        entries.push_back(Entry(wide, fid++, 15, prefix));
        NS_TEST_ASSERT_MSG_EQ(t->Add(entries.back()), true, "prefix added");
        for (int k = 0; k < 500; ++k)
        {
            uint32_t port = uni(0, 130);
            TrafficSelector::FlowKey key = Key6(uni(0, 22), uint16_t(port));
            int ref = Reference(entries, wide, key);
            const FlowBindingEntry* got = t->Lookup(wide, key);
            NS_TEST_ASSERT_MSG_EQ((got ? int(got->fid) : -1),
                                  (ref < 0 ? -1 : int(entries[ref].fid)),
                                  "many tuples: port " << port);
        }
        check("many tuples");
        // the wide entries go again: back to few tuples
        for (uint16_t f = 1000; f < fid; ++f)
        {
            NS_TEST_ASSERT_MSG_EQ(t->Remove(wide, f), true, "removed");
        }
        entries.erase(std::remove_if(entries.begin(),
                                     entries.end(),
                                     [wide](const FlowBindingEntry& e) {
                                         return e.owner == wide && e.fid >= 1000;
                                     }),
                      entries.end());
        check("few tuples again");
        // every other owner leaves (its entries and its default BID)
        for (uint32_t o = 0; o < owners; o += 2)
        {
            t->RemoveOwner(ownerKey(o));
            present[o] = false;
            uint16_t bid = 0;
            NS_TEST_ASSERT_MSG_EQ(t->GetDefaultBid(ownerKey(o), bid), false, "default gone");
        }
        std::vector<FlowBindingEntry> kept;
        for (const FlowBindingEntry& e : entries)
        {
            bool gone = false;
            for (uint32_t o = 0; o < owners && !gone; o += 2)
            {
                gone = e.owner == ownerKey(o);
            }
            if (!gone)
            {
                kept.push_back(e);
            }
        }
        entries.swap(kept);
        for (uint32_t o = 1; o < owners; o += 2)
        {
            uint16_t bid = 0;
            NS_TEST_ASSERT_MSG_EQ(t->GetDefaultBid(ownerKey(o), bid), hasDefault[o], "default");
        }
        check("half the owners removed");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The flow-binding test suite.
 */
class FlowBindingTableTestSuite : public TestSuite
{
  public:
    FlowBindingTableTestSuite()
        : TestSuite("pmipv6-flow-binding", UNIT)
    {
        AddTestCase(new FlowBindingPriorityTestCase, TestCase::QUICK);
        AddTestCase(new FlowBindingActionTestCase, TestCase::QUICK);
        AddTestCase(new FlowBindingChangesTestCase, TestCase::QUICK);
        AddTestCase(new FlowBindingSelectorsTestCase, TestCase::QUICK);
        AddTestCase(new FlowBindingRandomTestCase, TestCase::QUICK);
        AddTestCase(new FlowBindingRangeTestCase, TestCase::QUICK);
        AddTestCase(new FlowBindingOwnerSlotTestCase, TestCase::QUICK);
    }
};

/// The suite instance.
FlowBindingTableTestSuite g_flowBindingTableTestSuite;

} // namespace
