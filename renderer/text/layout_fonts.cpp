#include "text/layout_fonts.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <set>

#include "base/suggest.h"
#include "text/font_setup.h"

namespace briefing {

std::vector<std::string> configured_families() {
  std::set<std::string> families = {"sans-serif", "serif"};
  for_each_configured_font([&](FcPattern* font) {
    FcChar8* family = nullptr;
    // A face can give its family in several languages; the first is the
    // name it is known by.
    if (FcPatternGetString(font, FC_FAMILY, 0, &family) == FcResultMatch) {
      families.insert(reinterpret_cast<const char*>(family));
    }
  });
  return {families.begin(), families.end()};
}

bool use_layout_fonts(const std::vector<const FontRequest*>& requests, Diagnostics& diagnostics) {
  bool changed = false, ok = true;
  for (const FontRequest* request : requests) {
    if (!request) continue;
    for (const auto& [path, at] : request->paths) {
      if (add_font_path(path)) {
        changed = true;
      } else {
        diagnostics.error(request->source, at, "no font that Fontconfig can read in " + path,
                          "name folders or files of TrueType or OpenType fonts");
        ok = false;
      }
    }
    if (request->system) {
      add_system_fonts();
      changed = true;
    }
  }
  if (changed) font_sources_changed();
  const std::vector<std::string> families = configured_families();
  for (const FontRequest* request : requests) {
    if (!request) continue;
    for (const auto& [family_name, at] : request->families) {
      const std::string& family = family_name;  // a lambda may not capture a binding in clang 14
      const bool known = std::any_of(families.begin(), families.end(), [&](const std::string& f) {
        return FcStrCmpIgnoreCase(reinterpret_cast<const FcChar8*>(f.c_str()),
                                  reinterpret_cast<const FcChar8*>(family.c_str())) == 0;
      });
      if (known) continue;
      std::string list;
      for (const std::string& f : families) list += (list.empty() ? "" : ", ") + f;
      const std::string close = closest_match(family, families);
      diagnostics.error(
          request->source, at, "font family \"" + family + "\" is not among the configured fonts",
          (close.empty() ? "" : "did you mean \"" + close + "\"? ") + "available: " + list +
              "; a layout adds its own with [fonts] dirs = [\"FOLDER\"], or the "
              "machine's with system = true");
      ok = false;
    }
  }
  return ok;
}

}  // namespace briefing
