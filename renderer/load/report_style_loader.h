// Reads a report layout (layouts/briefing-*.toml) into a ReportStyle.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "layout/report/report_style.h"

namespace briefing {

/// Parses layout text as if read from `file_name`; nullopt and located
/// diagnostics (file:line:col, with did-you-mean hints) on errors.
std::optional<ReportStyle> load_report_style_text(std::string_view text,
                                                  const std::string& file_name,
                                                  Diagnostics& diagnostics);

/// Reads and parses a layout file.
std::optional<ReportStyle> load_report_style(const std::string& path, Diagnostics& diagnostics);

}  // namespace briefing
