// Text helpers (core/src/text.h) that the stages call per token.
#include <catch2/catch.hpp>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>

#include "text.h"

using article::internal::lower_utf8;

namespace {
// What lower_utf8 promises: u_tolower code point by code point (a lone surrogate as U+FFFD), in UTF-8.
std::string reference_lower(const std::u16string& s) {
  icu::UnicodeString out;
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    UChar32 c;
    U16_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    c = u_tolower(c);
    out.append(U_IS_SURROGATE(c) ? 0xFFFD : c);
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}
}  // namespace

TEST_CASE("lower_utf8: u_tolower code point by code point, for every code point", "[text]") {
  // Every code point, 64 to a string, so that the table of the units below U+2000, the ASCII fast path and
  // ICU above are all compared with the reference, and each other's neighbours.
  for (UChar32 first = 0; first <= 0x10FFFF; first += 64) {
    std::u16string s;
    for (UChar32 c = first; c < first + 64 && c <= 0x10FFFF; ++c) {
      if (U_IS_SURROGATE(c)) continue;
      if (c < 0x10000) {
        s += static_cast<char16_t>(c);
      } else {
        s += static_cast<char16_t>(U16_LEAD(c));
        s += static_cast<char16_t>(U16_TRAIL(c));
      }
    }
    if (s.empty()) continue;
    INFO("from U+" << std::hex << first);
    REQUIRE(lower_utf8(s) == reference_lower(s));
  }
  // Lone surrogates, a pair, and the letters that lowercase to a longer UTF-8 sequence (Ⱥ U+023A → U+2C65).
  const std::u16string odd = {0xD800, u'A', 0xDC00, 0xD83D, 0xDE00, 0x023A, 0x0130, 0x1E9E, u'Ệ'};
  CHECK(lower_utf8(odd) == reference_lower(odd));
  CHECK(lower_utf8(u"HÀ NỘI, Đà Nẵng") == "hà nội, đà nẵng");
  CHECK(lower_utf8(u"").empty());
}
