#include "import/spreadsheet_export.h"

#include <algorithm>

#include "import/csv_reader.h"

namespace briefing {
namespace {

/// "Date", "Date 2", "Date 3", …
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
  for (const Item& item : dataset.items) {
    milestones = std::max(milestones, item.milestones.size());
    links = std::max(links, item.links.size());
    notes = std::max(notes, item.notes.size());
  }
  std::vector<std::string> header{"Section", "Section title", "ID",   "Title",    "Kind",
                                  "Issuers", "Summary",       "Tags", "Highlight"};
  const size_t first_date = header.size();
  for (size_t m = 0; m < milestones; ++m) {
    header.push_back(numbered("Date", m));
    header.push_back(numbered("Label", m));
  }
  const size_t first_url = header.size();
  for (size_t l = 0; l < links; ++l) header.push_back(numbered("URL", l));
  const size_t first_note = header.size();
  for (size_t n = 0; n < notes; ++n) header.push_back(numbered("Note", n));

  std::string out = csv_record(header, delimiter);
  for (const Section& section : dataset.sections) {
    std::vector<std::string> row(header.size());
    row[0] = section.id;
    row[1] = section.title;
    row[6] = section.intro;
    out += csv_record(row, delimiter);
  }
  for (const Item& item : dataset.items) {
    std::vector<std::string> row(header.size());
    row[0] = item.section;
    row[2] = item.id;
    row[3] = item.title;
    row[4] = item.kind;
    row[5] = join_list(item.issuers);
    row[6] = item.summary;
    row[7] = join_list(item.tags);
    row[8] = item.highlight ? "yes" : "";
    for (size_t m = 0; m < item.milestones.size(); ++m) {
      row[first_date + 2 * m] = item.milestones[m].date.iso();
      row[first_date + 2 * m + 1] = item.milestones[m].label;
    }
    for (size_t l = 0; l < item.links.size(); ++l) row[first_url + l] = item.links[l].url;
    for (size_t n = 0; n < item.notes.size(); ++n) row[first_note + n] = item.notes[n].text;
    out += csv_record(row, delimiter);
  }
  return out;
}

}  // namespace briefing
