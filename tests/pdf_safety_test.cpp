// The PDF writer passes links and destinations only when they cannot break
// out of their strings, and refuses any file that holds an action but a link.
#include <gtest/gtest.h>

#include <memory>
#include <set>

#include "paint/document_writer.h"
#include "paint/pdf_action_check.h"
#include "paint/pdf_structure.h"
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
  // The link annotation's description quotes it too (paint/pdf_structure.h).
  const std::string uri = "/URI (https://example.com/%29/S/JavaScript/JS%28x%29)";
  const std::string description =
      "/Contents (Link to https://example.com/%29/S/JavaScript/JS%28x%29)";
  ASSERT_NE(pdf.find(description), std::string::npos);
  // "/JavaScript" stands only inside those two strings, never as a name.
  const std::set<size_t> inside_strings = {pdf.find(uri) + uri.find("/JavaScript"),
                                           pdf.find(description) + description.find("/JavaScript")};
  size_t count = 0;
  for (size_t at = pdf.find("/JavaScript"); at != std::string::npos;
       at = pdf.find("/JavaScript", at + 1)) {
    ++count;
    EXPECT_EQ(inside_strings.count(at), 1u) << at;
  }
  EXPECT_EQ(count, 2u);
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

// A hand-written PDF with a JavaScript link and an open action ("goto": a
// safe link, the script object left unreferenced).
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
                      : action == "goto"   ? "<< /S /GoTo /D (top) >>"
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

// The report's gate is the one pass that finishes the PDF: it looks at the
// objects qpdf is about to write, without reading the result back.
TEST(PdfSafety, TheFinishingPassRefusesScriptsLaunchesAndRawUris) {
  for (const std::string action : {"js", "open", "launch", "uri"}) {
    EXPECT_THROW(add_accessibility_entries(hostile_pdf(action), PdfAccessibility{}), UnsafePdfValue)
        << action;
  }
}

TEST(PdfSafety, TheFinishingPassWritesNoUnreferencedScript) {
  const std::string input = hostile_pdf("goto");
  EXPECT_THROW(check_pdf_actions(input), UnsafePdfValue);  // every object of a foreign file
  const std::string output = add_accessibility_entries(input, PdfAccessibility{});
  EXPECT_EQ(output.find("/JavaScript"), std::string::npos);
  EXPECT_NE(output.find("/S /GoTo"), std::string::npos);
  EXPECT_NO_THROW(check_pdf_actions(output));
}

TEST(PdfSafety, TheFinishingPassRefusesDamagedStructure) {
  // A comment after the header moves every object from where the
  // cross-reference table says it is: qpdf repairs that, with warnings.
  std::string damaged = hostile_pdf("goto");
  damaged.insert(damaged.find('\n') + 1, "% moved by this comment\n");
  try {
    add_accessibility_entries(damaged, PdfAccessibility{});
    ADD_FAILURE() << "a damaged PDF was finished";
  } catch (const UnsafePdfValue& error) {
    EXPECT_NE(std::string(error.what()).find("damaged structure"), std::string::npos)
        << error.what();
  }
}

TEST(PdfSafety, RenderedPdfsPassTheGateReadBackToo) {
  // The in-memory gate and the one that reads the bytes agree on a real report page.
  Document doc = one_link_document("https://example.org/", "");
  doc.outline.push_back({1, "Outline", "top"});
  const std::string pdf = render_document(doc, OutputFormat::pdf);
  EXPECT_NO_THROW(check_pdf_actions(pdf));
  EXPECT_NE(pdf.find("/S /URI"), std::string::npos);
}

}  // namespace
}  // namespace briefing
