// The time axis: a piecewise-linear map from days to x (points), where a
// sparse stretch of time may be compressed into a marked "scale ×1/N" segment,
// and the ticks chosen so that their labels never collide.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/partial_date.h"

namespace briefing {

/// Days [first, end) drawn from x0 to x1 (points). `compressed` segments are
/// drawn with fewer points per day than the main one and are marked.
struct ScaleSegment {
  DayNumber first = 0, end = 1;
  double x0 = 0, x1 = 1;
  bool compressed = false;

  double points_per_day() const { return (x1 - x0) / static_cast<double>(end - first); }
};

class TimeScale {
 public:
  TimeScale() = default;
  explicit TimeScale(std::vector<ScaleSegment> segments);

  /// x of the start of `day` (fractional days allowed); clamps to the range.
  double x(double day) const;
  /// x of the end of `last_day` (the start of the day after).
  double x_end(DayNumber last_day) const { return x(static_cast<double>(last_day) + 1); }
  /// The (fractional) day at `x`: the inverse of x(), clamped to the range.
  double day_at(double x) const;
  DayNumber first_day() const { return segments_.front().first; }
  DayNumber end_day() const { return segments_.back().end; }
  double x0() const { return segments_.front().x0; }
  double x1() const { return segments_.back().x1; }
  const std::vector<ScaleSegment>& segments() const { return segments_; }
  bool has_compression() const;
  /// How many times fewer points per day a compressed segment gets than the main one.
  double compression_factor(const ScaleSegment& segment) const;
  const ScaleSegment& main_segment() const;

 private:
  std::vector<ScaleSegment> segments_;
};

struct ScaleSettings {
  bool allow_breaks = true;
  double max_event_share = 0.2;  // a compressed span holds at most this share of events
  double min_time_share = 0.3;   // ... and at least this share of the time
  double compressed_width_share = 0.22;
};

/// The visible range for events spanning [first, last] (days, inclusive),
/// padded in proportion to the span: whole years when it covers three
/// calendar years or more, whole months down to four months, else a few
/// days on either side (about 4 % of the span, at least 2 days).
std::pair<DayNumber, DayNumber> padded_range(DayNumber first, DayNumber last);

/// Builds the scale for `range` = [first, end) over [x0, x1]. `event_days`
/// are the days of events (a span counts by its middle); they decide whether a
/// sparse stretch at either end is compressed. A stretch is compressed only
/// when it holds data (an event day, or a day of `data` = [first, last] of
/// all the data, year dates included, before a left cut or after a right one),
/// so that padding is never compressed. Cuts fall on month starts.
TimeScale build_time_scale(std::pair<DayNumber, DayNumber> range,
                           const std::vector<double>& event_days, double x0, double x1,
                           const ScaleSettings& settings,
                           std::pair<DayNumber, DayNumber> data = {0, -1});

enum class TickUnit {
  day,
  week,
  month,
  quarter,
  year,
  years2,
  years5,
  decade,
  years20,
  years50,
  century
};

/// A labelled period of the axis, [start, end) in days. Labels of periods
/// (day, month, quarter, year) are centred on the visible part of the
/// period and fit inside it; labels of weeks and multi-year steps are
/// centred on the period's start, which lies inside the range. A label
/// that cannot stand at its date is empty: never moved off it.
struct Tick {
  DayNumber start = 0, end = 0;
  double x_start = 0, x_end = 0;  // points, clipped to the scale
  std::string label;
  int tier =
      0;  // 0: the finest labels; 1: the years under months/quarters, months under days/weeks
  double label_x = 0;      // centre of the label, points
  double label_width = 0;  // points
  TickUnit unit = TickUnit::year;
};

/// Measures a label's width in points.
using MeasureText = std::function<double(const std::string&)>;

/// For every segment the finest unit whose labels fit with `min_gap` points
/// between neighbours; then drops any label that would still touch another
/// or leave [lo, hi] (points; by default the scale's own extent).
std::vector<Tick> choose_ticks(const TimeScale& scale, const MeasureText& measure, double min_gap,
                               double lo = 0, double hi = 0);

}  // namespace briefing
