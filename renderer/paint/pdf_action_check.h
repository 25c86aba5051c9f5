// The last gate before a PDF is written: refuses it if it holds any action
// but a link. The report's PDF is checked as qpdf holds it in memory, right
// before QPDFWriter serialises it (paint/pdf_structure.h), so the finished
// bytes are not parsed a second time; a PDF from elsewhere is read first.
#pragma once

#include <string_view>

class QPDF;

namespace briefing {

/// Throws UnsafePdfValue (paint/pdf_tag_attributes.h) if `pdf` cannot be
/// parsed, reads with qpdf warnings (damaged structure), or holds an action
/// other than /URI (with a safe, encoded target) and /GoTo, or any of
/// /JavaScript /JS /Launch /SubmitForm /ImportData /OpenAction /AA, or a
/// /URI string that is not a safe link target. Every object is looked at,
/// referenced or not.
void check_pdf_actions(std::string_view pdf);

/// The same check on a document qpdf holds: every object reachable from its
/// trailer, which is what QPDFWriter writes. Warnings are the caller's to
/// judge (they may come from reading or from later changes).
void check_pdf_actions(QPDF& doc);

}  // namespace briefing
