#include "load/image_loader.h"

#include <librsvg/rsvg.h>
#include <png.h>

#include <cctype>
#include <filesystem>
#include <memory>
#include <vector>

#include "base/c_handles.h"
#include "base/file_io.h"

namespace briefing {
namespace {

// Larger than any logo; a bigger one is a mistake (or a decompression bomb).
constexpr double kMaxSide = 8000;  // image units
constexpr size_t kMaxBytes = 16u << 20;

bool starts_with(const std::string& bytes, std::string_view magic) {
  return bytes.compare(0, magic.size(), magic) == 0;
}

struct PngImageFree {
  void operator()(png_image* image) const { png_image_free(image); }
};

// Decodes the whole PNG (so that a truncated file fails now, not when painting).
ImagePtr decode_png(std::string bytes, const std::string& path, std::string& error) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  const std::unique_ptr<png_image, PngImageFree> owner(&image);
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
    error = std::string("not a readable PNG (") + image.message + ")";
    return nullptr;
  }
  if (image.width == 0 || image.height == 0 || image.width > kMaxSide || image.height > kMaxSide) {
    error = "a PNG of " + std::to_string(image.width) + " x " + std::to_string(image.height) +
            " pixels (at most 8000 on a side)";
    return nullptr;
  }
  image.format = PNG_FORMAT_RGBA;
  std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) {
    error = std::string("a broken PNG (") + image.message + ")";
    return nullptr;
  }
  auto out = std::make_shared<Image>();
  out->format = Image::Format::png;
  out->width = image.width;
  out->height = image.height;
  out->bytes = std::move(bytes);
  out->path = path;
  return out;
}

// librsvg parses it; the size is its width and height, or its viewBox.
ImagePtr decode_svg(std::string bytes, const std::string& path, std::string& error) {
  GError* raw_error = nullptr;
  GObjectPtr<RsvgHandle> handle(rsvg_handle_new_from_data(
      reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &raw_error));
  if (!handle) {
    std::string reason = raw_error ? raw_error->message : "no reason given";
    while (!reason.empty() && std::isspace(static_cast<unsigned char>(reason.back())))
      reason.pop_back();
    error = "not a readable SVG (" + reason + ")";
    if (raw_error) g_error_free(raw_error);
    return nullptr;
  }
  double width = 0, height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height)) {
    gboolean has_width = FALSE, has_height = FALSE, has_viewbox = FALSE;
    RsvgLength w, h;
    RsvgRectangle viewbox{};
    rsvg_handle_get_intrinsic_dimensions(handle.get(), &has_width, &w, &has_height, &h,
                                         &has_viewbox, &viewbox);
    if (has_viewbox) {
      width = viewbox.width;
      height = viewbox.height;
    }
  }
  if (!(width > 0) || !(height > 0) || width > kMaxSide * 10 || height > kMaxSide * 10) {
    error = "an SVG without a usable size (give its <svg> a width and height, or a viewBox)";
    return nullptr;
  }
  auto out = std::make_shared<Image>();
  out->format = Image::Format::svg;
  out->width = width;
  out->height = height;
  out->bytes = std::move(bytes);
  out->path = path;
  return out;
}

std::string beside_layout(const SourceRef& layout, const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path written(path);
  if (written.is_absolute()) return written.lexically_normal().string();
  const fs::path layout_dir = fs::absolute(fs::path(layout->name)).parent_path();
  return (layout_dir / written).lexically_normal().string();
}

}  // namespace

ImagePtr decode_image(std::string bytes, const std::string& path, std::string& error) {
  if (bytes.size() > kMaxBytes) {
    error = "larger than 16 MB";
    return nullptr;
  }
  if (starts_with(bytes, "\x89PNG\r\n\x1a\n")) return decode_png(std::move(bytes), path, error);
  // An SVG starts with markup: "<?xml", "<svg", a comment or a doctype
  // (after an optional byte-order mark and white space).
  size_t start = starts_with(bytes, "\xEF\xBB\xBF") ? 3 : 0;
  while (start < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[start]))) ++start;
  if (start < bytes.size() && bytes[start] == '<') return decode_svg(std::move(bytes), path, error);
  error = "neither a PNG nor an SVG file";
  return nullptr;
}

ImagePtr read_image(TableReader& reader, const std::string& key) {
  const auto value = reader.string(key);
  if (!value) return nullptr;
  const SourceRange at = reader.value_position(key);
  if (value->empty()) {
    reader.error_at(at, "'" + key + "' is empty", "give the path of a PNG or SVG file");
    return nullptr;
  }
  const std::string path = beside_layout(reader.source(), *value);
  const FileContents file = read_file(path);
  if (!file.ok()) {
    reader.error_at(at, "cannot read the image \"" + *value + "\": " + file.error,
                    "paths in a layout are relative to its folder (looked for " + path + ")");
    return nullptr;
  }
  std::string error;
  ImagePtr image = decode_image(file.bytes, path, error);
  if (!image) {
    reader.error_at(at, "the image \"" + *value + "\" cannot be used: it is " + error,
                    "give a PNG or an SVG file");
  }
  return image;
}

}  // namespace briefing
