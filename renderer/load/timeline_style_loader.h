// Reads a timeline layout preset (layouts/*.toml) into a TimelineStyle.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "layout/timeline/timeline_style.h"

namespace briefing {

/// The folder of bundled presets: $BRIEFING_LAYOUTS_DIR if set, else the
/// repository's layouts/.
std::string layouts_directory();

/// NAME (a preset in layouts/, e.g. "report-figure") or a path to a .toml
/// file. A value containing '/' or ending in ".toml" is a path and returned
/// as is; otherwise layouts_directory()/NAME.toml.
std::string resolve_layout_path(const std::string& name_or_file);

/// Loads a preset; on errors returns nullopt and fills `diagnostics`
/// (located, each with its file's text for underlining).
std::optional<TimelineStyle> load_timeline_style(const std::string& path, Diagnostics& diagnostics);

/// Parses preset text as if read from `file_name`.
std::optional<TimelineStyle> load_timeline_style_text(std::string_view text,
                                                      const std::string& file_name,
                                                      Diagnostics& diagnostics);

/// The preset names found in layouts_directory(), sorted (for messages).
std::vector<std::string> available_layouts();

}  // namespace briefing
