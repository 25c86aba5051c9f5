// A dataset as a spreadsheet (CSV or TSV) in the columns import reads:
// first one row per section (number, title, intro in Summary), then one row
// per item, with as many Date/Label, URL and Note columns as the busiest item needs.
#pragma once

#include <string>

#include "model/dataset.h"

namespace briefing {

/// Footnote numbers and links' language notes have no column, and are left
/// out; everything else survives an import of the result.
std::string export_spreadsheet(const Dataset& dataset, char delimiter);

}  // namespace briefing
