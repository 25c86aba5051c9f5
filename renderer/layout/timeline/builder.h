// Internal to the timeline layout: the builder that turns a dataset into the
// timeline's display list, shared by the timeline_*.cpp files that each
// implement one part of it (header and legend, lane fitting, drawing).
// Points, origin at the figure's top left, y down.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/timeline/axis.h"
#include "layout/timeline/entries.h"
#include "layout/timeline/labels.h"
#include "layout/timeline/lanes.h"
#include "layout/timeline/marks.h"
#include "layout/timeline/packing.h"
#include "layout/timeline/timeline_layout.h"
#include "layout/timeline/timeline_style.h"
#include "model/dataset.h"

namespace briefing::timeline_detail {

constexpr double kLanePadding = 1.5;  // inside a lane band, above and below its content, points

/// Text sizes in use (points), after the --highlights adjustment. `label` is
/// the largest label size tried, `minimum` the smallest.
struct Sizes {
  double title, label, date, tick, lane_title, legend, minimum, wrap;
};

enum class LabelSide { right, left, below, above };

/// Appends a text tagged `kind` (for the dump) to `out`'s page.
void add_text(TimelinePage& out, const TextBlockPtr& block, Point origin, Color color,
              const std::string& kind, const std::string& item_id);
/// Appends an open polyline to `out`'s page.
void add_path(TimelinePage& out, std::vector<Point> points, Stroke stroke);

class TimelineBuilder {
 public:
  TimelineBuilder(const Dataset& dataset, const TimelineStyle& style,
                  const TimelineOptions& options);

  TimelinePage build();

 private:
  /// What an alternative of an entry stands for.
  struct Choice {
    int variant = -1;  // index into the entry's labels; -1: marks without a label
    LabelSide side = LabelSide::right;
    Rect label_box;  // y relative to the mark line
    /// From the marks to a label set away from them, y relative to the
    /// mark line; empty when the label is next to its marks.
    std::vector<Point> leader;
  };

  /// Everything placed at one label size.
  struct Fit {
    double size = 0;
    bool relaxed = false;  // short labels and leader lines allowed (crowded charts)
    std::vector<std::vector<Label>> labels;    // per entry: one per wrap width
    std::vector<std::vector<Choice>> choices;  // per entry: one per pack alternative
    std::vector<PackPlacement> placements;     // per entry
    std::vector<double> lane_heights;          // content, without padding
    std::vector<TextBlockPtr> lane_titles;     // per lane; null without a title
    double total = 0;                          // all lanes with their padding
    bool complete = false;                     // every lane packed (not given up past a limit)
  };

  struct LaneLayout {
    TextBlockPtr title;
    double top = 0, height = 0;  // the band, points
    bool fits = true;
  };

  // ---- header and legend (timeline_layout.cpp, legend.cpp)  -------
  double place_title(double top);
  void place_empty_note(double top);
  double place_legend(double top);

  double axis_top_y() const { return canvas_.bottom() - axis_.height(); }

  // ---- lanes: one label size, packing, heights (lane_fit.cpp)  -----
  void fit_lanes();
  /// One fit at the current marker size.
  void fit_lanes_once();
  /// What a fit leaves behind, to go back to when a later fit names fewer items.
  struct FitState {
    double marker;
    Fit fit;
    std::vector<Entry> entries;
    std::vector<LaneLayout> lanes;
    std::vector<TimelineOmission> omitted;
    std::vector<double> budgets;
  };
  FitState fit_state() const;
  void restore(FitState state);
  /// A fit whose lanes pass `give_up_above` (points, all lanes with their
  /// padding) stops there, its total above it and the rest of it unset: for
  /// sizes that are dropped when they do not fit.
  /// `only_lane` >= 0: that lane alone (the others' entries left unplaced,
  /// their heights 0), to be merged into a fit with merge_lane.
  Fit pack_at(double size, const std::vector<double>* budgets, bool relaxed = false,
              double give_up_above = 1e300, long only_lane = -1) const;
  /// Lane `l` of `from` (packed at the same size) replaces that of `into`.
  void merge_lane(Fit& into, const Fit& from, size_t l) const;
  /// Under budgets: height handed a row at a time from one lane to another
  /// while that names more items in all.
  void trade_lane_heights(Fit& fit);
  std::optional<Fit> search_size(bool relaxed);
  PackItem alternatives_for(const Entry& e, const std::vector<Label>& labels,
                            const std::vector<size_t>& variants, std::vector<Choice>& choices,
                            bool marks_only, LabelForm prefer = LabelForm::full) const;
  void add_set_away(const Entry& e, const Label& label, int variant, double penalty, int rows,
                    PackItem& item, std::vector<Choice>& choices) const;
  void add_set_aside(const Entry& e, const Label& label, int variant, double penalty,
                     PackItem& item, std::vector<Choice>& choices) const;
  std::vector<std::vector<size_t>> packing_orders(const std::vector<size_t>& members,
                                                  bool short_of_room) const;
  const std::vector<double>* budgets_for(const Fit& unconstrained);
  size_t placed_count(const Fit& fit) const;
  void place_lanes();
  /// The labels of entry `i` at `size`, one per variant (lane_fit.cpp).
  std::vector<Label> labels_at(size_t i, double size, bool relaxed, bool tight) const;
  /// The marks-only entries (TimelineOptions::marks_only_ids) packed into
  /// the room the lanes' labelled entries leave; those that find none are
  /// not drawn. Appended to entries_ with a marks-only placement.
  void place_marks_only();
  Rect marks_box(const Entry& e) const;
  TextBlockPtr make_lane_title(size_t l, double size) const;
  Rect lane_title_box(const TextBlockPtr& title) const;
  double title_width(const TextBlockPtr& title) const;
  double lane_swatch_width() const { return marker_ + 4; }
  std::vector<size_t> lane_members(size_t lane) const;
  void omit(const Entry& e, const std::string& reason);

  // ---- drawing (drawing.cpp)  -------------------------------------
  /// A lane's colour and shape follow its identity (its place among the lanes
  /// of the whole dataset), so that no filter recolours a lane.
  size_t lane_identity(const Lane& lane) const;
  Color lane_color(const Lane& lane) const;
  MarkShape lane_shape(const Lane& lane) const;
  void draw_backgrounds();
  void draw_lane_titles();
  void draw_marks();
  void draw_labels();
  /// Rows whose item has milestones outside the visible range: a chevron
  /// beyond the outermost visible mark, where it is clear of everything.
  void draw_continuations();
  void draw_leaders();  // leaders.cpp
  // ---- the note of items left out (omission_note.cpp)  ------------
  /// After a fit that left items out (when allowed): takes a strip for the
  /// note off the plot's bottom; true when the lanes must be fitted again.
  bool reserve_omission_note();
  double omission_note_height() const;
  void place_omission_note();
  void draw_label(const Entry& e, const Label& label, const Rect& box, LabelSide side);

  const Dataset& dataset_;
  const TimelineStyle& style_;
  const TimelineOptions& options_;
  const TimelineTheme& theme_;
  Sizes sizes_;
  double width_, height_;
  double marker_;  // the marks' size, points: the preset's, or smaller on crowded charts
  double preset_marker_;
  Rect canvas_;
  Rect plot_;
  Rect title_box_;
  TimelinePage result_;
  MarkPainter marks_{result_.page.items};
  std::vector<Entry> entries_;
  std::vector<Entry> marks_only_;  // drawn as marks alone, after the labelled entries are placed
  std::vector<Lane> lanes_;
  std::vector<LaneLayout> lane_layouts_;
  Fit fit_;
  double note_top_ = -1;  // the omission note's strip; < 0: none
  Fit smallest_;          // the last search's packing at the minimum size, when it did not fit
  std::vector<double> budgets_;
  /// Label text shaped once per chart: every packing at a size (the search,
  /// the budgets, the refit under the omission note's strip) asks for the
  /// same texts again.
  mutable TextBlockCache label_cache_;
  TimelineAxis axis_;
  std::vector<Rect> text_boxes_;  // labels and lane titles drawn, for the grid to pass behind
  mutable std::vector<std::string> lane_keys_;  // of the whole dataset, in chart order; lazily
};

}  // namespace briefing::timeline_detail
