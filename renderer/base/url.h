// Link targets from a dataset: parsed by uriparser (RFC 3986), checked,
// normalised and percent-encoded, so that what reaches a PDF, an SVG or a
// terminal is plain ASCII that no sink can misread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace briefing {

/// The longest link target accepted, in bytes after percent-encoding.
inline constexpr size_t kMaxUrlLength = 4096;

struct LinkUrl {
  std::string href;   // normalised and percent-encoded; empty when `error` is set
  std::string error;  // why the text is not a usable link, e.g. `the scheme "ftp" is not allowed`
  std::string hint;   // how to fix it, when that is clear; may be empty

  bool ok() const { return error.empty(); }
};

/// Parses a URL as written in a dataset: http or https with a host and no
/// user name or password, or mailto with an address. Non-ASCII text and
/// characters RFC 3986 does not allow (space, " < > \ ^ ` { | }) are
/// percent-encoded as UTF-8, a non-ASCII host becomes its IDNA (punycode)
/// form, then the URL is normalised (scheme and host in lower case, dot
/// segments removed) and ( ) ' are percent-encoded too.
LinkUrl parse_link_url(std::string_view text);

/// True if `href` is a link target that passes unchanged through every sink
/// we write: only RFC 3986 unreserved and reserved characters and '%'
/// (followed by two hex digits), without ( ) ' and never empty. Writers
/// refuse anything else.
bool is_safe_link_target(std::string_view href);

}  // namespace briefing
