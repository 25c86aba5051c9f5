#include "layout/timeline/deck_layout.h"

#include <algorithm>
#include <memory>

#include "layout/layout_dump.h"
#include "layout/timeline/chrome.h"
#include "layout/timeline/entries.h"
#include "layout/timeline/figure_description.h"
#include "layout/timeline/filter_check.h"
#include "layout/timeline/labels.h"
#include "layout/timeline/lane_color_check.h"
#include "layout/timeline/lanes.h"
#include "text/messages.h"

namespace briefing {
namespace {

// A detail slide starts with at most this many items, then halves while a
// label is left out: fewer layouts than starting from everything.
constexpr size_t kFirstChunk = 24;
// The overview labels at most this many items.
constexpr size_t kOverviewPicks = 12;

struct Slide {
  std::vector<const Item*> items;
  TimelinePage page;
  bool overview = false;
};

std::vector<std::string> ids_of(const std::vector<const Item*>& items) {
  std::vector<std::string> ids;
  for (const Item* item : items) ids.push_back(item->id);
  return ids;
}

class DeckBuilder {
 public:
  DeckBuilder(const Dataset& dataset, const TimelineStyle& style, const TimelineOptions& options)
      : dataset_(dataset),
        style_(deck_style(style)),
        options_(options),
        width_(options.width > 0 ? options.width : style.width),
        height_(options.height > 0 ? options.height : style.height),
        foot_style_{style_.font_family, kDeckMinTextSize, false, true} {}

  LayoutResult build(std::vector<DeckSlide>* described);

 private:
  /// `items` labelled; with `whole_span` (the overview) every other selected
  /// item drawn as marks alone where there is room.
  TimelinePage lay_out(const std::vector<const Item*>& items, double foot_height,
                       bool whole_span) const;
  void place_details(std::vector<const Item*> items, std::vector<Slide>& out) const;
  Slide overview(double foot_height) const;
  std::string overview_note(const Slide& overview, size_t total) const;
  std::string detail_note(const Slide& slide, size_t number, size_t total) const;
  TextBlockPtr foot_block(const std::string& text) const;
  void add_foot(Page& page, const std::string& text) const;

  const Dataset& dataset_;
  TimelineStyle style_;
  const TimelineOptions& options_;
  double width_, height_;
  TextStyle foot_style_;
  std::vector<const Item*> selected_;  // chronological
  DayNumber first_ = 0, last_ = 0;
  std::optional<PartialDate> first_date_, last_date_;
};

TimelinePage DeckBuilder::lay_out(const std::vector<const Item*>& items, double foot_height,
                                  bool whole_span) const {
  TimelineOptions o = options_;
  o.width = width_;
  o.height = height_ - foot_height;
  for (const Item* item : items) o.item_ids.insert(item->id);
  if (whole_span && !items.empty()) {
    for (const Item* item : selected_) {
      if (!o.item_ids.count(item->id)) o.marks_only_ids.insert(item->id);
    }
    for (const std::string& id : o.marks_only_ids) o.item_ids.insert(id);
  }
  if (whole_span) {
    if (!o.from) o.from = first_date_;
    if (!o.to) o.to = last_date_;
  }
  // The overview's axis is the whole span, evenly: its few labelled items
  // must not decide where time is compressed.
  TimelineStyle style = style_;
  if (whole_span) style.axis_breaks = false;
  TimelinePage page = layout_timeline_page(dataset_, style, o);
  page.page.height = height_;
  return page;
}

void DeckBuilder::place_details(std::vector<const Item*> items, std::vector<Slide>& out) const {
  const double foot = foot_block("1 / 1")->height() + 4;
  Slide slide{items, lay_out(items, foot, false), false};
  if (slide.page.omitted.empty() || items.size() == 1) {
    out.push_back(std::move(slide));
    return;
  }
  // Halve in chronological order: the halves cover consecutive periods.
  const auto middle = items.begin() + static_cast<std::ptrdiff_t>(items.size() / 2);
  place_details(std::vector<const Item*>(items.begin(), middle), out);
  place_details(std::vector<const Item*>(middle, items.end()), out);
}

Slide DeckBuilder::overview(double foot_height) const {
  std::vector<const Item*> picks;
  for (const Item* item : selected_) {
    if (item->highlight) picks.push_back(item);
  }
  if (picks.empty() || picks.size() > kOverviewPicks) {
    // The items with most milestones stand for the rest.
    std::vector<const Item*> pool = picks.empty() ? selected_ : picks;
    std::stable_sort(pool.begin(), pool.end(), [](const Item* a, const Item* b) {
      return a->milestones.size() > b->milestones.size();
    });
    pool.resize(std::min(pool.size(), picks.empty() ? size_t{8} : kOverviewPicks));
    picks.clear();
    for (const Item* item : selected_) {
      if (std::find(pool.begin(), pool.end(), item) != pool.end()) picks.push_back(item);
    }
  }
  while (true) {
    Slide slide{picks, lay_out(picks, foot_height, true), true};
    if (slide.page.omitted.empty() || picks.size() <= 1) return slide;
    // What does not fit legibly is left to the detail slides.
    std::vector<const Item*> kept;
    for (const Item* item : picks) {
      const bool omitted =
          std::any_of(slide.page.omitted.begin(), slide.page.omitted.end(),
                      [&](const TimelineOmission& o) { return o.item_id == item->id; });
      if (!omitted) kept.push_back(item);
    }
    if (kept.size() == picks.size() || kept.empty()) return slide;
    picks = std::move(kept);
  }
}

std::string DeckBuilder::overview_note(const Slide& overview, size_t total) const {
  const Messages& words = document_messages();
  std::string note =
      words.get("timeline.deck_overview", {{"total", std::to_string(total)},
                                           {"first", words.date_short(*first_date_)},
                                           {"last", words.date_short(*last_date_)},
                                           {"labelled", std::to_string(overview.items.size())},
                                           {"n", std::to_string(selected_.size())}});
  // Per lane, how many more the detail slides name.
  std::string more;
  for (const Lane& lane : group_into_lanes(selected_, dataset_, style_)) {
    size_t n = 0;
    for (const Item* item : lane.items) {
      if (std::find(overview.items.begin(), overview.items.end(), item) == overview.items.end())
        ++n;
    }
    if (n == 0) continue;
    more += (more.empty() ? "" : words.get("timeline.deck_separator")) +
            words.get(
                "timeline.deck_more",
                {{"lane",
                  timeline_detail::truncated(
                      lane.title.empty() ? words.get("timeline.deck_items_lane") : lane.title, 32)},
                 {"n", std::to_string(n)}});
  }
  if (!more.empty())
    note +=
        words.get("timeline.deck_on_slides", {{"total", std::to_string(total)}, {"more", more}});
  return note;
}

std::string DeckBuilder::detail_note(const Slide& slide, size_t number, size_t total) const {
  const PartialDate* a = nullptr;
  const PartialDate* b = nullptr;
  for (const Item* item : slide.items) {
    for (const Milestone& m : item->milestones) {
      if (!a || m.date < *a) a = &m.date;
      if (!b || m.date.last_day() > b->last_day()) b = &m.date;
    }
  }
  const Messages& words = document_messages();
  std::string note =
      words.count("timeline.deck_detail", slide.items.size(),
                  {{"number", std::to_string(number)}, {"total", std::to_string(total)}});
  if (a && b) {
    const std::string from = words.date_short(*a), to = words.date_short(*b);
    note += from == to ? words.get("timeline.deck_date", {{"date", from}})
                       : words.get("timeline.deck_span", {{"from", from}, {"to", to}});
  }
  return note;
}

TextBlockPtr DeckBuilder::foot_block(const std::string& text) const {
  const double wrap = width_ - style_.margin_left - style_.margin_right;
  return timeline_detail::block_of_lines(text, foot_style_, wrap, 3);
}

void DeckBuilder::add_foot(Page& page, const std::string& text) const {
  const TextBlockPtr block = foot_block(text);
  const Point origin{style_.margin_left, height_ - style_.margin_bottom - block->height()};
  page.items.push_back(
      TextShape{origin, block, style_.theme(options_.theme).muted_text, Tag{"legend", "", {}}});
}

LayoutResult DeckBuilder::build(std::vector<DeckSlide>* described) {
  size_t undated = 0;
  for (const auto& e : timeline_detail::select_entries(dataset_, options_, undated)) {
    selected_.push_back(e.item);
  }
  LayoutResult result;
  const SourceRef file = dataset_.file ? dataset_.file : make_source("<dataset>");
  check_filters(dataset_, options_.only, file, result.diagnostics);
  check_lane_color_keys(dataset_, style_, result.diagnostics);
  if (undated > 0) {
    result.diagnostics.warning(file, {},
                               std::to_string(undated) +
                                   (undated == 1 ? " item has" : " items have") + " no date and " +
                                   (undated == 1 ? "is" : "are") + " left out of the timeline");
  }
  std::vector<Slide> slides;
  if (selected_.empty()) {
    result.diagnostics.warning(file, {}, "no dated item matches the selection; the deck is empty");
    slides.push_back({{}, lay_out({}, foot_block("1 / 1")->height() + 4, false), true});
  } else {
    for (const Item* item : selected_) {
      for (const Milestone& m : item->milestones) {
        if (!first_date_ || m.date < *first_date_) first_date_ = m.date;
        if (!last_date_ || m.date.last_day() > last_date_->last_day()) last_date_ = m.date;
      }
    }
    if (options_.from && *first_date_ < *options_.from) first_date_ = options_.from;
    if (options_.to && last_date_->last_day() > options_.to->last_day()) last_date_ = options_.to;
    // Detail slides: consecutive chunks of at most kFirstChunk, halved as needed.
    std::vector<Slide> details;
    const size_t chunks = (selected_.size() + kFirstChunk - 1) / kFirstChunk;
    for (size_t c = 0; c < chunks; ++c) {
      const size_t a = selected_.size() * c / chunks, b = selected_.size() * (c + 1) / chunks;
      place_details({selected_.begin() + static_cast<std::ptrdiff_t>(a),
                     selected_.begin() + static_cast<std::ptrdiff_t>(b)},
                    details);
    }
    const size_t total = details.size() + 1;
    // The overview's foot says per lane what is left out: its height first.
    Slide first = overview(foot_block(std::string(400, 'x'))->height() + 4);
    slides.push_back(std::move(first));
    for (auto& d : details) slides.push_back(std::move(d));
    (void)total;
  }
  const size_t total = slides.size();
  Document& document = result.document;
  document.info.title = document_messages().get(
      "document.deck_title", {{"title", timeline_detail::chart_title(style_, dataset_)}});
  document.info.author = dataset_.publisher;
  document.info.subject =
      document_messages().get("document.timeline_subject", {{"title", dataset_.title}});
  document.info.creator = "briefing " BRIEFING_VERSION;
  document.info.language = document_messages().language();
  document.info.created = publication_time(dataset_);
  document.has_background = true;
  for (size_t s = 0; s < slides.size(); ++s) {
    Slide& slide = slides[s];
    document.background = slide.page.background;
    const std::string note = slide.overview && !selected_.empty()
                                 ? overview_note(slide, total)
                                 : detail_note(slide, s + 1, total);
    Page& page = slide.page.page;
    add_foot(page, note);
    const std::string destination = "slide-" + std::to_string(s + 1);
    for (DisplayItem& item : page.items) {
      if (auto* d = std::get_if<Destination>(&item)) d->name = destination;
    }
    document.outline.push_back({1, note, destination});
    for (const TimelineOmission& omission : slide.page.omitted) {
      const Item* item = dataset_.find_item(omission.item_id);
      // On the overview a left-out label is named on its detail slide.
      if (slide.overview) continue;
      result.diagnostics.add(
          {file,
           item ? item->title_at : SourceRange{},
           options_.allow_omissions ? Severity::warning : Severity::error,
           "the label of item '" + omission.item_id + "' is left out: " + omission.reason,
           {}});
    }
    if (described) described->push_back({slide.overview, ids_of(slide.items), note});
    page.figure_alt = note + ". " + timeline_description(dataset_, page.items, document_messages());
    document.pages.push_back(std::move(page));
  }
  return result;
}

}  // namespace

TimelineStyle deck_style(const TimelineStyle& style) {
  TimelineStyle s = style;
  auto at_least = [](double& v, double floor) { v = std::max(v, floor); };
  const double m = kDeckMinTextSize;
  at_least(s.title_size, m * 1.4);
  at_least(s.label_size, m * 1.1);
  at_least(s.date_size, m);
  at_least(s.tick_size, m / 0.9 + 0.05);  // the "time scale ×1/N" caption is 0.9 × tick
  at_least(s.lane_title_size, m);
  at_least(s.legend_size, m);
  at_least(s.min_text_size, m);
  at_least(s.highlight_label_size, m * 1.2);
  at_least(s.highlight_min_text_size, m);
  s.label_max_width =
      std::max(s.label_max_width, s.label_max_width * s.label_size / style.label_size);
  return s;
}

LayoutResult layout_timeline_deck(const Dataset& dataset, const TimelineStyle& style,
                                  const TimelineOptions& options, std::vector<DeckSlide>* slides) {
  // As layout_timeline: fonts and glyph forms, and the words the slides add,
  // in the dataset's language.
  set_text_language(dataset.language);
  set_document_language(dataset.language);
  return DeckBuilder(dataset, style, options).build(slides);
}

}  // namespace briefing
