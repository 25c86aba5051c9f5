// briefing diff OLD.toml NEW.toml: items added, removed and changed, field by field.
#include <ostream>

#include "base/terminal_text.h"
#include "cli/command.h"
#include "load/dataset_loader.h"
#include "model/dataset_diff.h"

namespace briefing::cli {
namespace {

int run_diff(const ParsedOptions& options, CommandIo& io) {
  const auto& files = options.positional();
  if (files.size() != 2) throw UsageError("expected two dataset files: OLD.toml NEW.toml");

  // Load both before stopping, so that every problem in either file is reported.
  const DatasetLoad before = load_dataset_file(files[0]);
  const DatasetLoad after = load_dataset_file(files[1]);
  io.err << before.report() << after.report();
  if (!before.ok() || !after.ok()) {
    Diagnostics all = before.diagnostics;
    all.append(after.diagnostics);
    io.err << describe_counts(all) << "\n";
    return kExitDataError;
  }
  io.out << terminal_safe("Changes from " + files[0] + " to " + files[1]) << "\n"
         << terminal_safe(format_diff(compare_datasets(*before.dataset, *after.dataset)));
  return kExitOk;
}

}  // namespace

Command diff_command() {
  return {
      "diff",
      "show the items added, removed and changed between two datasets",
      "OLD.toml NEW.toml",
      "Prints the items added, removed and changed, field by field (titles, dates,\n"
      "issuers, links, kind, section, summary, notes, tags), matched by item id.\n"
      "Exit status: 0 compared (with or without differences), 1 errors in either file,\n"
      "2 bad usage.\n",
      {},
      run_diff,
  };
}

}  // namespace briefing::cli
