// RAII for Cairo handles, and a status check that throws.
#pragma once

#include <cairo.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace briefing {

struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};

using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDestroy>;

inline void check_cairo(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string(what) + ": " + cairo_status_to_string(status));
  }
}

/// cairo_save on construction, cairo_restore on destruction.
class CairoSaveGuard {
 public:
  explicit CairoSaveGuard(cairo_t* cr) : cr_(cr) { cairo_save(cr_); }
  ~CairoSaveGuard() { cairo_restore(cr_); }
  CairoSaveGuard(const CairoSaveGuard&) = delete;
  CairoSaveGuard& operator=(const CairoSaveGuard&) = delete;

 private:
  cairo_t* cr_;
};

}  // namespace briefing
