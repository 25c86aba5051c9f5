#include "paint/font_subset.h"

#include <glib.h>
#include <hb-subset.h>

#include <stdexcept>

namespace briefing {
namespace {

struct SubsetInputDestroy {
  void operator()(hb_subset_input_t* input) const { hb_subset_input_destroy(input); }
};
struct BlobDestroy {
  void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};

}  // namespace

void FontSubsetCollector::add(const FaceName& name, hb_face_t* face, std::string_view text,
                              const std::vector<uint32_t>& glyphs) {
  Used& used = faces_[name];
  if (!used.face) used.face.reset(hb_face_reference(face));
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const gunichar c = g_utf8_get_char_validated(p, end - p);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) {
      ++p;
      continue;
    }
    used.code_points.insert(c);
    p = g_utf8_next_char(p);
  }
  used.glyphs.insert(glyphs.begin(), glyphs.end());
}

std::vector<SubsetFont> FontSubsetCollector::subsets() const {
  std::vector<SubsetFont> out;
  for (const auto& [name, used] : faces_) {
    std::unique_ptr<hb_subset_input_t, SubsetInputDestroy> input(hb_subset_input_create_or_fail());
    if (!input) throw std::runtime_error("cannot allocate a font subset");
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (uint32_t c : used.code_points) hb_set_add(unicodes, c);
    hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
    for (uint32_t g : used.glyphs) hb_set_add(glyphs, g);
    // Hinting instructions are dropped: readers scale the outlines (the SVG
    // asks for geometric precision), and they are a large part of a face.
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
    HbFacePtr subset(hb_subset_or_fail(used.face.get(), input.get()));
    if (!subset) throw std::runtime_error("cannot subset the font " + name.file);
    std::unique_ptr<hb_blob_t, BlobDestroy> blob(hb_face_reference_blob(subset.get()));
    unsigned int length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    if (!data || length == 0) throw std::runtime_error("cannot subset the font " + name.file);
    out.push_back({name, std::string(data, length)});
  }
  return out;
}

}  // namespace briefing
