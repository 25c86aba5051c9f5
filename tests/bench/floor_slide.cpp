// The floor of the slide benchmark (W3; W4's four timelines): the least a
// Cairo+Pango program does to draw a timeline's texts, lines and marks — the
// ones the project placed, read from its layout dump — onto one page, and to
// write it as PNG, SVG or PDF (by OUT's extension).
//
//   floor_slide FONTS_DIR SPEC OUT.png|OUT.svg|OUT.pdf [--cairo-png]
//               [--png-filter none|sub|up|avg|paeth|all] [--zlib-level 0-9]
//
// SPEC (floor_common.h; written by floor_spec.py): "PAGE w h pixels_per_point",
// then fixed records (T R L C) in points. A PNG is a w×h points page at
// pixels_per_point (1920×1080 for slide-16x9): an ARGB32 image surface, scaled,
// then encoded through libpng directly: the page is opaque (the spec paints
// its background first), so rows go out as 8-bit RGB, converted from cairo's
// native-endian ARGB32 in one pass, with PNG filter SUB on every row and
// zlib level 6 (the defaults here; see the options). --cairo-png writes the
// same surface with cairo_surface_write_to_png() instead (what the project
// does today: cairo scans the image for transparency, then libpng with its
// default adaptive filtering at zlib's default level).
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <png.h>

#include <cstring>

#include "floor_common.h"

using namespace floor_bench;

namespace {

bool ends_with(const std::string& s, const char* tail) {
  const size_t n = std::strlen(tail);
  return s.size() >= n && s.compare(s.size() - n, n, tail) == 0;
}

bool write_png(cairo_surface_t* surface, const char* path, int filter, int level) {
  cairo_surface_flush(surface);
  const int width = cairo_image_surface_get_width(surface);
  const int height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  FILE* out = std::fopen(path, "wb");
  if (!out) return false;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    std::fclose(out);
    return false;
  }
  png_init_io(png, out);
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, filter);
  png_set_compression_level(png, level);
  png_write_info(png, info);
  std::vector<unsigned char> row(static_cast<size_t>(width) * 3);
  for (int y = 0; y < height; ++y) {
    const auto* pixels = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    unsigned char* o = row.data();
    for (int x = 0; x < width; ++x) {  // opaque: premultiplied equals straight
      const uint32_t p = pixels[x];
      *o++ = static_cast<unsigned char>(p >> 16);
      *o++ = static_cast<unsigned char>(p >> 8);
      *o++ = static_cast<unsigned char>(p);
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return std::fclose(out) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: floor_slide FONTS_DIR SPEC OUT.png|OUT.svg|OUT.pdf [--cairo-png] "
                 "[--png-filter none|sub|up|avg|paeth|all] [--zlib-level N]\n";
    return 2;
  }
  bool cairo_png = false;
  int filter = PNG_FILTER_SUB, level = 6;
  for (int i = 4; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--cairo-png") {
      cairo_png = true;
    } else if (a == "--zlib-level" && i + 1 < argc) {
      level = std::atoi(argv[++i]);
    } else if (a == "--png-filter" && i + 1 < argc) {
      const std::string f = argv[++i];
      filter = f == "none"    ? PNG_FILTER_NONE
               : f == "sub"   ? PNG_FILTER_SUB
               : f == "up"    ? PNG_FILTER_UP
               : f == "avg"   ? PNG_FILTER_AVG
               : f == "paeth" ? PNG_FILTER_PAETH
                              : PNG_ALL_FILTERS;
    } else {
      std::cerr << "floor_slide: unknown option " << a << "\n";
      return 2;
    }
  }
  PangoFontMap* map = make_font_map(argv[1]);
  PangoContext* context = make_context(map);
  const std::vector<Record> records = read_spec(argv[2]);
  double width = 960, height = 540, ppp = 2;
  Fonts fonts;
  for (const Record& r : records) {
    if (r[0] == "PAGE") width = num(r.at(1)), height = num(r.at(2)), ppp = num(r.at(3));
  }
  const std::string out = argv[3];
  const bool png = ends_with(out, ".png");
  cairo_surface_t* surface =
      png ? cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(width * ppp + 0.5),
                                       static_cast<int>(height * ppp + 0.5))
      : ends_with(out, ".svg") ? cairo_svg_surface_create(out.c_str(), width, height)
                               : cairo_pdf_surface_create(out.c_str(), width, height);
  cairo_t* cr = cairo_create(surface);
  if (png) cairo_scale(cr, ppp, ppp);
  for (const Record& r : records) {
    if (r[0] == "F")
      fonts.add(r);
    else if (r[0] != "PAGE")
      draw_fixed(cr, context, fonts, r);
  }
  if (!png) cairo_show_page(cr);
  cairo_destroy(cr);
  bool ok;
  if (png) {
    ok = cairo_png ? cairo_surface_write_to_png(surface, out.c_str()) == CAIRO_STATUS_SUCCESS
                   : write_png(surface, out.c_str(), filter, level);
  } else {
    cairo_surface_finish(surface);
    ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
  }
  cairo_surface_destroy(surface);
  g_object_unref(context);
  g_object_unref(map);
  return ok ? 0 : 1;
}
