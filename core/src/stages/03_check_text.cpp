// Stage 03, check_text: usable text with a problem (HTML markup, a legacy Vietnamese encoding, UTF-8 read as
// Windows-1252) gets a warning and is analysed as it is.

#include <algorithm>
#include <string>

#include "pipeline.h"

namespace article::internal {

namespace {

// Characters that Vietnamese text in Unicode never uses but that TCVN3 (ABC) and VNI fonts produce when
// their bytes are read as Windows-1252: "Hµ Néi" (TCVN3), "Vieät Nam" (VNI).
bool is_tcvn3_mark(char32_t c) {
  if (c < 0xA0 || c > 0xFF) return false;  // every mark is a Latin-1 letter or sign; most text is not
  static const std::u32string set = U"¸µ¶·¹¨»¾¼½Æ©ÇËÌÎÏÑªÒÖ×ÝØÜÞ«ß¬®¦§­";
  return set.find(c) != std::u32string::npos;
}
bool is_vni_mark(char32_t c) {
  if (c < 0xA0 || c > 0xFF) return false;
  static const std::u32string set = U"øùúûüïöñäåæçëîÿ";
  return set.find(c) != std::u32string::npos;
}

}  // namespace

void check_text(const Text& text, Problems& problems) {
  const std::u16string_view s = text.norm;
  std::size_t tags = 0, letters = 0, tcvn3 = 0, vni = 0, mojibake = 0, guillemets_open = 0, guillemets_close = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t next = i;
    const char32_t c = code_point_at(s, i, &next);
    if (c == '<' && next < s.size()) {
      // "<p>", "</div>", "<br/>", "<img …": a tag name right after the bracket.
      std::size_t k = next;
      if (s[k] == '/') ++k;
      std::size_t name = k;
      while (k < s.size() &&
             ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9')))
        ++k;
      if (k > name && k < s.size() && (s[k] == '>' || s[k] == ' ' || s[k] == '/')) ++tags;
    }
    if (is_letter(c)) ++letters;
    if (is_tcvn3_mark(c)) ++tcvn3;
    if (c == 0xAB) ++guillemets_open;
    if (c == 0xBB) ++guillemets_close;
    if (is_vni_mark(c)) ++vni;
    // UTF-8 read as Windows-1252: "Viá»‡t", "Tiáº¿ng", "Ã¡".
    if ((c == 0xC3 || c == 0xC2 || c == 0xE1) && next < s.size() &&
        (s[next] == 0xBA || s[next] == 0xBB || s[next] == 0x2021 || s[next] == 0xA1 || s[next] == 0xA0 ||
         s[next] == 0x201A || s[next] == 0xA3))
      ++mojibake;
    i = next;
  }
  if (tags >= 2)
    add_message(problems.warnings, "html_markup",
                "The text contains " + std::to_string(tags) +
                    " HTML tags; it was analysed as plain text. Paste the rendered article, not its source.");
  // « and » are TCVN3 letters, but in pairs they are quotation marks («Xin chào»): those do not count.
  tcvn3 -= 2 * std::min(guillemets_open, guillemets_close);
  if (mojibake >= 3 && mojibake * 50 > letters)
    add_message(problems.warnings, "mojibake",
                "The text looks like UTF-8 that was decoded as Windows-1252 (\"Viá»‡t\"); re-decode it as UTF-8.");
  else if (tcvn3 + vni >= 5 && (tcvn3 + vni) * 30 > letters)
    add_message(problems.warnings, "legacy_vietnamese_encoding",
                std::string("The text looks like Vietnamese in the legacy ") + (tcvn3 >= vni ? "TCVN3 (ABC)" : "VNI") +
                    " encoding shown as Windows-1252 characters; convert it to Unicode (for example with UniKey's "
                    "converter) before analysing it.");
}

}  // namespace article::internal
