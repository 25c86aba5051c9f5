#include "load/timeline_style_loader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "base/file_io.h"
#include "base/suggest.h"
#include "load/dataset_loader.h"
#include "load/font_request_reader.h"
#include "load/image_loader.h"
#include "load/style_values.h"
#include "load/table_reader.h"

namespace briefing {
namespace {

class StyleReader {
 public:
  StyleReader(SourceRef source, Diagnostics& diagnostics)
      : source_(std::move(source)), diagnostics_(diagnostics) {}

  TimelineStyle read(const toml::table& root) {
    TimelineStyle style;
    style.fonts.source = source_;
    TableReader top(root, "the layout file", source_, diagnostics_);
    if (const toml::table* t = top.table("layout", Need::required)) read_layout(*t, style);
    if (const toml::table* t = top.table("margins")) read_margins(*t, style);
    if (const toml::table* t = top.table("fonts")) read_fonts(*t, style);
    if (const toml::table* t = top.table("text")) read_text(*t, style);
    if (const toml::table* t = top.table("lanes")) read_lanes(*t, style);
    if (const toml::table* t = top.table("axis")) read_axis(*t, style);
    if (const toml::table* t = top.table("markers")) read_markers(*t, style);
    if (const toml::table* t = top.table("theme")) read_themes(*t, style);
    if (const toml::table* t = top.table("branding")) read_branding(*t, style.branding);
    top.finish();
    check_fit(top, style);
    return style;
  }

 private:
  // A number in [low, high]; keeps `target` unchanged when absent or wrong.
  void read_layout(const toml::table& t, TimelineStyle& style) {
    TableReader r(t, "[layout]", source_, diagnostics_);
    if (auto name = r.string("name")) style.name = *name;
    read_number(r, "width", style.width, 72, 14400, Need::required);
    read_number(r, "height", style.height, 72, 14400, Need::required);
    read_number(r, "pixels_per_point", style.pixels_per_point, 0.25, 16);
    if (auto title = r.boolean("title")) show_title_ = *title;
    r.finish();
  }

  void read_margins(const toml::table& t, TimelineStyle& style) {
    TableReader r(t, "[margins]", source_, diagnostics_);
    read_number(r, "top", style.margin_top, 0, 1000);
    read_number(r, "right", style.margin_right, 0, 1000);
    read_number(r, "bottom", style.margin_bottom, 0, 1000);
    read_number(r, "left", style.margin_left, 0, 1000);
    r.finish();
  }

  void read_fonts(const toml::table& t, TimelineStyle& style) {
    TableReader r(t, "[fonts]", source_, diagnostics_);
    read_font_sources(r, style.fonts);
    read_font_family(r, "family", style.font_family, style.fonts);
    read_font_family(r, "title_family", style.title_family, style.fonts);
    r.finish();
  }

  void read_text(const toml::table& t, TimelineStyle& style) {
    TableReader r(t, "[text]", source_, diagnostics_);
    read_number(r, "title", style.title_size, 0, 200);
    read_number(r, "label", style.label_size, 1, 200);
    read_number(r, "date", style.date_size, 1, 200);
    read_number(r, "tick", style.tick_size, 1, 200);
    read_number(r, "lane_title", style.lane_title_size, 1, 200);
    read_number(r, "legend", style.legend_size, 1, 200);
    read_number(r, "minimum", style.min_text_size, 1, 200);
    read_number(r, "highlights", style.highlight_label_size, 1, 200);
    read_number(r, "highlights_minimum", style.highlight_min_text_size, 1, 200);
    read_number(r, "label_max_width", style.label_max_width, 20, 5000);
    if (style.min_text_size > style.label_size) {
      r.error_at(r.value_position("minimum"), "'minimum' (" + format_number(style.min_text_size) +
                                                  ") must not exceed 'label' (" +
                                                  format_number(style.label_size) + ")");
    }
    r.finish();
  }

  void read_lanes(const toml::table& t, TimelineStyle& style) {
    TableReader r(t, "[lanes]", source_, diagnostics_);
    if (auto group = r.string("group_by")) {
      bool ok = false;
      style.lanes = parse_lane_grouping(*group, &ok);
      if (!ok) {
        const std::vector<std::string> names = {"section", "kind", "issuer", "none"};
        std::string hint = closest_match(*group, names);
        r.error_at(
            r.value_position("group_by"), "unknown lane grouping \"" + *group + "\"",
            hint.empty() ? "use section, kind, issuer or none" : "did you mean \"" + hint + "\"?");
      }
    }
    if (auto depth = r.integer("section_depth")) {
      if (*depth < 1 || *depth > 9) {
        r.error_at(r.value_position("section_depth"), "'section_depth' must be between 1 and 9");
      } else {
        style.section_depth = static_cast<int>(*depth);
      }
    }
    if (auto v = r.boolean("titles")) style.show_lane_titles = *v;
    if (auto v = r.boolean("legend")) style.show_legend = *v;
    if (const toml::table* colors = r.table("colors"))
      read_lane_colors(*colors, source_, diagnostics_, style.lane_color_overrides,
                       style.lane_color_keys);
    r.finish();
  }

  void read_branding(const toml::table& t, TimelineBranding& branding) {
    TableReader r(t, "[branding]", source_, diagnostics_);
    for (auto [key, target] :
         {std::pair{"title", &branding.title}, std::pair{"subtitle", &branding.subtitle},
          std::pair{"marking", &branding.marking}}) {
      if (auto value = r.string(key)) *target = *value;
    }
    read_color(r, "marking_color", branding.marking_color);
    read_number(r, "marking_size", branding.marking_size, 4, 200);
    branding.logo = read_image(r, "logo");
    read_number(r, "logo_height", branding.logo_height, 4, 2000);
    if (auto corner = r.string("logo_corner")) {
      using Corner = TimelineBranding::Corner;
      static const std::vector<std::pair<std::string, Corner>> kCorners = {
          {"top-left", Corner::top_left},
          {"top-right", Corner::top_right},
          {"bottom-left", Corner::bottom_left},
          {"bottom-right", Corner::bottom_right}};
      const auto found = std::find_if(kCorners.begin(), kCorners.end(),
                                      [&](const auto& c) { return c.first == *corner; });
      if (found != kCorners.end()) {
        branding.logo_corner = found->second;
      } else {
        const std::string close =
            closest_match(*corner, {"top-left", "top-right", "bottom-left", "bottom-right"});
        r.error_at(r.value_position("logo_corner"), "unknown logo corner \"" + *corner + "\"",
                   close.empty() ? "use top-left, top-right, bottom-left or bottom-right"
                                 : "did you mean \"" + close + "\"?");
      }
    }
    r.finish();
  }

  void read_axis(const toml::table& t, TimelineStyle& style) {
    TableReader r(t, "[axis]", source_, diagnostics_);
    read_number(r, "min_tick_gap", style.min_tick_gap, 0, 500);
    if (auto v = r.boolean("breaks")) style.axis_breaks = *v;
    read_number(r, "break_max_event_share", style.break_max_event_share, 0, 1);
    read_number(r, "break_min_time_share", style.break_min_time_share, 0, 1);
    read_number(r, "compressed_width_share", style.compressed_width_share, 0.05, 0.5);
    r.finish();
  }

  void read_markers(const toml::table& t, TimelineStyle& style) {
    TableReader r(t, "[markers]", source_, diagnostics_);
    read_number(r, "size", style.marker_size, 1, 100);
    r.finish();
  }

  void read_themes(const toml::table& t, TimelineStyle& style) {
    for (const auto& [key, node] : t) {
      const std::string name(key.str());
      if (std::find(theme_names().begin(), theme_names().end(), name) == theme_names().end()) {
        std::string hint = closest_match(name, theme_names());
        diagnostics_.error(
            source_, range_of(key.source()), "unknown theme '" + name + "'",
            hint.empty() ? "themes are light, dark and print" : "did you mean '" + hint + "'?");
        continue;
      }
      const toml::table* table = node.as_table();
      if (!table) {
        diagnostics_.error(source_, range_of(node), "[theme." + name + "] must be a table");
        continue;
      }
      style.themes[name] = read_theme(*table, name);
    }
  }

  TimelineTheme read_theme(const toml::table& t, const std::string& name) {
    TimelineTheme theme = default_theme(name);
    TableReader r(t, "[theme." + name + "]", source_, diagnostics_);
    read_color(r, "background", theme.background);
    read_color(r, "text", theme.text);
    read_color(r, "muted_text", theme.muted_text);
    read_color(r, "axis", theme.axis);
    read_color(r, "grid", theme.grid);
    read_color(r, "lane_fill", theme.lane_fill);
    read_color(r, "scaled_band", theme.scaled_band);
    read_color(r, "changed", theme.changed);
    if (auto colors = r.string_array("lane_colors")) {
      std::vector<Color> parsed;
      for (const auto& text : *colors) {
        Color c;
        if (!parse_color(text, c)) {
          r.error_at(r.value_position("lane_colors"), "\"" + text + "\" is not a colour",
                     "write colours as \"#rrggbb\" or \"#rrggbbaa\"");
        }
        parsed.push_back(c);
      }
      if (colors->empty())
        r.error_at(r.value_position("lane_colors"), "'lane_colors' must not be empty");
      if (!parsed.empty()) theme.lane_colors = parsed;
    }
    if (auto v = r.boolean("lane_shapes")) theme.lane_shapes = *v;
    r.finish();
    return theme;
  }

  void check_fit(TableReader& top, TimelineStyle& style) {
    if (!show_title_) style.title_size = 0;
    if (style.margin_left + style.margin_right > style.width * 0.5 ||
        style.margin_top + style.margin_bottom > style.height * 0.5) {
      top.error_at(top.key_position("margins"),
                   "the margins leave less than half of the " + format_number(style.width) + " × " +
                       format_number(style.height) + " pt page for the timeline");
    }
  }

  SourceRef source_;
  Diagnostics& diagnostics_;
  bool show_title_ = true;
};

}  // namespace

std::optional<TimelineStyle> load_timeline_style_text(std::string_view text,
                                                      const std::string& file_name,
                                                      Diagnostics& diagnostics) {
  const SourceRef source = make_source(file_name, std::string(text));
  const auto root = parse_toml(source, diagnostics);
  if (!root) return std::nullopt;
  Diagnostics local;
  TimelineStyle style = StyleReader(source, local).read(*root);
  local.sort_by_position();
  diagnostics.append(local);
  if (local.has_errors()) return std::nullopt;
  if (style.name.empty()) style.name = std::filesystem::path(file_name).stem().string();
  return style;
}

std::optional<TimelineStyle> load_timeline_style(const std::string& path,
                                                 Diagnostics& diagnostics) {
  const FileContents file = read_file(path);
  if (!file.ok()) {
    std::string hint;
    if (path.rfind(layouts_directory() + "/", 0) == 0) {
      const std::string close =
          closest_match(std::filesystem::path(path).stem().string(), available_layouts());
      hint = close.empty() ? "presets:" : "did you mean '" + close + "'? presets:";
      for (const auto& name : available_layouts()) hint += " " + name;
    }
    diagnostics.error(make_source(path), {}, "cannot read the layout file: " + file.error, hint);
    return std::nullopt;
  }
  return load_timeline_style_text(file.bytes, path, diagnostics);
}

}  // namespace briefing
