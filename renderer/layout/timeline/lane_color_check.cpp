#include "layout/timeline/lane_color_check.h"

#include <algorithm>
#include <limits>

#include "base/suggest.h"
#include "layout/timeline/lanes.h"

namespace briefing {

void check_lane_color_keys(const Dataset& dataset, const TimelineStyle& style,
                           Diagnostics& diagnostics) {
  if (style.lane_color_keys.empty()) return;
  std::vector<const Item*> items;
  for (const Item& item : dataset.items) items.push_back(&item);
  std::vector<std::string> keys;
  for (const Lane& lane :
       group_into_lanes(items, dataset, style, std::numeric_limits<size_t>::max())) {
    if (!lane.key.empty()) keys.push_back(lane.key);
  }
  std::string listed;
  for (const std::string& key : keys) listed += "\"" + key + "\", ";
  listed += "\"other\"";
  keys.push_back("other");
  for (const auto& [key, place] : style.lane_color_keys) {
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    const std::string close = closest_match(key, keys);
    diagnostics.error(place.source, place.range,
                      "no lane has the key \"" + key + "\" in [lanes.colors]",
                      (close.empty() ? std::string() : "did you mean \"" + close + "\"? ") +
                          "the lanes are " + listed);
  }
}

}  // namespace briefing
