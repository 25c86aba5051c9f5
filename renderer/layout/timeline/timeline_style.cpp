#include "layout/timeline/timeline_style.h"

namespace briefing {

const std::vector<std::string>& theme_names() {
  static const std::vector<std::string> kNames = {"light", "dark", "print"};
  return kNames;
}
namespace {

Color rgb(int r, int g, int b) { return Color{r / 255.0, g / 255.0, b / 255.0, 1}; }

}  // namespace

std::vector<Color> okabe_ito_palette() {
  // Okabe & Ito (2008), without black (used for text) and yellow (too light
  // on white), ordered so that neighbouring lanes differ most.
  return {rgb(0, 114, 178), rgb(230, 159, 0),  rgb(0, 158, 115),  rgb(204, 121, 167),
          rgb(213, 94, 0),  rgb(86, 180, 233), rgb(120, 120, 120)};
}

TimelineTheme default_theme(const std::string& theme_name) {
  TimelineTheme theme;
  theme.lane_colors = okabe_ito_palette();
  if (theme_name == "dark") {
    theme.background = rgb(0x1b, 0x1f, 0x27);
    theme.text = rgb(0xf2, 0xf2, 0xf2);
    theme.muted_text = rgb(0xb8, 0xbe, 0xc8);
    theme.axis = rgb(0xd0, 0xd4, 0xdc);
    theme.grid = rgb(0x33, 0x39, 0x44);
    theme.lane_fill = rgb(0x23, 0x28, 0x32);
    theme.scaled_band = rgb(0x30, 0x2c, 0x22);
    theme.changed = rgb(0xff, 0x6b, 0x6b);
    // Lighter Okabe–Ito variants for contrast on a dark ground.
    theme.lane_colors = {rgb(86, 180, 233),  rgb(230, 159, 0),  rgb(0, 190, 140),
                         rgb(224, 150, 190), rgb(240, 120, 40), rgb(240, 228, 66),
                         rgb(180, 180, 180)};
  } else if (theme_name == "print") {
    theme.background = rgb(255, 255, 255);
    theme.text = rgb(0, 0, 0);
    theme.muted_text = rgb(0x40, 0x40, 0x40);
    theme.axis = rgb(0, 0, 0);
    theme.grid = rgb(0xd8, 0xd8, 0xd8);
    theme.lane_fill = rgb(0xf2, 0xf2, 0xf2);
    theme.scaled_band = rgb(0xe4, 0xe4, 0xe4);
    theme.changed = rgb(0, 0, 0);
    // Greys of distinct lightness; shapes tell lanes apart.
    theme.lane_colors = {rgb(0, 0, 0), rgb(0x55, 0x55, 0x55), rgb(0x88, 0x88, 0x88),
                         rgb(0x22, 0x22, 0x22), rgb(0x70, 0x70, 0x70)};
    theme.lane_shapes = true;
  }
  return theme;
}

const TimelineTheme& TimelineStyle::theme(const std::string& theme_name) const {
  if (auto it = themes.find(theme_name); it != themes.end()) return it->second;
  static const TimelineTheme light = default_theme("light");
  static const TimelineTheme dark = default_theme("dark");
  static const TimelineTheme print = default_theme("print");
  if (theme_name == "dark") return dark;
  if (theme_name == "print") return print;
  return light;
}

LaneGrouping parse_lane_grouping(const std::string& text, bool* ok) {
  if (ok) *ok = true;
  if (text == "section") return LaneGrouping::section;
  if (text == "kind") return LaneGrouping::kind;
  if (text == "issuer") return LaneGrouping::issuer;
  if (text == "none") return LaneGrouping::none;
  if (ok) *ok = false;
  return LaneGrouping::section;
}

const char* lane_grouping_name(LaneGrouping grouping) {
  switch (grouping) {
    case LaneGrouping::section:
      return "section";
    case LaneGrouping::kind:
      return "kind";
    case LaneGrouping::issuer:
      return "issuer";
    case LaneGrouping::none:
      return "none";
  }
  return "section";
}

}  // namespace briefing
