// The text every stage works on: the input decoded to UTF-16, normalized to NFC, with the map back to the
// input as given. Stages see only `norm` and produce offsets into it; `finalize` (analyzer.cpp) maps them
// back through `to_input_start`/`to_input_end`, the one place where offsets change unit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace article::internal {

struct Text {
  std::u16string input;  // the input as given, UTF-16
  std::u16string norm;   // NFC form of `input`; what every stage reads
  // Maps a position in `norm` to one in `input`. Empty when `norm == input` (the common case).
  // A normalization chunk (a base letter and its marks) maps as a unit: a start inside a chunk maps to the
  // chunk's start, an end inside it to the chunk's end, so a span never splits a letter from its marks.
  std::vector<std::int32_t> start_map, end_map;

  std::int64_t to_input_start(std::int64_t i) const { return start_map.empty() ? i : start_map[i]; }
  std::int64_t to_input_end(std::int64_t i) const { return end_map.empty() ? i : end_map[i]; }
  std::u16string_view slice(std::int64_t start, std::int64_t end) const {
    return std::u16string_view(norm).substr(start, end - start);
  }
};

// Decodes UTF-8 strictly (no overlongs, no surrogates, nothing above U+10FFFF). On failure returns false and
// sets `bad_offset` to the byte offset of the first invalid sequence.
bool decode_utf8(std::string_view utf8, std::u16string& out, std::size_t& bad_offset);

// Decodes UTF-8 leniently: each invalid byte becomes U+FFFD.
std::u16string decode_utf8_lossy(std::string_view utf8);

std::string to_utf8(std::u16string_view s);

// The code point at s[i] as UTF-8 can hold it (a surrogate pair is one code point; a lone surrogate is
// U+FFFD), and i moved past it. What to_utf8 and the JSON writer read UTF-16 with.
inline char32_t scalar_value_at(std::u16string_view s, std::size_t& i) {
  const char32_t c = s[i++];
  if (c < 0xD800 || c > 0xDFFF) return c;
  if (c <= 0xDBFF && i < s.size() && s[i] >= 0xDC00 && s[i] <= 0xDFFF) return 0x10000 + ((c - 0xD800) << 10) + (s[i++] - 0xDC00);
  return 0xFFFD;
}

// Writes code point cp as UTF-8 at p (room for 4 bytes) and returns where it ends.
inline char* put_utf8(char32_t cp, char* p) {
  if (cp < 0x80) {
    *p++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *p++ = static_cast<char>(0xC0 | (cp >> 6));
    *p++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *p++ = static_cast<char>(0xE0 | (cp >> 12));
    *p++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *p++ = static_cast<char>(0xF0 | (cp >> 18));
    *p++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *p++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return p;
}

// The bytes of UTF-16 text, for a hash key made of them (no conversion to UTF-8).
inline std::string_view utf16_bytes(std::u16string_view s) {
  return {reinterpret_cast<const char*>(s.data()), s.size() * sizeof(char16_t)};
}

// Fills `text.norm` (NFC) and the offset maps from `text.input`. Returns false if ICU fails.
bool normalize(Text& text);

// Lowercase (Vietnamese rules) as UTF-8, the form lexicon keys are stored in.
std::string lower_utf8(std::u16string_view s);

// Code point at i in a UTF-16 string, and the index after it.
char32_t code_point_at(std::u16string_view s, std::size_t i, std::size_t* next = nullptr);
// Code point ending just before i.
char32_t code_point_before(std::u16string_view s, std::size_t i, std::size_t* prev = nullptr);

bool is_upper_start(std::u16string_view word);  // first letter is uppercase
bool is_all_upper(std::u16string_view word);    // every letter is uppercase and there are at least two

// Inline, with the common case first: the scanners ask them of every character (as out-of-line calls they
// were 3 % of a batch run's instructions).
// White space, including NBSP, but not line breaks.
inline bool is_space(char32_t c) {
  if (c > ' ' && c < 0xA0) return false;
  return c == ' ' || c == 0 || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x3000 || c == 0xFEFF ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x1680;
}
// A letter (ICU's u_isalpha), ASCII answered inline: the input checks ask it of every character, most of them
// ASCII in Vietnamese text too.
bool is_letter_beyond_ascii(char32_t c);
inline bool is_letter(char32_t c) {
  if (c < 0x80) return static_cast<char32_t>((c | 0x20) - 'a') < 26;
  return is_letter_beyond_ascii(c);
}
inline bool is_line_break(char32_t c) {
  if (c > '\r' && c < 0x85) return false;
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C || c == 0x85;
}

}  // namespace article::internal
