// Item labels and cut text for the timeline.
#include "layout/timeline/labels.h"

#include <algorithm>
#include <memory>

#include "text/bidi.h"
#include "text/messages.h"

namespace briefing::timeline_detail {

namespace {

std::string dates_text(const Entry& entry) {
  std::string text;
  for (size_t i = 0; i < entry.milestones.size(); ++i) {
    if (i > 0) text += " → ";
    text += document_messages().date_short(entry.milestones[i]->date);
    if (!entry.milestones[i]->label.empty()) text += " " + isolated(entry.milestones[i]->label);
  }
  // Our dates left to right; a Hebrew or Arabic label keeps to itself.
  return left_to_right_phrase(text);
}

}  // namespace

Label make_label(const Entry& entry, const std::string& tag, const std::string& family, double size,
                 double date_size, double wrap) {
  Label label;
  const TextStyle title_style{family, size, entry.item->highlight, false};
  const TextStyle date_style{family, date_size, false, false};
  label.title = std::make_shared<TextBlock>(entry.item->title, title_style, wrap);
  label.dates = std::make_shared<TextBlock>(dates_text(entry), date_style, wrap);
  const double space = date_size * 0.35;
  double tag_width = 0;
  if (!tag.empty()) {
    label.tag = std::make_shared<TextBlock>(tag, TextStyle{family, date_size, true, false});
    tag_width = label.tag->width() + space;
  }
  label.dates_line_width = tag_width + label.dates->width();
  const auto lines = label.title->line_boxes();
  label.first_line_middle =
      lines.empty() ? label.title->height() / 2 : lines.front().y + lines.front().height / 2;
  const double title_space = size * 0.4;
  // A right-to-left title ends on the left of its last line: the dates
  // follow it there, where the line leaves room inside the block, or else
  // stand under the title, flush with its right edge (where it starts).
  const bool rtl = label.title->right_to_left();
  const bool fits_inline =
      !lines.empty() && label.dates->line_count() == 1 &&
      (rtl ? lines.back().x >= title_space + label.dates_line_width
           : lines.back().width + title_space + label.dates_line_width <= wrap);
  // Same baseline as the title's last line, or a line of its own.
  const double line_x =
      fits_inline ? (rtl ? lines.back().x - title_space - label.dates_line_width
                         : lines.back().x + lines.back().width + title_space)
                  : (rtl ? std::max(0.0, label.title->width() - label.dates_line_width) : 0);
  const double line_y =
      fits_inline ? lines.back().y + label.title->baseline() -
                        std::max(label.dates->baseline(), label.tag ? label.tag->baseline() : 0.0)
                  : label.title->height();
  label.inline_dates = fits_inline;
  const double line_height = std::max(label.dates->height(), label.tag ? label.tag->height() : 0.0);
  if (label.tag) label.tag_offset = {line_x, line_y};
  label.dates_offset = {line_x + tag_width, line_y};
  // Baselines aligned when the tag and the dates share a line.
  if (label.tag) {
    label.tag_offset.y +=
        std::max(label.dates->baseline(), label.tag->baseline()) - label.tag->baseline();
    label.dates_offset.y +=
        std::max(label.dates->baseline(), label.tag->baseline()) - label.dates->baseline();
  }
  label.width = std::max(label.title->width(), line_x + label.dates_line_width);
  label.height = std::max(label.title->height(), line_y + line_height);
  return label;
}

std::string truncated(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
      --cut;  // UTF-8 boundary
  }
  std::string out = text.substr(0, cut);
  while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
  return out + "…";
}

TextBlockPtr block_of_lines(const std::string& text, const TextStyle& style, double wrap,
                            int max_lines) {
  auto block = std::make_shared<TextBlock>(text, style, wrap);
  for (size_t bytes = text.size(); block->line_count() > max_lines && bytes > 4;) {
    bytes = bytes * 9 / 10;
    block = std::make_shared<TextBlock>(truncated(text, bytes), style, wrap);
  }
  return block;
}

double title_first_line_middle(const TextBlock& title) {
  const auto lines = title.line_boxes();
  return lines.empty() ? title.height() / 2 : lines.front().y + lines.front().height / 2;
}

}  // namespace briefing::timeline_detail
