// Walks a display list onto any Cairo context. The only place that draws.
#pragma once

#include <cairo.h>

#include "layout/display_list.h"

namespace briefing {

class StructureTagger;

struct PaintOptions {
  bool emit_pdf_tags = false;  // links and destinations as PDF tags
  /// For a PDF: the structure elements of what is painted (paint/pdf_tagger.h).
  StructureTagger* tagger = nullptr;
};

/// Paints one page in page coordinates (points); the caller sets any scale.
void paint_page(cairo_t* cr, const Page& page, const PaintOptions& options);

}  // namespace briefing
