// Inputs that trip Debian's toml++ 3.3.0 (load/toml_guard.h) get located
// errors, or load as the valid TOML they are; toml++ never sees them as is.
#include <gtest/gtest.h>

#include "load/dataset_loader.h"
#include "load/report_style_loader.h"
#include "load/timeline_style_loader.h"
#include "load/toml_guard.h"
#include "test_support.h"

namespace briefing {
namespace {

::testing::AssertionResult fails_at(const std::string& toml, int line, int column,
                                    const std::string& message_start = {}) {
  const DatasetLoad load = load_dataset_text(toml, "defect.toml");
  if (load.ok()) return ::testing::AssertionFailure() << "loaded without errors";
  const auto& all = load.diagnostics.all();
  if (all.size() == 1 && all[0].range.line == line && all[0].range.column == column &&
      all[0].message.rfind(message_start, 0) == 0) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "want one error at " << line << ":" << column
                                       << " starting \"" << message_start << "\"; got:\n"
                                       << load.report();
}

// A valid dataset whose only item's summary is `summary` (TOML text).
std::string dataset_with_summary(const std::string& summary) {
  return R"([dataset]
title = "Test"
publisher = "Tester"
published = "2025-02-05"
language = "ja"

[[section]]
id = "1"
title = "First"

[[item]]
id = "item-a"
section = "1"
title = "Item A"
kind = "law"
issuers = ["Diet"]
summary = )" +
         summary + "\n";
}

// The two reproducers of issue #8: UB (TOML_UNREACHABLE) and a failed assertion.
TEST(ParserDefects, NonAsciiCharacterInABareKeyIsALocatedError) {
  EXPECT_TRUE(fails_at("a\u00D7 = 1", 1, 2, "unexpected character '\u00D7' (U+00D7)"));
}

TEST(ParserDefects, HashAfterTableBracketIsALocatedError) {
  EXPECT_TRUE(fails_at("[#", 1, 2, "expected a table name after '[', saw '#'"));
}

TEST(ParserDefects, ReproducersThroughTheCheckCommand) {
  const std::string dir = testing::make_temp_dir();
  const std::string key = dir + "/key.toml", header = dir + "/header.toml";
  testing::write_file(key, "a\u00D7 = 1");
  testing::write_file(header, "[#");
  const testing::CommandResult result = testing::run_briefing({"check", key, header});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find(key + ":1:2: error: unexpected character"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find(header + ":1:2: error: expected a table name"), std::string::npos)
      << result.err;
}

// Found by the timeline layout fuzzer: that loader called toml++ directly.
TEST(ParserDefects, LayoutLoadersAreScreenedToo) {
  for (const std::string text : {"[\n", "a\u00D7 = 1"}) {
    Diagnostics timeline, report;
    EXPECT_FALSE(load_timeline_style_text(text, "timeline.toml", timeline));
    EXPECT_FALSE(load_report_style_text(text, "report.toml", report));
    for (const Diagnostics* diagnostics : {&timeline, &report}) {
      ASSERT_EQ(diagnostics->all().size(), 1u) << format_diagnostics(*diagnostics);
      EXPECT_EQ(diagnostics->all()[0].range.line, 1);
      EXPECT_EQ(diagnostics->all()[0].range.column, 2);
    }
  }
}

TEST(ParserDefects, OtherPlacesThatAskWhetherACharacterIsWhiteSpace) {
  EXPECT_TRUE(fails_at("x = 1 \u00E9", 1, 7, "unexpected character"));      // after a value
  EXPECT_TRUE(fails_at("\n\n  \u3042 = 1", 3, 3, "unexpected character"));  // hiragana
  EXPECT_TRUE(fails_at("x = [1, \uFB30]", 1, 9, "unexpected character"));   // in an array
  EXPECT_TRUE(fails_at("[\u00A7]", 1, 2, "unexpected character"));          // after '['
  EXPECT_TRUE(fails_at("x = \"\"\"\\\u00A7\"\"\"", 1, 9, "'\u00A7' (U+00A7) cannot follow"));
  EXPECT_TRUE(fails_at("x = \"\"\"\\  \u00A7\n\"\"\"", 1, 11, "unexpected character"));
}

// Found by the dataset loader fuzzer: toml++ scans a number up to a value
// terminator, and a quote there opens no string.
TEST(ParserDefects, QuotesInsideANumberOpenNoString) {
  // toml++'s own errors (in our words, tests/diagnostics_test), never the '×'.
  EXPECT_TRUE(fails_at("height = 540'pixels\u00D7 540'\n", 1, 10, "this text is not in quotes"));
  EXPECT_TRUE(fails_at("x = [1'\u00D7', 2]", 1, 7, "TOML syntax error"));
  EXPECT_TRUE(fails_at("x = 1979-05-27 07:32'\u00D7'", 1, 5, "this text is not in quotes"));
  EXPECT_TRUE(fails_at("x = [\n  # a comment\n  1'\u00D7']", 3, 4, "TOML syntax error"));
  EXPECT_TRUE(fails_at("x = [\n  1'\u00D7']", 2, 4, "TOML syntax error"));
  EXPECT_TRUE(fails_at("x = true\u00D7", 1, 9, "unexpected character"));
  EXPECT_TRUE(fails_at("x = \u00D7", 1, 5, "unexpected character"));
  // Strings after a number still are strings.
  const DatasetLoad load =
      load_dataset_text("x = [1, '\u00D7', 2.5, \"\u00D7\"] # '\u00D7\n", "ok.toml");
  for (const Diagnostic& d : load.diagnostics.all()) {
    EXPECT_EQ(d.message.find("unexpected character"), std::string::npos) << load.report();
  }
}

// Found by the dataset loader fuzzer (423,003 runs, minimised): toml++ scans
// a number to its end before it reports the first '×', and reached the second.
TEST(ParserDefects, NoHazardAfterTheFirstReachesTheParser) {
  EXPECT_TRUE(fails_at("h=4\u00D7\u00D7", 1, 4, "unexpected character"));
  EXPECT_TRUE(fails_at("x = 1 \u00D7 \u00D7 \"\u00D7\"\n[a\u00D7\n", 1, 7, "unexpected character"));
}

// Found by the dataset loader fuzzer (minimised): a white-space hazard right
// after '[' is defused as ']', never as a character parse_key() would see.
TEST(ParserDefects, HazardRightAfterATableBracket) {
  EXPECT_TRUE(fails_at("[\u00D7", 1, 2, "unexpected character"));
  EXPECT_TRUE(fails_at("[[ \u00D7", 1, 4, "unexpected character"));
}

// Found by the dataset loader fuzzer (63,832 runs, minimised): parse_array()
// hands '}' to parse_value(), which asserts it is no value terminator.
TEST(ParserDefects, BraceWhereAnArrayValueIsDue) {
  EXPECT_TRUE(fails_at("n=[}", 1, 4, "expected a value or ']', saw '}'"));
  EXPECT_TRUE(fails_at("n = [1,\n  # c\n  }]", 3, 3, "expected a value or ']', saw '}'"));
  EXPECT_TRUE(
      fails_at("n = [1 }]", 1, 8, "TOML syntax error in this array"));  // toml++ says it itself
}

// Found by the dataset loader fuzzer (45,152 runs, minimised to
// "e=1979-05-27T:"): parse_time() asserts a digit after the 'T'. Its sibling,
// a lone digit after "date ", trips an assertion in the number scan.
TEST(ParserDefects, DateTimesThatTripTheTimeParser) {
  EXPECT_TRUE(fails_at("e=1979-05-27T:", 1, 14, "expected the hour after 'T', saw ':'"));
  EXPECT_TRUE(
      fails_at("e=1979-05-27t", 1, 3, "this text is not in quotes"));  // nothing after: toml++
  EXPECT_TRUE(fails_at("e=1979-05-27 1 ", 1, 14, "expected a two-digit hour after the date"));
  EXPECT_TRUE(fails_at("e=[1979-05-27 1]", 1, 15, "expected a two-digit hour after the date"));
  EXPECT_TRUE(fails_at("e=1979-05-27 1#", 1, 14, "expected a two-digit hour after the date"));
  // Found next (6,638 runs): toml++ checks only digit, '-', '-' and skips '_'.
  EXPECT_TRUE(fails_at("e=197\x0f-05-27 1 ", 1, 14, "expected a two-digit hour after the date"));
  EXPECT_TRUE(fails_at("e=1_9a9-0_5-27 1,", 1, 16, "expected a two-digit hour after the date"));
  const DatasetLoad load = load_dataset_text(
      "a = 1979-05-27T07:32:00Z\nb = 1979-05-27 07:32:00\nc = 1979-05-27 # c\n", "ok.toml");
  for (const Diagnostic& d : load.diagnostics.all()) {
    EXPECT_EQ(d.message.find("hour"), std::string::npos) << load.report();
  }
}

// The screen decodes the text as it goes and keeps only a window of it:
// hazards far into a long text, and the date one that looks back 11 code
// points, are found at the same places as near the start.
TEST(ParserDefects, HazardsFarIntoALongTextAreLocated) {
  std::string padding;
  for (int i = 0; i < 3000; ++i)
    padding += "# \u00D7\u00D7\u00D7 comment line " + std::to_string(i) + "\n";
  EXPECT_TRUE(fails_at(padding + "a\u00D7 = 1", 3001, 2, "unexpected character '\u00D7'"));
  for (size_t shift = 0; shift < 16; ++shift) {
    const std::string prefix = padding + std::string(shift, ' ');
    EXPECT_TRUE(fails_at(prefix + "e=1979-05-27T:", 3001, static_cast<int>(shift) + 14,
                         "expected the hour after 'T', saw ':'"));
    EXPECT_TRUE(fails_at(prefix + "e=1979-05-27 1 ", 3001, static_cast<int>(shift) + 14,
                         "expected a two-digit hour after the date"));
  }
  const std::string long_line(20000, 'x');
  EXPECT_TRUE(fails_at("s = \"" + long_line + "\"\n[#", 2, 2, "expected a table name"));
}

TEST(ParserDefects, TableHeadersThatParseKeyMustNotSee) {
  EXPECT_TRUE(fails_at("[\n", 1, 2, "expected a table name after '[', saw the end of the line"));
  EXPECT_TRUE(fails_at("[[=", 1, 3, "expected a table name"));
  EXPECT_TRUE(fails_at("[[[1]]]", 1, 3, "expected a table name"));
  EXPECT_TRUE(fails_at("x = 1\n  [ \t.a]", 2, 6, "expected a table name"));
  // A '[' inside a multi-line array is an array, not a header.
  const DatasetLoad load = load_dataset_text("x = [\n[1],\n[\n2]]\n", "arrays.toml");
  for (const Diagnostic& d : load.diagnostics.all()) {
    EXPECT_EQ(d.message.find("table name"), std::string::npos) << load.report();
  }
}

// 30,000 dotted key parts overflowed toml++'s recursion (a crash in
// `briefing check` too); 1024 levels are the most we let through.
TEST(ParserDefects, DeepNestingIsALocatedError) {
  const auto parts = [](int n) {
    std::string key = "a";
    for (int i = 1; i < n; ++i) key += ".a";
    return key;
  };
  const std::string deep = parts(30000);
  EXPECT_TRUE(
      fails_at(deep + " = 1", 1, static_cast<int>(deep.size()) + 2, "tables and arrays nest"));
  EXPECT_TRUE(
      fails_at("[" + deep + "]", 1, static_cast<int>(deep.size()) + 2, "tables and arrays nest"));
  const std::string half = parts(600);
  EXPECT_TRUE(fails_at("[" + half + "]\n" + half + " = 1", 2, static_cast<int>(half.size()) + 2,
                       "tables and arrays nest"));
  EXPECT_TRUE(fails_at("x = {" + half + " = {" + half + " = 1}}", 1,
                       static_cast<int>(2 * half.size()) + 11, "tables and arrays nest"));
  // 1000 levels are fine: the errors are about the schema, not the nesting.
  const DatasetLoad load = load_dataset_text(parts(1000) + " = 1\n", "deep.toml");
  for (const Diagnostic& d : load.diagnostics.all()) {
    EXPECT_EQ(d.message.find("nest"), std::string::npos) << load.report();
  }
}

TEST(ParserDefects, TomlsOwnEarlierErrorComesFirst) {
  EXPECT_TRUE(fails_at("a = = 1\nb\u00D7 = 2\n", 1, 5));
  EXPECT_TRUE(
      fails_at("a = \"unterminated\nb\u00D7 = 2\n", 1, 5, "this string has no closing quote"));
}

TEST(ParserDefects, CharactersInStringsAndCommentsAreFine) {
  const DatasetLoad load = load_dataset_text(
      dataset_with_summary("\"\u00D7 \u3042 \u00A7\"  # \u00D7 in a comment \u3001"), "ok.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  EXPECT_EQ(load.dataset->items.at(0).summary, "\u00D7 \u3042 \u00A7");
}

// Upstream issue 190: valid TOML, read through a stand-in.
TEST(ParserDefects, CharacterAfterALineEndingBackslashLoads) {
  const DatasetLoad load = load_dataset_text(
      dataset_with_summary("\"\"\"\\\n  \u3053\u308C\u306F\\\n  \u00A7 \u00A7\\\n  "
                           "\u3002\"\"\""),
      "ok.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  EXPECT_EQ(load.dataset->items.at(0).summary, "\u3053\u308C\u306F\u00A7 \u00A7\u3002");
}

// Found by the dataset loader fuzzer (246,190 runs, minimised): toml++ trims
// its Unicode white space (here U+FEFF) after a line-ending backslash too.
TEST(ParserDefects, StandInAfterUnicodeWhiteSpaceLoads) {
  const DatasetLoad load =
      load_dataset_text(dataset_with_summary("\"\"\"\\\n\uFEFF\u3000\u00A7\"\"\""), "ok.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  EXPECT_EQ(load.dataset->items.at(0).summary, "\u00A7");
}

TEST(ParserDefects, StandInsNeverCollideWithTheText) {
  // The text holds U+E000 itself and an escape of U+E001; the stand-in must be neither.
  const DatasetLoad load = load_dataset_text(
      dataset_with_summary("\"\"\"\\\n\u00A7 \uE000 \\uE001 \\\n\u00A7\"\"\""), "ok.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  EXPECT_EQ(load.dataset->items.at(0).summary, "\u00A7 \uE000 \uE001 \u00A7");
}

TEST(ParserDefects, PositionsAfterAStandInAreUnchanged) {
  const DatasetLoad load =
      load_dataset_text(dataset_with_summary("\"\"\"\\\n\u00A7\"\"\"\nbogus = 1"), "bogus.toml");
  ASSERT_EQ(load.diagnostics.all().size(), 1u) << load.report();
  EXPECT_EQ(load.diagnostics.all()[0].range.line, 19) << load.report();
  EXPECT_EQ(load.diagnostics.all()[0].range.column, 1) << load.report();
}

TEST(ParserDefects, WhiteSpaceHazardsMatchTheLibrarysTable) {
  EXPECT_FALSE(is_toml_whitespace_hazard(U'a'));
  EXPECT_FALSE(is_toml_whitespace_hazard(0xA0));  // no-break space: white space to toml++
  EXPECT_TRUE(is_toml_whitespace_hazard(0xA1));
  EXPECT_TRUE(is_toml_whitespace_hazard(0x499));
  EXPECT_FALSE(is_toml_whitespace_hazard(0x49A));
  EXPECT_TRUE(is_toml_whitespace_hazard(0x2C5E));
  EXPECT_FALSE(is_toml_whitespace_hazard(0x3000));  // ideographic space
  EXPECT_TRUE(is_toml_whitespace_hazard(0x3057));
  EXPECT_FALSE(is_toml_whitespace_hazard(0x3058));
  EXPECT_FALSE(is_toml_whitespace_hazard(0x4E00));  // kanji
  EXPECT_TRUE(is_toml_whitespace_hazard(0xFB26));
  EXPECT_FALSE(is_toml_whitespace_hazard(0xFEFF));
}

}  // namespace
}  // namespace briefing
