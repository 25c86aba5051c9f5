// An image a layout names (a logo): the file's bytes, checked when it was
// loaded (load/image_loader.h), and its natural size. Shared by the display
// items that show it; painters decode it (paint/painter.cpp, svg_writer.cpp).
#pragma once

#include <memory>
#include <string>

namespace briefing {

struct Image {
  enum class Format { png, svg };
  Format format = Format::png;
  std::string bytes;  // the whole file, as read
  /// The natural size, in the image's own units (PNG pixels, SVG user units
  /// or CSS pixels): only the aspect ratio counts, the layout gives the size.
  double width = 1, height = 1;
  std::string path;  // where it was read from, for messages

  double aspect() const { return width / height; }  // width over height
};

using ImagePtr = std::shared_ptr<const Image>;

}  // namespace briefing
