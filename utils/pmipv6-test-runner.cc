/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \brief Test runner of the standalone build: runs the test suites linked
 * into it, with the options of ns-3's test-runner (--suite=NAME, --list,
 * --verbose, --tempdir=DIR, ...).
 */

#include "ns3/test.h"

int
main(int argc, char** argv)
{
    return ns3::TestRunner::Run(argc, argv);
}
