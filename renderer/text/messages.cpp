#include "text/messages.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "base/data_paths.h"
#include "base/file_io.h"

namespace briefing {
namespace {

// "ja-JP" → "ja"; empty unless 2 to 8 ASCII letters (a dataset's language is
// data, and must never name a path).
std::string primary_subtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (!std::isalpha(static_cast<unsigned char>(c))) return "";
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out.size() >= 2 && out.size() <= 8 ? out : "";
}

toml::table read_catalogue(const std::string& path) {
  const FileContents file = read_file(path);
  if (!file.ok())
    throw std::runtime_error("cannot read the message catalogue " + path + ": " + file.error);
  try {
    return toml::parse(file.bytes, path);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error("the message catalogue " + path +
                             " is not valid TOML: " + std::string(e.description()));
  }
}

void replace_all(std::string& text, std::string_view name, const std::string& value) {
  const std::string placeholder = "{" + std::string(name) + "}";
  for (size_t at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + value.size())) {
    text.replace(at, placeholder.size(), value);
  }
}

void collect_keys(const toml::table& table, const std::string& prefix,
                  std::vector<std::string>& out) {
  for (const auto& [key, node] : table) {
    const std::string path =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const toml::table* inner = node.as_table()) {
      collect_keys(*inner, path, out);
    } else {
      out.push_back(path);
    }
  }
}

}  // namespace

Messages::Messages(std::string language, toml::table own, const toml::table* fallback)
    : language_(std::move(language)), own_(std::move(own)), fallback_(fallback) {}

const toml::node* Messages::find(std::string_view key) const {
  const toml::path path(key);
  if (const toml::node* node = own_.at_path(path).node()) return node;
  if (fallback_) return fallback_->at_path(path).node();
  return nullptr;
}

std::string Messages::get(std::string_view key, const MessageValues& values) const {
  const toml::node* node = find(key);
  const auto* text = node ? node->as_string() : nullptr;
  std::string out = text ? text->get() : std::string(key);
  for (const auto& [name, value] : values) replace_all(out, name, value);
  return out;
}

std::string Messages::count(std::string_view key, size_t n, const MessageValues& values) const {
  MessageValues all = values;
  all.emplace_back("n", std::to_string(n));
  return get(std::string(key) + (n == 1 ? ".one" : ".other"), all);
}

std::string Messages::month(int month) const {
  const toml::node* node = find("dates.months");
  const toml::array* names = node ? node->as_array() : nullptr;
  if (names && month >= 1 && static_cast<size_t>(month) <= names->size()) {
    if (auto name = (*names)[static_cast<size_t>(month - 1)].value<std::string>()) return *name;
  }
  return month_name(month);
}

std::string Messages::month_short(int month) const {
  const toml::node* node = find("dates.months_short");
  const toml::array* names = node ? node->as_array() : nullptr;
  if (names && month >= 1 && static_cast<size_t>(month) <= names->size()) {
    if (auto name = (*names)[static_cast<size_t>(month - 1)].value<std::string>()) return *name;
  }
  return month_abbreviation(month);
}

std::string Messages::format_date(const PartialDate& date, bool short_form) const {
  const MessageValues values = {
      {"year", std::to_string(date.year_value())},
      {"month_number", std::to_string(date.month_value())},
      {"day", std::to_string(date.day_value())},
      {"month", date.month_value() ? month(date.month_value()) : ""},
      {"month_short", date.month_value() ? month_short(date.month_value()) : ""}};
  switch (date.precision()) {
    case DatePrecision::year:
      return get("dates.year", values);
    case DatePrecision::month:
      return get(short_form ? "dates.month_short" : "dates.month", values);
    case DatePrecision::day:
      break;
  }
  return get(short_form ? "dates.day_short" : "dates.day", values);
}

std::string Messages::date(const PartialDate& date) const { return format_date(date, false); }
std::string Messages::date_short(const PartialDate& date) const { return format_date(date, true); }

std::string Messages::kind(const std::string& kind) const {
  const std::string key = "kinds." + kind;
  const toml::node* node = find(key);
  if (node && node->is_string()) return node->as_string()->get();
  return kind;
}

std::vector<std::string> Messages::keys() const {
  std::vector<std::string> out;
  collect_keys(own_, "", out);
  std::sort(out.begin(), out.end());
  return out;
}

std::string messages_directory() {
  return (std::filesystem::path(data_directory()) / "layouts" / "messages").string();
}

std::vector<std::string> catalogue_languages() {
  std::vector<std::string> out;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(messages_directory(), error)) {
    if (entry.path().extension() == ".toml") out.push_back(entry.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const Messages& messages_for(std::string_view language) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Messages>> loaded;
  static std::unique_ptr<toml::table> english;
  const std::lock_guard<std::mutex> lock(mutex);
  const std::string dir = messages_directory();
  if (!english) english = std::make_unique<toml::table>(read_catalogue(dir + "/en.toml"));
  std::string code = primary_subtag(language);
  std::error_code error;
  if (code.empty() || !std::filesystem::is_regular_file(dir + "/" + code + ".toml", error)) {
    code = "en";
  }
  auto& slot = loaded[code];
  if (!slot) {
    slot = code == "en" ? std::make_unique<Messages>(code, *english, nullptr)
                        : std::make_unique<Messages>(
                              code, read_catalogue(dir + "/" + code + ".toml"), english.get());
  }
  return *slot;
}

namespace {
std::string g_document_language = "en";
}

void set_document_language(std::string_view language) {
  g_document_language = std::string(language);
}

const Messages& document_messages() { return messages_for(g_document_language); }

}  // namespace briefing
