// Stage 01, check_options: a value out of its range is an invalid_option warning, and its default is used.
#include <algorithm>
#include <string>

#include "pipeline.h"

namespace article::internal {

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

Options check_options(Options o, Problems& problems) {
  if (o.language != "auto" && o.language != "vi" && o.language != "en") {
    add_message(problems.warnings, "invalid_option",
                "The option language is \"" + o.language + "\", not auto, vi or en; the language is detected.");
    o.language = "auto";
  }
  if (!o.reference_date.empty() && !is_iso_date(o.reference_date)) {
    add_message(problems.warnings, "invalid_option",
                "The option referenceDate is \"" + o.reference_date +
                    "\", not a date written YYYY-MM-DD (or YYYY-MM, YYYY); it is ignored.");
    o.reference_date.clear();
  }
  // User words: a type the analysis has, a length a word can have, and no more of them than the limit.
  if (o.words.size() > kMaxUserWords) {
    add_message(problems.warnings, "invalid_option",
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
    if (const std::optional<EntityType> type = entity_type_from_json_name(w.type);
        !w.type.empty() && !(type && is_name(*type))) {
      ++bad_type;
      continue;
    }
    if (kept != i) o.words[kept] = std::move(w);
    ++kept;
  }
  o.words.resize(kept);
  if (bad_text)
    add_message(problems.warnings, "invalid_option",
                std::to_string(bad_text) + " entries of the option words are empty or longer than " +
                    std::to_string(kMaxUserWordLength) + " characters; they are ignored.");
  if (bad_type)
    add_message(
        problems.warnings, "invalid_option",
        std::to_string(bad_type) +
            " entries of the option words have a type other than person, organization or location; they are ignored.");
  return o;
}

}  // namespace article::internal
