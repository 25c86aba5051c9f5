// The bundled fact-sheet dataset: complete, faithful to the source's structure.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/url.h"
#include "load/dataset_loader.h"
#include "test_support.h"

namespace briefing {
namespace {

class BundledDataset : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    load_ =
        new DatasetLoad(load_dataset_file(testing::repo_path("data/ai-safety-japan-2024.toml")));
  }
  static void TearDownTestSuite() { delete load_; }
  const Dataset& data() const { return *load_->dataset; }

  std::vector<std::string> dates_of(const std::string& id) const {
    const Item* item = data().find_item(id);
    EXPECT_NE(item, nullptr) << id;
    std::vector<std::string> dates;
    if (item)
      for (const auto& m : item->milestones) dates.push_back(m.date.iso());
    return dates;
  }

  static DatasetLoad* load_;
};

DatasetLoad* BundledDataset::load_ = nullptr;

TEST_F(BundledDataset, LoadsWithoutErrors) {
  ASSERT_TRUE(load_->ok()) << load_->report();
  EXPECT_TRUE(load_->diagnostics.all().empty()) << load_->report();
  EXPECT_EQ(data().title, "Fact Sheet of AI Safety in Japan 2024");
  EXPECT_EQ(data().publisher, "Japan AI Safety Institute (J-AISI)");
  EXPECT_EQ(data().published.iso(), "2025-02-05");
}

TEST_F(BundledDataset, SectionsAreNumberedAsInTheFactSheet) {
  std::vector<std::string> ids;
  for (const auto& s : data().sections) ids.push_back(s.id);
  EXPECT_EQ(ids,
            (std::vector<std::string>{"1", "1.1", "1.2", "1.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4",
                                      "1.3.5", "1.3.6", "1.3.7", "1.4", "1.5", "1.6", "2"}));
}

TEST_F(BundledDataset, CountsMatchTheFactSheet) {
  EXPECT_EQ(data().items.size(), 41u);
  EXPECT_EQ(data().link_count(), 41u);
  EXPECT_EQ(data().note_count(), 2u);
  EXPECT_EQ(data().milestone_count(), 36u);
  // Items per section, in the fact sheet's order.
  std::map<std::string, int> per_section;
  for (const auto& item : data().items) ++per_section[item.section];
  EXPECT_EQ(per_section["1.1"], 2);
  EXPECT_EQ(per_section["1.2"], 8);
  EXPECT_EQ(per_section["1.3.3"], 6);
  EXPECT_EQ(per_section["1.4"], 5);
  EXPECT_EQ(per_section["1.5"], 6);
  EXPECT_EQ(per_section["1.6"], 3);
  EXPECT_EQ(per_section["2"], 3);
}

TEST_F(BundledDataset, EveryFootnoteIsAttachedOnce) {
  std::multiset<int> numbers;
  for (const auto& item : data().items) {
    for (const auto& link : item.links) numbers.insert(link.footnote);
    for (const auto& note : item.notes) numbers.insert(note.footnote);
  }
  ASSERT_EQ(numbers.size(), 43u);
  int expected = 1;
  for (int n : numbers) EXPECT_EQ(n, expected++);
  // The two text footnotes.
  std::set<int> notes;
  for (const auto& item : data().items)
    for (const auto& note : item.notes) notes.insert(note.footnote);
  EXPECT_EQ(notes, (std::set<int>{2, 27}));
}

TEST_F(BundledDataset, UrlsAreRestoredFromTheOcr) {
  std::set<std::string> urls;
  size_t japanese_only = 0;
  for (const auto& item : data().items) {
    for (const auto& link : item.links) {
      urls.insert(link.url);
      EXPECT_TRUE(is_safe_link_target(link.href)) << link.href;
      // The fact sheet's URLs are already plain ASCII: normalising changes none.
      EXPECT_EQ(link.href, link.url);
      EXPECT_EQ(link.url.find(' '), std::string::npos) << link.url;
      if (link.language_note == "Japanese only") ++japanese_only;
    }
  }
  EXPECT_EQ(japanese_only, 11u);  // "(Japanese Only)" in the fact sheet
  EXPECT_TRUE(urls.count("https://www8.cao.go.jp/cstp/tougosenryaku/togo2024_honbun_eiyaku.pdf"));
  EXPECT_TRUE(urls.count("https://haip-cip.org/assets/documents/nr_20241002_02.pdf"));
  EXPECT_TRUE(
      urls.count("https://aisi-go-jp.translate.goog/?_x_tr_sl=auto&_x_tr_tl=en&_x_tr_hl=ja"));
}

TEST_F(BundledDataset, StatedDatesAreAllThere) {
  EXPECT_EQ(dates_of("oecd-ai-principles"), (std::vector<std::string>{"2019-05", "2024-05"}));
  EXPECT_EQ(dates_of("unesco-recommendation-ethics-ai"), (std::vector<std::string>{"2021-11"}));
  EXPECT_EQ(dates_of("hiroshima-reporting-framework"),
            (std::vector<std::string>{"2024", "2025-02"}));
  EXPECT_EQ(dates_of("global-digital-compact"), (std::vector<std::string>{"2024-09-22"}));
  EXPECT_EQ(dates_of("ai-institutional-research-group"),
            (std::vector<std::string>{"2024-07", "2024-12"}));
  EXPECT_EQ(dates_of("ip-rights-ai-era-interim-summary"),
            (std::vector<std::string>{"2024-05", "2024-11"}));
  EXPECT_EQ(dates_of("general-understanding-ai-copyright"),
            (std::vector<std::string>{"2024-03", "2024-07"}));
  EXPECT_EQ(dates_of("ml-quality-management-guidelines"),
            (std::vector<std::string>{"2020", "2023-01", "2023-12"}));
  EXPECT_EQ(dates_of("japan-ai-safety-institute"), (std::vector<std::string>{"2024-02"}));
  EXPECT_EQ(dates_of("ai-strategy-headquarters"), (std::vector<std::string>{"2024-12-26"}));
  // Laws the fact sheet gives no date for stay undated.
  EXPECT_TRUE(dates_of("patent-act").empty());
}

TEST_F(BundledDataset, FiveHeadlineHighlights) {
  std::set<std::string> highlighted;
  for (const auto& item : data().items)
    if (item.highlight) highlighted.insert(item.id);
  EXPECT_EQ(highlighted,
            (std::set<std::string>{"oecd-ai-principles", "unesco-recommendation-ethics-ai",
                                   "hiroshima-ai-process", "japan-ai-safety-institute",
                                   "ai-strategy-headquarters"}));
}

TEST_F(BundledDataset, EverythingIsFilledIn) {
  for (const auto& item : data().items) {
    EXPECT_FALSE(item.summary.empty()) << item.id;
    EXPECT_FALSE(item.kind.empty()) << item.id;
  }
}

TEST(CheckCommand, BundledDatasetSummaryLine) {
  const auto result =
      testing::run_briefing({"check", testing::repo_path("data/ai-safety-japan-2024.toml")});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find(": ok: 15 sections, 41 items, 36 milestones, 41 links, 2 notes"),
            std::string::npos)
      << result.out;
}

}  // namespace
}  // namespace briefing
