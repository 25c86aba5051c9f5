#include "text/rich_paragraph.h"

#include <algorithm>

#include "base/url.h"
#include "text/bidi.h"
#include "text/hyphenator.h"

namespace briefing {
namespace {

constexpr std::string_view kZeroWidthSpace = "\xE2\x80\x8B";

int pango_units(double pts) { return static_cast<int>(pts * PANGO_SCALE + 0.5); }
guint16 channel(double v) { return static_cast<guint16>(std::clamp(v, 0.0, 1.0) * 65535 + 0.5); }

void insert(PangoAttrList* list, PangoAttribute* attribute, size_t start, size_t end) {
  attribute->start_index = static_cast<guint>(start);
  attribute->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list, attribute);
}

// Pango attributes for the spans; null when there are none.
AttrListPtr attributes_for(const RichText& rich, const TextStyle& style) {
  if (rich.styles.empty()) return nullptr;
  AttrListPtr owned(pango_attr_list_new());
  PangoAttrList* list = owned.get();
  for (const StyleSpan& span : rich.styles) {
    switch (span.kind) {
      case StyleSpan::Kind::superscript:
        // Small and raised, but inside the line's ascent so that a marker
        // never changes the leading.
        insert(list, pango_attr_size_new(pango_units(style.size * 0.62)), span.start, span.end);
        insert(list, pango_attr_rise_new(pango_units(style.size * 0.34)), span.start, span.end);
        break;
      case StyleSpan::Kind::bold:
        insert(list, pango_attr_weight_new(PANGO_WEIGHT_BOLD), span.start, span.end);
        break;
      case StyleSpan::Kind::italic:
        insert(list, pango_attr_style_new(PANGO_STYLE_ITALIC), span.start, span.end);
        break;
      case StyleSpan::Kind::color:
        insert(list,
               pango_attr_foreground_new(channel(span.color.r), channel(span.color.g),
                                         channel(span.color.b)),
               span.start, span.end);
        break;
      case StyleSpan::Kind::no_hyphens:
        insert(list, pango_attr_insert_hyphens_new(FALSE), span.start, span.end);
        break;
    }
  }
  return owned;
}

template <typename Span>
void clip_spans(const std::vector<Span>& in, std::vector<Span>& out, size_t from, size_t to) {
  for (const Span& span : in) {
    if (span.end <= from || span.start >= to) continue;
    Span copy = span;
    copy.start = std::max(span.start, from) - from;
    copy.end = std::min(span.end, to) - from;
    out.push_back(copy);
  }
}

bool ends_with(const std::string& text, std::string_view tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::pair<size_t, size_t> RichText::append(std::string_view plain) {
  const size_t start = text.size();
  text += plain;
  return {start, text.size()};
}

std::pair<size_t, size_t> RichText::append_hyphenated(std::string_view plain,
                                                      const Hyphenator* hyphenator) {
  if (!hyphenator) return append(plain);
  return append(hyphenator->hyphenate(plain));
}

void RichText::style(std::pair<size_t, size_t> range, StyleSpan::Kind kind, Color color) {
  if (range.first < range.second) styles.push_back({range.first, range.second, kind, color});
}

void RichText::append_url(const std::string& shown, const std::string& href) {
  const auto range = append(breakable_url(shown));
  style(range, StyleSpan::Kind::no_hyphens);
  if (is_safe_link_target(href)) links.push_back({range.first, range.second, href, {}});
}

void RichText::append_marker(int footnote) {
  const auto range = append(std::to_string(footnote));
  style(range, StyleSpan::Kind::superscript);
  markers.push_back({range.first, range.second, footnote});
  links.push_back({range.first, range.second, {}, "fn-" + std::to_string(footnote)});
}

RichText RichText::slice(size_t from, size_t to) const {
  RichText part;
  to = std::min(to, text.size());
  from = std::min(from, to);
  part.text = text.substr(from, to - from);
  clip_spans(styles, part.styles, from, to);
  clip_spans(links, part.links, from, to);
  clip_spans(markers, part.markers, from, to);
  return part;
}

std::string breakable_url(std::string_view url) {
  std::string out;
  out.reserve(url.size() + url.size() / 2);
  const size_t scheme_end = url.find("://");
  const size_t first_break = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
  for (size_t i = 0; i < url.size(); ++i) {
    out += url[i];
    const char c = url[i];
    const bool breaker = c == '/' || c == '.' || c == '-' || c == '?' || c == '&' || c == '=';
    if (breaker && i + 1 >= first_break && i + 1 < url.size()) out += kZeroWidthSpace;
  }
  return out;
}

std::string typographic_quotes(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '"' && c != '\'') {
      out += c;
      continue;
    }
    // Opening after a space, an opening bracket or at the start; else closing.
    const char before = i > 0 ? text[i - 1] : ' ';
    const bool opening = before == ' ' || before == '(' || before == '[' || before == '\n';
    if (c == '"')
      out += opening ? "\u201C" : "\u201D";
    else
      out += opening ? "\u2018" : "\u2019";
  }
  return out;
}

std::string visible_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text.substr(i, kSoftHyphen.size()) == kSoftHyphen) {
      i += kSoftHyphen.size();
    } else if (text.substr(i, kZeroWidthSpace.size()) == kZeroWidthSpace) {
      i += kZeroWidthSpace.size();
    } else {
      out += text[i++];
    }
  }
  return without_bidi_controls(out);
}

Paragraph::Paragraph(RichText rich, const TextStyle& style, double width, TextAlign align,
                     Color color, double line_spacing, bool justify_last_line,
                     double hanging_indent)
    : rich_(std::move(rich)),
      style_(style),
      width_(width),
      align_(align),
      color_(color),
      line_spacing_(line_spacing),
      hanging_indent_(hanging_indent) {
  TextLayoutOptions options;
  options.wrap_width = width_;
  options.align = align_;
  options.attributes = attributes_for(rich_, style_);
  options.line_spacing = line_spacing_;
  options.justify_last_line = justify_last_line;
  options.indent = -hanging_indent;
  block_ = std::make_shared<TextBlock>(rich_.text, style_, std::move(options));
  height_ = block_->height();
  for (const TextLine& line : block_->visible_lines()) {
    ParagraphLine entry;
    entry.top = line.top;
    entry.height = line.height;
    entry.left = line.left;
    entry.width = line.width;
    entry.start = line.start;
    entry.end = line.end;
    entry.hyphenated = line.hyphenated;
    lines_.push_back(entry);
  }
  for (size_t i = 0; i < lines_.size(); ++i) {
    for (const MarkerSpan& marker : rich_.markers) {
      if (marker.start >= lines_[i].start && marker.start < lines_[i].end) {
        lines_[i].footnotes.push_back(marker.footnote);
      }
    }
  }
}

double Paragraph::height_of_lines(size_t count) const {
  if (count == 0) return 0;
  if (count >= lines_.size()) return height_;
  return lines_[count].top;
}

Paragraph Paragraph::lines_part(size_t first, size_t last) const {
  last = std::min(last, lines_.size());
  const size_t from = lines_[first].start;
  const size_t to = last < lines_.size() ? lines_[last].start : rich_.text.size();
  RichText part = rich_.slice(from, to);
  const bool ends_early = last < lines_.size();
  if (ends_early) {
    // The line broke at a soft hyphen: show it as a real one.
    while (!part.text.empty() && part.text.back() == ' ') part.text.pop_back();
    if (ends_with(part.text, kSoftHyphen)) part.text.replace(part.text.size() - 2, 2, "-");
    for (auto* spans : {&part.styles}) {
      for (auto& span : *spans) span.end = std::min(span.end, part.text.size());
    }
    for (auto& span : part.links) span.end = std::min(span.end, part.text.size());
  }
  // A later part starts mid-paragraph: its first line hangs like the others.
  return Paragraph(std::move(part), style_, width_, align_, color_, line_spacing_,
                   ends_early && align_ == TextAlign::justify, first == 0 ? hanging_indent_ : 0);
}

namespace {

// One rectangle per line for bytes [start, end) of the layout, page coordinates.
std::vector<Rect> range_rects(const TextBlock& block, const std::vector<ParagraphLine>& lines,
                              size_t start, size_t end, Point origin) {
  std::vector<Rect> rects;
  for (size_t i = 0; i < lines.size(); ++i) {
    const ParagraphLine& line = lines[i];
    const size_t a = std::max(start, line.start), b = std::min(end, line.end);
    if (a >= b) continue;
    if (const auto extent = block.x_extent(static_cast<int>(i), a, b)) {
      if (extent->second > extent->first) {
        rects.push_back({origin.x + extent->first, origin.y + line.top,
                         extent->second - extent->first, std::min(line.height, lines[i].height)});
      }
    }
  }
  return rects;
}

}  // namespace

std::vector<std::pair<const LinkSpan*, std::vector<Rect>>> Paragraph::link_areas(
    Point origin) const {
  std::vector<std::pair<const LinkSpan*, std::vector<Rect>>> areas;
  for (const LinkSpan& link : rich_.links) {
    if (link.uri.empty() && link.destination.empty()) continue;
    auto rects = range_rects(*block_, lines_, link.start, link.end, origin);
    if (!rects.empty()) areas.emplace_back(&link, std::move(rects));
  }
  return areas;
}

std::vector<std::pair<int, Rect>> Paragraph::marker_boxes(Point origin) const {
  std::vector<std::pair<int, Rect>> boxes;
  for (const MarkerSpan& marker : rich_.markers) {
    auto rects = range_rects(*block_, lines_, marker.start, marker.end, origin);
    if (!rects.empty()) boxes.emplace_back(marker.footnote, rects.front());
  }
  return boxes;
}

std::string Paragraph::line_text(size_t line) const {
  const ParagraphLine& l = lines_.at(line);
  std::string text = visible_text(std::string_view(rich_.text).substr(l.start, l.end - l.start));
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  return text;
}

}  // namespace briefing
