// The "Changes since" page (--compare-with): a summary, then the added,
// changed and removed items and changed dataset details as lists.
#include "layout/report/builder.h"

namespace briefing::report_parts {
namespace {

// A title in bold and its details on the lines below.
using ChangeRows = std::vector<std::pair<std::string, std::vector<std::string>>>;

void add_change_list(const std::string& heading, const ChangeRows& rows,
                     const std::string& anchor_prefix, const Typesetter& typesetter, Flow& flow) {
  if (rows.empty()) return;
  const ReportStyle& style = typesetter.style();
  const double indent = style.body_size * 1.4;
  flow.add_heading("", heading, typesetter.heading_style(3), "changes-" + anchor_prefix, 2,
                   style.body_size, style.body_size * 0.4, style.accent);
  for (const auto& [title, details] : rows) {
    RichText rich;
    rich.style(rich.append(title), StyleSpan::Kind::bold);
    for (const std::string& d : details) rich.append("\n" + d);
    flow.add_paragraph(
        typesetter.paragraph(std::move(rich), typesetter.body_style(), typesetter.width() - indent,
                             TextAlign::left, style.text),
        indent, style.body_size * 0.3, 0, false, "", "change");
  }
}

}  // namespace

void add_changes(const DatasetDiff& diff, const PartialDate& since, const std::string& basis,
                 const Typesetter& typesetter, Flow& flow) {
  const ReportStyle& style = typesetter.style();
  const double width = typesetter.width();
  flow.add_heading("", "Changes since " + since.format(), typesetter.heading_style(1), "changes", 1,
                   0, style.body_size, style.accent);
  RichText intro;
  // Which older version: the one the user chose (a file, the recorded
  // baseline, the previous render), and when that version was published.
  const std::string against = basis.empty()
                                  ? "the version published " + since.format()
                                  : basis + " (the version published " + since.format() + ")";
  intro.append("Compared with " + against + ": " + diff_summary(diff) +
               ". New and changed items are marked in the text.");
  flow.add_paragraph(typesetter.paragraph(std::move(intro), typesetter.body_style(), width,
                                          TextAlign::left, style.text),
                     0, 0, style.body_size, false, "", "line");
  ChangeRows added, removed, changed;
  for (const Item& item : diff.added) {
    added.push_back(
        {item.title, {"Section " + item.section + kMiddleDot.data() + describe_milestones(item)}});
  }
  for (const Item& item : diff.removed)
    removed.push_back({item.title, {"Was in section " + item.section}});
  for (const ItemChange& change : diff.changed) {
    std::vector<std::string> details;
    for (const FieldChange& field : change.fields) details.push_back(field.describe());
    changed.push_back({change.title, details});
  }
  std::vector<std::string> metadata;
  for (const FieldChange& field : diff.metadata) metadata.push_back(field.describe());
  add_change_list("Added (" + std::to_string(added.size()) + ")", added, "added", typesetter, flow);
  add_change_list("Changed (" + std::to_string(changed.size()) + ")", changed, "changed",
                  typesetter, flow);
  add_change_list("Removed (" + std::to_string(removed.size()) + ")", removed, "removed",
                  typesetter, flow);
  if (!metadata.empty())
    add_change_list("Dataset details", {{"Dataset", metadata}}, "metadata", typesetter, flow);
  if (diff.empty()) {
    RichText none;
    none.append("No item changed.");
    flow.add_paragraph(typesetter.paragraph(std::move(none), typesetter.body_style(), width,
                                            TextAlign::left, style.text),
                       0, 0, 0, false, "");
  }
  flow.page_break();
}

}  // namespace briefing::report_parts
