// briefing render-worker (hidden): a warm render process for `briefing watch`
// (regenerate/render_workers.h). Reads jobs, each a command line, from its
// file descriptor 3 and runs each through run_cli() exactly as `briefing ARGS`
// would, with standard output and error captured, then replies with the exit
// status and what was printed. Ends at the end of its input, or after a job
// that changed the font configuration (a layout's own fonts), so that no
// later job sees fonts a fresh process would not have.
#include <fcntl.h>
#include <pango/pangocairo.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "base/c_handles.h"
#include "cli/command.h"
#include "regenerate/worker_protocol.h"
#include "text/font_setup.h"
#include "text/hyphenator.h"
#include "text/messages.h"

namespace briefing::cli {
namespace {

/// What a fresh process loads in any render: the font configuration, the
/// hyphenation patterns, and the bundled faces (set once in each family and
/// weight, so that their files are open and their tables read).
void warm_up() {
  english_hyphenator();
  const GObjectPtr<PangoContext> context(new_text_context());
  const GObjectPtr<PangoLayout> layout(pango_layout_new(context.get()));
  for (const char* font : {"Noto Sans 10", "Noto Sans Bold 10", "Noto Serif 10",
                           "Noto Serif Bold 10", "Noto Serif Italic 10"}) {
    const FontDescriptionPtr description(pango_font_description_from_string(font));
    pango_layout_set_font_description(layout.get(), description.get());
    pango_layout_set_text(layout.get(), "Aa 2024", -1);
    int width = 0, height = 0;
    pango_layout_get_size(layout.get(), &width, &height);
  }
}

std::string read_all(int fd) {
  std::string out;
  lseek(fd, 0, SEEK_SET);
  char buffer[65536];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  return out;
}

/// Points file descriptor `target` at `fd` for as long as it lives.
class Redirect {
 public:
  Redirect(int fd, int target) : target_(target), saved_(fcntl(target, F_DUPFD_CLOEXEC, 10)) {
    dup2(fd, target);
  }
  ~Redirect() {
    if (saved_) dup2(saved_.get(), target_);
  }
  Redirect(const Redirect&) = delete;
  Redirect& operator=(const Redirect&) = delete;

 private:
  int target_;
  UniqueFd saved_;
};

/// Runs one job as a fresh `briefing ARGS` would: stdin /dev/null (already),
/// stdout and stderr into files of their own, the process-wide settings a
/// job may change back to their defaults.
WorkerReply run_job(const std::vector<std::string>& args) {
  WorkerReply reply;
  const UniqueFd out(memfd_create("briefing-out", MFD_CLOEXEC));
  const UniqueFd err(memfd_create("briefing-err", MFD_CLOEXEC));
  if (!out || !err) {
    reply.exit_code = kExitDataError;
    reply.err = std::string("briefing: memfd_create: ") + std::strerror(errno) + "\n";
    return reply;
  }
  const int fonts_before = font_sources_generation();
  {
    std::fflush(stdout);
    std::fflush(stderr);
    const Redirect out_redirect(out.get(), 1);
    const Redirect err_redirect(err.get(), 2);
    std::cin.clear();
    set_document_language("en");
    CommandIo io{std::cin, std::cout, std::cerr};
    // Commands that would not end, or start workers of their own.
    if (args.empty() || args.front() == kWorkerCommandName || args.front() == "watch" ||
        args.front() == "build") {
      std::cerr << "briefing: a render worker runs render commands, not `briefing"
                << (args.empty() ? "" : " " + args.front()) << "`\n";
      reply.exit_code = kExitUsageError;
    } else {
      reply.exit_code = run_cli(args, io);
    }
    std::cout.flush();
    std::cerr.flush();
    std::fflush(stdout);
    std::fflush(stderr);
    std::cout.clear();
    std::cerr.clear();
  }
  reply.out = read_all(out.get());
  reply.err = read_all(err.get());
  reply.retiring = font_sources_generation() != fonts_before;
  return reply;
}

// Jobs a worker renders before it hands over to a fresh one: memory that a
// render leaves behind (none is known; about 56 MB after hundreds of jobs of
// the default build) cannot pile up without end.
constexpr int kJobsPerWorker = 200;

int serve(int channel) {
  std::string received;
  int jobs = 0;
  for (;;) {
    std::optional<std::vector<std::string>> job = take_job(received);
    if (!job) {
      char buffer[65536];
      const ssize_t n = recv(channel, buffer, sizeof buffer, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n == 0) return kExitOk;  // the watch is done
      if (n < 0) throw std::runtime_error(std::string("recv: ") + std::strerror(errno));
      received.append(buffer, static_cast<size_t>(n));
      continue;
    }
    WorkerReply reply = run_job(*job);
    if (++jobs >= kJobsPerWorker) reply.retiring = true;
    const std::string bytes = encode_reply(reply);
    for (size_t sent = 0; sent < bytes.size();) {
      const ssize_t n = send(channel, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return kExitOk;  // the watch has gone
      sent += static_cast<size_t>(n);
    }
    if (reply.retiring) return kExitOk;
  }
}

int run_worker_command(const ParsedOptions&, CommandIo& io) {
  struct stat channel {};
  if (fstat(kWorkerChannelFd, &channel) != 0 || !S_ISSOCK(channel.st_mode)) {
    throw UsageError(std::string("for `briefing watch` only: no job socket on file descriptor ") +
                     std::to_string(kWorkerChannelFd));
  }
  warm_up();
  const int code = serve(kWorkerChannelFd);
  io.err.flush();
  // Nothing of the process is needed any more: skip the destructors of
  // the caches (font map, catalogues), which cost time and change nothing.
  std::fflush(stdout);
  std::fflush(stderr);
  _exit(code);
}

}  // namespace

Command worker_command() {
  Command command{
      kWorkerCommandName,
      "render jobs sent by `briefing watch` in one warm process (internal)",
      "",
      "Started by `briefing watch`: reads command lines from file descriptor 3 and\n"
      "runs each as `briefing ARGS` would, replying with its exit status and output.\n",
      {},
      run_worker_command,
  };
  command.hidden = true;
  return command;
}

}  // namespace briefing::cli
