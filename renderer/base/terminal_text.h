// Text bound for a terminal. Datasets are hostile: a rejected line may hold
// ESC, BEL or bidi controls that would clear a screen, retitle a window or
// reorder what is shown. This is the one function for that sink.
#pragma once

#include <string>
#include <string_view>

namespace briefing {

/// `text` with every control character (C0, DEL, C1), bidi control and
/// invalid UTF-8 byte replaced by a visible escape: \x1b, \x7f, \u{202e},
/// \xff. Tabs become one space each; line breaks and everything else pass
/// unchanged.
std::string terminal_safe(std::string_view text);

/// Columns `text` takes on a terminal once made terminal_safe: East Asian
/// wide characters count 2, combining marks 0.
int terminal_width(std::string_view text);

/// Bytes of the character at byte `at` of `text` (1 for an invalid byte).
size_t character_length(std::string_view text, size_t at);

/// The byte offset in `text` where column `column` (1-based, in code points
/// as TOML++ counts them) begins; text.size() past the end.
size_t byte_offset_of_column(std::string_view text, int column);

}  // namespace briefing
