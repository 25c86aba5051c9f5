// Typed, located reads from a TOML++ table that record every problem.
// Shared by the dataset loader and the layout loaders.
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "load/diagnostic.h"

namespace briefing {

SourcePosition position_of(const toml::source_region& region);

/// Parses a TOML document; a syntax error becomes one located diagnostic.
std::optional<toml::table> parse_toml(std::string_view text, const std::string& file_name,
                                      Diagnostics& diagnostics);
SourcePosition position_of(const toml::node& node);

enum class Need { optional, required };

/// Reads the keys of one table. Every key asked for is "known"; `finish()`
/// reports the keys present but never asked for, with a "did you mean" hint.
class TableReader {
 public:
  /// `what` names the table in messages, e.g. "[[item]]" or "[dataset]".
  TableReader(const toml::table& table, std::string what, std::string file,
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

  /// Where `key` stands (the key itself), or the table's position if absent.
  SourcePosition key_position(const std::string& key) const;
  SourcePosition value_position(const std::string& key) const;
  /// Where element `index` of the array at `key` stands, or the key's value if none.
  SourcePosition element_position(const std::string& key, size_t index) const;
  SourcePosition table_position() const { return position_of(table_); }

  void error_at(SourcePosition at, std::string message, std::string hint = {});
  void finish();

  const std::string& file() const { return file_; }

 private:
  const toml::node* find(const std::string& key, Need need);
  void wrong_type(const std::string& key, const toml::node& node, const std::string& expected);

  const toml::table& table_;
  std::string what_;
  std::string file_;
  Diagnostics& diagnostics_;
  std::vector<std::string> known_;
};

/// "string", "integer", "table", ... for messages.
const char* toml_type_name(const toml::node& node);

/// "an integer", "a table".
std::string with_article(std::string_view noun);

/// Rejects control characters other than tab and newline.
bool has_control_characters(std::string_view text);

}  // namespace briefing
