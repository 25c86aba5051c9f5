// Finding layout presets: a name is looked up next to the file that names it
// (a build file's layouts/ folder, a report layout's own folder) before the
// installed presets; a path is used as given.
#pragma once

#include <string>
#include <vector>

namespace briefing {

/// The folder of installed presets: $BRIEFING_LAYOUTS_DIR if set, else
/// data_directory()/layouts (base/data_paths.h).
std::string layouts_directory();

/// True for a value that names a file rather than a preset: it holds '/' or
/// ends in ".toml".
bool is_layout_path(const std::string& name_or_file);

/// NAME or a path to a .toml file. A path is returned as is. A name is
/// `local_folder`/NAME.toml when that exists (a folder of the user's own
/// presets, which win), else layouts_directory()/NAME.toml.
std::string resolve_layout_path(const std::string& name_or_file,
                                const std::string& local_folder = {});

/// The preset names found in layouts_directory(), sorted (for messages).
std::vector<std::string> available_layouts();

}  // namespace briefing
