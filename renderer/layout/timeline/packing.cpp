#include "layout/timeline/packing.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <utility>
#include <vector>

namespace briefing {
namespace {

/// The boxes placed so far, of every item and the reserved ones, in a grid
/// of columns along x (a spatial index, as mapnik's label collision
/// detector): a box is filed in every column it spans, each column sorted by
/// the boxes' tops. A query looks only at the columns its box spans, from
/// the first box that can reach below its lowest line: its cost is the
/// depth of a few columns (bounded by the lane's height), not the number of
/// boxes in the lane.
class PlacedBoxes {
 public:
  struct Entry {
    Rect box;
    size_t owner;
    long first_column;  // the first column the box is filed in
  };
  struct Column {
    std::vector<Entry> entries;  // sorted by box.y
    double tallest = 0;          // the tallest box ever filed here, points
  };

  /// `reach`: how far beyond a box (the horizontal clearance) a query looks.
  explicit PlacedBoxes(double reach) : reach_(reach) {}

  void insert(const std::vector<Rect>& boxes, size_t owner) {
    for (const Rect& box : boxes) {
      const long first = column_of(box.x), last = column_of(box.right());
      for (long c = first; c <= last; ++c) {
        Column& column = column_at(c);
        const auto at = std::upper_bound(column.entries.begin(), column.entries.end(), box.y,
                                         [](double y, const Entry& e) { return y < e.box.y; });
        column.entries.insert(at, {box, owner, first});
        column.tallest = std::max(column.tallest, box.height);
      }
      bottoms_.insert(box.bottom());
    }
    if (owned_.size() <= owner) owned_.resize(owner + 1);
    owned_[owner].insert(owned_[owner].end(), boxes.begin(), boxes.end());
  }
  void remove(size_t owner) {
    if (owner >= owned_.size() || owned_[owner].empty()) return;
    for (const Rect& box : owned_[owner]) {
      for (long c = column_of(box.x); c <= column_of(box.right()); ++c) {
        auto& entries = column_at(c).entries;
        entries.erase(std::remove_if(entries.begin(), entries.end(),
                                     [&](const Entry& e) { return e.owner == owner; }),
                      entries.end());
      }
      bottoms_.erase(bottoms_.find(box.bottom()));
    }
    owned_[owner].clear();
  }
  double bottom() const { return bottoms_.empty() ? 0 : std::max(0.0, *bottoms_.rbegin()); }
  const std::vector<Rect>& boxes_of(size_t owner) const { return owned_.at(owner); }

  /// The owners of boxes within `margin` of `box` in x, nearest first.
  std::vector<size_t> owners_near(const Rect& box, double margin) const {
    std::vector<std::pair<double, size_t>> found;
    const Rect wide{box.x - margin, box.y, box.width + 2 * margin, box.height};
    near(wide, -1e300, [&](const Entry& e) {
      if (e.box.x < wide.right() && wide.x < e.box.right()) {
        const double dx = std::max({0.0, e.box.x - box.right(), box.x - e.box.right()});
        found.emplace_back(dx + std::abs(e.box.y - box.y), e.owner);
      }
    });
    std::sort(found.begin(), found.end());
    std::vector<size_t> owners;
    for (const auto& [distance, owner] : found) {
      if (std::find(owners.begin(), owners.end(), owner) == owners.end()) owners.push_back(owner);
    }
    return owners;
  }

  /// Calls `visit(entry)` for every filed box that may lie within the
  /// clearance of `box` in x and whose bottom may reach below `lowest_top`
  /// (a box's top in query coordinates), once: a box spanning several
  /// columns is visited in the first of them the query spans (in a later
  /// one it would block the same lines again, for the cost of sorting them).
  /// Boxes that cannot reach below `lowest_top` may be visited too.
  template <typename Visit>
  void near(const Rect& box, double lowest_top, Visit&& visit) const {
    const long first = std::max(column_of(box.x - reach_), first_);
    const long last =
        std::min(column_of(box.right() + reach_), first_ + static_cast<long>(columns_.size()) - 1);
    for (long c = first; c <= last; ++c) {
      const Column& column = columns_[static_cast<size_t>(c - first_)];
      if (column.entries.empty()) continue;
      // Boxes whose top lies above this cannot reach down to `lowest_top`.
      const double from = lowest_top - column.tallest - 1;
      auto it = std::lower_bound(column.entries.begin(), column.entries.end(), from,
                                 [](const Entry& e, double y) { return e.box.y < y; });
      for (; it != column.entries.end(); ++it) {
        if (c > first && it->first_column < c) continue;  // visited in an earlier column
        visit(*it);
      }
    }
  }

 private:
  static constexpr double kColumnWidth = 32;  // points
  static long column_of(double x) { return static_cast<long>(std::floor(x / kColumnWidth)); }

  /// The columns from first_ on, in one vector: grown at either end as boxes arrive.
  Column& column_at(long c) {
    if (columns_.empty()) {
      first_ = c;
      columns_.resize(1);
    } else if (c < first_) {
      columns_.insert(columns_.begin(), static_cast<size_t>(first_ - c), Column{});
      first_ = c;
    } else if (c >= first_ + static_cast<long>(columns_.size())) {
      columns_.resize(static_cast<size_t>(c - first_ + 1));
    }
    return columns_[static_cast<size_t>(c - first_)];
  }

  double reach_;
  long first_ = 0;
  std::vector<Column> columns_;
  std::multiset<double> bottoms_;
  std::vector<std::vector<Rect>> owned_;  // per owner
};

/// The highest line (smallest y, at least `lowest`) at which every box of
/// `alternative` keeps the settings' clearance from every placed box (except
/// those of item `skip`). Returns early with a line beyond `give_up` once the
/// answer is known to lie there.
double first_free_line(const PackAlternative& alternative, const PlacedBoxes& placed, size_t skip,
                       double lowest, double give_up, const PackSettings& settings) {
  // Lines blocked by a placed box form an open interval (start, end); the
  // answer is the first point at or after `lowest` outside their union:
  // the intervals near each box of the alternative, sorted by their start,
  // swept once.
  // Reused between calls (no allocation per query); one per thread.
  thread_local std::vector<std::pair<double, double>> blocked;
  blocked.clear();
  for (const Rect& box : alternative.boxes) {
    // A placed box blocks lines up to its bottom - box.y + gap_y: those
    // ending at or above `lowest` do not matter.
    placed.near(box, lowest + box.y - settings.gap_y, [&](const PlacedBoxes::Entry& e) {
      if (e.owner == skip || !(box.x < e.box.right() + settings.gap_x) ||
          !(e.box.x < box.right() + settings.gap_x)) {
        return;
      }
      blocked.emplace_back(e.box.y - box.bottom() - settings.gap_y,
                           e.box.bottom() - box.y + settings.gap_y);
    });
  }
  std::sort(blocked.begin(), blocked.end());
  double line = lowest;
  constexpr double kEpsilon = 1e-6;
  for (const auto& [start, end] : blocked) {
    if (start >= line - kEpsilon) break;
    if (end > line) {
      line = end;
      if (line > give_up) break;
    }
  }
  return line;
}

/// The repair pass runs for lanes of at most this many items (its cost is
/// a few placements per item left out, too much for thousands).
constexpr size_t kRepairMaxItems = 400;
constexpr size_t kRepairTries = 6;   // neighbours tried per item left out
constexpr double kRepairReach = 60;  // how far in x a neighbour may stand, points

struct Best {
  int alternative = -1;
  double line = 0;
  double bottom = 0;
};

/// Of `item`'s alternatives, the one that reaches least far down (plus its
/// penalty) where it fits; alternative -1 if none fits under the height limit.
Best best_position(const PackItem& item, const PlacedBoxes& placed, size_t skip,
                   const PackSettings& settings) {
  // Each alternative's score is at least its score at its highest line:
  // tried in that order, the search stops once no later one can win.
  struct Candidate {
    double bound, top, bottom;
    size_t index;
  };
  thread_local std::vector<Candidate> candidates;  // reused: no allocation per call
  candidates.clear();
  for (size_t a = 0; a < item.alternatives.size(); ++a) {
    const PackAlternative& alternative = item.alternatives[a];
    if (alternative.boxes.empty()) continue;
    double top = 0, bottom = 0;  // of the boxes relative to the line
    for (const Rect& box : alternative.boxes) {
      top = std::min(top, box.y);
      bottom = std::max(bottom, box.bottom());
    }
    candidates.push_back({-top + bottom + alternative.penalty, top, bottom, a});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    return x.bound < y.bound || (x.bound == y.bound && x.index < y.index);
  });
  Best best;
  double best_score = std::numeric_limits<double>::infinity();
  for (const Candidate& c : candidates) {
    if (c.bound > best_score + 1e-9) break;
    // Equal scores go to the earlier alternative.
    if (c.bound >= best_score - 1e-9 && static_cast<int>(c.index) > best.alternative) continue;
    const PackAlternative& alternative = item.alternatives[c.index];
    // Lines a point beyond the height limit certainly do not fit, nor lines
    // whose score cannot beat the best so far: no need to find the exact one.
    const double give_up = std::min(settings.max_height - c.bottom + 1,
                                    best_score - c.bottom - alternative.penalty + 1);
    const double line = first_free_line(alternative, placed, skip, -c.top, give_up, settings);
    if (line + c.bottom > settings.max_height + 1e-9) continue;
    const double score = line + c.bottom + alternative.penalty;
    if (score < best_score - 1e-9 ||
        (score <= best_score + 1e-9 && static_cast<int>(c.index) < best.alternative)) {
      best_score = score;
      best = {static_cast<int>(c.index), line, line + c.bottom};
    }
  }
  return best;
}

std::vector<Rect> boxes_at(const PackAlternative& alternative, double line) {
  std::vector<Rect> boxes = alternative.boxes;
  for (Rect& box : boxes) box.y += line;
  return boxes;
}

// Repair: an item that found no place under the height limit takes the
// place of one of its nearest placed neighbours, which then looks for
// another place; kept only when both are placed, else undone. Owner `count`
// is the reserved boxes, never moved.
template <typename ItemOf>
void repair(const std::vector<std::vector<Rect>>& common, const std::vector<const PackItem*>& made,
            const std::vector<size_t>& order, const PackSettings& settings, size_t count,
            ItemOf&& item, PlacedBoxes& placed, LanePacking& result, std::vector<double>& bottoms) {
  auto place = [&](size_t index, const Best& best) {
    result.placements[index] = {best.alternative, best.line};
    placed.insert(
        boxes_at(item(index).alternatives[static_cast<size_t>(best.alternative)], best.line),
        index);
    bottoms[index] = best.bottom;
  };
  for (size_t index : order) {
    // Items never made had marks that fit nowhere: they stay out (and unmeasured).
    if (result.placements[index].alternative >= 0 || (!common[index].empty() && !made[index])) {
      continue;
    }
    Rect around;
    if (!common[index].empty()) {
      around = common[index].front();
    } else {
      const auto& alternatives = item(index).alternatives;
      if (alternatives.empty() || alternatives.front().boxes.empty()) continue;
      around = alternatives.front().boxes.front();
    }
    std::vector<size_t> neighbours = placed.owners_near(around, kRepairReach);
    neighbours.erase(std::remove(neighbours.begin(), neighbours.end(), count), neighbours.end());
    if (neighbours.size() > kRepairTries) neighbours.resize(kRepairTries);
    for (size_t other : neighbours) {
      const PackPlacement was = result.placements[other];
      const double was_bottom = bottoms[other];
      const std::vector<Rect> was_boxes = placed.boxes_of(other);
      placed.remove(other);
      const Best mine = best_position(item(index), placed, count + 1, settings);
      if (mine.alternative >= 0) {
        place(index, mine);
        const Best theirs = best_position(item(other), placed, count + 1, settings);
        if (theirs.alternative >= 0) {
          place(other, theirs);
          break;
        }
        placed.remove(index);
        result.placements[index] = {};
      }
      placed.insert(was_boxes, other);
      result.placements[other] = was;
      bottoms[other] = was_bottom;
    }
  }
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
  PlacedBoxes placed(settings.gap_x);
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
  if (limited && settings.repair && count <= kRepairMaxItems) {
    repair(source.common, made, order, settings, count, item, placed, result, bottoms);
  }
  result.height = placed.bottom();
  return result;
}

}  // namespace briefing
