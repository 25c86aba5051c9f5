// A screen in front of Debian's toml++ 3.3.0, which has two input-triggered
// defects that later upstream commits fix (we keep the distribution's
// library; see README.md, "TOML parser"):
//
// - `is_non_ascii_horizontal_whitespace()` reaches `TOML_UNREACHABLE` (undefined
//   behaviour in every build) for code points in U+00A1–U+0499,
//   U+2C5E–U+3057 (but U+3000) and U+FB26–U+FEFE — Latin-1, Greek,
//   Cyrillic, CJK punctuation, most of hiragana — whenever it asks whether one
//   is white space: outside strings (`a× = 1`), after a backslash in a
//   multi-line basic string, and as the first character after a
//   line-ending backslash (valid TOML; upstream issue 190). Fixed upstream
//   by pull request 305 (commit 1e8829b).
// - `parse_key()` asserts that a key starts with a bare-key character or a
//   quote; `parse_table_header()` calls it on whatever follows `[` or `[[`
//   (`[#`). Fixed upstream by pull request 301 (commit e4bcc15).
// - `n=[}`: parse_array() hands '}' to parse_value(), which asserts that
//   it is no value terminator (upstream's master, 1e8829b, still does).
// - `1979-05-27T:` and `1979-05-27 1 `: parse_time() asserts that a digit
//   follows the 'T', and the number scan that none of its own terminators
//   follows the lone digit (upstream's master still does both).
// - Deeply nested tables (`a.a.a…` with tens of thousands of parts)
//   overflow the stack in its recursive post-processing. Upstream later
//   capped dotted keys (pull request 242); we refuse more than 1024 levels.
//
// The screen follows toml++'s lexical states (strings, comments, table
// headers) and finds those places; parse_toml() then hands toml++ a copy of
// the text in which each of them is defused, without moving any line or
// column.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/source.h"

namespace briefing {

enum class TomlHazardKind {
  stand_in,        // valid TOML: a code point right after a line-ending backslash
  stray,           // a code point outside strings and comments (an error anyway)
  escaped,         // a code point after a backslash in a multi-line string (an error)
  after_line_end,  // a code point after a line-ending backslash's blanks (an error)
  table_header,    // what follows `[` or `[[` cannot start a key (an error)
  array_brace,     // '}' where an array's value is due (an error)
  time_after_t,    // no digit after a date's 'T' (an error)
  lone_hour,       // a date, a space and one digit (an error)
  too_deep,        // tables nest deeper than toml++'s recursion can go (refused)
};

struct TomlHazard {
  TomlHazardKind kind = TomlHazardKind::stray;
  size_t offset = 0;  // bytes into the text
  size_t length = 0;  // bytes of the offending code point
  SourceRange at;     // as toml++ counts: 1-based line, column in code points
  char32_t code_point = 0;
  // What toml++ reads instead: a character it rejects at that place without
  // tripping: U+0001, or ']' where parse_key() would start, ',' where
  // parse_array() would call parse_value(), '0' after a date's 'T'.
  char defused_as = '\x01';
  // toml++'s own error comes first only if it is before this: the hazard,
  // or for a date the value's start, where toml++ reports its confusion.
  SourceRange own_error_before;

  bool is_error() const { return kind != TomlHazardKind::stand_in; }
  std::string message() const;
  std::string hint() const;
};

/// Every stand-in hazard up to the first error hazard, then that one (the
/// last entry), in text order. Stops early at malformed UTF-8, which toml++
/// reports itself before it parses what follows.
std::vector<TomlHazard> find_toml_hazards(std::string_view text);

/// Where a header `[[name]]` starts a line of the document's top level
/// (its '[' in column 1, outside strings and arrays).
struct TomlHeaderStart {
  size_t offset = 0;  // bytes into the text
  int line = 0;       // 1-based
};
struct TomlScan {
  std::vector<TomlHazard> hazards;  // as find_toml_hazards()
  // The `[[name]]` headers before the first error hazard, in text order:
  // the places where the text may be cut into pieces that toml++ parses
  // one by one (load/table_reader.h, parse_toml_in_pieces()).
  std::vector<TomlHeaderStart> headers;
};
TomlScan scan_toml(std::string_view text, std::string_view array_of_tables_name);

/// The text toml++ may safely parse: same lines and columns as the
/// original, each hazard replaced by one code point.
struct DefusedToml {
  std::string text;
  // A stand-in hazard reads as a private-use code point that appears nowhere
  // in the original (not even escaped); strings get the original back after
  // parsing. Pairs of (stand-in, original), UTF-8.
  std::vector<std::pair<std::string, std::string>> stand_ins;
  // The first error hazard (or a stand-in hazard for which no stand-in was
  // free), defused as a character toml++ rejects at that place.
  std::optional<TomlHazard> error;
};
DefusedToml defuse_toml(std::string_view text, const std::vector<TomlHazard>& hazards);

/// True for the code points that 3.3.0's white-space table cannot classify.
bool is_toml_whitespace_hazard(char32_t c);

/// Replaces every occurrence of `from` in `text` by `to`.
void replace_all(std::string& text, std::string_view from, std::string_view to);

}  // namespace briefing
