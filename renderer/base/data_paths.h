// Where the program finds its own data (the bundled fonts/ and layouts/):
// found from the executable's own location, never from a path compiled in,
// so that an installed copy works wherever it is and two clones never share
// each other's presets.
#pragma once

#include <string>

namespace briefing {

/// The folder that holds fonts/ and layouts/:
/// 1. $BRIEFING_DATA_DIR when set;
/// 2. PREFIX/share/briefing for an installed PREFIX/bin/briefing;
/// 3. share/briefing beside the executable (a build tree, where CMake links
///    it to the sources).
/// Empty when none exists.
std::string data_directory();

/// The folder of the running executable (/proc/self/exe), absolute.
std::string executable_directory();

}  // namespace briefing
