#include "layout/report_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "layout/report_pages.h"
#include "layout/report_text.h"
#include "layout/timeline_layout.h"
#include "text/hyphenator.h"

namespace briefing {
namespace {

constexpr std::string_view kEmSpace = "\xE2\x80\x83";
constexpr std::string_view kMiddleDot = " \xC2\xB7 ";
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
// A middle dot that stays with the phrase before it; a line may break after it.
constexpr std::string_view kMetaSeparator = "\xC2\xA0\xC2\xB7 ";

// Spaces made no-break, so that a short phrase (a date) never wraps.
std::string no_break(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ') out += kNoBreakSpace;
    else out += c;
  }
  return out;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::string plural(size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Lower-case roman numerals for front-matter page labels (1 → "i").
std::string roman_numeral(int n) {
  static const std::pair<int, const char*> kValues[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},   {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, letters] : kValues) {
    for (; n >= value; n -= value) out += letters;
  }
  return out;
}

std::string section_anchor(const std::string& id) { return "section-" + id; }
std::string item_anchor(const std::string& id) { return "item-" + id; }

struct TocEntry {
  size_t block = 0;
  std::string destination;
  TextStyle style;
  Color color;
  double title_right = 0;  // where the title's last line ends, from the block's left
  double baseline = 0;     // the last line's baseline, from the block's top
  std::vector<Rect> title_rects;  // relative to the block's top left
};

class ReportBuilder {
 public:
  ReportBuilder(const Dataset& dataset, const ReportStyle& style, const ReportOptions& options)
      : dataset_(dataset), style_(style), options_(options), width_(style.text_width()) {
    const bool english = dataset.language.rfind("en", 0) == 0;
    hyphenator_ = style.hyphenate && english ? english_hyphenator() : nullptr;
    order_items();
  }

  ReportLayout build() {
    number_footnotes();
    if (style_.cover) add_cover();
    if (style_.contents) add_contents();
    if (options_.changes) add_changes();
    main_matter_block_ = blocks_.size();
    if (style_.figure) add_figure();
    add_body();
    if (style_.chronology) add_chronology();

    PageFrame frame;
    frame.text = {style_.margin_left, style_.margin_top, width_, style_.text_height()};
    frame.orphans = style_.orphans;
    frame.widows = style_.widows;
    frame.rule = style_.rule;
    frame.number_color = style_.accent;
    Pagination pagination = paginate(blocks_, footnotes_, frame);
    label_pages(pagination);
    fill_contents(pagination);
    return assemble(pagination);
  }

 private:
  // ---- text styles -------------------------------------------------------
  TextStyle body_style() const { return {style_.body_family, style_.body_size, false, false}; }
  TextStyle sans(double size, bool bold = false) const {
    return {style_.heading_family, size, bold, false};
  }
  TextStyle heading_style(int depth) const {
    const double size = depth <= 1 ? style_.heading1_size
                        : depth == 2 ? style_.heading2_size
                                     : style_.heading3_size;
    return sans(size, true);
  }
  double body_line() const { return style_.body_size * 1.36 * style_.line_spacing; }

  // Unwrapped texts repeat (numbers, page labels, "000" for column widths):
  // each is laid out once and its block shared, as blocks are immutable.
  TextBlockPtr text(std::string_view s, const TextStyle& ts, double width = 0,
                    TextAlign align = TextAlign::left) const {
    if (width > 0 || align != TextAlign::left) return std::make_shared<TextBlock>(s, ts, width, align);
    auto& slot = unwrapped_[{std::string(s), ts.family, ts.size, ts.bold, ts.italic}];
    if (!slot) slot = std::make_shared<TextBlock>(s, ts);
    return slot;
  }
  Paragraph paragraph(RichText rich, const TextStyle& ts, double width, TextAlign align,
                      Color color) const {
    return Paragraph(std::move(rich), ts, width, align, color, style_.line_spacing);
  }
  TextAlign body_align() const { return style_.justify ? TextAlign::justify : TextAlign::left; }

  // ---- blocks ------------------------------------------------------------
  FlowBlock& add_paragraph_block(Paragraph p, double indent, double before, double after,
                                 bool keep, std::string item_id, std::string kind = "line") {
    FlowBlock block;
    block.kind = FlowBlock::Kind::paragraph;
    block.paragraph.emplace(std::move(p));
    block.indent = indent;
    block.space_before = before;
    block.space_after = after;
    block.keep_with_next = keep;
    block.item_id = std::move(item_id);
    block.line_kind = std::move(kind);
    blocks_.push_back(std::move(block));
    return blocks_.back();
  }

  void page_break() {
    FlowBlock block;
    block.kind = FlowBlock::Kind::page_break;
    blocks_.push_back(std::move(block));
  }

  // A heading: a fixed block that keeps with what follows, a destination and
  // an outline entry. `number` hangs left of the title when given.
  FlowBlock& add_heading(const std::string& number, const std::string& title, const TextStyle& ts,
                         const std::string& destination, int outline_level, double before,
                         double after, Color number_color, double hang = 0) {
    FlowBlock block;
    block.kind = FlowBlock::Kind::fixed;
    double title_x = 0;
    double height = 0;
    if (!number.empty()) {
      auto number_block = text(number, ts);
      title_x = std::max(hang, number_block->width() + ts.size * 0.6);
      block.items.push_back(TextShape{{0, 0}, number_block, number_color});
      height = number_block->height();
    }
    auto title_block = text(typographic_quotes(title), ts, width_ - title_x);
    block.items.push_back(TextShape{{title_x, 0}, title_block, style_.text});
    block.items.push_back(Destination{destination, {0, 0}});
    height = std::max(height, title_block->height());
    block.height = height;
    block.elements.push_back({"heading", destination, (number.empty() ? "" : number + " ") + title_block->text(),
                              {0, 0, title_x + title_block->width(), height}});
    block.anchors.push_back(destination);
    block.space_before = before;
    block.space_after = after;
    block.keep_with_next = true;
    outline_.push_back({outline_level,
                        typographic_quotes(number.empty() ? title : number + " " + title), destination});
    blocks_.push_back(std::move(block));
    return blocks_.back();
  }

  // ---- order and footnotes -----------------------------------------------
  void order_items() {
    for (const Section& section : dataset_.sections) {
      for (const Item& item : dataset_.items) {
        if (item.section == section.id) ordered_.push_back(&item);
      }
    }
    for (size_t i = 0; i < ordered_.size(); ++i) item_numbers_[ordered_[i]->id] = static_cast<int>(i + 1);
  }

  void number_footnotes() {
    const TextStyle note_style{style_.body_family, style_.footnote_size, false, false};
    const double number_gap = note_style.size * 0.6;
    const double indent = text("000", note_style)->width() + number_gap;
    int next = 1;
    for (const Item* item : ordered_) {
      // The item's links and notes in the source's footnote order.
      struct Entry {
        int source_number;
        const Link* link;
        const Note* note;
      };
      std::vector<Entry> entries;
      for (const Link& link : item->links) entries.push_back({link.footnote, &link, nullptr});
      for (const Note& note : item->notes) entries.push_back({note.footnote, nullptr, &note});
      std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        const int x = a.source_number > 0 ? a.source_number : 1 << 30;
        const int y = b.source_number > 0 ? b.source_number : 1 << 30;
        return x < y;
      });
      for (const Entry& entry : entries) {
        const int number = next++;
        RichText rich;
        if (entry.link) {
          const auto start = rich.text.size();
          rich.append_url(entry.link->url);
          rich.style({start, rich.text.size()}, StyleSpan::Kind::color, style_.link);
          if (!entry.link->language_note.empty()) rich.append(" (" + entry.link->language_note + ")");
        } else {
          rich.append_hyphenated(typographic_quotes(entry.note->text), hyphenator_);
        }
        Footnote footnote;
        footnote.number = number;
        footnote.item_id = item->id;
        footnote.number_block = text(std::to_string(number), note_style);
        footnote.indent = indent;
        footnote.number_gap = number_gap;
        footnote.body.emplace(std::move(rich), note_style, width_ - indent, TextAlign::left,
                              style_.text, 1.0);
        footnotes_.emplace(number, std::move(footnote));
        item_footnotes_[item->id].push_back(number);
      }
    }
  }

  // ---- cover ---------------------------------------------------------------
  void add_cover() {
    FlowBlock block;
    block.kind = FlowBlock::Kind::fixed;
    const double h = style_.text_height();
    double y = h * 0.2;
    auto place = [&](TextBlockPtr b, Color color, const std::string& kind, double after) {
      block.items.push_back(TextShape{{0, y}, b, color});
      block.elements.push_back({kind, "", b->text(), {0, y, b->width(), b->height()}});
      y += b->height() + after;
    };
    place(text("Briefing report", sans(style_.heading2_size, true)), style_.accent, "cover-kicker", 10);
    place(text(typographic_quotes(dataset_.title), sans(style_.title_size, true), width_), style_.text,
          "cover-title", 18);
    block.items.push_back(RectShape{{0, y, 56, 3}, true, style_.accent, false, {}, 0});
    y += 3 + 22;
    place(text(dataset_.publisher, sans(style_.heading2_size), width_), style_.text, "cover-publisher", 8);
    place(text("Published " + dataset_.published.format(), sans(style_.body_size), width_), style_.muted,
          "cover-date", 3);
    place(text("Data as of " + dataset_.published.format(), sans(style_.body_size), width_),
          style_.muted, "cover-data-as-of", 0);

    // At the foot: what the report holds, and the source.
    std::set<PartialDate> dates;
    for (const Item& item : dataset_.items) {
      for (const Milestone& m : item.milestones) dates.insert(m.date);
    }
    std::string facts = plural(dataset_.items.size(), "item", "items") + " in " +
                        plural(dataset_.sections.size(), "section", "sections") + kMiddleDot.data() +
                        plural(footnotes_.size(), "source note", "source notes");
    if (!dates.empty()) {
      facts += std::string(kMiddleDot) + "events from " + std::to_string(dates.begin()->year_value()) +
               " to " + std::to_string(dates.rbegin()->year_value());
    }
    std::vector<TextBlockPtr> foot;
    foot.push_back(text(facts, sans(style_.meta_size), width_));
    if (!dataset_.source.empty()) {
      foot.push_back(text("Source: " + dataset_.source,
                          TextStyle{style_.body_family, style_.meta_size, false, true}, width_));
    }
    double foot_height = 0;
    for (const auto& b : foot) foot_height += b->height() + 4;
    y = std::max(y + 24, h - foot_height);
    block.items.push_back(PathShape{{{0, y - 8}, {width_, y - 8}}, false, false, {}, true, {style_.rule, 0.6, {}}});
    for (const auto& b : foot) place(b, style_.muted, "cover-facts", 4);
    block.height = std::min(h, y);
    blocks_.push_back(std::move(block));
    page_break();
  }

  // ---- contents ----------------------------------------------------------
  TextStyle toc_style(int level, bool strong) const {
    if (strong) return sans(style_.body_size, true);
    if (level <= 2) return sans(style_.body_size * 0.95);
    return TextStyle{style_.body_family, style_.body_size * 0.9, false, false};
  }

  // The number hangs left of the title, so wrapped titles align with the first
  // line; `hang` is the same for every entry at one level.
  void add_toc_entry(const std::string& number, const std::string& title, const std::string& dest,
                     int level, bool strong, double hang) {
    const TextStyle ts = toc_style(level, strong);
    const double indent = (level - 1) * style_.body_size * 1.4;
    const double number_column = text("0000", ts)->width() + 10;
    FlowBlock block;
    block.kind = FlowBlock::Kind::fixed;
    const double title_x = indent + (number.empty() ? 0 : hang);
    if (!number.empty()) {
      block.items.push_back(TextShape{{indent, 0}, text(number, ts), style_.muted});
    }
    RichText rich;
    rich.append(typographic_quotes(title));
    Paragraph p = paragraph(std::move(rich), ts, width_ - title_x - number_column, TextAlign::left,
                            style_.text);
    p.emit({title_x, 0}, block.items);
    TocEntry entry;
    entry.block = blocks_.size();
    entry.destination = dest;
    entry.style = ts;
    entry.color = style_.text;
    const ParagraphLine& last = p.lines().back();
    entry.title_right = title_x + last.left + last.width;
    entry.baseline = last.top + p.block()->baseline();
    for (const ParagraphLine& line : p.lines()) {
      entry.title_rects.push_back({title_x + line.left, line.top, line.width, line.height});
    }
    block.height = p.height();
    block.elements.push_back({"toc-entry", dest, (number.empty() ? "" : number + " ") + typographic_quotes(title),
                              {indent, 0, title_x - indent + p.width(), p.height()}});
    block.space_before = strong ? style_.body_size * 0.8 : style_.body_size * 0.15;
    blocks_.push_back(std::move(block));
    toc_.push_back(std::move(entry));
  }

  void add_contents() {
    add_heading("", "Contents", heading_style(1), "contents", 1, 0, style_.body_size * 1.2,
                style_.accent);
    // Hanging number widths, per level: the widest number there.
    std::map<int, double> hang;
    auto widen = [&](int level, bool strong, const std::string& number) {
      const double w = text(number, toc_style(level, strong))->width() + style_.body_size * 0.7;
      hang[level] = std::max(hang[level], w);
    };
    for (const Section& section : dataset_.sections) {
      widen(section.depth(), section.depth() == 1, section.id);
      if (!style_.contents_items) continue;
      for (const Item* item : ordered_) {
        if (item->section == section.id) {
          widen(section.depth() + 1, false, std::to_string(item_numbers_[item->id]));
        }
      }
    }
    if (options_.changes) {
      add_toc_entry("", "Changes since " + options_.changes_since.format(), "changes", 1, true, 0);
    }
    if (style_.figure && options_.figure_style) add_toc_entry("", "Timeline", "figure", 1, true, 0);
    for (const Section& section : dataset_.sections) {
      const int depth = section.depth();
      add_toc_entry(section.id, section.title, section_anchor(section.id), depth, depth == 1,
                    hang[depth]);
      if (!style_.contents_items) continue;
      for (const Item* item : ordered_) {
        if (item->section != section.id) continue;
        add_toc_entry(std::to_string(item_numbers_[item->id]), item->title, item_anchor(item->id),
                      depth + 1, false, hang[depth + 1]);
      }
    }
    if (style_.chronology) add_toc_entry("", "Chronology", "chronology", 1, true, 0);
    page_break();
  }

  // Page numbers go into the contents once every heading has its page.
  void fill_contents(Pagination& pagination) {
    for (const TocEntry& entry : toc_) {
      const Placement& at = pagination.placements[entry.block];
      auto found = pagination.anchor_pages.find(entry.destination);
      if (at.page < 0 || found == pagination.anchor_pages.end()) continue;
      const std::string& number = labels_.at(static_cast<size_t>(found->second));
      auto number_block = text(number, entry.style);
      const double x = at.x + width_ - number_block->width();
      const double y = at.y + entry.baseline - number_block->baseline();
      PageContent& page = pagination.pages[static_cast<size_t>(at.page)];
      page.items.push_back(TextShape{{x, y}, number_block, entry.color});
      // Dotted leader from the title to the number, on the baseline.
      const double from = at.x + entry.title_right + 6, to = x - 6;
      if (to - from > 6) {
        const double base = at.y + entry.baseline;
        page.items.push_back(PathShape{{{from, base}, {to, base}}, false, false, {}, true,
                                       {style_.rule, 0.8, {0.8, 2.6}}});
      }
      std::vector<Rect> rects;
      for (Rect r : entry.title_rects) {
        r.x += at.x;
        r.y += at.y;
        rects.push_back(r);
      }
      rects.push_back({x, y, number_block->width(), number_block->height()});
      page.items.push_back(LinkArea{std::move(rects), "", entry.destination});
      page.elements.push_back(
          {"toc-page", entry.destination, number, {x, y, number_block->width(), number_block->height()}});
    }
  }

  // ---- changes -----------------------------------------------------------
  void add_changes() {
    const DatasetDiff& diff = *options_.changes;
    add_heading("", "Changes since " + options_.changes_since.format(), heading_style(1), "changes", 1,
                0, style_.body_size, style_.accent);
    RichText intro;
    intro.append("Compared with the version published " + options_.changes_since.format() + ": " +
                 diff_summary(diff) + ". New and changed items are marked in the text.");
    add_paragraph_block(paragraph(std::move(intro), body_style(), width_, TextAlign::left, style_.text),
                        0, 0, style_.body_size, false, "", "line");
    const TextStyle list_style = body_style();
    const double indent = style_.body_size * 1.4;
    auto list = [&](const std::string& heading, const std::vector<std::pair<std::string, std::vector<std::string>>>& rows,
                    const std::string& anchor_prefix) {
      if (rows.empty()) return;
      FlowBlock& h = add_heading("", heading, heading_style(3), "changes-" + anchor_prefix, 2,
                                 style_.body_size, style_.body_size * 0.4, style_.accent);
      (void)h;
      for (const auto& [title, details] : rows) {
        RichText rich;
        rich.style(rich.append(title), StyleSpan::Kind::bold);
        for (const std::string& d : details) rich.append("\n" + d);
        add_paragraph_block(paragraph(std::move(rich), list_style, width_ - indent, TextAlign::left,
                                      style_.text),
                            indent, style_.body_size * 0.3, 0, false, "", "change");
      }
    };
    std::vector<std::pair<std::string, std::vector<std::string>>> added, removed, changed;
    for (const Item& item : diff.added) added.push_back({item.title, {"Section " + item.section + kMiddleDot.data() + describe_milestones(item)}});
    for (const Item& item : diff.removed) removed.push_back({item.title, {"Was in section " + item.section}});
    for (const ItemChange& change : diff.changed) {
      std::vector<std::string> details;
      for (const FieldChange& field : change.fields) details.push_back(field.describe());
      changed.push_back({change.title, details});
    }
    std::vector<std::string> metadata;
    for (const FieldChange& field : diff.metadata) metadata.push_back(field.describe());
    list("Added (" + std::to_string(added.size()) + ")", added, "added");
    list("Changed (" + std::to_string(changed.size()) + ")", changed, "changed");
    list("Removed (" + std::to_string(removed.size()) + ")", removed, "removed");
    if (!metadata.empty()) list("Dataset details", {{"Dataset", metadata}}, "metadata");
    if (diff.empty()) {
      RichText none;
      none.append("No item changed.");
      add_paragraph_block(paragraph(std::move(none), body_style(), width_, TextAlign::left, style_.text),
                          0, 0, 0, false, "");
    }
    page_break();
  }

  // ---- figure ------------------------------------------------------------
  void add_figure() {
    if (!options_.figure_style) return;
    add_heading("", "Timeline", heading_style(1), "figure", 1, 0, style_.body_size, style_.accent);
    const double caption_room = style_.body_size * 8;
    const double heading_room = style_.heading1_size * 1.4 + style_.body_size;
    const double available = style_.text_height() - heading_room - caption_room;
    TimelineOptions options;
    options.allow_omissions = true;
    options.width = width_;
    // The figure has its page to itself: all of its height lets labels be larger.
    options.height = available;
    if (options_.changes) {
      for (const Item& item : options_.changes->added) options.added_ids.insert(item.id);
      for (const ItemChange& change : options_.changes->changed) options.changed_ids.insert(change.id);
    }
    TimelineLayout figure = layout_timeline(dataset_, *options_.figure_style, options);
    FlowBlock block;
    block.kind = FlowBlock::Kind::fixed;
    block.items.push_back(RectShape{{0, 0, figure.page.width, figure.page.height}, true,
                                    figure.background, false, {}, 0});
    for (DisplayItem& item : figure.page.items) block.items.push_back(std::move(item));
    block.elements.push_back({"figure", "", "", {0, 0, figure.page.width, figure.page.height}});
    for (PlacedElement element : figure.elements) {
      element.kind = "figure-" + element.kind;
      block.elements.push_back(std::move(element));
    }
    block.height = figure.page.height;
    block.keep_with_next = true;
    blocks_.push_back(std::move(block));

    RichText caption;
    caption.style(caption.append("Figure 1. "), StyleSpan::Kind::bold);
    size_t dated = 0;
    for (const Item& item : dataset_.items) dated += item.is_dated() ? 1 : 0;
    caption.append("The dated items of this report on a time scale, at the precision the sources "
                   "give (a year or a month is drawn as a span, not as its first day).");
    if (figure.undated_count > 0) {
      caption.append(" " + plural(figure.undated_count, "item has no date and is",
                                  "items have no date and are") +
                     " listed in the text only.");
    }
    if (!figure.omitted.empty()) {
      std::vector<std::string> titles;
      for (const TimelineOmission& o : figure.omitted) titles.push_back(o.title);
      caption.append(" For lack of room the figure leaves out the " +
                     plural(figure.omitted.size(), "label", "labels") + " of: " + join(titles, "; ") +
                     ".");
      notes_.push_back("the figure leaves out " + plural(figure.omitted.size(), "label", "labels"));
    }
    (void)dated;
    add_paragraph_block(paragraph(std::move(caption), TextStyle{style_.heading_family, style_.meta_size, false, false},
                                  width_, TextAlign::left, style_.muted),
                        0, style_.body_size * 0.8, 0, false, "", "caption");
    page_break();
  }

  // ---- body --------------------------------------------------------------
  void add_body() {
    const double hang = text("000", sans(style_.item_title_size, true))->width() + 8;
    for (const Section& section : dataset_.sections) {
      const int depth = section.depth();
      if (depth <= style_.section_page_break_depth) page_break();
      const double before = depth <= 1 ? style_.body_size * 2.4 : depth == 2 ? style_.body_size * 2.0
                                                                              : style_.body_size * 1.6;
      FlowBlock& heading = add_heading(section.id, section.title, heading_style(depth),
                                       section_anchor(section.id), depth, before,
                                       style_.body_size * (depth <= 1 ? 0.9 : 0.6), style_.accent);
      if (depth <= 1) {
        // A rule under a top-level heading.
        heading.items.push_back(PathShape{{{0, heading.height + 4}, {width_, heading.height + 4}},
                                          false, false, {}, true, {style_.accent, 0.8, {}}});
        heading.height += 5;
      }
      if (!section.intro.empty()) {
        RichText intro;
        intro.append_hyphenated(typographic_quotes(section.intro), hyphenator_);
        add_paragraph_block(paragraph(std::move(intro), TextStyle{style_.body_family, style_.body_size, false, true},
                                      width_, body_align(), style_.text),
                            0, 0, style_.body_size * 0.6, false, "", "intro");
      }
      for (const Item* item : ordered_) {
        if (item->section == section.id) add_item(*item, depth, hang);
      }
    }
  }

  void add_item(const Item& item, int section_depth, double hang) {
    const int number = item_numbers_[item.id];
    const Color number_color = item.highlight ? style_.highlight : style_.accent;
    add_heading(std::to_string(number), item.title, sans(style_.item_title_size, true),
                item_anchor(item.id), section_depth + 1, style_.body_size * 1.3,
                style_.body_size * 0.2, number_color, hang);
    blocks_.back().elements.back().item_id = item_anchor(item.id);

    // Kind and issuers, then the dates at their precision: two lines that
    // break only between phrases. Wrapped issuers hang under the first one.
    RichText kind;
    const bool added = options_.changes && options_.changes->is_added(item.id);
    const bool changed = options_.changes && options_.changes->is_changed(item.id);
    if (added || changed) {
      const auto r = kind.append(added ? "New" : "Changed");
      kind.style(r, StyleSpan::Kind::bold);
      kind.style(r, StyleSpan::Kind::color, style_.highlight);
      kind.append(kMetaSeparator);
    }
    if (item.highlight) {
      kind.style(kind.append("Key" + std::string(kNoBreakSpace) + "item"), StyleSpan::Kind::color,
                 style_.highlight);
      kind.append(kMetaSeparator);
    }
    kind.style(kind.append(capitalised(item.kind)), StyleSpan::Kind::bold);
    const TextStyle meta_style = sans(style_.meta_size);
    const double meta_width = width_ - hang;
    double issuer_hang = 0;
    if (!item.issuers.empty()) {
      kind.append(kMetaSeparator);
      // The prefix unwrapped: its logical width runs to where the issuers start.
      issuer_hang = Paragraph(kind, meta_style, 0, TextAlign::left, style_.muted).block()->width();
      if (issuer_hang > meta_width * 0.4) issuer_hang = 0;  // too wide to hang under
      kind.append(join(item.issuers, "; "));
    }
    add_paragraph_block(Paragraph(std::move(kind), meta_style, meta_width, TextAlign::left,
                                  style_.muted, style_.line_spacing, false, issuer_hang),
                        hang, 0, 0, true, item.id, "meta");

    RichText dates;
    if (item.milestones.empty()) {
      dates.append("No date given");
    } else {
      for (size_t i = 0; i < item.milestones.size(); ++i) {
        if (i > 0) dates.append(kMetaSeparator);
        // "Revised 30 June 2024": the date stays whole and with its label's last word.
        dates.append(capitalised(item.milestones[i].label) + std::string(kNoBreakSpace) +
                     no_break(item.milestones[i].date.format()));
      }
    }
    add_paragraph_block(paragraph(std::move(dates), meta_style, meta_width, TextAlign::left,
                                  style_.muted),
                        hang, 0, style_.body_size * 0.35, true, item.id, "meta");

    RichText summary;
    summary.append_hyphenated(typographic_quotes(item.summary), hyphenator_);
    const auto& numbers = item_footnotes_[item.id];
    for (size_t i = 0; i < numbers.size(); ++i) {
      if (i > 0) summary.style(summary.append(","), StyleSpan::Kind::superscript);
      summary.append_marker(numbers[i]);
    }
    add_paragraph_block(paragraph(std::move(summary), body_style(), width_ - hang, body_align(),
                                  style_.text),
                        hang, 0, 0, false, item.id, "line");
  }

  // ---- chronology --------------------------------------------------------
  struct Column {
    std::string title;
    double x, width;
  };

  std::vector<Column> table_columns() const {
    const double fractions[] = {0.19, 0.42, 0.28, 0.11};
    const char* titles[] = {"Date", "Item", "Issuer", "Section"};
    std::vector<Column> columns;
    double x = 0;
    for (int i = 0; i < 4; ++i) {
      columns.push_back({titles[i], x, width_ * fractions[i]});
      x += width_ * fractions[i];
    }
    return columns;
  }

  static constexpr double kCellPadX = 4, kCellPadY = 3.5;

  // One table row: cells are paragraphs; the row is as tall as its tallest.
  FlowBlock table_row(std::vector<Paragraph> cells, bool header, bool stripe, const std::string& item_id) {
    const auto columns = table_columns();
    FlowBlock row;
    row.kind = FlowBlock::Kind::fixed;
    double height = 0;
    for (const Paragraph& p : cells) height = std::max(height, p.height());
    height += 2 * kCellPadY;
    if (header || stripe) {
      row.items.push_back(RectShape{{0, 0, width_, height}, true,
                                    header ? style_.table_header : style_.table_stripe, false, {}, 0});
    }
    for (size_t c = 0; c < cells.size(); ++c) {
      const Point origin{columns[c].x + kCellPadX, kCellPadY};
      cells[c].emit(origin, row.items);
      row.elements.push_back({header ? "table-header" : "table-cell", item_id,
                              visible_text(cells[c].rich().text),
                              {origin.x, origin.y, cells[c].width(), cells[c].height()}});
    }
    row.items.push_back(PathShape{{{0, height}, {width_, height}}, false, false, {}, true,
                                  {style_.rule, header ? 0.8 : 0.4, {}}});
    row.height = height;
    return row;
  }

  void add_chronology() {
    page_break();
    add_heading("", "Chronology", heading_style(1), "chronology", 1, 0, style_.body_size * 0.6,
                style_.accent);
    struct Row {
      const Item* item;
      const Milestone* milestone;
      size_t order;
    };
    std::vector<Row> rows;
    std::vector<const Item*> undated;
    for (size_t i = 0; i < ordered_.size(); ++i) {
      for (const Milestone& m : ordered_[i]->milestones) rows.push_back({ordered_[i], &m, i});
      if (!ordered_[i]->is_dated()) undated.push_back(ordered_[i]);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      if (a.milestone->date != b.milestone->date) return a.milestone->date < b.milestone->date;
      return a.order < b.order;
    });
    RichText intro;
    intro.append_hyphenated("Every dated event in this report, earliest first, with dates at the "
                            "precision the sources give.",
                            hyphenator_);
    if (!undated.empty()) {
      intro.append(" " + plural(undated.size(), "item without a date follows", "items without a date follow") +
                   " at the end.");
    }
    add_paragraph_block(paragraph(std::move(intro), body_style(), width_, TextAlign::left, style_.text), 0,
                        0, style_.body_size * 0.8, true, "", "line");

    const auto columns = table_columns();
    const TextStyle cell = sans(style_.table_size);
    auto cell_text = [&](const std::string& s, size_t column, bool bold = false) {
      RichText rich;
      const auto r = rich.append(s);
      if (bold) rich.style(r, StyleSpan::Kind::bold);
      return paragraph(std::move(rich), cell, columns[column].width - 2 * kCellPadX, TextAlign::left,
                       style_.text);
    };
    std::vector<Paragraph> header_cells;
    for (size_t c = 0; c < columns.size(); ++c) header_cells.push_back(cell_text(columns[c].title, c, true));
    const int header_index = static_cast<int>(blocks_.size());
    FlowBlock header = table_row(std::move(header_cells), true, false, "");
    header.keep_with_next = true;
    header.repeat_header = header_index;
    blocks_.push_back(std::move(header));

    auto add_row = [&](const Item& item, const Milestone* milestone, size_t index) {
      std::vector<Paragraph> cells;
      cells.push_back(cell_text(milestone ? milestone->date.format() : "Undated", 0));
      RichText event;
      const auto title = event.append(typographic_quotes(item.title));
      event.links.push_back({title.first, title.second, {}, item_anchor(item.id)});
      if (milestone) event.style(event.append("\n" + milestone->label), StyleSpan::Kind::color, style_.muted);
      cells.push_back(paragraph(std::move(event), cell, columns[1].width - 2 * kCellPadX,
                                TextAlign::left, style_.text));
      cells.push_back(cell_text(item.issuers.empty() ? "\xE2\x80\x94" : join(item.issuers, "; "), 2));
      cells.push_back(cell_text(item.section, 3));
      FlowBlock row = table_row(std::move(cells), false, index % 2 == 1, item.id);
      row.repeat_header = header_index;
      blocks_.push_back(std::move(row));
    };
    size_t index = 0;
    for (const Row& row : rows) add_row(*row.item, row.milestone, index++);
    for (const Item* item : undated) add_row(*item, nullptr, index++);
    outline_.push_back({1, "Chronology", "chronology"});
    // add_heading already put it in the outline: keep one entry.
    outline_.pop_back();
  }

  // ---- pages -------------------------------------------------------------
  // Page labels: the front matter (cover, contents, changes) in lower-case
  // roman numerals, the main matter (figure, body, chronology) from 1. The
  // contents, the footer and the PDF viewer all show these labels.
  void label_pages(const Pagination& pagination) {
    const size_t total = pagination.pages.size();
    main_first_page_ = total;
    for (size_t b = main_matter_block_; b < pagination.placements.size(); ++b) {
      if (pagination.placements[b].page >= 0) {
        main_first_page_ = static_cast<size_t>(pagination.placements[b].page);
        break;
      }
    }
    labels_.clear();
    for (size_t i = 0; i < total; ++i) {
      labels_.push_back(i < main_first_page_ ? roman_numeral(static_cast<int>(i + 1))
                                             : std::to_string(i - main_first_page_ + 1));
    }
  }

  ReportLayout assemble(Pagination& pagination) {
    ReportLayout out;
    Document& doc = out.document;
    const size_t total = pagination.pages.size();
    // One header block serves every page.
    TextLayoutOptions header_options;
    header_options.wrap_width = width_;
    header_options.ellipsize = true;
    auto header = std::make_shared<TextBlock>(typographic_quotes(dataset_.title),
                                              sans(style_.running_size), std::move(header_options));
    for (size_t i = 0; i < total; ++i) {
      PageContent& content = pagination.pages[i];
      Page page;
      page.width = style_.page_width;
      page.height = style_.page_height;
      page.label = labels_[i];
      page.items = std::move(content.items);
      const bool is_cover = style_.cover && i == 0;
      if (!is_cover) add_running_header_and_footer(page, content, header, i);
      doc.pages.push_back(std::move(page));
      for (PlacedElement& element : content.elements) {
        element.page = static_cast<int>(i + 1);
        out.dump.elements.push_back(std::move(element));
      }
      out.dump.page_sizes.emplace_back(style_.page_width, style_.page_height);
    }
    out.dump.source = "report";
    doc.outline = outline_;
    doc.info.title = dataset_.title;
    doc.info.author = dataset_.publisher;
    doc.info.subject = "Briefing report on " + dataset_.title + ", data as of " + dataset_.published.format();
    std::set<std::string> tags;
    for (const Item& item : dataset_.items) tags.insert(item.tags.begin(), item.tags.end());
    doc.info.keywords = join(std::vector<std::string>(tags.begin(), tags.end()), ", ");
    doc.info.creator = std::string("briefing ") + BRIEFING_VERSION;
    doc.info.created = publication_time(dataset_);
    out.notes = notes_;
    out.page_labels = labels_;
    return out;
  }

  // The footer reads "Page X of Y" on main-matter pages, X its label and Y the
  // last page's label; front-matter pages show "Page ii" alone.
  std::string footer_text(size_t page) const {
    std::string text = "Page " + labels_[page];
    if (page >= main_first_page_) text += " of " + labels_.back();
    return text;
  }

  void add_running_header_and_footer(Page& page, PageContent& content, const TextBlockPtr& header,
                                     size_t index) {
    const double rule_y = style_.margin_top - style_.running_size * 1.5;
    const double header_y = rule_y - 4 - header->height();
    page.items.push_back(TextShape{{style_.margin_left, header_y}, header, style_.muted});
    page.items.push_back(PathShape{{{style_.margin_left, rule_y}, {style_.margin_left + width_, rule_y}},
                                   false, false, {}, true, {style_.rule, 0.5, {}}});
    content.elements.push_back({"header", "", header->text(),
                                {style_.margin_left, header_y, header->width(), header->height()}});

    const std::string text_of_footer = footer_text(index);
    auto footer = text(text_of_footer, sans(style_.running_size));
    const double footer_y = style_.page_height - style_.margin_bottom + style_.running_size * 2;
    const double footer_x = style_.margin_left + width_ - footer->width();
    page.items.push_back(TextShape{{footer_x, footer_y}, footer, style_.muted});
    content.elements.push_back({"footer", "", text_of_footer, {footer_x, footer_y, footer->width(), footer->height()}});
  }

  const Dataset& dataset_;
  const ReportStyle& style_;
  const ReportOptions& options_;
  const double width_;
  const Hyphenator* hyphenator_ = nullptr;
  std::vector<const Item*> ordered_;
  std::map<std::string, int> item_numbers_;
  std::map<int, Footnote> footnotes_;
  std::map<std::string, std::vector<int>> item_footnotes_;
  std::vector<FlowBlock> blocks_;
  std::vector<OutlineEntry> outline_;
  std::vector<TocEntry> toc_;
  std::vector<std::string> notes_;
  size_t main_matter_block_ = 0;  // the first block of the figure or body
  size_t main_first_page_ = 0;    // 0-based; pages before it are front matter
  std::vector<std::string> labels_;  // one per page
  mutable std::map<std::tuple<std::string, std::string, double, bool, bool>, TextBlockPtr> unwrapped_;
};

}  // namespace

std::time_t publication_time(const Dataset& dataset) {
  return static_cast<std::time_t>(dataset.published.first_day()) * 86400;
}

ReportLayout layout_report(const Dataset& dataset, const ReportStyle& style,
                           const ReportOptions& options) {
  return ReportBuilder(dataset, style, options).build();
}

}  // namespace briefing
