/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief PMIPv6 over an IPv4-only MAG-LMA network (RFC 5844 4): the domain of
 * Pmipv6DualAccessDomain with ipv4Transport (MAG-LMA links 10.0.k.0/24, no IPv6 on them),
 * every frame on those links read as octets.
 *
 * - the PBU and PBA on the wire: IPv4 / UDP 5436 / IPv6 (IPv4-mapped Proxy-CoA and LMAA) /
 *   Mobility Header, the IPv4 Care-of Address option, the MH checksum over the inner IPv6
 *   pseudo-header, the UDP checksum;
 * - registration (with a lost first PBU: retransmission), refresh, handover and
 *   de-registration, with the binding cache entry's IPv4 transport fields;
 * - IPv6 and IPv4 data both ways through the tunnels as IPv4 protocol 41 and 4, over a
 *   handover; the same with the data tunnel in UDP 5437, forced by the MAG (F flag) and after
 *   the LMA detected a NAT (the MAG's IPv4 Care-of Address option differs from the outer
 *   source: the test's NAT stand-in, ns-3.37 has no NAT) with the NAT Detection option in the
 *   PBA;
 * - malformed and truncated payloads on UDP 5436 / 5437 and IPv4 protocol 41 dropped and
 *   counted, the binding unharmed;
 * - tshark decodes the captured transport links (UDP 5436 decoded as IPv6) without a
 *   malformed packet or an expert warning.
 *
 * Suite pmipv6-ipv4-transport.
 */

#include "pmipv6-test-source-dir.h"

#include "ns3/binding-cache.h"
#include "ns3/binding-update-list.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/error-model.h"
#include "ns3/global-value.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv4-raw-socket-factory.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6.h"
#include "ns3/lma-ipv4-transport-extension.h"
#include "ns3/mag-ipv4-transport-extension.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-dual-access-domain.h"
#include "ns3/pmipv6-ipv4-transport.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/point-to-point-channel.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <cstdio>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \brief Quote a string for /bin/sh.
 * \param s the string
 * \return it in single quotes
 */
std::string
ShellQuote(const std::string& s)
{
    std::string q = "'";
    for (char c : s)
    {
        q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}

/// PPP protocol of IPv4.
constexpr uint16_t PPP_IPV4 = 0x0021;
/// PPP protocol of IPv6.
constexpr uint16_t PPP_IPV6 = 0x0057;
/// UDP port of the test flows (flow f: PORT + f).
constexpr uint16_t PORT = 6000;

/// One frame on a MAG-LMA link, decoded down to the outer IPv4 payload.
struct Frame
{
    Time time;                  ///< when it left
    uint32_t mag{0};            ///< the link (0 = MAG1)
    bool uplink{false};         ///< sent by the MAG
    uint16_t ppp{0};            ///< PPP protocol
    std::vector<uint8_t> ip;    ///< the IPv4 packet (header first)
    uint8_t protocol{0};        ///< IPv4 protocol
    Ipv4Address source;         ///< IPv4 source
    Ipv4Address destination;    ///< IPv4 destination
    uint16_t sport{0};          ///< UDP source port (UDP only)
    uint16_t dport{0};          ///< UDP destination port (UDP only)
    std::vector<uint8_t> inner; ///< after the IPv4 header (and the UDP header for UDP)
};

/// Every frame of the MAG-LMA links.
struct Capture
{
    std::vector<Frame> frames; ///< in time order
};

/**
 * \brief PhyTxBegin of a MAG-LMA device.
 * \param capture where
 * \param mag the link
 * \param uplink sent by the MAG
 * \param p the frame (PPP header first)
 */
void
RecordFrame(Capture* capture, uint32_t mag, bool uplink, Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    Frame f;
    f.time = Simulator::Now();
    f.mag = mag;
    f.uplink = uplink;
    if (b.size() < 2)
    {
        return;
    }
    f.ppp = (uint16_t(b[0]) << 8) | b[1];
    f.ip.assign(b.begin() + 2, b.end());
    if (f.ppp == PPP_IPV4 && f.ip.size() >= 20)
    {
        uint32_t ihl = (f.ip[0] & 0x0f) * 4;
        f.protocol = f.ip[9];
        f.source = Ipv4Address((uint32_t(f.ip[12]) << 24) | (uint32_t(f.ip[13]) << 16) |
                               (uint32_t(f.ip[14]) << 8) | f.ip[15]);
        f.destination = Ipv4Address((uint32_t(f.ip[16]) << 24) | (uint32_t(f.ip[17]) << 16) |
                                    (uint32_t(f.ip[18]) << 8) | f.ip[19]);
        uint32_t start = ihl;
        if (f.protocol == 17 && f.ip.size() >= ihl + 8)
        {
            f.sport = (uint16_t(f.ip[ihl]) << 8) | f.ip[ihl + 1];
            f.dport = (uint16_t(f.ip[ihl + 2]) << 8) | f.ip[ihl + 3];
            start += 8;
        }
        if (start <= f.ip.size())
        {
            f.inner.assign(f.ip.begin() + start, f.ip.end());
        }
    }
    capture->frames.push_back(f);
}

/**
 * \brief Record every frame sent on both ends of both MAG-LMA links.
 * \param d the domain
 * \param capture where
 */
void
CaptureTransport(Pmipv6DualAccessDomain* d, Capture* capture)
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
            Ptr<Channel> channel = dev->GetChannel();
            for (uint32_t end = 0; end < 2; ++end)
            {
                Ptr<NetDevice> endDevice = channel->GetDevice(end);
                endDevice->TraceConnectWithoutContext(
                    "PhyTxBegin",
                    MakeBoundCallback(&RecordFrame, capture, k, endDevice->GetNode() == mag));
            }
        }
    }
}

/**
 * \brief 16-bit big-endian at an offset.
 * \param b the octets
 * \param at the offset
 * \return the value
 */
uint16_t
U16(const std::vector<uint8_t>& b, uint32_t at)
{
    return (uint16_t(b[at]) << 8) | b[at + 1];
}

/**
 * \brief The IPv6 address at an offset.
 * \param b the octets
 * \param at the offset
 * \return the address
 */
Ipv6Address
Ipv6At(const std::vector<uint8_t>& b, uint32_t at)
{
    uint8_t a[16];
    std::copy(b.begin() + at, b.begin() + at + 16, a);
    return Ipv6Address(a);
}

/**
 * \brief Verify the Mobility Header checksum of an IPv6 packet whose next header is 135
 * (RFC 6275 6.1.1: over the IPv6 pseudo-header and the whole MH).
 * \param ip6 the IPv6 packet
 * \return true when the one's complement sum over pseudo-header and MH is 0xffff
 */
bool
MhChecksumValid(const std::vector<uint8_t>& ip6)
{
    uint32_t mhLength = ip6.size() - 40;
    uint32_t sum = 0;
    for (uint32_t i = 8; i < 40; i += 2) // source and destination
    {
        sum += U16(ip6, i);
    }
    sum += mhLength >> 16;
    sum += mhLength & 0xffff;
    sum += mip6::MOBILITY_HEADER_PROTOCOL;
    for (uint32_t i = 40; i < ip6.size(); i += 2)
    {
        uint16_t word = uint16_t(ip6[i]) << 8;
        if (i + 1 < ip6.size())
        {
            word |= ip6[i + 1];
        }
        sum += word;
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return sum == 0xffff;
}

/**
 * \brief Find a mobility option in a PBU or PBA (inner IPv6 packet, MH at 40).
 * \param ip6 the IPv6 packet
 * \param type the option type
 * \return the option's offset in \p ip6, or 0 when absent
 */
uint32_t
FindOption(const std::vector<uint8_t>& ip6, uint8_t type)
{
    // PBU: fixed part 6 octets after the 6-octet MH header; PBA: 6 as well
    uint32_t i = 40 + 12;
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
 * \brief Frames carrying a Mobility Header message of a type over UDP 5436.
 * \param c the capture
 * \param mhType the MH type
 * \param uplink direction
 * \return the frames
 */
std::vector<const Frame*>
Signalling(const Capture& c, uint8_t mhType, bool uplink)
{
    std::vector<const Frame*> out;
    for (const Frame& f : c.frames)
    {
        if (f.uplink == uplink && f.protocol == 17 && f.dport == mip6::PMIP6_CNTL_UDP_PORT &&
            f.inner.size() >= 48 && f.inner[6] == mip6::MOBILITY_HEADER_PROTOCOL &&
            f.inner[42] == mhType)
        {
            out.push_back(&f);
        }
    }
    return out;
}

/**
 * \brief The binding cache entry of an MN, if exactly one.
 * \param d the domain
 * \return the entry or nullptr
 */
Ptr<BindingCacheEntry>
OnlyEntry(Pmipv6DualAccessDomain* d)
{
    std::vector<Ptr<BindingCacheEntry>> entries = d->lmaApp->GetBindingCache()->FindByMnId(d->mnId);
    return entries.size() == 1 ? entries[0] : nullptr;
}

/// A snapshot of the binding cache entry.
struct EntrySnapshot
{
    bool found{false};                                         ///< exactly one entry
    Ipv6Address proxyCoa;                                      ///< its Proxy-CoA
    Ipv4Address ipv4ProxyCoa;                                  ///< IPv4-Proxy-CoA
    Ipv4Address ipv4TransportAddress;                          ///< outer source
    uint16_t ipv4TransportPort{0};                             ///< outer port
    bool udp{false};                                           ///< UDP encapsulation
    BindingCacheEntry::State state{BindingCacheEntry::ACTIVE}; ///< state
    uint16_t lastSequence{0};                                  ///< last sequence
};

/**
 * \brief Take a snapshot.
 * \param d the domain
 * \param out where
 */
void
Snapshot(Pmipv6DualAccessDomain* d, EntrySnapshot* out)
{
    Ptr<BindingCacheEntry> e = OnlyEntry(d);
    out->found = e != nullptr;
    if (e)
    {
        out->proxyCoa = e->proxyCoa;
        out->ipv4ProxyCoa = e->ipv4ProxyCoa;
        out->ipv4TransportAddress = e->ipv4TransportAddress;
        out->ipv4TransportPort = e->ipv4TransportPort;
        out->udp = e->ipv4UdpEncapsulation;
        out->state = e->state;
        out->lastSequence = e->lastSequence;
    }
}

/**
 * \brief Whether a MAG's binding update list has the MN REGISTERED (or REFRESHING).
 * \param d the domain
 * \param k the MAG
 * \param out where
 */
void
MagRegistered(Pmipv6DualAccessDomain* d, uint32_t k, bool* out)
{
    *out = false;
    for (const auto& e : d->magApp[k]->GetBindingUpdateList()->GetEntries())
    {
        if (e->mnId == d->mnId && (e->state == BindingUpdateListEntry::REGISTERED ||
                                   e->state == BindingUpdateListEntry::REFRESHING))
        {
            *out = true;
        }
    }
}

/**
 * \ingroup pmipv6-tests
 * \brief Drops the first \c n packets it sees (a lost PBU).
 */
class DropFirstErrorModel : public ErrorModel
{
  public:
    /**
     * \brief Constructor.
     * \param n how many packets to drop
     */
    explicit DropFirstErrorModel(uint32_t n)
        : m_left(n)
    {
    }

  private:
    bool DoCorrupt(Ptr<Packet> /* p */) override
    {
        if (m_left == 0)
        {
            return false;
        }
        --m_left;
        return true;
    }

    void DoReset() override
    {
    }

    uint32_t m_left; ///< packets still to drop
};

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

/**
 * \brief ChecksumEnabled on while in scope.
 */
class ScopedChecksums
{
  public:
    ScopedChecksums()
    {
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    }

    ~ScopedChecksums()
    {
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(false));
    }
};

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief The PBU and the PBA as octets on the IPv4 transport.
 */
class Ipv4TransportWireTestCase : public TestCase
{
  public:
    Ipv4TransportWireTestCase()
        : TestCase("PBU and PBA over IPv4: IPv4, UDP 5436, inner IPv6, IPv4 CoA option, checksums")
    {
    }

  private:
    void DoRun() override
    {
        ScopedChecksums checksums;
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6DualAccessDomain d("mn@v4wire.test",
                                 Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS,
                                 false,
                                 true);
        Capture c;
        CaptureTransport(&d, &c);
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, &d, 0, 1);
        Simulator::Stop(Seconds(1.5));
        Simulator::Run();

        const Ipv4Address mag("10.0.1.2");
        const Ipv4Address lma("10.0.1.1");
        NS_TEST_ASSERT_MSG_EQ(d.lmaAddress,
                              Ipv6Address::MakeIpv4MappedAddress(Ipv4Address("10.0.1.1")),
                              "LMAA mapped");
        NS_TEST_ASSERT_MSG_EQ(d.proxyCoa[0],
                              Ipv6Address::MakeIpv4MappedAddress(Ipv4Address("10.0.1.2")),
                              "Proxy-CoA mapped");
        for (const Frame& f : c.frames)
        {
            NS_TEST_ASSERT_MSG_EQ(f.ppp, PPP_IPV4, "only IPv4 on the MAG-LMA links");
        }
        std::vector<const Frame*> pbus = Signalling(c, mip6::MH_BINDING_UPDATE, true);
        NS_TEST_ASSERT_MSG_EQ(pbus.size(), 1u, "one PBU from MAG1");
        const Frame& pbu = *pbus[0];
        NS_TEST_EXPECT_MSG_EQ(pbu.mag, 0u, "on MAG1's link");
        NS_TEST_EXPECT_MSG_EQ(+pbu.ip[0], 0x45, "IPv4, 20-octet header");
        NS_TEST_EXPECT_MSG_EQ(pbu.source, mag, "outer source: IPv4-Proxy-CoA");
        NS_TEST_EXPECT_MSG_EQ(pbu.destination, lma, "outer destination: IPv4-LMAA");
        NS_TEST_EXPECT_MSG_EQ(pbu.sport, mip6::PMIP6_CNTL_UDP_PORT, "UDP source port");
        NS_TEST_EXPECT_MSG_EQ(pbu.dport, 5436, "UDP destination port 5436 (pmip6-cntl)");
        NS_TEST_EXPECT_MSG_EQ(U16(pbu.ip, 24),
                              static_cast<uint16_t>(pbu.inner.size() + 8),
                              "UDP length");
        NS_TEST_EXPECT_MSG_NE(U16(pbu.ip, 26), 0, "UDP checksum computed");
        const std::vector<uint8_t>& in = pbu.inner;
        NS_TEST_EXPECT_MSG_EQ((in[0] >> 4), 6, "inner IPv6");
        NS_TEST_EXPECT_MSG_EQ(U16(in, 4) + 40u, in.size(), "inner payload length");
        NS_TEST_EXPECT_MSG_EQ(Ipv6At(in, 8), d.proxyCoa[0], "inner source: Proxy-CoA");
        NS_TEST_EXPECT_MSG_EQ(Ipv6At(in, 24), d.lmaAddress, "inner destination: LMAA");
        NS_TEST_EXPECT_MSG_EQ(in[40], 59, "MH payload proto: none");
        NS_TEST_EXPECT_MSG_EQ((in[41] + 1u) * 8, in.size() - 40, "MH length");
        uint16_t flags = U16(in, 48);
        NS_TEST_EXPECT_MSG_NE((flags & 0x8000), 0, "A flag");
        NS_TEST_EXPECT_MSG_NE((flags & 0x0200), 0, "P flag");
        NS_TEST_EXPECT_MSG_EQ((flags & 0x0100), 0, "no F flag (UDP not forced)");
        NS_TEST_EXPECT_MSG_EQ(MhChecksumValid(in),
                              true,
                              "MH checksum over the inner pseudo-header");
        uint32_t coa = FindOption(in, mip6::OPT_IPV4_CARE_OF_ADDRESS);
        NS_TEST_ASSERT_MSG_NE(coa, 0u, "IPv4 Care-of Address option");
        NS_TEST_EXPECT_MSG_EQ(coa % 4, 0u, "option at 4n (address 4-aligned after Reserved)");
        NS_TEST_EXPECT_MSG_EQ(+in[coa + 1], 6, "option length 6");
        NS_TEST_EXPECT_MSG_EQ(U16(in, coa + 2), 0, "Reserved");
        NS_TEST_EXPECT_MSG_EQ(Ipv4Address((uint32_t(in[coa + 4]) << 24) |
                                          (uint32_t(in[coa + 5]) << 16) |
                                          (uint32_t(in[coa + 6]) << 8) | in[coa + 7]),
                              mag,
                              "IPv4 CoA = IPv4-Proxy-CoA");

        std::vector<const Frame*> pbas = Signalling(c, mip6::MH_BINDING_ACK, false);
        NS_TEST_ASSERT_MSG_EQ(pbas.size(), 1u, "one PBA to MAG1");
        const Frame& pba = *pbas[0];
        NS_TEST_EXPECT_MSG_EQ(pba.source, lma, "PBA outer source: IPv4-LMAA");
        NS_TEST_EXPECT_MSG_EQ(pba.destination, mag, "PBA outer destination: the PBU's source");
        NS_TEST_EXPECT_MSG_EQ(pba.sport, 5436, "PBA UDP source port");
        NS_TEST_EXPECT_MSG_EQ(pba.dport, pbu.sport, "PBA to the PBU's source port");
        NS_TEST_EXPECT_MSG_EQ(Ipv6At(pba.inner, 8), d.lmaAddress, "PBA inner source: LMAA");
        NS_TEST_EXPECT_MSG_EQ(Ipv6At(pba.inner, 24), d.proxyCoa[0], "PBA inner destination");
        NS_TEST_EXPECT_MSG_EQ(+pba.inner[46], 0, "PBA status: accepted");
        NS_TEST_EXPECT_MSG_EQ(MhChecksumValid(pba.inner), true, "PBA MH checksum");
        NS_TEST_EXPECT_MSG_EQ(FindOption(pba.inner, mip6::OPT_NAT_DETECTION),
                              0u,
                              "no NAT, no NAT Detection option");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Registration (first PBU lost), refresh, handover, de-registration over IPv4.
 */
class Ipv4TransportLifecycleTestCase : public TestCase
{
  public:
    Ipv4TransportLifecycleTestCase()
        : TestCase("registration with a lost PBU, refresh, handover, de-registration over IPv4")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        ScopedDefault lifetime("ns3::Pmipv6MagApplication::BindingLifetime",
                               TimeValue(Seconds(8)),
                               TimeValue(Seconds(600)));
        Pmipv6DualAccessDomain d("mn@v4life.test",
                                 Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS,
                                 false,
                                 true);
        d.lmaApp->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(Seconds(2)));
        Capture c;
        CaptureTransport(&d, &c);
        // the LMA's device on MAG1's link loses the first packet it receives: the first PBU
        Ptr<PointToPointNetDevice> lmaSide;
        for (uint32_t i = 0; i < d.lma.Get(0)->GetNDevices(); ++i)
        {
            auto dev = DynamicCast<PointToPointNetDevice>(d.lma.Get(0)->GetDevice(i));
            if (dev && dev->GetChannel()->GetDevice(1)->GetNode() == d.mags.Get(0))
            {
                lmaSide = dev;
            }
        }
        NS_TEST_ASSERT_MSG_NE(lmaSide, nullptr, "the LMA's device towards MAG1");
        lmaSide->SetReceiveErrorModel(Create<DropFirstErrorModel>(1));

        EntrySnapshot atMag1;
        EntrySnapshot refreshed;
        EntrySnapshot atMag2;
        EntrySnapshot deregistered;
        bool mag1Registered = false;
        bool mag2Registered = false;
        bool mag2AfterDetach = true;
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, &d, 0, 1);
        Simulator::Schedule(Seconds(3), &Snapshot, &d, &atMag1);
        Simulator::Schedule(Seconds(3), &MagRegistered, &d, 0, &mag1Registered);
        // refresh at 0.8 x 8 s after the registration (about 2 s): before 9.5 s
        Simulator::Schedule(Seconds(9.5), &Snapshot, &d, &refreshed);
        Simulator::Schedule(Seconds(10), &Pmipv6DualAccessDomain::Detach, &d, 0);
        Simulator::Schedule(Seconds(10.1), &Pmipv6DualAccessDomain::Attach, &d, 1, 2);
        Simulator::Schedule(Seconds(11), &Snapshot, &d, &atMag2);
        Simulator::Schedule(Seconds(11), &MagRegistered, &d, 1, &mag2Registered);
        Simulator::Schedule(Seconds(12), &Pmipv6DualAccessDomain::Detach, &d, 1);
        Simulator::Schedule(Seconds(12.5), &Snapshot, &d, &deregistered);
        Simulator::Schedule(Seconds(12.5), &MagRegistered, &d, 1, &mag2AfterDetach);
        Simulator::Stop(Seconds(13));
        Simulator::Run();

        std::vector<const Frame*> pbus = Signalling(c, mip6::MH_BINDING_UPDATE, true);
        uint32_t mag1Pbus = 0;
        for (const Frame* f : pbus)
        {
            mag1Pbus += (f->mag == 0 && f->time < Seconds(3)) ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(mag1Pbus, 2u, "the lost PBU and its retransmission");
        NS_TEST_EXPECT_MSG_EQ(mag1Registered, true, "MAG1 registered after the retransmission");
        NS_TEST_ASSERT_MSG_EQ(atMag1.found, true, "one entry at MAG1");
        NS_TEST_EXPECT_MSG_EQ(atMag1.proxyCoa, d.proxyCoa[0], "Proxy-CoA (IPv4-mapped)");
        NS_TEST_EXPECT_MSG_EQ(atMag1.ipv4ProxyCoa, Ipv4Address("10.0.1.2"), "IPv4-Proxy-CoA");
        NS_TEST_EXPECT_MSG_EQ(atMag1.ipv4TransportAddress,
                              Ipv4Address("10.0.1.2"),
                              "outer source, no NAT");
        NS_TEST_EXPECT_MSG_EQ(atMag1.ipv4TransportPort, 5436, "outer port");
        NS_TEST_EXPECT_MSG_EQ(atMag1.udp, false, "IP-in-IPv4 data tunnel");
        NS_TEST_ASSERT_MSG_EQ(refreshed.found, true, "entry after the refresh");
        NS_TEST_EXPECT_MSG_GT(refreshed.lastSequence,
                              atMag1.lastSequence,
                              "a refresh PBU was accepted over IPv4");
        NS_TEST_EXPECT_MSG_EQ(refreshed.ipv4ProxyCoa, Ipv4Address("10.0.1.2"), "still MAG1");
        NS_TEST_ASSERT_MSG_EQ(atMag2.found, true, "one entry after the handover");
        NS_TEST_EXPECT_MSG_EQ(atMag2.proxyCoa, d.proxyCoa[1], "moved to MAG2");
        NS_TEST_EXPECT_MSG_EQ(atMag2.ipv4ProxyCoa, Ipv4Address("10.0.2.2"), "MAG2's IPv4 CoA");
        NS_TEST_EXPECT_MSG_EQ(atMag2.ipv4TransportAddress, Ipv4Address("10.0.2.2"), "outer");
        NS_TEST_EXPECT_MSG_EQ(atMag2.state, BindingCacheEntry::ACTIVE, "active at MAG2");
        NS_TEST_EXPECT_MSG_EQ(mag2Registered, true, "MAG2 registered");
        NS_TEST_EXPECT_MSG_EQ(mag2AfterDetach, false, "MAG2 de-registered the MN");
        NS_TEST_EXPECT_MSG_EQ(
            (deregistered.found && deregistered.state == BindingCacheEntry::ACTIVE),
            false,
            "the LMA's entry de-registered (pending delete) or gone");
        bool deregOverIpv4 = false;
        for (const Frame* f : pbus)
        {
            // lifetime 0 at MH offset 10 of a PBU from MAG2 after its detach
            deregOverIpv4 |= f->mag == 1 && f->time >= Seconds(12) && U16(f->inner, 50) == 0;
        }
        NS_TEST_EXPECT_MSG_EQ(deregOverIpv4, true, "the de-registration PBU went over IPv4");
        for (const Frame& f : c.frames)
        {
            NS_TEST_EXPECT_MSG_EQ(f.ppp, PPP_IPV4, "only IPv4 on the MAG-LMA links");
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief IPv6 and IPv4 data both ways through the IPv4 tunnels, over a handover.
 */
class Ipv4TransportDataTestCase : public TestCase
{
  public:
    /// How the data tunnel runs.
    enum Mode
    {
        IP_IN_IPV4 = 0, ///< protocol 41 / 4
        FORCED_UDP,     ///< UDP 5437, the MAG's F flag
        NAT_UDP,        ///< UDP 5437 after the LMA detected a NAT
    };

    /**
     * \brief Constructor.
     * \param mode the encapsulation
     */
    explicit Ipv4TransportDataTestCase(Mode mode)
        : TestCase(std::string("IPv6 and IPv4 data both ways over IPv4 transport, handover; ") +
                   (mode == IP_IN_IPV4   ? "IPv4 protocol 41 and 4"
                    : mode == FORCED_UDP ? "UDP 5437 forced by the MAG (F flag)"
                                         : "UDP 5437 after NAT detection")),
          m_mode(mode)
    {
    }

  private:
    /**
     * \brief Send one datagram to a destination computed now.
     * \param socket the socket
     * \param v4 IPv4 (else IPv6)
     * \param toMn the destination is the MN
     * \param f the flow
     */
    void Send(Ptr<Socket> socket, bool v4, bool toMn, uint32_t f)
    {
        Address to;
        if (v4)
        {
            to = InetSocketAddress(toMn ? Ipv4Address("10.100.0.2") : m_d->cnIpv4Address, PORT + f);
        }
        else
        {
            Ipv6Address mn = MnIpv6();
            if (toMn && mn.IsAny())
            {
                return;
            }
            to = Inet6SocketAddress(toMn ? mn : m_d->cnAddress, PORT + f);
        }
        if (socket->SendTo(Create<Packet>(120), 0, to) >= 0)
        {
            m_sent[f][Simulator::Now() < m_handover ? 0 : 1]++;
        }
    }

    /**
     * \brief The MN's global IPv6 address.
     * \return it, or ::
     */
    Ipv6Address MnIpv6() const
    {
        Ptr<Ipv6> ipv6 = m_d->mn.Get(0)->GetObject<Ipv6>();
        int32_t i = ipv6->GetInterfaceForDevice(m_d->lif);
        for (uint32_t a = 0; i >= 0 && a < ipv6->GetNAddresses(i); ++a)
        {
            Ipv6Address address = ipv6->GetAddress(i, a).GetAddress();
            if (!address.IsLinkLocal())
            {
                return address;
            }
        }
        return Ipv6Address::GetAny();
    }

    /**
     * \brief Receive a flow's datagrams.
     * \param f the flow
     * \param socket the socket
     */
    void Receive(uint32_t f, Ptr<Socket> socket)
    {
        while (socket->Recv())
        {
            m_received[f][Simulator::Now() < m_handover ? 0 : 1]++;
        }
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        ScopedDefault force("ns3::MagIpv4TransportExtension::ForceUdp",
                            BooleanValue(m_mode == FORCED_UDP),
                            BooleanValue(false));
        // the NAT stand-in: the MAGs put a private address in the IPv4 Care-of Address option
        // while their packets leave from 10.0.k.2 (as if a NAT had rewritten them)
        ScopedDefault coa("ns3::MagIpv4TransportExtension::Ipv4ProxyCoa",
                          Ipv4AddressValue(m_mode == NAT_UDP ? Ipv4Address("192.168.0.2")
                                                             : Ipv4Address::GetAny()),
                          Ipv4AddressValue(Ipv4Address::GetAny()));
        m_d = new Pmipv6DualAccessDomain("mn@v4data.test",
                                         Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS,
                                         true,
                                         true);
        m_d->pmip.EnableIpv4(m_d->lmaApp);
        m_d->pmip.EnableIpv4(m_d->magApp[0]);
        m_d->pmip.EnableIpv4(m_d->magApp[1]);
        m_d->pmip.EnableIpv4MobileNode(m_d->mnId, m_d->lif);
        uint32_t natSeen = 0;
        Ptr<LmaIpv4TransportExtension> lmaExt;
        Capture c;
        CaptureTransport(m_d, &c);

        // flows: 0 IPv4 up, 1 IPv4 down, 2 IPv6 up, 3 IPv6 down; 10 a second, 1 s to 6 s
        TypeId udp = UdpSocketFactory::GetTypeId();
        Ptr<Socket> sources[4];
        Ptr<Socket> sinks[4];
        for (uint32_t f = 0; f < 4; ++f)
        {
            bool v4 = f < 2;
            bool toMn = f % 2 == 1;
            Ptr<Node> src = toMn ? m_d->cn.Get(0) : m_d->mn.Get(0);
            Ptr<Node> dst = toMn ? m_d->mn.Get(0) : m_d->cn.Get(0);
            sources[f] = Socket::CreateSocket(src, udp);
            sinks[f] = Socket::CreateSocket(dst, udp);
            if (v4)
            {
                sinks[f]->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT + f));
            }
            else
            {
                sinks[f]->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), PORT + f));
            }
            sinks[f]->SetRecvCallback(MakeCallback(&Ipv4TransportDataTestCase::Receive, this, f));
            for (Time t = Seconds(1) + MilliSeconds(7 * f); t < Seconds(6); t += MilliSeconds(100))
            {
                Simulator::ScheduleWithContext(src->GetId(),
                                               t,
                                               &Ipv4TransportDataTestCase::Send,
                                               this,
                                               sources[f],
                                               v4,
                                               toMn,
                                               f);
            }
        }
        lmaExt = m_d->lmaApp->GetExtension<LmaIpv4TransportExtension>();
        NS_TEST_ASSERT_MSG_NE(lmaExt, nullptr, "the LMA's IPv4 transport extension");
        lmaExt->TraceConnectWithoutContext(
            "NatDetected",
            MakeBoundCallback(
                +[](uint32_t* n, const std::string&, Ipv4Address, Ipv4Address) { ++*n; },
                &natSeen));
        EntrySnapshot atMag2;
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, m_d, 0, 1);
        Simulator::Schedule(m_handover, &Pmipv6DualAccessDomain::Detach, m_d, 0);
        Simulator::Schedule(m_handover + MilliSeconds(100),
                            &Pmipv6DualAccessDomain::Attach,
                            m_d,
                            1,
                            2);
        Simulator::Schedule(Seconds(6.5), &Snapshot, m_d, &atMag2);
        Simulator::Stop(Seconds(7));
        Simulator::Run();

        const char* names[4] = {"IPv4 uplink", "IPv4 downlink", "IPv6 uplink", "IPv6 downlink"};
        for (uint32_t f = 0; f < 4; ++f)
        {
            NS_TEST_EXPECT_MSG_GT(m_sent[f][0], 15u, names[f] << ": sent before the handover");
            NS_TEST_EXPECT_MSG_EQ(m_received[f][0],
                                  m_sent[f][0],
                                  names[f] << ": every datagram through MAG1");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(m_received[f][1] + 2,
                                        m_sent[f][1],
                                        names[f] << ": through MAG2 (at most 2 lost in the move)");
        }
        uint32_t proto41 = 0;
        uint32_t proto4 = 0;
        uint32_t udpData6 = 0;
        uint32_t udpData4 = 0;
        uint32_t up = 0;
        uint32_t down = 0;
        for (const Frame& f : c.frames)
        {
            NS_TEST_EXPECT_MSG_EQ(f.ppp, PPP_IPV4, "only IPv4 on the MAG-LMA links");
            if (f.inner.empty())
            {
                continue;
            }
            uint8_t version = f.inner[0] >> 4;
            bool data = f.protocol == 41 || f.protocol == 4 ||
                        (f.protocol == 17 && f.dport == mip6::PMIP6_DATA_UDP_PORT);
            if (!data)
            {
                continue;
            }
            (f.uplink ? up : down)++;
            if (f.protocol == 41)
            {
                NS_TEST_EXPECT_MSG_EQ(+version, 6, "protocol 41 carries IPv6");
                ++proto41;
            }
            else if (f.protocol == 4)
            {
                NS_TEST_EXPECT_MSG_EQ(+version, 4, "protocol 4 carries IPv4");
                ++proto4;
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(f.sport, mip6::PMIP6_DATA_UDP_PORT, "from the data port");
                (version == 6 ? udpData6 : udpData4)++;
            }
            NS_TEST_EXPECT_MSG_EQ((f.uplink ? f.destination : f.source),
                                  Ipv4Address("10.0.1.1"),
                                  "the LMA's end: IPv4-LMAA");
        }
        NS_TEST_EXPECT_MSG_GT(up, 50u, "data frames uplink");
        NS_TEST_EXPECT_MSG_GT(down, 50u, "data frames downlink");
        std::vector<const Frame*> pbus = Signalling(c, mip6::MH_BINDING_UPDATE, true);
        std::vector<const Frame*> pbas = Signalling(c, mip6::MH_BINDING_ACK, false);
        NS_TEST_ASSERT_MSG_GT(pbus.size(), 0u, "PBUs");
        NS_TEST_ASSERT_MSG_GT(pbas.size(), 0u, "PBAs");
        bool fFlag = (U16(pbus[0]->inner, 48) & 0x0100) != 0;
        uint32_t natOption = FindOption(pbas[0]->inner, mip6::OPT_NAT_DETECTION);
        NS_TEST_ASSERT_MSG_EQ(atMag2.found, true, "the entry at MAG2");
        NS_TEST_EXPECT_MSG_EQ(atMag2.ipv4TransportAddress, Ipv4Address("10.0.2.2"), "outer");
        if (m_mode == IP_IN_IPV4)
        {
            NS_TEST_EXPECT_MSG_GT(proto41, 50u, "IPv6 in IPv4 (41)");
            NS_TEST_EXPECT_MSG_GT(proto4, 50u, "IPv4 in IPv4 (4)");
            NS_TEST_EXPECT_MSG_EQ(udpData6 + udpData4, 0u, "no UDP data");
            NS_TEST_EXPECT_MSG_EQ(fFlag, false, "no F flag");
            NS_TEST_EXPECT_MSG_EQ(natOption, 0u, "no NAT Detection option");
            NS_TEST_EXPECT_MSG_EQ(atMag2.udp, false, "BCE: IP in IPv4");
            NS_TEST_EXPECT_MSG_EQ(atMag2.ipv4ProxyCoa, Ipv4Address("10.0.2.2"), "IPv4 CoA");
            NS_TEST_EXPECT_MSG_EQ(natSeen, 0u, "no NAT");
            return Finish();
        }
        NS_TEST_EXPECT_MSG_EQ(proto41 + proto4, 0u, "no IP-in-IPv4 data: UDP from the start");
        NS_TEST_EXPECT_MSG_GT(udpData6, 50u, "IPv6 in UDP 5437");
        NS_TEST_EXPECT_MSG_GT(udpData4, 50u, "IPv4 in UDP 5437");
        NS_TEST_EXPECT_MSG_EQ(atMag2.udp, true, "BCE: UDP encapsulation");
        if (m_mode == FORCED_UDP)
        {
            NS_TEST_EXPECT_MSG_EQ(fFlag, true, "F flag in the PBU");
            NS_TEST_EXPECT_MSG_EQ(natOption, 0u, "no NAT: no NAT Detection option");
            NS_TEST_EXPECT_MSG_EQ(natSeen, 0u, "no NAT");
            NS_TEST_EXPECT_MSG_EQ(atMag2.ipv4ProxyCoa, Ipv4Address("10.0.2.2"), "IPv4 CoA");
            return Finish();
        }
        NS_TEST_EXPECT_MSG_EQ(fFlag, false, "no F flag: UDP because of the NAT");
        NS_TEST_ASSERT_MSG_NE(natOption, 0u, "NAT Detection option in the PBA");
        const std::vector<uint8_t>& pba = pbas[0]->inner;
        NS_TEST_EXPECT_MSG_EQ(+pba[natOption + 1], 6, "NAT Detection option length");
        NS_TEST_EXPECT_MSG_EQ((U16(pba, natOption + 2) & 0x8000), 0, "F clear (not forced)");
        NS_TEST_EXPECT_MSG_EQ(((uint32_t(U16(pba, natOption + 4)) << 16) | U16(pba, natOption + 6)),
                              110u,
                              "Refresh time (NatRefreshTime)");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(natSeen, 2u, "NAT detected at both MAGs");
        NS_TEST_EXPECT_MSG_EQ(atMag2.ipv4ProxyCoa,
                              Ipv4Address("192.168.0.2"),
                              "BCE: the option's (private) IPv4-Proxy-CoA");
        Finish();
    }

    /// \brief End the run.
    void Finish()
    {
        Simulator::Destroy();
        delete m_d;
        m_d = nullptr;
    }

    Mode m_mode;                          ///< the encapsulation
    Pmipv6DualAccessDomain* m_d{nullptr}; ///< the domain
    Time m_handover{Seconds(3.5)};        ///< when the MN leaves MAG1
    uint32_t m_sent[4][2]{};              ///< per flow, before / after the handover
    uint32_t m_received[4][2]{};          ///< per flow, before / after the handover
};

/**
 * \ingroup pmipv6-tests
 * \brief Malformed and truncated payloads on the IPv4 transport: dropped, counted, harmless.
 */
class Ipv4TransportMalformedTestCase : public TestCase
{
  public:
    Ipv4TransportMalformedTestCase()
        : TestCase("malformed and truncated UDP 5436, 5437 and protocol 41 payloads dropped")
    {
    }

  private:
    /**
     * \brief Send octets to the LMA from MAG1.
     * \param socket a socket on MAG1
     * \param octets the payload
     * \param port the LMA's port (0 for the raw socket)
     */
    static void SendOctets(Ptr<Socket> socket, std::vector<uint8_t> octets, uint16_t port)
    {
        socket->SendTo(Create<Packet>(octets.data(), octets.size()),
                       0,
                       InetSocketAddress(Ipv4Address("10.0.1.1"), port));
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6DualAccessDomain d("mn@v4bad.test",
                                 Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS,
                                 false,
                                 true);
        Ptr<Node> mag = d.mags.Get(0);
        Ptr<Socket> udp = Socket::CreateSocket(mag, UdpSocketFactory::GetTypeId());
        udp->Bind(InetSocketAddress(Ipv4Address::GetAny(), 7000));
        Ptr<Socket> raw = Socket::CreateSocket(mag, Ipv4RawSocketFactory::GetTypeId());
        raw->SetAttribute("Protocol", UintegerValue(41));

        // a whole IPv6 header (version 6, payload length 8) to LMAA or elsewhere
        auto ipv6 = [](Ipv6Address dst, uint16_t payloadLength, uint32_t extra) {
            std::vector<uint8_t> b(40 + extra, 0);
            b[0] = 0x60;
            b[4] = payloadLength >> 8;
            b[5] = payloadLength & 0xff;
            b[6] = 59;
            b[7] = 64;
            Ipv6Address::MakeIpv4MappedAddress(Ipv4Address("10.0.1.2")).Serialize(&b[8]);
            dst.Serialize(&b[24]);
            return b;
        };
        Ipv6Address lmaa = d.lmaAddress;
        std::vector<std::pair<std::vector<uint8_t>, uint16_t>> bad = {
            {std::vector<uint8_t>(10, 0x60), 5436}, // truncated IPv6 header
            {ipv6(lmaa, 100, 8), 5436},             // payload length beyond the datagram
            {ipv6(lmaa, 8, 8), 5437},               // fine IPv6 ... (counted below as data)
            {std::vector<uint8_t>(30, 0x70), 5437}, // version 7
            {std::vector<uint8_t>{0x45, 0, 0, 200, 0, 0, 0, 0, 64, 17, 0, 0,
                                  1,    2, 3, 4,   5, 6, 7, 8, 0,  0,  0, 0},
             5437},                         // IPv4 claiming 200 octets in 24
            {std::vector<uint8_t>{}, 5436}, // empty
            {std::vector<uint8_t>{}, 5437}, // empty
        };
        Time t = Seconds(1);
        for (const auto& [octets, port] : bad)
        {
            Simulator::Schedule(t, &SendOctets, udp, octets, port);
            t += MilliSeconds(10);
        }
        // signalling to another IPv6 address
        Simulator::Schedule(t,
                            &SendOctets,
                            udp,
                            ipv6(Ipv6Address::MakeIpv4MappedAddress(Ipv4Address("10.9.9.9")), 8, 8),
                            5436);
        // IPv6-in-IPv4 (41) whose payload is 5 octets
        Simulator::Schedule(t + MilliSeconds(10),
                            &SendOctets,
                            raw,
                            std::vector<uint8_t>{0x60, 0, 0, 0, 0},
                            0);
        bool registered = false;
        EntrySnapshot entry;
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, &d, 0, 1);
        Simulator::Schedule(Seconds(2), &MagRegistered, &d, 0, &registered);
        Simulator::Schedule(Seconds(2), &Snapshot, &d, &entry);
        Simulator::Stop(Seconds(2.5));
        Simulator::Run();

        Ptr<Pmipv6Ipv4Transport> lma = d.lma.Get(0)->GetObject<Pmipv6Ipv4Transport>();
        NS_TEST_EXPECT_MSG_EQ(lma->GetDropCount(Pmipv6Ipv4Transport::DROP_MALFORMED),
                              7u,
                              "truncated / wrong version / wrong length / empty, UDP and 41");
        NS_TEST_EXPECT_MSG_EQ(lma->GetDropCount(Pmipv6Ipv4Transport::DROP_NOT_FOR_US),
                              1u,
                              "signalling to another address");
        NS_TEST_EXPECT_MSG_EQ(lma->GetReceivedCount(Pmipv6Ipv4Transport::KIND_DATA_UDP),
                              1u,
                              "the whole IPv6 packet on 5437 went on to the tunnel layer");
        NS_TEST_EXPECT_MSG_EQ(registered, true, "MAG1 still registered");
        NS_TEST_EXPECT_MSG_EQ((entry.found && entry.state == BindingCacheEntry::ACTIVE),
                              true,
                              "the LMA's entry unharmed");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief tshark decodes the IPv4 transport links of a handover without warnings.
 */
class Ipv4TransportTsharkTestCase : public TestCase
{
  public:
    Ipv4TransportTsharkTestCase()
        : TestCase("tshark decodes the IPv4 transport captures without malformed packets or "
                   "expert warnings")
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
        ScopedChecksums checksums;
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        std::string prefix = CreateTempDirFilename("v4t");
        {
            Pmipv6DualAccessDomain d("mn@v4pcap.test",
                                     Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS,
                                     true,
                                     true);
            d.pmip.EnableIpv4(d.lmaApp);
            d.pmip.EnableIpv4(d.magApp[0]);
            d.pmip.EnableIpv4(d.magApp[1]);
            d.pmip.EnableIpv4MobileNode(d.mnId, d.lif);
            d.EnablePcap(prefix);
            Ptr<Socket> cn = Socket::CreateSocket(d.cn.Get(0), UdpSocketFactory::GetTypeId());
            for (Time t = Seconds(1); t < Seconds(3); t += MilliSeconds(100))
            {
                Simulator::Schedule(t,
                                    &SendDatagram,
                                    cn,
                                    InetSocketAddress(Ipv4Address("10.100.0.2"), PORT));
            }
            Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, &d, 0, 1);
            Simulator::Schedule(Seconds(2), &Pmipv6DualAccessDomain::Detach, &d, 0);
            Simulator::Schedule(Seconds(2.1), &Pmipv6DualAccessDomain::Attach, &d, 1, 2);
            Simulator::Stop(Seconds(3.5));
            Simulator::Run();
            Simulator::Destroy();
        }
        // the MAG-LMA links: nodes 2 and 3 (MAG1, MAG2), device 1 (their p2p device)
        uint32_t pbus = 0;
        uint32_t pbas = 0;
        for (uint32_t node : {2u, 3u})
        {
            std::string file = prefix + "-" + std::to_string(node) + "-1.pcap";
            // quoted: waf-era ns-3 puts the test case's name (with spaces) in the paths
            std::string command = "HOME=" + ShellQuote(CreateTempDirFilename("home")) + " " +
                                  ShellQuote(tshark) + " -n -r " + ShellQuote(file) +
                                  " -d udp.port==5436,ipv6 -o ip.check_checksum:TRUE"
                                  " -o udp.check_checksum:TRUE -V 2>&1";
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
            NS_TEST_EXPECT_MSG_NE(out.find("IPv4 Care-of Address"),
                                  std::string::npos,
                                  file << ": the IPv4 Care-of Address option decoded");
        }
        NS_TEST_EXPECT_MSG_GT(pbus, 0u, "tshark decoded PBUs inside IPv4/UDP");
        NS_TEST_EXPECT_MSG_GT(pbas, 0u, "tshark decoded PBAs inside IPv4/UDP");
    }

    /**
     * \brief Send one datagram (a CN flow to the MN's IPv4 home address).
     * \param socket the socket
     * \param to where
     */
    static void SendDatagram(Ptr<Socket> socket, InetSocketAddress to)
    {
        socket->SendTo(Create<Packet>(80), 0, to);
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Suite of the IPv4 transport (RFC 5844 4).
 */
class Ipv4TransportTestSuite : public TestSuite
{
  public:
    Ipv4TransportTestSuite()
        : TestSuite("pmipv6-ipv4-transport", UNIT)
    {
        AddTestCase(new Ipv4TransportWireTestCase, TestCase::QUICK);
        AddTestCase(new Ipv4TransportLifecycleTestCase, TestCase::QUICK);
        AddTestCase(new Ipv4TransportDataTestCase(Ipv4TransportDataTestCase::IP_IN_IPV4),
                    TestCase::QUICK);
        AddTestCase(new Ipv4TransportDataTestCase(Ipv4TransportDataTestCase::FORCED_UDP),
                    TestCase::QUICK);
        AddTestCase(new Ipv4TransportDataTestCase(Ipv4TransportDataTestCase::NAT_UDP),
                    TestCase::QUICK);
        AddTestCase(new Ipv4TransportMalformedTestCase, TestCase::QUICK);
        AddTestCase(new Ipv4TransportTsharkTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static Ipv4TransportTestSuite g_ipv4TransportTestSuite;
