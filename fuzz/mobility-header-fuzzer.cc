/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * libFuzzer target: every Mobility Header message class (see mobility-header-target.h).
 * `mobility-header-fuzzer --write-corpus=DIR` writes the seeds into DIR and exits.
 */

#include "mobility-header-target.h"

extern "C" int
LLVMFuzzerInitialize(int* argc, char*** argv)
{
    pmipv6fuzz::HandleWriteCorpus(*argc, *argv, &pmipv6fuzz::mobilityheader::MakeSeeds);
    pmipv6fuzz::Samples();
    return 0;
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return pmipv6fuzz::RunFuzzerInput(&pmipv6fuzz::mobilityheader::Run, data, size);
}
