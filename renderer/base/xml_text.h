// Text placed in XML we write ourselves (the PDF's XMP packet, the
// Fontconfig configuration): the five markup characters as entities.
#pragma once

#include <string>

namespace briefing {

/// `text` for XML content or a quoted attribute value: & < > " ' as
/// entities; control characters but tab and newline dropped (XML 1.0 has
/// no place for them).
std::string xml_escaped(const std::string& text);

}  // namespace briefing
