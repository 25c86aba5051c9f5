#include "paint/pdf_roles.h"

#include <map>

namespace briefing {
namespace {

// Kinds whose role the kind alone tells. Anything else (timeline parts, the
// figure's own parts) has no element of its own.
const std::map<std::string, std::string>& roles_by_kind() {
  static const std::map<std::string, std::string> roles = {
      {"line", "P"},
      {"meta", "P"},
      {"intro", "P"},
      {"caption", "P"},
      {"cover-organisation", "P"},
      {"cover-kicker", "P"},
      {"cover-title", "P"},
      {"cover-subtitle", "P"},
      {"cover-publisher", "P"},
      {"cover-author", "P"},
      {"cover-date", "P"},
      {"cover-data-as-of", "P"},
      {"cover-facts", "P"},
      {"heading", "H1"},
      {"table-header", "TH"},
      {"table-cell", "TD"},
      {"toc-entry", "TOC/TOCI"},
      {"footnote", "Note"},
      {"footnote-marker", "Reference"},
      {"figure", "Figure"},
      {"header", "Artifact"},
      {"footer", "Artifact"},
      {"marking", "Artifact"},
  };
  return roles;
}

StructureRole from_path(const std::string& path) {
  StructureRole role;
  size_t start = 0;
  while (true) {
    const size_t slash = path.find('/', start);
    if (slash == std::string::npos) {
      role.element = path.substr(start);
      break;
    }
    role.containers.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return role;
}

}  // namespace

int StructureRole::heading_level() const {
  if (element.size() == 2 && element[0] == 'H' && element[1] >= '1' && element[1] <= '6')
    return element[1] - '0';
  return 0;
}

StructureRole structure_role(const Tag& tag, bool is_link) {
  StructureRole role;
  if (!tag.structure.empty()) {
    role = from_path(tag.structure);
  } else if (const auto found = roles_by_kind().find(tag.kind); found != roles_by_kind().end()) {
    role = from_path(found->second);
  }
  if (role.element == "Artifact") {
    if (tag.kind == "header") role.artifact_subtype = "Header";
    if (tag.kind == "footer") role.artifact_subtype = "Footer";
  }
  if (is_link && role.element.empty()) role.element = "Link";
  return role;
}

bool is_grouping_element(const std::string& type) {
  static const char* const kGrouping[] = {"Document", "Part",  "Sect", "Div", "Table", "THead",
                                          "TBody",    "TFoot", "TR",   "TOC", "L"};
  for (const char* grouping : kGrouping) {
    if (type == grouping) return true;
  }
  return false;
}

}  // namespace briefing
