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

// "adopted 2019; revised May 2024", in the report's language.
std::string describe_milestones(const Item& item, const Messages& words) {
  if (item.milestones.empty()) return words.get("changes.undated");
  std::vector<std::string> parts;
  for (const auto& m : item.milestones) parts.push_back(m.label + " " + words.date(m.date));
  return join(parts, words.get("changes.milestone_separator"));
}

// A note's detail ("footnote 3") in the report's language; a milestone's is
// its label, as written in the data.
std::string detail_of(const FieldChange& change, const Messages& words) {
  for (const auto& [prefix, key] :
       {std::pair{"footnote ", "changes.footnote"}, std::pair{"note ", "changes.note_number"}}) {
    if (change.field == "note" && change.detail.rfind(prefix, 0) == 0) {
      return words.get(key, {{"n", change.detail.substr(std::string_view(prefix).size())}});
    }
  }
  return change.detail;
}

// A value as the report shows it: dates in its language, texts quoted.
std::string field_value(const FieldChange& change, const std::string& value,
                        const std::optional<PartialDate>& date, const Messages& words) {
  if (date) return words.date(*date);
  if (value.empty()) return words.get("changes.no_value");
  if (change.field == "highlight") return words.get(value == "yes" ? "changes.yes" : "changes.no");
  const bool text = change.field == "title" || change.field == "summary" || change.field == "note";
  return text ? words.get("changes.quoted", {{"text", value}}) : value;
}

// One line per change: "date (adopted): May 2019 → June 2019",
// "link added: https://…", in the report's language.
std::string describe_change(const FieldChange& change, const Messages& words) {
  const std::string name = words.get("changes.fields." + change.field);
  const std::string detail = detail_of(change, words);
  const bool list_element =
      change.field == "milestone" || change.field == "link" || change.field == "note";
  if (list_element && (change.before.empty() || change.after.empty())) {
    const bool added = change.before.empty();
    std::string what = added ? field_value(change, change.after, change.after_date, words)
                             : field_value(change, change.before, change.before_date, words);
    // A link's detail is its URL, which the value shows already.
    if (change.field == "note") what = added ? change.after : change.before;  // unquoted
    if (change.field != "link" && !detail.empty())
      what = words.get("changes.element", {{"detail", detail}, {"value", what}});
    return words.get(added ? "changes.element_added" : "changes.element_removed",
                     {{"field", name}, {"value", what}});
  }
  const std::string field =
      detail.empty() ? name
                     : words.get("changes.field_detail", {{"field", name}, {"detail", detail}});
  return words.get("changes.field_change",
                   {{"field", field},
                    {"before", field_value(change, change.before, change.before_date, words)},
                    {"after", field_value(change, change.after, change.after_date, words)}});
}

}  // namespace

void add_changes(const DatasetDiff& diff, const PartialDate& since, const std::string& basis,
                 const Typesetter& typesetter, Flow& flow) {
  const ReportStyle& style = typesetter.style();
  const Messages& words = typesetter.words();
  const double width = typesetter.width();
  flow.add_heading("", words.get("parts.changes_since", {{"date", words.date(since)}}),
                   typesetter.heading_style(1), "changes", 1, 0, style.body_size, style.accent);
  RichText intro;
  std::string summary =
      words.get("changes.summary", {{"added", std::to_string(diff.added.size())},
                                    {"removed", std::to_string(diff.removed.size())},
                                    {"changed", std::to_string(diff.changed.size())}});
  if (!diff.metadata.empty()) summary += words.get("changes.details_changed");
  // Which older version: the one the user chose (a file, the recorded
  // baseline, the previous render), and when that version was published.
  intro.append(
      basis.empty()
          ? words.get("changes.intro", {{"date", words.date(since)}, {"summary", summary}})
          : words.get("changes.intro_named",
                      {{"basis", basis}, {"date", words.date(since)}, {"summary", summary}}));
  flow.add_paragraph(typesetter.paragraph(std::move(intro), typesetter.body_style(), width,
                                          TextAlign::left, style.text),
                     0, 0, style.body_size, false, "", "line");
  ChangeRows added, removed, changed;
  for (const Item& item : diff.added) {
    added.push_back({item.title,
                     {words.get("changes.in_section", {{"section", item.section}}) +
                      kMiddleDot.data() + describe_milestones(item, words)}});
  }
  for (const Item& item : diff.removed)
    removed.push_back(
        {item.title, {words.get("changes.was_in_section", {{"section", item.section}})}});
  for (const ItemChange& change : diff.changed) {
    std::vector<std::string> details;
    for (const FieldChange& field : change.fields) details.push_back(describe_change(field, words));
    changed.push_back({change.title, details});
  }
  std::vector<std::string> metadata;
  for (const FieldChange& field : diff.metadata) metadata.push_back(describe_change(field, words));
  auto counted = [&](const char* key, size_t n) {
    return words.get(key, {{"n", std::to_string(n)}});
  };
  add_change_list(counted("changes.added", added.size()), added, "added", typesetter, flow);
  add_change_list(counted("changes.changed", changed.size()), changed, "changed", typesetter, flow);
  add_change_list(counted("changes.removed", removed.size()), removed, "removed", typesetter, flow);
  if (!metadata.empty()) {
    add_change_list(words.get("changes.dataset_details"),
                    {{words.get("changes.dataset"), metadata}}, "metadata", typesetter, flow);
  }
  if (diff.empty()) {
    RichText none;
    none.append(words.get("changes.none"));
    flow.add_paragraph(typesetter.paragraph(std::move(none), typesetter.body_style(), width,
                                            TextAlign::left, style.text),
                       0, 0, 0, false, "");
  }
  flow.page_break();
}

}  // namespace briefing::report_parts
