// Reads a timeline layout preset (layouts/*.toml) into a TimelineStyle.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "layout/timeline/timeline_style.h"
#include "load/layout_paths.h"

namespace briefing {

/// Loads a preset; on errors returns nullopt and fills `diagnostics`
/// (located, each with its file's text for underlining).
std::optional<TimelineStyle> load_timeline_style(const std::string& path, Diagnostics& diagnostics);

/// Parses preset text as if read from `file_name`.
std::optional<TimelineStyle> load_timeline_style_text(std::string_view text,
                                                      const std::string& file_name,
                                                      Diagnostics& diagnostics);

}  // namespace briefing
