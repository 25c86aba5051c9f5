#include "text/glyph_coverage.h"

#include <fontconfig/fontconfig.h>
#include <glib.h>

#include <cstdio>
#include <memory>
#include <mutex>

#include "base/c_handles.h"
#include "text/font_setup.h"

namespace briefing {
namespace {

// The union of every configured face's character set, built once.
const FcCharSet* covered_characters() {
  static CharSetPtr all;
  static std::once_flag once;
  std::call_once(once, [] {
    all.reset(FcCharSetCreate());
    for_each_configured_font([&](FcPattern* font) {
      FcCharSet* set = nullptr;
      if (FcPatternGetCharSet(font, FC_CHARSET, 0, &set) == FcResultMatch && set) {
        FcCharSetMerge(all.get(), set, nullptr);
      }
    });
  });
  return all.get();
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
  const FcCharSet* covered = covered_characters();
  const char* at = text.data();
  const char* end = text.data() + text.size();
  while (at < end) {
    const gunichar c = g_utf8_get_char_validated(at, end - at);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) return 0xFFFD;
    at = g_utf8_next_char(at);
    if (c == '\n' || c == '\t' || is_default_ignorable(c)) continue;
    if (!FcCharSetHasChar(covered, c)) return c;
  }
  return 0;
}

Diagnostics check_glyph_coverage(const Dataset& dataset) {
  Diagnostics found;
  const SourceRef file = dataset.file ? dataset.file : make_source("<dataset>");
  auto check = [&](const std::string& text, const SourceRange& at, const std::string& what) {
    const char32_t c = first_undrawable_character(text);
    if (c == 0) return;
    found.error(
        file, at, what + " holds " + describe(c) + ", which no configured font can draw",
        "the fonts cover Latin, Greek, Cyrillic, Hebrew, Arabic, Chinese, Japanese and Korean "
        "(with fonts-noto-cjk installed); remove the "
        "character or use a layout whose fonts have it");
  };
  check(dataset.title, dataset.title_at, "the dataset title");
  check(dataset.publisher, dataset.publisher_at, "the publisher");
  for (const Section& section : dataset.sections) {
    check(section.title, section.title_at, "the title of section " + section.id);
    check(section.intro, section.intro_at, "the intro of section " + section.id);
  }
  for (const Item& item : dataset.items) {
    const std::string of = " of item '" + item.id + "'";
    check(item.title, item.title_at, "the title" + of);
    check(item.kind, item.kind_at, "the kind" + of);
    check(item.summary, item.summary_at, "the summary" + of);
    for (size_t i = 0; i < item.issuers.size(); ++i) {
      check(item.issuers[i], i < item.issuers_at.size() ? item.issuers_at[i] : item.position,
            "an issuer" + of);
    }
    for (const Milestone& milestone : item.milestones) {
      check(milestone.label, milestone.label_at, "a milestone label" + of);
    }
    for (const Note& note : item.notes) check(note.text, note.text_at, "a note" + of);
    for (const Link& link : item.links) {
      check(link.language_note, link.language_at, "a link's language note" + of);
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
