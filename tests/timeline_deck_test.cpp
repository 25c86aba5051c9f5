// Decks (issue 13, item 3): an overview and detail slides that together
// label every dated item, all text >= 12 pt, clean, numbered.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "layout/timeline/deck_layout.h"
#include "layout/timeline/entries.h"
#include "test_support.h"
#include "timeline_test_support.h"

namespace briefing {
namespace {

using namespace testing;

// The dated items a deck of `options` must name.
std::set<std::string> selected_ids(const Dataset& data, const TimelineOptions& options) {
  size_t undated = 0;
  std::set<std::string> ids;
  for (const auto& e : timeline_detail::select_entries(data, options, undated)) {
    ids.insert(e.item->id);
  }
  return ids;
}

void expect_good_deck(const Dataset& data, const TimelineStyle& style,
                      const TimelineOptions& options, const std::string& context) {
  std::vector<DeckSlide> slides;
  LayoutResult deck = layout_timeline_deck(data, style, options, &slides);
  EXPECT_FALSE(deck.diagnostics.has_errors()) << context << format_diagnostics(deck.diagnostics);
  const auto& pages = deck.document.pages;
  ASSERT_EQ(pages.size(), slides.size()) << context;
  ASSERT_GE(pages.size(), 2u) << context;
  EXPECT_TRUE(slides.front().overview);
  std::map<std::string, int> labelled_on_details;
  for (size_t p = 0; p < pages.size(); ++p) {
    const std::string where = context + " slide " + std::to_string(p + 1);
    LaidOutTimeline laid;
    laid.page = pages[p];
    laid.elements = placed_elements(pages[p].items);
    expect_clean(laid, where);
    // Every text on every slide, the overview's included, >= 12 pt.
    int texts = 0;
    for_each_item(pages[p].items, [&](const DisplayItem& item, Point) {
      if (const auto* text = std::get_if<TextShape>(&item)) {
        ++texts;
        EXPECT_GE(text->block->style().size, kDeckMinTextSize - 1e-9)
            << where << ": '" << text->block->text() << "'";
      }
    });
    EXPECT_GT(texts, 0) << where;
    // The slide number and what it covers, at its foot.
    const std::string number = std::to_string(p + 1) + " / " + std::to_string(pages.size()) + " · ";
    EXPECT_TRUE(std::any_of(laid.elements.begin(), laid.elements.end(), [&](const auto& e) {
      return e.kind == "legend" && e.text.rfind(number, 0) == 0;
    })) << where;
    EXPECT_EQ(slides[p].note.rfind(number, 0), 0u) << where;
    if (slides[p].overview) continue;
    for (const auto& e : laid.elements) {
      if (e.kind == "label") ++labelled_on_details[e.item_id];
    }
    EXPECT_TRUE(laid.elements.size() > 0);
  }
  // Every selected dated item labelled on exactly one detail slide.
  const auto wanted = selected_ids(data, options);
  for (const std::string& id : wanted) {
    EXPECT_EQ(labelled_on_details[id], 1) << context << ": item " << id;
  }
  EXPECT_EQ(labelled_on_details.size(), wanted.size()) << context;
}

TEST(TimelineDeck, FactSheetDeckNamesEveryItemLegibly) {
  for (const std::string name : {"slide-16x9", "slide-4x3"}) {
    for (const std::string theme : {"light", "print"}) {
      TimelineOptions options;
      options.theme = theme;
      expect_good_deck(fact_sheet(), preset(name), options, name + " " + theme);
    }
  }
  TimelineOptions highlights;
  highlights.highlights_only = true;
  expect_good_deck(fact_sheet(), preset("slide-16x9"), highlights, "highlights");
}

TEST(TimelineDeck, RandomDatasetsDeckNamesEveryItemLegibly) {
  for (unsigned seed : {3u, 11u}) {
    for (int events : {60, 160}) {
      expect_good_deck(random_dataset(seed, events), preset("slide-16x9"), {},
                       "random " + std::to_string(seed) + "/" + std::to_string(events));
    }
  }
}

// Past the one-slide contract: 120 and 200 dated items with titles of
// 20-200 characters, and the rulebook, each named on exactly one detail slide.
TEST(TimelineDeck, RealisticDatasetsAndTheRulebookDeckNamesEveryItem) {
  for (int dated : {120, 200}) {
    expect_good_deck(realistic_dataset(static_cast<unsigned>(dated) + 1, dated),
                     preset("slide-16x9"), {}, "realistic " + std::to_string(dated));
  }
  expect_good_deck(rulebook(), preset("slide-16x9"), {}, "rulebook");
}

TEST(TimelineDeck, TheOverviewSaysHowManyMorePerLane) {
  std::vector<DeckSlide> slides;
  layout_timeline_deck(fact_sheet(), preset("slide-16x9"), {}, &slides);
  ASSERT_FALSE(slides.empty());
  const std::string& note = slides.front().note;
  const size_t shown = slides.front().item_ids.size();
  // "N of M items labelled" and, per lane, "+K more" that add up to M - N.
  const size_t of = note.find(" of ");
  ASSERT_NE(of, std::string::npos) << note;
  const size_t total = std::stoul(note.substr(of + 4));
  size_t more = 0;
  for (size_t at = note.find(" +"); at != std::string::npos; at = note.find(" +", at + 2)) {
    more += std::stoul(note.substr(at + 2));
  }
  EXPECT_EQ(shown + more, total) << note;
  EXPECT_GT(shown, 0u);
}

// The overview shows where the other items lie: as marks alone (never
// labelled, never overlapping), in the room its labelled items leave.
TEST(TimelineDeck, TheOverviewDrawsTheOtherItemsAsMarks) {
  std::vector<DeckSlide> slides;
  LayoutResult deck = layout_timeline_deck(rulebook(), preset("slide-16x9"), {}, &slides);
  ASSERT_GE(deck.document.pages.size(), 2u);
  LaidOutTimeline overview;
  overview.page = deck.document.pages.front();
  overview.elements = placed_elements(overview.page.items);
  expect_clean(overview, "rulebook overview");
  const std::set<std::string> labelled(slides.front().item_ids.begin(),
                                       slides.front().item_ids.end());
  const auto wanted = selected_ids(rulebook(), {});
  std::set<std::string> marked;
  for (const auto& e : overview.elements) {
    if (e.kind == "marker") marked.insert(e.item_id);
    if (e.kind == "label") {
      EXPECT_TRUE(labelled.count(e.item_id)) << e.item_id;
    }
  }
  size_t marks_alone = 0;
  for (const std::string& id : marked) {
    EXPECT_TRUE(wanted.count(id)) << id;
    marks_alone += !labelled.count(id);
  }
  for (const std::string& id : labelled) EXPECT_TRUE(marked.count(id)) << id;
  // The rulebook's overview labels its 11 highlights; many of the other 56 find room as marks
  // (26 today).
  EXPECT_EQ(labelled.size(), 11u);
  EXPECT_GE(marks_alone, 20u);
}

TEST(TimelineDeck, CommandWritesOneFilePerSlideAndADumpPagePerSlide) {
  const std::string dir = make_temp_dir();
  const std::string data = repo_path("data/ai-safety-japan-2024.toml");
  auto result = run_briefing(
      {"timeline", data, "-o", dir + "/d.png", "--deck", "--layout-dump", dir + "/d.json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/d.png"));
  size_t slides = 0;
  while (std::filesystem::exists(dir + "/d-0" + std::to_string(slides + 1) + ".png")) ++slides;
  ASSERT_GE(slides, 2u);
  for (size_t i = 1; i <= slides; ++i) {
    EXPECT_NE(result.out.find("wrote " + dir + "/d-0" + std::to_string(i) + ".png"),
              std::string::npos)
        << result.out;
  }
  const std::string dump = read_file(dir + "/d.json");
  size_t dump_pages = 0;
  for (size_t at = dump.find("{\"number\": "); at != std::string::npos;
       at = dump.find("{\"number\": ", at + 1)) {
    ++dump_pages;
  }
  EXPECT_EQ(dump_pages, slides);
  // A PDF deck: one file, a page per slide.
  result = run_briefing({"timeline", data, "-o", dir + "/d.pdf", "--deck"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto pages = run_program({"/usr/bin/qpdf", "--show-npages", dir + "/d.pdf"});
  EXPECT_EQ(pages.out, std::to_string(slides) + "\n");
}

TEST(TimelineDeck, BuildFileDeckIsRenderedAndThenUpToDate) {
  const std::string dir = make_temp_dir();
  const std::string data = repo_path("data/ai-safety-japan-2024.toml");
  write_file(dir + "/briefing.toml",
             "[[output]]\npath = \"output/d.svg\"\nkind = \"timeline\"\n"
             "data = \"" +
                 data + "\"\ndeck = true\n");
  auto result = run_briefing({"build", dir + "/briefing.toml"});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(std::filesystem::exists(dir + "/output/d-01.svg"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/output/d-02.svg"));
  result = run_briefing({"build", dir + "/briefing.toml"});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("up to date"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace briefing
