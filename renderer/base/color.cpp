#include "base/color.h"

#include <cctype>
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

}  // namespace briefing
