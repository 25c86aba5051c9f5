// The SVG as a browser shows it: headless Chromium renders the SVG (its
// text in the embedded subsets) and the result matches our PNG of the same
// display list; a label moved by 2 pt does not.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <regex>

#include "paint/document_writer.h"
#include "svg_test_support.h"
#include "test_support.h"

namespace briefing {
namespace {

// Chromium draws 1 pt as 4/3 CSS pixels; at this device scale a CSS pixel
// is 1.5 device pixels, so the screenshot has 2 pixels per point.
constexpr double kDeviceScale = 1.5;
constexpr double kPixelsPerPoint = kDeviceScale * 4 / 3;
// Compared in cells of 2 × 2 pt (4 × 4 pixels); a cell differs when the mean
// of a channel is off by more than this (0..255). Chromium and cairo
// anti-alias the same outlines at other sub-pixel phases and gammas: no cell
// of the fact sheet differs by more than 59 (bidi.toml: 73, one cell); a
// label 2 pt off makes 56 cells differ by more.
constexpr int kCell = 4;
constexpr int kThreshold = 64;
// At most this fraction of cells may differ (26 of 129,600).
constexpr double kMostDiffering = 0.0002;

struct Rendered {
  testing::ImageDifference difference;
  std::string problem;
};

// Renders `svg` with Chromium and compares it with `document`'s PNG.
Rendered compare(const Document& document, const std::string& svg, const std::string& dir,
                 const std::string& name) {
  const Page& page = document.pages.front();
  const std::string svg_path = dir + "/" + name + ".svg";
  const std::string chromium_png = dir + "/" + name + "-chromium.png";
  const std::string our_png = dir + "/" + name + ".png";
  testing::write_file(svg_path, svg);
  testing::write_file(our_png, render_document(document, OutputFormat::png, {kPixelsPerPoint}));
  const int width = static_cast<int>(std::lround(page.width * 4 / 3));
  const int height = static_cast<int>(std::lround(page.height * 4 / 3));
  Rendered out;
  out.problem = testing::chromium_screenshot(svg_path, chromium_png, width, height, kDeviceScale);
  if (out.problem.empty())
    out.difference = testing::compare_pngs(our_png, chromium_png, kCell, kThreshold);
  return out;
}

// The first label's <text> moved right by 2 pt.
std::string with_first_label_moved(const std::string& svg) {
  const size_t label = svg.find("class=\"label\"");
  const size_t text = svg.find("<text ", label);
  EXPECT_NE(text, std::string::npos);
  std::string moved = svg;
  moved.insert(text + 6, "transform=\"translate(2 0)\" ");
  return moved;
}

class SvgRendered : public ::testing::TestWithParam<std::string> {};

TEST_P(SvgRendered, InChromiumLooksLikeThePngAndAMovedLabelDoesNot) {
  const Document document =
      GetParam() == "fact-sheet"
          ? testing::fact_sheet_timeline()
          : testing::timeline_of(testing::repo_path("tests/data/" + GetParam()));
  const std::string svg = render_document(document, OutputFormat::svg);
  const std::string dir = testing::make_temp_dir();
  const Rendered same = compare(document, svg, dir, "same");
  ASSERT_EQ(same.problem, "");
  ASSERT_EQ(same.difference.problem, "");
  EXPECT_LT(same.difference.differing, kMostDiffering)
      << "largest channel difference " << same.difference.largest << "; images in " << dir;
  // The check can fail: a label 2 pt off is seen.
  const Rendered moved = compare(document, with_first_label_moved(svg), dir, "moved");
  ASSERT_EQ(moved.problem, "");
  EXPECT_GT(moved.difference.differing, kMostDiffering)
      << "a moved label went unnoticed; images in " << dir;
  std::printf("%s: %.4f %% of cells differ (a moved label: %.4f %%)\n", GetParam().c_str(),
              100 * same.difference.differing, 100 * moved.difference.differing);
}

// librsvg reads no @font-face: it finds faces by their family names, which
// are the bundled faces' own. With them installed (here: a Fontconfig
// configuration of fonts/ alone), rsvg-convert draws what the PNG shows.
TEST_P(SvgRendered, ByRsvgWithTheBundledFontsInstalledLooksLikeThePng) {
  const Document document =
      GetParam() == "fact-sheet"
          ? testing::fact_sheet_timeline()
          : testing::timeline_of(testing::repo_path("tests/data/" + GetParam()));
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/t.svg", render_document(document, OutputFormat::svg));
  testing::write_file(dir + "/t.png",
                      render_document(document, OutputFormat::png, {kPixelsPerPoint}));
  testing::write_file(dir + "/fonts.conf", "<?xml version=\"1.0\"?>\n<fontconfig><dir>" +
                                               testing::repo_path("fonts") + "</dir><cachedir>" +
                                               dir + "/cache</cachedir></fontconfig>\n");
  const auto run =
      testing::run_program({"/usr/bin/env", "FONTCONFIG_FILE=" + dir + "/fonts.conf",
                            "rsvg-convert", "-z", "1.5", dir + "/t.svg", "-o", dir + "/rsvg.png"});
  ASSERT_EQ(run.exit_code, 0) << "rsvg-convert (librsvg2-bin): " << run.err;
  const auto difference =
      testing::compare_pngs(dir + "/t.png", dir + "/rsvg.png", kCell, kThreshold);
  ASSERT_EQ(difference.problem, "");
  EXPECT_LT(difference.differing, kMostDiffering) << "largest " << difference.largest;
}

INSTANTIATE_TEST_SUITE_P(Datasets, SvgRendered, ::testing::Values("fact-sheet", "bidi.toml"),
                         [](const auto& param_info) {
                           return param_info.param == "fact-sheet" ? std::string("FactSheet")
                                                                   : std::string("Bidi");
                         });

}  // namespace
}  // namespace briefing
