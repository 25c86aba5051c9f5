// Timeline marks: honest partial dates, one row per item.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "timeline_test_support.h"

namespace briefing {
namespace {

using namespace testing;

TEST(TimelineLayout, PartialDatesSpanTheirPeriod) {
  TimelineStyle style = preset("slide-16x9");
  style.axis_breaks = false;
  LaidOutTimeline layout = lay_out(precision_dataset(), style, {});
  EXPECT_TRUE(layout.omitted.empty());
  std::map<std::string, Rect> marks;
  for (const auto& e : layout.elements) {
    if (e.kind == "marker") marks[e.item_id] = e.box;
  }
  ASSERT_EQ(marks.size(), 3u);
  // Range 2022..2023 (whole years): the year takes half the axis width.
  const double year = marks["year"].width;
  const double month = marks["month"].width;
  const double day = marks["day"].width;
  EXPECT_NEAR(month / year, 30.0 / 365.0, 0.02);
  EXPECT_NEAR(day, style.marker_size, 0.01);
  EXPECT_GT(year, 300);
  // The year bar starts left of the month (2022 before June 2023) and ends before it.
  EXPECT_LT(marks["year"].right(), marks["month"].x);
  expect_clean(layout, "precision");
  // Labels print dates at their precision.
  bool year_text = false;
  for_each_item(layout.page.items, [&](const DisplayItem& item, Point) {
    if (auto* text = std::get_if<TextShape>(&item)) {
      if (text->block->text() == "2022 adopted") year_text = true;
    }
  });
  EXPECT_TRUE(year_text);
}

TEST(TimelineLayout, SeveralMilestonesFormOneRow) {
  const Dataset& data = fact_sheet();
  LaidOutTimeline layout = lay_out(data, preset("slide-16x9"), {});
  std::vector<Rect> oecd;
  for (const auto& e : layout.elements) {
    if (e.kind == "marker" && e.item_id == "oecd-ai-principles") oecd.push_back(e.box);
  }
  ASSERT_GE(oecd.size(), 3u);  // two milestones and their connector
  for (const auto& box : oecd) {
    EXPECT_NEAR(box.y + box.height / 2, oecd.front().y + oecd.front().height / 2, 0.01);
  }
}

}  // namespace
}  // namespace briefing
