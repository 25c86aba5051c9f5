// The time axis of a timeline: its scale (with compressed segments), tick
// labels in one or two tiers, the "time scale ×1/N" captions, and the grid
// lines that carry the ticks up through the lanes. Points, y down.
#pragma once

#include <cstddef>
#include <vector>

#include "layout/display_list.h"
#include "layout/timeline/entries.h"
#include "layout/timeline/scale.h"
#include "layout/timeline/timeline_layout.h"
#include "layout/timeline/timeline_style.h"

namespace briefing::timeline_detail {

class TimelineAxis {
 public:
  /// `canvas`: the area inside the margins; `marker`: the marker size;
  /// `tick_size`: the tick labels' text size (points).
  TimelineAxis(const TimelineStyle& style, Rect canvas, double marker, double tick_size)
      : style_(style), canvas_(canvas), marker_(marker), tick_size_(tick_size) {}

  /// The scale over the entries' milestones (or --from / --to when given),
  /// and the ticks that fit on it.
  void build(const std::vector<Entry>& entries, const TimelineOptions& options);

  const TimeScale& scale() const { return scale_; }

  /// From the axis line down to the last line of tick labels or captions.
  double height() const;

  /// The axis line at `axis_y`, its ticks, tick labels and captions.
  void draw(double axis_y, const TimelineTheme& theme, TimelinePage& out) const;

  /// Grid lines from `top` to `bottom`: year boundaries, and month/quarter
  /// ones faintly in the main segment; broken where a label or a lane title
  /// stands, so that no line runs through text: `texts` are the boxes of
  /// the labels and lane titles. Inserted into the page's items at `index`
  /// (under everything drawn after it).
  void draw_grid(double top, double bottom, const TimelineTheme& theme,
                 const std::vector<Rect>& texts, TimelinePage& out, size_t index) const;

 private:
  int tick_tiers() const;
  int caption_line() const;
  TextBlockPtr caption_block(const ScaleSegment& s) const;
  double caption_x(const ScaleSegment& s, const TextBlock& caption) const;

  const TimelineStyle& style_;
  Rect canvas_;
  double marker_;
  double tick_size_;
  TimeScale scale_;
  std::vector<Tick> ticks_;
  double tick_line_height_ = 0;
};

}  // namespace briefing::timeline_detail
