// Font subsets for embedding: the faces a document's text uses, each cut
// down by HarfBuzz's hb-subset to the code points and glyphs shown (layout
// tables kept, so that a reader shaping the text again gets the same glyphs).
#pragma once

#include <hb.h>

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace briefing {

/// A font face as CSS names it, and which file it comes from.
struct FaceName {
  std::string family;  // "Noto Sans"
  int weight = 400;    // CSS / OpenType weight, 100..900
  bool italic = false;
  std::string file;  // the font file's path
  int index = 0;     // the face's index in the file
  auto key() const { return std::tie(family, weight, italic, file, index); }
  bool operator<(const FaceName& other) const { return key() < other.key(); }
};

/// A subset ready to embed: its CSS name and the font file's bytes (TrueType).
struct SubsetFont {
  FaceName name;
  std::string bytes;
};

struct HbFaceDestroy {
  void operator()(hb_face_t* face) const { hb_face_destroy(face); }
};
using HbFacePtr = std::unique_ptr<hb_face_t, HbFaceDestroy>;

/// Collects what each face shows, then subsets every face once.
class FontSubsetCollector {
 public:
  /// Records that `face` (referenced here, not taken) shows the code points
  /// of `text` (UTF-8) with `glyphs` (glyph ids of that face).
  void add(const FaceName& name, hb_face_t* face, std::string_view text,
           const std::vector<uint32_t>& glyphs);
  bool empty() const { return faces_.empty(); }
  /// One subset per face, ordered by family, weight, style and file.
  /// Throws std::runtime_error when HarfBuzz cannot subset a face.
  std::vector<SubsetFont> subsets() const;

 private:
  struct Used {
    HbFacePtr face;
    std::set<uint32_t> code_points, glyphs;
  };
  std::map<FaceName, Used> faces_;
};

}  // namespace briefing
