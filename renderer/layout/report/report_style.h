// How a briefing report looks: paper, margins, fonts, sizes, colours and
// which parts appear. Filled from layouts/briefing-*.toml. Lengths in points.
#pragma once

#include <map>
#include <string>

#include "base/font_request.h"
#include "base/source_place.h"
#include "layout/display_list.h"

namespace briefing {

struct ReportStyle {
  std::string name = "briefing-a4";
  /// The language of the words the report adds (layouts/messages/LANG.toml);
  /// empty: the dataset's.
  std::string language;

  // Paper and the text area's margins (the running header and footer sit in
  // the top and bottom margins).
  double page_width = 595.276, page_height = 841.89;
  double margin_top = 70.87, margin_bottom = 70.87;  // 25 mm
  double margin_left = 70.87, margin_right = 70.87;

  // Fonts: families of the bundled fonts or of the layout's own (`fonts`);
  // sizes in points.
  FontRequest fonts;
  std::string body_family = "Noto Serif";
  std::string heading_family = "Noto Sans";
  double body_size = 10.5;
  double title_size = 26;     // cover title
  double heading1_size = 16;  // top-level section headings
  double heading2_size = 13;
  double heading3_size = 11.5;  // deeper sections
  double item_title_size = 11;
  double meta_size = 8.5;  // issuers and dates under an item title
  double footnote_size = 8;
  double table_size = 8.5;
  double running_size = 8;  // header and footer
  /// Body leading as a multiple of the font's natural line height.
  double line_spacing = 1.0;

  Color text{0.10, 0.10, 0.12, 1};
  Color muted{0.38, 0.40, 0.44, 1};
  Color accent{0.10, 0.27, 0.47, 1};
  Color rule{0.75, 0.77, 0.80, 1};
  Color link{0.08, 0.32, 0.60, 1};
  Color table_header{0.90, 0.92, 0.95, 1};
  Color table_stripe{0.965, 0.97, 0.98, 1};
  Color highlight{0.80, 0.45, 0.10, 1};

  // Branding: lines on the cover, a marking on every page ("DRAFT",
  // "OFFICIAL"); empty strings are left out.
  std::string organisation;  // above the kicker
  std::string subtitle;      // under the title
  std::string author;        // under the publisher
  std::string marking;       // centred at the foot of every page and on the cover
  Color marking_color{0.70, 0.10, 0.12, 1};
  Color cover_band{0, 0, 0, 0};  // a band across the cover's top; transparent: none
  /// [lanes.colors]: lane colours for the figure, by lane key (as in a
  /// timeline layout), over the figure layout's.
  std::map<std::string, Color> lane_colors;
  std::map<std::string, SourcePlace> lane_color_keys;  // where each stands in the layout
  ImagePtr logo;                                       // at the top of the cover; null: none
  double logo_height = 42.52;  // points (15 mm); narrower when the text width asks

  // Parts, in the order they appear.
  bool cover = true;
  bool contents = true;
  bool contents_items = true;  // list items under their sections in the contents
  bool figure = true;
  std::string figure_layout = "report-figure";
  bool chronology = true;

  // Typesetting.
  bool justify = true;
  bool hyphenate = true;
  int orphans = 2;  // fewest lines of a paragraph left at a page's foot
  int widows = 2;   // fewest lines carried to the next page
  /// Sections at this depth or shallower start on a new page (0: never).
  int section_page_break_depth = 1;

  double text_width() const { return page_width - margin_left - margin_right; }
  double text_height() const { return page_height - margin_top - margin_bottom; }
};

}  // namespace briefing
