#include "cli/build_arguments.h"

#include <cctype>

#include "cli/command.h"

namespace briefing::cli {
namespace {

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

}  // namespace

BuildArguments parse_build_arguments(const std::vector<std::string>& args, bool allow_force) {
  BuildArguments parsed;
  bool file_given = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (allow_force && (arg == "--force" || arg == "-f")) {
      parsed.options.force = true;
    } else if (arg == "--quiet" || arg == "-q") {
      parsed.options.verbosity = Verbosity::quiet;
    } else if (arg == "--verbose" || arg == "-v") {
      parsed.options.verbosity = Verbosity::verbose;
    } else if (arg == "--jobs" || arg == "-j") {
      if (i + 1 >= args.size()) throw UsageError(arg + " needs a number");
      parsed.options.jobs = parse_jobs(args[++i]);
    } else if (arg.rfind("--jobs=", 0) == 0) {
      parsed.options.jobs = parse_jobs(arg.substr(7));
    } else if (arg.rfind("-j", 0) == 0 && arg.size() > 2 &&
               std::isdigit(static_cast<unsigned char>(arg[2]))) {
      parsed.options.jobs = parse_jobs(arg.substr(2));
    } else if (!arg.empty() && arg[0] == '-') {
      throw UsageError("unknown option '" + arg + "'");
    } else if (!file_given) {
      parsed.file = arg;
      file_given = true;
    } else {
      throw UsageError("more than one build file given");
    }
  }
  return parsed;
}

}  // namespace briefing::cli
