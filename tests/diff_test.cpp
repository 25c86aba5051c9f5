// The dataset comparison (renderer/model/dataset_diff.h) and `briefing diff`.
#include <gtest/gtest.h>

#include "load/dataset_loader.h"
#include "model/dataset_diff.h"
#include "test_support.h"

namespace briefing {
namespace {

using testing::repo_path;
using testing::run_briefing;

Dataset load(const std::string& relative) {
  DatasetLoad loaded = load_dataset_file(repo_path(relative));
  EXPECT_TRUE(loaded.ok()) << loaded.report();
  return *loaded.dataset;
}

std::vector<std::string> describe_all(const ItemChange& change) {
  std::vector<std::string> out;
  for (const auto& f : change.fields) out.push_back(f.describe());
  return out;
}

TEST(DatasetDiff, IdenticalDatasetsHaveNoDifferences) {
  const Dataset d = load("data/ai-safety-japan-2024.toml");
  const DatasetDiff diff = compare_datasets(d, d);
  EXPECT_TRUE(diff.empty());
  EXPECT_EQ(diff_summary(diff), "0 added, 0 removed, 0 changed");
}

TEST(DatasetDiff, FindsAddedRemovedAndChangedItems) {
  const DatasetDiff diff =
      compare_datasets(load("tests/data/diff-old.toml"), load("tests/data/diff-new.toml"));
  ASSERT_EQ(diff.added.size(), 1u);
  EXPECT_EQ(diff.added[0].id, "brand-new");
  ASSERT_EQ(diff.removed.size(), 1u);
  EXPECT_EQ(diff.removed[0].id, "goes-away");
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_TRUE(diff.is_added("brand-new"));
  EXPECT_FALSE(diff.is_added("gets-edited"));
  EXPECT_TRUE(diff.is_changed("gets-edited"));
  EXPECT_FALSE(diff.is_changed("stays-same"));
  EXPECT_EQ(diff.find_change("stays-same"), nullptr);
}

TEST(DatasetDiff, ReportsEachChangedFieldOfAnItem) {
  const DatasetDiff diff =
      compare_datasets(load("tests/data/diff-old.toml"), load("tests/data/diff-new.toml"));
  const ItemChange* change = diff.find_change("gets-edited");
  ASSERT_NE(change, nullptr);
  EXPECT_EQ(change->title, "New Title Act");
  const std::vector<std::string> expected{
      "title: \"Old Title Act\" → \"New Title Act\"",
      "section: 1 → 2",
      "issuers: Diet; Cabinet → Diet",
      "date (enacted): May 2021 → June 2021",
      "milestone added: in force 1 April 2024",
      "milestone removed: revised 2023",
      "link added: https://example.org/new",
      "link removed: https://example.org/old",
  };
  EXPECT_EQ(describe_all(*change), expected);
}

TEST(DatasetDiff, AChangedItemColourIsAFieldChange) {
  const Dataset before = load("tests/data/diff-old.toml");
  Dataset after = before;
  Color red;
  ASSERT_TRUE(parse_color("#aa3300", red));
  after.items[0].colour = red;
  const DatasetDiff given = compare_datasets(before, after);
  ASSERT_EQ(given.changed.size(), 1u);
  EXPECT_EQ(describe_all(given.changed[0]), std::vector<std::string>{"colour: (none) → #aa3300"});
  Dataset recoloured = after;
  ASSERT_TRUE(parse_color("#0055aa", *recoloured.items[0].colour));
  const DatasetDiff changed = compare_datasets(after, recoloured);
  ASSERT_EQ(changed.changed.size(), 1u);
  EXPECT_EQ(describe_all(changed.changed[0]),
            std::vector<std::string>{"colour: #aa3300 → #0055aa"});
  EXPECT_TRUE(compare_datasets(after, after).empty());
  // And `briefing diff` prints it.
  const std::string dir = testing::make_temp_dir();
  std::string text = testing::read_file(repo_path("tests/data/diff-old.toml"));
  const size_t first_item = text.find("[[item]]\n");
  ASSERT_NE(first_item, std::string::npos);
  text.insert(first_item + 9, "colour = \"#aa3300\"\n");
  testing::write_file(dir + "/coloured.toml", text);
  const auto result =
      run_briefing({"diff", repo_path("tests/data/diff-old.toml"), dir + "/coloured.toml"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("colour: (none) → #aa3300"), std::string::npos) << result.out;
}

TEST(DatasetDiff, ReportsDatasetMetadata) {
  const DatasetDiff diff =
      compare_datasets(load("tests/data/diff-old.toml"), load("tests/data/diff-new.toml"));
  ASSERT_EQ(diff.metadata.size(), 1u);
  EXPECT_EQ(diff.metadata[0].describe(), "published: June 2024 → January 2025");
}

TEST(DatasetDiff, OneMovedDateInTheFactSheetIsOneChange) {
  Dataset before = load("data/ai-safety-japan-2024.toml");
  Dataset after = before;
  Item* moved = nullptr;
  for (auto& item : after.items)
    if (item.milestones.size() >= 1 && !moved) moved = &item;
  ASSERT_NE(moved, nullptr);
  const PartialDate old_date = moved->milestones.back().date;
  moved->milestones.back().date = PartialDate::year(old_date.year_value() + 1);
  const DatasetDiff diff = compare_datasets(before, after);
  EXPECT_TRUE(diff.added.empty());
  EXPECT_TRUE(diff.removed.empty());
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(diff.changed[0].id, moved->id);
  ASSERT_EQ(diff.changed[0].fields.size(), 1u);
  EXPECT_EQ(diff.changed[0].fields[0].field, "date");
  EXPECT_EQ(diff.changed[0].fields[0].before, old_date.format());
}

TEST(DiffCommand, PrintsTheChangesAndExitsZero) {
  const auto result = run_briefing(
      {"diff", repo_path("tests/data/diff-old.toml"), repo_path("tests/data/diff-new.toml")});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Added (1)"), std::string::npos) << result.out;
  EXPECT_NE(
      result.out.find("+ brand-new  \"Fresh Guideline\"  (guideline, published November 2024)"),
      std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("- goes-away"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("~ gets-edited  \"New Title Act\""), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("date (enacted): May 2021 → June 2021"), std::string::npos);
  EXPECT_EQ(result.out.find("stays-same"), std::string::npos) << "unchanged items are not listed";
  EXPECT_NE(result.out.find("1 added, 1 removed, 1 changed"), std::string::npos);
}

TEST(DiffCommand, SameFileTwiceSaysNoDifferences) {
  const std::string data = repo_path("data/ai-safety-japan-2024.toml");
  const auto result = run_briefing({"diff", data, data});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("No differences"), std::string::npos) << result.out;
}

TEST(DiffCommand, InvalidFileGivesLocatedErrorsAndExitOne) {
  const auto result = run_briefing(
      {"diff", repo_path("tests/data/dozen-mistakes.toml"), repo_path("tests/data/diff-new.toml")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("dozen-mistakes.toml:5:"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
}

TEST(DiffCommand, WrongNumberOfFilesIsAUsageError) {
  EXPECT_EQ(run_briefing({"diff", repo_path("tests/data/diff-old.toml")}).exit_code, 2);
}

}  // namespace
}  // namespace briefing
