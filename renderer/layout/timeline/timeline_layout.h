// Timeline graphics: dated items on a proportional time axis, in lanes, with
// collision-free labels. Pure geometry: measures text, never draws.
// Coordinates are points, origin at the figure's top left, y down.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/layout_result.h"
#include "layout/timeline/timeline_style.h"
#include "model/dataset.h"
#include "model/partial_date.h"

namespace briefing {

struct TimelineOptions {
  std::optional<PartialDate> from, to;
  std::vector<std::string>
      only;  // FILTERs: tag, kind or section id (an item matches if any filter matches)
  bool highlights_only = false;
  std::string theme = "light";  // light | dark | print
  bool allow_omissions = false;
  double width = 0, height = 0;  // points; 0 = the preset's size (the report passes its text width)
  std::set<std::string> added_ids, changed_ids;  // items to mark as new / changed (may be empty)
  /// When not empty, only these items (besides the filters): one slide of a
  /// deck (layout/timeline/deck_layout.h).
  std::set<std::string> item_ids;
  /// Of the items shown, these are drawn as marks alone where the labelled
  /// ones leave room (a deck's overview): never labelled, never counted as
  /// left out.
  std::set<std::string> marks_only_ids;
};

struct TimelineOmission {
  std::string item_id;
  std::string title;
  std::string reason;
};

/// Lays out the dated items of `dataset` that pass `options`' filters as a
/// one-page document. Diagnostics: each label left out (an error, or a
/// warning with allow_omissions) at its item's title; undated items and an
/// empty selection (warnings).
LayoutResult layout_timeline(const Dataset& dataset, const TimelineStyle& style,
                             const TimelineOptions& options);

/// The timeline's page alone and what it left out: what the report's figure
/// builds on (and layout_timeline wraps).
struct TimelinePage {
  Page page;  // one page of display items, origin top-left, points; every item that
              // stands for something is tagged (label, marker, tick-label, lane-title,
              // legend, title, lane), which --layout-dump lists
  std::vector<TimelineOmission>
      omitted;               // labels that could not be placed at the minimum text size
  size_t undated_count = 0;  // items left out because they have no date
  Color background;
};

TimelinePage layout_timeline_page(const Dataset& dataset, const TimelineStyle& style,
                                  const TimelineOptions& options);

/// True if `item` passes the filters (tag, kind or section id — a section
/// filter also matches its sub-sections; an empty list passes everything).
bool item_matches_filters(const Item& item, const std::vector<std::string>& only);

}  // namespace briefing
