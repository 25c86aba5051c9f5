#include "cli/build_arguments.h"

#include <charconv>

#include "cli/command.h"

namespace briefing::cli {
namespace {

int parse_jobs(const std::string& value) {
  int jobs = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), jobs);
  if (error != std::errc() || end != value.data() + value.size() || jobs < 1 || jobs > 256) {
    throw UsageError("--jobs needs a whole number from 1 to 256, not '" + value + "'");
  }
  return jobs;
}

}  // namespace

std::vector<OptionSpec> build_option_specs(bool with_force) {
  std::vector<OptionSpec> specs;
  if (with_force) specs.push_back({"force", 'f', "", "render every output, even those up to date"});
  specs.push_back({"jobs", 'j', "N", "render N outputs at once (default: the number of cores)"});
  specs.push_back({"quiet", 'q', "", "print only errors"});
  specs.push_back({"verbose", 'v', "", "also print each renderer's command line and output"});
  return specs;
}

BuildArguments build_arguments(const ParsedOptions& parsed) {
  BuildArguments arguments;
  if (parsed.positional().size() > 1) throw UsageError("more than one build file given");
  if (!parsed.positional().empty()) arguments.file = parsed.positional().front();
  arguments.options.force = parsed.has("force");
  if (parsed.has("quiet") && parsed.has("verbose")) {
    throw UsageError("--quiet and --verbose exclude each other");
  }
  if (parsed.has("quiet")) arguments.options.verbosity = Verbosity::quiet;
  if (parsed.has("verbose")) arguments.options.verbosity = Verbosity::verbose;
  if (parsed.has("jobs")) arguments.options.jobs = parse_jobs(parsed.value("jobs"));
  return arguments;
}

}  // namespace briefing::cli
