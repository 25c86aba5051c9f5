#include "load/font_request_reader.h"

#include <filesystem>

#include "base/file_io.h"

namespace briefing {
namespace {

// A path as written, made absolute against the layout file's folder.
std::string beside_layout(const FontRequest& request, const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path written(path);
  if (written.is_absolute()) return written.lexically_normal().string();
  const fs::path layout_dir = fs::absolute(fs::path(request.source->name)).parent_path();
  return (layout_dir / written).lexically_normal().string();
}

void read_paths(TableReader& reader, const std::string& key, bool folders, FontRequest& request) {
  const auto values = reader.string_array(key);
  if (!values) return;
  for (const std::string& value : *values) {
    const SourceRange at = reader.value_position(key);
    if (value.empty()) {
      reader.error_at(at, "an empty path in '" + key + "'");
      continue;
    }
    const std::string path = beside_layout(request, value);
    std::error_code error;
    const bool ok = folders ? std::filesystem::is_directory(path, error)
                            : std::filesystem::is_regular_file(path, error);
    if (!ok) {
      reader.error_at(at,
                      std::string(folders ? "no font folder \"" : "no font file \"") + value +
                          "\" (looked for " + path + ")",
                      "paths in [fonts] are relative to the layout file's folder");
      continue;
    }
    request.paths.emplace_back(path, at);
  }
}

}  // namespace

void read_font_sources(TableReader& reader, FontRequest& request) {
  read_paths(reader, "dirs", true, request);
  read_paths(reader, "files", false, request);
  if (auto system = reader.boolean("system")) request.system = *system;
}

void read_font_family(TableReader& reader, const std::string& key, std::string& target,
                      FontRequest& request) {
  auto value = reader.string(key);
  if (!value) return;
  if (value->empty()) {
    reader.error_at(reader.value_position(key), "'" + key + "' is empty");
    return;
  }
  target = *value;
  request.families.emplace_back(*value, reader.value_position(key));
}

FontRequest read_layout_font_sources(const std::string& path, Diagnostics& diagnostics) {
  FontRequest request;
  const FileContents file = read_file(path);
  if (!file.ok()) {
    diagnostics.error(make_source(path), {}, "cannot read the layout file: " + file.error);
    return request;
  }
  request.source = make_source(path, file.bytes);
  const auto root = parse_toml(request.source, diagnostics);
  if (!root) return request;
  const toml::table* fonts = root->get_as<toml::table>("fonts");
  if (!fonts) return request;
  TableReader reader(*fonts, "[fonts]", request.source, diagnostics);
  read_font_sources(reader, request);
  // The families and other keys are the layout's own loader's to judge.
  for (const auto& [key, value] : *fonts) reader.know(std::string(key.str()));
  reader.finish();
  return request;
}

}  // namespace briefing
