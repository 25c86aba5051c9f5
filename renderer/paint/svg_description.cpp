#include "paint/svg_description.h"

#include <regex>
#include <set>

namespace briefing {
namespace {

std::string plural(size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string svg_description(const DocumentInfo& info, const Page& page) {
  std::set<std::string> labelled_items;
  std::vector<std::string> lanes;
  std::string first, last;  // ISO dates of the marks
  size_t links = 0;
  static const std::regex kIsoDate(R"(^(\d{4}(-\d{2}(-\d{2})?)?)\b)");
  for_each_item(page.items, [&](const DisplayItem& item, Point) {
    if (const auto* group = std::get_if<Group>(&item)) {
      if (group->tag.kind == "label") labelled_items.insert(group->tag.item_id);
      if (group->tag.kind == "lane" && !group->tag.text.empty()) lanes.push_back(group->tag.text);
    } else if (const auto* link = std::get_if<LinkArea>(&item)) {
      if (!link->uri.empty()) ++links;
    }
    const Tag* tag = std::visit(
        [](const auto& shape) -> const Tag* {
          if constexpr (requires { shape.tag; })
            return &shape.tag;
          else
            return nullptr;
        },
        item);
    std::smatch date;
    if (tag && tag->kind == "marker" && std::regex_search(tag->text, date, kIsoDate)) {
      if (first.empty() || date[1].str() < first) first = date[1].str();
      if (last.empty() || date[1].str() > last) last = date[1].str();
    }
  });
  std::string out = info.subject.empty() ? info.title : info.subject;
  std::string facts;
  if (!labelled_items.empty()) facts = plural(labelled_items.size(), "item", "items");
  if (!lanes.empty()) {
    facts += (facts.empty() ? "" : " in ") + plural(lanes.size(), "lane", "lanes") + " (";
    for (size_t i = 0; i < lanes.size(); ++i)
      facts += (i ? "; " : "") + lanes[i];  // titles hold commas
    facts += ")";
  }
  if (!first.empty()) facts += (facts.empty() ? "from " : ", from ") + first + " to " + last;
  if (!facts.empty()) out += (out.empty() ? "" : ": ") + facts;
  if (links > 0) {
    out += (out.empty() ? "" : "; ") +
           plural(links, "label links to its source", "labels link to their sources");
  }
  return out.empty() ? out : out + ".";
}

}  // namespace briefing
