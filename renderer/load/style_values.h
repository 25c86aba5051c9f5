// Checked reads shared by the layout-file loaders: numbers within a range and
// colours, each problem reported where the value stands.
#pragma once

#include <map>
#include <string>

#include "base/source_place.h"
#include "layout/display_list.h"
#include "load/table_reader.h"

namespace briefing {

/// Reads `key` into `target` if present; a value outside [low, high] is an
/// error and leaves `target` as it was.
void read_number(TableReader& reader, const std::string& key, double& target, double low,
                 double high, Need need = Need::optional);
void read_integer(TableReader& reader, const std::string& key, int& target, int low, int high);

/// Reads "#rrggbb" or "#rrggbbaa" into `target` if present.
void read_color(TableReader& reader, const std::string& key, Color& target);

/// [lanes.colors]: "lane key" = "#rrggbb" pairs into `target`; each bad
/// colour is an error where it stands. `keys`: where each key stands, for
/// the check against the data's lanes.
void read_lane_colors(const toml::table& table, const SourceRef& source, Diagnostics& diagnostics,
                      std::map<std::string, Color>& target,
                      std::map<std::string, SourcePlace>& keys);

/// The shortest text that reads back as `value`: 0.25 → "0.25", 14400 → "14400".
std::string format_number(double value);

}  // namespace briefing
