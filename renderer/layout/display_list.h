// The display list: pages of positioned items that layout produces and paint draws.
// Coordinates are points (1/72 in), origin at the page's top left, y down.
#pragma once

#include <ctime>
#include <string>
#include <variant>
#include <vector>

#include "base/color.h"
#include "base/geometry.h"
#include "text/text_block.h"

namespace briefing {

struct Stroke {
  Color color;
  double width = 1;            // points
  std::vector<double> dashes;  // points; empty for a solid line
};

/// A filled and/or stroked rectangle, optionally with rounded corners.
struct RectShape {
  Rect rect;
  bool filled = true;
  Color fill;
  bool stroked = false;
  Stroke stroke;
  double corner_radius = 0;
};

/// An open or closed polyline: axis lines, leaders, brackets, diamonds.
struct PathShape {
  std::vector<Point> points;
  bool closed = false;
  bool filled = false;
  Color fill;
  bool stroked = true;
  Stroke stroke;
};

struct CircleShape {
  Point center;
  double radius = 2;
  bool filled = true;
  Color fill;
  bool stroked = false;
  Stroke stroke;
};

/// A measured text block drawn with its top left at `origin`.
struct TextShape {
  Point origin;
  TextBlockPtr block;
  Color color;
};

/// A clickable area: an external URI or an internal named destination.
/// One rectangle per line for wrapped link text.
struct LinkArea {
  std::vector<Rect> rects;
  std::string uri;          // http, https or mailto; empty for internal links
  std::string destination;  // named destination; empty for external links
};

/// A named destination that links and outline entries jump to.
struct Destination {
  std::string name;
  Point at;
};

using DisplayItem = std::variant<RectShape, PathShape, CircleShape, TextShape, LinkArea, Destination>;

struct Page {
  double width = 0, height = 0;  // points
  std::string label;             // PDF page label ("i", "3"); empty for none
  std::vector<DisplayItem> items;
};

/// A bookmark: its level (1 = top), title and the named destination it opens.
struct OutlineEntry {
  int level = 1;
  std::string title;
  std::string destination;
};

struct DocumentInfo {
  std::string title, author, subject, keywords, creator;
  std::time_t created = 0;  // UTC seconds; also the modification date; $SOURCE_DATE_EPOCH wins
};

struct Document {
  DocumentInfo info;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  bool has_background = false;
  Color background;  // painted under every page when has_background
};

}  // namespace briefing
