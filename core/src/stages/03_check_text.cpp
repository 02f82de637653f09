// Stage 03, check_text: usable text with a problem (HTML markup, a legacy Vietnamese encoding, UTF-8 read as
// Windows-1252) gets a warning and is analysed as it is.

#include <algorithm>
#include <cstdint>
#include <string>

#include "pipeline.h"

namespace article::internal {

namespace {

// Characters that Vietnamese text in Unicode never uses but that TCVN3 (ABC) and VNI fonts produce when
// their bytes are read as Windows-1252: "Hµ Néi" (TCVN3), "Vieät Nam" (VNI). Every mark is a Latin-1 letter
// or sign (U+00A0–U+00FF), as are most of Vietnamese's own letters (à, á, â, ê, ô, …): a table of that block
// answers both, one lookup per character.
constexpr char32_t kTcvn3Marks[] = U"¸µ¶·¹¨»¾¼½Æ©ÇËÌÎÏÑªÒÖ×ÝØÜÞ«ß¬®¦§­";
constexpr char32_t kVniMarks[] = U"øùúûüïöñäåæçëîÿ";
enum : std::uint8_t { kTcvn3 = 1, kVni = 2 };
struct Latin1Marks {
  std::uint8_t of[0x60] = {};
  constexpr Latin1Marks() {
    for (char32_t c : kTcvn3Marks)
      if (c >= 0xA0 && c <= 0xFF) of[c - 0xA0] |= kTcvn3;
    for (char32_t c : kVniMarks)
      if (c >= 0xA0 && c <= 0xFF) of[c - 0xA0] |= kVni;
  }
};
constexpr Latin1Marks kLatin1Marks;
std::uint8_t legacy_marks(char32_t c) { return c >= 0xA0 && c <= 0xFF ? kLatin1Marks.of[c - 0xA0] : 0; }

}  // namespace

void check_text(const Text& text, Problems& problems) {
  const std::u16string_view s = text.norm;
  std::size_t tags = 0, letters = 0, tcvn3 = 0, vni = 0, mojibake = 0, guillemets_open = 0, guillemets_close = 0;
  for (std::size_t i = 0; i < s.size();) {
    // Most characters of any text are ASCII, of which only letters and a tag's '<' count here.
    if (s[i] < 0x80 && s[i] != '<') {
      letters += is_letter(s[i]);
      ++i;
      continue;
    }
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
    const std::uint8_t marks = legacy_marks(c);
    if (marks & kTcvn3) ++tcvn3;
    if (c == 0xAB) ++guillemets_open;
    if (c == 0xBB) ++guillemets_close;
    if (marks & kVni) ++vni;
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
