// The SVG writer's structure: one <text> per text the layout dump lists,
// with the characters the display list holds; links with their hrefs and
// titles; <title> and <desc>; embedded subsets that cover the text and no
// more; escaping of hostile text; well-formed, deterministic bytes.
#include "paint/svg_writer.h"

#include <glib.h>
#include <gtest/gtest.h>
#include <hb.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "layout/layout_dump.h"
#include "svg_test_support.h"
#include "test_support.h"
#include "text/rich_paragraph.h"
#include "timeline_test_support.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;

std::set<gunichar> code_points(const std::string& text) {
  std::set<gunichar> out;
  for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p)) out.insert(g_utf8_get_char(p));
  return out;
}

std::string without_line_breaks(std::string text) {
  std::erase(text, '\n');
  return text;
}

// What a tagged item's <text> should read: its texts' characters as shown,
// in logical order, one after the other.
std::string expected_text(const DisplayItem& item) {
  std::string out;
  for_each_item({item}, [&](const DisplayItem& inner, Point) {
    if (const auto* text = std::get_if<TextShape>(&inner); text && text->block) {
      // Direction marks are left to the tspans' direction attributes.
      std::string shown = without_line_breaks(visible_text(text->block->text()));
      for (const std::string mark : {"\u200E", "\u200F"}) {
        for (size_t at; (at = shown.find(mark)) != std::string::npos;) shown.erase(at, mark.size());
      }
      out += shown;
    }
  });
  return out;
}

size_t text_elements_in_dump(const Page& page) {
  size_t n = 0;
  for (const PlacedElement& e : placed_elements(page.items)) n += testing::is_text(e.kind);
  return n;
}

class SvgOfTimeline : public ::testing::TestWithParam<std::string> {
 protected:
  Document document_ = GetParam() == "fact-sheet"
                           ? testing::fact_sheet_timeline()
                           : testing::timeline_of(testing::repo_path("tests/data/" + GetParam()));
  std::string svg_ = svg_document(document_);
};

TEST_P(SvgOfTimeline, OneTextElementForEachTextTheDumpLists) {
  const testing::ParsedSvg parsed(svg_);
  ASSERT_TRUE(parsed.ok()) << parsed.errors();
  const Page& page = document_.pages.front();
  size_t labels = 0;
  for (const PlacedElement& e : placed_elements(page.items)) labels += e.kind == "label";
  EXPECT_GE(labels, 8u);
  EXPECT_EQ(parsed.count("//s:text"), text_elements_in_dump(page));
  EXPECT_EQ(parsed.count("//*[@class='label']/s:text"), labels);
  // Letters are characters, not outlines: no glyph symbols as cairo drew them.
  EXPECT_EQ(parsed.count("//s:symbol"), 0u);
  EXPECT_EQ(parsed.count("//s:use"), 0u);
}

TEST_P(SvgOfTimeline, EachLabelReadsAsItsTextInLogicalOrder) {
  const testing::ParsedSvg parsed(svg_);
  ASSERT_TRUE(parsed.ok()) << parsed.errors();
  std::vector<std::string> expected;
  for (const DisplayItem& item : document_.pages.front().items) {
    const auto* group = std::get_if<Group>(&item);
    if (group && group->tag.kind == "label") expected.push_back(expected_text(item));
  }
  const auto shown = parsed.values("//*[@class='label']/s:text");
  ASSERT_EQ(shown.size(), expected.size());
  for (size_t i = 0; i < shown.size(); ++i) EXPECT_EQ(shown[i], expected[i]) << "label " << i;
}

// Left-to-right runs: an x per character; right-to-left runs: one x, their
// right edge (readers keep Arabic joined only so).
TEST_P(SvgOfTimeline, EveryCharacterHasTheXPangoGaveIt) {
  const testing::ParsedSvg parsed(svg_);
  ASSERT_TRUE(parsed.ok()) << parsed.errors();
  const auto texts = parsed.values("//s:tspan[not(@direction='rtl')]");
  const auto xs = parsed.values("//s:tspan[not(@direction='rtl')]/@x");
  ASSERT_EQ(texts.size(), xs.size()) << "every tspan has its x list";
  for (const std::string& x : parsed.values("//s:tspan[@direction='rtl']/@x")) {
    EXPECT_TRUE(std::regex_match(x, std::regex(R"(\d+(\.\d+)?)"))) << x;
  }
  for (size_t i = 0; i < texts.size(); ++i) {
    const size_t characters = g_utf8_strlen(texts[i].c_str(), -1);
    std::istringstream list(xs[i]);
    size_t values = 0;
    double x = 0;
    while (list >> x) {
      ++values;
      EXPECT_GE(x, 0);
      EXPECT_LE(x, document_.pages.front().width);
    }
    EXPECT_EQ(values, characters) << "tspan '" << texts[i] << "'";
  }
}

TEST_P(SvgOfTimeline, LinkedLabelsAreLinksWithTheItemsHrefAndTitle) {
  const testing::ParsedSvg parsed(svg_);
  ASSERT_TRUE(parsed.ok()) << parsed.errors();
  std::vector<std::string> hrefs, titles;
  for (const DisplayItem& item : flattened(document_.pages.front().items)) {
    if (const auto* link = std::get_if<LinkArea>(&item); link && !link->uri.empty())
      hrefs.push_back(link->uri);
  }
  for (const DisplayItem& item : document_.pages.front().items) {
    const auto* group = std::get_if<Group>(&item);
    if (!group || group->tag.kind != "label") continue;
    for (const DisplayItem& inner : group->items) {
      if (const auto* link = std::get_if<LinkArea>(&inner); link && !link->uri.empty())
        titles.push_back(group->tag.text);
    }
  }
  EXPECT_EQ(parsed.values("//s:a/@href"), hrefs);
  EXPECT_EQ(parsed.values("//s:a/@xlink:href"), hrefs);
  EXPECT_EQ(parsed.values("//s:a[@class='label']/s:title"), titles);
  EXPECT_EQ(parsed.count("//s:a[@class='label']/s:text"), titles.size());
}

TEST_P(SvgOfTimeline, FontsAreEmbeddedSubsetsCoveringTheText) {
  const testing::ParsedSvg parsed(svg_);
  ASSERT_TRUE(parsed.ok()) << parsed.errors();
  std::set<gunichar> shown;
  for (const std::string& text : parsed.values("//s:text")) {
    for (gunichar c : code_points(text)) shown.insert(c);
  }
  const std::string css = parsed.values("/s:svg/s:style").at(0);
  static const std::regex kFace(
      R"(@font-face\{font-family:'([^']+)';font-weight:(\d+);font-style:(normal|italic);src:url\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\) format\('truetype'\)\})");
  std::set<gunichar> covered;
  size_t faces = 0, embedded_bytes = 0;
  for (std::sregex_iterator m(css.begin(), css.end(), kFace), end; m != end; ++m, ++faces) {
    gsize length = 0;
    GMemoryPtr<guchar> ttf(g_base64_decode((*m)[4].str().c_str(), &length));
    embedded_bytes += length;
    hb_blob_t* blob =
        hb_blob_create(reinterpret_cast<const char*>(ttf.get()), static_cast<unsigned>(length),
                       HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    EXPECT_GT(hb_face_get_glyph_count(face), 1u) << (*m)[1];
    hb_font_t* font = hb_font_create(face);
    hb_set_t* unicodes = hb_set_create();
    hb_face_collect_unicodes(face, unicodes);
    std::set<hb_codepoint_t> shown_glyphs;
    for (gunichar c : shown) {
      hb_codepoint_t glyph = 0;
      if (hb_font_get_nominal_glyph(font, c, &glyph)) shown_glyphs.insert(glyph);
    }
    for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &c);) {
      covered.insert(c);
      if (shown.count(c)) continue;
      // Else only what hb-subset maps to glyphs kept for the text: a no-break
      // space to the space, ligatures and Arabic forms (presentation forms).
      hb_codepoint_t glyph = 0;
      hb_font_get_nominal_glyph(font, c, &glyph);
      EXPECT_TRUE(shown_glyphs.count(glyph) || (c >= 0xFB00 && c <= 0xFEFF))
          << (*m)[1] << " maps U+" << std::hex << c << ", which the SVG does not show";
    }
    hb_font_destroy(font);
    hb_set_destroy(unicodes);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  EXPECT_GE(faces, 2u) << css.substr(0, 500);
  for (gunichar c : shown) {
    EXPECT_TRUE(covered.count(c)) << "U+" << std::hex << c << " is in no embedded face";
  }
  // Subsets, not the files: the bundled faces hold megabytes.
  EXPECT_LT(embedded_bytes, 400'000u);
}

TEST_P(SvgOfTimeline, HasTheTitleAndADescription) {
  const testing::ParsedSvg parsed(svg_);
  ASSERT_TRUE(parsed.ok()) << parsed.errors();
  EXPECT_EQ(parsed.values("/s:svg/s:title"), std::vector<std::string>{document_.info.title});
  const auto desc = parsed.values("/s:svg/s:desc");
  ASSERT_EQ(desc.size(), 1u);
  size_t lanes = 0, labels = 0;
  for (const PlacedElement& e : placed_elements(document_.pages.front().items)) {
    lanes += e.kind == "lane";
    labels += e.kind == "label";
  }
  EXPECT_NE(desc[0].find(std::to_string(lanes) + " lanes ("), std::string::npos) << desc[0];
  EXPECT_NE(desc[0].find(std::to_string(labels) + " items"), std::string::npos) << desc[0];
  EXPECT_TRUE(std::regex_search(desc[0], std::regex(R"(from \d{4}(-\d\d)* to \d{4})"))) << desc[0];
}

TEST_P(SvgOfTimeline, SameInputSameBytes) { EXPECT_EQ(svg_, svg_document(document_)); }

INSTANTIATE_TEST_SUITE_P(Datasets, SvgOfTimeline, ::testing::Values("fact-sheet", "bidi.toml"),
                         [](const auto& param_info) {
                           return param_info.param == "fact-sheet" ? std::string("FactSheet")
                                                                   : std::string("Bidi");
                         });

TEST(SvgWriter, RightToLeftRunsKeepTheirDirection) {
  const Document document = testing::timeline_of(testing::repo_path("tests/data/bidi.toml"));
  const testing::ParsedSvg parsed(svg_document(document));
  ASSERT_TRUE(parsed.ok()) << parsed.errors();
  const auto hebrew = parsed.values("//s:tspan[@direction='rtl']");
  ASSERT_FALSE(hebrew.empty());
  EXPECT_EQ(parsed.count("//s:tspan[@direction='rtl'][@unicode-bidi='bidi-override']"),
            hebrew.size());
  bool arabic = false, hebrew_letters = false;
  for (const std::string& text : hebrew) {
    for (gunichar c : code_points(text)) {
      arabic = arabic || (c >= 0x0600 && c <= 0x06FF);
      hebrew_letters = hebrew_letters || (c >= 0x05D0 && c <= 0x05EA);
      EXPECT_FALSE(c == 0x200F || c == 0x200E) << "direction marks are left to the attributes";
    }
  }
  EXPECT_TRUE(arabic);
  EXPECT_TRUE(hebrew_letters);
}

// Text and links that XML and CSS must not take as markup.
Document hostile_document() {
  Document document;
  document.info.title = "Title <script>alert(1)</script> & \"quotes\" 'too' ]]>";
  document.info.subject = "Subject ]]> <!-- -->";
  Page page;
  page.width = 300;
  page.height = 100;
  TextStyle style;
  auto block = std::make_shared<TextBlock>(
      "a < b && c > d ]]> \"q\" 'q' <![CDATA[x]]> &amp; \x01\x1b\xef\xbf\xbe end", style);
  Group label;
  label.tag = Tag{"label", "x", "Full <title> & \"more\""};
  label.items.push_back(TextShape{{10, 10}, block, {0, 0, 0, 1}});
  label.items.push_back(LinkArea{{{10, 10, 200, 20}}, "https://example.org/?a=1&b=%3C2%3E'\"", ""});
  page.items.push_back(std::move(label));
  document.pages.push_back(std::move(page));
  return document;
}

TEST(SvgWriter, HostileTextIsEscapedAndReadsBackTheSame) {
  const Document document = hostile_document();
  const std::string svg = svg_document(document);
  const testing::ParsedSvg parsed(svg);
  ASSERT_TRUE(parsed.ok()) << parsed.errors() << "\n" << svg.substr(0, 2000);
  EXPECT_EQ(parsed.values("/s:svg/s:title"), std::vector<std::string>{document.info.title});
  EXPECT_EQ(parsed.values("//s:a/@href"),
            std::vector<std::string>{"https://example.org/?a=1&b=%3C2%3E'\""});
  EXPECT_EQ(parsed.values("//s:a/s:title"), std::vector<std::string>{"Full <title> & \"more\""});
  // Every character back, but those XML cannot hold (U+0001, U+001B, U+FFFE).
  EXPECT_EQ(parsed.values("//s:text"),
            std::vector<std::string>{"a < b && c > d ]]> \"q\" 'q' <![CDATA[x]]> &amp;  end"});
  EXPECT_EQ(parsed.count("//s:script"), 0u);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("\x01"), std::string::npos);
}

TEST(SvgWriter, HostileCorpusGivesWellFormedSvg) {
  size_t rendered = 0;
  for (const auto& entry : fs::directory_iterator(testing::repo_path("tests/data/hostile"))) {
    if (entry.path().extension() != ".toml") continue;
    const std::string dir = testing::make_temp_dir();
    const auto run = testing::run_briefing(
        {"timeline", entry.path().string(), "-o", dir + "/t.svg", "--allow-omissions"});
    if (run.exit_code != 0) continue;  // refused with located errors (hostile_input_test)
    ++rendered;
    const testing::ParsedSvg parsed(testing::read_file(dir + "/t.svg"));
    EXPECT_TRUE(parsed.ok()) << entry.path() << ": " << parsed.errors();
    EXPECT_GT(parsed.count("//s:text"), 0u) << entry.path();
    EXPECT_EQ(parsed.count("//s:script"), 0u) << entry.path();
    for (const std::string& href : parsed.values("//s:a/@href")) {
      EXPECT_TRUE(href.rfind("https://", 0) == 0 || href.rfind("http://", 0) == 0 ||
                  href.rfind("mailto:", 0) == 0)
          << entry.path() << ": " << href;
    }
  }
  EXPECT_GE(rendered, 3u);
}

TEST(SvgWriter, TransparentLeavesOutTheBackground) {
  const Document document = testing::fact_sheet_timeline();
  const testing::ParsedSvg opaque(svg_document(document));
  const testing::ParsedSvg clear(svg_document(document, SvgOptions{true}));
  ASSERT_TRUE(opaque.ok() && clear.ok());
  EXPECT_EQ(opaque.count("/s:svg/s:rect"), clear.count("/s:svg/s:rect") + 1);
}

}  // namespace
}  // namespace briefing
