// One double-quoted string literal with backslash escapes for the text
// formats we write: JSON strings and TOML basic strings read the same
// escapes (\" \\ \n \t \r \uXXXX), so both sinks share this function.
#pragma once

#include <string>

namespace briefing {

/// `text` between double quotes: UTF-8 passed through; quotes, backslashes,
/// newlines, tabs and carriage returns escaped by name, other control
/// characters and DEL as \uXXXX (upper-case hex).
std::string double_quoted_escaped(const std::string& text);

}  // namespace briefing
