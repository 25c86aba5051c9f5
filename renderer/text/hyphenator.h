// Dictionary hyphenation with libhyphen: marks break points as soft hyphens
// (U+00AD), which Pango honours (it has no dictionary hyphenation itself).
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct _HyphenDict;  // libhyphen's HyphenDict

namespace briefing {

struct HyphenDictFree {
  void operator()(_HyphenDict* dict) const;
};
using HyphenDictPtr = std::unique_ptr<_HyphenDict, HyphenDictFree>;

class Hyphenator {
 public:
  /// Loads a libhyphen .dic file (e.g. /usr/share/hyphen/hyph_en_US.dic).
  /// Throws std::runtime_error when it cannot be read.
  explicit Hyphenator(const std::string& dictionary_path);

  /// `text` with U+00AD inserted at every allowed break inside words of at
  /// least `min_word` Latin letters. Words holding digits, capitals after the
  /// first letter (acronyms, CamelCase) or non-ASCII letters are left alone;
  /// so is everything else (spaces, punctuation, Japanese).
  std::string hyphenate(std::string_view text) const;

  /// The break positions of one lowercase ASCII word: after character i when
  /// result[i] is true. At least 2 letters stay left and 3 right of a break.
  std::string break_mask(std::string_view word) const;

 private:
  HyphenDictPtr dict_;
  size_t min_word_ = 6;
};

/// The US English dictionary of Debian's hyphen-en-us, loaded once; nullptr
/// when it is not installed (text is then set without hyphenation).
const Hyphenator* english_hyphenator();

inline constexpr const char* kEnglishHyphenDictionary = "/usr/share/hyphen/hyph_en_US.dic";
inline constexpr std::string_view kSoftHyphen = "\xC2\xAD";

}  // namespace briefing
