// The dataset: sections and items of a fact sheet, as plain data. No I/O.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "base/source.h"
#include "model/partial_date.h"

namespace briefing {

// Every text a reader is shown keeps where it was written (`*_at`), so that
// a problem with that one string (text no font can draw) points at it. The
// ranges are unknown (line 0) for data made in code.

struct Milestone {
  std::string label;  // "adopted", "revised", "in operation", ...
  PartialDate date;
  std::string source_url;  // required by the loader for a date the source document lacks
  SourceRange position;    // of its date
  SourceRange label_at;
};

/// A footnote that is a link to a source.
struct Link {
  std::string url;            // as written in the dataset: what a reader is shown
  std::string href;           // normalised and percent-encoded (base/url.h): what links point to
  std::string language_note;  // e.g. "Japanese only"; empty when none
  int footnote = 0;           // the source document's footnote number; 0 if none
  SourceRange language_at;
};

/// A footnote that is text, not a link.
struct Note {
  std::string text;
  int footnote = 0;
  SourceRange text_at;
};

struct Item {
  std::string id;       // stable, unique: lowercase letters, digits and '-'
  std::string section;  // id of its section, e.g. "1.3.2"
  std::string title;
  std::string short_title;  // for charts when the title does not fit; may be empty
  std::string kind;         // principle, strategy, agreement, report, law, guideline, ...
  std::vector<std::string> issuers;
  std::vector<Milestone> milestones;  // chronological; empty when undated
  std::string summary;
  std::vector<Link> links;
  std::vector<Note> notes;
  std::vector<std::string> tags;
  bool highlight = false;
  SourceRange position;  // of its [[item]] header
  SourceRange title_at, kind_at, summary_at;
  std::vector<SourceRange> issuers_at;  // one per issuer

  bool is_dated() const { return !milestones.empty(); }
  /// The first link's target (its href), or empty.
  const std::string& primary_href() const;
};

struct Section {
  std::string id;  // dotted number: "1", "1.3", "1.3.2"
  std::string title;
  std::string intro;
  SourceRange position;  // of its [[section]] header
  SourceRange title_at, intro_at;

  /// 1 for "1", 2 for "1.3", 3 for "1.3.2".
  int depth() const;
  /// "1.3" for "1.3.2"; empty for a top-level section.
  std::string parent_id() const;
};

struct Dataset {
  std::string title;
  std::string publisher;
  PartialDate published;
  std::string language;
  std::string source;
  std::vector<Section> sections;  // document order
  std::vector<Item> items;        // document order
  SourceRange title_at, publisher_at;
  /// The file it was read from (null for data made in code): diagnostics
  /// about its items point into it.
  SourceRef file;

  const Section* find_section(const std::string& id) const;
  const Item* find_item(const std::string& id) const;
  size_t milestone_count() const;
  size_t link_count() const;
  size_t note_count() const;
};

/// The publication date's first day at 00:00 UTC, in seconds since 1970:
/// the creation date that outputs record.
std::time_t publication_time(const Dataset& dataset);

}  // namespace briefing
