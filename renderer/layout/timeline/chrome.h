// A timeline page's own marks from the layout's [branding]: the heading (the
// layout's title over the dataset's, and a subtitle), the marking centred at
// the foot and the logo in its corner. The marking and the logo take their
// strips off the content area, so that nothing the chart places can meet
// them. Points, origin at the page's top left, y down.
#pragma once

#include <string>

#include "layout/timeline/timeline_layout.h"
#include "layout/timeline/timeline_style.h"
#include "model/dataset.h"

namespace briefing::timeline_detail {

/// The area inside the margins.
Rect page_canvas(const TimelineStyle& style, double width, double height);

/// Where the chart goes: the canvas less the strips of the marking and the logo.
Rect content_area(const TimelineStyle& style, double width, double height);

/// Adds the marking (tagged "marking") and the logo (tagged "logo") of a
/// page `width` × `height` points to `out`; nothing without branding.
void add_chrome(const TimelineStyle& style, double width, double height, TimelinePage& out);

/// Adds the chart's title (tagged "title") and subtitle ("subtitle") at
/// `top` of `area`, at `title_size` (0: none); returns where the chart
/// continues and sets `box` to the heading's extent (zero width: none).
double add_heading(const Dataset& dataset, const TimelineStyle& style, const TimelineTheme& theme,
                   double title_size, const Rect& area, double top, TimelinePage& out, Rect& box);

/// The title the chart shows: the layout's, else the dataset's.
const std::string& chart_title(const TimelineStyle& style, const Dataset& dataset);

}  // namespace briefing::timeline_detail
