/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Golden vectors: a Proxy Binding Update and a Proxy Binding Acknowledgement carrying all
 * seven RFC 5213 options, written octet by octet from RFC 6275 6.1 / 6.2, RFC 5213 8 and
 * RFC 4283 (not produced by the code under test). The code must write exactly these octets
 * and read every field back from them.
 */

#include "ns3/binding-update-header.h"
#include "ns3/mac48-address.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/test.h"

#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/*
 * Values shared by both vectors.
 *   MN-ID (NAI)        "mobile-node1@lma.net" (20 octets)
 *   Home Network Prefix 2001:db8:1:2::/64
 *   Handoff Indicator  1 (attachment over a new interface)
 *   Access Tech. Type  4 (IEEE 802.11a/b/g)
 *   MN Link-layer ID   MAC-48 00:11:22:33:44:55
 *   Link-local Address fe80::1
 *   Timestamp          1700000000 s + 0x8000/65536 s = 0x00006553f100.8000
 *   Sequence #         0x1234, Lifetime 150 (x 4 s = 600 s)
 */
const char* const kNai = "mobile-node1@lma.net";
const uint64_t kSeconds = 1700000000ULL; // 0x6553f100
const uint16_t kFraction = 0x8000;

/*
 * Proxy Binding Update, 112 octets (Header Len 13).
 * Offsets are from the start of the Mobility Header; an option's alignment xn+y is about
 * the offset of its Type octet.
 */
// clang-format off
const uint8_t kPbu[] = {
    // 0: Payload Proto 59, Header Len 13 ((13+1) x 8 = 112), MH Type 5 (BU), Reserved
    0x3b, 0x0d, 0x05, 0x00,
    // 4: Checksum (not computed for this vector)
    0x00, 0x00,
    // 6: Sequence # 0x1234
    0x12, 0x34,
    // 8: flags A (0x8000) | P (0x0200), the other flags and reserved bits 0
    0x82, 0x00,
    // 10: Lifetime 150 (4-second units)
    0x00, 0x96,
    // 12: Mobile Node Identifier (type 8, RFC 4283: no alignment), Length 21 =
    //     Subtype 1 (NAI) + 20 octets of "mobile-node1@lma.net"
    0x08, 0x15, 0x01,
    0x6d, 0x6f, 0x62, 0x69, 0x6c, 0x65, 0x2d, 0x6e, 0x6f, 0x64, // "mobile-nod"
    0x65, 0x31, 0x40, 0x6c, 0x6d, 0x61, 0x2e, 0x6e, 0x65, 0x74, // "e1@lma.net"
    // 35: Pad1 -- the HNP option needs 8n+4, the next such offset is 36
    0x00,
    // 36 (= 8x4+4): Home Network Prefix (type 22), Length 18: Reserved, Prefix Length 64,
    //     prefix 2001:db8:1:2::
    0x16, 0x12, 0x00, 0x40,
    0x20, 0x01, 0x0d, 0xb8, 0x00, 0x01, 0x00, 0x02,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    // 56: Handoff Indicator (type 23, no alignment), Length 2: Reserved, HI 1
    0x17, 0x02, 0x00, 0x01,
    // 60: Access Technology Type (type 24, no alignment), Length 2: Reserved, ATT 4
    0x18, 0x02, 0x00, 0x04,
    // 64 (= 8x8): Mobile Node Link-layer Identifier (type 25), Length 8: Reserved (16),
    //     MAC-48 00:11:22:33:44:55. RFC 5213 8.6 gives no fixed alignment ("based on the
    //     size of the identifier"); 64 is both 8n and 4n, so no padding is needed here.
    0x19, 0x08, 0x00, 0x00, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55,
    // 74: PadN of 4 (Type 1, Length 2, two zeros) -- Link-local Address needs 8n+6: 78
    0x01, 0x02, 0x00, 0x00,
    // 78 (= 8x9+6): Link-local Address (type 26), Length 16: fe80::1
    0x1a, 0x10,
    0xfe, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
    // 96: PadN of 2 (Type 1, Length 0) -- Timestamp needs 8n+2: 98
    0x01, 0x00,
    // 98 (= 8x12+2): Timestamp (type 27), Length 8: 48-bit seconds 0x00006553f100,
    //     16-bit fraction 0x8000
    0x1b, 0x08, 0x00, 0x00, 0x65, 0x53, 0xf1, 0x00, 0x80, 0x00,
    // 108: PadN of 4 -- end padding so that the header is 112 = 14 x 8 octets
    0x01, 0x02, 0x00, 0x00,
};
// clang-format on

/*
 * Proxy Binding Acknowledgement, 112 octets (Header Len 13), options in another order so
 * that other paddings occur.
 */
// clang-format off
const uint8_t kPba[] = {
    // 0: Payload Proto 59, Header Len 13, MH Type 6 (BA), Reserved
    0x3b, 0x0d, 0x06, 0x00,
    // 4: Checksum (not computed for this vector)
    0x00, 0x00,
    // 6: Status 0 (accepted), flags P (0x20), K R T B and reserved 0
    0x00, 0x20,
    // 8: Sequence # 0x1234 (echoes the PBU)
    0x12, 0x34,
    // 10: Lifetime 150 (4-second units)
    0x00, 0x96,
    // 12 (= 8x1+4): Home Network Prefix, no padding needed
    0x16, 0x12, 0x00, 0x40,
    0x20, 0x01, 0x0d, 0xb8, 0x00, 0x01, 0x00, 0x02,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    // 32: Mobile Node Identifier, Length 21, Subtype 1, "mobile-node1@lma.net"
    0x08, 0x15, 0x01,
    0x6d, 0x6f, 0x62, 0x69, 0x6c, 0x65, 0x2d, 0x6e, 0x6f, 0x64,
    0x65, 0x31, 0x40, 0x6c, 0x6d, 0x61, 0x2e, 0x6e, 0x65, 0x74,
    // 55: Handoff Indicator 1 (no alignment, so at an odd offset)
    0x17, 0x02, 0x00, 0x01,
    // 59: Access Technology Type 4
    0x18, 0x02, 0x00, 0x04,
    // 63: PadN of 3 (Type 1, Length 1, one zero) -- Timestamp needs 8n+2: 66
    0x01, 0x01, 0x00,
    // 66 (= 8x8+2): Timestamp 0x00006553f100.8000
    0x1b, 0x08, 0x00, 0x00, 0x65, 0x53, 0xf1, 0x00, 0x80, 0x00,
    // 76: PadN of 2 -- Link-local Address needs 8n+6: 78
    0x01, 0x00,
    // 78 (= 8x9+6): Link-local Address fe80::1
    0x1a, 0x10,
    0xfe, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
    // 96 (= 8x12, also 4n): Mobile Node Link-layer Identifier 00:11:22:33:44:55
    0x19, 0x08, 0x00, 0x00, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55,
    // 106: PadN of 6 (Type 1, Length 4, four zeros) -- end padding to 112
    0x01, 0x04, 0x00, 0x00, 0x00, 0x00,
};

// clang-format on

/**
 * \brief Serialize a header through a packet.
 * \param h the header
 * \return its octets
 */
std::vector<uint8_t>
Serialize(const Header& h)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    std::vector<uint8_t> out(p->GetSize());
    p->CopyData(out.data(), out.size());
    return out;
}

/**
 * \brief Hex dump with offsets for failure messages.
 * \param v the octets
 * \return the dump
 */
std::string
Hex(const std::vector<uint8_t>& v)
{
    std::ostringstream oss;
    for (uint32_t k = 0; k < v.size(); ++k)
    {
        if (k % 16 == 0)
        {
            oss << "\n" << std::dec << k << ":";
        }
        oss << " " << std::hex << (v[k] < 16 ? "0" : "") << +v[k];
    }
    return oss.str();
}

/**
 * \brief Add the seven options in the PBU's order.
 * \param h the message
 */
void
AddPbuOptions(MobilityHeader& h)
{
    h.AddOption(Create<MobileNodeIdentifierOption>(kNai));
    h.AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:db8:1:2::"), 64));
    h.AddOption(Create<HandoffIndicatorOption>(mip6::HI_NEW_INTERFACE));
    h.AddOption(Create<AccessTechnologyTypeOption>(mip6::ATT_IEEE_802_11));
    h.AddOption(Create<MobileNodeLinkLayerIdOption>(Mac48Address("00:11:22:33:44:55")));
    h.AddOption(Create<LinkLocalAddressOption>(Ipv6Address("fe80::1")));
    Ptr<TimestampOption> ts = Create<TimestampOption>();
    ts->SetSecondsAndFraction(kSeconds, kFraction);
    h.AddOption(ts);
}

/**
 * \brief Add the seven options in the PBA's order.
 * \param h the message
 */
void
AddPbaOptions(MobilityHeader& h)
{
    h.AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:db8:1:2::"), 64));
    h.AddOption(Create<MobileNodeIdentifierOption>(kNai));
    h.AddOption(Create<HandoffIndicatorOption>(mip6::HI_NEW_INTERFACE));
    h.AddOption(Create<AccessTechnologyTypeOption>(mip6::ATT_IEEE_802_11));
    Ptr<TimestampOption> ts = Create<TimestampOption>();
    ts->SetSecondsAndFraction(kSeconds, kFraction);
    h.AddOption(ts);
    h.AddOption(Create<LinkLocalAddressOption>(Ipv6Address("fe80::1")));
    h.AddOption(Create<MobileNodeLinkLayerIdOption>(Mac48Address("00:11:22:33:44:55")));
}

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief Shared checks of the seven options of both vectors.
 */
class GoldenTestCaseBase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param name the test name
     */
    explicit GoldenTestCaseBase(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /**
     * \brief Check every option of a decoded message, in the expected wire order.
     * \param h the decoded message
     * \param order the expected Type octets in wire order
     */
    void CheckOptions(const MobilityHeader& h, const std::vector<uint8_t>& order)
    {
        const MobilityOptionList& opts = h.GetOptions();
        NS_TEST_ASSERT_MSG_EQ(opts.GetCount(), 7, "seven options, padding not counted");
        for (uint32_t k = 0; k < order.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(+opts.GetOptions()[k]->GetType(), +order[k], "option " << k);
        }

        Ptr<MobileNodeIdentifierOption> mnid = opts.Find<MobileNodeIdentifierOption>();
        NS_TEST_ASSERT_MSG_NE(mnid, nullptr, "MN-ID option decoded");
        NS_TEST_EXPECT_MSG_EQ(+mnid->GetSubtype(), +mip6::MNID_SUBTYPE_NAI, "MN-ID subtype");
        NS_TEST_EXPECT_MSG_EQ(mnid->GetNai(), std::string(kNai), "MN-ID NAI");

        Ptr<HomeNetworkPrefixOption> hnp = opts.Find<HomeNetworkPrefixOption>();
        NS_TEST_ASSERT_MSG_NE(hnp, nullptr, "HNP option decoded");
        NS_TEST_EXPECT_MSG_EQ(hnp->GetPrefix(), Ipv6Address("2001:db8:1:2::"), "HNP prefix");
        NS_TEST_EXPECT_MSG_EQ(+hnp->GetPrefixLength(), 64, "HNP prefix length");
        NS_TEST_EXPECT_MSG_EQ(opts.CountType(mip6::OPT_HOME_NETWORK_PREFIX), 1, "one HNP");

        Ptr<HandoffIndicatorOption> hi = opts.Find<HandoffIndicatorOption>();
        NS_TEST_ASSERT_MSG_NE(hi, nullptr, "HI option decoded");
        NS_TEST_EXPECT_MSG_EQ(+hi->GetHandoffIndicator(), +mip6::HI_NEW_INTERFACE, "HI");

        Ptr<AccessTechnologyTypeOption> att = opts.Find<AccessTechnologyTypeOption>();
        NS_TEST_ASSERT_MSG_NE(att, nullptr, "ATT option decoded");
        NS_TEST_EXPECT_MSG_EQ(+att->GetAccessTechnologyType(), +mip6::ATT_IEEE_802_11, "ATT");

        Ptr<MobileNodeLinkLayerIdOption> llid = opts.Find<MobileNodeLinkLayerIdOption>();
        NS_TEST_ASSERT_MSG_NE(llid, nullptr, "MN LL-ID option decoded");
        NS_TEST_EXPECT_MSG_EQ(llid->IsMac48Address(), true, "LL-ID is a MAC-48");
        NS_TEST_EXPECT_MSG_EQ(llid->GetMac48Address(),
                              Mac48Address("00:11:22:33:44:55"),
                              "LL-ID address");
        NS_TEST_EXPECT_MSG_EQ(llid->GetIdentifier().size(), 6, "LL-ID identifier length");

        Ptr<LinkLocalAddressOption> lla = opts.Find<LinkLocalAddressOption>();
        NS_TEST_ASSERT_MSG_NE(lla, nullptr, "LLA option decoded");
        NS_TEST_EXPECT_MSG_EQ(lla->GetAddress(), Ipv6Address("fe80::1"), "link-local address");

        Ptr<TimestampOption> ts = opts.Find<TimestampOption>();
        NS_TEST_ASSERT_MSG_NE(ts, nullptr, "Timestamp option decoded");
        NS_TEST_EXPECT_MSG_EQ(ts->GetSeconds(), kSeconds, "timestamp seconds");
        NS_TEST_EXPECT_MSG_EQ(ts->GetFraction(), kFraction, "timestamp fraction");
        NS_TEST_EXPECT_MSG_EQ(ts->GetRaw(), 0x00006553f1008000ULL, "timestamp raw 48.16");
    }

    /**
     * \brief Deserialize the first k octets for every k below the full length: every prefix
     * must be rejected with a reason, without crashing.
     * \param decoder a fresh message object to decode into
     * \param bytes the full vector
     */
    void CheckTruncation(MobilityHeader& decoder, const std::vector<uint8_t>& bytes)
    {
        for (uint32_t k = 0; k < bytes.size(); ++k)
        {
            Ptr<Packet> p = Create<Packet>(bytes.data(), k);
            uint32_t n = p->PeekHeader(decoder);
            NS_TEST_EXPECT_MSG_EQ(n, 0, "first " << k << " octets must not decode");
            NS_TEST_EXPECT_MSG_EQ(decoder.IsValid(), false, "IsValid after " << k << " octets");
            NS_TEST_EXPECT_MSG_EQ(decoder.GetError().empty(), false, "reason for " << k);
        }
        // The whole vector still decodes with the same object afterwards.
        Ptr<Packet> p = Create<Packet>(bytes.data(), bytes.size());
        NS_TEST_EXPECT_MSG_EQ(p->PeekHeader(decoder), bytes.size(), "full vector decodes");
        NS_TEST_EXPECT_MSG_EQ(decoder.IsValid(), true, decoder.GetError());
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The PBU golden vector.
 */
class PbuGoldenTestCase : public GoldenTestCaseBase
{
  public:
    PbuGoldenTestCase()
        : GoldenTestCaseBase("PBU with all seven RFC 5213 options, byte-exact")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<uint8_t> golden(kPbu, kPbu + sizeof(kPbu));
        NS_TEST_ASSERT_MSG_EQ(golden.size(), 112, "vector length (test self-check)");

        // Encode: the code's PBU must be exactly the hand-written octets.
        BindingUpdateHeader pbu;
        pbu.SetSequence(0x1234);
        pbu.SetFlags(BindingUpdateHeader::FLAG_A | BindingUpdateHeader::FLAG_P);
        pbu.SetLifetime(150);
        AddPbuOptions(pbu);
        NS_TEST_EXPECT_MSG_EQ(pbu.GetSerializedSize(), 112, "serialized size");
        std::vector<uint8_t> bytes = Serialize(pbu);
        NS_TEST_EXPECT_MSG_EQ(Hex(bytes), Hex(golden), "PBU octets");

        // Decode: every field from the hand-written octets.
        BindingUpdateHeader decoded;
        decoded.SetSequence(0xffff); // make sure the fields are really read
        decoded.SetFlags(0);
        Ptr<Packet> p = Create<Packet>(golden.data(), golden.size());
        NS_TEST_ASSERT_MSG_EQ(p->RemoveHeader(decoded), 112, decoded.GetError());
        NS_TEST_EXPECT_MSG_EQ(p->GetSize(), 0, "the whole vector is the header");
        NS_TEST_EXPECT_MSG_EQ(decoded.IsValid(), true, "valid");
        NS_TEST_EXPECT_MSG_EQ(+decoded.GetPayloadProto(), 59, "Payload Proto");
        NS_TEST_EXPECT_MSG_EQ(+decoded.GetMhType(), +mip6::MH_BINDING_UPDATE, "MH Type");
        NS_TEST_EXPECT_MSG_EQ(decoded.GetChecksum(), 0, "Checksum");
        NS_TEST_EXPECT_MSG_EQ(decoded.GetSequence(), 0x1234, "Sequence #");
        NS_TEST_EXPECT_MSG_EQ(decoded.GetFlags(), 0x8200, "flags");
        NS_TEST_EXPECT_MSG_EQ(decoded.HasFlag(BindingUpdateHeader::FLAG_A), true, "A flag");
        NS_TEST_EXPECT_MSG_EQ(decoded.IsProxy(), true, "P flag");
        NS_TEST_EXPECT_MSG_EQ(decoded.HasFlag(BindingUpdateHeader::FLAG_H), false, "H flag");
        NS_TEST_EXPECT_MSG_EQ(decoded.GetLifetime(), 150, "Lifetime units");
        NS_TEST_EXPECT_MSG_EQ(decoded.GetLifetimeSeconds(), 600, "Lifetime seconds");
        NS_TEST_EXPECT_MSG_EQ(decoded.GetOptionsOffset(), 12, "options at 12");
        CheckOptions(decoded,
                     {mip6::OPT_MOBILE_NODE_IDENTIFIER,
                      mip6::OPT_HOME_NETWORK_PREFIX,
                      mip6::OPT_HANDOFF_INDICATOR,
                      mip6::OPT_ACCESS_TECHNOLOGY_TYPE,
                      mip6::OPT_MOBILE_NODE_LINK_LAYER_ID,
                      mip6::OPT_LINK_LOCAL_ADDRESS,
                      mip6::OPT_TIMESTAMP});

        // Decoded then written again: the same octets.
        NS_TEST_EXPECT_MSG_EQ(Hex(Serialize(decoded)), Hex(golden), "re-serialized PBU");

        // Not a PBA.
        BindingAckHeader wrong;
        Ptr<Packet> q = Create<Packet>(golden.data(), golden.size());
        NS_TEST_EXPECT_MSG_EQ(q->PeekHeader(wrong), 0, "a PBU is not a PBA");

        BindingUpdateHeader truncated;
        CheckTruncation(truncated, golden);
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The PBA golden vector.
 */
class PbaGoldenTestCase : public GoldenTestCaseBase
{
  public:
    PbaGoldenTestCase()
        : GoldenTestCaseBase("PBA with all seven RFC 5213 options, byte-exact")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<uint8_t> golden(kPba, kPba + sizeof(kPba));
        NS_TEST_ASSERT_MSG_EQ(golden.size(), 112, "vector length (test self-check)");

        BindingAckHeader pba;
        pba.SetStatus(mip6::BA_ACCEPTED);
        pba.SetFlags(BindingAckHeader::FLAG_P);
        pba.SetSequence(0x1234);
        pba.SetLifetime(150);
        AddPbaOptions(pba);
        NS_TEST_EXPECT_MSG_EQ(pba.GetSerializedSize(), 112, "serialized size");
        NS_TEST_EXPECT_MSG_EQ(Hex(Serialize(pba)), Hex(golden), "PBA octets");

        BindingAckHeader decoded;
        decoded.SetStatus(0xff);
        decoded.SetFlags(0);
        Ptr<Packet> p = Create<Packet>(golden.data(), golden.size());
        NS_TEST_ASSERT_MSG_EQ(p->RemoveHeader(decoded), 112, decoded.GetError());
        NS_TEST_EXPECT_MSG_EQ(decoded.IsValid(), true, "valid");
        NS_TEST_EXPECT_MSG_EQ(+decoded.GetPayloadProto(), 59, "Payload Proto");
        NS_TEST_EXPECT_MSG_EQ(+decoded.GetMhType(), +mip6::MH_BINDING_ACK, "MH Type");
        NS_TEST_EXPECT_MSG_EQ(+decoded.GetStatus(), +mip6::BA_ACCEPTED, "Status");
        NS_TEST_EXPECT_MSG_EQ(+decoded.GetFlags(), 0x20, "flags");
        NS_TEST_EXPECT_MSG_EQ(decoded.IsProxy(), true, "P flag");
        NS_TEST_EXPECT_MSG_EQ(decoded.HasFlag(BindingAckHeader::FLAG_K), false, "K flag");
        NS_TEST_EXPECT_MSG_EQ(decoded.GetSequence(), 0x1234, "Sequence #");
        NS_TEST_EXPECT_MSG_EQ(decoded.GetLifetime(), 150, "Lifetime units");
        NS_TEST_EXPECT_MSG_EQ(decoded.GetLifetimeSeconds(), 600, "Lifetime seconds");
        CheckOptions(decoded,
                     {mip6::OPT_HOME_NETWORK_PREFIX,
                      mip6::OPT_MOBILE_NODE_IDENTIFIER,
                      mip6::OPT_HANDOFF_INDICATOR,
                      mip6::OPT_ACCESS_TECHNOLOGY_TYPE,
                      mip6::OPT_TIMESTAMP,
                      mip6::OPT_LINK_LOCAL_ADDRESS,
                      mip6::OPT_MOBILE_NODE_LINK_LAYER_ID});

        NS_TEST_EXPECT_MSG_EQ(Hex(Serialize(decoded)), Hex(golden), "re-serialized PBA");

        BindingUpdateHeader wrong;
        Ptr<Packet> q = Create<Packet>(golden.data(), golden.size());
        NS_TEST_EXPECT_MSG_EQ(q->PeekHeader(wrong), 0, "a PBA is not a PBU");

        BindingAckHeader truncated;
        CheckTruncation(truncated, golden);
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The PBU/PBA golden-vector test suite.
 */
class PbuPbaGoldenTestSuite : public TestSuite
{
  public:
    PbuPbaGoldenTestSuite()
        : TestSuite("pmipv6-pbu-pba-golden", UNIT)
    {
        AddTestCase(new PbuGoldenTestCase, TestCase::QUICK);
        AddTestCase(new PbaGoldenTestCase, TestCase::QUICK);
    }
};

/// The static instance.
static PbuPbaGoldenTestSuite g_pbuPbaGoldenTestSuite;
