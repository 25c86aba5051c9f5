// The build file loader: paths, defaults, render arguments and located errors.
#include <gtest/gtest.h>

#include <filesystem>

#include "regenerate/build_file.h"
#include "test_support.h"

namespace briefing {
namespace {

using testing::repo_path;
using testing::run_briefing;

TEST(BuildFile, ReadsOutputsWithDefaultsAndOptions) {
  const BuildFileLoad load = load_build_text(
      "[[output]]\npath = \"out/t.png\"\nkind = \"timeline\"\ndata = \"d.toml\"\n"
      "only = [\"kind:law\"]\nfrom = \"2019\"\nto = \"2024-06\"\ntheme = \"dark\"\nscale = 2\n"
      "transparent = true\nallow_omissions = true\ncompare_with = \"old.toml\"\n"
      "[[output]]\npath = \"out/r.pdf\"\nkind = \"report\"\ndata = \"d.toml\"\n",
      "project/briefing.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  const BuildFile& build = *load.build;
  EXPECT_EQ(build.manifest_path, "project/output/.briefing-manifest.json");
  ASSERT_EQ(build.outputs.size(), 2u);
  const OutputSpec& timeline = build.outputs[0];
  EXPECT_EQ(timeline.output_file(), "project/out/t.png");
  EXPECT_EQ(render_arguments(timeline),
            (std::vector<std::string>{"timeline", "project/d.toml", "-o", "project/out/t.png",
                                      "--layout", "slide-16x9", "--from", "2019", "--to",
                                      "2024-06", "--only", "kind:law", "--theme", "dark",
                                      "--scale", "2", "--transparent", "--allow-omissions",
                                      "--compare-with", "project/old.toml"}));
  // Fingerprints use the paths as written, whatever the current directory.
  EXPECT_EQ(render_arguments(timeline, PathBase::build_file)[1], "d.toml");
  EXPECT_EQ(render_arguments(build.outputs[1]),
            (std::vector<std::string>{"report", "project/d.toml", "-o", "project/out/r.pdf",
                                      "--layout", "briefing-a4"}));
}

TEST(BuildFile, LayoutFilePathsAreRelativeToTheBuildFile) {
  const BuildFileLoad load = load_build_text(
      "[[output]]\npath = \"t.svg\"\nkind = \"timeline\"\ndata = \"d.toml\"\n"
      "layout = \"my/wide.toml\"\n",
      "p/briefing.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  const auto args = render_arguments(load.build->outputs[0]);
  EXPECT_EQ(args[5], "p/my/wide.toml");
  EXPECT_EQ(input_files(load.build->outputs[0])[1], "p/my/wide.toml");
}

TEST(BuildFile, EveryProblemIsLocated) {
  const BuildFileLoad load = load_build_text(
      "[[output]]\n"                                   // 1
      "path = \"a.png\"\n"                             // 2
      "kind = \"timelime\"\n"                          // 3
      "data = \"d.toml\"\n"                            // 4
      "themes = \"dark\"\n"                            // 5
      "[[output]]\n"                                   // 6
      "path = \"r.png\"\n"                             // 7
      "kind = \"report\"\n"                            // 8
      "data = \"d.toml\"\n"                            // 9
      "highlights = true\n"                            // 10
      "[[output]]\n"                                   // 11
      "path = \"a.png\"\n"                             // 12
      "kind = \"timeline\"\n"                          // 13
      "data = \"d.toml\"\n"                            // 14
      "from = \"2024-13\"\n"                           // 15
      "theme = \"drak\"\n"                             // 16
      "[[output]]\n"                                   // 17
      "path = \"x.gif\"\n"                             // 18
      "kind = \"timeline\"\n",                         // 19
      "b.toml");
  EXPECT_FALSE(load.ok());
  const std::string report = load.report();
  for (const char* expected : {
           "b.toml:3:8: error: unknown output kind 'timelime'",
           "b.toml:5:1: error: unknown key 'themes' in [[output]]",
           "did you mean 'theme'?",
           "b.toml:7:8: error: a report is a PDF",
           "b.toml:10:1: error: 'highlights' applies only to timelines",
           "b.toml:11:1: error: output 'a.png' is listed twice",
           "b.toml:15:8: error: month 13 is out of range",
           "b.toml:16:9: error: unknown theme 'drak'",
           "did you mean 'dark'?",
           "b.toml:18:8: error: cannot tell the format of 'x.gif'",
           "b.toml:17:1: error: ",  // data is missing
       }) {
    EXPECT_NE(report.find(expected), std::string::npos) << expected << "\n" << report;
  }
}

TEST(BuildFile, TomlSyntaxErrorIsLocated) {
  const BuildFileLoad load = load_build_text("[[output]]\npath = \n", "b.toml");
  EXPECT_FALSE(load.ok());
  EXPECT_NE(load.report().find("b.toml:2:"), std::string::npos) << load.report();
}

TEST(BuildCommand, BadBuildFileExitsOneWithLocatedErrorsAndRendersNothing) {
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/briefing.toml",
                      "[[output]]\npath = \"out.png\"\nkind = \"timeline\"\n"
                      "data = \"d.toml\"\nlayuot = \"slide-4x3\"\n");
  const auto result = run_briefing({"build", dir + "/briefing.toml"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find(dir + "/briefing.toml:5:1: error: unknown key 'layuot'"),
            std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.png"));
}

TEST(BuildCommand, MissingBuildFileAndBadOptions) {
  EXPECT_EQ(run_briefing({"build", "/nonexistent/briefing.toml"}).exit_code, 1);
  EXPECT_EQ(run_briefing({"build", "--jobs", "0"}).exit_code, 2);
  EXPECT_EQ(run_briefing({"build", "--frobnicate"}).exit_code, 2);
}

}  // namespace
}  // namespace briefing
