#include "base/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/c_handles.h"

namespace briefing {

FileContents read_file(const std::string& path) {
  FileContents result;
  const UniqueFd owned(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  const int fd = owned.get();
  if (fd < 0) {
    result.error = std::strerror(errno);
    return result;
  }
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
    result.error = std::strerror(EISDIR);
    return result;
  }
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      result.error = std::strerror(errno);
      result.bytes.clear();
      break;
    }
    result.bytes.append(buffer, static_cast<size_t>(n));
  }
  return result;
}

std::optional<std::string> read_text_file(const std::string& path) {
  FileContents contents = read_file(path);
  if (!contents.ok()) return std::nullopt;
  return std::move(contents.bytes);
}

}  // namespace briefing
