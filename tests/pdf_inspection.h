// Independent checks of the PDFs we write, through qpdf's command-line tool
// (not the library code the writer itself uses).
#pragma once

#include <string>
#include <vector>

namespace briefing::testing {

/// What is wrong with the PDF at `path`, empty when it is sound: `qpdf
/// --check` must pass without warnings, and no object (walked in `qpdf
/// --json`) may hold /JavaScript /JS /Launch /SubmitForm /ImportData
/// /OpenAction /AA, an action other than /URI and /GoTo, or a /URI that is
/// not plain encoded ASCII without ( ) ' \ or space.
std::vector<std::string> pdf_soundness_problems(const std::string& path);

/// An image XObject of a PDF, as `qpdf --json` shows its stream dictionary.
struct PdfImage {
  std::string object;  // "obj:12 0 R"
  int width = 0, height = 0;
  bool soft_mask = false;  // has an /SMask (the alpha channel of a PNG)
};

/// Every image XObject of the PDF at `path`, except those that are the
/// soft mask of another.
std::vector<PdfImage> pdf_images(const std::string& path);

}  // namespace briefing::testing
