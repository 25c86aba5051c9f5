// The briefing report: cover, contents, timeline figure, sections with their
// items and footnotes, and a chronological table, paginated into a Document.
// Pure layout: measures text with Pango, never draws. Points, y down.
#pragma once

#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/layout_dump.h"
#include "layout/report/report_style.h"
#include "layout/timeline/timeline_style.h"
#include "model/dataset.h"
#include "model/dataset_diff.h"

namespace briefing {

struct ReportOptions {
  /// The figure's timeline preset; no figure when null (or when the style
  /// leaves it out).
  const TimelineStyle* figure_style = nullptr;
  /// Changes against an older version (--compare-with); none when null.
  const DatasetDiff* changes = nullptr;
  PartialDate changes_since;  // the older version's publication date
};

struct ReportLayout {
  Document document;
  LayoutDump dump;
  /// Things a reader should know, e.g. figure labels left out for room.
  std::vector<std::string> notes;
  /// Each page's label, as the PDF viewer, the footer and the contents show
  /// it: front matter "i", "ii", …; the rest "1", "2", ….
  std::vector<std::string> page_labels;
};

ReportLayout layout_report(const Dataset& dataset, const ReportStyle& style,
                           const ReportOptions& options = {});


}  // namespace briefing
