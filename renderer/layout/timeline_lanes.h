// Swimlanes: items grouped by section, kind or issuer, and packed into rows
// (tracks) so that no two items' footprints share a row. Points, y down.
#pragma once

#include <string>
#include <vector>

#include "layout/timeline_style.h"
#include "model/dataset.h"

namespace briefing {

struct Lane {
  std::string key;                 // section id, kind, issuer; "" for the single lane of `none`
  std::string title;               // for the lane title and legend
  std::vector<const Item*> items;  // in the order given
};

/// Groups `items` (kept in their order) into lanes; lanes ordered by first
/// appearance (sections by document order). Beyond `max_lanes`, the smallest
/// lanes merge into one titled "Other".
std::vector<Lane> group_into_lanes(const std::vector<const Item*>& items, const Dataset& dataset,
                                   const TimelineStyle& style, size_t max_lanes = 8);

/// A horizontal interval taken in a row, points.
struct Footprint {
  double x0 = 0, x1 = 0;
};

/// First-fit interval packing: each entry lists alternative footprints (e.g.
/// label right of the marks, label left of them); the entry takes the first
/// row, and in it the first alternative, that touches nothing there.
/// `reserved` pre-occupies row 0 (e.g. the lane title). Returns, per entry,
/// {row, alternative}; `row_count` receives the number of rows used.
std::vector<std::pair<int, int>> pack_rows(const std::vector<std::vector<Footprint>>& entries,
                                           double gap, const std::vector<Footprint>& reserved,
                                           int& row_count);

}  // namespace briefing
