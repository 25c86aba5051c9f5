// How a run of text looks: family, size, weight, slant.
#pragma once

#include <string>

namespace briefing {

struct TextStyle {
  std::string family = "Noto Sans";
  double size = 10.0;  // points
  bool bold = false;
  bool italic = false;
};

}  // namespace briefing
