#include "load/report_style_loader.h"

#include <cmath>
#include <filesystem>
#include <map>

#include "base/file_io.h"
#include "load/dataset_loader.h"
#include "load/font_request_reader.h"
#include "load/image_loader.h"
#include "load/style_values.h"
#include "load/table_reader.h"

namespace briefing {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

struct PaperSize {
  double width_mm, height_mm;
};

const std::map<std::string, PaperSize> kPaperSizes = {
    {"a4", {210, 297}}, {"a5", {148, 210}}, {"letter", {215.9, 279.4}}, {"legal", {215.9, 355.6}}};

class ReportStyleReader {
 public:
  ReportStyleReader(SourceRef source, Diagnostics& diagnostics)
      : source_(std::move(source)), diagnostics_(diagnostics) {}

  ReportStyle read(const toml::table& root) {
    ReportStyle style;
    style.fonts.source = source_;
    TableReader top(root, "the report layout", source_, diagnostics_);
    if (auto name = top.string("name")) style.name = *name;
    if (auto language = top.string("language")) style.language = *language;
    if (const toml::table* t = top.table("page", Need::required)) read_page(*t, style);
    if (const toml::table* t = top.table("fonts")) read_fonts(*t, style);
    if (const toml::table* t = top.table("colors")) read_colors(*t, style);
    if (const toml::table* t = top.table("parts")) read_parts(*t, style);
    if (const toml::table* t = top.table("branding")) read_branding(*t, style);
    if (const toml::table* t = top.table("lanes")) {
      TableReader r(*t, "[lanes]", source_, diagnostics_);
      if (const toml::table* colors = r.table("colors"))
        read_lane_colors(*colors, source_, diagnostics_, style.lane_colors, style.lane_color_keys);
      r.finish();
    }
    if (const toml::table* t = top.table("typesetting")) read_typesetting(*t, style);
    top.finish();
    return style;
  }

 private:
  void millimetres(TableReader& r, const std::string& key, double& target, double low,
                   double high) {
    double mm = target / kPointsPerMm;
    read_number(r, key, mm, low, high);
    target = mm * kPointsPerMm;
  }

  void flag(TableReader& r, const std::string& key, bool& target) {
    if (auto value = r.boolean(key)) target = *value;
  }

  void read_page(const toml::table& t, ReportStyle& style) {
    TableReader r(t, "[page]", source_, diagnostics_);
    if (auto size = r.string("size")) {
      std::string key = *size;
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto found = kPaperSizes.find(key);
      if (found == kPaperSizes.end()) {
        std::vector<std::string> names;
        for (const auto& [paper, _] : kPaperSizes) names.push_back(paper);
        const std::string close = closest_match(key, names);
        r.error_at(r.value_position("size"), "unknown paper size \"" + *size + "\"",
                   close.empty() ? "use a4, a5, letter or legal, or give width_mm and height_mm"
                                 : "did you mean '" + close + "'?");
      } else {
        style.page_width = found->second.width_mm * kPointsPerMm;
        style.page_height = found->second.height_mm * kPointsPerMm;
      }
    }
    millimetres(r, "width_mm", style.page_width, 50, 1000);
    millimetres(r, "height_mm", style.page_height, 50, 1000);
    if (auto all = r.number("margin_mm")) {
      if (*all < 5 || *all > 100) {
        r.error_at(r.value_position("margin_mm"),
                   "'margin_mm' must be between 5 and 100, not " + format_number(*all));
      } else {
        style.margin_top = style.margin_bottom = style.margin_left = style.margin_right =
            *all * kPointsPerMm;
      }
    }
    millimetres(r, "margin_top_mm", style.margin_top, 5, 100);
    millimetres(r, "margin_bottom_mm", style.margin_bottom, 5, 100);
    millimetres(r, "margin_left_mm", style.margin_left, 5, 100);
    millimetres(r, "margin_right_mm", style.margin_right, 5, 100);
    if (style.text_width() < 144 || style.text_height() < 216) {
      // At the margin that was set (the first of them), else at [page].
      SourceRange at = r.table_position();
      for (const char* key : {"margin_mm", "margin_top_mm", "margin_bottom_mm", "margin_left_mm",
                              "margin_right_mm"}) {
        if (t.contains(key)) {
          at = r.key_position(key);
          break;
        }
      }
      r.error_at(at,
                 "the margins leave too little room for text (" +
                     format_number(std::round(style.text_width() / kPointsPerMm)) + " x " +
                     format_number(std::round(style.text_height() / kPointsPerMm)) + " mm)",
                 "keep at least 51 x 76 mm between the margins");
    }
    r.finish();
  }

  void read_fonts(const toml::table& t, ReportStyle& style) {
    TableReader r(t, "[fonts]", source_, diagnostics_);
    read_font_sources(r, style.fonts);
    read_font_family(r, "body_family", style.body_family, style.fonts);
    read_font_family(r, "heading_family", style.heading_family, style.fonts);
    read_number(r, "body_size", style.body_size, 6, 18);
    read_number(r, "title_size", style.title_size, 12, 60);
    read_number(r, "heading1_size", style.heading1_size, 8, 36);
    read_number(r, "heading2_size", style.heading2_size, 8, 30);
    read_number(r, "heading3_size", style.heading3_size, 7, 24);
    read_number(r, "item_title_size", style.item_title_size, 7, 24);
    read_number(r, "meta_size", style.meta_size, 5, 14);
    read_number(r, "footnote_size", style.footnote_size, 5, 14);
    read_number(r, "table_size", style.table_size, 5, 14);
    read_number(r, "running_size", style.running_size, 5, 14);
    read_number(r, "line_spacing", style.line_spacing, 0.8, 2.5);
    r.finish();
  }

  void read_colors(const toml::table& t, ReportStyle& style) {
    TableReader r(t, "[colors]", source_, diagnostics_);
    read_color(r, "text", style.text);
    read_color(r, "muted", style.muted);
    read_color(r, "accent", style.accent);
    read_color(r, "rule", style.rule);
    read_color(r, "link", style.link);
    read_color(r, "table_header", style.table_header);
    read_color(r, "table_stripe", style.table_stripe);
    read_color(r, "highlight", style.highlight);
    r.finish();
  }

  void read_branding(const toml::table& t, ReportStyle& style) {
    TableReader r(t, "[branding]", source_, diagnostics_);
    for (auto [key, target] :
         {std::pair{"organisation", &style.organisation}, std::pair{"subtitle", &style.subtitle},
          std::pair{"author", &style.author}, std::pair{"marking", &style.marking}}) {
      if (auto value = r.string(key)) *target = *value;
    }
    read_color(r, "marking_color", style.marking_color);
    read_color(r, "cover_band", style.cover_band);
    style.logo = read_image(r, "logo");
    millimetres(r, "logo_height_mm", style.logo_height, 3, 80);
    r.finish();
  }

  void read_parts(const toml::table& t, ReportStyle& style) {
    TableReader r(t, "[parts]", source_, diagnostics_);
    flag(r, "cover", style.cover);
    flag(r, "contents", style.contents);
    flag(r, "contents_items", style.contents_items);
    flag(r, "figure", style.figure);
    if (auto name = r.string("figure_layout")) {
      if (name->empty())
        r.error_at(r.value_position("figure_layout"), "'figure_layout' is empty");
      else
        style.figure_layout = *name;
    }
    flag(r, "chronology", style.chronology);
    r.finish();
  }

  void read_typesetting(const toml::table& t, ReportStyle& style) {
    TableReader r(t, "[typesetting]", source_, diagnostics_);
    flag(r, "justify", style.justify);
    flag(r, "hyphenate", style.hyphenate);
    read_integer(r, "orphans", style.orphans, 1, 5);
    read_integer(r, "widows", style.widows, 1, 5);
    read_integer(r, "section_page_break_depth", style.section_page_break_depth, 0, 6);
    r.finish();
  }

  SourceRef source_;
  Diagnostics& diagnostics_;
};

}  // namespace

std::optional<ReportStyle> load_report_style_text(std::string_view text,
                                                  const std::string& file_name,
                                                  Diagnostics& diagnostics) {
  const SourceRef source = make_source(file_name, std::string(text));
  const auto root = parse_toml(source, diagnostics);
  if (!root) return std::nullopt;
  Diagnostics local;
  ReportStyle style = ReportStyleReader(source, local).read(*root);
  local.sort_by_position();
  diagnostics.append(local);
  if (local.has_errors()) return std::nullopt;
  return style;
}

std::optional<ReportStyle> load_report_style(const std::string& path, Diagnostics& diagnostics) {
  const FileContents file = read_file(path);
  if (!file.ok()) {
    diagnostics.error(make_source(path), {}, "cannot read the layout file: " + file.error,
                      "give briefing-a4, briefing-letter or the path of a .toml file");
    return std::nullopt;
  }
  return load_report_style_text(file.bytes, path, diagnostics);
}

}  // namespace briefing
