// Counting and cutting UTF-8 text by code points (what TOML++ columns and
// JSON Schema's maxLength count), for length limits and for echoing user
// text in messages without flooding a terminal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace briefing {

/// Code points in `text` (UTF-8; a stray continuation byte counts as none).
size_t code_point_count(std::string_view text);

/// `text` if it has at most `max_code_points`, else its first ones (cut at
/// a code point, trailing spaces dropped) followed by "…": for quoting user
/// text in diagnostics and stderr, where a 10,000-character title must not
/// be repeated whole.
std::string excerpt(std::string_view text, size_t max_code_points = 80);

}  // namespace briefing
