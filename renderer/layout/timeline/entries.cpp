// Which items a timeline shows, in which order, and where their marks reach.
#include "layout/timeline/entries.h"

#include <algorithm>
#include <limits>

namespace briefing {

bool item_matches_filters(const Item& item, const std::vector<std::string>& only) {
  if (only.empty()) return true;
  for (const auto& filter : only) {
    if (item.kind == filter) return true;
    if (std::find(item.tags.begin(), item.tags.end(), filter) != item.tags.end()) return true;
    if (item.section == filter || item.section.rfind(filter + ".", 0) == 0) return true;
  }
  return false;
}

namespace timeline_detail {

std::vector<Entry> select_entries(const Dataset& dataset, const TimelineOptions& options,
                                  size_t& undated_count) {
  std::vector<Entry> entries;
  const DayNumber from = options.from ? options.from->first_day() : -1000000000L;
  const DayNumber to = options.to ? options.to->last_day() : 1000000000L;
  for (const Item& item : dataset.items) {
    if (!item_matches_filters(item, options.only)) continue;
    if (options.highlights_only && !item.highlight) continue;
    if (!options.item_ids.empty() && !options.item_ids.count(item.id)) continue;
    if (!item.is_dated()) {
      ++undated_count;
      continue;
    }
    Entry entry;
    entry.item = &item;
    for (const Milestone& m : item.milestones) {
      if (m.date.last_day() >= from && m.date.first_day() <= to) entry.milestones.push_back(&m);
    }
    if (!entry.milestones.empty()) entries.push_back(std::move(entry));
  }
  // Chronological: by first visible milestone, then document order.
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.milestones.front()->date < b.milestones.front()->date;
  });
  return entries;
}

std::vector<const Item*> items_in_order(const std::vector<Entry>& entries) {
  std::vector<const Item*> items;
  for (const auto& e : entries) items.push_back(e.item);
  return items;
}

Entry& entry_for(std::vector<Entry>& entries, const Item* item) {
  for (auto& e : entries) {
    if (e.item == item) return e;
  }
  return entries.front();
}

std::string tag_for(const Entry& e, const TimelineOptions& options) {
  if (options.added_ids.count(e.item->id)) return "NEW";
  if (options.changed_ids.count(e.item->id)) return "CHANGED";
  return "";
}

std::pair<double, double> milestone_extent(const Milestone& m, const TimeScale& scale,
                                           double marker) {
  const double a = scale.x(static_cast<double>(m.date.first_day()));
  switch (m.date.precision()) {
    case DatePrecision::year:
      return {a, std::max(scale.x_end(m.date.last_day()), a + 3)};
    case DatePrecision::month: {
      const double b = scale.x_end(m.date.last_day());
      if (b - a >= 3) return {a, b};
      return {(a + b) / 2 - 1.5, (a + b) / 2 + 1.5};
    }
    case DatePrecision::day:
      break;
  }
  const double c = scale.x(static_cast<double>(m.date.first_day()) + 0.5);
  return {c - marker / 2, c + marker / 2};
}

void mark_extent(Entry& e, const TimeScale& scale, double marker) {
  e.xs = std::numeric_limits<double>::infinity();
  e.xe = -e.xs;
  for (const Milestone* m : e.milestones) {
    const auto [a, b] = milestone_extent(*m, scale, marker);
    e.xs = std::min(e.xs, a);
    e.xe = std::max(e.xe, b);
  }
}

}  // namespace timeline_detail
}  // namespace briefing
