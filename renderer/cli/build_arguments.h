// The arguments `briefing build` and `briefing watch` share.
#pragma once

#include <string>
#include <vector>

#include "regenerate/builder.h"

namespace briefing::cli {

struct BuildArguments {
  std::string file = "briefing.toml";  // the build file
  BuildOptions options;
};

/// [FILE] [--jobs N] [--quiet | --verbose], and --force where `allow_force`.
/// Throws UsageError on anything else.
BuildArguments parse_build_arguments(const std::vector<std::string>& args, bool allow_force);

}  // namespace briefing::cli
