// Diagnostics at the level of rustc: the mistakes corpus (tests/data/
// mistakes/, one mistake each in a small dataset) gives exactly the errors
// its headers state, one per mistake, each with its fix-it; the format has
// a line-number gutter, the whole span underlined and colour on request;
// file and build-file errors are located and carry the OS's reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

#include "base/diagnostic.h"
#include "load/dataset_loader.h"
#include "regenerate/build_file.h"
#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;

struct Expected {
  int line = 0, column = 0;
  std::string message, hint;
};

struct Mistake {
  std::string name, path;
  std::vector<Expected> errors;
};

void PrintTo(const Mistake& m, std::ostream* out) { *out << m.name; }

std::vector<Mistake> mistakes() {
  static const std::regex kError(R"(# expect: error (\d+):(\d+) (.*))");
  static const std::regex kHelp(R"(# help: (.*))");
  std::vector<Mistake> all;
  for (const auto& entry : fs::directory_iterator(testing::repo_path("tests/data/mistakes"))) {
    if (entry.path().extension() != ".toml") continue;
    Mistake m{entry.path().stem().string(), entry.path().string(), {}};
    std::istringstream lines(testing::read_file(entry.path()));
    std::string line;
    std::smatch match;
    while (std::getline(lines, line)) {
      if (std::regex_match(line, match, kError)) {
        m.errors.push_back({std::stoi(match[1]), std::stoi(match[2]), match[3], {}});
      } else if (std::regex_match(line, match, kHelp) && !m.errors.empty()) {
        m.errors.back().hint = match[1];
      }
    }
    all.push_back(m);
  }
  std::sort(all.begin(), all.end(), [](auto& a, auto& b) { return a.name < b.name; });
  return all;
}

std::string describe(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& e : d.all()) {
    out += std::to_string(e.range.line) + ":" + std::to_string(e.range.column) + " " + e.message +
           (e.hints.empty() ? "" : " [help: " + e.hints.front() + "]") + "\n";
  }
  return out;
}

class MistakesCorpus : public ::testing::TestWithParam<Mistake> {};

TEST_P(MistakesCorpus, GivesExactlyTheStatedErrorsWithTheirFixIts) {
  const Mistake& m = GetParam();
  ASSERT_FALSE(m.errors.empty()) << "no # expect: header";
  const DatasetLoad load = load_dataset_file(m.path);
  EXPECT_FALSE(load.ok());
  const auto& all = load.diagnostics.all();
  ASSERT_EQ(all.size(), m.errors.size()) << "one message per mistake; got:\n"
                                         << describe(load.diagnostics);
  for (size_t i = 0; i < all.size(); ++i) {
    SCOPED_TRACE(describe(load.diagnostics));
    EXPECT_EQ(all[i].severity, Severity::error);
    EXPECT_EQ(all[i].range.line, m.errors[i].line);
    EXPECT_EQ(all[i].range.column, m.errors[i].column);
    EXPECT_EQ(all[i].message, m.errors[i].message);
    EXPECT_EQ(all[i].hints.empty() ? std::string() : all[i].hints.front(), m.errors[i].hint);
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, MistakesCorpus, ::testing::ValuesIn(mistakes()),
                         [](const auto& param_info) {
                           std::string name = param_info.param.name;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(MistakesCorpus, HoldsAtLeastFortySixMistakes) { EXPECT_GE(mistakes().size(), 46u); }

// The whole shape, as a terminal shows it: location, gutter with the line
// number, the whole value underlined, the fix-it.
TEST(DiagnosticFormat, GutterUnderlinesTheWholeValueAndEndsWithTheFixIt) {
  const std::string text =
      testing::read_file(testing::repo_path("tests/data/mistakes/sept-date.toml"));
  const DatasetLoad load = load_dataset_text(text, "x.toml");
  ASSERT_EQ(load.diagnostics.all().size(), 1u);
  const int line = load.diagnostics.all()[0].range.line;
  const std::string number = std::to_string(line);
  const std::string pad(number.size(), ' ');
  EXPECT_EQ(load.report(),
            "x.toml:" + number +
                ":8: error: date \"Sept 2019\" is not in the form YYYY, YYYY-MM or YYYY-MM-DD\n"
                " " +
                number + " | date = \"Sept 2019\"\n " + pad + " |        ^~~~~~~~~~~\n " + pad +
                " = help: write \"2019-09\"\n");
}

TEST(DiagnosticFormat, TableHeaderIsUnderlinedWhole) {
  const std::string text =
      testing::read_file(testing::repo_path("tests/data/mistakes/missing-key.toml"));
  const std::string report = load_dataset_text(text, "x.toml").report();
  EXPECT_NE(report.find("| [[item]]\n"), std::string::npos) << report;
  EXPECT_NE(report.find("| ^~~~~~~~\n"), std::string::npos) << report;
}

TEST(DiagnosticFormat, ColourOnlyWhenAsked) {
  const DatasetLoad load =
      load_dataset_file(testing::repo_path("tests/data/mistakes/kind-typo.toml"));
  ASSERT_FALSE(load.ok());
  const std::string plain = format_diagnostics(load.diagnostics);
  const std::string coloured = format_diagnostics(load.diagnostics, {true, 0});
  EXPECT_EQ(plain.find('\033'), std::string::npos);
  EXPECT_NE(coloured.find("\033[1;31merror\033[0m"), std::string::npos) << coloured;
  EXPECT_NE(coloured.find("\033[1;36mhelp\033[0m"), std::string::npos) << coloured;
}

TEST(ColorOption, AlwaysNeverAndAutoWhenPiped) {
  const std::string file = testing::repo_path("tests/data/mistakes/kind-typo.toml");
  const auto always = testing::run_briefing({"check", "--color=always", file});
  EXPECT_EQ(always.exit_code, 1);
  EXPECT_NE(always.err.find("\033[1;31merror"), std::string::npos) << always.err;
  const auto before_command = testing::run_briefing({"--color", "always", "check", file});
  EXPECT_NE(before_command.err.find("\033["), std::string::npos) << before_command.err;
  const auto never = testing::run_briefing({"check", "--color=never", file});
  EXPECT_EQ(never.exit_code, 1);
  EXPECT_EQ(never.err.find('\033'), std::string::npos);
  EXPECT_NE(never.err.find("unknown kind \"guidline\""), std::string::npos);
  // The tests' stderr is a pipe: auto is plain.
  const auto automatic = testing::run_briefing({"check", file});
  EXPECT_EQ(automatic.err.find('\033'), std::string::npos);
  const auto wrong = testing::run_briefing({"check", "--color=allways", file});
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_EQ(wrong.err,
            "briefing: --color takes auto, always or never, not 'allways' (did you mean "
            "'always'?); see `briefing --help`\n");
}

TEST(ColorOption, NoColorWinsOverAutoButNotOverAlways) {
  setenv("TERM", "xterm", 1);
  unsetenv("NO_COLOR");
  set_diagnostic_color(ColorChoice::auto_detect, true);
  EXPECT_TRUE(diagnostic_color());
  setenv("NO_COLOR", "1", 1);
  set_diagnostic_color(ColorChoice::auto_detect, true);
  EXPECT_FALSE(diagnostic_color());
  set_diagnostic_color(ColorChoice::always, false);
  EXPECT_TRUE(diagnostic_color());
  unsetenv("NO_COLOR");
  set_diagnostic_color(ColorChoice::auto_detect, false);
  EXPECT_FALSE(diagnostic_color());
  set_diagnostic_color(ColorChoice::never, true);
}

TEST(FileErrors, AMissingDatasetSaysWhy) {
  const auto result = testing::run_briefing({"check", "/nonexistent/data.toml"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("/nonexistent/data.toml: error: cannot read the file: No such file or "
                            "directory"),
            std::string::npos)
      << result.err;
}

// A build file names a dataset and a layout: a wrong one is an error at
// that name in the build file, with the reason and a did-you-mean from what
// is there.
TEST(BuildFileErrors, BadDataAndLayoutAreLocatedInTheBuildFile) {
  const std::string dir = testing::make_temp_dir();
  fs::create_directories(dir + "/data");
  testing::write_file(dir + "/data/chronology.toml", testing::one_item_dataset("2024-05-01"));
  testing::write_file(dir + "/briefing.toml",
                      "[[output]]\n"
                      "path = \"out/t.png\"\n"
                      "kind = \"timeline\"\n"
                      "data = \"data/chronolgy.toml\"\n"
                      "layout = \"slide-16x10\"\n");
  const BuildFileLoad load = load_build_file(dir + "/briefing.toml");
  EXPECT_FALSE(load.build.has_value());
  EXPECT_TRUE(testing::has_error(load.diagnostics, 4, 8,
                                 "cannot read the dataset 'data/chronolgy.toml': No such file or "
                                 "directory",
                                 "did you mean 'data/chronology.toml'?"))
      << format_diagnostics(load.diagnostics);
  EXPECT_TRUE(testing::has_error(load.diagnostics, 5, 10, "unknown layout 'slide-16x10'",
                                 "did you mean 'slide-16x9'?"));
  EXPECT_EQ(load.diagnostics.all().size(), 2u);
  EXPECT_EQ(load.diagnostics.all()[0].file(), dir + "/briefing.toml");
}

TEST(BuildFileErrors, AGoodBuildFileStillLoads) {
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/d.toml", testing::one_item_dataset("2024-05-01"));
  testing::write_file(dir + "/briefing.toml",
                      "[[output]]\npath = \"t.png\"\nkind = \"timeline\"\ndata = \"d.toml\"\n"
                      "layout = \"slide-16x9\"\n");
  const BuildFileLoad load = load_build_file(dir + "/briefing.toml");
  EXPECT_TRUE(load.build.has_value()) << format_diagnostics(load.diagnostics);
}

}  // namespace
}  // namespace briefing
