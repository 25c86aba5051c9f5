// The chronology: every dated event, earliest first, as a table (date, item,
// issuer, section) whose header row repeats on each page it continues on;
// undated items close it.
#include <algorithm>
#include <map>
#include <tuple>

#include "layout/report/builder.h"

namespace briefing::report_parts {
namespace {

constexpr double kCellPadX = 4, kCellPadY = 3.5;  // points

struct Column {
  std::string title;
  double x, width;  // points, from the left margin
};

std::vector<Column> table_columns(double width, const Messages& words) {
  const double fractions[] = {0.19, 0.42, 0.28, 0.11};
  const char* titles[] = {"chronology.date", "chronology.item", "chronology.issuer",
                          "chronology.section"};
  std::vector<Column> columns;
  double x = 0;
  for (int i = 0; i < 4; ++i) {
    columns.push_back({words.get(titles[i]), x, width * fractions[i]});
    x += width * fractions[i];
  }
  return columns;
}

// One table row: cells are paragraphs; the row is as tall as its tallest.
FlowBlock table_row(std::vector<Paragraph> cells, bool header, bool stripe,
                    const std::string& item_id, const Typesetter& typesetter) {
  const ReportStyle& style = typesetter.style();
  const double width = typesetter.width();
  const auto columns = table_columns(width, typesetter.words());
  FlowBlock row;
  row.kind = FlowBlock::Kind::fixed;
  // The row as one group: a table row of the PDF's structure, the header
  // row in the table's head (paginate marks its repetitions as artifacts).
  Group group;
  group.tag.structure = header ? "Table/THead/TR" : "Table/TBody/TR";
  double height = 0;
  for (const Paragraph& p : cells) height = std::max(height, p.height());
  height += 2 * kCellPadY;
  if (header || stripe) {
    group.items.push_back(RectShape{{0, 0, width, height},
                                    true,
                                    header ? style.table_header : style.table_stripe,
                                    false,
                                    {},
                                    0});
  }
  for (size_t c = 0; c < cells.size(); ++c) {
    const Point origin{columns[c].x + kCellPadX, kCellPadY};
    emit_paragraph(
        cells[c], origin, group.items,
        Tag{header ? "table-header" : "table-cell", item_id, visible_text(cells[c].rich().text)});
  }
  group.items.push_back(PathShape{{{0, height}, {width, height}},
                                  false,
                                  false,
                                  {},
                                  true,
                                  {style.rule, header ? 0.8 : 0.4, {}}});
  row.items.push_back(std::move(group));
  row.height = height;
  return row;
}

}  // namespace

void add_chronology(const std::vector<const Item*>& ordered, const Typesetter& typesetter,
                    Flow& flow) {
  const ReportStyle& style = typesetter.style();
  flow.page_break();
  flow.add_heading("", typesetter.words().get("parts.chronology"), typesetter.heading_style(1),
                   "chronology", 1, 0, style.body_size * 0.6, style.accent);
  struct Row {
    const Item* item;
    const Milestone* milestone;
    size_t order;
  };
  std::vector<Row> rows;
  std::vector<const Item*> undated;
  for (size_t i = 0; i < ordered.size(); ++i) {
    for (const Milestone& m : ordered[i]->milestones) rows.push_back({ordered[i], &m, i});
    if (!ordered[i]->is_dated()) undated.push_back(ordered[i]);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.milestone->date != b.milestone->date) return a.milestone->date < b.milestone->date;
    return a.order < b.order;
  });
  RichText intro;
  intro.append_hyphenated(typesetter.words().get("chronology.intro"), typesetter.hyphenator());
  if (!undated.empty()) {
    intro.append(typesetter.words().count("chronology.undated_follow", undated.size()));
  }
  flow.add_paragraph(typesetter.paragraph(std::move(intro), typesetter.body_style(),
                                          typesetter.width(), TextAlign::left, style.text),
                     0, 0, style.body_size * 0.8, true, "", "line");

  const auto columns = table_columns(typesetter.width(), typesetter.words());
  const TextStyle cell = typesetter.sans(style.table_size);
  // Dates, issuers and sections repeat down their columns: each distinct
  // cell is laid out once and copied (its Pango layout is shared, immutable).
  std::map<std::tuple<size_t, bool, std::string>, Paragraph> laid_out;
  auto cell_text = [&](const std::string& s, size_t column, bool bold = false) {
    const auto key = std::make_tuple(column, bold, s);
    if (const auto found = laid_out.find(key); found != laid_out.end()) return found->second;
    RichText rich;
    const auto r = rich.append(s);
    if (bold) rich.style(r, StyleSpan::Kind::bold);
    Paragraph p = typesetter.paragraph(std::move(rich), cell, columns[column].width - 2 * kCellPadX,
                                       TextAlign::left, style.text);
    laid_out.emplace(key, p);
    return p;
  };
  std::vector<Paragraph> header_cells;
  for (size_t c = 0; c < columns.size(); ++c)
    header_cells.push_back(cell_text(columns[c].title, c, true));
  const int header_index = static_cast<int>(flow.next_index());
  FlowBlock header = table_row(std::move(header_cells), true, false, "", typesetter);
  header.keep_with_next = true;
  header.repeat_header = header_index;
  flow.add(std::move(header));

  auto add_row = [&](const Item& item, const Milestone* milestone, size_t index) {
    std::vector<Paragraph> cells;
    cells.push_back(cell_text(milestone ? typesetter.words().date(milestone->date)
                                        : typesetter.words().get("chronology.undated"),
                              0));
    RichText event;
    const auto title = event.append(typographic_quotes(item.title));
    event.links.push_back({title.first, title.second, {}, item_anchor(item.id)});
    if (milestone)
      event.style(event.append("\n" + milestone->label), StyleSpan::Kind::color, style.muted);
    cells.push_back(typesetter.paragraph(std::move(event), cell, columns[1].width - 2 * kCellPadX,
                                         TextAlign::left, style.text));
    cells.push_back(cell_text(item.issuers.empty() ? "\xE2\x80\x94" : join(item.issuers, "; "), 2));
    cells.push_back(cell_text(item.section, 3));
    FlowBlock row = table_row(std::move(cells), false, index % 2 == 1, item.id, typesetter);
    row.repeat_header = header_index;
    flow.add(std::move(row));
  };
  size_t index = 0;
  for (const Row& row : rows) add_row(*row.item, row.milestone, index++);
  for (const Item* item : undated) add_row(*item, nullptr, index++);
}

}  // namespace briefing::report_parts
