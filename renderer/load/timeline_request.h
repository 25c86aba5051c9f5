// What a timeline render is asked for besides its data, output and layout,
// described once for both places that ask: the options of `briefing
// timeline` and the keys of a build file's timeline outputs. Each option is
// parsed and checked here and nowhere else; the builder turns a request back
// into the renderer's arguments with timeline_arguments().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/timeline/timeline_layout.h"

namespace briefing {

struct TimelineRequest {
  TimelineOptions options;      // what the layout takes: range, filters, theme, ...
  std::optional<double> scale;  // PNG pixels = scale × the preset's; absent: 1
  bool transparent = false;     // PNG and SVG without the background
  /// A deck: an overview and detail slides (layout/timeline/deck_layout.h);
  /// a PDF gets one slide per page, PNG and SVG one file per slide (OUT-01.png, ...).
  bool deck = false;
};

/// The files a deck of `slides` slides writes for `output`: `output` itself
/// for a PDF, else OUT-01.png … (two digits, three past 99 slides).
std::vector<std::string> deck_files(const std::string& output, size_t slides);

enum class OptionValue { flag, text, list };

/// One option. The build-file key is `key`; the command-line flag is
/// "--" + key with '_' as '-' ("allow_omissions" → --allow-omissions).
struct TimelineOptionSpec {
  const char* key;
  OptionValue value;
  const char* value_name;  // for help: "DATE"; empty for a flag
  const char* help;
};

const std::vector<TimelineOptionSpec>& timeline_option_specs();

/// "--allow-omissions" for "allow_omissions".
std::string command_line_name(const TimelineOptionSpec& spec);

struct OptionProblem {
  std::string message;  // "unknown theme 'drak'"
  std::string hint;     // "did you mean 'dark'?"; may be empty
};

/// Sets one option from its text (a flag from "true" or "false"; a list one
/// value at a time). Returns the problem when the value is not valid.
std::optional<OptionProblem> set_timeline_option(TimelineRequest& request,
                                                 const TimelineOptionSpec& spec,
                                                 const std::string& value);

/// Problems between options (--to before --from).
std::optional<OptionProblem> check_timeline_request(const TimelineRequest& request);

/// The command-line arguments that ask for `request`, options at their
/// defaults left out: what the builder passes to `briefing timeline`.
std::vector<std::string> timeline_arguments(const TimelineRequest& request);

}  // namespace briefing
