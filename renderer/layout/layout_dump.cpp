#include "layout/layout_dump.h"

#include "base/json.h"
#include "text/rich_paragraph.h"

namespace briefing {
namespace {

std::string number(double value) { return json_number(value); }

Rect moved(Rect r, Point by) { return {r.x + by.x, r.y + by.y, r.width, r.height}; }

// The size of the first text in `items`, depth first; 0 when there is none.
double first_text_size(const std::vector<DisplayItem>& items) {
  double size = 0;
  for_each_item(items, [&](const DisplayItem& item, Point) {
    if (size > 0) return;
    if (const auto* text = std::get_if<TextShape>(&item); text && text->block) {
      size = text->block->style().size;
    }
  });
  return size;
}

// A line of a paragraph as a reader sees it: no soft hyphens, zero-width
// spaces or direction marks, no trailing space.
std::string shown_line(const TextBlock& block, std::pair<size_t, size_t> range) {
  std::string text =
      visible_text(std::string_view(block.text()).substr(range.first, range.second - range.first));
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  return text;
}

}  // namespace

std::vector<PlacedElement> placed_elements(const std::vector<DisplayItem>& items, int page) {
  std::vector<PlacedElement> elements;
  for_each_item(items, [&](const DisplayItem& item, Point offset) {
    const Tag* tag = tag_of(item);
    if (!tag || tag->kind.empty()) return;
    const auto* text = std::get_if<TextShape>(&item);
    if (text && text->block && text->per_line) {
      const Point origin{text->origin.x + offset.x, text->origin.y + offset.y};
      for (const TextLine& line : text->block->visible_lines()) {
        const Rect box{origin.x + line.left, origin.y + line.top, line.width, line.height};
        elements.push_back({tag->kind, tag->item_id,
                            shown_line(*text->block, {line.start, line.end}), box, page,
                            text->block->style().size});
      }
      return;
    }
    const auto box = bounds_of(item);
    if (!box) return;
    PlacedElement element{tag->kind, tag->item_id, tag->text, moved(*box, offset), page, 0};
    if (text && text->block) {
      if (element.text.empty()) element.text = visible_text(text->block->text());
      element.size = text->block->style().size;
    } else if (const auto* group = std::get_if<Group>(&item)) {
      element.size = first_text_size(group->items);
    }
    elements.push_back(std::move(element));
  });
  return elements;
}

LayoutDump layout_dump(const Document& document, const std::string& source) {
  LayoutDump dump;
  dump.source = source;
  for (size_t p = 0; p < document.pages.size(); ++p) {
    const Page& page = document.pages[p];
    dump.page_sizes.emplace_back(page.width, page.height);
    for (auto& element : placed_elements(page.items, static_cast<int>(p + 1))) {
      dump.elements.push_back(std::move(element));
    }
  }
  return dump;
}

std::string to_json(const LayoutDump& dump) {
  std::string out = "{\n  \"source\": " + json_string(dump.source) + ",\n  \"units\": \"pt\",\n";
  out += "  \"pages\": [";
  for (size_t p = 0; p < dump.page_sizes.size(); ++p) {
    out += p ? ",\n    {" : "\n    {";
    out += "\"number\": " + std::to_string(p + 1) +
           ", \"width\": " + number(dump.page_sizes[p].first) +
           ", \"height\": " + number(dump.page_sizes[p].second) + ", \"elements\": [";
    bool first = true;
    for (const PlacedElement& e : dump.elements) {
      if (e.page != static_cast<int>(p + 1)) continue;
      out += first ? "\n      " : ",\n      ";
      first = false;
      out += "{\"kind\": " + json_string(e.kind) +
             ", \"item\": " + (e.item_id.empty() ? std::string("null") : json_string(e.item_id)) +
             ", \"text\": " + json_string(e.text) + ", \"x\": " + number(e.box.x) +
             ", \"y\": " + number(e.box.y) + ", \"width\": " + number(e.box.width) +
             ", \"height\": " + number(e.box.height) +
             ", \"size\": " + (e.size > 0 ? number(e.size) : std::string("null")) + "}";
    }
    out += first ? "]}" : "\n    ]}";
  }
  out += "\n  ]\n}\n";
  return out;
}

}  // namespace briefing
