// Token-level recognizers used by the entity stage. Each looks at the tokens starting at `at` (never past
// `end`, the sentence's end) and returns how many tokens it consumed (0: no match) and the entity it found.
#pragma once

#include <string>

#include "pipeline.h"

namespace article::internal {

struct Match {
  int length = 0;  // tokens consumed
  EntityType type = EntityType::kNumber;
  EntityValue value;
};

// The date that relative and partial dates resolve against: year, month, day (0 when unknown).
struct ReferenceDate {
  int year = 0, month = 0, day = 0;
};
ReferenceDate parse_reference(const std::string& iso);

// Dates and times: "Sáng 29/12", "ngày 6/2", "4.1.2017", "tháng 3/2020", "năm 2021", "hôm qua",
// "từ ngày 4.1.2017 - 4.1.2018", "10h30", "14:00", "January 5, 2021". Day-month order always.
Match match_date(const Doc& doc, int at, int end, const ReferenceDate& ref);

// Numbers and what they measure: "3.600", "2,4%", "311 triệu USD", "4.385 tỉ đồng", "7 tập thể".
Match match_number(const Doc& doc, int at, int end);

// Whether a lowercase word multiplies the number before it (units.tsv: "triệu", "tỷ", "nghìn").
bool is_multiplier(const std::string& lowercase);

// The numeric value of a number token in Vietnamese ("3.600" = 3600, "2,4" = 2.4) or English convention.
bool parse_number(const std::string& token, bool vietnamese, double& value);

}  // namespace article::internal
