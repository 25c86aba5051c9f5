// Bidirectional text in the phrases we compose around user text. Pango gives
// each paragraph the direction of its first strong character, and the
// Unicode bidi algorithm lets a right-to-left run pull neighbouring digits
// and punctuation into it: "Jun 2023 פורסם → 12 Feb 2024" would show the
// "12" on the wrong side of the arrow. Where a phrase of ours (English, left
// to right: dates, numbers, separators) holds user text that contains
// right-to-left characters, the phrase starts with a LEFT-TO-RIGHT MARK and
// the user text goes in a FIRST STRONG ISOLATE (as HTML's <bdi>): each part
// keeps its own direction. Text without right-to-left characters is left
// as it is, byte for byte.
#pragma once

#include <string>
#include <string_view>

namespace briefing {

inline constexpr std::string_view kLeftToRightMark = "\xE2\x80\x8E";        // U+200E
inline constexpr std::string_view kFirstStrongIsolate = "\xE2\x81\xA8";     // U+2068
inline constexpr std::string_view kPopDirectionalIsolate = "\xE2\x81\xA9";  // U+2069

/// True when `text` holds a right-to-left character: a letter of Hebrew,
/// Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation
/// forms, or U+200F RLM, U+202B RLE, U+202E RLO, U+2067 RLI.
bool has_right_to_left(std::string_view text);

/// User text to set inside one of our phrases: in an isolate when it holds
/// right-to-left text, else unchanged.
std::string isolated(std::string_view text);

/// A phrase of ours made with isolated(): anchored left to right (an LRM
/// first) when it holds right-to-left text, else unchanged.
std::string left_to_right_phrase(std::string_view phrase);

/// `text` without the marks and isolates above (for dumps and tests).
std::string without_bidi_controls(std::string_view text);

}  // namespace briefing
