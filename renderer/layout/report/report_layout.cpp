// layout_report(): builds the report's parts in reading order into one flow
// of blocks, paginates it, then labels the pages, fills in the contents' page
// numbers and assembles the document with its metadata.
#include "layout/report/report_layout.h"

#include <set>

#include "layout/report/builder.h"
#include "text/font_setup.h"
#include "text/hyphenator.h"

namespace briefing {
namespace {

using namespace report_parts;

LayoutResult assemble(const Dataset& dataset, const Typesetter& typesetter, Pagination& pagination,
                      const PageLabels& labels, const std::vector<OutlineEntry>& outline,
                      Diagnostics diagnostics) {
  const ReportStyle& style = typesetter.style();
  LayoutResult out;
  Document& doc = out.document;
  const size_t total = pagination.pages.size();
  // One header block serves every page.
  TextLayoutOptions header_options;
  header_options.wrap_width = typesetter.width();
  header_options.ellipsize = true;
  auto header =
      std::make_shared<TextBlock>(typographic_quotes(dataset.title),
                                  typesetter.sans(style.running_size), std::move(header_options));
  for (size_t i = 0; i < total; ++i) {
    PageContent& content = pagination.pages[i];
    Page page;
    page.width = style.page_width;
    page.height = style.page_height;
    page.label = labels.labels[i];
    page.items = std::move(content.items);
    const bool is_cover = style.cover && i == 0;
    if (!is_cover) add_running_header_and_footer(page, header, labels, i, typesetter);
    add_marking(page, typesetter);
    doc.pages.push_back(std::move(page));
  }
  doc.outline = outline;
  doc.info.title = dataset.title;
  doc.info.author = dataset.publisher;
  doc.info.language = typesetter.words().language();
  doc.info.subject = typesetter.words().get(
      "document.subject",
      {{"title", dataset.title}, {"date", typesetter.words().date(dataset.published)}});
  std::set<std::string> tags;
  for (const Item& item : dataset.items) tags.insert(item.tags.begin(), item.tags.end());
  doc.info.keywords = join(std::vector<std::string>(tags.begin(), tags.end()), ", ");
  doc.info.creator = std::string("briefing ") + BRIEFING_VERSION;
  doc.info.created = publication_time(dataset);
  out.diagnostics = std::move(diagnostics);
  return out;
}

// Every text of the dataset the report may show, before anything is laid
// out: when one needs the CJK faces they join now, not midway (which would
// make Pango lay out again everything laid out before).
void prepare_fonts(const Dataset& dataset) {
  auto text = [](const std::string& s) {
    if (!cjk_fonts_joined()) prepare_fonts_for_text(s);
  };
  text(dataset.title);
  text(dataset.publisher);
  for (const Section& section : dataset.sections) {
    text(section.title);
    text(section.intro);
  }
  for (const Item& item : dataset.items) {
    if (cjk_fonts_joined()) return;
    text(item.title);
    text(item.short_title);
    text(item.kind);
    text(item.summary);
    for (const std::string& issuer : item.issuers) text(issuer);
    for (const Milestone& milestone : item.milestones) text(milestone.label);
    for (const Link& link : item.links) {
      text(link.url);
      text(link.language_note);
    }
    for (const Note& note : item.notes) text(note.text);
  }
}

}  // namespace

LayoutResult layout_report(const Dataset& dataset, const ReportStyle& style,
                           const ReportOptions& options) {
  // The words around the data follow the report's language; the text's
  // language (fonts, glyph forms, hyphenation) stays the dataset's.
  const std::string& language = !options.language.empty() ? options.language
                                : !style.language.empty() ? style.language
                                                          : dataset.language;
  set_text_language(dataset.language);
  set_document_language(language);  // also for the figure
  prepare_fonts(dataset);
  const bool english = dataset.language.rfind("en", 0) == 0;
  const Typesetter typesetter(style, style.hyphenate && english ? english_hyphenator() : nullptr,
                              messages_for(language));
  const ReportItems items = collect_items(dataset, typesetter);

  Flow flow(typesetter);
  std::vector<TocEntry> toc;
  Diagnostics diagnostics;
  if (style.cover) add_cover(dataset, items.footnotes.size(), typesetter, flow);
  if (style.contents) toc = add_contents(dataset, items, options, typesetter, flow);
  if (options.changes)
    add_changes(*options.changes, options.changes_since, options.changes_basis, typesetter, flow);
  const size_t main_matter_block = flow.next_index();  // the first block of the figure or body
  if (style.figure && options.figure_style) {
    add_figure(dataset, *options.figure_style, options.changes, typesetter, flow, diagnostics);
  }
  add_body(dataset, items, options.changes, typesetter, flow);
  if (style.chronology) add_chronology(items.ordered, typesetter, flow);

  PageFrame frame;
  frame.text = {style.margin_left, style.margin_top, typesetter.width(), style.text_height()};
  frame.orphans = style.orphans;
  frame.widows = style.widows;
  frame.rule = style.rule;
  frame.number_color = style.accent;
  Pagination pagination = paginate(flow.blocks(), items.footnotes, frame);
  const PageLabels labels = label_pages(pagination, main_matter_block);
  fill_contents(toc, labels.labels, typesetter, pagination);
  return assemble(dataset, typesetter, pagination, labels, flow.outline(), std::move(diagnostics));
}

}  // namespace briefing
