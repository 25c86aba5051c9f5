// Builds the timeline's display list: header, legend, lanes, marks, axis and
// labels. Labels sit next to their marks inside their lane; lanes grow to hold
// them, and one label size — the largest at which everything fits — is used
// for the whole chart. Points, origin at the figure's top left, y down.
//
// The parts live in their own files in layout/timeline/: entries (selection),
// legend, axis (axis, ticks, grid), lane_fit (the label size and the packing
// of lanes), labels (label text) and drawing (lane bands, titles, marks, labels).
#include "layout/timeline/timeline_layout.h"

#include <algorithm>
#include <memory>

#include "layout/layout_dump.h"
#include "layout/timeline/builder.h"
#include "layout/timeline/chrome.h"
#include "layout/timeline/density_layout.h"
#include "layout/timeline/figure_description.h"
#include "layout/timeline/filter_check.h"
#include "layout/timeline/lane_color_check.h"
#include "text/messages.h"
#include "text/text_block.h"

namespace briefing {

namespace timeline_detail {

namespace {

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

}  // namespace

void add_text(TimelinePage& out, const TextBlockPtr& block, Point origin, Color color,
              const std::string& kind, const std::string& item_id) {
  out.page.items.push_back(TextShape{origin, block, color, Tag{kind, item_id, {}}});
}

void add_path(TimelinePage& out, std::vector<Point> points, Stroke stroke) {
  PathShape path;
  path.points = std::move(points);
  path.stroke = std::move(stroke);
  out.page.items.push_back(std::move(path));
}

TimelineBuilder::TimelineBuilder(const Dataset& dataset, const TimelineStyle& style,
                                 const TimelineOptions& options)
    : dataset_(dataset),
      style_(style),
      options_(options),
      theme_(style.theme(options.theme)),
      sizes_(sizes_for(style, options.highlights_only)),
      width_(options.width > 0 ? options.width : style.width),
      height_(options.height > 0 ? options.height : style.height),
      marker_(options.highlights_only ? style.marker_size * 1.4 : style.marker_size),
      preset_marker_(marker_),
      canvas_(content_area(style, width_, height_)),
      axis_(style, canvas_, marker_, sizes_.tick) {}

TimelinePage TimelineBuilder::build() {
  result_.page.width = width_;
  result_.page.height = height_;
  result_.page.items.push_back(Destination{"timeline", {0, 0}});
  add_chrome(style_, width_, height_, result_);
  result_.background = theme_.background;
  entries_ = select_entries(dataset_, options_, result_.undated_count);
  // Past what labels can show: density strips, highlights labelled.
  if (entries_.size() > kDensityThreshold) {
    return layout_density_page(dataset_, style_, options_, entries_, result_.undated_count);
  }
  double top = place_title(canvas_.y);
  if (entries_.empty()) {
    place_empty_note(top);
    return std::move(result_);
  }
  axis_.build(entries_, options_);
  const double legend_top = top;
  const size_t legend_first = result_.page.items.size();
  top = place_legend(top);
  const size_t legend_end = result_.page.items.size();
  const double axis_top = axis_top_y();
  // Lanes stop short of the axis: its break marks rise 5 pt above the line.
  const double axis_clearance = 6;
  plot_ = Rect{canvas_.x, top, canvas_.width, std::max(axis_top - axis_clearance - top, 1.0)};
  lanes_ = group_into_lanes(items_in_order(entries_), dataset_, style_);
  for (size_t l = 0; l < lanes_.size(); ++l) {
    for (const Item* item : lanes_[l].items) entry_for(entries_, item).lane = l;
  }
  if (!options_.marks_only_ids.empty()) {
    std::vector<Entry> labelled;
    for (Entry& e : entries_) {
      (options_.marks_only_ids.count(e.item->id) ? marks_only_ : labelled).push_back(e);
    }
    entries_ = std::move(labelled);
  }
  fit_lanes();
  if (reserve_omission_note()) fit_lanes();
  if (marker_ != preset_marker_) {
    // The legend shows the marks as drawn: again, in its place, at their size.
    auto& items = result_.page.items;
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(legend_first),
                items.begin() + static_cast<std::ptrdiff_t>(legend_end));
    const size_t redrawn = items.size();
    place_legend(legend_top);
    std::rotate(items.begin() + static_cast<std::ptrdiff_t>(legend_first),
                items.begin() + static_cast<std::ptrdiff_t>(redrawn), items.end());
  }
  place_marks_only();
  draw_backgrounds();
  const size_t grid_index = result_.page.items.size();
  axis_.draw(axis_top, theme_, result_);
  draw_lane_titles();
  draw_marks();
  draw_leaders();
  draw_labels();
  draw_continuations();
  place_omission_note();
  axis_.draw_grid(plot_.y, axis_top_y(), theme_, text_boxes_, result_, grid_index);
  return std::move(result_);
}

double TimelineBuilder::place_title(double top) {
  return add_heading(dataset_, style_, theme_, sizes_.title, canvas_, top, result_, title_box_);
}

void TimelineBuilder::place_empty_note(double top) {
  auto block = std::make_shared<TextBlock>(document_messages().get("timeline.no_dated_items"),
                                           TextStyle{style_.font_family, sizes_.label, false, true},
                                           canvas_.width);
  add_text(result_, block, {canvas_.x, top}, theme_.muted_text, "legend", "");
}

}  // namespace timeline_detail

TimelinePage layout_timeline_page(const Dataset& dataset, const TimelineStyle& style,
                                  const TimelineOptions& options) {
  return timeline_detail::TimelineBuilder(dataset, style, options).build();
}

LayoutResult layout_timeline(const Dataset& dataset, const TimelineStyle& style,
                             const TimelineOptions& options) {
  set_text_language(dataset.language);      // fonts and glyph forms for the dataset's language
  set_document_language(dataset.language);  // the words the timeline adds
  TimelinePage timeline = layout_timeline_page(dataset, style, options);
  LayoutResult result;
  const SourceRef file = dataset.file ? dataset.file : make_source("<dataset>");
  if (timeline.undated_count > 0) {
    const size_t n = timeline.undated_count;
    result.diagnostics.warning(file, {},
                               std::to_string(n) + (n == 1 ? " item has" : " items have") +
                                   " no date and " + (n == 1 ? "is" : "are") +
                                   " left out of the timeline");
  }
  check_filters(dataset, options.only, file, result.diagnostics);
  check_lane_color_keys(dataset, style, result.diagnostics);
  const auto elements = placed_elements(timeline.page.items);
  if (!result.diagnostics.has_errors() &&
      std::none_of(elements.begin(), elements.end(),
                   [](const PlacedElement& e) { return e.kind == "marker"; })) {
    result.diagnostics.warning(file, {}, "no dated item matches the selection; the chart is empty");
  }
  for (const TimelineOmission& omission : timeline.omitted) {
    const Item* item = dataset.find_item(omission.item_id);
    result.diagnostics.add(
        {file,
         item ? item->title_at : SourceRange{},
         options.allow_omissions ? Severity::warning : Severity::error,
         "the label of item '" + omission.item_id + "' is left out: " + omission.reason,
         {}});
  }
  Document& document = result.document;
  const std::string title = document_messages().get(
      "document.timeline_title", {{"title", timeline_detail::chart_title(style, dataset)}});
  document.info.title = title;
  document.info.author = dataset.publisher;
  document.info.subject =
      document_messages().get("document.timeline_subject", {{"title", dataset.title}});
  document.info.creator = "briefing " BRIEFING_VERSION;
  document.info.language = document_messages().language();
  document.info.created = publication_time(dataset);
  document.has_background = true;
  document.background = timeline.background;
  timeline.page.figure_alt =
      timeline_description(dataset, timeline.page.items, document_messages());
  document.pages.push_back(std::move(timeline.page));
  document.outline.push_back({1, title, "timeline"});
  return result;
}

}  // namespace briefing
