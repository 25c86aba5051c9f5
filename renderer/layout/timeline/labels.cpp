// Item labels and cut text for the timeline.
#include "layout/timeline/labels.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "layout/timeline/chart_words.h"
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

/// The first and the last date only, with how many there are: "15 Dec 2020
/// → 17 Feb 2024 (7 dates)"; one date as dates_text gives it.
std::string compact_dates_text(const Entry& entry) {
  if (entry.milestones.size() < 3) return dates_text(entry);
  const Messages& words = document_messages();
  std::string text =
      words.get("timeline.dates_span", {{"first", words.date_short(entry.milestones.front()->date)},
                                        {"last", words.date_short(entry.milestones.back()->date)},
                                        {"n", std::to_string(entry.milestones.size())}});
  return left_to_right_phrase(text);
}

/// The years the item spans: "2016" or "2016–2018".
std::string years_text(const Entry& entry) {
  const int first = entry.milestones.front()->date.year_value();
  const int last = entry.milestones.back()->date.year_value();
  return std::to_string(first) + (last != first ? "–" + std::to_string(last) : std::string());
}

size_t shaped_in_process = 0;

}  // namespace

size_t label_blocks_shaped() { return shaped_in_process; }

namespace {
std::string style_key(const std::string& text, const TextStyle& style) {
  return text + '\x1f' + style.family + '\x1f' + std::to_string(style.size) +
         (style.bold ? 'b' : '-') + (style.italic ? 'i' : '-');
}
}  // namespace

TextBlockPtr TextBlockCache::cut(const std::string& text, const TextStyle& style, double wrap,
                                 int max_lines) {
  TextBlockPtr& slot = cut_[{style_key(text, style), wrap, max_lines}];
  if (!slot) slot = cut_to_lines(text, style, wrap, max_lines);
  return slot;
}

TextBlockPtr TextBlockCache::get(const std::string& text, const TextStyle& style, double wrap) {
  std::vector<Made>& made = made_[style_key(text, style)];
  // Pango breaks lines greedily: each line takes every word that fits the
  // wrap width. A block made at wrap `m` whose lines are all at most `w`
  // wide has the same lines at `w` < `m` (a word that did not fit `m`
  // cannot fit `w`), and a block on one line has it at any wider wrap. So
  // one layout stands for every wrap between its width and its own wrap.
  // Widths compared in Pango units, as Pango compares them.
  const double wrap_units = std::floor(wrap * PANGO_SCALE);
  for (const Made& m : made) {
    if (m.wrap == wrap) return m.block;
    if (m.block->right_to_left() || m.block->width() * PANGO_SCALE > wrap_units) continue;
    if (wrap < m.wrap || m.block->line_count() == 1) return m.block;
  }
  auto block = std::make_shared<const TextBlock>(text, style, wrap);
  ++shaped_;
  ++shaped_in_process;
  made.push_back({wrap, block});
  return block;
}

Label make_label(const Entry& entry, const std::string& tag, const std::string& family, double size,
                 double date_size, double wrap, LabelForm form, TextBlockCache* cache,
                 int max_lines) {
  Label label;
  const TextStyle title_style{family, size, entry.item->highlight, false};
  const TextStyle date_style{family, date_size, false, false};
  auto shape = [&](const std::string& text, const TextStyle& style) -> TextBlockPtr {
    if (cache) return cache->get(text, style, wrap);
    ++shaped_in_process;
    return std::make_shared<TextBlock>(text, style, wrap);
  };
  if (form == LabelForm::full) {
    label.title = shape(entry.item->title, title_style);
    label.dates = shape(dates_text(entry), date_style);
  } else {
    const std::string& name =
        entry.item->short_title.empty() ? entry.item->title : entry.item->short_title;
    const int lines = form == LabelForm::name ? max_lines : 2;
    label.title = cache ? cache->cut(name, title_style, wrap, lines)
                        : cut_to_lines(name, title_style, wrap, lines);
    label.dates = shape(form == LabelForm::compact ? compact_dates_text(entry) : years_text(entry),
                        date_style);
  }
  const double space = date_size * 0.35;
  double tag_width = 0;
  if (!tag.empty()) {
    ++shaped_in_process;
    label.tag =
        std::make_shared<TextBlock>(badge_text(tag), TextStyle{family, date_size, true, false});
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
  // Inline, the dates share the last line's baseline; a line whose baseline
  // is higher than theirs (a CJK title over Latin dates of the same size)
  // would push them above the label's top: they go under it then.
  const double dates_baseline =
      std::max(label.dates->baseline(), label.tag ? label.tag->baseline() : 0.0);
  const bool fits_inline =
      !lines.empty() && label.dates->line_count() == 1 &&
      lines.back().y + label.title->baseline() >= dates_baseline &&
      (rtl ? lines.back().x >= title_space + label.dates_line_width
           : lines.back().width + title_space + label.dates_line_width <= wrap);
  // Same baseline as the title's last line, or a line of its own.
  const double line_x =
      fits_inline ? (rtl ? lines.back().x - title_space - label.dates_line_width
                         : lines.back().x + lines.back().width + title_space)
                  : (rtl ? std::max(0.0, label.title->width() - label.dates_line_width) : 0);
  const double line_y = fits_inline ? lines.back().y + label.title->baseline() - dates_baseline
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
  ++shaped_in_process;
  for (size_t bytes = text.size(); block->line_count() > max_lines && bytes > 4;) {
    bytes = bytes * 9 / 10;
    ++shaped_in_process;
    block = std::make_shared<TextBlock>(truncated(text, bytes), style, wrap);
  }
  return block;
}

TextBlockPtr cut_to_lines(const std::string& text, const TextStyle& style, double wrap,
                          int max_lines) {
  auto block = std::make_shared<TextBlock>(text, style, wrap);
  ++shaped_in_process;
  if (block->line_count() <= max_lines) return block;
  // Cut where the last allowed line ends, then a little shorter until the
  // "…" fits too: two or three layouts, not one per tenth of the text.
  size_t bytes = block->line_ranges()[static_cast<size_t>(max_lines - 1)].second;
  while (bytes > 4) {
    block = std::make_shared<TextBlock>(truncated(text, bytes), style, wrap);
    ++shaped_in_process;
    if (block->line_count() <= max_lines) break;
    bytes = bytes * 9 / 10;
  }
  return block;
}

double title_first_line_middle(const TextBlock& title) {
  const auto lines = title.line_boxes();
  return lines.empty() ? title.height() / 2 : lines.front().y + lines.front().height / 2;
}

}  // namespace briefing::timeline_detail
