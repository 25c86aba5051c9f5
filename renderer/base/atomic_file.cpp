#include "base/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <random>
#include <stdexcept>

namespace briefing {
namespace {

std::string folder_of(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

std::string random_suffix() {
  static std::mt19937_64 generator{std::random_device{}()};
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(generator()));
  return buffer;
}

std::string temp_name_for(const std::string& target) {
  const std::filesystem::path p(target);
  return (p.parent_path() / ("." + p.filename().string() + ".tmp-" + random_suffix())).string();
}

[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

// Named temporary files to remove if SIGINT or SIGTERM arrives (fallback path only).
constexpr int kMaxPending = 64;
char g_pending[kMaxPending][4096];
volatile std::sig_atomic_t g_pending_used[kMaxPending];
std::mutex g_pending_mutex;

extern "C" void remove_pending_and_reraise(int signal_number) {
  for (int i = 0; i < kMaxPending; ++i) {
    if (g_pending_used[i]) unlink(g_pending[i]);
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

void track_pending(const std::string& path, bool add) {
  static std::once_flag handlers;
  std::call_once(handlers, [] {
    std::signal(SIGINT, remove_pending_and_reraise);
    std::signal(SIGTERM, remove_pending_and_reraise);
  });
  std::lock_guard lock(g_pending_mutex);
  for (int i = 0; i < kMaxPending; ++i) {
    if (add && !g_pending_used[i] && path.size() < sizeof g_pending[i]) {
      std::memcpy(g_pending[i], path.c_str(), path.size() + 1);
      g_pending_used[i] = 1;
      return;
    }
    if (!add && g_pending_used[i] && path == g_pending[i]) {
      g_pending_used[i] = 0;
      return;
    }
  }
}

}  // namespace

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
  const std::string folder = folder_of(target_);
  fd_ = open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (fd_ >= 0) return;
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) fail("cannot write in", folder);
  temp_path_ = temp_name_for(target_);
  fd_ = open(temp_path_.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644);
  if (fd_ < 0) fail("cannot create", temp_path_);
  track_pending(temp_path_, true);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) close(fd_);
  if (!committed_ && !temp_path_.empty()) {
    unlink(temp_path_.c_str());
    track_pending(temp_path_, false);
  }
}

void AtomicFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", target_);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

void AtomicFile::commit() {
  if (fsync(fd_) != 0) fail("cannot flush", target_);
  if (temp_path_.empty()) {
    // Give the unnamed file a hidden name, then rename it over the target:
    // linkat cannot replace an existing file.
    const std::string named = temp_name_for(target_);
    const std::string fd_path = "/proc/self/fd/" + std::to_string(fd_);
    if (linkat(AT_FDCWD, fd_path.c_str(), AT_FDCWD, named.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      fail("cannot create", named);
    }
    if (std::rename(named.c_str(), target_.c_str()) != 0) {
      unlink(named.c_str());
      fail("cannot replace", target_);
    }
  } else {
    if (std::rename(temp_path_.c_str(), target_.c_str()) != 0) fail("cannot replace", target_);
    track_pending(temp_path_, false);
  }
  committed_ = true;
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  AtomicFile file(path);
  file.write(bytes);
  file.commit();
}

}  // namespace briefing
