#include "layout/timeline/packing.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace briefing {
namespace {

/// The highest line (smallest y, at least `lowest`) at which every box of
/// `alternative` keeps the settings' clearance from every box in `placed`
/// (except those of item `skip`).
double first_free_line(const PackAlternative& alternative,
                       const std::vector<std::vector<Rect>>& placed, size_t skip, double lowest,
                       const PackSettings& settings) {
  // Lines blocked by a placed box form an open interval; the answer is the
  // first point at or after `lowest` outside their union.
  std::vector<std::pair<double, double>> blocked;
  for (const Rect& box : alternative.boxes) {
    for (size_t owner = 0; owner < placed.size(); ++owner) {
      if (owner == skip) continue;
      for (const Rect& other : placed[owner]) {
        if (box.x >= other.right() + settings.gap_x || other.x >= box.right() + settings.gap_x)
          continue;
        blocked.emplace_back(other.y - box.bottom() - settings.gap_y,
                             other.bottom() - box.y + settings.gap_y);
      }
    }
  }
  std::sort(blocked.begin(), blocked.end());
  double line = lowest;
  constexpr double kEpsilon = 1e-6;
  for (const auto& [start, end] : blocked) {
    if (start >= line - kEpsilon) break;
    if (end > line) line = end;
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
Best best_position(const PackItem& item, const std::vector<std::vector<Rect>>& placed,
                   size_t skip, const PackSettings& settings) {
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
    const double line = first_free_line(alternative, placed, skip, -top, settings);
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

LanePacking pack_lane(const std::vector<PackItem>& items, const std::vector<size_t>& order,
                      const std::vector<Rect>& reserved, const PackSettings& settings) {
  LanePacking result;
  result.placements.assign(items.size(), {});
  // Boxes per item; the reserved ones as one more owner at the end.
  std::vector<std::vector<Rect>> placed(items.size() + 1);
  placed.back() = reserved;
  std::vector<double> bottoms(items.size(), 0);
  for (size_t index : order) {
    const Best best = best_position(items[index], placed, placed.size(), settings);
    if (best.alternative < 0) continue;
    result.placements[index] = {best.alternative, best.line};
    placed[index] = boxes_at(items[index].alternatives[static_cast<size_t>(best.alternative)],
                             best.line);
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
      const Best best = best_position(items[index], placed, index, settings);
      if (best.alternative < 0 || best.bottom >= bottoms[index] - 0.01) continue;
      result.placements[index] = {best.alternative, best.line};
      placed[index] = boxes_at(items[index].alternatives[static_cast<size_t>(best.alternative)],
                               best.line);
      bottoms[index] = best.bottom;
      moved = true;
    }
    if (!moved) break;
  }
  for (const auto& boxes : placed) {
    for (const Rect& box : boxes) result.height = std::max(result.height, box.bottom());
  }
  return result;
}

}  // namespace briefing
