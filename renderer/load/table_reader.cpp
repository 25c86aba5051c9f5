#include "load/table_reader.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "base/terminal_text.h"
#include "base/utf8.h"
#include "load/toml_guard.h"
#include "load/toml_messages.h"

namespace briefing {

SourceRange range_of(const toml::source_region& region) {
  return {static_cast<int>(region.begin.line), static_cast<int>(region.begin.column),
          static_cast<int>(region.end.line), static_cast<int>(region.end.column)};
}

SourceRange range_of(const toml::node& node) { return range_of(node.source()); }

namespace {

/// Line `n` (1-based) of `source`, without its newline; nullopt past the
/// end. The byte offsets of the lines of the file asked last are kept (per
/// thread, while the file lives): a dataset of thousands of tables asks
/// for each table's line, and scanning from the start every time cost the
/// square of the file's size.
std::optional<std::string_view> source_line(const SourceRef& source, int n) {
  thread_local std::weak_ptr<const SourceFile> indexed;
  thread_local std::vector<size_t> starts;  // byte offset of each line
  if (indexed.lock() != source) {
    starts.assign(1, 0);
    const std::string& text = source->text;
    for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
      starts.push_back(at + 1);
    }
    indexed = source;
  }
  if (n < 1 || static_cast<size_t>(n) > starts.size()) return std::nullopt;
  std::string_view line = source->text;
  line.remove_prefix(starts[static_cast<size_t>(n) - 1]);
  return line.substr(0, line.find('\n'));
}

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
      const TomlMessage ours = toml_error_in_our_words(error.description(), text, at);
      diagnostics.error(source, ours.at, ours.message, ours.hint);
    }
    return std::nullopt;
  }
}

namespace {

// A few dozen headers per piece: toml++'s search stays short, and each
// parse's set-up is spread over many items.
constexpr size_t kHeadersPerPiece = 32;

}  // namespace

std::optional<TomlPieces> TomlPieces::open(const SourceRef& source, const std::string& name) {
  const std::string_view text = source->text;
  TomlScan scan = scan_toml(text, name);
  if (!scan.hazards.empty() || scan.headers.size() <= kHeadersPerPiece) return std::nullopt;
  try {
    toml::table first = toml::parse(text.substr(0, scan.headers[1].offset), source->name);
    const toml::array* array = first.get_as<toml::array>(name);
    if (!array || !array->is_array_of_tables()) return std::nullopt;
    return TomlPieces(source, name, std::move(scan.headers), std::move(first));
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
}

std::pair<size_t, size_t> TomlPieces::span(size_t first) const {
  const size_t last = std::min(first + kHeadersPerPiece, starts_.size());
  return {starts_[first].offset,
          last < starts_.size() ? starts_[last].offset : source_->text.size()};
}

TomlPieces::Parsed TomlPieces::parse_piece(const SourceRef& source, size_t begin, size_t end) {
  const std::string_view text = source->text;
  try {
    // No file name: toml++ would give each node of the piece a counted
    // reference to it, and the positions used are the line and column only
    // (a rejected piece is parsed again whole, with the name, for the error).
    return toml::parse(text.substr(begin, end - begin));
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
}

TomlPieces::Next TomlPieces::next(toml::table& piece, int& line_shift) {
  if (next_ >= starts_.size()) return Next::done;
  const size_t first = next_;
  next_ = std::min(first + kHeadersPerPiece, starts_.size());
  const auto [begin, end] = span(first);
  Parsed parsed = parse_piece(source_, begin, end);
  if (!parsed) return Next::whole;
  piece = std::move(*parsed);
  // Only `[[name]]` tables (and tables inside them): anything else might
  // have meant something else in the whole document.
  const toml::array* array = piece.get_as<toml::array>(name_);
  if (piece.size() != 1 || !array || !array->is_array_of_tables()) return Next::whole;
  line_shift = starts_[first].line - 1;
  return Next::piece;
}

std::optional<PiecewiseToml> parse_toml_in_pieces(const SourceRef& source, Diagnostics& diagnostics,
                                                  const std::string& name) {
  const auto whole = [&]() -> std::optional<PiecewiseToml> {
    std::optional<toml::table> root = parse_toml(source, diagnostics);
    if (!root) return std::nullopt;
    PiecewiseToml parsed{std::move(*root), {}};
    if (const auto* array = parsed.root.get_as<toml::array>(name)) {
      parsed.line_shifts.assign(array->size(), 0);
    }
    return parsed;
  };
  std::optional<TomlPieces> pieces = TomlPieces::open(source, name);
  if (!pieces) return whole();
  PiecewiseToml parsed{std::move(pieces->first()), {}};  // moved: a copy loses the positions
  toml::array* all = parsed.root.get_as<toml::array>(name);
  parsed.line_shifts.assign(all->size(), 0);
  toml::table piece;
  int line_shift = 0;
  for (;;) {
    const TomlPieces::Next next = pieces->next(piece, line_shift);
    if (next == TomlPieces::Next::done) break;
    if (next == TomlPieces::Next::whole) return whole();
    for (toml::node& element : *piece.get_as<toml::array>(name)) {
      all->push_back(std::move(*element.as_table()));  // keeps its positions
      parsed.line_shifts.push_back(line_shift);
    }
  }
  return parsed;
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
                         Diagnostics& diagnostics, int line_shift)
    : table_(table),
      line_shift_(line_shift),
      what_(std::move(what)),
      source_(std::move(source)),
      diagnostics_(diagnostics) {}

SourceRange TableReader::shifted(SourceRange at) const {
  if (at.line > 0) at.line += line_shift_;
  if (at.end_line > 0) at.end_line += line_shift_;
  return at;
}

void TableReader::error_at(SourceRange at, std::string message, std::string hint) {
  diagnostics_.error(source_, at, std::move(message), std::move(hint));
}

SourceRange TableReader::table_position() const {
  // TOML++ places a table at its header, as a point: the header's extent
  // is the `[...]` or `[[...]]` on that line, when it starts there.
  SourceRange at = range_of(table_);
  at.end_line = 0;
  if (!at.known() || !source_) return at;
  const std::optional<std::string_view> found = source_line(source_, at.line);
  if (!found) return at;
  const std::string_view line = *found;
  const size_t start = byte_offset_of_column(line, at.column);
  if (start >= line.size() || line[start] != '[') return at;
  const bool array = line.substr(start, 2) == "[[";
  const size_t close = line.find(array ? "]]" : "]", start);
  if (close == std::string_view::npos) return at;
  const size_t end = close + (array ? 2 : 1);
  at.end_line = at.line;
  at.end_column = at.column + static_cast<int>(code_point_count(line.substr(start, end - start)));
  return at;
}

SourceRange TableReader::key_position(const std::string& key) const {
  for (const auto& [k, v] : table_) {
    if (k.str() == key) return shifted(briefing::range_of(k.source()));
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

const toml::node* TableReader::peek(const std::string& key) {
  know(key);
  return table_.get(key);
}

void TableReader::know(const std::string& key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.push_back(key);
}

const toml::node* TableReader::find(const std::string& key, Need need) {
  know(key);
  const toml::node* node = table_.get(key);
  if (!node && need == Need::required &&
      std::find(missing_.begin(), missing_.end(), key) == missing_.end()) {
    missing_.push_back(key);
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

TableReader::~TableReader() {
  if (!finished_) finish();
}

void TableReader::finish() {
  if (finished_) return;
  finished_ = true;
  std::vector<std::string> missing = missing_;
  for (const auto& [key, value] : table_) {
    const std::string name(key.str());
    if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
    // A required key that is missing is the likeliest intent; else any known key.
    std::string suggestion = closest_match(name, missing);
    const bool was_missing = !suggestion.empty();
    if (!was_missing) suggestion = closest_match(name, known_);
    if (was_missing) missing.erase(std::find(missing.begin(), missing.end(), suggestion));
    error_at(shifted(briefing::range_of(key.source())), "unknown key '" + name + "' in " + what_,
             suggestion.empty() ? std::string()
             : was_missing
                 ? "did you mean '" + suggestion + "'? (" + what_ + " needs it, and it is missing)"
                 : "did you mean '" + suggestion + "'?");
  }
  for (const std::string& key : missing) {
    error_at(table_position(), what_ + " is missing the required key '" + key + "'");
  }
}

}  // namespace briefing
