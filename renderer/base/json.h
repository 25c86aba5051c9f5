// Writing JSON text: the one escaping function for the JSON sink.
#pragma once

#include <string>

namespace briefing {

/// A JSON string literal for `text`: UTF-8 passed through, quotes,
/// backslashes and control characters escaped.
std::string json_string(const std::string& text);

/// A number with three decimals ("12.500"), as dumps print points.
std::string json_number(double value);

}  // namespace briefing
