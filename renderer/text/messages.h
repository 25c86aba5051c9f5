// The words a report and a timeline add around the data ("Contents",
// "Page 2 of 3", kind names, dates), in the report's language: one message
// catalogue per language, layouts/messages/LANG.toml, read once per process.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/partial_date.h"

namespace briefing {

/// Values for a message's {name} placeholders.
using MessageValues = std::vector<std::pair<std::string_view, std::string>>;

class Messages {
 public:
  /// `own` is the language's catalogue, `fallback` English (the same table
  /// for English itself).
  Messages(std::string language, toml::table own, const toml::table* fallback);

  /// The catalogue's language ("en", "ja").
  const std::string& language() const { return language_; }

  /// The message at a dotted key ("parts.contents"), each {name} replaced by
  /// its value; English when this catalogue lacks it, the key itself when
  /// neither has it (so a missing message shows, and a test can find it).
  std::string get(std::string_view key, const MessageValues& values = {}) const;
  /// A counted message: KEY.one for 1, KEY.other otherwise, with {n} = `n`.
  std::string count(std::string_view key, size_t n, const MessageValues& values = {}) const;

  /// A date at its own precision: "21 May 2024", "May 2024", "2024" in
  /// English; "2024年5月21日", "2024年5月", "2024年" in Japanese.
  std::string date(const PartialDate& date) const;
  /// The short form for tight spaces: "21 May 2024" → "21 May 2024" with the
  /// abbreviated month ("Sep").
  std::string date_short(const PartialDate& date) const;
  std::string month(int month) const;        // 1..12
  std::string month_short(int month) const;  // 1..12
  /// An item kind's name ("law" → "Law", "法律"); an unknown kind as written.
  std::string kind(const std::string& kind) const;

  /// Every dotted key with a text value, sorted (for checking catalogues).
  std::vector<std::string> keys() const;

 private:
  const toml::node* find(std::string_view key) const;
  std::string format_date(const PartialDate& date, bool short_form) const;

  std::string language_;
  toml::table own_;
  const toml::table* fallback_;
};

/// The folder of the catalogues: data_directory()/layouts/messages.
std::string messages_directory();

/// The catalogue for a BCP 47 language tag, by its primary subtag ("ja-JP" →
/// ja.toml); English when there is none. Read once per language and kept.
/// Throws std::runtime_error when a catalogue cannot be read or parsed.
const Messages& messages_for(std::string_view language);

/// The catalogue of the document being laid out (set by layout_report and
/// layout_timeline), for the timeline's tick labels, dates and legend.
void set_document_language(std::string_view language);
const Messages& document_messages();

/// The languages that have a catalogue ("en", "ja", ...), sorted.
std::vector<std::string> catalogue_languages();

}  // namespace briefing
