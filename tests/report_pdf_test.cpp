// `briefing report` end to end, checked with poppler (pdftotext, pdfinfo,
// pdffonts, poppler-glib for links) and qpdf.
#include <gtest/gtest.h>
#include <poppler.h>

#include <filesystem>
#include <map>
#include <regex>

#include "base/json.h"
#include "layout/layout_dump.h"
#include "load/dataset_loader.h"
#include "test_support.h"
#include "text/rich_paragraph.h"

namespace briefing {
namespace {

using testing::run_briefing;
using testing::run_program;

// Removes soft hyphens and zero-width spaces and collapses white space.
std::string normalise(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "\xC2\xAD") == 0) {
      i += 2;
    } else if (text.compare(i, 3, "\xE2\x80\x8B") == 0) {
      i += 3;
    } else if (std::isspace(static_cast<unsigned char>(text[i]))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      ++i;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string without_spaces(const std::string& text) {
  std::string out;
  for (char c : normalise(text)) {
    if (c != ' ') out += c;
  }
  return out;
}

std::string lower_roman(int n) {
  static const std::pair<int, const char*> values[] = {
      {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
  std::string out;
  for (const auto& [value, letters] : values) {
    for (; n >= value; n -= value) out += letters;
  }
  return out;
}

// Each page's label, read from the PDF's /PageLabels with qpdf --json
// (ranges of decimal or lower-roman numbers with an optional prefix).
std::vector<std::string> pdf_page_labels(const std::string& pdf, int pages) {
  const std::string json =
      run_program({"/usr/bin/qpdf", "--json", "--json-key=pagelabels", pdf}).out;
  const std::regex range(R"re("index": ([0-9]+),\s*"label": \{([^}]*)\})re");
  std::vector<std::pair<int, std::string>> ranges;
  for (auto it = std::sregex_iterator(json.begin(), json.end(), range);
       it != std::sregex_iterator(); ++it) {
    ranges.emplace_back(std::stoi((*it)[1]), (*it)[2]);
  }
  std::vector<std::string> labels;
  for (int page = 0; page < pages; ++page) {
    auto r = std::find_if(ranges.rbegin(), ranges.rend(),
                          [&](const auto& x) { return x.first <= page; });
    if (r == ranges.rend()) {
      labels.push_back("");
      continue;
    }
    std::smatch m;
    std::string prefix, style;
    int start = 1;
    if (std::regex_search(r->second, m, std::regex(R"re("/P": "(?:u:)?([^"]*)")re"))) prefix = m[1];
    if (std::regex_search(r->second, m, std::regex(R"re("/S": "/([A-Za-z])")re"))) style = m[1];
    if (std::regex_search(r->second, m, std::regex(R"re("/St": ([0-9]+))re")))
      start = std::stoi(m[1]);
    const int n = start + page - r->first;
    labels.push_back(prefix + (style == "D"   ? std::to_string(n)
                               : style == "r" ? lower_roman(n)
                                              : ""));
  }
  return labels;
}

struct Report {
  std::string pdf, dump;
  int pages = 0;
  std::vector<std::string> labels;  // from the PDF
};

class ReportPdfTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(testing::make_temp_dir());
    auto loaded = load_dataset_file(testing::repo_path("data/ai-safety-japan-2024.toml"));
    ASSERT_TRUE(loaded.ok());
    dataset_ = new Dataset(*loaded.dataset);
    for (const std::string layout : {"briefing-a4", "briefing-letter"}) {
      Report r{*dir_ + "/" + layout + ".pdf", *dir_ + "/" + layout + ".json", 0, {}};
      const auto result =
          run_briefing({"report", testing::repo_path("data/ai-safety-japan-2024.toml"), "-o", r.pdf,
                        "--layout", layout, "--layout-dump", r.dump});
      ASSERT_EQ(result.exit_code, 0) << result.err;
      const auto info = run_program({"/usr/bin/pdfinfo", r.pdf});
      std::smatch m;
      ASSERT_TRUE(std::regex_search(info.out, m, std::regex("Pages: +([0-9]+)")));
      r.pages = std::stoi(m[1]);
      r.labels = pdf_page_labels(r.pdf, r.pages);
      reports_[layout] = r;
    }
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete dataset_;
  }

  static const Report& a4() { return reports_.at("briefing-a4"); }
  static const Report& letter() { return reports_.at("briefing-letter"); }

  static std::string page_text(const Report& r, int page) {
    return run_program({"/usr/bin/pdftotext", "-raw", "-f", std::to_string(page), "-l",
                        std::to_string(page), r.pdf, "-"})
        .out;
  }

  static std::string* dir_;
  static Dataset* dataset_;
  static std::map<std::string, Report> reports_;
};

std::string* ReportPdfTest::dir_ = nullptr;
Dataset* ReportPdfTest::dataset_ = nullptr;
std::map<std::string, Report> ReportPdfTest::reports_;

TEST_F(ReportPdfTest, QpdfFindsNoDamage) {
  for (const auto& [name, r] : reports_) {
    const auto check = run_program({"/usr/bin/qpdf", "--check", r.pdf});
    EXPECT_EQ(check.exit_code, 0) << name << check.out << check.err;
    EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos)
        << check.out;
  }
}

TEST_F(ReportPdfTest, PageSizeAndCount) {
  const auto a4_info = run_program({"/usr/bin/pdfinfo", a4().pdf}).out;
  EXPECT_NE(a4_info.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos)
      << a4_info;
  const auto letter_info = run_program({"/usr/bin/pdfinfo", letter().pdf}).out;
  EXPECT_NE(letter_info.find("Page size:       612 x 792 pts (letter)"), std::string::npos)
      << letter_info;
  // Cover, contents, figure, body, chronology: more than a handful of pages,
  // and the dump has as many.
  for (const auto& [name, r] : reports_) {
    EXPECT_GE(r.pages, 8) << name;
    const std::string json = testing::read_file(r.dump);
    EXPECT_NE(json.find("\"number\": " + std::to_string(r.pages)), std::string::npos) << name;
    EXPECT_EQ(json.find("\"number\": " + std::to_string(r.pages + 1)), std::string::npos) << name;
  }
}

TEST_F(ReportPdfTest, MetadataAndDates) {
  const auto info = run_program({"/usr/bin/pdfinfo", a4().pdf}).out;
  EXPECT_NE(info.find("Title:           " + dataset_->title), std::string::npos) << info;
  EXPECT_NE(info.find("Author:          " + dataset_->publisher), std::string::npos) << info;
  EXPECT_NE(info.find("Subject:         "), std::string::npos) << info;
  EXPECT_NE(info.find("Keywords:        "), std::string::npos) << info;
  EXPECT_NE(info.find(std::string("Creator:         briefing ") + BRIEFING_VERSION),
            std::string::npos);
  // The dataset's publication date (5 February 2025) at 00:00 UTC.
  EXPECT_NE(info.find("CreationDate:    Wed Feb  5 00:00:00 2025 UTC"), std::string::npos) << info;
  EXPECT_NE(info.find("ModDate:         Wed Feb  5 00:00:00 2025 UTC"), std::string::npos) << info;
}

TEST_F(ReportPdfTest, AllFontsEmbedded) {
  for (const auto& [name, r] : reports_) {
    const auto fonts = run_program({"/usr/bin/pdffonts", r.pdf}).out;
    std::istringstream lines(fonts);
    std::string line;
    int rows = 0;
    std::getline(lines, line);  // header
    std::getline(lines, line);  // dashes
    const std::regex row(R"(^\S+\s+.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$)");
    while (std::getline(lines, line)) {
      std::smatch m;
      ASSERT_TRUE(std::regex_match(line, m, row)) << line;
      EXPECT_EQ(m[1], "yes") << name << ": not embedded: " << line;
      ++rows;
    }
    EXPECT_GE(rows, 3) << fonts;
    EXPECT_NE(fonts.find("NotoSerif-Regular"), std::string::npos) << "body in Noto Serif";
    EXPECT_NE(fonts.find("NotoSans-Bold"), std::string::npos) << "headings in Noto Sans";
  }
}

TEST_F(ReportPdfTest, EveryItemTitleAndUrlIsInTheText) {
  for (const auto& [name, r] : reports_) {
    // -raw: keep a hyphen that ends a line (pdftotext would join "8930-" "8761").
    const std::string all = run_program({"/usr/bin/pdftotext", "-raw", r.pdf, "-"}).out;
    const std::string text = normalise(all);
    const std::string compact = without_spaces(all);
    for (const Item& item : dataset_->items) {
      EXPECT_NE(text.find(normalise(typographic_quotes(item.title))), std::string::npos)
          << name << ": " << item.title;
      for (const Link& link : item.links) {
        EXPECT_NE(compact.find(without_spaces(link.url)), std::string::npos)
            << name << ": " << link.url;
      }
    }
    EXPECT_NE(text.find("Data as of " + dataset_->published.format()), std::string::npos);
    ASSERT_EQ(r.labels.size(), static_cast<size_t>(r.pages));
    EXPECT_NE(text.find("Page 2 of " + r.labels.back()), std::string::npos);
  }
}

TEST_F(ReportPdfTest, ContentsNumbersMatchThePagesOfHeadings) {
  // The dump names each contents entry's page; the PDF's text on that page
  // must hold the heading.
  const std::string json = testing::read_file(a4().dump);
  const std::regex entry(
      R"re(\{"kind": "toc-page", "item": "(item-[^"]+|section-[^"]+)", "text": "([0-9]+)")re");
  int checked = 0;
  std::map<int, std::string> pages;
  for (auto it = std::sregex_iterator(json.begin(), json.end(), entry);
       it != std::sregex_iterator(); ++it) {
    const std::string destination = (*it)[1];
    // The contents show page labels; find the page that carries the label.
    const std::string label = (*it)[2];
    const auto found = std::find(a4().labels.begin(), a4().labels.end(), label);
    ASSERT_NE(found, a4().labels.end()) << "no page labelled " << label;
    const int page = static_cast<int>(found - a4().labels.begin()) + 1;
    std::string heading;
    if (destination.rfind("item-", 0) == 0) {
      heading = dataset_->find_item(destination.substr(5))->title;
    } else {
      const Section* s = dataset_->find_section(destination.substr(8));
      heading = s->id + " " + s->title;
    }
    heading = typographic_quotes(heading);
    if (!pages.count(page)) pages[page] = normalise(page_text(a4(), page));
    EXPECT_NE(pages[page].find(normalise(heading)), std::string::npos)
        << destination << " listed on page " << page;
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(dataset_->items.size() + dataset_->sections.size()));
}

TEST_F(ReportPdfTest, OutlineHasOneEntryPerSectionAndItem) {
  const auto json = run_program({"/usr/bin/qpdf", "--json", "--json-key=outlines", a4().pdf}).out;
  std::map<std::string, int> titles;
  const std::regex title(R"re("title": "((?:[^"\\]|\\.)*)")re");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), title);
       it != std::sregex_iterator(); ++it) {
    ++titles[(*it)[1]];
  }
  auto json_text = [](const std::string& s) {
    const std::string quoted = json_string(s);
    return quoted.substr(1, quoted.size() - 2);
  };
  for (const Section& s : dataset_->sections) {
    EXPECT_EQ(titles[json_text(typographic_quotes(s.id + " " + s.title))], 1) << s.id;
  }
  // Items are numbered through the report in section order.
  int number = 0;
  for (const Section& s : dataset_->sections) {
    for (const Item& item : dataset_->items) {
      if (item.section != s.id) continue;
      ++number;
      EXPECT_EQ(titles[json_text(typographic_quotes(std::to_string(number) + " " + item.title))], 1)
          << item.id;
    }
  }
  EXPECT_EQ(number, static_cast<int>(dataset_->items.size()));
}

struct PdfLink {
  int page;
  double x1, y1, x2, y2;  // PDF user space, y up
  std::string uri, destination;
};

std::vector<PdfLink> links_of(const std::string& path) {
  std::vector<PdfLink> links;
  const std::string uri = "file://" + std::filesystem::absolute(path).string();
  GError* error = nullptr;
  PopplerDocument* doc = poppler_document_new_from_file(uri.c_str(), nullptr, &error);
  if (!doc) throw std::runtime_error(error ? error->message : "cannot open PDF");
  for (int p = 0; p < poppler_document_get_n_pages(doc); ++p) {
    PopplerPage* page = poppler_document_get_page(doc, p);
    double width = 0, height = 0;
    poppler_page_get_size(page, &width, &height);
    GList* mapping = poppler_page_get_link_mapping(page);
    for (GList* l = mapping; l; l = l->next) {
      auto* m = static_cast<PopplerLinkMapping*>(l->data);
      PdfLink link{p + 1, m->area.x1, m->area.y1, m->area.x2, m->area.y2, "", ""};
      if (m->action->type == POPPLER_ACTION_URI) link.uri = m->action->uri.uri;
      if (m->action->type == POPPLER_ACTION_GOTO_DEST && m->action->goto_dest.dest &&
          m->action->goto_dest.dest->type == POPPLER_DEST_NAMED) {
        link.destination = m->action->goto_dest.dest->named_dest;
      }
      links.push_back(link);
    }
    poppler_page_free_link_mapping(mapping);
    g_object_unref(page);
  }
  g_object_unref(doc);
  return links;
}

TEST_F(ReportPdfTest, OneLinkPerFootnoteUrlOverItsText) {
  const auto links = links_of(a4().pdf);
  const std::string json = testing::read_file(a4().dump);
  // Footnote boxes from the dump: page, box (y down), text.
  const std::regex note(
      R"re("kind": "footnote", "item": "fn-([0-9]+)", "text": "((?:[^"\\]|\\.)*)", "x": ([0-9.]+), "y": ([0-9.]+), "width": ([0-9.]+), "height": ([0-9.]+))re");
  // Page of each element: the dump lists pages in order.
  std::vector<size_t> page_starts;
  for (size_t at = json.find("\"number\": "); at != std::string::npos;
       at = json.find("\"number\": ", at + 1)) {
    page_starts.push_back(at);
  }
  const double page_height = 841.89;
  size_t url_notes = 0;
  for (auto it = std::sregex_iterator(json.begin(), json.end(), note); it != std::sregex_iterator();
       ++it) {
    const std::string text = (*it)[2];
    const size_t at = static_cast<size_t>(it->position(0));
    const int page = static_cast<int>(std::upper_bound(page_starts.begin(), page_starts.end(), at) -
                                      page_starts.begin());
    const double x = std::stod((*it)[3]), y = std::stod((*it)[4]);
    const double w = std::stod((*it)[5]), h = std::stod((*it)[6]);
    for (const Item& item : dataset_->items) {
      for (const Link& link : item.links) {
        if (without_spaces(text).find(without_spaces(link.url)) == std::string::npos) continue;
        ++url_notes;
        int inside = 0;
        for (const PdfLink& l : links) {
          if (l.page != page || l.uri != link.url) continue;
          // The annotation lies on the footnote's box (PDF y is up; cairo
          // rounds /Rect outwards to whole points).
          const double top = page_height - y, bottom = page_height - y - h;
          const double slack = 1.5;
          if (l.x1 >= x - slack && l.x2 <= x + w + slack && l.y1 >= bottom - slack &&
              l.y2 <= top + slack) {
            ++inside;
          }
        }
        EXPECT_EQ(inside, 1) << "footnote " << (*it)[1] << ": " << link.url;
      }
    }
  }
  EXPECT_EQ(url_notes, dataset_->link_count());
  for (const PdfLink& l : links) {
    if (l.uri.empty()) {
      EXPECT_FALSE(l.destination.empty()) << "page " << l.page;
    } else {
      EXPECT_TRUE(l.uri.rfind("http://", 0) == 0 || l.uri.rfind("https://", 0) == 0 ||
                  l.uri.rfind("mailto:", 0) == 0)
          << l.uri;
    }
  }
  // Contents entries and footnote markers jump by name.
  const auto named = std::count_if(links.begin(), links.end(), [](const PdfLink& l) {
    return l.destination.rfind("item-", 0) == 0;
  });
  EXPECT_GE(named, static_cast<long>(dataset_->items.size()));
  const auto markers = std::count_if(links.begin(), links.end(), [](const PdfLink& l) {
    return l.destination.rfind("fn-", 0) == 0;
  });
  EXPECT_EQ(markers, static_cast<long>(dataset_->link_count() + dataset_->note_count()));
}

// The viewer's labels: cover and contents in lower-case roman numerals, the
// rest from 1; each page's footer names its own label and, from page 1 on,
// the last page's label.
TEST_F(ReportPdfTest, PageLabelsAreRomanThenArabicAndTheFooterAgrees) {
  for (const auto& [name, r] : reports_) {
    ASSERT_EQ(r.labels.size(), static_cast<size_t>(r.pages));
    EXPECT_EQ(r.labels[0], "i") << name;
    EXPECT_EQ(r.labels[1], "ii") << name;
    const auto first = std::find(r.labels.begin(), r.labels.end(), "1");
    ASSERT_NE(first, r.labels.end()) << name;
    const int front = static_cast<int>(first - r.labels.begin());
    for (int i = 0; i < r.pages; ++i) {
      const std::string expected = i < front ? lower_roman(i + 1) : std::to_string(i - front + 1);
      EXPECT_EQ(r.labels[static_cast<size_t>(i)], expected) << name << " page " << i + 1;
    }
    // The figure opens the main matter.
    EXPECT_NE(normalise(page_text(r, front + 1)).find("Timeline"), std::string::npos) << name;
    for (int page = 2; page <= r.pages; ++page) {
      const std::string& label = r.labels[static_cast<size_t>(page - 1)];
      const std::string footer =
          page <= front ? "Page " + label : "Page " + label + " of " + r.labels.back();
      const std::string text = normalise(page_text(r, page));
      EXPECT_NE(text.find(footer), std::string::npos) << name << " page " << page;
      if (page <= front) {
        EXPECT_EQ(text.find(footer + " of"), std::string::npos);
      }
    }
  }
}

TEST_F(ReportPdfTest, IdenticalBytesAcrossRuns) {
  const std::string again = *dir_ + "/again.pdf";
  const auto result =
      run_briefing({"report", testing::repo_path("data/ai-safety-japan-2024.toml"), "-o", again});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(testing::read_file(again) == testing::read_file(a4().pdf)) << "bytes differ";
}

TEST_F(ReportPdfTest, BadArgumentsAndLayoutsFailWithoutTouchingTheOutput) {
  const std::string out = *dir_ + "/kept.pdf";
  testing::write_file(out, "previous good output");
  const std::string data = testing::repo_path("data/ai-safety-japan-2024.toml");

  auto r = run_briefing({"report", data});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  r = run_briefing({"report", data, "-o", *dir_ + "/x.png"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  r = run_briefing({"report", data, "-o", out, "--bogus"});
  EXPECT_EQ(r.exit_code, 2) << r.err;

  const std::string layout = *dir_ + "/bad.toml";
  testing::write_file(layout, "[page]\nsize = \"a4\"\n\n[fonts]\nbody_sise = 11\n");
  r = run_briefing({"report", data, "-o", out, "--layout", layout});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(layout + ":5:1: error:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("body_size"), std::string::npos) << r.err;

  r = run_briefing({"report", data, "-o", out, "--layout", "briefing-a3"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot read the layout file"), std::string::npos) << r.err;

  EXPECT_EQ(testing::read_file(out), "previous good output");
}

TEST_F(ReportPdfTest, CompareWithAddsAChangesPageAndMarksChangedItems) {
  std::string old = testing::read_file(testing::repo_path("data/ai-safety-japan-2024.toml"));
  const std::string published = "published = \"" + dataset_->published.iso() + "\"";
  ASSERT_NE(old.find(published), std::string::npos);
  old.replace(old.find(published), published.size(), "published = \"2024-12-01\"");
  const std::string summary = "summary = \"";
  old.replace(old.find(summary), summary.size(), "summary = \"Earlier wording. ");
  const std::string old_path = *dir_ + "/old.toml";
  testing::write_file(old_path, old);
  const std::string out = *dir_ + "/changes.pdf";
  const auto r = run_briefing({"report", testing::repo_path("data/ai-safety-japan-2024.toml"), "-o",
                               out, "--compare-with", old_path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(run_program({"/usr/bin/qpdf", "--check", out}).exit_code, 0);
  const std::string text = normalise(run_program({"/usr/bin/pdftotext", "-raw", out, "-"}).out);
  EXPECT_NE(text.find("Changes since 1 December 2024"), std::string::npos);
  EXPECT_NE(text.find("Changed (1)"), std::string::npos);
  EXPECT_TRUE(text.find("Changed \xC2\xB7 ") != std::string::npos ||
              text.find("Changed\xC2\xA0\xC2\xB7 ") != std::string::npos)
      << "the changed item is marked";
}

}  // namespace
}  // namespace briefing
