// Rich paragraphs for the report: plain user text plus spans (superscript
// footnote markers, colour, weight, links) applied as Pango attributes, never
// as markup. Measured once; split by lines only where a page breaks.
// Lengths in points, y down, relative to the paragraph's top left.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/color.h"
#include "base/geometry.h"
#include "text/text_block.h"

namespace briefing {

class Hyphenator;

struct StyleSpan {
  enum class Kind { superscript, bold, italic, color, no_hyphens };
  size_t start = 0, end = 0;  // bytes of RichText::text
  Kind kind = Kind::bold;
  Color color;  // for Kind::color
};

struct LinkSpan {
  size_t start = 0, end = 0;
  std::string uri;          // external (http, https, mailto)
  std::string destination;  // or internal: a named destination
};

/// A footnote marker (its text is the number, styled as a superscript).
struct MarkerSpan {
  size_t start = 0, end = 0;
  int footnote = 0;
};

struct RichText {
  std::string text;
  std::vector<StyleSpan> styles;
  std::vector<LinkSpan> links;
  std::vector<MarkerSpan> markers;

  /// Appends text as is; returns its byte range.
  std::pair<size_t, size_t> append(std::string_view plain);
  /// Appends text with soft hyphens from `hyphenator` (as is when null).
  std::pair<size_t, size_t> append_hyphenated(std::string_view plain, const Hyphenator* hyphenator);
  void style(std::pair<size_t, size_t> range, StyleSpan::Kind kind, Color color = {});
  /// Appends the URL `shown` (as the dataset writes it) so that it may break
  /// after / . - ? & = (zero-width spaces in the shown text only), linked to
  /// `href` (its encoded form, base/url.h; not linked when unsafe).
  void append_url(const std::string& shown, const std::string& href);
  /// Appends a superscript footnote number linked to "fn-N".
  void append_marker(int footnote);
  /// The part [from, to) with every span clipped and shifted.
  RichText slice(size_t from, size_t to) const;
};

/// The text shown for a URL: U+200B after each / . - ? & = (not after the
/// scheme's slashes, and never at the very end).
std::string breakable_url(std::string_view url);

/// Straight quotes made typographic: "a" → “a”, it's → it’s, 'a' → ‘a’.
std::string typographic_quotes(std::string_view text);

/// `text` without soft hyphens, zero-width spaces and the bidi marks of
/// text/bidi.h (for dumps and tests).
std::string visible_text(std::string_view text);

struct ParagraphLine {
  double top = 0, height = 0;  // points, from the paragraph's top
  double left = 0, width = 0;  // the line's logical extents
  size_t start = 0, end = 0;   // bytes of the text
  std::vector<int> footnotes;  // markers on this line
  bool hyphenated = false;     // broken at a soft hyphen
};

/// A laid-out rich paragraph. The TextBlock holds the Pango layout used to
/// paint it, so the text is shaped once.
class Paragraph {
 public:
  /// `hanging_indent` (points): lines after the first start this far right.
  Paragraph(RichText rich, const TextStyle& style, double width, TextAlign align, Color color,
            double line_spacing = 1.0, bool justify_last_line = false, double hanging_indent = 0);

  const RichText& rich() const { return rich_; }
  const TextBlockPtr& block() const { return block_; }
  double width() const { return width_; }
  double height() const { return height_; }
  Color color() const { return color_; }
  const std::vector<ParagraphLine>& lines() const { return lines_; }
  /// False for a hanging-indent paragraph: a part starting mid-paragraph
  /// could not keep the hang, so it moves to a new page whole.
  bool splittable() const { return hanging_indent_ == 0; }
  /// Height of lines [0, count).
  double height_of_lines(size_t count) const;

  /// A new paragraph of lines [first, last) of this one, laid out again (a
  /// split at a page break). A first part keeps justification on its last line
  /// and shows a hyphen where a soft hyphen broke the line.
  Paragraph lines_part(size_t first, size_t last) const;

  /// Each link of the paragraph with its rectangles (one per line it
  /// spans), page coordinates once placed at `origin`; links with no target
  /// or no extent are left out.
  std::vector<std::pair<const LinkSpan*, std::vector<Rect>>> link_areas(Point origin) const;
  /// Each footnote marker's box, page coordinates once placed at `origin`.
  std::vector<std::pair<int, Rect>> marker_boxes(Point origin) const;
  /// The shown text of a line (no soft hyphens or zero-width spaces).
  std::string line_text(size_t line) const;

 private:
  RichText rich_;
  TextStyle style_;
  double width_;
  TextAlign align_;
  Color color_;
  double line_spacing_;
  double hanging_indent_;
  TextBlockPtr block_;
  double height_ = 0;
  std::vector<ParagraphLine> lines_;
};

}  // namespace briefing
