// The timeline's legend: how partial dates are drawn, the compressed band,
// new/changed, and the lanes when they have no titles of their own. On the
// title's line when it fits there, else under it. Points, y down.
#include <algorithm>
#include <functional>
#include <memory>

#include "layout/timeline/builder.h"
#include "layout/timeline/chart_words.h"
#include "text/messages.h"

namespace briefing::timeline_detail {

double TimelineBuilder::place_legend(double top) {
  if (!style_.show_legend) return top;
  const TextStyle text_style{style_.font_family, sizes_.legend, false, false};
  const double swatch = std::max(marker_, sizes_.legend * 0.9);
  const double line_height = std::max(swatch, TextBlock("Ag", text_style).height());
  struct LegendEntry {
    TextBlockPtr block;
    std::function<void(Rect)> draw;
  };
  std::vector<LegendEntry> legend;
  auto entry = [&](const std::string& text, std::function<void(Rect)> draw_swatch) {
    legend.push_back({std::make_shared<TextBlock>(text, text_style), std::move(draw_swatch)});
  };
  const double spacing = sizes_.legend * 1.5;
  auto entry_width = [&](const LegendEntry& e) { return swatch * 2.2 + 4 + e.block->width(); };
  const Color ink = theme_.muted_text;
  const Messages& words = document_messages();
  entry(words.get("legend.year"),
        [&](Rect r) { marks_.year_bar(r.x, r.right(), r.y + r.height / 2, marker_, ink); });
  entry(words.get("legend.month"), [&](Rect r) {
    marks_.month_bar(r.x + r.width * 0.3, r.x + r.width * 0.7, r.y + r.height / 2, marker_, ink);
  });
  entry(words.get("legend.day"), [&](Rect r) {
    marks_.day_marker(r.x + r.width / 2, r.y + r.height / 2, marker_, ink, MarkShape::circle);
  });
  if (axis_.scale().has_compression()) {
    entry(words.get("legend.compressed"), [&](Rect r) {
      result_.page.items.push_back(
          RectShape{r, true, theme_.scaled_band, true, Stroke{theme_.grid, 0.5, {}}, 0});
    });
  }
  // Only the tags that appear on the chart.
  const bool any_new = std::any_of(entries_.begin(), entries_.end(),
                                   [&](const Entry& e) { return tag_for(e, options_) == "NEW"; });
  const bool any_changed = std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) {
    return tag_for(e, options_) == "CHANGED";
  });
  if (any_new || any_changed) {
    const std::string tags =
        any_new && any_changed
            ? words.get("timeline.badges_both",
                        {{"new", badge_text("NEW")}, {"changed", badge_text("CHANGED")}})
            : badge_text(any_new ? "NEW" : "CHANGED");
    entry(words.get("legend.changes", {{"tags", tags}}), [&](Rect r) {
      // As drawn on the chart: the mark outlined, the label tagged.
      const Rect mark = marks_.day_marker(r.x + r.width / 2, r.y + r.height / 2, marker_ * 0.8,
                                          theme_.muted_text, MarkShape::circle);
      marks_.ring(mark, theme_.changed);
    });
  }
  if (!style_.show_lane_titles) {
    auto lanes = group_into_lanes(items_in_order(entries_), dataset_, style_);
    for (size_t l = 0; l < lanes.size(); ++l) {
      if (lanes[l].title.empty()) continue;
      entry(truncated(lanes[l].title, 40), [&, l](Rect r) {
        marks_.day_marker(r.x + r.width / 2, r.y + r.height / 2, marker_, lane_color(lanes[l]),
                          lane_shape(lanes[l]));
      });
    }
  }
  // On the title's line, right-aligned, when it fits there; else below it.
  double total = 0;
  for (const auto& e : legend) total += entry_width(e) + spacing;
  total -= spacing;
  double x = canvas_.x, y = top;
  bool beside_title = false;
  if (title_box_.width > 0 && title_box_.right() + 2 * spacing + total <= canvas_.right()) {
    x = canvas_.right() - total;
    y = title_box_.bottom() - line_height - sizes_.title * 0.15;
    beside_title = true;
  }
  for (const auto& e : legend) {
    const double w = entry_width(e);
    if (x > canvas_.x && x + w > canvas_.right() + 0.01) {
      x = canvas_.x;
      y += line_height + 3;
    }
    const double cy = y + line_height / 2;
    e.draw(Rect{x, cy - swatch / 2, swatch * 2.2, swatch});
    add_text(result_, e.block, {x + swatch * 2.2 + 4, cy - e.block->height() / 2},
             theme_.muted_text, "legend", "");
    x += w + spacing;
  }
  if (beside_title) return top;
  return y + line_height + sizes_.legend * 0.9;
}

}  // namespace briefing::timeline_detail
