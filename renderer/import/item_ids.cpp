#include "import/item_ids.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace briefing {

std::string id_from_title(const std::string& title) {
  constexpr size_t kMaxLength = 60;
  std::string id;
  for (const char c : title) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u)) {
      id += static_cast<char>(std::tolower(u));
    } else if (c != '\'' && !id.empty() && id.back() != '-') {
      id += '-';  // "Japan's" → "japans": an apostrophe joins, anything else divides
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > kMaxLength) {
    const size_t cut = id.rfind('-', kMaxLength);
    id.resize(cut == std::string::npos || cut < kMaxLength / 2 ? kMaxLength : cut);
  }
  if (!id.empty()) return id;
  // FNV-1a: stable across runs and machines, unlike std::hash.
  std::uint32_t hash = 2166136261u;
  for (const char c : title) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "item-%08x", hash);
  return buffer;
}

std::string unique_id(const std::string& id, std::set<std::string>& taken) {
  std::string candidate = id;
  for (int n = 2; taken.count(candidate); ++n) candidate = id + "-" + std::to_string(n);
  taken.insert(candidate);
  return candidate;
}

}  // namespace briefing
