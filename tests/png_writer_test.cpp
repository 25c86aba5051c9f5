// paint/png_writer: our PNG encoder decodes to exactly the pixels Cairo's own
// writer gave (opaque and translucent images), and its bytes are reproducible.
#include "paint/png_writer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "base/c_handles.h"

namespace briefing {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Reader {
  const std::string* bytes;
  size_t at = 0;
};

cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<Reader*>(closure);
  if (reader->at + length > reader->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, reader->bytes->data() + reader->at, length);
  reader->at += length;
  return CAIRO_STATUS_SUCCESS;
}

/// A 97×61 picture with text-like antialiased edges, gradients and, unless
/// opaque, translucent and fully transparent areas.
SurfacePtr picture(bool opaque) {
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 97, 61));
  CairoPtr cr(cairo_create(surface.get()));
  if (opaque) {
    cairo_set_source_rgb(cr.get(), 0.98, 0.97, 0.95);
    cairo_paint(cr.get());
  }
  cairo_set_source_rgba(cr.get(), 0.1, 0.3, 0.8, opaque ? 1.0 : 0.37);
  cairo_arc(cr.get(), 40.3, 30.7, 21.1, 0, 6.283);
  cairo_fill(cr.get());
  cairo_set_source_rgba(cr.get(), 0.9, 0.2, 0.1, opaque ? 1.0 : 0.81);
  cairo_set_line_width(cr.get(), 1.3);
  cairo_move_to(cr.get(), 3.2, 55.5);
  cairo_line_to(cr.get(), 93.7, 4.1);
  cairo_stroke(cr.get());
  cairo_surface_flush(surface.get());
  return surface;
}

/// Decoded pixels, as Cairo reads a PNG back (premultiplied ARGB32), row by row.
std::string decoded_pixels(const std::string& png, int& width, int& height) {
  Reader reader{&png};
  SurfacePtr image(cairo_image_surface_create_from_png_stream(read_bytes, &reader));
  EXPECT_EQ(cairo_surface_status(image.get()), CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width(image.get());
  height = cairo_image_surface_get_height(image.get());
  const int stride = cairo_image_surface_get_stride(image.get());
  const unsigned char* data = cairo_image_surface_get_data(image.get());
  std::string pixels;
  for (int y = 0; y < height; ++y) {
    pixels.append(reinterpret_cast<const char*>(data + static_cast<size_t>(y) * stride),
                  static_cast<size_t>(width) * 4);
  }
  return pixels;
}

std::string cairo_png(cairo_surface_t* surface) {
  std::string bytes;
  EXPECT_EQ(cairo_surface_write_to_png_stream(surface, append, &bytes), CAIRO_STATUS_SUCCESS);
  return bytes;
}

int color_type(const std::string& png) { return static_cast<unsigned char>(png.at(25)); }

TEST(PngWriter, OpaqueImageDecodesToCairosPixelsAsRgb) {
  const SurfacePtr surface = picture(true);
  const std::string ours = encode_png(surface.get());
  const std::string theirs = cairo_png(surface.get());
  ASSERT_EQ(ours.substr(1, 3), "PNG");
  EXPECT_EQ(color_type(ours), 2);  // RGB: no alpha channel for an opaque image
  int w1 = 0, h1 = 0, w2 = 0, h2 = 0;
  const std::string ours_decoded = decoded_pixels(ours, w1, h1);
  const std::string theirs_decoded = decoded_pixels(theirs, w2, h2);
  EXPECT_EQ(w1, 97);
  EXPECT_EQ(h1, 61);
  EXPECT_EQ(w1, w2);
  EXPECT_EQ(h1, h2);
  EXPECT_TRUE(ours_decoded == theirs_decoded);
}

TEST(PngWriter, TranslucentImageDecodesToCairosPixelsAsRgba) {
  const SurfacePtr surface = picture(false);
  const std::string ours = encode_png(surface.get());
  EXPECT_EQ(color_type(ours), 6);  // RGBA
  int w1 = 0, h1 = 0, w2 = 0, h2 = 0;
  const std::string ours_decoded = decoded_pixels(ours, w1, h1);
  const std::string theirs_decoded = decoded_pixels(cairo_png(surface.get()), w2, h2);
  ASSERT_EQ(ours_decoded.size(), theirs_decoded.size());
  size_t differing = 0;
  for (size_t i = 0; i < ours_decoded.size(); ++i)
    differing += ours_decoded[i] != theirs_decoded[i];
  EXPECT_EQ(differing, 0u);
  // The picture does have translucent pixels (or the test proves nothing).
  bool translucent = false;
  for (size_t i = 3; i < ours_decoded.size(); i += 4) {
    const auto a = static_cast<unsigned char>(ours_decoded[i]);  // little-endian ARGB: alpha last
    translucent = translucent || (a != 0 && a != 255);
  }
  EXPECT_TRUE(translucent);
}

TEST(PngWriter, SameImageSameBytesAndNoTimeChunk) {
  const SurfacePtr surface = picture(true);
  const std::string first = encode_png(surface.get());
  EXPECT_EQ(first, encode_png(picture(true).get()));
  EXPECT_EQ(first.find("tIME"), std::string::npos);
  EXPECT_EQ(first.find("tEXt"), std::string::npos);
  // A different image gives different bytes.
  EXPECT_NE(first, encode_png(picture(false).get()));
}

TEST(PngWriter, RefusesWhatIsNotAnArgbImage) {
  SurfacePtr a8(cairo_image_surface_create(CAIRO_FORMAT_A8, 4, 4));
  EXPECT_THROW(encode_png(a8.get()), std::runtime_error);
}

}  // namespace
}  // namespace briefing
