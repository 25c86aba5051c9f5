// A date known to year, month or day precision, as policy documents state them.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace briefing {

enum class DatePrecision { year, month, day };

/// Days since 1970-01-01 in the proleptic Gregorian calendar.
using DayNumber = long;

DayNumber day_number(int year, int month, int day);
int days_in_month(int year, int month);

/// "2019", "2019-05" or "2019-05-22". A year-precision date is the whole year,
/// not 1 January: its interval runs from its first to its last day.
class PartialDate {
 public:
  PartialDate() = default;  // 1970 at year precision; loaders always parse

  static PartialDate year(int year);
  static PartialDate month(int year, int month);
  static PartialDate day(int year, int month, int day);

  /// Parses the ISO-like forms above. On failure returns nullopt and, if
  /// `error` is given, a message such as `month 13 is out of range`.
  static std::optional<PartialDate> parse(std::string_view text, std::string* error = nullptr);

  int year_value() const { return year_; }
  int month_value() const { return month_; }  // 0 at year precision
  int day_value() const { return day_; }      // 0 unless day precision
  DatePrecision precision() const { return precision_; }

  DayNumber first_day() const;
  DayNumber last_day() const;

  /// At its own precision: "2019", "May 2019", "22 September 2024".
  std::string format() const;
  /// Short form for tight spaces: "2019", "May 2019", "22 Sep 2024".
  std::string format_short() const;
  /// The form it was written in: "2019", "2019-05", "2024-09-22".
  std::string iso() const;

  /// Total order: by first day, then by last day (so a day sorts before the
  /// month that holds it, and the month before its year).
  friend std::strong_ordering operator<=>(const PartialDate& a, const PartialDate& b);
  friend bool operator==(const PartialDate& a, const PartialDate& b) {
    return a.year_ == b.year_ && a.month_ == b.month_ && a.day_ == b.day_ &&
           a.precision_ == b.precision_;
  }

 private:
  int year_ = 1970;
  int month_ = 0;
  int day_ = 0;
  DatePrecision precision_ = DatePrecision::year;
};

const char* month_name(int month);          // 1..12 → "January"
const char* month_abbreviation(int month);  // 1..12 → "Jan"

}  // namespace briefing
