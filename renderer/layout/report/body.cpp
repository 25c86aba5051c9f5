// The report's body: each section's heading and intro, then its items, each a
// numbered heading, two meta lines (kind and issuers; dates) and a summary
// carrying its footnote markers.
#include <map>
#include <string>

#include "layout/report/builder.h"
#include "text/bidi.h"

namespace briefing::report_parts {
namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
// A middle dot that stays with the phrase before it; a line may break after it.
constexpr std::string_view kMetaSeparator = "\xC2\xA0\xC2\xB7 ";

// Spaces made no-break, so that a short phrase (a date) never wraps.
std::string no_break(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ')
      out += kNoBreakSpace;
    else
      out += c;
  }
  return out;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

// The unwrapped widths of the items' meta prefixes ("Guideline · "), points:
// a handful of distinct ones over all items, each laid out once.
class PrefixWidths {
 public:
  double width(const RichText& rich, const TextStyle& ts, Color color) {
    // The text and its spans (weight, size, colour) decide the width; the
    // style is the same for every item.
    std::string key = rich.text;
    for (const StyleSpan& span : rich.styles) {
      key += '\0' + std::to_string(span.start) + ',' + std::to_string(span.end) + ',' +
             std::to_string(static_cast<int>(span.kind)) + ',' + std::to_string(span.color.r) +
             ',' + std::to_string(span.color.g) + ',' + std::to_string(span.color.b);
    }
    auto [slot, added] = widths_.try_emplace(key, 0.0);
    if (added) slot->second = Paragraph(rich, ts, 0, TextAlign::left, color).block()->width();
    return slot->second;
  }

 private:
  std::map<std::string, double> widths_;
};

// `hang` (points): the item numbers' column, the same for every item.
void add_item(const Item& item, int section_depth, double hang, const ReportItems& items,
              const DatasetDiff* changes, const Typesetter& typesetter, Flow& flow,
              PrefixWidths& prefix_widths) {
  const ReportStyle& style = typesetter.style();
  const double width = typesetter.width();
  const int number = items.numbers.at(item.id);
  const Color number_color = item.highlight ? style.highlight : style.accent;
  flow.add_heading(std::to_string(number), item.title, typesetter.sans(style.item_title_size, true),
                   item_anchor(item.id), section_depth + 1, style.body_size * 1.3,
                   style.body_size * 0.2, number_color, hang);

  // Kind and issuers, then the dates at their precision: two lines that
  // break only between phrases. Wrapped issuers hang under the first one.
  RichText kind;
  const bool added = changes && changes->is_added(item.id);
  const bool changed = changes && changes->is_changed(item.id);
  if (added || changed) {
    const auto r = kind.append(typesetter.words().get(added ? "items.new" : "items.changed"));
    kind.style(r, StyleSpan::Kind::bold);
    kind.style(r, StyleSpan::Kind::color, style.highlight);
    kind.append(kMetaSeparator);
  }
  if (item.highlight) {
    kind.style(kind.append(no_break(typesetter.words().get("items.key_item"))),
               StyleSpan::Kind::color, style.highlight);
    kind.append(kMetaSeparator);
  }
  kind.style(kind.append(typesetter.words().kind(item.kind)), StyleSpan::Kind::bold);
  const TextStyle meta_style = typesetter.sans(style.meta_size);
  const double meta_width = width - hang;
  double issuer_hang = 0;
  if (!item.issuers.empty()) {
    kind.append(kMetaSeparator);
    // The prefix unwrapped: its logical width runs to where the issuers start.
    issuer_hang = prefix_widths.width(kind, meta_style, style.muted);
    if (issuer_hang > meta_width * 0.4) issuer_hang = 0;  // too wide to hang under
    // Each issuer isolated: a list of Hebrew names reads in list order.
    std::vector<std::string> issuers;
    for (const std::string& issuer : item.issuers) issuers.push_back(isolated(issuer));
    kind.append(join(issuers, "; "));
  }
  flow.add_paragraph(Paragraph(std::move(kind), meta_style, meta_width, TextAlign::left,
                               style.muted, style.line_spacing, false, issuer_hang),
                     hang, 0, 0, true, item.id, "meta");

  RichText dates;
  if (item.milestones.empty()) {
    dates.append(typesetter.words().get("items.no_date"));
  } else {
    std::string line;
    for (size_t i = 0; i < item.milestones.size(); ++i) {
      if (i > 0) line += kMetaSeparator;
      // "Revised 30 June 2024": the date stays whole and with its label's
      // last word; a right-to-left label is isolated from our date.
      line += isolated(capitalised(item.milestones[i].label)) + std::string(kNoBreakSpace) +
              no_break(typesetter.words().date(item.milestones[i].date));
    }
    dates.append(left_to_right_phrase(line));
  }
  flow.add_paragraph(
      typesetter.paragraph(std::move(dates), meta_style, meta_width, TextAlign::left, style.muted),
      hang, 0, style.body_size * 0.35, true, item.id, "meta");

  RichText summary;
  summary.append_hyphenated(typographic_quotes(item.summary), typesetter.hyphenator());
  const auto found = items.item_footnotes.find(item.id);
  if (found != items.item_footnotes.end()) {
    const std::vector<int>& numbers = found->second;
    for (size_t i = 0; i < numbers.size(); ++i) {
      if (i > 0) summary.style(summary.append(","), StyleSpan::Kind::superscript);
      summary.append_marker(numbers[i]);
    }
  }
  flow.add_paragraph(typesetter.paragraph(std::move(summary), typesetter.body_style(), width - hang,
                                          typesetter.body_align(), style.text),
                     hang, 0, 0, false, item.id, "line");
}

}  // namespace

void add_body(const Dataset& dataset, const ReportItems& items, const DatasetDiff* changes,
              const Typesetter& typesetter, Flow& flow) {
  const ReportStyle& style = typesetter.style();
  const double width = typesetter.width();
  const double hang =
      typesetter.text("000", typesetter.sans(style.item_title_size, true))->width() + 8;
  PrefixWidths prefix_widths;
  for (const Section& section : dataset.sections) {
    const int depth = section.depth();
    if (depth <= style.section_page_break_depth) flow.page_break();
    const double before = depth <= 1   ? style.body_size * 2.4
                          : depth == 2 ? style.body_size * 2.0
                                       : style.body_size * 1.6;
    FlowBlock& heading = flow.add_heading(
        section.id, section.title, typesetter.heading_style(depth), section_anchor(section.id),
        depth, before, style.body_size * (depth <= 1 ? 0.9 : 0.6), style.accent);
    if (depth <= 1) {
      // A rule under a top-level heading.
      heading.items.push_back(PathShape{{{0, heading.height + 4}, {width, heading.height + 4}},
                                        false,
                                        false,
                                        {},
                                        true,
                                        {style.accent, 0.8, {}}});
      heading.height += 5;
    }
    if (!section.intro.empty()) {
      RichText intro;
      intro.append_hyphenated(typographic_quotes(section.intro), typesetter.hyphenator());
      flow.add_paragraph(
          typesetter.paragraph(std::move(intro),
                               TextStyle{style.body_family, style.body_size, false, true}, width,
                               typesetter.body_align(), style.text),
          0, 0, style.body_size * 0.6, false, "", "intro");
    }
    for (const Item* item : items.ordered) {
      if (item->section == section.id)
        add_item(*item, depth, hang, items, changes, typesetter, flow, prefix_widths);
    }
  }
}

}  // namespace briefing::report_parts
