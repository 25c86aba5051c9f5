// The marks of a timeline, honest about precision: a year is a bracketed bar
// over its whole year, a month a solid bar over its month, a day a point.
// Each call appends display items and returns the mark's bounding box (points, y down).
#pragma once

#include <vector>

#include "layout/display_list.h"

namespace briefing {

/// Day-marker shapes; the print theme gives each lane its own, for greyscale.
enum class MarkShape { circle, square, triangle, diamond, ring, cross };

class MarkPainter {
 public:
  explicit MarkPainter(std::vector<DisplayItem>& items) : items_(items) {}

  /// A light bar from x0 to x1 with end brackets, centred on y; `size` is the marker size.
  Rect year_bar(double x0, double x1, double y, double size, Color color);
  /// A solid bar from x0 to x1, centred on y.
  Rect month_bar(double x0, double x1, double y, double size, Color color);
  /// A point marker of diameter `size` centred on (x, y).
  Rect day_marker(double x, double y, double size, Color color, MarkShape shape);
  /// An outline around `box`: the "new or changed" emphasis.
  void ring(const Rect& box, Color color);

 private:
  std::vector<DisplayItem>& items_;
};

}  // namespace briefing
