#include "word_breaks.h"

#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <string_view>

namespace article::internal {

namespace {

// Letters of the Latin blocks (Word_Break=ALetter, no dictionary): ASCII, Latin-1 (less × and ÷), Latin
// Extended-A and -B, Latin Extended Additional (Vietnamese's precomposed letters). Every code point in these
// ranges is an assigned letter.
bool latin_letter(char16_t c) {
  if (c < 0x80) return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
  if (c < 0xC0) return false;
  if (c <= 0x24F) return c != 0xD7 && c != 0xF7;
  return c >= 0x1E00 && c <= 0x1EFF;
}

// Punctuation that the word-break rules never join to what stands on either side of it (Word_Break=Other),
// or join only when it stands between two letters or two digits (the mid-word marks, mid_word()).
constexpr std::u16string_view kEdgePunctuation =
    u"!\"%&'()*,-./:;?[]\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u00AB\u00BB";
struct AsciiSet {
  bool has[0x80] = {};
  constexpr explicit AsciiSet(std::u16string_view chars) {
    for (char16_t c : chars)
      if (c < 0x80) has[c] = true;
  }
};
constexpr AsciiSet kAsciiEdgePunctuation(kEdgePunctuation);
bool edge_punctuation(char16_t c) {
  if (c < 0x80) return kAsciiEdgePunctuation.has[c];
  return c >= 0xAB && kEdgePunctuation.find(c) != std::u16string_view::npos;
}

// Whether ICU would attach the character at text[i] to the space before it (WB4: Extend, Format, ZWJ), which
// makes the space no boundary between chunks.
bool extends_previous(std::u16string_view text, std::int32_t i) {
  const char16_t c = text[i];
  if (c < 0x300) return c == 0xAD;  // the soft hyphen is Format; nothing else below U+0300 extends
  UChar32 cp = c;
  if (U16_IS_LEAD(c) && static_cast<std::size_t>(i) + 1 < text.size() && U16_IS_TRAIL(text[i + 1]))
    cp = U16_GET_SUPPLEMENTARY(c, text[i + 1]);  // emoji modifiers and tags extend too
  const auto wb = u_getIntPropertyValue(cp, UCHAR_WORD_BREAK);
  return wb == U_WB_EXTEND || wb == U_WB_FORMAT || wb == U_WB_ZWJ;
}

void icu_segments(std::u16string_view text, std::int32_t offset, icu::BreakIterator& it,
                  std::vector<WordSegment>& out) {
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, reinterpret_cast<const UChar*>(text.data()), static_cast<int64_t>(text.size()), &status);
  it.setText(&ut, status);
  if (U_SUCCESS(status))
    for (int32_t a = it.first(), b = it.next(); b != icu::BreakIterator::DONE; a = b, b = it.next())
      out.push_back({offset + a, offset + b, it.getRuleStatus()});
  utext_close(&ut);
}

enum class Unit : std::uint8_t { kLetter, kDigit, kPunctuation, kOther };

// Whether mark c joins the letters (or digits) on either side of it into one segment: '.', '‘', '’'
// (MidNumLet) and '\'' (Single_Quote) join both; ',' and ';' (MidNum) join digits only (WB6, WB7, WB11, WB12).
bool joins(Unit around, char16_t c) {
  if (c == u'.' || c == u'\'' || c == u'\u2018' || c == u'\u2019') return true;
  return around == Unit::kDigit && (c == u',' || c == u';');
}
// A mid-word mark: one of those, or ':' (MidLetter, which some tailorings leave out). Between two letters or two
// digits where joins() does not join, ICU decides.
bool mid_word(char16_t c) { return c == u':' || joins(Unit::kDigit, c); }
Unit unit_of(char16_t c) {
  if (latin_letter(c)) return Unit::kLetter;
  if (c >= u'0' && c <= u'9') return Unit::kDigit;
  return edge_punctuation(c) ? Unit::kPunctuation : Unit::kOther;
}

// Segments the chunk [a, b) of `text` (no U+0020 in it) into `out` when the word-break rules split it in only
// one way: it holds only Latin letters, ASCII digits and edge punctuation, and no letter touches a digit (WB9,
// WB10 would join them). Then each run of letters, with the marks that join letters inside it, is a word
// (UBRK_WORD_LETTER); each run of digits, with the marks that join digits, a number (UBRK_WORD_NUMBER); each
// other mark a segment of its own (UBRK_WORD_NONE). False, with `out` as it was, for any other chunk, and for
// a mark between two letters or two digits that joins() does not decide.
bool simple_chunk(std::u16string_view text, std::int32_t a, std::int32_t b, std::vector<WordSegment>& out) {
  const std::size_t mark = out.size();
  auto fail = [&] {
    out.resize(mark);
    return false;
  };
  Unit before = Unit::kOther;  // the unit of text[i - 1]; kOther at the chunk's start
  for (std::int32_t i = a; i < b;) {
    const Unit unit = unit_of(text[i]);
    if (unit == Unit::kOther) return fail();
    if (unit == Unit::kPunctuation) {
      const bool between_like =
          i + 1 < b && (before == Unit::kLetter || before == Unit::kDigit) && unit_of(text[i + 1]) == before;
      if (between_like && mid_word(text[i])) return fail();
      out.push_back({i, i + 1, UBRK_WORD_NONE});
      before = unit;
      ++i;
      continue;
    }
    if (before == Unit::kLetter || before == Unit::kDigit) return fail();  // a letter next to a digit
    std::int32_t end = i + 1;
    while (end < b && unit_of(text[end]) == unit) ++end;
    // A mark that joins two letters ("don't", "U.S", "Afghanistan's") or two digits ("3.600", "2,4") keeps
    // the run going (WB6, WB7, WB11, WB12).
    while (end + 1 < b && joins(unit, text[end]) && unit_of(text[end + 1]) == unit) {
      end += 2;
      while (end < b && unit_of(text[end]) == unit) ++end;
    }
    out.push_back({i, end, unit == Unit::kLetter ? UBRK_WORD_LETTER : UBRK_WORD_NUMBER});
    before = unit;
    i = end;
  }
  return true;
}

}  // namespace

void word_segments(std::u16string_view text, icu::BreakIterator& it, std::vector<WordSegment>& out, bool icu_only) {
  out.clear();
  const auto n = static_cast<std::int32_t>(text.size());
  if (!icu_only)
    for (std::int32_t i = 0; i + 1 < n; ++i)
      if (text[i] == u' ' && extends_previous(text, i + 1)) icu_only = true;
  if (icu_only) {
    if (n > 0) icu_segments(text, 0, it, out);
    return;
  }
  // Chunk by chunk (the runs of characters between runs of U+0020): segmented here when simple, by ICU
  // otherwise.
  for (std::int32_t i = 0; i < n;) {
    if (text[i] == u' ') {
      ++i;
      continue;
    }
    std::int32_t end = i + 1;
    while (end < n && text[end] != u' ') ++end;
    if (!simple_chunk(text, i, end, out)) icu_segments(text.substr(i, end - i), i, it, out);
    i = end;
  }
}

}  // namespace article::internal
