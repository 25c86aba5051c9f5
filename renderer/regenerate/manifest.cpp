#include "regenerate/manifest.h"

#include <sys/stat.h>

#include <cctype>
#include <charconv>
#include <filesystem>

#include "base/atomic_file.h"
#include "base/file_io.h"
#include "base/json.h"

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
      } else if (key == "files") {
        if (!files(manifest)) return false;
      } else {
        return false;
      }
    } while (accept(','));
    return expect('}') && format_ok;
  }

 private:
  bool files(Manifest& manifest) {
    if (!expect('{')) return false;
    if (accept('}')) return true;
    do {
      std::string path;
      FileStamp stamp;
      if (!string(path) || !expect(':') || !expect('{')) return false;
      do {
        std::string key;
        if (!string(key) || !expect(':')) return false;
        bool ok = false;
        if (key == "sha256") ok = string(stamp.sha256);
        if (key == "dev") ok = integer(stamp.device);
        if (key == "ino") ok = integer(stamp.inode);
        if (key == "size") ok = integer(stamp.size);
        if (key == "mtime_ns") ok = integer(stamp.mtime_ns);
        if (!ok) return false;
      } while (accept(','));
      if (!expect('}')) return false;
      manifest.files[path] = stamp;
    } while (accept(','));
    return expect('}');
  }

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
      switch (text_[pos_++]) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          uint32_t code_point = 0;
          if (!unicode_escape(code_point)) return false;
          append_utf8(out, code_point);
          break;
        }
        default:
          return false;
      }
    }
    return false;  // unterminated
  }

  /// The XXXX of \uXXXX, and a low surrogate's \uXXXX after a high one.
  bool unicode_escape(uint32_t& code_point) {
    uint32_t unit = 0;
    if (!hex4(unit)) return false;
    if (unit >= 0xDC00 && unit <= 0xDFFF) return false;  // a low surrogate alone
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      uint32_t low = 0;
      if (text_.compare(pos_, 2, "\\u") != 0) return false;
      pos_ += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
    code_point = unit;
    return true;
  }

  bool hex4(uint32_t& out) {
    if (text_.size() - pos_ < 4) return false;
    const char* first = text_.data() + pos_;
    // from_chars would take a sign or fewer digits; JSON wants exactly four.
    for (int i = 0; i < 4; ++i) {
      if (!std::isxdigit(static_cast<unsigned char>(first[i]))) return false;
    }
    std::from_chars(first, first + 4, out, 16);
    pos_ += 4;
    return true;
  }

  static void append_utf8(std::string& out, uint32_t code_point) {
    if (code_point < 0x80) {
      out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
      out += static_cast<char>(0xC0 | (code_point >> 6));
      out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
      out += static_cast<char>(0xE0 | (code_point >> 12));
      out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code_point >> 18));
      out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
  }

  /// A JSON integer that fits in int64_t; false (never a throw) otherwise.
  bool integer(int64_t& out) {
    skip_space();
    const char* first = text_.data() + pos_;
    const char* last = text_.data() + text_.size();
    const auto [end, error] = std::from_chars(first, last, out);
    if (error != std::errc() || end == first) return false;
    pos_ += static_cast<size_t>(end - first);
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
  out += first ? "}" : "\n  }";
  if (!manifest.files.empty()) {
    out += ",\n  \"files\": {";
    first = true;
    for (const auto& [path, stamp] : manifest.files) {
      out += first ? "\n" : ",\n";
      first = false;
      out += "    " + json_string(path) + ": {\"sha256\": " + json_string(stamp.sha256) +
             ", \"dev\": " + std::to_string(stamp.device) +
             ", \"ino\": " + std::to_string(stamp.inode) +
             ", \"size\": " + std::to_string(stamp.size) +
             ", \"mtime_ns\": " + std::to_string(stamp.mtime_ns) + "}";
    }
    out += "\n  }";
  }
  return out + "\n}\n";
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
