#include "base/diagnostic.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "base/terminal_text.h"

namespace briefing {

void Diagnostics::error(const SourceRef& source, SourceRange at, std::string message,
                        std::string hint) {
  Diagnostic d{source, at, Severity::error, std::move(message), {}};
  if (!hint.empty()) d.hints.push_back(std::move(hint));
  add(std::move(d));
}

void Diagnostics::warning(const SourceRef& source, SourceRange at, std::string message,
                          std::string hint) {
  Diagnostic d{source, at, Severity::warning, std::move(message), {}};
  if (!hint.empty()) d.hints.push_back(std::move(hint));
  add(std::move(d));
}

void Diagnostics::add(Diagnostic diagnostic) {
  if (!diagnostic.source) diagnostic.source = make_source("<input>");
  entries_.push_back(std::move(diagnostic));
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  return static_cast<size_t>(std::count_if(entries_.begin(), entries_.end(), [](const auto& d) {
    return d.severity == Severity::error;
  }));
}

size_t Diagnostics::warning_count() const { return entries_.size() - error_count(); }

void Diagnostics::append(const Diagnostics& other) {
  entries_.insert(entries_.end(), other.entries_.begin(), other.entries_.end());
}

void Diagnostics::sort_by_position() {
  std::stable_sort(entries_.begin(), entries_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.source != b.source) return false;  // files keep the order they came in
    if (a.range.line != b.range.line) return a.range.line < b.range.line;
    return a.range.column < b.range.column;
  });
}

namespace {

constexpr int kMaxShownWidth = 110;  // columns of source shown around a long line's problem

struct Palette {
  const char* bold = "";
  const char* severity = "";
  const char* gutter = "";
  const char* help = "";
  const char* reset = "";
};

bool g_color = false;  // set_diagnostic_color()

Palette palette_for(const DiagnosticFormat& format, Severity severity) {
  if (!format.color && !g_color) return {};
  return {"\033[1m", severity == Severity::error ? "\033[1;31m" : "\033[1;35m", "\033[1;34m",
          "\033[1;36m", "\033[0m"};
}

// Where the line found last starts, so that a list of diagnostics (sorted
// by line) finds each line from the previous one: counting from the start
// of the file each time cost the square of the file's size when a large
// dataset has thousands of errors.
struct LineCursor {
  const void* text = nullptr;  // the text of the line found last, while it lives
  int line = 1;
  size_t start = 0;  // byte offset of that line
};

std::string_view source_line(std::string_view source, int line, LineCursor& cursor) {
  size_t start = 0;
  int n = 1;
  if (cursor.text == source.data() && cursor.line <= line) {
    n = cursor.line;
    start = cursor.start;
  }
  for (; n < line; ++n) {
    start = source.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  if (start > source.size()) return {};
  cursor = {source.data(), line, start};
  size_t end = source.find('\n', start);
  std::string_view text = source.substr(start, end == std::string_view::npos ? end : end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

/// A source line as shown: made terminal_safe and cut to a window around
/// the underlined columns, with where the underline starts and how wide it is.
struct ShownLine {
  std::string text;
  int underline_at = 0;     // columns before the underline
  int underline_width = 1;  // columns underlined (at least one)
};

ShownLine shown_line(std::string_view line, int first_column, int end_column) {
  // Each character as shown, with its width and its column.
  struct Piece {
    std::string text;
    int width;
  };
  std::vector<Piece> pieces;
  size_t at = 0;
  while (at < line.size()) {
    const size_t length = std::min(character_length(line, at), line.size() - at);
    const std::string safe = terminal_safe(line.substr(at, length));
    pieces.push_back({safe, terminal_width(line.substr(at, length))});
    at += length;
  }
  const int first = std::max(1, first_column) - 1;  // index into pieces
  const int last = std::max(first + 1, end_column > 0 ? end_column - 1 : first + 1);
  auto columns_before = [&](int index) {
    int width = 0;
    for (int i = 0; i < index && i < static_cast<int>(pieces.size()); ++i)
      width += pieces[static_cast<size_t>(i)].width;
    return width;
  };
  ShownLine shown;
  const int start_width = columns_before(first);
  const int total = columns_before(static_cast<int>(pieces.size()));
  int window_start = 0;
  if (total > kMaxShownWidth) window_start = std::max(0, start_width - kMaxShownWidth / 3);
  const int window_end = window_start + kMaxShownWidth;
  int column = 0;
  if (window_start > 0) {
    shown.text = "…";
    column = 1;
  }
  int position = 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const int piece_start = position;
    position += pieces[i].width;
    if (piece_start < window_start) continue;
    if (position > window_end) {
      shown.text += "…";
      break;
    }
    if (static_cast<int>(i) == first) shown.underline_at = column;
    shown.text += pieces[i].text;
    column += pieces[i].width;
  }
  if (first >= static_cast<int>(pieces.size()))
    shown.underline_at = column;  // at the end of the line
  const int end_width = std::min(columns_before(last), window_end);
  shown.underline_width = std::max(1, end_width - std::max(start_width, window_start));
  return shown;
}

}  // namespace

void set_diagnostic_color(ColorChoice choice, bool stream_is_terminal) {
  if (choice != ColorChoice::auto_detect) {
    g_color = choice == ColorChoice::always;
    return;
  }
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  g_color =
      stream_is_terminal && !(no_color && *no_color) && !(term && std::string_view(term) == "dumb");
}

bool diagnostic_color() { return g_color; }

namespace {

std::string format_diagnostic(const Diagnostic& d, const DiagnosticFormat& format,
                              LineCursor& cursor) {
  const Palette p = palette_for(format, d.severity);
  std::string out = p.bold + terminal_safe(d.file());
  if (d.range.known()) {
    out += ":" + std::to_string(d.range.line) + ":" + std::to_string(d.range.column);
  }
  out += std::string(": ") + p.severity + (d.severity == Severity::error ? "error" : "warning") +
         p.reset + p.bold + ": " + terminal_safe(d.message) + p.reset + "\n";
  const std::string number = std::to_string(std::max(d.range.line, 1));
  // " 12 | text" and "    | ^~~": the bar stands one column after the number.
  const std::string indent(number.size() + 2, ' ');
  const std::string blank_gutter = indent + p.gutter + "|" + p.reset;
  if (d.range.known()) {
    const std::string_view line = source_line(d.source->text, d.range.line, cursor);
    if (!line.empty()) {
      const int end_column = d.range.end_line == d.range.line  ? d.range.end_column
                             : d.range.end_line > d.range.line ? static_cast<int>(line.size()) + 1
                                                               : 0;
      const ShownLine shown = shown_line(line, d.range.column, end_column);
      out += std::string(" ") + p.gutter + number + " |" + p.reset + " " + shown.text + "\n";
      out += blank_gutter + " " + std::string(static_cast<size_t>(shown.underline_at), ' ') +
             p.severity + "^" + std::string(static_cast<size_t>(shown.underline_width - 1), '~') +
             p.reset + "\n";
    }
  }
  for (const std::string& hint : d.hints) {
    out += indent + p.gutter + "=" + p.reset + " " + p.help + "help" + p.reset + ": " +
           terminal_safe(hint) + "\n";
  }
  return out;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d, const DiagnosticFormat& format) {
  LineCursor cursor;
  return format_diagnostic(d, format, cursor);
}

std::string format_diagnostics(const Diagnostics& diagnostics, const DiagnosticFormat& format) {
  std::string out;
  LineCursor cursor;  // the diagnostics' sources live while they are formatted
  const auto& all = diagnostics.all();
  const size_t shown = format.max_shown > 0 ? std::min(format.max_shown, all.size()) : all.size();
  for (size_t i = 0; i < shown; ++i) out += format_diagnostic(all[i], format, cursor);
  if (shown < all.size()) out += "... and " + std::to_string(all.size() - shown) + " more\n";
  return out;
}

std::string describe_counts(const Diagnostics& diagnostics) {
  const size_t errors = diagnostics.error_count();
  const size_t warnings = diagnostics.warning_count();
  auto count = [](size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  if (errors && warnings)
    return count(errors, "error", "errors") + " and " + count(warnings, "warning", "warnings") +
           " found";
  if (errors) return count(errors, "error", "errors") + " found";
  if (warnings) return count(warnings, "warning", "warnings") + " found";
  return {};
}

}  // namespace briefing
