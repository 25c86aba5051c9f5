#include "load/dataset_loader.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace briefing {
namespace {

// A valid dataset to which each test adds one mistake.
const std::string kHeader = R"([dataset]
title = "Test"
publisher = "Tester"
published = "2025-02-05"
language = "en"

[[section]]
id = "1"
title = "First"
)";

const std::string kItem = R"(
[[item]]
id = "item-a"
section = "1"
title = "Item A"
kind = "law"
issuers = ["Diet"]
summary = "A summary."
)";

::testing::AssertionResult load_should_fail(const std::string& toml, int line, int column,
                                            const std::string& message) {
  const DatasetLoad load = load_dataset_text(toml, "test.toml");
  if (load.ok()) return ::testing::AssertionFailure() << "loaded without errors";
  for (const auto& d : load.diagnostics.all()) {
    if (d.range.line == line && d.range.column == column && d.message == message) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure()
         << "no error " << line << ":" << column << " \"" << message << "\"; got:\n"
         << load.report();
}

TEST(DatasetLoader, LoadsAValidDataset) {
  const DatasetLoad load = load_dataset_text(kHeader + kItem + R"(
[[item.milestone]]
label = "adopted"
date = "2019-05"

[[item.milestone]]
label = "revised"
date = "2024"

[[item.link]]
url = "https://example.org/a_b"
language = "Japanese only"
footnote = 1

[[item.note]]
text = "A text footnote."
footnote = 2
)",
                                             "ok.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  const Dataset& d = *load.dataset;
  EXPECT_EQ(d.title, "Test");
  EXPECT_EQ(d.published.format(), "5 February 2025");
  ASSERT_EQ(d.items.size(), 1u);
  const Item& item = d.items[0];
  EXPECT_EQ(item.milestones.size(), 2u);
  EXPECT_EQ(item.milestones[1].date.format(), "2024");
  EXPECT_EQ(item.links.at(0).language_note, "Japanese only");
  EXPECT_EQ(item.notes.at(0).footnote, 2);
  EXPECT_EQ(item.position.line, 11);
}

TEST(DatasetLoader, UndatedItemsAreValid) {
  const DatasetLoad load = load_dataset_text(kHeader + kItem, "ok.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  EXPECT_FALSE(load.dataset->items[0].is_dated());
}

TEST(DatasetLoader, SyntaxErrorIsLocated) {
  EXPECT_TRUE(load_should_fail(kHeader + "broken = = 3\n", 10, 10,
                               "Error while parsing value: could not determine value type"));
}

TEST(DatasetLoader, UnknownKeyWithHint) {
  const std::string toml = kHeader + kItem + "tittle = \"x\"\n";
  EXPECT_TRUE(load_should_fail(toml, 18, 1, "unknown key 'tittle' in [[item]]"));
  const DatasetLoad load = load_dataset_text(toml, "t.toml");
  EXPECT_NE(load.report().find("did you mean 'title'?"), std::string::npos);
}

TEST(DatasetLoader, MissingRequiredField) {
  EXPECT_TRUE(load_should_fail(kHeader + "\n[[item]]\nid = \"x\"\nsection = \"1\"\n", 11, 1,
                               "[[item]] is missing the required key 'title'"));
}

TEST(DatasetLoader, WrongType) {
  EXPECT_TRUE(load_should_fail(kHeader + kItem + "highlight = 1\n", 18, 13,
                               "'highlight' must be true or false, not an integer"));
}

TEST(DatasetLoader, ImpossibleDates) {
  EXPECT_TRUE(load_should_fail(
      kHeader + kItem + "\n[[item.milestone]]\nlabel = \"a\"\ndate = \"2024-02-30\"\n", 21, 8,
      "day 30 does not exist in February 2024 (date \"2024-02-30\")"));
  EXPECT_TRUE(load_should_fail(
      kHeader + kItem + "\n[[item.milestone]]\nlabel = \"a\"\ndate = \"2024-13\"\n", 21, 8,
      "month 13 is out of range in date \"2024-13\""));
}

TEST(DatasetLoader, MilestonesOutOfOrder) {
  EXPECT_TRUE(load_should_fail(
      kHeader + kItem +
          "\n[[item.milestone]]\nlabel = \"revised\"\ndate = \"2024-05\"\n"
          "\n[[item.milestone]]\nlabel = \"adopted\"\ndate = \"2019\"\n",
      25, 8, "milestone 'adopted' (2019) comes before the previous milestone 'revised' (2024-05)"));
}

TEST(DatasetLoader, DuplicateIds) {
  EXPECT_TRUE(load_should_fail(kHeader + kItem + kItem, 20, 6, "duplicate item id \"item-a\""));
}

TEST(DatasetLoader, LinksMustBeWeb) {
  EXPECT_TRUE(load_should_fail(kHeader + kItem + "\n[[item.link]]\nurl = \"javascript:alert(1)\"\n",
                               20, 7,
                               "'url' uses the scheme \"javascript:\", which is not allowed"));
}

TEST(DatasetLoader, UnknownSection) {
  std::string toml = kHeader + kItem;
  toml.replace(toml.find("section = \"1\""), 13, "section = \"7\"");
  EXPECT_TRUE(load_should_fail(toml, 13, 11, "unknown section \"7\""));
}

TEST(DatasetLoader, EmptyTitle) {
  std::string toml = kHeader + kItem;
  toml.replace(toml.find("\"Item A\""), 8, "\"  \"");
  EXPECT_TRUE(load_should_fail(toml, 14, 9, "'title' must not be empty"));
}

TEST(DatasetLoader, ControlCharacters) {
  std::string toml = kHeader + kItem;
  toml.replace(toml.find("\"Item A\""), 8, "\"Item\\u0007\"");
  EXPECT_TRUE(load_should_fail(toml, 14, 9, "'title' contains a control character"));
}

TEST(DatasetLoader, DuplicateFootnote) {
  EXPECT_TRUE(load_should_fail(kHeader + kItem +
                                   "\n[[item.link]]\nurl = \"https://a.org\"\nfootnote = 3\n"
                                   "\n[[item.note]]\ntext = \"n\"\nfootnote = 3\n",
                               25, 12, "footnote 3 is already used by item 'item-a'"));
}

TEST(DatasetLoader, SectionBeforeItsParent) {
  EXPECT_TRUE(load_should_fail(kHeader + "\n[[section]]\nid = \"2.1\"\ntitle = \"x\"\n", 12, 6,
                               "section \"2.1\" comes before its parent section \"2\""));
}

TEST(DatasetLoader, EveryMistakeInOneFileIsReported) {
  const DatasetLoad load = load_dataset_file(testing::repo_path("tests/data/dozen-mistakes.toml"));
  EXPECT_FALSE(load.ok());
  EXPECT_GE(load.diagnostics.error_count(), 12u) << load.report();
  // Compiler style: file:line:col: error: message, the line under a
  // line-number gutter, the whole value underlined.
  EXPECT_NE(load.report().find("dozen-mistakes.toml:5:13: error: month 13 is out of range in date "
                               "\"2024-13\"\n 5 | published = \"2024-13\"\n   |             "
                               "^~~~~~~~~\n"),
            std::string::npos)
      << load.report();
}

TEST(CheckCommand, ExitCodes) {
  const auto bad =
      testing::run_briefing({"check", testing::repo_path("tests/data/dozen-mistakes.toml")});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("14 errors found"), std::string::npos) << bad.err;
  EXPECT_EQ(testing::run_briefing({"check"}).exit_code, 2);
  EXPECT_EQ(testing::run_briefing({"check", "--bogus", "x.toml"}).exit_code, 2);
  EXPECT_EQ(testing::run_briefing({"check", "/nonexistent.toml"}).exit_code, 1);
  EXPECT_EQ(testing::run_briefing({"--version"}).exit_code, 0);
  EXPECT_EQ(testing::run_briefing({"--help"}).exit_code, 0);
  EXPECT_EQ(testing::run_briefing({"frobnicate"}).exit_code, 2);
}

}  // namespace
}  // namespace briefing
