// Builds the timeline's display list: header, legend, lanes, marks, axis and
// collision-free labels. Points, origin at the figure's top left, y down.
#include "layout/timeline_layout.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <tuple>

#include "layout/timeline_collision.h"
#include "layout/timeline_lanes.h"
#include "layout/timeline_marks.h"
#include "layout/timeline_scale.h"

namespace briefing {

bool item_matches_filters(const Item& item, const std::vector<std::string>& only) {
  if (only.empty()) return true;
  for (const auto& filter : only) {
    if (item.kind == filter) return true;
    if (std::find(item.tags.begin(), item.tags.end(), filter) != item.tags.end()) return true;
    if (item.section == filter || item.section.rfind(filter + ".", 0) == 0) return true;
  }
  return false;
}

namespace {

constexpr double kGap = 2;            // between a mark and its label, points
constexpr double kLabelMargin = 1.5;  // free space kept around every label, points

/// Text sizes in use (points), after the --highlights adjustment.
struct Sizes {
  double title, label, date, tick, lane_title, legend, minimum, wrap;
};

Sizes sizes_for(const TimelineStyle& style, bool highlights) {
  Sizes s{style.title_size,      style.label_size,  style.date_size,     style.tick_size,
          style.lane_title_size, style.legend_size, style.min_text_size, style.label_max_width};
  if (!highlights) return s;
  const double factor = std::max(1.0, style.highlight_label_size / style.label_size);
  const double floor = style.highlight_min_text_size;
  auto up = [&](double v) { return std::max(v * factor, floor); };
  s.label = std::max(style.highlight_label_size, floor);
  s.date = up(style.date_size);
  s.tick = up(style.tick_size);
  s.lane_title = up(style.lane_title_size);
  s.legend = up(style.legend_size);
  s.minimum = std::max(style.min_text_size, floor);
  if (s.title > 0) s.title = std::max(s.title, up(style.title_size) * 0.8);
  s.wrap = style.label_max_width * factor;
  return s;
}

/// One dated item on the chart.
struct Entry {
  const Item* item = nullptr;
  std::vector<const Milestone*> milestones;  // those inside the visible range
  size_t lane = 0;
  double xs = 0, xe = 0;  // extent of its marks, points
  int row = 0;
  int side = 0;  // preferred label side: 0 right of the marks, 1 left
  double y = 0;  // centre line of its row
  bool placed = false;
};

/// An item label: title, then its dates at their precision.
struct Label {
  TextBlockPtr title, dates;
  double width = 0, height = 0;
  /// The dates follow the title's last line when they fit there (one line
  /// saved); else they stand on a line of their own under the title.
  bool inline_dates = false;
  Point dates_offset;  // from the label's top left, points
};

std::string dates_text(const Entry& entry, const TimelineOptions& options) {
  std::string text;
  if (options.added_ids.count(entry.item->id))
    text = "new · ";
  else if (options.changed_ids.count(entry.item->id))
    text = "changed · ";
  for (size_t i = 0; i < entry.milestones.size(); ++i) {
    if (i > 0) text += " → ";
    text += entry.milestones[i]->date.format_short();
    if (!entry.milestones[i]->label.empty()) text += " " + entry.milestones[i]->label;
  }
  return text;
}

Label make_label(const Entry& entry, const TimelineOptions& options, const std::string& family,
                 double size, double date_size, double wrap) {
  Label label;
  TextStyle title_style{family, size, entry.item->highlight, false};
  TextStyle date_style{family, date_size, false, false};
  label.title = std::make_shared<TextBlock>(entry.item->title, title_style, wrap);
  label.dates = std::make_shared<TextBlock>(dates_text(entry, options), date_style, wrap);
  const auto lines = label.title->line_boxes();
  const double space = size * 0.4;
  if (!lines.empty() && lines.back().width + space + label.dates->width() <= wrap) {
    // Same baseline as the title's last line.
    const double baseline = lines.back().y + label.title->baseline();
    label.inline_dates = true;
    label.dates_offset = {lines.back().x + lines.back().width + space,
                          baseline - label.dates->baseline()};
    label.width = std::max(label.title->width(), label.dates_offset.x + label.dates->width());
    label.height = std::max(label.title->height(), label.dates_offset.y + label.dates->height());
    return label;
  }
  label.dates_offset = {0, label.title->height()};
  label.width = std::max(label.title->width(), label.dates->width());
  label.height = label.title->height() + label.dates->height();
  return label;
}

std::string truncated(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
      --cut;  // UTF-8 boundary
  }
  std::string out = text.substr(0, cut);
  while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
  return out + "…";
}

class TimelineBuilder {
 public:
  TimelineBuilder(const Dataset& dataset, const TimelineStyle& style,
                  const TimelineOptions& options)
      : dataset_(dataset),
        style_(style),
        options_(options),
        theme_(style.theme(options.theme)),
        sizes_(sizes_for(style, options.highlights_only)),
        width_(options.width > 0 ? options.width : style.width),
        height_(options.height > 0 ? options.height : style.height),
        marker_(options.highlights_only ? style.marker_size * 1.4 : style.marker_size),
        canvas_{style.margin_left, style.margin_top,
                width_ - style.margin_left - style.margin_right,
                height_ - style.margin_top - style.margin_bottom},
        detector_(canvas_) {}

  TimelineLayout build() {
    result_.page.width = width_;
    result_.page.height = height_;
    result_.page.items.push_back(Destination{"timeline", {0, 0}});
    result_.background = theme_.background;
    select_entries();
    double top = place_title(canvas_.y);
    if (entries_.empty()) {
      place_empty_note(top);
      return std::move(result_);
    }
    build_scale();
    top = place_legend(top);
    const double axis_top = axis_top_y();
    plot_ = Rect{canvas_.x, top, canvas_.width, std::max(axis_top - top, 1.0)};
    lanes_ = group_into_lanes(items_in_order(), dataset_, style_);
    for (size_t l = 0; l < lanes_.size(); ++l) {
      for (const Item* item : lanes_[l].items) entry_for(item).lane = l;
    }
    fit_rows();
    draw_backgrounds();
    draw_axis(axis_top);
    draw_lane_titles();
    draw_marks();
    place_labels();
    return std::move(result_);
  }

 private:
  // ---- selection ---------------------------------------------------------

  void select_entries() {
    const DayNumber from = options_.from ? options_.from->first_day() : -1000000000L;
    const DayNumber to = options_.to ? options_.to->last_day() : 1000000000L;
    for (const Item& item : dataset_.items) {
      if (!item_matches_filters(item, options_.only)) continue;
      if (options_.highlights_only && !item.highlight) continue;
      if (!item.is_dated()) {
        ++result_.undated_count;
        continue;
      }
      Entry entry;
      entry.item = &item;
      for (const Milestone& m : item.milestones) {
        if (m.date.last_day() >= from && m.date.first_day() <= to) entry.milestones.push_back(&m);
      }
      if (!entry.milestones.empty()) entries_.push_back(std::move(entry));
    }
    // Chronological: by first visible milestone, then document order.
    std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      return a.milestones.front()->date < b.milestones.front()->date;
    });
  }

  std::vector<const Item*> items_in_order() const {
    std::vector<const Item*> items;
    for (const auto& e : entries_) items.push_back(e.item);
    return items;
  }

  Entry& entry_for(const Item* item) {
    for (auto& e : entries_) {
      if (e.item == item) return e;
    }
    return entries_.front();
  }

  // ---- header ------------------------------------------------------------

  double place_title(double top) {
    if (sizes_.title <= 0) return top;
    auto block = std::make_shared<TextBlock>(
        dataset_.title, TextStyle{style_.title_family, sizes_.title, true, false}, canvas_.width);
    add_text(block, {canvas_.x, top}, theme_.text, "title", "");
    title_box_ = Rect{canvas_.x, top, block->width(), block->height()};
    return top + block->height() + sizes_.title * 0.4;
  }

  void place_empty_note(double top) {
    auto block = std::make_shared<TextBlock>(
        "No dated items match the selection.",
        TextStyle{style_.font_family, sizes_.label, false, true}, canvas_.width);
    add_text(block, {canvas_.x, top}, theme_.muted_text, "legend", "");
  }

  // Legend: how partial dates are drawn, the compressed band, new/changed,
  // and the lanes when they have no titles of their own.
  double place_legend(double top) {
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
    entry("date known to the year",
          [&](Rect r) { marks_.year_bar(r.x, r.right(), r.y + r.height / 2, marker_, ink); });
    entry("to the month", [&](Rect r) {
      marks_.month_bar(r.x + r.width * 0.3, r.x + r.width * 0.7, r.y + r.height / 2, marker_, ink);
    });
    entry("to the day", [&](Rect r) {
      marks_.day_marker(r.x + r.width / 2, r.y + r.height / 2, marker_, ink, MarkShape::circle);
    });
    if (scale_.has_compression()) {
      entry("time compressed", [&](Rect r) {
        result_.page.items.push_back(
            RectShape{r, true, theme_.scaled_band, true, Stroke{theme_.grid, 0.5, {}}, 0});
      });
    }
    if (!options_.added_ids.empty() || !options_.changed_ids.empty()) {
      entry("new or changed", [&](Rect r) {
        // As drawn on the chart: the mark outlined, and its dates in this colour.
        const Rect mark = marks_.day_marker(r.x + r.width / 2, r.y + r.height / 2, marker_ * 0.8,
                                            theme_.muted_text, MarkShape::circle);
        marks_.ring(mark, theme_.changed);
      });
    }
    if (!style_.show_lane_titles) {
      auto lanes = group_into_lanes(items_in_order(), dataset_, style_);
      for (size_t l = 0; l < lanes.size(); ++l) {
        if (lanes[l].title.empty()) continue;
        entry(truncated(lanes[l].title, 40), [&, l](Rect r) {
          marks_.day_marker(r.x + r.width / 2, r.y + r.height / 2, marker_, lane_color(l),
                            lane_shape(l));
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
      add_text(e.block, {x + swatch * 2.2 + 4, cy - e.block->height() / 2}, theme_.muted_text,
               "legend", "");
      detector_.insert(Rect{x, y, w, line_height});
      x += w + spacing;
    }
    if (beside_title) return top;
    return y + line_height + sizes_.legend * 0.9;
  }

  // ---- scale and axis ----------------------------------------------------

  void build_scale() {
    DayNumber first = entries_.front().milestones.front()->date.first_day();
    DayNumber last = first;
    std::vector<double> days;
    for (const auto& e : entries_) {
      for (const Milestone* m : e.milestones) {
        first = std::min(first, m->date.first_day());
        last = std::max(last, m->date.last_day());
        // Crowding is judged on months and days: a year is a span, not a
        // point at its middle, and must not pull the dense part there.
        if (m->date.precision() != DatePrecision::year) {
          days.push_back(static_cast<double>(m->date.first_day() + m->date.last_day()) / 2);
        }
      }
    }
    auto range = padded_range(first, last);
    if (options_.from) range.first = options_.from->first_day();
    if (options_.to) range.second = options_.to->last_day() + 1;
    ScaleSettings settings{style_.axis_breaks, style_.break_max_event_share,
                           style_.break_min_time_share, style_.compressed_width_share};
    // A little inset so that marks at the very ends keep their shape.
    const double inset = marker_;
    scale_ = build_time_scale(range, days, canvas_.x + inset, canvas_.right() - inset, settings);
    const TextStyle tick_style{style_.font_family, sizes_.tick, false, false};
    ticks_ = choose_ticks(
        scale_, [&](const std::string& text) { return TextBlock(text, tick_style).width(); },
        style_.min_tick_gap);
    tick_line_height_ = TextBlock("2024", tick_style).height();
  }

  int tick_tiers() const {
    return std::any_of(ticks_.begin(), ticks_.end(), [](const Tick& t) { return t.tier == 1; }) ? 2
                                                                                                : 1;
  }

  // The line under the tick labels that captions of compressed segments
  // take: the year line when no year label stands under them, else a new one.
  int caption_line() const {
    if (tick_tiers() == 1) return 1;
    for (const auto& s : scale_.segments()) {
      if (!s.compressed) continue;
      for (const Tick& t : ticks_) {
        if (t.tier == 1 && !t.label.empty() && t.label_x + t.label_width / 2 > s.x0 - 40 &&
            t.label_x - t.label_width / 2 < s.x1 + 40) {
          return 2;
        }
      }
    }
    return 1;
  }

  double axis_height() const {
    const int lines =
        scale_.has_compression() ? std::max(tick_tiers(), caption_line() + 1) : tick_tiers();
    return marker_ * 0.8 + 2 + tick_line_height_ * lines;
  }

  double axis_top_y() const { return canvas_.bottom() - axis_height(); }

  void draw_axis(double axis_y) {
    const double tick_length = marker_ * 0.8;
    // The axis line, broken with a zig-zag where the scale changes.
    const auto& segments = scale_.segments();
    for (size_t i = 0; i < segments.size(); ++i) {
      const double gap = 3;
      const double a = segments[i].x0 + (i > 0 ? gap : 0);
      const double b = segments[i].x1 - (i + 1 < segments.size() ? gap : 0);
      add_path({{a, axis_y}, {b, axis_y}}, Stroke{theme_.axis, 1, {}});
      if (i > 0) {
        for (double side : {-gap, gap}) {
          const double cx = segments[i].x0 + side;
          add_path({{cx - 2.5, axis_y + 5}, {cx + 2.5, axis_y - 5}}, Stroke{theme_.axis, 1.25, {}});
        }
      }
    }
    const TextStyle tick_style{style_.font_family, sizes_.tick, false, false};
    const TextStyle tier1_style{style_.font_family, sizes_.tick, true, false};
    for (const Tick& t : ticks_) {
      if (t.tier == 0) {
        add_path({{t.x_start, axis_y}, {t.x_start, axis_y + tick_length}},
                 Stroke{theme_.axis, 0.75, {}});
      }
      if (t.label.empty()) continue;
      auto block = std::make_shared<TextBlock>(t.label, t.tier == 0 ? tick_style : tier1_style);
      const double y = axis_y + tick_length + 1 + t.tier * tick_line_height_;
      add_text(block, {t.label_x - block->width() / 2, y},
               t.tier == 0 ? theme_.muted_text : theme_.text, "tick-label", "");
    }
    // Caption under each compressed segment: which years, and by how much.
    const int tiers = caption_line();
    for (const auto& s : segments) {
      if (!s.compressed) continue;
      const double factor = scale_.compression_factor(s);
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "time scale ×1/%.0f", std::round(factor));
      auto block = std::make_shared<TextBlock>(
          buffer, TextStyle{style_.font_family, sizes_.tick * 0.9, false, true});
      double x = (s.x0 + s.x1) / 2 - block->width() / 2;
      x = std::clamp(x, canvas_.x, canvas_.right() - block->width());
      const double y = axis_y + tick_length + 1 + tiers * tick_line_height_;
      add_text(block, {x, y}, theme_.muted_text, "legend", "");
    }
  }

  // ---- lanes and rows ----------------------------------------------------

  Color lane_color(size_t lane) const {
    if (theme_.lane_colors.empty()) return theme_.text;
    return theme_.lane_colors[lane % theme_.lane_colors.size()];
  }

  MarkShape lane_shape(size_t lane) const {
    if (!theme_.lane_shapes) return MarkShape::circle;
    static const MarkShape shapes[] = {MarkShape::circle,  MarkShape::square, MarkShape::triangle,
                                       MarkShape::diamond, MarkShape::ring,   MarkShape::cross};
    return shapes[lane % std::size(shapes)];
  }

  void mark_extent(Entry& e) const {
    e.xs = scale_.x(static_cast<double>(e.milestones.front()->date.first_day()));
    e.xe = e.xs;
    for (const Milestone* m : e.milestones) {
      const double a = scale_.x(static_cast<double>(m->date.first_day()));
      double b = m->date.precision() == DatePrecision::day ? a : scale_.x_end(m->date.last_day());
      e.xs = std::min(e.xs, a);
      e.xe = std::max(e.xe, b);
    }
    // Points and very short spans take a marker's width.
    if (e.xe - e.xs < marker_) {
      const double c = (e.xs + e.xe) / 2;
      e.xs = c - marker_ / 2;
      e.xe = c + marker_ / 2;
    }
  }

  struct LaneLayout {
    TextBlockPtr title;
    double top = 0, height = 0;
    std::vector<double> row_tops, row_heights;
  };

  // Chooses the largest label size at which every lane's rows fit the plot,
  // then places rows. Items in rows that still do not fit are omitted.
  void fit_rows() {
    for (auto& e : entries_) mark_extent(e);
    lane_layouts_.assign(lanes_.size(), {});
    if (style_.show_lane_titles) {
      for (size_t l = 0; l < lanes_.size(); ++l) {
        if (lanes_[l].title.empty()) continue;
        lane_layouts_[l].title = std::make_shared<TextBlock>(
            truncated(lanes_[l].title, 34),
            TextStyle{style_.font_family, sizes_.lane_title, true, false}, plot_.width / 3);
      }
    }
    const double lane_gap = 4;
    // A row needs its tallest label's height ("full"), but labels of
    // neighbouring rows can interlock where they do not meet, so a size is
    // accepted when rows of `kCompactShare` of that height fit ("compact").
    constexpr double kCompactShare = 0.6;
    const double floor_height = marker_ + 3;
    double size = sizes_.label;
    std::vector<std::vector<std::pair<int, int>>> packing;
    std::vector<std::vector<double>> full, compact;
    double full_total = 0, compact_total = 0, floor_total = 0;
    for (;;) {
      const double date_size = sizes_.date * size / sizes_.label;
      labels_.clear();
      for (auto& e : entries_) {
        labels_.push_back(make_label(e, options_, style_.font_family, size,
                                     std::max(date_size, sizes_.minimum * 0.9), sizes_.wrap));
      }
      full_total = compact_total = floor_total = 0;
      packing.assign(lanes_.size(), {});
      full.assign(lanes_.size(), {});
      compact.assign(lanes_.size(), {});
      for (size_t l = 0; l < lanes_.size(); ++l) {
        std::vector<size_t> members = lane_members(l);
        std::vector<std::vector<Footprint>> alternatives;
        for (size_t i : members) alternatives.push_back(footprints(entries_[i], labels_[i]));
        std::vector<Footprint> reserved;
        const auto& title = lane_layouts_[l].title;
        if (title) reserved.push_back({plot_.x, plot_.x + title_width(title) + 6});
        int rows = 0;
        packing[l] = pack_rows(alternatives, 4, reserved, rows);
        const size_t n = static_cast<size_t>(rows);
        full[l].assign(n, floor_height);
        compact[l].assign(n, floor_height);
        if (title) full[l][0] = compact[l][0] = std::max(floor_height, title->height() + 2);
        for (size_t k = 0; k < members.size(); ++k) {
          const size_t r = static_cast<size_t>(packing[l][k].first);
          const Entry& e = entries_[members[k]];
          const Label& label = labels_[members[k]];
          // A label that fits beside neither end hangs under its marks.
          const bool beside = e.xe + kGap + label.width <= canvas_.right() ||
                              e.xs - kGap - label.width >= canvas_.x;
          const double h = label.height + kLabelMargin * 2 + 1 + (beside ? 0 : marker_ + kGap);
          full[l][r] = std::max(full[l][r], h);
          compact[l][r] = std::max(compact[l][r], h * kCompactShare);
        }
        for (size_t r = 0; r < n; ++r) {
          full_total += full[l][r];
          compact_total += compact[l][r];
          floor_total += r == 0 ? compact[l][0] : floor_height;
        }
        full_total += lane_gap;
        compact_total += lane_gap;
        floor_total += lane_gap;
      }
      if (compact_total <= plot_.height || size <= sizes_.minimum + 1e-9) {
        label_size_ = size;
        break;
      }
      size = std::max(sizes_.minimum, size - 0.5);
    }
    // Row heights: between compact and full as room allows; below compact
    // (down to a marker's height) only when even that does not fit.
    auto row_height = [&](size_t l, size_t r) {
      const double c = compact[l][r], f = full[l][r];
      if (full_total <= plot_.height) return f;
      if (compact_total <= plot_.height) {
        return c + (f - c) * (plot_.height - compact_total) /
                       std::max(full_total - compact_total, 1e-9);
      }
      const double lowest = r == 0 ? c : floor_height;
      return lowest + (c - lowest) * std::max(0.0, plot_.height - floor_total) /
                          std::max(compact_total - floor_total, 1e-9);
    };
    std::vector<std::vector<double>> heights = full;
    size_t row_total = 0;
    for (size_t l = 0; l < full.size(); ++l) {
      for (size_t r = 0; r < full[l].size(); ++r) heights[l][r] = row_height(l, r);
      row_total += full[l].size();
    }
    // Room to spare goes evenly to the rows (up to half a row more), so that
    // a short list does not huddle at the top.
    if (full_total < plot_.height && row_total > 0) {
      double extra = (plot_.height - full_total) / static_cast<double>(row_total);
      for (auto& lane : heights) {
        for (double& h : lane) h += std::min(extra, h * 0.5);
      }
    }
    double y = plot_.y;
    for (size_t l = 0; l < lanes_.size(); ++l) {
      auto& layout = lane_layouts_[l];
      layout.top = y;
      std::vector<size_t> members = lane_members(l);
      for (double h : heights[l]) {
        layout.row_tops.push_back(y);
        layout.row_heights.push_back(h);
        y += h;
      }
      y += lane_gap;
      layout.height = y - layout.top;
      for (size_t k = 0; k < members.size(); ++k) {
        Entry& e = entries_[members[k]];
        e.row = packing[l][k].first;
        e.side = packing[l][k].second;
        const size_t r = static_cast<size_t>(e.row);
        e.y = layout.row_tops[r] + layout.row_heights[r] / 2;
        if (layout.row_tops[r] + layout.row_heights[r] > plot_.bottom() + 0.01) {
          e.y = -1;  // no room for its row
        }
      }
    }
  }

  // A lane whose first row lies below the plot (too many rows) is not drawn;
  // its items are reported as left out.
  bool lane_fits(const LaneLayout& lane) const {
    return !lane.row_tops.empty() &&
           lane.row_tops[0] + lane.row_heights[0] <= plot_.bottom() + 0.01;
  }

  double title_width(const TextBlockPtr& title) const {
    return title->width() + lane_swatch_width();
  }
  double lane_swatch_width() const { return marker_ + 4; }

  std::vector<size_t> lane_members(size_t lane) const {
    std::vector<size_t> members;
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].lane == lane) members.push_back(i);
    }
    return members;
  }

  // Alternatives for row packing: the label right of the marks, or left.
  std::vector<Footprint> footprints(const Entry& e, const Label& label) const {
    std::vector<Footprint> out;
    const Footprint right{e.xs, e.xe + kGap + label.width};
    const Footprint left{e.xs - kGap - label.width, e.xe};
    if (right.x1 <= canvas_.right()) out.push_back(right);
    if (left.x0 >= canvas_.x) out.push_back(left);
    if (out.empty()) {
      // Too long either way: it will hang below or above its marks.
      const double x0 = std::clamp(e.xs, canvas_.x, canvas_.right() - label.width);
      out.push_back({std::min(x0, e.xs), std::max(x0 + label.width, e.xe)});
    }
    return out;
  }

  // ---- drawing -----------------------------------------------------------

  void draw_backgrounds() {
    // Lane bands, alternately shaded; the compressed time in its own shade.
    for (size_t l = 0; l < lane_layouts_.size(); ++l) {
      if (l % 2 == 1 && lane_fits(lane_layouts_[l])) {
        const auto& lane = lane_layouts_[l];
        result_.page.items.push_back(
            RectShape{Rect{canvas_.x, lane.top - 2, canvas_.width,
                           std::min(lane.height, plot_.bottom() - lane.top + 2)},
                      true,
                      theme_.lane_fill,
                      false,
                      {},
                      0});
      }
    }
    for (const auto& s : scale_.segments()) {
      if (!s.compressed) continue;
      Color band = theme_.scaled_band;
      band.a = 0.6;
      result_.page.items.push_back(RectShape{
          Rect{s.x0, plot_.y, s.x1 - s.x0, axis_top_y() - plot_.y}, true, band, false, {}, 0});
    }
    // Grid: year boundaries, and month/quarter ones faintly in the main segment.
    for (const Tick& t : ticks_) {
      if (t.x_start <= scale_.x0() + 0.5) continue;
      const bool strong = t.tier == 1 || t.unit != TickUnit::month;
      Stroke stroke{theme_.grid, strong ? 0.8 : 0.4, {}};
      if (t.tier == 0 || t.tier == 1)
        add_path({{t.x_start, plot_.y}, {t.x_start, axis_top_y()}}, stroke, false);
    }
  }

  void draw_lane_titles() {
    for (size_t l = 0; l < lane_layouts_.size(); ++l) {
      const auto& lane = lane_layouts_[l];
      if (!lane.title || lane.row_tops.empty() || !lane_fits(lane)) continue;
      const double cy = lane.row_tops[0] + lane.row_heights[0] / 2;
      marks_.day_marker(plot_.x + marker_ / 2, cy, marker_, lane_color(l), lane_shape(l));
      const Point origin{plot_.x + lane_swatch_width(), cy - lane.title->height() / 2};
      add_text(lane.title, origin, theme_.text, "lane-title", "");
      detector_.insert(Rect{plot_.x, std::min(origin.y, cy - marker_ / 2), title_width(lane.title),
                            std::max(lane.title->height(), marker_)});
    }
  }

  void draw_marks() {
    for (auto& e : entries_) {
      if (e.y < 0) continue;
      const Color color = lane_color(e.lane);
      const MarkShape shape = lane_shape(e.lane);
      const double bar = marker_ * 0.7;
      if (e.milestones.size() > 1) {
        // One connected row: a line through every milestone.
        const double a = scale_.x(static_cast<double>(e.milestones.front()->date.first_day()));
        const double b = scale_.x(static_cast<double>(e.milestones.back()->date.first_day()));
        add_path({{a, e.y}, {b, e.y}}, Stroke{color, 1.5, {}}, false);
        add_marker_box(Rect{a, e.y - 0.75, b - a, 1.5}, e, "connector");
      }
      for (const Milestone* m : e.milestones) {
        double a = scale_.x(static_cast<double>(m->date.first_day()));
        Rect box;
        switch (m->date.precision()) {
          case DatePrecision::year: {
            const double b = std::max(scale_.x_end(m->date.last_day()), a + 3);
            box = marks_.year_bar(a, b, e.y, marker_, color);
            break;
          }
          case DatePrecision::month: {
            double b = scale_.x_end(m->date.last_day());
            if (b - a < 3) {
              const double c = (a + b) / 2;
              a = c - 1.5;
              b = c + 1.5;
            }
            box = marks_.month_bar(a, b, e.y, marker_, color);
            break;
          }
          case DatePrecision::day:
            box = marks_.day_marker(scale_.x(static_cast<double>(m->date.first_day()) + 0.5), e.y,
                                    marker_, color, shape);
            break;
        }
        (void)bar;
        if (options_.added_ids.count(e.item->id) || options_.changed_ids.count(e.item->id)) {
          marks_.ring(box, theme_.changed);
          box = Rect{box.x - 2, box.y - 2, box.width + 4, box.height + 4};
        }
        add_marker_box(box, e, m->date.iso() + " " + m->label);
      }
    }
  }

  void add_marker_box(const Rect& box, const Entry& e, const std::string& text) {
    detector_.insert(box);
    result_.elements.push_back({"marker", e.item->id, text, box, 1});
  }

  // ---- labels ------------------------------------------------------------

  struct Candidate {
    Rect box;
    bool leader = false;
  };

  // Tries a few orders of placement (greedy placement depends on it) and
  // keeps the one that leaves out the fewest labels, ties to the first.
  void place_labels() {
    std::vector<size_t> chronological(entries_.size());
    for (size_t i = 0; i < chronological.size(); ++i) chronological[i] = i;
    // Most constrained first: fewest free positions at the start.
    std::vector<size_t> free_count(entries_.size(), 0);
    for (size_t i = 0; i < entries_.size(); ++i) {
      const Entry& e = entries_[i];
      if (e.y < 0) continue;
      const auto& lane = lane_layouts_[e.lane];
      for (const Candidate& c :
           candidates(e, labels_[i], Rect{canvas_.x, lane.top, canvas_.width, lane.height})) {
        if (detector_.has_placement(c.box, kLabelMargin)) ++free_count[i];
      }
    }
    std::vector<size_t> constrained = chronological;
    std::stable_sort(constrained.begin(), constrained.end(),
                     [&](size_t a, size_t b) { return free_count[a] < free_count[b]; });
    std::vector<size_t> by_row = chronological;
    std::stable_sort(by_row.begin(), by_row.end(), [&](size_t a, size_t b) {
      const Entry &x = entries_[a], &y = entries_[b];
      return std::tie(x.lane, x.row) < std::tie(y.lane, y.row);
    });
    std::vector<size_t> reversed(chronological.rbegin(), chronological.rend());
    const std::vector<std::vector<size_t>> orders = {chronological, constrained, by_row, reversed};

    const CollisionDetector detector_before = detector_;
    const TimelineLayout result_before = result_;
    const std::vector<Entry> entries_before = entries_;
    size_t best_omitted = SIZE_MAX;
    TimelineLayout best_result;
    CollisionDetector best_detector = detector_;
    std::vector<Entry> best_entries;
    for (const auto& base : orders) {
      detector_ = detector_before;
      result_ = result_before;
      entries_ = entries_before;
      std::vector<size_t> order = base;
      // Highlights always first.
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return entries_[a].item->highlight > entries_[b].item->highlight;
      });
      for (size_t i : order) {
        Entry& e = entries_[i];
        if (e.y < 0) {
          omit(e, "no room for its row in the lane at the minimum text size");
          continue;
        }
        if (!place_label(e, i)) {
          omit(e, "no free space for its label at the minimum text size (" +
                      format_size(sizes_.minimum) + " pt)");
        }
      }
      if (result_.omitted.size() < best_omitted) {
        best_omitted = result_.omitted.size();
        best_result = result_;
        best_detector = detector_;
        best_entries = entries_;
      }
      if (best_omitted == 0) break;
    }
    result_ = std::move(best_result);
    detector_ = std::move(best_detector);
    entries_ = std::move(best_entries);
  }

  static std::string format_size(double size) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", size);
    return buffer;
  }

  void omit(const Entry& e, const std::string& reason) {
    result_.omitted.push_back({e.item->id, e.item->title, reason});
  }

  bool place_label(Entry& e, size_t index) {
    const auto& lane = lane_layouts_[e.lane];
    const Rect band{canvas_.x, lane.top, canvas_.width, lane.height};
    std::vector<std::pair<double, double>> attempts;  // size, wrap
    for (double s = label_size_; s >= sizes_.minimum - 1e-9; s -= 0.5)
      attempts.push_back({s, sizes_.wrap});
    attempts.push_back({sizes_.minimum, sizes_.wrap * 1.6});
    attempts.push_back({sizes_.minimum, sizes_.wrap * 0.6});
    // Within the lane at every size first; leaving it (with a leader) is the last resort.
    for (bool outside : {false, true}) {
      bool first = true;
      for (auto [size, wrap] : attempts) {
        Label label =
            first ? labels_[index]
                  : make_label(e, options_, style_.font_family, size,
                               std::max(sizes_.date * size / sizes_.label, sizes_.minimum * 0.9),
                               wrap);
        first = false;
        for (const Candidate& c : candidates(e, label, band, outside)) {
          if (!detector_.has_placement(c.box, kLabelMargin)) continue;
          std::vector<Point> leader;
          if (c.leader) {
            leader = leader_path(e, c.box);
            if (leader.empty()) continue;
          }
          commit_label(e, label, c.box, leader);
          return true;
        }
      }
    }
    return false;
  }

  /// Positions to try, best first: within the lane `band`, or (`outside`)
  /// only those that leave it, each with a leader.
  std::vector<Candidate> candidates(const Entry& e, const Label& label, const Rect& band,
                                    bool outside = false) const {
    std::vector<Candidate> out;
    const double w = label.width, h = label.height;
    const double half = marker_ / 2;
    // Beside the marks, centred on them, then slid up or down while the
    // label still spans the marks' line (so it needs no leader).
    const double right_x = e.xe + kGap + kLabelMargin;
    const double left_x = e.xs - kGap - kLabelMargin - w;
    for (double x : e.side == 0 ? std::array<double, 2>{right_x, left_x}
                                : std::array<double, 2>{left_x, right_x}) {
      for (double shift : {0.0, -0.2, 0.2, -0.4, 0.4}) {
        out.push_back({Rect{x, e.y - h / 2 + shift * h, w, h}});
      }
    }
    const double below = e.y + half + kGap + kLabelMargin;
    const double above = e.y - half - kGap - kLabelMargin - h;
    for (double x : {e.xs, e.xe - w, (e.xs + e.xe - w) / 2}) {
      out.push_back({Rect{x, below, w, h}});
      out.push_back({Rect{x, above, w, h}});
    }
    // Displaced, with a leader: further from the marks, within the lane.
    const double step = std::max(h * 0.5, 6.0);
    for (int k = 1; k <= 12; ++k) {
      for (double dx : {0.0, -0.5, 0.5, -1.0, 1.0}) {
        const double x = (dx <= 0 ? e.xs : e.xe) + dx * w - (dx < 0 ? 0 : 0);
        out.push_back({Rect{x, below + k * step, w, h}, true});
        out.push_back({Rect{x, above - k * step, w, h}, true});
      }
      out.push_back({Rect{e.xe + kGap + kLabelMargin + k * step, e.y - h / 2, w, h}, true});
      out.push_back({Rect{e.xs - kGap - kLabelMargin - w - k * step, e.y - h / 2, w, h}, true});
      for (double sign : {1.0, -1.0}) {
        const double y = e.y - h / 2 + sign * (h / 2 + k * step);
        out.push_back({Rect{right_x + step, y, w, h}, true});
        out.push_back({Rect{left_x - step, y, w, h}, true});
      }
    }
    // Keep to the lane and the canvas; as a last resort, leave the lane with
    // a leader if the space next to it is free.
    std::vector<Candidate> kept, leaving;
    for (auto& c : out) {
      if (!canvas_.contains(c.box, 0.001)) continue;
      if (c.box.y < band.y - 0.01 || c.box.bottom() > band.bottom() + 0.01) {
        if (c.leader && plot_.contains(c.box, 0.001) &&
            std::abs(c.box.y + h / 2 - e.y) < band.height + 3 * h) {
          leaving.push_back(c);
        }
        continue;
      }
      kept.push_back(c);
    }
    return outside ? leaving : kept;
  }

  // A leader from the nearest point of the marks to the label; empty if it
  // would cross anything placed.
  std::vector<Point> leader_path(const Entry& e, const Rect& box) const {
    const double ax = std::clamp(box.x + box.width / 2, e.xs, e.xe);
    const bool label_below = box.y > e.y;
    const bool label_above = box.bottom() < e.y;
    const double ay = label_below ? e.y + marker_ / 2 : label_above ? e.y - marker_ / 2 : e.y;
    const double bx = std::clamp(ax, box.x, box.right());
    const double by = label_below ? box.y : label_above ? box.bottom() : box.y + box.height / 2;
    Point a{ax, ay}, b{bx, by};
    if (!label_below && !label_above) {
      a.x = box.x > e.xe ? e.xe + 1 : e.xs - 1;
      b.x = box.x > e.xe ? box.x : box.right();
    }
    const double length = std::hypot(b.x - a.x, b.y - a.y);
    if (length < 1) return {a, b};
    // Sample small boxes along the line, leaving out its two ends.
    const int samples = static_cast<int>(length / 2);
    for (int i = 1; i < samples; ++i) {
      const double t = static_cast<double>(i) / samples;
      const Point p{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
      if (!detector_.is_free(Rect{p.x - 0.5, p.y - 0.5, 1, 1}, 0.5)) return {};
    }
    return {a, b};
  }

  void commit_label(Entry& e, const Label& label, const Rect& box,
                    const std::vector<Point>& leader) {
    // Left of the marks: flush right against them (stacked labels only).
    const bool right_aligned = box.right() <= e.xs + 0.01 && !label.inline_dates;
    TextBlockPtr title = label.title;
    if (right_aligned && title->line_count() > 1) {
      // Flush right against the marks, every line; the same breaks as measured.
      title = std::make_shared<TextBlock>(title->text(), title->style(), title->width() + 0.5,
                                          TextAlign::right);
    }
    const double title_x = right_aligned ? box.right() - title->width() : box.x;
    const double dates_x =
        right_aligned ? box.right() - label.dates->width() : box.x + label.dates_offset.x;
    const Color dates_color =
        (options_.added_ids.count(e.item->id) || options_.changed_ids.count(e.item->id))
            ? theme_.changed
            : theme_.muted_text;
    result_.page.items.push_back(TextShape{{title_x, box.y}, title, theme_.text});
    result_.page.items.push_back(
        TextShape{{dates_x, box.y + label.dates_offset.y}, label.dates, dates_color});
    detector_.insert(box);
    result_.elements.push_back({"label", e.item->id, e.item->title, box, 1});
    if (!leader.empty()) {
      add_path(leader, Stroke{theme_.leader, 0.75, {}}, false);
      const Point a = leader.front(), b = leader.back();
      const Rect leader_box{std::min(a.x, b.x) - 0.4, std::min(a.y, b.y) - 0.4,
                            std::abs(b.x - a.x) + 0.8, std::abs(b.y - a.y) + 0.8};
      result_.elements.push_back({"leader", e.item->id, "", leader_box, 1});
      const double length = std::hypot(b.x - a.x, b.y - a.y);
      const int samples = std::max(1, static_cast<int>(length / 2));
      for (int i = 1; i < samples; ++i) {
        const double t = static_cast<double>(i) / samples;
        detector_.insert(Rect{a.x + (b.x - a.x) * t - 0.5, a.y + (b.y - a.y) * t - 0.5, 1, 1});
      }
    }
    if (const std::string& url = e.item->primary_url(); !url.empty()) {
      result_.page.items.push_back(LinkArea{{box}, url, ""});
    }
    e.placed = true;
  }

  // ---- helpers -----------------------------------------------------------

  void add_text(const TextBlockPtr& block, Point origin, Color color, const std::string& kind,
                const std::string& item_id) {
    result_.page.items.push_back(TextShape{origin, block, color});
    const Rect box{origin.x, origin.y, block->width(), block->height()};
    detector_.insert(box);
    result_.elements.push_back({kind, item_id, block->text(), box, 1});
  }

  void add_path(std::vector<Point> points, Stroke stroke, bool = true) {
    PathShape path;
    path.points = std::move(points);
    path.stroke = std::move(stroke);
    result_.page.items.push_back(std::move(path));
  }

  const Dataset& dataset_;
  const TimelineStyle& style_;
  const TimelineOptions& options_;
  const TimelineTheme& theme_;
  Sizes sizes_;
  double width_, height_;
  double marker_;
  Rect canvas_;
  Rect plot_;
  Rect title_box_;
  CollisionDetector detector_;
  TimelineLayout result_;
  MarkPainter marks_{result_.page.items};
  std::vector<Entry> entries_;
  std::vector<Label> labels_;
  std::vector<Lane> lanes_;
  std::vector<LaneLayout> lane_layouts_;
  TimeScale scale_;
  std::vector<Tick> ticks_;
  double tick_line_height_ = 0;
  double label_size_ = 0;
};

}  // namespace

TimelineLayout layout_timeline(const Dataset& dataset, const TimelineStyle& style,
                               const TimelineOptions& options) {
  return TimelineBuilder(dataset, style, options).build();
}

}  // namespace briefing
