#include "pdf_inspection.h"

#include <nlohmann/json.hpp>
#include <set>

#include "test_support.h"

namespace briefing::testing {
namespace {

const std::set<std::string> kForbiddenKeys = {
    "/JavaScript", "/JS", "/Launch", "/SubmitForm", "/ImportData", "/OpenAction", "/AA"};
const std::set<std::string> kActionTypes = {
    "/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/ResetForm",  "/Named",
    "/GoToR",      "/GoToE",  "/Movie",      "/Sound",      "/Hide",       "/Rendition",
    "/Trans",      "/URI",    "/GoTo",       "/Thread",     "/SetOCGState"};

bool is_plain_uri(const std::string& value) {
  for (unsigned char c : value) {
    if (c <= 0x20 || c >= 0x7F || c == '(' || c == ')' || c == '\'' || c == '\\' || c == '<' ||
        c == '>' || c == '"') {
      return false;
    }
  }
  return !value.empty();
}

void walk(const nlohmann::json& value, const std::string& where,
          std::vector<std::string>& problems) {
  if (value.is_array()) {
    for (const auto& element : value) walk(element, where, problems);
    return;
  }
  if (!value.is_object()) return;
  for (const auto& [key, child] : value.items()) {
    if (kForbiddenKeys.count(key)) problems.push_back(where + " holds " + key);
    if (key == "/S" && child.is_string() && kActionTypes.count(child.get<std::string>()) &&
        child != "/URI" && child != "/GoTo") {
      problems.push_back(where + " holds a " + child.get<std::string>() + " action");
    }
    if (key == "/URI") {
      // qpdf writes strings as "u:text" (or "b:hex" for binary).
      const std::string text = child.is_string() ? child.get<std::string>() : "";
      if (text.rfind("u:", 0) != 0 || !is_plain_uri(text.substr(2))) {
        problems.push_back(where + " has the /URI " + text);
      }
    }
    walk(child, where, problems);
  }
}

}  // namespace

std::vector<std::string> pdf_soundness_problems(const std::string& path) {
  std::vector<std::string> problems;
  const CommandResult check = run_program({"/usr/bin/qpdf", "--check", path});
  if (check.exit_code != 0 || check.out.find("WARNING") != std::string::npos ||
      check.err.find("WARNING") != std::string::npos) {
    problems.push_back("qpdf --check: exit " + std::to_string(check.exit_code) + "\n" + check.out +
                       check.err);
  }
  const CommandResult json = run_program({"/usr/bin/qpdf", "--json=2", "--json-key=qpdf", path});
  if (json.exit_code != 0) {
    problems.push_back("qpdf --json failed: " + json.err);
    return problems;
  }
  const auto document = nlohmann::json::parse(json.out, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    problems.push_back("qpdf --json gave text that is not JSON");
    return problems;
  }
  const auto& objects = document["qpdf"];
  if (objects.is_array() && objects.size() > 1) {
    for (const auto& [name, object] : objects[1].items()) walk(object, name, problems);
  }
  return problems;
}

std::vector<PdfImage> pdf_images(const std::string& path) {
  const CommandResult json = run_program({"/usr/bin/qpdf", "--json=2", "--json-key=qpdf", path});
  if (json.exit_code != 0) return {};
  const auto document = nlohmann::json::parse(json.out, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document["qpdf"].is_array() || document["qpdf"].size() < 2)
    return {};
  std::vector<PdfImage> images;
  std::set<std::string> masks;
  for (const auto& [name, object] : document["qpdf"][1].items()) {
    if (!object.contains("stream")) continue;
    const auto& dict = object["stream"]["dict"];
    if (dict.value("/Subtype", "") != "/Image") continue;
    PdfImage image{name, dict.value("/Width", 0), dict.value("/Height", 0),
                   dict.contains("/SMask")};
    if (image.soft_mask) masks.insert("obj:" + dict["/SMask"].get<std::string>());
    images.push_back(image);
  }
  std::erase_if(images, [&](const PdfImage& i) { return masks.count(i.object) > 0; });
  return images;
}

}  // namespace briefing::testing
