// Fix-its for dates written the way spreadsheets and people write them:
// "Sept 2019" → "2019-09", "2023/03/20" → "2023-03-20", "20 March 2023" →
// "2023-03-20". Only where the intent is clear: "03/04/2024" (day or month
// first?) gets none.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace briefing {

/// The partial date (YYYY, YYYY-MM or YYYY-MM-DD) that `text` most likely
/// means, at the precision it states; empty when unclear or not a date.
std::string partial_date_fixit(std::string_view text);

/// For "03/04/2024", which reads either way: both days, day-first reading
/// first ("2024-04-03", "2024-03-04"); empty strings otherwise.
std::pair<std::string, std::string> ambiguous_day_month(std::string_view text);

}  // namespace briefing
