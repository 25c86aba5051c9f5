#include "base/utf8.h"

namespace briefing {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

size_t code_point_count(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += is_continuation(c) ? 0 : 1;
  return count;
}

std::string excerpt(std::string_view text, size_t max_code_points) {
  size_t seen = 0, cut = 0;
  for (; cut < text.size(); ++cut) {
    if (is_continuation(text[cut])) continue;
    if (seen == max_code_points) break;
    ++seen;
  }
  if (cut >= text.size()) return std::string(text);
  std::string out(text.substr(0, cut));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

}  // namespace briefing
