// Shell completions and the man page, written from the command table
// (cli/command.h) that parses the command line, so they list exactly the
// commands and options the program takes. The build writes them into the
// build tree (`briefing completions SHELL`, `briefing manpage`) and
// `cmake --install` installs them.
#pragma once

#include <string>
#include <vector>

#include "cli/command.h"

namespace briefing::cli {

/// A bash script defining _briefing and `complete -F _briefing briefing`.
std::string bash_completion(const std::vector<Command>& commands);
/// A zsh completion function file (#compdef briefing) for site-functions/_briefing.
std::string zsh_completion(const std::vector<Command>& commands);
/// `complete -c briefing ...` lines for fish's vendor_completions.d.
std::string fish_completion(const std::vector<Command>& commands);
/// briefing(1) in roff with the man macros.
std::string man_page(const std::vector<Command>& commands);

}  // namespace briefing::cli
