#include "load/timeline_request.h"

#include <algorithm>
#include <charconv>

#include "base/suggest.h"
#include "layout/timeline/timeline_style.h"
#include "load/style_values.h"

namespace briefing {
namespace {

constexpr double kMaxScale = 16;

std::optional<OptionProblem> parse_date(const std::string& value, std::optional<PartialDate>& out) {
  std::string error;
  auto date = PartialDate::parse(value, &error);
  if (!date) return OptionProblem{error, "write YYYY, YYYY-MM or YYYY-MM-DD"};
  out = *date;
  return std::nullopt;
}

std::optional<OptionProblem> parse_flag(const std::string& value, bool& out) {
  if (value == "true" || value.empty())
    out = true;
  else if (value == "false")
    out = false;
  else
    return OptionProblem{"expected true or false, not \"" + value + "\"", ""};
  return std::nullopt;
}

std::optional<OptionProblem> parse_scale(const std::string& value, std::optional<double>& out) {
  double scale = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), scale);
  if (error != std::errc() || end != value.data() + value.size() ||
      !(scale > 0 && scale <= kMaxScale)) {
    return OptionProblem{"scale \"" + value + "\" is out of range",
                         "use a number above 0 and at most 16"};
  }
  out = scale;
  return std::nullopt;
}

std::optional<OptionProblem> parse_theme(const std::string& value, std::string& out) {
  const auto& names = theme_names();
  if (std::find(names.begin(), names.end(), value) == names.end()) {
    const std::string close = closest_match(value, names);
    return OptionProblem{"unknown theme '" + value + "'", close.empty()
                                                              ? "themes: light, dark, print"
                                                              : "did you mean '" + close + "'?"};
  }
  out = value;
  return std::nullopt;
}

}  // namespace

const std::vector<TimelineOptionSpec>& timeline_option_specs() {
  static const std::vector<TimelineOptionSpec> kSpecs = {
      {"from", OptionValue::text, "DATE",
       "start of the visible range (YYYY, YYYY-MM or YYYY-MM-DD)"},
      {"to", OptionValue::text, "DATE", "end of the visible range"},
      {"only", OptionValue::list, "FILTER",
       "keep items with this tag, kind or section (repeatable; any may match)"},
      {"highlights", OptionValue::flag, "", "only the highlighted items, in large text"},
      {"theme", OptionValue::text, "THEME", "light, dark or print"},
      {"scale", OptionValue::text, "N",
       "PNG pixels = N x the preset's (slide-16x9: 1920x1080 at 1)"},
      {"transparent", OptionValue::flag, "", "PNG and SVG without the background"},
      {"allow_omissions", OptionValue::flag, "", "exit 0 even if some labels could not be placed"},
      {"deck", OptionValue::flag, "",
       "slides for dense data: an overview, then detail slides naming every item, text >= 12 pt "
       "(PDF: one slide per page; PNG/SVG: OUT-01.png, ...)"},
  };
  return kSpecs;
}

std::string command_line_name(const TimelineOptionSpec& spec) {
  std::string name = std::string("--") + spec.key;
  std::replace(name.begin(), name.end(), '_', '-');
  return name;
}

std::optional<OptionProblem> set_timeline_option(TimelineRequest& request,
                                                 const TimelineOptionSpec& spec,
                                                 const std::string& value) {
  TimelineOptions& o = request.options;
  const std::string key = spec.key;
  if (key == "from") return parse_date(value, o.from);
  if (key == "to") return parse_date(value, o.to);
  if (key == "only") {
    if (value.empty())
      return OptionProblem{"an empty filter matches nothing", "give a tag, kind or section"};
    o.only.push_back(value);
    return std::nullopt;
  }
  if (key == "highlights") return parse_flag(value, o.highlights_only);
  if (key == "theme") return parse_theme(value, o.theme);
  if (key == "scale") return parse_scale(value, request.scale);
  if (key == "transparent") return parse_flag(value, request.transparent);
  if (key == "allow_omissions") return parse_flag(value, o.allow_omissions);
  if (key == "deck") return parse_flag(value, request.deck);
  return OptionProblem{"unknown timeline option '" + key + "'", ""};
}

std::optional<OptionProblem> check_timeline_request(const TimelineRequest& request) {
  const auto& o = request.options;
  if (o.from && o.to && o.to->last_day() < o.from->first_day()) {
    return OptionProblem{
        "the range ends (" + o.to->iso() + ") before it starts (" + o.from->iso() + ")",
        "swap from and to"};
  }
  return std::nullopt;
}

std::vector<std::string> timeline_arguments(const TimelineRequest& request) {
  const TimelineOptions& o = request.options;
  std::vector<std::string> args;
  if (o.from) args.insert(args.end(), {"--from", o.from->iso()});
  if (o.to) args.insert(args.end(), {"--to", o.to->iso()});
  for (const auto& filter : o.only) args.insert(args.end(), {"--only", filter});
  if (o.highlights_only) args.push_back("--highlights");
  if (o.theme != "light") args.insert(args.end(), {"--theme", o.theme});
  if (request.scale) args.insert(args.end(), {"--scale", format_number(*request.scale)});
  if (request.transparent) args.push_back("--transparent");
  if (o.allow_omissions) args.push_back("--allow-omissions");
  if (request.deck) args.push_back("--deck");
  return args;
}

std::vector<std::string> deck_files(const std::string& output, size_t slides) {
  const size_t dot = output.rfind('.');
  const size_t slash = output.find_last_of('/');
  const bool has_extension =
      dot != std::string::npos && (slash == std::string::npos || dot > slash);
  const std::string extension = has_extension ? output.substr(dot) : "";
  if (extension == ".pdf" || extension == ".PDF") return {output};
  const std::string stem = has_extension ? output.substr(0, dot) : output;
  const int digits = slides > 99 ? 3 : 2;
  std::vector<std::string> files;
  for (size_t i = 1; i <= slides; ++i) {
    std::string number = std::to_string(i);
    while (number.size() < static_cast<size_t>(digits)) number.insert(0, "0");
    files.push_back(stem + "-" + number + extension);
  }
  return files;
}

}  // namespace briefing
