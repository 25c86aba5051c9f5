// Timeline layout without drawing: scale, ticks, partial-date extents, lanes,
// and no overlap / in bounds on the fact sheet and on random datasets.
#include "layout/timeline/timeline_layout.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "layout/timeline/lanes.h"
#include "layout/timeline/packing.h"
#include "layout/timeline/scale.h"
#include "load/dataset_loader.h"
#include "load/timeline_style_loader.h"
#include "test_support.h"

namespace briefing {
namespace {

TimelineStyle preset(const std::string& name) {
  Diagnostics diagnostics;
  auto style = load_timeline_style(resolve_layout_path(name), diagnostics);
  EXPECT_TRUE(style.has_value()) << format_diagnostics(diagnostics);
  return style.value_or(TimelineStyle{});
}

const Dataset& fact_sheet() {
  static const Dataset dataset = [] {
    auto load = load_dataset_file(testing::repo_path("data/ai-safety-japan-2024.toml"));
    EXPECT_TRUE(load.ok()) << load.report();
    return load.dataset.value_or(Dataset{});
  }();
  return dataset;
}

bool is_text(const std::string& kind) {
  return kind == "label" || kind == "tick-label" || kind == "lane-title" || kind == "legend" ||
         kind == "title";
}

// Every text box is clear of every other text and marker box; markers of
// different items do not overlap; everything lies inside the page.
void expect_clean(const TimelineLayout& layout, const std::string& context) {
  const auto& elements = layout.elements;
  const Rect page{0, 0, layout.page.width, layout.page.height};
  for (size_t i = 0; i < elements.size(); ++i) {
    const auto& a = elements[i];
    EXPECT_TRUE(page.contains(a.box))
        << context << ": " << a.kind << " '" << a.text << "' outside the page";
    for (size_t j = i + 1; j < elements.size(); ++j) {
      const auto& b = elements[j];
      const bool texts = is_text(a.kind) || is_text(b.kind);
      const bool markers = a.kind == "marker" && b.kind == "marker" && a.item_id != b.item_id;
      if (!texts && !markers) continue;
      if (a.kind == "lane" || b.kind == "lane") continue;  // a region, not a drawn element
      EXPECT_FALSE(a.box.intersects(b.box, -0.01))
          << context << ": " << a.kind << " '" << a.text << "' (" << a.item_id << ") overlaps "
          << b.kind << " '" << b.text << "' (" << b.item_id << ")";
    }
  }
}

size_t count(const TimelineLayout& layout, const std::string& kind) {
  return static_cast<size_t>(std::count_if(layout.elements.begin(), layout.elements.end(),
                                           [&](const PlacedElement& e) { return e.kind == kind; }));
}

// Every label lies inside the band of the lane its marks are in, and right
// next to its marks: beside them on their line, or just above or below them.
void expect_labels_by_their_marks(const TimelineLayout& layout, const std::string& context) {
  std::vector<Rect> lanes;
  std::map<std::string, Rect> marks;  // item id -> the union of its marker boxes
  for (const auto& e : layout.elements) {
    if (e.kind == "lane") lanes.push_back(e.box);
    if (e.kind != "marker") continue;
    auto [it, added] = marks.emplace(e.item_id, e.box);
    if (!added) {
      Rect& u = it->second;
      const double right = std::max(u.right(), e.box.right());
      const double bottom = std::max(u.bottom(), e.box.bottom());
      u.x = std::min(u.x, e.box.x);
      u.y = std::min(u.y, e.box.y);
      u.width = right - u.x;
      u.height = bottom - u.y;
    }
  }
  ASSERT_FALSE(lanes.empty()) << context;
  for (const auto& e : layout.elements) {
    if (e.kind != "label") continue;
    ASSERT_TRUE(marks.count(e.item_id)) << context << ": label without marks " << e.item_id;
    const Rect& m = marks[e.item_id];
    const double line = m.y + m.height / 2;
    const Rect* lane = nullptr;
    for (const Rect& band : lanes) {
      if (line >= band.y && line <= band.bottom()) lane = &band;
    }
    ASSERT_NE(lane, nullptr) << context << ": marks of " << e.item_id << " in no lane";
    EXPECT_TRUE(lane->contains(e.box, 0.01))
        << context << ": label '" << e.text << "' leaves its lane (label y " << e.box.y << ".."
        << e.box.bottom() << ", lane " << lane->y << ".." << lane->bottom() << ")";
    const double gap_x = std::max(e.box.x - m.right(), m.x - e.box.right());
    const double gap_y = std::max(e.box.y - m.bottom(), m.y - e.box.bottom());
    const bool beside = gap_x >= 0 && gap_x <= 6 && e.box.y <= line && e.box.bottom() >= line;
    const bool over_or_under = gap_y >= 0 && gap_y <= 4 && gap_x < 0;
    EXPECT_TRUE(beside || over_or_under)
        << context << ": label '" << e.text << "' is not next to its marks (gap x " << gap_x
        << ", gap y " << gap_y << ")";
  }
}

// The text size of every item title on the chart (one entry per label).
std::vector<double> label_sizes(const TimelineLayout& layout, const Dataset& data) {
  std::set<std::string> titles;
  for (const auto& item : data.items) titles.insert(item.title);
  std::vector<double> sizes;
  for (const auto& display : layout.page.items) {
    if (auto* text = std::get_if<TextShape>(&display)) {
      if (titles.count(text->block->text())) sizes.push_back(text->block->style().size);
    }
  }
  return sizes;
}

void expect_one_label_size(const TimelineLayout& layout, const Dataset& data,
                           const std::string& context) {
  const std::vector<double> sizes = label_sizes(layout, data);
  ASSERT_EQ(sizes.size(), count(layout, "label")) << context;
  for (double size : sizes) EXPECT_DOUBLE_EQ(size, sizes.front()) << context;
}

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
      {{beside(0, 100, 50)}},                       // line 5: top at 0
      {{beside(50, 60, 40)}},                       // overlaps the first: the next free line
      {{beside(300, 310, 500), below(300, 310, 50)}},  // the one reaching least far down
      {{beside(200, 240, 20)}},                     // free on the first line
  };
  PackSettings settings;
  settings.gap_x = 4;
  settings.gap_y = 2;
  const LanePacking packing = pack_lane(items, {0, 1, 2, 3}, {}, settings);
  EXPECT_EQ(packing.placements[0].alternative, 0);
  EXPECT_DOUBLE_EQ(packing.placements[0].line_y, 5);
  EXPECT_DOUBLE_EQ(packing.placements[1].line_y, 5 + 10 + 2);  // below the first, with the gap
  EXPECT_EQ(packing.placements[2].alternative, 0);              // beside reaches less far down
  EXPECT_DOUBLE_EQ(packing.placements[2].line_y, 5);
  EXPECT_DOUBLE_EQ(packing.placements[3].line_y, 5);
  EXPECT_DOUBLE_EQ(packing.height, 17 + 5);
  // Reserved boxes (a lane title) are avoided; a height limit leaves items out.
  settings.max_height = 30;
  const LanePacking limited = pack_lane(items, {0, 1, 2, 3}, {Rect{0, 0, 30, 12}}, settings);
  EXPECT_DOUBLE_EQ(limited.placements[0].line_y, 12 + 2 + 4);  // its mark under the title
  EXPECT_DOUBLE_EQ(limited.placements[1].line_y, 5);  // clear of the title: the first line
  EXPECT_LE(limited.height, 30);
  settings.max_height = 20;
  const LanePacking tight = pack_lane(items, {0, 1, 2, 3}, {Rect{0, 0, 30, 12}}, settings);
  EXPECT_EQ(tight.placements[0].alternative, -1);  // would end at 23
  EXPECT_DOUBLE_EQ(tight.placements[1].line_y, 5);
  EXPECT_LE(tight.height, 20);
}

// ---- partial dates --------------------------------------------------------

Dataset precision_dataset() {
  Dataset d;
  d.title = "Precision";
  d.publisher = "Test";
  d.sections.push_back({"1", "Only", "", {}});
  auto add = [&](const std::string& id, const std::string& date) {
    Item item;
    item.id = id;
    item.section = "1";
    item.title = "Item " + id;
    item.kind = "law";
    item.milestones.push_back({"adopted", *PartialDate::parse(date), "", {}});
    d.items.push_back(item);
  };
  add("year", "2022");
  add("month", "2023-06");
  add("day", "2023-09-15");
  return d;
}

TEST(TimelineLayout, PartialDatesSpanTheirPeriod) {
  TimelineStyle style = preset("slide-16x9");
  style.axis_breaks = false;
  TimelineLayout layout = layout_timeline(precision_dataset(), style, {});
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
  for (const auto& item : layout.page.items) {
    if (auto* text = std::get_if<TextShape>(&item)) {
      if (text->block->text() == "2022 adopted") year_text = true;
    }
  }
  EXPECT_TRUE(year_text);
}

TEST(TimelineLayout, SeveralMilestonesFormOneRow) {
  const Dataset& data = fact_sheet();
  TimelineLayout layout = layout_timeline(data, preset("slide-16x9"), {});
  std::vector<Rect> oecd;
  for (const auto& e : layout.elements) {
    if (e.kind == "marker" && e.item_id == "oecd-ai-principles") oecd.push_back(e.box);
  }
  ASSERT_GE(oecd.size(), 3u);  // two milestones and their connector
  for (const auto& box : oecd) {
    EXPECT_NEAR(box.y + box.height / 2, oecd.front().y + oecd.front().height / 2, 0.01);
  }
}

// ---- whole layouts ----------------------------------------------------------

TEST(TimelineLayout, FactSheetIsCleanInEveryPresetAndTheme) {
  const Dataset& data = fact_sheet();
  size_t dated = 0, undated = 0;
  for (const auto& item : data.items) (item.is_dated() ? dated : undated)++;
  for (const std::string name : {"slide-16x9", "slide-4x3", "a4-landscape", "report-figure"}) {
    const TimelineStyle style = preset(name);
    for (const std::string theme : {"light", "dark", "print"}) {
      TimelineOptions options;
      options.theme = theme;
      TimelineLayout layout = layout_timeline(data, style, options);
      expect_clean(layout, name + "/" + theme);
      expect_labels_by_their_marks(layout, name + "/" + theme);
      expect_one_label_size(layout, data, name + "/" + theme);
      EXPECT_EQ(layout.undated_count, undated);
      // Every dated item is either labelled or named as left out.
      EXPECT_EQ(count(layout, "label") + layout.omitted.size(), dated) << name;
      EXPECT_GT(count(layout, "tick-label"), 3u);
      EXPECT_DOUBLE_EQ(layout.page.width, style.width);
    }
  }
}

// The fact sheet fits every preset at its own size, and the report's figure
// at the sizes the A4 and Letter reports pass (their text width, and the
// preset's proportions), without leaving a label out.
TEST(TimelineLayout, FactSheetHasNoOmissionsInAnyPreset) {
  const Dataset& data = fact_sheet();
  struct Case {
    std::string preset;
    double width = 0, height = 0;
  };
  const std::vector<Case> cases = {{"slide-16x9"},        {"slide-4x3"},
                                   {"a4-landscape"},      {"report-figure"},
                                   {"report-figure", 453.5, 426.4},  // A4: 25 mm margins
                                   {"report-figure", 468, 440}};     // Letter: 1 in margins
  for (const Case& c : cases) {
    TimelineOptions options;
    options.width = c.width;
    options.height = c.height;
    TimelineLayout layout = layout_timeline(data, preset(c.preset), options);
    const std::string context = c.preset + " " + std::to_string(layout.page.width);
    for (const auto& omission : layout.omitted) {
      ADD_FAILURE() << context << ": left out " << omission.item_id << ": " << omission.reason;
    }
    expect_clean(layout, context);
    expect_labels_by_their_marks(layout, context);
  }
}

// One size for all labels: the largest that fits. On a 16:9 slide the fact
// sheet reads at 8.5 pt (17 px) or more, well above the 7 pt minimum.
TEST(TimelineLayout, OneLabelSizeTheLargestThatFits) {
  const TimelineStyle style = preset("slide-16x9");
  TimelineLayout layout = layout_timeline(fact_sheet(), style, {});
  const std::vector<double> sizes = label_sizes(layout, fact_sheet());
  ASSERT_FALSE(sizes.empty());
  expect_one_label_size(layout, fact_sheet(), "slide-16x9");
  EXPECT_GE(sizes.front(), 8.5);
  EXPECT_LE(sizes.front(), style.label_size);
  // A few items get the preset's full size; a crowded canvas gets less, never below the minimum.
  TimelineOptions few;
  few.only = {"1.3"};
  const auto roomy = label_sizes(layout_timeline(fact_sheet(), style, few), fact_sheet());
  ASSERT_FALSE(roomy.empty());
  EXPECT_DOUBLE_EQ(roomy.front(), style.label_size);
  TimelineOptions small;
  small.width = 500;
  small.height = 400;
  small.allow_omissions = true;
  const auto crowded = label_sizes(layout_timeline(fact_sheet(), style, small), fact_sheet());
  ASSERT_FALSE(crowded.empty());
  EXPECT_LT(crowded.front(), sizes.front());
  EXPECT_GE(crowded.front(), style.min_text_size);
}

// Grid lines stop where a label stands: no grid segment crosses a label box.
TEST(TimelineLayout, GridLinesDoNotRunThroughLabels) {
  TimelineLayout layout = layout_timeline(fact_sheet(), preset("slide-16x9"), {});
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

TEST(TimelineLayout, ReportWidthIsHonoured) {
  TimelineOptions options;
  options.width = 451;
  options.height = 380;
  TimelineLayout layout = layout_timeline(fact_sheet(), preset("report-figure"), options);
  EXPECT_DOUBLE_EQ(layout.page.width, 451);
  EXPECT_DOUBLE_EQ(layout.page.height, 380);
  expect_clean(layout, "report 451x380");
}

TEST(TimelineLayout, HighlightsUseLargeText) {
  TimelineOptions options;
  options.highlights_only = true;
  const TimelineStyle style = preset("slide-16x9");
  TimelineLayout layout = layout_timeline(fact_sheet(), style, options);
  EXPECT_TRUE(layout.omitted.empty());
  size_t highlighted = 0;
  for (const auto& item : fact_sheet().items) highlighted += item.highlight && item.is_dated();
  EXPECT_EQ(count(layout, "label"), highlighted);
  for (const auto& item : layout.page.items) {
    if (auto* text = std::get_if<TextShape>(&item)) {
      // 14 pt = 28 px at the preset's 2 px per point.
      EXPECT_GE(text->block->style().size * style.pixels_per_point, 28 - 1e-9)
          << text->block->text();
    }
  }
  expect_clean(layout, "highlights");
}

TEST(TimelineLayout, FiltersAndRange) {
  TimelineOptions options;
  options.only = {"law"};
  TimelineLayout layout = layout_timeline(fact_sheet(), preset("slide-16x9"), options);
  for (const auto& e : layout.elements) {
    if (e.kind == "label") {
      EXPECT_EQ(fact_sheet().find_item(e.item_id)->kind, "law");
    }
  }
  options.only = {"1.2"};
  options.from = PartialDate::year(2024);
  layout = layout_timeline(fact_sheet(), preset("slide-16x9"), options);
  EXPECT_GT(count(layout, "label"), 0u);
  for (const auto& e : layout.elements) {
    if (e.kind == "label") {
      EXPECT_EQ(fact_sheet().find_item(e.item_id)->section.rfind("1.2", 0), 0u);
    }
  }
  expect_clean(layout, "filtered");
}

// Random datasets: long and mixed English/Japanese titles, all precisions.
Dataset random_dataset(unsigned seed, int events) {
  std::mt19937 random(seed);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const std::vector<std::string> words = {
      "Guidelines", "for",           "the",          "Safe",    "Use",   "of",  "Generative",
      "AI",         "人工知能",      "ガイドライン", "安全性",  "評価",  "Act", "on",
      "Protection", "International", "Framework",    "Interim", "Report"};
  Dataset d;
  d.title = "Random " + std::to_string(seed);
  d.publisher = "Test";
  for (int s = 1; s <= 4; ++s)
    d.sections.push_back({std::to_string(s), "Section " + std::to_string(s), "", {}});
  const int first_year = 1990 + pick(30);
  const int span = 1 + pick(25);
  for (int i = 0; i < events; ++i) {
    Item item;
    item.id = "item-" + std::to_string(i);
    item.section = std::to_string(1 + pick(4));
    const int length = 2 + pick(14);
    for (int w = 0; w < length; ++w)
      item.title +=
          (w ? " " : "") + words[static_cast<size_t>(pick(static_cast<int>(words.size())))];
    item.kind = pick(2) ? "law" : "guideline";
    item.highlight = pick(10) == 0;
    int year = first_year + pick(span);
    const int count = 1 + (pick(4) == 0);
    for (int m = 0; m < count; ++m) {
      const int precision = pick(3);
      PartialDate date = precision == 0   ? PartialDate::year(year)
                         : precision == 1 ? PartialDate::month(year, 1 + pick(12))
                                          : PartialDate::day(year, 1 + pick(12), 1 + pick(28));
      item.milestones.push_back({m ? "revised" : "adopted", date, "", {}});
      year += 1 + pick(3);
    }
    if (pick(8) == 0) item.milestones.clear();  // undated
    const std::string url = "https://example.org/" + item.id;
    item.links.push_back({url, url, "", 0});
    d.items.push_back(item);
  }
  return d;
}

TEST(TimelineLayout, RandomDatasetsAreCleanAndReportOmissions) {
  const TimelineStyle style = preset("slide-16x9");
  unsigned seed = 1;
  for (int events : {10, 40, 120, 500}) {
    for (int k = 0; k < 2; ++k, ++seed) {
      Dataset data = random_dataset(seed, events);
      size_t dated = 0;
      for (const auto& item : data.items) dated += item.is_dated();
      TimelineLayout layout = layout_timeline(data, style, {});
      const std::string context = std::to_string(events) + " events, seed " + std::to_string(seed);
      expect_clean(layout, context);
      expect_labels_by_their_marks(layout, context);
      expect_one_label_size(layout, data, context);
      EXPECT_EQ(layout.undated_count, data.items.size() - dated) << context;
      EXPECT_EQ(count(layout, "label") + layout.omitted.size(), dated) << context;
      for (const auto& omission : layout.omitted) {
        EXPECT_FALSE(omission.reason.empty());
        EXPECT_NE(data.find_item(omission.item_id), nullptr);
      }
      if (events >= 500) {
        EXPECT_FALSE(layout.omitted.empty()) << "500 events cannot all fit a slide";
      }
    }
  }
}

}  // namespace
}  // namespace briefing
