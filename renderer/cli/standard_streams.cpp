#include "cli/standard_streams.h"

#include <iterator>
#include <ostream>
#include <sstream>

#include "base/atomic_file.h"

namespace briefing::cli {

DatasetLoad load_dataset_argument(const std::string& path, CommandIo& io) {
  if (!is_standard_stream(path)) return load_dataset_file(path);
  std::ostringstream text;
  text << io.in.rdbuf();
  return load_dataset_text(text.str(), kStdinName);
}

OutputFormat output_format(const std::string& path, const std::string& format_option) {
  if (!format_option.empty()) {
    if (format_option == "png") return OutputFormat::png;
    if (format_option == "svg") return OutputFormat::svg;
    if (format_option == "pdf") return OutputFormat::pdf;
    throw UsageError("--format is png, svg or pdf, not '" + format_option + "'");
  }
  if (is_standard_stream(path)) {
    throw UsageError("give --format png|svg|pdf to write to standard output");
  }
  if (const auto format = format_for_path(path)) return *format;
  throw UsageError("cannot tell the format of '" + path +
                   "': use .png, .svg or .pdf, or give --format");
}

void write_output(const std::string& path, std::string_view bytes, CommandIo& io) {
  if (!is_standard_stream(path)) {
    write_file_atomically(path, bytes);
    return;
  }
  io.out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  io.out.flush();
  if (!io.out) throw std::runtime_error("cannot write to standard output");
}

OptionSpec format_option_spec(const std::vector<std::string>& formats) {
  std::string value_name;
  for (const std::string& format : formats) value_name += (value_name.empty() ? "" : "|") + format;
  OptionSpec spec{"format", 0, value_name,
                  "the output format, when OUT has no extension or is - (standard output)"};
  spec.choices = formats;
  return spec;
}

}  // namespace briefing::cli
