// The items in report order and their footnotes, numbered before any part is
// built: the cover counts the footnotes, the contents and body show the numbers.
#include <algorithm>

#include "layout/report/builder.h"

namespace briefing::report_parts {
namespace {

void order_items(const Dataset& dataset, ReportItems& items) {
  for (const Section& section : dataset.sections) {
    for (const Item& item : dataset.items) {
      if (item.section == section.id) items.ordered.push_back(&item);
    }
  }
  for (size_t i = 0; i < items.ordered.size(); ++i) {
    items.numbers[items.ordered[i]->id] = static_cast<int>(i + 1);
  }
}

void number_footnotes(const Typesetter& typesetter, ReportItems& items) {
  const ReportStyle& style = typesetter.style();
  const TextStyle note_style{style.body_family, style.footnote_size, false, false};
  const double number_gap = note_style.size * 0.6;
  const double indent = typesetter.text("000", note_style)->width() + number_gap;
  int next = 1;
  for (const Item* item : items.ordered) {
    // The item's links and notes in the source's footnote order.
    struct Entry {
      int source_number;
      const Link* link;
      const Note* note;
    };
    std::vector<Entry> entries;
    for (const Link& link : item->links) entries.push_back({link.footnote, &link, nullptr});
    for (const Note& note : item->notes) entries.push_back({note.footnote, nullptr, &note});
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      const int x = a.source_number > 0 ? a.source_number : 1 << 30;
      const int y = b.source_number > 0 ? b.source_number : 1 << 30;
      return x < y;
    });
    for (const Entry& entry : entries) {
      const int number = next++;
      RichText rich;
      if (entry.link) {
        const auto start = rich.text.size();
        rich.append_url(entry.link->url, entry.link->href);
        rich.style({start, rich.text.size()}, StyleSpan::Kind::color, style.link);
        if (!entry.link->language_note.empty()) rich.append(" (" + entry.link->language_note + ")");
      } else {
        rich.append_hyphenated(typographic_quotes(entry.note->text), typesetter.hyphenator());
      }
      Footnote footnote;
      footnote.number = number;
      footnote.item_id = item->id;
      footnote.number_block = typesetter.text(std::to_string(number), note_style);
      footnote.indent = indent;
      footnote.number_gap = number_gap;
      footnote.body.emplace(std::move(rich), note_style, typesetter.width() - indent,
                            TextAlign::left, style.text, 1.0);
      items.footnotes.emplace(number, std::move(footnote));
      items.item_footnotes[item->id].push_back(number);
    }
  }
}

}  // namespace

ReportItems collect_items(const Dataset& dataset, const Typesetter& typesetter) {
  ReportItems items;
  order_items(dataset, items);
  number_footnotes(typesetter, items);
  return items;
}

}  // namespace briefing::report_parts
