// A [lanes.colors] key that names no lane of the data is a mistake (a typo,
// or a grouping other than the one meant): an error at the key in the layout
// file. Judged here, where the layout meets the data, since lanes come from
// the dataset and the grouping.
#pragma once

#include "base/diagnostic.h"
#include "layout/timeline/timeline_style.h"
#include "model/dataset.h"

namespace briefing {

/// One error per key of `style.lane_color_keys` that is neither "other" nor
/// the key of a lane of `dataset` (all its items, before any filter, so that
/// a filtered chart keeps its layout valid), with the nearest lane key.
void check_lane_color_keys(const Dataset& dataset, const TimelineStyle& style,
                           Diagnostics& diagnostics);

}  // namespace briefing
