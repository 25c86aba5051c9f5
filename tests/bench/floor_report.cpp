// The floor of the report benchmark (W1, W2; W4's two reports): the least a
// Cairo+Pango program does to set the report's text, in the report's fonts
// and sizes, into a PDF, with the report's timeline figure drawn as plain
// shapes and texts.
//
//   floor_report FONTS_DIR SPEC OUT.pdf
//
// SPEC (floor_common.h; written by floor_spec.py) lists the paragraphs in
// reading order with their font, width and alignment (justified only where
// the report justifies: body and intro paragraphs), table rows, rules and
// page breaks, and the figure's fixed shapes. This program breaks the
// paragraphs into lines with Pango, stacks them down the page and starts a
// new page when one is full (a table row moves whole, under its repeated
// header row), and draws each page's running header and "Page N of M"
// footer. What it does not do (the project's own work): hyphenation,
// widows/orphans and keep-with-next, footnotes at the foot of their page
// (they follow their item here), links, bookmarks, named destinations,
// structure tags, metadata, the post-processing of the PDF.
//
// Flow records (fixed ones T R L C are drawn on the current page as they come):
//   PAGE w h margin_left margin_top margin_right margin_bottom   (the first record)
//   HDR font rgb text      the running header (ellipsized at the text width)
//   FTR font rgb total     the footer, "Page N of total"
//   P font x width align before after rgb lead lead_x right spans text
//                          a paragraph at margin_left + x; align l|j; lead
//                          (a number) drawn at margin_left + lead_x on the first
//                          line; right (a page number) flush right on the last
//                          line after a dotted leader; spans "b:0:9,s:120:123"
//                          (bold, superscript; bytes)
//   Z width rgb            a rule across the text width under the last line
//   G dy                   vertical space
//   B                      a page break (nothing when the page is empty)
//   W header stripe font rgb x1 w1 text1 [x2 w2 text2 ...]   a table row
#include <cairo-pdf.h>

#include <algorithm>

#include "floor_common.h"

using namespace floor_bench;

namespace {

constexpr double kCellPadX = 4, kCellPadY = 3.5;

double pt(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

PangoAttrList* span_attributes(const std::string& spans, double size) {
  if (spans.empty() || spans == "-") return nullptr;
  PangoAttrList* list = pango_attr_list_new();
  std::stringstream in(spans);
  std::string span;
  while (std::getline(in, span, ',')) {
    unsigned start = 0, end = 0;
    char kind = 0;
    if (std::sscanf(span.c_str(), "%c:%u:%u", &kind, &start, &end) != 3) continue;
    auto add = [&](PangoAttribute* a) {
      a->start_index = start;
      a->end_index = end;
      pango_attr_list_insert(list, a);
    };
    if (kind == 'b') add(pango_attr_weight_new(PANGO_WEIGHT_BOLD));
    if (kind == 's') {
      add(pango_attr_size_new(static_cast<int>(size * 0.62 * PANGO_SCALE + 0.5)));
      add(pango_attr_rise_new(static_cast<int>(size * 0.34 * PANGO_SCALE + 0.5)));
    }
  }
  return list;
}

class Typesetter {
 public:
  Typesetter(cairo_t* cr, PangoContext* context) : cr_(cr), context_(context) {}

  // Draws the records as they are read; `first` is the one already read.
  void run(const Record& first, SpecReader& reader) {
    Record r = first;
    do {
      const std::string& k = r[0];
      if (k == "F")
        fonts_.add(r);
      else if (k == "PAGE")
        page_setup(r);
      else if (k == "HDR")
        header_setup(r);
      else if (k == "FTR")
        footer_ = r;
      else if (k == "P")
        paragraph(r);
      else if (k == "Z")
        rule(r);
      else if (k == "G")
        y_ += num(r.at(1));
      else if (k == "B")
        page_break();
      else if (k == "W")
        row(r);
      else {
        ensure_page();
        draw_fixed(cr_, context_, fonts_, r);
      }
    } while (reader.next(r));
    if (page_open_) cairo_show_page(cr_);
  }

 private:
  void page_setup(const Record& r) {
    ml_ = num(r.at(3)), mt_ = num(r.at(4));
    width_ = num(r.at(1)) - ml_ - num(r.at(5));
    bottom_ = num(r.at(2)) - num(r.at(6));
    page_height_ = num(r.at(2));
  }
  void header_setup(const Record& r) {
    header_ = new_layout(context_, fonts_.get(r.at(1)), r.at(3), width_);
    pango_layout_set_ellipsize(header_, PANGO_ELLIPSIZE_END);
    pango_layout_set_height(header_, -1);
    header_color_ = r.at(2);
    header_size_ = pt(pango_font_description_get_size(fonts_.get(r.at(1))));
  }

  // Opens a page when none is: its running header and footer first.
  void ensure_page() {
    if (page_open_) return;
    page_open_ = true;
    empty_ = true;
    ++page_;
    y_ = mt_;
    if (page_ == 1) return;  // the cover has neither
    if (header_) {
      const double rule_y = mt_ - header_size_ * 1.5;
      int w, h;
      pango_layout_get_size(header_, &w, &h);
      set_color(cr_, header_color_);
      cairo_move_to(cr_, ml_, rule_y - 4 - pt(h));
      pango_cairo_show_layout(cr_, header_);
      cairo_set_line_width(cr_, 0.5);
      cairo_move_to(cr_, ml_, rule_y);
      cairo_line_to(cr_, ml_ + width_, rule_y);
      cairo_stroke(cr_);
    }
    if (!footer_.empty()) {
      std::string text = "Page " + std::to_string(page_);
      if (footer_.at(3) != "0") text += " of " + footer_.at(3);
      PangoLayout* footer = new_layout(context_, fonts_.get(footer_.at(1)), text, 0);
      int w, h;
      pango_layout_get_size(footer, &w, &h);
      set_color(cr_, footer_.at(2));
      cairo_move_to(cr_, ml_ + width_ - pt(w), bottom_ + header_size_ * 2);
      pango_cairo_show_layout(cr_, footer);
      g_object_unref(footer);
    }
  }
  void page_break() {
    if (!page_open_ || empty_) return;
    cairo_show_page(cr_);
    page_open_ = false;
    has_table_header_ = false;
  }
  // Room for `h` more points on this page, else a new page.
  void room_for(double h) {
    ensure_page();
    if (y_ + h > bottom_ && !empty_) {
      cairo_show_page(cr_);
      page_open_ = false;
      ensure_page();
    }
    empty_ = false;
  }

  void paragraph(const Record& r) {
    const PangoFontDescription* font = fonts_.get(r.at(1));
    const double x = ml_ + num(r.at(2));
    PangoLayout* layout = new_layout(context_, font, r.at(12), num(r.at(3)));
    if (r.at(4) == "j") pango_layout_set_justify(layout, TRUE);
    if (PangoAttrList* attrs =
            span_attributes(r.at(11), pt(pango_font_description_get_size(font)))) {
      pango_layout_set_attributes(layout, attrs);
      pango_attr_list_unref(attrs);
    }
    ensure_page();
    if (!empty_) y_ += num(r.at(5));
    const std::string& rgb = r.at(7);
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    bool first = true;
    double baseline_y = y_;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const double h = pt(logical.height);
      room_for(h);
      baseline_y = y_ + pt(pango_layout_iter_get_baseline(iter)) - pt(logical.y);
      set_color(cr_, rgb);
      cairo_move_to(cr_, x + pt(logical.x), baseline_y);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
      if (first && !r.at(8).empty()) {
        PangoLayout* lead = new_layout(context_, font, r.at(8), 0);
        cairo_move_to(cr_, ml_ + num(r.at(9)), baseline_y);
        pango_cairo_show_layout_line(cr_, pango_layout_get_line_readonly(lead, 0));
        g_object_unref(lead);
      }
      first = false;
      last_line_right_ = x + pt(logical.x + logical.width);
      y_ += h;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    g_object_unref(layout);
    if (!r.at(10).empty()) {
      // A contents entry's page number, flush right, after a dotted leader.
      PangoLayout* number = new_layout(context_, font, r.at(10), 0);
      int w, h;
      pango_layout_get_size(number, &w, &h);
      const double nx = ml_ + width_ - pt(w);
      cairo_move_to(cr_, nx, baseline_y);
      pango_cairo_show_layout_line(cr_, pango_layout_get_line_readonly(number, 0));
      g_object_unref(number);
      if (nx - 6 - (last_line_right_ + 6) > 6) {
        cairo_set_line_width(cr_, 0.8);
        const double dash[2] = {0.8, 2.6};
        cairo_set_dash(cr_, dash, 2, 0);
        cairo_move_to(cr_, last_line_right_ + 6, baseline_y);
        cairo_line_to(cr_, nx - 6, baseline_y);
        cairo_stroke(cr_);
        cairo_set_dash(cr_, nullptr, 0, 0);
      }
    }
    y_ += num(r.at(6));
  }

  void rule(const Record& r) {
    ensure_page();
    set_color(cr_, r.at(2));
    cairo_set_line_width(cr_, num(r.at(1)));
    cairo_move_to(cr_, ml_, y_ + 4);
    cairo_line_to(cr_, ml_ + width_, y_ + 4);
    cairo_stroke(cr_);
    y_ += 5;
  }

  void row(const Record& r) {
    const bool header = r.at(1) == "1", stripe = r.at(2) == "1";
    const PangoFontDescription* font = fonts_.get(r.at(3));
    std::vector<std::pair<double, PangoLayout*>> cells;
    double height = 0;
    for (size_t i = 5; i + 2 < r.size(); i += 3) {
      PangoLayout* cell = new_layout(context_, font, r[i + 2], num(r[i + 1]) - 2 * kCellPadX);
      int w, h;
      pango_layout_get_size(cell, &w, &h);
      height = std::max(height, pt(h));
      cells.emplace_back(num(r[i]), cell);
    }
    height += 2 * kCellPadY;
    ensure_page();
    if (y_ + height > bottom_ && !empty_) {
      cairo_show_page(cr_);
      page_open_ = false;
      ensure_page();
      if (!header && has_table_header_) row(Record(table_header_));  // the header repeats
    }
    empty_ = false;
    if (header || stripe) {
      set_color(cr_, header ? "e6ebf2" : "f6f7fa");
      cairo_rectangle(cr_, ml_, y_, width_, height);
      cairo_fill(cr_);
    }
    set_color(cr_, r.at(4));
    for (auto& [cx, cell] : cells) {
      cairo_move_to(cr_, ml_ + cx + kCellPadX, y_ + kCellPadY);
      pango_cairo_show_layout(cr_, cell);
      g_object_unref(cell);
    }
    set_color(cr_, "bfc4cc");
    cairo_set_line_width(cr_, header ? 0.8 : 0.4);
    cairo_move_to(cr_, ml_, y_ + height);
    cairo_line_to(cr_, ml_ + width_, y_ + height);
    cairo_stroke(cr_);
    y_ += height;
    if (header) {
      table_header_ = r;
      has_table_header_ = true;
    }
  }

  cairo_t* cr_;
  PangoContext* context_;
  Fonts fonts_;
  double ml_ = 0, mt_ = 0, width_ = 0, bottom_ = 0, page_height_ = 0, y_ = 0;
  double last_line_right_ = 0;
  PangoLayout* header_ = nullptr;
  std::string header_color_;
  double header_size_ = 8;
  Record footer_;
  Record table_header_;
  bool has_table_header_ = false;
  bool page_open_ = false, empty_ = true;
  int page_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: floor_report FONTS_DIR SPEC OUT.pdf\n";
    return 2;
  }
  PangoFontMap* map = make_font_map(argv[1]);
  PangoContext* context = make_context(map);
  SpecReader reader(argv[2]);
  Record first;
  double width = 595.276, height = 841.89;
  if (reader.next(first) && first[0] == "PAGE") width = num(first.at(1)), height = num(first.at(2));
  cairo_surface_t* surface = cairo_pdf_surface_create(argv[3], width, height);
  cairo_t* cr = cairo_create(surface);
  Typesetter(cr, context).run(first, reader);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const int status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  g_object_unref(context);
  g_object_unref(map);
  return status == CAIRO_STATUS_SUCCESS ? 0 : 1;
}
