// The snapshots of the data behind compare_with_previous: what an output's
// change page compares with.
#pragma once

#include <string>
#include <vector>

#include "regenerate/build_file.h"

namespace briefing {

/// Outputs with compare_with_previous keep two snapshots of their dataset
/// next to the manifest (.briefing-history/): the data of the last render and
/// the one before it that differed ("base"). When the data has changed since
/// the last render, base becomes that last render's data; the renderer then
/// compares with base, so the change page shows the latest edit and survives
/// --force and program updates.
struct HistoryFiles {
  std::string rendered;  // the data of its last successful render
  std::string base;      // what its change page compares with
};

HistoryFiles history_files(const BuildFile& build, const OutputSpec& output);

struct HistoryPreparation {
  std::vector<std::string> render_arguments;  // {"--compare-with", BASE}, or none yet
  std::string snapshot;                       // the data to record once the render succeeds
  /// Why the history cannot be kept, naming the path and the OS's reason;
  /// empty when it can. The output must then not be rendered: its next
  /// change page would compare with the wrong data.
  std::string error;
};

/// Before a render: makes sure the history folder can be written and moves
/// base on if the data changed since the last render. Never throws.
HistoryPreparation prepare_history(const BuildFile& build, const OutputSpec& output);

/// After a successful render: records `snapshot` as the data rendered.
/// Returns why it could not, or "". Never throws.
std::string record_history(const BuildFile& build, const OutputSpec& output,
                           const std::string& snapshot);

/// How a report's change page names the previous render's data.
inline constexpr const char* kPreviousRenderName = "the previous render";

// The baseline: the datasets as last published, recorded on demand by
// `briefing baseline` next to the manifest (.briefing-baseline/), for outputs
// with compare_with = "baseline". Unlike the history it moves only when asked.

/// `manifest` as written in the build file (relative to its folder):
/// the baseline folder beside it.
std::string baseline_folder(const std::string& manifest);
/// The recorded copy of dataset `data` (as written in the build file) in `folder`.
std::string baseline_copy(const std::string& folder, const std::string& data);
/// When the baseline in `folder` (a path valid from the current directory)
/// was recorded, ISO 8601 UTC; empty if none has been.
std::string baseline_recorded_at(const std::string& folder);
/// "the baseline recorded on 1 December 2026", for a change page.
std::string baseline_name(const std::string& recorded_at);

struct BaselineRecord {
  std::vector<std::string> datasets;  // recorded, as written in the build file
  std::string recorded_at;            // ISO 8601 UTC
  std::string error;                  // why not, naming the path and the OS's reason
};

/// Copies every dataset the build file's outputs read into the baseline
/// folder, each atomically, and then the time ($SOURCE_DATE_EPOCH when set).
BaselineRecord record_baseline(const BuildFile& build);

}  // namespace briefing
