// What the word stage (stages/10_segment_words.cpp) offers the learned segmenter (word_model.cpp) and its trainer: the
// word list's syllable ids of a document's tokens, and the word-list words around each token.
#pragma once

#include <cstdint>
#include <vector>

#include "pipeline.h"

namespace article::internal {

// Each token's syllable id in the word list (0: a token no word holds), for the whole document.
std::vector<std::uint32_t> syllable_ids(const Doc& doc);

// Where the word list's words come from (set_word_list): the list it was given, our own supplement.
enum WordSource : std::uint8_t { kWordFromList = 1, kWordFromAuthors = 2 };

// For each token of [b, e), in syllables (0: none), the longest word of the word list that starts at it, that
// ends at it, and that holds both it and the token before it. Words are runs of syllables one space apart.
struct LexiconMatches {
  std::vector<std::uint8_t> starting, ending, spanning;  // index t - b
  std::vector<std::uint8_t> spanning_sources;            // the WordSource bits of every word that spans there
};
void lexicon_matches(const Doc& doc, const std::vector<std::uint32_t>& ids, int b, int e, LexiconMatches& out);

}  // namespace article::internal
