// The report's geometry, checked on the layout dump and the display list
// (no drawing): margins, contents numbers, footnote placement, keep-with-next,
// widows and orphans, and glyph coverage.
#include "layout/report/report_layout.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "layout/layout_dump.h"
#include "load/dataset_loader.h"
#include "load/report_style_loader.h"
#include "load/timeline_style_loader.h"
#include "test_support.h"
#include "text/rich_paragraph.h"

namespace briefing {
namespace {

struct Rendered {
  Dataset dataset;
  ReportStyle style;
  LayoutResult layout;
  LayoutDump dump;                       // made from the painted display list
  std::vector<std::string> page_labels;  // each page's label, as the PDF shows it
};

Rendered render(const Dataset& dataset, const std::string& layout_name) {
  Diagnostics d;
  auto style = load_report_style(resolve_layout_path(layout_name), d);
  auto figure = load_timeline_style(resolve_layout_path(style->figure_layout), d);
  if (!style || !figure) throw std::runtime_error(format_diagnostics(d));
  ReportOptions options;
  options.figure_style = &*figure;
  Rendered r{dataset, *style, layout_report(dataset, *style, options), {}, {}};
  r.dump = layout_dump(r.layout.document, "report");
  for (const Page& page : r.layout.document.pages) r.page_labels.push_back(page.label);
  return r;
}

Dataset load(const std::string& relative) {
  auto loaded = load_dataset_file(testing::repo_path(relative));
  if (!loaded.ok()) throw std::runtime_error(loaded.report());
  return *loaded.dataset;
}

// A synthetic dataset (tests/data/report-stress.toml) that forces page breaks
// inside paragraphs, long titles, issuer lists and milestone lines, long URLs
// and Japanese text. Render it with `briefing report` to look at it.
Dataset stress_dataset() { return load("tests/data/report-stress.toml"); }

class ReportLayoutTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fact_sheet_ = new Rendered(render(load("data/ai-safety-japan-2024.toml"), "briefing-a4"));
    letter_ = new Rendered(render(load("data/ai-safety-japan-2024.toml"), "briefing-letter"));
    stress_ = new Rendered(render(stress_dataset(), "briefing-a4"));
  }
  static void TearDownTestSuite() {
    delete fact_sheet_;
    delete letter_;
    delete stress_;
  }
  static std::vector<const Rendered*> all() { return {fact_sheet_, letter_, stress_}; }

  static Rendered* fact_sheet_;
  static Rendered* letter_;
  static Rendered* stress_;
};

Rendered* ReportLayoutTest::fact_sheet_ = nullptr;
Rendered* ReportLayoutTest::letter_ = nullptr;
Rendered* ReportLayoutTest::stress_ = nullptr;

bool is_running(const PlacedElement& e) { return e.kind == "header" || e.kind == "footer"; }

TEST_F(ReportLayoutTest, NothingOutsideTheMargins) {
  for (const Rendered* r : all()) {
    const ReportStyle& s = r->style;
    const Rect text{s.margin_left, s.margin_top, s.text_width(), s.text_height()};
    const Rect running{s.margin_left, 0, s.text_width(), s.page_height};
    ASSERT_FALSE(r->dump.elements.empty());
    for (const PlacedElement& e : r->dump.elements) {
      const Rect& area = is_running(e) ? running : text;
      EXPECT_TRUE(area.contains(e.box, 0.5))
          << s.name << " page " << e.page << " " << e.kind << " '" << e.text << "' at " << e.box.x
          << "," << e.box.y << " " << e.box.width << "x" << e.box.height;
    }
    // Running header and footer stay in the margins, clear of the text.
    for (const PlacedElement& e : r->dump.elements) {
      if (e.kind == "header") {
        EXPECT_LE(e.box.bottom(), s.margin_top);
      }
      if (e.kind == "footer") {
        EXPECT_GE(e.box.y, s.margin_top + s.text_height());
      }
    }
  }
}

TEST_F(ReportLayoutTest, PagesHaveThePaperSize) {
  for (const Rendered* r : all()) {
    for (const Page& page : r->layout.document.pages) {
      EXPECT_NEAR(page.width, r->style.page_width, 1e-6);
      EXPECT_NEAR(page.height, r->style.page_height, 1e-6);
    }
  }
  EXPECT_NEAR(fact_sheet_->style.page_width, 595.276, 0.01);
  EXPECT_NEAR(letter_->style.page_width, 612, 0.01);
}

TEST_F(ReportLayoutTest, ContentsNumbersArePagesOfTheirHeadings) {
  for (const Rendered* r : all()) {
    std::map<std::string, int> heading_page;
    for (const auto& e : r->dump.elements) {
      if (e.kind == "heading") heading_page.emplace(e.item_id, e.page);
    }
    size_t checked = 0;
    for (const auto& e : r->dump.elements) {
      if (e.kind != "toc-page") continue;
      ASSERT_TRUE(heading_page.count(e.item_id)) << e.item_id;
      const int page = heading_page[e.item_id];
      ASSERT_GE(page, 1);
      EXPECT_EQ(e.text, r->page_labels.at(static_cast<size_t>(page - 1))) << e.item_id;
      ++checked;
    }
    // Every section and every item is in the contents.
    EXPECT_EQ(checked, r->dataset.sections.size() + r->dataset.items.size() + 2)
        << "sections, items, the figure and the chronology";
  }
}

TEST_F(ReportLayoutTest, EachFootnoteIsOnThePageOfItsMarker) {
  for (const Rendered* r : all()) {
    std::map<std::string, int> marker_page, note_page;
    for (const auto& e : r->dump.elements) {
      if (e.kind == "footnote-marker") {
        EXPECT_TRUE(marker_page.emplace(e.item_id, e.page).second);
      }
      if (e.kind == "footnote") {
        EXPECT_TRUE(note_page.emplace(e.item_id, e.page).second);
      }
    }
    EXPECT_EQ(note_page.size(), r->dataset.link_count() + r->dataset.note_count());
    EXPECT_EQ(marker_page, note_page);
    // Footnotes sit below all the body text of their page.
    std::map<int, double> body_bottom, notes_top;
    for (const auto& e : r->dump.elements) {
      if (e.kind == "footnote") {
        notes_top.try_emplace(e.page, 1e9);
        notes_top[e.page] = std::min(notes_top[e.page], e.box.y);
      } else if (!is_running(e) && e.kind != "footnote-marker") {
        body_bottom[e.page] = std::max(body_bottom[e.page], e.box.bottom());
      }
    }
    for (const auto& [page, top] : notes_top) EXPECT_LT(body_bottom[page], top) << "page " << page;
  }
}

TEST_F(ReportLayoutTest, FootnotesAreNumberedThroughTheDocument) {
  std::vector<int> numbers;
  for (const auto& e : fact_sheet_->dump.elements) {
    if (e.kind == "footnote-marker") numbers.push_back(std::stoi(e.text));
  }
  ASSERT_FALSE(numbers.empty());
  for (size_t i = 0; i < numbers.size(); ++i) EXPECT_EQ(numbers[i], static_cast<int>(i + 1));
}

// Body lines of each item by page, in order.
std::map<std::string, std::vector<int>> line_pages(const Rendered& r, const std::string& kind) {
  std::map<std::string, std::vector<int>> pages;
  for (const auto& e : r.dump.elements) {
    if (e.kind == kind && !e.item_id.empty()) pages[e.item_id].push_back(e.page);
  }
  return pages;
}

TEST_F(ReportLayoutTest, NoWidowsOrOrphans) {
  size_t splits = 0;
  for (const Rendered* r : all()) {
    for (const auto& [id, pages] : line_pages(*r, "line")) {
      std::map<int, int> per_page;
      for (int p : pages) ++per_page[p];
      if (per_page.size() > 1) ++splits;
      if (per_page.size() < 2) continue;
      for (const auto& [page, count] : per_page) {
        EXPECT_GE(count, 2) << r->style.name << " item " << id << " page " << page;
      }
    }
  }
  EXPECT_GT(splits, 0u) << "the stress dataset should split some paragraphs across pages";
}

TEST_F(ReportLayoutTest, HeadingsStayWithWhatFollows) {
  for (const Rendered* r : all()) {
    const auto& elements = r->dump.elements;
    for (size_t i = 0; i < elements.size(); ++i) {
      if (elements[i].kind != "heading") continue;
      // The next body element (not the header, footer or a footnote) is on the same page.
      size_t j = i + 1;
      while (j < elements.size() && (is_running(elements[j]) || elements[j].kind == "footnote"))
        ++j;
      ASSERT_LT(j, elements.size());
      EXPECT_EQ(elements[j].page, elements[i].page)
          << r->style.name << ": heading '" << elements[i].text << "' ends page "
          << elements[i].page;
    }
    // An item's heading, its dates and the first two lines of its summary share a page.
    const auto meta = line_pages(*r, "meta");
    const auto lines = line_pages(*r, "line");
    for (const auto& e : elements) {
      if (e.kind != "heading" || e.item_id.rfind("item-", 0) != 0) continue;
      const std::string id = e.item_id.substr(5);
      ASSERT_TRUE(meta.count(id) && lines.count(id)) << id;
      EXPECT_EQ(meta.at(id).front(), e.page) << id;
      ASSERT_GE(lines.at(id).size(), 1u);
      EXPECT_EQ(lines.at(id)[0], e.page) << id;
      if (lines.at(id).size() >= 2) {
        EXPECT_EQ(lines.at(id)[1], e.page) << id;
      }
    }
  }
}

TEST_F(ReportLayoutTest, TableHeaderRepeatsOnEveryTablePage) {
  for (const Rendered* r : all()) {
    std::set<int> cell_pages, header_pages;
    for (const auto& e : r->dump.elements) {
      if (e.kind == "table-cell") cell_pages.insert(e.page);
      if (e.kind == "table-header" && e.text == "Date") header_pages.insert(e.page);
    }
    EXPECT_FALSE(cell_pages.empty());
    EXPECT_EQ(cell_pages, header_pages) << r->style.name;
    // One row per milestone, plus one per undated item, each row four cells.
    size_t undated = 0;
    for (const Item& item : r->dataset.items) undated += item.is_dated() ? 0 : 1;
    size_t cells = 0;
    for (const auto& e : r->dump.elements) cells += e.kind == "table-cell" ? 1 : 0;
    EXPECT_EQ(cells, 4 * (r->dataset.milestone_count() + undated));
  }
}

TEST_F(ReportLayoutTest, OutlineHasOneEntryPerSectionAndItem) {
  for (const Rendered* r : all()) {
    std::map<std::string, int> count;
    for (const OutlineEntry& entry : r->layout.document.outline) ++count[entry.destination];
    for (const Section& s : r->dataset.sections) EXPECT_EQ(count["section-" + s.id], 1) << s.id;
    for (const Item& item : r->dataset.items) EXPECT_EQ(count["item-" + item.id], 1) << item.id;
    // Levels follow the nesting.
    for (const OutlineEntry& entry : r->layout.document.outline) {
      if (entry.destination.rfind("section-", 0) == 0) {
        EXPECT_EQ(entry.level, r->dataset.find_section(entry.destination.substr(8))->depth());
      }
    }
  }
}

TEST_F(ReportLayoutTest, EveryLinkIsHttpHttpsMailtoOrANamedDestination) {
  for (const Rendered* r : all()) {
    std::set<std::string> destinations;
    for (const Page& page : r->layout.document.pages) {
      for (const DisplayItem& item : flattened(page.items)) {
        if (auto* d = std::get_if<Destination>(&item)) destinations.insert(d->name);
      }
    }
    for (const Page& page : r->layout.document.pages) {
      for (const DisplayItem& item : flattened(page.items)) {
        const auto* link = std::get_if<LinkArea>(&item);
        if (!link) continue;
        EXPECT_FALSE(link->rects.empty());
        if (link->uri.empty()) {
          EXPECT_TRUE(destinations.count(link->destination)) << link->destination;
        } else {
          EXPECT_TRUE(link->uri.rfind("http://", 0) == 0 || link->uri.rfind("https://", 0) == 0 ||
                      link->uri.rfind("mailto:", 0) == 0)
              << link->uri;
        }
      }
    }
  }
}

TEST_F(ReportLayoutTest, WrappedUrlsGetOneRectanglePerLineInsideTheMargins) {
  const ReportStyle& s = stress_->style;
  const Rect text{s.margin_left, s.margin_top, s.text_width(), s.text_height()};
  size_t wrapped = 0;
  for (const Page& page : stress_->layout.document.pages) {
    for (const DisplayItem& item : flattened(page.items)) {
      const auto* link = std::get_if<LinkArea>(&item);
      if (!link || link->uri.rfind("https://www.example.go.jp", 0) != 0) continue;
      if (link->rects.size() > 1) ++wrapped;
      for (size_t i = 0; i < link->rects.size(); ++i) {
        EXPECT_TRUE(text.contains(link->rects[i], 0.5));
        if (i > 0) {
          EXPECT_GT(link->rects[i].y, link->rects[i - 1].y);  // one per line, in order
        }
      }
    }
  }
  EXPECT_EQ(wrapped, stress_->dataset.items.size()) << "each long URL wraps";
}

TEST_F(ReportLayoutTest, NoMissingGlyphs) {
  for (const Rendered* r : all()) {
    for (const Page& page : r->layout.document.pages) {
      for (const DisplayItem& item : flattened(page.items)) {
        if (const auto* t = std::get_if<TextShape>(&item)) {
          EXPECT_EQ(pango_layout_get_unknown_glyphs_count(t->block->layout()), 0)
              << t->block->text();
        }
      }
    }
  }
}

TEST_F(ReportLayoutTest, CoverHasTitlePublisherAndDates) {
  std::map<std::string, std::string> cover;
  for (const auto& e : fact_sheet_->dump.elements) {
    if (e.page == 1) cover[e.kind] = e.text;
  }
  const Dataset& d = fact_sheet_->dataset;
  EXPECT_EQ(cover["cover-title"], typographic_quotes(d.title));
  EXPECT_EQ(cover["cover-publisher"], d.publisher);
  EXPECT_EQ(cover["cover-date"], "Published " + d.published.format());
  EXPECT_EQ(cover["cover-data-as-of"], "Data as of " + d.published.format());
  EXPECT_EQ(cover.count("header"), 0u) << "no running header on the cover";
  EXPECT_EQ(cover.count("footer"), 0u);
}

TEST_F(ReportLayoutTest, FrontMatterIsRomanAndTheRestCountsFromOne) {
  for (const Rendered* r : all()) {
    const auto& labels = r->page_labels;
    ASSERT_EQ(labels.size(), r->layout.document.pages.size());
    // The figure's heading opens the main matter: page "1".
    int figure_page = 0;
    for (const auto& e : r->dump.elements) {
      if (e.kind == "heading" && e.item_id == "figure") figure_page = e.page;
    }
    ASSERT_GE(figure_page, 2) << r->style.name;
    const std::vector<std::string> roman = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii"};
    for (size_t i = 0; i < labels.size(); ++i) {
      const int number = static_cast<int>(i) + 1;
      const std::string expected =
          number < figure_page ? roman.at(i) : std::to_string(number - figure_page + 1);
      EXPECT_EQ(labels[i], expected) << r->style.name << " page " << number;
      EXPECT_EQ(r->layout.document.pages[i].label, labels[i]);
    }
    // The footer shows the label; main-matter pages add "of" the last label.
    std::map<int, std::string> footer;
    for (const auto& e : r->dump.elements) {
      if (e.kind == "footer") footer[e.page] = e.text;
    }
    EXPECT_EQ(footer.count(1), 0u) << "no footer on the cover";
    for (const auto& [page, text] : footer) {
      const std::string& label = labels.at(static_cast<size_t>(page - 1));
      EXPECT_EQ(text,
                page < figure_page ? "Page " + label : "Page " + label + " of " + labels.back());
    }
  }
}

// The issuers line hangs: its continuation lines start where the first
// issuer does, and a milestone's date never breaks across lines.
TEST_F(ReportLayoutTest, MetaLinesHangAndKeepDatesWhole) {
  std::map<std::string, std::vector<const PlacedElement*>> meta;
  for (const auto& e : stress_->dump.elements) {
    if (e.kind == "meta") meta[e.item_id].push_back(&e);
  }
  size_t hanging = 0;
  for (const Item& item : stress_->dataset.items) {
    const auto& lines = meta[item.id];
    ASSERT_GE(lines.size(), 2u) << item.id;
    const double left = lines.front()->box.x;
    // Lines of the issuers paragraph: those before the one that starts with a
    // milestone label (or "No date given").
    size_t issuer_lines = 1;
    while (issuer_lines < lines.size() && lines[issuer_lines]->box.x > left + 1) ++issuer_lines;
    if (issuer_lines > 1) {
      ++hanging;
      const std::string first_issuer = item.issuers.front();
      const std::string kind_prefix =
          lines.front()->text.substr(0, lines.front()->text.find(first_issuer));
      EXPECT_FALSE(kind_prefix.empty());
      for (size_t k = 1; k < issuer_lines; ++k) EXPECT_NEAR(lines[k]->box.x, lines[1]->box.x, 0.01);
    }
    for (size_t k = issuer_lines; k < lines.size(); ++k) {
      EXPECT_NEAR(lines[k]->box.x, left, 0.01) << item.id << ": dates do not hang";
      // A line never ends inside a date: not on a day number or a month name.
      const std::string& text = lines[k]->text;
      if (k + 1 < lines.size()) {
        const std::string last = text.substr(text.find_last_of(" \xC2\xA0") + 1);
        for (const char* month : {"January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December"}) {
          EXPECT_NE(last, month) << item.id << ": '" << text << "'";
        }
      }
    }
  }
  EXPECT_GT(hanging, 0u) << "the stress data has items whose issuers wrap";
}

// A paragraph that continues on the next page does not leave a word broken
// by hyphenation at the foot of the page (a hyphen in the word itself, as in
// "AI-specific", may stay), unless only the fewest lines allowed are there.
TEST_F(ReportLayoutTest, NoPageEndsInAHyphenatedWord) {
  for (const Rendered* r : all()) {
    const auto& elements = r->dump.elements;
    size_t breaks = 0;
    for (size_t i = 0; i + 1 < elements.size(); ++i) {
      const PlacedElement& last = elements[i];
      if (last.kind != "line" || last.item_id.empty()) continue;
      // The next line of the same paragraph, if it is on a later page.
      size_t j = i + 1;
      while (j < elements.size() && elements[j].kind != "line") ++j;
      if (j == elements.size() || elements[j].item_id != last.item_id ||
          elements[j].page == last.page)
        continue;
      ++breaks;
      if (last.text.empty() || last.text.back() != '-') continue;
      // With only the fewest lines allowed at a page's foot, none can move.
      int here = 0;
      for (const PlacedElement& e : elements) {
        here += e.kind == "line" && e.item_id == last.item_id && e.page == last.page ? 1 : 0;
      }
      if (here <= r->style.orphans) continue;
      const Item* item = r->dataset.find_item(last.item_id);
      ASSERT_NE(item, nullptr);
      const std::string head = last.text.substr(last.text.find_last_of(' ') + 1);
      const std::string tail = elements[j].text.substr(0, elements[j].text.find(' '));
      EXPECT_NE(typographic_quotes(item->summary).find(head + tail), std::string::npos)
          << r->style.name << " page " << last.page << " ends in '" << head << "' + '" << tail
          << "'";
    }
    EXPECT_GT(breaks, 0u) << r->style.name << ": some paragraph should cross a page";
  }
}

// The figure shows every dated item of the fact sheet: nothing left out for room.
TEST_F(ReportLayoutTest, FigureLabelsEveryDatedItem) {
  for (const Rendered* r : {fact_sheet_, letter_}) {
    EXPECT_TRUE(r->layout.diagnostics.empty())
        << r->style.name << ": " << format_diagnostics(r->layout.diagnostics);
    std::set<std::string> labelled;
    for (const PlacedElement& e : r->dump.elements) {
      if (e.kind == "figure-label") labelled.insert(e.item_id);
    }
    size_t dated = 0;
    for (const Item& item : r->dataset.items) {
      if (!item.is_dated()) continue;
      ++dated;
      EXPECT_TRUE(labelled.count(item.id)) << r->style.name << ": no label for " << item.id;
    }
    EXPECT_EQ(labelled.size(), dated) << r->style.name;
  }
}

}  // namespace
}  // namespace briefing
