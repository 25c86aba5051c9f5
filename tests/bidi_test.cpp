// Bidirectional text: Hebrew, Arabic, RLM-first and mixed titles, lane
// titles, labels and report text are drawn where layout says they are.
// Every TextShape's box (its origin and its block's width and height, as
// the layout dump reports them) holds its ink: each page's text items alone
// are painted at 3 px per point and every inked pixel must lie inside the
// union of the boxes, grown by 2 pt. Right-to-left paragraphs read right to
// left inside their box; justified ones fill the report's column.
#include "text/bidi.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "layout/layout_dump.h"
#include "layout/report/report_layout.h"
#include "layout/timeline/timeline_layout.h"
#include "load/dataset_loader.h"
#include "load/report_style_loader.h"
#include "load/timeline_style_loader.h"
#include "paint/painter.h"
#include "test_support.h"
#include "text/rich_paragraph.h"
#include "text/text_block.h"

namespace briefing {
namespace {

constexpr double kPixelsPerPoint = 3;
constexpr double kTolerance = 2;  // points around each box

// ---- datasets ---------------------------------------------------------------

struct Script {
  std::string name;
  std::string title;      // the dataset's
  std::string section;    // a section title, so a lane title
  std::string item;       // an item title
  std::string long_item;  // an item title that wraps
  std::string label;      // a milestone label
  std::string summary;    // long enough to wrap and justify
};

const std::string kRlm = "\xE2\x80\x8F";

std::vector<Script> scripts() {
  return {
      {"hebrew", "מדיניות בינה מלאכותית 2019–2024", "חקיקה ורגולציה", "חוק הבינה המלאכותית (טיוטה)",
       "הנחיות לשימוש אחראי בבינה מלאכותית במגזר הציבורי, כולל רכש, הערכת סיכונים ושקיפות כלפי "
       "הציבור",
       "פורסם להערות הציבור",
       "טיוטת חוק המסדירה את השימוש במערכות בינה מלאכותית בסיכון גבוה, עם חובות שקיפות, תיעוד "
       "והערכת סיכונים לפני הפעלה. החוק קובע גם מנגנון פיקוח ועיצומים כספיים על הפרות, ומחייב "
       "רישום של מערכות מסוימות במאגר ציבורי."},
      {"arabic", "سياسات الذكاء الاصطناعي 2019–2024", "السياسات والاستراتيجيات الوطنية",
       "الاستراتيجية الوطنية للذكاء الاصطناعي",
       "مبادئ أخلاقيات الذكاء الاصطناعي في القطاع العام، بما في ذلك المشتريات وتقييم المخاطر "
       "والشفافية",
       "نشرت",
       "استراتيجية وطنية تحدد أولويات البحث والتطوير وبناء القدرات في مجال الذكاء الاصطناعي، مع "
       "خطة تنفيذ على مدى خمس سنوات. وتتضمن الاستراتيجية برامج للتعليم والتدريب، وإطاراً لحوكمة "
       "البيانات، ومبادئ أخلاقية لاستخدام الأنظمة الذكية في الخدمات العامة."},
      {"rlm-first", kRlm + "AI policy timeline 2019–2024", kRlm + "Institutions and bodies",
       kRlm + "AI Safety Institute opens",
       kRlm +
           "Guidelines for the responsible use of AI in the public sector, with procurement rules",
       kRlm + "established",
       kRlm +
           "A new institute for the evaluation of advanced AI systems, with a mandate to publish "
           "test methods, to run evaluations before deployment and to report to parliament on "
           "what it finds in each year of its operation."},
      {"mixed", "EU AI Act — חוק הבינה המלאכותית 2024", "Mixed: AI Act — חוק הבינה",
       "חוק הבינה המלאכותית של האיחוד האירופי (EU AI Act) 2024",
       "EU AI Act: גרסה עברית רשמית (Official Hebrew translation) with a glossary of 2024 terms",
       "נכנס לתוקף",
       "חקיקה אירופית (Regulation (EU) 2024/1689) שנכנסה לתוקף באוגוסט 2024, ומשפיעה גם על חברות "
       "ישראליות (Israeli companies) that sell AI systems in the European Union; ראו את הנספח."},
  };
}

std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// One script throughout, mixed with some English-only items and sections.
std::string dataset_text(const Script& s) {
  std::ostringstream t;
  t << "[dataset]\ntitle = " << toml_string(s.title)
    << "\npublisher = \"Test Office\"\npublished = \"2025-01-15\"\nlanguage = \"en\"\n"
    << "source = " << toml_string(s.section) << "\n\n";
  t << "[[section]]\nid = \"1\"\ntitle = " << toml_string(s.section)
    << "\nintro = " << toml_string(s.summary) << "\n\n";
  t << "[[section]]\nid = \"2\"\ntitle = \"Plain English section\"\n\n";
  t << "[[section]]\nid = \"3\"\ntitle = " << toml_string(s.item) << "\n\n";
  auto item = [&](const std::string& id, const std::string& section, const std::string& title,
                  const std::string& summary, const std::vector<std::string>& dates,
                  bool highlight) {
    t << "[[item]]\nid = \"" << id << "\"\nsection = \"" << section
      << "\"\ntitle = " << toml_string(title) << "\nkind = \"law\"\nissuers = ["
      << toml_string(s.section) << ", \"Test Office\"]\nsummary = " << toml_string(summary)
      << (highlight ? "\nhighlight = true" : "") << "\n\n";
    for (size_t i = 0; i < dates.size(); ++i) {
      t << "[[item.milestone]]\nlabel = " << toml_string(i == 0 ? s.label : "revised")
        << "\ndate = \"" << dates[i] << "\"\n\n";
    }
    t << "[[item.note]]\ntext = " << toml_string(title) << "\n\n";
  };
  item("a", "1", s.item, s.summary, {"2023-06", "2024-02-12"}, true);
  item("b", "1", s.long_item, s.item, {"2022"}, false);
  item("c", "2", "An English title with " + s.item + " inside it", s.summary, {"2021-04-07"},
       false);
  item("d", "2", "Plain English item", "A summary in English.", {"2019-10", "2023-11-20"}, false);
  item("e", "3", s.item + " " + s.item, s.summary, {"2024-03"}, false);
  item("f", "3", s.long_item, s.summary, {"2024-09-01"}, false);
  return t.str();
}

Dataset load(const std::string& text, const std::string& name) {
  auto result = load_dataset_text(text, name + ".toml");
  if (!result.ok()) throw std::runtime_error(result.report());
  return std::move(*result.dataset);
}

std::vector<std::pair<std::string, Dataset>> datasets() {
  std::vector<std::pair<std::string, Dataset>> all;
  for (const Script& s : scripts()) all.emplace_back(s.name, load(dataset_text(s), s.name));
  auto file = load_dataset_file(testing::repo_path("tests/data/bidi.toml"));
  if (!file.ok()) throw std::runtime_error(file.report());
  all.emplace_back("tests/data/bidi.toml", std::move(*file.dataset));
  return all;
}

// ---- ink against boxes ------------------------------------------------------

Rect box_of(const TextShape& shape) {
  return {shape.origin.x, shape.origin.y, shape.block->width(), shape.block->height()};
}

struct InkReport {
  size_t inked = 0;    // pixels with any ink
  size_t outside = 0;  // of those, outside every grown box
  std::string example;
};

// Paints the page's text items alone and finds inked pixels outside the
// union of their boxes grown by kTolerance.
InkReport ink_outside_boxes(const Page& page) {
  Page text_only;
  text_only.width = page.width;
  text_only.height = page.height;
  std::vector<Rect> boxes;
  // Every text, in groups too, placed where its groups put it.
  for_each_item(page.items, [&](const DisplayItem& item, Point offset) {
    if (const auto* text = std::get_if<TextShape>(&item); text && text->block) {
      TextShape opaque = *text;
      opaque.color = Color{0, 0, 0, 1};
      opaque.origin = {text->origin.x + offset.x, text->origin.y + offset.y};
      text_only.items.push_back(opaque);
      const Rect b = box_of(opaque);
      boxes.push_back({b.x - kTolerance, b.y - kTolerance, b.width + 2 * kTolerance,
                       b.height + 2 * kTolerance});
    }
  });
  const int w = static_cast<int>(std::ceil(page.width * kPixelsPerPoint));
  const int h = static_cast<int>(std::ceil(page.height * kPixelsPerPoint));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, kPixelsPerPoint, kPixelsPerPoint);
  paint_page(cr, text_only, {});
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  InkReport report;
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      if ((row[x] >> 24) == 0) continue;
      ++report.inked;
      const double px = (x + 0.5) / kPixelsPerPoint, py = (y + 0.5) / kPixelsPerPoint;
      const bool inside = std::any_of(boxes.begin(), boxes.end(), [&](const Rect& r) {
        return px >= r.x && px <= r.right() && py >= r.y && py <= r.bottom();
      });
      if (inside) continue;
      if (report.outside++ == 0) {
        // Name the nearest text, to say which box is wrong.
        double best = 1e300;
        for (const DisplayItem& item : text_only.items) {
          const auto& t = std::get<TextShape>(item);
          const Rect b = box_of(t);
          const double dx = std::max({b.x - px, 0.0, px - b.right()});
          const double dy = std::max({b.y - py, 0.0, py - b.bottom()});
          if (dx * dx + dy * dy < best) {
            best = dx * dx + dy * dy;
            std::ostringstream out;
            out << "ink at (" << px << ", " << py << ") pt, " << std::sqrt(best)
                << " pt from the box (" << b.x << ", " << b.y << ", " << b.width << " x "
                << b.height << ") of \"" << t.block->text() << "\"";
            report.example = out.str();
          }
        }
      }
    }
  }
  cairo_surface_destroy(surface);
  return report;
}

// Every timeline preset in layouts/, and two variants of slide-16x9: lanes
// named in the legend instead of lane titles, and lanes by issuer.
std::vector<std::pair<std::string, TimelineStyle>> timeline_presets() {
  std::vector<std::pair<std::string, TimelineStyle>> presets;
  for (const std::string& name : available_layouts()) {
    Diagnostics ignored;
    if (auto style = load_timeline_style(resolve_layout_path(name), ignored)) {
      presets.emplace_back(name, std::move(*style));
    }
  }
  for (const auto& [name, style] : std::vector(presets)) {
    if (name != "slide-16x9") continue;
    TimelineStyle legend = style;
    legend.show_lane_titles = false;
    presets.emplace_back(name + " with lanes in the legend", legend);
    TimelineStyle issuers = style;
    issuers.lanes = LaneGrouping::issuer;
    presets.emplace_back(name + " with lanes by issuer", issuers);
  }
  return presets;
}

TEST(Bidi, BundledFontsDrawHebrewAndArabic) {
  for (const char* family : {"Noto Sans", "Noto Serif", "sans-serif", "serif"}) {
    for (bool bold : {false, true}) {
      const TextStyle style{family, 12, bold, false};
      EXPECT_EQ(TextBlock("שלום עולם, חוק הבינה המלאכותית", style).unknown_glyphs(), 0)
          << family << (bold ? " bold" : "");
      EXPECT_EQ(TextBlock("الاستراتيجية الوطنية للذكاء الاصطناعي", style).unknown_glyphs(), 0)
          << family << (bold ? " bold" : "");
    }
  }
}

TEST(Bidi, EveryTimelinePresetKeepsTextInkInsideItsBoxes) {
  const auto presets = timeline_presets();
  ASSERT_GE(presets.size(), 6u);  // slide-16x9, slide-4x3, a4-landscape, report-figure, variants
  for (const auto& [data_name, dataset] : datasets()) {
    for (const auto& [preset, style] : presets) {
      for (bool highlights : {false, true}) {
        TimelineOptions options;
        options.allow_omissions = true;
        options.highlights_only = highlights;
        const LayoutResult layout = layout_timeline(dataset, style, options);
        const InkReport ink = ink_outside_boxes(layout.document.pages.at(0));
        const std::string where = data_name + " on " + preset + (highlights ? " (highlights)" : "");
        EXPECT_GT(ink.inked, 1000u) << where;
        EXPECT_EQ(ink.outside, 0u) << where << ": " << ink.example;
      }
    }
  }
}

TEST(Bidi, ReportPagesKeepTextInkInsideItsBoxes) {
  Diagnostics d;
  const auto report_style = load_report_style(resolve_layout_path("briefing-a4"), d);
  const auto figure_style = load_timeline_style(resolve_layout_path("report-figure"), d);
  ASSERT_TRUE(report_style && figure_style);
  for (const auto& [data_name, dataset] : datasets()) {
    ReportOptions options;
    options.figure_style = &*figure_style;
    const LayoutResult report = layout_report(dataset, *report_style, options);
    ASSERT_GE(report.document.pages.size(), 4u) << data_name;
    for (size_t p = 0; p < report.document.pages.size(); ++p) {
      const InkReport ink = ink_outside_boxes(report.document.pages[p]);
      EXPECT_EQ(ink.outside, 0u) << data_name << ", page " << p + 1 << ": " << ink.example;
    }
    // Item "a"'s justified summary fills its column, right to left or not:
    // every line but the last spans it; the last starts at its start edge.
    if (data_name == "tests/data/bidi.toml") continue;
    std::vector<Rect> lines;
    for (const PlacedElement& e : layout_dump(report.document, "report").elements) {
      if (e.kind == "line" && e.item_id == "a") lines.push_back(e.box);
    }
    ASSERT_GE(lines.size(), 3u) << data_name;
    const double left = lines.front().x, right = lines.front().right();
    EXPECT_NEAR(right - left, report_style->text_width() - (left - report_style->margin_left), 1)
        << data_name;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      EXPECT_NEAR(lines[i].x, left, 0.5) << data_name << " line " << i;
      EXPECT_NEAR(lines[i].right(), right, 0.5) << data_name << " line " << i;
    }
    // Every summary here starts with a right-to-left letter (or an RLM).
    EXPECT_NEAR(lines.back().right(), right, 0.5) << data_name;
  }
}

// The dump says what the display list says: title, legend and lane titles
// are dumped with the boxes of their TextShapes.
TEST(Bidi, DumpedTextBoxesAreTheTextShapesBoxes) {
  Diagnostics d;
  const auto style = load_timeline_style(resolve_layout_path("slide-16x9"), d);
  ASSERT_TRUE(style);
  for (const auto& [data_name, dataset] : datasets()) {
    TimelineOptions options;
    options.allow_omissions = true;
    const LayoutResult layout = layout_timeline(dataset, *style, options);
    const Page& page = layout.document.pages.at(0);
    std::vector<Rect> shapes;
    for (const DisplayItem& item : page.items) {
      if (const auto* t = std::get_if<TextShape>(&item)) shapes.push_back(box_of(*t));
    }
    for (const PlacedElement& e : placed_elements(page.items)) {
      if (e.kind != "title" && e.kind != "legend" && e.kind != "lane-title") continue;
      const bool found = std::any_of(shapes.begin(), shapes.end(), [&](const Rect& r) {
        return std::abs(r.x - e.box.x) < 1e-6 && std::abs(r.y - e.box.y) < 1e-6 &&
               std::abs(r.width - e.box.width) < 1e-6 && std::abs(r.height - e.box.height) < 1e-6;
      });
      EXPECT_TRUE(found) << data_name << ": " << e.kind << " \"" << e.text << "\"";
      if (e.kind == "title") {
        EXPECT_EQ(e.box.x, style->margin_left) << data_name;
      }
    }
  }
}

// ---- text blocks --------------------------------------------------------------

// The ink's left and right edges of `block` painted at (0, 0), points.
std::pair<double, double> ink_span(const TextBlockPtr& block) {
  cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  cairo_t* cr = cairo_create(surface);
  Page page;
  page.items.push_back(TextShape{{0, 0}, block, Color{0, 0, 0, 1}});
  paint_page(cr, page, {});
  cairo_destroy(cr);
  double x, y, w, h;
  cairo_recording_surface_ink_extents(surface, &x, &y, &w, &h);
  cairo_surface_destroy(surface);
  return {x, x + w};
}

// x of the byte `index` of `block`'s text, points from the block's left.
double x_of(const TextBlock& block, size_t index) {
  PangoRectangle r;
  pango_layout_index_to_pos(block.layout(), static_cast<int>(index), &r);
  return std::min(r.x, r.x + r.width) / static_cast<double>(PANGO_SCALE);
}

// Where byte `index` is shown, in reading order of a left-to-right
// paragraph: (line, x).
std::pair<int, double> shown_at(const TextBlock& block, size_t index) {
  int line = 0, x = 0;
  pango_layout_index_to_line_x(block.layout(), static_cast<int>(index), FALSE, &line, &x);
  return {line, x_of(block, index)};
}

const TextStyle kSans{"Noto Sans", 12, false, false};

TEST(Bidi, WrappedRightToLeftTextStartsAtTheBoxAndReadsRightToLeft) {
  for (const Script& s : scripts()) {
    for (double wrap : {150.0, 400.0, 1000.0}) {
      auto block = std::make_shared<const TextBlock>(s.long_item, kSans, wrap);
      const bool rtl = s.name != "mixed";  // its long title starts with "EU AI Act"
      EXPECT_EQ(block->right_to_left(), rtl) << s.name;
      EXPECT_LE(block->width(), wrap + 0.01) << s.name;
      const auto [left, right] = ink_span(block);
      EXPECT_GE(left, -kTolerance) << s.name << " at " << wrap;
      EXPECT_LE(right, block->width() + kTolerance) << s.name << " at " << wrap;
      // Multi-line: every line ends at the block's right edge (its start).
      for (const TextBox& line : block->line_boxes()) {
        if (rtl) {
          EXPECT_NEAR(line.x + line.width, block->width(), 0.5) << s.name << " at " << wrap;
        }
      }
      if (s.name == "hebrew" || s.name == "arabic") {
        // The first character is right of the last one.
        const size_t last = s.long_item.size() - 1;
        size_t last_start = last;
        while (last_start > 0 &&
               (static_cast<unsigned char>(s.long_item[last_start]) & 0xC0) == 0x80)
          --last_start;
        if (block->line_count() == 1) {
          EXPECT_GT(x_of(*block, 0), x_of(*block, last_start)) << s.name;
        }
      }
    }
  }
}

TEST(Bidi, JustifiedRightToLeftParagraphFillsItsColumn) {
  const double column = 300;
  for (const Script& s : scripts()) {
    TextLayoutOptions options;
    options.wrap_width = column;
    options.align = TextAlign::justify;
    auto block = std::make_shared<const TextBlock>(s.summary, kSans, std::move(options));
    ASSERT_GT(block->line_count(), 2) << s.name;
    EXPECT_NEAR(block->width(), column, 0.5) << s.name;
    const auto lines = block->line_boxes();
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      EXPECT_NEAR(lines[i].x, 0, 0.5) << s.name << " line " << i;
      EXPECT_NEAR(lines[i].width, column, 0.5) << s.name << " line " << i;
    }
    // The last line starts where right-to-left text starts: on the right.
    EXPECT_NEAR(lines.back().x + lines.back().width, column, 0.5) << s.name;
    const auto [left, right] = ink_span(block);
    EXPECT_GE(left, -kTolerance);
    EXPECT_LE(right, column + kTolerance);
    // A single justified line keeps the column too, flush right.
    TextLayoutOptions one;
    one.wrap_width = column;
    one.align = TextAlign::justify;
    TextBlock short_line(s.item, kSans, std::move(one));
    EXPECT_NEAR(short_line.width(), column, 0.5) << s.name;
  }
}

TEST(Bidi, RightAlignedMeansFlushRightForEitherDirection) {
  for (const std::string& text :
       {std::string("חוק הבינה המלאכותית של האיחוד האירופי"),
        std::string("The EU AI Act in full, as published in the Official Journal")}) {
    const TextBlock measured(text, kSans, 120);
    ASSERT_GT(measured.line_count(), 1) << text;
    TextBlock right(text, kSans, measured.width() + 0.5, TextAlign::right);
    EXPECT_EQ(right.line_count(), measured.line_count());
    for (const TextBox& line : right.line_boxes()) {
      EXPECT_NEAR(line.x + line.width, measured.width() + 0.5, 0.5) << text;
    }
  }
}

TEST(Bidi, LeftToRightTextIsMeasuredAsBefore) {
  // No right-to-left character: nothing is shrunk or moved.
  const TextBlock block("A plain English title that wraps onto more than one line", kSans, 150);
  EXPECT_FALSE(block.right_to_left());
  int w = 0, h = 0;
  pango_layout_get_size(block.layout(), &w, &h);
  EXPECT_EQ(block.width(), static_cast<double>(w) / PANGO_SCALE);
  EXPECT_EQ(pango_layout_get_width(block.layout()), static_cast<int>(150 * PANGO_SCALE));
}

// ---- phrases around user text -------------------------------------------------

TEST(Bidi, PhrasesIsolateRightToLeftUserText) {
  EXPECT_FALSE(has_right_to_left("Plain text, 2024 — 人工知能"));
  EXPECT_TRUE(has_right_to_left("x \xD7\x90"));  // Hebrew alef
  EXPECT_TRUE(has_right_to_left("\xD8\xA7"));    // Arabic alef
  EXPECT_TRUE(has_right_to_left(kRlm + "Latin after RLM"));
  EXPECT_EQ(isolated("revised"), "revised");
  EXPECT_EQ(left_to_right_phrase("Jun 2023 revised"), "Jun 2023 revised");
  EXPECT_EQ(isolated("פורסם"),
            std::string(kFirstStrongIsolate) + "פורסם" + std::string(kPopDirectionalIsolate));
  EXPECT_EQ(without_bidi_controls(left_to_right_phrase("1 " + isolated("פורסם"))), "1 פורסם");
  EXPECT_EQ(visible_text(left_to_right_phrase("1 " + isolated("פורסם"))), "1 פורסם");
}

// A timeline label's dates line with Hebrew milestone labels keeps our dates
// whole and in order: "Jun 2023 <label> → 12 Feb 2024 <label>".
TEST(Bidi, DatesLineKeepsDatesWholeBetweenRightToLeftLabels) {
  Diagnostics d;
  const auto style = load_timeline_style(resolve_layout_path("slide-16x9"), d);
  ASSERT_TRUE(style);
  const Dataset dataset = load(dataset_text(scripts()[0]), "hebrew");
  TimelineOptions options;
  options.allow_omissions = true;
  const LayoutResult layout = layout_timeline(dataset, *style, options);
  bool found = false;
  for_each_item(layout.document.pages.at(0).items, [&](const DisplayItem& item, Point) {
    const auto* t = std::get_if<TextShape>(&item);
    if (!t || t->block->text().find("Feb 2024") == std::string::npos) return;
    const std::string& text = t->block->text();
    ASSERT_EQ(text.rfind(std::string(kLeftToRightMark), 0), 0u);
    found = true;
    const TextBlock& b = *t->block;
    const auto jun = shown_at(b, text.find("Jun")), arrow = shown_at(b, text.find("→"));
    const auto day = shown_at(b, text.find("12 Feb")), feb = shown_at(b, text.find("Feb 2024"));
    EXPECT_LT(jun, arrow) << text;
    EXPECT_LT(arrow, day) << text;
    EXPECT_LT(day, feb) << text;
  });
  EXPECT_TRUE(found);
}

// The report's lane-title and heading numbers stay left of a right-to-left
// title, and the lane title reads "1 <title>" left to right.
TEST(Bidi, LaneTitleNumberStaysLeft) {
  Diagnostics d;
  const auto style = load_timeline_style(resolve_layout_path("slide-16x9"), d);
  ASSERT_TRUE(style);
  const Dataset dataset = load(dataset_text(scripts()[1]), "arabic");
  TimelineOptions options;
  options.allow_omissions = true;
  const LayoutResult layout = layout_timeline(dataset, *style, options);
  const Page& page = layout.document.pages.at(0);
  bool found = false;
  for (const PlacedElement& e : placed_elements(page.items)) {
    if (e.kind != "lane-title") continue;
    for (const DisplayItem& item : page.items) {
      const auto* t = std::get_if<TextShape>(&item);
      if (!t || t->origin.x != e.box.x || t->origin.y != e.box.y) continue;
      const std::string& text = t->block->text();
      const size_t one = text.find("1 ");
      if (one == std::string::npos || !has_right_to_left(text)) continue;
      found = true;
      EXPECT_FALSE(t->block->right_to_left());
      const size_t title = one + 2 + kFirstStrongIsolate.size();
      EXPECT_LT(x_of(*t->block, one), x_of(*t->block, title)) << text;
      EXPECT_LT(x_of(*t->block, one), 1.0) << text;
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace briefing
