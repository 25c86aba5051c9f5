// Plane geometry shared by every stage: points and rectangles in points
// (1/72 in), origin at the top left, y down.
#pragma once

namespace briefing {

struct Point {
  double x = 0, y = 0;
};

struct Rect {
  double x = 0, y = 0, width = 0, height = 0;

  double right() const { return x + width; }
  double bottom() const { return y + height; }
  bool intersects(const Rect& o, double margin = 0) const {
    return x < o.right() + margin && o.x < right() + margin && y < o.bottom() + margin &&
           o.y < bottom() + margin;
  }
  bool contains(const Rect& o, double tolerance = 0.01) const {
    return o.x >= x - tolerance && o.y >= y - tolerance && o.right() <= right() + tolerance &&
           o.bottom() <= bottom() + tolerance;
  }
};

}  // namespace briefing
