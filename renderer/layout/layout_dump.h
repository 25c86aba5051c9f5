// --layout-dump: every placed element with its box, as JSON, so that tools
// other than ours can check placement.
#pragma once

#include <string>
#include <vector>

#include "layout/display_list.h"

namespace briefing {

/// One placed element. `kind` names what it is ("label", "marker", "leader",
/// "tick-label", "lane-title", "legend", "title", "heading", "line",
/// "footnote", "toc-entry", ...). `box` is in points, y down, page-relative.
struct PlacedElement {
  std::string kind;
  std::string item_id;  // empty when the element belongs to no item
  std::string text;     // empty for shapes
  Rect box;
  int page = 1;         // 1-based
};

struct LayoutDump {
  std::string source;  // e.g. "timeline" or "report"
  std::vector<std::pair<double, double>> page_sizes;  // points, one per page
  std::vector<PlacedElement> elements;
};

/// {"source": ..., "units": "pt", "pages": [{"number", "width", "height",
///   "elements": [{"kind", "item", "text", "x", "y", "width", "height"}]}]}
std::string to_json(const LayoutDump& dump);


}  // namespace briefing
