#include <gtest/gtest.h>

#include "load/report_style_loader.h"
#include "test_support.h"

namespace briefing {
namespace {

std::optional<ReportStyle> parse(const std::string& text, Diagnostics& d) {
  return load_report_style_text(text, "x.toml", d);
}

TEST(ReportStyle, BundledLayoutsLoad) {
  Diagnostics d;
  auto a4 = load_report_style(testing::repo_path("layouts/briefing-a4.toml"), d);
  auto letter = load_report_style(testing::repo_path("layouts/briefing-letter.toml"), d);
  ASSERT_TRUE(a4 && letter) << format_diagnostics(d);
  EXPECT_NEAR(a4->page_width, 595.276, 0.01);
  EXPECT_NEAR(a4->page_height, 841.89, 0.01);
  EXPECT_NEAR(a4->margin_left, 70.866, 0.01);  // 25 mm
  EXPECT_NEAR(letter->page_width, 612, 0.01);
  EXPECT_NEAR(letter->page_height, 792, 0.01);
  EXPECT_NEAR(letter->margin_top, 72, 0.01);  // 1 in
  EXPECT_EQ(a4->body_family, "Noto Serif");
  EXPECT_EQ(a4->heading_family, "Noto Sans");
  EXPECT_EQ(a4->figure_layout, "report-figure");
}

TEST(ReportStyle, UnknownKeyIsLocatedWithHint) {
  Diagnostics d;
  EXPECT_FALSE(parse("[page]\nsize = \"a4\"\n[fonts]\nbody_sise = 11\n", d));
  ASSERT_EQ(d.error_count(), 1u) << format_diagnostics(d);
  EXPECT_TRUE(testing::has_error(d, 4, 1, "unknown key 'body_sise' in [fonts]",
                                 "did you mean 'body_size'?"));
}

TEST(ReportStyle, EveryBadValueIsReportedAtOnce) {
  Diagnostics d;
  const std::string text =
      "[page]\n"
      "size = \"a3x\"\n"        // 2: unknown paper
      "margin_left_mm = 300\n"  // 3: out of range
      "[fonts]\n"
      "body_family = \"\"\n"   // 5: empty (a family no font has: house_fonts_test)
      "body_size = \"big\"\n"  // 6: wrong type
      "[colors]\n"
      "accent = \"blue\"\n"  // 8: not a colour
      "[typesetting]\n"
      "widows = 0\n";  // 10: out of range
  EXPECT_FALSE(parse(text, d));
  EXPECT_EQ(d.error_count(), 6u) << format_diagnostics(d);
  EXPECT_TRUE(testing::has_error(d, 2, 8, "unknown paper size \"a3x\"", "did you mean 'a4'?"));
  EXPECT_TRUE(testing::has_error(d, 3, 18, "'margin_left_mm' must be between 5 and 100, not 300"));
  EXPECT_TRUE(testing::has_error(d, 5, 15, "'body_family' is empty"));
  EXPECT_TRUE(testing::has_error(d, 6, 13, "'body_size' must be a number, not a string"));
  EXPECT_TRUE(testing::has_error(d, 8, 10, "\"blue\" is not a colour",
                                 "write colours as \"#rrggbb\" or \"#rrggbbaa\""));
  EXPECT_TRUE(testing::has_error(d, 10, 10, "'widows' must be between 1 and 5, not 0"));
}

TEST(ReportStyle, MarginsThatLeaveNoRoomAreRejectedWhereTheyAreSet) {
  Diagnostics d;
  EXPECT_FALSE(parse("[page]\nsize = \"a5\"\nmargin_mm = 60\n", d));
  EXPECT_TRUE(testing::has_error(d, 3, 1, "the margins leave too little room for text (28 x 90 mm)",
                                 "keep at least 51 x 76 mm between the margins"));
}

TEST(ReportStyle, SyntaxErrorIsLocated) {
  Diagnostics d;
  EXPECT_FALSE(parse("[page]\nsize = a4\n", d));
  ASSERT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.all()[0].range.line, 2);
  EXPECT_EQ(d.all()[0].range.column, 8);
}

TEST(ReportStyle, PageTableIsRequired) {
  Diagnostics d;
  EXPECT_FALSE(parse("[fonts]\nbody_size = 10\n", d));
  EXPECT_TRUE(testing::has_error(d, 1, 1, "the report layout is missing the required key 'page'"));
}

}  // namespace
}  // namespace briefing
