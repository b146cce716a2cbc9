/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief Checks that the two build files of the module, CMakeLists.txt (ns-3 >= 3.36)
 * and wscript (waf-era ns-3), list the same files, and that those files exist.
 */

#include "pmipv6-test-source-dir.h"

#include "ns3/log.h"
#include "ns3/system-path.h"
#include "ns3/test.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6BuildFilesTest");

namespace
{

/**
 * \ingroup pmipv6-tests
 * \brief Finds the repository root (the parent of the test directory) and reads
 * the lists of files out of CMakeLists.txt and wscript.
 *
 * NS_TEST_SOURCEDIR is "contrib/pmipv6/test" in-tree (relative to the ns-3 top
 * directory, which is test.py's working directory) and the absolute path of
 * test/ in the standalone build. When the relative path does not resolve from
 * the working directory, the parents of the working directory and of the
 * running executable are tried too.
 */
class BuildFiles
{
  public:
    /// A list of files and where it was found, e.g. "CMakeLists.txt PMIPV6_SOURCES".
    struct FileList
    {
        std::string where;              //!< File and variable the list comes from
        std::vector<std::string> files; //!< Paths relative to the repository root
    };

    /**
     * \brief Locate the repository root.
     * \return the root, or an empty path when it cannot be found
     */
    static std::filesystem::path FindRoot();

    /**
     * \brief Read a whole text file.
     * \param path the file
     * \param [out] contents its contents
     * \return true if the file could be read
     */
    static bool ReadText(const std::filesystem::path& path, std::string& contents);

    /**
     * \brief Extract the entries of `set(NAME ...)` from CMake code.
     * \param cmake the CMake code
     * \param name the variable name
     * \return the entries, in order; empty if there is no such set()
     */
    static std::vector<std::string> CmakeList(const std::string& cmake, const std::string& name);

    /**
     * \brief Extract the quoted strings of the Python list assigned by `lhs = [...]`,
     * or of the single string assigned by `lhs = '...'`.
     * \param python the Python code
     * \param lhs the left-hand side, e.g. "module.source"
     * \return the strings, in order; empty if there is no such assignment
     */
    static std::vector<std::string> PythonList(const std::string& python, const std::string& lhs);

    /**
     * \brief Extract the first argument of every `create_ns3_program('name', ...)`.
     * \param python the Python code
     * \return the program names
     */
    static std::vector<std::string> PythonPrograms(const std::string& python);

  private:
    /**
     * \brief Remove comments (from '#' to the end of the line, outside quotes).
     * \param code CMake or Python code
     * \return the code without comments
     */
    static std::string StripComments(const std::string& code);
};

std::filesystem::path
BuildFiles::FindRoot()
{
    namespace fs = std::filesystem;
    const fs::path testDir(NS_TEST_SOURCEDIR);
    auto isRoot = [](const fs::path& p) {
        std::error_code ec;
        return fs::exists(p / "CMakeLists.txt", ec) && fs::exists(p / "wscript", ec);
    };
    if (testDir.is_absolute())
    {
        return isRoot(testDir / "..") ? fs::weakly_canonical(testDir / "..") : fs::path();
    }
    std::vector<fs::path> starts;
    std::error_code ec;
    starts.push_back(fs::current_path(ec));
    starts.emplace_back(SystemPath::FindSelfDirectory());
    for (const auto& start : starts)
    {
        for (fs::path dir = start; !dir.empty(); dir = dir.parent_path())
        {
            if (isRoot(dir / testDir / ".."))
            {
                return fs::weakly_canonical(dir / testDir / "..");
            }
            if (dir == dir.parent_path())
            {
                break;
            }
        }
    }
    return fs::path();
}

bool
BuildFiles::ReadText(const std::filesystem::path& path, std::string& contents)
{
    std::ifstream in(path);
    if (!in)
    {
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    contents = ss.str();
    return true;
}

std::string
BuildFiles::StripComments(const std::string& code)
{
    std::string out;
    char quote = 0;
    bool comment = false;
    for (char c : code)
    {
        if (comment)
        {
            if (c == '\n')
            {
                comment = false;
                out += c;
            }
            continue;
        }
        if (quote != 0)
        {
            if (c == quote)
            {
                quote = 0;
            }
        }
        else if (c == '"' || c == '\'')
        {
            quote = c;
        }
        else if (c == '#')
        {
            comment = true;
            continue;
        }
        if (c == '\n')
        {
            quote = 0; // no multi-line strings in build files
        }
        out += c;
    }
    return out;
}

std::vector<std::string>
BuildFiles::CmakeList(const std::string& cmake, const std::string& name)
{
    const std::string code = StripComments(cmake);
    std::vector<std::string> entries;
    std::string::size_type pos = 0;
    while ((pos = code.find("set(", pos)) != std::string::npos)
    {
        pos += 4;
        std::string::size_type p = pos;
        while (p < code.size() && std::isspace(static_cast<unsigned char>(code[p])))
        {
            ++p;
        }
        if (code.compare(p, name.size(), name) != 0 ||
            (p + name.size() < code.size() &&
             !std::isspace(static_cast<unsigned char>(code[p + name.size()])) &&
             code[p + name.size()] != ')'))
        {
            continue;
        }
        const std::string::size_type end = code.find(')', p);
        std::istringstream words(code.substr(p + name.size(), end - p - name.size()));
        std::string word;
        while (words >> word)
        {
            entries.push_back(word);
        }
        return entries;
    }
    return entries;
}

std::vector<std::string>
BuildFiles::PythonList(const std::string& python, const std::string& lhs)
{
    const std::string code = StripComments(python);
    std::vector<std::string> entries;
    std::string::size_type pos = code.find(lhs);
    while (pos != std::string::npos)
    {
        std::string::size_type p = pos + lhs.size();
        while (p < code.size() && (code[p] == ' ' || code[p] == '\t'))
        {
            ++p;
        }
        if (p < code.size() && code[p] == '=' && (p + 1 >= code.size() || code[p + 1] != '='))
        {
            ++p;
            while (p < code.size() && std::isspace(static_cast<unsigned char>(code[p])))
            {
                ++p;
            }
            std::string::size_type end = code.size();
            if (p < code.size() && code[p] == '[')
            {
                end = code.find(']', p);
            }
            else
            {
                end = code.find('\n', p);
            }
            if (end == std::string::npos)
            {
                end = code.size();
            }
            // collect the quoted strings between p and end
            for (std::string::size_type q = p; q < end; ++q)
            {
                if (code[q] == '\'' || code[q] == '"')
                {
                    const std::string::size_type close = code.find(code[q], q + 1);
                    if (close == std::string::npos || close > end)
                    {
                        break;
                    }
                    entries.push_back(code.substr(q + 1, close - q - 1));
                    q = close;
                }
            }
            return entries;
        }
        pos = code.find(lhs, pos + 1);
    }
    return entries;
}

std::vector<std::string>
BuildFiles::PythonPrograms(const std::string& python)
{
    const std::string code = StripComments(python);
    const std::string call = "create_ns3_program(";
    std::vector<std::string> names;
    std::string::size_type pos = 0;
    while ((pos = code.find(call, pos)) != std::string::npos)
    {
        pos += call.size();
        std::string::size_type p = pos;
        while (p < code.size() && std::isspace(static_cast<unsigned char>(code[p])))
        {
            ++p;
        }
        if (p < code.size() && (code[p] == '\'' || code[p] == '"'))
        {
            const std::string::size_type close = code.find(code[p], p + 1);
            if (close != std::string::npos)
            {
                names.push_back(code.substr(p + 1, close - p - 1));
            }
        }
    }
    return names;
}

/**
 * \ingroup pmipv6-tests
 * \brief Base of the build-file test cases: reads both build files in DoSetup.
 */
class BuildFilesTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param name the test case name
     */
    explicit BuildFilesTestCase(std::string name);

  protected:
    /**
     * \brief Find the repository root and read CMakeLists.txt, wscript and
     * examples/wscript.
     * \return true if all could be read (failures are reported)
     */
    bool ReadBuildFiles();

    /**
     * \brief The pairs of lists that must agree: CMake's, then waf's.
     * \return one pair per kind of file (sources, headers, tests, examples)
     */
    std::vector<std::pair<BuildFiles::FileList, BuildFiles::FileList>> ListPairs() const;

    std::filesystem::path m_root;  //!< Repository root
    std::string m_cmake;           //!< Contents of CMakeLists.txt
    std::string m_wscript;         //!< Contents of wscript
    std::string m_examplesWscript; //!< Contents of examples/wscript (may be empty)
};

BuildFilesTestCase::BuildFilesTestCase(std::string name)
    : TestCase(name)
{
}

bool
BuildFilesTestCase::ReadBuildFiles()
{
    m_root = BuildFiles::FindRoot();
    if (m_root.empty())
    {
        NS_TEST_EXPECT_MSG_EQ(true,
                              false,
                              "cannot find the repository root from NS_TEST_SOURCEDIR=\""
                                  << NS_TEST_SOURCEDIR << "\" (working directory "
                                  << std::filesystem::current_path() << ")");
        return false;
    }
    NS_LOG_INFO("repository root: " << m_root);
    for (const auto& [name, contents] :
         {std::make_pair("CMakeLists.txt", &m_cmake), std::make_pair("wscript", &m_wscript)})
    {
        if (!BuildFiles::ReadText(m_root / name, *contents))
        {
            NS_TEST_EXPECT_MSG_EQ(true, false, "cannot read " << m_root / name);
            return false;
        }
    }
    const std::filesystem::path examples = m_root / "examples" / "wscript";
    if (std::filesystem::exists(examples) && !BuildFiles::ReadText(examples, m_examplesWscript))
    {
        NS_TEST_EXPECT_MSG_EQ(true, false, "cannot read " << examples);
        return false;
    }
    return true;
}

std::vector<std::pair<BuildFiles::FileList, BuildFiles::FileList>>
BuildFilesTestCase::ListPairs() const
{
    using FileList = BuildFiles::FileList;
    std::vector<std::pair<FileList, FileList>> pairs;
    pairs.emplace_back(
        FileList{"CMakeLists.txt PMIPV6_SOURCES", BuildFiles::CmakeList(m_cmake, "PMIPV6_SOURCES")},
        FileList{"wscript module.source", BuildFiles::PythonList(m_wscript, "module.source")});
    pairs.emplace_back(
        FileList{"CMakeLists.txt PMIPV6_HEADERS", BuildFiles::CmakeList(m_cmake, "PMIPV6_HEADERS")},
        FileList{"wscript headers.source", BuildFiles::PythonList(m_wscript, "headers.source")});
    pairs.emplace_back(FileList{"CMakeLists.txt PMIPV6_TEST_SOURCES",
                                BuildFiles::CmakeList(m_cmake, "PMIPV6_TEST_SOURCES")},
                       FileList{"wscript module_test.source",
                                BuildFiles::PythonList(m_wscript, "module_test.source")});

    // Examples: CMake lists paths, examples/wscript names programs.
    FileList cmakeExamples{"CMakeLists.txt PMIPV6_EXAMPLE_SOURCES", {}};
    for (const auto& src : BuildFiles::CmakeList(m_cmake, "PMIPV6_EXAMPLE_SOURCES"))
    {
        cmakeExamples.files.push_back(std::filesystem::path(src).stem().string());
    }
    FileList wafExamples{"examples/wscript create_ns3_program",
                         BuildFiles::PythonPrograms(m_examplesWscript)};
    pairs.emplace_back(cmakeExamples, wafExamples);
    return pairs;
}

/**
 * \ingroup pmipv6-tests
 * \brief CMakeLists.txt and wscript list the same sources, headers, tests and examples.
 */
class BuildFilesAgreeTestCase : public BuildFilesTestCase
{
  public:
    BuildFilesAgreeTestCase();

  private:
    void DoRun() override;
};

BuildFilesAgreeTestCase::BuildFilesAgreeTestCase()
    : BuildFilesTestCase("CMakeLists.txt and wscript list the same files")
{
}

void
BuildFilesAgreeTestCase::DoRun()
{
    if (!ReadBuildFiles())
    {
        return;
    }
    for (const auto& [cmake, waf] : ListPairs())
    {
        NS_TEST_EXPECT_MSG_EQ(cmake.files.empty(),
                              false,
                              "no files found in " << cmake.where << " (parse error?)");
        NS_TEST_EXPECT_MSG_EQ(waf.files.empty(),
                              false,
                              "no files found in " << waf.where << " (parse error?)");
        const std::set<std::string> a(cmake.files.begin(), cmake.files.end());
        const std::set<std::string> b(waf.files.begin(), waf.files.end());
        NS_TEST_EXPECT_MSG_EQ(a.size(), cmake.files.size(), "duplicate entry in " << cmake.where);
        NS_TEST_EXPECT_MSG_EQ(b.size(), waf.files.size(), "duplicate entry in " << waf.where);
        for (const auto& f : a)
        {
            NS_TEST_EXPECT_MSG_EQ(b.count(f),
                                  1,
                                  f << " is in " << cmake.where << " but missing from "
                                    << waf.where);
        }
        for (const auto& f : b)
        {
            NS_TEST_EXPECT_MSG_EQ(a.count(f),
                                  1,
                                  f << " is in " << waf.where << " but missing from "
                                    << cmake.where);
        }
    }
}

/**
 * \ingroup pmipv6-tests
 * \brief Every file the build files list exists.
 */
class BuildFilesExistTestCase : public BuildFilesTestCase
{
  public:
    BuildFilesExistTestCase();

  private:
    void DoRun() override;
};

BuildFilesExistTestCase::BuildFilesExistTestCase()
    : BuildFilesTestCase("every listed file exists")
{
}

void
BuildFilesExistTestCase::DoRun()
{
    if (!ReadBuildFiles())
    {
        return;
    }
    // path -> the lists naming it, so a missing file is reported once
    std::map<std::string, std::vector<std::string>> listedIn;
    for (const auto& [cmake, waf] : ListPairs())
    {
        const bool examples = cmake.where.find("EXAMPLE") != std::string::npos;
        for (const auto* list : {&cmake, &waf})
        {
            for (const auto& f : list->files)
            {
                const std::string rel = examples ? "examples/" + f + ".cc" : f;
                listedIn[rel].push_back(list->where);
            }
        }
    }
    for (const auto& [rel, lists] : listedIn)
    {
        std::ostringstream where;
        for (std::size_t i = 0; i < lists.size(); ++i)
        {
            where << (i == 0 ? "" : " and ") << lists[i];
        }
        NS_TEST_EXPECT_MSG_EQ(std::filesystem::exists(m_root / rel),
                              true,
                              rel << " is listed in " << where.str() << " but does not exist");
    }
}

/**
 * \ingroup pmipv6-tests
 * \brief Every .cc/.h file in model/ and helper/, every test/ *-test-suite.cc and every
 * examples/ *.cc is listed (a file that is not listed is silently not built).
 */
class BuildFilesCompleteTestCase : public BuildFilesTestCase
{
  public:
    BuildFilesCompleteTestCase();

  private:
    void DoRun() override;
};

BuildFilesCompleteTestCase::BuildFilesCompleteTestCase()
    : BuildFilesTestCase("every source file in model, helper, test and examples is listed")
{
}

void
BuildFilesCompleteTestCase::DoRun()
{
    if (!ReadBuildFiles())
    {
        return;
    }
    std::set<std::string> listed;
    for (const auto& [cmake, waf] : ListPairs())
    {
        const bool examples = cmake.where.find("EXAMPLE") != std::string::npos;
        for (const auto& f : cmake.files)
        {
            listed.insert(examples ? "examples/" + f + ".cc" : f);
        }
    }
    auto endsWith = [](const std::string& s, const std::string& suffix) {
        return s.size() >= suffix.size() &&
               s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    for (const std::string dir : {"model", "helper", "test", "examples"})
    {
        if (!std::filesystem::is_directory(m_root / dir))
        {
            continue;
        }
        for (const auto& entry : std::filesystem::directory_iterator(m_root / dir))
        {
            const std::string name = entry.path().filename().string();
            const bool wanted = dir == "test" ? endsWith(name, "-test-suite.cc")
                                : dir == "examples"
                                    ? endsWith(name, ".cc")
                                    : (endsWith(name, ".cc") || endsWith(name, ".h"));
            if (!wanted || !entry.is_regular_file())
            {
                continue;
            }
            const std::string rel = dir + "/" + name;
            NS_TEST_EXPECT_MSG_EQ(listed.count(rel),
                                  1,
                                  rel << " exists but is not listed in CMakeLists.txt and "
                                         "wscript, so it is not built");
        }
    }
}

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief The pmipv6-build-files test suite.
 */
class BuildFilesTestSuite : public TestSuite
{
  public:
    BuildFilesTestSuite();
};

BuildFilesTestSuite::BuildFilesTestSuite()
    : TestSuite("pmipv6-build-files", TestSuite::UNIT)
{
    AddTestCase(new BuildFilesAgreeTestCase, TestCase::QUICK);
    AddTestCase(new BuildFilesExistTestCase, TestCase::QUICK);
    AddTestCase(new BuildFilesCompleteTestCase, TestCase::QUICK);
}

/// Static instance that registers the suite.
static BuildFilesTestSuite g_pmipv6BuildFilesTestSuite;
