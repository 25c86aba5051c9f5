// RAII for GObject and GLib handles.
#pragma once

#include <glib-object.h>

#include <memory>

namespace briefing {

struct GObjectUnref {
  void operator()(gpointer object) const {
    if (object) g_object_unref(object);
  }
};

/// Owns one reference to a GObject (PangoLayout, PangoContext, ...).
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

}  // namespace briefing
