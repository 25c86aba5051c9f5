#include "text/glyph_coverage.h"

#include "text/text_block.h"

namespace briefing {

int count_missing_glyphs(std::string_view text) {
  if (text.empty()) return 0;
  // Fontconfig falls back across every bundled face, so one style suffices.
  return TextBlock(text, TextStyle{}).unknown_glyphs();
}

std::vector<MissingGlyphs> find_missing_glyphs(const Dataset& dataset) {
  std::vector<MissingGlyphs> found;
  auto check = [&](const std::string& text, std::string where, SourcePosition at) {
    if (const int count = count_missing_glyphs(text); count > 0) {
      found.push_back({std::move(where), at, count});
    }
  };
  check(dataset.title, "dataset title", {});
  check(dataset.publisher, "dataset publisher", {});
  for (const Section& section : dataset.sections) {
    check(section.title, "section " + section.id + " title", section.position);
    check(section.intro, "section " + section.id + " intro", section.position);
  }
  for (const Item& item : dataset.items) {
    const std::string prefix = "item '" + item.id + "' ";
    check(item.title, prefix + "title", item.position);
    check(item.summary, prefix + "summary", item.position);
    for (const auto& issuer : item.issuers) check(issuer, prefix + "issuer", item.position);
    for (const auto& milestone : item.milestones) {
      check(milestone.label, prefix + "milestone label", milestone.position);
    }
    for (const auto& note : item.notes) check(note.text, prefix + "note", item.position);
    for (const auto& link : item.links) check(link.language_note, prefix + "link language", item.position);
  }
  return found;
}

}  // namespace briefing
