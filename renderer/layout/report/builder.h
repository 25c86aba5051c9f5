// Internal to the report layout: what its parts (cover, contents, changes,
// figure, body, chronology, page furniture) share while layout_report()
// builds them one after another. Not for use outside renderer/layout/report_*.
// Points, y down; block coordinates are relative to a block's top left (the
// left margin), page coordinates once paginated.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "layout/report/pages.h"
#include "layout/report/report_layout.h"
#include "text/messages.h"
#include "text/rich_paragraph.h"

namespace briefing {

class Hyphenator;

namespace report_parts {

constexpr std::string_view kMiddleDot = " \xC2\xB7 ";

std::string join(const std::vector<std::string>& parts, std::string_view separator);
/// "1 item", "3 items".
std::string plural(size_t n, const std::string& one, const std::string& many);

/// Named destinations of a section's and an item's heading.
std::string section_anchor(const std::string& id);
std::string item_anchor(const std::string& id);

/// The report's text styles, and texts measured once for a given ReportStyle.
class Typesetter {
 public:
  Typesetter(const ReportStyle& style, const Hyphenator* hyphenator, const Messages& words)
      : style_(style), hyphenator_(hyphenator), words_(words), width_(style.text_width()) {}

  const ReportStyle& style() const { return style_; }
  /// The words the report adds, in its language.
  const Messages& words() const { return words_; }
  /// Soft hyphens for body text; null when the report is not hyphenated.
  const Hyphenator* hyphenator() const { return hyphenator_; }
  /// The text area's width, points.
  double width() const { return width_; }

  TextStyle body_style() const { return {style_.body_family, style_.body_size, false, false}; }
  TextStyle sans(double size, bool bold = false) const {
    return {style_.heading_family, size, bold, false};
  }
  TextStyle heading_style(int depth) const;
  TextAlign body_align() const { return style_.justify ? TextAlign::justify : TextAlign::left; }

  /// A left-aligned text, wrapped at `width` (points) when > 0. Unwrapped
  /// texts repeat (numbers, page labels, "000" for column widths): each is
  /// laid out once and its block shared, as blocks are immutable.
  TextBlockPtr text(std::string_view s, const TextStyle& ts, double width = 0) const;
  /// A paragraph at the style's line spacing.
  Paragraph paragraph(RichText rich, const TextStyle& ts, double width, TextAlign align,
                      Color color) const {
    return Paragraph(std::move(rich), ts, width, align, color, style_.line_spacing);
  }

 private:
  const ReportStyle& style_;
  const Hyphenator* hyphenator_;
  const Messages& words_;
  const double width_;
  mutable std::map<std::tuple<std::string, std::string, double, bool, bool>, TextBlockPtr>
      unwrapped_;
};

/// The blocks to paginate, in reading order, and the PDF outline of their
/// headings.
class Flow {
 public:
  explicit Flow(const Typesetter& typesetter) : typesetter_(typesetter) {}

  const std::vector<FlowBlock>& blocks() const { return blocks_; }
  const std::vector<OutlineEntry>& outline() const { return outline_; }
  /// The index the next block will get.
  size_t next_index() const { return blocks_.size(); }

  void add(FlowBlock block) { blocks_.push_back(std::move(block)); }
  /// `kind` is the dump kind of each line.
  void add_paragraph(Paragraph p, double indent, double before, double after, bool keep,
                     std::string item_id, std::string kind = "line");
  void page_break();
  /// A heading: a fixed block that keeps with what follows, a destination and
  /// an outline entry. `number` hangs left of the title when given, at least
  /// `hang` points wide.
  FlowBlock& add_heading(const std::string& number, const std::string& title, const TextStyle& ts,
                         const std::string& destination, int outline_level, double before,
                         double after, Color number_color, double hang = 0);

 private:
  const Typesetter& typesetter_;
  std::vector<FlowBlock> blocks_;
  std::vector<OutlineEntry> outline_;
};

/// The dataset's items in report order (section by section), numbered from 1,
/// and the footnotes their links and notes become.
struct ReportItems {
  std::vector<const Item*> ordered;
  std::map<std::string, int> numbers;                      // item id → its number
  std::map<int, Footnote> footnotes;                       // by number
  std::map<std::string, std::vector<int>> item_footnotes;  // item id → its footnote numbers
};

/// Orders and numbers the items, then numbers their footnotes in that order.
ReportItems collect_items(const Dataset& dataset, const Typesetter& typesetter);

// ---- the parts, in the order they appear -----------------------------------

void add_cover(const Dataset& dataset, size_t footnote_count, const Typesetter& typesetter,
               Flow& flow);

/// A contents line whose page number is filled in after pagination.
struct TocEntry {
  size_t block = 0;
  std::string destination;
  TextStyle style;
  Color color;
  double title_right = 0;         // where the title's last line ends, from the block's left
  double baseline = 0;            // the last line's baseline, from the block's top
  std::vector<Rect> title_rects;  // relative to the block's top left
};

std::vector<TocEntry> add_contents(const Dataset& dataset, const ReportItems& items,
                                   const ReportOptions& options, const Typesetter& typesetter,
                                   Flow& flow);
/// Page numbers, dotted leaders and links into the contents, once every
/// heading has its page; `labels` holds each page's label.
void fill_contents(const std::vector<TocEntry>& toc, const std::vector<std::string>& labels,
                   const Typesetter& typesetter, Pagination& pagination);

void add_changes(const DatasetDiff& diff, const PartialDate& since, const std::string& basis,
                 const Typesetter& typesetter, Flow& flow);

/// Adds to `diagnostics` what a reader should know (labels left out for room).
void add_figure(const Dataset& dataset, const TimelineStyle& figure_style,
                const DatasetDiff* changes, const Typesetter& typesetter, Flow& flow,
                Diagnostics& diagnostics);

void add_body(const Dataset& dataset, const ReportItems& items, const DatasetDiff* changes,
              const Typesetter& typesetter, Flow& flow);

void add_chronology(const std::vector<const Item*>& ordered, const Typesetter& typesetter,
                    Flow& flow);

// ---- page furniture ----------------------------------------------------------

struct PageLabels {
  std::vector<std::string> labels;  // one per page
  size_t main_first_page = 0;       // 0-based; pages before it are front matter
};

/// Front matter (cover, contents, changes) in lower-case roman numerals, the
/// main matter (from block `main_matter_block` on) from 1.
PageLabels label_pages(const Pagination& pagination, size_t main_matter_block);

/// The running header (`header`, the report's title) and the footer with the
/// page's label, drawn on `page` (tagged "header" and "footer").
void add_running_header_and_footer(Page& page, const TextBlockPtr& header, const PageLabels& labels,
                                   size_t index, const Typesetter& typesetter);

/// The layout's marking ("DRAFT"), centred at the foot of `page` (tagged
/// "marking"); nothing when the layout has none.
void add_marking(Page& page, const Typesetter& typesetter);

}  // namespace report_parts
}  // namespace briefing
