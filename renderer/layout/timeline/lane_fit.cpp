// Fitting the lanes of a timeline: the largest label size (one for the whole
// chart) at which every lane packs into the plot with every label next to its
// marks; below the minimum size, lane heights are budgeted and what does not
// fit keeps its marks only or is left out. Then the lane bands are placed
// down the plot. Points, y down.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <optional>

#include "layout/timeline/builder.h"

namespace briefing::timeline_detail {

namespace {

constexpr double kGap = 3;          // between a mark and its label, points
constexpr double kSizeStep = 0.25;  // the label size is searched in steps of this, points
/// Wrap widths tried for labels, as shares of the preset's (scaled with the size).
constexpr double kWrapShares[] = {0.65, 1, 1.3, 1.7, 2.2};
/// Wrap widths of compact labels (short title, first and last date), relaxed packing only.
constexpr double kCompactShares[] = {0.8, 1.3, 2};
/// Wrap widths of name-only labels (the name and the years it spans), for
/// lanes short of room at the minimum size only.
struct NameForm {
  double share;
  int lines;
};
constexpr NameForm kNameForms[] = {{0.55, 2}, {0.8, 1}, {0.8, 2}, {1.2, 1}};
constexpr size_t kFullForms = std::size(kWrapShares);
constexpr size_t kCompactForms = std::size(kCompactShares);
/// Titles on more lines than this are not offered in relaxed packing.
constexpr int kMaxTitleLines = 3;
/// Charts with more dated items than this are not packed relaxed.
constexpr size_t kRelaxedMaxItems = 200;
/// Times the room lanes leave unused is handed to lanes that left items out.
constexpr int kBudgetRounds = 3;
/// Rows of height handed from one lane to another at most, after those rounds.
constexpr int kTrades = 8;
/// Rows a label may be set away from its marks (above or below, with a
/// leader); name-only labels, being small, go further.
constexpr int kSetAwayRows = 2;
constexpr int kNameSetAwayRows = 4;
/// Name-only labels may also move sideways in time, into free space left or
/// right of their marks, joined by an elbow leader: on the marks' own line
/// (a horizontal leader) or up to this many rows above or below.
constexpr int kSideRows = 2;
/// How far sideways, as shares of the label's width, beyond the marks' end.
constexpr double kSideShares[] = {0, 0.5, 1, 2};
/// Points of height one point of a label's width costs when packing names
/// alone: of two places on one line, the narrower label wins.
constexpr double kWidthCost = 0.05;
/// Lanes with more items than this get fewer packing attempts.
constexpr size_t kCrowdedLane = 40;
/// Without height budgets, packing a lane stops once it is this many times
/// as tall as the plot: a lane taller than the plot means the size does not
/// fit (filling holes afterwards never wins back that much), and packing the
/// rest of a crowded lane (2,000 items on one day) would cost the square of
/// its items for nothing. Its height then counts as where packing stopped,
/// which is all the budgets at the minimum size need. Data that fits never
/// comes near this, so its output is unchanged.
constexpr double kOverflowFactor = 3;
/// Mark sizes tried when labels at the minimum size leave items out, as
/// shares of the preset's (8 pt on a slide: 6 and 5 pt, 12 and 10 px).
constexpr double kMarkShares[] = {1, 0.75, 0.625};

/// Every wrap width, `base` first, then the nearest ones.
std::vector<size_t> variants_around(size_t base) {
  std::vector<size_t> variants(std::size(kWrapShares));
  for (size_t v = 0; v < variants.size(); ++v) variants[v] = v;
  std::stable_sort(variants.begin(), variants.end(), [&](size_t a, size_t b) {
    const auto distance = [&](size_t v) { return v > base ? v - base : base - v; };
    return distance(a) < distance(b);
  });
  return variants;
}

std::string format_size(double size) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", size);
  return buffer;
}

}  // namespace

/// The marks' box relative to the mark line: with the year brackets'
/// strokes, and room for the outline of a marked item.
Rect TimelineBuilder::marks_box(const Entry& e) const {
  const double pad = tag_for(e, options_).empty() ? 1 : 3;
  return Rect{e.xs - pad, -marker_ / 2 - pad, e.xe - e.xs + 2 * pad, marker_ + 2 * pad};
}

/// A lane title at labels of `size`: as large as they are (or in proportion
/// to the preset's sizes when it has them larger),
/// on two lines at most, in a column of about a fifth of the plot.
TextBlockPtr TimelineBuilder::make_lane_title(size_t l, double size) const {
  if (!style_.show_lane_titles || lanes_[l].title.empty()) return nullptr;
  const double title_size = std::max(size, sizes_.lane_title * size / sizes_.label);
  const TextStyle style{style_.font_family, title_size, true, false};
  const double wrap = std::max(plot_.width * 0.25, title_size * 8);
  return block_of_lines(lanes_[l].title, style, wrap, 2);
}

/// The lane title and its swatch, relative to the lane's content top: the
/// swatch centred on the title's first line.
Rect TimelineBuilder::lane_title_box(const TextBlockPtr& title) const {
  if (!title) return {};
  const double middle = std::max(title_first_line_middle(*title), marker_ / 2);
  const double height =
      std::max(middle - title_first_line_middle(*title) + title->height(), middle + marker_ / 2);
  return Rect{plot_.x, 0, title_width(title), height};
}

double TimelineBuilder::title_width(const TextBlockPtr& title) const {
  return title->width() + lane_swatch_width();
}

std::vector<size_t> TimelineBuilder::lane_members(size_t lane) const {
  std::vector<size_t> members;
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].lane == lane) members.push_back(i);
  }
  return members;
}

void TimelineBuilder::omit(const Entry& e, const std::string& reason) {
  result_.omitted.push_back({e.item->id, e.item->title, reason});
}

/// The ways to draw entry `e` at this size: its label right of the marks,
/// left of them, or under them, at a few wrap widths; the marks alone only
/// when `marks_only` (the last resort before leaving the item out).
PackItem TimelineBuilder::alternatives_for(const Entry& e, const std::vector<Label>& labels,
                                           const std::vector<size_t>& variants,
                                           std::vector<Choice>& choices, bool marks_only,
                                           LabelForm prefer) const {
  PackItem item;
  const Rect marks = marks_box(e);
  const bool relaxed = labels.size() > kFullForms;
  for (size_t rank = 0; rank < variants.size(); ++rank) {
    const size_t v = variants[rank];
    const Label& label = labels[v];
    const bool compact = v >= kFullForms;
    const LabelForm form = v < kFullForms                   ? LabelForm::full
                           : v < kFullForms + kCompactForms ? LabelForm::compact
                                                            : LabelForm::name;
    // Relaxed: wrapped onto three lines at most; the short form costs more.
    if (relaxed && !compact && label.title->line_count() > kMaxTitleLines) continue;
    // Short of room (under height budgets), a short form first: a long
    // label placed early takes the room of several later ones.
    const double form_penalty = form != prefer ? 3 * label.title->style().size : 0;
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
      // Names alone (the tightest charts): the narrower label leaves more
      // room to the items after it.
      const double penalty = static_cast<double>(rank) * label.title->style().size * 0.5 +
                             (p >= 2 ? 1.0 : 0.0) + form_penalty +
                             (prefer == LabelForm::name ? kWidthCost * w : 0.0);
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
      choices.push_back({static_cast<int>(v), placements[p].first, box, {}});
    }
    if (compact) {
      add_set_away(e, label, static_cast<int>(v),
                   static_cast<double>(rank) * label.title->style().size * 0.5 + form_penalty +
                       (prefer == LabelForm::name ? kWidthCost * label.width : 0.0),
                   form == LabelForm::name ? kNameSetAwayRows : kSetAwayRows, item, choices);
    }
    if (form == LabelForm::name) {
      add_set_aside(e, label, static_cast<int>(v),
                    static_cast<double>(rank) * label.title->style().size * 0.5 + form_penalty +
                        (prefer == LabelForm::name ? kWidthCost * label.width : 0.0),
                    item, choices);
    }
  }
  if (marks_only) {
    item.alternatives.push_back({{marks}, 1e6});
    choices.push_back({-1, LabelSide::right, {}, {}});
  }
  return item;
}

/// Places for `label` one or more rows above or below the marks of `e`,
/// joined to them by a vertical leader (whose thin box keeps others from
/// crossing it): free space near a crowded row.
void TimelineBuilder::add_set_away(const Entry& e, const Label& label, int variant, double penalty,
                                   int rows, PackItem& item, std::vector<Choice>& choices) const {
  const Rect marks = marks_box(e);
  const double w = label.width, h = label.height, gap = kGap * 0.5;
  if (w > canvas_.width) return;
  const double xs[] = {std::clamp(e.xs, canvas_.x, canvas_.right() - w),
                       std::clamp(e.xe - w, canvas_.x, canvas_.right() - w)};
  for (int row = 1; row <= rows; ++row) {
    const double away = row * (h + gap) + gap;
    for (size_t k = 0; k < std::size(xs); ++k) {
      if (k == 1 && std::abs(xs[1] - xs[0]) < 0.5) continue;
      const double x = xs[k];
      // The leader stands on the first mark (or the last, for a label ending there).
      const double anchor =
          std::clamp(k == 0 ? e.xs + marker_ / 2 : e.xe - marker_ / 2, x + 1, x + w - 1);
      const Rect above{x, marks.y - away - h + gap, w, h};
      const Rect below{x, marks.bottom() + away - gap, w, h};
      const double cost = penalty + row * label.title->style().size + 2;
      const Rect up_line{anchor - 0.5, above.bottom(), 1, marks.y - above.bottom()};
      item.alternatives.push_back({{marks, above, up_line}, cost});
      choices.push_back({variant,
                         LabelSide::above,
                         above,
                         {{anchor, marks.y + 1}, {anchor, above.bottom() + 0.5}}});
      const Rect down_line{anchor - 0.5, marks.bottom(), 1, below.y - marks.bottom()};
      item.alternatives.push_back({{marks, below, down_line}, cost});
      choices.push_back({variant,
                         LabelSide::below,
                         below,
                         {{anchor, marks.bottom() - 1}, {anchor, below.y - 0.5}}});
    }
  }
}

/// Places for `label` sideways in time from the marks of `e`: right of the
/// last mark or left of the first, on the marks' line with a horizontal
/// leader, or a row or two above or below with an elbow leader (up or down
/// from the mark, then across to the label). Each leg has a thin box of its
/// own, so nothing else may cross it.
void TimelineBuilder::add_set_aside(const Entry& e, const Label& label, int variant, double penalty,
                                    PackItem& item, std::vector<Choice>& choices) const {
  const Rect marks = marks_box(e);
  const double w = label.width, h = label.height, gap = kGap * 0.5;
  const double size = label.title->style().size;
  for (int row = 0; row <= kSideRows; ++row) {
    for (const double share : kSideShares) {
      if (row == 0 && share == 0) continue;  // the plain place beside the marks
      const double d = share * w;
      for (const bool right : {true, false}) {
        // The leader leaves the marks' end on row 0, else the last (first) mark.
        const double anchor = row == 0 ? (right ? marks.right() : marks.x)
                                       : (right ? e.xe - marker_ / 2 : e.xs + marker_ / 2);
        const double x = right ? anchor + kGap + d : anchor - kGap - d - w;
        if (x < canvas_.x - 0.01 || x + w > canvas_.right() + 0.01) continue;
        const double near_edge = right ? x - 0.5 : x + w + 0.5;
        const double cost = penalty + (row + 1) * size + 3 + share * size;
        auto across = [&](double y) {
          const double from = std::min(anchor, near_edge), to = std::max(anchor, near_edge);
          return Rect{from - 0.5, y - 0.5, to - from + 1, 1};
        };
        if (row == 0) {
          const Rect box{x, -label.first_line_middle, w, h};
          item.alternatives.push_back({{marks, box, across(0)}, cost});
          choices.push_back({variant,
                             right ? LabelSide::right : LabelSide::left,
                             box,
                             {{anchor, 0}, {near_edge, 0}}});
          continue;
        }
        const double away = row * (h + gap) + gap;
        const Rect above{x, marks.y - away - h + gap, w, h};
        const Rect below{x, marks.bottom() + away - gap, w, h};
        for (const bool up : {true, false}) {
          const Rect& box = up ? above : below;
          const double level = box.y + label.first_line_middle;
          const double start = up ? marks.y + 1 : marks.bottom() - 1;
          const Rect leg{anchor - 0.5, std::min(level, start), 1, std::abs(start - level)};
          item.alternatives.push_back({{marks, box, leg, across(level)}, cost});
          choices.push_back({variant,
                             up ? LabelSide::above : LabelSide::below,
                             box,
                             {{anchor, start}, {anchor, level}, {near_edge, level}}});
        }
      }
    }
  }
}

/// Orders to pack a lane's members in (indices into `members`):
/// chronological, longest marks first, latest first; highlights always
/// first when room is short, so that they are kept.
std::vector<std::vector<size_t>> TimelineBuilder::packing_orders(const std::vector<size_t>& members,
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
    // The items a reader looks for first: highlights, then those with the
    // most milestones (the central laws), so that they get the best places.
    std::vector<size_t> priority = chronological;
    std::stable_sort(priority.begin(), priority.end(), [&](size_t a, size_t b) {
      return entries_[members[a]].milestones.size() > entries_[members[b]].milestones.size();
    });
    orders.push_back(std::move(priority));
    for (auto& order : orders) {
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return entries_[members[a]].item->highlight > entries_[members[b]].item->highlight;
      });
    }
  }
  return orders;
}

/// The labels of entry `i` at `size`, one per variant: the full label at
/// every wrap width, widest first (a layout stands for every narrower wrap
/// its lines fit); `relaxed`, the compact ones; `tight`, names alone.
std::vector<Label> TimelineBuilder::labels_at(size_t i, double size, bool relaxed,
                                              bool tight) const {
  const double date_size = std::max(sizes_.date * size / sizes_.label, sizes_.minimum);
  const double wrap = sizes_.wrap;  // points: smaller text, fewer lines
  const std::string tag = tag_for(entries_[i], options_);
  std::vector<Label> labels(kFullForms);
  for (size_t v = kFullForms; v-- > 0;) {
    labels[v] = make_label(entries_[i], tag, style_.font_family, size, date_size,
                           wrap * kWrapShares[v], LabelForm::full, &label_cache_);
  }
  if (relaxed) {
    for (double share : kCompactShares) {
      labels.push_back(make_label(entries_[i], tag, style_.font_family, size, date_size,
                                  wrap * share, LabelForm::compact, &label_cache_));
    }
  }
  if (tight) {
    for (const NameForm& form : kNameForms) {
      labels.push_back(make_label(entries_[i], tag, style_.font_family, size, date_size,
                                  wrap * form.share, LabelForm::name, &label_cache_, form.lines));
    }
  }
  return labels;
}

/// Packs every lane with labels of `size`. With `budgets` (content height
/// per lane) an entry that does not fit keeps its marks only or is left out.
TimelineBuilder::Fit TimelineBuilder::pack_at(double size, const std::vector<double>* budgets,
                                              bool relaxed, double give_up_above,
                                              long only_lane) const {
  Fit fit;
  fit.size = size;
  fit.relaxed = relaxed;
  fit.labels.resize(entries_.size());
  fit.choices.resize(entries_.size());
  fit.placements.assign(entries_.size(), {});
  fit.lane_heights.assign(lanes_.size(), 0);
  fit.lane_titles.assign(lanes_.size(), nullptr);
  // Short of room at the minimum size: name-only labels too.
  const bool tight = budgets != nullptr && relaxed;
  for (size_t l = 0; l < lanes_.size(); ++l) {
    if (fit.total > give_up_above) return fit;
    if (only_lane >= 0 && static_cast<long>(l) != only_lane) continue;
    const std::vector<size_t> members = lane_members(l);
    fit.lane_titles[l] = make_lane_title(l, size);
    if (!budgets) {
      // Marks that must stack taller than the plot: this size cannot fit,
      // whatever the labels do; neither measure nor pack them.
      std::vector<Rect> marks;
      for (size_t i : members) marks.push_back(marks_box(entries_[i]));
      const double least = stacked_height(marks, PackSettings{});
      if (least > plot_.height + 1) {
        fit.lane_heights[l] = least;
        fit.total += least + 2 * kLanePadding;
        continue;
      }
    }
    // Labels are measured when the packer first asks for an entry: one that
    // cannot be placed at all is never measured.
    auto labels_of = [&](size_t i) -> const std::vector<Label>& {
      if (fit.labels[i].empty()) fit.labels[i] = labels_at(i, size, relaxed, tight);
      return fit.labels[i];
    };
    std::vector<Rect> reserved;
    if (const auto& title = fit.lane_titles[l]) {
      // Kept a little further from labels, which must not read as its continuation.
      Rect box = lane_title_box(title);
      box.width += size;
      reserved.push_back(box);
    }
    PackSettings settings;
    settings.repair = relaxed;
    if (budgets)
      settings.max_height = (*budgets)[l];
    else
      settings.overflow_height = kOverflowFactor * plot_.height;
    // Greedy packing depends on the wrap widths and on the order: try a
    // few of each, keep the lowest (the most labels placed when room is short).
    LanePacking packing;
    std::vector<std::vector<Choice>> choices;
    size_t best_placed = 0;
    // Packing costs about the square of a lane's items: a crowded lane
    // (which ends at the minimum size anyway) gets fewer attempts.
    const bool crowded = members.size() > kCrowdedLane;
    // Which form goes first: under budgets the compact one, then (tight)
    // the name alone; else the full label.
    std::vector<LabelForm> preferred = {budgets != nullptr && relaxed ? LabelForm::compact
                                                                      : LabelForm::full};
    if (tight) preferred.push_back(LabelForm::name);
    for (const LabelForm prefer : preferred)
      for (size_t base = crowded ? 1 : 0; base < (crowded ? 3 : std::size(kWrapShares)); ++base) {
        std::vector<std::vector<Choice>> base_choices(members.size());
        std::vector<std::optional<PackItem>> made(members.size());
        LazyPackItems items;
        for (size_t i : members) items.common.push_back({marks_box(entries_[i])});
        items.item = [&](size_t k) -> const PackItem& {
          if (!made[k]) {
            std::vector<size_t> variants = variants_around(base);
            if (relaxed) {
              for (size_t c = 0; c < kCompactForms; ++c) variants.push_back(kFullForms + c);
            }
            if (tight) {
              for (size_t c = 0; c < std::size(kNameForms); ++c) {
                variants.push_back(kFullForms + kCompactForms + c);
              }
            }
            // An item is drawn with its label or not at all (never marks only).
            made[k] = alternatives_for(entries_[members[k]], labels_of(members[k]), variants,
                                       base_choices[k], false, prefer);
          }
          return *made[k];
        };
        auto orders = packing_orders(members, budgets != nullptr || relaxed);
        if (crowded) orders.resize(1);
        for (size_t o = 0; o < orders.size(); ++o) {
          const auto& order = orders[o];
          // The same order packs the same way: it cannot do better.
          if (std::find(orders.begin(), orders.begin() + static_cast<long>(o), order) !=
              orders.begin() + static_cast<long>(o)) {
            continue;
          }
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
    }
    fit.total += fit.lane_heights[l] + 2 * kLanePadding;
  }
  fit.complete = true;
  return fit;
}

void TimelineBuilder::merge_lane(Fit& into, const Fit& from, size_t l) const {
  into.total += from.lane_heights[l] - into.lane_heights[l];
  into.lane_heights[l] = from.lane_heights[l];
  into.lane_titles[l] = from.lane_titles[l];
  for (size_t i : lane_members(l)) {
    into.labels[i] = from.labels[i];
    into.choices[i] = from.choices[i];
    into.placements[i] = from.placements[i];
  }
}

void TimelineBuilder::trade_lane_heights(Fit& fit) {
  // A row: a name alone on one line at the minimum size, with its clearance.
  const double row = sizes_.minimum * 1.5 + 2;
  auto placed_in = [&](const Fit& f, size_t l) {
    size_t placed = 0;
    for (size_t i : lane_members(l)) placed += f.placements[i].alternative >= 0;
    return placed;
  };
  auto left_out = [&](size_t l) { return lane_members(l).size() - placed_in(fit, l); };
  for (int trade = 0; trade < kTrades; ++trade) {
    // Lanes that leave items out, most first, each offered a row taken from
    // the lane that loses least by giving it; the first trade that names
    // more items in all is made.
    std::vector<size_t> takers;
    for (size_t l = 0; l < lanes_.size(); ++l) {
      if (left_out(l) > 0) takers.push_back(l);
    }
    std::stable_sort(takers.begin(), takers.end(),
                     [&](size_t a, size_t b) { return left_out(a) > left_out(b); });
    bool traded = false;
    for (size_t taker : takers) {
      std::vector<double> more = budgets_;
      more[taker] += row;
      const Fit taken = pack_at(sizes_.minimum, &more, true, 1e300, static_cast<long>(taker));
      const long gain =
          static_cast<long>(placed_in(taken, taker)) - static_cast<long>(placed_in(fit, taker));
      if (gain <= 0) continue;
      long best_loss = gain;
      size_t giver = lanes_.size();
      Fit given;
      for (size_t l = 0; l < lanes_.size(); ++l) {
        // Never below the lane's title (or one mark).
        const double floor = std::max(lane_title_box(fit.lane_titles[l]).height, marker_);
        if (l == taker || budgets_[l] - row < floor) continue;
        std::vector<double> less = budgets_;
        less[l] -= row;
        Fit attempt = pack_at(sizes_.minimum, &less, true, 1e300, static_cast<long>(l));
        const long loss =
            static_cast<long>(placed_in(fit, l)) - static_cast<long>(placed_in(attempt, l));
        if (loss < best_loss) {
          best_loss = loss;
          giver = l;
          given = std::move(attempt);
          if (loss <= 0) break;
        }
      }
      if (giver == lanes_.size()) continue;
      budgets_[taker] += row;
      budgets_[giver] -= row;
      merge_lane(fit, taken, taker);
      merge_lane(fit, given, giver);
      traded = true;
      break;
    }
    if (!traded) return;
  }
}

/// Entries placed by `fit`.
size_t TimelineBuilder::placed_count(const Fit& fit) const {
  size_t placed = 0;
  for (const PackPlacement& p : fit.placements) placed += p.alternative >= 0;
  return placed;
}

// The largest label size (in steps of kSizeStep, between `from` and the
// preset's size) at which every lane fits the plot with every label; none
// when even the minimum does not fit.
std::optional<TimelineBuilder::Fit> TimelineBuilder::search_size(bool relaxed) {
  const double room = plot_.height;
  // Sizes other than the minimum are dropped when they do not fit: their
  // packing stops at the first lane past the room.
  Fit fit = pack_at(sizes_.label, nullptr, relaxed, room);
  if (fit.total <= room) return fit;
  // Binary search on the size: `low` fits, `high` does not. The lanes grow
  // about in proportion to the size, so when the preset's size was packed
  // in full, the first guess is the size at which it would just fit (a
  // chart that misses by a little fits a step below, and is known after one
  // more packing, not four); the minimum is packed only when that guess
  // does not fit.
  double low = sizes_.minimum, high = sizes_.label;
  // Packs at `size`: when it fits, it is the answer so far and `low` rises
  // to it; else `high` falls to it.
  auto probe = [&](double size) {
    Fit attempt = pack_at(size, nullptr, relaxed, room);
    if (attempt.total > room) {
      high = size;
      return false;
    }
    low = size;
    fit = std::move(attempt);
    return true;
  };
  const double guess =
      low + std::floor((sizes_.label * room / fit.total - low) / kSizeStep + 1e-9) * kSizeStep;
  bool guessed = false;
  if (fit.complete && guess > low + 1e-9 && guess < high - 1e-9) guessed = probe(guess);
  if (!guessed) {
    Fit smallest = pack_at(sizes_.minimum, nullptr, relaxed);
    if (smallest.total > room) {
      smallest_ = std::move(smallest);
      return std::nullopt;
    }
    fit = std::move(smallest);
  }
  while (high - low > kSizeStep + 1e-9) {
    probe(low + std::max(kSizeStep, std::floor((high - low) / 2 / kSizeStep) * kSizeStep));
  }
  return fit;
}

// Full labels next to their marks at the largest size that fits; when even
// the minimum size does not fit, the same search with short labels and
// labels set away from their marks (relaxed); below that, labels that do not
// fit are left out with their marks.
void TimelineBuilder::fit_lanes_once() {
  for (auto& e : entries_) mark_extent(e, axis_.scale(), marker_);
  lane_layouts_.assign(lanes_.size(), {});
  // Relaxed packing tries many more places per item: for charts a reader
  // can take in, not for thousands of items (which keep the strict search).
  const bool may_relax = entries_.size() <= kRelaxedMaxItems;
  std::optional<Fit> fit = search_size(false);
  if (!fit && may_relax) fit = search_size(true);
  if (!fit && !may_relax) fit = pack_at(sizes_.minimum, budgets_for(smallest_), false);
  Fit tight_needs;
  if (!fit) {
    // Names alone, without a height limit: what each lane needs at the
    // tightest. When the lanes need no more than the plot, that is the fit;
    // else it shares the plot out in proportion to those needs.
    const std::vector<double> unlimited(lanes_.size(), 1e300);
    tight_needs = pack_at(sizes_.minimum, &unlimited, true);
    if (tight_needs.total <= plot_.height) fit = std::move(tight_needs);
  }
  if (!fit) {
    // Shares by the needs with names alone and by those with the relaxed
    // labels: either may place more; the better one goes on.
    fit = pack_at(sizes_.minimum, budgets_for(tight_needs), true);
    const std::vector<double> by_names = budgets_;
    Fit other = pack_at(sizes_.minimum, budgets_for(smallest_), true);
    if (placed_count(other) <= placed_count(*fit)) {
      budgets_ = by_names;
    } else {
      fit = std::move(other);
    }
    // Budgets in proportion to need can leave a lane too short for even
    // one more item while another lane does not use all of its own: the
    // room a lane leaves unused goes to the lanes that left items out.
    for (int round = 0; round < kBudgetRounds; ++round) {
      std::vector<size_t> left_out(lanes_.size(), 0);
      for (size_t i = 0; i < entries_.size(); ++i) {
        left_out[entries_[i].lane] += fit->placements[i].alternative < 0;
      }
      double spare = 0;
      size_t wanting = 0;
      for (size_t l = 0; l < lanes_.size(); ++l) {
        if (left_out[l] == 0) {
          spare += std::max(0.0, budgets_[l] - fit->lane_heights[l]);
          budgets_[l] = std::min(budgets_[l], fit->lane_heights[l]);
        }
        wanting += left_out[l];
      }
      if (wanting == 0 || spare < 1) break;
      for (size_t l = 0; l < lanes_.size(); ++l) {
        budgets_[l] += spare * static_cast<double>(left_out[l]) / static_cast<double>(wanting);
      }
      Fit attempt = pack_at(sizes_.minimum, &budgets_, true);
      if (placed_count(attempt) <= placed_count(*fit)) break;
      fit = std::move(attempt);
    }
    trade_lane_heights(*fit);
  }
  fit_ = std::move(*fit);
  place_lanes();
}

// The fit at the preset's marks; when that leaves items out, the same with
// smaller marks (a row of marks is most of a lane's row at the minimum
// size), kept when it names more items.
void TimelineBuilder::fit_lanes() {
  size_t step = 0;
  while (step + 1 < std::size(kMarkShares) && marker_ < preset_marker_ * kMarkShares[step] - 1e-9)
    ++step;
  fit_lanes_once();
  while (!result_.omitted.empty() && fit_.relaxed && ++step < std::size(kMarkShares)) {
    FitState kept = fit_state();
    marker_ = preset_marker_ * kMarkShares[step];
    result_.omitted.clear();
    fit_lanes_once();
    if (result_.omitted.size() >= kept.omitted.size()) restore(std::move(kept));
  }
}

TimelineBuilder::FitState TimelineBuilder::fit_state() const {
  return {marker_, fit_, entries_, lane_layouts_, result_.omitted, budgets_};
}

void TimelineBuilder::restore(FitState state) {
  marker_ = state.marker;
  fit_ = std::move(state.fit);
  entries_ = std::move(state.entries);
  lane_layouts_ = std::move(state.lanes);
  result_.omitted = std::move(state.omitted);
  budgets_ = std::move(state.budgets);
}

/// Content height per lane when the lanes at the minimum size do not fit:
/// shares of the room in proportion to what each lane would need.
const std::vector<double>* TimelineBuilder::budgets_for(const Fit& unconstrained) {
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
void TimelineBuilder::place_lanes() {
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
    // A label set away from its marks keeps its offset while the lines
    // between them spread: such lanes keep their packing as it is.
    bool set_away = false;
    for (size_t i : lane_members(l)) {
      const PackPlacement& p = fit_.placements[i];
      set_away = set_away || (p.alternative >= 0 &&
                              !fit_.choices[i][static_cast<size_t>(p.alternative)].leader.empty());
    }
    const double stretch = set_away ? 1.0 : std::min(1.5, packed > 0 ? height / packed : 1.0);
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

}  // namespace briefing::timeline_detail
