// Stage 07: split_sentences.
//
// Sentences: ICU's sentence rules, then Vietnamese news conventions ICU does not know.
//
// ICU already keeps "TP.HCM", "4.1.2017", "3.600", "2,4" and a closing ” with their sentence. On top of it:
//  - no break after an abbreviation that ends in "." ("PGS.TS. Nguyễn", "TP. Hà Nội", "Mr. Smith");
//  - no sentence starts with a lowercase letter ("“Sao vậy?” anh hỏi");
//  - "…" or "..." followed by a capitalized word ends a sentence (ICU does not treat "…" as a terminator);
//  - a photo credit ends its caption even without a full stop ("… tối 7/2. Ảnh: Gia Khánh Chiến thắng …"),
//    and a credit standing alone ("Ảnh: VNE.") joins the caption before it;
//  - sentences never cross a paragraph (line) break, and the header "date YYYY-MM" is not part of one.
// In English text, abbreviations follow their class (en_abbreviations.tsv, from pySBD): a title never ends a
// sentence, one that may end a sentence ends one only before a word that starts sentences
// (en_sentence_starters.txt: "… in the U.S. The rest …", but "the U.S. Army"); and the items of a numbered
// or lettered list written on one line are sentences of their own ("1. Open the box 2. Remove the tray").
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "captions.h"
#include "data.h"
#include "names.h"
#include "pipeline.h"
#include "scan.h"

namespace article::internal {

namespace {

struct Piece {
  std::int64_t start, end;
  int paragraph;
};

std::vector<Piece> icu_sentences(const Doc& doc) {
  std::vector<Piece> out;
  const std::u16string& s = doc.text.norm;
  UErrorCode status = U_ZERO_ERROR;
  static thread_local std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (!it || U_FAILURE(status)) return out;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, reinterpret_cast<const UChar*>(s.data()), static_cast<int64_t>(s.size()), &status);
  it->setText(&ut, status);
  if (U_FAILURE(status)) return out;
  std::size_t para = 0;
  for (int32_t a = it->first(), b = it->next(); b != icu::BreakIterator::DONE; a = b, b = it->next()) {
    std::int64_t start = a, end = b;
    if (doc.header.end > 0 && start < doc.header.end) start = std::min<std::int64_t>(doc.header.end, end);
    trim(s, start, end);
    if (start >= end) continue;
    while (para < doc.paragraphs.size() && doc.paragraphs[para].end <= start) ++para;
    if (para >= doc.paragraphs.size()) break;
    out.push_back({start, end, static_cast<int>(para)});
  }
  utext_close(&ut);
  return out;
}

// The last white-space-delimited word before `end`, without opening brackets or quotes. Abbreviations are
// short: a "word" longer than kLongestWord is no abbreviation, and looking no further keeps merging a long
// run of pieces linear.
constexpr std::int64_t kLongestWord = 32;
std::u16string_view last_word(std::u16string_view s, std::int64_t start, std::int64_t end) {
  std::int64_t b = end;
  while (b > start && end - b <= kLongestWord && !is_space(s[b - 1]) && !is_line_break(s[b - 1])) --b;
  while (b < end && is_opening_punct(s[b])) ++b;
  return s.substr(b, end - b);
}

bool ends_with_nonfinal_abbreviation(std::u16string_view s, const Piece& p) {
  static const auto& abbreviations = data_set(data::nonfinal_abbreviations_txt);
  const auto w = last_word(s, p.start, p.end);
  if (w.empty() || w.back() != '.') return false;
  // An initial: "N. Hiếu", "J. Smith".
  if (w.size() == 2 && u_isupper(w[0])) return true;
  return abbreviations.count(to_utf8(w)) > 0;
}

// ----- English -----

enum class AbbreviationClass { kNone, kPrepositive, kNumber, kOther, kFinal };

AbbreviationClass english_abbreviation_class(const std::string& lowercase_without_dot) {
  static const auto table = [] {
    constexpr std::pair<const char*, AbbreviationClass> kNames[] = {{"prepositive", AbbreviationClass::kPrepositive},
                                                                    {"number", AbbreviationClass::kNumber},
                                                                    {"other", AbbreviationClass::kOther},
                                                                    {"final", AbbreviationClass::kFinal}};
    std::unordered_map<std::string, AbbreviationClass> m;
    // pySBD's lists, then ours, which may override a class.
    for (DataFile file : {data::en_abbreviations_tsv, data::en_abbreviations_ours_tsv})
      for (const auto& row : data_rows(file))
        for (const auto& [name, kind] : kNames)
          if (row.size() > 1 && row[1] == name) m[row[0]] = kind;
    return m;
  }();
  const auto it = table.find(lowercase_without_dot);
  return it == table.end() ? AbbreviationClass::kNone : it->second;
}

// The first word of a piece, up to a space or a punctuation mark, after opening brackets and quotes.
std::u16string_view first_word(std::u16string_view s, const Piece& p) {
  std::int64_t a = p.start;
  while (a < p.end && is_opening_punct(s[a])) ++a;
  std::int64_t b = a;
  while (b < p.end && (u_isalnum(s[b]) || s[b] == '\'' || s[b] == 0x2019)) ++b;
  return s.substr(a, b - a);
}

// "U.S", "e.g", "Ph.D": runs of one to three letters with single full stops between them ("waited.." is none).
bool dotted_letters(std::u16string_view w) {
  int run = 0, dots = 0;
  for (char16_t c : w) {
    if (c == '.') {
      if (run == 0) return false;
      run = 0;
      ++dots;
    } else if (u_isalpha(c) && ++run <= 3) {
      continue;
    } else {
      return false;
    }
  }
  return dots > 0 && run > 0;
}

// Whether the full stop ending English piece `a` belongs to an abbreviation that continues into `b`.
bool english_abbreviation_continues(std::u16string_view s, const Piece& a, const Piece& b) {
  static const auto& starters = data_set(data::en_sentence_starters_txt);
  static const auto& nonfinal = data_set(data::nonfinal_abbreviations_txt);
  const auto w = last_word(s, a.start, a.end);
  if (w.size() < 2 || w.back() != '.') return false;
  const auto stem = w.substr(0, w.size() - 1);
  const auto next = first_word(s, b);
  const bool digit_next = !next.empty() && u_isdigit(next[0]);
  const bool starts_sentence = !next.empty() && starters.count(to_utf8(next)) > 0;
  // An initial ("K. Reyes", "J. K. Rowling"); "you and I. Did …" ends.
  if (stem.size() == 1 && u_isupper(stem[0])) return !starts_sentence;
  switch (english_abbreviation_class(lower_utf8(stem))) {
    case AbbreviationClass::kPrepositive:
      return true;
    case AbbreviationClass::kNumber:
      if (digit_next) return true;
      break;
    case AbbreviationClass::kOther:
      if (digit_next) return true;
      break;
    case AbbreviationClass::kFinal:  // "at 8 p.m. Counting began": a capital starts the next sentence
      return false;
    case AbbreviationClass::kNone:
      break;
  }
  // Ours ("Inc.", "U.S.", "Jan.") and dotted letters may end a sentence: only a sentence starter says so.
  if (nonfinal.count(to_utf8(w)) || dotted_letters(stem)) return !starts_sentence;
  return false;
}

// A list item's marker at `at`: "1." "12.)" "3)" or a lowercase letter "a." "b)", then a space; its number
// (letters count from 1) and its length, or 0.
struct ListMarker {
  int number = 0;
  std::int64_t length = 0;
  char16_t close = 0;  // '.', ')' or 'p' for ".)"
};
ListMarker list_marker_at(std::u16string_view s, std::int64_t at, std::int64_t end) {
  ListMarker m;
  std::int64_t i = at;
  if (i < end && s[i] >= 'a' && s[i] <= 'z') {
    m.number = s[i] - 'a' + 1;
    ++i;
  } else {
    while (i < end && i - at < 2 && s[i] >= '0' && s[i] <= '9') m.number = m.number * 10 + (s[i++] - '0');
  }
  if (m.number == 0 || i == at) return {};
  if (i + 1 < end && s[i] == '.' && s[i + 1] == ')')
    m.close = 'p', i += 2;
  else if (i < end && (s[i] == '.' || s[i] == ')'))
    m.close = s[i++];
  else
    return {};
  if (i >= end || !is_space(s[i])) return {};
  if (at > 0 && !is_space(s[at - 1]) && !is_opening_punct(s[at - 1])) return {};
  m.length = i - at;
  return m;
}

// A piece that is nothing but a list marker ("1." before "Open the box"), or an item whose last word is the
// next item's marker ("1. Open the box 2."): the list goes on in the next piece.
bool english_list_continues(std::u16string_view s, const Piece& a) {
  // The marker's space may follow the piece ("1." before "Open the box"): look one unit past its end.
  const std::int64_t limit = std::min<std::int64_t>(a.end + 1, static_cast<std::int64_t>(s.size()));
  const ListMarker first = list_marker_at(s, a.start, limit);
  if (first.number == 0) return false;
  if (a.start + first.length >= a.end) return true;  // the marker alone
  std::int64_t b = a.end;
  while (b > a.start && !is_space(s[b - 1])) --b;
  const ListMarker last = list_marker_at(s, b, limit);
  return last.number > first.number && last.close == first.close;  // 1. … 2. … 3.: split_english_lists cuts
}

// Splits each piece that starts with a list marker before the next item's marker ("2.", "b)", …).
void split_english_lists(std::u16string_view s, std::vector<Piece>& pieces) {
  std::vector<Piece> out;
  for (const Piece& p : pieces) {
    ListMarker marker = list_marker_at(s, p.start, p.end);
    std::int64_t start = p.start;
    for (std::int64_t i = p.start + 1; marker.number > 0 && i < p.end; ++i) {
      if (!is_space(s[i - 1])) continue;
      const ListMarker next = list_marker_at(s, i, p.end);
      if (next.number != marker.number + 1 || next.close != marker.close) continue;
      std::int64_t item_end = i;
      trim(s, start, item_end);
      out.push_back({start, item_end, p.paragraph});
      start = i;
      marker = next;
    }
    out.push_back({start, p.end, p.paragraph});
  }
  pieces.swap(out);
}

// ----- all languages -----

bool starts_lowercase(std::u16string_view s, const Piece& p) {
  const char32_t c = first_letter(s, p.start, p.end);
  return c != 0 && u_islower(c);
}

// Splits after "…"/"..." when a capitalized word follows.
void split_after_ellipsis(std::u16string_view s, std::vector<Piece>& pieces) {
  std::vector<Piece> out;
  for (const Piece& p : pieces) {
    std::int64_t start = p.start;
    for (std::int64_t i = p.start; i < p.end; ++i) {
      const bool ellipsis = s[i] == u'…' || (s[i] == '.' && i + 2 < p.end && s[i + 1] == '.' && s[i + 2] == '.');
      if (!ellipsis) continue;
      std::int64_t after = i + (s[i] == u'…' ? 1 : 3);
      while (after < p.end && s[after] == '.') ++after;
      std::int64_t next = after;
      while (next < p.end && is_space(s[next])) ++next;
      // The dot run is looked at once, whatever follows it.
      i = after - 1;
      if (next == after || next >= p.end) continue;  // needs a space, then more text
      const char32_t c = first_letter(s, next, std::min(p.end, next + 1));
      if (c != 0 && (u_isupper(c) || u_istitle(c))) {
        out.push_back({start, after, p.paragraph});
        start = next;
      }
    }
    out.push_back({start, p.end, p.paragraph});
  }
  pieces.swap(out);
}

// Ends a caption at its credit when running text follows it on the same line.
void split_after_credits(std::u16string_view s, std::vector<Piece>& pieces) {
  std::vector<Piece> out;
  for (const Piece& p : pieces) {
    std::int64_t start = p.start;   // where the current piece begins
    std::int64_t search = p.start;  // where to look for the next marker
    while (search < p.end) {
      const auto m = find_credit(s, search, p.end);
      if (!m) break;
      search = std::max(m->end, m->marker_start + 1);
      std::int64_t next = m->end;
      while (next < p.end && (is_space(s[next]) || s[next] == '.')) ++next;
      if (next >= p.end) break;
      const char32_t c = first_letter(s, next, p.end);
      const bool digit = s[next] >= '0' && s[next] <= '9';  // "(Ảnh minh họa) 5 huy chương bạc …"
      // Only a capital (or a figure) after the credit starts a new sentence; "(Ảnh minh họa) và …" does not.
      if (!digit && (c == 0 || !(u_isupper(c) || u_istitle(c)))) continue;
      out.push_back({start, m->end, p.paragraph});
      start = next;
    }
    if (start < p.end) out.push_back({start, p.end, p.paragraph});
  }
  pieces.swap(out);
}

bool is_bare_credit(std::u16string_view s, const Piece& p) {
  const auto m = find_credit(s, p.start, p.end);
  return m && m->marker_start == p.start && m->end >= p.end - 1;
}

// A byline run into the article's last sentence with no mark between them ("… của chân dài hot nhất thế giới
// Hương Giang", "… TP.HCM – Đồng Tháp Bảo Nghi"): the text's last piece ends, without a full stop, in two or
// three capitalized words that read as a Vietnamese personal name, after a word that cannot be part of that
// name (a lowercase word, a closing mark, or a place name). They become a sentence of their own, which the
// block stage then reads as the byline.
void split_glued_byline(std::u16string_view s, std::vector<Piece>& pieces) {
  if (pieces.empty()) return;
  Piece& last = pieces.back();
  std::int64_t end = last.end, start = last.start;
  trim(s, start, end);
  if (end <= start || is_terminal_punct(s[end - 1]) || s[end - 1] == ')' || s[end - 1] == 0x201D) return;
  // The last five chunks, from the end.
  std::vector<Chunk> tail;
  for (std::int64_t e = end; e > start && tail.size() < 5;) {
    std::int64_t b = e;
    while (b > start && !is_space(s[b - 1]) && !is_line_break(s[b - 1])) --b;
    tail.push_back({b, e});
    e = b;
    while (e > start && (is_space(s[e - 1]) || is_line_break(s[e - 1]))) --e;
  }
  auto word_at = [&](std::size_t k) { return s.substr(tail[k].start, tail[k].end - tail[k].start); };
  auto name_word = [&](std::size_t k) {
    const auto w = word_at(k);
    if (!is_upper_start(w)) return false;
    for (char16_t c : w)
      if (!u_isalpha(c)) return false;
    return true;
  };
  static const auto& places = data_map(data::places_tsv);
  for (std::size_t words = 3; words >= 2; --words) {
    if (tail.size() < words + 2) continue;  // a byline alone is already its own sentence
    bool all_names = true;
    for (std::size_t k = 0; k < words; ++k) all_names &= name_word(k);
    if (!all_names) continue;
    const std::int64_t name_start = tail[words - 1].start;
    if (!reads_as_personal_name(s.substr(name_start, end - name_start))) continue;
    // What stands before the name must not be part of it.
    const auto before = word_at(words);
    bool separate = !is_upper_start(before) || !u_isalpha(before.back());
    if (!separate && tail.size() > words + 1)  // "Đồng Tháp Bảo Nghi": a place name ends right before
      separate = places.count(to_utf8(s.substr(tail[words + 1].start, tail[words].end - tail[words + 1].start))) > 0;
    if (!separate) continue;
    Piece byline{name_start, last.end, last.paragraph};
    last.end = tail[words].end;
    pieces.push_back(byline);
    return;
  }
}

}  // namespace

std::vector<Sentence> split_sentences(const Doc& doc, Problems& problems) {
  const std::u16string_view s = doc.text.norm;
  std::vector<Piece> pieces = icu_sentences(doc);
  split_after_ellipsis(s, pieces);

  split_after_credits(s, pieces);
  // Merge what should not have been split.
  const bool english = doc.out.language == "en";
  auto continues = [&](const Piece& a, const Piece& b) {
    if (english) return english_abbreviation_continues(s, a, b) || english_list_continues(s, a);
    return ends_with_nonfinal_abbreviation(s, a);
  };
  std::vector<Piece> merged;
  for (const Piece& p : pieces) {
    if (!merged.empty() && merged.back().paragraph == p.paragraph &&
        (continues(merged.back(), p) || starts_lowercase(s, p) || is_bare_credit(s, p))) {
      merged.back().end = p.end;
      continue;
    }
    merged.push_back(p);
  }
  if (english) split_english_lists(s, merged);

  split_glued_byline(s, merged);
  std::vector<Sentence> sentences;
  if (over_limit(problems, "sentences", merged.size(), kMaxSentences)) return sentences;

  for (const Piece& p : merged) {
    std::int64_t start = p.start, end = p.end;
    trim(s, start, end);
    if (start < end) sentences.push_back({doc.span(start, end), -1});
  }
  return sentences;
}

}  // namespace article::internal
