// The attribute strings of the Cairo tags we emit for PDF links,
// destinations and outline entries. Cairo 1.16 copies a link's URI and a
// destination's name into the PDF as literal strings without escaping them,
// so these functions are the only way such values reach a PDF: they pass a
// value only when it cannot end its string, and throw otherwise.
#pragma once

#include <stdexcept>
#include <string>

namespace briefing {

/// Thrown when a value cannot be written into a PDF safely. Callers treat it
/// as a failed render: nothing is written.
struct UnsafePdfValue : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// True for a destination name we write: 1-127 of A-Z a-z 0-9 . _ - (item
/// ids, section numbers, "fn-3").
bool is_safe_destination_name(const std::string& name);

/// "uri='https://…'" for a link to an external target; the target must pass
/// is_safe_link_target (base/url.h).
std::string uri_attribute(const std::string& href);

/// "dest='name'" for a link to a named destination.
std::string dest_attribute(const std::string& name);

/// "name='name'" for a named destination itself.
std::string name_attribute(const std::string& name);

}  // namespace briefing
