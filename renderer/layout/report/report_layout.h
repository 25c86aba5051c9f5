// The briefing report: cover, contents, timeline figure, sections with their
// items and footnotes, and a chronological table, paginated into a Document.
// Pure layout: measures text with Pango, never draws. Points, y down.
#pragma once

#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/layout_result.h"
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
  /// What the older version is, as the changes page names it: "data/old.toml",
  /// "the previous render", "the baseline recorded on 1 December 2026".
  std::string changes_basis;
  /// The report's language (--language), over the layout's and the dataset's.
  std::string language;
};

/// The report as a document: pages labelled as a reader expects (front
/// matter "i", "ii", …; the rest "1", "2", …), every item that stands for
/// something tagged for the dump. Diagnostics: what a reader should know,
/// such as figure labels left out for room (warnings).
LayoutResult layout_report(const Dataset& dataset, const ReportStyle& style,
                           const ReportOptions& options = {});

}  // namespace briefing
