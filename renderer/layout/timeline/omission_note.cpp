// The chart's own note of what it leaves out: when labels do not fit even
// short, at the minimum size, and the caller allowed omissions, the chart
// names the items it does not show ("3 items not shown: GDPR; …") or, when
// the names do not fit two lines, says how many and where to find them.
// The note sits in a strip under the lanes, kept free for it. Points, y down.
#include <algorithm>
#include <memory>

#include "layout/timeline/builder.h"
#include "text/messages.h"

namespace briefing::timeline_detail {

namespace {

constexpr int kNoteLines = 2;

}  // namespace

double TimelineBuilder::omission_note_height() const {
  const TextStyle style{style_.font_family, sizes_.minimum, false, true};
  const TextBlock probe("Ag\nAg", style, 0);
  return probe.height() + 2;
}

bool TimelineBuilder::reserve_omission_note() {
  if (result_.omitted.empty() || !options_.allow_omissions) return false;
  const double height = omission_note_height();
  if (plot_.height <= height * 2) return false;
  plot_.height -= height;
  note_top_ = plot_.bottom() + 1;
  result_.omitted.clear();
  for (Entry& e : entries_) e.y = -1;
  return true;
}

void TimelineBuilder::place_omission_note() {
  if (result_.omitted.empty() || note_top_ < 0) return;
  const TextStyle style{style_.font_family, sizes_.minimum, false, true};
  const size_t n = result_.omitted.size();
  std::string names;
  for (const TimelineOmission& omission : result_.omitted) {
    const Item* item = dataset_.find_item(omission.item_id);
    const std::string& name =
        item && !item->short_title.empty() ? item->short_title : omission.title;
    names += (names.empty() ? "" : "; ") + name;
  }
  const Messages& words = document_messages();
  auto block = std::make_shared<TextBlock>(words.count("timeline.not_shown", n, {{"names", names}}),
                                           style, canvas_.width);
  if (block->line_count() > kNoteLines) {
    block = std::make_shared<TextBlock>(words.count("timeline.not_shown_count", n), style,
                                        canvas_.width);
  }
  add_text(result_, block, {canvas_.x, note_top_}, theme_.muted_text, "omission-note", "");
  text_boxes_.push_back(Rect{canvas_.x, note_top_, block->width(), block->height()});
}

}  // namespace briefing::timeline_detail
