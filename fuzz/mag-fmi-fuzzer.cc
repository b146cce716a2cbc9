/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * libFuzzer target: a MAG receiving Flow Mobility messages (FMI) from the LMA.
 * See mag-receive-target.h for the domain, the input format, the properties and the entry
 * points (FuzzerInitialize, FuzzerTestOneInput). The domain is built once, in
 * LLVMFuzzerInitialize. `mag-fmi-fuzzer --write-corpus=DIR` writes the seeds
 * into DIR and exits.
 */

#include "mag-receive-target.h"

extern "C" int
LLVMFuzzerInitialize(int* argc, char*** argv)
{
    return pmipv6fuzz::magreceive::FuzzerInitialize(argc,
                                                    argv,
                                                    &pmipv6fuzz::magreceive::MakeFmiSeeds);
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return pmipv6fuzz::magreceive::FuzzerTestOneInput<pmipv6fuzz::magreceive::FMI>(data, size);
}
