/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * libFuzzer target (see traffic-selector-target.h for the input format and the properties).
 * `traffic-selector-fuzzer --write-corpus=DIR` writes the seeds into DIR and exits.
 */

#include "traffic-selector-target.h"

extern "C" int
LLVMFuzzerInitialize(int* argc, char*** argv)
{
    pmipv6fuzz::HandleWriteCorpus(*argc, *argv, &pmipv6fuzz::trafficselector::MakeSeeds);
    return 0;
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return pmipv6fuzz::RunFuzzerInput(&pmipv6fuzz::trafficselector::Run, data, size);
}
