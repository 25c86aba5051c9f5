// What `briefing build` redoes, decided by the manifest: tested with a
// stand-in renderer (tests/data/build-fake-renderer.sh), so that these tests
// check the decisions, not the drawing, and stay fast.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "regenerate/build_file.h"
#include "regenerate/builder.h"
#include "regenerate/manifest.h"
#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;
using testing::make_temp_dir;
using testing::read_file;
using testing::repo_path;
using testing::write_file;

// The shared one-item dataset; `comment` steers the fake renderer (FAIL, WAIT-FOR=...).
std::string small_dataset(const std::string& date, const std::string& comment = "") {
  return "# " + comment + "\n" + testing::one_item_dataset(date);
}

/// A temp project: two datasets, a layout file, a build file with four outputs.
class BuildManifest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir();
    fs::create_directories(dir_ + "/data");
    fs::create_directories(dir_ + "/layouts");
    write_file(dir_ + "/data/a.toml", small_dataset("2020"));
    write_file(dir_ + "/data/b.toml", small_dataset("2021"));
    write_file(dir_ + "/layouts/wide.toml", "# a layout file\n");
    write_build_file("");
    setenv("FAKE_RENDER_LOG", (dir_ + "/render.log").c_str(), 1);
  }
  void TearDown() override {
    unsetenv("BRIEFING_FONTS_DIR");
    unsetenv("BRIEFING_LAYOUTS_DIR");
  }

  void write_build_file(const std::string& extra_for_b_svg) {
    write_file(
        dir_ + "/briefing.toml",
        "[[output]]\npath = \"output/a.pdf\"\nkind = \"report\"\ndata = \"data/a.toml\"\n\n"
        "[[output]]\npath = \"output/a.png\"\nkind = \"timeline\"\ndata = \"data/a.toml\"\n"
        "layout = \"layouts/wide.toml\"\n\n"
        "[[output]]\npath = \"output/b.png\"\nkind = \"timeline\"\ndata = \"data/b.toml\"\n\n"
        "[[output]]\npath = \"output/b.svg\"\nkind = \"timeline\"\ndata = \"data/b.toml\"\n" +
            extra_for_b_svg);
  }

  /// Runs one build; returns the outputs rendered (from the fake's log), sorted.
  std::vector<std::string> build(bool force = false) {
    fs::remove(dir_ + "/render.log");
    const BuildFileLoad load = load_build_file(dir_ + "/briefing.toml");
    EXPECT_TRUE(load.ok()) << load.report();
    BuildOptions options;
    options.force = force;
    options.jobs = 2;
    options.renderer_command = {"/bin/sh", renderer_};
    std::ostringstream out, err;
    summary_ = run_build(*load.build, options, out, err);
    out_ = out.str();
    err_ = err.str();
    std::vector<std::string> rendered;
    if (fs::exists(dir_ + "/render.log")) {
      std::istringstream log(read_file(dir_ + "/render.log"));
      for (std::string line; std::getline(log, line);)
        rendered.push_back(fs::path(line).filename().string());
    }
    std::sort(rendered.begin(), rendered.end());
    return rendered;
  }

  using Names = std::vector<std::string>;
  std::string dir_;
  std::string renderer_ = fs::temp_directory_path().string();
  BuildSummary summary_;
  std::string out_, err_;

 public:
  BuildManifest() {
    // A private copy of the fake renderer: tests edit it to play a new binary.
    renderer_ = make_temp_dir() + "/renderer.sh";
    fs::copy_file(repo_path("tests/data/build-fake-renderer.sh"), renderer_);
  }
};

TEST_F(BuildManifest, FirstBuildRendersAllAndSecondNothing) {
  EXPECT_EQ(build(), (Names{"a.pdf", "a.png", "b.png", "b.svg"}));
  EXPECT_EQ(summary_.rendered, 4u);
  EXPECT_NE(out_.find("rendered " + dir_ + "/output/a.pdf  "), std::string::npos) << out_;
  EXPECT_TRUE(fs::exists(dir_ + "/output/.briefing-manifest.json"));

  EXPECT_EQ(build(), Names{});
  EXPECT_EQ(summary_.up_to_date, 4u);
  EXPECT_NE(out_.find("up to date " + dir_ + "/output/b.svg\n"), std::string::npos) << out_;
  EXPECT_NE(out_.find("4 outputs: 0 rendered, 4 up to date"), std::string::npos) << out_;
}

TEST_F(BuildManifest, DataEditRendersOnlyTheOutputsThatReadIt) {
  build();
  write_file(dir_ + "/data/b.toml", small_dataset("2022"));
  EXPECT_EQ(build(), (Names{"b.png", "b.svg"}));
  EXPECT_EQ(summary_.up_to_date, 2u);
}

TEST_F(BuildManifest, LayoutEditRendersOnlyTheOutputThatUsesIt) {
  build();
  write_file(dir_ + "/layouts/wide.toml", "# a layout file, edited\n");
  EXPECT_EQ(build(), Names{"a.png"});
}

TEST_F(BuildManifest, OptionChangeRendersOnlyThatOutput) {
  build();
  write_build_file("theme = \"dark\"\n");
  EXPECT_EQ(build(), Names{"b.svg"});
  const std::string svg = read_file(dir_ + "/output/b.svg");
  EXPECT_NE(svg.find("--theme dark"), std::string::npos) << svg;
}

TEST_F(BuildManifest, FontChangeRendersEverything) {
  const std::string fonts = make_temp_dir();
  fs::copy_file(repo_path("fonts/NotoSans-Regular.ttf"), fonts + "/NotoSans-Regular.ttf");
  setenv("BRIEFING_FONTS_DIR", fonts.c_str(), 1);
  build();
  EXPECT_EQ(build(), Names{});
  fs::copy_file(repo_path("fonts/NotoSans-Bold.ttf"), fonts + "/NotoSans-Bold.ttf");
  EXPECT_EQ(build(), (Names{"a.pdf", "a.png", "b.png", "b.svg"}));
}

// SOURCE_DATE_EPOCH replaces the creation date inside every PDF.
TEST_F(BuildManifest, SourceDateEpochChangeRendersEverything) {
  build();
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  const Names rendered = build();
  EXPECT_EQ(build(), Names{});
  unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(rendered, (Names{"a.pdf", "a.png", "b.png", "b.svg"}));
}

TEST_F(BuildManifest, NewRendererProgramRendersEverything) {
  build();
  write_file(renderer_, read_file(renderer_) + "# rebuilt\n");
  EXPECT_EQ(build(), (Names{"a.pdf", "a.png", "b.png", "b.svg"}));
}

TEST_F(BuildManifest, MissingOrReplacedOutputIsRenderedAgain) {
  build();
  fs::remove(dir_ + "/output/a.png");
  write_file(dir_ + "/output/b.svg", "edited by hand");
  EXPECT_EQ(build(), (Names{"a.png", "b.svg"}));
}

TEST_F(BuildManifest, ReportFigurePresetIsAnInputOfReportsOnly) {
  // A private layouts folder: the report's layout names its figure preset.
  const std::string layouts = make_temp_dir();
  for (const char* name : {"briefing-a4", "slide-16x9"})
    fs::copy_file(repo_path(std::string("layouts/") + name + ".toml"),
                  layouts + "/" + name + ".toml");
  write_file(layouts + "/report-figure.toml", read_file(repo_path("layouts/report-figure.toml")));
  setenv("BRIEFING_LAYOUTS_DIR", layouts.c_str(), 1);
  build();
  write_file(layouts + "/report-figure.toml",
             read_file(layouts + "/report-figure.toml") + "\n# edited\n");
  EXPECT_EQ(build(), Names{"a.pdf"});
  write_file(layouts + "/slide-16x9.toml",
             read_file(layouts + "/slide-16x9.toml") + "\n# edited\n");
  EXPECT_EQ(build(), (Names{"b.png", "b.svg"}));
  unsetenv("BRIEFING_LAYOUTS_DIR");
}

TEST_F(BuildManifest, ForceRendersEverything) {
  build();
  EXPECT_EQ(build(/*force=*/true), (Names{"a.pdf", "a.png", "b.png", "b.svg"}));
}

TEST_F(BuildManifest, CorruptManifestMeansRenderEverything) {
  build();
  write_file(dir_ + "/output/.briefing-manifest.json",
             "{\"format\": \"briefing-manifest-1\", \"out");
  EXPECT_EQ(build(), (Names{"a.pdf", "a.png", "b.png", "b.svg"}));
  EXPECT_EQ(build(), Names{});
}

TEST_F(BuildManifest, FailedRenderKeepsOldFileOthersGoOnAndItIsRetried) {
  build();
  const std::string old_a_png = read_file(dir_ + "/output/a.png");
  // The fake fails on "FAIL"; the dataset itself stays valid (it is a comment).
  write_file(dir_ + "/data/a.toml", small_dataset("2020", "FAIL"));
  write_file(dir_ + "/data/b.toml", small_dataset("2023"));
  EXPECT_EQ(build(), (Names{"a.pdf", "a.png", "b.png", "b.svg"}));
  EXPECT_EQ(summary_.failed, 2u);
  EXPECT_EQ(summary_.rendered, 2u);
  EXPECT_FALSE(summary_.ok());
  EXPECT_EQ(read_file(dir_ + "/output/a.png"), old_a_png);
  EXPECT_NE(err_.find("failed " + dir_ + "/output/a.png (exit status 1)"), std::string::npos)
      << err_;
  EXPECT_NE(err_.find("error: the fake renderer was told to fail"), std::string::npos) << err_;
  // Both outputs of a.toml fail alike: the messages are printed once.
  EXPECT_NE(err_.find("(the same messages as for " + dir_ + "/output/a.p"), std::string::npos)
      << err_;
  // Failed outputs are not recorded as done: the next build tries them again.
  EXPECT_EQ(build(), (Names{"a.pdf", "a.png"}));
}

TEST_F(BuildManifest, InvalidDatasetIsReportedOnceAndNothingReadsIt) {
  build();
  const std::string old_b_png = read_file(dir_ + "/output/b.png");
  const std::string broken = small_dataset("2024-13");
  write_file(dir_ + "/data/b.toml", broken);
  const auto line = 1 + std::count(broken.begin(), broken.begin() + broken.find("2024-13"), '\n');
  EXPECT_EQ(build(), Names{});
  EXPECT_EQ(summary_.failed, 2u);
  EXPECT_EQ(summary_.up_to_date, 2u);
  EXPECT_EQ(read_file(dir_ + "/output/b.png"), old_b_png);
  const std::string located =
      dir_ + "/data/b.toml:" + std::to_string(line) + ":8: error: month 13 is out of range";
  const size_t first = err_.find(located);
  ASSERT_NE(first, std::string::npos) << err_;
  EXPECT_EQ(err_.find(located, first + 1), std::string::npos) << "printed once:\n" << err_;
  // Fixed: rendered again.
  write_file(dir_ + "/data/b.toml", small_dataset("2024-12"));
  EXPECT_EQ(build(), (Names{"b.png", "b.svg"}));
  EXPECT_TRUE(summary_.ok());
}

TEST_F(BuildManifest, OutputsRenderInParallel) {
  // Each of the two renders waits for the other to have started.
  write_file(dir_ + "/data/a.toml",
             small_dataset("2020", "WAIT-FOR=" + dir_ + "/output/b.png.started"));
  write_file(dir_ + "/data/b.toml",
             small_dataset("2021", "WAIT-FOR=" + dir_ + "/output/a.png.started"));
  write_file(dir_ + "/briefing.toml",
             "[[output]]\npath = \"output/a.png\"\nkind = \"timeline\"\ndata = \"data/a.toml\"\n"
             "[[output]]\npath = \"output/b.png\"\nkind = \"timeline\"\ndata = \"data/b.toml\"\n");
  EXPECT_EQ(build(), (Names{"a.png", "b.png"}));
  EXPECT_NE(read_file(dir_ + "/output/a.png").find("partner: running"), std::string::npos);
  EXPECT_NE(read_file(dir_ + "/output/b.png").find("partner: running"), std::string::npos);
}

TEST(ManifestJson, RoundTrips) {
  Manifest manifest;
  manifest.outputs["output/a \"quoted\".pdf"] = {"abc123", 42, 1700000000123456789};
  manifest.outputs["output/b.png"] = {"def456", 7, 5};
  Manifest back;
  ASSERT_TRUE(manifest_from_json(manifest_to_json(manifest), back));
  ASSERT_EQ(back.outputs.size(), 2u);
  EXPECT_EQ(back.outputs["output/a \"quoted\".pdf"].fingerprint, "abc123");
  EXPECT_EQ(back.outputs["output/a \"quoted\".pdf"].mtime_ns, 1700000000123456789);
  EXPECT_EQ(back.outputs["output/b.png"].size, 7);
  EXPECT_FALSE(manifest_from_json("{\"format\": \"other\", \"outputs\": {}}", back));
  EXPECT_FALSE(manifest_from_json("not json", back));
}

}  // namespace
}  // namespace briefing
