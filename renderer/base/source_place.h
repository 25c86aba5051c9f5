// Where something stands in an input file: for a layout key that can only be
// judged later, against the data (a [lanes.colors] key and the data's lanes).
#pragma once

#include "base/source.h"

namespace briefing {

struct SourcePlace {
  SourceRef source;
  SourceRange range;
};

}  // namespace briefing
