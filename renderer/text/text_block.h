// Measured text: a Pango layout made once, measured in points, kept for painting.
#pragma once

#include <pango/pango.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/c_handles.h"
#include "text/text_style.h"

namespace briefing {

enum class TextAlign { left, center, right, justify };

struct TextBox {
  double x = 0, y = 0, width = 0, height = 0;  // points, y down
};

/// A laid-out line as a reader sees it, relative to the block's top left,
/// points: its visible extent (no trailing spaces) and its bytes of text().
struct TextLine {
  double top = 0, height = 0;  // the height runs to the next line's top, so parts stack exactly
  double left = 0, width = 0;
  size_t start = 0, end = 0;  // the last line ends at the end of the text
  bool hyphenated = false;    // broken at a soft hyphen
};

/// How a TextBlock is laid out, beyond its style. Everything here is applied
/// before the text is set, so the block is shaped and measured once.
struct TextLayoutOptions {
  double wrap_width = 0;  // points; <= 0: one unwrapped line per paragraph
  TextAlign align = TextAlign::left;
  /// Spans (byte ranges of the text): size, rise, weight, colour, ...
  AttrListPtr attributes;
  double line_spacing = 1.0;       // multiple of the font's line height; 1 = natural
  bool justify_last_line = false;  // with TextAlign::justify
  /// Points; negative: a hanging indent (lines after the first move right).
  double indent = 0;
  /// One line cut with an ellipsis at `wrap_width` instead of wrapping.
  bool ellipsize = false;
};

/// A paragraph of plain text (never parsed as markup), laid out with Pango.
/// Shared so that a display list can hold it for painting after layout.
class TextBlock {
 public:
  /// `wrap_width` in points; <= 0 means one unwrapped line per paragraph.
  TextBlock(std::string_view text, const TextStyle& style, double wrap_width = 0,
            TextAlign align = TextAlign::left);
  /// With attributes, spacing and indents: laid out once, so width() and
  /// height() are those of what gets painted.
  TextBlock(std::string_view text, const TextStyle& style, TextLayoutOptions options);

  const std::string& text() const { return text_; }
  const TextStyle& style() const { return style_; }
  /// Logical width, points, from the block's left edge: the ink lies within
  /// [0, width()] also for right-to-left text (see fit_right_to_left()).
  double width() const { return width_; }
  double height() const { return height_; }  // logical height, points
  /// True when the first paragraph reads right to left (its first strong
  /// character is Hebrew, Arabic, an RLM, ...).
  bool right_to_left() const;
  double baseline() const;  // first baseline from the top, points
  int line_count() const;
  /// Logical extents of each line relative to the block's top left, points.
  std::vector<TextBox> line_boxes() const;
  /// The bytes of text() that each line holds: [start, end).
  std::vector<std::pair<size_t, size_t>> line_ranges() const;
  /// Each line's visible extent and text (computed once, on first use).
  const std::vector<TextLine>& visible_lines() const;
  /// The horizontal extent of bytes [start, end) of text() on line `line`,
  /// from its left to its right edge, points from the block's left; nullopt
  /// when they show nothing there.
  std::optional<std::pair<double, double>> x_extent(int line, size_t start, size_t end) const;
  /// Glyphs no bundled font could supply (drawn as boxes if painted).
  int unknown_glyphs() const;

  /// For painting and for reading line geometry; do not change its settings
  /// (the block's measurements would no longer hold).
  PangoLayout* layout() const { return layout_.get(); }

 private:
  void fit_right_to_left(PangoRectangle& logical, bool justified);

  std::string text_;
  TextStyle style_;
  GObjectPtr<PangoLayout> layout_;
  double wrap_width_ = 0;
  mutable std::vector<TextLine> visible_lines_;  // filled by visible_lines()
  double width_ = 0;
  double height_ = 0;
};

using TextBlockPtr = std::shared_ptr<const TextBlock>;

/// The language of every text laid out from now on (BCP 47, e.g. "ja",
/// "zh-Hant"): it picks fonts and regional glyph forms (Han characters
/// differ between Chinese, Japanese and Korean) and line-breaking rules.
void set_text_language(const std::string& bcp47);

/// A Pango font description for `style`.
PangoFontDescription* new_font_description(const TextStyle& style);

}  // namespace briefing
