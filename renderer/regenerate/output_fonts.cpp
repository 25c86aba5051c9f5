#include "regenerate/output_fonts.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "load/layout_paths.h"
#include "load/report_style_loader.h"
#include "load/timeline_style_loader.h"

namespace briefing {

std::vector<FontRequest> output_font_requests(const OutputSpec& output) {
  std::vector<FontRequest> requests;
  const std::string layout = output.layout_file();
  if (layout.empty()) return requests;  // the renderer's default preset: bundled fonts
  Diagnostics ignored;                  // a broken layout is the renderer's to report
  if (output.kind == OutputKind::timeline) {
    if (const auto style = load_timeline_style(layout, ignored)) requests.push_back(style->fonts);
    return requests;
  }
  const auto style = load_report_style(layout, ignored);
  if (!style) return requests;
  requests.push_back(style->fonts);
  if (style->figure) {
    const std::string beside = std::filesystem::path(layout).parent_path().string();
    if (const auto figure =
            load_timeline_style(resolve_layout_path(style->figure_layout, beside), ignored)) {
      requests.push_back(figure->fonts);
    }
  }
  return requests;
}

std::vector<std::string> requested_font_files(const std::vector<FontRequest>& requests) {
  std::vector<std::string> files;
  for (const FontRequest& request : requests) {
    for (const auto& named : request.paths) {
      const std::string& path = named.first;
      std::error_code error;
      if (!std::filesystem::is_directory(path, error)) {
        files.push_back(path);
        continue;
      }
      for (auto it = std::filesystem::recursive_directory_iterator(path, error);
           !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_regular_file(error)) files.push_back(it->path().string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

}  // namespace briefing
