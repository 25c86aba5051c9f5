// Reading an SVG back for the SVG tests: parsed by libxml2 (any
// well-formedness error fails), queried with XPath (prefix "s" is SVG).
#pragma once

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include <string>
#include <vector>

#include "layout/display_list.h"

namespace briefing::testing {

class ParsedSvg {
 public:
  /// Parses `bytes`; errors() lists what the parser reported.
  explicit ParsedSvg(const std::string& bytes);
  ParsedSvg(const ParsedSvg&) = delete;
  ParsedSvg& operator=(const ParsedSvg&) = delete;
  ~ParsedSvg();

  bool ok() const { return document_ != nullptr && errors_.empty(); }
  const std::string& errors() const { return errors_; }
  /// The string value of every node `xpath` selects, in document order.
  std::vector<std::string> values(const std::string& xpath) const;
  size_t count(const std::string& xpath) const { return values(xpath).size(); }

 private:
  xmlDocPtr document_ = nullptr;
  std::string errors_;
};

/// The fact sheet's timeline on the 16:9 slide, as the default build makes it.
Document fact_sheet_timeline(const std::string& preset_name = "slide-16x9");

/// A dataset file's timeline (a failed load or layout fails the test).
Document timeline_of(const std::string& data_path, const std::string& preset_name = "slide-16x9");

/// Renders `svg_path` with headless Chromium (Debian's `chromium`) into
/// `png_path`: a viewport of `width` × `height` CSS pixels at `device_scale`
/// device pixels each. Empty on success, else what went wrong.
std::string chromium_screenshot(const std::string& svg_path, const std::string& png_path, int width,
                                int height, double device_scale);

struct ImageDifference {
  std::string problem;   // empty when both images could be read and have one size
  double differing = 0;  // fraction of pixels whose colours differ by more than the threshold
  int largest = 0;       // the largest channel difference, 0..255
};

/// Compares two PNGs (composited on white) cell by cell: squares of `cell`
/// pixels, which differ when the mean of a channel differs by more than
/// `threshold` (0..255). Cells even out how two rasterisers anti-alias the
/// same outline at a different sub-pixel phase; a shape out of place shows.
ImageDifference compare_pngs(const std::string& a, const std::string& b, int cell, int threshold);

}  // namespace briefing::testing
