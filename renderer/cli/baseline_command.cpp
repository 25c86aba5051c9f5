// briefing baseline [FILE]: records the build file's datasets as the
// published state that compare_with = "baseline" outputs compare with.
#include <ostream>

#include "base/terminal_text.h"
#include "cli/command.h"
#include "load/dataset_loader.h"
#include "regenerate/build_file.h"
#include "regenerate/history.h"

namespace briefing::cli {
namespace {

int run_baseline(const ParsedOptions& parsed, CommandIo& io) {
  if (parsed.positional().size() > 1) throw UsageError("give at most one build file");
  const std::string file =
      parsed.positional().empty() ? "briefing.toml" : parsed.positional().front();
  const BuildFileLoad build = load_build_file(file);
  io.err << build.report();
  if (!build.ok()) {
    io.err << describe_counts(build.diagnostics) << " in " << terminal_safe(file)
           << "; no baseline recorded\n";
    return kExitDataError;
  }
  // A baseline is what was published: only datasets that check clean.
  Diagnostics problems;
  for (const OutputSpec& output : build.build->outputs) {
    const DatasetLoad load = load_dataset_file(output.file(output.data));
    problems.append(load.diagnostics);
    io.err << load.report();
  }
  if (problems.has_errors()) {
    io.err << describe_counts(problems) << "; no baseline recorded\n";
    return kExitDataError;
  }
  const BaselineRecord record = record_baseline(*build.build);
  if (!record.error.empty()) {
    io.err << "briefing baseline: " << terminal_safe(record.error) << "\n";
    return kExitDataError;
  }
  for (const std::string& data : record.datasets) {
    io.out << terminal_safe(data) << ": baseline recorded " << record.recorded_at << "\n";
  }
  return kExitOk;
}

}  // namespace

Command baseline_command() {
  return {
      "baseline",
      "record the datasets as published, for \"Changes since\" pages",
      "[FILE]",
      "Copies every dataset the build file FILE (default: briefing.toml) renders\n"
      "into output/.briefing-baseline/ beside the manifest, with the time. Outputs with\n"
      "compare_with = \"baseline\" then get a \"Changes since\" page against that copy,\n"
      "which says \"compared with the baseline recorded on ...\", until the next\n"
      "`briefing baseline`. Run it when a briefing is published. Datasets with errors\n"
      "are refused. Exit status: 0 recorded, 1 errors, 2 bad usage.\n",
      {},
      run_baseline,
  };
}

}  // namespace briefing::cli
