// Stage 06, find_header: the "date YYYY-MM" (or ISO date) line that some pasted articles open with, which
// classify_blocks makes the header block and the article's date.
#include "pipeline.h"
#include "rule_words.h"
#include "scan.h"

namespace article::internal {

namespace {

// "2020-12" or "2020-12-29" at s[pos]; sets `end` past it.
bool match_iso_date(std::u16string_view s, std::int64_t pos, std::int64_t limit, std::int64_t& end) {
  auto digits = [&](std::int64_t at, int n) {
    if (at + n > limit) return false;
    for (int k = 0; k < n; ++k)
      if (!is_digit(s[at + k])) return false;
    return true;
  };
  if (!digits(pos, 4) || pos + 4 >= limit || s[pos + 4] != '-' || !digits(pos + 5, 2)) return false;
  end = pos + 7;
  if (end + 2 < limit + 0 && s[end] == '-' && digits(end + 1, 2)) end += 3;
  if (end < limit && !is_space(s[end])) return false;
  return true;
}

}  // namespace

Span find_header(const Text& text, const std::vector<Paragraph>& paragraphs) {
  if (paragraphs.empty()) return {};
  const std::u16string_view s = text.norm;
  const Paragraph& p = paragraphs[0];
  std::int64_t pos = p.start, end = 0;
  if (const std::int64_t label = rule_word_at(s, pos, RuleWord::kHeaderLabel); label > 0 && pos + label < p.end) {
    pos += label;
    while (pos < p.end && is_space(s[pos])) ++pos;
  }
  if (match_iso_date(s, pos, p.end, end)) return Span{p.start, end, {}};
  return {};
}

}  // namespace article::internal
