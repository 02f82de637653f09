// Input checks. Unusable input (empty, too large, binary, not UTF-8) gets an error and no analysis; usable
// input with a problem (HTML markup, text in a legacy Vietnamese encoding, stray NUL bytes) gets a warning
// and is analysed as it is. Nothing is ever truncated silently.
#include <algorithm>
#include <unicode/uchar.h>

#include <string>

#include "pipeline.h"

namespace article::internal {

namespace {

void add(std::vector<Message>& list, std::string code, std::string message, std::optional<Span> span = std::nullopt) {
  list.push_back(Message{std::move(code), std::move(message), std::move(span)});
}

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

bool is_binary(std::string_view utf8, std::size_t* nul_count, std::size_t* control_count) {
  std::size_t nuls = 0, controls = 0;
  for (unsigned char c : utf8) {
    if (c == 0)
      ++nuls;
    else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v')
      ++controls;
  }
  if (nul_count) *nul_count = nuls;
  if (control_count) *control_count = controls;
  return !utf8.empty() && (nuls + controls) * 20 > utf8.size();
}

void check_input(std::string_view utf8, Doc& doc) {
  auto& errors = doc.out.errors;
  if (utf8.size() > kMaxInputBytes) {
    add(errors, "input_too_large",
        "The input is " + std::to_string(utf8.size()) + " bytes; the limit is " + std::to_string(kMaxInputBytes) +
            " bytes. Split the text and analyse the parts.");
    return;
  }
  if (utf8.size() >= 2 &&
      ((static_cast<unsigned char>(utf8[0]) == 0xFF && static_cast<unsigned char>(utf8[1]) == 0xFE) ||
       (static_cast<unsigned char>(utf8[0]) == 0xFE && static_cast<unsigned char>(utf8[1]) == 0xFF))) {
    add(errors, "utf16_input", "The input starts with a UTF-16 byte-order mark; decode it to text first.");
    return;
  }
  std::size_t nuls = 0, controls = 0;
  if (is_binary(utf8, &nuls, &controls)) {
    add(errors, "binary_input",
        "The input looks like binary data, not text (" + std::to_string(nuls + controls) +
            " control bytes), and was not analysed.");
    return;
  }
  std::size_t bad = 0;
  if (!decode_utf8(utf8, doc.text.input, bad)) {
    add(errors, "invalid_utf8",
        "The input is not valid UTF-8 (first invalid byte at offset " + std::to_string(bad) +
            "). It may be in a legacy encoding such as Windows-1258; convert it to UTF-8 first.");
    return;
  }
  if (nuls > 0)
    add(doc.out.warnings, "nul_characters",
        std::to_string(nuls) + " NUL character(s) in the input were treated as spaces.");
  bool blank = true;
  for (char16_t c : doc.text.input)
    if (!is_space(c) && !is_line_break(c) && c != 0) {
      blank = false;
      break;
    }
  if (blank) add(errors, "empty_input", "The input is empty or holds only white space.");
}

namespace {
int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real date, optionally followed by a time ("2020-12-29T08:00Z").
bool is_iso_date(const std::string& s) {
  auto digits = [&s](std::size_t from, std::size_t n) {
    if (s.size() < from + n) return -1;
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  const std::size_t end = std::min(s.size(), s.find('T'));
  const int year = digits(0, 4);
  if (year < 1 || (end != 4 && end != 7 && end != 10)) return false;
  if (end == 4) return true;
  const int month = s[4] == '-' ? digits(5, 2) : -1;
  if (month < 1 || month > 12) return false;
  if (end == 7) return true;
  const int day = s[7] == '-' ? digits(8, 2) : -1;
  return day >= 1 && day <= days_in_month(year, month);
}
}  // namespace

void check_options(Doc& doc) {
  Options& o = doc.options;
  if (o.language != "auto" && o.language != "vi" && o.language != "en") {
    add(doc.out.warnings, "invalid_option",
        "The option language is \"" + o.language + "\", not auto, vi or en; the language is detected.");
    o.language = "auto";
  }
  if (!o.reference_date.empty() && !is_iso_date(o.reference_date)) {
    add(doc.out.warnings, "invalid_option",
        "The option referenceDate is \"" + o.reference_date +
            "\", not a date written YYYY-MM-DD (or YYYY-MM, YYYY); it is ignored.");
    o.reference_date.clear();
  }
  // User words: a type the analysis has, a length a word can have, and no more of them than the limit.
  if (o.words.size() > kMaxUserWords) {
    add(doc.out.warnings, "invalid_option",
        "The option words has " + std::to_string(o.words.size()) + " entries; only the first " +
            std::to_string(kMaxUserWords) + " are used.");
    o.words.resize(kMaxUserWords);
  }
  std::size_t kept = 0, bad_type = 0, bad_text = 0;
  for (std::size_t i = 0; i < o.words.size(); ++i) {
    UserWord& w = o.words[i];
    // Checked without decoding where the bytes decide (a batch passes the same list with every article): a
    // UTF-8 string has no more UTF-16 units than bytes, and a byte of a non-ASCII character is no space.
    bool letters = false, too_long = false;
    if (w.text.size() <= kMaxUserWordLength) {
      for (unsigned char c : w.text) letters |= c >= 0x80 || (c > ' ' && c != 0x7F);
    } else {
      const std::u16string text = decode_utf8_lossy(w.text);
      for (char16_t c : text) letters |= !is_space(c) && c != '\n' && c != '\r' && c != '\t';
      too_long = text.size() > kMaxUserWordLength;
    }
    if (!letters || too_long) {
      ++bad_text;
      continue;
    }
    if (const std::optional<EntityType> type = entity_type_from_json_name(w.type); !w.type.empty() && !(type && is_name(*type))) {
      ++bad_type;
      continue;
    }
    if (kept != i) o.words[kept] = std::move(w);
    ++kept;
  }
  o.words.resize(kept);
  if (bad_text)
    add(doc.out.warnings, "invalid_option",
        std::to_string(bad_text) + " entries of the option words are empty or longer than " +
            std::to_string(kMaxUserWordLength) + " characters; they are ignored.");
  if (bad_type)
    add(doc.out.warnings, "invalid_option",
        std::to_string(bad_type) +
            " entries of the option words have a type other than person, organization or location; they are ignored.");
}

void check_text(Doc& doc) {
  const std::u16string_view s = doc.text.norm;
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
    if (u_isalpha(c)) ++letters;
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
    add(doc.out.warnings, "html_markup",
        "The text contains " + std::to_string(tags) +
            " HTML tags; it was analysed as plain text. Paste the rendered article, not its source.");
  // « and » are TCVN3 letters, but in pairs they are quotation marks («Xin chào»): those do not count.
  tcvn3 -= 2 * std::min(guillemets_open, guillemets_close);
  if (mojibake >= 3 && mojibake * 50 > letters)
    add(doc.out.warnings, "mojibake",
        "The text looks like UTF-8 that was decoded as Windows-1252 (\"Viá»‡t\"); re-decode it as UTF-8.");
  else if (tcvn3 + vni >= 5 && (tcvn3 + vni) * 30 > letters)
    add(doc.out.warnings, "legacy_vietnamese_encoding",
        std::string("The text looks like Vietnamese in the legacy ") + (tcvn3 >= vni ? "TCVN3 (ABC)" : "VNI") +
            " encoding shown as Windows-1252 characters; convert it to Unicode (for example with UniKey's "
            "converter) before analysing it.");
}

}  // namespace article::internal
