// briefing check FILE...: validate datasets and report every problem at once.
#include <algorithm>
#include <ostream>

#include "base/terminal_text.h"
#include "cli/command.h"
#include "cli/standard_streams.h"
#include "load/dataset_loader.h"
#include "load/font_request_reader.h"
#include "load/layout_paths.h"
#include "text/glyph_coverage.h"
#include "text/layout_fonts.h"

namespace briefing::cli {
namespace {

std::string summary_line(const std::string& file, const Dataset& dataset) {
  return terminal_safe(file) + ": ok: " + std::to_string(dataset.sections.size()) + " sections, " +
         std::to_string(dataset.items.size()) + " items, " +
         std::to_string(dataset.milestone_count()) + " milestones, " +
         std::to_string(dataset.link_count()) + " links, " + std::to_string(dataset.note_count()) +
         " notes";
}

int run_check(const ParsedOptions& options, CommandIo& io) {
  if (options.positional().empty()) throw UsageError("no dataset file given");
  const auto& files = options.positional();
  if (std::count(files.begin(), files.end(), "-") > 1) {
    throw UsageError("standard input (-) can be checked once");
  }
  // The layouts' own fonts count for the glyph check, as they do when rendering.
  Diagnostics layouts;
  std::vector<FontRequest> fonts;
  for (const std::string& layout : options.values("layout")) {
    fonts.push_back(read_layout_font_sources(resolve_layout_path(layout), layouts));
  }
  std::vector<const FontRequest*> requests;
  for (const FontRequest& request : fonts) requests.push_back(&request);
  if (!layouts.has_errors() && !requests.empty()) use_layout_fonts(requests, layouts);
  if (layouts.has_errors()) {
    io.err << format_diagnostics(layouts) << describe_counts(layouts) << "\n";
    return kExitDataError;
  }
  Diagnostics all;
  for (const auto& file : files) {
    DatasetLoad load = load_dataset_argument(file, io);
    require_drawable_text(load);  // text no font can draw would be painted as boxes
    io.err << load.report();
    all.append(load.diagnostics);
    if (load.ok()) {
      io.out << summary_line(is_standard_stream(file) ? kStdinName : file, *load.dataset) << "\n";
    }
  }
  if (all.has_errors()) {
    io.err << describe_counts(all) << "\n";
    return kExitDataError;
  }
  return kExitOk;
}

}  // namespace

Command check_command() {
  return {
      "check",
      "validate datasets and print a summary",
      "FILE...",
      "Checks each dataset and reports every problem as file:line:col: error: message,\n"
      "with the line and the offending value underlined. Prints one summary line per\n"
      "clean file. FILE - reads standard input (named <stdin> in messages).\n"
      "With --layout, text is judged drawable by that layout's own fonts too.\n"
      "Exit status: 0 clean, 1 data or layout errors, 2 bad usage.\n",
      {{"layout", 0, "NAME|FILE",
        "also the fonts this layout adds ([fonts] dirs, files, system); repeatable", true}},
      run_check,
  };
}

}  // namespace briefing::cli
