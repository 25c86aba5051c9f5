#include "layout/timeline/figure_description.h"

#include <algorithm>
#include <set>

namespace briefing {
namespace {

constexpr size_t kNamedHighlights = 8;  // more are counted, not named

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? separator : "") + parts[i];
  return out;
}

// The milestone a marker stands for: its tag says "ISO-DATE LABEL" (or the
// date alone, in the density view).
const Milestone* milestone_of(const Item& item, const std::string& marker_text) {
  for (const Milestone& m : item.milestones) {
    const std::string iso = m.date.iso();
    if (marker_text == iso || marker_text == iso + " " + m.label) return &m;
  }
  return nullptr;
}

}  // namespace

std::string timeline_description(const Dataset& dataset, const std::vector<DisplayItem>& items,
                                 const Messages& words) {
  std::vector<std::string> lanes;
  std::vector<const Item*> shown;  // in the order first drawn
  std::set<std::string> seen;
  std::vector<std::pair<const Item*, const Milestone*>> milestones;
  for_each_item(items, [&](const DisplayItem& item, Point) {
    const Tag* tag = tag_of(item);
    if (!tag) return;
    if (tag->kind == "lane" && !tag->text.empty() &&
        std::find(lanes.begin(), lanes.end(), tag->text) == lanes.end())
      lanes.push_back(tag->text);
    if (tag->kind != "marker" || tag->item_id.empty()) return;
    const Item* found = dataset.find_item(tag->item_id);
    if (!found) return;
    if (const Milestone* m = milestone_of(*found, tag->text)) milestones.emplace_back(found, m);
    if (seen.insert(found->id).second) shown.push_back(found);
  });
  if (milestones.empty()) return words.get("figure.alt_empty");
  const auto [earliest, latest] = std::minmax_element(
      milestones.begin(), milestones.end(),
      [](const auto& a, const auto& b) { return a.second->date < b.second->date; });
  const std::string separator = words.get("figure.list_separator");
  std::string text =
      words.get("figure.alt", {{"items", words.count("figure.alt_items", shown.size())},
                               {"lanes", words.count("figure.alt_lanes", lanes.size(),
                                                     {{"titles", joined(lanes, separator)}})},
                               {"first", words.date(earliest->second->date)},
                               {"last", words.date(latest->second->date)}});
  std::vector<std::string> highlights;
  size_t highlighted = 0;
  for (const Item* item : shown) {
    if (!item->highlight) continue;
    ++highlighted;
    if (highlights.size() >= kNamedHighlights) continue;
    std::vector<std::string> dates;
    for (const auto& [owner, m] : milestones) {
      if (owner == item) dates.push_back(m->label + " " + words.date(m->date));
    }
    highlights.push_back(item->title + " (" + joined(dates, ", ") + ")");
  }
  if (!highlights.empty()) {
    std::string list = joined(highlights, separator);
    if (highlighted > highlights.size())
      list +=
          words.get("figure.and_more", {{"n", std::to_string(highlighted - highlights.size())}});
    text += words.get("figure.alt_highlights", {{"list", list}});
  }
  return text;
}

}  // namespace briefing
