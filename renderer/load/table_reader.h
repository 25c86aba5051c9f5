// Typed, located reads from a TOML++ table that record every problem.
// Shared by the dataset loader and the layout loaders.
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/suggest.h"

namespace briefing {

/// The stretch of the file a node (or key) covers, for underlining.
SourceRange range_of(const toml::source_region& region);
SourceRange range_of(const toml::node& node);

/// Parses the TOML text of `source`; a syntax error becomes one located diagnostic.
std::optional<toml::table> parse_toml(const SourceRef& source, Diagnostics& diagnostics);

enum class Need { optional, required };

/// Reads the keys of one table. Every key asked for is "known"; `finish()`
/// reports the keys present but never asked for, with a "did you mean" hint.
class TableReader {
 public:
  /// `what` names the table in messages, e.g. "[[item]]" or "[dataset]".
  TableReader(const toml::table& table, std::string what, SourceRef source,
              Diagnostics& diagnostics);

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

  /// Where `key` stands (the key itself), or the table's header if absent.
  SourceRange key_position(const std::string& key) const;
  /// Where the value of `key` stands, or the table's header if absent.
  SourceRange value_position(const std::string& key) const;
  /// Where element `index` of the array at `key` stands, or the key's value if none.
  SourceRange element_position(const std::string& key, size_t index) const;
  /// The table's header ("[[item]]"), or its first key for an inline table.
  SourceRange table_position() const;

  void error_at(SourceRange at, std::string message, std::string hint = {});
  /// Counts `key` as known (for did-you-mean hints) without reading it.
  void know(const std::string& key);
  void finish();

  const SourceRef& source() const { return source_; }

 private:
  const toml::node* find(const std::string& key, Need need);
  void wrong_type(const std::string& key, const toml::node& node, const std::string& expected);

  const toml::table& table_;
  std::string what_;
  SourceRef source_;
  Diagnostics& diagnostics_;
  std::vector<std::string> known_;
};

/// "string", "integer", "table", ... for messages.
const char* toml_type_name(const toml::node& node);

/// "an integer", "a table".
std::string with_article(std::string_view noun);

/// True for text holding a control character other than tab and newline
/// (C0, DEL or C1).
bool has_control_characters(std::string_view text);

}  // namespace briefing
