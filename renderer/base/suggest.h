// "Did you mean": the closest of the real candidates, or nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace briefing {

/// Levenshtein distance.
size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, or empty when none is close enough.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace briefing
