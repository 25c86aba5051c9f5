// The alternative text of a timeline in a PDF (its Figure's /Alt): what a
// reader who cannot see it is told, made from what was drawn: how many
// items, in which lanes, from which date to which, and the highlighted
// items with their dates, in the words of the report's language.
#pragma once

#include <string>
#include <vector>

#include "layout/display_list.h"
#include "model/dataset.h"
#include "text/messages.h"

namespace briefing {

/// The description of the timeline drawn as `items` (tagged "lane",
/// "marker", as layout/timeline makes them) from `dataset`.
std::string timeline_description(const Dataset& dataset, const std::vector<DisplayItem>& items,
                                 const Messages& words);

}  // namespace briefing
