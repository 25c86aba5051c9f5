// Shared by the timeline layout tests: presets, the fact sheet, made-up
// datasets, and checks of what a layout placed (from its display list, as
// the dump lists it).
#pragma once

#include <string>
#include <vector>

#include "layout/layout_dump.h"
#include "layout/timeline/timeline_layout.h"
#include "model/dataset.h"

namespace briefing::testing {

/// A timeline laid out for a test: its page and the elements of the page's
/// display list, with what it left out.
struct LaidOutTimeline {
  Page page;
  std::vector<PlacedElement> elements;  // placed_elements(page.items)
  std::vector<TimelineOmission> omitted;
  size_t undated_count = 0;
};

LaidOutTimeline lay_out(const Dataset& dataset, const TimelineStyle& style,
                        const TimelineOptions& options = {});

/// A bundled preset (a failed load fails the test).
TimelineStyle preset(const std::string& name);
/// data/ai-safety-japan-2024.toml, loaded once.
const Dataset& fact_sheet();
/// True for the element kinds that are text.
bool is_text(const std::string& kind);
/// Every text box is clear of every other text and marker box; markers of
/// different items do not overlap; everything lies inside the page.
void expect_clean(const LaidOutTimeline& layout, const std::string& context);
size_t count(const LaidOutTimeline& layout, const std::string& kind);
/// Every label lies inside the band of the lane its marks are in, and right
/// next to its marks.
void expect_labels_by_their_marks(const LaidOutTimeline& layout, const std::string& context);
/// The text size of every item title on the chart (one entry per label).
std::vector<double> label_sizes(const LaidOutTimeline& layout, const Dataset& data);
void expect_one_label_size(const LaidOutTimeline& layout, const Dataset& data,
                           const std::string& context);
/// Three items, one at each date precision, in one section.
Dataset precision_dataset();
/// `events` items with long and mixed English/Japanese titles, all precisions.
Dataset random_dataset(unsigned seed, int events);
/// `dated` dated items (and a few undated) in up to six sections, titles of
/// 20-200 characters (English, German, French and Japanese words), some with
/// up to seven milestones, all precisions, some highlighted.
Dataset realistic_dataset(unsigned seed, int dated);
/// tests/data/eu-digital-rulebook.toml, loaded once.
const Dataset& rulebook();
/// Every dated item that passes no filter is drawn with its label, at or
/// above `min_size`; nothing is left out; no marks without a label.
void expect_every_item_named(const LaidOutTimeline& layout, const Dataset& data, double min_size,
                             const std::string& context);

}  // namespace briefing::testing
