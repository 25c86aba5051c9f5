#include "model/partial_date.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace briefing {
namespace {

PartialDate parse_ok(const std::string& text) {
  std::string error;
  auto date = PartialDate::parse(text, &error);
  EXPECT_TRUE(date.has_value()) << text << ": " << error;
  return date.value_or(PartialDate());
}

std::string parse_error(const std::string& text) {
  std::string error;
  EXPECT_FALSE(PartialDate::parse(text, &error).has_value()) << text;
  return error;
}

TEST(PartialDate, ParsesEachPrecision) {
  EXPECT_EQ(parse_ok("2019").precision(), DatePrecision::year);
  EXPECT_EQ(parse_ok("2019-05").precision(), DatePrecision::month);
  const PartialDate day = parse_ok("2024-09-22");
  EXPECT_EQ(day.precision(), DatePrecision::day);
  EXPECT_EQ(day.year_value(), 2024);
  EXPECT_EQ(day.month_value(), 9);
  EXPECT_EQ(day.day_value(), 22);
}

TEST(PartialDate, RejectsImpossibleDates) {
  EXPECT_EQ(parse_error("2024-13"), "month 13 is out of range in date \"2024-13\"");
  EXPECT_EQ(parse_error("2024-00"), "month 0 is out of range in date \"2024-00\"");
  EXPECT_EQ(parse_error("2024-02-30"),
            "day 30 does not exist in February 2024 (date \"2024-02-30\")");
  EXPECT_EQ(parse_error("2023-02-29"),
            "day 29 does not exist in February 2023 (date \"2023-02-29\")");
  parse_ok("2024-02-29");  // leap year
  parse_ok("2000-02-29");  // divisible by 400
  parse_error("1900-02-29");
  EXPECT_NE(parse_error("May 2019").find("YYYY, YYYY-MM or YYYY-MM-DD"), std::string::npos);
  parse_error("2019-5");
  parse_error("2019-05-1");
  parse_error("20x9");
  parse_error("");
}

TEST(PartialDate, IntervalCoversItsWholePrecision) {
  const PartialDate year = parse_ok("2024");
  EXPECT_EQ(year.first_day(), day_number(2024, 1, 1));
  EXPECT_EQ(year.last_day(), day_number(2024, 12, 31));
  EXPECT_EQ(year.last_day() - year.first_day() + 1, 366);
  const PartialDate feb = parse_ok("2024-02");
  EXPECT_EQ(feb.last_day() - feb.first_day() + 1, 29);
  const PartialDate day = parse_ok("2024-09-22");
  EXPECT_EQ(day.first_day(), day.last_day());
  EXPECT_EQ(day_number(1970, 1, 1), 0);
  EXPECT_EQ(day_number(2000, 3, 1), 11017);
}

TEST(PartialDate, TotalOrder) {
  std::vector<PartialDate> dates = {parse_ok("2024"),       parse_ok("2019-05"),
                                    parse_ok("2024-01-01"), parse_ok("2024-01"),
                                    parse_ok("2019"),       parse_ok("2023-12-31")};
  std::sort(dates.begin(), dates.end());
  std::vector<std::string> iso;
  for (const auto& d : dates) iso.push_back(d.iso());
  EXPECT_EQ(iso, (std::vector<std::string>{"2019", "2019-05", "2023-12-31", "2024-01-01", "2024-01",
                                           "2024"}));
  EXPECT_LT(parse_ok("2019-12"), parse_ok("2020"));
  EXPECT_EQ(parse_ok("2020-02"), parse_ok("2020-02"));
  EXPECT_NE(parse_ok("2020"), parse_ok("2020-01"));
}

TEST(PartialDate, FormatsAtItsOwnPrecision) {
  EXPECT_EQ(parse_ok("2019").format(), "2019");
  EXPECT_EQ(parse_ok("2019-05").format(), "May 2019");
  EXPECT_EQ(parse_ok("2024-09-22").format(), "22 September 2024");
  EXPECT_EQ(parse_ok("2024-09-22").format_short(), "22 Sep 2024");
  EXPECT_EQ(parse_ok("2024-09").iso(), "2024-09");
  EXPECT_EQ(parse_ok("2024-09-02").iso(), "2024-09-02");
}

}  // namespace
}  // namespace briefing
