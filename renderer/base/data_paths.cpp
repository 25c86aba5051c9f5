#include "base/data_paths.h"

#include <cstdlib>
#include <filesystem>

namespace briefing {

namespace fs = std::filesystem;

std::string executable_directory() {
  std::error_code error;
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  return error ? std::string() : exe.parent_path().string();
}

std::string data_directory() {
  if (const char* dir = std::getenv("BRIEFING_DATA_DIR"); dir && *dir) return dir;
  const fs::path bin = executable_directory();
  std::error_code error;
  for (const fs::path& candidate :
       {bin.parent_path() / "share" / "briefing", bin / "share" / "briefing"}) {
    if (fs::is_directory(candidate / "layouts", error)) return candidate.string();
  }
  return {};
}

}  // namespace briefing
