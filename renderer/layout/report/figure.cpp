// The timeline figure: the timeline laid out at the text width and the page's
// remaining height, placed as one block, with its caption.
#include "layout/report/builder.h"
#include "layout/timeline/figure_description.h"
#include "layout/timeline/lane_color_check.h"
#include "layout/timeline/timeline_layout.h"
#include "text/bidi.h"

namespace briefing::report_parts {
namespace {

// "label" → "figure-label", in `item` and everything in it.
void prefix_tags(DisplayItem& item, const std::string& prefix) {
  std::visit(
      [&](auto& shape) {
        using T = std::decay_t<decltype(shape)>;
        if constexpr (!std::is_same_v<T, Destination>) {
          if (!shape.tag.kind.empty()) shape.tag.kind = prefix + shape.tag.kind;
        }
        if constexpr (std::is_same_v<T, Group>) {
          for (DisplayItem& child : shape.items) prefix_tags(child, prefix);
        }
      },
      item);
}

/// The figure's caption: what it shows, what is undated and what it leaves out.
Paragraph figure_caption(const TimelinePage& figure, const Typesetter& typesetter,
                         const TextStyle& caption_style) {
  const ReportStyle& style = typesetter.style();
  const Messages& words = typesetter.words();
  RichText caption;
  caption.style(caption.append(words.get("figure.number")), StyleSpan::Kind::bold);
  caption.append(words.get("figure.caption"));
  if (figure.undated_count > 0) caption.append(words.count("figure.undated", figure.undated_count));
  if (!figure.omitted.empty()) {
    // Named up to a few lines' worth: 2,000 labels left out must not make
    // the caption pages long (the body lists every item anyway).
    constexpr size_t kNamed = 10;
    std::vector<std::string> titles;
    for (size_t i = 0; i < figure.omitted.size() && i < kNamed; ++i) {
      titles.push_back(isolated(figure.omitted[i].title));
    }
    std::string named = join(titles, words.get("figure.list_separator"));
    if (figure.omitted.size() > kNamed) {
      named +=
          words.get("figure.and_more", {{"n", std::to_string(figure.omitted.size() - kNamed)}});
    }
    caption.append(words.count("figure.omitted", figure.omitted.size(), {{"titles", named}}));
  }
  return typesetter.paragraph(std::move(caption), caption_style, typesetter.width(),
                              TextAlign::left, style.muted);
}

}  // namespace

void add_figure(const Dataset& dataset, const TimelineStyle& figure_layout_style,
                const DatasetDiff* changes, const Typesetter& typesetter, Flow& flow,
                Diagnostics& diagnostics) {
  const ReportStyle& style = typesetter.style();
  // The report has its own marking and logo: the figure layout's branding
  // (when it is a slide layout) is not repeated inside the figure.
  TimelineStyle figure_style = figure_layout_style;
  figure_style.branding = {};
  for (const auto& [lane, color] : style.lane_colors)
    figure_style.lane_color_overrides[lane] = color;
  for (const auto& [lane, place] : style.lane_color_keys)
    figure_style.lane_color_keys[lane] = place;
  check_lane_color_keys(dataset, figure_style, diagnostics);
  flow.add_heading("", typesetter.words().get("parts.timeline"), typesetter.heading_style(1),
                   "figure", 1, 0, style.body_size, style.accent);
  const double caption_room = style.body_size * 8;
  const double heading_room = style.heading1_size * 1.4 + style.body_size;
  const double available = style.text_height() - heading_room - caption_room;
  TimelineOptions options;
  options.allow_omissions = true;
  options.width = typesetter.width();
  // The figure has its page to itself: all of its height lets labels be larger.
  options.height = available;
  if (changes) {
    for (const Item& item : changes->added) options.added_ids.insert(item.id);
    for (const ItemChange& change : changes->changed) options.changed_ids.insert(change.id);
  }
  TimelinePage figure = layout_timeline_page(dataset, figure_style, options);
  // The caption stays on the figure's page: when it needs more room than
  // kept for it (labels left out, named), the figure is laid out again
  // shorter, a few times at most.
  const TextStyle caption_style{style.heading_family, style.meta_size, false, false};
  const double caption_gap = style.body_size * 0.8;
  Paragraph caption = figure_caption(figure, typesetter, caption_style);
  for (int attempt = 0; attempt < 3; ++attempt) {
    const double room = style.text_height() - heading_room - caption_gap - caption.height();
    if (figure.page.height <= room + 0.01 || room < available / 2) break;
    options.height = room - 1;
    figure = layout_timeline_page(dataset, figure_style, options);
    caption = figure_caption(figure, typesetter, caption_style);
  }
  if (!figure.omitted.empty()) {
    diagnostics.warning(dataset.file ? dataset.file : make_source("<dataset>"), {},
                        "the timeline figure leaves out " +
                            plural(figure.omitted.size(), "label", "labels") +
                            " for lack of room; its caption names them");
  }
  // The figure as one group on its background; its items keep their tags,
  // named as parts of the figure ("figure-label").
  Group group;
  group.tag = Tag{"figure", "", ""};
  group.tag.alt = timeline_description(dataset, figure.page.items, typesetter.words());
  group.area = Rect{0, 0, figure.page.width, figure.page.height};
  group.items.push_back(RectShape{
      {0, 0, figure.page.width, figure.page.height}, true, figure.background, false, {}, 0});
  for (DisplayItem& item : figure.page.items) {
    prefix_tags(item, "figure-");
    group.items.push_back(std::move(item));
  }
  FlowBlock block;
  block.kind = FlowBlock::Kind::fixed;
  block.items.push_back(std::move(group));
  block.height = figure.page.height;
  block.keep_with_next = true;
  flow.add(std::move(block));

  flow.add_paragraph(std::move(caption), 0, caption_gap, 0, false, "", "caption");
  flow.page_break();
}
}  // namespace briefing::report_parts
