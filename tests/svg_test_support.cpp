#include "svg_test_support.h"

#include <cairo.h>
#include <gtest/gtest.h>
#include <libxml/xpathInternals.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "load/dataset_loader.h"
#include "test_support.h"
#include "timeline_test_support.h"

namespace briefing::testing {
namespace {

void collect_error(void* context, xmlErrorPtr error) {
  auto* errors = static_cast<std::string*>(context);
  *errors += std::to_string(error->line) + ": " + (error->message ? error->message : "?");
}

}  // namespace

ParsedSvg::ParsedSvg(const std::string& bytes) {
  xmlParserCtxtPtr parser = xmlNewParserCtxt();
  xmlSetStructuredErrorFunc(&errors_, collect_error);
  document_ = xmlCtxtReadMemory(parser, bytes.data(), static_cast<int>(bytes.size()), "t.svg",
                                nullptr, XML_PARSE_NONET);
  if (!parser->wellFormed && errors_.empty()) errors_ = "not well-formed";
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  xmlFreeParserCtxt(parser);
}

ParsedSvg::~ParsedSvg() {
  if (document_) xmlFreeDoc(document_);
}

std::vector<std::string> ParsedSvg::values(const std::string& xpath) const {
  std::vector<std::string> out;
  if (!document_) return out;
  std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> context(
      xmlXPathNewContext(document_), xmlXPathFreeContext);
  xmlXPathRegisterNs(context.get(), BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");
  xmlXPathRegisterNs(context.get(), BAD_CAST "xlink", BAD_CAST "http://www.w3.org/1999/xlink");
  std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
      xmlXPathEvalExpression(BAD_CAST xpath.c_str(), context.get()), xmlXPathFreeObject);
  EXPECT_TRUE(result) << "bad XPath " << xpath;
  if (!result || !result->nodesetval) return out;
  for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
    xmlChar* value = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
    out.emplace_back(value ? reinterpret_cast<const char*>(value) : "");
    xmlFree(value);
  }
  return out;
}

Document fact_sheet_timeline(const std::string& preset_name) {
  return timeline_of(repo_path("data/ai-safety-japan-2024.toml"), preset_name);
}

Document timeline_of(const std::string& data_path, const std::string& preset_name) {
  auto load = load_dataset_file(data_path);
  EXPECT_TRUE(load.ok()) << load.report();
  if (!load.ok()) return {};
  TimelineOptions options;
  options.allow_omissions = true;
  LayoutResult result = layout_timeline(*load.dataset, preset(preset_name), options);
  EXPECT_FALSE(result.document.pages.empty()) << data_path;
  return std::move(result.document);
}

std::string chromium_screenshot(const std::string& svg_path, const std::string& png_path, int width,
                                int height, double device_scale) {
  const std::string chromium = "/usr/bin/chromium";
  if (!std::filesystem::exists(chromium)) return "no " + chromium + " (run.sh installs chromium)";
  // Its own profile, so that tests running at once do not share one.
  const std::string profile = make_temp_dir();
  char scale[32];
  std::snprintf(scale, sizeof scale, "%.4f", device_scale);
  const CommandResult run =
      run_program({chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                   "--user-data-dir=" + profile,
                   "--window-size=" + std::to_string(width) + "," + std::to_string(height),
                   std::string("--force-device-scale-factor=") + scale, "--screenshot=" + png_path,
                   "file://" + svg_path});
  if (run.exit_code != 0 || !std::filesystem::exists(png_path)) {
    return "chromium failed (" + std::to_string(run.exit_code) + "): " + run.err;
  }
  return {};
}

namespace {

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;

// The PNG drawn over white, as 32-bit RGB.
Surface on_white(const std::string& path) {
  Surface png(cairo_image_surface_create_from_png(path.c_str()));
  if (cairo_surface_status(png.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
  Surface out(cairo_image_surface_create(CAIRO_FORMAT_RGB24,
                                         cairo_image_surface_get_width(png.get()),
                                         cairo_image_surface_get_height(png.get())));
  cairo_t* cr = cairo_create(out.get());
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_surface(cr, png.get(), 0, 0);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_flush(out.get());
  return out;
}

}  // namespace

ImageDifference compare_pngs(const std::string& a, const std::string& b, int cell, int threshold) {
  ImageDifference result;
  const Surface first = on_white(a), second = on_white(b);
  if (!first || !second) {
    result.problem = "cannot read " + (first ? b : a);
    return result;
  }
  const int width = cairo_image_surface_get_width(first.get());
  const int height = cairo_image_surface_get_height(first.get());
  if (width != cairo_image_surface_get_width(second.get()) ||
      height != cairo_image_surface_get_height(second.get())) {
    result.problem = "sizes differ: " + std::to_string(width) + "x" + std::to_string(height) +
                     " and " + std::to_string(cairo_image_surface_get_width(second.get())) + "x" +
                     std::to_string(cairo_image_surface_get_height(second.get()));
    return result;
  }
  const int stride_a = cairo_image_surface_get_stride(first.get());
  const int stride_b = cairo_image_surface_get_stride(second.get());
  const unsigned char* data_a = cairo_image_surface_get_data(first.get());
  const unsigned char* data_b = cairo_image_surface_get_data(second.get());
  long differing = 0, cells = 0;
  for (int top = 0; top + cell <= height; top += cell) {
    for (int left = 0; left + cell <= width; left += cell, ++cells) {
      int worst = 0;
      for (int c = 0; c < 3; ++c) {
        long sum_a = 0, sum_b = 0;
        for (int y = top; y < top + cell; ++y) {
          for (int x = left; x < left + cell; ++x) {
            sum_a += data_a[y * stride_a + 4 * x + c];
            sum_b += data_b[y * stride_b + 4 * x + c];
          }
        }
        worst = std::max(worst, static_cast<int>(std::labs(sum_a - sum_b) / (cell * cell)));
      }
      result.largest = std::max(result.largest, worst);
      if (worst > threshold) ++differing;
    }
  }
  result.differing = static_cast<double>(differing) / static_cast<double>(std::max(1L, cells));
  return result;
}

}  // namespace briefing::testing
