#include "regenerate/build_lock.h"

#include <fcntl.h>
#include <sys/file.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace briefing {
namespace {

/// Opens the lock file, creating it; an existing one that we may only read
/// will do too, since flock needs no write access.
UniqueFd open_lock_file(const std::string& path, std::string& error) {
  const auto folder = std::filesystem::path(path).parent_path();
  std::error_code folder_error;
  if (!folder.empty()) std::filesystem::create_directories(folder, folder_error);
  if (folder_error) {
    error = "cannot create folder " + folder.string() + ": " + folder_error.message();
    return {};
  }
  UniqueFd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
  if (fd) return fd;
  const int create_errno = errno;  // the reason to report: a read-only open can only add ENOENT
  if (create_errno == EACCES || create_errno == EROFS) {
    fd.reset(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  }
  if (!fd) error = "cannot create " + path + ": " + std::strerror(create_errno);
  return fd;
}

int flock_retrying(int fd, int operation) {
  int result;
  do {
    result = ::flock(fd, operation);
  } while (result != 0 && errno == EINTR);
  return result;
}

}  // namespace

BuildLock::BuildLock(const std::string& manifest_path, const std::function<void()>& on_wait)
    : path_(manifest_path + ".lock") {
  UniqueFd fd = open_lock_file(path_, error_);
  if (!fd) return;
  // Without blocking first: only a build that really waits says so.
  if (flock_retrying(fd.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) {
      error_ = "cannot lock " + path_ + ": " + std::strerror(errno);
      return;
    }
    if (on_wait) on_wait();
    if (flock_retrying(fd.get(), LOCK_EX) != 0) {
      error_ = "cannot lock " + path_ + ": " + std::strerror(errno);
      return;
    }
  }
  fd_ = std::move(fd);
}

}  // namespace briefing
