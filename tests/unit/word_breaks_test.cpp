// word_segments (core/src/word_breaks.h): the segments tokenize reads are ICU's exactly, whether a chunk was
// segmented without ICU or by it.
#include <catch2/catch.hpp>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <array>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "word_breaks.h"

using article::internal::word_segments;
using article::internal::WordSegment;

namespace {

std::unique_ptr<icu::BreakIterator> word_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  REQUIRE(U_SUCCESS(status));
  return it;
}

// What tokenize keeps of a list of segments, as start, end, rule: those that do not begin with white space (or
// U+FEFF, U+200B), which it skips. word_segments leaves out the runs of U+0020 it finds itself, and ICU joins
// U+0020 with the white space after it (" \u3000") where the fast path hands that white space to ICU alone.
std::vector<std::array<std::int32_t, 3>> kept(std::u16string_view text, const std::vector<WordSegment>& segments) {
  std::vector<std::array<std::int32_t, 3>> out;
  for (const WordSegment& s : segments) {
    UChar32 c;
    U16_GET(text.data(), 0, s.start, static_cast<int32_t>(text.size()), c);
    if (!u_isUWhiteSpace(c) && c != 0xFEFF && c != 0x200B) out.push_back({s.start, s.end, s.rule});
  }
  return out;
}

void check_same(const std::u16string& text, icu::BreakIterator& it) {
  std::vector<WordSegment> fast, reference;
  word_segments(text, it, fast);
  word_segments(text, it, reference, /*icu_only=*/true);
  INFO("text (UTF-16 units): " << [&] {
    std::string units;
    for (char16_t c : text) units += std::to_string(static_cast<unsigned>(c)) + " ";
    return units;
  }());
  CHECK(kept(text, fast) == kept(text, reference));
  // The segments are in order and do not overlap.
  for (std::size_t k = 1; k < fast.size(); ++k) CHECK(fast[k - 1].end <= fast[k].start);
}

}  // namespace

TEST_CASE("word_segments: news text, its punctuation and the chunks only ICU reads", "[words]") {
  auto it = word_iterator();
  for (const std::u16string& text : std::vector<std::u16string>{
           u"Trưởng ban Dân vận Huyện ủy Thạch Hà Lê Văn Sơn: “Ban Dân vận luôn lắng nghe.”",
           u"(TTXVN) - Sáng 29/12, UBND tỉnh đã chi 3.600 tỷ đồng, tăng 2,4% so với năm 2019...",
           u"Dvořák's letter, l'eau, U.S. and a.b: don't stop—ever… «quoted» [see] 10h30 COVID-19 e-mail",
           u"joined inside: don't U.S. a.b.c a..b 3.600.000 2,4 1'000 1;2 a'b\u2019c\u2018d x;y p:q 17:30 3.a a.3 v1.2",
           u"trailing spaces   and  doubled  ",
           u" leading",
           u"",
           u" ",
           u"...",
           u"a",
           u"\u201C\u201D",
           u"combining: Vie\u0302\u0323t nam, then a space before a mark \u0301x and a soft hyphen \u00ADy",
           u"emoji \U0001F600 and a modifier \U0001F44D\U0001F3FD, ZWJ \u200D, tab\tand\u00A0nbsp",
       })
    check_same(text, *it);
}

TEST_CASE("word_segments: random mixtures of letters, digits, marks and spaces agree with ICU", "[words]") {
  auto it = word_iterator();
  // Characters from every class the fast path treats or must leave to ICU: Latin and Vietnamese letters,
  // digits, the edge punctuation, mid-word marks, other scripts, combining marks, format characters,
  // emoji (as surrogate pairs), other white space.
  const std::vector<std::u16string> pieces{u"a",          u"Z",
                                           u"đ",          u"Ư",
                                           u"ệ",          u"ồ",
                                           u"ß",          u"ǅ",
                                           u"ɏ",          u"Ḁ",
                                           u"ỹ",          u"0",
                                           u"7",          u"٣",
                                           u".",          u",",
                                           u";",          u":",
                                           u"'",          u"\u2019",
                                           u"\u2018",     u"\u201C",
                                           u"\u201D",     u"\"",
                                           u"(",          u")",
                                           u"-",          u"\u2013",
                                           u"\u2026",     u"!",
                                           u"?",          u"_",
                                           u"@",          u"#",
                                           u"$",          u"/",
                                           u"%",          u"&",
                                           u"*",          u"«",
                                           u"»",          u"ª",
                                           u"µ",          u"×",
                                           u"\u0301",     u"\u0323",
                                           u"\u00AD",     u"\u200D",
                                           u"\u200B",     u"\uFEFF",
                                           u"α",          u"я",
                                           u"中",         u"ก",
                                           u"ア",         u"\U0001F600",
                                           u"\U0001F3FD", u"\U0001F1FB\U0001F1F3",
                                           u" ",          u" ",
                                           u" ",          u"  ",
                                           u"\t",         u"\n",
                                           u"\u00A0",     u"\u3000"};
  std::mt19937 random(20261204);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), length(1, 40);
  for (int round = 0; round < 20000; ++round) {
    std::u16string text;
    for (std::size_t k = length(random); k > 0; --k) text += pieces[piece(random)];
    check_same(text, *it);
  }
}
