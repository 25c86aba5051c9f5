// Where things stand in input files: ranges for underlining, and the files
// themselves, shared by every diagnostic that points into them.
#pragma once

#include <memory>
#include <string>

namespace briefing {

/// A stretch of one input file. Lines and columns are 1-based; columns count
/// code points, as TOML++ does. `line` 0: the whole file (or unknown).
/// `end_line` 0: a point; otherwise the end is exclusive.
struct SourceRange {
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;

  bool known() const { return line > 0; }
};

/// An input file's name (as given on the command line or in a build file)
/// and its text (empty when it could not be read).
struct SourceFile {
  std::string name;
  std::string text;
};

using SourceRef = std::shared_ptr<const SourceFile>;

inline SourceRef make_source(std::string name, std::string text = {}) {
  return std::make_shared<const SourceFile>(SourceFile{std::move(name), std::move(text)});
}

}  // namespace briefing
