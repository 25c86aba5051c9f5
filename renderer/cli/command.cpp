#include "cli/command.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <ostream>

#include "base/suggest.h"
#include "base/terminal_text.h"
#include "cli/color_option.h"

namespace briefing::cli {
namespace {

const OptionSpec kHelpOption{"help", 'h', "", "show this help"};

std::string program_help() {
  std::string out = "briefing " BRIEFING_VERSION
                    " - timeline graphics and briefing PDFs from a TOML dataset\n\n"
                    "Usage: briefing COMMAND [ARGS...]\n"
                    "       briefing                 run the default build (briefing.toml)\n\n"
                    "Commands:\n";
  for (const auto& command : commands()) {
    if (command.hidden) continue;
    char line[160];
    std::snprintf(line, sizeof line, "  %-10s %s\n", command.name.c_str(), command.summary.c_str());
    out += line;
  }
  out +=
      "\nOptions:\n  -h, --help     show this help (or a command's: briefing help COMMAND)\n"
      "  --version      show the version\n"
      "  --color=WHEN   colour messages: auto (on a terminal, unless NO_COLOR is set),\n"
      "                 always or never; with any command\n\n"
      "Exit status: 0 success, 1 errors in the data or a failed render, 2 bad usage.\n";
  return out;
}

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const auto& command : commands()) {
    if (!command.hidden) names.push_back(command.name);
  }
  return names;
}

int unknown_command(const std::string& name, CommandIo& io) {
  const std::string close = closest_match(name, command_names());
  io.err << "briefing: unknown command '" << terminal_safe(name) << "'"
         << (close.empty() ? "" : " (did you mean '" + close + "'?)")
         << "; see `briefing --help`\n";
  return kExitUsageError;
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      baseline_command(), build_command(),       check_command(),   diff_command(),
      export_command(),   import_command(),      report_command(),  timeline_command(),
      watch_command(),    completions_command(), manpage_command(), worker_command(),
  };
  return kCommands;
}

const Command* find_command(const std::string& name) {
  for (const auto& command : commands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

const OptionSpec& help_option() { return kHelpOption; }

std::string command_help(const Command& command) {
  std::vector<OptionSpec> options = command.options;
  options.push_back(kHelpOption);
  return "Usage: briefing " + command.name + " " + command.synopsis + "\n\n" + command.summary +
         ".\n" + (command.description.empty() ? "" : "\n" + command.description) + "\nOptions:\n" +
         describe_options(options);
}

int run_cli(const std::vector<std::string>& args_in, CommandIo& io) {
  std::vector<std::string> args = args_in;
  // Colour: only on the process's own stderr when it is a terminal.
  if (const std::string problem = take_color_option(args, &io.err == &std::cerr && isatty(2));
      !problem.empty()) {
    io.err << "briefing: " << terminal_safe(problem) << "; see `briefing --help`\n";
    return kExitUsageError;
  }
  if (args.empty()) args = {"build"};  // plain `briefing`: the default build
  const std::string first = args.front();
  if (first == "-h" || first == "--help") {
    io.out << program_help();
    return kExitOk;
  }
  if (first == "help") {
    if (args.size() == 1) {
      io.out << program_help();
      return kExitOk;
    }
    const Command* command = find_command(args[1]);
    if (!command) return unknown_command(args[1], io);
    io.out << command_help(*command);
    return kExitOk;
  }
  if (first == "--version" || first == "-V") {
    io.out << "briefing " BRIEFING_VERSION "\n";
    return kExitOk;
  }
  // `briefing --force` and the like: options alone mean the default build.
  if (first.size() > 1 && first[0] == '-') args.insert(args.begin(), "build");
  const Command* command = find_command(args.front());
  if (!command) return unknown_command(args.front(), io);
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  for (const auto& arg : rest) {
    if (arg == "--") break;
    if (arg == "-h" || arg == "--help") {
      io.out << command_help(*command);
      return kExitOk;
    }
  }
  try {
    const ParsedOptions parsed = parse_options(command->options, rest);
    return command->run(parsed, io);
  } catch (const UsageError& error) {
    io.err << "briefing " << command->name << ": " << terminal_safe(error.what())
           << "; see `briefing " << command->name << " --help`\n";
    return kExitUsageError;
  } catch (const std::exception& error) {
    io.err << "briefing " << command->name << ": error: " << terminal_safe(error.what()) << "\n";
    return kExitDataError;
  }
}

}  // namespace briefing::cli
