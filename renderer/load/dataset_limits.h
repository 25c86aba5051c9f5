// The longest text each dataset field may hold, in characters (Unicode code
// points, as JSON Schema's maxLength counts). Layout and shaping cost grows
// faster than linearly with the length of one text (Pango shapes an unbroken
// word again for every line it wraps onto; a paragraph split over pages is
// laid out again for each page), so one huge field could stall a render for
// minutes. The limits are far above any real document's (the bundled fact
// sheet's longest summary is 1,376 characters, its longest title 168) and
// keep every command under a second or two at the limit
// (tests/bench/cost_cliffs.sh). Documented in data/README.md and schema.json.
#pragma once

#include <cstddef>

namespace briefing::limits {

/// Titles, publisher, issuers, milestone labels, tags, link language notes.
inline constexpr size_t kShortText = 500;
/// Item summaries, section intros and note texts.
inline constexpr size_t kLongText = 20000;
/// [dataset] source: a description or a URL, printed on the report's cover.
inline constexpr size_t kSourceText = 2000;
/// Item and section ids, and an item's `section`.
inline constexpr size_t kId = 100;
/// [dataset] language, a BCP 47 tag (RFC 5646 asks tools to take at least 35).
inline constexpr size_t kLanguage = 35;

}  // namespace briefing::limits
