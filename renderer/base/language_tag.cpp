#include "base/language_tag.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace briefing {
namespace {

bool all_of(std::string_view s, int (*test)(int)) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [&](char c) { return test(static_cast<unsigned char>(c)); });
}
bool alpha(std::string_view s) { return all_of(s, std::isalpha); }
bool digits(std::string_view s) { return all_of(s, std::isdigit); }
bool alphanumeric(std::string_view s) { return all_of(s, std::isalnum); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// RFC 5646's irregular grandfathered tags, which the grammar cannot parse
// (the regular ones, such as "zh-min-nan", parse as language tags).
constexpr std::array<std::string_view, 17> kIrregular = {
    "en-gb-oed", "i-ami", "i-bnn",     "i-default", "i-enochian", "i-hak",
    "i-klingon", "i-lux", "i-mingo",   "i-navajo",  "i-pwn",      "i-tao",
    "i-tay",     "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de"};

// Language names people write instead of a code, and the code they mean.
struct NamedLanguage {
  std::string_view name, code;
};
constexpr std::array<NamedLanguage, 16> kNames = {{{"english", "en"},
                                                   {"japanese", "ja"},
                                                   {"french", "fr"},
                                                   {"german", "de"},
                                                   {"spanish", "es"},
                                                   {"chinese", "zh"},
                                                   {"korean", "ko"},
                                                   {"italian", "it"},
                                                   {"portuguese", "pt"},
                                                   {"russian", "ru"},
                                                   {"arabic", "ar"},
                                                   {"dutch", "nl"},
                                                   {"hebrew", "he"},
                                                   {"hindi", "hi"},
                                                   {"polish", "pl"},
                                                   {"swedish", "sv"}}};

std::vector<std::string_view> split_subtags(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t dash = text.find('-', start);
    parts.push_back(text.substr(start, dash == std::string_view::npos ? dash : dash - start));
    if (dash == std::string_view::npos) return parts;
    start = dash + 1;
  }
}

}  // namespace

LanguageTagParse parse_language_tag(std::string_view text) {
  LanguageTagParse result;
  const std::string quoted = "\"" + std::string(text) + "\"";
  auto fail = [&](std::string error, std::string hint = {}) {
    result.ok = false;
    result.error = std::move(error);
    result.hint = std::move(hint);
    return result;
  };
  if (text.empty()) return fail("the language tag is empty", "write a BCP 47 tag such as \"en\"");
  if (text.find('_') != std::string_view::npos) {
    std::string fixed(text);
    std::replace(fixed.begin(), fixed.end(), '_', '-');
    const LanguageTagParse again = parse_language_tag(fixed);
    return fail(quoted + " separates its parts with '_'; BCP 47 uses '-'",
                again.ok ? "write \"" + fixed + "\"" : std::string());
  }
  const std::string folded = lower(text);
  if (std::find(kIrregular.begin(), kIrregular.end(), folded) != kIrregular.end()) {
    result.ok = true;
    result.tag.grandfathered = true;
    return result;
  }
  const std::vector<std::string_view> subtags = split_subtags(text);
  for (std::string_view subtag : subtags) {
    if (subtag.empty())
      return fail(quoted + " has an empty part (two '-' in a row, or one at an end)");
    if (!alphanumeric(subtag))
      return fail(quoted + " is not a BCP 47 language tag: \"" + std::string(subtag) +
                      "\" holds a character other than a letter or a digit",
                  "a tag is letters and digits joined by '-', such as \"en-GB\"");
    if (subtag.size() > 8)
      return fail(quoted + " is not a BCP 47 language tag: \"" + std::string(subtag) +
                  "\" is longer than 8 characters");
  }
  size_t i = 0;
  auto next = [&]() -> std::string_view { return i < subtags.size() ? subtags[i] : ""; };
  auto private_use = [&]() -> bool {
    // "x" and one or more subtags of 1 to 8 characters: all the rest.
    if (i + 1 >= subtags.size()) return false;
    std::string out = "x";
    for (size_t j = i + 1; j < subtags.size(); ++j) out += "-" + std::string(subtags[j]);
    result.tag.private_use = out;
    i = subtags.size();
    return true;
  };
  const std::string_view first = next();
  if (lower(first) == "x") {
    if (!private_use()) return fail(quoted + " has 'x' with no private-use part after it");
    result.ok = true;
    return result;
  }
  if (!alpha(first) || first.size() < 2) {
    return fail(quoted + " does not start with a language code (two or three letters)",
                "write a BCP 47 tag such as \"en\" or \"ja\"");
  }
  if (first.size() > 3) {
    std::string hint = "write the language's code, such as \"en\" or \"ja\"";
    for (const NamedLanguage& named : kNames) {
      if (folded == named.name || lower(first) == named.name)
        hint = "write \"" + std::string(named.code) + "\"";
    }
    return fail(
        quoted + " is not a language code: BCP 47 language subtags have two or three letters",
        hint);
  }
  result.tag.language = std::string(first);
  ++i;
  while (result.tag.extlangs.size() < 3 && next().size() == 3 && alpha(next())) {
    result.tag.extlangs.emplace_back(next());
    ++i;
  }
  if (next().size() == 4 && alpha(next())) result.tag.script = std::string(subtags[i++]);
  if ((next().size() == 2 && alpha(next())) || (next().size() == 3 && digits(next())))
    result.tag.region = std::string(subtags[i++]);
  while (i < subtags.size()) {
    const std::string_view s = next();
    const bool variant =
        (s.size() >= 5) || (s.size() == 4 && std::isdigit(static_cast<unsigned char>(s[0])));
    if (!variant) break;
    result.tag.variants.emplace_back(s);
    ++i;
  }
  while (i < subtags.size() && next().size() == 1 && lower(next()) != "x") {
    std::string extension(next());
    ++i;
    while (i < subtags.size() && next().size() >= 2) extension += "-" + std::string(subtags[i++]);
    if (extension.size() == 1)
      return fail(quoted + " has the extension '" + extension + "' with nothing after it");
    result.tag.extensions.push_back(extension);
  }
  if (i < subtags.size() && lower(next()) == "x" && !private_use())
    return fail(quoted + " has 'x' with no private-use part after it");
  if (i < subtags.size()) {
    return fail(quoted + " is not a BCP 47 language tag: \"" + std::string(subtags[i]) +
                    "\" cannot stand there",
                "the parts come in the order language-script-region-variant, such as "
                "\"sr-Latn-RS\" or \"en-GB\"");
  }
  result.ok = true;
  return result;
}

}  // namespace briefing
