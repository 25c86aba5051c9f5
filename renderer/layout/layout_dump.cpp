#include "layout/layout_dump.h"

#include "base/json.h"

namespace briefing {
namespace {

std::string number(double value) { return json_number(value); }

}  // namespace

std::string to_json(const LayoutDump& dump) {
  std::string out = "{\n  \"source\": " + json_string(dump.source) + ",\n  \"units\": \"pt\",\n";
  out += "  \"pages\": [";
  for (size_t p = 0; p < dump.page_sizes.size(); ++p) {
    out += p ? ",\n    {" : "\n    {";
    out += "\"number\": " + std::to_string(p + 1) + ", \"width\": " +
           number(dump.page_sizes[p].first) + ", \"height\": " +
           number(dump.page_sizes[p].second) + ", \"elements\": [";
    bool first = true;
    for (const PlacedElement& e : dump.elements) {
      if (e.page != static_cast<int>(p + 1)) continue;
      out += first ? "\n      " : ",\n      ";
      first = false;
      out += "{\"kind\": " + json_string(e.kind) + ", \"item\": " +
             (e.item_id.empty() ? std::string("null") : json_string(e.item_id)) +
             ", \"text\": " + json_string(e.text) + ", \"x\": " + number(e.box.x) +
             ", \"y\": " + number(e.box.y) + ", \"width\": " + number(e.box.width) +
             ", \"height\": " + number(e.box.height) + "}";
    }
    out += first ? "]}" : "\n    ]}";
  }
  out += "\n  ]\n}\n";
  return out;
}

}  // namespace briefing
