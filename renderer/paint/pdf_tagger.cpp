#include "paint/pdf_tagger.h"

#include "paint/text_language.h"

namespace briefing {

StructureTagger::StructureTagger(cairo_t* cr, std::string document_language)
    : cr_(cr), language_(std::move(document_language)) {}

void StructureTagger::open(const std::string& type, int section_level) {
  cairo_tag_begin(cr_, type.c_str(), "");
  notes_.push_back({type});
  open_.push_back({type, section_level});
}

void StructureTagger::close_top() {
  cairo_tag_end(cr_, open_.back().type.c_str());
  open_.pop_back();
}

void StructureTagger::begin_document() {
  if (open_.empty()) open("Document");
}

void StructureTagger::end_document() {
  while (!content_.empty()) end_content();
  while (!open_.empty()) close_top();
}

// Sections nest by heading level; containers (a table, the contents) stay
// open while items at the top level keep naming them.
void StructureTagger::place_at_top_level(const StructureRole& role) {
  auto is_section = [](const Open& o) { return o.section_level > 0; };
  if (const int level = role.heading_level(); level > 0) {
    while (open_.size() > 1 && (!is_section(open_.back()) || open_.back().section_level >= level))
      close_top();
    open("Sect", level);
    return;
  }
  size_t first = 1;  // past the Document and the sections
  while (first < open_.size() && is_section(open_[first])) ++first;
  size_t same = 0;
  while (first + same < open_.size() && same < role.containers.size() &&
         open_[first + same].type == role.containers[same])
    ++same;
  while (open_.size() > first + same) close_top();
  for (size_t c = same; c < role.containers.size(); ++c) open(role.containers[c]);
}

void StructureTagger::begin_content(const std::string& type, const char* attributes,
                                    StructureNote note) {
  if (!content_.empty()) {
    // Ended here, so that cairo marks its content (see StructureNote).
    cairo_tag_end(cr_, content_.back().type.c_str());
    note.parent = content_.back().note;
  }
  note.type = type;
  cairo_tag_begin(cr_, type.c_str(), attributes);
  content_.push_back({type, static_cast<int>(notes_.size())});
  notes_.push_back(std::move(note));
}

void StructureTagger::end_content() {
  cairo_tag_end(cr_, content_.back().type.c_str());
  content_.pop_back();
  if (content_.empty()) return;
  // The parent goes on as a new element that the post-processing joins to it.
  Content& parent = content_.back();
  cairo_tag_begin(cr_, parent.type.c_str(), "");
  StructureNote rest{parent.type};
  rest.continues = parent.note;
  parent.note = static_cast<int>(notes_.size());
  notes_.push_back(std::move(rest));
}

bool StructureTagger::begin(const StructureRole& role, bool top_level, const std::string& alt,
                            const std::string& text) {
  if (role.element.empty()) return false;
  const bool artifact = role.element == "Artifact";
  if (artifact_depth_ > 0) {
    if (artifact) ++artifact_depth_;
    return artifact;
  }
  if (top_level && !artifact) place_at_top_level(role);
  StructureNote note;
  note.alt = alt;
  note.language = other_language_of(text, language_);
  note.artifact_subtype = role.artifact_subtype;
  const std::string type = artifact ? kArtifactType : role.element;
  if (is_grouping_element(type)) {
    // A table row: grouping, so its cells nest inside it as cairo has them.
    cairo_tag_begin(cr_, type.c_str(), "");
    note.type = type;
    notes_.push_back(std::move(note));
    open_.push_back({type, 0});
  } else {
    begin_content(type, "", std::move(note));
  }
  if (artifact) ++artifact_depth_;
  return true;
}

void StructureTagger::end(const StructureRole& role) {
  const bool artifact = role.element == "Artifact";
  if (artifact) --artifact_depth_;
  if (artifact_depth_ > 0) return;
  if (!artifact && is_grouping_element(role.element)) {
    close_top();
  } else {
    end_content();
  }
}

void StructureTagger::link(const std::string& attributes) {
  begin_content(CAIRO_TAG_LINK, attributes.c_str(), {});
  end_content();
}

}  // namespace briefing
