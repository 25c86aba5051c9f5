#include "model/dataset_diff.h"

#include <algorithm>
#include <map>
#include <utility>

namespace briefing {
namespace {

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

void compare_scalar(std::vector<FieldChange>& out, const char* field, const std::string& before,
                    const std::string& after) {
  if (before != after) out.push_back({field, "", before, after});
}

/// A milestone's key: its label plus which occurrence of that label it is.
using MilestoneKey = std::pair<std::string, int>;

std::vector<std::pair<MilestoneKey, const Milestone*>> keyed_milestones(const Item& item) {
  std::map<std::string, int> seen;
  std::vector<std::pair<MilestoneKey, const Milestone*>> out;
  for (const auto& m : item.milestones) out.push_back({{m.label, seen[m.label]++}, &m});
  return out;
}

std::string milestone_detail(const MilestoneKey& key) {
  return key.second == 0 ? key.first : key.first + " #" + std::to_string(key.second + 1);
}

void compare_milestones(std::vector<FieldChange>& out, const Item& before, const Item& after) {
  const auto old_list = keyed_milestones(before);
  const auto new_list = keyed_milestones(after);
  auto find = [](const auto& list, const MilestoneKey& key) -> const Milestone* {
    for (const auto& [k, m] : list)
      if (k == key) return m;
    return nullptr;
  };
  // Dates moved or milestones added, in the new order; then those removed.
  for (const auto& [key, m] : new_list) {
    const Milestone* old = find(old_list, key);
    if (!old) {
      out.push_back({"milestone", milestone_detail(key), "", m->date.format(), {}, m->date});
    } else if (!(old->date == m->date)) {
      out.push_back({"date", milestone_detail(key), old->date.format(), m->date.format(), old->date,
                     m->date});
    }
  }
  for (const auto& [key, m] : old_list) {
    if (!find(new_list, key))
      out.push_back({"milestone", milestone_detail(key), m->date.format(), "", m->date, {}});
  }
}

std::string describe_link(const Link& link) {
  return link.language_note.empty() ? link.url : link.url + " (" + link.language_note + ")";
}

void compare_links(std::vector<FieldChange>& out, const Item& before, const Item& after) {
  auto find = [](const std::vector<Link>& links, const std::string& url) -> const Link* {
    for (const auto& l : links)
      if (l.url == url) return &l;
    return nullptr;
  };
  for (const auto& link : after.links) {
    const Link* old = find(before.links, link.url);
    if (!old) {
      out.push_back({"link", link.url, "", describe_link(link)});
    } else if (old->language_note != link.language_note) {
      out.push_back({"link", link.url, describe_link(*old), describe_link(link)});
    }
  }
  for (const auto& link : before.links) {
    if (!find(after.links, link.url)) out.push_back({"link", link.url, describe_link(link), ""});
  }
}

std::string note_key(const Note& note, size_t index) {
  return note.footnote > 0 ? "footnote " + std::to_string(note.footnote)
                           : "note " + std::to_string(index + 1);
}

void compare_notes(std::vector<FieldChange>& out, const Item& before, const Item& after) {
  std::map<std::string, const Note*> old_notes;
  for (size_t i = 0; i < before.notes.size(); ++i)
    old_notes[note_key(before.notes[i], i)] = &before.notes[i];
  std::map<std::string, bool> matched;
  for (size_t i = 0; i < after.notes.size(); ++i) {
    const std::string key = note_key(after.notes[i], i);
    const auto it = old_notes.find(key);
    if (it == old_notes.end()) {
      out.push_back({"note", key, "", after.notes[i].text});
    } else {
      matched[key] = true;
      if (it->second->text != after.notes[i].text)
        out.push_back({"note", key, it->second->text, after.notes[i].text});
    }
  }
  for (size_t i = 0; i < before.notes.size(); ++i) {
    const std::string key = note_key(before.notes[i], i);
    if (!matched.count(key)) out.push_back({"note", key, before.notes[i].text, ""});
  }
}

std::vector<FieldChange> compare_items(const Item& before, const Item& after) {
  std::vector<FieldChange> out;
  compare_scalar(out, "title", before.title, after.title);
  compare_scalar(out, "kind", before.kind, after.kind);
  compare_scalar(out, "section", before.section, after.section);
  compare_scalar(out, "issuers", join(before.issuers, "; "), join(after.issuers, "; "));
  compare_milestones(out, before, after);
  compare_links(out, before, after);
  compare_scalar(out, "summary", before.summary, after.summary);
  compare_notes(out, before, after);
  compare_scalar(out, "tags", join(before.tags, ", "), join(after.tags, ", "));
  if (before.highlight != after.highlight)
    out.push_back(
        {"highlight", "", before.highlight ? "yes" : "no", after.highlight ? "yes" : "no"});
  // The item's own colour, as the data writes it ("#aa3300"); none is empty.
  auto colour = [](const Item& item) { return item.colour ? color_hex(*item.colour) : ""; };
  compare_scalar(out, "colour", colour(before), colour(after));
  return out;
}

std::string item_line(char mark, const Item& item) {
  std::string line = "  ";
  line += mark;
  line += " " + item.id + "  " + quoted(item.title) + "  (" + item.kind + ", " +
          describe_milestones(item) + ")\n";
  return line;
}

}  // namespace

std::string FieldChange::describe() const {
  std::string name = field;
  if (!detail.empty()) name += " (" + detail + ")";
  const bool list_element = field == "milestone" || field == "link" || field == "note";
  if (list_element && (before.empty() || after.empty())) {
    const bool added = before.empty();
    std::string line = field + (added ? " added: " : " removed: ");
    if (field != "link" && !detail.empty()) line += detail + " ";  // a link's detail is its URL
    return line + (added ? after : before);
  }
  const bool text = field == "title" || field == "summary" || field == "note";
  const std::string b = before.empty() ? "(none)" : text ? quoted(before) : before;
  const std::string a = after.empty() ? "(none)" : text ? quoted(after) : after;
  return name + ": " + b + " → " + a;
}

bool DatasetDiff::is_added(const std::string& item_id) const {
  return std::any_of(added.begin(), added.end(), [&](const Item& i) { return i.id == item_id; });
}

bool DatasetDiff::is_changed(const std::string& item_id) const {
  return find_change(item_id) != nullptr;
}

const ItemChange* DatasetDiff::find_change(const std::string& item_id) const {
  for (const auto& change : changed)
    if (change.id == item_id) return &change;
  return nullptr;
}

DatasetDiff compare_datasets(const Dataset& before, const Dataset& after) {
  DatasetDiff diff;
  compare_scalar(diff.metadata, "title", before.title, after.title);
  compare_scalar(diff.metadata, "publisher", before.publisher, after.publisher);
  if (!(before.published == after.published))
    diff.metadata.push_back({"published", "", before.published.format(), after.published.format(),
                             before.published, after.published});
  compare_scalar(diff.metadata, "language", before.language, after.language);
  compare_scalar(diff.metadata, "source", before.source, after.source);

  for (const auto& item : after.items) {
    const Item* old = before.find_item(item.id);
    if (!old) {
      diff.added.push_back(item);
      continue;
    }
    auto fields = compare_items(*old, item);
    if (!fields.empty())
      diff.changed.push_back({item.id, item.title, item.section, std::move(fields)});
  }
  for (const auto& item : before.items) {
    if (!after.find_item(item.id)) diff.removed.push_back(item);
  }
  return diff;
}

std::string describe_milestones(const Item& item) {
  if (item.milestones.empty()) return "undated";
  std::vector<std::string> parts;
  for (const auto& m : item.milestones) parts.push_back(m.label + " " + m.date.format());
  return join(parts, "; ");
}

std::string diff_summary(const DatasetDiff& diff) {
  std::string out = std::to_string(diff.added.size()) + " added, " +
                    std::to_string(diff.removed.size()) + " removed, " +
                    std::to_string(diff.changed.size()) + " changed";
  if (!diff.metadata.empty()) out += ", dataset details changed";
  return out;
}

std::string format_diff(const DatasetDiff& diff) {
  std::string out;
  if (!diff.metadata.empty()) {
    out += "Dataset\n";
    for (const auto& f : diff.metadata) out += "    " + f.describe() + "\n";
  }
  if (!diff.added.empty()) {
    out += "Added (" + std::to_string(diff.added.size()) + ")\n";
    for (const auto& item : diff.added) out += item_line('+', item);
  }
  if (!diff.removed.empty()) {
    out += "Removed (" + std::to_string(diff.removed.size()) + ")\n";
    for (const auto& item : diff.removed) out += item_line('-', item);
  }
  if (!diff.changed.empty()) {
    out += "Changed (" + std::to_string(diff.changed.size()) + ")\n";
    for (const auto& change : diff.changed) {
      out += "  ~ " + change.id + "  " + quoted(change.title) + "\n";
      for (const auto& f : change.fields) out += "      " + f.describe() + "\n";
    }
  }
  if (diff.empty()) out += "No differences\n";
  out += diff_summary(diff) + "\n";
  return out;
}

}  // namespace briefing
