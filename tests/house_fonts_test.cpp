// A layout's own fonts: folders and files named in [fonts] (relative to the
// layout file) give families for every text role, embedded in PDFs and used
// in PNG and SVG; the machine's fonts only with `system = true`; a family no
// configured face has is an error at its name that lists what there is.
// DejaVu Sans (Debian's fonts-dejavu-core) is copied next to a test layout
// at test time.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;

const std::string kDejaVu = "/usr/share/fonts/truetype/dejavu";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

class HouseFonts : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kDejaVu + "/DejaVuSans.ttf")) GTEST_SKIP() << "fonts-dejavu-core is missing";
    dir_ = testing::make_temp_dir();
    fs::create_directories(dir_ + "/house");
    for (const char* face : {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
      fs::copy_file(kDejaVu + "/" + face, dir_ + "/house/" + face);
    }
  }

  // briefing-a4 with every text role in DejaVu Sans from ./house.
  std::string report_layout(const std::string& fonts_keys) {
    const std::string preset = testing::read_file(testing::repo_path("layouts/briefing-a4.toml"));
    std::string text = replaced(preset, "body_family = \"Noto Serif\"\n",
                                fonts_keys + "body_family = \"DejaVu Sans\"\n");
    text = replaced(text, "heading_family = \"Noto Sans\"", "heading_family = \"DejaVu Sans\"");
    const std::string path = dir_ + "/house-a4.toml";
    testing::write_file(path, text);
    return path;
  }

  std::string timeline_layout(const std::string& fonts_keys) {
    const std::string preset = testing::read_file(testing::repo_path("layouts/slide-16x9.toml"));
    std::string text =
        replaced(preset, "family = \"Noto Sans\"\ntitle_family = \"Noto Sans\"",
                 fonts_keys + "family = \"DejaVu Sans\"\ntitle_family = \"DejaVu Sans\"");
    const std::string path = dir_ + "/house-slide.toml";
    testing::write_file(path, text);
    return path;
  }

  std::string pdffonts(const std::string& pdf) {
    const auto result = testing::run_program({"/usr/bin/pdffonts", pdf});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
  }

  const std::string data_ = testing::repo_path("data/ai-safety-japan-2024.toml");
  std::string dir_;
};

TEST_F(HouseFonts, AReportSetsEveryRoleInTheLayoutsFontAndEmbedsIt) {
  const std::string layout = report_layout("dirs = [\"house\"]\n");
  const auto result =
      testing::run_briefing({"report", data_, "-o", dir_ + "/r.pdf", "--layout", layout});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string fonts = pdffonts(dir_ + "/r.pdf");
  // Embedded (the "emb" column), regular and bold.
  EXPECT_TRUE(std::regex_search(fonts, std::regex(R"(\+DejaVuSans\s.*\syes\s+yes)"))) << fonts;
  EXPECT_TRUE(std::regex_search(fonts, std::regex(R"(\+DejaVuSans-Bold\s.*\syes\s+yes)"))) << fonts;
  // Body and headings no longer use the bundled Latin faces; only the
  // figure (its own layout, report-figure) may.
  EXPECT_EQ(fonts.find("NotoSerif-Regular"), std::string::npos) << fonts;
}

TEST_F(HouseFonts, AFontFileCanBeNamedAlone) {
  const std::string layout =
      report_layout("files = [\"house/DejaVuSans.ttf\", \"house/DejaVuSans-Bold.ttf\"]\n");
  const auto result =
      testing::run_briefing({"report", data_, "-o", dir_ + "/f.pdf", "--layout", layout});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(pdffonts(dir_ + "/f.pdf").find("+DejaVuSans-Bold "), std::string::npos);
}

TEST_F(HouseFonts, TimelinesUseItInPdfPngAndSvg) {
  const std::string house = timeline_layout("dirs = [\"house\"]\n");
  for (const char* ext : {"pdf", "png", "svg"}) {
    const std::string out = dir_ + "/t." + ext;
    const auto result = testing::run_briefing({"timeline", data_, "-o", out, "--layout", house});
    ASSERT_EQ(result.exit_code, 0) << ext << ": " << result.err;
  }
  const std::string fonts = pdffonts(dir_ + "/t.pdf");
  EXPECT_NE(fonts.find("+DejaVuSans"), std::string::npos) << fonts;
  EXPECT_EQ(fonts.find("+NotoSans-"), std::string::npos) << fonts;
  // The same layout in the bundled face draws other pixels and other glyph
  // outlines: the raster and the SVG follow the layout's family too.
  const auto plain = testing::run_briefing({"timeline", data_, "-o", dir_ + "/plain.png"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  const auto plain_svg = testing::run_briefing({"timeline", data_, "-o", dir_ + "/plain.svg"});
  ASSERT_EQ(plain_svg.exit_code, 0) << plain_svg.err;
  EXPECT_NE(testing::read_file(dir_ + "/t.png"), testing::read_file(dir_ + "/plain.png"));
  EXPECT_NE(testing::read_file(dir_ + "/t.svg"), testing::read_file(dir_ + "/plain.svg"));
}

TEST_F(HouseFonts, TheMachinesFontsAreUnseenUnlessTheLayoutAsks) {
  // DejaVu Sans is installed on this machine, but no folder names it.
  const std::string layout = report_layout("");
  const auto unseen =
      testing::run_briefing({"report", data_, "-o", dir_ + "/u.pdf", "--layout", layout});
  EXPECT_EQ(unseen.exit_code, 1);
  EXPECT_NE(unseen.err.find("house-a4.toml:13:15: error: font family \"DejaVu Sans\" is not "
                            "among the configured fonts"),
            std::string::npos)
      << unseen.err;
  EXPECT_FALSE(fs::exists(dir_ + "/u.pdf"));

  const std::string asks = report_layout("system = true\n");
  const auto seen =
      testing::run_briefing({"report", data_, "-o", dir_ + "/s.pdf", "--layout", asks});
  ASSERT_EQ(seen.exit_code, 0) << seen.err;
  EXPECT_NE(pdffonts(dir_ + "/s.pdf").find("+DejaVuSans "), std::string::npos);
}

TEST_F(HouseFonts, AMissingFamilyIsLocatedAndListsTheFamiliesThereAre) {
  const std::string preset = testing::read_file(testing::repo_path("layouts/briefing-a4.toml"));
  std::string text = replaced(preset, "body_family = \"Noto Serif\"\n",
                              "dirs = [\"house\"]\nbody_family = \"DejaVu Sams\"\n");
  testing::write_file(dir_ + "/typo.toml", text);
  const auto result = testing::run_briefing(
      {"report", data_, "-o", dir_ + "/t.pdf", "--layout", dir_ + "/typo.toml"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("typo.toml:14:15: error: font family \"DejaVu Sams\" is not among "
                            "the configured fonts"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("did you mean \"DejaVu Sans\"?"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("available: DejaVu Sans, IPAexGothic, Noto Sans"), std::string::npos)
      << result.err;
}

TEST_F(HouseFonts, AFolderThatIsNotThereIsLocated) {
  const std::string layout = report_layout("dirs = [\"nowhere\"]\n");
  const auto result =
      testing::run_briefing({"report", data_, "-o", dir_ + "/n.pdf", "--layout", layout});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("house-a4.toml:13:8: error: no font folder \"nowhere\""),
            std::string::npos)
      << result.err;
}

// Armenian: in DejaVu Sans, in none of the bundled faces.
std::string with_armenian_title(const std::string& dir) {
  std::string data = testing::read_file(testing::repo_path("data/ai-safety-japan-2024.toml"));
  data = replaced(data, "title = \"Social Principles of Human-centric AI\"",
                  "title = \"Social Principles of Human-centric AI \xD5\x80\xD5\xA1\xD5\xB5\"");
  const std::string path = dir + "/armenian.toml";
  testing::write_file(path, data);
  return path;
}

TEST_F(HouseFonts, AHouseFaceDrawsAScriptTheBundledFontsCannot) {
  const std::string data = with_armenian_title(dir_);
  const auto bundled = testing::run_briefing({"timeline", data, "-o", dir_ + "/b.pdf"});
  EXPECT_EQ(bundled.exit_code, 1);
  EXPECT_NE(bundled.err.find("U+0540, which no configured font can draw"), std::string::npos)
      << bundled.err;
  EXPECT_FALSE(fs::exists(dir_ + "/b.pdf"));

  const std::string slide = timeline_layout("dirs = [\"house\"]\n");
  const auto timeline =
      testing::run_briefing({"timeline", data, "-o", dir_ + "/t.pdf", "--layout", slide});
  ASSERT_EQ(timeline.exit_code, 0) << timeline.err;
  EXPECT_NE(pdffonts(dir_ + "/t.pdf").find("+DejaVuSans"), std::string::npos);

  const std::string a4 = report_layout("dirs = [\"house\"]\n");
  const auto report =
      testing::run_briefing({"report", data, "-o", dir_ + "/r.pdf", "--layout", a4});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const auto text = testing::run_program({"/usr/bin/pdftotext", dir_ + "/r.pdf", "-"});
  EXPECT_NE(text.out.find("Human-centric AI \xD5\x80\xD5\xA1\xD5\xB5"), std::string::npos);
}

TEST_F(HouseFonts, CheckJudgesCoverageByTheLayoutsItIsGiven) {
  const std::string data = with_armenian_title(dir_);
  const auto bundled = testing::run_briefing({"check", data});
  EXPECT_EQ(bundled.exit_code, 1);
  EXPECT_NE(bundled.err.find("--layout LAYOUT"), std::string::npos) << bundled.err;
  const std::string slide = timeline_layout("dirs = [\"house\"]\n");
  const auto house = testing::run_briefing({"check", data, "--layout", slide});
  EXPECT_EQ(house.exit_code, 0) << house.err;
  EXPECT_NE(house.out.find(": ok: "), std::string::npos) << house.out;
  // A report layout is read the same way; a missing one is an error.
  const std::string a4 = report_layout("dirs = [\"house\"]\n");
  EXPECT_EQ(testing::run_briefing({"check", data, "--layout", a4}).exit_code, 0);
  const auto missing = testing::run_briefing({"check", data, "--layout", dir_ + "/none.toml"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot read the layout file"), std::string::npos) << missing.err;
}

TEST_F(HouseFonts, ABuildSeesTheLayoutsFontsAndReRendersWhenAFaceChanges) {
  with_armenian_title(dir_);
  timeline_layout("dirs = [\"house\"]\n");
  testing::write_file(dir_ + "/briefing.toml",
                      "[[output]]\nkind = \"timeline\"\npath = \"out/t.png\"\n"
                      "data = \"armenian.toml\"\nlayout = \"house-slide.toml\"\n");
  const std::string build = dir_ + "/briefing.toml";
  const auto first = testing::run_briefing({"build", build});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("1 rendered"), std::string::npos) << first.out;
  const auto again = testing::run_briefing({"build", build});
  EXPECT_NE(again.out.find("0 rendered, 1 up to date"), std::string::npos) << again.out;

  // The same file name, other bytes: the output is stale.
  fs::copy_file(kDejaVu + "/DejaVuSans-Bold.ttf", dir_ + "/house/DejaVuSans.ttf",
                fs::copy_options::overwrite_existing);
  const auto changed = testing::run_briefing({"build", build});
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_NE(changed.out.find("1 rendered, 0 up to date"), std::string::npos) << changed.out;
}

}  // namespace
}  // namespace briefing
