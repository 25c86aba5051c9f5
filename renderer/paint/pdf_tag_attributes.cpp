#include "paint/pdf_tag_attributes.h"

#include <algorithm>
#include <cctype>

#include "base/url.h"

namespace briefing {
namespace {

// The values below hold neither ' nor \ (checked first), so quoting is all
// Cairo's attribute parser needs; neither ( ) nor \, so the PDF string holds.
std::string quoted(const std::string& value) { return "'" + value + "'"; }

std::string printable(const std::string& value) {
  std::string out;
  for (unsigned char c : value.substr(0, 80))
    out += (c >= 0x20 && c < 0x7F) ? static_cast<char>(c) : '?';
  return out + (value.size() > 80 ? "…" : "");
}

}  // namespace

bool is_safe_destination_name(const std::string& name) {
  return !name.empty() && name.size() <= 127 && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

std::string uri_attribute(const std::string& href) {
  if (!is_safe_link_target(href)) {
    throw UnsafePdfValue("refusing to write the link target \"" + printable(href) +
                         "\" into a PDF: it is not a normalised, encoded URL");
  }
  return "uri=" + quoted(href);
}

std::string dest_attribute(const std::string& name) {
  if (!is_safe_destination_name(name)) {
    throw UnsafePdfValue("refusing to write the destination name \"" + printable(name) +
                         "\" into a PDF");
  }
  return "dest=" + quoted(name);
}

std::string name_attribute(const std::string& name) {
  if (!is_safe_destination_name(name)) {
    throw UnsafePdfValue("refusing to write the destination name \"" + printable(name) +
                         "\" into a PDF");
  }
  return "name=" + quoted(name);
}

}  // namespace briefing
