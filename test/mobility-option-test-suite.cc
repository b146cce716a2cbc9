/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the MobilityOptionList container itself (alignment padding, end padding, decoding
 * of padding, unknown and malformed options), using small test-local option classes so that
 * the container is tested independently of the module's real options.
 */

#include "ns3/buffer.h"
#include "ns3/mobility-option.h"
#include "ns3/test.h"

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Types of the test-local options (all unassigned in the module's factory).
enum TestOptionType : uint8_t
{
    T_ALIGN_1N = 200,   ///< no alignment requirement
    T_ALIGN_2N = 201,   ///< 2n
    T_ALIGN_4N2 = 202,  ///< 4n+2
    T_ALIGN_8N4 = 203,  ///< 8n+4
    T_ALIGN_8N6 = 204,  ///< 8n+6
    T_FIXED_LEN4 = 205, ///< no alignment, data must be exactly 4 octets
    T_UNKNOWN = 99,     ///< not known to the test factory
};

/**
 * \ingroup pmipv6-tests
 * \brief A test-local option: raw data octets, an alignment chosen by its type.
 */
class TestOption : public MobilityOption
{
  public:
    /**
     * \brief Build a test option.
     * \param type one of TestOptionType
     * \param data the data octets
     */
    explicit TestOption(uint8_t type, std::vector<uint8_t> data = {})
        : m_type(type),
          m_data(std::move(data))
    {
    }

    uint8_t GetType() const override
    {
        return m_type;
    }

    std::string GetName() const override
    {
        return "Test" + std::to_string(m_type);
    }

    Alignment GetAlignment() const override
    {
        switch (m_type)
        {
        case T_ALIGN_2N:
            return {2, 0};
        case T_ALIGN_4N2:
            return {4, 2};
        case T_ALIGN_8N4:
            return {8, 4};
        case T_ALIGN_8N6:
            return {8, 6};
        default:
            return {1, 0};
        }
    }

    uint32_t GetDataLength() const override
    {
        return m_data.size();
    }

    void SerializeData(Buffer::Iterator& i) const override
    {
        for (uint8_t b : m_data)
        {
            i.WriteU8(b);
        }
    }

    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override
    {
        if (m_type == T_FIXED_LEN4 && length != 4)
        {
            error = "Length must be 4";
            return false;
        }
        m_data.resize(length);
        i.Read(m_data.data(), length);
        return true;
    }

    void Print(std::ostream& os) const override
    {
        os << GetName() << "(" << m_data.size() << ")";
    }

    /**
     * \brief The data octets.
     * \return the octets
     */
    const std::vector<uint8_t>& GetData() const
    {
        return m_data;
    }

  private:
    uint8_t m_type;              ///< Type octet
    std::vector<uint8_t> m_data; ///< data octets
};

/// A second test-local class, only to test Find<T>/FindAll<T> by class.
class OtherTestOption : public TestOption
{
  public:
    /// \brief Build one of type T_ALIGN_1N.
    OtherTestOption()
        : TestOption(T_ALIGN_1N, {0x42})
    {
    }
};

/**
 * \brief The test factory: TestOption for types 200..205, nothing else.
 * \param type the Type octet
 * \return the option or nullptr
 */
Ptr<MobilityOption>
TestFactory(uint8_t type)
{
    if (type >= T_ALIGN_1N && type <= T_FIXED_LEN4)
    {
        return Create<TestOption>(type);
    }
    return nullptr;
}

/**
 * \brief Serialize a list at an offset.
 * \param list the list
 * \param offset offset of the list from the start of the Mobility Header
 * \return the list's octets
 */
std::vector<uint8_t>
SerializeList(const MobilityOptionList& list, uint32_t offset)
{
    uint32_t size = list.GetSerializedSize(offset);
    Buffer b;
    b.AddAtStart(size);
    Buffer::Iterator it = b.Begin();
    list.Serialize(it, offset);
    std::vector<uint8_t> out(size);
    b.Begin().Read(out.data(), size);
    return out;
}

/**
 * \brief Deserialize octets into a list.
 * \param list the list (its factory is used)
 * \param bytes the octets
 * \param error set to the reason on failure
 * \return the list's result
 */
bool
DeserializeList(MobilityOptionList& list, const std::vector<uint8_t>& bytes, std::string& error)
{
    Buffer b;
    b.AddAtStart(bytes.size());
    b.Begin().Write(bytes.data(), bytes.size());
    return list.Deserialize(b.Begin(), bytes.size(), error);
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

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief PaddingFor and WritePadding against hand-computed values.
 */
class OptionListPaddingArithmeticTestCase : public TestCase
{
  public:
    OptionListPaddingArithmeticTestCase()
        : TestCase("PaddingFor values and Pad1 and PadN octets")
    {
    }

  private:
    void DoRun() override
    {
        // {offset, x, y, expected padding}
        struct Row
        {
            uint32_t offset;
            uint8_t x;
            uint8_t y;
            uint32_t pad;
        };

        const Row rows[] = {
            {12, 1, 0, 0}, {13, 1, 0, 0}, {12, 2, 0, 0}, {13, 2, 0, 1}, {12, 4, 2, 2},
            {13, 4, 2, 1}, {14, 4, 2, 0}, {15, 4, 2, 3}, {12, 8, 4, 0}, {13, 8, 4, 7},
            {20, 8, 4, 0}, {21, 8, 4, 7}, {12, 8, 6, 2}, {14, 8, 6, 0}, {15, 8, 6, 7},
            {0, 8, 2, 2},  {2, 8, 2, 0},  {3, 8, 2, 7},  {41, 8, 0, 7}, {48, 8, 0, 0},
        };
        for (const Row& r : rows)
        {
            NS_TEST_EXPECT_MSG_EQ(MobilityOptionList::PaddingFor(r.offset, {r.x, r.y}),
                                  r.pad,
                                  "padding at " << r.offset << " for " << +r.x << "n+" << +r.y);
        }

        // WritePadding: 1 -> Pad1, n >= 2 -> PadN with n-2 zero octets.
        const std::vector<std::vector<uint8_t>> expected = {
            {},
            {0x00},
            {0x01, 0x00},
            {0x01, 0x01, 0x00},
            {0x01, 0x02, 0x00, 0x00},
            {0x01, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00},
        };
        const uint32_t sizes[] = {0, 1, 2, 3, 4, 7};
        for (uint32_t k = 0; k < 6; ++k)
        {
            Buffer b;
            b.AddAtStart(8);
            Buffer::Iterator it = b.Begin();
            it.WriteU8(0xee, 8);
            it = b.Begin();
            MobilityOptionList::WritePadding(it, sizes[k]);
            NS_TEST_EXPECT_MSG_EQ(it.GetDistanceFrom(b.Begin()),
                                  sizes[k],
                                  "WritePadding(" << sizes[k] << ") advanced wrongly");
            std::vector<uint8_t> got(sizes[k]);
            b.Begin().Read(got.data(), sizes[k]);
            NS_TEST_EXPECT_MSG_EQ(Hex(got), Hex(expected[k]), "padding of " << sizes[k]);
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief A hand-written vector: every alignment, Pad1 and PadN where needed, end padding.
 */
class OptionListExactBytesTestCase : public TestCase
{
  public:
    OptionListExactBytesTestCase()
        : TestCase("exact padding octets for 1n, 2n, 4n+2, 8n+4, 8n+6 at offset 12")
    {
    }

  private:
    void DoRun() override
    {
        MobilityOptionList list(&TestFactory, true);
        list.Add(Create<TestOption>(T_ALIGN_1N, std::vector<uint8_t>{0xaa}));
        list.Add(Create<TestOption>(T_ALIGN_2N, std::vector<uint8_t>{0xb1, 0xb2}));
        list.Add(Create<TestOption>(T_ALIGN_8N4, std::vector<uint8_t>{0xc1, 0xc2}));
        list.Add(Create<TestOption>(T_ALIGN_4N2, std::vector<uint8_t>{0xd1}));
        list.Add(Create<TestOption>(T_ALIGN_8N6));
        list.Add(Create<TestOption>(T_ALIGN_8N4, std::vector<uint8_t>{0xf1, 0xf2, 0xf3}));

        // Offsets are from the start of the Mobility Header; the list starts at 12 (as after
        // the fixed part of a BU). Written by hand from RFC 6275 6.2.
        // clang-format off
        const std::vector<uint8_t> expected = {
            // 12: 1n option, no padding
            0xc8, 0x01, 0xaa,
            // 15: Pad1, so that the 2n option starts at 16
            0x00,
            // 16: 2n option
            0xc9, 0x02, 0xb1, 0xb2,
            // 20: 8n+4 option, 20 = 8*2+4: no padding
            0xcb, 0x02, 0xc1, 0xc2,
            // 24: PadN of 2 (Type 1, Length 0), so that the 4n+2 option starts at 26
            0x01, 0x00,
            // 26: 4n+2 option
            0xca, 0x01, 0xd1,
            // 29: Pad1, so that the 8n+6 option starts at 30
            0x00,
            // 30: 8n+6 option with no data
            0xcc, 0x00,
            // 32: PadN of 4, so that the next 8n+4 option starts at 36
            0x01, 0x02, 0x00, 0x00,
            // 36: 8n+4 option
            0xcb, 0x03, 0xf1, 0xf2, 0xf3,
            // 41: PadN of 7 to end the header at 48, a multiple of 8
            0x01, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00,
        };
        // clang-format on
        NS_TEST_ASSERT_MSG_EQ(list.GetSerializedSize(12), expected.size(), "size");
        std::vector<uint8_t> got = SerializeList(list, 12);
        NS_TEST_EXPECT_MSG_EQ(Hex(got), Hex(expected), "serialized octets");

        // Decoding the vector consumes the padding and gives the six options back.
        MobilityOptionList decoded(&TestFactory, true);
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(DeserializeList(decoded, expected, error), true, error);
        NS_TEST_ASSERT_MSG_EQ(decoded.GetCount(), 6, "padding must not appear as options");
        const uint8_t types[] =
            {T_ALIGN_1N, T_ALIGN_2N, T_ALIGN_8N4, T_ALIGN_4N2, T_ALIGN_8N6, T_ALIGN_8N4};
        for (uint32_t k = 0; k < 6; ++k)
        {
            Ptr<TestOption> o = DynamicCast<TestOption>(decoded.GetOptions()[k]);
            NS_TEST_ASSERT_MSG_NE(o, nullptr, "option " << k << " built by the factory");
            NS_TEST_EXPECT_MSG_EQ(+o->GetType(), +types[k], "type of option " << k);
            Ptr<TestOption> orig = DynamicCast<TestOption>(list.GetOptions()[k]);
            NS_TEST_EXPECT_MSG_EQ(Hex(o->GetData()), Hex(orig->GetData()), "data " << k);
        }
        NS_TEST_EXPECT_MSG_EQ(Hex(SerializeList(decoded, 12)), Hex(expected), "re-serialized");
        NS_TEST_EXPECT_MSG_EQ(decoded.CountType(T_ALIGN_8N4), 2, "CountType");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Every option's Type octet lands on its xn+y, for many starting offsets and orders;
 * padding is well formed and the end is a multiple of 8.
 */
class OptionListAlignmentSweepTestCase : public TestCase
{
  public:
    OptionListAlignmentSweepTestCase()
        : TestCase("alignment and end padding over offsets 0..23 and rotated orders")
    {
    }

  private:
    void DoRun() override
    {
        // Options of every alignment with data lengths that leave odd and even ends.
        std::vector<Ptr<TestOption>> pool = {
            Create<TestOption>(T_ALIGN_1N, std::vector<uint8_t>{1, 2, 3}),
            Create<TestOption>(T_ALIGN_2N, std::vector<uint8_t>{4}),
            Create<TestOption>(T_ALIGN_4N2, std::vector<uint8_t>{5, 6, 7, 8, 9}),
            Create<TestOption>(T_ALIGN_8N4, std::vector<uint8_t>(18, 0x22)),
            Create<TestOption>(T_ALIGN_8N6, std::vector<uint8_t>(16, 0x66)),
            Create<TestOption>(T_ALIGN_1N),
            Create<TestOption>(T_ALIGN_8N4, std::vector<uint8_t>{0x44}),
        };
        for (uint32_t padEnd = 0; padEnd < 2; ++padEnd)
        {
            for (uint32_t rot = 0; rot < pool.size(); ++rot)
            {
                for (uint32_t offset = 0; offset < 24; ++offset)
                {
                    MobilityOptionList list(&TestFactory, padEnd == 1);
                    for (uint32_t k = 0; k < pool.size(); ++k)
                    {
                        list.Add(pool[(k + rot) % pool.size()]);
                    }
                    std::vector<uint8_t> bytes = SerializeList(list, offset);
                    CheckWalk(list, bytes, offset, padEnd == 1);
                    if (padEnd == 1)
                    {
                        NS_TEST_EXPECT_MSG_EQ((offset + bytes.size()) % 8,
                                              0,
                                              "end not a multiple of 8 at offset " << offset);
                    }
                    MobilityOptionList decoded(&TestFactory, padEnd == 1);
                    std::string error;
                    NS_TEST_EXPECT_MSG_EQ(DeserializeList(decoded, bytes, error), true, error);
                    NS_TEST_EXPECT_MSG_EQ(decoded.GetCount(), pool.size(), "count");
                    NS_TEST_EXPECT_MSG_EQ(Hex(SerializeList(decoded, offset)),
                                          Hex(bytes),
                                          "round trip at offset " << offset);
                }
            }
        }
    }

    /**
     * \brief Walk the octets independently of the code under test: every option must be at
     * its alignment, every padding must be Pad1 (alone) or PadN (2+ octets of zeros), and
     * padding must be the minimum needed.
     * \param list the list that was serialized
     * \param bytes its octets
     * \param offset offset of the list
     * \param padEnd whether the list pads its end
     */
    void CheckWalk(const MobilityOptionList& list,
                   const std::vector<uint8_t>& bytes,
                   uint32_t offset,
                   bool padEnd)
    {
        uint32_t pos = 0;
        for (const auto& o : list.GetOptions())
        {
            MobilityOption::Alignment a = o->GetAlignment();
            uint32_t x = a.factor;
            uint32_t y = a.offset;
            // Minimum padding computed here, not with PaddingFor.
            uint32_t pad = 0;
            while (x > 1 && (offset + pos + pad) % x != y % x)
            {
                ++pad;
            }
            CheckPadding(bytes, pos, pad, offset);
            pos += pad;
            NS_TEST_ASSERT_MSG_LT(pos + 1, bytes.size(), "ran off the end");
            NS_TEST_EXPECT_MSG_EQ(+bytes[pos], +o->GetType(), "Type octet at " << offset + pos);
            if (x > 1)
            {
                NS_TEST_EXPECT_MSG_EQ((offset + pos) % x,
                                      y % x,
                                      "option " << +o->GetType() << " at " << offset + pos);
            }
            NS_TEST_EXPECT_MSG_EQ(+bytes[pos + 1], o->GetDataLength(), "Length octet");
            pos += 2 + bytes[pos + 1];
        }
        uint32_t endPad = 0;
        if (padEnd)
        {
            while ((offset + pos + endPad) % 8 != 0)
            {
                ++endPad;
            }
        }
        CheckPadding(bytes, pos, endPad, offset);
        NS_TEST_EXPECT_MSG_EQ(pos + endPad, bytes.size(), "total size at offset " << offset);
    }

    /**
     * \brief Check n octets of padding at pos.
     * \param bytes the octets
     * \param pos where the padding starts
     * \param n its length
     * \param offset offset of the list (for messages)
     */
    void CheckPadding(const std::vector<uint8_t>& bytes, uint32_t pos, uint32_t n, uint32_t offset)
    {
        if (n == 0)
        {
            return;
        }
        NS_TEST_ASSERT_MSG_LT_OR_EQ(pos + n, bytes.size(), "padding runs off the end");
        if (n == 1)
        {
            NS_TEST_EXPECT_MSG_EQ(+bytes[pos], 0, "Pad1 expected at " << offset + pos);
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(+bytes[pos], 1, "PadN expected at " << offset + pos);
        NS_TEST_EXPECT_MSG_EQ(+bytes[pos + 1], n - 2, "PadN Length at " << offset + pos);
        for (uint32_t k = 2; k < n; ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(+bytes[pos + k], 0, "PadN data must be zero");
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Decoding: Pad1/PadN are consumed (also several in a row and PadN with non-zero
 * content), unknown options are kept, Find/FindAll work by class.
 */
class OptionListDecodeTestCase : public TestCase
{
  public:
    OptionListDecodeTestCase()
        : TestCase("decode consumes Pad1 and PadN, keeps unknown options, finds by class")
    {
    }

  private:
    void DoRun() override
    {
        // clang-format off
        const std::vector<uint8_t> bytes = {
            0x00,                   // Pad1
            0x00,                   // Pad1
            0x01, 0x01, 0x7f,       // PadN whose content is not zero: still only padding
            0xc8, 0x02, 0x10, 0x11, // option 200
            0x01, 0x00,             // PadN of 2
            0x63, 0x03, 0x0a, 0x0b, 0x0c, // unknown type 99, 3 octets
            0x01, 0x00,             // PadN
            0xcd, 0x04, 0x01, 0x02, 0x03, 0x04, // option 205 (exactly 4 octets)
            0x00,                   // Pad1 at the very end is fine
        };
        // clang-format on
        MobilityOptionList list(&TestFactory, false);
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(DeserializeList(list, bytes, error), true, error);
        NS_TEST_ASSERT_MSG_EQ(list.GetCount(), 3, "three options, padding consumed");
        NS_TEST_EXPECT_MSG_EQ(+list.GetOptions()[0]->GetType(), 200, "first");
        Ptr<UnknownMobilityOption> unknown =
            DynamicCast<UnknownMobilityOption>(list.GetOptions()[1]);
        NS_TEST_ASSERT_MSG_NE(unknown, nullptr, "type 99 kept as UnknownMobilityOption");
        NS_TEST_EXPECT_MSG_EQ(+unknown->GetType(), 99, "unknown type kept");
        NS_TEST_EXPECT_MSG_EQ(Hex(unknown->GetData()),
                              Hex(std::vector<uint8_t>{0x0a, 0x0b, 0x0c}),
                              "unknown data kept");
        NS_TEST_EXPECT_MSG_EQ(+list.GetOptions()[2]->GetType(), 205, "third");

        // Written again, the unknown option comes out unchanged (padding is regenerated).
        MobilityOptionList again(&TestFactory, false);
        again.Add(unknown);
        NS_TEST_EXPECT_MSG_EQ(Hex(SerializeList(again, 0)),
                              Hex(std::vector<uint8_t>{0x63, 0x03, 0x0a, 0x0b, 0x0c}),
                              "unknown option re-serialized");

        // Find / FindAll / CountType by class and by type.
        MobilityOptionList mixed(&TestFactory, true);
        mixed.Add(Create<TestOption>(T_ALIGN_2N, std::vector<uint8_t>{1}));
        mixed.Add(Create<OtherTestOption>());
        mixed.Add(Create<TestOption>(T_ALIGN_8N6));
        mixed.Add(unknown);
        NS_TEST_EXPECT_MSG_EQ(mixed.FindAll<TestOption>().size(), 3, "FindAll base class");
        NS_TEST_EXPECT_MSG_EQ(mixed.FindAll<OtherTestOption>().size(), 1, "FindAll subclass");
        NS_TEST_EXPECT_MSG_EQ(+mixed.Find<OtherTestOption>()->GetData()[0], 0x42, "Find");
        NS_TEST_EXPECT_MSG_EQ(+mixed.Find<TestOption>()->GetType(), 201, "Find first");
        NS_TEST_EXPECT_MSG_EQ(mixed.Find<UnknownMobilityOption>(), unknown, "Find unknown");
        NS_TEST_EXPECT_MSG_EQ(mixed.CountType(99), 1, "CountType");
        mixed.Clear();
        NS_TEST_EXPECT_MSG_EQ(mixed.GetCount(), 0, "Clear");
        NS_TEST_EXPECT_MSG_EQ(mixed.Find<TestOption>(), nullptr, "Find in empty list");
        NS_TEST_EXPECT_MSG_EQ(mixed.GetSerializedSize(16), 0, "empty list at 8n is empty");
        NS_TEST_EXPECT_MSG_EQ(mixed.GetSerializedSize(12), 4, "empty list at 8n+4 pads 4");

        // An empty region is a valid, empty list.
        MobilityOptionList empty(&TestFactory, true);
        NS_TEST_EXPECT_MSG_EQ(DeserializeList(empty, {}, error), true, "empty region");
        NS_TEST_EXPECT_MSG_EQ(empty.GetCount(), 0, "no options");
        // The default list uses the module factory and pads to 8.
        MobilityOptionList moduleList;
        NS_TEST_EXPECT_MSG_EQ(moduleList.GetSerializedSize(12), 4, "default pads the end");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Malformed lists are rejected with a reason: overrunning Length (option and PadN),
 * a lone Type octet at the end, a known option whose data it refuses.
 */
class OptionListMalformedTestCase : public TestCase
{
  public:
    OptionListMalformedTestCase()
        : TestCase("overrunning Length, lone Type octet, malformed option are rejected")
    {
    }

  private:
    void DoRun() override
    {
        struct Case
        {
            const char* what;
            std::vector<uint8_t> bytes;
            const char* reasonPart;
        };

        const std::vector<Case> cases = {
            {"option Length overruns by 1", {0xc8, 0x03, 0x01, 0x02}, "overruns"},
            {"option Length 255 in 4 octets", {0xc8, 0xff, 0x01, 0x02}, "overruns"},
            {"unknown option overruns", {0x00, 0x63, 0x05, 0x01}, "overruns"},
            {"PadN overruns", {0x01, 0x04, 0x00, 0x00}, "overruns"},
            {"lone Type octet at the end", {0xc8, 0x01, 0xaa, 0xc9}, "no Length"},
            {"lone PadN Type octet at the end", {0x00, 0x01}, "no Length"},
            {"only a Type octet", {0x63}, "no Length"},
            {"known option refuses its data", {0xcd, 0x03, 0x01, 0x02, 0x03, 0x00}, "Length must"},
        };
        for (const Case& c : cases)
        {
            MobilityOptionList list(&TestFactory, false);
            std::string error;
            bool ok = DeserializeList(list, c.bytes, error);
            NS_TEST_EXPECT_MSG_EQ(ok, false, c.what << " must be rejected");
            NS_TEST_EXPECT_MSG_NE(error.find(c.reasonPart),
                                  std::string::npos,
                                  c.what << ": reason \"" << error << "\"");
        }

        // Reading exactly the announced octets: an option that ends on the last octet of the
        // region is fine, one more octet of Length is not (already above).
        MobilityOptionList list(&TestFactory, false);
        std::string error;
        NS_TEST_EXPECT_MSG_EQ(DeserializeList(list, {0xc8, 0x02, 0x01, 0x02}, error),
                              true,
                              "option ending on the last octet");

        // A region shorter than the bytes behind it: the list reads only its own length.
        Buffer b;
        const uint8_t raw[] = {0xc8, 0x01, 0xaa, 0xc8, 0x05, 1, 2, 3, 4, 5};
        b.AddAtStart(sizeof(raw));
        b.Begin().Write(raw, sizeof(raw));
        MobilityOptionList part(&TestFactory, false);
        NS_TEST_EXPECT_MSG_EQ(part.Deserialize(b.Begin(), 3, error), true, "first 3 octets");
        NS_TEST_EXPECT_MSG_EQ(part.GetCount(), 1, "one option in 3 octets");
        NS_TEST_EXPECT_MSG_EQ(part.Deserialize(b.Begin(), 5, error),
                              false,
                              "second option's Length overruns a 5-octet region");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The MobilityOptionList test suite.
 */
class MobilityOptionListTestSuite : public TestSuite
{
  public:
    MobilityOptionListTestSuite()
        : TestSuite("pmipv6-option-list", UNIT)
    {
        AddTestCase(new OptionListPaddingArithmeticTestCase, TestCase::QUICK);
        AddTestCase(new OptionListExactBytesTestCase, TestCase::QUICK);
        AddTestCase(new OptionListAlignmentSweepTestCase, TestCase::QUICK);
        AddTestCase(new OptionListDecodeTestCase, TestCase::QUICK);
        AddTestCase(new OptionListMalformedTestCase, TestCase::QUICK);
    }
};

/// The static instance.
static MobilityOptionListTestSuite g_mobilityOptionListTestSuite;
