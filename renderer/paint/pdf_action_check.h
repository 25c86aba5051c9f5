// The last gate before a PDF is written: reads the finished file back with
// qpdf and refuses it if it holds any action but a link.
#pragma once

#include <string_view>

namespace briefing {

/// Throws UnsafePdfValue (paint/pdf_tag_attributes.h) if `pdf` cannot be
/// parsed, or holds an action other than /URI (with a safe, encoded target)
/// and /GoTo, or any of /JavaScript /JS /Launch /SubmitForm /ImportData
/// /OpenAction /AA, or a /URI string that is not a safe link target.
void check_pdf_actions(std::string_view pdf);

}  // namespace briefing
