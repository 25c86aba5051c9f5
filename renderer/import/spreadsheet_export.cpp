#include "import/spreadsheet_export.h"

#include <algorithm>
#include <functional>

#include "base/color.h"
#include "import/csv_reader.h"

namespace briefing {
namespace {

/// "Date", "Date 2", "Date 3", …; "Date source", "Date source 2", …
std::string numbered(const std::string& name, size_t index) {
  return index == 0 ? name : name + " " + std::to_string(index + 1);
}

/// Entries joined with "; ", or one per line when an entry holds a ';' or ','.
std::string join_list(const std::vector<std::string>& entries) {
  const bool lines = std::any_of(entries.begin(), entries.end(), [](const std::string& entry) {
    return entry.find_first_of(";,\n") != std::string::npos;
  });
  std::string out;
  for (const std::string& entry : entries) out += (out.empty() ? "" : lines ? "\n" : "; ") + entry;
  return out;
}

}  // namespace

std::string export_spreadsheet(const Dataset& dataset, char delimiter) {
  size_t milestones = 1, links = 1, notes = 0;
  bool date_sources = false, languages = false, link_footnotes = false, note_footnotes = false;
  for (const Item& item : dataset.items) {
    milestones = std::max(milestones, item.milestones.size());
    links = std::max(links, item.links.size());
    notes = std::max(notes, item.notes.size());
    for (const Milestone& m : item.milestones) date_sources |= !m.source_url.empty();
    for (const Link& link : item.links) {
      languages |= !link.language_note.empty();
      link_footnotes |= link.footnote > 0;
    }
    for (const Note& note : item.notes) note_footnotes |= note.footnote > 0;
  }
  // Each column: its header and what an item row holds in it. The optional
  // ones are left out when no item needs them.
  using Cell = std::function<std::string(const Item&)>;
  std::vector<std::pair<std::string, Cell>> columns = {
      {"Section", [](const Item& i) { return i.section; }},
      {"Section title", [](const Item&) { return std::string(); }},
      {"ID", [](const Item& i) { return i.id; }},
      {"Title", [](const Item& i) { return i.title; }},
      {"Kind", [](const Item& i) { return i.kind; }},
      {"Issuers", [](const Item& i) { return join_list(i.issuers); }},
      {"Summary", [](const Item& i) { return i.summary; }},
      {"Tags", [](const Item& i) { return join_list(i.tags); }},
      {"Highlight", [](const Item& i) { return std::string(i.highlight ? "yes" : ""); }},
  };
  const bool short_titles = std::any_of(dataset.items.begin(), dataset.items.end(),
                                        [](const Item& i) { return !i.short_title.empty(); });
  if (short_titles) {
    columns.insert(columns.begin() + 4,
                   {"Short title", [](const Item& i) { return i.short_title; }});
  }
  // Last of the item columns, and only when an item has its own colour, so
  // spreadsheets without colours keep their columns.
  if (std::any_of(dataset.items.begin(), dataset.items.end(),
                  [](const Item& i) { return i.colour.has_value(); })) {
    columns.push_back(
        {"Colour", [](const Item& i) { return i.colour ? color_hex(*i.colour) : std::string(); }});
  }
  auto footnote = [](int number) { return number > 0 ? std::to_string(number) : std::string(); };
  for (size_t m = 0; m < milestones; ++m) {
    auto at = [m](const Item& i) { return m < i.milestones.size() ? &i.milestones[m] : nullptr; };
    columns.push_back({numbered("Date", m),
                       [at](const Item& i) { return at(i) ? at(i)->date.iso() : std::string(); }});
    columns.push_back({numbered("Label", m),
                       [at](const Item& i) { return at(i) ? at(i)->label : std::string(); }});
    if (date_sources) {
      columns.push_back({numbered("Date source", m), [at](const Item& i) {
                           return at(i) ? at(i)->source_url : std::string();
                         }});
    }
  }
  for (size_t l = 0; l < links; ++l) {
    auto at = [l](const Item& i) { return l < i.links.size() ? &i.links[l] : nullptr; };
    columns.push_back(
        {numbered("URL", l), [at](const Item& i) { return at(i) ? at(i)->url : std::string(); }});
    if (languages) {
      columns.push_back({numbered("URL language", l), [at](const Item& i) {
                           return at(i) ? at(i)->language_note : std::string();
                         }});
    }
    if (link_footnotes) {
      columns.push_back({numbered("URL footnote", l), [at, footnote](const Item& i) {
                           return at(i) ? footnote(at(i)->footnote) : std::string();
                         }});
    }
  }
  for (size_t n = 0; n < notes; ++n) {
    auto at = [n](const Item& i) { return n < i.notes.size() ? &i.notes[n] : nullptr; };
    columns.push_back(
        {numbered("Note", n), [at](const Item& i) { return at(i) ? at(i)->text : std::string(); }});
    if (note_footnotes) {
      columns.push_back({numbered("Note footnote", n), [at, footnote](const Item& i) {
                           return at(i) ? footnote(at(i)->footnote) : std::string();
                         }});
    }
  }

  std::vector<std::string> header;
  for (const auto& column : columns) header.push_back(column.first);
  std::string out = csv_record(header, delimiter);
  for (const Section& section : dataset.sections) {
    std::vector<std::string> row(header.size());
    row[0] = section.id;
    row[1] = section.title;
    row[6] = section.intro;  // Summary
    out += csv_record(row, delimiter);
  }
  for (const Item& item : dataset.items) {
    std::vector<std::string> row;
    for (const auto& column : columns) row.push_back(column.second(item));
    out += csv_record(row, delimiter);
  }
  return out;
}

}  // namespace briefing
