// A dataset as TOML text in the documented format (data/README.md), keys in
// the order the fact sheet uses, every string escaped as a TOML basic string.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/dataset.h"

namespace briefing {

/// What one written line holds, so that a problem the loader finds in the
/// written text can be pointed back at the spreadsheet cell it came from.
struct WrittenLine {
  int section = -1;   // index into Dataset::sections, or -1
  int item = -1;      // index into Dataset::items, or -1
  std::string field;  // "title", "kind", "date", "label", "url", "note", ...; "" for headers
  int index = 0;      // which milestone, link or note
};

struct WrittenDataset {
  std::string text;
  std::vector<WrittenLine> lines;  // lines[n - 1] describes line n
};

/// `short_titles`: item id → short title, for the items that have one.
/// `colours`: item id → the colour as the spreadsheet wrote it, unchecked (the
/// loader checks it, so a bad one is reported at its cell); an item not in it
/// keeps its own `colour`, if any.
WrittenDataset write_dataset(const Dataset& dataset, const std::string& header_comment = {},
                             const std::map<std::string, std::string>& short_titles = {},
                             const std::map<std::string, std::string>& colours = {});

/// `text` as a TOML basic string: "…" with \", \\ and control characters escaped.
std::string toml_string(const std::string& text);

}  // namespace briefing
