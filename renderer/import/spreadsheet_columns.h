// The columns a spreadsheet of items may have, found by their header names
// (matched case-insensitively; spaces, '_' and '-' alike; a trailing number
// such as "Date 2" counts the repeats of a column that may repeat).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace briefing {

enum class Column {
  id,
  section,
  section_title,
  title,
  short_title,
  kind,
  issuers,
  date,   // repeats: one per milestone, paired with `label` in order
  label,  // repeats
  url,    // repeats: one link each
  note,   // repeats: one text footnote each
  summary,
  tags,
  highlight,
  colour,         // "#rrggbb", the item's own colour on timelines
  date_source,    // repeats, paired with `date`: where a date the document lacks comes from
  url_language,   // repeats, paired with `url`: "Japanese only"
  url_footnote,   // repeats, paired with `url`: the document's footnote number
  note_footnote,  // repeats, paired with `note`
};
inline constexpr int kColumnCount = static_cast<int>(Column::note_footnote) + 1;

struct ColumnName {
  Column column;
  const char* name;  // as documented and as export writes it: "Short title"
  bool repeats;
  std::vector<const char*> aliases;  // other names analysts use, normalised
};

/// Every column, in the order export writes them.
const std::vector<ColumnName>& column_names();

/// Where each column is: indices (0-based) into a row, in order of appearance.
struct ColumnMap {
  std::vector<int> at[kColumnCount];

  const std::vector<int>& of(Column column) const { return at[static_cast<int>(column)]; }
  int first(Column column) const { return of(column).empty() ? -1 : of(column).front(); }
};

/// Reads the header row. Unknown or repeated headers are errors at
/// file:1:column with did-you-mean; so are a missing title column and dates
/// without labels (or labels without dates).
ColumnMap map_columns(const std::vector<std::string>& header, const SourceRef& source,
                      Diagnostics& diagnostics);

}  // namespace briefing
