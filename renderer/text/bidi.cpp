#include "text/bidi.h"

#include <glib.h>

namespace briefing {
namespace {

bool is_right_to_left(gunichar c) {
  return (c >= 0x0590 && c <= 0x08FF) ||  // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic
         (c >= 0xFB1D && c <= 0xFDFF) ||  // Hebrew and Arabic presentation forms A
         (c >= 0xFE70 && c <= 0xFEFC) ||  // Arabic presentation forms B
         (c >= 0x10800 && c <= 0x10FFF) ||  // historic right-to-left scripts
         (c >= 0x1E800 && c <= 0x1EFFF) ||  // Mende Kikakui, Adlam, Arabic mathematical
         c == 0x200F || c == 0x202B || c == 0x202E || c == 0x2067;
}

}  // namespace

bool has_right_to_left(std::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const gunichar c = g_utf8_get_char_validated(p, static_cast<gssize>(end - p));
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) {
      ++p;  // not UTF-8: skip the byte
      continue;
    }
    if (is_right_to_left(c)) return true;
    p = g_utf8_next_char(p);
  }
  return false;
}

std::string isolated(std::string_view text) {
  if (!has_right_to_left(text)) return std::string(text);
  std::string out(kFirstStrongIsolate);
  out += text;
  out += kPopDirectionalIsolate;
  return out;
}

std::string left_to_right_phrase(std::string_view phrase) {
  if (!has_right_to_left(phrase)) return std::string(phrase);
  return std::string(kLeftToRightMark) + std::string(phrase);
}

std::string without_bidi_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    bool control = false;
    for (std::string_view mark : {kLeftToRightMark, kFirstStrongIsolate, kPopDirectionalIsolate}) {
      if (text.substr(i, mark.size()) == mark) {
        i += mark.size();
        control = true;
        break;
      }
    }
    if (!control) out += text[i++];
  }
  return out;
}

}  // namespace briefing
