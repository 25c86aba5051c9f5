// briefing diff OLD.toml NEW.toml: items added, removed and changed, field by field.
#include <iostream>

#include "cli/command.h"
#include "load/dataset_loader.h"
#include "model/dataset_diff.h"

namespace briefing::cli {
namespace {

int run_diff(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const auto& arg : args) {
    if (!arg.empty() && arg[0] == '-') throw UsageError("unknown option '" + arg + "'");
    files.push_back(arg);
  }
  if (files.size() != 2) throw UsageError("expected two dataset files: OLD.toml NEW.toml");

  // Load both before stopping, so that every problem in either file is reported.
  const DatasetLoad before = load_dataset_file(files[0]);
  const DatasetLoad after = load_dataset_file(files[1]);
  std::cerr << before.report() << after.report();
  if (!before.ok() || !after.ok()) {
    const size_t errors = before.diagnostics.error_count() + after.diagnostics.error_count();
    std::cerr << errors << (errors == 1 ? " error" : " errors") << " found\n";
    return kExitDataError;
  }
  std::cout << "Changes from " << files[0] << " to " << files[1] << "\n"
            << format_diff(compare_datasets(*before.dataset, *after.dataset));
  return kExitOk;
}

const CommandRegistration registration{{
    "diff",
    "show the items added, removed and changed between two datasets",
    "Usage: briefing diff OLD.toml NEW.toml\n\n"
    "Prints the items added, removed and changed, field by field (titles, dates,\n"
    "issuers, links, kind, section, summary, notes, tags), matched by item id.\n"
    "Exit status: 0 compared (with or without differences), 1 errors in either file,\n"
    "2 bad usage.\n",
    run_diff,
}};

}  // namespace
}  // namespace briefing::cli
