#include "load/toml_guard.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace briefing {
namespace {

constexpr char32_t kEnd = 0xFFFFFFFF;  // past the last code point

// toml++ 3.3.0 recurses once per level of tables and arrays when it finishes
// a document (update_region_ends()) and when it frees it: 30,000 dotted key
// parts overflow an 8 MB stack. Upstream later capped dotted keys at 1024.
constexpr int kMaxDepth = 1024;

struct CodePoint {
  char32_t value;
  size_t offset;  // bytes
  size_t length;  // bytes
  SourceRange at;
};

// Decodes as leniently as toml++'s reader or more so, and stops where it
// cannot go on: toml++ throws there when it reads the block, before it
// parses anything after it. A BOM is skipped and not counted, as toml++ does.
// Decodes on demand and keeps only a window around the screen's position (a
// few code points behind it, as far ahead as it looked): a whole decoded
// copy of the text cost 40 bytes per byte of input.
class CodePointStream {
 public:
  explicit CodePointStream(std::string_view text)
      : text_(text), next_(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0) {}

  // Code point `i` (0-based over the whole text), or nullptr past the end.
  const CodePoint* get(size_t i) {
    while (base_ + window_.size() <= i) {
      if (!decode_next()) return nullptr;
    }
    return &window_[i - base_];
  }

  // When code point `i` is the last one decoded and an ASCII byte for
  // which `plain` holds: skips it and what follows up to the first ASCII
  // byte for which `plain` does not hold, or the first malformed UTF-8
  // (decoded as usual, to stop there), without decoding into the window;
  // returns how many code points (else 0). Every non-ASCII code point is
  // plain where this is used. The window is emptied: nothing before the
  // next code point is asked for again.
  template <typename Plain>
  size_t skip_plain(size_t i, Plain plain) {
    if (window_.empty() || i + 1 != base_ + window_.size()) return 0;  // looked ahead
    const char32_t current = window_.back().value;
    if (current >= 0x80 || !plain(static_cast<unsigned char>(current))) return 0;
    size_t at = next_;
    size_t skipped = 1;
    while (at < text_.size()) {
      const auto b = static_cast<unsigned char>(text_[at]);
      size_t length = 1;
      if (b >= 0x80) {
        length = (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || at + length > text_.size()) break;
        bool whole = true;
        for (size_t k = 1; k < length; ++k) {
          whole = whole && (static_cast<unsigned char>(text_[at + k]) & 0xC0) == 0x80;
        }
        if (!whole) break;
      } else if (!plain(b)) {
        break;
      }
      if (b == '\n') {
        ++at_.line;
        at_.column = 1;
      } else {
        ++at_.column;
      }
      at += length;
      ++skipped;
    }
    next_ = at;
    window_.clear();
    base_ = i + skipped;
    return skipped;
  }

  // Code points before `i` are no longer asked for: dropped in batches, so
  // that each is moved at most once.
  void release_before(size_t i) {
    if (i < base_ + kBatch || i > base_ + window_.size()) return;
    window_.erase(window_.begin(), window_.begin() + static_cast<std::ptrdiff_t>(i - base_));
    base_ = i;
  }

 private:
  bool decode_next() {
    const size_t i = next_;
    if (i >= text_.size()) return false;
    const auto lead = static_cast<unsigned char>(text_[i]);
    const size_t length = lead < 0x80           ? 1
                          : (lead >> 5) == 0x6  ? 2
                          : (lead >> 4) == 0xE  ? 3
                          : (lead >> 3) == 0x1E ? 4
                                                : 0;
    if (length == 0 || i + length > text_.size()) return false;
    char32_t value = length == 1 ? lead : lead & (0x7Fu >> length);
    bool whole = true;
    for (size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text_[i + k]);
      whole = whole && (next & 0xC0) == 0x80;
      value = (value << 6) | (next & 0x3Fu);
    }
    if (!whole) return false;
    window_.push_back({value, i, length, at_});
    if (value == U'\n') {
      ++at_.line;
      at_.column = 1;
    } else {
      ++at_.column;
    }
    next_ = i + length;
    return true;
  }

  std::string_view text_;
  size_t next_;           // byte offset of the next code point to decode
  SourceRange at_{1, 1};  // where it stands
  static constexpr size_t kBatch = 4096;
  std::vector<CodePoint> window_;
  size_t base_ = 0;  // index of window_.front()
};

bool is_blank(char32_t c) { return c == U' ' || c == U'\t'; }

// The non-ASCII code points toml++ 3.3.0 counts as horizontal white space;
// it trims them after a line-ending backslash as it does blanks.
bool is_unicode_blank(char32_t c) {
  return c == 0xA0 || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
         c == 0x205F || c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

bool is_bare_key_character(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') ||
         c == U'_' || c == U'-';
}

std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

std::string hex4(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04X", static_cast<unsigned>(c));
  return buffer;
}

// "'×' (U+00D7)", or a name for what has no glyph.
std::string describe(char32_t c) {
  if (c == U'\n' || c == U'\r') return "the end of the line";
  if (c < 0x20 || c == 0x7F) return "U+" + hex4(c);
  if (c < 0x80) return "'" + utf8(c) + "'";
  return "'" + utf8(c) + "' (U+" + hex4(c) + ")";
}

// Follows toml++'s lexical states closely enough to agree with it on every
// valid prefix of a document; after toml++'s first error it may disagree,
// which is harmless since toml++ stops there.
class Screen {
 public:
  explicit Screen(std::string_view text, std::u32string header_name = {})
      : cps_(text), header_name_(std::move(header_name)) {}

  std::vector<TomlHeaderStart> take_headers() { return std::move(headers_); }

  std::vector<TomlHazard> run() {
    for (i_ = 0; cps_.get(i_) && !stopped_; ++i_) {
      // Inside strings and comments most code points change nothing: runs
      // of them are skipped without decoding them into the window.
      if (const PlainBytes plain = plain_bytes(); plain != PlainBytes::none) {
        i_ += cps_.skip_plain(i_, [plain](unsigned char b) { return is_plain(plain, b); });
        if (!cps_.get(i_)) break;
      }
      // bare_code_point() looks 11 code points back.
      if (i_ > kLookBehind) cps_.release_before(i_ - kLookBehind);
      switch (mode_) {
        case Mode::normal:
          normal();
          break;
        case Mode::comment:
          comment();
          break;
        case Mode::basic:
          basic();
          break;
        case Mode::literal:
          literal();
          break;
        case Mode::ml_basic:
          ml_basic();
          break;
        case Mode::ml_literal:
          ml_literal();
          break;
      }
    }
    return std::move(found_);
  }

 private:
  enum class Mode { normal, comment, basic, literal, ml_basic, ml_literal };

  static constexpr size_t kLookBehind = 16;

  // Which ASCII bytes the current state ignores (the mode functions below
  // return at once for them and for every non-ASCII code point, and only
  // look ahead from a delimiter).
  enum class PlainBytes { none, comment, basic, literal, ml_basic, ml_literal };
  PlainBytes plain_bytes() const {
    switch (mode_) {
      case Mode::normal:
        return PlainBytes::none;
      case Mode::comment:
        return PlainBytes::comment;
      case Mode::basic:
        return escaped_ ? PlainBytes::none : PlainBytes::basic;
      case Mode::literal:
        return PlainBytes::literal;
      case Mode::ml_basic:
        return escaped_ || line_ending_ || skipping_ ? PlainBytes::none : PlainBytes::ml_basic;
      case Mode::ml_literal:
        return PlainBytes::ml_literal;
    }
    return PlainBytes::none;
  }
  static bool is_plain(PlainBytes plain, unsigned char b) {
    switch (plain) {
      case PlainBytes::none:
        return false;
      case PlainBytes::comment:
        return b != '\n';
      case PlainBytes::basic:
        return b != '\\' && b != '"' && b != '\n';
      case PlainBytes::literal:
        return b != '\'' && b != '\n';
      case PlainBytes::ml_basic:
        return b != '\\' && b != '"';
      case PlainBytes::ml_literal:
        return b != '\'';
    }
    return false;
  }

  char32_t at(size_t i) {
    const CodePoint* cp = cps_.get(i);
    return cp ? cp->value : kEnd;
  }
  const CodePoint& cp(size_t i) { return *cps_.get(i); }
  size_t run_of(char32_t c) {
    size_t n = 0;
    while (at(i_ + n) == c) ++n;
    return n;
  }

  void found(TomlHazardKind kind, size_t i, char defused_as = '\x01') {
    const CodePoint& c = cp(i);
    found_.push_back({kind, c.offset, c.length, c.at, c.value, defused_as, c.at});
    stopped_ = kind != TomlHazardKind::stand_in;
  }

  void normal() {
    const char32_t c = at(i_);
    if (bare_) {
      bare_code_point(c);
      if (stopped_) return;
    }
    if (c == U'\n') {
      bare_ = false;
      if (open_.empty()) value_start_ = false;  // an array's value may come on a later line
      new_line();
      return;
    }
    if (is_blank(c) || c == U'\r') return;
    const bool line_start = line_start_;
    line_start_ = false;
    // toml++ scans a number, date or boolean up to a white space, ',', ']',
    // '}' or '#', asking of each code point whether it is white space (and
    // past one space for a date and time): quotes there open no string.
    if (bare_) {
      if (c != U',' && c != U']' && c != U'}' && c != U'#') {
        if (is_toml_whitespace_hazard(c)) found(TomlHazardKind::stray, i_);
        return;
      }
      bare_ = false;
    }
    if (value_start_ && c != U'#') {  // a comment may come first, in an array
      value_start_ = false;
      if (c == U'}' && !open_.empty() && open_.back().bracket == U'[') {
        found(TomlHazardKind::array_brace, i_, ',');
        return;
      }
      if (c != U'"' && c != U'\'' && c != U'[' && c != U'{' && c != U',' && c != U']' &&
          c != U'}') {
        bare_ = true;
        bare_start_.clear();
        date_chars_.clear();
        date_scan_ = DateScan::chars;
        bare_at_ = cp(i_).at;
        bare_code_point(c);
        if (!stopped_ && is_toml_whitespace_hazard(c)) found(TomlHazardKind::stray, i_);
        return;
      }
    }
    if (c == U'#') {
      mode_ = Mode::comment;
    } else if (c == U'"' || c == U'\'') {
      open_string(c);
    } else if (c == U'[' && open_.empty() && line_start) {
      table_header();  // its brackets do not nest
    } else if (c == U'.') {
      if (in_key_ || in_header_) ++key_dots_;
    } else if (c == U'=') {
      if (in_key_) end_key();
    } else if (c == U'[' || c == U'{') {
      // A value: an element of the array around it, or that of the last key.
      const int depth =
          !open_.empty() && open_.back().bracket == U'[' ? open_.back().depth + 1 : value_depth_;
      open_.push_back({c, depth});
      if (c == U'{') start_key();
      value_start_ = c == U'[';
      if (depth > kMaxDepth) found(TomlHazardKind::too_deep, i_);
    } else if (c == U']' || c == U'}') {
      if (!open_.empty()) {
        open_.pop_back();
      } else if (in_header_ && c == U']') {
        in_header_ = false;
        header_depth_ = key_dots_ + 1;
        if (header_depth_ > kMaxDepth) found(TomlHazardKind::too_deep, i_);
      }
    } else if (c == U',') {
      if (!open_.empty() && open_.back().bracket == U'{') start_key();
      value_start_ = !open_.empty() && open_.back().bracket == U'[';
    } else if (is_toml_whitespace_hazard(c)) {
      found(TomlHazardKind::stray, i_);
    }
  }

  // Two date-time shapes trip toml++. "YYYY-MM-DDT" and a non-digit: the
  // first code points as they are. And ten stored characters (its number
  // scan skips '_' and checks only that the first is a digit and the fifth
  // and eighth are '-'), a space, one digit and a value terminator.
  void bare_code_point(char32_t c) {
    const auto digit = [](char32_t d) { return d >= U'0' && d <= U'9'; };
    if (bare_start_.size() < 12) {
      bare_start_ += c;
      const std::u32string& s = bare_start_;
      if (s.size() == 12 && (s[10] == U'T' || s[10] == U't') && !digit(c) && digit(s[0]) &&
          digit(s[1]) && digit(s[2]) && digit(s[3]) && s[4] == U'-' && digit(s[5]) && digit(s[6]) &&
          s[7] == U'-' && digit(s[8]) && digit(s[9])) {
        found(TomlHazardKind::time_after_t, i_, '0');
        found_.back().own_error_before = cp(i_ - 11).at;
        return;
      }
    }
    const bool terminator = is_blank(c) || (c >= U'\n' && c <= U'\r') || c == U',' || c == U']' ||
                            c == U'}' || c == U'#' || c >= 0x80;
    switch (date_scan_) {
      case DateScan::chars:
        if (c == U'_') return;
        if (!terminator) {
          if (date_chars_.size() < 11) date_chars_ += c;
          return;
        }
        date_scan_ = c == U' ' && date_chars_.size() == 10 && digit(date_chars_[0]) &&
                             date_chars_[4] == U'-' && date_chars_[7] == U'-'
                         ? DateScan::space
                         : DateScan::done;
        return;
      case DateScan::space:
        date_scan_ = digit(c) ? DateScan::hour : DateScan::done;
        return;
      case DateScan::hour:
        date_scan_ = DateScan::done;
        if (terminator) {
          found(TomlHazardKind::lone_hour, i_ - 1);
          found_.back().own_error_before = bare_at_;
        }
        return;
      case DateScan::done:
        return;
    }
  }

  void new_line() {
    line_start_ = true;
    if (open_.empty()) start_key();  // the line holds a key, a header or nothing
  }

  // Keys come at the start of a line outside brackets and after '{' or ','
  // in an inline table; each '.' in one is a table deeper.
  void start_key() {
    in_key_ = true;
    key_dots_ = 0;
  }
  void end_key() {
    in_key_ = false;
    const int base = open_.empty() ? header_depth_ : open_.back().depth;
    value_depth_ = base + key_dots_ + 1;
    value_start_ = true;
    if (value_depth_ > kMaxDepth) found(TomlHazardKind::too_deep, i_);
  }

  // As toml++'s parse_string(): three delimiters open a multi-line string,
  // two are an empty string.
  void open_string(char32_t delimiter) {
    const bool basic = delimiter == U'"';
    const size_t run = run_of(delimiter);
    if (run >= 3) {
      mode_ = basic ? Mode::ml_basic : Mode::ml_literal;
      escaped_ = line_ending_ = skipping_ = false;
      i_ += 2;
    } else if (run == 2) {
      i_ += 1;
    } else {
      mode_ = basic ? Mode::basic : Mode::literal;
      escaped_ = false;
    }
  }

  // toml++ skips blanks after '[', then a second '[' (if no blank came
  // first), then blanks, and calls parse_key() on what comes next, asking of
  // each blank-or-not whether it is white space.
  void table_header() {
    if (!header_name_.empty() && cp(i_).at.column == 1 && is_named_header()) {
      headers_.push_back({cp(i_).offset, cp(i_).at.line});
    }
    size_t j = i_ + 1;
    const size_t first = j;
    while (is_blank(at(j))) ++j;
    if (j == first && at(j) == U'[') {
      ++j;
      while (is_blank(at(j))) ++j;
    }
    const char32_t next = at(j);
    if (next == kEnd || next == U']' || next == U'"' || next == U'\'' ||
        is_bare_key_character(next)) {
      i_ = j - 1;  // the loop moves on to `next`
      in_header_ = true;
      in_key_ = false;
      key_dots_ = 0;
    } else {
      found(is_toml_whitespace_hazard(next) ? TomlHazardKind::stray : TomlHazardKind::table_header,
            j, ']');
    }
  }

  // `[[` header_name_ `]]` from the '[' at i_.
  bool is_named_header() {
    if (at(i_ + 1) != U'[') return false;
    for (size_t k = 0; k < header_name_.size(); ++k) {
      if (at(i_ + 2 + k) != header_name_[k]) return false;
    }
    return at(i_ + 2 + header_name_.size()) == U']' && at(i_ + 3 + header_name_.size()) == U']';
  }

  void comment() {
    if (at(i_) == U'\n') {
      mode_ = Mode::normal;
      new_line();
    }
  }

  void basic() {
    const char32_t c = at(i_);
    if (escaped_) {
      escaped_ = false;
    } else if (c == U'\\') {
      escaped_ = true;
    } else if (c == U'"') {
      mode_ = Mode::normal;
    } else if (c == U'\n') {  // toml++ stops here
      mode_ = Mode::normal;
      new_line();
    }
  }

  void literal() {
    const char32_t c = at(i_);
    if (c == U'\'') {
      mode_ = Mode::normal;
    } else if (c == U'\n') {  // toml++ stops here
      mode_ = Mode::normal;
      new_line();
    }
  }

  // As toml++'s parse_basic_string(true), which asks whether a code point is
  // white space right after a backslash, while it skips the blanks that
  // follow a line-ending backslash, and while it trims the lines after one.
  void ml_basic() {
    const char32_t c = at(i_);
    if (line_ending_) {
      if (is_blank(c) || c == U'\r') return;
      line_ending_ = false;
      if (c == U'\n') {
        skipping_ = true;
      } else if (is_toml_whitespace_hazard(c)) {
        found(TomlHazardKind::after_line_end, i_);
      }
      return;
    }
    if (escaped_) {
      escaped_ = false;
      if (is_blank(c) || c == U'\r') {
        line_ending_ = true;
      } else if (c == U'\n') {
        skipping_ = true;
      } else if (is_toml_whitespace_hazard(c)) {
        found(TomlHazardKind::escaped, i_);
      }
      return;
    }
    if (c == U'\\') {
      escaped_ = true;
      skipping_ = false;
      return;
    }
    if (c == U'"') {
      close_ml_string(c);
      skipping_ = false;
      return;
    }
    if (!skipping_) return;
    if (is_blank(c) || c == U'\n' || c == U'\r' || is_unicode_blank(c)) return;
    skipping_ = false;
    if (is_toml_whitespace_hazard(c)) found(TomlHazardKind::stand_in, i_);
  }

  void ml_literal() {
    if (at(i_) == U'\'') close_ml_string(U'\'');
  }

  // toml++ reads up to five delimiters: three or more end the string (the
  // fourth and fifth are content), fewer are content.
  void close_ml_string(char32_t delimiter) {
    const size_t run = run_of(delimiter);
    if (run >= 3) {
      mode_ = Mode::normal;
      i_ += std::min<size_t>(run, 5) - 1;
    } else {
      i_ += run - 1;
    }
  }

  CodePointStream cps_;
  std::u32string header_name_;  // of the headers to note, if any
  std::vector<TomlHeaderStart> headers_;
  std::vector<TomlHazard> found_;
  size_t i_ = 0;
  Mode mode_ = Mode::normal;
  struct Open {
    char32_t bracket;  // '[' or '{' of a value
    int depth;         // of the array or inline table: the root is 0
  };
  std::vector<Open> open_;
  int header_depth_ = 0;  // of the table the last header opened
  int value_depth_ = 0;   // of the value after the last key
  int key_dots_ = 0;      // in the key or header being read
  bool in_key_ = true;
  bool in_header_ = false;
  bool value_start_ = false;   // a value may start here
  bool bare_ = false;          // in a number, date or boolean
  std::u32string bare_start_;  // its first 12 code points
  enum class DateScan { chars, space, hour, done };
  DateScan date_scan_ = DateScan::done;
  std::u32string date_chars_;  // as toml++'s number scan stores them
  SourceRange bare_at_;        // where the bare value starts
  bool line_start_ = true;     // only blanks so far on this line (normal mode)
  bool escaped_ = false;       // the previous code point was a backslash
  bool line_ending_ = false;   // in the blanks after a line-ending backslash
  bool skipping_ = false;      // trimming white space after a line-ending backslash
  bool stopped_ = false;
};

// A private-use code point that neither appears in `text` nor can come out
// of an escape in it, and is not among `taken`.
std::string free_stand_in(std::string_view text, const std::string& lowered,
                          const std::vector<std::pair<std::string, std::string>>& taken) {
  for (char32_t c = 0xE000; c <= 0xF8FF; ++c) {
    std::string hex = hex4(c);
    std::transform(hex.begin(), hex.end(), hex.begin(), [](char h) {
      return static_cast<char>(h >= 'A' && h <= 'F' ? h - 'A' + 'a' : h);
    });
    const std::string bytes = utf8(c);
    const bool used = std::any_of(taken.begin(), taken.end(),
                                  [&](const auto& pair) { return pair.first == bytes; });
    if (!used && text.find(bytes) == std::string_view::npos &&
        lowered.find(hex) == std::string::npos) {
      return bytes;
    }
  }
  return {};  // the text names every one of them: the hazard becomes an error
}

// `text` with every white-space hazard replaced by U+0001 (one code point
// for one: lines and columns stay). Malformed UTF-8 is copied as it is.
std::string without_whitespace_hazards(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t length = (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 1;
    char32_t value = 0;
    bool whole = i + length <= text.size() && length > 1;
    for (size_t k = 1; whole && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      whole = (next & 0xC0) == 0x80;
      value = (k == 1 ? lead & (0x7Fu >> length) : value) << 6 | (next & 0x3Fu);
    }
    if (whole && is_toml_whitespace_hazard(value)) {
      out += '\x01';
      i += length;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace

bool is_toml_whitespace_hazard(char32_t c) {
  // toml++ 3.3.0's is_non_ascii_horizontal_whitespace(): a 64-bit mask over
  // blocks of 0x3FA code points from U+00A0; blocks 0, 11 and 63 hold
  // white space but reach TOML_UNREACHABLE for every other code point.
  if (c < 0xA0 || c > 0xFEFF) return false;
  const uint64_t block = (static_cast<uint64_t>(c) - 0xA0) / 0x3FA;
  if ((uint64_t{1} << block) & 0x7FFFFFFFFFFFF75Eull) return false;
  if (c == 0xA0 || c == 0x3000 || c == 0xFEFF) return false;
  return block != 5 && block != 7;
}

std::vector<TomlHazard> find_toml_hazards(std::string_view text) { return Screen(text).run(); }

TomlScan scan_toml(std::string_view text, std::string_view array_of_tables_name) {
  Screen screen(text, std::u32string(array_of_tables_name.begin(), array_of_tables_name.end()));
  TomlScan scan;
  scan.hazards = screen.run();
  scan.headers = screen.take_headers();
  return scan;
}

std::string TomlHazard::message() const {
  switch (kind) {
    case TomlHazardKind::stand_in:
      return "cannot read " + describe(code_point) + " right after a line-ending backslash";
    case TomlHazardKind::stray:
      return "unexpected character " + describe(code_point);
    case TomlHazardKind::escaped:
      return describe(code_point) + " cannot follow a backslash";
    case TomlHazardKind::after_line_end:
      return "unexpected character " + describe(code_point) + " after a line-ending backslash";
    case TomlHazardKind::table_header:
      return "expected a table name after '[', saw " + describe(code_point);
    case TomlHazardKind::array_brace:
      return "expected a value or ']', saw '}'";
    case TomlHazardKind::time_after_t:
      return "expected the hour after 'T', saw " + describe(code_point);
    case TomlHazardKind::lone_hour:
      return "expected a two-digit hour after the date, saw " + describe(code_point);
    case TomlHazardKind::too_deep:
      return "tables and arrays nest more than " + std::to_string(kMaxDepth) + " deep here";
  }
  return {};
}

std::string TomlHazard::hint() const {
  switch (kind) {
    case TomlHazardKind::stand_in:
      return "write it as \\u" + hex4(code_point);
    case TomlHazardKind::stray:
      return "outside quotes and comments TOML allows only ASCII; quote the key or the text";
    case TomlHazardKind::escaped:
      return "escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX, or a backslash that "
             "ends the line";
    case TomlHazardKind::after_line_end:
      return "only spaces or tabs may follow a backslash that ends a line";
    case TomlHazardKind::table_header:
      return "a table header is [name] or [[name]]; quote a name that is not letters, digits, "
             "'_' and '-'";
    case TomlHazardKind::time_after_t:
    case TomlHazardKind::lone_hour:
      return "a date and time is 1979-05-27T07:32:00";
    case TomlHazardKind::array_brace:
      return "an array is [value, ...]; an inline table is {key = value}";
    case TomlHazardKind::too_deep:
      return "each '.' in a key and each bracket is one level";
  }
  return {};
}

DefusedToml defuse_toml(std::string_view text, const std::vector<TomlHazard>& hazards) {
  DefusedToml out;
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  size_t copied = 0;
  for (const TomlHazard& hazard : hazards) {
    out.text.append(text.substr(copied, hazard.offset - copied));
    copied = hazard.offset + hazard.length;
    std::string stand_in;
    if (!hazard.is_error()) {
      const std::string original(text.substr(hazard.offset, hazard.length));
      auto known = std::find_if(out.stand_ins.begin(), out.stand_ins.end(),
                                [&](const auto& pair) { return pair.second == original; });
      if (known != out.stand_ins.end()) {
        stand_in = known->first;
      } else if (stand_in = free_stand_in(text, lowered, out.stand_ins); !stand_in.empty()) {
        out.stand_ins.emplace_back(stand_in, original);
      }
    }
    if (stand_in.empty()) {
      // One code point that toml++ rejects at that place without asking
      // whether it is white space.
      out.text += hazard.defused_as;
      out.error = hazard;
      // toml++ stops at or before this error, but it may scan ahead to the
      // end of a number first: no code point after it may trip it either.
      out.text += without_whitespace_hazards(text.substr(copied));
      return out;
    }
    out.text += stand_in;
  }
  out.text.append(text.substr(copied));
  return out;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace briefing
