// briefing timeline: sizes, formats, determinism, metadata, links, errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace briefing {
namespace {

using testing::run_briefing;
using testing::run_program;

const std::string& data() {
  static const std::string path = testing::repo_path("data/ai-safety-japan-2024.toml");
  return path;
}

// Width and height from a PNG's IHDR chunk.
std::pair<int, int> png_size(const std::string& path) {
  const std::string bytes = testing::read_file(path);
  if (bytes.size() < 24) return {0, 0};
  auto be32 = [&](size_t at) {
    return (static_cast<unsigned char>(bytes[at]) << 24) |
           (static_cast<unsigned char>(bytes[at + 1]) << 16) |
           (static_cast<unsigned char>(bytes[at + 2]) << 8) |
           static_cast<unsigned char>(bytes[at + 3]);
  };
  return {be32(16), be32(20)};
}

TEST(TimelineCommand, SlidePngIs1920x1080AndScales) {
  const std::string dir = testing::make_temp_dir();
  auto result = run_briefing({"timeline", data(), "-o", dir + "/t.png", "--allow-omissions"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(png_size(dir + "/t.png"), (std::pair<int, int>{1920, 1080}));
  result = run_briefing(
      {"timeline", data(), "-o", dir + "/t2.png", "--scale", "2", "--allow-omissions"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(png_size(dir + "/t2.png"), (std::pair<int, int>{3840, 2160}));
  // Undated items are counted on stderr.
  EXPECT_NE(result.err.find("no date and are left out"), std::string::npos) << result.err;
}

TEST(TimelineCommand, HighlightsSlideHasNoOmissions) {
  const std::string dir = testing::make_temp_dir();
  auto result = run_briefing({"timeline", data(), "-o", dir + "/h.png", "--highlights"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err.find("left out '"), std::string::npos) << result.err;
}

TEST(TimelineCommand, SvgAndPdfAreDeterministic) {
  const std::string dir = testing::make_temp_dir();
  for (const std::string ext : {"svg", "pdf", "png"}) {
    const std::string a = dir + "/a." + ext, b = dir + "/b." + ext;
    ASSERT_EQ(run_briefing({"timeline", data(), "-o", a, "--allow-omissions"}).exit_code, 0);
    ASSERT_EQ(run_briefing({"timeline", data(), "-o", b, "--allow-omissions"}).exit_code, 0);
    const std::string bytes = testing::read_file(a);
    EXPECT_GT(bytes.size(), 1000u);
    EXPECT_EQ(bytes, testing::read_file(b)) << ext << " differs between two runs";
  }
  // SVG: the slide's size in points.
  const std::string svg = testing::read_file(dir + "/a.svg");
  EXPECT_NE(svg.find("width=\"960"), std::string::npos);
  EXPECT_NE(svg.find("height=\"540"), std::string::npos);
}

TEST(TimelineCommand, PdfHasMetadataEmbeddedFontsAndLinks) {
  const std::string dir = testing::make_temp_dir();
  const std::string pdf = dir + "/t.pdf";
  ASSERT_EQ(run_briefing({"timeline", data(), "-o", pdf, "--allow-omissions"}).exit_code, 0);
  auto check = run_program({"/usr/bin/qpdf", "--check", pdf});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  auto info = run_program({"/usr/bin/pdfinfo", pdf});
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_NE(info.out.find("Fact Sheet of AI Safety in Japan 2024 — timeline"), std::string::npos)
      << info.out;
  EXPECT_NE(info.out.find("Japan AI Safety Institute"), std::string::npos)
      << info.out;  // author = publisher
  EXPECT_NE(info.out.find("briefing"), std::string::npos);
  EXPECT_NE(info.out.find("960 x 540 pts"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("2025"), std::string::npos)
      << info.out;  // created from the published date
  auto fonts = run_program({"/usr/bin/pdffonts", pdf});
  ASSERT_EQ(fonts.exit_code, 0);
  EXPECT_NE(fonts.out.find("NotoSans"), std::string::npos) << fonts.out;
  EXPECT_EQ(fonts.out.find(" no  "), std::string::npos) << "every font embedded:\n" << fonts.out;
  // Links: one URI annotation per placed label that has a source.
  auto qdf =
      run_program({"/usr/bin/qpdf", "--qdf", "--object-streams=disable", pdf, dir + "/q.pdf"});
  ASSERT_EQ(qdf.exit_code, 0) << qdf.err;
  const std::string text = testing::read_file(dir + "/q.pdf");
  size_t uris = 0;
  for (size_t at = text.find("/URI ("); at != std::string::npos; at = text.find("/URI (", at + 1))
    ++uris;
  EXPECT_GE(uris, 20u);
  EXPECT_NE(text.find("https://"), std::string::npos);
  auto words = run_program({"/usr/bin/pdftotext", pdf, "-"});
  EXPECT_NE(words.out.find("OECD AI Principles"), std::string::npos);
}

TEST(TimelineCommand, JapaneseTitlesRender) {
  const std::string dir = testing::make_temp_dir();
  const std::string toml = dir + "/ja.toml";
  testing::write_file(toml, R"(
[dataset]
title = "日本のAI政策"
publisher = "テスト"
published = "2024-06"
language = "ja"

[[section]]
id = "1"
title = "法律"

[[item]]
id = "a"
section = "1"
title = "人工知能関連技術の研究開発及び活用の推進に関する法律"
kind = "law"
issuers = ["国会"]
summary = "A test item."
[[item.milestone]]
label = "公布"
date = "2025-06-04"
[[item.link]]
url = "https://example.org/a"
)");
  const std::string pdf = dir + "/ja.pdf";
  auto result = run_briefing({"timeline", toml, "-o", pdf});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto fonts = run_program({"/usr/bin/pdffonts", pdf});
  EXPECT_NE(fonts.out.find("NotoSansCJKjp"), std::string::npos) << fonts.out;
  auto words = run_program({"/usr/bin/pdftotext", pdf, "-"});
  EXPECT_NE(words.out.find("人工知能関連技術"), std::string::npos) << words.out;
}

TEST(TimelineCommand, LayoutDumpListsPlacedElements) {
  const std::string dir = testing::make_temp_dir();
  auto result = run_briefing({"timeline", data(), "-o", dir + "/t.svg", "--layout-dump",
                              dir + "/d.json", "--allow-omissions"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string json = testing::read_file(dir + "/d.json");
  for (const std::string kind :
       {"label", "marker", "tick-label", "lane-title", "legend", "title"}) {
    EXPECT_NE(json.find("\"kind\": \"" + kind + "\""), std::string::npos) << kind;
  }
  EXPECT_NE(json.find("\"item\": \"oecd-ai-principles\""), std::string::npos);
}

TEST(TimelineCommand, CompareWithMarksNewAndChangedItems) {
  const std::string dir = testing::make_temp_dir();
  std::string text = testing::read_file(data());
  // The old version lacks nothing but has another OECD revision date.
  const std::string from = "date = \"2024-05\"";
  const size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), "date = \"2024-04\"");
  testing::write_file(dir + "/old.toml", text);
  auto result =
      run_briefing({"timeline", data(), "-o", dir + "/t.pdf", "--highlights", "--compare-with",
                    dir + "/old.toml", "--layout-dump", dir + "/d.json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto words = run_program({"/usr/bin/pdftotext", dir + "/t.pdf", "-"});
  // The changed item is tagged, and the legend explains the tag; nothing is NEW.
  EXPECT_NE(words.out.find("CHANGED"), std::string::npos) << words.out;
  EXPECT_EQ(words.out.find("NEW"), std::string::npos) << words.out;
  const std::string dump = testing::read_file(dir + "/d.json");
  EXPECT_NE(dump.find("\"CHANGED: since the compared data\""), std::string::npos);
  EXPECT_NE(dump.find("\"item\": \"oecd-ai-principles\""), std::string::npos);
  // An item missing from the old data is NEW (as the report's diff counts it).
  std::string older = testing::read_file(data());
  const size_t item_at = older.find("id = \"oecd-ai-principles\"");
  ASSERT_NE(item_at, std::string::npos);
  older.replace(item_at, std::string("id = \"oecd-ai-principles\"").size(),
                "id = \"oecd-ai-principles-old\"");
  testing::write_file(dir + "/older.toml", older);
  result = run_briefing({"timeline", data(), "-o", dir + "/n.pdf", "--highlights", "--compare-with",
                         dir + "/older.toml"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  words = run_program({"/usr/bin/pdftotext", dir + "/n.pdf", "-"});
  EXPECT_NE(words.out.find("NEW"), std::string::npos) << words.out;
  // Against itself nothing is marked, and the legend says nothing of it.
  result = run_briefing(
      {"timeline", data(), "-o", dir + "/same.pdf", "--highlights", "--compare-with", data()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  words = run_program({"/usr/bin/pdftotext", dir + "/same.pdf", "-"});
  EXPECT_EQ(words.out.find("CHANGED"), std::string::npos);
  EXPECT_EQ(words.out.find("since the compared data"), std::string::npos);
}

TEST(TimelineCommand, ArgumentErrorsExit2) {
  const std::string dir = testing::make_temp_dir();
  const std::vector<std::vector<std::string>> bad = {
      {"timeline"},
      {"timeline", data()},
      {"timeline", data(), "-o", dir + "/t.gif"},
      {"timeline", data(), "-o", dir + "/t.png", "--theme", "neon"},
      {"timeline", data(), "-o", dir + "/t.png", "--scale", "0"},
      {"timeline", data(), "-o", dir + "/t.png", "--scale", "two"},
      {"timeline", data(), "-o", dir + "/t.png", "--from", "2024-13"},
      {"timeline", data(), "-o", dir + "/t.png", "--from", "2024", "--to", "2023"},
      {"timeline", data(), "-o", dir + "/t.png", "--bogus"},
      {"timeline", data(), "-o"},
  };
  for (const auto& args : bad) {
    auto result = run_briefing(args);
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    EXPECT_EQ(result.exit_code, 2) << joined << "\n" << result.err;
    EXPECT_FALSE(result.err.empty());
  }
  EXPECT_FALSE(std::filesystem::exists(dir + "/t.png"));
}

TEST(TimelineCommand, BadLayoutFileIsLocatedAndKeepsTheOldOutput) {
  const std::string dir = testing::make_temp_dir();
  const std::string out = dir + "/t.png";
  testing::write_file(out, "previous good output");
  const std::string layout = dir + "/mine.toml";
  testing::write_file(
      layout, "[layout]\nwidth = 960\nheight = 540\n\n[text]\nlabel = 12\nlable_colour = 3\n");
  auto result = run_briefing({"timeline", data(), "-o", out, "--layout", layout});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find(layout + ":7:1: error: unknown key 'lable_colour'"), std::string::npos)
      << result.err;
  EXPECT_EQ(testing::read_file(out), "previous good output");
  // An unknown preset name lists the presets.
  result = run_briefing({"timeline", data(), "-o", out, "--layout", "slide-16x10"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("slide-16x9"), std::string::npos) << result.err;
  EXPECT_EQ(testing::read_file(out), "previous good output");
}

TEST(TimelineCommand, InvalidDataIsLocatedAndTouchesNothing) {
  const std::string dir = testing::make_temp_dir();
  const std::string out = dir + "/t.pdf";
  testing::write_file(out, "previous");
  auto result =
      run_briefing({"timeline", testing::repo_path("tests/data/dozen-mistakes.toml"), "-o", out});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("dozen-mistakes.toml:"), std::string::npos);
  EXPECT_EQ(testing::read_file(out), "previous");
}

TEST(TimelineCommand, OmissionsAreNamedAndFailUnlessAllowed) {
  // A tiny canvas cannot hold the fact sheet's labels.
  const std::string dir = testing::make_temp_dir();
  const std::string layout = dir + "/tiny.toml";
  testing::write_file(
      layout,
      "[layout]\nwidth = 200\nheight = 120\n[margins]\ntop = 4\nright = 4\nbottom = 4\nleft = 4\n");
  const std::string out = dir + "/t.svg";
  auto result = run_briefing({"timeline", data(), "-o", out, "--layout", layout});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("error: the label of item 'oecd-ai-principles' is left out: no room "
                            "for its lane at the minimum text size"),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  result = run_briefing({"timeline", data(), "-o", out, "--layout", layout, "--allow-omissions"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::filesystem::exists(out));
}

}  // namespace
}  // namespace briefing
