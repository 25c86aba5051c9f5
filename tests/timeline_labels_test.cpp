// Timeline labels: one size for the chart, large for highlights, grid lines behind them.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "timeline_test_support.h"

namespace briefing {
namespace {

using namespace testing;

// One size for all labels: the largest that fits. On a 16:9 slide the fact
// sheet reads at 8.5 pt (17 px) or more, well above the 7 pt minimum.
TEST(TimelineLayout, OneLabelSizeTheLargestThatFits) {
  const TimelineStyle style = preset("slide-16x9");
  LaidOutTimeline layout = lay_out(fact_sheet(), style, {});
  const std::vector<double> sizes = label_sizes(layout, fact_sheet());
  ASSERT_FALSE(sizes.empty());
  expect_one_label_size(layout, fact_sheet(), "slide-16x9");
  EXPECT_GE(sizes.front(), 8.5);
  EXPECT_LE(sizes.front(), style.label_size);
  // A few items get the preset's full size; a crowded canvas gets less, never below the minimum.
  TimelineOptions few;
  few.only = {"1.3"};
  const auto roomy = label_sizes(lay_out(fact_sheet(), style, few), fact_sheet());
  ASSERT_FALSE(roomy.empty());
  EXPECT_DOUBLE_EQ(roomy.front(), style.label_size);
  TimelineOptions small;
  small.width = 500;
  small.height = 400;
  small.allow_omissions = true;
  const auto crowded = label_sizes(lay_out(fact_sheet(), style, small), fact_sheet());
  ASSERT_FALSE(crowded.empty());
  EXPECT_LT(crowded.front(), sizes.front());
  EXPECT_GE(crowded.front(), style.min_text_size);
}

// Grid lines stop where a label stands: no grid segment crosses a label box.
TEST(TimelineLayout, GridLinesDoNotRunThroughLabels) {
  LaidOutTimeline layout = lay_out(fact_sheet(), preset("slide-16x9"), {});
  std::vector<Rect> labels;
  for (const auto& e : layout.elements) {
    if (e.kind == "label" || e.kind == "lane-title") labels.push_back(e.box);
  }
  const Color grid = preset("slide-16x9").theme("light").grid;
  size_t segments = 0;
  for (const auto& display : layout.page.items) {
    auto* path = std::get_if<PathShape>(&display);
    if (!path || path->points.size() != 2) continue;
    const Color& c = path->stroke.color;
    if (c.r != grid.r || c.g != grid.g || c.b != grid.b) continue;
    const Point a = path->points[0], b = path->points[1];
    if (std::abs(a.x - b.x) > 1e-9) continue;  // vertical lines only
    ++segments;
    const Rect line{a.x - 0.2, std::min(a.y, b.y), 0.4, std::abs(b.y - a.y)};
    for (const Rect& label : labels) {
      EXPECT_FALSE(line.intersects(label)) << "grid line at x " << a.x << " crosses a label";
    }
  }
  EXPECT_GT(segments, 10u);
}

TEST(TimelineLayout, HighlightsUseLargeText) {
  TimelineOptions options;
  options.highlights_only = true;
  const TimelineStyle style = preset("slide-16x9");
  LaidOutTimeline layout = lay_out(fact_sheet(), style, options);
  EXPECT_TRUE(layout.omitted.empty());
  size_t highlighted = 0;
  for (const auto& item : fact_sheet().items) highlighted += item.highlight && item.is_dated();
  EXPECT_EQ(count(layout, "label"), highlighted);
  for_each_item(layout.page.items, [&](const DisplayItem& item, Point) {
    if (auto* text = std::get_if<TextShape>(&item)) {
      // 14 pt = 28 px at the preset's 2 px per point.
      EXPECT_GE(text->block->style().size * style.pixels_per_point, 28 - 1e-9)
          << text->block->text();
    }
  });
  expect_clean(layout, "highlights");
}

}  // namespace
}  // namespace briefing
