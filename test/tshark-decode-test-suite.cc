/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The module's messages as independent decoders see them.
 *
 * Suite pmipv6-tshark-decode: every sample message of MakeMobilityMessageSamples() is sent from
 * A to B over a point-to-point link, captured into a pcap, and decoded by tshark (Wireshark
 * 4.0) with its own MIPv6 dissector. The test asserts tshark's field values for the messages
 * tshark 4.0 decodes field by field (PBU, PBA, Binding Error, BRI, BRA), the MH type and length
 * of every message, and that no packet at all is shown as malformed.
 *
 * What tshark 4.0 cannot decode, and where it is checked instead:
 *  - LRI / LRA (MH types 17 / 18, RFC 6705): tshark 4.0 decodes their fixed part from the wrong
 *    offset (it reads Sequence from the Payload Proto / Header Len octets, Lifetime from the
 *    checksum) and walks the options from a wrong place; only the MH type line is checked here.
 *  - UPN / UPA (19 / 20, RFC 7077), FBI / FBA (21, RFC 7109) and the RFC 6089 Flow Summary /
 *    Flow Identification options (44 / 45): "Mobility Header Type: Unknown", raw message data.
 *  - The drafts' MH types 240-245 and options 240-245 (numbers chosen by the module, see
 *    doc/notes/draft-messages.md): "Unknown".
 * The module's own decoder checks all of those (suites pmipv6-mobility-messages,
 * pmipv6-draft-messages, pmipv6-options, pmipv6-draft-options, pmipv6-traffic-selector: golden
 * octets and round trips). Suite pmipv6-lua-dissector below checks them with the module's
 * Wireshark Lua dissector, utils/wireshark/pmipv6.lua (protocol "pmipv6x"): field values of
 * every message in the samples, extension options inside a standard PBU, an IPv4 traffic
 * selector, checksum verification, and robustness against truncated messages (no Lua error).
 * See doc/notes/tshark.md.
 *
 * Needs tshark on PATH (Debian/Ubuntu: apt-get install tshark), or its path in the environment
 * variable PMIPV6_TSHARK. Without it the tests fail and say so. tshark runs with HOME,
 * XDG_CONFIG_HOME and WIRESHARK_CONFIG_DIR pointing to an empty directory, so neither the
 * user's preferences nor an installed copy of pmipv6.lua change what it prints.
 */

#include "pmipv6-test-source-dir.h"

#include "ns3/binding-update-header.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/enum.h"
#include "ns3/flow-attribute-option.h"
#include "ns3/flow-move-policy.h"
#include "ns3/flow-options.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-options.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/lma-flow-binding-domain.h"
#include "ns3/lma-flow-mobility-extension.h"
#include "ns3/local-routing-domain.h"
#include "ns3/local-routing-options.h"
#include "ns3/log.h"
#include "ns3/mag-flow-mobility-extension.h"
#include "ns3/mobility-header.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-message-samples.h"
#include "ns3/mobility-stack-helper.h"
#include "ns3/multihoming-options.h"
#include "ns3/node-container.h"
#include "ns3/packet.h"
#include "ns3/pcap-file.h"
#include "ns3/pmipv6-dual-access-domain.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-profile.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/prefix-move-rule.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/traffic-selector.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <sys/wait.h>
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
    int status{-1};    ///< exit status (-1 when it could not be started)
    std::string out;   ///< its standard output
    std::string err;   ///< its standard error
    double seconds{0}; ///< wall-clock run time
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
 * \brief Run a shell command, its standard error into a file.
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
    "Wireshark 4.0) or set PMIPV6_TSHARK to its path. The tshark decode tests need it.";

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
 * \brief Count the occurrences of a word.
 * \param text the text
 * \param word the word
 * \return how many times it occurs
 */
uint32_t
CountOf(const std::string& text, const std::string& word)
{
    uint32_t n = 0;
    for (size_t pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + 1))
    {
        ++n;
    }
    return n;
}

/**
 * \brief Split tshark -V output into one block per frame (each starting at "Frame N:").
 * \param text the output
 * \return the blocks, in frame order
 */
std::vector<std::string>
SplitFrames(const std::string& text)
{
    std::vector<size_t> offsets;
    std::regex start("(^|\n)Frame [0-9]+: ");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), start);
         it != std::sregex_iterator();
         ++it)
    {
        offsets.push_back(it->position() + (it->str()[0] == '\n' ? 1 : 0));
    }
    std::vector<std::string> frames;
    for (size_t i = 0; i < offsets.size(); ++i)
    {
        size_t end = (i + 1 < offsets.size()) ? offsets[i + 1] : text.size();
        frames.push_back(text.substr(offsets[i], end - offsets[i]));
    }
    return frames;
}

/// One row of tshark -T fields output: field name -> value (occurrences joined by ',').
using FieldRow = std::map<std::string, std::string>;

/**
 * \brief Parse tshark -T fields output written with -E header=y -E separator=/t.
 * Booleans are normalized to 1 / 0 (tshark 4.0 prints 1 / 0, later versions True / False).
 * \param text the output
 * \return the rows
 */
std::vector<FieldRow>
ParseFields(const std::string& text)
{
    auto split = [](const std::string& line) {
        std::vector<std::string> cells;
        size_t from = 0;
        while (true)
        {
            size_t tab = line.find('\t', from);
            cells.push_back(line.substr(from, tab == std::string::npos ? tab : tab - from));
            if (tab == std::string::npos)
            {
                return cells;
            }
            from = tab + 1;
        }
    };
    std::istringstream in(text);
    std::string line;
    std::vector<std::string> header;
    std::vector<FieldRow> rows;
    while (std::getline(in, line))
    {
        if (!line.empty() && line.back() == '\r')
        {
            line.pop_back();
        }
        std::vector<std::string> cells = split(line);
        if (header.empty())
        {
            header = cells;
            continue;
        }
        FieldRow row;
        for (size_t k = 0; k < header.size(); ++k)
        {
            std::string v = k < cells.size() ? cells[k] : "";
            v = std::regex_replace(v, std::regex("\\bTrue\\b"), "1");
            v = std::regex_replace(v, std::regex("\\bFalse\\b"), "0");
            row[header[k]] = v;
        }
        rows.push_back(row);
    }
    return rows;
}

/**
 * \brief One cell of a row.
 * \param row the row
 * \param field the field name
 * \return its value, empty when the field is not in the row
 */
std::string
Cell(const FieldRow& row, const std::string& field)
{
    auto it = row.find(field);
    return it == row.end() ? "" : it->second;
}

/// Source address of every message the tests send.
const char* const ADDR_A = "fd00:0:0:1::1";
/// Destination address of every message the tests send.
const char* const ADDR_B = "fd00:0:0:1::2";

/**
 * \ingroup pmipv6-test
 * \brief Sends every sample message from A to B on a point-to-point link (built as in
 * examples/pmipv6-codec-showcase.cc) and captures A's device into a pcap file.
 */
struct SampleCapture
{
    std::vector<MobilityMessageSample> samples; ///< what was sent, in order
    uint32_t received{0};                       ///< how many B's Mobility protocol delivered

    /**
     * \brief Run the simulation.
     * \param pcapFile the pcap file to write (exact name)
     */
    void Run(const std::string& pcapFile)
    {
        Run(pcapFile, MakeMobilityMessageSamples());
    }

    /**
     * \brief Run the simulation with other messages.
     * \param pcapFile the pcap file to write (exact name)
     * \param messages the messages to send, in order
     */
    void Run(const std::string& pcapFile, const std::vector<MobilityMessageSample>& messages)
    {
        samples = messages;
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
        Ipv6Address addrA = interfaces.GetAddress(0, 1);
        Ipv6Address addrB = interfaces.GetAddress(1, 1);
        // B handles every type, so it answers none with a Binding Error (which would add frames).
        for (const auto& s : samples)
        {
            b->TryRegisterHandler( // one handler per MH type (several samples share one)
                s.message->GetMhType(),
                Callback<void, Ptr<Packet>, const Ipv6Header&, uint32_t>(
                    [this](Ptr<Packet>, const Ipv6Header&, uint32_t) { ++received; }));
        }
        for (size_t k = 0; k < samples.size(); ++k)
        {
            Simulator::Schedule(Seconds(2) + MilliSeconds(10 * k), [this, a, k, addrA, addrB]() {
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
 * \ingroup pmipv6-test
 * \brief Base of the tshark test cases: finds tshark, runs it isolated from the user's
 * configuration, measures it, and checks its output for decoding failures.
 */
class TsharkTestCase : public TestCase
{
  protected:
    /**
     * \brief Constructor.
     * \param name the test case name
     */
    explicit TsharkTestCase(const std::string& name)
        : TestCase(name)
    {
    }

    /**
     * \brief Find tshark; report a failure saying how to install it when there is none.
     * \return true when found
     */
    bool RequireTshark()
    {
        m_tshark = FindTshark();
        bool found = !m_tshark.empty();
        NS_TEST_EXPECT_MSG_EQ(found, true, TSHARK_MISSING);
        return found;
    }

    /**
     * \brief Run tshark.
     * \param args its arguments (quoted as needed)
     * \param tag a name for the run (file names, log)
     * \param result the outcome
     * \return true when tshark ran and exited with 0 (a failure is reported otherwise)
     */
    bool Tshark(const std::string& args, const std::string& tag, CommandResult& result)
    {
        std::string config = ShellQuote(CreateTempDirFilename("wireshark-home"));
        std::string command = "HOME=" + config + " XDG_CONFIG_HOME=" + config +
                              " WIRESHARK_CONFIG_DIR=" + config + " " + ShellQuote(m_tshark) +
                              " -n " + args;
        result = RunCommand(command, CreateTempDirFilename("tshark-" + tag + ".err"));
        m_tsharkSeconds += result.seconds;
        ++m_tsharkRuns;
        NS_LOG_INFO("tshark " << tag << ": " << result.seconds << " s, " << result.out.size()
                              << " octets of output");
        if (result.status == 127)
        {
            NS_TEST_EXPECT_MSG_EQ(result.status, 0, TSHARK_MISSING << "\n" << result.err);
            return false;
        }
        NS_TEST_EXPECT_MSG_EQ(result.status,
                              0,
                              "tshark failed (" << tag << "): " << command << "\n"
                                                << result.err);
        // A Lua script that does not load is only reported on standard error.
        NS_TEST_EXPECT_MSG_EQ(result.err.find("Lua"),
                              std::string::npos,
                              "tshark reports a Lua problem (" << tag << "): " << result.err);
        return result.status == 0 && result.err.find("Lua") == std::string::npos;
    }

    /**
     * \brief Expect no decoding failure in tshark's output: no dissector exception
     * ("[Malformed Packet]", "Exception occurred") and no Lua error.
     * \param text the output
     * \param what the run, for messages
     */
    void ExpectNoFailure(const std::string& text, const std::string& what)
    {
        for (const std::string word : {"Malformed", "Exception", "Lua Error", "Lua: Error"})
        {
            NS_TEST_EXPECT_MSG_EQ(text.find(word),
                                  std::string::npos,
                                  what << ": tshark shows '" << word
                                       << "': " << LineWith(text, word));
        }
    }

    /**
     * \brief The Lua dissector, utils/wireshark/pmipv6.lua, found from NS_TEST_SOURCEDIR
     * (relative to the ns-3 top directory in-tree, absolute standalone).
     * \return its absolute path, or empty (and a failure) when it is missing
     */
    std::string RequireLuaScript()
    {
        std::filesystem::path script =
            std::filesystem::path(NS_TEST_SOURCEDIR) / ".." / "utils" / "wireshark" / "pmipv6.lua";
        bool exists = std::filesystem::exists(script);
        NS_TEST_EXPECT_MSG_EQ(exists,
                              true,
                              "the Lua dissector " << script
                                                   << " does not exist (working directory "
                                                   << std::filesystem::current_path() << ")");
        return exists ? std::filesystem::absolute(script).lexically_normal().string() : "";
    }

    /**
     * \brief Compare one field of one row.
     * \param row the row
     * \param where the message, for failure messages
     * \param field the field name
     * \param expected the expected value ("" = field absent)
     */
    void ExpectField(const FieldRow& row,
                     const std::string& where,
                     const std::string& field,
                     const std::string& expected)
    {
        ++m_fieldsChecked;
        auto it = row.find(field);
        NS_TEST_EXPECT_MSG_EQ((it != row.end()), true, "field " << field << " was not requested");
        if (it != row.end())
        {
            NS_TEST_EXPECT_MSG_EQ(it->second,
                                  expected,
                                  where << ": " << field << " is '" << it->second << "', expected '"
                                        << expected << "'");
        }
    }

    std::string m_tshark;         ///< the tshark binary
    double m_tsharkSeconds{0};    ///< total tshark run time
    uint32_t m_tsharkRuns{0};     ///< tshark runs
    uint32_t m_fieldsChecked{0};  ///< field values compared
    uint32_t m_packetsChecked{0}; ///< packets whose decoding was checked
};

// ---------------------------------------------------------------------------------------------

/**
 * \ingroup pmipv6-test
 * \brief tshark's own dissector (no plugin) on the samples: field values of PBU, PBA, BE, BRI
 * and BRA, the MH type and length of every message, nothing malformed.
 */
class TsharkStandardDecodeTestCase : public TsharkTestCase
{
  public:
    TsharkStandardDecodeTestCase()
        : TsharkTestCase("tshark -V decodes PBU PBA BE BRI BRA field by field, nothing malformed")
    {
    }

  private:
    void DoRun() override;
};

void
TsharkStandardDecodeTestCase::DoRun()
{
    if (!RequireTshark())
    {
        return;
    }
    std::string pcap = CreateTempDirFilename("pmipv6-samples.pcap");
    SampleCapture capture;
    capture.Run(pcap);
    NS_TEST_ASSERT_MSG_EQ(capture.received,
                          capture.samples.size(),
                          "B received every sample (so the pcap holds them all)");

    CommandResult r;
    if (!Tshark("-r " + ShellQuote(pcap) + " -V", "V", r))
    {
        return;
    }
    ExpectNoFailure(r.out, "tshark -V");

    // The Mobility Header frames, in sending order (B sends none).
    std::vector<std::string> mh;
    for (const std::string& frame : SplitFrames(r.out))
    {
        if (frame.find("Mobility Header Type: ") != std::string::npos)
        {
            mh.push_back(frame);
        }
    }
    NS_TEST_EXPECT_MSG_EQ(mh.size(),
                          capture.samples.size(),
                          "one Mobility Header frame per sample in tshark's output");
    if (mh.size() != capture.samples.size())
    {
        return;
    }

    // Expected lines, exactly as tshark 4.0 prints them (indentation aside).
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
        // Timestamp(1234.5 s): 48.16 fixed point seconds since 1970, shown in UTC
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

    uint32_t fieldByField = 0;
    for (size_t k = 0; k < capture.samples.size(); ++k)
    {
        const MobilityMessageSample& s = capture.samples[k];
        const std::string& frame = mh[k];
        ++m_packetsChecked;
        // Every message, known to tshark or not: its MH type number and its length.
        std::ostringstream type;
        type << "(" << +s.message->GetMhType() << ")";
        std::string typeLine = LineWith(frame, "Mobility Header Type: ");
        bool typeOk =
            typeLine.size() >= type.str().size() &&
            typeLine.compare(typeLine.size() - type.str().size(), type.str().size(), type.str()) ==
                0;
        NS_TEST_EXPECT_MSG_EQ(typeOk,
                              true,
                              s.name << ": tshark should show MH type " << type.str() << ", got '"
                                     << typeLine << "'");
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(*s.message);
        std::ostringstream length;
        length << "(" << p->GetSize() << " bytes)";
        NS_TEST_EXPECT_MSG_NE(frame.find(length.str()),
                              std::string::npos,
                              s.name << ": Header length " << length.str());
        m_fieldsChecked += 2;
        auto it = expected.find(s.name);
        if (it == expected.end())
        {
            continue;
        }
        ++fieldByField;
        for (const std::string& line : it->second)
        {
            ++m_fieldsChecked;
            NS_TEST_EXPECT_MSG_NE(frame.find(line),
                                  std::string::npos,
                                  s.name << " (MH frame " << k << "): tshark does not show '"
                                         << line << "'");
        }
    }
    NS_TEST_EXPECT_MSG_EQ(fieldByField, expected.size(), "every expected message was found");
    NS_LOG_INFO("tshark -V: " << m_packetsChecked << " MH frames (" << fieldByField
                              << " field by field), " << m_fieldsChecked << " values, "
                              << m_tsharkRuns << " tshark run(s), " << m_tsharkSeconds << " s");
}

// ---------------------------------------------------------------------------------------------

/**
 * \ingroup pmipv6-test
 * \brief tshark's own dissector (Wireshark 4.0 knows RFC 5844) on a PBU with an IPv4 Home
 * Address Request and an IPv4 Care-of Address option, an accepting PBA with an IPv4 Home
 * Address Reply, IPv4 Default-Router Address and IPv4 DHCP Support Mode option, and a refusing
 * PBA (status 170, Reply status 129): each option and field shown, nothing malformed, no
 * expert information.
 */
class TsharkIpv4OptionsTestCase : public TsharkTestCase
{
  public:
    TsharkIpv4OptionsTestCase()
        : TsharkTestCase("tshark -V decodes the RFC 5844 options in PBU and PBA, no warning")
    {
    }

  private:
    void DoRun() override;
};

void
TsharkIpv4OptionsTestCase::DoRun()
{
    if (!RequireTshark())
    {
        return;
    }
    std::vector<MobilityMessageSample> messages;
    auto pbu = std::make_shared<BindingUpdateHeader>();
    pbu->SetSequence(4242);
    pbu->SetFlags(BindingUpdateHeader::FLAG_A | BindingUpdateHeader::FLAG_P);
    pbu->SetLifetime(150);
    pbu->AddOption(Create<MobileNodeIdentifierOption>("mn1@pmipv6.example"));
    pbu->AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address::GetAny(), 0));
    pbu->AddOption(Create<HandoffIndicatorOption>(mip6::HI_NEW_INTERFACE));
    pbu->AddOption(Create<AccessTechnologyTypeOption>(mip6::ATT_IEEE_802_3));
    pbu->AddOption(Create<Ipv4HomeAddressRequestOption>());
    pbu->AddOption(Create<Ipv4CareOfAddressOption>(Ipv4Address("192.0.2.5")));
    messages.push_back({"PBU", pbu, nullptr});
    auto pba = std::make_shared<BindingAckHeader>();
    pba->SetStatus(mip6::BA_ACCEPTED);
    pba->SetFlag(BindingAckHeader::FLAG_P, true);
    pba->SetSequence(4242);
    pba->SetLifetime(150);
    pba->AddOption(Create<MobileNodeIdentifierOption>("mn1@pmipv6.example"));
    pba->AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:1:1:1::"), 64));
    pba->AddOption(Create<Ipv4HomeAddressReplyOption>(mip6::IPV4_HOA_REPLY_SUCCESS,
                                                      Ipv4Address("10.100.0.7"),
                                                      16));
    pba->AddOption(Create<Ipv4DefaultRouterAddressOption>(Ipv4Address("10.100.0.1")));
    pba->AddOption(Create<Ipv4DhcpSupportModeOption>(true));
    messages.push_back({"PBA", pba, nullptr});
    auto refused = std::make_shared<BindingAckHeader>();
    refused->SetStatus(mip6::BA_NOT_AUTHORIZED_FOR_IPV4_MOBILITY_SERVICE);
    refused->SetFlag(BindingAckHeader::FLAG_P, true);
    refused->SetSequence(4243);
    refused->AddOption(Create<MobileNodeIdentifierOption>("mn1@pmipv6.example"));
    refused->AddOption(
        Create<Ipv4HomeAddressReplyOption>(mip6::IPV4_HOA_REPLY_ADMINISTRATIVELY_PROHIBITED,
                                           Ipv4Address::GetAny(),
                                           0));
    messages.push_back({"PBA-170", refused, nullptr});

    std::string pcap = CreateTempDirFilename("pmipv6-ipv4.pcap");
    SampleCapture capture;
    capture.Run(pcap, messages);
    NS_TEST_ASSERT_MSG_EQ(capture.received, messages.size(), "B received every message");
    CommandResult r;
    if (!Tshark("-r " + ShellQuote(pcap) + " -V", "ipv4", r))
    {
        return;
    }
    ExpectNoFailure(r.out, "tshark -V (IPv4 options)");
    std::vector<std::string> mh;
    for (const std::string& frame : SplitFrames(r.out))
    {
        if (frame.find("Mobility Header Type: ") != std::string::npos)
        {
            mh.push_back(frame);
        }
    }
    NS_TEST_ASSERT_MSG_EQ(mh.size(), messages.size(), "one MH frame per message:\n" << r.out);
    const std::vector<std::vector<std::string>> expected = {
        {"MIPv6 Option - IPv4 Home Address Request",
         "IPv4 Care-of Address",
         "192.0.2.5",
         "Request that the local mobility anchor perform the address allocation"},
        {"Status: Binding Update accepted (0)",
         "MIPv6 Option - IPv4 Home Address Reply",
         "10.100.0.7",
         "MIPv6 Option - IPv4 Default-Router Address",
         "10.100.0.1",
         "MIPv6 Option - IPv4 DHCP Support Mode"},
        {"NOT_AUTHORIZED_FOR_IPV4_MOBILITY_SERVICE (170)",
         "MIPv6 Option - IPv4 Home Address Reply"},
    };
    for (size_t k = 0; k < mh.size(); ++k)
    {
        ++m_packetsChecked;
        NS_TEST_EXPECT_MSG_EQ(mh[k].find("Expert Info"),
                              std::string::npos,
                              messages[k].name << ": expert information: "
                                               << LineWith(mh[k], "Expert Info") << "\n"
                                               << mh[k]);
        NS_TEST_EXPECT_MSG_EQ(mh[k].find("Unknown"),
                              std::string::npos,
                              messages[k].name << ": an option tshark does not know: "
                                               << LineWith(mh[k], "Unknown"));
        for (const std::string& line : expected[k])
        {
            ++m_fieldsChecked;
            NS_TEST_EXPECT_MSG_NE(mh[k].find(line),
                                  std::string::npos,
                                  messages[k].name << ": tshark does not show '" << line << "':\n"
                                                   << mh[k]);
        }
    }
}

// ---------------------------------------------------------------------------------------------

/**
 * \ingroup pmipv6-test
 * \brief The Lua dissector on the samples: tshark -V shows no Lua error and nothing malformed,
 * and tshark -T fields gives the expected value of every field of every message.
 */
class LuaDissectorFieldsTestCase : public TsharkTestCase
{
  public:
    LuaDissectorFieldsTestCase()
        : TsharkTestCase("pmipv6.lua decodes every sample message field by field")
    {
    }

  private:
    void DoRun() override;
};

void
LuaDissectorFieldsTestCase::DoRun()
{
    if (!RequireTshark())
    {
        return;
    }
    std::string script = RequireLuaScript();
    if (script.empty())
    {
        return;
    }
    std::string lua = "-X " + ShellQuote("lua_script:" + script);
    std::string pcap = CreateTempDirFilename("pmipv6-samples.pcap");
    SampleCapture capture;
    capture.Run(pcap);
    NS_TEST_ASSERT_MSG_EQ(capture.received, capture.samples.size(), "B received every sample");

    // 1. The full decode: no Lua error, nothing malformed, every message decoded by someone.
    CommandResult v;
    if (!Tshark(lua + " -r " + ShellQuote(pcap) + " -V", "lua-V", v))
    {
        return;
    }
    if (v.out.find("pmipv6x") == std::string::npos)
    {
        NS_TEST_EXPECT_MSG_NE(v.out.find("pmipv6x"),
                              std::string::npos,
                              "tshark did not run " << script
                                                    << ": is it built with Lua (tshark -v says "
                                                       "\"with Lua\")?");
        return;
    }
    ExpectNoFailure(v.out, "tshark -V with pmipv6.lua");
    // 14 types decoded by pmipv6x itself, 5 by mip6 plus the pmipv6x extensions tree.
    NS_TEST_EXPECT_MSG_EQ(CountOf(v.out, "\nMobile IPv6 (pmipv6x): "),
                          14,
                          "pmipv6x decodes LRI LRA UPN UPA FBI FBA and the 8 draft messages");
    NS_TEST_EXPECT_MSG_EQ(CountOf(v.out, "\nPMIPv6 module extensions\n"),
                          5,
                          "mip6 decodes PBU PBA BE BRI BRA, pmipv6x adds its extensions tree");
    NS_TEST_EXPECT_MSG_EQ(CountOf(v.out, "Mobility Header Type: Unknown"),
                          0,
                          "no message left undecoded");
    NS_TEST_EXPECT_MSG_EQ(CountOf(v.out, "[Checksum status: Good (1)]"),
                          capture.samples.size(),
                          "every checksum verified");
    // mip6 still decodes the standard messages when the plugin is loaded
    NS_TEST_EXPECT_MSG_NE(
        v.out.find(".... ..1. .... .... = Proxy Registration (P) flag: Proxy Registration"),
        std::string::npos,
        "the PBU is still decoded by mip6");

    // 2. Field values.
    const std::string nai = "mn1@pmipv6.example";
    const std::string prefix = "2001:1:1:1::";
    // The samples' flow description: UDP from 2001:1:1:1::/64 to ports 5000-5010.
    const std::vector<std::pair<std::string, std::string>> selector{
        {"pmipv6x.ts.format", "2"},
        {"pmipv6x.ts.flags", "0xc032"},
        {"pmipv6x.ts.src_start", prefix},
        {"pmipv6x.ts.src_end", "2001:1:1:1:ffff:ffff:ffff:ffff"},
        {"pmipv6x.ts.src_prefix", "2001:1:1:1::/64"},
        {"pmipv6x.ts.dst_start", ""},
        {"pmipv6x.ts.dst_port_start", "5000"},
        {"pmipv6x.ts.dst_port_end", "5010"},
        {"pmipv6x.ts.nh_start", "17"},
        {"pmipv6x.ts.nh_end", ""},
    };
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> expected;
    expected["PBU"] = {{"mip6.mhtype", "5"}, {"mip6.bu.seqnr", "4242"}};
    expected["PBA"] = {{"mip6.mhtype", "6"}, {"mip6.ba.seqnr", "4242"}};
    expected["BE"] = {{"mip6.mhtype", "7"}, {"mip6.be.status", "2"}};
    expected["BRI"] = {{"mip6.mhtype", "16"}, {"mip6.bri_seqnr", "77"}};
    expected["BRA"] = {{"mip6.mhtype", "16"}, {"mip6.bri_seqnr", "77"}};
    expected["LRI"] = {
        {"pmipv6x.lri.seq", "11"},
        {"pmipv6x.lri.lifetime", "600"},
        {"pmipv6x.mnid.id", nai},
        {"pmipv6x.hnp.prefix", prefix},
        {"pmipv6x.hnp.plen", "64"},
        {"pmipv6x.mag.addr", "fd00:0:0:1::2"},
    };
    expected["LRA"] = {
        {"pmipv6x.lra.seq", "11"},
        {"pmipv6x.lra.u", "0"},
        {"pmipv6x.lra.status", "0"},
        {"pmipv6x.lra.lifetime", "600"},
        {"pmipv6x.mnid.id", nai},
    };
    expected["UPN"] = {
        {"pmipv6x.upn.seq", "21"},
        {"pmipv6x.upn.reason", "8"},
        {"pmipv6x.upn.a", "1"},
        {"pmipv6x.upn.d", "0"},
        {"pmipv6x.mnid.id", nai},
        {"pmipv6x.hnp.prefix", prefix},
        // RFC 6089 Flow Identification option (45) with BID Reference and traffic selector
        {"pmipv6x.fid.fid", "5"},
        {"pmipv6x.fid.pri", "10"},
        {"pmipv6x.fid.status", "0"},
        {"pmipv6x.fid.bidref", "1,2"},
    };
    expected["UPA"] = {{"pmipv6x.upa.seq", "21"}, {"pmipv6x.upa.status", "0"}};
    expected["FBI"] = {
        {"pmipv6x.fb.type", "1"},
        {"pmipv6x.fbi.seq", "31"},
        {"pmipv6x.fbi.trigger", "2"},
        {"pmipv6x.fbi.a", "1"},
        {"pmipv6x.fsum.fid", "5,6"},
    };
    expected["FBA"] = {
        {"pmipv6x.fb.type", "2"},
        {"pmipv6x.fba.seq", "31"},
        {"pmipv6x.fba.status", "0"},
    };
    expected["PFBI"] = {
        {"pmipv6x.pfbi.seq", "41"},
        {"pmipv6x.pfbi.trigger", "2"},
        {"pmipv6x.pfbi.a", "1"},
        {"pmipv6x.mnid.id", nai},
        // Flow Attribute option (240)
        {"pmipv6x.fa.pro", "5"},
        {"pmipv6x.fa.pri", "3"},
        {"pmipv6x.fa.fid", "5"},
        {"pmipv6x.fa.status", "0"},
        {"pmipv6x.fa.lifetime", "100"},
        {"pmipv6x.fa.tcoa", "fd00:0:0:2::2"},
        {"pmipv6x.fa.altlma.count", "1"},
        {"pmipv6x.fa.altlma.addr", "fd00:0:0:c::3"},
    };
    expected["PFBA"] = {
        {"pmipv6x.pfba.seq", "41"},
        {"pmipv6x.pfba.status", "0"},
        {"pmipv6x.mnid.id", nai},
    };
    expected["FMI"] = {
        {"pmipv6x.fmi.seq", "51"},
        {"pmipv6x.fmi.i", "1"},
        {"pmipv6x.fmi.c", "0"},
        {"pmipv6x.fmi.r", "0"},
        {"pmipv6x.fmi.lifetime", "300"},
        {"pmipv6x.mnid.id", nai},
        // RFC 6089 Flow Identification option (45) after the MN-ID (draft 4.1)
        {"pmipv6x.fid.fid", "5"},
        {"pmipv6x.fid.pri", "2"},
        {"pmipv6x.fid.status", "0"},
        {"pmipv6x.fid.bidref", "2"},
        {"pmipv6x.hnp.prefix", ""},
        {"pmipv6x.fbid.fid", ""},
    };
    expected["FMA"] = {
        {"pmipv6x.fma.seq", "51"},
        {"pmipv6x.fma.i", "0"},
        {"pmipv6x.fma.status", "0"},
        {"pmipv6x.fma.lifetime", "300"},
        {"pmipv6x.mnid.id", nai},
        // RFC 6089 Flow Identification option (45) after the MN-ID (draft 4.2)
        {"pmipv6x.fid.fid", "5"},
        {"pmipv6x.fid.pri", "2"},
        {"pmipv6x.fid.status", "0"},
        {"pmipv6x.mfid.fid", ""},
        {"pmipv6x.muho.mhgid", ""},
    };
    expected["LROREQ"] = {
        {"pmipv6x.lroreq.seq", "61"},
        {"pmipv6x.lroreq.r", "0"},
        {"pmipv6x.lroreq.lri", "2"},
        {"pmipv6x.lroreq.lifetime", "120"},
        {"pmipv6x.lro.lri", "2"},
        {"pmipv6x.mncn.p", "0,0"},
        {"pmipv6x.mncn.plen", "64,64"},
        {"pmipv6x.mncn.hnp", "2001:1:1:1::,2001:1:1:2::"},
        {"pmipv6x.mncn.pcoa", "fd00:0:0:1::2,fd00:0:0:2::2"},
    };
    expected["LRORSP"] = {
        {"pmipv6x.lrorsp.seq", "61"},
        {"pmipv6x.lrorsp.r", "1"},
        {"pmipv6x.lrorsp.lri", "2"},
        {"pmipv6x.lrorsp.lifetime", "120"},
    };
    expected["LMA-RO-START-REQ"] = {
        {"pmipv6x.rostart_req.seq", "71"},
        {"pmipv6x.rostart_req.lifetime", "120"},
        {"pmipv6x.mnid.id", nai},
    };
    expected["LMA-RO-START-RSP"] = {
        {"pmipv6x.rostart_rsp.status", "0"},
        {"pmipv6x.rostart_rsp.seq", "71"},
        {"pmipv6x.rostart_rsp.lifetime", "120"},
    };
    for (const std::string name : {"UPN", "PFBI", "FMI", "FMA"})
    {
        expected[name].insert(expected[name].end(), selector.begin(), selector.end());
    }
    // Messages without a selector must not show one.
    for (auto& [name, fields] : expected)
    {
        if (name != "UPN" && name != "PFBI" && name != "FMI" && name != "FMA")
        {
            fields.emplace_back("pmipv6x.ts.format", "");
        }
        // decoded by mip6 or by pmipv6x, never both
        if (fields.front().first != "mip6.mhtype")
        {
            fields.emplace_back("mip6.mhtype", "");
        }
    }

    std::set<std::string> names{"pmipv6x.msg", "pmipv6x.checksum.status", "pmipv6x.malformed"};
    for (const auto& [name, fields] : expected)
    {
        for (const auto& field : fields)
        {
            names.insert(field.first);
        }
    }
    std::string args = lua + " -r " + ShellQuote(pcap) +
                       " -Y pmipv6x -T fields -E header=y -E separator=/t -E occurrence=a"
                       " -E aggregator=,";
    for (const std::string& name : names)
    {
        args += " -e " + name;
    }
    CommandResult t;
    if (!Tshark(args, "lua-fields", t))
    {
        return;
    }
    std::vector<FieldRow> rows = ParseFields(t.out);
    NS_TEST_EXPECT_MSG_EQ(rows.size(), capture.samples.size(), "one pmipv6x row per sample");
    for (size_t k = 0; k < capture.samples.size() && k < rows.size(); ++k)
    {
        const std::string& name = capture.samples[k].name;
        ++m_packetsChecked;
        ExpectField(rows[k], name, "pmipv6x.msg", name);
        ExpectField(rows[k], name, "pmipv6x.checksum.status", "1");
        ExpectField(rows[k], name, "pmipv6x.malformed", "");
        auto it = expected.find(name);
        NS_TEST_EXPECT_MSG_EQ((it != expected.end()), true, "expected values for " << name);
        if (it == expected.end())
        {
            continue;
        }
        for (const auto& [field, value] : it->second)
        {
            ExpectField(rows[k], name, field, value);
        }
    }
    NS_LOG_INFO("pmipv6.lua on the samples: " << m_packetsChecked << " packets, " << m_fieldsChecked
                                              << " field values, " << m_tsharkRuns
                                              << " tshark runs, " << m_tsharkSeconds << " s");
}

// ---------------------------------------------------------------------------------------------

/**
 * \ingroup pmipv6-test
 * \brief Writes IPv6 packets (raw IP, link type 101) carrying Mobility Header octets.
 */
class RawIpv6Pcap
{
  public:
    /**
     * \brief Create the file.
     * \param path the file
     */
    explicit RawIpv6Pcap(const std::string& path)
    {
        m_file.Open(path, std::ios::out | std::ios::binary);
        m_file.Init(101); // LINKTYPE_RAW: the packet starts with the IP header
    }

    /**
     * \brief Write one packet from ADDR_A to ADDR_B, next header 135.
     * \param mh the IPv6 payload
     */
    void Write(const std::vector<uint8_t>& mh)
    {
        std::vector<uint8_t> packet{0x60, 0, 0, 0};
        packet.push_back(static_cast<uint8_t>(mh.size() >> 8));
        packet.push_back(static_cast<uint8_t>(mh.size() & 0xff));
        packet.push_back(mip6::MOBILITY_HEADER_PROTOCOL);
        packet.push_back(64);
        uint8_t address[16];
        Ipv6Address(ADDR_A).Serialize(address);
        packet.insert(packet.end(), address, address + 16);
        Ipv6Address(ADDR_B).Serialize(address);
        packet.insert(packet.end(), address, address + 16);
        packet.insert(packet.end(), mh.begin(), mh.end());
        m_file.Write(1 + m_count / 1000, m_count % 1000 * 1000, packet.data(), packet.size());
        ++m_count;
    }

    /// \brief Flush and close the file.
    void Close()
    {
        m_file.Close();
    }

    /**
     * \brief How many packets were written.
     * \return the count
     */
    uint32_t GetCount() const
    {
        return m_count;
    }

  private:
    PcapFile m_file;     ///< the file
    uint32_t m_count{0}; ///< packets written
};

/**
 * \brief Serialize a message with its checksum for ADDR_A -> ADDR_B.
 * \param h the message
 * \return its octets
 */
std::vector<uint8_t>
MessageOctets(MobilityHeader& h)
{
    h.EnableChecksum(Ipv6Address(ADDR_A), Ipv6Address(ADDR_B));
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    std::vector<uint8_t> bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    return bytes;
}

/**
 * \ingroup pmipv6-test
 * \brief The Lua dissector on hand-made packets: draft and RFC 6089 options inside a standard
 * PBU (decoded in the extensions tree next to mip6's decode), an IPv4 traffic selector and an
 * IPv4 MN-CN pair, bad checksums, every sample truncated at every length (no Lua error; the
 * messages pmipv6x decodes itself are flagged as malformed) and every octet of every sample set
 * to 0x00 and 0xff (no Lua error).
 */
class LuaDissectorRobustnessTestCase : public TsharkTestCase
{
  public:
    LuaDissectorRobustnessTestCase()
        : TsharkTestCase("pmipv6.lua on extension options, bad checksums, truncations, mutations")
    {
    }

  private:
    void DoRun() override;
};

void
LuaDissectorRobustnessTestCase::DoRun()
{
    if (!RequireTshark())
    {
        return;
    }
    std::string script = RequireLuaScript();
    if (script.empty())
    {
        return;
    }
    std::string pcap = CreateTempDirFilename("pmipv6-crafted.pcap");
    RawIpv6Pcap file(pcap);

    // Packet 0: a PBU with the options mip6 does not decode.
    BindingUpdateHeader pbu;
    pbu.SetSequence(4343);
    pbu.SetLifetime(10);
    pbu.AddOption(Create<MobileNodeIdentifierOption>("mn2@pmipv6.example"));
    pbu.AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address("2001:1:1:3::"), 64));
    pbu.AddOption(Create<HandoffIndicatorOption>(mip6::HI_NEW_INTERFACE));
    pbu.AddOption(Create<AccessTechnologyTypeOption>(mip6::ATT_IEEE_802_3));
    {
        TrafficSelector ts(mip6::TS_FORMAT_IPV4_BINARY);
        ts.SetIpv4SourceAddressPrefix(Ipv4Address("10.1.0.0"), Ipv4Mask("255.255.0.0"));
        ts.SetDestinationPort(80);
        ts.SetNextHeader(6);
        Ptr<FlowIdentificationOption> fid = Create<FlowIdentificationOption>(7, 3);
        fid->AddBidReference({4});
        fid->AddTrafficSelector(ts);
        pbu.AddOption(fid);
    }
    pbu.AddOption(Create<FlowSummaryOption>(std::vector<uint16_t>{7, 8}));
    {
        Ptr<FlowAttributeOption> fa = Create<FlowAttributeOption>();
        fa->SetPro(mip6::FA_PRO_ADD);
        fa->SetFlowId(12);
        fa->SetPriority(1);
        fa->SetLifetime(25);
        fa->AddSubOption(Create<TargetCareOfAddressSubOption>(Ipv4Address("192.0.2.7")));
        pbu.AddOption(fa);
    }
    {
        Ptr<MultihomingOption> mh = Create<MultihomingOption>();
        mh->SetGroupId(0);
        mh->SetAct(mip6::MUHO_ACT_REMOVE_FILTERS);
        pbu.AddOption(mh);
        Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
        lro->SetLri(mip6::LRI_INTER_LMA);
        pbu.AddOption(lro);
        Ptr<MnCnPairOption> pair = Create<MnCnPairOption>();
        pair->SetHomeNetworkPrefix(Ipv6Address("2001:1:1:3::"), 64);
        pair->SetProxyCoa(Ipv6Address("fd00:0:0:3::2"));
        pair->SetIpv4(Ipv4Address("10.3.0.5"), Ipv4Address("192.0.2.3"));
        pbu.AddOption(pair);
    }
    file.Write(MessageOctets(pbu));

    // Packets 1..n: every sample with one bit flipped (octet 7), so its checksum is wrong.
    std::vector<MobilityMessageSample> samples = MakeMobilityMessageSamples();
    std::vector<std::vector<uint8_t>> octets;
    for (auto& s : samples)
    {
        octets.push_back(MessageOctets(*s.message));
        std::vector<uint8_t> flipped = octets.back();
        flipped[7] ^= 0x01; // low bit of the second fixed octet: no type or flag
        file.Write(flipped);
    }
    // Then every sample cut at every length (the IPv6 Payload Length says the cut length).
    const std::set<uint8_t> ownTypes{17, 18, 19, 20, 21, 240, 241, 242, 243, 244, 245};

    struct Cut
    {
        std::string name; ///< the sample
        uint32_t length;  ///< octets kept
        bool own;         ///< decoded by pmipv6x itself
    };

    std::vector<Cut> cuts;
    for (size_t k = 0; k < samples.size(); ++k)
    {
        for (uint32_t length = 0; length < octets[k].size(); ++length)
        {
            file.Write(std::vector<uint8_t>(octets[k].begin(), octets[k].begin() + length));
            cuts.push_back({samples[k].name, length, ownTypes.count(octets[k][2]) > 0});
        }
    }
    // Then every octet after the checksum of every sample set to 0x00 and to 0xff in turn:
    // wrong lengths, counts, flags and types everywhere (no Lua error allowed).
    uint32_t mutations = 0;
    for (size_t k = 0; k < samples.size(); ++k)
    {
        for (size_t pos = mip6::MH_COMMON_LENGTH; pos < octets[k].size(); ++pos)
        {
            for (uint8_t value : {0x00, 0xff})
            {
                std::vector<uint8_t> mutated = octets[k];
                mutated[pos] = value;
                file.Write(mutated);
                ++mutations;
            }
        }
    }
    file.Close();
    uint32_t packets = file.GetCount();

    std::string lua = "-X " + ShellQuote("lua_script:" + script);
    std::string args = lua + " -r " + ShellQuote(pcap) +
                       " -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=,";
    const std::vector<std::string> fields{
        "frame.number",
        "_ws.lua.error",
        "_ws.malformed",
        "pmipv6x.msg",
        "pmipv6x.checksum.status",
        "pmipv6x.checksum.bad",
        "pmipv6x.malformed",
        "mip6.bu.seqnr",
        "pmipv6x.fid.fid",
        "pmipv6x.fid.pri",
        "pmipv6x.fid.bidref",
        "pmipv6x.ts.format",
        "pmipv6x.ts.flags",
        "pmipv6x.ts.src4_start",
        "pmipv6x.ts.src4_end",
        "pmipv6x.ts.src_prefix",
        "pmipv6x.ts.dst_port_start",
        "pmipv6x.ts.dst_port_end",
        "pmipv6x.ts.proto_start",
        "pmipv6x.fsum.fid",
        "pmipv6x.fa.pro",
        "pmipv6x.fa.fid",
        "pmipv6x.fa.lifetime",
        "pmipv6x.fa.tcoa4",
        "pmipv6x.muho.mhgid",
        "pmipv6x.muho.act",
        "pmipv6x.lro.lri",
        "pmipv6x.mncn.p",
        "pmipv6x.mncn.hnp",
        "pmipv6x.mncn.pcoa",
        "pmipv6x.mncn.hoa4",
        "pmipv6x.mncn.pcoa4",
        "pmipv6x.mnid.id",
    };
    for (const std::string& field : fields)
    {
        args += " -e " + field;
    }
    CommandResult t;
    if (!Tshark(args, "lua-crafted", t))
    {
        return;
    }
    std::vector<FieldRow> rows = ParseFields(t.out);
    NS_TEST_EXPECT_MSG_EQ(rows.size(), packets, "one row per packet");
    if (rows.size() != packets)
    {
        return;
    }
    for (const FieldRow& row : rows)
    {
        ExpectField(row, "frame " + Cell(row, "frame.number"), "_ws.lua.error", "");
    }

    // The PBU: mip6 decodes it, pmipv6x adds the options mip6 does not know.
    const FieldRow& r = rows[0];
    ++m_packetsChecked;
    const std::vector<std::pair<std::string, std::string>> pbuFields{
        {"mip6.bu.seqnr", "4343"},
        {"pmipv6x.msg", "PBU"},
        {"pmipv6x.checksum.status", "1"},
        {"pmipv6x.malformed", ""},
        {"_ws.malformed", ""},   // mip6 walks past the options it does not know
        {"pmipv6x.mnid.id", ""}, // standard options are left to mip6
        {"pmipv6x.fid.fid", "7"},
        {"pmipv6x.fid.pri", "3"},
        {"pmipv6x.fid.bidref", "4"},
        {"pmipv6x.ts.format", "1"},
        {"pmipv6x.ts.flags", "0xc088"}, // A B (source range), I (dst port), M (protocol)
        {"pmipv6x.ts.src4_start", "10.1.0.0"},
        {"pmipv6x.ts.src4_end", "10.1.255.255"},
        {"pmipv6x.ts.src_prefix", "10.1.0.0/16"},
        {"pmipv6x.ts.dst_port_start", "80"},
        {"pmipv6x.ts.dst_port_end", ""},
        {"pmipv6x.ts.proto_start", "6"},
        {"pmipv6x.fsum.fid", "7,8"},
        {"pmipv6x.fa.pro", "1"},
        {"pmipv6x.fa.fid", "12"},
        {"pmipv6x.fa.lifetime", "25"},
        {"pmipv6x.fa.tcoa4", "192.0.2.7"},
        {"pmipv6x.muho.mhgid", "0"},
        {"pmipv6x.muho.act", "1"},
        {"pmipv6x.lro.lri", "3"},
        {"pmipv6x.mncn.p", "1"},
        {"pmipv6x.mncn.hnp", "2001:1:1:3::"},
        {"pmipv6x.mncn.pcoa", "fd00:0:0:3::2"},
        {"pmipv6x.mncn.hoa4", "10.3.0.5"},
        {"pmipv6x.mncn.pcoa4", "192.0.2.3"},
    };
    for (const auto& [field, value] : pbuFields)
    {
        ExpectField(r, "PBU with extension options", field, value);
    }

    // Flipped bits: every checksum found bad, the message still decoded.
    for (size_t k = 0; k < samples.size(); ++k)
    {
        const FieldRow& row = rows[1 + k];
        ++m_packetsChecked;
        std::string where = samples[k].name + " with a flipped bit";
        ExpectField(row, where, "pmipv6x.msg", samples[k].name);
        ExpectField(row, where, "pmipv6x.checksum.status", "0");
        ExpectField(row, where, "pmipv6x.malformed", "");
        ExpectField(row, where, "_ws.malformed", "");
        ++m_fieldsChecked;
        NS_TEST_EXPECT_MSG_NE(Cell(row, "pmipv6x.checksum.bad"),
                              "",
                              where << ": no bad-checksum expert info");
    }

    // Truncations: no Lua error (checked above for every row); pmipv6x's own messages are
    // reported malformed from the third octet (the MH type) on.
    uint32_t flagged = 0;
    for (size_t c = 0; c < cuts.size(); ++c)
    {
        const FieldRow& row = rows[1 + samples.size() + c];
        ++m_packetsChecked;
        if (cuts[c].own && cuts[c].length >= 3)
        {
            ++m_fieldsChecked;
            bool isFlagged = !Cell(row, "pmipv6x.malformed").empty();
            flagged += isFlagged ? 1 : 0;
            NS_TEST_EXPECT_MSG_EQ(isFlagged,
                                  true,
                                  cuts[c].name << " cut to " << cuts[c].length
                                               << " octets is not reported malformed");
        }
    }
    NS_LOG_INFO("pmipv6.lua on crafted packets: "
                << packets << " packets (" << cuts.size() << " truncations, " << mutations
                << " octet mutations, " << flagged << " flagged malformed by pmipv6x), "
                << m_fieldsChecked << " values, " << m_tsharkSeconds << " s of tshark");
}

/**
 * \ingroup pmipv6-test
 * \brief Draft 001 Figure 5 read back from pcaps with tshark and pmipv6.lua: the fmi mode of
 * examples/pmipv6-flow-mobility.cc (Pmipv6DualAccessDomain, a prefix per interface, FMI/FMA)
 * without its traffic; the flow to port 9001 (MAG2's prefix) moves to MAG1 at 2 s and back at
 * 3 s. The LMA's pcaps must show FMI (add) LMA>MAG1, FMA (0) MAG1>LMA, FMI (del) LMA>MAG2,
 * FMA (0) MAG2>LMA, then for the move back FMI (del) LMA>MAG1, FMA (0) MAG1>LMA.
 */
class LuaFlowMobilityOrderTestCase : public TsharkTestCase
{
  public:
    LuaFlowMobilityOrderTestCase()
        : TsharkTestCase("pmipv6.lua reads draft 001 Figure 5 (FMI add, FMA, FMI del, FMA) "
                         "from the pcaps of an LMA-initiated flow move")
    {
    }

  private:
    void DoRun() override;
};

void
LuaFlowMobilityOrderTestCase::DoRun()
{
    if (!RequireTshark())
    {
        return;
    }
    std::string script = RequireLuaScript();
    if (script.empty())
    {
        return;
    }
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    const std::string prefix = CreateTempDirFilename("pmipv6-flow-mobility-fmi");
    std::map<Ipv6Address, std::string> names;
    std::vector<std::string> files;
    {
        Pmipv6DualAccessDomain d("mn@fmi.pcap");
        Ptr<LmaFlowMobilityExtension> fm = CreateObject<LmaFlowMobilityExtension>();
        fm->SetAttribute("PrefixMode", EnumValue(LmaFlowMobilityExtension::PER_INTERFACE_PREFIX));
        fm->SetAttribute("MoveSignalling", StringValue("FMI"));
        for (uint32_t k = 0; k < 2; ++k)
        {
            d.magApp[k]->AddExtension(CreateObject<MagFlowMobilityExtension>());
        }
        d.lmaApp->AddExtension(fm);
        TrafficSelector flow;
        flow.SetDestinationPort(9001);
        Ptr<ScheduledFlowMovePolicy> policy = CreateObject<ScheduledFlowMovePolicy>();
        policy->AddStep(Seconds(2), d.mnId, flow, d.proxyCoa[0]);
        policy->AddStep(Seconds(3), d.mnId, flow, d.proxyCoa[1]);
        fm->AddPolicy(policy);
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            0,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Schedule(Seconds(1.0),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            1,
                            mip6::HI_NEW_INTERFACE);
        d.EnablePcap(prefix);
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        names[d.lmaAddress] = "LMA";
        names[d.proxyCoa[0]] = "MAG1";
        names[d.proxyCoa[1]] = "MAG2";
        Ptr<Node> lma = d.lma.Get(0);
        for (uint32_t i = 0; i < lma->GetNDevices(); ++i)
        {
            std::string file =
                prefix + "-" + std::to_string(lma->GetId()) + "-" + std::to_string(i) + ".pcap";
            if (std::filesystem::exists(file))
            {
                files.push_back(file);
            }
        }
        Simulator::Destroy();
    }
    NS_TEST_ASSERT_MSG_GT(files.size(), 1, "pcaps of the LMA's links to the MAGs");

    // Every FMI / FMA the LMA sent or received, from all its links, in time order.
    std::vector<std::pair<double, std::string>> seen;
    for (const auto& file : files)
    {
        CommandResult r;
        if (!Tshark("-X " + ShellQuote("lua_script:" + script) + " -r " + ShellQuote(file) +
                        " -Y 'pmipv6x.fmi.seq || pmipv6x.fma.seq' -T fields -E separator=/t"
                        " -e frame.time_epoch -e ipv6.src -e ipv6.dst -e pmipv6x.fmi.c"
                        " -e pmipv6x.fma.status",
                    "fm-order",
                    r))
        {
            return;
        }
        ExpectNoFailure(r.out, "tshark on " + file);
        std::istringstream lines(r.out);
        std::string line;
        while (std::getline(lines, line))
        {
            std::vector<std::string> col;
            std::istringstream cells(line);
            std::string cell;
            while (std::getline(cells, cell, '\t'))
            {
                col.push_back(cell.substr(0, cell.find(',')));
            }
            col.resize(5);
            if (col[1].empty() || col[2].empty())
            {
                continue;
            }
            std::string kind = !col[4].empty()                       ? "FMA(" + col[4] + ")"
                               : (col[3] == "1" || col[3] == "True") ? "FMI(del)"
                                                                     : "FMI(add)";
            seen.emplace_back(std::stod(col[0]),
                              kind + " " + names[Ipv6Address(col[1].c_str())] + ">" +
                                  names[Ipv6Address(col[2].c_str())]);
        }
    }
    std::stable_sort(seen.begin(), seen.end(), [](const auto& a, const auto& b) {
        return a.first < b.first;
    });
    std::ostringstream got;
    for (size_t i = 0; i < seen.size(); ++i)
    {
        got << (i ? ", " : "") << seen[i].second;
    }
    const std::vector<std::string> expected = {"FMI(add) LMA>MAG1",
                                               "FMA(0) MAG1>LMA",
                                               "FMI(del) LMA>MAG2",
                                               "FMA(0) MAG2>LMA",
                                               "FMI(del) LMA>MAG1",
                                               "FMA(0) MAG1>LMA"};
    NS_TEST_EXPECT_MSG_EQ(seen.size(), expected.size(), "FMI/FMA on the wire: " << got.str());
    for (size_t i = 0; i < std::min(seen.size(), expected.size()); ++i)
    {
        NS_TEST_EXPECT_MSG_EQ(seen[i].second,
                              expected[i],
                              "message " << i << " (Figure 5, then the move back): " << got.str());
    }
    NS_LOG_INFO("Figure 5 from the pcaps: " << got.str());
}

/**
 * \ingroup pmipv6-test
 * \brief Draft 000's operations in RFC 7109 encoding (LmaFlowBindingExtension Encoding Fbi)
 * read back from LMA1's pcaps: tshark's own dissector shows every FBI / FBA as MH type 21
 * (Wireshark 4.0 does not know the type: "Unknown", message data raw) and nothing malformed;
 * pmipv6.lua decodes each FBI's Flow Binding Action and each FBA's Status, per operation:
 * add, modify (two MAGs), refresh, move (two MAGs), delete, add, switch (revoke).
 */
class LuaLmaFlowBindingFbiTestCase : public TsharkTestCase
{
  public:
    LuaLmaFlowBindingFbiTestCase()
        : TsharkTestCase("draft 000 operations as RFC 7109 FBI and FBA: tshark shows MH 21 "
                         "unmalformed, pmipv6.lua reads each action and status")
    {
    }

  private:
    void DoRun() override;
};

void
LuaLmaFlowBindingFbiTestCase::DoRun()
{
    if (!RequireTshark())
    {
        return;
    }
    std::string script = RequireLuaScript();
    if (script.empty())
    {
        return;
    }
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    const std::string prefix = CreateTempDirFilename("pmipv6-lma-flow-binding-fbi");
    std::map<Ipv6Address, std::string> names;
    std::vector<std::string> files;
    {
        Pmipv6LmaFlowBindingDomain d("mn@fbi.pcap");
        for (uint32_t k = 0; k < 2; ++k)
        {
            d.lmaExt[k]->SetAttribute("Encoding", StringValue("Fbi"));
        }
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            static_cast<Pmipv6DualAccessDomain*>(&d),
                            0,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Schedule(Seconds(1.0),
                            &Pmipv6DualAccessDomain::Attach,
                            static_cast<Pmipv6DualAccessDomain*>(&d),
                            1,
                            mip6::HI_NEW_INTERFACE);
        Ptr<LmaFlowBindingExtension> lma = d.lmaExt[0];
        std::string mn = d.mnId;
        TrafficSelector flow;
        flow.SetDestinationPort(5000);
        Ipv6Address mag1 = d.proxyCoa[0];
        Ipv6Address mag2 = d.proxyCoa[1];
        Ipv6Address lma2 = d.lma2Address;
        Simulator::Schedule(Seconds(3), [=]() { lma->AddFlow(mn, 7, 10, flow, mag1, 25); });
        Simulator::Schedule(Seconds(4), [=]() { lma->ModifyFlow(mn, 7, 5, flow, mag2, 25); });
        Simulator::Schedule(Seconds(5), [=]() { lma->RefreshFlow(mn, 7, 25); });
        Simulator::Schedule(Seconds(6), [=]() { lma->MoveFlow(mn, 7, mag1, 25); });
        Simulator::Schedule(Seconds(7), [=]() { lma->DeleteFlow(mn, 7); });
        Simulator::Schedule(Seconds(8), [=]() { lma->AddFlow(mn, 7, 10, flow, mag2, 25); });
        Simulator::Schedule(Seconds(9), [=]() { lma->SwitchFlow(mn, 7, {lma2}); });
        d.EnablePcap(prefix);
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        names[d.lmaAddress] = "LMA";
        names[mag1] = "MAG1";
        names[mag2] = "MAG2";
        Ptr<Node> node = d.lma.Get(0);
        for (uint32_t i = 0; i < node->GetNDevices(); ++i)
        {
            std::string file =
                prefix + "-" + std::to_string(node->GetId()) + "-" + std::to_string(i) + ".pcap";
            if (std::filesystem::exists(file))
            {
                files.push_back(file);
            }
        }
        Simulator::Destroy();
    }
    NS_TEST_ASSERT_MSG_GT(files.size(), 1, "pcaps of the LMA's links to the MAGs");

    // per second of the script: the messages, sorted (two MAGs are signalled at once)
    std::map<int, std::vector<std::string>> steps;
    uint32_t type21 = 0;
    for (const auto& file : files)
    {
        CommandResult plain;
        if (!Tshark("-r " + ShellQuote(file) + " -V", "fbi-plain", plain))
        {
            return;
        }
        ExpectNoFailure(plain.out, "tshark -V on " + file);
        CommandResult types;
        if (!Tshark("-r " + ShellQuote(file) + " -Y 'mip6.mhtype == 21' -T fields -e mip6.mhtype",
                    "fbi-types",
                    types))
        {
            return;
        }
        type21 += std::count(types.out.begin(), types.out.end(), '\n');
        CommandResult r;
        if (!Tshark("-X " + ShellQuote("lua_script:" + script) + " -r " + ShellQuote(file) +
                        " -Y 'pmipv6x.fbi.seq || pmipv6x.fba.seq' -T fields -E separator=/t"
                        " -e frame.time_epoch -e ipv6.src -e ipv6.dst -e pmipv6x.fid.action"
                        " -e pmipv6x.fba.status -e pmipv6x.fid.status",
                    "fbi-lua",
                    r))
        {
            return;
        }
        ExpectNoFailure(r.out, "tshark with pmipv6.lua on " + file);
        std::istringstream lines(r.out);
        std::string line;
        while (std::getline(lines, line))
        {
            std::vector<std::string> col;
            std::istringstream cells(line);
            std::string cell;
            while (std::getline(cells, cell, '\t'))
            {
                col.push_back(cell.substr(0, cell.find(',')));
            }
            col.resize(6);
            if (col[1].empty() || col[2].empty())
            {
                continue;
            }
            std::string kind =
                !col[4].empty() ? "FBA(" + col[4] + "," + col[5] + ")" : "FBI(" + col[3] + ")";
            steps[static_cast<int>(std::stod(col[0]))].push_back(
                kind + " " + names[Ipv6Address(col[1].c_str())] + ">" +
                names[Ipv6Address(col[2].c_str())]);
        }
    }
    const std::map<int, std::string> expected = {
        {3, "FBA(0,0) MAG1>LMA, FBI(11) LMA>MAG1"},
        {4, "FBA(0,0) MAG1>LMA, FBA(0,0) MAG2>LMA, FBI(13) LMA>MAG1, FBI(13) LMA>MAG2"},
        {5, "FBA(0,0) MAG2>LMA, FBI(14) LMA>MAG2"},
        {6, "FBA(0,0) MAG1>LMA, FBA(0,0) MAG2>LMA, FBI(15) LMA>MAG1, FBI(15) LMA>MAG2"},
        {7, "FBA(0,0) MAG1>LMA, FBI(12) LMA>MAG1"},
        {8, "FBA(0,0) MAG2>LMA, FBI(11) LMA>MAG2"},
        {9, "FBA(0,0) MAG2>LMA, FBI(16) LMA>MAG2"}};
    uint32_t messages = 0;
    for (auto& [second, list] : steps)
    {
        std::sort(list.begin(), list.end());
        std::ostringstream got;
        for (size_t i = 0; i < list.size(); ++i)
        {
            got << (i ? ", " : "") << list[i];
        }
        messages += list.size();
        auto it = expected.find(second);
        NS_TEST_EXPECT_MSG_EQ((it != expected.end()), true, "messages at " << second << " s");
        if (it != expected.end())
        {
            NS_TEST_EXPECT_MSG_EQ(got.str(), it->second, "the operation at " << second << " s");
        }
    }
    NS_TEST_EXPECT_MSG_EQ(steps.size(), expected.size(), "every operation on the wire");
    NS_TEST_EXPECT_MSG_EQ(type21, messages, "tshark shows every one of them as MH type 21");
}

/**
 * \ingroup pmipv6-test
 * \brief RFC 6705 LRI / LRA (MH 17 / 18) read back by pmipv6.lua from the LMA's pcap of an
 * LMA-initiated localized routing that one MAG refuses: every field where RFC 6705 puts it
 * (tshark 4.0's own decoder reads them two to six octets early).
 */
class LuaLocalizedRoutingTestCase : public TsharkTestCase
{
  public:
    LuaLocalizedRoutingTestCase()
        : TsharkTestCase("pmipv6.lua reads RFC 6705 LRI and LRA (refused by one MAG) from the "
                         "pcap of a simulated LMA")
    {
    }

  private:
    void DoRun() override;
};

void
LuaLocalizedRoutingTestCase::DoRun()
{
    if (!RequireTshark())
    {
        return;
    }
    std::string script = RequireLuaScript();
    if (script.empty())
    {
        return;
    }
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    Config::SetDefault("ns3::MagLocalRoutingExtension::Protocol", StringValue("Rfc6705"));
    Config::SetDefault("ns3::LmaLocalRoutingExtension::Protocol", StringValue("Rfc6705"));
    Config::SetDefault("ns3::LmaLocalRoutingExtension::EnableDetectLocalRouting",
                       BooleanValue(true));
    Config::SetDefault("ns3::LmaLocalRoutingExtension::Lifetime", TimeValue(Seconds(300)));
    const std::string prefix = CreateTempDirFilename("pmipv6-localized-routing");
    std::map<Ipv6Address, std::string> names;
    std::string file;
    {
        Pmipv6LocalRoutingDomain d;
        d.GetMagExtension("mag2")->SetAttribute("AllowLocalRouting", BooleanValue(false));
        d.AddMobileNode("mn1@lri.pcap", "mag1", Seconds(1));
        d.AddMobileNode("mn2@lri.pcap", "mag2", Seconds(1));
        d.AddFlow("mn1@lri.pcap", "mn2@lri.pcap", Seconds(2), Seconds(3), MilliSeconds(100));
        Pmipv6TopologyHelper& topo = d.GetTopology();
        topo.EnablePcap(prefix);
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        names[topo.GetLma("lma")->GetAddress()] = "LMA";
        names[topo.GetMag("mag1")->GetProxyCoa()] = "MAG1";
        names[topo.GetMag("mag2")->GetProxyCoa()] = "MAG2";
        Ptr<Node> lma = topo.GetLma("lma")->GetNode();
        for (uint32_t i = 0; i < lma->GetNDevices() && file.empty(); ++i)
        {
            std::string candidate =
                prefix + "-" + std::to_string(lma->GetId()) + "-" + std::to_string(i) + ".pcap";
            file = std::filesystem::exists(candidate) ? candidate : "";
        }
        Simulator::Destroy();
    }
    Config::Reset();
    NS_TEST_ASSERT_MSG_EQ(file.empty(), false, "a pcap of the LMA's link to the router");

    CommandResult r;
    if (!Tshark("-X " + ShellQuote("lua_script:" + script) + " -r " + ShellQuote(file) +
                    " -Y 'pmipv6x.lri.seq || pmipv6x.lra.seq' -T fields -E separator=/t"
                    " -E aggregator=/s -e ipv6.src -e ipv6.dst -e pmipv6x.msg"
                    " -e pmipv6x.lri.seq -e pmipv6x.lri.lifetime -e pmipv6x.lra.seq"
                    " -e pmipv6x.lra.u -e pmipv6x.lra.status -e pmipv6x.lra.lifetime"
                    " -e pmipv6x.mnid.id -e pmipv6x.mag.addr -e pmipv6x.checksum.status",
                "lr-order",
                r))
    {
        return;
    }
    ExpectNoFailure(r.out, "tshark on " + file);
    std::vector<std::string> seen;
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line))
    {
        std::vector<std::string> col;
        std::istringstream cells(line);
        std::string cell;
        while (std::getline(cells, cell, '\t'))
        {
            col.push_back(cell);
        }
        col.resize(12);
        std::string text = names[Ipv6Address(col[0].c_str())] + ">" +
                           names[Ipv6Address(col[1].c_str())] + " " + col[2] + " ";
        if (col[2] == "LRI")
        {
            text += "seq=" + col[3] + " lifetime=" + col[4] + " mn=" + col[9] + " mag=" + col[10];
        }
        else
        {
            text += "seq=" + col[5] + " u=" + col[6] + " status=" + col[7] + " lifetime=" + col[8] +
                    " mn=" + col[9];
        }
        text += " checksum=" + col[11];
        seen.push_back(text);
    }
    std::ostringstream got;
    for (size_t i = 0; i < seen.size(); ++i)
    {
        got << "\n  " << seen[i];
    }
    const std::string a = "mn1@lri.pcap";
    const std::string b = "mn2@lri.pcap";
    // the MAGs' addresses as the topology assigned them (tshark prints them the same way)
    std::ostringstream mag1;
    std::ostringstream mag2;
    for (const auto& [addr, name] : names)
    {
        if (name == "MAG1")
        {
            mag1 << addr;
        }
        else if (name == "MAG2")
        {
            mag2 << addr;
        }
    }
    const std::vector<std::string> expected = {
        "LMA>MAG1 LRI seq=1 lifetime=300 mn=" + a + " " + b + " mag=" + mag2.str() + " checksum=1",
        "LMA>MAG2 LRI seq=1 lifetime=300 mn=" + b + " " + a + " mag=" + mag1.str() + " checksum=1",
        "MAG1>LMA LRA seq=1 u=0 status=0 lifetime=300 mn=" + a + " checksum=1",
        "MAG2>LMA LRA seq=1 u=0 status=128 lifetime=0 mn=" + b + " checksum=1",
        "LMA>MAG1 LRI seq=2 lifetime=0 mn=" + a + " " + b + " mag=" + mag2.str() + " checksum=1",
        "MAG1>LMA LRA seq=2 u=0 status=0 lifetime=0 mn=" + a + " checksum=1",
    };
    NS_TEST_EXPECT_MSG_EQ(seen.size(), expected.size(), "LRI/LRA on the wire:" << got.str());
    for (size_t i = 0; i < std::min(seen.size(), expected.size()); ++i)
    {
        NS_TEST_EXPECT_MSG_EQ(seen[i], expected[i], "message " << i << ":" << got.str());
    }
    NS_LOG_INFO("RFC 6705 from the pcap:" << got.str());
}

/**
 * \ingroup pmipv6-test
 * \brief Draft 001 Figure 4 read back from pcaps with tshark and pmipv6.lua: the prefix mode of
 * examples/pmipv6-flow-mobility.cc (Pmipv6DualAccessDomain, the MN holds pref1 and pref2 at
 * MAG1, a PrefixMoveRule moves pref2 to the binding of its second interface) without its
 * traffic: if0 registers at 0.5 s, if1 attaches at MAG2 at 1 s. The LMA's pcaps must show PBU
 * MAG1>LMA, PBA (0) [pref1, pref2], then Figure 4: PBU MAG2>LMA, PBA (0) [pref2] LMA>MAG2, BRI
 * (P) [pref2] LMA>MAG1, BRA (0) MAG1>LMA.
 */
class LuaPrefixMoveOrderTestCase : public TsharkTestCase
{
  public:
    LuaPrefixMoveOrderTestCase()
        : TsharkTestCase("pmipv6.lua reads draft 001 Figure 4 (PBU, PBA [pref2], BRI [P, pref2], "
                         "BRA) from the pcaps of a PBU-triggered prefix move")
    {
    }

  private:
    void DoRun() override;
};

void
LuaPrefixMoveOrderTestCase::DoRun()
{
    if (!RequireTshark())
    {
        return;
    }
    std::string script = RequireLuaScript();
    if (script.empty())
    {
        return;
    }
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    const std::string prefix = CreateTempDirFilename("pmipv6-flow-mobility-prefix");
    const HomeNetworkPrefix pref1{Ipv6Address("2001:2:a::"), 64};
    const HomeNetworkPrefix pref2{Ipv6Address("2001:2:b::"), 64};
    std::map<Ipv6Address, std::string> names;
    std::map<std::string, std::string> prefixNames = {{"2001:2:a::", "pref1"},
                                                      {"2001:2:b::", "pref2"}};
    std::vector<std::string> files;
    {
        Pmipv6DualAccessDomain d("mn@prefix.pcap");
        Ptr<Pmipv6ProfileStore> store = d.pmip.GetProfileStore();
        Pmipv6Profile profile = *store->Lookup(d.mnId);
        profile.homeNetworkPrefixes = {pref1, pref2};
        store->RemoveProfile(d.mnId);
        store->AddProfile(profile);
        Ptr<PrefixMoveRule> rule = CreateObject<PrefixMoveRule>();
        rule->AddPrefix(pref2);
        Ptr<LmaFlowMobilityExtension> fm = CreateObject<LmaFlowMobilityExtension>();
        fm->SetAttribute("PrefixMoveRule", PointerValue(rule));
        d.lmaApp->AddExtension(fm);
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            0,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Schedule(Seconds(1.0),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            1,
                            mip6::HI_NEW_INTERFACE);
        d.EnablePcap(prefix);
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        names[d.lmaAddress] = "LMA";
        names[d.proxyCoa[0]] = "MAG1";
        names[d.proxyCoa[1]] = "MAG2";
        Ptr<Node> lma = d.lma.Get(0);
        for (uint32_t i = 0; i < lma->GetNDevices(); ++i)
        {
            std::string file =
                prefix + "-" + std::to_string(lma->GetId()) + "-" + std::to_string(i) + ".pcap";
            if (std::filesystem::exists(file))
            {
                files.push_back(file);
            }
        }
        Simulator::Destroy();
    }
    NS_TEST_ASSERT_MSG_GT(files.size(), 1, "pcaps of the LMA's links to the MAGs");

    // Every PBU / PBA / BRI / BRA the LMA sent or received, from all its links, in time order.
    std::vector<std::pair<double, std::string>> seen;
    for (const auto& file : files)
    {
        CommandResult r;
        if (!Tshark("-X " + ShellQuote("lua_script:" + script) + " -r " + ShellQuote(file) +
                        " -Y 'pmipv6x.msg' -T fields -E separator=/t -E aggregator=/s"
                        " -e frame.time_epoch -e ipv6.src -e ipv6.dst -e pmipv6x.msg"
                        " -e mip6.ba.status -e mip6.bri_ip -e mip6.bri_status"
                        " -e mip6.nemo.mnp.mnp",
                    "prefix-move-order",
                    r))
        {
            return;
        }
        ExpectNoFailure(r.out, "tshark on " + file);
        std::istringstream lines(r.out);
        std::string line;
        while (std::getline(lines, line))
        {
            std::vector<std::string> col;
            std::istringstream cells(line);
            std::string cell;
            while (std::getline(cells, cell, '\t'))
            {
                col.push_back(cell);
            }
            col.resize(8);
            if (col[1].empty() || col[2].empty() || col[3].empty())
            {
                continue;
            }
            std::ostringstream m;
            m << col[3];
            if (col[3] == "PBA")
            {
                m << "(" << col[4] << ")";
            }
            else if (col[3] == "BRI")
            {
                m << ((col[5] == "1" || col[5] == "True") ? "(P)" : "()");
            }
            else if (col[3] == "BRA")
            {
                m << "(" << col[6] << ")";
            }
            m << " " << names[Ipv6Address(col[1].c_str())] << ">"
              << names[Ipv6Address(col[2].c_str())];
            if (col[3] != "PBU" && col[3] != "BRA")
            {
                m << " [";
                std::istringstream hnps(col[7]);
                std::string hnp;
                bool first = true;
                while (hnps >> hnp)
                {
                    m << (first ? "" : " ")
                      << (prefixNames.count(hnp) ? prefixNames[hnp] : std::string("?") + hnp);
                    first = false;
                }
                m << "]";
            }
            seen.emplace_back(std::stod(col[0]), m.str());
        }
    }
    // The LMA sends the PBA and the BRI at the instant the PBU arrives, so the pcaps of its two
    // links tie: order ties as the LMA acts (PBU, PBA, BRI, BRA).
    auto rank = [](const std::string& m) {
        const char* kinds[] = {"PBU", "PBA", "BRI", "BRA"};
        for (int k = 0; k < 4; ++k)
        {
            if (m.compare(0, 3, kinds[k]) == 0)
            {
                return k;
            }
        }
        return 4;
    };
    std::stable_sort(seen.begin(), seen.end(), [&rank](const auto& a, const auto& b) {
        return a.first < b.first || (a.first == b.first && rank(a.second) < rank(b.second));
    });
    std::ostringstream got;
    for (size_t i = 0; i < seen.size(); ++i)
    {
        got << (i ? ", " : "") << seen[i].second;
    }
    const std::vector<std::string> expected = {"PBU MAG1>LMA",
                                               "PBA(0) LMA>MAG1 [pref1 pref2]",
                                               "PBU MAG2>LMA",
                                               "PBA(0) LMA>MAG2 [pref2]",
                                               "BRI(P) LMA>MAG1 [pref2]",
                                               "BRA(0) MAG1>LMA"};
    NS_TEST_EXPECT_MSG_EQ(seen.size(), expected.size(), "on the wire: " << got.str());
    for (size_t i = 0; i < std::min(seen.size(), expected.size()); ++i)
    {
        NS_TEST_EXPECT_MSG_EQ(seen[i].second,
                              expected[i],
                              "message " << i << " (registration, then Figure 4): " << got.str());
    }
    NS_LOG_INFO("Figure 4 from the pcaps: " << got.str());
}

/**
 * \ingroup pmipv6-test
 * \brief tshark's own decode of the module's messages.
 */
class TsharkDecodeTestSuite : public TestSuite
{
  public:
    TsharkDecodeTestSuite()
        : TestSuite("pmipv6-tshark-decode", SYSTEM)
    {
        AddTestCase(new TsharkStandardDecodeTestCase, TestCase::QUICK);
        AddTestCase(new TsharkIpv4OptionsTestCase, TestCase::QUICK);
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The module's Wireshark Lua dissector, utils/wireshark/pmipv6.lua, run by tshark.
 */
class LuaDissectorTestSuite : public TestSuite
{
  public:
    LuaDissectorTestSuite()
        : TestSuite("pmipv6-lua-dissector", SYSTEM)
    {
        AddTestCase(new LuaDissectorFieldsTestCase, TestCase::QUICK);
        AddTestCase(new LuaDissectorRobustnessTestCase, TestCase::QUICK);
        AddTestCase(new LuaFlowMobilityOrderTestCase, TestCase::QUICK);
        AddTestCase(new LuaLmaFlowBindingFbiTestCase, TestCase::QUICK);
        AddTestCase(new LuaLocalizedRoutingTestCase, TestCase::QUICK);
        AddTestCase(new LuaPrefixMoveOrderTestCase, TestCase::QUICK);
    }
};

} // namespace

/// The static instances that register the suites.
static TsharkDecodeTestSuite g_tsharkDecodeTestSuite;
/// \copydoc g_tsharkDecodeTestSuite
static LuaDissectorTestSuite g_luaDissectorTestSuite;
