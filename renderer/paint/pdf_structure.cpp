#include "paint/pdf_structure.h"

#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/QUtil.hh>
#include <stdexcept>

#include "base/xml_text.h"
#include "paint/pdf_action_check.h"
#include "paint/pdf_structure_tree.h"
#include "paint/pdf_tag_attributes.h"

namespace briefing {
namespace {

QUtil::QPDFTime utc_time(std::time_t time) {
  std::tm utc{};
  gmtime_r(&time, &utc);
  return {utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, 0};
}

// A /Dest or /A /GoTo /D as a destination name; empty when it is neither.
std::string destination_of(QPDFObjectHandle annotation) {
  QPDFObjectHandle dest = annotation.getKey("/Dest");
  QPDFObjectHandle action = annotation.getKey("/A");
  if (dest.isNull() && action.isDictionary()) dest = action.getKey("/D");
  if (dest.isString()) return dest.getUTF8Value();
  if (dest.isName()) return dest.getName().substr(1);
  return {};
}

std::string uri_of(QPDFObjectHandle annotation) {
  QPDFObjectHandle action = annotation.getKey("/A");
  if (!action.isDictionary()) return {};
  QPDFObjectHandle uri = action.getKey("/URI");
  return uri.isString() ? uri.getStringValue() : std::string();
}

}  // namespace

std::map<std::string, std::string> destination_descriptions(const Document& document) {
  std::map<std::string, std::string> out;
  for (const Page& page : document.pages) {
    for_each_item(page.items, [&](const DisplayItem& item, Point) {
      const auto* group = std::get_if<Group>(&item);
      if (!group || group->tag.item_id.empty()) return;
      if (group->tag.kind == "heading") out.emplace(group->tag.item_id, group->tag.text);
      if (group->tag.kind == "footnote") {
        const std::string number = group->tag.item_id.substr(group->tag.item_id.find('-') + 1);
        out.emplace(group->tag.item_id, "footnote " + number);
        out.emplace("fnref-" + number, "the text that refers to footnote " + number);
      }
    });
  }
  return out;
}

std::string link_description(const std::string& uri, const std::string& destination,
                             const std::map<std::string, std::string>& destinations) {
  if (!uri.empty()) return "Link to " + uri;
  const auto found = destinations.find(destination);
  return "Go to " + (found != destinations.end() ? found->second : destination);
}

std::string xmp_metadata(const PdfAccessibility& what) {
  const std::string date = QUtil::qpdf_time_to_iso8601(utc_time(what.created));
  std::string xmp =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
  const std::string lang = what.language.empty() ? "x-default" : xml_escaped(what.language);
  if (!what.title.empty()) {
    xmp += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(what.title) +
           "</rdf:li></rdf:Alt></dc:title>\n";
  }
  if (!what.author.empty()) {
    xmp += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escaped(what.author) +
           "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  if (!what.language.empty()) {
    xmp += "   <dc:language><rdf:Bag><rdf:li>" + lang + "</rdf:li></rdf:Bag></dc:language>\n";
  }
  xmp += "   <dc:format>application/pdf</dc:format>\n";
  xmp += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
  xmp += "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
  xmp += "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
  if (what.pdf_ua) xmp += "   <pdfuaid:part>1</pdfuaid:part>\n";
  xmp +=
      "  </rdf:Description>\n"
      " </rdf:RDF>\n"
      "</x:xmpmeta>\n"
      "<?xpacket end=\"r\"?>";
  return xmp;
}

std::string add_accessibility_entries(std::string_view pdf, const PdfAccessibility& what) {
  QPDF doc;
  doc.setSuppressWarnings(true);
  doc.processMemoryFile("briefing output", pdf.data(), pdf.size());
  QPDFObjectHandle root = doc.getRoot();
  if (!what.language.empty())
    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(what.language));
  QPDFObjectHandle mark_info = QPDFObjectHandle::newDictionary();
  mark_info.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
  root.replaceKey("/MarkInfo", mark_info);
  QPDFObjectHandle preferences = QPDFObjectHandle::newDictionary();
  preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
  root.replaceKey("/ViewerPreferences", preferences);

  QPDFObjectHandle metadata = QPDFObjectHandle::newStream(&doc, xmp_metadata(what));
  metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
  metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
  root.replaceKey("/Metadata", metadata);

  // The Info dates, which cairo 1.16 writes without "D:".
  QPDFObjectHandle trailer = doc.getTrailer();
  QPDFObjectHandle info = trailer.getKey("/Info");
  if (!info.isDictionary()) {
    info = doc.makeIndirectObject(QPDFObjectHandle::newDictionary());
    trailer.replaceKey("/Info", info);
  }
  const std::string date = QUtil::qpdf_time_to_pdf_time(utc_time(what.created));
  info.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
  info.replaceKey("/ModDate", QPDFObjectHandle::newString(date));

  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(doc).getAllPages()) {
    for (QPDFAnnotationObjectHelper& annotation : page.getAnnotations("/Link")) {
      QPDFObjectHandle object = annotation.getObjectHandle();
      object.replaceKey("/Contents",
                        QPDFObjectHandle::newUnicodeString(link_description(
                            uri_of(object), destination_of(object), what.destinations)));
    }
  }

  complete_structure_tree(doc, what.structure, pdf.size() >= what.hold_content_compressed_from);

  // The action gate on what the writer is about to serialise (every object
  // reachable from the trailer), and no warning from reading cairo's file,
  // which qpdf would otherwise have repaired in silence.
  check_pdf_actions(doc);
  if (doc.anyWarnings()) throw UnsafePdfValue("the PDF has damaged structure");

  // Straight into the string returned: no Buffer copied out of the writer.
  std::string out;
  out.reserve(pdf.size() + pdf.size() / 8);  // qpdf's file is within 6 % of cairo's
  Pl_String sink("briefing output", nullptr, out);
  QPDFWriter writer(doc);
  writer.setOutputPipeline(&sink);
  writer.setDeterministicID(true);                      // the same input gives the same bytes
  if (what.pdf_ua) writer.setMinimumPDFVersion("1.7");  // PDF/UA-1 is based on PDF 1.7
  writer.write();
  if (doc.anyWarnings()) throw UnsafePdfValue("the PDF has damaged structure");
  return out;
}

}  // namespace briefing
