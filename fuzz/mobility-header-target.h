/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz target: every Mobility Header message class. Run by fuzz/mobility-header-fuzzer.cc
 * (libFuzzer) and by the pmipv6-fuzz-regression test suite (fuzz/corpus/mobility-header/).
 *
 * Input: the octets of one Mobility Header message (Payload Proto, Header Len, MH Type, ...).
 * They are handed to Packet::PeekHeader and Packet::RemoveHeader of every MobilityHeader
 * subclass (the classes of MakeMobilityMessageSamples()). Properties checked:
 *  - no crash, no sanitizer report, no ns-3 assertion (out-of-range Buffer reads assert);
 *  - PeekHeader and RemoveHeader agree; a rejected message returns 0 with a reason;
 *  - a decoded message re-serializes to a well-framed header that decodes again into an
 *    identical message (identical octets and print): see CheckMessageRoundTrip;
 *  - messages sharing an MH type are told apart: at most one class accepts the input.
 *
 * Seeds: every sample message (MakeAllSamples()), without and with the checksum.
 */

#ifndef PMIPV6_MOBILITY_HEADER_TARGET_H
#define PMIPV6_MOBILITY_HEADER_TARGET_H

#include "pmipv6-fuzz-common.h"

#include "ns3/ipv6-address.h"

namespace pmipv6fuzz
{
namespace mobilityheader
{

/**
 * \brief The seeds.
 * \return the seeds
 */
inline Seeds
MakeSeeds()
{
    Seeds seeds;
    for (const auto& s : MakeAllSamples())
    {
        seeds.emplace_back(s.name, SerializeHeader(*s.message));
        s.message->EnableChecksum(ns3::Ipv6Address("fd00:0:0:1::2"),
                                  ns3::Ipv6Address("fd00:0:0:c::2"));
        seeds.emplace_back(s.name + "-checksum", SerializeHeader(*s.message));
    }
    return seeds;
}

/**
 * \brief Run one input.
 * \param data the octets
 * \param size their number
 */
inline void
Run(const uint8_t* data, size_t size)
{
    uint32_t decodedAs = 0;
    for (const auto& sample : Samples())
    {
        decodedAs += DecodeAndCheck(sample, data, size) ? 1 : 0;
    }
    FUZZ_CHECK(decodedAs <= 1, "input decoded as " << decodedAs << " message classes");
}

} // namespace mobilityheader
} // namespace pmipv6fuzz

#endif /* PMIPV6_MOBILITY_HEADER_TARGET_H */
