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

/// The font sources of the layout file at `path`, whatever kind of layout it
/// is (timeline or report): only its [fonts] dirs, files and system are read,
/// so that `check --layout` judges coverage by the fonts that layout adds.
/// Problems (an unreadable file, a missing folder) go to `diagnostics`.
FontRequest read_layout_font_sources(const std::string& path, Diagnostics& diagnostics);

}  // namespace briefing
