#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"
#include "text/font_setup.h"
#include "text/glyph_coverage.h"
#include "text/text_block.h"

namespace briefing {
namespace {

TEST(Fonts, SeesOnlyTheBundledFaces) {
  const auto files = configured_font_files();
  ASSERT_FALSE(files.empty());
  const std::string dir = fonts_directory();
  // Only the bundled faces and the four CJK ones of fonts-noto-cjk
  // (checked in cjk_test): never the machine's other fonts.
  const std::string cjk = cjk_fonts_directory();
  for (const auto& file : files) {
    const bool bundled = file.rfind(dir, 0) == 0;
    const bool cjk_face = std::any_of(std::begin(kCjkFontFiles), std::end(kCjkFontFiles),
                                      [&](const char* name) { return file == cjk + "/" + name; });
    EXPECT_TRUE(bundled || cjk_face) << file << " is not under " << dir;
  }
  auto has = [&](const std::string& name) {
    return std::any_of(files.begin(), files.end(), [&](const std::string& f) {
      return f.size() >= name.size() && f.compare(f.size() - name.size(), name.size(), name) == 0;
    });
  };
  for (const char* face : {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
                           "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
                           "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf",
                           "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", "ipaexg.ttf"}) {
    EXPECT_TRUE(has(face)) << face;
  }
}

TEST(Fonts, FamiliesResolveToBundledFaces) {
  for (const char* family : {kSansFamily, kSerifFamily, kJapaneseFamily, "sans-serif", "serif"}) {
    TextStyle style;
    style.family = family;
    TextBlock block("Abc", style);
    PangoFontDescription* description = new_font_description(style);
    PangoContext* context = pango_layout_get_context(block.layout());
    PangoFont* font = pango_context_load_font(context, description);
    ASSERT_NE(font, nullptr) << family;
    PangoFontDescription* resolved = pango_font_describe(font);
    const std::string name = pango_font_description_get_family(resolved);
    EXPECT_TRUE(name == kSansFamily || name == kSerifFamily || name == kJapaneseFamily ||
                name == kCjkSansFamily)
        << family << " resolved to " << name;
    if (std::string(family) == "serif") {
      EXPECT_EQ(name, kSerifFamily);
    }
    pango_font_description_free(resolved);
    pango_font_description_free(description);
    g_object_unref(font);
  }
}

TEST(Fonts, MixedEnglishAndJapaneseHasNoMissingGlyph) {
  TextStyle style;
  style.size = 12;
  TextBlock mixed(
      "AI Safety Institute (AISI) — AIセーフティ・インスティテュート「人間中心のAI社会原則」",
      style, 200);
  EXPECT_EQ(mixed.unknown_glyphs(), 0);
  EXPECT_GT(mixed.line_count(), 1);  // wrapped at 200 pt
  EXPECT_LE(mixed.width(), 200.0);
  TextStyle serif = style;
  serif.family = kSerifFamily;
  serif.italic = true;
  EXPECT_EQ(TextBlock("総務省・経済産業省 AI事業者ガイドライン", serif).unknown_glyphs(), 0);
}

TEST(Fonts, GlyphsNoFontHasAreCounted) {
  TextStyle style;
  // Linear B and Cuneiform: in no bundled face.
  TextBlock block("\U00010000\U00012000", style);
  EXPECT_GT(block.unknown_glyphs(), 0);
}

TEST(Fonts, MeasuresInPoints) {
  TextStyle style;
  style.size = 10;
  TextBlock one("Hello", style);
  style.size = 20;
  TextBlock two("Hello", style);
  EXPECT_NEAR(two.width(), 2 * one.width(), 0.5);
  EXPECT_GT(one.height(), 10.0);
  EXPECT_LT(one.height(), 16.0);
}

}  // namespace
}  // namespace briefing

namespace briefing {
namespace {

TEST(GlyphCoverage, ReportsTheFieldThatCannotBeDrawn) {
  Dataset dataset;
  dataset.title = "Fact sheet";
  Item item;
  item.id = "a";
  item.title = "Linear B \U00010000";
  item.summary = "人間中心のAI社会原則";
  item.title_at = {11, 9, 11, 30};
  dataset.items.push_back(item);
  const Diagnostics missing = check_glyph_coverage(dataset);
  ASSERT_EQ(missing.all().size(), 1u);
  EXPECT_EQ(missing.all()[0].message,
            "the title of item 'a' holds U+10000, which no configured font can draw");
  EXPECT_EQ(missing.all()[0].range.line, 11);
  EXPECT_EQ(missing.all()[0].range.column, 9);
}

TEST(GlyphCoverage, CharactersThatNeedNoGlyphAreSkipped) {
  // Joiners, variation selectors, bidi marks, soft hyphens, line breaks.
  EXPECT_EQ(first_undrawable_character("a\u200Db\uFE0Fc\u200Fd\u00ADe\nf\tg"), 0u);
  EXPECT_EQ(first_undrawable_character("AI事業者ガイドライン Ωмé"), 0u);
  // An emoji ZWJ sequence: the emoji themselves are in no bundled face.
  EXPECT_EQ(first_undrawable_character("family \U0001F468\u200D\U0001F469"), 0x1F468u);
  // C1 control characters have no glyph.
  EXPECT_EQ(first_undrawable_character("x\u0085y"), 0x85u);
}

TEST(GlyphCoverage, CheckCommandFailsOnUndrawableText) {
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/g.toml",
                      "[dataset]\ntitle = \"T\"\npublisher = \"P\"\npublished = \"2024\"\n"
                      "language = \"en\"\n\n[[section]]\nid = \"1\"\ntitle = \"S\"\n\n[[item]]\n"
                      "id = \"a\"\nsection = \"1\"\ntitle = \"Linear B \\U00010000\"\n"
                      "kind = \"law\"\nissuers = []\nsummary = \"ok\"\n");
  const auto result = testing::run_briefing({"check", dir + "/g.toml"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("g.toml:14:9: error: the title of item 'a' holds U+10000, which no "
                            "configured font can draw"),
            std::string::npos)
      << result.err;
}

}  // namespace
}  // namespace briefing
