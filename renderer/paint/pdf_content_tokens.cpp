#include "paint/pdf_content_tokens.h"

namespace briefing {
namespace {

using Kind = ContentToken::Kind;

// Whitespace as qpdf takes it, less NUL, form feed and vertical tab (which
// cairo never writes, so a stream holding them goes to qpdf's tokenizer).
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

bool is_delimiter(char c) {
  switch (c) {
    case '(':
    case ')':
    case '<':
    case '>':
    case '[':
    case ']':
    case '{':
    case '}':
    case '/':
    case '%':
      return true;
    default:
      return false;
  }
}

// A byte that may stand in a bare word, a number or a name here.
bool is_regular(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x7F && !is_delimiter(c);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// What qpdf's number states make of a run of regular characters: an integer
// ([+-]digits), a real ([+-]digits.digits, either side may be empty but not
// both), a word; nullopt where its rules for odd runs ("-", "1-2") would matter.
std::optional<Kind> kind_of_run(std::string_view run) {
  const char first = run.front();
  if (!(is_digit(first) || first == '+' || first == '-' || first == '.')) {
    if (run == "true" || run == "false" || run == "null") return Kind::other;
    if (run == "BI" || run == "ID" || run == "EI") return std::nullopt;  // inline images
    return Kind::word;
  }
  size_t i = (first == '+' || first == '-') ? 1 : 0;
  size_t digits = 0, dots = 0;
  for (; i < run.size(); ++i) {
    if (is_digit(run[i])) {
      ++digits;
    } else if (run[i] == '.') {
      ++dots;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0 || dots > 1) return std::nullopt;
  return dots == 0 ? Kind::integer : Kind::other;
}

// The end of the literal string that begins at `at` ("(" … ")", nested
// parentheses balanced, a backslash taking the next byte with it);
// npos when it does not end.
size_t string_end(std::string_view text, size_t at) {
  int depth = 0;
  for (size_t i = at; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      ++i;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// The end of the hex string at `at` ("<" hex digits and spaces ">").
size_t hex_string_end(std::string_view text, size_t at) {
  for (size_t i = at + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '>') return i + 1;
    const bool hex = is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex && !is_space(c)) return std::string_view::npos;
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<std::vector<ContentToken>> cairo_content_tokens(std::string_view content) {
  std::vector<ContentToken> tokens;
  tokens.reserve(content.size() / 4);
  size_t at = 0;
  const auto add = [&](Kind kind, size_t end) {
    const std::string_view raw = content.substr(at, end - at);
    tokens.push_back({kind, raw, raw});
    at = end;
  };
  while (at < content.size()) {
    const char c = content[at];
    size_t end = at + 1;
    if (is_space(c)) {
      while (end < content.size() && is_space(content[end])) ++end;
      add(Kind::space, end);
    } else if (c == '(') {
      end = string_end(content, at);
      if (end == std::string_view::npos) return std::nullopt;
      add(Kind::other, end);
    } else if (c == '<') {
      if (end < content.size() && content[end] == '<') {
        add(Kind::dict_open, end + 1);
      } else {
        end = hex_string_end(content, at);
        if (end == std::string_view::npos) return std::nullopt;
        add(Kind::other, end);
      }
    } else if (c == '>') {
      if (end >= content.size() || content[end] != '>') return std::nullopt;
      add(Kind::other, end + 1);
    } else if (c == '[' || c == ']' || c == '{' || c == '}') {
      add(Kind::other, end);
    } else if (c == '/') {
      while (end < content.size() && is_regular(content[end])) ++end;
      if (end == at + 1) return std::nullopt;  // an empty name
      const std::string_view name = content.substr(at, end - at);
      if (name.find('#') != std::string_view::npos) return std::nullopt;  // qpdf decodes those
      add(Kind::name, end);
    } else if (is_regular(c)) {
      while (end < content.size() && is_regular(content[end])) ++end;
      const std::optional<Kind> kind = kind_of_run(content.substr(at, end - at));
      if (!kind) return std::nullopt;
      add(*kind, end);
    } else {
      return std::nullopt;  // a comment, ")" alone, a control byte, a byte outside ASCII
    }
  }
  return tokens;
}

ContentToken::Kind content_token_kind(QPDFTokenizer::token_type_e type) {
  switch (type) {
    case QPDFTokenizer::tt_word:
      return Kind::word;
    case QPDFTokenizer::tt_inline_image:
      return Kind::inline_image;
    case QPDFTokenizer::tt_name:
      return Kind::name;
    case QPDFTokenizer::tt_integer:
      return Kind::integer;
    case QPDFTokenizer::tt_space:
      return Kind::space;
    case QPDFTokenizer::tt_dict_open:
      return Kind::dict_open;
    default:
      return Kind::other;
  }
}

}  // namespace briefing
