#include "import/dataset_writer.h"

#include "base/quoted_string.h"

namespace briefing {
namespace {

class Writer {
 public:
  WrittenDataset result;

  void line(const std::string& text, WrittenLine origin = {}) {
    result.text += text + "\n";
    result.lines.push_back(std::move(origin));
  }
  void key(const std::string& name, const std::string& value, WrittenLine origin) {
    origin.field = origin.field.empty() ? name : origin.field;
    line(name + " = " + toml_string(value), std::move(origin));
  }
  void array(const std::string& name, const std::vector<std::string>& values, WrittenLine origin) {
    std::string text = name + " = [";
    for (size_t i = 0; i < values.size(); ++i) text += (i ? ", " : "") + toml_string(values[i]);
    origin.field = name;
    line(text + "]", std::move(origin));
  }
};

}  // namespace

std::string toml_string(const std::string& text) { return double_quoted_escaped(text); }

WrittenDataset write_dataset(const Dataset& dataset, const std::string& header_comment,
                             const std::map<std::string, std::string>& short_titles,
                             const std::map<std::string, std::string>& colours) {
  Writer w;
  if (!header_comment.empty()) {
    size_t start = 0;
    while (start <= header_comment.size()) {
      const size_t end = header_comment.find('\n', start);
      w.line("# " + header_comment.substr(start, end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    w.line("");
  }
  w.line("[dataset]");
  w.key("title", dataset.title, {});
  w.key("publisher", dataset.publisher, {});
  w.key("published", dataset.published.iso(), {});
  w.key("language", dataset.language, {});
  if (!dataset.source.empty()) w.key("source", dataset.source, {});
  for (size_t s = 0; s < dataset.sections.size(); ++s) {
    const Section& section = dataset.sections[s];
    const WrittenLine origin{static_cast<int>(s), -1, "", 0};
    w.line("");
    w.line("[[section]]", origin);
    w.key("id", section.id, origin);
    w.key("title", section.title, origin);
    if (!section.intro.empty()) w.key("intro", section.intro, origin);
  }
  for (size_t i = 0; i < dataset.items.size(); ++i) {
    const Item& item = dataset.items[i];
    const WrittenLine origin{-1, static_cast<int>(i), "", 0};
    w.line("");
    w.line("[[item]]", origin);
    w.key("id", item.id, origin);
    w.key("section", item.section, origin);
    w.key("title", item.title, origin);
    if (const auto found = short_titles.find(item.id); found != short_titles.end()) {
      w.key("short_title", found->second, origin);
    }
    w.key("kind", item.kind, origin);
    w.array("issuers", item.issuers, origin);
    w.key("summary", item.summary, origin);
    if (!item.tags.empty()) w.array("tags", item.tags, origin);
    if (item.highlight) w.line("highlight = true", {-1, static_cast<int>(i), "highlight", 0});
    if (const auto found = colours.find(item.id); found != colours.end()) {
      w.key("colour", found->second, origin);
    } else if (item.colour) {
      w.key("colour", color_hex(*item.colour), origin);
    }
    for (size_t m = 0; m < item.milestones.size(); ++m) {
      const Milestone& milestone = item.milestones[m];
      const int index = static_cast<int>(m);
      w.line("");
      w.line("[[item.milestone]]", {-1, static_cast<int>(i), "date", index});
      w.key("label", milestone.label, {-1, static_cast<int>(i), "label", index});
      w.key("date", milestone.date.iso(), {-1, static_cast<int>(i), "date", index});
      if (!milestone.source_url.empty()) {
        w.key("source", milestone.source_url, {-1, static_cast<int>(i), "date", index});
      }
    }
    for (size_t l = 0; l < item.links.size(); ++l) {
      const Link& link = item.links[l];
      const WrittenLine link_origin{-1, static_cast<int>(i), "url", static_cast<int>(l)};
      w.line("");
      w.line("[[item.link]]", link_origin);
      w.key("url", link.url, link_origin);
      if (!link.language_note.empty()) w.key("language", link.language_note, link_origin);
      if (link.footnote > 0) w.line("footnote = " + std::to_string(link.footnote), link_origin);
    }
    for (size_t n = 0; n < item.notes.size(); ++n) {
      const Note& note = item.notes[n];
      const WrittenLine note_origin{-1, static_cast<int>(i), "note", static_cast<int>(n)};
      w.line("");
      w.line("[[item.note]]", note_origin);
      w.key("text", note.text, note_origin);
      if (note.footnote > 0) w.line("footnote = " + std::to_string(note.footnote), note_origin);
    }
  }
  return std::move(w.result);
}

}  // namespace briefing
