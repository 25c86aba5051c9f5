// Reference-image comparison for tests: a per-pixel tolerance, an update
// switch (BRIEFING_UPDATE_REFERENCES=1) and a diff image written on failure.
#pragma once

#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace briefing::testing {

struct ImageComparison {
  bool ok = false;
  std::string message;  // why it failed, or what was updated
};

namespace detail {

struct SurfaceCloser {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceCloser>;

inline Surface load_png(const std::string& path) {
  Surface s(cairo_image_surface_create_from_png(path.c_str()));
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
  // Work on a known format.
  Surface argb(cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                          cairo_image_surface_get_width(s.get()),
                                          cairo_image_surface_get_height(s.get())));
  cairo_t* cr = cairo_create(argb.get());
  cairo_set_source_surface(cr, s.get(), 0, 0);
  cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_flush(argb.get());
  return argb;
}

}  // namespace detail

/// Compares `actual_png` with `reference_png`. A pixel differs when a channel
/// differs by more than `channel_tolerance` (0..255); the images match when
/// at most `max_differing_share` of the pixels differ. With
/// BRIEFING_UPDATE_REFERENCES=1 the reference is replaced instead. On failure
/// a diff image (differing pixels red over a faded copy) goes to `diff_png`.
inline ImageComparison compare_with_reference(const std::string& actual_png,
                                              const std::string& reference_png,
                                              const std::string& diff_png,
                                              int channel_tolerance = 2,
                                              double max_differing_share = 0.0005) {
  namespace fs = std::filesystem;
  if (const char* update = std::getenv("BRIEFING_UPDATE_REFERENCES");
      update && std::string(update) == "1") {
    fs::create_directories(fs::path(reference_png).parent_path());
    fs::copy_file(actual_png, reference_png, fs::copy_options::overwrite_existing);
    return {true, "updated " + reference_png};
  }
  auto actual = detail::load_png(actual_png);
  if (!actual) return {false, "cannot read " + actual_png};
  auto reference = detail::load_png(reference_png);
  if (!reference) {
    return {false, "no reference image " + reference_png +
                       " (run with BRIEFING_UPDATE_REFERENCES=1 to create it)"};
  }
  const int w = cairo_image_surface_get_width(actual.get()),
            h = cairo_image_surface_get_height(actual.get());
  if (w != cairo_image_surface_get_width(reference.get()) ||
      h != cairo_image_surface_get_height(reference.get())) {
    return {false, "size " + std::to_string(w) + "x" + std::to_string(h) +
                       " differs from the reference's " +
                       std::to_string(cairo_image_surface_get_width(reference.get())) + "x" +
                       std::to_string(cairo_image_surface_get_height(reference.get()))};
  }
  detail::Surface diff(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  const int stride_a = cairo_image_surface_get_stride(actual.get());
  const int stride_r = cairo_image_surface_get_stride(reference.get());
  const int stride_d = cairo_image_surface_get_stride(diff.get());
  const unsigned char* a = cairo_image_surface_get_data(actual.get());
  const unsigned char* r = cairo_image_surface_get_data(reference.get());
  unsigned char* d = cairo_image_surface_get_data(diff.get());
  long differing = 0;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const auto* pa = reinterpret_cast<const uint32_t*>(a + y * stride_a) + x;
      const auto* pr = reinterpret_cast<const uint32_t*>(r + y * stride_r) + x;
      int worst = 0;
      for (int shift = 0; shift < 32; shift += 8) {
        const int ca = static_cast<int>((*pa >> shift) & 0xff),
                  cr = static_cast<int>((*pr >> shift) & 0xff);
        worst = std::max(worst, std::abs(ca - cr));
      }
      auto* pd = reinterpret_cast<uint32_t*>(d + y * stride_d) + x;
      if (worst > channel_tolerance) {
        ++differing;
        *pd = 0xffff0000u;
      } else {
        const uint32_t grey = 0xc0 + ((*pr & 0xff) >> 2);
        *pd = 0xff000000u | (grey << 16) | (grey << 8) | grey;
      }
    }
  }
  cairo_surface_mark_dirty(diff.get());
  const double share = static_cast<double>(differing) / (static_cast<double>(w) * h);
  if (share <= max_differing_share) return {true, ""};
  fs::create_directories(fs::path(diff_png).parent_path());
  cairo_surface_write_to_png(diff.get(), diff_png.c_str());
  return {false, std::to_string(differing) + " pixels (" + std::to_string(share * 100) +
                     "%) differ from " + reference_png + "; diff image: " + diff_png};
}

}  // namespace briefing::testing
