#include "layout/display_list.h"

#include <algorithm>
#include <type_traits>

namespace briefing {
namespace {

Rect grown(Rect r, double by) { return {r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by}; }

Rect united(const Rect& a, const Rect& b) {
  const double x = std::min(a.x, b.x), y = std::min(a.y, b.y);
  return {x, y, std::max(a.right(), b.right()) - x, std::max(a.bottom(), b.bottom()) - y};
}

Rect moved(Rect r, Point by) { return {r.x + by.x, r.y + by.y, r.width, r.height}; }

}  // namespace

void translate(DisplayItem& item, double dx, double dy) {
  std::visit(
      [&](auto& shape) {
        using T = std::decay_t<decltype(shape)>;
        if constexpr (std::is_same_v<T, RectShape>) {
          shape.rect.x += dx;
          shape.rect.y += dy;
        } else if constexpr (std::is_same_v<T, PathShape>) {
          for (Point& p : shape.points) {
            p.x += dx;
            p.y += dy;
          }
        } else if constexpr (std::is_same_v<T, CircleShape>) {
          shape.center.x += dx;
          shape.center.y += dy;
        } else if constexpr (std::is_same_v<T, TextShape>) {
          shape.origin.x += dx;
          shape.origin.y += dy;
        } else if constexpr (std::is_same_v<T, ImageShape>) {
          shape.rect.x += dx;
          shape.rect.y += dy;
        } else if constexpr (std::is_same_v<T, LinkArea>) {
          for (Rect& r : shape.rects) {
            r.x += dx;
            r.y += dy;
          }
        } else if constexpr (std::is_same_v<T, Destination>) {
          shape.at.x += dx;
          shape.at.y += dy;
        } else if constexpr (std::is_same_v<T, Group>) {
          shape.offset.x += dx;
          shape.offset.y += dy;
        }
      },
      item);
}

const Tag* tag_of(const DisplayItem& item) {
  return std::visit(
      [](const auto& shape) -> const Tag* {
        using T = std::decay_t<decltype(shape)>;
        if constexpr (std::is_same_v<T, Destination>)
          return nullptr;
        else
          return &shape.tag;
      },
      item);
}

std::optional<Rect> bounds_of(const DisplayItem& item) {
  return std::visit(
      [](const auto& shape) -> std::optional<Rect> {
        using T = std::decay_t<decltype(shape)>;
        if constexpr (std::is_same_v<T, RectShape>) {
          return shape.stroked ? grown(shape.rect, shape.stroke.width / 2) : shape.rect;
        } else if constexpr (std::is_same_v<T, PathShape>) {
          if (shape.points.empty()) return std::nullopt;
          Rect box{shape.points[0].x, shape.points[0].y, 0, 0};
          for (const Point& p : shape.points) box = united(box, Rect{p.x, p.y, 0, 0});
          return shape.stroked ? grown(box, shape.stroke.width / 2) : box;
        } else if constexpr (std::is_same_v<T, CircleShape>) {
          const double r = shape.radius + (shape.stroked ? shape.stroke.width / 2 : 0);
          return Rect{shape.center.x - r, shape.center.y - r, 2 * r, 2 * r};
        } else if constexpr (std::is_same_v<T, TextShape>) {
          if (!shape.block) return std::nullopt;
          return Rect{shape.origin.x, shape.origin.y, shape.block->width(), shape.block->height()};
        } else if constexpr (std::is_same_v<T, ImageShape>) {
          return shape.rect;
        } else if constexpr (std::is_same_v<T, LinkArea>) {
          if (shape.rects.empty()) return std::nullopt;
          Rect box = shape.rects[0];
          for (const Rect& r : shape.rects) box = united(box, r);
          return box;
        } else if constexpr (std::is_same_v<T, Destination>) {
          return std::nullopt;
        } else {
          static_assert(std::is_same_v<T, Group>);
          if (shape.area) return moved(*shape.area, shape.offset);
          std::optional<Rect> box;
          for (const DisplayItem& child : shape.items) {
            // Links and destinations mark areas; they are not ink.
            if (std::holds_alternative<LinkArea>(child)) continue;
            if (auto b = bounds_of(child)) box = box ? united(*box, *b) : *b;
          }
          if (box) return moved(*box, shape.offset);
          return std::nullopt;
        }
      },
      item);
}

void for_each_item(const std::vector<DisplayItem>& items,
                   const std::function<void(const DisplayItem&, Point offset)>& visit,
                   Point offset) {
  for (const DisplayItem& item : items) {
    visit(item, offset);
    if (const auto* group = std::get_if<Group>(&item)) {
      for_each_item(group->items, visit, {offset.x + group->offset.x, offset.y + group->offset.y});
    }
  }
}

std::vector<DisplayItem> flattened(const std::vector<DisplayItem>& items) {
  std::vector<DisplayItem> out;
  for_each_item(items, [&](const DisplayItem& item, Point offset) {
    if (std::holds_alternative<Group>(item)) return;
    DisplayItem moved_item = item;
    translate(moved_item, offset.x, offset.y);
    out.push_back(std::move(moved_item));
  });
  return out;
}

}  // namespace briefing
