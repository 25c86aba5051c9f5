#include "text/text_block.h"

#include <map>
#include <tuple>

#include "text/font_setup.h"

namespace briefing {
namespace {

// One shared context: measuring reuses Pango's font and shaping caches.
PangoContext* shared_context() {
  static GObjectPtr<PangoContext> context(new_text_context());
  return context.get();
}

double to_points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }
int to_pango_units(double points) { return static_cast<int>(points * PANGO_SCALE + (points < 0 ? -0.5 : 0.5)); }

// The font description of a style, made once per thread rather than once per
// block (a report makes hundreds of blocks in a handful of styles).
const PangoFontDescription* cached_font_description(const TextStyle& style) {
  struct Free {
    void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
  };
  thread_local std::map<std::tuple<std::string, double, bool, bool>,
                  std::unique_ptr<PangoFontDescription, Free>>
      cache;
  auto& slot = cache[{style.family, style.size, style.bold, style.italic}];
  if (!slot) slot.reset(new_font_description(style));
  return slot.get();
}

}  // namespace

PangoFontDescription* new_font_description(const TextStyle& style) {
  PangoFontDescription* description = pango_font_description_new();
  pango_font_description_set_family(description, style.family.c_str());
  pango_font_description_set_size(description, static_cast<int>(style.size * PANGO_SCALE + 0.5));
  pango_font_description_set_weight(description,
                                    style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(description,
                                   style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return description;
}

TextBlock::TextBlock(std::string_view text, const TextStyle& style, double wrap_width,
                     TextAlign align)
    : TextBlock(text, style, TextLayoutOptions{wrap_width, align, nullptr, 1.0, false, 0, false}) {}

TextBlock::TextBlock(std::string_view text, const TextStyle& style, TextLayoutOptions options)
    : text_(text), style_(style), layout_(pango_layout_new(shared_context())) {
  PangoLayout* layout = layout_.get();
  pango_layout_set_font_description(layout, cached_font_description(style));
  if (options.wrap_width > 0) {
    pango_layout_set_width(layout, static_cast<int>(options.wrap_width * PANGO_SCALE));
    if (options.ellipsize) {
      pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height(layout, -1);  // one line
    } else {
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
  }
  switch (options.align) {
    case TextAlign::left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT); break;
    case TextAlign::center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER); break;
    case TextAlign::right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT); break;
    case TextAlign::justify:
      pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
      pango_layout_set_justify(layout, TRUE);
      if (options.justify_last_line) pango_layout_set_justify_last_line(layout, TRUE);
      break;
  }
  if (options.line_spacing != 1.0) {
    pango_layout_set_line_spacing(layout, static_cast<float>(options.line_spacing));
  }
  if (options.indent != 0) pango_layout_set_indent(layout, to_pango_units(options.indent));
  if (options.attributes) pango_layout_set_attributes(layout, options.attributes.get());
  pango_layout_set_text(layout, text_.data(), static_cast<int>(text_.size()));
  int width = 0, height = 0;
  pango_layout_get_size(layout, &width, &height);
  width_ = to_points(width);
  height_ = to_points(height);
}

double TextBlock::baseline() const { return to_points(pango_layout_get_baseline(layout_.get())); }

int TextBlock::line_count() const { return pango_layout_get_line_count(layout_.get()); }

std::vector<TextBox> TextBlock::line_boxes() const {
  std::vector<TextBox> boxes;
  PangoLayoutIter* iter = pango_layout_get_iter(layout_.get());
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    boxes.push_back({to_points(logical.x), to_points(logical.y), to_points(logical.width),
                     to_points(logical.height)});
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  return boxes;
}

int TextBlock::unknown_glyphs() const { return pango_layout_get_unknown_glyphs_count(layout_.get()); }

}  // namespace briefing
