#include "paint/pdf_structure_tree.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <qpdf/Pl_Discard.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <stdexcept>

#include "paint/pdf_content_tokens.h"
#include "paint/pdf_marked_content.h"
#include "paint/pdf_roles.h"

namespace briefing {
namespace {

constexpr long kNoPosition = std::numeric_limits<long>::max();

struct Element {
  QPDFObjectHandle object;
  std::string type;
  std::vector<int> children;
  bool removed = false;   // an artifact or inside one
  bool artifact = false;  // the artifact itself
  QPDFObjectHandle annotation;
  struct Content {
    QPDFObjectHandle page;
    int mcid;
    long position;
  };
  std::vector<Content> content;
  long begins = kNoPosition;  // where its first marked content began
};

bool is_struct_elem(QPDFObjectHandle object) {
  return object.isDictionary() && object.getKey("/S").isName() &&
         (!object.getKey("/Type").isName() || object.getKey("/Type").getName() == "/StructElem");
}

// qpdf's tokenizer feeding the rewriter: for content the quicker
// cairo_content_tokens does not read. Keeps each token until the rewriter
// is done with it (the next operator).
class QpdfTokenFeed : public QPDFObjectHandle::TokenFilter {
 public:
  explicit QpdfTokenFeed(MarkedContentRewriter& rewriter) : rewriter_(rewriter) {}

  void handleToken(QPDFTokenizer::Token const& token) override {
    const auto type = token.getType();
    if (type == QPDFTokenizer::tt_eof) return;
    if (type == QPDFTokenizer::tt_word || type == QPDFTokenizer::tt_inline_image) {
      rewriter_.token({content_token_kind(type), token.getValue(), token.getRawValue()});
      kept_.clear();
      return;
    }
    kept_.push_back(token);
    rewriter_.token(
        {content_token_kind(type), kept_.back().getValue(), kept_.back().getRawValue()});
  }
  void handleEOF() override { rewriter_.finish(); }

 private:
  MarkedContentRewriter& rewriter_;
  std::deque<QPDFTokenizer::Token> kept_;
};

// Feeds `rewriter` the page's content: a single stream cairo wrote through
// cairo_content_tokens, anything else through qpdf's tokenizer.
void rewrite_content(QPDFPageObjectHelper& page, MarkedContentRewriter& rewriter) {
  QPDFObjectHandle contents = page.getObjectHandle().getKey("/Contents");
  if (contents.isStream()) {
    const std::shared_ptr<Buffer> data = contents.getStreamData(qpdf_dl_specialized);
    const std::string_view text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    if (const auto tokens = cairo_content_tokens(text)) {
      for (const ContentToken& token : *tokens) rewriter.token(token);
      rewriter.finish();
      return;
    }
  }
  QpdfTokenFeed feed(rewriter);
  Pl_Discard discard;  // the rewriter writes its own output
  page.filterContents(&feed, &discard);
}

class TreeCompleter {
 public:
  TreeCompleter(QPDF& doc, const std::vector<StructureNote>& notes, bool hold_compressed)
      : doc_(doc), notes_(notes), hold_compressed_(hold_compressed) {}

  void run() {
    QPDFObjectHandle root = doc_.getRoot().getKey("/StructTreeRoot");
    if (!root.isDictionary()) return;
    collect(root.getKey("/K"), -1);
    check_against_notes();
    join_split_elements();
    mark_artifacts();
    QPDFNumberTreeObjectHelper parent_tree(root.getKey("/ParentTree"), doc_);
    index_by_object();
    rewrite_pages(parent_tree);
    for (size_t i = 0; i < elements_.size(); ++i) {
      if (!elements_[i].removed && owner_[i] == static_cast<int>(i)) finish(static_cast<int>(i));
    }
  }

 private:
  // The elements in pre-order (the order they began).
  void collect(QPDFObjectHandle k, int parent) {
    std::vector<QPDFObjectHandle> entries;
    if (k.isArray()) {
      entries = k.getArrayAsVector();
    } else if (!k.isNull()) {
      entries.push_back(k);
    }
    for (QPDFObjectHandle entry : entries) {
      if (!is_struct_elem(entry)) continue;
      const int index = static_cast<int>(elements_.size());
      elements_.push_back({entry, entry.getKey("/S").getName().substr(1)});
      if (parent >= 0) elements_[static_cast<size_t>(parent)].children.push_back(index);
      parents_.push_back(parent);
      collect(entry.getKey("/K"), index);
    }
  }

  void check_against_notes() const {
    if (elements_.size() != notes_.size()) {
      throw std::runtime_error("the PDF has " + std::to_string(elements_.size()) +
                               " structure elements where " + std::to_string(notes_.size()) +
                               " were tagged");
    }
    for (size_t i = 0; i < elements_.size(); ++i) {
      if (elements_[i].type != notes_[i].type)
        throw std::runtime_error("structure element " + std::to_string(i) + " is a " +
                                 elements_[i].type + ", tagged " + notes_[i].type);
    }
  }

  // Puts back together what the tagger split for cairo (StructureNote):
  // each element's owner (itself, or the element it is the rest of) and its
  // parent as the document has it.
  void join_split_elements() {
    owner_.resize(elements_.size());
    for (size_t i = 0; i < elements_.size(); ++i) {
      const int continues = notes_[i].continues;
      owner_[i] = continues >= 0 && static_cast<size_t>(continues) < i
                      ? owner_[static_cast<size_t>(continues)]
                      : static_cast<int>(i);
    }
    for (Element& element : elements_) element.children.clear();
    for (size_t i = 0; i < elements_.size(); ++i) {
      const int note_parent = notes_[i].parent;
      const int cairo_parent = parents_[i];
      parents_[i] = note_parent >= 0    ? owner_[static_cast<size_t>(note_parent)]
                    : cairo_parent >= 0 ? owner_[static_cast<size_t>(cairo_parent)]
                                        : -1;
      if (owner_[i] == static_cast<int>(i) && parents_[i] >= 0)
        elements_[static_cast<size_t>(parents_[i])].children.push_back(static_cast<int>(i));
    }
  }

  void mark_artifacts() {
    for (size_t i = 0; i < elements_.size(); ++i) {
      const int parent = parents_[i];
      const Element& owner = elements_[static_cast<size_t>(owner_[i])];
      elements_[i].artifact =
          owner_[i] == static_cast<int>(i) && elements_[i].type == kArtifactType;
      elements_[i].removed = elements_[i].artifact || owner.removed ||
                             (parent >= 0 && elements_[static_cast<size_t>(parent)].removed);
    }
  }

  void index_by_object() {
    for (size_t i = 0; i < elements_.size(); ++i)
      by_object_[elements_[i].object.getObjGen()] = static_cast<int>(i);
  }

  // The element (its owner, for the rest of a split one) `object` is.
  int element_of(QPDFObjectHandle object) const {
    const auto found = by_object_.find(object.getObjGen());
    return found == by_object_.end() ? -1 : owner_[static_cast<size_t>(found->second)];
  }

  MarkedContentAction action_for(int index) const {
    MarkedContentAction action;
    action.element = index;
    if (index < 0) return action;
    const Element& element = elements_[static_cast<size_t>(index)];
    action.type = element.type;
    if (element.artifact &&
        !(parents_[static_cast<size_t>(index)] >= 0 &&
          elements_[static_cast<size_t>(parents_[static_cast<size_t>(index)])].removed)) {
      action.kind = MarkedContentAction::Kind::artifact;
      action.artifact_subtype = notes_[static_cast<size_t>(index)].artifact_subtype;
    } else if (!element.removed && !is_grouping_element(element.type)) {
      action.kind = MarkedContentAction::Kind::keep;
    }
    return action;
  }

  void rewrite_pages(QPDFNumberTreeObjectHelper& parent_tree) {
    long position = 0;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(doc_).getAllPages()) {
      QPDFObjectHandle page_object = page.getObjectHandle();
      link_annotations(page, parent_tree);
      // PDF/UA-1 7.18.3: annotations in the order of the structure.
      if (!page.getAnnotations().empty())
        page_object.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
      QPDFObjectHandle key = page_object.getKey("/StructParents");
      QPDFObjectHandle by_mcid;
      if (!key.isInteger() || !parent_tree.findObject(key.getIntValue(), by_mcid) ||
          !by_mcid.isArray())
        by_mcid = QPDFObjectHandle::newArray();
      std::map<int, MarkedContentAction> actions;
      const int count = by_mcid.getArrayNItems();
      for (int mcid = 0; mcid < count; ++mcid)
        actions[mcid] = action_for(element_of(by_mcid.getArrayItem(mcid)));
      std::string content;
      MarkedContentRewriter rewriter(actions, count, position, content);
      rewrite_content(page, rewriter);
      replace_contents(page_object, content);
      // The parent tree: each MCID written, to its element.
      std::vector<QPDFObjectHandle> owners;
      for (const MarkedSequence& sequence : rewriter.sequences()) {
        Element& element = elements_[static_cast<size_t>(sequence.element)];
        element.content.push_back({page_object, sequence.mcid, sequence.position});
        element.begins = std::min(element.begins, sequence.position);
        if (owners.size() <= static_cast<size_t>(sequence.mcid))
          owners.resize(static_cast<size_t>(sequence.mcid) + 1, QPDFObjectHandle::newNull());
        owners[static_cast<size_t>(sequence.mcid)] = element.object;
      }
      for (const auto& [element, at] : rewriter.begins()) {
        Element& begun = elements_[static_cast<size_t>(element)];
        begun.begins = std::min(begun.begins, at);
      }
      by_mcid.setArrayFromVector(owners);
    }
  }

  // The page's rewritten content, in place of cairo's one stream (the
  // writer numbers objects in the order it reaches them, so the file is the
  // same as with a new stream). Held compressed, it is given back to
  // QPDFWriter inflated so that the writer compresses it itself: with the
  // data already compressed it would write /Filter before /Length.
  void replace_contents(QPDFObjectHandle page_object, const std::string& bytes) {
    QPDFObjectHandle contents = page_object.getKey("/Contents");
    if (!contents.isStream()) {
      contents = QPDFObjectHandle::newStream(&doc_);
      page_object.replaceKey("/Contents", contents);
    }
    const QPDFObjectHandle none = QPDFObjectHandle::newNull();  // no /Filter, /DecodeParms
    if (!hold_compressed_) {
      contents.replaceStreamData(bytes, none, none);
      return;
    }
    auto compressed = std::make_shared<std::string>();
    Pl_String sink("page content", nullptr, *compressed);
    Pl_Flate deflate("page content", &sink, Pl_Flate::a_deflate);
    deflate.write(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    deflate.finish();
    contents.replaceStreamData(
        [compressed](Pipeline* out) {
          Pl_Flate inflate("page content", out, Pl_Flate::a_inflate);
          inflate.write(reinterpret_cast<const unsigned char*>(compressed->data()),
                        compressed->size());
          inflate.finish();
        },
        none, none);
  }

  // Each link annotation to its Link element; one of a removed element
  // (a link in an artifact) leaves the tree.
  void link_annotations(QPDFPageObjectHelper& page, QPDFNumberTreeObjectHelper& parent_tree) {
    for (QPDFAnnotationObjectHelper& annotation : page.getAnnotations()) {
      QPDFObjectHandle object = annotation.getObjectHandle();
      QPDFObjectHandle key = object.getKey("/StructParent");
      QPDFObjectHandle owner;
      if (!key.isInteger() || !parent_tree.findObject(key.getIntValue(), owner)) continue;
      const int index = element_of(owner);
      if (index < 0) continue;
      Element& element = elements_[static_cast<size_t>(index)];
      if (element.removed) {
        object.removeKey("/StructParent");
        parent_tree.remove(key.getIntValue());
      } else {
        element.annotation = object;
      }
    }
  }

  // Where an element and what it holds begin, for ordering /K.
  long first_position(int index) const {
    const Element& element = elements_[static_cast<size_t>(index)];
    long first = element.begins;
    for (int child : element.children) {
      if (!elements_[static_cast<size_t>(child)].removed)
        first = std::min(first, first_position(child));
    }
    return first;
  }

  void finish(int index) {
    Element& element = elements_[static_cast<size_t>(index)];
    const StructureNote& note = notes_[static_cast<size_t>(index)];
    // (position, 0 for a child before 1 for content at the same place, entry)
    std::vector<std::tuple<long, int, QPDFObjectHandle>> entries;
    long last = -1;
    for (int child : element.children) {
      if (elements_[static_cast<size_t>(child)].removed) continue;
      long at = first_position(child);
      if (at == kNoPosition) at = last;  // holds nothing: after its elder sibling
      last = at;
      entries.emplace_back(at, 0, elements_[static_cast<size_t>(child)].object);
    }
    for (const Element::Content& content : element.content) {
      QPDFObjectHandle mcr = QPDFObjectHandle::newDictionary();
      mcr.replaceKey("/Type", mcr_type_);
      mcr.replaceKey("/Pg", content.page);
      mcr.replaceKey("/MCID", integer(content.mcid));
      entries.emplace_back(content.position, 1, mcr);
    }
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
    });
    std::vector<QPDFObjectHandle> kids;
    if (element.annotation.isInitialized() && element.annotation.isDictionary()) {
      QPDFObjectHandle objr = QPDFObjectHandle::newDictionary();
      objr.replaceKey("/Type", QPDFObjectHandle::newName("/OBJR"));
      objr.replaceKey("/Obj", element.annotation);
      kids.push_back(objr);
    }
    for (auto& entry : entries) kids.push_back(std::get<2>(entry));
    element.object.removeKey("/Pg");
    if (kids.empty())
      element.object.removeKey("/K");
    else
      element.object.replaceKey("/K", QPDFObjectHandle::newArray(kids));
    if (!note.alt.empty())
      element.object.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(note.alt));
    if (!note.language.empty())
      element.object.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(note.language));
    if (element.type == "TH") {
      QPDFObjectHandle attributes = QPDFObjectHandle::newDictionary();
      attributes.replaceKey("/O", QPDFObjectHandle::newName("/Table"));
      attributes.replaceKey("/Scope", QPDFObjectHandle::newName("/Column"));
      element.object.replaceKey("/A", attributes);
    }
    // PDF/UA-1 7.9: a Note has an ID, unique in the document.
    if (element.type == "Note")
      element.object.replaceKey(
          "/ID", QPDFObjectHandle::newString("note-" + std::to_string(++notes_seen_)));
  }

  // The one /MCR name and one object per MCID value, shared by every
  // marked-content reference (they are never changed; the writer writes each
  // where it stands): about a third of the memory the references take.
  QPDFObjectHandle integer(int value) {
    const auto at = static_cast<size_t>(value);
    if (at >= integers_.size()) integers_.resize(at + 1);
    if (!integers_[at].isInitialized()) integers_[at] = QPDFObjectHandle::newInteger(value);
    return integers_[at];
  }

  QPDF& doc_;
  const std::vector<StructureNote>& notes_;
  const bool hold_compressed_;
  std::vector<Element> elements_;
  std::vector<int> parents_;
  std::vector<int> owner_;
  int notes_seen_ = 0;
  std::map<QPDFObjGen, int> by_object_;
  const QPDFObjectHandle mcr_type_ = QPDFObjectHandle::newName("/MCR");
  std::vector<QPDFObjectHandle> integers_;
};

}  // namespace

void complete_structure_tree(QPDF& doc, const std::vector<StructureNote>& notes,
                             bool hold_compressed) {
  TreeCompleter(doc, notes, hold_compressed).run();
}

}  // namespace briefing
