// Fix-its for dates written the way spreadsheets and people write them:
// "Sept 2019" → "2019-09", "2023/03/20" → "2023-03-20", "20 March 2023" →
// "2023-03-20". Only where the intent is clear: "03/04/2024" (day or month
// first?) gets none.
#pragma once

#include <string>
#include <string_view>

namespace briefing {

/// The partial date (YYYY, YYYY-MM or YYYY-MM-DD) that `text` most likely
/// means, at the precision it states; empty when unclear or not a date.
std::string partial_date_fixit(std::string_view text);

}  // namespace briefing
