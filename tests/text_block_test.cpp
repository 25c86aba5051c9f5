// TextBlock: what it measures is what gets painted, also with attributes,
// line spacing, a hanging indent or an ellipsis. Painted extents come from
// the painter on a Cairo recording surface. Points, y down.
#include "text/text_block.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include "layout/display_list.h"
#include "paint/painter.h"

namespace briefing {
namespace {

const TextStyle kSerif{"Noto Serif", 10, false, false};

struct Extents {
  double x = 0, y = 0, width = 0, height = 0;
};

// The ink extents of `block` painted at (0, 0) by the painter.
Extents painted(const TextBlockPtr& block) {
  cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  cairo_t* cr = cairo_create(surface);
  Page page;
  page.width = 1000;
  page.height = 1000;
  page.items.push_back(TextShape{{0, 0}, block, Color{0, 0, 0, 1}});
  paint_page(cr, page, {});
  cairo_destroy(cr);
  Extents e;
  cairo_recording_surface_ink_extents(surface, &e.x, &e.y, &e.width, &e.height);
  cairo_surface_destroy(surface);
  return e;
}

// The layout's own size, read now: if anything changed the layout after the
// block measured it, these would differ from width() and height().
std::pair<double, double> layout_size(const TextBlock& block) {
  int w = 0, h = 0;
  pango_layout_get_size(block.layout(), &w, &h);
  return {static_cast<double>(w) / PANGO_SCALE, static_cast<double>(h) / PANGO_SCALE};
}

AttrListPtr big_raised_span(size_t start, size_t end) {
  AttrListPtr list(pango_attr_list_new());
  PangoAttribute* size = pango_attr_size_new(30 * PANGO_SCALE);
  size->start_index = static_cast<guint>(start);
  size->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list.get(), size);
  PangoAttribute* rise = pango_attr_rise_new(8 * PANGO_SCALE);
  rise->start_index = static_cast<guint>(start);
  rise->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list.get(), rise);
  return list;
}

TEST(TextBlockTest, AttributesAreMeasuredAsPainted) {
  const std::string text = "Plain words then BIG words";
  const auto plain = std::make_shared<TextBlock>(text, kSerif);
  TextLayoutOptions options;
  options.attributes = big_raised_span(text.find("BIG"), text.find("BIG") + 3);
  const auto styled = std::make_shared<TextBlock>(text, kSerif, std::move(options));

  const auto [w, h] = layout_size(*styled);
  EXPECT_DOUBLE_EQ(styled->width(), w);
  EXPECT_DOUBLE_EQ(styled->height(), h);
  // The 30 pt span makes the line taller and wider than the plain one.
  EXPECT_GT(styled->height(), plain->height() * 2);
  EXPECT_GT(styled->width(), plain->width() + 20);

  // What the painter draws lies in the measured box, and fills most of it:
  // the ink reaches below the plain line's height.
  const Extents ink = painted(styled);
  EXPECT_GE(ink.x, -1.0);
  EXPECT_GE(ink.y, -1.0);
  EXPECT_LE(ink.x + ink.width, styled->width() + 1.0);
  EXPECT_LE(ink.y + ink.height, styled->height() + 1.0);
  EXPECT_GT(ink.y + ink.height, plain->height());
  EXPECT_GT(ink.width, styled->width() * 0.9);
}

TEST(TextBlockTest, OldConstructorStillMeasuresPlainText) {
  const auto block = std::make_shared<TextBlock>("Two words", kSerif, 0, TextAlign::left);
  const auto [w, h] = layout_size(*block);
  EXPECT_DOUBLE_EQ(block->width(), w);
  EXPECT_DOUBLE_EQ(block->height(), h);
  const Extents ink = painted(block);
  EXPECT_LE(ink.x + ink.width, block->width() + 1.0);
  EXPECT_LE(ink.y + ink.height, block->height() + 1.0);
  EXPECT_EQ(block->line_count(), 1);
}

TEST(TextBlockTest, LineSpacingAndHangingIndentAreInTheMeasure) {
  std::string text;
  for (int i = 0; i < 12; ++i) text += "hanging indents keep wrapped lines aligned ";
  const auto plain = std::make_shared<TextBlock>(text, kSerif, 200.0);
  TextLayoutOptions options;
  options.wrap_width = 200;
  options.line_spacing = 1.5;
  options.indent = -30;  // hanging
  const auto block = std::make_shared<TextBlock>(text, kSerif, std::move(options));
  ASSERT_GE(block->line_count(), 3);
  const auto [w, h] = layout_size(*block);
  EXPECT_DOUBLE_EQ(block->height(), h);
  EXPECT_GT(block->height(), plain->height() * 1.3);

  const auto lines = block->line_boxes();
  // Pango's logical line extents count a trailing space.
  const double space = TextBlock("a a", kSerif).width() - TextBlock("aa", kSerif).width();
  EXPECT_NEAR(lines[0].x, 0, 0.01);
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_NEAR(lines[i].x, 30, 0.01) << "line " << i;
    EXPECT_LE(lines[i].x + lines[i].width, 200 + space + 0.01) << "line " << i;
  }
  const Extents ink = painted(block);
  EXPECT_LE(ink.y + ink.height, block->height() + 1.0);
  EXPECT_LE(ink.x + ink.width, 201.0);
}

TEST(TextBlockTest, EllipsizedBlockIsOneLineWithinItsWidth) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "a long running header ";
  TextLayoutOptions options;
  options.wrap_width = 150;
  options.ellipsize = true;
  const auto block = std::make_shared<TextBlock>(text, kSerif, std::move(options));
  EXPECT_EQ(block->line_count(), 1);
  EXPECT_LE(block->width(), 150.01);
  const Extents ink = painted(block);
  EXPECT_LE(ink.x + ink.width, 151.0);
  EXPECT_EQ(block->text(), text) << "the text is kept whole; only the drawing is cut";
}

}  // namespace
}  // namespace briefing
