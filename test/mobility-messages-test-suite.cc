/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the standard Mobility Header messages: BU/PBU, BA/PBA, BE (binding-update-header),
 * BRI/BRA (binding-revocation-header), LRI/LRA (localized-routing-header), UPN/UPA
 * (update-notification-header) and FBI/FBA (flow-binding-header): hand-written vectors,
 * round trips, truncation at every offset, wrong MH type / Header Len, unknown options and
 * the checksum.
 */

#include "ns3/binding-revocation-header.h"
#include "ns3/binding-update-header.h"
#include "ns3/buffer.h"
#include "ns3/flow-binding-header.h"
#include "ns3/localized-routing-header.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/test.h"
#include "ns3/update-notification-header.h"

#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <typeinfo>
#include <vector>

using namespace ns3;

namespace
{

/// Option types no option family of the module knows (IANA unassigned range).
const uint8_t kUnknownType1 = 150;
const uint8_t kUnknownType2 = 151;

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
 * \brief Deserialize the first \p length octets of \p bytes.
 * \param h the header to decode into
 * \param bytes the octets
 * \param length how many of them the packet holds
 * \return what Deserialize returned
 */
uint32_t
Deserialize(Header& h, const std::vector<uint8_t>& bytes, uint32_t length)
{
    Ptr<Packet> p = Create<Packet>(bytes.data(), length);
    return p->PeekHeader(h);
}

/**
 * \brief Deserialize all of \p bytes.
 * \param h the header to decode into
 * \param bytes the octets
 * \return what Deserialize returned
 */
uint32_t
Deserialize(Header& h, const std::vector<uint8_t>& bytes)
{
    return Deserialize(h, bytes, bytes.size());
}

/**
 * \brief Hex dump for failure messages.
 * \param v the octets
 * \return "xx xx ..."
 */
std::string
Hex(const std::vector<uint8_t>& v)
{
    std::ostringstream oss;
    for (uint8_t b : v)
    {
        oss << std::hex << (b < 16 ? "0" : "") << +b << " ";
    }
    return oss.str();
}

/**
 * \brief An option as its wire octets (Type, Length, data).
 * \param o the option
 * \return the octets
 */
std::vector<uint8_t>
OptionBytes(const MobilityOption& o)
{
    Buffer b;
    b.AddAtStart(o.GetSerializedSize());
    Buffer::Iterator it = b.Begin();
    o.Serialize(it);
    std::vector<uint8_t> out(o.GetSerializedSize());
    b.Begin().Read(out.data(), out.size());
    return out;
}

/**
 * \brief Every field of a message through its accessors, as one string: two messages are
 * equal field by field when their descriptions are equal.
 * \param h the message
 * \return the description
 */
std::string
Describe(const MobilityHeader& h)
{
    std::ostringstream os;
    os << "proto=" << +h.GetPayloadProto() << " mh=" << +h.GetMhType()
       << " optoff=" << h.GetOptionsOffset();
    if (auto bu = dynamic_cast<const BindingUpdateHeader*>(&h))
    {
        os << " BU seq=" << bu->GetSequence() << " flags=" << bu->GetFlags()
           << " proxy=" << bu->IsProxy() << " A=" << bu->HasFlag(BindingUpdateHeader::FLAG_A)
           << " lifetime=" << bu->GetLifetime() << "/" << bu->GetLifetimeSeconds();
    }
    if (auto ba = dynamic_cast<const BindingAckHeader*>(&h))
    {
        os << " BA status=" << +ba->GetStatus() << " flags=" << +ba->GetFlags()
           << " proxy=" << ba->IsProxy() << " seq=" << ba->GetSequence()
           << " lifetime=" << ba->GetLifetime() << "/" << ba->GetLifetimeSeconds();
    }
    if (auto be = dynamic_cast<const BindingErrorHeader*>(&h))
    {
        os << " BE status=" << +be->GetStatus() << " hoa=" << be->GetHomeAddress();
    }
    if (auto br = dynamic_cast<const BindingRevocationHeader*>(&h))
    {
        os << " BR type=" << +br->GetRevocationType() << " seq=" << br->GetSequence()
           << " flags=" << br->GetFlags() << " P=" << br->IsProxy() << " G=" << br->IsGlobal()
           << " I=" << br->HasFlag(BindingRevocationHeader::FLAG_I);
    }
    if (auto bri = dynamic_cast<const BindingRevocationIndicationHeader*>(&h))
    {
        os << " trigger=" << +bri->GetRevocationTrigger();
    }
    if (auto bra = dynamic_cast<const BindingRevocationAckHeader*>(&h))
    {
        os << " status=" << +bra->GetStatus();
    }
    if (auto lri = dynamic_cast<const LocalizedRoutingInitiationHeader*>(&h))
    {
        os << " LRI seq=" << lri->GetSequence() << " lifetime=" << lri->GetLifetime();
    }
    if (auto lra = dynamic_cast<const LocalizedRoutingAckHeader*>(&h))
    {
        os << " LRA seq=" << lra->GetSequence() << " flags=" << +lra->GetFlags()
           << " U=" << lra->IsUnsolicited() << " status=" << +lra->GetStatus()
           << " lifetime=" << lra->GetLifetime();
    }
    if (auto upn = dynamic_cast<const UpdateNotificationHeader*>(&h))
    {
        os << " UPN seq=" << upn->GetSequence() << " reason=" << +upn->GetNotificationReason()
           << " flags=" << +upn->GetFlags()
           << " A=" << upn->HasFlag(UpdateNotificationHeader::FLAG_A)
           << " D=" << upn->HasFlag(UpdateNotificationHeader::FLAG_D);
    }
    if (auto upa = dynamic_cast<const UpdateNotificationAckHeader*>(&h))
    {
        os << " UPA seq=" << upa->GetSequence() << " status=" << +upa->GetStatus();
    }
    if (auto fb = dynamic_cast<const FlowBindingHeader*>(&h))
    {
        os << " FB type=" << +fb->GetFlowBindingType() << " seq=" << fb->GetSequence()
           << " flags=" << +fb->GetFlags();
    }
    if (auto fbi = dynamic_cast<const FlowBindingIndicationHeader*>(&h))
    {
        os << " trigger=" << +fbi->GetTrigger() << " A=" << fbi->IsAckRequested();
    }
    if (auto fba = dynamic_cast<const FlowBindingAckHeader*>(&h))
    {
        os << " status=" << +fba->GetStatus();
    }
    os << " options:";
    for (const auto& o : h.GetOptions().GetOptions())
    {
        os << " [" << Hex(OptionBytes(*o)) << "]";
    }
    return os.str();
}

/**
 * \brief One message class under test.
 */
struct MessageSpec
{
    std::string name;                                      ///< for messages
    std::function<std::unique_ptr<MobilityHeader>()> make; ///< a fresh, default object
    std::function<void(MobilityHeader&)> configure;        ///< set non-default values
    std::vector<uint8_t> handVector; ///< a hand-written vector of the configured fixed part
};

/**
 * \brief Downcast helper for the configure functions.
 * \param h the message
 * \return h as T
 */
template <typename T>
T&
As(MobilityHeader& h)
{
    return dynamic_cast<T&>(h);
}

/**
 * \brief The classes under test, each with non-default values and a hand-written vector of
 * those values without options (Checksum zero, end padding PadN where needed).
 * \return the specs
 */
// clang-format off
std::vector<MessageSpec>
AllMessages()
{
    std::vector<MessageSpec> specs;
    specs.push_back(
        {"BU",
         [] { return std::make_unique<BindingUpdateHeader>(); },
         [](MobilityHeader& h) {
             auto& m = As<BindingUpdateHeader>(h);
             m.SetSequence(0xbeef);
             m.SetFlags(BindingUpdateHeader::FLAG_A | BindingUpdateHeader::FLAG_H |
                        BindingUpdateHeader::FLAG_K);
             m.SetLifetime(0x0010);
         },
         // MH: 59, Header Len 1, type 5 | Seq 0xbeef | A H K = 0xd000 | Lifetime 16 | PadN 4
         {0x3b, 0x01, 0x05, 0x00, 0x00, 0x00, 0xbe, 0xef, 0xd0, 0x00, 0x00, 0x10,
          0x01, 0x02, 0x00, 0x00}});
    specs.push_back(
        {"PBU",
         [] { return std::make_unique<BindingUpdateHeader>(); },
         [](MobilityHeader& h) {
             auto& m = As<BindingUpdateHeader>(h);
             m.SetSequence(7);
             m.SetFlag(BindingUpdateHeader::FLAG_T, true);
             m.SetLifetime(300);
         },
         // Seq 7 | A P T = 0x8280 | Lifetime 300 = 0x012c
         {0x3b, 0x01, 0x05, 0x00, 0x00, 0x00, 0x00, 0x07, 0x82, 0x80, 0x01, 0x2c,
          0x01, 0x02, 0x00, 0x00}});
    specs.push_back(
        {"BA",
         [] { return std::make_unique<BindingAckHeader>(); },
         [](MobilityHeader& h) {
             auto& m = As<BindingAckHeader>(h);
             m.SetStatus(mip6::BA_SEQUENCE_OUT_OF_WINDOW);
             m.SetFlags(BindingAckHeader::FLAG_K);
             m.SetSequence(0xbeef);
             m.SetLifetime(0x0010);
         },
         // Status 135 | K = 0x80 | Seq 0xbeef | Lifetime 16
         {0x3b, 0x01, 0x06, 0x00, 0x00, 0x00, 0x87, 0x80, 0xbe, 0xef, 0x00, 0x10,
          0x01, 0x02, 0x00, 0x00}});
    specs.push_back(
        {"PBA",
         [] { return std::make_unique<BindingAckHeader>(); },
         [](MobilityHeader& h) {
             auto& m = As<BindingAckHeader>(h);
             m.SetStatus(mip6::BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX);
             m.SetSequence(0x0102);
             m.SetLifetime(0);
         },
         // Status 155 | P = 0x20 | Seq 0x0102 | Lifetime 0
         {0x3b, 0x01, 0x06, 0x00, 0x00, 0x00, 0x9b, 0x20, 0x01, 0x02, 0x00, 0x00,
          0x01, 0x02, 0x00, 0x00}});
    specs.push_back(
        {"BE",
         [] { return std::make_unique<BindingErrorHeader>(); },
         [](MobilityHeader& h) {
             auto& m = As<BindingErrorHeader>(h);
             m.SetStatus(mip6::BE_UNKNOWN_BINDING_FOR_HOME_ADDRESS);
             m.SetHomeAddress(Ipv6Address("2001:db8::99"));
         },
         // Header Len 2 (24 octets) | Status 1 | Reserved | Home Address; ends at 24, no pad
         {0x3b, 0x02, 0x07, 0x00, 0x00, 0x00, 0x01, 0x00, 0x20, 0x01, 0x0d, 0xb8,
          0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x99}});
    specs.push_back(
        {"BRI",
         [] { return std::make_unique<BindingRevocationIndicationHeader>(); },
         [](MobilityHeader& h) {
             auto& m = As<BindingRevocationIndicationHeader>(h);
             m.SetRevocationTrigger(mip6::BRI_TRIGGER_USER_INITIATED_SESSION_TERMINATION);
             m.SetSequence(0x1234);
             m.SetFlag(BindingRevocationHeader::FLAG_G, true);
         },
         // MH type 16 | B.R. Type 1 | Trigger 5 | Seq 0x1234 | P G = 0xa000
         {0x3b, 0x01, 0x10, 0x00, 0x00, 0x00, 0x01, 0x05, 0x12, 0x34, 0xa0, 0x00,
          0x01, 0x02, 0x00, 0x00}});
    specs.push_back(
        {"BRA",
         [] { return std::make_unique<BindingRevocationAckHeader>(); },
         [](MobilityHeader& h) {
             auto& m = As<BindingRevocationAckHeader>(h);
             m.SetStatus(mip6::BRA_BINDING_DOES_NOT_EXIST);
             m.SetSequence(0x1234);
             m.SetFlags(BindingRevocationHeader::FLAG_P | BindingRevocationHeader::FLAG_I);
         },
         // MH type 16 | B.R. Type 2 | Status 128 | Seq 0x1234 | P I = 0xc000
         {0x3b, 0x01, 0x10, 0x00, 0x00, 0x00, 0x02, 0x80, 0x12, 0x34, 0xc0, 0x00,
          0x01, 0x02, 0x00, 0x00}});
    specs.push_back(
        {"LRI",
         [] { return std::make_unique<LocalizedRoutingInitiationHeader>(); },
         [](MobilityHeader& h) {
             auto& m = As<LocalizedRoutingInitiationHeader>(h);
             m.SetSequence(0x0102);
             m.SetLifetime(mip6::LR_LIFETIME_INFINITE);
         },
         // MH type 17 | Seq 0x0102 | Reserved 0 | Lifetime 0xffff
         {0x3b, 0x01, 0x11, 0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0xff, 0xff,
          0x01, 0x02, 0x00, 0x00}});
    specs.push_back(
        {"LRA",
         [] { return std::make_unique<LocalizedRoutingAckHeader>(); },
         [](MobilityHeader& h) {
             auto& m = As<LocalizedRoutingAckHeader>(h);
             m.SetSequence(0x0102);
             m.SetUnsolicited(true);
             m.SetStatus(mip6::LRA_MN_NOT_ATTACHED);
             m.SetLifetime(300);
         },
         // MH type 18 | Seq 0x0102 | U = 0x80 | Status 129 | Lifetime 300
         {0x3b, 0x01, 0x12, 0x00, 0x00, 0x00, 0x01, 0x02, 0x80, 0x81, 0x01, 0x2c,
          0x01, 0x02, 0x00, 0x00}});
    specs.push_back(
        {"UPN",
         [] { return std::make_unique<UpdateNotificationHeader>(); },
         [](MobilityHeader& h) {
             auto& m = As<UpdateNotificationHeader>(h);
             m.SetSequence(0x0a0b);
             m.SetNotificationReason(mip6::UPN_REASON_FLOW_MOBILITY);
             m.SetFlag(UpdateNotificationHeader::FLAG_D, true);
         },
         // MH type 19 | Seq 0x0a0b | Reason 8 | A D = 0xc0 | Reserved 16
         {0x3b, 0x01, 0x13, 0x00, 0x00, 0x00, 0x0a, 0x0b, 0x08, 0xc0, 0x00, 0x00,
          0x01, 0x02, 0x00, 0x00}});
    specs.push_back(
        {"UPA",
         [] { return std::make_unique<UpdateNotificationAckHeader>(); },
         [](MobilityHeader& h) {
             auto& m = As<UpdateNotificationAckHeader>(h);
             m.SetSequence(0x0a0b);
             m.SetStatus(mip6::UPA_MN_NOT_ATTACHED);
         },
         // MH type 20 | Seq 0x0a0b | Status 132 | Reserved 24
         {0x3b, 0x01, 0x14, 0x00, 0x00, 0x00, 0x0a, 0x0b, 0x84, 0x00, 0x00, 0x00,
          0x01, 0x02, 0x00, 0x00}});
    specs.push_back(
        {"FBI",
         [] { return std::make_unique<FlowBindingIndicationHeader>(); },
         [](MobilityHeader& h) {
             auto& m = As<FlowBindingIndicationHeader>(h);
             m.SetSequence(0x4321);
             m.SetTrigger(mip6::FBI_TRIGGER_ADMINISTRATIVE_REASON);
         },
         // MH type 21 | FB Type 1 | Reserved | Seq 0x4321 | Trigger 2 | A = 0x80
         {0x3b, 0x01, 0x15, 0x00, 0x00, 0x00, 0x01, 0x00, 0x43, 0x21, 0x02, 0x80,
          0x01, 0x02, 0x00, 0x00}});
    specs.push_back(
        {"FBA",
         [] { return std::make_unique<FlowBindingAckHeader>(); },
         [](MobilityHeader& h) {
             auto& m = As<FlowBindingAckHeader>(h);
             m.SetSequence(0x4321);
             m.SetStatus(mip6::FBA_ACTION_NOT_AUTHORIZED);
         },
         // MH type 21 | FB Type 2 | Reserved | Seq 0x4321 | Status 129 | Reserved
         {0x3b, 0x01, 0x15, 0x00, 0x00, 0x00, 0x02, 0x00, 0x43, 0x21, 0x81, 0x00,
          0x01, 0x02, 0x00, 0x00}});
    return specs;
}

// clang-format on

/**
 * \brief Add a few options: an HNP (8n+4), an MN-ID (no alignment) and two options of
 * types the module does not know.
 * \param h the message
 */
void
AddSomeOptions(MobilityHeader& h)
{
    h.AddOption(Create<MobileNodeIdentifierOption>("mn@example.org"));
    h.AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:db8:aa::"), 48));
    Ptr<UnknownMobilityOption> u1 = Create<UnknownMobilityOption>(kUnknownType1);
    u1->SetData({0xde, 0xad, 0xbe});
    h.AddOption(u1);
    h.AddOption(Create<UnknownMobilityOption>(kUnknownType2));
}

/**
 * \brief RFC 1071 checksum computed independently of MobilityHeader::ComputeChecksum: the
 * pseudo-header is built as octets and the octets at even and odd positions are summed
 * separately, then combined and folded.
 * \param src pseudo-header source
 * \param dst pseudo-header destination
 * \param mh the Mobility Header octets (Checksum field as it should be summed)
 * \return the one's complement of the one's complement sum
 */
uint16_t
BytewiseChecksum(Ipv6Address src, Ipv6Address dst, const std::vector<uint8_t>& mh)
{
    std::vector<uint8_t> all(40, 0);
    src.Serialize(all.data());
    dst.Serialize(all.data() + 16);
    uint32_t len = mh.size();
    all[32] = (len >> 24) & 0xff;
    all[33] = (len >> 16) & 0xff;
    all[34] = (len >> 8) & 0xff;
    all[35] = len & 0xff;
    all[39] = 135; // three zero octets, then Next Header
    all.insert(all.end(), mh.begin(), mh.end());
    if (all.size() % 2 == 1)
    {
        all.push_back(0);
    }
    uint64_t high = 0;
    uint64_t low = 0;
    for (uint32_t k = 0; k < all.size(); ++k)
    {
        if (k % 2 == 0)
        {
            high += all[k];
        }
        else
        {
            low += all[k];
        }
    }
    uint64_t sum = high * 256 + low;
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return static_cast<uint16_t>(~sum & 0xffff);
}

/**
 * \brief The checksum the way ns-3's Icmpv6Header computes an upper-layer checksum: the
 * pseudo-header sum from Buffer::Iterator::CalculateIpChecksum, then the message summed with
 * it as initial value; the result is written with WriteU16 as Icmpv6Header does.
 * \param src pseudo-header source
 * \param dst pseudo-header destination
 * \param mh the Mobility Header octets with a zero Checksum field
 * \return the two Checksum octets in wire order
 */
std::vector<uint8_t>
Ns3StyleChecksumOctets(Ipv6Address src, Ipv6Address dst, const std::vector<uint8_t>& mh)
{
    Buffer pseudo;
    pseudo.AddAtStart(40);
    Buffer::Iterator it = pseudo.Begin();
    uint8_t tmp[16];
    src.Serialize(tmp);
    it.Write(tmp, 16);
    dst.Serialize(tmp);
    it.Write(tmp, 16);
    it.WriteU16(0);
    it.WriteU8(mh.size() >> 8);
    it.WriteU8(mh.size() & 0xff);
    it.WriteU16(0);
    it.WriteU8(0);
    it.WriteU8(135);
    it = pseudo.Begin();
    uint16_t initial = ~it.CalculateIpChecksum(40);

    Buffer msg;
    msg.AddAtStart(mh.size());
    msg.Begin().Write(mh.data(), mh.size());
    uint16_t checksum = msg.Begin().CalculateIpChecksum(mh.size(), initial);

    Buffer out;
    out.AddAtStart(2);
    Buffer::Iterator w = out.Begin();
    w.WriteU16(checksum);
    std::vector<uint8_t> octets(2);
    out.Begin().Read(octets.data(), 2);
    return octets;
}

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief Each class against its hand-written vector: encode, decode, re-encode; reserved
 * fields are written as zero and ignored on receipt.
 */
class MessagesHandVectorTestCase : public TestCase
{
  public:
    MessagesHandVectorTestCase()
        : TestCase("every message class against a hand-written vector")
    {
    }

  private:
    void DoRun() override
    {
        for (const MessageSpec& spec : AllMessages())
        {
            std::unique_ptr<MobilityHeader> h = spec.make();
            spec.configure(*h);
            NS_TEST_EXPECT_MSG_EQ(Hex(Serialize(*h)), Hex(spec.handVector), spec.name);

            std::unique_ptr<MobilityHeader> d = spec.make();
            NS_TEST_EXPECT_MSG_EQ(Deserialize(*d, spec.handVector),
                                  spec.handVector.size(),
                                  spec.name << ": " << d->GetError());
            NS_TEST_EXPECT_MSG_EQ(Describe(*d), Describe(*h), spec.name << " fields");
            NS_TEST_EXPECT_MSG_EQ(d->GetOptions().GetCount(), 0, spec.name << " no options");
        }

        // Reserved octets set on the wire are ignored and written back as zero.
        struct Reserved
        {
            const char* what;
            std::function<std::unique_ptr<MobilityHeader>()> make;
            std::vector<uint8_t> dirty;
            std::vector<uint8_t> clean;
        };

        // clang-format off
        const std::vector<Reserved> cases = {
            {"LRI Reserved",
             [] { return std::make_unique<LocalizedRoutingInitiationHeader>(); },
             {0x3b, 0x01, 0x11, 0xff, 0x00, 0x00, 0x01, 0x02, 0xff, 0xff, 0x00, 0x05,
              0x01, 0x02, 0x00, 0x00},
             {0x3b, 0x01, 0x11, 0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x05,
              0x01, 0x02, 0x00, 0x00}},
            {"UPN Reserved",
             [] { return std::make_unique<UpdateNotificationHeader>(); },
             {0x3b, 0x01, 0x13, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x80, 0x12, 0x34,
              0x01, 0x02, 0x00, 0x00},
             {0x3b, 0x01, 0x13, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x80, 0x00, 0x00,
              0x01, 0x02, 0x00, 0x00}},
            {"UPA Reserved",
             [] { return std::make_unique<UpdateNotificationAckHeader>(); },
             {0x3b, 0x01, 0x14, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0xaa, 0xbb, 0xcc,
              0x01, 0x02, 0x00, 0x00},
             {0x3b, 0x01, 0x14, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
              0x01, 0x02, 0x00, 0x00}},
            {"FBA Reserved after FB Type",
             [] { return std::make_unique<FlowBindingAckHeader>(); },
             {0x3b, 0x01, 0x15, 0x00, 0x00, 0x00, 0x02, 0x77, 0x00, 0x09, 0x00, 0x00,
              0x01, 0x02, 0x00, 0x00},
             {0x3b, 0x01, 0x15, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x09, 0x00, 0x00,
              0x01, 0x02, 0x00, 0x00}},
            {"BE Reserved",
             [] { return std::make_unique<BindingErrorHeader>(); },
             {0x3b, 0x02, 0x07, 0x00, 0x00, 0x00, 0x02, 0x5a, 0, 0, 0, 0, 0, 0, 0, 0,
              0, 0, 0, 0, 0, 0, 0, 0},
             {0x3b, 0x02, 0x07, 0x00, 0x00, 0x00, 0x02, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
              0, 0, 0, 0, 0, 0, 0, 0}},
        };
        // clang-format on
        for (const Reserved& c : cases)
        {
            std::unique_ptr<MobilityHeader> d = c.make();
            NS_TEST_EXPECT_MSG_EQ(Deserialize(*d, c.dirty), c.dirty.size(), c.what);
            NS_TEST_EXPECT_MSG_EQ(Hex(Serialize(*d)), Hex(c.clean), c.what);
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Round trip of every class with non-default values and options; decoding the same
 * object twice; extra octets after the header are not consumed.
 */
class MessagesRoundTripTestCase : public TestCase
{
  public:
    MessagesRoundTripTestCase()
        : TestCase("round trip of every message class with options")
    {
    }

  private:
    void DoRun() override
    {
        for (const MessageSpec& spec : AllMessages())
        {
            std::unique_ptr<MobilityHeader> h = spec.make();
            spec.configure(*h);
            AddSomeOptions(*h);
            std::vector<uint8_t> bytes = Serialize(*h);
            NS_TEST_EXPECT_MSG_EQ(bytes.size() % 8, 0, spec.name << " multiple of 8");
            NS_TEST_EXPECT_MSG_EQ(bytes.size(), h->GetSerializedSize(), spec.name);
            NS_TEST_EXPECT_MSG_EQ(+bytes[1], bytes.size() / 8 - 1, spec.name << " Header Len");
            NS_TEST_EXPECT_MSG_EQ(+bytes[0], 59, spec.name << " Payload Proto");
            NS_TEST_EXPECT_MSG_EQ(+bytes[2], +h->GetMhType(), spec.name << " MH Type");
            // The HNP option's Type octet must sit at 8n+4.
            bool foundHnp = false;
            for (uint32_t k = h->GetOptionsOffset(); k < bytes.size();)
            {
                if (bytes[k] == mip6::OPT_PAD1)
                {
                    ++k;
                    continue;
                }
                if (bytes[k] == mip6::OPT_HOME_NETWORK_PREFIX)
                {
                    foundHnp = true;
                    NS_TEST_EXPECT_MSG_EQ(k % 8, 4, spec.name << " HNP at " << k);
                }
                k += 2 + bytes[k + 1];
            }
            NS_TEST_EXPECT_MSG_EQ(foundHnp, true, spec.name << " HNP on the wire");

            std::unique_ptr<MobilityHeader> d = spec.make();
            NS_TEST_ASSERT_MSG_EQ(Deserialize(*d, bytes), bytes.size(), d->GetError());
            NS_TEST_EXPECT_MSG_EQ(d->IsValid(), true, spec.name);
            NS_TEST_EXPECT_MSG_EQ(d->GetError(), "", spec.name);
            NS_TEST_EXPECT_MSG_EQ(Describe(*d), Describe(*h), spec.name << " fields");
            NS_TEST_EXPECT_MSG_EQ(d->GetOptions().GetCount(), 4, spec.name << " options");
            NS_TEST_EXPECT_MSG_NE(d->GetOptions().Find<HomeNetworkPrefixOption>(),
                                  nullptr,
                                  spec.name << " HNP class");
            NS_TEST_EXPECT_MSG_NE(d->GetOptions().Find<MobileNodeIdentifierOption>(),
                                  nullptr,
                                  spec.name << " MN-ID class");
            NS_TEST_EXPECT_MSG_EQ(d->GetOptions().FindAll<UnknownMobilityOption>().size(),
                                  2,
                                  spec.name << " unknown options kept");
            NS_TEST_EXPECT_MSG_EQ(Hex(Serialize(*d)), Hex(bytes), spec.name << " re-encoded");

            // Printing does not crash and names the message.
            std::ostringstream os;
            d->Print(os);
            NS_TEST_EXPECT_MSG_EQ(os.str().rfind(spec.name + " (MH type", 0),
                                  0,
                                  "Print of " << spec.name << ": " << os.str());

            // Octets after the header (e.g. a payload) are not the header's.
            std::vector<uint8_t> longer = bytes;
            longer.insert(longer.end(), {0xaa, 0xbb, 0xcc});
            std::unique_ptr<MobilityHeader> e = spec.make();
            NS_TEST_EXPECT_MSG_EQ(Deserialize(*e, longer), bytes.size(), spec.name << " +3");

            // Decoding a message without options into the same object forgets the options.
            NS_TEST_EXPECT_MSG_EQ(Deserialize(*d, spec.handVector),
                                  spec.handVector.size(),
                                  spec.name);
            NS_TEST_EXPECT_MSG_EQ(d->GetOptions().GetCount(), 0, spec.name << " options reset");
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Truncation at every offset of every class (with options): 0 returned, IsValid()
 * false, a reason; the object is usable afterwards.
 */
class MessagesTruncationTestCase : public TestCase
{
  public:
    MessagesTruncationTestCase()
        : TestCase("truncation at every offset of every message class")
    {
    }

  private:
    void DoRun() override
    {
        for (const MessageSpec& spec : AllMessages())
        {
            std::unique_ptr<MobilityHeader> h = spec.make();
            spec.configure(*h);
            AddSomeOptions(*h);
            std::vector<uint8_t> bytes = Serialize(*h);
            std::unique_ptr<MobilityHeader> d = spec.make();
            for (uint32_t k = 0; k < bytes.size(); ++k)
            {
                NS_TEST_EXPECT_MSG_EQ(Deserialize(*d, bytes, k),
                                      0,
                                      spec.name << " first " << k << " octets");
                NS_TEST_EXPECT_MSG_EQ(d->IsValid(), false, spec.name << " " << k);
                NS_TEST_EXPECT_MSG_EQ(d->GetError().empty(), false, spec.name << " " << k);
            }
            NS_TEST_EXPECT_MSG_EQ(Deserialize(*d, bytes), bytes.size(), spec.name << " full");
            NS_TEST_EXPECT_MSG_EQ(d->IsValid(), true, spec.name);
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Wrong MH type for every pair of classes, BRI/BRA and FBI/FBA told apart by their
 * second-level type, Header Len that overruns the packet or is shorter than the fixed part,
 * malformed options inside a message.
 */
class MessagesRejectTestCase : public TestCase
{
  public:
    MessagesRejectTestCase()
        : TestCase("wrong MH type, wrong B.R. or FB Type, bad Header Len, bad options rejected")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<MessageSpec> specs = AllMessages();
        // Every class refuses every other class's message (BU/PBU and BA/PBA share a class).
        for (const MessageSpec& from : specs)
        {
            std::unique_ptr<MobilityHeader> h = from.make();
            from.configure(*h);
            std::vector<uint8_t> bytes = Serialize(*h);
            for (const MessageSpec& to : specs)
            {
                std::unique_ptr<MobilityHeader> d = to.make();
                const MobilityHeader& dr = *d;
                const MobilityHeader& hr = *h;
                bool sameClass = typeid(dr) == typeid(hr);
                uint32_t n = Deserialize(*d, bytes);
                NS_TEST_EXPECT_MSG_EQ(n,
                                      sameClass ? bytes.size() : 0,
                                      from.name << " decoded as " << to.name);
                NS_TEST_EXPECT_MSG_EQ(d->IsValid(), sameClass, from.name << " as " << to.name);
            }
        }

        // The second-level type: a BRA is not a BRI and vice versa, even with MH type 16.
        {
            BindingRevocationAckHeader bra;
            std::vector<uint8_t> bytes = Serialize(bra);
            BindingRevocationIndicationHeader bri;
            NS_TEST_EXPECT_MSG_EQ(Deserialize(bri, bytes), 0, "BRA bytes as BRI");
            NS_TEST_EXPECT_MSG_NE(bri.GetError().find("B.R. Type 2"),
                                  std::string::npos,
                                  bri.GetError());
            bytes[6] = 1; // now B.R. Type 1
            NS_TEST_EXPECT_MSG_EQ(Deserialize(bri, bytes), bytes.size(), "B.R. Type 1 as BRI");
            NS_TEST_EXPECT_MSG_EQ(Deserialize(bra, bytes), 0, "B.R. Type 1 as BRA");
            bytes[6] = 3; // neither
            NS_TEST_EXPECT_MSG_EQ(Deserialize(bri, bytes), 0, "B.R. Type 3 as BRI");
            NS_TEST_EXPECT_MSG_EQ(Deserialize(bra, bytes), 0, "B.R. Type 3 as BRA");
        }
        {
            FlowBindingIndicationHeader fbi;
            std::vector<uint8_t> bytes = Serialize(fbi);
            FlowBindingAckHeader fba;
            NS_TEST_EXPECT_MSG_EQ(Deserialize(fba, bytes), 0, "FBI bytes as FBA");
            NS_TEST_EXPECT_MSG_NE(fba.GetError().find("FB Type 1"),
                                  std::string::npos,
                                  fba.GetError());
            bytes[6] = 2;
            NS_TEST_EXPECT_MSG_EQ(Deserialize(fba, bytes), bytes.size(), "FB Type 2 as FBA");
            NS_TEST_EXPECT_MSG_EQ(Deserialize(fbi, bytes), 0, "FB Type 2 as FBI");
            bytes[6] = 0;
            NS_TEST_EXPECT_MSG_EQ(Deserialize(fbi, bytes), 0, "FB Type 0 as FBI");
            NS_TEST_EXPECT_MSG_EQ(Deserialize(fba, bytes), 0, "FB Type 0 as FBA");
        }

        // Header Len errors, for every class.
        for (const MessageSpec& spec : specs)
        {
            std::unique_ptr<MobilityHeader> h = spec.make();
            spec.configure(*h);
            AddSomeOptions(*h);
            std::vector<uint8_t> bytes = Serialize(*h);
            std::unique_ptr<MobilityHeader> d = spec.make();

            std::vector<uint8_t> over = bytes;
            over[1] += 1; // 8 octets more than the packet holds
            NS_TEST_EXPECT_MSG_EQ(Deserialize(*d, over), 0, spec.name << " Header Len +1");
            NS_TEST_EXPECT_MSG_NE(d->GetError().find("Header Len"),
                                  std::string::npos,
                                  d->GetError());
            over[1] = 255;
            NS_TEST_EXPECT_MSG_EQ(Deserialize(*d, over), 0, spec.name << " Header Len 255");

            std::vector<uint8_t> shortLen = bytes;
            shortLen[1] = 0; // 8 octets: shorter than 6 + the fixed part
            NS_TEST_EXPECT_MSG_EQ(Deserialize(*d, shortLen), 0, spec.name << " Header Len 0");
            NS_TEST_EXPECT_MSG_NE(d->GetError().find("shorter than"),
                                  std::string::npos,
                                  spec.name << ": " << d->GetError());
            if (h->GetOptionsOffset() > 16)
            {
                shortLen[1] = 1; // 16 octets: still shorter than the BE's 24
                NS_TEST_EXPECT_MSG_EQ(Deserialize(*d, shortLen), 0, spec.name << " Len 1");
            }

            // A Header Len shorter than the options makes the options overrun or be cut:
            // the header then ends inside an option, which must be rejected.
            std::vector<uint8_t> cut = bytes;
            cut[1] = (h->GetOptionsOffset() + 8) / 8; // ends 8 to 15 octets into the options
            if ((cut[1] + 1u) * 8 < bytes.size())
            {
                NS_TEST_EXPECT_MSG_EQ(Deserialize(*d, cut), 0, spec.name << " Len inside opt");
            }
        }

        // Malformed options inside a message (hand-written BRIs, 16 octets).
        struct Bad
        {
            const char* what;
            std::vector<uint8_t> bytes;
        };

        // clang-format off
        const std::vector<Bad> bad = {
            {"option Length overruns the header",
             {0x3b, 0x01, 0x10, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x01, 0x80, 0x00,
              0x96, 0x05, 0x00, 0x00}},
            {"lone Type octet at the end",
             {0x3b, 0x01, 0x10, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x01, 0x80, 0x00,
              0x01, 0x00, 0x00, 0x96}},
            {"HNP with a wrong Length",
             {0x3b, 0x01, 0x10, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x01, 0x80, 0x00,
              0x16, 0x02, 0x00, 0x40}},
        };
        // clang-format on
        for (const Bad& b : bad)
        {
            BindingRevocationIndicationHeader bri;
            NS_TEST_EXPECT_MSG_EQ(Deserialize(bri, b.bytes), 0, b.what);
            NS_TEST_EXPECT_MSG_EQ(bri.IsValid(), false, b.what);
            NS_TEST_EXPECT_MSG_EQ(bri.GetError().empty(), false, b.what);
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief An option of an unknown type inside a message is skipped (the message decodes) but
 * kept, and written back unchanged; the second-level type can be peeked.
 */
class MessagesUnknownOptionTestCase : public TestCase
{
  public:
    MessagesUnknownOptionTestCase()
        : TestCase("unknown option inside a message is skipped but kept; Peek*Type")
    {
    }

  private:
    void DoRun() override
    {
        // BRI, 24 octets: an option of unknown type 150 with 5 octets, then an MN-ID.
        // clang-format off
        const std::vector<uint8_t> bytes = {
            0x3b, 0x02, 0x10, 0x00, 0x00, 0x00, // Header Len 2, MH type 16
            0x01, 0x02, 0x00, 0x09, 0x80, 0x00, // BRI, trigger 2, seq 9, P
            0x96, 0x05, 0x01, 0x02, 0x03, 0x04, 0x05, // unknown type 150, Length 5
            0x08, 0x02, 0x01, 0x61,             // MN-ID, NAI "a"
            0x00,                               // Pad1 to 24
        };
        // clang-format on
        BindingRevocationIndicationHeader bri;
        NS_TEST_ASSERT_MSG_EQ(Deserialize(bri, bytes), 24, bri.GetError());
        NS_TEST_EXPECT_MSG_EQ(+bri.GetRevocationTrigger(), 2, "trigger");
        NS_TEST_EXPECT_MSG_EQ(bri.GetSequence(), 9, "sequence");
        NS_TEST_ASSERT_MSG_EQ(bri.GetOptions().GetCount(), 2, "two options");
        Ptr<UnknownMobilityOption> u = bri.GetOptions().Find<UnknownMobilityOption>();
        NS_TEST_ASSERT_MSG_NE(u, nullptr, "unknown option kept");
        NS_TEST_EXPECT_MSG_EQ(+u->GetType(), 150, "its type");
        NS_TEST_EXPECT_MSG_EQ(Hex(u->GetData()),
                              Hex(std::vector<uint8_t>{1, 2, 3, 4, 5}),
                              "its data");
        Ptr<MobileNodeIdentifierOption> mnid = bri.GetOptions().Find<MobileNodeIdentifierOption>();
        NS_TEST_ASSERT_MSG_NE(mnid, nullptr, "the option after it is decoded");
        NS_TEST_EXPECT_MSG_EQ(mnid->GetNai(), "a", "NAI");
        NS_TEST_EXPECT_MSG_EQ(Hex(Serialize(bri)), Hex(bytes), "written back unchanged");

        // Peeking the second-level type of MH types 16 and 21.
        Ptr<Packet> p = Create<Packet>(bytes.data(), bytes.size());
        NS_TEST_EXPECT_MSG_EQ(+BindingRevocationHeader::PeekRevocationType(p), 1, "BRI");
        NS_TEST_EXPECT_MSG_EQ(+FlowBindingHeader::PeekFlowBindingType(p), 0, "not MH 21");
        BindingRevocationAckHeader bra;
        NS_TEST_EXPECT_MSG_EQ(
            +BindingRevocationHeader::PeekRevocationType(Create<Packet>(Serialize(bra).data(), 16)),
            2,
            "BRA");
        FlowBindingAckHeader fba;
        Ptr<Packet> pf = Create<Packet>(Serialize(fba).data(), 16);
        NS_TEST_EXPECT_MSG_EQ(+FlowBindingHeader::PeekFlowBindingType(pf), 2, "FBA");
        NS_TEST_EXPECT_MSG_EQ(+BindingRevocationHeader::PeekRevocationType(pf), 0, "not 16");
        NS_TEST_EXPECT_MSG_EQ(
            +BindingRevocationHeader::PeekRevocationType(Create<Packet>(bytes.data(), 6)),
            0,
            "too short");
        NS_TEST_EXPECT_MSG_EQ(+FlowBindingHeader::PeekFlowBindingType(Create<Packet>()),
                              0,
                              "empty");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The checksum: zero when summed over the sent octets, equal to two independent
 * computations for every class, and to a hand-computed value for a small BRA.
 */
class MessagesChecksumTestCase : public TestCase
{
  public:
    MessagesChecksumTestCase()
        : TestCase("checksum: verifies to 0, matches independent and hand computations")
    {
    }

  private:
    void DoRun() override
    {
        const Ipv6Address src("2001:db8::1");
        const Ipv6Address dst("2001:db8::2");

        // Hand-computed: BRA, P flag, status 0, sequence 1, no options (16 octets).
        //   MH words: 3b01 1000 [0000] 0200 0001 8000 0102 0000
        //     3b01+1000+0200+0001+8000+0102 = ce04
        //   pseudo-header: 2001+0db8+0001 (src) = 2dba, 2001+0db8+0002 (dst) = 2dbb,
        //     length 0000 0010, next header 0087: 2dba+2dbb+0010+0087 = 5c0c
        //   ce04 + 5c0c = 12a10 -> 2a10 + 1 = 2a11 -> ~2a11 = d5ee
        BindingRevocationAckHeader bra;
        bra.SetSequence(1);
        bra.EnableChecksum(src, dst);
        std::vector<uint8_t> bytes = Serialize(bra);
        // clang-format off
        const std::vector<uint8_t> expected = {0x3b, 0x01, 0x10, 0x00, 0xd5, 0xee, 0x02, 0x00,
                                               0x00, 0x01, 0x80, 0x00, 0x01, 0x02, 0x00, 0x00};
        // clang-format on
        NS_TEST_EXPECT_MSG_EQ(Hex(bytes), Hex(expected), "BRA with hand-computed checksum");
        NS_TEST_EXPECT_MSG_EQ(bra.GetChecksum(), 0xd5ee, "GetChecksum after Serialize");
        BindingRevocationAckHeader rx;
        NS_TEST_EXPECT_MSG_EQ(Deserialize(rx, bytes), 16, rx.GetError());
        NS_TEST_EXPECT_MSG_EQ(rx.GetChecksum(), 0xd5ee, "GetChecksum after Deserialize");

        // Every class, with options, three pairs of addresses.
        const std::pair<Ipv6Address, Ipv6Address> pairs[] = {
            {src, dst},
            {Ipv6Address("fe80::1234:5678:9abc:def0"), Ipv6Address("ff02::1")},
            {Ipv6Address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), Ipv6Address("::")},
        };
        for (const MessageSpec& spec : AllMessages())
        {
            for (const auto& pr : pairs)
            {
                std::unique_ptr<MobilityHeader> h = spec.make();
                spec.configure(*h);
                AddSomeOptions(*h);
                h->EnableChecksum(pr.first, pr.second);
                std::vector<uint8_t> sent = Serialize(*h);
                uint16_t field = (sent[4] << 8) | sent[5];
                NS_TEST_EXPECT_MSG_EQ(h->GetChecksum(), field, spec.name << " GetChecksum");
                NS_TEST_EXPECT_MSG_EQ(
                    MobilityHeader::ComputeChecksum(pr.first, pr.second, sent.data(), sent.size()),
                    0,
                    spec.name << " verifies to 0");
                // A receiver with another address (or a corrupted octet) does not get 0.
                NS_TEST_EXPECT_MSG_NE(MobilityHeader::ComputeChecksum(pr.first,
                                                                      Ipv6Address("2001:db8::3"),
                                                                      sent.data(),
                                                                      sent.size()),
                                      0,
                                      spec.name << " wrong pseudo-header");
                std::vector<uint8_t> corrupt = sent;
                corrupt[sent.size() - 3] ^= 0x01;
                NS_TEST_EXPECT_MSG_NE(MobilityHeader::ComputeChecksum(pr.first,
                                                                      pr.second,
                                                                      corrupt.data(),
                                                                      corrupt.size()),
                                      0,
                                      spec.name << " corrupted octet");

                std::vector<uint8_t> zeroed = sent;
                zeroed[4] = 0;
                zeroed[5] = 0;
                NS_TEST_EXPECT_MSG_EQ(BytewiseChecksum(pr.first, pr.second, zeroed),
                                      field,
                                      spec.name << " byte-wise RFC 1071");
                NS_TEST_EXPECT_MSG_EQ(BytewiseChecksum(pr.first, pr.second, sent),
                                      0,
                                      spec.name << " byte-wise verify");
                std::vector<uint8_t> ns3 = Ns3StyleChecksumOctets(pr.first, pr.second, zeroed);
                NS_TEST_EXPECT_MSG_EQ(Hex(ns3),
                                      Hex(std::vector<uint8_t>{sent[4], sent[5]}),
                                      spec.name << " ns-3 CalculateIpChecksum style");

                // Without EnableChecksum the field stays zero.
                std::unique_ptr<MobilityHeader> plain = spec.make();
                spec.configure(*plain);
                std::vector<uint8_t> noSum = Serialize(*plain);
                NS_TEST_EXPECT_MSG_EQ(noSum[4] + noSum[5], 0, spec.name << " no checksum");
            }
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Defaults of the constructors (what a sender gets without setting anything).
 */
class MessagesDefaultsTestCase : public TestCase
{
  public:
    MessagesDefaultsTestCase()
        : TestCase("constructor defaults and TypeIds")
    {
    }

  private:
    void DoRun() override
    {
        BindingUpdateHeader bu;
        NS_TEST_EXPECT_MSG_EQ(bu.IsProxy(), true, "BU default is a PBU");
        NS_TEST_EXPECT_MSG_EQ(bu.HasFlag(BindingUpdateHeader::FLAG_A), true, "A set");
        BindingRevocationIndicationHeader bri;
        NS_TEST_EXPECT_MSG_EQ(+bri.GetRevocationType(), +mip6::BR_INDICATION, "BRI type");
        NS_TEST_EXPECT_MSG_EQ(bri.IsProxy(), true, "BRI P set");
        NS_TEST_EXPECT_MSG_EQ(bri.IsGlobal(), false, "BRI G clear");
        NS_TEST_EXPECT_MSG_EQ(+bri.GetRevocationTrigger(), 0, "BRI trigger unspecified");
        BindingRevocationAckHeader bra;
        NS_TEST_EXPECT_MSG_EQ(+bra.GetRevocationType(), +mip6::BR_ACKNOWLEDGEMENT, "BRA");
        NS_TEST_EXPECT_MSG_EQ(+bra.GetStatus(), +mip6::BRA_SUCCESS, "BRA status");
        LocalizedRoutingAckHeader lra;
        NS_TEST_EXPECT_MSG_EQ(lra.IsUnsolicited(), false, "LRA U clear");
        UpdateNotificationHeader upn;
        NS_TEST_EXPECT_MSG_EQ(+upn.GetNotificationReason(),
                              +mip6::UPN_REASON_FLOW_MOBILITY,
                              "UPN reason");
        NS_TEST_EXPECT_MSG_EQ(upn.HasFlag(UpdateNotificationHeader::FLAG_A), true, "UPN A");
        FlowBindingIndicationHeader fbi;
        NS_TEST_EXPECT_MSG_EQ(+fbi.GetFlowBindingType(), +mip6::FB_INDICATION, "FBI type");
        NS_TEST_EXPECT_MSG_EQ(fbi.IsAckRequested(), true, "FBI A");
        fbi.SetAckRequested(false);
        NS_TEST_EXPECT_MSG_EQ(+fbi.GetFlags(), 0, "FBI A cleared");
        FlowBindingAckHeader fba;
        NS_TEST_EXPECT_MSG_EQ(+fba.GetFlowBindingType(), +mip6::FB_ACKNOWLEDGEMENT, "FBA");
        NS_TEST_EXPECT_MSG_EQ(+fba.GetFlags(), 0, "FBA reserved octet");

        // The TypeIds are registered and can build the message classes.
        const char* names[] = {"ns3::BindingRevocationIndicationHeader",
                               "ns3::BindingRevocationAckHeader",
                               "ns3::LocalizedRoutingInitiationHeader",
                               "ns3::LocalizedRoutingAckHeader",
                               "ns3::UpdateNotificationHeader",
                               "ns3::UpdateNotificationAckHeader",
                               "ns3::FlowBindingIndicationHeader",
                               "ns3::FlowBindingAckHeader"};
        for (const char* n : names)
        {
            TypeId tid;
            NS_TEST_EXPECT_MSG_EQ(TypeId::LookupByNameFailSafe(n, &tid), true, n);
            NS_TEST_EXPECT_MSG_EQ(tid.HasConstructor(), true, n);
            NS_TEST_EXPECT_MSG_EQ(tid.IsChildOf(MobilityHeader::GetTypeId()), true, n);
        }
        NS_TEST_EXPECT_MSG_EQ(bri.GetInstanceTypeId(),
                              BindingRevocationIndicationHeader::GetTypeId(),
                              "instance TypeId");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The standard Mobility Header messages test suite.
 */
class MobilityMessagesTestSuite : public TestSuite
{
  public:
    MobilityMessagesTestSuite()
        : TestSuite("pmipv6-mobility-messages", UNIT)
    {
        AddTestCase(new MessagesHandVectorTestCase, TestCase::QUICK);
        AddTestCase(new MessagesRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new MessagesTruncationTestCase, TestCase::QUICK);
        AddTestCase(new MessagesRejectTestCase, TestCase::QUICK);
        AddTestCase(new MessagesUnknownOptionTestCase, TestCase::QUICK);
        AddTestCase(new MessagesChecksumTestCase, TestCase::QUICK);
        AddTestCase(new MessagesDefaultsTestCase, TestCase::QUICK);
    }
};

/// The static instance.
static MobilityMessagesTestSuite g_mobilityMessagesTestSuite;
