// The language of a text in a report whose own language is another one, as
// far as its script tells it: the dataset has one language, but an English
// report may quote a Japanese title. Only scripts that name one language are
// used (kana: Japanese, Hangul: Korean, Greek, Hebrew, Thai); Han alone or
// Cyrillic could be several languages and gives nothing.
#pragma once

#include <string>
#include <string_view>

namespace briefing {

/// A BCP 47 tag for `text` when most of its letters are in a script of
/// another language than `document_language` ("en"), else empty.
std::string other_language_of(std::string_view text, std::string_view document_language);

}  // namespace briefing
