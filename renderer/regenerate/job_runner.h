// Runs renderer processes, several at a time, capturing what each prints.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace briefing {

struct Job {
  std::vector<std::string> argv;  // argv[0] is the program (an absolute path or one on $PATH)
};

struct JobResult {
  int exit_code = -1;  // when the process exited; -1 otherwise
  int signal = 0;      // the signal that ended it; 0 if it exited
  std::string out;     // its stdout and stderr
  std::string err;
  double seconds = 0;  // wall time from start to exit

  bool ok() const { return exit_code == 0; }
  /// "exit status 1", "killed by signal 9 (Killed)".
  std::string describe_failure() const;
};

/// Runs `jobs` as child processes, at most `parallel` at a time (at least 1),
/// in list order. `on_start(index)` is called just before each starts and
/// `on_finish(index, result)` as each ends, both on the calling thread.
void run_jobs(const std::vector<Job>& jobs, int parallel,
              const std::function<void(size_t)>& on_start,
              const std::function<void(size_t, const JobResult&)>& on_finish);

/// The number of processors available to this process (at least 1).
int available_cores();

/// The absolute path of the running executable (/proc/self/exe); if the file
/// was replaced while running (a rebuild), the path of the new file.
std::string current_executable();

}  // namespace briefing
