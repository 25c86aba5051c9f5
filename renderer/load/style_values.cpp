#include "load/style_values.h"

#include <charconv>

namespace briefing {

std::string format_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

void read_number(TableReader& reader, const std::string& key, double& target, double low,
                 double high, Need need) {
  const auto value = reader.number(key, need);
  if (!value) return;
  if (!(*value >= low && *value <= high)) {
    reader.error_at(reader.value_position(key),
                    "'" + key + "' must be between " + format_number(low) + " and " +
                        format_number(high) + ", not " + format_number(*value));
    return;
  }
  target = *value;
}

void read_integer(TableReader& reader, const std::string& key, int& target, int low, int high) {
  const auto value = reader.integer(key);
  if (!value) return;
  if (*value < low || *value > high) {
    reader.error_at(reader.value_position(key),
                    "'" + key + "' must be between " + std::to_string(low) + " and " +
                        std::to_string(high) + ", not " + std::to_string(*value));
    return;
  }
  target = static_cast<int>(*value);
}

void read_color(TableReader& reader, const std::string& key, Color& target) {
  const auto text = reader.string(key);
  if (!text) return;
  if (!parse_color(*text, target)) {
    reader.error_at(reader.value_position(key), "\"" + *text + "\" is not a colour",
                    "write colours as \"#rrggbb\" or \"#rrggbbaa\"");
  }
}

void read_lane_colors(const toml::table& table, const SourceRef& source, Diagnostics& diagnostics,
                      std::map<std::string, Color>& target,
                      std::map<std::string, SourcePlace>& keys) {
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    const auto* text = node.as_string();
    Color color;
    if (name.empty()) {
      diagnostics.error(source, range_of(key.source()), "an empty lane key in [lanes.colors]");
    } else if (!text || !parse_color(text->get(), color)) {
      diagnostics.error(source, range_of(node),
                        "the colour of lane \"" + name + "\" is not a colour",
                        "write \"#rrggbb\" or \"#rrggbbaa\", e.g. \"#aa3300\"");
    } else {
      target[name] = color;
      keys[name] = {source, range_of(key.source())};
    }
  }
}

}  // namespace briefing
