// briefing export DATA.toml -o chronology.csv: a dataset as a spreadsheet.
#include <ostream>

#include "base/terminal_text.h"
#include "cli/command.h"
#include "cli/standard_streams.h"
#include "import/csv_reader.h"
#include "import/spreadsheet_export.h"

namespace briefing::cli {
namespace {

int run_export(const ParsedOptions& parsed, CommandIo& io) {
  if (parsed.positional().size() != 1) {
    throw UsageError(parsed.positional().empty() ? "no dataset file given" : "give one dataset");
  }
  const std::string data = parsed.positional().front();
  if (!parsed.has("output")) throw UsageError("no output file given (-o FILE.csv, or -o -)");
  const std::string output = parsed.value("output");
  char delimiter = ',';
  if (parsed.value("delimiter") == "tab") {
    delimiter = '\t';
  } else if (!parsed.has("delimiter")) {
    const auto found = delimiter_for_path(output);
    if (!found && !is_standard_stream(output)) {
      throw UsageError("cannot tell whether '" + output +
                       "' is CSV or TSV: name it .csv or .tsv, or give --delimiter comma|tab");
    }
    delimiter = found.value_or(',');
  }
  if (!is_standard_stream(data) && data == output) {
    throw UsageError("the output would overwrite the dataset '" + data + "'");
  }
  const DatasetLoad load = load_dataset_argument(data, io);
  if (!load.ok()) {
    io.err << load.report() << describe_counts(load.diagnostics) << "\n";
    return kExitDataError;
  }
  write_output(output, export_spreadsheet(*load.dataset, delimiter), io);
  return kExitOk;
}

}  // namespace

Command export_command() {
  return {
      "export",
      "write a dataset's sections and items as a spreadsheet (CSV, TSV)",
      "DATA.toml|- -o FILE.csv|FILE.tsv|- [--delimiter comma|tab]",
      "Writes one row per section, then one per item, in the columns `briefing import`\n"
      "reads (Date/Label, URL and Note repeated as often as the busiest item needs;\n"
      "Date source, URL language and the footnote numbers when an item has one), so\n"
      "that an import of the result gives the same dataset.\n"
      "Exit status: 0 written, 1 errors in the dataset, 2 bad usage.\n",
      {
          {"output", 'o', "FILE", "the spreadsheet to write (.csv or .tsv); - for standard output"},
          {"delimiter",
           0,
           "comma|tab",
           "the cell separator (default: from the extension)",
           false,
           {"comma", "tab"}},
      },
      run_export,
  };
}

}  // namespace briefing::cli
