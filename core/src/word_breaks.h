// ICU's word segments of a sentence, most of them found without ICU.
//
// tokenize (stages/08_tokenize.cpp) reads each sentence's word segments and their rule status from ICU's word
// break iterator, which was 7 % of an article's analysis (instructions). Most of a news text is space-separated
// chunks that the Unicode word-break rules (UAX #29) split in only one way: runs of Latin letters or of ASCII
// digits, joined inside by the marks that join them ("don't", "U.S", "3.600", "2,4"), with punctuation between
// or around them that joins nothing ("(Hà", "Nội,", "“Tôi", "29/12", "COVID-19", "nói."). Such a chunk is
// segmented here directly; every other chunk (letters next to digits, "17:30", other scripts, combining marks,
// emoji, any white space but U+0020) goes to ICU, so the segments are ICU's exactly.
//
// Why a chunk can be read on its own: between two chunks stands a run of U+0020, and UAX #29 breaks before
// and after such a run unless a mark that extends what precedes it (Extend, Format, ZWJ: WB4) follows it. No
// rule looks across a space (WB6, WB7, WB11, WB12 need a letter, digit or mid-word mark on each side). A
// sentence with a space before such a mark goes to ICU whole.
#pragma once

#include <unicode/brkiter.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace article::internal {

// One segment: [start, end) in the text given, and ICU's rule status for it (UBRK_WORD_NONE for punctuation
// and spaces, UBRK_WORD_NUMBER…, UBRK_WORD_LETTER…). Runs of U+0020 found outside ICU are left out (tokenize
// skips white space); ICU's white-space segments are kept as ICU gives them.
struct WordSegment {
  std::int32_t start = 0, end = 0;
  std::int32_t rule = 0;
};

// The word segments of `text`, in order, into `out` (cleared first). `it` is a word break iterator of the root
// locale, reused between calls. With icu_only, every chunk goes to ICU: the reference the fast path is
// tested against.
void word_segments(std::u16string_view text, icu::BreakIterator& it, std::vector<WordSegment>& out,
                   bool icu_only = false);

}  // namespace article::internal
