// briefing import FILE.csv [-o DATA.toml]: a spreadsheet of items as a dataset.
#include <ostream>
#include <sstream>

#include "base/file_io.h"
#include "base/terminal_text.h"
#include "cli/command.h"
#include "cli/standard_streams.h"
#include "import/csv_reader.h"
#include "import/spreadsheet_import.h"

namespace briefing::cli {
namespace {

/// --delimiter comma|tab, else the file name's extension.
char delimiter_for(const std::string& path, const std::string& option) {
  if (option == "comma") return ',';
  if (option == "tab") return '\t';
  if (const auto found = delimiter_for_path(path)) return *found;
  if (is_standard_stream(path)) return ',';
  throw UsageError("cannot tell whether '" + path +
                   "' is CSV or TSV: name it .csv or .tsv, or give --delimiter comma|tab");
}

/// The [dataset] details: from --details-from DATA.toml, then the options one by one.
ImportOptions import_options(const ParsedOptions& parsed, CommandIo& io) {
  ImportOptions options;
  if (parsed.has("details-from")) {
    const DatasetLoad load = load_dataset_argument(parsed.value("details-from"), io);
    if (!load.ok()) {
      throw std::runtime_error("--details-from: " + parsed.value("details-from") +
                               " does not check clean (see `briefing check`)");
    }
    options.title = load.dataset->title;
    options.publisher = load.dataset->publisher;
    options.published = load.dataset->published;
    options.language = load.dataset->language;
    options.source = load.dataset->source;
  }
  if (parsed.has("title")) options.title = parsed.value("title");
  if (parsed.has("publisher")) options.publisher = parsed.value("publisher");
  if (parsed.has("language")) options.language = parsed.value("language");
  if (parsed.has("source")) options.source = parsed.value("source");
  if (parsed.has("published")) {
    const SpreadsheetDate date =
        read_spreadsheet_date(parsed.value("published"), DateOrder::unknown);
    if (!date.date) throw UsageError("--published: " + date.error);
    options.published = *date.date;
  } else if (!parsed.has("details-from")) {
    throw UsageError(
        "give the dataset's details: --title, --publisher and --published (or --details-from "
        "DATA.toml)");
  }
  if (options.title.empty()) throw UsageError("give the dataset's --title");
  if (options.publisher.empty()) throw UsageError("give the dataset's --publisher");
  if (parsed.has("date-order")) options.date_order = *parse_date_order(parsed.value("date-order"));
  return options;
}

int run_import(const ParsedOptions& parsed, CommandIo& io) {
  if (parsed.positional().size() != 1) {
    throw UsageError(parsed.positional().empty() ? "no spreadsheet given (FILE.csv or FILE.tsv)"
                                                 : "give one spreadsheet");
  }
  const std::string input = parsed.positional().front();
  const std::string output = parsed.has("output") ? parsed.value("output") : "-";
  if (!is_standard_stream(input) && input == output) {
    throw UsageError("the output would overwrite the spreadsheet '" + input + "'");
  }
  ImportOptions options = import_options(parsed, io);
  options.delimiter = delimiter_for(input, parsed.value("delimiter"));

  std::string text;
  if (is_standard_stream(input)) {
    std::ostringstream read;
    read << io.in.rdbuf();
    text = read.str();
  } else {
    FileContents file = read_file(input);
    if (!file.ok()) throw std::runtime_error("cannot read " + input + ": " + file.error);
    text = std::move(file.bytes);
  }
  const ImportResult result =
      import_spreadsheet(text, is_standard_stream(input) ? kStdinName : input, options);
  io.err << format_diagnostics(result.diagnostics);
  if (!result.toml) {
    io.err << describe_counts(result.diagnostics) << "; nothing written\n";
    return kExitDataError;
  }
  write_output(output, *result.toml, io);
  (is_standard_stream(output) ? io.err : io.out)
      << terminal_safe(is_standard_stream(output) ? "<stdout>" : output) << ": " << result.sections
      << " sections, " << result.items << " items, " << result.milestones << " milestones\n";
  return kExitOk;
}

}  // namespace

Command import_command() {
  return {
      "import",
      "turn a spreadsheet (CSV, TSV) of items into a dataset",
      "FILE.csv|FILE.tsv|- [-o DATA.toml] (--title T --publisher P --published DATE | "
      "--details-from DATA.toml)",
      "Reads one item per row; a row with a Section and no Title gives the section's\n"
      "title (and its intro in Summary). Columns, matched by header name in any case:\n"
      "Section, Section title, ID, Title, Short title, Kind, Issuers, Date, Label\n"
      "(Date 2, Label 2, ... for more milestones), Date source, URL (URL 2, ...),\n"
      "URL language, URL footnote, Note, Note footnote, Summary, Tags, Highlight.\n"
      "Dates: 2024-05-01, 2024/05/01, 13/12/2015, 1 May 2024,\n"
      "May 2024, 2024, kept at their precision. The result is checked as `briefing\n"
      "check` would, and every problem is reported as FILE:ROW:COLUMN. Without -o the\n"
      "dataset goes to standard output. Exit status: 0 written, 1 errors (nothing\n"
      "written), 2 bad usage.\n",
      {
          {"output", 'o', "DATA.toml", "the dataset to write (default: standard output)"},
          {"title", 0, "TEXT", "the dataset's title (the source document's)"},
          {"publisher", 0, "TEXT", "who published the source document"},
          {"published", 0, "DATE", "when it was published (2025-02-05, 2025-02, 2025)"},
          {"language", 0, "TAG", "the language of the text, a BCP 47 tag (default en)"},
          {"source", 0, "TEXT", "a description or the URL of the original document"},
          {"details-from", 0, "DATA.toml",
           "take title, publisher, published, language and source from a dataset"},
          {"date-order",
           0,
           "dmy|mdy",
           "how to read 03/04/2024: day first or month first",
           false,
           {"dmy", "mdy"}},
          {"delimiter",
           0,
           "comma|tab",
           "the cell separator (default: from .csv or .tsv)",
           false,
           {"comma", "tab"}},
      },
      run_import,
  };
}

}  // namespace briefing::cli
