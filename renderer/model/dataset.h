// The dataset: sections and items of a fact sheet, as plain data. No I/O.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/color.h"
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
  /// Its own colour on timelines (`colour = "#rrggbb"`), over its lane's.
  std::optional<Color> colour;
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

/// Which words a dataset may use. Kinds are a closed vocabulary: the
/// built-in ones (built_in_kinds()) and those the dataset declares in its
/// `[vocabulary]` table. Milestone labels are open text in the author's case
/// unless the dataset declares `labels`, which then closes them. Tags are
/// open (lowercase, no duplicates).
struct Vocabulary {
  std::vector<std::string> kinds;   // declared in addition to the built-in kinds
  std::vector<std::string> labels;  // empty: any label
};

/// principle, strategy, agreement, report, law, guideline, guidebook,
/// organisation, plan, study: the kinds every dataset may use.
const std::vector<std::string>& built_in_kinds();

/// Positions by id, built lazily by Dataset's lookups so that they cost
/// O(1) instead of a scan (the loader's duplicate-id test looks up every
/// item: quadratic without it). Appended elements are indexed on the next
/// lookup; a hit whose element no longer has that id rebuilds the index. A
/// copy starts empty, so a copied dataset may be edited freely; an id
/// changed in place after a lookup is found once the index is rebuilt.
class IdIndex {
 public:
  IdIndex() = default;
  IdIndex(const IdIndex&) {}
  IdIndex& operator=(const IdIndex&) {
    clear();
    return *this;
  }
  IdIndex(IdIndex&&) noexcept {}
  IdIndex& operator=(IdIndex&&) noexcept {
    clear();
    return *this;
  }

  /// The element of `elements` with `id`, or null.
  template <class T>
  const T* find(const std::vector<T>& elements, const std::string& id) const {
    if (indexed_ > elements.size()) clear();
    for (int attempt = 0; attempt < 2; ++attempt) {
      for (; indexed_ < elements.size(); ++indexed_) {
        positions_.emplace(elements[indexed_].id, indexed_);  // the first of equal ids wins
      }
      const auto it = positions_.find(id);
      if (it == positions_.end()) return nullptr;
      if (it->second < elements.size() && elements[it->second].id == id) {
        return &elements[it->second];
      }
      clear();  // edited since it was built
    }
    return nullptr;
  }

 private:
  void clear() const {
    positions_.clear();
    indexed_ = 0;
  }
  mutable std::unordered_map<std::string, size_t> positions_;
  mutable size_t indexed_ = 0;
};

struct Dataset {
  std::string title;
  std::string publisher;
  PartialDate published;
  std::string language;
  std::string source;
  std::vector<Section> sections;  // document order
  std::vector<Item> items;        // document order
  Vocabulary vocabulary;
  SourceRange title_at, publisher_at;
  /// The file it was read from (null for data made in code): diagnostics
  /// about its items point into it.
  SourceRef file;

  /// O(1) after the first call (IdIndex); the first with an id when several share it.
  const Section* find_section(const std::string& id) const;
  const Item* find_item(const std::string& id) const;
  size_t milestone_count() const;
  size_t link_count() const;
  size_t note_count() const;
  /// The built-in kinds, then the declared ones.
  std::vector<std::string> kinds() const;

 private:
  IdIndex section_index_, item_index_;
};

/// The publication date's first day at 00:00 UTC, in seconds since 1970:
/// the creation date that outputs record.
std::time_t publication_time(const Dataset& dataset);

}  // namespace briefing
