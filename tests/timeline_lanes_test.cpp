// Timeline lanes: grouping items, and packing them line by line inside a lane.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "layout/timeline/lanes.h"
#include "layout/timeline/packing.h"
#include "timeline_test_support.h"

namespace briefing {
namespace {

using namespace testing;

TEST(TimelineLanes, GroupsBySectionKindIssuerOrNone) {
  const Dataset& data = fact_sheet();
  std::vector<const Item*> items;
  for (const auto& item : data.items) {
    if (item.is_dated()) items.push_back(&item);
  }
  TimelineStyle style;
  style.lanes = LaneGrouping::section;
  style.section_depth = 1;
  auto lanes = group_into_lanes(items, data, style);
  size_t total = 0;
  for (const auto& lane : lanes) {
    EXPECT_EQ(lane.key.find('.'), std::string::npos);
    total += lane.items.size();
  }
  EXPECT_EQ(total, items.size());
  style.lanes = LaneGrouping::kind;
  for (const auto& lane : group_into_lanes(items, data, style, 100)) {
    for (const Item* item : lane.items) EXPECT_EQ(item->kind, lane.key);
  }
  style.lanes = LaneGrouping::none;
  EXPECT_EQ(group_into_lanes(items, data, style).size(), 1u);
  style.lanes = LaneGrouping::issuer;
  auto capped = group_into_lanes(items, data, style, 4);
  EXPECT_LE(capped.size(), 4u);
  total = 0;
  for (const auto& lane : capped) total += lane.items.size();
  EXPECT_EQ(total, items.size());
}

TEST(TimelinePacking, ItemsTakeTheHighestFreeLineAndTheLowestAlternative) {
  // Boxes relative to each item's mark line: a mark of 8 pt and a label of 10 pt.
  auto beside = [](double x0, double x1, double width) {
    return PackAlternative{{Rect{x0, -4, x1 - x0, 8}, Rect{x1 + 2, -5, width, 10}}, 0};
  };
  auto below = [](double x0, double x1, double width) {
    return PackAlternative{{Rect{x0, -4, x1 - x0, 8}, Rect{x0, 5, width, 10}}, 1};
  };
  std::vector<PackItem> items = {
      {{beside(0, 100, 50)}},                          // line 5: top at 0
      {{beside(50, 60, 40)}},                          // overlaps the first: the next free line
      {{beside(300, 310, 500), below(300, 310, 50)}},  // the one reaching least far down
      {{beside(200, 240, 20)}},                        // free on the first line
  };
  PackSettings settings;
  settings.gap_x = 4;
  settings.gap_y = 2;
  const LanePacking packing = pack_lane(items, {0, 1, 2, 3}, {}, settings);
  EXPECT_EQ(packing.placements[0].alternative, 0);
  EXPECT_DOUBLE_EQ(packing.placements[0].line_y, 5);
  EXPECT_DOUBLE_EQ(packing.placements[1].line_y, 5 + 10 + 2);  // below the first, with the gap
  EXPECT_EQ(packing.placements[2].alternative, 0);             // beside reaches less far down
  EXPECT_DOUBLE_EQ(packing.placements[2].line_y, 5);
  EXPECT_DOUBLE_EQ(packing.placements[3].line_y, 5);
  EXPECT_DOUBLE_EQ(packing.height, 17 + 5);
  // Reserved boxes (a lane title) are avoided; a height limit leaves items out.
  settings.max_height = 30;
  const LanePacking limited = pack_lane(items, {0, 1, 2, 3}, {Rect{0, 0, 30, 12}}, settings);
  EXPECT_DOUBLE_EQ(limited.placements[0].line_y, 12 + 2 + 4);  // its mark under the title
  EXPECT_DOUBLE_EQ(limited.placements[1].line_y, 5);           // clear of the title: the first line
  EXPECT_LE(limited.height, 30);
  settings.max_height = 20;
  const LanePacking tight = pack_lane(items, {0, 1, 2, 3}, {Rect{0, 0, 30, 12}}, settings);
  EXPECT_EQ(tight.placements[0].alternative, -1);  // would end at 23
  EXPECT_DOUBLE_EQ(tight.placements[1].line_y, 5);
  EXPECT_LE(tight.height, 20);
}

}  // namespace
}  // namespace briefing
