#include "cli/command.h"

#include <algorithm>

namespace briefing::cli {
namespace {

std::vector<Command>& registry() {
  static std::vector<Command> commands;
  return commands;
}

}  // namespace

void register_command(Command command) {
  auto& commands = registry();
  commands.push_back(std::move(command));
  std::sort(commands.begin(), commands.end(),
            [](const Command& a, const Command& b) { return a.name < b.name; });
}

const std::vector<Command>& registered_commands() { return registry(); }

const Command* find_command(const std::string& name) {
  for (const auto& command : registry())
    if (command.name == name) return &command;
  return nullptr;
}

bool wants_help(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(),
                     [](const std::string& a) { return a == "-h" || a == "--help"; });
}

}  // namespace briefing::cli
