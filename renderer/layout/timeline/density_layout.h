// Large data is aggregated, not dropped: past what labels can show, each
// lane becomes a density strip (items per month or per year, shaded by
// count, with a legend stating the bucket) and only highlights are
// labelled. Linear in the number of items. Points, origin top left, y down.
#pragma once

#include <cstddef>
#include <vector>

#include "layout/timeline/entries.h"
#include "layout/timeline/timeline_layout.h"
#include "layout/timeline/timeline_style.h"
#include "model/dataset.h"

namespace briefing::timeline_detail {

/// Beyond this many dated items a chart is drawn as density strips.
constexpr size_t kDensityThreshold = 2000;

/// The chart of `entries` (the selected dated items, chronological) as
/// density strips: title, bucket legend, one strip per lane with its title,
/// highlights marked on their strip and labelled under it (a highlight that
/// finds no room is in `omitted`), the axis. Every strip is a group tagged
/// "density" whose text names its lane and bucket; each bucket a rect in it.
TimelinePage layout_density_page(const Dataset& dataset, const TimelineStyle& style,
                                 const TimelineOptions& options, const std::vector<Entry>& entries,
                                 size_t undated_count);

}  // namespace briefing::timeline_detail
