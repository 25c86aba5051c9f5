#include "layout/timeline/density_layout.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <unordered_map>

#include "layout/timeline/axis.h"
#include "layout/timeline/builder.h"
#include "layout/timeline/chrome.h"
#include "layout/timeline/labels.h"
#include "layout/timeline/lanes.h"
#include "layout/timeline/marks.h"
#include "text/messages.h"

namespace briefing::timeline_detail {
namespace {

// The lanes of every dated item in chart order: a lane's colour is its
// place here, whatever the filter (as on the labelled chart).
std::vector<std::string> lane_keys(const Dataset& dataset, const TimelineStyle& style) {
  std::vector<const Item*> items;
  for (const Item& item : dataset.items) {
    if (item.is_dated()) items.push_back(&item);
  }
  std::stable_sort(items.begin(), items.end(), [](const Item* a, const Item* b) {
    return a->milestones.front().date < b->milestones.front().date;
  });
  std::vector<std::string> keys;
  for (const Lane& lane : group_into_lanes(items, dataset, style, items.size() + 2)) {
    keys.push_back(lane.key);
  }
  return keys;
}

struct Bucket {
  DayNumber start, end;
};

// Month buckets when a month gets at least `min_width` points in the main
// segment, else years.
std::vector<Bucket> buckets(const TimeScale& scale, bool months) {
  std::vector<Bucket> out;
  const DayNumber first = scale.first_day(), end = scale.end_day();
  // The civil month of `first`, found by stepping (outside the hot path).
  int year = 1970 + static_cast<int>(static_cast<double>(first) / 365.2425) - 1;
  while (day_number(year + 1, 1, 1) <= first) ++year;
  int month = 1;
  if (months) {
    while (month < 12 && day_number(year, month + 1, 1) <= first) ++month;
  }
  while (true) {
    const DayNumber a = day_number(year, month, 1);
    if (a >= end) break;
    int next_year = year, next_month = month;
    if (months) {
      if (++next_month > 12) next_month = 1, ++next_year;
    } else {
      ++next_year;
    }
    const DayNumber b = day_number(next_year, next_month, 1);
    out.push_back({std::max(a, first), std::min(b, end)});
    year = next_year;
    month = next_month;
  }
  return out;
}

}  // namespace

TimelinePage layout_density_page(const Dataset& dataset, const TimelineStyle& style,
                                 const TimelineOptions& options, const std::vector<Entry>& entries,
                                 size_t undated_count) {
  TimelinePage out;
  const TimelineTheme& theme = style.theme(options.theme);
  const double width = options.width > 0 ? options.width : style.width;
  const double height = options.height > 0 ? options.height : style.height;
  out.page.width = width;
  out.page.height = height;
  out.background = theme.background;
  out.undated_count = undated_count;
  out.page.items.push_back(Destination{"timeline", {0, 0}});
  add_chrome(style, width, height, out);
  const Rect canvas = content_area(style, width, height);
  Rect heading;
  double top = add_heading(dataset, style, theme, style.title_size, canvas, canvas.y, out, heading);
  const double marker = style.marker_size;
  TimelineAxis axis(style, canvas, marker, style.tick_size);
  axis.build(entries, options);
  const TimeScale& scale = axis.scale();
  const double month_width = scale.main_segment().points_per_day() * 30.44;
  const bool by_month = month_width >= 4;

  // Items per bucket and lane: each item counts once, at its first visible date.
  std::vector<const Item*> items;
  items.reserve(entries.size());
  for (const Entry& e : entries) items.push_back(e.item);
  std::vector<Lane> lanes = group_into_lanes(items, dataset, style);
  std::unordered_map<const Item*, const Entry*> entry_of;
  entry_of.reserve(entries.size());
  for (const Entry& e : entries) entry_of.emplace(e.item, &e);
  const std::vector<Bucket> periods = buckets(scale, by_month);
  std::vector<std::vector<size_t>> counts(lanes.size(), std::vector<size_t>(periods.size(), 0));
  size_t most = 1;
  for (size_t l = 0; l < lanes.size(); ++l) {
    std::vector<DayNumber> days;
    days.reserve(lanes[l].items.size());
    for (const Item* item : lanes[l].items) {
      const PartialDate& d = entry_of.at(item)->milestones.front()->date;
      days.push_back((d.first_day() + d.last_day()) / 2);
    }
    std::sort(days.begin(), days.end());
    for (size_t b = 0; b < periods.size(); ++b) {
      const auto lo = std::lower_bound(days.begin(), days.end(), periods[b].start);
      const auto hi = std::lower_bound(lo, days.end(), periods[b].end);
      counts[l][b] = static_cast<size_t>(hi - lo);
      most = std::max(most, counts[l][b]);
    }
  }

  // The legend: what a strip counts, and the shading from one to the most.
  const TextStyle legend_style{style.font_family, style.legend_size, false, false};
  const Messages& words = document_messages();
  const std::string text =
      words.get("timeline.density_legend",
                {{"n", std::to_string(entries.size())},
                 {"period", words.get(by_month ? "timeline.per_month" : "timeline.per_year")},
                 {"most", std::to_string(most)}});
  auto legend = std::make_shared<TextBlock>(text, legend_style, canvas.width - 6 * marker * 1.6);
  const double ramp = marker * 1.6;
  const Color ink = theme.muted_text;
  for (int k = 0; k < 5; ++k) {
    Color c = ink;
    c.a = 0.12 + 0.88 * k / 4.0;
    out.page.items.push_back(RectShape{
        Rect{canvas.x + k * ramp, top + 2, ramp - 1, legend->height() - 4}, true, c, false, {}, 0});
  }
  add_text(out, legend, {canvas.x + 5 * ramp + 6, top}, theme.muted_text, "legend", "");
  top += legend->height() + style.legend_size * 0.6;

  const double axis_top = canvas.bottom() - axis.height();
  const double plot_bottom = axis_top - 6;
  const std::vector<std::string> keys = lane_keys(dataset, style);
  const TextStyle lane_style{style.font_family, style.lane_title_size, true, false};
  const TextStyle label_style{style.font_family, style.label_size, false, false};
  const double label_line = TextBlock("Ag", label_style).height();
  const double band = lanes.empty() ? 0 : (plot_bottom - top) / static_cast<double>(lanes.size());
  std::vector<Rect> text_boxes;
  MarkPainter marks(out.page.items);
  for (size_t l = 0; l < lanes.size(); ++l) {
    const double y0 = top + band * static_cast<double>(l);
    const Rect area{canvas.x, y0, canvas.width, band};
    Group lane_group;
    lane_group.tag = Tag{"lane", "", lanes[l].title};
    lane_group.area = area;
    if (l % 2 == 1)
      lane_group.items.push_back(RectShape{area, true, theme.lane_fill, false, {}, 0});
    out.page.items.push_back(std::move(lane_group));
    const size_t identity =
        static_cast<size_t>(std::find(keys.begin(), keys.end(), lanes[l].key) - keys.begin());
    Color colour = theme.lane_colors.empty()
                       ? theme.text
                       : theme.lane_colors[identity % theme.lane_colors.size()];
    // The layout's own colour for the lane, as on the labelled chart.
    if (const auto own = style.lane_color_overrides.find(
            lanes[l].key == "(other)" ? std::string("other") : lanes[l].key);
        own != style.lane_color_overrides.end())
      colour = own->second;
    double y = y0 + 2;
    if (!lanes[l].title.empty()) {
      auto title =
          block_of_lines(document_messages().count("timeline.density_lane", lanes[l].items.size(),
                                                   {{"lane", lanes[l].title}}),
                         lane_style, canvas.width, 1);
      add_text(out, title, {canvas.x, y}, theme.text, "lane-title", "");
      text_boxes.push_back(Rect{canvas.x, y, title->width(), title->height()});
      y += title->height() + 1;
    }
    const double strip = std::clamp(band * 0.22, 6.0, 20.0);
    if (y + strip > y0 + band - 1) continue;  // no room for the strip: drawn on no lane
    Group density;
    density.tag =
        Tag{"density", "", lanes[l].title + ": items per " + (by_month ? "month" : "year")};
    for (size_t b = 0; b < periods.size(); ++b) {
      if (counts[l][b] == 0) continue;
      Color c = colour;
      c.a = 0.12 + 0.88 * static_cast<double>(counts[l][b]) / static_cast<double>(most);
      const double a = scale.x(static_cast<double>(periods[b].start));
      const double e = scale.x(static_cast<double>(periods[b].end));
      density.items.push_back(
          RectShape{Rect{a, y, std::max(e - a, 0.5), strip}, true, c, false, {}, 0});
    }
    // The strip's outline, so that an empty stretch reads as zero, not as missing.
    density.items.push_back(RectShape{Rect{scale.x0(), y, scale.x1() - scale.x0(), strip},
                                      false,
                                      {},
                                      true,
                                      Stroke{theme.grid, 0.5, {}},
                                      0});
    out.page.items.push_back(std::move(density));
    const double strip_middle = y + strip / 2;
    y += strip + 2;
    // Highlights: marked on the strip, labelled under it in rows, left to right.
    const int rows = static_cast<int>((y0 + band - 1 - y) / (label_line + 1));
    std::vector<double> row_right(static_cast<size_t>(std::max(rows, 0)), -1e18);
    double last_mark_right = -1e18;
    for (const Item* item : lanes[l].items) {
      if (!item->highlight) continue;
      const Entry& e = *entry_of.at(item);
      const PartialDate& d = e.milestones.front()->date;
      const double mx = scale.x(static_cast<double>(d.first_day() + d.last_day()) / 2 + 0.5);
      auto label = block_of_lines(d.format_short() + " · " + item->title, label_style,
                                  std::min(canvas.width * 0.3, style.label_max_width * 1.6), 1);
      const double lx = std::clamp(mx - marker / 2, canvas.x, canvas.right() - label->width());
      int row = -1;
      for (int r = 0; r < rows; ++r) {
        if (row_right[static_cast<size_t>(r)] + 8 <= lx) {
          row = r;
          break;
        }
      }
      if (row < 0) {
        out.omitted.push_back({item->id, item->title, "no room under its lane's density strip"});
        continue;
      }
      const double ly = y + row * (label_line + 1);
      row_right[static_cast<size_t>(row)] = lx + label->width();
      // Its mark on the strip; where another highlight's mark already
      // stands (the same days at this scale), that one mark serves both.
      if (mx - marker / 2 > last_mark_right) {
        const size_t first_shape = out.page.items.size();
        marks.day_marker(mx, strip_middle, marker, theme.text, MarkShape::diamond);
        Group mark;
        mark.tag = Tag{"marker", item->id, d.iso()};
        mark.items.assign(std::make_move_iterator(out.page.items.begin() +
                                                  static_cast<std::ptrdiff_t>(first_shape)),
                          std::make_move_iterator(out.page.items.end()));
        out.page.items.resize(first_shape);
        out.page.items.push_back(std::move(mark));
        last_mark_right = mx + marker / 2;
      }
      Group group;
      group.tag = Tag{"label", item->id, item->title};
      group.items.push_back(TextShape{{lx, ly}, label, theme.text});
      if (const std::string& href = item->primary_href(); !href.empty()) {
        group.items.push_back(LinkArea{{Rect{lx, ly, label->width(), label->height()}}, href, ""});
      }
      out.page.items.push_back(std::move(group));
      text_boxes.push_back(Rect{lx, ly, label->width(), label->height()});
    }
  }
  const size_t grid_index = out.page.items.size();
  axis.draw(axis_top, theme, out);
  (void)grid_index;
  return out;
}

}  // namespace briefing::timeline_detail
