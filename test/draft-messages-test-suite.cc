/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The Mobility Header messages of the drafts: PFBI / PFBA (lma-init-flow-binding 7.1),
 * FMI / FMA (pmipv6-flow-mobility-draft 4), LROREQ / LRORSP (local-ro 9.2, 9.3) and the
 * LMA RO Start Request / Response (local-ro A.1). For each: round trip with non-default
 * fields and options, a byte vector written by hand from the draft's figure, truncation at
 * every offset, the checksum, and the readings chosen where a draft is ambiguous
 * (doc/notes/draft-messages.md).
 */

#include "ns3/flow-mobility-header.h"
#include "ns3/local-routing-optimization-header.h"
#include "ns3/log.h"
#include "ns3/mobility-option.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/proxy-flow-binding-header.h"
#include "ns3/test.h"

#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("DraftMessagesTestSuite");

namespace
{

/// An option type no module family owns, so it stays UnknownMobilityOption on receipt.
constexpr uint8_t TEST_OPTION_TYPE_A = 200;

/**
 * \brief Octets as hex text, for readable comparisons.
 * \param bytes the octets
 * \return e.g. "3b 01 f0"
 */
std::string
Hex(const std::vector<uint8_t>& bytes)
{
    std::ostringstream oss;
    for (size_t k = 0; k < bytes.size(); ++k)
    {
        oss << (k ? " " : "") << std::hex << std::setw(2) << std::setfill('0') << +bytes[k];
    }
    return oss.str();
}

/**
 * \brief Serialize a header the way a packet carries it.
 * \param h the header
 * \return its octets
 */
std::vector<uint8_t>
Bytes(const Header& h)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    std::vector<uint8_t> bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    return bytes;
}

/**
 * \brief Deserialize the first \p length octets of \p bytes.
 * \param bytes the octets
 * \param length how many of them the packet holds
 * \param h the header to fill
 * \return what Deserialize returned
 */
uint32_t
Parse(const std::vector<uint8_t>& bytes, uint32_t length, Header& h)
{
    Ptr<Packet> p = Create<Packet>(bytes.data(), length);
    return p->PeekHeader(h);
}

/**
 * \brief Octets of one option (Type, Length, data).
 * \param o the option
 * \return its octets
 */
std::vector<uint8_t>
OptionBytes(const MobilityOption& o)
{
    Buffer b;
    b.AddAtStart(o.GetSerializedSize());
    Buffer::Iterator it = b.Begin();
    o.Serialize(it);
    std::vector<uint8_t> bytes(o.GetSerializedSize());
    b.CopyData(bytes.data(), bytes.size());
    return bytes;
}

/**
 * \brief An option of a type the module does not know, with some data.
 * \param type the Type octet
 * \param data the data octets
 * \return the option
 */
Ptr<MobilityOption>
TestOption(uint8_t type, const std::vector<uint8_t>& data)
{
    Ptr<UnknownMobilityOption> o = Create<UnknownMobilityOption>(type);
    o->SetData(data);
    return o;
}

/// Pseudo-header addresses for the checksum tests.
const Ipv6Address SRC("2001:db8:1::1");
/// Pseudo-header addresses for the checksum tests.
const Ipv6Address DST("2001:db8:2::2");

} // namespace

/**
 * \ingroup pmipv6-test
 * \brief Checks shared by every draft message test.
 */
class DraftMessageTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param name the test case name
     */
    explicit DraftMessageTestCase(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /**
     * \brief Add the test options to a message: MN-ID (no alignment), HNP (8n+4) and an
     * option of a type the module does not know.
     * \param h the message
     */
    void AddTestOptions(MobilityHeader& h)
    {
        h.AddOption(Create<MobileNodeIdentifierOption>("mn1@example.org"));
        h.AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:db8:aa::"), 64));
        h.AddOption(TestOption(TEST_OPTION_TYPE_A, {0xde, 0xad, 0xbe, 0xef, 0x01}));
    }

    /**
     * \brief Check that a message carries the options AddTestOptions adds, decoded by their
     * classes.
     * \param h the message
     * \param name for messages
     */
    void CheckTestOptions(const MobilityHeader& h, const std::string& name)
    {
        NS_TEST_ASSERT_MSG_EQ(h.GetOptions().GetCount(), 3, name << ": option count");
        Ptr<MobileNodeIdentifierOption> mnid = h.GetOptions().Find<MobileNodeIdentifierOption>();
        NS_TEST_ASSERT_MSG_NE(mnid, nullptr, name << ": MN-ID option not decoded");
        NS_TEST_EXPECT_MSG_EQ(mnid->GetNai(), "mn1@example.org", name << ": NAI");
        Ptr<HomeNetworkPrefixOption> hnp = h.GetOptions().Find<HomeNetworkPrefixOption>();
        NS_TEST_ASSERT_MSG_NE(hnp, nullptr, name << ": HNP option not decoded");
        NS_TEST_EXPECT_MSG_EQ(hnp->GetPrefix(), Ipv6Address("2001:db8:aa::"), name << ": HNP");
        NS_TEST_EXPECT_MSG_EQ(+hnp->GetPrefixLength(), 64, name << ": HNP length");
        NS_TEST_EXPECT_MSG_EQ(+h.GetOptions().GetOptions()[2]->GetType(),
                              +TEST_OPTION_TYPE_A,
                              name << ": unknown option kept");
    }

    /**
     * \brief Offset of the HNP option's Type octet in a serialized message (walks the
     * options, skipping padding), to check its 8n+4 alignment.
     * \param bytes the message
     * \param offset offset of the first option
     * \return the offset, or 0 when not found
     */
    static uint32_t FindOptionOffset(const std::vector<uint8_t>& bytes, uint32_t offset)
    {
        uint32_t pos = offset;
        while (pos + 1 < bytes.size())
        {
            if (bytes[pos] == mip6::OPT_HOME_NETWORK_PREFIX)
            {
                return pos;
            }
            pos += bytes[pos] == mip6::OPT_PAD1 ? 1 : 2 + bytes[pos + 1];
        }
        return 0;
    }

    /**
     * \brief Serialize \p original, deserialize into \p parsed, check the framing, the options
     * and that \p parsed serializes to the same octets. The caller compares the fixed fields.
     * \param original the message with non-default fields
     * \param parsed a default-constructed message of the same class
     * \param name for messages
     */
    void RoundTrip(const MobilityHeader& original, MobilityHeader& parsed, const std::string& name)
    {
        std::vector<uint8_t> bytes = Bytes(original);
        NS_TEST_ASSERT_MSG_EQ(bytes.size() % 8, 0, name << ": not a multiple of 8 octets");
        NS_TEST_ASSERT_MSG_EQ(bytes.size(),
                              original.GetSerializedSize(),
                              name << ": size differs from GetSerializedSize");
        NS_TEST_EXPECT_MSG_EQ(+bytes[1], bytes.size() / 8 - 1, name << ": Header Len");
        NS_TEST_EXPECT_MSG_EQ(+bytes[0], +mip6::IPPROTO_NONE_VALUE, name << ": Payload Proto");
        NS_TEST_EXPECT_MSG_EQ(+bytes[2], +original.GetMhType(), name << ": MH Type");
        uint32_t consumed = Parse(bytes, bytes.size(), parsed);
        NS_TEST_ASSERT_MSG_EQ(consumed, bytes.size(), name << ": " << parsed.GetError());
        NS_TEST_ASSERT_MSG_EQ(parsed.IsValid(), true, name << ": " << parsed.GetError());
        NS_TEST_EXPECT_MSG_EQ(parsed.GetError(), "", name << ": error on a valid message");
        CheckSameOptions(original, parsed, name);
        if (original.GetOptions().Find<HomeNetworkPrefixOption>())
        {
            CheckTestOptions(parsed, name);
            NS_TEST_EXPECT_MSG_EQ(FindOptionOffset(bytes, original.GetOptionsOffset()) % 8,
                                  4,
                                  name << ": HNP not at 8n+4");
        }
        NS_TEST_EXPECT_MSG_EQ(Hex(Bytes(parsed)), Hex(bytes), name << ": re-serialization");
    }

    /**
     * \brief Check that two messages carry the same options, octet for octet.
     * \param a one message
     * \param b the other
     * \param name for messages
     */
    void CheckSameOptions(const MobilityHeader& a, const MobilityHeader& b, const std::string& name)
    {
        const auto& oa = a.GetOptions().GetOptions();
        const auto& ob = b.GetOptions().GetOptions();
        NS_TEST_ASSERT_MSG_EQ(ob.size(), oa.size(), name << ": option count");
        for (size_t k = 0; k < oa.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(+ob[k]->GetType(), +oa[k]->GetType(), name << ": option type");
            NS_TEST_EXPECT_MSG_EQ(Hex(OptionBytes(*ob[k])),
                                  Hex(OptionBytes(*oa[k])),
                                  name << ": option " << k << " octets");
        }
    }

    /**
     * \brief Parse a hand-written vector, then check that re-serializing gives it back.
     * \param bytes the vector
     * \param h a default-constructed message of the class
     * \param name for messages
     */
    void ParseVector(const std::vector<uint8_t>& bytes, MobilityHeader& h, const std::string& name)
    {
        uint32_t consumed = Parse(bytes, bytes.size(), h);
        NS_TEST_ASSERT_MSG_EQ(consumed, bytes.size(), name << ": " << h.GetError());
        NS_TEST_ASSERT_MSG_EQ(h.IsValid(), true, name << ": " << h.GetError());
        NS_TEST_EXPECT_MSG_EQ(Hex(Bytes(h)), Hex(bytes), name << ": re-serialization");
    }

    /**
     * \brief Deserialize every proper prefix of \p full (Header Len left as it is): each must
     * be rejected with a reason, and the full vector accepted.
     * \param full a valid message
     * \param fresh a default-constructed message of the class (reused)
     * \param name for messages
     */
    void CheckTruncation(const std::vector<uint8_t>& full,
                         MobilityHeader& fresh,
                         const std::string& name)
    {
        for (uint32_t k = 0; k < full.size(); ++k)
        {
            uint32_t consumed = Parse(full, k, fresh);
            NS_TEST_EXPECT_MSG_EQ(consumed, 0, name << ": " << k << " octets accepted");
            NS_TEST_EXPECT_MSG_EQ(fresh.IsValid(), false, name << ": " << k << " octets valid");
            NS_TEST_EXPECT_MSG_NE(fresh.GetError(), "", name << ": no reason at " << k);
        }
        NS_TEST_EXPECT_MSG_EQ(Parse(full, full.size(), fresh), full.size(), name << ": full");
        NS_TEST_EXPECT_MSG_EQ(fresh.IsValid(), true, name << ": full " << fresh.GetError());
    }

    /**
     * \brief A Header Len that leaves no room for the fixed fields must be rejected.
     * \param full a valid message of at least 16 octets
     * \param fresh a default-constructed message of the class
     * \param name for messages
     */
    void CheckShortHeaderLen(std::vector<uint8_t> full,
                             MobilityHeader& fresh,
                             const std::string& name)
    {
        full[1] = 0; // 8 octets: fewer than 6 + the fixed fields of every draft message
        uint32_t consumed = Parse(full, full.size(), fresh);
        NS_TEST_EXPECT_MSG_EQ(consumed, 0, name << ": Header Len 0 accepted");
        NS_TEST_EXPECT_MSG_EQ(fresh.IsValid(), false, name << ": Header Len 0 valid");
        NS_TEST_EXPECT_MSG_NE(fresh.GetError().find("shorter than"),
                              std::string::npos,
                              name << ": reason " << fresh.GetError());
    }

    /**
     * \brief An option overrunning the message must be rejected.
     * \param full a valid message whose first option starts at \p optionOffset
     * \param optionOffset offset of the first option's Type octet
     * \param fresh a default-constructed message of the class
     * \param name for messages
     */
    void CheckOptionOverrun(std::vector<uint8_t> full,
                            uint32_t optionOffset,
                            MobilityHeader& fresh,
                            const std::string& name)
    {
        full[optionOffset + 1] = 0xff;
        uint32_t consumed = Parse(full, full.size(), fresh);
        NS_TEST_EXPECT_MSG_EQ(consumed, 0, name << ": overrunning option accepted");
        NS_TEST_EXPECT_MSG_EQ(fresh.IsValid(), false, name << ": overrunning option valid");
        NS_TEST_EXPECT_MSG_NE(fresh.GetError().find("overruns"),
                              std::string::npos,
                              name << ": reason " << fresh.GetError());
    }

    /**
     * \brief A message of another MH type must be rejected.
     * \param other a valid message of another type
     * \param fresh a default-constructed message of the class
     * \param name for messages
     */
    void CheckWrongType(const std::vector<uint8_t>& other,
                        MobilityHeader& fresh,
                        const std::string& name)
    {
        NS_TEST_EXPECT_MSG_EQ(Parse(other, other.size(), fresh), 0, name << ": wrong MH type");
        NS_TEST_EXPECT_MSG_EQ(fresh.IsValid(), false, name << ": wrong MH type valid");
        NS_TEST_EXPECT_MSG_NE(fresh.GetError().find("MH Type"),
                              std::string::npos,
                              name << ": reason " << fresh.GetError());
    }

    /**
     * \brief With EnableChecksum the checksum over the octets and the pseudo-header is 0,
     * the field matches GetChecksum, and a flipped bit breaks it.
     * \param h the message (its checksum gets enabled)
     * \param name for messages
     */
    void CheckChecksum(MobilityHeader& h, const std::string& name)
    {
        h.EnableChecksum(SRC, DST);
        std::vector<uint8_t> bytes = Bytes(h);
        uint16_t field = (bytes[4] << 8) | bytes[5];
        NS_TEST_EXPECT_MSG_NE(field, 0, name << ": checksum not written");
        NS_TEST_EXPECT_MSG_EQ(field, h.GetChecksum(), name << ": GetChecksum");
        NS_TEST_EXPECT_MSG_EQ(MobilityHeader::ComputeChecksum(SRC, DST, bytes.data(), bytes.size()),
                              0,
                              name << ": checksum does not verify");
        std::vector<uint8_t> flipped = bytes;
        flipped[8] ^= 0x01;
        NS_TEST_EXPECT_MSG_NE(
            MobilityHeader::ComputeChecksum(SRC, DST, flipped.data(), flipped.size()),
            0,
            name << ": a flipped bit still verifies");
        NS_TEST_EXPECT_MSG_NE(MobilityHeader::ComputeChecksum(SRC,
                                                              Ipv6Address("2001:db8:2::3"),
                                                              bytes.data(),
                                                              bytes.size()),
                              0,
                              name << ": another destination still verifies");
    }
};

// ---------------------------------------------------------------------------------------------

/**
 * \ingroup pmipv6-test
 * \brief PFBI / PFBA (draft-sarikaya-netext-lma-init-flow-binding 7.1.1, 7.1.2).
 */
class ProxyFlowBindingTestCase : public DraftMessageTestCase
{
  public:
    /// \brief Constructor.
    ProxyFlowBindingTestCase()
        : DraftMessageTestCase("PFBI and PFBA: round trip, draft figure vectors, truncation, "
                               "checksum")
    {
    }

  private:
    void DoRun() override
    {
        // Defaults and the options offset (6 + 4 = 10, i.e. 8n+2).
        ProxyFlowBindingIndicationHeader pfbi;
        NS_TEST_EXPECT_MSG_EQ(+pfbi.GetMhType(), 240, "PFBI MH type");
        NS_TEST_EXPECT_MSG_EQ(pfbi.GetOptionsOffset(), 10, "PFBI options offset");
        NS_TEST_EXPECT_MSG_EQ(pfbi.HasFlag(ProxyFlowBindingIndicationHeader::FLAG_A),
                              true,
                              "PFBI requests an ack by default");
        ProxyFlowBindingAckHeader pfba;
        NS_TEST_EXPECT_MSG_EQ(+pfba.GetMhType(), 241, "PFBA MH type");
        NS_TEST_EXPECT_MSG_EQ(pfba.GetOptionsOffset(), 10, "PFBA options offset");
        NS_TEST_EXPECT_MSG_EQ(+pfba.GetStatus(), +mip6::PFBA_SUCCESS, "PFBA default status");

        // Round trips with non-default fields and two options.
        {
            ProxyFlowBindingIndicationHeader h;
            h.SetSequence(0xbeef);
            h.SetTrigger(mip6::PFBI_TRIGGER_POSSIBLE_OUT_OF_SYNC_BCE_STATE);
            h.SetFlag(ProxyFlowBindingIndicationHeader::FLAG_A, false);
            AddTestOptions(h);
            ProxyFlowBindingIndicationHeader r;
            RoundTrip(h, r, "PFBI");
            NS_TEST_EXPECT_MSG_EQ(r.GetSequence(), 0xbeef, "PFBI sequence");
            NS_TEST_EXPECT_MSG_EQ(+r.GetTrigger(), 3, "PFBI trigger");
            NS_TEST_EXPECT_MSG_EQ(r.HasFlag(ProxyFlowBindingIndicationHeader::FLAG_A),
                                  false,
                                  "PFBI A flag");
            h.SetFlag(ProxyFlowBindingIndicationHeader::FLAG_A, true);
            h.SetTrigger(mip6::PFBI_TRIGGER_TESTING_LAST);
            ProxyFlowBindingIndicationHeader r2;
            RoundTrip(h, r2, "PFBI with A");
            NS_TEST_EXPECT_MSG_EQ(r2.HasFlag(ProxyFlowBindingIndicationHeader::FLAG_A),
                                  true,
                                  "PFBI A flag set");
            NS_TEST_EXPECT_MSG_EQ(+r2.GetTrigger(), 255, "PFBI testing trigger");
        }
        {
            ProxyFlowBindingAckHeader h;
            h.SetSequence(0xbeef);
            h.SetStatus(mip6::PFBA_PARTIAL_SUCCESS);
            AddTestOptions(h);
            ProxyFlowBindingAckHeader r;
            RoundTrip(h, r, "PFBA");
            NS_TEST_EXPECT_MSG_EQ(r.GetSequence(), 0xbeef, "PFBA sequence");
            NS_TEST_EXPECT_MSG_EQ(+r.GetStatus(), 1, "PFBA status");
            NS_TEST_EXPECT_MSG_EQ(r.IsSuccess(), true, "partial success is a success (<128)");
            h.SetStatus(mip6::PFBA_BINDING_DOES_NOT_EXIST);
            NS_TEST_EXPECT_MSG_EQ(h.IsSuccess(), false, "128 is a rejection");
        }

        // Hand-written from Figure 7.1.1: common part, Sequence #, Trigger, A|Reserved, then
        // one option (type 200, 2 octets) at offset 10 and a PadN(2) to end at 16.
        // clang-format off
        const std::vector<uint8_t> pfbiVector = {
            0x3b, 0x01, 0xf0, 0x00, 0x00, 0x00, // Payload Proto 59, Header Len 1, MH 240
            0x12, 0x34,                         // Sequence # 0x1234
            0x02,                               // Trigger 2: administrative reason
            0x80,                               // A = 1, Reserved 0
            0xc8, 0x02, 0xab, 0xcd,             // option type 200, length 2
            0x01, 0x00,                         // PadN, 0 data octets
        };
        // clang-format on
        {
            ProxyFlowBindingIndicationHeader h;
            ParseVector(pfbiVector, h, "PFBI vector");
            NS_TEST_EXPECT_MSG_EQ(h.GetSequence(), 0x1234, "PFBI vector sequence");
            NS_TEST_EXPECT_MSG_EQ(+h.GetTrigger(),
                                  +mip6::PFBI_TRIGGER_ADMINISTRATIVE_REASON,
                                  "PFBI vector trigger");
            NS_TEST_EXPECT_MSG_EQ(h.HasFlag(ProxyFlowBindingIndicationHeader::FLAG_A),
                                  true,
                                  "PFBI vector A");
            NS_TEST_ASSERT_MSG_EQ(h.GetOptions().GetCount(), 1, "PFBI vector options");
            NS_TEST_EXPECT_MSG_EQ(+h.GetOptions().GetOptions()[0]->GetType(),
                                  200,
                                  "PFBI vector option type");
            NS_TEST_EXPECT_MSG_EQ(Hex(OptionBytes(*h.GetOptions().GetOptions()[0])),
                                  "c8 02 ab cd",
                                  "PFBI vector option");
            // The same message built by the code gives the same octets.
            ProxyFlowBindingIndicationHeader b;
            b.SetSequence(0x1234);
            b.SetTrigger(mip6::PFBI_TRIGGER_ADMINISTRATIVE_REASON);
            b.AddOption(TestOption(200, {0xab, 0xcd}));
            NS_TEST_EXPECT_MSG_EQ(Hex(Bytes(b)), Hex(pfbiVector), "PFBI built = vector");
        }
        {
            // Reserved bits set by a sender are ignored (and written back as zero).
            std::vector<uint8_t> v = pfbiVector;
            v[9] = 0x7f; // A = 0, every Reserved bit 1
            ProxyFlowBindingIndicationHeader h;
            NS_TEST_EXPECT_MSG_EQ(Parse(v, v.size(), h), v.size(), h.GetError());
            NS_TEST_EXPECT_MSG_EQ(h.HasFlag(ProxyFlowBindingIndicationHeader::FLAG_A),
                                  false,
                                  "Reserved bits are not the A flag");
            NS_TEST_EXPECT_MSG_EQ(+Bytes(h)[9], 0, "Reserved bits written as zero");
        }

        {
            // Alignment: options start at 10 (8n+2), so an HNP option (8n+4) is preceded by a
            // PadN of 2 octets; the message ends at 32 (Header Len 3).
            // clang-format off
            const std::vector<uint8_t> v = {
                0x3b, 0x03, 0xf0, 0x00, 0x00, 0x00, // MH 240, Header Len 3
                0x00, 0x01,                         // Sequence # 1
                0x01,                               // Trigger 1: unspecified
                0x80,                               // A = 1
                0x01, 0x00,                         // PadN, 0 data octets
                0x16, 0x12, 0x00, 0x40,             // HNP: type 22, Length 18, Rsvd, /64
                0x20, 0x01, 0x0d, 0xb8, 0x00, 0xaa, 0x00, 0x00, // 2001:db8:aa::
                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            };
            // clang-format on
            ProxyFlowBindingIndicationHeader h;
            ParseVector(v, h, "PFBI HNP vector");
            Ptr<HomeNetworkPrefixOption> hnp = h.GetOptions().Find<HomeNetworkPrefixOption>();
            NS_TEST_ASSERT_MSG_NE(hnp, nullptr, "PFBI HNP vector: HNP not decoded");
            NS_TEST_EXPECT_MSG_EQ(hnp->GetPrefix(), Ipv6Address("2001:db8:aa::"), "prefix");
            NS_TEST_EXPECT_MSG_EQ(+hnp->GetPrefixLength(), 64, "prefix length");
            ProxyFlowBindingIndicationHeader b;
            b.SetSequence(1);
            b.AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:db8:aa::"), 64));
            NS_TEST_EXPECT_MSG_EQ(Hex(Bytes(b)), Hex(v), "PFBI with HNP built = vector");
        }

        // Hand-written from Figure 7.1.2: Sequence #, Status, Reserved.
        // clang-format off
        const std::vector<uint8_t> pfbaVector = {
            0x3b, 0x01, 0xf1, 0x00, 0x00, 0x00, // MH 241
            0x12, 0x34,                         // Sequence # copied from the PFBI
            0x80,                               // Status 128: binding does not exist
            0x00,                               // Reserved
            0xc8, 0x02, 0xab, 0xcd,             // option type 200, length 2
            0x01, 0x00,                         // PadN
        };
        // clang-format on
        {
            ProxyFlowBindingAckHeader h;
            ParseVector(pfbaVector, h, "PFBA vector");
            NS_TEST_EXPECT_MSG_EQ(h.GetSequence(), 0x1234, "PFBA vector sequence");
            NS_TEST_EXPECT_MSG_EQ(+h.GetStatus(),
                                  +mip6::PFBA_BINDING_DOES_NOT_EXIST,
                                  "PFBA vector status");
            NS_TEST_EXPECT_MSG_EQ(h.IsSuccess(), false, "PFBA vector rejection");
            NS_TEST_EXPECT_MSG_EQ(h.GetOptions().GetCount(), 1, "PFBA vector options");
        }

        // Robustness.
        {
            ProxyFlowBindingIndicationHeader full;
            full.SetSequence(7);
            AddTestOptions(full);
            ProxyFlowBindingIndicationHeader fresh;
            CheckTruncation(Bytes(full), fresh, "PFBI truncation");
            CheckTruncation(pfbiVector, fresh, "PFBI vector truncation");
            CheckShortHeaderLen(pfbiVector, fresh, "PFBI");
            CheckOptionOverrun(pfbiVector, 10, fresh, "PFBI");
            CheckWrongType(pfbaVector, fresh, "PFBI given a PFBA");
        }
        {
            ProxyFlowBindingAckHeader full;
            full.SetStatus(1);
            AddTestOptions(full);
            ProxyFlowBindingAckHeader fresh;
            CheckTruncation(Bytes(full), fresh, "PFBA truncation");
            CheckTruncation(pfbaVector, fresh, "PFBA vector truncation");
            CheckShortHeaderLen(pfbaVector, fresh, "PFBA");
            CheckOptionOverrun(pfbaVector, 10, fresh, "PFBA");
            CheckWrongType(pfbiVector, fresh, "PFBA given a PFBI");
        }

        // Checksum.
        {
            ProxyFlowBindingIndicationHeader h;
            h.SetSequence(99);
            AddTestOptions(h);
            CheckChecksum(h, "PFBI checksum");
            ProxyFlowBindingAckHeader a;
            a.SetSequence(99);
            AddTestOptions(a);
            CheckChecksum(a, "PFBA checksum");
        }

        // Print names the message.
        std::ostringstream oss;
        pfbi.Print(oss);
        pfba.Print(oss);
        NS_TEST_EXPECT_MSG_NE(oss.str().find("PFBI"), std::string::npos, oss.str());
        NS_TEST_EXPECT_MSG_NE(oss.str().find("PFBA"), std::string::npos, oss.str());
    }
};

// ---------------------------------------------------------------------------------------------

/**
 * \ingroup pmipv6-test
 * \brief FMI / FMA (pmipv6-flow-mobility-draft 4.1, 4.2): one MH type, told apart by I.
 */
class FlowMobilityTestCase : public DraftMessageTestCase
{
  public:
    /// \brief Constructor.
    FlowMobilityTestCase()
        : DraftMessageTestCase("FMI and FMA: round trip, draft figure vectors, I flag, "
                               "truncation, checksum")
    {
    }

  private:
    void DoRun() override
    {
        FlowMobilityInitiateHeader fmi;
        FlowMobilityAckHeader fma;
        NS_TEST_EXPECT_MSG_EQ(+fmi.GetMhType(), 242, "FMI MH type");
        NS_TEST_EXPECT_MSG_EQ(+fma.GetMhType(), 242, "FMA MH type");
        NS_TEST_EXPECT_MSG_EQ(fmi.GetOptionsOffset(), 12, "FMI options offset");
        NS_TEST_EXPECT_MSG_EQ(fma.GetOptionsOffset(), 12, "FMA options offset");
        NS_TEST_EXPECT_MSG_EQ(fmi.IsInitiate(), true, "FMI is an initiate");
        NS_TEST_EXPECT_MSG_EQ(fma.IsInitiate(), false, "FMA is not");

        // Round trips.
        {
            FlowMobilityInitiateHeader h;
            h.SetSequence(0xfffe);
            h.SetLifetime(3600);
            h.SetFlag(FlowMobilityInitiateHeader::FLAG_R, true);
            AddTestOptions(h);
            FlowMobilityInitiateHeader r;
            RoundTrip(h, r, "FMI");
            NS_TEST_EXPECT_MSG_EQ(r.GetSequence(), 0xfffe, "FMI sequence");
            NS_TEST_EXPECT_MSG_EQ(r.GetLifetime(), 3600, "FMI lifetime in seconds");
            NS_TEST_EXPECT_MSG_EQ(r.HasFlag(FlowMobilityInitiateHeader::FLAG_R), true, "R");
            NS_TEST_EXPECT_MSG_EQ(r.HasFlag(FlowMobilityInitiateHeader::FLAG_C), false, "C");
            NS_TEST_EXPECT_MSG_EQ(+Bytes(h)[8], 0xa0, "I and R bits on the wire");

            h.SetFlag(FlowMobilityInitiateHeader::FLAG_R, false);
            h.SetFlag(FlowMobilityInitiateHeader::FLAG_C, true);
            h.SetLifetime(0);
            FlowMobilityInitiateHeader c;
            RoundTrip(h, c, "FMI cancel");
            NS_TEST_EXPECT_MSG_EQ(c.HasFlag(FlowMobilityInitiateHeader::FLAG_C), true, "C");
            NS_TEST_EXPECT_MSG_EQ(c.HasFlag(FlowMobilityInitiateHeader::FLAG_R), false, "R");
            NS_TEST_EXPECT_MSG_EQ(c.GetLifetime(), 0, "cancel lifetime");
            NS_TEST_EXPECT_MSG_EQ(+Bytes(h)[8], 0xc0, "I and C bits on the wire");
        }
        {
            FlowMobilityAckHeader h;
            h.SetSequence(0xfffe);
            h.SetLifetime(mip6::FM_LIFETIME_INFINITE);
            h.SetStatus(mip6::FMA_TS_FORMAT_UNSUPPORTED);
            AddTestOptions(h);
            FlowMobilityAckHeader r;
            RoundTrip(h, r, "FMA");
            NS_TEST_EXPECT_MSG_EQ(r.GetSequence(), 0xfffe, "FMA sequence");
            NS_TEST_EXPECT_MSG_EQ(r.GetLifetime(), 0xffff, "FMA lifetime");
            NS_TEST_EXPECT_MSG_EQ(r.IsLifetimeInfinite(), true, "0xffff is infinity");
            NS_TEST_EXPECT_MSG_EQ(+r.GetStatus(), 131, "FMA status");
            NS_TEST_EXPECT_MSG_EQ(r.IsSuccess(), false, "131 rejects");
            NS_TEST_EXPECT_MSG_EQ(+Bytes(h)[8], 0, "I = 0 on the wire");
        }

        // Hand-written from Figure 4.1: Sequence #, I C R + Reserved (16), Lifetime, options
        // from offset 12.
        // clang-format off
        const std::vector<uint8_t> fmiVector = {
            0x3b, 0x01, 0xf2, 0x00, 0x00, 0x00, // MH 242
            0x00, 0x07,                         // Sequence # 7
            0xa0, 0x00,                         // I = 1, C = 0, R = 1, Reserved
            0x0e, 0x10,                         // Lifetime 3600 s
            0xc9, 0x02, 0x01, 0x02,             // option type 201, length 2
        };
        // clang-format on
        {
            FlowMobilityInitiateHeader h;
            ParseVector(fmiVector, h, "FMI vector");
            NS_TEST_EXPECT_MSG_EQ(h.GetSequence(), 7, "FMI vector sequence");
            NS_TEST_EXPECT_MSG_EQ(h.HasFlag(FlowMobilityInitiateHeader::FLAG_R), true, "R");
            NS_TEST_EXPECT_MSG_EQ(h.HasFlag(FlowMobilityInitiateHeader::FLAG_C), false, "C");
            NS_TEST_EXPECT_MSG_EQ(h.GetLifetime(), 3600, "FMI vector lifetime");
            NS_TEST_EXPECT_MSG_EQ(h.GetOptions().GetCount(), 1, "FMI vector options");
        }
        // Hand-written from Figure 4.2: Sequence #, I + Reserved (8), Status, Lifetime.
        // clang-format off
        const std::vector<uint8_t> fmaVector = {
            0x3b, 0x01, 0xf2, 0x00, 0x00, 0x00, // MH 242
            0x00, 0x07,                         // Sequence # 7
            0x00,                               // I = 0, Reserved
            0x84,                               // Status 132: no Flow Mobility Cache entry
            0xff, 0xff,                         // Lifetime infinite
            0xc9, 0x02, 0x01, 0x02,             // option type 201, length 2
        };
        // clang-format on
        {
            FlowMobilityAckHeader h;
            ParseVector(fmaVector, h, "FMA vector");
            NS_TEST_EXPECT_MSG_EQ(h.GetSequence(), 7, "FMA vector sequence");
            NS_TEST_EXPECT_MSG_EQ(+h.GetStatus(),
                                  +mip6::FMA_NO_FLOW_MOBILITY_CACHE_ENTRY,
                                  "FMA vector status");
            NS_TEST_EXPECT_MSG_EQ(h.IsLifetimeInfinite(), true, "FMA vector lifetime");
            NS_TEST_EXPECT_MSG_EQ(h.GetOptions().GetCount(), 1, "FMA vector options");
        }
        {
            // Figure 4.1 with the options 4.1 requires: MN-ID, then a Flow Identification
            // option; here an HNP (8n+4) stands in for the latter to check the padding:
            // MN-ID at 12..17, PadN(2) at 18, HNP at 20..39 (Header Len 4).
            // clang-format off
            const std::vector<uint8_t> v = {
                0x3b, 0x04, 0xf2, 0x00, 0x00, 0x00, // MH 242, Header Len 4
                0x00, 0x08,                         // Sequence # 8
                0x80, 0x00,                         // I = 1
                0x00, 0x1e,                         // Lifetime 30 s
                0x08, 0x04, 0x01, 0x6d, 0x6e, 0x31, // MN-ID: type 8, Length 4, NAI "mn1"
                0x01, 0x00,                         // PadN, 0 data octets
                0x16, 0x12, 0x00, 0x40,             // HNP: type 22, Length 18, Rsvd, /64
                0x20, 0x01, 0x0d, 0xb8, 0x00, 0xaa, 0x00, 0x00, // 2001:db8:aa::
                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            };
            // clang-format on
            FlowMobilityInitiateHeader h;
            ParseVector(v, h, "FMI MN-ID vector");
            NS_TEST_EXPECT_MSG_EQ(h.GetSequence(), 8, "sequence");
            NS_TEST_EXPECT_MSG_EQ(h.GetLifetime(), 30, "lifetime");
            Ptr<MobileNodeIdentifierOption> mnid =
                h.GetOptions().Find<MobileNodeIdentifierOption>();
            NS_TEST_ASSERT_MSG_NE(mnid, nullptr, "FMI MN-ID vector: MN-ID not decoded");
            NS_TEST_EXPECT_MSG_EQ(mnid->GetNai(), "mn1", "NAI");
            NS_TEST_EXPECT_MSG_NE(h.GetOptions().Find<HomeNetworkPrefixOption>(),
                                  nullptr,
                                  "FMI MN-ID vector: HNP not decoded");
            FlowMobilityInitiateHeader b;
            b.SetSequence(8);
            b.SetLifetime(30);
            b.AddOption(Create<MobileNodeIdentifierOption>("mn1"));
            b.AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:db8:aa::"), 64));
            NS_TEST_EXPECT_MSG_EQ(Hex(Bytes(b)), Hex(v), "FMI with MN-ID and HNP built = vector");
            FlowMobilityInitiateHeader fresh;
            CheckTruncation(v, fresh, "FMI MN-ID vector truncation");
        }
        {
            // Reserved bits are ignored.
            std::vector<uint8_t> v = fmiVector;
            v[8] = 0x9f; // I = 1, C = 0, R = 0, Reserved all 1
            v[9] = 0xff;
            FlowMobilityInitiateHeader h;
            NS_TEST_EXPECT_MSG_EQ(Parse(v, v.size(), h), v.size(), h.GetError());
            NS_TEST_EXPECT_MSG_EQ(h.HasFlag(FlowMobilityInitiateHeader::FLAG_R), false, "R");
            NS_TEST_EXPECT_MSG_EQ(h.HasFlag(FlowMobilityInitiateHeader::FLAG_C), false, "C");
            NS_TEST_EXPECT_MSG_EQ(Hex({Bytes(h)[8], Bytes(h)[9]}), "80 00", "zero Reserved");
            std::vector<uint8_t> w = fmaVector;
            w[8] = 0x7f; // I = 0, Reserved all 1
            FlowMobilityAckHeader a;
            NS_TEST_EXPECT_MSG_EQ(Parse(w, w.size(), a), w.size(), a.GetError());
            NS_TEST_EXPECT_MSG_EQ(+a.GetStatus(), 132, "status beside Reserved bits");
        }

        // The I flag: each class rejects the other's value with a reason naming both.
        {
            FlowMobilityInitiateHeader h;
            NS_TEST_EXPECT_MSG_EQ(Parse(fmaVector, fmaVector.size(), h), 0, "FMI took an FMA");
            NS_TEST_EXPECT_MSG_EQ(h.IsValid(), false, "FMI from FMA octets valid");
            NS_TEST_EXPECT_MSG_NE(h.GetError().find("I flag is 0"),
                                  std::string::npos,
                                  h.GetError());
            NS_TEST_EXPECT_MSG_NE(h.GetError().find("FMA"), std::string::npos, h.GetError());
            FlowMobilityAckHeader a;
            NS_TEST_EXPECT_MSG_EQ(Parse(fmiVector, fmiVector.size(), a), 0, "FMA took an FMI");
            NS_TEST_EXPECT_MSG_EQ(a.IsValid(), false, "FMA from FMI octets valid");
            NS_TEST_EXPECT_MSG_NE(a.GetError().find("I flag is 1"),
                                  std::string::npos,
                                  a.GetError());
            NS_TEST_EXPECT_MSG_NE(a.GetError().find("FMI"), std::string::npos, a.GetError());
            // A valid message after a rejected one parses again.
            NS_TEST_EXPECT_MSG_EQ(Parse(fmaVector, fmaVector.size(), a), 16, a.GetError());
            NS_TEST_EXPECT_MSG_EQ(a.IsValid(), true, "FMA valid again");
        }
        {
            bool initiate = false;
            NS_TEST_EXPECT_MSG_EQ(
                FlowMobilityHeader::ReadInitiateFlag(fmiVector.data(), fmiVector.size(), initiate),
                true,
                "peek FMI");
            NS_TEST_EXPECT_MSG_EQ(initiate, true, "FMI peeked as initiate");
            NS_TEST_EXPECT_MSG_EQ(
                FlowMobilityHeader::ReadInitiateFlag(fmaVector.data(), fmaVector.size(), initiate),
                true,
                "peek FMA");
            NS_TEST_EXPECT_MSG_EQ(initiate, false, "FMA peeked as acknowledge");
            NS_TEST_EXPECT_MSG_EQ(
                FlowMobilityHeader::ReadInitiateFlag(fmiVector.data(), 8, initiate),
                false,
                "peek needs 9 octets");
            std::vector<uint8_t> other = fmiVector;
            other[2] = 243;
            NS_TEST_EXPECT_MSG_EQ(
                FlowMobilityHeader::ReadInitiateFlag(other.data(), other.size(), initiate),
                false,
                "peek needs MH type 242");
        }

        // Robustness.
        {
            FlowMobilityInitiateHeader full;
            full.SetLifetime(10);
            AddTestOptions(full);
            FlowMobilityInitiateHeader fresh;
            CheckTruncation(Bytes(full), fresh, "FMI truncation");
            CheckTruncation(fmiVector, fresh, "FMI vector truncation");
            CheckShortHeaderLen(fmiVector, fresh, "FMI");
            CheckOptionOverrun(fmiVector, 12, fresh, "FMI");
            std::vector<uint8_t> lro = fmiVector;
            lro[2] = 243;
            CheckWrongType(lro, fresh, "FMI given MH type 243");
        }
        {
            FlowMobilityAckHeader full;
            full.SetStatus(129);
            AddTestOptions(full);
            FlowMobilityAckHeader fresh;
            CheckTruncation(Bytes(full), fresh, "FMA truncation");
            CheckTruncation(fmaVector, fresh, "FMA vector truncation");
            CheckShortHeaderLen(fmaVector, fresh, "FMA");
            CheckOptionOverrun(fmaVector, 12, fresh, "FMA");
            std::vector<uint8_t> pfbi = fmaVector;
            pfbi[2] = 240;
            CheckWrongType(pfbi, fresh, "FMA given MH type 240");
        }

        // Checksum.
        {
            FlowMobilityInitiateHeader h;
            h.SetSequence(5);
            h.SetLifetime(30);
            AddTestOptions(h);
            CheckChecksum(h, "FMI checksum");
            FlowMobilityAckHeader a;
            a.SetSequence(5);
            AddTestOptions(a);
            CheckChecksum(a, "FMA checksum");
        }

        std::ostringstream oss;
        fmi.Print(oss);
        fma.Print(oss);
        NS_TEST_EXPECT_MSG_NE(oss.str().find("FMI"), std::string::npos, oss.str());
        NS_TEST_EXPECT_MSG_NE(oss.str().find("FMA"), std::string::npos, oss.str());
    }
};

// ---------------------------------------------------------------------------------------------

/**
 * \ingroup pmipv6-test
 * \brief LROREQ / LRORSP (draft-wu-netext-local-ro 9.2, 9.3): one MH type, told apart by R.
 */
class LocalRoutingOptimizationTestCase : public DraftMessageTestCase
{
  public:
    /// \brief Constructor.
    LocalRoutingOptimizationTestCase()
        : DraftMessageTestCase("LROREQ and LRORSP: round trip, draft figure vectors, R flag, "
                               "LRI, truncation, checksum")
    {
    }

  private:
    void DoRun() override
    {
        LocalRoutingOptimizationRequestHeader req;
        LocalRoutingOptimizationResponseHeader rsp;
        NS_TEST_EXPECT_MSG_EQ(+req.GetMhType(), 243, "LROREQ MH type");
        NS_TEST_EXPECT_MSG_EQ(+rsp.GetMhType(), 243, "LRORSP MH type");
        NS_TEST_EXPECT_MSG_EQ(req.GetOptionsOffset(), 12, "LROREQ options offset");
        NS_TEST_EXPECT_MSG_EQ(rsp.GetOptionsOffset(), 12, "LRORSP options offset");
        NS_TEST_EXPECT_MSG_EQ(req.IsResponse(), false, "LROREQ is a request");
        NS_TEST_EXPECT_MSG_EQ(rsp.IsResponse(), true, "LRORSP is a response");
        NS_TEST_EXPECT_MSG_EQ(rsp.IsAccepted(), false, "default LRORSP: LRI 0, not available");

        // Round trips, every LRI value in both messages.
        for (uint8_t lri = 0; lri <= 3; ++lri)
        {
            LocalRoutingOptimizationRequestHeader h;
            h.SetSequence(0x8001);
            h.SetLri(lri);
            h.SetLifetime(600);
            AddTestOptions(h);
            LocalRoutingOptimizationRequestHeader r;
            RoundTrip(h, r, "LROREQ");
            NS_TEST_EXPECT_MSG_EQ(r.GetSequence(), 0x8001, "LROREQ sequence");
            NS_TEST_EXPECT_MSG_EQ(+r.GetLri(), +lri, "LROREQ LRI");
            NS_TEST_EXPECT_MSG_EQ(r.GetLifetime(), 600, "LROREQ lifetime");
            NS_TEST_EXPECT_MSG_EQ(+Bytes(h)[8], (lri << 5), "LROREQ R = 0 and LRI bits");

            LocalRoutingOptimizationResponseHeader g;
            g.SetSequence(0x8001);
            g.SetLri(lri);
            g.SetLifetime(601);
            AddTestOptions(g);
            LocalRoutingOptimizationResponseHeader s;
            RoundTrip(g, s, "LRORSP");
            NS_TEST_EXPECT_MSG_EQ(s.GetSequence(), 0x8001, "LRORSP sequence");
            NS_TEST_EXPECT_MSG_EQ(+s.GetLri(), +lri, "LRORSP LRI");
            NS_TEST_EXPECT_MSG_EQ(s.GetLifetime(), 601, "LRORSP lifetime");
            NS_TEST_EXPECT_MSG_EQ(s.IsAccepted(), (lri != 0), "LRORSP outcome from the LRI");
            NS_TEST_EXPECT_MSG_EQ(+Bytes(g)[8], (0x80 | (lri << 5)), "LRORSP R = 1 and LRI bits");
        }

        // Hand-written from Figure 8: Sequence #, R | LRI | Reserved (13), Lifetime.
        // clang-format off
        const std::vector<uint8_t> reqVector = {
            0x3b, 0x01, 0xf3, 0x00, 0x00, 0x00, // MH 243
            0x00, 0x2a,                         // Sequence # 42
            0x20, 0x00,                         // R = 0, LRI = 01 (intra-MAG), Reserved
            0x00, 0x3c,                         // Lifetime 60 s
            0xc9, 0x02, 0x01, 0x02,             // option type 201, length 2
        };
        // clang-format on
        {
            LocalRoutingOptimizationRequestHeader h;
            ParseVector(reqVector, h, "LROREQ vector");
            NS_TEST_EXPECT_MSG_EQ(h.GetSequence(), 42, "LROREQ vector sequence");
            NS_TEST_EXPECT_MSG_EQ(+h.GetLri(), +mip6::LRI_INTRA_MAG, "LROREQ vector LRI");
            NS_TEST_EXPECT_MSG_EQ(h.GetLifetime(), 60, "LROREQ vector lifetime");
            NS_TEST_EXPECT_MSG_EQ(h.GetOptions().GetCount(), 1, "LROREQ vector options");
        }
        // Hand-written from Figure 9: the same layout with R = 1; no Status field is drawn.
        // clang-format off
        const std::vector<uint8_t> rspVector = {
            0x3b, 0x01, 0xf3, 0x00, 0x00, 0x00, // MH 243
            0x00, 0x2a,                         // Sequence # 42
            0xc0, 0x00,                         // R = 1, LRI = 10 (intra-LMA), Reserved
            0x00, 0x3c,                         // Lifetime 60 s
            0xc9, 0x02, 0x01, 0x02,             // option type 201, length 2
        };
        // clang-format on
        {
            LocalRoutingOptimizationResponseHeader h;
            ParseVector(rspVector, h, "LRORSP vector");
            NS_TEST_EXPECT_MSG_EQ(h.GetSequence(), 42, "LRORSP vector sequence");
            NS_TEST_EXPECT_MSG_EQ(+h.GetLri(), +mip6::LRI_INTRA_LMA, "LRORSP vector LRI");
            NS_TEST_EXPECT_MSG_EQ(h.IsAccepted(), true, "LRORSP vector accepted");
            NS_TEST_EXPECT_MSG_EQ(h.GetLifetime(), 60, "LRORSP vector lifetime");
        }
        {
            // Reserved bits are ignored.
            std::vector<uint8_t> v = rspVector;
            v[8] = 0x9f; // R = 1, LRI = 0, Reserved all 1
            v[9] = 0xff;
            LocalRoutingOptimizationResponseHeader h;
            NS_TEST_EXPECT_MSG_EQ(Parse(v, v.size(), h), v.size(), h.GetError());
            NS_TEST_EXPECT_MSG_EQ(+h.GetLri(), 0, "Reserved bits are not the LRI");
            NS_TEST_EXPECT_MSG_EQ(h.IsAccepted(), false, "LRI 0: not available");
            NS_TEST_EXPECT_MSG_EQ(Hex({Bytes(h)[8], Bytes(h)[9]}), "80 00", "zero Reserved");
        }

        // The R flag: each class rejects the other's value with a reason naming both.
        {
            LocalRoutingOptimizationRequestHeader h;
            NS_TEST_EXPECT_MSG_EQ(Parse(rspVector, rspVector.size(), h), 0, "REQ took a RSP");
            NS_TEST_EXPECT_MSG_EQ(h.IsValid(), false, "LROREQ from LRORSP octets valid");
            NS_TEST_EXPECT_MSG_NE(h.GetError().find("R flag is 1"),
                                  std::string::npos,
                                  h.GetError());
            NS_TEST_EXPECT_MSG_NE(h.GetError().find("LRORSP"), std::string::npos, h.GetError());
            LocalRoutingOptimizationResponseHeader s;
            NS_TEST_EXPECT_MSG_EQ(Parse(reqVector, reqVector.size(), s), 0, "RSP took a REQ");
            NS_TEST_EXPECT_MSG_EQ(s.IsValid(), false, "LRORSP from LROREQ octets valid");
            NS_TEST_EXPECT_MSG_NE(s.GetError().find("R flag is 0"),
                                  std::string::npos,
                                  s.GetError());
            NS_TEST_EXPECT_MSG_NE(s.GetError().find("LROREQ"), std::string::npos, s.GetError());
        }
        {
            bool response = false;
            NS_TEST_EXPECT_MSG_EQ(LocalRoutingOptimizationHeader::ReadResponseFlag(rspVector.data(),
                                                                                   rspVector.size(),
                                                                                   response),
                                  true,
                                  "peek LRORSP");
            NS_TEST_EXPECT_MSG_EQ(response, true, "LRORSP peeked as response");
            NS_TEST_EXPECT_MSG_EQ(LocalRoutingOptimizationHeader::ReadResponseFlag(reqVector.data(),
                                                                                   reqVector.size(),
                                                                                   response),
                                  true,
                                  "peek LROREQ");
            NS_TEST_EXPECT_MSG_EQ(response, false, "LROREQ peeked as request");
            NS_TEST_EXPECT_MSG_EQ(
                LocalRoutingOptimizationHeader::ReadResponseFlag(reqVector.data(), 8, response),
                false,
                "peek needs 9 octets");
            NS_TEST_EXPECT_MSG_EQ(
                LocalRoutingOptimizationHeader::ReadResponseFlag(nullptr, 0, response),
                false,
                "peek of nothing");
        }

        // Robustness.
        {
            LocalRoutingOptimizationRequestHeader full;
            full.SetLri(2);
            AddTestOptions(full);
            LocalRoutingOptimizationRequestHeader fresh;
            CheckTruncation(Bytes(full), fresh, "LROREQ truncation");
            CheckTruncation(reqVector, fresh, "LROREQ vector truncation");
            CheckShortHeaderLen(reqVector, fresh, "LROREQ");
            CheckOptionOverrun(reqVector, 12, fresh, "LROREQ");
            std::vector<uint8_t> fm = reqVector;
            fm[2] = 242;
            CheckWrongType(fm, fresh, "LROREQ given MH type 242");
        }
        {
            LocalRoutingOptimizationResponseHeader full;
            full.SetLri(3);
            AddTestOptions(full);
            LocalRoutingOptimizationResponseHeader fresh;
            CheckTruncation(Bytes(full), fresh, "LRORSP truncation");
            CheckTruncation(rspVector, fresh, "LRORSP vector truncation");
            CheckShortHeaderLen(rspVector, fresh, "LRORSP");
            CheckOptionOverrun(rspVector, 12, fresh, "LRORSP");
            std::vector<uint8_t> start = rspVector;
            start[2] = 244;
            CheckWrongType(start, fresh, "LRORSP given MH type 244");
        }

        // Checksum.
        {
            LocalRoutingOptimizationRequestHeader h;
            h.SetSequence(1);
            h.SetLri(1);
            AddTestOptions(h);
            CheckChecksum(h, "LROREQ checksum");
            LocalRoutingOptimizationResponseHeader s;
            s.SetSequence(1);
            s.SetLri(2);
            AddTestOptions(s);
            CheckChecksum(s, "LRORSP checksum");
        }

        std::ostringstream oss;
        req.Print(oss);
        rsp.Print(oss);
        NS_TEST_EXPECT_MSG_NE(oss.str().find("LROREQ"), std::string::npos, oss.str());
        NS_TEST_EXPECT_MSG_NE(oss.str().find("LRORSP"), std::string::npos, oss.str());
    }
};

// ---------------------------------------------------------------------------------------------

/**
 * \ingroup pmipv6-test
 * \brief LMA RO Start Request / Response (draft-wu-netext-local-ro Appendix A.1.1, A.1.2),
 * with the figures read as swapped (see the class notes).
 */
class LmaRoStartTestCase : public DraftMessageTestCase
{
  public:
    /// \brief Constructor.
    LmaRoStartTestCase()
        : DraftMessageTestCase("LMA RO Start Request and Response: round trip, draft figure "
                               "vectors, truncation, checksum")
    {
    }

  private:
    void DoRun() override
    {
        LmaRoStartRequestHeader req;
        LmaRoStartResponseHeader rsp;
        NS_TEST_EXPECT_MSG_EQ(+req.GetMhType(), 244, "request MH type");
        NS_TEST_EXPECT_MSG_EQ(+rsp.GetMhType(), 245, "response MH type");
        NS_TEST_EXPECT_MSG_EQ(req.GetOptionsOffset(), 12, "request options offset");
        NS_TEST_EXPECT_MSG_EQ(rsp.GetOptionsOffset(), 12, "response options offset");
        NS_TEST_EXPECT_MSG_EQ(rsp.IsAccepted(), true, "default response accepts");

        {
            LmaRoStartRequestHeader h;
            h.SetSequence(0x0102);
            h.SetLifetime(0xfedc);
            AddTestOptions(h);
            LmaRoStartRequestHeader r;
            RoundTrip(h, r, "LMAROStartReq");
            NS_TEST_EXPECT_MSG_EQ(r.GetSequence(), 0x0102, "request sequence");
            NS_TEST_EXPECT_MSG_EQ(r.GetLifetime(), 0xfedc, "request lifetime");
        }
        {
            LmaRoStartResponseHeader h;
            h.SetStatus(mip6::LMA_RO_START_REJECTED_UNSPECIFIED);
            h.SetSequence(0x0102);
            h.SetLifetime(0xfedc);
            AddTestOptions(h);
            LmaRoStartResponseHeader r;
            RoundTrip(h, r, "LMAROStartRsp");
            NS_TEST_EXPECT_MSG_EQ(+r.GetStatus(), 128, "response status");
            NS_TEST_EXPECT_MSG_EQ(r.IsAccepted(), false, "128 rejects");
            NS_TEST_EXPECT_MSG_EQ(r.GetSequence(), 0x0102, "response sequence");
            NS_TEST_EXPECT_MSG_EQ(r.GetLifetime(), 0xfedc, "response lifetime");
        }

        // Request: the layout the text of A.1.1 defines and Figure A.1.2 draws: Sequence
        // Number, Reserved (16), Lifetime.
        // clang-format off
        const std::vector<uint8_t> reqVector = {
            0x3b, 0x01, 0xf4, 0x00, 0x00, 0x00, // MH 244
            0x01, 0x00,                         // Sequence Number 256
            0x00, 0x00,                         // Reserved
            0x00, 0x78,                         // Lifetime 120 s
            0xc8, 0x02, 0xab, 0xcd,             // option type 200, length 2
        };
        // clang-format on
        {
            LmaRoStartRequestHeader h;
            ParseVector(reqVector, h, "LMAROStartReq vector");
            NS_TEST_EXPECT_MSG_EQ(h.GetSequence(), 256, "request vector sequence");
            NS_TEST_EXPECT_MSG_EQ(h.GetLifetime(), 120, "request vector lifetime");
            NS_TEST_EXPECT_MSG_EQ(h.GetOptions().GetCount(), 1, "request vector options");
            std::vector<uint8_t> v = reqVector;
            v[8] = 0xff; // Reserved set: ignored
            v[9] = 0xff;
            LmaRoStartRequestHeader g;
            NS_TEST_EXPECT_MSG_EQ(Parse(v, v.size(), g), v.size(), g.GetError());
            NS_TEST_EXPECT_MSG_EQ(g.GetSequence(), 256, "Reserved is not the sequence");
            NS_TEST_EXPECT_MSG_EQ(g.GetLifetime(), 120, "Reserved is not the lifetime");
        }
        // Response: the layout the text of A.1.2 defines and Figure A.1.1 draws: Status,
        // Reserved (8), Sequence Number, Lifetime.
        // clang-format off
        const std::vector<uint8_t> rspVector = {
            0x3b, 0x01, 0xf5, 0x00, 0x00, 0x00, // MH 245
            0x81,                               // Status 129: rejected
            0x00,                               // Reserved
            0x01, 0x00,                         // Sequence Number 256
            0x00, 0x78,                         // Lifetime 120 s
            0xc8, 0x02, 0xab, 0xcd,             // option type 200, length 2
        };
        // clang-format on
        {
            LmaRoStartResponseHeader h;
            ParseVector(rspVector, h, "LMAROStartRsp vector");
            NS_TEST_EXPECT_MSG_EQ(+h.GetStatus(), 129, "response vector status");
            NS_TEST_EXPECT_MSG_EQ(h.IsAccepted(), false, "response vector rejects");
            NS_TEST_EXPECT_MSG_EQ(h.GetSequence(), 256, "response vector sequence");
            NS_TEST_EXPECT_MSG_EQ(h.GetLifetime(), 120, "response vector lifetime");
            NS_TEST_EXPECT_MSG_EQ(h.GetOptions().GetCount(), 1, "response vector options");
            std::vector<uint8_t> v = rspVector;
            v[7] = 0xff; // Reserved set: ignored
            LmaRoStartResponseHeader g;
            NS_TEST_EXPECT_MSG_EQ(Parse(v, v.size(), g), v.size(), g.GetError());
            NS_TEST_EXPECT_MSG_EQ(+g.GetStatus(), 129, "Reserved is not the status");
            NS_TEST_EXPECT_MSG_EQ(+Bytes(g)[7], 0, "Reserved written as zero");
        }

        {
            LmaRoStartRequestHeader full;
            full.SetLifetime(5);
            AddTestOptions(full);
            LmaRoStartRequestHeader fresh;
            CheckTruncation(Bytes(full), fresh, "LMAROStartReq truncation");
            CheckTruncation(reqVector, fresh, "LMAROStartReq vector truncation");
            CheckShortHeaderLen(reqVector, fresh, "LMAROStartReq");
            CheckOptionOverrun(reqVector, 12, fresh, "LMAROStartReq");
            CheckWrongType(rspVector, fresh, "LMAROStartReq given a response");
        }
        {
            LmaRoStartResponseHeader full;
            full.SetStatus(1);
            AddTestOptions(full);
            LmaRoStartResponseHeader fresh;
            CheckTruncation(Bytes(full), fresh, "LMAROStartRsp truncation");
            CheckTruncation(rspVector, fresh, "LMAROStartRsp vector truncation");
            CheckShortHeaderLen(rspVector, fresh, "LMAROStartRsp");
            CheckOptionOverrun(rspVector, 12, fresh, "LMAROStartRsp");
            CheckWrongType(reqVector, fresh, "LMAROStartRsp given a request");
        }

        {
            LmaRoStartRequestHeader h;
            h.SetSequence(3);
            AddTestOptions(h);
            CheckChecksum(h, "LMAROStartReq checksum");
            LmaRoStartResponseHeader s;
            s.SetSequence(3);
            AddTestOptions(s);
            CheckChecksum(s, "LMAROStartRsp checksum");
        }

        std::ostringstream oss;
        req.Print(oss);
        rsp.Print(oss);
        NS_TEST_EXPECT_MSG_NE(oss.str().find("LMAROStartReq"), std::string::npos, oss.str());
        NS_TEST_EXPECT_MSG_NE(oss.str().find("LMAROStartRsp"), std::string::npos, oss.str());
    }
};

// ---------------------------------------------------------------------------------------------

/**
 * \ingroup pmipv6-test
 * \brief The draft messages test suite.
 */
class DraftMessagesTestSuite : public TestSuite
{
  public:
    /// \brief Constructor.
    DraftMessagesTestSuite()
        : TestSuite("pmipv6-draft-messages", UNIT)
    {
        AddTestCase(new ProxyFlowBindingTestCase, TestCase::QUICK);
        AddTestCase(new FlowMobilityTestCase, TestCase::QUICK);
        AddTestCase(new LocalRoutingOptimizationTestCase, TestCase::QUICK);
        AddTestCase(new LmaRoStartTestCase, TestCase::QUICK);
    }
};

static DraftMessagesTestSuite g_draftMessagesTestSuite; ///< the static instance
