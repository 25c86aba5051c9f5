#include "layout/layout_dump.h"

#include <cstdio>

namespace briefing {
namespace {

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

}  // namespace

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

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
