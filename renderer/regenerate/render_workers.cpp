#include "regenerate/render_workers.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <thread>

#include "regenerate/builder.h"
#include "regenerate/worker_protocol.h"

extern char** environ;

namespace briefing {
namespace {

using Clock = std::chrono::steady_clock;

bool send_all(int fd, const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

std::string describe_status(int status) {
  if (status < 0) return "its exit status is unknown";
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    return "killed by signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
  }
  return "exit status " + std::to_string(WEXITSTATUS(status));
}

/// The result of a job whose worker ended without replying.
JobResult worker_lost(int status, const std::string& why) {
  JobResult result;
  if (status >= 0 && WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  } else {
    const int code = status >= 0 ? WEXITSTATUS(status) : 0;
    result.exit_code = code != 0 ? code : 1;  // no reply is a failure, whatever it exited with
  }
  result.err = "briefing: the render worker " + why + " (" + describe_status(status) + ")\n";
  return result;
}

}  // namespace

std::vector<std::string> this_program_worker_command() {
  return {current_executable(), kWorkerCommandName};
}

RenderWorkers::RenderWorkers(std::vector<std::string> command, int count)
    : command_(std::move(command)), workers_(static_cast<size_t>(std::max(1, count))) {}

RenderWorkers::~RenderWorkers() {
  // All sockets first, so that the workers end at the same time.
  for (Worker& worker : workers_) worker.channel.reset();
  const auto deadline = Clock::now() + std::chrono::seconds(1);
  for (Worker& worker : workers_) {
    if (worker.pid < 0) continue;
    int status = 0;
    while (waitpid(worker.pid, &status, WNOHANG) == 0 && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (waitpid(worker.pid, &status, WNOHANG) == 0) stop(worker, /*kill_first=*/true);
    worker.pid = -1;
  }
}

std::string RenderWorkers::start(Worker& worker) {
  int ends[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
    return std::string("socketpair: ") + std::strerror(errno);
  }
  UniqueFd mine(ends[0]), theirs(ends[1]);
  if (theirs.get() == kWorkerChannelFd) {
    // dup2 onto itself would keep close-on-exec set: move it out of the way.
    theirs.reset(fcntl(theirs.get(), F_DUPFD_CLOEXEC, kWorkerChannelFd + 1));
    if (!theirs) return std::string("fcntl: ") + std::strerror(errno);
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, theirs.get(), kWorkerChannelFd);
  // Default signal handling and no blocked signals, whatever GLib did here.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int signal : {SIGINT, SIGTERM, SIGPIPE, SIGCHLD}) sigaddset(&defaults, signal);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<char*> argv;
  for (const auto& a : command_) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int error = posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) return "cannot run " + command_[0] + ": " + std::strerror(error);
  worker.pid = pid;
  worker.channel = std::move(mine);
  worker.received.clear();
  worker.busy = false;
  return {};
}

int RenderWorkers::stop(Worker& worker, bool kill_first) {
  worker.channel.reset();
  worker.received.clear();
  worker.busy = false;
  if (worker.pid < 0) return -1;
  if (kill_first) kill(worker.pid, SIGKILL);
  int status = 0;
  pid_t reaped;
  do {
    reaped = waitpid(worker.pid, &status, 0);
  } while (reaped < 0 && errno == EINTR);
  worker.pid = -1;
  return reaped < 0 ? -1 : status;
}

void RenderWorkers::start_all() {
  for (Worker& worker : workers_) {
    if (worker.pid < 0) start(worker);
  }
}

void RenderWorkers::stop_all() {
  for (Worker& worker : workers_) {
    if (worker.pid >= 0) stop(worker, /*kill_first=*/false);
  }
}

void RenderWorkers::use_environment(const std::string& environment) {
  if (!environment_.empty() && environment != environment_) stop_all();
  environment_ = environment;
}

std::vector<pid_t> RenderWorkers::worker_ids() const {
  std::vector<pid_t> ids;
  for (const Worker& worker : workers_) {
    if (worker.pid >= 0) ids.push_back(worker.pid);
  }
  return ids;
}

void RenderWorkers::run(const std::vector<Job>& jobs, const std::function<double(size_t)>& timeout,
                        const std::function<void(size_t)>& on_start,
                        const std::function<void(size_t, const JobResult&)>& on_finish) {
  size_t next = 0;
  auto elapsed = [](const Worker& worker) {
    return std::chrono::duration<double>(Clock::now() - worker.start).count();
  };
  for (;;) {
    // Every idle worker takes the next job.
    for (Worker& worker : workers_) {
      if (next >= jobs.size()) break;
      if (worker.busy) continue;
      const size_t index = next++;
      on_start(index);
      const std::string message = encode_job(jobs[index].argv);
      std::string error;
      bool sent = false;
      // An idle worker may have ended since its last job: one fresh start.
      for (int attempt = 0; attempt < 2 && !sent; ++attempt) {
        if (worker.pid < 0) {
          error = start(worker);
          if (!error.empty()) break;
        }
        sent = send_all(worker.channel.get(), message);
        if (!sent) {
          error = std::string("cannot send the job to its render worker: ") + std::strerror(errno);
          stop(worker, /*kill_first=*/true);
        }
      }
      if (!sent) {
        JobResult result;
        result.exit_code = 127;
        result.err = "briefing: " + error + "\n";
        on_finish(index, result);
        continue;
      }
      worker.busy = true;
      worker.job = index;
      worker.start = Clock::now();
      worker.timeout = timeout ? timeout(index) : 0;
    }

    std::vector<pollfd> fds;
    std::vector<Worker*> polled;
    int wait_ms = -1;
    for (Worker& worker : workers_) {
      if (!worker.busy) continue;
      fds.push_back({worker.channel.get(), POLLIN, 0});
      polled.push_back(&worker);
      if (worker.timeout > 0) {
        const double left = std::max(0.0, worker.timeout - elapsed(worker));
        const int ms = static_cast<int>(std::min(std::ceil(left * 1000), double{INT_MAX}));
        wait_ms = wait_ms < 0 ? ms : std::min(wait_ms, ms);
      }
    }
    if (fds.empty()) {
      if (next >= jobs.size()) return;
      continue;  // every start failed: the next jobs try again
    }
    if (poll(fds.data(), fds.size(), wait_ms) < 0 && errno != EINTR) {
      throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
    }

    for (size_t i = 0; i < fds.size(); ++i) {
      Worker& worker = *polled[i];
      const size_t index = worker.job;
      if (fds[i].revents == 0) {
        if (worker.timeout > 0 && elapsed(worker) >= worker.timeout) {
          const double seconds = elapsed(worker);
          JobResult result = worker_lost(
              stop(worker, /*kill_first=*/true),
              "was stopped: the render took longer than " + format_seconds(worker.timeout));
          result.seconds = seconds;
          on_finish(index, result);
        }
        continue;
      }
      char buffer[65536];
      ssize_t n;
      do {
        n = recv(worker.channel.get(), buffer, sizeof buffer, 0);
      } while (n < 0 && errno == EINTR);
      if (n > 0) {
        worker.received.append(buffer, static_cast<size_t>(n));
        std::optional<WorkerReply> reply;
        try {
          reply = take_reply(worker.received);
        } catch (const std::exception& error) {
          const double seconds = elapsed(worker);
          JobResult result = worker_lost(stop(worker, /*kill_first=*/true),
                                         std::string("sent no reply but ") + error.what());
          result.seconds = seconds;
          on_finish(index, result);
          continue;
        }
        if (!reply) continue;
        JobResult result;
        result.exit_code = reply->exit_code;
        result.out = std::move(reply->out);
        result.err = std::move(reply->err);
        result.seconds = elapsed(worker);
        worker.busy = false;
        if (reply->retiring) stop(worker, /*kill_first=*/false);
        on_finish(index, result);
        continue;
      }
      const double seconds = elapsed(worker);
      JobResult result =
          worker_lost(stop(worker, /*kill_first=*/false), "ended before it finished the job");
      result.seconds = seconds;
      on_finish(index, result);
    }
  }
}

}  // namespace briefing
