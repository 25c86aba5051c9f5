// briefing watch [FILE]: rebuild the outputs of a build file whenever an input is saved.
#include "cli/build_arguments.h"
#include "cli/command.h"
#include "regenerate/watcher.h"

namespace briefing::cli {
namespace {

int run_watch_command(const ParsedOptions& parsed, CommandIo& io) {
  const BuildArguments arguments = build_arguments(parsed);
  WatchOptions options;
  options.build = arguments.options;
  return run_watch(arguments.file, options, io.out, io.err);
}

}  // namespace

Command watch_command() {
  return {
      "watch",
      "build, then rebuild whenever a dataset, layout or the build file is saved",
      "[FILE] [--jobs N] [--quiet | --verbose]",
      "Builds the outputs of FILE (default: briefing.toml) like `briefing build`, then\n"
      "watches the build file, its datasets and its layout files, and after each save\n"
      "(a burst of saves counts as one) renders again the outputs whose inputs changed.\n"
      "Invalid data prints its errors and keeps the previous outputs; the save that\n"
      "fixes it renders again. Renders run in long-lived worker processes, one per core\n"
      "(or --jobs N), that keep fonts and hyphenation patterns loaded between saves.\n"
      "Stops on Ctrl-C (SIGINT) or SIGTERM with exit status 0.\n",
      build_option_specs(/*with_force=*/false),
      run_watch_command,
  };
}

}  // namespace briefing::cli
