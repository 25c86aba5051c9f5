// One font configuration per process: Fontconfig sees only the bundled fonts/
// and, when Debian's fonts-noto-cjk is installed, its four Noto Sans/Serif
// CJK faces.
#pragma once

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace briefing {

/// The folder of bundled fonts: $BRIEFING_FONTS_DIR if set, else
/// data_directory()/fonts (base/data_paths.h).
std::string fonts_directory();

/// Where Debian's fonts-noto-cjk puts its faces: $BRIEFING_CJK_FONTS_DIR if
/// set (empty: none), else /usr/share/fonts/opentype/noto. Of that folder only
/// kCjkFontFiles are used.
std::string cjk_fonts_directory();
inline constexpr const char* kCjkFontFiles[] = {"NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc",
                                                "NotoSerifCJK-Regular.ttc",
                                                "NotoSerifCJK-Bold.ttc"};

/// Font families the bundled fonts provide; layouts name these.
inline constexpr const char* kSansFamily = "Noto Sans";
inline constexpr const char* kSerifFamily = "Noto Serif";
inline constexpr const char* kJapaneseFamily = "IPAexGothic";
/// From fonts-noto-cjk: Chinese, Japanese and Korean, regular and bold.
inline constexpr const char* kCjkSansFamily = "Noto Sans CJK JP";
inline constexpr const char* kCjkSerifFamily = "Noto Serif CJK JP";

/// Builds, on first use, a fresh FcConfig holding only fonts_directory() and a
/// Pango font map over it; both live until the process ends. Throws
/// std::runtime_error when the folder has no usable font.
PangoFontMap* font_map();

/// A new Pango context on font_map(): 72 dpi (1 Pango unit = 1/PANGO_SCALE pt),
/// metric hinting off, unrounded glyph positions, so that PDF, SVG and PNG
/// lay out identically.
PangoContext* new_text_context();

/// The CJK faces (kCjkFontFiles) join the configuration Pango uses only
/// when a text may need them: every Pango fontset is sorted over every
/// configured face, and their 30 faces made that most of the cost for
/// text that never uses them. Calls that ask what is configured
/// (for_each_configured_font(), configured_font_files()) see them all along.
/// Makes them join now (no-op once they have).
void ensure_cjk_fonts();
/// True once they have joined (or when there are none).
bool cjk_fonts_joined();
/// Before `text` (UTF-8) is laid out: makes the CJK faces join when it may
/// need them: in English text, a code point from U+2E80 on, one from U+0250
/// to U+1FFF (other scripts) or one the other faces lack; in any other
/// language, any code point beyond ASCII.
void prepare_fonts_for_text(std::string_view text);
/// Before text in `bcp47` is laid out (the language of what follows):
/// Chinese, Japanese and Korean have their own font rules
/// (cjk_fallback_rules()), so these make the CJK faces join.
void prepare_fonts_for_language(std::string_view bcp47);

/// Adds a font folder or file a layout names; false when Fontconfig finds no
/// font there. Call font_sources_changed() once after adding.
bool add_font_path(const std::string& path);
/// Adds the folders of the machine's own Fontconfig set-up (a layout's
/// `system = true`), without its aliases and rules.
void add_system_fonts();
/// Tells Pango that fonts were added, so that what follows is laid out with them.
void font_sources_changed();
/// How many times font_sources_changed() was called: what is derived from the
/// configured faces (glyph coverage) is rebuilt when this moves.
int font_sources_generation();

/// Paths of every font file the configuration knows, sorted.
std::vector<std::string> configured_font_files();

/// Calls `visit` with every face the configuration knows.
void for_each_configured_font(const std::function<void(FcPattern*)>& visit);

}  // namespace briefing
