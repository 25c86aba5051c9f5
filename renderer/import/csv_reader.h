// Spreadsheet text (CSV or TSV, UTF-8) as rows of cells, through Debian's
// libcsv (RFC 4180 quoting, quoted line breaks), and the other way.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace briefing {

/// One record; `row` counts records from 1 (the header), as a spreadsheet
/// numbers its rows, whatever line breaks quoted cells hold.
struct CsvRow {
  int row = 0;
  std::vector<std::string> cells;
};

/// ',' for .csv, '\t' for .tsv and .tab (any case); nullopt otherwise.
std::optional<char> delimiter_for_path(const std::string& path);

/// Parses `text` (a UTF-8 byte-order mark is dropped). Rows with every cell
/// empty are skipped. Problems (unbalanced quotes, UTF-16 or invalid UTF-8)
/// go to `diagnostics`, located at file:row; the rows read so far are returned.
std::vector<CsvRow> read_csv(std::string_view text, char delimiter, const SourceRef& source,
                             Diagnostics& diagnostics);

/// One record, every cell quoted as libcsv writes it, ended by CRLF (RFC 4180).
std::string csv_record(const std::vector<std::string>& cells, char delimiter);

}  // namespace briefing
