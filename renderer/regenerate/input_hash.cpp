#include "regenerate/input_hash.h"

#include <glib.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

#include "base/c_handles.h"
#include "regenerate/output_fonts.h"
#include "text/font_setup.h"

namespace briefing {
namespace {

struct CachedDigest {
  FileStamp stamp;
  int64_t taken_ns = 0;  // wall clock when it was read; 0 when it came from a manifest
  bool used = false;     // asked for by this process: only those go back into the manifest
};

std::mutex g_mutex;
std::map<std::string, CachedDigest> g_cache;  // by path

int64_t now_ns() {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

std::string digest_of_stream(std::ifstream& in) {
  const ChecksumPtr checksum(g_checksum_new(G_CHECKSUM_SHA256));
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    const std::streamsize n = in.gcount();
    if (n > 0) g_checksum_update(checksum.get(), reinterpret_cast<const guchar*>(buffer), n);
  }
  return g_checksum_get_string(checksum.get());
}

}  // namespace

InputHasher::InputHasher() : checksum_(g_checksum_new(G_CHECKSUM_SHA256)) {}

InputHasher::~InputHasher() = default;

void InputHasher::add(std::string_view label, std::string_view value) {
  GChecksum* checksum = checksum_.get();
  for (std::string_view part : {label, value}) {
    const std::string length = std::to_string(part.size()) + ":";
    g_checksum_update(checksum, reinterpret_cast<const guchar*>(length.data()),
                      static_cast<gssize>(length.size()));
    g_checksum_update(checksum, reinterpret_cast<const guchar*>(part.data()),
                      static_cast<gssize>(part.size()));
  }
}

void InputHasher::add_file(const std::string& path) { add(path, file_digest(path)); }

std::string InputHasher::finish() {
  std::string digest = g_checksum_get_string(checksum_.get());
  checksum_.reset();
  return digest;
}

std::string file_digest(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return "missing";
  FileStamp stamp;
  stamp.device = static_cast<int64_t>(info.st_dev);
  stamp.inode = static_cast<int64_t>(info.st_ino);
  stamp.size = static_cast<int64_t>(info.st_size);
  stamp.mtime_ns = static_cast<int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
  {
    std::lock_guard lock(g_mutex);
    if (const auto it = g_cache.find(path);
        it != g_cache.end() && it->second.stamp.same_file_as(stamp)) {
      it->second.used = true;
      return it->second.stamp.sha256;
    }
  }
  const int64_t taken = now_ns();
  std::ifstream in(path, std::ios::binary);
  if (!in) return "missing";
  stamp.sha256 = digest_of_stream(in);
  std::lock_guard lock(g_mutex);
  g_cache[path] = {stamp, taken, true};
  return stamp.sha256;
}

void remember_file_digests(const std::map<std::string, FileStamp>& stamps) {
  std::lock_guard lock(g_mutex);
  for (const auto& [path, stamp] : stamps) {
    if (stamp.sha256.empty()) continue;
    g_cache.emplace(path, CachedDigest{stamp, 0, false});  // what this process read wins
  }
}

std::map<std::string, FileStamp> known_file_digests(int64_t racy_ns) {
  std::map<std::string, FileStamp> stamps;
  std::lock_guard lock(g_mutex);
  for (const auto& [path, cached] : g_cache) {
    if (!cached.used) continue;  // a file no output reads any more
    if (cached.taken_ns != 0 && cached.taken_ns - cached.stamp.mtime_ns < racy_ns) continue;
    stamps.emplace(path, cached.stamp);
  }
  return stamps;
}

std::string environment_digest(const std::vector<std::string>& renderer_command) {
  InputHasher hasher;
  hasher.add("version", BRIEFING_VERSION);
  // It replaces the creation date written into every PDF.
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  hasher.add("SOURCE_DATE_EPOCH", epoch ? epoch : "");
  // A program file counts by its bytes, not its path: the same binary in
  // another build folder renders the same files.
  for (const auto& part : renderer_command) {
    std::error_code error;
    if (std::filesystem::is_regular_file(part, error)) {
      hasher.add("renderer file", file_digest(part));
    } else {
      hasher.add("renderer argument", part);
    }
  }
  std::vector<std::string> fonts;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(fonts_directory(), error)) {
    if (entry.is_regular_file(error)) fonts.push_back(entry.path().string());
  }
  std::sort(fonts.begin(), fonts.end());
  hasher.add("fonts", std::to_string(fonts.size()));
  for (const auto& font : fonts) {
    hasher.add("font", std::filesystem::path(font).filename().string());
    hasher.add("bytes", file_digest(font));
  }
  return hasher.finish();
}

std::string output_fingerprint(const OutputSpec& output, const std::string& environment) {
  InputHasher hasher;
  hasher.add("environment", environment);
  // Paths as written in the build file, so that the fingerprint does not
  // depend on the directory the build runs from.
  for (const auto& arg : render_arguments(output, PathBase::build_file)) hasher.add("arg", arg);
  for (const auto& file : input_files(output)) hasher.add("input", file_digest(file));
  // A layout's own fonts, by their bytes: a replaced house face re-renders.
  // (`system = true` faces are the machine's and are not tracked.)
  for (const auto& font : requested_font_files(output_font_requests(output))) {
    hasher.add("layout font", file_digest(font));
  }
  // Not the snapshot itself: it follows from the data's history, and the
  // render that updates it must not make the output stale.
  if (output.compare_with_previous) hasher.add("compare with", "previous render");
  return hasher.finish();
}

}  // namespace briefing
