/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * libFuzzer target: a frame handed to a MAG's DHCP server (RFC 5844 3.4.1).
 * See ipv4-receive-target.h for the domain, the input format, the properties and the entry
 * points (FuzzerInitialize, FuzzerTestOneInput). The domain is built once, in
 * LLVMFuzzerInitialize. `mag-dhcp-fuzzer --write-corpus=DIR` writes the seeds into DIR and
 * exits.
 */

#include "ipv4-receive-target.h"

extern "C" int
LLVMFuzzerInitialize(int* argc, char*** argv)
{
    return pmipv6fuzz::ipv4receive::FuzzerInitialize(argc,
                                                     argv,
                                                     &pmipv6fuzz::ipv4receive::MakeDhcpSeeds);
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return pmipv6fuzz::ipv4receive::FuzzerTestOneInput<pmipv6fuzz::ipv4receive::DHCP>(data, size);
}
