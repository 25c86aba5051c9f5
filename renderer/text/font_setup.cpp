#include "text/font_setup.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "base/c_handles.h"
#include "base/data_paths.h"
#include "base/xml_text.h"

namespace briefing {
namespace {

std::string cache_directory() {
  // Fontconfig caches per font folder; a private cache keeps us off the
  // system's and makes start-up after the first run cheap.
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/briefing/fontconfig";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.cache/briefing/fontconfig";
  }
  return (std::filesystem::temp_directory_path() / "briefing-fontconfig").string();
}

// The system's CJK faces, when fonts-noto-cjk is installed: added as a
// folder (Fontconfig caches folders, not single files, and scanning these
// 20 MB collections costs ~0.1 s each), narrowed by cjk_selection_rules().
bool add_cjk_fonts(FcConfig* config) {
  const std::string dir = cjk_fonts_directory();
  std::error_code missing;
  if (dir.empty() || !std::filesystem::is_directory(dir, missing)) return false;
  return FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(dir.c_str())) == FcTrue;
}

// Fontconfig rules that admit, of the system's CJK folder, only the four
// faces we name: other packages (fonts-noto-cjk-extra) put more weights
// there, and what a render uses must not depend on them.
std::string cjk_selection_rules() {
  const std::string dir = cjk_fonts_directory();
  if (dir.empty()) return "";
  std::string accept;
  for (const char* file : kCjkFontFiles) {
    accept += "<glob>" + xml_escaped(dir + "/" + file) + "</glob>";
  }
  return "<selectfont><acceptfont>" + accept + "</acceptfont><rejectfont><glob>" +
         xml_escaped(dir) + "/*</glob></rejectfont></selectfont>";
}

// Text in Chinese, Japanese or Korean (Pango gives each run its language:
// the document's, or the script's own for Hangul, kana and Han) falls back
// to Noto Sans/Serif CJK right after the Latin face, before IPAexGothic,
// which has no bold; one face each, HarfBuzz picks the regional glyph forms
// from the language. Other text keeps its faces (an arrow Noto Sans lacks
// stays IPAexGothic's), so English output does not change.
std::string cjk_fallback_rules() {
  std::string rules;
  // "xx": Pango's language for Han characters in a document whose language
  // has no Han (Chinese titles in an English report).
  for (const char* language : {"ja", "ko", "zh", "xx"}) {
    const std::string test = std::string("<test name=\"lang\" compare=\"contains\"><string>") +
                             language + "</string></test>";
    auto after = [&](const char* family, const char* cjk) {
      return "<match target=\"pattern\">" + test + "<test name=\"family\" qual=\"any\"><string>" +
             family +
             "</string></test><edit name=\"family\" mode=\"append\" binding=\"strong\"><string>" +
             cjk + "</string></edit></match>";
    };
    rules += after(kSerifFamily, kCjkSerifFamily);
    rules += after(kSansFamily, kCjkSansFamily);
    // Any other family (a house font): CJK before what the sort would find.
    rules += "<match target=\"pattern\">" + test +
             "<edit name=\"family\" mode=\"append_last\" binding=\"strong\"><string>" +
             kCjkSansFamily + "</string></edit></match>";
  }
  return rules;
}

// The start of every configuration we build: our cache folder and the rules
// that admit only the CJK faces we name.
std::string config_head(const std::string& cache) {
  return "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig>"
         "<cachedir>" +
         xml_escaped(cache) + "</cachedir>" + cjk_selection_rules();
}

FcConfig* build_config() {
  const std::string fonts = fonts_directory();
  const std::string cache = cache_directory();
  std::error_code ignored;
  std::filesystem::create_directories(cache, ignored);
  // Generic names resolve to the bundled faces; Japanese falls back to
  // IPAexGothic, Hebrew and Arabic to Noto Sans Hebrew and Noto Sans Arabic
  // (after IPAexGothic, so that nothing it drew before changes face). Named
  // families ("Noto Sans" in a layout) reach the same faces through
  // Fontconfig's sort: the only faces that cover those scripts.
  const std::string fallbacks =
      "<family>IPAexGothic</family><family>Noto Sans Hebrew</family>"
      "<family>Noto Sans Arabic</family>";
  const std::string xml =
      config_head(cache) +
      "<alias binding=\"strong\"><family>sans-serif</family><prefer><family>Noto Sans</family>" +
      fallbacks +
      "</prefer></alias>"
      "<alias binding=\"strong\"><family>serif</family><prefer><family>Noto Serif</family>" +
      fallbacks + "</prefer></alias>" + cjk_fallback_rules() + "</fontconfig>";
  FcConfig* config = FcConfigCreate();
  if (!config ||
      !FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(xml.c_str()),
                                      FcTrue) ||
      !FcConfigBuildFonts(config) ||
      !FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(fonts.c_str()))) {
    throw std::runtime_error("cannot set up Fontconfig for " + fonts);
  }
  FcFontSet* set = FcConfigGetFonts(config, FcSetApplication);
  if (!set || set->nfont == 0) {
    throw std::runtime_error("no usable font in " + fonts +
                             " (set BRIEFING_DATA_DIR or BRIEFING_FONTS_DIR?)");
  }
  return config;
}

// The CJK faces on their own, for what lists or checks the configured faces
// before they join g_config (ensure_cjk_fonts()): the same files, so lists,
// input hashes and glyph coverage do not depend on when they join. Null when
// there are none.
FcConfig* build_cjk_config() {
  const std::string cache = cache_directory();
  const std::string xml = config_head(cache) + "</fontconfig>";
  FcConfig* config = FcConfigCreate();
  if (!config) return nullptr;
  if (!FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(xml.c_str()),
                                      FcTrue) ||
      !FcConfigBuildFonts(config) || !add_cjk_fonts(config)) {
    FcConfigDestroy(config);
    return nullptr;
  }
  FcFontSet* set = FcConfigGetFonts(config, FcSetApplication);
  if (!set || set->nfont == 0) {
    FcConfigDestroy(config);
    return nullptr;
  }
  return config;
}

FcConfig* g_config = nullptr;
PangoFontMap* g_font_map = nullptr;
std::once_flag g_once;
// The CJK faces until they join g_config; null once they have (or if none).
FcConfig* g_cjk_pending = nullptr;
std::atomic<bool> g_cjk_joined{false};
std::mutex g_cjk_mutex;  // around the join
// The language of the text laid out now is English (set_text_language()).
bool g_english_text = false;

bool is_english(std::string_view bcp47) {
  return bcp47.substr(0, 2) == "en" && (bcp47.size() == 2 || bcp47[2] == '-' || bcp47[2] == '_');
}

void set_up() {
  g_config = build_config();
  // Ours becomes the process's current configuration before anything can
  // ask for one: otherwise the font map's start-up (Pango's FcInit in a
  // thread) and Cairo load the machine's configuration and scan its fonts,
  // which we never use (about 24 M instructions a process).
  FcConfigSetCurrent(g_config);
  g_font_map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(g_font_map), g_config);
  g_cjk_pending = build_cjk_config();
  g_cjk_joined = g_cjk_pending == nullptr;
  // Until set_text_language(): the locale's, as a new Pango context's.
  const char* language = pango_language_to_string(pango_language_get_default());
  g_english_text = language && is_english(language);
}

// Code points below U+2E80 (where the CJK blocks start) that the faces of
// g_config cover before the CJK ones join, one bit each.
class LowCoverage {
 public:
  static constexpr char32_t kEnd = 0x2E80;
  LowCoverage() : bits_(kEnd, false) {
    FcFontSet* set = FcConfigGetFonts(g_config, FcSetApplication);
    for (int i = 0; set && i < set->nfont; ++i) {
      FcCharSet* charset = nullptr;
      if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &charset) != FcResultMatch) continue;
      FcChar32 page[FC_CHARSET_MAP_SIZE];
      FcChar32 next = 0;
      for (FcChar32 base = FcCharSetFirstPage(charset, page, &next);
           base != FC_CHARSET_DONE && base < kEnd; base = FcCharSetNextPage(charset, page, &next)) {
        for (FcChar32 k = 0; k < 256 && base + k < kEnd; ++k) {
          if (page[k / 32] & (1u << (k % 32))) bits_[base + k] = true;
        }
      }
    }
  }
  bool has(char32_t c) const { return c < kEnd && bits_[c]; }

 private:
  std::vector<bool> bits_;
};

// True when a text holding `c` might be set in a CJK face. Not: ASCII; nor,
// in English text, Latin letters, punctuation and symbols (below U+0250,
// U+2000 to U+2E7F) that the other faces cover: Pango sets those in the
// named family or, for a symbol it lacks, in the faces before the CJK ones
// (Fontconfig ranks IPAexGothic first for English: an arrow in the fact
// sheet is IPAexGothic's with or without them). Everything else may be:
// CJK blocks, Hangul Jamo, what the other faces lack, and other scripts,
// whose languages Fontconfig's sort may match better with a CJK face.
bool may_need_cjk(char32_t c) {
  if (c < 0x80) return false;
  if (!g_english_text || c >= LowCoverage::kEnd || (c >= 0x0250 && c < 0x2000)) return true;
  static const LowCoverage low;
  return !low.has(c);
}

// The next code point of UTF-8 `text` from `i` (advanced); U+FFFD for a bad
// byte, which sends the text to the full configuration too.
char32_t next_code_point(std::string_view text, size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  if (lead < 0x80) return lead;
  const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
  if (extra < 0 || i + static_cast<size_t>(extra) > text.size()) return 0xFFFD;
  char32_t c = lead & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
  return c;
}

bool is_cjk_language(std::string_view bcp47) {
  for (std::string_view prefix : {"ja", "ko", "zh"}) {
    if (bcp47.substr(0, 2) == prefix && (bcp47.size() == 2 || bcp47[2] == '-' || bcp47[2] == '_'))
      return true;
  }
  return false;
}

}  // namespace

std::string cjk_fonts_directory() {
  if (const char* dir = std::getenv("BRIEFING_CJK_FONTS_DIR"); dir) return dir;
  return "/usr/share/fonts/opentype/noto";
}

std::string fonts_directory() {
  if (const char* dir = std::getenv("BRIEFING_FONTS_DIR"); dir && *dir) return dir;
  return (std::filesystem::path(data_directory()) / "fonts").string();
}

PangoFontMap* font_map() {
  std::call_once(g_once, set_up);
  return g_font_map;
}

void ensure_cjk_fonts() {
  font_map();
  if (g_cjk_joined) return;
  const std::lock_guard<std::mutex> lock(g_cjk_mutex);
  if (g_cjk_joined) return;
  // After g_config's own faces, as when they were added up front: the same
  // set in the same order, so Fontconfig's sort gives what it gave then.
  add_cjk_fonts(g_config);
  // Pango's fontsets were sorted without them; the configured faces as
  // others see them (for_each_configured_font) have not changed, so
  // font_sources_generation() stays.
  pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(g_font_map));
  FcConfig* pending = g_cjk_pending;
  g_cjk_pending = nullptr;
  g_cjk_joined = true;
  FcConfigDestroy(pending);
}

bool cjk_fonts_joined() {
  font_map();
  return g_cjk_joined;
}

void prepare_fonts_for_text(std::string_view text) {
  if (cjk_fonts_joined()) return;
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    if (may_need_cjk(next_code_point(text, i))) {
      ensure_cjk_fonts();
      return;
    }
  }
}

void prepare_fonts_for_language(std::string_view bcp47) {
  font_map();
  g_english_text = is_english(bcp47);
  if (is_cjk_language(bcp47)) ensure_cjk_fonts();
}

PangoContext* new_text_context() {
  PangoContext* context = pango_font_map_create_context(font_map());
  // The context starts in the locale's language, which picks fonts too.
  PangoLanguage* language = pango_context_get_language(context);
  if (!language) language = pango_language_get_default();
  const char* name = language ? pango_language_to_string(language) : nullptr;
  if (name && is_cjk_language(name)) ensure_cjk_fonts();
  pango_cairo_context_set_resolution(context, 72.0);
  const FontOptionsPtr options(cairo_font_options_create());
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options.get());
  pango_context_set_round_glyph_positions(context, FALSE);
  return context;
}

// ---- fonts a layout adds (text/layout_fonts.h) -------------------------------

bool add_font_path(const std::string& path) {
  ensure_cjk_fonts();  // first, so that the faces keep the order they always had
  const auto* name = reinterpret_cast<const FcChar8*>(path.c_str());
  std::error_code error;
  const bool added = std::filesystem::is_directory(path, error)
                         ? FcConfigAppFontAddDir(g_config, name)
                         : FcConfigAppFontAddFile(g_config, name);
  return added == FcTrue;
}

void add_system_fonts() {
  ensure_cjk_fonts();  // first, as in add_font_path()
  // The folders the machine's own Fontconfig set-up lists (fonts.conf), read
  // without making it ours: its aliases and rules stay out.
  FcConfig* system = FcInitLoadConfig();
  if (!system) return;
  FcStrList* dirs = FcConfigGetFontDirs(system);
  if (dirs) {
    std::vector<std::string> folders;
    while (FcChar8* dir = FcStrListNext(dirs)) folders.emplace_back(reinterpret_cast<char*>(dir));
    FcStrListDone(dirs);
    for (const std::string& folder : folders) {
      FcConfigAppFontAddDir(g_config, reinterpret_cast<const FcChar8*>(folder.c_str()));
    }
  }
  FcConfigDestroy(system);
}

namespace {
int g_font_sources_generation = 0;
}  // namespace

void font_sources_changed() {
  font_map();
  pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(g_font_map));
  ++g_font_sources_generation;
}

int font_sources_generation() { return g_font_sources_generation; }

void for_each_configured_font(const std::function<void(FcPattern*)>& visit) {
  font_map();
  for (FcSetName which : {FcSetSystem, FcSetApplication}) {
    FcFontSet* set = FcConfigGetFonts(g_config, which);
    if (!set) continue;
    for (int i = 0; i < set->nfont; ++i) visit(set->fonts[i]);
  }
  // The CJK faces count as configured before they join: they are used as
  // soon as a text needs them.
  if (g_cjk_pending) {
    FcFontSet* set = FcConfigGetFonts(g_cjk_pending, FcSetApplication);
    for (int i = 0; set && i < set->nfont; ++i) visit(set->fonts[i]);
  }
}

std::vector<std::string> configured_font_files() {
  std::vector<std::string> files;
  for_each_configured_font([&](FcPattern* font) {
    FcChar8* file = nullptr;
    if (FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch) {
      files.emplace_back(reinterpret_cast<const char*>(file));
    }
  });
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace briefing
