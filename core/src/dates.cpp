// Dates and times, resolved against the article's own date (header or dateline) or options.referenceDate.
// Vietnamese writes day before month ("29/12", "4.1.2017"); so does this recognizer, always.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "data.h"
#include "matchers.h"
#include "rule_words.h"
#include "string_table.h"

namespace article::internal {

namespace {

// A date_words.tsv entry, its kind and unit read once into enums.
enum class DateWordKind : std::uint8_t { kPartOfDay, kRelative, kWeekday, kMonthName, kOther };
enum class DateUnit : std::uint8_t { kDay, kWeek, kMonth, kYear, kNone };
struct DateWord {
  DateWordKind kind = DateWordKind::kOther;
  std::string value;                // part of day (morning, …), weekday or month number, or relative offset
  DateUnit unit = DateUnit::kNone;  // relative: "day-1" is kDay and -1
  int delta = 0;
};

const std::unordered_map<std::string, DateWord>& date_words() {
  static const auto words = [] {
    constexpr std::pair<const char*, DateWordKind> kKinds[] = {{"part_of_day", DateWordKind::kPartOfDay},
                                                               {"relative", DateWordKind::kRelative},
                                                               {"weekday", DateWordKind::kWeekday},
                                                               {"month_name", DateWordKind::kMonthName}};
    constexpr std::pair<const char*, DateUnit> kUnits[] = {
        {"day", DateUnit::kDay}, {"week", DateUnit::kWeek}, {"month", DateUnit::kMonth}, {"year", DateUnit::kYear}};
    std::unordered_map<std::string, DateWord> m;
    for (const auto& row : data_rows(data::date_words_tsv)) {
      if (row.size() < 3) continue;
      DateWord w;
      w.value = row[2];
      for (const auto& [name, kind] : kKinds)
        if (row[1] == name) w.kind = kind;
      if (w.kind == DateWordKind::kRelative) {  // "day-1", "week+1", "month0", "year-1"
        const std::size_t digit = std::min(w.value.find_first_of("+-0123456789"), w.value.size());
        for (const auto& [name, unit] : kUnits)
          if (w.value.compare(0, digit, name) == 0) w.unit = unit;
        w.delta = std::atoi(w.value.c_str() + digit);
      }
      m[row[0]] = std::move(w);
    }
    return m;
  }();
  return words;
}

// The longest date_words.tsv phrase at token `at`: its length in tokens and entry.
int date_word_at(const Doc& doc, int at, int end, const DateWord** out) {
  std::string key;
  int best = 0;
  for (int n = 1; n <= 3 && at + n <= end; ++n) {
    const int t = at + n - 1;
    if (!doc.info[t].is_word) break;
    if (n > 1) key += ' ';
    key += doc.info[t].lower();
    if (auto it = date_words().find(key); it != date_words().end()) {
      best = n;
      *out = &it->second;
    }
  }
  return best;
}

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(const std::string& s) { return std::atoi(s.c_str()); }

std::string iso(int y, int m, int d) {
  char buf[48];
  if (y > 0 && m > 0 && d > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  else if (y > 0 && m > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else if (m > 0 && d > 0)
    std::snprintf(buf, sizeof buf, "--%02d-%02d", m, d);
  else if (y > 0)
    std::snprintf(buf, sizeof buf, "%04d", y);
  else
    return {};
  return buf;
}

bool valid_day_month(int d, int m) { return d >= 1 && d <= 31 && m >= 1 && m <= 12; }
bool plausible_year(int y) { return y >= 1800 && y <= 2200; }

int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return days[m - 1];
}

// Adds `delta` days to y-m-d.
// The day of the week of a date, 1 = Monday … 7 = Sunday (Sakamoto's method).
int weekday_of(int y, int m, int d) {
  static constexpr int kOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) --y;
  const int sunday_first = (y + y / 4 - y / 100 + y / 400 + kOffsets[m - 1] + d) % 7;  // 0 = Sunday
  return sunday_first == 0 ? 7 : sunday_first;
}

void add_days(int& y, int& m, int& d, int delta) {
  d += delta;
  while (d < 1) {
    if (--m < 1) {
      m = 12;
      --y;
    }
    d += days_in_month(y, m);
  }
  while (d > days_in_month(y, m)) {
    d -= days_in_month(y, m);
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
}

const std::string& text_of(const Doc& doc, int t) { return doc.info[t].lower(); }

// A calendar date written with numbers starting at token t: "29/12", "29/12/2020", "4.1.2017", "29-12-2020",
// "12/2020" (month/year). ICU keeps "4.1.2017" as one number token; "29/12" is three tokens.
struct NumericDate {
  int length = 0, day = 0, month = 0, year = 0;
};

NumericDate numeric_date(const Doc& doc, int t, int end) {
  NumericDate r;
  if (t >= end || !doc.info[t].is_number) return r;
  const std::string& first = text_of(doc, t);
  // One token with dots: "4.1.2017" or "4.1".
  if (first.find('.') != std::string::npos && first.find(',') == std::string::npos) {
    int parts[3] = {0, 0, 0};
    int count = 0;
    std::size_t start = 0;
    bool ok = true;
    while (ok && count < 3) {
      const std::size_t dot = first.find('.', start);
      const std::string part = first.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      if (!all_digits(part) || part.size() > 4)
        ok = false;
      else
        parts[count++] = to_int(part);
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    // "3.600" is a number, not a date: dates have a 1–2 digit day and month.
    if (ok && count == 3 && valid_day_month(parts[0], parts[1]) && plausible_year(parts[2]) && first.find('.') <= 2) {
      r = {1, parts[0], parts[1], parts[2]};
      return r;
    }
    return r;
  }
  // ISO "2017-05-22" (five tokens: ICU splits at the hyphens).
  if (all_digits(first) && first.size() == 4 && t + 4 < end && text_of(doc, t + 1) == "-" &&
      text_of(doc, t + 3) == "-" && all_digits(text_of(doc, t + 2)) && all_digits(text_of(doc, t + 4)) &&
      doc.tokens[t + 4].span.start - doc.tokens[t].span.end == 4) {  // no spaces inside
    const int y = to_int(first), m = to_int(text_of(doc, t + 2)), d = to_int(text_of(doc, t + 4));
    if (plausible_year(y) && valid_day_month(d, m)) return {5, d, m, y};
  }
  if (!all_digits(first) || first.size() > 2) {
    return r;
  }
  // "29/12[/2020]" or "29-12-2020" (three or five tokens).
  if (t + 2 < end && (text_of(doc, t + 1) == "/" || text_of(doc, t + 1) == "-") &&
      doc.tokens[t + 1].span.start == doc.tokens[t].span.end && doc.info[t + 2].is_number &&
      all_digits(text_of(doc, t + 2)) && doc.tokens[t + 2].span.start == doc.tokens[t + 1].span.end) {
    const int a = to_int(first), b = to_int(text_of(doc, t + 2));
    const std::string sep = text_of(doc, t + 1);
    if (text_of(doc, t + 2).size() == 4 && a >= 1 && a <= 12 && plausible_year(b)) {  // "12/2020": month/year
      r = {3, 0, a, b};
      return r;
    }
    if (!valid_day_month(a, b) || text_of(doc, t + 2).size() > 2) return r;
    r = {3, a, b, 0};
    if (t + 4 < end && text_of(doc, t + 3) == sep && doc.info[t + 4].is_number &&
        doc.tokens[t + 3].span.start == doc.tokens[t + 2].span.end &&
        doc.tokens[t + 4].span.start == doc.tokens[t + 3].span.end) {
      const std::string& y = text_of(doc, t + 4);
      if (all_digits(y) && (y.size() == 4 || y.size() == 2)) {
        r.year = y.size() == 2 ? 2000 + to_int(y) : to_int(y);
        r.length = 5;
      }
    }
    return r;
  }
  return r;
}

// The year written after a date ("… năm 2020", and with `or_separator` "tháng 3/2020", "3-2020"): the word
// for year (or the separator), then a plausible year; advances `i` past it. Without one, the reference year.
int year_after(const Doc& doc, int& i, int end, bool or_separator, const ReferenceDate& ref) {
  if (i + 1 < end && doc.info[i + 1].is_number && plausible_year(to_int(text_of(doc, i + 1)))) {
    const std::string& marker = text_of(doc, i);
    if (is_rule_word(RuleWord::kYearWord, marker) || (or_separator && (marker == "/" || marker == "-"))) {
      const int year = to_int(text_of(doc, i + 1));
      i += 2;
      return year;
    }
  }
  return ref.year;
}

struct Resolved {
  int length = 0;
  int y = 0, m = 0, d = 0;
  std::string part_of_day;
};

// One date expression (no range) at t.
Resolved single_date(const Doc& doc, int t, int end, const ReferenceDate& ref) {
  Resolved r;
  int i = t;
  const DateWord* w = nullptr;
  // Part of day first: "Sáng 29/12", "chiều nay", "tối 7/2".
  if (int n = date_word_at(doc, i, end, &w); n > 0 && w->kind == DateWordKind::kPartOfDay) {
    r.part_of_day = w->value;
    i += n;
    const bool yesterday = i < end && is_rule_word(RuleWord::kDateYesterday, text_of(doc, i));
    if (i < end && (is_rule_word(RuleWord::kDateToday, text_of(doc, i)) || yesterday)) {  // "sáng nay", "tối qua"
      r.y = ref.year, r.m = ref.month, r.d = ref.day;
      if (r.d > 0 && yesterday) add_days(r.y, r.m, r.d, -1);
      if (r.d == 0) r.y = r.m = 0;  // needs a full reference date
      r.length = i + 1 - t;
      return r;
    }
  }
  // Weekday: "thứ Hai", "Chủ nhật" (optionally followed by a date, possibly in brackets or after a comma).
  bool weekday = false;
  if (int n = date_word_at(doc, i, end, &w); n > 0 && w->kind == DateWordKind::kWeekday) {
    weekday = true;
    i += n;
    int j = i;
    if (j < end && (text_of(doc, j) == "," || text_of(doc, j) == "(")) ++j;
    if (j < end && is_rule_word(RuleWord::kDayWord, text_of(doc, j))) ++j;
    if (NumericDate nd = numeric_date(doc, j, end); nd.length > 0 && nd.day > 0) {
      i = j;
    } else {
      // A weekday alone ("on Monday", "hôm thứ Hai") is the nearest day of that name, as news writes them:
      // the last one (the reference's own day included) unless its clause speaks of what will be ("will meet
      // on Friday", "sẽ trở lại vào thứ Sáu": a marker at most six tokens before, no comma between), then
      // the next. Without a full reference it cannot be placed.
      if (ref.day > 0) {
        const int wanted = std::atoi(w->value.c_str());  // 1 = Monday … 7 = Sunday
        const int clause_floor = std::max(doc.sentence_token_begin(doc.tokens[t].sentence), t - 6);
        bool future = false;
        for (int k = t - 1; k >= clause_floor && !future && text_of(doc, k) != ","; --k)
          future = is_rule_word(RuleWord::kFutureMarker, text_of(doc, k));
        const int ahead = (wanted - weekday_of(ref.year, ref.month, ref.day) + 7) % 7;  // 0 … 6 days on
        const int delta = future ? ahead : (ahead == 0 ? 0 : ahead - 7);
        r.y = ref.year, r.m = ref.month, r.d = ref.day;
        add_days(r.y, r.m, r.d, delta);
      }
      r.length = i - t;
      return r;
    }
  }
  if (i < end && is_rule_word(RuleWord::kDayWord, text_of(doc, i))) {
    const int j = i + 1;
    NumericDate nd = numeric_date(doc, j, end);
    if (nd.length == 0 && j < end && doc.info[j].is_number) {  // "ngày 9.7": day.month after "ngày"
      const std::string& w = text_of(doc, j);
      const std::size_t dot = w.find('.');
      if (dot != std::string::npos && dot <= 2 && w.find('.', dot + 1) == std::string::npos &&
          all_digits(w.substr(0, dot)) && all_digits(w.substr(dot + 1)) && w.size() - dot - 1 <= 2 &&
          valid_day_month(to_int(w.substr(0, dot)), to_int(w.substr(dot + 1)))) {
        r.d = to_int(w.substr(0, dot));
        r.m = to_int(w.substr(dot + 1));
        r.y = ref.year;
        r.length = j + 1 - t;
        return r;
      }
    }
    if (nd.length > 0 && nd.day > 0) {
      i = j;
    } else if (j + 2 < end && doc.info[j].is_number && all_digits(text_of(doc, j)) &&
               is_rule_word(RuleWord::kMonthWord, text_of(doc, j + 1)) && doc.info[j + 2].is_number) {
      // "ngày 15 tháng 3 [năm 2020]"
      r.d = to_int(text_of(doc, j));
      r.m = to_int(text_of(doc, j + 2));
      if (!valid_day_month(r.d, r.m)) return Resolved{};
      i = j + 3;
      r.y = year_after(doc, i, end, false, ref);
      r.length = i - t;
      return r;
    } else if (int n = date_word_at(doc, j, end, &w); n > 0 && w->kind == DateWordKind::kRelative) {
      i = j;  // "ngày hôm qua"
    }
  }
  if (NumericDate nd = numeric_date(doc, i, end); nd.length > 0) {
    r.d = nd.day;
    r.m = nd.month;
    r.y = nd.year > 0 ? nd.year : ref.year;
    if (nd.day > 0 && nd.year == 0 && ref.year > 0 && ref.month > 0 && nd.month > ref.month + 1) {
      // "29/12" in an article of January: last year's December.
      r.y = ref.year - 1;
    }
    r.length = i + nd.length - t;
    if (r.part_of_day.empty() && !weekday && t == i && nd.year == 0 && nd.length == 3) {
      // A bare "6/2" could be a score or a fraction: accept it only when nothing else explains it.
      const std::string& before = t > 0 ? text_of(doc, t - 1) : std::string();
      if (is_rule_word(RuleWord::kRatioWord, before)) return Resolved{};
    }
    return r;
  }
  if (i < end && is_rule_word(RuleWord::kMonthWord, text_of(doc, i))) {
    const int j = i + 1;
    if (j < end && doc.info[j].is_number) {
      NumericDate nd = numeric_date(doc, j, end);
      if (nd.length == 3 && nd.day == 0) {  // "tháng 3/2020"
        r.m = nd.month, r.y = nd.year;
        r.length = j + 3 - t;
        return r;
      }
      const int m = all_digits(text_of(doc, j)) ? to_int(text_of(doc, j)) : 0;
      if (m >= 1 && m <= 12) {
        r.m = m;
        i = j + 1;
        r.y = year_after(doc, i, end, true, ref);
        r.length = i - t;
        return r;
      }
    }
  }
  if (i < end && is_rule_word(RuleWord::kYearWord, text_of(doc, i)) && i + 1 < end && doc.info[i + 1].is_number &&
      text_of(doc, i + 1).size() == 4 && plausible_year(to_int(text_of(doc, i + 1)))) {
    r.y = to_int(text_of(doc, i + 1));
    r.length = i + 2 - t;
    return r;
  }
  if (int n = date_word_at(doc, i, end, &w); n > 0 && w->kind == DateWordKind::kRelative) {
    const DateUnit unit = w->unit;
    const int delta = w->delta;
    if (unit == DateUnit::kDay && ref.day > 0) {
      r.y = ref.year, r.m = ref.month, r.d = ref.day;
      add_days(r.y, r.m, r.d, delta);
    } else if (unit == DateUnit::kWeek && ref.day > 0) {
      r.y = ref.year, r.m = ref.month, r.d = ref.day;
      add_days(r.y, r.m, r.d, 7 * delta);
      r.d = 0;  // a week is vaguer than a day: report its month
    } else if (unit == DateUnit::kMonth && ref.month > 0) {
      r.y = ref.year;
      r.m = ref.month + delta;
      while (r.m < 1) {
        r.m += 12;
        --r.y;
      }
      while (r.m > 12) {
        r.m -= 12;
        ++r.y;
      }
    } else if (unit == DateUnit::kYear && ref.year > 0) {
      r.y = ref.year + delta;
    }
    r.length = i + n - t;
    return r;
  }
  // English: "January 5, 2021", "5 January 2021", "January 2021".
  if (int n = date_word_at(doc, i, end, &w); n > 0 && w->kind == DateWordKind::kMonthName && doc.info[i].upper_start) {
    r.m = std::atoi(w->value.c_str());
    int j = i + n;
    if (j < end && text_of(doc, j) == ".") ++j;
    if (j < end && doc.info[j].is_number && all_digits(text_of(doc, j)) && text_of(doc, j).size() <= 2) {
      r.d = to_int(text_of(doc, j));
      ++j;
      if (j + 1 < end && text_of(doc, j) == "," && plausible_year(to_int(text_of(doc, j + 1)))) {
        r.y = to_int(text_of(doc, j + 1));
        j += 2;
      } else {
        r.y = ref.year;
      }
    } else if (j < end && text_of(doc, j).size() == 4 && plausible_year(to_int(text_of(doc, j)))) {
      r.y = to_int(text_of(doc, j));
      ++j;
    } else {
      return Resolved{};  // "May" alone is too ambiguous
    }
    r.length = j - t;
    return r;
  }
  if (!r.part_of_day.empty() && i > t) {  // "sáng" alone is not a date
    return Resolved{};
  }
  return r;
}

// "10h30", "10h", "14:00", "10 giờ 30", "9 giờ sáng".
// English words after an hour that name the half of the day ("p.m" → "pm").
const std::unordered_map<std::string, std::string>& english_half_day_words() {
  static const auto& words = data_map(data::en_time_words_tsv, true);
  return words;
}

Match time_at(const Doc& doc, int t, int end) {
  Match m;
  // ICU keeps "18h" and "10h30" as one token (digits joined to letters), so look at the token's text.
  const std::string& w = text_of(doc, t);
  int h = -1, mi = 0, len = 0;
  // "10h30", "10h": a token of digits, 'h', optional digits.
  const std::size_t hpos = w.find('h');
  if (hpos != std::string::npos && hpos > 0 && hpos <= 2 && all_digits(w.substr(0, hpos)) &&
      (hpos + 1 == w.size() || (all_digits(w.substr(hpos + 1)) && w.size() - hpos - 1 <= 2))) {
    h = to_int(w.substr(0, hpos));
    mi = hpos + 1 < w.size() ? to_int(w.substr(hpos + 1)) : 0;
    len = 1;
  } else if (all_digits(w) && w.size() <= 2 && t + 2 < end && text_of(doc, t + 1) == ":" &&
             all_digits(text_of(doc, t + 2)) && text_of(doc, t + 2).size() == 2 &&
             doc.tokens[t + 1].span.start == doc.tokens[t].span.end) {
    h = to_int(w);
    mi = to_int(text_of(doc, t + 2));
    len = 3;
  } else if (all_digits(w) && w.size() <= 2 && t + 1 < end && doc.english() &&
             english_half_day_words().count(text_of(doc, t + 1))) {
    h = to_int(w);  // "7 p.m.": the half of the day is read below
    len = 1;
  } else if (all_digits(w) && w.size() <= 2 && t + 1 < end && is_rule_word(RuleWord::kHourWord, text_of(doc, t + 1))) {
    h = to_int(w);
    len = 2;
    if (t + 3 < end && doc.info[t + 2].is_number && all_digits(text_of(doc, t + 2)) &&
        is_rule_word(RuleWord::kMinuteWord, text_of(doc, t + 3))) {
      mi = to_int(text_of(doc, t + 2));
      len = 4;
    }
  }
  // English: "7 p.m.", "10:30 a.m.", "9 am" (en_time_words.tsv: the words and the half of the day they name).
  if (h >= 0 && t + len < end && doc.english()) {
    const auto& halves = english_half_day_words();
    if (const auto half = halves.find(text_of(doc, t + len)); half != halves.end() && h >= 1 && h <= 12) {
      if (half->second == "pm" && h < 12) h += 12;
      if (half->second == "am" && h == 12) h = 0;
      ++len;
      // "p.m" and its full stop, unless the stop ends the sentence ("… at 8 p.m.").
      if (t + len + 1 < end && text_of(doc, t + len) == "." &&
          doc.tokens[t + len].span.start == doc.tokens[t + len - 1].span.end)
        ++len;
    }
  }
  if (h < 0 || h > 24 || mi > 59) return m;
  char buf[24];  // room for any two ints (the compiler cannot see h ≤ 24 and mi ≤ 59 here)
  std::snprintf(buf, sizeof buf, "%02d:%02d", h, mi);
  m.length = len;
  m.type = EntityType::kTime;
  m.value.time = buf;
  const DateWord* dw = nullptr;
  if (int n = date_word_at(doc, t + len, end, &dw); n > 0 && dw->kind == DateWordKind::kPartOfDay) {
    m.value.part_of_day = dw->value;
    m.length += n;
  }
  return m;
}

}  // namespace

ReferenceDate parse_reference(const std::string& s) {
  ReferenceDate r;
  if (s.size() >= 4 && all_digits(s.substr(0, 4))) r.year = to_int(s.substr(0, 4));
  if (s.size() >= 7 && s[4] == '-' && all_digits(s.substr(5, 2))) r.month = to_int(s.substr(5, 2));
  if (s.size() >= 10 && s[7] == '-' && all_digits(s.substr(8, 2))) r.day = to_int(s.substr(8, 2));
  if (r.month < 1 || r.month > 12) r.month = 0, r.day = 0;
  if (r.day < 1 || r.day > 31) r.day = 0;
  return r;
}

// English: a year after a preposition or a determiner ("in 2028", "the 2022 report"); in Vietnamese a year is
// "năm 2028", which the rules above read.
Match english_year_at(const Doc& doc, int at) {
  static const auto& prepositions = data_set(data::en_words_before_year_txt, true);
  Match m;
  const std::string& w = text_of(doc, at);
  if (!doc.english() || at == 0 || !doc.info[at].is_number || w.size() != 4 || !all_digits(w)) return m;
  if (doc.tokens[at - 1].sentence != doc.tokens[at].sentence || !prepositions.count(text_of(doc, at - 1))) return m;
  const int year = std::atoi(w.c_str());
  if (year < 1800 || year > 2199) return m;
  m.length = 1;
  m.type = EntityType::kDate;
  m.value.date = w;
  return m;
}

Match match_date(const Doc& doc, int at, int end, const ReferenceDate& ref) {
  // Dates start with a number or a date word; skip every other token cheaply.
  static const auto starters = [] {
    StringTable<char> m;
    for (const RuleWord role : {RuleWord::kRangeFrom, RuleWord::kDayWord, RuleWord::kMonthWord, RuleWord::kYearWord})
      for (const std::string& word : rule_words(role)) m.try_emplace(word);
    for (const auto& [phrase, entry] : date_words())
      m.try_emplace(std::string_view(phrase).substr(0, phrase.find(' ')));
    return m;
  }();
  if (!doc.info[at].is_number && !starters.contains(text_of(doc, at)) &&
      !(doc.info[at].is_word && !text_of(doc, at).empty() && text_of(doc, at)[0] >= '0' && text_of(doc, at)[0] <= '9'))
    return {};
  if (Match t = time_at(doc, at, end); t.length > 0) return t;
  if (Match y = english_year_at(doc, at); y.length > 0) return y;
  int start = at;
  bool range = false;
  if (is_rule_word(RuleWord::kRangeFrom, text_of(doc, at)) &&
      at + 1 < end) {  // "từ ngày 4.1.2017 - 4.1.2018", "từ 4/1 đến 6/1"
    range = true;
    start = at + 1;
  }
  Resolved first = single_date(doc, start, end, ref);
  if (first.length == 0) return {};
  Match m;
  m.type = EntityType::kDate;
  m.length = start + first.length - at;
  m.value.date = iso(first.y, first.m, first.d);
  m.value.part_of_day = first.part_of_day;
  int next = start + first.length;
  if (next + 1 < end && is_rule_word(RuleWord::kRangeTo, text_of(doc, next))) {
    ReferenceDate second_ref = ref;
    Resolved second = single_date(doc, next + 1, end, second_ref);
    if (second.length > 0 && (range || text_of(doc, next) != "-" || second.y > 0)) {
      // "4/1 - 6/1/2017": the first date borrows the year of the second.
      if (first.y == ref.year && second.y > 0 && second.y != ref.year) first.y = second.y;
      m.value.date = iso(first.y, first.m, first.d);
      m.value.date_end = iso(second.y, second.m, second.d);
      m.length = next + 1 + second.length - at;
    }
  }
  // "từ" alone does not make a range: let the date match at the next token instead.
  if (range && m.value.date_end.empty()) return {};
  return m;
}

}  // namespace article::internal
