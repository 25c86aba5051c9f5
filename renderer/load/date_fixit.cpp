#include "load/date_fixit.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <optional>
#include <vector>

#include "model/partial_date.h"

namespace briefing {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// 1..12 for an English month name or a common abbreviation ("Sept").
std::optional<int> month_named(std::string_view word) {
  std::string w = lower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  if (w == "sept") return 9;
  for (int m = 1; m <= 12; ++m) {
    const std::string full = lower(month_name(m));
    if (w == full || (w.size() == 3 && full.compare(0, 3, w) == 0)) return m;
  }
  return std::nullopt;
}

std::optional<int> number(std::string_view word, size_t min_digits, size_t max_digits) {
  if (word.size() < min_digits || word.size() > max_digits) return std::nullopt;
  int value = 0;
  for (char c : word) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Words and numbers, split at spaces, commas, '/', '.', '-' (a trailing '.'
// of an abbreviation goes too).
std::vector<std::string> words_of(std::string_view text, bool& had_slash, bool& had_letters) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      current += c;
      if (std::isalpha(static_cast<unsigned char>(c))) had_letters = true;
      continue;
    }
    if (c == '/') had_slash = true;
    if (!current.empty()) words.push_back(current);
    current.clear();
  }
  if (!current.empty()) words.push_back(current);
  return words;
}

std::string iso(int year, int month = 0, int day = 0) {
  char buffer[16];
  if (day)
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  else if (month)
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  else
    std::snprintf(buffer, sizeof buffer, "%04d", year);
  // Only a date the loader accepts is a fix.
  return PartialDate::parse(buffer) ? std::string(buffer) : std::string();
}

}  // namespace

std::string partial_date_fixit(std::string_view text) {
  bool slash = false, letters = false;
  const std::vector<std::string> w = words_of(text, slash, letters);
  if (w.empty() || w.size() > 3) return {};
  if (letters) {
    // "Sept 2019", "May 2024", "1 May 2024", "May 1, 2024", "2024 May 1".
    std::optional<int> month, year, day;
    for (const std::string& word : w) {
      if (auto m = month_named(word); m && !month) {
        month = m;
      } else if (auto y = number(word, 4, 4); y && !year) {
        year = y;
      } else if (auto d = number(word, 1, 2); d && !day) {
        day = d;
      } else {
        return {};  // "May 2024 or so", "Q3 2024"
      }
    }
    if (!month || !year) return {};
    return iso(*year, *month, day.value_or(0));
  }
  // Numbers only: "2023/03/20", "2023.03", "20/03/2023" (day first is clear as 20 > 12).
  std::vector<int> n;
  for (const std::string& word : w) {
    auto value = number(word, 1, 4);
    if (!value) return {};
    n.push_back(*value);
  }
  if (w[0].size() == 4) {
    if (w.size() == 1) return {};
    for (size_t i = 1; i < w.size(); ++i)
      if (w[i].size() > 2) return {};
    return iso(n[0], n[1], w.size() == 3 ? n[2] : 0);
  }
  if (w.size() == 3 && w[2].size() == 4 && w[0].size() <= 2 && w[1].size() <= 2) {
    const int a = n[0], b = n[1], year = n[2];
    if (a > 12 && b <= 12) return iso(year, b, a);  // day first: 20/03/2023
    if (b > 12 && a <= 12) return iso(year, a, b);  // month first: 03/20/2023
    if (a == b) return iso(year, a, b);             // 05/05/2024 reads the same both ways
    return {};                                      // 03/04/2024: unclear
  }
  if (w.size() == 2 && w[1].size() == 4 && w[0].size() <= 2) return iso(n[1], n[0]);  // 03/2024
  (void)slash;
  return {};
}

std::pair<std::string, std::string> ambiguous_day_month(std::string_view text) {
  bool slash = false, letters = false;
  const std::vector<std::string> w = words_of(text, slash, letters);
  if (letters || w.size() != 3 || w[2].size() != 4 || w[0].size() > 2 || w[1].size() > 2) return {};
  const auto a = number(w[0], 1, 2), b = number(w[1], 1, 2), year = number(w[2], 4, 4);
  if (!a || !b || !year || *a == *b || *a > 12 || *b > 12) return {};
  const std::string day_first = iso(*year, *b, *a), month_first = iso(*year, *a, *b);
  if (day_first.empty() || month_first.empty()) return {};
  return {day_first, month_first};
}

}  // namespace briefing
