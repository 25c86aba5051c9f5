// The fonts an output's layouts add ([fonts] dirs, files, system): the build
// hashes their bytes into the output's fingerprint, so that a changed house
// face re-renders, and lets its one glyph check per dataset see them.
#pragma once

#include <string>
#include <vector>

#include "base/font_request.h"
#include "regenerate/build_file.h"

namespace briefing {

/// The font requests of the output's layout and, for a report, of its
/// figure's preset. A layout that does not load gives none: its errors are
/// the render's to report.
std::vector<FontRequest> output_font_requests(const OutputSpec& output);

/// Every font file the requests name: files as named and the regular files
/// under each folder (Fontconfig scans folders recursively), sorted.
std::vector<std::string> requested_font_files(const std::vector<FontRequest>& requests);

}  // namespace briefing
