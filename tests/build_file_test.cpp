// The build file loader: paths, defaults, render arguments and located errors.
#include "regenerate/build_file.h"

#include <gtest/gtest.h>

#include <filesystem>

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
  EXPECT_EQ(render_arguments(timeline), (std::vector<std::string>{"timeline",
                                                                  "project/d.toml",
                                                                  "-o",
                                                                  "project/out/t.png",
                                                                  "--layout",
                                                                  "slide-16x9",
                                                                  "--from",
                                                                  "2019",
                                                                  "--to",
                                                                  "2024-06",
                                                                  "--only",
                                                                  "kind:law",
                                                                  "--theme",
                                                                  "dark",
                                                                  "--scale",
                                                                  "2",
                                                                  "--transparent",
                                                                  "--allow-omissions",
                                                                  "--compare-with",
                                                                  "project/old.toml"}));
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
      "[[output]]\n"            // 1
      "path = \"a.png\"\n"      // 2
      "kind = \"timelime\"\n"   // 3
      "data = \"d.toml\"\n"     // 4
      "themes = \"dark\"\n"     // 5
      "[[output]]\n"            // 6
      "path = \"r.png\"\n"      // 7
      "kind = \"report\"\n"     // 8
      "data = \"d.toml\"\n"     // 9
      "highlights = true\n"     // 10
      "[[output]]\n"            // 11
      "path = \"a.png\"\n"      // 12
      "kind = \"timeline\"\n"   // 13
      "data = \"d.toml\"\n"     // 14
      "from = \"2024-13\"\n"    // 15
      "theme = \"drak\"\n"      // 16
      "[[output]]\n"            // 17
      "path = \"x.gif\"\n"      // 18
      "kind = \"timeline\"\n",  // 19
      "b.toml");
  EXPECT_FALSE(load.ok());
  const Diagnostics& d = load.diagnostics;
  EXPECT_EQ(d.error_count(), 9u) << load.report();
  EXPECT_TRUE(testing::has_error(d, 3, 8, "unknown output kind 'timelime'",
                                 "kind is \"report\" or \"timeline\""));
  EXPECT_TRUE(
      testing::has_error(d, 5, 1, "unknown key 'themes' in [[output]]", "did you mean 'theme'?"));
  EXPECT_TRUE(testing::has_error(d, 7, 8, "a report is a PDF, not '.png'",
                                 "name the output something.pdf"));
  EXPECT_TRUE(testing::has_error(d, 10, 1, "'highlights' applies only to timelines",
                                 "remove it, or make this output kind = \"timeline\""));
  EXPECT_TRUE(testing::has_error(d, 11, 1, "output 'a.png' is listed twice",
                                 "each output path may appear only once"));
  // Once, not "... in date \"2024-13\" in date \"2024-13\"" as before.
  EXPECT_TRUE(testing::has_error(d, 15, 8, "month 13 is out of range in date \"2024-13\"",
                                 "write YYYY, YYYY-MM or YYYY-MM-DD"));
  EXPECT_TRUE(testing::has_error(d, 16, 9, "unknown theme 'drak'", "did you mean 'dark'?"));
  EXPECT_TRUE(testing::has_error(d, 17, 1, "[[output]] is missing the required key 'data'"));
  EXPECT_TRUE(testing::has_error(d, 18, 8, "cannot tell the format of 'x.gif' from its extension",
                                 "use .pdf, .png or .svg"));
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
            std::string::npos)
      << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.png"));
}

TEST(BuildCommand, MissingBuildFileAndBadOptions) {
  EXPECT_EQ(run_briefing({"build", "/nonexistent/briefing.toml"}).exit_code, 1);
  EXPECT_EQ(run_briefing({"build", "--jobs", "0"}).exit_code, 2);
  EXPECT_EQ(run_briefing({"build", "--frobnicate"}).exit_code, 2);
}

}  // namespace
}  // namespace briefing
