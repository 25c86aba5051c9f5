// Marks without labels: a deck overview's other items, drawn in the room the
// labelled items leave in their lane, so that the overview shows where the
// rest lies. Points, y down.
#include "layout/timeline/builder.h"

namespace briefing::timeline_detail {

void TimelineBuilder::place_marks_only() {
  if (marks_only_.empty()) return;
  for (Entry& e : marks_only_) mark_extent(e, axis_.scale(), marker_);
  for (size_t l = 0; l < lanes_.size(); ++l) {
    const LaneLayout& lane = lane_layouts_[l];
    if (!lane.fits) continue;
    const double content_top = lane.top + kLanePadding;
    // Everything the lane already holds, relative to its content's top.
    std::vector<Rect> reserved;
    if (lane.title) reserved.push_back(lane_title_box(lane.title));
    for (size_t i : lane_members(l)) {
      const Entry& e = entries_[i];
      const PackPlacement& p = fit_.placements[i];
      if (e.y < 0 || p.alternative < 0) continue;
      const double line = e.y - content_top;
      Rect marks = marks_box(e);
      marks.y += line;
      reserved.push_back(marks);
      const Choice& c = fit_.choices[i][static_cast<size_t>(p.alternative)];
      if (c.variant < 0) continue;
      Rect label = c.label_box;
      label.y += line;
      reserved.push_back(label);
      if (c.leader.size() == 2) {
        const double top = std::min(c.leader[0].y, c.leader[1].y) + line;
        const double bottom = std::max(c.leader[0].y, c.leader[1].y) + line;
        reserved.push_back(Rect{c.leader[0].x - 0.5, top, 1, bottom - top});
      }
    }
    std::vector<size_t> members;
    std::vector<PackItem> items;
    for (size_t k = 0; k < marks_only_.size(); ++k) {
      if (marks_only_[k].lane != l) continue;
      members.push_back(k);
      items.push_back(PackItem{{PackAlternative{{marks_box(marks_only_[k])}, 0}}});
    }
    if (members.empty()) continue;
    std::vector<size_t> order(members.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    PackSettings settings;
    settings.max_height = lane.height - 2 * kLanePadding;
    const LanePacking packing = pack_lane(items, order, reserved, settings);
    for (size_t k = 0; k < members.size(); ++k) {
      const PackPlacement& p = packing.placements[k];
      if (p.alternative < 0) continue;
      Entry e = marks_only_[members[k]];
      e.y = content_top + p.line_y;
      entries_.push_back(e);
      fit_.placements.push_back(p);
      fit_.choices.push_back({Choice{}});
      fit_.labels.emplace_back();
    }
  }
}

}  // namespace briefing::timeline_detail
