// Drawing the timeline's lanes once they are fitted: the lane bands and the
// compressed-time band, lane titles with their swatches, the marks of every
// entry (outlined when new or changed) and the labels next to them, with
// their links. Points, y down.
#include <algorithm>
#include <iterator>
#include <map>
#include <memory>

#include "layout/layout_dump.h"
#include "layout/timeline/builder.h"

namespace briefing::timeline_detail {

size_t TimelineBuilder::lane_identity(const Lane& lane) const {
  if (lane_keys_.empty()) {
    // The lanes of every dated item, unfiltered and unmerged, in the order
    // the unfiltered chart shows them (chronological first appearance).
    std::vector<const Item*> items;
    for (const Item& item : dataset_.items) {
      if (item.is_dated()) items.push_back(&item);
    }
    std::stable_sort(items.begin(), items.end(), [](const Item* a, const Item* b) {
      return a->milestones.front().date < b->milestones.front().date;
    });
    for (const Lane& l : group_into_lanes(items, dataset_, style_, items.size() + 2)) {
      lane_keys_.push_back(l.key);
    }
  }
  const auto found = std::find(lane_keys_.begin(), lane_keys_.end(), lane.key);
  return static_cast<size_t>(found - lane_keys_.begin());  // "Other": after all of them
}

Color TimelineBuilder::lane_color(const Lane& lane) const {
  // The layout's own colour for the lane ([lanes.colors]; "other" for the
  // merged lane), else the theme's palette by the lane's identity.
  const auto& own = style_.lane_color_overrides;
  if (!own.empty()) {
    const auto found = own.find(lane.key == "(other)" ? std::string("other") : lane.key);
    if (found != own.end()) return found->second;
  }
  if (theme_.lane_colors.empty()) return theme_.text;
  return theme_.lane_colors[lane_identity(lane) % theme_.lane_colors.size()];
}

MarkShape TimelineBuilder::lane_shape(const Lane& lane) const {
  if (!theme_.lane_shapes) return MarkShape::circle;
  static const MarkShape shapes[] = {MarkShape::circle,  MarkShape::square, MarkShape::triangle,
                                     MarkShape::diamond, MarkShape::ring,   MarkShape::cross};
  return shapes[lane_identity(lane) % std::size(shapes)];
}

void TimelineBuilder::draw_backgrounds() {
  // Lane bands, alternately shaded; the compressed time in its own shade.
  for (size_t l = 0; l < lane_layouts_.size(); ++l) {
    const auto& lane = lane_layouts_[l];
    if (!lane.fits) continue;
    const Rect band{canvas_.x, lane.top, canvas_.width, lane.height};
    // The band stands for the lane whether it is shaded or not.
    Group group;
    group.tag = Tag{"lane", "", lanes_[l].title};
    group.area = band;
    if (l % 2 == 1) group.items.push_back(RectShape{band, true, theme_.lane_fill, false, {}, 0});
    result_.page.items.push_back(std::move(group));
  }
  for (const auto& s : axis_.scale().segments()) {
    if (!s.compressed) continue;
    Color band = theme_.scaled_band;
    band.a = 0.6;
    result_.page.items.push_back(RectShape{
        Rect{s.x0, plot_.y, s.x1 - s.x0, axis_top_y() - plot_.y}, true, band, false, {}, 0});
  }
}

void TimelineBuilder::draw_lane_titles() {
  for (size_t l = 0; l < lane_layouts_.size(); ++l) {
    const auto& lane = lane_layouts_[l];
    if (!lane.title || !lane.fits) continue;
    const double top = lane.top + kLanePadding;
    const double first_line = title_first_line_middle(*lane.title);
    const double cy = top + std::max(first_line, marker_ / 2);
    marks_.day_marker(plot_.x + marker_ / 2, cy, marker_, lane_color(lanes_[l]),
                      lane_shape(lanes_[l]));
    const Point origin{plot_.x + lane_swatch_width(), cy - first_line};
    add_text(result_, lane.title, origin, theme_.text, "lane-title", "");
    text_boxes_.push_back(Rect{origin.x, origin.y, lane.title->width(), lane.title->height()});
  }
}

void TimelineBuilder::draw_marks() {
  for (auto& e : entries_) {
    if (e.y < 0) continue;
    const Color color = e.item->colour.value_or(lane_color(lanes_[e.lane]));
    const MarkShape shape = lane_shape(lanes_[e.lane]);
    const bool marked = !tag_for(e, options_).empty();
    if (e.milestones.size() > 1) {
      // One connected row: a line through every milestone.
      const double a = axis_.scale().x(static_cast<double>(e.milestones.front()->date.first_day()));
      const double b = axis_.scale().x(static_cast<double>(e.milestones.back()->date.first_day()));
      add_path(result_, {{a, e.y}, {b, e.y}}, Stroke{color, 1.5, {}});
      std::get<PathShape>(result_.page.items.back()).tag = Tag{"marker", e.item->id, "connector"};
    }
    for (const Milestone* m : e.milestones) {
      const auto [a, b] = milestone_extent(*m, axis_.scale(), marker_);
      const size_t first_shape = result_.page.items.size();
      // Where the visible range cuts a period, its bar is open there.
      const bool open_start = m->date.first_day() < axis_.scale().first_day();
      const bool open_end = m->date.last_day() + 1 > axis_.scale().end_day();
      Rect box;
      switch (m->date.precision()) {
        case DatePrecision::year:
          box = marks_.year_bar(a, b, e.y, marker_, color, open_start, open_end);
          break;
        case DatePrecision::month:
          box =
              marks_.month_bar(a, b, e.y, marker_, color, open_start, open_end, theme_.background);
          break;
        case DatePrecision::day:
          box = marks_.day_marker((a + b) / 2, e.y, marker_, color, shape);
          break;
      }
      if (marked) marks_.ring(box, theme_.changed);
      // The mark's shapes as one tagged group (drawn exactly as before).
      Group mark;
      mark.tag = Tag{"marker", e.item->id, m->date.iso() + " " + m->label};
      auto& items = result_.page.items;
      mark.items.assign(
          std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(first_shape)),
          std::make_move_iterator(items.end()));
      items.resize(first_shape);
      items.push_back(std::move(mark));
    }
  }
}

void TimelineBuilder::draw_continuations() {
  const DayNumber first = axis_.scale().first_day(), end = axis_.scale().end_day();
  std::vector<Rect> taken;
  std::map<std::string, Rect> label_boxes;
  for (const PlacedElement& element : placed_elements(result_.page.items)) {
    if (element.kind != "lane") taken.push_back(element.box);
    if (element.kind == "label") label_boxes[element.item_id] = element.box;
  }
  for (const Entry& e : entries_) {
    if (e.y < 0) continue;
    const auto& all = e.item->milestones;
    const bool before = std::any_of(all.begin(), all.end(),
                                    [&](const Milestone& m) { return m.date.last_day() < first; });
    const bool after = std::any_of(all.begin(), all.end(),
                                   [&](const Milestone& m) { return m.date.first_day() >= end; });
    const Color color = e.item->colour.value_or(lane_color(lanes_[e.lane]));
    const double size = marker_ * 0.8;
    const double depth = size * 0.45;
    for (const auto& [cut, direction] : {std::pair{before, -1}, std::pair{after, 1}}) {
      if (!cut) continue;
      // On the row, just beyond the outermost mark; when the label stands
      // there, just beyond the label.
      std::vector<double> starts{direction < 0 ? e.xs - 2 : e.xe + 2};
      if (auto label = label_boxes.find(e.item->id); label != label_boxes.end()) {
        const Rect& l = label->second;
        if (l.y <= e.y && l.bottom() >= e.y)
          starts.push_back(direction < 0 ? l.x - 2 : l.right() + 2);
      }
      for (const double start : starts) {
        const double tip = start + direction * depth;
        const Rect box{std::min(start, tip) - 0.75, e.y - size / 2 - 0.75, depth + 1.5, size + 1.5};
        if (box.x < canvas_.x || box.right() > canvas_.right()) continue;
        if (std::any_of(taken.begin(), taken.end(),
                        [&](const Rect& r) { return r.intersects(box, -0.01); })) {
          continue;
        }
        const size_t first_shape = result_.page.items.size();
        marks_.chevron(tip, e.y, size, direction, color);
        Group mark;
        mark.tag =
            Tag{"marker", e.item->id, direction < 0 ? "continues before" : "continues after"};
        auto& items = result_.page.items;
        mark.items.assign(
            std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(first_shape)),
            std::make_move_iterator(items.end()));
        items.resize(first_shape);
        items.push_back(std::move(mark));
        taken.push_back(box);
        break;
      }
    }
  }
}

void TimelineBuilder::draw_labels() {
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

void TimelineBuilder::draw_label(const Entry& e, const Label& label, const Rect& box,
                                 LabelSide side) {
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
  // The label as one tagged group: its title, tag and dates, and its link.
  Group group;
  group.tag = Tag{"label", e.item->id, e.item->title};
  group.items.push_back(TextShape{{title_x, box.y}, title, theme_.text});
  if (label.tag) {
    group.items.push_back(TextShape{
        {line_x + label.tag_offset.x, box.y + label.tag_offset.y}, label.tag, theme_.changed});
  }
  group.items.push_back(TextShape{
      {line_x + label.dates_offset.x, box.y + label.dates_offset.y}, dates, theme_.muted_text});
  if (const std::string& href = e.item->primary_href(); !href.empty()) {
    group.items.push_back(LinkArea{{box}, href, ""});
  }
  result_.page.items.push_back(std::move(group));
  text_boxes_.push_back(box);
}

}  // namespace briefing::timeline_detail
