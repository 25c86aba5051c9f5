// The PDF structure role of a display item: what a screen reader is told it
// is. Layout names what items stand for (Tag::kind, for the layout dump);
// this maps those names onto the standard structure types of PDF 1.7
// (ISO 32000-1, 14.8.4), so that layout code only sets Tag::structure where
// the kind does not tell (a heading's level, a repeated table header).
#pragma once

#include <string>
#include <vector>

#include "layout/display_list.h"

namespace briefing {

/// Where an item goes in the structure tree: the grouping elements it sits in
/// below the current section ("Table", "TBody") and its own element ("TR").
/// An empty `element` means no element of its own: the item is painted
/// within whatever is open (inside a paragraph it is part of it; between
/// elements it becomes an artifact).
struct StructureRole {
  std::vector<std::string> containers;
  std::string element;           // "P", "H2", "Figure", "Link", "Artifact", ...
  std::string artifact_subtype;  // for "Artifact": "Header", "Footer" or empty
  int heading_level() const;     // 1-6 for "H1".."H6", 0 otherwise
};

/// The role of an item tagged `tag`: Tag::structure when set ("Table/TBody/TR"
/// names containers and element), else by its kind; `is_link` for a LinkArea.
StructureRole structure_role(const Tag& tag, bool is_link = false);

/// Structure types that only group other elements: the marked content cairo
/// writes directly inside them is not theirs (it is decoration between
/// their children) and becomes an artifact.
bool is_grouping_element(const std::string& type);

}  // namespace briefing
