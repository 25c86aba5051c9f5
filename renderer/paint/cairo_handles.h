// Cairo's status check that throws, and a save/restore guard (the handles'
// owners are in base/c_handles.h).
#pragma once

#include <cairo.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "base/c_handles.h"

namespace briefing {

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
