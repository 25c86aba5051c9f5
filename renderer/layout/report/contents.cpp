// The table of contents: one entry per part, section and (optionally) item,
// numbers hanging left of the titles; page numbers, dotted leaders and links
// are added once pagination has placed every heading.
#include <algorithm>
#include <map>

#include "layout/report/builder.h"

namespace briefing::report_parts {
namespace {

TextStyle toc_style(const Typesetter& typesetter, int level, bool strong) {
  const ReportStyle& style = typesetter.style();
  if (strong) return typesetter.sans(style.body_size, true);
  if (level <= 2) return typesetter.sans(style.body_size * 0.95);
  return TextStyle{style.body_family, style.body_size * 0.9, false, false};
}

// The number hangs left of the title, so wrapped titles align with the first
// line; `hang` is the same for every entry at one level.
TocEntry add_toc_entry(const std::string& number, const std::string& title, const std::string& dest,
                       int level, bool strong, double hang, const Typesetter& typesetter,
                       Flow& flow) {
  const ReportStyle& style = typesetter.style();
  const TextStyle ts = toc_style(typesetter, level, strong);
  const double indent = (level - 1) * style.body_size * 1.4;
  const double number_column = typesetter.text("0000", ts)->width() + 10;
  FlowBlock block;
  block.kind = FlowBlock::Kind::fixed;
  Group entry_group;  // the entry's number and title
  const double title_x = indent + (number.empty() ? 0 : hang);
  RichText rich;
  rich.append(typographic_quotes(title));
  Paragraph p =
      typesetter.paragraph(std::move(rich), ts, typesetter.width() - title_x - number_column,
                           TextAlign::left, style.text);
  if (!number.empty()) {
    // On the title's first baseline (an Arabic title's line is taller).
    auto number_block = typesetter.text(number, ts);
    const double drop = std::max(0.0, p.block()->baseline() - number_block->baseline());
    entry_group.items.push_back(TextShape{{indent, drop}, number_block, style.muted});
  }
  emit_paragraph(p, {title_x, 0}, entry_group.items);
  TocEntry entry;
  entry.block = flow.next_index();
  entry.destination = dest;
  entry.style = ts;
  entry.color = style.text;
  const ParagraphLine& last = p.lines().back();
  entry.title_right = title_x + last.left + last.width;
  entry.baseline = last.top + p.block()->baseline();
  for (const ParagraphLine& line : p.lines()) {
    entry.title_rects.push_back({title_x + line.left, line.top, line.width, line.height});
  }
  block.height = p.height();
  entry_group.tag =
      Tag{"toc-entry", dest, (number.empty() ? "" : number + " ") + typographic_quotes(title)};
  entry_group.area = Rect{indent, 0, title_x - indent + p.width(), p.height()};
  block.items.push_back(std::move(entry_group));
  block.space_before = strong ? style.body_size * 0.8 : style.body_size * 0.15;
  flow.add(std::move(block));
  return entry;
}

}  // namespace

std::vector<TocEntry> add_contents(const Dataset& dataset, const ReportItems& items,
                                   const ReportOptions& options, const Typesetter& typesetter,
                                   Flow& flow) {
  const ReportStyle& style = typesetter.style();
  flow.add_heading("", typesetter.words().get("parts.contents"), typesetter.heading_style(1),
                   "contents", 1, 0, style.body_size * 1.2, style.accent);
  // Hanging number widths, per level: the widest number there.
  std::map<int, double> hang;
  auto widen = [&](int level, bool strong, const std::string& number) {
    const double w = typesetter.text(number, toc_style(typesetter, level, strong))->width() +
                     style.body_size * 0.7;
    hang[level] = std::max(hang[level], w);
  };
  for (const Section& section : dataset.sections) {
    widen(section.depth(), section.depth() == 1, section.id);
    if (!style.contents_items) continue;
    for (const Item* item : items.ordered) {
      if (item->section == section.id) {
        widen(section.depth() + 1, false, std::to_string(items.numbers.at(item->id)));
      }
    }
  }
  std::vector<TocEntry> toc;
  auto add_entry = [&](const std::string& number, const std::string& title, const std::string& dest,
                       int level, bool strong, double entry_hang) {
    toc.push_back(add_toc_entry(number, title, dest, level, strong, entry_hang, typesetter, flow));
  };
  if (options.changes) {
    add_entry("",
              typesetter.words().get("parts.changes_since",
                                     {{"date", typesetter.words().date(options.changes_since)}}),
              "changes", 1, true, 0);
  }
  if (style.figure && options.figure_style)
    add_entry("", typesetter.words().get("parts.timeline"), "figure", 1, true, 0);
  for (const Section& section : dataset.sections) {
    const int depth = section.depth();
    add_entry(section.id, section.title, section_anchor(section.id), depth, depth == 1,
              hang[depth]);
    if (!style.contents_items) continue;
    for (const Item* item : items.ordered) {
      if (item->section != section.id) continue;
      add_entry(std::to_string(items.numbers.at(item->id)), item->title, item_anchor(item->id),
                depth + 1, false, hang[depth + 1]);
    }
  }
  if (style.chronology)
    add_entry("", typesetter.words().get("parts.chronology"), "chronology", 1, true, 0);
  flow.page_break();
  return toc;
}

void fill_contents(const std::vector<TocEntry>& toc, const std::vector<std::string>& labels,
                   const Typesetter& typesetter, Pagination& pagination) {
  const ReportStyle& style = typesetter.style();
  for (const TocEntry& entry : toc) {
    const Placement& at = pagination.placements[entry.block];
    auto found = pagination.anchor_pages.find(entry.destination);
    if (at.page < 0 || found == pagination.anchor_pages.end()) continue;
    const std::string& number = labels.at(static_cast<size_t>(found->second));
    auto number_block = typesetter.text(number, entry.style);
    PageContent& page = pagination.pages[static_cast<size_t>(at.page)];
    // Into the entry's group (placed at the entry's block, at.x and at.y),
    // so that the number, leader and link belong to the entry's TOCI.
    Group* group = nullptr;
    for (DisplayItem& item : page.items) {
      auto* g = std::get_if<Group>(&item);
      if (g && g->tag.kind == "toc-entry" && g->tag.item_id == entry.destination) group = g;
    }
    const Point origin = group ? group->offset : Point{0, 0};
    std::vector<DisplayItem>& out = group ? group->items : page.items;
    const double x = at.x + typesetter.width() - number_block->width();
    const double y = at.y + entry.baseline - number_block->baseline();
    out.push_back(TextShape{{x - origin.x, y - origin.y},
                            number_block,
                            entry.color,
                            Tag{"toc-page", entry.destination, number}});
    // Dotted leader from the title to the number, on the baseline.
    const double from = at.x + entry.title_right + 6, to = x - 6;
    if (to - from > 6) {
      const double base = at.y + entry.baseline - origin.y;
      out.push_back(PathShape{{{from - origin.x, base}, {to - origin.x, base}},
                              false,
                              false,
                              {},
                              true,
                              {style.rule, 0.8, {0.8, 2.6}}});
    }
    std::vector<Rect> rects;
    for (Rect r : entry.title_rects) {
      r.x += at.x - origin.x;
      r.y += at.y - origin.y;
      rects.push_back(r);
    }
    rects.push_back({x - origin.x, y - origin.y, number_block->width(), number_block->height()});
    out.push_back(LinkArea{std::move(rects), "", entry.destination});
  }
}

}  // namespace briefing::report_parts
