#include "paint/svg_xml.h"

#include <glib.h>

#include <stdexcept>

namespace briefing {
namespace {

// XML 1.0's Char production.
bool allowed_in_xml(gunichar c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

const xmlChar* xml(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

}  // namespace

std::string xml_safe_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const gunichar c = g_utf8_get_char_validated(p, end - p);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) {
      ++p;  // a broken byte: skip it alone and resynchronise
      continue;
    }
    const char* next = g_utf8_next_char(p);
    if (allowed_in_xml(c)) out.append(p, next);
    p = next;
  }
  return out;
}

XmlWriter::XmlWriter() {
  buffer_ = xmlBufferCreate();
  if (!buffer_) throw std::runtime_error("cannot allocate the XML buffer");
  writer_ = xmlNewTextWriterMemory(buffer_, 0);
  if (!writer_) {
    xmlBufferFree(buffer_);
    throw std::runtime_error("cannot create the XML writer");
  }
  check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr), "start the document");
}

XmlWriter::~XmlWriter() {
  if (writer_) xmlFreeTextWriter(writer_);
  if (buffer_) xmlBufferFree(buffer_);
}

void XmlWriter::check(int result, const char* what) const {
  if (result < 0) throw std::runtime_error(std::string("cannot write the SVG: ") + what);
}

void XmlWriter::start(const char* element) {
  check(xmlTextWriterStartElement(writer_, xml(element)), element);
}

void XmlWriter::attribute(const char* name, std::string_view value) {
  const std::string safe = xml_safe_text(value);
  check(xmlTextWriterWriteAttribute(writer_, xml(name), xml(safe.c_str())), name);
}

void XmlWriter::text(std::string_view text) {
  const std::string safe = xml_safe_text(text);
  check(xmlTextWriterWriteString(writer_, xml(safe.c_str())), "text");
}

void XmlWriter::line_break() { check(xmlTextWriterWriteRaw(writer_, xml("\n")), "a line break"); }

void XmlWriter::end() { check(xmlTextWriterEndElement(writer_), "the end of an element"); }

std::string XmlWriter::finish() {
  check(xmlTextWriterEndDocument(writer_), "the end of the document");
  xmlFreeTextWriter(writer_);  // flushes into the buffer
  writer_ = nullptr;
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)),
                     static_cast<size_t>(xmlBufferLength(buffer_)));
}

}  // namespace briefing
