// `briefing watch`: rebuild when a dataset, layout or the build file is saved.
#pragma once

#include <ostream>
#include <string>

#include "regenerate/builder.h"

namespace briefing {

struct WatchOptions {
  BuildOptions build;
  /// Quiet time before building, in milliseconds, restarted by every event
  /// of a burst (editors save in bursts: write, rename, chmod). Adaptive: when
  /// every file changed is complete (renamed into place, or closed after
  /// writing) it is only `settled_ms`; while one may still be written
  /// (created, written, renamed away, deleted) it is `debounce_ms`.
  unsigned debounce_ms = 200;
  unsigned settled_ms = 10;
};

/// Builds once, then watches the folders of every input (folders, not
/// files: editors save by writing a new file and renaming it over the old
/// one; folder_events.h) and rebuilds what changed, on warm render workers
/// (render_workers.h). A broken build
/// file or dataset prints its located errors and keeps the last good outputs;
/// the next save that fixes it builds again. Returns 0 on SIGINT or SIGTERM.
int run_watch(const std::string& build_file, const WatchOptions& options, std::ostream& out,
              std::ostream& err);

}  // namespace briefing
