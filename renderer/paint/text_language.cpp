#include "paint/text_language.h"

#include <glib.h>

#include <map>

namespace briefing {
namespace {

std::string primary_subtag(std::string_view tag) {
  std::string out(tag.substr(0, tag.find('-')));
  for (char& c : out) c = static_cast<char>(g_ascii_tolower(c));
  return out;
}

}  // namespace

std::string other_language_of(std::string_view text, std::string_view document_language) {
  if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return {};
  size_t letters = 0, han = 0, kana = 0;
  std::map<std::string, size_t> by_language;  // letters of scripts that name one language
  for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (!g_unichar_isalpha(c)) continue;
    ++letters;
    switch (g_unichar_get_script(c)) {
      case G_UNICODE_SCRIPT_HIRAGANA:
      case G_UNICODE_SCRIPT_KATAKANA:
        ++kana;
        break;
      case G_UNICODE_SCRIPT_HAN:
        ++han;
        break;
      case G_UNICODE_SCRIPT_HANGUL:
        ++by_language["ko"];
        break;
      case G_UNICODE_SCRIPT_GREEK:
        ++by_language["el"];
        break;
      case G_UNICODE_SCRIPT_HEBREW:
        ++by_language["he"];
        break;
      case G_UNICODE_SCRIPT_THAI:
        ++by_language["th"];
        break;
      default:
        break;
    }
  }
  // Kana make the Han characters beside them Japanese.
  if (kana > 0) by_language["ja"] = kana + han;
  const std::string document = primary_subtag(document_language);
  for (const auto& [language, count] : by_language) {
    if (2 * count > letters && language != document) return language;
  }
  return {};
}

}  // namespace briefing
