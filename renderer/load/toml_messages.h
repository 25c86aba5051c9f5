// toml++'s syntax errors in our words, located where the mistake is:
// "Error while parsing string: unescaped control characters ..." for a
// missing closing quote becomes "this string has no closing quote",
// underlined from the opening quote; a CSV file is "not a TOML file"; an
// unquoted date gets the quoted fix.
#pragma once

#include <string>
#include <string_view>

#include "base/source.h"

namespace briefing {

struct TomlMessage {
  SourceRange at;
  std::string message;
  std::string hint;  // may be empty
};

/// Rewrites toml++'s `description` of an error at `at` in `text`.
TomlMessage toml_error_in_our_words(std::string_view description, std::string_view text,
                                    SourceRange at);

}  // namespace briefing
