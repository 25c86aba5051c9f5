#include "cli/options.h"

#include <algorithm>

#include "base/suggest.h"
#include "cli/command.h"

namespace briefing::cli {
namespace {

const OptionSpec* find_long(const std::vector<OptionSpec>& options, const std::string& name) {
  for (const auto& option : options) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

const OptionSpec* find_short(const std::vector<OptionSpec>& options, char name) {
  for (const auto& option : options) {
    if (option.short_name != 0 && option.short_name == name) return &option;
  }
  return nullptr;
}

[[noreturn]] void unknown_option(const std::vector<OptionSpec>& options, const std::string& arg) {
  std::vector<std::string> names;
  for (const auto& option : options) names.push_back("--" + option.name);
  const std::string bare = arg.substr(0, arg.find('='));
  const std::string close = closest_match(bare, names);
  throw UsageError("unknown option '" + bare + "'" +
                   (close.empty() ? std::string() : " (did you mean '" + close + "'?)"));
}

}  // namespace

std::string ParsedOptions::value(const std::string& name) const {
  const auto found = values_.find(name);
  return found == values_.end() || found->second.empty() ? std::string() : found->second.back();
}

const std::vector<std::string>& ParsedOptions::values(const std::string& name) const {
  static const std::vector<std::string> kNone;
  const auto found = values_.find(name);
  return found == values_.end() ? kNone : found->second;
}

std::string the_one_dataset(const ParsedOptions& parsed) {
  if (parsed.positional().empty()) throw UsageError("no dataset file given");
  if (parsed.positional().size() > 1) {
    throw UsageError("more than one dataset given ('" + parsed.positional()[0] + "' and '" +
                     parsed.positional()[1] + "')");
  }
  return parsed.positional().front();
}

ParsedOptions parse_options(const std::vector<OptionSpec>& options,
                            const std::vector<std::string>& args) {
  ParsedOptions parsed;
  auto take = [&](const OptionSpec& option, std::string value) {
    if (!option.repeatable && parsed.has(option.name)) {
      throw UsageError("--" + option.name + " is given more than once");
    }
    if (!option.choices.empty() &&
        std::find(option.choices.begin(), option.choices.end(), value) == option.choices.end()) {
      const std::string close = closest_match(value, option.choices);
      throw UsageError("--" + option.name + " is " + option.value_name + ", not '" + value + "'" +
                       (close.empty() ? std::string() : " (did you mean '" + close + "'?)"));
    }
    parsed.add(option.name, std::move(value));
  };
  bool options_ended = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg.size() < 2 || arg[0] != '-') {
      parsed.add_positional(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    if (arg[1] == '-') {
      const size_t equals = arg.find('=');
      const std::string name =
          arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
      const OptionSpec* option = find_long(options, name);
      if (!option) unknown_option(options, arg);
      if (option->value_name.empty()) {
        if (equals != std::string::npos) throw UsageError("--" + name + " takes no value");
        take(*option, "");
      } else if (equals != std::string::npos) {
        take(*option, arg.substr(equals + 1));
      } else {
        if (i + 1 >= args.size())
          throw UsageError("--" + name + " needs a value (" + option->value_name + ")");
        take(*option, args[++i]);
      }
      continue;
    }
    const OptionSpec* option = find_short(options, arg[1]);
    if (!option) unknown_option(options, arg);
    if (option->value_name.empty()) {
      if (arg.size() > 2) throw UsageError("-" + std::string(1, arg[1]) + " takes no value");
      take(*option, "");
    } else if (arg.size() > 2) {
      take(*option, arg.substr(arg[2] == '=' ? 3 : 2));
    } else {
      if (i + 1 >= args.size()) {
        throw UsageError("-" + std::string(1, arg[1]) + " needs a value (" + option->value_name +
                         ")");
      }
      take(*option, args[++i]);
    }
  }
  return parsed;
}

std::string describe_options(const std::vector<OptionSpec>& options) {
  std::vector<std::pair<std::string, std::string>> rows;
  size_t width = 0;
  for (const auto& option : options) {
    std::string left = option.short_name ? std::string("-") + option.short_name + ", " : "    ";
    left += "--" + option.name;
    if (!option.value_name.empty()) left += " " + option.value_name;
    width = std::max(width, left.size());
    rows.emplace_back(left, option.help);
  }
  std::string out;
  for (const auto& [left, help] : rows) {
    out += "  " + left + std::string(width - left.size() + 2, ' ') + help + "\n";
  }
  return out;
}

}  // namespace briefing::cli
