// briefing build [FILE]: renders every output of a build file whose inputs changed.
#include <iostream>

#include "build/build_file.h"
#include "build/builder.h"
#include "cli/command.h"

namespace briefing::cli {
namespace {

constexpr const char* kDefaultBuildFile = "briefing.toml";

int parse_jobs(const std::string& value) {
  size_t used = 0;
  int jobs = 0;
  try {
    jobs = std::stoi(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != value.size() || jobs < 1 || jobs > 256) {
    throw UsageError("--jobs needs a whole number from 1 to 256, not '" + value + "'");
  }
  return jobs;
}

int run_build_command(const std::vector<std::string>& args) {
  std::string file;
  BuildOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--force" || arg == "-f") {
      options.force = true;
    } else if (arg == "--quiet" || arg == "-q") {
      options.verbosity = Verbosity::quiet;
    } else if (arg == "--verbose" || arg == "-v") {
      options.verbosity = Verbosity::verbose;
    } else if (arg == "--jobs" || arg == "-j") {
      if (i + 1 >= args.size()) throw UsageError(arg + " needs a number");
      options.jobs = parse_jobs(args[++i]);
    } else if (arg.rfind("--jobs=", 0) == 0) {
      options.jobs = parse_jobs(arg.substr(7));
    } else if (arg.rfind("-j", 0) == 0 && arg.size() > 2 && std::isdigit(static_cast<unsigned char>(arg[2]))) {
      options.jobs = parse_jobs(arg.substr(2));
    } else if (!arg.empty() && arg[0] == '-') {
      throw UsageError("unknown option '" + arg + "'");
    } else if (file.empty()) {
      file = arg;
    } else {
      throw UsageError("more than one build file given");
    }
  }
  if (file.empty()) file = kDefaultBuildFile;

  const BuildFileLoad load = load_build_file(file);
  std::cerr << load.report();
  if (!load.ok()) {
    const size_t errors = load.diagnostics.error_count();
    std::cerr << errors << (errors == 1 ? " error" : " errors") << " in " << file
              << "; nothing rendered\n";
    return kExitDataError;
  }
  const BuildSummary summary = run_build(*load.build, options, std::cout, std::cerr);
  return summary.ok() ? kExitOk : kExitDataError;
}

const CommandRegistration registration{{
    "build",
    "render every output of a build file that is out of date (default)",
    "Usage: briefing build [FILE] [--force] [--jobs N] [--quiet | --verbose]\n"
    "       briefing                 (the same with ./briefing.toml)\n\n"
    "Renders the outputs listed in FILE (default: briefing.toml), each in its own\n"
    "process, several at once. An output whose inputs (dataset, layout, fonts,\n"
    "options, program) are unchanged since its last render is not rendered again;\n"
    "the manifest that records this is output/.briefing-manifest.json.\n\n"
    "  -f, --force      render every output, even those up to date\n"
    "  -j, --jobs N     render N outputs at once (default: the number of cores)\n"
    "  -q, --quiet      print only errors\n"
    "  -v, --verbose    also print each renderer's command line and output\n\n"
    "A failed output keeps its previous file and does not stop the others.\n"
    "Exit status: 0 all outputs rendered or up to date, 1 some failed or the build\n"
    "file has errors, 2 bad usage.\n",
    run_build_command,
}};

}  // namespace
}  // namespace briefing::cli
