#include "model/dataset.h"

#include <algorithm>

namespace briefing {

const std::string& Item::primary_href() const {
  static const std::string kNone;
  return links.empty() ? kNone : links.front().href;
}

int Section::depth() const { return 1 + static_cast<int>(std::count(id.begin(), id.end(), '.')); }

std::string Section::parent_id() const {
  const auto dot = id.rfind('.');
  return dot == std::string::npos ? std::string() : id.substr(0, dot);
}

const std::vector<std::string>& built_in_kinds() {
  static const std::vector<std::string> kKinds = {
      "principle", "strategy",  "agreement",    "report", "law",
      "guideline", "guidebook", "organisation", "plan",   "study"};
  return kKinds;
}

std::vector<std::string> Dataset::kinds() const {
  std::vector<std::string> all = built_in_kinds();
  for (const std::string& kind : vocabulary.kinds) {
    if (std::find(all.begin(), all.end(), kind) == all.end()) all.push_back(kind);
  }
  return all;
}

const Section* Dataset::find_section(const std::string& id) const {
  return section_index_.find(sections, id);
}

const Item* Dataset::find_item(const std::string& id) const { return item_index_.find(items, id); }

size_t Dataset::milestone_count() const {
  size_t n = 0;
  for (const auto& item : items) n += item.milestones.size();
  return n;
}

size_t Dataset::link_count() const {
  size_t n = 0;
  for (const auto& item : items) n += item.links.size();
  return n;
}

std::time_t publication_time(const Dataset& dataset) {
  constexpr std::time_t kSecondsPerDay = 86400;
  return static_cast<std::time_t>(dataset.published.first_day()) * kSecondsPerDay;
}

size_t Dataset::note_count() const {
  size_t n = 0;
  for (const auto& item : items) n += item.notes.size();
  return n;
}

}  // namespace briefing
