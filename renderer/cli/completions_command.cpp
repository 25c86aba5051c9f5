// Hidden commands for packaging: `briefing completions bash|zsh|fish` and
// `briefing manpage` print what the build installs (cli/shell_completion.h).
#include <ostream>

#include "cli/command.h"
#include "cli/shell_completion.h"

namespace briefing::cli {
namespace {

int run_completions(const ParsedOptions& parsed, CommandIo& io) {
  if (parsed.positional().size() != 1) throw UsageError("give one shell: bash, zsh or fish");
  const std::string& shell = parsed.positional().front();
  if (shell == "bash")
    io.out << bash_completion(commands());
  else if (shell == "zsh")
    io.out << zsh_completion(commands());
  else if (shell == "fish")
    io.out << fish_completion(commands());
  else
    throw UsageError("no completions for '" + shell + "': bash, zsh or fish");
  return kExitOk;
}

int run_manpage(const ParsedOptions& parsed, CommandIo& io) {
  if (!parsed.positional().empty()) throw UsageError("manpage takes no arguments");
  io.out << man_page(commands());
  return kExitOk;
}

}  // namespace

Command completions_command() {
  return {"completions",
          "print the shell completion script",
          "bash|zsh|fish",
          "Prints the completion script for a shell, made from the option table.\n",
          {},
          run_completions,
          true};
}

Command manpage_command() {
  return {"manpage", "print the man page (roff)",
          "",        "Prints briefing(1) in roff, made from the option table.\n",
          {},        run_manpage,
          true};
}

}  // namespace briefing::cli
