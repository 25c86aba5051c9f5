#include "layout/timeline/packing.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace briefing {
namespace {

/// The boxes placed so far, of every item and the reserved ones, sorted by
/// their top. In that order the lines each box blocks come out sorted by
/// their start, so a query sweeps them once, without sorting, and stops at
/// the first free line: linear in the boxes above the answer, not
/// n log n in all of them.
class PlacedBoxes {
 public:
  struct Entry {
    Rect box;
    size_t owner;
  };

  void insert(const std::vector<Rect>& boxes, size_t owner) {
    for (const Rect& box : boxes) {
      const auto at = std::upper_bound(entries_.begin(), entries_.end(), box.y,
                                       [](double y, const Entry& e) { return y < e.box.y; });
      entries_.insert(at, {box, owner});
    }
  }
  void remove(size_t owner) {
    entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                  [&](const Entry& e) { return e.owner == owner; }),
                   entries_.end());
  }
  const std::vector<Entry>& entries() const { return entries_; }
  double bottom() const {
    double b = 0;
    for (const Entry& e : entries_) b = std::max(b, e.box.bottom());
    return b;
  }

 private:
  std::vector<Entry> entries_;
};

/// The highest line (smallest y, at least `lowest`) at which every box of
/// `alternative` keeps the settings' clearance from every placed box (except
/// those of item `skip`). Returns early with a line beyond `give_up` once the
/// answer is known to lie there.
double first_free_line(const PackAlternative& alternative, const PlacedBoxes& placed, size_t skip,
                       double lowest, double give_up, const PackSettings& settings) {
  // Lines blocked by a placed box form an open interval (start, end); the
  // answer is the first point at or after `lowest` outside their union. One
  // cursor per box of the alternative walks the placed boxes top down; the
  // cursors are merged by the start of the interval they block.
  const auto& entries = placed.entries();
  struct Cursor {
    const Rect* box;
    size_t next;
  };
  std::vector<Cursor> cursors;
  cursors.reserve(alternative.boxes.size());
  auto blocks = [&](const Rect& box, const PlacedBoxes::Entry& e) {
    return e.owner != skip && box.x < e.box.right() + settings.gap_x &&
           e.box.x < box.right() + settings.gap_x;
  };
  auto advance = [&](Cursor& c) {
    while (c.next < entries.size() && !blocks(*c.box, entries[c.next])) ++c.next;
  };
  for (const Rect& box : alternative.boxes) {
    cursors.push_back({&box, 0});
    advance(cursors.back());
  }
  double line = lowest;
  constexpr double kEpsilon = 1e-6;
  while (true) {
    Cursor* first = nullptr;
    double start = 0;
    for (Cursor& c : cursors) {
      if (c.next >= entries.size()) continue;
      const double s = entries[c.next].box.y - c.box->bottom() - settings.gap_y;
      if (!first || s < start) {
        first = &c;
        start = s;
      }
    }
    if (!first || start >= line - kEpsilon) break;
    const double end = entries[first->next].box.bottom() - first->box->y + settings.gap_y;
    if (end > line) {
      line = end;
      if (line > give_up) break;
    }
    ++first->next;
    advance(*first);
  }
  return line;
}

struct Best {
  int alternative = -1;
  double line = 0;
  double bottom = 0;
};

/// Of `item`'s alternatives, the one that reaches least far down (plus its
/// penalty) where it fits; alternative -1 if none fits under the height limit.
Best best_position(const PackItem& item, const PlacedBoxes& placed, size_t skip,
                   const PackSettings& settings) {
  Best best;
  double best_score = std::numeric_limits<double>::infinity();
  for (size_t a = 0; a < item.alternatives.size(); ++a) {
    const PackAlternative& alternative = item.alternatives[a];
    if (alternative.boxes.empty()) continue;
    double top = 0, bottom = 0;  // of the boxes relative to the line
    for (const Rect& box : alternative.boxes) {
      top = std::min(top, box.y);
      bottom = std::max(bottom, box.bottom());
    }
    // Lines a point beyond the height limit certainly do not fit: no need to find the exact one.
    const double give_up = settings.max_height - bottom + 1;
    const double line = first_free_line(alternative, placed, skip, -top, give_up, settings);
    if (line + bottom > settings.max_height + 1e-9) continue;
    const double score = line + bottom + alternative.penalty;
    if (score < best_score - 1e-9) {
      best_score = score;
      best = {static_cast<int>(a), line, line + bottom};
    }
  }
  return best;
}

std::vector<Rect> boxes_at(const PackAlternative& alternative, double line) {
  std::vector<Rect> boxes = alternative.boxes;
  for (Rect& box : boxes) box.y += line;
  return boxes;
}

}  // namespace

double stacked_height(const std::vector<Rect>& common, const PackSettings& settings) {
  // Two boxes conflict when their spans [x, right + gap_x) meet; boxes that
  // conflict pairwise share a point, so the tallest stack is the most
  // height (plus clearance) over any one point. Ends sort before starts at
  // the same x: half-open spans that only touch do not meet.
  std::vector<std::pair<double, double>> events;  // (x, +height or -height)
  for (const Rect& box : common) {
    events.emplace_back(box.x, box.height + settings.gap_y);
    events.emplace_back(box.right() + settings.gap_x, -(box.height + settings.gap_y));
  }
  std::sort(events.begin(), events.end());
  double stack = 0, tallest = 0;
  for (const auto& [x, height] : events) {
    stack += height;
    tallest = std::max(tallest, stack);
  }
  return std::max(0.0, tallest - settings.gap_y);
}

LanePacking pack_lane(const std::vector<PackItem>& items, const std::vector<size_t>& order,
                      const std::vector<Rect>& reserved, const PackSettings& settings) {
  LazyPackItems lazy;
  lazy.common.resize(items.size());
  lazy.item = [&](size_t i) -> const PackItem& { return items[i]; };
  return pack_lane(lazy, order, reserved, settings);
}

LanePacking pack_lane(const LazyPackItems& source, const std::vector<size_t>& order,
                      const std::vector<Rect>& reserved, const PackSettings& settings) {
  const size_t count = source.common.size();
  LanePacking result;
  result.placements.assign(count, {});
  std::vector<const PackItem*> made(count, nullptr);
  auto item = [&](size_t i) -> const PackItem& {
    if (!made[i]) made[i] = &source.item(i);
    return *made[i];
  };
  // Every item's boxes; the reserved ones belong to one more owner, `count`.
  PlacedBoxes placed;
  placed.insert(reserved, count);
  std::vector<double> bottoms(count, 0);
  const bool limited = settings.max_height < 1e299;
  for (size_t index : order) {
    if (limited && !made[index] && !source.common[index].empty()) {
      // Every alternative holds these boxes and starts no higher: where
      // they alone cannot fit, no alternative can (nor after the greedy
      // pass, which only moves placed items).
      const PackAlternative common{source.common[index], 0};
      double top = 0, bottom = 0;
      for (const Rect& box : common.boxes) {
        top = std::min(top, box.y);
        bottom = std::max(bottom, box.bottom());
      }
      const double line = first_free_line(common, placed, count + 1, -top,
                                          settings.max_height - bottom + 1, settings);
      if (line + bottom > settings.max_height + 1e-9) continue;
    }
    const Best best = best_position(item(index), placed, count + 1, settings);
    if (best.alternative < 0) continue;
    if (best.bottom > settings.overflow_height) {
      result.overflowed = true;
      result.height = std::max(placed.bottom(), best.bottom);
      return result;
    }
    result.placements[index] = {best.alternative, best.line};
    placed.insert(
        boxes_at(item(index).alternatives[static_cast<size_t>(best.alternative)], best.line),
        index);
    bottoms[index] = best.bottom;
  }
  // Greedy placement leaves holes: the lowest items, taken out one at a
  // time, move up into them when they can (never down: their old place is
  // still free).
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<size_t> lowest_first;
    for (size_t index : order) {
      if (result.placements[index].alternative >= 0) lowest_first.push_back(index);
    }
    std::stable_sort(lowest_first.begin(), lowest_first.end(),
                     [&](size_t a, size_t b) { return bottoms[a] > bottoms[b]; });
    bool moved = false;
    for (size_t index : lowest_first) {
      const Best best = best_position(item(index), placed, index, settings);
      if (best.alternative < 0 || best.bottom >= bottoms[index] - 0.01) continue;
      result.placements[index] = {best.alternative, best.line};
      placed.remove(index);
      placed.insert(
          boxes_at(item(index).alternatives[static_cast<size_t>(best.alternative)], best.line),
          index);
      bottoms[index] = best.bottom;
      moved = true;
    }
    if (!moved) break;
  }
  result.height = placed.bottom();
  return result;
}

}  // namespace briefing
