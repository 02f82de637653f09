// Photo captions and credits inside running text: "… tối 7/2. Ảnh: Gia Khánh", "(Ảnh: Reuters)",
// "(Ảnh minh họa)". Used by the sentence splitter (a credit ends a sentence even without a full stop) and by
// the block classifier (a sentence carrying a credit is a caption).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace article::internal {

struct CreditMatch {
  std::int64_t marker_start = 0;  // where "Ảnh" (or "(Ảnh") starts
  std::int64_t credit_start = 0;  // the credit's first letter; == credit_end when there is no credit
  std::int64_t credit_end = 0;
  std::int64_t end = 0;  // end of the whole marker + credit (past a closing ")" or ".")
};

// The first caption marker in s[start, end), if any.
std::optional<CreditMatch> find_credit(std::u16string_view s, std::int64_t start, std::int64_t end);

}  // namespace article::internal
