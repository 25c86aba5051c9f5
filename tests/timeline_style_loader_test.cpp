// Layout presets: the bundled ones load; errors in a preset are located.
#include "load/timeline_style_loader.h"

#include <gtest/gtest.h>

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

void expect_error(const std::string& text, int line, int column, const std::string& part) {
  Diagnostics diagnostics;
  auto style = load_timeline_style_text(text, "bad.toml", diagnostics);
  EXPECT_FALSE(style.has_value()) << text;
  bool found = false;
  for (const auto& d : diagnostics.all()) {
    if (d.range.line == line && d.range.column == column &&
        d.message.find(part) != std::string::npos) {
      found = true;
    }
  }
  EXPECT_TRUE(found) << "expected " << line << ":" << column << " '" << part << "' in\n"
                     << format_diagnostics(diagnostics);
}

TEST(TimelineStyleLoader, ErrorsAreLocated) {
  const std::string head = "[layout]\nwidth = 960\nheight = 540\n";
  expect_error(head + "[text]\nlabl = 10\n", 5, 1, "unknown key 'labl'");
  expect_error(head + "[text]\nlabel = \"big\"\n", 5, 9, "'label' must be");
  expect_error(head + "[lanes]\ngroup_by = \"sections\"\n", 5, 12, "unknown lane grouping");
  expect_error(head + "[theme.light]\ntext = \"#12345\"\n", 5, 8, "not a colour");
  expect_error(head + "[theme.ligth]\n", 4, 8, "unknown theme 'ligth'");
  expect_error(head + "[text]\nlabel = 8\nminimum = 9\n", 6, 11, "must not exceed");
  expect_error("[layout]\nwidth = -5\nheight = 540\n", 2, 9, "between");
  expect_error("[layout]\nwidth = 960\n", 1, 1, "'height'");
  expect_error("[layout\nwidth = 960\n", 1, 8, "");  // TOML syntax error
  expect_error(head + "[fonts]\nfamily = \"Comic Sans\"\n", 5, 10, "unknown font family");
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
