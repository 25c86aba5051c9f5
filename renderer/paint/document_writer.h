// Turns a display-list Document into PDF, SVG or PNG bytes, and files.
#pragma once

#include <optional>
#include <string>

#include "layout/display_list.h"

namespace briefing {

enum class OutputFormat { pdf, svg, png };

/// From the file name's extension (.pdf, .svg, .png; any case); nullopt otherwise.
std::optional<OutputFormat> format_for_path(const std::string& path);

struct RasterOptions {
  double pixels_per_point = 1;  // PNG only
  bool transparent = false;     // PNG and SVG: leave out the document background
};

/// What a PDF says about itself beyond the display list (paint/pdf_structure.h).
struct PdfOptions {
  std::string language;  // the dataset's, BCP 47 ("en"): the catalog's /Lang
};

/// The file's bytes. PDF: every page, with metadata, links, outline and page
/// labels. SVG and PNG: the first page. Identical input gives identical bytes.
std::string render_document(const Document& document, OutputFormat format,
                            const RasterOptions& raster = {}, const PdfOptions& pdf = {});

/// The PDF of `document` (as render_document makes it), which it takes and
/// frees once cairo has drawn it: a large report's display list and text
/// layouts then do not share the peak memory with qpdf's objects.
std::string render_pdf(Document document, const PdfOptions& pdf = {});

/// Renders and replaces `path` atomically; the format follows the extension.
void write_document(const Document& document, const std::string& path,
                    const RasterOptions& raster = {});

/// ISO 8601 UTC ("2025-02-05T00:00:00Z") for a time.
std::string iso8601_utc(std::time_t time);

/// The creation time to record: $SOURCE_DATE_EPOCH when set, else `fallback`.
std::time_t reproducible_time(std::time_t fallback);

}  // namespace briefing
