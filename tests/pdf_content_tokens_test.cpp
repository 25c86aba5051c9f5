// The quick content-stream tokenizer (paint/pdf_content_tokens.h) splits
// what cairo writes exactly as qpdf's tokenizer does, and hands anything
// else back to qpdf; the marked-content rewriter writes the same bytes fed
// by either.
#include "paint/pdf_content_tokens.h"

#include <cairo-pdf.h>
#include <gtest/gtest.h>

#include <map>
#include <qpdf/Pl_Discard.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "paint/pdf_marked_content.h"
#include "paint/pdf_structure.h"
#include "test_support.h"

namespace briefing {
namespace {

// A token as the rewriter reads it: the value of an operator, a name and an
// integer, the raw text of all (qpdf's value of a string is decoded, which
// the rewriter never looks at).
struct OwnedToken {
  ContentToken::Kind kind;
  std::string value, raw;
  OwnedToken(ContentToken::Kind k, std::string_view v, std::string_view r) : kind(k), raw(r) {
    if (k == ContentToken::Kind::word || k == ContentToken::Kind::name ||
        k == ContentToken::Kind::integer)
      value = v;
  }
  bool operator==(const OwnedToken&) const = default;
};

class Collect : public QPDFObjectHandle::TokenFilter {
 public:
  void handleToken(QPDFTokenizer::Token const& token) override {
    if (token.getType() == QPDFTokenizer::tt_eof) return;
    tokens.push_back({content_token_kind(token.getType()), token.getValue(), token.getRawValue()});
  }
  std::vector<OwnedToken> tokens;
};

// What qpdf's tokenizer makes of `content`, as a page's content filter sees it.
std::vector<OwnedToken> qpdf_tokens(std::string_view content) {
  Collect collect;
  Pl_Discard discard;
  Pl_QPDFTokenizer tokenizer("test content", &collect, &discard);
  tokenizer.write(reinterpret_cast<const unsigned char*>(content.data()), content.size());
  tokenizer.finish();
  return collect.tokens;
}

std::vector<OwnedToken> quick_tokens(std::string_view content) {
  std::vector<OwnedToken> out;
  const auto tokens = cairo_content_tokens(content);
  if (!tokens) return out;
  for (const ContentToken& token : *tokens)
    out.push_back({token.kind, std::string(token.value), std::string(token.raw)});
  return out;
}

std::string kinds(const std::vector<OwnedToken>& tokens) {
  std::string out;
  for (const auto& token : tokens)
    out +=
        std::to_string(static_cast<int>(token.kind)) + ":" + token.value + ":" + token.raw + "\n";
  return out;
}

// Content written the way cairo 1.16 writes it (after paint/pdf_tagger.h):
// marked content with and without properties, text in strings with escapes
// and nested parentheses, hex strings, kerned TJ arrays, graphics state.
const char* const kCairoLikeContent =
    "1 0 0 -1 0 841.889764 cm\nq\n/Document <</MCID 0>> BDC\n"
    "/P <</MCID 1>> BDC\n0.101961 0.270588 0.470588 rg /a0 gs\nBT\n"
    "13 0 0 -13 70.867188 224.796875 Tm\n/f-0-0 1 Tf\n(Brie)Tj\n"
    "/Span << /ActualText <feff00660069> >> BDC\n/f-0-1 1 Tf\n<0001>Tj\nEMC\n"
    "[(ng r)20(eport \\(x\\) and (nested) \\\\)-90.5(J-AISI\\))]TJ\nET\nEMC\n"
    "/Link <</MCID 2>> BDC\n0.74902 0.768627 0.8 RG 0.6 w\n0 J\n0 j\n[] 0.0 d\n"
    "10 M 70.867 720.293 m 524.41 720.293 l S\n+3 -.5 5. re f\nEMC\nEMC\n"
    "/x7 Do\nQ\r\n\t ";

TEST(PdfContentTokens, AgreeWithQpdfOnCairosSyntax) {
  const auto quick = quick_tokens(kCairoLikeContent);
  ASSERT_FALSE(quick.empty());
  EXPECT_EQ(kinds(quick), kinds(qpdf_tokens(kCairoLikeContent)));
  std::string joined;
  for (const auto& token : quick) joined += token.raw;
  EXPECT_EQ(joined, kCairoLikeContent);
}

TEST(PdfContentTokens, AgreeWithQpdfOnEveryPageOfTheFactSheet) {
  const std::string dir = testing::make_temp_dir();
  const auto run = testing::run_briefing(
      {"report", testing::repo_path("data/ai-safety-japan-2024.toml"), "-o", dir + "/r.pdf"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  QPDF doc;
  doc.processFile((dir + "/r.pdf").c_str());
  int pages = 0;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(doc).getAllPages()) {
    const auto data = page.getObjectHandle().getKey("/Contents").getStreamData();
    const std::string content(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    const auto quick = quick_tokens(content);
    ASSERT_FALSE(quick.empty()) << "page " << pages + 1;
    EXPECT_EQ(kinds(quick), kinds(qpdf_tokens(content))) << "page " << pages + 1;
    ++pages;
  }
  EXPECT_GT(pages, 10);
}

TEST(PdfContentTokens, LeaveWhatCairoDoesNotWriteToQpdf) {
  for (const std::string& content :
       std::vector<std::string>{"BI /W 1 /H 1 /BPC 1 ID \x01 EI Q", "q % a comment\nQ", "/a#20b Do",
                                "- 1 m", "1.2.3 w", "(unbalanced Tj", "<0g> Tj", "> Tj", "q\fQ",
                                "(a) \xC3\xBC", "/ Do", std::string("q\0Q", 3)}) {
    EXPECT_FALSE(cairo_content_tokens(content).has_value()) << content;
  }
  EXPECT_TRUE(cairo_content_tokens("").has_value());
  // Strings may hold anything; true, false and null are operands, not operators.
  const auto tokens = cairo_content_tokens("(\xC3\xBC %) true null Tj");
  ASSERT_TRUE(tokens.has_value());
  ASSERT_EQ(tokens->size(), 7u);
  EXPECT_EQ((*tokens)[2].kind, ContentToken::Kind::other);
  EXPECT_EQ((*tokens)[4].kind, ContentToken::Kind::other);
  EXPECT_TRUE((*tokens)[6].is_word("Tj"));
}

// The rewriter's output fed by qpdf's tokens and by the quick ones.
std::string rewritten(const std::vector<OwnedToken>& tokens,
                      const std::map<int, MarkedContentAction>& actions) {
  std::string out;
  long position = 0;
  MarkedContentRewriter rewriter(actions, 3, position, out);
  for (const auto& token : tokens) rewriter.token({token.kind, token.value, token.raw});
  rewriter.finish();
  return out;
}

TEST(PdfContentTokens, TheRewriterWritesTheSameThroughEither) {
  std::map<int, MarkedContentAction> actions;
  actions[0].kind = MarkedContentAction::Kind::drop;  // Document: a grouping element
  actions[1] = {MarkedContentAction::Kind::keep, 1, "P", ""};
  actions[2] = {MarkedContentAction::Kind::artifact, 2, "Artifact", "Footer"};
  const std::string quick = rewritten(quick_tokens(kCairoLikeContent), actions);
  EXPECT_EQ(quick, rewritten(qpdf_tokens(kCairoLikeContent), actions));
  EXPECT_NE(quick.find("/P <</MCID 1>> BDC"), std::string::npos) << quick;
  EXPECT_NE(quick.find("/Span <</MCID 3  /ActualText <feff00660069> >>  BDC"), std::string::npos)
      << quick;
  EXPECT_NE(quick.find("/Artifact <</Type /Pagination /Subtype /Footer>> BDC"), std::string::npos)
      << quick;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Three tagged pages straight from cairo: a Document with a P on each page.
std::string tagged_cairo_pdf(std::vector<StructureNote>& notes) {
  std::string bytes;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &bytes, 200, 100);
  cairo_t* cr = cairo_create(surface);
  notes.push_back({"Document"});
  for (int page = 0; page < 3; ++page) {
    if (page == 0) cairo_tag_begin(cr, "Document", "");
    cairo_tag_begin(cr, "P", "");
    notes.push_back({"P"});
    cairo_move_to(cr, 10, 50);
    cairo_show_text(cr, ("page " + std::to_string(page + 1)).c_str());
    cairo_tag_end(cr, "P");
    cairo_rectangle(cr, 10, 60, 50 + page, 5);  // outside every element: an artifact
    cairo_fill(cr);
    if (page == 2) cairo_tag_end(cr, "Document");
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return bytes;
}

TEST(PdfContentTokens, ContentHeldCompressedIsWrittenTheSame) {
  std::vector<StructureNote> notes;
  const std::string cairo_pdf = tagged_cairo_pdf(notes);
  PdfAccessibility plain;
  plain.structure = notes;
  plain.hold_content_compressed_from = std::numeric_limits<size_t>::max();
  PdfAccessibility held = plain;
  held.hold_content_compressed_from = 0;
  const std::string written = add_accessibility_entries(cairo_pdf, plain);
  EXPECT_EQ(add_accessibility_entries(cairo_pdf, held), written);
  // The content was rewritten: the rectangle is an artifact on every page.
  QPDF doc;
  doc.processMemoryFile("written", written.data(), written.size());
  int pages = 0;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(doc).getAllPages()) {
    const auto data = page.getObjectHandle().getKey("/Contents").getStreamData();
    const std::string content(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    EXPECT_NE(content.find("/Artifact BMC"), std::string::npos) << content;
    EXPECT_NE(content.find("/P <</MCID 0>> BDC"), std::string::npos) << content;
    ++pages;
  }
  EXPECT_EQ(pages, 3);
}

}  // namespace
}  // namespace briefing
