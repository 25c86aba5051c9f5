// Branding beyond words: the cover logo (an ImageShape: PNG as an image
// XObject, SVG through librsvg), the marking, logo, title and subtitle on
// every timeline slide and deck slide, lane colours from the layout and item
// colours from the data, and bad logos as located errors in the layout.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "base/color.h"
#include "load/dataset_loader.h"
#include "pdf_inspection.h"
#include "test_support.h"
#include "timeline_test_support.h"

namespace briefing {
namespace {

using namespace testing;

constexpr double kPointsPerMm = 72.0 / 25.4;

nlohmann::json dump_of(const std::string& path) { return nlohmann::json::parse(read_file(path)); }

std::vector<nlohmann::json> elements_of(const nlohmann::json& dump, size_t page,
                                        const std::string& kind) {
  std::vector<nlohmann::json> out;
  for (const auto& e : dump["pages"][page]["elements"]) {
    if (e.value("kind", "") == kind) out.push_back(e);
  }
  return out;
}

Rect box_of(const nlohmann::json& e) {
  return {e["x"].get<double>(), e["y"].get<double>(), e["width"].get<double>(),
          e["height"].get<double>()};
}

// A copy of layouts/example-branded.toml in `dir`, its logo line replaced.
std::string branded_report_layout(const std::string& dir, const std::string& logo_line) {
  std::string text = read_file(repo_path("layouts/example-branded.toml"));
  const std::string from = "logo = \"example-logo.svg\"";
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos);
  text.replace(at, from.size(), logo_line);
  const std::string path = dir + "/house.toml";
  write_file(path, text);
  return path;
}

TEST(BrandingLogo, TheExampleReportCoverShowsTheSvgLogoAtItsHeightAndAspect) {
  const std::string dir = make_temp_dir();
  const auto result =
      run_briefing({"report", repo_path("data/ai-safety-japan-2024.toml"), "-o", dir + "/b.pdf",
                    "--layout", "example-branded", "--layout-dump", dir + "/b.json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto dump = dump_of(dir + "/b.json");
  const auto logos = elements_of(dump, 0, "cover-logo");
  ASSERT_EQ(logos.size(), 1u);
  const Rect logo = box_of(logos[0]);
  // logo_height_mm = 14; layouts/example-logo.svg is 180 × 60.
  EXPECT_NEAR(logo.height, 14 * kPointsPerMm, 0.01);
  EXPECT_NEAR(logo.width / logo.height, 3.0, 0.001);
  EXPECT_NEAR(logo.x, 25 * kPointsPerMm, 0.01);  // at the left margin
  // Above the organisation line, clear of it; on no other page.
  const Rect organisation = box_of(elements_of(dump, 0, "cover-organisation").at(0));
  EXPECT_LT(logo.bottom(), organisation.y);
  for (size_t p = 1; p < dump["pages"].size(); ++p)
    EXPECT_TRUE(elements_of(dump, p, "cover-logo").empty()) << "page " << p + 1;
  // SVG is drawn as vectors: no image XObject in the PDF.
  EXPECT_TRUE(pdf_images(dir + "/b.pdf").empty());
  EXPECT_TRUE(pdf_soundness_problems(dir + "/b.pdf").empty());
}

TEST(BrandingLogo, APngLogoIsOneImageXObjectOnTheCover) {
  const std::string dir = make_temp_dir();
  const std::string layout = branded_report_layout(
      dir, "logo = \"" + repo_path("tests/data/logo-fixture.png") + "\"\nlogo_height_mm = 20");
  // logo_height_mm appears twice now: the example's 14 mm line must go.
  std::string text = read_file(layout);
  text.erase(text.find("logo_height_mm = 14"), std::string("logo_height_mm = 14").size());
  write_file(layout, text);
  const auto result =
      run_briefing({"report", repo_path("data/ai-safety-japan-2024.toml"), "-o", dir + "/b.pdf",
                    "--layout", layout, "--layout-dump", dir + "/b.json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Rect logo = box_of(elements_of(dump_of(dir + "/b.json"), 0, "cover-logo").at(0));
  EXPECT_NEAR(logo.height, 20 * kPointsPerMm, 0.01);
  EXPECT_NEAR(logo.width, 3 * 20 * kPointsPerMm, 0.01);  // the PNG is 240 × 80 px
  const auto images = pdf_images(dir + "/b.pdf");
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].width, 240);
  EXPECT_EQ(images[0].height, 80);
  EXPECT_TRUE(images[0].soft_mask);  // its alpha channel kept
  // On the cover page (poppler's own reading of the file).
  const auto list = run_program({"/usr/bin/pdfimages", "-list", dir + "/b.pdf"}).out;
  EXPECT_NE(list.find("\n   1     0 image     240    80"), std::string::npos) << list;
}

TEST(BrandingLogo, ABadLogoIsALocatedErrorAndLeavesTheOutputAlone) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/b.pdf", "earlier output");
  write_file(dir + "/garbage.png", "not an image at all");
  const std::string png = read_file(repo_path("tests/data/logo-fixture.png"));
  write_file(dir + "/truncated.png", png.substr(0, 120));
  write_file(dir + "/broken.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect");
  write_file(dir + "/sizeless.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"missing.svg", "cannot read the image \"missing.svg\": No such file or directory"},
      {"garbage.png", "neither a PNG nor an SVG file"},
      {"truncated.png", "a broken PNG"},
      {"broken.svg", "not a readable SVG"},
      {"sizeless.svg", "an SVG without a usable size"},
  };
  for (const auto& [file, says] : cases) {
    const std::string layout = branded_report_layout(dir, "logo = \"" + file + "\"");
    const auto result = run_briefing({"report", repo_path("data/ai-safety-japan-2024.toml"), "-o",
                                      dir + "/b.pdf", "--layout", layout});
    EXPECT_EQ(result.exit_code, 1) << file;
    // At the value: line of `logo = `, column 8.
    const size_t line = [&] {
      std::ifstream in(layout);
      std::string l;
      for (size_t n = 1; std::getline(in, l); ++n)
        if (l.rfind("logo = ", 0) == 0) return n;
      return size_t{0};
    }();
    EXPECT_NE(result.err.find("house.toml:" + std::to_string(line) + ":8: error:"),
              std::string::npos)
        << file << "\n"
        << result.err;
    EXPECT_NE(result.err.find(says), std::string::npos) << file << "\n" << result.err;
    EXPECT_EQ(read_file(dir + "/b.pdf"), "earlier output") << file;
  }
}

// ---- timelines -------------------------------------------------------------

TEST(BrandingTimeline, TheSlideHasItsMarkingLogoAndSubtitleClearOfTheChart) {
  const TimelineStyle style = preset("example-branded-timeline");
  ASSERT_TRUE(style.branding.logo);
  const LaidOutTimeline layout = lay_out(fact_sheet(), style);
  const PlacedElement* logo = nullptr;
  const PlacedElement* marking = nullptr;
  size_t subtitles = 0;
  for (const auto& e : layout.elements) {
    if (e.kind == "logo") logo = &e;
    if (e.kind == "marking") marking = &e;
    if (e.kind == "subtitle") ++subtitles;
  }
  ASSERT_TRUE(logo && marking);
  EXPECT_EQ(subtitles, 1u);
  EXPECT_EQ(marking->text, "DRAFT");
  EXPECT_DOUBLE_EQ(marking->size, 12);
  // Bottom right, inside the margins, 24 pt high at the logo's 3:1.
  EXPECT_NEAR(logo->box.height, 24, 1e-9);
  EXPECT_NEAR(logo->box.width, 72, 1e-9);
  EXPECT_NEAR(logo->box.right(), style.width - style.margin_right, 1e-9);
  EXPECT_NEAR(logo->box.bottom(), style.height - style.margin_bottom, 1e-9);
  // Centred, and on the logo's strip.
  EXPECT_NEAR(marking->box.x + marking->box.width / 2, style.width / 2, 0.5);
  EXPECT_GT(marking->box.y, logo->box.y - 0.01);
  EXPECT_LT(marking->box.right(), logo->box.x);
  // Nothing of the chart reaches into the strip.
  for (const auto& e : layout.elements) {
    if (e.kind == "logo" || e.kind == "marking") continue;
    EXPECT_FALSE(e.box.intersects(logo->box, 0)) << e.kind << " " << e.text;
    EXPECT_FALSE(e.box.intersects(marking->box, 0)) << e.kind << " " << e.text;
    EXPECT_LE(e.box.bottom(), logo->box.y + 0.01) << e.kind << " " << e.text;
  }
  expect_clean(layout, "branded slide");
}

TEST(BrandingTimeline, ALogoInATopCornerTakesAStripAboveTheTitle) {
  TimelineStyle style = preset("example-branded-timeline");
  style.branding.logo_corner = TimelineBranding::Corner::top_left;
  style.branding.title = "A title of the layout's own";
  const LaidOutTimeline layout = lay_out(fact_sheet(), style);
  const PlacedElement* logo = nullptr;
  const PlacedElement* title = nullptr;
  for (const auto& e : layout.elements) {
    if (e.kind == "logo") logo = &e;
    if (e.kind == "title") title = &e;
  }
  ASSERT_TRUE(logo && title);
  EXPECT_EQ(title->text, "A title of the layout's own");
  EXPECT_NEAR(logo->box.x, style.margin_left, 1e-9);
  EXPECT_NEAR(logo->box.y, style.margin_top, 1e-9);
  for (const auto& e : layout.elements) {
    if (e.kind == "logo") continue;
    EXPECT_GE(e.box.y, logo->box.bottom()) << e.kind << " " << e.text;
  }
}

TEST(BrandingTimeline, EveryDeckSlideIsMarked) {
  const std::string dir = make_temp_dir();
  const auto result = run_briefing({"timeline", repo_path("data/ai-safety-japan-2024.toml"), "-o",
                                    dir + "/deck.pdf", "--layout", "example-branded-timeline",
                                    "--deck", "--layout-dump", dir + "/deck.json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto dump = dump_of(dir + "/deck.json");
  const size_t slides = dump["pages"].size();
  ASSERT_GT(slides, 2u);
  for (size_t p = 0; p < slides; ++p) {
    EXPECT_EQ(elements_of(dump, p, "marking").size(), 1u) << "slide " << p + 1;
    EXPECT_EQ(elements_of(dump, p, "logo").size(), 1u) << "slide " << p + 1;
    const auto text = run_program({"/usr/bin/pdftotext", "-f", std::to_string(p + 1), "-l",
                                   std::to_string(p + 1), dir + "/deck.pdf", "-"})
                          .out;
    EXPECT_NE(text.find("DRAFT"), std::string::npos) << "slide " << p + 1;
  }
  EXPECT_TRUE(pdf_soundness_problems(dir + "/deck.pdf").empty());
}

TEST(BrandingTimeline, AnSvgSlideEmbedsTheLogoFile) {
  const std::string dir = make_temp_dir();
  const auto result = run_briefing({"timeline", repo_path("data/ai-safety-japan-2024.toml"), "-o",
                                    dir + "/t.svg", "--layout", "example-branded-timeline"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string svg = read_file(dir + "/t.svg");
  EXPECT_NE(svg.find("<image x=\""), std::string::npos);
  EXPECT_NE(svg.find("href=\"data:image/svg+xml;base64,"), std::string::npos);
  EXPECT_NE(svg.find(">DRAFT<"), std::string::npos);
}

TEST(BrandingTimeline, AnUnknownLogoCornerIsALocatedError) {
  const std::string dir = make_temp_dir();
  std::string text = read_file(repo_path("layouts/example-branded-timeline.toml"));
  const std::string from = "logo_corner = \"bottom-right\"";
  text.replace(text.find(from), from.size(), "logo_corner = \"bottom-rihgt\"");
  const std::string from_logo = "logo = \"example-logo.svg\"";
  text.replace(text.find(from_logo), from_logo.size(),
               "logo = \"" + repo_path("layouts/example-logo.svg") + "\"");
  write_file(dir + "/t.toml", text);
  const auto result = run_briefing({"timeline", repo_path("data/ai-safety-japan-2024.toml"), "-o",
                                    dir + "/t.png", "--layout", dir + "/t.toml"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("unknown logo corner \"bottom-rihgt\""), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("did you mean \"bottom-right\"?"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/t.png"));
}

// ---- colours ---------------------------------------------------------------

// The fill colours of every mark of `item_id`.
std::set<std::string> mark_colours(const Page& page, const std::string& item_id) {
  std::set<std::string> out;
  auto hex = [](const Color& c) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", static_cast<int>(c.r * 255 + 0.5),
                  static_cast<int>(c.g * 255 + 0.5), static_cast<int>(c.b * 255 + 0.5));
    return std::string(buffer);
  };
  for_each_item(page.items, [&](const DisplayItem& item, Point) {
    const auto* group = std::get_if<Group>(&item);
    if (!group || group->tag.kind != "marker" || group->tag.item_id != item_id) return;
    for (const DisplayItem& shape : group->items) {
      if (const auto* r = std::get_if<RectShape>(&shape); r && r->filled && r->fill.a > 0.5)
        out.insert(hex(r->fill));
      if (const auto* c = std::get_if<CircleShape>(&shape); c && c->filled)
        out.insert(hex(c->fill));
    }
  });
  return out;
}

// A FICTIONAL fixture: two sections, three made-up items, one with its own colour.
const char* kColourDataset = R"toml(
[dataset]
title = "Colour fixture (fictional)"
publisher = "Test publisher"
published = "2024-05-01"
language = "en"

[[section]]
id = "1"
title = "First"

[[section]]
id = "2"
title = "Second"

[[item]]
id = "plain-one"
section = "1"
title = "A fictional law"
kind = "law"
issuers = ["Parliament"]
summary = "Made up."
[[item.milestone]]
label = "adopted"
date = "2021-03-04"

[[item]]
id = "own-colour"
section = "1"
title = "A fictional plan in its own colour"
kind = "plan"
issuers = ["Ministry"]
summary = "Made up."
colour = "#aa3300"
[[item.milestone]]
label = "published"
date = "2022-06-07"

[[item]]
id = "second-lane"
section = "2"
title = "A fictional guideline"
kind = "guideline"
issuers = ["Agency"]
summary = "Made up."
[[item.milestone]]
label = "issued"
date = "2023-09-10"
)toml";

TEST(BrandingColours, LaneColoursFromTheLayoutAndItemColoursFromTheData) {
  const DatasetLoad load = load_dataset_text(kColourDataset, "colours.toml");
  ASSERT_TRUE(load.ok()) << load.report();
  const auto& dataset = load.dataset;
  ASSERT_TRUE(dataset->find_item("own-colour")->colour);
  TimelineStyle style = preset("slide-16x9");
  style.lane_color_overrides["2"] = Color{0x12 / 255.0, 0x34 / 255.0, 0x56 / 255.0, 1};
  const LaidOutTimeline layout = lay_out(*dataset, style);
  EXPECT_EQ(mark_colours(layout.page, "own-colour"), std::set<std::string>{"#aa3300"});
  EXPECT_EQ(mark_colours(layout.page, "second-lane"), std::set<std::string>{"#123456"});
  // The rest keep the palette's colour for their lane (Okabe–Ito blue, the first).
  EXPECT_EQ(mark_colours(layout.page, "plain-one"), std::set<std::string>{"#0072b2"});
}

// The page content of a report's PDF, uncompressed (qpdf --qdf).
std::string report_content(const std::string& layout, const std::string& dir) {
  const auto result = run_briefing({"report", repo_path("data/ai-safety-japan-2024.toml"), "-o",
                                    dir + "/b.pdf", "--layout", layout});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto qdf = run_program(
      {"/usr/bin/qpdf", "--qdf", "--object-streams=disable", dir + "/b.pdf", dir + "/q.pdf"});
  EXPECT_EQ(qdf.exit_code, 0) << qdf.err;
  return read_file(dir + "/q.pdf");
}

TEST(BrandingColours, TheReportFigureTakesTheReportLayoutsLaneColours) {
  // #123456 (a colour nothing else in the layout has) for the lane of 1.3:
  // cairo sets it as "0.0705882 0.203922 0.337255 rg" for the figure's marks.
  const std::string dir = make_temp_dir();
  std::string text = read_file(repo_path("layouts/example-branded.toml"));
  const std::string from = "\"1.3\" = \"#b3121f\"";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), "\"1.3\" = \"#123456\"");
  const std::string logo = "logo = \"example-logo.svg\"";
  text.replace(text.find(logo), logo.size(),
               "logo = \"" + repo_path("layouts/example-logo.svg") + "\"");
  write_file(dir + "/house.toml", text);
  const std::string colour = "0.0705882 0.203922 0.337255 rg";
  EXPECT_NE(report_content(dir + "/house.toml", dir).find(colour), std::string::npos);
  EXPECT_EQ(report_content("example-branded", dir).find(colour), std::string::npos);
}

TEST(BrandingColours, ABadLaneColourIsALocatedError) {
  const std::string dir = make_temp_dir();
  std::string text = read_file(repo_path("layouts/slide-16x9.toml"));
  text += "\n[lanes.colors]\n\"1.1\" = \"crimson\"\n";
  write_file(dir + "/t.toml", text);
  const auto result = run_briefing({"timeline", repo_path("data/ai-safety-japan-2024.toml"), "-o",
                                    dir + "/t.png", "--layout", dir + "/t.toml"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("t.toml:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("the colour of lane \"1.1\" is not a colour"), std::string::npos)
      << result.err;
}

// A [lanes.colors] key no lane of the data has is an error at the key in the
// layout file, with the nearest lane key; the layout alone cannot tell, so it
// is judged where the layout meets the data (timeline, deck, report figure).
TEST(BrandingColours, ALaneColourKeyNoLaneHasIsLocatedWithTheNearestKey) {
  const std::string dir = make_temp_dir();
  std::string text = read_file(repo_path("layouts/slide-16x9.toml"));
  ASSERT_EQ(text.back(), '\n');
  const auto key_line = std::count(text.begin(), text.end(), '\n') + 3;
  text += "\n[lanes.colors]\n\"othre\" = \"#aa3300\"\n\"1.1\" = \"#0b6e4f\"\n";
  write_file(dir + "/t.toml", text);
  const std::string data = repo_path("data/ai-safety-japan-2024.toml");
  const std::string at = "t.toml:" + std::to_string(key_line) +
                         ":1: error: no lane has the key "
                         "\"othre\" in [lanes.colors]";
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{}, std::vector<std::string>{"--deck"}}) {
    std::vector<std::string> args{"timeline",     data,       "-o",
                                  dir + "/t.pdf", "--layout", dir + "/t.toml"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = run_briefing(args);
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_NE(result.err.find(at), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("did you mean \"other\"?"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("key \"1.1\""), std::string::npos) << "1.1 is a lane: " << result.err;
  }
  // Keys that are lanes pass.
  std::string good = read_file(repo_path("layouts/slide-16x9.toml"));
  good += "\n[lanes.colors]\n\"other\" = \"#aa3300\"\n\"1.1\" = \"#0b6e4f\"\n";
  write_file(dir + "/good.toml", good);
  const auto ok =
      run_briefing({"timeline", data, "-o", dir + "/g.pdf", "--layout", dir + "/good.toml"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;

  // In a report layout, at its key too.
  std::string report = read_file(repo_path("layouts/example-branded.toml"));
  const std::string from = "\"1.3\" = \"#b3121f\"";
  ASSERT_NE(report.find(from), std::string::npos);
  const auto report_line =
      std::count(report.begin(), report.begin() + static_cast<std::ptrdiff_t>(report.find(from)),
                 '\n') +
      1;
  report.replace(report.find(from), from.size(), "\"1.33\" = \"#b3121f\"");
  const std::string logo = "logo = \"example-logo.svg\"";
  report.replace(report.find(logo), logo.size(),
                 "logo = \"" + repo_path("layouts/example-logo.svg") + "\"");
  write_file(dir + "/house.toml", report);
  const auto refused =
      run_briefing({"report", data, "-o", dir + "/r.pdf", "--layout", dir + "/house.toml"});
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_NE(refused.err.find("house.toml:" + std::to_string(report_line) +
                             ":1: error: no lane has the key \"1.33\" in [lanes.colors]"),
            std::string::npos)
      << refused.err;
}

}  // namespace
}  // namespace briefing
