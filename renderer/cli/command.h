// The subcommands, in one explicit table (cli/commands.cpp), each with its
// options described once (cli/options.h). The command line is a library:
// run_cli() is main's body, and tests call it in-process with their own streams.
#pragma once

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/options.h"

namespace briefing::cli {

/// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDataError = 1;
inline constexpr int kExitUsageError = 2;

/// Thrown for bad arguments: run_cli() prints it in one line with a pointer
/// to the command's help and exits 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Where a command reads and writes.
struct CommandIo {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

struct Command {
  std::string name;         // "check"
  std::string summary;      // one line for the command list
  std::string synopsis;     // after "briefing NAME": "FILE..."
  std::string description;  // paragraphs for --help, each line ending in '\n'
  std::vector<OptionSpec> options;
  int (*run)(const ParsedOptions& options, CommandIo& io);
  bool hidden = false;  // for packaging (completions, manpage): left out of --help
};

/// Every command, in the order `briefing --help` lists them.
const std::vector<Command>& commands();
const Command* find_command(const std::string& name);

/// The option every command takes besides its own.
const OptionSpec& help_option();

/// `briefing NAME --help`: usage, description and options.
std::string command_help(const Command& command);

/// Runs the command line `args` (without the program name).
int run_cli(const std::vector<std::string>& args, CommandIo& io);

// The commands, one file each.
Command baseline_command();
Command build_command();
Command check_command();
Command completions_command();
Command diff_command();
Command export_command();
Command import_command();
Command manpage_command();
Command report_command();
Command timeline_command();
Command watch_command();
Command worker_command();

}  // namespace briefing::cli
