/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * libFuzzer target: packets arriving over the IPv4 transport (RFC 5844 4) at the LMA or a MAG.
 * See ipv4-receive-target.h for the domain, the input format, the properties and the entry
 * points (FuzzerInitialize, FuzzerTestOneInput). The domain is built once, in
 * LLVMFuzzerInitialize. `ipv4-transport-fuzzer --write-corpus=DIR` writes the seeds into DIR and
 * exits.
 */

#include "ipv4-receive-target.h"

extern "C" int
LLVMFuzzerInitialize(int* argc, char*** argv)
{
    return pmipv6fuzz::ipv4receive::FuzzerInitialize(argc,
                                                     argv,
                                                     &pmipv6fuzz::ipv4receive::MakeTransportSeeds);
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return pmipv6fuzz::ipv4receive::FuzzerTestOneInput<pmipv6fuzz::ipv4receive::TRANSPORT>(data,
                                                                                           size);
}
