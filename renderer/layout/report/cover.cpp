// The cover: kicker, title, publisher and dates, and at the foot what the
// report holds and its source. It fills the first page alone.
#include <algorithm>
#include <set>

#include "layout/report/builder.h"
#include "text/bidi.h"

namespace briefing::report_parts {

void add_cover(const Dataset& dataset, size_t footnote_count, const Typesetter& typesetter,
               Flow& flow) {
  const ReportStyle& style = typesetter.style();
  const double width = typesetter.width();
  FlowBlock block;
  block.kind = FlowBlock::Kind::fixed;
  const double h = style.text_height();
  double y = h * 0.2;
  auto place = [&](TextBlockPtr b, Color color, const std::string& kind, double after) {
    block.items.push_back(TextShape{{0, y}, b, color, Tag{kind, "", {}}});
    y += b->height() + after;
  };
  place(typesetter.text("Briefing report", typesetter.sans(style.heading2_size, true)),
        style.accent, "cover-kicker", 10);
  place(typesetter.text(typographic_quotes(dataset.title), typesetter.sans(style.title_size, true),
                        width),
        style.text, "cover-title", 18);
  block.items.push_back(RectShape{{0, y, 56, 3}, true, style.accent, false, {}, 0});
  y += 3 + 22;
  place(typesetter.text(dataset.publisher, typesetter.sans(style.heading2_size), width), style.text,
        "cover-publisher", 8);
  place(typesetter.text("Published " + dataset.published.format(), typesetter.sans(style.body_size),
                        width),
        style.muted, "cover-date", 3);
  place(typesetter.text("Data as of " + dataset.published.format(),
                        typesetter.sans(style.body_size), width),
        style.muted, "cover-data-as-of", 0);

  // At the foot: what the report holds, and the source.
  std::set<PartialDate> dates;
  for (const Item& item : dataset.items) {
    for (const Milestone& m : item.milestones) dates.insert(m.date);
  }
  std::string facts = plural(dataset.items.size(), "item", "items") + " in " +
                      plural(dataset.sections.size(), "section", "sections") + kMiddleDot.data() +
                      plural(footnote_count, "source note", "source notes");
  if (!dates.empty()) {
    facts += std::string(kMiddleDot) + "events from " +
             std::to_string(dates.begin()->year_value()) + " to " +
             std::to_string(dates.rbegin()->year_value());
  }
  std::vector<TextBlockPtr> foot;
  foot.push_back(typesetter.text(facts, typesetter.sans(style.meta_size), width));
  if (!dataset.source.empty()) {
    foot.push_back(typesetter.text("Source: " + isolated(dataset.source),
                                   TextStyle{style.body_family, style.meta_size, false, true},
                                   width));
  }
  double foot_height = 0;
  for (const auto& b : foot) foot_height += b->height() + 4;
  y = std::max(y + 24, h - foot_height);
  block.items.push_back(
      PathShape{{{0, y - 8}, {width, y - 8}}, false, false, {}, true, {style.rule, 0.6, {}}});
  for (const auto& b : foot) place(b, style.muted, "cover-facts", 4);
  block.height = std::min(h, y);
  flow.add(std::move(block));
  flow.page_break();
}

}  // namespace briefing::report_parts
