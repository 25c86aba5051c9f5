#include "load/dataset_loader.h"

#include <algorithm>
#include <map>

#include "base/file_io.h"
#include "base/utf8.h"
#include "load/dataset_limits.h"
#include "load/table_reader.h"

namespace briefing {
namespace {

bool is_section_id(std::string_view id) {
  // "1", "1.3", "1.3.2": positive numbers joined by dots.
  if (id.empty() || id.front() == '.' || id.back() == '.') return false;
  char previous = '.';
  for (char c : id) {
    if (c == '.' && previous == '.') return false;
    if (c != '.' && (c < '0' || c > '9')) return false;
    previous = c;
  }
  return true;
}

bool is_item_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

// 1234567 → "1,234,567".
std::string with_thousands(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

class DatasetReader {
 public:
  DatasetReader(std::string file, Diagnostics& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  Dataset read(const toml::table& root) {
    Dataset dataset;
    TableReader top(root, "the dataset file", file_, diagnostics_);
    if (const toml::table* header = top.table("dataset", Need::required)) {
      read_header(*header, dataset);
    }
    for (const toml::table* table : top.tables("section", Need::required)) {
      read_section(*table, dataset);
    }
    for (const toml::table* table : top.tables("item")) read_item(*table, dataset);
    top.finish();
    return dataset;
  }

 private:
  // False, with an error at `at`, when `text` has more than `limit`
  // characters (data/README.md, "Limits"); the value is then not used further.
  bool within_limit(TableReader& reader, const std::string& key, const std::string& text,
                    size_t limit, SourcePosition at) {
    const size_t length = code_point_count(text);
    if (length <= limit) return true;
    reader.error_at(at,
                    "'" + key + "' is too long: " + with_thousands(length) +
                        " characters, at most " + with_thousands(limit) + " are allowed",
                    "shorten it; data/README.md lists the limit of every field");
    return false;
  }

  // A required string that must hold something other than white space, of
  // at most `limit` characters.
  std::string non_empty(TableReader& reader, const std::string& key, size_t limit) {
    auto value = reader.string(key, Need::required);
    if (!value) return "";
    if (!within_limit(reader, key, *value, limit, reader.value_position(key))) return "";
    if (is_blank(*value)) {
      reader.error_at(reader.value_position(key), "'" + key + "' must not be empty");
    }
    return *value;
  }

  // An optional string of at most `limit` characters; empty when absent.
  std::string optional_text(TableReader& reader, const std::string& key, size_t limit) {
    auto value = reader.string(key);
    if (!value || !within_limit(reader, key, *value, limit, reader.value_position(key))) return "";
    return *value;
  }

  // An array of strings, each of at most `limit` characters.
  std::optional<std::vector<std::string>> texts(TableReader& reader, const std::string& key,
                                                Need need, size_t limit) {
    auto values = reader.string_array(key, need);
    if (!values) return values;
    for (size_t i = 0; i < values->size(); ++i) {
      if (!within_limit(reader, key, (*values)[i], limit, reader.element_position(key, i))) {
        (*values)[i].clear();
      }
    }
    return values;
  }

  std::optional<PartialDate> date(TableReader& reader, const std::string& key, Need need) {
    auto text = reader.string(key, need);
    if (!text) return std::nullopt;
    std::string error;
    auto parsed = PartialDate::parse(*text, &error);
    if (!parsed) reader.error_at(reader.value_position(key), error);
    return parsed;
  }

  std::string web_url(TableReader& reader, const std::string& key, Need need) {
    auto url = reader.string(key, need);
    if (!url) return {};
    if (!is_web_url(*url)) {
      reader.error_at(reader.value_position(key),
                      "'" + key + "' must be an http:// or https:// URL, not \"" + *url + "\"");
    }
    return *url;
  }

  int footnote(TableReader& reader, const std::string& owner) {
    auto number = reader.integer("footnote");
    if (!number) return 0;
    if (*number < 1) {
      reader.error_at(reader.value_position("footnote"), "footnote numbers start at 1");
      return 0;
    }
    auto [it, inserted] = footnotes_.emplace(*number, owner);
    if (!inserted) {
      reader.error_at(reader.value_position("footnote"),
                      "footnote " + std::to_string(*number) + " is already used by item '" +
                          it->second + "'");
    }
    return static_cast<int>(*number);
  }

  void read_header(const toml::table& table, Dataset& dataset) {
    TableReader reader(table, "[dataset]", file_, diagnostics_);
    dataset.title = non_empty(reader, "title", limits::kShortText);
    dataset.publisher = non_empty(reader, "publisher", limits::kShortText);
    if (auto published = date(reader, "published", Need::required)) dataset.published = *published;
    dataset.language = non_empty(reader, "language", limits::kLanguage);
    dataset.source = optional_text(reader, "source", limits::kSourceText);
    reader.finish();
  }

  void read_section(const toml::table& table, Dataset& dataset) {
    TableReader reader(table, "[[section]]", file_, diagnostics_);
    Section section;
    section.position = reader.table_position();
    section.id = non_empty(reader, "id", limits::kId);
    if (!section.id.empty() && !is_section_id(section.id)) {
      reader.error_at(reader.value_position("id"), "section id \"" + excerpt(section.id) +
                                                       "\" must be a dotted number such as \"1.3\"");
    } else if (const Section* earlier = dataset.find_section(section.id)) {
      reader.error_at(reader.value_position("id"), "duplicate section id \"" + section.id + "\"",
                      "first defined on line " + std::to_string(earlier->position.line));
    } else if (!section.parent_id().empty() && !dataset.find_section(section.parent_id())) {
      reader.error_at(reader.value_position("id"),
                      "section \"" + section.id + "\" comes before its parent section \"" +
                          section.parent_id() + "\"");
    }
    section.title = non_empty(reader, "title", limits::kShortText);
    section.intro = optional_text(reader, "intro", limits::kLongText);
    reader.finish();
    dataset.sections.push_back(std::move(section));
  }

  void read_item(const toml::table& table, Dataset& dataset) {
    TableReader reader(table, "[[item]]", file_, diagnostics_);
    Item item;
    item.position = reader.table_position();
    item.id = non_empty(reader, "id", limits::kId);
    if (!item.id.empty() && !is_item_id(item.id)) {
      reader.error_at(reader.value_position("id"),
                      "item id \"" + excerpt(item.id) + "\" may hold only a-z, 0-9 and '-'");
    } else if (const Item* earlier = dataset.find_item(item.id)) {
      reader.error_at(reader.value_position("id"), "duplicate item id \"" + item.id + "\"",
                      "first defined on line " + std::to_string(earlier->position.line));
    }
    if (auto section = reader.string("section", Need::required);
        section && within_limit(reader, "section", *section, limits::kId,
                                reader.value_position("section"))) {
      item.section = *section;
      if (!dataset.find_section(*section)) {
        std::vector<std::string> ids;
        for (const auto& s : dataset.sections) ids.push_back(s.id);
        const std::string suggestion = closest_match(*section, ids);
        reader.error_at(reader.value_position("section"),
                        "unknown section \"" + excerpt(*section) + "\"",
                        suggestion.empty() ? std::string()
                                           : "did you mean \"" + suggestion + "\"?");
      }
    }
    item.title = non_empty(reader, "title", limits::kShortText);
    item.kind = non_empty(reader, "kind", limits::kShortText);
    item.issuers = texts(reader, "issuers", Need::required, limits::kShortText)
                       .value_or(std::vector<std::string>{});
    item.summary = non_empty(reader, "summary", limits::kLongText);
    item.tags =
        texts(reader, "tags", Need::optional, limits::kShortText).value_or(std::vector<std::string>{});
    item.highlight = reader.boolean("highlight").value_or(false);
    for (const toml::table* milestone : reader.tables("milestone")) {
      read_milestone(*milestone, item);
    }
    for (const toml::table* link : reader.tables("link")) read_link(*link, item);
    for (const toml::table* note : reader.tables("note")) read_note(*note, item);
    reader.finish();
    dataset.items.push_back(std::move(item));
  }

  void read_milestone(const toml::table& table, Item& item) {
    TableReader reader(table, "[[item.milestone]]", file_, diagnostics_);
    Milestone milestone;
    milestone.position = reader.table_position();
    milestone.label = non_empty(reader, "label", limits::kShortText);
    auto when = date(reader, "date", Need::required);
    milestone.source_url = web_url(reader, "source", Need::optional);
    reader.finish();
    if (!when) return;
    milestone.date = *when;
    milestone.position = reader.value_position("date");
    if (!item.milestones.empty() && milestone.date < item.milestones.back().date) {
      reader.error_at(milestone.position,
                      "milestone '" + excerpt(milestone.label) + "' (" + milestone.date.iso() +
                          ") comes before the previous milestone '" +
                          excerpt(item.milestones.back().label) + "' (" +
                          item.milestones.back().date.iso() + ")",
                      "list an item's milestones in chronological order");
    }
    item.milestones.push_back(std::move(milestone));
  }

  void read_link(const toml::table& table, Item& item) {
    TableReader reader(table, "[[item.link]]", file_, diagnostics_);
    Link link;
    link.url = web_url(reader, "url", Need::required);
    link.language_note = optional_text(reader, "language", limits::kShortText);
    link.footnote = footnote(reader, item.id);
    reader.finish();
    item.links.push_back(std::move(link));
  }

  void read_note(const toml::table& table, Item& item) {
    TableReader reader(table, "[[item.note]]", file_, diagnostics_);
    Note note;
    note.text = non_empty(reader, "text", limits::kLongText);
    note.footnote = footnote(reader, item.id);
    reader.finish();
    item.notes.push_back(std::move(note));
  }

  std::string file_;
  Diagnostics& diagnostics_;
  std::map<int64_t, std::string> footnotes_;  // footnote number → item id
};

}  // namespace

bool is_web_url(std::string_view url) {
  size_t scheme = 0;
  if (url.substr(0, 8) == "https://") scheme = 8;
  else if (url.substr(0, 7) == "http://") scheme = 7;
  else return false;
  if (url.size() <= scheme || url[scheme] == '/') return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    return c == ' ' || static_cast<unsigned char>(c) < 0x20;
  });
}

DatasetLoad load_dataset_text(std::string_view text, const std::string& file_name) {
  DatasetLoad result;
  result.source_text = std::string(text);
  const auto root = parse_toml(result.source_text, file_name, result.diagnostics);
  if (!root) return result;
  Dataset dataset = DatasetReader(file_name, result.diagnostics).read(*root);
  result.diagnostics.sort_by_position();
  if (!result.diagnostics.has_errors()) result.dataset = std::move(dataset);
  return result;
}

DatasetLoad load_dataset_file(const std::string& path) {
  const FileContents file = read_file(path);
  if (!file.ok()) {
    DatasetLoad result;
    result.diagnostics.error(path, {}, "cannot read the file: " + file.error);
    return result;
  }
  return load_dataset_text(file.bytes, path);
}

}  // namespace briefing
