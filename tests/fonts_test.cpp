#include <gtest/gtest.h>

#include <algorithm>

#include "text/font_setup.h"
#include "text/text_block.h"

namespace briefing {
namespace {

TEST(Fonts, SeesOnlyTheBundledFaces) {
  const auto files = configured_font_files();
  ASSERT_FALSE(files.empty());
  const std::string dir = fonts_directory();
  for (const auto& file : files) {
    EXPECT_EQ(file.rfind(dir, 0), 0u) << file << " is not under " << dir;
  }
  auto has = [&](const std::string& name) {
    return std::any_of(files.begin(), files.end(), [&](const std::string& f) {
      return f.size() >= name.size() && f.compare(f.size() - name.size(), name.size(), name) == 0;
    });
  };
  for (const char* face : {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
                           "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
                           "ipaexg.ttf"}) {
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
    EXPECT_TRUE(name == kSansFamily || name == kSerifFamily || name == kJapaneseFamily)
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
  TextBlock mixed("AI Safety Institute (AISI) — AIセーフティ・インスティテュート「人間中心のAI社会原則」",
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
