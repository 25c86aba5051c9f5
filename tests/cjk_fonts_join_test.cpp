// The CJK faces join Pango's configuration only when a text may need them
// (text/font_setup.h): Latin text never pays for sorting over them, text
// that needs them gets them, and what was laid out before they joined
// measures the same after. CTest runs each test in its own process, so each
// starts with the faces not yet joined.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "test_support.h"
#include "text/font_setup.h"
#include "text/text_block.h"

namespace briefing {
namespace {

bool cjk_installed() {
  const auto files = configured_font_files();
  return std::any_of(files.begin(), files.end(), [](const std::string& file) {
    return file.find("NotoSansCJK-Regular.ttc") != std::string::npos;
  });
}

// The family of the font Pango chose for the run holding byte `at`.
std::string family_at(const TextBlock& block, int at) {
  PangoLayoutIter* iter = pango_layout_get_iter(block.layout());
  std::string family;
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
    if (run && run->item->offset <= at && at < run->item->offset + run->item->length) {
      PangoFontDescription* d = pango_font_describe(run->item->analysis.font);
      family = pango_font_description_get_family(d);
      pango_font_description_free(d);
    }
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
  return family;
}

TEST(CjkFontsJoin, LatinTextLeavesThemOutAndTheyStillCountAsConfigured) {
  if (!cjk_installed()) GTEST_SKIP() << "fonts-noto-cjk is not installed";
  set_text_language("en");
  const TextBlock latin("Guidelines for AI Business Operators \u2014 \u201Cdraft\u201D",
                        TextStyle{"Noto Sans", 10, true, false}, 200);
  EXPECT_EQ(latin.unknown_glyphs(), 0);
  EXPECT_FALSE(cjk_fonts_joined()) << "Latin text and general punctuation need no CJK face";
}

TEST(CjkFontsJoin, AHanTitleMakesThemJoinAndBlocksLaidOutBeforeMeasureTheSame) {
  if (!cjk_installed()) GTEST_SKIP() << "fonts-noto-cjk is not installed";
  set_text_language("en");
  const TextStyle style{"Noto Sans", 11, false, false};
  const std::string english = "Hiroshima AI Process: international guiding principles";
  const TextBlock before(english, style, 150);
  const double width = before.width(), height = before.height();
  const int lines = before.line_count();
  ASSERT_FALSE(cjk_fonts_joined());

  const std::string title = "AI \u4E8B\u696D\u8005";  // "AI 事業者"
  const TextBlock han(title, style);
  EXPECT_TRUE(cjk_fonts_joined());
  EXPECT_EQ(han.unknown_glyphs(), 0);
  // Han in an English document: Noto Sans CJK JP, as when the faces were
  // configured from the start (cjk_fallback_rules()).
  EXPECT_EQ(family_at(han, 3), kCjkSansFamily);

  // Pango lays the earlier block out again after the font map changed:
  // the same lines and size, and the same as a block made now.
  EXPECT_EQ(before.line_count(), lines);
  EXPECT_DOUBLE_EQ(before.width(), width);
  EXPECT_DOUBLE_EQ(before.height(), height);
  const TextBlock after(english, style, 150);
  EXPECT_DOUBLE_EQ(after.width(), width);
  EXPECT_DOUBLE_EQ(after.height(), height);
  EXPECT_EQ(family_at(after, 0), "Noto Sans");
}

TEST(CjkFontsJoin, AJapaneseDocumentJoinsThemBeforeAnyText) {
  if (!cjk_installed()) GTEST_SKIP() << "fonts-noto-cjk is not installed";
  ASSERT_FALSE(cjk_fonts_joined());
  set_text_language("ja");
  EXPECT_TRUE(cjk_fonts_joined()) << "Japanese has its own font rules";
  set_text_language("en");
}

TEST(CjkFontsJoin, AnArrowInEnglishStaysWithTheBundledFaces) {
  if (!cjk_installed()) GTEST_SKIP() << "fonts-noto-cjk is not installed";
  set_text_language("en");
  ASSERT_FALSE(cjk_fonts_joined());
  const TextBlock arrow("before \u2192 after", TextStyle{});  // Noto Sans has no U+2192
  EXPECT_FALSE(cjk_fonts_joined());
  EXPECT_EQ(arrow.unknown_glyphs(), 0);
  EXPECT_EQ(family_at(arrow, 7), kJapaneseFamily);
  // The same with the CJK faces there: IPAexGothic's.
  ensure_cjk_fonts();
  const TextBlock again("before \u2192 after", TextStyle{});
  EXPECT_EQ(family_at(again, 7), kJapaneseFamily);
}

TEST(CjkFontsJoin, OtherScriptsAndOtherLanguagesMakeThemJoin) {
  if (!cjk_installed()) GTEST_SKIP() << "fonts-noto-cjk is not installed";
  set_text_language("en");
  ASSERT_FALSE(cjk_fonts_joined());
  const TextBlock greek("\u03B1\u03B9", TextStyle{});  // Greek: its language may rank faces apart
  EXPECT_TRUE(cjk_fonts_joined());
}

TEST(CjkFontsJoin, AccentedLettersOutsideEnglishMakeThemJoin) {
  if (!cjk_installed()) GTEST_SKIP() << "fonts-noto-cjk is not installed";
  set_text_language("fr");
  ASSERT_FALSE(cjk_fonts_joined());
  const TextBlock english_word("Lignes directrices", TextStyle{});  // ASCII: nothing to choose
  EXPECT_FALSE(cjk_fonts_joined());
  const TextBlock accented("Soci\u00E9t\u00E9", TextStyle{});
  EXPECT_TRUE(cjk_fonts_joined());
  set_text_language("en");
}

TEST(CjkFontsJoin, AddingALayoutsFontsJoinsThemFirst) {
  if (!cjk_installed()) GTEST_SKIP() << "fonts-noto-cjk is not installed";
  ASSERT_FALSE(cjk_fonts_joined());
  const auto files_before = configured_font_files();
  EXPECT_TRUE(add_font_path(fonts_directory() + "/NotoSans-Regular.ttf"));
  font_sources_changed();
  EXPECT_TRUE(cjk_fonts_joined()) << "so that the faces keep the order they always had";
  EXPECT_EQ(configured_font_files().size(), files_before.size() + 1);
}

}  // namespace
}  // namespace briefing
