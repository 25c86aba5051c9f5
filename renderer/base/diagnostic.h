// Located problems in input files, reported compiler-style. One type for
// every problem a command reports: data errors, layout problems (labels that
// cannot be placed, text no font can draw), build-file mistakes.
#pragma once

#include <string>
#include <vector>

#include "base/source.h"

namespace briefing {

enum class Severity { error, warning };

struct Diagnostic {
  SourceRef source;   // the file it points into (name and text); never null
  SourceRange range;  // line 0 when the problem is the whole file
  Severity severity = Severity::error;
  std::string message;
  std::vector<std::string> hints;  // e.g. "did you mean 'title'?"

  const std::string& file() const { return source->name; }
};

/// Collects every problem in an input, so that all are reported at once.
class Diagnostics {
 public:
  void error(const SourceRef& source, SourceRange at, std::string message, std::string hint = {});
  void warning(const SourceRef& source, SourceRange at, std::string message, std::string hint = {});
  void add(Diagnostic diagnostic);

  bool has_errors() const;
  bool empty() const { return entries_.empty(); }
  const std::vector<Diagnostic>& all() const { return entries_; }
  size_t error_count() const;
  size_t warning_count() const;
  void append(const Diagnostics& other);
  /// Orders by file, then line and column (stable), as a reader goes through a file.
  void sort_by_position();

 private:
  std::vector<Diagnostic> entries_;
};

struct DiagnosticFormat {
  bool color = false;    // ANSI colours for a terminal
  size_t max_shown = 0;  // format at most this many, then "... and N more"; 0: all
};

/// `file:line:col: error: message`, then the source line under a line-number
/// gutter with the whole range underlined (^~~~), then each hint as
/// `= help: ...`. Everything from the input passes through terminal_safe.
std::string format_diagnostic(const Diagnostic& d, const DiagnosticFormat& format = {});

/// Formats every diagnostic, in order.
std::string format_diagnostics(const Diagnostics& diagnostics, const DiagnosticFormat& format = {});

/// "3 errors found" / "1 error and 2 warnings found"; empty when there are none.
std::string describe_counts(const Diagnostics& diagnostics);

}  // namespace briefing
