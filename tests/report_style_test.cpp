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
  const Diagnostic& e = d.all()[0];
  EXPECT_EQ(e.range.line, 4);
  EXPECT_EQ(e.range.column, 1);
  EXPECT_NE(e.hints.at(0).find("body_size"), std::string::npos) << e.hints.at(0);
}

TEST(ReportStyle, EveryBadValueIsReportedAtOnce) {
  Diagnostics d;
  const std::string text =
      "[page]\n"
      "size = \"a3x\"\n"           // 2: unknown paper
      "margin_left_mm = 300\n"     // 3: out of range
      "[fonts]\n"
      "body_family = \"Arial\"\n"  // 5: not bundled
      "body_size = \"big\"\n"      // 6: wrong type
      "[colors]\n"
      "accent = \"blue\"\n"        // 8: not a colour
      "[typesetting]\n"
      "widows = 0\n";              // 10: out of range
  EXPECT_FALSE(parse(text, d));
  std::vector<int> lines;
  for (const auto& e : d.all()) lines.push_back(e.range.line);
  EXPECT_EQ(lines, (std::vector<int>{2, 3, 5, 6, 8, 10})) << format_diagnostics(d);
}

TEST(ReportStyle, MarginsThatLeaveNoRoomAreRejected) {
  Diagnostics d;
  EXPECT_FALSE(parse("[page]\nsize = \"a5\"\nmargin_mm = 60\n", d));
  ASSERT_TRUE(d.has_errors());
  EXPECT_NE(d.all()[0].message.find("too little room"), std::string::npos);
}

TEST(ReportStyle, SyntaxErrorIsLocated) {
  Diagnostics d;
  EXPECT_FALSE(parse("[page]\nsize = a4\n", d));
  ASSERT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.all()[0].range.line, 2);
}

TEST(ReportStyle, PageTableIsRequired) {
  Diagnostics d;
  EXPECT_FALSE(parse("[fonts]\nbody_size = 10\n", d));
  EXPECT_TRUE(d.has_errors());
}

}  // namespace
}  // namespace briefing
