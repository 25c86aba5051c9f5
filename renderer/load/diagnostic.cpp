#include "load/diagnostic.h"

#include <algorithm>

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
      out += "  " + std::string(line) + "\n";
      out += "  " + caret_padding(line, d.position.column) + "^\n";
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
