#include "load/table_reader.h"

#include <algorithm>

#include "load/toml_guard.h"

namespace briefing {

SourceRange range_of(const toml::source_region& region) {
  return {static_cast<int>(region.begin.line), static_cast<int>(region.begin.column),
          static_cast<int>(region.end.line), static_cast<int>(region.end.column)};
}

SourceRange range_of(const toml::node& node) { return range_of(node.source()); }

namespace {

bool before(SourceRange a, SourceRange b) {
  return a.line != b.line ? a.line < b.line : a.column < b.column;
}

// Puts back what stand-ins replaced, in every string of the tree. Walks with
// a stack: dotted keys can nest tables deeper than the call stack goes.
void restore_stand_ins(toml::table& root, const DefusedToml& defused) {
  std::vector<toml::node*> pending{&root};
  while (!pending.empty()) {
    toml::node* node = pending.back();
    pending.pop_back();
    if (auto* table = node->as_table()) {
      for (auto& entry : *table) pending.push_back(&entry.second);
    } else if (auto* array = node->as_array()) {
      for (auto& element : *array) pending.push_back(&element);
    } else if (auto* string = node->as_string()) {
      for (const auto& [stand_in, original] : defused.stand_ins) {
        replace_all(string->get(), stand_in, original);
      }
    }
  }
}

}  // namespace

std::optional<toml::table> parse_toml(const SourceRef& source, Diagnostics& diagnostics) {
  const std::string_view text = source->text;
  // toml++ 3.3.0 never sees what would trip it (load/toml_guard.h).
  const std::vector<TomlHazard> hazards = find_toml_hazards(text);
  const DefusedToml defused = hazards.empty() ? DefusedToml{} : defuse_toml(text, hazards);
  const auto report_hazard = [&] {
    diagnostics.error(source, defused.error->at, defused.error->message(), defused.error->hint());
  };
  try {
    toml::table root =
        toml::parse(hazards.empty() ? text : std::string_view(defused.text), source->name);
    if (defused.error) {
      report_hazard();
      return std::nullopt;
    }
    if (!defused.stand_ins.empty()) restore_stand_ins(root, defused);
    return root;
  } catch (const toml::parse_error& error) {
    // toml++'s own error stands if it comes first: the hazard is defused as
    // a character that toml++ rejects, so it never comes later.
    const SourceRange at = range_of(error.source());
    if (defused.error && !before(at, defused.error->own_error_before)) {
      report_hazard();
    } else {
      diagnostics.error(source, at, std::string(error.description()));
    }
    return std::nullopt;
  }
}

const char* toml_type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "table";
    case toml::node_type::array:
      return "array";
    case toml::node_type::string:
      return "string";
    case toml::node_type::integer:
      return "integer";
    case toml::node_type::floating_point:
      return "float";
    case toml::node_type::boolean:
      return "boolean";
    case toml::node_type::date:
      return "date";
    case toml::node_type::time:
      return "time";
    case toml::node_type::date_time:
      return "date-time";
    default:
      return "nothing";
  }
}

std::string with_article(std::string_view noun) {
  const bool vowel =
      !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
  return std::string(vowel ? "an " : "a ") + std::string(noun);
}

bool has_control_characters(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    if ((u < 0x20 && u != '\n' && u != '\t') || u == 0x7F) return true;
    // C1 controls, U+0080-U+009F: 0xC2 0x80-0x9F in UTF-8.
    if (u == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;
    }
  }
  return false;
}

TableReader::TableReader(const toml::table& table, std::string what, SourceRef source,
                         Diagnostics& diagnostics)
    : table_(table),
      what_(std::move(what)),
      source_(std::move(source)),
      diagnostics_(diagnostics) {}

void TableReader::error_at(SourceRange at, std::string message, std::string hint) {
  diagnostics_.error(source_, at, std::move(message), std::move(hint));
}

SourceRange TableReader::table_position() const {
  // TOML++ places a table at its header; a point, as the header's extent is unknown.
  SourceRange at = range_of(table_);
  at.end_line = 0;
  return at;
}

SourceRange TableReader::key_position(const std::string& key) const {
  for (const auto& [k, v] : table_) {
    if (k.str() == key) return range_of(k.source());
  }
  return table_position();
}

SourceRange TableReader::value_position(const std::string& key) const {
  if (const toml::node* node = table_.get(key)) return range_of(*node);
  return table_position();
}

SourceRange TableReader::element_position(const std::string& key, size_t index) const {
  if (const toml::node* node = table_.get(key)) {
    if (const auto* array = node->as_array(); array && index < array->size()) {
      return range_of(*array->get(index));
    }
  }
  return value_position(key);
}

void TableReader::know(const std::string& key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.push_back(key);
}

const toml::node* TableReader::find(const std::string& key, Need need) {
  know(key);
  const toml::node* node = table_.get(key);
  if (!node && need == Need::required) {
    error_at(table_position(), what_ + " is missing the required key '" + key + "'");
  }
  return node;
}

void TableReader::wrong_type(const std::string& key, const toml::node& node,
                             const std::string& expected) {
  error_at(range_of(node),
           "'" + key + "' must be " + expected + ", not " + with_article(toml_type_name(node)));
}

std::optional<std::string> TableReader::string(const std::string& key, Need need) {
  const toml::node* node = find(key, need);
  if (!node) return std::nullopt;
  const auto* value = node->as_string();
  if (!value) {
    wrong_type(key, *node, "a string");
    return std::nullopt;
  }
  const std::string& text = value->get();
  if (has_control_characters(text)) {
    error_at(range_of(*node), "'" + key + "' contains a control character");
    return std::nullopt;
  }
  return text;
}

std::optional<bool> TableReader::boolean(const std::string& key, Need need) {
  const toml::node* node = find(key, need);
  if (!node) return std::nullopt;
  if (const auto* value = node->as_boolean()) return value->get();
  wrong_type(key, *node, "true or false");
  return std::nullopt;
}

std::optional<int64_t> TableReader::integer(const std::string& key, Need need) {
  const toml::node* node = find(key, need);
  if (!node) return std::nullopt;
  if (const auto* value = node->as_integer()) return value->get();
  wrong_type(key, *node, "an integer");
  return std::nullopt;
}

std::optional<double> TableReader::number(const std::string& key, Need need) {
  const toml::node* node = find(key, need);
  if (!node) return std::nullopt;
  if (const auto* value = node->as_integer()) return static_cast<double>(value->get());
  if (const auto* value = node->as_floating_point()) return value->get();
  wrong_type(key, *node, "a number");
  return std::nullopt;
}

std::optional<std::vector<std::string>> TableReader::string_array(const std::string& key,
                                                                  Need need) {
  const toml::node* node = find(key, need);
  if (!node) return std::nullopt;
  const auto* array = node->as_array();
  if (!array) {
    wrong_type(key, *node, "an array of strings");
    return std::nullopt;
  }
  std::vector<std::string> values;
  for (const toml::node& element : *array) {
    const auto* text = element.as_string();
    if (!text) {
      error_at(range_of(element), "'" + key + "' must hold only strings, not " +
                                      with_article(toml_type_name(element)));
      continue;
    }
    if (has_control_characters(text->get())) {
      error_at(range_of(element), "'" + key + "' contains a control character");
      continue;
    }
    values.push_back(text->get());
  }
  return values;
}

const toml::table* TableReader::table(const std::string& key, Need need) {
  const toml::node* node = find(key, need);
  if (!node) return nullptr;
  if (const auto* value = node->as_table()) return value;
  wrong_type(key, *node, "a table");
  return nullptr;
}

std::vector<const toml::table*> TableReader::tables(const std::string& key, Need need) {
  std::vector<const toml::table*> result;
  const toml::node* node = find(key, need);
  if (!node) return result;
  const auto* array = node->as_array();
  if (!array) {
    wrong_type(key, *node, "an array of tables ([[" + key + "]])");
    return result;
  }
  for (const toml::node& element : *array) {
    if (const auto* table = element.as_table()) {
      result.push_back(table);
    } else {
      error_at(range_of(element),
               "'" + key + "' must hold only tables, not " + with_article(toml_type_name(element)));
    }
  }
  return result;
}

void TableReader::finish() {
  for (const auto& [key, value] : table_) {
    const std::string name(key.str());
    if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
    const std::string suggestion = closest_match(name, known_);
    error_at(range_of(key.source()), "unknown key '" + name + "' in " + what_,
             suggestion.empty() ? std::string() : "did you mean '" + suggestion + "'?");
  }
}

}  // namespace briefing
