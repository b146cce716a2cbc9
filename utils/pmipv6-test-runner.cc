/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \brief Test runner of the standalone build: runs the test suites linked
 * into it, with the options of ns-3's test-runner (--suite=NAME, --list,
 * --verbose, --tempdir=DIR, ...).
 */

#include "../test/pmipv6-test-source-dir.h"

#include "ns3/packet.h"
#include "ns3/test.h"

/// The absolute path of test/, given by CMakeLists.txt to this file only.
const char ns3::pmipv6test::g_testSourceDir[] = PMIPV6_TEST_SOURCE_DIR_PATH;

int
main(int argc, char** argv)
{
    // ns-3's in-tree test-runner also links src/test, whose ns3tcp suites call
    // Packet::EnablePrinting() when they are constructed (at load time): every
    // suite there runs with packet metadata on. Do the same here, so that the
    // suites run under the same conditions both ways.
    ns3::Packet::EnablePrinting();
    return ns3::TestRunner::Run(argc, argv);
}
