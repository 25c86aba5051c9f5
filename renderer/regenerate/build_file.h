// The build file (briefing.toml): which outputs to render, from which data, how.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "load/timeline_request.h"

namespace briefing {

enum class OutputKind { timeline, report };

const char* output_kind_name(OutputKind kind);  // "timeline", "report"

/// One [[output]] of a build file. Paths are as written, relative to the
/// build file's `folder`: use file() for a path valid from the current directory.
struct OutputSpec {
  std::string folder;  // the build file's folder; "." for the current one
  std::string path;    // the file to render, e.g. "output/timeline.png"
  OutputKind kind = OutputKind::timeline;
  std::string data;  // the dataset
  /// A preset name ("slide-16x9") or a layout file path; empty: the renderer's default.
  std::string layout;
  TimelineRequest timeline;  // a timeline's options (load/timeline_request.h)
  /// An older dataset; empty when none. `compare_with = "baseline"` in the
  /// file: the copy `briefing baseline` recorded (empty until one is).
  std::string compare_with;
  /// How a report's change page names compare_with ("the baseline recorded
  /// on …"); empty: by its file name.
  std::string compare_name;
  /// Mark what changed since the dataset of an earlier render of this output
  /// (see builder.h); the renderer gets a snapshot as --compare-with.
  bool compare_with_previous = false;
  SourceRange position;            // of the [[output]] table, for messages
  SourceRange data_at, layout_at;  // of those values, for a missing file

  /// `relative` (one of the paths above) joined with the build file's folder.
  std::string file(const std::string& relative) const;
  /// The layout's file, valid from the current directory: a path as
  /// written, or a preset name resolved (the build folder's layouts/ first).
  /// Empty when no layout is named.
  std::string layout_file() const;
  /// The file the build checks and records: `path`, or for a PNG/SVG deck
  /// its first slide (OUT-01.png), the one every deck writes.
  std::string output_file() const {
    return file(timeline.deck ? deck_files(path, 1).front() : path);
  }
};

struct BuildFile {
  std::string path;           // the build file itself
  std::string folder;         // its folder; "." for a bare file name
  std::string manifest_path;  // default: FOLDER/output/.briefing-manifest.json
  std::vector<OutputSpec> outputs;
};

struct BuildFileLoad {
  std::optional<BuildFile> build;  // set only when there are no errors
  Diagnostics diagnostics;
  SourceRef source;

  bool ok() const { return build.has_value(); }
  std::string report() const { return format_diagnostics(diagnostics); }
};

/// Parses `text` as the build file `file_name` (used for messages and as the
/// base of relative paths).
BuildFileLoad load_build_text(std::string_view text, const std::string& file_name);

/// Reads and parses a build file; an unreadable file is one diagnostic.
BuildFileLoad load_build_file(const std::string& path);

/// `relative` joined with `folder` ("." is left out); absolute paths as they are.
std::string join_path(const std::string& folder, const std::string& relative);

enum class PathBase { current_directory, build_file };

/// The arguments for the renderer subcommand that produces `output`, without
/// the program itself: {"timeline", DATA, "-o", OUT, "--layout", ..., ...}.
/// Paths are valid from the current directory, or (for fingerprints, which
/// must not depend on where the build runs from) as written in the build file.
std::vector<std::string> render_arguments(const OutputSpec& output,
                                          PathBase base = PathBase::current_directory);

/// Every input file an output reads besides fonts and the program: dataset,
/// layout file, the report's figure preset, compare_with. Layout names are
/// resolved to their files in layouts/. Valid from the current directory.
std::vector<std::string> input_files(const OutputSpec& output);

}  // namespace briefing
