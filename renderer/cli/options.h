// Command-line options from one table per command: parsing (--name VALUE,
// --name=VALUE, -x VALUE, -xVALUE), help text and did-you-mean hints come
// from the same table, so they cannot disagree.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace briefing::cli {

struct OptionSpec {
  std::string name;                  // long name without dashes: "output"
  char short_name = 0;               // 'o' for -o; 0 for none
  std::string value_name;            // "FILE"; empty for a flag that takes no value
  std::string help;                  // one line
  bool repeatable = false;           // may be given more than once (values are collected)
  std::vector<std::string> choices;  // the values it takes, when they are few (for completions)
};

/// What the command line asked for: option values by long name, in order,
/// and the positional arguments.
class ParsedOptions {
 public:
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  /// The value of a single-valued option; empty when absent.
  std::string value(const std::string& name) const;
  /// Every value of a repeatable option, in order.
  const std::vector<std::string>& values(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

  void add(const std::string& name, std::string value) {
    values_[name].push_back(std::move(value));
  }
  void add_positional(std::string value) { positional_.push_back(std::move(value)); }

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

/// The one positional argument a command takes, its dataset. Throws
/// UsageError when there is none or more than one.
std::string the_one_dataset(const ParsedOptions& parsed);

/// Parses `args` against `options`. Throws UsageError (cli/command.h) for an
/// unknown option (with the closest real one as a hint), a missing value, a
/// value given to a flag, or a single-valued option given twice. "--" ends
/// the options; "-" alone is positional (standard input or output).
ParsedOptions parse_options(const std::vector<OptionSpec>& options,
                            const std::vector<std::string>& args);

/// "  -o, --output FILE     the file to write" lines for a command's help.
std::string describe_options(const std::vector<OptionSpec>& options);

}  // namespace briefing::cli
