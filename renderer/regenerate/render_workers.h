// Warm render workers for `briefing watch`: a few long-lived
// `briefing render-worker` processes that each render one job at a time
// through the same command code as the command line, so that a save does not
// pay for a new process (dynamic linking, Fontconfig, fonts, hyphenation
// patterns: 80–210 M instructions a render) and what was loaded stays loaded.
//
// What a worker keeps between jobs is what every fresh process would load
// the same way (the bundled fonts, message catalogues, hyphenation patterns);
// a job whose layout adds fonts of its own changes the process's one font
// configuration, so its worker ends after replying and a fresh one takes its
// place. Workers are started with posix_spawn (safe in a process that has
// threads, as watch's GIO has).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "base/c_handles.h"
#include "regenerate/job_runner.h"

namespace briefing {

/// The command that starts one worker of this program:
/// {current_executable(), "render-worker"}.
std::vector<std::string> this_program_worker_command();

class RenderWorkers {
 public:
  /// `command`: the program and arguments that start one worker, e.g.
  /// {current_executable(), "render-worker"}. `count`: workers at most (≥ 1).
  /// None is started before the first job or start_all().
  RenderWorkers(std::vector<std::string> command, int count);
  /// Closes every worker's socket (a worker ends when it reads the end) and
  /// waits for them; one that does not end within a second is killed.
  ~RenderWorkers();
  RenderWorkers(const RenderWorkers&) = delete;
  RenderWorkers& operator=(const RenderWorkers&) = delete;

  /// Like run_jobs(): runs `jobs` on the workers, at most one per worker at
  /// a time, in list order, calling `on_start(index)` just before each is
  /// sent and `on_finish(index, result)` as each ends. Here a job's argv is a
  /// `briefing` command line without the program name ({"timeline", DATA,
  /// "-o", OUT, ...}). A job running longer than `timeout(index)` seconds
  /// (0: no limit) has its worker killed; a worker that dies fails its job
  /// (exit status or signal, and a line saying so in `err`) and is replaced.
  void run(const std::vector<Job>& jobs, const std::function<double(size_t)>& timeout,
           const std::function<void(size_t)>& on_start,
           const std::function<void(size_t, const JobResult&)>& on_finish);

  /// Ends the workers when `environment` (the build's environment digest:
  /// the program's and the bundled fonts' bytes) differs from the one of the
  /// last call, so that no job runs in a process with an old program or old
  /// fonts loaded.
  void use_environment(const std::string& environment);

  /// Starts every worker not running, so that they load their fonts while
  /// nothing waits for them. A worker that cannot start is tried again at
  /// its next job (and fails that job if it still cannot).
  void start_all();

  /// Ends every worker; the next job starts new ones.
  void stop_all();

  /// The process ids of the running workers (for tests and diagnostics).
  std::vector<pid_t> worker_ids() const;

 private:
  struct Worker {
    pid_t pid = -1;
    UniqueFd channel;
    std::string received;
    bool busy = false;
    size_t job = 0;
    std::chrono::steady_clock::time_point start;
    double timeout = 0;
  };

  /// Starts `worker`; an empty string, or why it could not start.
  std::string start(Worker& worker);
  /// Closes its socket and reaps it (killing it first when `kill_first`);
  /// the wait status, or -1 when unknown.
  int stop(Worker& worker, bool kill_first);

  std::vector<std::string> command_;
  std::vector<Worker> workers_;
  std::string environment_;
};

}  // namespace briefing
