/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * libFuzzer target (see mobility-option-list-target.h for the input format and the properties).
 * `mobility-option-list-fuzzer --write-corpus=DIR` writes the seeds into DIR and exits.
 */

#include "mobility-option-list-target.h"

extern "C" int
LLVMFuzzerInitialize(int* argc, char*** argv)
{
    pmipv6fuzz::HandleWriteCorpus(*argc, *argv, &pmipv6fuzz::optionlist::MakeSeeds);
    return 0;
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return pmipv6fuzz::RunFuzzerInput(&pmipv6fuzz::optionlist::Run, data, size);
}
