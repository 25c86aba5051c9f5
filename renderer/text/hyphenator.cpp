#include "text/hyphenator.h"

#include <hyphen.h>

#include <cctype>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace briefing {

void HyphenDictFree::operator()(_HyphenDict* dict) const {
  if (dict) hnj_hyphen_free(dict);
}

Hyphenator::Hyphenator(const std::string& dictionary_path)
    : dict_(hnj_hyphen_load(dictionary_path.c_str())) {
  if (!dict_) throw std::runtime_error("cannot load the hyphenation dictionary " + dictionary_path);
}

std::string Hyphenator::break_mask(std::string_view word) const {
  std::string mask(word.size(), '\0');
  if (word.size() < 5) return mask;
  std::vector<char> hyphens(word.size() + 5, '\0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const std::string copy(word);
  const int failed = hnj_hyphen_hyphenate2(dict_.get(), copy.c_str(), static_cast<int>(copy.size()),
                                           hyphens.data(), nullptr, &rep, &pos, &cut);
  // Non-standard (replacing) breaks do not occur in English; free them if any.
  if (rep) {
    for (size_t i = 0; i < copy.size(); ++i) free(rep[i]);
    free(rep);
  }
  free(pos);
  free(cut);
  if (failed) return mask;
  constexpr size_t kLeftMin = 2, kRightMin = 3;
  for (size_t i = kLeftMin - 1; i + kRightMin < word.size(); ++i) {
    if (hyphens[i] & 1) mask[i] = 1;
  }
  return mask;
}

std::string Hyphenator::hyphenate(std::string_view text) const {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!std::isalpha(c)) {
      out += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
    const std::string_view word = text.substr(i, end - i);
    // A word glued to a non-ASCII letter (é, ö) is not ours to split; general
    // punctuation (U+2000–U+203F: quotes, dashes) around it is fine.
    auto punctuation_at = [&](size_t at) { return text.substr(at, 2) == "\xE2\x80"; };
    const bool glued_after =
        end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80 && !punctuation_at(end);
    const bool glued_before = i > 0 && static_cast<unsigned char>(text[i - 1]) >= 0x80 &&
                              !(i >= 3 && punctuation_at(i - 3));
    bool plain = word.size() >= min_word_ && !glued_after && !glued_before;
    for (size_t k = 0; plain && k < word.size(); ++k) {
      const auto w = static_cast<unsigned char>(word[k]);
      if (!std::isalpha(w) || (k > 0 && std::isupper(w))) plain = false;
    }
    if (!plain) {
      out += word;
      i = end;
      continue;
    }
    std::string lower(word);
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const std::string mask = break_mask(lower);
    for (size_t k = 0; k < word.size(); ++k) {
      out += word[k];
      if (mask[k]) out += kSoftHyphen;
    }
    i = end;
  }
  return out;
}

const Hyphenator* english_hyphenator() {
  static const std::unique_ptr<Hyphenator> hyphenator = []() -> std::unique_ptr<Hyphenator> {
    if (!std::filesystem::exists(kEnglishHyphenDictionary)) return nullptr;
    return std::make_unique<Hyphenator>(kEnglishHyphenDictionary);
  }();
  return hyphenator.get();
}

}  // namespace briefing
