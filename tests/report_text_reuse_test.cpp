// The report lays out repeated texts once (chronology cells down a column,
// the items' meta prefixes): what it reuses must be what it would have laid
// out, so texts that differ only in weight are never shared.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "layout/layout_dump.h"
#include "layout/report/report_layout.h"
#include "load/dataset_loader.h"
#include "load/report_style_loader.h"
#include "load/timeline_style_loader.h"
#include "test_support.h"

namespace briefing {
namespace {

LayoutDump render_dump(const Dataset& dataset) {
  Diagnostics d;
  auto style = load_report_style(resolve_layout_path("briefing-a4"), d);
  auto figure =
      style ? load_timeline_style(resolve_layout_path(style->figure_layout), d) : std::nullopt;
  if (!style || !figure) throw std::runtime_error(format_diagnostics(d));
  ReportOptions options;
  options.figure_style = &*figure;
  return layout_dump(layout_report(dataset, *style, options).document, "report");
}

Dataset stress_dataset() {
  auto loaded = load_dataset_file(testing::repo_path("tests/data/report-stress.toml"));
  if (!loaded.ok()) throw std::runtime_error(loaded.report());
  return *loaded.dataset;
}

// An issuer named like the column's bold header ("Issuer") gets a cell of
// its own: regular weight, so narrower than the header's, however often the
// name repeats down the column.
TEST(ReportTextReuse, AChronologyCellIsNotTheBoldHeaderOfTheSameText) {
  Dataset dataset = stress_dataset();
  ASSERT_GE(dataset.items.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    dataset.items[i].issuers = {"Issuer"};
    dataset.items[i].issuers_at.resize(1);
  }
  const LayoutDump dump = render_dump(dataset);
  double header_width = 0;
  std::vector<double> cell_widths;
  for (const PlacedElement& e : dump.elements) {
    if (e.kind == "table-header" && e.text == "Issuer") header_width = e.box.width;
    if (e.kind == "table-cell" && e.text == "Issuer") cell_widths.push_back(e.box.width);
  }
  ASSERT_GT(header_width, 0);
  ASSERT_GE(cell_widths.size(), 3u) << "each of the three items' dates has a row";
  for (double width : cell_widths) {
    EXPECT_LT(width, header_width - 0.5) << "a regular cell, not the bold header";
    EXPECT_DOUBLE_EQ(width, cell_widths.front()) << "the same cell each time";
  }
}

}  // namespace
}  // namespace briefing
