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
  const Messages& words = typesetter.words();
  const double width = typesetter.width();
  FlowBlock block;
  block.kind = FlowBlock::Kind::fixed;
  const double h = style.text_height();
  double y = h * 0.2;
  auto place = [&](TextBlockPtr b, Color color, const std::string& kind, double after) {
    block.items.push_back(TextShape{{0, y}, b, color, Tag{kind, "", {}}});
    y += b->height() + after;
  };
  if (style.cover_band.a > 0) {
    // Across the top of the cover, over the margins too.
    block.items.push_back(
        RectShape{{-style.margin_left, -style.margin_top, style.page_width, style.margin_top * 0.6},
                  true,
                  style.cover_band,
                  false,
                  {},
                  0});
  }
  if (style.logo) {
    // The logo's own aspect ratio, at the layout's height unless that is
    // wider than the text.
    const double height = std::min(style.logo_height, width / style.logo->aspect());
    const Rect box{0, y, height * style.logo->aspect(), height};
    block.items.push_back(ImageShape{box, style.logo, Tag{"cover-logo", "", style.organisation}});
    y += height + 14;
  }
  if (!style.organisation.empty()) {
    place(typesetter.text(style.organisation, typesetter.sans(style.heading2_size), width),
          style.text, "cover-organisation", 6);
  }
  place(typesetter.text(words.get("cover.kicker"), typesetter.sans(style.heading2_size, true)),
        style.accent, "cover-kicker", 10);
  place(typesetter.text(typographic_quotes(dataset.title), typesetter.sans(style.title_size, true),
                        width),
        style.text, "cover-title", style.subtitle.empty() ? 18 : 8);
  if (!style.subtitle.empty()) {
    place(typesetter.text(style.subtitle, typesetter.sans(style.heading1_size), width), style.muted,
          "cover-subtitle", 18);
  }
  block.items.push_back(RectShape{{0, y, 56, 3}, true, style.accent, false, {}, 0});
  y += 3 + 22;
  place(typesetter.text(dataset.publisher, typesetter.sans(style.heading2_size), width), style.text,
        "cover-publisher", 8);
  if (!style.author.empty()) {
    place(typesetter.text(words.get("cover.author", {{"author", style.author}}),
                          typesetter.sans(style.body_size), width),
          style.text, "cover-author", 8);
  }
  place(typesetter.text(words.get("cover.published", {{"date", words.date(dataset.published)}}),
                        typesetter.sans(style.body_size), width),
        style.muted, "cover-date", 3);
  place(typesetter.text(words.get("cover.data_as_of", {{"date", words.date(dataset.published)}}),
                        typesetter.sans(style.body_size), width),
        style.muted, "cover-data-as-of", 0);

  // At the foot: what the report holds, and the source.
  std::set<PartialDate> dates;
  for (const Item& item : dataset.items) {
    for (const Milestone& m : item.milestones) dates.insert(m.date);
  }
  std::string facts =
      words.get("cover.facts",
                {{"items", words.count("cover.items", dataset.items.size())},
                 {"sections", words.count("cover.sections", dataset.sections.size())}}) +
      kMiddleDot.data() + words.count("cover.source_notes", footnote_count);
  if (!dates.empty()) {
    facts += std::string(kMiddleDot) +
             words.get("cover.events", {{"first", std::to_string(dates.begin()->year_value())},
                                        {"last", std::to_string(dates.rbegin()->year_value())}});
  }
  std::vector<TextBlockPtr> foot;
  foot.push_back(typesetter.text(facts, typesetter.sans(style.meta_size), width));
  if (!dataset.source.empty()) {
    foot.push_back(
        typesetter.text(words.get("cover.source", {{"source", isolated(dataset.source)}}),
                        TextStyle{style.body_family, style.meta_size, false, true}, width));
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
