#include "base/json.h"

#include <cstdio>

#include "base/quoted_string.h"

namespace briefing {

std::string json_string(const std::string& text) { return double_quoted_escaped(text); }

std::string json_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

}  // namespace briefing
