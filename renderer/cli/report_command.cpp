// briefing report DATA -o OUT.pdf: the printable briefing report.
#include <iostream>
#include <optional>

#include "cli/command.h"
#include "layout/report/report_layout.h"
#include "load/dataset_loader.h"
#include "text/glyph_coverage.h"
#include "load/report_style_loader.h"
#include "load/timeline_style_loader.h"
#include "model/dataset_diff.h"
#include "base/atomic_file.h"
#include "paint/document_writer.h"

namespace briefing::cli {
namespace {

struct ReportArguments {
  std::string data;
  std::string output;
  std::string layout = "briefing-a4";
  std::string layout_dump;
  std::string compare_with;
};

ReportArguments parse_arguments(const std::vector<std::string>& args) {
  ReportArguments parsed;
  auto value = [&](size_t& i) -> const std::string& {
    if (i + 1 >= args.size()) throw UsageError("option '" + args[i] + "' needs a value");
    return args[++i];
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-o" || arg == "--output") parsed.output = value(i);
    else if (arg == "--layout") parsed.layout = value(i);
    else if (arg == "--layout-dump") parsed.layout_dump = value(i);
    else if (arg == "--compare-with") parsed.compare_with = value(i);
    else if (!arg.empty() && arg[0] == '-') throw UsageError("unknown option '" + arg + "'");
    else if (parsed.data.empty()) parsed.data = arg;
    else throw UsageError("more than one dataset given ('" + parsed.data + "' and '" + arg + "')");
  }
  if (parsed.data.empty()) throw UsageError("no dataset file given");
  if (parsed.output.empty()) throw UsageError("no output file given (-o OUT.pdf)");
  if (format_for_path(parsed.output) != OutputFormat::pdf) {
    throw UsageError("the report is a PDF: give an output file ending in .pdf, not '" +
                     parsed.output + "'");
  }
  if (parsed.layout.empty()) throw UsageError("--layout needs a preset name or a file");
  return parsed;
}

int fail_with(const Diagnostics& diagnostics) {
  std::cerr << format_diagnostics(diagnostics) << describe_counts(diagnostics) << "\n";
  return kExitDataError;
}

int run_report(const std::vector<std::string>& args) {
  const ReportArguments arguments = parse_arguments(args);

  DatasetLoad load = load_dataset_file(arguments.data);
  require_drawable_text(load);
  if (!load.ok()) return fail_with(load.diagnostics);

  Diagnostics diagnostics;
  const std::optional<ReportStyle> style =
      load_report_style(resolve_layout_path(arguments.layout), diagnostics);
  if (!style) return fail_with(diagnostics);

  std::optional<TimelineStyle> figure_style;
  if (style->figure) {
    figure_style = load_timeline_style(resolve_layout_path(style->figure_layout), diagnostics);
    if (!figure_style) return fail_with(diagnostics);
  }

  ReportOptions options;
  options.figure_style = figure_style ? &*figure_style : nullptr;
  std::optional<DatasetDiff> changes;
  if (!arguments.compare_with.empty()) {
    DatasetLoad old = load_dataset_file(arguments.compare_with);
    require_drawable_text(old);
    if (!old.ok()) return fail_with(old.diagnostics);
    changes = compare_datasets(*old.dataset, *load.dataset);
    options.changes = &*changes;
    options.changes_since = old.dataset->published;
  }

  const ReportLayout report = layout_report(*load.dataset, *style, options);
  // Render both before writing either, so that a failure leaves both untouched.
  const std::string pdf = render_document(report.document, OutputFormat::pdf);
  const std::string dump = arguments.layout_dump.empty() ? "" : to_json(report.dump);
  write_file_atomically(arguments.output, pdf);
  if (!arguments.layout_dump.empty()) write_file_atomically(arguments.layout_dump, dump);
  for (const std::string& note : report.notes) std::cerr << "note: " << note << "\n";
  std::cout << arguments.output << ": " << report.document.pages.size() << " pages\n";
  return kExitOk;
}

const CommandRegistration registration{{
    "report",
    "typeset the briefing report PDF",
    "Usage: briefing report DATA -o OUT.pdf [--layout briefing-a4|briefing-letter|FILE]\n"
    "                       [--layout-dump FILE.json] [--compare-with OLD.toml]\n\n"
    "Typesets a paginated PDF: cover, contents with page numbers, the timeline\n"
    "figure, the sections with their items and footnotes, and a chronological table.\n"
    "--layout        a preset in layouts/ or a layout file (default briefing-a4)\n"
    "--layout-dump   also write every placed block and line, per page, as JSON\n"
    "--compare-with  add a 'Changes since' page against an older version and mark\n"
    "                new and changed items\n"
    "Exit status: 0 written, 1 data or layout errors, 2 bad usage.\n",
    run_report,
}};

}  // namespace
}  // namespace briefing::cli
