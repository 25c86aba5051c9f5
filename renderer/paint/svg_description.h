// The SVG's <desc>: what a page shows, said in a sentence for readers who
// cannot see it, made from the display list's tags alone.
#pragma once

#include <string>

#include "layout/display_list.h"

namespace briefing {

/// For a timeline: "Timeline of X: 24 items in 5 lanes (A, B, …), from
/// 2024-01-05 to 2024-12-20; 20 labels link to their sources." Other pages
/// get what of that they have (their subject, labels and links).
std::string svg_description(const DocumentInfo& info, const Page& page);

}  // namespace briefing
