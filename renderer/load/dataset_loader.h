// Reads a dataset TOML file into the model, checking everything at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "model/dataset.h"

namespace briefing {

struct DatasetLoad {
  std::optional<Dataset> dataset;  // set only when there are no errors
  Diagnostics diagnostics;
  SourceRef source;  // the file's name and text

  bool ok() const { return dataset.has_value(); }
  /// Every diagnostic, compiler-style, with source lines underlined.
  std::string report() const { return format_diagnostics(diagnostics); }
};

/// Parses `text` as if read from `file_name` (used in messages).
DatasetLoad load_dataset_text(std::string_view text, const std::string& file_name);

/// Reads and parses a file; an unreadable file is one diagnostic.
DatasetLoad load_dataset_file(const std::string& path);

}  // namespace briefing
