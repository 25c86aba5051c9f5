// The command line, run in-process through run_cli() with string streams:
// one option table per command, one-line usage errors, did-you-mean.
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

CliRun run(const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream out, err;
  CommandIo io{in, out, err};
  const int code = run_cli(args, io);
  return {code, out.str(), err.str()};
}

TEST(Cli, EveryCommandIsInTheTableWithItsHelp) {
  std::vector<std::string> names;
  for (const Command& command : commands()) names.push_back(command.name);
  EXPECT_EQ(names, (std::vector<std::string>{"baseline", "build", "check", "diff", "export",
                                             "import", "report", "timeline", "watch", "completions",
                                             "manpage", "render-worker"}));
  for (const std::string& name : names) {
    const CliRun help = run({name, "--help"});
    EXPECT_EQ(help.exit_code, 0) << name;
    EXPECT_EQ(help.out.rfind("Usage: briefing " + name + " ", 0), 0u) << help.out;
    // `briefing help CMD` is `briefing CMD --help`.
    EXPECT_EQ(run({"help", name}).out, help.out) << name;
  }
}

TEST(Cli, UsageErrorsAreOneLineWithAPointerToHelp) {
  const CliRun unknown = run({"timeline", "data.toml", "-o", "x.png", "--layuot", "slide-4x3"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err,
            "briefing timeline: unknown option '--layuot' (did you mean '--layout'?); see "
            "`briefing timeline --help`\n");
  const CliRun command = run({"chekc", "x.toml"});
  EXPECT_EQ(command.exit_code, 2);
  EXPECT_EQ(command.err,
            "briefing: unknown command 'chekc' (did you mean 'check'?); see `briefing --help`\n");
}

TEST(Cli, OptionsTakeTheirValueEitherWay) {
  const std::string dir = testing::make_temp_dir();
  const std::string data = testing::repo_path("data/ai-safety-japan-2024.toml");
  EXPECT_EQ(run({"timeline", data, "--output=" + dir + "/a.svg", "--theme=dark"}).exit_code, 0);
  EXPECT_EQ(run({"timeline", data, "-o" + dir + "/b.svg", "--scale", "2"}).exit_code, 0);
  // A single-valued option given twice (timeline's -o is repeatable: one layout, several files).
  const CliRun twice = run({"report", data, "-o", dir + "/c.pdf", "-o", dir + "/d.pdf"});
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_NE(twice.err.find("--output is given more than once"), std::string::npos) << twice.err;
  const CliRun theme = run({"timeline", data, "-o", dir + "/e.png", "--theme", "drak"});
  EXPECT_EQ(theme.exit_code, 2);
  EXPECT_NE(theme.err.find("--theme: unknown theme 'drak' (did you mean 'dark'?)"),
            std::string::npos)
      << theme.err;
}

TEST(Cli, CheckRunsInProcess) {
  const CliRun ok = run({"check", testing::repo_path("data/ai-safety-japan-2024.toml")});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find(": ok: 15 sections, 41 items"), std::string::npos) << ok.out;
  const CliRun bad = run({"check", testing::repo_path("tests/data/dozen-mistakes.toml")});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("14 errors found\n"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace briefing::cli
