// Fingerprints of everything an output depends on, to tell whether it is stale.
#pragma once

#include <glib.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/c_handles.h"
#include "regenerate/build_file.h"

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
/// (device, inode, size, modification time), so that watch mode does not
/// re-read fonts and the program on every save.
std::string file_digest(const std::string& path);

/// What every output shares: the program version, the renderer program's
/// files (so a rebuilt binary re-renders) and every file in the fonts folder.
std::string environment_digest(const std::vector<std::string>& renderer_command);

/// The fingerprint of one output: the environment digest, its render
/// arguments and the bytes of every input file.
std::string output_fingerprint(const OutputSpec& output, const std::string& environment);

}  // namespace briefing
