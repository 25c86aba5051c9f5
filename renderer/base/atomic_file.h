// Files replaced all at once: a reader sees the old file or the new one, never half.
#pragma once

#include <string>
#include <string_view>

namespace briefing {

/// Writes into an unnamed temporary file in the target's folder (O_TMPFILE),
/// then links it over the target on commit(). If the process dies first, even
/// by SIGKILL, the target is untouched and no temporary file is left behind.
/// Where O_TMPFILE is unsupported it falls back to a named temporary file that
/// is removed on destruction and on SIGINT/SIGTERM.
class AtomicFile {
 public:
  explicit AtomicFile(std::string target);  // throws std::runtime_error
  ~AtomicFile();                            // discards unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);
  /// Flushes to disk and renames into place. Throws on failure.
  void commit();

 private:
  std::string target_;
  std::string temp_path_;  // only for the named fallback
  int fd_ = -1;
  bool committed_ = false;
};

/// Replaces `path` with `bytes` atomically.
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace briefing
