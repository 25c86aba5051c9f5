// Writing the SVG's XML through libxml2's xmlTextWriter: it balances the
// elements and escapes attribute values and text (<, &, >, quotes, line
// breaks in attributes); what it does not do, dropping code points XML 1.0
// cannot hold at all (C0 controls but tab and line breaks, U+FFFE, U+FFFF,
// broken UTF-8), is done here first.
#pragma once

#include <libxml/xmlwriter.h>

#include <memory>
#include <string>
#include <string_view>

namespace briefing {

/// `text` with every code point XML 1.0 cannot hold (even as a character
/// reference) left out, and broken UTF-8 sequences left out.
std::string xml_safe_text(std::string_view text);

class XmlWriter {
 public:
  XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;
  ~XmlWriter();

  void start(const char* element);
  void attribute(const char* name, std::string_view value);
  void text(std::string_view text);
  /// A line break between elements, where white space means nothing (never
  /// inside <text>, where it would be a character).
  void line_break();
  void end();
  /// Closes every open element and returns the document's bytes.
  std::string finish();

 private:
  void check(int result, const char* what) const;

  xmlBufferPtr buffer_ = nullptr;
  xmlTextWriterPtr writer_ = nullptr;
};

}  // namespace briefing
