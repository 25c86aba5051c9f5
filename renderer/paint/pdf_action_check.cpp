#include "paint/pdf_action_check.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <set>
#include <string>
#include <vector>

#include "base/url.h"
#include "paint/pdf_tag_attributes.h"

namespace briefing {
namespace {

// Keys that start scripts, launch programs, send data or run on open.
const std::set<std::string> kForbiddenKeys = {
    "/JavaScript", "/JS", "/Launch", "/SubmitForm", "/ImportData", "/OpenAction", "/AA"};
// Action types (/S of an action dictionary) other than /URI and /GoTo.
const std::set<std::string> kForbiddenActions = {
    "/JavaScript", "/Launch",          "/SubmitForm", "/ImportData", "/ResetForm",
    "/Named",      "/GoToR",           "/GoToE",      "/Movie",      "/Sound",
    "/Hide",       "/Rendition",       "/Trans",      "/GoTo3DView", "/SetOCGState",
    "/Thread",     "/RichMediaExecute"};

class ActionScanner {
 public:
  void scan(QPDFObjectHandle object) {
    if (object.isIndirect()) {
      if (!seen_.insert(object.getObjGen()).second) return;
    }
    if (object.isStream()) {
      scan(object.getDict());
      return;
    }
    if (object.isArray()) {
      for (auto& element : object.getArrayAsVector()) scan(element);
      return;
    }
    if (!object.isDictionary()) return;
    // One copy of the entries rather than the keys and a look-up each.
    for (auto& [key, value] : object.getDictAsMap()) {
      if (kForbiddenKeys.count(key)) refuse("the key " + key);
      if (key == "/S" && value.isName() && kForbiddenActions.count(value.getName())) {
        refuse("a " + value.getName() + " action");
      }
      if (key == "/URI" && (!value.isString() || !is_safe_link_target(value.getStringValue()))) {
        refuse("a /URI that is not a safe link target");
      }
      scan(value);
    }
  }

 private:
  [[noreturn]] static void refuse(const std::string& what) {
    throw UnsafePdfValue("refusing to write a PDF that holds " + what);
  }

  std::set<QPDFObjGen> seen_;
};

}  // namespace

void check_pdf_actions(std::string_view pdf) {
  QPDF reader;
  reader.setSuppressWarnings(true);
  try {
    reader.processMemoryFile("briefing output", pdf.data(), pdf.size());
  } catch (const std::exception& error) {
    throw UnsafePdfValue(std::string("the PDF cannot be read back: ") + error.what());
  }
  if (reader.anyWarnings()) throw UnsafePdfValue("the PDF has damaged structure");
  ActionScanner scanner;
  scanner.scan(reader.getTrailer());
  for (auto& object : reader.getAllObjects()) scanner.scan(object);
}

void check_pdf_actions(QPDF& doc) {
  ActionScanner scanner;
  scanner.scan(doc.getTrailer());
}

}  // namespace briefing
