// What `briefing watch` and its warm render workers (`briefing render-worker`,
// see render_workers.h) say to each other over one Unix socket: a job is the
// command line of one render, a reply its exit status and what it printed.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace briefing {

/// The worker's end of the socket: its file descriptor 3 (0 and 1 are
/// /dev/null, 2 the watch's stderr, for the worker's own trouble).
inline constexpr int kWorkerChannelFd = 3;

/// The hidden subcommand that runs a worker.
inline constexpr const char* kWorkerCommandName = "render-worker";

struct WorkerReply {
  int exit_code = -1;
  bool retiring = false;  // the worker ends after this reply (its fonts changed)
  std::string out;        // what the job wrote to stdout and stderr
  std::string err;
};

/// "N\n" then the N arguments, each ended by a NUL (no argument holds one).
std::string encode_job(const std::vector<std::string>& args);
/// Takes one job off the front of `buffer` when it holds a whole one.
/// Throws std::runtime_error when the bytes are no job.
std::optional<std::vector<std::string>> take_job(std::string& buffer);

/// "EXIT RETIRING OUT_BYTES ERR_BYTES\n" then the out and err bytes.
std::string encode_reply(const WorkerReply& reply);
/// Takes one reply off the front of `buffer` when it holds a whole one.
/// Throws std::runtime_error when the bytes are no reply.
std::optional<WorkerReply> take_reply(std::string& buffer);

}  // namespace briefing
