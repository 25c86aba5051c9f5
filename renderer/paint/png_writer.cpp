#include "paint/png_writer.h"

#include <png.h>

#include <csetjmp>
#include <cstdint>
#include <new>
#include <stdexcept>
#include <vector>

namespace briefing {
namespace {

constexpr int kZlibLevel = 3;

// The write and info structs, destroyed together.
class PngWriteStruct {
 public:
  PngWriteStruct()
      : png_(png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, on_error, on_warning)),
        info_(png_ ? png_create_info_struct(png_) : nullptr) {
    if (!png_ || !info_) throw std::runtime_error("cannot encode the PNG: out of memory");
  }
  ~PngWriteStruct() { png_destroy_write_struct(&png_, &info_); }
  PngWriteStruct(const PngWriteStruct&) = delete;
  PngWriteStruct& operator=(const PngWriteStruct&) = delete;
  png_structp png() const { return png_; }
  png_infop info() const { return info_; }

 private:
  static void on_error(png_structp png, png_const_charp) { png_longjmp(png, 1); }
  static void on_warning(png_structp, png_const_charp) {}
  png_structp png_;
  png_infop info_;
};

void append_bytes(png_structp png, png_bytep data, png_size_t length) {
  auto* out = static_cast<std::string*>(png_get_io_ptr(png));
  try {
    out->append(reinterpret_cast<const char*>(data), length);
  } catch (const std::bad_alloc&) {
    png_error(png, "out of memory");
  }
}

void flush_nothing(png_structp) {}

bool is_opaque(const unsigned char* data, int width, int height, int stride) {
  for (int y = 0; y < height; ++y) {
    const auto* pixels = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < width; ++x) {
      if ((pixels[x] >> 24) != 0xFF) return false;
    }
  }
  return true;
}

// One row of Cairo's native-endian premultiplied ARGB32 as PNG bytes: RGB
// when opaque (premultiplied equals straight), else RGBA with Cairo's own
// rounding (cairo-png.c, unpremultiply_data).
void convert_row(const uint32_t* pixels, int width, bool opaque, unsigned char* out) {
  for (int x = 0; x < width; ++x) {
    const uint32_t p = pixels[x];
    const uint32_t alpha = p >> 24;
    const uint32_t r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
    if (opaque) {
      *out++ = static_cast<unsigned char>(r);
      *out++ = static_cast<unsigned char>(g);
      *out++ = static_cast<unsigned char>(b);
    } else if (alpha == 0) {
      *out++ = 0;
      *out++ = 0;
      *out++ = 0;
      *out++ = 0;
    } else {
      *out++ = static_cast<unsigned char>((r * 255 + alpha / 2) / alpha);
      *out++ = static_cast<unsigned char>((g * 255 + alpha / 2) / alpha);
      *out++ = static_cast<unsigned char>((b * 255 + alpha / 2) / alpha);
      *out++ = static_cast<unsigned char>(alpha);
    }
  }
}

// libpng reports errors by longjmp: this function holds no C++ object that
// needs destroying, so jumping out of it is safe. False on a libpng error.
bool write_image(png_structp png, png_infop info, std::string* out, const unsigned char* data,
                 int width, int height, int stride, bool opaque, unsigned char* row) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_write_fn(png, out, append_bytes, flush_nothing);
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  // A white background, as Cairo's writer records it, for viewers of a transparent image.
  png_color_16 white{};
  white.red = white.green = white.blue = white.gray = 0xFF;
  png_set_bKGD(png, info, &white);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_level(png, kZlibLevel);
  png_write_info(png, info);
  for (int y = 0; y < height; ++y) {
    convert_row(reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride), width,
                opaque, row);
    png_write_row(png, row);
  }
  png_write_end(png, info);
  return true;
}

}  // namespace

std::string encode_png(cairo_surface_t* image) {
  if (cairo_surface_get_type(image) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format(image) != CAIRO_FORMAT_ARGB32) {
    throw std::runtime_error("cannot encode the PNG: not an ARGB32 image");
  }
  cairo_surface_flush(image);
  const int width = cairo_image_surface_get_width(image);
  const int height = cairo_image_surface_get_height(image);
  const int stride = cairo_image_surface_get_stride(image);
  const unsigned char* data = cairo_image_surface_get_data(image);
  if (!data || width <= 0 || height <= 0) throw std::runtime_error("cannot encode an empty PNG");
  const bool opaque = is_opaque(data, width, height, stride);
  std::vector<unsigned char> row(static_cast<size_t>(width) * 4);
  std::string bytes;
  const PngWriteStruct writer;
  if (!write_image(writer.png(), writer.info(), &bytes, data, width, height, stride, opaque,
                   row.data())) {
    throw std::runtime_error("cannot encode the PNG");
  }
  return bytes;
}

}  // namespace briefing
