// Typed, located reads from a TOML++ table that record every problem.
// Shared by the dataset loader and the layout loaders.
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/suggest.h"
#include "load/toml_guard.h"

namespace briefing {

/// The stretch of the file a node (or key) covers, for underlining.
SourceRange range_of(const toml::source_region& region);
SourceRange range_of(const toml::node& node);

/// Parses the TOML text of `source`; a syntax error becomes one located diagnostic.
std::optional<toml::table> parse_toml(const SourceRef& source, Diagnostics& diagnostics);

/// A document parsed as pieces (parse_toml_in_pieces()): the same tree as
/// parse_toml() gives, but toml++ counted the lines of each piece from 1.
struct PiecewiseToml {
  toml::table root;
  // For each element of the root's array of tables: the lines to add to
  // the positions toml++ gave the nodes inside it (0 for a whole parse).
  std::vector<int> line_shifts;
};

/// As parse_toml(), for a document of many `[[name]]` tables: toml++ 3.3.0
/// looks up every array of tables among all of the document's for each
/// `[[...]]` header, a cost that grows with the square of the number of
/// items; parsed in pieces of a few dozen items, it is linear. Any piece
/// that is not just `[[name]]` tables, or that toml++ rejects, makes it
/// parse the whole text as parse_toml() does, for the same located error.
std::optional<PiecewiseToml> parse_toml_in_pieces(const SourceRef& source, Diagnostics& diagnostics,
                                                  const std::string& name);

/// The pieces of a document of many `[[name]]` tables (see
/// parse_toml_in_pieces()), parsed one at a time so that a reader may drop
/// each after reading it.
class TomlPieces {
 public:
  /// Nothing when the text is to be parsed whole: a hazard, a few headers
  /// only, or a first piece that toml++ rejects or that holds `name` as
  /// something else than an array of tables.
  static std::optional<TomlPieces> open(const SourceRef& source, const std::string& name);

  /// Everything before the second `[[name]]` header (at line 1: no shift).
  toml::table& first() { return first_; }

  enum class Next { piece, done, whole };
  /// The next piece into `piece`: a root holding only the array `name`, of
  /// tables whose positions are `line_shift` lines early. `whole` when it
  /// is anything else, or toml++ rejects it: the whole text then has to be
  /// parsed, for the meaning or the error that it gives.
  Next next(toml::table& piece, int& line_shift);

 private:
  // One piece as toml++ parsed it: nothing when toml++ rejected it.
  using Parsed = std::optional<toml::table>;
  // The bytes [begin, end) of the piece whose first header is starts_[first].
  std::pair<size_t, size_t> span(size_t first) const;
  // Parses those bytes of `source`'s text.
  static Parsed parse_piece(const SourceRef& source, size_t begin, size_t end);

  TomlPieces(SourceRef source, std::string name, std::vector<TomlHeaderStart> starts,
             toml::table first)
      : source_(std::move(source)),
        name_(std::move(name)),
        starts_(std::move(starts)),
        first_(std::move(first)) {}

  SourceRef source_;
  std::string name_;
  std::vector<TomlHeaderStart> starts_;
  toml::table first_;
  size_t next_ = 1;  // index in starts_ of the next piece's first header
};

enum class Need { optional, required };

/// Reads the keys of one table. Every key asked for is "known"; `finish()`
/// reports the keys present but never asked for, with a "did you mean" hint.
class TableReader {
 public:
  /// `what` names the table in messages, e.g. "[[item]]" or "[dataset]".
  /// `line_shift`: lines to add to toml++'s positions (PiecewiseToml).
  TableReader(const toml::table& table, std::string what, SourceRef source,
              Diagnostics& diagnostics, int line_shift = 0);
  /// Reports what finish() would, if it was not called.
  ~TableReader();
  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;

  std::optional<std::string> string(const std::string& key, Need need = Need::optional);
  std::optional<bool> boolean(const std::string& key, Need need = Need::optional);
  std::optional<int64_t> integer(const std::string& key, Need need = Need::optional);
  /// Accepts integers and floats.
  std::optional<double> number(const std::string& key, Need need = Need::optional);
  std::optional<std::vector<std::string>> string_array(const std::string& key,
                                                       Need need = Need::optional);
  const toml::table* table(const std::string& key, Need need = Need::optional);
  /// An array of tables (`[[key]]`); empty when absent.
  std::vector<const toml::table*> tables(const std::string& key, Need need = Need::optional);

  /// The node at `key` (counting it as known), or null: for checks of
  /// their own before a typed read.
  const toml::node* peek(const std::string& key);

  /// Where `key` stands (the key itself), or the table's header if absent.
  SourceRange key_position(const std::string& key) const;
  /// Where the value of `key` stands, or the table's header if absent.
  SourceRange value_position(const std::string& key) const;
  /// Where element `index` of the array at `key` stands, or the key's value if none.
  SourceRange element_position(const std::string& key, size_t index) const;
  /// The table's header ("[[item]]"), or its first key for an inline table.
  SourceRange table_position() const;

  /// Where `node` (of this table) stands in the file.
  SourceRange range_of(const toml::node& node) const { return shifted(briefing::range_of(node)); }

  void error_at(SourceRange at, std::string message, std::string hint = {});
  /// Counts `key` as known (for did-you-mean hints) without reading it.
  void know(const std::string& key);
  /// Reports the unknown keys and the missing required ones, one message
  /// per mistake: a misspelt required key (`sumary`) is one error at the
  /// misspelling, not also "missing 'summary'".
  void finish();

  const SourceRef& source() const { return source_; }

 private:
  const toml::node* find(const std::string& key, Need need);
  void wrong_type(const std::string& key, const toml::node& node, const std::string& expected);

  SourceRange shifted(SourceRange at) const;

  const toml::table& table_;
  int line_shift_ = 0;
  std::string what_;
  SourceRef source_;
  Diagnostics& diagnostics_;
  std::vector<std::string> known_;
  std::vector<std::string> missing_;  // required keys asked for but absent
  bool finished_ = false;
};

/// "string", "integer", "table", ... for messages.
const char* toml_type_name(const toml::node& node);

/// "an integer", "a table".
std::string with_article(std::string_view noun);

/// True for text holding a control character other than tab and newline
/// (C0, DEL or C1).
bool has_control_characters(std::string_view text);

}  // namespace briefing
