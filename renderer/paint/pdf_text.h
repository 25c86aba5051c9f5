// Text for PDF pages, drawn so that the text a reader copies or searches is
// the text a person sees. Hyphenation points reach Pango as soft hyphens
// (U+00AD) and URL break points as zero-width spaces; pango_cairo_show_layout
// would map the glyphs back to that text, so pdftotext would give "ef\u00ADfect".
// Here each run is drawn with the same glyphs at the same places, but its
// glyph-to-text clusters are remapped onto a cleaned copy of its text: a soft
// hyphen where Pango broke the line becomes the "-" it shows, every other
// soft hyphen, zero-width space and bidi control is dropped (its glyphs join
// the neighbouring cluster).
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include <string>
#include <string_view>
#include <vector>

namespace briefing {

/// Draws `layout` with its top left at the current point, as
/// pango_cairo_show_layout does, with clean text behind the glyphs.
void show_layout_with_clean_text(cairo_t* cr, PangoLayout* layout);

/// A run's text as the PDF gets it, and where each character of the
/// original run text starts in it (kDropped for a dropped character; -1
/// inside a character). `hyphen_shown`: Pango draws a hyphen at the run's end.
struct CleanRunText {
  static constexpr int kDropped = -2;
  std::string text;
  std::vector<int> offset_of;  // one per byte of the original, and one for its end
};
CleanRunText clean_run_text(std::string_view run_text, bool hyphen_shown);

}  // namespace briefing
