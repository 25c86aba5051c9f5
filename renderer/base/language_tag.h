// BCP 47 language tags (RFC 5646, section 2.1), parsed by the grammar:
// language["-"extlang]["-"script]["-"region]*("-"variant)*("-"extension)
// ["-"privateuse], a private-use tag ("x-..."), or one of the grandfathered
// tags. Checks well-formedness only, not the IANA subtag registry (which
// Debian does not ship); primary language subtags of 4 to 8 letters are
// refused because the registry holds none (4 letters are reserved, 5 to 8
// would have to be registered), so "English" is an error, not a language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace briefing {

struct LanguageTag {
  std::string language;                 // "en", "zh", "qaa"; empty for "x-..." or grandfathered
  std::vector<std::string> extlangs;    // "yue" in "zh-yue"
  std::string script;                   // "Latn"
  std::string region;                   // "GB", "419"
  std::vector<std::string> variants;    // "1996", "fonipa"
  std::vector<std::string> extensions;  // "u-ca-gregory", singleton first
  std::string private_use;              // "x-whatever"
  bool grandfathered = false;
};

struct LanguageTagParse {
  bool ok = false;
  LanguageTag tag;
  std::string error;  // why the text is not a tag, e.g. `"en_GB" uses '_'`
  std::string hint;   // a fix when the intent is clear, e.g. `write "en-GB"`
};

/// Parses `text` as a BCP 47 language tag (case-insensitive, as RFC 5646 says).
LanguageTagParse parse_language_tag(std::string_view text);

}  // namespace briefing
