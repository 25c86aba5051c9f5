// A dataset as a spreadsheet (CSV or TSV) in the columns import reads:
// first one row per section (number, title, intro in Summary), then one row
// per item, with as many Date/Label, URL and Note columns as the busiest item needs.
// Sources of dates, links' language notes and footnote numbers have columns too.
#pragma once

#include <string>

#include "model/dataset.h"

namespace briefing {

/// Everything survives an import of the result: the optional columns (Date
/// source, URL language, URL footnote, Note footnote) appear when an item needs them.
std::string export_spreadsheet(const Dataset& dataset, char delimiter);

}  // namespace briefing
