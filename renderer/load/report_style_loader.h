// Reads a report layout (layouts/briefing-*.toml) into a ReportStyle.
#pragma once

#include <optional>
#include <string>

#include "layout/report/report_style.h"
#include "load/diagnostic.h"

namespace briefing {

/// Parses layout text as if read from `file_name`; nullopt and located
/// diagnostics (file:line:col, with did-you-mean hints) on errors.
std::optional<ReportStyle> load_report_style_text(const std::string& text,
                                                  const std::string& file_name,
                                                  Diagnostics& diagnostics);

/// Reads and parses a layout file; `source_text` (if given) receives its text.
std::optional<ReportStyle> load_report_style(const std::string& path, Diagnostics& diagnostics,
                                             std::string* source_text = nullptr);

}  // namespace briefing
