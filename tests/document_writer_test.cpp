#include "paint/document_writer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "base/atomic_file.h"
#include "test_support.h"

namespace briefing {
namespace {

Document sample_document() {
  Document doc;
  doc.info = {"Sample title", "Author", "Subject", "a, b", "briefing test", 1738713600};
  doc.has_background = true;
  doc.background = {1, 1, 1, 1};
  for (int n = 0; n < 2; ++n) {
    Page page;
    page.width = 595.276;
    page.height = 841.89;
    page.label = std::to_string(n + 1);
    TextStyle style;
    auto block = std::make_shared<TextBlock>("Page " + std::to_string(n + 1) + " AI安全", style);
    page.items.push_back(TextShape{{72, 72}, block, {0, 0, 0, 1}});
    page.items.push_back(Destination{"page-" + std::to_string(n + 1), {72, 72}});
    page.items.push_back(LinkArea{{{72, 72, block->width(), block->height()}, {72, 90, 40, 12}},
                                  "https://example.org/a_b?x=1&y=%272%27",
                                  ""});
    page.items.push_back(LinkArea{{{72, 120, 50, 12}}, "", "page-1"});
    page.items.push_back(RectShape{{60, 60, 10, 10}, true, {1, 0, 0, 1}, false, {}, 2});
    doc.pages.push_back(std::move(page));
  }
  doc.outline = {{1, "First page", "page-1"}, {2, "Second page", "page-2"}};
  return doc;
}

TEST(DocumentWriter, PdfIsValidAndDeterministic) {
  const std::string dir = testing::make_temp_dir();
  const std::string path = dir + "/sample.pdf";
  write_document(sample_document(), path);
  const std::string first = testing::read_file(path);
  write_document(sample_document(), path);
  EXPECT_EQ(first, testing::read_file(path)) << "two runs gave different bytes";

  const auto check = testing::run_program({"/usr/bin/qpdf", "--check", path});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;

  const auto info = testing::run_program({"/usr/bin/pdfinfo", path});
  EXPECT_NE(info.out.find("Title:           Sample title"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("Pages:           2"), std::string::npos) << info.out;
  // 1738713600 = 2025-02-05T00:00:00Z; pdfinfo shows it only with the D: prefix.
  EXPECT_NE(info.out.find("CreationDate:    Wed Feb  5 00:00:00 2025 UTC"), std::string::npos)
      << info.out;
  EXPECT_NE(info.out.find("ModDate:         Wed Feb  5 00:00:00 2025 UTC"), std::string::npos)
      << info.out;
  EXPECT_NE(first.find("/URI (https://example.org/a_b?x=1&y=%272%27)"), std::string::npos);
}

TEST(DocumentWriter, SourceDateEpochOverridesTheCreationDate) {
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);  // 2023-11-14T22:13:20Z
  const std::string pdf = render_document(sample_document(), OutputFormat::pdf);
  unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_NE(pdf.find("/CreationDate (D:202311142213Z)"), std::string::npos);
  EXPECT_NE(pdf.find("/ModDate (D:202311142213Z)"), std::string::npos);
  // Without it, the document's own date (2025-02-05).
  EXPECT_NE(
      render_document(sample_document(), OutputFormat::pdf).find("/CreationDate (D:202502050000Z)"),
      std::string::npos);
}

TEST(DocumentWriter, PngHasRequestedPixelSize) {
  Document doc = sample_document();
  doc.pages.resize(1);
  const std::string png = render_document(doc, OutputFormat::png, {2.0, false});
  ASSERT_GT(png.size(), 24u);
  auto be32 = [&](size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) |
           (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
  };
  EXPECT_EQ(be32(16), 1191);  // 595.276 pt × 2
  EXPECT_EQ(be32(20), 1684);
  EXPECT_EQ(png, render_document(doc, OutputFormat::png, {2.0, false}));
}

TEST(DocumentWriter, SvgIsDeterministic) {
  const std::string a = render_document(sample_document(), OutputFormat::svg);
  EXPECT_NE(a.find("<svg"), std::string::npos);
  EXPECT_EQ(a, render_document(sample_document(), OutputFormat::svg));
}

TEST(DocumentWriter, FormatFollowsExtension) {
  EXPECT_EQ(format_for_path("a/b.PDF"), OutputFormat::pdf);
  EXPECT_EQ(format_for_path("x.svg"), OutputFormat::svg);
  EXPECT_EQ(format_for_path("x.png"), OutputFormat::png);
  EXPECT_FALSE(format_for_path("x.jpeg").has_value());
  EXPECT_THROW(write_document(sample_document(), "/tmp/x.jpeg"), std::runtime_error);
}

TEST(AtomicFile, UncommittedWriteLeavesTheOldFile) {
  const std::string dir = testing::make_temp_dir();
  const std::string path = dir + "/out.txt";
  write_file_atomically(path, "old");
  {
    AtomicFile file(path);
    file.write("new, but never committed");
  }
  EXPECT_EQ(testing::read_file(path), "old");
  write_file_atomically(path, "new");
  EXPECT_EQ(testing::read_file(path), "new");
  // Nothing but the output itself is left in the folder.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1);
}

}  // namespace
}  // namespace briefing
