/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_TEST_SOURCE_DIR_H
#define PMIPV6_TEST_SOURCE_DIR_H

/**
 * \file
 * \brief Where the test suites find their data files (NS_TEST_SOURCEDIR).
 *
 * In an ns-3 tree, build_lib defines NS_TEST_SOURCEDIR as the string
 * "contrib/pmipv6/test" and this header adds nothing. In the standalone build,
 * CMakeLists.txt defines NS_TEST_SOURCEDIR as ns3::pmipv6test::g_testSourceDir,
 * which the standalone test runner defines as the absolute path of test/
 * (a constant, so it is set before any suite is constructed). Only that one object then carries the
 * path of the checkout on its command line, so ccache shares the compiled test suites between
 * clones and worktrees in different folders.
 */

namespace ns3
{
namespace pmipv6test
{

/**
 * \brief The absolute path of the repository's test/ directory (standalone
 * build only; defined in utils/pmipv6-test-runner.cc).
 */
extern const char g_testSourceDir[];

} // namespace pmipv6test
} // namespace ns3

#endif /* PMIPV6_TEST_SOURCE_DIR_H */
