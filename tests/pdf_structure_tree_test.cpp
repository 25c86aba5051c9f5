// The structure tree and marked content of the report and timeline PDFs
// (paint/pdf_tagger.h, paint/pdf_structure_tree.h), read back from the
// written file: the tree is walked with qpdf's object API, the content
// streams with qpdf's tokenizer, and poppler's pdfinfo -struct-text and
// pdftotext give what a reader gets. Matterhorn Protocol checkpoints named
// where a test checks one.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <regex>
#include <set>

#include "model/partial_date.h"
#include "test_support.h"
#include "text/messages.h"

namespace briefing {
namespace {

using testing::repo_path;
using testing::run_briefing;
using testing::run_program;

const std::string kFactSheet = "data/ai-safety-japan-2024.toml";

struct Node {
  std::string type, alt, lang, scope;
  std::vector<Node> children;
  std::vector<std::pair<QPDFObjGen, int>> content;  // (page, MCID)
  int annotations = 0;                              // OBJR kids
  QPDFObjGen object;
};

Node read_node(QPDFObjectHandle element) {
  Node node;
  node.object = element.getObjGen();
  node.type = element.getKey("/S").getName().substr(1);
  if (element.getKey("/Alt").isString()) node.alt = element.getKey("/Alt").getUTF8Value();
  if (element.getKey("/Lang").isString()) node.lang = element.getKey("/Lang").getUTF8Value();
  QPDFObjectHandle attributes = element.getKey("/A");
  if (attributes.isDictionary() && attributes.getKey("/Scope").isName())
    node.scope = attributes.getKey("/Scope").getName();
  QPDFObjectHandle k = element.getKey("/K");
  std::vector<QPDFObjectHandle> kids =
      k.isArray() ? k.getArrayAsVector() : std::vector<QPDFObjectHandle>{k};
  for (QPDFObjectHandle kid : kids) {
    if (kid.isInteger()) {
      node.content.push_back({element.getKey("/Pg").getObjGen(), kid.getIntValueAsInt()});
    } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/MCR")) {
      node.content.push_back(
          {kid.getKey("/Pg").getObjGen(), kid.getKey("/MCID").getIntValueAsInt()});
    } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR")) {
      ++node.annotations;
    } else if (kid.isDictionary() && kid.getKey("/S").isName()) {
      node.children.push_back(read_node(kid));
    }
  }
  return node;
}

void walk(const Node& node, const std::function<void(const Node&, const Node* parent)>& visit,
          const Node* parent = nullptr) {
  visit(node, parent);
  for (const Node& child : node.children) walk(child, visit, &node);
}

size_t count_of(const Node& root, const std::string& type) {
  size_t n = 0;
  walk(root, [&](const Node& node, const Node*) { n += node.type == type; });
  return n;
}

std::vector<const Node*> all_of(const Node& root, const std::string& type) {
  std::vector<const Node*> out;
  walk(root, [&](const Node& node, const Node*) {
    if (node.type == type) out.push_back(&node);
  });
  return out;
}

// One page's marked content as the content stream has it.
struct MarkedContent {
  int painting_outside = 0;      // painting operators in no marked content (01-005)
  int nested_mcids = 0;          // a sequence with an MCID inside another one
  int mcid_inside_artifact = 0;  // structure content inside an artifact
  std::vector<int> mcids;        // in content order
  int artifacts = 0;
  std::set<std::string> artifact_subtypes;
};

class MarkedContentReader : public QPDFObjectHandle::TokenFilter {
 public:
  void handleToken(QPDFTokenizer::Token const& token) override {
    if (token.getType() != QPDFTokenizer::tt_word) {
      if (token.getType() != QPDFTokenizer::tt_space) operands_.push_back(token);
      return;
    }
    const std::string& op = token.getValue();
    if (op == "BDC" || op == "BMC") {
      Open open;
      open.artifact = !operands_.empty() && operands_[0].getValue() == "/Artifact";
      for (size_t i = 0; i + 1 < operands_.size(); ++i) {
        if (operands_[i].getValue() == "/MCID") open.mcid = std::stoi(operands_[i + 1].getValue());
        if (operands_[i].getValue() == "/Subtype" && open.artifact)
          result.artifact_subtypes.insert(operands_[i + 1].getValue());
      }
      if (open.mcid >= 0) {
        result.mcids.push_back(open.mcid);
        for (const Open& outer : stack_) {
          result.nested_mcids += outer.mcid >= 0;
          result.mcid_inside_artifact += outer.artifact;
        }
      }
      result.artifacts += open.artifact;
      stack_.push_back(open);
    } else if (op == "EMC") {
      if (!stack_.empty()) stack_.pop_back();
    } else if (kPainting.count(op) && stack_.empty()) {
      ++result.painting_outside;
    }
    operands_.clear();
  }
  MarkedContent result;

 private:
  struct Open {
    int mcid = -1;
    bool artifact = false;
  };
  inline static const std::set<std::string> kPainting = {
      "Tj", "TJ", "'", "\"", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Do", "sh", "BI"};
  std::vector<Open> stack_;
  std::vector<QPDFTokenizer::Token> operands_;
};

struct Written {
  std::string path;
  std::shared_ptr<QPDF> pdf;
  Node document;  // the StructTreeRoot's element
  std::string dump;
};

Written render(const std::string& kind, const std::string& dataset,
               const std::vector<std::string>& more = {}) {
  Written w;
  const std::string dir = testing::make_temp_dir();
  w.path = dir + "/out.pdf";
  std::vector<std::string> args = {kind,   dataset,         "-o",
                                   w.path, "--layout-dump", dir + "/dump.json"};
  args.insert(args.end(), more.begin(), more.end());
  const auto result = run_briefing(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  w.dump = testing::read_file(dir + "/dump.json");
  w.pdf = std::make_shared<QPDF>();
  w.pdf->processFile(w.path.c_str());
  QPDFObjectHandle root = w.pdf->getRoot().getKey("/StructTreeRoot");
  EXPECT_TRUE(root.isDictionary());
  QPDFObjectHandle k = root.getKey("/K");
  if (k.isArray()) {
    EXPECT_EQ(k.getArrayNItems(), 1);
    k = k.getArrayItem(0);
  }
  w.document = read_node(k);
  return w;
}

size_t dump_count(const std::string& dump, const std::string& kind) {
  const std::regex pattern("\"kind\": ?\"" + kind + "\"");
  return static_cast<size_t>(std::distance(std::sregex_iterator(dump.begin(), dump.end(), pattern),
                                           std::sregex_iterator()));
}

std::map<QPDFObjGen, MarkedContent> marked_content(QPDF& pdf) {
  std::map<QPDFObjGen, MarkedContent> out;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    MarkedContentReader reader;
    page.filterContents(&reader);  // the filtered output is discarded
    out[page.getObjectHandle().getObjGen()] = reader.result;
  }
  return out;
}

// 01-005 (content neither marked as artifact nor tagged), 01-006 style
// (every MCID belongs to one element through the ParentTree, and that element
// lists it), and our own rule that marked content never nests.
void expect_marked_content_sound(Written& w) {
  const auto pages = marked_content(*w.pdf);
  std::map<std::pair<QPDFObjGen, int>, QPDFObjGen> listed;  // (page, MCID) → element listing it
  walk(w.document, [&](const Node& node, const Node*) {
    for (const auto& content : node.content) {
      EXPECT_TRUE(listed.emplace(content, node.object).second) << "MCID listed twice";
    }
  });
  QPDFNumberTreeObjectHelper parent_tree(
      w.pdf->getRoot().getKey("/StructTreeRoot").getKey("/ParentTree"), *w.pdf);
  size_t mcids = 0;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(*w.pdf).getAllPages()) {
    const QPDFObjGen id = page.getObjectHandle().getObjGen();
    const MarkedContent& content = pages.at(id);
    EXPECT_EQ(content.painting_outside, 0) << "page " << id.unparse(' ');
    EXPECT_EQ(content.nested_mcids, 0);
    EXPECT_EQ(content.mcid_inside_artifact, 0);
    QPDFObjectHandle owners;
    ASSERT_TRUE(page.getObjectHandle().getKey("/StructParents").isInteger());
    ASSERT_TRUE(parent_tree.findObject(
        page.getObjectHandle().getKey("/StructParents").getIntValue(), owners));
    std::set<int> seen;
    for (int mcid : content.mcids) {
      EXPECT_TRUE(seen.insert(mcid).second) << "MCID " << mcid << " used twice on a page";
      ASSERT_LT(mcid, owners.getArrayNItems());
      const auto found = listed.find({id, mcid});
      ASSERT_NE(found, listed.end()) << "MCID " << mcid << " is in no element's /K";
      EXPECT_EQ(owners.getArrayItem(mcid).getObjGen(), found->second);
      ++mcids;
    }
  }
  EXPECT_EQ(mcids, listed.size()) << "elements list MCIDs that the content does not have";
}

// 28-011 style: every link annotation is the OBJR of a Link element.
void expect_links_tagged(Written& w) {
  size_t annotations = 0;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(*w.pdf).getAllPages())
    annotations += page.getAnnotations("/Link").size();
  size_t objr = 0;
  for (const Node* link : all_of(w.document, "Link")) {
    EXPECT_EQ(link->annotations, 1);
    objr += static_cast<size_t>(link->annotations);
  }
  EXPECT_GT(annotations, 0u);
  EXPECT_EQ(objr, annotations);
}

std::string struct_text(const std::string& path) {
  return run_program({"/usr/bin/pdfinfo", "-struct-text", path}).out;
}

TEST(PdfStructureTree, ReportHasSectionsHeadingsAndParagraphs) {
  Written w = render("report", repo_path(kFactSheet));
  EXPECT_EQ(w.document.type, "Document");
  // Every heading the layout placed is an H1-H6, first in its own Sect.
  size_t headings = 0;
  walk(w.document, [&](const Node& node, const Node* parent) {
    if (node.type.size() == 2 && node.type[0] == 'H') {
      ++headings;
      ASSERT_NE(parent, nullptr);
      EXPECT_EQ(parent->type, "Sect");
      EXPECT_EQ(&parent->children.front(), &node) << "a heading opens its section";
    }
  });
  EXPECT_EQ(headings, dump_count(w.dump, "heading"));
  EXPECT_EQ(count_of(w.document, "Sect"), headings);
  // 14-002 and 14-003: the first heading is an H1, and no level is skipped.
  int previous = 0;
  walk(w.document, [&](const Node& node, const Node*) {
    if (node.type.size() != 2 || node.type[0] != 'H') return;
    const int level = node.type[1] - '0';
    if (previous == 0) {
      EXPECT_EQ(level, 1);
    }
    EXPECT_LE(level, previous + 1) << "after H" << previous;
    previous = level;
  });
  EXPECT_GE(count_of(w.document, "H1"), 4u);  // contents, figure, chronology, a section
  EXPECT_GT(count_of(w.document, "H2") + count_of(w.document, "H3"), 0u);
  // Sections nest by level: an H2's section is inside an H1's.
  for (const Node* sect : all_of(w.document, "Sect")) {
    const std::string& heading = sect->children.front().type;
    for (const Node& child : sect->children) {
      if (child.type == "Sect") {
        EXPECT_GT(child.children.front().type, heading);
      }
    }
  }
  // Paragraphs: the summaries, meta lines and intros.
  EXPECT_GE(count_of(w.document, "P"), dump_count(w.dump, "heading"));
  // Item numbers as labels, in their headings.
  EXPECT_GE(count_of(w.document, "Lbl"), 1u);
  expect_marked_content_sound(w);
  expect_links_tagged(w);
}

TEST(PdfStructureTree, ChronologyIsOneTableWithHeaderScope) {
  Written w = render("report", repo_path(kFactSheet));
  ASSERT_EQ(count_of(w.document, "Table"), 1u);
  const Node& table = *all_of(w.document, "Table").front();
  ASSERT_EQ(table.children.size(), 2u);
  EXPECT_EQ(table.children[0].type, "THead");
  EXPECT_EQ(table.children[1].type, "TBody");
  ASSERT_EQ(table.children[0].children.size(), 1u) << "the repeated header rows are artifacts";
  const Node& header = table.children[0].children[0];
  ASSERT_EQ(header.type, "TR");
  ASSERT_EQ(header.children.size(), 4u);
  for (const Node& th : header.children) {
    EXPECT_EQ(th.type, "TH");
    EXPECT_EQ(th.scope, "/Column");
  }
  EXPECT_EQ(count_of(w.document, "TH"), 4u);
  // One row per milestone and per undated item, four cells each.
  const size_t rows = table.children[1].children.size();
  EXPECT_EQ(rows, dump_count(w.dump, "table-cell") / 4);
  for (const Node& tr : table.children[1].children) {
    EXPECT_EQ(tr.type, "TR");
    EXPECT_EQ(tr.children.size(), 4u);
    for (const Node& td : tr.children) EXPECT_EQ(td.type, "TD");
  }
  // The chronology ran over several pages: its header was drawn again.
  EXPECT_GT(dump_count(w.dump, "table-header"), 4u);
}

TEST(PdfStructureTree, ContentsFootnotesAndReferences) {
  Written w = render("report", repo_path(kFactSheet));
  ASSERT_EQ(count_of(w.document, "TOC"), 1u);
  const Node& toc = *all_of(w.document, "TOC").front();
  EXPECT_EQ(toc.children.size(), dump_count(w.dump, "toc-entry"));
  for (const Node& entry : toc.children) {
    EXPECT_EQ(entry.type, "TOCI");
    EXPECT_EQ(count_of(entry, "Link"), 1u) << "each entry links to its page";
  }
  EXPECT_EQ(count_of(w.document, "Note"), dump_count(w.dump, "footnote"));
  EXPECT_EQ(count_of(w.document, "Reference"), dump_count(w.dump, "footnote-marker"));
  EXPECT_GT(count_of(w.document, "Note"), 0u);
  for (const Node* reference : all_of(w.document, "Reference")) {
    ASSERT_EQ(reference->children.size(), 1u);
    EXPECT_EQ(reference->children[0].type, "Link");
  }
}

// 13-004: a figure has alternative text; here it names the real span of
// dates and the number of items drawn.
std::string expected_span(const std::string& dataset_path, size_t& dated) {
  const std::string text = testing::read_file(dataset_path);
  std::smatch m;
  std::vector<std::string> dates;
  const std::regex date_line(R"re(\ndate = "([0-9-]+)")re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), date_line);
       it != std::sregex_iterator(); ++it)
    dates.push_back((*it)[1]);
  std::sort(dates.begin(), dates.end());
  dated = 0;
  (void)m;
  const Messages& en = messages_for("en");
  const auto first = PartialDate::parse(dates.front());
  const auto last = PartialDate::parse(dates.back());
  return en.date(*first) + " to " + en.date(*last);
}

TEST(PdfStructureTree, ReportFigureHasGeneratedAlternativeText) {
  Written w = render("report", repo_path(kFactSheet));
  ASSERT_EQ(count_of(w.document, "Figure"), 1u);
  const Node& figure = *all_of(w.document, "Figure").front();
  size_t dated = 0;
  const std::string span = expected_span(repo_path(kFactSheet), dated);
  EXPECT_NE(figure.alt.find(span), std::string::npos) << figure.alt;
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(figure.alt, m, std::regex("Timeline of ([0-9]+) items in ([0-9]+) lanes")))
      << figure.alt;
  // As many items as the figure has labels and lanes as it draws.
  EXPECT_EQ(std::stoul(m[1]), dump_count(w.dump, "figure-label"));
  EXPECT_EQ(std::stoul(m[2]), dump_count(w.dump, "figure-lane"));
  EXPECT_NE(figure.alt.find("Highlighted: "), std::string::npos) << figure.alt;
  EXPECT_GT(figure.content.size(), 0u) << "the figure holds its drawing";
}

TEST(PdfStructureTree, TimelinePdfIsOneFigureWithItsLinks) {
  Written w = render("timeline", repo_path(kFactSheet));
  EXPECT_EQ(w.document.type, "Document");
  ASSERT_EQ(w.document.children.size(), 1u);
  const Node& figure = w.document.children[0];
  EXPECT_EQ(figure.type, "Figure");
  size_t dated = 0;
  EXPECT_NE(figure.alt.find(expected_span(repo_path(kFactSheet), dated)), std::string::npos)
      << figure.alt;
  EXPECT_NE(figure.alt.find(std::to_string(dump_count(w.dump, "label")) + " items"),
            std::string::npos)
      << figure.alt;
  EXPECT_EQ(count_of(figure, "Link"), count_of(w.document, "Link"));
  expect_marked_content_sound(w);
  expect_links_tagged(w);
}

TEST(PdfStructureTree, JapaneseReportGetsJapaneseAlternativeText) {
  Written w = render("report", repo_path("tests/data/ja-fixture.toml"));
  const auto figures = all_of(w.document, "Figure");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_NE(figures[0]->alt.find("年表"), std::string::npos) << figures[0]->alt;
  EXPECT_EQ(figures[0]->alt.find("Timeline of"), std::string::npos) << figures[0]->alt;
}

// 11-006 for parts: a Japanese title in an English report is marked /Lang ja.
TEST(PdfStructureTree, JapaneseTitleInEnglishReportHasItsLanguage) {
  const std::string dir = testing::make_temp_dir();
  std::string dataset = testing::one_item_dataset("2024-05-21");
  dataset = std::regex_replace(dataset, std::regex("\ntitle = \"[^\"]*\"\nkind"),
                               "\ntitle = \"人工知能に関する中間とりまとめ\"\nkind");
  ASSERT_NE(dataset.find("人工知能"), std::string::npos) << dataset;
  testing::write_file(dir + "/mixed.toml", dataset);
  Written w = render("report", dir + "/mixed.toml");
  size_t japanese = 0, others = 0;
  walk(w.document, [&](const Node& node, const Node*) {
    if (node.lang == "ja")
      ++japanese;
    else if (!node.lang.empty())
      ++others;
  });
  EXPECT_GE(japanese, 2u) << "the item's heading and its chronology cell";
  EXPECT_EQ(others, 0u);
  const auto headings = all_of(w.document, "H2");
  const auto h3 = all_of(w.document, "H3");
  bool heading_marked = false;
  for (const auto* list : {&headings, &h3})
    for (const Node* h : *list) heading_marked |= h->lang == "ja";
  EXPECT_TRUE(heading_marked);
}

// 18-001 and 18-002: running headers and footers are pagination artifacts,
// so a reader of the structure does not hear "Page 3 of 12" on every page,
// while pdftotext (every glyph) still finds them.
TEST(PdfStructureTree, RunningHeaderAndFooterAreArtifacts) {
  Written w = render("report", repo_path(kFactSheet));
  const auto pages = marked_content(*w.pdf);
  size_t with_header = 0, with_footer = 0;
  for (const auto& [page, content] : pages) {
    with_header += content.artifact_subtypes.count("/Header");
    with_footer += content.artifact_subtypes.count("/Footer");
  }
  EXPECT_EQ(with_footer, pages.size() - 1) << "every page but the cover";
  EXPECT_EQ(with_header, pages.size() - 1);
  const std::string all_text = run_program({"/usr/bin/pdftotext", w.path, "-"}).out;
  const std::string structure = struct_text(w.path);
  EXPECT_NE(all_text.find("Page 2 of"), std::string::npos);
  EXPECT_EQ(structure.find("Page 2 of"), std::string::npos) << structure.substr(0, 2000);
  // What the structure reads is the document: its title, a summary word,
  // the table header and a footnote's URL.
  EXPECT_NE(structure.find("Contents"), std::string::npos);
  EXPECT_NE(structure.find("Chronology"), std::string::npos);
  EXPECT_NE(structure.find("https://"), std::string::npos);
}

TEST(PdfStructureTree, SecondDatasetHoldsTheSameRules) {
  Written w = render("report", repo_path("tests/data/eu-digital-rulebook.toml"));
  size_t headings = 0;
  walk(w.document, [&](const Node& node, const Node*) {
    headings += node.type.size() == 2 && node.type[0] == 'H';
  });
  EXPECT_EQ(headings, dump_count(w.dump, "heading"));
  EXPECT_EQ(count_of(w.document, "TH"), 4u);
  EXPECT_EQ(count_of(w.document, "Figure"), 1u);
  expect_marked_content_sound(w);
  expect_links_tagged(w);
}

TEST(PdfStructureTree, SameBytesEveryTime) {
  const Written a = render("report", repo_path(kFactSheet));
  const Written b = render("report", repo_path(kFactSheet));
  EXPECT_EQ(testing::read_file(a.path), testing::read_file(b.path));
}

}  // namespace
}  // namespace briefing

namespace briefing {
namespace {

// The claim, and two PDF/UA-1 rules the tree tests do not cover: every
// Note has a unique /ID (7.9) and every page with annotations orders them by
// the structure (/Tabs /S, 7.18.3).
TEST(PdfStructureTree, ClaimsPdfUaWithNoteIdsAndTabOrder) {
  Written w = render("report", repo_path(kFactSheet));
  const std::string xmp = run_program({"/usr/bin/pdfinfo", "-meta", w.path}).out;
  EXPECT_NE(xmp.find("<pdfuaid:part>1</pdfuaid:part>"), std::string::npos) << xmp;
  EXPECT_EQ(w.pdf->getPDFVersion(), "1.7");
  std::set<std::string> ids;
  size_t notes = 0;
  std::function<void(QPDFObjectHandle)> visit = [&](QPDFObjectHandle element) {
    if (element.getKey("/S").isNameAndEquals("/Note")) {
      ++notes;
      ASSERT_TRUE(element.getKey("/ID").isString());
      EXPECT_TRUE(ids.insert(element.getKey("/ID").getStringValue()).second);
    }
    QPDFObjectHandle k = element.getKey("/K");
    if (!k.isArray()) return;
    for (QPDFObjectHandle kid : k.getArrayAsVector()) {
      if (kid.isDictionary() && kid.getKey("/S").isName()) visit(kid);
    }
  };
  QPDFObjectHandle top = w.pdf->getRoot().getKey("/StructTreeRoot").getKey("/K");
  for (QPDFObjectHandle element : top.isArray() ? top.getArrayAsVector() : std::vector{top})
    visit(element);
  EXPECT_GT(notes, 0u);
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(*w.pdf).getAllPages()) {
    if (page.getAnnotations().empty()) continue;
    EXPECT_TRUE(page.getObjectHandle().getKey("/Tabs").isNameAndEquals("/S"));
  }
}

}  // namespace
}  // namespace briefing
