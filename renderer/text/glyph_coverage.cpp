#include "text/glyph_coverage.h"

#include <fontconfig/fontconfig.h>
#include <glib.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <vector>

#include "base/c_handles.h"
#include "text/font_setup.h"

namespace briefing {
namespace {

// Every code point some configured face covers, one bit each (139 KB for
// all of Unicode), built once per process from the union of the faces'
// character sets: a bit test per character instead of FcCharSetHasChar's
// search, which was most of `check`'s time on large datasets.
class CoverageBits {
 public:
  CoverageBits() : words_((kCodePoints + 63) / 64, 0) {
    const CharSetPtr all(FcCharSetCreate());
    for_each_configured_font([&](FcPattern* font) {
      FcCharSet* set = nullptr;
      if (FcPatternGetCharSet(font, FC_CHARSET, 0, &set) == FcResultMatch && set) {
        FcCharSetMerge(all.get(), set, nullptr);
      }
    });
    FcChar32 page[FC_CHARSET_MAP_SIZE];
    FcChar32 next = 0;
    for (FcChar32 base = FcCharSetFirstPage(all.get(), page, &next); base != FC_CHARSET_DONE;
         base = FcCharSetNextPage(all.get(), page, &next)) {
      for (int word = 0; word < FC_CHARSET_MAP_SIZE; ++word) {
        for (int bit = 0; bit < 32; ++bit) {
          if (page[word] & (1u << bit)) set(base + static_cast<FcChar32>(word * 32 + bit));
        }
      }
    }
  }
  bool has(char32_t c) const { return c < kCodePoints && (words_[c / 64] >> (c % 64) & 1u) != 0; }

 private:
  static constexpr char32_t kCodePoints = 0x110000;
  void set(FcChar32 c) {
    if (c < kCodePoints) words_[c / 64] |= uint64_t{1} << (c % 64);
  }
  std::vector<uint64_t> words_;
};

// Rebuilt when a layout has added its own fonts (a house face may draw a
// script the bundled ones do not).
const CoverageBits& covered_characters() {
  static std::optional<CoverageBits> bits;
  static int built_for = -1;
  if (!bits || built_for != font_sources_generation()) {
    bits.emplace();
    built_for = font_sources_generation();
  }
  return *bits;
}

// Unicode's Default_Ignorable_Code_Point: drawn as nothing, so no glyph is needed.
bool is_default_ignorable(char32_t c) {
  return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 || c == 0x17B4 ||
         c == 0x17B5 || (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0x3164 ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
         (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) ||
         (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

std::string describe(char32_t c) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  return code;
}

}  // namespace

char32_t first_undrawable_character(std::string_view text) {
  const CoverageBits& covered = covered_characters();
  const char* at = text.data();
  const char* end = text.data() + text.size();
  while (at < end) {
    const auto byte = static_cast<unsigned char>(*at);
    if (byte < 0x80) {  // ASCII, most of any text: no decoding
      ++at;
      if (byte != '\n' && byte != '\t' && !covered.has(byte)) return byte;
      continue;
    }
    const gunichar c = g_utf8_get_char_validated(at, end - at);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) return 0xFFFD;
    at = g_utf8_next_char(at);
    if (is_default_ignorable(c)) continue;
    if (!covered.has(c)) return c;
  }
  return 0;
}

Diagnostics check_glyph_coverage(const Dataset& dataset) {
  Diagnostics found;
  const SourceRef file = dataset.file ? dataset.file : make_source("<dataset>");
  // `what` and `of` are joined only for an error: most texts have none.
  auto check = [&](const std::string& text, const SourceRange& at, const char* what_part,
                   const std::string& of = std::string()) {
    const char32_t c = first_undrawable_character(text);
    if (c == 0) return;
    const std::string what = what_part + of;
    found.error(
        file, at, what + " holds " + describe(c) + ", which no configured font can draw",
        "the fonts cover Latin, Greek, Cyrillic, Hebrew, Arabic, Chinese, Japanese and Korean "
        "(with fonts-noto-cjk installed); remove the "
        "character or use a layout whose fonts have it (for check: --layout LAYOUT)");
  };
  check(dataset.title, dataset.title_at, "the dataset title");
  check(dataset.publisher, dataset.publisher_at, "the publisher");
  for (const Section& section : dataset.sections) {
    const std::string of = " of section " + section.id;
    check(section.title, section.title_at, "the title", of);
    check(section.intro, section.intro_at, "the intro", of);
  }
  for (const Item& item : dataset.items) {
    std::string of_item;  // " of item 'ID'", made on the first error only
    auto check_item = [&](const std::string& text, const SourceRange& at, const char* what_part) {
      if (first_undrawable_character(text) == 0) return;
      if (of_item.empty()) of_item = " of item '" + item.id + "'";
      check(text, at, what_part, of_item);
    };
    check_item(item.title, item.title_at, "the title");
    check_item(item.kind, item.kind_at, "the kind");
    check_item(item.summary, item.summary_at, "the summary");
    for (size_t i = 0; i < item.issuers.size(); ++i) {
      check_item(item.issuers[i], i < item.issuers_at.size() ? item.issuers_at[i] : item.position,
                 "an issuer");
    }
    for (const Milestone& milestone : item.milestones) {
      check_item(milestone.label, milestone.label_at, "a milestone label");
    }
    for (const Note& note : item.notes) check_item(note.text, note.text_at, "a note");
    for (const Link& link : item.links) {
      check_item(link.language_note, link.language_at, "a link's language note");
    }
  }
  return found;
}

void require_drawable_text(DatasetLoad& load) {
  if (!load.ok()) return;
  const Diagnostics uncovered = check_glyph_coverage(*load.dataset);
  if (uncovered.empty()) return;
  load.diagnostics.append(uncovered);
  load.diagnostics.sort_by_position();
  load.dataset.reset();
}

}  // namespace briefing
