// briefing watch [FILE]: rebuild the outputs of a build file whenever an input is saved.
#include <iostream>

#include "regenerate/watcher.h"
#include "cli/build_arguments.h"
#include "cli/command.h"

namespace briefing::cli {
namespace {

int run_watch_command(const std::vector<std::string>& args) {
  const BuildArguments arguments = parse_build_arguments(args, /*allow_force=*/false);
  WatchOptions options;
  options.build = arguments.options;
  return run_watch(arguments.file, options, std::cout, std::cerr);
}

const CommandRegistration registration{{
    "watch",
    "build, then rebuild whenever a dataset, layout or the build file is saved",
    "Usage: briefing watch [FILE] [--jobs N] [--quiet | --verbose]\n\n"
    "Builds the outputs of FILE (default: briefing.toml) like `briefing build`, then\n"
    "watches the build file, its datasets and its layout files, and after each save\n"
    "(a burst of saves counts as one) renders again the outputs whose inputs changed.\n"
    "Invalid data prints its errors and keeps the previous outputs; the save that\n"
    "fixes it renders again. Stops on Ctrl-C (SIGINT) or SIGTERM with exit status 0.\n",
    run_watch_command,
}};

}  // namespace
}  // namespace briefing::cli
