#include "paint/painter.h"

#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <numbers>
#include <type_traits>

#include "paint/cairo_handles.h"
#include "paint/pdf_roles.h"
#include "paint/pdf_tag_attributes.h"
#include "paint/pdf_tagger.h"
#include "paint/pdf_text.h"

namespace briefing {
namespace {

constexpr double kPi = std::numbers::pi;

void set_color(cairo_t* cr, const Color& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

void apply_stroke(cairo_t* cr, const Stroke& stroke) {
  set_color(cr, stroke.color);
  cairo_set_line_width(cr, stroke.width);
  cairo_set_dash(cr, stroke.dashes.empty() ? nullptr : stroke.dashes.data(),
                 static_cast<int>(stroke.dashes.size()), 0);
}

// Fills and/or strokes the current path.
template <typename Shape>
void finish_path(cairo_t* cr, const Shape& shape) {
  if (shape.filled) {
    set_color(cr, shape.fill);
    if (shape.stroked)
      cairo_fill_preserve(cr);
    else
      cairo_fill(cr);
  }
  if (shape.stroked) {
    apply_stroke(cr, shape.stroke);
    cairo_stroke(cr);
  }
  cairo_new_path(cr);
}

void rounded_rect(cairo_t* cr, const Rect& r, double radius) {
  if (radius <= 0) {
    cairo_rectangle(cr, r.x, r.y, r.width, r.height);
    return;
  }
  const double k = std::min(radius, std::min(r.width, r.height) / 2);
  cairo_new_sub_path(cr);
  cairo_arc(cr, r.right() - k, r.y + k, k, -kPi / 2, 0);
  cairo_arc(cr, r.right() - k, r.bottom() - k, k, 0, kPi / 2);
  cairo_arc(cr, r.x + k, r.bottom() - k, k, kPi / 2, kPi);
  cairo_arc(cr, r.x + k, r.y + k, k, kPi, 3 * kPi / 2);
  cairo_close_path(cr);
}

std::string rect_list(const std::vector<Rect>& rects) {
  std::string out = "[";
  char buffer[128];
  for (const Rect& r : rects) {
    std::snprintf(buffer, sizeof buffer, "%s%.3f %.3f %.3f %.3f", out.size() > 1 ? " " : "", r.x,
                  r.y, r.width, r.height);
    out += buffer;
  }
  return out + "]";
}

Rect shifted(const Rect& r, Point by) { return {r.x + by.x, r.y + by.y, r.width, r.height}; }

// Cairo reads a PNG through a callback: this one walks the image's bytes.
struct ByteReader {
  const std::string& bytes;
  size_t at = 0;
  static cairo_status_t read(void* closure, unsigned char* data, unsigned int length) {
    auto* self = static_cast<ByteReader*>(closure);
    if (self->bytes.size() - self->at < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, self->bytes.data() + self->at, length);
    self->at += length;
    return CAIRO_STATUS_SUCCESS;
  }
};

// A PNG scaled into `box` (a PDF gets it as an image XObject), or an SVG
// drawn by librsvg as vectors. The loader checked both; a failure here
// leaves the box empty rather than stopping the page.
void paint_image(cairo_t* cr, const Image& image, const Rect& box) {
  if (box.width <= 0 || box.height <= 0) return;
  CairoSaveGuard guard(cr);
  if (image.format == Image::Format::png) {
    ByteReader reader{image.bytes};
    SurfacePtr surface(cairo_image_surface_create_from_png_stream(&ByteReader::read, &reader));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return;
    const int w = cairo_image_surface_get_width(surface.get());
    const int h = cairo_image_surface_get_height(surface.get());
    if (w <= 0 || h <= 0) return;
    cairo_translate(cr, box.x, box.y);
    cairo_scale(cr, box.width / w, box.height / h);
    cairo_set_source_surface(cr, surface.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_rectangle(cr, 0, 0, w, h);
    cairo_fill(cr);
    return;
  }
  GObjectPtr<RsvgHandle> handle(rsvg_handle_new_from_data(
      reinterpret_cast<const guint8*>(image.bytes.data()), image.bytes.size(), nullptr));
  if (!handle) return;
  const RsvgRectangle viewport{box.x, box.y, box.width, box.height};
  rsvg_handle_render_document(handle.get(), cr, &viewport, nullptr);
}

// Paints items with their group's offset added to every coordinate (rather
// than through the Cairo matrix), so that a group draws exactly the bytes its
// items would draw placed there directly.
struct ItemPainter {
  cairo_t* cr;
  const PaintOptions& options;
  Point offset;

  void operator()(const RectShape& shape) const {
    rounded_rect(cr, shifted(shape.rect, offset), shape.corner_radius);
    finish_path(cr, shape);
  }
  void operator()(const PathShape& shape) const {
    if (shape.points.empty()) return;
    cairo_move_to(cr, shape.points[0].x + offset.x, shape.points[0].y + offset.y);
    for (size_t i = 1; i < shape.points.size(); ++i) {
      cairo_line_to(cr, shape.points[i].x + offset.x, shape.points[i].y + offset.y);
    }
    if (shape.closed) cairo_close_path(cr);
    finish_path(cr, shape);
  }
  void operator()(const CircleShape& shape) const {
    cairo_new_sub_path(cr);
    cairo_arc(cr, shape.center.x + offset.x, shape.center.y + offset.y, shape.radius, 0, 2 * kPi);
    finish_path(cr, shape);
  }
  void operator()(const TextShape& shape) const {
    if (!shape.block) return;
    CairoSaveGuard guard(cr);
    set_color(cr, shape.color);
    cairo_move_to(cr, shape.origin.x + offset.x, shape.origin.y + offset.y);
    // In a PDF the glyphs carry their text: keep it clean (paint/pdf_text.h).
    if (options.emit_pdf_tags)
      show_layout_with_clean_text(cr, shape.block->layout());
    else
      pango_cairo_show_layout(cr, shape.block->layout());
  }
  void operator()(const ImageShape& shape) const {
    if (shape.image) paint_image(cr, *shape.image, shifted(shape.rect, offset));
  }
  void operator()(const LinkArea& link) const {
    if (!options.emit_pdf_tags || link.rects.empty()) return;
    std::vector<Rect> rects;
    for (const Rect& r : link.rects) rects.push_back(shifted(r, offset));
    std::string attributes =
        link.uri.empty() ? dest_attribute(link.destination) : uri_attribute(link.uri);
    attributes += " rect=" + rect_list(rects);
    if (options.tagger) {
      options.tagger->link(attributes);
    } else {
      cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
      cairo_tag_end(cr, CAIRO_TAG_LINK);
    }
  }
  void operator()(const Destination& destination) const {
    if (!options.emit_pdf_tags) return;
    char position[96];
    std::snprintf(position, sizeof position, " x=%.3f y=%.3f", destination.at.x + offset.x,
                  destination.at.y + offset.y);
    const std::string attributes = name_attribute(destination.name) + position;
    cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_DEST);
  }
  void operator()(const Group& group) const {
    const ItemPainter inner{cr, options, {offset.x + group.offset.x, offset.y + group.offset.y}};
    inner.paint_items(group.items, false);
  }

  // Items in order, each with its structure element when it has one
  // (paint/pdf_roles.h); `top_level`: the page's own items, between which
  // sections and tables open and close.
  void paint_items(const std::vector<DisplayItem>& items, bool top_level) const {
    for (size_t i = 0; i < items.size(); ++i) {
      const Tag* tag = options.tagger ? tag_of(items[i]) : nullptr;
      const StructureRole role = tag ? structure_role(*tag) : StructureRole{};
      const bool tagged =
          tag && options.tagger->begin(role, top_level, tag->alt, text_of(items[i]));
      std::visit(*this, items[i]);
      // A paragraph's links and footnote destinations follow it: they are
      // part of it.
      if (tagged && std::holds_alternative<TextShape>(items[i])) {
        while (i + 1 < items.size() && (std::holds_alternative<LinkArea>(items[i + 1]) ||
                                        std::holds_alternative<Destination>(items[i + 1]))) {
          paint_nested(items[++i]);
        }
      }
      if (tagged) options.tagger->end(role);
    }
  }

  // One item inside an element: with its own element when it has one.
  void paint_nested(const DisplayItem& item) const {
    const Tag* tag = tag_of(item);
    const StructureRole role = tag ? structure_role(*tag) : StructureRole{};
    const bool tagged = tag && options.tagger->begin(role, false, tag->alt, text_of(item));
    std::visit(*this, item);
    if (tagged) options.tagger->end(role);
  }

  // What an element says, for telling its language.
  static std::string text_of(const DisplayItem& item) {
    if (const auto* text = std::get_if<TextShape>(&item); text && text->block)
      return text->block->text();
    const Tag* tag = tag_of(item);
    return tag ? tag->text : std::string();
  }
};

}  // namespace

void paint_page(cairo_t* cr, const Page& page, const PaintOptions& options) {
  const ItemPainter painter{cr, options, {0, 0}};
  // A timeline slide is one figure with its alternative text.
  StructureRole figure;
  figure.element = "Figure";
  const bool as_figure = options.tagger && !page.figure_alt.empty() &&
                         options.tagger->begin(figure, true, page.figure_alt);
  painter.paint_items(page.items, !as_figure);
  if (as_figure) options.tagger->end(figure);
}

}  // namespace briefing
