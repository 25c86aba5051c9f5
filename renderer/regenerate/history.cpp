#include "regenerate/history.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <stdexcept>

#include "base/atomic_file.h"
#include "base/file_io.h"
#include "model/partial_date.h"
#include "paint/document_writer.h"
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
    if (output.kind == OutputKind::report) {
      preparation.render_arguments.insert(preparation.render_arguments.end(),
                                          {"--compare-name", kPreviousRenderName});
    }
  }
  return preparation;
}

std::string record_history(const BuildFile& build, const OutputSpec& output,
                           const std::string& snapshot) {
  return write_snapshot(history_files(build, output).rendered, snapshot);
}

std::string baseline_folder(const std::string& manifest) {
  return (fs::path(manifest).parent_path() / ".briefing-baseline").string();
}

std::string baseline_copy(const std::string& folder, const std::string& data) {
  std::string key = data;
  for (char& c : key) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') c = '_';
  }
  return (fs::path(folder) / key).string();
}

static std::string recorded_file(const std::string& folder) {
  return (fs::path(folder) / "recorded-at").string();
}

std::string baseline_recorded_at(const std::string& folder) {
  std::string text = read_text_file(recorded_file(folder)).value_or("");
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  return text;
}

std::string baseline_name(const std::string& recorded_at) {
  const auto day = PartialDate::parse(recorded_at.substr(0, 10));
  return "the baseline recorded on " + (day ? day->format() : recorded_at);
}

BaselineRecord record_baseline(const BuildFile& build) {
  BaselineRecord record;
  // manifest_path is valid from the current directory: so is this folder.
  const std::string folder = baseline_folder(build.manifest_path);
  record.error = writable_folder_error(folder);
  if (!record.error.empty()) return record;
  std::vector<std::pair<std::string, std::string>> copies;  // target, bytes
  for (const OutputSpec& output : build.outputs) {
    if (std::find(record.datasets.begin(), record.datasets.end(), output.data) !=
        record.datasets.end())
      continue;
    const FileContents file = read_file(output.file(output.data));
    if (!file.ok()) {
      record.error = "cannot read " + output.file(output.data) + ": " + file.error;
      return record;
    }
    record.datasets.push_back(output.data);
    copies.emplace_back(baseline_copy(folder, output.data), file.bytes);
  }
  for (const auto& [target, bytes] : copies) {
    record.error = write_snapshot(target, bytes);
    if (!record.error.empty()) return record;
  }
  // The time last: a baseline with no time is one that was never recorded.
  record.recorded_at = iso8601_utc(reproducible_time(std::time(nullptr)));
  record.error = write_snapshot(recorded_file(folder), record.recorded_at + "\n");
  return record;
}

}  // namespace briefing
