/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * RFC 6088 binary traffic selectors: wire format of both formats (hand-written vectors and
 * round trips with every field and with subsets), rejection of malformed input, and the
 * matcher used by the data path.
 */

#include "ns3/buffer.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/test.h"
#include "ns3/traffic-selector.h"

#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \brief Serialize a selector (flags word onwards).
 * \param ts the selector
 * \return its octets
 */
std::vector<uint8_t>
TsBytes(const TrafficSelector& ts)
{
    Buffer b;
    b.AddAtStart(ts.GetSerializedSize());
    Buffer::Iterator it = b.Begin();
    ts.Serialize(it);
    std::vector<uint8_t> out(b.GetSize());
    b.CopyData(out.data(), out.size());
    return out;
}

/**
 * \brief Deserialize a selector from octets.
 * \param bytes the octets (flags word onwards)
 * \param length the length handed to Deserialize (at most bytes.size())
 * \param format the TS Format
 * \param ts the selector to fill
 * \param error the reason on failure
 * \return the result of Deserialize
 */
bool
TsParse(const std::vector<uint8_t>& bytes,
        uint32_t length,
        uint8_t format,
        TrafficSelector& ts,
        std::string& error)
{
    // Exactly `length` octets: a read beyond them hits the end of the buffer and asserts.
    Buffer b;
    b.AddAtStart(length);
    Buffer::Iterator w = b.Begin();
    w.Write(bytes.data(), length);
    return ts.Deserialize(b.Begin(), length, format, error);
}

/**
 * \brief Hex dump for failure messages.
 * \param v the octets
 * \return the dump
 */
std::string
TsHex(const std::vector<uint8_t>& v)
{
    std::ostringstream oss;
    for (uint8_t b : v)
    {
        oss << std::hex << (b < 16 ? "0" : "") << +b << " ";
    }
    return oss.str();
}

/**
 * \brief An IPv6 header with the fields the matcher looks at.
 * \param src source address
 * \param dst destination address
 * \param nextHeader next header
 * \param tc traffic class
 * \param flowLabel flow label
 * \return the header
 */
Ipv6Header
MakeIpv6(const char* src, const char* dst, uint8_t nextHeader, uint8_t tc, uint32_t flowLabel)
{
    Ipv6Header h;
    h.SetSource(Ipv6Address(src));
    h.SetDestination(Ipv6Address(dst));
    h.SetNextHeader(nextHeader);
    h.SetTrafficClass(tc);
    h.SetFlowLabel(flowLabel);
    return h;
}

/**
 * \brief An IPv4 header with the fields the matcher looks at.
 * \param src source address
 * \param dst destination address
 * \param protocol protocol
 * \param tos ToS octet
 * \return the header
 */
Ipv4Header
MakeIpv4(const char* src, const char* dst, uint8_t protocol, uint8_t tos)
{
    Ipv4Header h;
    h.SetSource(Ipv4Address(src));
    h.SetDestination(Ipv4Address(dst));
    h.SetProtocol(protocol);
    h.SetTos(tos);
    return h;
}

/**
 * \brief An IPv6 selector with every field present as a range.
 * \return the selector
 */
TrafficSelector
FullIpv6()
{
    TrafficSelector ts(mip6::TS_FORMAT_IPV6_BINARY);
    ts.SetSourceAddressRange(Ipv6Address("2001:db8:1::1"), Ipv6Address("2001:db8:1::ff"));
    ts.SetDestinationAddressRange(Ipv6Address("2001:db8:2::"), Ipv6Address("2001:db8:2::10"));
    ts.SetSpiRange(0x100, 0x1ff);
    ts.SetFlowLabelRange(0x12345, 0xfffff);
    ts.SetSourcePortRange(1000, 2000);
    ts.SetDestinationPortRange(80, 88);
    ts.SetTrafficClassRange(0x20, 0x28);
    ts.SetNextHeaderRange(6, 17);
    return ts;
}

/**
 * \brief An IPv4 selector with every field present as a range.
 * \return the selector
 */
TrafficSelector
FullIpv4()
{
    TrafficSelector ts(mip6::TS_FORMAT_IPV4_BINARY);
    ts.SetIpv4SourceAddressRange(Ipv4Address("10.0.0.1"), Ipv4Address("10.0.0.9"));
    ts.SetIpv4DestinationAddressRange(Ipv4Address("192.0.2.0"), Ipv4Address("192.0.2.255"));
    ts.SetSpiRange(7, 9);
    ts.SetSourcePortRange(1024, 65535);
    ts.SetDestinationPortRange(5000, 5010);
    ts.SetTrafficClassRange(0, 0x3f);
    ts.SetNextHeaderRange(17, 17);
    return ts;
}

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief Hand-written byte vectors of both formats, decoded and encoded.
 */
class TrafficSelectorVectorTestCase : public TestCase
{
  public:
    TrafficSelectorVectorTestCase()
        : TestCase("RFC 6088 selectors against hand-written octets")
    {
    }

  private:
    void DoRun() override
    {
        // IPv6 (format 2): source prefix 2001:db8:1:2::/64 as a range (flags A, B) and
        // destination ports 80-88 (flags K, L). Flags: A 0x8000 | B 0x4000 | K 0x0020 |
        // L 0x0010 = 0xc030, then 16 reserved bits.
        // clang-format off
        const std::vector<uint8_t> v6 = {
            0xc0, 0x30, 0x00, 0x00,                         // flags, reserved
            0x20, 0x01, 0x0d, 0xb8, 0x00, 0x01, 0x00, 0x02, // (A) start source address
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, //
            0x20, 0x01, 0x0d, 0xb8, 0x00, 0x01, 0x00, 0x02, // (B) end source address
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, //
            0x00, 0x50,                                     // (K) start destination port 80
            0x00, 0x58,                                     // (L) end destination port 88
        };
        // clang-format on
        TrafficSelector ts6;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(TsParse(v6, v6.size(), mip6::TS_FORMAT_IPV6_BINARY, ts6, error),
                              true,
                              error);
        NS_TEST_EXPECT_MSG_EQ(ts6.IsIpv6(), true, "format 2");
        NS_TEST_EXPECT_MSG_EQ(ts6.GetWireFlags(), 0xc030, "flags");
        NS_TEST_EXPECT_MSG_EQ(ts6.HasSourceAddress(), true, "source present");
        NS_TEST_EXPECT_MSG_EQ(ts6.HasEnd(TrafficSelector::SOURCE_ADDRESS), true, "source range");
        NS_TEST_EXPECT_MSG_EQ(ts6.GetSourceAddressStart(), Ipv6Address("2001:db8:1:2::"), "A");
        NS_TEST_EXPECT_MSG_EQ(ts6.GetSourceAddressEnd(),
                              Ipv6Address("2001:db8:1:2:ffff:ffff:ffff:ffff"),
                              "B");
        NS_TEST_EXPECT_MSG_EQ(ts6.HasDestinationPort(), true, "dport present");
        NS_TEST_EXPECT_MSG_EQ(ts6.GetDestinationPortStart(), 80, "K");
        NS_TEST_EXPECT_MSG_EQ(ts6.GetDestinationPortEnd(), 88, "L");
        NS_TEST_EXPECT_MSG_EQ(ts6.HasDestinationAddress(), false, "no destination");
        NS_TEST_EXPECT_MSG_EQ(ts6.HasSpi(), false, "no SPI");
        NS_TEST_EXPECT_MSG_EQ(ts6.HasFlowLabel(), false, "no flow label");
        NS_TEST_EXPECT_MSG_EQ(ts6.HasSourcePort(), false, "no sport");
        NS_TEST_EXPECT_MSG_EQ(ts6.HasTrafficClass(), false, "no tc");
        NS_TEST_EXPECT_MSG_EQ(ts6.HasNextHeader(), false, "no nh");
        NS_TEST_EXPECT_MSG_EQ(ts6.GetSerializedSize(), v6.size(), "size");

        TrafficSelector built(mip6::TS_FORMAT_IPV6_BINARY);
        built.SetSourceAddressPrefix(Ipv6Address("2001:db8:1:2:aaaa::1"), Ipv6Prefix(64));
        built.SetDestinationPortRange(80, 88);
        NS_TEST_EXPECT_MSG_EQ(TsHex(TsBytes(built)), TsHex(v6), "encoder matches the vector");
        NS_TEST_EXPECT_MSG_EQ((built == ts6), true, "operator==");

        // IPv4 (format 1): source 192.0.2.1 (A), destination ports 5000-5010 (I 0x0080,
        // J 0x0040), protocol 17 (M 0x0008): flags 0x80c8.
        // clang-format off
        const std::vector<uint8_t> v4 = {
            0x80, 0xc8, 0x00, 0x00, // flags, reserved
            0xc0, 0x00, 0x02, 0x01, // (A) start source address
            0x13, 0x88, 0x13, 0x92, // (I) start, (J) end destination port
            0x11,                   // (M) start protocol
        };
        // clang-format on
        TrafficSelector ts4;
        NS_TEST_ASSERT_MSG_EQ(TsParse(v4, v4.size(), mip6::TS_FORMAT_IPV4_BINARY, ts4, error),
                              true,
                              error);
        NS_TEST_EXPECT_MSG_EQ(ts4.IsIpv4(), true, "format 1");
        NS_TEST_EXPECT_MSG_EQ(ts4.GetIpv4SourceAddressStart(), Ipv4Address("192.0.2.1"), "A");
        NS_TEST_EXPECT_MSG_EQ(ts4.HasEnd(TrafficSelector::SOURCE_ADDRESS), false, "single");
        NS_TEST_EXPECT_MSG_EQ(ts4.GetIpv4SourceAddressEnd(), Ipv4Address("192.0.2.1"), "end=A");
        NS_TEST_EXPECT_MSG_EQ(ts4.GetDestinationPortStart(), 5000, "I");
        NS_TEST_EXPECT_MSG_EQ(ts4.GetDestinationPortEnd(), 5010, "J");
        NS_TEST_EXPECT_MSG_EQ(+ts4.GetNextHeaderStart(), 17, "M");
        NS_TEST_EXPECT_MSG_EQ(ts4.HasEnd(TrafficSelector::NEXT_HEADER), false, "no N");
        NS_TEST_EXPECT_MSG_EQ(ts4.HasSourcePort(), false, "no G");

        TrafficSelector built4(mip6::TS_FORMAT_IPV4_BINARY);
        built4.SetIpv4SourceAddress(Ipv4Address("192.0.2.1"));
        built4.SetDestinationPortRange(5000, 5010);
        built4.SetNextHeader(17);
        NS_TEST_EXPECT_MSG_EQ(TsHex(TsBytes(built4)), TsHex(v4), "IPv4 encoder");

        // IPv4 bit positions of every flag: each field alone, one value.
        struct
        {
            uint16_t flag;
            TrafficSelector::Field field;
            uint32_t size;
        } v4Flags[] = {
            {0x8000, TrafficSelector::SOURCE_ADDRESS, 4},
            {0x2000, TrafficSelector::DESTINATION_ADDRESS, 4},
            {0x0800, TrafficSelector::IPSEC_SPI, 4},
            {0x0200, TrafficSelector::SOURCE_PORT, 2},
            {0x0080, TrafficSelector::DESTINATION_PORT, 2},
            {0x0020, TrafficSelector::TRAFFIC_CLASS, 1},
            {0x0008, TrafficSelector::NEXT_HEADER, 1},
        };

        for (const auto& f : v4Flags)
        {
            std::vector<uint8_t> bytes = {static_cast<uint8_t>(f.flag >> 8),
                                          static_cast<uint8_t>(f.flag & 0xff),
                                          0,
                                          0};
            bytes.resize(4 + f.size, 0x01);
            TrafficSelector t;
            NS_TEST_EXPECT_MSG_EQ(TsParse(bytes, bytes.size(), 1, t, error), true, error);
            NS_TEST_EXPECT_MSG_EQ(t.Has(f.field), true, "IPv4 flag 0x" << std::hex << f.flag);
            NS_TEST_EXPECT_MSG_EQ(t.GetSerializedSize(), 4 + f.size, "IPv4 field size");
        }

        // IPv6 bit positions, start flags A C E G I K M O.
        struct
        {
            uint16_t flag;
            TrafficSelector::Field field;
            uint32_t size;
        } v6Flags[] = {
            {0x8000, TrafficSelector::SOURCE_ADDRESS, 16},
            {0x2000, TrafficSelector::DESTINATION_ADDRESS, 16},
            {0x0800, TrafficSelector::IPSEC_SPI, 4},
            {0x0200, TrafficSelector::FLOW_LABEL, 4},
            {0x0080, TrafficSelector::SOURCE_PORT, 2},
            {0x0020, TrafficSelector::DESTINATION_PORT, 2},
            {0x0008, TrafficSelector::TRAFFIC_CLASS, 1},
            {0x0002, TrafficSelector::NEXT_HEADER, 1},
        };

        for (const auto& f : v6Flags)
        {
            std::vector<uint8_t> bytes = {static_cast<uint8_t>(f.flag >> 8),
                                          static_cast<uint8_t>(f.flag & 0xff),
                                          0,
                                          0};
            bytes.resize(4 + f.size, 0x00);
            bytes.back() = 0x01;
            TrafficSelector t;
            NS_TEST_EXPECT_MSG_EQ(TsParse(bytes, bytes.size(), 2, t, error), true, error);
            NS_TEST_EXPECT_MSG_EQ(t.Has(f.field), true, "IPv6 flag 0x" << std::hex << f.flag);
            NS_TEST_EXPECT_MSG_EQ(t.GetSerializedSize(), 4 + f.size, "IPv6 field size");
        }

        // An empty selector is the flags word and the reserved bits only.
        TrafficSelector empty(mip6::TS_FORMAT_IPV6_BINARY);
        NS_TEST_EXPECT_MSG_EQ(TsHex(TsBytes(empty)), TsHex({0, 0, 0, 0}), "empty selector");
        NS_TEST_EXPECT_MSG_EQ(empty.IsEmpty(), true, "IsEmpty");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Round trips of both formats, with every field and with subsets.
 */
class TrafficSelectorRoundTripTestCase : public TestCase
{
  public:
    TrafficSelectorRoundTripTestCase()
        : TestCase("RFC 6088 selectors round trip, all fields and subsets")
    {
    }

  private:
    /**
     * \brief Serialize, parse, compare, serialize again.
     * \param ts the selector
     * \param what label for messages
     */
    void RoundTrip(const TrafficSelector& ts, const std::string& what)
    {
        std::vector<uint8_t> bytes = TsBytes(ts);
        NS_TEST_EXPECT_MSG_EQ(bytes.size(), ts.GetSerializedSize(), what << ": size");
        TrafficSelector back;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(TsParse(bytes, bytes.size(), ts.GetFormat(), back, error),
                              true,
                              what << ": " << error);
        NS_TEST_EXPECT_MSG_EQ((back == ts), true, what << ": decoded equals original");
        NS_TEST_EXPECT_MSG_EQ(TsHex(TsBytes(back)), TsHex(bytes), what << ": same octets");
    }

    void DoRun() override
    {
        TrafficSelector v6 = FullIpv6();
        NS_TEST_EXPECT_MSG_EQ(v6.GetWireFlags(), 0xffff, "IPv6: all 16 flags");
        NS_TEST_EXPECT_MSG_EQ(v6.GetSerializedSize(),
                              4 + 2 * (16 + 16 + 4 + 4 + 2 + 2 + 1 + 1),
                              "IPv6: full size");
        RoundTrip(v6, "IPv6 all fields");

        TrafficSelector back;
        std::string error;
        std::vector<uint8_t> bytes = TsBytes(v6);
        NS_TEST_ASSERT_MSG_EQ(TsParse(bytes, bytes.size(), 2, back, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(back.GetSourceAddressStart(), Ipv6Address("2001:db8:1::1"), "A");
        NS_TEST_EXPECT_MSG_EQ(back.GetSourceAddressEnd(), Ipv6Address("2001:db8:1::ff"), "B");
        NS_TEST_EXPECT_MSG_EQ(back.GetDestinationAddressStart(), Ipv6Address("2001:db8:2::"), "C");
        NS_TEST_EXPECT_MSG_EQ(back.GetDestinationAddressEnd(), Ipv6Address("2001:db8:2::10"), "D");
        NS_TEST_EXPECT_MSG_EQ(back.GetSpiStart(), 0x100, "E");
        NS_TEST_EXPECT_MSG_EQ(back.GetSpiEnd(), 0x1ff, "F");
        NS_TEST_EXPECT_MSG_EQ(back.GetFlowLabelStart(), 0x12345, "G");
        NS_TEST_EXPECT_MSG_EQ(back.GetFlowLabelEnd(), 0xfffff, "H");
        NS_TEST_EXPECT_MSG_EQ(back.GetSourcePortStart(), 1000, "I");
        NS_TEST_EXPECT_MSG_EQ(back.GetSourcePortEnd(), 2000, "J");
        NS_TEST_EXPECT_MSG_EQ(back.GetDestinationPortStart(), 80, "K");
        NS_TEST_EXPECT_MSG_EQ(back.GetDestinationPortEnd(), 88, "L");
        NS_TEST_EXPECT_MSG_EQ(+back.GetTrafficClassStart(), 0x20, "M");
        NS_TEST_EXPECT_MSG_EQ(+back.GetTrafficClassEnd(), 0x28, "N");
        NS_TEST_EXPECT_MSG_EQ(+back.GetNextHeaderStart(), 6, "O");
        NS_TEST_EXPECT_MSG_EQ(+back.GetNextHeaderEnd(), 17, "P");

        TrafficSelector v4 = FullIpv4();
        NS_TEST_EXPECT_MSG_EQ(v4.GetWireFlags(), 0xfffc, "IPv4: 14 flags, 2 reserved bits");
        NS_TEST_EXPECT_MSG_EQ(v4.GetSerializedSize(),
                              4 + 2 * (4 + 4 + 4 + 2 + 2 + 1 + 1),
                              "IPv4: full size");
        RoundTrip(v4, "IPv4 all fields");
        bytes = TsBytes(v4);
        NS_TEST_ASSERT_MSG_EQ(TsParse(bytes, bytes.size(), 1, back, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(back.GetIpv4SourceAddressStart(), Ipv4Address("10.0.0.1"), "A");
        NS_TEST_EXPECT_MSG_EQ(back.GetIpv4SourceAddressEnd(), Ipv4Address("10.0.0.9"), "B");
        NS_TEST_EXPECT_MSG_EQ(back.GetIpv4DestinationAddressStart(), Ipv4Address("192.0.2.0"), "C");
        NS_TEST_EXPECT_MSG_EQ(back.GetIpv4DestinationAddressEnd(), Ipv4Address("192.0.2.255"), "D");
        NS_TEST_EXPECT_MSG_EQ(back.GetSpiStart(), 7, "E");
        NS_TEST_EXPECT_MSG_EQ(back.GetSpiEnd(), 9, "F");
        NS_TEST_EXPECT_MSG_EQ(back.GetSourcePortStart(), 1024, "G");
        NS_TEST_EXPECT_MSG_EQ(back.GetSourcePortEnd(), 65535, "H");
        NS_TEST_EXPECT_MSG_EQ(back.GetDestinationPortStart(), 5000, "I");
        NS_TEST_EXPECT_MSG_EQ(back.GetDestinationPortEnd(), 5010, "J");
        NS_TEST_EXPECT_MSG_EQ(+back.GetTrafficClassEnd(), 0x3f, "L");
        NS_TEST_EXPECT_MSG_EQ(+back.GetNextHeaderStart(), 17, "M");
        NS_TEST_EXPECT_MSG_EQ(+back.GetNextHeaderEnd(), 17, "N");

        // Every subset of fields, singles and ranges alternating, for both formats.
        for (uint32_t mask = 0; mask < 256; ++mask)
        {
            TrafficSelector s6(mip6::TS_FORMAT_IPV6_BINARY);
            TrafficSelector s4(mip6::TS_FORMAT_IPV4_BINARY);
            bool range = (mask % 3) == 0;
            if (mask & 1)
            {
                range ? s6.SetSourceAddressRange(Ipv6Address("::1"), Ipv6Address("::2"))
                      : s6.SetSourceAddress(Ipv6Address("2001:db8::5"));
                range ? s4.SetIpv4SourceAddressRange(Ipv4Address("1.1.1.1"), Ipv4Address("1.1.1.2"))
                      : s4.SetIpv4SourceAddress(Ipv4Address("1.2.3.4"));
            }
            if (mask & 2)
            {
                range ? s6.SetDestinationAddressRange(Ipv6Address("::3"), Ipv6Address("::4"))
                      : s6.SetDestinationAddress(Ipv6Address("2001:db8::6"));
                range ? s4.SetIpv4DestinationAddressRange(Ipv4Address("2.2.2.2"),
                                                          Ipv4Address("2.2.2.3"))
                      : s4.SetIpv4DestinationAddress(Ipv4Address("5.6.7.8"));
            }
            if (mask & 4)
            {
                range ? s6.SetSpiRange(1, 2) : s6.SetSpi(0xdeadbeef);
                range ? s4.SetSpiRange(3, 4) : s4.SetSpi(0xcafe);
            }
            if (mask & 8)
            {
                range ? s6.SetFlowLabelRange(1, 0xfffff) : s6.SetFlowLabel(0xabcde);
            }
            if (mask & 16)
            {
                range ? s6.SetSourcePortRange(1, 2) : s6.SetSourcePort(443);
                range ? s4.SetSourcePortRange(5, 6) : s4.SetSourcePort(444);
            }
            if (mask & 32)
            {
                range ? s6.SetDestinationPortRange(3, 4) : s6.SetDestinationPort(8080);
                range ? s4.SetDestinationPortRange(7, 8) : s4.SetDestinationPort(8081);
            }
            if (mask & 64)
            {
                range ? s6.SetTrafficClassRange(0, 0xff) : s6.SetTrafficClass(0xb8);
                range ? s4.SetTrafficClassRange(1, 2) : s4.SetTrafficClass(0x10);
            }
            if (mask & 128)
            {
                range ? s6.SetNextHeaderRange(0, 255) : s6.SetNextHeader(58);
                range ? s4.SetNextHeaderRange(6, 17) : s4.SetNextHeader(1);
            }
            std::ostringstream label;
            label << "subset " << mask;
            RoundTrip(s6, "IPv6 " + label.str());
            RoundTrip(s4, "IPv4 " + label.str());
        }

        // Trailing octets are left to the enclosing option: Deserialize accepts a longer
        // length and consumes only what the flags announce.
        TrafficSelector t = TrafficSelector::FromFiveTuple(Ipv6Address("2001:db8::1"),
                                                           Ipv6Address("2001:db8::2"),
                                                           17,
                                                           1000,
                                                           2000);
        bytes = TsBytes(t);
        uint32_t exact = bytes.size();
        bytes.push_back(0xaa);
        bytes.push_back(0xbb);
        NS_TEST_EXPECT_MSG_EQ(TsParse(bytes, bytes.size(), 2, back, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(back.GetSerializedSize(), exact, "consumed the announced fields");
        NS_TEST_EXPECT_MSG_EQ((back == t), true, "five-tuple selector decoded");

        // Reserved bits are ignored on receipt (IPv4 flag bits 15, 16 and the reserved word).
        std::vector<uint8_t> v4res = {0x00, 0x03, 0xff, 0xff};
        NS_TEST_EXPECT_MSG_EQ(TsParse(v4res, v4res.size(), 1, back, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(back.IsEmpty(), true, "reserved bits ignored");
        NS_TEST_EXPECT_MSG_EQ(TsHex(TsBytes(back)), TsHex({0, 0, 0, 0}), "written as zero");

        // Printing.
        std::ostringstream oss;
        oss << built6();
        NS_TEST_EXPECT_MSG_EQ(oss.str(),
                              std::string("TS6(src=2001:db8::-2001:db8::ffff dport=80-88 nh=6)"),
                              "Print");
    }

    /**
     * \brief A small selector for the Print check.
     * \return the selector
     */
    static TrafficSelector built6()
    {
        TrafficSelector ts;
        ts.SetSourceAddressRange(Ipv6Address("2001:db8::"), Ipv6Address("2001:db8::ffff"));
        ts.SetDestinationPortRange(80, 88);
        ts.SetNextHeader(6);
        return ts;
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Malformed selectors are rejected with a reason and never read out of bounds.
 */
class TrafficSelectorMalformedTestCase : public TestCase
{
  public:
    TrafficSelectorMalformedTestCase()
        : TestCase("RFC 6088 selectors: malformed input rejected")
    {
    }

  private:
    void DoRun() override
    {
        std::string error;
        TrafficSelector ts;
        // Truncation at every offset, both formats, everything present.
        for (const TrafficSelector& full : {FullIpv6(), FullIpv4()})
        {
            std::vector<uint8_t> bytes = TsBytes(full);
            for (uint32_t k = 0; k < bytes.size(); ++k)
            {
                std::vector<uint8_t> prefix(bytes.begin(), bytes.begin() + k);
                error.clear();
                NS_TEST_EXPECT_MSG_EQ(TsParse(prefix, k, full.GetFormat(), ts, error),
                                      false,
                                      "format " << +full.GetFormat() << ": first " << k
                                                << " octets must not decode");
                NS_TEST_EXPECT_MSG_EQ(error.empty(), false, "reason for " << k);
                NS_TEST_EXPECT_MSG_EQ(ts.IsEmpty(), true, "cleared after failure " << k);
            }
        }

        // Unknown formats (0 and 3) are rejected, with the octets of a valid selector.
        std::vector<uint8_t> valid = TsBytes(FullIpv6());
        for (uint8_t format : {0, 3, 255})
        {
            error.clear();
            NS_TEST_EXPECT_MSG_EQ(TsParse(valid, valid.size(), format, ts, error),
                                  false,
                                  "format " << +format);
            NS_TEST_EXPECT_MSG_EQ(error.empty(), false, "reason for format " << +format);
        }

        // An end without its start: B without A (IPv6), J without I (IPv4).
        std::vector<uint8_t> bNoA(4 + 16, 0);
        bNoA[0] = 0x40;
        NS_TEST_EXPECT_MSG_EQ(TsParse(bNoA, bNoA.size(), 2, ts, error), false, "B without A");
        std::vector<uint8_t> jNoI = {0x00, 0x40, 0x00, 0x00, 0x00, 0x50};
        NS_TEST_EXPECT_MSG_EQ(TsParse(jNoI, jNoI.size(), 1, ts, error), false, "J without I");

        // Reversed ranges: ports 88..80, addresses ::2..::1, next header 17..6.
        std::vector<uint8_t> rev = {0x00, 0x30, 0x00, 0x00, 0x00, 0x58, 0x00, 0x50};
        NS_TEST_EXPECT_MSG_EQ(TsParse(rev, rev.size(), 2, ts, error), false, "ports 88-80");
        NS_TEST_EXPECT_MSG_EQ(ts.IsEmpty(), true, "cleared after reversed range");
        std::vector<uint8_t> revAddr(4 + 32, 0);
        revAddr[0] = 0xc0;
        revAddr[4 + 15] = 2;
        revAddr[4 + 16 + 15] = 1;
        NS_TEST_EXPECT_MSG_EQ(TsParse(revAddr, revAddr.size(), 2, ts, error),
                              false,
                              "addresses ::2-::1");
        std::vector<uint8_t> revNh = {0x00, 0x03, 0x00, 0x00, 0x11, 0x06};
        NS_TEST_EXPECT_MSG_EQ(TsParse(revNh, revNh.size(), 2, ts, error), false, "nh 17-6");
        revAddr[4 + 16 + 15] = 2; // ::2-::2 is a valid one-address range
        NS_TEST_EXPECT_MSG_EQ(TsParse(revAddr, revAddr.size(), 2, ts, error), true, error);

        // A flow label wider than 20 bits.
        std::vector<uint8_t> wide = {0x02, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00};
        NS_TEST_EXPECT_MSG_EQ(TsParse(wide, wide.size(), 2, ts, error), false, "label 0x100000");
        wide[5] = 0x0f;
        wide[6] = 0xff;
        wide[7] = 0xff;
        NS_TEST_EXPECT_MSG_EQ(TsParse(wide, wide.size(), 2, ts, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(ts.GetFlowLabelStart(), 0xfffff, "largest label");

        // The IPv6 flag bit positions of G/H mean SPI-sized fields for IPv4 (source port):
        // the same flags word announces different sizes per format.
        std::vector<uint8_t> g = {0x02, 0x00, 0x00, 0x00, 0x12, 0x34};
        NS_TEST_EXPECT_MSG_EQ(TsParse(g, g.size(), 1, ts, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(ts.GetSourcePortStart(), 0x1234, "IPv4 G = source port");
        NS_TEST_EXPECT_MSG_EQ(TsParse(g, g.size(), 2, ts, error), false, "IPv6 G = 4 octets");

        // Length shorter than the bytes that are there: the length rules.
        std::vector<uint8_t> five = TsBytes(TrafficSelector::FromFiveTuple(Ipv4Address("1.2.3.4"),
                                                                           Ipv4Address("5.6.7.8"),
                                                                           6,
                                                                           1,
                                                                           2));
        NS_TEST_EXPECT_MSG_EQ(TsParse(five, five.size() - 1, 1, ts, error),
                              false,
                              "length one short");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The matcher: every field, single values and ranges, wildcards, both families.
 */
class TrafficSelectorMatchTestCase : public TestCase
{
  public:
    TrafficSelectorMatchTestCase()
        : TestCase("RFC 6088 selectors: Matches() per field and range")
    {
    }

  private:
    void DoRun() override
    {
        Ipv6Header base = MakeIpv6("2001:db8:1:2::10", "2001:db8:9::1", 17, 0x28, 0x12345);

        TrafficSelector any6(mip6::TS_FORMAT_IPV6_BINARY);
        NS_TEST_EXPECT_MSG_EQ(any6.Matches(base, 1, 2), true, "empty IPv6 selector matches");
        TrafficSelector any4(mip6::TS_FORMAT_IPV4_BINARY);
        NS_TEST_EXPECT_MSG_EQ(any4.Matches(base, 1, 2), false, "IPv4 selector, IPv6 packet");
        NS_TEST_EXPECT_MSG_EQ(any6.Matches(MakeIpv4("1.1.1.1", "2.2.2.2", 6, 0), 1, 2),
                              false,
                              "IPv6 selector, IPv4 packet");

        // Source address: single, prefix range, edges of the range.
        TrafficSelector ts;
        ts.SetSourceAddress(Ipv6Address("2001:db8:1:2::10"));
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), true, "src single equal");
        ts.SetSourceAddress(Ipv6Address("2001:db8:1:2::11"));
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), false, "src single different");
        ts.SetSourceAddressPrefix(Ipv6Address("2001:db8:1:2::"), Ipv6Prefix(64));
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), true, "src inside /64");
        NS_TEST_EXPECT_MSG_EQ(
            ts.Matches(MakeIpv6("2001:db8:1:3::10", "2001:db8:9::1", 17, 0, 0), 1, 2),
            false,
            "src outside /64");
        ts.SetSourceAddressRange(Ipv6Address("2001:db8:1:2::10"), Ipv6Address("2001:db8:1:2::20"));
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), true, "src at range start");
        NS_TEST_EXPECT_MSG_EQ(
            ts.Matches(MakeIpv6("2001:db8:1:2::20", "2001:db8:9::1", 17, 0x28, 0x12345), 1, 2),
            true,
            "src at range end");
        NS_TEST_EXPECT_MSG_EQ(
            ts.Matches(MakeIpv6("2001:db8:1:2::21", "2001:db8:9::1", 17, 0x28, 0x12345), 1, 2),
            false,
            "src above range");
        NS_TEST_EXPECT_MSG_EQ(
            ts.Matches(MakeIpv6("2001:db8:1:2::f", "2001:db8:9::1", 17, 0x28, 0x12345), 1, 2),
            false,
            "src below range");
        ts.ClearField(TrafficSelector::SOURCE_ADDRESS);
        NS_TEST_EXPECT_MSG_EQ(ts.IsEmpty(), true, "ClearField");

        // Destination address.
        ts.SetDestinationAddress(Ipv6Address("2001:db8:9::1"));
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), true, "dst equal");
        ts.SetDestinationAddressPrefix(Ipv6Address("2001:db8:8::"), Ipv6Prefix(48));
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), false, "dst outside /48");
        ts.SetDestinationAddressPrefix(Ipv6Address("2001:db8::"), Ipv6Prefix(32));
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), true, "dst inside /32");
        ts.Clear();

        // Flow label, traffic class, next header.
        ts.SetFlowLabel(0x12345);
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), true, "flow label equal");
        ts.SetFlowLabelRange(0x12346, 0x20000);
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), false, "flow label below range");
        ts.SetFlowLabelRange(0x10000, 0x12345);
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), true, "flow label at range end");
        ts.Clear();
        ts.SetTrafficClass(0x28);
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), true, "tc equal");
        ts.SetTrafficClassRange(0x29, 0x30);
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), false, "tc below range");
        ts.SetTrafficClassRange(0x20, 0x28);
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), true, "tc in range");
        ts.Clear();
        ts.SetNextHeader(6);
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), false, "nh TCP vs UDP");
        ts.SetNextHeaderRange(6, 17);
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), true, "nh in 6-17");
        ts.Clear();

        // Ports.
        ts.SetSourcePort(5000);
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 5000, 80), true, "sport equal");
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 5001, 80), false, "sport different");
        ts.SetSourcePortRange(4000, 4999);
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 5000, 80), false, "sport above range");
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 4000, 80), true, "sport at range start");
        ts.Clear();
        ts.SetDestinationPortRange(80, 88);
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 79), false, "dport below");
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 80), true, "dport 80");
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 88), true, "dport 88");
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 89), false, "dport above");
        TrafficSelector::FlowKey noPorts = TrafficSelector::MakeKey(base, 1, 80);
        noPorts.hasPorts = false;
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(noPorts), false, "port selector, packet without ports");
        ts.Clear();
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(noPorts), true, "no port field, no ports needed");

        // SPI: only known through a FlowKey.
        ts.SetSpiRange(100, 200);
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(base, 1, 2), false, "SPI selector, SPI unknown");
        TrafficSelector::FlowKey esp = TrafficSelector::MakeKey(base, 0, 0);
        esp.hasSpi = true;
        esp.spi = 150;
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(esp), true, "SPI in range");
        esp.spi = 201;
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(esp), false, "SPI above range");
        ts.SetSpi(201);
        NS_TEST_EXPECT_MSG_EQ(ts.Matches(esp), true, "SPI single equal");
        ts.Clear();

        // All fields at once: one mismatch is enough to fail.
        TrafficSelector full = FullIpv6();
        Ipv6Header in = MakeIpv6("2001:db8:1::80", "2001:db8:2::8", 6, 0x24, 0x20000);
        TrafficSelector::FlowKey key = TrafficSelector::MakeKey(in, 1500, 85);
        key.hasSpi = true;
        key.spi = 0x150;
        NS_TEST_EXPECT_MSG_EQ(full.Matches(key), true, "all fields inside");
        TrafficSelector::FlowKey bad = key;
        bad.trafficClass = 0x29;
        NS_TEST_EXPECT_MSG_EQ(full.Matches(bad), false, "tc out");
        bad = key;
        bad.destinationPort = 89;
        NS_TEST_EXPECT_MSG_EQ(full.Matches(bad), false, "dport out");
        bad = key;
        bad.nextHeader = 18;
        NS_TEST_EXPECT_MSG_EQ(full.Matches(bad), false, "nh out");
        bad = key;
        bad.spi = 0x200;
        NS_TEST_EXPECT_MSG_EQ(full.Matches(bad), false, "spi out");

        // Five-tuple helper.
        TrafficSelector five = TrafficSelector::FromFiveTuple(Ipv6Address("2001:db8:1::80"),
                                                              Ipv6Address("2001:db8:2::8"),
                                                              6,
                                                              1500,
                                                              85);
        NS_TEST_EXPECT_MSG_EQ(five.Matches(in, 1500, 85), true, "5-tuple equal");
        NS_TEST_EXPECT_MSG_EQ(five.Matches(in, 1500, 86), false, "5-tuple other dport");
        NS_TEST_EXPECT_MSG_EQ(five.Matches(in, 1501, 85), false, "5-tuple other sport");

        // IPv4: addresses (subnet), ToS, protocol, ports.
        Ipv4Header v4 = MakeIpv4("10.1.2.3", "192.0.2.77", 17, 0xb8);
        TrafficSelector t4(mip6::TS_FORMAT_IPV4_BINARY);
        t4.SetIpv4SourceAddressPrefix(Ipv4Address("10.1.0.0"), Ipv4Mask("255.255.0.0"));
        NS_TEST_EXPECT_MSG_EQ(t4.Matches(v4, 1, 2), true, "IPv4 src in /16");
        NS_TEST_EXPECT_MSG_EQ(t4.GetIpv4SourceAddressEnd(), Ipv4Address("10.1.255.255"), "/16");
        t4.SetIpv4DestinationAddress(Ipv4Address("192.0.2.78"));
        NS_TEST_EXPECT_MSG_EQ(t4.Matches(v4, 1, 2), false, "IPv4 dst different");
        t4.SetIpv4DestinationAddressRange(Ipv4Address("192.0.2.0"), Ipv4Address("192.0.2.77"));
        NS_TEST_EXPECT_MSG_EQ(t4.Matches(v4, 1, 2), true, "IPv4 dst at range end");
        t4.SetTrafficClass(0xb8);
        NS_TEST_EXPECT_MSG_EQ(t4.Matches(v4, 1, 2), true, "ToS equal");
        t4.SetTrafficClassRange(0, 0xb7);
        NS_TEST_EXPECT_MSG_EQ(t4.Matches(v4, 1, 2), false, "ToS above range");
        t4.ClearField(TrafficSelector::TRAFFIC_CLASS);
        t4.SetNextHeader(17);
        t4.SetDestinationPortRange(5000, 5010);
        NS_TEST_EXPECT_MSG_EQ(t4.Matches(v4, 1, 5005), true, "IPv4 UDP dport in range");
        NS_TEST_EXPECT_MSG_EQ(t4.Matches(v4, 1, 5011), false, "IPv4 dport out");
        t4.SetNextHeader(6);
        NS_TEST_EXPECT_MSG_EQ(t4.Matches(v4, 1, 5005), false, "IPv4 protocol different");
        TrafficSelector five4 = TrafficSelector::FromFiveTuple(Ipv4Address("10.1.2.3"),
                                                               Ipv4Address("192.0.2.77"),
                                                               17,
                                                               9,
                                                               10);
        NS_TEST_EXPECT_MSG_EQ(five4.Matches(v4, 9, 10), true, "IPv4 5-tuple");
        NS_TEST_EXPECT_MSG_EQ(five4.Matches(v4, 10, 9), false, "IPv4 5-tuple swapped ports");

        // Equality ignores nothing that is on the wire and everything that is not.
        TrafficSelector a;
        TrafficSelector b;
        a.SetDestinationPort(80);
        b.SetDestinationPortRange(80, 80);
        NS_TEST_EXPECT_MSG_EQ((a == b), false, "single != one-value range (different flags)");
        b.SetDestinationPort(80);
        NS_TEST_EXPECT_MSG_EQ((a == b), true, "equal after reset");
        b.SetFormat(mip6::TS_FORMAT_IPV4_BINARY);
        NS_TEST_EXPECT_MSG_EQ(b.IsEmpty(), true, "changing the format clears the fields");
        NS_TEST_EXPECT_MSG_EQ((a != b), true, "different formats");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief RFC 6088 traffic selector tests.
 */
class TrafficSelectorTestSuite : public TestSuite
{
  public:
    TrafficSelectorTestSuite()
        : TestSuite("pmipv6-traffic-selector", UNIT)
    {
        AddTestCase(new TrafficSelectorVectorTestCase, TestCase::QUICK);
        AddTestCase(new TrafficSelectorRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new TrafficSelectorMalformedTestCase, TestCase::QUICK);
        AddTestCase(new TrafficSelectorMatchTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static TrafficSelectorTestSuite g_trafficSelectorTestSuite;
