// The timeline's time scale and ticks: proportional, compressed where sparse, labels that never
// collide.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "layout/timeline/scale.h"
#include "timeline_test_support.h"

namespace briefing {
namespace {

using namespace testing;

// ---- scale and ticks --------------------------------------------------------

TEST(TimelineScale, ProportionalWithoutCrowding) {
  const DayNumber a = day_number(2010, 1, 1), b = day_number(2020, 1, 1);
  std::vector<double> days;
  for (int y = 2010; y < 2020; ++y) days.push_back(static_cast<double>(day_number(y, 6, 1)));
  TimeScale scale = build_time_scale({a, b}, days, 100, 1100, ScaleSettings{});
  ASSERT_FALSE(scale.has_compression());
  EXPECT_DOUBLE_EQ(scale.x(static_cast<double>(a)), 100);
  EXPECT_DOUBLE_EQ(scale.x(static_cast<double>(b)), 1100);
  // Equal times, equal distances.
  const double year1 = scale.x(static_cast<double>(day_number(2012, 1, 1))) -
                       scale.x(static_cast<double>(day_number(2011, 1, 1)));
  const double year2 = scale.x(static_cast<double>(day_number(2017, 1, 1))) -
                       scale.x(static_cast<double>(day_number(2016, 1, 1)));
  EXPECT_NEAR(year1, year2, 0.3);  // years differ by a leap day at most
}

TEST(TimelineScale, CompressesASparseStretchAndSaysByHowMuch) {
  std::vector<double> days = {static_cast<double>(day_number(2015, 3, 1)),
                              static_cast<double>(day_number(2017, 8, 1))};
  for (int m = 1; m <= 12; ++m) {
    for (int k = 0; k < 3; ++k) days.push_back(static_cast<double>(day_number(2024, m, 1 + 9 * k)));
  }
  auto range = padded_range(day_number(2015, 3, 1), day_number(2024, 12, 31));
  TimeScale scale = build_time_scale(range, days, 0, 1000, ScaleSettings{});
  ASSERT_TRUE(scale.has_compression());
  const auto& main = scale.main_segment();
  EXPECT_LE(main.first, day_number(2024, 1, 1));
  for (const auto& s : scale.segments()) {
    if (s.compressed) {
      EXPECT_GE(scale.compression_factor(s), 1.5);
    }
  }
  // Monotone and continuous across the break.
  double previous = -1;
  for (DayNumber d = range.first; d <= range.second; d += 7) {
    const double x = scale.x(static_cast<double>(d));
    EXPECT_GE(x, previous);
    previous = x;
  }
  // 2024 takes most of the width.
  EXPECT_GT(scale.x(static_cast<double>(day_number(2025, 1, 1))) -
                scale.x(static_cast<double>(day_number(2024, 1, 1))),
            500);
}

TEST(TimelineTicks, LabelsNeverOverlapAtAnyWidthOrRange) {
  auto measure = [](const std::string& text) { return 6.0 * static_cast<double>(text.size()); };
  const std::vector<std::pair<DayNumber, DayNumber>> ranges = {
      {day_number(2024, 3, 1), day_number(2024, 5, 1)},
      {day_number(2024, 1, 1), day_number(2025, 1, 1)},
      {day_number(2019, 1, 1), day_number(2025, 4, 1)},
      {day_number(1950, 1, 1), day_number(2025, 1, 1)},
      {day_number(1800, 1, 1), day_number(2030, 1, 1)}};
  for (auto range : ranges) {
    for (double width : {80.0, 200.0, 450.0, 960.0, 2000.0}) {
      TimeScale scale = build_time_scale(range, {}, 10, 10 + width, ScaleSettings{});
      auto ticks = choose_ticks(scale, measure, 8);
      for (int tier = 0; tier < 2; ++tier) {
        double right = -1e9;
        for (const Tick& t : ticks) {
          if (t.tier != tier || t.label.empty()) continue;
          const double left = t.label_x - t.label_width / 2;
          EXPECT_GE(left, right + 8 - 1e-6) << "width " << width << " label " << t.label;
          EXPECT_GE(left, 10 - 0.02);
          EXPECT_LE(left + t.label_width, 10 + width + 0.02);
          right = left + t.label_width;
        }
      }
      if (width >= 450) {
        EXPECT_GE(std::count_if(ticks.begin(), ticks.end(),
                                [](const Tick& t) { return !t.label.empty(); }),
                  2)
            << "width " << width;
      }
    }
  }
}

TEST(TimelineTicks, MonthsWhenThereIsRoom) {
  auto measure = [](const std::string& text) { return 5.0 * static_cast<double>(text.size()); };
  TimeScale scale = build_time_scale({day_number(2024, 1, 1), day_number(2025, 1, 1)}, {}, 0, 900,
                                     ScaleSettings{});
  auto ticks = choose_ticks(scale, measure, 8);
  EXPECT_EQ(std::count_if(ticks.begin(), ticks.end(), [](const Tick& t) { return t.tier == 0; }),
            12);
  EXPECT_EQ(std::count_if(ticks.begin(), ticks.end(),
                          [](const Tick& t) { return t.tier == 1 && t.label == "2024"; }),
            1);
}

// ---- collision detector, lanes, rows ---------------------------------------

}  // namespace
}  // namespace briefing
