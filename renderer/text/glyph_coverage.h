// Finds text that no configured font can draw, so that it is reported as a
// located error instead of being painted as boxes. By character-set lookup
// (one union of every configured face's coverage, built once per process),
// not by shaping every text.
#pragma once

#include <cstdint>
#include <string_view>

#include "base/diagnostic.h"
#include "load/dataset_loader.h"
#include "model/dataset.h"

namespace briefing {

/// The first character of `text` that no configured font covers, or 0.
/// Characters that need no glyph (line breaks, tabs and Unicode's
/// default-ignorable code points: joiners, variation selectors, bidi marks,
/// soft hyphens) are skipped.
char32_t first_undrawable_character(std::string_view text);

/// Every text of the dataset that a reader is shown and that holds a
/// character no configured font can draw: one error each, at the string.
Diagnostics check_glyph_coverage(const Dataset& dataset);

/// After a successful load, adds check_glyph_coverage's errors to the load's
/// diagnostics and, if there are any, drops the dataset: what every command
/// that renders (and check) does, so that no output shows boxes.
void require_drawable_text(DatasetLoad& load);

}  // namespace briefing
