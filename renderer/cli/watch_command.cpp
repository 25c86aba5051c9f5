// briefing watch [FILE]: rebuild the outputs of a build file whenever an input is saved.
#include <iostream>

#include "build/watcher.h"
#include "cli/command.h"

namespace briefing::cli {
namespace {

int run_watch_command(const std::vector<std::string>& args) {
  std::string file;
  WatchOptions options;
  for (const auto& arg : args) {
    if (arg == "--quiet" || arg == "-q") {
      options.build.verbosity = Verbosity::quiet;
    } else if (arg == "--verbose" || arg == "-v") {
      options.build.verbosity = Verbosity::verbose;
    } else if (!arg.empty() && arg[0] == '-') {
      throw UsageError("unknown option '" + arg + "'");
    } else if (file.empty()) {
      file = arg;
    } else {
      throw UsageError("more than one build file given");
    }
  }
  if (file.empty()) file = "briefing.toml";
  return run_watch(file, options, std::cout, std::cerr);
}

const CommandRegistration registration{{
    "watch",
    "build, then rebuild whenever a dataset, layout or the build file is saved",
    "Usage: briefing watch [FILE] [--quiet | --verbose]\n\n"
    "Builds the outputs of FILE (default: briefing.toml) like `briefing build`, then\n"
    "watches the build file, its datasets and its layout files, and after each save\n"
    "(a burst of saves counts as one) renders again the outputs whose inputs changed.\n"
    "Invalid data prints its errors and keeps the previous outputs; the save that\n"
    "fixes it renders again. Stops on Ctrl-C (SIGINT) or SIGTERM with exit status 0.\n",
    run_watch_command,
}};

}  // namespace
}  // namespace briefing::cli
