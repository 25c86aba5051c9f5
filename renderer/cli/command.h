// Subcommands register themselves here; main() dispatches on the first argument.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace briefing::cli {

/// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDataError = 1;
inline constexpr int kExitUsageError = 2;

/// Thrown for bad arguments; main() prints it with the usage and exits 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Command {
  std::string name;     // "check"
  std::string summary;  // one line for --help
  std::string usage;    // full usage text, shown by `briefing NAME --help`
  int (*run)(const std::vector<std::string>& args);  // args after the name
};

void register_command(Command command);
const std::vector<Command>& registered_commands();
const Command* find_command(const std::string& name);

/// A static instance of this in a command's file registers it at start-up.
struct CommandRegistration {
  explicit CommandRegistration(Command command) { register_command(std::move(command)); }
};

/// True if `args` asks for help (-h or --help).
bool wants_help(const std::vector<std::string>& args);

}  // namespace briefing::cli
