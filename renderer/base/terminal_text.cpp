#include "base/terminal_text.h"

#include <glib.h>

#include <algorithm>
#include <cstdio>

namespace briefing {
namespace {

bool is_bidi_control(gunichar c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

bool needs_escape(gunichar c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F) || is_bidi_control(c); }

std::string escape_of(gunichar c) {
  char buffer[16];
  if (c < 0x100)
    std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
  else
    std::snprintf(buffer, sizeof buffer, "\\u{%x}", c);
  return buffer;
}

/// Calls `visit(code point or -1 for a bad byte, byte, length)` for each
/// character of `text`.
template <typename Visit>
void for_each_character(std::string_view text, Visit visit) {
  size_t i = 0;
  while (i < text.size()) {
    const char* at = text.data() + i;
    const gunichar c = g_utf8_get_char_validated(at, static_cast<gssize>(text.size() - i));
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) {
      visit(-1, static_cast<unsigned char>(text[i]), 1);
      ++i;
      continue;
    }
    const size_t length = static_cast<size_t>(g_utf8_next_char(at) - at);
    visit(static_cast<long>(c), 0, length);
    i += length;
  }
}

}  // namespace

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  for_each_character(text, [&](long c, unsigned char byte, size_t length) {
    if (c < 0) {
      out += escape_of(byte);
    } else if (c == '\t') {
      out += ' ';
    } else if (c == '\n') {
      out += '\n';
    } else if (needs_escape(static_cast<gunichar>(c))) {
      out += escape_of(static_cast<gunichar>(c));
    } else {
      out.append(text.data() + at, length);
    }
    at += length;
  });
  return out;
}

int terminal_width(std::string_view text) {
  int width = 0;
  for_each_character(text, [&](long c, unsigned char byte, size_t) {
    if (c < 0)
      width += 4;  // \xff
    else if (c == '\t')
      width += 1;
    else if (needs_escape(static_cast<gunichar>(c)))
      width += static_cast<int>(escape_of(static_cast<gunichar>(c)).size());
    else if (g_unichar_iszerowidth(static_cast<gunichar>(c)))
      width += 0;
    else if (g_unichar_iswide(static_cast<gunichar>(c)))
      width += 2;
    else
      width += 1;
    (void)byte;
  });
  return width;
}

size_t character_length(std::string_view text, size_t at) {
  const char* start = text.data() + at;
  const gunichar c = g_utf8_get_char_validated(start, static_cast<gssize>(text.size() - at));
  if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) return 1;
  return static_cast<size_t>(g_utf8_next_char(start) - start);
}

size_t byte_offset_of_column(std::string_view text, int column) {
  size_t offset = 0;
  for (int seen = 1; seen < column && offset < text.size(); ++seen) {
    offset += character_length(text, offset);
  }
  return std::min(offset, text.size());
}

}  // namespace briefing
