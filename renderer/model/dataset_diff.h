// What changed between two versions of a dataset, item by item and field by
// field. Pure: no I/O. Used by `briefing diff`, the report's "Changes since"
// page (--compare-with) and the timeline's new/changed marks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/dataset.h"

namespace briefing {

/// One field of an item (or of [dataset]) that differs. For a list field
/// (milestones, links, notes), one entry per element added, removed or changed:
/// `before` is empty for an added element and `after` for a removed one.
struct FieldChange {
  std::string field;   // "title", "kind", "section", "issuers", "summary", "date",
                       // "milestone", "link", "note", "tags", "highlight",
                       // "colour" (as "#rrggbb"),
                       // "publisher", "published", "language", "source"
  std::string detail;  // which element: the milestone label for "date"/"milestone",
                       // the URL for "link", the footnote number for "note"; else empty
  std::string before;  // human-readable: dates as "22 May 2019", lists joined by "; "
  std::string after;
  /// The dates behind `before` and `after` for "date", "milestone" and
  /// "published", so that a report can write them in its own language.
  std::optional<PartialDate> before_date, after_date;

  /// One line, in English (for `briefing diff`; the report words its own): `date (adopted): May
  /// 2019 → June 2019`, `link added: https://…`.
  std::string describe() const;
};

struct ItemChange {
  std::string id;
  std::string title;                // the new title
  std::string section;              // the new section id
  std::vector<FieldChange> fields;  // in a fixed order: title, kind, section, issuers, dates, ...
};

struct DatasetDiff {
  std::vector<Item> added;            // in the new dataset's order
  std::vector<Item> removed;          // in the old dataset's order
  std::vector<ItemChange> changed;    // in the new dataset's order
  std::vector<FieldChange> metadata;  // [dataset] fields that changed

  bool empty() const {
    return added.empty() && removed.empty() && changed.empty() && metadata.empty();
  }
  bool is_added(const std::string& item_id) const;
  bool is_changed(const std::string& item_id) const;
  /// The change record for an item, or nullptr when it did not change.
  const ItemChange* find_change(const std::string& item_id) const;
};

/// Items are matched by id. Milestones are matched by label (the n-th
/// milestone with a label matches the n-th with the same label), links by URL,
/// notes by footnote number (or position when they have none).
DatasetDiff compare_datasets(const Dataset& before, const Dataset& after);

/// The whole comparison as plain text, one line per field change, e.g.
///   Added (1)
///     + new-law  "Act on …"  (law, enacted May 2025)
///   Changed (1)
///     ~ oecd-ai-principles  "OECD AI Principles"
///         date (revised): May 2024 → June 2024
/// ends with a summary line "1 added, 0 removed, 1 changed".
std::string format_diff(const DatasetDiff& diff);

/// "1 added, 0 removed, 1 changed" (plus ", dataset details changed" when so).
std::string diff_summary(const DatasetDiff& diff);

/// "adopted May 2019; revised May 2024", or "undated".
std::string describe_milestones(const Item& item);

}  // namespace briefing
