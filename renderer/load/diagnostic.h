// Located problems in input files, reported compiler-style.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/dataset.h"

namespace briefing {

enum class Severity { error, warning };

struct Diagnostic {
  std::string file;
  SourcePosition position;  // 1-based; line 0 when the problem is the whole file
  Severity severity = Severity::error;
  std::string message;
  std::string hint;  // e.g. "did you mean 'title'?"; empty when none
};

/// Collects every problem in an input, so that all are reported at once.
class Diagnostics {
 public:
  void error(std::string file, SourcePosition at, std::string message, std::string hint = {});
  void warning(std::string file, SourcePosition at, std::string message, std::string hint = {});

  bool has_errors() const;
  const std::vector<Diagnostic>& all() const { return entries_; }
  size_t error_count() const;
  void append(const Diagnostics& other);
  /// Orders by line and column (stable), as a reader goes through the file.
  void sort_by_position();

 private:
  std::vector<Diagnostic> entries_;
};

/// `file:line:col: error: message`, then the source line and a caret under
/// the column, then the hint. `source` is the file's text (may be empty).
std::string format_diagnostic(const Diagnostic& d, std::string_view source);

/// Formats every diagnostic, in order, each followed by a newline.
std::string format_diagnostics(const Diagnostics& diagnostics, std::string_view source);

/// Levenshtein distance, for "did you mean" hints.
size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, or empty when none is close enough.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace briefing
