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

/// The visible range for events spanning [first, last] (days, inclusive):
/// whole years when the range is two years or more, else whole months.
std::pair<DayNumber, DayNumber> padded_range(DayNumber first, DayNumber last);

/// Builds the scale for `range` = [first, end) over [x0, x1]. `event_days`
/// are the days of events (a span counts by its middle); they decide whether a
/// sparse stretch at either end is compressed. Cuts fall on month starts.
TimeScale build_time_scale(std::pair<DayNumber, DayNumber> range,
                           const std::vector<double>& event_days, double x0, double x1,
                           const ScaleSettings& settings);

enum class TickUnit { month, quarter, year, years2, years5, decade, years20, years50, century };

/// A labelled period of the axis, [start, end) in days. Labels of periods
/// (month, quarter, year) are centred on the period; labels of multi-year
/// steps sit on the period's start.
struct Tick {
  DayNumber start = 0, end = 0;
  double x_start = 0, x_end = 0;  // points, clipped to the scale
  std::string label;
  int tier = 0;            // 0: the finest labels; 1: the years under months/quarters
  double label_x = 0;      // centre of the label, points
  double label_width = 0;  // points
  TickUnit unit = TickUnit::year;
};

/// Measures a label's width in points.
using MeasureText = std::function<double(const std::string&)>;

/// For every segment the finest unit whose labels fit with `min_gap` points
/// between neighbours; then drops any label that would still touch another.
std::vector<Tick> choose_ticks(const TimeScale& scale, const MeasureText& measure, double min_gap);

}  // namespace briefing
