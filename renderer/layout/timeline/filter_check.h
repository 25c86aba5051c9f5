// A filter (--only, or `only` in a build file) that matches no item is a
// mistake, not a request for an empty chart: an error naming what exists.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "model/dataset.h"

namespace briefing {

/// One error in `diagnostics` (pointing at `file`) for each of `only` that
/// matches no item of `dataset`, with a did-you-mean and the tags, kinds and
/// sections that exist.
void check_filters(const Dataset& dataset, const std::vector<std::string>& only,
                   const SourceRef& file, Diagnostics& diagnostics);

}  // namespace briefing
