// The timeline's time scale and ticks: proportional, compressed where sparse, labels that never
// collide.
#include <gtest/gtest.h>

#include <algorithm>
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

// ---- every tick label at its own date (issue 13, item 6) --------------------

bool centred_unit(TickUnit unit) {
  return unit == TickUnit::day || unit == TickUnit::month || unit == TickUnit::quarter ||
         unit == TickUnit::year;
}

// Maps every label back through the scale: a period's label lies inside
// its period, on the part the axis shows; a step's label is centred on the
// x of its own date, which lies inside the range. Returns how many labels.
int expect_labels_at_their_dates(const TimeScale& scale, const std::vector<Tick>& ticks,
                                 const std::string& context) {
  int labelled = 0;
  for (const Tick& t : ticks) {
    if (t.label.empty()) continue;
    ++labelled;
    const double left = t.label_x - t.label_width / 2, right = t.label_x + t.label_width / 2;
    const double day = scale.day_at(t.label_x);
    if (t.tier == 1 || centred_unit(t.unit)) {
      EXPECT_GE(day, static_cast<double>(t.start) - 1e-6) << context << " '" << t.label << "'";
      EXPECT_LT(day, static_cast<double>(t.end)) << context << " '" << t.label << "'";
      EXPECT_GE(left, scale.x(static_cast<double>(t.start)) - 0.01) << context << " " << t.label;
      EXPECT_LE(right, scale.x(static_cast<double>(t.end)) + 0.01) << context << " " << t.label;
    } else {
      EXPECT_NEAR(day, static_cast<double>(t.start), 1.0) << context << " '" << t.label << "'";
      EXPECT_GE(t.start, scale.first_day()) << context << " '" << t.label << "'";
    }
    // A year's label names the year where it stands.
    if (t.unit >= TickUnit::year && t.tier == 0) {
      const int year = std::stoi(t.label);
      EXPECT_GE(static_cast<DayNumber>(day), day_number(year, 1, 1) - 1) << context;
      EXPECT_LT(static_cast<DayNumber>(day), day_number(year + 1, 1, 1) + 1) << context;
    }
  }
  return labelled;
}

auto chars6 = [](const std::string& text) { return 6.0 * static_cast<double>(text.size()); };

TEST(TimelineTicks, EveryLabelStandsAtItsDate) {
  const std::vector<std::pair<DayNumber, DayNumber>> ranges = {
      {day_number(2024, 3, 4), day_number(2024, 3, 28)},
      {day_number(2024, 3, 1), day_number(2024, 5, 1)},
      {day_number(2023, 10, 1), day_number(2025, 4, 1)},
      {day_number(2019, 1, 1), day_number(2025, 4, 1)},
      {day_number(1979, 1, 1), day_number(2025, 7, 1)},
      {day_number(1800, 1, 1), day_number(2030, 1, 1)}};
  for (auto range : ranges) {
    for (double width : {200.0, 450.0, 960.0, 1800.0}) {
      // With and without a compressed stretch (sparse early data).
      std::vector<double> days = {static_cast<double>(range.first + 3)};
      for (int k = 0; k < 40; ++k) {
        days.push_back(static_cast<double>(range.second) -
                       static_cast<double>(range.second - range.first) * 0.25 * k / 40.0);
      }
      for (bool breaks : {false, true}) {
        ScaleSettings settings;
        settings.allow_breaks = breaks;
        TimeScale scale = build_time_scale(range, days, 20, 20 + width, settings,
                                           {range.first + 3, range.second - 1});
        const std::string context = std::to_string(range.first) + " w" +
                                    std::to_string(static_cast<int>(width)) +
                                    (breaks ? " breaks" : "");
        const auto ticks = choose_ticks(scale, chars6, 8, 10, 30 + width);
        const int labelled = expect_labels_at_their_dates(scale, ticks, context);
        if (width >= 450) {
          EXPECT_GE(labelled, 2) << context;
        }
      }
    }
  }
}

TEST(TimelineTicks, TheOriginSuppressesNoLabel) {
  // Evenly spread 1990–2025 data: the labels step evenly, with no gap
  // after the first.
  std::vector<double> days;
  for (int y = 1990; y <= 2025; ++y) days.push_back(static_cast<double>(day_number(y, 6, 1)));
  const auto range = padded_range(day_number(1990, 3, 1), day_number(2025, 6, 1));
  for (double width : {600.0, 960.0, 1800.0}) {
    TimeScale scale = build_time_scale(range, days, 20, 20 + width, ScaleSettings{},
                                       {day_number(1990, 3, 1), day_number(2025, 6, 1)});
    ASSERT_FALSE(scale.has_compression());
    const auto ticks = choose_ticks(scale, chars6, 8, 10, 30 + width);
    expect_labels_at_their_dates(scale, ticks, "1990-2025");
    std::vector<int> years;
    for (const Tick& t : ticks) {
      if (t.tier == 0 && !t.label.empty()) years.push_back(std::stoi(t.label));
    }
    ASSERT_GE(years.size(), 3u) << width;
    for (size_t i = 2; i < years.size(); ++i) {
      EXPECT_EQ(years[i] - years[i - 1], years[1] - years[0]) << "width " << width;
    }
  }
}

TEST(TimelineTicks, YearsStandUnderTheirOwnQuarters) {
  // The axis starts in the last quarter of 2023: "2023" may only stand
  // under that quarter, never under the first quarter of 2024.
  const DayNumber first = day_number(2023, 10, 1), end = day_number(2025, 4, 1);
  for (double width : {300.0, 500.0, 900.0, 1800.0}) {
    TimeScale scale = build_time_scale({first, end}, {}, 0, width, ScaleSettings{});
    const auto ticks = choose_ticks(scale, chars6, 8);
    int years = 0;
    for (const Tick& t : ticks) {
      if (t.tier != 1 || t.label.empty()) continue;
      ++years;
      const int year = std::stoi(t.label);
      EXPECT_GE(t.label_x - t.label_width / 2,
                scale.x(static_cast<double>(day_number(year, 1, 1))) - 0.01)
          << t.label << " width " << width;
      EXPECT_LE(t.label_x + t.label_width / 2,
                scale.x(static_cast<double>(day_number(year + 1, 1, 1))) + 0.01)
          << t.label << " width " << width;
    }
    if (width >= 500) {
      EXPECT_GE(years, 1) << width;
    }
    expect_labels_at_their_dates(scale, ticks, "2023Q4-2025Q1");
  }
}

TEST(TimelineScale, PaddingIsInProportionToTheSpan) {
  // Everything in one month: a few days either side, not whole months.
  const DayNumber a = day_number(2024, 3, 4), b = day_number(2024, 3, 27);
  const auto range = padded_range(a, b);
  EXPECT_LE(range.first, a);
  EXPECT_GE(range.second, b + 1);
  EXPECT_GE(range.first, a - 5);
  EXPECT_LE(range.second, b + 6);
  TimeScale scale = build_time_scale(range, {}, 0, 1700, ScaleSettings{});
  const auto ticks = choose_ticks(scale, chars6, 8);
  ASSERT_FALSE(ticks.empty());
  EXPECT_TRUE(ticks.front().unit == TickUnit::day || ticks.front().unit == TickUnit::week);
  EXPECT_TRUE(std::any_of(ticks.begin(), ticks.end(),
                          [](const Tick& t) { return t.tier == 1 && t.label == "March 2024"; }));
  expect_labels_at_their_dates(scale, ticks, "one month");
  // A two-year span keeps whole years; a six-month one whole months.
  EXPECT_EQ(padded_range(day_number(2019, 5, 2), day_number(2024, 5, 2)).first,
            day_number(2019, 1, 1));
  EXPECT_EQ(padded_range(day_number(2024, 2, 10), day_number(2024, 8, 3)),
            (std::pair{day_number(2024, 2, 1), day_number(2024, 9, 1)}));
}

TEST(TimelineScale, BreaksOnlyBetweenDataNeverAtThePadding) {
  // Events in March only, padded by a month either side as a preset might
  // ask with --from/--to: the empty months are not "compressed".
  std::vector<double> days;
  for (int d = 4; d <= 28; d += 2) days.push_back(static_cast<double>(day_number(2024, 3, d)));
  TimeScale padded =
      build_time_scale({day_number(2024, 1, 1), day_number(2024, 6, 1)}, days, 0, 800,
                       ScaleSettings{}, {day_number(2024, 3, 4), day_number(2024, 3, 28)});
  EXPECT_FALSE(padded.has_compression());
  // A long empty stretch between early data and the dense part is.
  std::vector<double> sparse = days;
  sparse.push_back(static_cast<double>(day_number(2019, 6, 1)));
  TimeScale between =
      build_time_scale({day_number(2019, 1, 1), day_number(2024, 6, 1)}, sparse, 0, 800,
                       ScaleSettings{}, {day_number(2019, 6, 1), day_number(2024, 3, 28)});
  EXPECT_TRUE(between.has_compression());
}

TEST(TimelineTicks, NoLabelWhereItsYearIsNot) {
  // 1979–2025, one year-precision item in 1979 and the rest from 2008: the
  // compressed 1979–2007 stretch never shows "1950" at its start.
  std::vector<double> days;
  for (int y = 2008; y <= 2025; ++y) {
    for (int m = 1; m <= 12; m += 4) days.push_back(static_cast<double>(day_number(y, m, 1)));
  }
  const auto range = padded_range(day_number(1979, 1, 1), day_number(2025, 6, 30));
  for (double width : {450.0, 960.0, 1800.0}) {
    TimeScale scale = build_time_scale(range, days, 20, 20 + width, ScaleSettings{},
                                       {day_number(1979, 1, 1), day_number(2025, 6, 30)});
    const auto ticks = choose_ticks(scale, chars6, 8, 10, 30 + width);
    for (const Tick& t : ticks) {
      if (t.label.empty() || t.tier != 0) continue;
      EXPECT_GE(std::stoi(t.label), 1979) << "width " << width;
    }
    expect_labels_at_their_dates(scale, ticks, "1979-2025");
  }
}

// ---- collision detector, lanes, rows ---------------------------------------

}  // namespace
}  // namespace briefing
