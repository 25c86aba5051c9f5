// The text of a timeline: item labels (title, NEW/CHANGED tag, dates at their
// precision) and text cut to fit a number of lines. Measures, never draws.
// Points, offsets from a label's top left, y down.
#pragma once

#include <cstddef>
#include <string>

#include "layout/display_list.h"
#include "layout/timeline/entries.h"

namespace briefing::timeline_detail {

/// An item label: title, then an optional NEW/CHANGED tag and its dates at
/// their precision. Offsets from the label's top left, points.
struct Label {
  TextBlockPtr title, tag, dates;
  double width = 0, height = 0;
  Point tag_offset, dates_offset;
  double dates_line_width = 0;   // tag and dates together
  double first_line_middle = 0;  // the middle of the title's first line, from the top
  /// The dates follow the title's last line when they fit there (one line
  /// saved); else they stand on a line of their own under the title.
  bool inline_dates = false;
};

/// The label of `entry` with its title at `size` and its dates (and `tag`,
/// when not empty) at `date_size`, wrapped at `wrap` points.
Label make_label(const Entry& entry, const std::string& tag, const std::string& family, double size,
                 double date_size, double wrap);

/// `text` cut to at most `max_bytes` (at a word when one is near), with "…".
std::string truncated(const std::string& text, size_t max_bytes);

/// `text` wrapped at `wrap` points onto at most `max_lines` lines, cut with
/// "…" at a word when it needs more.
TextBlockPtr block_of_lines(const std::string& text, const TextStyle& style, double wrap,
                            int max_lines);

/// The middle of the first line of `title`, from its top, points.
double title_first_line_middle(const TextBlock& title);

}  // namespace briefing::timeline_detail
