// The options `briefing build` and `briefing watch` share.
#pragma once

#include <string>
#include <vector>

#include "cli/options.h"
#include "regenerate/builder.h"

namespace briefing::cli {

struct BuildArguments {
  std::string file = "briefing.toml";  // the build file
  BuildOptions options;
};

/// --jobs, --quiet, --verbose, and --force where `with_force`.
std::vector<OptionSpec> build_option_specs(bool with_force);

/// [FILE] and the options above. Throws UsageError on anything else.
BuildArguments build_arguments(const ParsedOptions& parsed);

}  // namespace briefing::cli
