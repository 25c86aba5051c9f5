// The report's block model and its pagination: blocks flow down the text
// area, paragraphs split between lines (with orphan and widow control),
// headings stay with what follows, footnotes go to the foot of the page that
// carries their marker, and a table's header row repeats on every page it
// continues on. Points, y down; page coordinates.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "text/rich_paragraph.h"

namespace briefing {

/// A footnote: its number in a hanging column and its text beside it.
struct Footnote {
  int number = 0;
  std::string item_id;
  TextBlockPtr number_block;
  double indent = 0;      // the text's offset from the left margin
  double number_gap = 0;  // between the number's right edge and the text
  std::optional<Paragraph> body;

  double height() const { return body ? body->height() : 0; }
};

struct FlowBlock {
  enum class Kind { paragraph, fixed, page_break };
  Kind kind = Kind::fixed;

  // paragraph
  std::optional<Paragraph> paragraph;
  double indent = 0;               // from the left margin
  std::string line_kind = "line";  // dump kind of each line

  // fixed: shapes relative to the block's top left (the left margin)
  double height = 0;
  std::vector<DisplayItem> items;  // tagged for the dump where they stand for something
  std::vector<int> footnotes;      // markers inside the block

  std::string item_id;                       // for the dump
  double space_before = 0, space_after = 0;  // collapsed: the larger applies
  bool keep_with_next = false;
  int repeat_header = -1;            // index of a table header block to repeat on a new page
  std::vector<std::string> anchors;  // destinations whose page the TOC needs
};

/// Where each block was placed: its page (0-based) and top, page coordinates.
struct Placement {
  int page = -1;
  double x = 0, y = 0;
  double height = 0;
};

struct PageContent {
  std::vector<DisplayItem> items;
  std::vector<int> footnotes;
};

struct Pagination {
  std::vector<PageContent> pages;
  std::vector<Placement> placements;        // one per block, its first part
  std::map<std::string, int> anchor_pages;  // destination → 0-based page
};

struct PageFrame {
  Rect text;  // the text area: margins applied
  int orphans = 2, widows = 2;
  double footnote_gap = 3;         // between footnotes
  double footnote_separator = 14;  // rule and space above the first footnote
  Color rule;
  Color number_color;  // footnote numbers
};

/// The paragraph placed at `origin`: its text tagged `tag` (the dump lists
/// it line by line when `per_line`), its links (footnote markers tagged
/// "footnote-marker") and the destinations its footnote markers are.
void emit_paragraph(const Paragraph& p, Point origin, std::vector<DisplayItem>& out,
                    const Tag& tag = {}, bool per_line = false);

Pagination paginate(const std::vector<FlowBlock>& blocks, const std::map<int, Footnote>& footnotes,
                    const PageFrame& frame);

}  // namespace briefing
