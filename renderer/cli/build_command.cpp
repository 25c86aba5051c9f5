// briefing build [FILE]: renders every output of a build file whose inputs changed.
#include <ostream>

#include "base/terminal_text.h"
#include "cli/build_arguments.h"
#include "cli/command.h"
#include "regenerate/build_file.h"
#include "regenerate/builder.h"

namespace briefing::cli {
namespace {

int run_build_command(const ParsedOptions& options, CommandIo& io) {
  const BuildArguments arguments = build_arguments(options);
  const BuildFileLoad load = load_build_file(arguments.file);
  io.err << load.report();
  if (!load.ok()) {
    io.err << describe_counts(load.diagnostics) << " in " << terminal_safe(arguments.file)
           << "; nothing rendered\n";
    return kExitDataError;
  }
  const BuildSummary summary = run_build(*load.build, arguments.options, io.out, io.err);
  return summary.ok() ? kExitOk : kExitDataError;
}

}  // namespace

Command build_command() {
  return {
      "build",
      "render every output of a build file that is out of date (the default)",
      "[FILE] [--force] [--jobs N] [--quiet | --verbose]",
      "Renders the outputs listed in FILE (default: briefing.toml), several at once,\n"
      "each chart laid out once for all its files (PNG, SVG, PDF of the same timeline);\n"
      "plain `briefing` does the same with ./briefing.toml.\n"
      "An output whose inputs (dataset, layout, fonts, options, program) are unchanged\n"
      "since its last render is not rendered again; the manifest that records this is\n"
      "output/.briefing-manifest.json. A failed output keeps its previous file and does\n"
      "not stop the others. Exit status: 0 all outputs rendered or up to date, 1 some\n"
      "failed or the build file has errors, 2 bad usage.\n",
      build_option_specs(/*with_force=*/true),
      run_build_command,
  };
}

}  // namespace briefing::cli
