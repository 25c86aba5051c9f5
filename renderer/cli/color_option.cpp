#include "cli/color_option.h"

#include "base/diagnostic.h"
#include "base/suggest.h"

namespace briefing::cli {

std::string take_color_option(std::vector<std::string>& args, bool stderr_is_terminal) {
  ColorChoice choice = ColorChoice::auto_detect;
  std::vector<std::string> kept;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      kept.insert(kept.end(), args.begin() + static_cast<long>(i), args.end());
      break;
    }
    std::string value;
    if (arg.rfind("--color=", 0) == 0) {
      value = arg.substr(8);
    } else if (arg == "--color") {
      if (i + 1 >= args.size()) return "--color needs a value: auto, always or never";
      value = args[++i];
    } else {
      kept.push_back(arg);
      continue;
    }
    if (value == "auto") {
      choice = ColorChoice::auto_detect;
    } else if (value == "always") {
      choice = ColorChoice::always;
    } else if (value == "never") {
      choice = ColorChoice::never;
    } else {
      const std::string close = closest_match(value, {"auto", "always", "never"});
      return "--color takes auto, always or never, not '" + value + "'" +
             (close.empty() ? "" : " (did you mean '" + close + "'?)");
    }
  }
  args = std::move(kept);
  set_diagnostic_color(choice, stderr_is_terminal);
  return {};
}

}  // namespace briefing::cli
