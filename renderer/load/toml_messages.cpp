#include "load/toml_messages.h"

#include <algorithm>

#include "base/terminal_text.h"
#include "base/utf8.h"
#include "load/date_fixit.h"

namespace briefing {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}
bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string_view line_of(std::string_view text, int line) {
  for (int n = 1; n < line; ++n) {
    const size_t next = text.find('\n');
    if (next == std::string_view::npos) return {};
    text.remove_prefix(next + 1);
  }
  std::string_view out = text.substr(0, text.find('\n'));
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

// 1-based column (in code points) of byte `offset` in `line`.
int column_at(std::string_view line, size_t offset) {
  return 1 + static_cast<int>(code_point_count(line.substr(0, offset)));
}

SourceRange span(int line, std::string_view text, size_t from, size_t to) {
  return {line, column_at(text, from), line, column_at(text, to)};
}

// `key = value` on one line: where the value starts (bytes), or npos.
size_t value_start(std::string_view line) {
  const size_t equals = line.find('=');
  if (equals == std::string_view::npos) return std::string_view::npos;
  const size_t start = line.find_first_not_of(" \t", equals + 1);
  return start == std::string_view::npos ? line.size() : start;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The first line that is not blank or a comment (1 if none).
int first_content_line(std::string_view text) {
  int line = 1;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view current = text.substr(at, end - at);
    const size_t first = current.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && current[first] != '#') return line;
    at = end + 1;
    ++line;
  }
  return 1;
}

// The first line's shape: values separated by commas or tabs, no '='.
bool looks_like_a_table_file(std::string_view text, char separator) {
  const std::string_view first = line_of(text, first_content_line(text));
  return !contains(first, "=") && !starts_with(first, "[") &&
         std::count(first.begin(), first.end(), separator) >= 1;
}

}  // namespace

TomlMessage toml_error_in_our_words(std::string_view description, std::string_view text,
                                    SourceRange at) {
  std::string_view scope, reason = description;
  if (starts_with(description, "Error while parsing ")) {
    const std::string_view rest = description.substr(20);
    const size_t colon = rest.find(": ");
    if (colon != std::string_view::npos) {
      scope = rest.substr(0, colon);
      reason = rest.substr(colon + 2);
    }
  }
  const std::string_view line = line_of(text, at.line);
  const size_t error_offset = std::min(line.size(), byte_offset_of_column(line, at.column));

  // CSV or TSV handed over as a dataset.
  if (at.line == first_content_line(text) &&
      (looks_like_a_table_file(text, ',') || looks_like_a_table_file(text, '\t'))) {
    const bool tabs = contains(line, "\t");
    return {{at.line, 1, at.line, column_at(line, line.size())},
            "this is not a TOML file",
            std::string("it looks like a spreadsheet saved as ") + (tabs ? "TSV" : "CSV") +
                " (values separated by " + (tabs ? "tabs" : "commas") +
                "); a dataset is TOML, as data/README.md describes"};
  }

  // A string that runs to the end of its line (or of the file).
  if ((scope == "string" || scope == "literal string") &&
      (contains(reason, "control character") || contains(reason, "end-of-file"))) {
    const std::string triple = scope == "string" ? "\"\"\"" : "'''";
    if (contains(reason, "end-of-file")) {
      // The file ended inside a multi-line string: the last triple quote opened it.
      const size_t opener = text.rfind(triple);
      if (opener != std::string_view::npos) {
        const int opener_line =
            1 + static_cast<int>(
                    std::count(text.begin(), text.begin() + static_cast<long>(opener), '\n'));
        const size_t line_start = text.rfind('\n', opener);
        const size_t offset =
            line_start == std::string_view::npos ? opener : opener - line_start - 1;
        return {span(opener_line, line_of(text, opener_line), offset, offset + 3),
                "this multi-line string is never closed", "end it with " + triple};
      }
    }
    const size_t start = value_start(line);
    const bool at_line_end = error_offset >= line.size();
    if (contains(reason, "end-of-file") && start != std::string_view::npos &&
        starts_with(line.substr(start), scope == "string" ? "\"\"\"" : "'''")) {
      return {span(at.line, line, start, start + 3), "this multi-line string is never closed",
              std::string("end it with ") + (scope == "string" ? "\"\"\"" : "'''")};
    }
    if (at_line_end || contains(reason, "end-of-file")) {
      const size_t from = start != std::string_view::npos && start < line.size() ? start : 0;
      const char quote = scope == "string" ? '"' : '\'';
      return {span(at.line, line, from, line.size()), "this string has no closing quote",
              std::string("end it with ") + quote +
                  " on the same line; a text over several lines goes between \"\"\" quotes"};
    }
    return {at, "this string holds a control character", "write it as an escape, such as \\t"};
  }

  // Text or a date written without quotes.
  const size_t start = value_start(line);
  const bool value_scope = scope == "value" || scope == "boolean" || contains(scope, "integer") ||
                           contains(scope, "floating-point") || contains(scope, "date") ||
                           contains(scope, "time") || scope == "infinity" || scope == "nan";
  if (reason == "could not determine value type" &&
      (start == std::string_view::npos || start >= line.size() || line[start] == '=')) {
    return {at, "expected a value here",
            "a value is a quoted string, a number, true, false, an [array] or an {inline table}"};
  }
  if (value_scope && start != std::string_view::npos && start < line.size() &&
      error_offset >= start &&
      std::string_view("\"'[{").find(line[start]) == std::string_view::npos) {
    std::string_view raw = line.substr(start);
    raw = trimmed(raw.substr(0, raw.find(" #")));
    const SourceRange value_at = span(at.line, line, start, start + raw.size());
    const std::string date = partial_date_fixit(raw);
    if (!date.empty()) {
      return {value_at, "this date is not a quoted string",
              "dates are strings in YYYY, YYYY-MM or YYYY-MM-DD form: write \"" + date + "\""};
    }
    return {value_at, "this text is not in quotes",
            "write \"" + std::string(raw) + "\" (text values are quoted strings)"};
  }

  if (starts_with(reason, "expected '=', saw '")) {
    const std::string found(reason.substr(19, reason.size() - 20));
    return {at, "expected '=' after the key, found '" + found + "'",
            found == ":" ? "TOML writes key = value, not key: value" : "write key = value"};
  }
  if (starts_with(reason, "cannot redefine existing ")) {
    const size_t quote = reason.find('\'');
    const size_t end = quote == std::string_view::npos ? quote : reason.find('\'', quote + 1);
    const std::string name =
        end == std::string_view::npos
            ? std::string("this key")
            : "'" + std::string(reason.substr(quote + 1, end - quote - 1)) + "'";
    if (scope == "table header") {
      return {at, name + " is already defined as something else",
              "an array of tables is written [[" + name.substr(1, name.size() - 2) +
                  "]] every time; a table [name] only once"};
    }
    // At the key, and where it was first set when that is plain to find.
    const size_t key_start = line.find_first_not_of(" \t");
    const size_t key_end =
        key_start == std::string_view::npos ? key_start : line.find_first_of(" \t=", key_start);
    SourceRange key_at = at;
    std::string first;
    if (key_end != std::string_view::npos) {
      key_at = span(at.line, line, key_start, key_end);
      const std::string_view key = line.substr(key_start, key_end - key_start);
      for (int n = at.line - 1; n >= 1; --n) {
        const std::string_view earlier = line_of(text, n);
        if (!earlier.empty() && earlier[0] == '[') break;  // another table
        const size_t s = earlier.find_first_not_of(" \t");
        if (s != std::string_view::npos && earlier.substr(s, key.size()) == key &&
            earlier.find_first_of(" \t=", s) == s + key.size()) {
          first = "; the first is on line " + std::to_string(n);
          break;
        }
      }
    }
    return {key_at, name + " is set twice", "keep one of them" + first};
  }
  if (contains(reason, "end-of-file")) {
    if (scope == "array") return {at, "the file ends inside an array", "close it with ']'"};
    if (contains(scope, "inline table"))
      return {at, "the file ends inside an inline table", "close it with '}'"};
    return {at, "the file ends in the middle of a " + std::string(scope), {}};
  }
  if (scope == "table header" && starts_with(reason, "expected ']'")) {
    // At the end of the header, where the ']' is missing.
    return {at, "this table header has no closing ']'",
            "write [name] for a table or [[name]] for an entry of an array of tables"};
  }
  if (starts_with(reason, "expected a comment or whitespace, saw '")) {
    return {at, "unexpected " + std::string(reason.substr(38)) + " after the value",
            "a line holds one key = value; write text as one quoted string"};
  }
  if (starts_with(reason, "expected keys, tables, whitespace or comments, saw '")) {
    return {at, "a line cannot start with " + std::string(reason.substr(51)),
            "a line holds key = value, a [table] header or a # comment"};
  }
  std::string ours(reason);
  if (!scope.empty()) ours = "TOML syntax error in this " + std::string(scope) + ": " + ours;
  return {at, ours, {}};
}

}  // namespace briefing
