// briefing check FILE...: validate datasets and report every problem at once.
#include <iostream>

#include "cli/command.h"
#include "load/dataset_loader.h"
#include "base/terminal_text.h"
#include "text/glyph_coverage.h"

namespace briefing::cli {
namespace {

std::string summary_line(const std::string& file, const Dataset& dataset) {
  return terminal_safe(file) + ": ok: " + std::to_string(dataset.sections.size()) + " sections, " +
         std::to_string(dataset.items.size()) + " items, " +
         std::to_string(dataset.milestone_count()) + " milestones, " +
         std::to_string(dataset.link_count()) + " links, " +
         std::to_string(dataset.note_count()) + " notes";
}

int run_check(const std::vector<std::string>& args) {
  if (args.empty()) throw UsageError("no dataset file given");
  for (const auto& arg : args) {
    if (!arg.empty() && arg[0] == '-') throw UsageError("unknown option '" + arg + "'");
  }
  size_t errors = 0;
  for (const auto& file : args) {
    DatasetLoad load = load_dataset_file(file);
    require_drawable_text(load);  // text no font can draw would be painted as boxes
    std::cerr << load.report();
    errors += load.diagnostics.error_count();
    if (load.ok()) std::cout << summary_line(file, *load.dataset) << "\n";
  }
  if (errors > 0) {
    std::cerr << errors << (errors == 1 ? " error" : " errors") << " found\n";
    return kExitDataError;
  }
  return kExitOk;
}

const CommandRegistration registration{{
    "check",
    "validate datasets and print a summary",
    "Usage: briefing check FILE...\n\n"
    "Checks each dataset and reports every problem as file:line:col: error: message.\n"
    "Prints one summary line per clean file. Exit status: 0 clean, 1 data errors, 2 bad usage.\n",
    run_check,
}};

}  // namespace
}  // namespace briefing::cli
