// briefing: timeline graphics and briefing PDFs from a TOML dataset of dated events.
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"

namespace {

using namespace briefing::cli;

void print_help() {
  std::cout << "briefing " BRIEFING_VERSION
               " - timeline graphics and briefing PDFs from a TOML dataset\n\n"
               "Usage: briefing COMMAND [ARGS...]\n"
               "       briefing                 run the default build (briefing.toml)\n\n"
               "Commands:\n";
  for (const auto& command : registered_commands()) {
    std::printf("  %-10s %s\n", command.name.c_str(), command.summary.c_str());
  }
  std::cout << "\nOptions:\n  -h, --help     show this help (or a command's: briefing COMMAND --help)\n"
               "  --version      show the version\n\n"
               "Exit status: 0 success, 1 errors in the data or a failed render, 2 bad usage.\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    if (const Command* build = find_command("build")) return build->run({});
    print_help();
    return kExitUsageError;
  }
  const std::string name = args.front();
  if (name == "-h" || name == "--help" || name == "help") {
    print_help();
    return kExitOk;
  }
  if (name == "--version" || name == "-V") {
    std::cout << "briefing " BRIEFING_VERSION "\n";
    return kExitOk;
  }
  const Command* command = find_command(name);
  // `briefing --force` and the like: options alone mean the default build.
  if (!command && name.size() > 1 && name[0] == '-') {
    command = find_command("build");
    if (command) args.insert(args.begin(), "build");
  }
  if (!command) {
    std::cerr << "briefing: unknown command '" << name << "' (see briefing --help)\n";
    return kExitUsageError;
  }
  args.erase(args.begin());
  if (wants_help(args)) {
    std::cout << command->usage;
    return kExitOk;
  }
  try {
    return command->run(args);
  } catch (const UsageError& error) {
    std::cerr << "briefing " << name << ": " << error.what() << "\n\n" << command->usage;
    return kExitUsageError;
  } catch (const std::exception& error) {
    std::cerr << "briefing " << name << ": error: " << error.what() << "\n";
    return kExitDataError;
  }
}
