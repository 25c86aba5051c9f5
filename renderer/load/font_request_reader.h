// Reads a layout's font sources ([fonts] dirs, files, system) into a
// FontRequest: paths relative to the layout file's own folder, each checked
// to exist, each problem located where it stands.
#pragma once

#include <string>

#include "base/font_request.h"
#include "load/table_reader.h"

namespace briefing {

/// Reads `dirs` (font folders), `files` (font files) and `system` from the
/// [fonts] table `reader` reads.
void read_font_sources(TableReader& reader, FontRequest& request);

/// Reads a family key into `target` and records it in `request` for the
/// check against the configured fonts (text/layout_fonts.h).
void read_font_family(TableReader& reader, const std::string& key, std::string& target,
                      FontRequest& request);

}  // namespace briefing
