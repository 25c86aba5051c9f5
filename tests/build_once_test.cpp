// One layout for all the formats of a chart (issue #12, W4): `briefing build`
// gives the PNG, SVG and PDF of the same timeline to one render process
// (`briefing timeline DATA -o A.png -o A.svg -o A.pdf`), which lays the chart
// out once and paints it three times. The files must be the very bytes that
// separate `briefing timeline` and `briefing report` commands write.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_briefing;

const std::string kFactSheet = "data/ai-safety-japan-2024.toml";

size_t count_of(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

TEST(BuildOnce, SeveralOutputsOfOneTimelineAreTheBytesOfSeparateRuns) {
  const std::string dir = testing::make_temp_dir();
  const std::string data = testing::repo_path(kFactSheet);
  const auto together =
      run_briefing({"timeline", data, "--layout", "slide-16x9", "-o", dir + "/all.png", "-o",
                    dir + "/all.svg", "-o", dir + "/all.pdf"});
  ASSERT_EQ(together.exit_code, 0) << together.err;
  for (const std::string extension : {"png", "svg", "pdf"}) {
    const std::string alone = dir + "/alone." + extension;
    const auto r = run_briefing({"timeline", data, "--layout", "slide-16x9", "-o", alone});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string bytes = read_file(dir + "/all." + extension);
    EXPECT_GT(bytes.size(), 1000u) << extension;
    EXPECT_TRUE(bytes == read_file(alone)) << extension << " differs from a run of its own";
  }
}

TEST(BuildOnce, SeveralOutputsRefuseAmbiguousRequests) {
  const std::string dir = testing::make_temp_dir();
  const std::string data = testing::repo_path(kFactSheet);
  auto r = run_briefing({"timeline", data, "-o", dir + "/a.png", "-o", dir + "/a.png"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("given twice"), std::string::npos) << r.err;
  r = run_briefing(
      {"timeline", data, "-o", dir + "/a.png", "-o", dir + "/b.svg", "--format", "pdf"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--format"), std::string::npos) << r.err;
  r = run_briefing({"timeline", data, "-o", "-", "-o", dir + "/b.svg", "--layout-dump", "-"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(dir + "/a.png") || fs::exists(dir + "/b.svg"));
}

TEST(BuildOnce, DefaultBuildLaysEachChartOutOnceWithTheBytesOfSeparateCommands) {
  const std::string dir = testing::make_temp_dir();
  fs::copy(testing::repo_path("briefing.toml"), dir + "/briefing.toml");
  fs::copy(testing::repo_path("data"), dir + "/data", fs::copy_options::recursive);
  const auto build = run_briefing({"build", dir + "/briefing.toml", "--verbose", "--jobs", "1"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  // Four render jobs for six outputs: the slide's PNG, SVG and PDF share one.
  EXPECT_EQ(count_of("\n" + build.out, "\n$ "), 4u) << build.out;
  // More renders than --jobs: one warm worker renders them in turn.
  EXPECT_NE(build.out.find("(4 renders on 1 warm render process)"), std::string::npos) << build.out;
  const std::string out = dir + "/output/";
  EXPECT_NE(
      build.out.find(" timeline " + dir + "/" + kFactSheet + " -o " + out + "timeline.png -o " +
                     out + "timeline.svg -o " + out + "timeline.pdf --layout slide-16x9"),
      std::string::npos)
      << build.out;
  EXPECT_EQ(count_of(build.out, "rendered " + out), 6u) << build.out;

  // The same outputs, each by a command of its own.
  const std::string data = dir + "/" + kFactSheet;
  const std::string alone = testing::make_temp_dir() + "/";
  const std::vector<std::vector<std::string>> commands = {
      {"report", data, "--layout", "briefing-a4", "-o", alone + "briefing.pdf"},
      {"report", data, "--layout", "briefing-letter", "-o", alone + "briefing-letter.pdf"},
      {"timeline", data, "--layout", "slide-16x9", "-o", alone + "timeline.png"},
      {"timeline", data, "--layout", "slide-16x9", "-o", alone + "timeline.svg"},
      {"timeline", data, "--layout", "slide-16x9", "-o", alone + "timeline.pdf"},
      {"timeline", data, "--layout", "slide-16x9", "--highlights", "-o", alone + "highlights.png"},
  };
  for (const auto& command : commands) {
    const auto r = run_briefing(command);
    ASSERT_EQ(r.exit_code, 0) << command.back() << ": " << r.err;
    const std::string name = fs::path(command.back()).filename().string();
    EXPECT_TRUE(read_file(out + name) == read_file(command.back()))
        << name << ": the build's file differs from `briefing " << command.front() << "`'s";
  }
}

}  // namespace
}  // namespace briefing
