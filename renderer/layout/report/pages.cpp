#include "layout/report/pages.h"

#include <algorithm>
#include <set>

namespace briefing {

void emit_paragraph(const Paragraph& p, Point origin, std::vector<DisplayItem>& out, const Tag& tag,
                    bool per_line) {
  TextShape text{origin, p.block(), p.color(), tag};
  text.per_line = per_line;
  out.push_back(std::move(text));
  for (auto& [link, rects] : p.link_areas(origin)) {
    LinkArea area{std::move(rects), link->uri, link->destination};
    // A footnote marker links to its footnote, "fn-N".
    if (link->destination.rfind("fn-", 0) == 0) {
      area.tag = Tag{"footnote-marker", link->destination, link->destination.substr(3)};
    }
    out.push_back(std::move(area));
  }
  for (const auto& [number, box] : p.marker_boxes(origin)) {
    out.push_back(Destination{"fnref-" + std::to_string(number), {box.x, box.y}});
  }
}

namespace {

class Paginator {
 public:
  Paginator(const std::vector<FlowBlock>& blocks, const std::map<int, Footnote>& footnotes,
            const PageFrame& frame)
      : blocks_(blocks), footnotes_(footnotes), frame_(frame) {
    result_.placements.resize(blocks.size());
    result_.pages.emplace_back();
  }

  Pagination run() {
    for (size_t i = 0; i < blocks_.size(); ++i) place(i);
    finish_page();
    return std::move(result_);
  }

 private:
  // Height of the footnote area for a set of footnotes (0 when empty).
  double footnote_height(const std::vector<int>& numbers) const {
    if (numbers.empty()) return 0;
    double h = frame_.footnote_separator;
    for (size_t k = 0; k < numbers.size(); ++k) {
      if (k > 0) h += frame_.footnote_gap;
      auto found = footnotes_.find(numbers[k]);
      if (found != footnotes_.end()) h += found->second.height();
    }
    return h;
  }

  std::vector<int> with(const std::vector<int>& more) const {
    std::vector<int> all = page_footnotes_;
    for (int n : more) {
      if (std::find(all.begin(), all.end(), n) == all.end()) all.push_back(n);
    }
    return all;
  }

  bool page_empty() const { return !placed_anything_; }
  double limit() const { return frame_.text.height; }

  // True if `body` more points of content and `notes` fit below the cursor.
  bool fits(double body, const std::vector<int>& notes) const {
    return y_ + body + footnote_height(with(notes)) <= limit() + 0.01;
  }

  double gap_before(const FlowBlock& block) const {
    return page_empty() ? 0 : std::max(pending_space_, block.space_before);
  }

  // Lines a paragraph must show at once: all of it when it cannot be split.
  size_t minimum_lines(const Paragraph& p) const {
    const size_t n = p.lines().size();
    const size_t orphans = static_cast<size_t>(frame_.orphans);
    const size_t widows = static_cast<size_t>(frame_.widows);
    return n < orphans + widows || !p.splittable() ? n : orphans;
  }

  // The height (and footnotes) that must fit for block i to start here: the
  // block, or its first lines, plus that of every block it keeps with.
  std::pair<double, std::vector<int>> start_need(size_t i) const {
    double body = 0;
    std::vector<int> notes;
    double gap = 0;
    for (size_t j = i; j < blocks_.size(); ++j) {
      const FlowBlock& b = blocks_[j];
      if (b.kind == FlowBlock::Kind::page_break) break;
      if (j > i) body += std::max(gap, b.space_before);
      if (b.kind == FlowBlock::Kind::fixed) {
        body += b.height;
        notes.insert(notes.end(), b.footnotes.begin(), b.footnotes.end());
      } else {
        const size_t m = minimum_lines(*b.paragraph);
        body += b.paragraph->height_of_lines(m);
        for (size_t k = 0; k < m; ++k) {
          const auto& fns = b.paragraph->lines()[k].footnotes;
          notes.insert(notes.end(), fns.begin(), fns.end());
        }
      }
      if (b.repeat_header >= 0 && header_page_.count(b.repeat_header) == 0 && j == i &&
          static_cast<size_t>(b.repeat_header) != j) {
        body += blocks_[static_cast<size_t>(b.repeat_header)].height;
      }
      if (!b.keep_with_next) break;
      gap = b.space_after;
    }
    return {body, notes};
  }

  void new_page() {
    finish_page();
    result_.pages.emplace_back();
    y_ = 0;
    pending_space_ = 0;
    placed_anything_ = false;
    page_footnotes_.clear();
    header_page_.clear();
  }

  void finish_page() {
    PageContent& page = result_.pages.back();
    if (page_footnotes_.empty()) return;
    const double height = footnote_height(page_footnotes_);
    double y = frame_.text.bottom() - height;
    // A short rule above the footnotes.
    const double rule_y = y + frame_.footnote_separator * 0.45;
    page.items.push_back(
        PathShape{{{frame_.text.x, rule_y}, {frame_.text.x + frame_.text.width * 0.3, rule_y}},
                  false,
                  false,
                  {},
                  true,
                  {frame_.rule, 0.6, {}}});
    y += frame_.footnote_separator;
    for (size_t k = 0; k < page_footnotes_.size(); ++k) {
      if (k > 0) y += frame_.footnote_gap;
      const Footnote& note = footnotes_.at(page_footnotes_[k]);
      const std::string name = "fn-" + std::to_string(note.number);
      // The footnote as one group: its destination, number and text.
      Group group;
      std::string text = std::to_string(note.number);
      for (size_t line = 0; line < note.body->lines().size(); ++line) {
        text += " " + note.body->line_text(line);
      }
      group.tag = Tag{"footnote", name, text};
      group.area = Rect{frame_.text.x, y, note.indent + note.body->width(), note.height()};
      group.items.push_back(Destination{name, {frame_.text.x, y}});
      if (note.number_block) {
        // The number, right-aligned in its column, links back to its marker.
        const double number_x = frame_.text.x + std::max(0.0, note.indent - note.number_gap -
                                                                  note.number_block->width());
        const Rect number_box{number_x, y, note.number_block->width(), note.number_block->height()};
        TextShape number{{number_x, y}, note.number_block, frame_.number_color};
        number.tag.structure = "Lbl";
        group.items.push_back(std::move(number));
        group.items.push_back(LinkArea{{number_box}, "", "fnref-" + std::to_string(note.number)});
      }
      emit_paragraph(*note.body, {frame_.text.x + note.indent, y}, group.items);
      page.items.push_back(std::move(group));
      y += note.height();
    }
  }

  void add_footnotes(const std::vector<int>& numbers) { page_footnotes_ = with(numbers); }

  // `repeated`: a table's header row again on a later page, which the PDF's
  // structure has once (the rest are artifacts).
  void place_fixed(size_t i, const FlowBlock& block, double gap, bool repeated = false) {
    PageContent& page = result_.pages.back();
    const double top = frame_.text.y + y_ + gap;
    for (DisplayItem item : block.items) {
      if (auto* group = std::get_if<Group>(&item); group && repeated)
        group->tag.structure = "Artifact";
      translate(item, frame_.text.x, top);
      page.items.push_back(std::move(item));
    }
    record(i, top, block.height);
    add_footnotes(block.footnotes);
    y_ += gap + block.height;
    placed_anything_ = true;
  }

  void place_paragraph_part(const Paragraph& p, const FlowBlock& block, double gap) {
    PageContent& page = result_.pages.back();
    const Point origin{frame_.text.x + block.indent, frame_.text.y + y_ + gap};
    emit_paragraph(p, origin, page.items, Tag{block.line_kind, block.item_id, {}}, true);
    for (const ParagraphLine& line : p.lines()) add_footnotes(line.footnotes);
    y_ += gap + p.height();
    placed_anything_ = true;
  }

  void record(size_t i, double top, double height) {
    Placement& placement = result_.placements[i];
    if (placement.page >= 0) return;
    placement = {static_cast<int>(result_.pages.size()) - 1, frame_.text.x + blocks_[i].indent, top,
                 height};
    for (const std::string& anchor : blocks_[i].anchors) {
      result_.anchor_pages.emplace(anchor, placement.page);
    }
  }

  void place_paragraph(size_t i, const FlowBlock& block) {
    Paragraph current = *block.paragraph;
    while (true) {
      const double gap = gap_before(block);
      const auto& lines = current.lines();
      const size_t n = lines.size();
      // How many lines fit, with their footnotes.
      size_t k = 0;
      std::vector<int> notes;
      while (k < n) {
        std::vector<int> more = notes;
        more.insert(more.end(), lines[k].footnotes.begin(), lines[k].footnotes.end());
        if (!fits(gap + current.height_of_lines(k + 1), more)) break;
        notes = std::move(more);
        ++k;
      }
      if (k < n) {
        const size_t orphans = static_cast<size_t>(frame_.orphans);
        const size_t widows = static_cast<size_t>(frame_.widows);
        // Lines that must stay here: enough orphans on a page that already
        // holds something, at least one on an empty page (progress).
        const size_t least = page_empty() ? 1 : orphans;
        if (n - k < widows && n > widows && n - widows >= least) k = n - widows;
        // A page should not end in a hyphenated word: carry up to two lines
        // over (lines in a row often end in hyphens) when orphans allow it;
        // a page shorter by more than that is the worse fault.
        for (size_t back = 0; back <= 2 && k >= back + least && k > back; ++back) {
          if (!lines[k - back - 1].hyphenated) {
            k -= back;
            break;
          }
        }
        if (!page_empty() && (k < orphans || k == 0 || n - k < widows || !current.splittable())) {
          new_page();
          continue;
        }
      }
      if (k == 0) k = 1;  // an empty page that cannot hold one line: overfull, but progress
      if (k >= n) {
        record(i, frame_.text.y + y_ + gap, current.height());
        place_paragraph_part(current, block, gap);
        pending_space_ = block.space_after;
        return;
      }
      Paragraph first = current.lines_part(0, k);
      record(i, frame_.text.y + y_ + gap, first.height());
      place_paragraph_part(first, block, gap);
      new_page();
      current = current.lines_part(k, n);
    }
  }

  void place(size_t i) {
    const FlowBlock& block = blocks_[i];
    if (block.kind == FlowBlock::Kind::page_break) {
      if (!page_empty()) new_page();
      return;
    }
    // Keep this block's start (and what it keeps with) together.
    if (!page_empty()) {
      const auto [body, notes] = start_need(i);
      if (!fits(gap_before(block) + body, notes)) new_page();
    }
    if (block.repeat_header >= 0 && static_cast<size_t>(block.repeat_header) != i &&
        header_page_.count(block.repeat_header) == 0) {
      const FlowBlock& header = blocks_[static_cast<size_t>(block.repeat_header)];
      place_fixed(static_cast<size_t>(block.repeat_header), header, gap_before(header), true);
      header_page_.insert(block.repeat_header);
      pending_space_ = 0;
    }
    if (block.kind == FlowBlock::Kind::fixed) {
      place_fixed(i, block, gap_before(block));
      if (block.repeat_header == static_cast<int>(i)) header_page_.insert(static_cast<int>(i));
    } else {
      place_paragraph(i, block);
      return;
    }
    pending_space_ = block.space_after;
  }

  const std::vector<FlowBlock>& blocks_;
  const std::map<int, Footnote>& footnotes_;
  const PageFrame& frame_;
  Pagination result_;
  double y_ = 0;  // from the text area's top
  double pending_space_ = 0;
  bool placed_anything_ = false;
  std::vector<int> page_footnotes_;
  std::set<int> header_page_;  // table headers already on this page
};

}  // namespace

Pagination paginate(const std::vector<FlowBlock>& blocks, const std::map<int, Footnote>& footnotes,
                    const PageFrame& frame) {
  return Paginator(blocks, footnotes, frame).run();
}

}  // namespace briefing
