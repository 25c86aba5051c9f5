// The build manifest: for each output, the fingerprint of the inputs it was
// last rendered from, and the file it left (size, modification time); and
// the digests of the input files with the stat fields they were taken at,
// so that the next build re-reads only the files that changed.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace briefing {

struct ManifestEntry {
  std::string fingerprint;  // output_fingerprint() at the last successful render
  int64_t size = -1;        // the output file's size and modification time (ns)
  int64_t mtime_ns = -1;    // just after that render
};

/// A file's SHA-256 and what stat() said when it was taken.
struct FileStamp {
  int64_t device = -1, inode = -1, size = -1, mtime_ns = -1;
  std::string sha256;  // hex

  bool same_file_as(const FileStamp& other) const {
    return device == other.device && inode == other.inode && size == other.size &&
           mtime_ns == other.mtime_ns;
  }
};

struct Manifest {
  std::map<std::string, ManifestEntry> outputs;  // by output path
  std::map<std::string, FileStamp> files;        // by the path that was hashed

  /// True if output `key` (its path in the build file) was rendered from
  /// `fingerprint` and `file` on disk is still the one that render left
  /// (exists, same size and time).
  bool up_to_date(const std::string& key, const std::string& file,
                  const std::string& fingerprint) const;
  /// Records a successful render of output `key` into `file` (stats it now).
  void record(const std::string& key, const std::string& file, const std::string& fingerprint);
  void forget(const std::string& key) { outputs.erase(key); }
};

/// Reads a manifest; a missing, unreadable or malformed manifest (truncated,
/// numbers out of range, bad escapes) is an empty one, so everything is
/// rendered: never an error, never an exception.
Manifest read_manifest(const std::string& path);

/// Writes the manifest as JSON, atomically, creating its folder if needed.
void write_manifest(const std::string& path, const Manifest& manifest);

/// The JSON text of a manifest, and back: false, with `manifest` untouched,
/// on any text that is not a manifest (it never throws).
std::string manifest_to_json(const Manifest& manifest);
bool manifest_from_json(const std::string& text, Manifest& manifest);

}  // namespace briefing
