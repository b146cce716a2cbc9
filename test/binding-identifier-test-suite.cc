/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief Binding identifiers per binding cache entry (RFC 5648 BID, RFC 6089 BID-PRI): two
 * attachments of one mobile node (Pmipv6DualAccessDomain, two MAGs), with and without the
 * Binding Identifier option that the MN's profile asks the MAGs to send. Checks the BID and
 * BID-PRI stored in each binding cache entry, the option's octets in the PBUs and PBAs, and
 * that the MAG keeps the BID the LMA gave.
 */

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/test.h"

#include <algorithm>
#include <vector>

using namespace ns3;

namespace
{

/// Octets of a message.
typedef std::vector<uint8_t> Bytes;

/**
 * \brief The octets of a Mobility Header message as sent.
 * \param h the message
 * \return its octets
 */
Bytes
WireBytes(const Header& h)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    Bytes out(p->GetSize());
    p->CopyData(out.data(), out.size());
    return out;
}

/**
 * \brief Whether a message's octets contain a sequence.
 * \param message the message
 * \param part the sequence
 * \return true when found
 */
bool
Contains(const Bytes& message, const Bytes& part)
{
    return std::search(message.begin(), message.end(), part.begin(), part.end()) != message.end();
}

/**
 * \brief Whether a message's options include a Binding Identifier option.
 * \param options the options
 * \return true when they do
 */
bool
HasBidOption(const MobilityOptionList& options)
{
    return options.Find<BindingIdentifierOption>() != nullptr;
}

/**
 * \ingroup pmipv6-tests
 * \brief Two attachments of one MN, each at its own MAG, HI 1 then HI 1 (two sessions).
 * With \c withOption the profile asks for BID 7 / BID-PRI 3 on the first interface and BID 7
 * / BID-PRI 9 on the second: the first entry gets BID 7, the second (7 taken) the smallest
 * free one, 1, and each its BID-PRI; the PBUs carry the option (35, 4, BID, status 0, H 0 |
 * BID-PRI), each PBA the entry's BID and BID-PRI with the status, and the second MAG then
 * sends BID 1. Without, the LMA numbers the entries 1 and 2 with its DefaultBindingPriority
 * and no message carries the option.
 */
class BindingIdentifierTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param withOption the profile asks for Binding Identifier options
     */
    explicit BindingIdentifierTestCase(bool withOption)
        : TestCase(withOption ? "BID option: the LMA stores the PBU's BID (else the next free) "
                                "and BID-PRI per entry and echoes them in the PBA"
                              : "no BID option: BIDs 1, 2 and DefaultBindingPriority per entry"),
          m_withOption(withOption)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6DualAccessDomain d("mn@bid.test");
        d.lmaApp->SetAttribute("DefaultBindingPriority", UintegerValue(50));
        if (m_withOption)
        {
            Ptr<Pmipv6ProfileStore> store = d.pmip.GetProfileStore();
            Pmipv6Profile profile = *store->Lookup(d.mnId);
            profile.bindingPreferences[d.phys[0]->GetAddress()] = {7, 3};
            profile.bindingPreferences[d.phys[1]->GetAddress()] = {7, 9};
            store->AddProfile(profile);
        }
        std::vector<Bytes> pbus[2];
        std::vector<bool> pbuHasBid[2];
        std::vector<Bytes> pbas[2];
        std::vector<bool> pbaHasBid[2];
        for (uint32_t k = 0; k < 2; ++k)
        {
            d.magApp[k]->TraceConnectWithoutContext(
                "TxPbu",
                Callback<void, const BindingUpdateHeader&, Ipv6Address>(
                    [&pbus, &pbuHasBid, k](const BindingUpdateHeader& h, Ipv6Address) {
                        pbus[k].push_back(WireBytes(h));
                        pbuHasBid[k].push_back(HasBidOption(h.GetOptions()));
                    }));
        }
        Ipv6Address coa[2] = {d.proxyCoa[0], d.proxyCoa[1]};
        d.lmaApp->TraceConnectWithoutContext(
            "TxPba",
            Callback<void, const BindingAckHeader&, Ipv6Address>(
                [&pbas, &pbaHasBid, coa](const BindingAckHeader& h, Ipv6Address mag) {
                    uint32_t k = mag == coa[0] ? 0 : 1;
                    pbas[k].push_back(WireBytes(h));
                    pbaHasBid[k].push_back(HasBidOption(h.GetOptions()));
                }));
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            0,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Schedule(Seconds(1.0),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            1,
                            mip6::HI_NEW_INTERFACE);
        // 2 s: both registered. Then a refresh of the second binding (MAG2 re-registers).
        std::vector<Ptr<BindingCacheEntry>> entries;
        uint16_t magBid[2] = {0, 0};
        uint8_t magPri[2] = {0, 0};
        Simulator::Schedule(Seconds(2), [&]() {
            entries = d.lmaApp->GetBindingCache()->FindByMnId(d.mnId);
            for (uint32_t k = 0; k < 2; ++k)
            {
                auto bul = d.magApp[k]->GetBindingUpdateList()->FindByMnId(d.mnId);
                if (bul.size() == 1)
                {
                    magBid[k] = bul[0]->bindingId;
                    magPri[k] = bul[0]->bindingPriority;
                }
            }
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(entries.size(), 2, "two binding cache entries for the MN");
        Ptr<BindingCacheEntry> e0 = entries[0];
        Ptr<BindingCacheEntry> e1 = entries[1];
        NS_TEST_ASSERT_MSG_EQ(e0->proxyCoa, d.proxyCoa[0], "first entry at MAG1");
        NS_TEST_ASSERT_MSG_EQ(e1->proxyCoa, d.proxyCoa[1], "second entry at MAG2");
        Ptr<BindingCache> cache = d.lmaApp->GetBindingCache();
        NS_TEST_ASSERT_MSG_EQ(pbus[0].empty() || pbus[1].empty(), false, "both MAGs sent PBUs");
        NS_TEST_ASSERT_MSG_EQ(pbas[0].empty() || pbas[1].empty(), false, "both got PBAs");
        if (m_withOption)
        {
            NS_TEST_EXPECT_MSG_EQ(e0->bindingId, 7, "the first entry has the BID it asked for");
            NS_TEST_EXPECT_MSG_EQ(+e0->bindingPriority, 3, "and its BID-PRI");
            NS_TEST_EXPECT_MSG_EQ(e1->bindingId, 1, "BID 7 is taken: the smallest free one");
            NS_TEST_EXPECT_MSG_EQ(+e1->bindingPriority, 9, "the second entry's own BID-PRI");
            // PBUs: Type 35, Length 4, BID, Status 0, H 0 | BID-PRI
            NS_TEST_EXPECT_MSG_EQ(Contains(pbus[0].front(), Bytes{35, 4, 0, 7, 0, 3}),
                                  true,
                                  "MAG1's PBU carries BID 7, BID-PRI 3");
            NS_TEST_EXPECT_MSG_EQ(Contains(pbus[1].front(), Bytes{35, 4, 0, 7, 0, 9}),
                                  true,
                                  "MAG2's PBU carries BID 7, BID-PRI 9");
            // PBAs: the entry's BID and BID-PRI, status 0 (accepted)
            NS_TEST_EXPECT_MSG_EQ(Contains(pbas[0].front(), Bytes{35, 4, 0, 7, 0, 3}),
                                  true,
                                  "the PBA to MAG1: BID 7, status 0, BID-PRI 3");
            NS_TEST_EXPECT_MSG_EQ(Contains(pbas[1].front(), Bytes{35, 4, 0, 1, 0, 9}),
                                  true,
                                  "the PBA to MAG2: BID 1, status 0, BID-PRI 9");
            NS_TEST_EXPECT_MSG_EQ(magBid[0], 7, "MAG1 keeps BID 7");
            NS_TEST_EXPECT_MSG_EQ(magBid[1], 1, "MAG2 takes the BID the LMA gave");
            NS_TEST_EXPECT_MSG_EQ(+magPri[1], 9, "and its BID-PRI");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(e0->bindingId, 1, "first entry: BID 1");
            NS_TEST_EXPECT_MSG_EQ(e1->bindingId, 2, "second entry: BID 2");
            NS_TEST_EXPECT_MSG_EQ(+e0->bindingPriority, 50, "DefaultBindingPriority");
            NS_TEST_EXPECT_MSG_EQ(+e1->bindingPriority, 50, "DefaultBindingPriority");
            for (uint32_t k = 0; k < 2; ++k)
            {
                NS_TEST_EXPECT_MSG_EQ(pbuHasBid[k].front(), false, "no BID option in the PBU");
                NS_TEST_EXPECT_MSG_EQ(pbaHasBid[k].front(), false, "no BID option in the PBA");
                NS_TEST_EXPECT_MSG_EQ(magBid[k], 0, "the MAG sends no BID");
            }
        }
        // The accessors find each entry by its BID.
        NS_TEST_EXPECT_MSG_EQ(cache->FindByMnIdAndBindingId(d.mnId, e0->bindingId),
                              e0,
                              "binding cache lookup by BID (first)");
        NS_TEST_EXPECT_MSG_EQ(cache->FindByMnIdAndBindingId(d.mnId, e1->bindingId),
                              e1,
                              "binding cache lookup by BID (second)");
        NS_TEST_EXPECT_MSG_EQ(d.lmaApp->FindBinding(d.mnId, e1->bindingId),
                              e1,
                              "the LMA's BID index agrees");
        Simulator::Destroy();
    }

    bool m_withOption; ///< the profile asks for Binding Identifier options
};

/**
 * \ingroup pmipv6-tests
 * \brief Binding identifiers per binding cache entry.
 */
class BindingIdentifierTestSuite : public TestSuite
{
  public:
    BindingIdentifierTestSuite()
        : TestSuite("pmipv6-binding-identifier", UNIT)
    {
        AddTestCase(new BindingIdentifierTestCase(true), TestCase::QUICK);
        AddTestCase(new BindingIdentifierTestCase(false), TestCase::QUICK);
    }
};

/// The suite's instance.
BindingIdentifierTestSuite g_bindingIdentifierTestSuite;

} // namespace
