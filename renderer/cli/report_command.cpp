// briefing report DATA -o OUT.pdf: the printable briefing report.
#include <filesystem>
#include <optional>
#include <ostream>

#include "base/terminal_text.h"
#include "cli/command.h"
#include "cli/standard_streams.h"
#include "layout/layout_dump.h"
#include "layout/report/report_layout.h"
#include "load/dataset_loader.h"
#include "load/report_style_loader.h"
#include "load/timeline_style_loader.h"
#include "model/dataset_diff.h"
#include "paint/document_writer.h"
#include "text/glyph_coverage.h"
#include "text/layout_fonts.h"

namespace briefing::cli {
namespace {

struct ReportArguments {
  std::string data;
  std::string output;
  std::string layout = "briefing-a4";
  std::string layout_dump;
  std::string compare_with;
  std::string compare_name;  // how the changes page names compare_with
  std::string language;
};

ReportArguments report_arguments(const ParsedOptions& parsed) {
  ReportArguments a;
  a.data = the_one_dataset(parsed);
  a.output = parsed.value("output");
  if (parsed.has("layout")) a.layout = parsed.value("layout");
  a.layout_dump = parsed.value("layout-dump");
  a.compare_with = parsed.value("compare-with");
  a.language = parsed.value("language");
  a.compare_name = parsed.value("compare-name");
  if (!a.compare_name.empty() && a.compare_with.empty()) {
    throw UsageError("--compare-name names the --compare-with dataset: give both");
  }
  if (a.output.empty()) throw UsageError("no output file given (-o OUT.pdf, or -o - for stdout)");
  if (!parsed.has("format") && !is_standard_stream(a.output) &&
      format_for_path(a.output) != OutputFormat::pdf) {
    throw UsageError("the report is a PDF: give an output file ending in .pdf, not '" + a.output +
                     "'");
  }
  if (is_standard_stream(a.data) && is_standard_stream(a.compare_with)) {
    throw UsageError("standard input can be read once: give the dataset or --compare-with as -");
  }
  if (is_standard_stream(a.output) && is_standard_stream(a.layout_dump)) {
    throw UsageError("the report and --layout-dump cannot both go to standard output");
  }
  if (a.layout.empty()) throw UsageError("--layout needs a preset name or a file");
  if (!is_standard_stream(a.data) &&
      (a.output == a.data || (!a.layout_dump.empty() && a.layout_dump == a.data))) {
    throw UsageError("the output would overwrite the dataset '" + a.data + "'");
  }
  return a;
}

int fail_with(const Diagnostics& diagnostics, CommandIo& io) {
  io.err << format_diagnostics(diagnostics) << describe_counts(diagnostics) << "\n";
  return kExitDataError;
}

int run_report(const ParsedOptions& parsed, CommandIo& io) {
  const ReportArguments arguments = report_arguments(parsed);

  DatasetLoad load = load_dataset_argument(arguments.data, io);
  if (!load.ok()) return fail_with(load.diagnostics, io);

  Diagnostics diagnostics;
  const std::string layout_path = resolve_layout_path(arguments.layout);
  const std::optional<ReportStyle> style = load_report_style(layout_path, diagnostics);
  if (!style) return fail_with(diagnostics, io);

  std::optional<TimelineStyle> figure_style;
  if (style->figure) {
    // The figure's preset: one beside the report layout wins over an installed one.
    const std::string beside = std::filesystem::path(layout_path).parent_path().string();
    figure_style =
        load_timeline_style(resolve_layout_path(style->figure_layout, beside), diagnostics);
    if (!figure_style) return fail_with(diagnostics, io);
  }
  if (!use_layout_fonts({&style->fonts, figure_style ? &figure_style->fonts : nullptr},
                        diagnostics)) {
    return fail_with(diagnostics, io);
  }
  // Only now: the layout's own fonts may draw what the bundled ones cannot.
  require_drawable_text(load);
  if (!load.ok()) return fail_with(load.diagnostics, io);

  ReportOptions options;
  options.figure_style = figure_style ? &*figure_style : nullptr;
  options.language = arguments.language;
  std::optional<DatasetDiff> changes;
  if (!arguments.compare_with.empty()) {
    DatasetLoad old = load_dataset_argument(arguments.compare_with, io);
    require_drawable_text(old);
    if (!old.ok()) return fail_with(old.diagnostics, io);
    changes = compare_datasets(*old.dataset, *load.dataset);
    options.changes = &*changes;
    options.changes_since = old.dataset->published;
    options.changes_basis =
        arguments.compare_name.empty() ? arguments.compare_with : arguments.compare_name;
  }

  LayoutResult report = layout_report(*load.dataset, *style, options);
  // A layout that does not fit the data (a [lanes.colors] key no lane has):
  // nothing is written.
  if (report.diagnostics.has_errors()) return fail_with(report.diagnostics, io);
  // Render both before writing either, so that a failure leaves both untouched.
  const std::string dump =
      arguments.layout_dump.empty() ? "" : to_json(layout_dump(report.document, "report"));
  const size_t pages = report.document.pages.size();
  // The PDF takes the document: freed before qpdf's pass (peak memory).
  const std::string pdf =
      render_pdf(std::move(report.document), PdfOptions{load.dataset->language});
  write_output(arguments.output, pdf, io);
  if (!arguments.layout_dump.empty()) write_output(arguments.layout_dump, dump, io);
  io.err << format_diagnostics(report.diagnostics);
  // With the PDF on standard output, the summary goes to standard error.
  (is_standard_stream(arguments.output) ? io.err : io.out)
      << terminal_safe(is_standard_stream(arguments.output) ? "<stdout>" : arguments.output) << ": "
      << pages << " pages\n";
  return kExitOk;
}

}  // namespace

Command report_command() {
  return {
      "report",
      "typeset the briefing report PDF",
      "DATA -o OUT.pdf [--layout briefing-a4|briefing-letter|FILE] [options]",
      "Typesets a paginated PDF: cover, contents with page numbers, the timeline\n"
      "figure, the sections with their items and footnotes, and a chronological table.\n"
      "DATA - reads the dataset from standard input, -o - writes the PDF to standard\n"
      "output.\n"
      "Exit status: 0 written, 1 data or layout errors, 2 bad usage.\n",
      {
          {"output", 'o', "OUT.pdf", "the file to write (required); - for standard output"},
          format_option_spec({"pdf"}),
          {"layout", 0, "NAME|FILE", "a preset in layouts/ or a layout file (default briefing-a4)"},
          {"layout-dump", 0, "FILE", "also write every placed block and line, per page, as JSON"},
          {"compare-with", 0, "OLD",
           "add a 'Changes since' page against an older dataset and mark what changed"},
          {"compare-name", 0, "TEXT",
           "how that page names OLD (default: its file name), e.g. 'the previous render'"},
          {"language", 0, "LANG",
           "the language of the report's own words (en, ja), over the layout's and the dataset's"},
      },
      run_report,
  };
}

}  // namespace briefing::cli
