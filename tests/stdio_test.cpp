// "-" for standard input and output (issue #14.3): check, timeline and
// report read the dataset from stdin, timeline and report write to stdout,
// and a failed render writes nothing there.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/command.h"
#include "test_support.h"

namespace briefing::cli {
namespace {

struct CliRun {
  int exit_code;
  std::string out, err;
};

CliRun run(const std::vector<std::string>& args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  CommandIo io{in, out, err};
  const int code = run_cli(args, io);
  return {code, out.str(), err.str()};
}

const std::string kFactSheet = testing::repo_path("data/ai-safety-japan-2024.toml");

TEST(StandardStreams, CheckReadsStandardInputAndNamesIt) {
  const CliRun ok = run({"check", "-"}, testing::read_file(kFactSheet));
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(ok.out.rfind("<stdin>: ok: 15 sections, 41 items", 0), 0u) << ok.out;

  const CliRun bad = run({"check", "-"}, testing::one_item_dataset("2024-13"));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err.rfind("<stdin>:22:8: error:", 0), 0u) << bad.err;

  EXPECT_EQ(run({"check", "-", "-"}, "").exit_code, 2);
}

TEST(StandardStreams, TimelineFromStdinToStdoutIsTheFileBytes) {
  const std::string dir = testing::make_temp_dir();
  const CliRun file = run({"timeline", kFactSheet, "-o", dir + "/t.svg"});
  ASSERT_EQ(file.exit_code, 0) << file.err;
  const CliRun piped =
      run({"timeline", "-", "-o", "-", "--format", "svg"}, testing::read_file(kFactSheet));
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.out, testing::read_file(dir + "/t.svg"));
  // --format also names the format of a file without an extension.
  ASSERT_EQ(run({"timeline", kFactSheet, "-o", dir + "/picture", "--format=png"}).exit_code, 0);
  EXPECT_EQ(testing::read_file(dir + "/picture").substr(1, 3), "PNG");
}

TEST(StandardStreams, StandardOutputNeedsAFormat) {
  const CliRun r = run({"timeline", kFactSheet, "-o", "-"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "briefing timeline: give --format png|svg|pdf to write to standard output; see "
            "`briefing timeline --help`\n");
  const CliRun wrong = run({"timeline", kFactSheet, "-o", "-", "--format", "jpg"});
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("--format is png|svg|pdf, not 'jpg'"), std::string::npos) << wrong.err;
  EXPECT_TRUE(run({"timeline", "-", "-o", "-", "--format", "svg"}, "").out.empty());
}

TEST(StandardStreams, AFailedRenderWritesNothingToStandardOutput) {
  // A layout that does not exist: the data is read, then the render fails.
  const CliRun r = run({"timeline", "-", "-o", "-", "--format", "png", "--layout", "slide-16x10"},
                       testing::read_file(kFactSheet));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty()) << r.out.size() << " bytes written";
  const CliRun bad_data = run({"report", "-", "-o", "-"}, testing::one_item_dataset("2024-13"));
  EXPECT_EQ(bad_data.exit_code, 1);
  EXPECT_TRUE(bad_data.out.empty());
  EXPECT_EQ(bad_data.err.rfind("<stdin>:22:8: error:", 0), 0u) << bad_data.err;
}

TEST(StandardStreams, ReportThroughARealPipe) {
  // The program itself, with its standard streams on a shell pipe.
  const std::string dir = testing::make_temp_dir();
  const auto r = testing::run_program(
      {"/bin/sh", "-c",
       "\"$0\" report - -o - < \"$1\" > \"$2/r.pdf\" && \"$0\" report \"$1\" -o \"$2/f.pdf\"",
       BRIEFING_BINARY, kFactSheet, dir});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("<stdout>: "), std::string::npos) << r.err;  // the summary is not in the PDF
  const std::string piped = testing::read_file(dir + "/r.pdf");
  EXPECT_EQ(piped.substr(0, 5), "%PDF-");
  EXPECT_EQ(piped, testing::read_file(dir + "/f.pdf"));
}

}  // namespace
}  // namespace briefing::cli
