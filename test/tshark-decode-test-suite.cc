/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The module's messages as an independent decoder sees them: every sample message of
 * MakeMobilityMessageSamples() is sent from A to B over a point-to-point link, captured into a
 * pcap, and decoded by tshark (Wireshark 4.0). The test asserts tshark's field values for the
 * messages tshark 4.0 decodes field by field (PBU, PBA, Binding Error, BRI, BRA), and that no
 * packet at all is shown as malformed.
 *
 * What tshark 4.0 cannot decode, and where it is checked instead:
 *  - LRI / LRA (MH types 17 / 18, RFC 6705): tshark 4.0 decodes their fixed part from the wrong
 *    offset (it reads Sequence from the checksum octets) and then walks the options from a
 *    wrong place; the test only checks the MH type line.
 *  - UPN / UPA (19 / 20, RFC 7077), FBI / FBA (21, RFC 7109) and the RFC 6089 Flow Summary /
 *    Flow Identification options (44 / 45) inside them: shown as "Unknown" with raw "Message
 *    Data".
 *  - The drafts' MH types 240-245 and options 240-245 (numbers chosen by the module, see
 *    doc/notes/draft-messages.md): shown as "Unknown".
 * The pmipv6-*-messages and pmipv6-*-options suites check all of those with the module's own
 * decoder (golden octets and round trips), and the second test case of this file checks them with
 * the module's Wireshark Lua dissector, utils/wireshark/pmipv6.lua (see doc/notes/tshark.md).
 *
 * Needs tshark on PATH (Debian: apt-get install tshark), or its path in the environment variable
 * PMIPV6_TSHARK. Without it, the test fails and says so.
 */

#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/log.h"
#include "ns3/mobility-header.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-message-samples.h"
#include "ns3/mobility-stack-helper.h"
#include "ns3/node-container.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6TsharkDecodeTest");

namespace
{

/**
 * \ingroup pmipv6-test
 * \brief The outcome of one shell command.
 */
struct CommandResult
{
    int status{-1};     ///< exit status (-1 when it could not be started)
    std::string out;    ///< its standard output
    std::string err;    ///< its standard error
    double seconds{0};  ///< wall-clock run time
};

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

/**
 * \brief Read a whole file.
 * \param path the file
 * \return its contents (empty when unreadable)
 */
std::string
ReadFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream oss;
    oss << in.rdbuf();
    return oss.str();
}

/**
 * \brief Run a shell command, standard error into a file next to it.
 * \param command the command
 * \param errFile where its standard error goes
 * \return its status, output and run time
 */
CommandResult
RunCommand(const std::string& command, const std::string& errFile)
{
    CommandResult r;
    auto start = std::chrono::steady_clock::now();
    std::string full = command + " 2>" + ShellQuote(errFile);
    FILE* pipe = popen(full.c_str(), "r");
    if (pipe == nullptr)
    {
        return r;
    }
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0)
    {
        r.out.append(buffer, n);
    }
    int rc = pclose(pipe);
    r.status = (rc != -1 && WIFEXITED(rc)) ? WEXITSTATUS(rc) : -1;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.err = ReadFile(errFile);
    return r;
}

/**
 * \brief Find tshark: $PMIPV6_TSHARK, else `tshark` on PATH.
 * \return its path, or empty when there is none
 */
std::string
FindTshark()
{
    const char* env = std::getenv("PMIPV6_TSHARK");
    if (env != nullptr && *env != '\0')
    {
        return env;
    }
    FILE* pipe = popen("command -v tshark 2>/dev/null", "r");
    if (pipe == nullptr)
    {
        return "";
    }
    char buffer[1024];
    std::string path;
    if (fgets(buffer, sizeof(buffer), pipe) != nullptr)
    {
        path = buffer;
    }
    pclose(pipe);
    while (!path.empty() && (path.back() == '\n' || path.back() == '\r'))
    {
        path.pop_back();
    }
    return path;
}

/// What to tell the user when tshark is missing.
const char* const TSHARK_MISSING =
    "tshark not found: install it (Debian/Ubuntu: apt-get install tshark; it comes with "
    "Wireshark) or set PMIPV6_TSHARK to its path. The tshark decode tests need it.";

/**
 * \brief The tshark command line prefix: isolated from the user's own Wireshark configuration
 * and personal plugins (HOME, XDG_CONFIG_HOME and WIRESHARK_CONFIG_DIR point to an empty
 * directory), so that the output does not depend on who runs the test.
 * \param tshark the tshark binary
 * \param configDir an empty directory
 * \return the prefix, ready for arguments
 */
std::string
TsharkCommand(const std::string& tshark, const std::string& configDir)
{
    std::string q = ShellQuote(configDir);
    return "HOME=" + q + " XDG_CONFIG_HOME=" + q + " WIRESHARK_CONFIG_DIR=" + q + " " +
           ShellQuote(tshark) + " -n";
}

/**
 * \ingroup pmipv6-test
 * \brief Sends every sample message from A to B on a point-to-point link and captures A's device
 * into a pcap file.
 */
struct SampleCapture
{
    std::vector<MobilityMessageSample> samples; ///< what was sent, in order
    uint32_t received{0};                       ///< how many B's Mobility protocol delivered
    Ipv6Address addrA;                          ///< A's global address (the sender)
    Ipv6Address addrB;                          ///< B's global address

    /**
     * \brief Run the simulation.
     * \param pcapFile the pcap file to write (exact name)
     */
    void Run(const std::string& pcapFile)
    {
        samples = MakeMobilityMessageSamples();
        received = 0;
        NodeContainer nodes;
        nodes.Create(2);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.Install(nodes);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("1ms"));
        NetDeviceContainer devices = p2p.Install(nodes);
        Ipv6AddressHelper address;
        address.SetBase(Ipv6Address("fd00:0:0:1::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer interfaces = address.Assign(devices);
        MobilityStackHelper mobility;
        mobility.Install(nodes);
        Ptr<MobilityL4Protocol> a = MobilityStackHelper::Get(nodes.Get(0));
        Ptr<MobilityL4Protocol> b = MobilityStackHelper::Get(nodes.Get(1));
        addrA = interfaces.GetAddress(0, 1);
        addrB = interfaces.GetAddress(1, 1);
        // B handles every type, so it answers none with a Binding Error (which would add frames).
        for (const auto& s : samples)
        {
            b->RegisterHandler(
                s.message->GetMhType(),
                Callback<void, Ptr<Packet>, const Ipv6Header&, uint32_t>(
                    [this](Ptr<Packet>, const Ipv6Header&, uint32_t) { ++received; }));
        }
        for (size_t k = 0; k < samples.size(); ++k)
        {
            Simulator::Schedule(Seconds(2) + MilliSeconds(10 * k), [this, a, k]() {
                a->Send(*samples[k].message, addrA, addrB);
            });
        }
        p2p.EnablePcap(pcapFile, devices.Get(0), false, true);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        Simulator::Destroy();
    }
};

/**
 * \brief Split tshark -V output into one block per frame (each starting at "Frame N:").
 * \param text the output
 * \return the blocks, in frame order
 */
std::vector<std::string>
SplitFrames(const std::string& text)
{
    std::vector<std::string> frames;
    std::regex start("(^|\n)Frame [0-9]+: ");
    auto begin = std::sregex_iterator(text.begin(), text.end(), start);
    std::vector<size_t> offsets;
    for (auto it = begin; it != std::sregex_iterator(); ++it)
    {
        offsets.push_back(it->position() + (it->str()[0] == '\n' ? 1 : 0));
    }
    for (size_t i = 0; i < offsets.size(); ++i)
    {
        size_t end = (i + 1 < offsets.size()) ? offsets[i + 1] : text.size();
        frames.push_back(text.substr(offsets[i], end - offsets[i]));
    }
    return frames;
}

/**
 * \brief The first line of a text that contains a word, for failure messages.
 * \param text the text
 * \param word the word
 * \return the line, or empty
 */
std::string
LineWith(const std::string& text, const std::string& word)
{
    size_t pos = text.find(word);
    if (pos == std::string::npos)
    {
        return "";
    }
    size_t from = text.rfind('\n', pos);
    from = (from == std::string::npos) ? 0 : from + 1;
    size_t to = text.find('\n', pos);
    return text.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

/**
 * \brief The words that show a decoding failure in tshark's output: a dissector exception
 * ("[Malformed Packet]", "Exception occurred") or a Lua error.
 * \return the words
 */
const std::vector<std::string>&
FailureWords()
{
    static const std::vector<std::string> words{"Malformed", "Exception", "Lua Error", "Lua: Error"};
    return words;
}

/**
 * \ingroup pmipv6-test
 * \brief tshark's own dissector (no plugin) on the samples: field values of PBU, PBA, BE, BRI
 * and BRA, the MH type of every message, no malformed packet.
 */
class TsharkStandardDecodeTestCase : public TestCase
{
  public:
    TsharkStandardDecodeTestCase()
        : TestCase("tshark -V decodes PBU PBA BE BRI BRA field by field, nothing malformed")
    {
    }

  private:
    void DoRun() override;
};

void
TsharkStandardDecodeTestCase::DoRun()
{
    std::string tshark = FindTshark();
    NS_TEST_ASSERT_MSG_EQ(tshark.empty(), false, TSHARK_MISSING);

    std::string pcap = CreateTempDirFilename("pmipv6-samples.pcap");
    SampleCapture capture;
    capture.Run(pcap);
    NS_TEST_ASSERT_MSG_EQ(capture.received,
                          capture.samples.size(),
                          "B received every sample (so the pcap holds them all)");

    std::string configDir = CreateTempDirFilename("wireshark-config");
    std::string command = TsharkCommand(tshark, configDir) + " -r " + ShellQuote(pcap) + " -V";
    CommandResult r = RunCommand(command, CreateTempDirFilename("tshark-V.err"));
    NS_LOG_INFO("tshark -V: " << r.seconds << " s, " << r.out.size() << " octets of output");
    NS_TEST_ASSERT_MSG_NE(r.status,
                          127,
                          TSHARK_MISSING << " (" << command << ": " << r.err << ")");
    NS_TEST_ASSERT_MSG_EQ(r.status, 0, "tshark failed: " << command << "\n" << r.err);

    for (const std::string& word : FailureWords())
    {
        NS_TEST_EXPECT_MSG_EQ(r.out.find(word),
                              std::string::npos,
                              "tshark output shows '" << word << "': " << LineWith(r.out, word));
    }

    // The Mobility Header frames sent by A, in sending order.
    std::string fromA = "Src: " + [&]() {
        std::ostringstream oss;
        oss << capture.addrA;
        return oss.str();
    }();
    std::vector<std::string> mh;
    for (const std::string& frame : SplitFrames(r.out))
    {
        if (frame.find("Mobility Header Type: ") != std::string::npos &&
            frame.find(fromA) != std::string::npos)
        {
            mh.push_back(frame);
        }
    }
    NS_TEST_ASSERT_MSG_EQ(mh.size(),
                          capture.samples.size(),
                          "one Mobility Header frame per sample in tshark's output");

    // Expected lines, exactly as tshark 4.0 prints them (indentation stripped).
    const std::vector<std::string> rfc5213Options{
        "MIPv6 Option - Mobile Node Identifier: mn1@pmipv6.example",
        "Subtype: Network Access Identifier (NAI) (1)",
        "Identifier: mn1@pmipv6.example",
        "MIPv6 Option - Home Network Prefix: 2001:1:1:1::/64",
        "Mobile Network Prefix Length: 64",
        "Mobile Network Prefix: 2001:1:1:1::",
        "Handoff Indicator: Handoff between mobile access gateways for the same interface (3)",
        "Access Technology Type: IEEE 802.11a/b/g (4)",
        "Link-layer Identifier: 00000000002a",
        "Link-local Address: fe80::1",
        // Timestamp(1234.5 s): 48.16 fixed point since 1970, shown in UTC
        "MIPv6 Option - Timestamp: Jan  1, 1970 00:20:34.500000000 UTC",
    };
    std::map<std::string, std::vector<std::string>> expected;
    expected["PBU"] = {
        "Mobility Header Type: Binding Update (5)",
        "Sequence number: 4242",
        "1... .... .... .... = Acknowledge (A) flag: Binding Acknowledgement requested",
        ".... ..1. .... .... = Proxy Registration (P) flag: Proxy Registration",
        "Lifetime: 150 (600 seconds)",
        "Binding ID (BID): 7",
        "MIPv6 Option - Context Request",
    };
    expected["PBA"] = {
        "Mobility Header Type: Binding Acknowledgement (6)",
        "Status: Binding Update accepted (0)",
        "..1. .... = Proxy Registration (P) flag: Proxy Registration",
        "Sequence number: 4242",
        "Lifetime: 150 (600 seconds)",
    };
    for (const std::string& line : rfc5213Options)
    {
        expected["PBU"].push_back(line);
        expected["PBA"].push_back(line);
    }
    expected["BE"] = {
        "Mobility Header Type: Binding Error (7)",
        "Status: Unrecognized MH type value (2)",
        "Home Address: 2001:1:1:1::2a",
    };
    expected["BRI"] = {
        "Mobility Header Type: Binding Revocation (16)",
        "Binding Revocation Indication",
        "B.R. Type: 1",
        "R. Trigger: Inter-MAG Handover - same Access Type (2)",
        "Sequence Number: 77",
        "1... .... .... .... = Proxy Binding (P) Flag: Set",
        "MIPv6 Option - Mobile Node Identifier: mn1@pmipv6.example",
        "MIPv6 Option - Home Network Prefix: 2001:1:1:1::/64",
        "Mobile Network Prefix Length: 64",
        "Mobile Network Prefix: 2001:1:1:1::",
    };
    expected["BRA"] = {
        "Mobility Header Type: Binding Revocation (16)",
        "Binding Revocation Acknowledge",
        "B.R. Type: 2",
        "Status: Success (0)",
        "Sequence Number: 77",
        "1... .... .... .... = Proxy Binding (P) Flag: Set",
        "MIPv6 Option - Mobile Node Identifier: mn1@pmipv6.example",
    };

    uint32_t checkedFields = 0;
    uint32_t checkedFrames = 0;
    for (size_t k = 0; k < capture.samples.size(); ++k)
    {
        const MobilityMessageSample& s = capture.samples[k];
        const std::string& frame = mh[k];
        // Every message, known to tshark or not: its MH type number and its length.
        std::ostringstream type;
        type << "(" << +s.message->GetMhType() << ")";
        std::string typeLine = LineWith(frame, "Mobility Header Type: ");
        bool typeOk = typeLine.size() >= type.str().size() &&
                      typeLine.compare(typeLine.size() - type.str().size(),
                                       type.str().size(),
                                       type.str()) == 0;
        NS_TEST_EXPECT_MSG_EQ(typeOk,
                              true,
                              s.name << ": tshark should show MH type " << type.str()
                                     << ", got '" << typeLine << "'");
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(*s.message);
        std::ostringstream length;
        length << "(" << p->GetSize() << " bytes)";
        NS_TEST_EXPECT_MSG_NE(frame.find(length.str()),
                              std::string::npos,
                              s.name << ": Header length " << length.str());
        checkedFields += 2;
        auto it = expected.find(s.name);
        if (it == expected.end())
        {
            continue;
        }
        ++checkedFrames;
        for (const std::string& line : it->second)
        {
            ++checkedFields;
            NS_TEST_EXPECT_MSG_NE(frame.find(line),
                                  std::string::npos,
                                  s.name << " (MH frame " << k << "): tshark does not show '"
                                         << line << "'");
        }
    }
    NS_TEST_EXPECT_MSG_EQ(checkedFrames, expected.size(), "every expected message was found");
    NS_LOG_INFO("checked " << mh.size() << " MH frames, " << checkedFrames
                           << " field by field, " << checkedFields << " values");
}

/**
 * \ingroup pmipv6-test
 * \brief The tshark decode test suite.
 */
class TsharkDecodeTestSuite : public TestSuite
{
  public:
    TsharkDecodeTestSuite()
        : TestSuite("pmipv6-tshark-decode", SYSTEM)
    {
        AddTestCase(new TsharkStandardDecodeTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static TsharkDecodeTestSuite g_tsharkDecodeTestSuite;

} // namespace
