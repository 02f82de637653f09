#include "scan.h"

#include <unicode/uchar.h>

#include "text.h"

namespace article::internal {

Chunk next_chunk(std::u16string_view s, std::int64_t from, std::int64_t end) {
  std::int64_t i = from;
  while (i < end && (is_space(s[i]) || is_line_break(s[i]))) ++i;
  const std::int64_t b = i;
  while (i < end && !is_space(s[i]) && !is_line_break(s[i])) ++i;
  return {b, i};
}

std::vector<Chunk> chunks(std::u16string_view s, std::int64_t start, std::int64_t end, std::size_t limit) {
  std::vector<Chunk> out;
  std::int64_t i = start;
  while (i < end && out.size() < limit) {
    while (i < end && (is_space(s[i]) || is_line_break(s[i]))) ++i;
    if (i >= end) break;
    const std::int64_t b = i;
    while (i < end && !is_space(s[i]) && !is_line_break(s[i])) ++i;
    out.push_back({b, i});
  }
  return out;
}

void trim(std::u16string_view s, std::int64_t& start, std::int64_t& end) {
  while (start < end && (is_space(s[start]) || is_line_break(s[start]))) ++start;
  while (end > start && (is_space(s[end - 1]) || is_line_break(s[end - 1]))) --end;
}

bool is_opening_punct(char32_t c) {
  return c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0xAB || c == '"' || c == '\'' || c == 0x201E;
}
bool is_terminal_punct(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

char32_t first_letter(std::u16string_view s, std::int64_t start, std::int64_t end) {
  for (std::int64_t i = start; i < end;) {
    std::size_t next = 0;
    const char32_t c = code_point_at(s, static_cast<std::size_t>(i), &next);
    if (u_isalpha(c)) return c;
    if (!is_opening_punct(c) && !is_space(c) && c != '-' && c != 0x2013 && c != 0x2014) return 0;
    i = static_cast<std::int64_t>(next);
  }
  return 0;
}

bool starts_with_lower(std::u16string_view s, std::int64_t pos, std::u16string_view lower_prefix) {
  if (pos < 0 || pos + static_cast<std::int64_t>(lower_prefix.size()) > static_cast<std::int64_t>(s.size()))
    return false;
  for (std::size_t k = 0; k < lower_prefix.size(); ++k)
    if (static_cast<char16_t>(u_tolower(s[pos + k])) != lower_prefix[k]) return false;
  return true;
}

}  // namespace article::internal
