// The dated entries of a timeline: which items are drawn (filters, --from /
// --to, highlights), in which order, with which NEW/CHANGED tag, and how far
// their marks reach along the axis. Points, y down.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "layout/timeline/scale.h"
#include "layout/timeline/timeline_layout.h"
#include "model/dataset.h"

namespace briefing::timeline_detail {

/// One dated item on the chart.
struct Entry {
  const Item* item = nullptr;
  std::vector<const Milestone*> milestones;  // those inside the visible range
  size_t lane = 0;
  double xs = 0, xe = 0;  // extent of its marks, points
  double y = -1;          // its mark line, points; < 0: not drawn
};

/// The items of `dataset` that pass `options`' filters and have a milestone
/// in the visible range, chronological (then in document order). Items
/// without a date are counted in `undated_count`.
std::vector<Entry> select_entries(const Dataset& dataset, const TimelineOptions& options,
                                  size_t& undated_count);

/// The entries' items, in the entries' order.
std::vector<const Item*> items_in_order(const std::vector<Entry>& entries);

/// The entry of `item` (the first entry when none is).
Entry& entry_for(std::vector<Entry>& entries, const Item* item);

/// "NEW" or "CHANGED" for items marked by a comparison, else "".
std::string tag_for(const Entry& e, const TimelineOptions& options);

/// The horizontal extent of the mark of one milestone, as the marks are
/// drawn, points; `marker` is the marker size.
std::pair<double, double> milestone_extent(const Milestone& m, const TimeScale& scale,
                                           double marker);

/// Sets `e.xs` and `e.xe` to the extent of all its marks.
void mark_extent(Entry& e, const TimeScale& scale, double marker);

}  // namespace briefing::timeline_detail
