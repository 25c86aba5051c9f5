#include "cli/shell_completion.h"

namespace briefing::cli {
namespace {

std::vector<const Command*> visible(const std::vector<Command>& commands) {
  std::vector<const Command*> out;
  for (const Command& command : commands) {
    if (!command.hidden) out.push_back(&command);
  }
  return out;
}

std::vector<OptionSpec> options_of(const Command& command) {
  std::vector<OptionSpec> options = command.options;
  options.push_back(help_option());
  return options;
}

std::string join(const std::vector<std::string>& words, const std::string& separator = " ") {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : separator) + word;
  return out;
}

/// Inside single quotes in a shell: ' becomes '\''.
std::string single_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// zsh _arguments descriptions: brackets and colons are syntax there.
std::string zsh_escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out;
}

/// roff: a backslash is \e, '-' is \- (a real minus), a dot or quote that
/// starts a line is protected by \& so that it is not read as a request.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

}  // namespace

std::string bash_completion(const std::vector<Command>& commands) {
  std::vector<std::string> names;
  for (const Command* command : visible(commands)) names.push_back(command->name);
  std::string out =
      "# bash completion for briefing, generated from its option table (briefing completions "
      "bash)\n"
      "_briefing() {\n"
      "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
      "  COMPREPLY=()\n"
      "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
      "    COMPREPLY=($(compgen -W \"" +
      join(names) +
      " help --help --version\" -- \"$cur\"))\n"
      "    return 0\n"
      "  fi\n"
      "  local options=\"\" valued=\" \" choices=\"\"\n"
      "  case \"${COMP_WORDS[1]}\" in\n"
      "    help) COMPREPLY=($(compgen -W \"" +
      join(names) + "\" -- \"$cur\")); return 0 ;;\n";
  for (const Command* command : visible(commands)) {
    std::vector<std::string> flags, valued;
    std::string choices;
    for (const OptionSpec& option : options_of(*command)) {
      flags.push_back("--" + option.name);
      if (option.short_name) flags.push_back(std::string("-") + option.short_name);
      if (option.value_name.empty()) continue;
      valued.push_back("--" + option.name);
      if (option.short_name) valued.push_back(std::string("-") + option.short_name);
      if (!option.choices.empty()) {
        choices += "        --" + option.name + ") COMPREPLY=($(compgen -W \"" +
                   join(option.choices) + "\" -- \"$cur\")); return 0 ;;\n";
      }
    }
    out += "    " + command->name + ")\n      options=\"" + join(flags) + "\"\n      valued=\" " +
           join(valued) + " \"\n";
    if (!choices.empty()) {
      out += "      case \"$prev\" in\n" + choices + "      esac\n";
    }
    out += "      ;;\n";
  }
  out +=
      "  esac\n"
      "  # After an option that takes a value: a file name (or a listed choice, above).\n"
      "  if [[ \"$valued\" == *\" $prev \"* ]]; then\n"
      "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      "    return 0\n"
      "  fi\n"
      "  if [[ \"$cur\" == -* ]]; then\n"
      "    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
      "  else\n"
      "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      "  fi\n"
      "  return 0\n"
      "}\n"
      "complete -o filenames -F _briefing briefing\n";
  return out;
}

std::string zsh_completion(const std::vector<Command>& commands) {
  std::string out =
      "#compdef briefing\n"
      "# zsh completion for briefing, generated from its option table (briefing completions "
      "zsh)\n\n"
      "_briefing() {\n"
      "  local -a commands\n"
      "  commands=(\n";
  for (const Command* command : visible(commands)) {
    out += "    " + single_quoted(command->name + ":" + command->summary) + "\n";
  }
  out +=
      "    'help:show the help of a command'\n"
      "  )\n"
      "  if (( CURRENT == 2 )); then\n"
      "    _describe -t commands 'briefing command' commands\n"
      "    return\n"
      "  fi\n"
      "  local command=${words[2]}\n"
      "  shift words; (( CURRENT-- ))\n"
      "  case $command in\n"
      "    help) _describe -t commands 'briefing command' commands ;;\n";
  for (const Command* command : visible(commands)) {
    out += "    " + command->name + ")\n      _arguments -s \\\n";
    for (const OptionSpec& option : options_of(*command)) {
      std::string action;
      if (!option.value_name.empty()) {
        action = ":" + zsh_escape(option.value_name) + ":" +
                 (option.choices.empty() ? "_files" : "(" + join(option.choices) + ")");
      }
      const std::string description = "[" + zsh_escape(option.help) + "]" + action;
      const std::string repeat = option.repeatable ? "*" : "";
      if (option.short_name) {
        const std::string both = std::string("-") + option.short_name + " --" + option.name;
        out += "        '" + repeat + "(" + both + ")'{-" + std::string(1, option.short_name) +
               ",--" + option.name + (option.value_name.empty() ? "" : "=") + "}'" + description +
               "' \\\n";
      } else {
        out += "        '" + repeat + "--" + option.name + (option.value_name.empty() ? "" : "=") +
               description + "' \\\n";
      }
    }
    out += "        '*:file:_files'\n      ;;\n";
  }
  out += "  esac\n}\n\n_briefing \"$@\"\n";
  return out;
}

std::string fish_completion(const std::vector<Command>& commands) {
  std::vector<std::string> names;
  for (const Command* command : visible(commands)) names.push_back(command->name);
  std::string out =
      "# fish completion for briefing, generated from its option table (briefing completions "
      "fish)\n"
      "complete -c briefing -f\n"
      "complete -c briefing -n __fish_use_subcommand -a help -d 'show the help of a command'\n"
      "complete -c briefing -n '__fish_seen_subcommand_from help' -a " +
      single_quoted(join(names)) + "\n";
  for (const Command* command : visible(commands)) {
    out += "complete -c briefing -n __fish_use_subcommand -a " + command->name + " -d " +
           single_quoted(command->summary) + "\n";
    const std::string when = "-n '__fish_seen_subcommand_from " + command->name + "'";
    out += "complete -c briefing " + when + " -F\n";  // positional arguments are files
    for (const OptionSpec& option : options_of(*command)) {
      out += "complete -c briefing " + when + " -l " + option.name;
      if (option.short_name) out += std::string(" -s ") + option.short_name;
      if (!option.value_name.empty()) {
        out += option.choices.empty() ? " -r -F" : " -x -a " + single_quoted(join(option.choices));
      }
      out += " -d " + single_quoted(option.help) + "\n";
    }
  }
  return out;
}

std::string man_page(const std::vector<Command>& commands) {
  std::string out =
      ".\\\" briefing(1), generated from the program's option table (briefing manpage)\n"
      ".TH BRIEFING 1 \"\" \"briefing " BRIEFING_VERSION
      "\" \"User Commands\"\n"
      ".nh\n"  // option names and paths are not to be hyphenated
      ".ad l\n"
      ".SH NAME\n"
      "briefing \\- timeline graphics and briefing PDFs from a TOML dataset\n"
      ".SH SYNOPSIS\n"
      ".B briefing\n[\\fICOMMAND\\fR] [\\fIARGS\\fR...]\n"
      ".SH DESCRIPTION\n"
      "Turns a dataset of dated events (a TOML file) into timeline graphics (PNG, SVG, PDF)\n"
      "and paginated briefing reports (PDF), and keeps them up to date with\n"
      ".BR build \" and \" watch .\n"
      "With no command it runs the default build (\\fIbriefing.toml\\fR).\n"
      "A file name of \\fB\\-\\fR means standard input (a dataset) or standard output.\n"
      ".SH COMMANDS\n";
  for (const Command* command : visible(commands)) {
    out += ".SS \"" + roff(command->name) + "\"\n.B briefing " + roff(command->name) + "\n" +
           roff(command->synopsis) + "\n.PP\n" + roff(command->summary) + ".\n";
    if (!command->description.empty()) out += ".PP\n" + roff(command->description);
    for (const OptionSpec& option : options_of(*command)) {
      out += ".TP\n";
      if (option.short_name) out += "\\fB\\-" + std::string(1, option.short_name) + "\\fR, ";
      out += "\\fB\\-\\-" + roff(option.name) + "\\fR";
      if (!option.value_name.empty()) out += " \\fI" + roff(option.value_name) + "\\fR";
      out += "\n" + roff(option.help) + (option.repeatable ? " (may be repeated)" : "") + "\n";
    }
  }
  out +=
      ".SH EXIT STATUS\n"
      "0 on success, 1 for errors in the data or a failed render, 2 for bad usage.\n"
      ".SH ENVIRONMENT\n"
      ".TP\n.B BRIEFING_DATA_DIR\nwhere fonts/ and layouts/ are, instead of the installed ones\n"
      ".TP\n.B SOURCE_DATE_EPOCH\nthe creation time outputs record, for reproducible builds\n"
      ".SH FILES\n"
      ".TP\n.I briefing.toml\nthe default build file\n"
      ".TP\n.I output/.briefing-baseline/\nthe published state recorded by \\fBbriefing "
      "baseline\\fR\n";
  return out;
}

}  // namespace briefing::cli
