// Images a layout names (a cover or slide logo): PNG through libpng, SVG
// through librsvg. Every problem — a missing or unreadable file, a file that
// is neither, a broken or empty image — is a located error at the path's
// place in the layout, never a crash later when painting.
#pragma once

#include <string>

#include "base/image.h"
#include "load/table_reader.h"

namespace briefing {

/// Reads the image at `key` of `reader`'s table (a path relative to the
/// layout file's folder); null, with an error at the value, when it cannot
/// be used; null and no error when the key is absent.
ImagePtr read_image(TableReader& reader, const std::string& key);

/// Checks and measures `bytes` (a PNG or an SVG); null and a reason in
/// `error` when they are neither or are broken.
ImagePtr decode_image(std::string bytes, const std::string& path, std::string& error);

}  // namespace briefing
