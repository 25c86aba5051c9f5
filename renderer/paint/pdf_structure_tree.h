// Completes the structure tree cairo 1.16 writes: it has the elements (in
// the order paint/pdf_tagger.h began them) but cannot give them alternative
// text, a language or table header scope, has no artifacts, nests marked
// content as deeply as the elements, and leaves the content of an element
// that has children out of its /K. With qpdf's object API, in the one
// rewrite paint/pdf_structure.h already does:
// - each page's content stream is rewritten (paint/pdf_marked_content.h):
//   artifacts and decorations become /Artifact, content elements hold their
//   own content only;
// - every element's /K is rebuilt in content order from the marked content
//   actually written: its content (MCRs), child elements, and for a Link its
//   annotation (OBJR); the ParentTree follows;
// - Figure /Alt, /Lang on elements in another language, TH /Scope /Column.
#pragma once

#include <vector>

#include "paint/pdf_tagger.h"

class QPDF;

namespace briefing {

/// Throws std::runtime_error when the tree in `doc` does not match `notes`
/// (which would be a bug: they come from the same painting). With
/// `hold_compressed`, the rewritten page content waits compressed for
/// QPDFWriter (a fifth of the memory, for a large document, at the cost of
/// compressing it twice); the file written is the same either way.
void complete_structure_tree(QPDF& doc, const std::vector<StructureNote>& notes,
                             bool hold_compressed = false);

}  // namespace briefing
