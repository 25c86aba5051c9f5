// What "Changes since" compares with (issue #14.5): a file, the baseline
// `briefing baseline` records, or the previous render, and the page says which.
#include <gtest/gtest.h>

#include <filesystem>

#include "regenerate/build_file.h"
#include "regenerate/history.h"
#include "test_support.h"

namespace briefing {
namespace {

using testing::read_file;
using testing::run_program;
using testing::write_file;

std::string pdf_text(const std::string& pdf) {
  const auto r = run_program({"/usr/bin/pdftotext", pdf, "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // Lines joined, hyphenation at their ends undone: a sentence is one string.
  std::string text;
  for (size_t i = 0; i < r.out.size(); ++i) {
    if (r.out[i] == '-' && i + 1 < r.out.size() && r.out[i + 1] == '\n') {
      ++i;
    } else {
      text += r.out[i] == '\n' ? ' ' : r.out[i];
    }
  }
  return text;
}

// 2025-12-01T00:00:00Z: the baseline's recorded time, fixed for the test.
const char* kEpoch = "SOURCE_DATE_EPOCH=1764547200";

class Baseline : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::make_temp_dir();
    std::filesystem::create_directories(dir_ + "/data");
    write_file(dir_ + "/data/b.toml", testing::one_item_dataset("2022"));
  }
  void build_file(const std::string& compare) {
    write_file(dir_ + "/briefing.toml",
               "[[output]]\npath = \"output/r.pdf\"\nkind = \"report\"\ndata = \"data/b.toml\"\n" +
                   compare + "\n");
  }
  testing::CommandResult briefing(const std::vector<std::string>& args) {
    std::vector<std::string> argv{"/usr/bin/env", kEpoch, BRIEFING_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(argv);
  }
  std::string dir_;
};

TEST_F(Baseline, ChangesSinceTheRecordedBaselineSurviveSeveralSaves) {
  build_file("compare_with = \"baseline\"");
  ASSERT_EQ(briefing({"build", dir_ + "/briefing.toml"}).exit_code, 0);
  EXPECT_EQ(pdf_text(dir_ + "/output/r.pdf").find("Changes since"), std::string::npos)
      << "no baseline yet: no change page";

  const auto recorded = briefing({"baseline", dir_ + "/briefing.toml"});
  ASSERT_EQ(recorded.exit_code, 0) << recorded.err;
  EXPECT_EQ(recorded.out, "data/b.toml: baseline recorded 2025-12-01T00:00:00Z\n");
  EXPECT_EQ(read_file(dir_ + "/output/.briefing-baseline/data_b.toml"),
            testing::one_item_dataset("2022"));

  // Two saves after publication: the page shows both against the baseline.
  write_file(dir_ + "/data/b.toml", testing::one_item_dataset("2023-07"));
  ASSERT_EQ(briefing({"build", dir_ + "/briefing.toml"}).exit_code, 0);
  write_file(dir_ + "/data/b.toml", testing::one_item_dataset("2023-08"));
  const auto built = briefing({"build", dir_ + "/briefing.toml"});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  const std::string text = pdf_text(dir_ + "/output/r.pdf");
  EXPECT_NE(text.find("Compared with the baseline recorded on 1 December 2025 (the version "
                      "published 2024)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("2022"), std::string::npos) << text;
  EXPECT_NE(text.find("August 2023"), std::string::npos) << text;
  EXPECT_EQ(text.find("July 2023"), std::string::npos) << "an intermediate save:\n" << text;
}

TEST_F(Baseline, ThePreviousRenderAndAFileAreNamed) {
  build_file("compare_with = \"previous\"");
  ASSERT_EQ(briefing({"build", dir_ + "/briefing.toml"}).exit_code, 0);
  write_file(dir_ + "/data/b.toml", testing::one_item_dataset("2023-07"));
  ASSERT_EQ(briefing({"build", dir_ + "/briefing.toml"}).exit_code, 0);
  EXPECT_NE(pdf_text(dir_ + "/output/r.pdf").find("Compared with the previous render (the version"),
            std::string::npos);

  write_file(dir_ + "/old.toml", testing::one_item_dataset("2021"));
  const auto r = briefing({"report", dir_ + "/data/b.toml", "-o", dir_ + "/f.pdf", "--compare-with",
                           dir_ + "/old.toml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(pdf_text(dir_ + "/f.pdf").find("/old.toml (the version published 2024)"),
            std::string::npos);
}

TEST_F(Baseline, TheBuildFileKeyTakesAFileABaselineOrThePreviousRender) {
  const auto load = [&](const std::string& compare) {
    return load_build_text(
        "[[output]]\npath = \"output/r.pdf\"\nkind = \"report\"\n"
        "data = \"data/b.toml\"\n" +
            compare + "\n",
        dir_ + "/briefing.toml");
  };
  const BuildFileLoad file = load("compare_with = \"data/old.toml\"");
  ASSERT_TRUE(file.ok()) << file.report();
  EXPECT_EQ(file.build->outputs[0].compare_with, "data/old.toml");
  const BuildFileLoad previous = load("compare_with = \"previous\"");
  ASSERT_TRUE(previous.ok()) << previous.report();
  EXPECT_TRUE(previous.build->outputs[0].compare_with_previous);
  EXPECT_TRUE(previous.build->outputs[0].compare_with.empty());
  const BuildFileLoad both = load("compare_with = \"previous\"\ncompare_with_previous = true");
  EXPECT_FALSE(both.ok());

  EXPECT_TRUE(load("compare_with = \"baseline\"").build->outputs[0].compare_with.empty());
  const BaselineRecord record = record_baseline(*load("compare_with = \"baseline\"").build);
  ASSERT_EQ(record.error, "");
  const OutputSpec output = load("compare_with = \"baseline\"").build->outputs[0];
  EXPECT_EQ(output.compare_with, "output/.briefing-baseline/data_b.toml");
  EXPECT_EQ(output.compare_name.rfind("the baseline recorded on ", 0), 0u) << output.compare_name;
  const std::vector<std::string> args = render_arguments(output);
  EXPECT_NE(std::find(args.begin(), args.end(), "--compare-name"), args.end());
}

TEST_F(Baseline, ADatasetWithErrorsIsNotRecorded) {
  build_file("compare_with = \"baseline\"");
  write_file(dir_ + "/data/b.toml", testing::one_item_dataset("2024-13"));
  const auto r = briefing({"baseline", dir_ + "/briefing.toml"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no baseline recorded"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/output/.briefing-baseline/recorded-at"));
}

}  // namespace
}  // namespace briefing
