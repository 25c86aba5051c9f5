// `briefing build`: renders the outputs of a build file whose inputs changed,
// one child process per chart (the PNG, SVG and PDF of one timeline are laid
// out once, by one process), several at once.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "regenerate/build_file.h"

namespace briefing {

class RenderWorkers;

enum class Verbosity { quiet, normal, verbose };

struct BuildOptions {
  bool force = false;  // render even the outputs that are up to date
  int jobs = 0;        // renders at once; 0: the number of cores
  Verbosity verbosity = Verbosity::normal;
  /// The program and leading arguments that render one output; the output's
  /// render_arguments() follow. Empty: this executable (/proc/self/exe).
  std::vector<std::string> renderer_command;
  /// Watch mode: don't list outputs that are up to date, one line per build.
  bool terse = false;
  /// Watch mode: start the job that rendered quickest last time first (the
  /// process remembers each output's last render time), so that the first new
  /// file is on disk as soon as possible, then the others longest first, so
  /// that the last file is on disk as soon as possible.
  bool quickest_first = false;
  /// Watch mode: render on these warm workers (render_workers.h); not owned.
  /// nullptr: the build starts its own when it has more jobs than it runs at
  /// once (and no renderer_command), else one new process per job.
  RenderWorkers* workers = nullptr;
  /// With `workers`: a job with no render time yet may run this long (s), one
  /// with a time 20 times that (at least 60 s), before its worker is stopped
  /// and the job failed. 0: no limit.
  double first_render_timeout = 600;
};

struct BuildSummary {
  size_t rendered = 0;
  size_t up_to_date = 0;
  size_t failed = 0;
  double seconds = 0;

  bool ok() const { return failed == 0; }
  /// "6 outputs: 2 rendered, 4 up to date, 0 failed (1.23 s)".
  std::string describe() const;
};

/// Renders what is stale, updates the manifest after each success, and
/// prints one line per output to `out` and every error to `err`. One build
/// of a manifest at a time: a build that finds another one holding the
/// manifest's lock (see build_lock.h) prints that it waits, then reads the
/// manifest only once it holds the lock. A failed output (bad data, a folder
/// it cannot write in, a failed render) leaves its previous file as it was
/// and does not stop the others. Outputs with compare_with_previous keep
/// their data's history (see history.h).
/// Renders at once: `options.jobs`, or the number of cores when it is 0.
int parallel_renders(const BuildOptions& options);

BuildSummary run_build(const BuildFile& build, const BuildOptions& options, std::ostream& out,
                       std::ostream& err);

/// "0.41 s"
std::string format_seconds(double seconds);

}  // namespace briefing
