// Item ids made from titles when a spreadsheet has none: the same title
// gives the same id on every import, so ids stay stable across re-imports.
#pragma once

#include <set>
#include <string>

namespace briefing {

/// "Hiroshima AI Process: Guiding Principles" → "hiroshima-ai-process-guiding-principles"
/// (ASCII letters and digits, at most 60 characters, cut at a word). A title
/// with no ASCII letter or digit gets "item-" and a hash of the title.
std::string id_from_title(const std::string& title);

/// `id`, or `id-2`, `id-3`, … if already in `taken`; adds the result to `taken`.
std::string unique_id(const std::string& id, std::set<std::string>& taken);

}  // namespace briefing
