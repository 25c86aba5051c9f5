#include "layout/timeline/marks.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace briefing {

Rect MarkPainter::chevron(double tip_x, double y, double size, int direction, Color color) {
  const double half = size / 2;
  const double depth = size * 0.45 * (direction < 0 ? 1 : -1);  // from the tip back
  PathShape p;
  p.points = {{tip_x + depth, y - half}, {tip_x, y}, {tip_x + depth, y + half}};
  p.stroke = Stroke{color, 1.5, {}};
  items_.push_back(p);
  const double left = std::min(tip_x, tip_x + depth);
  return Rect{left - 0.75, y - half - 0.75, std::abs(depth) + 1.5, size + 1.5};
}

Rect MarkPainter::year_bar(double x0, double x1, double y, double size, Color color,
                           bool open_start, bool open_end) {
  const double bar = size * 0.55;
  Color light = color;
  light.a = 0.3;
  RectShape shape;
  shape.rect = Rect{x0, y - bar / 2, x1 - x0, bar};
  shape.fill = light;
  shape.stroked = true;
  shape.stroke = Stroke{color, 0.75, {}};
  items_.push_back(shape);
  // Brackets, a marker tall, where the year begins and ends on the axis;
  // where the range cuts it, a chevron inside the bar instead.
  for (const auto& [x, open, direction] : {std::tuple{x0, open_start, -1}, {x1, open_end, 1}}) {
    if (open) {
      if (x1 - x0 > size) chevron(x - direction * 1.5, y, size * 0.8, direction, color);
      continue;
    }
    PathShape tick;
    tick.points = {{x, y - size / 2}, {x, y + size / 2}};
    tick.stroke = Stroke{color, 1.5, {}};
    items_.push_back(tick);
  }
  return Rect{x0 - 0.75, y - size / 2, x1 - x0 + 1.5, size};
}

Rect MarkPainter::month_bar(double x0, double x1, double y, double size, Color color,
                            bool open_start, bool open_end, Color contrast) {
  const double bar = size * 0.75;
  RectShape shape;
  shape.rect = Rect{x0, y - bar / 2, x1 - x0, bar};
  shape.fill = color;
  shape.corner_radius = open_start || open_end ? 0 : std::min(bar / 3, (x1 - x0) / 3);
  items_.push_back(shape);
  for (const auto& [x, open, direction] : {std::tuple{x0, open_start, -1}, {x1, open_end, 1}}) {
    if (open && x1 - x0 > size) chevron(x - direction * 1.5, y, bar * 0.7, direction, contrast);
  }
  return shape.rect;
}

Rect MarkPainter::day_marker(double x, double y, double size, Color color, MarkShape shape) {
  const double r = size / 2;
  switch (shape) {
    case MarkShape::circle: {
      CircleShape c;
      c.center = {x, y};
      c.radius = r;
      c.fill = color;
      items_.push_back(c);
      break;
    }
    case MarkShape::ring: {
      CircleShape c;
      c.center = {x, y};
      c.radius = r - 0.75;
      c.filled = false;
      c.stroked = true;
      c.stroke = Stroke{color, 1.5, {}};
      items_.push_back(c);
      break;
    }
    case MarkShape::square: {
      RectShape s;
      s.rect = Rect{x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7};
      s.fill = color;
      items_.push_back(s);
      break;
    }
    case MarkShape::triangle:
    case MarkShape::diamond:
    case MarkShape::cross: {
      PathShape p;
      if (shape == MarkShape::triangle) {
        p.points = {{x, y - r}, {x + r, y + r * 0.8}, {x - r, y + r * 0.8}};
      } else if (shape == MarkShape::diamond) {
        p.points = {{x, y - r}, {x + r, y}, {x, y + r}, {x - r, y}};
      } else {
        const double a = r * 0.35;
        p.points = {{x - a, y - r}, {x + a, y - r}, {x + a, y - a}, {x + r, y - a},
                    {x + r, y + a}, {x + a, y + a}, {x + a, y + r}, {x - a, y + r},
                    {x - a, y + a}, {x - r, y + a}, {x - r, y - a}, {x - a, y - a}};
      }
      p.closed = true;
      p.filled = true;
      p.fill = color;
      p.stroked = false;
      items_.push_back(p);
      break;
    }
  }
  return Rect{x - r, y - r, size, size};
}

void MarkPainter::ring(const Rect& box, Color color) {
  RectShape outline;
  outline.rect = Rect{box.x - 1.5, box.y - 1.5, box.width + 3, box.height + 3};
  outline.filled = false;
  outline.stroked = true;
  outline.stroke = Stroke{color, 1.25, {}};
  outline.corner_radius = 2;
  items_.push_back(outline);
}

}  // namespace briefing
