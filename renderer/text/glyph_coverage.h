// Finds dataset text that no bundled font can draw, so that it is reported
// instead of being painted as boxes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/dataset.h"

namespace briefing {

struct MissingGlyphs {
  std::string where;        // "item 'x' title", "dataset title", ...
  SourcePosition position;  // of the item or section; line 0 for the header
  int count = 0;            // glyphs no bundled face has
};

/// Number of characters in `text` that no bundled font covers.
int count_missing_glyphs(std::string_view text);

/// Every text field of the dataset with characters no bundled font covers.
std::vector<MissingGlyphs> find_missing_glyphs(const Dataset& dataset);

}  // namespace briefing
