#include "load/dataset_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "layout/timeline/lanes.h"
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
  EXPECT_TRUE(load_should_fail(kHeader + "broken = = 3\n", 10, 10, "expected a value here"));
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
  EXPECT_TRUE(load_should_fail(kHeader + "\n[[section]]\nid = \"2.1\"\ntitle = \"x\"\n"
                                         "\n[[section]]\nid = \"2\"\ntitle = \"y\"\n",
                               12, 6, "section \"2.1\" comes before its parent section \"2\""));
}

TEST(DatasetLoader, SectionWithoutParent) {
  EXPECT_TRUE(load_should_fail(kHeader + "\n[[section]]\nid = \"2.1\"\ntitle = \"x\"\n", 12, 6,
                               "section \"2.1\" has no parent: there is no section \"2\""));
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

namespace briefing {
namespace {

// A summary of two paragraphs (a blank line between) is shown as two
// paragraphs in the report, not run together or refused.
TEST(DatasetLoader, SummaryParagraphsReachTheReport) {
  const std::string dir = testing::make_temp_dir();
  testing::write_file(
      dir + "/p.toml",
      kHeader +
          "\n[[item]]\nid = \"a\"\nsection = \"1\"\ntitle = \"An item\"\nkind = \"law\"\n"
          "issuers = [\"Parliament\"]\n"
          "summary = \"The first paragraph ends here.\\n\\nThe second paragraph follows.\"\n");
  const DatasetLoad load = load_dataset_file(dir + "/p.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  EXPECT_EQ(load.dataset->items[0].summary,
            "The first paragraph ends here.\n\nThe second paragraph follows.");
  ASSERT_EQ(testing::run_briefing({"report", dir + "/p.toml", "-o", dir + "/p.pdf"}).exit_code, 0);
  const auto text = testing::run_program({"/usr/bin/pdftotext", "-layout", dir + "/p.pdf", "-"});
  const size_t first = text.out.find("The first paragraph ends here.");
  const size_t second = text.out.find("The second paragraph follows.");
  ASSERT_NE(first, std::string::npos) << text.out;
  ASSERT_NE(second, std::string::npos) << text.out;
  // A blank line between: two line breaks and nothing but spaces.
  const std::string between = text.out.substr(first + 30, second - first - 30);
  EXPECT_EQ(std::count(between.begin(), between.end(), '\n'), 2) << "[" << between << "]";
  EXPECT_EQ(between.find_first_not_of(" \n"), std::string::npos) << "[" << between << "]";
}

}  // namespace
}  // namespace briefing

namespace briefing {
namespace {

const std::string kVocabularyDataset = kHeader + R"(
[vocabulary]
kinds = ["ruling", "election"]
labels = ["decided", "Appealed at the High Court"]

[[item]]
id = "case"
section = "1"
title = "A fictional ruling"
kind = "ruling"
issuers = ["Court"]
summary = "A fictional case."

[[item.milestone]]
label = "decided"
date = "2023"

[[item.milestone]]
label = "Appealed at the High Court"
date = "2023-01"

[[item]]
id = "act"
section = "1"
title = "A fictional act"
kind = "law"
issuers = []
summary = "A fictional act."

[[item.milestone]]
label = "decided"
date = "2023-01-15"
)";

// Kinds are closed: the built-in ones and those the dataset declares. A
// declared kind becomes a lane with group_by = "kind"; labels keep their case.
TEST(Vocabulary, DeclaredKindsAreLanesAndLabelsKeepTheirCase) {
  const DatasetLoad load = load_dataset_text(kVocabularyDataset, "v.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  const Dataset& d = *load.dataset;
  EXPECT_EQ(d.vocabulary.kinds, (std::vector<std::string>{"ruling", "election"}));
  EXPECT_EQ(d.kinds().size(), built_in_kinds().size() + 2);
  EXPECT_EQ(d.items[0].milestones[1].label, "Appealed at the High Court");
  std::vector<const Item*> items{&d.items[0], &d.items[1]};
  TimelineStyle style;
  style.lanes = LaneGrouping::kind;
  std::vector<std::string> keys;
  for (const Lane& lane : group_into_lanes(items, d, style)) keys.push_back(lane.key);
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"law", "ruling"}));
}

// Without the declaration the same kind is an error, so it never reaches a lane.
TEST(Vocabulary, AnUndeclaredKindIsAnErrorNotALane) {
  std::string text = kVocabularyDataset;
  text.replace(text.find("kinds = [\"ruling\", \"election\"]"), 30, "kinds = [\"election\"]");
  const DatasetLoad load = load_dataset_text(text, "v.toml");
  EXPECT_FALSE(load.ok());
  const auto kind_line = static_cast<int>(
      1 + std::count(text.begin(), text.begin() + static_cast<long>(text.find("kind = \"ruling\"")),
                     '\n'));
  EXPECT_TRUE(testing::has_error(load.diagnostics, kind_line, 8, "unknown kind \"ruling\""))
      << load.report();
  EXPECT_EQ(load.diagnostics.error_count(), 1u) << load.report();
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/v.toml", text);
  const auto result = testing::run_briefing({"timeline", dir + "/v.toml", "-o", dir + "/v.svg"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir + "/v.svg"));
}

// One rule for milestone order, the documented string order.
TEST(Vocabulary, MilestonesFollowStringOrder) {
  const std::string item = kItem +
                           "\n[[item.milestone]]\nlabel = \"a\"\ndate = \"2023\"\n"
                           "\n[[item.milestone]]\nlabel = \"b\"\ndate = \"2023-01\"\n"
                           "\n[[item.milestone]]\nlabel = \"c\"\ndate = \"2023-01-15\"\n";
  EXPECT_TRUE(load_dataset_text(kHeader + item, "o.toml").ok());
  EXPECT_TRUE(load_should_fail(
      kHeader + kItem +
          "\n[[item.milestone]]\nlabel = \"b\"\ndate = \"2023-01\"\n"
          "\n[[item.milestone]]\nlabel = \"a\"\ndate = \"2023\"\n",
      25, 8, "milestone 'a' (2023) comes before the previous milestone 'b' (2023-01)"));
}

}  // namespace
}  // namespace briefing
