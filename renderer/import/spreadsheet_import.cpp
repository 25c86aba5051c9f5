#include "import/spreadsheet_import.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "base/terminal_text.h"
#include "base/utf8.h"
#include "import/csv_reader.h"
#include "import/dataset_writer.h"
#include "import/item_ids.h"
#include "import/spreadsheet_columns.h"
#include "load/dataset_loader.h"

namespace briefing {
namespace {

std::string trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return std::string(text);
}

std::string ascii_lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

/// A cell holding a list: "Cabinet Office; Digital Agency" or one per line.
std::vector<std::string> split_list(const std::string& cell, const std::string& separators) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= cell.size()) {
    const size_t end = cell.find_first_of(separators, start);
    std::string part = trim(std::string_view(cell).substr(start, end - start));
    if (!part.empty()) parts.push_back(std::move(part));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return parts;
}

/// A cell with one entry per line is split at line breaks only (an entry may
/// hold a ';'); otherwise at any of `separators`.
std::vector<std::string> split_cell(const std::string& cell, const std::string& separators) {
  return split_list(cell, cell.find('\n') != std::string::npos ? "\n" : separators);
}

/// Section numbers in document order: "1" < "1.2" < "1.10" < "2".
bool section_before(const std::string& a, const std::string& b) {
  auto numbers = [](const std::string& id) {
    std::vector<long> out;
    for (const std::string& part : split_list(id, ".")) out.push_back(std::stol(part));
    return out;
  };
  return numbers(a) < numbers(b);
}

bool is_section_number(const std::string& text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.' ? text[i - 1] == '.' : !std::isdigit(static_cast<unsigned char>(text[i])))
      return false;
  }
  return text.size() < 40;
}

/// Where each part of an imported item came from in the spreadsheet.
struct ItemOrigin {
  int row = 0;
  std::vector<int> milestone_date_columns, milestone_label_columns, link_columns, note_columns;
};

struct SectionOrigin {
  int row = 0;
  int column = 0;  // 1-based
};

class Importer {
 public:
  Importer(const std::string& file_name, const ImportOptions& options)
      : source_(make_source(file_name)), options_(options) {}

  ImportResult run(std::string_view text) {
    const std::vector<CsvRow> rows =
        read_csv(text, options_.delimiter, source_, result_.diagnostics);
    if (result_.diagnostics.has_errors()) return std::move(result_);
    if (rows.empty()) {
      result_.diagnostics.error(source_, {}, "the spreadsheet is empty",
                                "the first row names the columns: Section, Title, Kind, ...");
      return std::move(result_);
    }
    map_ = map_columns(rows.front().cells, source_, result_.diagnostics);
    if (result_.diagnostics.has_errors()) return std::move(result_);
    for (size_t r = 1; r < rows.size(); ++r) read_row(rows[r]);
    finish_sections();
    check_written();  // also after errors: every problem at once
    return std::move(result_);
  }

 private:
  std::string cell(const CsvRow& row, int column) const {
    return column >= 0 && static_cast<size_t>(column) < row.cells.size()
               ? trim(row.cells[static_cast<size_t>(column)])
               : std::string();
  }
  std::string cell(const CsvRow& row, Column column) const { return cell(row, map_.first(column)); }
  SourceRange at(const CsvRow& row, int column) const { return {row.row, std::max(column, 0) + 1}; }
  void error(const CsvRow& row, int column, std::string message, std::string hint = {}) {
    result_.diagnostics.error(source_, at(row, column), std::move(message), std::move(hint));
  }

  // "1.1" or "1.1 Principles, Strategies" (a number, then its title).
  std::pair<std::string, std::string> section_of(const CsvRow& row) {
    std::string value = cell(row, Column::section);
    std::string title = cell(row, Column::section_title);
    if (map_.first(Column::section) < 0) return {"1", options_.title};
    const size_t space = value.find_first_of(" \t");
    if (space != std::string::npos && is_section_number(value.substr(0, space))) {
      if (title.empty()) title = trim(value.substr(space + 1));
      value = value.substr(0, space);
    }
    return {value, title};
  }

  void note_section(const CsvRow& row, const std::string& id, const std::string& title,
                    const std::string& intro) {
    const int column = map_.first(Column::section);
    if (!is_section_number(id)) {
      error(row, column,
            id.empty() ? "the row has no section"
                       : "\"" + excerpt(id, 30) + "\" is not a section number",
            "write a dotted number such as 1, 1.2 or 1.3.2 (optionally followed by the section's "
            "title)");
      return;
    }
    auto [found, inserted] = section_index_.emplace(id, dataset_.sections.size());
    if (inserted) {
      Section section;
      section.id = id;
      dataset_.sections.push_back(section);
      section_origins_.push_back({row.row, column + 1});
    }
    Section& section = dataset_.sections[found->second];
    if (!title.empty()) {
      if (section.title.empty()) {
        section.title = title;
      } else if (section.title != title) {
        error(row, std::max(map_.first(Column::section_title), column),
              "section " + id + " is titled \"" + excerpt(title, 40) + "\" here but \"" +
                  excerpt(section.title, 40) + "\" before",
              "give each section one title");
      }
    }
    if (!intro.empty()) section.intro = intro;
  }

  void read_row(const CsvRow& row) {
    const auto [section_id, section_title] = section_of(row);
    const std::string title = cell(row, Column::title);
    if (title.empty()) {
      // A row with a section and no title describes the section itself.
      if (map_.first(Column::section) >= 0 && !section_id.empty()) {
        note_section(row, section_id, section_title, cell(row, Column::summary));
      } else {
        error(row, map_.first(Column::title), "the row has no title",
              "give every item a title, or delete the row");
      }
      return;
    }
    note_section(row, section_id, section_title, "");
    Item item;
    ItemOrigin origin;
    origin.row = row.row;
    item.section = section_id;
    item.title = title;
    const std::string given_id = cell(row, Column::id);
    item.id = given_id.empty() ? unique_id(id_from_title(title), generated_ids_) : given_id;
    if (!given_id.empty()) generated_ids_.insert(given_id);
    if (!cell(row, Column::short_title).empty())
      short_titles_[item.id] = cell(row, Column::short_title);
    item.kind = ascii_lower(cell(row, Column::kind));
    item.issuers = split_cell(cell(row, Column::issuers), ";");
    item.summary = cell(row, Column::summary);
    for (std::string& tag : split_cell(cell(row, Column::tags), ";,")) {
      item.tags.push_back(ascii_lower(std::move(tag)));
    }
    read_highlight(row, item);
    if (!cell(row, Column::colour).empty()) colours_[item.id] = cell(row, Column::colour);
    read_milestones(row, item, origin);
    const auto& urls = map_.of(Column::url);
    for (size_t k = 0; k < urls.size(); ++k) {
      // One link per line; the paired language and footnote cells line up with them.
      const std::vector<std::string> lines = split_list(cell(row, urls[k]), "\n");
      const std::vector<std::string> languages =
          split_list(cell(row, paired(Column::url_language, k)), "\n");
      const std::string footnotes = cell(row, paired(Column::url_footnote, k));
      for (size_t n = 0; n < lines.size(); ++n) {
        Link link;
        link.url = lines[n];
        if (n < languages.size()) link.language_note = languages[n];
        link.footnote = footnote(row, Column::url_footnote, k, n);
        item.links.push_back(std::move(link));
        origin.link_columns.push_back(urls[k]);
      }
      if (lines.empty() && (!languages.empty() || !footnotes.empty())) {
        error(row, urls[k], "a link's language or footnote is given, but not its URL");
      }
    }
    const auto& notes = map_.of(Column::note);
    for (size_t k = 0; k < notes.size(); ++k) {
      if (std::string text = cell(row, notes[k]); !text.empty()) {
        Note note;
        note.text = std::move(text);
        note.footnote = footnote(row, Column::note_footnote, k, 0);
        item.notes.push_back(std::move(note));
        origin.note_columns.push_back(notes[k]);
      }
    }
    result_.milestones += item.milestones.size();
    dataset_.items.push_back(std::move(item));
    item_origins_.push_back(std::move(origin));
  }

  /// The k-th column of a paired kind (URL language for URL k), or -1.
  int paired(Column column, size_t k) const {
    const auto& columns = map_.of(column);
    return k < columns.size() ? columns[k] : -1;
  }

  /// The footnote number on line `line` of the k-th `column` cell; 0 when none.
  int footnote(const CsvRow& row, Column column, size_t k, size_t line) {
    const int at_column = paired(column, k);
    const std::vector<std::string> lines = split_list(cell(row, at_column), "\n");
    if (line >= lines.size()) return 0;
    const std::string& text = lines[line];
    const bool digits = text.size() <= 6 && std::all_of(text.begin(), text.end(), [](char c) {
                          return std::isdigit(static_cast<unsigned char>(c));
                        });
    if (!digits || std::stoi(text) < 1) {
      error(row, at_column,
            "a footnote number is a whole number from 1, not \"" + excerpt(text, 20) + "\"");
      return 0;
    }
    return std::stoi(text);
  }

  void read_highlight(const CsvRow& row, Item& item) {
    const std::string value = ascii_lower(cell(row, Column::highlight));
    if (value.empty() || value == "no" || value == "false" || value == "0" || value == "n") return;
    if (value == "yes" || value == "true" || value == "1" || value == "y" || value == "x" ||
        value == "\xE2\x9C\x93") {
      item.highlight = true;
      return;
    }
    error(row, map_.first(Column::highlight),
          "highlight is yes or no, not \"" + excerpt(cell(row, Column::highlight), 20) + "\"",
          "write yes (or true, x) to highlight the item; leave the cell empty otherwise");
  }

  void read_milestones(const CsvRow& row, Item& item, ItemOrigin& origin) {
    const auto& dates = map_.of(Column::date);
    const auto& labels = map_.of(Column::label);
    for (size_t k = 0; k < std::min(dates.size(), labels.size()); ++k) {
      const std::string date_text = cell(row, dates[k]);
      const std::string label = cell(row, labels[k]);
      if (date_text.empty() && label.empty()) continue;
      if (date_text.empty()) {
        error(row, dates[k], "the milestone \"" + excerpt(label, 30) + "\" has no date",
              "give its date, or clear the label");
        continue;
      }
      if (label.empty()) {
        error(row, labels[k], "the date " + excerpt(date_text, 20) + " has no label",
              "say what happened then: adopted, published, revised, ...");
        continue;
      }
      const SpreadsheetDate date = read_spreadsheet_date(date_text, options_.date_order);
      if (!date.date) {
        error(row, dates[k], date.error, date.hint);
        continue;
      }
      Milestone milestone;
      milestone.label = label;
      milestone.date = *date.date;
      milestone.source_url = cell(row, paired(Column::date_source, k));
      item.milestones.push_back(std::move(milestone));
      origin.milestone_date_columns.push_back(dates[k]);
      origin.milestone_label_columns.push_back(labels[k]);
    }
  }

  void finish_sections() {
    for (size_t s = 0; s < dataset_.sections.size(); ++s) {
      const Section& section = dataset_.sections[s];
      const SourceRange where{section_origins_[s].row, section_origins_[s].column};
      if (section.title.empty()) {
        result_.diagnostics.error(source_, where, "section " + section.id + " has no title",
                                  "add a \"Section title\" column, or a row with the section and "
                                  "its title but no item title");
      }
      const std::string parent = section.parent_id();
      if (!parent.empty() && !section_index_.count(parent)) {
        result_.diagnostics.error(
            source_, where,
            "section " + section.id + " is in section " + parent + ", which has no row",
            "add a row with Section " + parent + " and its Section title (and no item Title)");
      }
    }
    // Document order: 1, 1.1, 1.2, …, 2 (the loader wants parents first).
    std::vector<size_t> order(dataset_.sections.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return is_section_number(dataset_.sections[a].id) &&
             is_section_number(dataset_.sections[b].id) &&
             section_before(dataset_.sections[a].id, dataset_.sections[b].id);
    });
    std::vector<Section> sections;
    std::vector<SectionOrigin> origins;
    for (size_t i : order) {
      sections.push_back(dataset_.sections[i]);
      origins.push_back(section_origins_[i]);
    }
    dataset_.sections = std::move(sections);
    section_origins_ = std::move(origins);
  }

  // The spreadsheet cell a line of the written dataset came from.
  SourceRange cell_of(const WrittenLine& line) const {
    if (line.section >= 0)
      return {section_origins_[static_cast<size_t>(line.section)].row,
              section_origins_[static_cast<size_t>(line.section)].column};
    if (line.item < 0) return {};
    const ItemOrigin& origin = item_origins_[static_cast<size_t>(line.item)];
    auto pick = [&](const std::vector<int>& columns) {
      const auto index = static_cast<size_t>(line.index);
      return index < columns.size() ? columns[index] : -1;
    };
    int column = -1;
    if (line.field == "date")
      column = pick(origin.milestone_date_columns);
    else if (line.field == "label")
      column = pick(origin.milestone_label_columns);
    else if (line.field == "url")
      column = pick(origin.link_columns);
    else if (line.field == "note")
      column = pick(origin.note_columns);
    else if (line.field == "id")
      column = map_.first(Column::id) >= 0 ? map_.first(Column::id) : map_.first(Column::title);
    else if (line.field == "section")
      column = map_.first(Column::section);
    else if (line.field == "title")
      column = map_.first(Column::title);
    else if (line.field == "short_title")
      column = map_.first(Column::short_title);
    else if (line.field == "kind")
      column = map_.first(Column::kind);
    else if (line.field == "issuers")
      column = map_.first(Column::issuers);
    else if (line.field == "summary")
      column = map_.first(Column::summary);
    else if (line.field == "tags")
      column = map_.first(Column::tags);
    else if (line.field == "highlight")
      column = map_.first(Column::highlight);
    else if (line.field == "colour")
      column = map_.first(Column::colour);
    return {origin.row, std::max(column, 0) + 1};
  }

  // Loads the written dataset with the one loader `check` uses; its findings
  // are pointed back at the spreadsheet's cells.
  void check_written() {
    dataset_.title = options_.title;
    dataset_.publisher = options_.publisher;
    dataset_.published = options_.published;
    dataset_.language = options_.language;
    dataset_.source = options_.source;
    const WrittenDataset written =
        write_dataset(dataset_,
                      "Imported from " + std::filesystem::path(source_->name).filename().string() +
                          " by `briefing import`.",
                      short_titles_, colours_);
    const DatasetLoad load = load_dataset_text(written.text, source_->name + " (imported)");
    // A row the import already found wrong is not reported twice.
    std::set<int> rows_with_errors;
    for (const Diagnostic& d : result_.diagnostics.all()) rows_with_errors.insert(d.range.line);
    for (const Diagnostic& found : load.diagnostics.all()) {
      Diagnostic moved = found;
      moved.source = source_;
      const int line = found.range.line;
      moved.range = line > 0 && static_cast<size_t>(line) <= written.lines.size()
                        ? cell_of(written.lines[static_cast<size_t>(line) - 1])
                        : SourceRange{};
      if (rows_with_errors.count(moved.range.line)) continue;
      if (!moved.range.known()) {
        moved.hints.push_back(
            "the dataset's details come from --title, --publisher, --published "
            "and --language");
      }
      result_.diagnostics.add(std::move(moved));
    }
    result_.diagnostics.sort_by_position();
    if (result_.diagnostics.has_errors()) return;
    result_.toml = written.text;
    result_.sections = dataset_.sections.size();
    result_.items = dataset_.items.size();
  }

  SourceRef source_;
  const ImportOptions& options_;
  ImportResult result_;
  ColumnMap map_;
  Dataset dataset_;
  std::map<std::string, size_t> section_index_;
  std::vector<SectionOrigin> section_origins_;
  std::vector<ItemOrigin> item_origins_;
  std::set<std::string> generated_ids_;
  std::map<std::string, std::string> short_titles_;
  std::map<std::string, std::string> colours_;  // item id → the Colour cell, as written
};

}  // namespace

ImportResult import_spreadsheet(std::string_view text, const std::string& file_name,
                                const ImportOptions& options) {
  return Importer(file_name, options).run(text);
}

}  // namespace briefing
