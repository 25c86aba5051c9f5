// Packing one lane of a timeline. Every item is a group of boxes (its marks
// and its label) whose x is fixed by the time scale; the packer chooses for
// each item one of its alternatives (label right of the marks, left, below,
// another wrap width) and the highest line at which all its boxes keep clear
// of everything placed before, so labels stay next to their marks, inside the
// lane, and never overlap. Points, y down, relative to the lane's top.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "layout/display_list.h"

namespace briefing {

/// One way to draw an item: boxes with y relative to its mark line.
struct PackAlternative {
  std::vector<Rect> boxes;
  /// Added to the bottom it reaches when choosing between alternatives,
  /// points: how much lower an alternative may sit and still be preferred.
  double penalty = 0;
};

struct PackItem {
  std::vector<PackAlternative> alternatives;  // best first
};

struct PackPlacement {
  int alternative = -1;  // -1: no alternative fits within the height limit
  double line_y = 0;     // the item's mark line, from the lane's top
};

struct LanePacking {
  std::vector<PackPlacement> placements;  // per item, in the items' order
  double height = 0;                      // the lowest bottom of anything placed (or reserved)
  /// Packing stopped at an item whose best place ended below
  /// PackSettings::overflow_height; later items were not placed, and
  /// `height` is where that item would have ended.
  bool overflowed = false;
};

struct PackSettings {
  double gap_x = 4;           // horizontal clearance between boxes of different items
  double gap_y = 1.5;         // vertical clearance
  double max_height = 1e300;  // boxes must end above this, from the lane's top
  /// Points from the lane's top: once an item's best place ends below this,
  /// the lane is known to be too tall and packing stops (LanePacking::overflowed).
  /// Items before it are placed exactly as without the limit.
  double overflow_height = 1e300;
  /// Under a height limit, let an item left out take a neighbour's place
  /// when the neighbour finds another (lanes of up to a few hundred items).
  bool repair = false;
};

/// A lower bound on the height of any packing in which every box of `common`
/// is placed (each one is part of every alternative of its item, e.g. its
/// marks, at a fixed x): boxes that overlap one x (with the clearance) must
/// stack. Linear after sorting, so a lane of 2,000 items on one day is known
/// to be too tall without packing it.
double stacked_height(const std::vector<Rect>& common, const PackSettings& settings);

/// Items made on demand. Under a height limit, an item whose `common`
/// boxes (part of every one of its alternatives, e.g. its marks) fit nowhere
/// above the limit cannot be placed, and is skipped without being made: of
/// 2,000 items on one day, the few dozen that can be placed are measured.
struct LazyPackItems {
  std::vector<std::vector<Rect>> common;  // per item; empty: none known
  /// Item i; called at most once per item, the reference must stay valid.
  std::function<const PackItem&(size_t)> item;
};

/// Places `items` in the given `order` (indices into `items`). `reserved`
/// boxes (e.g. the lane title) are occupied from the start.
LanePacking pack_lane(const std::vector<PackItem>& items, const std::vector<size_t>& order,
                      const std::vector<Rect>& reserved, const PackSettings& settings);
/// The same, for items made on demand: the same result as if all were made first.
LanePacking pack_lane(const LazyPackItems& items, const std::vector<size_t>& order,
                      const std::vector<Rect>& reserved, const PackSettings& settings);

}  // namespace briefing
