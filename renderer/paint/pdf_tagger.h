// Emits the PDF structure of a document while it is painted: cairo 1.16
// turns each cairo_tag_begin/end of a standard structure type into a
// structure element with the marked content drawn in between. This keeps
// what spans items and pages (a section from its heading to the next heading
// of its level or above, a table across the pages it continues on, the
// contents' list) and records, in the order the elements begin, what cairo
// cannot write (alternative text, language, artifacts) for the
// post-processing in paint/pdf_structure_tree.h.
#pragma once

#include <cairo.h>

#include <string>
#include <vector>

#include "paint/pdf_roles.h"

namespace briefing {

/// One structure element as it was begun: its type as cairo wrote it and
/// what the post-processing adds to it.
struct StructureNote {
  std::string type;              // "P", "Link", ...; kArtifactType for an artifact
  std::string alt;               // a Figure's /Alt
  std::string language;          // its /Lang when other than the document's
  std::string artifact_subtype;  // "Header", "Footer" or empty
  /// Cairo 1.16 marks the content of an element only when it has no child
  /// elements, so an element inside a content element (a Link in a
  /// paragraph, a Lbl in a heading) is begun after the parent is ended, as
  /// its sibling, and the parent goes on as a new element after it. These
  /// say how the post-processing puts them back together (note indexes):
  int parent = -1;     // the content element this one is really inside
  int continues = -1;  // the element this one is the rest of
};

/// What cairo writes for an artifact, which it has no tag for: a Private
/// element, which the post-processing turns into /Artifact marked content.
inline constexpr const char* kArtifactType = "Private";

class StructureTagger {
 public:
  StructureTagger(cairo_t* cr, std::string document_language);

  /// The Document element around everything (after the first page's
  /// background: cairo 1.16 drops what a page recorded before an opaque fill).
  void begin_document();
  /// Ends every open element, the Document last.
  void end_document();

  /// Opens `role`'s element, first (for an item at a page's top level) the
  /// section or containers it goes in. False when nothing was opened (no
  /// element, or inside an artifact): then end() must not be called.
  bool begin(const StructureRole& role, bool top_level, const std::string& alt = {},
             const std::string& text = {});
  void end(const StructureRole& role);

  /// A link annotation (cairo's Link element) with cairo attributes.
  void link(const std::string& attributes);

  const std::vector<StructureNote>& notes() const { return notes_; }

 private:
  struct Open {
    std::string type;
    int section_level = 0;  // for a Sect: its heading's level
  };
  struct Content {
    std::string type;
    int note = -1;
  };
  void open(const std::string& type, int section_level = 0);
  void close_top();
  void place_at_top_level(const StructureRole& role);
  // A content element begun (inside the innermost open one, if any) and ended.
  void begin_content(const std::string& type, const char* attributes, StructureNote note);
  void end_content();

  cairo_t* cr_;
  std::string language_;
  std::vector<Open> open_;        // Document, sections and containers, outermost first
  std::vector<Content> content_;  // content elements open inside each other, outermost first
  std::vector<StructureNote> notes_;
  int artifact_depth_ = 0;  // > 0 while painting inside an artifact
};

}  // namespace briefing
