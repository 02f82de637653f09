// Paragraphs: the non-empty lines of the text. Pasted news puts one paragraph on a line (often with blank
// lines between), so a line break always ends a paragraph; CRLF, CR, U+2028 and U+2029 count as line breaks.
#include "pipeline.h"
#include "scan.h"

namespace article::internal {

void find_paragraphs(Doc& doc) {
  const std::u16string_view s = doc.text.norm;
  const std::int64_t n = static_cast<std::int64_t>(s.size());
  std::int64_t line_start = 0;
  std::size_t count = 0;  // past the limit, paragraphs are only counted, for the error message
  for (std::int64_t i = 0; i <= n; ++i) {
    if (i < n && !is_line_break(s[i])) continue;
    std::int64_t start = line_start, end = i;
    trim(s, start, end);
    if (start < end && ++count <= kMaxParagraphs) doc.paragraphs.push_back({start, end});
    line_start = i + 1;
  }
  if (over_limit(doc, "paragraphs", count, kMaxParagraphs)) doc.paragraphs.clear();
}

}  // namespace article::internal
