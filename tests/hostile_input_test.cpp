// The hostile-input corpus (tests/data/hostile/ and the byte-level cases
// below) through every command: each gets a located error or a sound output;
// no message writes a control byte to the terminal; every PDF passes `qpdf
// --check` and holds no action but links.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace std::string_literals;

#include "pdf_inspection.h"
#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;

struct Expectation {
  int line = 0, column = 0;
  std::string message;
};

/// A corpus case: the file and what it must give ("# expect: ok" or one
/// "# expect: error LINE:COL MESSAGE" per error).
struct Case {
  std::string name;
  std::string path;
  std::vector<Expectation> errors;  // empty: the dataset is valid
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.name; }

std::vector<Expectation> expectations_in(const std::string& text) {
  std::vector<Expectation> errors;
  static const std::regex kError(R"(# expect: error (\d+):(\d+) (.*))");
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_match(line, m, kError)) {
      errors.push_back({std::stoi(m[1]), std::stoi(m[2]), m[3]});
    }
  }
  return errors;
}

std::vector<Case> corpus_files() {
  std::vector<Case> cases;
  for (const auto& entry : fs::directory_iterator(testing::repo_path("tests/data/hostile"))) {
    if (entry.path().extension() != ".toml") continue;
    const std::string text = testing::read_file(entry.path());
    cases.push_back({entry.path().stem().string(), entry.path().string(), expectations_in(text)});
  }
  std::sort(cases.begin(), cases.end(),
            [](const Case& a, const Case& b) { return a.name < b.name; });
  return cases;
}

/// Control bytes other than a line break in what a command printed.
std::string control_bytes_in(const std::string& text) {
  std::string found;
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n') || c == 0x7F) found += "\\x" + std::to_string(c) + " ";
  }
  return found;
}

void expect_clean_terminal_output(const testing::CommandResult& result, const std::string& what) {
  EXPECT_EQ(control_bytes_in(result.err), "") << what << " stderr:\n" << result.err;
  EXPECT_EQ(control_bytes_in(result.out), "") << what << " stdout:\n" << result.out;
}

void expect_sound_pdf(const std::string& path, const std::string& what) {
  for (const std::string& problem : testing::pdf_soundness_problems(path)) {
    ADD_FAILURE() << what << ": " << problem;
  }
}

class HostileCorpus : public ::testing::TestWithParam<Case> {};

TEST_P(HostileCorpus, CheckGivesLocatedErrorsOrOk) {
  const Case& c = GetParam();
  const auto result = testing::run_briefing({"check", c.path});
  expect_clean_terminal_output(result, "check");
  EXPECT_EQ(result.exit_code, c.errors.empty() ? 0 : 1) << result.err;
  for (const Expectation& e : c.errors) {
    const std::string located = c.path + ":" + std::to_string(e.line) + ":" +
                                std::to_string(e.column) + ": error: " + e.message + "\n";
    EXPECT_NE(result.err.find(located), std::string::npos) << "expected: " << located << "got:\n"
                                                           << result.err;
  }
  if (!c.errors.empty()) {
    EXPECT_NE(result.err.find(std::to_string(c.errors.size()) + " error"), std::string::npos)
        << "every error once:\n"
        << result.err;
  }
}

TEST_P(HostileCorpus, EveryOutputIsSoundOrNothingIsWritten) {
  const Case& c = GetParam();
  const std::string dir = testing::make_temp_dir();
  const std::vector<std::vector<std::string>> commands = {
      {"timeline", c.path, "-o", dir + "/t.pdf", "--allow-omissions"},
      {"timeline", c.path, "-o", dir + "/t.svg", "--allow-omissions"},
      {"timeline", c.path, "-o", dir + "/t.png", "--allow-omissions"},
      {"timeline", c.path, "-o", dir + "/h.pdf", "--highlights", "--allow-omissions"},
      {"report", c.path, "-o", dir + "/r.pdf"},
      {"report", c.path, "-o", dir + "/l.pdf", "--layout", "briefing-letter"},
  };
  for (const auto& args : commands) {
    const std::string out = args[3];
    const auto result = testing::run_briefing(args);
    expect_clean_terminal_output(result, args[0] + " " + out);
    if (c.errors.empty()) {
      ASSERT_EQ(result.exit_code, 0) << args[0] << " " << out << "\n" << result.err;
      if (out.size() > 4 && out.substr(out.size() - 4) == ".pdf") expect_sound_pdf(out, out);
      if (out.size() > 4 && out.substr(out.size() - 4) == ".svg") {
        const std::string svg = testing::read_file(out);
        EXPECT_EQ(svg.find("<script"), std::string::npos);
        EXPECT_EQ(svg.find("javascript:"), std::string::npos);
      }
    } else {
      EXPECT_EQ(result.exit_code, 1) << args[0] << "\n" << result.err;
      EXPECT_FALSE(fs::exists(out)) << out << " was written from invalid data";
      const Expectation& first = c.errors.front();
      EXPECT_NE(result.err.find(":" + std::to_string(first.line) + ":" +
                                std::to_string(first.column) + ": error: " + first.message),
                std::string::npos)
          << result.err;
    }
  }
}

TEST_P(HostileCorpus, BuildGivesTheSameVerdict) {
  const Case& c = GetParam();
  const std::string dir = testing::make_temp_dir();
  fs::copy_file(c.path, dir + "/data.toml");
  testing::write_file(
      dir + "/briefing.toml",
      "[[output]]\npath = \"out/r.pdf\"\nkind = \"report\"\ndata = \"data.toml\"\n\n"
      "[[output]]\npath = \"out/t.pdf\"\nkind = \"timeline\"\ndata = \"data.toml\"\n"
      "allow_omissions = true\n");
  const auto result = testing::run_briefing({"build", dir + "/briefing.toml"});
  expect_clean_terminal_output(result, "build");
  EXPECT_EQ(result.exit_code, c.errors.empty() ? 0 : 1) << result.out << result.err;
  if (c.errors.empty()) {
    expect_sound_pdf(dir + "/out/r.pdf", "build report");
    expect_sound_pdf(dir + "/out/t.pdf", "build timeline");
  } else {
    EXPECT_FALSE(fs::exists(dir + "/out/r.pdf"));
    EXPECT_NE(result.err.find("data.toml:" + std::to_string(c.errors.front().line) + ":"),
              std::string::npos)
        << result.err;
  }
}

INSTANTIATE_TEST_SUITE_P(Files, HostileCorpus, ::testing::ValuesIn(corpus_files()),
                         [](const auto& param_info) {
                           std::string name = param_info.param.name;
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

// ---- byte-level cases, made here because they cannot live in a text file --

const std::string kValidHeader =
    "[dataset]\ntitle = \"T\"\npublisher = \"P\"\npublished = \"2024\"\nlanguage = \"en\"\n\n"
    "[[section]]\nid = \"1\"\ntitle = \"S\"\n";

testing::CommandResult check_bytes(const std::string& bytes) {
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/x.toml", bytes);
  return testing::run_briefing({"check", dir + "/x.toml"});
}

TEST(HostileBytes, RawTerminalEscapesAreShownAsEscapes) {
  // ESC [2J clears the screen, ESC ]0; retitles the window, BEL, NUL.
  const auto result = check_bytes("[dataset]\ntitle = \"日本 \x1b[2J\x1b]0;pwned\x07 \0x\"\n"s);
  EXPECT_EQ(result.exit_code, 1);
  expect_clean_terminal_output(result, "check");
  EXPECT_NE(result.err.find("x.toml:2:13: error:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("\\x1b[2J\\x1b]0;pwned\\x07"), std::string::npos) << result.err;
  // The underline starts under the escape: after the gutter's space come
  // `title = "` (9 columns), 日本 (two wide characters, 4 columns) and a space.
  const std::string shown = " 2 | title = \"日本 \\x1b";
  const std::string underline = "   | " + std::string(9 + 4 + 1, ' ') + "^";
  EXPECT_NE(result.err.find(shown), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(underline + "~~~\n"), std::string::npos) << result.err;
}

TEST(HostileBytes, BidiControlsCannotReorderTheTerminal) {
  // U+202E RIGHT-TO-LEFT OVERRIDE in a key (a syntax error) is shown escaped.
  const auto result = check_bytes(kValidHeader + "unknown\u202Ekey = 1\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err.find("\u202E"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("\\u{202e}"), std::string::npos) << result.err;
}

TEST(HostileBytes, InvalidUtf8IsALocatedError) {
  const auto result =
      check_bytes(kValidHeader + "\n[[item]]\nid = \"a\"\ntitle = \"bad \xC3\x28 \xFF\"\n");
  EXPECT_EQ(result.exit_code, 1);
  expect_clean_terminal_output(result, "check");
  EXPECT_NE(result.err.find("x.toml:13:"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find('\xFF'), std::string::npos) << "raw invalid byte echoed";
}

TEST(HostileBytes, ByteOrderMarkAndCrlfAreAccepted) {
  std::string text = "\xEF\xBB\xBF" + kValidHeader +
                     "\n[[item]]\nid = \"a\"\nsection = \"1\"\ntitle = \"A\"\nkind = \"law\"\n"
                     "issuers = [\"X\"]\nsummary = \"s\"\n";
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const auto result = check_bytes(crlf);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  // And an error in a CRLF file shows its line without the carriage return.
  const auto bad = check_bytes("[dataset]\r\ntitle = 5\r\n");
  EXPECT_EQ(bad.exit_code, 1);
  expect_clean_terminal_output(bad, "check");
}

TEST(HostileBytes, HugeFieldsAreLocatedErrorsNamingTheLimitAndNothingIsWritten) {
  const std::string dir = testing::make_temp_dir();
  std::string text = kValidHeader + "\n[[item]]\nid = \"a\"\nsection = \"1\"\ntitle = \"" +
                     std::string(10000, 'x') +
                     "\"\nkind = \"law\"\nissuers = [\"X\"]\nsummary = \"" +
                     std::string(1 << 20, 'y') + "\"\n";
  testing::write_file(dir + "/huge.toml", text);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"check", dir + "/huge.toml"},
        {"timeline", dir + "/huge.toml", "-o", dir + "/t.pdf"},
        {"report", dir + "/huge.toml", "-o", dir + "/r.pdf"}}) {
    const auto result = testing::run_briefing(args);
    EXPECT_EQ(result.exit_code, 1) << args[0];
    expect_clean_terminal_output(result, args[0]);
    EXPECT_NE(result.err.find("huge.toml:14:9: error: 'title' is too long: 10,000 characters, at "
                              "most 500 are allowed"),
              std::string::npos)
        << result.err.substr(0, 2000);
    EXPECT_NE(result.err.find("'summary' is too long: 1,048,576 characters, at most 20,000"),
              std::string::npos);
    EXPECT_LT(result.err.size(), 2000u) << "a long line is shown as a window";
  }
  EXPECT_FALSE(fs::exists(dir + "/t.pdf"));
  EXPECT_FALSE(fs::exists(dir + "/r.pdf"));
}

TEST(HostileBytes, DeepNestingIsALocatedErrorNotACrash) {
  const auto arrays = check_bytes("x = " + std::string(100000, '[') + "\n");
  EXPECT_EQ(arrays.exit_code, 1) << arrays.err.substr(0, 500);
  EXPECT_NE(arrays.err.find("x.toml:1:"), std::string::npos) << arrays.err.substr(0, 500);
  EXPECT_LT(arrays.err.size(), 4000u) << "the echoed line is cut to a window";
  std::string tables = "x = ";
  for (int i = 0; i < 100000; ++i) tables += "{a=";
  const auto inline_tables = check_bytes(tables + "\n");
  EXPECT_EQ(inline_tables.exit_code, 1);
  EXPECT_LT(inline_tables.err.size(), 4000u);
}

}  // namespace
}  // namespace briefing
