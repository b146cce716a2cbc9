/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Local routing between two MAGs with IPv4-MN-HoAs (draft-wu-netext-local-ro-02 section 6 and
 * Appendix A.2.1): two dual-stack MNs at two MAGs exchange IPv4 UDP; once the pair is optimised
 * the MAG-MAG tunnel carries their IPv4 packets (the LMA's tunnels carry none), MAG-initiated
 * (Figure 2) and LMA-initiated (Figure 4), over the IPv6 and over the IPv4 transport (RFC 5844
 * 4: the MAG-MAG PBU / PBA in IPv4 / UDP 5436, the data in IPv4 protocol 4), with the pair
 * options' IPv4 fields (P flag, IPv4-MN-HoA, IPv4-Proxy-CoA), the fallback to the LMA path,
 * the context transfer of a handover (4.1.1) and the inter-LMA cases (A.2.1, section 7).
 */

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/local-routing-domain.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Hops (64 - TTL) of an IPv4 packet between the MNs through the LMA: MAG, LMA, MAG.
constexpr uint32_t LMA_PATH_HOPS = 3;
/// ... through the MAG-MAG tunnel: MAG, MAG.
constexpr uint32_t LOCAL_PATH_HOPS = 2;
/// Offset of the options in the PBU, PBA, LROREQ / LRORSP and LMA RO Start messages.
constexpr size_t OPTIONS_OFFSET = 12;
/// Octets of an MN-CN pair option with the IPv4 fields (Type, Length, 2 + 32 + 8).
constexpr size_t IPV4_PAIR_OPTION_SIZE = 2 + 2 + 32 + 8;

/// One Mobility Header message an agent sent.
struct Sent
{
    Time at;                 ///< when
    std::string from;        ///< sender name
    std::string to;          ///< receiver name
    uint8_t type;            ///< MH type
    std::vector<uint8_t> mh; ///< the message
};

/**
 * \brief Records the Mobility Header messages every agent of a domain sends.
 */
class MhRecorder
{
  public:
    /**
     * \brief Names the agents and connects (once they started) to their Tx traces.
     * \param d the domain
     */
    explicit MhRecorder(Pmipv6LocalRoutingDomain& d)
    {
        Pmipv6TopologyHelper& topo = d.GetTopology();
        for (const auto& lma : d.GetLmaNames())
        {
            m_names[topo.GetLma(lma)->GetAddress()] = lma;
        }
        for (const auto& mag : topo.GetMagNames())
        {
            m_names[topo.GetMag(mag)->GetProxyCoa()] = mag;
        }
        Simulator::Schedule(Seconds(0.5), &MhRecorder::Connect, this, &d);
    }

    /**
     * \brief Connect the traces.
     * \param d the domain
     */
    void Connect(Pmipv6LocalRoutingDomain* d)
    {
        Pmipv6TopologyHelper& topo = d->GetTopology();
        for (const auto& lma : d->GetLmaNames())
        {
            topo.GetLma(lma)->GetMobilityProtocol()->TraceConnectWithoutContext(
                "Tx",
                MakeCallback(&MhRecorder::Tx, this));
        }
        for (const auto& mag : topo.GetMagNames())
        {
            topo.GetMag(mag)->GetMobilityProtocol()->TraceConnectWithoutContext(
                "Tx",
                MakeCallback(&MhRecorder::Tx, this));
        }
    }

    /**
     * \brief Tx trace sink.
     * \param p the message
     * \param src source
     * \param dst destination
     */
    void Tx(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst)
    {
        Sent s;
        s.at = Simulator::Now();
        s.from = Name(src);
        s.to = Name(dst);
        s.mh.resize(p->GetSize());
        p->CopyData(s.mh.data(), s.mh.size());
        s.type = s.mh.size() > 2 ? s.mh[2] : 0;
        m_sent.push_back(s);
    }

    /**
     * \brief The name of an agent address.
     * \param a the address
     * \return its name
     */
    std::string Name(Ipv6Address a) const
    {
        auto it = m_names.find(a);
        if (it != m_names.end())
        {
            return it->second;
        }
        std::ostringstream os;
        os << a;
        return os.str();
    }

    /**
     * \brief The first message of a type from one agent to another.
     * \param from sender
     * \param to receiver
     * \param type MH type
     * \param after sent at or after
     * \return the message (empty when none)
     */
    std::vector<uint8_t> First(const std::string& from,
                               const std::string& to,
                               uint8_t type,
                               Time after = Seconds(0)) const
    {
        for (const auto& s : m_sent)
        {
            if (s.from == from && s.to == to && s.type == type && s.at >= after)
            {
                return s.mh;
            }
        }
        return {};
    }

    std::map<Ipv6Address, std::string> m_names; ///< agent names
    std::vector<Sent> m_sent;                   ///< messages sent
};

/**
 * \brief The MN-CN pair options (type 245) of a Mobility Header message, as octets.
 * \param mh the message
 * \return the options (Type and Length included), in order
 */
std::vector<std::vector<uint8_t>>
PairOptions(const std::vector<uint8_t>& mh)
{
    std::vector<std::vector<uint8_t>> out;
    if (mh.size() < 2)
    {
        return out;
    }
    size_t end = std::min<size_t>(mh.size(), (mh[1] + 1u) * 8u);
    size_t i = OPTIONS_OFFSET;
    while (i + 1 < end)
    {
        if (mh[i] == 0)
        {
            i++;
            continue;
        }
        if (i + 2 + mh[i + 1] > end)
        {
            break;
        }
        if (mh[i] == mip6::OPT_MN_CN_PAIR)
        {
            out.emplace_back(mh.begin() + i, mh.begin() + i + 2 + mh[i + 1]);
        }
        i += 2 + mh[i + 1];
    }
    return out;
}

/**
 * \brief An IPv4 address as 4 octets.
 * \param a the address
 * \return the octets
 */
std::vector<uint8_t>
Octets(Ipv4Address a)
{
    uint8_t b[4];
    a.Serialize(b);
    return std::vector<uint8_t>(b, b + 4);
}

/**
 * \brief Samples of a flow sent in a window, and how many took \p hops.
 * \param samples the samples
 * \param from window start (send time)
 * \param to window end (send time)
 * \param hops the hop count
 * \param total set to the number of samples in the window
 * \return the number with that hop count
 */
uint32_t
CountHops(const std::vector<Pmipv6LocalRoutingDomain::Sample>& samples,
          Time from,
          Time to,
          uint32_t hops,
          uint32_t& total)
{
    uint32_t n = 0;
    total = 0;
    for (const auto& s : samples)
    {
        if (s.sent >= from && s.sent < to)
        {
            total++;
            n += s.hops == hops ? 1 : 0;
        }
    }
    return n;
}

/// Counters at one instant.
struct Snapshot
{
    uint64_t lma{0};    ///< packets the LMAs' tunnels encapsulated or decapsulated
    uint64_t magMag{0}; ///< packets the watched MAG-MAG tunnel carried (both ends, both ways)
};

/**
 * \brief Base of the cases: the domain, its probe flows and the counters.
 */
class Ipv4LocalRoutingCase : public TestCase
{
  public:
    /**
     * \brief A case.
     * \param name its name
     */
    explicit Ipv4LocalRoutingCase(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /// \brief Fixed seed.
    void Seed()
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
    }

    /**
     * \brief Packets the LMAs' tunnels encapsulated and decapsulated (all MAGs).
     * \param d the domain
     * \return the count
     */
    static uint64_t LmaTunnelCount(Pmipv6LocalRoutingDomain& d)
    {
        Pmipv6TopologyHelper& topo = d.GetTopology();
        uint64_t n = 0;
        for (const auto& lma : d.GetLmaNames())
        {
            Ptr<Pmipv6LmaApplication> app = topo.GetLma(lma);
            Ptr<Ipv6TunnelL4Protocol> tunnels = app->GetNode()->GetObject<Ipv6TunnelL4Protocol>();
            for (const auto& mag : topo.GetMagNames())
            {
                Ipv6Address coa = topo.GetMag(mag)->GetProxyCoa();
                n += tunnels->GetEncapsulatedCount(app->GetAddress(), coa) +
                     tunnels->GetDecapsulatedCount(app->GetAddress(), coa);
            }
        }
        return n;
    }

    /**
     * \brief Packets a MAG-MAG tunnel carried, counted at both ends both ways.
     * \param d the domain
     * \param a one MAG
     * \param b the other
     * \return the count
     */
    static uint64_t MagMagCount(Pmipv6LocalRoutingDomain& d,
                                const std::string& a,
                                const std::string& b)
    {
        Pmipv6TopologyHelper& topo = d.GetTopology();
        Ipv6Address ca = topo.GetMag(a)->GetProxyCoa();
        Ipv6Address cb = topo.GetMag(b)->GetProxyCoa();
        Ptr<Ipv6TunnelL4Protocol> ta = topo.GetMag(a)->GetNode()->GetObject<Ipv6TunnelL4Protocol>();
        Ptr<Ipv6TunnelL4Protocol> tb = topo.GetMag(b)->GetNode()->GetObject<Ipv6TunnelL4Protocol>();
        return ta->GetEncapsulatedCount(ca, cb) + ta->GetDecapsulatedCount(ca, cb) +
               tb->GetEncapsulatedCount(cb, ca) + tb->GetDecapsulatedCount(cb, ca);
    }

    /**
     * \brief Take the counters at \p at.
     * \param d the domain
     * \param a one MAG of the watched MAG-MAG tunnel
     * \param b the other
     * \param at when
     * \param out where
     */
    static void TakeAt(Pmipv6LocalRoutingDomain& d,
                       const std::string& a,
                       const std::string& b,
                       Time at,
                       Snapshot* out)
    {
        Simulator::Schedule(at, [&d, a, b, out]() {
            out->lma = LmaTunnelCount(d);
            out->magMag = MagMagCount(d, a, b);
        });
    }

    /// What a case watches of the pair mn1@v4lr / mn2@v4lr between MAG1 and MAG2.
    struct PairWatch
    {
        Snapshot at[4];                              ///< the counters at four times
        Ipv4Address hoa1;                            ///< mn1's IPv4 HoA (at the first check)
        Ipv4Address hoa2;                            ///< mn2's IPv4 HoA (likewise)
        bool routes[4] = {false, false, true, true}; ///< MAG1's and MAG2's routes, twice
    };

    /**
     * \brief Watch the pair: the counters of the MAG1-MAG2 tunnel and of the LMAs at \p times;
     * at \p first the two HoAs and whether MAG1 (mn1 to mn2) and MAG2 (mn2 to mn1) have the
     * IPv4 local route (routes[0], routes[1]); at \p second the routes again (routes[2], [3]).
     * \param d the domain
     * \param times when to take the counters
     * \param first the first route check
     * \param second the second route check
     * \param out where (lives until the run ends)
     */
    static void Watch(Pmipv6LocalRoutingDomain& d,
                      const Time (&times)[4],
                      Time first,
                      Time second,
                      PairWatch* out)
    {
        for (uint32_t i = 0; i < 4; ++i)
        {
            TakeAt(d, "mag1", "mag2", times[i], &out->at[i]);
        }
        Simulator::Schedule(first, [&d, out]() {
            out->hoa1 = d.GetTopology().GetIpv4HomeAddress("mn1@v4lr");
            out->hoa2 = d.GetTopology().GetIpv4HomeAddress("mn2@v4lr");
            out->routes[0] = HasIpv4Route(d, "mag1", out->hoa1, out->hoa2);
            out->routes[1] = HasIpv4Route(d, "mag2", out->hoa2, out->hoa1);
        });
        Simulator::Schedule(second, [&d, out]() {
            out->routes[2] = HasIpv4Route(d, "mag1", out->hoa1, out->hoa2);
            out->routes[3] = HasIpv4Route(d, "mag2", out->hoa2, out->hoa1);
        });
    }

    /**
     * \brief Whether a MAG has the IPv4 local route from one HoA to another.
     * \param d the domain
     * \param mag the MAG
     * \param src the source HoA
     * \param dst the destination HoA
     * \return true when it has
     */
    static bool HasIpv4Route(Pmipv6LocalRoutingDomain& d,
                             const std::string& mag,
                             Ipv4Address src,
                             Ipv4Address dst)
    {
        Ptr<Node> node = d.GetTopology().GetMag(mag)->GetNode();
        return Ipv4HomeAddressRouting::Install(node)->HasLocalRoute(src, dst);
    }

    /**
     * \brief A MAG's IPv4-Proxy-CoA (0.0.0.0 over the IPv6 transport).
     * \param d the domain
     * \param mag the MAG
     * \return the address
     */
    static Ipv4Address Ipv4CoaOf(Pmipv6LocalRoutingDomain& d, const std::string& mag)
    {
        Ptr<Pmipv6Ipv4Transport> t =
            d.GetTopology().GetMag(mag)->GetNode()->GetObject<Pmipv6Ipv4Transport>();
        return t ? t->GetLocalAddress() : Ipv4Address::GetAny();
    }

    /**
     * \brief Check an MN-CN pair option with the IPv4 fields.
     * \param o the option (octets)
     * \param hoa the IPv4-MN-HoA expected
     * \param coa the IPv4-Proxy-CoA expected
     * \param what for messages
     */
    void ExpectIpv4PairOption(const std::vector<uint8_t>& o,
                              Ipv4Address hoa,
                              Ipv4Address coa,
                              const std::string& what)
    {
        NS_TEST_EXPECT_MSG_EQ(o.size(), IPV4_PAIR_OPTION_SIZE, what << ": Length with IPv4");
        if (o.size() != IPV4_PAIR_OPTION_SIZE)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ((o[2] & 0x80), 0x80, what << ": P flag");
        NS_TEST_EXPECT_MSG_EQ((std::vector<uint8_t>(o.begin() + 36, o.begin() + 40) == Octets(hoa)),
                              true,
                              what << ": IPv4 HoA " << hoa);
        NS_TEST_EXPECT_MSG_EQ((std::vector<uint8_t>(o.begin() + 40, o.begin() + 44) == Octets(coa)),
                              true,
                              what << ": IPv4 Proxy CoA " << coa);
    }

    /**
     * \brief Check a window of both flows: every datagram delivered, all by one path.
     * \param d the domain
     * \param flows the two flows
     * \param from window start
     * \param to window end
     * \param hops the path's hops
     * \param expected datagrams per flow
     * \param what for messages
     */
    void ExpectWindow(Pmipv6LocalRoutingDomain& d,
                      const uint32_t flows[2],
                      Time from,
                      Time to,
                      uint32_t hops,
                      uint32_t expected,
                      const std::string& what)
    {
        for (uint32_t k = 0; k < 2; ++k)
        {
            uint32_t total = 0;
            uint32_t n = CountHops(d.GetSamples(flows[k]), from, to, hops, total);
            NS_TEST_EXPECT_MSG_EQ(total, expected, what << ": flow " << k << " delivered");
            NS_TEST_EXPECT_MSG_EQ(n, total, what << ": flow " << k << " took " << hops << " hops");
        }
    }
};

/**
 * \brief Intra-LMA, MAG-initiated (Figure 2) with IPv4-MN-HoAs, over the IPv6 or the IPv4
 * transport: the LRORSP's and the MAG-MAG PBU's pair options carry P, the HoAs and the
 * IPv4-Proxy-CoAs; while the local route holds the pair's IPv4 datagrams all go through the
 * MAG-MAG tunnel (2 hops) and the LMA's tunnels carry none; after MAG1's teardown they go
 * through the LMA again (3 hops). Over the IPv4 transport: the MAG-MAG PBU leaves MAG1 as IPv4
 * / UDP 5436 to MAG2's IPv4-Proxy-CoA, the data as IPv4 protocol 4, and MAG1's link carries
 * only IPv4 frames.
 */
class MagInitiatedTest : public Ipv4LocalRoutingCase
{
  public:
    /**
     * \brief The case.
     * \param ipv4Transport over the IPv4 transport
     */
    explicit MagInitiatedTest(bool ipv4Transport)
        : Ipv4LocalRoutingCase(std::string("intra-LMA, MAG-initiated, IPv4 HoAs over the ") +
                               (ipv4Transport ? "IPv4" : "IPv6") +
                               " transport: MAG-MAG tunnel, pair options, teardown"),
          m_ipv4Transport(ipv4Transport)
    {
    }

  private:
    /**
     * \brief PhyTxBegin of MAG1's link towards the router: classify the frames.
     * \param p the frame (PPP header first)
     */
    void Mag1Tx(Ptr<const Packet> p)
    {
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        if (b.size() < 2 + 20)
        {
            return;
        }
        if (b[0] == 0x00 && b[1] == 0x57)
        {
            m_ipv6Frames++;
            return;
        }
        if (b[0] != 0x00 || b[1] != 0x21)
        {
            return;
        }
        m_ipv4Frames++;
        const uint8_t* ip = b.data() + 2;
        Ipv4Address dst(uint32_t(ip[16]) << 24 | uint32_t(ip[17]) << 16 | uint32_t(ip[18]) << 8 |
                        ip[19]);
        if (dst != m_mag2Coa4)
        {
            return;
        }
        if (ip[9] == mip6::IPV4_PROTO_IPV4)
        {
            m_dataToMag2++;
        }
        // IPv4 / UDP 5436 / IPv6 / MH: a PBU (MH type 5) to MAG2
        size_t ihl = (ip[0] & 0x0f) * 4u;
        size_t mh = 2 + ihl + 8 + 40;
        if (ip[9] == 17 && b.size() > mh + 2 && ((ip[ihl + 2] << 8) | ip[ihl + 3]) == 5436 &&
            b[2 + ihl + 8 + 6] == mip6::MOBILITY_HEADER_PROTOCOL &&
            b[mh + 2] == mip6::MH_BINDING_UPDATE)
        {
            m_pbusToMag2++;
        }
    }

    void DoRun() override
    {
        Seed();
        Pmipv6LocalRoutingDomain d(3,
                                   MilliSeconds(10),
                                   MilliSeconds(2),
                                   1,
                                   "dual",
                                   m_ipv4Transport ? "v4" : "v6");
        // the API starts the pair: no IPv6 traffic
        for (const auto& mag : d.GetTopology().GetMagNames())
        {
            d.GetMagExtension(mag)->SetAttribute("EnableDetectLocalRouting", BooleanValue(false));
        }
        MhRecorder rec(d);
        Pmipv6TopologyHelper& topo = d.GetTopology();
        d.AddMobileNode("mn1@v4lr", "mag1", Seconds(1));
        d.AddMobileNode("mn2@v4lr", "mag2", Seconds(1));
        uint32_t flows[2] = {
            d.AddIpv4Flow("mn1@v4lr", "mn2@v4lr", Seconds(2), Seconds(7), MilliSeconds(50)),
            d.AddIpv4Flow("mn2@v4lr", "mn1@v4lr", Seconds(2), Seconds(7), MilliSeconds(50))};
        m_mag2Coa4 = Ipv4CoaOf(d, "mag2");
        Ptr<Node> mag1 = topo.GetMag("mag1")->GetNode();
        for (uint32_t i = 0; i < mag1->GetNDevices(); ++i)
        {
            if (DynamicCast<PointToPointNetDevice>(mag1->GetDevice(i)))
            {
                mag1->GetDevice(i)->TraceConnectWithoutContext(
                    "PhyTxBegin",
                    MakeCallback(&MagInitiatedTest::Mag1Tx, this));
            }
        }
        bool requested = false;
        bool torn = false;
        Simulator::Schedule(Seconds(3), [&]() {
            requested =
                d.GetMagExtension("mag1")->RequestLocalRouting(topo.GetHomeAddress("mn1@v4lr"),
                                                               topo.GetHomeAddress("mn2@v4lr"));
        });
        Simulator::Schedule(Seconds(5), [&]() {
            torn = d.GetMagExtension("mag1")->TearDown(topo.GetHomeAddress("mn1@v4lr"),
                                                       topo.GetHomeAddress("mn2@v4lr"));
        });
        const Time times[4] = {Seconds(3.525), Seconds(4.925), Seconds(5.525), Seconds(6.925)};
        PairWatch watch;
        Watch(d, times, Seconds(4), Seconds(6), &watch);
        auto& at = watch.at;
        auto& hoa1 = watch.hoa1;
        auto& hoa2 = watch.hoa2;
        auto& routes = watch.routes;
        uint32_t ipv4FramesLocal[2] = {0, 0};
        uint32_t ipv6FramesLocal[2] = {0, 0};
        Simulator::Schedule(times[0], [&]() {
            ipv4FramesLocal[0] = m_ipv4Frames;
            ipv6FramesLocal[0] = m_ipv6Frames;
        });
        Simulator::Schedule(times[1], [&]() {
            ipv4FramesLocal[1] = m_ipv4Frames;
            ipv6FramesLocal[1] = m_ipv6Frames;
        });
        Simulator::Stop(Seconds(7.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(requested, true, "MAG1 requested local routing");
        NS_TEST_EXPECT_MSG_EQ(torn, true, "MAG1 tore it down");
        NS_TEST_EXPECT_MSG_EQ(hoa1.IsAny(), false, "MN1 has an IPv4 home address");
        NS_TEST_EXPECT_MSG_EQ(hoa2.IsAny(), false, "MN2 has an IPv4 home address");
        Ipv4Address coa1 = Ipv4CoaOf(d, "mag1");
        Ipv4Address coa2 = Ipv4CoaOf(d, "mag2");
        NS_TEST_EXPECT_MSG_EQ(coa1.IsAny(), !m_ipv4Transport, "MAG1's IPv4-Proxy-CoA");
        // the LRORSP: MN1 (at MAG1), then MN2 (at MAG2), each with P, HoA, IPv4-Proxy-CoA
        std::vector<std::vector<uint8_t>> rsp =
            PairOptions(rec.First("lma", "mag1", mip6::MH_LOCAL_ROUTING_OPTIMIZATION));
        NS_TEST_EXPECT_MSG_EQ(rsp.size(), 2u, "two MN-CN pair options in the LRORSP");
        if (rsp.size() == 2)
        {
            ExpectIpv4PairOption(rsp[0], hoa1, coa1, "LRORSP, MN1");
            ExpectIpv4PairOption(rsp[1], hoa2, coa2, "LRORSP, MN2");
        }
        // the MAG-MAG PBUs: the target first, then the sender's MN
        std::vector<std::vector<uint8_t>> pbu =
            PairOptions(rec.First("mag1", "mag2", mip6::MH_BINDING_UPDATE));
        NS_TEST_EXPECT_MSG_EQ(pbu.size(), 2u, "two MN-CN pair options in MAG1's PBU");
        if (pbu.size() == 2)
        {
            ExpectIpv4PairOption(pbu[0], hoa2, coa2, "MAG1's PBU, the target MN2");
            ExpectIpv4PairOption(pbu[1], hoa1, coa1, "MAG1's PBU, its MN1");
        }
        pbu = PairOptions(rec.First("mag2", "mag1", mip6::MH_BINDING_UPDATE));
        NS_TEST_EXPECT_MSG_EQ(pbu.size(), 2u, "two MN-CN pair options in MAG2's PBU");
        if (pbu.size() == 2)
        {
            ExpectIpv4PairOption(pbu[0], hoa1, coa1, "MAG2's PBU, the target MN1");
            ExpectIpv4PairOption(pbu[1], hoa2, coa2, "MAG2's PBU, its MN2");
        }
        NS_TEST_EXPECT_MSG_EQ(routes[0], true, "MAG1: IPv4 local route MN1 -> MN2");
        NS_TEST_EXPECT_MSG_EQ(routes[1], true, "MAG2: IPv4 local route MN2 -> MN1");
        NS_TEST_EXPECT_MSG_EQ(routes[2], false, "MAG1: no IPv4 local route after the teardown");
        NS_TEST_EXPECT_MSG_EQ(routes[3], false, "MAG2: none either");
        // before: through the LMA
        ExpectWindow(d, flows, Seconds(2), Seconds(2.9), LMA_PATH_HOPS, 18, "before");
        // local: 28 datagrams each way, none by the LMA, all by the MAG-MAG tunnel
        ExpectWindow(d, flows, times[0], times[1], LOCAL_PATH_HOPS, 28, "local");
        NS_TEST_EXPECT_MSG_EQ(at[1].lma - at[0].lma, 0u, "local: the LMA's tunnels carry none");
        NS_TEST_EXPECT_MSG_EQ(at[1].magMag - at[0].magMag,
                              4u * 28,
                              "local: MAG-MAG tunnel, each datagram encapsulated and "
                              "decapsulated once");
        // after the teardown: through the LMA again
        ExpectWindow(d, flows, times[2], times[3], LMA_PATH_HOPS, 28, "after the teardown");
        NS_TEST_EXPECT_MSG_EQ(at[3].lma - at[2].lma,
                              4u * 28,
                              "after the teardown: MAG1 -> LMA -> MAG2 and back");
        NS_TEST_EXPECT_MSG_EQ(at[3].magMag - at[2].magMag, 0u, "after: MAG-MAG tunnel idle");
        if (m_ipv4Transport)
        {
            NS_TEST_EXPECT_MSG_GT(m_pbusToMag2, 0u, "MAG1's PBU to MAG2 in IPv4 / UDP 5436");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(m_dataToMag2,
                                        28u,
                                        "MN1's datagrams in IPv4 protocol 4 to MAG2");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(ipv4FramesLocal[1] - ipv4FramesLocal[0],
                                        28u,
                                        "local: IPv4 frames on MAG1's link");
            NS_TEST_EXPECT_MSG_EQ(ipv6FramesLocal[1] - ipv6FramesLocal[0],
                                  0u,
                                  "local: no IPv6 frame on MAG1's link");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(m_pbusToMag2, 0u, "no IPv4 signalling over the IPv6 transport");
        }
        Simulator::Destroy();
    }

    bool m_ipv4Transport;     ///< over the IPv4 transport
    Ipv4Address m_mag2Coa4;   ///< MAG2's IPv4-Proxy-CoA
    uint32_t m_ipv4Frames{0}; ///< IPv4 frames MAG1 sent towards the router
    uint32_t m_ipv6Frames{0}; ///< IPv6 frames
    uint32_t m_dataToMag2{0}; ///< IPv4 protocol 4 to MAG2
    uint32_t m_pbusToMag2{0}; ///< IPv4 / UDP 5436 PBUs to MAG2
};

/**
 * \brief Intra-LMA, LMA-initiated (Figure 4) with IPv4-MN-HoAs: the LROREQs' pair options
 * carry the HoAs, the MAGs route the pair's IPv4 datagrams MAG-MAG; an LROREQ with lifetime 0
 * (StopLocalRouting) sends them through the LMA again.
 */
class LmaInitiatedTest : public Ipv4LocalRoutingCase
{
  public:
    LmaInitiatedTest()
        : Ipv4LocalRoutingCase("intra-LMA, LMA-initiated, IPv4 HoAs: MAG-MAG tunnel, LROREQ "
                               "lifetime 0 falls back")
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        Pmipv6LocalRoutingDomain d(3, MilliSeconds(10), MilliSeconds(2), 1, "dual");
        for (const auto& mag : d.GetTopology().GetMagNames())
        {
            d.GetMagExtension(mag)->SetAttribute("EnableDetectLocalRouting", BooleanValue(false));
        }
        MhRecorder rec(d);
        Pmipv6TopologyHelper& topo = d.GetTopology();
        d.AddMobileNode("mn1@v4lr", "mag1", Seconds(1));
        d.AddMobileNode("mn2@v4lr", "mag2", Seconds(1));
        uint32_t flows[2] = {
            d.AddIpv4Flow("mn1@v4lr", "mn2@v4lr", Seconds(2), Seconds(7), MilliSeconds(50)),
            d.AddIpv4Flow("mn2@v4lr", "mn1@v4lr", Seconds(2), Seconds(7), MilliSeconds(50))};
        bool started = false;
        bool stopped = false;
        Simulator::Schedule(Seconds(3), [&]() {
            started = d.GetLmaExtension()->StartLocalRouting(topo.GetHomeAddress("mn1@v4lr"),
                                                             topo.GetHomeAddress("mn2@v4lr"));
        });
        Simulator::Schedule(Seconds(5), [&]() {
            stopped = d.GetLmaExtension()->StopLocalRouting(topo.GetHomeAddress("mn1@v4lr"),
                                                            topo.GetHomeAddress("mn2@v4lr"));
        });
        const Time times[4] = {Seconds(3.525), Seconds(4.925), Seconds(5.525), Seconds(6.925)};
        PairWatch watch;
        Watch(d, times, Seconds(4), Seconds(6), &watch);
        auto& at = watch.at;
        auto& hoa1 = watch.hoa1;
        auto& hoa2 = watch.hoa2;
        auto& routes = watch.routes;
        Simulator::Stop(Seconds(7.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(started, true, "the LMA started local routing");
        NS_TEST_EXPECT_MSG_EQ(stopped, true, "the LMA stopped it");
        // each MAG's LROREQ: its own MN first
        std::vector<std::vector<uint8_t>> req =
            PairOptions(rec.First("lma", "mag2", mip6::MH_LOCAL_ROUTING_OPTIMIZATION));
        NS_TEST_EXPECT_MSG_EQ(req.size(), 2u, "two MN-CN pair options in the LROREQ to MAG2");
        if (req.size() == 2)
        {
            ExpectIpv4PairOption(req[0], hoa2, Ipv4Address::GetAny(), "LROREQ to MAG2, MN2");
            ExpectIpv4PairOption(req[1], hoa1, Ipv4Address::GetAny(), "LROREQ to MAG2, MN1");
        }
        NS_TEST_EXPECT_MSG_EQ(routes[0], true, "MAG1: IPv4 local route MN1 -> MN2");
        NS_TEST_EXPECT_MSG_EQ(routes[1], true, "MAG2: IPv4 local route MN2 -> MN1");
        NS_TEST_EXPECT_MSG_EQ(routes[2], false, "MAG1: removed by the LROREQ with lifetime 0");
        NS_TEST_EXPECT_MSG_EQ(routes[3], false, "MAG2: removed too");
        ExpectWindow(d, flows, times[0], times[1], LOCAL_PATH_HOPS, 28, "local");
        NS_TEST_EXPECT_MSG_EQ(at[1].lma - at[0].lma, 0u, "local: the LMA's tunnels carry none");
        NS_TEST_EXPECT_MSG_EQ(at[1].magMag - at[0].magMag, 4u * 28, "local: MAG-MAG tunnel");
        ExpectWindow(d, flows, times[2], times[3], LMA_PATH_HOPS, 28, "after the stop");
        NS_TEST_EXPECT_MSG_EQ(at[3].lma - at[2].lma, 4u * 28, "after the stop: via the LMA");
        NS_TEST_EXPECT_MSG_EQ(at[3].magMag - at[2].magMag, 0u, "after: MAG-MAG tunnel idle");
        Simulator::Destroy();
    }
};

/**
 * \brief The IPv4 routes follow the MAG-MAG binding's life: with a local routing lifetime of
 * 8 s and MAG-MAG bindings of 4 s (PeerBindingLifetime) the bindings are refreshed and the
 * IPv4 routes stay; when the last bindings end (the lifetime, the last refresh rounded up to
 * the PBU's 4 s units) both MAGs remove them and the datagrams go through the LMA again.
 */
class RefreshExpiryTest : public Ipv4LocalRoutingCase
{
  public:
    RefreshExpiryTest()
        : Ipv4LocalRoutingCase("IPv4 local routes kept over MAG-MAG refreshes, removed at the "
                               "end of the local routing lifetime")
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        Pmipv6LocalRoutingDomain d(3, MilliSeconds(10), MilliSeconds(2), 1, "dual");
        for (const auto& mag : d.GetTopology().GetMagNames())
        {
            Ptr<MagLocalRoutingExtension> ext = d.GetMagExtension(mag);
            ext->SetAttribute("EnableDetectLocalRouting", BooleanValue(false));
            ext->SetAttribute("Lifetime", TimeValue(Seconds(8)));
            ext->SetAttribute("PeerBindingLifetime", TimeValue(Seconds(4)));
        }
        Pmipv6TopologyHelper& topo = d.GetTopology();
        d.AddMobileNode("mn1@v4lr", "mag1", Seconds(1));
        d.AddMobileNode("mn2@v4lr", "mag2", Seconds(1));
        uint32_t flows[2] = {
            d.AddIpv4Flow("mn1@v4lr", "mn2@v4lr", Seconds(2), Seconds(16), MilliSeconds(50)),
            d.AddIpv4Flow("mn2@v4lr", "mn1@v4lr", Seconds(2), Seconds(16), MilliSeconds(50))};
        Simulator::Schedule(Seconds(3), [&]() {
            d.GetMagExtension("mag1")->RequestLocalRouting(topo.GetHomeAddress("mn1@v4lr"),
                                                           topo.GetHomeAddress("mn2@v4lr"));
        });
        const Time times[4] = {Seconds(3.525), Seconds(9.025), Seconds(14.525), Seconds(15.925)};
        PairWatch watch;
        Watch(d, times, Seconds(9), Seconds(14.5), &watch);
        auto& at = watch.at;
        auto& routes = watch.routes;
        Simulator::Stop(Seconds(16.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_GT(d.GetMagExtension("mag1")->GetPeerRefreshCount() +
                                  d.GetMagExtension("mag2")->GetPeerRefreshCount(),
                              0u,
                              "MAG-MAG bindings refreshed");
        NS_TEST_EXPECT_MSG_EQ(routes[0], true, "MAG1: IPv4 route after the refreshes");
        NS_TEST_EXPECT_MSG_EQ(routes[1], true, "MAG2: IPv4 route after the refreshes");
        NS_TEST_EXPECT_MSG_EQ(routes[2], false, "MAG1: removed at the end of the lifetime");
        NS_TEST_EXPECT_MSG_EQ(routes[3], false, "MAG2: removed too");
        ExpectWindow(d, flows, times[0], times[1], LOCAL_PATH_HOPS, 110, "local, refreshed");
        NS_TEST_EXPECT_MSG_EQ(at[1].lma - at[0].lma, 0u, "local: the LMA's tunnels carry none");
        ExpectWindow(d, flows, times[2], times[3], LMA_PATH_HOPS, 28, "after the lifetime");
        NS_TEST_EXPECT_MSG_EQ(at[3].lma - at[2].lma, 4u * 28, "after the lifetime: via the LMA");
        NS_TEST_EXPECT_MSG_EQ(at[3].magMag - at[2].magMag, 0u, "after: MAG-MAG tunnel idle");
        Simulator::Destroy();
    }
};

/**
 * \brief MAG-initiated handover with context transfer (4.1.1): MN1 moves from MAG1 to MAG3
 * during the optimised session; the registration PBA to MAG3 carries the pair options with the
 * IPv4 fields, MAG3 and MAG2 route the pair's IPv4 datagrams through their tunnel, MAG1 has no
 * route left, the LMA's tunnels carry none of them after the move.
 */
class HandoverTest : public Ipv4LocalRoutingCase
{
  public:
    /**
     * \brief The case.
     * \param ipv4Transport over the IPv4 transport
     */
    explicit HandoverTest(bool ipv4Transport)
        : Ipv4LocalRoutingCase(std::string("MAG-initiated handover with context transfer, "
                                           "IPv4 HoAs, over the ") +
                               (ipv4Transport ? "IPv4" : "IPv6") + " transport"),
          m_ipv4Transport(ipv4Transport)
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        Pmipv6LocalRoutingDomain d(3,
                                   MilliSeconds(10),
                                   MilliSeconds(2),
                                   1,
                                   "dual",
                                   m_ipv4Transport ? "v4" : "v6");
        for (const auto& mag : d.GetTopology().GetMagNames())
        {
            d.GetMagExtension(mag)->SetAttribute("EnableDetectLocalRouting", BooleanValue(false));
        }
        MhRecorder rec(d);
        Pmipv6TopologyHelper& topo = d.GetTopology();
        d.AddMobileNode("mn1@v4lr", "mag1", Seconds(1));
        d.AddMobileNode("mn2@v4lr", "mag2", Seconds(1));
        uint32_t flows[2] = {
            d.AddIpv4Flow("mn1@v4lr", "mn2@v4lr", Seconds(2), Seconds(7), MilliSeconds(50)),
            d.AddIpv4Flow("mn2@v4lr", "mn1@v4lr", Seconds(2), Seconds(7), MilliSeconds(50))};
        Simulator::Schedule(Seconds(3), [&]() {
            d.GetMagExtension("mag1")->RequestLocalRouting(topo.GetHomeAddress("mn1@v4lr"),
                                                           topo.GetHomeAddress("mn2@v4lr"));
        });
        topo.ScheduleMove("mn1@v4lr", "mag3", Seconds(5), MilliSeconds(50));
        Snapshot at[4];
        const Time times[4] = {Seconds(3.525), Seconds(4.925), Seconds(5.525), Seconds(6.925)};
        TakeAt(d, "mag1", "mag2", times[0], &at[0]);
        TakeAt(d, "mag1", "mag2", times[1], &at[1]);
        TakeAt(d, "mag3", "mag2", times[2], &at[2]);
        TakeAt(d, "mag3", "mag2", times[3], &at[3]);
        Ipv4Address hoa1;
        Ipv4Address hoa2;
        bool routes[4] = {false, false, true, false};
        Simulator::Schedule(Seconds(4), [&]() {
            hoa1 = topo.GetIpv4HomeAddress("mn1@v4lr");
            hoa2 = topo.GetIpv4HomeAddress("mn2@v4lr");
            routes[0] = HasIpv4Route(d, "mag1", hoa1, hoa2);
        });
        Simulator::Schedule(Seconds(6), [&]() {
            routes[1] = HasIpv4Route(d, "mag3", hoa1, hoa2);
            routes[2] = HasIpv4Route(d, "mag1", hoa1, hoa2);
            routes[3] = HasIpv4Route(d, "mag2", hoa2, hoa1);
        });
        Simulator::Stop(Seconds(7.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(routes[0], true, "MAG1: IPv4 local route before the move");
        NS_TEST_EXPECT_MSG_EQ(routes[1], true, "MAG3: IPv4 local route after the move");
        NS_TEST_EXPECT_MSG_EQ(routes[2], false, "MAG1: none after the move");
        NS_TEST_EXPECT_MSG_EQ(routes[3], true, "MAG2: IPv4 local route towards MAG3");
        NS_TEST_EXPECT_MSG_EQ(d.GetMagExtension("mag3")->GetContextPairCount(),
                              1u,
                              "MAG3 took the pair over from the PBA");
        // the registration PBA to MAG3: MN1 at MAG3, then MN2 at MAG2, with the IPv4 fields
        std::vector<std::vector<uint8_t>> pba =
            PairOptions(rec.First("lma", "mag3", mip6::MH_BINDING_ACK, Seconds(5)));
        NS_TEST_EXPECT_MSG_EQ(pba.size(), 2u, "two MN-CN pair options in the PBA to MAG3");
        if (pba.size() == 2)
        {
            ExpectIpv4PairOption(pba[0], hoa1, Ipv4CoaOf(d, "mag3"), "PBA to MAG3, MN1");
            ExpectIpv4PairOption(pba[1], hoa2, Ipv4CoaOf(d, "mag2"), "PBA to MAG3, MN2");
        }
        ExpectWindow(d, flows, times[0], times[1], LOCAL_PATH_HOPS, 28, "before the move");
        NS_TEST_EXPECT_MSG_EQ(at[1].lma - at[0].lma, 0u, "before the move: not via the LMA");
        ExpectWindow(d, flows, times[2], times[3], LOCAL_PATH_HOPS, 28, "after the move");
        NS_TEST_EXPECT_MSG_EQ(at[3].lma - at[2].lma, 0u, "after the move: not via the LMA");
        NS_TEST_EXPECT_MSG_EQ(at[3].magMag - at[2].magMag,
                              4u * 28,
                              "after the move: the MAG3-MAG2 tunnel");
        Simulator::Destroy();
    }

    bool m_ipv4Transport; ///< over the IPv4 transport
};

/**
 * \brief Inter-LMA with IPv4 HoAs: LMA-initiated (A.2, A.2.1: the LMA RO Start messages carry
 * the HoAs in their pair options and stay IPv6), or MAG-initiated (section 7, Figure 6); the
 * MAGs route the pair's IPv4 datagrams MAG-MAG, neither LMA carries them.
 */
class InterLmaTest : public Ipv4LocalRoutingCase
{
  public:
    /**
     * \brief The case.
     * \param lmaInitiated A.2 (else Figure 6)
     */
    explicit InterLmaTest(bool lmaInitiated)
        : Ipv4LocalRoutingCase(std::string("inter-LMA, ") +
                               (lmaInitiated ? "LMA-initiated (A.2.1)" : "MAG-initiated (7)") +
                               ", IPv4 HoAs: pair options, MAG-MAG tunnel"),
          m_lmaInitiated(lmaInitiated)
    {
    }

  private:
    void DoRun() override
    {
        Seed();
        Pmipv6LocalRoutingDomain d(3, MilliSeconds(10), MilliSeconds(2), 2, "dual");
        for (const auto& mag : d.GetTopology().GetMagNames())
        {
            d.GetMagExtension(mag)->SetAttribute("EnableDetectLocalRouting", BooleanValue(false));
        }
        MhRecorder rec(d);
        Pmipv6TopologyHelper& topo = d.GetTopology();
        d.AddMobileNode("mn1@v4lr", "mag1", Seconds(1));
        d.AddMobileNode("mn2@v4lr", "mag2", Seconds(1));
        uint32_t flows[2] = {
            d.AddIpv4Flow("mn1@v4lr", "mn2@v4lr", Seconds(2), Seconds(5), MilliSeconds(50)),
            d.AddIpv4Flow("mn2@v4lr", "mn1@v4lr", Seconds(2), Seconds(5), MilliSeconds(50))};
        bool started = false;
        Simulator::Schedule(Seconds(3), [&]() {
            Ipv6Address a = topo.GetHomeAddress("mn1@v4lr");
            Ipv6Address b = topo.GetHomeAddress("mn2@v4lr");
            started = m_lmaInitiated ? d.GetLmaExtension("lma1")->StartLocalRouting(a, b)
                                     : d.GetMagExtension("mag1")->RequestLocalRouting(a, b);
        });
        Snapshot at[2];
        const Time times[2] = {Seconds(3.525), Seconds(4.925)};
        TakeAt(d, "mag1", "mag2", times[0], &at[0]);
        TakeAt(d, "mag1", "mag2", times[1], &at[1]);
        Ipv4Address hoa1;
        Ipv4Address hoa2;
        bool routes[2] = {false, false};
        Simulator::Schedule(Seconds(4), [&]() {
            hoa1 = topo.GetIpv4HomeAddress("mn1@v4lr");
            hoa2 = topo.GetIpv4HomeAddress("mn2@v4lr");
            routes[0] = HasIpv4Route(d, "mag1", hoa1, hoa2);
            routes[1] = HasIpv4Route(d, "mag2", hoa2, hoa1);
        });
        Simulator::Stop(Seconds(5.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(started, true, "started");
        NS_TEST_EXPECT_MSG_NE(hoa1, hoa2, "two HoAs (of two LMAs' pools)");
        const Ipv4Address none = Ipv4Address::GetAny();
        if (m_lmaInitiated)
        {
            std::vector<std::vector<uint8_t>> o =
                PairOptions(rec.First("lma1", "lma2", mip6::MH_LMA_RO_START_REQUEST));
            NS_TEST_EXPECT_MSG_EQ(o.size(), 2u, "LMA RO Start Request: two pair options");
            if (o.size() == 2)
            {
                ExpectIpv4PairOption(o[0], hoa1, none, "LMA RO Start Request, MN1");
            }
            o = PairOptions(rec.First("lma2", "lma1", mip6::MH_LMA_RO_START_RESPONSE));
            NS_TEST_EXPECT_MSG_EQ(o.size(), 2u, "LMA RO Start Response: two pair options");
            if (o.size() == 2)
            {
                ExpectIpv4PairOption(o[0], hoa1, none, "LMA RO Start Response, MN1");
                ExpectIpv4PairOption(o[1], hoa2, none, "LMA RO Start Response, MN2");
            }
            o = PairOptions(rec.First("lma1", "mag1", mip6::MH_LOCAL_ROUTING_OPTIMIZATION));
            NS_TEST_EXPECT_MSG_EQ(o.size(), 2u, "LROREQ to MAG1: two pair options");
            if (o.size() == 2)
            {
                ExpectIpv4PairOption(o[0], hoa1, none, "LROREQ to MAG1, MN1");
                ExpectIpv4PairOption(o[1], hoa2, none, "LROREQ to MAG1, MN2 (from LMA2)");
            }
            o = PairOptions(rec.First("lma2", "mag2", mip6::MH_LOCAL_ROUTING_OPTIMIZATION));
            NS_TEST_EXPECT_MSG_EQ(o.size(), 2u, "LROREQ to MAG2: two pair options");
            if (o.size() == 2)
            {
                ExpectIpv4PairOption(o[0], hoa2, none, "LROREQ to MAG2, MN2");
                ExpectIpv4PairOption(o[1], hoa1, none, "LROREQ to MAG2, MN1 (from LMA1)");
            }
        }
        else
        {
            // "LRORSP(CN, MAG2)" from LMA2
            std::vector<std::vector<uint8_t>> o =
                PairOptions(rec.First("lma2", "mag1", mip6::MH_LOCAL_ROUTING_OPTIMIZATION));
            NS_TEST_EXPECT_MSG_EQ(o.size(), 2u, "LMA2's LRORSP: two pair options");
            if (o.size() == 2)
            {
                ExpectIpv4PairOption(o[0], hoa1, none, "LMA2's LRORSP, MN1 (from MAG1)");
                ExpectIpv4PairOption(o[1], hoa2, none, "LMA2's LRORSP, MN2");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(routes[0], true, "MAG1: IPv4 local route MN1 -> MN2");
        NS_TEST_EXPECT_MSG_EQ(routes[1], true, "MAG2: IPv4 local route MN2 -> MN1");
        ExpectWindow(d, flows, times[0], times[1], LOCAL_PATH_HOPS, 28, "local");
        NS_TEST_EXPECT_MSG_EQ(at[1].lma - at[0].lma, 0u, "local: neither LMA's tunnels");
        NS_TEST_EXPECT_MSG_EQ(at[1].magMag - at[0].magMag, 4u * 28, "local: MAG-MAG tunnel");
        Simulator::Destroy();
    }

    bool m_lmaInitiated; ///< A.2 (else Figure 6)
};

/**
 * \brief tshark decodes the MAG-MAG signalling over the IPv4 transport (IPv4 / UDP 5436 /
 * IPv6 / MH, with the draft's options as unknown ones) without a malformed packet.
 */
class TsharkTest : public Ipv4LocalRoutingCase
{
  public:
    TsharkTest()
        : Ipv4LocalRoutingCase("tshark decodes the MAG-MAG PBU and PBA over IPv4 without "
                               "malformed packets")
    {
    }

  private:
    /**
     * \brief Run a command, return its standard output.
     * \param command the command
     * \param ok set to whether it exited with 0
     * \return the output
     */
    static std::string Run(const std::string& command, bool& ok)
    {
        std::string out;
        FILE* pipe = popen(command.c_str(), "r");
        if (!pipe)
        {
            ok = false;
            return out;
        }
        char buffer[4096];
        size_t n;
        while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0)
        {
            out.append(buffer, n);
        }
        ok = pclose(pipe) == 0;
        return out;
    }

    /**
     * \brief Quote for the shell.
     * \param s the text
     * \return it in single quotes
     */
    static std::string Quote(const std::string& s)
    {
        std::string q = "'";
        for (char c : s)
        {
            q += c == '\'' ? std::string("'\\''") : std::string(1, c);
        }
        return q + "'";
    }

    void DoRun() override
    {
        bool ok = false;
        std::string tshark = Run("command -v tshark 2>/dev/null", ok);
        while (!tshark.empty() && (tshark.back() == '\n' || tshark.back() == '\r'))
        {
            tshark.pop_back();
        }
        NS_TEST_ASSERT_MSG_EQ(tshark.empty(),
                              false,
                              "tshark not found: install it (apt-get install tshark)");
        Seed();
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
        std::string prefix = CreateTempDirFilename("v4lr");
        std::string file;
        Ipv4Address coa1;
        Ipv4Address coa2;
        {
            Pmipv6LocalRoutingDomain d(3, MilliSeconds(10), MilliSeconds(2), 1, "dual", "v4");
            for (const auto& mag : d.GetTopology().GetMagNames())
            {
                d.GetMagExtension(mag)->SetAttribute("EnableDetectLocalRouting",
                                                     BooleanValue(false));
            }
            Pmipv6TopologyHelper& topo = d.GetTopology();
            topo.EnablePcap(prefix);
            d.AddMobileNode("mn1@v4lr", "mag1", Seconds(1));
            d.AddMobileNode("mn2@v4lr", "mag2", Seconds(1));
            d.AddIpv4Flow("mn1@v4lr", "mn2@v4lr", Seconds(2), Seconds(4), MilliSeconds(100));
            Simulator::Schedule(Seconds(3), [&]() {
                d.GetMagExtension("mag1")->RequestLocalRouting(topo.GetHomeAddress("mn1@v4lr"),
                                                               topo.GetHomeAddress("mn2@v4lr"));
            });
            Ptr<Node> mag1 = topo.GetMag("mag1")->GetNode();
            for (uint32_t i = 0; i < mag1->GetNDevices(); ++i)
            {
                if (DynamicCast<PointToPointNetDevice>(mag1->GetDevice(i)))
                {
                    file = prefix + "-" + std::to_string(mag1->GetId()) + "-" + std::to_string(i) +
                           ".pcap";
                }
            }
            coa1 = Ipv4CoaOf(d, "mag1");
            coa2 = Ipv4CoaOf(d, "mag2");
            Simulator::Stop(Seconds(4.5));
            Simulator::Run();
            Simulator::Destroy();
        }
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(false));
        std::ostringstream dst;
        dst << coa2;
        std::string command = "HOME=" + Quote(CreateTempDirFilename("home")) + " " + Quote(tshark) +
                              " -n -r " + Quote(file) +
                              " -d udp.port==5436,ipv6 -o ip.check_checksum:TRUE"
                              " -o udp.check_checksum:TRUE -Y " +
                              Quote("ip.dst==" + dst.str() + " && udp.port==5436") + " -V 2>&1";
        std::string out = Run(command, ok);
        NS_TEST_ASSERT_MSG_EQ(ok, true, "tshark ran on " << file << ":\n" << out);
        for (const char* word : {"Malformed",
                                 "Exception",
                                 "[Expert Info (Warning",
                                 "[Expert Info (Error",
                                 "incorrect"})
        {
            NS_TEST_EXPECT_MSG_EQ(out.find(word),
                                  std::string::npos,
                                  file << ": tshark shows '" << word << "'");
        }
        uint32_t pbus = 0;
        uint32_t pbas = 0;
        for (size_t at = out.find("Mobility Header Type: Binding Update (5)");
             at != std::string::npos;
             at = out.find("Mobility Header Type: Binding Update (5)", at + 1))
        {
            ++pbus;
        }
        for (size_t at = out.find("Mobility Header Type: Binding Acknowledgement (6)");
             at != std::string::npos;
             at = out.find("Mobility Header Type: Binding Acknowledgement (6)", at + 1))
        {
            ++pbas;
        }
        NS_TEST_EXPECT_MSG_GT(pbus, 0u, "MAG1's PBU to MAG2 decoded inside IPv4 / UDP 5436");
        NS_TEST_EXPECT_MSG_GT(pbas, 0u, "MAG1's PBA to MAG2 decoded inside IPv4 / UDP 5436");
        // MAG1's PBU names both MNs: two MN-CN pair options (245, unknown to Wireshark)
        NS_TEST_EXPECT_MSG_NE(out.find("Mobility Option: Unknown (245)"),
                              std::string::npos,
                              "the MN-CN pair options walked over");
        // the data: MN1's IPv4 datagrams in IPv4 protocol 4 from MAG1 to MAG2
        std::ostringstream src;
        src << coa1;
        command = "HOME=" + Quote(CreateTempDirFilename("home")) + " " + Quote(tshark) + " -n -r " +
                  Quote(file) + " -Y " +
                  Quote("ip.src==" + src.str() + " && ip.dst==" + dst.str() + " && ip.proto==4") +
                  " -T fields -e frame.number 2>/dev/null";
        out = Run(command, ok);
        NS_TEST_EXPECT_MSG_EQ(ok, true, "tshark ran:\n" << out);
        uint32_t data = 0;
        for (char c : out)
        {
            data += c == '\n' ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_GT(data, 5u, "IPv4-in-IPv4 datagrams MAG1 -> MAG2 in the capture");
    }
};

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief Local routing between MAGs with IPv4-MN-HoAs (draft 004 section 6, A.2.1).
 */
class Ipv4LocalRoutingTestSuite : public TestSuite
{
  public:
    Ipv4LocalRoutingTestSuite()
        : TestSuite("pmipv6-ipv4-local-routing", UNIT)
    {
        AddTestCase(new MagInitiatedTest(false), TestCase::QUICK);
        AddTestCase(new MagInitiatedTest(true), TestCase::QUICK);
        AddTestCase(new LmaInitiatedTest, TestCase::QUICK);
        AddTestCase(new RefreshExpiryTest, TestCase::QUICK);
        AddTestCase(new HandoverTest(false), TestCase::QUICK);
        AddTestCase(new HandoverTest(true), TestCase::QUICK);
        AddTestCase(new InterLmaTest(true), TestCase::QUICK);
        AddTestCase(new InterLmaTest(false), TestCase::QUICK);
        AddTestCase(new TsharkTest, TestCase::QUICK);
    }
};

/// The suite's instance.
static Ipv4LocalRoutingTestSuite g_ipv4LocalRoutingTestSuite;
