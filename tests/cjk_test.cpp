// Chinese, Japanese and Korean: every script drawable, with real bold faces
// (Noto Sans/Serif CJK from fonts-noto-cjk), and Japanese line breaking
// (kinsoku) and justification holding in the report's paragraphs.
#include <glib.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "test_support.h"
#include "text/font_setup.h"
#include "text/glyph_coverage.h"
#include "text/rich_paragraph.h"
#include "text/text_block.h"

namespace briefing {
namespace {

const char* const kTitles[] = {
    "한-EU 디지털 파트너십",                   // Korean
    "人工智能安全治理框架",                    // Simplified Chinese
    "人工智慧基本法草案（繁體）",              // Traditional Chinese
    "AIセーフティ・インスティテュートの設立",  // Japanese
};

// The family and weight of every run of a laid-out block that holds a
// character other than ASCII (the CJK runs).
std::vector<std::pair<std::string, int>> cjk_run_faces(const TextBlock& block) {
  std::vector<std::pair<std::string, int>> faces;
  PangoLayoutIter* iter = pango_layout_get_iter(block.layout());
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
    if (!run) continue;
    const PangoItem* item = run->item;
    const std::string text = block.text().substr(item->offset, item->length);
    if (std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; })) continue;
    PangoFontDescription* d = pango_font_describe(item->analysis.font);
    faces.emplace_back(pango_font_description_get_family(d), pango_font_description_get_weight(d));
    pango_font_description_free(d);
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
  return faces;
}

TEST(Cjk, TheFourNotoCjkFacesAreConfiguredAndNothingElseOfTheirFolder) {
  const std::string dir = cjk_fonts_directory();
  std::set<std::string> from_system;
  for (const std::string& file : configured_font_files()) {
    if (file.rfind(fonts_directory(), 0) == 0) continue;
    EXPECT_EQ(file.rfind(dir + "/", 0), 0u) << file << " is neither bundled nor a CJK face";
    from_system.insert(file.substr(dir.size() + 1));
  }
  const std::set<std::string> expected(std::begin(kCjkFontFiles), std::end(kCjkFontFiles));
  EXPECT_EQ(from_system, expected) << "is fonts-noto-cjk installed (./run.sh installs it)?";
}

TEST(Cjk, EveryScriptIsDrawableInRegularAndBold) {
  // In an English document, as the fact sheet's: Pango gives each CJK run
  // its script's language (ko, ja, zh), which picks the CJK faces.
  set_text_language("en");
  for (const char* title : kTitles) {
    EXPECT_EQ(first_undrawable_character(title), 0u) << title;
    for (const char* family : {kSansFamily, kSerifFamily}) {
      for (bool bold : {false, true}) {
        TextStyle style{family, 12, bold, false};
        const TextBlock block(title, style);
        EXPECT_EQ(block.unknown_glyphs(), 0) << title << " in " << family;
        const auto faces = cjk_run_faces(block);
        ASSERT_FALSE(faces.empty()) << title;
        for (const auto& [face, weight] : faces) {
          // Sans headings in Noto Sans CJK; serif body text in Noto Serif CJK.
          EXPECT_EQ(face, family == std::string(kSansFamily) ? kCjkSansFamily : kCjkSerifFamily)
              << title << " in " << family;
          if (bold) {
            EXPECT_GE(weight, PANGO_WEIGHT_BOLD) << title << ": a real bold face, not regular";
          } else {
            EXPECT_EQ(weight, PANGO_WEIGHT_NORMAL) << title;
          }
        }
      }
    }
  }
}

TEST(Cjk, CheckAcceptsKoreanAndChineseTitles) {
  const auto result =
      testing::run_briefing({"check", testing::repo_path("tests/data/cjk-fixture.toml")});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err.find("no configured font"), std::string::npos) << result.err;
}

TEST(Cjk, ReportOfKoreanAndChineseTitlesEmbedsBoldCjkFaces) {
  const std::string dir = testing::make_temp_dir();
  const auto result = testing::run_briefing(
      {"report", testing::repo_path("tests/data/cjk-fixture.toml"), "-o", dir + "/k.pdf"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto fonts = testing::run_program({"/usr/bin/pdffonts", dir + "/k.pdf"});
  ASSERT_EQ(fonts.exit_code, 0);
  EXPECT_NE(fonts.out.find("NotoSansCJKjp-Bold"), std::string::npos) << fonts.out;
  EXPECT_NE(fonts.out.find("NotoSansCJKjp-Regular"), std::string::npos) << fonts.out;
  EXPECT_EQ(fonts.out.find("IPAexGothic"), std::string::npos) << fonts.out;
  // Nothing drawn as a box: pdftotext gives back every title.
  const auto text = testing::run_program({"/usr/bin/pdftotext", dir + "/k.pdf", "-"});
  for (const char* title :
       {"한-EU 디지털 파트너십", "人工智能安全治理框架", "人工智慧基本法草案"}) {
    EXPECT_NE(text.out.find(title), std::string::npos) << title;
  }
}

// (A run of small kana longer than a line cannot be kept whole: Pango then
// breaks inside it, as any typesetter must; real text has no such runs.)
// Characters that must not start a line in Japanese (JIS X 4051 gyoto kinsoku):
// closing brackets and punctuation, iteration marks, prolonged sound mark
// and the small kana.
bool must_not_start_a_line(char32_t c) {
  static const std::u32string kForbidden =
      U"。、，．・：；？！」』）］｝〕〉》】ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョ"
      U"ヮヵヶ";
  return kForbidden.find(c) != std::u32string::npos;
}
// ... nor end one: opening brackets.
bool must_not_end_a_line(char32_t c) {
  static const std::u32string kForbidden = U"「『（［｛〔〈《【";
  return kForbidden.find(c) != std::u32string::npos;
}

std::u32string to_u32(const std::string& s) {
  std::u32string out;
  const char* at = s.data();
  const char* end = s.data() + s.size();
  while (at < end) {
    out += static_cast<char32_t>(g_utf8_get_char(at));
    at = g_utf8_next_char(at);
  }
  return out;
}

const char* const kJapaneseParagraph =
    "本ガイドラインは、事業者がＡＩを開発・提供・利用する際の留意点をまとめたものです。"
    "「人間中心」の考え方に基づき、ちょっとした工夫で安全性と利便性を両立させることを目指し、"
    "きゃっきゅっきょっといった小書きの仮名や、句読点「。」「、」、長音「ー」を多く含むこの文章で、"
    "行頭禁則と両端揃えを確かめます。ウェブサービスのチェックリスト、ソフトウェアのアップデート、"
    "ヴィジョンとシャッフル、ちょっとしたフォーマットのチェック。人々、時々、いすゞ。";

TEST(Cjk, JapaneseLinesNeverStartWithClosingPunctuationOrSmallKana) {
  int lines_checked = 0;
  for (double width = 60; width <= 320; width += 7) {
    for (TextAlign align : {TextAlign::left, TextAlign::justify}) {
      RichText rich;
      rich.append(kJapaneseParagraph);
      const Paragraph p(rich, TextStyle{kSerifFamily, 10.5, false, false}, width, align,
                        Color{0, 0, 0, 1});
      ASSERT_GT(p.lines().size(), 1u);
      for (size_t i = 0; i < p.lines().size(); ++i) {
        const std::u32string line = to_u32(p.line_text(i));
        ASSERT_FALSE(line.empty());
        EXPECT_FALSE(must_not_start_a_line(line.front()))
            << "line " << i << " at " << width << " pt starts with: " << p.line_text(i);
        if (i + 1 < p.lines().size()) {
          EXPECT_FALSE(must_not_end_a_line(line.back()))
              << "line " << i << " at " << width << " pt ends with: " << p.line_text(i);
        }
        ++lines_checked;
      }
    }
  }
  EXPECT_GT(lines_checked, 500);
}

TEST(Cjk, JustifiedJapaneseFillsEveryLineButTheLast) {
  for (double width : {120.0, 187.5, 251.0, 300.0}) {
    RichText rich;
    rich.append(kJapaneseParagraph);
    const Paragraph p(rich, TextStyle{kSerifFamily, 10.5, false, false}, width, TextAlign::justify,
                      Color{0, 0, 0, 1});
    ASSERT_GT(p.lines().size(), 2u);
    for (size_t i = 0; i + 1 < p.lines().size(); ++i) {
      EXPECT_NEAR(p.lines()[i].left, 0.0, 0.05) << "line " << i << " at " << width;
      EXPECT_NEAR(p.lines()[i].left + p.lines()[i].width, width, 0.3)
          << "line " << i << " at " << width << " pt: " << p.line_text(i);
    }
    // The last line is set ragged: it ends short of the measure.
    const ParagraphLine& last = p.lines().back();
    EXPECT_LT(last.left + last.width, width - 5) << width;
  }
}

}  // namespace
}  // namespace briefing
