// What both layouts give: the document to paint and the problems met on the
// way, located at the items they concern and printed by the same formatter
// as data errors.
#pragma once

#include "base/diagnostic.h"
#include "layout/display_list.h"

namespace briefing {

struct LayoutResult {
  Document document;
  Diagnostics diagnostics;
};

}  // namespace briefing
