// Leader lines: a thin line from an item's marks to its label when the
// packer set the label away from them (a row or two above or below, in
// free space). Points, y down.
#include "layout/timeline/builder.h"

namespace briefing::timeline_detail {

void TimelineBuilder::draw_leaders() {
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    const PackPlacement& p = fit_.placements[i];
    if (e.y < 0 || p.alternative < 0) continue;
    const Choice& c = fit_.choices[i][static_cast<size_t>(p.alternative)];
    if (c.variant < 0 || c.leader.empty()) continue;
    // One path per leg (an elbow has two), each a straight line whose box is its extent.
    for (size_t k = 0; k + 1 < c.leader.size(); ++k) {
      std::vector<Point> points = {c.leader[k], c.leader[k + 1]};
      for (Point& point : points) point.y += e.y;
      add_path(result_, std::move(points), Stroke{theme_.muted_text, 0.6, {}});
      std::get<PathShape>(result_.page.items.back()).tag = Tag{"leader", e.item->id, ""};
    }
  }
}

}  // namespace briefing::timeline_detail
