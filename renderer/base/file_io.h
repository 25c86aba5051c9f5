// Whole-file reads that say why they failed.
#pragma once

#include <optional>
#include <string>

namespace briefing {

struct FileContents {
  std::string bytes;
  std::string error;  // the OS's reason ("No such file or directory"); empty on success

  bool ok() const { return error.empty(); }
};

/// Reads a whole file.
FileContents read_file(const std::string& path);

/// Reads a whole file; nullopt if it cannot be read.
std::optional<std::string> read_text_file(const std::string& path);

}  // namespace briefing
