// Reads a dataset TOML file into the model, checking everything at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "load/diagnostic.h"
#include "model/dataset.h"

namespace briefing {

struct DatasetLoad {
  std::optional<Dataset> dataset;  // set only when there are no errors
  Diagnostics diagnostics;
  std::string source_text;  // for printing the lines that diagnostics point at

  bool ok() const { return dataset.has_value(); }
  /// Every diagnostic, compiler-style, with source lines and carets.
  std::string report() const { return format_diagnostics(diagnostics, source_text); }
};

/// Parses `text` as if read from `file_name` (used in messages).
DatasetLoad load_dataset_text(std::string_view text, const std::string& file_name);

/// Reads and parses a file; an unreadable file is one diagnostic.
DatasetLoad load_dataset_file(const std::string& path);

}  // namespace briefing
