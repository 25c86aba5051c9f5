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
int to_pango_units(double points) {
  return static_cast<int>(points * PANGO_SCALE + (points < 0 ? -0.5 : 0.5));
}

// The font description of a style, made once per thread rather than once per
// block (a report makes hundreds of blocks in a handful of styles).
const PangoFontDescription* cached_font_description(const TextStyle& style) {
  thread_local std::map<std::tuple<std::string, double, bool, bool>, FontDescriptionPtr> cache;
  auto& slot = cache[{style.family, style.size, style.bold, style.italic}];
  if (!slot) slot.reset(new_font_description(style));
  return slot.get();
}

}  // namespace

void set_text_language(const std::string& bcp47) {
  prepare_fonts_for_language(bcp47);
  pango_context_set_language(shared_context(), pango_language_from_string(bcp47.c_str()));
}

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
  // Before anything is shaped: the CJK faces join when this text may need them.
  prepare_fonts_for_text(text_);
  PangoLayout* layout = layout_.get();
  wrap_width_ = options.wrap_width;
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
    case TextAlign::left:
      pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
      break;
    case TextAlign::center:
      pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
      break;
    case TextAlign::right:
      pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
      break;
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
  if (options.align == TextAlign::right && right_to_left()) {
    // Pango mirrors the alignment of a right-to-left paragraph (its "left"
    // is its start, on the right); TextAlign::right means flush right on
    // the page, which for such a paragraph is Pango's "left".
    pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
  }
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  const bool start_aligned =
      options.align == TextAlign::left || options.align == TextAlign::justify;
  if (options.wrap_width > 0 && logical.x > 0 && start_aligned) {
    fit_right_to_left(logical, options.align == TextAlign::justify);
  }
  // Right-aligned and centred blocks are placed by their caller knowing the
  // lines sit within the wrap width; their width is the widest line's.
  width_ = to_points(start_aligned ? logical.x + logical.width : logical.width);
  height_ = to_points(logical.height);
}

// Bidirectional text: Pango's automatic direction (on, the default) gives
// each paragraph the direction of its first strong character (Unicode's
// rule P2), so a Hebrew or Arabic title reads right to left, and a mixed
// one keeps its runs in the order its first script implies. We keep that
// rather than forcing a base direction, which would put a Hebrew title's
// trailing "(2024)" or English words on the wrong side. The price: a
// start-aligned right-to-left paragraph starts at the right of the wrap
// width, not at x = 0, and pango_layout_get_size() (the logical width)
// says nothing of that offset. Blocks are placed by their top left and
// measured by width(), so without a correction the ink lies right of the
// box that layout, packing and the dump use. Here `logical` has x > 0 (a
// line that does not reach x = 0: only a right-to-left one when aligned to
// the start).
//   - Ragged (TextAlign::left): the wrap width shrinks to the widest line.
//     Each line still fits, and greedy breaking finds the same breaks (a
//     longer line did not fit the wider width either), so the lines are the
//     same, right-aligned within the block, and the block is its ink again.
//   - Justified: full lines already span the wrap width (x = 0); what
//     remains is a single or last short line at the right, as right-to-left
//     text should be. The block keeps the wrap width (width() counts from
//     x = 0), so it fills its column like any justified paragraph.
void TextBlock::fit_right_to_left(PangoRectangle& logical, bool justified) {
  if (justified) return;
  PangoLayout* layout = layout_.get();
  const int lines = pango_layout_get_line_count(layout);
  const int wrap = pango_layout_get_width(layout);
  pango_layout_set_width(layout, logical.width);
  PangoRectangle narrowed;
  pango_layout_get_extents(layout, nullptr, &narrowed);
  if (pango_layout_get_line_count(layout) == lines && narrowed.x >= 0) {
    logical = narrowed;
  } else {
    pango_layout_set_width(layout, wrap);  // as measured first; the box then spans the wrap width
    pango_layout_get_extents(layout, nullptr, &logical);
  }
}

bool TextBlock::right_to_left() const {
  PangoLayoutLine* first = pango_layout_get_line_readonly(layout_.get(), 0);
  return first && first->resolved_dir == PANGO_DIRECTION_RTL;
}

double TextBlock::baseline() const { return to_points(pango_layout_get_baseline(layout_.get())); }

int TextBlock::line_count() const { return pango_layout_get_line_count(layout_.get()); }

std::optional<std::pair<double, double>> TextBlock::x_extent(int line, size_t start,
                                                             size_t end) const {
  int* raw = nullptr;
  int count = 0;
  pango_layout_line_get_x_ranges(pango_layout_get_line_readonly(layout_.get(), line),
                                 static_cast<int>(start), static_cast<int>(end), &raw, &count);
  const GMemoryPtr<int> ranges(raw);
  if (count <= 0) return std::nullopt;
  int low = raw[0], high = raw[1];
  for (int k = 1; k < count; ++k) {
    low = std::min(low, raw[2 * k]);
    high = std::max(high, raw[2 * k + 1]);
  }
  return std::make_pair(to_points(low), to_points(high));
}

std::vector<TextBox> TextBlock::line_boxes() const {
  std::vector<TextBox> boxes;
  const LayoutIterPtr iter(pango_layout_get_iter(layout_.get()));
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
    boxes.push_back({to_points(logical.x), to_points(logical.y), to_points(logical.width),
                     to_points(logical.height)});
  } while (pango_layout_iter_next_line(iter.get()));
  return boxes;
}

std::vector<std::pair<size_t, size_t>> TextBlock::line_ranges() const {
  std::vector<std::pair<size_t, size_t>> ranges;
  const int count = pango_layout_get_line_count(layout_.get());
  for (int i = 0; i < count; ++i) {
    const PangoLayoutLine* line = pango_layout_get_line_readonly(layout_.get(), i);
    const auto start = static_cast<size_t>(line->start_index);
    ranges.emplace_back(start, start + static_cast<size_t>(line->length));
  }
  return ranges;
}

const std::vector<TextLine>& TextBlock::visible_lines() const {
  if (!visible_lines_.empty()) return visible_lines_;  // Pango gives every layout a line
  std::vector<TextLine>& lines = visible_lines_;
  PangoLayout* layout = layout_.get();
  constexpr std::string_view kSoftHyphen = "\xC2\xAD";
  const LayoutIterPtr iter(pango_layout_get_iter(layout));
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
    const PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter.get());
    TextLine entry;
    entry.top = to_points(logical.y);
    entry.left = to_points(logical.x);
    entry.width = to_points(logical.width);
    entry.height = to_points(logical.height);
    entry.start = static_cast<size_t>(line->start_index);
    entry.end = static_cast<size_t>(line->start_index + line->length);
    lines.push_back(entry);
  } while (pango_layout_iter_next_line(iter.get()));
  // A line's height runs to the next line's top, so parts stack exactly; its
  // width leaves out trailing spaces, which Pango counts but nobody sees.
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t visible_end = lines[i].end;
    while (visible_end > lines[i].start &&
           (text_[visible_end - 1] == ' ' || text_[visible_end - 1] == '\n')) {
      --visible_end;
    }
    if (visible_end > lines[i].start) {
      if (const auto extent = x_extent(static_cast<int>(i), lines[i].start, visible_end)) {
        lines[i].left = extent->first;
        lines[i].width = extent->second - extent->first;
        // A line broken at a soft hyphen: Pango 1.50 reports its extents
        // before justification moved the hyphen in (up to one hyphen wider
        // than drawn). It broke there because the line with its hyphen fits,
        // so the drawn line ends at the wrap width at most.
        const bool hyphenated = visible_end >= lines[i].start + kSoftHyphen.size() &&
                                std::string_view(text_).substr(visible_end - kSoftHyphen.size(),
                                                               kSoftHyphen.size()) == kSoftHyphen;
        lines[i].hyphenated = hyphenated;
        if (hyphenated && wrap_width_ > 0) {
          lines[i].width = std::min(lines[i].width, wrap_width_ - lines[i].left);
        }
      }
    }
    const double next_top = i + 1 < lines.size() ? lines[i + 1].top : height_;
    lines[i].height = std::max(lines[i].height, next_top - lines[i].top);
    if (i + 1 == lines.size()) lines[i].end = text_.size();
  }
  return visible_lines_;
}

int TextBlock::unknown_glyphs() const {
  return pango_layout_get_unknown_glyphs_count(layout_.get());
}

}  // namespace briefing
