// The text of a timeline: item labels (title, NEW/CHANGED tag, dates at their
// precision) and text cut to fit a number of lines. Measures, never draws.
// Points, offsets from a label's top left, y down.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

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

/// How much of its item a label shows.
enum class LabelForm {
  full,     // the whole title (wrapped) and every milestone's date and label
  compact,  // the short title (or the title cut to two lines) and the first and last dates
  /// The short title (or the title cut to two lines) and the years it spans
  /// ("2016–2018"): for charts too crowded for the dates, which the marks
  /// show on the axis.
  name,
};

/// Text blocks of one chart, shaped once: a block that came out on one line
/// stands for every wider wrap of the same text and style (left to right
/// text only: Pango aligns a right-to-left paragraph within the wrap width).
class TextBlockCache {
 public:
  TextBlockPtr get(const std::string& text, const TextStyle& style, double wrap);
  /// cut_to_lines(text, style, wrap, max_lines), made once per chart.
  TextBlockPtr cut(const std::string& text, const TextStyle& style, double wrap, int max_lines);
  /// Blocks shaped so far (Pango layouts made), for tests and measurement.
  size_t shaped() const { return shaped_; }

 private:
  struct Made {
    double wrap;
    TextBlockPtr block;
  };
  /// Per text and style (one key string), the wraps shaped.
  std::unordered_map<std::string, std::vector<Made>> made_;
  std::map<std::tuple<std::string, double, int>, TextBlockPtr> cut_;  // text and style, wrap, lines
  size_t shaped_ = 0;
};

/// The label of `entry` with its title at `size` and its dates (and `tag`,
/// when not empty) at `date_size`, wrapped at `wrap` points; blocks from
/// `cache` when given.
Label make_label(const Entry& entry, const std::string& tag, const std::string& family, double size,
                 double date_size, double wrap, LabelForm form = LabelForm::full,
                 TextBlockCache* cache = nullptr, int max_lines = 2);

/// Blocks shaped for timeline labels in this process (all caches), for tests.
size_t label_blocks_shaped();

/// `text` cut to at most `max_bytes` (at a word when one is near), with "…".
std::string truncated(const std::string& text, size_t max_bytes);

/// `text` wrapped at `wrap` points onto at most `max_lines` lines, cut with
/// "…" at a word when it needs more.
TextBlockPtr block_of_lines(const std::string& text, const TextStyle& style, double wrap,
                            int max_lines);

/// The same as block_of_lines, cut first where the last allowed line ends
/// (fewer layouts); for labels.
TextBlockPtr cut_to_lines(const std::string& text, const TextStyle& style, double wrap,
                          int max_lines);

/// The middle of the first line of `title`, from its top, points.
double title_first_line_middle(const TextBlock& title);

}  // namespace briefing::timeline_detail
