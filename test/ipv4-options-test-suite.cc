/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief The RFC 5844 options (IPv4 Home Address Request / Reply, IPv4 Default-Router Address,
 * IPv4 DHCP Support Mode) and the RFC 5555 IPv4 Care-of Address option: octets written by hand
 * from the RFCs' figures, round trips, truncation at every offset, wrong Lengths and invalid
 * Prefix-len rejected with a reason, and a PBU / PBA carrying them against hand-computed
 * octets (alignment and padding included).
 *
 * Suite pmipv6-ipv4-options.
 */

#include "ns3/binding-update-header.h"
#include "ns3/ipv4-options.h"
#include "ns3/mobility-option.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/test.h"

#include <iomanip>
#include <sstream>
#include <vector>

using namespace ns3;

namespace
{

/// Octets.
typedef std::vector<uint8_t> Bytes;

/**
 * \brief Octets as hex separated by spaces.
 * \param b the octets
 * \return the text
 */
std::string
Hex(const Bytes& b)
{
    std::ostringstream oss;
    for (std::size_t k = 0; k < b.size(); ++k)
    {
        oss << (k == 0 ? "" : " ") << std::hex << std::setw(2) << std::setfill('0') << +b[k];
    }
    return oss.str();
}

/**
 * \brief Serialize an option (Type, Length, data).
 * \param o the option
 * \return the octets
 */
Bytes
ToBytes(const MobilityOption& o)
{
    Buffer b;
    b.AddAtStart(o.GetSerializedSize());
    Buffer::Iterator it = b.Begin();
    o.Serialize(it);
    Bytes out(o.GetSerializedSize());
    b.Begin().Read(out.data(), out.size());
    return out;
}

/**
 * \brief Parse the first \p n octets as a list of exactly one option (no end padding).
 * \param bytes the octets
 * \param n how many are given
 * \param error the reason on failure
 * \return the option, or nullptr
 */
Ptr<MobilityOption>
ParseOne(const Bytes& bytes, uint32_t n, std::string& error)
{
    Buffer b;
    b.AddAtStart(n);
    b.Begin().Write(bytes.data(), n);
    MobilityOptionList list(&CreateMobilityOption, false);
    if (!list.Deserialize(b.Begin(), n, error))
    {
        return nullptr;
    }
    if (list.GetCount() != 1)
    {
        error = "not exactly one option";
        return nullptr;
    }
    return list.GetOptions()[0];
}

/**
 * \brief Call an option's DeserializeData with exactly \p length readable octets.
 * \param o the option
 * \param data the data octets
 * \param length how many
 * \param error the reason on failure
 * \return the option's answer
 */
bool
ParseData(Ptr<MobilityOption> o, const uint8_t* data, uint32_t length, std::string& error)
{
    Buffer b;
    b.AddAtStart(length);
    if (length > 0)
    {
        b.Begin().Write(data, length);
    }
    return o->DeserializeData(b.Begin(), static_cast<uint8_t>(length), error);
}

/**
 * \brief Serialize a Mobility Header message.
 * \param h the message
 * \return its octets
 */
Bytes
Serialize(const Header& h)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    Bytes out(p->GetSize());
    p->CopyData(out.data(), out.size());
    return out;
}

/**
 * \brief One of each option, with the octets the RFC figures give for it.
 */
struct Vector
{
    Ptr<MobilityOption> option; ///< the option built by the code
    Bytes bytes;                ///< Type, Length, data written by hand
};

/**
 * \brief The vectors (addresses 10.100.0.7 = 0a 64 00 07, prefix length 16 in the top 6
 * bits of its octet = 16 << 2 = 0x40).
 * \return the vectors
 */
std::vector<Vector>
Vectors()
{
    return {
        // RFC 5844 3.3.1: Type 36, Length 6, Prefix-len (6) | Reserved (10), address.
        {Create<Ipv4HomeAddressRequestOption>(Ipv4Address("10.100.0.7"), 16),
         {36, 6, 0x40, 0x00, 0x0a, 0x64, 0x00, 0x07}},
        {Create<Ipv4HomeAddressRequestOption>(), {36, 6, 0, 0, 0, 0, 0, 0}},
        // RFC 5844 3.3.2: Type 37, Length 6, Status, Prefix-len (6) | Reserved (2), address.
        {Create<Ipv4HomeAddressReplyOption>(0, Ipv4Address("10.100.0.7"), 16),
         {37, 6, 0x00, 0x40, 0x0a, 0x64, 0x00, 0x07}},
        {Create<Ipv4HomeAddressReplyOption>(132, Ipv4Address::GetAny(), 0),
         {37, 6, 0x84, 0x00, 0, 0, 0, 0}},
        {Create<Ipv4HomeAddressReplyOption>(0, Ipv4Address("192.0.2.255"), 32),
         {37, 6, 0x00, 0x80, 0xc0, 0x00, 0x02, 0xff}},
        // RFC 5844 3.3.3: Type 38, Length 6, Reserved (16), address.
        {Create<Ipv4DefaultRouterAddressOption>(Ipv4Address("10.100.0.1")),
         {38, 6, 0, 0, 0x0a, 0x64, 0x00, 0x01}},
        // RFC 5844 3.3.4: Type 39, Length 2, Reserved (15) | S.
        {Create<Ipv4DhcpSupportModeOption>(true), {39, 2, 0x00, 0x01}},
        {Create<Ipv4DhcpSupportModeOption>(false), {39, 2, 0x00, 0x00}},
        // RFC 5555 3.1.5: Type 32, Length 6, Reserved (16), IPv4 care-of address.
        {Create<Ipv4CareOfAddressOption>(Ipv4Address("192.0.2.5")),
         {32, 6, 0, 0, 0xc0, 0x00, 0x02, 0x05}},
        // RFC 5555 3.2.2: Type 31, Length 6, F (1) | Reserved (15), Refresh time (32).
        {Create<NatDetectionOption>(true, 110), {31, 6, 0x80, 0x00, 0, 0, 0, 110}},
        {Create<NatDetectionOption>(false, 0x01020304), {31, 6, 0x00, 0x00, 1, 2, 3, 4}},
    };
}

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief Every option encodes to the hand-written octets and decodes back to its fields
 * through the module's option factory.
 */
class Ipv4OptionsVectorTestCase : public TestCase
{
  public:
    Ipv4OptionsVectorTestCase()
        : TestCase("RFC 5844 and RFC 5555 options: hand-written octets, round trips")
    {
    }

  private:
    void DoRun() override
    {
        for (const auto& v : Vectors())
        {
            NS_TEST_EXPECT_MSG_EQ(Hex(ToBytes(*v.option)),
                                  Hex(v.bytes),
                                  v.option->GetName() << " octets");
            std::string error;
            Ptr<MobilityOption> back = ParseOne(v.bytes, v.bytes.size(), error);
            NS_TEST_ASSERT_MSG_NE(back, nullptr, v.option->GetName() << ": " << error);
            NS_TEST_EXPECT_MSG_EQ(+back->GetType(), +v.option->GetType(), "type");
            std::ostringstream a;
            std::ostringstream b;
            v.option->Print(a);
            back->Print(b);
            NS_TEST_EXPECT_MSG_EQ(b.str(), a.str(), "round trip of " << v.option->GetName());
            NS_TEST_EXPECT_MSG_EQ(Hex(ToBytes(*back)), Hex(v.bytes), "re-encoded");
        }

        // Field getters on decoded octets.
        std::string error;
        auto nat = DynamicCast<NatDetectionOption>(
            ParseOne({31, 6, 0xff, 0xff, 0, 0, 0x01, 0x2c}, 8, error));
        NS_TEST_ASSERT_MSG_NE(nat, nullptr, error);
        NS_TEST_EXPECT_MSG_EQ(nat->IsForceUdp(), true, "NAT Detection F (reserved bits ignored)");
        NS_TEST_EXPECT_MSG_EQ(nat->GetRefreshTime(), 300u, "NAT Detection Refresh time");
        auto req = DynamicCast<Ipv4HomeAddressRequestOption>(
            ParseOne({36, 6, 0x40, 0x00, 0x0a, 0x64, 0x00, 0x07}, 8, error));
        NS_TEST_ASSERT_MSG_NE(req, nullptr, error);
        NS_TEST_EXPECT_MSG_EQ(req->GetAddress(), Ipv4Address("10.100.0.7"), "request address");
        NS_TEST_EXPECT_MSG_EQ(+req->GetPrefixLength(), 16, "request Prefix-len");
        auto rep = DynamicCast<Ipv4HomeAddressReplyOption>(
            ParseOne({37, 6, 0x84, 0x7c, 0x0a, 0x64, 0x00, 0x07}, 8, error));
        NS_TEST_ASSERT_MSG_NE(rep, nullptr, error);
        NS_TEST_EXPECT_MSG_EQ(+rep->GetStatus(), 132, "reply status");
        NS_TEST_EXPECT_MSG_EQ(+rep->GetPrefixLength(), 31, "reply Prefix-len (0x7c >> 2)");
        auto dsm = DynamicCast<Ipv4DhcpSupportModeOption>(ParseOne({39, 2, 0x00, 0x01}, 4, error));
        NS_TEST_ASSERT_MSG_NE(dsm, nullptr, error);
        NS_TEST_EXPECT_MSG_EQ(dsm->IsServer(), true, "S flag (last bit)");
        // Reserved bits are ignored on receipt: the S flag is the last bit only.
        dsm = DynamicCast<Ipv4DhcpSupportModeOption>(ParseOne({39, 2, 0xff, 0xfe}, 4, error));
        NS_TEST_ASSERT_MSG_NE(dsm, nullptr, error);
        NS_TEST_EXPECT_MSG_EQ(dsm->IsServer(), false, "reserved bits set, S clear");
        req = DynamicCast<Ipv4HomeAddressRequestOption>(
            ParseOne({36, 6, 0x43, 0xff, 0x0a, 0x64, 0x00, 0x07}, 8, error));
        NS_TEST_ASSERT_MSG_NE(req, nullptr, error);
        NS_TEST_EXPECT_MSG_EQ(+req->GetPrefixLength(), 16, "reserved bits of the request ignored");

        // The IPv4 family knows exactly its six types (with the NAT Detection option of the IPv4
        // transport), and the module's factory builds them.
        for (uint32_t type = 0; type < 256; ++type)
        {
            bool ipv4 = type == 31 || type == 32 || (type >= 36 && type <= 39);
            Ptr<MobilityOption> o = CreateIpv4Option(type);
            NS_TEST_EXPECT_MSG_EQ((o != nullptr), ipv4, "IPv4 family owns type " << type);
            if (ipv4)
            {
                NS_TEST_EXPECT_MSG_EQ(+o->GetType(), type, "type of the built option");
                Ptr<MobilityOption> any = CreateMobilityOption(type);
                NS_TEST_EXPECT_MSG_EQ(any->GetName(), o->GetName(), "module factory, " << type);
            }
        }

        // The alignment each option asks for (4n for the ones carrying an address).
        for (const auto& v : Vectors())
        {
            bool hasAddress = v.option->GetType() != mip6::OPT_IPV4_DHCP_SUPPORT_MODE;
            int factor = hasAddress ? 4 : 1;
            NS_TEST_EXPECT_MSG_EQ(+v.option->GetAlignment().factor,
                                  factor,
                                  v.option->GetName() << " alignment factor");
            NS_TEST_EXPECT_MSG_EQ(+v.option->GetAlignment().offset,
                                  0,
                                  v.option->GetName() << " alignment offset");
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Truncation at every offset, every wrong Length and an invalid Prefix-len are
 * rejected with a reason (no assertion, no crash).
 */
class Ipv4OptionsMalformedTestCase : public TestCase
{
  public:
    Ipv4OptionsMalformedTestCase()
        : TestCase("RFC 5844 and RFC 5555 options: truncation, wrong Length, Prefix-len > 32")
    {
    }

  private:
    void DoRun() override
    {
        uint32_t rejected = 0;
        for (const auto& v : Vectors())
        {
            const std::string name = v.option->GetName();
            // (a) The first k octets inside a list, Length left as it is.
            for (uint32_t k = 1; k < v.bytes.size(); ++k)
            {
                std::string error;
                NS_TEST_EXPECT_MSG_EQ(ParseOne(v.bytes, k, error),
                                      nullptr,
                                      name << " truncated to " << k << " accepted");
                NS_TEST_EXPECT_MSG_NE(error, "", name << " truncated to " << k << ": no reason");
                ++rejected;
            }
            // (b) The option's own parser, every Length but the right one (with enough
            // readable octets so that only the option's check can refuse).
            Bytes data(v.bytes.begin() + 2, v.bytes.end());
            data.resize(255, 0);
            for (uint32_t len = 0; len <= 40; ++len)
            {
                if (len == v.bytes.size() - 2)
                {
                    continue;
                }
                Ptr<MobilityOption> fresh = CreateMobilityOption(v.option->GetType());
                NS_TEST_ASSERT_MSG_NE(fresh,
                                      nullptr,
                                      "factory knows type " << +v.option->GetType());
                std::string error;
                NS_TEST_EXPECT_MSG_EQ(ParseData(fresh, data.data(), len, error),
                                      false,
                                      name << " accepted Length " << len);
                NS_TEST_EXPECT_MSG_NE(error, "", name << " Length " << len << ": no reason");
                ++rejected;
            }
        }
        // Prefix-len above 32 (6 bits allow 63).
        for (uint8_t plen : {33, 40, 63})
        {
            std::string error;
            uint8_t top = plen << mip6::IPV4_PREFIX_LEN_SHIFT;
            NS_TEST_EXPECT_MSG_EQ(ParseOne({36, 6, top, 0, 10, 0, 0, 1}, 8, error),
                                  nullptr,
                                  "request with Prefix-len " << +plen);
            NS_TEST_EXPECT_MSG_NE(error.find("Prefix-len"), std::string::npos, error);
            error.clear();
            NS_TEST_EXPECT_MSG_EQ(ParseOne({37, 6, 0, top, 10, 0, 0, 1}, 8, error),
                                  nullptr,
                                  "reply with Prefix-len " << +plen);
            NS_TEST_EXPECT_MSG_NE(error.find("Prefix-len"), std::string::npos, error);
            rejected += 2;
        }
        // A setter never writes an invalid Prefix-len.
        Ipv4HomeAddressRequestOption clamped(Ipv4Address("10.0.0.1"), 60);
        NS_TEST_EXPECT_MSG_EQ(+clamped.GetPrefixLength(), 32, "Prefix-len clamped to 32");
        NS_TEST_EXPECT_MSG_GT(rejected, 300u, "cases run");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief A PBU with an IPv4 Home Address Request and a PBA with an IPv4 Home Address Reply,
 * an IPv4 Default-Router Address and an IPv4 DHCP Support Mode option: the whole messages
 * against hand-computed octets (the 4n alignment padding and the 8-octet end padding
 * included), decoded back, and the PBU rejected whole when an IPv4 option is malformed.
 */
class Ipv4OptionsMessageTestCase : public TestCase
{
  public:
    Ipv4OptionsMessageTestCase()
        : TestCase("PBU and PBA carrying the IPv4 options: octets, decoding, malformed PBU")
    {
    }

  private:
    void DoRun() override
    {
        // PBU: fixed part 12 octets; MN-ID "mn1" at 12..17 (08 04 01 6d 6e 31); the request
        // needs 4n: PadN with no data at 18..19 (01 00); request at 20..27; 28 octets, end
        // padding to 32 with PadN of 2 data octets (01 02 00 00); Header Len (32 / 8) - 1 = 3.
        BindingUpdateHeader pbu;
        pbu.SetSequence(0x1234);
        pbu.SetFlags(BindingUpdateHeader::FLAG_A | BindingUpdateHeader::FLAG_P);
        pbu.SetLifetime(150);
        pbu.AddOption(Create<MobileNodeIdentifierOption>("mn1"));
        pbu.AddOption(Create<Ipv4HomeAddressRequestOption>());
        const Bytes pbuBytes = {0x3b, 0x03, 0x05, 0x00, 0x00, 0x00, 0x12, 0x34, 0x82, 0x00, 0x00,
                                0x96, 0x08, 0x04, 0x01, 0x6d, 0x6e, 0x31, 0x01, 0x00, 0x24, 0x06,
                                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00};
        NS_TEST_EXPECT_MSG_EQ(Hex(Serialize(pbu)), Hex(pbuBytes), "PBU octets");
        BindingUpdateHeader pbuBack;
        Ptr<Packet> p = Create<Packet>(pbuBytes.data(), pbuBytes.size());
        NS_TEST_ASSERT_MSG_EQ(p->RemoveHeader(pbuBack), pbuBytes.size(), pbuBack.GetError());
        auto req = pbuBack.GetOptions().Find<Ipv4HomeAddressRequestOption>();
        NS_TEST_ASSERT_MSG_NE(req, nullptr, "request decoded from the PBU");
        NS_TEST_EXPECT_MSG_EQ(req->GetAddress(), Ipv4Address::GetAny(), "request for any");

        // PBA: fixed part 12 octets; reply (4n) at 12..19; default router (4n) at 20..27;
        // DHCP Support Mode (no alignment) at 28..31; 32 octets, no end padding; Header Len 3.
        BindingAckHeader pba;
        pba.SetStatus(0);
        pba.SetFlag(BindingAckHeader::FLAG_P, true);
        pba.SetSequence(0x1234);
        pba.SetLifetime(150);
        pba.AddOption(Create<Ipv4HomeAddressReplyOption>(0, Ipv4Address("10.100.0.7"), 16));
        pba.AddOption(Create<Ipv4DefaultRouterAddressOption>(Ipv4Address("10.100.0.1")));
        pba.AddOption(Create<Ipv4DhcpSupportModeOption>(true));
        const Bytes pbaBytes = {0x3b, 0x03, 0x06, 0x00, 0x00, 0x00, 0x00, 0x20, 0x12, 0x34, 0x00,
                                0x96, 0x25, 0x06, 0x00, 0x40, 0x0a, 0x64, 0x00, 0x07, 0x26, 0x06,
                                0x00, 0x00, 0x0a, 0x64, 0x00, 0x01, 0x27, 0x02, 0x00, 0x01};
        NS_TEST_EXPECT_MSG_EQ(Hex(Serialize(pba)), Hex(pbaBytes), "PBA octets");
        BindingAckHeader pbaBack;
        p = Create<Packet>(pbaBytes.data(), pbaBytes.size());
        NS_TEST_ASSERT_MSG_EQ(p->RemoveHeader(pbaBack), pbaBytes.size(), pbaBack.GetError());
        auto rep = pbaBack.GetOptions().Find<Ipv4HomeAddressReplyOption>();
        NS_TEST_ASSERT_MSG_NE(rep, nullptr, "reply decoded from the PBA");
        NS_TEST_EXPECT_MSG_EQ(rep->GetAddress(), Ipv4Address("10.100.0.7"), "reply address");
        auto dra = pbaBack.GetOptions().Find<Ipv4DefaultRouterAddressOption>();
        NS_TEST_ASSERT_MSG_NE(dra, nullptr, "default router decoded");
        NS_TEST_EXPECT_MSG_EQ(dra->GetAddress(), Ipv4Address("10.100.0.1"), "default router");
        NS_TEST_EXPECT_MSG_EQ(pbaBack.GetOptions().Find<Ipv4CareOfAddressOption>(),
                              nullptr,
                              "a Default-Router option is not a Care-of Address option");
        NS_TEST_EXPECT_MSG_NE(pbaBack.GetOptions().Find<Ipv4DhcpSupportModeOption>(),
                              nullptr,
                              "DHCP Support Mode decoded");

        // The PBU with the request's Length 5 (its last octet then read as the PadN type):
        // the whole message is refused with a reason.
        Bytes bad = pbuBytes;
        bad[21] = 5;
        BindingUpdateHeader badBack;
        p = Create<Packet>(bad.data(), bad.size());
        NS_TEST_EXPECT_MSG_EQ(p->PeekHeader(badBack), 0, "PBU with a malformed request");
        NS_TEST_EXPECT_MSG_NE(badBack.GetError(), "", "reason given");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Suite of the RFC 5844 option codecs.
 */
class Ipv4OptionsTestSuite : public TestSuite
{
  public:
    Ipv4OptionsTestSuite()
        : TestSuite("pmipv6-ipv4-options", UNIT)
    {
        AddTestCase(new Ipv4OptionsVectorTestCase, TestCase::QUICK);
        AddTestCase(new Ipv4OptionsMalformedTestCase, TestCase::QUICK);
        AddTestCase(new Ipv4OptionsMessageTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static Ipv4OptionsTestSuite g_ipv4OptionsTestSuite;
