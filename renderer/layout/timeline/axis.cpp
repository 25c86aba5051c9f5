// The timeline's time axis, tick labels, compression captions and grid.
#include "layout/timeline/axis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "layout/timeline/builder.h"
#include "text/messages.h"

namespace briefing::timeline_detail {

void TimelineAxis::build(const std::vector<Entry>& entries, const TimelineOptions& options) {
  DayNumber first = entries.front().milestones.front()->date.first_day();
  DayNumber last = first;
  std::vector<double> days;
  for (const auto& e : entries) {
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
  if (options.from) range.first = options.from->first_day();
  if (options.to) range.second = options.to->last_day() + 1;
  ScaleSettings settings{style_.axis_breaks, style_.break_max_event_share,
                         style_.break_min_time_share, style_.compressed_width_share};
  // A little inset so that marks at the very ends keep their shape.
  const double inset = marker_;
  scale_ = build_time_scale(range, days, canvas_.x + inset, canvas_.right() - inset, settings,
                            {first, last});
  const TextStyle tick_style{style_.font_family, tick_size_, false, false};
  ticks_ = choose_ticks(
      scale_, [&](const std::string& text) { return TextBlock(text, tick_style).width(); },
      style_.min_tick_gap, canvas_.x, canvas_.right());
  tick_line_height_ = TextBlock("2024", tick_style).height();
}

int TimelineAxis::tick_tiers() const {
  return std::any_of(ticks_.begin(), ticks_.end(), [](const Tick& t) { return t.tier == 1; }) ? 2
                                                                                              : 1;
}

// The line under the tick labels that captions of compressed segments
// take: the year line when no year label stands under them, else a new one.
int TimelineAxis::caption_line() const {
  if (tick_tiers() == 1) return 1;
  for (const auto& s : scale_.segments()) {
    if (!s.compressed) continue;
    const TextBlockPtr caption = caption_block(s);
    const double x = caption_x(s, *caption);
    for (const Tick& t : ticks_) {
      if (t.tier == 1 && !t.label.empty() &&
          t.label_x + t.label_width / 2 > x - style_.min_tick_gap &&
          t.label_x - t.label_width / 2 < x + caption->width() + style_.min_tick_gap) {
        return 2;
      }
    }
  }
  return 1;
}

// "time scale ×1/N" under a compressed segment: which years, and by how much.
TextBlockPtr TimelineAxis::caption_block(const ScaleSegment& s) const {
  char factor[32];
  std::snprintf(factor, sizeof factor, "%.0f", std::round(scale_.compression_factor(s)));
  return std::make_shared<TextBlock>(
      document_messages().get("timeline.time_scale", {{"n", factor}}),
      TextStyle{style_.font_family, tick_size_ * 0.9, false, true});
}

double TimelineAxis::caption_x(const ScaleSegment& s, const TextBlock& caption) const {
  const double x = (s.x0 + s.x1) / 2 - caption.width() / 2;
  return std::clamp(x, canvas_.x, canvas_.right() - caption.width());
}

double TimelineAxis::height() const {
  const int lines =
      scale_.has_compression() ? std::max(tick_tiers(), caption_line() + 1) : tick_tiers();
  return marker_ * 0.8 + 2 + tick_line_height_ * lines;
}

void TimelineAxis::draw(double axis_y, const TimelineTheme& theme, TimelinePage& out) const {
  const double tick_length = marker_ * 0.8;
  // The axis line, broken with a zig-zag where the scale changes.
  const auto& segments = scale_.segments();
  for (size_t i = 0; i < segments.size(); ++i) {
    const double gap = 3;
    const double a = segments[i].x0 + (i > 0 ? gap : 0);
    const double b = segments[i].x1 - (i + 1 < segments.size() ? gap : 0);
    add_path(out, {{a, axis_y}, {b, axis_y}}, Stroke{theme.axis, 1, {}});
    if (i > 0) {
      for (double side : {-gap, gap}) {
        const double cx = segments[i].x0 + side;
        add_path(out, {{cx - 2.5, axis_y + 5}, {cx + 2.5, axis_y - 5}},
                 Stroke{theme.axis, 1.25, {}});
      }
    }
  }
  const TextStyle tick_style{style_.font_family, tick_size_, false, false};
  const TextStyle tier1_style{style_.font_family, tick_size_, true, false};
  for (const Tick& t : ticks_) {
    if (t.tier == 0) {
      add_path(out, {{t.x_start, axis_y}, {t.x_start, axis_y + tick_length}},
               Stroke{theme.axis, 0.75, {}});
    }
    if (t.label.empty()) continue;
    auto block = std::make_shared<TextBlock>(t.label, t.tier == 0 ? tick_style : tier1_style);
    const double y = axis_y + tick_length + 1 + t.tier * tick_line_height_;
    add_text(out, block, {t.label_x - block->width() / 2, y},
             t.tier == 0 ? theme.muted_text : theme.text, "tick-label", "");
  }
  // Caption under each compressed segment: which years, and by how much.
  const int tiers = caption_line();
  for (const auto& s : segments) {
    if (!s.compressed) continue;
    const TextBlockPtr block = caption_block(s);
    const double y = axis_y + tick_length + 1 + tiers * tick_line_height_;
    add_text(out, block, {caption_x(s, *block), y}, theme.muted_text, "legend", "");
  }
}

void TimelineAxis::draw_grid(double top, double bottom, const TimelineTheme& theme,
                             const std::vector<Rect>& texts, TimelinePage& out,
                             size_t index) const {
  std::vector<DisplayItem> grid;
  for (const Tick& t : ticks_) {
    if (t.x_start <= scale_.x0() + 0.5) continue;
    if (t.tier != 0 && t.tier != 1) continue;
    const bool strong = t.tier == 1 || t.unit != TickUnit::month;
    const Stroke stroke{theme.grid, strong ? 0.8 : 0.4, {}};
    std::vector<std::pair<double, double>> gaps;
    for (const Rect& box : texts) {
      if (t.x_start > box.x - 1 && t.x_start < box.right() + 1)
        gaps.emplace_back(box.y - 1, box.bottom() + 1);
    }
    std::sort(gaps.begin(), gaps.end());
    double y = top;
    for (const auto& [a, b] : gaps) {
      if (a > y)
        grid.push_back(PathShape{
            {{t.x_start, y}, {t.x_start, std::min(a, bottom)}}, false, false, {}, true, stroke});
      y = std::max(y, b);
      if (y >= bottom) break;
    }
    if (y < bottom)
      grid.push_back(
          PathShape{{{t.x_start, y}, {t.x_start, bottom}}, false, false, {}, true, stroke});
  }
  out.page.items.insert(out.page.items.begin() + static_cast<std::ptrdiff_t>(index), grid.begin(),
                        grid.end());
}

}  // namespace briefing::timeline_detail
