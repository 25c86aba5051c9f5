#include "regenerate/history.h"

#include <cctype>
#include <filesystem>
#include <stdexcept>

#include "base/atomic_file.h"
#include "base/file_io.h"
#include "regenerate/writable_folder.h"

namespace briefing {
namespace {

namespace fs = std::filesystem;

fs::path history_folder(const BuildFile& build) {
  return fs::path(build.manifest_path).parent_path() / ".briefing-history";
}

/// write_file_atomically, with its error as text.
std::string write_snapshot(const std::string& path, const std::string& bytes) {
  try {
    write_file_atomically(path, bytes);
    return "";
  } catch (const std::exception& error) {
    return error.what();
  }
}

}  // namespace

HistoryFiles history_files(const BuildFile& build, const OutputSpec& output) {
  std::string key = output.path;
  for (char& c : key) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') c = '_';
  }
  const fs::path folder = history_folder(build);
  return {(folder / (key + ".rendered.toml")).string(), (folder / (key + ".base.toml")).string()};
}

HistoryPreparation prepare_history(const BuildFile& build, const OutputSpec& output) {
  HistoryPreparation preparation;
  preparation.error = writable_folder_error(history_folder(build).string());
  if (!preparation.error.empty()) return preparation;
  const HistoryFiles history = history_files(build, output);
  const auto current = read_text_file(output.file(output.data));
  const auto rendered = read_text_file(history.rendered);
  preparation.snapshot = current.value_or("");
  if (current && rendered && *rendered != *current) {
    preparation.error = write_snapshot(history.base, *rendered);
    if (!preparation.error.empty()) return preparation;
  }
  std::error_code error;
  if (fs::exists(history.base, error)) {
    preparation.render_arguments = {"--compare-with", history.base};
  }
  return preparation;
}

std::string record_history(const BuildFile& build, const OutputSpec& output,
                           const std::string& snapshot) {
  return write_snapshot(history_files(build, output).rendered, snapshot);
}

}  // namespace briefing
