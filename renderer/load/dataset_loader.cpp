#include "load/dataset_loader.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "base/file_io.h"
#include "base/language_tag.h"
#include "base/terminal_text.h"
#include "base/url.h"
#include "base/utf8.h"
#include "load/dataset_limits.h"
#include "load/date_fixit.h"
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

bool has_capitals(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string lowercased(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// Where a text may break lines: a one-line text (titles, names, labels) has
// neither tab nor newline; a long text (summary, intro, note) is paragraphs
// separated by one blank line ("\n\n") and has no other newline and no tab.
enum class Shape { line, paragraphs };

// What is wrong with the line breaks and tabs of `text`, or empty.
std::pair<std::string, std::string> shape_problem(std::string_view text, Shape shape) {
  if (text.find('\t') != std::string_view::npos) {
    return {"contains a tab", "use a space instead"};
  }
  if (text.find('\n') == std::string_view::npos) return {};
  if (shape == Shape::line) {
    return {"contains a line break",
            "keep it on one line; in a \"\"\" string, end each line with a backslash"};
  }
  const bool bad_end = text.front() == '\n' || text.back() == '\n';
  bool bad_inside = text.find("\n\n\n") != std::string_view::npos;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '\n' && text[i - 1] != '\n' && text[i + 1] != '\n') bad_inside = true;
  }
  if (bad_end) {
    return {"starts or ends with a line break", "remove it"};
  }
  if (bad_inside) {
    return {"has a line break that is not a paragraph break",
            "separate paragraphs with one blank line (\"\\n\\n\"), and join the lines of a "
            "paragraph (in a \"\"\" string, end each line with a backslash)"};
  }
  return {};
}

// Strings compare as the docs say (data/README.md, "Partial dates"): a less
// precise date sorts before a more precise one sharing its prefix.
bool milestone_order_ok(const PartialDate& previous, const PartialDate& next) {
  return previous.iso() <= next.iso();
}

// "did you mean \"x\"?" for a close real candidate, else `otherwise`.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates,
                         std::string otherwise = {}) {
  const std::string close = closest_match(word, candidates);
  return close.empty() ? otherwise : "did you mean \"" + close + "\"?";
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) out += (i ? ", " : "") + words[i];
  return out;
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

  /// `pieces`: the rest of the document after `root` (its first()), read a
  /// piece at a time, each piece's tree dropped once read. Nothing when a
  /// piece needs the whole text parsed (TomlPieces::Next::whole).
  std::optional<Dataset> read(const toml::table& root, TomlPieces* pieces = nullptr) {
    Dataset dataset;
    TableReader top(root, "the dataset file", source_, diagnostics_);
    if (const toml::table* header = top.table("dataset", Need::required)) {
      read_header(*header, dataset);
    }
    if (const toml::table* vocabulary = top.table("vocabulary")) {
      read_vocabulary(*vocabulary, dataset.vocabulary);
    }
    const auto sections = top.tables("section");
    for (const toml::table* table : sections) {
      if (const auto id = table->get_as<std::string>("id")) all_section_ids_.push_back(id->get());
    }
    for (const toml::table* table : sections) read_section(*table, dataset);
    const auto items = top.tables("item");
    for (const toml::table* table : items) read_item(*table, dataset);
    size_t item_count = items.size();
    if (pieces) {
      toml::table piece;
      for (;;) {
        const TomlPieces::Next next = pieces->next(piece, line_shift_);
        if (next == TomlPieces::Next::done) break;
        if (next == TomlPieces::Next::whole) return std::nullopt;
        for (const toml::node& element : *piece.get_as<toml::array>("item")) {
          read_item(*element.as_table(), dataset);
          ++item_count;
        }
      }
      line_shift_ = 0;
    }
    // Both are required (data/README.md, "Structure"); `item = []` holds none either.
    for (const auto& [key, count] : {std::pair{"section", sections.size()}, {"item", item_count}}) {
      if (count > 0) continue;
      top.error_at(root.contains(key) ? top.value_position(key) : SourceRange{},
                   std::string("the dataset has no [[") + key + "]]",
                   std::string("a dataset needs at least one [[") + key + "]]");
    }
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
    } else if (!shape_ok(reader, key, *value, shape_for(limit), reader.value_position(key))) {
      return "";
    }
    return std::move(*value);
  }

  static Shape shape_for(size_t limit) {
    return limit >= limits::kLongText ? Shape::paragraphs : Shape::line;
  }

  bool shape_ok(TableReader& reader, const std::string& key, std::string_view text, Shape shape,
                SourceRange at) {
    const auto [problem, hint] = shape_problem(text, shape);
    if (problem.empty()) return true;
    reader.error_at(at, "'" + key + "' " + problem, hint);
    return false;
  }

  // An optional string of at most `limit` characters (empty when absent) and where it stands.
  std::string optional_text(TableReader& reader, const std::string& key, size_t limit,
                            SourceRange& at) {
    at = reader.value_position(key);
    auto value = reader.string(key);
    if (!value || !within_limit(reader, key, *value, limit, at)) return "";
    if (is_blank(*value)) {
      reader.error_at(at, "'" + key + "' must not be empty", "remove it, or write something");
      return "";
    }
    if (!shape_ok(reader, key, *value, shape_for(limit), at)) return "";
    return std::move(*value);
  }

  // An array of strings, each of at most `limit` characters.
  std::optional<std::vector<std::string>> texts(TableReader& reader, const std::string& key,
                                                Need need, size_t limit) {
    auto values = reader.string_array(key, need);
    if (!values) return values;
    for (size_t i = 0; i < values->size(); ++i) {
      const SourceRange at = reader.element_position(key, i);
      if (!within_limit(reader, key, (*values)[i], limit, at) ||
          !shape_ok(reader, key, (*values)[i], Shape::line, at)) {
        (*values)[i].clear();
      } else if (is_blank((*values)[i])) {
        reader.error_at(at, "'" + key + "' holds an empty string",
                        key == "issuers" ? "remove it; write issuers = [] when the document names "
                                           "no issuer"
                                         : "remove it");
      }
    }
    return values;
  }

  std::optional<PartialDate> date(TableReader& reader, const std::string& key, Need need) {
    if (const toml::node* node = reader.peek(key); node && !node->is_string()) {
      // `date = 2023-03-20` or `date = 2023`: a TOML date or number, meant as ours.
      std::string written;
      if (const auto* d = node->as_date()) {
        written = PartialDate::day(d->get().year, d->get().month, d->get().day).iso();
      } else if (const auto* n = node->as_integer(); n && n->get() >= 1000 && n->get() <= 9999) {
        written = std::to_string(n->get());
      }
      if (!written.empty()) {
        reader.error_at(
            reader.range_of(*node),
            "'" + key + "' must be a string, not " + with_article(toml_type_name(*node)),
            "quote it: write \"" + written + "\"");
        return std::nullopt;
      }
    }
    auto text = reader.string(key, need);
    if (!text) return std::nullopt;
    std::string error;
    auto parsed = PartialDate::parse(*text, &error);
    if (!parsed) {
      // A fix-it where the intent is clear; none for a plain out-of-range part.
      const std::string fix = partial_date_fixit(*text);
      const auto [day_first, month_first] = ambiguous_day_month(*text);
      const bool shape = error.find(" is not in the form ") != std::string::npos ||
                         error.find(" malformed ") != std::string::npos;
      std::string hint;
      if (!fix.empty()) {
        hint = "write \"" + fix + "\"";
      } else if (!day_first.empty()) {
        const auto named = [](const std::string& iso) { return PartialDate::parse(iso)->format(); };
        hint = "write \"" + day_first + "\" (" + named(day_first) + ") or \"" + month_first +
               "\" (" + named(month_first) + "), whichever the document means";
      } else if (shape) {
        hint = "write YYYY, YYYY-MM or YYYY-MM-DD, as precisely as the document states it";
      }
      reader.error_at(reader.value_position(key), error, hint);
    }
    return parsed;
  }

  /// A link target: the URL as written and its normalised, encoded href
  /// (empty after an error, which is reported where the value stands).
  std::pair<std::string, std::string> link_url(TableReader& reader, const std::string& key,
                                               Need need) {
    auto url = reader.string(key, need);
    if (!url) return {};
    const size_t space = url->find(' ');
    if (space != std::string::npos && space > 0 && space + 1 < url->size()) {
      // Spaces inside are what a URL broken across lines, or pasted from a
      // document, leaves behind; the ones around it are parse_link_url's.
      reader.error_at(inside_string(reader.value_position(key), *url, space, 1),
                      "'" + key + "' has a space in it: URLs have no spaces",
                      "if the URL was broken across lines, remove the space; if the space is "
                      "part of the address, write it as %20");
      return {};
    }
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
    TableReader reader(table, "[dataset]", source_, diagnostics_, line_shift_);
    dataset.title = non_empty(reader, "title", limits::kShortText, &dataset.title_at);
    dataset.publisher = non_empty(reader, "publisher", limits::kShortText, &dataset.publisher_at);
    if (auto published = date(reader, "published", Need::required)) dataset.published = *published;
    dataset.language = non_empty(reader, "language", limits::kLanguage);
    if (!dataset.language.empty()) {
      const LanguageTagParse tag = parse_language_tag(dataset.language);
      if (!tag.ok) reader.error_at(reader.value_position("language"), tag.error, tag.hint);
    }
    SourceRange source_at;
    dataset.source = optional_text(reader, "source", limits::kSourceText, source_at);
    reader.finish();
  }

  // `[vocabulary]`: the dataset's own kinds (lowercase) and, if given, the
  // only milestone labels it uses.
  void read_vocabulary(const toml::table& table, Vocabulary& vocabulary) {
    TableReader reader(table, "[vocabulary]", source_, diagnostics_, line_shift_);
    vocabulary.kinds = words(reader, "kinds", true);
    vocabulary.labels = words(reader, "labels", false);
    reader.finish();
  }

  // A list of distinct, non-empty one-line words; lowercase if `lowercase`.
  std::vector<std::string> words(TableReader& reader, const std::string& key, bool lowercase) {
    const auto values = texts(reader, key, Need::optional, limits::kShortText);
    std::vector<std::string> out;
    if (!values) return out;
    for (size_t i = 0; i < values->size(); ++i) {
      const std::string& word = (*values)[i];
      if (word.empty() || is_blank(word)) continue;
      const SourceRange at = reader.element_position(key, i);
      if (lowercase && has_capitals(word)) {
        reader.error_at(at, "'" + key + "' are lowercase: \"" + excerpt(word) + "\" is not",
                        "write \"" + lowercased(word) + "\"");
      } else if (std::find(out.begin(), out.end(), word) != out.end()) {
        reader.error_at(at, "\"" + excerpt(word) + "\" is listed twice in '" + key + "'",
                        "remove it");
      } else {
        out.push_back(word);
      }
    }
    return out;
  }

  void check_kind(TableReader& reader, const Dataset& dataset, const std::string& kind) {
    if (kind.empty()) return;
    const std::vector<std::string> kinds = dataset.kinds();
    if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return;
    const SourceRange at = reader.value_position("kind");
    if (has_capitals(kind) &&
        std::find(kinds.begin(), kinds.end(), lowercased(kind)) != kinds.end()) {
      reader.error_at(at, "kinds are lowercase: \"" + excerpt(kind) + "\" is not",
                      "write \"" + lowercased(kind) + "\"");
      return;
    }
    reader.error_at(at, "unknown kind \"" + excerpt(kind) + "\"",
                    did_you_mean(kind, kinds,
                                 "the kinds are " + joined(kinds) +
                                     "; declare others in [vocabulary] kinds = [...]"));
  }

  void check_tags(TableReader& reader, const std::vector<std::string>& tags) {
    for (size_t i = 0; i < tags.size(); ++i) {
      const SourceRange at = reader.element_position("tags", i);
      if (has_capitals(tags[i])) {
        reader.error_at(at, "tags are lowercase: \"" + excerpt(tags[i]) + "\" is not",
                        "write \"" + lowercased(tags[i]) + "\"");
      } else if (!tags[i].empty() && std::find(tags.begin(), tags.begin() + static_cast<long>(i),
                                               tags[i]) != tags.begin() + static_cast<long>(i)) {
        reader.error_at(at, "duplicate tag \"" + excerpt(tags[i]) + "\"", "remove it");
      }
    }
  }

  void read_section(const toml::table& table, Dataset& dataset) {
    TableReader reader(table, "[[section]]", source_, diagnostics_, line_shift_);
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
      const bool later = std::find(all_section_ids_.begin(), all_section_ids_.end(),
                                   section.parent_id()) != all_section_ids_.end();
      if (later) {
        reader.error_at(reader.value_position("id"),
                        "section \"" + section.id + "\" comes before its parent section \"" +
                            section.parent_id() + "\"",
                        "move section \"" + section.parent_id() + "\" before it");
      } else {
        reader.error_at(reader.value_position("id"),
                        "section \"" + section.id + "\" has no parent: there is no section \"" +
                            section.parent_id() + "\"",
                        "add a [[section]] with id = \"" + section.parent_id() +
                            "\" before it, or renumber it");
      }
    }
    section.title = non_empty(reader, "title", limits::kShortText, &section.title_at);
    section.intro = optional_text(reader, "intro", limits::kLongText, section.intro_at);
    reader.finish();
    dataset.sections.push_back(std::move(section));
  }

  void read_item(const toml::table& table, Dataset& dataset) {
    TableReader reader(table, "[[item]]", source_, diagnostics_, line_shift_);
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
        reader.error_at(reader.value_position("section"),
                        "unknown section \"" + excerpt(*section) + "\"",
                        section_hint(*section, dataset));
      }
    }
    item.title = non_empty(reader, "title", limits::kShortText, &item.title_at);
    SourceRange short_title_at;
    item.short_title = optional_text(reader, "short_title", limits::kShortText, short_title_at);
    if (item.short_title.empty() && table.contains("short_title")) {
      reader.error_at(short_title_at, "short_title is empty", "leave it out or give a short name");
    }
    item.kind = non_empty(reader, "kind", limits::kShortText, &item.kind_at);
    check_kind(reader, dataset, item.kind);
    item.issuers = texts(reader, "issuers", Need::required, limits::kShortText)
                       .value_or(std::vector<std::string>{});
    item.issuers_at = element_ranges(reader, table, "issuers", item.issuers.size());
    item.summary = non_empty(reader, "summary", limits::kLongText, &item.summary_at);
    item.tags = texts(reader, "tags", Need::optional, limits::kShortText)
                    .value_or(std::vector<std::string>{});
    check_tags(reader, item.tags);
    item.highlight = reader.boolean("highlight").value_or(false);
    if (auto colour = reader.string("colour")) {
      Color parsed;
      if (colour->size() == 7 && parse_color(*colour, parsed))
        item.colour = parsed;
      else
        reader.error_at(reader.value_position("colour"),
                        "\"" + excerpt(*colour) + "\" is not a colour",
                        "write it as \"#rrggbb\", e.g. \"#aa3300\"");
    }
    for (const toml::table* milestone : reader.tables("milestone")) {
      read_milestone(*milestone, dataset.vocabulary, item);
    }
    for (const toml::table* link : reader.tables("link")) read_link(*link, item);
    for (const toml::table* note : reader.tables("note")) read_note(*note, item);
    reader.finish();
    dataset.items.push_back(std::move(item));
  }

  void read_milestone(const toml::table& table, const Vocabulary& vocabulary, Item& item) {
    TableReader reader(table, "[[item.milestone]]", source_, diagnostics_, line_shift_);
    Milestone milestone;
    milestone.position = reader.table_position();
    milestone.label = non_empty(reader, "label", limits::kShortText, &milestone.label_at);
    if (!vocabulary.labels.empty() && !milestone.label.empty() &&
        std::find(vocabulary.labels.begin(), vocabulary.labels.end(), milestone.label) ==
            vocabulary.labels.end()) {
      reader.error_at(reader.value_position("label"),
                      "label \"" + excerpt(milestone.label) + "\" is not in [vocabulary] labels",
                      did_you_mean(milestone.label, vocabulary.labels,
                                   "add it to [vocabulary] labels, or use one of " +
                                       joined(vocabulary.labels)));
    }
    auto when = date(reader, "date", Need::required);
    milestone.source_url = link_url(reader, "source", Need::optional).first;
    reader.finish();
    if (!when) return;
    milestone.date = *when;
    milestone.position = reader.value_position("date");
    if (!item.milestones.empty() &&
        !milestone_order_ok(item.milestones.back().date, milestone.date)) {
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
    TableReader reader(table, "[[item.link]]", source_, diagnostics_, line_shift_);
    Link link;
    std::tie(link.url, link.href) = link_url(reader, "url", Need::required);
    link.language_note = optional_text(reader, "language", limits::kShortText, link.language_at);
    link.footnote = footnote(reader, item.id);
    reader.finish();
    item.links.push_back(std::move(link));
  }

  void read_note(const toml::table& table, Item& item) {
    TableReader reader(table, "[[item.note]]", source_, diagnostics_, line_shift_);
    Note note;
    note.text = non_empty(reader, "text", limits::kLongText, &note.text_at);
    note.footnote = footnote(reader, item.id);
    reader.finish();
    item.notes.push_back(std::move(note));
  }

  // Where each string of the array `key` stands (as many as were read).
  static std::vector<SourceRange> element_ranges(const TableReader& reader,
                                                 const toml::table& table, const std::string& key,
                                                 size_t count) {
    std::vector<SourceRange> ranges;
    if (const auto* array = table.get_as<toml::array>(key)) {
      for (const toml::node& element : *array) {
        if (element.is_string()) ranges.push_back(reader.range_of(element));
      }
    }
    ranges.resize(count);
    return ranges;
  }

  // For an unknown section id: the id it was meant to be only when that is
  // clear (the same digits with a dot more or less: "13" for "1.3"; a
  // non-numeric id's close spelling), else the ids there are. Never a
  // number one digit away: "4" is not a misspelt "1".
  static std::string section_hint(const std::string& id, const Dataset& dataset) {
    std::vector<std::string> ids;
    for (const auto& s : dataset.sections) {
      if (std::find(ids.begin(), ids.end(), s.id) == ids.end()) ids.push_back(s.id);
    }
    const auto undotted = [](std::string text) {
      text.erase(std::remove(text.begin(), text.end(), '.'), text.end());
      return text;
    };
    for (const std::string& candidate : ids) {
      if (undotted(candidate) == undotted(id)) return "did you mean \"" + candidate + "\"?";
    }
    if (!is_section_id(id)) {
      if (const std::string close = closest_match(id, ids); !close.empty())
        return "did you mean \"" + close + "\"?";
    }
    if (ids.empty()) return {};
    if (ids.size() <= 12) return "the sections are " + joined(ids);
    return "the sections run from " + ids.front() + " to " + ids.back();
  }

  // The range of `length` bytes at `offset` into the string value `text`
  // that stands at `value`, when the source spells it out plainly on one
  // line (no escapes before it); otherwise the whole value.
  SourceRange inside_string(SourceRange value, std::string_view text, size_t offset,
                            size_t length) const {
    if (!value.known() || value.end_line != value.line) return value;
    std::string_view line = source_->text;
    for (int n = 1; n < value.line; ++n) {
      const size_t next = line.find('\n');
      if (next == std::string_view::npos) return value;
      line.remove_prefix(next + 1);
    }
    // Column counts code points: skip to the opening quote.
    size_t at = 0;
    for (int column = 1; column < value.column && at < line.size(); ++column) {
      at += character_length(line, at);
    }
    if (at >= line.size() || (line[at] != '"' && line[at] != '\'')) return value;
    const std::string_view body = line.substr(at + 1);
    if (body.substr(0, offset + length) != text.substr(0, offset + length)) return value;
    const int column =
        value.column + 1 + static_cast<int>(code_point_count(text.substr(0, offset)));
    return {value.line, column, value.line,
            column + static_cast<int>(code_point_count(text.substr(offset, length)))};
  }

  SourceRef source_;
  Diagnostics& diagnostics_;
  std::map<int64_t, std::string> footnotes_;  // footnote number → item id
  std::vector<std::string> all_section_ids_;  // as written, before any is checked
  int line_shift_ = 0;                        // of the [[item]] being read (TomlPieces)
};

}  // namespace

namespace {

DatasetLoad load_dataset_source(SourceRef source) {
  DatasetLoad result;
  result.source = std::move(source);
  std::optional<Dataset> dataset;
  // Many items: parsed and read a piece at a time (load/table_reader.h,
  // TomlPieces), so that the TOML tree of the whole file never exists.
  if (std::optional<TomlPieces> pieces = TomlPieces::open(result.source, "item")) {
    Diagnostics diagnostics;
    dataset = DatasetReader(result.source, diagnostics).read(pieces->first(), &*pieces);
    if (dataset) result.diagnostics = std::move(diagnostics);
  }
  if (!dataset) {
    const auto root = parse_toml(result.source, result.diagnostics);
    if (!root) return result;
    dataset = DatasetReader(result.source, result.diagnostics).read(*root);
  }
  dataset->file = result.source;
  result.diagnostics.sort_by_position();
  if (!result.diagnostics.has_errors()) result.dataset = std::move(dataset);
  return result;
}

}  // namespace

DatasetLoad load_dataset_text(std::string_view text, const std::string& file_name) {
  return load_dataset_source(make_source(file_name, std::string(text)));
}

DatasetLoad load_dataset_file(const std::string& path) {
  FileContents file = read_file(path);
  if (!file.ok()) {
    DatasetLoad result;
    result.source = make_source(path);
    result.diagnostics.error(result.source, {}, "cannot read the file: " + file.error);
    return result;
  }
  return load_dataset_source(make_source(path, std::move(file.bytes)));  // no copy of the text
}

}  // namespace briefing
