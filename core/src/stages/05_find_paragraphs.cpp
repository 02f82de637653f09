// Stage 05: find_paragraphs.
//
// Paragraphs: the non-empty lines of the text. Pasted news puts one paragraph on a line (often with blank
// lines between), so a line break always ends a paragraph; CRLF, CR, U+2028 and U+2029 count as line breaks.
#include "pipeline.h"
#include "scan.h"

namespace article::internal {

std::vector<Paragraph> find_paragraphs(const Text& text, Problems& problems) {
  const std::u16string_view s = text.norm;
  std::vector<Paragraph> paragraphs;
  const std::int64_t n = static_cast<std::int64_t>(s.size());
  std::int64_t line_start = 0;
  std::size_t count = 0;  // past the limit, paragraphs are only counted, for the error message
  for (std::int64_t i = 0; i <= n; ++i) {
    if (i < n && !is_line_break(s[i])) continue;
    std::int64_t start = line_start, end = i;
    trim(s, start, end);
    if (start < end && ++count <= kMaxParagraphs) paragraphs.push_back({start, end});
    line_start = i + 1;
  }
  if (over_limit(problems, "paragraphs", count, kMaxParagraphs)) paragraphs.clear();
  return paragraphs;
}

}  // namespace article::internal
