// Timeline marks: honest partial dates, one row per item.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "test_support.h"
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

// ---- the range cuts items (issue 13, item 6) --------------------------------

const Group* marker_group(const Page& page, const std::string& item_id,
                          const std::string& text_prefix = "") {
  for (const DisplayItem& item : page.items) {
    const auto* group = std::get_if<Group>(&item);
    if (group && group->tag.kind == "marker" && group->tag.item_id == item_id &&
        group->tag.text.rfind(text_prefix, 0) == 0) {
      return group;
    }
  }
  return nullptr;
}

// Vertical strokes (brackets) and three-point strokes (chevrons) in a mark.
std::pair<int, int> brackets_and_chevrons(const Group& mark) {
  int brackets = 0, chevrons = 0;
  for (const DisplayItem& item : mark.items) {
    if (const auto* path = std::get_if<PathShape>(&item)) {
      if (path->points.size() == 2 && path->points[0].x == path->points[1].x) ++brackets;
      if (path->points.size() == 3 && !path->closed) ++chevrons;
    }
  }
  return {brackets, chevrons};
}

TEST(TimelineLayout, ABarCutByTheRangeIsOpenThere) {
  TimelineStyle style = preset("slide-16x9");
  TimelineOptions options;
  options.to = PartialDate::parse("2022-06");
  LaidOutTimeline cut = lay_out(precision_dataset(), style, options);
  const Group* year = marker_group(cut.page, "year");
  ASSERT_NE(year, nullptr);
  // The year begins on the axis (a bracket) and goes on past its end (a chevron).
  EXPECT_EQ(brackets_and_chevrons(*year), (std::pair{1, 1}));
  expect_clean(cut, "cut by --to");
  // Uncut: both brackets, no chevron.
  LaidOutTimeline whole = lay_out(precision_dataset(), style, {});
  ASSERT_NE(marker_group(whole.page, "year"), nullptr);
  EXPECT_EQ(brackets_and_chevrons(*marker_group(whole.page, "year")), (std::pair{2, 0}));
  // Cut at the start by --from.
  options = {};
  options.from = PartialDate::parse("2022-07");
  LaidOutTimeline from = lay_out(precision_dataset(), style, options);
  ASSERT_NE(marker_group(from.page, "year"), nullptr);
  EXPECT_EQ(brackets_and_chevrons(*marker_group(from.page, "year")), (std::pair{1, 1}));
}

TEST(TimelineLayout, ARowCutByTheRangeShowsItContinues) {
  Dataset d = precision_dataset();
  // A fictional fixture: one item with milestones in 2019, 2023 and 2026.
  Item item;
  item.id = "long";
  item.section = "1";
  item.title = "Long-running item";
  item.kind = "law";
  for (const char* date : {"2019-03-01", "2023-03-01", "2026-03-01"}) {
    item.milestones.push_back({"step", *PartialDate::parse(date), "", {}});
  }
  d.items.push_back(item);
  TimelineOptions options;
  options.from = PartialDate::parse("2022");
  options.to = PartialDate::parse("2024");
  LaidOutTimeline layout = lay_out(d, preset("slide-16x9"), options);
  EXPECT_NE(marker_group(layout.page, "long", "continues before"), nullptr);
  EXPECT_NE(marker_group(layout.page, "long", "continues after"), nullptr);
  EXPECT_EQ(marker_group(layout.page, "day", "continues"), nullptr);
  expect_clean(layout, "row cut both ways");
}

// ---- lane colours (issue 13, item 6) ----------------------------------------

// The colour of each item's first mark.
std::map<std::string, std::string> mark_colours(const Page& page) {
  std::map<std::string, std::string> colours;
  for (const DisplayItem& item : page.items) {
    const auto* group = std::get_if<Group>(&item);
    if (!group || group->tag.kind != "marker" || colours.count(group->tag.item_id)) continue;
    for (const DisplayItem& shape : group->items) {
      Color c{};
      if (const auto* r = std::get_if<RectShape>(&shape))
        c = r->stroked ? r->stroke.color : r->fill;
      else if (const auto* circle = std::get_if<CircleShape>(&shape))
        c = circle->filled ? circle->fill : circle->stroke.color;
      else if (const auto* p = std::get_if<PathShape>(&shape))
        c = p->filled ? p->fill : p->stroke.color;
      else
        continue;
      colours[group->tag.item_id] =
          std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b);
      break;
    }
  }
  return colours;
}

TEST(TimelineLayout, LaneColoursFollowTheLaneWhateverTheFilter) {
  const Dataset& data = fact_sheet();
  for (const std::string theme : {"light", "print"}) {
    TimelineOptions options;
    options.theme = theme;
    options.allow_omissions = true;
    const auto all = mark_colours(lay_out(data, preset("slide-16x9"), options).page);
    ASSERT_FALSE(all.empty());
    std::set<std::string> sections;
    for (const Item& item : data.items) sections.insert(item.section.substr(0, 1));
    for (const std::string& section : sections) {
      TimelineOptions only = options;
      only.only = {section};
      const auto some = mark_colours(lay_out(data, preset("slide-16x9"), only).page);
      for (const auto& [id, colour] : some) {
        ASSERT_TRUE(all.count(id)) << id;
        EXPECT_EQ(colour, all.at(id)) << theme << " --only " << section << ": " << id;
      }
    }
    TimelineOptions highlights = options;
    highlights.highlights_only = true;
    for (const auto& [id, colour] :
         mark_colours(lay_out(data, preset("slide-16x9"), highlights).page)) {
      EXPECT_EQ(colour, all.at(id)) << theme << " --highlights: " << id;
    }
  }
}

// ---- a filter that matches nothing (issue 13, item 6) -----------------------

TEST(TimelineLayout, AFilterThatMatchesNothingIsAnError) {
  TimelineOptions options;
  options.only = {"lwa"};
  LayoutResult result = layout_timeline(fact_sheet(), preset("slide-16x9"), options);
  ASSERT_TRUE(result.diagnostics.has_errors());
  const std::string text = format_diagnostics(result.diagnostics);
  EXPECT_NE(text.find("the filter 'lwa' (--only) matches no item"), std::string::npos) << text;
  EXPECT_NE(text.find("did you mean 'law'?"), std::string::npos) << text;
  EXPECT_NE(text.find("kinds: "), std::string::npos) << text;
  EXPECT_NE(text.find("sections: "), std::string::npos) << text;
  // One good filter beside it does not excuse it; good filters alone pass.
  options.only = {"law", "lwa"};
  EXPECT_TRUE(
      layout_timeline(fact_sheet(), preset("slide-16x9"), options).diagnostics.has_errors());
  options.only = {"law"};
  options.allow_omissions = true;
  EXPECT_FALSE(
      layout_timeline(fact_sheet(), preset("slide-16x9"), options).diagnostics.has_errors());
}

TEST(TimelineCommand, AFilterThatMatchesNothingWritesNothingAndExits1) {
  const std::string dir = make_temp_dir();
  const std::string data = repo_path("data/ai-safety-japan-2024.toml");
  auto result = run_briefing({"timeline", data, "-o", dir + "/t.svg", "--only", "lwa"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("did you mean 'law'?"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/t.svg"));
  // From a build file too: the output fails, and the build says so.
  write_file(dir + "/briefing.toml",
             "[[output]]\npath = \"output/t.svg\"\nkind = \"timeline\"\n"
             "data = \"" +
                 data + "\"\nonly = [\"lwa\"]\n");
  result = run_briefing({"build", dir + "/briefing.toml"});
  EXPECT_NE(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.err.find("matches no item"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/output/t.svg"));
}

}  // namespace
}  // namespace briefing
