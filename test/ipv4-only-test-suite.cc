/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief IPv4-only registration (RFC 5844 3.1.3 / 3.2): a mobile node whose profile is
 * IPv4 only (Pmipv6Helper::EnableIpv4MobileNode(..., ipv4Only true)) registers with a PBU that
 * carries the IPv4 Home Address Request option and no Home Network Prefix option; the LMA
 * (LmaIpv4Extension::AcceptsWithoutHomeNetworkPrefix) accepts it, its binding cache entry has
 * no prefix and the PBA carries the IPv4 options and no HNP option.
 *
 * - a domain (CN, LMA, MAG1, MAG2, one MN): the PBU and PBA octets on the MAG-LMA link, the
 *   entry without a prefix at the LMA and at the MAGs, no Router Advertisement, no global IPv6
 *   address on the MN, IPv4 UDP both ways before and after a handover MAG1 -> MAG2, the
 *   de-registration PBU without HNP, the entry deleted and the address back in the pool;
 * - a PBU with neither a Home Network Prefix nor an IPv4 Home Address Request option is
 *   still refused with 158, and so is an IPv4-only PBU at an LMA without the IPv4 extension.
 *
 * Suite pmipv6-ipv4-only.
 */

#include "ns3/binding-cache.h"
#include "ns3/binding-update-list.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6.h"
#include "ns3/lma-ipv4-extension.h"
#include "ns3/mag-ipv4-extension.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-dual-access-domain.h"
#include "ns3/pmipv6-mag-extension.h"
#include "ns3/pmipv6-profile.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"

#include <vector>

using namespace ns3;

namespace
{

/// UDP port of both flows.
constexpr uint16_t PORT = 5000;
/// PPP protocol of IPv6.
constexpr uint16_t PPP_IPV6 = 0x0057;
/// Offset of the first mobility option in a PBU or PBA (IPv6 header, MH header, fixed part).
constexpr uint32_t FIRST_OPTION = 40 + 12;

/// A Mobility Header message seen on a MAG-LMA link.
struct Message
{
    Time time;               ///< when it left
    uint32_t mag{0};         ///< the link (0 = MAG1)
    bool uplink{false};      ///< sent by the MAG
    uint8_t mhType{0};       ///< MH type
    std::vector<uint8_t> ip; ///< the IPv6 packet, header first
};

/**
 * \brief PhyTxBegin of a MAG-LMA device: keep the IPv6 packets whose next header is the
 * Mobility Header.
 * \param out where
 * \param mag the link
 * \param uplink sent by the MAG
 * \param p the frame (PPP header first)
 */
void
RecordMessage(std::vector<Message>* out, uint32_t mag, bool uplink, Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    if (b.size() < 2 + FIRST_OPTION || ((uint16_t(b[0]) << 8) | b[1]) != PPP_IPV6 ||
        b[2 + 6] != mip6::MOBILITY_HEADER_PROTOCOL)
    {
        return;
    }
    Message m;
    m.time = Simulator::Now();
    m.mag = mag;
    m.uplink = uplink;
    m.ip.assign(b.begin() + 2, b.end());
    m.mhType = m.ip[42];
    out->push_back(m);
}

/**
 * \brief Record the Mobility Header messages on both ends of both MAG-LMA links.
 * \param d the domain
 * \param out where
 */
void
CaptureSignalling(Pmipv6DualAccessDomain* d, std::vector<Message>* out)
{
    for (uint32_t k = 0; k < 2; ++k)
    {
        Ptr<Node> mag = d->mags.Get(k);
        for (uint32_t i = 0; i < mag->GetNDevices(); ++i)
        {
            Ptr<PointToPointNetDevice> dev = DynamicCast<PointToPointNetDevice>(mag->GetDevice(i));
            if (!dev)
            {
                continue;
            }
            for (uint32_t end = 0; end < 2; ++end)
            {
                Ptr<NetDevice> endDevice = dev->GetChannel()->GetDevice(end);
                endDevice->TraceConnectWithoutContext(
                    "PhyTxBegin",
                    MakeBoundCallback(&RecordMessage, out, k, endDevice->GetNode() == mag));
            }
        }
    }
}

/**
 * \brief The messages of one MH type on one link and direction.
 * \param all every message
 * \param mag the link
 * \param mhType the MH type
 * \param uplink direction
 * \return them, in time order
 */
std::vector<Message>
Select(const std::vector<Message>& all, uint32_t mag, uint8_t mhType, bool uplink)
{
    std::vector<Message> out;
    for (const Message& m : all)
    {
        if (m.mag == mag && m.mhType == mhType && m.uplink == uplink)
        {
            out.push_back(m);
        }
    }
    return out;
}

/**
 * \brief Find a mobility option in a PBU or PBA.
 * \param ip6 the IPv6 packet
 * \param type the option type
 * \return the option's offset in \p ip6, or 0 when absent
 */
uint32_t
FindOption(const std::vector<uint8_t>& ip6, uint8_t type)
{
    uint32_t i = FIRST_OPTION;
    while (i < ip6.size())
    {
        if (ip6[i] == 0) // Pad1
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
 * \brief The IPv4 address at an offset.
 * \param b the octets
 * \param at the offset
 * \return the address
 */
Ipv4Address
Ipv4At(const std::vector<uint8_t>& b, uint32_t at)
{
    return Ipv4Address((uint32_t(b[at]) << 24) | (uint32_t(b[at + 1]) << 16) |
                       (uint32_t(b[at + 2]) << 8) | b[at + 3]);
}

/// A snapshot of the LMA's binding cache entry of the MN.
struct EntrySnapshot
{
    uint32_t entries{0};         ///< entries of the MN
    Ipv6Address proxyCoa;        ///< the Proxy-CoA (of the first)
    size_t prefixes{0};          ///< its home network prefixes
    Ipv4Address ipv4HomeAddress; ///< its IPv4 home address
};

/**
 * \brief Take a snapshot.
 * \param d the domain
 * \param out where
 */
void
Snapshot(Pmipv6DualAccessDomain* d, EntrySnapshot* out)
{
    std::vector<Ptr<BindingCacheEntry>> all = d->lmaApp->GetBindingCache()->FindByMnId(d->mnId);
    out->entries = all.size();
    if (!all.empty())
    {
        out->proxyCoa = all[0]->proxyCoa;
        out->prefixes = all[0]->homeNetworkPrefixes.size();
        out->ipv4HomeAddress = all[0]->ipv4HomeAddress;
    }
}

/**
 * \brief The prefixes of a MAG's registered binding update list entry of the MN.
 * \param d the domain
 * \param k the MAG
 * \param out where: -1 when no entry is registered
 */
void
MagPrefixes(Pmipv6DualAccessDomain* d, uint32_t k, int32_t* out)
{
    *out = -1;
    for (const auto& e : d->magApp[k]->GetBindingUpdateList()->GetEntries())
    {
        if (e->mnId == d->mnId && (e->state == BindingUpdateListEntry::REGISTERED ||
                                   e->state == BindingUpdateListEntry::REFRESHING))
        {
            *out = static_cast<int32_t>(e->homeNetworkPrefixes.size());
        }
    }
}

/**
 * \brief The MN's IPv6 addresses on its logical interface that are not link-local.
 * \param d the domain
 * \param out where
 */
void
CountGlobalIpv6(Pmipv6DualAccessDomain* d, uint32_t* out)
{
    Ptr<Ipv6> ipv6 = d->mn.Get(0)->GetObject<Ipv6>();
    int32_t i = ipv6->GetInterfaceForDevice(d->lif);
    *out = 0;
    for (uint32_t a = 0; i >= 0 && a < ipv6->GetNAddresses(i); ++a)
    {
        if (!ipv6->GetAddress(i, a).GetAddress().IsLinkLocal())
        {
            ++*out;
        }
    }
}

/**
 * \ingroup pmipv6-tests
 * \brief A MAG extension that registers every MN without a prefix and asks for no IPv4
 * address: its PBUs carry neither a Home Network Prefix nor an IPv4 Home Address Request.
 */
class NoPrefixMagExtension : public Pmipv6MagExtension
{
  public:
    bool RegistersWithoutHomeNetworkPrefix(Ptr<const BindingUpdateListEntry> /* entry */) override
    {
        return true;
    }
};

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief An IPv4-only MN: registration, handover and de-registration without a prefix.
 */
class Ipv4OnlyRegistrationTestCase : public TestCase
{
  public:
    Ipv4OnlyRegistrationTestCase()
        : TestCase("IPv4-only registration: no HNP option, no prefix, IPv4 over a handover, "
                   "de-registration and release")
    {
    }

  private:
    /**
     * \brief Send one datagram.
     * \param socket the socket
     * \param to the destination
     */
    static void Send(Ptr<Socket> socket, InetSocketAddress to)
    {
        socket->SendTo(Create<Packet>(100), 0, to);
    }

    /**
     * \brief Receive: count before / after the handover.
     * \param counts [before, after]
     * \param socket the socket
     */
    void Receive(uint32_t* counts, Ptr<Socket> socket)
    {
        Address from;
        while (socket->RecvFrom(from))
        {
            counts[Simulator::Now() < m_handover ? 0 : 1]++;
            if (counts == m_cn)
            {
                m_cnSource = InetSocketAddress::ConvertFrom(from).GetIpv4();
            }
        }
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6DualAccessDomain d("mn@ipv4only.test",
                                 Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS,
                                 true);
        Ptr<LmaIpv4Extension> lmaExt = d.pmip.EnableIpv4(d.lmaApp);
        d.lmaApp->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(Seconds(1)));
        for (uint32_t k = 0; k < 2; ++k)
        {
            d.pmip.EnableIpv4(d.magApp[k]);
        }
        d.pmip.EnableIpv4MobileNode(d.mnId, d.lif, false, Seconds(0), true);
        const Pmipv6Profile* profile = d.pmip.GetProfileStore()->Lookup(d.mnId);
        NS_TEST_ASSERT_MSG_NE(profile, nullptr, "the MN's profile");
        NS_TEST_EXPECT_MSG_EQ(profile->ipv4Only, true, "the profile says IPv4 only");
        std::vector<Message> messages;
        CaptureSignalling(&d, &messages);
        std::vector<Ipv4Address> released;
        lmaExt->TraceConnectWithoutContext(
            "AddressReleased",
            MakeBoundCallback(
                +[](std::vector<Ipv4Address>* out, const std::string&, Ipv4Address a) {
                    out->push_back(a);
                },
                &released));

        const Ipv4Address hoa("10.100.0.2"); // the pool's first address for an MN
        TypeId udp = UdpSocketFactory::GetTypeId();
        Ptr<Socket> cnSocket = Socket::CreateSocket(d.cn.Get(0), udp);
        cnSocket->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
        cnSocket->SetRecvCallback(
            MakeCallback(&Ipv4OnlyRegistrationTestCase::Receive, this, &m_cn[0]));
        Ptr<Socket> mnSocket = Socket::CreateSocket(d.mn.Get(0), udp);
        mnSocket->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
        mnSocket->SetRecvCallback(
            MakeCallback(&Ipv4OnlyRegistrationTestCase::Receive, this, &m_mn[0]));
        // 20 datagrams a second each way, 1 s to 6 s; handover at 3 s
        for (Time t = Seconds(1); t < Seconds(6); t += MilliSeconds(50))
        {
            Simulator::ScheduleWithContext(d.mn.Get(0)->GetId(),
                                           t,
                                           &Ipv4OnlyRegistrationTestCase::Send,
                                           mnSocket,
                                           InetSocketAddress(d.cnIpv4Address, PORT));
            Simulator::ScheduleWithContext(d.cn.Get(0)->GetId(),
                                           t + MilliSeconds(25),
                                           &Ipv4OnlyRegistrationTestCase::Send,
                                           cnSocket,
                                           InetSocketAddress(hoa, PORT));
        }
        EntrySnapshot atMag1;
        EntrySnapshot atMag2;
        EntrySnapshot atEnd;
        int32_t mag1Prefixes = -2;
        int32_t mag2Prefixes = -2;
        uint32_t globalIpv6 = 99;
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, &d, 0, 1);
        Simulator::Schedule(Seconds(2.9), &Snapshot, &d, &atMag1);
        Simulator::Schedule(Seconds(2.9), &MagPrefixes, &d, 0, &mag1Prefixes);
        Simulator::Schedule(m_handover, &Pmipv6DualAccessDomain::Detach, &d, 0);
        Simulator::Schedule(m_handover + MilliSeconds(100),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            1,
                            2);
        Simulator::Schedule(Seconds(5.9), &Snapshot, &d, &atMag2);
        Simulator::Schedule(Seconds(5.9), &MagPrefixes, &d, 1, &mag2Prefixes);
        Simulator::Schedule(Seconds(5.9), &CountGlobalIpv6, &d, &globalIpv6);
        Simulator::Schedule(m_leave, &Pmipv6DualAccessDomain::Detach, &d, 1);
        Simulator::Schedule(Seconds(8.5), &Snapshot, &d, &atEnd);
        Simulator::Stop(Seconds(9));
        Simulator::Run();

        // the first PBU and PBA on MAG1's link, as octets
        std::vector<Message> pbus1 = Select(messages, 0, mip6::MH_BINDING_UPDATE, true);
        std::vector<Message> pbas1 = Select(messages, 0, mip6::MH_BINDING_ACK, false);
        NS_TEST_ASSERT_MSG_GT_OR_EQ(pbus1.size(), 2u, "MAG1: registration and de-registration");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(pbas1.size(), 2u, "MAG1: their PBAs");
        const std::vector<uint8_t>& pbu = pbus1[0].ip;
        NS_TEST_EXPECT_MSG_EQ(FindOption(pbu, mip6::OPT_HOME_NETWORK_PREFIX),
                              0u,
                              "the PBU has no Home Network Prefix option");
        NS_TEST_EXPECT_MSG_NE(FindOption(pbu, mip6::OPT_MOBILE_NODE_IDENTIFIER),
                              0u,
                              "the PBU has the MN-ID");
        uint32_t req = FindOption(pbu, mip6::OPT_IPV4_HOME_ADDRESS_REQUEST);
        NS_TEST_ASSERT_MSG_NE(req, 0u, "the PBU has an IPv4 Home Address Request");
        NS_TEST_EXPECT_MSG_EQ(uint32_t(pbu[req + 1]), 6u, "Request Length 6");
        NS_TEST_EXPECT_MSG_EQ(Ipv4At(pbu, req + 4), Ipv4Address::GetAny(), "asks for any address");
        const std::vector<uint8_t>& pba = pbas1[0].ip;
        NS_TEST_EXPECT_MSG_EQ(uint32_t(pba[46]), 0u, "PBA status 0 (accepted)");
        NS_TEST_EXPECT_MSG_EQ(FindOption(pba, mip6::OPT_HOME_NETWORK_PREFIX),
                              0u,
                              "the PBA has no Home Network Prefix option");
        uint32_t reply = FindOption(pba, mip6::OPT_IPV4_HOME_ADDRESS_REPLY);
        NS_TEST_ASSERT_MSG_NE(reply, 0u, "the PBA has an IPv4 Home Address Reply");
        NS_TEST_EXPECT_MSG_EQ(uint32_t(pba[reply + 1]), 6u, "Reply Length 6");
        NS_TEST_EXPECT_MSG_EQ(uint32_t(pba[reply + 2]), 0u, "Reply status 0");
        NS_TEST_EXPECT_MSG_EQ(uint32_t(pba[reply + 3] >> 2), 16u, "Prefix-len of the pool, 16");
        NS_TEST_EXPECT_MSG_EQ(Ipv4At(pba, reply + 4), hoa, "the home address");
        uint32_t router = FindOption(pba, mip6::OPT_IPV4_DEFAULT_ROUTER_ADDRESS);
        NS_TEST_ASSERT_MSG_NE(router, 0u, "the PBA has an IPv4 Default-Router Address");
        NS_TEST_EXPECT_MSG_EQ(Ipv4At(pba, router + 4), Ipv4Address("10.100.0.1"), "the router");

        // MAG2: the registration after the handover and the de-registration, without HNP
        std::vector<Message> pbus2 = Select(messages, 1, mip6::MH_BINDING_UPDATE, true);
        std::vector<Message> pbas2 = Select(messages, 1, mip6::MH_BINDING_ACK, false);
        NS_TEST_ASSERT_MSG_EQ(pbus2.size(), 2u, "MAG2: registration and de-registration");
        NS_TEST_ASSERT_MSG_EQ(pbas2.size(), 2u, "MAG2: their PBAs");
        for (uint32_t i = 0; i < 2; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(FindOption(pbus2[i].ip, mip6::OPT_HOME_NETWORK_PREFIX),
                                  0u,
                                  "MAG2's PBU " << i << ": no HNP option");
            NS_TEST_EXPECT_MSG_NE(FindOption(pbus2[i].ip, mip6::OPT_IPV4_HOME_ADDRESS_REQUEST),
                                  0u,
                                  "MAG2's PBU " << i << ": IPv4 Home Address Request");
            NS_TEST_EXPECT_MSG_EQ(uint32_t(pbas2[i].ip[46]), 0u, "MAG2's PBA " << i << ": 0");
            NS_TEST_EXPECT_MSG_EQ(FindOption(pbas2[i].ip, mip6::OPT_HOME_NETWORK_PREFIX),
                                  0u,
                                  "MAG2's PBA " << i << ": no HNP option");
        }
        // the de-registration: lifetime 0 (PBU fixed part: sequence, flags, lifetime)
        const std::vector<uint8_t>& dereg = pbus2[1].ip;
        NS_TEST_EXPECT_MSG_EQ(((uint32_t(dereg[50]) << 8) | dereg[51]), 0u, "lifetime 0");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(pbus2[1].time, m_leave, "sent at the detach");

        // the LMA's entry and the MAGs' entries: no prefix
        NS_TEST_EXPECT_MSG_EQ(atMag1.entries, 1u, "one entry at MAG1");
        NS_TEST_EXPECT_MSG_EQ(atMag1.proxyCoa, d.proxyCoa[0], "at MAG1");
        NS_TEST_EXPECT_MSG_EQ(atMag1.prefixes, 0u, "no home network prefix");
        NS_TEST_EXPECT_MSG_EQ(atMag1.ipv4HomeAddress, hoa, "the IPv4 home address");
        NS_TEST_EXPECT_MSG_EQ(atMag2.entries, 1u, "one entry after the handover");
        NS_TEST_EXPECT_MSG_EQ(atMag2.proxyCoa, d.proxyCoa[1], "at MAG2");
        NS_TEST_EXPECT_MSG_EQ(atMag2.prefixes, 0u, "still no prefix");
        NS_TEST_EXPECT_MSG_EQ(atMag2.ipv4HomeAddress, hoa, "the same IPv4 home address");
        NS_TEST_EXPECT_MSG_EQ(mag1Prefixes, 0, "MAG1's entry registered, no prefix");
        NS_TEST_EXPECT_MSG_EQ(mag2Prefixes, 0, "MAG2's entry registered, no prefix");
        NS_TEST_EXPECT_MSG_EQ(d.magApp[0]->GetRouterAdvertisementCount(), 0u, "MAG1: no RA");
        NS_TEST_EXPECT_MSG_EQ(d.magApp[1]->GetRouterAdvertisementCount(), 0u, "MAG2: no RA");
        NS_TEST_EXPECT_MSG_EQ(globalIpv6, 0u, "the MN has no IPv6 address but link-local");
        NS_TEST_EXPECT_MSG_EQ(d.lmaApp->GetPbaCount(mip6::BA_MISSING_HOME_NETWORK_PREFIX_OPTION),
                              0u,
                              "no PBA 158");

        // IPv4 both ways, before and after the handover
        NS_TEST_EXPECT_MSG_EQ(m_cn[0], 40u, "uplink through MAG1: every datagram");
        NS_TEST_EXPECT_MSG_EQ(m_mn[0], 40u, "downlink through MAG1: every datagram");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(m_cn[1], 55u, "uplink through MAG2");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(m_mn[1], 55u, "downlink through MAG2");
        NS_TEST_EXPECT_MSG_EQ(m_cnSource, hoa, "the CN sees the home address");

        // de-registered, deleted after MinDelayBeforeBCEDelete, the address released
        NS_TEST_EXPECT_MSG_EQ(atEnd.entries, 0u, "the entry is deleted");
        NS_TEST_EXPECT_MSG_EQ(lmaExt->GetHomeAddress(d.mnId), Ipv4Address::GetAny(), "no lease");
        NS_TEST_ASSERT_MSG_EQ(released.size(), 1u, "one release");
        NS_TEST_EXPECT_MSG_EQ(released[0], hoa, "the home address back in the pool");
        NS_TEST_EXPECT_MSG_EQ(lmaExt->GetPool().IsAllocated(hoa), false, "free in the pool");

        Simulator::Destroy();
    }

    Time m_handover{Seconds(3)}; ///< when the MN leaves MAG1
    Time m_leave{Seconds(6.2)};  ///< when the MN leaves MAG2 (de-registration)
    uint32_t m_cn[2]{0, 0};      ///< uplink datagrams before / after the handover
    uint32_t m_mn[2]{0, 0};      ///< downlink datagrams before / after
    Ipv4Address m_cnSource;      ///< source of the last datagram at the CN
};

/**
 * \ingroup pmipv6-tests
 * \brief A PBU without a Home Network Prefix option is refused with 158 when no extension
 * registers it without one.
 */
class Ipv4OnlyRefusalTestCase : public TestCase
{
  public:
    /// What the PBU lacks, and where.
    enum Variant
    {
        /// neither an HNP nor an IPv4 Home Address Request option (LMA with the IPv4 extension)
        NO_HNP_NO_IPV4,
        /// an IPv4-only PBU at an LMA without the IPv4 extension
        LMA_WITHOUT_IPV4,
    };

    /**
     * \brief Constructor.
     * \param v the variant
     */
    explicit Ipv4OnlyRefusalTestCase(Variant v)
        : TestCase(v == NO_HNP_NO_IPV4
                       ? "a PBU with neither HNP nor IPv4 Home Address Request: 158"
                       : "an IPv4-only PBU at an LMA without the IPv4 extension: 158"),
          m_variant(v)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6DualAccessDomain d("mn@ipv4refused.test",
                                 Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS,
                                 true);
        if (m_variant == NO_HNP_NO_IPV4)
        {
            d.pmip.EnableIpv4(d.lmaApp);
            d.magApp[0]->AddExtension(CreateObject<NoPrefixMagExtension>());
        }
        else
        {
            d.pmip.EnableIpv4(d.magApp[0]);
            d.pmip.EnableIpv4MobileNode(d.mnId, d.lif, false, Seconds(0), true);
        }
        std::vector<Message> messages;
        CaptureSignalling(&d, &messages);
        std::vector<uint8_t> failures;
        d.magApp[0]->TraceConnectWithoutContext(
            "RegistrationFailed",
            MakeBoundCallback(
                +[](std::vector<uint8_t>* out, const std::string&, uint8_t status) {
                    out->push_back(status);
                },
                &failures));
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, &d, 0, 1);
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        std::vector<Message> pbus = Select(messages, 0, mip6::MH_BINDING_UPDATE, true);
        std::vector<Message> pbas = Select(messages, 0, mip6::MH_BINDING_ACK, false);
        NS_TEST_ASSERT_MSG_EQ(pbus.size(), 1u, "one PBU");
        NS_TEST_ASSERT_MSG_EQ(pbas.size(), 1u, "one PBA");
        NS_TEST_EXPECT_MSG_EQ(FindOption(pbus[0].ip, mip6::OPT_HOME_NETWORK_PREFIX),
                              0u,
                              "the PBU has no HNP option");
        NS_TEST_EXPECT_MSG_EQ((FindOption(pbus[0].ip, mip6::OPT_IPV4_HOME_ADDRESS_REQUEST) != 0),
                              (m_variant == LMA_WITHOUT_IPV4),
                              "an IPv4 Home Address Request only in the IPv4-only variant");
        NS_TEST_EXPECT_MSG_EQ(uint32_t(pbas[0].ip[46]),
                              uint32_t(mip6::BA_MISSING_HOME_NETWORK_PREFIX_OPTION),
                              "PBA status 158");
        NS_TEST_EXPECT_MSG_EQ(FindOption(pbas[0].ip, mip6::OPT_HOME_NETWORK_PREFIX),
                              0u,
                              "the refusal has no HNP option");
        NS_TEST_EXPECT_MSG_EQ(d.lmaApp->GetBindingCache()->FindByMnId(d.mnId).size(),
                              0u,
                              "no binding cache entry");
        NS_TEST_ASSERT_MSG_EQ(failures.size(), 1u, "the MAG's registration failed");
        NS_TEST_EXPECT_MSG_EQ(uint32_t(failures[0]), 158u, "with 158");
        NS_TEST_EXPECT_MSG_EQ(d.magApp[0]->GetBindingUpdateList()->GetEntries().size(),
                              0u,
                              "the MAG dropped the entry");
        Simulator::Destroy();
    }

    Variant m_variant; ///< the variant
};

/**
 * \ingroup pmipv6-tests
 * \brief Suite of the IPv4-only registration.
 */
class Ipv4OnlyTestSuite : public TestSuite
{
  public:
    Ipv4OnlyTestSuite()
        : TestSuite("pmipv6-ipv4-only", UNIT)
    {
        AddTestCase(new Ipv4OnlyRegistrationTestCase, TestCase::QUICK);
        AddTestCase(new Ipv4OnlyRefusalTestCase(Ipv4OnlyRefusalTestCase::NO_HNP_NO_IPV4),
                    TestCase::QUICK);
        AddTestCase(new Ipv4OnlyRefusalTestCase(Ipv4OnlyRefusalTestCase::LMA_WITHOUT_IPV4),
                    TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static Ipv4OnlyTestSuite g_ipv4OnlyTestSuite;
