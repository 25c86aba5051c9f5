// --layout-dump: every tagged item of the display list that is painted, with
// its box, as JSON, so that tools other than ours can check placement.
#pragma once

#include <string>
#include <vector>

#include "layout/display_list.h"

namespace briefing {

/// One listed element: an item of the display list with a Tag. `kind`
/// names what it is ("label", "marker", "tick-label", "lane-title",
/// "legend", "title", "heading", "line", "footnote", "toc-entry", ...).
/// `box` is in points, y down, page-relative: where its ink can be.
struct PlacedElement {
  std::string kind;
  std::string item_id;  // empty when the element belongs to no item
  std::string text;     // empty for shapes
  Rect box;
  int page = 1;     // 1-based
  double size = 0;  // font size in points for text (a group: its first text's); 0 for shapes
};

struct LayoutDump {
  std::string source;                                 // e.g. "timeline" or "report"
  std::vector<std::pair<double, double>> page_sizes;  // points, one per page
  std::vector<PlacedElement> elements;                // in paint order
};

/// The dump of `document`: every tagged item of every page, in paint order;
/// a per-line text as one element per line.
LayoutDump layout_dump(const Document& document, const std::string& source);

/// The elements of one page's items, numbered `page`.
std::vector<PlacedElement> placed_elements(const std::vector<DisplayItem>& items, int page = 1);

/// {"source": ..., "units": "pt", "pages": [{"number", "width", "height",
///   "elements": [{"kind", "item", "text", "x", "y", "width", "height", "size"}]}]}
std::string to_json(const LayoutDump& dump);

}  // namespace briefing
