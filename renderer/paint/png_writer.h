// PNG encoding of a Cairo image, through libpng with settings chosen for
// speed: cairo_surface_write_to_png's adaptive filtering at zlib's default
// level spent 990 M of the 1,866 M instructions of a 1920×1080 slide.
#pragma once

#include <cairo.h>

#include <string>

namespace briefing {

/// The PNG bytes of an ARGB32 image surface: 8-bit RGB when every pixel is
/// opaque, else 8-bit RGBA un-premultiplied as Cairo's own writer does it (so
/// both decode to the same pixels). Filter "none" on every row and zlib level
/// 3: on the default slide that is a quarter of the instructions of level 6
/// and a smaller file than Cairo's writer made. No time or text chunks, so
/// the same image gives the same bytes. Throws std::runtime_error.
std::string encode_png(cairo_surface_t* image);

}  // namespace briefing
