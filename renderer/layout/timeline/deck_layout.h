// Decks for dense data: an overview slide and detail slides that together
// label every dated item, all text at least 12 pt (24 px at 1920×1080).
// Each slide is one page of the document, laid out by the one timeline
// layout (timeline_layout.h) on a subset of the items. Points, y down.
#pragma once

#include <string>
#include <vector>

#include "layout/layout_result.h"
#include "layout/timeline/timeline_layout.h"
#include "layout/timeline/timeline_style.h"
#include "model/dataset.h"

namespace briefing {

constexpr double kDeckMinTextSize = 12;  // points: legible from the back of a room

/// `style` with every text size raised to at least kDeckMinTextSize (the
/// compressed-time caption, set at 0.9 × the tick size, included).
TimelineStyle deck_style(const TimelineStyle& style);

/// What one slide shows.
struct DeckSlide {
  bool overview = false;
  std::vector<std::string> item_ids;  // the items labelled on it
  std::string note;                   // "3 / 7 · 12 items, Mar 2021 – Jun 2023"
};

/// The deck: page 1 the overview (the whole span, the highlights — or, with
/// none, the items with most milestones — labelled, and per lane how many
/// more the detail slides show), then detail slides of consecutive items in
/// chronological order, each split in two while its layout leaves a label
/// out. Every selected dated item is labelled on exactly one detail slide.
/// Each page carries its slide number and what it covers along its foot.
/// Diagnostics as layout_timeline's (labels left out even alone, filters).
LayoutResult layout_timeline_deck(const Dataset& dataset, const TimelineStyle& style,
                                  const TimelineOptions& options,
                                  std::vector<DeckSlide>* slides = nullptr);

}  // namespace briefing
