/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The standard mobility options (RFC 4283, RFC 5213, RFC 5648, RFC 5949, RFC 6089, RFC 6705):
 * hand-written byte vectors, round trips, truncation at every offset, wrong fixed lengths,
 * unknown sub-options and alignment inside an options list.
 */

#include "ns3/abort.h"
#include "ns3/binding-update-header.h"
#include "ns3/buffer.h"
#include "ns3/flow-options.h"
#include "ns3/mac48-address.h"
#include "ns3/mobility-option.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/test.h"
#include "ns3/traffic-selector.h"

#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Octets.
typedef std::vector<uint8_t> Bytes;

/**
 * \brief Serialize one option (Type, Length, data).
 * \param o the option
 * \return its octets
 */
Bytes
OptBytes(Ptr<const MobilityOption> o)
{
    Buffer b;
    b.AddAtStart(o->GetSerializedSize());
    Buffer::Iterator it = b.Begin();
    o->Serialize(it);
    Bytes out(b.GetSize());
    b.CopyData(out.data(), out.size());
    return out;
}

/**
 * \brief Decode the data of one option with a given Length, as a list would hand it over.
 * \param bytes the option octets (Type, Length, data); only the data is read
 * \param length the length handed to DeserializeData (at most bytes.size() - 2); the
 * buffer holds exactly 2 + length octets
 * \param error the reason on failure
 * \return the option, or nullptr when DeserializeData failed
 */
Ptr<MobilityOption>
OptParse(const Bytes& bytes, uint8_t length, std::string& error)
{
    Ptr<MobilityOption> o = CreatePmipv6Option(bytes[0]);
    if (!o)
    {
        o = CreateFlowOption(bytes[0]);
    }
    if (!o)
    {
        o = CreateFlowIdSubOption(bytes[0]);
    }
    NS_ABORT_MSG_IF(!o, "test vector of unknown type " << +bytes[0]);
    NS_ABORT_MSG_IF(bytes.size() < 2u + length, "test vector shorter than the Length given");
    // Exactly Type, Length and `length` data octets: a read beyond them hits the end of the
    // buffer and asserts.
    Buffer b;
    b.AddAtStart(2 + length);
    Buffer::Iterator w = b.Begin();
    w.Write(bytes.data(), 2 + length);
    Buffer::Iterator r = b.Begin();
    r.Next(2);
    if (!o->DeserializeData(r, length, error))
    {
        return nullptr;
    }
    return o;
}

/**
 * \brief Decode a list of options from octets with the module's factory.
 * \param bytes the octets
 * \param length how many belong to the list
 * \param list the list to fill
 * \param error the reason on failure
 * \return the result of Deserialize
 */
bool
ListParse(const Bytes& bytes, uint32_t length, MobilityOptionList& list, std::string& error)
{
    Buffer b;
    b.AddAtStart(bytes.size());
    Buffer::Iterator w = b.Begin();
    w.Write(bytes.data(), bytes.size());
    return list.Deserialize(b.Begin(), length, error);
}

/**
 * \brief Serialize a list at an offset.
 * \param list the list
 * \param offset offset of the first octet from the start of the Mobility Header
 * \return the octets
 */
Bytes
ListBytes(const MobilityOptionList& list, uint32_t offset)
{
    Buffer b;
    b.AddAtStart(list.GetSerializedSize(offset));
    Buffer::Iterator it = b.Begin();
    list.Serialize(it, offset);
    Bytes out(b.GetSize());
    b.CopyData(out.data(), out.size());
    return out;
}

/**
 * \brief Hex dump for messages.
 * \param v the octets
 * \return the dump
 */
std::string
Hex(const Bytes& v)
{
    std::ostringstream oss;
    for (uint8_t b : v)
    {
        oss << std::hex << (b < 16 ? "0" : "") << +b << " ";
    }
    return oss.str();
}

/**
 * \brief Concatenate octet vectors.
 * \param parts the parts
 * \return the concatenation
 */
Bytes
Cat(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const auto& p : parts)
    {
        out.insert(out.end(), p.begin(), p.end());
    }
    return out;
}

/// 2001:db8:1:2::
const Bytes kPrefix = {0x20, 0x01, 0x0d, 0xb8, 0x00, 0x01, 0x00, 0x02, 0, 0, 0, 0, 0, 0, 0, 0};
/// fe80::1
const Bytes kLinkLocal = {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01};
/// 2001:db8:ffff::5
const Bytes kMagAddr = {0x20, 0x01, 0x0d, 0xb8, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x05};

/**
 * \brief The hand-written Flow Identification option: FID 7, FID-PRI 10, status 0, a BID
 * Reference to BID 5, an IPv6 selector for source prefix 2001:db8:1:2::/64 and destination
 * ports 80-88.
 * \return the octets
 */
Bytes
FlowIdVector()
{
    // clang-format off
    Bytes tsBody = Cat({
        {0xc0, 0x30, 0x00, 0x00}, // flags A B K L, reserved
        kPrefix,                  // (A) start source address
        {0x20, 0x01, 0x0d, 0xb8, 0x00, 0x01, 0x00, 0x02, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
         0xff},                  // (B) end source address
        {0x00, 0x50, 0x00, 0x58}, // (K) 80, (L) 88
    });
    // clang-format on
    // 40 octets of selector; the sub-option data adds TS Format 2 and Reserved: 42 = 0x2a.
    Bytes tsSub = Cat({{0x03, 0x2a, 0x02, 0x00}, tsBody});
    Bytes bidRef = {0x02, 0x02, 0x00, 0x05};
    // Option data: 6 fixed + 4 + 44 = 54 = 0x36.
    return Cat({{0x2d, 0x36, 0x00, 0x07, 0x00, 0x0a, 0x00, 0x00}, bidRef, tsSub});
}

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief Each option decoded from octets written by hand from the RFC layouts, and encoded
 * back to the same octets.
 */
class Pmipv6OptionVectorTestCase : public TestCase
{
  public:
    Pmipv6OptionVectorTestCase()
        : TestCase("standard options against hand-written octets")
    {
    }

  private:
    /**
     * \brief Decode a vector with its own Length.
     * \param v the octets
     * \return the option (the test fails when it does not decode)
     */
    Ptr<MobilityOption> Decode(const Bytes& v)
    {
        std::string error;
        Ptr<MobilityOption> o = OptParse(v, v[1], error);
        NS_TEST_EXPECT_MSG_NE(o, nullptr, "type " << +v[0] << ": " << error);
        NS_TEST_EXPECT_MSG_EQ(static_cast<size_t>(v[1]) + 2,
                              v.size(),
                              "vector Length is consistent");
        if (o)
        {
            NS_TEST_EXPECT_MSG_EQ(Hex(OptBytes(o)), Hex(v), "type " << +v[0] << " re-encodes");
        }
        return o;
    }

    void DoRun() override
    {
        // HNP: Type 22, Length 18, Reserved 0, Prefix Length 64, 2001:db8:1:2::
        Bytes hnpV = Cat({{0x16, 0x12, 0x00, 0x40}, kPrefix});
        auto hnp = DynamicCast<HomeNetworkPrefixOption>(Decode(hnpV));
        NS_TEST_ASSERT_MSG_NE(hnp, nullptr, "HNP");
        NS_TEST_EXPECT_MSG_EQ(hnp->GetPrefix(), Ipv6Address("2001:db8:1:2::"), "HNP prefix");
        NS_TEST_EXPECT_MSG_EQ(+hnp->GetPrefixLength(), 64, "HNP length");
        NS_TEST_EXPECT_MSG_EQ(hnp->GetIpv6Prefix(), Ipv6Prefix(64), "HNP as Ipv6Prefix");
        NS_TEST_EXPECT_MSG_EQ(hnp->IsUnspecified(), false, "HNP not zero");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(OptBytes(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:db8:1:2::"),
                                                         Ipv6Prefix(64).GetPrefixLength()))),
            Hex(hnpV),
            "HNP encoder");
        Bytes zeroHnp = Cat({{0x16, 0x12, 0x00, 0x00}, Bytes(16, 0)});
        NS_TEST_EXPECT_MSG_EQ(Hex(OptBytes(Create<HomeNetworkPrefixOption>())),
                              Hex(zeroHnp),
                              "default HNP is all zero");
        auto zero = DynamicCast<HomeNetworkPrefixOption>(Decode(zeroHnp));
        NS_TEST_EXPECT_MSG_EQ(zero->IsUnspecified(), true, "all-zero HNP");

        // MN-ID: Type 8, Length 1 + 16, Subtype 1 (NAI), "mn1@pmip.example"
        // clang-format off
        Bytes mnidV = {0x08, 0x11, 0x01, 'm', 'n', '1', '@', 'p', 'm', 'i', 'p',
                       '.',  'e',  'x',  'a', 'm', 'p', 'l', 'e'};
        // clang-format on
        auto mnid = DynamicCast<MobileNodeIdentifierOption>(Decode(mnidV));
        NS_TEST_ASSERT_MSG_NE(mnid, nullptr, "MN-ID");
        NS_TEST_EXPECT_MSG_EQ(+mnid->GetSubtype(), +mip6::MNID_SUBTYPE_NAI, "subtype NAI");
        NS_TEST_EXPECT_MSG_EQ(mnid->GetNai(), std::string("mn1@pmip.example"), "NAI");
        NS_TEST_EXPECT_MSG_EQ(Hex(OptBytes(Create<MobileNodeIdentifierOption>("mn1@pmip.example"))),
                              Hex(mnidV),
                              "MN-ID encoder");

        // Timestamp: Type 27, Length 8, 10 s + 0x8000/65536 s = 10.5 s
        Bytes tsV = {0x1b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0a, 0x80, 0x00};
        auto ts = DynamicCast<TimestampOption>(Decode(tsV));
        NS_TEST_ASSERT_MSG_NE(ts, nullptr, "Timestamp");
        NS_TEST_EXPECT_MSG_EQ(ts->GetSeconds(), 10u, "seconds");
        NS_TEST_EXPECT_MSG_EQ(ts->GetFraction(), 0x8000, "fraction");
        NS_TEST_EXPECT_MSG_EQ(ts->GetRaw(), 0xa8000ULL, "raw");
        NS_TEST_EXPECT_MSG_EQ(ts->GetTime(), Seconds(10.5), "as Time");
        NS_TEST_EXPECT_MSG_EQ(Hex(OptBytes(Create<TimestampOption>(MilliSeconds(10500)))),
                              Hex(tsV),
                              "Timestamp from Time");

        // Handoff Indicator 5 and Access Technology Type 4.
        Bytes hiV = {0x17, 0x02, 0x00, 0x05};
        auto hi = DynamicCast<HandoffIndicatorOption>(Decode(hiV));
        NS_TEST_EXPECT_MSG_EQ(+hi->GetHandoffIndicator(), +mip6::HI_NOT_CHANGED, "HI");
        Bytes attV = {0x18, 0x02, 0x00, 0x04};
        auto att = DynamicCast<AccessTechnologyTypeOption>(Decode(attV));
        NS_TEST_EXPECT_MSG_EQ(+att->GetAccessTechnologyType(), +mip6::ATT_IEEE_802_11, "ATT");

        // MN Link-layer Identifier: Reserved (16), 00:11:22:33:44:55.
        Bytes lliV = {0x19, 0x08, 0x00, 0x00, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55};
        auto lli = DynamicCast<MobileNodeLinkLayerIdOption>(Decode(lliV));
        NS_TEST_EXPECT_MSG_EQ(lli->IsMac48Address(), true, "MAC-48");
        NS_TEST_EXPECT_MSG_EQ(lli->GetMac48Address(), Mac48Address("00:11:22:33:44:55"), "MAC");
        Ptr<MobileNodeLinkLayerIdOption> fromAddress = Create<MobileNodeLinkLayerIdOption>();
        fromAddress->SetLinkLayerAddress(Mac48Address("00:11:22:33:44:55"));
        NS_TEST_EXPECT_MSG_EQ(Hex(OptBytes(fromAddress)), Hex(lliV), "from ns3::Address");

        // Link-local Address fe80::1.
        Bytes llaV = Cat({{0x1a, 0x10}, kLinkLocal});
        auto lla = DynamicCast<LinkLocalAddressOption>(Decode(llaV));
        NS_TEST_EXPECT_MSG_EQ(lla->GetAddress(), Ipv6Address("fe80::1"), "LLA");

        // Context Request: Reserved (16), request HNP (22, no data), request a vendor option
        // (19) with 5 octets of data.
        // clang-format off
        Bytes crV = {0x28, 0x0b, 0x00, 0x00, 0x16, 0x00, 0x13, 0x05, 0x00, 0x00, 0x28, 0xaf, 0x01};
        // clang-format on
        auto cr = DynamicCast<ContextRequestOption>(Decode(crV));
        NS_TEST_ASSERT_MSG_NE(cr, nullptr, "CR");
        NS_TEST_ASSERT_MSG_EQ(cr->GetRequests().size(), 2, "two requests");
        NS_TEST_EXPECT_MSG_EQ(+cr->GetRequests()[0].type, 22, "first type");
        NS_TEST_EXPECT_MSG_EQ(cr->GetRequests()[0].data.size(), 0, "first without data");
        NS_TEST_EXPECT_MSG_EQ(+cr->GetRequests()[1].type, 19, "second type");
        NS_TEST_EXPECT_MSG_EQ(Hex(cr->GetRequests()[1].data),
                              Hex({0x00, 0x00, 0x28, 0xaf, 0x01}),
                              "second data");
        NS_TEST_EXPECT_MSG_EQ(cr->HasRequest(22), true, "HasRequest");
        NS_TEST_EXPECT_MSG_EQ(cr->HasRequest(23), false, "not HasRequest");

        // MAG IPv6 Address: Reserved, Address Length 128, address.
        Bytes magV = Cat({{0x33, 0x12, 0x00, 0x80}, kMagAddr});
        auto mag = DynamicCast<MagIpv6AddressOption>(Decode(magV));
        NS_TEST_EXPECT_MSG_EQ(mag->GetAddress(), Ipv6Address("2001:db8:ffff::5"), "MAG");

        // Binding Identifier: BID 5, Status 0, H set, BID-PRI 3; then with an IPv4 CoA and
        // with an IPv6 CoA.
        Bytes bidV = {0x23, 0x04, 0x00, 0x05, 0x00, 0x83};
        auto bid = DynamicCast<BindingIdentifierOption>(Decode(bidV));
        NS_TEST_EXPECT_MSG_EQ(bid->GetBid(), 5, "BID");
        NS_TEST_EXPECT_MSG_EQ(bid->GetSimultaneousHomeForeign(), true, "H");
        NS_TEST_EXPECT_MSG_EQ(+bid->GetPriority(), 3, "BID-PRI");
        NS_TEST_EXPECT_MSG_EQ(bid->HasIpv4CareOfAddress() || bid->HasIpv6CareOfAddress(),
                              false,
                              "no CoA");
        Bytes bid4V = {0x23, 0x08, 0x01, 0x00, 0xa6, 0x7f, 0xc0, 0xa8, 0x01, 0x01};
        auto bid4 = DynamicCast<BindingIdentifierOption>(Decode(bid4V));
        NS_TEST_EXPECT_MSG_EQ(bid4->GetBid(), 256, "BID 256");
        NS_TEST_EXPECT_MSG_EQ(+bid4->GetStatus(), +mip6::BA_MCOA_PROHIBITED, "status 166");
        NS_TEST_EXPECT_MSG_EQ(bid4->GetSimultaneousHomeForeign(), false, "no H");
        NS_TEST_EXPECT_MSG_EQ(+bid4->GetPriority(), 127, "BID-PRI 127");
        NS_TEST_EXPECT_MSG_EQ(bid4->GetIpv4CareOfAddress(), Ipv4Address("192.168.1.1"), "CoA4");
        Bytes bid6V = Cat({{0x23, 0x14, 0x00, 0x02, 0x00, 0x01}, kMagAddr});
        auto bid6 = DynamicCast<BindingIdentifierOption>(Decode(bid6V));
        NS_TEST_EXPECT_MSG_EQ(bid6->HasIpv6CareOfAddress(), true, "CoA6 present");
        NS_TEST_EXPECT_MSG_EQ(bid6->GetIpv6CareOfAddress(), Ipv6Address("2001:db8:ffff::5"), "");

        // Flow Summary: FIDs 1 and 2.
        Bytes fsV = {0x2c, 0x04, 0x00, 0x01, 0x00, 0x02};
        auto fs = DynamicCast<FlowSummaryOption>(Decode(fsV));
        NS_TEST_ASSERT_MSG_EQ(fs->GetFids().size(), 2, "two FIDs");
        NS_TEST_EXPECT_MSG_EQ(fs->GetFids()[1], 2, "second FID");

        // Flow Identification with a BID Reference and an IPv6 selector.
        Bytes fidV = FlowIdVector();
        auto fid = DynamicCast<FlowIdentificationOption>(Decode(fidV));
        NS_TEST_ASSERT_MSG_NE(fid, nullptr, "FID option");
        NS_TEST_EXPECT_MSG_EQ(fid->GetFid(), 7, "FID");
        NS_TEST_EXPECT_MSG_EQ(fid->GetPriority(), 10, "FID-PRI");
        NS_TEST_EXPECT_MSG_EQ(+fid->GetStatus(), +mip6::FID_STATUS_SUCCESS, "status");
        NS_TEST_EXPECT_MSG_EQ(fid->GetSubOptions().GetCount(), 2, "two sub-options");
        NS_TEST_ASSERT_MSG_EQ(fid->GetBids().size(), 1, "one BID");
        NS_TEST_EXPECT_MSG_EQ(fid->GetBids()[0], 5, "BID 5");
        NS_TEST_EXPECT_MSG_EQ(fid->HasTrafficSelector(), true, "TS present");
        TrafficSelector sel = fid->GetTrafficSelector();
        NS_TEST_EXPECT_MSG_EQ(sel.IsIpv6(), true, "IPv6 selector");
        NS_TEST_EXPECT_MSG_EQ(sel.GetSourceAddressStart(), Ipv6Address("2001:db8:1:2::"), "A");
        NS_TEST_EXPECT_MSG_EQ(sel.GetSourceAddressEnd(),
                              Ipv6Address("2001:db8:1:2:ffff:ffff:ffff:ffff"),
                              "B");
        NS_TEST_EXPECT_MSG_EQ(sel.GetDestinationPortStart(), 80, "K");
        NS_TEST_EXPECT_MSG_EQ(sel.GetDestinationPortEnd(), 88, "L");

        Ptr<FlowIdentificationOption> built = Create<FlowIdentificationOption>(7, 10);
        built->AddBidReference({5});
        TrafficSelector bsel;
        bsel.SetSourceAddressPrefix(Ipv6Address("2001:db8:1:2::"), Ipv6Prefix(64));
        bsel.SetDestinationPortRange(80, 88);
        built->AddTrafficSelector(bsel);
        NS_TEST_EXPECT_MSG_EQ(Hex(OptBytes(built)), Hex(fidV), "FID option encoder");

        // Flow Identification with an IPv4 selector (source 192.0.2.1, dport 5000-5010,
        // protocol 17), status 131 (BID not found), no BID Reference.
        // clang-format off
        Bytes fid4V = {0x2d, 0x17, 0x00, 0x01, 0x00, 0x02, 0x00, 0x83, // FID 1, PRI 2, 131
                       0x03, 0x0f, 0x01, 0x00,                         // TS, format 1
                       0x80, 0xc8, 0x00, 0x00,                         // flags A I J M
                       0xc0, 0x00, 0x02, 0x01,                         // 192.0.2.1
                       0x13, 0x88, 0x13, 0x92,                         // 5000-5010
                       0x11};                                          // UDP
        // clang-format on
        auto fid4 = DynamicCast<FlowIdentificationOption>(Decode(fid4V));
        NS_TEST_ASSERT_MSG_NE(fid4, nullptr, "FID option, IPv4 selector");
        NS_TEST_EXPECT_MSG_EQ(+fid4->GetStatus(), +mip6::FID_STATUS_BID_NOT_FOUND, "status");
        NS_TEST_EXPECT_MSG_EQ(fid4->GetBids().size(), 0, "no BIDs");
        TrafficSelector sel4 = fid4->GetTrafficSelector();
        NS_TEST_EXPECT_MSG_EQ(sel4.IsIpv4(), true, "IPv4 selector");
        NS_TEST_EXPECT_MSG_EQ(sel4.GetIpv4SourceAddressStart(), Ipv4Address("192.0.2.1"), "A");
        NS_TEST_EXPECT_MSG_EQ(+sel4.GetNextHeaderStart(), 17, "protocol");

        // A selector of an unknown format is kept raw, not rejected.
        // clang-format off
        Bytes fidUnknown = {0x2d, 0x0c, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00,
                            0x03, 0x04, 0x07, 0x00, 0xab, 0xcd};
        // clang-format on
        auto fidU = DynamicCast<FlowIdentificationOption>(Decode(fidUnknown));
        NS_TEST_ASSERT_MSG_NE(fidU, nullptr, "unknown TS format kept");
        NS_TEST_EXPECT_MSG_EQ(fidU->GetTrafficSelectorSubOption()->IsFormatSupported(),
                              false,
                              "format 7 unsupported");
        NS_TEST_EXPECT_MSG_EQ(+fidU->GetTrafficSelectorSubOption()->GetFormat(), 7, "format 7");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Every option with non-default values: encode, decode, compare every accessor,
 * encode again.
 */
class Pmipv6OptionRoundTripTestCase : public TestCase
{
  public:
    Pmipv6OptionRoundTripTestCase()
        : TestCase("standard options round trip")
    {
    }

  private:
    /**
     * \brief Encode, decode, re-encode.
     * \param o the option
     * \return the decoded option
     */
    Ptr<MobilityOption> RoundTrip(Ptr<MobilityOption> o)
    {
        Bytes bytes = OptBytes(o);
        NS_TEST_EXPECT_MSG_EQ(+bytes[0], +o->GetType(), o->GetName() << " type octet");
        NS_TEST_EXPECT_MSG_EQ(+bytes[1], o->GetDataLength(), o->GetName() << " Length");
        std::string error;
        Ptr<MobilityOption> back = OptParse(bytes, bytes[1], error);
        NS_TEST_EXPECT_MSG_NE(back, nullptr, o->GetName() << ": " << error);
        if (back)
        {
            NS_TEST_EXPECT_MSG_EQ(Hex(OptBytes(back)), Hex(bytes), o->GetName() << " octets");
            std::ostringstream a;
            std::ostringstream b;
            o->Print(a);
            back->Print(b);
            NS_TEST_EXPECT_MSG_EQ(a.str(), b.str(), o->GetName() << " Print");
        }
        return back;
    }

    void DoRun() override
    {
        auto mnid = DynamicCast<MobileNodeIdentifierOption>(
            RoundTrip(Create<MobileNodeIdentifierOption>("alice@operator.example")));
        NS_TEST_EXPECT_MSG_EQ(mnid->GetNai(), std::string("alice@operator.example"), "NAI");
        Ptr<MobileNodeIdentifierOption> raw = Create<MobileNodeIdentifierOption>();
        raw->SetIdentifier(2, {1, 2, 3, 4, 5, 6, 7, 8});
        auto rawBack = DynamicCast<MobileNodeIdentifierOption>(RoundTrip(raw));
        NS_TEST_EXPECT_MSG_EQ(+rawBack->GetSubtype(), 2, "subtype 2");
        NS_TEST_EXPECT_MSG_EQ(Hex(rawBack->GetIdentifier()), Hex({1, 2, 3, 4, 5, 6, 7, 8}), "");

        auto hnp = DynamicCast<HomeNetworkPrefixOption>(
            RoundTrip(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:db8:aa:bb::"), 56)));
        NS_TEST_EXPECT_MSG_EQ(hnp->GetPrefix(), Ipv6Address("2001:db8:aa:bb::"), "prefix");
        NS_TEST_EXPECT_MSG_EQ(+hnp->GetPrefixLength(), 56, "length");

        auto hi = DynamicCast<HandoffIndicatorOption>(
            RoundTrip(Create<HandoffIndicatorOption>(mip6::HI_HANDOFF_BETWEEN_MAGS)));
        NS_TEST_EXPECT_MSG_EQ(+hi->GetHandoffIndicator(), 3, "HI");
        auto att = DynamicCast<AccessTechnologyTypeOption>(
            RoundTrip(Create<AccessTechnologyTypeOption>(mip6::ATT_EUTRAN)));
        NS_TEST_EXPECT_MSG_EQ(+att->GetAccessTechnologyType(), 8, "ATT");

        Ptr<MobileNodeLinkLayerIdOption> eui64 = Create<MobileNodeLinkLayerIdOption>();
        eui64->SetIdentifier({0x02, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55});
        auto lli = DynamicCast<MobileNodeLinkLayerIdOption>(RoundTrip(eui64));
        NS_TEST_EXPECT_MSG_EQ(lli->GetIdentifier().size(), 8, "EUI-64");
        NS_TEST_EXPECT_MSG_EQ(lli->IsMac48Address(), false, "not a MAC-48");

        auto lla = DynamicCast<LinkLocalAddressOption>(
            RoundTrip(Create<LinkLocalAddressOption>(Ipv6Address("fe80::200:ff:fe00:1"))));
        NS_TEST_EXPECT_MSG_EQ(lla->GetAddress(), Ipv6Address("fe80::200:ff:fe00:1"), "LLA");

        Ptr<TimestampOption> t = Create<TimestampOption>();
        t->SetSecondsAndFraction(0xffffffffffffULL, 0xffff);
        auto tb = DynamicCast<TimestampOption>(RoundTrip(t));
        NS_TEST_EXPECT_MSG_EQ(tb->GetSeconds(), 0xffffffffffffULL, "48-bit seconds");
        NS_TEST_EXPECT_MSG_EQ(tb->GetFraction(), 0xffff, "fraction");
        // Time conversions: SetTime rounds down to 1/65536 s, GetTime gives it back exactly.
        for (int64_t ns : {0LL, 1LL, 15258LL, 15259LL, 999999999LL, 1234567890123LL})
        {
            TimestampOption x(NanoSeconds(ns));
            TimestampOption y(x.GetTime());
            NS_TEST_EXPECT_MSG_EQ(y.GetRaw(), x.GetRaw(), "SetTime(GetTime()) at " << ns << " ns");
            NS_TEST_EXPECT_MSG_EQ((x.GetTime() <= NanoSeconds(ns) + NanoSeconds(15259)),
                                  true,
                                  "within 1/65536 s");
            NS_TEST_EXPECT_MSG_EQ((x.GetTime() + NanoSeconds(15259) > NanoSeconds(ns)),
                                  true,
                                  "not below by more than 1/65536 s");
        }
        NS_TEST_EXPECT_MSG_EQ(TimestampOption(Seconds(3)).GetRaw(), 3ULL << 16, "3 s");

        Ptr<ContextRequestOption> cr = Create<ContextRequestOption>();
        cr->AddRequest(mip6::OPT_HOME_NETWORK_PREFIX);
        cr->AddRequest(19, {0, 0, 0x28, 0xaf, 7});
        cr->AddRequest(mip6::OPT_LINK_LOCAL_ADDRESS);
        auto crb = DynamicCast<ContextRequestOption>(RoundTrip(cr));
        NS_TEST_EXPECT_MSG_EQ(crb->GetRequests().size(), 3, "three requests");
        NS_TEST_EXPECT_MSG_EQ(+crb->GetRequests()[2].type, 26, "third type");
        auto crEmpty = DynamicCast<ContextRequestOption>(RoundTrip(Create<ContextRequestOption>()));
        NS_TEST_EXPECT_MSG_EQ(crEmpty->GetRequests().size(), 0, "no requests");

        auto mag = DynamicCast<MagIpv6AddressOption>(
            RoundTrip(Create<MagIpv6AddressOption>(Ipv6Address("2001:db8:77::1"))));
        NS_TEST_EXPECT_MSG_EQ(mag->GetAddress(), Ipv6Address("2001:db8:77::1"), "MAG");

        Ptr<BindingIdentifierOption> bid = Create<BindingIdentifierOption>(0xbeef);
        bid->SetStatus(mip6::BA_MCOA_UNKNOWN_COA);
        bid->SetPriority(99);
        bid->SetSimultaneousHomeForeign(true);
        bid->SetCareOfAddress(Ipv6Address("2001:db8::c0a"));
        auto bidb = DynamicCast<BindingIdentifierOption>(RoundTrip(bid));
        NS_TEST_EXPECT_MSG_EQ(bidb->GetBid(), 0xbeef, "BID");
        NS_TEST_EXPECT_MSG_EQ(+bidb->GetStatus(), 167, "status");
        NS_TEST_EXPECT_MSG_EQ(+bidb->GetPriority(), 99, "BID-PRI");
        NS_TEST_EXPECT_MSG_EQ(bidb->GetSimultaneousHomeForeign(), true, "H");
        NS_TEST_EXPECT_MSG_EQ(bidb->GetIpv6CareOfAddress(), Ipv6Address("2001:db8::c0a"), "CoA");
        bid->SetCareOfAddress(Ipv4Address("198.51.100.9"));
        bidb = DynamicCast<BindingIdentifierOption>(RoundTrip(bid));
        NS_TEST_EXPECT_MSG_EQ(bidb->GetIpv4CareOfAddress(), Ipv4Address("198.51.100.9"), "CoA4");
        NS_TEST_EXPECT_MSG_EQ(bidb->HasIpv6CareOfAddress(), false, "no CoA6");
        bid->ClearCareOfAddress();
        bidb = DynamicCast<BindingIdentifierOption>(RoundTrip(bid));
        NS_TEST_EXPECT_MSG_EQ(bidb->GetDataLength(), 4, "no CoA");

        auto fs = DynamicCast<FlowSummaryOption>(
            RoundTrip(Create<FlowSummaryOption>(std::vector<uint16_t>{3, 0x1234, 0xffff})));
        NS_TEST_EXPECT_MSG_EQ(fs->GetFids().size(), 3, "FIDs");
        NS_TEST_EXPECT_MSG_EQ(fs->GetFids()[2], 0xffff, "last FID");

        Ptr<FlowIdentificationOption> fid = Create<FlowIdentificationOption>(0x0102, 0x0304);
        fid->SetStatus(mip6::FID_STATUS_TS_FORMAT_NOT_SUPPORTED);
        fid->AddBidReference({1, 2, 3});
        TrafficSelector sel(mip6::TS_FORMAT_IPV4_BINARY);
        sel.SetIpv4DestinationAddressPrefix(Ipv4Address("203.0.113.0"), Ipv4Mask("/24"));
        sel.SetNextHeader(6);
        sel.SetSourcePortRange(1024, 2048);
        fid->AddTrafficSelector(sel);
        fid->AddBidReference({4});
        auto fidb = DynamicCast<FlowIdentificationOption>(RoundTrip(fid));
        NS_TEST_EXPECT_MSG_EQ(fidb->GetFid(), 0x0102, "FID");
        NS_TEST_EXPECT_MSG_EQ(fidb->GetPriority(), 0x0304, "FID-PRI");
        NS_TEST_EXPECT_MSG_EQ(+fidb->GetStatus(), 133, "status");
        NS_TEST_EXPECT_MSG_EQ(fidb->GetBids().size(), 4, "BIDs of both references");
        NS_TEST_EXPECT_MSG_EQ(fidb->GetBids()[3], 4, "fourth BID");
        NS_TEST_EXPECT_MSG_EQ((fidb->GetTrafficSelector() == sel), true, "selector");
        Ptr<FlowIdentificationOption> bare = Create<FlowIdentificationOption>(9, 9);
        auto bareb = DynamicCast<FlowIdentificationOption>(RoundTrip(bare));
        NS_TEST_EXPECT_MSG_EQ(bareb->GetSubOptions().GetCount(), 0, "no sub-options");
        NS_TEST_EXPECT_MSG_EQ(bareb->HasTrafficSelector(), false, "no TS");

        // Factories know exactly their types.
        for (uint32_t type = 0; type < 256; ++type)
        {
            Ptr<MobilityOption> p = CreatePmipv6Option(type);
            Ptr<MobilityOption> f = CreateFlowOption(type);
            if (p)
            {
                NS_TEST_EXPECT_MSG_EQ(+p->GetType(), type, "CreatePmipv6Option type");
            }
            if (f)
            {
                NS_TEST_EXPECT_MSG_EQ(+f->GetType(), type, "CreateFlowOption type");
            }
            bool pmip = type == 8 || (type >= 22 && type <= 27) || type == 40 || type == 51;
            bool flow = type == 35 || type == 44 || type == 45;
            NS_TEST_EXPECT_MSG_EQ((p != nullptr), pmip, "pmipv6 family owns type " << type);
            NS_TEST_EXPECT_MSG_EQ((f != nullptr), flow, "flow family owns type " << type);
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Truncated and wrongly sized options are rejected with a reason, without crashing.
 */
class Pmipv6OptionMalformedTestCase : public TestCase
{
  public:
    Pmipv6OptionMalformedTestCase()
        : TestCase("standard options: truncation and wrong lengths rejected")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<MobileNodeLinkLayerIdOption> lli =
            Create<MobileNodeLinkLayerIdOption>(Mac48Address("00:11:22:33:44:55"));
        Ptr<ContextRequestOption> cr = Create<ContextRequestOption>();
        cr->AddRequest(22);
        cr->AddRequest(19, {1, 2, 3});
        Ptr<BindingIdentifierOption> bid = Create<BindingIdentifierOption>(3);
        bid->SetCareOfAddress(Ipv6Address("2001:db8::1"));
        Ptr<FlowIdentificationOption> fid = Create<FlowIdentificationOption>(1, 1);
        fid->AddBidReference({1, 2});
        fid->AddTrafficSelector(TrafficSelector::FromFiveTuple(Ipv6Address("2001:db8::1"),
                                                               Ipv6Address("2001:db8::2"),
                                                               6,
                                                               1,
                                                               2));

        std::vector<Ptr<MobilityOption>> all = {
            Create<MobileNodeIdentifierOption>("mn@example"),
            Create<HomeNetworkPrefixOption>(Ipv6Address("2001:db8::"), 64),
            Create<HandoffIndicatorOption>(2),
            Create<AccessTechnologyTypeOption>(3),
            lli,
            Create<LinkLocalAddressOption>(Ipv6Address("fe80::2")),
            Create<TimestampOption>(Seconds(5)),
            cr,
            Create<MagIpv6AddressOption>(Ipv6Address("2001:db8::9")),
            bid,
            Create<FlowSummaryOption>(std::vector<uint16_t>{1, 2}),
            fid,
        };

        for (const auto& o : all)
        {
            Bytes full = OptBytes(o);
            // (a) The first k octets of the option inside a list, Length left as it is: the
            // list must refuse, with a reason.
            for (uint32_t k = 1; k < full.size(); ++k)
            {
                MobilityOptionList list;
                std::string error;
                Bytes prefix(full.begin(), full.begin() + k);
                NS_TEST_EXPECT_MSG_EQ(ListParse(prefix, k, list, error),
                                      false,
                                      o->GetName() << ": first " << k << " octets");
                NS_TEST_EXPECT_MSG_EQ(error.empty(), false, o->GetName() << " reason " << k);
            }
            // (b) The option's own check: DeserializeData with every smaller Length. Fixed
            // sized options must refuse; variable ones either refuse or decode to an option
            // of exactly that length.
            for (uint32_t k = 0; k + 2 < full.size(); ++k)
            {
                std::string error;
                Ptr<MobilityOption> back = OptParse(full, k, error);
                if (back)
                {
                    NS_TEST_EXPECT_MSG_EQ(back->GetDataLength(),
                                          k,
                                          o->GetName() << " decoded with Length " << k);
                }
                else
                {
                    NS_TEST_EXPECT_MSG_EQ(error.empty(), false, o->GetName() << " reason " << k);
                }
            }
        }

        // Options that must refuse every shorter length: the fixed ones, and the minimums.
        struct
        {
            Bytes bytes;
            std::vector<uint8_t> badLengths;
            const char* what;
        } bad[] = {
            {OptBytes(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:db8::"), 64)),
             {0, 16, 17, 19, 20},
             "HNP"},
            {OptBytes(Create<HandoffIndicatorOption>(1)), {0, 1, 3}, "HI"},
            {OptBytes(Create<AccessTechnologyTypeOption>(1)), {0, 1, 3}, "ATT"},
            {OptBytes(Create<LinkLocalAddressOption>(Ipv6Address("fe80::1"))),
             {0, 8, 15, 17},
             "LLA"},
            {OptBytes(Create<TimestampOption>(Seconds(1))), {0, 4, 6, 7, 9}, "Timestamp"},
            {OptBytes(Create<MagIpv6AddressOption>(Ipv6Address("2001:db8::1"))),
             {0, 2, 16, 17, 19},
             "MAG IPv6 Address"},
            {OptBytes(Create<MobileNodeIdentifierOption>("a@b")), {0, 1}, "MN-ID"},
            {OptBytes(lli), {0, 1, 2}, "MN LL-ID"},
            {OptBytes(cr), {0, 1, 3, 5, 6, 7, 8}, "Context Request"},
            {OptBytes(bid), {0, 3, 5, 7, 9, 16, 19}, "BID"},
            {OptBytes(Create<FlowSummaryOption>(std::vector<uint16_t>{1, 2})),
             {0, 1, 3},
             "Flow Summary"},
            {OptBytes(fid), {0, 5}, "Flow Identification"},
        };

        for (auto& b : bad)
        {
            // Give every length enough readable octets (pad the vector) so that only the
            // option's own check can refuse.
            Bytes padded = b.bytes;
            padded.resize(2 + 64, 0);
            for (uint8_t len : b.badLengths)
            {
                std::string error;
                NS_TEST_EXPECT_MSG_EQ(OptParse(padded, len, error),
                                      nullptr,
                                      b.what << " with Length " << +len);
                NS_TEST_EXPECT_MSG_EQ(error.empty(), false, b.what << " reason, Length " << +len);
            }
        }

        // Field values that are out of range.
        std::string error;
        Bytes hnp129 = Cat({{0x16, 0x12, 0x00, 0x81}, Bytes(16, 0)});
        NS_TEST_EXPECT_MSG_EQ(OptParse(hnp129, 18, error), nullptr, "Prefix Length 129");
        Bytes mag64 = Cat({{0x33, 0x12, 0x00, 0x40}, kMagAddr});
        NS_TEST_EXPECT_MSG_EQ(OptParse(mag64, 18, error), nullptr, "Address Length 64");
        // Context Request whose request overruns the option.
        Bytes crOver = {0x28, 0x05, 0x00, 0x00, 0x13, 0x02, 0x01};
        NS_TEST_EXPECT_MSG_EQ(OptParse(crOver, 5, error), nullptr, "Req-length overrun");
        // Flow Identification whose TS sub-option has a trailing octet after the selector.
        // clang-format off
        Bytes fidTrail = {0x2d, 0x0f, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00,
                          0x03, 0x07, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0xee};
        // clang-format on
        NS_TEST_EXPECT_MSG_EQ(OptParse(fidTrail, 15, error), nullptr, "octet after selector");
        // ... whose selector announces more than the sub-option holds.
        // clang-format off
        Bytes fidShort = {0x2d, 0x0e, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00,
                          0x03, 0x06, 0x02, 0x00, 0x80, 0x00, 0x00, 0x00};
        // clang-format on
        NS_TEST_EXPECT_MSG_EQ(OptParse(fidShort, 14, error), nullptr, "selector overruns");
        // ... whose sub-option overruns the option.
        Bytes fidOver = {0x2d, 0x0a, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x02, 0x04, 0x00, 0x01};
        NS_TEST_EXPECT_MSG_EQ(OptParse(fidOver, 10, error), nullptr, "sub-option overruns");
        // ... with a BID Reference of odd length.
        Bytes fidOdd = {0x2d, 0x09, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x02, 0x01, 0x05};
        NS_TEST_EXPECT_MSG_EQ(OptParse(fidOdd, 9, error), nullptr, "odd BID Reference");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Unknown sub-options inside a Flow Identification option are kept raw and skipped;
 * Pad1/PadN sub-options are consumed.
 */
class FlowIdUnknownSubOptionTestCase : public TestCase
{
  public:
    FlowIdUnknownSubOptionTestCase()
        : TestCase("Flow Identification: unknown sub-option skipped, padding consumed")
    {
    }

  private:
    void DoRun() override
    {
        // BID Reference (5), unknown sub-option type 9 with 3 octets, Pad1, PadN(3),
        // Traffic Selector (empty IPv6 selector).
        // clang-format off
        Bytes v = {0x2d, 0x1b, 0x00, 0x07, 0x00, 0x0a, 0x00, 0x00, // FID 7 PRI 10
                   0x02, 0x02, 0x00, 0x05,                         // BID Reference 5
                   0x09, 0x03, 0xaa, 0xbb, 0xcc,                   // unknown type 9
                   0x00,                                           // Pad1
                   0x01, 0x01, 0x00,                               // PadN of 3
                   0x03, 0x06, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00}; // TS, IPv6, empty
        // clang-format on
        std::string error;
        auto fid = DynamicCast<FlowIdentificationOption>(OptParse(v, v[1], error));
        NS_TEST_ASSERT_MSG_NE(fid, nullptr, error);
        NS_TEST_EXPECT_MSG_EQ(fid->GetSubOptions().GetCount(), 3, "BIDRef, unknown, TS");
        auto unknown = fid->GetSubOptions().Find<UnknownMobilityOption>();
        NS_TEST_ASSERT_MSG_NE(unknown, nullptr, "unknown kept");
        NS_TEST_EXPECT_MSG_EQ(+unknown->GetType(), 9, "unknown type");
        NS_TEST_EXPECT_MSG_EQ(Hex(unknown->GetData()), Hex({0xaa, 0xbb, 0xcc}), "raw data");
        NS_TEST_EXPECT_MSG_EQ(fid->GetBids().size(), 1, "BID still read");
        NS_TEST_EXPECT_MSG_EQ(fid->HasTrafficSelector(), true, "TS after the unknown one");
        NS_TEST_EXPECT_MSG_EQ(fid->GetTrafficSelector().IsEmpty(), true, "empty selector");
        // Re-encoding keeps the unknown sub-option and drops the padding (no alignment).
        // clang-format off
        Bytes expect = {0x2d, 0x17, 0x00, 0x07, 0x00, 0x0a, 0x00, 0x00, 0x02, 0x02, 0x00,
                        0x05, 0x09, 0x03, 0xaa, 0xbb, 0xcc, 0x03, 0x06, 0x02, 0x00, 0x00,
                        0x00, 0x00, 0x00};
        // clang-format on
        NS_TEST_EXPECT_MSG_EQ(Hex(OptBytes(fid)), Hex(expect), "re-encoded");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Alignment of every option inside an options list starting at offset 12 (after the
 * fixed part of a PBU / PBA), and the exact padding of a hand-computed list.
 */
class Pmipv6OptionAlignmentTestCase : public TestCase
{
  public:
    Pmipv6OptionAlignmentTestCase()
        : TestCase("standard options: alignment and padding in an options list")
    {
    }

  private:
    void DoRun() override
    {
        // Hand-computed: HI at 12 (no alignment, 4 octets) -> 16; HNP needs 8n+4: PadN(4) at
        // 16, HNP at 20 (20 octets) -> 40; Timestamp needs 8n+2: PadN(2) at 40, Timestamp at
        // 42 (10) -> 52; LLA needs 8n+6: PadN(2) at 52, LLA at 54 (18) -> 72 = 9 x 8, no end
        // padding.
        MobilityOptionList small;
        small.Add(Create<HandoffIndicatorOption>(1));
        small.Add(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:db8:1:2::"), 64));
        small.Add(Create<TimestampOption>(Seconds(10.5)));
        small.Add(Create<LinkLocalAddressOption>(Ipv6Address("fe80::1")));
        Bytes expect = Cat({
            {0x17, 0x02, 0x00, 0x01},                                     // 12: HI
            {0x01, 0x02, 0x00, 0x00},                                     // 16: PadN(4)
            {0x16, 0x12, 0x00, 0x40},                                     // 20: HNP
            kPrefix,                                                      //
            {0x01, 0x00},                                                 // 40: PadN(2)
            {0x1b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0a, 0x80, 0x00}, // 42: Timestamp
            {0x01, 0x00},                                                 // 52: PadN(2)
            {0x1a, 0x10},                                                 // 54: LLA
            kLinkLocal,
        });
        NS_TEST_EXPECT_MSG_EQ(small.GetSerializedSize(12), 60, "size from offset 12");
        NS_TEST_EXPECT_MSG_EQ(Hex(ListBytes(small, 12)), Hex(expect), "padding positions");

        // Every option of both families in one list: walk the octets and check every Type
        // octet's alignment, that padding is Pad1/PadN of zeros shorter than the alignment
        // factor, and that the list ends on a multiple of 8.
        Ptr<FlowIdentificationOption> fid = Create<FlowIdentificationOption>(2, 3);
        fid->AddBidReference({7});
        fid->AddTrafficSelector(TrafficSelector::FromFiveTuple(Ipv4Address("10.0.0.1"),
                                                               Ipv4Address("10.0.0.2"),
                                                               17,
                                                               53,
                                                               53));
        Ptr<ContextRequestOption> cr = Create<ContextRequestOption>();
        cr->AddRequest(22);
        Ptr<BindingIdentifierOption> bid = Create<BindingIdentifierOption>(4);
        bid->SetCareOfAddress(Ipv6Address("2001:db8::4"));
        Ptr<MobileNodeLinkLayerIdOption> eui64 = Create<MobileNodeLinkLayerIdOption>();
        eui64->SetIdentifier({1, 2, 3, 4, 5, 6, 7, 8});
        std::vector<Ptr<MobilityOption>> options = {
            Create<MobileNodeIdentifierOption>("odd@x"), // 8 octets: leaves odd offsets
            Create<HomeNetworkPrefixOption>(Ipv6Address("2001:db8::"), 48),
            Create<HandoffIndicatorOption>(1),
            Create<MobileNodeLinkLayerIdOption>(Mac48Address("00:00:00:00:00:01")),
            Create<AccessTechnologyTypeOption>(4),
            Create<TimestampOption>(Seconds(1)),
            cr,
            Create<LinkLocalAddressOption>(Ipv6Address("fe80::1")),
            Create<MobileNodeIdentifierOption>("x"),
            bid,
            Create<MagIpv6AddressOption>(Ipv6Address("2001:db8::5")),
            Create<MobileNodeIdentifierOption>("y"),
            Create<FlowSummaryOption>(std::vector<uint16_t>{1}),
            eui64,
            fid,
            Create<HomeNetworkPrefixOption>(Ipv6Address("2001:db8:2::"), 64),
        };
        // Expected alignment per Type octet (x, y).
        std::map<uint8_t, std::pair<uint32_t, uint32_t>> align = {
            {8, {1, 0}},
            {22, {8, 4}},
            {23, {1, 0}},
            {24, {1, 0}},
            {26, {8, 6}},
            {27, {8, 2}},
            {40, {1, 0}},
            {35, {4, 2}},
            {51, {8, 4}},
            {44, {4, 2}},
            {45, {4, 2}},
        };
        for (uint32_t start : {12u, 13u, 14u, 15u, 16u, 17u, 18u, 19u})
        {
            MobilityOptionList list;
            for (const auto& o : options)
            {
                list.Add(o);
            }
            Bytes bytes = ListBytes(list, start);
            NS_TEST_EXPECT_MSG_EQ((start + bytes.size()) % 8, 0, "ends on 8n from " << start);
            uint32_t pos = 0;
            uint32_t seen = 0;
            uint32_t pad = 0;
            while (pos < bytes.size())
            {
                uint32_t offset = start + pos;
                uint8_t type = bytes[pos];
                if (type == 0)
                {
                    ++pad;
                    ++pos;
                    continue;
                }
                uint8_t len = bytes[pos + 1];
                if (type == 1)
                {
                    for (uint32_t k = 0; k < len; ++k)
                    {
                        NS_TEST_EXPECT_MSG_EQ(+bytes[pos + 2 + k], 0, "PadN content zero");
                    }
                    pad += len + 2;
                    pos += len + 2;
                    continue;
                }
                std::pair<uint32_t, uint32_t> a;
                if (type == 25)
                {
                    a = (len >= 10) ? std::make_pair(8u, 4u) : std::make_pair(4u, 0u);
                }
                else
                {
                    NS_TEST_ASSERT_MSG_EQ(align.count(type), 1, "known type " << +type);
                    a = align[type];
                }
                NS_TEST_EXPECT_MSG_EQ(offset % a.first,
                                      a.second,
                                      "type " << +type << " at offset " << offset << " from "
                                              << start);
                NS_TEST_EXPECT_MSG_EQ((pad < a.first || (seen == options.size())),
                                      true,
                                      "minimal padding before type " << +type);
                NS_TEST_EXPECT_MSG_EQ(+type,
                                      +options[seen]->GetType(),
                                      "wire order, option " << seen);
                ++seen;
                pad = 0;
                pos += len + 2;
            }
            NS_TEST_EXPECT_MSG_EQ(seen, options.size(), "every option present from " << start);
            NS_TEST_EXPECT_MSG_EQ((pad < 8), true, "end padding shorter than 8");

            // And the list reads back to the same octets.
            MobilityOptionList back;
            std::string error;
            NS_TEST_EXPECT_MSG_EQ(ListParse(bytes, bytes.size(), back, error), true, error);
            NS_TEST_EXPECT_MSG_EQ(back.GetCount(), options.size(), "count");
            NS_TEST_EXPECT_MSG_EQ(Hex(ListBytes(back, start)), Hex(bytes), "re-encoded");
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The options inside a Proxy Binding Update: the whole message round trips and every
 * truncation of it is rejected.
 */
class Pmipv6OptionsInPbuTestCase : public TestCase
{
  public:
    Pmipv6OptionsInPbuTestCase()
        : TestCase("standard and flow options inside a PBU")
    {
    }

  private:
    void DoRun() override
    {
        BindingUpdateHeader pbu;
        pbu.SetSequence(77);
        pbu.SetLifetime(100);
        pbu.AddOption(Create<MobileNodeIdentifierOption>("mn7@example.net"));
        pbu.AddOption(Create<HomeNetworkPrefixOption>());
        pbu.AddOption(Create<HandoffIndicatorOption>(mip6::HI_NEW_INTERFACE));
        pbu.AddOption(Create<AccessTechnologyTypeOption>(mip6::ATT_IEEE_802_3));
        pbu.AddOption(Create<TimestampOption>(Seconds(42)));
        pbu.AddOption(Create<BindingIdentifierOption>(1));
        Ptr<FlowIdentificationOption> fid = Create<FlowIdentificationOption>(1, 1);
        fid->AddBidReference({1});
        TrafficSelector sel;
        sel.SetDestinationPort(5060);
        fid->AddTrafficSelector(sel);
        pbu.AddOption(fid);

        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(pbu);
        Bytes bytes(p->GetSize());
        p->CopyData(bytes.data(), bytes.size());
        NS_TEST_EXPECT_MSG_EQ(bytes.size() % 8, 0, "multiple of 8");

        BindingUpdateHeader back;
        Ptr<Packet> q = Create<Packet>(bytes.data(), bytes.size());
        NS_TEST_ASSERT_MSG_EQ(q->PeekHeader(back), bytes.size(), back.GetError());
        NS_TEST_EXPECT_MSG_EQ(back.GetOptions().GetCount(), 7, "seven options");
        auto fb = back.GetOptions().Find<FlowIdentificationOption>();
        NS_TEST_ASSERT_MSG_NE(fb, nullptr, "FID option");
        NS_TEST_EXPECT_MSG_EQ(fb->GetTrafficSelector().GetDestinationPortStart(), 5060, "TS");
        auto tb = back.GetOptions().Find<TimestampOption>();
        NS_TEST_EXPECT_MSG_EQ(tb->GetTime(), Seconds(42), "Timestamp");
        auto hb = back.GetOptions().Find<HomeNetworkPrefixOption>();
        NS_TEST_EXPECT_MSG_EQ(hb->IsUnspecified(), true, "HNP ::/0");
        Ptr<Packet> r = Create<Packet>();
        r->AddHeader(back);
        Bytes again(r->GetSize());
        r->CopyData(again.data(), again.size());
        NS_TEST_EXPECT_MSG_EQ(Hex(again), Hex(bytes), "re-encoded message");

        for (uint32_t k = 0; k < bytes.size(); ++k)
        {
            BindingUpdateHeader t;
            Ptr<Packet> s = Create<Packet>(bytes.data(), k);
            NS_TEST_EXPECT_MSG_EQ(s->PeekHeader(t), 0, "first " << k << " octets");
            NS_TEST_EXPECT_MSG_EQ(t.GetError().empty(), false, "reason for " << k);
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Tests of the RFC 5213 / RFC 5648 / RFC 5949 / RFC 6089 / RFC 6705 options.
 */
class Pmipv6OptionsTestSuite : public TestSuite
{
  public:
    Pmipv6OptionsTestSuite()
        : TestSuite("pmipv6-options", UNIT)
    {
        AddTestCase(new Pmipv6OptionVectorTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6OptionRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6OptionMalformedTestCase, TestCase::QUICK);
        AddTestCase(new FlowIdUnknownSubOptionTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6OptionAlignmentTestCase, TestCase::QUICK);
        AddTestCase(new Pmipv6OptionsInPbuTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static Pmipv6OptionsTestSuite g_pmipv6OptionsTestSuite;
