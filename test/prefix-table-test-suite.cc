/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/prefix-table.h"
#include "ns3/test.h"

using namespace ns3;

/**
 * \ingroup pmipv6-test
 * \brief Longest-prefix lookup, exact find, replace, removal and counts of PrefixTable.
 */
class PrefixTableTestCase : public TestCase
{
  public:
    PrefixTableTestCase()
        : TestCase("PrefixTable: longest match, exact find, replace, remove")
    {
    }

  private:
    void DoRun() override
    {
        PrefixTable<int> t;
        NS_TEST_ASSERT_MSG_EQ(t.IsEmpty(), true, "new table is empty");
        NS_TEST_ASSERT_MSG_EQ(t.Insert(Ipv6Address("2001:1:1::"), 48, 48), true, "/48 added");
        NS_TEST_ASSERT_MSG_EQ(t.Insert(Ipv6Address("2001:1:1:1::ff"), 64, 64), true, "/64 added");
        NS_TEST_ASSERT_MSG_EQ(t.Insert(Ipv6Address("2001:1:1:1::"), 64, 65), false, "replaced");
        NS_TEST_ASSERT_MSG_EQ(t.GetSize(), 2, "two prefixes");
        const int* v = t.Lookup(Ipv6Address("2001:1:1:1::2a"));
        NS_TEST_ASSERT_MSG_NE(v, nullptr, "address in the /64");
        NS_TEST_ASSERT_MSG_EQ(*v, 65, "longest prefix wins, replaced value");
        v = t.Lookup(Ipv6Address("2001:1:1:2::2a"));
        NS_TEST_ASSERT_MSG_NE(v, nullptr, "address only in the /48");
        NS_TEST_ASSERT_MSG_EQ(*v, 48, "the /48");
        NS_TEST_ASSERT_MSG_EQ(t.Lookup(Ipv6Address("2001:1:2::1")), nullptr, "outside");
        NS_TEST_ASSERT_MSG_NE(t.Find(Ipv6Address("2001:1:1::"), 48), nullptr, "exact /48");
        NS_TEST_ASSERT_MSG_EQ(t.Find(Ipv6Address("2001:1:1::"), 56), nullptr, "no /56");
        NS_TEST_ASSERT_MSG_EQ(t.Remove(Ipv6Address("2001:1:1:1::"), 64), true, "/64 removed");
        NS_TEST_ASSERT_MSG_EQ(t.Remove(Ipv6Address("2001:1:1:1::"), 64), false, "already gone");
        NS_TEST_ASSERT_MSG_EQ(*t.Lookup(Ipv6Address("2001:1:1:1::2a")), 48, "falls to the /48");
        int sum = 0;
        t.ForEach([&sum](int x) { sum += x; });
        NS_TEST_ASSERT_MSG_EQ(sum, 48, "ForEach visits the remaining value");
        t.Clear();
        NS_TEST_ASSERT_MSG_EQ(t.GetSize(), 0, "cleared");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The PrefixTable test suite.
 */
class PrefixTableTestSuite : public TestSuite
{
  public:
    PrefixTableTestSuite()
        : TestSuite("pmipv6-prefix-table", UNIT)
    {
        AddTestCase(new PrefixTableTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static PrefixTableTestSuite g_prefixTableTestSuite;
