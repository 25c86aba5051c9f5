// The document-level accessibility entries of the report and timeline PDFs
// (paint/pdf_structure.h), read back with qpdf's command-line tool and
// poppler's pdfinfo rather than the library code that wrote them.
#include "paint/pdf_structure.h"

#include <gtest/gtest.h>

#include <regex>

#include "pdf_inspection.h"
#include "test_support.h"

namespace briefing {
namespace {

using testing::run_briefing;
using testing::run_program;

struct Written {
  std::string pdf, catalog, info, xmp, annotations;
};

// Renders `kind` ("report" or "timeline") of the fact sheet and reads back
// the catalog, the Info dictionary, the XMP packet and the link annotations.
Written write(const std::string& kind) {
  Written w;
  const std::string dir = testing::make_temp_dir();
  w.pdf = dir + "/" + kind + ".pdf";
  const auto result =
      run_briefing({kind, testing::repo_path("data/ai-safety-japan-2024.toml"), "-o", w.pdf});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  w.catalog = run_program({"/usr/bin/qpdf", "--show-object=trailer", w.pdf}).out;
  const std::string json = run_program({"/usr/bin/qpdf", "--json=2", "--json-key=qpdf", w.pdf}).out;
  w.annotations = json;
  w.info = run_program({"/usr/bin/pdfinfo", w.pdf}).out;
  w.xmp = run_program({"/usr/bin/pdfinfo", "-meta", w.pdf}).out;
  // The catalog itself, resolved through the trailer's /Root.
  std::smatch m;
  if (std::regex_search(w.catalog, m, std::regex(R"(/Root ([0-9]+) 0 R)"))) {
    w.catalog = run_program({"/usr/bin/qpdf", "--show-object=" + std::string(m[1]), w.pdf}).out;
  }
  return w;
}

void expect_catalog_entries(const Written& w) {
  EXPECT_NE(w.catalog.find("/Lang (en)"), std::string::npos) << w.catalog;
  EXPECT_NE(w.catalog.find("/MarkInfo << /Marked true >>"), std::string::npos) << w.catalog;
  EXPECT_NE(w.catalog.find("/ViewerPreferences << /DisplayDocTitle true >>"), std::string::npos)
      << w.catalog;
  EXPECT_NE(w.catalog.find("/Metadata"), std::string::npos) << w.catalog;
  EXPECT_NE(w.catalog.find("/StructTreeRoot"), std::string::npos) << w.catalog;
  EXPECT_TRUE(testing::pdf_soundness_problems(w.pdf).empty());
}

TEST(PdfStructure, ReportCatalogHasLanguageMarkInfoAndDisplayDocTitle) {
  expect_catalog_entries(write("report"));
}

TEST(PdfStructure, TimelineCatalogHasLanguageMarkInfoAndDisplayDocTitle) {
  expect_catalog_entries(write("timeline"));
}

TEST(PdfStructure, InfoDatesAndXmpAgree) {
  const Written w = write("report");
  // pdfinfo reads the Info dates only in PDF date syntax ("D:...").
  EXPECT_NE(w.info.find("CreationDate:    Wed Feb  5 00:00:00 2025 UTC"), std::string::npos)
      << w.info;
  EXPECT_NE(w.info.find("ModDate:         Wed Feb  5 00:00:00 2025 UTC"), std::string::npos);
  EXPECT_NE(w.xmp.find("<xmp:CreateDate>2025-02-05T00:00:00Z</xmp:CreateDate>"), std::string::npos)
      << w.xmp;
  EXPECT_NE(w.xmp.find("<xmp:ModifyDate>2025-02-05T00:00:00Z</xmp:ModifyDate>"), std::string::npos);
  EXPECT_NE(w.xmp.find("Fact Sheet of AI Safety in Japan 2024</rdf:li>"), std::string::npos);
  EXPECT_NE(w.xmp.find("<dc:language><rdf:Bag><rdf:li>en</rdf:li>"), std::string::npos);
}

TEST(PdfStructure, EveryLinkAnnotationSaysWhereItGoes) {
  const Written w = write("report");
  // Each /Subtype /Link annotation object in qpdf's JSON, with its /Contents.
  const std::regex link(R"re("/Subtype": "/Link")re");
  const std::regex contents(R"re("/Contents": "u:(Link to https?://[^"]+|Go to [^"]+)")re");
  size_t links = 0, described = 0;
  // qpdf --json writes an object's keys in order, one object per entry:
  // split at the object headers and look inside each.
  const std::regex object(R"re("obj:[0-9]+ 0 R": \{)re");
  std::vector<size_t> starts;
  for (auto it = std::sregex_iterator(w.annotations.begin(), w.annotations.end(), object);
       it != std::sregex_iterator(); ++it) {
    starts.push_back(static_cast<size_t>(it->position()));
  }
  starts.push_back(w.annotations.size());
  bool saw_heading_target = false;
  for (size_t k = 0; k + 1 < starts.size(); ++k) {
    const std::string part = w.annotations.substr(starts[k], starts[k + 1] - starts[k]);
    if (!std::regex_search(part, link)) continue;
    ++links;
    std::smatch m;
    if (std::regex_search(part, m, contents)) {
      ++described;
      if (m[1].str().rfind("Go to 1.", 0) == 0) saw_heading_target = true;
    }
  }
  EXPECT_GT(links, 100u);
  EXPECT_EQ(described, links);
  EXPECT_TRUE(saw_heading_target) << "contents links name the section they open";
}

TEST(PdfStructure, LinkDescriptions) {
  const std::map<std::string, std::string> destinations = {{"1.2", "1.2 Guidelines"}};
  EXPECT_EQ(link_description("https://example.org/", "", destinations),
            "Link to https://example.org/");
  EXPECT_EQ(link_description("", "1.2", destinations), "Go to 1.2 Guidelines");
  EXPECT_EQ(link_description("", "elsewhere", destinations), "Go to elsewhere");
}

TEST(PdfStructure, XmpEscapesText) {
  PdfAccessibility what;
  what.title = "Fish & <Chips> \"quoted\"";
  what.author = "O'Brien";
  what.language = "en";
  const std::string xmp = xmp_metadata(what);
  EXPECT_NE(xmp.find("Fish &amp; &lt;Chips&gt; &quot;quoted&quot;"), std::string::npos) << xmp;
  EXPECT_NE(xmp.find("O&apos;Brien"), std::string::npos);
  EXPECT_EQ(xmp.find("<Chips>"), std::string::npos);
}

}  // namespace
}  // namespace briefing
