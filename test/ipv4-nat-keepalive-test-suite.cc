/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief NAT keepalives over the IPv4 transport (RFC 5844 4 with RFC 5555's NAT detection):
 * when the PBA carries a NAT Detection option, the MAG (MagIpv4TransportExtension) refreshes
 * the binding Refresh time after each PBA, however long the binding lifetime; without a NAT
 * (no option) it refreshes only at RefreshFraction of the lifetime.
 *
 * The NAT stand-in is that of suite pmipv6-ipv4-transport: MAG1's IPv4 Care-of Address option
 * names 192.168.0.2 while its packets leave from 10.0.1.2, which is what the LMA sees behind
 * a NAT. Binding lifetime 60 s (refresh at 48 s), NatRefreshTime 5 s, 23 s observed.
 *
 * Suite pmipv6-ipv4-nat-keepalive.
 */

#include "ns3/binding-cache.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/ipv4-address.h"
#include "ns3/lma-ipv4-transport-extension.h"
#include "ns3/mag-ipv4-transport-extension.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-dual-access-domain.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// PPP protocol of IPv4.
constexpr uint16_t PPP_IPV4 = 0x0021;
/// IPv4 header (no options) + UDP header before the inner IPv6 packet.
constexpr uint32_t OUTER = 20 + 8;
/// Offset of the first mobility option in a PBU or PBA (IPv6 header, MH header, fixed part).
constexpr uint32_t FIRST_OPTION = 40 + 12;

/// A PBU or PBA over IPv4 / UDP 5436 on MAG1's link.
struct Message
{
    Time time;                  ///< when it left
    bool uplink{false};         ///< sent by the MAG
    Ipv4Address source;         ///< outer IPv4 source
    std::vector<uint8_t> inner; ///< the inner IPv6 packet
};

/**
 * \brief PhyTxBegin of a device of MAG1's link: keep IPv4 / UDP 5436 / IPv6 / MH frames.
 * \param out where
 * \param uplink sent by the MAG
 * \param p the frame (PPP header first)
 */
void
RecordSignalling(std::vector<Message>* out, bool uplink, Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    if (b.size() < 2 + OUTER + FIRST_OPTION || ((uint16_t(b[0]) << 8) | b[1]) != PPP_IPV4 ||
        (b[2] & 0x0f) != 5 || b[2 + 9] != 17)
    {
        return;
    }
    uint16_t dport = (uint16_t(b[2 + 22]) << 8) | b[2 + 23];
    if (dport != mip6::PMIP6_CNTL_UDP_PORT || b[2 + OUTER + 6] != mip6::MOBILITY_HEADER_PROTOCOL)
    {
        return;
    }
    Message m;
    m.time = Simulator::Now();
    m.uplink = uplink;
    m.source = Ipv4Address((uint32_t(b[2 + 12]) << 24) | (uint32_t(b[2 + 13]) << 16) |
                           (uint32_t(b[2 + 14]) << 8) | b[2 + 15]);
    m.inner.assign(b.begin() + 2 + OUTER, b.end());
    out->push_back(m);
}

/**
 * \brief The option's offset in a PBU / PBA, or 0.
 * \param ip6 the inner IPv6 packet
 * \param type the option type
 * \return the offset
 */
uint32_t
FindOption(const std::vector<uint8_t>& ip6, uint8_t type)
{
    uint32_t i = FIRST_OPTION;
    while (i < ip6.size())
    {
        if (ip6[i] == 0)
        {
            ++i;
            continue;
        }
        if (i + 1 >= ip6.size())
        {
            return 0;
        }
        if (ip6[i] == type)
        {
            return i;
        }
        i += 2 + ip6[i + 1];
    }
    return 0;
}

/**
 * \brief Restore an attribute default when leaving a scope.
 */
class ScopedDefault
{
  public:
    /**
     * \brief Set a default.
     * \param name the attribute path
     * \param value its value
     * \param restore the value to put back
     */
    ScopedDefault(const std::string& name,
                  const AttributeValue& value,
                  const AttributeValue& restore)
        : m_name(name),
          m_restore(restore.Copy())
    {
        Config::SetDefault(name, value);
    }

    ~ScopedDefault()
    {
        Config::SetDefault(m_name, *m_restore);
    }

  private:
    std::string m_name;            ///< the attribute
    Ptr<AttributeValue> m_restore; ///< its old value
};

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief The MAG's refreshes with and without a NAT.
 */
class NatKeepaliveTestCase : public TestCase
{
  public:
    /// The MAG-LMA path.
    enum Mode
    {
        NAT,          ///< behind the NAT stand-in
        NO_NAT,       ///< no NAT
        NAT_DISABLED, ///< behind the NAT stand-in, attribute NatKeepalive false
    };

    /**
     * \brief Constructor.
     * \param mode the path
     */
    explicit NatKeepaliveTestCase(Mode mode)
        : TestCase(mode == NAT      ? "behind a NAT: a refresh PBU every Refresh time (5 s), "
                                      "lifetime 60 s"
                   : mode == NO_NAT ? "no NAT: no NAT Detection option, no early refresh"
                                    : "NatKeepalive false: no early refresh behind a NAT"),
          m_mode(mode)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        ScopedDefault lifetime("ns3::Pmipv6MagApplication::BindingLifetime",
                               TimeValue(Seconds(60)),
                               TimeValue(Seconds(600)));
        ScopedDefault refresh("ns3::LmaIpv4TransportExtension::NatRefreshTime",
                              TimeValue(Seconds(5)),
                              TimeValue(Seconds(110)));
        ScopedDefault coa(
            "ns3::MagIpv4TransportExtension::Ipv4ProxyCoa",
            Ipv4AddressValue(m_mode == NO_NAT ? Ipv4Address::GetAny() : Ipv4Address("192.168.0.2")),
            Ipv4AddressValue(Ipv4Address::GetAny()));
        ScopedDefault enabled("ns3::MagIpv4TransportExtension::NatKeepalive",
                              BooleanValue(m_mode != NAT_DISABLED),
                              BooleanValue(true));
        Pmipv6DualAccessDomain d("mn@natka.test",
                                 Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS,
                                 false,
                                 true);
        Ptr<MagIpv4TransportExtension> ext = d.magApp[0]->GetExtension<MagIpv4TransportExtension>();
        NS_TEST_ASSERT_MSG_NE(ext, nullptr, "MAG1's IPv4 transport extension");
        std::vector<Time> keepalives;
        ext->TraceConnectWithoutContext(
            "NatKeepalive",
            MakeBoundCallback(
                +[](std::vector<Time>* out, const std::string&, Ipv6Address, Time refresh) {
                    out->push_back(refresh);
                },
                &keepalives));
        std::vector<Message> messages;
        for (uint32_t i = 0; i < d.mags.Get(0)->GetNDevices(); ++i)
        {
            Ptr<PointToPointNetDevice> dev =
                DynamicCast<PointToPointNetDevice>(d.mags.Get(0)->GetDevice(i));
            if (!dev)
            {
                continue;
            }
            for (uint32_t end = 0; end < 2; ++end)
            {
                Ptr<NetDevice> endDevice = dev->GetChannel()->GetDevice(end);
                endDevice->TraceConnectWithoutContext(
                    "PhyTxBegin",
                    MakeBoundCallback(&RecordSignalling,
                                      &messages,
                                      endDevice->GetNode() == d.mags.Get(0)));
            }
        }
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, &d, 0, 1);
        Simulator::Stop(Seconds(23));
        Simulator::Run();

        std::vector<Message> pbus;
        std::vector<Message> pbas;
        for (const Message& m : messages)
        {
            if (m.inner[42] == mip6::MH_BINDING_UPDATE && m.uplink)
            {
                pbus.push_back(m);
            }
            if (m.inner[42] == mip6::MH_BINDING_ACK && !m.uplink)
            {
                pbas.push_back(m);
            }
        }
        NS_TEST_ASSERT_MSG_GT_OR_EQ(pbus.size(), 1u, "the registration");
        NS_TEST_ASSERT_MSG_EQ(pbas.size(), pbus.size(), "a PBA for each PBU");
        for (const Message& pba : pbas)
        {
            NS_TEST_EXPECT_MSG_EQ(uint32_t(pba.inner[46]), 0u, "every PBA accepts");
            // granted lifetime, in 4 s units
            NS_TEST_EXPECT_MSG_EQ(((uint32_t(pba.inner[50]) << 8) | pba.inner[51]),
                                  15u,
                                  "60 s granted");
        }
        uint32_t nat = FindOption(pbas[0].inner, mip6::OPT_NAT_DETECTION);
        if (m_mode == NO_NAT)
        {
            NS_TEST_EXPECT_MSG_EQ(nat, 0u, "no NAT Detection option");
            NS_TEST_EXPECT_MSG_EQ(pbus.size(), 1u, "only the registration within 23 s");
            NS_TEST_EXPECT_MSG_EQ(keepalives.size(), 0u, "no keepalive");
            NS_TEST_EXPECT_MSG_EQ(ext->GetNatKeepaliveCount(), 0u, "count 0");
            Simulator::Destroy();
            return;
        }
        NS_TEST_ASSERT_MSG_NE(nat, 0u, "the PBA's NAT Detection option");
        const std::vector<uint8_t>& o = pbas[0].inner;
        NS_TEST_EXPECT_MSG_EQ(uint32_t(o[nat + 1]), 6u, "Length 6");
        NS_TEST_EXPECT_MSG_EQ(((uint32_t(o[nat + 4]) << 24) | (uint32_t(o[nat + 5]) << 16) |
                               (uint32_t(o[nat + 6]) << 8) | o[nat + 7]),
                              5u,
                              "Refresh time 5 s");
        if (m_mode == NAT_DISABLED)
        {
            NS_TEST_EXPECT_MSG_EQ(pbus.size(), 1u, "only the registration within 23 s");
            NS_TEST_EXPECT_MSG_EQ(keepalives.size(), 0u, "no keepalive");
            Simulator::Destroy();
            return;
        }
        // registration at 0.5 s, then a refresh 5 s after each PBA: 4 before 23 s
        NS_TEST_EXPECT_MSG_EQ(pbus.size(), 5u, "the registration and 4 keepalive refreshes");
        NS_TEST_EXPECT_MSG_EQ(keepalives.size(), 4u, "4 NatKeepalive traces");
        NS_TEST_EXPECT_MSG_EQ(ext->GetNatKeepaliveCount(), 4u, "count 4");
        for (Time t : keepalives)
        {
            NS_TEST_EXPECT_MSG_EQ(t, Seconds(5), "traced Refresh time");
        }
        for (size_t i = 1; i < pbus.size() && i - 1 < pbas.size(); ++i)
        {
            Time sincePba = pbus[i].time - pbas[i - 1].time;
            // the PBA leaves the LMA's device and reaches the MAG a link delay later
            NS_TEST_EXPECT_MSG_GT_OR_EQ(sincePba, Seconds(5), "no earlier than 5 s after a PBA");
            NS_TEST_EXPECT_MSG_LT_OR_EQ(sincePba,
                                        Seconds(5) + MilliSeconds(20),
                                        "PBU " << i << " at the Refresh time after the PBA");
            NS_TEST_EXPECT_MSG_EQ(pbus[i].source, Ipv4Address("10.0.1.2"), "from MAG1");
            // HI 5 (not changed): a re-registration, with the IPv4 CoA option
            NS_TEST_EXPECT_MSG_NE(FindOption(pbus[i].inner, mip6::OPT_IPV4_CARE_OF_ADDRESS),
                                  0u,
                                  "IPv4 Care-of Address option");
            uint32_t hi = FindOption(pbus[i].inner, mip6::OPT_HANDOFF_INDICATOR);
            NS_TEST_ASSERT_MSG_NE(hi, 0u, "Handoff Indicator option");
            NS_TEST_EXPECT_MSG_EQ(uint32_t(pbus[i].inner[hi + 3]),
                                  uint32_t(mip6::HI_NOT_CHANGED),
                                  "HI 5");
        }
        Ptr<BindingCacheEntry> e = d.lmaApp->GetBindingCache()->FindByMnId(d.mnId).at(0);
        NS_TEST_EXPECT_MSG_GT_OR_EQ(e->registrationTime, Seconds(20), "refreshed at the LMA");
        NS_TEST_EXPECT_MSG_EQ(e->ipv4UdpEncapsulation, true, "UDP (NAT)");
        Simulator::Destroy();
    }

    Mode m_mode; ///< the path
};

/**
 * \ingroup pmipv6-tests
 * \brief Suite of the NAT keepalives.
 */
class NatKeepaliveTestSuite : public TestSuite
{
  public:
    NatKeepaliveTestSuite()
        : TestSuite("pmipv6-ipv4-nat-keepalive", UNIT)
    {
        AddTestCase(new NatKeepaliveTestCase(NatKeepaliveTestCase::NAT), TestCase::QUICK);
        AddTestCase(new NatKeepaliveTestCase(NatKeepaliveTestCase::NO_NAT), TestCase::QUICK);
        AddTestCase(new NatKeepaliveTestCase(NatKeepaliveTestCase::NAT_DISABLED), TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static NatKeepaliveTestSuite g_natKeepaliveTestSuite;
