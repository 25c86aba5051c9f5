// The display list: pages of positioned items that layout produces and paint
// draws — the only record of what was laid out. Items carry a Tag saying what
// they stand for (a label, a marker, a heading line); the layout dump is made
// from it (layout_dump.h), so what tools check is what is painted. Groups hold
// items under a translation, as Typst's frames do.
// Coordinates are points (1/72 in), origin at the page's top left, y down.
#pragma once

#include <ctime>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/color.h"
#include "base/geometry.h"
#include "base/image.h"
#include "text/text_block.h"

namespace briefing {

/// What an item stands for. Items with a kind are listed by the layout dump
/// (and will carry PDF structure); an empty kind lists nothing.
struct Tag {
  std::string kind;     // "label", "marker", "tick-label", "heading", "line", ...
  std::string item_id;  // the dataset item or anchor it belongs to; may be empty
  std::string text;     // what it says; for a TextShape, empty means its block's text
  /// Its PDF structure role when the kind does not tell it (paint/pdf_roles.h):
  /// a standard structure type ("H2", "Lbl", "TR") or "Artifact" for what
  /// repeats or decorates (a table header row repeated on a later page).
  std::string structure;
  std::string alt;  // a Figure's alternative text; empty for none
};

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
  Tag tag;
};

/// An open or closed polyline: axis lines, leaders, brackets, diamonds.
struct PathShape {
  std::vector<Point> points;
  bool closed = false;
  bool filled = false;
  Color fill;
  bool stroked = true;
  Stroke stroke;
  Tag tag;
};

struct CircleShape {
  Point center;
  double radius = 2;
  bool filled = true;
  Color fill;
  bool stroked = false;
  Stroke stroke;
  Tag tag;
};

/// A measured text block drawn with its top left at `origin`.
struct TextShape {
  Point origin;
  TextBlockPtr block;
  Color color;
  Tag tag;
  bool per_line = false;  // the dump lists each line (a paragraph's lines) as its own element
};

/// An image (a logo) scaled into `rect`; the layout keeps its aspect ratio.
struct ImageShape {
  Rect rect;
  ImagePtr image;
  Tag tag;
};

/// A clickable area: an external URI or an internal named destination.
/// One rectangle per line for wrapped link text.
struct LinkArea {
  std::vector<Rect> rects;
  std::string uri;          // http, https or mailto; empty for internal links
  std::string destination;  // named destination; empty for external links
  Tag tag;
};

/// A named destination that links and outline entries jump to.
struct Destination {
  std::string name;
  Point at;
};

struct Group;

using DisplayItem = std::variant<RectShape, PathShape, CircleShape, TextShape, ImageShape, LinkArea,
                                 Destination, Group>;

/// Items drawn together under a translation: a label (its title, dates and
/// link), a mark, a heading, the report's timeline figure.
struct Group {
  Point offset;                    // added to every item's coordinates, points
  std::vector<DisplayItem> items;  // in the group's own coordinates
  Tag tag;
  /// The area the group stands for when that is not its items' bounds (a
  /// lane band, shaded or not), in the group's own coordinates.
  std::optional<Rect> area;
};

/// Moves an item by (dx, dy): a group by its offset.
void translate(DisplayItem& item, double dx, double dy);

/// Where an item's ink can be, in the coordinates it stands in: strokes
/// included, a text's logical box, a group's area or its items' union.
/// Nullopt for what draws nothing (destinations, empty groups).
std::optional<Rect> bounds_of(const DisplayItem& item);

/// The item's tag; null for a destination, which has none.
const Tag* tag_of(const DisplayItem& item);

/// Calls `visit(item, offset)` for every item, depth first, groups included
/// before their items; `offset` is where the item's own coordinates start.
void for_each_item(const std::vector<DisplayItem>& items,
                   const std::function<void(const DisplayItem&, Point offset)>& visit,
                   Point offset = {});

/// The items with every group dissolved: its items moved by its offset, in
/// paint order. For checks and writers that need no grouping.
std::vector<DisplayItem> flattened(const std::vector<DisplayItem>& items);

struct Page {
  double width = 0, height = 0;  // points
  std::string label;             // PDF page label ("i", "3"); empty for none
  std::vector<DisplayItem> items;
  /// When not empty the page is one figure (a timeline slide) and this is
  /// its alternative text in the PDF's structure.
  std::string figure_alt;
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
  std::string language;     // BCP 47, the words' language: the SVG <desc> is written in it
};

struct Document {
  DocumentInfo info;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  bool has_background = false;
  Color background;  // painted under every page when has_background
};

}  // namespace briefing
