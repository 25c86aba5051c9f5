// A colour with alpha, as layouts name it and painters use it.
#pragma once

#include <string>

namespace briefing {

struct Color {
  double r = 0, g = 0, b = 0, a = 1;  // 0..1
};

/// "#rrggbb" or "#rrggbbaa" into `out`; false (and `out` untouched) otherwise.
bool parse_color(const std::string& text, Color& out);

/// "#rrggbb" (alpha left out), as data files write an item's `colour`.
std::string color_hex(const Color& color);

}  // namespace briefing
