#include "paint/document_writer.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include "base/atomic_file.h"
#include "paint/cairo_handles.h"
#include "paint/painter.h"
#include "paint/pdf_structure.h"
#include "paint/pdf_tag_attributes.h"
#include "paint/pdf_tagger.h"
#include "paint/png_writer.h"
#include "paint/svg_writer.h"

namespace briefing {
namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void paint_background(cairo_t* cr, const Document& document, const Page& page) {
  if (!document.has_background) return;
  const Color& c = document.background;
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
  cairo_rectangle(cr, 0, 0, page.width, page.height);
  cairo_fill(cr);
}

void set_pdf_metadata(cairo_surface_t* surface, const DocumentInfo& info) {
  const std::map<cairo_pdf_metadata_t, std::string> fields = {
      {CAIRO_PDF_METADATA_TITLE, info.title},     {CAIRO_PDF_METADATA_AUTHOR, info.author},
      {CAIRO_PDF_METADATA_SUBJECT, info.subject}, {CAIRO_PDF_METADATA_KEYWORDS, info.keywords},
      {CAIRO_PDF_METADATA_CREATOR, info.creator},
  };
  for (const auto& [key, value] : fields) {
    if (!value.empty()) cairo_pdf_surface_set_metadata(surface, key, value.c_str());
  }
  // Always set both dates: otherwise cairo writes the current time.
  const std::string date = iso8601_utc(reproducible_time(info.created));
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
}

void add_outline(cairo_surface_t* surface, const std::vector<OutlineEntry>& outline) {
  std::vector<int> parents = {CAIRO_PDF_OUTLINE_ROOT};  // parents[level - 1]
  for (const OutlineEntry& entry : outline) {
    const size_t level = static_cast<size_t>(std::max(1, entry.level));
    parents.resize(std::min(parents.size(), level));
    while (parents.size() < level) parents.push_back(parents.back());
    const std::string link = dest_attribute(entry.destination);
    const int id = cairo_pdf_surface_add_outline(surface, parents.back(), entry.title.c_str(),
                                                 link.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
    parents.push_back(id);
  }
}

// Cairo's file and what the post-processing needs to know about it.
struct PaintedPdf {
  std::string bytes;
  PdfAccessibility accessibility;
};

// Draws `document` with cairo; the surface is gone when this returns.
PaintedPdf paint_pdf(const Document& document, const PdfOptions& options) {
  PaintedPdf painted;
  std::string& bytes = painted.bytes;
  const Page& first = document.pages.front();
  SurfacePtr surface(
      cairo_pdf_surface_create_for_stream(append_to_string, &bytes, first.width, first.height));
  check_cairo(cairo_surface_status(surface.get()), "cannot create the PDF surface");
  set_pdf_metadata(surface.get(), document.info);
  CairoPtr cr(cairo_create(surface.get()));
  // The structure (paint/pdf_tagger.h). Its Document element around the
  // content also matters to cairo 1.16, which writes a damaged
  // cross-reference table for link tags without one.
  StructureTagger tagger(cr.get(), options.language);
  double width = first.width, height = first.height;
  for (const Page& page : document.pages) {
    // Only when the size changes: with tags, cairo 1.16 damages the file otherwise.
    if (page.width != width || page.height != height) {
      width = page.width;
      height = page.height;
      cairo_pdf_surface_set_size(surface.get(), width, height);
    }
    if (!page.label.empty()) cairo_pdf_surface_set_page_label(surface.get(), page.label.c_str());
    paint_background(cr.get(), document, page);
    // After the background: cairo 1.16 discards what a page recorded before
    // an opaque full-page fill, the tag included, and damages the file.
    tagger.begin_document();
    paint_page(cr.get(), page, PaintOptions{true, &tagger});
    cairo_show_page(cr.get());
  }
  tagger.end_document();
  add_outline(surface.get(), document.outline);
  check_cairo(cairo_status(cr.get()), "cannot draw the PDF");
  cr.reset();
  cairo_surface_finish(surface.get());
  check_cairo(cairo_surface_status(surface.get()), "cannot write the PDF");
  bytes.shrink_to_fit();  // up to half of it spare after appending; qpdf's pass holds it throughout
  // Dates, language, XMP and link descriptions: paint/pdf_structure.h.
  PdfAccessibility& accessibility = painted.accessibility;
  accessibility.language = options.language;
  accessibility.title = document.info.title;
  accessibility.author = document.info.author;
  accessibility.created = reproducible_time(document.info.created);
  accessibility.destinations = destination_descriptions(document);
  accessibility.structure = tagger.notes();
  accessibility.pdf_ua = true;
  return painted;
}

// qpdf's pass over cairo's file (paint/pdf_structure.h); the action gate
// runs inside, on the objects qpdf is about to write.
std::string finish_pdf(const PaintedPdf& painted) {
  try {
    return add_accessibility_entries(painted.bytes, painted.accessibility);
  } catch (const UnsafePdfValue&) {
    throw;
  } catch (const std::exception& error) {
    throw std::runtime_error(std::string("cannot finish the PDF: ") + error.what());
  }
}

std::string render_png(const Document& document, const RasterOptions& raster) {
  const Page& page = document.pages.front();
  const int width = static_cast<int>(page.width * raster.pixels_per_point + 0.5);
  const int height = static_cast<int>(page.height * raster.pixels_per_point + 0.5);
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
  check_cairo(cairo_surface_status(surface.get()), "cannot create the image");
  CairoPtr cr(cairo_create(surface.get()));
  cairo_scale(cr.get(), raster.pixels_per_point, raster.pixels_per_point);
  if (!raster.transparent) paint_background(cr.get(), document, page);
  paint_page(cr.get(), page, PaintOptions{false});
  check_cairo(cairo_status(cr.get()), "cannot draw the image");
  return encode_png(surface.get());
}

}  // namespace

std::optional<OutputFormat> format_for_path(const std::string& path) {
  const auto dot = path.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  std::string extension = path.substr(dot + 1);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == "pdf") return OutputFormat::pdf;
  if (extension == "svg") return OutputFormat::svg;
  if (extension == "png") return OutputFormat::png;
  return std::nullopt;
}

std::string render_document(const Document& document, OutputFormat format,
                            const RasterOptions& raster, const PdfOptions& pdf) {
  if (document.pages.empty()) throw std::runtime_error("the document has no page");
  switch (format) {
    case OutputFormat::pdf:
      return finish_pdf(paint_pdf(document, pdf));
    case OutputFormat::svg:
      return svg_document(document, SvgOptions{raster.transparent});
    case OutputFormat::png:
      break;
  }
  return render_png(document, raster);
}

std::string render_pdf(Document document, const PdfOptions& pdf) {
  if (document.pages.empty()) throw std::runtime_error("the document has no page");
  PaintedPdf painted = paint_pdf(document, pdf);
  document = Document();  // the display list and its text layouts, before qpdf's objects
  return finish_pdf(painted);
}

void write_document(const Document& document, const std::string& path,
                    const RasterOptions& raster) {
  const auto format = format_for_path(path);
  if (!format)
    throw std::runtime_error("cannot tell the format of " + path + " (use .pdf, .svg or .png)");
  write_file_atomically(path, render_document(document, *format, raster));
}

std::string iso8601_utc(std::time_t time) {
  std::tm utc{};
  gmtime_r(&time, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::time_t reproducible_time(std::time_t fallback) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    const long long value = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && value >= 0) return static_cast<std::time_t>(value);
  }
  return fallback;
}

}  // namespace briefing
