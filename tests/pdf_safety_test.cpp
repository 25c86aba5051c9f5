// The PDF writer passes links and destinations only when they cannot break
// out of their strings, and refuses any file that holds an action but a link.
#include <gtest/gtest.h>

#include <memory>

#include "paint/document_writer.h"
#include "paint/pdf_action_check.h"
#include "paint/pdf_tag_attributes.h"
#include "test_support.h"

namespace briefing {
namespace {

Document one_link_document(const std::string& uri, const std::string& destination = {}) {
  Document doc;
  doc.info.title = "Links";
  Page page;
  page.width = 200;
  page.height = 100;
  // Cairo 1.16 writes no annotations on a page where nothing is drawn.
  page.items.push_back(RectShape{{1, 1, 5, 5}, true, {0, 0, 0, 1}, false, {}, 0});
  page.items.push_back(Destination{"top", {0, 0}});
  page.items.push_back(LinkArea{{{10, 10, 50, 12}}, uri, destination});
  doc.pages.push_back(std::move(page));
  return doc;
}

TEST(PdfSafety, EncodedLinksAreWritten) {
  const std::string pdf = render_document(
      one_link_document("https://example.com/%29/S/JavaScript/JS%28x%29"), OutputFormat::pdf);
  EXPECT_NE(pdf.find("/URI (https://example.com/%29/S/JavaScript/JS%28x%29)"), std::string::npos);
  // "/JavaScript" stands only inside that string, never as a name.
  EXPECT_EQ(pdf.find("/JavaScript"), pdf.rfind("/JavaScript"));
  EXPECT_EQ(pdf.find("/S /JavaScript"), std::string::npos);
}

TEST(PdfSafety, UnsafeLinkTargetsAreRefused) {
  for (const std::string uri :
       {"https://example.com/)/S/JavaScript/JS(app.alert(1))/Z(", "https://example.com/x\\",
        "https://example.com/') /JS (x", "https://example.com/\xC3\xBC", "https://example.com/a b",
        "javascript:alert(1)x)"}) {
    EXPECT_THROW(render_document(one_link_document(uri), OutputFormat::pdf), UnsafePdfValue) << uri;
  }
}

TEST(PdfSafety, UnsafeDestinationNamesAreRefused) {
  EXPECT_THROW(render_document(one_link_document("", "top) /JS (x"), OutputFormat::pdf),
               UnsafePdfValue);
  Document doc = one_link_document("", "top");
  doc.outline.push_back({1, "Outline", "a'b"});
  EXPECT_THROW(render_document(doc, OutputFormat::pdf), UnsafePdfValue);
}

TEST(PdfSafety, TitlesAndOutlineTextAreEscapedByTheWriter) {
  Document doc = one_link_document("", "top");
  doc.info.title = "T) /S /JavaScript /JS (app.alert(2)) (";
  doc.info.author = "A \\) (";
  doc.outline.push_back({1, "O) /JS (app.alert(3)", "top"});
  const std::string pdf = render_document(doc, OutputFormat::pdf);  // passes the action gate
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/t.pdf", pdf);
  const auto check = testing::run_program({"/usr/bin/qpdf", "--check", dir + "/t.pdf"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  const auto info = testing::run_program({"/usr/bin/pdfinfo", dir + "/t.pdf"});
  EXPECT_NE(info.out.find("T) /S /JavaScript /JS (app.alert(2)) ("), std::string::npos) << info.out;
}

// A hand-written PDF with a JavaScript link and an open action.
std::string hostile_pdf(const std::string& action) {
  const std::string objects[] = {
      "<< /Type /Catalog /Pages 2 0 R " + std::string(action == "open" ? "/OpenAction 4 0 R" : "") +
          " >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Annots [5 0 R] >>",
      "<< /S /JavaScript /JS (app.alert(1)) >>",
      "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A " +
          std::string(action == "uri"      ? "<< /S /URI /URI (https://x.org/a b) >>"
                      : action == "launch" ? "<< /S /Launch /F (calc.exe) >>"
                                           : "4 0 R") +
          " >>"};
  std::string pdf = "%PDF-1.7\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < std::size(objects); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 6\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

TEST(PdfSafety, TheActionGateRefusesScriptsLaunchesAndRawUris) {
  for (const std::string action : {"js", "open", "launch", "uri"}) {
    EXPECT_THROW(check_pdf_actions(hostile_pdf(action)), UnsafePdfValue) << action;
  }
  EXPECT_THROW(check_pdf_actions("not a pdf"), UnsafePdfValue);
  EXPECT_NO_THROW(check_pdf_actions(
      render_document(one_link_document("https://example.org/"), OutputFormat::pdf)));
}

}  // namespace
}  // namespace briefing
