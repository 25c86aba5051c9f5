// Layout presets: the bundled ones load; errors in a preset are located.
#include "load/timeline_style_loader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace briefing {
namespace {

TEST(TimelineStyleLoader, BundledPresetsLoad) {
  for (const std::string name : {"slide-16x9", "slide-4x3", "a4-landscape", "report-figure"}) {
    Diagnostics diagnostics;
    auto style = load_timeline_style(resolve_layout_path(name), diagnostics);
    ASSERT_TRUE(style.has_value()) << name << "\n" << format_diagnostics(diagnostics);
    EXPECT_EQ(style->name, name);
    EXPECT_GT(style->width, style->height);
    EXPECT_LE(style->min_text_size, style->label_size);
  }
  Diagnostics diagnostics;
  auto slide = load_timeline_style(resolve_layout_path("slide-16x9"), diagnostics);
  ASSERT_TRUE(slide.has_value());
  // 13.333 × 7.5 in, 1920 × 1080 px.
  EXPECT_DOUBLE_EQ(slide->width, 960);
  EXPECT_DOUBLE_EQ(slide->height, 540);
  EXPECT_DOUBLE_EQ(slide->width * slide->pixels_per_point, 1920);
  EXPECT_GE(slide->highlight_min_text_size * slide->pixels_per_point, 28);
}

TEST(TimelineStyleLoader, NamesAndPaths) {
  EXPECT_EQ(resolve_layout_path("my/own.toml"), "my/own.toml");
  EXPECT_EQ(resolve_layout_path("own.toml"), "own.toml");
  EXPECT_EQ(resolve_layout_path("slide-4x3"), layouts_directory() + "/slide-4x3.toml");
  const auto names = available_layouts();
  EXPECT_NE(std::find(names.begin(), names.end(), "report-figure"), names.end());
}

// Exactly one error at exactly `line`:`column` with exactly `message` and `hint`.
void expect_error(const std::string& text, int line, int column, const std::string& message,
                  const std::string& hint = {}) {
  Diagnostics diagnostics;
  auto style = load_timeline_style_text(text, "bad.toml", diagnostics);
  EXPECT_FALSE(style.has_value()) << text;
  EXPECT_EQ(diagnostics.error_count(), 1u) << format_diagnostics(diagnostics);
  EXPECT_TRUE(testing::has_error(diagnostics, line, column, message, hint)) << text;
}

TEST(TimelineStyleLoader, ErrorsAreLocated) {
  const std::string head = "[layout]\nwidth = 960\nheight = 540\n";
  expect_error(head + "[text]\nlabl = 10\n", 5, 1, "unknown key 'labl' in [text]",
               "did you mean 'label'?");
  expect_error(head + "[text]\nlabel = \"big\"\n", 5, 9, "'label' must be a number, not a string");
  expect_error(head + "[lanes]\ngroup_by = \"sections\"\n", 5, 12,
               "unknown lane grouping \"sections\"", "did you mean \"section\"?");
  expect_error(head + "[theme.light]\ntext = \"#12345\"\n", 5, 8, "\"#12345\" is not a colour",
               "write colours as \"#rrggbb\" or \"#rrggbbaa\"");
  expect_error(head + "[theme.ligth]\n", 4, 8, "unknown theme 'ligth'", "did you mean 'light'?");
  expect_error(head + "[text]\nlabel = 8\nminimum = 9\n", 6, 11,
               "'minimum' (9) must not exceed 'label' (8)");
  expect_error("[layout]\nwidth = -5\nheight = 540\n", 2, 9,
               "'width' must be between 72 and 14400, not -5");
  expect_error("[layout]\nwidth = 960\n", 1, 1, "[layout] is missing the required key 'height'");
  expect_error(head + "[fonts]\nfamily = \"\"\n", 5, 10, "'family' is empty");
  expect_error(head + "[fonts]\ndirs = [\"no-such-folder\"]\n", 5, 8,
               "no font folder \"no-such-folder\" (looked for " +
                   std::filesystem::current_path().string() + "/no-such-folder)",
               "paths in [fonts] are relative to the layout file's folder");
  expect_error(head + "[axis]\nbreak = false\n", 5, 1, "unknown key 'break' in [axis]",
               "did you mean 'breaks'?");
}

TEST(TimelineStyleLoader, SyntaxErrorsAreLocated) {
  Diagnostics diagnostics;
  EXPECT_FALSE(load_timeline_style_text("[layout\nwidth = 960\n", "bad.toml", diagnostics));
  ASSERT_EQ(diagnostics.all().size(), 1u);
  EXPECT_EQ(diagnostics.all()[0].range.line, 1);
  EXPECT_EQ(diagnostics.all()[0].range.column, 8);
}

TEST(TimelineStyleLoader, HintsSuggestTheClosestKey) {
  Diagnostics diagnostics;
  load_timeline_style_text("[layout]\nwidth = 960\nheight = 540\n[axis]\nbreak = false\n",
                           "bad.toml", diagnostics);
  const std::string report = format_diagnostics(diagnostics);
  EXPECT_NE(report.find("bad.toml:5:1: error"), std::string::npos) << report;
  EXPECT_NE(report.find("breaks"), std::string::npos) << report;
}

TEST(TimelineStyleLoader, MissingFileListsPresets) {
  Diagnostics diagnostics;
  EXPECT_FALSE(load_timeline_style(resolve_layout_path("no-such-preset"), diagnostics).has_value());
  ASSERT_EQ(diagnostics.all().size(), 1u);
  EXPECT_NE(diagnostics.all()[0].hints.at(0).find("slide-16x9"), std::string::npos);
}

}  // namespace
}  // namespace briefing
