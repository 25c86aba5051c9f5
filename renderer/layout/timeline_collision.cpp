#include "layout/timeline_collision.h"

#include <algorithm>
#include <cmath>

namespace briefing {

CollisionDetector::CollisionDetector(Rect extent, double cell)
    : extent_(extent),
      cell_(cell),
      columns_(std::max(1, static_cast<int>(std::ceil(extent.width / cell)))),
      rows_(std::max(1, static_cast<int>(std::ceil(extent.height / cell)))),
      grid_(static_cast<size_t>(columns_) * static_cast<size_t>(rows_)) {}

void CollisionDetector::cells_for(const Rect& box, double margin, int& c0, int& r0, int& c1,
                                  int& r1) const {
  auto column = [&](double x) {
    return std::clamp(static_cast<int>(std::floor((x - extent_.x) / cell_)), 0, columns_ - 1);
  };
  auto row = [&](double y) {
    return std::clamp(static_cast<int>(std::floor((y - extent_.y) / cell_)), 0, rows_ - 1);
  };
  c0 = column(box.x - margin);
  c1 = column(box.right() + margin);
  r0 = row(box.y - margin);
  r1 = row(box.bottom() + margin);
}

bool CollisionDetector::has_placement(const Rect& box, double margin) const {
  return extent_.contains(box, 0.001) && is_free(box, margin);
}

bool CollisionDetector::is_free(const Rect& box, double margin) const {
  int c0, r0, c1, r1;
  cells_for(box, margin, c0, r0, c1, r1);
  ++stamp_;
  for (int r = r0; r <= r1; ++r) {
    for (int c = c0; c <= c1; ++c) {
      for (size_t index : grid_[static_cast<size_t>(r * columns_ + c)]) {
        if (seen_[index] == stamp_) continue;
        seen_[index] = stamp_;
        if (boxes_[index].intersects(box, margin)) return false;
      }
    }
  }
  return true;
}

void CollisionDetector::insert(const Rect& box) {
  int c0, r0, c1, r1;
  cells_for(box, 0, c0, r0, c1, r1);
  const size_t index = boxes_.size();
  boxes_.push_back(box);
  seen_.push_back(0);
  for (int r = r0; r <= r1; ++r) {
    for (int c = c0; c <= c1; ++c) grid_[static_cast<size_t>(r * columns_ + c)].push_back(index);
  }
}

}  // namespace briefing
