// A layout's own fonts: its font folders and files, and the machine's fonts
// when it asks, added to the process's one font configuration before
// anything is laid out; every family it names checked against what is there.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/font_request.h"

namespace briefing {

/// Adds the fonts of every request to the configuration (the machine's own
/// folders only for a request with `system`), then checks each family named:
/// one no configured face has is an error at its name, listing the families
/// there are. Returns false when there was an error.
bool use_layout_fonts(const std::vector<const FontRequest*>& requests, Diagnostics& diagnostics);

/// Every family the configured faces provide, and the generic "sans-serif"
/// and "serif", sorted.
std::vector<std::string> configured_families();

}  // namespace briefing
