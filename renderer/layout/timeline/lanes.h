// Swimlanes: items grouped by section, kind or issuer (packing.h
// places them inside their lane).
#pragma once

#include <string>
#include <vector>

#include "layout/timeline/timeline_style.h"
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

}  // namespace briefing
