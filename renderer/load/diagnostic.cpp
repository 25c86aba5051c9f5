#include "load/diagnostic.h"

#include <algorithm>
#include <utility>

namespace briefing {

void Diagnostics::error(std::string file, SourcePosition at, std::string message, std::string hint) {
  entries_.push_back({std::move(file), at, Severity::error, std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string file, SourcePosition at, std::string message,
                          std::string hint) {
  entries_.push_back({std::move(file), at, Severity::warning, std::move(message), std::move(hint)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  return static_cast<size_t>(std::count_if(entries_.begin(), entries_.end(), [](const auto& d) {
    return d.severity == Severity::error;
  }));
}

void Diagnostics::append(const Diagnostics& other) {
  entries_.insert(entries_.end(), other.entries_.begin(), other.entries_.end());
}

void Diagnostics::sort_by_position() {
  std::stable_sort(entries_.begin(), entries_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.position.line != b.position.line) return a.position.line < b.position.line;
    return a.position.column < b.position.column;
  });
}

namespace {

std::string_view source_line(std::string_view source, int line) {
  size_t start = 0;
  for (int n = 1; n < line; ++n) {
    start = source.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  size_t end = source.find('\n', start);
  std::string_view text = source.substr(start, end == std::string_view::npos ? end : end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

// Width in columns of the first `bytes` bytes: TOML++ counts code points.
std::string caret_padding(std::string_view line, int column) {
  std::string pad;
  int seen = 1;
  for (size_t i = 0; i < line.size() && seen < column; ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    pad += (c == '\t') ? '\t' : ' ';
    ++seen;
  }
  return pad;
}

// A long source line (a 1 MB summary on one line) is shown as a window
// around the column, cut with "…", so that the message stays a few lines.
// Returns the shown text and the column in it.
std::pair<std::string, int> shown_line(std::string_view line, int column) {
  constexpr int kBefore = 40, kWidth = 120;  // code points
  std::vector<size_t> starts;  // byte offset of each code point
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  const int count = static_cast<int>(starts.size());
  if (count <= kWidth) return {std::string(line), column};
  const int first = std::clamp(column - 1 - kBefore, 0, count - kWidth);
  const int last = first + kWidth;  // one past
  const size_t from = starts[static_cast<size_t>(first)];
  const size_t to = last < count ? starts[static_cast<size_t>(last)] : line.size();
  std::string text = (first > 0 ? "…" : "") + std::string(line.substr(from, to - from)) +
                     (last < count ? "…" : "");
  return {std::move(text), column - first + (first > 0 ? 1 : 0)};
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d, std::string_view source) {
  std::string out = d.file;
  if (d.position.line > 0) {
    out += ":" + std::to_string(d.position.line) + ":" + std::to_string(d.position.column);
  }
  out += d.severity == Severity::error ? ": error: " : ": warning: ";
  out += d.message + "\n";
  if (d.position.line > 0) {
    const std::string_view line = source_line(source, d.position.line);
    if (!line.empty()) {
      const auto [text, column] = shown_line(line, d.position.column);
      out += "  " + text + "\n";
      out += "  " + caret_padding(text, column) + "^\n";
    }
  }
  if (!d.hint.empty()) out += "  note: " + d.hint + "\n";
  return out;
}

std::string format_diagnostics(const Diagnostics& diagnostics, std::string_view source) {
  std::string out;
  for (const auto& d : diagnostics.all()) out += format_diagnostic(d, source);
  return out;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    const size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace briefing
