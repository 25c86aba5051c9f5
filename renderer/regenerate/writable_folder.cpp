#include "regenerate/writable_folder.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace briefing {

std::string writable_folder_error(const std::string& folder) {
  const std::string path = folder.empty() ? "." : folder;
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error) return "cannot create folder " + path + ": " + error.message();
  // W_OK alone would pass a folder we cannot enter; X_OK too, as a rename needs both.
  if (::access(path.c_str(), W_OK | X_OK) != 0) {
    return "cannot write in " + path + ": " + std::strerror(errno);
  }
  return "";
}

}  // namespace briefing
