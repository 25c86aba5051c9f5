#include "regenerate/job_runner.h"

#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <stdexcept>

#include "base/c_handles.h"

extern char** environ;

namespace briefing {
namespace {

using Clock = std::chrono::steady_clock;

/// An anonymous in-memory file for a child's output: no pipe to drain while
/// it runs, no deadlock on large outputs, nothing left on disk. Empty (and
/// errno set) when none can be made, e.g. out of file descriptors.
UniqueFd new_capture_file(const char* name) { return UniqueFd(memfd_create(name, MFD_CLOEXEC)); }

std::string read_all(int fd) {
  std::string out;
  lseek(fd, 0, SEEK_SET);
  char buffer[65536];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  return out;
}

struct Running {
  size_t index;
  UniqueFd out_fd;
  UniqueFd err_fd;
  Clock::time_point start;
};

JobResult not_started(const std::string& program, const std::string& why) {
  JobResult result;
  result.exit_code = 127;
  result.err = "cannot run " + program + ": " + why + "\n";
  return result;
}

}  // namespace

std::string JobResult::describe_failure() const {
  if (signal != 0)
    return "killed by signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
  return "exit status " + std::to_string(exit_code);
}

void run_jobs(const std::vector<Job>& jobs, int parallel,
              const std::function<void(size_t)>& on_start,
              const std::function<void(size_t, const JobResult&)>& on_finish) {
  if (parallel < 1) parallel = 1;
  std::map<pid_t, Running> running;
  size_t next = 0;
  while (next < jobs.size() || !running.empty()) {
    while (next < jobs.size() && running.size() < static_cast<size_t>(parallel)) {
      const size_t index = next++;
      on_start(index);
      Running job{index, new_capture_file("briefing-out"), new_capture_file("briefing-err"),
                  Clock::now()};
      if (!job.out_fd || !job.err_fd) {
        // This job fails; the ones running go on.
        on_finish(index, not_started(jobs[index].argv[0],
                                     std::string("memfd_create: ") + std::strerror(errno)));
        continue;
      }
      posix_spawn_file_actions_t actions;
      posix_spawn_file_actions_init(&actions);
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
      posix_spawn_file_actions_adddup2(&actions, job.out_fd.get(), 1);
      posix_spawn_file_actions_adddup2(&actions, job.err_fd.get(), 2);
      std::vector<char*> argv;
      for (const auto& a : jobs[index].argv) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      pid_t pid = 0;
      const int error = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
      posix_spawn_file_actions_destroy(&actions);
      if (error != 0) {
        on_finish(index, not_started(jobs[index].argv[0], std::strerror(error)));
        continue;
      }
      running.emplace(pid, std::move(job));
    }
    if (running.empty()) continue;
    int status = 0;
    const pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
    }
    const auto it = running.find(pid);
    if (it == running.end()) continue;  // not one of ours
    const Running job = std::move(it->second);
    running.erase(it);
    JobResult result;
    result.seconds = std::chrono::duration<double>(Clock::now() - job.start).count();
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    result.out = read_all(job.out_fd.get());
    result.err = read_all(job.err_fd.get());
    on_finish(job.index, result);
  }
}

int available_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    const int count = CPU_COUNT(&set);
    if (count > 0) return count;
  }
  const long online = sysconf(_SC_NPROCESSORS_ONLN);
  return online > 0 ? static_cast<int>(online) : 1;
}

std::string current_executable() {
  std::string path(4096, '\0');
  const ssize_t n = readlink("/proc/self/exe", path.data(), path.size() - 1);
  if (n <= 0) throw std::runtime_error("cannot find the running program (/proc/self/exe)");
  path.resize(static_cast<size_t>(n));
  // Rebuilt while running (e.g. during `briefing watch`): use the new binary.
  const std::string deleted = " (deleted)";
  if (path.size() > deleted.size() &&
      path.compare(path.size() - deleted.size(), deleted.size(), deleted) == 0) {
    path.resize(path.size() - deleted.size());
  }
  return path;
}

}  // namespace briefing
