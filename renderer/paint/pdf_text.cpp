#include "paint/pdf_text.h"

#include <pango/pangocairo.h>

#include <memory>

namespace briefing {
namespace {

// Characters that show nothing and only steer breaking or direction: soft
// hyphen, zero-width space, word joiner, LRM/RLM, bidi embeddings/overrides
// and isolates.
bool is_invisible_control(char32_t c) {
  return c == 0x00AD || c == 0x200B || c == 0x2060 || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// The code point at `at` and its length in bytes (1 for a broken sequence).
std::pair<char32_t, size_t> decode(std::string_view text, size_t at) {
  const auto b = static_cast<unsigned char>(text[at]);
  size_t length = b < 0x80           ? 1
                  : (b >> 5) == 0x6  ? 2
                  : (b >> 4) == 0xE  ? 3
                  : (b >> 3) == 0x1E ? 4
                                     : 1;
  if (at + length > text.size()) length = 1;
  if (length == 1) return {b, 1};
  char32_t c = b & (0x7F >> length);
  for (size_t k = 1; k < length; ++k)
    c = (c << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
  return {c, length};
}

struct GlyphItemFree {
  void operator()(PangoGlyphItem* item) const { pango_glyph_item_free(item); }
};

// A PangoRenderer that hands each run to pango_cairo_show_glyph_item with
// its text cleaned; positions, rise and colours come from PangoRenderer.
struct CleanTextRenderer {
  PangoRenderer parent;
  cairo_t* cr;
  double x0, y0;  // the layout's origin, user space points
};
struct CleanTextRendererClass {
  PangoRendererClass parent_class;
};

GType clean_text_renderer_get_type();

CleanTextRenderer* as_clean(PangoRenderer* renderer) {
  return reinterpret_cast<CleanTextRenderer*>(renderer);
}

// Pango's cairo renderer keeps the cairo source unless a colour attribute
// applies, then uses that colour, opaque.
void apply_color(PangoRenderer* renderer, PangoRenderPart part) {
  if (const PangoColor* color = pango_renderer_get_color(renderer, part)) {
    cairo_set_source_rgb(as_clean(renderer)->cr, color->red / 65535.0, color->green / 65535.0,
                         color->blue / 65535.0);
  }
}

// Points each glyph at its character in the cleaned text. The glyphs of a
// dropped character join the cluster of the glyph before them in logical
// order (the first cluster when there is none), so a ligature such as "fi"
// before a dropped soft hyphen keeps both its letters.
void remap_clusters(const CleanRunText& clean, bool right_to_left, PangoGlyphString& glyphs) {
  const int n = glyphs.num_glyphs;
  int previous = -1, first = 0;
  std::vector<int> pending;
  for (int k = 0; k < n; ++k) {
    const int i = right_to_left ? n - 1 - k : k;
    const int mapped = clean.offset_of[static_cast<size_t>(glyphs.log_clusters[i])];
    if (mapped == CleanRunText::kDropped) {
      if (previous >= 0)
        glyphs.log_clusters[i] = previous;
      else
        pending.push_back(i);
      continue;
    }
    if (previous < 0) first = mapped;
    glyphs.log_clusters[i] = previous = mapped;
  }
  for (int i : pending) glyphs.log_clusters[i] = first;
}

void draw_glyph_item(PangoRenderer* renderer, const char* text, PangoGlyphItem* run, int x, int y) {
  CleanTextRenderer* self = as_clean(renderer);
  const PangoItem* item = run->item;
  const bool hyphen_shown = (item->analysis.flags & PANGO_ANALYSIS_FLAG_NEED_HYPHEN) != 0;
  const CleanRunText clean = clean_run_text(
      std::string_view(text + item->offset, static_cast<size_t>(item->length)), hyphen_shown);
  cairo_save(self->cr);
  apply_color(renderer, PANGO_RENDER_PART_FOREGROUND);
  cairo_move_to(self->cr, self->x0 + static_cast<double>(x) / PANGO_SCALE,
                self->y0 + static_cast<double>(y) / PANGO_SCALE);
  if (clean.text.empty()) {
    pango_cairo_show_glyph_string(self->cr, item->analysis.font, run->glyphs);
  } else {
    std::unique_ptr<PangoGlyphItem, GlyphItemFree> copy(pango_glyph_item_copy(run));
    copy->item->offset = 0;
    copy->item->length = static_cast<int>(clean.text.size());
    copy->item->num_chars = static_cast<int>(g_utf8_strlen(clean.text.data(), -1));
    remap_clusters(clean, (item->analysis.level & 1) != 0, *copy->glyphs);
    pango_cairo_show_glyph_item(self->cr, clean.text.c_str(), copy.get());
  }
  cairo_restore(self->cr);
}

void draw_glyphs(PangoRenderer* renderer, PangoFont* font, PangoGlyphString* glyphs, int x, int y) {
  CleanTextRenderer* self = as_clean(renderer);
  cairo_save(self->cr);
  apply_color(renderer, PANGO_RENDER_PART_FOREGROUND);
  cairo_move_to(self->cr, self->x0 + static_cast<double>(x) / PANGO_SCALE,
                self->y0 + static_cast<double>(y) / PANGO_SCALE);
  pango_cairo_show_glyph_string(self->cr, font, glyphs);
  cairo_restore(self->cr);
}

void draw_rectangle(PangoRenderer* renderer, PangoRenderPart part, int x, int y, int width,
                    int height) {
  CleanTextRenderer* self = as_clean(renderer);
  cairo_save(self->cr);
  apply_color(renderer, part);
  cairo_rectangle(self->cr, self->x0 + static_cast<double>(x) / PANGO_SCALE,
                  self->y0 + static_cast<double>(y) / PANGO_SCALE,
                  static_cast<double>(width) / PANGO_SCALE,
                  static_cast<double>(height) / PANGO_SCALE);
  cairo_fill(self->cr);
  cairo_restore(self->cr);
}

void clean_text_renderer_class_init(gpointer klass, gpointer) {
  PangoRendererClass* renderer_class = PANGO_RENDERER_CLASS(klass);
  renderer_class->draw_glyph_item = draw_glyph_item;
  renderer_class->draw_glyphs = draw_glyphs;
  renderer_class->draw_rectangle = draw_rectangle;
}

GType clean_text_renderer_get_type() {
  static const GType type = g_type_register_static_simple(
      PANGO_TYPE_RENDERER, "BriefingCleanTextRenderer", sizeof(CleanTextRendererClass),
      clean_text_renderer_class_init, sizeof(CleanTextRenderer), nullptr, GTypeFlags{});
  return type;
}

}  // namespace

CleanRunText clean_run_text(std::string_view run_text, bool hyphen_shown) {
  CleanRunText out;
  out.offset_of.assign(run_text.size() + 1, -1);
  for (size_t at = 0; at < run_text.size();) {
    const auto [c, length] = decode(run_text, at);
    const bool last = at + length == run_text.size();
    if (c == 0x00AD && last && hyphen_shown) {
      out.offset_of[at] = static_cast<int>(out.text.size());
      out.text += '-';
    } else if (is_invisible_control(c)) {
      out.offset_of[at] = CleanRunText::kDropped;
    } else {
      out.offset_of[at] = static_cast<int>(out.text.size());
      out.text.append(run_text.substr(at, length));
      // Pango also draws a hyphen where it broke a word between letters.
      if (last && hyphen_shown && c != '-') out.text += '-';
    }
    at += length;
  }
  out.offset_of[run_text.size()] = static_cast<int>(out.text.size());
  return out;
}

void show_layout_with_clean_text(cairo_t* cr, PangoLayout* layout) {
  auto* self =
      static_cast<CleanTextRenderer*>(g_object_new(clean_text_renderer_get_type(), nullptr));
  self->cr = cr;
  cairo_get_current_point(cr, &self->x0, &self->y0);
  pango_renderer_draw_layout(&self->parent, layout, 0, 0);
  g_object_unref(self);
}

}  // namespace briefing
