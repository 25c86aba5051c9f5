#include "import/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace briefing {
namespace {

struct Collector {
  std::vector<CsvRow> rows;
  std::vector<std::string> cells;
  int records = 0;  // including skipped blank ones
};

void on_field(void* data, size_t size, void* context) {
  auto& collector = *static_cast<Collector*>(context);
  collector.cells.emplace_back(data ? static_cast<const char*>(data) : "", data ? size : 0);
}

void on_record(int, void* context) {
  auto& collector = *static_cast<Collector*>(context);
  ++collector.records;
  const bool blank = std::all_of(collector.cells.begin(), collector.cells.end(),
                                 [](const std::string& cell) { return cell.empty(); });
  if (!blank) collector.rows.push_back({collector.records, std::move(collector.cells)});
  collector.cells.clear();
}

/// The byte offset of the first invalid UTF-8 sequence, or npos.
size_t invalid_utf8_at(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (length == 0 || (length > 1 && c < 0xC2) || i + length > text.size()) return i;
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

struct ParserDeleter {
  void operator()(csv_parser* parser) const {
    csv_free(parser);
    delete parser;
  }
};

}  // namespace

std::optional<char> delimiter_for_path(const std::string& path) {
  const auto dot = path.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  std::string extension = path.substr(dot + 1);
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == "csv") return ',';
  if (extension == "tsv" || extension == "tab") return '\t';
  return std::nullopt;
}

std::vector<CsvRow> read_csv(std::string_view text, char delimiter, const SourceRef& source,
                             Diagnostics& diagnostics) {
  if (text.size() >= 2 &&
      ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    diagnostics.error(source, {}, "the file is UTF-16 text, not UTF-8",
                      "save it as \"CSV UTF-8 (Comma delimited)\" (Excel) or with UTF-8 encoding");
    return {};
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // Excel's UTF-8 mark
  if (const size_t bad = invalid_utf8_at(text); bad != std::string_view::npos) {
    const int row =
        1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n'));
    diagnostics.error(
        source, {row, 1},
        "the file is not UTF-8 text (invalid byte at line " + std::to_string(row) + ")",
        "save it as \"CSV UTF-8\"; Windows-1252 or Latin-1 files must be converted");
    return {};
  }
  std::unique_ptr<csv_parser, ParserDeleter> parser(new csv_parser{});
  // Strict: a stray quote inside an unquoted cell is an error, not guessed at.
  if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    throw std::runtime_error("cannot start the CSV parser");
  }
  csv_set_delim(parser.get(), static_cast<unsigned char>(delimiter));
  Collector collector;
  const size_t parsed =
      csv_parse(parser.get(), text.data(), text.size(), on_field, on_record, &collector);
  int status = parsed == text.size() ? 0 : csv_error(parser.get());
  if (status == 0)
    status =
        csv_fini(parser.get(), on_field, on_record, &collector) == 0 ? 0 : csv_error(parser.get());
  if (status != 0) {
    const int row = collector.records + 1;
    diagnostics.error(source, {row, 1},
                      status == CSV_EPARSE
                          ? "a quote in row " + std::to_string(row) +
                                " is not closed or stands inside an unquoted cell"
                          : std::string("cannot read the table: ") + csv_strerror(status),
                      "quote a cell that holds quotes, the delimiter or line breaks, and double "
                      "the quotes inside it (\"say \"\"yes\"\"\")");
  }
  return collector.rows;
}

std::string csv_record(const std::vector<std::string>& cells, char delimiter) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += delimiter;
    // csv_write quotes the cell and doubles its quotes; it needs at most 2n+2 bytes.
    std::string buffer(cells[i].size() * 2 + 2, '\0');
    const size_t written =
        csv_write(buffer.data(), buffer.size(), cells[i].data(), cells[i].size());
    buffer.resize(written);
    out += buffer;
  }
  return out + "\r\n";
}

}  // namespace briefing
