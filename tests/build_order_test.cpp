// The order in which a watch starts its renders (BuildOptions::quickest_first):
// the job that was quickest last time first, so that a new file is on disk
// soonest, then the others longest first, so that the last one ends soonest.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "regenerate/build_file.h"
#include "regenerate/builder.h"
#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(fs::path(line).stem().string());
  return lines;
}

TEST(BuildOrder, QuickestFirstThenLongestFirst) {
  const std::string dir = testing::make_temp_dir();
  fs::create_directories(dir + "/data");
  // The stand-in renderer takes SLEEP seconds for each dataset.
  const std::vector<std::pair<std::string, std::string>> renders = {
      {"medium", "0.3"}, {"quick", "0.02"}, {"long", "0.9"}, {"longer", "1.3"}};
  std::string build_file;
  for (const auto& [name, seconds] : renders) {
    testing::write_file(dir + "/data/" + name + ".toml",
                        "# SLEEP=" + seconds + "\n" + testing::one_item_dataset("2000"));
    build_file += "[[output]]\npath = \"output/" + name +
                  ".svg\"\nkind = \"timeline\"\ndata = \"data/" + name + ".toml\"\n\n";
  }
  testing::write_file(dir + "/briefing.toml", build_file);
  setenv("FAKE_RENDER_LOG", (dir + "/render.log").c_str(), 1);
  const BuildFileLoad load = load_build_file(dir + "/briefing.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  BuildOptions options;
  options.force = true;
  options.jobs = 1;  // one at a time: the log shows the order
  options.quickest_first = true;
  options.renderer_command = {"/bin/sh", testing::repo_path("tests/data/build-fake-renderer.sh")};
  std::ostringstream out, err;
  // First build: nothing known yet, so the build file's order.
  ASSERT_TRUE(run_build(*load.build, options, out, err).ok()) << err.str();
  EXPECT_EQ(lines_of(testing::read_file(dir + "/render.log")),
            (std::vector<std::string>{"medium", "quick", "long", "longer"}));
  fs::remove(dir + "/render.log");
  ASSERT_TRUE(run_build(*load.build, options, out, err).ok()) << err.str();
  EXPECT_EQ(lines_of(testing::read_file(dir + "/render.log")),
            (std::vector<std::string>{"quick", "longer", "long", "medium"}));
  unsetenv("FAKE_RENDER_LOG");
}

TEST(BuildOrder, BeforeAnyTimeIsKnownReportsCountAsLongerThanTimelines) {
  const std::string dir = testing::make_temp_dir();
  fs::create_directories(dir + "/data");
  for (const std::string name : {"a", "b", "c"}) {
    testing::write_file(dir + "/data/" + name + ".toml", testing::one_item_dataset("2000"));
  }
  auto output = [](const std::string& path, const std::string& kind, const std::string& data) {
    return "[[output]]\npath = \"output/" + path + "\"\nkind = \"" + kind + "\"\ndata = \"data/" +
           data + ".toml\"\n\n";
  };
  // x.png and x.svg: one chart, one job.
  testing::write_file(dir + "/briefing.toml",
                      output("r.pdf", "report", "a") + output("x.png", "timeline", "b") +
                          output("x.svg", "timeline", "b") + output("y.png", "timeline", "c"));
  setenv("FAKE_RENDER_LOG", (dir + "/render.log").c_str(), 1);
  const BuildFileLoad load = load_build_file(dir + "/briefing.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  BuildOptions options;
  options.jobs = 1;
  options.quickest_first = true;
  options.renderer_command = {"/bin/sh", testing::repo_path("tests/data/build-fake-renderer.sh")};
  std::ostringstream out, err;
  ASSERT_TRUE(run_build(*load.build, options, out, err).ok()) << err.str();
  // The single timeline first, then the longest: the report, then the chart of two files.
  EXPECT_EQ(lines_of(testing::read_file(dir + "/render.log")),
            (std::vector<std::string>{"y", "r", "x", "x"}));
  unsetenv("FAKE_RENDER_LOG");
}

}  // namespace
}  // namespace briefing
