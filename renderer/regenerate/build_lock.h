// One build at a time per manifest: an advisory lock (flock) on a file next to it.
#pragma once

#include <functional>
#include <string>

#include "base/c_handles.h"

namespace briefing {

/// An exclusive flock(2) on MANIFEST.lock, held from before a build reads
/// the manifest until after it last writes it, so that a second build of the
/// same manifest (another `briefing build`, a watch) decides from what the
/// first one left. Released when destroyed, or by the kernel if the process
/// dies. The lock file is left in place: removing it would let a third build
/// lock a new file while the second still holds the old one.
class BuildLock {
 public:
  /// Locks `manifest_path` + ".lock", creating it and its folder if needed.
  /// If another process holds it, calls `on_wait` once, then blocks until it
  /// is free. On failure (unwritable folder, a file system without locks)
  /// the lock is not held and error() says why; it never throws.
  BuildLock(const std::string& manifest_path, const std::function<void()>& on_wait);

  bool held() const { return static_cast<bool>(fd_); }
  const std::string& path() const { return path_; }
  /// "cannot create output/.briefing-manifest.json.lock: Permission denied".
  const std::string& error() const { return error_; }

 private:
  std::string path_;
  std::string error_;
  UniqueFd fd_;  // open and locked while held
};

}  // namespace briefing
