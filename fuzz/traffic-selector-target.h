/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz target: TrafficSelector::Deserialize, IPv4 (format 1) and IPv6 (format 2).
 *
 * Input: TS Format (8) | selector octets (flags, reserved, fields) | packet key octets.
 *   The format octet is used as it is (so formats other than 1 and 2 exercise the rejection
 *   path); the selector is decoded from the octets after it, with their whole length readable
 *   (the decoder consumes what the flags announce).
 * Properties: no crash / sanitizer report / assertion; a rejected selector has a reason; a
 * decoded selector consumed at most the octets available, re-serializes into exactly
 * GetSerializedSize() octets that decode into an equal selector (operator==), which serializes
 * to the same octets and prints the same; both agree on Matches() for a packet key built from
 * the octets after the selector, and the empty selector of the format matches that key.
 *
 * Seeds: selectors of both formats with
 * single values, ranges and prefixes in every field, each followed by a matching key.
 */

#ifndef PMIPV6_TRAFFIC_SELECTOR_TARGET_H
#define PMIPV6_TRAFFIC_SELECTOR_TARGET_H

#include "pmipv6-fuzz-common.h"

#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/traffic-selector.h"

namespace pmipv6fuzz
{
namespace trafficselector
{

using namespace ns3;

/// Octets of the packet key read after the selector.
constexpr size_t KEY_SIZE = 16 + 16 + 1 + 1 + 4 + 2 + 2 + 4 + 1;

/**
 * \brief Build a flow key from raw octets (zero-filled when short).
 * \param format the key's family
 * \param data the octets
 * \param size their number
 * \return the key
 */
inline TrafficSelector::FlowKey
MakeKey(uint8_t format, const uint8_t* data, size_t size)
{
    uint8_t raw[KEY_SIZE] = {};
    std::memcpy(raw, data, std::min(size, KEY_SIZE));
    TrafficSelector::FlowKey key;
    key.format = format;
    const uint8_t* p = raw;
    std::memcpy(key.source, p, 16);
    p += 16;
    std::memcpy(key.destination, p, 16);
    p += 16;
    key.nextHeader = *p++;
    key.trafficClass = *p++;
    key.flowLabel = ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) & 0xfffff;
    p += 4;
    key.sourcePort = (p[0] << 8) | p[1];
    p += 2;
    key.destinationPort = (p[0] << 8) | p[1];
    p += 2;
    key.spi = (uint32_t(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
    p += 4;
    key.hasPorts = (*p & 1) != 0;
    key.hasSpi = (*p & 2) != 0;
    return key;
}

/**
 * \brief A selector's octets.
 * \param ts the selector
 * \return Serialize's output
 */
inline Bytes
SerializeSelector(const TrafficSelector& ts)
{
    uint32_t size = ts.GetSerializedSize();
    Buffer buffer;
    buffer.AddAtStart(size);
    Buffer::Iterator i = buffer.Begin();
    ts.Serialize(i);
    FUZZ_CHECK(i.GetDistanceFrom(buffer.Begin()) == size,
               "selector wrote " << i.GetDistanceFrom(buffer.Begin()) << " octets, announced "
                                 << size);
    Bytes bytes(size);
    buffer.CopyData(bytes.data(), size);
    return bytes;
}

/**
 * \brief Decode a selector.
 * \param ts the selector
 * \param format the format
 * \param data the octets
 * \param size their number
 * \param error set on failure
 * \return true when decoded
 */
inline bool
Decode(TrafficSelector& ts, uint8_t format, const uint8_t* data, size_t size, std::string& error)
{
    Buffer buffer;
    buffer.AddAtStart(size);
    buffer.Begin().Write(data, size);
    return ts.Deserialize(buffer.Begin(), size, format, error);
}

/**
 * \brief A selector's print.
 * \param ts the selector
 * \return the text
 */
inline std::string
PrintSelector(const TrafficSelector& ts)
{
    std::ostringstream os;
    ts.Print(os);
    return os.str();
}

/**
 * \brief One seed: format, selector, and a key for which the selector is built to match.
 * \param ts the selector
 * \param key the key octets (KEY_SIZE)
 * \return the input
 */
inline Bytes
Seed(const TrafficSelector& ts, const Bytes& key)
{
    Bytes seed{ts.GetFormat()};
    Bytes body = SerializeSelector(ts);
    seed.insert(seed.end(), body.begin(), body.end());
    seed.insert(seed.end(), key.begin(), key.end());
    return seed;
}

/**
 * \brief The seeds.
 * \return the seeds
 */
inline Seeds
MakeSeeds()
{
    std::vector<std::pair<std::string, Bytes>> seeds;
    Bytes key(KEY_SIZE, 0);
    Ipv6Address("2001:1:1:1::2a").Serialize(key.data());
    Ipv6Address("fd00:0:0:c::1").Serialize(key.data() + 16);
    key[32] = 17;   // next header
    key[33] = 0x28; // traffic class
    key[36] = 0x01; // flow label 0x00100
    key[38] = 0x13; // source port 5000
    key[39] = 0x88;
    key[40] = 0x13; // destination port 5005
    key[41] = 0x8d;
    key[45] = 3; // ports and SPI known

    TrafficSelector v6(mip6::TS_FORMAT_IPV6_BINARY);
    v6.SetSourceAddressPrefix(Ipv6Address("2001:1:1:1::"), Ipv6Prefix(64));
    v6.SetDestinationPortRange(5000, 5010);
    v6.SetNextHeader(17);
    seeds.emplace_back("ipv6-sample", Seed(v6, key));

    TrafficSelector all6(mip6::TS_FORMAT_IPV6_BINARY);
    all6.SetSourceAddressRange(Ipv6Address("2001:1:1:1::"), Ipv6Address("2001:1:1:1::ffff"));
    all6.SetDestinationAddress(Ipv6Address("fd00:0:0:c::1"));
    all6.SetSpiRange(0, 1000);
    all6.SetFlowLabelRange(0x10, 0xfffff);
    all6.SetSourcePort(5000);
    all6.SetDestinationPortRange(5000, 5010);
    all6.SetTrafficClassRange(0x20, 0x30);
    all6.SetNextHeaderRange(6, 17);
    seeds.emplace_back("ipv6-every-field", Seed(all6, key));
    seeds.emplace_back("ipv6-empty", Seed(TrafficSelector(mip6::TS_FORMAT_IPV6_BINARY), key));

    Bytes key4 = key;
    Ipv4Address("10.1.2.3").Serialize(key4.data());
    Ipv4Address("10.9.0.1").Serialize(key4.data() + 16);
    TrafficSelector all4(mip6::TS_FORMAT_IPV4_BINARY);
    all4.SetIpv4SourceAddressPrefix(Ipv4Address("10.1.0.0"), Ipv4Mask("255.255.0.0"));
    all4.SetIpv4DestinationAddressRange(Ipv4Address("10.9.0.0"), Ipv4Address("10.9.0.9"));
    all4.SetSpi(7);
    all4.SetSourcePortRange(1000, 6000);
    all4.SetDestinationPort(5005);
    all4.SetTrafficClass(0x28);
    all4.SetNextHeader(17);
    seeds.emplace_back("ipv4-every-field", Seed(all4, key4));
    seeds.emplace_back("ipv4-sample",
                       Seed(TrafficSelector::FromFiveTuple(Ipv4Address("10.1.2.3"),
                                                           Ipv4Address("10.9.0.1"),
                                                           17,
                                                           5000,
                                                           5005),
                            key4));
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
    if (size < 1)
    {
        return;
    }
    uint8_t format = data[0];
    data++;
    size--;

    TrafficSelector ts;
    std::string error;
    if (!Decode(ts, format, data, size, error))
    {
        FUZZ_CHECK(!error.empty(), "format " << +format << ": rejected without a reason");
        return;
    }
    FUZZ_CHECK(format == mip6::TS_FORMAT_IPV4_BINARY || format == mip6::TS_FORMAT_IPV6_BINARY,
               "format " << +format << " accepted");
    FUZZ_CHECK(ts.GetFormat() == format && ts.IsFormatSupported(), "format not kept");
    uint32_t used = ts.GetSerializedSize();
    FUZZ_CHECK(used <= size, "selector of " << used << " octets decoded from " << size);
    std::string print = PrintSelector(ts);

    Bytes first = SerializeSelector(ts);
    FUZZ_CHECK(ts.GetWireFlags() == ((first[0] << 8) | first[1]), "flags word not written");
    TrafficSelector again;
    std::string againError;
    FUZZ_CHECK(Decode(again, format, first.data(), first.size(), againError),
               "own serialization rejected: " << againError << "\n  " << Hex(first));
    FUZZ_CHECK(again == ts && !(again != ts),
               "decoded selector differs\n  first  " << print << "\n  second "
                                                     << PrintSelector(again));
    Bytes second = SerializeSelector(again);
    FUZZ_CHECK(first == second,
               "serialization not stable\n  first  " << Hex(first) << "\n  second " << Hex(second));
    FUZZ_CHECK(print == PrintSelector(again), "prints differ");

    // Matching: both copies agree; the other family never matches; the empty selector
    // matches every key of its family.
    TrafficSelector::FlowKey key = MakeKey(format, data + used, size - used);
    FUZZ_CHECK(ts.Matches(key) == again.Matches(key), "equal selectors disagree on a key");
    TrafficSelector::FlowKey otherFamily = key;
    otherFamily.format = format == mip6::TS_FORMAT_IPV4_BINARY ? mip6::TS_FORMAT_IPV6_BINARY
                                                               : mip6::TS_FORMAT_IPV4_BINARY;
    FUZZ_CHECK(!ts.Matches(otherFamily), "a selector matched a key of the other family");
    FUZZ_CHECK(TrafficSelector(format).Matches(key), "the empty selector did not match");
    if (ts.IsEmpty())
    {
        FUZZ_CHECK(ts.Matches(key), "an empty decoded selector did not match");
    }
}

} // namespace trafficselector
} // namespace pmipv6fuzz

#endif /* PMIPV6_TRAFFIC_SELECTOR_TARGET_H */
