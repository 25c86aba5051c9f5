// Checks, before a render, that the folder it writes into can take a file.
#pragma once

#include <string>

namespace briefing {

/// Creates `folder` (and its parents) if needed and checks that this process
/// may create files in it. Returns why not, naming the path and the OS's
/// reason ("cannot create folder output/slides: Not a directory", "cannot
/// write in output/slides: Permission denied"), or "" if it can. An empty
/// `folder` is the current one. Never throws.
std::string writable_folder_error(const std::string& folder);

}  // namespace briefing
