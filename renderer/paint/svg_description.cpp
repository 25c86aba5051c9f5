#include "paint/svg_description.h"

#include <regex>
#include <set>

#include "text/messages.h"

namespace briefing {

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
  // The words in the document's language (layouts/messages, [svg]).
  const Messages& words = messages_for(info.language);
  std::string out = info.subject.empty() ? info.title : info.subject;
  std::string facts;
  if (!labelled_items.empty()) facts = words.count("svg.items", labelled_items.size());
  if (!lanes.empty()) {
    std::string titles;
    for (size_t i = 0; i < lanes.size(); ++i)
      titles += (i ? words.get("svg.lane_separator") : "") + lanes[i];  // titles hold commas
    const std::string in_lanes = words.count("svg.lanes", lanes.size(), {{"titles", titles}});
    facts = facts.empty()
                ? in_lanes
                : words.get("svg.items_in_lanes", {{"items", facts}, {"lanes", in_lanes}});
  }
  if (!first.empty()) {
    const std::string span = words.get("svg.span", {{"from", first}, {"to", last}});
    facts =
        facts.empty() ? span : words.get("svg.facts_then_span", {{"facts", facts}, {"span", span}});
  }
  if (!facts.empty())
    out =
        out.empty() ? facts : words.get("svg.subject_facts", {{"subject", out}, {"facts", facts}});
  if (links > 0) {
    const std::string linked = words.count("svg.links", links);
    out = out.empty() ? linked : words.get("svg.then_links", {{"text", out}, {"links", linked}});
  }
  return out.empty() ? out : words.get("svg.sentence", {{"text", out}});
}

}  // namespace briefing
