// The document-level accessibility entries of a PDF written by cairo,
// added afterwards with qpdf's object API (cairo 1.16 has no way to write
// them): the catalog's /Lang, /MarkInfo << /Marked true >> and
// /ViewerPreferences << /DisplayDocTitle true >>; an XMP metadata stream
// (title, author, language, creation and modification dates); the Info
// dictionary's dates in PDF date syntax (cairo 1.16 leaves out the "D:");
// and a /Contents on every link annotation saying where it goes.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "layout/display_list.h"
#include "paint/pdf_tagger.h"

namespace briefing {

/// What the post-processing needs to know beyond the PDF itself.
struct PdfAccessibility {
  std::string language;  // BCP 47 ("en", "ja"); empty: none written
  std::string title, author;
  std::time_t created = 0;  // UTC seconds (after $SOURCE_DATE_EPOCH)
  /// Named destination → what a link to it goes to ("1.2 Guidelines").
  std::map<std::string, std::string> destinations;
  /// The structure elements cairo wrote, in the order they began
  /// (paint/pdf_tagger.h): what paint/pdf_structure_tree.h completes.
  std::vector<StructureNote> structure;
  /// Claim PDF/UA-1 in the XMP (pdfuaid:part 1): for a document painted
  /// with its structure, whose checks tests/pdf_structure_tree_test.cpp makes.
  bool pdf_ua = false;
  /// From this size of cairo's file on (bytes; a report of about 200 pages),
  /// the rewritten page content is held compressed until it is written
  /// (paint/pdf_structure_tree.h): less memory, a little more work.
  size_t hold_content_compressed_from = size_t{4} << 20;
};

/// What links to each destination of `document` go to, read from the tags of
/// its headings and footnotes.
std::map<std::string, std::string> destination_descriptions(const Document& document);

/// The link annotation's /Contents: "Link to https://…" or "Go to …".
std::string link_description(const std::string& uri, const std::string& destination,
                             const std::map<std::string, std::string>& destinations);

/// `pdf` (as cairo wrote it) with the entries above; throws
/// std::runtime_error when qpdf cannot read or write it, and UnsafePdfValue
/// (paint/pdf_tag_attributes.h) when qpdf warned reading it (damaged
/// structure) or what it would write holds an action but a link
/// (paint/pdf_action_check.h: the one check, on the objects in memory).
std::string add_accessibility_entries(std::string_view pdf, const PdfAccessibility& what);

/// The XMP packet for `what` (text escaped for XML).
std::string xmp_metadata(const PdfAccessibility& what);

}  // namespace briefing
