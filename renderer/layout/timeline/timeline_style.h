// How a timeline looks: a layout preset (layouts/*.toml) as plain data.
// Sizes are points (1/72 in), y down.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/font_request.h"
#include "base/source_place.h"
#include "layout/display_list.h"

namespace briefing {

/// Colours for one theme (light, dark, print).
struct TimelineTheme {
  Color background{1, 1, 1, 1};
  Color text{0.1, 0.1, 0.1, 1};
  Color muted_text{0.35, 0.35, 0.35, 1};  // dates, tick labels, legend
  Color axis{0.25, 0.25, 0.25, 1};
  Color grid{0.88, 0.88, 0.88, 1};
  Color lane_fill{0.96, 0.96, 0.96, 1};    // alternate lane shading
  Color scaled_band{0.93, 0.93, 0.86, 1};  // the compressed ("scale ×N") part of the axis
  Color changed{0.84, 0.15, 0.16, 1};      // "new" / "changed" badges
  std::vector<Color> lane_colors;          // cycled; Okabe–Ito by default
  /// Distinct marker shapes per lane (circle, square, triangle, diamond, ...)
  /// so that lanes read in greyscale.
  bool lane_shapes = false;
};

enum class LaneGrouping { section, kind, issuer, none };

/// A layout's own marks on every timeline page and deck slide (all optional):
/// a title and subtitle in place of the dataset's title, a status or
/// classification marking centred at the foot, and a logo in a corner. The
/// marking and the logo take their room off the content area
/// (layout/timeline/chrome.h). Sizes in points.
struct TimelineBranding {
  std::string title;     // replaces the dataset's title; empty: the dataset's
  std::string subtitle;  // under the title; empty: none
  std::string marking;   // "DRAFT", "OFFICIAL"; empty: none
  Color marking_color{0.70, 0.10, 0.12, 1};
  double marking_size = 12;  // points; slides are read from the back of a room
  ImagePtr logo;             // null: none
  double logo_height = 28;   // points; the width follows the image's aspect ratio
  enum class Corner { top_left, top_right, bottom_left, bottom_right };
  Corner logo_corner = Corner::bottom_right;

  bool has_foot() const;  // a marking, or a logo in a bottom corner
};

struct TimelineStyle {
  std::string name;     // preset name, e.g. "slide-16x9"
  double width = 960;   // points
  double height = 540;  // points
  double margin_top = 28, margin_right = 28, margin_bottom = 28, margin_left = 28;

  FontRequest fonts;                      // the layout's own font folders and files
  std::string font_family = "Noto Sans";  // labels, ticks, legend
  std::string title_family = "Noto Sans";
  double title_size = 20;  // 0 = no title
  double label_size = 11;  // item titles
  double date_size = 9;    // milestone dates under titles
  double tick_size = 10;
  double lane_title_size = 10;
  double legend_size = 10;
  double min_text_size = 7;             // labels shrink down to this, then are omitted
  double highlight_label_size = 16;     // item titles with --highlights
  double highlight_min_text_size = 14;  // with --highlights no text is smaller
  double label_max_width = 150;         // wrap width for titles, points
  double marker_size = 7;               // diameter of a day marker, points

  LaneGrouping lanes = LaneGrouping::section;
  int section_depth = 2;  // for section lanes: group by the ancestor at this depth
  bool show_legend = true;
  bool show_lane_titles = true;
  /// [lanes.colors]: a lane's own colour, by the lane's key (a section id at
  /// the grouping depth, a kind, an issuer's name, "other"); the theme's
  /// palette for the rest. An item's own `colour` (data) wins over both.
  std::map<std::string, Color> lane_color_overrides;
  /// Where each of those keys stands in its layout file: a key that matches
  /// no lane of the data is reported there (layout/timeline/lane_color_check.h).
  std::map<std::string, SourcePlace> lane_color_keys;

  TimelineBranding branding;

  // Axis
  double min_tick_gap = 12;  // points between neighbouring tick labels
  /// Compress stretches of time with few events into a marked "scale ×N" band
  /// when the events crowd a part of the range.
  bool axis_breaks = true;
  /// A span is compressed when it holds at most this fraction of the events
  /// and at least `break_min_fraction` of the total time.
  double break_max_event_share = 0.2;
  double break_min_time_share = 0.3;
  double compressed_width_share = 0.22;  // width given to the compressed part

  double pixels_per_point = 2;  // PNG at --scale 1

  std::map<std::string, TimelineTheme> themes;  // "light", "dark", "print"

  /// The named theme, or the light default when the preset lacks it.
  const TimelineTheme& theme(const std::string& theme_name) const;
};

/// The themes every preset offers: "light", "dark", "print".
const std::vector<std::string>& theme_names();

/// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
std::vector<Color> okabe_ito_palette();
/// Built-in defaults for "light", "dark" and "print".
TimelineTheme default_theme(const std::string& theme_name);

LaneGrouping parse_lane_grouping(const std::string& text, bool* ok);
const char* lane_grouping_name(LaneGrouping grouping);

}  // namespace briefing
