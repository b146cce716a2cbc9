/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Shared by the libFuzzer targets fuzz/NAME-fuzzer.cc (not a fuzzer itself: the build takes
 * the files named NAME-fuzzer.cc only).
 *
 *  - FUZZ_CHECK: a property the code under test must keep; on violation it throws CheckFailure.
 *    RunFuzzerInput() (used by every LLVMFuzzerTestOneInput) prints why and traps, which
 *    libFuzzer reports as a crash and saves the input; the pmipv6-fuzz-regression test suite
 *    runs the same targets (fuzz/NAME-target.h) and reports the failure instead.
 *  - The seed corpus mode: every target accepts `--write-corpus=DIR` (or `--write-corpus DIR`)
 *    on its command line; it then writes its seeds (the module's sample messages, serialized
 *    in the target's input format) into DIR and exits, without fuzzing. utils/run-fuzzers.sh
 *    does this before each run.
 *  - The round-trip check of a Mobility Header message class, shared by the header fuzzer and
 *    the receive-path fuzzer: decode, serialize, decode again, serialize again; the second
 *    decode must succeed and both serializations (and prints) must be identical.
 */

#ifndef PMIPV6_FUZZ_COMMON_H
#define PMIPV6_FUZZ_COMMON_H

#include "ns3/buffer.h"
#include "ns3/heartbeat-header.h"
#include "ns3/mobility-header.h"
#include "ns3/mobility-message-samples.h"
#include "ns3/mobility-option.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

/// Check a property of the code under test; throw pmipv6fuzz::CheckFailure when it does not
/// hold (a fuzzer turns it into a trap, a test into a failure).
#define FUZZ_CHECK(cond, msg)                                                                      \
    do                                                                                             \
    {                                                                                              \
        if (!(cond))                                                                               \
        {                                                                                          \
            std::ostringstream fuzzOss_;                                                           \
            fuzzOss_ << __FILE__ << ":" << __LINE__ << ": " << #cond << "\n  " << msg;             \
            throw pmipv6fuzz::CheckFailure(fuzzOss_.str());                                        \
        }                                                                                          \
    } while (false)

namespace pmipv6fuzz
{

/// A property of the code under test did not hold (thrown by FUZZ_CHECK).
class CheckFailure : public std::runtime_error
{
  public:
    /**
     * \brief Build the failure.
     * \param what where and why
     */
    explicit CheckFailure(const std::string& what)
        : std::runtime_error(what)
    {
    }
};

/// Octets of a seed or of a serialization.
typedef std::vector<uint8_t> Bytes;

/// Seeds of a target: (name, input) pairs.
typedef std::vector<std::pair<std::string, Bytes>> Seeds;

/**
 * \brief Find `--write-corpus=DIR` / `--write-corpus DIR` among the arguments.
 * \param argc argument count
 * \param argv arguments
 * \param dir set to DIR when found
 * \return true when the corpus is to be written
 */
inline bool
WriteCorpusRequested(int argc, char** argv, std::string& dir)
{
    const std::string flag = "--write-corpus";
    for (int k = 1; k < argc; ++k)
    {
        std::string arg = argv[k];
        if (arg.compare(0, flag.size() + 1, flag + "=") == 0)
        {
            dir = arg.substr(flag.size() + 1);
            return !dir.empty();
        }
        if (arg == flag && k + 1 < argc)
        {
            dir = argv[k + 1];
            return true;
        }
    }
    return false;
}

/**
 * \brief Write seeds into a directory (created with its parents if needed), one file each, named
 * NNN-name; then exit the process.
 * \param dir the directory
 * \param seeds (name, octets) pairs
 */
[[noreturn]] inline void
WriteCorpusAndExit(const std::string& dir, const Seeds& seeds)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    unsigned n = 0;
    for (const auto& seed : seeds)
    {
        char prefix[16];
        std::snprintf(prefix, sizeof(prefix), "%03u-", n++);
        std::string path = dir + "/" + prefix + seed.first;
        std::ofstream out(path, std::ios::binary);
        out.write(reinterpret_cast<const char*>(seed.second.data()),
                  static_cast<std::streamsize>(seed.second.size()));
        if (!out)
        {
            std::fprintf(stderr, "cannot write %s\n", path.c_str());
            std::exit(1);
        }
    }
    std::printf("wrote %u seeds to %s\n", n, dir.c_str());
    std::exit(0);
}

/**
 * \brief The octets of a header.
 * \param header the header
 * \return its serialization
 */
inline Bytes
SerializeHeader(const ns3::Header& header)
{
    ns3::Ptr<ns3::Packet> p = ns3::Create<ns3::Packet>();
    p->AddHeader(header);
    Bytes bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    return bytes;
}

/**
 * \brief The octets of an options list written at an offset.
 * \param list the list
 * \param offset offset of the list from the start of the Mobility Header
 * \return its serialization
 */
inline Bytes
SerializeOptions(const ns3::MobilityOptionList& list, uint32_t offset)
{
    uint32_t size = list.GetSerializedSize(offset);
    ns3::Buffer buffer;
    buffer.AddAtStart(size);
    ns3::Buffer::Iterator i = buffer.Begin();
    list.Serialize(i, offset);
    FUZZ_CHECK(i.GetDistanceFrom(buffer.Begin()) == size,
               "options list wrote " << i.GetDistanceFrom(buffer.Begin()) << " octets, announced "
                                     << size);
    Bytes bytes(size);
    buffer.CopyData(bytes.data(), size);
    return bytes;
}

/**
 * \brief Hex dump for failure messages.
 * \param bytes the octets
 * \return "0a 1b ..."
 */
inline std::string
Hex(const Bytes& bytes)
{
    std::ostringstream os;
    char b[4];
    for (uint8_t v : bytes)
    {
        std::snprintf(b, sizeof(b), "%02x ", v);
        os << b;
    }
    return os.str();
}

/**
 * \brief Print a header into a string.
 * \param header the header
 * \return what Print wrote
 */
inline std::string
PrintToString(const ns3::Header& header)
{
    std::ostringstream os;
    header.Print(os);
    return os.str();
}

/**
 * \brief The round-trip property of a message that decoded: serialize it, decode the result
 * into a fresh object of the same class (must succeed, consuming everything), serialize that;
 * the two serializations and the two prints must be identical.
 * \param sample the message class (its empty() factory is used)
 * \param decoded the message as decoded from the fuzzer's input
 */
inline void
CheckMessageRoundTrip(const ns3::MobilityMessageSample& sample, ns3::MobilityHeader& decoded)
{
    Bytes first = SerializeHeader(decoded);
    FUZZ_CHECK(first.size() >= 8 && first.size() % 8 == 0 && first.size() <= 2048,
               sample.name << ": re-serialized to " << first.size() << " octets");
    std::string firstPrint = PrintToString(decoded); // after Serialize: checksum field is 0

    std::shared_ptr<ns3::MobilityHeader> again = sample.empty();
    ns3::Ptr<ns3::Packet> packet = ns3::Create<ns3::Packet>(first.data(), first.size());
    uint32_t consumed = packet->RemoveHeader(*again);
    FUZZ_CHECK(again->IsValid(),
               sample.name << ": its own serialization does not decode: " << again->GetError()
                           << "\n  " << Hex(first));
    FUZZ_CHECK(consumed == first.size() && packet->GetSize() == 0,
               sample.name << ": decoding its own " << first.size() << " octets consumed "
                           << consumed);
    Bytes second = SerializeHeader(*again);
    FUZZ_CHECK(first == second,
               sample.name << ": serialization not stable\n  first  " << Hex(first) << "\n  second "
                           << Hex(second));
    std::string secondPrint = PrintToString(*again);
    FUZZ_CHECK(firstPrint == secondPrint,
               sample.name << ": decoded fields differ\n  first  " << firstPrint << "\n  second "
                           << secondPrint);
}

/**
 * \brief Decode \p data as one message class through Packet::PeekHeader and
 * Packet::RemoveHeader; when it decodes, check the round trip.
 * \param sample the message class
 * \param data the octets
 * \param size their number
 * \return true when the octets decoded as this class
 */
inline bool
DecodeAndCheck(const ns3::MobilityMessageSample& sample, const uint8_t* data, size_t size)
{
    ns3::Ptr<ns3::Packet> packet = ns3::Create<ns3::Packet>(data, size);
    std::shared_ptr<ns3::MobilityHeader> peeked = sample.empty();
    uint32_t peekedSize = packet->PeekHeader(*peeked);
    FUZZ_CHECK(packet->GetSize() == size, sample.name << ": PeekHeader changed the packet");
    if (!peeked->IsValid())
    {
        // (RemoveHeader is not tried on a rejected message: with packet metadata enabled,
        // ns-3 reads out of bounds removing a 0-octet header)
        FUZZ_CHECK(peekedSize == 0 && !peeked->GetError().empty(),
                   sample.name << ": invalid, yet Deserialize returned " << peekedSize
                               << " / no reason");
        return false;
    }
    std::shared_ptr<ns3::MobilityHeader> removed = sample.empty();
    uint32_t removedSize = packet->RemoveHeader(*removed);
    FUZZ_CHECK(removed->IsValid() && peekedSize == removedSize,
               sample.name << ": PeekHeader and RemoveHeader disagree");
    FUZZ_CHECK(packet->GetSize() == size - removedSize,
               sample.name << ": RemoveHeader removed " << size - packet->GetSize()
                           << " octets, Deserialize returned " << removedSize);
    FUZZ_CHECK(peekedSize >= 8 && peekedSize % 8 == 0 && peekedSize <= size,
               sample.name << ": Deserialize returned " << peekedSize << " of " << size);
    FUZZ_CHECK(peeked->GetError().empty(), sample.name << ": valid with an error");
    CheckMessageRoundTrip(sample, *peeked);
    return true;
}

/**
 * \brief Message classes the module's samples (MakeMobilityMessageSamples) leave out, so that
 * the targets reach them too: the RFC 5847 Heartbeat (MH type 13) with a Restart Counter.
 * \return fresh samples
 */
inline std::vector<ns3::MobilityMessageSample>
MakeExtraSamples()
{
    auto heartbeat = std::make_shared<ns3::HeartbeatHeader>();
    heartbeat->SetSequence(0x01020304);
    heartbeat->SetFlag(ns3::HeartbeatHeader::FLAG_R, true);
    heartbeat->AddOption(ns3::Create<ns3::RestartCounterOption>(3));
    return {{"Heartbeat", heartbeat, []() { return std::make_shared<ns3::HeartbeatHeader>(); }}};
}

/**
 * \brief The samples of every message class: MakeMobilityMessageSamples() and
 * MakeExtraSamples() (fresh objects each call).
 * \return the samples
 */
inline std::vector<ns3::MobilityMessageSample>
MakeAllSamples()
{
    std::vector<ns3::MobilityMessageSample> samples = ns3::MakeMobilityMessageSamples();
    for (auto& extra : MakeExtraSamples())
    {
        samples.push_back(extra);
    }
    return samples;
}

/**
 * \brief The samples of every message class (MakeAllSamples(), built once).
 * \return the samples
 */
inline const std::vector<ns3::MobilityMessageSample>&
Samples()
{
    static const std::vector<ns3::MobilityMessageSample> samples = MakeAllSamples();
    return samples;
}

/**
 * \brief The LLVMFuzzerInitialize of a target: write the seeds and exit when asked to.
 * \param argc argument count
 * \param argv arguments
 * \param makeSeeds builds the target's seeds
 */
inline void
HandleWriteCorpus(int argc, char** argv, Seeds (*makeSeeds)())
{
    std::string dir;
    if (WriteCorpusRequested(argc, argv, dir))
    {
        WriteCorpusAndExit(dir, makeSeeds());
    }
}

/**
 * \brief The LLVMFuzzerTestOneInput of a target: run it, trap on a failed check.
 * \param run the target
 * \param data the input
 * \param size its size
 * \return 0
 */
inline int
RunFuzzerInput(void (*run)(const uint8_t*, size_t), const uint8_t* data, size_t size)
{
    try
    {
        run(data, size);
    }
    catch (const CheckFailure& e)
    {
        std::fprintf(stderr, "FUZZ_CHECK failed at %s\n", e.what());
        __builtin_trap();
    }
    return 0;
}

/**
 * \brief The domain of a receive-path fuzzer executable: one per process and domain type,
 * built by InitializeProcessDomain.
 * \tparam D the domain type (Build(), Run(path, data, size))
 * \return a reference to the pointer, null before InitializeProcessDomain
 */
template <typename D>
D*&
ProcessDomain()
{
    static D* domain = nullptr;
    return domain;
}

/**
 * \brief The LLVMFuzzerInitialize of a receive-path target: `--write-corpus=DIR` writes the
 * target's seeds and exits; otherwise the domain is built, once.
 * \tparam D the domain type
 * \param argc libFuzzer's argument count
 * \param argv libFuzzer's arguments
 * \param makeSeeds the target's seeds
 * \return 0
 */
template <typename D>
int
InitializeProcessDomain(int* argc, char*** argv, Seeds (*makeSeeds)())
{
    HandleWriteCorpus(*argc, *argv, makeSeeds);
    ProcessDomain<D>() = new D;
    ProcessDomain<D>()->Build();
    return 0;
}

/**
 * \brief Run one input of a receive path on the process's domain; with a non-zero
 * rebuildInterval the domain is built anew after that many inputs (for domains whose state
 * grows with what the inputs ask for).
 * \tparam D the domain type
 * \tparam P the path type
 * \tparam path the path
 * \tparam rebuildInterval inputs between rebuilds (0: never)
 * \param data the octets
 * \param size their number
 */
template <typename D, typename P, P path, uint64_t rebuildInterval>
void
RunOnProcessDomain(const uint8_t* data, size_t size)
{
    static uint64_t runs = 0;
    if (rebuildInterval != 0 && ++runs % rebuildInterval == 0)
    {
        delete ProcessDomain<D>();
        ns3::Simulator::Destroy();
        ProcessDomain<D>() = new D;
        ProcessDomain<D>()->Build();
    }
    ProcessDomain<D>()->Run(path, data, size);
}

/**
 * \brief The LLVMFuzzerTestOneInput of a receive-path target.
 * \tparam D the domain type
 * \tparam P the path type
 * \tparam path the path
 * \tparam rebuildInterval inputs between rebuilds of the domain (0: never)
 * \param data the input
 * \param size its length
 * \return 0
 */
template <typename D, typename P, P path, uint64_t rebuildInterval = 0>
int
TestOneInputOnProcessDomain(const uint8_t* data, size_t size)
{
    return RunFuzzerInput(&RunOnProcessDomain<D, P, path, rebuildInterval>, data, size);
}

} // namespace pmipv6fuzz

#endif /* PMIPV6_FUZZ_COMMON_H */
