// Whole timelines of the fact sheet in every preset and theme, at the report's size, and filtered.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "timeline_test_support.h"

namespace briefing {
namespace {

using namespace testing;

TEST(TimelineLayout, FactSheetIsCleanInEveryPresetAndTheme) {
  const Dataset& data = fact_sheet();
  size_t dated = 0, undated = 0;
  for (const auto& item : data.items) (item.is_dated() ? dated : undated)++;
  for (const std::string name : {"slide-16x9", "slide-4x3", "a4-landscape", "report-figure"}) {
    const TimelineStyle style = preset(name);
    for (const std::string theme : {"light", "dark", "print"}) {
      TimelineOptions options;
      options.theme = theme;
      LaidOutTimeline layout = lay_out(data, style, options);
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
  const std::vector<Case> cases = {{"slide-16x9"},
                                   {"slide-4x3"},
                                   {"a4-landscape"},
                                   {"report-figure"},
                                   {"report-figure", 453.5, 426.4},  // A4: 25 mm margins
                                   {"report-figure", 468, 440}};     // Letter: 1 in margins
  for (const Case& c : cases) {
    TimelineOptions options;
    options.width = c.width;
    options.height = c.height;
    LaidOutTimeline layout = lay_out(data, preset(c.preset), options);
    const std::string context = c.preset + " " + std::to_string(layout.page.width);
    for (const auto& omission : layout.omitted) {
      ADD_FAILURE() << context << ": left out " << omission.item_id << ": " << omission.reason;
    }
    expect_clean(layout, context);
    expect_labels_by_their_marks(layout, context);
  }
}

TEST(TimelineLayout, ReportWidthIsHonoured) {
  TimelineOptions options;
  options.width = 451;
  options.height = 380;
  LaidOutTimeline layout = lay_out(fact_sheet(), preset("report-figure"), options);
  EXPECT_DOUBLE_EQ(layout.page.width, 451);
  EXPECT_DOUBLE_EQ(layout.page.height, 380);
  expect_clean(layout, "report 451x380");
}

TEST(TimelineLayout, FiltersAndRange) {
  TimelineOptions options;
  options.only = {"law"};
  LaidOutTimeline layout = lay_out(fact_sheet(), preset("slide-16x9"), options);
  for (const auto& e : layout.elements) {
    if (e.kind == "label") {
      EXPECT_EQ(fact_sheet().find_item(e.item_id)->kind, "law");
    }
  }
  options.only = {"1.2"};
  options.from = PartialDate::year(2024);
  layout = lay_out(fact_sheet(), preset("slide-16x9"), options);
  EXPECT_GT(count(layout, "label"), 0u);
  for (const auto& e : layout.elements) {
    if (e.kind == "label") {
      EXPECT_EQ(fact_sheet().find_item(e.item_id)->section.rfind("1.2", 0), 0u);
    }
  }
  expect_clean(layout, "filtered");
}

}  // namespace
}  // namespace briefing
