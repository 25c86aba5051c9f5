// briefing timeline DATA -o OUT ...: a timeline graphic as PNG, SVG or PDF.
#include <algorithm>
#include <ostream>
#include <set>

#include "base/terminal_text.h"
#include "cli/command.h"
#include "cli/standard_streams.h"
#include "layout/layout_dump.h"
#include "layout/timeline/deck_layout.h"
#include "layout/timeline/filter_check.h"
#include "layout/timeline/timeline_layout.h"
#include "load/dataset_loader.h"
#include "load/timeline_request.h"
#include "load/timeline_style_loader.h"
#include "model/dataset_diff.h"
#include "paint/document_writer.h"
#include "text/glyph_coverage.h"
#include "text/layout_fonts.h"

namespace briefing::cli {
namespace {

/// One file to write and its format.
struct OutputFile {
  std::string path;
  OutputFormat format = OutputFormat::png;
};

struct Arguments {
  std::string data, layout = "slide-16x9", layout_dump, compare_with;
  /// Each -o: the chart is laid out once and painted into every one of them
  /// (`briefing build` asks for a chart's PNG, SVG and PDF in one run).
  std::vector<OutputFile> outputs;
  TimelineRequest request;
};

Arguments timeline_arguments_from(const ParsedOptions& parsed) {
  Arguments a;
  a.data = the_one_dataset(parsed);
  if (parsed.has("layout")) a.layout = parsed.value("layout");
  a.layout_dump = parsed.value("layout-dump");
  a.compare_with = parsed.value("compare-with");
  // The timeline options themselves: parsed and checked by their one schema.
  for (const TimelineOptionSpec& spec : timeline_option_specs()) {
    const std::string name = command_line_name(spec).substr(2);
    for (const std::string& value : parsed.values(name)) {
      if (auto problem = set_timeline_option(a.request, spec, value)) {
        throw UsageError("--" + name + ": " + problem->message +
                         (problem->hint.empty() ? "" : " (" + problem->hint + ")"));
      }
    }
  }
  if (auto problem = check_timeline_request(a.request)) throw UsageError(problem->message);
  const std::vector<std::string> paths =
      parsed.has("output") ? parsed.values("output") : std::vector<std::string>{};
  if (paths.empty()) throw UsageError("no output file given (-o OUT, or -o - for stdout)");
  if (paths.size() > 1 && parsed.has("format")) {
    throw UsageError(
        "--format names the format of one output; with several -o, each file's "
        "extension gives its format");
  }
  if (is_standard_stream(a.data) && is_standard_stream(a.compare_with)) {
    throw UsageError("standard input can be read once: give the dataset or --compare-with as -");
  }
  std::set<std::string> seen;
  size_t to_stdout = is_standard_stream(a.layout_dump) ? 1 : 0;
  for (const std::string& path : paths) {
    if (!seen.insert(path).second) throw UsageError("-o " + path + " is given twice");
    if (is_standard_stream(path) && ++to_stdout > 1) {
      throw UsageError(a.layout_dump == "-"
                           ? "the image and --layout-dump cannot both go to standard output"
                           : "only one output can go to standard output (-o -)");
    }
    if (!is_standard_stream(a.data) && path == a.data) {
      throw UsageError("the output would overwrite the dataset '" + a.data + "'");
    }
    a.outputs.push_back({path, output_format(path, parsed.value("format"))});
  }
  if (!is_standard_stream(a.data) && !a.layout_dump.empty() && a.layout_dump == a.data) {
    throw UsageError("the output would overwrite the dataset '" + a.data + "'");
  }
  return a;
}

// Items added or changed since `old_data`, as the report's "Changes since"
// page sees them (compare_datasets), so that slides mark the same items.
void mark_changes(const Dataset& old_data, const Dataset& new_data, TimelineOptions& options) {
  const DatasetDiff diff = compare_datasets(old_data, new_data);
  for (const Item& item : diff.added) options.added_ids.insert(item.id);
  for (const ItemChange& change : diff.changed) options.changed_ids.insert(change.id);
}

int run_timeline(const ParsedOptions& parsed, CommandIo& io) {
  Arguments a = timeline_arguments_from(parsed);
  TimelineOptions& options = a.request.options;

  DatasetLoad load = load_dataset_argument(a.data, io);
  if (!load.ok()) {
    io.err << load.report() << describe_counts(load.diagnostics) << "\n";
    return kExitDataError;
  }
  if (!a.compare_with.empty()) {
    const DatasetLoad old_load = load_dataset_argument(a.compare_with, io);
    if (!old_load.ok()) {
      io.err << old_load.report() << describe_counts(old_load.diagnostics) << "\n";
      return kExitDataError;
    }
    mark_changes(*old_load.dataset, *load.dataset, options);
  }

  Diagnostics diagnostics;
  auto style = load_timeline_style(resolve_layout_path(a.layout), diagnostics);
  if (!style || !use_layout_fonts({&style->fonts}, diagnostics)) {
    io.err << format_diagnostics(diagnostics) << describe_counts(diagnostics) << "\n";
    return kExitDataError;
  }
  // Only now: the layout's own fonts may draw what the bundled ones cannot.
  require_drawable_text(load);
  if (!load.ok()) {
    io.err << load.report() << describe_counts(load.diagnostics) << "\n";
    return kExitDataError;
  }

  const Dataset& dataset = *load.dataset;
  // A filter that matches nothing is a mistake: say what exists, write nothing.
  Diagnostics filters;
  check_filters(dataset, options.only, dataset.file ? dataset.file : make_source(a.data), filters);
  if (filters.has_errors()) {
    io.err << format_diagnostics(filters) << "briefing timeline: nothing written\n";
    return kExitDataError;
  }
  LayoutResult layout = a.request.deck ? layout_timeline_deck(dataset, *style, options)
                                       : layout_timeline(dataset, *style, options);
  // Labels left out, undated items: located, up to a screenful of them.
  io.err << format_diagnostics(layout.diagnostics, {false, 20});
  if (layout.diagnostics.has_errors()) {
    io.err
        << "briefing timeline: " << layout.diagnostics.error_count()
        << " item(s) could not be placed; nothing written (use a larger layout, fewer items with "
           "--only/--from/--to, or --allow-omissions)\n";
    return kExitDataError;
  }
  const Document& document = layout.document;

  RasterOptions raster;
  raster.pixels_per_point = style->pixels_per_point * a.request.scale.value_or(1);
  raster.transparent = a.request.transparent;
  // Render everything first, so that a failure leaves every output untouched.
  const PdfOptions pdf{load.dataset->language};
  std::vector<std::pair<std::string, std::string>> files;  // path, bytes
  for (const auto& [output, format] : a.outputs) {
    if (a.request.deck && format != OutputFormat::pdf) {
      if (is_standard_stream(output)) {
        throw UsageError(
            "a deck of PNG or SVG slides is one file per slide: give a file name, not -");
      }
      // PNG and SVG hold one slide each: OUT-01.png, OUT-02.png, ...
      const auto paths = deck_files(output, document.pages.size());
      for (size_t i = 0; i < document.pages.size(); ++i) {
        Document slide = document;
        slide.pages = {document.pages[i]};
        slide.outline.clear();
        files.emplace_back(paths[i], render_document(slide, format, raster, pdf));
      }
    } else {
      files.emplace_back(output, render_document(document, format, raster, pdf));
    }
  }
  std::string dump_json;
  if (!a.layout_dump.empty()) {
    dump_json = to_json(layout_dump(document, "timeline"));
  }
  for (const auto& [path, bytes] : files) {
    write_output(path, bytes, io);
    if (a.request.deck && !is_standard_stream(path)) io.out << "wrote " << path << "\n";
  }
  if (!a.layout_dump.empty()) write_output(a.layout_dump, dump_json, io);
  return kExitOk;
}

std::vector<OptionSpec> timeline_options() {
  std::vector<OptionSpec> specs = {
      {"output", 'o', "OUT",
       "the file to write (required): .png, .svg or .pdf; - for stdout. Repeatable: one "
       "layout painted into each file",
       true},
      format_option_spec({"png", "svg", "pdf"}),
      {"layout", 0, "NAME|FILE",
       "a preset in layouts/ (slide-16x9, slide-4x3, a4-landscape, report-figure) or a file"},
  };
  for (const TimelineOptionSpec& spec : timeline_option_specs()) {
    specs.push_back({command_line_name(spec).substr(2), 0, spec.value_name, spec.help,
                     spec.value == OptionValue::list});
  }
  specs.push_back({"layout-dump", 0, "FILE", "every placed element with its box, as JSON"});
  specs.push_back({"compare-with", 0, "OLD",
                   "tag items NEW or CHANGED since dataset OLD (as the report counts them)"});
  return specs;
}

}  // namespace

Command timeline_command() {
  return {
      "timeline",
      "draw a timeline graphic (PNG, SVG, PDF)",
      "DATA -o OUT [options]",
      "Draws the dated items of DATA on a proportional time axis. The format follows\n"
      "OUT's extension (.png, .svg or .pdf) or --format. DATA - reads standard\n"
      "input; -o - writes standard output. Several -o lay the chart out once and\n"
      "write it in each file's format.\n"
      "Exit status: 0 success, 1 data, layout or render errors (or omitted labels),\n"
      "2 bad usage.\n",
      timeline_options(),
      run_timeline,
  };
}

}  // namespace briefing::cli
