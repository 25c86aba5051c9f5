// SVG output of our own (cairo's SVG surface draws text as glyph outlines):
// shapes as SVG elements, text as <text> that can be selected, searched and
// edited, at the positions Pango gave, in the bundled fonts embedded as
// subsets; links as <a href>; <title> and <desc> for accessibility.
#pragma once

#include <string>

#include "layout/display_list.h"

namespace briefing {

struct SvgOptions {
  bool transparent = false;  // leave out the document's background
};

/// The first page of `document` as an SVG file's bytes, in points (1 user
/// unit = 1 pt). Identical input gives identical bytes.
std::string svg_document(const Document& document, const SvgOptions& options = {});

}  // namespace briefing
