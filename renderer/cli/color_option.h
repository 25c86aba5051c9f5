// `--color=auto|always|never` (also `--color WHEN`), a global option that
// may stand anywhere before `--`: whether diagnostics on stderr are coloured.
#pragma once

#include <string>
#include <vector>

namespace briefing::cli {

/// Removes every --color option from `args` and applies the last one (auto
/// when none: colour only a terminal, honouring NO_COLOR). Returns a usage
/// error message, or empty.
std::string take_color_option(std::vector<std::string>& args, bool stderr_is_terminal);

}  // namespace briefing::cli
