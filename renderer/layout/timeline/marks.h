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
  /// An open end (the visible range cuts the year there) has no bracket but
  /// a chevron pointing on: the period goes on beyond the axis.
  Rect year_bar(double x0, double x1, double y, double size, Color color, bool open_start = false,
                bool open_end = false);
  /// A solid bar from x0 to x1, centred on y; an open end is square, with a
  /// chevron in `contrast` (the background) pointing on.
  Rect month_bar(double x0, double x1, double y, double size, Color color, bool open_start = false,
                 bool open_end = false, Color contrast = Color{1, 1, 1, 1});
  /// A chevron `size` tall with its tip at (tip_x, y), pointing left
  /// (direction < 0) or right: "this goes on". Returns its box.
  Rect chevron(double tip_x, double y, double size, int direction, Color color);
  /// A point marker of diameter `size` centred on (x, y).
  Rect day_marker(double x, double y, double size, Color color, MarkShape shape);
  /// An outline around `box`: the "new or changed" emphasis.
  void ring(const Rect& box, Color color);

 private:
  std::vector<DisplayItem>& items_;
};

}  // namespace briefing
