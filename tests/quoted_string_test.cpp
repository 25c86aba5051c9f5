// The one escaping function for JSON and TOML string literals: what it
// writes must read back as the same text in both formats.
#include "base/quoted_string.h"

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <random>
#include <string>

#include "base/json.h"
#include "import/dataset_writer.h"

namespace briefing {
namespace {

TEST(QuotedString, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(double_quoted_escaped("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(double_quoted_escaped("1\n2\t3\r4"), "\"1\\n2\\t3\\r4\"");
  EXPECT_EQ(double_quoted_escaped(std::string("\x01\x1f\x7f", 3)), "\"\\u0001\\u001F\\u007F\"");
  EXPECT_EQ(double_quoted_escaped("日本語 ü"), "\"日本語 ü\"");
}

TEST(QuotedString, JsonAndTomlWritersShareIt) {
  const std::string text = "Title \"quoted\"\r\n\x02 end";
  EXPECT_EQ(json_string(text), double_quoted_escaped(text));
  EXPECT_EQ(toml_string(text), double_quoted_escaped(text));
}

// Random text of ASCII controls, quotes, backslashes and multi-byte UTF-8
// reads back unchanged through toml++.
TEST(QuotedString, RandomTextReadsBackThroughToml) {
  const std::vector<std::string> pieces = {"a",    "\"",   "\\", "\n", "\t", "\r", "\x01",
                                           "\x1b", "\x7f", "é",  "語", "𝄞",  " ",  "'"};
  std::mt19937 random(2026);
  for (int round = 0; round < 500; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 24);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    const std::string document = "value = " + double_quoted_escaped(text) + "\n";
    toml::table parsed;
    ASSERT_NO_THROW(parsed = toml::parse(document)) << document;
    EXPECT_EQ(parsed["value"].value_or(std::string("<missing>")), text) << document;
  }
}

}  // namespace
}  // namespace briefing
