// Packing one lane of a timeline. Every item is a group of boxes (its marks
// and its label) whose x is fixed by the time scale; the packer chooses for
// each item one of its alternatives (label right of the marks, left, below,
// another wrap width) and the highest line at which all its boxes keep clear
// of everything placed before, so labels stay next to their marks, inside the
// lane, and never overlap. Points, y down, relative to the lane's top.
#pragma once

#include <cstddef>
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
};

struct PackSettings {
  double gap_x = 4;           // horizontal clearance between boxes of different items
  double gap_y = 1.5;         // vertical clearance
  double max_height = 1e300;  // boxes must end above this, from the lane's top
};

/// Places `items` in the given `order` (indices into `items`). `reserved`
/// boxes (e.g. the lane title) are occupied from the start.
LanePacking pack_lane(const std::vector<PackItem>& items, const std::vector<size_t>& order,
                      const std::vector<Rect>& reserved, const PackSettings& settings);

}  // namespace briefing
