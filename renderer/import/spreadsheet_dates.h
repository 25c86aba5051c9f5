// Dates as spreadsheets show them, read at the precision they are written:
// "2024-05-01", "2024/05/01", "12/12/2015", "May 2024", "1 May 2024",
// "May 1, 2024", "2024". A day/month order is only assumed when the
// numbers decide it (13/04/2024); 03/04/2024 needs --date-order.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/partial_date.h"

namespace briefing {

enum class DateOrder { unknown, day_month_year, month_day_year };

/// "dmy" or "mdy"; nullopt otherwise.
std::optional<DateOrder> parse_date_order(std::string_view text);

struct SpreadsheetDate {
  std::optional<PartialDate> date;
  std::string error;  // why not, when date is empty
  std::string hint;   // how to fix it
};

SpreadsheetDate read_spreadsheet_date(std::string_view text, DateOrder order);

}  // namespace briefing
