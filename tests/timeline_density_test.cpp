// Large data is aggregated, not dropped (issue 13, item 5): past what labels
// can show each lane is a density strip with a legend stating the bucket,
// and only highlights are labelled.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "layout/timeline/density_layout.h"
#include "timeline_test_support.h"

namespace briefing {
namespace {

using namespace testing;

// A fictional fixture: `n` items in `sections` sections, dates spread over
// [first_year, first_year + years), every `every`-th item highlighted.
Dataset many_items(int n, int first_year, int years, int sections, int every) {
  std::mt19937 random(7);
  Dataset d;
  d.title = "Many items (fictional)";
  d.publisher = "Test";
  for (int s = 1; s <= sections; ++s) {
    d.sections.push_back({std::to_string(s), "Section " + std::to_string(s), "", {}});
  }
  d.items.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    Item item;
    item.id = "item-" + std::to_string(i);
    item.section = std::to_string(1 + static_cast<int>(random() % static_cast<unsigned>(sections)));
    item.title = "Fictional measure " + std::to_string(i);
    item.kind = i % 2 ? "law" : "guideline";
    item.highlight = i % every == 0;
    const int y = first_year + static_cast<int>(random() % static_cast<unsigned>(years));
    const int m = 1 + static_cast<int>(random() % 12u), day = 1 + static_cast<int>(random() % 28u);
    const PartialDate date = i % 5 == 0   ? PartialDate::year(y)
                             : i % 3 == 0 ? PartialDate::month(y, m)
                                          : PartialDate::day(y, m, day);
    item.milestones.push_back({"adopted", date, "", {}});
    d.items.push_back(std::move(item));
  }
  return d;
}

size_t lane_title_total(const LaidOutTimeline& layout) {
  size_t total = 0;
  for (const auto& e : layout.elements) {
    if (e.kind != "lane-title") continue;
    const size_t dot = e.text.rfind(" · ");
    if (dot != std::string::npos) total += std::stoul(e.text.substr(dot + 4));
  }
  return total;
}

TEST(TimelineDensity, HundredThousandItemsBecomeStripsWithABucketLegend) {
  const Dataset data = many_items(100000, 1990, 36, 6, 5000);
  TimelineOptions options;
  options.allow_omissions = true;
  LaidOutTimeline layout = lay_out(data, preset("slide-16x9"), options);
  EXPECT_EQ(count(layout, "density"), 6u);
  EXPECT_EQ(count(layout, "lane"), 6u);
  // The legend says what a strip counts; 36 years on a slide: per year.
  bool legend = false;
  for (const auto& e : layout.elements) {
    if (e.kind == "legend" && e.text.find("items per year") != std::string::npos) legend = true;
    if (e.kind == "density") {
      EXPECT_NE(e.text.find(": items per year"), std::string::npos) << e.text;
    }
  }
  EXPECT_TRUE(legend);
  // Every item counted once, in its lane.
  EXPECT_EQ(lane_title_total(layout), 100000u);
  // Labels for highlights only; every highlight labelled or named as left out.
  std::set<std::string> named;
  for (const auto& e : layout.elements) {
    if (e.kind != "label") continue;
    EXPECT_TRUE(data.find_item(e.item_id)->highlight) << e.item_id;
    named.insert(e.item_id);
  }
  EXPECT_GT(named.size(), 0u);
  EXPECT_EQ(named.size() + layout.omitted.size(), 20u);
  for (const double size : label_sizes(layout, data))
    EXPECT_GE(size, preset("slide-16x9").min_text_size);
  expect_clean(layout, "100k");
}

TEST(TimelineDensity, AShortSpanCountsPerMonth) {
  const Dataset data = many_items(3000, 2022, 2, 3, 1000);
  LaidOutTimeline layout = lay_out(data, preset("slide-16x9"), {});
  EXPECT_EQ(count(layout, "density"), 3u);
  bool monthly = false;
  for (const auto& e : layout.elements) {
    if (e.kind == "legend" && e.text.find("items per month") != std::string::npos) monthly = true;
  }
  EXPECT_TRUE(monthly);
  EXPECT_TRUE(layout.omitted.empty());
  EXPECT_EQ(count(layout, "label"), 3u);
  expect_clean(layout, "3000 over two years");
}

TEST(TimelineDensity, FewItemsAreLabelledNotAggregated) {
  const Dataset data = many_items(40, 2010, 10, 3, 7);
  TimelineOptions options;
  options.allow_omissions = true;
  LaidOutTimeline layout = lay_out(data, preset("slide-16x9"), options);
  EXPECT_EQ(count(layout, "density"), 0u);
  EXPECT_GT(count(layout, "label"), 6u);  // not only the highlights
}

}  // namespace
}  // namespace briefing
