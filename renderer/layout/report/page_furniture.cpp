// Page labels and the running header and footer of every page but the cover.
#include "layout/report/builder.h"

namespace briefing::report_parts {
namespace {

// Lower-case roman numerals for front-matter page labels (1 → "i").
std::string roman_numeral(int n) {
  static const std::pair<int, const char*> kValues[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, letters] : kValues) {
    for (; n >= value; n -= value) out += letters;
  }
  return out;
}

// The footer reads "Page X of Y" on main-matter pages, X its label and Y the
// last page's label; front-matter pages show "Page ii" alone.
std::string footer_text(const PageLabels& labels, size_t page, const Messages& words) {
  if (page < labels.main_first_page)
    return words.get("page.front", {{"page", labels.labels[page]}});
  return words.get("page.main", {{"page", labels.labels[page]}, {"total", labels.labels.back()}});
}

}  // namespace

// The contents, the footer and the PDF viewer all show these labels.
PageLabels label_pages(const Pagination& pagination, size_t main_matter_block) {
  PageLabels out;
  const size_t total = pagination.pages.size();
  out.main_first_page = total;
  for (size_t b = main_matter_block; b < pagination.placements.size(); ++b) {
    if (pagination.placements[b].page >= 0) {
      out.main_first_page = static_cast<size_t>(pagination.placements[b].page);
      break;
    }
  }
  for (size_t i = 0; i < total; ++i) {
    out.labels.push_back(i < out.main_first_page ? roman_numeral(static_cast<int>(i + 1))
                                                 : std::to_string(i - out.main_first_page + 1));
  }
  return out;
}

void add_running_header_and_footer(Page& page, const TextBlockPtr& header, const PageLabels& labels,
                                   size_t index, const Typesetter& typesetter) {
  const ReportStyle& style = typesetter.style();
  const double width = typesetter.width();
  const double rule_y = style.margin_top - style.running_size * 1.5;
  const double header_y = rule_y - 4 - header->height();
  page.items.push_back(
      TextShape{{style.margin_left, header_y}, header, style.muted, Tag{"header", "", {}}});
  page.items.push_back(PathShape{{{style.margin_left, rule_y}, {style.margin_left + width, rule_y}},
                                 false,
                                 false,
                                 {},
                                 true,
                                 {style.rule, 0.5, {}}});

  const std::string text_of_footer = footer_text(labels, index, typesetter.words());
  auto footer = typesetter.text(text_of_footer, typesetter.sans(style.running_size));
  const double footer_y = style.page_height - style.margin_bottom + style.running_size * 2;
  const double footer_x = style.margin_left + width - footer->width();
  page.items.push_back(
      TextShape{{footer_x, footer_y}, footer, style.muted, Tag{"footer", "", text_of_footer}});
}

void add_marking(Page& page, const Typesetter& typesetter) {
  const ReportStyle& style = typesetter.style();
  if (style.marking.empty()) return;
  auto marking = typesetter.text(style.marking, typesetter.sans(style.running_size * 1.25, true));
  // Centred at the foot, on the footer's line (the footer is right-aligned
  // and short).
  const double y = style.page_height - style.margin_bottom + style.running_size * 2;
  const double x = (style.page_width - marking->width()) / 2;
  page.items.push_back(
      TextShape{{x, y}, marking, style.marking_color, Tag{"marking", "", style.marking}});
}

}  // namespace briefing::report_parts
