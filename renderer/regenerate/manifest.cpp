#include "base/file_io.h"
#include "regenerate/manifest.h"

#include <sys/stat.h>

#include <cctype>
#include <filesystem>

#include "base/json.h"
#include "load/dataset_loader.h"
#include "base/atomic_file.h"

namespace briefing {
namespace {

constexpr const char* kFormat = "briefing-manifest-1";

bool stat_file(const std::string& path, int64_t& size, int64_t& mtime_ns) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
  size = static_cast<int64_t>(info.st_size);
  mtime_ns = static_cast<int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
  return true;
}

/// Reads just the JSON this file writes: objects of strings and integers.
class ManifestParser {
 public:
  explicit ManifestParser(const std::string& text) : text_(text) {}

  bool parse(Manifest& manifest) {
    if (!expect('{')) return false;
    bool format_ok = false;
    if (peek('}')) return false;
    do {
      std::string key;
      if (!string(key) || !expect(':')) return false;
      if (key == "format") {
        std::string format;
        if (!string(format)) return false;
        format_ok = format == kFormat;
      } else if (key == "outputs") {
        if (!outputs(manifest)) return false;
      } else {
        return false;
      }
    } while (accept(','));
    return expect('}') && format_ok;
  }

 private:
  bool outputs(Manifest& manifest) {
    if (!expect('{')) return false;
    if (accept('}')) return true;
    do {
      std::string path;
      ManifestEntry entry;
      if (!string(path) || !expect(':') || !expect('{')) return false;
      do {
        std::string key;
        if (!string(key) || !expect(':')) return false;
        if (key == "inputs") {
          if (!string(entry.fingerprint)) return false;
        } else if (key == "size") {
          if (!integer(entry.size)) return false;
        } else if (key == "mtime_ns") {
          if (!integer(entry.mtime_ns)) return false;
        } else {
          return false;
        }
      } while (accept(','));
      if (!expect('}')) return false;
      manifest.outputs[path] = entry;
    } while (accept(','));
    return expect('}');
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool peek(char c) {
    skip_space();
    return pos_ < text_.size() && text_[pos_] == c;
  }
  bool accept(char c) {
    if (!peek(c)) return false;
    ++pos_;
    return true;
  }
  bool expect(char c) { return accept(c); }

  bool string(std::string& out) {
    if (!expect('"')) return false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) return false;
      const char escaped = text_[pos_++];
      if (escaped == 'u') {
        if (pos_ + 4 > text_.size()) return false;
        out += static_cast<char>(std::stoi(text_.substr(pos_, 4), nullptr, 16));
        pos_ += 4;
      } else {
        out += escaped;
      }
    }
    return false;
  }

  bool integer(int64_t& out) {
    skip_space();
    const size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    if (pos_ == start) return false;
    out = std::stoll(text_.substr(start, pos_ - start));
    return true;
  }

  const std::string& text_;
  size_t pos_ = 0;
};

}  // namespace

bool Manifest::up_to_date(const std::string& key, const std::string& file,
                          const std::string& fingerprint) const {
  const auto it = outputs.find(key);
  if (it == outputs.end() || it->second.fingerprint != fingerprint) return false;
  int64_t size = 0, mtime_ns = 0;
  if (!stat_file(file, size, mtime_ns)) return false;
  return size == it->second.size && mtime_ns == it->second.mtime_ns;
}

void Manifest::record(const std::string& key, const std::string& file,
                      const std::string& fingerprint) {
  ManifestEntry entry;
  entry.fingerprint = fingerprint;
  if (!stat_file(file, entry.size, entry.mtime_ns)) {
    outputs.erase(key);  // nothing there to be up to date
    return;
  }
  outputs[key] = entry;
}

std::string manifest_to_json(const Manifest& manifest) {
  std::string out = "{\n  \"format\": " + json_string(kFormat) + ",\n  \"outputs\": {";
  bool first = true;
  for (const auto& [path, entry] : manifest.outputs) {
    out += first ? "\n" : ",\n";
    first = false;
    out += "    " + json_string(path) + ": {\"inputs\": " + json_string(entry.fingerprint) +
           ", \"size\": " + std::to_string(entry.size) +
           ", \"mtime_ns\": " + std::to_string(entry.mtime_ns) + "}";
  }
  out += first ? "}\n}\n" : "\n  }\n}\n";
  return out;
}

bool manifest_from_json(const std::string& text, Manifest& manifest) {
  Manifest parsed;
  if (!ManifestParser(text).parse(parsed)) return false;
  manifest = std::move(parsed);
  return true;
}

Manifest read_manifest(const std::string& path) {
  Manifest manifest;
  if (const auto text = read_text_file(path)) manifest_from_json(*text, manifest);
  return manifest;
}

void write_manifest(const std::string& path, const Manifest& manifest) {
  const auto folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder);
  write_file_atomically(path, manifest_to_json(manifest));
}

}  // namespace briefing
