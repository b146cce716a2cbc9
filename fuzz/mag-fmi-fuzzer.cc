/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * libFuzzer target: a MAG receiving Flow Mobility messages (FMI) from the LMA.
 * See mag-receive-target.h for the domain, the input format and the properties. The domain is
 * built once, in LLVMFuzzerInitialize. `mag-fmi-fuzzer --write-corpus=DIR` writes the seeds
 * into DIR and exits.
 */

#include "mag-receive-target.h"

namespace
{

pmipv6fuzz::magreceive::Domain* g_domain = nullptr; ///< the domain, built once

/**
 * \brief Run one input on the domain.
 * \param data the octets
 * \param size their number
 */
void
RunOnDomain(const uint8_t* data, size_t size)
{
    g_domain->Run(pmipv6fuzz::magreceive::FMI, data, size);
}

} // namespace

extern "C" int
LLVMFuzzerInitialize(int* argc, char*** argv)
{
    pmipv6fuzz::HandleWriteCorpus(*argc, *argv, &pmipv6fuzz::magreceive::MakeFmiSeeds);
    g_domain = new pmipv6fuzz::magreceive::Domain;
    g_domain->Build();
    return 0;
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return pmipv6fuzz::RunFuzzerInput(&RunOnDomain, data, size);
}
