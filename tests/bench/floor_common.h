// What the benchmark floors (floor_report.cpp, floor_slide.cpp) share: the
// font set-up and the spec they draw. Self-contained on purpose: the floors
// never link the project's code.
//
// Font set-up, as renderer/text/font_setup.cpp does it (replicated, not
// shared): a fresh FcConfig holding only FONTS_DIR, a private cache folder
// ($XDG_CACHE_HOME or ~/.cache, then briefing-floor/fontconfig), the same
// generic-family aliases, and a Pango context at 72 dpi with metric hinting
// off and unrounded glyph positions.
//
// The spec: one record a line, fields separated by tabs; "\n", "\t" and "\\"
// escaped in texts. Coordinates in points, y down, page coordinates. Written
// by tests/bench/floor_spec.py from the dataset and the project's layout dump.
//   F id family size bold italic       a font (description made once)
//   T font x y width align rgb text    text at (x, y), wrapped at width (0: not), align l|r|c
//   R x y w h fill stroke_width stroke a rectangle; fill/stroke "-" for none, rgb or rgba hex
//   L x0 y0 x1 y1 width rgb [dash]     a line
//   C cx cy r rgb                      a filled disc
// Report floors also read flow records (floor_report.cpp).
#pragma once

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace floor_bench {

inline std::string cache_directory() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/briefing-floor/fontconfig";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.cache/briefing-floor/fontconfig";
  }
  return (std::filesystem::temp_directory_path() / "briefing-floor-fontconfig").string();
}

/// The font map over FONTS_DIR only (see the file comment). Exits on failure.
inline PangoFontMap* make_font_map(const std::string& fonts) {
  const std::string cache = cache_directory();
  std::error_code ignored;
  std::filesystem::create_directories(cache, ignored);
  // The benchmark's paths need no XML escaping.
  const std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig>"
      "<cachedir>" +
      cache +
      "</cachedir>"
      "<alias binding=\"strong\"><family>sans-serif</family><prefer><family>Noto Sans</family>"
      "<family>IPAexGothic</family></prefer></alias>"
      "<alias binding=\"strong\"><family>serif</family><prefer><family>Noto Serif</family>"
      "<family>IPAexGothic</family></prefer></alias>"
      "</fontconfig>";
  FcConfig* config = FcConfigCreate();
  if (!config ||
      !FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(xml.c_str()),
                                      FcTrue) ||
      !FcConfigBuildFonts(config) ||
      !FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(fonts.c_str()))) {
    std::cerr << "floor: cannot set up Fontconfig for " << fonts << "\n";
    std::exit(1);
  }
  FcConfigSetCurrent(config);  // as the project: the machine's configuration is never loaded
  PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
  return map;
}

inline PangoContext* make_context(PangoFontMap* map) {
  PangoContext* context = pango_font_map_create_context(map);
  pango_cairo_context_set_resolution(context, 72.0);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context, FALSE);
  return context;
}

/// One spec record: its fields, texts unescaped.
using Record = std::vector<std::string>;

inline std::string unescape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char c = s[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// Reads a spec one record at a time (a large report's spec is not held whole).
class SpecReader {
 public:
  explicit SpecReader(const char* path) : in_(path, std::ios::binary) {
    if (!in_) {
      std::cerr << "floor: cannot read " << path << "\n";
      std::exit(1);
    }
  }
  bool next(Record& r) {
    std::string line;
    while (std::getline(in_, line)) {
      if (line.empty() || line[0] == '#') continue;
      r.clear();
      size_t start = 0;
      while (true) {
        const size_t tab = line.find('\t', start);
        r.push_back(unescape(line.substr(start, tab == std::string::npos ? tab : tab - start)));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      return true;
    }
    return false;
  }

 private:
  std::ifstream in_;
};

inline std::vector<Record> read_spec(const char* path) {
  SpecReader reader(path);
  std::vector<Record> records;
  Record r;
  while (reader.next(r)) records.push_back(r);
  return records;
}

inline double num(const std::string& s) { return std::strtod(s.c_str(), nullptr); }

struct Rgba {
  double r = 0, g = 0, b = 0, a = 1;
};

inline Rgba color(const std::string& hex) {
  Rgba c;
  const unsigned long v = std::strtoul(hex.c_str(), nullptr, 16);
  if (hex.size() == 8) {
    c.r = ((v >> 24) & 255) / 255.0, c.g = ((v >> 16) & 255) / 255.0,
    c.b = ((v >> 8) & 255) / 255.0;
    c.a = (v & 255) / 255.0;
  } else {
    c.r = ((v >> 16) & 255) / 255.0, c.g = ((v >> 8) & 255) / 255.0, c.b = (v & 255) / 255.0;
  }
  return c;
}

inline void set_color(cairo_t* cr, const std::string& hex) {
  const Rgba c = color(hex);
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

/// The fonts of the spec, by id (F records).
class Fonts {
 public:
  void add(const Record& r) {
    PangoFontDescription* d = pango_font_description_new();
    pango_font_description_set_family(d, r.at(2).c_str());
    pango_font_description_set_size(d, static_cast<int>(num(r.at(3)) * PANGO_SCALE + 0.5));
    pango_font_description_set_weight(d, r.at(4) == "1" ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d, r.at(5) == "1" ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    const size_t id = static_cast<size_t>(std::atoi(r.at(1).c_str()));
    if (fonts_.size() <= id) fonts_.resize(id + 1, nullptr);
    fonts_[id] = d;
  }
  const PangoFontDescription* get(const std::string& id) const {
    return fonts_.at(static_cast<size_t>(std::atoi(id.c_str())));
  }

 private:
  std::vector<PangoFontDescription*> fonts_;
};

/// A layout of `text` in `font`, wrapped at `width` points when > 0, as the
/// project wraps (words, then characters).
inline PangoLayout* new_layout(PangoContext* context, const PangoFontDescription* font,
                               const std::string& text, double width, char align = 'l') {
  PangoLayout* layout = pango_layout_new(context);
  pango_layout_set_font_description(layout, font);
  if (width > 0) {
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  }
  if (align == 'r') pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
  if (align == 'c') pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  return layout;
}

/// Draws one fixed record (T, R, L, C); false when `r` is not one.
inline bool draw_fixed(cairo_t* cr, PangoContext* context, const Fonts& fonts, const Record& r) {
  const std::string& kind = r[0];
  if (kind == "T") {
    PangoLayout* layout =
        new_layout(context, fonts.get(r.at(1)), r.at(7), num(r.at(4)), r.at(5)[0]);
    set_color(cr, r.at(6));
    cairo_move_to(cr, num(r.at(2)), num(r.at(3)));
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
  } else if (kind == "R") {
    cairo_rectangle(cr, num(r.at(1)), num(r.at(2)), num(r.at(3)), num(r.at(4)));
    const bool stroked = r.at(6) != "0" && r.at(7) != "-";
    if (r.at(5) != "-") {
      set_color(cr, r.at(5));
      if (stroked)
        cairo_fill_preserve(cr);
      else
        cairo_fill(cr);
    }
    if (stroked) {
      set_color(cr, r.at(7));
      cairo_set_line_width(cr, num(r.at(6)));
      cairo_stroke(cr);
    }
    cairo_new_path(cr);
  } else if (kind == "L") {
    set_color(cr, r.at(6));
    cairo_set_line_width(cr, num(r.at(5)));
    if (r.size() > 7) {
      const double dash[2] = {num(r[7]), num(r[7]) * 3};
      cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_move_to(cr, num(r.at(1)), num(r.at(2)));
    cairo_line_to(cr, num(r.at(3)), num(r.at(4)));
    cairo_stroke(cr);
    if (r.size() > 7) cairo_set_dash(cr, nullptr, 0, 0);
  } else if (kind == "C") {
    set_color(cr, r.at(4));
    cairo_new_sub_path(cr);
    cairo_arc(cr, num(r.at(1)), num(r.at(2)), num(r.at(3)), 0, 2 * M_PI);
    cairo_fill(cr);
  } else {
    return false;
  }
  return true;
}

}  // namespace floor_bench
