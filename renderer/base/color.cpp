#include "base/color.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace briefing {

bool parse_color(const std::string& text, Color& out) {
  if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return false;
  for (size_t i = 1; i < text.size(); ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  auto channel = [&](size_t at) {
    return static_cast<double>(std::strtol(text.substr(at, 2).c_str(), nullptr, 16)) / 255.0;
  };
  out = {channel(1), channel(3), channel(5), text.size() == 9 ? channel(7) : 1.0};
  return true;
}

std::string color_hex(const Color& color) {
  auto byte = [](double channel) {
    return static_cast<int>(std::lround(std::fmin(std::fmax(channel, 0.0), 1.0) * 255.0));
  };
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", byte(color.r), byte(color.g),
                byte(color.b));
  return buffer;
}

}  // namespace briefing
