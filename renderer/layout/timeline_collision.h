// Collision detector for label placement (after mapnik's
// label_collision_detector): a uniform grid of placed boxes over the canvas.
// Candidates are tried with has_placement(box, margin), then insert(box).
#pragma once

#include <vector>

#include "layout/display_list.h"

namespace briefing {

class CollisionDetector {
 public:
  /// `extent`: everything placed must lie inside it (points). `cell`: grid cell size, points.
  explicit CollisionDetector(Rect extent, double cell = 24);

  /// True if `box` lies inside the extent and keeps `margin` points from every placed box.
  bool has_placement(const Rect& box, double margin = 0) const;
  /// True if `box` keeps `margin` points from every placed box (ignores the extent).
  bool is_free(const Rect& box, double margin = 0) const;
  void insert(const Rect& box);

  const Rect& extent() const { return extent_; }
  const std::vector<Rect>& boxes() const { return boxes_; }

 private:
  void cells_for(const Rect& box, double margin, int& c0, int& r0, int& c1, int& r1) const;

  Rect extent_;
  double cell_;
  int columns_, rows_;
  std::vector<std::vector<size_t>> grid_;  // box indices per cell, row-major
  std::vector<Rect> boxes_;
  mutable std::vector<unsigned> seen_;  // per box: the query stamp, to test each once
  mutable unsigned stamp_ = 0;
};

}  // namespace briefing
