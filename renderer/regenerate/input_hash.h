// Fingerprints of everything an output depends on, to tell whether it is stale.
#pragma once

#include <glib.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/c_handles.h"
#include "regenerate/build_file.h"
#include "regenerate/manifest.h"

namespace briefing {

/// SHA-256 over a sequence of labelled parts (GLib's GChecksum).
class InputHasher {
 public:
  InputHasher();
  ~InputHasher();
  InputHasher(const InputHasher&) = delete;
  InputHasher& operator=(const InputHasher&) = delete;

  /// Adds a label and a value, length-prefixed so that parts cannot run together.
  void add(std::string_view label, std::string_view value);
  /// Adds a file's path and the digest of its bytes ("missing" when unreadable).
  void add_file(const std::string& path);
  /// Lowercase hex digest; the hasher cannot be used afterwards.
  std::string finish();

 private:
  ChecksumPtr checksum_;
};

/// SHA-256 (hex) of a file's bytes, or "missing". Cached per process by
/// path and (device, inode, size, modification time), so that watch mode
/// does not re-read fonts and the program on every save; a build seeds the
/// cache from its manifest (remember_file_digests), so that a new process
/// re-reads only what changed since the last build.
std::string file_digest(const std::string& path);

/// Adds stamps (from a manifest) to file_digest's cache.
void remember_file_digests(const std::map<std::string, FileStamp>& stamps);

/// The cache's stamps worth keeping for the next process: those file_digest
/// was asked for (so that files no longer read drop out), and not those whose
/// modification time was within `racy_ns` of when they were taken (a write
/// in the same clock tick after the read would not change the stamp).
std::map<std::string, FileStamp> known_file_digests(int64_t racy_ns = 2000000000);

/// What every output shares: the program version, the renderer program's
/// files (so a rebuilt binary re-renders) and every file in the fonts folder.
std::string environment_digest(const std::vector<std::string>& renderer_command);

/// The fingerprint of one output: the environment digest, its render
/// arguments and the bytes of every input file.
std::string output_fingerprint(const OutputSpec& output, const std::string& environment);

}  // namespace briefing
