#include "load/layout_paths.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "base/data_paths.h"

namespace briefing {

namespace fs = std::filesystem;

std::string layouts_directory() {
  if (const char* dir = std::getenv("BRIEFING_LAYOUTS_DIR"); dir && *dir) return dir;
  return (fs::path(data_directory()) / "layouts").string();
}

bool is_layout_path(const std::string& name_or_file) {
  return name_or_file.find('/') != std::string::npos ||
         (name_or_file.size() > 5 &&
          name_or_file.compare(name_or_file.size() - 5, 5, ".toml") == 0);
}

std::string resolve_layout_path(const std::string& name_or_file, const std::string& local_folder) {
  if (is_layout_path(name_or_file)) return name_or_file;
  if (!local_folder.empty()) {
    const fs::path local = fs::path(local_folder) / (name_or_file + ".toml");
    std::error_code error;
    if (fs::is_regular_file(local, error)) return local.string();
  }
  return layouts_directory() + "/" + name_or_file + ".toml";
}

std::vector<std::string> available_layouts() {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(layouts_directory(), error)) {
    if (entry.path().extension() == ".toml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace briefing
