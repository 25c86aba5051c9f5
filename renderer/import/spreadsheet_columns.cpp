#include "import/spreadsheet_columns.h"

#include <cctype>

#include "base/suggest.h"
#include "base/terminal_text.h"
#include "base/utf8.h"

namespace briefing {
namespace {

/// "Short_Title" → "short title"; "Date (2)" → "date 2".
std::string normalise(const std::string& header) {
  std::string out;
  for (char c : header) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else if ((c == ' ' || c == '_' || c == '-' || c == '(' || c == '.') && !out.empty() &&
               out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

/// "date 2" → {"date", true}; "date" → {"date", false}.
std::pair<std::string, bool> without_number(const std::string& name) {
  size_t end = name.size();
  while (end > 0 && std::isdigit(static_cast<unsigned char>(name[end - 1]))) --end;
  if (end == name.size() || end == 0) return {name, false};
  std::string base = name.substr(0, end);
  while (!base.empty() && base.back() == ' ') base.pop_back();
  return {base, true};
}

}  // namespace

const std::vector<ColumnName>& column_names() {
  static const std::vector<ColumnName> kNames = {
      {Column::section, "Section", false, {"section id", "section number", "chapter"}},
      {Column::section_title, "Section title", false, {"section name", "section heading"}},
      {Column::id, "ID", false, {"item id", "identifier"}},
      {Column::title, "Title", false, {"name", "item", "item title", "document"}},
      {Column::short_title, "Short title", false, {"shorttitle", "short name", "abbreviation"}},
      {Column::kind, "Kind", false, {"type", "category"}},
      {Column::issuers,
       "Issuers",
       false,
       {"issuer", "issued by", "publisher", "organisation", "organization"}},
      {Column::date, "Date", true, {"milestone date", "when"}},
      {Column::label, "Label", true, {"milestone", "milestone label", "event", "status"}},
      {Column::date_source, "Date source", true, {"milestone source", "date source url"}},
      {Column::url, "URL", true, {"link", "links", "source url", "urls"}},
      {Column::url_language, "URL language", true, {"link language"}},
      {Column::url_footnote, "URL footnote", true, {"link footnote"}},
      {Column::note, "Note", true, {"notes", "footnote"}},
      {Column::note_footnote, "Note footnote", true, {}},
      {Column::summary, "Summary", false, {"description", "abstract"}},
      {Column::tags, "Tags", false, {"tag", "keywords"}},
      {Column::highlight, "Highlight", false, {"highlighted", "key", "headline"}},
      {Column::colour, "Colour", false, {"color", "item colour", "item color"}},
  };
  return kNames;
}

ColumnMap map_columns(const std::vector<std::string>& header, const SourceRef& source,
                      Diagnostics& diagnostics) {
  ColumnMap map;
  std::vector<std::string> known;
  for (const ColumnName& name : column_names()) known.push_back(normalise(name.name));
  for (size_t i = 0; i < header.size(); ++i) {
    const SourceRange at{1, static_cast<int>(i) + 1};
    const std::string name = normalise(header[i]);
    if (name.empty()) {
      diagnostics.error(source, at, "column " + std::to_string(i + 1) + " has no header",
                        "name it (one of: Section, Title, Kind, Issuers, Date, Label, URL, "
                        "Summary, Tags, Highlight, ...) or delete it");
      continue;
    }
    const auto [base, numbered] = without_number(name);
    const ColumnName* found = nullptr;
    for (const ColumnName& candidate : column_names()) {
      auto matches = [&](const std::string& text) {
        if (text == normalise(candidate.name)) return true;
        for (const char* alias : candidate.aliases) {
          if (text == alias) return true;
        }
        return false;
      };
      if (matches(name) || (candidate.repeats && numbered && matches(base))) {
        found = &candidate;
        break;
      }
    }
    if (!found) {
      const std::string close = closest_match(name, known);
      diagnostics.error(source, at, "unknown column \"" + excerpt(header[i], 40) + "\"",
                        close.empty() ? "the columns are listed in README.md, \"Import and export\""
                                      : "did you mean \"" + close + "\"?");
      continue;
    }
    auto& indices = map.at[static_cast<int>(found->column)];
    if (!indices.empty() && !found->repeats) {
      diagnostics.error(source, at,
                        "a second \"" + std::string(found->name) + "\" column (column " +
                            std::to_string(indices.front() + 1) + " is one already)",
                        "keep one of them");
      continue;
    }
    indices.push_back(static_cast<int>(i));
  }
  if (map.of(Column::title).empty()) {
    diagnostics.error(source, {1, 1}, "there is no \"Title\" column",
                      "the header row names the columns: Section, Title, Kind, Date, Label, ...");
  }
  const size_t dates = map.of(Column::date).size(), labels = map.of(Column::label).size();
  if (dates != labels) {
    const bool more_dates = dates > labels;
    const int column =
        (more_dates ? map.of(Column::date) : map.of(Column::label))[more_dates ? labels : dates] +
        1;
    diagnostics.error(source, {1, column},
                      std::to_string(dates) + " date column(s) but " + std::to_string(labels) +
                          " label column(s)",
                      "each milestone is a Date and a Label column, in that order (Date 2, Label 2 "
                      "for a second)");
  }
  return map;
}

}  // namespace briefing
