// Training the word segmenter (word_model.h) on a treebank: UD Vietnamese-VTB's CoNLL-U, where a word's FORM
// keeps the spaces between its syllables. Used by `article-train words` and by the trainer's test.
#pragma once

#include <cstdio>
#include <istream>
#include <string>
#include <utility>
#include <vector>

#include "entity_features.h"
#include "perceptron.h"

namespace article::internal {

// One treebank sentence: its text and its words' UTF-16 spans in that text (FORM keeps a word's spaces).
struct TreebankSentence {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> words;
  std::vector<std::string> lexicon_words;  // its words as the word list holds them (see lexicon_form)
};

// The sentences of a CoNLL-U treebank (`# text` and the FORM column); a sentence whose forms do not spell its
// text is skipped.
std::vector<TreebankSentence> read_treebank(std::istream& in);

struct WordTrainingOptions {
  TrainingOptions perceptron;
  // Jackknifing: the features of the sentences of one fold read a word list made from the other folds' words
  // (plus `base_words`), so that training sees as many words missing from the list as new text will. 1: no
  // folds, every sentence reads every treebank word (only for tests of tiny samples).
  int folds = 10;
  std::string base_words;                // word-list lines given with the treebank's words (set_word_list)
  const WordClusters* clusters = nullptr;  // the entity model's, which the shipped segmenter reads
  float min_weight = 0.0f;
};

// Trains the segmenter on the sentences; returns the model file's "AAWS" section. Leaves the word list of all
// the sentences' words (plus the base) registered, and no segmenter.
std::string train_word_segmenter(const std::vector<TreebankSentence>& sentences, const WordTrainingOptions& options,
                                 void (*progress)(int epoch, double error_rate) = nullptr);

// The word list of the sentences' words, after the base list (what set_word_list reads).
std::string word_list_of(const std::string& base, const std::vector<const TreebankSentence*>& sentences);

// Word F1 as scripts/eval_segmentation.py counts it: words as runs of the text's space-separated syllables,
// a predicted word widened to the syllables it overlaps, syllables no word covers as words of their own.
struct SegmentationCounts {
  long correct = 0, predicted = 0, gold = 0;
  void print(const char* what) const {
    const double p = predicted ? 1.0 * correct / predicted : 0, r = gold ? 1.0 * correct / gold : 0;
    std::printf("%s: F1 %.4f (P %.4f, R %.4f; %ld gold words)\n", what, p + r ? 2 * p * r / (p + r) : 0, p, r, gold);
  }
};

// Adds the sentence's counts, segmented by the analyzer as it is set up now (word list, segmenter).
void score_segmentation(const TreebankSentence& s, SegmentationCounts& counts);

}  // namespace article::internal
