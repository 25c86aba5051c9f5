#include "layout/timeline/filter_check.h"

#include <algorithm>
#include <set>

#include "base/suggest.h"
#include "layout/timeline/timeline_layout.h"

namespace briefing {
namespace {

std::string joined(const std::set<std::string>& words, size_t at_most = 12) {
  std::string out;
  size_t n = 0;
  for (const auto& w : words) {
    if (n == at_most) {
      out += ", … (" + std::to_string(words.size() - at_most) + " more)";
      break;
    }
    out += (n++ ? ", " : "") + w;
  }
  return out.empty() ? "none" : out;
}

}  // namespace

void check_filters(const Dataset& dataset, const std::vector<std::string>& only,
                   const SourceRef& file, Diagnostics& diagnostics) {
  std::set<std::string> tags, kinds, sections;
  for (const Item& item : dataset.items) {
    tags.insert(item.tags.begin(), item.tags.end());
    if (!item.kind.empty()) kinds.insert(item.kind);
  }
  for (const Section& section : dataset.sections) sections.insert(section.id);
  std::vector<std::string> candidates(tags.begin(), tags.end());
  candidates.insert(candidates.end(), kinds.begin(), kinds.end());
  candidates.insert(candidates.end(), sections.begin(), sections.end());
  for (const std::string& filter : only) {
    const bool matches =
        std::any_of(dataset.items.begin(), dataset.items.end(),
                    [&](const Item& item) { return item_matches_filters(item, {filter}); });
    if (matches) continue;
    const std::string close = closest_match(filter, candidates);
    diagnostics.error(file, {}, "the filter '" + filter + "' (--only) matches no item",
                      (close.empty() ? std::string() : "did you mean '" + close + "'? ") +
                          "tags: " + joined(tags) + "; kinds: " + joined(kinds) +
                          "; sections: " + joined(sections));
  }
}

}  // namespace briefing
