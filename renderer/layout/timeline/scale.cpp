#include "layout/timeline/scale.h"

#include <algorithm>
#include <cmath>

#include "text/messages.h"

namespace briefing {

TimeScale::TimeScale(std::vector<ScaleSegment> segments) : segments_(std::move(segments)) {}

double TimeScale::x(double day) const {
  const ScaleSegment* segment = &segments_.front();
  for (const auto& s : segments_) {
    segment = &s;
    if (day < static_cast<double>(s.end)) break;
  }
  double clamped =
      std::clamp(day, static_cast<double>(segment->first), static_cast<double>(segment->end));
  return segment->x0 + (clamped - static_cast<double>(segment->first)) * segment->points_per_day();
}

double TimeScale::day_at(double x) const {
  const ScaleSegment* segment = &segments_.front();
  for (const auto& s : segments_) {
    segment = &s;
    if (x < s.x1) break;
  }
  const double clamped = std::clamp(x, segment->x0, segment->x1);
  return static_cast<double>(segment->first) + (clamped - segment->x0) / segment->points_per_day();
}

bool TimeScale::has_compression() const {
  return std::any_of(segments_.begin(), segments_.end(),
                     [](const auto& s) { return s.compressed; });
}

const ScaleSegment& TimeScale::main_segment() const {
  for (const auto& s : segments_) {
    if (!s.compressed) return s;
  }
  return segments_.front();
}

double TimeScale::compression_factor(const ScaleSegment& segment) const {
  return main_segment().points_per_day() / segment.points_per_day();
}

namespace {

DayNumber month_start(DayNumber day, int delta_months = 0) {
  // Find the civil date of `day` by stepping from a year estimate.
  int year = 1970 + static_cast<int>(std::floor(static_cast<double>(day) / 365.2425));
  while (day_number(year, 1, 1) > day) --year;
  while (day_number(year + 1, 1, 1) <= day) ++year;
  int month = 1;
  while (month < 12 && day_number(year, month + 1, 1) <= day) ++month;
  int total = year * 12 + (month - 1) + delta_months;
  return day_number(total / 12, total % 12 + 1, 1);
}

int year_of(DayNumber day) {
  int year = 1970 + static_cast<int>(std::floor(static_cast<double>(day) / 365.2425));
  while (day_number(year, 1, 1) > day) --year;
  while (day_number(year + 1, 1, 1) <= day) ++year;
  return year;
}

int month_of(DayNumber day) {
  const int year = year_of(day);
  int month = 1;
  while (month < 12 && day_number(year, month + 1, 1) <= day) ++month;
  return month;
}

}  // namespace

std::pair<DayNumber, DayNumber> padded_range(DayNumber first, DayNumber last) {
  const int y0 = year_of(first);
  const int y1 = year_of(last);
  if (y1 - y0 >= 2) {
    // Whole years at the start; at the end, up to the next quarter so that
    // the last events do not sit on the edge, without a nearly empty year.
    DayNumber end = month_start(last, 1);
    while ((month_start(end, 0) == end) && ((year_of(end) * 12 + month_of(end) - 1) % 3 != 0)) {
      end = month_start(end, 1);
    }
    return {day_number(y0, 1, 1), end};
  }
  const DayNumber span = last - first + 1;
  if (span > 120) return {month_start(first), month_start(last, 1)};
  // A short span: a few days either side, in proportion, never whole empty
  // months (day and week ticks read it).
  const DayNumber pad = std::max<DayNumber>(2, std::lround(static_cast<double>(span) * 0.04));
  return {first - pad, last + 1 + pad};
}

TimeScale build_time_scale(std::pair<DayNumber, DayNumber> range,
                           const std::vector<double>& event_days, double x0, double x1,
                           const ScaleSettings& settings, std::pair<DayNumber, DayNumber> data) {
  auto [first, end] = range;
  // Data inside a stretch makes it "between data"; padding alone never does.
  const bool data_known = data.second >= data.first;
  auto data_before = [&](DayNumber cut, double events_before) {
    return events_before > 0 || (data_known && data.first < cut);
  };
  auto data_after = [&](DayNumber cut, double events_after) {
    return events_after > 0 || (data_known && data.second >= cut);
  };
  if (end <= first) end = first + 1;
  const double total_days = static_cast<double>(end - first);
  const double total_events = static_cast<double>(std::max<size_t>(event_days.size(), 1));
  const double width = x1 - x0;

  // Candidate cuts on month starts; the best sparse stretch at each end is
  // the one giving away the most time for the fewest events.
  struct Cut {
    DayNumber day = 0;
    double gain = 0;
  };
  Cut left, right;
  if (settings.allow_breaks && event_days.size() >= 4) {
    for (DayNumber cut = month_start(first, 1); cut < end; cut = month_start(cut, 1)) {
      const double before =
          static_cast<double>(std::count_if(event_days.begin(), event_days.end(), [&](double d) {
            return d < static_cast<double>(cut);
          }));
      const double time_left = static_cast<double>(cut - first) / total_days;
      const double time_right = static_cast<double>(end - cut) / total_days;
      const double share_left = before / total_events;
      const double share_right = 1 - share_left;
      if (share_left <= settings.max_event_share && time_left >= settings.min_time_share &&
          data_before(cut, before) && time_left - share_left > left.gain) {
        left = {cut, time_left - share_left};
      }
      const double after =
          static_cast<double>(std::count_if(event_days.begin(), event_days.end(), [&](double d) {
            return d >= static_cast<double>(cut);
          }));
      (void)share_right;
      const double share_after = after / total_events;
      if (share_after <= settings.max_event_share && time_right >= settings.min_time_share &&
          data_after(cut, after) && time_right - share_after > right.gain) {
        right = {cut, time_right - share_after};
      }
    }
    if (left.day && right.day && right.day <= left.day) {
      (left.gain >= right.gain ? right : left) = Cut{};
    }
  }

  // Widths: a compressed stretch gets a fixed share of the width (at least
  // its share of events), and must end up at least 1.5 times denser.
  auto compressed_width = [&](DayNumber a, DayNumber b, double event_share) {
    const double proportional = static_cast<double>(b - a) / total_days * width;
    const double w = std::max(settings.compressed_width_share, event_share + 0.05) * width;
    return std::min(w, proportional);
  };
  std::vector<ScaleSegment> segments;
  double left_width = 0, right_width = 0;
  if (left.day) {
    const double share = static_cast<double>(std::count_if(
                             event_days.begin(), event_days.end(),
                             [&](double d) { return d < static_cast<double>(left.day); })) /
                         total_events;
    left_width = compressed_width(first, left.day, share);
  }
  if (right.day) {
    const double share = static_cast<double>(std::count_if(
                             event_days.begin(), event_days.end(),
                             [&](double d) { return d >= static_cast<double>(right.day); })) /
                         total_events;
    right_width = compressed_width(right.day, end, share);
  }
  const DayNumber main_first = left.day ? left.day : first;
  const DayNumber main_end = right.day ? right.day : end;
  const double main_ppd =
      (width - left_width - right_width) / static_cast<double>(main_end - main_first);
  auto worth_it = [&](DayNumber a, DayNumber b, double w) {
    return w > 0 && main_ppd / (w / static_cast<double>(b - a)) >= 1.5;
  };
  const bool use_left = left.day && worth_it(first, left.day, left_width);
  const bool use_right = right.day && worth_it(right.day, end, right_width);
  if (!use_left && !use_right) return TimeScale({{first, end, x0, x1, false}});

  double x = x0;
  const DayNumber mf = use_left ? left.day : first;
  const DayNumber me = use_right ? right.day : end;
  const double main_width = width - (use_left ? left_width : 0) - (use_right ? right_width : 0);
  if (use_left) {
    segments.push_back({first, left.day, x, x + left_width, true});
    x += left_width;
  }
  segments.push_back({mf, me, x, x + main_width, false});
  x += main_width;
  if (use_right) segments.push_back({right.day, end, x, x1, true});
  return TimeScale(std::move(segments));
}

namespace {

int unit_years(TickUnit unit) {
  switch (unit) {
    case TickUnit::years2:
      return 2;
    case TickUnit::years5:
      return 5;
    case TickUnit::decade:
      return 10;
    case TickUnit::years20:
      return 20;
    case TickUnit::years50:
      return 50;
    case TickUnit::century:
      return 100;
    default:
      return 1;
  }
}

struct Civil {
  int year, month, day;
};

Civil civil(DayNumber day) {
  const int year = year_of(day);
  int month = 1;
  while (month < 12 && day_number(year, month + 1, 1) <= day) ++month;
  return {year, month, static_cast<int>(day - day_number(year, month, 1)) + 1};
}

// Periods of `unit` overlapping [first, end).
std::vector<Tick> periods(TickUnit unit, DayNumber first, DayNumber end) {
  std::vector<Tick> out;
  if (unit == TickUnit::day || unit == TickUnit::week) {
    // Weeks start on Monday; day 0 (1970-01-01) was a Thursday.
    const DayNumber step = unit == TickUnit::day ? 1 : 7;
    DayNumber a = first;
    if (unit == TickUnit::week) a -= ((first + 3) % 7 + 7) % 7;
    for (; a < end; a += step) {
      Tick t;
      t.start = a;
      t.end = a + step;
      t.unit = unit;
      t.label = std::to_string(civil(a).day);
      out.push_back(std::move(t));
    }
    return out;
  }
  const int months = unit == TickUnit::month     ? 1
                     : unit == TickUnit::quarter ? 3
                                                 : 12 * unit_years(unit);
  int year = year_of(first);
  int step_years = unit_years(unit);
  int start_year =
      (unit == TickUnit::month || unit == TickUnit::quarter || step_years == 1)
          ? year
          : static_cast<int>(std::floor(static_cast<double>(year) / step_years)) * step_years;
  int total = start_year * 12;
  if (unit == TickUnit::quarter) total += (month_of(first) - 1) / 3 * 3;
  if (unit == TickUnit::month) total += month_of(first) - 1;
  while (true) {
    DayNumber a = day_number(total / 12, total % 12 + 1, 1);
    int next_total = total + months;
    DayNumber b = day_number(next_total / 12, next_total % 12 + 1, 1);
    if (a >= end) break;
    if (b > first) {
      Tick t;
      t.start = a;
      t.end = b;
      t.unit = unit;
      const int y = total / 12, m = total % 12 + 1;
      if (unit == TickUnit::month)
        t.label = document_messages().month_short(m);
      else if (unit == TickUnit::quarter)
        t.label =
            document_messages().get("timeline.quarter", {{"n", std::to_string((m - 1) / 3 + 1)}});
      else
        t.label = std::to_string(y);
      out.push_back(std::move(t));
    }
    total = next_total;
  }
  return out;
}

bool centred(TickUnit unit) {
  return unit == TickUnit::day || unit == TickUnit::month || unit == TickUnit::quarter ||
         unit == TickUnit::year;
}

// Places the labels of `ticks` of `segment` with every label at its own
// date (see Tick) and inside [lo, hi]; false if two neighbours come closer
// than `gap` or an inner period is too narrow for its label. A label of a
// period the segment cuts, or of a date outside the segment, is left empty.
bool place_labels(std::vector<Tick>& ticks, const TimeScale& scale, const ScaleSegment& segment,
                  const MeasureText& measure, double gap, double lo, double hi) {
  double previous_right = -1e18;
  for (auto& t : ticks) {
    t.x_start = std::max(scale.x(static_cast<double>(t.start)), segment.x0);
    t.x_end = std::min(scale.x(static_cast<double>(t.end)), segment.x1);
    t.label_width = measure(t.label);
    if (centred(t.unit)) {
      t.label_x = (t.x_start + t.x_end) / 2;
      if (t.label_width + gap > t.x_end - t.x_start) {
        // A period cut by the segment's edge may stay unlabelled; an inner one may not.
        const bool cut = t.start < segment.first || t.end > segment.end;
        if (!cut) return false;
        t.label.clear();
        continue;
      }
    } else {
      t.label_x = scale.x(static_cast<double>(t.start));
      if (t.start < segment.first || t.start >= segment.end ||
          t.label_x - t.label_width / 2 < lo - 0.01 || t.label_x + t.label_width / 2 > hi + 0.01) {
        t.label.clear();
        continue;
      }
    }
    const double left = t.label_x - t.label_width / 2;
    if (left < previous_right + gap) return false;
    previous_right = left + t.label_width;
  }
  return true;
}

// The periods labelled under the finest ticks: years under months and
// quarters, months ("March 2024") under days and weeks; none otherwise.
std::vector<Tick> second_tier(TickUnit finest, const ScaleSegment& segment) {
  if (finest == TickUnit::month || finest == TickUnit::quarter) {
    return periods(TickUnit::year, segment.first, segment.end);
  }
  if (finest != TickUnit::day && finest != TickUnit::week) return {};
  std::vector<Tick> months = periods(TickUnit::month, segment.first, segment.end);
  for (Tick& t : months) {
    const Civil c = civil(t.start);
    t.label = document_messages().date(PartialDate::month(c.year, c.month));
  }
  return months;
}

}  // namespace

std::vector<Tick> choose_ticks(const TimeScale& scale, const MeasureText& measure, double min_gap,
                               double lo, double hi) {
  if (!(hi > lo)) {
    lo = scale.x0();
    hi = scale.x1();
  }
  std::vector<Tick> all;
  const TickUnit units[] = {TickUnit::day,     TickUnit::week,   TickUnit::month,
                            TickUnit::quarter, TickUnit::year,   TickUnit::years2,
                            TickUnit::years5,  TickUnit::decade, TickUnit::years20,
                            TickUnit::years50, TickUnit::century};
  for (const auto& segment : scale.segments()) {
    std::vector<Tick> chosen;
    for (TickUnit unit : units) {
      // Days and weeks only for short stretches (a few months at most).
      if ((unit == TickUnit::day || unit == TickUnit::week) && segment.end - segment.first > 120) {
        continue;
      }
      auto ticks = periods(unit, segment.first, segment.end);
      if (place_labels(ticks, scale, segment, measure, min_gap, lo, hi)) {
        chosen = std::move(ticks);
        break;
      }
    }
    if (chosen.empty()) continue;
    // A tick at a period's start: one begun before the segment has none.
    if (!centred(chosen.front().unit)) {
      chosen.erase(std::remove_if(chosen.begin(), chosen.end(),
                                  [&](const Tick& t) { return t.start < segment.first; }),
                   chosen.end());
    }
    auto upper = second_tier(chosen.front().unit, segment);
    for (auto& t : chosen) all.push_back(t);
    for (auto& t : upper) {
      // Centred under the visible part of its own period, or not at all:
      // never spilling under the next period's ticks.
      t.tier = 1;
      t.x_start = std::max(scale.x(static_cast<double>(t.start)), segment.x0);
      t.x_end = std::min(scale.x(static_cast<double>(t.end)), segment.x1);
      t.label_width = measure(t.label);
      t.label_x = (t.x_start + t.x_end) / 2;
      if (t.label_width > t.x_end - t.x_start) t.label.clear();
      all.push_back(t);
    }
  }
  // Across segments: a label that would touch its neighbour in the same
  // tier, or leave [lo, hi], is dropped, never moved off its date.
  for (int tier = 0; tier < 2; ++tier) {
    double previous_right = -1e18;
    for (auto& t : all) {
      if (t.tier != tier || t.label.empty()) continue;
      const double left = t.label_x - t.label_width / 2;
      if (left < previous_right + min_gap || left < lo - 0.01 || left + t.label_width > hi + 0.01) {
        t.label.clear();
        continue;
      }
      previous_right = t.label_x + t.label_width / 2;
    }
  }
  return all;
}

}  // namespace briefing
