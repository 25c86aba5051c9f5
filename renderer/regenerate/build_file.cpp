#include "regenerate/build_file.h"

#include <filesystem>
#include <set>

#include "base/file_io.h"
#include "base/suggest.h"
#include "load/dataset_loader.h"
#include "load/layout_paths.h"
#include "load/report_style_loader.h"
#include "load/style_values.h"
#include "load/table_reader.h"
#include "load/timeline_request.h"
#include "load/timeline_style_loader.h"
#include "regenerate/history.h"

namespace briefing {
namespace {

constexpr const char* kDefaultTimelineLayout = "slide-16x9";
constexpr const char* kDefaultReportLayout = "briefing-a4";
constexpr const char* kDefaultFigureLayout = "report-figure";

std::string extension_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

class BuildFileReader {
 public:
  BuildFileReader(SourceRef source, std::string folder, Diagnostics& diagnostics)
      : source_(std::move(source)), folder_(std::move(folder)), diagnostics_(diagnostics) {}

  BuildFile read(const toml::table& root) {
    BuildFile build;
    build.path = source_->name;
    build.folder = folder_;
    TableReader reader(root, "the build file", source_, diagnostics_);
    const auto manifest = reader.string("manifest");
    manifest_ = manifest ? *manifest : "output/.briefing-manifest.json";
    build.manifest_path = join_path(folder_, manifest_);
    const auto tables = reader.tables("output", Need::required);
    if (tables.empty() && root.contains("output")) {
      reader.error_at(reader.key_position("output"), "the build file lists no [[output]]");
    }
    std::set<std::string> seen_paths;
    for (const toml::table* table : tables) {
      OutputSpec output = read_output(*table);
      if (!output.path.empty() && !seen_paths.insert(output.path).second) {
        diagnostics_.error(source_, output.position, "output '" + output.path + "' is listed twice",
                           "each output path may appear only once");
      }
      build.outputs.push_back(std::move(output));
    }
    reader.finish();
    return build;
  }

 private:
  OutputSpec read_output(const toml::table& table) {
    TableReader reader(table, "[[output]]", source_, diagnostics_);
    OutputSpec output;
    output.folder = folder_;
    output.position = reader.table_position();

    const auto kind = reader.string("kind", Need::required);
    if (kind == "timeline") {
      output.kind = OutputKind::timeline;
    } else if (kind == "report") {
      output.kind = OutputKind::report;
    } else if (kind) {
      reader.error_at(reader.value_position("kind"), "unknown output kind '" + *kind + "'",
                      "kind is \"report\" or \"timeline\"");
    }

    if (const auto path = reader.string("path", Need::required)) {
      const std::string ext = extension_of(*path);
      if (ext != ".pdf" && ext != ".png" && ext != ".svg") {
        reader.error_at(reader.value_position("path"),
                        "cannot tell the format of '" + *path + "' from its extension",
                        "use .pdf, .png or .svg");
      } else if (kind == "report" && ext != ".pdf") {
        reader.error_at(reader.value_position("path"), "a report is a PDF, not '" + ext + "'",
                        "name the output something.pdf");
      }
      output.path = *path;
    }
    if (const auto data = reader.string("data", Need::required)) {
      output.data = *data;
      output.data_at = reader.value_position("data");
    }
    const auto layout = reader.string("layout");
    if (layout && layout->empty()) {
      reader.error_at(reader.value_position("layout"), "the layout name is empty");
    }
    if (layout && !layout->empty()) {
      output.layout = *layout;
      output.layout_at = reader.value_position("layout");
    } else {
      output.layout = kind == "report" ? kDefaultReportLayout : kDefaultTimelineLayout;
    }
    // compare_with: a dataset file, "baseline" (recorded by `briefing
    // baseline`) or "previous" (the same as compare_with_previous = true).
    const auto compare = reader.string("compare_with");
    const auto previous = reader.boolean("compare_with_previous");
    if (previous == true && compare) {
      reader.error_at(reader.key_position("compare_with_previous"),
                      "'compare_with_previous' and 'compare_with' exclude each other",
                      "keep one: compare_with = \"previous\", \"baseline\" or an older dataset");
    }
    output.compare_with_previous = previous.value_or(false);
    if (compare == "baseline") {
      // The recorded baseline (regenerate/history.h); none yet: no change page.
      const std::string folder = baseline_folder(manifest_);
      const std::string recorded = baseline_recorded_at(join_path(folder_, folder));
      if (!recorded.empty() && !output.data.empty()) {
        output.compare_with = baseline_copy(folder, output.data);
        output.compare_name = baseline_name(recorded);
      }
    } else if (compare == "previous") {
      output.compare_with_previous = true;
    } else if (compare) {
      output.compare_with = *compare;
    }

    // Options of timelines only: described, parsed and checked once, in
    // load/timeline_request, for this file and the command line alike.
    const bool timeline = kind != "report";
    for (const TimelineOptionSpec& spec : timeline_option_specs()) {
      reader.know(spec.key);
      if (!table.contains(spec.key)) continue;
      if (!timeline) {
        reader.error_at(reader.key_position(spec.key),
                        "'" + std::string(spec.key) + "' applies only to timelines",
                        "remove it, or make this output kind = \"timeline\"");
      }
      for (const std::string& value : option_values(reader, spec)) {
        if (auto problem = set_timeline_option(output.timeline, spec, value)) {
          reader.error_at(reader.value_position(spec.key), problem->message, problem->hint);
          break;
        }
      }
    }
    if (auto problem = check_timeline_request(output.timeline)) {
      reader.error_at(reader.value_position("to"), problem->message, problem->hint);
    }
    reader.finish();
    return output;
  }

  // The values of one option as text: a flag's "true"/"false", a number in
  // its shortest form, each string of a list. Wrong types are reported by the reader.
  static std::vector<std::string> option_values(TableReader& reader,
                                                const TimelineOptionSpec& spec) {
    switch (spec.value) {
      case OptionValue::flag:
        if (const auto flag = reader.boolean(spec.key)) return {*flag ? "true" : "false"};
        return {};
      case OptionValue::list:
        return reader.string_array(spec.key).value_or(std::vector<std::string>{});
      case OptionValue::text:
        break;
    }
    if (std::string(spec.key) == "scale") {
      if (const auto number = reader.number(spec.key)) return {format_number(*number)};
      return {};
    }
    if (const auto text = reader.string(spec.key)) return {*text};
    return {};
  }

  SourceRef source_;
  std::string folder_;
  std::string manifest_;  // as written, relative to folder_
  Diagnostics& diagnostics_;
};

}  // namespace

const char* output_kind_name(OutputKind kind) {
  return kind == OutputKind::report ? "report" : "timeline";
}

std::string join_path(const std::string& folder, const std::string& relative) {
  if (relative.empty() || relative[0] == '/' || folder.empty() || folder == ".") return relative;
  return (std::filesystem::path(folder) / relative).string();
}

BuildFileLoad load_build_text(std::string_view text, const std::string& file_name) {
  BuildFileLoad result;
  result.source = make_source(file_name, std::string(text));
  std::string folder = std::filesystem::path(file_name).parent_path().string();
  if (folder.empty()) folder = ".";
  const auto root = parse_toml(result.source, result.diagnostics);
  if (!root) return result;
  BuildFile build = BuildFileReader(result.source, folder, result.diagnostics).read(*root);
  result.diagnostics.sort_by_position();
  if (!result.diagnostics.has_errors()) result.build = std::move(build);
  return result;
}

// The .toml names (stems) in `folder`, for a did-you-mean.
static std::vector<std::string> toml_stems(const std::string& folder) {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.path().extension() == ".toml") names.push_back(entry.path().stem().string());
  }
  return names;
}

// Every dataset and layout an output names must exist: an error located at
// the name in the build file, with the OS's reason and a did-you-mean from
// the files that are there.
static void check_inputs(BuildFileLoad& load) {
  if (!load.build) return;
  for (const OutputSpec& output : load.build->outputs) {
    const FileContents data = read_file(output.file(output.data));
    if (!data.ok()) {
      const std::filesystem::path name(output.data);
      const std::string close =
          closest_match(name.stem().string(), toml_stems(output.file(name.parent_path().string())));
      load.diagnostics.error(
          load.source, output.data_at,
          "cannot read the dataset '" + output.data + "': " + data.error,
          close.empty()
              ? "the path is relative to the build file's folder"
              : "did you mean '" + (name.parent_path() / (close + ".toml")).string() + "'?");
    }
    if (output.layout.empty() || !output.layout_at.known()) continue;
    const std::string layout = output.layout_file();
    std::error_code error;
    if (std::filesystem::is_regular_file(layout, error)) continue;
    if (is_layout_path(output.layout)) {
      load.diagnostics.error(load.source, output.layout_at,
                             "cannot find the layout file '" + output.layout + "'",
                             "the path is relative to the build file's folder");
      continue;
    }
    std::vector<std::string> names = available_layouts();
    for (const std::string& local : toml_stems(output.file("layouts"))) names.push_back(local);
    const std::string close = closest_match(output.layout, names);
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
    load.diagnostics.error(
        load.source, output.layout_at, "unknown layout '" + output.layout + "'",
        close.empty() ? "the layouts are " + list : "did you mean '" + close + "'?");
  }
  if (load.diagnostics.has_errors()) load.build.reset();
}

BuildFileLoad load_build_file(const std::string& path) {
  const FileContents file = read_file(path);
  if (!file.ok()) {
    BuildFileLoad result;
    result.source = make_source(path);
    result.diagnostics.error(result.source, {}, "cannot read the build file: " + file.error,
                             "run `briefing build FILE` with the path of a build file");
    return result;
  }
  BuildFileLoad load = load_build_text(file.bytes, path);
  check_inputs(load);
  return load;
}

std::string OutputSpec::file(const std::string& relative) const {
  return join_path(folder, relative);
}

// A preset name as the renderer is to get it: the path of the build file's
// own layouts/NAME.toml when there is one (the user's presets win over the
// installed ones), else the name.
static std::string local_preset(const OutputSpec& output, PathBase base) {
  const std::string local = output.file("layouts/" + output.layout + ".toml");
  std::error_code error;
  if (!std::filesystem::is_regular_file(local, error)) return output.layout;
  return base == PathBase::build_file ? "layouts/" + output.layout + ".toml" : local;
}

std::vector<std::string> render_arguments(const OutputSpec& output, PathBase base) {
  auto file = [&](const std::string& relative) {
    return base == PathBase::build_file ? relative : output.file(relative);
  };
  std::vector<std::string> args{output_kind_name(output.kind), file(output.data), "-o",
                                file(output.path)};
  if (!output.layout.empty()) {
    args.insert(args.end(),
                {"--layout",
                 is_layout_path(output.layout) ? file(output.layout) : local_preset(output, base)});
  }
  if (output.kind == OutputKind::timeline) {
    for (auto& arg : timeline_arguments(output.timeline)) args.push_back(std::move(arg));
  }
  if (!output.compare_with.empty())
    args.insert(args.end(), {"--compare-with", file(output.compare_with)});
  if (!output.compare_name.empty() && output.kind == OutputKind::report)
    args.insert(args.end(), {"--compare-name", output.compare_name});
  return args;
}

std::string OutputSpec::layout_file() const {
  if (layout.empty()) return {};
  return is_layout_path(layout) ? file(layout) : resolve_layout_path(layout, file("layouts"));
}

std::vector<std::string> input_files(const OutputSpec& output) {
  std::vector<std::string> files{output.file(output.data)};
  if (!output.layout.empty()) {
    files.push_back(output.layout_file());
  }
  if (output.kind == OutputKind::report) {
    // The report draws a timeline figure with the preset its layout names.
    std::string figure = kDefaultFigureLayout;
    Diagnostics ignored;  // a broken layout is the renderer's to report
    if (const auto style = load_report_style(files.back(), ignored)) {
      figure = style->figure ? style->figure_layout : std::string();
    }
    if (!figure.empty()) {
      files.push_back(
          resolve_layout_path(figure, std::filesystem::path(files.back()).parent_path().string()));
    }
  }
  if (!output.compare_with.empty()) files.push_back(output.file(output.compare_with));
  return files;
}

}  // namespace briefing
