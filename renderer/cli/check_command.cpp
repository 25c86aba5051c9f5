// briefing check FILE...: validate datasets and report every problem at once.
#include <ostream>

#include "base/terminal_text.h"
#include "cli/command.h"
#include "load/dataset_loader.h"
#include "text/glyph_coverage.h"

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
  Diagnostics all;
  for (const auto& file : options.positional()) {
    DatasetLoad load = load_dataset_file(file);
    require_drawable_text(load);  // text no font can draw would be painted as boxes
    io.err << load.report();
    all.append(load.diagnostics);
    if (load.ok()) io.out << summary_line(file, *load.dataset) << "\n";
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
      "clean file. Exit status: 0 clean, 1 data errors, 2 bad usage.\n",
      {},
      run_check,
  };
}

}  // namespace briefing::cli
