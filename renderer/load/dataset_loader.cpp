#include "load/dataset_loader.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "base/file_io.h"
#include "base/url.h"
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
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
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
  DatasetReader(SourceRef source, Diagnostics& diagnostics)
      : source_(std::move(source)), diagnostics_(diagnostics) {}

  Dataset read(const toml::table& root) {
    Dataset dataset;
    TableReader top(root, "the dataset file", source_, diagnostics_);
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
                    size_t limit, SourceRange at) {
    const size_t length = code_point_count(text);
    if (length <= limit) return true;
    reader.error_at(at,
                    "'" + key + "' is too long: " + with_thousands(length) +
                        " characters, at most " + with_thousands(limit) + " are allowed",
                    "shorten it; data/README.md lists the limit of every field");
    return false;
  }

  // A required string that must hold something other than white space, of
  // at most `limit` characters; `at` (if given) receives where it stands.
  std::string non_empty(TableReader& reader, const std::string& key, size_t limit,
                        SourceRange* at = nullptr) {
    if (at) *at = reader.value_position(key);
    auto value = reader.string(key, Need::required);
    if (!value) return "";
    if (!within_limit(reader, key, *value, limit, reader.value_position(key))) return "";
    if (is_blank(*value)) {
      reader.error_at(reader.value_position(key), "'" + key + "' must not be empty");
    }
    return *value;
  }

  // An optional string of at most `limit` characters (empty when absent) and where it stands.
  std::string optional_text(TableReader& reader, const std::string& key, size_t limit,
                            SourceRange& at) {
    at = reader.value_position(key);
    auto value = reader.string(key);
    if (!value || !within_limit(reader, key, *value, limit, at)) return "";
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

  /// A link target: the URL as written and its normalised, encoded href
  /// (empty after an error, which is reported where the value stands).
  std::pair<std::string, std::string> link_url(TableReader& reader, const std::string& key,
                                               Need need) {
    auto url = reader.string(key, need);
    if (!url) return {};
    const LinkUrl parsed = parse_link_url(*url);
    if (!parsed.ok()) {
      reader.error_at(reader.value_position(key), "'" + key + "' " + parsed.error, parsed.hint);
    }
    return {*url, parsed.href};
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
      reader.error_at(
          reader.value_position("footnote"),
          "footnote " + std::to_string(*number) + " is already used by item '" + it->second + "'");
    }
    return static_cast<int>(*number);
  }

  void read_header(const toml::table& table, Dataset& dataset) {
    TableReader reader(table, "[dataset]", source_, diagnostics_);
    dataset.title = non_empty(reader, "title", limits::kShortText, &dataset.title_at);
    dataset.publisher = non_empty(reader, "publisher", limits::kShortText, &dataset.publisher_at);
    if (auto published = date(reader, "published", Need::required)) dataset.published = *published;
    dataset.language = non_empty(reader, "language", limits::kLanguage);
    SourceRange source_at;
    dataset.source = optional_text(reader, "source", limits::kSourceText, source_at);
    reader.finish();
  }

  void read_section(const toml::table& table, Dataset& dataset) {
    TableReader reader(table, "[[section]]", source_, diagnostics_);
    Section section;
    section.position = reader.table_position();
    section.id = non_empty(reader, "id", limits::kId);
    if (!section.id.empty() && !is_section_id(section.id)) {
      reader.error_at(
          reader.value_position("id"),
          "section id \"" + excerpt(section.id) + "\" must be a dotted number such as \"1.3\"");
    } else if (const Section* earlier = dataset.find_section(section.id)) {
      reader.error_at(reader.value_position("id"), "duplicate section id \"" + section.id + "\"",
                      "first defined on line " + std::to_string(earlier->position.line));
    } else if (!section.parent_id().empty() && !dataset.find_section(section.parent_id())) {
      reader.error_at(reader.value_position("id"), "section \"" + section.id +
                                                       "\" comes before its parent section \"" +
                                                       section.parent_id() + "\"");
    }
    section.title = non_empty(reader, "title", limits::kShortText, &section.title_at);
    section.intro = optional_text(reader, "intro", limits::kLongText, section.intro_at);
    reader.finish();
    dataset.sections.push_back(std::move(section));
  }

  void read_item(const toml::table& table, Dataset& dataset) {
    TableReader reader(table, "[[item]]", source_, diagnostics_);
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
        section &&
        within_limit(reader, "section", *section, limits::kId, reader.value_position("section"))) {
      item.section = *section;
      if (!dataset.find_section(*section)) {
        std::vector<std::string> ids;
        for (const auto& s : dataset.sections) ids.push_back(s.id);
        const std::string suggestion = closest_match(*section, ids);
        reader.error_at(
            reader.value_position("section"), "unknown section \"" + excerpt(*section) + "\"",
            suggestion.empty() ? std::string() : "did you mean \"" + suggestion + "\"?");
      }
    }
    item.title = non_empty(reader, "title", limits::kShortText, &item.title_at);
    SourceRange short_title_at;
    item.short_title = optional_text(reader, "short_title", limits::kShortText, short_title_at);
    if (item.short_title.empty() && table.contains("short_title")) {
      reader.error_at(short_title_at, "short_title is empty", "leave it out or give a short name");
    }
    item.kind = non_empty(reader, "kind", limits::kShortText, &item.kind_at);
    item.issuers = texts(reader, "issuers", Need::required, limits::kShortText)
                       .value_or(std::vector<std::string>{});
    item.issuers_at = element_ranges(table, "issuers", item.issuers.size());
    item.summary = non_empty(reader, "summary", limits::kLongText, &item.summary_at);
    item.tags = texts(reader, "tags", Need::optional, limits::kShortText)
                    .value_or(std::vector<std::string>{});
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
    TableReader reader(table, "[[item.milestone]]", source_, diagnostics_);
    Milestone milestone;
    milestone.position = reader.table_position();
    milestone.label = non_empty(reader, "label", limits::kShortText, &milestone.label_at);
    auto when = date(reader, "date", Need::required);
    milestone.source_url = link_url(reader, "source", Need::optional).first;
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
    TableReader reader(table, "[[item.link]]", source_, diagnostics_);
    Link link;
    std::tie(link.url, link.href) = link_url(reader, "url", Need::required);
    link.language_note = optional_text(reader, "language", limits::kShortText, link.language_at);
    link.footnote = footnote(reader, item.id);
    reader.finish();
    item.links.push_back(std::move(link));
  }

  void read_note(const toml::table& table, Item& item) {
    TableReader reader(table, "[[item.note]]", source_, diagnostics_);
    Note note;
    note.text = non_empty(reader, "text", limits::kLongText, &note.text_at);
    note.footnote = footnote(reader, item.id);
    reader.finish();
    item.notes.push_back(std::move(note));
  }

  // Where each string of the array `key` stands (as many as were read).
  static std::vector<SourceRange> element_ranges(const toml::table& table, const std::string& key,
                                                 size_t count) {
    std::vector<SourceRange> ranges;
    if (const auto* array = table.get_as<toml::array>(key)) {
      for (const toml::node& element : *array) {
        if (element.is_string()) ranges.push_back(range_of(element));
      }
    }
    ranges.resize(count);
    return ranges;
  }

  SourceRef source_;
  Diagnostics& diagnostics_;
  std::map<int64_t, std::string> footnotes_;  // footnote number → item id
};

}  // namespace

DatasetLoad load_dataset_text(std::string_view text, const std::string& file_name) {
  DatasetLoad result;
  result.source = make_source(file_name, std::string(text));
  const auto root = parse_toml(result.source, result.diagnostics);
  if (!root) return result;
  Dataset dataset = DatasetReader(result.source, result.diagnostics).read(*root);
  dataset.file = result.source;
  result.diagnostics.sort_by_position();
  if (!result.diagnostics.has_errors()) result.dataset = std::move(dataset);
  return result;
}

DatasetLoad load_dataset_file(const std::string& path) {
  const FileContents file = read_file(path);
  if (!file.ok()) {
    DatasetLoad result;
    result.source = make_source(path);
    result.diagnostics.error(result.source, {}, "cannot read the file: " + file.error);
    return result;
  }
  return load_dataset_text(file.bytes, path);
}

}  // namespace briefing
