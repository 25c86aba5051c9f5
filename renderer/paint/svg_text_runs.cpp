#include "paint/svg_text_runs.h"

#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangofc-font.h>

#include <algorithm>
#include <stdexcept>

#include "base/c_handles.h"

namespace briefing {
namespace {

constexpr double kPointsPerUnit = 1.0 / PANGO_SCALE;  // the text context is at 72 dpi

// Characters that steer layout but show nothing (and a zero-width space,
// a break opportunity where the SVG has no breaking): the run's direction (in
// the SVG, its direction and bidi override) already says what they did, and
// left in they would make a reader's bidi algorithm redo it differently.
bool formatting_only(gunichar c) {
  return c == 0x00AD || c == 0x061C || c == 0x200B || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

FaceName face_name(PangoFont* font, int& shown_weight) {
  if (!PANGO_IS_FC_FONT(font))
    throw std::runtime_error("cannot embed a font Fontconfig did not give");
  FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
  FaceName name;
  FcChar8* value = nullptr;
  if (FcPatternGetString(pattern, FC_FAMILY, 0, &value) == FcResultMatch)
    name.family = reinterpret_cast<const char*>(value);
  if (FcPatternGetString(pattern, FC_FILE, 0, &value) == FcResultMatch)
    name.file = reinterpret_cast<const char*>(value);
  FcPatternGetInteger(pattern, FC_INDEX, 0, &name.index);
  int weight = FC_WEIGHT_REGULAR;
  FcPatternGetInteger(pattern, FC_WEIGHT, 0, &weight);
  name.weight = FcWeightToOpenType(weight);
  int slant = FC_SLANT_ROMAN;
  FcPatternGetInteger(pattern, FC_SLANT, 0, &slant);
  name.italic = slant != FC_SLANT_ROMAN;
  FcBool embolden = FcFalse;
  FcPatternGetBool(pattern, FC_EMBOLDEN, 0, &embolden);
  // A reader emboldens too when asked for a weight no declared face has.
  shown_weight = embolden && name.weight < 600 ? 700 : name.weight;
  return name;
}

std::optional<Color> span_color(const PangoAnalysis& analysis) {
  for (GSList* a = analysis.extra_attrs; a; a = a->next) {
    const auto* attribute = static_cast<const PangoAttribute*>(a->data);
    if (attribute->klass->type != PANGO_ATTR_FOREGROUND) continue;
    const PangoColor& c = reinterpret_cast<const PangoAttrColor*>(attribute)->color;
    return Color{c.red / 65535.0, c.green / 65535.0, c.blue / 65535.0, 1};
  }
  return std::nullopt;
}

struct Cluster {
  int start = 0, end = 0;  // bytes of the item's text
  double left = 0, width = 0;
  bool draws = false;  // a glyph with ink or width
  uint32_t glyph = 0;  // its first glyph
};

// The run's clusters in logical order, with where Pango put them; `x` is
// the run's left edge and becomes its right edge.
std::vector<Cluster> clusters_of(const PangoGlyphItem* run, double& x, Cluster& hyphen) {
  const PangoGlyphString* glyphs = run->glyphs;
  const bool needs_hyphen = run->item->analysis.flags & PANGO_ANALYSIS_FLAG_NEED_HYPHEN;
  std::vector<Cluster> clusters;
  for (int i = 0; i < glyphs->num_glyphs; ++i) {
    const PangoGlyphInfo& g = glyphs->glyphs[i];
    const double width = g.geometry.width * kPointsPerUnit;
    // Pango appends the hyphen of a line broken inside a word to the run's
    // last cluster (visually last in left-to-right text): keep it apart.
    if (needs_hyphen && i == glyphs->num_glyphs - 1 && !(run->item->analysis.level % 2) &&
        clusters.size() > 0 && glyphs->log_clusters[i] == clusters.back().start) {
      hyphen = {0, 0, x, width, true, g.glyph};
      x += width;
      continue;
    }
    if (clusters.empty() || glyphs->log_clusters[i] != clusters.back().start) {
      clusters.push_back({glyphs->log_clusters[i], 0, x, 0, false, g.glyph});
    }
    Cluster& c = clusters.back();
    c.width += width;
    c.draws = c.draws || g.glyph != PANGO_GLYPH_EMPTY;
    x += width;
  }
  std::sort(clusters.begin(), clusters.end(),
            [](const Cluster& a, const Cluster& b) { return a.start < b.start; });
  for (size_t i = 0; i < clusters.size(); ++i) {
    clusters[i].end = i + 1 < clusters.size() ? clusters[i + 1].start : run->item->length;
  }
  return clusters;
}

// The hyphen Pango shows for a break: U+2010 when the face has that glyph.
gunichar hyphen_shown(hb_font_t* font, uint32_t glyph) {
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(font, 0x2010, &g) && g == glyph ? 0x2010 : '-';
}

void append(SvgGlyphRun& run, gunichar c, double x, double advance) {
  char bytes[8];
  run.text.append(bytes, static_cast<size_t>(g_unichar_to_utf8(c, bytes)));
  run.x.push_back(x);
  run.advance.push_back(advance);
}

SvgGlyphRun glyph_run(const char* text, PangoGlyphItem* item_run, double& x, double baseline) {
  const PangoItem* item = item_run->item;
  PangoFont* font = item->analysis.font;
  SvgGlyphRun run;
  run.face = face_name(font, run.shown_weight);
  hb_font_t* hb_font = pango_font_get_hb_font(font);
  run.hb_face = hb_font_get_face(hb_font);
  FontDescriptionPtr description(pango_font_describe_with_absolute_size(font));
  run.size = pango_font_description_get_size(description.get()) * kPointsPerUnit;
  run.text_offset = static_cast<size_t>(item->offset);
  run.right_to_left = item->analysis.level % 2;
  run.color = span_color(item->analysis);
  run.baseline = baseline - item_run->y_offset * kPointsPerUnit;
  for (int i = 0; i < item_run->glyphs->num_glyphs; ++i) {
    const PangoGlyph g = item_run->glyphs->glyphs[i].glyph;
    if (g != PANGO_GLYPH_EMPTY && !(g & PANGO_GLYPH_UNKNOWN_FLAG)) run.glyphs.push_back(g);
  }

  const double left = x;
  Cluster hyphen;
  const std::vector<Cluster> clusters = clusters_of(item_run, x, hyphen);
  if (item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS) {
    // The ellipsis stands for the text left out; show it, not that text.
    const int n = item_run->glyphs->num_glyphs;
    for (int i = 0; i < (n == 3 ? 3 : 1); ++i) append(run, n == 3 ? '.' : 0x2026, left, 0);
    return run;
  }
  for (const Cluster& c : clusters) {
    std::vector<gunichar> chars;
    for (const char* p = text + item->offset + c.start; p < text + item->offset + c.end;
         p = g_utf8_next_char(p)) {
      chars.push_back(g_utf8_get_char(p));
    }
    if (chars.size() == 1 && chars[0] == 0x00AD && c.draws && c.width > 0) {
      append(run, hyphen_shown(hb_font, c.glyph), c.left, c.width);  // a line ends here
      continue;
    }
    std::erase_if(chars, formatting_only);
    // Characters sharing a cluster (a ligature, a base and its marks) share
    // its width; readers place all but the first themselves.
    const double share = chars.empty() ? 0 : c.width / static_cast<double>(chars.size());
    for (size_t j = 0; j < chars.size(); ++j) {
      const double k =
          run.right_to_left ? static_cast<double>(chars.size() - 1 - j) : static_cast<double>(j);
      append(run, chars[j], c.left + k * share, share);
    }
  }
  if (hyphen.draws) append(run, hyphen_shown(hb_font, hyphen.glyph), hyphen.left, hyphen.width);
  return run;
}

}  // namespace

std::vector<SvgTextLine> svg_text_lines(const TextBlock& block) {
  PangoLayout* layout = block.layout();
  const char* text = pango_layout_get_text(layout);
  std::vector<SvgTextLine> lines;
  LayoutIterPtr iter(pango_layout_get_iter(layout));
  do {
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter.get());
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
    const double baseline = pango_layout_iter_get_baseline(iter.get()) * kPointsPerUnit;
    double x = logical.x * kPointsPerUnit;
    SvgTextLine out;
    for (GSList* r = line->runs; r; r = r->next) {
      SvgGlyphRun run = glyph_run(text, static_cast<PangoGlyphItem*>(r->data), x, baseline);
      if (!run.text.empty()) out.runs.push_back(std::move(run));
    }
    // Visual order to logical order, for selecting and copying.
    std::stable_sort(out.runs.begin(), out.runs.end(),
                     [](const auto& a, const auto& b) { return a.text_offset < b.text_offset; });
    lines.push_back(std::move(out));
  } while (pango_layout_iter_next_line(iter.get()));
  return lines;
}

}  // namespace briefing
