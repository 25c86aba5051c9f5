// RAII for every C handle the program holds: GLib, GObject, Pango, Cairo,
// Fontconfig and file descriptors. One owner type per kind of handle, so that
// no code frees by hand (and none forgets to).
#pragma once

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib-object.h>
#include <pango/pango.h>
#include <unistd.h>

#include <memory>
#include <utility>

namespace briefing {

// GLib and GObject
struct GFreeDeleter {
  void operator()(void* memory) const { g_free(memory); }
};
/// Memory GLib allocated (g_hostname_to_ascii, g_file_get_path, x-ranges).
template <typename T>
using GMemoryPtr = std::unique_ptr<T, GFreeDeleter>;

struct GObjectUnref {
  void operator()(gpointer object) const {
    if (object) g_object_unref(object);
  }
};
/// One reference to a GObject (PangoLayout, PangoContext, GFile, GFileMonitor, ...).
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GChecksumFree {
  void operator()(GChecksum* checksum) const { g_checksum_free(checksum); }
};
using ChecksumPtr = std::unique_ptr<GChecksum, GChecksumFree>;

struct GMainLoopUnref {
  void operator()(GMainLoop* loop) const { g_main_loop_unref(loop); }
};
using MainLoopPtr = std::unique_ptr<GMainLoop, GMainLoopUnref>;

/// A GLib event source attached to the default context, removed on destruction.
class SourceId {
 public:
  SourceId() = default;
  explicit SourceId(guint id) : id_(id) {}
  ~SourceId() { reset(); }
  SourceId(SourceId&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
  SourceId& operator=(SourceId&& other) noexcept {
    if (this != &other) reset(std::exchange(other.id_, 0));
    return *this;
  }
  SourceId(const SourceId&) = delete;
  SourceId& operator=(const SourceId&) = delete;

  guint get() const { return id_; }
  explicit operator bool() const { return id_ != 0; }
  /// Removes the source held (if any) and takes `id`.
  void reset(guint id = 0) {
    if (id_ != 0) g_source_remove(id_);
    id_ = id;
  }
  /// Forgets the source without removing it (it removed itself).
  void release() { id_ = 0; }

 private:
  guint id_ = 0;
};

// Pango
struct PangoDeleter {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
  void operator()(PangoAttrList* list) const { pango_attr_list_unref(list); }
  void operator()(PangoLayoutIter* iter) const { pango_layout_iter_free(iter); }
};
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, PangoDeleter>;
using AttrListPtr = std::unique_ptr<PangoAttrList, PangoDeleter>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, PangoDeleter>;

// Cairo
struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
  void operator()(cairo_font_options_t* options) const { cairo_font_options_destroy(options); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, CairoDeleter>;

// Fontconfig
struct FontconfigDeleter {
  void operator()(FcCharSet* set) const { FcCharSetDestroy(set); }
  void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
using CharSetPtr = std::unique_ptr<FcCharSet, FontconfigDeleter>;
using PatternPtr = std::unique_ptr<FcPattern, FontconfigDeleter>;

/// An owned file descriptor: closed exactly once, when its owner goes away.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd() { reset(); }
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) reset(std::exchange(other.fd_, -1));
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;

  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  /// Closes the descriptor held (if any) and takes `fd`.
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }
  /// Gives up ownership without closing.
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_ = -1;
};

}  // namespace briefing
