/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The state layer: Home Network Prefixes, the prefix pool, the policy store, the LMA's
 * Binding Cache and the MAG's Binding Update List -- lookups, indexing, traces and timers.
 */

#include "ns3/binding-cache.h"
#include "ns3/binding-update-list.h"
#include "ns3/mac48-address.h"
#include "ns3/pmipv6-profile.h"
#include "ns3/prefix-pool.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \brief Shorthand for an HNP.
 * \param p the prefix text
 * \param len the length
 * \return the HNP
 */
HomeNetworkPrefix
Hnp(const char* p, uint8_t len)
{
    return HomeNetworkPrefix(Ipv6Address(p), len);
}

/**
 * \brief An HNP as text.
 * \param hnp the HNP
 * \return "prefix/len"
 */
std::string
Str(const HomeNetworkPrefix& hnp)
{
    std::ostringstream os;
    os << hnp;
    return os.str();
}

/**
 * \brief The MAC address 02:00:00:00:hi:lo for a number.
 * \param n the number (below 2^16)
 * \return the address
 */
Mac48Address
Mac(uint32_t n)
{
    uint8_t b[6] = {0x02, 0, 0, 0, static_cast<uint8_t>(n >> 8), static_cast<uint8_t>(n)};
    Mac48Address m;
    m.CopyFrom(b);
    return m;
}

} // namespace

/**
 * \ingroup pmipv6-test
 * \brief HomeNetworkPrefix: masking, equality, hashing, ordering, Contains, printing.
 */
class HomeNetworkPrefixTestCase : public TestCase
{
  public:
    HomeNetworkPrefixTestCase()
        : TestCase("HomeNetworkPrefix value semantics")
    {
    }

  private:
    void DoRun() override
    {
        HomeNetworkPrefix a = Hnp("2001:db8:1:2::", 64);
        HomeNetworkPrefix withHostBits = Hnp("2001:db8:1:2::dead:beef", 64);
        NS_TEST_ASSERT_MSG_EQ((a == withHostBits), true, "host bits are ignored");
        NS_TEST_ASSERT_MSG_EQ(withHostBits.prefix, Ipv6Address("2001:db8:1:2::"), "cleared");
        // Host bits set directly in the field are ignored as well.
        HomeNetworkPrefix raw;
        raw.prefix = Ipv6Address("2001:db8:1:2::1");
        raw.length = 64;
        NS_TEST_ASSERT_MSG_EQ((raw == a), true, "field-set host bits ignored by ==");
        NS_TEST_ASSERT_MSG_EQ(HomeNetworkPrefixHash()(raw), HomeNetworkPrefixHash()(a), "hash");
        NS_TEST_ASSERT_MSG_EQ(Str(raw), "2001:db8:1:2::/64", "printed masked");
        NS_TEST_ASSERT_MSG_EQ((a != Hnp("2001:db8:1:2::", 63)), true, "length matters");
        NS_TEST_ASSERT_MSG_EQ((a != Hnp("2001:db8:1:3::", 64)), true, "prefix matters");
        NS_TEST_ASSERT_MSG_EQ((Hnp("2001:db8:1:2::", 63) < a), true, "same bits: shorter first");
        NS_TEST_ASSERT_MSG_EQ((a < Hnp("2001:db8:1:3::", 64)), true, "by octets");
        NS_TEST_ASSERT_MSG_EQ((Hnp("2001:db8:1:3::", 64) < a), false, "strict");

        NS_TEST_ASSERT_MSG_EQ(a.Contains(Ipv6Address("2001:db8:1:2::5")), true, "inside");
        NS_TEST_ASSERT_MSG_EQ(a.Contains(Ipv6Address("2001:db8:1:2:ffff:ffff:ffff:ffff")),
                              true,
                              "last address inside");
        NS_TEST_ASSERT_MSG_EQ(a.Contains(Ipv6Address("2001:db8:1:3::")), false, "outside");
        HomeNetworkPrefix odd = Hnp("2001:db8:1:2::", 63); // 2001:db8:1:2:: - 2001:db8:1:3:...
        NS_TEST_ASSERT_MSG_EQ(odd.Contains(Ipv6Address("2001:db8:1:3::1")), true, "/63 inside");
        NS_TEST_ASSERT_MSG_EQ(odd.Contains(Ipv6Address("2001:db8:1:4::1")), false, "/63 out");
        NS_TEST_ASSERT_MSG_EQ(Hnp("2001:db8::", 0).Contains(Ipv6Address("fe80::1")),
                              true,
                              "/0 contains everything");
        NS_TEST_ASSERT_MSG_EQ(Hnp("2001:db8::1", 128).Contains(Ipv6Address("2001:db8::1")),
                              true,
                              "/128 contains itself");
        NS_TEST_ASSERT_MSG_EQ(Hnp("2001:db8::1", 128).Contains(Ipv6Address("2001:db8::2")),
                              false,
                              "/128 only itself");

        NS_TEST_ASSERT_MSG_EQ(+a.GetIpv6Prefix().GetPrefixLength(), 64, "Ipv6Prefix length");
        NS_TEST_ASSERT_MSG_EQ(HomeNetworkPrefix().IsUnspecified(), true, "default is ::/0");
        NS_TEST_ASSERT_MSG_EQ(+HomeNetworkPrefix().length, 0, "default length 0");
        NS_TEST_ASSERT_MSG_EQ(Hnp("::", 64).IsUnspecified(), true, "::/64 unspecified");
        NS_TEST_ASSERT_MSG_EQ(a.IsUnspecified(), false, "a real prefix");
        NS_TEST_ASSERT_MSG_EQ(Str(Hnp("2001:1:1:1::", 64)), "2001:1:1:1::/64", "operator<<");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief PrefixPool: allocation order, custom and non-octet-aligned blocks, capacity caps.
 */
class PrefixPoolOrderTestCase : public TestCase
{
  public:
    PrefixPoolOrderTestCase()
        : TestCase("PrefixPool allocation order and capacity")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<PrefixPool> pool = CreateObject<PrefixPool>();
        NS_TEST_ASSERT_MSG_EQ(pool->GetBasePrefix(), Ipv6Address("2001:1:1::"), "default base");
        NS_TEST_ASSERT_MSG_EQ(+pool->GetBasePrefixLength(), 48, "default base length");
        NS_TEST_ASSERT_MSG_EQ(+pool->GetAllocatedPrefixLength(), 64, "default length");
        NS_TEST_ASSERT_MSG_EQ(pool->GetCapacity(), 65536, "2^16 /64s in a /48");
        const char* expected[] = {"2001:1:1::/64", "2001:1:1:1::/64", "2001:1:1:2::/64"};
        for (const char* e : expected)
        {
            HomeNetworkPrefix hnp;
            NS_TEST_ASSERT_MSG_EQ(pool->Allocate(hnp), true, "allocates");
            NS_TEST_ASSERT_MSG_EQ(Str(hnp), e, "ascending order");
            NS_TEST_ASSERT_MSG_EQ(pool->IsAllocated(hnp), true, "taken");
            NS_TEST_ASSERT_MSG_EQ(pool->IsInPool(hnp), true, "in the pool");
        }
        NS_TEST_ASSERT_MSG_EQ(pool->GetAllocatedCount(), 3, "three taken");
        NS_TEST_ASSERT_MSG_EQ(pool->GetFreeCount(), 65533, "the rest free");
        NS_TEST_ASSERT_MSG_EQ(pool->IsAllocated(Hnp("2001:1:1:3::", 64)), false, "not yet");

        // Attributes, and a block whose subnet bits are not octet-aligned: /61 -> /63.
        Ptr<PrefixPool> odd = CreateObject<PrefixPool>();
        odd->SetAttribute("BasePrefix", Ipv6AddressValue(Ipv6Address("2001:db8:0:8::")));
        odd->SetAttribute("BasePrefixLength", UintegerValue(61));
        odd->SetAttribute("AllocatedPrefixLength", UintegerValue(63));
        NS_TEST_ASSERT_MSG_EQ(odd->GetCapacity(), 4, "4 /63s in a /61");
        const char* oddExpected[] = {"2001:db8:0:8::/63",
                                     "2001:db8:0:a::/63",
                                     "2001:db8:0:c::/63",
                                     "2001:db8:0:e::/63"};
        for (const char* e : oddExpected)
        {
            HomeNetworkPrefix hnp;
            NS_TEST_ASSERT_MSG_EQ(odd->Allocate(hnp), true, "allocates");
            NS_TEST_ASSERT_MSG_EQ(Str(hnp), e, "subnet bits 61..62");
        }
        HomeNetworkPrefix none;
        NS_TEST_ASSERT_MSG_EQ(odd->Allocate(none), false, "exhausted after 4");
        NS_TEST_ASSERT_MSG_EQ(odd->IsInPool(Hnp("2001:db8:0:10::", 63)), false, "outside block");
        NS_TEST_ASSERT_MSG_EQ(odd->IsInPool(Hnp("2001:db8:0:8::", 64)), false, "wrong length");

        // Host bits in BasePrefix are ignored.
        Ptr<PrefixPool> host = CreateObject<PrefixPool>();
        host->SetAttribute("BasePrefix", Ipv6AddressValue(Ipv6Address("2001:db8:5:77::1")));
        NS_TEST_ASSERT_MSG_EQ(host->GetBasePrefix(), Ipv6Address("2001:db8:5::"), "masked");
        HomeNetworkPrefix h;
        host->Allocate(h);
        NS_TEST_ASSERT_MSG_EQ(Str(h), "2001:db8:5::/64", "first of the masked block");

        // Huge space: enumeration capped at 2^32, costs no memory.
        Ptr<PrefixPool> huge = CreateObject<PrefixPool>();
        huge->SetAttribute("BasePrefixLength", UintegerValue(32));
        huge->SetAttribute("AllocatedPrefixLength", UintegerValue(128));
        NS_TEST_ASSERT_MSG_EQ(huge->GetCapacity(), uint64_t(1) << 32, "capped at 2^32");
        huge->Allocate(h);
        NS_TEST_ASSERT_MSG_EQ(Str(h), "2001:1::/128", "first /128");
        huge->Allocate(h);
        NS_TEST_ASSERT_MSG_EQ(Str(h), "2001:1::1/128", "second /128");
        NS_TEST_ASSERT_MSG_EQ(huge->IsInPool(Hnp("2001:1::ffff:ffff", 128)), true, "last");
        NS_TEST_ASSERT_MSG_EQ(huge->IsInPool(Hnp("2001:1::1:0:0", 128)),
                              false,
                              "beyond the enumerated 32 bits");

        // MaxPrefixes caps further.
        Ptr<PrefixPool> capped = CreateObject<PrefixPool>();
        capped->SetAttribute("MaxPrefixes", UintegerValue(2));
        NS_TEST_ASSERT_MSG_EQ(capped->GetCapacity(), 2, "MaxPrefixes");
        NS_TEST_ASSERT_MSG_EQ(capped->Allocate(h), true, "1");
        NS_TEST_ASSERT_MSG_EQ(capped->Allocate(h), true, "2");
        NS_TEST_ASSERT_MSG_EQ(capped->Allocate(h), false, "capped");
        NS_TEST_ASSERT_MSG_EQ(capped->IsInPool(Hnp("2001:1:1:2::", 64)), false, "beyond cap");

        // Whole block as one prefix, and an invalid configuration.
        Ptr<PrefixPool> single = CreateObject<PrefixPool>();
        single->SetAttribute("AllocatedPrefixLength", UintegerValue(48));
        NS_TEST_ASSERT_MSG_EQ(single->GetCapacity(), 1, "base length = allocated length");
        NS_TEST_ASSERT_MSG_EQ(single->Allocate(h), true, "the block itself");
        NS_TEST_ASSERT_MSG_EQ(Str(h), "2001:1:1::/48", "the block");
        NS_TEST_ASSERT_MSG_EQ(single->Allocate(h), false, "then none");
        Ptr<PrefixPool> bad = CreateObject<PrefixPool>();
        bad->SetAttribute("AllocatedPrefixLength", UintegerValue(40));
        NS_TEST_ASSERT_MSG_EQ(bad->GetCapacity(), 0, "allocated shorter than base: invalid");
        NS_TEST_ASSERT_MSG_EQ(bad->Allocate(h), false, "nothing to allocate");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief PrefixPool: exhaustion, reservation, release and the reuse order.
 */
class PrefixPoolReserveTestCase : public TestCase
{
  public:
    PrefixPoolReserveTestCase()
        : TestCase("PrefixPool reserve, release and reuse")
    {
    }

  private:
    void DoRun() override
    {
        // A /62 of /64s: 2001:db8:0:0..3::/64.
        Ptr<PrefixPool> pool = CreateObject<PrefixPool>();
        pool->SetAttribute("BasePrefix", Ipv6AddressValue(Ipv6Address("2001:db8::")));
        pool->SetAttribute("BasePrefixLength", UintegerValue(62));
        HomeNetworkPrefix h;

        // A reserved prefix ahead of the cursor is skipped; reserving twice fails.
        NS_TEST_ASSERT_MSG_EQ(pool->Reserve(Hnp("2001:db8:0:1::", 64)), true, "reserve #1");
        NS_TEST_ASSERT_MSG_EQ(pool->Reserve(Hnp("2001:db8:0:1::", 64)), false, "taken");
        NS_TEST_ASSERT_MSG_EQ(pool->GetAllocatedCount(), 1, "one taken");
        NS_TEST_ASSERT_MSG_EQ(pool->Allocate(h), true, "allocate");
        NS_TEST_ASSERT_MSG_EQ(Str(h), "2001:db8::/64", "#0");
        NS_TEST_ASSERT_MSG_EQ(pool->Allocate(h), true, "allocate");
        NS_TEST_ASSERT_MSG_EQ(Str(h), "2001:db8:0:2::/64", "#1 skipped");
        NS_TEST_ASSERT_MSG_EQ(pool->Reserve(Hnp("2001:db8::", 64)), false, "#0 is allocated");
        NS_TEST_ASSERT_MSG_EQ(pool->Allocate(h), true, "allocate");
        NS_TEST_ASSERT_MSG_EQ(Str(h), "2001:db8:0:3::/64", "#3");
        NS_TEST_ASSERT_MSG_EQ(pool->Allocate(h), false, "exhausted");
        NS_TEST_ASSERT_MSG_EQ(Str(h), "2001:db8:0:3::/64", "out untouched on failure");
        NS_TEST_ASSERT_MSG_EQ(pool->GetAllocatedCount(), 4, "all four taken");
        NS_TEST_ASSERT_MSG_EQ(pool->GetFreeCount(), 0, "none free");

        // Release, then reuse lowest first.
        pool->Release(Hnp("2001:db8:0:3::", 64));
        pool->Release(Hnp("2001:db8:0:1::", 64)); // the reserved one
        NS_TEST_ASSERT_MSG_EQ(pool->IsAllocated(Hnp("2001:db8:0:1::", 64)), false, "released");
        NS_TEST_ASSERT_MSG_EQ(pool->GetAllocatedCount(), 2, "two taken");
        pool->Release(Hnp("2001:db8:0:1::", 64)); // twice: no effect
        NS_TEST_ASSERT_MSG_EQ(pool->GetAllocatedCount(), 2, "double release is a no-op");
        NS_TEST_ASSERT_MSG_EQ(pool->Allocate(h), true, "reuse");
        NS_TEST_ASSERT_MSG_EQ(Str(h), "2001:db8:0:1::/64", "lowest released first");
        // Reserving a released prefix takes it off the reuse list.
        NS_TEST_ASSERT_MSG_EQ(pool->Reserve(Hnp("2001:db8:0:3::", 64)), true, "reserve #3");
        NS_TEST_ASSERT_MSG_EQ(pool->Allocate(h), false, "#3 is not handed out again");

        // Never-used prefixes come before released ones.
        Ptr<PrefixPool> fresh = CreateObject<PrefixPool>();
        fresh->SetAttribute("BasePrefixLength", UintegerValue(62));
        HomeNetworkPrefix p0;
        HomeNetworkPrefix p1;
        fresh->Allocate(p0);
        fresh->Allocate(p1);
        fresh->Release(p0);
        fresh->Allocate(h);
        NS_TEST_ASSERT_MSG_EQ(Str(h), "2001:1:1:2::/64", "fresh #2 before released #0");
        fresh->Allocate(h);
        NS_TEST_ASSERT_MSG_EQ(Str(h), "2001:1:1:3::/64", "fresh #3");
        fresh->Allocate(h);
        NS_TEST_ASSERT_MSG_EQ(Str(h), "2001:1:1::/64", "then released #0");

        // Prefixes outside the block are tracked too.
        HomeNetworkPrefix outside = Hnp("2001:db8:99::", 64);
        HomeNetworkPrefix otherLength = Hnp("2001:1:1:2::", 56);
        NS_TEST_ASSERT_MSG_EQ(fresh->IsInPool(outside), false, "outside");
        NS_TEST_ASSERT_MSG_EQ(fresh->Reserve(outside), true, "reserve outside");
        NS_TEST_ASSERT_MSG_EQ(fresh->Reserve(outside), false, "outside taken");
        NS_TEST_ASSERT_MSG_EQ(fresh->Reserve(otherLength), true, "other length: external");
        NS_TEST_ASSERT_MSG_EQ(fresh->IsAllocated(outside), true, "taken");
        NS_TEST_ASSERT_MSG_EQ(fresh->GetAllocatedCount(), 6, "4 in the pool + 2 outside");
        NS_TEST_ASSERT_MSG_EQ(fresh->GetFreeCount(), 0, "pool counts exclude outside");
        fresh->Release(outside);
        NS_TEST_ASSERT_MSG_EQ(fresh->IsAllocated(outside), false, "released");
        NS_TEST_ASSERT_MSG_EQ(fresh->GetAllocatedCount(), 5, "one less");

        // Many allocations: unique and counted.
        Ptr<PrefixPool> big = CreateObject<PrefixPool>();
        std::unordered_set<HomeNetworkPrefix, HomeNetworkPrefixHash> seen;
        for (int i = 0; i < 10000; ++i)
        {
            big->Allocate(h);
            seen.insert(h);
        }
        NS_TEST_ASSERT_MSG_EQ(seen.size(), 10000, "all distinct");
        NS_TEST_ASSERT_MSG_EQ(big->GetAllocatedCount(), 10000, "counted");
        NS_TEST_ASSERT_MSG_EQ(Str(h), "2001:1:1:270f::/64", "#9999");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Pmipv6ProfileStore: lookups, replacement, removal and the authorization checks.
 */
class ProfileStoreTestCase : public TestCase
{
  public:
    ProfileStoreTestCase()
        : TestCase("Pmipv6ProfileStore lookups and authorization")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Pmipv6ProfileStore> store = CreateObject<Pmipv6ProfileStore>();
        NS_TEST_ASSERT_MSG_EQ(store->Lookup("nobody"), nullptr, "empty store");

        Pmipv6Profile a;
        a.mnId = "mn-a@example.com";
        a.homeNetworkPrefixes = {Hnp("2001:db8:a::", 64)};
        a.lmaAddress = Ipv6Address("2001:db8:ffff::1");
        a.authorizedMags = {Ipv6Address("2001:db8:100::1"), Ipv6Address("2001:db8:200::1")};
        a.allowedAccessTechnologies = {3, 4};
        a.linkLayerAddresses = {Mac(0xa1), Mac(0xa2)};
        store->AddProfile(a);

        Pmipv6Profile b; // pool-assigned, any MAG, any technology, any LMA
        b.mnId = "mn-b@example.com";
        store->AddProfile(b);

        Pmipv6Profile c;
        c.mnId = "mn-c@example.com";
        c.proxyRegistrationEnabled = false;
        store->AddProfile(c);

        NS_TEST_ASSERT_MSG_EQ(store->GetProfileCount(), 3, "three profiles");
        const Pmipv6Profile* pa = store->Lookup("mn-a@example.com");
        NS_TEST_ASSERT_MSG_NE(pa, nullptr, "found");
        NS_TEST_ASSERT_MSG_EQ(pa->lmaAddress, Ipv6Address("2001:db8:ffff::1"), "LMA");
        NS_TEST_ASSERT_MSG_EQ(pa->homeNetworkPrefixes.size(), 1, "one static HNP");
        NS_TEST_ASSERT_MSG_EQ(store->LookupByPrefix(Hnp("2001:db8:a::", 64)), pa, "by prefix");
        NS_TEST_ASSERT_MSG_EQ(store->LookupByPrefix(Hnp("2001:db8:b::", 64)), nullptr, "none");

        // MN identification by link-layer address (at the MAG).
        NS_TEST_ASSERT_MSG_EQ(store->FindMnIdByLinkLayerAddress(Mac(0xa2)),
                              "mn-a@example.com",
                              "by MAC");
        NS_TEST_ASSERT_MSG_EQ(store->FindMnIdByLinkLayerAddress(Mac(0xb1)), "", "unknown MAC");

        // MAG authorization (154).
        NS_TEST_ASSERT_MSG_EQ(
            store->IsMagAuthorized("mn-a@example.com", Ipv6Address("2001:db8:100::1")),
            true,
            "listed MAG");
        NS_TEST_ASSERT_MSG_EQ(
            store->IsMagAuthorized("mn-a@example.com", Ipv6Address("2001:db8:300::1")),
            false,
            "unlisted MAG");
        NS_TEST_ASSERT_MSG_EQ(
            store->IsMagAuthorized("mn-b@example.com", Ipv6Address("2001:db8:300::1")),
            true,
            "empty list = any MAG");
        NS_TEST_ASSERT_MSG_EQ(store->IsMagAuthorized("nobody", Ipv6Address("2001:db8:100::1")),
                              false,
                              "unknown MN");

        // Prefix authorization (155).
        NS_TEST_ASSERT_MSG_EQ(store->IsPrefixAllowed("mn-a@example.com", Hnp("2001:db8:a::", 64)),
                              true,
                              "own static HNP");
        NS_TEST_ASSERT_MSG_EQ(store->IsPrefixAllowed("mn-a@example.com", Hnp("2001:db8:a::", 56)),
                              false,
                              "same bits, other length");
        NS_TEST_ASSERT_MSG_EQ(store->IsPrefixAllowed("mn-a@example.com", Hnp("2001:1:1::", 64)),
                              false,
                              "static MN: only its HNPs");
        NS_TEST_ASSERT_MSG_EQ(store->IsPrefixAllowed("mn-b@example.com", Hnp("2001:1:1::", 64)),
                              true,
                              "pool MN: a free prefix");
        NS_TEST_ASSERT_MSG_EQ(store->IsPrefixAllowed("mn-b@example.com", Hnp("2001:db8:a::", 64)),
                              false,
                              "pool MN: not another MN's static HNP");
        NS_TEST_ASSERT_MSG_EQ(store->IsPrefixAllowed("nobody", Hnp("2001:1:1::", 64)),
                              false,
                              "unknown MN");

        // Proxy registration (152), technologies, LMA (153).
        NS_TEST_ASSERT_MSG_EQ(store->IsProxyRegistrationEnabled("mn-a@example.com"), true, "on");
        NS_TEST_ASSERT_MSG_EQ(store->IsProxyRegistrationEnabled("mn-c@example.com"), false, "off");
        NS_TEST_ASSERT_MSG_EQ(store->IsProxyRegistrationEnabled("nobody"), false, "unknown");
        NS_TEST_ASSERT_MSG_EQ(store->IsAccessTechnologyAllowed("mn-a@example.com", 4), true, "4");
        NS_TEST_ASSERT_MSG_EQ(store->IsAccessTechnologyAllowed("mn-a@example.com", 8), false, "8");
        NS_TEST_ASSERT_MSG_EQ(store->IsAccessTechnologyAllowed("mn-b@example.com", 8), true, "any");
        NS_TEST_ASSERT_MSG_EQ(store->IsLmaFor("mn-a@example.com", Ipv6Address("2001:db8:ffff::1")),
                              true,
                              "its LMA");
        NS_TEST_ASSERT_MSG_EQ(store->IsLmaFor("mn-a@example.com", Ipv6Address("2001:db8:eeee::1")),
                              false,
                              "another LMA");
        NS_TEST_ASSERT_MSG_EQ(store->IsLmaFor("mn-b@example.com", Ipv6Address("2001:db8:eeee::1")),
                              true,
                              ":: = any LMA");

        // Replacement keeps the pointer and re-indexes the static prefixes.
        Pmipv6Profile a2 = a;
        a2.homeNetworkPrefixes = {Hnp("2001:db8:aa::", 64)};
        a2.authorizedMags.clear();
        a2.linkLayerAddresses = {Mac(0xa3)};
        store->AddProfile(a2);
        NS_TEST_ASSERT_MSG_EQ(store->FindMnIdByLinkLayerAddress(Mac(0xa1)), "", "old MAC gone");
        NS_TEST_ASSERT_MSG_EQ(store->FindMnIdByLinkLayerAddress(Mac(0xa3)),
                              "mn-a@example.com",
                              "new MAC");
        NS_TEST_ASSERT_MSG_EQ(store->GetProfileCount(), 3, "replaced, not added");
        NS_TEST_ASSERT_MSG_EQ(store->Lookup("mn-a@example.com"), pa, "same storage");
        NS_TEST_ASSERT_MSG_EQ(pa->homeNetworkPrefixes[0], Hnp("2001:db8:aa::", 64), "new HNP");
        NS_TEST_ASSERT_MSG_EQ(store->LookupByPrefix(Hnp("2001:db8:a::", 64)), nullptr, "old gone");
        NS_TEST_ASSERT_MSG_EQ(store->LookupByPrefix(Hnp("2001:db8:aa::", 64)), pa, "new indexed");
        NS_TEST_ASSERT_MSG_EQ(store->IsPrefixAllowed("mn-b@example.com", Hnp("2001:db8:a::", 64)),
                              true,
                              "old static HNP is free now");
        NS_TEST_ASSERT_MSG_EQ(
            store->IsMagAuthorized("mn-a@example.com", Ipv6Address("2001:db8:300::1")),
            true,
            "now any MAG");

        std::vector<const Pmipv6Profile*> all = store->GetProfiles();
        NS_TEST_ASSERT_MSG_EQ(all.size(), 3, "three");
        NS_TEST_ASSERT_MSG_EQ(all[0]->mnId, "mn-a@example.com", "sorted");
        NS_TEST_ASSERT_MSG_EQ(all[2]->mnId, "mn-c@example.com", "sorted");

        NS_TEST_ASSERT_MSG_EQ(store->RemoveProfile("mn-a@example.com"), true, "removed");
        NS_TEST_ASSERT_MSG_EQ(store->RemoveProfile("mn-a@example.com"), false, "already gone");
        NS_TEST_ASSERT_MSG_EQ(store->Lookup("mn-a@example.com"), nullptr, "gone");
        NS_TEST_ASSERT_MSG_EQ(store->LookupByPrefix(Hnp("2001:db8:aa::", 64)),
                              nullptr,
                              "its prefixes too");
        NS_TEST_ASSERT_MSG_EQ(store->FindMnIdByLinkLayerAddress(Mac(0xa3)), "", "its MACs too");
        NS_TEST_ASSERT_MSG_EQ(store->GetProfileCount(), 2, "two left");
        store->Clear();
        NS_TEST_ASSERT_MSG_EQ(store->GetProfileCount(), 0, "cleared");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Records the trace sources of a BindingCache or a BindingUpdateList.
 */
template <class Entry>
struct TraceRecorder
{
    std::vector<uint64_t> added;   ///< ids of "EntryAdded"
    std::vector<uint64_t> updated; ///< ids of "EntryUpdated"
    std::vector<uint64_t> removed; ///< ids of "EntryRemoved"

    /// One "EntryStateChanged".
    struct StateChange
    {
        uint64_t id;                    ///< entry id
        std::string mnId;               ///< MN-ID
        typename Entry::State oldState; ///< before
        typename Entry::State newState; ///< after
    };

    std::vector<StateChange> states; ///< every "EntryStateChanged"

    /**
     * \brief "EntryAdded" sink.
     * \param e the entry
     */
    void Added(Ptr<const Entry> e)
    {
        added.push_back(e->id);
    }

    /**
     * \brief "EntryUpdated" sink.
     * \param e the entry
     */
    void Updated(Ptr<const Entry> e)
    {
        updated.push_back(e->id);
    }

    /**
     * \brief "EntryRemoved" sink.
     * \param e the entry
     */
    void Removed(Ptr<const Entry> e)
    {
        removed.push_back(e->id);
    }

    /**
     * \brief "EntryStateChanged" sink.
     * \param id entry id
     * \param mnId MN-ID
     * \param o old state
     * \param n new state
     */
    void State(uint64_t id,
               const std::string& mnId,
               typename Entry::State o,
               typename Entry::State n)
    {
        states.push_back({id, mnId, o, n});
    }

    /**
     * \brief Connect to every trace source of \p obj.
     * \param obj the cache or list
     */
    void Connect(Ptr<Object> obj)
    {
        obj->TraceConnectWithoutContext("EntryAdded", MakeCallback(&TraceRecorder::Added, this));
        obj->TraceConnectWithoutContext("EntryUpdated",
                                        MakeCallback(&TraceRecorder::Updated, this));
        obj->TraceConnectWithoutContext("EntryRemoved",
                                        MakeCallback(&TraceRecorder::Removed, this));
        obj->TraceConnectWithoutContext("EntryStateChanged",
                                        MakeCallback(&TraceRecorder::State, this));
    }
};

/**
 * \ingroup pmipv6-test
 * \brief BindingCache: add and every lookup.
 */
class BindingCacheLookupTestCase : public TestCase
{
  public:
    BindingCacheLookupTestCase()
        : TestCase("BindingCache add and lookups")
    {
    }

  private:
    /**
     * \brief A new entry.
     * \param mnId MN-ID
     * \param llid MN link-layer id
     * \param att access technology
     * \param hnps HNPs
     * \return the entry
     */
    static Ptr<BindingCacheEntry> Make(const std::string& mnId,
                                       std::vector<uint8_t> llid,
                                       uint8_t att,
                                       std::vector<HomeNetworkPrefix> hnps)
    {
        Ptr<BindingCacheEntry> e = Create<BindingCacheEntry>();
        e->mnId = mnId;
        e->mnLinkLayerId = llid;
        e->accessTechnologyType = att;
        e->homeNetworkPrefixes = hnps;
        e->proxyCoa = Ipv6Address("2001:db8:100::1");
        return e;
    }

    void DoRun() override
    {
        Ptr<BindingCache> bc = CreateObject<BindingCache>();
        NS_TEST_ASSERT_MSG_EQ(bc->GetEntryCount(), 0, "empty");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByAddress(Ipv6Address("2001:1:1::1")), nullptr, "empty");

        // MN a: two interfaces (802.11 with LL-ID 0a0b, 802.3 with LL-ID 0c0d).
        Ptr<BindingCacheEntry> a1 = bc->Add(Make("a", {0x0a, 0x0b}, 4, {Hnp("2001:1:1:1::", 64)}));
        Ptr<BindingCacheEntry> a2 =
            bc->Add(Make("a", {0x0c, 0x0d}, 3, {Hnp("2001:1:1:2::", 64), Hnp("2001:1:1:3::", 64)}));
        // MN b: a /56 that contains a's /64s' neighbours, and an unspecified HNP (not indexed).
        Ptr<BindingCacheEntry> b = bc->Add(Make("b", {}, 4, {Hnp("2001:1:2::", 56), Hnp("::", 0)}));

        NS_TEST_ASSERT_MSG_EQ(a1->id, 1, "ids from 1");
        NS_TEST_ASSERT_MSG_EQ(a2->id, 2, "ids increase");
        NS_TEST_ASSERT_MSG_EQ(b->id, 3, "ids increase");
        NS_TEST_ASSERT_MSG_EQ(bc->GetEntryCount(), 3, "three");
        NS_TEST_ASSERT_MSG_EQ(bc->Contains(a1), true, "contains");
        NS_TEST_ASSERT_MSG_EQ(bc->Contains(Create<BindingCacheEntry>()), false, "not added");
        NS_TEST_ASSERT_MSG_EQ(bc->FindById(2), a2, "by id");
        NS_TEST_ASSERT_MSG_EQ(bc->FindById(9), nullptr, "no id 9");

        NS_TEST_ASSERT_MSG_EQ(bc->FindByPrefix(Hnp("2001:1:1:1::", 64)), a1, "prefix a1");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByPrefix(Hnp("2001:1:1:3::", 64)), a2, "2nd prefix of a2");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByPrefix(Hnp("2001:1:2::", 56)), b, "prefix b");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByPrefix(Hnp("2001:1:2::", 64)), nullptr, "exact length");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByPrefix(Hnp("::", 0)), nullptr, ":: not indexed");

        NS_TEST_ASSERT_MSG_EQ(bc->FindByAddress(Ipv6Address("2001:1:1:1::abcd")), a1, "addr a1");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByAddress(Ipv6Address("2001:1:1:3:1:2:3:4")), a2, "addr a2");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByAddress(Ipv6Address("2001:1:2:ff::1")), b, "in b's /56");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByAddress(Ipv6Address("2001:1:2:100::1")),
                              nullptr,
                              "just past b's /56");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByAddress(Ipv6Address("2001:1:1:4::1")), nullptr, "none");

        // Longest prefix first when prefixes nest.
        Ptr<BindingCacheEntry> c = bc->Add(Make("c", {}, 4, {Hnp("2001:1:2:7::", 64)}));
        NS_TEST_ASSERT_MSG_EQ(bc->FindByAddress(Ipv6Address("2001:1:2:7::1")), c, "the /64");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByAddress(Ipv6Address("2001:1:2:8::1")), b, "the /56");

        std::vector<Ptr<BindingCacheEntry>> ofA = bc->FindByMnId("a");
        NS_TEST_ASSERT_MSG_EQ(ofA.size(), 2, "two of a");
        NS_TEST_ASSERT_MSG_EQ(ofA[0], a1, "earliest first");
        NS_TEST_ASSERT_MSG_EQ(ofA[1], a2, "then a2");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByMnId("z").size(), 0, "none of z");

        NS_TEST_ASSERT_MSG_EQ(bc->FindByMnIdAndLinkLayerId("a", {0x0c, 0x0d}), a2, "LL-ID");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByMnIdAndLinkLayerId("a", {0x0a, 0x0b}), a1, "LL-ID");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByMnIdAndLinkLayerId("a", {0x0a}), nullptr, "exact");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByMnIdAndLinkLayerId("b", {}), b, "empty LL-ID");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByMnIdAndLinkLayerId("b", {0x0a, 0x0b}), nullptr, "b's");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByMnIdAndAccessTechnology("a", 3), a2, "ATT 3");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByMnIdAndAccessTechnology("a", 4), a1, "ATT 4");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByMnIdAndAccessTechnology("a", 8), nullptr, "ATT 8");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByMnIdAndAccessTechnology("z", 4), nullptr, "unknown MN");

        std::vector<Ptr<BindingCacheEntry>> all = bc->GetEntries();
        NS_TEST_ASSERT_MSG_EQ(all.size(), 4, "four");
        NS_TEST_ASSERT_MSG_EQ(all[0], a1, "by id");
        NS_TEST_ASSERT_MSG_EQ(all[3], c, "by id");

        // Shared prefix (allowed for extensions): earliest first, all listed.
        Ptr<BindingCacheEntry> shared = bc->Add(Make("a", {0x0e}, 5, {Hnp("2001:1:1:1::", 64)}));
        NS_TEST_ASSERT_MSG_EQ(bc->FindByPrefix(Hnp("2001:1:1:1::", 64)), a1, "earliest");
        NS_TEST_ASSERT_MSG_EQ(bc->FindAllByPrefix(Hnp("2001:1:1:1::", 64)).size(), 2, "both");
        bc->Remove(a1);
        NS_TEST_ASSERT_MSG_EQ(bc->FindByPrefix(Hnp("2001:1:1:1::", 64)), shared, "then other");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByAddress(Ipv6Address("2001:1:1:1::1")), shared, "addr");

        std::ostringstream os;
        bc->Print(os);
        NS_TEST_ASSERT_MSG_EQ((os.str().find("Binding Cache (4 entries)") != std::string::npos),
                              true,
                              "Print header: " << os.str());
        NS_TEST_ASSERT_MSG_EQ(
            (os.str().find("mnId=b state=ACTIVE hnp=2001:1:2::/56,::/0") != std::string::npos),
            true,
            "Print entry: " << os.str());
        NS_TEST_ASSERT_MSG_EQ((os.str().find("llid=0c0d") != std::string::npos),
                              true,
                              "Print LL-ID in hex: " << os.str());
        bc->Dispose();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief BindingCache: re-indexing, the trace sources, removal.
 */
class BindingCacheTracesTestCase : public TestCase
{
  public:
    BindingCacheTracesTestCase()
        : TestCase("BindingCache re-index, traces, remove")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<BindingCache> bc = CreateObject<BindingCache>();
        TraceRecorder<BindingCacheEntry> rec;
        rec.Connect(bc);

        Ptr<BindingCacheEntry> e = Create<BindingCacheEntry>();
        e->mnId = "mn1";
        e->homeNetworkPrefixes = {Hnp("2001:1:1:1::", 64)};
        bc->Add(e);
        NS_TEST_ASSERT_MSG_EQ(rec.added.size(), 1, "EntryAdded once");
        NS_TEST_ASSERT_MSG_EQ(rec.added[0], e->id, "with the entry");
        NS_TEST_ASSERT_MSG_EQ(rec.states.size(), 0, "no state change on add");

        // Prefix change.
        e->homeNetworkPrefixes = {Hnp("2001:1:1:5::", 64), Hnp("2001:1:9::", 48)};
        bc->NotifyChanged(e);
        NS_TEST_ASSERT_MSG_EQ(rec.updated.size(), 1, "EntryUpdated once");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByPrefix(Hnp("2001:1:1:1::", 64)), nullptr, "old prefix");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByAddress(Ipv6Address("2001:1:1:1::1")), nullptr, "old");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByPrefix(Hnp("2001:1:1:5::", 64)), e, "new prefix");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByAddress(Ipv6Address("2001:1:9:77::1")), e, "new /48");
        // MN-ID change.
        e->mnId = "mn1-renamed";
        bc->NotifyChanged(e);
        NS_TEST_ASSERT_MSG_EQ(bc->FindByMnId("mn1").size(), 0, "old MN-ID");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByMnId("mn1-renamed").size(), 1, "new MN-ID");
        // Prefixes edited without NotifyChanged are still un-indexed correctly on removal
        // (the cache remembers what it indexed).
        e->homeNetworkPrefixes.clear();

        // State changes: one trace per change, with the right old and new states.
        bc->SetState(e, BindingCacheEntry::DEREGISTERED_PENDING_DELETE);
        NS_TEST_ASSERT_MSG_EQ(rec.states.size(), 1, "one state change");
        NS_TEST_ASSERT_MSG_EQ(rec.states[0].id, e->id, "id");
        NS_TEST_ASSERT_MSG_EQ(rec.states[0].mnId, "mn1-renamed", "MN-ID");
        NS_TEST_ASSERT_MSG_EQ(rec.states[0].oldState, BindingCacheEntry::ACTIVE, "old");
        NS_TEST_ASSERT_MSG_EQ(rec.states[0].newState,
                              BindingCacheEntry::DEREGISTERED_PENDING_DELETE,
                              "new");
        NS_TEST_ASSERT_MSG_EQ(e->state, BindingCacheEntry::DEREGISTERED_PENDING_DELETE, "set");
        bc->SetState(e, BindingCacheEntry::DEREGISTERED_PENDING_DELETE);
        NS_TEST_ASSERT_MSG_EQ(rec.states.size(), 1, "same state: no trace");
        bc->SetState(e, BindingCacheEntry::ACTIVE);
        NS_TEST_ASSERT_MSG_EQ(rec.states.size(), 2, "second change");
        NS_TEST_ASSERT_MSG_EQ(rec.states[1].oldState,
                              BindingCacheEntry::DEREGISTERED_PENDING_DELETE,
                              "old");
        NS_TEST_ASSERT_MSG_EQ(rec.states[1].newState, BindingCacheEntry::ACTIVE, "new");

        NS_TEST_ASSERT_MSG_EQ(bc->Remove(e), true, "removed");
        NS_TEST_ASSERT_MSG_EQ(rec.removed.size(), 1, "EntryRemoved once");
        NS_TEST_ASSERT_MSG_EQ(rec.removed[0], e->id, "with the entry");
        NS_TEST_ASSERT_MSG_EQ(bc->Remove(e), false, "not twice");
        NS_TEST_ASSERT_MSG_EQ(rec.removed.size(), 1, "no second trace");
        NS_TEST_ASSERT_MSG_EQ(bc->GetEntryCount(), 0, "empty");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByPrefix(Hnp("2001:1:1:5::", 64)), nullptr, "un-indexed");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByAddress(Ipv6Address("2001:1:9::1")), nullptr, "un-idx");
        NS_TEST_ASSERT_MSG_EQ(bc->FindByMnId("mn1-renamed").size(), 0, "un-indexed");

        // Ids are never reused; Clear fires EntryRemoved for each.
        Ptr<BindingCacheEntry> f = bc->Add(Create<BindingCacheEntry>());
        Ptr<BindingCacheEntry> g = bc->Add(Create<BindingCacheEntry>());
        NS_TEST_ASSERT_MSG_EQ(f->id, 2, "next id");
        NS_TEST_ASSERT_MSG_EQ(g->id, 3, "next id");
        bc->Clear();
        NS_TEST_ASSERT_MSG_EQ(rec.removed.size(), 3, "Clear traced both");
        NS_TEST_ASSERT_MSG_EQ(bc->GetEntryCount(), 0, "cleared");
        NS_TEST_ASSERT_MSG_EQ(BindingCacheEntry::StateName(BindingCacheEntry::ACTIVE),
                              "ACTIVE",
                              "name");
        NS_TEST_ASSERT_MSG_EQ(
            BindingCacheEntry::StateName(BindingCacheEntry::AWAITING_DEREGISTRATION),
            "AWAITING_DEREGISTRATION",
            "name");
        bc->Dispose();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief BindingCache and BindingUpdateList: Remove() and DoDispose() cancel the entries'
 * timers in a running simulation.
 */
class StateTimersTestCase : public TestCase
{
  public:
    StateTimersTestCase()
        : TestCase("Remove and Dispose cancel the entries' timers")
    {
    }

  private:
    /**
     * \brief A timer sink.
     * \param name which timer fired
     */
    void Fired(std::string name)
    {
        m_fired.push_back(name);
    }

    std::vector<std::string> m_fired; ///< timers that fired, in order

    void DoRun() override
    {
        m_fired.clear();
        Ptr<BindingCache> bc = CreateObject<BindingCache>();
        Ptr<BindingCacheEntry> removed = bc->Add(Create<BindingCacheEntry>());
        Ptr<BindingCacheEntry> kept = bc->Add(Create<BindingCacheEntry>());
        Ptr<BindingCache> disposed = CreateObject<BindingCache>();
        Ptr<BindingCacheEntry> inDisposed = disposed->Add(Create<BindingCacheEntry>());
        Ptr<BindingUpdateList> bul = CreateObject<BindingUpdateList>();
        Ptr<BindingUpdateListEntry> bulRemoved = bul->Add(Create<BindingUpdateListEntry>());
        Ptr<BindingUpdateListEntry> bulKept = bul->Add(Create<BindingUpdateListEntry>());
        Ptr<BindingUpdateList> bulDisposed = CreateObject<BindingUpdateList>();
        Ptr<BindingUpdateListEntry> inBulDisposed =
            bulDisposed->Add(Create<BindingUpdateListEntry>());

        removed->lifetimeTimer =
            Simulator::Schedule(Seconds(2), &StateTimersTestCase::Fired, this, "bce-lifetime");
        removed->deleteTimer =
            Simulator::Schedule(Seconds(3), &StateTimersTestCase::Fired, this, "bce-delete");
        kept->lifetimeTimer =
            Simulator::Schedule(Seconds(2), &StateTimersTestCase::Fired, this, "kept-lifetime");
        inDisposed->deleteTimer =
            Simulator::Schedule(Seconds(2), &StateTimersTestCase::Fired, this, "disposed-bce");
        bulRemoved->retransmitTimer =
            Simulator::Schedule(Seconds(2), &StateTimersTestCase::Fired, this, "bul-rtx");
        bulRemoved->refreshTimer =
            Simulator::Schedule(Seconds(3), &StateTimersTestCase::Fired, this, "bul-refresh");
        bulKept->refreshTimer =
            Simulator::Schedule(Seconds(4), &StateTimersTestCase::Fired, this, "kept-refresh");
        inBulDisposed->retransmitTimer =
            Simulator::Schedule(Seconds(2), &StateTimersTestCase::Fired, this, "disposed-bul");

        Simulator::Schedule(Seconds(1), [&]() {
            bc->Remove(removed);
            bul->Remove(bulRemoved);
            disposed->Dispose();
            bulDisposed->Dispose();
        });
        Simulator::Run();
        Simulator::Destroy();

        NS_TEST_ASSERT_MSG_EQ(m_fired.size(), 2, "only the kept entries' timers fired");
        NS_TEST_ASSERT_MSG_EQ(m_fired[0], "kept-lifetime", "BCE timer not removed");
        NS_TEST_ASSERT_MSG_EQ(m_fired[1], "kept-refresh", "BUL timer not removed");
        NS_TEST_ASSERT_MSG_EQ(disposed->GetEntryCount(), 0, "dispose empties the cache");
        NS_TEST_ASSERT_MSG_EQ(bulDisposed->GetEntryCount(), 0, "dispose empties the list");
        bc->Dispose();
        bul->Dispose();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief BindingCache with 10000 entries: every lookup stays right through removals.
 */
class BindingCacheScaleTestCase : public TestCase
{
  public:
    BindingCacheScaleTestCase()
        : TestCase("BindingCache with 10000 entries")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t n = 10000;
        Ptr<BindingCache> bc = CreateObject<BindingCache>();
        Ptr<PrefixPool> pool64 = CreateObject<PrefixPool>();
        Ptr<PrefixPool> pool56 = CreateObject<PrefixPool>();
        pool56->SetAttribute("BasePrefix", Ipv6AddressValue(Ipv6Address("2001:2::")));
        pool56->SetAttribute("BasePrefixLength", UintegerValue(32));
        pool56->SetAttribute("AllocatedPrefixLength", UintegerValue(56));
        std::vector<Ptr<BindingCacheEntry>> entries;
        for (uint32_t i = 0; i < n; ++i)
        {
            Ptr<BindingCacheEntry> e = Create<BindingCacheEntry>();
            e->mnId = "mn-" + std::to_string(i / 2); // two entries per MN
            e->mnLinkLayerId = {static_cast<uint8_t>(i % 2)};
            e->accessTechnologyType = (i % 2) ? 3 : 4;
            HomeNetworkPrefix hnp;
            (i % 3 == 0 ? pool56 : pool64)->Allocate(hnp);
            e->homeNetworkPrefixes = {hnp};
            entries.push_back(bc->Add(e));
        }
        NS_TEST_ASSERT_MSG_EQ(bc->GetEntryCount(), n, "all added");
        uint32_t wrong = 0;
        for (uint32_t i = 0; i < n; ++i)
        {
            const Ptr<BindingCacheEntry>& e = entries[i];
            const HomeNetworkPrefix& hnp = e->homeNetworkPrefixes[0];
            Ipv6Address inside = hnp.GetMaskedPrefix(); // + an interface id
            uint8_t b[16];
            inside.GetBytes(b);
            b[15] = 0x42;
            b[8] = 0x12;
            wrong += bc->FindByPrefix(hnp) != e;
            wrong += bc->FindByAddress(Ipv6Address(b)) != e;
            wrong += bc->FindByMnIdAndLinkLayerId(e->mnId, e->mnLinkLayerId) != e;
            wrong += bc->FindByMnIdAndAccessTechnology(e->mnId, e->accessTechnologyType) != e;
            wrong += bc->FindByMnId(e->mnId).size() != 2;
        }
        NS_TEST_ASSERT_MSG_EQ(wrong, 0, "every lookup right");

        // Remove every other entry: the removed ones are gone, the others still found.
        for (uint32_t i = 0; i < n; i += 2)
        {
            bc->Remove(entries[i]);
        }
        NS_TEST_ASSERT_MSG_EQ(bc->GetEntryCount(), n / 2, "half left");
        wrong = 0;
        for (uint32_t i = 0; i < n; ++i)
        {
            const Ptr<BindingCacheEntry>& e = entries[i];
            const HomeNetworkPrefix& hnp = e->homeNetworkPrefixes[0];
            Ptr<BindingCacheEntry> expect = (i % 2) ? e : nullptr;
            wrong += bc->FindByPrefix(hnp) != expect;
            wrong += bc->FindByAddress(hnp.GetMaskedPrefix()) != expect;
            wrong += bc->FindByMnId(e->mnId).size() != 1;
            wrong += bc->FindByMnIdAndAccessTechnology(e->mnId, 3) != entries[i | 1];
        }
        NS_TEST_ASSERT_MSG_EQ(wrong, 0, "every lookup right after removals");
        bc->Dispose();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief BindingUpdateList: lookups, re-indexing, traces.
 */
class BindingUpdateListTestCase : public TestCase
{
  public:
    BindingUpdateListTestCase()
        : TestCase("BindingUpdateList lookups, re-index, traces")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<BindingUpdateList> bul = CreateObject<BindingUpdateList>();
        TraceRecorder<BindingUpdateListEntry> rec;
        rec.Connect(bul);

        Ptr<BindingUpdateListEntry> a = Create<BindingUpdateListEntry>();
        a->mnId = "a";
        a->mnLinkLayerId = {1, 2, 3};
        a->mnMacAddress = Mac(1);
        a->accessInterface = 2;
        Ptr<BindingUpdateListEntry> a2 = Create<BindingUpdateListEntry>();
        a2->mnId = "a";
        a2->mnLinkLayerId = {4, 5, 6};
        a2->mnMacAddress = Mac(2);
        a2->homeNetworkPrefixes = {Hnp("2001:1:1:7::", 64)};
        Ptr<BindingUpdateListEntry> b = Create<BindingUpdateListEntry>();
        b->mnId = "b";
        bul->Add(a);
        bul->Add(a2);
        bul->Add(b); // no MAC: not indexed by MAC
        NS_TEST_ASSERT_MSG_EQ(rec.added.size(), 3, "three EntryAdded");
        NS_TEST_ASSERT_MSG_EQ(bul->GetEntryCount(), 3, "three");
        NS_TEST_ASSERT_MSG_EQ(a->id, 1, "id");
        NS_TEST_ASSERT_MSG_EQ(b->id, 3, "id");
        NS_TEST_ASSERT_MSG_EQ(a->state, BindingUpdateListEntry::IDLE, "initial state");

        NS_TEST_ASSERT_MSG_EQ(bul->Find("a", {1, 2, 3}), a, "by MN-ID and LL-ID");
        NS_TEST_ASSERT_MSG_EQ(bul->Find("a", {4, 5, 6}), a2, "by MN-ID and LL-ID");
        NS_TEST_ASSERT_MSG_EQ(bul->Find("a", {}), nullptr, "exact LL-ID");
        NS_TEST_ASSERT_MSG_EQ(bul->Find("b", {}), b, "empty LL-ID");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByMac(Mac(1)), a, "by MAC");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByMac(Mac(2)), a2, "by MAC");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByMac(Mac(3)), nullptr, "unknown MAC");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByMac(Address()), nullptr, "invalid not indexed");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByPrefix(Hnp("2001:1:1:7::", 64)), a2, "by prefix");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByAddress(Ipv6Address("2001:1:1:7::9")), a2, "by addr");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByAddress(Ipv6Address("2001:1:1:8::9")), nullptr, "none");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByMnId("a").size(), 2, "two of a");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByMnId("a")[0], a, "earliest first");
        NS_TEST_ASSERT_MSG_EQ(bul->FindById(2), a2, "by id");

        // The PBA assigns a prefix and the MN's MAC changes: re-index.
        a->homeNetworkPrefixes = {Hnp("2001:1:1:9::", 64)};
        a->mnMacAddress = Mac(9);
        bul->NotifyChanged(a);
        NS_TEST_ASSERT_MSG_EQ(rec.updated.size(), 1, "EntryUpdated once");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByPrefix(Hnp("2001:1:1:9::", 64)), a, "new prefix");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByMac(Mac(1)), nullptr, "old MAC");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByMac(Mac(9)), a, "new MAC");
        a2->homeNetworkPrefixes = {Hnp("2001:1:1:8::", 64)};
        bul->NotifyChanged(a2);
        NS_TEST_ASSERT_MSG_EQ(bul->FindByPrefix(Hnp("2001:1:1:7::", 64)), nullptr, "old prefix");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByAddress(Ipv6Address("2001:1:1:8::9")), a2, "new addr");

        // One trace per state change, old and new right.
        bul->SetState(a, BindingUpdateListEntry::REGISTERING);
        bul->SetState(a, BindingUpdateListEntry::REGISTERING);
        bul->SetState(a, BindingUpdateListEntry::REGISTERED);
        bul->SetState(a, BindingUpdateListEntry::REFRESHING);
        bul->SetState(a, BindingUpdateListEntry::REGISTERED);
        bul->SetState(a, BindingUpdateListEntry::DEREGISTERING);
        NS_TEST_ASSERT_MSG_EQ(rec.states.size(), 5, "5 changes (one repeat ignored)");
        BindingUpdateListEntry::State expected[][2] = {
            {BindingUpdateListEntry::IDLE, BindingUpdateListEntry::REGISTERING},
            {BindingUpdateListEntry::REGISTERING, BindingUpdateListEntry::REGISTERED},
            {BindingUpdateListEntry::REGISTERED, BindingUpdateListEntry::REFRESHING},
            {BindingUpdateListEntry::REFRESHING, BindingUpdateListEntry::REGISTERED},
            {BindingUpdateListEntry::REGISTERED, BindingUpdateListEntry::DEREGISTERING},
        };
        for (std::size_t i = 0; i < rec.states.size() && i < 5; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(rec.states[i].id, a->id, "id");
            NS_TEST_ASSERT_MSG_EQ(rec.states[i].mnId, "a", "MN-ID");
            NS_TEST_ASSERT_MSG_EQ(rec.states[i].oldState, expected[i][0], "old " << i);
            NS_TEST_ASSERT_MSG_EQ(rec.states[i].newState, expected[i][1], "new " << i);
        }
        NS_TEST_ASSERT_MSG_EQ(
            BindingUpdateListEntry::StateName(BindingUpdateListEntry::DEREGISTERING),
            "DEREGISTERING",
            "name");

        std::ostringstream os;
        bul->Print(os);
        NS_TEST_ASSERT_MSG_EQ(
            (os.str().find("Binding Update List (3 entries)") != std::string::npos),
            true,
            "Print: " << os.str());
        NS_TEST_ASSERT_MSG_EQ(
            (os.str().find("mnId=a state=DEREGISTERING hnp=2001:1:1:9::/64") != std::string::npos),
            true,
            "Print: " << os.str());

        NS_TEST_ASSERT_MSG_EQ(bul->Remove(a), true, "removed");
        NS_TEST_ASSERT_MSG_EQ(bul->Remove(a), false, "only once");
        NS_TEST_ASSERT_MSG_EQ(rec.removed.size(), 1, "EntryRemoved once");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByMac(Mac(9)), nullptr, "MAC un-indexed");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByPrefix(Hnp("2001:1:1:9::", 64)), nullptr, "prefix");
        NS_TEST_ASSERT_MSG_EQ(bul->Find("a", {1, 2, 3}), nullptr, "MN-ID/LL-ID");
        NS_TEST_ASSERT_MSG_EQ(bul->FindByMnId("a").size(), 1, "a2 left");
        bul->Clear();
        NS_TEST_ASSERT_MSG_EQ(rec.removed.size(), 3, "Clear traced the two others");
        NS_TEST_ASSERT_MSG_EQ(bul->GetEntryCount(), 0, "empty");
        bul->Dispose();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief BindingUpdateList with 10000 entries: every lookup stays right through removals.
 */
class BindingUpdateListScaleTestCase : public TestCase
{
  public:
    BindingUpdateListScaleTestCase()
        : TestCase("BindingUpdateList with 10000 entries")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t n = 10000;
        Ptr<BindingUpdateList> bul = CreateObject<BindingUpdateList>();
        Ptr<PrefixPool> pool = CreateObject<PrefixPool>();
        std::vector<Ptr<BindingUpdateListEntry>> entries;
        for (uint32_t i = 0; i < n; ++i)
        {
            Ptr<BindingUpdateListEntry> e = Create<BindingUpdateListEntry>();
            e->mnId = "mn-" + std::to_string(i);
            e->mnLinkLayerId = {static_cast<uint8_t>(i >> 8), static_cast<uint8_t>(i)};
            e->mnMacAddress = Mac(i);
            HomeNetworkPrefix hnp;
            pool->Allocate(hnp);
            e->homeNetworkPrefixes = {hnp};
            entries.push_back(bul->Add(e));
        }
        uint32_t wrong = 0;
        for (uint32_t i = 0; i < n; ++i)
        {
            const Ptr<BindingUpdateListEntry>& e = entries[i];
            wrong += bul->Find(e->mnId, e->mnLinkLayerId) != e;
            wrong += bul->FindByMac(Mac(i)) != e;
            wrong += bul->FindByPrefix(e->homeNetworkPrefixes[0]) != e;
            wrong += bul->FindByAddress(e->homeNetworkPrefixes[0].GetMaskedPrefix()) != e;
            wrong += bul->FindByMnId(e->mnId).size() != 1;
        }
        NS_TEST_ASSERT_MSG_EQ(wrong, 0, "every lookup right");
        for (uint32_t i = 0; i < n; i += 2)
        {
            bul->Remove(entries[i]);
        }
        wrong = 0;
        for (uint32_t i = 0; i < n; ++i)
        {
            const Ptr<BindingUpdateListEntry>& e = entries[i];
            Ptr<BindingUpdateListEntry> expect = (i % 2) ? e : nullptr;
            wrong += bul->Find(e->mnId, e->mnLinkLayerId) != expect;
            wrong += bul->FindByMac(Mac(i)) != expect;
            wrong += bul->FindByPrefix(e->homeNetworkPrefixes[0]) != expect;
        }
        NS_TEST_ASSERT_MSG_EQ(wrong, 0, "every lookup right after removals");
        NS_TEST_ASSERT_MSG_EQ(bul->GetEntryCount(), n / 2, "half left");
        bul->Dispose();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The state layer test suite.
 */
class Pmipv6StateTestSuite : public TestSuite
{
  public:
    Pmipv6StateTestSuite()
        : TestSuite("pmipv6-state", UNIT)
    {
        AddTestCase(new HomeNetworkPrefixTestCase, TestCase::QUICK);
        AddTestCase(new PrefixPoolOrderTestCase, TestCase::QUICK);
        AddTestCase(new PrefixPoolReserveTestCase, TestCase::QUICK);
        AddTestCase(new ProfileStoreTestCase, TestCase::QUICK);
        AddTestCase(new BindingCacheLookupTestCase, TestCase::QUICK);
        AddTestCase(new BindingCacheTracesTestCase, TestCase::QUICK);
        AddTestCase(new StateTimersTestCase, TestCase::QUICK);
        AddTestCase(new BindingCacheScaleTestCase, TestCase::QUICK);
        AddTestCase(new BindingUpdateListTestCase, TestCase::QUICK);
        AddTestCase(new BindingUpdateListScaleTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static Pmipv6StateTestSuite g_pmipv6StateTestSuite;
