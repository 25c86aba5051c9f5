#include "layout/report/builder.h"

#include <algorithm>

namespace briefing::report_parts {

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

std::string section_anchor(const std::string& id) { return "section-" + id; }
std::string item_anchor(const std::string& id) { return "item-" + id; }

TextStyle Typesetter::heading_style(int depth) const {
  const double size = depth <= 1   ? style_.heading1_size
                      : depth == 2 ? style_.heading2_size
                                   : style_.heading3_size;
  return sans(size, true);
}

TextBlockPtr Typesetter::text(std::string_view s, const TextStyle& ts, double width) const {
  if (width > 0) return std::make_shared<TextBlock>(s, ts, width, TextAlign::left);
  auto& slot = unwrapped_[{std::string(s), ts.family, ts.size, ts.bold, ts.italic}];
  if (!slot) slot = std::make_shared<TextBlock>(s, ts);
  return slot;
}

void Flow::add_paragraph(Paragraph p, double indent, double before, double after, bool keep,
                         std::string item_id, std::string kind) {
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
}

void Flow::page_break() {
  FlowBlock block;
  block.kind = FlowBlock::Kind::page_break;
  blocks_.push_back(std::move(block));
}

FlowBlock& Flow::add_heading(const std::string& number, const std::string& title,
                             const TextStyle& ts, const std::string& destination, int outline_level,
                             double before, double after, Color number_color, double hang) {
  const double width = typesetter_.width();
  FlowBlock block;
  block.kind = FlowBlock::Kind::fixed;
  double title_x = 0;
  double height = 0;
  TextBlockPtr number_block;
  if (!number.empty()) {
    number_block = typesetter_.text(number, ts);
    title_x = std::max(hang, number_block->width() + ts.size * 0.6);
  }
  auto title_block = typesetter_.text(typographic_quotes(title), ts, width - title_x);
  // The heading as one group: its number, title and destination.
  Group heading;
  heading.tag =
      Tag{"heading", destination, (number.empty() ? "" : number + " ") + title_block->text()};
  heading.tag.structure = "H" + std::to_string(std::clamp(outline_level, 1, 6));
  if (number_block) {
    // On the title's first baseline: an Arabic title's taller line sits lower.
    const double drop = std::max(0.0, title_block->baseline() - number_block->baseline());
    TextShape number_shape{{0, drop}, number_block, number_color};
    number_shape.tag.structure = "Lbl";  // the item's or section's number
    heading.items.push_back(std::move(number_shape));
    height = drop + number_block->height();
  }
  heading.items.push_back(TextShape{{title_x, 0}, title_block, typesetter_.style().text});
  heading.items.push_back(Destination{destination, {0, 0}});
  height = std::max(height, title_block->height());
  block.items.push_back(std::move(heading));
  block.height = height;
  block.anchors.push_back(destination);
  block.space_before = before;
  block.space_after = after;
  block.keep_with_next = true;
  outline_.push_back({outline_level,
                      typographic_quotes(number.empty() ? title : number + " " + title),
                      destination});
  blocks_.push_back(std::move(block));
  return blocks_.back();
}

}  // namespace briefing::report_parts
