// libFuzzer target: any bytes as a dataset; what loads is laid out as a
// timeline with the bundled slide-16x9 preset (loaded once); every element
// must lie on the page.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "layout/layout_dump.h"
#include "layout/timeline/timeline_layout.h"
#include "load/dataset_loader.h"
#include "load/timeline_style_loader.h"

namespace {

const briefing::TimelineStyle& slide_style() {
  static const briefing::TimelineStyle style = [] {
    briefing::Diagnostics diagnostics;
    auto loaded =
        briefing::load_timeline_style(briefing::resolve_layout_path("slide-16x9"), diagnostics);
    if (!loaded) {
      std::fputs(briefing::format_diagnostics(diagnostics).c_str(), stderr);
      std::abort();
    }
    return *loaded;
  }();
  return style;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  slide_style();  // and the font map, before the first input is timed
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const briefing::DatasetLoad load = briefing::load_dataset_text(text, "fuzz.toml");
  if (!load.ok()) return 0;
  // The first byte picks the options, so that filters and themes get their share.
  briefing::TimelineOptions options;
  const unsigned pick = size > 0 ? data[0] : 0;
  options.highlights_only = pick & 1;
  options.allow_omissions = pick & 2;
  options.theme = (pick & 4) ? "dark" : (pick & 8) ? "print" : "light";
  const briefing::LayoutResult layout =
      briefing::layout_timeline(*load.dataset, slide_style(), options);
  const briefing::Page& timeline = layout.document.pages.at(0);
  const briefing::Rect page{0, 0, timeline.width, timeline.height};
  for (const briefing::PlacedElement& element : briefing::placed_elements(timeline.items)) {
    const briefing::Rect& box = element.box;
    const bool finite = std::isfinite(box.x) && std::isfinite(box.y) && std::isfinite(box.width) &&
                        std::isfinite(box.height);
    if (!finite || !page.contains(box)) {
      std::fprintf(stderr, "%s '%s' at %g,%g %gx%g is not on the %gx%g page\n",
                   element.kind.c_str(), element.text.c_str(), box.x, box.y, box.width, box.height,
                   page.width, page.height);
      __builtin_trap();
    }
  }
  return 0;
}
