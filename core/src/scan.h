// Small scanning helpers over the normalized UTF-16 text, shared by the rule stages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace article::internal {

// A white-space-delimited chunk of text ("TP.HCM", "(Ảnh:", "2020.").
struct Chunk {
  std::int64_t start = 0, end = 0;
};

// Chunks of s[start, end), at most `limit` of them (rules that look a few words ahead ask for only those, so
// that looking never costs more than the words looked at).
std::vector<Chunk> chunks(std::u16string_view s, std::int64_t start, std::int64_t end,
                          std::size_t limit = static_cast<std::size_t>(-1));

// The first chunk starting at or after `from` (empty, start == end == `end`, if none).
Chunk next_chunk(std::u16string_view s, std::int64_t from, std::int64_t end);

// Trims white space and line breaks from both ends of [start, end).
void trim(std::u16string_view s, std::int64_t& start, std::int64_t& end);

// First letter in s[start, end): its code point, or 0 if there is none before a non-quote, non-bracket.
char32_t first_letter(std::u16string_view s, std::int64_t start, std::int64_t end);

inline bool is_digit(char16_t c) { return c >= '0' && c <= '9'; }  // ASCII digits only

bool is_opening_punct(char32_t c);   // ( [ “ ‘ « " '
bool is_terminal_punct(char32_t c);  // . ! ? …

// True if s[pos, …) starts with `lower_prefix` (given in lowercase), compared case-insensitively code unit by
// code unit (Vietnamese letters are all in the BMP and their case pairs have the same length).
bool starts_with_lower(std::u16string_view s, std::int64_t pos, std::u16string_view lower_prefix);

}  // namespace article::internal
