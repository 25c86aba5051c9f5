// The timeline's contract (issue #13, as far as it holds today): on
// slide-16x9 every dated item of a dataset of up to 40 dated items, with
// titles up to 200 characters, is drawn with its label at or above the preset's minimum text size,
// with no overlaps and nothing outside the page; an item is drawn with its label or not at all.
// Past that (the issue asks for 80) highlights come first and the chart names what it leaves out.
// Checked on the fact sheet, on the EU rulebook and on random datasets, from the display list's
// geometry.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "layout/timeline/labels.h"
#include "timeline_test_support.h"

namespace briefing {
namespace {

using namespace testing;

void expect_contract(const Dataset& data, const TimelineStyle& style,
                     const TimelineOptions& options, const std::string& context) {
  const LaidOutTimeline layout = lay_out(data, style, options);
  const double minimum =
      options.highlights_only ? style.highlight_min_text_size : style.min_text_size;
  expect_every_item_named(layout, data, minimum, context);
  expect_clean(layout, context);
  expect_labels_by_their_marks(layout, context);
  expect_one_label_size(layout, data, context);
}

TEST(TimelineContract, FactSheetEveryPresetNamesEveryItem) {
  for (const char* name : {"slide-16x9", "slide-4x3", "a4-landscape", "report-figure"}) {
    expect_contract(fact_sheet(), preset(name), {}, std::string("fact sheet, ") + name);
  }
}

// Beyond what fits (the rulebook's 67 dated items, random sets of 60 and
// 80): highlights are named first, nothing is drawn without its name, and
// what is left out is named on the chart.
// Returns how many items it labels.
size_t expect_crowded_chart_honest(const Dataset& data, const TimelineStyle& style,
                                   const std::string& context) {
  TimelineOptions options;
  options.allow_omissions = true;
  const LaidOutTimeline layout = lay_out(data, style, options);
  expect_clean(layout, context);
  expect_labels_by_their_marks(layout, context);
  expect_one_label_size(layout, data, context);
  std::set<std::string> labelled, marked;
  for (const auto& e : layout.elements) {
    if (e.kind == "label") {
      labelled.insert(e.item_id);
      EXPECT_GE(e.size, style.min_text_size - 1e-9) << context;
    }
    if (e.kind == "marker") marked.insert(e.item_id);
  }
  for (const auto& id : marked) EXPECT_TRUE(labelled.count(id)) << context << ": unnamed " << id;
  for (const auto& item : data.items) {
    if (item.highlight && item.is_dated()) {
      EXPECT_TRUE(labelled.count(item.id)) << context << ": highlight " << item.id;
    }
  }
  size_t dated = 0;
  for (const auto& item : data.items) dated += item.is_dated();
  EXPECT_EQ(labelled.size() + layout.omitted.size(), dated) << context;
  EXPECT_EQ(count(layout, "omission-note"), layout.omitted.empty() ? 0u : 1u) << context;
  return labelled.size();
}

TEST(TimelineContract, RulebookOnTheSlideIsHonestAboutWhatItShows) {
  const Dataset& data = rulebook();
  size_t dated = 0;
  for (const auto& item : data.items) dated += item.is_dated();
  ASSERT_GE(dated, 60u);
  ASSERT_LE(dated, 80u);
  // All 67 of its dated items, with the dataset's language set as the CLI
  // sets it (61 before smaller marks on crowded charts, 53 before names
  // alone and set-away rows).
  EXPECT_EQ(expect_crowded_chart_honest(data, preset("slide-16x9"), "rulebook, slide-16x9"), dated);
}

TEST(TimelineContract, RandomDatasetsUpToFortyItemsAreAllNamed) {
  const TimelineStyle style = preset("slide-16x9");
  unsigned seed = 100;
  for (int dated : {5, 20, 40}) {
    for (int k = 0; k < 3; ++k, ++seed) {
      const Dataset data = realistic_dataset(seed, dated);
      expect_contract(data, style, {},
                      std::to_string(dated) + " dated items, seed " + std::to_string(seed));
    }
  }
  for (int dated : {60, 80}) {
    const Dataset data = realistic_dataset(seed, dated);
    expect_crowded_chart_honest(
        data, style, std::to_string(dated) + " dated items, seed " + std::to_string(seed++));
  }
}

size_t labelled_count(const LaidOutTimeline& layout) {
  std::set<std::string> labelled;
  for (const auto& e : layout.elements) {
    if (e.kind == "label") labelled.insert(e.item_id);
  }
  return labelled.size();
}

// Past 40 items the contract does not hold for every dataset yet (the issue
// asks for 80): at 60 dated items, three seeds, the chart stays honest and
// names every item (measured: 60 of 60 each, with smaller marks). The
// 80-item seeds are timeline_eighty_test's (71-80 of 80).
TEST(TimelineContract, RandomSixtyItemsAreAllNamed) {
  const TimelineStyle style = preset("slide-16x9");
  const int dated = 60;
  for (unsigned k = 1; k <= 3; ++k) {
    const unsigned seed = k * 7 + static_cast<unsigned>(dated);
    const std::string context =
        std::to_string(dated) + " dated items, seed " + std::to_string(seed);
    EXPECT_EQ(expect_crowded_chart_honest(realistic_dataset(seed, dated), style, context),
              static_cast<size_t>(dated))
        << context;
  }
}

// The rulebook (67 dated items, titles in four languages): every item named
// in every preset (on the slides with smaller marks).
TEST(TimelineContract, RulebookIsNamedInEveryPreset) {
  for (const char* name : {"a4-landscape", "report-figure", "slide-16x9", "slide-4x3"}) {
    expect_contract(rulebook(), preset(name), {}, std::string("rulebook, ") + name);
  }
}

// --highlights names every one of the rulebook's 11 highlights on one
// slide, at the highlights' minimum size, without leaving any out.
TEST(TimelineContract, RulebookHighlightsAreAllNamedOnTheSlide) {
  Dataset highlights = rulebook();
  std::erase_if(highlights.items, [](const Item& item) { return !item.highlight; });
  ASSERT_EQ(highlights.items.size(), 11u);
  TimelineOptions options;
  options.highlights_only = true;
  for (const char* theme : {"light", "dark"}) {
    options.theme = theme;
    const LaidOutTimeline full = lay_out(rulebook(), preset("slide-16x9"), options);
    EXPECT_EQ(labelled_count(full), 11u) << theme;
    EXPECT_TRUE(full.omitted.empty()) << theme;
    expect_contract(highlights, preset("slide-16x9"), options, std::string("highlights ") + theme);
  }
}

// Short names stand in for long titles on a crowded chart; the label's tag
// (the PDF link's and SVG title's text) keeps the full title.
TEST(TimelineContract, ShortTitlesNameItemsOnCrowdedCharts) {
  const Dataset& data = rulebook();
  Dataset named = data;
  for (Item& item : named.items) item.short_title = "No. " + item.id;
  const LaidOutTimeline layout = lay_out(named, preset("slide-16x9"), {});
  size_t short_texts = 0;
  for (const auto& e : layout.elements) {
    if (e.kind != "label") continue;
    const Item* item = named.find_item(e.item_id);
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(e.text, item->title);  // the group's tag: the full title
  }
  for_each_item(layout.page.items, [&](const DisplayItem& display, Point) {
    if (auto* text = std::get_if<TextShape>(&display)) {
      short_texts += text->block->text().rfind("No. ", 0) == 0;
    }
  });
  EXPECT_GT(short_texts, 0u) << "a crowded chart uses some short names";
}

// Left out, the chart says so itself: a note under the lanes names what is
// missing (or counts it), and no row of marks goes without its name.
TEST(TimelineContract, OmissionsAreNamedOnTheChart) {
  const Dataset data = random_dataset(3, 600);
  TimelineOptions options;
  options.allow_omissions = true;
  const LaidOutTimeline layout = lay_out(data, preset("slide-16x9"), options);
  ASSERT_FALSE(layout.omitted.empty());
  size_t notes = 0;
  for (const auto& e : layout.elements) {
    if (e.kind != "omission-note") continue;
    ++notes;
    const std::string count = std::to_string(layout.omitted.size());
    EXPECT_NE(e.text.find(count + " items"), std::string::npos) << e.text;
  }
  EXPECT_EQ(notes, 1u);
  expect_clean(layout, "600 items");
  std::set<std::string> labelled;
  for (const auto& e : layout.elements) {
    if (e.kind == "label") labelled.insert(e.item_id);
  }
  for (const auto& e : layout.elements) {
    if (e.kind == "marker") {
      EXPECT_TRUE(labelled.count(e.item_id)) << "unnamed row " << e.item_id;
    }
  }
  // Without the permission nothing is drawn in place of a note.
  const LaidOutTimeline strict = lay_out(data, preset("slide-16x9"), {});
  EXPECT_EQ(count(strict, "omission-note"), 0u);
}

// Each label text is shaped once per size: a fit of the fact sheet makes
// few layouts per text box (677 for 67 boxes with the cache).
TEST(TimelineContract, LabelTextsAreShapedOncePerSize) {
  const size_t before = timeline_detail::label_blocks_shaped();
  const LaidOutTimeline layout = lay_out(fact_sheet(), preset("slide-16x9"), {});
  const size_t shaped = timeline_detail::label_blocks_shaped() - before;
  size_t boxes = 0;
  for (const auto& e : layout.elements) boxes += is_text(e.kind);
  EXPECT_GT(shaped, 0u);
  EXPECT_LT(shaped, boxes * 12) << shaped << " layouts for " << boxes << " text boxes";
}

// A chart that misses its largest label size by a little gets the next
// size down, found with one more packing (guessed from how far it missed),
// not a binary search from the minimum: at most about twice the layouts of
// the chart that fits. The fact sheet on a4-landscape, with the largest
// size set to one it fits at, then shorter until that size no longer fits.
TEST(TimelineContract, AChartThatJustMissesItsSizeGetsTheNextSizeInOneMorePacking) {
  TimelineStyle style = preset("a4-landscape");
  const Dataset& data = fact_sheet();
  for (int k = 0; k < 4; ++k) {
    const std::vector<double> found = label_sizes(lay_out(data, style, {}), data);
    ASSERT_FALSE(found.empty());
    if (found.front() == style.label_size) break;
    style.label_size = found.front();
  }
  size_t before = timeline_detail::label_blocks_shaped();
  const LaidOutTimeline fits = lay_out(data, style, {});
  const size_t one_size = timeline_detail::label_blocks_shaped() - before;
  ASSERT_EQ(label_sizes(fits, data).front(), style.label_size);
  TimelineOptions shorter;
  for (double cut = 1; cut <= 30; ++cut) {
    shorter.height = style.height - cut;
    before = timeline_detail::label_blocks_shaped();
    const LaidOutTimeline misses = lay_out(data, style, shorter);
    const size_t two_sizes = timeline_detail::label_blocks_shaped() - before;
    const double size = label_sizes(misses, data).front();
    if (size == style.label_size) continue;
    EXPECT_DOUBLE_EQ(size, style.label_size - 0.25) << cut << " pt shorter";
    EXPECT_LE(two_sizes, one_size * 9 / 4) << one_size << " then " << two_sizes;
    expect_contract(data, style, shorter, "fact sheet, a4-landscape shorter");
    return;
  }
  ADD_FAILURE() << "the size fits 30 pt shorter";
}

// Lanes with free space beside their marks in time: name-only labels move
// sideways into it, joined by a horizontal or an elbow leader (checked to
// join the marks to the label's side). This random set of 60 names 56
// items without them, all 60 with them.
TEST(TimelineContract, CrowdedLanesSetNamesAsideInTime) {
  const Dataset data = realistic_dataset(74, 60);
  const size_t labelled =
      expect_crowded_chart_honest(data, preset("slide-16x9"), "60 dated items, seed 74");
  EXPECT_EQ(labelled, 60u);
  TimelineOptions options;
  options.allow_omissions = true;
  const LaidOutTimeline layout = lay_out(data, preset("slide-16x9"), options);
  std::map<std::string, std::vector<Rect>> legs;
  for (const auto& e : layout.elements) {
    if (e.kind == "leader") legs[e.item_id].push_back(e.box);
  }
  size_t aside = 0;
  for (const auto& [id, boxes] : legs) {
    // An elbow, or one horizontal leg (a vertical leader is a set-away row).
    aside += boxes.size() == 2 || boxes.front().width > boxes.front().height;
  }
  EXPECT_GT(aside, 0u);
}

}  // namespace
}  // namespace briefing
