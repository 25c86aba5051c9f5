// The baseline for the report benchmark: the least a Pango+Cairo program can
// do to typeset the same text into a PDF. Paragraphs (separated by blank
// lines) in Noto Serif 10.5 pt, justified, on A4 with 25 mm margins, broken
// into pages line by line. No structure, links or footnotes.
//   bare_typeset FONTS_DIR TEXT_FILE OUT.pdf
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: bare_typeset FONTS_DIR TEXT_FILE OUT.pdf\n";
    return 2;
  }
  FcConfig* config = FcConfigCreate();
  FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(argv[1]));
  PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);

  std::ifstream in(argv[2]);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::vector<std::string> paragraphs;
  std::string line, current;
  std::istringstream lines(buffer.str());
  while (std::getline(lines, line)) {
    if (line.empty()) {
      if (!current.empty()) paragraphs.push_back(current);
      current.clear();
    } else {
      current += (current.empty() ? "" : " ") + line;
    }
  }
  if (!current.empty()) paragraphs.push_back(current);

  const double width = 595.276, height = 841.89, margin = 70.866;
  cairo_surface_t* surface = cairo_pdf_surface_create(argv[3], width, height);
  cairo_t* cr = cairo_create(surface);
  PangoContext* context = pango_font_map_create_context(map);
  PangoFontDescription* font = pango_font_description_from_string("Noto Serif 10.5");
  double y = margin;
  for (const std::string& text : paragraphs) {
    PangoLayout* layout = pango_layout_new(context);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, static_cast<int>((width - 2 * margin) * PANGO_SCALE));
    pango_layout_set_justify(layout, TRUE);
    pango_layout_set_text(layout, text.c_str(), -1);
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const double h = logical.height / static_cast<double>(PANGO_SCALE);
      if (y + h > height - margin) {
        cairo_show_page(cr);
        y = margin;
      }
      cairo_move_to(cr, margin,
                    y + pango_layout_iter_get_baseline(iter) / static_cast<double>(PANGO_SCALE) -
                        logical.y / static_cast<double>(PANGO_SCALE));
      pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(iter));
      y += h;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    g_object_unref(layout);
    y += 6;
  }
  pango_font_description_free(font);
  g_object_unref(context);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const int status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  g_object_unref(map);
  return status == CAIRO_STATUS_SUCCESS ? 0 : 1;
}
