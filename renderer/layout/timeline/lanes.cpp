#include "layout/timeline/lanes.h"

#include <algorithm>
#include <map>

#include "text/bidi.h"
#include "text/messages.h"

namespace briefing {
namespace {

std::string ancestor_at_depth(const std::string& section_id, int depth) {
  size_t position = 0;
  for (int d = 0; d < depth; ++d) {
    position = section_id.find('.', position);
    if (position == std::string::npos) return section_id;
    if (d + 1 < depth) ++position;
  }
  return section_id.substr(0, position);
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

}  // namespace

std::vector<Lane> group_into_lanes(const std::vector<const Item*>& items, const Dataset& dataset,
                                   const TimelineStyle& style, size_t max_lanes) {
  std::vector<Lane> lanes;
  std::map<std::string, size_t> index;
  auto lane_for = [&](const std::string& key, const std::string& title) -> Lane& {
    auto [it, added] = index.emplace(key, lanes.size());
    if (added) lanes.push_back({key, title, {}});
    return lanes[it->second];
  };
  for (const Item* item : items) {
    switch (style.lanes) {
      case LaneGrouping::section: {
        const std::string key = ancestor_at_depth(item->section, style.section_depth);
        const Section* section = dataset.find_section(key);
        // The number left of the title, as in the report's headings.
        lane_for(key, section ? left_to_right_phrase(key + " " + isolated(section->title)) : key)
            .items.push_back(item);
        break;
      }
      case LaneGrouping::kind:
        lane_for(item->kind, capitalised(item->kind)).items.push_back(item);
        break;
      case LaneGrouping::issuer: {
        const std::string key = item->issuers.empty() ? std::string() : item->issuers.front();
        lane_for(key, key.empty() ? document_messages().get("timeline.issuer_not_named") : key)
            .items.push_back(item);
        break;
      }
      case LaneGrouping::none:
        lane_for("", "").items.push_back(item);
        break;
    }
  }
  if (style.lanes == LaneGrouping::section) {
    // Document order of the sections, not of first appearance.
    auto order = [&](const Lane& lane) {
      for (size_t i = 0; i < dataset.sections.size(); ++i) {
        if (dataset.sections[i].id == lane.key) return i;
      }
      return dataset.sections.size();
    };
    std::stable_sort(lanes.begin(), lanes.end(),
                     [&](const Lane& a, const Lane& b) { return order(a) < order(b); });
  }
  if (lanes.size() > max_lanes && max_lanes >= 2) {
    // Keep the largest lanes (in their order); merge the rest into "Other".
    std::vector<size_t> by_size(lanes.size());
    for (size_t i = 0; i < by_size.size(); ++i) by_size[i] = i;
    std::stable_sort(by_size.begin(), by_size.end(), [&](size_t a, size_t b) {
      return lanes[a].items.size() > lanes[b].items.size();
    });
    std::vector<bool> keep(lanes.size(), false);
    for (size_t i = 0; i + 1 < max_lanes; ++i) keep[by_size[i]] = true;
    std::vector<Lane> kept;
    Lane other{"(other)", document_messages().get("timeline.other_lane"), {}};
    for (size_t i = 0; i < lanes.size(); ++i) {
      if (keep[i])
        kept.push_back(std::move(lanes[i]));
      else
        other.items.insert(other.items.end(), lanes[i].items.begin(), lanes[i].items.end());
    }
    // Keep the original item order inside "Other".
    std::stable_sort(other.items.begin(), other.items.end(), [&](const Item* a, const Item* b) {
      return std::find(items.begin(), items.end(), a) < std::find(items.begin(), items.end(), b);
    });
    kept.push_back(std::move(other));
    lanes = std::move(kept);
  }
  return lanes;
}

}  // namespace briefing
