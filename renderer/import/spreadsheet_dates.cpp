#include "import/spreadsheet_dates.h"

#include <array>
#include <cctype>
#include <vector>

namespace briefing {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// 1..12 for an English month name or its abbreviation ("sep", "sept", "sep."); 0 otherwise.
int month_from_name(std::string_view word) {
  std::string name = lower(word);
  if (!name.empty() && name.back() == '.') name.pop_back();
  if (name == "sept") return 9;
  for (int month = 1; month <= 12; ++month) {
    const std::string full = lower(month_name(month));
    if (name == full || (name.size() == 3 && full.compare(0, 3, name) == 0)) return month;
  }
  return 0;
}

/// Splits into runs of digits and runs of letters (with a trailing '.');
/// separators (space, '-', '/', '.', ',') only divide. Records which separator came first.
struct Tokens {
  std::vector<std::string> parts;
  char separator = 0;  // the first of '-', '/', '.' between two numbers
};

Tokens tokenize(std::string_view text) {
  Tokens tokens;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) tokens.parts.push_back(current);
    current.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool digit = std::isdigit(static_cast<unsigned char>(c));
    const bool letter = std::isalpha(static_cast<unsigned char>(c));
    if (digit || letter) {
      if (!current.empty() &&
          (std::isdigit(static_cast<unsigned char>(current.back())) != 0) != digit)
        flush();
      current += c;
    } else {
      if (c == '.' && !current.empty() &&
          std::isalpha(static_cast<unsigned char>(current.back()))) {
        current += c;  // "Sep." stays one word
      } else if ((c == '-' || c == '/' || c == '.') && tokens.separator == 0 && !current.empty()) {
        tokens.separator = c;
      }
      flush();
    }
  }
  flush();
  return tokens;
}

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

/// Drops an English ordinal suffix: "1st" → "1" is handled by tokenize (digits
/// then letters); here the letters "st", "nd", "rd", "th" after a day are removed.
void drop_ordinals(std::vector<std::string>& parts) {
  std::vector<std::string> kept;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string word = lower(parts[i]);
    const bool ordinal = (word == "st" || word == "nd" || word == "rd" || word == "th") && i > 0 &&
                         all_digits(parts[i - 1]);
    if (!ordinal) kept.push_back(parts[i]);
  }
  parts = std::move(kept);
}

SpreadsheetDate checked(int year, int month, int day, std::string_view text) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  if (year < 1000) {
    return {std::nullopt, quoted + " has the year " + std::to_string(year),
            "datasets hold years from 1000 on; write the year with four digits"};
  }
  if (month > 12 || (month < 1 && day > 0)) {
    return {std::nullopt, quoted + " has no month " + std::to_string(month),
            "months run from 1 to 12"};
  }
  if (day > 0 && day > days_in_month(year, month)) {
    return {std::nullopt,
            quoted + ": " + month_name(month) + " " + std::to_string(year) + " has no day " +
                std::to_string(day),
            ""};
  }
  if (day > 0) return {PartialDate::day(year, month, day), "", ""};
  if (month > 0) return {PartialDate::month(year, month), "", ""};
  return {PartialDate::year(year), "", ""};
}

SpreadsheetDate unreadable(std::string_view text) {
  return {std::nullopt, "cannot read \"" + std::string(text) + "\" as a date",
          "write 2024-05-01, 2024-05, 2024, 1 May 2024 or May 2024"};
}

}  // namespace

std::optional<DateOrder> parse_date_order(std::string_view text) {
  if (text == "dmy") return DateOrder::day_month_year;
  if (text == "mdy") return DateOrder::month_day_year;
  return std::nullopt;
}

SpreadsheetDate read_spreadsheet_date(std::string_view raw, DateOrder order) {
  std::string_view text = raw;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  // A spreadsheet date-time at midnight ("2024-05-01 00:00:00", "...T00:00"):
  // the date part. Another time of day is still that day.
  if (text.size() > 10 && (text[10] == ' ' || text[10] == 'T') &&
      std::isdigit(static_cast<unsigned char>(text[0])) &&
      text.find(':') != std::string_view::npos) {
    text = text.substr(0, 10);
  }
  Tokens tokens = tokenize(text);
  drop_ordinals(tokens.parts);
  std::vector<std::string>& p = tokens.parts;
  if (p.empty()) return unreadable(raw);

  std::vector<int> numbers;
  int month_word = 0;
  size_t month_word_at = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if (all_digits(p[i])) {
      if (p[i].size() > 4) break;
      numbers.push_back(std::stoi(p[i]));
    } else if (const int m = month_from_name(p[i]); m != 0 && month_word == 0) {
      month_word = m;
      month_word_at = i;
    } else {
      return unreadable(raw);
    }
  }
  if (numbers.size() + (month_word ? 1 : 0) != p.size()) {
    if (p.size() == 1 && all_digits(p[0]) && p[0].size() == 5) {
      return {std::nullopt, "\"" + std::string(raw) + "\" looks like a spreadsheet's day number",
              "format the column as a date (yyyy-mm-dd) before saving the CSV"};
    }
    return unreadable(raw);
  }
  auto is_year = [&](size_t index) { return p[index].size() == 4; };
  for (size_t i = 0; i < p.size(); ++i) {
    if (all_digits(p[i]) && !is_year(i) && std::stoi(p[i]) == 0) {
      return {std::nullopt, "\"" + std::string(raw) + "\" has a day or month 0",
              "days and months count from 1"};
    }
  }

  if (month_word) {
    // "May 2024", "1 May 2024", "May 1, 2024", "2024 May 1".
    if (numbers.size() == 1 && p.size() == 2 && p[1 - month_word_at].size() == 4) {
      return checked(numbers[0], month_word, 0, raw);
    }
    if (numbers.size() == 2 && p.size() == 3) {
      size_t year_at = 3, day_at = 3;
      for (size_t i = 0; i < 3; ++i) {
        if (i == month_word_at) continue;
        (is_year(i) ? year_at : day_at) = i;
      }
      if (year_at < 3 && day_at < 3 && p[day_at].size() <= 2) {
        return checked(std::stoi(p[year_at]), month_word, std::stoi(p[day_at]), raw);
      }
    }
    return unreadable(raw);
  }
  if (numbers.size() == 1 && is_year(0)) return checked(numbers[0], 0, 0, raw);
  if (numbers.size() == 2) {
    // "2024-05", "2024/05", "05/2024".
    if (is_year(0) && p[1].size() <= 2) return checked(numbers[0], numbers[1], 0, raw);
    if (is_year(1) && p[0].size() <= 2) return checked(numbers[1], numbers[0], 0, raw);
    return unreadable(raw);
  }
  if (numbers.size() == 3) {
    if (is_year(0) && p[1].size() <= 2 && p[2].size() <= 2) {  // year first: always y-m-d
      return checked(numbers[0], numbers[1], numbers[2], raw);
    }
    if (is_year(2) && p[0].size() <= 2 && p[1].size() <= 2) {
      const int a = numbers[0], b = numbers[1], year = numbers[2];
      if (a > 12 && b <= 12) return checked(year, b, a, raw);  // only day-month fits
      if (b > 12 && a <= 12) return checked(year, a, b, raw);  // only month-day fits
      if (a == b) return checked(year, a, a, raw);
      if (order == DateOrder::day_month_year) return checked(year, b, a, raw);
      if (order == DateOrder::month_day_year) return checked(year, a, b, raw);
      const std::string dmy = std::to_string(a) + " " + month_name(b > 0 && b <= 12 ? b : 1);
      const std::string mdy = std::to_string(b) + " " + month_name(a > 0 && a <= 12 ? a : 1);
      return {std::nullopt,
              "\"" + std::string(raw) + "\" could be " + dmy + " or " + mdy + " " +
                  std::to_string(year),
              "give --date-order dmy (day first) or --date-order mdy (month first), or write "
              "the date as yyyy-mm-dd"};
    }
  }
  return unreadable(raw);
}

}  // namespace briefing
