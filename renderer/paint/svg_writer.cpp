// The SVG is written in two passes over the page: the first shapes every
// text (svg_text_runs.h) and collects the glyphs each face shows, so that the
// subsets can go into a <style> at the top; the second writes the elements
// in paint order. Points throughout: the viewBox is the page in points.
#include "paint/svg_writer.h"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "base/c_handles.h"
#include "paint/font_subset.h"
#include "paint/svg_description.h"
#include "paint/svg_text_runs.h"
#include "paint/svg_xml.h"

namespace briefing {
namespace {

// Coordinates to 1/100 pt (1/75 of a CSS pixel): finer than any screen.
std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string out = buffer;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  if (out == "-0") out = "0";
  return out;
}

std::string numbers(const std::vector<double>& values, double offset) {
  std::string out;
  for (double v : values) {
    if (!out.empty()) out += ' ';
    out += number(v + offset);
  }
  return out;
}

std::string hex(const Color& c) {
  auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return buffer;
}

// A CSS string in single quotes (for font-family), quotes and backslashes escaped.
std::string css_string(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r' || c == '\f') continue;
    out += c;
  }
  return out + "'";
}

std::string base64(const std::string& bytes) {
  GMemoryPtr<gchar> encoded(
      g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size()));
  return encoded.get();
}

bool same_color(const Color& a, const Color& b) {
  return hex(a) == hex(b) && number(a.a) == number(b.a);
}

void fill_attributes(XmlWriter& xml, const char* name, const Color& color) {
  xml.attribute(name, hex(color));
  if (color.a < 1) xml.attribute((std::string(name) + "-opacity").c_str(), number(color.a));
}

template <typename Shape>
void paint_attributes(XmlWriter& xml, const Shape& shape) {
  if (shape.filled)
    fill_attributes(xml, "fill", shape.fill);
  else
    xml.attribute("fill", "none");
  if (!shape.stroked) return;
  fill_attributes(xml, "stroke", shape.stroke.color);
  xml.attribute("stroke-width", number(shape.stroke.width));
  if (!shape.stroke.dashes.empty())
    xml.attribute("stroke-dasharray", numbers(shape.stroke.dashes, 0));
}

// How a run's text looks, as SVG attributes say it.
struct RunStyle {
  std::string family;
  double size = 0;
  int weight = 400;
  bool italic = false;
  Color fill;
};

RunStyle style_of(const SvgGlyphRun& run, const Color& shape_color) {
  return {run.face.family, run.size, run.shown_weight, run.face.italic,
          run.color.value_or(shape_color)};
}

// The attributes of `style` that differ from `inherited` (all without it).
void style_attributes(XmlWriter& xml, const RunStyle& style, const RunStyle* inherited) {
  if (!inherited || style.family != inherited->family)
    xml.attribute("font-family", css_string(style.family));
  if (!inherited || number(style.size) != number(inherited->size))
    xml.attribute("font-size", number(style.size));
  if (inherited ? style.weight != inherited->weight : style.weight != 400)
    xml.attribute("font-weight", std::to_string(style.weight));
  if (inherited ? style.italic != inherited->italic : style.italic)
    xml.attribute("font-style", style.italic ? "italic" : "normal");
  if (!inherited || !same_color(style.fill, inherited->fill))
    fill_attributes(xml, "fill", style.fill);
}

// True when a left-to-right run holds characters of a right-to-left script
// (an override made them so): readers must be told to keep them that way.
bool has_right_to_left_script(const std::string& text) {
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p)) {
    const hb_script_t script = hb_unicode_script(unicode, g_utf8_get_char(p));
    if (hb_script_get_horizontal_direction(script) == HB_DIRECTION_RTL) return true;
  }
  return false;
}

// A text, or one line of it, placed at `origin`.
struct TextPart {
  const TextShape* shape;
  const std::vector<SvgTextLine>* lines;
  int line = -1;  // -1: every line
};

class PageWriter {
 public:
  PageWriter(XmlWriter& xml, const std::map<const TextBlock*, std::vector<SvgTextLine>>& texts)
      : xml_(xml), texts_(texts) {}

  void items(const std::vector<DisplayItem>& items) {
    for (const DisplayItem& item : items) {
      std::visit([this](const auto& shape) { write(shape); }, item);
    }
  }

 private:
  void write(const RectShape& shape) {
    const Rect& r = shape.rect;
    xml_.start("rect");
    xml_.attribute("x", number(r.x));
    xml_.attribute("y", number(r.y));
    xml_.attribute("width", number(r.width));
    xml_.attribute("height", number(r.height));
    if (shape.corner_radius > 0) {
      // As the painter rounds: never more than half the shorter side.
      const double k = std::min(shape.corner_radius, std::min(r.width, r.height) / 2);
      xml_.attribute("rx", number(k));
    }
    paint_attributes(xml_, shape);
    xml_.end();
    xml_.line_break();
  }

  void write(const PathShape& shape) {
    if (shape.points.empty()) return;
    std::string d;
    for (size_t i = 0; i < shape.points.size(); ++i) {
      d += (i == 0 ? "M" : "L") + number(shape.points[i].x) + " " + number(shape.points[i].y);
    }
    if (shape.closed) d += "Z";
    xml_.start("path");
    xml_.attribute("d", d);
    paint_attributes(xml_, shape);
    xml_.end();
    xml_.line_break();
  }

  void write(const CircleShape& shape) {
    xml_.start("circle");
    xml_.attribute("cx", number(shape.center.x));
    xml_.attribute("cy", number(shape.center.y));
    xml_.attribute("r", number(shape.radius));
    paint_attributes(xml_, shape);
    xml_.end();
    xml_.line_break();
  }

  void write(const TextShape& shape) {
    const auto* lines = lines_of(shape);
    if (!lines) return;
    if (!shape.per_line) {
      text_element({{&shape, lines, -1}});
      return;
    }
    for (size_t l = 0; l < lines->size(); ++l) text_element({{&shape, lines, static_cast<int>(l)}});
  }

  // The file itself, as a data URL: a PNG stays a PNG, an SVG keeps its vectors.
  void write(const ImageShape& shape) {
    if (!shape.image) return;
    const char* type = shape.image->format == Image::Format::png ? "image/png" : "image/svg+xml";
    const std::string href = std::string("data:") + type + ";base64," + base64(shape.image->bytes);
    xml_.start("image");
    xml_.attribute("x", number(shape.rect.x));
    xml_.attribute("y", number(shape.rect.y));
    xml_.attribute("width", number(shape.rect.width));
    xml_.attribute("height", number(shape.rect.height));
    xml_.attribute("preserveAspectRatio", "xMidYMid meet");
    xml_.attribute("href", href);
    xml_.attribute("xlink:href", href);  // for SVG 1.1 readers
    if (!shape.tag.text.empty()) {
      xml_.start("title");
      xml_.text(shape.tag.text);
      xml_.end();
    }
    xml_.end();
    xml_.line_break();
  }

  void write(const LinkArea& link) {
    if (link.uri.empty()) return;  // internal destinations: the SVG holds one page
    start_link(link.uri);
    link_title(link.tag.text.empty() ? link.uri : link.tag.text);
    link_areas(link);
    xml_.end();
    xml_.line_break();
  }

  void write(const Destination&) {}

  void write(const Group& group) {
    const LinkArea* link = the_link_of(group);
    const bool moved = group.offset.x != 0 || group.offset.y != 0;
    const bool wrapped = link || moved || !group.tag.kind.empty();
    if (link) {
      start_link(link->uri);
    } else if (wrapped) {
      xml_.start("g");
    }
    if (!group.tag.kind.empty()) xml_.attribute("class", group.tag.kind);
    if (moved) {
      xml_.attribute("transform",
                     "translate(" + number(group.offset.x) + " " + number(group.offset.y) + ")");
    }
    if (wrapped) xml_.line_break();
    if (link) {
      link_title(group.tag.text.empty() ? link->uri : group.tag.text);
      link_areas(*link);
    }
    if (const auto texts = one_text_for(group)) {
      text_element(*texts);
    } else {
      for (const DisplayItem& item : group.items) {
        if (const auto* area = std::get_if<LinkArea>(&item); area && area == link) continue;
        std::visit([this](const auto& shape) { write(shape); }, item);
      }
    }
    if (wrapped) {
      xml_.end();
      xml_.line_break();
    }
  }

  // The group's one external link, when it has exactly one: the group
  // (a label) becomes the link.
  static const LinkArea* the_link_of(const Group& group) {
    const LinkArea* found = nullptr;
    for (const DisplayItem& item : group.items) {
      const auto* link = std::get_if<LinkArea>(&item);
      if (!link || link->uri.empty()) continue;
      if (found) return nullptr;
      found = link;
    }
    return found;
  }

  // A tagged group of texts and nothing else that draws (a label: its
  // title, tag and dates) is one <text>, as the layout dump lists one element.
  std::optional<std::vector<TextPart>> one_text_for(const Group& group) const {
    if (group.tag.kind.empty()) return std::nullopt;
    std::vector<TextPart> parts;
    for (const DisplayItem& item : group.items) {
      if (std::holds_alternative<LinkArea>(item) || std::holds_alternative<Destination>(item))
        continue;
      const auto* text = std::get_if<TextShape>(&item);
      if (!text || text->per_line) return std::nullopt;
      if (const auto* lines = lines_of(*text)) parts.push_back({text, lines, -1});
    }
    if (parts.empty()) return std::nullopt;
    return parts;
  }

  const std::vector<SvgTextLine>* lines_of(const TextShape& shape) const {
    if (!shape.block) return nullptr;
    const auto found = texts_.find(shape.block.get());
    return found == texts_.end() ? nullptr : &found->second;
  }

  void start_link(const std::string& uri) {
    xml_.start("a");
    xml_.attribute("href", uri);
    xml_.attribute("xlink:href", uri);  // for SVG 1.1 readers
  }

  // The link's tooltip and accessible name: the item's full title.
  void link_title(const std::string& title) {
    xml_.start("title");
    xml_.text(title);
    xml_.end();
  }

  // The whole link area clickable, not only the glyphs; it paints nothing.
  void link_areas(const LinkArea& link) {
    for (const Rect& r : link.rects) {
      xml_.start("rect");
      xml_.attribute("x", number(r.x));
      xml_.attribute("y", number(r.y));
      xml_.attribute("width", number(r.width));
      xml_.attribute("height", number(r.height));
      xml_.attribute("fill", "none");
      xml_.attribute("pointer-events", "all");
      xml_.end();
    }
    if (!link.rects.empty()) xml_.line_break();
  }

  void text_element(const std::vector<TextPart>& parts) {
    const SvgGlyphRun* first = nullptr;
    const TextShape* first_shape = nullptr;
    for (const TextPart& part : parts) {
      for_each_line(part, [&](const SvgTextLine& line) {
        if (!first && !line.runs.empty()) {
          first = &line.runs.front();
          first_shape = part.shape;
        }
      });
    }
    if (!first) return;  // nothing to show
    const RunStyle base = style_of(*first, first_shape->color);
    xml_.start("text");
    xml_.attribute("xml:space", "preserve");  // every character counts: each has its x
    style_attributes(xml_, base, nullptr);
    for (const TextPart& part : parts) {
      const Point origin = part.shape->origin;
      for_each_line(part, [&](const SvgTextLine& line) {
        for (const SvgGlyphRun& run : line.runs)
          tspan(run, origin, style_of(run, part.shape->color), base);
      });
    }
    xml_.end();
    xml_.line_break();
  }

  template <typename Visit>
  static void for_each_line(const TextPart& part, Visit visit) {
    for (size_t l = 0; l < part.lines->size(); ++l) {
      if (part.line < 0 || static_cast<int>(l) == part.line) visit((*part.lines)[l]);
    }
  }

  void tspan(const SvgGlyphRun& run, Point origin, const RunStyle& style, const RunStyle& base) {
    xml_.start("tspan");
    if (run.right_to_left) {
      // One x for the run, where it starts: its right edge. Per character,
      // Chromium loses Arabic's joined forms and ligatures; the reader's own
      // advances are Pango's (the same face, shaped by HarfBuzz).
      double right = 0;
      for (size_t i = 0; i < run.x.size(); ++i) right = std::max(right, run.x[i] + run.advance[i]);
      xml_.attribute("x", number(origin.x + right));
    } else {
      xml_.attribute("x", numbers(run.x, origin.x));
    }
    xml_.attribute("y", number(origin.y + run.baseline));
    style_attributes(xml_, style, &base);
    // Pango has resolved the direction: readers keep it (and ignore their own
    // bidi algorithm, which would reorder characters whose x is already known).
    if (run.right_to_left || has_right_to_left_script(run.text)) {
      xml_.attribute("direction", run.right_to_left ? "rtl" : "ltr");
      xml_.attribute("unicode-bidi", "bidi-override");
    }
    xml_.text(run.text);
    xml_.end();
  }

  XmlWriter& xml_;
  const std::map<const TextBlock*, std::vector<SvgTextLine>>& texts_;
};

void write_fonts(XmlWriter& xml, const FontSubsetCollector& fonts) {
  if (fonts.empty()) return;
  std::string css;
  for (const SubsetFont& font : fonts.subsets()) {
    css += "\n@font-face{font-family:" + css_string(font.name.family) +
           ";font-weight:" + std::to_string(font.name.weight) +
           ";font-style:" + (font.name.italic ? "italic" : "normal") +
           ";src:url(data:font/ttf;base64," + base64(font.bytes) + ") format('truetype')}";
  }
  xml.start("style");
  xml.attribute("type", "text/css");
  xml.text(css + "\n");
  xml.end();
  xml.line_break();
}

}  // namespace

std::string svg_document(const Document& document, const SvgOptions& options) {
  const Page& page = document.pages.front();

  // First pass: every text's runs, and what each face shows.
  std::map<const TextBlock*, std::vector<SvgTextLine>> texts;
  FontSubsetCollector fonts;
  for_each_item(page.items, [&](const DisplayItem& item, Point) {
    const auto* text = std::get_if<TextShape>(&item);
    if (!text || !text->block || texts.count(text->block.get())) return;
    auto& lines = texts[text->block.get()] = svg_text_lines(*text->block);
    for (const SvgTextLine& line : lines) {
      for (const SvgGlyphRun& run : line.runs)
        fonts.add(run.face, run.hb_face, run.text, run.glyphs);
    }
  });

  XmlWriter xml;
  xml.start("svg");
  xml.attribute("xmlns", "http://www.w3.org/2000/svg");
  xml.attribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
  xml.attribute("version", "1.1");
  xml.attribute("width", number(page.width) + "pt");
  xml.attribute("height", number(page.height) + "pt");
  xml.attribute("viewBox", "0 0 " + number(page.width) + " " + number(page.height));
  // As cairo draws: outlines unhinted, and its stroke defaults.
  xml.attribute("text-rendering", "geometricPrecision");
  xml.attribute("stroke-miterlimit", "10");
  xml.line_break();
  if (!document.info.title.empty()) {
    xml.start("title");
    xml.text(document.info.title);
    xml.end();
    xml.line_break();
  }
  if (const std::string description = svg_description(document.info, page); !description.empty()) {
    xml.start("desc");
    xml.text(description);
    xml.end();
    xml.line_break();
  }
  write_fonts(xml, fonts);
  if (document.has_background && !options.transparent) {
    xml.start("rect");
    xml.attribute("width", number(page.width));
    xml.attribute("height", number(page.height));
    fill_attributes(xml, "fill", document.background);
    xml.end();
    xml.line_break();
  }
  PageWriter(xml, texts).items(page.items);
  xml.end();
  return xml.finish() + "\n";
}

}  // namespace briefing
