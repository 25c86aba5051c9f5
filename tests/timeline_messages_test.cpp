// Every word a timeline adds comes from the message catalogue: a Japanese
// chart (badges, lane fallbacks, the compressed-time caption, quarters and
// months on the axis, a deck's notes) shows no English chrome.
#include <gtest/gtest.h>

#include "layout/timeline/deck_layout.h"
#include "load/dataset_loader.h"
#include "paint/svg_writer.h"
#include "test_support.h"
#include "text/messages.h"
#include "timeline_test_support.h"

namespace briefing {
namespace {

using namespace testing;

// Words of the English catalogue's timeline messages; none may be on a
// Japanese chart. (The fixture's titles are Japanese throughout.)
const char* const kEnglishChrome[] = {
    "NEW",        "CHANGED",    "time scale", "Other",     "Issuer not named",
    " items",     " item",      "dates)",     "not shown", "Not shown",
    "Overview",   " more",      "on slides",  "month",     "year",
    "Q1",         "Q2",         "Q3",         "Q4",        "January",
    "February",   "March",      "April",      " May ",     "June",
    "July",       "August",     "September",  "October",   "November",
    "December",   " Jan ",      " Sep ",      "Items",     "labelled",
    "date known", "to the day", "compressed"};

std::vector<std::string> texts_of(const Document& document) {
  std::vector<std::string> out;
  for (const Page& page : document.pages) {
    for_each_item(page.items, [&](const DisplayItem& item, Point) {
      if (const auto* text = std::get_if<TextShape>(&item); text && text->block)
        out.push_back(text->block->text());
    });
  }
  return out;
}

void expect_no_english(const Document& document, const std::string& context) {
  for (const std::string& text : texts_of(document)) {
    for (const char* english : kEnglishChrome) {
      EXPECT_EQ(text.find(english), std::string::npos)
          << context << ": English \"" << english << "\" in \"" << text << "\"";
    }
  }
}

bool shows(const Document& document, const std::string& words) {
  for (const std::string& text : texts_of(document))
    if (text.find(words) != std::string::npos) return true;
  return false;
}

// The Japanese fixture, with (fictional) items added so that every fallback
// shows: an item with no issuer, nine more issuers than lanes allow (an
// "Other" lane), and one early item (a compressed stretch of time).
Dataset japanese_dataset() {
  const DatasetLoad load = load_dataset_file(repo_path("tests/data/ja-fixture.toml"));
  EXPECT_TRUE(load.ok()) << load.report();
  Dataset data = *load.dataset;
  Item base = data.items.front();
  for (Item& item : data.items) {
    if (!item.is_dated()) continue;
    base = item;
    break;
  }
  for (int i = 0; i < 10; ++i) {
    Item extra = base;
    extra.id = "extra-" + std::to_string(i);
    extra.title = "架空の追加項目" + std::to_string(i);
    extra.issuers.clear();
    if (i > 0) extra.issuers.push_back("架空の発行者" + std::to_string(i));
    const std::string date = i == 9 ? "1990-04" : "2024-0" + std::to_string(i % 9 + 1);
    extra.milestones.front().date = *PartialDate::parse(date);
    data.items.push_back(extra);
  }
  return data;
}

TEST(TimelineMessages, AJapaneseChartHasNoEnglishChrome) {
  const Dataset data = japanese_dataset();
  set_document_language("en");
  TimelineStyle style = preset("slide-16x9");
  style.lanes = LaneGrouping::issuer;
  TimelineOptions options;
  options.allow_omissions = true;
  options.added_ids = {data.items[0].id};
  options.changed_ids = {data.items[1].id};
  const LayoutResult result = layout_timeline(data, style, options);
  const Document& chart = result.document;
  expect_no_english(chart, "chart");
  for (const char* words : {"新規", "変更", "その他", "発行者の記載なし", "圧縮"}) {
    EXPECT_TRUE(shows(chart, words)) << words;
  }
}

// The SVG's <desc> (what the chart shows, for readers who cannot see it) is
// written in the document's language too.
TEST(TimelineMessages, AJapaneseSvgDescriptionHasNoEnglish) {
  const Dataset data = japanese_dataset();
  TimelineStyle style = preset("slide-16x9");
  style.lanes = LaneGrouping::issuer;
  TimelineOptions options;
  options.allow_omissions = true;
  set_document_language("en");  // whatever was laid out before
  const LayoutResult result = layout_timeline(data, style, options);
  EXPECT_EQ(result.document.info.language, "ja");
  const std::string svg = svg_document(result.document);
  const size_t start = svg.find("<desc>"), end = svg.find("</desc>");
  ASSERT_NE(start, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  const std::string desc = svg.substr(start + 6, end - start - 6);
  for (const char* english : {"item", "lane", "from ", " to ", "label", "link", "source"}) {
    EXPECT_EQ(desc.find(english), std::string::npos) << english << " in: " << desc;
  }
  for (const char* japanese : {"項目", "レーン", "から", "まで", "出典にリンク"}) {
    EXPECT_NE(desc.find(japanese), std::string::npos) << japanese << " not in: " << desc;
  }
  // The same chart in English says it in English.
  Dataset english = data;
  english.language = "en";
  const std::string en_svg = svg_document(layout_timeline(english, style, options).document);
  const std::string en_desc = en_svg.substr(en_svg.find("<desc>"));
  EXPECT_NE(en_desc.find(" items in "), std::string::npos) << en_desc.substr(0, 300);
  EXPECT_TRUE(en_desc.find("labels link to their sources.") != std::string::npos ||
              en_desc.find("label links to its source.") != std::string::npos)
      << en_desc.substr(0, 300);
}

TEST(TimelineMessages, AJapaneseDeckHasNoEnglishChrome) {
  const Dataset data = japanese_dataset();
  // The deck takes its language from the dataset, whatever was laid out before.
  set_document_language("en");
  TimelineOptions options;
  options.allow_omissions = true;
  const LayoutResult result = layout_timeline_deck(data, preset("slide-16x9"), options);
  ASSERT_GT(result.document.pages.size(), 1u);
  expect_no_english(result.document, "deck");
  EXPECT_TRUE(shows(result.document, "概観"));
}

TEST(TimelineMessages, QuarterAndMonthTicksFollowTheLanguage) {
  // Two fictional items a few months apart: quarter or month ticks, years under them.
  const DatasetLoad load = load_dataset_file(repo_path("tests/data/ja-fixture.toml"));
  ASSERT_TRUE(load.ok()) << load.report();
  TimelineOptions options;
  options.allow_omissions = true;
  options.from = PartialDate::parse("2024-01");
  options.to = PartialDate::parse("2024-09");
  const LayoutResult result = layout_timeline(*load.dataset, preset("slide-16x9"), options);
  expect_no_english(result.document, "months");
  EXPECT_TRUE(shows(result.document, "月")) << "month ticks in Japanese";
}

// The report's "changes since" page words each changed field from the
// catalogue too (FieldChange::describe is English, for `briefing diff`).
TEST(ChangesPageMessages, FieldChangesReadInTheReportsLanguage) {
  const std::string dir = make_temp_dir();
  std::string old = read_file(repo_path("tests/data/ja-fixture.toml"));
  // An earlier (fictional) version: one month earlier, published earlier.
  ASSERT_NE(old.find("date = \"2024-06\""), std::string::npos);
  old.replace(old.find("date = \"2024-06\""), 16, "date = \"2024-03\"");
  old.replace(old.find("published = \"2024-05-21\""), 24, "published = \"2024-01-10\"");
  // ... in which the first item had its own colour.
  ASSERT_NE(old.find("[[item]]\n"), std::string::npos);
  old.insert(old.find("[[item]]\n") + 9, "colour = \"#aa3300\"\n");
  write_file(dir + "/old.toml", old);
  auto changes_text = [&](const std::string& language) {
    const auto result =
        run_briefing({"report", repo_path("tests/data/ja-fixture.toml"), "--compare-with",
                      dir + "/old.toml", "--language", language, "-o", dir + "/r.pdf"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return run_program({"/usr/bin/pdftotext", dir + "/r.pdf", "-"}).out;
  };
  const std::string ja = changes_text("ja");
  EXPECT_NE(ja.find("日付（公表）：2024年3月 → 2024年6月"), std::string::npos) << ja;
  EXPECT_NE(ja.find("発行日：2024年1月10日 → 2024年5月21日"), std::string::npos) << ja;
  EXPECT_EQ(ja.find("date ("), std::string::npos);
  EXPECT_EQ(ja.find("published:"), std::string::npos);
  EXPECT_NE(ja.find("色：#aa3300 → （なし）"), std::string::npos) << ja;
  EXPECT_EQ(ja.find("colour"), std::string::npos);
  // English words it as `briefing diff` does.
  const std::string en = changes_text("en");
  EXPECT_NE(en.find("date (公表): March 2024 → June 2024"), std::string::npos) << en;
  EXPECT_NE(en.find("published: 10 January 2024 → 21 May 2024"), std::string::npos) << en;
  EXPECT_NE(en.find("colour: #aa3300 → (none)"), std::string::npos) << en;
}

}  // namespace
}  // namespace briefing
