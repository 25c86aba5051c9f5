// Builds the timeline's display list: header, legend, lanes, marks, axis and
// labels. Labels sit next to their marks inside their lane; lanes grow to hold
// them, and one label size — the largest at which everything fits — is used
// for the whole chart. Points, origin at the figure's top left, y down.
#include "layout/timeline_layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>

#include "layout/timeline_lanes.h"
#include "layout/timeline_marks.h"
#include "layout/timeline_packing.h"
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

constexpr double kGap = 3;          // between a mark and its label, points
constexpr double kLanePadding = 1.5;  // inside a lane band, above and below its content, points
constexpr double kSizeStep = 0.25;  // the label size is searched in steps of this, points
/// Wrap widths tried for labels, as shares of the preset's (scaled with the size).
constexpr double kWrapShares[] = {0.65, 1, 1.3, 1.7, 2.2};
/// Lanes with more items than this get fewer packing attempts.
constexpr size_t kCrowdedLane = 40;

/// Text sizes in use (points), after the --highlights adjustment. `label` is
/// the largest label size tried, `minimum` the smallest.
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

enum class LabelSide { right, left, below, above };

/// One dated item on the chart.
struct Entry {
  const Item* item = nullptr;
  std::vector<const Milestone*> milestones;  // those inside the visible range
  size_t lane = 0;
  double xs = 0, xe = 0;  // extent of its marks, points
  double y = -1;          // its mark line, points; < 0: not drawn
};

/// An item label: title, then an optional NEW/CHANGED tag and its dates at
/// their precision. Offsets from the label's top left, points.
struct Label {
  TextBlockPtr title, tag, dates;
  double width = 0, height = 0;
  Point tag_offset, dates_offset;
  double dates_line_width = 0;  // tag and dates together
  double first_line_middle = 0;  // the middle of the title's first line, from the top
  /// The dates follow the title's last line when they fit there (one line
  /// saved); else they stand on a line of their own under the title.
  bool inline_dates = false;
};

std::string dates_text(const Entry& entry) {
  std::string text;
  for (size_t i = 0; i < entry.milestones.size(); ++i) {
    if (i > 0) text += " → ";
    text += entry.milestones[i]->date.format_short();
    if (!entry.milestones[i]->label.empty()) text += " " + entry.milestones[i]->label;
  }
  return text;
}

Label make_label(const Entry& entry, const std::string& tag, const std::string& family,
                 double size, double date_size, double wrap) {
  Label label;
  const TextStyle title_style{family, size, entry.item->highlight, false};
  const TextStyle date_style{family, date_size, false, false};
  label.title = std::make_shared<TextBlock>(entry.item->title, title_style, wrap);
  label.dates = std::make_shared<TextBlock>(dates_text(entry), date_style, wrap);
  const double space = date_size * 0.35;
  double tag_width = 0;
  if (!tag.empty()) {
    label.tag = std::make_shared<TextBlock>(tag, TextStyle{family, date_size, true, false});
    tag_width = label.tag->width() + space;
  }
  label.dates_line_width = tag_width + label.dates->width();
  const auto lines = label.title->line_boxes();
  label.first_line_middle =
      lines.empty() ? label.title->height() / 2 : lines.front().y + lines.front().height / 2;
  const double title_space = size * 0.4;
  const bool fits_inline = !lines.empty() && label.dates->line_count() == 1 &&
                           lines.back().width + title_space + label.dates_line_width <= wrap;
  // Same baseline as the title's last line, or a line of its own.
  const double line_x = fits_inline ? lines.back().x + lines.back().width + title_space : 0;
  const double line_y = fits_inline ? lines.back().y + label.title->baseline() -
                                          std::max(label.dates->baseline(),
                                                   label.tag ? label.tag->baseline() : 0.0)
                                    : label.title->height();
  label.inline_dates = fits_inline;
  const double line_height =
      std::max(label.dates->height(), label.tag ? label.tag->height() : 0.0);
  if (label.tag) label.tag_offset = {line_x, line_y};
  label.dates_offset = {line_x + tag_width, line_y};
  // Baselines aligned when the tag and the dates share a line.
  if (label.tag) {
    label.tag_offset.y += std::max(label.dates->baseline(), label.tag->baseline()) -
                          label.tag->baseline();
    label.dates_offset.y += std::max(label.dates->baseline(), label.tag->baseline()) -
                            label.dates->baseline();
  }
  label.width = std::max(label.title->width(), line_x + label.dates_line_width);
  label.height = std::max(label.title->height(), line_y + line_height);
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

/// `text` wrapped at `wrap` points onto at most `max_lines` lines, cut with
/// "…" at a word when it needs more.
TextBlockPtr block_of_lines(const std::string& text, const TextStyle& style, double wrap,
                            int max_lines) {
  auto block = std::make_shared<TextBlock>(text, style, wrap);
  for (size_t bytes = text.size(); block->line_count() > max_lines && bytes > 4;) {
    bytes = bytes * 9 / 10;
    block = std::make_shared<TextBlock>(truncated(text, bytes), style, wrap);
  }
  return block;
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
                height_ - style.margin_top - style.margin_bottom} {}

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
    // Lanes stop short of the axis: its break marks rise 5 pt above the line.
    const double axis_clearance = 6;
    plot_ = Rect{canvas_.x, top, canvas_.width, std::max(axis_top - axis_clearance - top, 1.0)};
    lanes_ = group_into_lanes(items_in_order(), dataset_, style_);
    for (size_t l = 0; l < lanes_.size(); ++l) {
      for (const Item* item : lanes_[l].items) entry_for(item).lane = l;
    }
    fit_lanes();
    draw_backgrounds();
    const size_t grid_index = result_.page.items.size();
    draw_axis(axis_top);
    draw_lane_titles();
    draw_marks();
    draw_labels();
    draw_grid(grid_index);
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
    // Only the tags that appear on the chart.
    const bool any_new = std::any_of(entries_.begin(), entries_.end(),
                                     [&](const Entry& e) { return tag_for(e) == "NEW"; });
    const bool any_changed = std::any_of(entries_.begin(), entries_.end(),
                                         [&](const Entry& e) { return tag_for(e) == "CHANGED"; });
    if (any_new || any_changed) {
      const std::string tags = any_new && any_changed ? "NEW, CHANGED"
                               : any_new              ? "NEW"
                                                      : "CHANGED";
      entry(tags + ": since the compared data", [&](Rect r) {
        // As drawn on the chart: the mark outlined, the label tagged.
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
  TextBlockPtr caption_block(const ScaleSegment& s) const {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "time scale ×1/%.0f",
                  std::round(scale_.compression_factor(s)));
    return std::make_shared<TextBlock>(
        buffer, TextStyle{style_.font_family, sizes_.tick * 0.9, false, true});
  }

  double caption_x(const ScaleSegment& s, const TextBlock& caption) const {
    const double x = (s.x0 + s.x1) / 2 - caption.width() / 2;
    return std::clamp(x, canvas_.x, canvas_.right() - caption.width());
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
      const TextBlockPtr block = caption_block(s);
      const double y = axis_y + tick_length + 1 + tiers * tick_line_height_;
      add_text(block, {caption_x(s, *block), y}, theme_.muted_text, "legend", "");
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

  /// The horizontal extent of the mark of one milestone, as draw_marks draws it, points.
  std::pair<double, double> milestone_extent(const Milestone& m) const {
    const double a = scale_.x(static_cast<double>(m.date.first_day()));
    switch (m.date.precision()) {
      case DatePrecision::year:
        return {a, std::max(scale_.x_end(m.date.last_day()), a + 3)};
      case DatePrecision::month: {
        const double b = scale_.x_end(m.date.last_day());
        if (b - a >= 3) return {a, b};
        return {(a + b) / 2 - 1.5, (a + b) / 2 + 1.5};
      }
      case DatePrecision::day:
        break;
    }
    const double c = scale_.x(static_cast<double>(m.date.first_day()) + 0.5);
    return {c - marker_ / 2, c + marker_ / 2};
  }

  void mark_extent(Entry& e) const {
    e.xs = std::numeric_limits<double>::infinity();
    e.xe = -e.xs;
    for (const Milestone* m : e.milestones) {
      const auto [a, b] = milestone_extent(*m);
      e.xs = std::min(e.xs, a);
      e.xe = std::max(e.xe, b);
    }
  }

  // ---- lanes: one label size, packing, heights -----------------------------

  /// "NEW" or "CHANGED" for items marked by a comparison, else "".
  std::string tag_for(const Entry& e) const {
    if (options_.added_ids.count(e.item->id)) return "NEW";
    if (options_.changed_ids.count(e.item->id)) return "CHANGED";
    return "";
  }

  /// What an alternative of an entry stands for.
  struct Choice {
    int variant = -1;  // index into the entry's labels; -1: marks without a label
    LabelSide side = LabelSide::right;
    Rect label_box;  // y relative to the mark line
  };

  /// Everything placed at one label size.
  struct Fit {
    double size = 0;
    bool complete = false;                    // every entry placed with its label
    std::vector<std::vector<Label>> labels;   // per entry: one per wrap width
    std::vector<std::vector<Choice>> choices;  // per entry: one per pack alternative
    std::vector<PackPlacement> placements;    // per entry
    std::vector<double> lane_heights;         // content, without padding
    std::vector<TextBlockPtr> lane_titles;    // per lane; null without a title
    double total = 0;                         // all lanes with their padding
  };

  /// The marks' box relative to the mark line: with the year brackets'
  /// strokes, and room for the outline of a marked item.
  Rect marks_box(const Entry& e) const {
    const double pad = tag_for(e).empty() ? 1 : 3;
    return Rect{e.xs - pad, -marker_ / 2 - pad, e.xe - e.xs + 2 * pad, marker_ + 2 * pad};
  }

  /// A lane title at labels of `size`: as large as they are (or in proportion
  /// to the preset's sizes when it has them larger),
  /// on two lines at most, in a column of about a fifth of the plot.
  TextBlockPtr make_lane_title(size_t l, double size) const {
    if (!style_.show_lane_titles || lanes_[l].title.empty()) return nullptr;
    const double title_size = std::max(size, sizes_.lane_title * size / sizes_.label);
    const TextStyle style{style_.font_family, title_size, true, false};
    const double wrap = std::max(plot_.width * 0.25, title_size * 8);
    return block_of_lines(lanes_[l].title, style, wrap, 2);
  }

  /// The lane title and its swatch, relative to the lane's content top: the
  /// swatch centred on the title's first line.
  Rect lane_title_box(const TextBlockPtr& title) const {
    if (!title) return {};
    const double middle = std::max(title_first_line_middle(*title), marker_ / 2);
    const double height = std::max(middle - title_first_line_middle(*title) + title->height(),
                                   middle + marker_ / 2);
    return Rect{plot_.x, 0, title_width(title), height};
  }

  static double title_first_line_middle(const TextBlock& title) {
    const auto lines = title.line_boxes();
    return lines.empty() ? title.height() / 2 : lines.front().y + lines.front().height / 2;
  }

  /// The ways to draw entry `e` at this size: its label right of the marks,
  /// left of them, or under them, at a few wrap widths; the marks alone only
  /// when `marks_only` (the last resort before leaving the item out).
  PackItem alternatives_for(const Entry& e, const std::vector<Label>& labels,
                            const std::vector<size_t>& variants, std::vector<Choice>& choices,
                            bool marks_only) const {
    PackItem item;
    const Rect marks = marks_box(e);
    for (size_t rank = 0; rank < variants.size(); ++rank) {
      const size_t v = variants[rank];
      const Label& label = labels[v];
      const double w = label.width, h = label.height;
      const double beside_y = -label.first_line_middle;
      const double below_y = marks.bottom() + kGap * 0.5;
      const double below_x = std::clamp(e.xs, canvas_.x, canvas_.right() - w);
      const double below_right_x = std::clamp(e.xe - w, canvas_.x, canvas_.right() - w);
      const double above_y = marks.y - kGap * 0.5 - h;
      const std::array<std::pair<LabelSide, Rect>, 6> placements = {{
          {LabelSide::right, Rect{marks.right() + kGap, beside_y, w, h}},
          {LabelSide::left, Rect{marks.x - kGap - w, beside_y, w, h}},
          {LabelSide::below, Rect{below_x, below_y, w, h}},
          {LabelSide::below, Rect{below_right_x, below_y, w, h}},
          {LabelSide::above, Rect{below_x, above_y, w, h}},
          {LabelSide::above, Rect{below_right_x, above_y, w, h}},
      }};
      for (size_t p = 0; p < placements.size(); ++p) {
        const Rect& box = placements[p].second;
        if (box.x < canvas_.x - 0.01 || box.right() > canvas_.right() + 0.01) continue;
        if ((p == 3 || p == 5) && std::abs(box.x - placements[p - 1].second.x) < 0.5) continue;
        // Beside the marks reads best; other wrap widths only when they save room.
        const double penalty =
            static_cast<double>(rank) * label.title->style().size * 0.5 + (p >= 2 ? 1.0 : 0.0);
        // Above or below the marks, a label keeps further from the next
        // item's marks than from its own, so that it reads as theirs.
        Rect keep = box;
        const double far = label.first_line_middle * 2;
        if (placements[p].first == LabelSide::below) keep.height += far;
        if (placements[p].first == LabelSide::above) {
          keep.y -= far;
          keep.height += far;
        }
        item.alternatives.push_back({{marks, keep}, penalty});
        choices.push_back({static_cast<int>(v), placements[p].first, box});
      }
    }
    if (marks_only) {
      item.alternatives.push_back({{marks}, 1e6});
      choices.push_back({-1, LabelSide::right, {}});
    }
    return item;
  }

  /// Orders to pack a lane's members in (indices into `members`):
  /// chronological, longest marks first, latest first; highlights always
  /// first when room is short, so that they are kept.
  std::vector<std::vector<size_t>> packing_orders(const std::vector<size_t>& members,
                                                  bool short_of_room) const {
    std::vector<size_t> chronological(members.size());
    for (size_t k = 0; k < members.size(); ++k) chronological[k] = k;
    std::vector<size_t> longest = chronological;
    std::stable_sort(longest.begin(), longest.end(), [&](size_t a, size_t b) {
      const Entry &x = entries_[members[a]], &y = entries_[members[b]];
      return x.xe - x.xs > y.xe - y.xs + 0.5;
    });
    std::vector<size_t> latest(chronological.rbegin(), chronological.rend());
    // Widest footprint (marks and the label's title) first.
    std::vector<size_t> widest = chronological;
    auto footprint = [&](size_t k) {
      const Entry& e = entries_[members[k]];
      return e.xe - e.xs + static_cast<double>(e.item->title.size());
    };
    std::stable_sort(widest.begin(), widest.end(),
                     [&](size_t a, size_t b) { return footprint(a) > footprint(b) + 0.5; });
    std::vector<std::vector<size_t>> orders = {chronological, longest, latest, widest};
    if (short_of_room) {
      for (auto& order : orders) {
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
          return entries_[members[a]].item->highlight > entries_[members[b]].item->highlight;
        });
      }
    }
    return orders;
  }

  /// Every wrap width, `base` first, then the nearest ones.
  static std::vector<size_t> variants_around(size_t base) {
    std::vector<size_t> variants(std::size(kWrapShares));
    for (size_t v = 0; v < variants.size(); ++v) variants[v] = v;
    std::stable_sort(variants.begin(), variants.end(), [&](size_t a, size_t b) {
      const auto distance = [&](size_t v) { return v > base ? v - base : base - v; };
      return distance(a) < distance(b);
    });
    return variants;
  }

  /// Packs every lane with labels of `size`. With `budgets` (content height
  /// per lane) an entry that does not fit keeps its marks only or is left out.
  Fit pack_at(double size, const std::vector<double>* budgets) const {
    Fit fit;
    fit.size = size;
    const double date_size = std::max(sizes_.date * size / sizes_.label, sizes_.minimum);
    const double wrap = sizes_.wrap;  // points: smaller text, fewer lines
    fit.labels.resize(entries_.size());
    fit.choices.resize(entries_.size());
    fit.placements.assign(entries_.size(), {});
    fit.lane_heights.assign(lanes_.size(), 0);
    for (size_t i = 0; i < entries_.size(); ++i) {
      const std::string tag = tag_for(entries_[i]);
      for (double share : kWrapShares) {
        fit.labels[i].push_back(
            make_label(entries_[i], tag, style_.font_family, size, date_size, wrap * share));
      }
    }
    fit.complete = true;
    for (size_t l = 0; l < lanes_.size(); ++l) {
      const std::vector<size_t> members = lane_members(l);
      fit.lane_titles.push_back(make_lane_title(l, size));
      std::vector<Rect> reserved;
      if (const auto& title = fit.lane_titles.back()) {
        // Kept a little further from labels, which must not read as its continuation.
        Rect box = lane_title_box(title);
        box.width += size;
        reserved.push_back(box);
      }
      PackSettings settings;
      if (budgets) settings.max_height = (*budgets)[l];
      // Greedy packing depends on the wrap widths and on the order: try a
      // few of each, keep the lowest (the most labels placed when room is short).
      LanePacking packing;
      std::vector<std::vector<Choice>> choices;
      size_t best_placed = 0;
      // Packing costs about the square of a lane's items: a crowded lane
      // (which ends at the minimum size anyway) gets fewer attempts.
      const bool crowded = members.size() > kCrowdedLane;
      for (size_t base = crowded ? 1 : 0; base < (crowded ? 3 : std::size(kWrapShares)); ++base) {
        std::vector<PackItem> items;
        std::vector<std::vector<Choice>> base_choices(members.size());
        for (size_t k = 0; k < members.size(); ++k) {
          items.push_back(alternatives_for(entries_[members[k]], fit.labels[members[k]],
                                           variants_around(base), base_choices[k],
                                           budgets != nullptr));
        }
        auto orders = packing_orders(members, budgets != nullptr);
        if (crowded) orders.resize(1);
        for (const auto& order : orders) {
          LanePacking attempt = pack_lane(items, order, reserved, settings);
          size_t placed = 0;
          for (size_t k = 0; k < members.size(); ++k) {
            const auto& p = attempt.placements[k];
            placed += p.alternative >= 0 &&
                      base_choices[k][static_cast<size_t>(p.alternative)].variant >= 0;
          }
          if (packing.placements.empty() || placed > best_placed ||
              (placed == best_placed && attempt.height < packing.height - 0.01)) {
            packing = std::move(attempt);
            choices = base_choices;
            best_placed = placed;
          }
        }
      }
      fit.lane_heights[l] = std::max(packing.height, marker_);
      for (size_t k = 0; k < members.size(); ++k) {
        const PackPlacement& p = packing.placements[k];
        fit.placements[members[k]] = p;
        fit.choices[members[k]] = choices[k];
        if (p.alternative < 0 || choices[k][static_cast<size_t>(p.alternative)].variant < 0)
          fit.complete = false;
      }
      fit.total += fit.lane_heights[l] + 2 * kLanePadding;
    }
    return fit;
  }

  // The largest label size (in steps of kSizeStep, between the minimum and
  // the preset's size) at which every lane fits the plot with every label;
  // below the minimum, labels that do not fit are left out.
  void fit_lanes() {
    for (auto& e : entries_) mark_extent(e);
    lane_layouts_.assign(lanes_.size(), {});
    const double room = plot_.height;
    Fit fit = pack_at(sizes_.label, nullptr);
    if (fit.total > room) {
      Fit smallest = pack_at(sizes_.minimum, nullptr);
      if (smallest.total <= room) {
        // Binary search on the size: `low` fits, `high` does not.
        double low = sizes_.minimum, high = sizes_.label;
        fit = std::move(smallest);
        while (high - low > kSizeStep + 1e-9) {
          const double middle =
              low + std::max(kSizeStep, std::floor((high - low) / 2 / kSizeStep) * kSizeStep);
          Fit attempt = pack_at(middle, nullptr);
          if (attempt.total <= room) {
            low = middle;
            fit = std::move(attempt);
          } else {
            high = middle;
          }
        }
      } else {
        fit = pack_at(sizes_.minimum, budgets_for(smallest));
      }
    }
    label_size_ = fit.size;
    fit_ = std::move(fit);
    place_lanes();
  }

  /// Content height per lane when the lanes at the minimum size do not fit:
  /// shares of the room in proportion to what each lane would need.
  const std::vector<double>* budgets_for(const Fit& unconstrained) {
    const double padding = 2 * kLanePadding * static_cast<double>(lanes_.size());
    const double room = std::max(plot_.height - padding, 0.0);
    double need = 0;
    for (double h : unconstrained.lane_heights) need += h;
    budgets_.clear();
    for (size_t l = 0; l < lanes_.size(); ++l) {
      const double floor = std::max(lane_title_box(unconstrained.lane_titles[l]).height, marker_);
      budgets_.push_back(std::max(floor, unconstrained.lane_heights[l] * room / need));
    }
    return &budgets_;
  }

  // Lane bands down the plot. Room to spare goes to the lanes in proportion
  // to their content, whose mark lines spread (up to half as far again) and
  // centre in the band. Lanes that do not fit (tiny canvases) are not drawn.
  void place_lanes() {
    double content = 0;
    for (double h : fit_.lane_heights) content += h;
    const double slack = std::max(0.0, plot_.height - fit_.total);
    double y = plot_.y;
    for (size_t l = 0; l < lanes_.size(); ++l) {
      LaneLayout& lane = lane_layouts_[l];
      lane.title = fit_.lane_titles[l];
      const double packed = fit_.lane_heights[l];
      const double height = packed + (content > 0 ? slack * packed / content : 0);
      lane.top = y;
      lane.height = height + 2 * kLanePadding;
      lane.fits = lane.top + lane.height <= plot_.bottom() + 0.01;
      const double stretch = std::min(1.5, packed > 0 ? height / packed : 1.0);
      double extent = lane_title_box(lane.title).bottom();
      for (size_t i : lane_members(l)) {
        const PackPlacement& p = fit_.placements[i];
        if (p.alternative < 0) continue;
        const Choice& c = fit_.choices[i][static_cast<size_t>(p.alternative)];
        const Rect marks = marks_box(entries_[i]);
        const double bottom = std::max(marks.bottom(), c.variant >= 0 ? c.label_box.bottom() : 0);
        extent = std::max(extent, p.line_y * stretch + bottom);
      }
      const double shift = std::max(0.0, (height - extent) / 2);
      for (size_t i : lane_members(l)) {
        const PackPlacement& p = fit_.placements[i];
        Entry& e = entries_[i];
        if (!lane.fits || p.alternative < 0) {
          e.y = -1;
          omit(e, lane.fits ? "no room for it in its lane at the minimum text size (" +
                                  format_size(sizes_.minimum) + " pt)"
                            : "no room for its lane at the minimum text size");
          continue;
        }
        e.y = lane.top + kLanePadding + shift + p.line_y * stretch;
        if (fit_.choices[i][static_cast<size_t>(p.alternative)].variant < 0) {
          omit(e, "no free space for its label at the minimum text size (" +
                      format_size(sizes_.minimum) + " pt)");
        }
      }
      y += lane.height;
    }
  }

  struct LaneLayout {
    TextBlockPtr title;
    double top = 0, height = 0;  // the band, points
    bool fits = true;
  };

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

  static std::string format_size(double size) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", size);
    return buffer;
  }

  void omit(const Entry& e, const std::string& reason) {
    result_.omitted.push_back({e.item->id, e.item->title, reason});
  }

  // ---- drawing -----------------------------------------------------------

  void draw_backgrounds() {
    // Lane bands, alternately shaded; the compressed time in its own shade.
    for (size_t l = 0; l < lane_layouts_.size(); ++l) {
      const auto& lane = lane_layouts_[l];
      if (!lane.fits) continue;
      const Rect band{canvas_.x, lane.top, canvas_.width, lane.height};
      if (l % 2 == 1) result_.page.items.push_back(RectShape{band, true, theme_.lane_fill, false, {}, 0});
      result_.elements.push_back({"lane", "", lanes_[l].title, band, 1});
    }
    for (const auto& s : scale_.segments()) {
      if (!s.compressed) continue;
      Color band = theme_.scaled_band;
      band.a = 0.6;
      result_.page.items.push_back(RectShape{
          Rect{s.x0, plot_.y, s.x1 - s.x0, axis_top_y() - plot_.y}, true, band, false, {}, 0});
    }
  }

  // Grid: year boundaries, and month/quarter ones faintly in the main
  // segment; broken where a label or a lane title stands, so that no line
  // runs through text. Inserted under everything drawn after the backgrounds.
  void draw_grid(size_t index) {
    std::vector<Rect> texts;
    for (const auto& e : result_.elements) {
      if (e.kind == "label" || e.kind == "lane-title") texts.push_back(e.box);
    }
    std::vector<DisplayItem> grid;
    const double top = plot_.y, bottom = axis_top_y();
    for (const Tick& t : ticks_) {
      if (t.x_start <= scale_.x0() + 0.5) continue;
      if (t.tier != 0 && t.tier != 1) continue;
      const bool strong = t.tier == 1 || t.unit != TickUnit::month;
      const Stroke stroke{theme_.grid, strong ? 0.8 : 0.4, {}};
      std::vector<std::pair<double, double>> gaps;
      for (const Rect& box : texts) {
        if (t.x_start > box.x - 1 && t.x_start < box.right() + 1)
          gaps.emplace_back(box.y - 1, box.bottom() + 1);
      }
      std::sort(gaps.begin(), gaps.end());
      double y = top;
      for (const auto& [a, b] : gaps) {
        if (a > y) grid.push_back(PathShape{{{t.x_start, y}, {t.x_start, std::min(a, bottom)}}, false, false, {}, true, stroke});
        y = std::max(y, b);
        if (y >= bottom) break;
      }
      if (y < bottom) grid.push_back(PathShape{{{t.x_start, y}, {t.x_start, bottom}}, false, false, {}, true, stroke});
    }
    result_.page.items.insert(result_.page.items.begin() + static_cast<std::ptrdiff_t>(index),
                              grid.begin(), grid.end());
  }

  void draw_lane_titles() {
    for (size_t l = 0; l < lane_layouts_.size(); ++l) {
      const auto& lane = lane_layouts_[l];
      if (!lane.title || !lane.fits) continue;
      const double top = lane.top + kLanePadding;
      const double first_line = title_first_line_middle(*lane.title);
      const double cy = top + std::max(first_line, marker_ / 2);
      marks_.day_marker(plot_.x + marker_ / 2, cy, marker_, lane_color(l), lane_shape(l));
      const Point origin{plot_.x + lane_swatch_width(), cy - first_line};
      add_text(lane.title, origin, theme_.text, "lane-title", "");
    }
  }

  void draw_marks() {
    for (auto& e : entries_) {
      if (e.y < 0) continue;
      const Color color = lane_color(e.lane);
      const MarkShape shape = lane_shape(e.lane);
      const bool marked = !tag_for(e).empty();
      if (e.milestones.size() > 1) {
        // One connected row: a line through every milestone.
        const double a = scale_.x(static_cast<double>(e.milestones.front()->date.first_day()));
        const double b = scale_.x(static_cast<double>(e.milestones.back()->date.first_day()));
        add_path({{a, e.y}, {b, e.y}}, Stroke{color, 1.5, {}});
        result_.elements.push_back(
            {"marker", e.item->id, "connector", Rect{a, e.y - 0.75, b - a, 1.5}, 1});
      }
      for (const Milestone* m : e.milestones) {
        const auto [a, b] = milestone_extent(*m);
        Rect box;
        switch (m->date.precision()) {
          case DatePrecision::year:
            box = marks_.year_bar(a, b, e.y, marker_, color);
            break;
          case DatePrecision::month:
            box = marks_.month_bar(a, b, e.y, marker_, color);
            break;
          case DatePrecision::day:
            box = marks_.day_marker((a + b) / 2, e.y, marker_, color, shape);
            break;
        }
        if (marked) {
          marks_.ring(box, theme_.changed);
          box = Rect{box.x - 2, box.y - 2, box.width + 4, box.height + 4};
        }
        result_.elements.push_back({"marker", e.item->id, m->date.iso() + " " + m->label, box, 1});
      }
    }
  }

  void draw_labels() {
    for (size_t i = 0; i < entries_.size(); ++i) {
      const Entry& e = entries_[i];
      const PackPlacement& p = fit_.placements[i];
      if (e.y < 0 || p.alternative < 0) continue;
      const Choice& c = fit_.choices[i][static_cast<size_t>(p.alternative)];
      if (c.variant < 0) continue;
      const Label& label = fit_.labels[i][static_cast<size_t>(c.variant)];
      Rect box = c.label_box;
      box.y += e.y;
      draw_label(e, label, box, c.side);
    }
  }

  void draw_label(const Entry& e, const Label& label, const Rect& box, LabelSide side) {
    // Left of the marks: flush right against them (stacked labels only).
    // Under or over the marks but pushed left of their start: flush right too.
    const bool pushed_left = side != LabelSide::right && box.x < e.xs - 0.5;
    const bool right_aligned = pushed_left && !label.inline_dates;
    TextBlockPtr title = label.title;
    if (right_aligned && title->line_count() > 1) {
      // Every line flush right; the same breaks as measured.
      title = std::make_shared<TextBlock>(title->text(), title->style(), title->width() + 0.5,
                                          TextAlign::right);
    }
    TextBlockPtr dates = label.dates;
    if (right_aligned && dates->line_count() > 1) {
      dates = std::make_shared<TextBlock>(dates->text(), dates->style(), dates->width() + 0.5,
                                          TextAlign::right);
    }
    const double title_x = right_aligned ? box.right() - title->width() : box.x;
    const double line_x =
        right_aligned ? box.right() - (label.dates_offset.x + dates->width()) : box.x;
    result_.page.items.push_back(TextShape{{title_x, box.y}, title, theme_.text});
    if (label.tag) {
      result_.page.items.push_back(TextShape{
          {line_x + label.tag_offset.x, box.y + label.tag_offset.y}, label.tag, theme_.changed});
    }
    result_.page.items.push_back(TextShape{
        {line_x + label.dates_offset.x, box.y + label.dates_offset.y}, dates, theme_.muted_text});
    result_.elements.push_back({"label", e.item->id, e.item->title, box, 1});
    if (const std::string& url = e.item->primary_url(); !url.empty()) {
      result_.page.items.push_back(LinkArea{{box}, url, ""});
    }
  }

  // ---- helpers -----------------------------------------------------------

  void add_text(const TextBlockPtr& block, Point origin, Color color, const std::string& kind,
                const std::string& item_id) {
    result_.page.items.push_back(TextShape{origin, block, color});
    const Rect box{origin.x, origin.y, block->width(), block->height()};
    result_.elements.push_back({kind, item_id, block->text(), box, 1});
  }

  void add_path(std::vector<Point> points, Stroke stroke) {
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
  TimelineLayout result_;
  MarkPainter marks_{result_.page.items};
  std::vector<Entry> entries_;
  std::vector<Lane> lanes_;
  std::vector<LaneLayout> lane_layouts_;
  Fit fit_;
  std::vector<double> budgets_;
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
