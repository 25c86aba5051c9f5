#include "base/url.h"

#include <glib.h>
#include <uriparser/Uri.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "base/c_handles.h"

namespace briefing {
namespace {

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

bool is_unreserved(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

// RFC 3986 gen-delims and sub-delims.
bool is_reserved(char c) {
  return std::string_view(":/?#[]@!$&'()*+,;=").find(c) != std::string_view::npos;
}

// Characters no sink may receive raw even though RFC 3986 allows them: PDF
// strings end at ')', Cairo tag attributes at '\''.
bool needs_encoding_for_sinks(char c) { return c == '(' || c == ')' || c == '\''; }

void append_percent_encoded(std::string& out, unsigned char byte) {
  static const char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[byte >> 4];
  out += kHex[byte & 0x0F];
}

/// The text with every byte RFC 3986 does not allow percent-encoded, and for
/// each output byte the index of the input byte it came from.
std::string encode_disallowed(std::string_view text, std::vector<size_t>& origin) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const size_t before = out.size();
    const bool valid_escape =
        c == '%' && i + 2 < text.size() && is_hex(text[i + 1]) && is_hex(text[i + 2]);
    if (is_unreserved(c) || is_reserved(c) || valid_escape) {
      out += c;
    } else {
      append_percent_encoded(out, static_cast<unsigned char>(c));
    }
    origin.insert(origin.end(), out.size() - before, i);
  }
  return out;
}

std::string_view range_text(const UriTextRangeA& range) {
  if (!range.first || !range.afterLast) return {};
  return {range.first, static_cast<size_t>(range.afterLast - range.first)};
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string percent_decoded(std::string_view text) {
  std::string out(text);
  out.push_back('\0');
  const char* end = uriUnescapeInPlaceA(out.data());
  out.resize(static_cast<size_t>(end - out.data()));
  return out;
}

struct UriFree {
  void operator()(UriUriA* uri) const {
    uriFreeUriMembersA(uri);
    delete uri;
  }
};
using UriPtr = std::unique_ptr<UriUriA, UriFree>;

/// Parses `text`; on a syntax error returns null and sets `error_at` (a byte offset).
UriPtr parse_uri(const std::string& text, size_t& error_at) {
  auto* uri = new UriUriA{};
  const char* error_position = nullptr;
  if (uriParseSingleUriA(uri, text.c_str(), &error_position) != URI_SUCCESS) {
    error_at = error_position ? static_cast<size_t>(error_position - text.c_str()) : 0;
    delete uri;  // uriparser frees the members itself when it fails
    return nullptr;
  }
  return UriPtr(uri);
}

std::string to_string(const UriUriA& uri) {
  int required = 0;
  if (uriToStringCharsRequiredA(&uri, &required) != URI_SUCCESS) return {};
  std::string out(static_cast<size_t>(required) + 1, '\0');
  if (uriToStringA(out.data(), &uri, required + 1, nullptr) != URI_SUCCESS) return {};
  out.resize(static_cast<size_t>(required));
  return out;
}

// LDH labels of 1-63 characters ('_' tolerated, as some real hosts use it),
// at most 253 characters, an optional final dot.
bool is_host_name(std::string_view host) {
  if (host.empty() || host.size() > 254) return false;
  if (host.back() == '.') host.remove_suffix(1);
  size_t start = 0;
  while (start <= host.size()) {
    size_t end = host.find('.', start);
    if (end == std::string_view::npos) end = host.size();
    const std::string_view label = host.substr(start, end - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
    }
    start = end + 1;
  }
  return true;
}

/// An ASCII host name for `decoded` (IDNA for non-ASCII), or empty when it is none.
std::string ascii_host(const std::string& decoded) {
  if (!g_utf8_validate(decoded.data(), static_cast<gssize>(decoded.size()), nullptr)) return {};
  std::string ascii = decoded;
  if (std::any_of(decoded.begin(), decoded.end(), [](char c) { return c & 0x80; })) {
    const GMemoryPtr<gchar> converted(g_hostname_to_ascii(decoded.c_str()));
    if (!converted) return {};
    ascii = converted.get();
  }
  return is_host_name(ascii) ? lower(ascii) : std::string();
}

LinkUrl failure(std::string error, std::string hint = {}) {
  return LinkUrl{{}, std::move(error), std::move(hint)};
}

// Checks a mailto: target's addresses ("a@b.org" or "a@b.org,c@d.org").
bool has_valid_addresses(std::string_view encoded_path) {
  const std::string decoded = percent_decoded(encoded_path);
  if (decoded.empty()) return false;
  size_t start = 0;
  while (start <= decoded.size()) {
    size_t end = decoded.find(',', start);
    if (end == std::string::npos) end = decoded.size();
    const std::string address = decoded.substr(start, end - start);
    const size_t at = address.rfind('@');
    if (at == std::string::npos || at == 0 || at + 1 >= address.size()) return false;
    if (ascii_host(address.substr(at + 1)).empty()) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

LinkUrl parse_link_url(std::string_view text) {
  if (text.empty()) return failure("is empty");
  const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  if (is_space(text.front()) || is_space(text.back())) {
    return failure("starts or ends with white space", "remove the spaces around the URL");
  }
  std::vector<size_t> origin;
  std::string encoded = encode_disallowed(text, origin);
  size_t error_at = 0;
  UriPtr uri = parse_uri(encoded, error_at);
  if (!uri) {
    const size_t at = error_at < origin.size() ? origin[error_at] : text.size();
    return failure("is not a valid URL: unexpected character at position " +
                   std::to_string(at + 1));
  }
  const std::string scheme = lower(range_text(uri->scheme));
  if (scheme.empty()) {
    return failure("has no scheme", "write the whole address, starting with https://");
  }
  if (scheme != "http" && scheme != "https" && scheme != "mailto") {
    return failure("uses the scheme \"" + scheme + ":\", which is not allowed",
                   "links may be http://, https:// or mailto:");
  }
  if (scheme == "mailto") {
    if (!has_valid_addresses(range_text(uri->pathHead ? uri->pathHead->text : UriTextRangeA{}))) {
      return failure("is not a mailto: link to an address", "write mailto:name@example.org");
    }
  } else {
    if (!uri->hostText.first || uri->hostText.first == uri->hostText.afterLast) {
      return failure("has no host", "write " + scheme + "://example.org/...");
    }
    if (uri->userInfo.first) {
      return failure("carries a user name or password before '@'",
                     "links must not hide their real host behind user information");
    }
    if (!uri->hostData.ip4 && !uri->hostData.ip6 && !uri->hostData.ipFuture.first) {
      const std::string_view host = range_text(uri->hostText);
      const std::string ascii = ascii_host(percent_decoded(host));
      if (ascii.empty()) {
        return failure("has \"" + percent_decoded(host) +
                       "\" as its host, which is not a host name");
      }
      if (ascii != host) {
        // Put the IDNA form in place and parse again.
        const size_t begin = static_cast<size_t>(host.data() - encoded.data());
        encoded = encoded.substr(0, begin) + ascii + encoded.substr(begin + host.size());
        uri = parse_uri(encoded, error_at);
        if (!uri) return failure("is not a valid URL");
      }
    }
  }
  if (uriNormalizeSyntaxA(uri.get()) != URI_SUCCESS) return failure("is not a valid URL");
  const std::string normalised = to_string(*uri);
  std::string href;
  for (char c : normalised) {
    if (needs_encoding_for_sinks(c))
      append_percent_encoded(href, static_cast<unsigned char>(c));
    else
      href += c;
  }
  if (href.size() > kMaxUrlLength) {
    return failure("is " + std::to_string(href.size()) +
                   " bytes long once encoded; links may have at most " +
                   std::to_string(kMaxUrlLength));
  }
  if (!is_safe_link_target(href)) return failure("is not a valid URL");
  return LinkUrl{href, {}, {}};
}

bool is_safe_link_target(std::string_view href) {
  if (href.empty() || href.size() > kMaxUrlLength) return false;
  for (size_t i = 0; i < href.size(); ++i) {
    const char c = href[i];
    if (c == '%') {
      if (i + 2 >= href.size() || !is_hex(href[i + 1]) || !is_hex(href[i + 2])) return false;
      i += 2;
      continue;
    }
    if (needs_encoding_for_sinks(c)) return false;
    if (!is_unreserved(c) && !is_reserved(c)) return false;
  }
  return true;
}

}  // namespace briefing
