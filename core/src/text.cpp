#include "text.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <cstdint>
#include <cstring>

namespace article::internal {

namespace {

// Length of the UTF-8 sequence starting with lead byte b, or 0 if b cannot start one.
int utf8_sequence_length(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

// Decodes one sequence at i; returns the code point or -1 if it is invalid.
std::int32_t decode_one(std::string_view s, std::size_t i, int& len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  len = utf8_sequence_length(b0);
  if (len == 0 || i + len > s.size()) return -1;
  if (len == 1) return b0;
  std::int32_t cp = b0 & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
    return -1;
  return cp;
}

// Code point cp as UTF-16 at o; returns the end of what was written (one unit, or a surrogate pair).
char16_t* put_utf16(char16_t* o, std::int32_t cp) {
  if (cp < 0x10000) {
    *o++ = static_cast<char16_t>(cp);
  } else {
    cp -= 0x10000;
    *o++ = static_cast<char16_t>(0xD800 + (cp >> 10));
    *o++ = static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
  }
  return o;
}

void append_utf16(std::u16string& out, std::int32_t cp) {
  char16_t units[2];
  out.append(units, static_cast<std::size_t>(put_utf16(units, cp) - units));
}
}  // namespace

bool decode_utf8(std::string_view utf8, std::u16string& out, std::size_t& bad_offset) {
  // Exactly the code units valid UTF-8 gives (one per lead byte, two for a 4-byte sequence): reserving the
  // byte count would hold a third more than needed for Vietnamese. Written through a pointer into that room
  // (push_back tests the capacity each time); a sequence that fails to decode ends the text before it, and
  // until then no more units than counted are written.
  std::size_t units = 0;
  for (unsigned char c : utf8) units += ((c & 0xC0) != 0x80) + (c >= 0xF0);
  out.assign(units, u'\0');
  char16_t* const first = out.data();
  char16_t* o = first;
  const std::size_t n = utf8.size();
  for (std::size_t i = 0; i < n;) {
    // ASCII, most of any text (even Vietnamese), eight bytes at a time.
    std::uint64_t eight;
    while (i + 8 <= n && (std::memcpy(&eight, utf8.data() + i, 8), (eight & 0x8080808080808080ull) == 0)) {
      for (int k = 0; k < 8; ++k) o[k] = static_cast<char16_t>(static_cast<unsigned char>(utf8[i + k]));
      o += 8, i += 8;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      *o++ = static_cast<char16_t>(utf8[i++]);
      continue;
    }
    int len = 0;
    const std::int32_t cp = decode_one(utf8, i, len);
    if (cp < 0) {
      bad_offset = i;
      out.resize(static_cast<std::size_t>(o - first));
      return false;
    }
    o = put_utf16(o, cp);
    i += len;
  }
  out.resize(static_cast<std::size_t>(o - first));
  return true;
}

std::u16string decode_utf8_lossy(std::string_view utf8) {
  std::u16string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      out.push_back(static_cast<char16_t>(utf8[i++]));
      continue;
    }
    int len = 0;
    const std::int32_t cp = decode_one(utf8, i, len);
    if (cp < 0) {
      // One U+FFFD for a broken sequence and the continuation bytes that belong to it (as browsers do).
      out.push_back(u'\uFFFD');
      ++i;
      for (int k = 0; k < 3 && i < utf8.size() && (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80; ++k) ++i;
    } else {
      append_utf16(out, cp);
      i += len;
    }
  }
  return out;
}

std::string to_utf8(std::u16string_view s) {
  // Written through a raw buffer: in WebAssembly std::string::push_back is an out-of-line call per byte.
  std::string out(s.size() * 3, '\0');
  char* p = out.data();
  for (std::size_t i = 0; i < s.size();) p = put_utf8(scalar_value_at(s, i), p);
  out.resize(static_cast<std::size_t>(p - out.data()));
  return out;
}

char32_t code_point_at(std::u16string_view s, std::size_t i, std::size_t* next) {
  char32_t c = s[i];
  std::size_t n = i + 1;
  if (c >= 0xD800 && c <= 0xDBFF && n < s.size() && s[n] >= 0xDC00 && s[n] <= 0xDFFF) {
    c = 0x10000 + ((c - 0xD800) << 10) + (s[n] - 0xDC00);
    ++n;
  }
  if (next) *next = n;
  return c;
}

char32_t code_point_before(std::u16string_view s, std::size_t i, std::size_t* prev) {
  std::size_t p = i - 1;
  char32_t c = s[p];
  if (c >= 0xDC00 && c <= 0xDFFF && p > 0 && s[p - 1] >= 0xD800 && s[p - 1] <= 0xDBFF) {
    --p;
    c = 0x10000 + ((s[p] - 0xD800) << 10) + (c - 0xDC00);
  }
  if (prev) *prev = p;
  return c;
}

bool normalize(Text& text) {
  UErrorCode status = U_ZERO_ERROR;
  // Looked up once, behind a C++ static: ICU's own once-only initialization is thread-safe, but a
  // sanitizer cannot see inside the uninstrumented library, and one lookup is all that is needed anyway.
  static const icu::Normalizer2* const nfc = [] {
    UErrorCode s = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(s);
    return U_SUCCESS(s) ? n : nullptr;
  }();
  if (!nfc) return false;
  const icu::UnicodeString input(false, text.input.data(), static_cast<int32_t>(text.input.size()));
  // Fast path: most pasted text is already NFC, and then the maps stay empty (identity).
  const int32_t normalized_prefix = nfc->spanQuickCheckYes(input, status);
  if (U_FAILURE(status)) return false;
  if (normalized_prefix == input.length()) {
    text.norm = text.input;
    return true;
  }
  // Otherwise normalize chunk by chunk, a chunk running from one normalization boundary to the next, and
  // record where each chunk came from.
  text.norm.clear();
  text.norm.reserve(text.input.size());
  text.start_map.clear();
  text.end_map.clear();
  const int32_t n = input.length();
  int32_t chunk_start = 0;
  icu::UnicodeString out;
  while (chunk_start < n) {
    int32_t chunk_end = chunk_start + U16_LENGTH(input.char32At(chunk_start));
    while (chunk_end < n && !nfc->hasBoundaryBefore(input.char32At(chunk_end)))
      chunk_end += U16_LENGTH(input.char32At(chunk_end));
    out.remove();
    nfc->normalize(input.tempSubStringBetween(chunk_start, chunk_end), out, status);
    if (U_FAILURE(status)) return false;
    for (int32_t k = 0; k < out.length(); ++k) {
      text.norm.push_back(out.charAt(k));
      text.start_map.push_back(chunk_start);
      text.end_map.push_back(k == 0 ? chunk_start : chunk_end);
    }
    chunk_start = chunk_end;
  }
  text.start_map.push_back(n);
  text.end_map.push_back(n);
  return true;
}

bool is_letter_beyond_ascii(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

std::string lower_utf8(std::u16string_view s) {
  // Simple (one-to-one) case mapping code point by code point: exact for Vietnamese and English, and much
  // cheaper than a UnicodeString round trip. Language-specific mappings (Turkish dotless i) do not apply.
  // Written straight to UTF-8 (as to_utf8 writes, a lone surrogate as U+FFFD); ASCII inline, and the units
  // below U+2000 (Latin with Vietnamese, Greek, Cyrillic) from a table of u_tolower filled once.
  static const std::vector<char16_t> below = [] {
    std::vector<char16_t> table(0x2000);
    for (UChar32 c = 0; c < 0x2000; ++c) table[c] = static_cast<char16_t>(u_tolower(c));
    return table;
  }();
  std::string out(s.size() * 3, '\0');  // a unit's lowercase takes 3 bytes at most, a pair's 4
  char* p = out.data();
  for (std::size_t i = 0; i < s.size();) {
    const char16_t u = s[i];
    if (u < 0x80) {
      *p++ = static_cast<char>(u >= u'A' && u <= u'Z' ? u + (u'a' - u'A') : u);
      ++i;
      continue;
    }
    char32_t c;
    if (u < 0x2000) {
      c = below[u];
      ++i;
    } else {
      std::size_t next = i;
      c = u_tolower(code_point_at(s, i, &next));
      if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
      i = next;
    }
    p = put_utf8(c, p);
  }
  out.resize(static_cast<std::size_t>(p - out.data()));
  return out;
}

bool is_upper_start(std::u16string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    std::size_t next = i;
    const char32_t c = code_point_at(word, i, &next);
    if (u_isalpha(c)) return u_isupper(c) || u_istitle(c);
    if (u_isdigit(c)) return false;
    i = next;
  }
  return false;
}

bool is_all_upper(std::u16string_view word) {
  int letters = 0;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t next = i;
    const char32_t c = code_point_at(word, i, &next);
    if (u_isalpha(c)) {
      if (u_islower(c)) return false;
      ++letters;
    }
    i = next;
  }
  return letters >= 2;
}

}  // namespace article::internal
