// A laid-out TextBlock as SVG text needs it: per line, its glyph runs (one
// font, one direction each), with the characters they show in logical order
// and the x at which Pango placed each one. Readers of the SVG shape the
// characters again; giving every character its x keeps them where the PNG
// and PDF have them.
#pragma once

#include <hb.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/color.h"
#include "paint/font_subset.h"
#include "text/text_block.h"

namespace briefing {

struct SvgGlyphRun {
  FaceName face;           // the face file Pango chose, as CSS names it
  hb_face_t* hb_face;      // that face (owned by Pango's font, alive while the block is)
  int shown_weight = 400;  // weight to ask for: above face.weight when Pango emboldens
  double size = 0;         // font size, points
  bool right_to_left = false;
  std::optional<Color> color;    // a span's colour, when it has one
  double baseline = 0;           // points from the block's top, the span's rise included
  size_t text_offset = 0;        // where the run's text starts in the block's text, bytes
  std::string text;              // UTF-8, logical order, as shown (formatting marks left out)
  std::vector<double> x;         // one per code point of `text`: where its glyph starts, points
                                 // from the block's left (the left edge; see svg_writer.cpp)
  std::vector<double> advance;   // one per code point: the width Pango gave it, points
  std::vector<uint32_t> glyphs;  // glyph ids of `face` drawn
};

struct SvgTextLine {
  std::vector<SvgGlyphRun> runs;  // in logical order (what copying the text gives)
};

/// The lines of `block` with their runs. Runs that show nothing (only
/// formatting characters) are left out.
std::vector<SvgTextLine> svg_text_lines(const TextBlock& block);

}  // namespace briefing
