// A spreadsheet of items (CSV or TSV: one row per item, or per section) as a
// dataset. The columns are in import/spreadsheet_columns.h and README.md,
// "Import and export". The loader checks the result, and whatever it finds
// is pointed back at the spreadsheet as file:row:column.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "import/spreadsheet_dates.h"
#include "model/dataset.h"

namespace briefing {

/// What a spreadsheet does not hold: the [dataset] table.
struct ImportOptions {
  char delimiter = ',';
  DateOrder date_order = DateOrder::unknown;
  std::string title, publisher, language = "en", source;
  PartialDate published;
};

struct ImportResult {
  std::optional<std::string> toml;  // the dataset's text; set only when there are no errors
  Diagnostics diagnostics;
  size_t sections = 0, items = 0, milestones = 0;
};

/// `file_name` names the spreadsheet in messages.
ImportResult import_spreadsheet(std::string_view text, const std::string& file_name,
                                const ImportOptions& options);

}  // namespace briefing
