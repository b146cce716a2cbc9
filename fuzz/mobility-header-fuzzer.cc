/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * libFuzzer target: every Mobility Header message class.
 *
 * Input: the octets of one Mobility Header message (Payload Proto, Header Len, MH Type, ...).
 * They are handed to Packet::PeekHeader and Packet::RemoveHeader of every MobilityHeader
 * subclass (the classes of MakeMobilityMessageSamples()). Properties checked:
 *  - no crash, no sanitizer report, no ns-3 assertion (out-of-range Buffer reads assert);
 *  - PeekHeader and RemoveHeader agree; a rejected message returns 0 with a reason;
 *  - a decoded message re-serializes to a well-framed header that decodes again into an
 *    identical message (identical octets and print): see CheckMessageRoundTrip.
 *
 * Seeds: `mobility-header-fuzzer --write-corpus=DIR` writes every sample message, without and
 * with the checksum.
 */

#include "pmipv6-fuzz-common.h"

#include "ns3/ipv6-address.h"

using namespace ns3;
using namespace pmipv6fuzz;

extern "C" int
LLVMFuzzerInitialize(int* argc, char*** argv)
{
    std::string dir;
    if (WriteCorpusRequested(*argc, *argv, dir))
    {
        std::vector<std::pair<std::string, Bytes>> seeds;
        for (const auto& s : Samples())
        {
            seeds.emplace_back(s.name, SerializeHeader(*s.message));
            s.message->EnableChecksum(Ipv6Address("fd00:0:0:1::2"), Ipv6Address("fd00:0:0:c::2"));
            seeds.emplace_back(s.name + "-checksum", SerializeHeader(*s.message));
        }
        WriteCorpusAndExit(dir, seeds);
    }
    Samples();
    return 0;
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    uint32_t decodedAs = 0;
    for (const auto& sample : Samples())
    {
        decodedAs += DecodeAndCheck(sample, data, size) ? 1 : 0;
    }
    // Messages sharing an MH type are told apart by a flag: at most one class accepts.
    FUZZ_CHECK(decodedAs <= 1, "input decoded as " << decodedAs << " message classes");
    return 0;
}
