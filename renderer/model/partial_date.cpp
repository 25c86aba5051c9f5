#include "model/partial_date.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace briefing {
namespace {

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 12> kMonthAbbreviations = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Parses exactly `width` decimal digits.
std::optional<int> parse_digits(std::string_view text, size_t width) {
  if (text.size() != width) return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

DayNumber day_number(int year, int month, int day) {
  // Howard Hinnant's days_from_civil.
  const long y = static_cast<long>(year) - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long mp = (month + 9) % 12;
  const long doy = (153 * mp + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return kDays[static_cast<size_t>(month - 1)];
}

const char* month_name(int month) { return kMonthNames[static_cast<size_t>(month - 1)]; }
const char* month_abbreviation(int month) {
  return kMonthAbbreviations[static_cast<size_t>(month - 1)];
}

PartialDate PartialDate::year(int year) {
  PartialDate d;
  d.year_ = year;
  return d;
}

PartialDate PartialDate::month(int year, int month) {
  PartialDate d = PartialDate::year(year);
  d.month_ = month;
  d.precision_ = DatePrecision::month;
  return d;
}

PartialDate PartialDate::day(int year, int month, int day) {
  PartialDate d = PartialDate::month(year, month);
  d.day_ = day;
  d.precision_ = DatePrecision::day;
  return d;
}

std::optional<PartialDate> PartialDate::parse(std::string_view text, std::string* error) {
  auto fail = [&](std::string message) -> std::optional<PartialDate> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  const std::string quoted = "\"" + std::string(text) + "\"";
  const bool shape_ok = (text.size() == 4) || (text.size() == 7 && text[4] == '-') ||
                        (text.size() == 10 && text[4] == '-' && text[7] == '-');
  if (!shape_ok) return fail("date " + quoted + " is not in the form YYYY, YYYY-MM or YYYY-MM-DD");

  const auto year = parse_digits(text.substr(0, 4), 4);
  if (!year) return fail("date " + quoted + " has a malformed year");
  if (*year < 1000)
    return fail("year " + std::to_string(*year) + " is out of range in date " + quoted);
  if (text.size() == 4) return PartialDate::year(*year);

  const auto month = parse_digits(text.substr(5, 2), 2);
  if (!month) return fail("date " + quoted + " has a malformed month");
  if (*month < 1 || *month > 12)
    return fail("month " + std::to_string(*month) + " is out of range in date " + quoted);
  if (text.size() == 7) return PartialDate::month(*year, *month);

  const auto day = parse_digits(text.substr(8, 2), 2);
  if (!day) return fail("date " + quoted + " has a malformed day");
  if (*day < 1 || *day > days_in_month(*year, *month))
    return fail("day " + std::to_string(*day) + " does not exist in " + month_name(*month) + " " +
                std::to_string(*year) + " (date " + quoted + ")");
  return PartialDate::day(*year, *month, *day);
}

DayNumber PartialDate::first_day() const {
  return day_number(year_, month_ ? month_ : 1, day_ ? day_ : 1);
}

DayNumber PartialDate::last_day() const {
  switch (precision_) {
    case DatePrecision::year:
      return day_number(year_, 12, 31);
    case DatePrecision::month:
      return day_number(year_, month_, days_in_month(year_, month_));
    case DatePrecision::day:
      break;
  }
  return first_day();
}

std::string PartialDate::format() const {
  switch (precision_) {
    case DatePrecision::year:
      return std::to_string(year_);
    case DatePrecision::month:
      return std::string(month_name(month_)) + " " + std::to_string(year_);
    case DatePrecision::day:
      break;
  }
  return std::to_string(day_) + " " + month_name(month_) + " " + std::to_string(year_);
}

std::string PartialDate::format_short() const {
  switch (precision_) {
    case DatePrecision::year:
      return std::to_string(year_);
    case DatePrecision::month:
      return std::string(month_abbreviation(month_)) + " " + std::to_string(year_);
    case DatePrecision::day:
      break;
  }
  return std::to_string(day_) + " " + month_abbreviation(month_) + " " + std::to_string(year_);
}

std::string PartialDate::iso() const {
  char buffer[16];
  switch (precision_) {
    case DatePrecision::year:
      std::snprintf(buffer, sizeof buffer, "%04d", year_);
      break;
    case DatePrecision::month:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", year_, month_);
      break;
    case DatePrecision::day:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year_, month_, day_);
      break;
  }
  return buffer;
}

std::strong_ordering operator<=>(const PartialDate& a, const PartialDate& b) {
  if (auto c = a.first_day() <=> b.first_day(); c != 0) return c;
  return a.last_day() <=> b.last_day();
}

}  // namespace briefing
